/* Pieces the result renderers (src/show_*.c) share. */
#ifndef DX_SHOW_H
#define DX_SHOW_H

#include "expr.h"

/* v in the one number format (dx_fmt_double), in buf, for a message argument. */
DX_HIDDEN const char *dx_show_num(char buf[40], double v);

/* v to 6 significant digits ("1.73205", "-69.6238", "1.2e-07"): the short form a person reads
 * beside a long decimal or an irrational exact value. */
DX_HIDDEN const char *dx_show_short(char buf[40], double v);
/* Whether v's own digits (dx_fmt_double) are long, more than 10 significant: 0.0009765625 no,
 * 0.3333333333333333 yes. */
DX_HIDDEN bool dx_show_long(double v);
/* Whether an exact value is irrational (sqrt(3), pi/2, 2^(2/3)), not a rational however
 * wrapped (a guarded 1); *oom set when that could not be told (no memory to print it). */
DX_HIDDEN bool dx_show_irrational(dx_ctx *ctx, const dx_expr *exact, bool *oom);
/* A value as the reports show it: its exact form where known (v's digits otherwise), followed
 * by "≈ short" where that form is irrational or the digits are long: "1/2", "sqrt(3) ≈ 1.73205",
 * "-69.62383250419167 ≈ -69.6238", "0.25". LaTeX writes \approx. */
DX_HIDDEN void dx_show_approx(dx_ctx *ctx, dx_buf *b, const dx_expr *exact, double v, dx_format fmt);

/* A catalogue sentence appended, its expressions in plain form (sentences name exact values
 * as the plain text they are read back from, in LaTeX reports too). */
DX_HIDDEN void dx_show_say(dx_ctx *ctx, dx_buf *b, dx_msg m);
/* The same as a malloc'd string (NULL without memory). */
DX_HIDDEN char *dx_show_text(dx_ctx *ctx, dx_msg m);

#endif
