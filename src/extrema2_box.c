/* Critical points of other functions of two or three variables on a box: Newton's method on
 * the gradient from every point of a grid, the points found merged, each classified by the
 * Hessian there. Not certified: a critical point between grid points whose Newton steps all
 * lead elsewhere can be missed, and the report says so. */
#include "multivar.h"
#include "alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXV DX_EXTREMA2_MAX_VARS

/* The compiled gradient and Hessian. */
typedef struct derivs {
    size_t n;
    dx_prog *f, *g[MAXV], *h[MAXV * MAXV];
} derivs;

static bool eval_all(dx_ctx *ctx, derivs *d, const double *p, double *g, double *h)
{
    for (size_t i = 0; i < d->n; i++)
        if (dx_prog_eval(d->g[i], ctx, p, &g[i]) != DX_OK || !isfinite(g[i]))
            return false;
    for (size_t k = 0; k < d->n * d->n; k++)
        if (dx_prog_eval(d->h[k], ctx, p, &h[k]) != DX_OK || !isfinite(h[k]))
            return false;
    return true;
}

/* Solve h s = g (n <= 3) by Gaussian elimination with partial pivoting; false when singular. */
static bool solve(size_t n, const double *h, const double *g, double *s)
{
    double a[MAXV][MAXV + 1];
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++)
            a[i][j] = h[i * n + j];
        a[i][n] = g[i];
    }
    for (size_t k = 0; k < n; k++) {
        size_t p = k;
        for (size_t i = k + 1; i < n; i++)
            p = fabs(a[i][k]) > fabs(a[p][k]) ? i : p;
        if (a[p][k] == 0)
            return false;
        for (size_t j = 0; j <= n; j++) {
            double t = a[k][j];
            a[k][j] = a[p][j];
            a[p][j] = t;
        }
        for (size_t i = k + 1; i < n; i++) {
            double m = a[i][k] / a[k][k];
            for (size_t j = k; j <= n; j++)
                a[i][j] -= m * a[k][j];
        }
    }
    for (size_t i = n; i-- > 0;) {
        double t = a[i][n];
        for (size_t j = i + 1; j < n; j++)
            t -= a[i][j] * s[j];
        s[i] = t / a[i][i];
    }
    return true;
}

/* Newton from every start at once. Each step evaluates the gradient and the Hessian at all
 * the points still moving, as blocks of points: one point per call spent most of its time
 * dispatching instructions (41 x 41 starts, up to 60 steps, 6 programs: a 50 KB f took 20 s),
 * a block runs the same instructions over many points in vector lanes. The arithmetic per
 * point is the same as one at a time, so the points found are too. state[k] ends FOUND
 * (pts[k] a zero of the gradient, to rounding, inside the box) or LOST. */
enum { MOVING, FOUND, LOST };

static dx_status newton_all(dx_ctx *ctx, derivs *d, const dx_extrema2_result *r, double *pts, unsigned char *state,
                            size_t total)
{
    size_t n = d->n, *idx = dx_malloc(total * sizeof *idx);
    double *col = dx_malloc(n * total * sizeof *col), *gv = dx_malloc(n * total * sizeof *gv),
           *hv = dx_malloc(n * n * total * sizeof *hv);
    dx_status st = DX_OK;
    if (!idx || !col || !gv || !hv) {
        dx_oom(ctx);
        st = DX_ENOMEM;
    }
    for (int it = 0; it < 60 && st == DX_OK; it++) {
        size_t m = 0;
        for (size_t k = 0; k < total; k++)
            if (state[k] == MOVING)
                idx[m++] = k;
        if (m == 0)
            break;
        const double *cols[MAXV];
        for (size_t i = 0; i < n; i++) {
            for (size_t a = 0; a < m; a++)
                col[i * total + a] = pts[idx[a] * MAXV + i];
            cols[i] = col + i * total;
        }
        for (size_t i = 0; i < n; i++)
            dx_prog_eval_n(d->g[i], m, cols, gv + i * total);
        for (size_t k = 0; k < n * n; k++)
            dx_prog_eval_n(d->h[k], m, cols, hv + k * total);
        if (dx_stopped(ctx)) { /* out of work or interrupted: the values are not there */
            st = dx_ctx_error(ctx)->status;
            break;
        }
        for (size_t a = 0; a < m; a++) {
            double g[MAXV], h[MAXV * MAXV], s[MAXV], *p = pts + idx[a] * MAXV;
            bool ok = true;
            for (size_t i = 0; i < n; i++)
                ok &= isfinite(g[i] = gv[i * total + a]);
            for (size_t k = 0; k < n * n; k++)
                ok &= isfinite(h[k] = hv[k * total + a]);
            if (!ok || !solve(n, h, g, s)) {
                state[idx[a]] = LOST;
                continue;
            }
            double step = 0, size = 0;
            for (size_t i = 0; i < n && state[idx[a]] == MOVING; i++) {
                p[i] -= s[i];
                step = fmax(step, fabs(s[i]));
                size = fmax(size, fabs(p[i]));
                double w = r->to[i] - r->from[i];
                if (!(p[i] >= r->from[i] - w && p[i] <= r->to[i] + w)) /* left far behind: give up */
                    state[idx[a]] = LOST;
            }
            if (state[idx[a]] != MOVING || step > 1e-13 * (1 + size))
                continue;
            state[idx[a]] = FOUND;
            for (size_t i = 0; i < n; i++) {
                if (p[i] < r->from[i] || p[i] > r->to[i])
                    state[idx[a]] = LOST;
                if (fabs(p[i]) <= 1e-12 * (r->to[i] - r->from[i])) /* Newton's -5.7e-14 for 0 */
                    p[i] = 0;
            }
        }
    }
    for (size_t k = 0; k < total; k++)
        if (state[k] == MOVING)
            state[k] = LOST;
    dx_free(idx);
    dx_free(col);
    dx_free(gv);
    dx_free(hv);
    return st;
}

/* The kind by the leading principal minors of H (Sylvester's criterion); degenerate when
 * det H is zero to within rounding. */
static dx_cp2_kind classify(size_t n, const double *h, double *det)
{
    double m1 = h[0], m2 = h[0] * h[n + 1] - h[1] * h[n], m3 = m2, scale = 0;
    for (size_t k = 0; k < n * n; k++)
        scale = fmax(scale, fabs(h[k]));
    if (n == 3)
        m3 = h[0] * (h[4] * h[8] - h[5] * h[7]) - h[1] * (h[3] * h[8] - h[5] * h[6]) + h[2] * (h[3] * h[7] - h[4] * h[6]);
    *det = n == 3 ? m3 : m2;
    if (fabs(*det) <= 1e-9 * pow(fmax(scale, 1), (double)n))
        return DX_CP2_DEGENERATE;
    if (m1 > 0 && m2 > 0 && (n == 2 || m3 > 0))
        return DX_CP2_MIN;
    if (m1 < 0 && m2 > 0 && (n == 2 || m3 < 0))
        return DX_CP2_MAX;
    return DX_CP2_SADDLE;
}

static bool add_point(dx_ctx *ctx, dx_extrema2_result *r, derivs *d, const double *p, size_t *cap)
{
    for (size_t k = 0; k < r->ncrit; k++) {
        double dist = 0, size = 0;
        for (size_t i = 0; i < d->n; i++) {
            dist = fmax(dist, fabs(r->crit[k].at[i] - p[i]));
            size = fmax(size, fabs(p[i]));
        }
        if (dist <= 1e-7 * (1 + size))
            return true; /* found before */
    }
    /* the last step was taken from the point before: f and its derivatives must be defined
     * where it ended (x^3/y converges to y = 0, where f is not); a domain error is the
     * caller's to clear */
    double g[MAXV], h[MAXV * MAXV], v;
    if (!eval_all(ctx, d, p, g, h) || dx_prog_eval(d->f, ctx, p, &v) != DX_OK || !isfinite(v))
        return true;
    if (r->ncrit == *cap) {
        *cap = *cap ? 2 * *cap : 16;
        dx_crit2 *c = dx_realloc(r->crit, *cap * sizeof *c);
        if (!c)
            return dx_oom(ctx), false;
        r->crit = c;
    }
    dx_crit2 *c = &r->crit[r->ncrit++];
    memset(c, 0, sizeof *c);
    memcpy(c->at, p, d->n * sizeof *p);
    c->kind = classify(d->n, h, &c->det);
    c->hxx = h[0];
    c->value = v;
    return true;
}

static int by_position(const void *a, const void *b)
{
    const dx_crit2 *p = a, *q = b;
    for (int i = 0; i < MAXV; i++)
        if (p->at[i] != q->at[i])
            return p->at[i] < q->at[i] ? -1 : 1;
    return 0;
}

dx_status dx_extrema2_box(dx_ctx *ctx, dx_expr *f, dx_extrema2_result *r)
{
    derivs d = {.n = r->n};
    dx_status st = DX_OK;
    if (!(d.f = dx_compile(ctx, f, r->vars, r->n)))
        return dx_ctx_error(ctx)->status;
    for (size_t i = 0; i < r->n && st == DX_OK; i++) {
        dx_expr *gi = dx_derivative(ctx, f, r->vars[i], 1);
        d.g[i] = gi ? dx_compile(ctx, gi, r->vars, r->n) : NULL;
        for (size_t j = 0; j < r->n && d.g[i]; j++) {
            dx_expr *hij = dx_derivative(ctx, gi, r->vars[j], 1);
            d.h[i * r->n + j] = hij ? dx_compile(ctx, hij, r->vars, r->n) : NULL;
            if (!d.h[i * r->n + j])
                break;
        }
        if (!d.g[i] || !d.h[i * r->n + r->n - 1])
            st = dx_ctx_error(ctx)->status;
    }
    r->method = DX_EX2_BOX;
    r->grid = r->n == 2 ? 41 : 13;
    size_t total = 1, cap = 0;
    for (size_t i = 0; i < r->n; i++)
        total *= r->grid;
    double *pts = st == DX_OK ? dx_calloc(total, MAXV * sizeof *pts) : NULL;
    unsigned char *state = st == DX_OK ? dx_calloc(total, 1) : NULL; /* all MOVING */
    if (st == DX_OK && (!pts || !state))
        st = (dx_oom(ctx), DX_ENOMEM);
    for (size_t k = 0; k < total && st == DX_OK; k++) {
        size_t q = k;
        for (size_t i = 0; i < r->n; i++, q /= r->grid)
            pts[k * MAXV + i] = r->from[i] + (r->to[i] - r->from[i]) * (double)(q % r->grid) / (double)(r->grid - 1);
    }
    if (st == DX_OK)
        st = newton_all(ctx, &d, r, pts, state, total);
    /* merged in the order of the starts, as when each start ran to its end in turn */
    for (size_t k = 0; k < total && st == DX_OK; k++) {
        if (state[k] == FOUND && !add_point(ctx, r, &d, pts + k * MAXV, &cap))
            st = dx_ctx_error(ctx)->status;
        if (!dx_recover(ctx)) /* a value outside the domain is no error of the search */
            st = dx_ctx_error(ctx)->status; /* out of memory, of stack or of work */
    }
    dx_free(pts);
    dx_free(state);
    if (r->ncrit > 1) /* qsort may not be given NULL, even for no items */
        qsort(r->crit, r->ncrit, sizeof *r->crit, by_position);
    dx_prog_free(d.f);
    for (size_t i = 0; i < MAXV; i++)
        dx_prog_free(d.g[i]);
    for (size_t k = 0; k < MAXV * MAXV; k++)
        dx_prog_free(d.h[k]);
    return st;
}
