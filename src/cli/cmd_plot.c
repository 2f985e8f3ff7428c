/* dfdx plot: f and its derivatives drawn in the terminal, or into an SVG, PNG or PDF file. */
#include "cli.h"
#include "eval.h"
#include "plot.h"

#include <math.h>
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

/* The tangent at A: y = f(A) + f'(A)*(x - A), built exactly where A is exact. */
static bool add_tangent(cli *c, dx_plot *p, dx_expr *f, dx_expr *df, const char *var, const char *text)
{
    double at;
    dx_expr *A;
    if (!cli_number_ex(c, "tangent", text, false, &at, &A))
        return false;
    dx_expr *x = dx_sym(c->ctx, var, strlen(var));
    dx_expr *fa = dx_subst(c->ctx, f, x, A), *ma = dx_subst(c->ctx, df, x, A);
    double fv, mv;
    if (!fa || !ma || dx_eval_const(c->ctx, fa, &fv) != DX_OK || dx_eval_const(c->ctx, ma, &mv) != DX_OK ||
        !isfinite(fv) || !isfinite(mv)) {
        dx_ctx_clear_error(c->ctx);
        return cli_usage(c, "no tangent at %s = %s: f or f' is undefined there", var, text), false;
    }
    dx_expr *line = dx_add(c->ctx, fa, dx_mul(c->ctx, ma, dx_sub(c->ctx, x, A)));
    char *s = line ? dx_print(c->ctx, line, DX_PLAIN) : NULL;
    if (!s)
        return cli_report(c, NULL), false;
    char label[DX_PLOT_LABEL];
    if (fa->kind == DX_NUM && ma->kind == DX_NUM) /* exact and short: y = 9*x - 16 */
        snprintf(label, sizeof label, "tangent at %s = %s: y = %s", var, text, s);
    else /* sec(pi/4)^2 is not folded: numbers read better */
        snprintf(label, sizeof label, "tangent at %s = %s: y = %.6g*(%s - %.6g) + %.6g", var, text, mv, var, at, fv);
    free(s);
    if (dx_plot_add_expr(p, c->ctx, line, var, label, false, false) != DX_OK ||
        dx_plot_add_mark(p, c->ctx, at, fv, NULL) != DX_OK)
        return cli_report(c, NULL), false;
    return true;
}

/* --mark extrema: the critical points of f in view (dx_extrema, as `dfdx extrema` finds
 * them), each marked on f with its kind and point ("local max (-1, 2)"), and, where f' is
 * drawn, the same x marked where f' crosses 0, as the lesson marks both panels. Only the first
 * few are labelled: sin(x) over a wide interval would bury the picture in its legend. */
static bool add_extrema(cli *c, dx_plot *p, dx_expr *f, const char *var, bool on_derivative)
{
    dx_extrema_result x;
    double from = p->x0, to = p->x1;
    if (dx_extrema(c->ctx, f, var, &from, &to, &x) != DX_OK)
        return cli_report(c, NULL), false;
    bool ok = true;
    size_t labelled = 0;
    for (size_t i = 0; ok && i < x.ncrit; i++) {
        const dx_crit *k = &x.crit[i];
        if (!isfinite(k->at.value))
            continue;
        char label[64] = "";
        if (labelled++ < PLOT_LABELLED_MARKS)
            snprintf(label, sizeof label, "%s (%.4g, %.4g)",
                     k->kind == DX_CP_MIN ? "local min" : k->kind == DX_CP_MAX ? "local max" : "critical point",
                     k->at.x == 0 ? 0 : k->at.x, k->at.value == 0 ? 0 : k->at.value);
        ok = dx_plot_add_mark(p, c->ctx, k->at.x, k->at.value, label) == DX_OK &&
             (!on_derivative || k->kink || dx_plot_add_mark(p, c->ctx, k->at.x, 0, NULL) == DX_OK);
    }
    if (!ok)
        cli_report(c, NULL);
    else if (x.ncrit == 0)
        fprintf(c->err, "dfdx: %snote: f has no critical points on [%g, %g]: nothing to mark\n", c->line_prefix,
                from, to);
    dx_extrema_free(&x);
    return ok;
}

int cli_draw_file(cli *c, dx_plot *p, const char *path, int w, int h, const char *title);

static void json_out(cli *c, const dx_plot *p, const char *file, const char *picture)
{
    fputs("{\"from\": ", c->out);
    cli_json_num(c->out, p->x0);
    fputs(", \"to\": ", c->out);
    cli_json_num(c->out, p->x1);
    fputs(", \"ymin\": ", c->out);
    cli_json_num(c->out, p->y0);
    fputs(", \"ymax\": ", c->out);
    cli_json_num(c->out, p->y1);
    fputs(", \"curves\": [", c->out);
    for (size_t i = 0; i < p->ns; i++) {
        fputs(i ? ", " : "", c->out);
        cli_json_str(c->out, p->s[i].label);
    }
    fputs("]", c->out);
    if (p->nm) {
        fputs(", \"marks\": [", c->out);
        for (size_t i = 0; i < p->nm; i++) {
            fputs(i ? ", {\"x\": " : "{\"x\": ", c->out);
            cli_json_num(c->out, p->m[i].x);
            fputs(", \"y\": ", c->out);
            cli_json_num(c->out, p->m[i].y);
            fputs(", \"label\": ", c->out);
            cli_json_str(c->out, p->m[i].label);
            fputc('}', c->out);
        }
        fputc(']', c->out);
    }
    if (file) {
        fputs(", \"file\": ", c->out);
        cli_json_str(c->out, file);
    }
    if (picture) {
        fputs(", \"picture\": ", c->out);
        cli_json_str(c->out, picture);
    }
    fputs("}\n", c->out);
}

int cli_plot(cli *c, const cli_args *a)
{
    double from = -5, to = 5;
    if (cli_has(a, "from") && !cli_number(c, "from", cli_get(a, "from"), &from))
        return CLI_BAD;
    if (cli_has(a, "to") && !cli_number(c, "to", cli_get(a, "to"), &to))
        return CLI_BAD;
    if (!(from < to))
        return cli_usage(c, "--from must be less than --to (got %g and %g)", from, to);
    unsigned order;
    if (!cli_order(c, a, PLOT_MAX_ORDER, &order))
        return CLI_BAD;
    const char *mark = cli_get(a, "mark");
    if (mark && strcmp(mark, "extrema") != 0)
        return cli_usage(c, "--mark takes 'extrema' (not '%s')", mark);
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
        if (k > 0 && !(d = dx_diff(c->ctx, d, var, 1))) {
            cli_report(c, NULL);
            goto done;
        }
        if (k == 1)
            df = d;
        if (!add_curve(c, p, d, var, k))
            goto done;
    }
    if (cli_has(a, "tangent")) {
        if (!df && !(df = dx_diff(c->ctx, f, var, 1))) {
            cli_report(c, NULL);
            goto done;
        }
        if (!add_tangent(c, p, f, df, var, cli_get(a, "tangent")))
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
        if (rc == CLI_OK && c->fmt == OUT_JSON)
            json_out(c, p, out, NULL);
        else if (rc == CLI_OK)
            fprintf(c->out, "wrote %s (%dx%d)\n", out, w, h);
        goto done;
    }
    char *text = dx_plot_text(p, c->ctx, w, h, pc.flags);
    if (!text) {
        cli_report(c, NULL);
        goto done;
    }
    if (c->fmt == OUT_JSON)
        json_out(c, p, NULL, text);
    else
        fputs(text, c->out);
    free(text);
    rc = CLI_OK;
done:
    dx_plot_free(p);
    return rc;
}
