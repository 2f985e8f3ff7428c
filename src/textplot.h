/* What the terminal pictures share (termplot.c draws curves, contour_text.c draws f(x, y)):
 * braille dots, colour codes, the y axis's margin, the x axis with its labels, legend layout. */
#ifndef DX_TEXTPLOT_H
#define DX_TEXTPLOT_H

#include "alloc.h"
#include "dfdx/text.h"

#include <stdbool.h>
#include <stddef.h>

/* The braille bit of the dot in row dy (0-3) and column dx (0-1) of a cell. */
DX_HIDDEN unsigned char dx_tp_dot_bit(long dy, long dx);
/* The braille character of a cell's dots, as UTF-8 in ch (which it clears first). */
DX_HIDDEN void dx_tp_braille(unsigned char bits, char ch[8]);
/* An ANSI colour code, and back to plain, when flags ask for colour (DX_PLOT_COLOR). */
DX_HIDDEN void dx_tp_colour(dx_buf *b, unsigned flags, int code);
DX_HIDDEN void dx_tp_plain(dx_buf *b, unsigned flags);
/* The start of a picture row: the margin of lw columns with the tick label (NULL: none) and the
 * y axis, with a tick where there is a label. The axis colour is left on. */
DX_HIDDEN void dx_tp_row_start(dx_buf *b, int lw, const char *label, unsigned flags);
/* The x axis under pw cells after a margin of lw, a tick at each column of col[0..n) (columns
 * outside do nothing), then the name (NULL: none); under it the labels of the ticks xt[0..n)
 * centred on their columns wherever they fit in cols without touching. */
DX_HIDDEN void dx_tp_x_axis(dx_buf *b, int lw, int pw, int cols, const int *col, const double *xt, size_t n,
                            double step, unsigned flags, const char *name);
/* Where a legend entry of width w goes: entries are packed left to right, three spaces apart, a
 * new line when the next does not fit in cols. *col is the column reached, *lines the lines
 * begun. Writes the separation unless count_only. */
DX_HIDDEN void dx_tp_legend_place(dx_buf *b, int *col, int *lines, int cols, int w, bool count_only);

#endif
