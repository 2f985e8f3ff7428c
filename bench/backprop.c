/* dfdx-bench-backprop: `dfdx backprop` on a 1,000-node expression (330 terms sin(i*x*w + i)*w):
 * the graph built, every edge's local derivative found symbolically, the forward and backward
 * passes, each time in a fresh context (as the program does), parse excluded. */
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

int main(void)
{
    enum { TERMS = 330, REPS = 5 };
    static char text[TERMS * 40];
    size_t len = 0;
    for (int i = 1; i <= TERMS; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "%ssin(%d*x*w + %d)*w", i > 1 ? " + " : "", i, i);
    const char *names[] = {"w", "x"};
    const double at[] = {0.5, 2};
    double best = INFINITY, gw = NAN;
    size_t nodes = 0;
    for (int rep = 0; rep < REPS; rep++) {
        dx_ctx *ctx = dx_ctx_new();
        dx_expr *f = dx_parse(ctx, text, len);
        dx_backprop_result r;
        double t0 = now();
        if (!f || dx_backprop(ctx, f, names, at, 2, &r) != DX_OK) {
            fprintf(stderr, "dfdx-bench-backprop: %s\n", dx_ctx_errmsg(ctx, DX_PLAIN)); /* leaks once, at exit */
            dx_ctx_free(ctx);
            return 1;
        }
        double t = now() - t0;
        best = t < best ? t : best;
        nodes = r.nnodes;
        gw = r.gradient[0];
        dx_ctx_free(ctx);
    }
    printf("BENCH corpus=backprop-%zu task=backprop system=dfdx n=1 ns_per_item=%.1f out_chars=0 failures=0\n", nodes,
           best * 1e9);
    printf("NOTE backprop: %zu nodes, %.3g ms per graph (best of %d), df/dw = %.17g at w = 0.5, x = 2\n", nodes,
           best * 1e3, REPS, gw);
    return 0;
}
