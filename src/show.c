/* Pieces the result renderers share. */
#include "show.h"
#include "alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

const char *dx_show_num(char buf[40], double v)
{
    dx_fmt_double(buf, 40, v);
    return buf;
}

void dx_show_say(dx_ctx *ctx, dx_buf *b, dx_msg m) { dx_msg_render(ctx, b, &m, DX_PLAIN); }

char *dx_show_text(dx_ctx *ctx, dx_msg m) { return dx_msg_text(ctx, &m, DX_PLAIN); }
