/* The fuzz harness (tests/fuzz/fuzz_expr.c) replayed on the inputs it broke on and its seeds. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#define DX_FUZZ_CHECK /* a broken promise fails the test instead of aborting */
#include "fuzz/fuzz_expr.c"

#include "testutil.h"

/* Minimized inputs, each with the bug it found. The harness parses, differentiates twice,
 * simplifies, prints (the plain print must parse back to the same node, also while an error
 * is pending) and evaluates. */
static const struct { const char *in, *bug; } rows[] = {
    {"xG3 ^-3 ^-3 ^-3 ", "dx_print returned NULL while an earlier error was pending (numeric denominator)"},
    {"(x+199999999999999^-9999992e)^sec(x-3)^3",
     "simplify of the second derivative expanded 199999999999999^19999984 exactly: a minute, gigabytes"},
    {"log(x2\xc2\xb2x/relu(+i1)^x)",
     "d/di1 was -x*relu(i1)/(i1*relu(i1)), which parses back as -x/i1: relu(i1)^(-x - 1)*relu(i1)^x did not "
     "merge with relu(i1)"},
};

START_TEST(fuzz_row)
{
    const char *s = rows[_i].in;
    ck_assert_int_eq(LLVMFuzzerTestOneInput((const uint8_t *)s, strlen(s)), 0);
}
END_TEST

/* Every seed of the fuzzer passes too (they are the textbook forms it starts from). */
START_TEST(fuzz_seeds)
{
    const char *dir = DX_SOURCE_DIR "/tests/fuzz/seeds";
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "%s", dir);
    int n = 0;
    for (struct dirent *ent; (ent = readdir(d));) {
        if (ent->d_name[0] == '.')
            continue;
        char path[1024], buf[FUZZ_MAX_LEN + 1];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        FILE *f = fopen(path, "rb");
        ck_assert_msg(f != NULL, "%s", path);
        size_t len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
        n++;
    }
    closedir(d);
    ck_assert_int_ge(n, 20);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fuzz");
    TCase *tc = tcase_create("replay");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, fuzz_row, 0, sizeof rows / sizeof rows[0]);
    tcase_add_test(tc, fuzz_seeds);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
