/* What the program writes to stderr echoes what a person typed (an option's value, a name, a
 * path, the line of a syntax error), and a terminal obeys what it is shown: ESC ] 0 ; ... BEL
 * retitles it, a C1 byte (0x9B) starts a command. So stderr goes through this filter, which
 * shows every control character (except newline and tab) and every byte that is not valid
 * UTF-8 as \xNN, for every message at once, those to come included. */
#define _GNU_SOURCE /* fopencookie */
#include "cli.h"

#include <string.h>
#include <sys/types.h>

typedef struct {
    FILE *to;
    unsigned char held[4]; /* the start of a UTF-8 sequence that the next write completes */
    size_t nheld;
} filter;

static void escaped(FILE *to, unsigned char b) { fprintf(to, "\\x%02x", b); }

/* Length of the valid UTF-8 sequence at s[0..n) (1 for ASCII), 0 when it is not one, -1 when
 * s ends before it could be told. C1 controls (U+0080..U+009F) count as invalid. */
static int utf8_len(const unsigned char *s, size_t n)
{
    unsigned char b = s[0];
    if (b < 0x80)
        return 1;
    int len = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    if (!len)
        return 0;
    /* the second byte's range excludes overlong forms, surrogates and C1 controls */
    unsigned char lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : b == 0xC2 ? 0xA0 : 0x80;
    unsigned char hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n)
            return -1;
        if (s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xBF))
            return 0;
    }
    return len;
}

/* Writes s[0..n) shown safely; holds back an unfinished sequence at the end unless last. */
static size_t pass(filter *f, const unsigned char *s, size_t n, bool last)
{
    size_t i = 0;
    while (i < n) {
        int len = utf8_len(s + i, n - i);
        if (len < 0 && !last)
            break;
        if (len <= 0) {
            escaped(f->to, s[i++]);
        } else if (len == 1 && ((s[i] < 0x20 && s[i] != '\n' && s[i] != '\t') || s[i] == 0x7F)) {
            escaped(f->to, s[i++]);
        } else {
            fwrite(s + i, 1, (size_t)len, f->to);
            i += (size_t)len;
        }
    }
    return i;
}

static ssize_t filter_write(void *cookie, const char *buf, size_t size)
{
    filter *f = cookie;
    const unsigned char *s = (const unsigned char *)buf;
    size_t used = 0;
    /* complete a held sequence with the first bytes of this write */
    while (f->nheld && used < size) {
        f->held[f->nheld++] = s[used++];
        int len = utf8_len(f->held, f->nheld);
        if (len >= 0 || f->nheld == sizeof f->held) {
            pass(f, f->held, f->nheld, true);
            f->nheld = 0;
        }
    }
    size_t done = pass(f, s + used, size - used, false);
    memcpy(f->held, s + used + done, size - used - done);
    f->nheld = size - used - done;
    fflush(f->to);
    return (ssize_t)size;
}

static int filter_close(void *cookie)
{
    filter *f = cookie;
    pass(f, f->held, f->nheld, true);
    fflush(f->to);
    return 0;
}

/* The program has one stderr: its filter's state is static (nothing left to free at exit). */
static filter the_filter;

FILE *cli_safe_stream(FILE *to)
{
    filter *f = &the_filter;
    FILE *s = fopencookie(f, "w", (cookie_io_functions_t){NULL, filter_write, NULL, filter_close});
    if (!s)
        return to;
    f->to = to;
    setvbuf(s, NULL, _IOLBF, 0);
    return s;
}
