/* dfdx: derivative (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_DERIVATIVE_H
#define DFDX_DERIVATIVE_H

#include "../dfdx.h"
#include "value.h" /* dx_value: a derivative at a point */

#ifdef __cplusplus
extern "C" {
#endif

/* New nodes one call of dx_derivative may build (all orders together). High orders of x^x or
 * exp(sin(x)) grow without end: this bound turns minutes and gigabytes into an error within
 * seconds, and leaves every derivative a student asks for untouched (the 1000th of x^40, the
 * 100th of x^x, the 500th of tan(x) stay below it). */
#define DX_DERIVATIVE_NODES ((size_t)1000 * 1000)

/* The order-th derivative of e by var exactly as dfdx shows it: simplified (dx_simplify) after
 * each order, so a higher derivative starts from the tidy form and diff, steps and check can
 * never disagree. The result belongs to ctx. NULL on error: past DX_DERIVATIVE_NODES new nodes,
 * DX_ELIMIT with DX_M_DERIVATIVE_TOO_LARGE (order, bound, the order reached). */
DX_API dx_expr *dx_derivative(dx_ctx *ctx, dx_expr *e, const char *var, unsigned order);

/* One side's derivative at a kink: the limit of the difference quotient from that side. */
typedef enum dx_slope_kind {
    DX_SLOPE_VALUE,      /* a finite value */
    DX_SLOPE_POS_INF,    /* oo */
    DX_SLOPE_NEG_INF,    /* -oo */
    DX_SLOPE_OSCILLATES, /* no limit: it keeps moving */
    DX_SLOPE_UNDEFINED,  /* f is not defined on this side */
    DX_SLOPE_UNKNOWN     /* could not be decided */
} dx_slope_kind;

typedef struct dx_slope {
    dx_slope_kind kind;
    dx_expr *exact; /* DX_SLOPE_VALUE found exactly, else NULL; belongs to the context */
    double value;   /* DX_SLOPE_VALUE: its number */
    dx_msg why;     /* DX_SLOPE_UNKNOWN: how it was tried (an argument of DX_M_SLOPE_UNKNOWN) */
} dx_slope;

/* What an abs or relu does to f at its point, decided from the one-sided limits of f and f'
 * there, not from the abs's presence: x*abs(x) is differentiable at 0, abs(x)/x jumps. */
typedef enum dx_kink_kind {
    DX_KINK_UNDECIDED, /* no point, or the limits could not decide */
    DX_KINK_CORNER,    /* continuous, one-sided derivatives differ or are infinite (abs(x)) */
    DX_KINK_SMOOTH,    /* differentiable after all: equal finite one-sided derivatives (relu(x)^2) */
    DX_KINK_JUMP,      /* f's one-sided limits are finite and differ (abs(x)/x) */
    DX_KINK_POLE,      /* f tends to +-oo on a side (ln(abs(x)), 1/abs(x)) */
    DX_KINK_HOLE       /* f is undefined there but has a limit (x*abs(x)/x): removable */
} dx_kink_kind;

/* Where f' is undefined because of an abs or relu: where u = 0. */
typedef struct dx_kink {
    dx_expr *u;          /* the argument of the abs or relu (it depends on the variable) */
    dx_expr *at;         /* the point where u = 0 when u is linear in the variable, else NULL */
    dx_kink_kind kind;   /* at is set: what happens there */
    dx_slope fleft, fright; /* at is set: f's one-sided limits (DX_KINK_JUMP, _POLE, _HOLE) */
    bool sided;          /* at is set and both one-sided derivatives there were found: */
    dx_slope left, right;
} dx_kink;

/* Kinks a result lists at most (dfdx diff names each on a line of its own). */
#define DX_MAX_KINKS 8

/* What dfdx diff shows: the derivative and where f is not differentiable. Pointers belong to
 * the context and stay valid until it is freed; the struct owns no memory. */
typedef struct dx_derived {
    dx_expr *f;
    const char *var;
    unsigned order;
    dx_expr *derivative; /* dx_derivative(f, var, order) */
    size_t nkinks;       /* order >= 1: the kinks of f, at most DX_MAX_KINKS */
    dx_kink kink[DX_MAX_KINKS];
} dx_derived;

/* Fill *out for f, var and order. DX_OK, or the status of dx_derivative's error (left on ctx);
 * a kink whose point or sides cannot be found is listed without them, not an error. */
DX_API dx_status dx_derive(dx_ctx *ctx, dx_expr *f, const char *var, unsigned order, dx_derived *out);

/* The gradient: every partial derivative of f (as dx_derivative), by the variables of f in
 * alphabetical order. Arrays and expressions belong to the context (valid until it is freed). */
typedef struct dx_grad {
    dx_expr *f;
    size_t n;
    const char *const *vars;
    dx_expr *const *partial; /* partial[i] = d f / d vars[i] */
} dx_grad;

/* DX_OK, or an error status with the error on ctx (then *out is empty). */
DX_API dx_status dx_gradient(dx_ctx *ctx, dx_expr *f, dx_grad *out);

/* Derivatives at a point (dfdx diff --at, dfdx grad with w=1 b=2): names[i] = values[i] put
 * into each derivative exactly. A point that gives every variable a value gives numbers; one
 * that leaves some free gives expressions in those (the gradient by w and b at x = 2, y = 3).
 * Arrays and expressions belong to the context. */
typedef struct dx_at {
    size_t npoint;
    const char *const *names;
    dx_expr *const *values;
    size_t n;
    dx_expr **at;     /* derivative i at the point, simplified */
    dx_value *value;  /* where at[i] has no variable left: its value (as dfdx eval shows it);
                       * value[i].input is NULL otherwise */
} dx_at;

/* d[0..n) at the point into *out: DX_OK, or an error on ctx (a name given twice, a value that
 * is not a closed expression, a derivative undefined there: DX_EDOMAIN, the cause nested). */
DX_API dx_status dx_derivatives_at(dx_ctx *ctx, dx_expr *const *d, size_t n, const char *const *names,
                                   dx_expr *const *values, size_t npoint, dx_at *out);

/* The texts dfdx prints on stdout for a derivative and a gradient. */
DX_API void dx_show_derivative(dx_ctx *ctx, const dx_derived *r, dx_show how, dx_buf *out);
DX_API void dx_show_gradient(dx_ctx *ctx, const dx_grad *g, dx_show how, dx_buf *out);
/* The same followed by their values at a point (a: of r->derivative, of g's partials), in one
 * JSON object with "at" and "value" (derivative) or "values" (gradient). */
DX_API void dx_show_derivative_at(dx_ctx *ctx, const dx_derived *r, const dx_at *a, dx_show how, dx_buf *out);
DX_API void dx_show_gradient_at(dx_ctx *ctx, const dx_grad *g, const dx_at *a, dx_show how, dx_buf *out);
/* A kink of r as one note (DX_M_KINK_AT_SIDES, DX_M_KINK_AT or DX_M_KINK_WHERE), without a
 * prefix or newline; the points in plain form, the one-sided derivatives in how's form. */
DX_API void dx_show_kink(dx_ctx *ctx, const dx_derived *r, size_t i, dx_show how, dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
