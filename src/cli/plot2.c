/* Pictures of two variables: the contour plot of f(x, y) with its critical points, the curve
 * F(x, y) = 0 with its tangent, the path of a descent on two parameters over its loss. */
#include "plot2.h"
#include "point.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int cli_draw_contour(cli *c, dx_contour *k, const char *title, const char *path, int w, int h);

/* Grid points per axis: fine enough that a segment is shorter than a braille dot or a few pixels. */
enum { GRID = 161, LABELLED_MARKS = 8, DEFAULT_LEVELS = 10 };

/* One end of the box: x=-2,y=-1 or a number for both. */
static bool box_end(cli *c, const char *opt, const char *text, const char *x, const char *y, double v[2])
{
    if (!strchr(text, '=')) {
        if (!cli_number(c, opt, text, &v[0]))
            return false;
        v[1] = v[0];
        return true;
    }
    cli_point p;
    if (!cli_read_point(c, opt, text, &p))
        return false;
    const char *axes[2] = {x, y};
    for (int i = 0; i < 2; i++) {
        size_t k = 0;
        while (k < p.n && strcmp(p.name[k], axes[i]) != 0)
            k++;
        if (k == p.n)
            return cli_usage(c, _("--%s needs a value for %s (like --%s %s=-2,%s=-2, or one number for both)"), opt,
                             axes[i], opt, x, y),
                   false;
        if (dx_eval_const(c->ctx, p.value[k], &v[i]) != DX_OK)
            return cli_report(c, NULL), false;
    }
    if (p.n > 2)
        return cli_usage(c, _("--%s names only %s and %s"), opt, x, y), false;
    return true;
}

bool cli_box(cli *c, const cli_args *a, const char *x, const char *y, double from[2], double to[2], bool *given)
{
    const char *fs = cli_get(a, "from"), *ts = cli_get(a, "to");
    *given = fs && ts;
    if ((fs == NULL) != (ts == NULL))
        return cli_usage(c, _("give both corners of the box: --from %s=-2,%s=-2 --to %s=2,%s=2"), x, y, x, y), false;
    if (fs && (!box_end(c, "from", fs, x, y, from) || !box_end(c, "to", ts, x, y, to)))
        return false;
    for (int i = 0; fs && i < 2; i++)
        if (!(from[i] < to[i]))
            return cli_usage(c, _("--from must be less than --to (got %g and %g)"), from[i], to[i]), false;
    return true;
}

bool cli_levels(cli *c, const cli_args *a, size_t *count, double *levels, size_t *n)
{
    const char *s = cli_get(a, "levels");
    *n = 0;
    if (!s)
        return true;
    if (s[strspn(s, "0123456789")] == '\0') { /* digits alone: a count (one level: --levels 0.5, -1) */
        long k;
        if (!cli_whole(c, "levels", s, 1, DX_CONTOUR_MAX_LEVELS, &k))
            return false;
        *count = (size_t)k;
        return true;
    }
    char *parts[DX_CONTOUR_MAX_LEVELS];
    int m = cli_split(c, "levels", s, parts, DX_CONTOUR_MAX_LEVELS);
    bool ok = m > 0;
    for (int i = 0; ok && i < m; i++)
        ok = cli_number(c, "levels", parts[i], &levels[i]);
    cli_free_parts(parts, m);
    if (!ok)
        return false;
    *n = (size_t)m;
    return true;
}

int cli_contour_show(cli *c, const cli_canvas *pc, dx_contour *k, const char *title)
{
    char *picture = NULL;
    if (pc->out) {
        if (cli_draw_contour(c, k, title, pc->out, pc->w, pc->h) != CLI_OK)
            return CLI_BAD;
    } else if (!(picture = dx_contour_text(k, c->ctx, pc->w, pc->h, pc->flags))) {
        return cli_report(c, NULL);
    }
    if (c->fmt != OUT_JSON) {
        if (picture)
            fprintf(c->out, "%s\n%s", title, picture);
        else
            fprintf(c->out, _("wrote %s (%dx%d)\n"), pc->out, pc->w, pc->h);
        free(picture);
        return CLI_OK;
    }
    dx_buf b = {0};
    dx_show_contour(c->ctx, k, &b);
    if (b.n && b.s[b.n - 1] == '}') { /* the picture's own keys go inside the plot's object */
        b.n--;
        dx_json_key(&b, pc->out ? "file" : "picture", false);
        dx_json_str(&b, pc->out ? pc->out : picture);
        dx_buf_puts(&b, "}");
    }
    dx_buf_puts(&b, "\n");
    free(picture);
    return cli_emit(c, c->out, &b);
}

/* The default box of a contour plot: around the critical points of a polynomial (all of them
 * known), square, at least 2 wide each way; else [-5, 5] each way. The search is made on
 * [-5, 5], so that its points are those of the view either way (a polynomial's do not depend
 * on the box): *found keeps them for marking (found->n 0: none, the search failed). */
static void default_box(cli *c, dx_expr *f, const char *x, const char *y, double from[2], double to[2],
                        dx_extrema2_result *found)
{
    from[0] = from[1] = -5;
    to[0] = to[1] = 5;
    const char *vars[2] = {x, y};
    dx_extrema2_result r;
    if (dx_extrema2(c->ctx, f, vars, 2, from, to, &r) != DX_OK) {
        memset(found, 0, sizeof *found);
        cli_recover(c);
        return;
    }
    if (r.method == DX_EX2_RESULTANT && r.ncrit > 0) {
        double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
        for (size_t i = 0; i < r.ncrit; i++)
            for (int k = 0; k < 2; k++) {
                lo[k] = fmin(lo[k], r.crit[i].at[k]);
                hi[k] = fmax(hi[k], r.crit[i].at[k]);
            }
        double half = fmax(1.5, 0.9 * fmax(hi[0] - lo[0], hi[1] - lo[1]));
        double t[DX_CONTOUR_MAX_TICKS], unit;
        dx_plot_nice_ticks(0, half, 4, t, &unit); /* the box's ends on whole ticks */
        for (int k = 0; k < 2; k++) {
            double mid = (lo[k] + hi[k]) / 2;
            from[k] = floor((mid - half) / unit) * unit;
            to[k] = ceil((mid + half) / unit) * unit;
        }
    }
    *found = r;
}

/* "f(x, y) = x^2 - y^2" into buf. */
static bool function_label(cli *c, const dx_expr *f, const char *x, const char *y, char *buf, size_t size)
{
    char *s = dx_print(c->ctx, f, DX_PLAIN);
    if (!s)
        return cli_report(c, NULL), false;
    snprintf(buf, size, "f(%s, %s) = %s", x, y, s);
    free(s);
    return true;
}

static void note(cli *c, const dx_msg *m)
{
    if (m->id == DX_M_NONE)
        return;
    char *s = dx_msg_text(c->ctx, m, DX_PLAIN);
    fprintf(c->err, _("dfdx: %snote: %s\n"), c->line_prefix, s ? s : _("out of memory"));
    free(s);
}

int cli_plot_contour(cli *c, const cli_args *a, dx_expr *f, const char *x, const char *y)
{
    const char *mark = cli_get(a, "mark");
    if (mark && strcmp(mark, "extrema") != 0 && strcmp(mark, "none") != 0)
        return cli_usage(c, _("--mark takes 'extrema' or 'none' (not '%s')"), mark);
    if (cli_has(a, "order") || cli_has(a, "tangent"))
        return cli_usage(c, _("--%s is for functions of one variable; f(%s, %s) is drawn as contour lines"),
                         cli_has(a, "order") ? "order" : "tangent", x, y);
    double from[2], to[2], levels[DX_CONTOUR_MAX_LEVELS];
    size_t count = DEFAULT_LEVELS, nlev;
    bool given;
    cli_canvas pc;
    if (!cli_box(c, a, x, y, from, to, &given) || !cli_levels(c, a, &count, levels, &nlev) ||
        !cli_picture(c, a, 800, 640, &pc))
        return CLI_BAD;
    dx_extrema2_result found = {0}; /* n 0: not searched yet */
    if (!given)
        default_box(c, f, x, y, from, to, &found);
    char label[DX_CONTOUR_LABEL], title[DX_CONTOUR_LABEL + 64];
    if (!function_label(c, f, x, y, label, sizeof label))
        return CLI_BAD;
    dx_contour *k = dx_contour_new(c->ctx, from[0], to[0], from[1], to[1], GRID, GRID, x, y, label);
    dx_msg why = {DX_M_NONE, 0, {{0}}};
    int rc = CLI_BAD;
    if (!k || dx_contour_sample(k, c->ctx, f) != DX_OK ||
        dx_contour_levels(k, c->ctx, f, nlev ? levels : NULL, nlev, count, DX_LEVELS_EVEN) != DX_OK ||
        (!(mark && strcmp(mark, "none") == 0) &&
         (found.n ? dx_contour_mark_found(k, c->ctx, f, &found, LABELLED_MARKS, &why)
                  : dx_contour_mark_critical(k, c->ctx, f, LABELLED_MARKS, &why)) != DX_OK)) {
        cli_report(c, NULL);
        goto done;
    }
    if (mark) /* asked for: say when there was nothing to mark */
        note(c, &why);
    snprintf(title, sizeof title, _("contour lines of f(%s, %s)"), x, y);
    rc = cli_contour_show(c, &pc, k, title);
done:
    dx_extrema2_free(&found);
    dx_contour_free(k);
    return rc;
}

/* The box of a curve: where its points are, when it closes inside [-10, 10] each way (a circle,
 * an ellipse), with a margin; else [-5, 5] each way; the point of the tangent inside. */
static void curve_box(cli *c, const dx_implicit_result *r, double from[2], double to[2])
{
    from[0] = from[1] = -5;
    to[0] = to[1] = 5;
    dx_contour *k = dx_contour_new(c->ctx, -10, 10, -10, 10, GRID, GRID, r->x, r->y, "");
    double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
    if (k && dx_contour_sample(k, c->ctx, r->F) == DX_OK) {
        k->curve = true;
        if (dx_contour_levels(k, c->ctx, NULL, NULL, 0, 1, DX_LEVELS_EVEN) == DX_OK)
            for (size_t s = 0; s < k->lev[0].nseg; s++) {
                const dx_contour_seg *g = &k->lev[0].seg[s];
                lo[0] = fmin(lo[0], fmin(g->ax, g->bx));
                hi[0] = fmax(hi[0], fmax(g->ax, g->bx));
                lo[1] = fmin(lo[1], fmin(g->ay, g->by));
                hi[1] = fmax(hi[1], fmax(g->ay, g->by));
            }
    }
    dx_contour_free(k);
    cli_recover(c);
    if (lo[0] <= hi[0] && lo[0] > -9.5 && hi[0] < 9.5 && lo[1] > -9.5 && hi[1] < 9.5) {
        double half = 0.6 * fmax(hi[0] - lo[0], hi[1] - lo[1]) + 0.5;
        for (int i = 0; i < 2; i++) {
            double mid = (lo[i] + hi[i]) / 2;
            from[i] = floor(mid - half);
            to[i] = ceil(mid + half);
        }
    }
    double p[2];
    if (r->at && dx_eval_const(c->ctx, r->x0, &p[0]) == DX_OK && dx_eval_const(c->ctx, r->y0, &p[1]) == DX_OK)
        for (int i = 0; i < 2; i++) {
            from[i] = fmin(from[i], floor(p[i] - 1));
            to[i] = fmax(to[i], ceil(p[i] + 1));
        }
    cli_recover(c);
}

int cli_curve_picture(cli *c, const cli_args *a, const cli_canvas *pc, const dx_implicit_result *r)
{
    double from[2], to[2];
    bool given;
    if (!cli_box(c, a, r->x, r->y, from, to, &given))
        return CLI_BAD;
    if (!given)
        curve_box(c, r, from, to);
    /* the equation as typed: x^2 + y^2 = 25 reads better than x^2 + y^2 - 25 = 0 */
    char label[DX_CONTOUR_LABEL], title[DX_CONTOUR_LABEL + 64];
    snprintf(label, sizeof label, "%s", a->pos[0]);
    if (r->at)
        snprintf(title, sizeof title, _("the curve %s and its tangent"), label);
    else
        snprintf(title, sizeof title, _("the curve %s"), label);
    dx_contour *k = dx_contour_new(c->ctx, from[0], to[0], from[1], to[1], GRID, GRID, r->x, r->y, label);
    int rc = CLI_BAD;
    if (k) {
        k->curve = true;
        k->equal = true;
    }
    if (!k || dx_contour_sample(k, c->ctx, r->F) != DX_OK ||
        dx_contour_levels(k, c->ctx, r->F, NULL, 0, 1, DX_LEVELS_EVEN) != DX_OK ||
        (r->at && dx_contour_add_tangent(k, c->ctx, r) != DX_OK))
        cli_report(c, NULL);
    else
        rc = cli_contour_show(c, pc, k, title);
    dx_contour_free(k);
    return rc;
}

/* --- descent ----------------------------------------------------------------------------------- */

/* The box around the runs' paths (each up to where it leaves any sensible scale; a run that
 * diverged or stopped only when every run did, so the others' paths stay readable) and the
 * least-squares point, with a fifth of its size around it. */
static void path_box(const dx_descend_lesson *l, double from[2], double to[2])
{
    double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
    size_t nr = l->nruns < DX_CONTOUR_MAX_PATHS ? l->nruns : DX_CONTOUR_MAX_PATHS;
    bool any_ended = false;
    for (size_t r = 0; r < nr; r++)
        any_ended = any_ended || (l->runs[r].res.status != DX_DIVERGED && l->runs[r].res.status != DX_STOPPED);
    for (size_t r = 0; r < nr; r++) {
        const dx_descend_trace *t = &l->runs[r].trace;
        if (any_ended && (l->runs[r].res.status == DX_DIVERGED || l->runs[r].res.status == DX_STOPPED))
            continue;
        double worse = t->loss[0] + fabs(t->loss[0]) + 1e-12;
        int above = 0;
        for (size_t i = 0; i < t->n && above < 3; i++) {
            if (!isfinite(t->x[i]) || !isfinite(t->y[i]) || !isfinite(t->loss[i]))
                break;
            above += t->loss[i] > worse;
            lo[0] = fmin(lo[0], t->x[i]);
            hi[0] = fmax(hi[0], t->x[i]);
            lo[1] = fmin(lo[1], t->y[i]);
            hi[1] = fmax(hi[1], t->y[i]);
        }
    }
    for (int k = 0; l->least_squares && k < 2; k++) {
        lo[k] = fmin(lo[k], l->least_squares[k]);
        hi[k] = fmax(hi[k], l->least_squares[k]);
    }
    double span = fmax(hi[0] - lo[0], hi[1] - lo[1]);
    for (int k = 0; k < 2; k++) {
        double pad = fmax(0.2 * (hi[k] - lo[k]), 0.1 * span);
        if (!(pad > 1e-9 * (1 + fabs(lo[k]))))
            pad = 0.5 * (1 + fabs(lo[k]));
        from[k] = lo[k] - pad;
        to[k] = hi[k] + pad;
    }
}

int cli_descend_contour(cli *c, const cli_canvas *pc, dx_expr *f, const dx_descend_lesson *l, const dx_descend_request *q)
{
    double from[2], to[2];
    path_box(l, from, to);
    const char *x = l->vars[0], *y = l->vars[1];
    char *fs = dx_print(c->ctx, f, DX_PLAIN), label[DX_CONTOUR_LABEL], title[DX_CONTOUR_LABEL + 64];
    if (!fs)
        return cli_report(c, NULL);
    if (q->data)
        snprintf(label, sizeof label, _("loss L(%s, %s) = mean of %s over %zu rows"), x, y, fs, q->data->nrows);
    else
        snprintf(label, sizeof label, _("loss L(%s, %s) = %s"), x, y, fs);
    free(fs);
    dx_descent *d = dx_descend_prepare_data(c->ctx, f, l->vars, 2, NULL, NULL, 0, q->data);
    /* on data every grid point is a pass over the rows: fewer points for many rows */
    size_t rows = q->data ? q->data->nrows : 1, grid = GRID;
    while (grid > 41 && (double)grid * (double)grid * (double)rows > 2e7)
        grid -= 20;
    dx_contour *k = d ? dx_contour_new(c->ctx, from[0], to[0], from[1], to[1], grid, grid, x, y, label) : NULL;
    int rc = CLI_BAD;
    dx_status st = k ? dx_contour_sample_descent(k, c->ctx, d) : DX_EUSAGE;
    if (st == DX_OK)
        st = dx_contour_levels(k, c->ctx, NULL, NULL, 0, 12, DX_LEVELS_LOG);
    for (size_t r = 0; st == DX_OK && r < l->nruns && r < DX_CONTOUR_MAX_PATHS; r++) {
        char name[96];
        if (l->nruns > 1)
            snprintf(name, sizeof name, _("descent path, learning rate %g"), l->runs[r].rate);
        else
            snprintf(name, sizeof name, _("descent path (%zu points)"), l->runs[r].trace.n);
        st = dx_contour_add_path(k, c->ctx, l->runs[r].trace.x, l->runs[r].trace.y, l->runs[r].trace.n, name);
    }
    if (st == DX_OK && l->least_squares) {
        char ls[96];
        snprintf(ls, sizeof ls, _("least squares (%.4g, %.4g)"), l->least_squares[0], l->least_squares[1]);
        st = dx_contour_add_mark(k, c->ctx, l->least_squares[0], l->least_squares[1], DX_CMARK_MIN, ls);
    } else if (st == DX_OK && !q->data) {
        dx_msg why;
        st = dx_contour_mark_critical(k, c->ctx, f, LABELLED_MARKS, &why);
    }
    if (st != DX_OK) {
        cli_report(c, NULL);
    } else {
        const dx_descend_one *one = &l->runs[0];
        dx_msg m = dx_descend_status_msg(one->res.status);
        char *status = dx_msg_text(c->ctx, &m, DX_PLAIN);
        if (!status)
            cli_oom(c);
        if (l->nruns > 1)
            snprintf(title, sizeof title, _("descent on the loss's contour lines (%zu learning rates)"), l->nruns);
        else
            snprintf(title, sizeof title, _("descent on the loss's contour lines (learning rate %g): %s"), one->rate,
                     status);
        free(status);
        rc = cli_contour_show(c, pc, k, title);
    }
    dx_contour_free(k);
    dx_descend_free(d);
    return rc;
}
