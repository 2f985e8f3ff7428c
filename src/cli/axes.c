/* The grid and tick labels of a Cairo picture (see axes.h). */
#include "axes.h"
#include "dfdx/plot.h"

#include <math.h>

static double ax_x(const cli_axes *a, double x) { return a->l + (x - a->x0) / (a->x1 - a->x0) * (a->r - a->l); }
static double ax_y(const cli_axes *a, double y) { return a->b - (y - a->y0) / (a->y1 - a->y0) * (a->b - a->t); }

void cli_text_at(cairo_t *cr, const char *s, double x, double y, double ax, double ay)
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    cairo_move_to(cr, x - e.x_bearing - ax * e.width, y - e.y_bearing - ay * e.height);
    cairo_show_text(cr, s);
}

void cli_axes_grid(cairo_t *cr, const cli_axes *a)
{
    for (size_t i = 0; i < a->nxt; i++) {
        cairo_move_to(cr, floor(ax_x(a, a->xt[i])) + 0.5, a->t);
        cairo_line_to(cr, floor(ax_x(a, a->xt[i])) + 0.5, a->b);
    }
    for (size_t i = 0; i < a->nyt; i++) {
        cairo_move_to(cr, a->l, floor(ax_y(a, a->yt[i])) + 0.5);
        cairo_line_to(cr, a->r, floor(ax_y(a, a->yt[i])) + 0.5);
    }
    cairo_stroke(cr);
}

void cli_axes_labels(cairo_t *cr, const char *family, const cli_axes *a)
{
    cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 11);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    char t[48];
    for (size_t i = 0; i < a->nxt; i++) {
        dx_plot_tick_label(a->xt[i], a->xstep, t, sizeof t);
        cli_text_at(cr, t, ax_x(a, a->xt[i]), a->b + 6, 0.5, 0);
    }
    for (size_t i = 0; i < a->nyt; i++) {
        dx_plot_tick_label(a->yt[i], a->ystep, t, sizeof t);
        cli_text_at(cr, t, a->l - 6, ax_y(a, a->yt[i]), 1, 0.5);
    }
}
