/* dfdx hessian's report: each second partial derivative, the matrix, its value at a point. */
#include "multivar.h"
#include "show.h"

/* "x, y": the variables as one message argument. */
static void put_names(dx_buf *b, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dx_buf_printf(b, "%s%s", i ? ", " : "", names[i]);
}

static void show_json(dx_ctx *ctx, const dx_hessian_result *r, dx_buf *out)
{
    dx_mv_json_head(ctx, out, r->f, r->vars, r->n);
    dx_json_key(out, "hessian", false);
    dx_mv_put_matrix(ctx, out, r->entry, r->n, DX_SHOW_JSON);
    if (r->at) {
        dx_json_key(out, "at", false);
        dx_mv_put_point(ctx, out, r->vars, r->point, r->n, DX_SHOW_JSON);
        dx_json_key(out, "value", false);
        dx_mv_put_matrix(ctx, out, r->value, r->n, DX_SHOW_JSON);
        dx_json_key(out, "value_num", false);
        dx_buf_putc(out, '[');
        for (size_t i = 0; i < r->n; i++) {
            dx_buf_puts(out, i ? ", [" : "[");
            for (size_t j = 0; j < r->n; j++) {
                dx_buf_puts(out, j ? ", " : "");
                dx_json_num(out, r->num[i * r->n + j]);
            }
            dx_buf_putc(out, ']');
        }
        dx_buf_putc(out, ']');
        if (r->det) {
            dx_json_key(out, "determinant", false);
            dx_json_expr(out, ctx, r->det);
        }
    }
    dx_buf_puts(out, "}\n");
}

void dx_show_hessian(dx_ctx *ctx, const dx_hessian_result *r, dx_show how, dx_buf *out)
{
    if (!r->entry)
        return;
    if (how == DX_SHOW_JSON) {
        show_json(ctx, r, out);
        return;
    }
    dx_format fmt = how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN;
    size_t n = r->n;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i; j < n; j++) {
            if (fmt == DX_LATEX && i == j)
                dx_buf_printf(out, "\\frac{\\partial^2 f}{\\partial %s^2} = ", r->vars[i]);
            else if (fmt == DX_LATEX)
                dx_buf_printf(out, "\\frac{\\partial^2 f}{\\partial %s \\partial %s} = ", r->vars[i], r->vars[j]);
            else if (i == j)
                dx_buf_printf(out, "d2f/d%s2 = ", r->vars[i]);
            else
                dx_buf_printf(out, "d2f/d%sd%s = ", r->vars[i], r->vars[j]);
            dx_buf_expr(out, ctx, r->entry[i * n + j], fmt);
            dx_buf_putc(out, '\n');
        }
    dx_buf names = {0};
    put_names(&names, r->vars, n);
    dx_show_say(ctx, out, DX_MSG(DX_M_HESS_HEAD, DX_S(names.s ? names.s : "")));
    out->oom |= names.oom;
    dx_buf_free(&names);
    dx_buf_putc(out, '\n');
    dx_mv_put_matrix(ctx, out, r->entry, n, how);
    if (!r->at)
        return;
    dx_buf pt = {0};
    dx_mv_put_point(ctx, &pt, r->vars, r->point, n, DX_SHOW_PLAIN);
    dx_show_say(ctx, out, DX_MSG(DX_M_HESS_AT, DX_S(pt.s ? pt.s : "")));
    out->oom |= pt.oom;
    dx_buf_free(&pt);
    dx_buf_putc(out, '\n');
    dx_mv_put_matrix(ctx, out, r->value, n, how);
    if (r->det) {
        dx_buf d = {0};
        dx_show_approx(ctx, &d, r->det, r->det_num, fmt);
        dx_show_say(ctx, out, DX_MSG(DX_M_HESS_DET, DX_S(d.s ? d.s : "")));
        out->oom |= d.oom;
        dx_buf_free(&d);
        dx_buf_putc(out, '\n');
    }
}
