/* Checking a derivative numerically: central differences with Richardson extrapolation. */
#include "verify.h"

#include <float.h>
#include <math.h>
#include <string.h>

static int sgn_of(double v) { return (v > 0) - (v < 0); }

/* The difference relative to the larger of the two; NaN relative to a symbolic 0, where it
 * means nothing and the absolute difference decides. */
static void rel_diff(dx_verify_point *r)
{
    double scale = fmax(fabs(r->symbolic), fabs(r->numeric));
    r->rel_diff = r->symbolic == 0 || isnan(r->abs_diff) ? NAN : scale > 0 ? r->abs_diff / scale : 0;
}

/* (f(x+h) - f(x-h)) / 2h with h the representable step; false where f is undefined. */
static bool central(dx_prog *f, double x, double h, double *d, double *fbig)
{
    double xp = x + h, xm = x - h, fp, fm;
    double hh = (xp - xm) / 2; /* the step actually taken, after rounding x + h */
    if (dx_prog_eval_n(f, 1, (const double *const[]){&xp}, &fp) ||
        dx_prog_eval_n(f, 1, (const double *const[]){&xm}, &fm))
        return false;
    *d = (fp - fm) / (2 * hh);
    *fbig = fmax(*fbig, fmax(fabs(fp), fabs(fm)));
    return true;
}

/* Ridders' method: central differences at steps h, h/1.4, h/1.4^2, ... extrapolated in a
 * Neville tableau; the estimate whose neighbours in the tableau agree best, with that
 * disagreement as its error. A second estimate independent of the first one's single step:
 * where the two steps of the first do not see f's scale (1/x at 1e-6, x^(1/3) at 1e-9), some
 * of these do, and where none settles (a kink of f'' or a pole nearby), the error says so. */
#define RIDDERS_N 12
static double ridders(dx_prog *f, double x, double h, double *err)
{
    const double con = 1.4, con2 = con * con;
    double a[RIDDERS_N][RIDDERS_N], best = NAN, fm = 0;
    *err = INFINITY;
    for (int i = 0; i < RIDDERS_N; i++, h /= con) {
        if (!central(f, x, h, &a[i][0], &fm) || !isfinite(a[i][0]))
            return best;
        double fac = con2;
        for (int j = 1; j <= i; j++, fac *= con2) {
            a[i][j] = (a[i][j - 1] * fac - a[i - 1][j - 1]) / (fac - 1);
            double e = fmax(fabs(a[i][j] - a[i][j - 1]), fabs(a[i][j] - a[i - 1][j - 1]));
            if (e <= *err) {
                *err = e;
                best = a[i][j];
            }
        }
        if (i && fabs(a[i][i] - a[i - 1][i - 1]) >= 2 * *err)
            break; /* higher orders grow worse: rounding has taken over */
    }
    return best;
}

/* Is x within rounding of a pole? f changes sign between x's neighbouring doubles with a size
 * no smooth f reaches (tan(x) at the double nearest pi/2: 1.6e16, then -6.2e15). */
static bool pole_at(dx_prog *f, double x, double fx)
{
    double lo = nextafter(x, -INFINITY), hi = nextafter(x, INFINITY), fl, fh;
    if (dx_prog_eval_n(f, 1, (const double *const[]){&lo}, &fl) ||
        dx_prog_eval_n(f, 1, (const double *const[]){&hi}, &fh))
        return false;
    double big = 1 / cbrt(DBL_EPSILON) / DBL_EPSILON; /* far beyond any value a smooth f changes by in an ulp */
    return (sgn_of(fl) * sgn_of(fh) < 0 || sgn_of(fl) * sgn_of(fx) < 0 || sgn_of(fx) * sgn_of(fh) < 0) &&
           fmin(fabs(fl), fabs(fh)) > big * DBL_EPSILON * fmax(1, fabs(x));
}

/* Where f' as written has no value: do the one-sided difference quotients of f settle, at two
 * steps and from both sides, on one number (relu(x)^2 at 0: 0)? Central quotients would not
 * do: they are blind to a corner (abs(x) at 0 gives 0 exactly). The number, or NaN. */
static double sides_settle(dx_prog *f, double x, double fx)
{
    double h = sqrt(DBL_EPSILON) * fmax(1, fabs(x)), q[4];
    for (int i = 0; i < 4; i++) {
        double t = x + (i % 2 ? h : -h) / (i < 2 ? 1 : 16), ft;
        if (dx_prog_eval_n(f, 1, (const double *const[]){&t}, &ft))
            return NAN;
        q[i] = (ft - fx) / (t - x);
    }
    for (int i = 0; i < 3; i++)
        if (!(fabs(q[i] - q[3]) <= 1e-6 * fmax(1, fabs(q[3]))))
            return NAN;
    /* q(h) = f' + c*h + ...: extrapolated to h = 0 on each side; a number below what the
     * extrapolation can tell from 0 is 0 (abs(x)^3: h^2 is no slope) */
    double n = (16 * (q[2] + q[3]) - (q[0] + q[1])) / 30;
    double err = (fabs(q[2] - q[0]) + fabs(q[3] - q[1])) / 30 + 16 * DBL_EPSILON * fabs(fx) / h;
    return fabs(n) <= 10 * err ? 0 : n;
}

dx_verify_point dx_verify_at(dx_ctx *ctx, dx_prog *f, dx_prog *df, double x)
{
    dx_verify_point r = {DX_VERIFY_MATCH, DX_MSG(DX_M_NONE), x, NAN, NAN, NAN, NAN, NAN, NAN, NAN};
    if (dx_prog_eval(f, ctx, &x, &r.f) != DX_OK) {
        r.kind = DX_VERIFY_UNDEFINED;
        return r;
    }
    if (pole_at(f, x, r.f)) {
        r.kind = DX_VERIFY_POLE;
        return r;
    }
    if (dx_prog_eval(df, ctx, &x, &r.symbolic) != DX_OK) {
        /* the formula of f' has no value; f may still be differentiable (relu(x)^2 at 0, whose
         * f' = 2*relu(x)^2/x is 0/0): the numbers say which */
        r.kind = DX_VERIFY_NOT_DIFF;
        r.numeric = sides_settle(f, x, r.f);
        return r;
    }
    double h = cbrt(DBL_EPSILON) * fmax(1, fabs(x)), d1, d2, fm = fabs(r.f);
    bool first = central(f, x, h, &d1, &fm) && central(f, x, h / 2, &d2, &fm);
    if (first) {
        r.numeric = (4 * d2 - d1) / 3;
        r.abs_diff = fabs(r.numeric - r.symbolic);
        /* relative 1e-7, plus the rounding of f's values amplified by the division by h (with
         * room for Richardson's weights) */
        r.tol = 1e-7 * fmax(1, fmax(fabs(r.symbolic), fabs(r.numeric))) + 64 * DBL_EPSILON * fm / h;
        if (r.abs_diff <= r.tol)
            return rel_diff(&r), r;
    }
    /* the first estimate disagrees or has no value: second ones, from steps on every scale
     * down from a tenth of max(1, |x|) and of |x| (f may change on the scale of x near 0, or
     * of the distance to a pole: tan(x) at 1.5707). One that settles on f' confirms it (a
     * wrong f' is not matched by chance); a mismatch needs the best settled one confirmed by
     * another start, far from f' (steps across a pole may settle on noise: 1/x^2 at -1e-5
     * with h = 0.1 is nearly symmetric) */
    /* first, the one-sided quotients extrapolated: they see past a jump of f'' where central
     * ones do not settle (x*abs(x) at 0: exactly 0) */
    double q = sides_settle(f, x, r.f);
    if (fabs(q - r.symbolic) <= 1e-7 * fmax(1, fabs(q))) {
        r.kind = DX_VERIFY_MATCH, r.numeric = q, r.abs_diff = fabs(q - r.symbolic);
        return rel_diff(&r), r;
    }
    const double bases[2] = {fmax(1, fabs(x)), fabs(x) < 1 ? fabs(x) : 0};
    double settled[24], errs[24], e = INFINITY, n = NAN;
    int ns_n = 0;
    for (int b = 0; b < 2; b++)
        for (double s = 0.1 * bases[b]; s > 1e-12 * bases[b]; s /= 10) {
            double es, ns = ridders(f, x, s, &es);
            double sc = fmax(1, fmax(fabs(r.symbolic), fabs(ns)));
            if (isnan(ns) || es > 1e-6 * sc)
                continue; /* not settled */
            if (fabs(ns - r.symbolic) <= 1e-7 * sc + es) {
                r.kind = DX_VERIFY_MATCH, r.numeric = ns, r.err = es, r.abs_diff = fabs(ns - r.symbolic);
                return rel_diff(&r), r;
            }
            settled[ns_n] = ns, errs[ns_n++] = es;
            if (es < e)
                n = ns, e = es;
        }
    double scale = fmax(fabs(r.symbolic), fabs(n)), tol = 1e-7 * fmax(1, scale);
    if (!first)
        r.tol = tol;
    r.kind = DX_VERIFY_INCONCLUSIVE;
    if (!isnan(n)) {
        r.numeric = n, r.err = e, r.abs_diff = fabs(n - r.symbolic);
        int agree = 0;
        for (int i = 0; i < ns_n; i++)
            agree += fabs(settled[i] - n) <= 1e-6 * fmax(1, fabs(n)) + errs[i] + e;
        if (agree >= 2 && r.abs_diff > 10 * e + tol)
            r.kind = DX_VERIFY_DIFFER;
    } else if (!first) {
        r.kind = DX_VERIFY_NO_ESTIMATE;
    }
    return rel_diff(&r), r;
}

/* The default points: a spread over [-3, 3] where f is defined, then more inside (-1, 1) and
 * (0, 10] until there are enough (ln, sqrt, asin have small domains). */
static size_t default_points(dx_prog *f, double *pts)
{
    static const double first[] = {-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3};
    static const double more[] = {0.1, 0.25, 0.75, 0.9, -0.25, -0.75, -0.9, 5, 10, 1.5, 2.5};
    size_t n = 0;
    for (size_t i = 0; i < sizeof first / sizeof *first; i++) {
        double y;
        if (dx_prog_eval_n(f, 1, (const double *const[]){&first[i]}, &y) == 0)
            pts[n++] = first[i];
    }
    for (size_t i = 0; n < 7 && i < sizeof more / sizeof *more; i++) {
        double y;
        if (dx_prog_eval_n(f, 1, (const double *const[]){&more[i]}, &y) == 0)
            pts[n++] = more[i];
    }
    for (size_t i = 1; i < n; i++) /* sorted, for reading */
        for (size_t j = i; j > 0 && pts[j - 1] > pts[j]; j--) {
            double t = pts[j];
            pts[j] = pts[j - 1];
            pts[j - 1] = t;
        }
    return n;
}
#define MAX_DEFAULT_POINTS 20

/* How large the parts of e are at x: a sum's terms add up by size, a product's factors
 * multiply (two levels down), anything else is its value's size. f' = cos(x)/x - sin(x)/x^2 at
 * x = -1e-10 is two terms of 1e10 that cancel to 3e-11: its double value keeps no digits, and
 * its parts' size says so. NaN where a part has no value. */
static double magnitude(dx_ctx *ctx, const dx_expr *e, const char *var, double x, int depth)
{
    if (depth < 3 && (e->kind == DX_ADD || e->kind == DX_MUL)) {
        double m = e->kind == DX_ADD ? 0 : 1;
        for (uint32_t i = 0; i < e->n; i++) {
            double part = magnitude(ctx, e->a[i], var, x, depth + 1);
            m = e->kind == DX_ADD ? m + part : m * part;
        }
        return m;
    }
    double v = NAN;
    dx_prog *p = dx_compile(ctx, e, &var, 1);
    if (!p || dx_prog_eval(p, ctx, &x, &v) != DX_OK)
        v = NAN;
    dx_prog_free(p);
    dx_ctx_clear_error(ctx);
    return fabs(v);
}

/* A disagreement that is only f' losing its digits to cancellation at x (see magnitude):
 * within 16 roundings of the size of its parts. */
static bool cancels(dx_ctx *ctx, const dx_expr *df, const char *var, const dx_verify_point *r)
{
    double m = magnitude(ctx, df, var, r->x, 0);
    return isfinite(m) && r->abs_diff <= r->tol + 16 * DBL_EPSILON * m;
}

/* The verdict at one point, with the words for it. */
static dx_verify_point verdict(dx_ctx *ctx, dx_prog *pf, dx_prog *pd, const dx_expr *df, const char *var, double x)
{
    static const dx_msg_id word[] = {
        [DX_VERIFY_MATCH] = DX_M_VERIFY_OK,
        [DX_VERIFY_DIFFER] = DX_M_VERIFY_MISMATCH,
        [DX_VERIFY_UNDEFINED] = DX_M_VERIFY_UNDEFINED,
        [DX_VERIFY_NOT_DIFF] = DX_M_VERIFY_NOT_DIFF,
        [DX_VERIFY_NO_ESTIMATE] = DX_M_VERIFY_NO_ESTIMATE,
        [DX_VERIFY_INCONCLUSIVE] = DX_M_VERIFY_UNSETTLED,
        [DX_VERIFY_POLE] = DX_M_VERIFY_POLE,
    };
    dx_verify_point r = dx_verify_at(ctx, pf, pd, x);
    r.why = DX_MSG(word[r.kind]);
    /* exp(800) has a value, just not a double: say so rather than "not defined" */
    if (r.kind == DX_VERIFY_NOT_DIFF && !isnan(r.numeric))
        r.why = DX_MSG(DX_M_VERIFY_FORMULA_UNDEFINED, DX_D(r.numeric));
    if ((r.kind == DX_VERIFY_UNDEFINED || r.kind == DX_VERIFY_NOT_DIFF) && dx_overflowed(ctx))
        r.why = DX_MSG(r.kind == DX_VERIFY_UNDEFINED ? DX_M_VERIFY_F_OVERFLOW : DX_M_VERIFY_DF_OVERFLOW);
    dx_ctx_clear_error(ctx);
    /* not a wrong derivative: its value in doubles is noise here (cancellation) */
    if ((r.kind == DX_VERIFY_DIFFER || r.kind == DX_VERIFY_INCONCLUSIVE) && cancels(ctx, df, var, &r)) {
        r.kind = DX_VERIFY_INCONCLUSIVE; /* neither a match nor a mismatch */
        r.why = DX_MSG(DX_M_VERIFY_CANCELS);
    }
    return r;
}

dx_status dx_verify(dx_ctx *ctx, dx_expr *f, const char *var, const char *const *names, dx_expr *const *values,
                    size_t nvalues, const double *points, size_t npoints, dx_verify_result *out)
{
    memset(out, 0, sizeof *out);
    if (!f || !var)
        return dx_failed(ctx) ? dx_ctx_error(ctx)->status : DX_EUSAGE; /* an earlier call failed */
    dx_ctx_clear_error(ctx);
    dx_expr *d = dx_derivative(ctx, f, var, 1); /* the f' `diff` prints is the one checked */
    dx_expr *fe = dx_subst_values(ctx, f, names, values, nvalues), *de = dx_subst_values(ctx, d, names, values, nvalues);
    dx_prog *pf = fe && de ? dx_compile(ctx, fe, &var, 1) : NULL, *pd = pf ? dx_compile(ctx, de, &var, 1) : NULL;
    double spread[MAX_DEFAULT_POINTS];
    if (pd && !points) {
        npoints = default_points(pf, spread);
        points = spread;
    }
    dx_verify_point *rows = pd ? dx_alloc(ctx, (npoints + 1) * sizeof *rows) : NULL;
    const char *name = rows ? dx_strndup(ctx, var, strlen(var)) : NULL;
    if (!name) {
        dx_prog_free(pf);
        dx_prog_free(pd);
        return dx_failed(ctx) ? dx_ctx_error(ctx)->status : (dx_oom(ctx), DX_ENOMEM);
    }
    for (size_t i = 0; i < npoints; i++) {
        rows[i] = verdict(ctx, pf, pd, de, var, points[i]);
        out->mismatched += rows[i].kind == DX_VERIFY_DIFFER;
        out->matched += rows[i].kind == DX_VERIFY_MATCH;
    }
    dx_prog_free(pf);
    dx_prog_free(pd);
    out->f = f;
    out->derivative = d;
    out->var = name;
    out->points = rows;
    out->npoints = npoints;
    return DX_OK;
}
