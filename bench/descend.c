/* dfdx-bench-descend: gradient descent steps per second, one variable and ten, and batch
 * descent on 10^5 data rows (linear regression). */
#include "dfdx.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Best of 3 runs of `steps` plain descent steps (tol 0, so every step is taken), printed as
 * a BENCH line (see shared/bench/README.md) with steps per second beside it. */
static int measure(const char *name, const char *f, const char *const *vars, size_t n, long steps, double rate,
                   const dx_descend_data *data)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_expr *e = dx_parse(ctx, f, strlen(f));
    dx_descent *d = e ? dx_descend_prepare_data(ctx, e, vars, n, NULL, NULL, 0, data) : NULL;
    if (!d) {
        fprintf(stderr, "dfdx-bench-descend: %s: %s\n", name, dx_ctx_errmsg(ctx, DX_PLAIN)); /* leaks once, at exit */
        dx_ctx_free(ctx);
        return 1;
    }
    dx_descend_opts o;
    dx_descend_defaults(&o);
    o.rate = rate;
    o.steps = steps;
    o.tol = 0;
    double start[DX_DESCEND_MAX_VARS] = {0}, pos[DX_DESCEND_MAX_VARS], best = INFINITY;
    for (size_t i = 0; i < n; i++)
        start[i] = -3.5;
    dx_descend_result r;
    for (int rep = 0; rep < 3; rep++) {
        double t0 = now();
        if (dx_descend_run(d, ctx, start, &o, NULL, NULL, &r, pos) != DX_OK || r.steps != steps) {
            char *why = dx_msg_text(ctx, &r.reason, DX_PLAIN); /* leaks once, at exit */
            fprintf(stderr, "dfdx-bench-descend: %s: %s\n", name, why ? why : "?");
            break;
        }
        double t = now() - t0;
        best = t < best ? t : best;
    }
    printf("BENCH corpus=%s task=descend system=dfdx n=%ld ns_per_item=%.1f out_chars=0 failures=%d\n", name, steps,
           best * 1e9 / (double)steps, r.steps != steps);
    printf("NOTE %s: %zu variable%s, %.3g steps/s (%s)\n", name, n, n == 1 ? "" : "s", (double)steps / best, f);
    dx_descend_free(d);
    dx_ctx_free(ctx);
    return r.steps != steps;
}

int main(void)
{
    const char *one[] = {"w"};
    const char *ten[] = {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"};
    int bad = measure("descend-1var", "w^4 - 8*w^2 + 2*w + 20", one, 1, 1000000, 0.01, NULL);
    bad |= measure("descend-10var",
                   "(a0 - 0)^2 + (a1 - 1)^2 + (a2 - 2)^2 + (a3 - 3)^2 + (a4 - 4)^2 + (a5 - 5)^2 + (a6 - 6)^2"
                   " + (a7 - 7)^2 + (a8 - 8)^2 + (a9 - 9)^2 + (a0*a1 + a2*a3 + a4*a5 + a6*a7 + a8*a9 - 1)^2/10",
                   ten, 10, 100000, 0.01, NULL);
    /* 10^5 rows of y = 3x - 1 plus a deterministic wobble: every step a mean over all rows */
    enum { ROWS = 100000 };
    static double x[ROWS], y[ROWS];
    for (int i = 0; i < ROWS; i++) {
        x[i] = -2 + 4.0 * i / ROWS;
        y[i] = 3 * x[i] - 1 + 0.5 * sin(12.9898 * i);
    }
    const char *wb[] = {"w", "b"}, *cols[] = {"x", "y"};
    const double *col[] = {x, y};
    dx_descend_data data = {cols, col, 2, ROWS, 0, 0};
    bad |= measure("descend-data-1e5", "(w*x + b - y)^2", wb, 2, 200, 0.1, &data);
    return bad;
}
