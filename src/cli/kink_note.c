/* The note of `dfdx diff` on kinks: where abs or relu leave f' undefined. */
#include "cli.h"
#include "limit.h"

#include <stdlib.h>
#include <string.h>

void cli_kink_note(cli *c, dx_expr *f, const char *var);

/* For dfdx diff: where f' is undefined because of abs or relu, on stderr so that stdout stays
 * an expression dfdx can read back. A linear argument gives the exact point and the one-sided
 * derivatives there; otherwise the condition is named ("where x^2 - 1 = 0"). */
void cli_kink_note(cli *c, dx_expr *f, const char *var)
{
    enum { MAX = 8 };
    dx_expr *args[MAX];
    dx_expr *x = dx_sym(c->ctx, var, strlen(var));
    size_t n = x ? dx_kinks(c->ctx, f, x, args, MAX) : 0;
    for (size_t i = 0; i < n && i < MAX; i++) {
        dx_expr *root = dx_linear_root(c->ctx, args[i], x);
        char *u = dx_print(c->ctx, args[i], DX_PLAIN);
        if (!root) {
            fprintf(c->err, "dfdx: %snote: the derivative is undefined where %s = 0 (a kink of abs/relu)\n",
                    c->line_prefix, u ? u : "?");
            free(u);
            continue;
        }
        char *rs = dx_print(c->ctx, root, DX_PLAIN);
        dx_lim l, r;
        fprintf(c->err, "dfdx: %snote: f is not differentiable at %s = %s (kink where %s = 0)", c->line_prefix, var,
                rs ? rs : "?", u ? u : "?");
        if (dx_limit_onesided_derivatives(c->ctx, f, x, root, &l, &r) == DX_OK) {
            dx_show how = c->fmt == OUT_LATEX ? DX_SHOW_LATEX : DX_SHOW_PLAIN;
            dx_buf lb = {0}, rb = {0};
            dx_show_lim(c->ctx, &l, how, true, &lb);
            dx_show_lim(c->ctx, &r, how, true, &rb);
            char *ls = dx_buf_take(&lb), *rt = dx_buf_take(&rb);
            fprintf(c->err, ": left derivative %s, right derivative %s", ls ? ls : "?", rt ? rt : "?");
            free(ls);
            free(rt);
        } else {
            dx_ctx_clear_error(c->ctx);
        }
        fputc('\n', c->err);
        free(rs);
        free(u);
    }
    dx_ctx_clear_error(c->ctx);
}
