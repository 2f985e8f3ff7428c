/* A contour plot's data as JSON: the box, the levels with their segments, marks, paths, lines. */
#include "dfdx/contour.h"
#include "expr.h"

/* ORDER dx_contour_mark_kind */
static const char *const kind_name[] = {"min", "max", "saddle", "degenerate", "point", "start", "end"};

static void pair(dx_buf *b, double x, double y)
{
    dx_buf_putc(b, '[');
    dx_json_num(b, x);
    dx_buf_puts(b, ", ");
    dx_json_num(b, y);
    dx_buf_putc(b, ']');
}

void dx_show_contour(dx_ctx *ctx, const dx_contour *c, dx_buf *b)
{
    (void)ctx;
    dx_buf_putc(b, '{');
    dx_json_key(b, "label", true);
    dx_json_str(b, c->label);
    dx_json_key(b, "vars", false);
    dx_buf_putc(b, '[');
    dx_json_str(b, c->xname);
    dx_buf_puts(b, ", ");
    dx_json_str(b, c->yname);
    dx_buf_putc(b, ']');
    dx_json_key(b, "from", false);
    pair(b, c->x0, c->y0);
    dx_json_key(b, "to", false);
    pair(b, c->x1, c->y1);
    dx_json_key(b, "grid", false);
    dx_buf_printf(b, "[%zu, %zu]", c->nx, c->ny);
    dx_json_key(b, "zmin", false);
    dx_json_num(b, c->zlo);
    dx_json_key(b, "zmax", false);
    dx_json_num(b, c->zhi);
    dx_json_key(b, "curve", false);
    dx_buf_puts(b, c->curve ? "true" : "false");
    dx_json_key(b, "levels", false);
    dx_buf_putc(b, '[');
    for (size_t k = 0; k < c->nlev; k++) {
        char t[48];
        dx_contour_level_label(c, k, t, sizeof t);
        dx_buf_puts(b, k ? ", {" : "{");
        dx_json_key(b, "value", true);
        dx_json_num(b, c->lev[k].value);
        dx_json_key(b, "text", false);
        dx_json_str(b, t);
        dx_json_key(b, "segments", false);
        dx_buf_putc(b, '[');
        for (size_t s = 0; s < c->lev[k].nseg; s++) {
            const dx_contour_seg *g = &c->lev[k].seg[s];
            dx_buf_puts(b, s ? ", [" : "[");
            dx_json_num(b, g->ax);
            dx_buf_puts(b, ", ");
            dx_json_num(b, g->ay);
            dx_buf_puts(b, ", ");
            dx_json_num(b, g->bx);
            dx_buf_puts(b, ", ");
            dx_json_num(b, g->by);
            dx_buf_putc(b, ']');
        }
        dx_buf_puts(b, "]}");
    }
    dx_buf_putc(b, ']');
    dx_json_key(b, "marks", false);
    dx_buf_putc(b, '[');
    for (size_t k = 0; k < c->nm; k++) {
        dx_buf_puts(b, k ? ", {" : "{");
        dx_json_key(b, "at", true);
        pair(b, c->m[k].x, c->m[k].y);
        dx_json_key(b, "kind", false);
        dx_json_str(b, kind_name[c->m[k].kind]);
        dx_json_key(b, "label", false);
        dx_json_str(b, c->m[k].label);
        dx_buf_putc(b, '}');
    }
    dx_buf_putc(b, ']');
    dx_json_key(b, "paths", false);
    dx_buf_putc(b, '[');
    for (size_t k = 0; k < c->np; k++) {
        dx_buf_puts(b, k ? ", {" : "{");
        dx_json_key(b, "label", true);
        dx_json_str(b, c->path[k].label);
        dx_json_key(b, "points", false);
        dx_buf_putc(b, '[');
        for (size_t i = 0; i < c->path[k].n; i++) {
            dx_buf_puts(b, i ? ", " : "");
            pair(b, c->path[k].px[i], c->path[k].py[i]);
        }
        dx_buf_puts(b, "]}");
    }
    dx_buf_putc(b, ']');
    dx_json_key(b, "lines", false);
    dx_buf_putc(b, '[');
    for (size_t k = 0; k < c->nl; k++) {
        dx_buf_puts(b, k ? ", {" : "{");
        dx_json_key(b, "label", true);
        dx_json_str(b, c->line[k].label);
        dx_json_key(b, "from", false);
        pair(b, c->line[k].ax, c->line[k].ay);
        dx_json_key(b, "to", false);
        pair(b, c->line[k].bx, c->line[k].by);
        dx_buf_putc(b, '}');
    }
    dx_buf_puts(b, "]}");
}
