/* Checking a student's derivative (check.h would shadow the Check framework's header): the verdict, a counterexample, the likely slip. */
#ifndef DX_ANSWER_H
#define DX_ANSWER_H

#include "diff.h"
#include "equiv.h"

/* Is answer the order-th derivative of f by var (a DX_SYM), given that derivative (as the
 * caller shows it, so the verdict and the printed result agree)? Fills out's eq, slip, slip_at
 * and slipped: when they differ, the rules are broken one at a time (everywhere, then at one
 * subexpression of f at a time) to find a slip that gives the answer. DX_OK, or an error
 * status with the error on ctx. dx_check is this with the answer's text and its holes. */
DX_HIDDEN dx_status dx_check_against(dx_ctx *ctx, dx_expr *f, dx_expr *var, unsigned order, dx_expr *derivative,
                                     dx_expr *answer, dx_check_result *out);

/* The answer text read for checking against f: f's variables and var stay whole names (a
 * loss in rate reads "2rate" as 2*rate), and info gets the parse's notes. NULL on failure,
 * with the error on ctx (check_read.c). */
DX_HIDDEN dx_expr *dx_check_read(dx_ctx *ctx, dx_expr *f, const char *var, const char *text, size_t len,
                                 dx_parse_info *info);
/* The answer's variables that f has not (with var) into r's foreign list, each with the split
 * of its name into f's variables where there is one (check_read.c). */
DX_HIDDEN void dx_check_foreign(dx_ctx *ctx, dx_check_result *r);

#endif
