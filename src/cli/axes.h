/* What both Cairo pictures (draw.c: curves, draw_contour.c: f(x, y)) draw alike: text placed by
 * an anchor, the grid at the ticks and the ticks' labels around the plot area. */
#ifndef DX_CLI_AXES_H
#define DX_CLI_AXES_H

#include <cairo.h>
#include <stddef.h>

typedef struct {
    double l, r, t, b;         /* the plot area in pixels */
    double x0, x1, y0, y1;     /* the view */
    const double *xt, *yt;     /* ticks */
    size_t nxt, nyt;
    double xstep, ystep;       /* their spacing, for the labels' digits */
} cli_axes;

/* s with its point (ax, ay) of its box (0 left/top, 1 right/bottom) at (x, y). */
void cli_text_at(cairo_t *cr, const char *s, double x, double y, double ax, double ay);
/* The grid lines at the ticks, in the current source and line width, on whole pixels. */
void cli_axes_grid(cairo_t *cr, const cli_axes *a);
/* The ticks' labels under and left of the area, in family at 11 points. */
void cli_axes_labels(cairo_t *cr, const char *family, const cli_axes *a);

#endif
