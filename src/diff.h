/* Differentiation: one rule per node kind, memoised per node, with an optional recorder. */
#ifndef DX_DIFF_H
#define DX_DIFF_H

#include "expr.h"

/* ORDER RULE: the names in diff.c's rule_names[] follow this order. */
typedef enum dx_rule {
    DX_R_CONSTANT,    /* d/dx c = 0 */
    DX_R_VARIABLE,    /* d/dx x = 1 */
    DX_R_SUM,         /* (u + v)' = u' + v' */
    DX_R_SCALAR,      /* (c*u)' = c*u' */
    DX_R_PRODUCT,     /* (u*v)' = u'*v + u*v' */
    DX_R_QUOTIENT,    /* (u/v)' = (u'*v - u*v')/v^2 */
    DX_R_POWER,       /* (u^n)' = n*u^(n-1)*u' */
    DX_R_EXPONENTIAL, /* (a^u)' = a^u*ln(a)*u', (e^u)' = e^u*u' */
    DX_R_GENERAL_POWER, /* (u^v)' = u^v*(v'*ln(u) + v*u'/u) */
    DX_R_FUNCTION,    /* f(x)' from the functions table */
    DX_R_CHAIN,       /* f(u)' = f'(u)*u' */
    DX_NRULES
} dx_rule;

DX_HIDDEN extern const char *const dx_rule_names[DX_NRULES];

/* Called once per distinct node, after its derivative is known, children first. */
typedef void (*dx_recorder)(void *user, dx_rule rule, const dx_expr *e, const dx_expr *de);

/* d e / d var (var a DX_SYM node), first order. rec may be NULL. */
DX_HIDDEN dx_expr *dx_diff_by(dx_ctx *ctx, dx_expr *e, dx_expr *var, dx_recorder rec, void *user);

#endif
