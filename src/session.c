/* Session: named expressions the parser reads, exact substitution, and facts about a node. */
#include "eval.h"
#include "fn.h"
#include "parse.h"
#include "dfdx/derivative.h"
#include "dfdx/session.h"

#include <stdio.h>
#include <string.h>

/* Definitions live in the context's arena, newest first; redefining a name replaces its body
 * in place, so a session that redefines f a thousand times keeps one entry. */
struct dx_def {
    const char *name;
    dx_expr **params; /* DX_SYMs, nparams of them (0: a name without parameters) */
    size_t nparams;
    const char **param_names;
    dx_expr *body;
    dx_def *next;
};

const dx_def *dx_def_find(dx_ctx *ctx, const char *name, size_t len)
{
    for (const dx_def *d = *dx_ctx_defs(ctx); d; d = d->next)
        if (strncmp(d->name, name, len) == 0 && d->name[len] == 0)
            return d;
    return NULL;
}

size_t dx_def_nparams(const dx_def *d) { return d->nparams; }
const char *dx_def_name(const dx_def *d) { return d->name; }

dx_expr *dx_def_apply(dx_ctx *ctx, const dx_def *d, dx_expr *const *args, size_t nargs)
{
    if (nargs == 0)
        return d->body;
    if (nargs == 1)
        return dx_subst(ctx, d->body, d->params[0], args[0]);
    /* every parameter at once: first each to a name no one can type, then each of those to
     * its argument, so that L(b, w) swaps w and b rather than making both b */
    dx_expr *e = d->body, *held[DX_DEFINE_MAX_PARAMS];
    for (size_t i = 0; i < nargs && e; i++) {
        char name[24];
        snprintf(name, sizeof name, "#%zu", i);
        held[i] = dx_sym(ctx, name, strlen(name));
        e = held[i] ? dx_subst(ctx, e, d->params[i], held[i]) : NULL;
    }
    for (size_t i = 0; i < nargs && e; i++)
        e = dx_subst(ctx, e, held[i], args[i]);
    return e;
}

const dx_def *dx_def_derived(dx_ctx *ctx, const dx_def *d, unsigned order)
{
    dx_def *p = dx_alloc(ctx, sizeof *p);
    if (!p)
        return NULL;
    *p = *d;
    p->next = NULL;
    p->body = dx_derivative(ctx, d->body, d->param_names[0], order);
    return p->body ? p : NULL;
}

/* The grammar's identifier, [A-Za-z_][A-Za-z0-9_]* (lexer.l); to become its dx_is_name. */
static bool is_name(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

/* A name the grammar reads as a variable: not a function, not the constants e and pi. */
static bool free_name(const char *s)
{
    return is_name(s) && !dx_fn_lookup(s, strlen(s)) && strcmp(s, "e") != 0 && strcmp(s, "pi") != 0;
}

/* The definition other than name's own whose parameter name is, or NULL: f(x) = ... makes x
 * the variable of f, which x = 3 must not quietly turn into a number in every later line. */
static const dx_def *parameter_of(dx_ctx *ctx, const char *name)
{
    for (const dx_def *d = *dx_ctx_defs(ctx); d; d = d->next)
        for (size_t i = 0; i < d->nparams && strcmp(d->name, name) != 0; i++)
            if (strcmp(d->param_names[i], name) == 0)
                return d;
    return NULL;
}

/* name = body refused because name is a parameter of d: what to write instead. */
static dx_status refuse_parameter(dx_ctx *ctx, const char *name, const dx_def *d, dx_expr *body)
{
    if (d->nparams == 1) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DEFINE_PARAMETER, DX_S(name), DX_S(d->name), DX_E(body));
        return DX_EUSAGE;
    }
    char list[256] = "";
    for (size_t i = 0; i < d->nparams; i++) {
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", d->param_names[i]);
    }
    dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DEFINE_PARAMETER_N, DX_S(name), DX_S(d->name), DX_S(list)); /* copied */
    return DX_EUSAGE;
}

dx_status dx_define(dx_ctx *ctx, const char *name, const char *param, dx_expr *body)
{
    return dx_define_n(ctx, name, &param, param ? 1 : 0, body);
}

dx_status dx_define_n(dx_ctx *ctx, const char *name, const char *const *params, size_t nparams, dx_expr *body)
{
    if (!body)
        return dx_ctx_error(ctx)->status;
    dx_ctx_clear_error(ctx);
    if (nparams > DX_DEFINE_MAX_PARAMS) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DEFINE_TOO_MANY, DX_S(name), DX_I(DX_DEFINE_MAX_PARAMS));
        return DX_EUSAGE;
    }
    for (size_t i = 0; i <= nparams; i++) {
        const char *n = i ? params[i - 1] : name;
        if (!free_name(n)) {
            dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_CANNOT_DEFINE, DX_S(n));
            return DX_EUSAGE;
        }
    }
    const dx_def *owner = parameter_of(ctx, name);
    if (owner)
        return refuse_parameter(ctx, name, owner, body);
    dx_expr **p = dx_alloc(ctx, (nparams ? nparams : 1) * sizeof *p);
    const char **names = dx_alloc(ctx, (nparams ? nparams : 1) * sizeof *names);
    if (!p || !names)
        return dx_ctx_error(ctx)->status;
    for (size_t i = 0; i < nparams; i++) {
        if (!(p[i] = dx_sym(ctx, params[i], strlen(params[i]))))
            return dx_ctx_error(ctx)->status;
        names[i] = p[i]->u.name;
    }
    dx_def *d = (dx_def *)dx_def_find(ctx, name, strlen(name));
    if (!d) {
        d = dx_alloc(ctx, sizeof *d);
        const char *copy = d ? dx_strndup(ctx, name, strlen(name)) : NULL;
        if (!copy)
            return DX_ENOMEM;
        dx_def **defs = dx_ctx_defs(ctx);
        *d = (dx_def){.name = copy, .next = *defs};
        *defs = d;
    }
    d->params = p;
    d->param_names = names;
    d->nparams = nparams;
    d->body = body;
    return DX_OK;
}

dx_expr *dx_defined(dx_ctx *ctx, const char *name, const char **param)
{
    const dx_def *d = dx_def_find(ctx, name, strlen(name));
    if (param)
        *param = d && d->nparams ? d->param_names[0] : NULL;
    return d ? d->body : NULL;
}

dx_expr *dx_defined_n(dx_ctx *ctx, const char *name, const char *const **params, size_t *nparams)
{
    const dx_def *d = dx_def_find(ctx, name, strlen(name));
    *params = d ? d->param_names : NULL;
    *nparams = d ? d->nparams : 0;
    return d ? d->body : NULL;
}

dx_expr *dx_substitute(dx_ctx *ctx, dx_expr *e, const char *var, dx_expr *value)
{
    if (!e || !value)
        return NULL;
    dx_ctx_clear_error(ctx);
    return dx_subst(ctx, e, dx_sym(ctx, var, strlen(var)), value);
}

bool dx_is_number(const dx_expr *e) { return e && e->kind == DX_NUM; }
bool dx_is_variable(const dx_expr *e) { return e && e->kind == DX_SYM; }
bool dx_is_constant(const dx_expr *e) { return e && e->kind == DX_CONST; }
