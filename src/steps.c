/* A derivation step by step, from diff's own rules through its recorder and open holes. */
#include "steps.h"
#include "alloc.h"
#include "eval.h"
#include "fn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An open derivative d/dx(u) is the symbol "@ID@" (u's node id): no input can spell it, the
 * constructors treat it as an ordinary factor, and printing replaces it. */
static dx_expr *open_of(dx_ctx *ctx, const dx_expr *u)
{
    char buf[24];
    int n = snprintf(buf, sizeof buf, "@%u@", (unsigned)u->id);
    return dx_sym(ctx, buf, (size_t)n);
}

/* In dx_steps.rule: the node's derivative is folded into its parent's step. */
#define FOLDED 0x80

static void record(void *user, dx_rule rule, const dx_expr *e, const dx_expr *de)
{
    dx_steps *s = user;
    if (e->id < s->nnodes) {
        /* a sum with a constant derivative (x - 1) is folded like a constant: no step */
        bool folded = rule == DX_R_SUM && de->kind == DX_NUM;
        s->rule[e->id] = (unsigned char)((rule + 1) | (folded ? FOLDED : 0));
        s->node[e->id] = e;
    }
}

/* The rule recorded for u, or -1. */
static int rule_of(const dx_steps *s, const dx_expr *u)
{
    return u->id < s->nnodes ? (s->rule[u->id] & ~FOLDED) - 1 : -1;
}

/* Constants, the variable itself and sums like x - 1 get no step of their own. */
static bool trivial(const dx_steps *s, const dx_expr *u)
{
    int r = rule_of(s, u);
    return r < 0 || r == DX_R_CONSTANT || r == DX_R_VARIABLE || (s->rule[u->id] & FOLDED);
}

typedef struct {
    dx_ctx *ctx;
    dx_steps *s;
} holes;

static dx_expr *hole(void *user, dx_expr *u)
{
    holes *h = user;
    return trivial(h->s, u) ? NULL : open_of(h->ctx, u);
}

/* The id of the leftmost open derivative in e as printed, or -1 when none is left. */
static long leftmost_open(dx_ctx *ctx, const dx_expr *e, bool *oom)
{
    char *t = dx_print(ctx, e, DX_PLAIN);
    if (!t) {
        *oom = true;
        return -1;
    }
    char *at = strchr(t, '@');
    long id = at ? strtol(at + 1, NULL, 10) : -1;
    dx_free(t);
    return id;
}

static dx_status steps_build_run(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_steps *out)
{
    memset(out, 0, sizeof *out);
    if (!f || !var)
        return dx_ctx_error(ctx)->status;
    out->var = var;
    out->nnodes = (uint32_t)dx_node_count(ctx);
    out->rule = dx_calloc(out->nnodes + 1, 1);
    out->node = dx_calloc(out->nnodes + 1, sizeof *out->node);
    out->step = dx_malloc(16 * sizeof *out->step);
    size_t cap = 16;
    if (!out->rule || !out->node || !out->step) {
        dx_steps_free(out);
        dx_oom(ctx);
        return DX_ENOMEM;
    }
    /* the recorder says which rule diff applies to each node, and which are trivial */
    dx_expr *whole = dx_diff_by(ctx, f, var, record, out);
    if (!whole) {
        dx_steps_free(out);
        return dx_ctx_error(ctx)->status;
    }
    if (trivial(out, f)) {
        out->start = open_of(ctx, f);
        out->step[out->n++] = (dx_step){(dx_rule)rule_of(out, f), f, whole};
        out->result = whole;
        return DX_OK;
    }
    holes h = {ctx, out};
    dx_diff_opts o = {.hole = hole, .hole_user = &h};
    dx_expr *cur = out->start = open_of(ctx, f);
    bool oom = false;
    for (long id; cur && (id = leftmost_open(ctx, cur, &oom)) >= 0;) {
        if (id >= (long)out->nnodes || !out->node[id]) {
            dx_failf(ctx, DX_EUSAGE, -1, -1, "steps: an open derivative of an unknown node");
            break;
        }
        if (out->n == DX_MAX_STEPS) {
            dx_failf(ctx, DX_ELIMIT, -1, -1, "too many steps to show (more than %d)", DX_MAX_STEPS);
            cur = NULL;
            break;
        }
        if (out->n == cap) {
            dx_step *more = dx_realloc(out->step, 2 * cap * sizeof *more);
            if (!more) {
                oom = true;
                break;
            }
            out->step = more;
            cap *= 2;
        }
        /* one rule application: diff's rule for this node, its parts' derivatives left open */
        const dx_expr *u = out->node[id];
        dx_expr *one = dx_diff_with(ctx, (dx_expr *)u, var, &o);
        cur = dx_subst(ctx, cur, open_of(ctx, u), one);
        out->step[out->n++] = (dx_step){(dx_rule)rule_of(out, u), u, cur};
    }
    if (oom)
        dx_oom(ctx);
    if (!cur || oom || dx_failed(ctx)) {
        dx_status st = dx_ctx_error(ctx)->status;
        dx_steps_free(out);
        return st;
    }
    out->result = cur;
    return DX_OK;
}

dx_status dx_steps_build(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_steps *out)
{
    dx_status st = steps_build_run(ctx, f, var, out);
    if (st == DX_OK && (st = dx_end(ctx, st)) != DX_OK)
        dx_steps_free(out);
    return st;
}

void dx_steps_free(dx_steps *s)
{
    dx_free(s->step);
    dx_free(s->rule);
    dx_free(s->node);
    s->step = NULL;
    s->rule = NULL;
    s->node = NULL;
    s->n = 0;
}

/* --- text ------------------------------------------------------------------------------------ */

typedef struct {
    char *p;
    size_t n, cap;
    bool oom;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *p = dx_realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}
static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

static char *finish(buf *b)
{
    if (b->oom || !b->p) {
        dx_free(b->p);
        return b->oom ? NULL : dx_strdup("");
    }
    return b->p;
}

char *dx_steps_print(dx_ctx *ctx, const dx_steps *s, const dx_expr *e, dx_format fmt)
{
    char *t = dx_print(ctx, e, fmt), *v = dx_print(ctx, s->var, fmt);
    buf b = {0};
    if (!t || !v) {
        dx_free(t);
        dx_free(v);
        return NULL;
    }
    static const char mathrm[] = "\\mathrm{@";
    for (const char *p = t; *p;) {
        bool tex = fmt == DX_LATEX && strncmp(p, mathrm, sizeof mathrm - 1) == 0;
        if (*p != '@' && !tex) {
            put(&b, p++, 1);
            continue;
        }
        char *end;
        unsigned long id = strtoul(p + (tex ? sizeof mathrm - 1 : 1), &end, 10);
        const dx_expr *u = id < s->nnodes ? s->node[id] : NULL;
        if (*end != '@' || !u) { /* not one of ours: keep the text */
            put(&b, p++, 1);
            continue;
        }
        p = end + 1 + (tex && end[1] == '}');
        char *inner = dx_print(ctx, u, fmt);
        if (!inner) {
            b.oom = true;
            break;
        }
        puts_(&b, fmt == DX_LATEX ? "\\frac{d}{d" : "d/d");
        puts_(&b, v);
        puts_(&b, fmt == DX_LATEX ? "}\\left(" : "(");
        puts_(&b, inner);
        puts_(&b, fmt == DX_LATEX ? "\\right)" : ")");
        dx_free(inner);
    }
    dx_free(t);
    dx_free(v);
    if (b.oom)
        dx_oom(ctx);
    return finish(&b);
}

bool dx_steps_describe(dx_ctx *ctx, const dx_steps *s, size_t i, char **label, const char **formula)
{
    const dx_step *st = &s->step[i];
    const dx_expr *u = st->node, *inner = NULL;
    buf b = {0};
    *formula = dx_rule_formulas[st->rule];
    switch (st->rule) {
    case DX_R_FUNCTION:
    case DX_R_CHAIN:
        *formula = dx_fns[u->fn].formula;
        puts_(&b, st->rule == DX_R_CHAIN ? "chain rule, outer " : "");
        puts_(&b, dx_fns[u->fn].name);
        puts_(&b, st->rule == DX_R_CHAIN ? ", inner " : " rule");
        if (st->rule == DX_R_CHAIN)
            inner = u->a[0];
        break;
    case DX_R_POWER:
    case DX_R_EXPONENTIAL:
        puts_(&b, dx_rule_names[st->rule]);
        puts_(&b, " rule");
        inner = u->a[st->rule == DX_R_POWER ? 0 : 1];
        if (st->rule == DX_R_EXPONENTIAL && u->a[0]->kind == DX_CONST && u->a[0]->fn == DX_E)
            *formula = "(e^u)' = e^u*u'";
        if (inner == s->var)
            inner = NULL;
        else
            puts_(&b, " with the chain rule, inner ");
        break;
    default:
        puts_(&b, dx_rule_names[st->rule]);
        puts_(&b, " rule");
        break;
    }
    if (inner) {
        char *t = dx_print(ctx, inner, DX_PLAIN);
        if (!t)
            b.oom = true;
        else
            puts_(&b, t);
        dx_free(t);
    }
    *label = finish(&b);
    return *label != NULL;
}
