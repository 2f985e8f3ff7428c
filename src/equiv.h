/* Equivalence of two expressions: by algebra where it can, else by exact and numeric samples. */
#ifndef DX_EQUIV_H
#define DX_EQUIV_H

#include "expr.h"

/* dx_eq_kind and dx_equiv are public: include/dfdx/check.h. */

/* Compare a and b as functions of var (a DX_SYM); other variables are held at fixed generic
 * rationals. within (may be NULL): only points where it is defined count (the function whose
 * derivatives a and b are). quick: doubles only and no witness search beyond the first
 * difference (for trying many candidate slips). Returns DX_OK, or an error status with the
 * error on ctx. */
DX_HIDDEN dx_status dx_equiv_check(dx_ctx *ctx, dx_expr *a, dx_expr *b, dx_expr *within, dx_expr *var, bool quick,
                                   dx_equiv *out);


#endif
