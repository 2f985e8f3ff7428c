/* What the suites of the commands on several variables share (test_hessian.c, test_taylor.c,
 * test_implicit.c, test_extrema2.c): printing an expression, and rows of program runs. */
#ifndef DX_MVTEST_H
#define DX_MVTEST_H

#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define A(...) ((const char *const[]){__VA_ARGS__, NULL})

/* e in plain form, in a buffer the next call reuses. */
static inline const char *mv_printed(const dx_expr *e)
{
    static char buf[200];
    char *s = dx_print(tu_ctx, e, DX_PLAIN);
    snprintf(buf, sizeof buf, "%s", s);
    free(s);
    return buf;
}

/* A run of the program: its words, the exit status wanted, and a piece of its stdout (of
 * stderr for a failure). */
typedef struct mv_cli_row {
    const char *const *argv;
    int status;
    const char *out;
} mv_cli_row;

static inline void mv_check_run(const mv_cli_row *w)
{
    char *out, *err;
    int st = tu_run(w->argv, NULL, &out, &err);
    ck_assert_msg(st == w->status, "status %d: %s%s", st, out, err);
    ck_assert_msg(strstr(st ? err : out, w->out), "want '%s' in:\n%s%s", w->out, out, err);
    free(out);
    free(err);
}

/* The suite's "cli" case: each row of the file's cli_rows, run by its cli_row_test
 * (START_TEST(cli_row_test) { mv_check_run(&cli_rows[_i]); }), a test of its own. */
#define MV_ADD_CLI_CASE(suite)                                                                     \
    do {                                                                                           \
        TCase *cli_case = tcase_create("cli");                                                     \
        tcase_set_timeout(cli_case, 60);                                                           \
        tcase_add_loop_test(cli_case, cli_row_test, 0, N(cli_rows));                               \
        suite_add_tcase(suite, cli_case);                                                          \
    } while (0)

#endif
