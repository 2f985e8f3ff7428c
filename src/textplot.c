/* The pieces both terminal pictures draw alike (see textplot.h). */
#include "textplot.h"
#include "alloc.h"
#include "dfdx/plot.h"

#include <stdio.h>
#include <string.h>

enum { AXIS_COLOUR = 90 };

unsigned char dx_tp_dot_bit(long dy, long dx)
{
    /* Unicode numbers a braille cell's dots down the left column, then the right, with the
     * fourth row added last (U+2800 + bits). */
    static const unsigned char bit[4][2] = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
    return bit[dy][dx];
}

void dx_tp_braille(unsigned char bits, char ch[8])
{
    unsigned u = 0x2800u + bits;
    memset(ch, 0, 8);
    ch[0] = (char)(0xE0 | (u >> 12));
    ch[1] = (char)(0x80 | ((u >> 6) & 0x3F));
    ch[2] = (char)(0x80 | (u & 0x3F));
}

void dx_tp_colour(dx_buf *b, unsigned flags, int code)
{
    if (flags & DX_PLOT_COLOR)
        dx_buf_printf(b, "\033[%dm", code);
}

void dx_tp_plain(dx_buf *b, unsigned flags)
{
    if (flags & DX_PLOT_COLOR)
        dx_buf_puts(b, "\033[0m");
}

void dx_tp_row_start(dx_buf *b, int lw, const char *label, unsigned flags)
{
    bool ascii = flags & DX_PLOT_ASCII;
    dx_buf_printf(b, "%*s", lw, label ? label : "");
    dx_tp_colour(b, flags, AXIS_COLOUR);
    dx_buf_puts(b, label ? (ascii ? "+" : "┤") : (ascii ? "|" : "│"));
}

void dx_tp_x_axis(dx_buf *b, int lw, int pw, int cols, const int *col, const double *xt, size_t n,
                  double step, unsigned flags, const char *name)
{
    bool ascii = flags & DX_PLOT_ASCII;
    dx_buf_printf(b, "%*s", lw, "");
    dx_tp_colour(b, flags, AXIS_COLOUR);
    dx_buf_puts(b, ascii ? "+" : "└");
    for (int c = 0; c < pw; c++) {
        bool t = false;
        for (size_t i = 0; i < n; i++)
            t |= col[i] == c;
        dx_buf_puts(b, t ? (ascii ? "+" : "┬") : (ascii ? "-" : "─"));
    }
    dx_tp_plain(b, flags);
    if (name)
        dx_buf_printf(b, " %s", name);
    dx_buf_puts(b, "\n");
    char *line = dx_malloc((size_t)cols + 1);
    if (!line) {
        b->oom = true;
        return;
    }
    memset(line, ' ', (size_t)cols);
    int last = -1;
    for (size_t i = 0; i < n; i++) {
        char t[48];
        dx_plot_tick_label(xt[i], step, t, sizeof t);
        int len = (int)strlen(t), at = lw + 1 + col[i] - (len - 1) / 2;
        if (at + len > cols)
            at = cols - len;
        if (at <= last + 1 || at < 0)
            continue;
        memcpy(line + at, t, (size_t)len);
        last = at + len - 1;
    }
    size_t end = (size_t)cols;
    while (end > 0 && line[end - 1] == ' ')
        end--;
    dx_buf_putn(b, line, end);
    dx_buf_puts(b, "\n");
    dx_free(line);
}

void dx_tp_legend_place(dx_buf *b, int *col, int *lines, int cols, int w, bool count_only)
{
    if (*col > 0 && *col + 3 + w > cols) {
        if (!count_only)
            dx_buf_puts(b, "\n");
        *col = 0;
    }
    if (*col == 0)
        (*lines)++;
    else if (!count_only)
        dx_buf_puts(b, "   ");
    *col += (*col ? 3 : 0) + w;
}
