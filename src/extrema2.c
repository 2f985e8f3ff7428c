/* Every critical point of a polynomial in two variables, certified: f_x = f_y = 0 is
 * eliminated with resultants over the rationals (R(x) = Res_y, S(y) = Res_x), the real roots of
 * R and S are isolated exactly (poly.c), and each pair of roots is decided: exactly when both
 * are rational, else by exact rational interval arithmetic on a small box around it (excluded
 * where f_x or f_y has no zero on the box, proved by the Krawczyk test where it has one). Every
 * critical point has its x among R's roots and its y among S's, and the box of a pair holds no
 * other root of either: so none is missed and none is counted twice. */
#include "multivar.h"
#include "alloc.h"
#include "bpoly.h"
#include "eval.h"
#include "poly.h"
#include "qiv.h"
#include "simplify.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- resultants: the Sylvester determinant by Bareiss' fraction-free elimination ---------- */

/* The resultant of A and B (polynomials in the outer variable with coefficients in the inner
 * one, of degrees m and n: A[0..m], B[0..n], leading ones not zero) as a polynomial in the inner
 * variable, into out. */
static void resultant(dx_poly *out, const dx_poly *A, int m, const dx_poly *B, int n)
{
    int N = m + n;
    mpq_t one;
    mpq_init(one);
    mpq_set_ui(one, 1, 1);
    dx_poly_clear(out);
    dx_poly_const(out, one);
    if (N == 0) { /* two constants: no common root */
        mpq_clear(one);
        return;
    }
    dx_poly *M = dx_gmp_alloc(sizeof *M * (size_t)(N * N));
    for (int k = 0; k < N * N; k++)
        dx_poly_init(&M[k]);
    /* rows 0..n-1: A shifted; rows n..N-1: B shifted; column j is the power N-1-j */
    for (int i = 0; i < n; i++)
        for (int k = 0; k <= m; k++)
            dx_poly_scale(&M[i * N + i + (m - k)], &A[k], one);
    for (int i = 0; i < m; i++)
        for (int k = 0; k <= n; k++)
            dx_poly_scale(&M[(n + i) * N + i + (n - k)], &B[k], one);
    dx_poly prev, t1, t2;
    dx_poly_const(&prev, one);
    dx_poly_init(&t1);
    dx_poly_init(&t2);
    mpq_t minus;
    mpq_init(minus);
    mpq_set_si(minus, -1, 1);
    int sign = 1;
    bool zero = false;
    for (int k = 0; k < N - 1; k++) {
        int piv = k;
        while (piv < N && M[piv * N + k].n == 0)
            piv++;
        if (piv == N) {
            zero = true;
            break;
        }
        if (piv != k) {
            for (int j = 0; j < N; j++) {
                dx_poly s = M[k * N + j];
                M[k * N + j] = M[piv * N + j];
                M[piv * N + j] = s;
            }
            sign = -sign;
        }
        for (int i = k + 1; i < N; i++)
            for (int j = k + 1; j < N; j++) {
                dx_poly_mul(&t1, &M[i * N + j], &M[k * N + k]);
                dx_poly_mul(&t2, &M[i * N + k], &M[k * N + j]);
                dx_poly_scale(&t2, &t2, minus);
                dx_poly_add(&t1, &t1, &t2);
                dx_poly_divrem(&M[i * N + j], NULL, &t1, &prev); /* exact (Sylvester's identity) */
            }
        dx_poly_scale(&prev, &M[k * N + k], one);
    }
    mpq_set_si(minus, zero ? 0 : sign, 1); /* a column without a pivot: the determinant is 0 */
    dx_poly_scale(out, &M[N * N - 1], minus);
    for (int k = 0; k < N * N; k++)
        dx_poly_clear(&M[k]);
    dx_free(M);
    dx_poly_clear(&prev);
    dx_poly_clear(&t1);
    dx_poly_clear(&t2);
    mpq_clear(one);
    mpq_clear(minus);
}

/* Res of f_x and f_y with respect to y (in_y: a polynomial in x) or to x. */
static void eliminant(dx_poly *out, const dx_bpoly *gx, const dx_bpoly *gy, bool in_y)
{
    int m = in_y ? gx->dy : gx->dx, n = in_y ? gy->dy : gy->dx;
    dx_poly *A = dx_gmp_alloc(sizeof *A * (size_t)(m + 1)), *B = dx_gmp_alloc(sizeof *B * (size_t)(n + 1));
    for (int k = 0; k <= m; k++)
        dx_poly_init(&A[k]);
    for (int k = 0; k <= n; k++)
        dx_poly_init(&B[k]);
    dx_bp_split(gx, in_y, A);
    dx_bp_split(gy, in_y, B);
    /* true degrees: leading coefficients that vanish identically are dropped */
    while (m > 0 && A[m].n == 0)
        m--;
    while (n > 0 && B[n].n == 0)
        n--;
    if ((m == 0 && A[0].n == 0) || (n == 0 && B[0].n == 0)) {
        dx_poly_clear(out); /* one of them is zero: every point of the other's curve */
        dx_poly_init(out);
    } else {
        resultant(out, A, m, B, n);
    }
    for (int k = 0; k <= (in_y ? gx->dy : gx->dx); k++)
        dx_poly_clear(&A[k]);
    for (int k = 0; k <= (in_y ? gy->dy : gy->dx); k++)
        dx_poly_clear(&B[k]);
    dx_free(A);
    dx_free(B);
}

/* ---- exact rational interval arithmetic (qiv.h) on polynomials ----------------------------- */

/* p over the box X x Y (powers by repeated products: a wider but still sure enclosure). */
static void bp_eval_iv(dx_iv *out, const dx_bpoly *p, const dx_iv *X, const dx_iv *Y)
{
    dx_iv xa, yb, t;
    dx_iv_init(&xa);
    dx_iv_init(&yb);
    dx_iv_init(&t);
    mpq_set_ui(out->lo, 0, 1);
    mpq_set_ui(out->hi, 0, 1);
    mpq_t one;
    mpq_init(one);
    mpq_set_ui(one, 1, 1);
    dx_iv_set(&xa, one, one);
    for (int a = 0; a <= p->dx; a++) {
        dx_iv_set(&yb, one, one);
        for (int b = 0; b <= p->dy; b++) {
            if (mpq_sgn(dx_bp_at(p, a, b))) {
                dx_iv_mul(&t, &xa, &yb);
                dx_iv_scale(&t, &t, dx_bp_at(p, a, b));
                dx_iv_add(out, out, &t);
            }
            dx_iv_mul(&yb, &yb, Y);
        }
        dx_iv_mul(&xa, &xa, X);
    }
    mpq_clear(one);
    dx_iv_clear(&xa);
    dx_iv_clear(&yb);
    dx_iv_clear(&t);
}

static void bp_eval_q(mpq_t out, const dx_bpoly *p, const mpq_t x, const mpq_t y)
{
    dx_iv X, Y, r;
    dx_iv_init(&X);
    dx_iv_init(&Y);
    dx_iv_init(&r);
    dx_iv_set(&X, x, x);
    dx_iv_set(&Y, y, y);
    bp_eval_iv(&r, p, &X, &Y);
    mpq_set(out, r.lo);
    dx_iv_clear(&X);
    dx_iv_clear(&Y);
    dx_iv_clear(&r);
}

/* ---- deciding a pair of roots -------------------------------------------------------------- */

/* The gradient and the Hessian's entries of f. */
typedef struct grad2 {
    dx_bpoly g[2];  /* the system solved: f_x, f_y, or both divided by their common factor */
    dx_bpoly j[4];  /* its Jacobian, row-major: j[2i + k] = d g_i / d x_k */
    dx_bpoly h[3];  /* f's Hessian: f_xx, f_xy, f_yy */
} grad2;

typedef enum verdict { NOT_CRITICAL, CRITICAL, UNDECIDED } verdict;

/* Is the one candidate (the root within the box m +- r in each coordinate) a zero of the
 * system g? Excluded when g_1 or g_2 keeps a sign on the box; proved by Krawczyk's operator
 * K = m - Y g(m) + (I - Y J(X))(X - m) falling inside X (Y an approximate inverse of J(m)).
 * On CRITICAL, det and hxx get the signs of det H and f_xx on the box (0: not decided). */
static verdict krawczyk(const grad2 *G, const double m[2], const double r[2], int *det_sign, int *hxx_sign)
{
    mpq_t mq[2], lo, hi, gm[2], Yq[4], t;
    dx_iv X[2], D[2], H[3], J[4], M[4], K, s;
    for (int i = 0; i < 2; i++) {
        mpq_init(mq[i]);
        mpq_init(gm[i]);
        dx_iv_init(&X[i]);
        dx_iv_init(&D[i]);
        mpq_set_d(mq[i], m[i]);
    }
    for (int i = 0; i < 4; i++) {
        mpq_init(Yq[i]);
        dx_iv_init(&M[i]);
        dx_iv_init(&J[i]);
    }
    for (int i = 0; i < 3; i++)
        dx_iv_init(&H[i]);
    mpq_init(lo);
    mpq_init(hi);
    mpq_init(t);
    dx_iv_init(&K);
    dx_iv_init(&s);
    for (int i = 0; i < 2; i++) {
        mpq_set_d(t, r[i]);
        mpq_sub(lo, mq[i], t);
        mpq_add(hi, mq[i], t);
        dx_iv_set(&X[i], lo, hi);
        mpq_neg(lo, t);
        dx_iv_set(&D[i], lo, t);
    }
    verdict v = UNDECIDED;
    for (int i = 0; i < 2; i++) {
        bp_eval_iv(&s, &G->g[i], &X[0], &X[1]);
        if (!dx_iv_has_zero(&s))
            v = NOT_CRITICAL;
    }
    if (v == NOT_CRITICAL)
        goto out;
    for (int i = 0; i < 2; i++)
        bp_eval_q(gm[i], &G->g[i], mq[0], mq[1]);
    double jm[4];
    for (int i = 0; i < 4; i++) {
        bp_eval_q(t, &G->j[i], mq[0], mq[1]);
        jm[i] = mpq_get_d(t);
        bp_eval_iv(&J[i], &G->j[i], &X[0], &X[1]);
    }
    for (int i = 0; i < 3; i++)
        bp_eval_iv(&H[i], &G->h[i], &X[0], &X[1]);
    double det = jm[0] * jm[3] - jm[1] * jm[2];
    if (det == 0 || !isfinite(det))
        goto out;
    mpq_set_d(Yq[0], jm[3] / det);
    mpq_set_d(Yq[1], -jm[1] / det);
    mpq_set_d(Yq[2], -jm[2] / det);
    mpq_set_d(Yq[3], jm[0] / det);
    /* M = I - Y J(X) */
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            mpq_set_ui(lo, i == j, 1);
            dx_iv_set(&M[i * 2 + j], lo, lo);
            for (int k = 0; k < 2; k++) {
                mpq_neg(t, Yq[i * 2 + k]);
                dx_iv_scale(&s, &J[k * 2 + j], t);
                dx_iv_add(&M[i * 2 + j], &M[i * 2 + j], &s);
            }
        }
    bool inside = true;
    for (int i = 0; i < 2 && inside; i++) {
        /* K_i = m_i - (Y g(m))_i + sum_j M_ij D_j */
        mpq_set(t, mq[i]);
        for (int k = 0; k < 2; k++) {
            mpq_mul(lo, Yq[i * 2 + k], gm[k]);
            mpq_sub(t, t, lo);
        }
        dx_iv_set(&K, t, t);
        for (int j = 0; j < 2; j++) {
            dx_iv_mul(&s, &M[i * 2 + j], &D[j]);
            dx_iv_add(&K, &K, &s);
        }
        inside = mpq_cmp(K.lo, X[i].lo) > 0 && mpq_cmp(K.hi, X[i].hi) < 0;
    }
    if (!inside)
        goto out;
    v = CRITICAL;
    /* det H on the box, and f_xx */
    dx_iv_mul(&K, &H[0], &H[2]);
    dx_iv_mul(&s, &H[1], &H[1]);
    mpq_sub(lo, K.lo, s.hi);
    mpq_sub(hi, K.hi, s.lo);
    *det_sign = mpq_sgn(lo) > 0 ? 1 : mpq_sgn(hi) < 0 ? -1 : 0;
    *hxx_sign = mpq_sgn(H[0].lo) > 0 ? 1 : mpq_sgn(H[0].hi) < 0 ? -1 : 0;
out:
    for (int i = 0; i < 2; i++) {
        mpq_clear(mq[i]);
        mpq_clear(gm[i]);
        dx_iv_clear(&X[i]);
        dx_iv_clear(&D[i]);
    }
    for (int i = 0; i < 4; i++) {
        mpq_clear(Yq[i]);
        dx_iv_clear(&M[i]);
        dx_iv_clear(&J[i]);
    }
    for (int i = 0; i < 3; i++)
        dx_iv_clear(&H[i]);
    mpq_clear(lo);
    mpq_clear(hi);
    mpq_clear(t);
    dx_iv_clear(&K);
    dx_iv_clear(&s);
    return v;
}

/* Both coordinates rational: decide exactly, and the signs of det H and f_xx exactly. */
static verdict exact_pair(const grad2 *G, const mpq_t x, const mpq_t y, int *det_sign, int *hxx_sign)
{
    mpq_t v, h[3];
    mpq_init(v);
    verdict out = CRITICAL;
    for (int i = 0; i < 2 && out == CRITICAL; i++) {
        bp_eval_q(v, &G->g[i], x, y);
        out = mpq_sgn(v) ? NOT_CRITICAL : CRITICAL;
    }
    if (out == CRITICAL) {
        for (int i = 0; i < 3; i++) {
            mpq_init(h[i]);
            bp_eval_q(h[i], &G->h[i], x, y);
        }
        mpq_mul(v, h[0], h[2]);
        mpq_t w;
        mpq_init(w);
        mpq_mul(w, h[1], h[1]);
        mpq_sub(v, v, w);
        mpq_clear(w);
        *det_sign = mpq_sgn(v);
        *hxx_sign = mpq_sgn(h[0]);
        for (int i = 0; i < 3; i++)
            mpq_clear(h[i]);
    }
    mpq_clear(v);
    return out;
}

/* Half the box around root i of roots[0..n): small against the root, and a third of the
 * distance to its neighbours (so the box holds no other root). */
static double radius(const dx_root *roots, size_t n, size_t i, double scale)
{
    double r = scale * (1 + fabs(roots[i].x));
    if (i > 0)
        r = fmin(r, (roots[i].x - roots[i - 1].x) / 3);
    if (i + 1 < n)
        r = fmin(r, (roots[i + 1].x - roots[i].x) / 3);
    return r;
}

static dx_cp2_kind kind_of(int det_sign, int hxx_sign)
{
    if (det_sign < 0)
        return DX_CP2_SADDLE;
    if (det_sign > 0 && hxx_sign != 0)
        return hxx_sign > 0 ? DX_CP2_MIN : DX_CP2_MAX;
    return DX_CP2_DEGENERATE;
}

/* One pair of roots decided: exactly, or on boxes shrinking from 1e-8 to 1e-12 of the root. */
static verdict decide(const grad2 *G, const dx_root *R, size_t nr, size_t i, const dx_root *S, size_t ns, size_t j,
                      int *det_sign, int *hxx_sign)
{
    if (R[i].form == DX_ROOT_RATIONAL && S[j].form == DX_ROOT_RATIONAL)
        return exact_pair(G, R[i].q, S[j].q, det_sign, hxx_sign);
    verdict v = UNDECIDED;
    for (double scale = 1e-8; scale >= 1e-12 && v == UNDECIDED; scale *= 1e-2) {
        double m[2] = {R[i].x, S[j].x}, r[2] = {radius(R, nr, i, scale), radius(S, ns, j, scale)};
        /* the box must be wider than the doubles' own uncertainty of the roots */
        if (!(r[0] > 4 * nextafter(fabs(m[0]), INFINITY) - 4 * fabs(m[0])) ||
            !(r[1] > 4 * nextafter(fabs(m[1]), INFINITY) - 4 * fabs(m[1])))
            break;
        v = krawczyk(G, m, r, det_sign, hxx_sign);
    }
    return v;
}

/* ---- the whole search ------------------------------------------------------------------- */

static void grad_clear(grad2 *G)
{
    for (int i = 0; i < 2; i++)
        dx_bp_clear(&G->g[i]);
    for (int i = 0; i < 4; i++)
        dx_bp_clear(&G->j[i]);
    for (int i = 0; i < 3; i++)
        dx_bp_clear(&G->h[i]);
}

/* The point's coordinates and value, exactly where the roots are known exactly. */
static dx_status fill_point(dx_ctx *ctx, dx_expr *f, const char *const *vars, const dx_root *rx, const dx_root *ry,
                            dx_crit2 *c)
{
    c->at[0] = rx->x;
    c->at[1] = ry->x;
    dx_expr *ex = dx_root_expr(ctx, rx), *ey = ex ? dx_root_expr(ctx, ry) : NULL;
    if (dx_failed(ctx))
        return dx_ctx_error(ctx)->status;
    c->exact[0] = ex;
    c->exact[1] = ex ? ey : dx_root_expr(ctx, ry);
    if (ex && ey) {
        dx_expr *pt[] = {ex, ey};
        dx_mv_value v;
        if (dx_mv_at(ctx, f, vars, pt, 2, &v) == DX_OK) {
            c->exact_value = v.exact;
            c->value = v.num;
            return DX_OK;
        }
        if (!dx_recover(ctx))
            return DX_ENOMEM;
    }
    dx_prog *p = dx_compile(ctx, f, vars, 2);
    if (!p)
        return dx_ctx_error(ctx)->status;
    dx_status st = dx_prog_eval(p, ctx, c->at, &c->value);
    dx_prog_free(p);
    return st;
}

/* Is the root pair (i, j) a point of the curve C = 0? NOT_CRITICAL: no (exactly, or C keeps
 * its sign on a box around it); CRITICAL: yes, exactly; UNDECIDED: C may vanish on the box. */
static verdict on_curve(const dx_bpoly *C, const dx_root *R, size_t nr, size_t i, const dx_root *S, size_t ns,
                        size_t j)
{
    dx_iv X, Y, v;
    dx_iv_init(&X);
    dx_iv_init(&Y);
    dx_iv_init(&v);
    mpq_t m, r;
    mpq_init(m);
    mpq_init(r);
    bool exact = R[i].form == DX_ROOT_RATIONAL && S[j].form == DX_ROOT_RATIONAL;
    const dx_root *root[2] = {&R[i], &S[j]};
    dx_iv *box[2] = {&X, &Y};
    for (int k = 0; k < 2; k++) {
        if (exact) {
            dx_iv_set(box[k], root[k]->q, root[k]->q);
            continue;
        }
        mpq_set_d(m, root[k]->x);
        mpq_set_d(r, k ? radius(S, ns, j, 1e-9) : radius(R, nr, i, 1e-9));
        mpq_sub(box[k]->lo, m, r);
        mpq_add(box[k]->hi, m, r);
    }
    bp_eval_iv(&v, C, &X, &Y);
    verdict out = !dx_iv_has_zero(&v) ? NOT_CRITICAL : exact ? CRITICAL : UNDECIDED;
    dx_iv_clear(&X);
    dx_iv_clear(&Y);
    dx_iv_clear(&v);
    mpq_clear(m);
    mpq_clear(r);
    return out;
}

/* The pair with both coordinates known exactly (square roots): is it on the curve? C at the
 * point simplified to a number decides; UNDECIDED otherwise. */
static verdict on_curve_exactly(dx_ctx *ctx, const dx_extrema2_result *out, const dx_root *rx, const dx_root *ry)
{
    if (rx->form == DX_ROOT_DECIMAL || ry->form == DX_ROOT_DECIMAL || !out->curve_eq)
        return UNDECIDED;
    dx_expr *pt[2] = {dx_root_expr(ctx, rx), dx_root_expr(ctx, ry)};
    dx_mv_value v;
    if (!pt[0] || !pt[1] || dx_mv_at(ctx, (dx_expr *)out->curve_eq, out->vars, pt, 2, &v) != DX_OK) {
        dx_recover(ctx);
        return UNDECIDED;
    }
    return !dx_is_num(v.exact) ? UNDECIDED : dx_is_int(v.exact, 0) ? CRITICAL : NOT_CRITICAL;
}

/* The search on the roots of the eliminants R (x) and S (y); the points of the curve C = 0
 * (C NULL: no curve) are left out, being named with it. */
static dx_status pairs(dx_ctx *ctx, dx_expr *f, const grad2 *G, const dx_bpoly *C, const dx_poly *R,
                       const dx_poly *S, dx_extrema2_result *out)
{
    dx_root *rx = NULL, *ry = NULL;
    size_t nx = 0, ny = 0;
    dx_status st = dx_poly_roots(ctx, R, &rx, &nx);
    if (st == DX_OK)
        st = dx_poly_roots(ctx, S, &ry, &ny);
    size_t cap = 0;
    for (size_t i = 0; i < nx && st == DX_OK; i++)
        for (size_t j = 0; j < ny && st == DX_OK; j++) {
            int det = 0, hxx = 0;
            verdict v = decide(G, rx, nx, i, ry, ny, j, &det, &hxx);
            verdict curve = v == NOT_CRITICAL || !C ? NOT_CRITICAL : on_curve(C, rx, nx, i, ry, ny, j);
            if (curve == UNDECIDED)
                curve = on_curve_exactly(ctx, out, &rx[i], &ry[j]);
            if (v == NOT_CRITICAL || curve == CRITICAL)
                continue;
            if (curve == UNDECIDED)
                v = UNDECIDED; /* maybe a point of the curve, maybe one beside it */
            if (out->ncrit == cap) {
                cap = cap ? 2 * cap : 8;
                dx_crit2 *c = dx_realloc(out->crit, cap * sizeof *c);
                if (!c) {
                    st = DX_ENOMEM;
                    dx_oom(ctx);
                    break;
                }
                out->crit = c;
            }
            dx_crit2 *c = &out->crit[out->ncrit++];
            memset(c, 0, sizeof *c);
            c->certified = v == CRITICAL;
            out->uncertain += !c->certified;
            c->kind = c->certified ? kind_of(det, hxx) : DX_CP2_DEGENERATE;
            st = fill_point(ctx, f, out->vars, &rx[i], &ry[j], c);
        }
    dx_poly_roots_free(rx, nx);
    dx_poly_roots_free(ry, ny);
    return st;
}

/* The Hessian's numbers at each point, for the report. */
static void hessian_numbers(const grad2 *G, dx_extrema2_result *out)
{
    mpq_t x, y, h[3];
    mpq_init(x);
    mpq_init(y);
    for (int k = 0; k < 3; k++)
        mpq_init(h[k]);
    for (size_t i = 0; i < out->ncrit; i++) {
        dx_crit2 *c = &out->crit[i];
        mpq_set_d(x, c->at[0]);
        mpq_set_d(y, c->at[1]);
        for (int k = 0; k < 3; k++)
            bp_eval_q(h[k], &G->h[k], x, y);
        double a = mpq_get_d(h[0]), b = mpq_get_d(h[1]), d = mpq_get_d(h[2]);
        c->hxx = a;
        /* an exactly degenerate point shows det 0, not the rounding of its neighbourhood */
        c->det = c->kind == DX_CP2_DEGENERATE && c->certified ? 0 : a * d - b * b;
    }
    mpq_clear(x);
    mpq_clear(y);
    for (int k = 0; k < 3; k++)
        mpq_clear(h[k]);
}

/* The exact search when f is a polynomial in its two variables: 1 done (the status on ctx),
 * 0 not such a polynomial, -1 failed (the error on ctx). */
static int exact_search(dx_ctx *ctx, dx_expr *f, dx_extrema2_result *out)
{
    const dx_expr *x = dx_sym(ctx, out->vars[0], strlen(out->vars[0])),
                  *y = dx_sym(ctx, out->vars[1], strlen(out->vars[1]));
    if (!x || !y)
        return -1;
    dx_bpoly P;
    int degree, is = dx_bp_from_expr(ctx, f, x, y, &P, &degree);
    if (is <= 0)
        return is;
    grad2 G;
    dx_bpoly fx, fy, C;
    dx_bp_deriv(&fx, &P, false);
    dx_bp_deriv(&fy, &P, true);
    dx_bp_deriv(&G.h[0], &fx, false);
    dx_bp_deriv(&G.h[1], &fx, true);
    dx_bp_deriv(&G.h[2], &fy, true);
    /* A common factor C of f_x and f_y: every real point of C = 0 is critical (a curve of
     * them); the other critical points are the zeros of f_x/C and f_y/C off the curve. */
    dx_bp_gcd(&C, &fx, &fy);
    out->curve = !dx_bp_is_const(&C);
    if (out->curve) {
        dx_bp_divexact(&G.g[0], &fx, &C);
        dx_bp_divexact(&G.g[1], &fy, &C);
        dx_bp_clear(&fx);
        dx_bp_clear(&fy);
    } else {
        G.g[0] = fx;
        G.g[1] = fy;
    }
    for (int i = 0; i < 4; i++)
        dx_bp_deriv(&G.j[i], &G.g[i / 2], i % 2);
    out->method = DX_EX2_RESULTANT;
    out->degree = degree;
    dx_poly R, S;
    dx_poly_init(&R);
    dx_poly_init(&S);
    eliminant(&R, &G.g[0], &G.g[1], true);
    eliminant(&S, &G.g[0], &G.g[1], false);
    out->res_degree[0] = dx_poly_deg(&R);
    out->res_degree[1] = dx_poly_deg(&S);
    /* coprime after the division: an eliminant is 0 only when one of them is 0 and the other
     * a constant (f a function of one variable), and then there is no other point */
    dx_status st = out->curve ? dx_extrema2_curves(ctx, &P, &C, (dx_expr *)x, (dx_expr *)y, out) : DX_OK;
    dx_bp_clear(&P);
    if (st == DX_OK && R.n != 0 && S.n != 0)
        st = pairs(ctx, f, &G, out->curve ? &C : NULL, &R, &S, out);
    if (st == DX_OK)
        hessian_numbers(&G, out);
    for (size_t i = 0; i < out->ncrit && st == DX_OK; i++)
        st = dx_hessian_exact_at(ctx, f, out->vars, 2, &out->crit[i]);
    for (size_t i = 0; i < out->ncrit && st == DX_OK; i++) {
        dx_crit2 *c = &out->crit[i];
        if (c->kind == DX_CP2_DEGENERATE && c->certified && c->exact[0] && c->exact[0]->kind == DX_NUM &&
            c->exact[1] && c->exact[1]->kind == DX_NUM)
            st = dx_extrema2_degenerate(ctx, f, out->vars, c);
    }
    dx_poly_clear(&R);
    dx_poly_clear(&S);
    dx_bp_clear(&C);
    grad_clear(&G);
    return st == DX_OK ? 1 : -1;
}

dx_status dx_extrema2(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t n, const double *from,
                      const double *to, dx_extrema2_result *out)
{
    memset(out, 0, sizeof *out);
    dx_ctx_clear_error(ctx);
    out->f = f;
    const char **all;
    if (!vars) {
        n = dx_vars(ctx, f, &all);
        vars = all;
    }
    if (dx_failed(ctx))
        return dx_ctx_error(ctx)->status;
    if (n < 2 || n > DX_EXTREMA2_MAX_VARS) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_EX2_VARS, DX_I(n));
        return DX_EUSAGE;
    }
    out->n = n;
    for (size_t i = 0; i < n; i++) {
        dx_expr *v = dx_sym(ctx, vars[i], strlen(vars[i]));
        if (!v)
            return dx_ctx_error(ctx)->status;
        out->vars[i] = v->u.name;
        out->from[i] = from ? from[i] : -10;
        out->to[i] = to ? to[i] : 10;
        if (!(out->from[i] < out->to[i]) || !isfinite(out->from[i]) || !isfinite(out->to[i])) {
            dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_EX2_BOX, DX_S(out->vars[i]), DX_D(out->from[i]), DX_D(out->to[i]));
            return DX_EUSAGE;
        }
    }
    int done = n == 2 ? exact_search(ctx, f, out) : dx_extrema3_exact(ctx, f, out);
    if (done < 0) {
        dx_extrema2_free(out);
        return dx_ctx_error(ctx)->status;
    }
    /* dx_mv_end may turn DX_OK into a failure seen late (GMP out of memory): free after it */
    dx_status st = dx_mv_end(ctx, done ? DX_OK : dx_extrema2_box(ctx, f, out));
    if (st != DX_OK)
        dx_extrema2_free(out);
    return st;
}

void dx_extrema2_free(dx_extrema2_result *r)
{
    dx_free(r->comp);
    r->comp = NULL;
    r->ncomp = 0;
    dx_free(r->crit);
    r->crit = NULL;
    r->ncrit = 0;
}
