/* Polynomials in three variables with exact rational coefficients, sparse, their terms in
 * graded reverse lexicographic order: what the certified search for critical points of
 * f(x, y, z) (extrema3.c) and its Groebner bases (groebner.c) compute with. */
#ifndef DX_TPOLY_H
#define DX_TPOLY_H

#include "poly.h"
#include "qiv.h"

/* One term c * x^e[0] y^e[1] z^e[2]. */
typedef struct dx_tterm {
    mpq_t c;
    unsigned short e[3];
} dx_tterm;

/* t[0..n) non-zero terms, the greatest first (n == 0: the zero polynomial); cap allocated. */
typedef struct dx_tpoly {
    size_t n, cap;
    dx_tterm *t;
} dx_tpoly;

DX_HIDDEN void dx_tp_init(dx_tpoly *p);
DX_HIDDEN void dx_tp_clear(dx_tpoly *p);
/* out = a (out initialised). */
DX_HIDDEN void dx_tp_copy(dx_tpoly *out, const dx_tpoly *a);
/* The graded reverse lexicographic order: > 0 when the monomial a comes before b. */
DX_HIDDEN int dx_tp_cmp(const unsigned short *a, const unsigned short *b);
/* Append the term c * m (it must come after every term of p; c not zero). */
DX_HIDDEN void dx_tp_push(dx_tpoly *p, const unsigned short *m, const mpq_t c);
/* out = a - c * m * b (out initialised, aliasing neither). */
DX_HIDDEN void dx_tp_submul(dx_tpoly *out, const dx_tpoly *a, const mpq_t c, const unsigned short *m, const dx_tpoly *b);
/* p divided by its leading coefficient (p not zero). */
DX_HIDDEN void dx_tp_monic(dx_tpoly *p);
/* The derivative by variable v (out initialised). */
DX_HIDDEN void dx_tp_deriv(dx_tpoly *out, const dx_tpoly *p, int v);
/* One term t of an expanded polynomial in vars[0..nvars): its coefficient and the powers e[v]
 * of each; false when t is no such term, or of a total degree past DX_EXTREMA2_MAX_DEGREE. */
DX_HIDDEN bool dx_term_powers(const dx_expr *t, const dx_expr *const *vars, int nvars, mpq_t coef, int *e);
/* f as a polynomial in vars (out initialised): 1, 0 when it is none (or of a total degree past
 * DX_EXTREMA2_MAX_DEGREE), -1 failed (the error on ctx). *degree: the total degree. */
DX_HIDDEN int dx_tp_from_expr(dx_ctx *ctx, dx_expr *f, dx_expr *const *vars, dx_tpoly *out, int *degree);
/* p scaled to integer coefficients of gcd 1 and a positive leading one (the same zeros). */
DX_HIDDEN void dx_tp_primitive(dx_tpoly *p);
/* p as an expression in vars (or in any expressions put for them); NULL on failure. */
DX_HIDDEN dx_expr *dx_tp_to_expr(dx_ctx *ctx, const dx_tpoly *p, dx_expr *const *vars);
/* p on the box X[0] x X[1] x X[2]: a sure enclosure of its values (exact at a point). */
DX_HIDDEN void dx_tp_eval_iv(dx_iv *out, const dx_tpoly *p, const dx_iv *X);

#endif
