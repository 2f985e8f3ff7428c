/* dfdx implicit's report: dy/dx, how it was found, and the tangent at a point of the curve. */
#include "multivar.h"
#include "show.h"

static const char *kind_word(dx_implicit_kind k)
{
    return k == DX_IMPLICIT_LINE ? "line" : k == DX_IMPLICIT_VERTICAL ? "vertical" : "singular";
}

static void show_json(dx_ctx *ctx, const dx_implicit_result *r, dx_buf *out)
{
    dx_buf_putc(out, '{');
    dx_json_key(out, "F", true);
    dx_json_expr(out, ctx, r->F);
    dx_json_key(out, "x", false);
    dx_json_str(out, r->x);
    dx_json_key(out, "y", false);
    dx_json_str(out, r->y);
    dx_json_key(out, "Fx", false);
    dx_json_expr(out, ctx, r->Fx);
    dx_json_key(out, "Fy", false);
    dx_json_expr(out, ctx, r->Fy);
    dx_json_key(out, "derivative", false);
    dx_json_expr(out, ctx, r->dydx);
    if (r->d2ydx2) {
        dx_json_key(out, "second_derivative", false);
        dx_json_expr(out, ctx, r->d2ydx2);
    }
    if (r->at) {
        dx_json_key(out, "at", false);
        const char *names[] = {r->x, r->y};
        dx_expr *pt[] = {r->x0, r->y0};
        dx_mv_put_point(ctx, out, names, pt, 2, DX_SHOW_JSON);
        dx_json_key(out, "tangent_kind", false);
        dx_json_str(out, kind_word(r->kind));
        if (r->kind == DX_IMPLICIT_LINE) {
            dx_json_key(out, "slope", false);
            dx_json_expr(out, ctx, r->slope);
            dx_json_key(out, "slope_num", false);
            dx_json_num(out, r->slope_num);
            dx_json_key(out, "tangent", false);
            dx_json_expr(out, ctx, r->line);
        }
        if (r->second) {
            dx_json_key(out, "second_at", false);
            dx_json_expr(out, ctx, r->second);
        }
    }
    dx_buf_puts(out, "}\n");
}

/* A sentence whose one argument is a value: exact, with a short decimal where it is irrational. */
static void say_value(dx_ctx *ctx, dx_buf *out, dx_msg_id id, const dx_expr *v, double num, dx_format fmt)
{
    dx_buf b = {0};
    dx_show_approx(ctx, &b, v, num, fmt);
    dx_show_say(ctx, out, DX_MSG(id, DX_S(b.s ? b.s : "")));
    out->oom |= b.oom;
    dx_buf_free(&b);
    dx_buf_putc(out, '\n');
}

void dx_show_implicit(dx_ctx *ctx, const dx_implicit_result *r, dx_show how, dx_buf *out)
{
    if (!r->dydx)
        return;
    if (how == DX_SHOW_JSON) {
        show_json(ctx, r, out);
        return;
    }
    dx_format fmt = how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN;
    /* dy/dx alone first: dfdx reads it back */
    dx_buf_expr(out, ctx, r->dydx, fmt);
    dx_buf_putc(out, '\n');
    dx_show_say(ctx, out, DX_MSG(DX_M_IMPL_CURVE, DX_E(r->F)));
    dx_buf_putc(out, '\n');
    dx_show_say(ctx, out, DX_MSG(DX_M_IMPL_PARTIALS, DX_S(r->x), DX_E(r->Fx), DX_S(r->y), DX_E(r->Fy)));
    dx_buf_putc(out, '\n');
    dx_show_say(ctx, out, DX_MSG(DX_M_IMPL_RULE, DX_S(r->y), DX_S(r->x)));
    dx_buf_putc(out, '\n');
    if (r->d2ydx2) {
        dx_buf_printf(out, "d2%s/d%s2 = ", r->y, r->x);
        dx_buf_expr(out, ctx, r->d2ydx2, fmt);
        dx_buf_putc(out, '\n');
    }
    if (!r->at)
        return;
    dx_show_say(ctx, out, DX_MSG(DX_M_IMPL_ON_CURVE, DX_E(r->x0), DX_E(r->y0)));
    dx_buf_putc(out, '\n');
    switch (r->kind) {
    case DX_IMPLICIT_LINE: {
        say_value(ctx, out, DX_M_IMPL_SLOPE, r->slope, r->slope_num, fmt);
        dx_buf line = {0};
        dx_buf_expr(&line, ctx, r->line, fmt);
        dx_show_say(ctx, out, DX_MSG(DX_M_IMPL_TANGENT, DX_S(r->y), DX_S(line.s ? line.s : "")));
        out->oom |= line.oom;
        dx_buf_free(&line);
        dx_buf_putc(out, '\n');
        if (r->second)
            say_value(ctx, out, DX_M_IMPL_SECOND, r->second, r->second_num, fmt);
        break;
    }
    case DX_IMPLICIT_VERTICAL:
        dx_show_say(ctx, out, DX_MSG(DX_M_IMPL_VERTICAL, DX_S(r->x), DX_E(r->x0), DX_S(r->y)));
        dx_buf_putc(out, '\n');
        break;
    case DX_IMPLICIT_SINGULAR:
        dx_show_say(ctx, out, DX_MSG(DX_M_IMPL_SINGULAR, DX_S(r->x), DX_S(r->y)));
        dx_buf_putc(out, '\n');
        break;
    }
}
