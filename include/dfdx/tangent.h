/* dfdx: tangent (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_TANGENT_H
#define DFDX_TANGENT_H

#include "../dfdx.h"
#include "derivative.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What there is at the point. */
typedef enum dx_tangent_kind {
    DX_TANGENT_LINE,      /* f is differentiable there: the slope and the line */
    DX_TANGENT_VERTICAL,  /* f is continuous and its slope tends to one infinity: the line var = at */
    DX_TANGENT_KINK,      /* f is continuous but its one-sided slopes differ, or exist on one side only */
    DX_TANGENT_JUMP,      /* f is not continuous there */
    DX_TANGENT_UNDEFINED  /* f' has no value there and the one-sided slopes do not decide: why says */
} dx_tangent_kind;

/* One-sided slopes are dx_slope (dfdx/derivative.h): DX_SLOPE_UNDEFINED where f is not defined
 * on that side. */

/* The tangent of f at a point. Expressions and strings are owned by the context, valid until
 * it is freed. */
typedef struct dx_tangent_result {
    dx_expr *f;              /* the function as given */
    const char *var;
    dx_tangent_kind kind;
    dx_expr *at;             /* the point exactly, and as a double */
    double x;
    double y;                /* f(at) */
    double slope, intercept; /* LINE: y = slope*var + intercept in doubles */
    /* LINE, where the values come out exact (rational, or closed forms such as sqrt(3)/2): */
    bool exact;
    dx_expr *exact_y, *exact_slope, *exact_intercept;
    dx_expr *line;           /* exact_slope*var + exact_intercept */
    bool decimals;           /* the point was written with a decimal point: rationals that end are
                                shown as decimals (2.25), others as fractions */
    dx_slope left, right;    /* VERTICAL, KINK: the one-sided slopes */
    dx_msg why;              /* UNDEFINED: why f' has no value there */
} dx_tangent_result;

/* The tangent of f by var at the point written as text at (a number or closed expression such
 * as 1.5 or pi/6), the other variables at names[i] = values[i] (closed expressions). DX_OK with
 * *out filled (no tangent is an answer too); an error on the context when f' cannot be taken,
 * the point is not a number, or f is not defined there. */
DX_API dx_status dx_tangent(dx_ctx *ctx, dx_expr *f, const char *var, const char *at, const char *const *names,
                            dx_expr *const *values, size_t nvalues, dx_tangent_result *out);
/* The tangent as `dfdx tangent` prints it, appended to out (nothing for a failed call's
 * result). */
DX_API void dx_show_tangent(dx_ctx *ctx, const dx_tangent_result *r, dx_show how, struct dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
