/* Polynomials in two variables with exact rational coefficients: what the certified search
 * for critical points (extrema2.c) computes with, and their greatest common divisor (a curve
 * of critical points is the zero set of gcd(f_x, f_y)). */
#ifndef DX_BPOLY_H
#define DX_BPOLY_H

#include "poly.h"

/* c[a*(dy+1) + b] is the coefficient of x^a y^b (all (dx+1)(dy+1) initialised). */
typedef struct dx_bpoly {
    int dx, dy;
    mpq_t *c;
} dx_bpoly;

DX_HIDDEN void dx_bp_init(dx_bpoly *p, int dx, int dy);
DX_HIDDEN void dx_bp_clear(dx_bpoly *p);
static inline mpq_ptr dx_bp_at(const dx_bpoly *p, int a, int b) { return p->c[a * (p->dy + 1) + b]; }
/* Is p a constant (zero included)? */
DX_HIDDEN bool dx_bp_is_const(const dx_bpoly *p);
/* The derivative by x (by_y false) or by y (out not initialised). */
DX_HIDDEN void dx_bp_deriv(dx_bpoly *out, const dx_bpoly *p, bool by_y);
/* f as a polynomial in x and y (out not initialised): 1, 0 when it is none (or of a total
 * degree past DX_EXTREMA2_MAX_DEGREE), -1 without memory. *degree: the total degree. */
DX_HIDDEN int dx_bp_from_expr(dx_ctx *ctx, dx_expr *f, const dx_expr *x, const dx_expr *y, dx_bpoly *out,
                              int *degree);
/* p as an expression in x and y. */
DX_HIDDEN dx_expr *dx_bp_to_expr(dx_ctx *ctx, const dx_bpoly *p, dx_expr *x, dx_expr *y);
/* p as a polynomial in y (in_y) or in x whose coefficients are polynomials in the other
 * variable: out[k] for k = 0 .. dy (or dx), each initialised. */
DX_HIDDEN void dx_bp_split(const dx_bpoly *p, bool in_y, dx_poly *out);
/* The greatest common divisor of a and b (out not initialised), with integer coefficients of
 * gcd 1 and a positive leading one
 * (highest power of x, then of y); 0 when both are 0. */
DX_HIDDEN void dx_bp_gcd(dx_bpoly *out, const dx_bpoly *a, const dx_bpoly *b);
/* a / g (out not initialised), g dividing a exactly. */
DX_HIDDEN void dx_bp_divexact(dx_bpoly *out, const dx_bpoly *a, const dx_bpoly *g);
/* out = a * b (out not initialised). */
DX_HIDDEN void dx_bp_mul(dx_bpoly *out, const dx_bpoly *a, const dx_bpoly *b);
/* Does g divide a? Then the quotient in *q (initialised; else q untouched). g not 0. */
DX_HIDDEN bool dx_bp_divides(dx_bpoly *q, const dx_bpoly *a, const dx_bpoly *g);
/* p with one variable set to the rational v, a polynomial in the other: p(v, y) (fix_x) or
 * p(x, v) (out initialised, overwritten). */
DX_HIDDEN void dx_bp_restrict(dx_poly *out, const dx_bpoly *p, bool fix_x, const mpq_t v);
/* The univariate u as a two-variable polynomial in x (in_y false) or in y (out not initialised). */
DX_HIDDEN void dx_bp_of_poly(dx_bpoly *out, const dx_poly *u, bool in_y);
/* p = the constant q (p not initialised). */
DX_HIDDEN void dx_poly_const(dx_poly *p, const mpq_t q);

#endif
