/* dfdx: check (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_CHECK_H
#define DFDX_CHECK_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Slips a student makes: the rules of diff with one altered, so a checker can recognise a slip
 * by reproducing it (ORDER SLIP: diff.c's tables). */
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
    DX_SLIP_SIGN,           /* the whole derivative negated (no rule breaks) */
    DX_NSLIPS
} dx_slip;

/* A slip's name ("power-rule exponent not reduced") and what the rule should have been, in one
 * sentence, as catalogue ids. */
DX_API dx_msg_id dx_slip_name(dx_slip s);
DX_API dx_msg_id dx_slip_explanation(dx_slip s);

/* How an answer compares with the derivative. */
typedef enum dx_eq_kind {
    DX_EQ_ALGEBRA,   /* a - b reduces to 0 (canonically, or after clearing denominators and expanding) */
    DX_EQ_POINTS,    /* equal at every sample point where both are defined; not proven by algebra */
    DX_EQ_UNDEFINED, /* equal where both are defined, but one is undefined where the other is not */
    DX_EQ_DIFFERENT, /* a point where they differ (or where only one is defined and they share few points) */
    DX_EQ_UNKNOWN    /* too few points in the common domain to tell */
} dx_eq_kind;

/* The outcome of comparing a (the answer) with b (the derivative), with a witness point for
 * DX_EQ_UNDEFINED and DX_EQ_DIFFERENT. Expressions and arrays belong to the context. */
typedef struct dx_equiv {
    dx_eq_kind kind;
    size_t npoints;  /* sample points where both were defined and compared */
    dx_expr *at;     /* the witness as an exact number, or NULL when it is only a double */
    double at_d;
    /* values at the witness: exact numbers where substitution gave one, else NULL and the
     * double (NaN: undefined there) */
    dx_expr *va, *vb;
    double da, db;
    /* the other variables, held at these generic values while comparing */
    size_t nheld;
    const char *const *held_name;
    dx_expr *const *held_value;
} dx_equiv;

/* The variables of an answer that f has not, as many as a check result names. */
#define DX_CHECK_MAX_FOREIGN 4

/* The verdict on a student's derivative. Expressions belong to the context; no memory owned. */
typedef struct dx_check_result {
    dx_expr *f, *answer;
    const char *var;
    unsigned order;
    dx_expr *derivative;    /* dx_derivative(f, var, order): what the answer is compared with */
    dx_equiv eq;            /* the answer (a) against the derivative (b); final, with the holes:
                               x/x as an answer is undefined at 0 though its canonical form is 1 */
    dx_slip slip;           /* the broken rule that reproduces the answer, or DX_SLIP_NONE */
    const dx_expr *slip_at; /* the subexpression of f where it was made; NULL when made everywhere
                               (or at f itself) */
    dx_expr *slipped;       /* the derivative under that slip */
    /* how the answer was read: its parse's notes (read 'xy' as x*y; f's variables stay whole),
     * and its variables that f has not, each with the product of f's variables its name
     * splits into ('w1x' as w1*x) or NULL when it splits into none */
    dx_parse_info read;
    size_t nforeign;
    const char *foreign[DX_CHECK_MAX_FOREIGN];
    dx_expr *foreign_as[DX_CHECK_MAX_FOREIGN];
} dx_check_result;

/* Is answer (text of len bytes, parsed here so that divisions it cancels are remembered) the
 * order-th derivative of f by var? When they differ, the rules are broken one at a time to
 * find the slip that gives the answer. DX_OK with *out filled, or an error status with the
 * error on ctx (a syntax error in the answer has its position in that text). */
DX_API dx_status dx_check(dx_ctx *ctx, dx_expr *f, const char *var, unsigned order, const char *answer, size_t len,
                          dx_check_result *out);
/* The text of dfdx check (the exit status is the program's: 1 for DX_EQ_DIFFERENT). */
DX_API void dx_show_check(dx_ctx *ctx, const dx_check_result *r, dx_show how, dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
