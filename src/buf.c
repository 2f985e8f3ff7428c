/* The growable buffer and the JSON writer (include/dfdx/text.h). */
#include "dfdx/text.h"
#include "alloc.h"
#include "expr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dx_buf_putn(dx_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 64;
        while (nc < b->n + n + 1)
            nc *= 2;
        b->over = b->limit && b->n + n > b->limit;
        char *ns = b->over ? NULL : dx_realloc(b->s, nc);
        if (!ns) {
            b->oom = true;
            return;
        }
        b->s = ns;
        b->cap = nc;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

void dx_buf_puts(dx_buf *b, const char *s) { dx_buf_putn(b, s, strlen(s)); }
void dx_buf_putc(dx_buf *b, char c) { dx_buf_putn(b, &c, 1); }

void dx_buf_vprintf(dx_buf *b, const char *fmt, va_list ap)
{
    char small[256];
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(small, sizeof small, fmt, copy);
    va_end(copy);
    if (n < 0) {
        b->oom = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        dx_buf_putn(b, small, (size_t)n);
        return;
    }
    char *big = dx_malloc((size_t)n + 1);
    if (!big) {
        b->oom = true;
        return;
    }
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    dx_buf_putn(b, big, (size_t)n);
    dx_free(big);
}

void dx_buf_printf(dx_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dx_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

/* East Asian Wide and Fullwidth code points (Unicode's EastAsianWidth.txt, W and F, in blocks):
 * what a terminal draws two columns wide. */
static bool is_wide(unsigned long c)
{
    static const unsigned long wide[][2] = {
        {0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
        {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE30, 0xFE4F},
        {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
    };
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        if (c >= wide[i][0] && c <= wide[i][1])
            return true;
    return false;
}

size_t dx_text_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        unsigned char ch = (unsigned char)s[i];
        size_t len = ch < 0xC0 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
        unsigned long c = len == 1 ? ch : ch & (0x3F >> (len - 1));
        for (size_t k = 1; k < len && i + k < n; k++)
            c = c << 6 | ((unsigned char)s[i + k] & 0x3F);
        w += ch >= 0x80 && ch < 0xC0 ? 0 : is_wide(c) ? 2 : 1;
        i += ch >= 0x80 && ch < 0xC0 ? 1 : len;
    }
    return w;
}

void dx_buf_pad(dx_buf *b, const char *s, int w)
{
    size_t have = dx_text_width(s, strlen(s)), want = (size_t)(w < 0 ? -(long)w : w);
    size_t pad = have < want ? want - have : 0;
    if (w < 0)
        dx_buf_puts(b, s);
    for (size_t i = 0; i < pad; i++)
        dx_buf_putc(b, ' ');
    if (w >= 0)
        dx_buf_puts(b, s);
}

void dx_buf_num(dx_buf *b, double v)
{
    char t[40];
    dx_fmt_double(t, sizeof t, v);
    dx_buf_puts(b, t);
}

char *dx_buf_take(dx_buf *b)
{
    char *s = b->oom ? NULL : b->s ? b->s : dx_calloc(1, 1);
    if (b->oom)
        dx_free(b->s);
    b->s = NULL;
    b->n = b->cap = 0;
    b->oom = b->over = false;
    return s;
}

void dx_buf_free(dx_buf *b)
{
    dx_free(b->s);
    b->s = NULL;
    b->n = b->cap = 0;
}

void dx_json_str(dx_buf *b, const char *s)
{
    dx_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            dx_buf_putc(b, '\\');
            dx_buf_putc(b, (char)*p);
        } else if (*p == '\n') {
            dx_buf_puts(b, "\\n");
        } else if (*p < 0x20) {
            dx_buf_printf(b, "\\u%04x", *p);
        } else {
            dx_buf_putc(b, (char)*p);
        }
    }
    dx_buf_putc(b, '"');
}

void dx_json_num(dx_buf *b, double v)
{
    if (isfinite(v))
        dx_buf_num(b, v); /* the one number format reads back as the same double */
    else
        dx_buf_puts(b, "null");
}

void dx_json_key(dx_buf *b, const char *key, bool first)
{
    if (!first)
        dx_buf_puts(b, ", ");
    dx_json_str(b, key);
    dx_buf_puts(b, ": ");
}

void dx_buf_expr(dx_buf *b, dx_ctx *ctx, const dx_expr *e, dx_format fmt)
{
    char *s = b->oom ? NULL : dx_print(ctx, e, fmt);
    if (s)
        dx_buf_puts(b, s);
    else
        b->oom = true;
    dx_free(s);
}

void dx_json_expr(dx_buf *b, dx_ctx *ctx, const dx_expr *e)
{
    dx_buf s = {0};
    dx_buf_expr(&s, ctx, e, DX_PLAIN);
    dx_json_str(b, s.s && !s.oom ? s.s : "");
    b->oom |= s.oom;
    dx_buf_free(&s);
}
