/* The terminal picture of a plot: braille dots (or plain characters), axes, ticks, legend. */
#include "dfdx/plot.h"
#include "alloc.h"
#include "expr.h"
#include "textplot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ORDER SERIES STYLE: series k is drawn with ascii_glyph[k] and ansi_colour[k]; without colour
 * its braille line is dashed by dash[k] (dots on, then off, along x) and its legend shows
 * line_glyph[k], so f, f' and f'' stay apart in a pipe or under NO_COLOR. */
static const char ascii_glyph[DX_PLOT_MAX_SERIES] = {'*', 'o', '.', 'x', '#', '%', '&', '='};
static const int ansi_colour[DX_PLOT_MAX_SERIES] = {34, 31, 32, 35, 33, 36, 94, 91};
static const unsigned char dash[DX_PLOT_MAX_SERIES][2] = {{1, 0}, {4, 3}, {1, 2}, {6, 2}, {2, 2}, {3, 5}, {1, 4}, {8, 3}};
static const char *const line_glyph[DX_PLOT_MAX_SERIES] = {"━", "╍", "┈", "╌", "┅", "┉", "·", "═"};
enum { AXIS_COLOUR = 90, MARK_COLOUR = 1 };

static size_t utf8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The bytes of the first max characters of s. */
static size_t utf8_prefix(const char *s, size_t max)
{
    size_t n = 0, i = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == max)
            break;
    }
    return i;
}

typedef struct {
    int pw, ph, sx, sy;     /* cells, dots per cell */
    bool dashed;            /* braille without colour: series told apart by dash[] */
    unsigned char *bits;    /* per cell: braille dots (or 1 for a plain character) */
    signed char *owner;     /* per cell: the series drawn last there, -1 none, -2 a mark */
    const dx_plot *p;
} canvas;

static double dot_x(const canvas *c, double x) { return (x - c->p->x0) / (c->p->x1 - c->p->x0) * (c->pw * c->sx - 1); }
static double dot_y(const canvas *c, double y) { return (c->p->y1 - y) / (c->p->y1 - c->p->y0) * (c->ph * c->sy - 1); }

static void set_dot(canvas *c, long dx, long dy, int who)
{
    if (dx < 0 || dy < 0 || dx >= (long)c->pw * c->sx || dy >= (long)c->ph * c->sy)
        return;
    if (c->dashed && who >= 0 && dash[who][1] && dx % (dash[who][0] + dash[who][1]) >= dash[who][0])
        return;
    size_t cell = (size_t)(dy / c->sy) * (size_t)c->pw + (size_t)(dx / c->sx);
    c->bits[cell] |= c->sx == 1 ? 1 : dx_tp_dot_bit(dy % c->sy, dx % c->sx);
    if (c->owner[cell] != -2)
        c->owner[cell] = (signed char)who;
}

/* A line between two data points, clipped to the view first so far-off values stay harmless. */
static void segment(canvas *c, double xa, double ya, double xb, double yb, int who)
{
    const dx_plot *p = c->p;
    double h = p->y1 - p->y0, lim = 1e6 * h; /* tame 1e300 before any arithmetic on it */
    ya = fmax(p->y0 - lim, fmin(p->y1 + lim, ya));
    yb = fmax(p->y0 - lim, fmin(p->y1 + lim, yb));
    if (!dx_plot_clip(&xa, &ya, &xb, &yb, p->x0, p->x1, p->y0, p->y1))
        return;
    double ax = dot_x(c, xa), ay = dot_y(c, ya), bx = dot_x(c, xb), by = dot_y(c, yb);
    double steps = ceil(fmax(fabs(bx - ax), fabs(by - ay)));
    for (double k = 0; k <= steps; k++) {
        double t = steps > 0 ? k / steps : 0;
        set_dot(c, lround(ax + (bx - ax) * t), lround(ay + (by - ay) * t), who);
    }
}

static void draw_series(canvas *c, const dx_plot_series *s, int who)
{
    for (size_t i = 0; i < s->n; i++) {
        bool here = isfinite(s->px[i]) && isfinite(s->py[i]);
        bool next = i + 1 < s->n && isfinite(s->px[i + 1]) && isfinite(s->py[i + 1]);
        if (here && next && !s->brk[i])
            segment(c, s->px[i], s->py[i], s->px[i + 1], s->py[i + 1], who);
        else if (here) /* an isolated point still shows */
            segment(c, s->px[i], s->py[i], s->px[i], s->py[i], who);
    }
}

/* One legend entry's text; returns its width in characters. */
static size_t entry(char *out, size_t size, const char *glyph, const char *label, size_t maxw)
{
    size_t room = maxw > 4 ? maxw - 2 : 2;
    size_t bytes = utf8_prefix(label, utf8_len(label) > room ? room - 1 : room);
    snprintf(out, size, "%s %.*s%s", glyph, (int)bytes, label, utf8_len(label) > room ? "…" : "");
    return utf8_len(out);
}

/* The legend lines: entries packed left to right, three spaces apart. */
static void legend(dx_buf *b, const dx_plot *p, int cols, unsigned flags, bool count_only, int *lines)
{
    bool ascii = flags & DX_PLOT_ASCII;
    int col = 0;
    *lines = 0;
    size_t nent = p->ns + p->nm;
    for (size_t k = 0; k < nent; k++) {
        char text[DX_PLOT_LABEL + 16], g[2] = {0, 0};
        const char *glyph, *label;
        int code;
        if (k < p->ns) {
            g[0] = ascii_glyph[k];
            glyph = ascii ? g : p->s[k].is_path ? "•" : flags & DX_PLOT_COLOR ? "━" : line_glyph[k];
            label = p->s[k].label;
            code = ansi_colour[k];
        } else {
            if (!p->m[k - p->ns].label[0])
                continue;
            glyph = ascii ? "@" : "●";
            label = p->m[k - p->ns].label;
            code = MARK_COLOUR;
        }
        size_t w = entry(text, sizeof text, glyph, label, (size_t)cols);
        dx_tp_legend_place(b, &col, lines, cols, (int)w, count_only);
        if (!count_only) {
            size_t gl = strlen(glyph);
            dx_tp_colour(b, flags, code);
            dx_buf_putn(b, text, gl);
            dx_tp_plain(b, flags);
            dx_buf_puts(b, text + gl);
        }
    }
    if (!count_only && *lines)
        dx_buf_puts(b, "\n");
}

static int tick_row(const canvas *c, double t) { return (int)(lround(dot_y(c, t)) / c->sy); }
static int tick_col(const canvas *c, double t) { return (int)(lround(dot_x(c, t)) / c->sx); }

char *dx_plot_text(dx_plot *p, dx_ctx *ctx, int cols, int rows, unsigned flags)
{
    dx_recover(ctx);
    bool ascii = flags & DX_PLOT_ASCII;
    int nleg;
    legend(NULL, p, cols, flags, true, &nleg);
    int ph = rows - 2 - nleg;
    if (cols < 24 || ph < 4 || cols > 2000 || rows > 1000)
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_PLOT_TERMINAL_SIZE, DX_I(6 + nleg), DX_I(cols), DX_I(rows));
    dx_plot_ticks_for(p, 2, (size_t)(ph / 3 > 2 ? ph / 3 : 2));
    char lab[DX_PLOT_MAX_TICKS][48];
    int lw = 0;
    for (size_t i = 0; i < p->nyt; i++) {
        dx_plot_tick_label(p->yt[i], p->ystep, lab[i], sizeof lab[i]);
        lw = (int)strlen(lab[i]) > lw ? (int)strlen(lab[i]) : lw;
    }
    canvas c = {cols - lw - 1, ph, ascii ? 1 : 2, ascii ? 1 : 4, !ascii && !(flags & DX_PLOT_COLOR), NULL, NULL, p};
    dx_plot_ticks_for(p, (size_t)(c.pw / 10 > 2 ? c.pw / 10 : 2), (size_t)(ph / 3 > 2 ? ph / 3 : 2));
    size_t ncell = (size_t)c.pw * (size_t)c.ph;
    c.bits = dx_calloc(ncell, 1);
    c.owner = dx_malloc(ncell);
    dx_buf b = {0};
    if (!c.bits || !c.owner) {
        dx_free(c.bits);
        dx_free(c.owner);
        return dx_oom(ctx);
    }
    memset(c.owner, -1, ncell);
    /* f is drawn last of the curves so it stays on top; paths above curves; marks on top */
    for (size_t k = p->ns; k-- > 0;)
        if (!p->s[k].is_path)
            draw_series(&c, &p->s[k], (int)k);
    bool dashed = c.dashed;
    c.dashed = false; /* a path is its points, never dashed */
    for (size_t k = 0; k < p->ns; k++)
        if (p->s[k].is_path)
            draw_series(&c, &p->s[k], (int)k);
    c.dashed = dashed;
    for (size_t k = 0; k < p->nm; k++) {
        if (!isfinite(p->m[k].y) || p->m[k].y < p->y0 || p->m[k].y > p->y1 || p->m[k].x < p->x0 ||
            p->m[k].x > p->x1)
            continue;
        size_t cell = (size_t)tick_row(&c, p->m[k].y) * (size_t)c.pw + (size_t)tick_col(&c, p->m[k].x);
        c.owner[cell] = -2;
    }
    int zrow = p->y0 < 0 && p->y1 > 0 ? tick_row(&c, 0) : -1;
    int zcol = p->x0 < 0 && p->x1 > 0 ? tick_col(&c, 0) : -1;
    for (int r = 0; r < c.ph; r++) {
        const char *tl = NULL;
        for (size_t i = 0; i < p->nyt; i++)
            if (tick_row(&c, p->yt[i]) == r)
                tl = lab[i];
        dx_tp_row_start(&b, lw, tl, flags);
        dx_tp_plain(&b, flags);
        int cur = -1; /* the colour in force, to write few escape codes */
        for (int col = 0; col < c.pw; col++) {
            size_t cell = (size_t)r * (size_t)c.pw + (size_t)col;
            int who = c.owner[cell];
            char ch[8] = {0};
            int code;
            if (who == -2) {
                snprintf(ch, sizeof ch, "%s", ascii ? "@" : "●");
                code = MARK_COLOUR;
            } else if (c.bits[cell]) {
                if (ascii) {
                    ch[0] = ascii_glyph[who];
                } else {
                    dx_tp_braille(c.bits[cell], ch);
                }
                code = ansi_colour[who];
            } else if (r == zrow || col == zcol) {
                const char *z = r == zrow && col == zcol ? (ascii ? "+" : "┼")
                                : r == zrow              ? (ascii ? "-" : "─")
                                                         : (ascii ? "|" : "│");
                snprintf(ch, sizeof ch, "%s", z);
                code = AXIS_COLOUR;
            } else {
                ch[0] = ' ';
                code = 0;
            }
            if ((flags & DX_PLOT_COLOR) && code != cur && ch[0] != ' ') {
                if (code)
                    dx_tp_colour(&b, flags, code);
                else
                    dx_tp_plain(&b, flags);
                cur = code;
            }
            dx_buf_puts(&b, ch);
        }
        if (cur > 0)
            dx_tp_plain(&b, flags);
        dx_buf_puts(&b, "\n");
    }
    /* the x axis, its ticks, their labels (one whenever there is room for it) */
    int tcol[DX_PLOT_MAX_TICKS];
    for (size_t i = 0; i < p->nxt; i++)
        tcol[i] = tick_col(&c, p->xt[i]);
    dx_tp_x_axis(&b, lw, c.pw, cols, tcol, p->xt, p->nxt, p->xstep, flags, NULL);
    int dummy;
    legend(&b, p, cols, flags, false, &dummy);
    dx_free(c.bits);
    dx_free(c.owner);
    char *text = dx_buf_take(&b);
    return text ? text : dx_oom(ctx);
}
