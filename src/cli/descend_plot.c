/* Descent pictures: the path on the loss curve and the loss per step, one panel per rate. */
#include "cli.h"
#include "dfdx/plot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CURVE_SAMPLES = 1001, TERM_PANEL_ROWS = 18 };

/* The x view of a path: the points up to the third one clearly above the start's loss (a
 * diverging run reaches 1e300; its first swings show what happened), widened by a fifth. */
static void path_view(const cli_trace *t, double *lo, double *hi)
{
    double l0 = t->loss[0], worse = l0 + fabs(l0) + 1e-12;
    int above = 0;
    *lo = *hi = t->x[0];
    for (size_t i = 1; i < t->n && above < 3; i++) {
        if (!isfinite(t->x[i]) || !isfinite(t->loss[i]))
            break;
        above += t->loss[i] > worse;
        *lo = fmin(*lo, t->x[i]);
        *hi = fmax(*hi, t->x[i]);
    }
    double pad = *hi - *lo > 1e-12 * (1 + fabs(*lo)) ? 0.2 * (*hi - *lo) : 0.5 * (1 + fabs(*lo));
    *lo -= pad;
    *hi += pad;
}

/* Whether a run stayed near its start's loss (not diverged): only such runs set the y-range
 * the panels share, so one rate's blow-up cannot flatten the others' pictures. */
static bool tame(const cli_trace *t)
{
    double l0 = t->loss[0], cap = l0 + 10 * (fabs(l0) + 1e-12);
    for (size_t i = 0; i < t->n; i++)
        if (!isfinite(t->loss[i]) || t->loss[i] > cap)
            return false;
    return true;
}

/* The x view every rate's panel shares: each path's view, and every critical point of f
 * (the landscape: the bumpy loss's second valley, where a rate may be trapped or never look),
 * with a margin where those widened it. */
static void shared_x_view(const cli_trace *t, int n, const double *cps, size_t ncps, double *lo, double *hi)
{
    /* the tame runs' paths (a diverging one leaves the view, as it leaves the valley); all of
     * them where none is tame */
    bool any_tame = false;
    for (int k = 0; k < n; k++)
        any_tame |= tame(&t[k]);
    *lo = INFINITY;
    *hi = -INFINITY;
    for (int k = 0; k < n; k++) {
        double a, b;
        if (any_tame && !tame(&t[k]))
            continue;
        path_view(&t[k], &a, &b);
        *lo = fmin(*lo, a);
        *hi = fmax(*hi, b);
    }
    double a = *lo, b = *hi, near = fmax(3 * (b - a), 5); /* not a far-off root of a high degree */
    for (size_t i = 0; i < ncps; i++) {
        if (cps[i] < a - near || cps[i] > b + near)
            continue;
        *lo = fmin(*lo, cps[i]);
        *hi = fmax(*hi, cps[i]);
    }
    double pad = 0.1 * (*hi - *lo);
    *lo -= *lo < a ? pad : 0;
    *hi += *hi > b ? pad : 0;
}

/* One y-range for all the panels (the union of the tame runs' ranges), so rates compare at
 * a glance; a panel of a diverging run shows its path leaving that view. */
static void share_y(cli_panel *pan, const cli_trace *const *runs, int np)
{
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < np; i++)
        if (tame(runs[i])) {
            lo = fmin(lo, pan[i].plot->ylo);
            hi = fmax(hi, pan[i].plot->yhi);
        }
    if (!(lo < hi))
        return;
    for (int i = 0; i < np; i++) {
        pan[i].plot->ylo = lo;
        pan[i].plot->yhi = hi;
        dx_plot_ticks_for(pan[i].plot, 8, 6);
    }
}

/* The loss curve over [lo, hi] with the path over it, the start marked. */
static dx_plot *path_panel(cli *c, dx_expr *f, const char *var, const cli_trace *t, double lo, double hi)
{
    dx_plot *p = dx_plot_new(c->ctx, lo, hi, CURVE_SAMPLES);
    char *fs = dx_print(c->ctx, f, DX_PLAIN), label[DX_PLOT_LABEL], start[64];
    snprintf(label, sizeof label, _("loss L(%s) = %s"), var, fs ? fs : "?");
    snprintf(start, sizeof start, _("start (%.4g, %.4g)"), t->x[0], t->loss[0]);
    bool printed = fs != NULL;
    free(fs);
    if (!p || !printed || dx_plot_add_expr(p, c->ctx, f, var, label, true, false) != DX_OK ||
        dx_plot_add_path(p, c->ctx, t->x, t->loss, t->n, _("descent path")) != DX_OK ||
        dx_plot_add_mark(p, c->ctx, t->x[0], t->loss[0], start) != DX_OK || dx_plot_finish(p, c->ctx) != DX_OK) {
        dx_plot_free(p);
        return NULL;
    }
    return p;
}

/* The loss at each step, from the start's loss down to the lowest (the robust range of a
 * path would cut the start off a fast fall); a diverging run's is cut at ten times the
 * start's, so its first steps stay readable. */
static dx_plot *loss_panel(cli *c, const cli_trace *t, double last)
{
    dx_plot *p = dx_plot_new(c->ctx, 0, last > 0 ? last : 1, 2);
    if (!p || dx_plot_add_path(p, c->ctx, t->step, t->loss, t->n, _("loss per step")) != DX_OK ||
        dx_plot_finish(p, c->ctx) != DX_OK) {
        dx_plot_free(p);
        return NULL;
    }
    double l0 = t->loss[0], cap = l0 + 10 * (fabs(l0) + 1e-12), lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < t->n; i++)
        if (isfinite(t->loss[i]) && t->loss[i] <= cap) {
            lo = fmin(lo, t->loss[i]);
            hi = fmax(hi, t->loss[i]);
        }
    if (hi - lo > 1e-12 * (1 + fabs(hi))) {
        p->ylo = lo;
        p->yhi = hi;
    }
    return p;
}

static void final_loss(char *buf, size_t n, const cli_trace *t)
{
    double l = t->loss[t->n - 1];
    if (isfinite(l))
        snprintf(buf, n, _("final loss %.4g"), l);
    else /* the title names the status (diverged, stopped) right after */
        snprintf(buf, n, "%s", _("final loss undefined"));
}

int cli_descend_pictures(cli *c, const cli_canvas *pc, dx_expr *f, const char *var, const cli_trace *t, int n,
                         const double *cps, size_t ncps)
{
    enum { MAX_PANELS = 32 };
    cli_panel pan[MAX_PANELS];
    const cli_trace *run[MAX_PANELS];
    char titles[MAX_PANELS][160];
    int np = 0, rc = CLI_BAD;
    /* the axes the rates' panels share: one x view (the landscape) and the longest run */
    double lo = 0, hi = 0, last = 0;
    if (var)
        shared_x_view(t, n, cps, ncps, &lo, &hi);
    for (int k = 0; k < n; k++)
        last = fmax(last, t[k].step[t[k].n - 1]);
    /* one run: the lesson's two panels; several: the path per rate (the loss per step where
     * there is no one-variable curve to walk on) */
    for (int k = 0; k < n && np < MAX_PANELS; k++) {
        char fl[48];
        final_loss(fl, sizeof fl, &t[k]);
        if (var) {
            run[np] = &t[k];
            pan[np].plot = path_panel(c, f, var, &t[k], lo, hi);
            if (n == 1)
                snprintf(titles[np], sizeof titles[np], _("descent on the loss curve (learning rate %g)"), t[k].rate);
            else
                snprintf(titles[np], sizeof titles[np], _("learning rate %g: %s (%s)"), t[k].rate, fl, t[k].status);
            pan[np].xname = var;
            pan[np].yname = _("loss");
            pan[np].title = titles[np];
            if (!pan[np++].plot)
                goto done;
        }
        if (!var || n == 1) {
            run[np] = &t[k];
            pan[np].plot = loss_panel(c, &t[k], n == 1 ? t[k].step[t[k].n - 1] : last);
            if (n == 1)
                snprintf(titles[np], sizeof titles[np], _("loss per step: %s (%s)"), fl, t[k].status);
            else
                snprintf(titles[np], sizeof titles[np], _("learning rate %g: %s (%s)"), t[k].rate, fl, t[k].status);
            pan[np].xname = _("step");
            pan[np].yname = _("loss");
            pan[np].title = titles[np];
            if (!pan[np++].plot)
                goto done;
        }
    }
    if (n > 1)
        share_y(pan, run, np);
    if (pc->out) {
        rc = cli_draw_panels(c, pan, np, np < 3 ? np : 3, pc->out, pc->w, pc->h);
        if (rc == CLI_OK && c->fmt != OUT_JSON)
            fprintf(c->out, _("wrote %s (%dx%d)\n"), pc->out, pc->w, pc->h);
        goto done;
    }
    for (int i = 0; i < np; i++) {
        char *text = dx_plot_text(pan[i].plot, c->ctx, pc->w, pc->h, pc->flags);
        if (!text)
            goto done;
        fprintf(c->out, "\n%s\n%s", pan[i].title, text);
        free(text);
    }
    rc = CLI_OK;
done:
    if (rc == CLI_BAD && dx_ctx_error(c->ctx)->status != DX_OK)
        cli_report(c, NULL);
    for (int i = 0; i < np; i++)
        dx_plot_free(pan[i].plot);
    return rc;
}
