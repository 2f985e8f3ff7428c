/* A degenerate critical point (det H = 0) of f(x, y, z) with rational coordinates, decided where
 * the lowest terms of f - f(p), counted with weights, decide it: with u = x - x0, v = y - y0,
 * w = z - z0 of weights (a, b, c), f - f(p) = F + terms of higher weight, F weighted-homogeneous.
 * F > 0 away from p makes f(p) a strict local min (F dominates near p); F of both signs gives
 * no extremum (along t -> (t^a u, t^b v, t^c w), f - f(p) = t^d F(u, v, w) + o(t^d)). */
#include "multivar.h"
#include "eval.h"
#include "tpoly.h"

#include <stdio.h>
#include <string.h>

/* g = f(p + (u, v, w)) - f(p) as a polynomial (g initialised): 1, 0 when it is none, -1 failed. */
static int shifted(dx_ctx *ctx, dx_expr *f, const char *const *vars, const dx_crit2 *c, dx_expr *const *u,
                   dx_tpoly *g)
{
    dx_expr *pt[3];
    for (int i = 0; i < 3; i++)
        pt[i] = dx_add(ctx, (dx_expr *)c->exact[i], u[i]);
    dx_expr *e = dx_subst_values(ctx, f, vars, pt, 3);
    int degree, is = e ? dx_tp_from_expr(ctx, e, u, g, &degree) : -1;
    /* drop the constant term f(p): the last in the order, when present */
    if (is == 1 && g->n && !g->t[g->n - 1].e[0] && !g->t[g->n - 1].e[1] && !g->t[g->n - 1].e[2])
        mpq_clear(g->t[--g->n].c);
    return is;
}

/* The terms of g of least weight a*e0 + b*e1 + c*e2 (F initialised). */
static void lowest(const dx_tpoly *g, const int *w, dx_tpoly *F)
{
    int d = -1;
    for (size_t i = 0; i < g->n; i++) {
        int k = w[0] * g->t[i].e[0] + w[1] * g->t[i].e[1] + w[2] * g->t[i].e[2];
        d = d < 0 || k < d ? k : d;
    }
    dx_tp_clear(F);
    for (size_t i = 0; i < g->n; i++)
        if (w[0] * g->t[i].e[0] + w[1] * g->t[i].e[1] + w[2] * g->t[i].e[2] == d)
            dx_tp_push(F, g->t[i].e, g->t[i].c);
}

/* 1 when F is shown positive away from 0, -1 negative: every term an even power in each
 * variable with coefficients of one sign (F >= 0), and a pure power of each variable among them
 * (F = 0 only at 0). 0 when not shown. */
static int definite(const dx_tpoly *F)
{
    int sign = 0;
    bool pure[3] = {false, false, false};
    for (size_t i = 0; i < F->n; i++) {
        const unsigned short *e = F->t[i].e;
        int s = mpq_sgn(F->t[i].c);
        if (e[0] % 2 || e[1] % 2 || e[2] % 2 || (sign && s != sign))
            return 0;
        sign = s;
        for (int v = 0; v < 3; v++)
            pure[v] |= e[v] && !e[(v + 1) % 3] && !e[(v + 2) % 3];
    }
    return pure[0] && pure[1] && pure[2] ? sign : 0;
}

/* Does F take both signs on the integer points of [-2, 2]^3? */
static bool both_signs(const dx_tpoly *F)
{
    bool pos = false, neg = false;
    dx_iv P[3], v;
    for (int i = 0; i < 3; i++)
        dx_iv_init(&P[i]);
    dx_iv_init(&v);
    for (int k = 0; k < 125 && !(pos && neg); k++) {
        int q = k;
        for (int i = 0; i < 3; i++, q /= 5) {
            mpq_set_si(P[i].lo, q % 5 - 2, 1);
            mpq_set(P[i].hi, P[i].lo);
        }
        dx_tp_eval_iv(&v, F, P);
        pos |= mpq_sgn(v.lo) > 0;
        neg |= mpq_sgn(v.lo) < 0;
    }
    for (int i = 0; i < 3; i++)
        dx_iv_clear(&P[i]);
    dx_iv_clear(&v);
    return pos && neg;
}

dx_status dx_extrema3_degenerate(dx_ctx *ctx, dx_expr *f, const char *const *vars, dx_crit2 *c)
{
    dx_expr *u[3] = {dx_sym(ctx, "u_", 2), dx_sym(ctx, "v_", 2), dx_sym(ctx, "w_", 2)};
    if (!u[0] || !u[1] || !u[2])
        return dx_ctx_error(ctx)->status;
    dx_tpoly g, F;
    dx_tp_init(&g);
    dx_tp_init(&F);
    int is = shifted(ctx, f, vars, c, u, &g);
    if (is <= 0)
        return is == 0 || dx_recover(ctx) ? DX_OK : dx_ctx_error(ctx)->status;
    dx_status st = DX_OK;
    /* the weights tried: (1, 1, 1) first, then every other triple up to 6 */
    for (int k = 0; k < 216 && g.n && c->kind == DX_CP2_DEGENERATE; k++) {
        int w[3] = {1 + k % 6, 1 + k / 6 % 6, 1 + k / 36};
        lowest(&g, w, &F);
        int def = definite(&F);
        dx_msg_id id = def > 0 ? DX_M_EX3_FORM_MIN : def < 0 ? DX_M_EX3_FORM_MAX
                       : both_signs(&F) ? DX_M_EX3_FORM_SADDLE
                                        : DX_M_NONE;
        if (id == DX_M_NONE)
            continue;
        /* the terms in the variables of f: x - x0, y - y0, z - z0 */
        dx_expr *d[3];
        for (int i = 0; i < 3; i++)
            d[i] = dx_sub(ctx, dx_sym(ctx, vars[i], strlen(vars[i])), (dx_expr *)c->exact[i]);
        dx_expr *e = dx_tp_to_expr(ctx, &F, d);
        if (!e) {
            st = dx_ctx_error(ctx)->status;
            break;
        }
        c->kind = def > 0 ? DX_CP2_MIN : def < 0 ? DX_CP2_MAX : DX_CP2_SADDLE;
        /* "x, y, z" and "6, 3, 2", kept on ctx as long as the message */
        size_t len = strlen(vars[0]) + strlen(vars[1]) + strlen(vars[2]) + 5;
        char *names = dx_alloc(ctx, len), *weights = dx_alloc(ctx, 40);
        if (!names || !weights) {
            st = dx_ctx_error(ctx)->status;
            break;
        }
        snprintf(names, len, "%s, %s, %s", vars[0], vars[1], vars[2]);
        snprintf(weights, 40, "%d, %d, %d", w[0], w[1], w[2]);
        c->lines = DX_MSG(id, DX_S(names), DX_S(weights), DX_E(e));
    }
    dx_tp_clear(&g);
    dx_tp_clear(&F);
    return st;
}
