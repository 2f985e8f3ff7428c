/* A degenerate critical point (det H = 0) with rational coordinates, decided where the
 * terms of f - f(p) beyond the Hessian can decide it: along lines through p, then by the
 * lowest terms of f - f(p) counted with weights (x^2 + y^4: x of weight 2, y of weight 1). */
#include "multivar.h"
#include "bpoly.h"
#include "eval.h"
#include "alloc.h"
#include "simplify.h"

#include <string.h>

/* f - f(p) along the line p + t*(a, b): the order and sign of its first term in t (order 0
 * when f is constant along it). false when that cannot be found exactly. */
static bool along(dx_ctx *ctx, dx_expr *f, const char *const *vars, const dx_crit2 *c, int a, int b, int *order,
                  int *sign)
{
    dx_expr *t = dx_sym(ctx, "t_", 2), *pt[2];
    const int dir[2] = {a, b};
    for (int i = 0; i < 2; i++)
        pt[i] = dx_add(ctx, (dx_expr *)c->exact[i], dx_mul(ctx, dx_int(ctx, dir[i]), t));
    dx_expr *g = dx_subst_values(ctx, f, vars, pt, 2);
    dx_poly p;
    dx_poly_init(&p);
    bool ok = g && dx_poly_from_expr(ctx, g, t, &p) == 1;
    *order = 0;
    for (int k = 1; ok && k < p.n && !*order; k++)
        if (mpq_sgn(p.c[k])) {
            *order = k;
            *sign = mpq_sgn(p.c[k]);
        }
    dx_poly_clear(&p);
    return ok;
}

/* A degenerate point with rational coordinates, looked at along eight lines through it: an
 * odd first order, or a rise along one and a fall along another, proves there is no extremum
 * (a saddle); the same sign along all only says what was seen. */
static dx_status lines_through(dx_ctx *ctx, dx_expr *f, const char *const *vars, dx_crit2 *c)
{
    static const int dirs[][2] = {{1, 0}, {0, 1}, {1, 1}, {1, -1}, {1, 2}, {2, 1}, {1, -2}, {2, -1}};
    int up = -1, down = -1, n = 0;
    for (int d = 0; d < 8; d++) {
        int order, sign;
        if (!along(ctx, f, vars, c, dirs[d][0], dirs[d][1], &order, &sign)) {
            if (!dx_recover(ctx))
                return DX_ENOMEM;
            continue;
        }
        if (order == 0)
            continue;
        n++;
        if (order % 2) {
            c->kind = DX_CP2_SADDLE;
            c->lines = DX_MSG(DX_M_EX2_LINE_ODD, DX_I(dirs[d][0]), DX_I(dirs[d][1]), DX_I(order));
            return DX_OK;
        }
        if (sign > 0 && up < 0)
            up = d;
        if (sign < 0 && down < 0)
            down = d;
    }
    if (up >= 0 && down >= 0) {
        c->kind = DX_CP2_SADDLE;
        c->lines = DX_MSG(DX_M_EX2_LINE_SIGNS, DX_I(dirs[up][0]), DX_I(dirs[up][1]), DX_I(dirs[down][0]),
                          DX_I(dirs[down][1]));
    } else if (n > 0) {
        c->lines = DX_MSG(up >= 0 ? DX_M_EX2_LINE_RISES : DX_M_EX2_LINE_FALLS, DX_I(n));
    }
    return DX_OK;
}

/* ---- weighted lowest terms ------------------------------------------------------------------ */

/* The sign F takes on all of a set: 1 positive everywhere, -1 negative everywhere, 2 both
 * signs seen, 0 otherwise (one sign and zeros, or 0). */
typedef struct signs {
    bool pos, neg, zero;
} signs;

static void note(signs *s, int sign)
{
    s->pos |= sign > 0;
    s->neg |= sign < 0;
    s->zero |= sign == 0;
}

/* The signs of the univariate p over the real line: exact values at points between and
 * beside its real roots (each proves a sign), and zero at its roots. */
static dx_status line_signs(dx_ctx *ctx, const dx_poly *p, signs *s)
{
    if (p->n == 0) {
        s->zero = true;
        return DX_OK;
    }
    dx_root *r = NULL;
    size_t n = 0;
    dx_status st = dx_poly_roots(ctx, p, &r, &n);
    if (st != DX_OK)
        return st;
    mpq_t t, v;
    mpq_init(t);
    mpq_init(v);
    s->zero |= n > 0;
    for (size_t i = 0; i <= n; i++) {
        /* a point left of the first root, between two, right of the last (0 without roots) */
        double u = n == 0 ? 0 : i == 0 ? r[0].x - 1 : i == n ? r[n - 1].x + 1 : (r[i - 1].x + r[i].x) / 2;
        mpq_set_d(t, u);
        dx_poly_eval_q(v, p, t);
        note(s, mpq_sgn(v));
    }
    mpq_clear(t);
    mpq_clear(v);
    dx_poly_roots_free(r, n);
    return DX_OK;
}

/* F(u, w) for w = 1 or -1, as a polynomial in u (out initialised). */
static void on_row(const dx_bpoly *F, int w, dx_poly *out)
{
    dx_poly_clear(out);
    dx_poly_init(out);
    dx_poly *cols = dx_gmp_alloc(sizeof *cols * (size_t)(F->dx + 1));
    for (int a = 0; a <= F->dx; a++)
        dx_poly_init(&cols[a]);
    dx_bp_split(F, false, cols); /* cols[a](y): the coefficient of x^a */
    mpq_t yq, v;
    mpq_init(yq);
    mpq_init(v);
    mpq_set_si(yq, w, 1);
    dx_poly term, sum;
    dx_poly_init(&sum);
    for (int a = 0; a <= F->dx; a++) {
        dx_poly_eval_q(v, &cols[a], yq);
        if (!mpq_sgn(v))
            continue;
        dx_poly_init(&term);
        term.n = a + 1;
        term.c = dx_gmp_alloc(sizeof *term.c * (size_t)(a + 1));
        for (int k = 0; k <= a; k++)
            mpq_init(term.c[k]);
        mpq_set(term.c[a], v);
        dx_poly_add(out, &sum, &term);
        dx_poly_clear(&sum);
        sum = *out;
        dx_poly_init(out);
        dx_poly_clear(&term);
    }
    *out = sum;
    for (int a = 0; a <= F->dx; a++)
        dx_poly_clear(&cols[a]);
    dx_free(cols);
    mpq_clear(yq);
    mpq_clear(v);
}

/* The signs of a weighted-homogeneous F away from (0, 0): every such point is (t^a u, t^b w)
 * with t > 0 for a point on the lines w = 1, w = -1 or at (1, 0), (-1, 0). */
static dx_status form_signs(dx_ctx *ctx, const dx_bpoly *F, signs *s)
{
    dx_poly p;
    dx_poly_init(&p);
    dx_status st = DX_OK;
    for (int w = -1; w <= 1 && st == DX_OK; w += 2) {
        on_row(F, w, &p);
        st = line_signs(ctx, &p, s);
        mpq_t v; /* F(w, 0): the terms without y */
        mpq_init(v);
        for (int a = 0; a <= F->dx; a++)
            if (w > 0 || a % 2 == 0)
                mpq_add(v, v, dx_bp_at(F, a, 0));
            else
                mpq_sub(v, v, dx_bp_at(F, a, 0));
        note(s, mpq_sgn(v));
        mpq_clear(v);
    }
    dx_poly_clear(&p);
    return st;
}

/* g = f(p + (u, v)) - f(p) as a polynomial in u and v: 1, 0 when it is none, -1 failed. */
static int shifted(dx_ctx *ctx, dx_expr *f, const char *const *vars, const dx_crit2 *c, dx_bpoly *g)
{
    dx_expr *u = dx_sym(ctx, "u_", 2), *v = dx_sym(ctx, "v_", 2);
    if (!u || !v)
        return -1;
    dx_expr *pt[2] = {dx_add(ctx, (dx_expr *)c->exact[0], u), dx_add(ctx, (dx_expr *)c->exact[1], v)};
    dx_expr *e = dx_subst_values(ctx, f, vars, pt, 2);
    int degree;
    int is = e ? dx_bp_from_expr(ctx, e, u, v, g, &degree) : -1;
    if (is == 1)
        mpq_set_ui(dx_bp_at(g, 0, 0), 0, 1);
    return is;
}

/* The lowest terms of g for the weights (a, b) (out not initialised); false when g is 0. */
static bool lowest(const dx_bpoly *g, int a, int b, dx_bpoly *out, int *d)
{
    *d = -1;
    for (int i = 0; i <= g->dx; i++)
        for (int j = 0; j <= g->dy; j++)
            if (mpq_sgn(dx_bp_at(g, i, j)) && (*d < 0 || a * i + b * j < *d))
                *d = a * i + b * j;
    if (*d < 0)
        return false;
    dx_bp_init(out, g->dx, g->dy);
    for (int i = 0; i <= g->dx; i++)
        for (int j = 0; j <= g->dy; j++)
            if (a * i + b * j == *d)
                mpq_set(dx_bp_at(out, i, j), dx_bp_at(g, i, j));
    return true;
}

static int gcd(int a, int b) { return b ? gcd(b, a % b) : a; }

/* The weights tried: (1, 1) first, then every other coprime pair up to 8. */
static bool next_weights(int *a, int *b)
{
    do {
        if (++*b > 8) {
            *b = 1;
            if (++*a > 8)
                return false;
        }
    } while (*a == *b || gcd(*a, *b) != 1);
    return true;
}

/* The lowest weighted terms of f - f(p), definite (a strict min or max) or of both signs (no
 * extremum), for the first weights that decide; c unchanged when none does. */
static dx_status forms(dx_ctx *ctx, dx_expr *f, const char *const *vars, dx_crit2 *c)
{
    dx_bpoly g, F;
    int is = shifted(ctx, f, vars, c, &g);
    if (is <= 0)
        return is == 0 || dx_recover(ctx) ? DX_OK : DX_ENOMEM;
    dx_status st = DX_OK;
    bool decided = false;
    for (int a = 1, b = 1; !decided && st == DX_OK; ) {
        int d;
        if (!lowest(&g, a, b, &F, &d))
            break;
        signs s = {0};
        st = form_signs(ctx, &F, &s);
        dx_msg_id id = s.pos && s.neg ? DX_M_EX2_FORM_SADDLE : s.zero ? DX_M_NONE
                       : s.pos        ? DX_M_EX2_FORM_MIN
                       : s.neg        ? DX_M_EX2_FORM_MAX
                                      : DX_M_NONE;
        if (st == DX_OK && id != DX_M_NONE) {
            /* the terms in the variables of f: u = x - x0, v = y - y0 */
            dx_expr *x = dx_sym(ctx, vars[0], strlen(vars[0])), *y = dx_sym(ctx, vars[1], strlen(vars[1]));
            dx_expr *e = dx_bp_to_expr(ctx, &F, dx_sub(ctx, x, (dx_expr *)c->exact[0]),
                                       dx_sub(ctx, y, (dx_expr *)c->exact[1]));
            if (!e) {
                st = dx_ctx_error(ctx)->status;
            } else {
                c->kind = id == DX_M_EX2_FORM_MIN ? DX_CP2_MIN : id == DX_M_EX2_FORM_MAX ? DX_CP2_MAX : DX_CP2_SADDLE;
                c->lines = DX_MSG(id, DX_S(vars[0]), DX_I(a), DX_S(vars[1]), DX_I(b), DX_E(e));
                decided = true;
            }
        }
        dx_bp_clear(&F);
        if (!next_weights(&a, &b))
            break;
    }
    dx_bp_clear(&g);
    return st;
}

dx_status dx_extrema2_degenerate(dx_ctx *ctx, dx_expr *f, const char *const *vars, dx_crit2 *c)
{
    dx_status st = lines_through(ctx, f, vars, c);
    return st != DX_OK || c->kind != DX_CP2_DEGENERATE ? st : forms(ctx, f, vars, c);
}
