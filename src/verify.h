/* Checking a derivative numerically: central differences with Richardson extrapolation. */
#ifndef DX_VERIFY_H
#define DX_VERIFY_H

#include "eval.h"

typedef enum dx_vkind {
    DX_V_MATCH,         /* symbolic and numeric derivative agree */
    DX_V_DIFFER,        /* they do not: the symbolic derivative is wrong here */
    DX_V_UNDEFINED,     /* f has no value at x */
    DX_V_NOT_DIFF,      /* f has a value but its derivative has none (a kink, a vertical tangent) */
    DX_V_NO_ESTIMATE    /* f' has a value but f is undefined next to x: no central difference */
} dx_vkind;

typedef struct dx_vpoint {
    dx_vkind kind;
    double x, f, symbolic, numeric, abs_diff, rel_diff, tol; /* NaN where not computed */
} dx_vpoint;

/* Compare df (a program in the same single variable as f) with the numeric derivative of f at
 * x. Step h = cbrt(eps)*max(1,|x|), Richardson over h and h/2; the tolerance allows for the
 * rounding of f's values. Never fails: the outcome is in the kind. ctx receives (and keeps)
 * the domain messages of f and df at x, for a caller that wants to show them. */
DX_HIDDEN dx_vpoint dx_verify_at(dx_ctx *ctx, dx_prog *f, dx_prog *df, double x);

#endif
