/* Implicit differentiation: dy/dx = -F_x/F_y on F(x, y) = 0, the tangent at a point of the
 * curve, and d2y/dx2. */
#include "multivar.h"

#include <math.h>
#include <string.h>

/* Is the closed value v zero: exactly when it is a number, else to within rounding (the
 * simplifier may leave sqrt(2)^2 - 2 or sin(pi/3) - sqrt(3)/2 unmerged). */
static bool is_zero(const dx_mv_value *v, double scale)
{
    if (v->exact->kind == DX_NUM)
        return dx_is_int(v->exact, 0);
    return fabs(v->num) <= 1e-12 * (scale > 1 ? scale : 1);
}

/* The tangent at (x0, y0), on the curve. */
static dx_status at_point(dx_ctx *ctx, dx_implicit_result *r)
{
    const char *names[] = {r->x, r->y};
    dx_expr *pt[] = {r->x0, r->y0};
    dx_mv_value f, fx, fy;
    dx_status st;
    if ((st = dx_mv_at(ctx, r->F, names, pt, 2, &f)) != DX_OK ||
        (st = dx_mv_at(ctx, r->Fx, names, pt, 2, &fx)) != DX_OK || (st = dx_mv_at(ctx, r->Fy, names, pt, 2, &fy)) != DX_OK)
        return st;
    double x0, y0;
    if ((st = dx_eval_const(ctx, r->x0, &x0)) != DX_OK || (st = dx_eval_const(ctx, r->y0, &y0)) != DX_OK)
        return st;
    if (!is_zero(&f, fabs(x0) + fabs(y0))) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_IMPL_OFF_CURVE, DX_E(r->x0), DX_E(r->y0), DX_E(f.exact));
        return DX_EUSAGE;
    }
    double scale = fabs(fx.num) + fabs(fy.num);
    bool fy0 = is_zero(&fy, scale), fx0 = is_zero(&fx, scale);
    r->at = true;
    if (fy0) {
        r->kind = fx0 ? DX_IMPLICIT_SINGULAR : DX_IMPLICIT_VERTICAL;
        return DX_OK;
    }
    r->kind = DX_IMPLICIT_LINE;
    dx_mv_value m;
    if ((st = dx_mv_at(ctx, r->dydx, names, pt, 2, &m)) != DX_OK)
        return st;
    r->slope = m.exact;
    r->slope_num = m.num;
    dx_expr *x = dx_sym(ctx, r->x, strlen(r->x));
    r->line = dx_simplify(ctx, dx_add(ctx, r->y0, dx_mul(ctx, m.exact, dx_sub(ctx, x, r->x0))));
    if (!r->line)
        return dx_ctx_error(ctx)->status;
    if (r->d2ydx2) {
        dx_mv_value s;
        if ((st = dx_mv_at(ctx, r->d2ydx2, names, pt, 2, &s)) != DX_OK)
            return st;
        r->second = s.exact;
        r->second_num = s.num;
    }
    return DX_OK;
}

static dx_status implicit_of(dx_ctx *ctx, dx_expr *F, const char *x, const char *y, unsigned order, dx_expr *x0,
                      dx_expr *y0, dx_implicit_result *out)
{
    memset(out, 0, sizeof *out);
    dx_ctx_clear_error(ctx);
    if (order < 1 || order > 2) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_IMPL_ORDER);
        return DX_EUSAGE;
    }
    dx_expr *xs = dx_sym(ctx, x, strlen(x)), *ys = dx_sym(ctx, y, strlen(y));
    if (!xs || !ys)
        return dx_ctx_error(ctx)->status;
    const char **vars;
    size_t n = dx_vars(ctx, F, &vars);
    for (size_t i = 0; i < n; i++)
        if (strcmp(vars[i], xs->u.name) != 0 && strcmp(vars[i], ys->u.name) != 0) {
            dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_IMPL_OTHER_VAR, DX_S(vars[i]), DX_S(xs->u.name), DX_S(ys->u.name));
            return DX_EUSAGE;
        }
    if (!dx_has(F, ys)) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_IMPL_NO_Y, DX_S(ys->u.name));
        return DX_EUSAGE;
    }
    out->F = F;
    out->x = xs->u.name;
    out->y = ys->u.name;
    out->order = order;
    out->Fx = dx_derivative(ctx, F, out->x, 1);
    out->Fy = out->Fx ? dx_derivative(ctx, F, out->y, 1) : NULL;
    out->dydx = out->Fy ? dx_simplify(ctx, dx_neg(ctx, dx_div(ctx, out->Fx, out->Fy))) : NULL;
    if (!out->dydx)
        return dx_ctx_error(ctx)->status;
    if (order == 2) {
        /* the chain rule with y = y(x): d/dx g(x, y) = g_x + g_y * y' */
        dx_expr *gx = dx_derivative(ctx, out->dydx, out->x, 1), *gy = gx ? dx_derivative(ctx, out->dydx, out->y, 1) : NULL;
        out->d2ydx2 = gy ? dx_simplify(ctx, dx_add(ctx, gx, dx_mul(ctx, gy, out->dydx))) : NULL;
        if (!out->d2ydx2)
            return dx_ctx_error(ctx)->status;
    }
    if (!x0 || !y0)
        return DX_OK;
    out->x0 = x0;
    out->y0 = y0;
    return at_point(ctx, out);
}

dx_status dx_implicit(dx_ctx *ctx, dx_expr *F, const char *x, const char *y, unsigned order, dx_expr *x0,
                      dx_expr *y0, dx_implicit_result *out)
{
    return dx_mv_end(ctx, implicit_of(ctx, F, x, y, order, x0, y0, out));
}
