/* A curve of critical points, C = gcd(f_x, f_y) = 0: C made squarefree, split into components
 * (its content in each variable, its rational linear factors, the rest), and each component P
 * classified along it. f is constant on P = 0 (its gradient vanishes there); when that value k
 * is found, f - k = P^j Q exactly (j >= 2), and near a point of the curve where Q is not 0 the
 * sign of f - k is the sign of Q (j even) or changes across the curve (j odd). Where the sign
 * of Q on the curve cannot be proved, the trace of the Hessian (its nonzero eigenvalue at a
 * smooth point) is looked at on points of the curve, and the answer says it was only seen. */
#include "multivar.h"
#include "alloc.h"
#include "bpoly.h"
#include "simplify.h"

#include <math.h>
#include <string.h>

/* ---- components ---------------------------------------------------------------------------- */

typedef struct parts {
    dx_bpoly p[DX_EXTREMA2_MAX_DEGREE * 2 + 2];
    size_t n;
} parts;

static void normalise(dx_bpoly *p)
{
    dx_bpoly q;
    dx_bp_gcd(&q, p, p); /* integer coefficients of gcd 1, positive lead */
    dx_bp_clear(p);
    *p = q;
}

static void add_part(parts *s, dx_bpoly *p)
{
    normalise(p);
    s->p[s->n++] = *p;
}

/* The content of C in one variable: the gcd of its coefficients as a polynomial in y (a
 * polynomial in x; in_y) or in x. */
static void content(dx_poly *out, const dx_bpoly *C, bool in_y)
{
    int outer = in_y ? C->dy : C->dx;
    dx_poly *c = dx_gmp_alloc(sizeof *c * (size_t)(outer + 1));
    for (int k = 0; k <= outer; k++)
        dx_poly_init(&c[k]);
    dx_bp_split(C, in_y, c);
    dx_poly g, t;
    dx_poly_init(&g);
    dx_poly_init(&t);
    for (int k = 0; k <= outer; k++) {
        dx_poly_gcd(&t, &g, &c[k]);
        dx_poly_clear(&g);
        g = t;
        dx_poly_init(&t);
        dx_poly_clear(&c[k]);
    }
    dx_free(c);
    dx_poly_clear(out);
    *out = g;
}

/* A univariate factor u of C (in x, or in y when in_y): its rational roots as linear factors,
 * the rest as one component; C divided by u. */
static dx_status split_univariate(dx_ctx *ctx, dx_bpoly *C, dx_poly *u, bool in_y, parts *s)
{
    if (u->n < 2)
        return DX_OK;
    dx_bpoly U, q;
    dx_bp_of_poly(&U, u, in_y);
    dx_bp_divexact(&q, C, &U);
    dx_bp_clear(C);
    *C = q;
    dx_bp_clear(&U);
    dx_root *r = NULL;
    size_t n = 0;
    dx_status st = dx_poly_roots(ctx, u, &r, &n);
    if (st != DX_OK)
        return st;
    dx_poly lin, quo;
    dx_poly_init(&quo);
    for (size_t i = 0; i < n; i++) {
        if (r[i].form != DX_ROOT_RATIONAL)
            continue;
        dx_poly_init(&lin); /* v - r */
        lin.n = 2;
        lin.c = dx_gmp_alloc(sizeof *lin.c * 2);
        mpq_init(lin.c[0]);
        mpq_init(lin.c[1]);
        mpq_neg(lin.c[0], r[i].q);
        mpq_set_ui(lin.c[1], 1, 1);
        dx_poly_divrem(&quo, NULL, u, &lin);
        dx_poly_clear(u);
        *u = quo;
        dx_poly_init(&quo);
        dx_bp_of_poly(&U, &lin, in_y);
        add_part(s, &U);
        dx_poly_clear(&lin);
    }
    dx_poly_roots_free(r, n);
    if (u->n >= 2) {
        dx_bp_of_poly(&U, u, in_y);
        add_part(s, &U);
    }
    return DX_OK;
}

/* The linear factors x - r y - x0 of C (no content in either variable): x - r y divides C's
 * top homogeneous part, and x0 is a root of C(x, 0); each candidate tried exactly. */
static dx_status split_lines(dx_ctx *ctx, dx_bpoly *C, parts *s)
{
    int d = 0;
    for (int a = 0; a <= C->dx; a++)
        for (int b = 0; b <= C->dy; b++)
            if (mpq_sgn(dx_bp_at(C, a, b)) && a + b > d)
                d = a + b;
    if (d < 1)
        return DX_OK;
    dx_poly top, axis;
    dx_poly_init(&top); /* C's terms of degree d at y = 1 */
    top.n = d + 1;
    top.c = dx_gmp_alloc(sizeof *top.c * (size_t)(d + 1));
    for (int a = 0; a <= d; a++) {
        mpq_init(top.c[a]);
        if (a <= C->dx && d - a <= C->dy)
            mpq_set(top.c[a], dx_bp_at(C, a, d - a));
    }
    dx_poly zero;
    dx_poly_init(&zero);
    dx_poly_add(&top, &top, &zero);
    dx_poly_init(&axis);
    mpq_t v;
    mpq_init(v);
    dx_bp_restrict(&axis, C, false, v); /* C(x, 0) */
    dx_root *r = NULL, *x0 = NULL;
    size_t nr = 0, n0 = 0;
    dx_status st = top.n >= 2 && axis.n >= 2 ? dx_poly_roots(ctx, &top, &r, &nr) : DX_OK;
    if (st == DX_OK && top.n >= 2 && axis.n >= 2)
        st = dx_poly_roots(ctx, &axis, &x0, &n0);
    for (size_t i = 0; i < nr && st == DX_OK; i++)
        for (size_t j = 0; j < n0; j++) {
            if (r[i].form != DX_ROOT_RATIONAL || x0[j].form != DX_ROOT_RATIONAL || !mpq_sgn(r[i].q))
                continue;
            dx_bpoly L, q;
            dx_bp_init(&L, 1, 1);
            mpq_set_ui(dx_bp_at(&L, 1, 0), 1, 1);
            mpq_neg(dx_bp_at(&L, 0, 1), r[i].q);
            mpq_neg(dx_bp_at(&L, 0, 0), x0[j].q);
            if (dx_bp_divides(&q, C, &L)) {
                dx_bp_clear(C);
                *C = q;
                add_part(s, &L);
            } else {
                dx_bp_clear(&L);
            }
        }
    dx_poly_roots_free(r, nr);
    dx_poly_roots_free(x0, n0);
    dx_poly_clear(&top);
    dx_poly_clear(&axis);
    mpq_clear(v);
    return st;
}

/* C's components (C squarefree, consumed). */
static dx_status components(dx_ctx *ctx, dx_bpoly *C, parts *s)
{
    dx_status st = DX_OK;
    for (int in_y = 1; in_y >= 0 && st == DX_OK; in_y--) {
        dx_poly u;
        dx_poly_init(&u);
        content(&u, C, in_y);
        st = split_univariate(ctx, C, &u, !in_y, s);
        dx_poly_clear(&u);
    }
    if (st == DX_OK)
        st = split_lines(ctx, C, s);
    if (st == DX_OK && !dx_bp_is_const(C)) {
        dx_bpoly rest;
        dx_bp_gcd(&rest, C, C);
        add_part(s, &rest);
    }
    return st;
}

/* C without repeated factors, C / gcd(C, C_x, C_y): the same curve, named as (x + y)^3's
 * x + y = 0 rather than x^2 + 2*x*y + y^2 = 0. */
static void square_free(dx_bpoly *C)
{
    dx_bpoly cx, cy, g, h, q;
    dx_bp_deriv(&cx, C, false);
    dx_bp_deriv(&cy, C, true);
    dx_bp_gcd(&g, &cx, &cy);
    dx_bp_gcd(&h, C, &g);
    if (!dx_bp_is_const(&h)) {
        dx_bp_divexact(&q, C, &h);
        dx_bp_clear(C);
        dx_bp_gcd(C, &q, &q); /* normalised: integer coefficients, positive lead */
        dx_bp_clear(&q);
    }
    dx_bp_clear(&cx);
    dx_bp_clear(&cy);
    dx_bp_clear(&g);
    dx_bp_clear(&h);
}

/* ---- the value of f on a component, and f - value = P^j Q ----------------------------------- */

static int degree_in(const dx_bpoly *p, bool in_y)
{
    int d = 0;
    for (int a = 0; a <= p->dx; a++)
        for (int b = 0; b <= p->dy; b++)
            if (mpq_sgn(dx_bp_at(p, a, b)))
                d = (in_y ? b : a) > d ? (in_y ? b : a) : d;
    return d;
}

/* f on P = 0: f(v, y) mod P(v, y) for a rational v where P keeps its degree in y (or the same
 * with the roles swapped), when that remainder is a constant. false when none is found (f may
 * then differ between parts of the curve). */
static bool value_on(const dx_bpoly *F, const dx_bpoly *P, mpq_t k)
{
    bool in_y = degree_in(P, true) > 0;
    int d = degree_in(P, in_y);
    dx_poly p, f, r;
    dx_poly_init(&p);
    dx_poly_init(&f);
    dx_poly_init(&r);
    mpq_t v;
    mpq_init(v);
    bool found = false;
    for (int i = 0; i < 16 && !found; i++) {
        mpq_set_si(v, i % 2 ? -(i + 1) / 2 : i / 2, 1); /* 0, -1, 1, -2, ... */
        dx_bp_restrict(&p, P, in_y, v);
        if (dx_poly_deg(&p) != d)
            continue;
        dx_bp_restrict(&f, F, in_y, v);
        dx_poly_divrem(NULL, &r, &f, &p);
        if (r.n <= 1) {
            found = true;
            mpq_set_ui(k, 0, 1);
            if (r.n == 1)
                mpq_set(k, r.c[0]);
        }
        break; /* one full-degree v decides: another would give the same remainder */
    }
    mpq_clear(v);
    dx_poly_clear(&p);
    dx_poly_clear(&f);
    dx_poly_clear(&r);
    return found;
}

/* Is Q a constant times a square? Its squarefree part R = Q / gcd(Q, Q_x, Q_y) divides it
 * twice while every factor's multiplicity is at least 2; dividing by R^2 repeatedly ends at a
 * constant exactly when every multiplicity is even. 0 no, else the constant's sign. */
static int square_sign(const dx_bpoly *Q)
{
    dx_bpoly T, qx, qy, g, h, R, R2, q;
    dx_bp_gcd(&T, Q, Q);
    /* the sign dx_bp_gcd's normalisation took away: compare a coefficient */
    int sign = 0;
    for (int k = 0; k < (Q->dx + 1) * (Q->dy + 1) && !sign; k++)
        if (mpq_sgn(Q->c[k]))
            sign = mpq_sgn(Q->c[k]) * mpq_sgn(T.c[k]);
    while (sign && !dx_bp_is_const(&T)) {
        dx_bp_deriv(&qx, &T, false);
        dx_bp_deriv(&qy, &T, true);
        dx_bp_gcd(&g, &qx, &qy);
        dx_bp_gcd(&h, &T, &g);
        dx_bp_divexact(&R, &T, &h);
        dx_bp_mul(&R2, &R, &R);
        if (dx_bp_is_const(&h) || !dx_bp_divides(&q, &T, &R2)) {
            sign = 0;
        } else {
            dx_bp_clear(&T);
            T = q;
        }
        dx_bp_clear(&qx);
        dx_bp_clear(&qy);
        dx_bp_clear(&g);
        dx_bp_clear(&h);
        dx_bp_clear(&R);
        dx_bp_clear(&R2);
    }
    int out = sign * mpq_sgn(T.c[0]);
    dx_bp_clear(&T);
    return out;
}

/* Q on the curve P = 0 when P is a x + p(y) (or b y + p(x), *solved_y) with a constant:
 * Q(-p(y)/a, y), a polynomial in y. false for other P. */
static bool on_graph(const dx_bpoly *P, const dx_bpoly *Q, dx_poly *out, bool *solved_y)
{
    for (int solve_y = 0; solve_y < 2; solve_y++) {
        if (degree_in(P, solve_y) != 1)
            continue;
        bool constant = true; /* the coefficient of the solved variable */
        for (int k = 1; k <= (solve_y ? P->dx : P->dy) && constant; k++)
            constant = !mpq_sgn(solve_y ? dx_bp_at(P, k, 1) : dx_bp_at(P, 1, k));
        if (!constant)
            continue;
        /* the solved variable as -p(t)/a, t the other one */
        mpq_t a, v;
        mpq_init(a);
        mpq_init(v);
        mpq_set(a, solve_y ? dx_bp_at(P, 0, 1) : dx_bp_at(P, 1, 0));
        mpq_neg(a, a);
        mpq_inv(a, a);
        dx_poly sol, acc, t;
        dx_poly_init(&sol);
        dx_poly_init(&acc);
        dx_poly_init(&t);
        dx_bp_restrict(&sol, P, !solve_y, v); /* p(t): P at the solved variable = 0 */
        dx_poly_scale(&sol, &sol, a);
        /* Horner in the solved variable */
        int outer = solve_y ? Q->dy : Q->dx;
        dx_poly *c = dx_gmp_alloc(sizeof *c * (size_t)(outer + 1));
        for (int k = 0; k <= outer; k++)
            dx_poly_init(&c[k]);
        dx_bp_split(Q, solve_y, c);
        for (int k = outer; k >= 0; k--) {
            dx_poly_mul(&t, &acc, &sol);
            dx_poly_add(&acc, &t, &c[k]);
        }
        for (int k = 0; k <= outer; k++)
            dx_poly_clear(&c[k]);
        dx_free(c);
        dx_poly_clear(out);
        *out = acc;
        dx_poly_clear(&sol);
        dx_poly_clear(&t);
        mpq_clear(a);
        mpq_clear(v);
        *solved_y = solve_y;
        return true;
    }
    return false;
}

/* ---- points of the curve, and the sign of a polynomial there ----------------------------------------- */

static double bp_eval_d(const dx_bpoly *p, double x, double y, double *size)
{
    double s = 0, xa = 1;
    *size = 0;
    for (int a = 0; a <= p->dx; a++, xa *= x) {
        double yb = 1;
        for (int b = 0; b <= p->dy; b++, yb *= y) {
            double t = mpq_get_d(dx_bp_at(p, a, b)) * xa * yb;
            s += t;
            *size += fabs(t);
        }
    }
    return s;
}

/* Points of P = 0 on the lines x = i/2 and y = i/2 over [-10, 10] (their roots isolated
 * exactly), and the sign of T at each (the trace of H, or Q): the counts of each sign in
 * n[0..2] (negative, zero within rounding, positive). */
static dx_status sample(dx_ctx *ctx, const dx_bpoly *P, const dx_bpoly *T, size_t n[3], bool *seen)
{
    dx_poly u;
    dx_poly_init(&u);
    mpq_t v;
    mpq_init(v);
    dx_status st = DX_OK;
    for (int fix_x = 1; fix_x >= 0 && st == DX_OK; fix_x--)
        for (int i = -20; i <= 20 && st == DX_OK; i++) {
            mpq_set_si(v, i, 2);
            mpq_canonicalize(v);
            dx_bp_restrict(&u, P, fix_x, v);
            if (u.n < 2)
                continue;
            dx_root *r = NULL;
            size_t nr = 0;
            st = dx_poly_roots(ctx, &u, &r, &nr);
            for (size_t k = 0; k < nr && st == DX_OK; k++) {
                double size, t = fix_x ? bp_eval_d(T, i / 2.0, r[k].x, &size) : bp_eval_d(T, r[k].x, i / 2.0, &size);
                *seen = true;
                n[fabs(t) <= 1e-9 * size ? 1 : t > 0 ? 2 : 0]++;
            }
            dx_poly_roots_free(r, nr);
        }
    dx_poly_clear(&u);
    mpq_clear(v);
    return st;
}

/* f - k = P^j D: j, and D (not initialised). */
static int power_of(const dx_bpoly *F, const dx_bpoly *P, const mpq_t k, dx_bpoly *D)
{
    dx_bpoly q;
    dx_bp_init(D, F->dx, F->dy);
    for (int i = 0; i < (F->dx + 1) * (F->dy + 1); i++)
        mpq_set(D->c[i], F->c[i]);
    mpq_sub(D->c[0], D->c[0], k);
    int j = 0;
    while (!dx_bp_is_const(D) && dx_bp_divides(&q, D, P)) {
        dx_bp_clear(D);
        *D = q;
        j++;
    }
    return j;
}

/* A component P where f - k = P^j Q with Q sharing a factor g with P is two curves, on which f
 * behaves differently: P is split into g and P/g (each then looked at alone). */
static void refine(const dx_bpoly *F, parts *s)
{
    mpq_t k;
    mpq_init(k);
    for (size_t i = 0; i < s->n; i++) {
        if (s->n == sizeof s->p / sizeof s->p[0] || !value_on(F, &s->p[i], k))
            continue;
        dx_bpoly D, g, rest;
        int j = power_of(F, &s->p[i], k, &D);
        dx_bp_gcd(&g, &s->p[i], &D);
        dx_bp_clear(&D);
        if (j < 1 || dx_bp_is_const(&g)) {
            dx_bp_clear(&g);
            continue;
        }
        dx_bp_divexact(&rest, &s->p[i], &g);
        dx_bp_clear(&s->p[i]);
        s->p[i] = g;
        add_part(s, &rest);
        i--; /* g again: it may split further */
    }
    mpq_clear(k);
}

/* Q for the reader: the powers of the curve's components it holds, times the rest. */
static dx_expr *factored(dx_ctx *ctx, const dx_bpoly *Q, const parts *all, dx_expr *x, dx_expr *y)
{
    dx_bpoly rest, q;
    dx_bp_init(&rest, Q->dx, Q->dy);
    for (int i = 0; i < (Q->dx + 1) * (Q->dy + 1); i++)
        mpq_set(rest.c[i], Q->c[i]);
    dx_expr *f[sizeof all->p / sizeof all->p[0] + 1];
    size_t n = 0;
    for (size_t i = 0; i < all->n; i++) {
        int e = 0;
        while (!dx_bp_is_const(&rest) && dx_bp_divides(&q, &rest, &all->p[i])) {
            dx_bp_clear(&rest);
            rest = q;
            e++;
        }
        if (e)
            f[n++] = dx_pow(ctx, dx_bp_to_expr(ctx, &all->p[i], x, y), dx_int(ctx, e));
    }
    f[n++] = dx_bp_to_expr(ctx, &rest, x, y);
    dx_bp_clear(&rest);
    return dx_mul_n(ctx, f, n);
}

/* The exact verdict on component P: DX_OK with c->says set, or left DX_M_NONE. */
static dx_status exact_kind(dx_ctx *ctx, const dx_bpoly *F, const dx_bpoly *P, const parts *all, dx_expr *x,
                            dx_expr *y, dx_curve2 *c)
{
    mpq_t k;
    mpq_init(k);
    if (!value_on(F, P, k)) {
        mpq_clear(k);
        return DX_OK;
    }
    dx_bpoly D;
    int j = power_of(F, P, k, &D);
    dx_status st = DX_OK;
    if (j >= 2) {
        dx_expr *pe = dx_bp_to_expr(ctx, P, x, y), *qe = factored(ctx, &D, all, x, y);
        dx_expr *val = dx_q_expr(ctx, k);
        dx_expr *fac = dx_mul(ctx, qe, dx_pow(ctx, pe, dx_int(ctx, j)));
        dx_expr *fsym = dx_sym(ctx, "f", 1), *lhs = fsym ? dx_sub(ctx, fsym, val) : NULL; /* f - k */
        int sq = j % 2 ? 0 : square_sign(&D);
        dx_poly on;
        dx_poly_init(&on);
        dx_signs s = {0};
        bool solved_y = false, graph = !sq && j % 2 == 0 && on_graph(P, &D, &on, &solved_y);
        if (graph) {
            st = dx_poly_signs(ctx, &on, &s);
            /* Q on the curve, in the variable left: what the verdict names */
            qe = st == DX_OK ? dx_poly_to_expr(ctx, &on, solved_y ? x : y) : qe;
        }
        dx_poly_clear(&on);
        dx_msg_id id = j % 2                 ? (dx_bp_is_const(&D) ? DX_M_EX2_COMP_ODD_ALL : DX_M_EX2_COMP_ODD)
                       : sq > 0              ? DX_M_EX2_COMP_MIN_ALL
                       : sq < 0              ? DX_M_EX2_COMP_MAX_ALL
                       : !graph || st != DX_OK ? DX_M_NONE
                       : s.pos && s.neg      ? DX_M_EX2_COMP_VARIES
                       : s.pos               ? (s.zero ? DX_M_EX2_COMP_MIN_BUT : DX_M_EX2_COMP_MIN_ON)
                       : s.neg               ? (s.zero ? DX_M_EX2_COMP_MAX_BUT : DX_M_EX2_COMP_MAX_ON)
                                             : DX_M_NONE;
        size_t n[3] = {0};
        bool seen = false;
        if (id == DX_M_NONE && j % 2 == 0 && st == DX_OK) {
            /* Q's sign not proved: seen at the sampled points of the curve */
            st = sample(ctx, P, &D, n, &seen);
            id = n[0] && n[2] ? DX_M_EX2_COMP_SEEN_Q_VARIES
                 : n[2]       ? DX_M_EX2_COMP_SEEN_Q_MIN
                 : n[0]       ? DX_M_EX2_COMP_SEEN_Q_MAX
                              : DX_M_NONE;
        }
        if (!pe || !qe || !fac || !val || !lhs) {
            st = dx_ctx_error(ctx)->status;
        } else if (id == DX_M_EX2_COMP_SEEN_Q_VARIES || id == DX_M_EX2_COMP_SEEN_Q_MIN ||
                   id == DX_M_EX2_COMP_SEEN_Q_MAX) {
            c->value = val;
            c->kind = id == DX_M_EX2_COMP_SEEN_Q_VARIES ? DX_CV2_VARIES
                      : id == DX_M_EX2_COMP_SEEN_Q_MIN  ? DX_CV2_MIN
                                                        : DX_CV2_MAX;
            c->says = DX_MSG(id, DX_E(c->eq), DX_E(val), DX_E(fac), DX_E(qe), DX_E(lhs), DX_I((int)(n[0] + n[1] + n[2])));
        } else if (id != DX_M_NONE) {
            c->value = val;
            c->proved = true;
            /* MIN_BUT and MAX_BUT: min (max) with the points where Q = 0 left undecided, named */
            c->kind = id == DX_M_EX2_COMP_ODD || id == DX_M_EX2_COMP_ODD_ALL ? DX_CV2_NEITHER
                      : id == DX_M_EX2_COMP_VARIES ? DX_CV2_VARIES
                      : id == DX_M_EX2_COMP_MIN_ALL || id == DX_M_EX2_COMP_MIN_ON || id == DX_M_EX2_COMP_MIN_BUT
                          ? DX_CV2_MIN
                          : DX_CV2_MAX;
            c->says = DX_MSG(id, DX_E(c->eq), DX_E(val), DX_E(fac), DX_E(qe), DX_E(lhs));
        }
    }
    dx_bp_clear(&D);
    mpq_clear(k);
    return st;
}

/* ---- the whole curve ------------------------------------------------------------------------ */

/* Does the curve C = 0 have a real point? Seen when C is 0 at a point of a grid over
 * [-10, 10]^2 (step 1/2) or takes both signs on it; else it may have none (x^2 + y^2 + 1). */
static bool curve_seen(const dx_bpoly *C)
{
    mpq_t x, y, v;
    mpq_init(x);
    mpq_init(y);
    mpq_init(v);
    dx_poly row;
    dx_poly_init(&row);
    bool pos = false, neg = false, zero = false;
    for (int i = -20; i <= 20 && !zero && !(pos && neg); i++) {
        mpq_set_si(x, i, 2);
        mpq_canonicalize(x);
        dx_bp_restrict(&row, C, true, x);
        for (int j = -20; j <= 20 && !zero && !(pos && neg); j++) {
            mpq_set_si(y, j, 2);
            mpq_canonicalize(y);
            dx_poly_eval_q(v, &row, y);
            zero = mpq_sgn(v) == 0;
            pos |= mpq_sgn(v) > 0;
            neg |= mpq_sgn(v) < 0;
        }
    }
    dx_poly_clear(&row);
    mpq_clear(x);
    mpq_clear(y);
    mpq_clear(v);
    return zero || (pos && neg);
}

dx_status dx_extrema2_curves(dx_ctx *ctx, const dx_bpoly *F, dx_bpoly *C, dx_expr *x, dx_expr *y,
                             dx_extrema2_result *out)
{
    square_free(C);
    out->curve_seen = curve_seen(C);
    parts s = {.n = 0};
    dx_bpoly work;
    dx_bp_gcd(&work, C, C);
    dx_status st = components(ctx, &work, &s);
    dx_bp_clear(&work);
    if (st == DX_OK)
        refine(F, &s);
    dx_bpoly fx, fy, T, fxx, fyy;
    dx_bp_deriv(&fx, F, false);
    dx_bp_deriv(&fy, F, true);
    dx_bp_deriv(&fxx, &fx, false);
    dx_bp_deriv(&fyy, &fy, true);
    dx_bp_init(&T, fxx.dx > fyy.dx ? fxx.dx : fyy.dx, fxx.dy > fyy.dy ? fxx.dy : fyy.dy);
    for (int a = 0; a <= T.dx; a++)
        for (int b = 0; b <= T.dy; b++) {
            if (a <= fxx.dx && b <= fxx.dy)
                mpq_add(dx_bp_at(&T, a, b), dx_bp_at(&T, a, b), dx_bp_at(&fxx, a, b));
            if (a <= fyy.dx && b <= fyy.dy)
                mpq_add(dx_bp_at(&T, a, b), dx_bp_at(&T, a, b), dx_bp_at(&fyy, a, b));
        }
    out->comp = st == DX_OK && s.n ? dx_realloc(NULL, s.n * sizeof *out->comp) : NULL;
    if (st == DX_OK && s.n && !out->comp) {
        dx_oom(ctx);
        st = DX_ENOMEM;
    }
    dx_expr *eqs[sizeof s.p / sizeof s.p[0]];
    for (size_t i = 0; i < s.n && st == DX_OK; i++) {
        dx_curve2 *c = &out->comp[out->ncomp++];
        memset(c, 0, sizeof *c);
        c->kind = DX_CV2_UNDECIDED;
        c->eq = eqs[i] = dx_bp_to_expr(ctx, &s.p[i], x, y);
        if (!c->eq) {
            st = dx_ctx_error(ctx)->status;
            break;
        }
        size_t n[3] = {0};
        st = sample(ctx, &s.p[i], &T, n, &c->seen);
        c->seen |= curve_seen(&s.p[i]);
        c->samples = n[0] + n[1] + n[2];
        if (st == DX_OK && c->seen)
            st = exact_kind(ctx, F, &s.p[i], &s, x, y, c);
        if (st != DX_OK || c->says.id != DX_M_NONE)
            continue;
        /* only seen: the trace's signs at the sampled points */
        dx_msg_id id = !c->seen        ? DX_M_EX2_COMP_UNSEEN
                       : n[0] && n[2]  ? DX_M_EX2_COMP_SEEN_VARIES
                       : n[2]          ? DX_M_EX2_COMP_SEEN_MIN
                       : n[0]          ? DX_M_EX2_COMP_SEEN_MAX
                                       : DX_M_EX2_COMP_UNDECIDED;
        c->kind = id == DX_M_EX2_COMP_SEEN_MIN      ? DX_CV2_MIN
                  : id == DX_M_EX2_COMP_SEEN_MAX    ? DX_CV2_MAX
                  : id == DX_M_EX2_COMP_SEEN_VARIES ? DX_CV2_VARIES
                                                    : DX_CV2_UNDECIDED;
        c->says = DX_MSG(id, DX_E(c->eq), DX_I((int)c->samples));
    }
    if (st == DX_OK)
        out->curve_eq = s.n == 1 ? eqs[0] : s.n ? dx_mul_n(ctx, eqs, s.n) : dx_bp_to_expr(ctx, C, x, y);
    if (st == DX_OK && !out->curve_eq)
        st = dx_ctx_error(ctx)->status;
    for (size_t i = 0; i < s.n; i++)
        dx_bp_clear(&s.p[i]);
    dx_bp_clear(&fx);
    dx_bp_clear(&fy);
    dx_bp_clear(&fxx);
    dx_bp_clear(&fyy);
    dx_bp_clear(&T);
    return st;
}
