/* Simplification for display: expand, combine, factor; keep the form that reads easiest. */
#ifndef DX_SIMPLIFY_H
#define DX_SIMPLIFY_H

#include "expr.h"

/* Expression size (nodes counted as a tree) above which dx_simplify returns its input: the
 * work is quadratic in the size, and a formula that large is not read by a person anyway. */
#define DX_SIMPLIFY_MAX_NODES 2000
/* Most terms an expansion may produce; past it dx_expand gives up and returns its input. */
#define DX_EXPAND_MAX_TERMS 256

/* Products distributed over sums and whole positive powers of sums multiplied out, at every
 * level outside denominators, function arguments and fractional powers; like terms merge.
 * e itself when the expansion would pass DX_EXPAND_MAX_TERMS. NULL only on failure. */
DX_HIDDEN dx_expr *dx_expand(dx_ctx *ctx, dx_expr *e);

/* Sums whose terms have denominators (factors u^(negative number)) over one common
 * denominator, each base to its largest power there, the numerator expanded. When numerator
 * and a denominator base are polynomials in one variable, their common factor cancels (so the
 * result equals e wherever e is defined). NULL only on failure. */
DX_HIDDEN dx_expr *dx_together(dx_ctx *ctx, dx_expr *e);

/* dx_simplify (dfdx.h): the printed form cheapest to read (length, plus a cost per fraction
 * bar and more for a fraction inside another) among e, its expansion, its combined fraction,
 * the factor its terms share taken out, a fractional coefficient multiplied into its sum, and
 * the trigonometric identities of trig.h, chosen at every level (function arguments and power
 * bases too), then for the whole once more with sin(x)/cos(x)^2 as sec(x)*tan(x) and in sin and
 * cos over one denominator; ties keep e's form. Deterministic, value-preserving, and e itself above DX_SIMPLIFY_MAX_NODES. NULL only
 * when e is NULL; a failure inside (node budget) falls back to e with the context's error
 * cleared. */

#endif
