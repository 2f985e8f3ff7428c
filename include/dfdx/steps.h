/* dfdx: steps (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_STEPS_H
#define DFDX_STEPS_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The rules of differentiation, as diff applies them (ORDER RULE: diff.c's tables). */
typedef enum dx_rule {
    DX_R_CONSTANT,      /* d/dx c = 0 */
    DX_R_VARIABLE,      /* d/dx x = 1 */
    DX_R_SUM,           /* (u + v)' = u' + v' */
    DX_R_SCALAR,        /* (c*u)' = c*u' */
    DX_R_PRODUCT,       /* (u*v)' = u'*v + u*v' */
    DX_R_QUOTIENT,      /* (u/v)' = (u'*v - u*v')/v^2 */
    DX_R_POWER,         /* (u^n)' = n*u^(n-1)*u' */
    DX_R_EXPONENTIAL,   /* (a^u)' = a^u*ln(a)*u', (e^u)' = e^u*u' */
    DX_R_GENERAL_POWER, /* (u^v)' = u^v*(v'*ln(u) + v*u'/u) */
    DX_R_FUNCTION,      /* f(x)' from the functions table */
    DX_R_CHAIN,         /* f(u)' = f'(u)*u' */
    DX_R_SIMPLIFY,      /* not a rule of diff: the steps' last row, to the form dfdx diff shows */
    DX_NRULES
} dx_rule;

/* A rule's name ("scalar multiple") and its formula ("(c*u)' = c*u'"), as catalogue ids. */
DX_API dx_msg_id dx_rule_name(dx_rule r);
DX_API dx_msg_id dx_rule_formula(dx_rule r);

/* One rule application: the derivative of node is taken, giving the expression after. */
typedef struct dx_step {
    dx_rule rule;
    const dx_expr *node; /* whose derivative this step takes (f itself for DX_R_SIMPLIFY) */
    dx_expr *after;      /* the expression so far; open derivatives are placeholder symbols that
                            dx_show_steps prints as d/dx(u) */
    dx_msg label;        /* the rule named for a student: "chain rule, outer sin, inner x^2" */
    dx_msg formula;      /* its formula: "d/dx sin(u) = cos(u)*u'" */
} dx_step;

/* The derivation of d f / d var, one step per distinct non-trivial subexpression, top down,
 * leftmost open derivative first (constants and var itself are folded into the step that meets
 * them), ending in dx_derivative's form: a last DX_R_SIMPLIFY step where the rules arrive
 * elsewhere. Expressions belong to the context; the step array to the struct (dx_steps_free). */
typedef struct dx_steps {
    dx_expr *f;
    const char *var;
    dx_expr *start;  /* the open derivative of f */
    dx_step *step;
    size_t n;
    dx_expr *result; /* dx_derivative(f, var, 1): where the steps arrive */
} dx_steps;

/* A derivation longer than this is refused (DX_ELIMIT) rather than shown. */
#define DX_STEPS_MAX 2000

/* DX_OK with *out filled, or an error status with the error on ctx (*out empty). */
DX_API dx_status dx_steps_build(dx_ctx *ctx, dx_expr *f, const char *var, dx_steps *out);
DX_API void dx_steps_free(dx_steps *s);
/* The text of dfdx steps. */
DX_API void dx_show_steps(dx_ctx *ctx, const dx_steps *s, dx_show how, dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
