/* Numbers from expressions: exact substitution, and compiled evaluation over doubles. */
#ifndef DX_EVAL_H
#define DX_EVAL_H

#include "expr.h"

/* e with every occurrence of variable var (a DX_SYM node) replaced by value, rebuilt through
 * the smart constructors: with a rational value the result is exact (3*x^2 - 3 at x = 1/2 is
 * -9/4). NULL on failure (a division by zero found exactly, say), with the error recorded. */
DX_HIDDEN dx_expr *dx_subst(dx_ctx *ctx, dx_expr *e, dx_expr *var, dx_expr *value);
/* e with names[i] replaced by values[i] for each of the n given values, exactly (dx_subst). */
DX_HIDDEN dx_expr *dx_subst_values(dx_ctx *ctx, dx_expr *e, const char *const *names, dx_expr *const *values,
                                   size_t n);

/* Compiled programs (dx_compile, dx_prog_eval, dx_prog_eval_n, dx_prog_set_fast) and
 * dx_eval_const: dfdx.h. */
/* dx_eval_const by the compiled evaluator alone: doubles all the way (precise.h rounds once). */
DX_HIDDEN dx_status dx_eval_doubles(dx_ctx *ctx, const dx_expr *e, double *out);

/* Is dec, a decimal as dx_fmt_double writes it, exactly the rational q? (-2.25 is -9/4; the
 * 0.3333333333333333 of 1/3 is not.) */
DX_HIDDEN bool dx_decimal_is(const char *dec, const dx_num *q);

#endif
