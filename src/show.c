/* Pieces the result renderers share. */
#include "show.h"
#include "alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *dx_show_num(char buf[40], double v)
{
    dx_fmt_double(buf, 40, v);
    return buf;
}

const char *dx_show_short(char buf[40], double v)
{
    snprintf(buf, 40, "%.6g", v == 0 ? 0 : v); /* never "-0" */
    return buf;
}

bool dx_show_long(double v)
{
    char t[40];
    snprintf(t, sizeof t, "%.10g", v); /* 0.0009765625 (2^-10) reads whole; 1.3862943611198906 not */
    return isfinite(v) && strtod(t, NULL) != v;
}

bool dx_show_irrational(dx_ctx *ctx, const dx_expr *exact, bool *oom)
{
    if (exact->kind == DX_NUM)
        return false;
    /* a guarded rational (x/x at 1) prints as its digits; anything with a name or a power in
     * it (sqrt(3), pi/2, 2^(2/3)) is irrational */
    char *plain = dx_print(ctx, exact, DX_PLAIN);
    bool r = plain && plain[strspn(plain, "0123456789-/. ")] != '\0';
    *oom |= !plain; /* the text would come out without its decimal: a failed render */
    dx_free(plain);
    return r;
}

void dx_show_approx(dx_ctx *ctx, dx_buf *b, const dx_expr *exact, double v, dx_format fmt)
{
    char t[40];
    if (exact)
        dx_buf_expr(b, ctx, exact, fmt);
    else
        dx_buf_puts(b, dx_show_num(t, v));
    if (exact ? dx_show_irrational(ctx, exact, &b->oom) : dx_show_long(v)) {
        dx_buf_puts(b, fmt == DX_LATEX ? " \\approx " : " \u2248 ");
        dx_buf_puts(b, dx_show_short(t, v));
    }
}

void dx_show_say(dx_ctx *ctx, dx_buf *b, dx_msg m) { dx_msg_render(ctx, b, &m, DX_PLAIN); }

char *dx_show_text(dx_ctx *ctx, dx_msg m) { return dx_msg_text(ctx, &m, DX_PLAIN); }
