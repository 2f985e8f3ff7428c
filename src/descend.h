/* Gradient descent on a typed function: plain, momentum and Adam, with an honest status. */
#ifndef DX_DESCEND_H
#define DX_DESCEND_H

#include "expr.h"

/* Bounds on what a user may ask for: each is reported as an error, never truncated. */
#define DX_DESCEND_MAX_STEPS 1000000L
#define DX_DESCEND_MAX_VARS 64

typedef enum dx_descend_method { DX_GD, DX_MOMENTUM, DX_ADAM } dx_descend_method;

/* stopped: descent cannot go on for a reason that is neither convergence nor blow-up: the
 * gradient is undefined where it stands (sqrt(w) at 0, the edge of the domain) or the step
 * left f's domain (ln(w) from 1 with rate 2). A student expects "you fell off the function",
 * not "diverged". */
typedef enum dx_descend_status { DX_CONVERGED, DX_DIVERGED, DX_MAX_STEPS, DX_STOPPED } dx_descend_status;

/* Why a run stopped; the result's msg says it in words with the numbers. */
typedef enum dx_descend_why {
    DX_WHY_STEPS,         /* max_steps: the step limit was reached */
    DX_WHY_GRADIENT,      /* converged: the gradient norm fell below tol */
    DX_WHY_KINK,          /* converged: at a kink whose one-sided derivatives bracket 0 (abs(w) at 0) */
    DX_WHY_UPDATE,        /* converged: the update's norm fell below tol (plain descent only) */
    DX_WHY_NOT_FINITE,    /* diverged: position or loss overflowed to a non-finite value */
    DX_WHY_DOMAIN,        /* stopped: the step left the domain of f (ln of a negative, ...) */
    DX_WHY_NO_GRADIENT,   /* stopped: f is defined but its gradient is not, and it is no kink
                           * (sqrt(w) at 0: an edge of the domain or a vertical tangent) */
    DX_WHY_UNBOUNDED,     /* diverged: |loss| or |position| went past DX_DESCEND_HUGE */
    DX_WHY_GROWING        /* diverged: the loss grew for many steps in a row, past its start */
} dx_descend_why;

/* Past this, the next square overflows: the run has left any sensible scale. */
#define DX_DESCEND_HUGE 1e100

typedef struct dx_descend_opts {
    dx_descend_method method;
    double rate;  /* learning rate, > 0 */
    double beta;  /* momentum: velocity decay; adam: beta1 (first moment) */
    double beta2; /* adam: second moment decay */
    double eps;   /* adam: added to sqrt(v_hat) */
    double tol;   /* converged when the gradient (or, plain descent, the update) norm is below */
    long steps;   /* at most this many updates, 1 .. DX_DESCEND_MAX_STEPS */
} dx_descend_opts;

/* Are the options usable? false with the reason on ctx (DX_EUSAGE) otherwise. */
DX_HIDDEN bool dx_descend_check(dx_ctx *ctx, const dx_descend_opts *o);

/* rate 0.1, beta 0.9, beta2 0.999, eps 1e-8, tol 1e-8, 100 steps, plain descent. */
DX_HIDDEN void dx_descend_defaults(dx_descend_opts *o);

/* One row per update, as the lesson prints it: at position w (step k), the loss f(w), the
 * gradient f'(w) and the update, the signed change added to w (plain: -rate*f'(w)). The
 * arrays have one entry per descent variable and are valid only during the callback. */
typedef struct dx_descend_row {
    long step;
    const double *position;
    double loss;
    const double *gradient;
    double grad_norm;
    const double *update;
} dx_descend_row;

typedef void (*dx_descend_cb)(void *user, const dx_descend_row *row);

typedef struct dx_descend_result {
    dx_descend_status status;
    dx_descend_why why;
    long steps;         /* updates made */
    double loss;        /* at the final position; NaN when it is not defined there */
    double grad_norm;   /* at the final position; NaN when not defined */
    long reversals;     /* updates that pointed against the previous one (oscillation) */
    long subgradients;  /* steps taken at a kink, where f' is undefined, with a subgradient */
    char msg[320];      /* why it stopped, in words */
} dx_descend_result;

/* A function compiled for descent: f and every partial by the descent variables. */
typedef struct dx_descent dx_descent;

/* Compile f for descent over vars[0..nvars) (names), with every other variable of f fixed
 * at fixed_vals (names fixed[0..nfixed)). Partial derivatives are symbolic (dx_diff_by) and
 * compiled once. NULL with the error on ctx when a variable of f has no value (DX_EUSAGE
 * naming all of them), a name is given twice, or there are more than DX_DESCEND_MAX_VARS.
 * The caller frees the result with dx_descend_free. */
DX_HIDDEN dx_descent *dx_descend_prepare(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t nvars,
                                         const char *const *fixed, const double *fixed_vals, size_t nfixed);
DX_HIDDEN void dx_descend_free(dx_descent *d);
DX_HIDDEN size_t dx_descend_nvars(const dx_descent *d);

/* At a kink (relu(w) or abs(w) at 0) the partial derivative is undefined, but both
 * one-sided derivatives exist: descent then uses the subgradient nearest 0, the one of
 * [left, right] smallest in size, and stops there as converged when that is 0 (0 is in
 * the subdifferential: the kink is a minimum along that variable). */

/* Run from start (nvars values). pos receives the final position (nvars values). cb, when
 * not NULL, sees every row. Plain descent is exactly w <- w - rate*f'(w) in double, so the
 * trajectory is a student's Python loop number for number. Returns DX_OK (the status is in
 * *res, divergence included), or DX_EUSAGE for bad options (rate <= 0, steps out of range,
 * beta outside [0, 1), tol < 0) or DX_EDOMAIN when f is undefined at the start, with the
 * error on ctx. */
DX_HIDDEN dx_status dx_descend_run(dx_descent *d, dx_ctx *ctx, const double *start, const dx_descend_opts *o,
                                   dx_descend_cb cb, void *user, dx_descend_result *res, double *pos);

#endif
