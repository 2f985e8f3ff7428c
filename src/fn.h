/* The functions table: one row per function, read by parser, printer, diff and evaluator. */
#ifndef DX_FN_H
#define DX_FN_H

#include "expr.h"
#include "vecmath.h"

/* ORDER FN: ids of the functions that stay calls; dx_fns[] lists their rows first, in this
 * order, so dx_fns[id] is the row of id. */
typedef enum dx_fn_id {
    DX_SIN, DX_COS, DX_TAN, DX_COT, DX_SEC, DX_CSC,
    DX_ASIN, DX_ACOS, DX_ATAN,
    DX_SINH, DX_COSH, DX_TANH,
    DX_LN, DX_ABS, DX_RELU, DX_ERF,
    DX_SIGMOID, DX_SOFTPLUS, DX_STEP, DX_SIGN,
    DX_ASINH, DX_ACOSH, DX_ATANH,
    DX_NCALLS
} dx_fn_id;

/* Real domain of a row's argument: numbers outside it are refused by dx_call and the evaluator. */
typedef enum dx_domain { DX_DOM_ALL, DX_DOM_POS, DX_DOM_UNIT, DX_DOM_TRIG_POLES, DX_DOM_NONZERO } dx_domain;
/* The message for a value outside each domain: DX_M_UNDEF_POS "... (it needs a positive number)". */
DX_HIDDEN extern const dx_msg_id dx_domain_msg[];

enum {
    DX_FN_KINK0 = 1, /* continuous but not differentiable at argument 0 (abs, relu) */
    DX_FN_FLAT = 2,  /* finite at an infinite or NaN argument (atan, tanh, relu): the evaluator
                        must look at the argument to see a point outside the domain */
    DX_FN_IDEMPOTENT = 4, /* f(f(u)) = f(u) (abs) */
    DX_FN_LOG = 8,        /* the inverse of e^u: f(e) = 1, f(e^v) = v, e^f(u) = u (ln) */
    DX_FN_JUMP0 = 16,     /* constant on each side of argument 0, which it jumps over and is
                             undefined at (step, sign): relu' and abs', never a silent 0 or 1 */
    DX_FN_LOGISTIC = 32,  /* f' = f*(1 - f), a form the simplifier keeps (sigmoid) */
};
/* Piecewise rows: their pieces (slope_*, level_*) give their value away from argument 0. */
#define DX_FN_PIECEWISE (DX_FN_KINK0 | DX_FN_JUMP0)

/* f(-u) = -f(u) (odd) or f(u) (even), so a sign comes out of the call. */
typedef enum dx_parity { DX_NO_PARITY, DX_ODD, DX_EVEN } dx_parity;

/* A value a row tends to (limit.c): num/den, times pi when pi; or an infinity, or the
 * oscillation over the row's range; DX_TAIL_NONE when not known. */
typedef enum dx_tail_kind { DX_TAIL_NONE, DX_TAIL_VALUE, DX_TAIL_POS_INF, DX_TAIL_NEG_INF, DX_TAIL_OSC } dx_tail_kind;
typedef struct dx_tail {
    dx_tail_kind k;
    int num, den;
    bool pi;
} dx_tail;

/* How growth.c finds the leading term of f(u) at +-oo from u's: by ln's rule (u^p ln^q ->
 * ln of the leading term), e^|u|/2 with the row's parity for the sign (cosh, sinh), |c| of
 * u's coefficient c (abs), or by growth.c's oracle (the others). */
typedef enum dx_fn_growth { DX_GROW_ORACLE, DX_GROW_LOG, DX_GROW_HALF_EXP, DX_GROW_ABS } dx_fn_growth;

typedef struct dx_fn {
    const char *name;
    int arity;     /* 1, or 2 for log(x, b); rows with min_arity < arity take either */
    int min_arity;
    /* Builds the canonical form from parsed arguments: a call for rows with id < DX_NCALLS,
     * a rewrite for the others (sqrt(u) -> u^(1/2), exp(u) -> e^u, log10(u) -> ln(u)/ln(10)). */
    dx_expr *(*make)(dx_ctx *ctx, dx_expr *const *args, int nargs);
    double (*eval)(double);                       /* NULL for rewrite rows */
    dx_vmap *vec;                                 /* eval over many points, within a few ulps
                                                     (vecmath.h); NULL: eval one at a time */
    dx_expr *(*deriv)(dx_ctx *ctx, dx_expr *u);   /* f'(u), the outer derivative */
    dx_domain domain;
    const char *latex;                            /* the name; or, with latex_close, the left */
    const char *latex_close;                      /* bar around the argument, no parentheses */
    const char *formula;                          /* "d/dx sin(u) = cos(u)*u'", for steps */
    unsigned flags;
    /* --- facts the constructor applies (dx_call) --- */
    dx_parity parity;
    bool has_special;            /* f(special_at) = special_value/special_den exactly: sin(0) = 0,
                                    ln(1) = 0, sigmoid(0) = 1/2 (special_den 0 is 1) */
    int special_at, special_value, special_den;
    /* piecewise rows (DX_FN_PIECEWISE): f(u) = slope_neg*u + level_neg for u < 0, slope_pos*u
     * + level_pos for u > 0, which gives their value at numbers and at a limit where u keeps
     * one sign */
    int slope_neg, slope_pos, level_neg, level_pos;
    /* --- facts for limits (limit.c, growth.c) --- */
    dx_tail at_pos, at_neg;      /* f(u) as u -> +oo and -oo */
    dx_tail at_zero_right;       /* an infinity: a pole as u -> 0+, with u <= 0 outside the domain */
    bool bounded;                /* lo <= f(u) <= hi whatever u does */
    dx_tail lo, hi;
    int monotone;                /* +1 increasing, -1 decreasing on the domain, 0 neither */
    /* tan, cot, sec, csc as sin(u)^sin_pow * cos(u)^cos_pow: a zero of a factor with a
     * negative power is a pole, and the side it is reached from gives the infinity */
    int sin_pow, cos_pow;
    dx_expr *(*by_exp)(dx_ctx *ctx, dx_expr *u); /* f(u) in powers of e (cosh, sinh, tanh), so
                                                    cosh(x) - sinh(x) cancels; NULL if none */
    dx_fn_growth growth;
    /* --- printing --- */
    int order;                   /* among the factors of a product, smallest first: sin(x)*cos(x),
                                    sec(x)*tan(x); 0: after the ranked ones */
} dx_fn;

DX_HIDDEN extern const dx_fn dx_fns[];
DX_HIDDEN extern const int dx_nfns;
/* The row named name[0..len), or NULL. */
DX_HIDDEN const dx_fn *dx_fn_lookup(const char *name, size_t len);
/* The exact value of a trigonometric row at a multiple of pi/4 or pi/6 (sin(pi/6) = 1/2,
 * tan(pi/4) = 1), NULL when there is none to give; at a pole (tan(pi/2)) NULL with a domain
 * error recorded. */
DX_HIDDEN dx_expr *dx_fn_exact(dx_ctx *ctx, int fn, dx_expr *u);
/* Is the number q inside the domain? Poles are not checked here (dx_fn_exact finds them). */
DX_HIDDEN bool dx_domain_holds(dx_domain d, const dx_num *q);
/* f(u) for a piecewise row (DX_FN_PIECEWISE) where u has the sign sign: u, -u, 0, 1 or -1. */
DX_HIDDEN dx_expr *dx_fn_side(dx_ctx *ctx, int fn, int sign, dx_expr *u);
/* The edit distance of a[0..la) and b[0..lb) (at most 31 bytes each), and how far a name of
 * len bytes may be from another to be suggested for it (nearest.c). */
DX_HIDDEN size_t dx_edit_distance(const char *a, size_t la, const char *b, size_t lb);
DX_HIDDEN size_t dx_near_limit(size_t len);
/* The known name nearest to name[0..len) by edit distance, or NULL if none is near. */
DX_HIDDEN const char *dx_fn_suggest(const char *name, size_t len);

#endif
