/* Checking a derivative numerically: central differences with Richardson extrapolation. */
#include "verify.h"

#include <float.h>
#include <math.h>

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

dx_vpoint dx_verify_at(dx_ctx *ctx, dx_prog *f, dx_prog *df, double x)
{
    dx_vpoint r = {DX_V_MATCH, x, NAN, NAN, NAN, NAN, NAN, NAN};
    if (dx_prog_eval(f, ctx, &x, &r.f) != DX_OK) {
        r.kind = DX_V_UNDEFINED;
        return r;
    }
    if (dx_prog_eval(df, ctx, &x, &r.symbolic) != DX_OK) {
        r.kind = DX_V_NOT_DIFF;
        return r;
    }
    double h = cbrt(DBL_EPSILON) * fmax(1, fabs(x)), d1, d2, fm = fabs(r.f);
    if (!central(f, x, h, &d1, &fm) || !central(f, x, h / 2, &d2, &fm)) {
        r.kind = DX_V_NO_ESTIMATE;
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
    r.kind = r.abs_diff <= r.tol ? DX_V_MATCH : DX_V_DIFFER;
    return r;
}
