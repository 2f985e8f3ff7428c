/* Values at a point and the pieces of text the commands on several variables share. */
#include "multivar.h"
#include "alloc.h"
#include "eval.h"

#include <string.h>

dx_status dx_mv_end(dx_ctx *ctx, dx_status st)
{
    st = dx_end(ctx, st);
    if (st != DX_OK && !dx_failed(ctx)) {
        dx_oom(ctx);
        st = DX_ENOMEM;
    }
    return st;
}

bool dx_mv_covered(dx_ctx *ctx, dx_expr *e, const char *const *names, size_t n, const char **missing)
{
    const char **vars;
    size_t nv = dx_vars(ctx, e, &vars);
    for (size_t i = 0; i < nv; i++) {
        size_t k = 0;
        while (k < n && strcmp(names[k], vars[i]) != 0)
            k++;
        if (k == n) {
            *missing = vars[i];
            return false;
        }
    }
    return true;
}

dx_status dx_mv_at(dx_ctx *ctx, dx_expr *e, const char *const *names, dx_expr *const *values, size_t n,
                   dx_mv_value *out)
{
    const char *missing;
    if (!dx_mv_covered(ctx, e, names, n, &missing)) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_MV_NO_VALUE, DX_S(missing));
        return DX_EUSAGE;
    }
    dx_expr *v = dx_simplify(ctx, dx_subst_values(ctx, e, names, values, n));
    if (!v)
        return dx_ctx_error(ctx)->status;
    out->exact = v;
    return dx_eval_const(ctx, v, &out->num);
}

void dx_mv_json_head(dx_ctx *ctx, dx_buf *b, const dx_expr *f, const char *const *names, size_t n)
{
    dx_buf_putc(b, '{');
    dx_json_key(b, "input", true);
    dx_json_expr(b, ctx, f);
    dx_json_key(b, "vars", false);
    dx_buf_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        dx_buf_puts(b, i ? ", " : "");
        dx_json_str(b, names[i]);
    }
    dx_buf_putc(b, ']');
}

void dx_mv_put_point(dx_ctx *ctx, dx_buf *b, const char *const *names, dx_expr *const *values, size_t n,
                     dx_show how)
{
    if (how == DX_SHOW_JSON)
        dx_buf_putc(b, '{');
    for (size_t i = 0; i < n; i++) {
        if (how == DX_SHOW_JSON) {
            dx_json_key(b, names[i], i == 0);
            dx_json_expr(b, ctx, values[i]);
            continue;
        }
        dx_buf_printf(b, "%s%s = ", i ? ", " : "", names[i]);
        dx_buf_expr(b, ctx, values[i], how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN);
    }
    if (how == DX_SHOW_JSON)
        dx_buf_putc(b, '}');
}

/* Widest column of a matrix of printed entries, for alignment. */
static size_t column_width(char *const *s, size_t n, size_t j)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(s[i * n + j]);
        w = len > w ? len : w;
    }
    return w;
}

void dx_mv_put_matrix(dx_ctx *ctx, dx_buf *b, dx_expr *const *m, size_t n, dx_show how)
{
    dx_format fmt = how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN;
    char **s = dx_calloc(n ? n * n : 1, sizeof *s);
    if (!s) {
        b->oom = true;
        return;
    }
    for (size_t k = 0; k < n * n; k++) {
        dx_buf t = {0};
        dx_buf_expr(&t, ctx, m[k], fmt);
        b->oom |= t.oom;
        s[k] = dx_buf_take(&t);
        if (!s[k])
            goto out;
    }
    if (how == DX_SHOW_JSON) {
        dx_buf_putc(b, '[');
        for (size_t i = 0; i < n; i++) {
            dx_buf_puts(b, i ? ", [" : "[");
            for (size_t j = 0; j < n; j++) {
                dx_buf_puts(b, j ? ", " : "");
                dx_json_str(b, s[i * n + j]);
            }
            dx_buf_putc(b, ']');
        }
        dx_buf_putc(b, ']');
    } else if (how == DX_SHOW_LATEX) {
        dx_buf_puts(b, "\\begin{pmatrix}");
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++)
                dx_buf_printf(b, " %s %s", s[i * n + j], j + 1 < n ? "&" : i + 1 < n ? "\\\\" : "");
        dx_buf_puts(b, "\\end{pmatrix}\n");
    } else {
        for (size_t i = 0; i < n; i++) {
            dx_buf_puts(b, "  [");
            for (size_t j = 0; j < n; j++)
                dx_buf_printf(b, " %-*s", (int)column_width(s, n, j), s[i * n + j]);
            dx_buf_puts(b, " ]\n");
        }
    }
out:
    for (size_t k = 0; k < n * n; k++)
        dx_free(s[k]);
    dx_free(s);
}
