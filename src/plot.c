/* Plots: sampling curves with the compiled evaluator, a robust y-range, breaks at poles, ticks. */
#include "dfdx/plot.h"
#include "alloc.h"
#include "eval.h"
#include "expr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

dx_plot *dx_plot_new(dx_ctx *ctx, double x0, double x1, size_t n)
{
    dx_recover(ctx);
    if (!isfinite(x0) || !isfinite(x1) || !(x0 < x1))
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_PLOT_INTERVAL, DX_D(x0), DX_D(x1));
    if (x1 - x0 < 1e-12 * fmax(fabs(x0), fabs(x1)) || !isfinite(x1 - x0))
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_PLOT_INTERVAL_SIZE, DX_D(x0), DX_D(x1));
    if (n < 2 || n > DX_PLOT_MAX_POINTS)
        return dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_PLOT_SAMPLES, DX_I(DX_PLOT_MAX_POINTS), DX_I(n));
    dx_plot *p = dx_calloc(1, sizeof *p);
    if (!p)
        return dx_oom(ctx);
    p->x0 = x0;
    p->x1 = x1;
    p->n = n;
    return p;
}

void dx_plot_free(dx_plot *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->ns; i++) {
        dx_free(p->s[i].px);
        dx_free(p->s[i].py);
        dx_free(p->s[i].brk);
    }
    dx_free(p);
}

/* A new series with room for n points, or NULL with the error recorded. */
static dx_plot_series *new_series(dx_plot *p, dx_ctx *ctx, const char *label, size_t n)
{
    if (p->ns == DX_PLOT_MAX_SERIES)
        return dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_PLOT_CURVES, DX_I(DX_PLOT_MAX_SERIES));
    if (n < 1 || n > DX_PLOT_MAX_POINTS)
        return dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_PLOT_PATH, DX_I(DX_PLOT_MAX_POINTS), DX_I(n));
    dx_plot_series *s = &p->s[p->ns];
    memset(s, 0, sizeof *s);
    s->px = dx_malloc(n * sizeof *s->px);
    s->py = dx_malloc(n * sizeof *s->py);
    s->brk = dx_calloc(n, 1);
    if (!s->px || !s->py || !s->brk) {
        dx_free(s->px);
        dx_free(s->py);
        dx_free(s->brk);
        return dx_oom(ctx);
    }
    snprintf(s->label, sizeof s->label, "%s", label ? label : "");
    s->n = n;
    p->ns++;
    return s;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The finite values among v[0..n) sorted into a new array (*m of them); NULL if none or no memory. */
static double *sorted_finite(const double *v, size_t n, size_t *m)
{
    double *w = dx_malloc((n ? n : 1) * sizeof *w);
    *m = 0;
    if (!w)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (isfinite(v[i]))
            w[(*m)++] = v[i];
    qsort(w, *m, sizeof *w, cmp_double);
    return w;
}

/* The robust range of sorted values w[0..m): the q and 1-q quantiles widened by widen times
 * their spread, but never past the data. A pole contributes a few huge values, which sit
 * beyond the quantiles and cannot stretch the range; a polynomial's ends lie within the
 * widened quantiles, so they stay in view. */
static void robust_range(const double *w, size_t m, double q, double widen, double *lo, double *hi)
{
    double qlo = w[(size_t)floor(q * (double)(m - 1))];
    double qhi = w[(size_t)ceil((1 - q) * (double)(m - 1))];
    double spread = qhi - qlo;
    *lo = fmax(w[0], qlo - widen * spread);
    *hi = fmin(w[m - 1], qhi + widen * spread);
}

/* The series' own robust range; tighter where it has a pole or a domain edge. */
static dx_status series_range(dx_plot_series *s, dx_ctx *ctx)
{
    size_t m;
    double *w = sorted_finite(s->py, s->n, &m);
    if (!w) {
        dx_oom(ctx);
        return DX_ENOMEM;
    }
    s->wild = false;
    for (size_t i = 0; i + 1 < s->n && !s->wild; i++)
        s->wild = s->brk[i] || isnan(s->py[i]) != isnan(s->py[i + 1]);
    s->has_range = m > 0;
    /* a curve without a pole or an edge is drawn whole (x^2*exp(-x) on [-1, 6] rises to e at
     * -1, beyond its quantiles); only a wild one is cut to its robust range */
    if (m > 0 && s->wild)
        robust_range(w, m, 0.10, 0.5, &s->rlo, &s->rhi);
    else if (m > 0) {
        s->rlo = w[0];
        s->rhi = w[m - 1];
    }
    dx_free(w);
    return DX_OK;
}

/* One value of the program at x; NaN outside the domain. */
static double eval1(dx_prog *prog, double x)
{
    const double *cols[1] = {&x};
    double y;
    dx_prog_eval_n(prog, 1, cols, &y);
    return isfinite(y) ? y : NAN;
}

/* Between xa and xb the curve goes from ya to yb, a large step. Halve the interval, keeping
 * the half with the larger change: on a continuous stretch the change shrinks with the
 * interval, across a pole or jump it does not (or the curve is undefined inside). */
static bool breaks_between(dx_prog *prog, double xa, double ya, double xb, double yb)
{
    double d0 = fabs(yb - ya);
    for (int k = 0; k < 64; k++) { /* 64 halvings exhaust a double's precision */
        double xm = 0.5 * (xa + xb);
        if (xm <= xa || xm >= xb)
            break;
        double ym = eval1(prog, xm);
        if (isnan(ym))
            return true;
        if (fabs(ym - ya) > fabs(yb - ym)) {
            xb = xm;
            yb = ym;
        } else {
            xa = xm;
            ya = ym;
        }
        if (fabs(yb - ya) < 0.05 * d0)
            return false;
    }
    return fabs(yb - ya) >= 0.5 * d0;
}

dx_status dx_plot_add_expr(dx_plot *p, dx_ctx *ctx, const dx_expr *e, const char *var, const char *label,
                           bool ranged, bool within_first)
{
    if (!e) /* an earlier call failed: its error stands */
        return dx_failed(ctx) ? dx_ctx_error(ctx)->status : DX_EUSAGE;
    dx_recover(ctx);
    const char *vars[1] = {var};
    dx_prog *prog = dx_compile(ctx, e, vars, 1);
    if (!prog)
        return dx_ctx_error(ctx)->status;
    dx_plot_series *s = new_series(p, ctx, label, p->n);
    if (!s) {
        dx_prog_free(prog);
        return dx_ctx_error(ctx)->status;
    }
    s->ranged = ranged;
    dx_prog_set_fast(prog, true); /* a pixel needs no last digits */
    for (size_t i = 0; i < p->n; i++) /* the last sample is exactly x1 */
        s->px[i] = i + 1 == p->n ? p->x1 : p->x0 + (p->x1 - p->x0) * (double)i / (double)(p->n - 1);
    const double *cols[1] = {s->px};
    dx_prog_eval_n(prog, p->n, cols, s->py);
    for (size_t i = 0; i < p->n; i++)
        if (!isfinite(s->py[i]) || (within_first && s != &p->s[0] && isnan(p->s[0].py[i])))
            s->py[i] = NAN;
    /* a step is "large" when it is a good part of the curve's own robust range */
    size_t m;
    double *w = sorted_finite(s->py, p->n, &m);
    if (!w) {
        dx_prog_free(prog);
        dx_oom(ctx);
        return DX_ENOMEM;
    }
    if (m == 0 && s == &p->s[0]) {
        /* nothing finite: say why at one point (ln of a negative, or an overflow like x^2 at
         * 1e300, which is defined but too large for a double) */
        double mid = p->x0 + (p->x1 - p->x0) / 2, y;
        dx_status st = dx_prog_eval(prog, ctx, &mid, &y);
        const dx_msg *why = dx_msg_keep(ctx, st == DX_OK ? DX_MSG(DX_M_PLOT_NOT_FINITE) : dx_ctx_error(ctx)->msg);
        const char *name = dx_strndup(ctx, var, strlen(var));
        dx_recover(ctx);
        if (!why || !name) {
            dx_free(w);
            dx_prog_free(prog);
            dx_oom(ctx);
            return DX_ENOMEM;
        }
        p->empty = DX_MSG(DX_M_PLOT_EMPTY_AT, DX_S(name), DX_D(mid), DX_N(why));
    }
    if (m >= 2) {
        double lo, hi;
        robust_range(w, m, 0.05, 0.5, &lo, &hi);
        double big = 0.25 * (hi - lo);
        for (size_t i = 0; i + 1 < p->n; i++) {
            double ya = s->py[i], yb = s->py[i + 1];
            if (isfinite(ya) && isfinite(yb) && fabs(yb - ya) > big &&
                breaks_between(prog, s->px[i], ya, s->px[i + 1], yb))
                s->brk[i] = 1;
        }
    }
    dx_free(w);
    dx_prog_free(prog);
    return series_range(s, ctx);
}

dx_status dx_plot_add_path(dx_plot *p, dx_ctx *ctx, const double *xs, const double *ys, size_t n, const char *label)
{
    dx_recover(ctx);
    dx_plot_series *s = new_series(p, ctx, label, n);
    if (!s)
        return dx_ctx_error(ctx)->status;
    for (size_t i = 0; i < n; i++) {
        s->px[i] = isfinite(xs[i]) ? xs[i] : NAN;
        s->py[i] = isfinite(ys[i]) ? ys[i] : NAN;
    }
    s->is_path = true;
    s->ranged = true;
    return series_range(s, ctx);
}

dx_status dx_plot_add_mark(dx_plot *p, dx_ctx *ctx, double x, double y, const char *label)
{
    dx_recover(ctx);
    if (p->nm == DX_PLOT_MAX_MARKS) {
        dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_PLOT_MARKS, DX_I(DX_PLOT_MAX_MARKS));
        return DX_ELIMIT;
    }
    dx_plot_mark *k = &p->m[p->nm++];
    k->x = x;
    k->y = y;
    snprintf(k->label, sizeof k->label, "%s", label ? label : "");
    k->minimum = false;
    return DX_OK;
}

dx_status dx_plot_finish(dx_plot *p, dx_ctx *ctx)
{
    dx_recover(ctx);
    bool any = false;
    for (int pass = 0; pass < 2; pass++) { /* f and the paths first, then the others */
        /* a constant f (5) has no height: its derivative (0) may still widen the view by f's size */
        double base = fmax(p->yhi - p->ylo, fmax(1.0, fabs(p->ylo)));
        for (size_t i = 0; i < p->ns; i++) {
            const dx_plot_series *s = &p->s[i];
            double h = (s->wild ? 0.5 : 1.0) * base;
            bool primary = i == 0 || s->is_path;
            if (!s->ranged || !s->has_range || (pass == 0) != primary)
                continue;
            double lo = s->rlo, hi = s->rhi;
            if (pass == 1 && any) {
                lo = fmax(lo, p->ylo - h);
                hi = fmin(hi, p->yhi + h);
                if (lo > hi)
                    continue;
            }
            p->ylo = any ? fmin(p->ylo, lo) : lo;
            p->yhi = any ? fmax(p->yhi, hi) : hi;
            any = true;
        }
    }
    if (!any) {
        const dx_msg *empty = p->empty.id == DX_M_NONE ? NULL : dx_msg_keep(ctx, p->empty);
        if (empty)
            dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_PLOT_NOTHING_AT, DX_D(p->x0), DX_D(p->x1), DX_N(empty));
        else
            dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_PLOT_NOTHING, DX_D(p->x0), DX_D(p->x1));
        return DX_EDOMAIN;
    }
    /* marks stay in view unless they are far outside the data */
    for (size_t i = 0; i < p->nm; i++) {
        double y = p->m[i].y, h = fmax(p->yhi - p->ylo, 1e-9);
        if (isfinite(y) && y > p->ylo - h && y < p->yhi + h) {
            p->ylo = fmin(p->ylo, y);
            p->yhi = fmax(p->yhi, y);
        }
    }
    if (p->yhi - p->ylo <= 1e-12 * fmax(1.0, fabs(p->ylo))) { /* a constant: show it mid-height */
        double d = fmax(1.0, 0.5 * fabs(p->ylo));
        p->ylo -= d;
        p->yhi += d;
    }
    dx_plot_ticks_for(p, 8, 6);
    return DX_OK;
}

size_t dx_plot_nice_ticks(double lo, double hi, size_t max, double *t, double *step)
{
    if (max < 1)
        max = 1;
    if (max > DX_PLOT_MAX_TICKS - 2)
        max = DX_PLOT_MAX_TICKS - 2;
    double raw = (hi - lo) / (double)max;
    double mag = pow(10.0, floor(log10(raw)));
    double norm = raw / mag, nice;
    if (norm <= 1)
        nice = 1;
    else if (norm <= 2)
        nice = 2;
    else if (norm <= 5)
        nice = 5;
    else
        nice = 10;
    *step = nice * mag;
    size_t n = 0;
    for (double k = ceil(lo / *step - 1e-9); n < DX_PLOT_MAX_TICKS && k * *step <= hi + 1e-9 * *step; k++) {
        double v = k * *step;
        t[n++] = fabs(v) < 1e-9 * *step ? 0.0 : v; /* no "-0" */
    }
    return n;
}

void dx_plot_ticks_for(dx_plot *p, size_t nx, size_t ny)
{
    double t[DX_PLOT_MAX_TICKS], step;
    dx_plot_nice_ticks(p->ylo, p->yhi, ny, t, &step);
    p->y0 = floor(p->ylo / step + 1e-9) * step;
    p->y1 = ceil(p->yhi / step - 1e-9) * step;
    /* data on a whole tick would run along the frame (relu's 0, step's 1), and data just past
     * one would waste a whole step of the picture (-0.06 widened to -100): a small margin
     * beyond the data instead, so every curve stays visible inside */
    double m = 0.04 * (p->yhi - p->ylo);
    if (p->y0 > p->ylo - m / 2 || p->y0 + step - p->ylo < m) /* on a tick, or just under one */
        p->y0 = p->ylo - m;
    if (p->y1 < p->yhi + m / 2 || p->yhi - (p->y1 - step) < m)
        p->y1 = p->yhi + m;
    if (p->y1 <= p->y0)
        p->y1 = p->y0 + step;
    /* the ticks of the step the view was rounded to: recomputed over the wider view they
     * could come out coarser, leaving a short picture with one label */
    p->ystep = step;
    p->nyt = 0;
    for (double k = ceil(p->y0 / step - 1e-9); p->nyt < DX_PLOT_MAX_TICKS && k * step <= p->y1 + 1e-9 * step; k++)
        p->yt[p->nyt++] = fabs(k) < 0.5 ? 0.0 : k * step; /* no "-0" */
    p->nxt = dx_plot_nice_ticks(p->x0, p->x1, nx, p->xt, &p->xstep);
}

void dx_plot_tick_label(double v, double step, char *buf, size_t size)
{
    double a = fmax(fabs(v), step);
    if (a >= 1e6 || step < 1e-4) {
        snprintf(buf, size, "%.3g", v);
        return;
    }
    int dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
    snprintf(buf, size, "%.*f", dec, v);
}

bool dx_plot_clip(double *ax, double *ay, double *bx, double *by, double x0, double x1, double y0, double y1)
{
    double dx = *bx - *ax, dy = *by - *ay, t0 = 0, t1 = 1;
    double pq[4][2] = {{-dx, *ax - x0}, {dx, x1 - *ax}, {-dy, *ay - y0}, {dy, y1 - *ay}};
    for (int i = 0; i < 4; i++) {
        double pp = pq[i][0], q = pq[i][1];
        if (pp == 0) {
            if (q < 0)
                return false;
            continue;
        }
        double r = q / pp;
        if (pp < 0) {
            if (r > t1)
                return false;
            if (r > t0)
                t0 = r;
        } else {
            if (r < t0)
                return false;
            if (r < t1)
                t1 = r;
        }
    }
    double ax0 = *ax, ay0 = *ay;
    if (t1 < 1) {
        *bx = ax0 + t1 * dx;
        *by = ay0 + t1 * dy;
    }
    if (t0 > 0) {
        *ax = ax0 + t0 * dx;
        *ay = ay0 + t0 * dy;
    }
    return true;
}
