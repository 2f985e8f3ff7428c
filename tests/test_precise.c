/* Honest values (issue 21): dfdx eval of closed forms and of exact points, each answer
 * exact where the value is exact and correctly rounded where a double rounds, past a double's
 * range said with its digits. Every rounded value here was checked against mpmath at 6000
 * digits; the ones exact by algebra (x^(10^100) at -1, log(8)/log(2)) are said without "≈". */
#include "testutil.h"
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *f, *at; /* at: "x=VALUE" or NULL */
    const char *out;    /* stdout without its newline; "…tail": the end of a long exact value */
} rows[] = {
    {"x^(10^100)", "x=-1", "1"},
    {"(-1)^(10^100+1)", NULL, "-1"},
    {"(1+1/x)^x", "x=10^30", "2.718281828459045 \u2248 2.71828"},
    {"(1+1/x)^x", "x=10^60", "2.718281828459045 \u2248 2.71828"},
    {"(1+x)^(1/x)", "x=10^-20", "(100000000000000000001/100000000000000000000)^100000000000000000000 \u2248 2.718281828459045"},
    {"exp(-10^100)", NULL, "1/exp(10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000) \u2248 10^(-4.3429e99)"},
    {"exp(10^100)", NULL, "exp(10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000) \u2248 10^(4.3429e99)"},
    {"exp(1000)", NULL, "e^1000 \u2248 1.970071114017047e+434"},
    {"exp(-1000)", NULL, "1/e^1000 \u2248 5.075958897549457e-435"},
    {"cosh(1000)", NULL, "\u2248 9.850355570085235e+433"},
    {"x^(10^100)", "x=2", "2^10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000 \u2248 10^(3.0103e99)"},
    {"x^x", "x=10^100", "…000000000000000000000000000000000000000000 \u2248 10^(1.0000e102)"},
    {"-exp(10^100)", NULL, "-exp(10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000) \u2248 -10^(4.3429e99)"},
    {"(-2)^(10^100+1)", NULL, "(-2)^10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001 \u2248 -10^(3.0103e99)"},
    {"2^100", NULL, "1267650600228229401496703205376 \u2248 1.2676506002282294e+30"},
    {"2^(-2000)", NULL, "…22842770817965453762184851149029376 \u2248 8.709809816217217e-603"},
    {"10^(-400)", NULL, "…000000000000000000000000000000000000000000000000000 \u2248 1e-400"},
    {"10^5000", NULL, "\u2248 1e+5000"},
    {"2^100000", NULL, "2^100000 \u2248 9.990020930143845e+30102"},
    {"sqrt(2)^2", NULL, "2"},
    {"log(8)/log(2)", NULL, "3"},
    {"log2(8)", NULL, "3"},
    {"log10(1000)", NULL, "3"},
    {"sin(pi/6)", NULL, "1/2 = 0.5"},
    {"sin(10^22)", NULL, "-0.8522008497671888 \u2248 -0.852201"},
    {"sin(10^30)", NULL, "-0.09011690191213806 \u2248 -0.0901169"},
    {"cos(10^100)", NULL, "-0.9280819050746554 \u2248 -0.928082"},
    {"tan(10^40)", NULL, "0.6930699220580957 \u2248 0.69307"},
    {"x^(2/3)", "x=-8", "4"},
    {"x^(1/3)", "x=27/8", "3/2 = 1.5"},
    {"(-8)^(1/3)", NULL, "-2"},
    {"x^(3/5)", "x=-32", "-8"},
    {"2^(1/3)", NULL, "2^(1/3) \u2248 1.2599210498948732"},
    {"x - sin(x)", "x=10^-10", "1.6666666666666667e-31 \u2248 1.66667e-31"},
    {"ln(1+x)", "x=10^-30", "\u2248 1e-30"},
    {"exp(x)-1", "x=10^-20", "e^(1/100000000000000000000) - 1 \u2248 1e-20"},
    {"sqrt(x^2+1)-x", "x=10^10", "sqrt(100000000000000000001) - 10000000000 \u2248 5e-11"},
    {"cos(x)", "x=10^-20", "\u2248 1"},
    {"(1-cos(x))/x^2", "x=10^-8", "\u2248 0.5"},
    {"atan(10^30)-pi/2", NULL, "\u2248 -1e-30"},
    {"log(1000)", NULL, "6.907755278982137 \u2248 6.90776"},
    {"tan(2*x)^3", "x=1/2", "3.7775217478327563 \u2248 3.77752"},
    {"sinh(x)/x", "x=10^-30", "\u2248 1"},
    {"erf(x)", "x=10", "\u2248 1"},
    {"sigmoid(x)", "x=-800", "\u2248 3.667874584177687e-348"},
    /* values at a function's asymptote, to every bit a pass has: rounded all the same */
    {"softplus(x)", "x=1000", "\u2248 1000"},
    {"sigmoid(1000)", NULL, "\u2248 1"},
    {"tanh(1000)", NULL, "\u2248 1"},
    {"tanh(-30)", NULL, "\u2248 -1"},
    {"erf(100)", NULL, "\u2248 1"},
    {"sigmoid(10^100)", NULL, "\u2248 1"},
    {"sigmoid(-10^100)", NULL, "\u2248 10^(-4.3429e99)"},
    {"softplus(-10^100)", NULL, "\u2248 10^(-4.3429e99)"},
    {"sigmoid(0)", NULL, "1/2 = 0.5"},
    {"tanh(0)", NULL, "0"},
    {"log(2, 8)", NULL, "1/3 \u2248 0.3333333333333333"},
    {"log(8, 1/2)", NULL, "-3"},
    {"e^(pi*sqrt(163))", NULL, "e^(sqrt(163)*pi) \u2248 2.6253741264076874e+17"},
};

START_TEST(eval_row)
{
    const char *argv[] = {"eval", rows[_i].f, rows[_i].at, NULL};
    char *out, *err;
    ck_assert_msg(tu_run(argv, NULL, &out, &err) == 0, "eval %s %s: %s", rows[_i].f, rows[_i].at ? rows[_i].at : "", err);
    size_t n = strlen(out);
    ck_assert(n > 0 && out[n - 1] == '\n');
    out[--n] = 0;
    const char *want = rows[_i].out, *ell = "\u2026";
    if (strncmp(want, ell, strlen(ell)) == 0) {
        want += strlen(ell);
        ck_assert_msg(n >= strlen(want) && strcmp(out + n - strlen(want), want) == 0, "eval %s: ...%s, want ...%s",
                      rows[_i].f, n > 60 ? out + n - 60 : out, want);
    } else {
        ck_assert_msg(strcmp(out, want) == 0, "eval %s %s: %s, want %s", rows[_i].f, rows[_i].at ? rows[_i].at : "", out, want);
    }
    free(out), free(err);
}
END_TEST

/* The value in the library: form, double and digits, as data. */
START_TEST(beyond_data)
{
    dx_value v;
    ck_assert_int_eq(dx_eval_at(tu_ctx, tu_parse("exp(-10^100)"), NULL, NULL, 0, &v), DX_OK);
    ck_assert_int_eq(v.form, DX_VALUE_BEYOND);
    ck_assert(v.value == 0 && !signbit(v.value));
    ck_assert_str_eq(v.beyond, "10^(-4.3429e99)");
    ck_assert_ptr_nonnull(v.exact);
    double d;
    ck_assert_int_eq(dx_eval_const(tu_ctx, tu_parse("sin(10^22)"), &d), DX_OK);
    ck_assert(d == -0.8522008497671888);
    ck_assert_int_eq(dx_eval_const(tu_ctx, tu_parse("(1 + 10^-30)^(10^30)"), &d), DX_OK);
    ck_assert(d == 2.718281828459045);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("precise");
    TCase *t = tcase_create("core");
    tcase_set_timeout(t, 120);
    tcase_add_checked_fixture(t, tu_setup, tu_teardown);
    tcase_add_loop_test(t, eval_row, 0, (int)(sizeof rows / sizeof *rows));
    tcase_add_test(t, beyond_data);
    suite_add_tcase(s, t);
    return tu_main(s);
}
