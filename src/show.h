/* Pieces the result renderers (src/show_*.c) share. */
#ifndef DX_SHOW_H
#define DX_SHOW_H

#include "expr.h"

/* The shortest %g form, from prec significant digits up, that reads back as v ("0", never
 * "-0"), in buf: the form the extrema and limit reports have always had (6 digits first in
 * text, 15 in JSON) where dx_fmt_double writes 4.5e-05 and 1e+06 differently; kept so that
 * the output stays as it was until the formats are made one. */
DX_HIDDEN const char *dx_show_num(char buf[40], double v, int prec);
/* A JSON number in that form (15 digits first), null for inf and NaN. */
DX_HIDDEN void dx_show_json_num(dx_buf *b, double v);
/* e printed in fmt; a failed print marks b as out of memory. */
DX_HIDDEN void dx_show_expr(dx_ctx *ctx, dx_buf *b, const dx_expr *e, dx_format fmt);

/* A catalogue sentence appended, its expressions in plain form (sentences name exact values
 * as the plain text they are read back from, in LaTeX reports too). */
DX_HIDDEN void dx_show_say(dx_ctx *ctx, dx_buf *b, dx_msg m);
/* The same as a malloc'd string (NULL without memory). */
DX_HIDDEN char *dx_show_text(dx_ctx *ctx, dx_msg m);

#endif
