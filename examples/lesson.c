/* The seed lesson's bumpy loss through libdfdx's public API, results read as data: every critical
 * point of L(w) = w^4 - 8w^2 + 2w + 20 (certified: L is a polynomial), then gradient descent
 * from w = -3.5 with three learning rates, each run's end compared with the critical points.
 *
 *   cc -std=c11 lesson.c $(pkg-config --cflags --libs dfdx) -o lesson && ./lesson */
#include <dfdx.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(dx_ctx *ctx, const char *what)
{
    char *why = dx_ctx_errmsg(ctx, DX_PLAIN);
    fprintf(stderr, "%s: %s\n", what, why ? why : "out of memory");
    free(why);
    dx_ctx_free(ctx);
    return 1;
}

int main(void)
{
    const char *text = "w^4 - 8*w^2 + 2*w + 20";
    dx_ctx *ctx = dx_ctx_new();
    if (!ctx)
        return 1;
    dx_expr *loss = dx_parse(ctx, text, strlen(text));
    if (!loss)
        return fail(ctx, "parse");

    /* extrema: the data, no text parsed back */
    dx_extrema_result ex;
    if (dx_extrema(ctx, loss, "w", NULL, NULL, &ex) != DX_OK)
        return fail(ctx, "extrema");
    static const char *const kinds[] = {"local min", "local max", "neither"};
    for (size_t i = 0; i < ex.ncrit; i++)
        printf("critical point w = %.4f, L = %.4f: %s\n", ex.crit[i].at.x, ex.crit[i].at.value,
               kinds[ex.crit[i].kind]);
    double global_min = ex.min.exists ? ex.min.at.x : 0;
    if (ex.min.exists)
        printf("global min at w = %.4f\n", global_min);
    dx_extrema_free(&ex);

    /* descent: three rates from the same start, each run's rows and verdict as data */
    const char *vars[] = {"w"};
    const double start[] = {-3.5}, rates[] = {0.001, 0.01, 0.05};
    dx_descend_request req = {.vars = vars, .start = start, .nvars = 1, .rates = rates, .nrates = 3, .rows = 4};
    dx_descend_defaults(&req.opts);
    req.opts.steps = 200;
    dx_descend_lesson *les = dx_descend(ctx, loss, &req);
    if (!les)
        return fail(ctx, "descend");
    for (size_t r = 0; r < les->nruns; r++) {
        const dx_descend_one *run = &les->runs[r];
        double w = run->position[0];
        /* the end is the global minimum when it is nearer to it than to any other point */
        int trapped = w > 0 && global_min < 0;
        printf("rate %-6g %4ld steps, w = %8.4f, L = %8.4f%s\n", run->rate, run->res.steps, w, run->res.loss,
               trapped ? "  (in the local minimum)" : "");
    }
    dx_descend_lesson_free(les);
    dx_ctx_free(ctx);
    return 0;
}
