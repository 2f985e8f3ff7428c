/* dfdx verify's output: f and f', the table of points and the verdict, or one JSON object. */
#include "expr.h"
#include "alloc.h"
#include "dfdx/text.h"

#include <math.h>
#include <stdlib.h>

static void put_cell(dx_buf *out, double v, int width)
{
    if (isnan(v))
        dx_buf_printf(out, "  %-*s", width, "-");
    else
        dx_buf_printf(out, "  %-*.10g", width, v + 0.0); /* + 0.0: never "-0" */
}

/* A message as a table cell of width characters. */
static void put_word(dx_ctx *ctx, dx_buf *out, dx_msg_id id, int width)
{
    dx_msg m = DX_MSG(id);
    char *s = dx_msg_text(ctx, &m, DX_PLAIN);
    if (!s)
        out->oom = true;
    dx_buf_puts(out, "  ");
    dx_buf_pad(out, s ? s : "", -width);
    dx_free(s);
}

/* The status of a point in JSON: a fixed word per outcome, for programs. */
static const char *json_status(const dx_verify_point *p)
{
    switch (p->why.id) {
    case DX_M_VERIFY_F_OVERFLOW:
    case DX_M_VERIFY_DF_OVERFLOW: return "overflow";
    case DX_M_VERIFY_CANCELS: return "cancellation";
    default: break;
    }
    switch (p->kind) {
    case DX_VERIFY_MATCH: return "match";
    case DX_VERIFY_DIFFER: return "mismatch";
    case DX_VERIFY_UNDEFINED: return "undefined";
    case DX_VERIFY_NOT_DIFF: return "not_differentiable";
    case DX_VERIFY_NO_ESTIMATE: return "no_estimate";
    case DX_VERIFY_INCONCLUSIVE: return "inconclusive";
    case DX_VERIFY_POLE: return "undefined";
    }
    return "";
}

static void show_json(dx_ctx *ctx, const dx_verify_result *r, dx_buf *out)
{
    char *fs = dx_print(ctx, r->f, DX_PLAIN), *ds = dx_print(ctx, r->derivative, DX_PLAIN);
    dx_buf_putc(out, '{');
    dx_json_key(out, "input", true);
    dx_json_str(out, fs ? fs : "");
    dx_json_key(out, "variable", false);
    dx_json_str(out, r->var);
    dx_json_key(out, "derivative", false);
    dx_json_str(out, ds ? ds : "");
    dx_json_key(out, "points", false);
    dx_buf_putc(out, '[');
    for (size_t i = 0; i < r->npoints; i++) {
        const dx_verify_point *p = &r->points[i];
        dx_buf_puts(out, i ? ", {" : "{");
        dx_json_key(out, "x", true);
        dx_json_num(out, p->x);
        dx_json_key(out, "symbolic", false);
        dx_json_num(out, p->symbolic);
        dx_json_key(out, "numeric", false);
        dx_json_num(out, p->numeric);
        dx_json_key(out, "abs_diff", false);
        dx_json_num(out, p->abs_diff);
        dx_json_key(out, "rel_diff", false);
        dx_json_num(out, p->rel_diff);
        dx_json_key(out, "match", false);
        dx_buf_puts(out, p->kind == DX_VERIFY_MATCH ? "true" : "false");
        dx_json_key(out, "status", false);
        dx_json_str(out, json_status(p));
        dx_buf_putc(out, '}');
    }
    dx_buf_putc(out, ']');
    dx_json_key(out, "matched", false);
    dx_buf_printf(out, "%zu", r->matched);
    dx_json_key(out, "mismatched", false);
    dx_buf_printf(out, "%zu", r->mismatched);
    dx_buf_puts(out, "}\n");
    dx_free(fs);
    dx_free(ds);
}

void dx_show_verify(dx_ctx *ctx, const dx_verify_result *r, dx_show how, dx_buf *out)
{
    if (!r->f)
        return; /* the result of a failed call: nothing to show */
    if (how == DX_SHOW_JSON) {
        show_json(ctx, r, out);
        return;
    }
    dx_format fmt = how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN;
    char *fs = dx_print(ctx, r->f, fmt), *ds = dx_print(ctx, r->derivative, fmt);
    if (!fs || !ds)
        out->oom = true;
    dx_buf_printf(out, "f(%s)  = %s\nf'(%s) = %s\n\n", r->var, fs ? fs : "", r->var, ds ? ds : "");
    dx_free(fs);
    dx_free(ds);
    dx_buf_printf(out, "  %-12s", r->var);
    put_word(ctx, out, DX_M_VERIFY_COL_SYMBOLIC, 18);
    put_word(ctx, out, DX_M_VERIFY_COL_NUMERIC, 18);
    put_word(ctx, out, DX_M_VERIFY_COL_ABS, 10);
    put_word(ctx, out, DX_M_VERIFY_COL_REL, 10);
    put_word(ctx, out, DX_M_VERIFY_COL_MATCH, 0);
    dx_buf_putc(out, '\n');
    for (size_t i = 0; i < r->npoints; i++) {
        const dx_verify_point *p = &r->points[i];
        put_cell(out, p->x, 12);
        put_cell(out, p->symbolic, 18);
        put_cell(out, p->numeric, 18);
        dx_buf_puts(out, "  ");
        if (isnan(p->abs_diff))
            dx_buf_printf(out, "%-10s  %-10s", "-", "-");
        else if (isnan(p->rel_diff))
            dx_buf_printf(out, "%-10.2e  %-10s", p->abs_diff, "-");
        else
            dx_buf_printf(out, "%-10.2e  %-10.2e", p->abs_diff, p->rel_diff);
        dx_buf_puts(out, "  ");
        dx_msg_render(ctx, out, &p->why, DX_PLAIN);
        dx_buf_putc(out, '\n');
    }
    dx_msg m = r->mismatched ? DX_MSG(DX_M_VERIFY_DIFFER_SUMMARY, DX_I(r->mismatched), DX_I(r->npoints))
               : r->matched < r->npoints ? DX_MSG(DX_M_VERIFY_MATCH_SOME, DX_I(r->matched), DX_I(r->npoints))
                                         : DX_MSG(DX_M_VERIFY_MATCH_ALL, DX_I(r->matched), DX_I(r->npoints));
    dx_buf_putc(out, '\n');
    dx_msg_render(ctx, out, &m, DX_PLAIN);
    dx_buf_putc(out, '\n');
}
