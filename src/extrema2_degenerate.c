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

static void note(dx_signs *s, int sign)
{
    s->pos |= sign > 0;
    s->neg |= sign < 0;
    s->zero |= sign == 0;
}

/* The signs of the univariate p over the real line: exact values at points between and
 * beside its real roots (each proves a sign), and zero at its roots. */
dx_status dx_poly_signs(dx_ctx *ctx, const dx_poly *p, dx_signs *s)
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
static dx_status form_signs(dx_ctx *ctx, const dx_bpoly *F, dx_signs *s)
{
    dx_poly p;
    dx_poly_init(&p);
    dx_status st = DX_OK;
    for (int w = -1; w <= 1 && st == DX_OK; w += 2) {
        on_row(F, w, &p);
        st = dx_poly_signs(ctx, &p, s);
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

dx_expr *dx_q_expr(dx_ctx *ctx, const mpq_t q)
{
    dx_num n = dx_num_from_mpq(q);
    dx_expr *e = dx_number(ctx, &n);
    dx_num_clear(&n);
    return e;
}

/* g = f(p + M (u, v)) - f(p) as a polynomial in u and v (M row-major; NULL: the identity):
 * 1, 0 when it is none, -1 failed. */
static int shifted(dx_ctx *ctx, dx_expr *f, const char *const *vars, const dx_crit2 *c, const mpq_t *M, dx_bpoly *g)
{
    dx_expr *u = dx_sym(ctx, "u_", 2), *v = dx_sym(ctx, "v_", 2);
    if (!u || !v)
        return -1;
    dx_expr *pt[2];
    for (int i = 0; i < 2; i++)
        pt[i] = M ? dx_add_n(ctx, (dx_expr *[]){(dx_expr *)c->exact[i], dx_mul(ctx, dx_q_expr(ctx, M[2 * i]), u),
                                                dx_mul(ctx, dx_q_expr(ctx, M[2 * i + 1]), v)}, 3)
                  : dx_add(ctx, (dx_expr *)c->exact[i], i ? v : u);
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

/* The lowest weighted terms of g = f - f(p) in coordinates (s, t), definite (a strict min or
 * max) or of both signs (no extremum), for the first weights that decide; c unchanged when
 * none does. sn, tn name the coordinates, sv, tv are them in the variables of f. */
static dx_status weighted(dx_ctx *ctx, const dx_bpoly *g, dx_expr *sn, dx_expr *tn, dx_expr *sv, dx_expr *tv,
                          dx_crit2 *c)
{
    dx_bpoly F;
    dx_status st = DX_OK;
    bool decided = false;
    for (int a = 1, b = 1; !decided && st == DX_OK; ) {
        int d;
        if (!lowest(g, a, b, &F, &d))
            break;
        dx_signs s = {0};
        st = form_signs(ctx, &F, &s);
        dx_msg_id id = s.pos && s.neg ? DX_M_EX2_FORM_SADDLE : s.zero ? DX_M_NONE
                       : s.pos        ? DX_M_EX2_FORM_MIN
                       : s.neg        ? DX_M_EX2_FORM_MAX
                                      : DX_M_NONE;
        if (st == DX_OK && id != DX_M_NONE) {
            dx_expr *e = dx_bp_to_expr(ctx, &F, sv, tv);
            if (!e || !sn || !tn) {
                st = dx_ctx_error(ctx)->status;
            } else {
                c->kind = id == DX_M_EX2_FORM_MIN ? DX_CP2_MIN : id == DX_M_EX2_FORM_MAX ? DX_CP2_MAX : DX_CP2_SADDLE;
                c->lines = DX_MSG(id, DX_E(sn), DX_I(a), DX_E(tn), DX_I(b), DX_E(e));
                decided = true;
            }
        }
        dx_bp_clear(&F);
        if (!next_weights(&a, &b))
            break;
    }
    return st;
}

/* The weighted lowest terms in the coordinates of f: u = x - x0, v = y - y0. */
static dx_status forms(dx_ctx *ctx, dx_expr *f, const char *const *vars, dx_crit2 *c)
{
    dx_bpoly g;
    int is = shifted(ctx, f, vars, c, NULL, &g);
    if (is <= 0)
        return is == 0 || dx_recover(ctx) ? DX_OK : DX_ENOMEM;
    dx_expr *x = dx_sym(ctx, vars[0], strlen(vars[0])), *y = dx_sym(ctx, vars[1], strlen(vars[1]));
    dx_status st = weighted(ctx, &g, x, y, dx_sub(ctx, x, (dx_expr *)c->exact[0]),
                            dx_sub(ctx, y, (dx_expr *)c->exact[1]), c);
    dx_bp_clear(&g);
    return st;
}

/* ---- the splitting lemma: H of rank 1 ------------------------------------------------------- */

/* The coefficient of u^a v^b in g (0 past its degrees). */
static mpq_srcptr coef(const dx_bpoly *g, int a, int b, mpq_srcptr zero)
{
    return a <= g->dx && b <= g->dy ? dx_bp_at(g, a, b) : zero;
}

/* p mod t^(N+1), trimmed. */
static void truncate(dx_poly *p, int N)
{
    while (p->n > N + 1)
        mpq_clear(p->c[--p->n]);
    while (p->n > 0 && !mpq_sgn(p->c[p->n - 1]))
        mpq_clear(p->c[--p->n]);
}

/* out = G(phi(t), t) mod t^(N+1), G's columns cols[0..du] (the coefficients of s^a in t). */
static void compose(dx_poly *out, const dx_poly *cols, int du, const dx_poly *phi, int N)
{
    dx_poly acc, t;
    dx_poly_init(&acc);
    dx_poly_init(&t);
    for (int a = du; a >= 0; a--) {
        dx_poly_mul(&t, &acc, phi);
        dx_poly_add(&acc, &t, &cols[a]);
        truncate(&acc, N);
    }
    dx_poly_clear(out);
    *out = acc;
    dx_poly_clear(&t);
}

/* The columns of G (coefficients of s^a as polynomials in t), cols[0..G->dx] initialised. */
static dx_poly *columns(const dx_bpoly *G)
{
    dx_poly *cols = dx_gmp_alloc(sizeof *cols * (size_t)(G->dx + 1));
    for (int a = 0; a <= G->dx; a++)
        dx_poly_init(&cols[a]);
    dx_bp_split(G, false, cols);
    return cols;
}

static void columns_free(dx_poly *cols, int dx)
{
    for (int a = 0; a <= dx; a++)
        dx_poly_clear(&cols[a]);
    dx_free(cols);
}

/* The longest expansion tried: an isolated point of a polynomial of degree <= 16 needs at most
 * order (16 - 1)^2 + 1 (its Milnor number bounds it); past 64 it stays undecided. */
#define SPLIT_MAX_ORDER 64

/* G(s, t) = lam s^2 + (terms of order >= 3): the curve s = phi(t) where G_s = 0, as a power
 * series by the fixed point phi <- phi - G_s(phi, t) / (2 lam), each step one order more, and
 * G along it, h(t) = G(phi(t), t): its lowest term s_m t^m (m 0 when none up to the limit). */
static int valley(const dx_bpoly *G, const mpq_t lam, mpq_t lead)
{
    dx_bpoly Gs;
    dx_bp_deriv(&Gs, G, false);
    dx_poly *cols = columns(G), *dcols = columns(&Gs);
    dx_poly phi, r, h;
    dx_poly_init(&phi);
    dx_poly_init(&r);
    dx_poly_init(&h);
    mpq_t k;
    mpq_init(k);
    mpq_set_si(k, -1, 2);
    mpq_div(k, k, lam); /* -1 / (2 lam) */
    int m = 0;
    for (int N = 8, done = 0; !m && N <= SPLIT_MAX_ORDER; N *= 2) {
        for (; done < N; done++) {
            compose(&r, dcols, Gs.dx, &phi, N);
            dx_poly_scale(&r, &r, k);
            dx_poly_add(&phi, &phi, &r);
            truncate(&phi, N);
        }
        compose(&h, cols, G->dx, &phi, N);
        for (int i = 0; i < h.n && !m; i++)
            if (mpq_sgn(h.c[i])) {
                m = i;
                mpq_set(lead, h.c[i]);
            }
    }
    mpq_clear(k);
    dx_poly_clear(&phi);
    dx_poly_clear(&r);
    dx_poly_clear(&h);
    columns_free(cols, G->dx);
    columns_free(dcols, Gs.dx);
    dx_bp_clear(&Gs);
    return m;
}

/* (a, b) scaled to coprime integers, in place. */
static void primitive_pair(mpq_t a, mpq_t b)
{
    mpz_t l, g;
    mpz_init(l);
    mpz_init(g);
    mpz_lcm(l, mpq_denref(a), mpq_denref(b));
    mpq_t L;
    mpq_init(L);
    mpq_set_z(L, l);
    mpq_mul(a, a, L);
    mpq_mul(b, b, L);
    mpz_gcd(g, mpq_numref(a), mpq_numref(b));
    mpq_set_z(L, g);
    mpq_div(a, a, L);
    mpq_div(b, b, L);
    mpq_clear(L);
    mpz_clear(l);
    mpz_clear(g);
}

/* H of rank 1: in coordinates (s, t) with t along H's kernel k, f - f(p) = lam s^2 + ...;
 * by the splitting lemma f - f(p) = h(t) + (s - phi(t))^2 Q(s, t) with Q(0, 0) = lam, h and
 * phi as in valley(): h's first term s_m t^m decides (odd m: no extremum; even m: a strict
 * extremum when s_m has lam's sign, else none). */
static dx_status split(dx_ctx *ctx, dx_expr *f, const char *const *vars, dx_crit2 *c)
{
    dx_bpoly g, G;
    int is = shifted(ctx, f, vars, c, NULL, &g);
    if (is <= 0)
        return is == 0 || dx_recover(ctx) ? DX_OK : DX_ENOMEM;
    mpq_t zero, M[4], lam, lead, slope;
    mpq_init(zero);
    mpq_init(lam);
    mpq_init(lead);
    mpq_init(slope);
    for (int i = 0; i < 4; i++)
        mpq_init(M[i]);
    /* the quadratic part A u^2 + B u v + C v^2 = A (u + B/(2A) v)^2: kernel (-B, 2A), or (1, 0) */
    mpq_srcptr A = coef(&g, 2, 0, zero), B = coef(&g, 1, 1, zero), C = coef(&g, 0, 2, zero);
    bool rank1 = mpq_sgn(A) || mpq_sgn(C);
    if (mpq_sgn(A)) {
        mpq_neg(M[1], B);
        mpq_add(M[3], A, A);
        primitive_pair(M[1], M[3]);
        if (mpq_sgn(M[1]) < 0) { /* (1, -1) rather than (-1, 1) */
            mpq_neg(M[1], M[1]);
            mpq_neg(M[3], M[3]);
        }
    } else {
        mpq_set_ui(M[1], 1, 1);
    }
    /* the other column: an axis off the kernel */
    mpq_set_ui(mpq_sgn(M[3]) ? M[0] : M[2], 1, 1);
    dx_bp_clear(&g);
    dx_status st = DX_OK;
    is = rank1 ? shifted(ctx, f, vars, c, M, &G) : 0;
    if (is < 0 && !dx_recover(ctx))
        st = DX_ENOMEM;
    int m = 0;
    if (is > 0) {
        mpq_set(lam, coef(&G, 2, 0, zero));
        m = valley(&G, lam, lead);
        dx_bp_clear(&G);
    }
    if (m > 0) {
        dx_expr *x = dx_sym(ctx, vars[0], strlen(vars[0])), *y = dx_sym(ctx, vars[1], strlen(vars[1]));
        dx_expr *lhs, *rhs; /* the kernel's line through p */
        if (mpq_sgn(M[1])) {
            mpq_div(slope, M[3], M[1]);
            lhs = y;
            rhs = dx_add(ctx, (dx_expr *)c->exact[1], dx_mul(ctx, dx_q_expr(ctx, slope), dx_sub(ctx, x, (dx_expr *)c->exact[0])));
        } else {
            lhs = x;
            rhs = (dx_expr *)c->exact[0];
        }
        dx_expr *term = dx_mul(ctx, dx_q_expr(ctx, lead), dx_pow(ctx, dx_sym(ctx, "t", 1), dx_int(ctx, m)));
        dx_msg_id id = m % 2                                 ? DX_M_EX2_SPLIT_ODD
                       : mpq_sgn(lead) != mpq_sgn(lam)       ? DX_M_EX2_SPLIT_SADDLE
                       : mpq_sgn(lam) > 0                    ? DX_M_EX2_SPLIT_MIN
                                                             : DX_M_EX2_SPLIT_MAX;
        if (!rhs || !term) {
            st = dx_ctx_error(ctx)->status;
        } else {
            c->kind = id == DX_M_EX2_SPLIT_MIN ? DX_CP2_MIN : id == DX_M_EX2_SPLIT_MAX ? DX_CP2_MAX : DX_CP2_SADDLE;
            c->lines = DX_MSG(id, DX_E(lhs), DX_E(rhs), DX_E(term), DX_E(dx_q_expr(ctx, M[1])), DX_E(dx_q_expr(ctx, M[3])));
        }
    }
    mpq_clear(zero);
    mpq_clear(lam);
    mpq_clear(lead);
    mpq_clear(slope);
    for (int i = 0; i < 4; i++)
        mpq_clear(M[i]);
    return st;
}

/* ---- weighted lowest terms after a shear --------------------------------------------------- */

/* The lowest terms of f - f(p) vanish along a line through p, off the axes ((x - y)^4 + x^6):
 * for each rational direction (k1, k2) where they vanish, the coordinates s = u - k1/k2 v,
 * t = v/k2 (u = x - x0, v = y - y0) make it the t axis, and the weighted test is run in them. */
static dx_status sheared(dx_ctx *ctx, dx_expr *f, const char *const *vars, dx_crit2 *c)
{
    dx_bpoly g, F;
    int is = shifted(ctx, f, vars, c, NULL, &g);
    if (is <= 0)
        return is == 0 || dx_recover(ctx) ? DX_OK : DX_ENOMEM;
    int d;
    bool any = lowest(&g, 1, 1, &F, &d);
    dx_bp_clear(&g);
    if (!any)
        return DX_OK;
    dx_poly top; /* F(u, 1) */
    dx_poly_init(&top);
    top.n = d + 1;
    top.c = dx_gmp_alloc(sizeof *top.c * (size_t)(d + 1));
    for (int a = 0; a <= d; a++) {
        mpq_init(top.c[a]);
        if (a <= F.dx && d - a <= F.dy)
            mpq_set(top.c[a], dx_bp_at(&F, a, d - a));
    }
    dx_bp_clear(&F);
    dx_poly zero;
    dx_poly_init(&zero);
    dx_poly_add(&top, &top, &zero);
    dx_root *r = NULL;
    size_t n = 0;
    dx_status st = top.n >= 2 ? dx_poly_roots(ctx, &top, &r, &n) : DX_OK;
    dx_poly_clear(&top);
    mpq_t M[4], q;
    for (int i = 0; i < 4; i++)
        mpq_init(M[i]);
    mpq_init(q);
    dx_expr *x = dx_sym(ctx, vars[0], strlen(vars[0])), *y = dx_sym(ctx, vars[1], strlen(vars[1]));
    dx_expr *u = dx_sub(ctx, x, (dx_expr *)c->exact[0]), *v = dx_sub(ctx, y, (dx_expr *)c->exact[1]);
    for (size_t i = 0; i < n && st == DX_OK && c->kind == DX_CP2_DEGENERATE; i++) {
        if (r[i].form != DX_ROOT_RATIONAL || !mpq_sgn(r[i].q))
            continue; /* irrational, or the v axis the weights already tried */
        mpq_set(M[1], r[i].q);
        mpq_set_ui(M[3], 1, 1);
        primitive_pair(M[1], M[3]);
        mpq_set_ui(M[0], 1, 1);
        mpq_set_ui(M[2], 0, 1);
        is = shifted(ctx, f, vars, c, M, &g);
        if (is < 0 && !dx_recover(ctx))
            st = DX_ENOMEM;
        if (is <= 0)
            continue;
        mpq_div(q, M[1], M[3]);
        dx_expr *s = dx_sub(ctx, u, dx_mul(ctx, dx_q_expr(ctx, q), v));
        mpq_inv(q, M[3]);
        dx_expr *t = dx_mul(ctx, dx_q_expr(ctx, q), v);
        st = weighted(ctx, &g, s, t, s, t, c);
        dx_bp_clear(&g);
    }
    for (int i = 0; i < 4; i++)
        mpq_clear(M[i]);
    mpq_clear(q);
    dx_poly_roots_free(r, n);
    return st;
}

dx_status dx_extrema2_degenerate(dx_ctx *ctx, dx_expr *f, const char *const *vars, dx_crit2 *c)
{
    dx_status st = lines_through(ctx, f, vars, c);
    if (st == DX_OK && c->kind == DX_CP2_DEGENERATE)
        st = forms(ctx, f, vars, c);
    if (st == DX_OK && c->kind == DX_CP2_DEGENERATE)
        st = split(ctx, f, vars, c);
    return st != DX_OK || c->kind != DX_CP2_DEGENERATE ? st : sheared(ctx, f, vars, c);
}
