/* Closed forms valued by MPFR at rising precision and rounded once: the double nearest the
 * value, where the compiled evaluator's doubles lose it to rounding (sin(10^30)), cancellation
 * ((1 + 10^-30)^(10^30)) or range (e^-1000, 2^(10^100)). */
#ifndef DX_PRECISE_H
#define DX_PRECISE_H

#include "expr.h"

typedef enum dx_precise_kind {
    DX_PRECISE_VALUE,   /* v is the value rounded to the nearest double, a normal one or 0 */
    DX_PRECISE_BEYOND,  /* too large or too small for a double (v is then +-inf or +-0): text
                           says it, "1.970071114017047e+434" or "10^(-4.3429e99)" */
    DX_PRECISE_UNKNOWN, /* not settled here (a variable, a point outside the domain, digits
                           that do not settle): the caller's doubles decide */
} dx_precise_kind;

typedef struct dx_precise {
    double v;
    char text[48];
    bool rounded; /* DX_PRECISE_VALUE: v is not the value itself (ln(1 + 10^-30) is not
                     1e-30), by more than the computation's own noise */
} dx_precise;

/* The value of e, an expression without variables. Touches neither ctx's error nor its
 * allocator's failure report (a refusal is DX_PRECISE_UNKNOWN). */
DX_HIDDEN dx_precise_kind dx_precise_eval(dx_ctx *ctx, const dx_expr *e, dx_precise *out);

/* MPFR's caches of this thread (pi's digits, log 2's) released: dx_ctx_free calls it, so a
 * thread that ends after freeing its context leaks nothing, and the values of one context's
 * life share the digits already computed. */
DX_HIDDEN void dx_precise_release(void);

#endif
