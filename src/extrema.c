/* Extrema: critical points found exactly (polynomials) or on a grid, classified. */
#include "alloc.h"
#include "closedform.h"

#include "diff.h"
#include "eval.h"
#include "fn.h"
#include "limit.h"
#include "poly.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Grid search: steps over [from, to], and the default interval for non-polynomials. */
#define GRID_STEPS 4000
#define DEFAULT_FROM (-10.0)
#define DEFAULT_TO 10.0
/* Most critical or inflection points reported before the search stops with an error. */
#define MAX_POINTS 10000

/* "f''", "f'''", "f^(4)": the name of the k-th derivative (k >= 2), static or the context's. */
static const char *dname(dx_ctx *ctx, int k)
{
    if (k <= 3)
        return k == 2 ? "f''" : "f'''";
    char buf[16];
    snprintf(buf, sizeof buf, "f^(%d)", k);
    return dx_strndup(ctx, buf, strlen(buf));
}

void dx_extrema_free(dx_extrema_result *x)
{
    if (!x)
        return;
    dx_free(x->crit);
    dx_free(x->infl);
    dx_free(x->flat);
    memset(x, 0, sizeof *x);
}

/* Whether q is past the doubles' normal range (|q| above 2^1000 or below 2^-1000, not 0). */
static bool is_big(const mpq_t q)
{
    long bits = (long)mpz_sizeinbase(mpq_numref(q), 2) - (long)mpz_sizeinbase(mpq_denref(q), 2);
    return mpq_sgn(q) && (bits > 1000 || bits < -1000);
}

/* q in six significant digits with its exponent ("-1.23457e+325"), owned by ctx; NULL
 * without memory. */
static const char *big_text(dx_ctx *ctx, const mpq_t q)
{
    mpf_t f;
    mpf_init2(f, 64);
    mpf_set_q(f, q);
    char dig[16], out[48];
    mp_exp_t e;
    mpf_get_str(dig, &e, 10, 6, f);
    mpf_clear(f);
    const char *d = dig + (dig[0] == '-');
    size_t nd = strlen(d);
    while (nd > 1 && d[nd - 1] == '0')
        nd--;
    snprintf(out, sizeof out, "%s%c%s%.*s%se%+ld", dig[0] == '-' ? "-" : "", d[0], nd > 1 ? "." : "", (int)nd - 1,
             d + 1, "", (long)e - 1);
    return dx_strndup(ctx, out, strlen(out));
}

/* p->value (and p->big) from the exact q. */
static void set_value(dx_ctx *ctx, dx_xpoint *p, const mpq_t q)
{
    p->value = mpq_get_d(q);
    p->big = NULL;
    if (is_big(q)) {
        p->big = big_text(ctx, q);
        long bits = (long)mpz_sizeinbase(mpq_numref(q), 2) - (long)mpz_sizeinbase(mpq_denref(q), 2);
        p->value = (bits > 0 ? DBL_MAX : DBL_MIN) * mpq_sgn(q);
    }
}

/* Signed log10 of |a's value| as the order of values needs it: the value itself for doubles,
 * the exponent's size for big ones. */
static int cmp_value(const dx_xpoint *a, const dx_xpoint *b)
{
    if (!a->big && !b->big)
        return (a->value > b->value) - (a->value < b->value);
    int sa = (a->value > 0) - (a->value < 0), sb = (b->value > 0) - (b->value < 0);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    /* same sign: compare magnitudes by log10 */
    double la = a->big ? log10(fabs(strtod(a->big, NULL))) + strtod(strchr(a->big, 'e') + 1, NULL) : log10(fabs(a->value));
    double lb = b->big ? log10(fabs(strtod(b->big, NULL))) + strtod(strchr(b->big, 'e') + 1, NULL) : log10(fabs(b->value));
    return sa * ((la > lb) - (la < lb));
}

static bool inside(const dx_extrema_result *x, double v) { return !x->interval || (v >= x->from && v <= x->to); }

/* The global extremes among the candidates: critical points plus, on an interval, its ends.
 * sign +1 looks for the max. Equal values (exactly, or to 1e-12 relative when only decimals
 * are known) are ties, listed. */
static void pick_global(dx_global *g, const dx_xpoint *cand, const int *where, size_t n, int sign)
{
    size_t best = n;
    for (size_t i = 0; i < n; i++)
        if (isfinite(cand[i].value) && (best == n || sign * cmp_value(&cand[i], &cand[best]) > 0))
            best = i;
    if (best == n)
        return;
    g->exists = true;
    g->at = cand[best];
    g->endpoint = where[best] >= 2 ? 0 : where[best];
    g->flat = where[best] >= 2 ? (size_t)where[best] - 1 : 0;
    for (size_t i = 0; i < n; i++) {
        if (i == best || !isfinite(cand[i].value))
            continue;
        bool tie = cand[i].exact_value && cand[best].exact_value
                       ? cand[i].exact_value == cand[best].exact_value /* hash-consed: equal is one node */
                       : cand[i].big || cand[best].big ? false
                       : fabs(cand[i].value - cand[best].value) <= 1e-12 * fmax(1, fabs(cand[best].value));
        if (tie && g->ties < sizeof g->tie_x / sizeof g->tie_x[0])
            g->tie_x[g->ties++] = cand[i].x;
    }
}

/* Global extremes from the critical points and the interval's ends (values f_from, f_to
 * with exact values when known); where neither exists, why. */
static void globals(dx_ctx *ctx, dx_extrema_result *x, const dx_xpoint *ends)
{
    size_t n = 0;
    dx_xpoint *cand = dx_malloc(sizeof *cand * (x->ncrit + x->nflat + 2));
    int *where = dx_malloc(sizeof *where * (x->ncrit + x->nflat + 2));
    if (!cand || !where) {
        dx_free(cand);
        dx_free(where);
        dx_oom(ctx);
        return;
    }
    /* a flat stretch is one candidate (where 2 + its index); an end inside it is part of it */
    bool in_flat[2] = {false, false};
    for (size_t i = 0; i < x->nflat; i++) {
        const dx_flat *fl = &x->flat[i];
        cand[n] = (dx_xpoint){fl->from, fl->value, fl->exact_from, fl->exact_value, NULL};
        where[n++] = 2 + (int)i;
        in_flat[0] |= fl->from == x->from;
        in_flat[1] |= fl->to == x->to;
    }
    if (x->interval && !in_flat[0]) {
        cand[n] = ends[0];
        where[n++] = -1;
    }
    for (size_t i = 0; i < x->ncrit; i++) {
        /* an endpoint that is also critical is listed once, as critical */
        if (x->interval && !in_flat[0] && x->crit[i].at.x == x->from)
            n--;
        cand[n] = x->crit[i].at;
        where[n++] = 0;
    }
    if (x->interval && !in_flat[1] && !(x->ncrit && x->crit[x->ncrit - 1].at.x == x->to)) {
        cand[n] = ends[1];
        where[n++] = 1;
    }
    pick_global(&x->min, cand, where, n, -1);
    pick_global(&x->max, cand, where, n, +1);
    if (!x->min.exists)
        x->min.why = DX_MSG(DX_M_EXT_NO_CANDIDATE);
    if (!x->max.exists)
        x->max.why = DX_MSG(DX_M_EXT_NO_CANDIDATE);
    dx_free(cand);
    dx_free(where);
}

/* ---- polynomials: exact ----------------------------------------------------------- */

/* The test rows by order (2, even, odd) and by what is known of the value (exactly, as a
 * trusted double, or only its sign). */
static const dx_msg_id test_ids[3][3] = {
    {DX_M_EXT_SECOND_EXACT, DX_M_EXT_SECOND_APPROX, DX_M_EXT_SECOND_SIGN},
    {DX_M_EXT_EVEN_EXACT, DX_M_EXT_EVEN_APPROX, DX_M_EXT_EVEN_SIGN},
    {DX_M_EXT_ODD_EXACT, DX_M_EXT_ODD_APPROX, DX_M_EXT_ODD_SIGN},
};

/* Classify a root r of f' (a polynomial) by the first non-zero derivative beyond f'. The
 * sign comes from r's certified left and right signs of f'; the value given is the exact
 * one where r is exact. */
static void classify_poly(dx_ctx *ctx, dx_crit *c, const dx_poly *df, const dx_root *r)
{
    c->kind = r->left < 0 && r->right > 0 ? DX_CP_MIN : r->left > 0 && r->right < 0 ? DX_CP_MAX : DX_CP_NEITHER;
    c->mult = r->mult;
    /* f' ~ f^(m+1)(r) (x - r)^m / m!: its sign is the sign of f' just right of r */
    int order = r->mult + 1;
    dx_poly d;
    dx_poly_init(&d);
    dx_poly_deriv(&d, df);
    for (int k = 2; k < order; k++)
        dx_poly_deriv(&d, &d);
    dx_expr *ex = dx_poly_exact_at(ctx, &d, r);
    double v = dx_poly_eval_d(&d, r->x);
    /* past a double's range (or an exact integer of thousands of digits, 1002! for x^1002):
     * six digits and the exponent, from the exact value at the root or at its double */
    mpq_t t;
    mpq_init(t);
    if (r->form == DX_ROOT_RATIONAL)
        dx_poly_eval_q(t, &d, r->q);
    else
        mpq_set_d(t, r->x), dx_poly_eval_q(t, &d, t);
    const char *big = is_big(t) ? big_text(ctx, t) : NULL;
    if (big && r->form != DX_ROOT_RATIONAL && mpq_sgn(t) != r->right)
        big = NULL; /* rounded past its sign: only the sign is said */
    else if (big)
        ex = NULL, v = mpq_sgn(t);
    mpq_clear(t);
    dx_poly_clear(&d);
    dx_arg at = c->at.exact ? DX_E(c->at.exact) : DX_D(r->x);
    dx_arg val = big ? DX_S(big) : ex ? DX_E(ex) : DX_D(v);
    /* a double too rounded to trust (or past the doubles) is left out */
    int known = ex ? 0 : isfinite(v) && v != 0 && (v > 0) == (r->right > 0) ? 1 : 2;
    const dx_msg_id *ids = test_ids[order == 2 ? 0 : order % 2 == 0 ? 1 : 2];
    c->test = DX_MSG(ids[known], DX_S(dname(ctx, order)), at, val, DX_S(r->right > 0 ? ">" : "<"));
}

static void set_point(dx_ctx *ctx, dx_xpoint *p, const dx_poly *f, const dx_root *r)
{
    p->x = r->x;
    p->exact = dx_root_expr(ctx, r);
    p->exact_value = dx_poly_exact_at(ctx, f, r);
    mpq_t t;
    mpq_init(t);
    if (r->form == DX_ROOT_RATIONAL) {
        dx_poly_eval_q(t, f, r->q);
    } else {
        /* exact polynomial at the double root: accurate to the root's own rounding */
        mpq_set_d(t, r->x);
        dx_poly_eval_q(t, f, t);
    }
    set_value(ctx, p, t);
    mpq_clear(t);
}

static dx_xpoint end_point(dx_ctx *ctx, const dx_poly *f, double a)
{
    dx_xpoint p = {a, 0, NULL, NULL, NULL};
    mpq_t t;
    mpq_init(t);
    mpq_set_d(t, a);
    dx_poly_eval_q(t, f, t);
    set_value(ctx, &p, t);
    mpq_clear(t);
    return p;
}

static dx_status poly_extrema(dx_ctx *ctx, const dx_poly *f, const char *v, dx_extrema_result *x)
{
    dx_poly df, d2;
    dx_poly_init(&df);
    dx_poly_init(&d2);
    dx_poly_deriv(&df, f);
    dx_poly_deriv(&d2, &df);
    x->degree = dx_poly_deg(f) < 0 ? 0 : dx_poly_deg(f);
    dx_status st = DX_OK;
    dx_root *r = NULL, *r2 = NULL;
    size_t n = 0, n2 = 0;
    if (df.n > 0)
        st = dx_poly_roots(ctx, &df, &r, &n);
    if (st == DX_OK && d2.n > 0)
        st = dx_poly_roots(ctx, &d2, &r2, &n2);
    if (st == DX_OK) {
        x->crit = dx_calloc(n ? n : 1, sizeof *x->crit);
        x->infl = dx_calloc(n2 ? n2 : 1, sizeof *x->infl);
        if (!x->crit || !x->infl)
            st = DX_ENOMEM; /* recorded by the caller; it frees what is here */
    }
    if (st == DX_OK) {
        for (size_t i = 0; i < n; i++) {
            if (!inside(x, r[i].x))
                continue;
            dx_crit *c = &x->crit[x->ncrit++];
            set_point(ctx, &c->at, f, &r[i]);
            classify_poly(ctx, c, &df, &r[i]);
        }
        for (size_t i = 0; i < n2; i++)
            if (inside(x, r2[i].x) && r2[i].left != r2[i].right)
                set_point(ctx, &x->infl[x->ninfl++], f, &r2[i]);
        if (x->interval) {
            dx_xpoint ends[2] = {end_point(ctx, f, x->from), end_point(ctx, f, x->to)};
            globals(ctx, x, ends);
        } else if (x->degree >= 1) {
            /* the ends of the line: f -> sign(lead) * oo as x -> +oo, times (-1)^deg at -oo */
            int lead = mpq_sgn(f->c[f->n - 1]), odd = x->degree % 2;
            if (odd) {
                x->max.why = DX_MSG(DX_M_EXT_TENDS, DX_S("+oo"), DX_S(v), DX_S(lead > 0 ? "+oo" : "-oo"));
                x->min.why = DX_MSG(DX_M_EXT_TENDS, DX_S("-oo"), DX_S(v), DX_S(lead > 0 ? "-oo" : "+oo"));
            } else {
                /* one extreme is the best of the local ones, the other does not exist */
                globals(ctx, x, NULL);
                dx_global *none = lead > 0 ? &x->max : &x->min;
                memset(none, 0, sizeof *none);
                none->why = DX_MSG(DX_M_EXT_TENDS_BOTH, DX_S(lead > 0 ? "+oo" : "-oo"), DX_S(v));
            }
        }
    }
    dx_poly_roots_free(r, n);
    dx_poly_roots_free(r2, n2);
    dx_poly_clear(&df);
    dx_poly_clear(&d2);
    return st;
}

/* ---- other functions: a grid ------------------------------------------------------ */

typedef struct fun {
    dx_prog *p;
} fun;

static double at(const fun *g, double v)
{
    const double *cols[1] = {&v};
    double out;
    dx_prog_eval_n(g->p, 1, cols, &out);
    return out;
}

/* A root of g in [a, b] where g(a), g(b) have opposite signs: Brent's method (inverse
 * quadratic interpolation, secant and bisection, always keeping a bracket). A NaN inside
 * the bracket falls back to bisection. */
static double brent(const fun *g, double a, double b, double fa, double fb)
{
    double c = a, fc = fa, d = b - a, e = d;
    for (int it = 0; it < 200; it++) {
        if ((fb > 0) == (fc > 0)) {
            c = a;
            fc = fa;
            d = e = b - a;
        }
        if (fabs(fc) < fabs(fb)) {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        double tol = 2 * 2.2e-16 * fabs(b) + 1e-300, m = (c - b) / 2;
        if (fabs(m) <= tol || fb == 0)
            return b;
        if (fabs(e) >= tol && fabs(fa) > fabs(fb)) {
            double s = fb / fa, p, q;
            if (a == c) {
                p = 2 * m * s;
                q = 1 - s;
            } else {
                double qq = fa / fc, r = fb / fc;
                p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
                q = (qq - 1) * (r - 1) * (s - 1);
            }
            if (p > 0)
                q = -q;
            p = fabs(p);
            if (2 * p < fmin(3 * m * q - fabs(tol * q), fabs(e * q))) {
                e = d;
                d = p / q;
            } else {
                d = m;
                e = m;
            }
        } else {
            d = m;
            e = m;
        }
        a = b;
        fa = fb;
        b += fabs(d) > tol ? d : (m > 0 ? tol : -tol);
        fb = at(g, b);
        if (isnan(fb)) {
            /* undefined here (a kink's 0/0): bisect instead */
            b = a + (c - a) / 2;
            fb = at(g, b);
            if (isnan(fb))
                return b;
        }
    }
    return b;
}

/* Minimum of |g| in [a, b] by golden sections: where a touching root would be. */
static double golden_min(const fun *g, double a, double b)
{
    const double r = 0.6180339887498949;
    double c = b - r * (b - a), d = a + r * (b - a);
    double fc = fabs(at(g, c)), fd = fabs(at(g, d));
    for (int it = 0; it < 200 && b - a > 4e-16 * fabs(a + b); it++) {
        if (fc < fd) {
            b = d;
            d = c;
            fd = fc;
            c = b - r * (b - a);
            fc = fabs(at(g, c));
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + r * (b - a);
            fd = fabs(at(g, d));
        }
    }
    return fc < fd ? c : d;
}

typedef struct grid {
    fun f, df, d2;
    double *xs, *fv, *dv, *d2v;
    size_t n;
    dx_expr *var;
    const dx_expr *sing[16]; /* kink_args of f */
    size_t nsing;
} grid;

static int sgn(double v) { return (v > 0) - (v < 0); }

static const char *sign_word(int s) { return s > 0 ? "+" : s < 0 ? "-" : "0"; }

/* Is v next to a pole of g rather than a point where g is continuous? Near a pole |g| grows
 * as the distance shrinks (1/x: a thousand times nearer, a thousand times larger); next to
 * a continuous point it settles. s is a small distance, a grid step's millionth. */
static bool pole_near(const fun *g, double v, double s)
{
    s = fmax(s, fabs(v) * 1e-11);
    double far = fmax(fabs(at(g, v - s)), fabs(at(g, v + s)));
    double near = fmax(fabs(at(g, v - s * 1e-3)), fabs(at(g, v + s * 1e-3)));
    return !isfinite(near) || (near > 10 * far && near > 1);
}

static dx_status add_crit(dx_extrema_result *x, const grid *g, double at_x, int left, int right, bool kink, size_t *cap)
{
    double fv = at(&g->f, at_x);
    if (!isfinite(fv) || (kink && pole_near(&g->f, at_x, x->step * 1e-6)))
        return DX_OK; /* not in f's domain, or a pole (tan(x)^2 at pi/2): not a critical point */
    for (size_t i = 0; i < x->ncrit; i++)
        if (fabs(x->crit[i].at.x - at_x) <= 1e-9 * fmax(1, fabs(at_x)))
            return DX_OK; /* found twice (a grid zero next to a bracket) */
    if (x->ncrit == MAX_POINTS)
        return DX_ELIMIT;
    if (x->ncrit == *cap) {
        *cap = *cap ? 2 * *cap : 16;
        dx_crit *c = dx_realloc(x->crit, sizeof *c * *cap);
        if (!c)
            return DX_ENOMEM;
        x->crit = c;
    }
    dx_crit *c = &x->crit[x->ncrit++];
    memset(c, 0, sizeof *c);
    c->at.x = at_x;
    c->at.value = fv;
    c->kink = kink;
    c->kind = left < 0 && right > 0 ? DX_CP_MIN : left > 0 && right < 0 ? DX_CP_MAX : DX_CP_NEITHER;
    dx_arg from = DX_S(sign_word(left)), to = DX_S(sign_word(right));
    double d2 = kink ? NAN : at(&g->d2, at_x);
    if (kink)
        c->test = DX_MSG(DX_M_EXT_KINK, from, to);
    else if (c->kind != DX_CP_NEITHER && isfinite(d2) && fabs(d2) > 1e-6 && sgn(d2) == right)
        c->test = DX_MSG(DX_M_EXT_SECOND_APPROX, DX_S("f''"), DX_D(at_x), DX_D(d2), DX_S(d2 > 0 ? ">" : "<"));
    else if (c->kind != DX_CP_NEITHER)
        c->test = DX_MSG(DX_M_EXT_FIRST, from, to);
    else
        c->test = DX_MSG(DX_M_EXT_TOUCH, to);
    return DX_OK;
}

static dx_status add_flat(dx_extrema_result *x, double from, double to, double value, size_t *cap)
{
    if (x->nflat == MAX_POINTS)
        return DX_ELIMIT;
    if (x->nflat == *cap) {
        *cap = *cap ? 2 * *cap : 4;
        dx_flat *f = dx_realloc(x->flat, sizeof *f * *cap);
        if (!f)
            return DX_ENOMEM;
        x->flat = f;
    }
    x->flat[x->nflat++] = (dx_flat){from, to, value, NULL, NULL, NULL, DX_CP_NEITHER};
    return DX_OK;
}

/* f' in doubles is 0 only up to rounding: abs(x + 1)/(x + 1) + abs(x - 2)/(x - 2) comes out
 * as +-1.1e-16 on half of [-1, 2], which reads as hundreds of sign changes (and f'' of
 * (x^2 - 4)/(x + 2), as hundreds of inflection points). A value v[i] of df within rounding of
 * the size of its terms there (the sum of their absolute values) is 0. */
static dx_status clean_zeros(dx_ctx *ctx, dx_expr *df, grid *g, double *v)
{
    size_t n = df->kind == DX_ADD ? df->n : 1;
    dx_expr **t = dx_malloc(sizeof *t * n);
    double *mag = dx_malloc(sizeof *mag * g->n);
    dx_status st = t && mag ? DX_OK : DX_ENOMEM;
    for (size_t i = 0; st == DX_OK && i < n; i++)
        t[i] = dx_call(ctx, DX_ABS, df->kind == DX_ADD ? df->a[i] : df);
    const char *name = g->var->u.name;
    dx_prog *p = st == DX_OK ? dx_compile(ctx, dx_add_n(ctx, t, n), &name, 1) : NULL;
    if (p) {
        const double *cols[1] = {g->xs};
        dx_prog_eval_n(p, g->n, cols, mag);
        for (size_t i = 0; i < g->n; i++)
            if (fabs(v[i]) <= 64 * DBL_EPSILON * mag[i])
                v[i] = 0;
    }
    dx_recover(ctx); /* without the sizes, f' is taken as it comes */
    dx_prog_free(p);
    dx_free(t);
    dx_free(mag);
    return st;
}

static int cmp_crit(const void *a, const void *b)
{
    double u = ((const dx_crit *)a)->at.x, v = ((const dx_crit *)b)->at.x;
    return (u > v) - (u < v);
}

/* Sign of g a little to one side of v, skipping an undefined point right at v. */
static int side_sign(const fun *g, double v, double h, int side)
{
    for (double t = h * 1e-6; t <= h; t *= 10) {
        double y = at(g, v + side * t);
        if (isfinite(y) && y != 0)
            return sgn(y);
    }
    return 0;
}

/* A kink found by bracketing lands on a double next to it (8.356e-65 for abs(x)); where 0 or
 * a short decimal nearby is exactly the undefined point (abs(x - 1)/(x - 1) is 0/0 at 1,
 * x^(2/3)'s f' divides by 0 at 0), that is the kink. */
static double snap(const fun *df, double r)
{
    if (fabs(r) <= 1e-12 && !isfinite(at(df, 0)))
        return 0;
    char buf[32];
    for (int prec = 1; prec <= 15; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, r);
        double y = strtod(buf, NULL);
        if (fabs(y - r) <= 1e-12 * fmax(1, fabs(r)) && !isfinite(at(df, y)))
            return y;
    }
    return r;
}

/* The arguments u of abs(u) and relu(u) in e, and the bases u of fractional powers u^(p/q)
 * (at most max of them): f' may jump where u crosses 0 even when it keeps its sign
 * (relu(x) - x^2/4 at 0), or grow without bound while f stays defined (x^(1/3) at 0: a
 * vertical tangent; x^(2/3): a cusp), so those points are searched on their own. *budget
 * bounds the walk over a DAG's paths. */
static size_t kink_args(const dx_expr *e, const dx_expr **out, size_t n, size_t max, long *budget)
{
    if (--*budget < 0 || e->kind == DX_NUM || e->kind == DX_SYM || e->kind == DX_CONST)
        return n;
    bool frac = e->kind == DX_POW && e->a[1]->kind == DX_NUM && !dx_num_is_int(&e->a[1]->u.num) &&
                dx_num_sign(&e->a[1]->u.num) > 0;
    if ((e->kind == DX_CALL && (dx_fns[e->fn].flags & DX_FN_PIECEWISE)) || frac) {
        bool seen = false;
        for (size_t i = 0; i < n; i++)
            seen = seen || out[i] == e->a[0];
        if (!seen && n < max)
            out[n++] = e->a[0];
    }
    for (uint32_t i = 0; i < e->n; i++)
        n = kink_args(e->a[i], out, n, max, budget);
    return n;
}

/* What f' does at r, a zero of a singular argument where f is defined: 0 when f is smooth there
 * with f' != 0 (nothing to report); 1 when its one-sided slopes tend to 0 together (abs(x)^3:
 * f'(0) = 0 although its formula is 0/0 there); 2 when f' is undefined: the sides differ (a
 * corner) or grow without bound as they near r (x^(1/3): a vertical tangent). */
static int slope_at(const fun *df, double r, double span)
{
    double l = at(df, r - span), rr = at(df, r + span), l2 = at(df, r - span * 1e-3), r2 = at(df, r + span * 1e-3);
    if (!(isfinite(l) && isfinite(rr) && isfinite(l2) && isfinite(r2)))
        return 2;
    double big = fmax(1, fmax(fabs(l), fabs(rr)));
    if (fabs(l - rr) > 1e-6 * big || fabs(l2 - r2) > 1e-6 * big || fmax(fabs(l2), fabs(r2)) > 10 * big)
        return 2;
    return fmax(fabs(l2), fabs(r2)) <= 1e-9 ? 1 : 0;
}

/* Critical numbers at the singular arguments' zeros (kink_args): where f is defined and f'
 * is undefined there, or its sides meet at 0. */
static dx_status find_kinks(dx_ctx *ctx, grid *g, dx_extrema_result *x, size_t *cap)
{
    double *u = dx_malloc(sizeof(double) * g->n);
    if (!u)
        return DX_ENOMEM;
    const double *cols[1] = {g->xs};
    const char *name = g->var->u.name;
    dx_status st = DX_OK;
    for (size_t k = 0; k < g->nsing && st == DX_OK; k++) {
        fun arg = {dx_compile(ctx, (dx_expr *)g->sing[k], &name, 1)};
        if (!arg.p && !dx_recover(ctx))
            break;
        if (!arg.p)
            continue;
        dx_prog_eval_n(arg.p, g->n, cols, u);
        for (size_t i = 1; i < g->n && st == DX_OK; i++) {
            double r;
            if (u[i] == 0)
                r = g->xs[i];
            else if (isfinite(u[i - 1]) && isfinite(u[i]) && sgn(u[i - 1]) * sgn(u[i]) < 0)
                r = brent(&arg, g->xs[i - 1], g->xs[i], u[i - 1], u[i]);
            else
                continue;
            r = snap(&g->df, r);
            double span = x->step * 1e-4;
            if (!isfinite(at(&g->f, r - span)) || !isfinite(at(&g->f, r + span)))
                continue; /* an end of f's domain (sqrt(x) at 0): the interval's ends speak for it */
            int s = slope_at(&g->df, r, span);
            if (s)
                st = add_crit(x, g, r, side_sign(&g->df, r, x->step, -1), side_sign(&g->df, r, x->step, +1), s == 2,
                              cap);
        }
        dx_prog_free(arg.p);
    }
    dx_free(u);
    return st;
}

/* A flat stretch's ends are the grid points next to the kinks that bound it (abs(x - 2) +
 * abs(x + 1) is 3 on [-1, 2] but the grid sees [-0.999, 1.9995]): a critical point within a
 * step beyond an end with f's value there becomes the end, exactly; critical points inside
 * (rounding's touches) go. Then each stretch is classified by the sign of f' beyond it. */
static void merge_flats(dx_extrema_result *x, const grid *g)
{
    double h = x->step;
    for (size_t k = 0; k < x->nflat; k++) {
        dx_flat *fl = &x->flat[k];
        size_t keep = 0;
        for (size_t i = 0; i < x->ncrit; i++) {
            const dx_crit *c = &x->crit[i];
            bool same = fabs(c->at.value - fl->value) <= 1e-9 * fmax(1, fabs(fl->value));
            if (same && c->at.x < fl->from && c->at.x >= fl->from - 1.5 * h) {
                fl->from = c->at.x;
                fl->exact_from = c->at.exact;
                fl->exact_value = fl->exact_value ? fl->exact_value : c->at.exact_value;
                fl->value = c->at.value;
            } else if (same && c->at.x > fl->to && c->at.x <= fl->to + 1.5 * h) {
                fl->to = c->at.x;
                fl->exact_to = c->at.exact;
                fl->exact_value = fl->exact_value ? fl->exact_value : c->at.exact_value;
            } else if (!(c->at.x >= fl->from && c->at.x <= fl->to)) {
                x->crit[keep++] = *c;
            }
        }
        x->ncrit = keep;
        int l = fl->from > x->from ? side_sign(&g->df, fl->from, h, -1) : 0;
        int r = fl->to < x->to ? side_sign(&g->df, fl->to, h, +1) : 0;
        fl->kind = l <= 0 && r >= 0 && l != r ? DX_CP_MIN : l >= 0 && r <= 0 && l != r ? DX_CP_MAX : DX_CP_NEITHER;
    }
}

/* Global extremes need f defined on the whole interval; and where the grid holds a value
 * beyond every candidate (critical points, ends), f runs off near a pole (tan(x)) and the
 * extreme does not exist. Each reason is said with the x where it shows. */
/* f at an end of the interval where it is undefined (x*ln(x) at 0): its one-sided limit from
 * inside, when finite. The extreme there, if it is one, is not attained. */
/* f's limit at the end a from inside (dir +1: from the right): 1 with a finite *value, 2 with
 * *value +-HUGE_VAL where f tends to an infinity (1/x at 0, ln(x) at 0), 0 where neither is
 * known (*value NaN). */
static int end_limit(dx_ctx *ctx, dx_expr *f, dx_expr *var, double a, int dir, double *value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.17g", fabs(a)); /* a literal has no sign */
    dx_num q;
    dx_lim l;
    bool ok = dx_num_parse(&q, buf, strlen(buf));
    dx_expr *at = ok ? dx_number(ctx, &q) : NULL;
    at = at && a < 0 ? dx_neg(ctx, at) : at;
    if (ok)
        dx_num_clear(&q);
    ok = at && dx_limit_side(ctx, f, var, (dx_point){at, 0}, dir, &l) == DX_OK;
    dx_recover(ctx);
    int kind = !ok ? 0 : l.kind == DX_LIM_VALUE ? 1 : l.kind == DX_LIM_POS_INF || l.kind == DX_LIM_NEG_INF ? 2 : 0;
    *value = kind == 1 ? l.value : kind == 2 ? (l.kind == DX_LIM_POS_INF ? HUGE_VAL : -HUGE_VAL) : NAN;
    return kind;
}

/* A global extreme found at an end where f only has a limit: there is none, said with the
 * bound it approaches. */
static void unattained(dx_extrema_result *x, dx_global *g, const bool *lim, const char *v, bool max)
{
    if (!g->exists || !g->endpoint || !lim[g->endpoint > 0])
        return;
    double at_x = g->at.x, value = g->at.value;
    memset(g, 0, sizeof *g);
    g->why = DX_MSG(max ? DX_M_EXT_SUP_NOT_ATTAINED : DX_M_EXT_INF_NOT_ATTAINED, DX_S(v), DX_D(at_x),
                    DX_S(at_x == x->from ? "+" : "-"), DX_D(value));
}

static void grid_globals(dx_ctx *ctx, dx_expr *f, dx_extrema_result *x, grid *g, const char *v)
{
    /* ends where f is undefined but has a limit from inside take that limit: a finite one is a
     * bound not attained, an infinite one leaves that side unbounded and the other to decide */
    bool lim[2] = {false, false};
    double end_inf[2] = {0, 0};
    for (int e = 0; e < 2; e++) {
        size_t i = e ? g->n - 1 : 0;
        if (isfinite(g->fv[i]))
            continue;
        int k = end_limit(ctx, f, g->var, g->xs[i], e ? -1 : 1, &g->fv[i]);
        lim[e] = k == 1;
        end_inf[e] = k == 2 ? g->fv[i] : 0;
    }
    size_t undef = g->n, defined = 0, hi = 0, lo = 0;
    double hole_lo = INFINITY, hole_hi = -INFINITY, lo_x = 0, hi_x = 0; /* removable holes inside */
    for (size_t i = 0; i < g->n; i++) {
        if (isinf(g->fv[i]) && (i == 0 || i == g->n - 1))
            continue; /* an infinite limit at an end: said below */
        if (!isfinite(g->fv[i])) {
            /* one undefined grid point with the same finite limit from both sides is a hole
             * ((x^2 - 4)/(x + 2) at -2): no value there, but no obstacle to the extremes */
            double l, r;
            if (i > 0 && i + 1 < g->n && isfinite(g->fv[i - 1]) && isfinite(g->fv[i + 1]) &&
                end_limit(ctx, f, g->var, g->xs[i], -1, &l) == 1 && end_limit(ctx, f, g->var, g->xs[i], 1, &r) == 1 &&
                fabs(l - r) <= 1e-12 * fmax(1, fabs(l))) {
                lo_x = l < hole_lo ? g->xs[i] : lo_x;
                hi_x = l > hole_hi ? g->xs[i] : hi_x;
                hole_lo = fmin(hole_lo, l);
                hole_hi = fmax(hole_hi, l);
                continue;
            }
            if (undef == g->n)
                undef = i;
            continue;
        }
        if (defined++ == 0 || g->fv[i] > g->fv[hi])
            hi = i;
        if (defined == 1 || g->fv[i] < g->fv[lo])
            lo = i;
    }
    x->nowhere = defined == 0;
    if (x->nowhere) {
        x->min.why = x->max.why = DX_MSG(DX_M_EXT_NOWHERE, DX_D(x->from), DX_D(x->to));
        return;
    }
    if (undef < g->n) {
        x->min.why = x->max.why = DX_MSG(DX_M_EXT_UNDEFINED_AT, DX_S(v), DX_D(g->xs[undef]));
        return;
    }
    dx_xpoint ends[2] = {{x->from, g->fv[0], NULL, NULL, NULL}, {x->to, g->fv[g->n - 1], NULL, NULL, NULL}};
    globals(ctx, x, ends);
    unattained(x, &x->min, lim, v, false);
    unattained(x, &x->max, lim, v, true);
    /* a hole's limit beyond every value f takes: that bound is approached, not attained */
    if (x->min.exists && hole_lo < x->min.at.value) {
        memset(&x->min, 0, sizeof x->min);
        x->min.why = DX_MSG(DX_M_EXT_INF_NOT_ATTAINED, DX_S(v), DX_D(lo_x), DX_S(""), DX_D(hole_lo));
    }
    if (x->max.exists && hole_hi > x->max.at.value) {
        memset(&x->max, 0, sizeof x->max);
        x->max.why = DX_MSG(DX_M_EXT_SUP_NOT_ATTAINED, DX_S(v), DX_D(hi_x), DX_S(""), DX_D(hole_hi));
    }
    for (int e = 0; e < 2; e++) {
        dx_global *gl = end_inf[e] > 0 ? &x->max : end_inf[e] < 0 ? &x->min : NULL;
        if (!gl)
            continue;
        memset(gl, 0, sizeof *gl);
        gl->why = DX_MSG(DX_M_EXT_TENDS_END, DX_S(end_inf[e] > 0 ? "+oo" : "-oo"), DX_S(v), DX_D(e ? x->to : x->from),
                         DX_S(e ? "-" : "+"));
    }
    const double slack = 1e-9;
    if (x->max.exists && g->fv[hi] > x->max.at.value + slack * fmax(1, fabs(x->max.at.value))) {
        memset(&x->max, 0, sizeof x->max);
        x->max.why = DX_MSG(DX_M_EXT_UNBOUNDED_ABOVE, DX_S(v), DX_D(g->xs[hi]));
    }
    if (x->min.exists && g->fv[lo] < x->min.at.value - slack * fmax(1, fabs(x->min.at.value))) {
        memset(&x->min, 0, sizeof x->min);
        x->min.why = DX_MSG(DX_M_EXT_UNBOUNDED_BELOW, DX_S(v), DX_D(g->xs[lo]));
    }
}

/* Where g (f' or f'') is exactly 0 at a small closed form next to p's double (pi/2, e^(-1),
 * sqrt(2)/2), or one of the singular arguments of f is (abs(x) at 0, not at 8.356e-65), p
 * gets that exact x, and f's exact value there when it comes out free of x. */
static void closed_form(dx_ctx *ctx, dx_expr *f, dx_expr *g, const grid *gr, dx_xpoint *p)
{
    double cx, y;
    dx_expr *c = NULL;
    for (size_t k = 0; k < gr->nsing && !c; k++)
        c = dx_closed_zero(ctx, (dx_expr *)gr->sing[k], gr->var, p->x, &cx);
    if (!c && g)
        c = dx_closed_zero(ctx, g, gr->var, p->x, &cx);
    if (!c)
        return;
    dx_expr *fv = dx_subst(ctx, f, gr->var, c);
    fv = fv && !fv->vmask ? dx_simplify(ctx, fv) : NULL;
    if (fv && dx_eval_const(ctx, fv, &y) != DX_OK)
        fv = NULL;
    dx_recover(ctx);
    p->exact = c;
    p->x = cx;
    if (fv) {
        p->exact_value = fv;
        p->value = y;
    }
}

static dx_status grid_extrema(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_extrema_result *x)
{
    const char *name = var->u.name;
    dx_expr *df = dx_diff_by(ctx, f, var, NULL, NULL);
    dx_expr *d2 = dx_diff_by(ctx, df, var, NULL, NULL);
    if (!d2)
        return dx_ctx_error(ctx)->status;
    grid g = {{dx_compile(ctx, f, &name, 1)}, {dx_compile(ctx, df, &name, 1)}, {dx_compile(ctx, d2, &name, 1)},
              NULL, NULL, NULL, NULL, GRID_STEPS + 1, var, {0}, 0};
    long budget = 100000;
    g.nsing = kink_args(f, g.sing, 0, 16, &budget);
    dx_status st = DX_OK;
    if (!g.f.p || !g.df.p || !g.d2.p) {
        st = dx_ctx_error(ctx)->status;
        goto out;
    }
    x->grid = GRID_STEPS;
    x->step = (x->to - x->from) / GRID_STEPS;
    g.xs = dx_malloc(sizeof(double) * g.n * 4);
    if (!g.xs) {
        st = DX_ENOMEM;
        goto out;
    }
    g.fv = g.xs + g.n;
    g.dv = g.fv + g.n;
    g.d2v = g.dv + g.n;
    for (size_t i = 0; i < g.n; i++)
        g.xs[i] = x->from + (x->to - x->from) * ((double)i / GRID_STEPS); /* 1 is a grid point of [-10, 10] */
    const double *cols[1] = {g.xs};
    dx_prog_eval_n(g.f.p, g.n, cols, g.fv);
    dx_prog_eval_n(g.df.p, g.n, cols, g.dv);
    dx_prog_eval_n(g.d2.p, g.n, cols, g.d2v);
    if ((st = clean_zeros(ctx, df, &g, g.dv)) != DX_OK || (st = clean_zeros(ctx, d2, &g, g.d2v)) != DX_OK)
        goto out;
    size_t cap = 0, fcap = 0;
    double h = x->step;
    dx_status found = DX_OK;
    /* sign changes of f' between finite neighbours (a single undefined point between them
     * counts too: that is where f' = 0/0 at a kink), and exact zeros */
    size_t last = g.n;
    for (size_t i = 0; i < g.n && found == DX_OK; i++) {
        double d = g.dv[i];
        if (!isfinite(d)) {
            continue;
        }
        size_t run = i;
        while (d == 0 && run + 1 < g.n && g.dv[run + 1] == 0)
            run++;
        if (run - i >= 2) {
            /* f' = 0 at three or more grid points in a row: flat there, one interval */
            found = add_flat(x, g.xs[i], g.xs[run], g.fv[i], &fcap);
            last = i = run;
            continue;
        }
        if (d == 0 && i > 0 && i + 1 < g.n)
            found = add_crit(x, &g, g.xs[i], side_sign(&g.df, g.xs[i], h, -1), side_sign(&g.df, g.xs[i], h, +1), false, &cap);
        if (last < g.n && i - last <= 2 && sgn(g.dv[last]) * sgn(d) < 0) {
            double a = g.xs[last], b = g.xs[i];
            double r = brent(&g.df, a, b, g.dv[last], d);
            /* a real zero of f' has |f'| small on both sides; a jump is a kink */
            double span = fmax(fabs(b - a) * 1e-7, 1e-12 * fmax(1, fabs(r)));
            double l = at(&g.df, r - span), rr = at(&g.df, r + span);
            double scale = fmax(fabs(g.dv[last]), fabs(d));
            bool kink = !(isfinite(l) && isfinite(rr)) || fmin(fabs(l), fabs(rr)) > 1e-3 * scale;
            if (kink)
                r = snap(&g.df, r);
            found = add_crit(x, &g, r, sgn(g.dv[last]), sgn(d), kink, &cap);
        }
        /* touching roots: a local minimum of |f'| that dips to (nearly) zero */
        if (i >= 1 && i + 1 < g.n && isfinite(g.dv[i - 1]) && isfinite(g.dv[i + 1]) && d != 0 &&
            sgn(g.dv[i - 1]) == sgn(d) && sgn(g.dv[i + 1]) == sgn(d) && fabs(d) <= fabs(g.dv[i - 1]) &&
            fabs(d) < fabs(g.dv[i + 1])) {
            double r = golden_min(&g.df, g.xs[i - 1], g.xs[i + 1]);
            double v = at(&g.df, r);
            /* f' ~ c (x - r)^2 is about c h^2 at the neighbours and rounding-small at r */
            if (fabs(v) <= 1e-8 * fmax(fabs(g.dv[i - 1]), fabs(g.dv[i + 1])))
                found = add_crit(x, &g, r, sgn(d), sgn(d), false, &cap);
        }
        last = i;
    }
    if (found == DX_OK)
        found = find_kinks(ctx, &g, x, &cap);
    if (found == DX_ELIMIT)
        dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_EXT_TOO_MANY, DX_I(MAX_POINTS));
    else if (found == DX_ENOMEM)
        dx_oom(ctx);
    if (found != DX_OK) {
        st = found;
        goto out;
    }
    if (x->ncrit)
        qsort(x->crit, x->ncrit, sizeof *x->crit, cmp_crit);
    /* the simplified f' proves more closed zeros: x^(2/3)*(6 - x)'s is 4*(3 - 5*x/2)/(3*x^(1/3))
     * where the raw one needs powers of 12/5 to cancel */
    dx_expr *sdf = dx_simplify(ctx, df);
    dx_recover(ctx);
    for (size_t i = 0; i < x->ncrit; i++)
        closed_form(ctx, f, x->crit[i].kink ? NULL : sdf ? sdf : df, &g, &x->crit[i].at);
    merge_flats(x, &g);
    /* inflection points: sign changes of f'' where f is defined */
    size_t icap = 0;
    for (size_t i = 1; i < g.n; i++) {
        if (!(isfinite(g.d2v[i - 1]) && isfinite(g.d2v[i]) && sgn(g.d2v[i - 1]) * sgn(g.d2v[i]) < 0) &&
            !(g.d2v[i] == 0 && i + 1 < g.n && sgn(g.d2v[i - 1]) * sgn(g.d2v[i + 1]) < 0))
            continue;
        double r = g.d2v[i] == 0 ? g.xs[i] : brent(&g.d2, g.xs[i - 1], g.xs[i], g.d2v[i - 1], g.d2v[i]);
        double fv = at(&g.f, r), l = at(&g.d2, r - h * 1e-3), rr = at(&g.d2, r + h * 1e-3);
        if (!isfinite(fv) || !isfinite(l) || !isfinite(rr) || pole_near(&g.f, r, h * 1e-6))
            continue; /* f'' changes sign across a pole of f (tan(x) at pi/2), not on the graph */
        if (x->ninfl && fabs(x->infl[x->ninfl - 1].x - r) <= 1e-9 * fmax(1, fabs(r)))
            continue;
        if (x->ninfl == MAX_POINTS)
            break;
        if (x->ninfl == icap) {
            icap = icap ? 2 * icap : 16;
            dx_xpoint *p = dx_realloc(x->infl, sizeof *p * icap);
            if (!p) {
                st = DX_ENOMEM;
                goto out;
            }
            x->infl = p;
        }
        x->infl[x->ninfl++] = (dx_xpoint){r, fv, NULL, NULL, NULL};
    }
    for (size_t i = 0; i < x->ninfl; i++)
        closed_form(ctx, f, d2, &g, &x->infl[i]);
    grid_globals(ctx, f, x, &g, name);
out:
    dx_free(g.xs);
    dx_prog_free(g.f.p);
    dx_prog_free(g.df.p);
    dx_prog_free(g.d2.p);
    return st;
}

dx_status dx_extrema(dx_ctx *ctx, dx_expr *f, const char *var, const double *from, const double *to,
                     dx_extrema_result *out)
{
    memset(out, 0, sizeof *out);
    if (!f || !var) /* an earlier call failed: its error stands */
        return dx_failed(ctx) ? dx_ctx_error(ctx)->status : DX_EUSAGE;
    dx_ctx_clear_error(ctx);
    if ((from == NULL) != (to == NULL)) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_EXT_BOTH_ENDS);
        return DX_EUSAGE;
    }
    if (from && (!isfinite(*from) || !isfinite(*to))) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_EXT_ENDS_FINITE);
        return DX_EUSAGE;
    }
    if (from && *from > *to) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_EXT_EMPTY, DX_D(*from), DX_D(*to));
        return DX_EUSAGE;
    }
    dx_expr *v = dx_sym(ctx, var, strlen(var));
    out->f = f;
    out->df = v ? dx_derivative(ctx, f, var, 1) : NULL; /* shown: the f' `diff` prints */
    if (!out->df)
        return dx_ctx_error(ctx)->status;
    out->var = v->u.name;
    out->interval = from != NULL;
    out->from = from ? *from : DEFAULT_FROM;
    out->to = to ? *to : DEFAULT_TO;
    dx_poly p;
    dx_poly_init(&p);
    bool over = false;
    int isp = dx_poly_from_expr_deg(ctx, f, v, DX_POLY_ROOTS_MAX_DEG, &p, &over);
    dx_status st;
    if (isp < 0) {
        st = dx_ctx_error(ctx)->status;
    } else if (over) {
        /* the grid would see x^30000 underflow to a flat 0 near the origin: say instead */
        dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_POLY_DEGREE_OVER, DX_I(DX_POLY_ROOTS_MAX_DEG));
        st = DX_ELIMIT;
    } else if (isp == 1) {
        out->polynomial = true;
        st = poly_extrema(ctx, &p, out->var, out);
        /* an exact value too large to build (the node budget) fails the call */
        if (st == DX_OK && dx_failed(ctx))
            st = dx_ctx_error(ctx)->status;
    } else {
        if (!from)
            out->interval = true; /* the default interval is searched, and said */
        if (out->from == out->to) {
            dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_EXT_SINGLE_POINT, DX_D(out->from), DX_D(out->to));
            st = DX_EUSAGE;
        } else {
            st = grid_extrema(ctx, f, v, out);
        }
    }
    dx_poly_clear(&p);
    if (st == DX_ENOMEM) /* this file's own allocations */
        dx_oom(ctx);
    st = dx_end(ctx, st);
    if (st != DX_OK)
        dx_extrema_free(out);
    return st;
}
