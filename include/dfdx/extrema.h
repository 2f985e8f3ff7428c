/* dfdx: extrema (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_EXTREMA_H
#define DFDX_EXTREMA_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum dx_cp_kind { DX_CP_MIN, DX_CP_MAX, DX_CP_NEITHER } dx_cp_kind;

/* A point of the graph: x and f(x) as doubles, and exactly (2 - sqrt(3), pi/2, 1/2) where
 * known, else NULL. The expressions belong to the context. A value past a double's range
 * (f of a degree-179 product, about 10^325) is big, its text ("1.23457e+325", 6 digits);
 * value is then the largest double of its sign (or the smallest, for an underflow). */
typedef struct dx_xpoint {
    double x, value;
    const dx_expr *exact, *exact_value;
    const char *big;
} dx_xpoint;

typedef struct dx_crit {
    dx_xpoint at;
    dx_cp_kind kind;
    int mult;    /* multiplicity as a root of f' (polynomials); 0 when unknown */
    bool kink;   /* f' undefined here (abs(x - 1) at 1): f is not differentiable */
    dx_msg test; /* the test that decided (DX_M_EXT_SECOND_EXACT, ..._KINK, ...): the
                  * derivative's name, the point, its value there and its sign */
} dx_crit;

/* Where a global extreme is, or why there is none. */
typedef struct dx_global {
    bool exists;
    dx_xpoint at;
    int endpoint;   /* -1 at the interval's start, +1 at its end, 0 inside */
    size_t flat;    /* 1 + the index of the flat stretch (dx_extrema_result.flat) where f takes
                     * this value throughout; 0 when at a point */
    size_t ties;    /* further points with the same value (listed in tie_x) */
    double tie_x[4];
    dx_msg why;     /* when !exists: DX_M_EXT_TENDS ("f → +oo as x → +oo"), ... */
} dx_global;

/* A stretch where f' is 0 at every grid point (relu(x) for x < 0; abs(x - 2) + abs(x + 1) on
 * [-1, 2]; e^x where it underflows): every point there is critical, reported as one interval,
 * not thousands. Its ends are the kinks that bound it where there are (exactly: -1 and 2),
 * else the first and last grid points of the stretch. */
typedef struct dx_flat {
    double from, to;
    double value;                  /* f at from */
    const dx_expr *exact_from, *exact_to, *exact_value; /* where known, else NULL */
    dx_cp_kind kind;               /* every point a (non-strict) local min, max, or neither:
                                    * by the sign of f' beyond the ends */
} dx_flat;

typedef struct dx_extrema_result {
    const dx_expr *f, *df; /* the function and its derivative (as dx_derivative gives it) */
    const char *var;       /* the variable, owned by the context */
    bool polynomial;       /* exact method; otherwise the grid search below */
    int degree;            /* polynomials: the degree (0 for a constant) */
    bool interval;         /* a closed interval [from, to] was searched */
    double from, to;
    size_t grid;           /* grid search: number of steps, and their width */
    double step;
    dx_crit *crit;         /* ascending x */
    size_t ncrit;
    dx_xpoint *infl;       /* inflection points: f'' changes sign */
    size_t ninfl;
    dx_flat *flat;         /* grid search: stretches where f' = 0 throughout, ascending */
    size_t nflat;
    bool nowhere;          /* grid search: f is defined at no grid point of the interval */
    dx_global min, max;
} dx_extrema_result;

/* Every critical point of f (a function of the variable var) in [*from, *to], classified,
 * with its inflection points and global extremes; on the whole line for a polynomial when
 * from and to are NULL (other functions then use [-10, 10]). from and to go together.
 * DX_OK with *out filled, or an error on ctx: DX_EUSAGE for from > to or a non-finite end,
 * DX_ELIMIT when the exact isolation is too large. The arrays of *out are the caller's
 * (dx_extrema_free); its expressions and strings live as long as the context. */
DX_API dx_status dx_extrema(dx_ctx *ctx, dx_expr *f, const char *var, const double *from, const double *to,
                            dx_extrema_result *out);
/* Releases the arrays of x (not the expressions: the context owns them) and zeroes it. */
DX_API void dx_extrema_free(dx_extrema_result *x);

/* The report `dfdx extrema` prints, appended to out: plain text, text with LaTeX
 * mathematics, or one JSON object (each ending in a newline). */
DX_API void dx_show_extrema(dx_ctx *ctx, const dx_extrema_result *x, dx_show how, struct dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
