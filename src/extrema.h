/* Critical points of a function of one variable, classified, with global extremes. */
#ifndef DX_EXTREMA_H
#define DX_EXTREMA_H

#include "expr.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum dx_cp_kind { DX_CP_MIN, DX_CP_MAX, DX_CP_NEITHER } dx_cp_kind;

/* A point of the graph. exact / exact_value: malloc'd text of the exact x and f(x)
 * ("2 - sqrt(3)", "1/2"), or NULL when only the decimals are known. */
typedef struct dx_xpoint {
    double x, value;
    char *exact, *exact_value;
} dx_xpoint;

typedef struct dx_crit {
    dx_xpoint at;
    dx_cp_kind kind;
    int mult;       /* multiplicity as a root of f' (polynomials); 0 when unknown */
    bool kink;      /* f' undefined here (abs(x - 1) at 1): f is not differentiable */
    char test[256]; /* the test that decided, in words: "second derivative: f''(1) = 6 > 0" */
} dx_crit;

/* Where a global extreme is, or why there is none. */
typedef struct dx_global {
    bool exists;
    dx_xpoint at;
    int endpoint;   /* -1 at the interval's start, +1 at its end, 0 inside */
    size_t ties;    /* further points with the same value (listed in tie_x) */
    double tie_x[4];
    char why[160];  /* when !exists: "f → +oo as x → +oo" */
} dx_global;

/* A stretch of the grid where f' is 0 at every point (relu(x) for x < 0; e^x where it
 * underflows): every point there is critical, reported as one interval, not thousands. */
typedef struct dx_flat {
    double from, to; /* the first and last grid points of the stretch */
    double value;    /* f at from */
} dx_flat;

typedef struct dx_extrema {
    bool polynomial;     /* exact method; otherwise the grid search below */
    int degree;          /* polynomials: the degree (0 for a constant) */
    bool interval;       /* a closed interval [from, to] was searched */
    double from, to;
    size_t grid;         /* grid search: number of steps, and their width */
    double step;
    dx_crit *crit;       /* ascending x */
    size_t ncrit;
    dx_xpoint *infl;     /* inflection points: f'' changes sign */
    size_t ninfl;
    dx_flat *flat;       /* grid search: stretches where f' = 0 throughout, ascending */
    size_t nflat;
    bool nowhere;        /* grid search: f is defined at no grid point of the interval */
    dx_global min, max;
} dx_extrema;

/* Every critical point of f (a function of var, a DX_SYM node) in [*from, *to], or on the
 * whole line for a polynomial when from and to are NULL (non-polynomials then use
 * [-10, 10]). from and to go together. DX_OK with *out filled (release with
 * dx_extrema_free), or an error recorded on ctx: DX_EUSAGE for from > to or a non-finite
 * end, DX_ELIMIT when the exact isolation is too large. */
DX_HIDDEN dx_status dx_extrema_find(dx_ctx *ctx, dx_expr *f, dx_expr *var, const double *from, const double *to,
                                    dx_extrema *out);
DX_HIDDEN void dx_extrema_free(dx_extrema *x);

/* "f''", "f'''", "f^(4)": the name of the k-th derivative. */
DX_HIDDEN const char *dx_extrema_dname(int k, char buf[16]);

#endif
