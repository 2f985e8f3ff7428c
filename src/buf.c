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
