/* The descent lesson: one or several rates run from one start, the rows a reader sees, the
 * rates compared, and where descent stopped against a polynomial's critical points. */
#include "dfdx/descend.h"
#include "alloc.h"
#include "eval.h"
#include "expr.h"
#include "limit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* --- the rows kept: the first ones and a ring of the last ones ----------------------------- */

typedef struct keeper {
    size_t n;          /* descent variables */
    long head, tail;   /* rows kept at the start, at the end */
    long seen;
    double *first;     /* head rows */
    double *ring;      /* the last tail rows */
    dx_descend_trace *trace;
    long stride;
} keeper;

/* A stored row: step, loss, gradient norm, then position, gradient and update. */
static size_t rowlen(size_t n) { return 3 + 3 * n; }

static void store(double *s, size_t n, const dx_descend_row *r)
{
    s[0] = (double)r->step;
    s[1] = r->loss;
    s[2] = r->grad_norm;
    memcpy(s + 3, r->position, n * sizeof *s);
    memcpy(s + 3 + n, r->gradient, n * sizeof *s);
    memcpy(s + 3 + 2 * n, r->update, n * sizeof *s);
}

static void on_row(void *user, const dx_descend_row *r)
{
    keeper *k = user;
    dx_descend_trace *t = k->trace;
    if (t && r->step % k->stride == 0) {
        if (t->x)
            t->x[t->n] = r->position[0];
        t->loss[t->n] = r->loss;
        t->step[t->n++] = (double)r->step;
    }
    if (k->seen < k->head)
        store(k->first + (size_t)k->seen * rowlen(k->n), k->n, r);
    else if (k->tail > 0)
        store(k->ring + (size_t)((k->seen - k->head) % k->tail) * rowlen(k->n), k->n, r);
    k->seen++;
}

/* The run's rows in order, head then the kept tail, as dx_descend_row views of one block. */
static bool gather(keeper *k, dx_descend_one *one)
{
    long head = k->seen < k->head ? k->seen : k->head, extra = k->seen - head;
    long kept = extra < k->tail ? extra : k->tail;
    size_t nrows = (size_t)(head + kept), len = rowlen(k->n);
    one->omitted = extra - kept;
    one->head = (size_t)head;
    one->nrows = nrows;
    one->rows = dx_malloc((nrows ? nrows : 1) * (sizeof *one->rows + len * sizeof(double)));
    if (!one->rows)
        return false;
    double *block = (double *)(one->rows + nrows);
    for (size_t i = 0; i < nrows; i++) {
        const double *s = (long)i < head ? k->first + i * len
                                         : k->ring + (size_t)((extra - kept + (long)i - head) % k->tail) * len;
        double *d = block + i * len;
        memcpy(d, s, len * sizeof *d);
        one->rows[i] = (dx_descend_row){(long)d[0], d + 3, d[1], d + 3 + k->n, d[2], d + 3 + 2 * k->n};
    }
    return true;
}

/* Room for a run's path: at most 100000 points, every stride-th step of a long run and the
 * final position. */
enum { TRACE_MAX = 100000 };
static bool trace_alloc(dx_descend_trace *t, long steps, bool one_var, long *stride)
{
    *stride = steps / (TRACE_MAX - 2) + 1;
    size_t cap = (size_t)(steps / *stride) + 2;
    t->n = 0;
    t->x = one_var ? dx_malloc(cap * sizeof *t->x) : NULL;
    t->loss = dx_malloc(cap * sizeof *t->loss);
    t->step = dx_malloc(cap * sizeof *t->step);
    return (t->x || !one_var) && t->loss && t->step;
}

/* The end of the run, where it stopped (no row is reported for it). */
static void trace_end(dx_descend_trace *t, const dx_descend_one *r)
{
    if (t->n && t->step[t->n - 1] == (double)r->res.steps)
        return;
    if (t->x)
        t->x[t->n] = r->position[0];
    t->loss[t->n] = r->res.loss;
    t->step[t->n++] = (double)r->res.steps;
}

/* --- the comparison of rates --------------------------------------------------------------- */

static bool finished(const dx_descend_result *r)
{
    return r->status != DX_DIVERGED && r->status != DX_STOPPED && isfinite(r->loss);
}

/* Losses equal to within what descent's tolerance leaves (the same minimum). */
static bool same_loss(double a, double b) { return fabs(a - b) <= 1e-6 * (1 + fabs(b)); }

/* The just-right run: of those that neither diverged nor stopped and ended as low as any (the
 * same minimum), a converged one in the fewest steps, else the lowest. -1 when none is. A
 * run converging fast into a worse minimum is not just right (the lesson of the bumpy loss). */
static int best_run(const dx_descend_one *runs, size_t n)
{
    double low = INFINITY;
    for (size_t i = 0; i < n; i++)
        if (finished(&runs[i].res))
            low = fmin(low, runs[i].res.loss);
    int best = -1;
    for (size_t i = 0; i < n; i++) {
        const dx_descend_result *r = &runs[i].res;
        if (!finished(r) || !same_loss(r->loss, low))
            continue;
        if (best < 0) {
            best = (int)i;
            continue;
        }
        const dx_descend_result *b = &runs[best].res;
        bool rc = r->status == DX_CONVERGED, bc = b->status == DX_CONVERGED;
        if (rc != bc ? rc : rc ? r->steps < b->steps || (r->steps == b->steps && r->loss < b->loss)
                               : r->loss < b->loss)
            best = (int)i;
    }
    return best;
}

/* Ranks by final loss (then steps), 1 the lowest; runs without one get 0. */
static void rank_runs(dx_descend_one *runs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        runs[i].rank = 0;
        if (!finished(&runs[i].res))
            continue;
        runs[i].rank = 1;
        for (size_t j = 0; j < n; j++) {
            const dx_descend_result *a = &runs[j].res, *b = &runs[i].res;
            runs[i].rank += j != i && finished(a) &&
                            (a->loss < b->loss || (a->loss == b->loss && (a->steps < b->steps || (a->steps == b->steps && j < i))));
        }
    }
}

/* A kink of f (abs or relu of a linear argument) within reach of w: where descent with a fixed
 * rate swings for good. Its point in *at. */
static bool kink_near(dx_ctx *ctx, const dx_expr *f, const char *var, double w, double reach, double *at)
{
    dx_expr *x = dx_sym(ctx, var, strlen(var)), *args[8];
    size_t n = x ? dx_kinks(ctx, (dx_expr *)f, x, args, 8) : 0; /* read only */
    for (size_t i = 0; i < n && i < 8; i++) {
        dx_expr *r = dx_linear_root(ctx, args[i], x);
        double v;
        if (r && dx_eval_const(ctx, r, &v) == DX_OK && fabs(v - w) <= reach) {
            *at = v;
            return true;
        }
        dx_recover(ctx);
    }
    dx_recover(ctx);
    return false;
}

/* Swinging across a kink: most updates reversed, ending within a few steps of the kink. */
static bool kink_swing(dx_ctx *ctx, const dx_descend_lesson *l, const dx_descend_one *one, double *at)
{
    const dx_descend_result *r = &one->res;
    return l->nvars == 1 && r->status == DX_MAX_STEPS && 2 * r->reversals > r->steps &&
           kink_near(ctx, l->f, l->vars[0], one->position[0], 2 * one->rate * fmax(1, r->grad_norm), at);
}

/* The nearest critical point to w when w is at it (polynomials), else -1. */
static int at_cp(const dx_descend_lesson *l, double w)
{
    for (size_t i = 0; i < l->ncps; i++)
        if (fabs(l->cps[i].x - w) <= 1e-3 * (1 + fabs(l->cps[i].x)))
            return (int)i;
    return -1;
}

static void judge(dx_ctx *ctx, const dx_descend_lesson *l, dx_descend_one *one, bool best)
{
    static const dx_msg_id ids[] = {
        [DX_VERDICT_NONE] = DX_M_NONE,
        [DX_VERDICT_LEFT_DOMAIN] = DX_M_DESCEND_VERDICT_LEFT_DOMAIN,
        [DX_VERDICT_NO_GRADIENT] = DX_M_DESCEND_VERDICT_NO_GRADIENT,
        [DX_VERDICT_DIVERGED] = DX_M_DESCEND_VERDICT_DIVERGED,
        [DX_VERDICT_FASTEST] = DX_M_DESCEND_VERDICT_FASTEST,
        [DX_VERDICT_LOWEST] = DX_M_DESCEND_VERDICT_LOWEST,
        [DX_VERDICT_SWINGS] = DX_M_DESCEND_VERDICT_SWINGS,
        [DX_VERDICT_SLOWER] = DX_M_DESCEND_VERDICT_SLOWER,
        [DX_VERDICT_CREEPING] = DX_M_DESCEND_VERDICT_CREEPING,
        [DX_VERDICT_TRAPPED] = DX_M_DESCEND_VERDICT_TRAPPED,
        [DX_VERDICT_KINK] = DX_M_DESCEND_VERDICT_KINK,
    };
    const dx_descend_result *r = &one->res, *b = l->best >= 0 ? &l->runs[l->best].res : NULL;
    double kink;
    int cp = l->has_cps ? at_cp(l, one->position[0]) : -1;
    const dx_descend_cp *g = l->global >= 0 ? &l->cps[l->global] : NULL;
    if (r->status == DX_STOPPED)
        one->verdict = r->why == DX_WHY_DOMAIN ? DX_VERDICT_LEFT_DOMAIN : DX_VERDICT_NO_GRADIENT;
    else if (r->status == DX_DIVERGED || !isfinite(r->loss))
        one->verdict = DX_VERDICT_DIVERGED;
    else if (kink_swing(ctx, l, one, &kink))
        one->verdict = DX_VERDICT_KINK;
    else if (best)
        one->verdict = r->status == DX_CONVERGED ? DX_VERDICT_FASTEST : DX_VERDICT_LOWEST;
    else if (b && !same_loss(r->loss, b->loss) && (r->status == DX_CONVERGED || (cp >= 0 && l->cps[cp].kind == DX_DESCEND_MIN)))
        one->verdict = DX_VERDICT_TRAPPED;
    else if (2 * r->reversals > r->steps)
        one->verdict = DX_VERDICT_SWINGS;
    else
        one->verdict = r->status == DX_CONVERGED ? DX_VERDICT_SLOWER : DX_VERDICT_CREEPING;
    one->judged = DX_MSG(ids[one->verdict]);
    if (one->verdict == DX_VERDICT_KINK)
        one->judged = DX_MSG(DX_M_DESCEND_VERDICT_KINK, DX_S(l->vars[0]), DX_D(kink));
    else if (one->verdict == DX_VERDICT_FASTEST && g && cp >= 0 && l->cps[cp].global)
        one->judged = DX_MSG(DX_M_DESCEND_VERDICT_FASTEST_GLOBAL);
    else if (one->verdict == DX_VERDICT_TRAPPED && g && cp >= 0 && !l->cps[cp].global)
        one->judged = DX_MSG(DX_M_DESCEND_VERDICT_TRAPPED_CP, DX_S(l->vars[0]), DX_D(l->cps[cp].x),
                             DX_D(l->cps[cp].value), DX_D(g->x), DX_D(g->value));
    else if (one->verdict == DX_VERDICT_TRAPPED)
        one->judged = DX_MSG(DX_M_DESCEND_VERDICT_TRAPPED, DX_D(r->loss), DX_D(b->loss), DX_D(l->runs[l->best].rate));
}

/* --- the critical points of a polynomial --------------------------------------------------- */

/* f's critical points by var when f is a polynomial of degree >= 2 (nothing to say else). */
static bool find_cps(dx_ctx *ctx, dx_expr *f, const char *var, dx_descend_lesson *l)
{
    dx_extrema_result ex;
    l->global = -1;
    if (dx_extrema(ctx, f, var, NULL, NULL, &ex) != DX_OK) {
        dx_recover(ctx); /* a remark we cannot make, not a failure of descent */
        return true;
    }
    bool ok = true;
    if (ex.polynomial && ex.degree >= 2) {
        l->has_cps = true;
        l->ncps = ex.ncrit;
        l->cps = dx_malloc((ex.ncrit ? ex.ncrit : 1) * sizeof *l->cps);
        ok = l->cps != NULL;
        for (size_t i = 0; ok && i < ex.ncrit; i++) {
            const dx_crit *c = &ex.crit[i];
            l->cps[i] = (dx_descend_cp){c->at.x, c->at.value,
                                        c->kind == DX_CP_MIN ? DX_DESCEND_MIN
                                        : c->kind == DX_CP_MAX ? DX_DESCEND_MAX
                                                               : DX_DESCEND_FLAT,
                                        false};
            if (ex.min.exists && c->kind == DX_CP_MIN && (l->global < 0 || c->at.value < l->cps[l->global].value))
                l->global = (int)i;
        }
        /* several global minima may tie ((x-1)^2*(x+2)^2) */
        for (size_t i = 0; ok && l->global >= 0 && i < l->ncps; i++) {
            double g = l->cps[l->global].value;
            l->cps[i].global = l->cps[i].kind == DX_DESCEND_MIN && l->cps[i].value <= g + 1e-9 * (1 + fabs(g));
        }
        if (ok && l->global < 0) {
            const dx_msg *why = dx_msg_keep(ctx, ex.min.why);
            ok = why != NULL;
            if (ok)
                l->no_global = DX_MSG(DX_M_DESCEND_NO_GLOBAL, DX_N(why));
        }
    }
    dx_extrema_free(&ex);
    return ok;
}

static dx_msg_id kind_msg(dx_descend_cp_kind k)
{
    return k == DX_DESCEND_MIN ? DX_M_DESCEND_LOCAL_MIN : k == DX_DESCEND_MAX ? DX_M_DESCEND_LOCAL_MAX : DX_M_DESCEND_FLAT;
}

/* One sentence: where descent stopped, against the critical points. "converged to a local
 * minimum at w = 1.93; the global minimum is at w = -2.06 (f = -0.0607)". */
static dx_msg remark(dx_ctx *ctx, const dx_descend_lesson *l, const dx_descend_one *run)
{
    const char *var = l->vars[0];
    double w = run->position[0];
    dx_msg gm = l->global >= 0 ? DX_MSG(DX_M_DESCEND_GLOBAL_AT, DX_S(var), DX_D(l->cps[l->global].x),
                                        DX_D(l->cps[l->global].value))
                               : l->no_global;
    const dx_msg *global = dx_msg_keep(ctx, gm);
    if (run->res.status == DX_DIVERGED || !isfinite(w))
        return DX_MSG(DX_M_DESCEND_REMARK_DIVERGED, DX_N(global));
    size_t near = 0;
    if (l->ncps == 0)
        return DX_MSG(DX_M_DESCEND_REMARK_NO_CP, DX_N(global));
    for (size_t i = 1; i < l->ncps; i++)
        if (fabs(l->cps[i].x - w) < fabs(l->cps[near].x - w))
            near = i;
    const dx_descend_cp *p = &l->cps[near];
    size_t globals = 0;
    for (size_t i = 0; i < l->ncps; i++)
        globals += l->cps[i].global;
    bool at = fabs(p->x - w) <= 1e-4 * (1 + fabs(p->x)), converged = run->res.status == DX_CONVERGED;
    const dx_msg *kind = dx_msg_keep(ctx, DX_MSG(kind_msg(p->kind)));
    if (at && p->global)
        return DX_MSG(converged ? (globals > 1 ? DX_M_DESCEND_CONVERGED_A_GLOBAL : DX_M_DESCEND_CONVERGED_THE_GLOBAL)
                                : (globals > 1 ? DX_M_DESCEND_REACHED_A_GLOBAL : DX_M_DESCEND_REACHED_THE_GLOBAL),
                      DX_S(var), DX_D(p->x), DX_D(p->value));
    if (at)
        return DX_MSG(converged ? DX_M_DESCEND_CONVERGED_CP : DX_M_DESCEND_REACHED_CP, DX_N(kind), DX_S(var),
                      DX_D(p->x), DX_D(p->value), DX_N(global));
    if (p->global)
        return DX_MSG(globals > 1 ? DX_M_DESCEND_NEAR_A_GLOBAL : DX_M_DESCEND_NEAR_THE_GLOBAL, DX_S(var), DX_D(w),
                      DX_D(p->x), DX_D(p->value));
    return DX_MSG(DX_M_DESCEND_NEAR_CP, DX_S(var), DX_D(w), DX_N(kind), DX_D(p->x), DX_D(p->value), DX_N(global));
}

/* --- the lesson ------------------------------------------------------------------------------ */

void dx_descend_lesson_free(dx_descend_lesson *l)
{
    if (!l)
        return;
    for (size_t i = 0; l->runs && i < l->nruns; i++) {
        dx_free(l->runs[i].position);
        dx_free(l->runs[i].rows);
        dx_free(l->runs[i].trace.x);
        dx_free(l->runs[i].trace.loss);
        dx_free(l->runs[i].trace.step);
    }
    dx_free(l->runs);
    dx_free(l->start);
    dx_free(l->cps);
    dx_free(l->least_squares);
    dx_free(l);
}

/* Is f quadratic in the descent variables (every second partial free of them), so that the
 * mean loss's gradient is linear, H*w + g0? */
static bool quadratic(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t n)
{
    dx_expr *sym[DX_DESCEND_MAX_VARS];
    for (size_t i = 0; i < n; i++)
        if (!(sym[i] = dx_sym(ctx, vars[i], strlen(vars[i]))))
            return false;
    for (size_t i = 0; i < n; i++) {
        dx_expr *di = dx_diff_in(ctx, f, vars[i], 1);
        for (size_t j = i; di && j < n; j++) {
            dx_expr *dij = dx_diff_in(ctx, di, vars[j], 1);
            for (size_t k = 0; dij && k < n; k++)
                if (dx_has(dij, sym[k]))
                    return false;
            if (!dij)
                return false;
        }
        if (!di)
            return false;
    }
    return true;
}

/* The critical point of a quadratic mean loss (its minimum for least squares, whose H is
 * positive definite): H from the gradient at 0 and at each unit vector (exact for a linear
 * gradient), then H*w = -g0 by Gaussian elimination with partial pivoting. NULL when H is
 * singular (no unique solution: a column of the data repeats another). */
static double *least_squares(dx_descent *d, dx_ctx *ctx, size_t n)
{
    double *h = dx_calloc(n * (n + 1), sizeof *h), *w = dx_calloc(n, sizeof *w), *g = dx_malloc(n * sizeof *g);
    double *x = NULL;
    if (!h || !w || !g) {
        dx_oom(ctx);
        goto out;
    }
    if (dx_descend_gradient(d, ctx, w, g) != DX_OK)
        goto out;
    for (size_t i = 0; i < n; i++)
        h[i * (n + 1) + n] = -g[i];
    for (size_t k = 0; k < n; k++) {
        w[k] = 1;
        if (dx_descend_gradient(d, ctx, w, g) != DX_OK)
            goto out;
        w[k] = 0;
        for (size_t i = 0; i < n; i++)
            h[i * (n + 1) + k] = g[i] + h[i * (n + 1) + n];
    }
    double scale = 0;
    for (size_t i = 0; i < n; i++)
        scale = fmax(scale, fabs(h[i * (n + 1) + i]));
    for (size_t c = 0; c < n; c++) {
        size_t p = c;
        for (size_t r = c + 1; r < n; r++)
            if (fabs(h[r * (n + 1) + c]) > fabs(h[p * (n + 1) + c]))
                p = r;
        if (!(fabs(h[p * (n + 1) + c]) > 1e-12 * scale))
            goto out;
        for (size_t k = 0; k <= n; k++) {
            double t = h[c * (n + 1) + k];
            h[c * (n + 1) + k] = h[p * (n + 1) + k];
            h[p * (n + 1) + k] = t;
        }
        for (size_t r = 0; r < n; r++) {
            if (r == c)
                continue;
            double m = h[r * (n + 1) + c] / h[c * (n + 1) + c];
            for (size_t k = c; k <= n; k++)
                h[r * (n + 1) + k] -= m * h[c * (n + 1) + k];
        }
    }
    if (!(x = dx_malloc(n * sizeof *x)))
        dx_oom(ctx);
    for (size_t i = 0; x && i < n; i++)
        x[i] = h[i * (n + 1) + n] / h[i * (n + 1) + i];
out:
    dx_free(h);
    dx_free(w);
    dx_free(g);
    return x;
}

/* The lesson's own copies of the request's names and start. */
static bool copy_request(dx_ctx *ctx, dx_descend_lesson *l, const dx_descend_request *q)
{
    l->nvars = q->nvars;
    l->vars = dx_alloc(ctx, (q->nvars ? q->nvars : 1) * sizeof *l->vars);
    l->start = dx_malloc((q->nvars ? q->nvars : 1) * sizeof *l->start);
    l->runs = dx_calloc(q->nrates ? q->nrates : 1, sizeof *l->runs);
    if (!l->vars || !l->start || !l->runs)
        return false;
    for (size_t i = 0; i < q->nvars; i++) {
        if (!(l->vars[i] = dx_strndup(ctx, q->vars[i], strlen(q->vars[i]))))
            return false;
        l->start[i] = q->start[i];
    }
    return true;
}

/* One rate's run with its rows kept; false with the error on ctx. */
static bool run_one(dx_descent *d, dx_ctx *ctx, const dx_descend_request *q, dx_descend_opts *o, keeper *k,
                    dx_descend_one *one)
{
    one->rate = o->rate;
    one->position = dx_malloc(q->nvars * sizeof *one->position);
    if (!one->position)
        return dx_oom(ctx), false;
    k->seen = 0;
    k->trace = NULL;
    if (q->trace) {
        if (!trace_alloc(&one->trace, o->steps, q->nvars == 1, &k->stride))
            return dx_oom(ctx), false;
        k->trace = &one->trace;
    }
    if (dx_descend_run(d, ctx, q->start, o, on_row, k, &one->res, one->position) != DX_OK)
        return false;
    if (q->trace)
        trace_end(&one->trace, one);
    if (!gather(k, one))
        return dx_oom(ctx), false;
    return true;
}

dx_descend_lesson *dx_descend(dx_ctx *ctx, dx_expr *f, const dx_descend_request *q)
{
    if (!f)
        return NULL;
    dx_recover(ctx);
    dx_descend_opts o = q->opts;
    for (size_t i = 0; i < q->nrates; i++) {
        o.rate = q->rates[i];
        if (!dx_descend_check(ctx, &o))
            return NULL;
    }
    if (q->nrates < 1 || q->nrates > DX_DESCEND_MAX_RATES)
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DESCEND_RATES, DX_I(DX_DESCEND_MAX_RATES), DX_I(q->nrates));
    dx_descent *d = dx_descend_prepare_data(ctx, f, q->vars, q->nvars, q->fixed, q->fixed_vals, q->nfixed, q->data);
    dx_descend_lesson *l = d ? dx_calloc(1, sizeof *l) : NULL;
    if (!l) {
        if (d)
            dx_oom(ctx);
        dx_descend_free(d);
        return NULL;
    }
    size_t n = q->nvars;
    /* the rows kept: the tail bounded by the run and by memory (32 MB), the head as well */
    long fit = (long)(((size_t)4 << 20) / rowlen(n)), rows = q->rows < 0 ? 0 : q->rows;
    keeper k = {n, rows - rows / 2, rows / 2, 0, NULL, NULL, NULL, 1};
    k.head = k.head < q->opts.steps ? k.head : q->opts.steps;
    k.head = k.head < fit ? k.head : fit;
    k.tail = k.tail < q->opts.steps ? k.tail : q->opts.steps;
    k.tail = k.tail < fit ? k.tail : fit;
    k.first = dx_malloc((size_t)(k.head ? k.head : 1) * rowlen(n) * sizeof(double));
    k.ring = dx_malloc((size_t)(k.tail ? k.tail : 1) * rowlen(n) * sizeof(double));
    l->f = f;
    l->opts = q->opts;
    l->opts.rate = q->rates[0];
    l->best = l->global = -1;
    bool ok = k.first && k.ring && copy_request(ctx, l, q);
    if (!ok)
        dx_oom(ctx);
    for (size_t i = 0; ok && i < q->nrates; i++) {
        o.rate = q->rates[i];
        ok = run_one(d, ctx, q, &o, &k, &l->runs[l->nruns++]);
    }
    l->data_rows = q->data ? q->data->nrows : 0;
    if (q->data && q->data->batch && q->data->batch < q->data->nrows) {
        l->batch = q->data->batch;
        l->seed = q->data->seed;
    }
    if (ok && n == 1 && q->nfixed == 0 && !q->data)
        ok = find_cps(ctx, f, q->vars[0], l) || (dx_oom(ctx), false);
    if (ok && q->nrates > 1) {
        l->best = best_run(l->runs, l->nruns);
        rank_runs(l->runs, l->nruns);
        for (size_t i = 0; i < l->nruns; i++)
            judge(ctx, l, &l->runs[i], (int)i == l->best);
    }
    double kink;
    if (ok && q->nrates == 1 && kink_swing(ctx, l, &l->runs[0], &kink))
        l->remark = DX_MSG(DX_M_DESCEND_REMARK_KINK, DX_S(l->vars[0]), DX_D(kink), DX_I(l->runs[0].res.reversals),
                           DX_I(l->runs[0].res.steps), DX_D(l->runs[0].rate));
    else if (ok && q->nrates == 1 && l->has_cps)
        l->remark = remark(ctx, l, &l->runs[0]);
    if (ok && q->data) { /* optional: a failure on the way (a budget) leaves it out */
        if (quadratic(ctx, f, q->vars, n))
            l->least_squares = least_squares(d, ctx, n);
        dx_recover(ctx);
    }
    dx_free(k.first);
    dx_free(k.ring);
    dx_descend_free(d);
    if (!ok || dx_failed(ctx)) {
        dx_descend_lesson_free(l);
        return NULL;
    }
    return l;
}

dx_expr *dx_descend_fix(dx_ctx *ctx, dx_expr *f, const char *const *names, dx_expr *const *values, size_t n)
{
    if (!f)
        return NULL;
    dx_recover(ctx);
    for (size_t i = 0; f && i < n; i++)
        f = dx_subst(ctx, f, dx_sym(ctx, names[i], strlen(names[i])), values[i]);
    return f;
}
