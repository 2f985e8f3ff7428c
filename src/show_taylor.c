/* dfdx taylor's report: the polynomial, its remainder's order, the coefficients (one
 * variable) or f(a), the gradient and the Hessian at a (several). */
#include "multivar.h"
#include "show.h"

/* The report's sentence with the text of b as its one string argument, on a line. */
static void say_with(dx_ctx *ctx, dx_buf *out, dx_msg_id id, dx_buf *b)
{
    dx_show_say(ctx, out, DX_MSG(id, DX_S(b->s ? b->s : "")));
    out->oom |= b->oom;
    dx_buf_free(b);
    dx_buf_putc(out, '\n');
}

/* "x - 1, y" (h, the step from the point) or "0, 1, -1/6" (a list of expressions). */
static void put_list(dx_ctx *ctx, dx_buf *b, dx_expr *const *e, size_t n, dx_format fmt)
{
    for (size_t i = 0; i < n; i++) {
        dx_buf_puts(b, i ? ", " : "");
        dx_buf_expr(b, ctx, e[i], fmt);
    }
}

/* The polynomial in ascending order, term by term as coefficient times monomial
 * ("1/2 - sqrt(3)/2*(x - pi/3) - (x - pi/3)^2/4"): the canonical sum would reorder the
 * terms and multiply the coefficients out. It reads back as the same polynomial. */
static void put_polynomial(dx_ctx *ctx, dx_buf *out, const dx_taylor_result *r, dx_format fmt)
{
    bool first = true;
    for (size_t t = 0; t < r->nterms; t++) {
        const dx_expr *c = r->term_coef[t], *m = r->term_mono[t];
        if (dx_is_int(c, 0))
            continue;
        dx_buf ct = {0}, mt = {0};
        dx_buf_expr(&ct, ctx, c, fmt);
        dx_buf_expr(&mt, ctx, m, fmt);
        out->oom |= ct.oom || mt.oom;
        const char *cs = ct.s ? ct.s : "", *ms = mt.s ? mt.s : "";
        bool neg = cs[0] == '-' && c->kind != DX_ADD;
        dx_buf_puts(out, first ? (neg ? "-" : "") : neg ? " - " : " + ");
        cs += neg;
        bool one = dx_is_int(m, 1), unit = dx_is_int(c, 1) || dx_is_int(c, -1);
        const char *open = fmt == DX_LATEX ? "\\left(" : "(", *close = fmt == DX_LATEX ? "\\right)" : ")";
        if (c->kind == DX_NUM && !unit && !one) { /* x^3/6 and (x - 1)^2/2, not 1/6*x^3 */
            dx_buf_expr(out, ctx, dx_mul(ctx, neg ? dx_neg(ctx, (dx_expr *)c) : (dx_expr *)c, (dx_expr *)m), fmt);
            first = false;
            dx_buf_free(&ct);
            dx_buf_free(&mt);
            continue;
        }
        if (!unit || one)
            dx_buf_printf(out, "%s%s%s", c->kind == DX_ADD ? open : "", cs,
                          c->kind == DX_ADD ? close : "");
        if (!one) {
            if (!unit)
                dx_buf_puts(out, fmt == DX_LATEX ? " " : "*");
            bool paren = m->kind == DX_ADD;
            dx_buf_printf(out, "%s%s%s", paren ? open : "", ms, paren ? close : "");
        }
        first = false;
        dx_buf_free(&ct);
        dx_buf_free(&mt);
    }
    if (first)
        dx_buf_putc(out, '0');
}

static void show_json(dx_ctx *ctx, const dx_taylor_result *r, dx_buf *out)
{
    dx_buf_putc(out, '{');
    dx_json_key(out, "input", true);
    dx_json_expr(out, ctx, r->f);
    dx_json_key(out, "at", false);
    dx_mv_put_point(ctx, out, r->vars, r->at, r->n, DX_SHOW_JSON);
    dx_json_key(out, "order", false);
    dx_buf_printf(out, "%u", r->order);
    dx_json_key(out, "polynomial", false);
    dx_buf poly = {0};
    put_polynomial(ctx, &poly, r, DX_PLAIN);
    dx_json_str(out, poly.s ? poly.s : "");
    out->oom |= poly.oom;
    dx_buf_free(&poly);
    dx_json_key(out, "coefficients", false);
    dx_buf_putc(out, '[');
    for (unsigned k = 0; k <= r->order; k++) {
        dx_buf_puts(out, k ? ", " : "");
        dx_json_expr(out, ctx, r->coef[k]);
    }
    dx_buf_putc(out, ']');
    dx_json_key(out, "remainder_order", false);
    dx_buf_printf(out, "%u", r->order + 1);
    if (r->gradient) {
        dx_json_key(out, "gradient", false);
        dx_mv_put_point(ctx, out, r->vars, r->gradient, r->n, DX_SHOW_JSON);
    }
    if (r->hessian) {
        dx_json_key(out, "hessian", false);
        dx_mv_put_matrix(ctx, out, r->hessian, r->n, DX_SHOW_JSON);
    }
    dx_buf_puts(out, "}\n");
}

void dx_show_taylor(dx_ctx *ctx, const dx_taylor_result *r, dx_show how, dx_buf *out)
{
    if (!r->polynomial)
        return;
    if (how == DX_SHOW_JSON) {
        show_json(ctx, r, out);
        return;
    }
    dx_format fmt = how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN;
    /* the polynomial alone on the first line: dfdx reads it back */
    put_polynomial(ctx, out, r, fmt);
    dx_buf_putc(out, '\n');
    dx_buf b = {0};
    dx_mv_put_point(ctx, &b, r->vars, r->at, r->n, DX_SHOW_PLAIN);
    dx_show_say(ctx, out, DX_MSG(DX_M_TAYLOR_HEAD, DX_I(r->order), DX_S(b.s ? b.s : "")));
    out->oom |= b.oom;
    dx_buf_free(&b);
    dx_buf_putc(out, '\n');
    if (r->remainder) {
        dx_buf_expr(&b, ctx, r->remainder, DX_PLAIN);
        say_with(ctx, out, DX_M_TAYLOR_REMAINDER, &b);
        dx_show_say(ctx, out, DX_MSG(DX_M_TAYLOR_COEF_HEAD));
        dx_buf_puts(out, "\n  ");
        put_list(ctx, out, r->coef, r->order + 1, fmt);
        dx_buf_putc(out, '\n');
        return;
    }
    put_list(ctx, &b, r->step, r->n, DX_PLAIN);
    dx_show_say(ctx, out, DX_MSG(DX_M_TAYLOR_REMAINDER_SEVERAL, DX_I(r->order + 1), DX_S(b.s ? b.s : "")));
    out->oom |= b.oom;
    dx_buf_free(&b);
    dx_buf_putc(out, '\n');
    dx_buf_expr(&b, ctx, r->coef[0], DX_PLAIN);
    say_with(ctx, out, DX_M_TAYLOR_VALUE, &b);
    put_list(ctx, &b, r->gradient, r->n, DX_PLAIN);
    say_with(ctx, out, DX_M_TAYLOR_GRAD, &b);
    if (r->hessian) {
        dx_show_say(ctx, out, DX_MSG(DX_M_TAYLOR_HESS));
        dx_buf_putc(out, '\n');
        dx_mv_put_matrix(ctx, out, r->hessian, r->n, how);
        dx_show_say(ctx, out, DX_MSG(DX_M_TAYLOR_FORM));
        dx_buf_putc(out, '\n');
    }
}
