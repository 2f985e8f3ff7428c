/* Pieces the result renderers share. */
#include "show.h"
#include "alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

const char *dx_show_num(char buf[40], double v, int prec)
{
    if (v == 0)
        v = 0;
    for (; prec <= 17; prec++) {
        snprintf(buf, 40, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return buf;
}

void dx_show_json_num(dx_buf *b, double v)
{
    char t[40];
    dx_buf_puts(b, isfinite(v) ? dx_show_num(t, v, 15) : "null");
}

void dx_show_expr(dx_ctx *ctx, dx_buf *b, const dx_expr *e, dx_format fmt)
{
    char *s = dx_print(ctx, e, fmt);
    if (!s)
        b->oom = true;
    else
        dx_buf_puts(b, s);
    dx_free(s);
}

void dx_show_say(dx_ctx *ctx, dx_buf *b, dx_msg m) { dx_msg_render(ctx, b, &m, DX_PLAIN); }

char *dx_show_text(dx_ctx *ctx, dx_msg m) { return dx_msg_text(ctx, &m, DX_PLAIN); }
