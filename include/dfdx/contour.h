/* dfdx: contour plots of f(x, y) (public API; see include/dfdx.h for contexts, errors and messages).
 * A sampled grid, its contour lines at chosen levels (marching squares), and what is drawn over
 * them: marked points (critical points, a point of a curve), paths (a descent), lines (a tangent).
 * A program draws the struct dx_contour itself (into a file, say) or asks for the terminal picture. */
#ifndef DFDX_CONTOUR_H
#define DFDX_CONTOUR_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* From descend.h and implicit.h, which include this header through dfdx.h (C11 allows the typedef twice). */
typedef struct dx_descent dx_descent;
struct dx_implicit_result;

#define DX_CONTOUR_MAX_GRID 401 /* grid points per axis */
#define DX_CONTOUR_MAX_LEVELS 24
#define DX_CONTOUR_MAX_MARKS 32
#define DX_CONTOUR_MAX_PATHS 4
#define DX_CONTOUR_MAX_LINES 4
#define DX_CONTOUR_LABEL 200
#define DX_CONTOUR_MAX_TICKS 24 /* DX_PLOT_MAX_TICKS: dx_plot_nice_ticks fills them */

/* One piece of a contour line, from (ax, ay) to (bx, by), inside one grid cell. */
typedef struct dx_contour_seg {
    double ax, ay, bx, by;
} dx_contour_seg;

/* The contour line f = value: its segments, in the order of the grid's cells. */
typedef struct dx_contour_level {
    double value;
    double step; /* the spacing its value is written with (dx_contour_level_label) */
    dx_contour_seg *seg;
    size_t nseg;
} dx_contour_level;

/* What a marked point is; a picture draws each kind with its own shape. */
typedef enum dx_contour_mark_kind {
    DX_CMARK_MIN,        /* a local minimum (the Hessian's test) */
    DX_CMARK_MAX,        /* a local maximum */
    DX_CMARK_SADDLE,     /* a saddle point */
    DX_CMARK_DEGENERATE, /* a critical point the test does not decide */
    DX_CMARK_POINT,      /* a point named by the user (a tangent's point) */
    DX_CMARK_START,      /* where a path starts */
    DX_CMARK_END         /* where a path ends */
} dx_contour_mark_kind;

typedef struct dx_contour_mark {
    double x, y;
    dx_contour_mark_kind kind;
    char label[96]; /* "min (1, 0)", translated; "" for none */
} dx_contour_mark;

/* A path of points (a descent's positions), drawn with a dot at every point. */
typedef struct dx_contour_path {
    char label[DX_CONTOUR_LABEL];
    double *px, *py;
    size_t n;
} dx_contour_path;

/* A straight line through the view, already clipped to it (a tangent). */
typedef struct dx_contour_line {
    char label[DX_CONTOUR_LABEL];
    double ax, ay, bx, by;
} dx_contour_line;

typedef struct dx_contour {
    double x0, x1, y0, y1;  /* the view: the sampled box */
    size_t nx, ny;          /* grid points per axis */
    double *z;              /* z[j*nx + i] = f(x_i, y_j), NaN where f is undefined */
    double zlo, zhi;        /* the least and greatest finite value of z */
    char xname[32], yname[32];
    char label[DX_CONTOUR_LABEL]; /* what is drawn: "f(x, y) = ...", "x^2 + y^2 = 25" */
    bool curve;             /* an implicit curve F = 0: the one level 0, drawn as the curve */
    bool equal;             /* x and y are lengths of one kind: drawn with equal scales */
    dx_contour_level lev[DX_CONTOUR_MAX_LEVELS];
    size_t nlev;
    dx_contour_mark m[DX_CONTOUR_MAX_MARKS];
    size_t nm;
    dx_contour_path path[DX_CONTOUR_MAX_PATHS];
    size_t np;
    dx_contour_line line[DX_CONTOUR_MAX_LINES];
    size_t nl;
    double xt[DX_CONTOUR_MAX_TICKS], yt[DX_CONTOUR_MAX_TICKS], xstep, ystep; /* ticks (dx_contour_ticks_for) */
    size_t nxt, nyt;
} dx_contour;

/* A contour plot of the box [x0, x1] x [y0, y1] with nx x ny grid points (2 .. DX_CONTOUR_MAX_GRID
 * each), whose axes are the variables xname and yname, label its legend text (copied). NULL with
 * the error on ctx for an empty box or a bad size. The caller frees it with dx_contour_free. */
DX_API dx_contour *dx_contour_new(dx_ctx *ctx, double x0, double x1, double y0, double y1, size_t nx, size_t ny,
                                  const char *xname, const char *yname, const char *label);
DX_API void dx_contour_free(dx_contour *c);

/* Sample f (whose variables are among the two axes) on the grid with the compiled evaluator;
 * NaN outside its domain. DX_OK, or the error on ctx (another variable: DX_EUSAGE; no finite
 * value anywhere: DX_EDOMAIN). */
DX_API dx_status dx_contour_sample(dx_contour *c, dx_ctx *ctx, const dx_expr *f);
/* Sample the loss of a descent of two variables (on data, the mean over the rows) on the grid:
 * the axes are its two descent variables. DX_OK, or the error on ctx. */
DX_API dx_status dx_contour_sample_descent(dx_contour *c, dx_ctx *ctx, dx_descent *d);

/* How the levels are spaced when not given. */
typedef enum dx_contour_spacing {
    DX_LEVELS_EVEN, /* nice numbers evenly spaced between the 2% and 98% quantiles of the values
                     * (the 90% or 75% where that leaves the lower half of the values with fewer
                     * than a third of the levels: f growing fast towards the edges) */
    DX_LEVELS_LOG   /* a loss (values >= 0): 1, 2, 5 times powers of ten from the top down to a
                     * thousandth of it, so the rings close in on the minimum (even spacing when f
                     * goes below 0 or that gives fewer than 5 levels) */
} dx_contour_spacing;

/* The contour lines: at levels[0..n) when levels is not NULL (ascending, at most
 * DX_CONTOUR_MAX_LEVELS), else about count levels spaced as said; for an implicit curve the one
 * level 0. Marching squares on each grid cell (a saddle cell is split by its centre's value);
 * where f is given (the sampled expression), each crossing of a cell's edge is refined on that
 * edge by regula falsi to |f - level| within 1e-9 of the values' range, so every segment's ends
 * lie on the level. DX_OK or the error on ctx. */
DX_API dx_status dx_contour_levels(dx_contour *c, dx_ctx *ctx, const dx_expr *f, const double *levels, size_t n,
                                   size_t count, dx_contour_spacing spacing);

/* The value of level k as a picture writes it on its line ("0.5", "20"), into buf. */
DX_API void dx_contour_level_label(const dx_contour *c, size_t k, char *buf, size_t size);

/* Where a level's value reads best: the indices of up to max of its segments, nearest first to
 * the centre of the level's segments (the middle of a line across the view, a point on the
 * inner side of a ring), into idx. Returns how many. */
DX_API size_t dx_contour_label_spots(const dx_contour *c, size_t k, size_t *idx, size_t max);

/* The critical points of f in view, as `dfdx extrema` finds them (a polynomial: all, certified;
 * others: Newton from a grid on the view's box), each marked with its kind and labelled
 * ("min (1, 0)") up to labelled of them. Where the levels are traced already and a minimum lies
 * below the lowest (a maximum above the highest), a level at a nice value between is added, so
 * it has a ring of its own. *note is DX_M_CONTOUR_NO_CRITICAL when none is in view,
 * DX_M_NONE otherwise. DX_OK or the error on ctx. */
DX_API dx_status dx_contour_mark_critical(dx_contour *c, dx_ctx *ctx, dx_expr *f, size_t labelled, dx_msg *note);
/* The same with the search done already: found is dx_extrema2 of f on the view's box, or on any
 * box when it searched f as a polynomial (method not DX_EX2_BOX: its points do not depend on
 * the box), so that a caller that searched to choose the view does not search twice. found
 * stays the caller's. */
DX_API dx_status dx_contour_mark_found(dx_contour *c, dx_ctx *ctx, dx_expr *f, const dx_extrema2_result *found,
                                       size_t labelled, dx_msg *note);
/* A marked point with its kind and label (copied, may be NULL). */
DX_API dx_status dx_contour_add_mark(dx_contour *c, dx_ctx *ctx, double x, double y, dx_contour_mark_kind kind,
                                     const char *label);
/* A path of n >= 1 points (copied), with its start (unless a path already starts there) and end marked. */
DX_API dx_status dx_contour_add_path(dx_contour *c, dx_ctx *ctx, const double *xs, const double *ys, size_t n,
                                     const char *label);
/* The tangent of an implicit result at its point (r->at): the line (vertical where r says so)
 * through the view, labelled with its equation, and the point marked. A singular point is only
 * marked. DX_OK or the error on ctx. */
DX_API dx_status dx_contour_add_tangent(dx_contour *c, dx_ctx *ctx, const struct dx_implicit_result *r);

/* Ticks for at most about nx x-ticks and ny y-ticks (the view does not change). */
DX_API void dx_contour_ticks_for(dx_contour *c, size_t nx, size_t ny);

/* The plot as terminal text of cols x rows characters (legend included): braille dots (plain
 * characters with DX_PLOT_ASCII), each level's value written on its line, marked points by
 * kind; ANSI colours by level with DX_PLOT_COLOR. malloc'd; NULL with the error on ctx. */
DX_API char *dx_contour_text(dx_contour *c, dx_ctx *ctx, int cols, int rows, unsigned flags);

/* The plot's data as one JSON object appended to out: the box, the grid size, the value range,
 * each level with its segments ([ax, ay, bx, by] each), the marks, paths and lines. */
DX_API void dx_show_contour(dx_ctx *ctx, const dx_contour *c, dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
