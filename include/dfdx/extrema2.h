/* dfdx: critical points of functions of two or three variables (public API; see
 * include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_EXTREMA2_H
#define DFDX_EXTREMA2_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DX_EXTREMA2_MAX_VARS 3
/* Polynomials of higher total degree are searched on the box like other functions. */
#define DX_EXTREMA2_MAX_DEGREE 16

/* The second-derivative test with the Hessian H: min (H positive definite), max (negative
 * definite), saddle (indefinite), degenerate (det H = 0: the test does not decide). */
typedef enum dx_cp2_kind { DX_CP2_MIN, DX_CP2_MAX, DX_CP2_SADDLE, DX_CP2_DEGENERATE } dx_cp2_kind;

typedef struct dx_crit2 {
    double at[DX_EXTREMA2_MAX_VARS];          /* the point, as doubles */
    const dx_expr *exact[DX_EXTREMA2_MAX_VARS]; /* its coordinates exactly where known, else NULL */
    double value;
    const dx_expr *exact_value;
    dx_cp2_kind kind;
    bool certified;  /* polynomials: proved a critical point, exactly (rational coordinates) or by
                        interval arithmetic (a Krawczyk test on a box around it); the kind is
                        then proved too */
    double det;      /* det H there (doubles; for the report) */
    double hxx;      /* the first diagonal entry of H there */
    const dx_expr *exact_det, *exact_hxx; /* the same exactly, where every coordinate is exact */
    dx_msg lines;    /* degenerate with rational coordinates: what f does along lines through the
                        point (DX_M_EX2_LINE_*); it may decide saddle; else DX_M_NONE */
} dx_crit2;

/* A component of a curve of critical points, classified along it: every point a local min
 * (not strict), a max, no extremum (f - f on it changes sign across the curve), min at some
 * points and max at others, or undecided. */
typedef enum dx_curve2_kind { DX_CV2_MIN, DX_CV2_MAX, DX_CV2_NEITHER, DX_CV2_VARIES, DX_CV2_UNDECIDED } dx_curve2_kind;

typedef struct dx_curve2 {
    const dx_expr *eq;     /* the component eq = 0: a factor of the curve, integer coefficients */
    dx_curve2_kind kind;
    bool proved;           /* exactly, from f - value = eq^k * Q and Q's sign; else only seen at
                              the sampled points (the trace of H there) */
    bool seen;             /* a real point of it seen */
    const dx_expr *value;  /* f on it exactly, when found (else NULL) */
    size_t samples;        /* points of it where the trace of H was looked at */
    dx_msg says;           /* why it has its kind (DX_M_EX2_COMP_*) */
} dx_curve2;

typedef enum dx_extrema2_method {
    DX_EX2_RESULTANT, /* polynomial in two variables: every critical point, none missed */
    DX_EX2_BOX,       /* other functions: grid and Newton on a box */
    DX_EX2_GROEBNER   /* polynomial in three variables: every critical point, none missed */
} dx_extrema2_method;

/* GROEBNER with infinitely many critical points: at most this many equations are kept. */
#define DX_EXTREMA3_MAX_EQS 8

typedef struct dx_extrema2_result {
    const dx_expr *f;
    size_t n;
    const char *vars[DX_EXTREMA2_MAX_VARS];
    dx_extrema2_method method;
    int degree;          /* RESULTANT: f's total degree, and the degrees of the eliminants */
    int res_degree[2];   /* Res_y(f_x, f_y) in x, Res_x(f_x, f_y) in y */
    bool curve;          /* RESULTANT: f_x and f_y share a factor C: every real point of the
                            curve C = 0 is a critical point (infinitely many); the points
                            listed are the others. GROEBNER: dim is 1 or 2 (see eq) */
    const dx_expr *curve_eq; /* C, with integer coefficients, squarefree, as the product of its
                                components (the curve is curve_eq = 0) */
    dx_curve2 *comp;     /* C's factors: content in each variable, rational linear factors, the
                            rest unfactored (the array is the result's) */
    size_t ncomp;
    bool curve_seen;     /* C = 0 has a real point (C is 0 at, or changes sign between, points
                            of a grid): else it may have none, and then no point is on it */
    size_t uncertain;    /* RESULTANT: listed points not certified (see dx_crit2.certified) */
    double from[DX_EXTREMA2_MAX_VARS], to[DX_EXTREMA2_MAX_VARS]; /* BOX */
    size_t grid;         /* BOX: grid points per axis */
    dx_crit2 *crit;      /* ascending by the first coordinate, then the second */
    size_t ncrit;
    /* GROEBNER: the dimension of the complex zero set of the gradient (0: finitely many points,
     * listed; 1 a curve, 2 a surface, 3 f constant: then no point is listed); the degrees of
     * the minimal polynomials of x, y and z modulo the gradient's ideal (dimension 0) */
    int dim;
    int minpoly_degree[3];
    /* dimension 1 or 2: the critical points are the common zeros of eq[0..neq) (a reduced
     * Groebner basis, integer coefficients); eqs_left of them did not fit */
    const dx_expr *eq[DX_EXTREMA3_MAX_EQS];
    size_t neq, eqs_left;
} dx_extrema2_result;

/* The critical points of f, a function of vars[0..n) (n = 2 or 3; vars NULL: every variable
 * of f). A polynomial in two or three variables: all of them on the whole plane or space,
 * certified (from and to are ignored); otherwise those on the box from[i] <= vars[i] <= to[i] (NULL: [-10, 10]
 * each), by a grid of starting points and Newton's method, not certified. DX_OK with *out
 * filled; an error on ctx (DX_EUSAGE: not 2 or 3 variables, an empty box). The array of *out
 * is the caller's (dx_extrema2_free). */
DX_API dx_status dx_extrema2(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t n, const double *from,
                             const double *to, dx_extrema2_result *out);
DX_API void dx_extrema2_free(dx_extrema2_result *r);
/* The report `dfdx extrema` prints for a function of several variables, appended to out. */
DX_API void dx_show_extrema2(dx_ctx *ctx, const dx_extrema2_result *r, dx_show how, dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
