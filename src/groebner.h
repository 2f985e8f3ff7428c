/* Groebner bases of ideals of polynomials in three variables over the rationals (graded
 * reverse lexicographic order), and from them the dimension of the zero set and the minimal
 * polynomial of each coordinate on a finite one: extrema3.c's elimination. */
#ifndef DX_GROEBNER_H
#define DX_GROEBNER_H

#include "tpoly.h"

/* g[0..n), reduced: integer coefficients of gcd 1, no leading monomial divides a term of
 * another element. */
typedef struct dx_gb {
    size_t n, cap;
    dx_tpoly *g;
} dx_gb;

/* The reduced basis of the ideal of f[0..nf) (out not initialised; freed with dx_gb_clear
 * either way). DX_OK, or DX_ELIMIT (out of work, on ctx's budget) / DX_ENOMEM. */
DX_HIDDEN dx_status dx_gb_compute(dx_ctx *ctx, const dx_tpoly *f, size_t nf, dx_gb *out);
DX_HIDDEN void dx_gb_clear(dx_gb *gb);
/* The dimension of the complex zero set: -1 empty (the basis is {1}), 0 finitely many points,
 * 1 a curve, 2 a surface, 3 everything (the basis is empty). */
DX_HIDDEN int dx_gb_dim(const dx_gb *gb);
/* A zero-dimensional ideal: the monic minimal polynomial of variable v modulo it (out
 * initialised), whose roots are exactly the v-coordinates of the zero set. DX_OK or as above. */
DX_HIDDEN dx_status dx_gb_minpoly(dx_ctx *ctx, const dx_gb *gb, int v, dx_poly *out);

#endif
