/* dfdx eval's output: a value with its exact form, in text, LaTeX or JSON. */
#include "expr.h"
#include "show.h"
#include "alloc.h"
#include "dfdx/text.h"

#include <stdlib.h>

/* e printed in fmt onto out; an allocation failure marks the buffer. */
static void put_expr(dx_ctx *ctx, dx_buf *out, const dx_expr *e, dx_format fmt)
{
    char *s = dx_print(ctx, e, fmt);
    if (!s)
        out->oom = true;
    else
        dx_buf_puts(out, s);
    dx_free(s);
}

void dx_show_value(dx_ctx *ctx, const dx_value *v, dx_show how, dx_buf *out)
{
    if (!v->input)
        return; /* the result of a failed call: nothing to show */
    if (how == DX_SHOW_JSON) {
        char *in = dx_print(ctx, v->input, DX_PLAIN), *exact = v->exact ? dx_print(ctx, v->exact, DX_PLAIN) : NULL;
        dx_buf_putc(out, '{');
        dx_json_key(out, "input", true);
        dx_json_str(out, in ? in : "");
        dx_json_key(out, "values", false);
        dx_buf_putc(out, '{');
        for (size_t i = 0; i < v->nvalues; i++) {
            dx_json_key(out, v->names[i], i == 0);
            dx_json_num(out, v->values[i]);
        }
        dx_buf_putc(out, '}');
        dx_json_key(out, "exact", false);
        if (exact)
            dx_json_str(out, exact);
        else
            dx_buf_puts(out, "null");
        dx_json_key(out, "is_exact", false);
        dx_buf_puts(out, v->rational ? "true" : "false");
        dx_json_key(out, "value", false);
        dx_json_num(out, v->value);
        if (v->beyond) {
            dx_json_key(out, "beyond", false);
            dx_json_str(out, v->beyond);
        }
        dx_buf_puts(out, "}\n");
        dx_free(in);
        dx_free(exact);
        return;
    }
    switch (v->form) {
    case DX_VALUE_EXACT_ONLY: {
        dx_msg m = DX_MSG(DX_M_VALUE_EXACT_ONLY, DX_E(v->exact));
        dx_msg_render(ctx, out, &m, DX_PLAIN); /* the digits, which LaTeX would not add to */
        break;
    }
    case DX_VALUE_EQUAL:
    case DX_VALUE_APPROX: {
        bool latex = how == DX_SHOW_LATEX;
        put_expr(ctx, out, v->exact, latex ? DX_LATEX : DX_PLAIN);
        dx_buf_puts(out, v->form == DX_VALUE_EQUAL ? " = " : latex ? " \\approx " : " \u2248 ");
        dx_buf_num(out, v->decimal);
        break;
    }
    case DX_VALUE_BEYOND: /* digits past a double's range, after the exact form if there is one */
        if (v->exact)
            put_expr(ctx, out, v->exact, how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN);
        dx_buf_puts(out, how == DX_SHOW_LATEX ? (v->exact ? " \\approx " : "\\approx ") : v->exact ? " \u2248 " : "\u2248 ");
        dx_buf_puts(out, v->beyond);
        break;
    case DX_VALUE_NEAR:
        dx_buf_puts(out, how == DX_SHOW_LATEX ? "\\approx " : "\u2248 ");
        dx_buf_num(out, v->decimal);
        break;
    case DX_VALUE_DECIMAL: /* nothing exact known: the digits, and a short form where they are long */
        dx_show_approx(ctx, out, NULL, v->decimal, how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN);
        break;
    }
    dx_buf_putc(out, '\n');
}
