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
    DX_LN, DX_ABS, DX_RELU,
    DX_NCALLS
} dx_fn_id;

/* Real domain of a row's argument, for the evaluator's messages and the checker's samples. */
typedef enum dx_domain { DX_DOM_ALL, DX_DOM_POS, DX_DOM_UNIT, DX_DOM_TRIG_POLES } dx_domain;

enum {
    DX_FN_KINK0 = 1, /* continuous but not differentiable at argument 0 (abs, relu) */
    DX_FN_FLAT = 2,  /* finite at an infinite or NaN argument (atan, tanh, relu): the evaluator
                        must look at the argument to see a point outside the domain */
};

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
    const char *latex;
    const char *formula;                          /* "d/dx sin(u) = cos(u)*u'", for steps */
    unsigned flags;
} dx_fn;

DX_HIDDEN extern const dx_fn dx_fns[];
DX_HIDDEN extern const int dx_nfns;
/* The row named name[0..len), or NULL. */
DX_HIDDEN const dx_fn *dx_fn_lookup(const char *name, size_t len);
/* The exact value of a trigonometric row at a multiple of pi/4 or pi/6 (sin(pi/6) = 1/2,
 * tan(pi/4) = 1), NULL when there is none to give; at a pole (tan(pi/2)) NULL with a domain
 * error recorded. */
DX_HIDDEN dx_expr *dx_fn_exact(dx_ctx *ctx, int fn, dx_expr *u);
/* The known name nearest to name[0..len) by edit distance, or NULL if none is near. */
DX_HIDDEN const char *dx_fn_suggest(const char *name, size_t len);

#endif
