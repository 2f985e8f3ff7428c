/* Trigonometric identities for the simplifier: each gives a candidate form, which the
 * simplifier keeps only when it reads easier. */
#ifndef DX_TRIG_H
#define DX_TRIG_H

#include "expr.h"

/* A product's trigonometric factors of each argument u, as few as the reciprocal and quotient
 * identities allow: sin(u)*csc(u) = 1, cos(u)*csc(u) = cot(u), cos(u)*sec(u)*tan(u) = tan(u).
 * With fewer, factors are rewritten only when their number drops; without, also 1/cos(u) as
 * sec(u), sin(u)/cos(u)^2 as tan(u)*sec(u). e itself when nothing changes; NULL on failure. */
DX_HIDDEN dx_expr *dx_trig_product(dx_ctx *ctx, dx_expr *e, bool fewer);
/* dx_trig_product (not only fewer factors) at every product of e, for the whole result:
 * sin(x)/cos(x)^2 is sec(x)*tan(x) where nothing around it says sin or cos. */
DX_HIDDEN dx_expr *dx_trig_everywhere(dx_ctx *ctx, dx_expr *e);

/* A sum with fewer terms through the Pythagorean identities, in every direction
 * (sin^2 = 1 - cos^2, tan^2 = sec^2 - 1, csc^2 = cot^2 + 1 and the others): sec(x) - sec(x)^2 +
 * tan(x)^2 is sec(x) - 1, -1 - cot(x)^2 is -csc(x)^2. e itself when no rewrite drops a term;
 * NULL on failure. */
DX_HIDDEN dx_expr *dx_trig_pythagoras(dx_ctx *ctx, dx_expr *sum);

/* e with tan, cot, sec and csc written through sin and cos (sec(u) = 1/cos(u), ...), for
 * combining over one denominator: -sec(x)/(1 - sec(x)) is 1/(1 - cos(x)). e itself when it
 * has none; NULL on failure. */
DX_HIDDEN dx_expr *dx_trig_sincos(dx_ctx *ctx, dx_expr *e);

/* e with the double-angle identities (2*sin(u)*cos(u) = sin(2*u), cos(u)^2 - sin(u)^2 =
 * cos(2*u)) for u of one term, when no function of u itself is left beside them; e itself
 * otherwise; NULL on failure. A candidate: the caller keeps it when it reads shorter. */
DX_HIDDEN dx_expr *dx_trig_double(dx_ctx *ctx, dx_expr *e);

/* A quotient by sin(u)^2k or cos(u)^2k, with a sum of cos(u) or sin(u) beside it, with that
 * denominator as (1 - cos(u))^k*(1 + cos(u))^k (or through sin(u)), so a factor of the sum
 * cancels: (1 - cos(x))/sin(x)^2 is 1/(cos(x) + 1). e itself when it has no such
 * denominator; NULL on failure. A candidate: the caller keeps it when it reads shorter. */
DX_HIDDEN dx_expr *dx_trig_halves(dx_ctx *ctx, dx_expr *e);

#endif
