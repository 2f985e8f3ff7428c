/* Polynomials in one variable over the rationals: the exact algebra behind cancelling. */
#ifndef DX_POLY_H
#define DX_POLY_H

#include "expr.h"

/* Highest degree read from an expression: cancelling is for textbook fractions, and Euclid's
 * coefficients grow quickly with the degree. */
#define DX_POLY_MAXDEG 64

/* c[0] + c[1]*v + ... + c[deg]*v^deg with c[deg] != 0; the zero polynomial has deg -1.
 * Coefficients are GMP rationals owned by the polynomial: release with dx_poly_free. */
typedef struct dx_poly {
    mpq_t *c;
    int deg;
    int size; /* slots allocated: deg may drop below size - 1 as leading terms cancel */
} dx_poly;

DX_HIDDEN void dx_poly_free(dx_poly *p);
/* Read an expanded expression (a sum of number * v^k terms, k a whole number) as a
 * polynomial in one variable. *var is that variable (a DX_SYM node): when NULL on entry, it
 * becomes the first variable met (NULL still when e is a number). false when e is not such a
 * polynomial, has another variable, or is of degree above DX_POLY_MAXDEG. */
DX_HIDDEN bool dx_poly_of(const dx_expr *e, dx_expr **var, dx_poly *out);
/* The polynomial as a canonical expression in var. */
DX_HIDDEN dx_expr *dx_poly_expr(dx_ctx *ctx, const dx_poly *p, dx_expr *var);
/* a = q*b + r with deg r < deg b; b must not be zero. q and r are new polynomials. */
DX_HIDDEN void dx_poly_divmod(const dx_poly *a, const dx_poly *b, dx_poly *q, dx_poly *r);
/* The monic greatest common divisor (zero when both are zero). g is a new polynomial. */
DX_HIDDEN void dx_poly_gcd(const dx_poly *a, const dx_poly *b, dx_poly *g);
/* Scale p in place to integer coefficients without a common factor and a positive leading
 * coefficient; *factor (initialised) receives the c with old p = c * new p. */
DX_HIDDEN void dx_poly_primitive(dx_poly *p, mpq_t factor);

#endif
