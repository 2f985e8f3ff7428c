/* dfdx: descend (public API; see include/dfdx.h for contexts, errors and messages).
 * Gradient descent on a typed function: plain, momentum and Adam, with an honest status. */
#ifndef DFDX_DESCEND_H
#define DFDX_DESCEND_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bounds on what a user may ask for: each is reported as an error, never truncated. */
#define DX_DESCEND_MAX_STEPS 1000000L
#define DX_DESCEND_MAX_VARS 64
#define DX_DESCEND_MAX_RATES 16
/* Past this, the next square overflows: the run has left any sensible scale. */
#define DX_DESCEND_HUGE 1e100

typedef enum dx_descend_method { DX_GD, DX_MOMENTUM, DX_ADAM } dx_descend_method;

/* stopped: descent cannot go on for a reason that is neither convergence nor blow-up: the
 * gradient is undefined where it stands (sqrt(w) at 0, the edge of the domain) or the step
 * left f's domain (ln(w) from 1 with rate 2). A student expects "you fell off the function",
 * not "diverged". */
typedef enum dx_descend_status { DX_CONVERGED, DX_DIVERGED, DX_MAX_STEPS, DX_STOPPED } dx_descend_status;

/* Why a run stopped; the result's reason says it with the numbers. */
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

typedef struct dx_descend_opts {
    dx_descend_method method;
    double rate;  /* learning rate, > 0 */
    double beta;  /* momentum: velocity decay; adam: beta1 (first moment) */
    double beta2; /* adam: second moment decay */
    double eps;   /* adam: added to sqrt(v_hat) */
    double tol;   /* converged when the gradient (or, plain descent, the update) norm is below */
    long steps;   /* at most this many updates, 1 .. DX_DESCEND_MAX_STEPS */
} dx_descend_opts;

/* rate 0.1, beta 0.9, beta2 0.999, eps 1e-8, tol 1e-8, 100 steps, plain descent. */
DX_API void dx_descend_defaults(dx_descend_opts *o);
/* Are the options usable? false with the reason on ctx (DX_EUSAGE) otherwise. */
DX_API bool dx_descend_check(dx_ctx *ctx, const dx_descend_opts *o);

/* One row per update, as the lesson prints it: at position w (step k), the loss f(w), the
 * gradient f'(w) and the update, the signed change added to w (plain: -rate*f'(w)). The
 * arrays have one entry per descent variable. */
typedef struct dx_descend_row {
    long step;
    const double *position;
    double loss;
    const double *gradient;
    double grad_norm;
    const double *update;
} dx_descend_row;

typedef void (*dx_descend_cb)(void *user, const dx_descend_row *row);

/* How one run ended. */
typedef struct dx_descend_result {
    dx_descend_status status;
    dx_descend_why why;
    dx_msg reason;      /* why it stopped, with the numbers (its strings owned by the context) */
    long steps;         /* updates made */
    double loss;        /* at the final position; NaN when it is not defined there */
    double grad_norm;   /* at the final position; NaN when not defined */
    long reversals;     /* updates that pointed against the previous one (oscillation) */
    long subgradients;  /* steps taken at a kink, where f' is undefined, with a subgradient */
} dx_descend_result;

/* The catalogue's word for a status ("converged", "max_steps"). */
DX_API dx_msg dx_descend_status_msg(dx_descend_status s);

/* A function compiled for descent: f and every partial by the descent variables. */
typedef struct dx_descent dx_descent;

/* Compile f for descent over vars[0..nvars) (names), with every other variable of f fixed
 * at fixed_vals (names fixed[0..nfixed)). Partial derivatives are symbolic and compiled
 * once. NULL with the error on ctx when a variable of f has no value (DX_EUSAGE, the message
 * DX_M_NO_VALUE naming all of them), a name is given twice, or there are more than
 * DX_DESCEND_MAX_VARS. The caller frees the result with dx_descend_free. */
DX_API dx_descent *dx_descend_prepare(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t nvars,
                                      const char *const *fixed, const double *fixed_vals, size_t nfixed);
/* Data to descend on: columns[j][0..nrows) are the values of the variable names[j], one row
 * per example. The loss is then the mean of f over the rows, its gradient the mean of the
 * rows' gradients (batch gradient descent: linear and logistic regression).
 * batch, when 0 < batch < nrows, makes it mini-batch descent: each update uses the mean
 * gradient of the next batch rows of a shuffled order of the rows, reshuffled when they run
 * out (an epoch); seed fixes the shuffles, so a run repeats exactly, and every run (every
 * rate) sees the same batches. The loss reported is always the mean over all the rows. */
typedef struct dx_descend_data {
    const char *const *names;
    const double *const *columns;
    size_t ncolumns, nrows;
    size_t batch;            /* 0 (or >= nrows): every row in every update */
    unsigned long long seed; /* the shuffles' seed */
} dx_descend_data;
/* dx_descend_prepare on the mean of f over data's rows (nrows >= 1; the columns are read
 * while d lives). A domain error at a row names the row's values. */
DX_API dx_descent *dx_descend_prepare_data(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t nvars,
                                           const char *const *fixed, const double *fixed_vals, size_t nfixed,
                                           const dx_descend_data *data);
DX_API void dx_descend_free(dx_descent *d);
/* The gradient of the loss (on data, of its mean) at w (nvars values) into g: DX_OK, or the
 * evaluation's error (a partial undefined there) on ctx. */
DX_API dx_status dx_descend_gradient(dx_descent *d, dx_ctx *ctx, const double *w, double *g);
DX_API size_t dx_descend_nvars(const dx_descent *d);

/* At a kink (relu(w) or abs(w) at 0) the partial derivative is undefined, but both
 * one-sided derivatives exist: descent then uses the subgradient nearest 0, the one of
 * [left, right] smallest in size, and stops there as converged when that is 0 (0 is in
 * the subdifferential: the kink is a minimum along that variable). */

/* Run from start (nvars values). pos receives the final position (nvars values). cb, when
 * not NULL, sees every row (its arrays valid only during the call). Plain descent is exactly
 * w <- w - rate*f'(w) in double, so the trajectory is a student's Python loop number for
 * number. Returns DX_OK (the status is in *res, divergence included), or DX_EUSAGE for bad
 * options (rate <= 0, steps out of range, beta outside [0, 1), tol < 0) or DX_EDOMAIN when f
 * is undefined at the start (DX_M_DESCEND_START_UNDEF, its cause nested), with the error on
 * ctx. */
DX_API dx_status dx_descend_run(dx_descent *d, dx_ctx *ctx, const double *start, const dx_descend_opts *o,
                                dx_descend_cb cb, void *user, dx_descend_result *res, double *pos);

/* --- the whole lesson: one or several rates, their comparison, the critical points ---------- */

/* What a rate was, among several (the lesson's summary), judged by the outcome: the just-right
 * rate reached the lowest minimum any rate reached (the global one, where extrema gives it)
 * in the fewest steps; a rate that settled higher was trapped, in a minimum named; one that
 * diverges or keeps swinging is too large; one that reached the same minimum more slowly is
 * too small. */
typedef enum dx_descend_verdict {
    DX_VERDICT_NONE,        /* a single run: nothing to compare */
    DX_VERDICT_LEFT_DOMAIN, /* too large: stepped out of f's domain */
    DX_VERDICT_NO_GRADIENT, /* stopped: the gradient is undefined where it stands */
    DX_VERDICT_DIVERGED,    /* too large: diverged */
    DX_VERDICT_FASTEST,     /* just right: converged in the fewest steps */
    DX_VERDICT_LOWEST,      /* just right: the lowest final loss */
    DX_VERDICT_SWINGS,      /* too large: swings back and forth across the minimum */
    DX_VERDICT_SLOWER,      /* too small: converged, but in more steps */
    DX_VERDICT_CREEPING,    /* too small: still creeping towards the minimum */
    DX_VERDICT_TRAPPED,     /* settled in a worse minimum than another rate reached (the local
                             * minimum of w^4 - 8w^2 + 2w + 20 at 1.93, not the global at -2.06) */
    DX_VERDICT_KINK         /* swings across a kink for good (abs(w) with a fixed rate) */
} dx_descend_verdict;

/* The trajectory kept for pictures: every stride-th row's position (one variable only, else
 * NULL), loss and step, and the final point; at most 100000 points. */
typedef struct dx_descend_trace {
    double *x, *loss, *step;
    size_t n;
} dx_descend_trace;

typedef struct dx_descend_one {
    double rate;
    dx_descend_result res;
    double *position;       /* final, one per variable */
    /* the rows kept: the first head ones, then (after omitted rows not kept) the last ones */
    dx_descend_row *rows;
    size_t nrows, head;
    long omitted;
    dx_descend_trace trace; /* when asked for */
    dx_descend_verdict verdict;
    dx_msg judged;          /* the verdict in words, with where it ended (the trap named) */
    int rank;               /* several rates: 1 for the lowest final loss, 2 next, ...; 0 for a
                             * run that diverged or stopped (no final loss to compare) */
} dx_descend_one;

typedef enum dx_descend_cp_kind { DX_DESCEND_MIN, DX_DESCEND_MAX, DX_DESCEND_FLAT } dx_descend_cp_kind;

/* A critical point of a one-variable polynomial f (as `dfdx extrema` finds it). */
typedef struct dx_descend_cp {
    double x, value;
    dx_descend_cp_kind kind;
    bool global; /* a global minimum (several may be, with equal values) */
} dx_descend_cp;

/* What to run: descent on vars from start, the others fixed; each of rates[0..nrates) with
 * opts; rows kept per run (the first rows - rows/2 and the last rows/2); trace: keep the
 * trajectory for pictures. The strings and arrays are read during the call only. */
typedef struct dx_descend_request {
    const char *const *vars;
    const double *start;
    size_t nvars;
    const char *const *fixed;
    const double *fixed_vals;
    size_t nfixed;
    dx_descend_opts opts;
    const double *rates;
    size_t nrates;
    long rows;
    bool trace;
    const dx_descend_data *data; /* NULL: f itself is the loss */
} dx_descend_request;

typedef struct dx_descend_lesson {
    const dx_expr *f;
    dx_descend_opts opts;     /* as asked; rate is the first rate's */
    size_t nvars;
    const char **vars;        /* owned by the context */
    double *start;
    size_t nruns;
    dx_descend_one *runs;
    int best;                 /* several rates: the just-right run, -1 when none is */
    /* one variable, nothing fixed, f a polynomial of degree >= 2: its critical points */
    bool has_cps;
    size_t ncps;
    dx_descend_cp *cps;
    int global;               /* index of the lowest global minimum, -1 when f has none */
    dx_msg no_global;         /* why f has no global minimum (DX_M_NONE when it has one) */
    dx_msg remark;            /* one run: where it stopped against the critical points
                               * (DX_M_NONE when there is nothing to say) */
    size_t data_rows;         /* descent on data: the loss is the mean of f over these rows */
    size_t batch;             /* mini-batches of this many rows (0: every row in every update) */
    unsigned long long seed;  /* ... shuffled from this seed */
    double *least_squares;    /* on data, when the mean loss is quadratic in the descent
                               * variables (linear regression): its minimum in closed form,
                               * the normal equations solved; NULL otherwise */
} dx_descend_lesson;

/* Descent on f as the request says, every rate from the same start. NULL with the error on
 * ctx (bad options, a variable without a value, f undefined at the start, no memory). The
 * caller frees the result with dx_descend_lesson_free, which frees its arrays (rows, traces,
 * positions, critical points); expressions, names and messages in it belong to the context. */
DX_API dx_descend_lesson *dx_descend(dx_ctx *ctx, dx_expr *f, const dx_descend_request *req);
DX_API void dx_descend_lesson_free(dx_descend_lesson *l);

/* The lesson as `dfdx descend` prints it on stdout: the header, each run's table of rows
 * (table: also for several rates in plain form), its final line, the comparison of rates, the
 * critical points and the remark; or one JSON object. */
DX_API void dx_show_descend(dx_ctx *ctx, const dx_descend_lesson *l, dx_show how, bool table,
                             struct dx_buf *out);

/* f with variables names[0..n) replaced by exact values (w*x - y with x = 2 is a curve in w
 * alone, for pictures). NULL with the error on ctx. */
DX_API dx_expr *dx_descend_fix(dx_ctx *ctx, dx_expr *f, const char *const *names, dx_expr *const *values, size_t n);

#ifdef __cplusplus
}
#endif

#endif
