/* Polynomials in one variable with exact rational coefficients, and their real roots. */
#ifndef DX_POLY_H
#define DX_POLY_H

#include "expr.h"

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>

/* Largest degree built by expansion or accepted for root finding: (x+1)^1000 expands, and
 * anything beyond stays a non-polynomial for the caller (the grid search). */
#define DX_POLY_MAX_DEG 1000
/* Largest degree whose real roots are isolated (extrema of x^1002, (x-1)...(x-1500)): the
 * work budget bounds the time, not this. */
#define DX_POLY_ROOTS_MAX_DEG 20000

/* c[0] + c[1] x + ... + c[n-1] x^(n-1), c[n-1] != 0; n == 0 is the zero polynomial.
 * Owns c (mpq_t each): release with dx_poly_clear. */
typedef struct dx_poly {
    int n;
    mpq_t *c;
} dx_poly;

DX_HIDDEN void dx_poly_init(dx_poly *p);
DX_HIDDEN void dx_poly_clear(dx_poly *p);
/* Degree; -1 for the zero polynomial. */
static inline int dx_poly_deg(const dx_poly *p) { return p->n - 1; }

/* The coefficients of e as a polynomial in var (a DX_SYM node, or a node such as sec(x)
 * standing for one), products and integer powers
 * of sums expanded: 1 and *out set; 0 when e is not a polynomial in var with rational
 * coefficients (sin(x), pi*x, y*x, x^(1/2), degree past DX_POLY_MAX_DEG); -1 when out of
 * memory (error recorded on ctx). *out must be initialised; it is overwritten. */
DX_HIDDEN int dx_poly_from_expr(dx_ctx *ctx, const dx_expr *e, const dx_expr *var, dx_poly *out);
/* The same up to degree max_deg (at most DX_POLY_ROOTS_MAX_DEG); past DX_POLY_MAX_DEG the
 * products count as work (dx_work: -1 when the budget stops it); *over (may be NULL) says a 0 came from the degree
 * alone, so the caller can say so instead of treating e as no polynomial. */
DX_HIDDEN int dx_poly_from_expr_deg(dx_ctx *ctx, const dx_expr *e, const dx_expr *var, int max_deg, dx_poly *out,
                                    bool *over);

/* out = p' (out may be p). */
DX_HIDDEN void dx_poly_deriv(dx_poly *out, const dx_poly *p);
/* p(x) exactly, and as a double (Horner over the rounded coefficients). */
DX_HIDDEN void dx_poly_eval_q(mpq_t out, const dx_poly *p, const mpq_t x);
DX_HIDDEN double dx_poly_eval_d(const dx_poly *p, double x);
/* Sign of p just beside t: side -1 left, +1 right, 0 at t itself. Exact (the first
 * non-zero derivative at t decides). */
DX_HIDDEN int dx_poly_sign_near(const dx_poly *p, const mpq_t t, int side);

/* out = a + b and out = a * b (out may alias either); out = q * a (out may be a). */
DX_HIDDEN void dx_poly_add(dx_poly *out, const dx_poly *a, const dx_poly *b);
DX_HIDDEN void dx_poly_mul(dx_poly *out, const dx_poly *a, const dx_poly *b);
DX_HIDDEN void dx_poly_scale(dx_poly *out, const dx_poly *a, const mpq_t q);
/* q = a / b and r = a mod b (b not zero; q or r may be NULL; both initialised). */
DX_HIDDEN void dx_poly_divrem(dx_poly *q, dx_poly *r, const dx_poly *a, const dx_poly *b);
/* The monic greatest common divisor (out initialised; zero when both are zero). */
DX_HIDDEN void dx_poly_gcd(dx_poly *out, const dx_poly *a, const dx_poly *b);
/* Scale p in place to integer coefficients without a common factor and a positive leading
 * coefficient; factor (initialised) receives the c with old p = c * new p (1 for zero). */
DX_HIDDEN void dx_poly_primitive(dx_poly *p, mpq_t factor);
/* p as a canonical expression in var. NULL on failure (error recorded on ctx). */
DX_HIDDEN dx_expr *dx_poly_to_expr(dx_ctx *ctx, const dx_poly *p, dx_expr *var);

/* How a root is known exactly. */
typedef enum dx_root_form {
    DX_ROOT_DECIMAL,   /* only x below: irrational, degree > 2 */
    DX_ROOT_RATIONAL,  /* x = q exactly */
    DX_ROOT_QUADRATIC, /* x = q + s*sqrt(d), d > 1 an integer with no small square factor */
} dx_root_form;

/* One distinct real root of a polynomial. Owns its GMP numbers (dx_poly_roots_free). */
typedef struct dx_root {
    double x;          /* the double nearest the root (certified bracket of adjacent doubles) */
    int mult;          /* multiplicity */
    int left, right;   /* sign of the polynomial just left and just right of the root */
    dx_root_form form;
    mpq_t q, s;        /* exact value per form */
    mpz_t d;
} dx_root;

/* Every real root of p (not the zero polynomial), ascending, none missed: the square-free
 * part is isolated exactly (Descartes' rule of signs with Vincent-Collins-Akritas
 * bisection over the integers), each root refined to full double precision with exact
 * signs where doubles cannot tell, multiplicities from Yun's square-free factorisation.
 * *roots is malloc'd (free with dx_poly_roots_free). DX_OK, or DX_ELIMIT / DX_ENOMEM with
 * the error recorded on ctx. */
DX_HIDDEN dx_status dx_poly_roots(dx_ctx *ctx, const dx_poly *p, dx_root **roots, size_t *nroots);
DX_HIDDEN void dx_poly_roots_free(dx_root *roots, size_t n);

/* The exact value of p at root r ("-2", "1/3", "2 - sqrt(3)"); NULL when r is only known as
 * a decimal, or on failure (then with an error on ctx). */
DX_HIDDEN dx_expr *dx_poly_exact_at(dx_ctx *ctx, const dx_poly *p, const dx_root *r);
/* The root's own exact form; NULL for DX_ROOT_DECIMAL. */
DX_HIDDEN dx_expr *dx_root_expr(dx_ctx *ctx, const dx_root *r);

#endif
