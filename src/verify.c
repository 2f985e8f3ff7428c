/* Checking a derivative numerically: central differences with Richardson extrapolation. */
#include "verify.h"

#include <float.h>
#include <math.h>
#include <string.h>

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

dx_verify_point dx_verify_at(dx_ctx *ctx, dx_prog *f, dx_prog *df, double x)
{
    dx_verify_point r = {DX_VERIFY_MATCH, DX_MSG(DX_M_NONE), x, NAN, NAN, NAN, NAN, NAN, NAN};
    if (dx_prog_eval(f, ctx, &x, &r.f) != DX_OK) {
        r.kind = DX_VERIFY_UNDEFINED;
        return r;
    }
    if (dx_prog_eval(df, ctx, &x, &r.symbolic) != DX_OK) {
        r.kind = DX_VERIFY_NOT_DIFF;
        return r;
    }
    double h = cbrt(DBL_EPSILON) * fmax(1, fabs(x)), d1, d2, fm = fabs(r.f);
    if (!central(f, x, h, &d1, &fm) || !central(f, x, h / 2, &d2, &fm)) {
        r.kind = DX_VERIFY_NO_ESTIMATE;
        return r;
    }
    r.numeric = (4 * d2 - d1) / 3;
    r.abs_diff = fabs(r.numeric - r.symbolic);
    double scale = fmax(fabs(r.symbolic), fabs(r.numeric));
    r.rel_diff = scale > 0 ? r.abs_diff / scale : 0;
    if (r.symbolic == 0)
        r.rel_diff = NAN; /* relative to 0 means nothing: the absolute difference decides */
    /* relative 1e-7, plus the rounding of f's values amplified by the division by h (with
     * room for Richardson's weights) */
    r.tol = 1e-7 * fmax(1, scale) + 64 * DBL_EPSILON * fm / h;
    r.kind = r.abs_diff <= r.tol ? DX_VERIFY_MATCH : DX_VERIFY_DIFFER;
    return r;
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
    };
    dx_verify_point r = dx_verify_at(ctx, pf, pd, x);
    r.why = DX_MSG(word[r.kind]);
    /* exp(800) has a value, just not a double: say so rather than "not defined" */
    if ((r.kind == DX_VERIFY_UNDEFINED || r.kind == DX_VERIFY_NOT_DIFF) && dx_overflowed(ctx))
        r.why = DX_MSG(r.kind == DX_VERIFY_UNDEFINED ? DX_M_VERIFY_F_OVERFLOW : DX_M_VERIFY_DF_OVERFLOW);
    dx_ctx_clear_error(ctx);
    /* not a wrong derivative: its value in doubles is noise here (cancellation) */
    if (r.kind == DX_VERIFY_DIFFER && cancels(ctx, df, var, &r)) {
        r.kind = DX_VERIFY_NO_ESTIMATE; /* neither a match nor a mismatch */
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
    dx_expr *d = dx_diff(ctx, f, var, 1);
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
