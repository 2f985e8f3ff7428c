/* dfdx: verify (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_VERIFY_H
#define DFDX_VERIFY_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What the numbers say at one point. */
typedef enum dx_verify_kind {
    DX_VERIFY_MATCH,       /* symbolic and numeric derivative agree */
    DX_VERIFY_DIFFER,      /* they do not: the symbolic derivative is wrong here */
    DX_VERIFY_UNDEFINED,   /* f has no value at x (or none a double holds) */
    DX_VERIFY_NOT_DIFF,    /* f has a value but its derivative has none (a kink, a vertical tangent) */
    DX_VERIFY_NO_ESTIMATE, /* no verdict: f is undefined next to x */
    DX_VERIFY_INCONCLUSIVE, /* no verdict: the difference quotients do not settle (f'' jumps, as
                             * x*abs(x) at 0), or f' loses its digits to cancellation there */
    DX_VERIFY_POLE         /* f is undefined at the point meant: x is within rounding of a pole
                            * (tan(x) at the double nearest pi/2) */
} dx_verify_kind;

/* One point of a verification; NaN for a number not computed. */
typedef struct dx_verify_point {
    dx_verify_kind kind;
    dx_msg why;            /* the verdict in words: ok, MISMATCH, f not defined, f too large for a double... */
    double x, f, symbolic, numeric, abs_diff, rel_diff, tol;
    double err;            /* where the first estimate disagreed: the error of the second
                            * (Ridders' extrapolation) that decided; NaN otherwise */
} dx_verify_point;

/* f' checked against central differences of f (Richardson-extrapolated) point by point. The
 * expressions, names and the points array are owned by the context, valid until it is freed. */
typedef struct dx_verify_result {
    dx_expr *f, *derivative; /* f and f' as dx_derivative gives it (what `diff` prints) */
    const char *var;
    size_t npoints;
    const dx_verify_point *points;
    size_t matched, mismatched;  /* mismatched > 0: the symbolic derivative is demonstrably wrong
                                  * (both estimates settled far from it) */
} dx_verify_result;

/* Verify the derivative of f by var at points[0..npoints) (NULL: a spread over [-3, 3] where f
 * is defined, more near 0 for small domains), the other variables at names[i] = values[i]
 * (closed expressions). DX_OK with *out filled, whatever the verdict; an error on the context
 * when f' cannot be taken or f has a variable without a value. */
DX_API dx_status dx_verify(dx_ctx *ctx, dx_expr *f, const char *var, const char *const *names,
                           dx_expr *const *values, size_t nvalues, const double *points, size_t npoints,
                           dx_verify_result *out);
/* The verification as `dfdx verify` prints it (the table, or JSON), appended to out (nothing
 * for a failed call's result). */
DX_API void dx_show_verify(dx_ctx *ctx, const dx_verify_result *r, dx_show how, struct dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
