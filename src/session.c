/* Session: named expressions the parser reads, exact substitution, and facts about a node. */
#include "eval.h"
#include "fn.h"
#include "parse.h"
#include "dfdx/session.h"

#include <string.h>

/* Definitions live in the context's arena, newest first; redefining a name replaces its body
 * in place, so a session that redefines f a thousand times keeps one entry. */
struct dx_def {
    const char *name;
    dx_expr *param; /* a DX_SYM, or NULL */
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

bool dx_def_takes_arg(const dx_def *d) { return d->param != NULL; }

dx_expr *dx_def_apply(dx_ctx *ctx, const dx_def *d, dx_expr *arg)
{
    return arg ? dx_subst(ctx, d->body, d->param, arg) : d->body;
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

dx_status dx_define(dx_ctx *ctx, const char *name, const char *param, dx_expr *body)
{
    if (!body)
        return dx_ctx_error(ctx)->status;
    dx_ctx_clear_error(ctx);
    if (!free_name(name) || (param && !free_name(param))) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_CANNOT_DEFINE, DX_S(free_name(name) ? param : name));
        return DX_EUSAGE;
    }
    dx_expr *p = param ? dx_sym(ctx, param, strlen(param)) : NULL;
    if (param && !p)
        return dx_ctx_error(ctx)->status;
    dx_def *d = (dx_def *)dx_def_find(ctx, name, strlen(name));
    if (!d) {
        d = dx_alloc(ctx, sizeof *d);
        const char *copy = d ? dx_strndup(ctx, name, strlen(name)) : NULL;
        if (!copy)
            return DX_ENOMEM;
        dx_def **defs = dx_ctx_defs(ctx);
        *d = (dx_def){copy, NULL, NULL, *defs};
        *defs = d;
    }
    d->param = p;
    d->body = body;
    return DX_OK;
}

dx_expr *dx_defined(dx_ctx *ctx, const char *name, const char **param)
{
    const dx_def *d = dx_def_find(ctx, name, strlen(name));
    if (param)
        *param = d && d->param ? d->param->u.name : NULL;
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
