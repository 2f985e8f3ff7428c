/* dfdx: plot (public API; see include/dfdx.h for contexts, errors and messages).
 * Plots: sampled curves, a y-range robust to poles, nice ticks, and the terminal text picture.
 * A program draws the struct dx_plot itself (into a file, say) or asks for the text picture. */
#ifndef DFDX_PLOT_H
#define DFDX_PLOT_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DX_PLOT_MAX_SERIES 8
#define DX_PLOT_MAX_MARKS 64
#define DX_PLOT_MAX_TICKS 24
#define DX_PLOT_MAX_POINTS 100000 /* samples of a curve, points of a path */
#define DX_PLOT_LABEL 200

/* A curve sampled at the plot's x[], or a path of its own points (px, py: a descent). A line is
 * drawn from point i to i+1 only when both are finite and brk[i] is 0: NaN marks a point
 * outside the domain, brk a pole or jump found between two samples. */
typedef struct dx_plot_series {
    char label[DX_PLOT_LABEL]; /* the caller's legend text, copied (cut to fit) */
    double *px, *py;
    unsigned char *brk;
    size_t n;
    bool is_path; /* drawn with a dot at every point */
    bool ranged;  /* counts toward the y-range (a tangent line does not) */
    bool has_range;
    bool wild;       /* it has a pole or a domain edge */
    double rlo, rhi; /* its own robust range (see dx_plot_finish) */
} dx_plot_series;

typedef struct dx_plot_mark {
    double x, y;
    char label[64]; /* the caller's, copied; "" for none */
    bool minimum;   /* a local minimum (dx_plot_mark_extrema): a picture puts its label under it */
} dx_plot_mark;

typedef struct dx_plot {
    double x0, x1;         /* the x view: the sampled interval */
    double ylo, yhi;       /* the robust data range (dx_plot_finish) */
    double y0, y1;         /* the y view: the range widened to whole ticks, or by a small margin
                            * where data lies on a tick (dx_plot_ticks_for) */
    size_t n;              /* samples per curve */
    size_t ns, nm;
    dx_plot_series s[DX_PLOT_MAX_SERIES];
    dx_plot_mark m[DX_PLOT_MAX_MARKS];
    double xt[DX_PLOT_MAX_TICKS], yt[DX_PLOT_MAX_TICKS], xstep, ystep;
    dx_msg empty;          /* why the first curve has no finite value, at one point (DX_M_PLOT_EMPTY_AT,
                            * its cause nested; DX_M_NONE when it has); owned by the context */
    size_t nxt, nyt;
} dx_plot;

/* A plot of [x0, x1] with n samples per curve (2 <= n <= DX_PLOT_MAX_POINTS). NULL with the
 * error recorded on ctx for a bad interval or size. The caller owns the plot and frees it
 * with dx_plot_free; its messages live as long as the context. */
DX_API dx_plot *dx_plot_new(dx_ctx *ctx, double x0, double x1, size_t n);
DX_API void dx_plot_free(dx_plot *p);

/* Sample e (whose only variable may be var) over the plot with the compiled evaluator. Points
 * outside the domain become NaN; where two neighbouring samples jump far apart, bisection
 * tells a pole or jump (the gap stays large) from a steep stretch (it shrinks), and the curve
 * is broken there. ranged: whether the curve decides the y-range. within_first: undefined
 * wherever the first curve is (a derivative shares f's domain: ln's 1/x is not drawn at x<0).
 * DX_OK, or an error on ctx. */
DX_API dx_status dx_plot_add_expr(dx_plot *p, dx_ctx *ctx, const dx_expr *e, const char *var,
                                     const char *label, bool ranged, bool within_first);
/* A path of n points drawn over the curves (the positions of a descent, say); it counts
 * toward the y-range. The points are copied. */
DX_API dx_status dx_plot_add_path(dx_plot *p, dx_ctx *ctx, const double *xs, const double *ys, size_t n,
                                     const char *label);
/* A marked point (a tangent point, a critical point), with an optional label. */
DX_API dx_status dx_plot_add_mark(dx_plot *p, dx_ctx *ctx, double x, double y, const char *label);

/* The tangent of f at A (the number at, exactly; at_value in double, written at_text by the
 * user) with its point marked:
 * y = f(A) + f'(A)*(x - A), built exactly where A is exact; labelled with the line when f(A)
 * and f'(A) are plain numbers, else in decimals. df is f' by var. DX_EUSAGE
 * (DX_M_PLOT_NO_TANGENT) when f or f' is undefined at A. */
DX_API dx_status dx_plot_add_tangent(dx_plot *p, dx_ctx *ctx, dx_expr *f, dx_expr *df, const char *var, dx_expr *at,
                                     double at_value, const char *at_text);
/* The critical points of f by var in view (as `dfdx extrema` finds them), each marked on f,
 * the first `labelled` of them with their kind and point ("local max (-1, 2)"); where
 * on_derivative, the same x marked where f' crosses 0. *note says when there was none to mark
 * (DX_M_PLOT_NO_CRITICAL; DX_M_NONE otherwise). DX_OK or the error on ctx. */
DX_API dx_status dx_plot_mark_extrema(dx_plot *p, dx_ctx *ctx, dx_expr *f, const char *var, bool on_derivative,
                                      size_t labelled, dx_msg *note);

/* Choose the y-range. Each ranged curve has its own: all its values; a curve with a pole or an
 * edge of its domain (a break, or a value beside an undefined point) takes the 10% and 90%
 * quantiles widened by half their spread, so the pole's huge values cannot blow the range up. The view holds f
 * (the first curve) and the paths; each other curve may widen it by at most its height on either
 * side (half, for a wild curve), so a derivative cannot flatten f. DX_EDOMAIN when no curve is defined anywhere
 * on the interval. Then ticks as for dx_plot_ticks_for(p, 8, 6). */
DX_API dx_status dx_plot_finish(dx_plot *p, dx_ctx *ctx);
/* Ticks for at most about nx x-ticks and ny y-ticks; the y view becomes whole y-ticks. */
DX_API void dx_plot_ticks_for(dx_plot *p, size_t nx, size_t ny);

/* Nice tick values (1, 2 or 5 times a power of ten) inside [lo, hi], at most about max of
 * them, into t[DX_PLOT_MAX_TICKS]; *step is their spacing. Returns the count. */
DX_API size_t dx_plot_nice_ticks(double lo, double hi, size_t max, double *t, double *step);
/* A tick value written with as many decimals as the step needs ("0.5", "-2", "1e+06"). */
DX_API void dx_plot_tick_label(double v, double step, char *buf, size_t size);

/* Clip the segment (ax,ay)-(bx,by) to the box [x0,x1]x[y0,y1] (Liang-Barsky). False when
 * nothing of it is inside; else the endpoints are moved onto the box. */
DX_API bool dx_plot_clip(double *ax, double *ay, double *bx, double *by, double x0, double x1, double y0,
                            double y1);

enum { DX_PLOT_ASCII = 1, DX_PLOT_COLOR = 2 };
/* The plot as terminal text of cols x rows characters (legend included): Unicode braille
 * (2x4 dots a cell), or plain characters with DX_PLOT_ASCII; ANSI colours with DX_PLOT_COLOR.
 * Sets the ticks for that size. malloc'd; NULL with the error on ctx (too small a size). */
DX_API char *dx_plot_text(dx_plot *p, dx_ctx *ctx, int cols, int rows, unsigned flags);

#ifdef __cplusplus
}
#endif

#endif
