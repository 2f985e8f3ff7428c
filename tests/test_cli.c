/* The program as a user meets it: whole outputs, messages with carets, exit statuses. */
#include "testutil.h"
#include <check.h>
#include <stdlib.h>
#include <string.h>

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})

static const struct {
    const char *const *argv;
    int status;
    const char *out, *err; /* NULL: not checked */
} rows[] = {
    {A("x^3 - 3*x"), 0, "3*x^2 - 3\n", ""},
    {A("diff", "x^3 - 3*x"), 0, "3*x^2 - 3\n", ""},
    {A("diff", "(w*x - y)^2", "--var", "w"), 0, "2*x*(w*x - y)\n", ""},
    {A("diff", "(w*x - y)^2", "--var=w"), 0, "2*x*(w*x - y)\n", ""},
    {A("diff", "3*x^2", "--order", "2"), 0, "6\n", ""},
    {A("diff", "x^40", "--order", "30"), 0, "224844379201911853600532206127677440000000*x^10\n", ""},
    {A("diff", "x^3", "--order", "4/2"), 0, "6*x\n", ""},
    {A("diff", "x^3", "--order=1+2"), 0, "6\n", ""},
    {A("diff", "x^3", "--order", "3/2"), 2, "", "dfdx: --order takes a whole number from 0 to 1000 (not '3/2')\n"},
    {A("diff", "--", "-x^2"), 0, "-2*x\n", ""},
    {A("diff", "-x^2"), 0, "-2*x\n", ""},
    {A("theta^2 + 1"), 0, "2*theta\n", ""},
    {A("5"), 0, "0\n", ""},
    {A("x²·sin(x)"), 0, "x^2*cos(x) + 2*x*sin(x)\n", ""},
    {A("diff", "sin(x^2)", "--format", "latex"), 0, "2 x \\cos\\left(x^{2}\\right)\n", ""},
    {A("--format=json", "diff", "x^2"), 0,
     "{\"input\": \"x^2\", \"variable\": \"x\", \"order\": 1, \"derivative\": \"2*x\", \"latex\": \"2 x\"}\n", ""},
    {A("grad", "(w*x - y)^2"), 0, "d/dw = 2*x*(w*x - y)\nd/dx = 2*w*(w*x - y)\nd/dy = -2*(w*x - y)\n", ""},
    {A("grad", "x*y", "--format", "json"), 0, "{\"gradient\": {\"x\": \"y\", \"y\": \"x\"}}\n", ""},
    /* bad input: a message with the column and a caret, status 2 */
    {A("x^3 - * x"), 2, "", "dfdx: syntax error at column 7: unexpected '*'\n  x^3 - * x\n        ^\n"},
    {A("x² − * x"), 2, "", "dfdx: syntax error at column 6: unexpected '*'\n  x² − * x\n       ^\n"},
    {A("sinn(x)"), 2, "", "dfdx: syntax error at column 1: unknown function 'sinn' (did you mean 'sin'?)\n  sinn(x)\n  ^\n"},
    {A("(x + 1"), 2, "", "dfdx: syntax error at column 1: unclosed '('\n  (x + 1\n  ^\n"},
    {A(""), 2, "", NULL},
    {A("w*y"), 2, "", "dfdx: several variables (w, y): choose one with --var, or use 'dfdx grad'\n"},
    {A("diff", "x", "--order", "-1"), 2, "", "dfdx: --order takes a whole number from 0 to 1000 (not '-1')\n"},
    {A("diff", "x", "--bogus"), 2, "", NULL},
    {A("diff", "x", "--var", "2x"), 2, "", "dfdx: --var takes a variable name (not '2x')\n"},
    {A("diff", "x^2", "--var", "pi"), 2, "", "dfdx: --var takes a variable name (not 'pi', which is a constant)\n"},
    {A("diff", "x^2", "--var", "sin"), 2, "", "dfdx: --var takes a variable name (not 'sin', which is a function)\n"},
    {A("check", "x^2", "0", "--var", "e"), 2, "", "dfdx: --var takes a variable name (not 'e', which is a constant)\n"},
    {A("--format", "yaml", "x"), 2, "", "dfdx: --format takes plain, latex or json (not 'yaml')\n"},
    {A("1/(x - x)"), 2, "", NULL},
    {A("--version"), 0, "dfdx 0.1.0\n", ""},
    /* a control byte is echoed as '?': garbage cannot drive the terminal */
    {A("x\x1b[31m+*"), 2, "", "dfdx: syntax error at column 2: unexpected control character 0x1B\n  x?[31m+*\n   ^\n"},
};

START_TEST(cli_row)
{
    char *out, *err;
    int st = tu_run(rows[_i].argv, NULL, &out, &err);
    const char *arg = rows[_i].argv[0];
    ck_assert_msg(st == rows[_i].status, "dfdx %s ...: status %d, want %d (stderr: %s)", arg, st, rows[_i].status, err);
    if (rows[_i].out)
        ck_assert_msg(strcmp(out, rows[_i].out) == 0, "dfdx %s ...: stdout\n%s\nwant\n%s", arg, out, rows[_i].out);
    if (rows[_i].err)
        ck_assert_msg(strcmp(err, rows[_i].err) == 0, "dfdx %s ...: stderr\n%s\nwant\n%s", arg, err, rows[_i].err);
    else if (st == 2)
        ck_assert_msg(strncmp(err, "dfdx: ", 6) == 0, "dfdx %s ...: an error must say what went wrong: %s", arg, err);
    free(out);
    free(err);
}
END_TEST

/* Plain output is re-readable: dfdx "$(dfdx EXPR)" works and gives the second derivative. */
START_TEST(output_reads_back)
{
    static const char *const exprs[] = {"x^3", "sin(x)*exp(x)", "1/(1 + exp(-x))", "x^(1/3)", "ln(x^2 + 1)/x"};
    for (size_t i = 0; i < sizeof exprs / sizeof exprs[0]; i++) {
        char *d1, *d2, *e1, *e2, *want, *e3;
        ck_assert_int_eq(tu_run(A(exprs[i]), NULL, &d1, &e1), 0);
        d1[strcspn(d1, "\n")] = 0;
        ck_assert_int_eq(tu_run(A("--", d1), NULL, &d2, &e2), 0);
        ck_assert_int_eq(tu_run(A("diff", exprs[i], "--order", "2"), NULL, &want, &e3), 0);
        ck_assert_msg(strcmp(d2, want) == 0, "%s: d/dx of %s is %s, but --order 2 gives %s", exprs[i], d1, d2, want);
        free(d1), free(d2), free(e1), free(e2), free(want), free(e3);
    }
}
END_TEST

/* Hostile input never crashes or hangs: every one ends with status 2 and a message. */
START_TEST(hostile_input)
{
    size_t n = 100000; /* the kernel limits one argument to 128 KiB */
    char *deep = malloc(n + 2);
    memset(deep, '(', n);
    deep[n] = 'x';
    deep[n + 1] = 0;
    char *out, *err;
    ck_assert_int_eq(tu_run(A(deep), NULL, &out, &err), 2);
    ck_assert_msg(strstr(err, "nested too deeply") != NULL, "%.200s", err);
    free(out), free(err);
    memset(deep, '-', n);
    ck_assert_int_eq(tu_run(A(deep), NULL, &out, &err), 2);
    free(out), free(err);
    free(deep);
    ck_assert_int_eq(tu_run(A("\xff\xfe"), NULL, &out, &err), 2);
    ck_assert_msg(strstr(err, "UTF-8") != NULL, "%s", err);
    free(out), free(err);
}
END_TEST

/* A derivative that grows without end (sin(x)^x: tens of MB of text by order 40, minutes
 * and gigabytes by order 60) stops with a message naming the order reached, not a hang. */
START_TEST(runaway_order)
{
    const char *const *const cmds[] = {A("diff", "sin(x)^x", "--order", "1000"),
                                        A("check", "sin(x)^x", "0", "--order", "1000")};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char *out, *err;
        ck_assert_int_eq(tu_run(cmds[i], NULL, &out, &err), 2);
        ck_assert_msg(strstr(err, "dfdx: the derivative of order 1000 grows too large") == err, "%s: %s",
                      cmds[i][0], err);
        free(out), free(err);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, cli_row, 0, sizeof rows / sizeof rows[0]);
    tcase_add_test(tc, output_reads_back);
    tcase_add_test(tc, hostile_input);
    tcase_add_test(tc, runaway_order);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
