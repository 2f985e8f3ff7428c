/* Every message that echoes what a person typed shows its control characters and invalid UTF-8
 * escaped (\xNN): stderr goes through src/cli/safe_err.c. One case per kind of message; each
 * would retitle or clear a terminal (ESC ] 0 ; ... BEL, ESC c, the C1 byte 0x9B) if echoed raw. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})

static const struct {
    const char *const *argv;
    const char *input; /* stdin (a session), or NULL */
    const char *shown; /* what stderr must contain */
} cases[] = {
    {A("diff", "x", "--var", "\033]0;PWNED\a"), NULL, "'\\x1b]0;PWNED\\x07'"},             /* an option's value */
    {A("diff", "x", "--\033[31m"), NULL, "'--\\x1b[31m' is not an option"},                /* an unknown option */
    {A("eval", "x", "\033[2J=1"), NULL, "'\\x1b[2J=1' is not a value"},                    /* eval NAME= */
    {A("plot", "x", "--out", "/nonexistent/\033c.svg"), NULL, "/nonexistent/\\x1bc.svg"}, /* cannot write PATH */
    {A("backprop", "x*w", "--at", "x=1,w=2", "--out", "/nonexistent/\033c.dot"), NULL, "/nonexistent/\\x1bc.dot"},
    {A("descend", "w^2", "--start", "1", "--data", "/nonexistent/\033c.csv"), NULL, "/nonexistent/\\x1bc.csv"},
    {A("diff", "x+\x9b"), NULL, "x+\\x9b"},                                                  /* a syntax error's line */
    {A("diff", "sin(x)+\xe2\x82"), NULL, "sin(x)+\\xe2\\x82"},                               /* a cut UTF-8 sequence */
    {A("diff", "x", "--format", "\033c"), NULL, "(not '\\x1bc')"},                           /* --format */
    {A("diff", "x", "--lang", "\033c"), NULL, "(not '\\x1bc')"},                             /* --lang */
    {A("session"), "diff x --var \033c\n", "'\\x1bc'"},                                      /* a session's line */
    {A("session"), "\xc2\x9b" "31m\n", "\\xc2\\x9b"},                                        /* C1 as UTF-8 */
};

/* Is s free of controls other than newline and tab, of DEL, and of bytes past ASCII that do not
 * form characters (the messages here are English: any byte >= 0x80 must be part of a valid
 * sequence; C1 controls, U+0080..U+009F, are not)? */
static bool safe(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
            return false;
        if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
            return false;
        if (*p >= 0x80 && (*p < 0xc2 || *p > 0xf4))
            return false;
    }
    return true;
}

START_TEST(escaped)
{
    char *out, *err;
    tu_run(cases[_i].argv, cases[_i].input, &out, &err);
    ck_assert_msg(safe(err), "case %d: raw control bytes on stderr: %s", _i, err);
    ck_assert_msg(strstr(err, cases[_i].shown) != NULL, "case %d: want %s in %s", _i, cases[_i].shown, err);
    free(out);
    free(err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("safe_err");
    TCase *tc = tcase_create("safe_err");
    tcase_add_loop_test(tc, escaped, 0, sizeof cases / sizeof cases[0]);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
