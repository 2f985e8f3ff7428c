/* dfdx tangent's output: slope, point and line, or why there is no tangent line; text, LaTeX
 * or JSON. */
#include "eval.h"
#include "show.h"
#include "alloc.h"
#include "dfdx/text.h"

#include <stdlib.h>
#include <string.h>

/* A number of the answer as the point was written: a rational as a terminating decimal (2.25)
 * when the point had a decimal point and the value ends, anything else exactly (9/4, pi/6).
 * buf (32 bytes or more) holds the decimal. */
static dx_arg exact_arg(const dx_expr *q, bool decimals, char *buf, size_t n)
{
    if (decimals && q->kind == DX_NUM) {
        dx_fmt_double(buf, n, dx_num_to_double(&q->u.num));
        if (dx_decimal_is(buf, &q->u.num))
            return DX_S(buf);
    }
    return DX_E(q);
}

/* A one-sided slope as a message argument: its exact value, its number, or an infinity. */
static dx_arg slope_arg(const dx_slope *s, dx_format fmt)
{
    bool latex = fmt == DX_LATEX;
    switch (s->kind) {
    case DX_SLOPE_VALUE: return s->exact ? DX_E(s->exact) : DX_D(s->value);
    case DX_SLOPE_POS_INF: return DX_S(latex ? "\\infty" : "oo");
    case DX_SLOPE_NEG_INF: return DX_S(latex ? "-\\infty" : "-oo");
    default: break; /* undefined on that side */
    }
    return DX_S("");
}

/* Why there is no tangent line, in words. */
static void put_why(dx_ctx *ctx, dx_buf *out, const dx_tangent_result *r, dx_format fmt)
{
    dx_msg m;
    const dx_slope *l = &r->left, *rt = &r->right;
    if (r->kind == DX_TANGENT_UNDEFINED) {
        char *why = dx_msg_text(ctx, &r->why, DX_PLAIN);
        m = DX_MSG(DX_M_TANGENT_WHY_UNDEFINED, DX_S(why ? why : ""));
        dx_msg_render(ctx, out, &m, fmt);
        dx_free(why);
        return;
    }
    if (r->kind == DX_TANGENT_JUMP)
        m = DX_MSG(DX_M_TANGENT_WHY_JUMP);
    else if (l->kind == DX_SLOPE_UNDEFINED)
        m = DX_MSG(DX_M_TANGENT_WHY_RIGHT_ONLY, slope_arg(rt, fmt));
    else if (rt->kind == DX_SLOPE_UNDEFINED)
        m = DX_MSG(DX_M_TANGENT_WHY_LEFT_ONLY, slope_arg(l, fmt));
    else if (l->kind == DX_SLOPE_VALUE && rt->kind == DX_SLOPE_VALUE && l->value < rt->value)
        m = DX_MSG(DX_M_TANGENT_WHY_SUBGRADIENTS, slope_arg(l, fmt), slope_arg(rt, fmt));
    else
        m = DX_MSG(DX_M_TANGENT_WHY_SIDES, slope_arg(l, fmt), slope_arg(rt, fmt));
    dx_msg_render(ctx, out, &m, fmt);
}

/* An argument as text in fmt (malloc'd; NULL without memory). */
static char *text_of(dx_ctx *ctx, dx_arg a, dx_format fmt)
{
    char buf[40];
    switch (a.kind) {
    case DX_ARG_EXPR: return dx_print(ctx, a.u.e, fmt);
    case DX_ARG_NUM: dx_fmt_double(buf, sizeof buf, a.u.d); return dx_strdup(buf);
    case DX_ARG_STR: return dx_strdup(a.u.s);
    default: return dx_strdup("");
    }
}

/* "M*x + B" from the texts of M and B (signs in front): 1 and -1 and 0 dropped. In LaTeX
 * the product is written "M x". */
static void put_line(dx_buf *out, const char *var, const char *m, const char *b, bool latex)
{
    bool mzero = strcmp(m, "0") == 0, bzero = strcmp(b, "0") == 0;
    if (!mzero) {
        if (strcmp(m, "1") == 0)
            dx_buf_puts(out, var);
        else if (strcmp(m, "-1") == 0)
            dx_buf_printf(out, "-%s", var);
        else
            dx_buf_printf(out, "%s%s%s", m, latex ? " " : "*", var);
    }
    if (mzero)
        dx_buf_puts(out, b);
    else if (!bzero)
        dx_buf_printf(out, " %c %s", b[0] == '-' ? '-' : '+', b[0] == '-' ? b + 1 : b);
}

/* The texts of a tangent line: slope, point and line. */
typedef struct {
    char *m, *x, *y, *line;
} texts;

/* A value not known to be rational: exact with its short decimal (exp(3/10) ≈ 1.34986), or its
 * digits, with a short form where they are long (malloc'd; NULL without memory). */
static char *approx_text(dx_ctx *ctx, const dx_expr *exact, double v, dx_format fmt)
{
    dx_buf b = {0};
    dx_show_approx(ctx, &b, exact, v, fmt);
    return dx_buf_take(&b);
}

/* approx: a short decimal beside each irrational or long number (text and LaTeX; JSON keeps
 * the exact texts, its numbers being fields of their own). */
static bool line_texts(dx_ctx *ctx, const dx_tangent_result *r, dx_format fmt, bool approx, texts *t)
{
    char xb[40], mb[40], yb[40], bb[40];
    bool rational = r->exact && r->at->kind == DX_NUM && r->exact_y->kind == DX_NUM &&
                    r->exact_slope->kind == DX_NUM && r->exact_intercept->kind == DX_NUM;
    char *bs;
    if (rational) {
        t->m = text_of(ctx, exact_arg(r->exact_slope, r->decimals, mb, sizeof mb), fmt);
        t->y = text_of(ctx, exact_arg(r->exact_y, r->decimals, yb, sizeof yb), fmt);
        bs = text_of(ctx, exact_arg(r->exact_intercept, r->decimals, bb, sizeof bb), fmt);
    } else if (approx) {
        t->m = approx_text(ctx, r->exact ? r->exact_slope : NULL, r->slope, fmt);
        t->y = approx_text(ctx, r->exact ? r->exact_y : NULL, r->y, fmt);
        bs = text_of(ctx, DX_D(r->intercept), fmt);
    } else {
        t->m = text_of(ctx, r->exact ? DX_E(r->exact_slope) : DX_D(r->slope), fmt);
        t->y = text_of(ctx, r->exact ? DX_E(r->exact_y) : DX_D(r->y), fmt);
        bs = text_of(ctx, DX_D(r->intercept), fmt);
    }
    /* where there is no tangent line the point is said as given: "at x = pi" */
    bool oom = false;
    if (approx && dx_show_irrational(ctx, r->at, &oom))
        t->x = approx_text(ctx, r->at, r->x, fmt);
    else
        t->x = text_of(ctx, r->exact || r->kind != DX_TANGENT_LINE ? exact_arg(r->at, r->decimals, xb, sizeof xb)
                                                                     : DX_D(r->x), fmt);
    dx_buf lb = {0};
    if (r->exact && !rational) { /* the line whole: sin(x) at pi/6 */
        char *l = dx_print(ctx, r->line, fmt);
        dx_buf_printf(&lb, "y = %s", l ? l : "");
        lb.oom |= !l;
        dx_free(l);
    } else if (t->m && bs) {
        char m[40];
        dx_buf_puts(&lb, "y = ");
        put_line(&lb, r->var, rational ? t->m : dx_show_num(m, r->slope), bs, fmt == DX_LATEX);
    } else {
        lb.oom = true; /* a text above could not be made */
    }
    /* an irrational or long coefficient: the line again in short decimals, as a person plots it
     * (a rational one exactly: sin(x) at pi/2 has slope 0, not 6.12e-17) */
    bool ms = r->exact ? dx_show_irrational(ctx, r->exact_slope, &oom) : dx_show_long(r->slope);
    bool bl = r->exact ? dx_show_irrational(ctx, r->exact_intercept, &oom) : dx_show_long(r->intercept);
    if (approx && r->kind == DX_TANGENT_LINE && !rational && (ms || bl)) {
        char m[40], b[40];
        char *me = ms ? NULL : text_of(ctx, r->exact ? DX_E(r->exact_slope) : DX_D(r->slope), fmt);
        char *be = bl ? NULL : text_of(ctx, r->exact ? DX_E(r->exact_intercept) : DX_D(r->intercept), fmt);
        dx_buf_puts(&lb, fmt == DX_LATEX ? " \\approx " : " \u2248 ");
        if ((ms || me) && (bl || be))
            put_line(&lb, r->var, ms ? dx_show_short(m, r->slope) : me, bl ? dx_show_short(b, r->intercept) : be,
                     fmt == DX_LATEX);
        else
            lb.oom = true;
        dx_free(me);
        dx_free(be);
    }
    dx_free(bs);
    lb.oom |= oom;
    t->line = dx_buf_take(&lb);
    return t->m && t->x && t->y && t->line;
}

static void show_json(dx_ctx *ctx, const dx_tangent_result *r, const texts *t, const char *why, dx_buf *out)
{
    dx_buf_putc(out, '{');
    dx_json_key(out, "input", true);
    dx_json_expr(out, ctx, r->f);
    dx_json_key(out, "variable", false);
    dx_json_str(out, r->var);
    dx_json_key(out, "at", false);
    dx_json_num(out, r->x);
    dx_json_key(out, "point", false);
    dx_buf_putc(out, '[');
    dx_json_num(out, r->x);
    dx_buf_puts(out, ", ");
    dx_json_num(out, r->y);
    dx_buf_putc(out, ']');
    dx_json_key(out, "differentiable", false);
    dx_buf_puts(out, r->kind == DX_TANGENT_LINE ? "true" : "false");
    if (r->kind == DX_TANGENT_LINE) {
        dx_json_key(out, "slope", false);
        dx_json_num(out, r->slope);
        dx_json_key(out, "intercept", false);
        dx_json_num(out, r->intercept);
        dx_json_key(out, "exact", false);
        dx_buf_puts(out, r->exact ? "true" : "false");
        dx_json_key(out, "slope_text", false);
        dx_json_str(out, t->m);
        dx_json_key(out, "line", false);
        dx_json_str(out, t->line);
    } else {
        dx_json_key(out, "reason", false);
        dx_json_str(out, why);
        if (r->kind == DX_TANGENT_VERTICAL) {
            dx_json_key(out, "vertical_line", false);
            dx_buf_printf(out, "\"%s = %s\"", r->var, t->x); /* names and digits: nothing to escape */
        }
    }
    dx_buf_puts(out, "}\n");
}

void dx_show_tangent(dx_ctx *ctx, const dx_tangent_result *r, dx_show how, dx_buf *out)
{
    if (!r->f)
        return; /* the result of a failed call: nothing to show */
    dx_format fmt = how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN;
    texts t;
    dx_buf wb = {0};
    if (r->kind != DX_TANGENT_LINE)
        put_why(ctx, &wb, r, fmt);
    char *why = dx_buf_take(&wb);
    if (!line_texts(ctx, r, fmt, how != DX_SHOW_JSON, &t) || !why) {
        out->oom = true;
    } else if (how == DX_SHOW_JSON) {
        show_json(ctx, r, &t, why, out);
    } else {
        dx_msg m[3];
        int n = 0;
        if (r->kind == DX_TANGENT_LINE) {
            m[n++] = DX_MSG(DX_M_TANGENT_SLOPE, DX_S(t.m));
            m[n++] = DX_MSG(DX_M_TANGENT_POINT, DX_S(t.x), DX_S(t.y));
            m[n++] = DX_MSG(DX_M_TANGENT_LINE, DX_S(t.line));
        } else if (r->kind == DX_TANGENT_VERTICAL) {
            m[n++] = DX_MSG(DX_M_TANGENT_VERTICAL, DX_S(r->var), DX_S(t.x));
            m[n++] = DX_MSG(DX_M_TANGENT_NOT_DIFF, DX_S(r->var), DX_S(t.x), DX_S(why));
        } else {
            m[n++] = DX_MSG(DX_M_TANGENT_NONE, DX_S(r->var), DX_S(t.x), DX_S(why));
        }
        for (int i = 0; i < n; i++) {
            dx_msg_render(ctx, out, &m[i], fmt);
            dx_buf_putc(out, '\n');
        }
    }
    dx_free(why);
    dx_free(t.m);
    dx_free(t.x);
    dx_free(t.y);
    dx_free(t.line);
}
