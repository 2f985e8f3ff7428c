/* Plot files: Cairo drawings of plots (one, or panels in a grid), written as SVG, PNG or PDF by the file's extension. */
#include "cli.h"
#include "axes.h"
#include "font.h"
#include "dfdx/plot.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

int cli_draw_file(cli *c, dx_plot *p, const char *path, int w, int h, const char *title);

static const double PI = 3.14159265358979323846; /* M_PI is not ISO C */

/* ORDER SERIES STYLE: the file colours of series k, in the order of the terminal's colours. */
static const double rgb[DX_PLOT_MAX_SERIES][3] = {
    {0.122, 0.467, 0.706}, {0.839, 0.153, 0.157}, {0.173, 0.627, 0.173}, {0.580, 0.404, 0.741},
    {1.000, 0.498, 0.055}, {0.090, 0.745, 0.812}, {0.549, 0.337, 0.294}, {0.498, 0.498, 0.498},
};

typedef struct {
    double l, r, t, b; /* the plot area in pixels */
    const dx_plot *p;
} frame;

static double px(const frame *f, double x) { return f->l + (x - f->p->x0) / (f->p->x1 - f->p->x0) * (f->r - f->l); }
static double py(const frame *f, double y) { return f->b - (y - f->p->y0) / (f->p->y1 - f->p->y0) * (f->b - f->t); }

/* How many of the plot's drawn points (sampled curves, with the segments between them
 * sampled too, and marks) fall in the box at (x, y) of size w x h, in device units. */
static size_t legend_hits(const frame *f, double x, double y, double w, double h)
{
    const dx_plot *p = f->p;
    size_t hits = 0;
    for (size_t k = 0; k < p->ns; k++) {
        const dx_plot_series *s = &p->s[k];
        for (size_t i = 0; i < s->n; i++)
            for (int t = 0; t < 4 && (t == 0 || i + 1 < s->n); t++) {
                double u = t / 4.0, sx = s->px[i], sy = s->py[i];
                if (t) {
                    if (s->brk && s->brk[i + 1])
                        break;
                    sx += u * (s->px[i + 1] - sx);
                    sy += u * (s->py[i + 1] - sy);
                }
                double X = px(f, sx), Y = py(f, sy);
                hits += isfinite(X) && isfinite(Y) && X >= x && X <= x + w && Y >= y && Y <= y + h;
            }
    }
    for (size_t k = 0; k < p->nm; k++) {
        double X = px(f, p->m[k].x), Y = py(f, p->m[k].y);
        hits += 20 * (isfinite(Y) && X >= x && X <= x + w && Y >= y && Y <= y + h);
    }
    return hits;
}

/* The font family for every word of the panels (cli_font_family). In buf; false without one. */
static bool font_family(const cli_panel *panels, int n, char *buf, size_t size)
{
    cli_chars ch = {FcCharSetCreate(), false};
    for (int i = 0; ch.cs && i < n; i++) {
        const dx_plot *p = panels[i].plot;
        cli_font_add(&ch, panels[i].title);
        cli_font_add(&ch, panels[i].xname);
        cli_font_add(&ch, panels[i].yname ? panels[i].yname : "y");
        for (size_t k = 0; k < p->ns; k++)
            cli_font_add(&ch, p->s[k].label);
        for (size_t k = 0; k < p->nm; k++)
            cli_font_add(&ch, p->m[k].label);
    }
    return cli_font_family(&ch, buf, size);
}

/* One series as one stroked path: sub-paths restart at gaps, breaks and the view's edges. */
static void curve(cairo_t *cr, const frame *f, const dx_plot_series *s, int k)
{
    const dx_plot *p = f->p;
    double lim = 1e6 * (p->y1 - p->y0);
    bool open = false;
    double lx = 0, ly = 0;
    for (size_t i = 0; i + 1 < s->n; i++) {
        double xa = s->px[i], ya = s->py[i], xb = s->px[i + 1], yb = s->py[i + 1];
        if (!isfinite(xa) || !isfinite(ya) || !isfinite(xb) || !isfinite(yb) || s->brk[i]) {
            open = false;
            continue;
        }
        ya = fmax(p->y0 - lim, fmin(p->y1 + lim, ya));
        yb = fmax(p->y0 - lim, fmin(p->y1 + lim, yb));
        if (!dx_plot_clip(&xa, &ya, &xb, &yb, p->x0, p->x1, p->y0, p->y1)) {
            open = false;
            continue;
        }
        if (!open || xa != lx || ya != ly)
            cairo_move_to(cr, px(f, xa), py(f, ya));
        cairo_line_to(cr, px(f, xb), py(f, yb));
        open = true;
        lx = xb;
        ly = yb;
    }
    cairo_set_source_rgb(cr, rgb[k][0], rgb[k][1], rgb[k][2]);
    cairo_set_line_width(cr, 2.0);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    if (s->is_path) { /* every step of a path is a dot */
        for (size_t i = 0; i < s->n; i++)
            if (isfinite(s->px[i]) && isfinite(s->py[i]) && s->px[i] >= p->x0 && s->px[i] <= p->x1 &&
                s->py[i] >= p->y0 && s->py[i] <= p->y1) {
                cairo_new_sub_path(cr);
                cairo_arc(cr, px(f, s->px[i]), py(f, s->py[i]), 3.0, 0, 2 * PI);
            }
        cairo_fill(cr);
    }
}

/* One panel of w x h pixels at the current origin. */
static void draw(cairo_t *cr, const cli_panel *pn, const char *family, int w, int h)
{
    dx_plot *p = pn->plot;
    const char *title = pn->title;
    frame f = {72, w - 24, 48, h - 56, p};
    dx_plot_ticks_for(p, (size_t)fmax(2, (f.r - f.l) / 90), (size_t)fmax(2, (f.b - f.t) / 55));
    /* the legend, in the corner of the plot where no drawn point or mark falls (top left when
     * several are free); where every corner has some (three tangents, sin with f' and f''),
     * under the plot, the plot made shorter for it: a legend never hides a curve */
    cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 12);
    double lw = 0;
    for (size_t k = 0; k < p->ns; k++) {
        cairo_text_extents_t e;
        cairo_text_extents(cr, p->s[k].label, &e);
        lw = fmax(lw, e.x_advance);
    }
    double bw = fmin(lw + 44, f.r - f.l - 20), bh = 8 + 18.0 * (double)p->ns, bx = f.l + 10, by = f.t + 10;
    size_t fewest = SIZE_MAX;
    for (int corner = 0; corner < 4 && fewest; corner++) {
        double cx = corner % 2 ? f.r - 10 - bw : f.l + 10, cy = corner / 2 ? f.b - 10 - bh : f.t + 10;
        size_t hits = legend_hits(&f, cx - 6, cy - 6, bw + 12, bh + 12);
        if (hits < fewest) {
            fewest = hits;
            bx = cx;
            by = cy;
        }
    }
    double under = 0; /* the height taken from the plot for a legend under it */
    if (fewest && h - 56 - (bh + 12) - f.t > 120) {
        under = bh + 12;
        f.b -= under;
        dx_plot_ticks_for(p, (size_t)fmax(2, (f.r - f.l) / 90), (size_t)fmax(2, (f.b - f.t) / 55));
        bx = f.l;
        by = f.b + 48;
    }
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, 0, 0, w, h);
    cairo_fill(cr);
    cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, 15);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cli_text_at(cr, title, w / 2.0, 18, 0.5, 0.5);

    cli_axes axes = {f.l, f.r, f.t, f.b, p->x0, p->x1, p->y0, p->y1, p->xt, p->yt, p->nxt, p->nyt, p->xstep, p->ystep};
    /* grid and ticks */
    cairo_set_line_width(cr, 1);
    cairo_set_source_rgb(cr, 0.87, 0.87, 0.87);
    cli_axes_grid(cr, &axes);
    /* the axes: x = 0 and y = 0 where they are in view, and the frame */
    cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
    cairo_set_line_width(cr, 1.2);
    if (p->y0 < 0 && p->y1 > 0) {
        cairo_move_to(cr, f.l, py(&f, 0));
        cairo_line_to(cr, f.r, py(&f, 0));
    }
    if (p->x0 < 0 && p->x1 > 0) {
        cairo_move_to(cr, px(&f, 0), f.t);
        cairo_line_to(cr, px(&f, 0), f.b);
    }
    cairo_rectangle(cr, f.l, f.t, f.r - f.l, f.b - f.t);
    cairo_stroke(cr);

    cli_axes_labels(cr, family, &axes);
    cairo_set_font_size(cr, 13);
    const char *var = strchr(p->s[0].label, '(');
    char xname[32] = "x";
    if (pn->xname)
        snprintf(xname, sizeof xname, "%s", pn->xname);
    else if (var && strchr(var, ')'))
        snprintf(xname, sizeof xname, "%.*s", (int)(strchr(var, ')') - var - 1), var + 1);
    cli_text_at(cr, xname, (f.l + f.r) / 2, h - 20 - under, 0.5, 0.5);
    cairo_save(cr);
    cairo_translate(cr, 18, (f.t + f.b) / 2);
    cairo_rotate(cr, -PI / 2);
    cli_text_at(cr, pn->yname ? pn->yname : "y", 0, 0, 0.5, 0.5);
    cairo_restore(cr);

    /* the curves, clipped to the plot area; f last so it is on top */
    cairo_save(cr);
    cairo_rectangle(cr, f.l, f.t, f.r - f.l, f.b - f.t);
    cairo_clip(cr);
    for (size_t k = p->ns; k-- > 0;)
        if (!p->s[k].is_path)
            curve(cr, &f, &p->s[k], (int)k);
    for (size_t k = 0; k < p->ns; k++)
        if (p->s[k].is_path)
            curve(cr, &f, &p->s[k], (int)k);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (size_t k = 0; k < p->nm; k++) {
        if (!isfinite(p->m[k].y))
            continue;
        cairo_new_sub_path(cr);
        cairo_arc(cr, px(&f, p->m[k].x), py(&f, p->m[k].y), 4.5, 0, 2 * PI);
    }
    cairo_fill(cr);
    /* a mark's label beside it: under a minimum and over anything else, so it does not sit on
     * the curve; to the left near the right edge, so it stays inside the frame */
    cairo_set_font_size(cr, 11);
    for (size_t k = 0; k < p->nm; k++) {
        if (!isfinite(p->m[k].y) || !p->m[k].label[0])
            continue;
        cairo_text_extents_t e;
        cairo_text_extents(cr, p->m[k].label, &e);
        double x = px(&f, p->m[k].x), y = py(&f, p->m[k].y);
        bool left = x + 8 + e.x_advance > f.r - 4;
        bool below = p->m[k].minimum ? y + 30 < f.b : y - 30 < f.t;
        cli_text_at(cr, p->m[k].label, x + (left ? -8 : 8), y + (below ? 8 : -8), left ? 1 : 0, below ? 0 : 1);
    }
    cairo_restore(cr);

    cairo_set_font_size(cr, 12);
    cairo_rectangle(cr, bx, by, bw, bh);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_fill(cr);
    cairo_save(cr);
    cairo_rectangle(cr, bx, by, bw, bh);
    cairo_clip(cr);
    for (size_t k = 0; k < p->ns; k++) {
        double y = by + 13 + 18.0 * (double)k;
        cairo_set_source_rgb(cr, rgb[k][0], rgb[k][1], rgb[k][2]);
        cairo_rectangle(cr, bx + 8, y - 1.5, 22, 3);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        cli_text_at(cr, p->s[k].label, bx + 36, y, 0, 0.5);
    }
    cairo_restore(cr);
}

int cli_draw_file(cli *c, dx_plot *p, const char *path, int w, int h, const char *title)
{
    cli_panel one = {p, title, NULL, NULL};
    return cli_draw_panels(c, &one, 1, 1, path, w, h);
}

int cli_draw_panels(cli *c, const cli_panel *panels, int n, int cols, const char *path, int w, int h)
{
    int rows = (n + cols - 1) / cols, pw = w / cols, ph = h / rows;
    const char *ext = strrchr(path, '.');
    bool png = strcasecmp(ext, ".png") == 0;
    char family[128];
    if (!cli_headroom(CLI_ROOM_DRAW))
        cli_oom(c);
    if (!font_family(panels, n, family, sizeof family))
        return cli_no_font(c);
    cairo_surface_t *s = png                             ? cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)
                         : strcasecmp(ext, ".svg") == 0 ? cairo_svg_surface_create(path, w, h)
                                                        : cairo_pdf_surface_create(path, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    for (int i = 0; i < n; i++) {
        cairo_save(cr);
        cairo_translate(cr, (i % cols) * pw, (i / cols) * ph);
        draw(cr, &panels[i], family, pw, ph);
        cairo_restore(cr);
    }
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    if (st == CAIRO_STATUS_SUCCESS && png)
        st = cairo_surface_write_to_png(s, path);
    cairo_surface_finish(s);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    /* one picture a run: release Cairo's and fontconfig's caches so leak checkers see none */
    cairo_debug_reset_static_data();
    FcFini();
    if (st != CAIRO_STATUS_SUCCESS)
        return cli_usage(c, _("cannot write %s: %s"), path,
                         st == CAIRO_STATUS_WRITE_ERROR ? _("no such directory, or no permission") : cairo_status_to_string(st));
    return CLI_OK;
}
