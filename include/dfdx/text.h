/* Text: the growable buffer and the JSON writer that every renderer of dfdx shares. */
#ifndef DFDX_TEXT_H
#define DFDX_TEXT_H

#include "../dfdx.h"

#include <stdarg.h>

/* A growable string (like SQLite's sqlite3_str). Zero-initialise it; every append after an
 * allocation failure is a no-op and sets oom, so a writer checks once at the end. The text is
 * always NUL-terminated while s is not NULL; the caller owns s (free it, or dx_buf_take). */
struct dx_buf {
    char *s;
    size_t n, cap;
    size_t limit; /* refuse to grow past this many bytes (0: no limit): sets oom and over */
    bool oom, over;
};

DX_API void dx_buf_putn(dx_buf *b, const char *s, size_t n);
DX_API void dx_buf_puts(dx_buf *b, const char *s);
DX_API void dx_buf_putc(dx_buf *b, char c);
DX_API void dx_buf_printf(dx_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
DX_API void dx_buf_vprintf(dx_buf *b, const char *fmt, va_list ap);
/* The number in dx_fmt_double's form. */
DX_API void dx_buf_num(dx_buf *b, double v);
/* The columns n bytes of UTF-8 take on a terminal: 2 for a wide character (Hangul, CJK,
 * fullwidth forms), 0 for a continuation byte, 1 otherwise. The same in every locale. */
DX_API size_t dx_text_width(const char *s, size_t n);
/* s in a column of w terminal columns (dx_text_width): right-aligned, or left for w < 0. */
DX_API void dx_buf_pad(dx_buf *b, const char *s, int w);
/* The text, malloc'd, handed to the caller (an empty string rather than NULL when nothing was
 * written); NULL after an allocation failure. The buffer is left empty. */
DX_API char *dx_buf_take(dx_buf *b);
DX_API void dx_buf_free(dx_buf *b);

/* JSON: a string with its quotes and escapes; a number (null for inf and NaN, which JSON has
 * not: the plain text says what happened). */
DX_API void dx_json_str(dx_buf *b, const char *s);
DX_API void dx_json_num(dx_buf *b, double v);
/* ", \"key\": " (no comma when first): the start of an object member. */
DX_API void dx_json_key(dx_buf *b, const char *key, bool first);

#endif
