/* Limits: one-sided and two-sided, exact where the algebra allows, numeric otherwise. */
#ifndef DX_LIMIT_H
#define DX_LIMIT_H

#include "expr.h"

/* The limit of f as var (a DX_SYM node) tends to p from one side: dir = -1 from below (x < A),
 * +1 from above. At +oo only dir = -1 makes sense and at -oo only dir = +1 (DX_EUSAGE
 * otherwise). DX_OK with *out filled, whatever the answer (a limit that does not exist is an
 * answer); another status only for a failure such as a closed `at` that is not a real number. */
DX_HIDDEN dx_status dx_limit_side(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_point p, int dir, dx_lim *out);

/* The one-sided derivatives of f at the finite point at: the one-sided limits of f' there, which
 * equal them when f is continuous at `at` (mean value theorem). relu(x) at 0 -> 0 and 1. */
DX_HIDDEN dx_status dx_limit_onesided_derivatives(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_expr *at,
                                                  dx_lim *left, dx_lim *right);

/* The arguments u of the abs and relu calls of f that depend on var: f' is undefined where
 * u = 0. Up to max of them in args (each once); returns how many there are in all. */
DX_HIDDEN size_t dx_kinks(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_expr **args, size_t max);

/* The x where a linear u = c*x + d vanishes, exactly (-d/c); NULL when u is not linear in var. */
DX_HIDDEN dx_expr *dx_linear_root(dx_ctx *ctx, dx_expr *u, dx_expr *var);

#endif
