/* The derivative as dfdx shows it: the order loop, the node bound, the kinks, the gradient. */
#include "expr.h"
#include "alloc.h"
#include "limit.h"
#include "simplify.h"

#include <string.h>

dx_expr *dx_derivative(dx_ctx *ctx, dx_expr *e, const char *var, unsigned order)
{
    if (!e)
        return NULL; /* an earlier call failed: its error stands */
    dx_ctx_clear_error(ctx);
    size_t budget = dx_ctx_budget(ctx);
    dx_ctx_set_budget(ctx, dx_node_count(ctx) + DX_DERIVATIVE_NODES);
    dx_expr *d = e;
    unsigned k = 0;
    while (d && k < order) {
        /* simplified after each order, so a higher derivative starts from the tidy form */
        d = dx_simplify(ctx, dx_diff(ctx, d, var, 1));
        k++;
    }
    dx_ctx_set_budget(ctx, budget);
    if (!d && dx_ctx_error(ctx)->status == DX_ELIMIT && k > 1) {
        dx_ctx_clear_error(ctx);
        dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_DERIVATIVE_TOO_LARGE, DX_I(order), DX_I(DX_DERIVATIVE_NODES), DX_I(k));
    }
    return d;
}

static dx_slope slope_of(dx_ctx *ctx, const dx_lim *l)
{
    static const dx_slope_kind kinds[] = {
        [DX_LIM_VALUE] = DX_SLOPE_VALUE,           [DX_LIM_POS_INF] = DX_SLOPE_POS_INF,
        [DX_LIM_NEG_INF] = DX_SLOPE_NEG_INF,       [DX_LIM_OSCILLATES] = DX_SLOPE_OSCILLATES,
        [DX_LIM_UNDEFINED] = DX_SLOPE_UNDEFINED,   [DX_LIM_UNKNOWN] = DX_SLOPE_UNKNOWN,
    };
    dx_slope s = {kinds[l->kind], l->exact, l->value, DX_MSG(DX_M_NONE)};
    if (s.kind == DX_SLOPE_UNKNOWN) { /* how it was tried, as the limit renderer says it */
        dx_buf b = {0};
        dx_show_lim_method(ctx, &l->method, &b);
        char *t = dx_buf_take(&b);
        const char *kept = t ? dx_strndup(ctx, t, strlen(t)) : NULL;
        dx_free(t);
        s.why = DX_MSG(DX_M_TEXT, DX_S(kept ? kept : ""));
    }
    return s;
}

/* What f does at a kink's point, from the limit report there: continuity first (a jump or a
 * pole is no corner), then whether the one-sided derivatives agree. */
static dx_kink_kind kink_kind(const dx_limit_report *r)
{
    const dx_lim *s[2] = {&r->left, &r->right};
    for (int i = 0; i < 2; i++)
        if (s[i]->kind == DX_LIM_POS_INF || s[i]->kind == DX_LIM_NEG_INF)
            return DX_KINK_POLE;
    if (r->continuous == 1)
        return r->differentiable == 1 ? DX_KINK_SMOOTH : r->differentiable == 0 ? DX_KINK_CORNER : DX_KINK_UNDECIDED;
    if (r->continuous != 0 || s[0]->kind != DX_LIM_VALUE || s[1]->kind != DX_LIM_VALUE)
        return DX_KINK_UNDECIDED;
    return r->exists ? (r->defined_at ? DX_KINK_UNDECIDED : DX_KINK_HOLE) : DX_KINK_JUMP;
}

/* A kink of f at u = 0: its point when u is linear in x, what f does there, and the one-sided
 * derivatives. */
static dx_kink kink_at(dx_ctx *ctx, dx_expr *f, dx_expr *x, dx_expr *u)
{
    dx_kink k = {.u = u, .at = dx_linear_root(ctx, u, x)};
    if (!k.at)
        return k;
    dx_limit_report rep;
    if (dx_limit(ctx, f, x->u.name, (dx_point){k.at, 0}, false, false, &rep) == DX_OK) {
        k.kind = kink_kind(&rep);
        k.fleft = slope_of(ctx, &rep.left);
        k.fright = slope_of(ctx, &rep.right);
    }
    dx_ctx_clear_error(ctx);
    dx_lim l, r;
    if (dx_limit_onesided_derivatives(ctx, f, x, k.at, &l, &r) == DX_OK) {
        k.sided = true;
        k.left = slope_of(ctx, &l);
        k.right = slope_of(ctx, &r);
    }
    return k;
}

dx_status dx_derive(dx_ctx *ctx, dx_expr *f, const char *var, unsigned order, dx_derived *out)
{
    memset(out, 0, sizeof *out);
    out->f = f;
    out->order = order;
    if (!(out->derivative = dx_derivative(ctx, f, var, order)))
        return dx_ctx_error(ctx)->status;
    dx_expr *x = dx_sym(ctx, var, strlen(var));
    if (!x)
        return dx_ctx_error(ctx)->status;
    out->var = x->u.name;
    dx_expr *args[DX_MAX_KINKS];
    size_t n = order >= 1 ? dx_kinks(ctx, f, x, args, DX_MAX_KINKS) : 0;
    for (size_t i = 0; i < n && i < DX_MAX_KINKS; i++)
        out->kink[out->nkinks++] = kink_at(ctx, f, x, args[i]);
    /* a kink's point or sides not found is a shorter note, not a failure */
    dx_ctx_clear_error(ctx);
    return DX_OK;
}

dx_status dx_gradient(dx_ctx *ctx, dx_expr *f, dx_grad *out)
{
    memset(out, 0, sizeof *out);
    if (!f)
        return dx_ctx_error(ctx)->status;
    dx_ctx_clear_error(ctx);
    const char **vars;
    size_t n = dx_vars(ctx, f, &vars);
    if (dx_failed(ctx))
        return dx_ctx_error(ctx)->status;
    dx_expr **partial = dx_alloc(ctx, (n ? n : 1) * sizeof *partial);
    if (!partial)
        return dx_ctx_error(ctx)->status;
    for (size_t i = 0; i < n; i++)
        if (!(partial[i] = dx_derivative(ctx, f, vars[i], 1)))
            return dx_ctx_error(ctx)->status;
    *out = (dx_grad){f, n, vars, partial};
    return DX_OK;
}
