/* dfdx: implicit differentiation (public API; see include/dfdx.h for contexts, errors and
 * messages). */
#ifndef DFDX_IMPLICIT_H
#define DFDX_IMPLICIT_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The tangent of the curve at the point. */
typedef enum dx_implicit_kind {
    DX_IMPLICIT_LINE,     /* F_y != 0 there: the slope and the line */
    DX_IMPLICIT_VERTICAL, /* F_y = 0, F_x != 0: the vertical line x = x0 */
    DX_IMPLICIT_SINGULAR  /* F_x = F_y = 0: a singular point, no one tangent (a cusp, a crossing) */
} dx_implicit_kind;

/* dy/dx on the curve F(x, y) = 0. Expressions belong to the context. */
typedef struct dx_implicit_result {
    dx_expr *F;               /* lhs - rhs of the equation */
    const char *x, *y;        /* the independent and the dependent variable */
    dx_expr *Fx, *Fy;         /* the partial derivatives, simplified */
    dx_expr *dydx;            /* -F_x/F_y, simplified */
    unsigned order;           /* 1, or 2 with: */
    dx_expr *d2ydx2;          /* d/dx (dy/dx) with y' = dy/dx, simplified */
    bool at;                  /* a point was given (it is on the curve): */
    dx_expr *x0, *y0;
    dx_implicit_kind kind;
    dx_expr *slope;           /* LINE: dy/dx there, exact, and its number */
    double slope_num;
    dx_expr *line;            /* LINE: the tangent y = line, simplified */
    dx_expr *second;          /* LINE, order 2: d2y/dx2 there, exact, and its number */
    double second_num;
} dx_implicit_result;

/* dy/dx (order 1) or also d2y/dx2 (order 2) on F = 0, y a function of x; with x0 and y0 (both
 * or neither, closed expressions) the tangent there. DX_OK with *out filled; an error on ctx:
 * DX_EUSAGE (x or y not a variable of F, another variable in F, the point not on the curve,
 * order not 1 or 2), DX_EDOMAIN (F or a derivative undefined at the point). */
DX_API dx_status dx_implicit(dx_ctx *ctx, dx_expr *F, const char *x, const char *y, unsigned order, dx_expr *x0,
                             dx_expr *y0, dx_implicit_result *out);
/* The report `dfdx implicit` prints, appended to out. */
DX_API void dx_show_implicit(dx_ctx *ctx, const dx_implicit_result *r, dx_show how, dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
