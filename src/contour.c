/* Contour plots: f(x, y) sampled on a grid, its level lines by marching squares, marks over it. */
#include "dfdx/contour.h"
#include "dfdx/extrema2.h"
#include "dfdx/plot.h"
#include "alloc.h"
#include "expr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(DX_CONTOUR_MAX_TICKS == DX_PLOT_MAX_TICKS, "ticks are made by dx_plot_nice_ticks");

dx_contour *dx_contour_new(dx_ctx *ctx, double x0, double x1, double y0, double y1, size_t nx, size_t ny,
                           const char *xname, const char *yname, const char *label)
{
    dx_recover(ctx);
    if (!(x0 < x1) || !(y0 < y1) || !isfinite(x1 - x0) || !isfinite(y1 - y0) ||
        x1 - x0 < 1e-12 * fmax(fabs(x0), fabs(x1)) || y1 - y0 < 1e-12 * fmax(fabs(y0), fabs(y1)))
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_CONTOUR_BOX, DX_S(xname), DX_S(yname), DX_D(x0), DX_D(x1),
                       DX_D(y0), DX_D(y1));
    if (nx < 2 || ny < 2 || nx > DX_CONTOUR_MAX_GRID || ny > DX_CONTOUR_MAX_GRID)
        return dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_CONTOUR_GRID, DX_I(DX_CONTOUR_MAX_GRID), DX_I(nx), DX_I(ny));
    dx_contour *c = dx_calloc(1, sizeof *c);
    double *z = dx_malloc(nx * ny * sizeof *z);
    if (!c || !z) {
        dx_free(c);
        dx_free(z);
        return dx_oom(ctx);
    }
    *c = (dx_contour){.x0 = x0, .x1 = x1, .y0 = y0, .y1 = y1, .nx = nx, .ny = ny, .z = z};
    for (size_t i = 0; i < nx * ny; i++)
        c->z[i] = NAN;
    snprintf(c->xname, sizeof c->xname, "%s", xname);
    snprintf(c->yname, sizeof c->yname, "%s", yname);
    snprintf(c->label, sizeof c->label, "%s", label ? label : "");
    return c;
}

static void drop_levels(dx_contour *c)
{
    for (size_t k = 0; k < c->nlev; k++)
        dx_free(c->lev[k].seg);
    c->nlev = 0;
}

void dx_contour_free(dx_contour *c)
{
    if (!c)
        return;
    drop_levels(c);
    for (size_t k = 0; k < c->np; k++) {
        dx_free(c->path[k].px);
        dx_free(c->path[k].py);
    }
    dx_free(c->z);
    dx_free(c);
}

static double grid_x(const dx_contour *c, size_t i) { return c->x0 + (c->x1 - c->x0) * (double)i / (double)(c->nx - 1); }
static double grid_y(const dx_contour *c, size_t j) { return c->y0 + (c->y1 - c->y0) * (double)j / (double)(c->ny - 1); }

/* The finite range of z; DX_EDOMAIN when there is none. */
static dx_status range(dx_contour *c, dx_ctx *ctx)
{
    c->zlo = INFINITY;
    c->zhi = -INFINITY;
    for (size_t i = 0; i < c->nx * c->ny; i++) {
        if (!isfinite(c->z[i]))
            c->z[i] = NAN;
        else {
            c->zlo = fmin(c->zlo, c->z[i]);
            c->zhi = fmax(c->zhi, c->z[i]);
        }
    }
    if (c->zlo > c->zhi) {
        dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_CONTOUR_NOTHING);
        return DX_EDOMAIN;
    }
    return DX_OK;
}

/* f compiled with the two axes as its inputs (NULL with the error on ctx). */
static dx_prog *compiled(dx_contour *c, dx_ctx *ctx, const dx_expr *f)
{
    const char *vars[2] = {c->xname, c->yname};
    return dx_compile(ctx, f, vars, 2);
}

dx_status dx_contour_sample(dx_contour *c, dx_ctx *ctx, const dx_expr *f)
{
    dx_prog *p = compiled(c, ctx, f);
    if (!p)
        return dx_ctx_error(ctx)->status;
    size_t n = c->nx * c->ny;
    double *xs = dx_malloc(n * sizeof *xs), *ys = dx_malloc(n * sizeof *ys);
    if (!xs || !ys) {
        dx_free(xs);
        dx_free(ys);
        dx_prog_free(p);
        dx_oom(ctx);
        return DX_ENOMEM;
    }
    for (size_t j = 0; j < c->ny; j++)
        for (size_t i = 0; i < c->nx; i++) {
            xs[j * c->nx + i] = grid_x(c, i);
            ys[j * c->nx + i] = grid_y(c, j);
        }
    dx_prog_set_fast(p, true); /* a picture shows no last digits */
    const double *cols[2] = {xs, ys};
    dx_prog_eval_n(p, n, cols, c->z);
    dx_prog_free(p);
    dx_free(xs);
    dx_free(ys);
    return range(c, ctx);
}

dx_status dx_contour_sample_descent(dx_contour *c, dx_ctx *ctx, dx_descent *d)
{
    if (dx_descend_nvars(d) != 2) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_CONTOUR_DESCENT_VARS, DX_I(dx_descend_nvars(d)));
        return DX_EUSAGE;
    }
    for (size_t j = 0; j < c->ny; j++)
        for (size_t i = 0; i < c->nx; i++) {
            double w[2] = {grid_x(c, i), grid_y(c, j)}, v;
            if (dx_descend_loss(d, ctx, w, &v) != DX_OK) {
                if (!dx_recover(ctx))
                    return DX_ENOMEM;
                v = NAN; /* outside the loss's domain: no line there */
            }
            c->z[j * c->nx + i] = v;
        }
    return range(c, ctx);
}

/* --- the levels ------------------------------------------------------------------------------ */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The q-quantiles (q[0..n)) of the finite values of z. */
static bool quantiles(const dx_contour *c, const double *q, size_t nq, double *out)
{
    size_t n = 0, all = c->nx * c->ny;
    double *v = dx_malloc(all * sizeof *v);
    if (!v)
        return false;
    for (size_t i = 0; i < all; i++)
        if (!isnan(c->z[i]))
            v[n++] = c->z[i];
    qsort(v, n, sizeof *v, cmp_double);
    for (size_t k = 0; k < nq; k++)
        out[k] = v[(size_t)(q[k] * (double)(n - 1))];
    dx_free(v);
    return true;
}

/* Even levels: nice numbers inside the 2%..98% quantiles (the whole range when that is flat),
 * none at the very least or greatest value (a point, not a line). */
static size_t even_levels(const dx_contour *c, double lo, double hi, size_t count, double *lev, double *step)
{
    if (!(hi > lo)) {
        lo = c->zlo;
        hi = c->zhi;
    }
    double t[DX_PLOT_MAX_TICKS];
    size_t n = dx_plot_nice_ticks(lo, hi, count, t, step), m = 0;
    for (size_t i = 0; i < n && m < DX_CONTOUR_MAX_LEVELS; i++)
        if (t[i] > c->zlo && t[i] < c->zhi)
            lev[m++] = t[i];
    return m;
}

/* Log levels of a loss: 1, 2, 5 x 10^k from the top down, above a thousandth of the span. */
static size_t log_levels(const dx_contour *c, double hi, size_t count, double *lev, double *step)
{
    double floor_at = c->zlo + (hi - c->zlo) * 1e-3;
    double desc[DX_CONTOUR_MAX_LEVELS], unit[DX_CONTOUR_MAX_LEVELS];
    size_t n = 0;
    static const double mant[3] = {5, 2, 1};
    for (int e = (int)floor(log10(hi)); n < count && n < DX_CONTOUR_MAX_LEVELS && e > -300; e--)
        for (int k = 0; k < 3 && n < count && n < DX_CONTOUR_MAX_LEVELS; k++) {
            double v = mant[k] * pow(10, e);
            if (v > hi)
                continue;
            if (v <= floor_at || v <= c->zlo)
                goto done;
            unit[n] = pow(10, e);
            desc[n++] = v;
        }
done:
    for (size_t i = 0; i < n; i++) {
        lev[i] = desc[n - 1 - i];
        step[i] = unit[n - 1 - i];
    }
    return n;
}

/* The spacing a given level is written with: the largest power of ten (1e-6 .. 1e6) of which it
 * is a whole multiple, so 0.5 is written "0.5" and 20 "20". */
static double exact_step(double v)
{
    for (double p = 1e6; p > 1e-6; p /= 10)
        if (fabs(v / p - round(v / p)) < 1e-9 * fmax(1, fabs(v / p)))
            return p;
    return 1e-6;
}

/* --- marching squares ----------------------------------------------------------------------- */

typedef struct {
    dx_contour *c;
    dx_prog *p;   /* f, to refine crossings; NULL: linear interpolation only */
    double tol;
    dx_ctx *ctx;
} tracer;

/* Where the level L crosses the edge from grid point (i0, j0) to (i1, j1), whose values are on
 * either side of it (or one is L): interpolated, then refined by regula falsi (Illinois) on f
 * along the edge while f is defined there. */
static void crossing(const tracer *t, size_t i0, size_t j0, size_t i1, size_t j1, double L, double *x, double *y)
{
    const dx_contour *c = t->c;
    double ax = grid_x(c, i0), ay = grid_y(c, j0), bx = grid_x(c, i1), by = grid_y(c, j1);
    double ga = c->z[j0 * c->nx + i0] - L, gb = c->z[j1 * c->nx + i1] - L;
    double s = ga == gb ? 0.5 : ga / (ga - gb);
    if (t->p && ga != 0 && gb != 0) {
        double ta = 0, tb = 1;
        int side = 0;
        for (int it = 0; it < 60; it++) {
            double tm = (ta * gb - tb * ga) / (gb - ga), v, at[2] = {ax + tm * (bx - ax), ay + tm * (by - ay)};
            if (dx_prog_eval(t->p, t->ctx, at, &v) != DX_OK || !isfinite(v)) {
                dx_recover(t->ctx);
                break; /* keep the last estimate */
            }
            s = tm;
            double g = v - L;
            if (fabs(g) <= t->tol)
                break;
            if ((g < 0) == (ga < 0)) {
                ta = tm;
                ga = g;
                if (side == -1)
                    gb /= 2;
                side = -1;
            } else {
                tb = tm;
                gb = g;
                if (side == 1)
                    ga /= 2;
                side = 1;
            }
        }
    }
    *x = ax + s * (bx - ax);
    *y = ay + s * (by - ay);
}

/* The corner k (0 bottom left, 1 bottom right, 2 top right, 3 top left) of cell (i, j). */
static void corner(size_t i, size_t j, int k, size_t *ci, size_t *cj)
{
    *ci = i + (k == 1 || k == 2);
    *cj = j + (k >= 2);
}

/* The segments of level L in every cell whose four values are defined. */
static bool trace_level(const tracer *t, dx_contour_level *lv)
{
    const dx_contour *c = t->c;
    double L = lv->value;
    size_t cap = 64;
    lv->seg = dx_malloc(cap * sizeof *lv->seg);
    lv->nseg = 0;
    if (!lv->seg)
        return false;
    /* for each case (which corners are >= L): the edges a segment joins (edge e runs from corner
     * e to corner e+1); the saddle cases 5 and 10 are decided by the centre */
    static const signed char pairs[16][4] = {
        {-1}, {3, 0, -1}, {0, 1, -1}, {3, 1, -1}, {1, 2, -1}, {0}, {0, 2, -1}, {3, 2, -1},
        {2, 3, -1}, {0, 2, -1}, {0}, {1, 2, -1}, {1, 3, -1}, {0, 1, -1}, {3, 0, -1}, {-1},
    };
    for (size_t j = 0; j + 1 < c->ny; j++)
        for (size_t i = 0; i + 1 < c->nx; i++) {
            double zc[4];
            int idx = 0;
            bool ok = true;
            for (int k = 0; k < 4; k++) {
                size_t ci, cj;
                corner(i, j, k, &ci, &cj);
                zc[k] = c->z[cj * c->nx + ci];
                ok = ok && !isnan(zc[k]);
                idx |= (zc[k] >= L) << k;
            }
            if (!ok || idx == 0 || idx == 15)
                continue;
            signed char e[4] = {pairs[idx][0], pairs[idx][1], pairs[idx][2], pairs[idx][3]};
            if (idx == 5 || idx == 10) {
                bool centre = (zc[0] + zc[1] + zc[2] + zc[3]) / 4 >= L;
                /* the corners not joined through the centre are cut off one by one */
                bool cut13 = (idx == 5) == centre;
                signed char a[4] = {0, 1, 2, 3}, b[4] = {3, 0, 1, 2};
                memcpy(e, cut13 ? a : b, 4);
            }
            for (int s = 0; s < 4 && e[s] >= 0; s += 2) {
                double p[2][2];
                for (int h = 0; h < 2; h++) {
                    int ed = e[s + h];
                    size_t i0, j0, i1, j1;
                    corner(i, j, ed, &i0, &j0);
                    corner(i, j, (ed + 1) % 4, &i1, &j1);
                    crossing(t, i0, j0, i1, j1, L, &p[h][0], &p[h][1]);
                }
                if (p[0][0] == p[1][0] && p[0][1] == p[1][1])
                    continue; /* the level through a grid point: both edges cross at that corner */
                if (lv->nseg == cap) {
                    dx_contour_seg *grown = dx_realloc(lv->seg, 2 * cap * sizeof *grown);
                    if (!grown)
                        return false;
                    lv->seg = grown;
                    cap *= 2;
                }
                lv->seg[lv->nseg++] = (dx_contour_seg){p[0][0], p[0][1], p[1][0], p[1][1]};
            }
        }
    return true;
}

dx_status dx_contour_levels(dx_contour *c, dx_ctx *ctx, const dx_expr *f, const double *levels, size_t n,
                            size_t count, dx_contour_spacing spacing)
{
    dx_recover(ctx);
    drop_levels(c);
    double lev[DX_CONTOUR_MAX_LEVELS], step[DX_CONTOUR_MAX_LEVELS], q[5], one;
    size_t m = 0;
    bool ascending = true;
    for (size_t i = 1; levels && i < n; i++)
        ascending = ascending && levels[i - 1] < levels[i];
    if (levels && (n < 1 || n > DX_CONTOUR_MAX_LEVELS || !ascending)) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_CONTOUR_LEVELS, DX_I(DX_CONTOUR_MAX_LEVELS));
        return DX_EUSAGE;
    }
    if (c->curve) {
        lev[m] = 0;
        step[m++] = 1;
    } else if (levels) {
        for (; m < n; m++) {
            lev[m] = levels[m];
            step[m] = exact_step(levels[m]);
        }
    } else {
        if (!quantiles(c, (const double[5]){0.02, 0.5, 0.75, 0.9, 0.98}, 5, q)) {
            dx_oom(ctx);
            return DX_ENOMEM;
        }
        if (spacing == DX_LEVELS_LOG && c->zlo >= 0 && q[4] > 0)
            m = log_levels(c, q[4], count, lev, step);
        bool even = m < 5;
        /* even levels up to the 98% quantile; where f grows fast towards the edges (x^4) that
         * leaves the lower half, where its minima are, with a level or two: then up to the 90%
         * or the 75% quantile, so the lower half keeps at least a third of the levels */
        for (int top = 4; even && top >= 2; top--) {
            m = even_levels(c, q[0], q[top], count, lev, &one);
            size_t low = 0;
            for (size_t i = 0; i < m; i++) {
                step[i] = one;
                low += lev[i] <= q[1];
            }
            if (3 * low >= m && low >= 2)
                break;
        }
    }
    if (m == 0) {
        dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_CONTOUR_FLAT, DX_D(c->zlo));
        return DX_EDOMAIN;
    }
    tracer t = {c, f ? compiled(c, ctx, f) : NULL, 1e-9 * fmax(c->zhi - c->zlo, 1e-300), ctx};
    if (f && !t.p)
        return dx_ctx_error(ctx)->status;
    dx_status st = DX_OK;
    for (size_t k = 0; k < m && st == DX_OK; k++) {
        c->lev[k] = (dx_contour_level){lev[k], step[k], NULL, 0};
        c->nlev = k + 1;
        if (!trace_level(&t, &c->lev[k]))
            st = DX_ENOMEM;
    }
    dx_prog_free(t.p);
    if (st != DX_OK) {
        dx_oom(ctx);
        return st;
    }
    if (c->curve && c->lev[0].nseg == 0) {
        dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_CONTOUR_NO_CURVE, DX_S(c->xname), DX_D(c->x0), DX_D(c->x1),
                DX_S(c->yname), DX_D(c->y0), DX_D(c->y1));
        return DX_EDOMAIN;
    }
    return DX_OK;
}

void dx_contour_level_label(const dx_contour *c, size_t k, char *buf, size_t size)
{
    dx_plot_tick_label(c->lev[k].value, c->lev[k].step, buf, size);
}

/* The label spots are chosen without allocating: a picture whose labels were dropped for want
 * of memory would be another answer, not an error (alloc_program found one). idx is a heap of
 * the max nearest segments so far, the farthest on top, ordered as (distance, index). */
typedef struct {
    const dx_contour_level *lv;
    double cx, cy, sx, sy;
} spot_from;

static double spot_dist(const spot_from *f, size_t s)
{
    const dx_contour_seg *g = &f->lv->seg[s]; /* in fractions of the view, so x and y weigh alike */
    return hypot(((g->ax + g->bx) / 2 - f->cx) / f->sx, ((g->ay + g->by) / 2 - f->cy) / f->sy);
}

static bool spot_after(const spot_from *f, size_t a, size_t b)
{
    double da = spot_dist(f, a), db = spot_dist(f, b);
    return da != db ? da > db : a > b;
}

static void spot_sift(const spot_from *f, size_t *h, size_t n, size_t at)
{
    for (size_t c; (c = 2 * at + 1) < n; at = c) {
        if (c + 1 < n && spot_after(f, h[c + 1], h[c]))
            c++;
        if (!spot_after(f, h[c], h[at]))
            break;
        size_t t = h[c];
        h[c] = h[at];
        h[at] = t;
    }
}

size_t dx_contour_label_spots(const dx_contour *c, size_t k, size_t *idx, size_t max)
{
    const dx_contour_level *lv = &c->lev[k];
    spot_from f = {lv, 0, 0, c->x1 - c->x0, c->y1 - c->y0};
    for (size_t s = 0; s < lv->nseg; s++) {
        f.cx += (lv->seg[s].ax + lv->seg[s].bx) / 2 / (double)lv->nseg;
        f.cy += (lv->seg[s].ay + lv->seg[s].by) / 2 / (double)lv->nseg;
    }
    size_t n = 0;
    for (size_t s = 0; s < lv->nseg && max; s++) {
        if (n < max) { /* sift up */
            size_t at = n++;
            idx[at] = s;
            while (at && spot_after(&f, idx[at], idx[(at - 1) / 2])) {
                size_t p = (at - 1) / 2, t = idx[p];
                idx[p] = idx[at];
                idx[at] = t;
                at = p;
            }
        } else if (spot_after(&f, idx[0], s)) {
            idx[0] = s;
            spot_sift(&f, idx, n, 0);
        }
    }
    for (size_t m = n; m > 1; m--) { /* heap sort: the farthest to the end */
        size_t t = idx[0];
        idx[0] = idx[m - 1];
        idx[m - 1] = t;
        spot_sift(&f, idx, m - 1, 0);
    }
    return n;
}

/* --- marks, paths, lines ---------------------------------------------------------------------- */

static bool in_view(const dx_contour *c, double x, double y)
{
    return x >= c->x0 && x <= c->x1 && y >= c->y0 && y <= c->y1;
}

dx_status dx_contour_add_mark(dx_contour *c, dx_ctx *ctx, double x, double y, dx_contour_mark_kind kind,
                              const char *label)
{
    if (c->nm == DX_CONTOUR_MAX_MARKS) {
        dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_CONTOUR_MARKS, DX_I(DX_CONTOUR_MAX_MARKS));
        return DX_ELIMIT;
    }
    dx_contour_mark *m = &c->m[c->nm++];
    *m = (dx_contour_mark){x, y, kind, ""};
    snprintf(m->label, sizeof m->label, "%s", label ? label : "");
    return DX_OK;
}

/* A minimum below the lowest level (a maximum above the highest) sits in no ring of its own:
 * a level at a nice value between it and that level draws one around it. */
static dx_status ring_extrema(dx_contour *c, dx_ctx *ctx, const dx_expr *f, const dx_extrema2_result *r)
{
    double lev[DX_CONTOUR_MAX_LEVELS];
    size_t n = c->nlev;
    for (size_t k = 0; k < n; k++)
        lev[k] = c->lev[k].value;
    double lo = INFINITY, hi = -INFINITY; /* the lowest minimum, the highest maximum in view */
    for (size_t i = 0; i < r->ncrit; i++) {
        const dx_crit2 *k = &r->crit[i];
        if (!in_view(c, k->at[0], k->at[1]))
            continue;
        if (k->kind == DX_CP2_MIN)
            lo = fmin(lo, k->value);
        if (k->kind == DX_CP2_MAX)
            hi = fmax(hi, k->value);
    }
    bool add_lo = lo < lev[0], add_hi = hi > lev[n - 1] && n + add_lo < DX_CONTOUR_MAX_LEVELS;
    double t[DX_CONTOUR_MAX_TICKS], unit;
    if (add_lo) {
        size_t m = dx_plot_nice_ticks(lo, lev[0], 2, t, &unit), j = 0;
        while (j < m && !(t[j] > lo && t[j] < lev[0]))
            j++;
        if (j == m)
            add_lo = false;
        else {
            memmove(lev + 1, lev, n * sizeof *lev);
            lev[0] = t[j];
            n++;
        }
    }
    if (add_hi) {
        size_t m = dx_plot_nice_ticks(lev[n - 1], hi, 2, t, &unit);
        while (m > 0 && !(t[m - 1] < hi && t[m - 1] > lev[n - 1]))
            m--;
        if (m)
            lev[n++] = t[m - 1];
        add_hi = m > 0;
    }
    return add_lo || add_hi ? dx_contour_levels(c, ctx, f, lev, n, 0, DX_LEVELS_EVEN) : DX_OK;
}

dx_status dx_contour_mark_critical(dx_contour *c, dx_ctx *ctx, dx_expr *f, size_t labelled, dx_msg *note)
{
    *note = DX_MSG(DX_M_NONE);
    const char *vars[2] = {c->xname, c->yname};
    double from[2] = {c->x0, c->y0}, to[2] = {c->x1, c->y1};
    dx_extrema2_result r;
    if (dx_extrema2(ctx, f, vars, 2, from, to, &r) != DX_OK)
        return dx_ctx_error(ctx)->status;
    dx_status st = dx_contour_mark_found(c, ctx, f, &r, labelled, note);
    dx_extrema2_free(&r);
    return st;
}

dx_status dx_contour_mark_found(dx_contour *c, dx_ctx *ctx, dx_expr *f, const dx_extrema2_result *found,
                                size_t labelled, dx_msg *note)
{
    *note = DX_MSG(DX_M_NONE);
    const dx_extrema2_result r = *found;
    static const struct {
        dx_msg_id label;
        dx_contour_mark_kind mark;
    } kinds[] = {/* ORDER dx_cp2_kind */
                 [DX_CP2_MIN] = {DX_M_CONTOUR_MIN, DX_CMARK_MIN},
                 [DX_CP2_MAX] = {DX_M_CONTOUR_MAX, DX_CMARK_MAX},
                 [DX_CP2_SADDLE] = {DX_M_CONTOUR_SADDLE, DX_CMARK_SADDLE},
                 [DX_CP2_DEGENERATE] = {DX_M_CONTOUR_DEGENERATE, DX_CMARK_DEGENERATE}};
    dx_status st = DX_OK;
    size_t shown = 0;
    for (size_t i = 0; st == DX_OK && i < r.ncrit; i++) {
        const dx_crit2 *k = &r.crit[i];
        if (!in_view(c, k->at[0], k->at[1]))
            continue;
        char label[96] = "";
        if (shown++ < labelled &&
            !dx_msg_label(ctx, DX_MSG(kinds[k->kind].label, DX_D(k->at[0]), DX_D(k->at[1])), label, sizeof label))
            st = DX_ENOMEM;
        if (st == DX_OK)
            st = dx_contour_add_mark(c, ctx, k->at[0], k->at[1], kinds[k->kind].mark, label);
    }
    if (st == DX_OK && c->nlev && c->nlev < DX_CONTOUR_MAX_LEVELS && !c->curve)
        st = ring_extrema(c, ctx, f, &r);
    if (st == DX_OK && r.curve)
        *note = DX_MSG(DX_M_EX2_CURVE);
    else if (st == DX_OK && shown == 0)
        *note = DX_MSG(DX_M_CONTOUR_NO_CRITICAL);
    return st;
}

dx_status dx_contour_add_path(dx_contour *c, dx_ctx *ctx, const double *xs, const double *ys, size_t n,
                              const char *label)
{
    if (c->np == DX_CONTOUR_MAX_PATHS || n < 1 || n > DX_PLOT_MAX_POINTS) {
        dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_CONTOUR_PATHS, DX_I(DX_CONTOUR_MAX_PATHS), DX_I(DX_PLOT_MAX_POINTS));
        return DX_ELIMIT;
    }
    dx_contour_path *p = &c->path[c->np];
    p->px = dx_malloc(n * sizeof *p->px);
    p->py = dx_malloc(n * sizeof *p->py);
    if (!p->px || !p->py) {
        dx_free(p->px);
        dx_free(p->py);
        dx_oom(ctx);
        return DX_ENOMEM;
    }
    memcpy(p->px, xs, n * sizeof *xs);
    memcpy(p->py, ys, n * sizeof *ys);
    p->n = n;
    snprintf(p->label, sizeof p->label, "%s", label ? label : "");
    c->np++;
    char start[96], end[96];
    size_t last = n - 1;
    if (!dx_msg_label(ctx, DX_MSG(DX_M_CONTOUR_START, DX_D(xs[0]), DX_D(ys[0])), start, sizeof start) ||
        !dx_msg_label(ctx, DX_MSG(DX_M_CONTOUR_END, DX_D(xs[last]), DX_D(ys[last])), end, sizeof end))
        return DX_ENOMEM;
    bool started = false; /* several runs from one start: one mark */
    for (size_t k = 0; k < c->nm; k++)
        started = started || (c->m[k].kind == DX_CMARK_START && c->m[k].x == xs[0] && c->m[k].y == ys[0]);
    dx_status st = started ? DX_OK : dx_contour_add_mark(c, ctx, xs[0], ys[0], DX_CMARK_START, start);
    if (st == DX_OK && n > 1 && isfinite(xs[last]) && isfinite(ys[last]))
        st = dx_contour_add_mark(c, ctx, xs[last], ys[last], DX_CMARK_END, end);
    return st;
}

/* The line through (ax, ay) and (bx, by), extended across the view and clipped to it. */
static dx_status add_line(dx_contour *c, dx_ctx *ctx, double ax, double ay, double bx, double by, const char *label)
{
    if (c->nl == DX_CONTOUR_MAX_LINES) {
        dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_CONTOUR_PATHS, DX_I(DX_CONTOUR_MAX_LINES), DX_I(DX_CONTOUR_MAX_LINES));
        return DX_ELIMIT;
    }
    double far = 4 * (c->x1 - c->x0 + c->y1 - c->y0), dx = bx - ax, dy = by - ay, len = hypot(dx, dy);
    double x0 = ax - far * dx / len, y0 = ay - far * dy / len, x1 = ax + far * dx / len, y1 = ay + far * dy / len;
    if (!dx_plot_clip(&x0, &y0, &x1, &y1, c->x0, c->x1, c->y0, c->y1))
        return DX_OK; /* the line misses the view */
    dx_contour_line *l = &c->line[c->nl++];
    *l = (dx_contour_line){"", x0, y0, x1, y1};
    snprintf(l->label, sizeof l->label, "%s", label);
    return DX_OK;
}

dx_status dx_contour_add_tangent(dx_contour *c, dx_ctx *ctx, const dx_implicit_result *r)
{
    double x0, y0;
    if (dx_eval_const(ctx, r->x0, &x0) != DX_OK || dx_eval_const(ctx, r->y0, &y0) != DX_OK)
        return dx_ctx_error(ctx)->status;
    char label[DX_CONTOUR_LABEL], point[96];
    if (!dx_msg_label(ctx, DX_MSG(DX_M_CONTOUR_POINT, DX_E(r->x0), DX_E(r->y0)), point, sizeof point))
        return DX_ENOMEM;
    dx_status st = DX_OK;
    if (r->kind == DX_IMPLICIT_LINE) {
        if (!dx_msg_label(ctx, DX_MSG(DX_M_IMPL_TANGENT, DX_S(r->y), DX_E(r->line)), label, sizeof label))
            return DX_ENOMEM;
        st = add_line(c, ctx, x0, y0, x0 + 1, y0 + r->slope_num, label);
    } else if (r->kind == DX_IMPLICIT_VERTICAL) {
        if (!dx_msg_label(ctx, DX_MSG(DX_M_CONTOUR_VERTICAL, DX_S(r->x), DX_E(r->x0)), label, sizeof label))
            return DX_ENOMEM;
        st = add_line(c, ctx, x0, y0, x0, y0 + 1, label);
    } else if (!dx_msg_label(ctx, DX_MSG(DX_M_CONTOUR_SINGULAR, DX_E(r->x0), DX_E(r->y0)), point, sizeof point)) {
        return DX_ENOMEM;
    }
    return st != DX_OK ? st : dx_contour_add_mark(c, ctx, x0, y0, DX_CMARK_POINT, point);
}

void dx_contour_ticks_for(dx_contour *c, size_t nx, size_t ny)
{
    c->nxt = dx_plot_nice_ticks(c->x0, c->x1, nx, c->xt, &c->xstep);
    c->nyt = dx_plot_nice_ticks(c->y0, c->y1, ny, c->yt, &c->ystep);
}
