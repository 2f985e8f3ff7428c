/* dfdx: the Hessian (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_HESSIAN_H
#define DFDX_HESSIAN_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The matrix of second partial derivatives of f, and its value at a point when one is given.
 * Arrays and expressions belong to the context (valid until it is freed). */
typedef struct dx_hessian_result {
    dx_expr *f;
    size_t n;                 /* the variables, rows and columns in this order */
    const char *const *vars;
    dx_expr *const *entry;    /* n*n, row-major: d2f / dvars[i] dvars[j], simplified */
    bool at;                  /* a point was given: */
    dx_expr *const *point;    /* the value of each of vars there */
    dx_expr *const *value;    /* n*n: each entry there, exact (a closed expression) */
    const double *num;        /* n*n: the same as doubles */
    dx_expr *det;             /* at: the determinant there, exact (n <= 3; else NULL) */
    double det_num;
} dx_hessian_result;

/* The Hessian of f by vars[0..nvars) (nvars 0: every variable of f, alphabetically); with
 * npoint > 0 also its value where names[i] = point[i] (closed expressions), every variable of
 * f given a value. DX_OK with *out filled; an error on ctx: DX_EUSAGE (a name that is no
 * variable, a variable without a value), DX_EDOMAIN (an entry undefined at the point). */
DX_API dx_status dx_hessian(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t nvars, const char *const *names,
                            dx_expr *const *point, size_t npoint, dx_hessian_result *out);
/* The report `dfdx hessian` prints, appended to out. */
DX_API void dx_show_hessian(dx_ctx *ctx, const dx_hessian_result *r, dx_show how, dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
