/* Gradient descent on a typed function: plain, momentum and Adam, with an honest status. */
#include "dfdx/descend.h"
#include "alloc.h"
#include "diff.h"
#include "eval.h"
#include "expr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dx_descent {
    size_t nvars, nfixed;
    dx_prog *loss;
    dx_prog **grad; /* one per descent variable */
    double *vals;   /* the evaluation point: descent variables, then the fixed ones */
    double *g, *u, *prev;  /* gradient, update, the previous update */
    double *m, *v;         /* the methods' state: velocity (momentum), moments (adam) */
    char **names;          /* the descent variables' names, for messages */
    /* on data: every slot of vals as a column of nrows values (the data's own columns after
     * the descent and fixed variables, which are repeated down theirs), and the rows' values */
    size_t nrows, ndata;
    const double **cols;
    double *repeated, *rowvals;
    /* mini-batches: the rows in a shuffled order (perm), the next one to take, the batch's
     * columns (the repeated ones, then the data's rows gathered into gathered) */
    size_t batch, next;
    /* the descent variables' columns hold filled_w down their first filled_n rows */
    bool filled;
    double *filled_w;
    size_t filled_n;
    unsigned long long seed, rng;
    size_t *perm;
    const double **bcols;
    double *gathered;
};

void dx_descend_defaults(dx_descend_opts *o)
{
    o->method = DX_GD;
    o->rate = 0.1;
    o->beta = 0.9;
    o->beta2 = 0.999;
    o->eps = 1e-8;
    o->tol = 1e-8;
    o->steps = 100;
}

void dx_descend_free(dx_descent *d)
{
    if (!d)
        return;
    dx_prog_free(d->loss);
    for (size_t i = 0; d->grad && i < d->nvars; i++)
        dx_prog_free(d->grad[i]);
    dx_free(d->grad);
    dx_free(d->vals);
    dx_free(d->g);
    dx_free(d->u);
    dx_free(d->prev);
    dx_free(d->m);
    dx_free(d->v);
    for (size_t i = 0; d->names && i < d->nvars; i++)
        dx_free(d->names[i]);
    dx_free(d->names);
    dx_free(d->cols);
    dx_free(d->repeated);
    dx_free(d->rowvals);
    dx_free(d->filled_w);
    dx_free(d->perm);
    dx_free(d->bcols);
    dx_free(d->gathered);
    dx_free(d);
}

dx_msg dx_descend_status_msg(dx_descend_status s)
{
    return DX_MSG(s == DX_CONVERGED ? DX_M_DESCEND_CONVERGED
                  : s == DX_DIVERGED ? DX_M_DESCEND_DIVERGED
                  : s == DX_STOPPED  ? DX_M_DESCEND_STOPPED
                                     : DX_M_DESCEND_MAX_STEPS);
}

size_t dx_descend_nvars(const dx_descent *d) { return d->nvars; }

static bool among(const char *name, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

/* Every variable of f must be a descent variable or fixed; name all that are neither, so
 * the user fixes them in one go rather than one error at a time. */
static bool check_names(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t nvars,
                        const char *const *fixed, size_t nfixed)
{
    if (nvars == 0)
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DESCEND_NO_VARIABLE), false;
    if (nvars > DX_DESCEND_MAX_VARS)
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DESCEND_TOO_MANY_VARS, DX_I(DX_DESCEND_MAX_VARS), DX_I(nvars)),
               false;
    for (size_t i = 0; i < nvars + nfixed; i++) {
        const char *a = i < nvars ? vars[i] : fixed[i - nvars];
        for (size_t j = 0; j < i; j++)
            if (strcmp(a, j < nvars ? vars[j] : fixed[j - nvars]) == 0)
                return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DESCEND_TWICE, DX_S(a)), false;
    }
    const char **names;
    size_t n = dx_vars(ctx, f, &names);
    char list[200] = "";
    size_t missing = 0, len = 0;
    for (size_t i = 0; i < n; i++) {
        if (among(names[i], vars, nvars) || among(names[i], fixed, nfixed))
            continue;
        if (len < sizeof list - 1) {
            int w = snprintf(list + len, sizeof list - len, "%s%s", missing ? ", " : "", names[i]);
            len += w > 0 ? (size_t)w : 0;
        }
        missing++;
    }
    if (missing)
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_NO_VALUE, DX_S(list)), false;
    return true;
}

dx_descent *dx_descend_prepare(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t nvars,
                               const char *const *fixed, const double *fixed_vals, size_t nfixed)
{
    return dx_descend_prepare_data(ctx, f, vars, nvars, fixed, fixed_vals, nfixed, NULL);
}

/* The columns of the data's rows: each descent and fixed variable repeated nrows times. */
static bool data_columns(dx_descent *d, const dx_descend_data *data)
{
    size_t nk = d->nvars + d->nfixed, n = data->nrows;
    d->nrows = n;
    d->ndata = data->ncolumns;
    d->cols = dx_malloc((nk + d->ndata) * sizeof *d->cols);
    d->repeated = dx_malloc((nk ? nk : 1) * n * sizeof *d->repeated);
    d->rowvals = dx_malloc(n * sizeof *d->rowvals);
    d->filled_w = dx_malloc(d->nvars * sizeof *d->filled_w);
    if (!d->cols || !d->repeated || !d->rowvals || !d->filled_w)
        return false;
    for (size_t s = 0; s < nk; s++)
        d->cols[s] = d->repeated + s * n;
    for (size_t j = 0; j < d->ndata; j++)
        d->cols[nk + j] = data->columns[j];
    for (size_t s = d->nvars; s < nk; s++)
        for (size_t i = 0; i < n; i++)
            d->repeated[s * n + i] = d->vals[s];
    if (data->batch == 0 || data->batch >= n)
        return true;
    d->batch = data->batch;
    d->seed = data->seed;
    d->perm = dx_malloc(n * sizeof *d->perm);
    d->bcols = dx_malloc((nk + d->ndata) * sizeof *d->bcols);
    d->gathered = dx_malloc((d->ndata ? d->ndata : 1) * d->batch * sizeof *d->gathered);
    if (!d->perm || !d->bcols || !d->gathered)
        return false;
    for (size_t s = 0; s < nk; s++) /* a batch reads the first rows of the repeated columns */
        d->bcols[s] = d->cols[s];
    for (size_t j = 0; j < d->ndata; j++)
        d->bcols[nk + j] = d->gathered + j * d->batch;
    return true;
}

/* splitmix64: a small generator whose sequence is the same on every platform, so a seed
 * means the same batches everywhere (rand() does not promise that). */
static unsigned long long next_random(unsigned long long *state)
{
    unsigned long long z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* A uniform index below n, without the bias of a plain modulo. */
static size_t below(unsigned long long *state, size_t n)
{
    unsigned long long limit = -(unsigned long long)n % n, r;
    do
        r = next_random(state);
    while (r < limit);
    return (size_t)(r % n);
}

/* The next mini-batch into the batch columns: the next batch rows of the shuffled order,
 * shuffled again (Fisher-Yates) when fewer than a batch are left. */
static void next_batch(dx_descent *d)
{
    size_t n = d->nrows, nk = d->nvars + d->nfixed;
    if (d->next + d->batch > n) {
        for (size_t i = n - 1; i > 0; i--) {
            size_t j = below(&d->rng, i + 1), t = d->perm[i];
            d->perm[i] = d->perm[j];
            d->perm[j] = t;
        }
        d->next = 0;
    }
    for (size_t j = 0; j < d->ndata; j++)
        for (size_t i = 0; i < d->batch; i++)
            d->gathered[j * d->batch + i] = d->cols[nk + j][d->perm[d->next + i]];
    d->next += d->batch;
}

dx_descent *dx_descend_prepare_data(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t nvars,
                                    const char *const *fixed, const double *fixed_vals, size_t nfixed,
                                    const dx_descend_data *data)
{
    if (!f)
        return NULL;
    dx_recover(ctx);
    if (data && data->nrows == 0)
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DESCEND_DATA_EMPTY);
    size_t ndata = data ? data->ncolumns : 0, nall = nvars + nfixed + ndata;
    const char **all = dx_malloc((nall ? nall : 1) * sizeof *all);
    dx_descent *d = dx_calloc(1, sizeof *d);
    if (!all || !d)
        goto oom;
    /* the data's names count as fixed: given, not descended on */
    for (size_t i = 0; i < nall; i++)
        all[i] = i < nvars ? vars[i] : i < nvars + nfixed ? fixed[i - nvars] : data->names[i - nvars - nfixed];
    if (!check_names(ctx, f, vars, nvars, all + nvars, nfixed + ndata))
        goto fail;
    d->nvars = nvars;
    d->nfixed = nfixed;
    d->grad = dx_calloc(nvars, sizeof *d->grad);
    d->vals = dx_malloc(nall * sizeof *d->vals);
    d->g = dx_malloc(nvars * sizeof *d->g);
    d->u = dx_malloc(nvars * sizeof *d->u);
    d->prev = dx_malloc(nvars * sizeof *d->prev);
    d->m = dx_malloc(nvars * sizeof *d->m);
    d->v = dx_malloc(nvars * sizeof *d->v);
    d->names = dx_calloc(nvars, sizeof *d->names);
    if (!d->grad || !d->vals || !d->g || !d->u || !d->prev || !d->m || !d->v || !d->names)
        goto oom;
    for (size_t i = 0; i < nvars; i++) {
        size_t len = strlen(vars[i]) + 1;
        if (!(d->names[i] = dx_malloc(len)))
            goto oom;
        memcpy(d->names[i], vars[i], len);
    }
    for (size_t i = 0; i < nfixed; i++)
        d->vals[nvars + i] = fixed_vals[i];
    if (data && !data_columns(d, data))
        goto oom;
    d->loss = dx_compile(ctx, f, all, nall);
    if (!d->loss)
        goto fail;
    for (size_t i = 0; i < nvars; i++) {
        dx_expr *pd = dx_diff_by(ctx, f, dx_sym(ctx, vars[i], strlen(vars[i])), NULL, NULL);
        d->grad[i] = dx_compile(ctx, pd, all, nall);
        if (!d->grad[i])
            goto fail;
    }
    dx_free(all);
    return d;
oom:
    dx_oom(ctx);
fail:
    dx_free(all);
    dx_descend_free(d);
    return NULL;
}

static double norm(const double *x, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += x[i] * x[i];
    return n == 1 ? fabs(x[0]) : sqrt(s);
}

/* Loss increases in a row that count as divergence: plain descent with a small enough rate
 * never increases the loss, so a few increases already say the rate is too large; momentum
 * and Adam overshoot on purpose and get a longer leash. */
static long growth_leash(dx_descend_method m) { return m == DX_GD ? 5 : 20; }

static void stop(dx_descend_result *r, dx_descend_status st, dx_descend_why why)
{
    r->status = st;
    r->why = why;
}

/* "w = 0.5" or "(w, b) = (1, 2)": where descent stands, a message argument (names and
 * numbers only, no words), kept by the context. */
static dx_arg where(const dx_descent *d, dx_ctx *ctx, const double *w)
{
    char buf[64];
    if (d->nvars == 1) {
        snprintf(buf, sizeof buf, "%s = %.6g", d->names[0], w[0] + 0.0); /* + 0.0: never "-0" */
    } else {
        char names[80] = "", vals[80] = "";
        for (size_t i = 0; i < d->nvars; i++) {
            size_t ln = strlen(names), lv = strlen(vals);
            snprintf(names + ln, sizeof names - ln, "%s%s", i ? ", " : "", d->names[i]);
            snprintf(vals + lv, sizeof vals - lv, "%s%.6g", i ? ", " : "", w[i] + 0.0);
        }
        snprintf(buf, sizeof buf, "(%s) = (%s)", names, vals);
    }
    const char *s = dx_strndup(ctx, buf, strlen(buf));
    return DX_S(s ? s : "");
}

/* The context's error as a message to nest in a reason, the error cleared. */
static dx_arg cause(dx_ctx *ctx)
{
    const dx_msg *m = dx_msg_keep(ctx, dx_ctx_error(ctx)->msg);
    dx_recover(ctx);
    return DX_N(m);
}

/* An evaluation failed at w: overflow is divergence by size; anything else means descent
 * stands where f or its gradient is undefined, and it stops there saying so. what_failed is
 * "loss" (after step `step`, the update u took w outside f's domain) or "gradient" (at the
 * start when step < 0; f is defined there, so this is an edge of the domain or a vertical
 * tangent, not a kink). */
static void failed_eval(dx_descent *d, dx_ctx *ctx, dx_descend_result *r, bool loss, long step, const double *w)
{
    bool over = dx_overflowed(ctx);
    dx_arg at = where(d, ctx, w), why = cause(ctx);
    if (over) {
        stop(r, DX_DIVERGED, DX_WHY_NOT_FINITE);
        r->reason = DX_MSG(loss ? DX_M_DESCEND_LOSS_OVERFLOWS : DX_M_DESCEND_GRADIENT_OVERFLOWS, DX_I(step), at, why);
    } else if (loss) {
        stop(r, DX_STOPPED, DX_WHY_DOMAIN);
        r->reason = DX_MSG(DX_M_DESCEND_LEFT_DOMAIN, DX_I(step), at, why);
    } else {
        stop(r, DX_STOPPED, DX_WHY_NO_GRADIENT);
        r->reason = DX_MSG(step < 0 ? DX_M_DESCEND_NO_GRADIENT_START : DX_M_DESCEND_NO_GRADIENT, at, why);
    }
    dx_recover(ctx);
}

/* Kahan's compensated sum keeps the mean of 10^5 rows to a few ulps; four sums side by side
 * (rows i, i+4, ...), so that the processor overlaps them instead of waiting on one chain. */
static double mean(const double *v, size_t n)
{
    double sum[4] = {0}, c[4] = {0};
    size_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (int k = 0; k < 4; k++) {
            double y = v[i + (size_t)k] - c[k], t = sum[k] + y;
            c[k] = (t - sum[k]) - y;
            sum[k] = t;
        }
    for (; i < n; i++) {
        double y = v[i] - c[0], t = sum[0] + y;
        c[0] = (t - sum[0]) - y;
        sum[0] = t;
    }
    double total = 0, comp = 0;
    for (int k = 0; k < 4; k++) {
        double y = sum[k] - c[k] - comp, t = total + y;
        comp = (t - total) - y;
        total = t;
    }
    return total / (double)n;
}

/* p at the descent point w: on data, the mean over the rows (over the current mini-batch's
 * when batch is set and the descent uses them), each descent variable repeated down its
 * column. A row outside the domain is evaluated alone for its error, with its values in the
 * slots after w's. */
static dx_status eval_on(dx_descent *d, dx_ctx *ctx, dx_prog *p, double *w, double *out, bool batch)
{
    if (!d->nrows)
        return dx_prog_eval(p, ctx, w, out);
    batch = batch && d->batch;
    size_t n = batch ? d->batch : d->nrows, nk = d->nvars + d->nfixed;
    const double **cols = batch ? d->bcols : d->cols;
    /* the columns of w change only when descent moves (the loss and each partial share them) */
    if (!d->filled || memcmp(d->filled_w, w, d->nvars * sizeof *w) != 0 || d->filled_n < n) {
        for (size_t s = 0; s < d->nvars; s++)
            for (size_t i = 0; i < n; i++)
                d->repeated[s * d->nrows + i] = w[s];
        memcpy(d->filled_w, w, d->nvars * sizeof *w);
        d->filled_n = n;
        d->filled = true;
    }
    if (dx_prog_eval_n(p, n, cols, d->rowvals)) {
        size_t i = 0;
        while (i + 1 < n && !isnan(d->rowvals[i]))
            i++;
        for (size_t j = 0; j < d->ndata; j++)
            w[nk + j] = cols[nk + j][i];
        dx_status st = dx_prog_eval(p, ctx, w, out);
        if (st == DX_OK) /* NaN in the batch but a value alone: only an overflow does that */
            dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_VALUE_OVERFLOW);
        return DX_EDOMAIN;
    }
    *out = mean(d->rowvals, n);
    return DX_OK;
}

static dx_status eval_at(dx_descent *d, dx_ctx *ctx, dx_prog *p, double *w, double *out)
{
    return eval_on(d, ctx, p, w, out, false);
}

dx_status dx_descend_gradient(dx_descent *d, dx_ctx *ctx, const double *w, double *g)
{
    memcpy(d->vals, w, d->nvars * sizeof *w);
    for (size_t i = 0; i < d->nvars; i++) {
        dx_status st = eval_at(d, ctx, d->grad[i], d->vals, &g[i]);
        if (st != DX_OK)
            return st;
    }
    return DX_OK;
}

/* The one-sided partial derivatives of f by variable i at w: the gradient at w_i -/+ a
 * distance that shrinks until two successive values agree. false when either side is
 * undefined (sqrt(w) at 0: f is not defined to the left). */
static bool one_sided(dx_descent *d, dx_ctx *ctx, double *w, size_t i, double *left, double *right)
{
    double w0 = w[i], side[2];
    bool ok = true;
    for (int k = 0; k < 2 && ok; k++) {
        double prev = NAN, g = NAN;
        ok = false;
        for (double s = 1e-4 * fmax(1, fabs(w0)); s > 4e-16 * fmax(1, fabs(w0)); s /= 16) {
            w[i] = w0 + (k ? s : -s);
            if (eval_on(d, ctx, d->grad[i], w, &g, true) != DX_OK) {
                dx_recover(ctx);
                break;
            }
            if (isfinite(prev) && fabs(g - prev) <= 1e-9 * fmax(1, fabs(g))) {
                ok = true;
                break;
            }
            prev = g;
        }
        side[k] = g;
    }
    w[i] = w0;
    *left = side[0];
    *right = side[1];
    return ok && isfinite(side[0]) && isfinite(side[1]);
}

/* The gradient at w into d->g; at a kink, the subgradient nearest 0 (*kink set, with the
 * first kink's variable and one-sided derivatives in *ki, *kl, *kr). false with the
 * evaluation's error on ctx when a partial is undefined otherwise. */
static bool gradient(dx_descent *d, dx_ctx *ctx, double *w, bool *kink, size_t *ki, double *kl, double *kr)
{
    *kink = false;
    for (size_t i = 0; i < d->nvars; i++) {
        if (eval_on(d, ctx, d->grad[i], w, &d->g[i], true) == DX_OK)
            continue;
        double l, r, fw;
        dx_error why = *dx_ctx_error(ctx);
        dx_recover(ctx);
        if (eval_at(d, ctx, d->loss, w, &fw) != DX_OK || !one_sided(d, ctx, w, i, &l, &r)) {
            dx_recover(ctx);
            dx_fail_msg(ctx, why.status, why.pos, why.end, why.msg);
            return false;
        }
        double lo = fmin(l, r), hi = fmax(l, r);
        d->g[i] = lo > 0 ? lo : hi < 0 ? hi : 0;
        if (!*kink) {
            *ki = i;
            *kl = l;
            *kr = r;
        }
        *kink = true;
    }
    return true;
}

bool dx_descend_check(dx_ctx *ctx, const dx_descend_opts *o)
{
    dx_recover(ctx);
    if (!(o->rate > 0) || !isfinite(o->rate))
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DESCEND_RATE, DX_D(o->rate)), false;
    if (o->steps < 1 || o->steps > DX_DESCEND_MAX_STEPS)
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DESCEND_STEPS, DX_I(DX_DESCEND_MAX_STEPS), DX_I(o->steps)), false;
    if (!(o->tol >= 0) || !isfinite(o->tol))
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DESCEND_TOL, DX_D(o->tol)), false;
    if (!(o->beta >= 0 && o->beta < 1) || !(o->beta2 >= 0 && o->beta2 < 1))
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DESCEND_BETA), false;
    if (!(o->eps > 0) || !isfinite(o->eps))
        return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DESCEND_EPS, DX_D(o->eps)), false;
    return true;
}

/* The update for one step, from the gradient g into d->u:
 *   gd:       u = -rate*g
 *   momentum: v = beta*v + g;                 u = -rate*v
 *   adam:     m = b1*m + (1-b1)*g;  v = b2*v + (1-b2)*g^2;  (t = step + 1)
 *             u = -rate * (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps)
 * p1, p2 carry b1^t and b2^t. */
static void update(dx_descent *d, const dx_descend_opts *o, double *p1, double *p2)
{
    size_t n = d->nvars;
    switch (o->method) {
    case DX_GD:
        for (size_t i = 0; i < n; i++)
            d->u[i] = -(o->rate * d->g[i]);
        break;
    case DX_MOMENTUM:
        for (size_t i = 0; i < n; i++) {
            d->m[i] = o->beta * d->m[i] + d->g[i];
            d->u[i] = -(o->rate * d->m[i]);
        }
        break;
    case DX_ADAM:
        *p1 *= o->beta;
        *p2 *= o->beta2;
        for (size_t i = 0; i < n; i++) {
            d->m[i] = o->beta * d->m[i] + (1 - o->beta) * d->g[i];
            d->v[i] = o->beta2 * d->v[i] + (1 - o->beta2) * d->g[i] * d->g[i];
            double mh = d->m[i] / (1 - *p1), vh = d->v[i] / (1 - *p2);
            d->u[i] = -(o->rate * mh / (sqrt(vh) + o->eps));
        }
        break;
    }
}

dx_status dx_descend_run(dx_descent *d, dx_ctx *ctx, const double *start, const dx_descend_opts *o,
                         dx_descend_cb cb, void *user, dx_descend_result *r, double *pos)
{
    size_t n = d->nvars;
    memset(r, 0, sizeof *r);
    r->loss = r->grad_norm = NAN;
    if (!dx_descend_check(ctx, o))
        return DX_EUSAGE;
    double *w = d->vals; /* the descent variables are the first n slots */
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(start[i])) {
            dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_DESCEND_START_FINITE);
            return DX_EUSAGE;
        }
        w[i] = start[i];
        d->m[i] = d->v[i] = d->prev[i] = 0;
    }
    double loss;
    if (eval_at(d, ctx, d->loss, w, &loss) != DX_OK) {
        dx_arg why = cause(ctx); /* the first error stands otherwise: restate it with context */
        dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_DESCEND_START_UNDEF, why);
        return DX_EDOMAIN;
    }
    if (d->batch) { /* every run starts from the same shuffles */
        d->rng = d->seed;
        for (size_t i = 0; i < d->nrows; i++)
            d->perm[i] = i;
        d->next = d->nrows;
    }
    const double loss0 = loss;
    double prev_loss = loss, p1 = 1, p2 = 1;
    long streak = 0;
    bool kink;
    size_t ki = 0;
    double kl = 0, kr = 0;
    for (long k = 0;; k++) {
        r->loss = loss;
        r->grad_norm = NAN;
        if (d->batch)
            next_batch(d);
        if (!gradient(d, ctx, w, &kink, &ki, &kl, &kr)) {
            failed_eval(d, ctx, r, false, k - 1, w);
            goto done;
        }
        double gn = norm(d->g, n);
        r->grad_norm = gn;
        if (kink && gn < o->tol) {
            stop(r, DX_CONVERGED, DX_WHY_KINK);
            const char *by = dx_strndup(ctx, d->names[ki], strlen(d->names[ki])); /* outlives d */
            r->reason = n > 1 ? DX_MSG(DX_M_DESCEND_KINK_BY, DX_S(by ? by : ""), DX_D(kl), DX_D(kr))
                              : DX_MSG(DX_M_DESCEND_KINK, DX_D(kl), DX_D(kr));
            goto done;
        }
        r->subgradients += kink && k < o->steps;
        if (!isfinite(gn)) {
            stop(r, DX_DIVERGED, DX_WHY_NOT_FINITE);
            r->reason = DX_MSG(DX_M_DESCEND_GRADIENT_NOT_FINITE, DX_I(k));
            goto done;
        }
        if (gn < o->tol) {
            stop(r, DX_CONVERGED, DX_WHY_GRADIENT);
            r->reason = DX_MSG(DX_M_DESCEND_CONVERGED_GRADIENT, DX_D(gn), DX_D(o->tol));
            goto done;
        }
        if (k == o->steps) {
            stop(r, DX_MAX_STEPS, DX_WHY_STEPS);
            r->reason = DX_MSG(DX_M_DESCEND_STEP_LIMIT, DX_I(k), DX_D(gn), DX_D(o->tol));
            goto done;
        }
        update(d, o, &p1, &p2);
        if (cb) {
            dx_descend_row row = {k, w, loss, d->g, gn, d->u};
            cb(user, &row);
        }
        /* an update against the previous one is a swing across the valley (oscillation) */
        double dot = 0;
        for (size_t i = 0; i < n; i++)
            dot += d->u[i] * d->prev[i];
        r->reversals += k > 0 && dot < 0;
        memcpy(d->prev, d->u, n * sizeof *d->u);
        double un = norm(d->u, n);
        /* plain descent: w - rate*f'(w), as the lesson writes it (u is exactly -(rate*g)) */
        bool finite = true, huge = false;
        for (size_t i = 0; i < n; i++) {
            w[i] = w[i] + d->u[i];
            finite = finite && isfinite(w[i]);
            huge = huge || fabs(w[i]) > DX_DESCEND_HUGE;
        }
        r->steps = k + 1;
        r->loss = r->grad_norm = NAN;
        if (!finite) {
            stop(r, DX_DIVERGED, DX_WHY_NOT_FINITE);
            r->reason = DX_MSG(DX_M_DESCEND_POSITION_NOT_FINITE, DX_I(k));
            goto done;
        }
        if (eval_at(d, ctx, d->loss, w, &loss) != DX_OK) {
            failed_eval(d, ctx, r, true, k, w);
            goto done;
        }
        r->loss = loss;
        if (huge || fabs(loss) > DX_DESCEND_HUGE) {
            stop(r, DX_DIVERGED, DX_WHY_UNBOUNDED);
            if (huge)
                r->reason = DX_MSG(DX_M_DESCEND_POSITION_UNBOUNDED, DX_D(DX_DESCEND_HUGE), DX_I(k));
            else if (loss > 0)
                r->reason = DX_MSG(DX_M_DESCEND_LOSS_GROWS, DX_D(DX_DESCEND_HUGE), DX_I(k));
            else
                r->reason = DX_MSG(DX_M_DESCEND_LOSS_FALLS, DX_D(-DX_DESCEND_HUGE), DX_I(k));
            goto done;
        }
        streak = loss > prev_loss ? streak + 1 : 0;
        prev_loss = loss;
        if (streak >= growth_leash(o->method) && loss > loss0) {
            stop(r, DX_DIVERGED, DX_WHY_GROWING);
            r->reason = DX_MSG(DX_M_DESCEND_GREW, DX_I(streak), DX_D(loss0), DX_D(loss));
            goto done;
        }
        if (o->method == DX_GD && un < o->tol) {
            if (gradient(d, ctx, w, &kink, &ki, &kl, &kr))
                r->grad_norm = norm(d->g, n); /* the final point's, for the record */
            dx_recover(ctx);
            stop(r, DX_CONVERGED, DX_WHY_UPDATE);
            r->reason = DX_MSG(DX_M_DESCEND_CONVERGED_UPDATE, DX_D(un), DX_D(o->tol));
            goto done;
        }
    }
done:
    memcpy(pos, w, n * sizeof *w);
    return DX_OK;
}
