/* What the commands on several variables share (hessian.c, taylor.c, implicit.c, extrema2.c
 * and their renderers): values at a point, exact where they come out closed. */
#ifndef DX_MULTIVAR_H
#define DX_MULTIVAR_H

#include "expr.h"

/* A value at a point: exact (a closed expression, simplified) and as a double. */
typedef struct dx_mv_value {
    dx_expr *exact;
    double num;
} dx_mv_value;

/* e with names[i] = values[i], simplified, and its number. DX_OK; DX_EUSAGE when a variable
 * of e has no value; DX_EDOMAIN when e is undefined there (the error on ctx). */
DX_HIDDEN dx_status dx_mv_at(dx_ctx *ctx, dx_expr *e, const char *const *names, dx_expr *const *values,
                             size_t n, dx_mv_value *out);
/* Does every variable of e have a value among names[0..n)? The first that has none in *missing. */
DX_HIDDEN bool dx_mv_covered(dx_ctx *ctx, dx_expr *e, const char *const *names, size_t n, const char **missing);

/* The status a public call of these modules ends with: st, DX_ENOMEM where memory ran out on
 * the way (GMP's reports included, dx_end), and DX_ENOMEM for a failure that left no error
 * (an allocation whose failure was only reported, not recorded). */
DX_HIDDEN dx_status dx_mv_end(dx_ctx *ctx, dx_status st);

/* The determinant of an n x n matrix of expressions (row-major), simplified; NULL for n > 3. */
DX_HIDDEN dx_expr *dx_hessian_det(dx_ctx *ctx, dx_expr *const *m, size_t n);
/* c->exact_det and c->exact_hxx where c's n coordinates are all exact (det H = 24*sqrt(2) where
 * the doubles say 33.9411), else left NULL; DX_OK unless memory, stack or work ran out. */
DX_HIDDEN dx_status dx_hessian_exact_at(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t n, dx_crit2 *c);

/* A degenerate critical point c of f with rational coordinates: its kind decided where the
 * terms beyond the Hessian decide it (c->kind and c->lines set), else left degenerate. */
DX_HIDDEN dx_status dx_extrema2_degenerate(dx_ctx *ctx, dx_expr *f, const char *const *vars, dx_crit2 *c);

struct dx_poly;
struct dx_bpoly;

/* The signs a univariate polynomial takes on the real line (exactly: zero at its roots, the
 * exact value at a point beside and between them). */
typedef struct dx_signs {
    bool pos, neg, zero;
} dx_signs;
DX_HIDDEN dx_status dx_poly_signs(dx_ctx *ctx, const struct dx_poly *p, dx_signs *s);
/* The rational q as a number node. */
DX_HIDDEN dx_expr *dx_q_expr(dx_ctx *ctx, const mpq_t q);

/* The curve of critical points gcd(f_x, f_y) = 0, C (made squarefree here), of the polynomial
 * F in x and y: out->curve_eq, curve_seen and its components, each classified along it. */
DX_HIDDEN dx_status dx_extrema2_curves(dx_ctx *ctx, const struct dx_bpoly *F, struct dx_bpoly *C, dx_expr *x, dx_expr *y,
                                       dx_extrema2_result *out);
/* The certified search when f is a polynomial in its three variables (out->vars set): 1 done,
 * 0 f is no such polynomial, -1 failed (the error on ctx). extrema3.c. */
DX_HIDDEN int dx_extrema3_exact(dx_ctx *ctx, dx_expr *f, dx_extrema2_result *out);

/* The same for f(x, y, z): by the weighted lowest terms of f - f(p). extrema3_degenerate.c. */
DX_HIDDEN dx_status dx_extrema3_degenerate(dx_ctx *ctx, dx_expr *f, const char *const *vars, dx_crit2 *c);

/* The report for three variables when the critical points are not finitely many (or none):
 * the set named by its equations. show_extrema3.c. */
DX_HIDDEN void dx_show_extrema3_set(dx_ctx *ctx, const dx_extrema2_result *r, dx_buf *out);

/* dx_extrema2 on the box out->from .. out->to (out->n, out->vars set): grid and Newton. */
DX_HIDDEN dx_status dx_extrema2_box(dx_ctx *ctx, dx_expr *f, dx_extrema2_result *out);

/* The start of a JSON report: {"input": f, "vars": [names]. */
DX_HIDDEN void dx_mv_json_head(dx_ctx *ctx, dx_buf *b, const dx_expr *f, const char *const *names, size_t n);
/* "x = 1, y = 2" (or a JSON object {"x": "1", "y": "2"}) for a point. */
DX_HIDDEN void dx_mv_put_point(dx_ctx *ctx, dx_buf *b, const char *const *names, dx_expr *const *values, size_t n,
                               dx_show how);
/* A matrix of expressions: rows of columns aligned in plain text ("[ 6*x  -3 ]"), a pmatrix
 * in LaTeX, rows of strings in JSON. */
DX_HIDDEN void dx_mv_put_matrix(dx_ctx *ctx, dx_buf *b, dx_expr *const *m, size_t n, dx_show how);

#endif
