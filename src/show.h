/* Pieces the result renderers (src/show_*.c) share. */
#ifndef DX_SHOW_H
#define DX_SHOW_H

#include "expr.h"

/* v in the one number format (dx_fmt_double), in buf, for a message argument. */
DX_HIDDEN const char *dx_show_num(char buf[40], double v);

/* A catalogue sentence appended, its expressions in plain form (sentences name exact values
 * as the plain text they are read back from, in LaTeX reports too). */
DX_HIDDEN void dx_show_say(dx_ctx *ctx, dx_buf *b, dx_msg m);
/* The same as a malloc'd string (NULL without memory). */
DX_HIDDEN char *dx_show_text(dx_ctx *ctx, dx_msg m);

#endif
