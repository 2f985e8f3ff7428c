/* dfdx plot: f and its derivatives drawn in the terminal, or into an SVG, PNG or PDF file. */
#include "cli.h"
#include "dfdx/plot.h"

#include <stdlib.h>
#include <string.h>

int cli_plot(cli *c, const cli_args *a);

enum { PLOT_SAMPLES = 1001, PLOT_MAX_ORDER = 4, PLOT_LABELLED_MARKS = 6 };

/* "f(x) = ...", "f'(x) = ...": the curve's legend entry. */
static bool add_curve(cli *c, dx_plot *p, dx_expr *e, const char *var, unsigned order)
{
    char *s = dx_print(c->ctx, e, DX_PLAIN);
    if (!s)
        return cli_report(c, NULL), false;
    char label[DX_PLOT_LABEL];
    snprintf(label, sizeof label, "f%.*s(%s) = %s", (int)order, "''''", var, s);
    free(s);
    if (dx_plot_add_expr(p, c->ctx, e, var, label, true, true) != DX_OK)
        return cli_report(c, NULL), false;
    return true;
}

/* The tangents at every point of every --tangent (--tangent -2,0,1.5 or the option
 * repeated, as lesson 000 draws three in one picture), each point marked. */
static bool add_tangents(cli *c, const cli_args *a, dx_plot *p, dx_expr *f, dx_expr *df, const char *var)
{
    for (int i = 0; i < a->nopt; i++) {
        if (strcmp(a->opt_name[i], "tangent") != 0)
            continue;
        char *parts[DX_PLOT_MAX_SERIES];
        int n = cli_split(c, "tangent", a->opt_val[i], parts, DX_PLOT_MAX_SERIES);
        bool ok = n > 0;
        for (int k = 0; ok && k < n; k++) {
            double at;
            dx_expr *A;
            ok = cli_number_ex(c, "tangent", parts[k], false, &at, &A);
            if (ok && dx_plot_add_tangent(p, c->ctx, f, df, var, A, at, parts[k]) != DX_OK)
                ok = (cli_report(c, NULL), false);
        }
        cli_free_parts(parts, n > 0 ? n : 0);
        if (!ok)
            return false;
    }
    return true;
}

/* A note for each marked point the view leaves out (a tangent at x = 8 on [-5, 5], a critical
 * point far above the data): the picture must not hide what was asked for in silence. */
static void note_outside(cli *c, const dx_plot *p)
{
    for (size_t i = 0; i < p->nm; i++) {
        const dx_plot_mark *m = &p->m[i];
        if (m->x >= p->x0 && m->x <= p->x1 && m->y >= p->y0 && m->y <= p->y1)
            continue;
        char xs[40], ys[40];
        dx_fmt_double(xs, sizeof xs, m->x);
        dx_fmt_double(ys, sizeof ys, m->y);
        fprintf(c->err, _("dfdx: %snote: the marked point (%s, %s) is outside the view (x in [%g, %g], y in [%g, %g])\n"),
                c->line_prefix, xs, ys, p->x0, p->x1, p->y0, p->y1);
    }
}

/* --mark extrema: f's critical points in view, marked on f (and where f' crosses 0, as the
 * lesson marks both panels). Only the first few are labelled: sin(x) over a wide interval
 * would bury the picture in its legend. */
static bool add_extrema(cli *c, dx_plot *p, dx_expr *f, const char *var, bool on_derivative)
{
    dx_msg note;
    if (dx_plot_mark_extrema(p, c->ctx, f, var, on_derivative, PLOT_LABELLED_MARKS, &note) != DX_OK)
        return cli_report(c, NULL), false;
    if (note.id != DX_M_NONE) {
        char *s = dx_msg_text(c->ctx, &note, DX_PLAIN);
        fprintf(c->err, _("dfdx: %snote: %s\n"), c->line_prefix, s ? s : _("out of memory"));
        free(s);
    }
    return true;
}

int cli_draw_file(cli *c, dx_plot *p, const char *path, int w, int h, const char *title);

static int json_out(cli *c, const dx_plot *p, const char *file, const char *picture)
{
    dx_buf b = {0};
    dx_buf_putc(&b, '{');
    const char *keys[] = {"from", "to", "ymin", "ymax"};
    const double vals[] = {p->x0, p->x1, p->y0, p->y1};
    for (int i = 0; i < 4; i++) {
        dx_json_key(&b, keys[i], i == 0);
        dx_json_num(&b, vals[i]);
    }
    dx_json_key(&b, "curves", false);
    dx_buf_putc(&b, '[');
    for (size_t i = 0; i < p->ns; i++) {
        dx_buf_puts(&b, i ? ", " : "");
        dx_json_str(&b, p->s[i].label);
    }
    dx_buf_putc(&b, ']');
    if (p->nm) {
        dx_json_key(&b, "marks", false);
        dx_buf_putc(&b, '[');
        for (size_t i = 0; i < p->nm; i++) {
            dx_buf_puts(&b, i ? ", {" : "{");
            dx_json_key(&b, "x", true);
            dx_json_num(&b, p->m[i].x);
            dx_json_key(&b, "y", false);
            dx_json_num(&b, p->m[i].y);
            dx_json_key(&b, "label", false);
            dx_json_str(&b, p->m[i].label);
            dx_buf_putc(&b, '}');
        }
        dx_buf_putc(&b, ']');
    }
    if (file) {
        dx_json_key(&b, "file", false);
        dx_json_str(&b, file);
    }
    if (picture) {
        dx_json_key(&b, "picture", false);
        dx_json_str(&b, picture);
    }
    dx_buf_puts(&b, "}\n");
    return cli_emit(c, c->out, &b);
}

int cli_plot(cli *c, const cli_args *a)
{
    double from = -5, to = 5;
    if (cli_has(a, "from") && !cli_number(c, "from", cli_get(a, "from"), &from))
        return CLI_BAD;
    if (cli_has(a, "to") && !cli_number(c, "to", cli_get(a, "to"), &to))
        return CLI_BAD;
    if (!(from < to))
        return cli_usage(c, _("--from must be less than --to (got %g and %g)"), from, to);
    unsigned order;
    if (!cli_order(c, a, PLOT_MAX_ORDER, &order))
        return CLI_BAD;
    const char *mark = cli_get(a, "mark");
    if (mark && strcmp(mark, "extrema") != 0)
        return cli_usage(c, _("--mark takes 'extrema' (not '%s')"), mark);
    cli_canvas pc;
    if (!cli_picture(c, a, 800, 500, &pc))
        return CLI_BAD;
    const char *out = pc.out;
    int w = pc.w, h = pc.h;

    const char *var;
    dx_expr *f = cli_function(c, a, "plot", &var);
    if (!f)
        return CLI_BAD;
    dx_plot *p = dx_plot_new(c->ctx, from, to, PLOT_SAMPLES);
    if (!p)
        return cli_report(c, NULL);
    int rc = CLI_BAD;
    dx_expr *d = f, *df = NULL;
    for (unsigned k = 0; k <= order; k++) {
        if (k > 0 && !(d = dx_derivative(c->ctx, d, var, 1))) {
            cli_report(c, NULL);
            goto done;
        }
        if (k == 1)
            df = d;
        if (!add_curve(c, p, d, var, k))
            goto done;
    }
    if (cli_has(a, "tangent")) {
        if (!df && !(df = dx_derivative(c->ctx, f, var, 1))) {
            cli_report(c, NULL);
            goto done;
        }
        if (!add_tangents(c, a, p, f, df, var))
            goto done;
    }
    if (mark && !add_extrema(c, p, f, var, order >= 1))
        goto done;
    if (dx_plot_finish(p, c->ctx) != DX_OK) {
        cli_report(c, NULL);
        goto done;
    }
    if (out) {
        rc = cli_draw_file(c, p, out, w, h, p->s[0].label);
        note_outside(c, p); /* the view as drawn: the picture's size set its ticks */
        if (rc == CLI_OK && c->fmt == OUT_JSON)
            rc = json_out(c, p, out, NULL);
        else if (rc == CLI_OK)
            fprintf(c->out, _("wrote %s (%dx%d)\n"), out, w, h);
        goto done;
    }
    char *text = dx_plot_text(p, c->ctx, w, h, pc.flags);
    if (!text) {
        cli_report(c, NULL);
        goto done;
    }
    note_outside(c, p);
    rc = CLI_OK;
    if (c->fmt == OUT_JSON)
        rc = json_out(c, p, NULL, text);
    else
        fputs(text, c->out);
    free(text);
done:
    dx_plot_free(p);
    return rc;
}
