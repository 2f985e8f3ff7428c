/* Checking a student's derivative (check.h would shadow the Check framework's header): the verdict, a counterexample, the likely slip. */
#ifndef DX_ANSWER_H
#define DX_ANSWER_H

#include "diff.h"
#include "equiv.h"

typedef struct dx_check_result {
    dx_equiv eq;            /* answer (a) against the derivative (b) */
    dx_slip slip;           /* the broken rule that reproduces the answer, or DX_SLIP_NONE */
    const dx_expr *slip_at; /* the subexpression where it was made, NULL when made everywhere */
    dx_expr *slipped;       /* the derivative under that slip */
} dx_check_result;

/* Is answer the order-th derivative of f by var (a DX_SYM)? derivative is that derivative as
 * the caller shows it (so the verdict and the printed result agree). When they differ, the
 * rules are broken one at a time (everywhere, then at one subexpression of f at a time) to
 * find a slip that gives the answer. DX_OK, or an error status with the error on ctx. */
DX_HIDDEN dx_status dx_check(dx_ctx *ctx, dx_expr *f, dx_expr *var, unsigned order, dx_expr *derivative,
                             dx_expr *answer, dx_check_result *out);

#endif
