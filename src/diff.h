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
/* Each rule's formula in plain text, for steps (functions carry theirs in the fn table). */
DX_HIDDEN extern const char *const dx_rule_formulas[DX_NRULES];

/* Deliberately broken rules: the same rule code with one rule altered, so the checker can
 * recognise a student's slip by reproducing it. ORDER SLIP: names in diff.c's slip tables. */
typedef enum dx_slip {
    DX_SLIP_NONE,
    DX_SLIP_LN,             /* ln(u)' = 1/u, without u' */
    DX_SLIP_CHAIN,          /* f(u)' = f'(u), (u^n)' = n*u^(n-1), (a^u)' = a^u*ln(a): no u' */
    DX_SLIP_COS_SIGN,       /* cos(u)' = sin(u)*u' */
    DX_SLIP_POWER_EXP,      /* (u^n)' = n*u^n*u': exponent not reduced */
    DX_SLIP_QUOTIENT,       /* (u/v)' = (u*v' - u'*v)/v^2: numerator reversed */
    DX_SLIP_PRODUCT_FIRST,  /* (u*v)' = u'*v: one term of the product rule only */
    DX_SLIP_PRODUCT_LAST,   /* (u*v)' = u*v' */
    DX_SLIP_PRODUCT_DERIVS, /* (u*v)' = u'*v' */
    DX_SLIP_CONSTANT,       /* c' = c: constant not dropped */
    DX_SLIP_SIGN,           /* the whole derivative negated (answer.c makes it; no rule breaks) */
    DX_NSLIPS
} dx_slip;

DX_HIDDEN extern const char *const dx_slip_names[DX_NSLIPS];
/* What the rule should have been and what the slip made of it, one sentence. */
DX_HIDDEN extern const char *const dx_slip_explanations[DX_NSLIPS];

/* Called once per distinct node, after its derivative is known, children first. */
typedef void (*dx_recorder)(void *user, dx_rule rule, const dx_expr *e, const dx_expr *de);

/* d e / d var (var a DX_SYM node), first order. rec may be NULL. */
DX_HIDDEN dx_expr *dx_diff_by(dx_ctx *ctx, dx_expr *e, dx_expr *var, dx_recorder rec, void *user);

/* How dx_diff_with differs from plain dx_diff_by; a zeroed struct is plain. */
typedef struct dx_diff_opts {
    dx_recorder rec;
    void *user;
    dx_slip slip;           /* the one rule to break, DX_SLIP_NONE for none */
    const dx_expr *slip_at; /* break it only at this node; NULL: wherever it applies */
    /* When set, the derivative of a proper subexpression u is hole(hole_user, u) unless
     * that returns NULL: one rule application with the rest left open (steps uses it). */
    dx_expr *(*hole)(void *hole_user, dx_expr *u);
    void *hole_user;
} dx_diff_opts;

DX_HIDDEN dx_expr *dx_diff_with(dx_ctx *ctx, dx_expr *e, dx_expr *var, const dx_diff_opts *o);

#endif
