/* dfdx: Taylor polynomials (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_TAYLOR_H
#define DFDX_TAYLOR_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Highest order asked of one variable, and of several (their terms grow as order^n). */
#define DX_TAYLOR_MAX_ORDER 40
#define DX_TAYLOR_MAX_ORDER_SEVERAL 6

/* The Taylor polynomial of f at a point. Arrays and expressions belong to the context. */
typedef struct dx_taylor_result {
    dx_expr *f;
    size_t n;                 /* the variables and the point */
    const char *const *vars;
    dx_expr *const *at;
    dx_expr *const *step;     /* h: each variable minus its value at the point */
    unsigned order;
    dx_expr *polynomial;      /* the sum of the parts (canonical: its terms merged and reordered) */
    dx_expr *const *part;     /* order + 1 of them: the sum of the terms of degree k */
    size_t nterms;            /* every term, by degree: term_coef[t] * term_mono[t], the
                                 coefficient exact, the monomial a product of powers of h */
    dx_expr *const *term_coef;
    dx_expr *const *term_mono;
    dx_expr *const *coef;     /* order + 1 of them, from order 0 up: one variable, the coefficient
                                 f^(k)(a)/k! of (x - a)^k; several, the part of degree k */
    dx_expr *remainder;       /* one variable: (x - a)^(order+1), the remainder is O(that);
                                 several: NULL (the remainder is O(|h|^(order+1))) */
    dx_expr *const *gradient; /* several variables: the gradient at the point (n) */
    dx_expr *const *hessian;  /* several variables, order >= 2: the Hessian at the point (n*n) */
} dx_taylor_result;

/* The Taylor polynomial of order `order` of f about names[i] = at[i] (closed expressions), every
 * variable of f given a value there. DX_OK with *out filled; an error on ctx: DX_EUSAGE (a
 * variable without a value, an order past the limits), DX_EDOMAIN (a derivative undefined at
 * the point: sqrt(x) about 0), DX_ELIMIT (the derivatives grow too large). */
DX_API dx_status dx_taylor(dx_ctx *ctx, dx_expr *f, const char *const *names, dx_expr *const *at, size_t n,
                           unsigned order, dx_taylor_result *out);
/* The report `dfdx taylor` prints, appended to out. */
DX_API void dx_show_taylor(dx_ctx *ctx, const dx_taylor_result *r, dx_show how, dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
