/* A small program using the installed library: build with
 *   cc derivative.c $(pkg-config --cflags --libs dfdx) -o derivative
 * and run `./derivative 'x^3 - 3*x' 2`: the simplified derivative, then its value at x = 2
 * and its mean over a million points of [0, x] evaluated in one batch. */
#include <dfdx.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *text = argc > 1 ? argv[1] : "x^3 - 3*x";
    dx_ctx *ctx = dx_ctx_new();
    if (!ctx)
        return 2;
    dx_expr *f = dx_parse(ctx, text, strlen(text));
    dx_expr *df = f ? dx_simplify(ctx, dx_diff(ctx, f, "x", 1)) : NULL;
    char *s = df ? dx_print(ctx, df, DX_PLAIN) : NULL;
    int status = 0;
    if (!s) {
        fprintf(stderr, "error: %s\n", dx_ctx_error(ctx)->msg);
        dx_ctx_free(ctx);
        return 2;
    }
    printf("d/dx %s = %s\n", text, s);
    free(s);
    if (argc > 2) {
        const char *vars[] = {"x"};
        dx_prog *p = dx_compile(ctx, df, vars, 1); /* compile once, evaluate many */
        double x = atof(argv[2]), y;
        if (!p || dx_prog_eval(p, ctx, &x, &y) != DX_OK) {
            fprintf(stderr, "error: %s\n", dx_ctx_error(ctx)->msg);
            status = 2;
        } else {
            enum { N = 1000000 };
            double *xs = malloc(N * sizeof *xs), *ys = malloc(N * sizeof *ys), sum = 0;
            for (int i = 0; xs && ys && i < N; i++)
                xs[i] = x * i / (N - 1);
            dx_prog_set_fast(p, true); /* many points, no last digits shown */
            size_t bad = xs && ys ? dx_prog_eval_n(p, N, (const double *const[]){xs}, ys) : N;
            for (int i = 0; !bad && i < N; i++)
                sum += ys[i];
            printf("at x = %g: %g\n", x, y);
            if (bad)
                printf("on [0, %g]: %zu points outside the domain\n", x, bad);
            else
                printf("mean on [0, %g]: %.6f\n", x, sum / N);
            free(xs);
            free(ys);
        }
        dx_prog_free(p);
    }
    dx_ctx_free(ctx); /* frees every expression of the context at once */
    return status;
}
