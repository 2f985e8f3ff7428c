/* Every critical point of a polynomial in three variables, certified. Elimination by a Groebner
 * basis rather than resultants: iterated resultants (z out of pairs of f_x, f_y, f_z, then y)
 * carry extraneous factors and vanish identically whenever two of them share a factor by
 * accident (x*y*z: every one is 0), so they cannot tell a curve of critical points from a bad
 * projection; the basis says exactly whether the set is finite (its dimension), and each
 * coordinate's minimal polynomial modulo the ideal has exactly the coordinates of the
 * critical points as roots (groebner.c). The real roots of the three are isolated exactly
 * (poly.c) and each triple decided: exactly when all three are rational, else by exact
 * rational interval arithmetic on a small box around it (excluded where f_x, f_y or f_z has no
 * zero on it, proved by the Krawczyk test where it has one). The box of a triple holds no
 * other root of any of the three polynomials: so none is missed and none counted twice. */
#include "multivar.h"
#include "alloc.h"
#include "eval.h"
#include "groebner.h"
#include "simplify.h"

#include <math.h>
#include <string.h>

/* The gradient and the Hessian of f: h[0..6) = f_xx, f_xy, f_xz, f_yy, f_yz, f_zz. */
typedef struct grad3 {
    dx_tpoly g[3], h[6];
} grad3;

/* The entry (i, k) of the Hessian in h's order. */
static int hk(int i, int k)
{
    static const int at[3][3] = {{0, 1, 2}, {1, 3, 4}, {2, 4, 5}};
    return at[i][k];
}

typedef enum verdict { NOT_CRITICAL, CRITICAL, UNDECIDED } verdict;

/* ---- the kind, from the signs of the Hessian's invariants ---------------------------------- */

/* The Hessian's signature from its entries on a box (exact: a point, where a 0 is a true 0).
 * The characteristic polynomial t^3 - c1 t^2 + c2 t - c3 of a symmetric matrix has real roots:
 * all positive exactly when c1, c2, c3 > 0 (Descartes), all negative when c1 < 0, c2 > 0,
 * c3 < 0. With det = c3 != 0 and not definite, the eigenvalues have both signs: a saddle.
 * A negative diagonal entry or principal 2x2 minor also rules out a min (positive: a max).
 * Interval signs that stay undecided leave *sure false. */
static dx_cp2_kind kind_of(const dx_iv *H, bool exact, bool *sure)
{
    dx_iv c1, c2, c3, t, u, m[3];
    dx_iv_init(&c1), dx_iv_init(&c2), dx_iv_init(&c3), dx_iv_init(&t), dx_iv_init(&u);
    for (int i = 0; i < 3; i++)
        dx_iv_init(&m[i]);
    dx_iv_add(&t, &H[0], &H[3]);
    dx_iv_add(&c1, &t, &H[5]);
    /* the principal 2x2 minors: (x, y), (x, z), (y, z) */
    static const int pm[3][2] = {{0, 1}, {0, 2}, {1, 2}};
    mpq_set_ui(c2.lo, 0, 1), mpq_set_ui(c2.hi, 0, 1);
    for (int k = 0; k < 3; k++) {
        int a = pm[k][0], b = pm[k][1];
        dx_iv_mul(&t, &H[hk(a, a)], &H[hk(b, b)]);
        dx_iv_mul(&u, &H[hk(a, b)], &H[hk(a, b)]);
        dx_iv_sub(&m[k], &t, &u);
        dx_iv_add(&c2, &c2, &m[k]);
    }
    /* det along the first row: H_0k times the cofactor of (k, a, b) taken cyclically */
    dx_iv cof;
    dx_iv_init(&cof);
    mpq_set_ui(c3.lo, 0, 1), mpq_set_ui(c3.hi, 0, 1);
    for (int k = 0; k < 3; k++) {
        int a = (k + 1) % 3, b = (k + 2) % 3;
        dx_iv_mul(&t, &H[hk(1, a)], &H[hk(2, b)]);
        dx_iv_mul(&u, &H[hk(1, b)], &H[hk(2, a)]);
        dx_iv_sub(&cof, &t, &u);
        dx_iv_mul(&t, &H[hk(0, k)], &cof);
        dx_iv_add(&c3, &c3, &t);
    }
    dx_iv_clear(&cof);
    int s1 = dx_iv_sign(&c1), s2 = dx_iv_sign(&c2), s3 = dx_iv_sign(&c3);
    *sure = true;
    dx_cp2_kind kind = DX_CP2_DEGENERATE;
    if (s3 == 0) {
        *sure = exact; /* exactly 0: degenerate; undecided on a box: not sure */
    } else if (s1 == s3 && s2 > 0) {
        kind = s3 > 0 ? DX_CP2_MIN : DX_CP2_MAX;
    } else {
        /* not definite when c1 or c2 has the wrong sign (exact: or is 0), or a diagonal entry or
         * a principal minor does */
        bool not_def = (exact && (s1 != s3 || s2 <= 0)) || s1 == -s3 || s2 < 0;
        for (int k = 0; k < 3 && !not_def; k++)
            not_def = dx_iv_sign(&H[hk(k, k)]) == -s3 || dx_iv_sign(&m[k]) < 0;
        if (not_def)
            kind = DX_CP2_SADDLE;
        else
            *sure = false;
    }
    dx_iv_clear(&c1), dx_iv_clear(&c2), dx_iv_clear(&c3), dx_iv_clear(&t), dx_iv_clear(&u);
    for (int i = 0; i < 3; i++)
        dx_iv_clear(&m[i]);
    return kind;
}

/* ---- deciding a triple of roots ------------------------------------------------------------- */

static void eval_all(dx_iv *out, const dx_tpoly *p, size_t n, const dx_iv *X)
{
    for (size_t i = 0; i < n; i++)
        dx_tp_eval_iv(&out[i], &p[i], X);
}

/* Is the one candidate in the box X (centre m, half-widths r) a critical point? Excluded when
 * a partial derivative keeps a sign on X; proved by Krawczyk's operator
 * K = m - Y g(m) + (I - Y H(X))(X - m) falling inside X (Y an approximate inverse of H(m)):
 * then X holds exactly one, and H(X) its Hessian, from which *kind. */
static verdict krawczyk(const grad3 *G, const double *m, const double *r, dx_cp2_kind *kind, bool *sure)
{
    dx_iv X[3], D[3], P[3], g[3], H[6], K, s;
    mpq_t mq[3], Y[9], t, u;
    for (int i = 0; i < 3; i++) {
        dx_iv_init(&X[i]), dx_iv_init(&D[i]), dx_iv_init(&P[i]), dx_iv_init(&g[i]);
        mpq_init(mq[i]);
    }
    for (int i = 0; i < 6; i++)
        dx_iv_init(&H[i]);
    for (int i = 0; i < 9; i++)
        mpq_init(Y[i]);
    dx_iv_init(&K), dx_iv_init(&s);
    mpq_init(t), mpq_init(u);
    for (int i = 0; i < 3; i++) {
        mpq_set_d(mq[i], m[i]);
        mpq_set_d(t, r[i]);
        mpq_sub(X[i].lo, mq[i], t);
        mpq_add(X[i].hi, mq[i], t);
        mpq_neg(D[i].lo, t);
        mpq_set(D[i].hi, t);
        dx_iv_set(&P[i], mq[i], mq[i]);
    }
    verdict v = UNDECIDED;
    eval_all(g, G->g, 3, X);
    for (int i = 0; i < 3; i++)
        if (!dx_iv_has_zero(&g[i]))
            v = NOT_CRITICAL;
    if (v == NOT_CRITICAL)
        goto out;
    /* Y: the inverse of H(m) in doubles (any matrix serves; a good one makes K small) */
    eval_all(H, G->h, 6, P);
    double h[3][3], adj[3][3];
    for (int i = 0; i < 3; i++)
        for (int k = 0; k < 3; k++)
            h[i][k] = mpq_get_d(H[hk(i, k)].lo);
    for (int i = 0; i < 3; i++)
        for (int k = 0; k < 3; k++) {
            int i1 = (k + 1) % 3, i2 = (k + 2) % 3, k1 = (i + 1) % 3, k2 = (i + 2) % 3;
            adj[i][k] = h[i1][k1] * h[i2][k2] - h[i1][k2] * h[i2][k1];
        }
    double det = h[0][0] * adj[0][0] + h[0][1] * adj[1][0] + h[0][2] * adj[2][0];
    if (det == 0 || !isfinite(det))
        goto out;
    for (int i = 0; i < 9; i++)
        mpq_set_d(Y[i], adj[i / 3][i % 3] / det);
    eval_all(g, G->g, 3, P); /* g(m), exactly */
    eval_all(H, G->h, 6, X);
    bool inside = true;
    for (int i = 0; i < 3 && inside; i++) {
        /* K_i = m_i - sum_k Y_ik g_k(m) + sum_j (delta_ij - sum_k Y_ik H_kj(X)) D_j */
        mpq_set(t, mq[i]);
        for (int k = 0; k < 3; k++) {
            mpq_mul(u, Y[i * 3 + k], g[k].lo);
            mpq_sub(t, t, u);
        }
        dx_iv_set(&K, t, t);
        for (int j = 0; j < 3; j++) {
            dx_iv M;
            dx_iv_init(&M);
            mpq_set_ui(u, i == j, 1);
            dx_iv_set(&M, u, u);
            for (int k = 0; k < 3; k++) {
                mpq_neg(u, Y[i * 3 + k]);
                dx_iv_scale(&s, &H[hk(k, j)], u);
                dx_iv_add(&M, &M, &s);
            }
            dx_iv_mul(&s, &M, &D[j]);
            dx_iv_add(&K, &K, &s);
            dx_iv_clear(&M);
        }
        inside = mpq_cmp(K.lo, X[i].lo) > 0 && mpq_cmp(K.hi, X[i].hi) < 0;
    }
    if (inside) {
        v = CRITICAL;
        *kind = kind_of(H, false, sure);
    }
out:
    for (int i = 0; i < 3; i++) {
        dx_iv_clear(&X[i]), dx_iv_clear(&D[i]), dx_iv_clear(&P[i]), dx_iv_clear(&g[i]);
        mpq_clear(mq[i]);
    }
    for (int i = 0; i < 6; i++)
        dx_iv_clear(&H[i]);
    for (int i = 0; i < 9; i++)
        mpq_clear(Y[i]);
    dx_iv_clear(&K), dx_iv_clear(&s);
    mpq_clear(t), mpq_clear(u);
    return v;
}

/* All three coordinates rational: decided exactly, the kind too. */
static verdict exact_triple(const grad3 *G, const dx_root *const *r, dx_cp2_kind *kind, bool *sure)
{
    dx_iv P[3], v[6];
    for (int i = 0; i < 3; i++) {
        dx_iv_init(&P[i]);
        dx_iv_set(&P[i], r[i]->q, r[i]->q);
    }
    for (int i = 0; i < 6; i++)
        dx_iv_init(&v[i]);
    eval_all(v, G->g, 3, P);
    verdict out = mpq_sgn(v[0].lo) || mpq_sgn(v[1].lo) || mpq_sgn(v[2].lo) ? NOT_CRITICAL : CRITICAL;
    if (out == CRITICAL) {
        eval_all(v, G->h, 6, P);
        *kind = kind_of(v, true, sure);
    }
    for (int i = 0; i < 3; i++)
        dx_iv_clear(&P[i]);
    for (int i = 0; i < 6; i++)
        dx_iv_clear(&v[i]);
    return out;
}

/* The roots of one coordinate's minimal polynomial. */
typedef struct roots {
    dx_root *r;
    size_t n;
} roots;

/* Half the box around root i: small against the root, and a third of the distance to its
 * neighbours (so the box holds no other root). */
static double half_width(const roots *R, size_t i, double scale)
{
    double w = scale * (1 + fabs(R->r[i].x));
    if (i > 0)
        w = fmin(w, (R->r[i].x - R->r[i - 1].x) / 3);
    if (i + 1 < R->n)
        w = fmin(w, (R->r[i + 1].x - R->r[i].x) / 3);
    return w;
}

/* A quick exclusion in doubles, before the exact intervals: the value of g_i at the centre m
 * as computed differs from the true g_i(x) anywhere on the box by at most the rounding of the
 * sum (at most (terms + degree + 2) units of rounding of the sum of |terms|, coefficients'
 * conversion included) plus the change over the box (the sum of |c| ((|m| + w)^e - |m|^e));
 * a computed value four times past that bound cannot be 0 on the box. Most triples of roots
 * are no critical point and end here. */
static bool excluded(const grad3 *G, const double *m, const double *w)
{
    for (int i = 0; i < 3; i++) {
        const dx_tpoly *p = &G->g[i];
        double v = 0, mag = 0, wide = 0;
        int degree = 0;
        for (size_t k = 0; k < p->n; k++) {
            const unsigned short *e = p->t[k].e;
            double c = mpq_get_d(p->t[k].c), a = c, b = fabs(c), bw = fabs(c);
            for (int j = 0; j < 3; j++)
                for (int q = 0; q < e[j]; q++) {
                    a *= m[j];
                    b *= fabs(m[j]);
                    bw *= fabs(m[j]) + w[j];
                }
            degree = e[0] + e[1] + e[2] > degree ? e[0] + e[1] + e[2] : degree;
            v += a;
            mag += b;
            wide += bw;
        }
        double err = (double)(p->n + (size_t)degree + 2) * 0x1p-52 * mag;
        double bound = 4 * (2 * err + (wide - mag));
        if (isfinite(v) && isfinite(bound) && fabs(v) > bound)
            return true;
    }
    return false;
}

/* One triple decided: exactly, or on boxes shrinking from 1e-8 to 1e-12 of the root. */
static verdict decide(const grad3 *G, const roots *R, const size_t *at, dx_cp2_kind *kind, bool *sure)
{
    const dx_root *r[3] = {&R[0].r[at[0]], &R[1].r[at[1]], &R[2].r[at[2]]};
    if (r[0]->form == DX_ROOT_RATIONAL && r[1]->form == DX_ROOT_RATIONAL && r[2]->form == DX_ROOT_RATIONAL)
        return exact_triple(G, r, kind, sure);
    verdict v = UNDECIDED;
    for (double scale = 1e-8; scale >= 1e-12 && v == UNDECIDED; scale *= 1e-2) {
        double m[3], w[3];
        bool wide = true;
        for (int i = 0; i < 3; i++) {
            m[i] = r[i]->x;
            w[i] = half_width(&R[i], at[i], scale);
            /* wider than the doubles' own uncertainty of the root */
            wide = wide && w[i] > 4 * (nextafter(fabs(m[i]), INFINITY) - fabs(m[i]));
        }
        if (!wide)
            break;
        if (excluded(G, m, w))
            return NOT_CRITICAL;
        v = krawczyk(G, m, w, kind, sure);
    }
    return v;
}

/* ---- the whole search --------------------------------------------------------------------- */

/* The point's coordinates and value, exactly where the roots are known exactly. */
static dx_status fill_point(dx_ctx *ctx, dx_expr *f, const char *const *vars, const dx_root *const *r, dx_crit2 *c)
{
    dx_expr *pt[3];
    bool exact = true;
    for (int i = 0; i < 3; i++) {
        c->at[i] = r[i]->x;
        pt[i] = dx_root_expr(ctx, r[i]);
        if (dx_failed(ctx))
            return dx_ctx_error(ctx)->status;
        c->exact[i] = pt[i];
        exact = exact && pt[i];
    }
    if (exact) {
        dx_mv_value v;
        if (dx_mv_at(ctx, f, vars, pt, 3, &v) == DX_OK) {
            c->exact_value = v.exact;
            c->value = v.num;
            return DX_OK;
        }
        if (!dx_recover(ctx))
            return dx_ctx_error(ctx)->status;
    }
    dx_prog *p = dx_compile(ctx, f, vars, 3);
    if (!p)
        return dx_ctx_error(ctx)->status;
    dx_status st = dx_prog_eval(p, ctx, c->at, &c->value);
    dx_prog_free(p);
    return st;
}

/* det H and f_xx at each point, as doubles, for the report. */
static void hessian_numbers(const grad3 *G, dx_crit2 *c)
{
    dx_iv P[3], H[6];
    for (int i = 0; i < 3; i++) {
        dx_iv_init(&P[i]);
        mpq_set_d(P[i].lo, c->at[i]);
        mpq_set(P[i].hi, P[i].lo);
    }
    for (int i = 0; i < 6; i++)
        dx_iv_init(&H[i]);
    eval_all(H, G->h, 6, P);
    double h[6];
    for (int i = 0; i < 6; i++)
        h[i] = mpq_get_d(H[i].lo);
    c->hxx = h[0];
    /* an exactly degenerate point shows det 0, not the rounding of its neighbourhood */
    c->det = c->kind == DX_CP2_DEGENERATE && c->certified
                 ? 0
                 : h[0] * (h[3] * h[5] - h[4] * h[4]) - h[1] * (h[1] * h[5] - h[4] * h[2]) +
                       h[2] * (h[1] * h[4] - h[3] * h[2]);
    for (int i = 0; i < 3; i++)
        dx_iv_clear(&P[i]);
    for (int i = 0; i < 6; i++)
        dx_iv_clear(&H[i]);
}

/* Every triple of roots of the minimal polynomials decided, the critical points kept (in
 * ascending order of x, then y, then z: the roots' own order). */
static dx_status triples(dx_ctx *ctx, dx_expr *f, const grad3 *G, const roots *R, dx_extrema2_result *out)
{
    size_t cap = 0, at[3];
    dx_status st = DX_OK;
    for (at[0] = 0; at[0] < R[0].n && st == DX_OK; at[0]++)
        for (at[1] = 0; at[1] < R[1].n && st == DX_OK; at[1]++)
            for (at[2] = 0; at[2] < R[2].n && st == DX_OK; at[2]++) {
                if (!dx_work(ctx, 1))
                    return dx_ctx_error(ctx)->status;
                dx_cp2_kind kind = DX_CP2_DEGENERATE;
                bool sure = false;
                verdict v = decide(G, R, at, &kind, &sure);
                if (v == NOT_CRITICAL)
                    continue;
                if (out->ncrit == cap) {
                    cap = cap ? 2 * cap : 8;
                    dx_crit2 *c = dx_realloc(out->crit, cap * sizeof *c);
                    if (!c) {
                        dx_oom(ctx);
                        return DX_ENOMEM;
                    }
                    out->crit = c;
                }
                dx_crit2 *c = &out->crit[out->ncrit++];
                memset(c, 0, sizeof *c);
                /* a point whose kind the intervals could not settle is not called certified */
                c->certified = v == CRITICAL && sure;
                out->uncertain += !c->certified;
                c->kind = c->certified ? kind : DX_CP2_DEGENERATE;
                const dx_root *r[3] = {&R[0].r[at[0]], &R[1].r[at[1]], &R[2].r[at[2]]};
                st = fill_point(ctx, f, out->vars, r, c);
                if (st == DX_OK)
                    hessian_numbers(G, c);
                if (st == DX_OK)
                    st = dx_hessian_exact_at(ctx, f, out->vars, 3, c);
                bool rational = r[0]->form == DX_ROOT_RATIONAL && r[1]->form == DX_ROOT_RATIONAL &&
                                r[2]->form == DX_ROOT_RATIONAL;
                if (st == DX_OK && c->kind == DX_CP2_DEGENERATE && c->certified && rational)
                    st = dx_extrema3_degenerate(ctx, f, out->vars, c);
            }
    return st;
}

/* Infinitely many critical points: the basis's equations kept for the report. */
static dx_status equations(dx_ctx *ctx, const dx_gb *gb, dx_expr *const *x, dx_extrema2_result *out)
{
    for (size_t i = 0; i < gb->n; i++) {
        if (out->neq == DX_EXTREMA3_MAX_EQS) {
            out->eqs_left++;
            continue;
        }
        dx_tpoly p = {0};
        dx_tp_copy(&p, &gb->g[i]);
        dx_tp_primitive(&p);
        out->eq[out->neq++] = dx_tp_to_expr(ctx, &p, x);
        dx_tp_clear(&p);
        if (!out->eq[out->neq - 1])
            return dx_ctx_error(ctx)->status;
    }
    return DX_OK;
}

static void grad_clear(grad3 *G)
{
    for (int i = 0; i < 3; i++)
        dx_tp_clear(&G->g[i]);
    for (int i = 0; i < 6; i++)
        dx_tp_clear(&G->h[i]);
}

int dx_extrema3_exact(dx_ctx *ctx, dx_expr *f, dx_extrema2_result *out)
{
    dx_expr *x[3];
    for (int i = 0; i < 3; i++)
        if (!(x[i] = dx_sym(ctx, out->vars[i], strlen(out->vars[i]))))
            return -1;
    dx_tpoly P;
    dx_tp_init(&P);
    int degree, is = dx_tp_from_expr(ctx, f, x, &P, &degree);
    if (is <= 0)
        return is;
    grad3 G;
    for (int i = 0; i < 3; i++) {
        dx_tp_init(&G.g[i]);
        dx_tp_deriv(&G.g[i], &P, i);
    }
    for (int i = 0; i < 3; i++)
        for (int k = i; k < 3; k++) {
            dx_tp_init(&G.h[hk(i, k)]);
            dx_tp_deriv(&G.h[hk(i, k)], &G.g[i], k);
        }
    dx_tp_clear(&P);
    out->method = DX_EX2_GROEBNER;
    out->degree = degree;
    dx_gb gb;
    dx_status st = dx_gb_compute(ctx, G.g, 3, &gb);
    roots R[3] = {{0}};
    if (st == DX_OK) {
        out->dim = dx_gb_dim(&gb);
        out->curve = out->dim == 1 || out->dim == 2; /* infinitely many, named by out->eq */
        if (out->dim > 0 && out->dim < 3)
            st = equations(ctx, &gb, x, out);
    }
    for (int v = 0; v < 3 && st == DX_OK && out->dim == 0; v++) {
        dx_poly m;
        dx_poly_init(&m);
        st = dx_gb_minpoly(ctx, &gb, v, &m);
        out->minpoly_degree[v] = dx_poly_deg(&m);
        if (st == DX_OK)
            st = dx_poly_roots(ctx, &m, &R[v].r, &R[v].n);
        dx_poly_clear(&m);
    }
    if (st == DX_OK && out->dim == 0)
        st = triples(ctx, f, &G, R, out);
    for (int v = 0; v < 3; v++)
        dx_poly_roots_free(R[v].r, R[v].n);
    dx_gb_clear(&gb);
    grad_clear(&G);
    return st == DX_OK ? 1 : -1;
}
