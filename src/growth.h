/* Orders of growth at +oo: the leading term c * x^p * ln(x)^q * e^E of an expression. */
#ifndef DX_GROWTH_H
#define DX_GROWTH_H

#include "expr.h"

/* f ~ c * x^p * ln(x)^q * ln(ln(x))^r * e^E as x -> +oo (the quotient of the two sides tends
 * to 1). c, p, q and r are closed (c != 0); E is 0 or a sum of exact terms that each grow faster
 * than ln(x), so that e^E beats every power (x^2*e^x: E = x; 2^x: E = x*ln(2); x^x: E =
 * x*ln(x); e^(e^x): E = e^x; ln(x)^ln(x): E = ln(x)*ln(ln(x))). */
typedef struct dx_growth {
    dx_expr *c, *p, *q, *r, *E;
} dx_growth;

/* The dominance classes, weakest first: exponentials beat powers beat logarithms beat
 * constants. */
typedef enum dx_growth_class { DX_GROWTH_CONST, DX_GROWTH_LOG, DX_GROWTH_POWER, DX_GROWTH_EXP } dx_growth_class;

/* What the caller knows of a subexpression the leading-term rules do not cover (atan(x),
 * sin(x)): its limit at +oo when that is a finite closed value (NULL otherwise), and whether it
 * stays bounded (sin(x) does, with no limit). */
typedef dx_expr *(*dx_growth_limit_fn)(void *user, dx_expr *e, bool *bounded);

typedef struct dx_growth_env {
    dx_ctx *ctx;
    dx_expr *x;               /* the variable, tending to +oo */
    dx_growth_limit_fn limit; /* may be NULL */
    void *user;
    int budget;               /* rule applications left; none left = no answer */
    bool conjugated;          /* set when a square root's conjugate was used */
} dx_growth_env;

/* The leading term of e as x -> +oo. false when the rules cannot tell: a sum whose leading
 * terms cancel (sqrt(x^2 + x) - x), an oscillating factor, ln(ln(ln(x))), or
 * the budget spent. A constructor failure leaves its error on the context. */
DX_HIDDEN bool dx_growth_of(dx_growth_env *g, dx_expr *e, dx_growth *out);

/* Where a leading term goes: 1 for an infinity (*sign = +1 or -1), 0 for a finite limit
 * (*value: c, or 0), -1 when it cannot be told. */
DX_HIDDEN int dx_growth_limit(dx_growth_env *g, const dx_growth *m, int *sign, dx_expr **value);

/* The class of a leading term: its strongest non-trivial part. */
DX_HIDDEN dx_growth_class dx_growth_class_of(dx_growth_env *g, const dx_growth *m);

/* A sum A + B with A a square root term (times something free of x) as (A^2 - B^2)/(A - B),
 * the numerator expanded: sqrt(x^2 + x) - x = x/(sqrt(x^2 + x) + x). Meant for A + B -> oo - oo,
 * where A - B does not vanish near the point. NULL when e has no such term (or on failure,
 * with the error on the context). */
DX_HIDDEN dx_expr *dx_growth_conjugate(dx_ctx *ctx, dx_expr *x, dx_expr *e);

/* Sign of a closed value: -1, 0 (exactly zero), +1, or 2 when it cannot be evaluated or is
 * too near 0 to tell (cos(pi/2) is 6e-17 in doubles). Clears any error but running out of
 * memory. */
DX_HIDDEN int dx_growth_sign(dx_ctx *ctx, dx_expr *v);

#endif
