/* Contour plot files: Cairo drawings of a dx_contour (shaded values, labelled level lines,
 * marks by kind, paths, lines), written as SVG, PNG or PDF by the file's extension. */
#include "cli.h"
#include "dfdx/contour.h"
#include "axes.h"
#include "font.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int cli_draw_contour(cli *c, dx_contour *k, const char *title, const char *path, int w, int h);

static const double PI = 3.14159265358979323846; /* M_PI is not ISO C */

typedef struct {
    double l, r, t, b; /* the plot area in pixels */
    const dx_contour *k;
} frame;

static double px(const frame *f, double x) { return f->l + (x - f->k->x0) / (f->k->x1 - f->k->x0) * (f->r - f->l); }
static double py(const frame *f, double y) { return f->b - (y - f->k->y0) / (f->k->y1 - f->k->y0) * (f->b - f->t); }

/* A colour between a and b, t from 0 to 1. */
static void mix(const double a[3], const double b[3], double t, double out[3])
{
    for (int i = 0; i < 3; i++)
        out[i] = a[i] + (b[i] - a[i]) * t;
}

/* The value at level position t (0 lowest, 1 highest): lines go from dark blue through purple
 * to dark red; the shading under them from near white to a pale orange, lighter where f is
 * lower, so the picture reads in grey too. */
static void line_colour(double t, double out[3])
{
    static const double lo[3] = {0.08, 0.24, 0.62}, mid[3] = {0.45, 0.15, 0.55}, hi[3] = {0.72, 0.16, 0.08};
    if (t < 0.5)
        mix(lo, mid, 2 * t, out);
    else
        mix(mid, hi, 2 * t - 1, out);
}
static void shade_colour(double t, double out[3])
{
    static const double lo[3] = {0.93, 0.96, 1.00}, hi[3] = {0.98, 0.78, 0.58};
    mix(lo, hi, t, out);
}

/* ORDER paths: the colour of path k (the first a descent's orange). */
static const double path_rgb[DX_CONTOUR_MAX_PATHS][3] = {
    {0.85, 0.33, 0.0}, {0.0, 0.55, 0.45}, {0.80, 0.10, 0.55}, {0.35, 0.35, 0.35}};

static double level_t(const dx_contour *k, size_t i) { return k->nlev > 1 ? (double)i / (double)(k->nlev - 1) : 0; }

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The share of the sorted values v[0..n) below x, 0 to 1: shading by it uses every shade, however
 * fast f grows towards the edges. */
static double rank(const double *v, size_t n, double x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return n > 1 ? (double)lo / (double)(n - 1) : 0;
}

/* Text with a white halo, so it reads over lines and shading. */
static void halo_text(cairo_t *cr, const char *s, double x, double y, double ax, double ay, const double rgb[3])
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    cairo_move_to(cr, x - e.x_bearing - ax * e.width, y - e.y_bearing - ay * e.height);
    cairo_text_path(cr, s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, 3.5);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
    cli_text_at(cr, s, x, y, ax, ay);
}

/* Boxes already taken by labels and marks, so no two overlap. */
enum { MAX_TAKEN = 256, SPOTS = 4096 };
typedef struct {
    double x[MAX_TAKEN], y[MAX_TAKEN], w[MAX_TAKEN], h[MAX_TAKEN];
    int n;
} taken;

static bool free_box(const taken *tk, const frame *f, double x, double y, double w, double h)
{
    if (x < f->l + 2 || y < f->t + 2 || x + w > f->r - 2 || y + h > f->b - 2)
        return false;
    for (int i = 0; i < tk->n; i++)
        if (x < tk->x[i] + tk->w[i] && tk->x[i] < x + w && y < tk->y[i] + tk->h[i] && tk->y[i] < y + h)
            return false;
    return true;
}

static void take(taken *tk, double x, double y, double w, double h)
{
    if (tk->n == MAX_TAKEN)
        return;
    tk->x[tk->n] = x;
    tk->y[tk->n] = y;
    tk->w[tk->n] = w;
    tk->h[tk->n++] = h;
}

/* The values under the lines, as an image of the grid scaled onto the frame (bilinear). */
static void shading(cairo_t *cr, const frame *f)
{
    const dx_contour *k = f->k;
    size_t all = k->nx * k->ny, n = 0;
    double *sorted = malloc(all * sizeof *sorted);
    if (!sorted) { /* the lines alone would be another picture */
        fputs(_("dfdx: out of memory\n"), stderr);
        exit(CLI_BAD);
    }
    for (size_t i = 0; i < all; i++)
        if (!isnan(k->z[i]))
            sorted[n++] = k->z[i];
    qsort(sorted, n, sizeof *sorted, cmp_double);
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)k->nx, (int)k->ny);
    unsigned char *data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    cairo_surface_flush(img);
    for (size_t j = 0; data && j < k->ny; j++)
        for (size_t i = 0; i < k->nx; i++) {
            double v = k->z[j * k->nx + i], rgb[3] = {0.86, 0.86, 0.86}; /* undefined: grey */
            if (!isnan(v) && !k->curve)
                shade_colour(rank(sorted, n, v), rgb);
            else if (!isnan(v))
                rgb[0] = rgb[1] = rgb[2] = 1;
            uint32_t px32 = (uint32_t)lround(rgb[0] * 255) << 16 | (uint32_t)lround(rgb[1] * 255) << 8 |
                            (uint32_t)lround(rgb[2] * 255);
            memcpy(data + (k->ny - 1 - j) * (size_t)stride + i * 4, &px32, 4);
        }
    cairo_surface_mark_dirty(img);
    cairo_save(cr);
    cairo_rectangle(cr, f->l, f->t, f->r - f->l, f->b - f->t);
    cairo_clip(cr);
    /* grid point i sits at the centre of image pixel i: the image spans half a cell more each side */
    double cw = (f->r - f->l) / (double)(k->nx - 1), ch = (f->b - f->t) / (double)(k->ny - 1);
    cairo_translate(cr, f->l - cw / 2, f->t - ch / 2);
    cairo_scale(cr, cw, ch);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BILINEAR);
    cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(img);
    free(sorted);
}

/* A mark's shape by its kind: a dot for a minimum, a triangle for a maximum, a cross for a
 * saddle, a diamond for a degenerate point, a square for a point, rings for a path's ends. */
static void mark_shape(cairo_t *cr, double x, double y, dx_contour_mark_kind kind)
{
    double r = 5.5;
    cairo_new_path(cr);
    switch (kind) {
    case DX_CMARK_MIN:
    case DX_CMARK_START:
    case DX_CMARK_END:
        cairo_arc(cr, x, y, kind == DX_CMARK_MIN ? r : r + 1, 0, 2 * PI);
        break;
    case DX_CMARK_MAX:
        cairo_move_to(cr, x, y - r - 1);
        cairo_line_to(cr, x + r, y + r - 1);
        cairo_line_to(cr, x - r, y + r - 1);
        cairo_close_path(cr);
        break;
    case DX_CMARK_DEGENERATE:
        cairo_move_to(cr, x, y - r - 1);
        cairo_line_to(cr, x + r + 1, y);
        cairo_line_to(cr, x, y + r + 1);
        cairo_line_to(cr, x - r - 1, y);
        cairo_close_path(cr);
        break;
    case DX_CMARK_POINT:
        cairo_rectangle(cr, x - r + 1, y - r + 1, 2 * r - 2, 2 * r - 2);
        break;
    case DX_CMARK_SADDLE:
        cairo_move_to(cr, x - r, y - r);
        cairo_line_to(cr, x + r, y + r);
        cairo_move_to(cr, x + r, y - r);
        cairo_line_to(cr, x - r, y + r);
        cairo_set_line_width(cr, 5);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_stroke_preserve(cr);
        cairo_set_line_width(cr, 2.5);
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_stroke(cr);
        return;
    }
    bool ring = kind == DX_CMARK_START || kind == DX_CMARK_END;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, 2);
    cairo_stroke_preserve(cr);
    if (ring) {
        cairo_set_source_rgb(cr, 0.85, 0.33, 0.0);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_set_line_width(cr, 1.2);
        cairo_stroke(cr);
    } else {
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_fill(cr);
    }
}

/* Each level's value on its line, at free places among its spots: up to three, each a third of
 * the frame away from the others (a level of several rings gets one on each of the first few). */
static void level_values(cairo_t *cr, const frame *f, taken *tk)
{
    const dx_contour *k = f->k;
    cairo_set_font_size(cr, 11);
    for (size_t i = 0; i < k->nlev; i++) {
        const dx_contour_level *lv = &k->lev[i];
        char t[48];
        dx_contour_level_label(k, i, t, sizeof t);
        cairo_text_extents_t e;
        cairo_text_extents(cr, t, &e);
        double w = e.x_advance + 6, h = 15, rgb[3];
        line_colour(level_t(k, i), rgb);
        size_t spots[SPOTS], ns = dx_contour_label_spots(k, i, spots, SPOTS);
        double placed[3][2], apart = fmin(f->r - f->l, f->b - f->t) / 3;
        int np = 0;
        for (size_t s = 0; s < ns && np < 3; s++) {
            const dx_contour_seg *g = &lv->seg[spots[s]];
            double cx = px(f, (g->ax + g->bx) / 2), cy = py(f, (g->ay + g->by) / 2), x = cx - w / 2, y = cy - h / 2;
            bool far = true;
            for (int q = 0; q < np; q++)
                far = far && hypot(cx - placed[q][0], cy - placed[q][1]) > apart;
            if (!far || !free_box(tk, f, x, y, w, h))
                continue;
            placed[np][0] = cx;
            placed[np++][1] = cy;
            take(tk, x - 4, y - 4, w + 8, h + 8);
            cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
            cairo_rectangle(cr, x, y, w, h);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
            cli_text_at(cr, t, x + w / 2, y + h / 2, 0.5, 0.5);
        }
    }
}

/* The marks' labels beside them: right, left, above or below, wherever there is room. */
static void mark_labels(cairo_t *cr, const frame *f, taken *tk)
{
    const dx_contour *k = f->k;
    static const double black[3] = {0, 0, 0};
    cairo_set_font_size(cr, 12);
    for (size_t i = 0; i < k->nm; i++) {
        const dx_contour_mark *m = &k->m[i];
        if (!m->label[0] || m->x < k->x0 || m->x > k->x1 || m->y < k->y0 || m->y > k->y1)
            continue;
        cairo_text_extents_t e;
        cairo_text_extents(cr, m->label, &e);
        double x = px(f, m->x), y = py(f, m->y), w = e.x_advance, h = 14;
        const double at[4][2] = {{x + 10, y - h / 2}, {x - 10 - w, y - h / 2}, {x - w / 2, y - 12 - h}, {x - w / 2, y + 12}};
        for (int s = 0; s < 4; s++)
            if (free_box(tk, f, at[s][0], at[s][1], w, h) || s == 3) {
                take(tk, at[s][0] - 2, at[s][1] - 2, w + 4, h + 4);
                halo_text(cr, m->label, at[s][0], at[s][1] + h / 2, 0, 0.5, black);
                break;
            }
    }
}

/* The legend: the function, each path and line, in the corner with the fewest segments under it. */
static void legend(cairo_t *cr, const frame *f)
{
    const dx_contour *k = f->k;
    const char *labels[1 + DX_CONTOUR_MAX_PATHS + DX_CONTOUR_MAX_LINES];
    double rgb[1 + DX_CONTOUR_MAX_PATHS + DX_CONTOUR_MAX_LINES][3];
    int n = 0;
    labels[n] = k->label;
    line_colour(k->curve ? 0 : 0.5, rgb[n++]);
    for (size_t i = 0; i < k->np; i++) {
        labels[n] = k->path[i].label;
        memcpy(rgb[n++], path_rgb[i], sizeof rgb[0]);
    }
    for (size_t i = 0; i < k->nl; i++) {
        labels[n] = k->line[i].label;
        memcpy(rgb[n++], (double[3]){0.80, 0.10, 0.10}, sizeof rgb[0]);
    }
    cairo_set_font_size(cr, 12);
    double lw = 0;
    for (int i = 0; i < n; i++) {
        cairo_text_extents_t e;
        cairo_text_extents(cr, labels[i], &e);
        lw = fmax(lw, e.x_advance);
    }
    double bw = fmin(lw + 44, f->r - f->l - 20), bh = 8 + 18.0 * n, bx = f->l + 10, by = f->t + 10;
    size_t fewest = (size_t)-1;
    for (int corner = 0; corner < 4; corner++) {
        double cx = corner % 2 ? f->r - 10 - bw : f->l + 10, cy = corner / 2 ? f->b - 10 - bh : f->t + 10;
        size_t hits = 0;
        for (size_t i = 0; i < k->nlev; i++)
            for (size_t s = 0; s < k->lev[i].nseg; s++) {
                double X = px(f, k->lev[i].seg[s].ax), Y = py(f, k->lev[i].seg[s].ay);
                hits += X >= cx && X <= cx + bw && Y >= cy && Y <= cy + bh;
            }
        for (size_t i = 0; i < k->nm; i++) {
            double X = px(f, k->m[i].x), Y = py(f, k->m[i].y);
            hits += 1000 * (X >= cx - 60 && X <= cx + bw + 60 && Y >= cy - 20 && Y <= cy + bh + 20);
        }
        for (size_t i = 0; i < k->np; i++)
            for (size_t s = 0; s < k->path[i].n; s++) {
                double X = px(f, k->path[i].px[s]), Y = py(f, k->path[i].py[s]);
                hits += 50 * (X >= cx && X <= cx + bw && Y >= cy && Y <= cy + bh);
            }
        if (hits < fewest) {
            fewest = hits;
            bx = cx;
            by = cy;
        }
    }
    cairo_rectangle(cr, bx, by, bw, bh);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.92);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    for (int i = 0; i < n; i++) {
        double y = by + 13 + 18.0 * i;
        cairo_set_source_rgb(cr, rgb[i][0], rgb[i][1], rgb[i][2]);
        cairo_rectangle(cr, bx + 8, y - 1.5, 22, 3);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        cli_text_at(cr, labels[i], bx + 36, y, 0, 0.5);
    }
}

static void draw(cairo_t *cr, dx_contour *k, const char *title, const char *family, int w, int h)
{
    frame f = {72, w - 24, 48, h - 56, k};
    if (k->equal) { /* one unit as long across as up: the frame shrinks in one direction */
        double sx = (f.r - f.l) / (k->x1 - k->x0), sy = (f.b - f.t) / (k->y1 - k->y0), s = fmin(sx, sy);
        double cx = (f.l + f.r) / 2, cy = (f.t + f.b) / 2, hw = s * (k->x1 - k->x0) / 2, hh = s * (k->y1 - k->y0) / 2;
        f = (frame){cx - hw, cx + hw, cy - hh, cy + hh, k};
    }
    dx_contour_ticks_for(k, (size_t)fmax(2, (f.r - f.l) / 90), (size_t)fmax(2, (f.b - f.t) / 55));
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, 15);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cli_text_at(cr, title, w / 2.0, 18, 0.5, 0.5);
    shading(cr, &f);

    cli_axes axes = {f.l, f.r, f.t, f.b, k->x0, k->x1, k->y0, k->y1, k->xt, k->yt, k->nxt, k->nyt, k->xstep, k->ystep};
    cairo_set_line_width(cr, 1);
    cairo_set_source_rgba(cr, 0, 0, 0, 0.08);
    cli_axes_grid(cr, &axes);
    cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
    cairo_set_line_width(cr, 1.2);
    cairo_rectangle(cr, f.l, f.t, f.r - f.l, f.b - f.t);
    cairo_stroke(cr);

    cli_axes_labels(cr, family, &axes);
    cairo_set_font_size(cr, 14);
    cli_text_at(cr, k->xname, (f.l + f.r) / 2, f.b + 30, 0.5, 0.5);
    cairo_save(cr);
    cairo_translate(cr, f.l - 50, (f.t + f.b) / 2);
    cairo_rotate(cr, -PI / 2);
    cli_text_at(cr, k->yname, 0, 0, 0.5, 0.5);
    cairo_restore(cr);

    cairo_save(cr);
    cairo_rectangle(cr, f.l, f.t, f.r - f.l, f.b - f.t);
    cairo_clip(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (size_t i = 0; i < k->nlev; i++) {
        double rgb[3];
        line_colour(k->curve ? 0 : level_t(k, i), rgb);
        for (size_t s = 0; s < k->lev[i].nseg; s++) {
            const dx_contour_seg *g = &k->lev[i].seg[s];
            cairo_move_to(cr, px(&f, g->ax), py(&f, g->ay));
            cairo_line_to(cr, px(&f, g->bx), py(&f, g->by));
        }
        cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
        cairo_set_line_width(cr, k->curve ? 2.5 : 1.4);
        cairo_stroke(cr);
    }
    for (size_t i = 0; i < k->nl; i++) {
        cairo_move_to(cr, px(&f, k->line[i].ax), py(&f, k->line[i].ay));
        cairo_line_to(cr, px(&f, k->line[i].bx), py(&f, k->line[i].by));
        cairo_set_source_rgb(cr, 0.80, 0.10, 0.10);
        cairo_set_line_width(cr, 2);
        cairo_set_dash(cr, (double[]){8, 5}, 2, 0);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
    for (size_t i = 0; i < k->np; i++) {
        const dx_contour_path *p = &k->path[i];
        bool open = false;
        for (size_t s = 0; s < p->n; s++) {
            if (!isfinite(p->px[s]) || !isfinite(p->py[s]) || fabs(p->px[s]) > 1e12 || fabs(p->py[s]) > 1e12) {
                open = false;
                continue;
            }
            if (open)
                cairo_line_to(cr, px(&f, p->px[s]), py(&f, p->py[s]));
            else
                cairo_move_to(cr, px(&f, p->px[s]), py(&f, p->py[s]));
            open = true;
        }
        cairo_set_source_rgb(cr, path_rgb[i][0], path_rgb[i][1], path_rgb[i][2]);
        cairo_set_line_width(cr, 2);
        cairo_stroke(cr);
        for (size_t s = 0; s < p->n && p->n <= 400; s++)
            if (isfinite(p->px[s]) && isfinite(p->py[s]) && fabs(p->px[s]) < 1e12 && fabs(p->py[s]) < 1e12) {
                cairo_new_sub_path(cr);
                cairo_arc(cr, px(&f, p->px[s]), py(&f, p->py[s]), 2.5, 0, 2 * PI);
            }
        cairo_fill(cr);
    }
    taken tk = {.n = 0};
    for (size_t i = 0; i < k->nm; i++) {
        double x = px(&f, k->m[i].x), y = py(&f, k->m[i].y);
        if (k->m[i].x >= k->x0 && k->m[i].x <= k->x1 && k->m[i].y >= k->y0 && k->m[i].y <= k->y1) {
            mark_shape(cr, x, y, k->m[i].kind);
            take(&tk, x - 8, y - 8, 16, 16);
        }
    }
    mark_labels(cr, &f, &tk);
    if (!k->curve)
        level_values(cr, &f, &tk);
    cairo_restore(cr);
    legend(cr, &f);
}

int cli_draw_contour(cli *c, dx_contour *k, const char *title, const char *path, int w, int h)
{
    const char *ext = strrchr(path, '.');
    bool png = strcasecmp(ext, ".png") == 0;
    if (!cli_headroom(CLI_ROOM_DRAW))
        cli_oom(c);
    cli_chars ch = {FcCharSetCreate(), false};
    cli_font_add(&ch, title);
    cli_font_add(&ch, k->label);
    cli_font_add(&ch, k->xname);
    cli_font_add(&ch, k->yname);
    for (size_t i = 0; i < k->nm; i++)
        cli_font_add(&ch, k->m[i].label);
    for (size_t i = 0; i < k->np; i++)
        cli_font_add(&ch, k->path[i].label);
    for (size_t i = 0; i < k->nl; i++)
        cli_font_add(&ch, k->line[i].label);
    char family[128];
    if (!cli_font_family(&ch, family, sizeof family))
        return cli_no_font(c);
    cairo_surface_t *s = png                             ? cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)
                         : strcasecmp(ext, ".svg") == 0 ? cairo_svg_surface_create(path, w, h)
                                                        : cairo_pdf_surface_create(path, w, h);
    cairo_t *cr = cairo_create(s);
    draw(cr, k, title, family, w, h);
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    if (st == CAIRO_STATUS_SUCCESS && png)
        st = cairo_surface_write_to_png(s, path);
    cairo_surface_finish(s);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    cairo_debug_reset_static_data();
    FcFini();
    if (st != CAIRO_STATUS_SUCCESS)
        return cli_usage(c, _("cannot write %s: %s"), path,
                         st == CAIRO_STATUS_WRITE_ERROR ? _("no such directory, or no permission") : cairo_status_to_string(st));
    return CLI_OK;
}
