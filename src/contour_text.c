/* The terminal picture of a contour plot: braille level lines with their values written on
 * them, marked points by kind, paths and lines, axes, ticks and a legend. */
#include "dfdx/contour.h"
#include "alloc.h"
#include "expr.h"
#include "textplot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ORDER dx_contour_mark_kind: the glyph of each kind of mark, Unicode and plain. */
static const char *const mark_glyph[][2] = {
    {"●", "o"}, {"▲", "^"}, {"✕", "x"}, {"◆", "?"}, {"■", "#"}, {"◉", "S"}, {"★", "E"},
};
/* Levels are coloured low to high along this ramp (blue to red); a value written on each line
 * says the same without colour. */
static const int ramp[] = {34, 36, 32, 33, 31};
enum { SPOTS = 4096, PATH_COLOUR = 35, LINE_COLOUR = 31, MARK_COLOUR = 1, OWNER_PATH = 100, OWNER_LINE = 200 };

typedef struct {
    int pw, ph, sx, sy;   /* cells, dots per cell */
    unsigned char *bits;  /* braille dots per cell */
    short *owner;         /* what was drawn last in a cell: a level, OWNER_PATH+k, OWNER_LINE+k; -1 none */
    char *text;           /* a character written over the cell (a level's value); 0 none */
    signed char *mark;    /* the kind of mark in the cell; -1 none */
    const dx_contour *c;
} canvas;

static double dot_x(const canvas *v, double x) { return (x - v->c->x0) / (v->c->x1 - v->c->x0) * (v->pw * v->sx - 1); }
static double dot_y(const canvas *v, double y) { return (v->c->y1 - y) / (v->c->y1 - v->c->y0) * (v->ph * v->sy - 1); }
static int cell_col(const canvas *v, double x) { return (int)(lround(dot_x(v, x)) / v->sx); }
static int cell_row(const canvas *v, double y) { return (int)(lround(dot_y(v, y)) / v->sy); }

static void set_dot(canvas *v, long dx, long dy, short who)
{
    if (dx < 0 || dy < 0 || dx >= (long)v->pw * v->sx || dy >= (long)v->ph * v->sy)
        return;
    size_t cell = (size_t)(dy / v->sy) * (size_t)v->pw + (size_t)(dx / v->sx);
    v->bits[cell] |= v->sx == 1 ? 1 : dx_tp_dot_bit(dy % v->sy, dx % v->sx);
    v->owner[cell] = who;
}

static void segment(canvas *v, double xa, double ya, double xb, double yb, short who)
{
    const dx_contour *c = v->c;
    if (!isfinite(xa) || !isfinite(ya) || !isfinite(xb) || !isfinite(yb) ||
        !dx_plot_clip(&xa, &ya, &xb, &yb, c->x0, c->x1, c->y0, c->y1))
        return;
    double ax = dot_x(v, xa), ay = dot_y(v, ya), bx = dot_x(v, xb), by = dot_y(v, yb);
    double steps = ceil(fmax(fabs(bx - ax), fabs(by - ay)));
    for (double k = 0; k <= steps; k++) {
        double t = steps > 0 ? k / steps : 0;
        set_dot(v, lround(ax + (bx - ax) * t), lround(ay + (by - ay) * t), who);
    }
}

/* Is the run of len cells from (row, col) free for a level's value (inside, no mark, no other
 * value, with a free cell on either side so two values never touch)? */
static bool room(const canvas *v, int row, int col, int len)
{
    if (row < 0 || row >= v->ph || col < 0 || col + len > v->pw)
        return false;
    for (int k = col - 1; k <= col + len; k++) {
        if (k < 0 || k >= v->pw)
            continue;
        size_t cell = (size_t)row * (size_t)v->pw + (size_t)k;
        if (v->text[cell] || v->mark[cell] >= 0)
            return false;
    }
    return true;
}

/* Each level's value written on one of its segments: the first of its spots with room. */
static void write_values(canvas *v)
{
    const dx_contour *c = v->c;
    for (size_t k = 0; k < c->nlev; k++) {
        const dx_contour_level *lv = &c->lev[k];
        char t[48];
        dx_contour_level_label(c, k, t, sizeof t);
        int len = (int)strlen(t);
        size_t spots[SPOTS], ns = dx_contour_label_spots(c, k, spots, SPOTS);
        for (size_t s = 0; s < ns; s++) {
            const dx_contour_seg *g = &lv->seg[spots[s]];
            double mx = (g->ax + g->bx) / 2, my = (g->ay + g->by) / 2;
            if (mx < c->x0 || mx > c->x1 || my < c->y0 || my > c->y1)
                continue;
            int row = cell_row(v, my), col = cell_col(v, mx) - len / 2;
            if (!room(v, row, col, len))
                continue;
            for (int q = 0; q < len; q++) {
                size_t cell = (size_t)row * (size_t)v->pw + (size_t)(col + q);
                v->text[cell] = t[q];
                v->owner[cell] = (short)k;
            }
            break;
        }
    }
}

static int level_colour(const dx_contour *c, int k)
{
    size_t n = sizeof ramp / sizeof *ramp;
    return c->curve ? ramp[0] : ramp[(size_t)k * n / (c->nlev ? c->nlev : 1)];
}

/* The legend: what each glyph is, packed left to right, three spaces apart. */
static void legend(dx_buf *b, const dx_contour *c, int cols, unsigned flags, bool count_only, int *lines)
{
    bool ascii = flags & DX_PLOT_ASCII;
    int col = 0;
    *lines = 0;
    size_t n = 1 + c->np + c->nl + c->nm;
    for (size_t k = 0; k < n; k++) {
        const char *glyph, *label;
        int code;
        if (k == 0) {
            glyph = ascii ? "*" : "━";
            label = c->label;
            code = level_colour(c, 0);
        } else if (k <= c->np) {
            glyph = ascii ? "+" : "•";
            label = c->path[k - 1].label;
            code = PATH_COLOUR;
        } else if (k <= c->np + c->nl) {
            glyph = ascii ? "=" : "━";
            label = c->line[k - 1 - c->np].label;
            code = LINE_COLOUR;
        } else {
            const dx_contour_mark *m = &c->m[k - 1 - c->np - c->nl];
            glyph = mark_glyph[m->kind][ascii];
            label = m->label;
            code = MARK_COLOUR;
        }
        if (!label[0])
            continue;
        int w = (int)(dx_text_width(glyph, strlen(glyph)) + 1 + dx_text_width(label, strlen(label)));
        dx_tp_legend_place(b, &col, lines, cols, w, count_only);
        if (!count_only) {
            dx_tp_colour(b, flags, code);
            dx_buf_puts(b, glyph);
            dx_tp_plain(b, flags);
            dx_buf_printf(b, " %s", label);
        }
    }
    if (!count_only && *lines)
        dx_buf_puts(b, "\n");
}

/* One cell as text, with the colour it wants (0: none). */
static int cell_text(const canvas *v, size_t cell, bool ascii, char ch[8])
{
    memset(ch, 0, 8);
    if (v->mark[cell] >= 0) {
        snprintf(ch, 8, "%s", mark_glyph[v->mark[cell]][ascii]);
        return MARK_COLOUR;
    }
    int who = v->owner[cell];
    int code = who >= OWNER_LINE ? LINE_COLOUR : who >= OWNER_PATH ? PATH_COLOUR : who >= 0 ? level_colour(v->c, who) : 0;
    if (v->text[cell]) {
        ch[0] = v->text[cell];
        return code;
    }
    if (!v->bits[cell]) {
        ch[0] = ' ';
        return 0;
    }
    if (ascii) {
        ch[0] = who >= OWNER_LINE ? '=' : who >= OWNER_PATH ? '+' : '.';
    } else {
        dx_tp_braille(v->bits[cell], ch);
    }
    return code;
}

char *dx_contour_text(dx_contour *c, dx_ctx *ctx, int cols, int rows, unsigned flags)
{
    dx_recover(ctx);
    bool ascii = flags & DX_PLOT_ASCII;
    int nleg;
    legend(NULL, c, cols, flags, true, &nleg);
    int ph = rows - 3 - nleg; /* the y name above, the x axis and its labels below */
    if (cols < 24 || ph < 4 || cols > 2000 || rows > 1000)
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_CONTOUR_TERMINAL_SIZE, DX_I(7 + nleg), DX_I(cols), DX_I(rows));
    dx_contour_ticks_for(c, 2, (size_t)(ph / 3 > 2 ? ph / 3 : 2));
    char lab[DX_PLOT_MAX_TICKS][48];
    int lw = 0;
    for (size_t i = 0; i < c->nyt; i++) {
        dx_plot_tick_label(c->yt[i], c->ystep, lab[i], sizeof lab[i]);
        lw = (int)strlen(lab[i]) > lw ? (int)strlen(lab[i]) : lw;
    }
    int xw = (int)dx_text_width(c->xname, strlen(c->xname)) + 1; /* the x name after the axis */
    canvas v = {cols - lw - 1 - xw, ph, ascii ? 1 : 2, ascii ? 1 : 4, NULL, NULL, NULL, NULL, c};
    if (c->equal) { /* equal scales: a braille dot is about square; a plain cell is twice as tall
                     * as wide, so counts as two widths */
        int tall = ascii ? 2 : 1;
        double per_x = (c->x1 - c->x0) / (v.pw * v.sx), per_y = (c->y1 - c->y0) / (v.ph * v.sy * tall);
        if (per_x < per_y)
            v.pw = (int)fmax(8, ceil((c->x1 - c->x0) / per_y / v.sx));
        else
            v.ph = (int)fmax(4, ceil((c->y1 - c->y0) / per_x / v.sy / tall));
    }
    dx_contour_ticks_for(c, (size_t)(v.pw / 10 > 2 ? v.pw / 10 : 2), (size_t)(v.ph / 3 > 2 ? v.ph / 3 : 2));
    size_t ncell = (size_t)v.pw * (size_t)v.ph;
    v.bits = dx_calloc(ncell, 1);
    v.owner = dx_malloc(ncell * sizeof *v.owner);
    v.text = dx_calloc(ncell, 1);
    v.mark = dx_malloc(ncell);
    dx_buf b = {0};
    if (!v.bits || !v.owner || !v.text || !v.mark) {
        dx_free(v.bits);
        dx_free(v.owner);
        dx_free(v.text);
        dx_free(v.mark);
        return dx_oom(ctx);
    }
    for (size_t i = 0; i < ncell; i++)
        v.owner[i] = -1;
    memset(v.mark, -1, ncell);
    for (size_t k = 0; k < c->nlev; k++)
        for (size_t s = 0; s < c->lev[k].nseg; s++) {
            const dx_contour_seg *g = &c->lev[k].seg[s];
            segment(&v, g->ax, g->ay, g->bx, g->by, (short)k);
        }
    for (size_t k = 0; k < c->nl; k++)
        segment(&v, c->line[k].ax, c->line[k].ay, c->line[k].bx, c->line[k].by, (short)(OWNER_LINE + k));
    for (size_t k = 0; k < c->np; k++)
        for (size_t i = 0; i < c->path[k].n; i++) {
            const dx_contour_path *p = &c->path[k];
            size_t j = i + 1 < p->n ? i + 1 : i;
            segment(&v, p->px[i], p->py[i], p->px[j], p->py[j], (short)(OWNER_PATH + k));
        }
    for (size_t k = 0; k < c->nm; k++)
        if (c->m[k].x >= c->x0 && c->m[k].x <= c->x1 && c->m[k].y >= c->y0 && c->m[k].y <= c->y1)
            v.mark[(size_t)cell_row(&v, c->m[k].y) * (size_t)v.pw + (size_t)cell_col(&v, c->m[k].x)] =
                (signed char)c->m[k].kind;
    if (!c->curve)
        write_values(&v);
    dx_buf_printf(&b, "%*s%s\n", lw, "", c->yname);
    for (int r = 0; r < v.ph; r++) {
        const char *tl = NULL;
        for (size_t i = 0; i < c->nyt; i++)
            if (cell_row(&v, c->yt[i]) == r)
                tl = lab[i];
        dx_tp_row_start(&b, lw, tl, flags);
        int cur = -1;
        for (int col = 0; col < v.pw; col++) {
            char ch[8];
            int code = cell_text(&v, (size_t)r * (size_t)v.pw + (size_t)col, ascii, ch);
            if ((flags & DX_PLOT_COLOR) && code != cur && ch[0] != ' ') {
                if (code)
                    dx_tp_colour(&b, flags, code);
                else
                    dx_tp_plain(&b, flags);
                cur = code;
            }
            dx_buf_puts(&b, ch);
        }
        dx_tp_plain(&b, flags);
        dx_buf_puts(&b, "\n");
    }
    /* the x axis, its ticks and their labels, then the x variable's name at the right */
    int tcol[DX_PLOT_MAX_TICKS];
    for (size_t i = 0; i < c->nxt; i++)
        tcol[i] = cell_col(&v, c->xt[i]);
    dx_tp_x_axis(&b, lw, v.pw, cols, tcol, c->xt, c->nxt, c->xstep, flags, c->xname);
    int dummy;
    legend(&b, c, cols, flags, false, &dummy);
    dx_free(v.bits);
    dx_free(v.owner);
    dx_free(v.text);
    dx_free(v.mark);
    char *text = dx_buf_take(&b);
    return text ? text : dx_oom(ctx);
}
