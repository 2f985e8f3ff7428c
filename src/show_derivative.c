/* The text of dfdx diff and dfdx grad: a derivative, its kinks, a gradient. */
#include "alloc.h"
#include "expr.h"

#include <stdlib.h>

static dx_format format_of(dx_show how) { return how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN; }

/* e in fmt as a JSON string; "" where it cannot be printed (too large or too deep), a
 * failure when required or when memory ran out (then the answer would be another one). */
static void json_expr(dx_ctx *ctx, dx_buf *out, const dx_expr *e, dx_format fmt, bool required)
{
    dx_buf s = {0};
    dx_buf_expr(&s, ctx, e, fmt);
    dx_json_str(out, s.s && !s.oom ? s.s : "");
    out->oom |= s.oom && (required || dx_ctx_error(ctx)->status != DX_ELIMIT);
    dx_buf_free(&s);
}

/* The derivative's JSON keys, without the braces. */
static void derivative_keys(dx_ctx *ctx, const dx_derived *r, dx_buf *out)
{
    dx_json_key(out, "input", true);
    json_expr(ctx, out, r->f, DX_PLAIN, false);
    dx_json_key(out, "variable", false);
    dx_json_str(out, r->var);
    dx_json_key(out, "order", false);
    dx_buf_printf(out, "%u", r->order);
    /* the plain form is the result: without it there is nothing to show */
    dx_json_key(out, "derivative", false);
    json_expr(ctx, out, r->derivative, DX_PLAIN, true);
    dx_json_key(out, "latex", false);
    json_expr(ctx, out, r->derivative, DX_LATEX, false);
    /* where a cancellation kept f undefined (x^2/x: x ≠ 0), which the printed form hides */
    if (r->derivative->kind == DX_GUARD) {
        dx_json_key(out, "domain", false);
        dx_buf_putc(out, '[');
        for (uint32_t i = 1; i < r->derivative->n; i++) {
            if (i > 1)
                dx_buf_puts(out, ", ");
            json_expr(ctx, out, r->derivative->a[i], DX_PLAIN, true);
        }
        dx_buf_putc(out, ']');
    }
}

void dx_show_derivative(dx_ctx *ctx, const dx_derived *r, dx_show how, dx_buf *out)
{
    if (how != DX_SHOW_JSON) {
        dx_buf_expr(out, ctx, r->derivative, format_of(how));
        dx_buf_putc(out, '\n');
        return;
    }
    dx_buf_putc(out, '{');
    derivative_keys(ctx, r, out);
    dx_buf_puts(out, "}\n");
}

/* One side's derivative at a kink, as dfdx limit shows a one-sided value. */
static void show_slope(dx_ctx *ctx, const dx_slope *s, dx_format fmt, dx_buf *out)
{
    dx_msg m;
    switch (s->kind) {
    case DX_SLOPE_VALUE:
        if (s->exact)
            dx_buf_expr(out, ctx, s->exact, fmt);
        else
            dx_buf_printf(out, "%.10g", s->value + 0.0); /* + 0.0: never "-0" */
        return;
    case DX_SLOPE_POS_INF: dx_buf_puts(out, fmt == DX_LATEX ? "\\infty" : "oo"); return;
    case DX_SLOPE_NEG_INF: dx_buf_puts(out, fmt == DX_LATEX ? "-\\infty" : "-oo"); return;
    case DX_SLOPE_OSCILLATES: m = DX_MSG(DX_M_SLOPE_OSCILLATES); break;
    case DX_SLOPE_UNDEFINED: m = DX_MSG(DX_M_SLOPE_UNDEFINED); break;
    default: {
        char *why = dx_msg_text(ctx, &s->why, fmt);
        m = DX_MSG(DX_M_SLOPE_UNKNOWN, DX_S(why ? why : ""));
        dx_msg_render(ctx, out, &m, fmt);
        out->oom |= !why;
        dx_free(why);
        return;
    }
    }
    dx_msg_render(ctx, out, &m, fmt);
}

void dx_show_kink(dx_ctx *ctx, const dx_derived *r, size_t i, dx_show how, dx_buf *out)
{
    const dx_kink *k = &r->kink[i];
    if (!k->at) {
        dx_msg m = DX_MSG(DX_M_KINK_WHERE, DX_E(k->u));
        dx_msg_render(ctx, out, &m, DX_PLAIN);
        return;
    }
    if (k->kind == DX_KINK_JUMP || k->kind == DX_KINK_POLE || k->kind == DX_KINK_HOLE) {
        /* f's own limits say it: its derivatives there mean nothing */
        dx_buf left = {0}, right = {0};
        show_slope(ctx, &k->fleft, format_of(how), &left);
        show_slope(ctx, &k->fright, format_of(how), &right);
        dx_msg_id id = k->kind == DX_KINK_JUMP ? DX_M_KINK_JUMP : k->kind == DX_KINK_POLE ? DX_M_KINK_POLE : DX_M_KINK_HOLE;
        dx_msg m = DX_MSG(id, DX_S(r->var), DX_E(k->at), DX_S(left.s ? left.s : ""), DX_S(right.s ? right.s : ""));
        dx_msg_render(ctx, out, &m, DX_PLAIN);
        out->oom |= left.oom || right.oom;
        dx_buf_free(&left);
        dx_buf_free(&right);
        return;
    }
    if (!k->sided) {
        dx_msg m = DX_MSG(DX_M_KINK_AT, DX_S(r->var), DX_E(k->at), DX_E(k->u));
        dx_msg_render(ctx, out, &m, DX_PLAIN);
        return;
    }
    /* the point in plain form as the rest of the note, the slopes in the form asked for */
    dx_buf left = {0}, right = {0};
    show_slope(ctx, &k->left, format_of(how), &left);
    show_slope(ctx, &k->right, format_of(how), &right);
    dx_msg m = k->kind == DX_KINK_SMOOTH
                   ? DX_MSG(DX_M_KINK_SMOOTH, DX_S(r->var), DX_E(k->at), DX_E(k->u), DX_S(left.s ? left.s : ""))
                   : DX_MSG(DX_M_KINK_AT_SIDES, DX_S(r->var), DX_E(k->at), DX_E(k->u), DX_S(left.s ? left.s : ""),
                            DX_S(right.s ? right.s : ""));
    dx_msg_render(ctx, out, &m, DX_PLAIN);
    out->oom |= left.oom || right.oom;
    dx_buf_free(&left);
    dx_buf_free(&right);
}

void dx_show_gradient(dx_ctx *ctx, const dx_grad *g, dx_show how, dx_buf *out)
{
    if (how == DX_SHOW_JSON)
        dx_buf_puts(out, "{\"gradient\": {");
    for (size_t i = 0; i < g->n; i++) {
        if (how == DX_SHOW_JSON) {
            dx_json_key(out, g->vars[i], i == 0);
            json_expr(ctx, out, g->partial[i], DX_PLAIN, true);
            continue;
        }
        if (how == DX_SHOW_LATEX)
            dx_buf_printf(out, "\\frac{\\partial f}{\\partial %s} = ", g->vars[i]);
        else
            dx_buf_printf(out, "d/d%s = ", g->vars[i]);
        dx_buf_expr(out, ctx, g->partial[i], format_of(how));
        dx_buf_putc(out, '\n');
    }
    if (how == DX_SHOW_JSON) {
        dx_buf_puts(out, "}}\n");
    } else if (g->n == 0) {
        dx_msg m = DX_MSG(DX_M_GRAD_NO_VARS);
        dx_msg_render(ctx, out, &m, DX_PLAIN);
        dx_buf_putc(out, '\n');
    }
}

/* --- at a point ------------------------------------------------------------------------------ */

/* "x = 2, y = 3" (plain: the point is read back as typed; LaTeX: its values typeset). */
static char *point_text(dx_ctx *ctx, const dx_at *a, dx_format fmt)
{
    dx_buf b = {0};
    for (size_t i = 0; i < a->npoint; i++) {
        dx_buf_printf(&b, "%s%s = ", i ? ", " : "", a->names[i]);
        dx_buf_expr(&b, ctx, a->values[i], fmt);
    }
    return dx_buf_take(&b);
}

/* at[i] as dfdx eval shows a value (12; pi/2 ≈ 1.5707963267948966), or the expression still
 * in the free variables. */
static void put_at(dx_ctx *ctx, const dx_at *a, size_t i, dx_show how, dx_buf *out)
{
    if (!a->value[i].input) {
        dx_buf_expr(out, ctx, a->at[i], format_of(how));
        return;
    }
    dx_buf v = {0};
    dx_show_value(ctx, &a->value[i], how, &v);
    if (v.s && v.n && v.s[v.n - 1] == '\n')
        v.s[--v.n] = '\0';
    dx_buf_puts(out, v.s ? v.s : "");
    out->oom |= v.oom;
    dx_buf_free(&v);
}

/* "at": the point's values as strings, then at[i] as "expr" (and its number when it is one). */
static void json_at(dx_ctx *ctx, const dx_at *a, size_t i, dx_buf *out)
{
    dx_buf_puts(out, "{\"exact\": ");
    json_expr(ctx, out, a->at[i], DX_PLAIN, true);
    dx_json_key(out, "value", false);
    if (a->value[i].input)
        dx_json_num(out, a->value[i].value);
    else
        dx_buf_puts(out, "null");
    dx_buf_putc(out, '}');
}

static void json_point(dx_ctx *ctx, const dx_at *a, dx_buf *out)
{
    dx_json_key(out, "at", false);
    dx_buf_putc(out, '{');
    for (size_t i = 0; i < a->npoint; i++) {
        dx_json_key(out, a->names[i], i == 0);
        json_expr(ctx, out, a->values[i], DX_PLAIN, true);
    }
    dx_buf_putc(out, '}');
}

static void say_point(dx_ctx *ctx, const dx_at *a, dx_show how, bool head, dx_buf *value, dx_buf *out)
{
    char *pt = point_text(ctx, a, format_of(how));
    dx_msg m = head ? DX_MSG(DX_M_AT_POINT_HEAD, DX_S(pt ? pt : ""))
                    : DX_MSG(DX_M_AT_POINT, DX_S(pt ? pt : ""), DX_S(value->s ? value->s : ""));
    out->oom |= !pt || value->oom;
    dx_msg_render(ctx, out, &m, DX_PLAIN);
    dx_buf_putc(out, '\n');
    dx_free(pt);
}

void dx_show_derivative_at(dx_ctx *ctx, const dx_derived *r, const dx_at *a, dx_show how, dx_buf *out)
{
    if (how == DX_SHOW_JSON) {
        dx_buf_putc(out, '{');
        derivative_keys(ctx, r, out);
        json_point(ctx, a, out);
        dx_json_key(out, "value", false);
        json_at(ctx, a, 0, out);
        dx_buf_puts(out, "}\n");
        return;
    }
    dx_show_derivative(ctx, r, how, out);
    dx_buf v = {0};
    put_at(ctx, a, 0, how, &v);
    say_point(ctx, a, how, false, &v, out);
    dx_buf_free(&v);
}

void dx_show_gradient_at(dx_ctx *ctx, const dx_grad *g, const dx_at *a, dx_show how, dx_buf *out)
{
    if (how == DX_SHOW_JSON) {
        dx_buf_puts(out, "{\"gradient\": {");
        for (size_t i = 0; i < g->n; i++) {
            dx_json_key(out, g->vars[i], i == 0);
            json_expr(ctx, out, g->partial[i], DX_PLAIN, true);
        }
        dx_buf_putc(out, '}');
        json_point(ctx, a, out);
        dx_json_key(out, "values", false);
        dx_buf_putc(out, '{');
        for (size_t i = 0; i < g->n; i++) {
            dx_json_key(out, g->vars[i], i == 0);
            json_at(ctx, a, i, out);
        }
        dx_buf_puts(out, "}}\n");
        return;
    }
    dx_show_gradient(ctx, g, how, out);
    dx_buf none = {0};
    say_point(ctx, a, how, true, &none, out);
    for (size_t i = 0; i < g->n; i++) {
        if (how == DX_SHOW_LATEX)
            dx_buf_printf(out, "\\frac{\\partial f}{\\partial %s} = ", g->vars[i]);
        else
            dx_buf_printf(out, "d/d%s = ", g->vars[i]);
        put_at(ctx, a, i, how, out);
        dx_buf_putc(out, '\n');
    }
}
