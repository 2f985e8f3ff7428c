/* Closed forms for a numeric zero: the small exact number a root found in doubles really is. */
#ifndef DX_CLOSEDFORM_H
#define DX_CLOSEDFORM_H

#include "expr.h"

/* An exact number c within 1e-9 (relative) of v such that g with var replaced by c is exactly
 * 0 through the exact constructors (cos(x) at pi/2, ln(x) + 1 at e^(-1), 1 - 2*x^2 at
 * sqrt(2)/2). Candidates: p/q, p*pi/q, +-sqrt(p/q) with q <= 12, and e^(p/q) with q <= 4.
 * *value is c as a double. NULL when none is proven; the context's error is left clear. */
DX_HIDDEN dx_expr *dx_closed_zero(dx_ctx *ctx, dx_expr *g, dx_expr *var, double v, double *value);

#endif
