/* The tangent line of f at a point: exact where the values come out exact, and where f' has
 * no value there, what the one-sided slopes say (a kink, a vertical tangent, a jump). */
#include "eval.h"
#include "alloc.h"
#include "limit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static dx_slope slope_of(const dx_lim *l)
{
    switch (l->kind) {
    case DX_LIM_VALUE: return (dx_slope){.kind = DX_SLOPE_VALUE, .exact = l->exact, .value = l->value};
    case DX_LIM_POS_INF: return (dx_slope){.kind = DX_SLOPE_POS_INF, .value = INFINITY};
    case DX_LIM_NEG_INF: return (dx_slope){.kind = DX_SLOPE_NEG_INF, .value = -INFINITY};
    default: return (dx_slope){.kind = DX_SLOPE_UNDEFINED, .value = NAN}; /* f is not defined on that side */
    }
}

/* Where the formula for f' fails at A, the one-sided derivatives decide: relu(x^3) at 0 has
 * slope 0 from both sides; abs(x) at 0 is a kink, sqrt(x) at 0 an edge, x^(1/3) at 0 a
 * vertical tangent. Sets out->kind (and the slopes), or leaves it UNDEFINED when the limits
 * do not decide; *m and *slope get the slope when there is one. */
static void one_sided(dx_ctx *ctx, dx_expr *fe, dx_expr *sv, dx_expr *A, dx_tangent_result *out, double *m,
                      dx_expr **slope)
{
    dx_limit_report r;
    if (!fe || !sv || dx_limit(ctx, fe, sv->u.name, (dx_point){A, 0}, true, true, &r) != DX_OK)
        return;
    const dx_lim *l = &r.dleft, *rt = &r.dright;
    const dx_lim *one = l->kind == DX_LIM_VALUE && (rt->kind == DX_LIM_VALUE || rt->kind == DX_LIM_UNDEFINED) ? l
                      : rt->kind == DX_LIM_VALUE && l->kind == DX_LIM_UNDEFINED                               ? rt
                                                                                                              : NULL;
    if (r.differentiable == 1 && one) {
        out->kind = DX_TANGENT_LINE;
        *m = one->value;
        *slope = one->exact;
    } else if (r.differentiable == 0) {
        out->left = slope_of(l);
        out->right = slope_of(rt);
        /* vertical: both sides (or the one where f is defined) go to the same infinity */
        dx_lim_kind lk = l->kind == DX_LIM_UNDEFINED ? rt->kind : l->kind;
        dx_lim_kind rk = rt->kind == DX_LIM_UNDEFINED ? l->kind : rt->kind;
        out->kind = r.continuous != 1                                     ? DX_TANGENT_JUMP
                    : lk == rk && (lk == DX_LIM_POS_INF || lk == DX_LIM_NEG_INF) ? DX_TANGENT_VERTICAL
                                                                          : DX_TANGENT_KINK;
    }
}

/* The point: at parsed, a closed expression with a finite value. */
static dx_expr *point(dx_ctx *ctx, const char *at, double *x)
{
    dx_expr *A = dx_parse(ctx, at, strlen(at));
    const char **names;
    if (!A)
        return NULL;
    if (dx_vars(ctx, A, &names) > 0 || dx_eval_const(ctx, A, x) != DX_OK || !isfinite(*x)) {
        dx_ctx_clear_error(ctx);
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_TANGENT_NOT_A_POINT, DX_S(at));
    }
    return A;
}

/* The error "f is not defined at x = A: why", why being the evaluator's message. */
static dx_status undefined_at(dx_ctx *ctx, const char *var, const char *at)
{
    char *why = dx_ctx_errmsg(ctx, DX_PLAIN);
    dx_ctx_clear_error(ctx);
    if (!why)
        return dx_oom(ctx), DX_ENOMEM;
    dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_TANGENT_F_UNDEFINED, DX_S(var), DX_S(at), DX_S(why));
    dx_free(why);
    return DX_EDOMAIN;
}

/* The exact values at an exact point: sin(x) at pi/6 has slope sqrt(3)/2; x^2 at 3/2 has
 * y = 3*x - 9/4. Where the slope is known from the one-sided limits it is given as slope. */
static void exact_line(dx_ctx *ctx, dx_expr *fe, dx_expr *de, dx_expr *sv, dx_expr *A, dx_expr *slope,
                       dx_tangent_result *out)
{
    dx_expr *fa = dx_subst(ctx, fe, sv, A);
    dx_expr *ma = slope ? slope : dx_subst(ctx, de, sv, A);
    dx_expr *ba = dx_sub(ctx, fa, dx_mul(ctx, ma, A));
    dx_expr *line = ba && !(fa->vmask | ma->vmask) ? dx_add(ctx, dx_mul(ctx, ma, sv), ba) : NULL;
    if (line) {
        out->exact = true;
        out->exact_y = fa;
        out->exact_slope = ma;
        out->exact_intercept = ba;
        out->line = line;
    }
    dx_ctx_clear_error(ctx);
}

dx_status dx_tangent(dx_ctx *ctx, dx_expr *f, const char *var, const char *at, const char *const *names,
                     dx_expr *const *values, size_t nvalues, dx_tangent_result *out)
{
    memset(out, 0, sizeof *out);
    if (!f || !var || !at)
        return dx_failed(ctx) ? dx_ctx_error(ctx)->status : DX_EUSAGE; /* an earlier call failed */
    dx_ctx_clear_error(ctx);
    dx_expr *d = dx_diff(ctx, f, var, 1);
    dx_expr *fe = dx_subst_values(ctx, f, names, values, nvalues), *de = dx_subst_values(ctx, d, names, values, nvalues);
    dx_prog *pf = fe && de ? dx_compile(ctx, fe, &var, 1) : NULL, *pd = pf ? dx_compile(ctx, de, &var, 1) : NULL;
    double x = 0, fx, m = NAN;
    dx_expr *A = pd ? point(ctx, at, &x) : NULL;
    const char *name = A ? dx_strndup(ctx, var, strlen(var)) : NULL;
    dx_status st = !name ? (dx_failed(ctx) ? dx_ctx_error(ctx)->status : (dx_oom(ctx), DX_ENOMEM))
                   : dx_prog_eval(pf, ctx, &x, &fx) != DX_OK ? undefined_at(ctx, var, at)
                                                             : DX_OK;
    if (st != DX_OK) {
        dx_prog_free(pf);
        dx_prog_free(pd);
        return st;
    }
    out->f = f;
    out->var = name;
    out->at = A;
    out->x = x;
    out->y = fx;
    out->decimals = strpbrk(at, ".eE") && !strstr(at, "pi") && A->kind == DX_NUM;
    out->kind = dx_prog_eval(pd, ctx, &x, &m) == DX_OK ? DX_TANGENT_LINE : DX_TANGENT_UNDEFINED;
    dx_prog_free(pf);
    dx_prog_free(pd);
    out->why = dx_ctx_error(ctx)->msg;
    dx_ctx_clear_error(ctx);
    dx_expr *sv = dx_sym(ctx, var, strlen(var)), *slope = NULL;
    /* at an exact point the exact f'(A) decides: a double pi misses sin(pi) = 0, so
     * abs(sin(x)) would get a slope at its kink */
    if (out->kind == DX_TANGENT_LINE && !dx_subst(ctx, de, sv, A) && dx_ctx_error(ctx)->status == DX_EDOMAIN) {
        out->kind = DX_TANGENT_UNDEFINED;
        out->why = dx_ctx_error(ctx)->msg;
    }
    dx_ctx_clear_error(ctx);
    if (out->kind == DX_TANGENT_UNDEFINED)
        one_sided(ctx, fe, sv, A, out, &m, &slope);
    dx_ctx_clear_error(ctx);
    if (out->kind == DX_TANGENT_LINE) {
        out->slope = m;
        out->intercept = fx - m * x;
        exact_line(ctx, fe, de, sv, A, slope, out);
    } else {
        out->slope = out->intercept = NAN;
    }
    if (out->kind != DX_TANGENT_UNDEFINED)
        out->why = DX_MSG(DX_M_NONE);
    return DX_OK;
}
