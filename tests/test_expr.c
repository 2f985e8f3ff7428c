/* The canonical store: equal expressions are one pointer, constructors simplify. */
#include "dfdx.h"
#include "eval.h"
#include "expr.h"
#include "fn.h"
#include "testutil.h"
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Pairs that must be the same node: the canonical form does the simplifying. */
static const struct { const char *a, *b; } same_rows[] = {
    {"x + x", "2*x"}, {"x*x", "x^2"}, {"x^2*x^3", "x^5"}, {"x^a*x^b", "x^(a + b)"},
    {"0 + x", "x"}, {"1*x", "x"}, {"x^1", "x"}, {"x^0", "1"}, {"0*x", "0"},
    {"y + x", "x + y"}, {"y*x", "x*y"}, {"x - x", "0"}, {"3*x - x", "2*x"},
    {"2*(x + 1) + x", "3*x + 2"}, {"(x*y)^2", "x^2*y^2"}, {"(x^2)^3", "x^6"},
    {"1/3 + 1/6", "1/2"}, {"2^10", "1024"}, {"4^(1/2)", "2"}, {"(-8)^(1/3)", "-2"},
    {"(8/27)^(2/3)", "4/9"}, {"sqrt(x)*sqrt(x)", "x"}, {"e^x*e^x", "e^(2*x)"},
    {"exp(ln(x))", "x"}, {"ln(e^x)", "x"}, {"ln(1)", "0"}, {"ln(e)", "1"},
    {"sin(-x)", "-sin(x)"}, {"cos(-x)", "cos(x)"}, {"abs(-x)", "abs(x)"}, {"sin(0)", "0"},
    {"(x^2)^(1/2)", "abs(x)"}, {"((x + x)^4)^(1/2)", "4*x^2"}, {"(x^6)^(1/3)", "x^2"}, {"(x^3)^(1/3)", "x"},
    {"sqrt(4*(x + 1)^2)", "2*abs(x + 1)"}, {"abs(x)^2", "x^2"},
    {"cos(0)", "1"}, {"abs(-3/2)", "3/2"}, {"relu(-2)", "0"}, {"relu(5)", "5"},
    {"erf(0)", "0"}, {"erf(-x)", "-erf(x)"},
    {"x/x", "1"}, {"(a + b)*(a + b)", "(a + b)^2"}, {"2*x*3", "6*x"}, {"x - (x - y)", "y"},
    {"(e^x)^2", "e^(2*x)"}, {"sqrt(x)^2", "x"},
    {"sin(pi/6)", "1/2"}, {"cos(pi/3)", "1/2"}, {"sin(pi/4)", "sqrt(2)/2"}, {"cos(5*pi/6)", "-sqrt(3)/2"},
    {"tan(pi/4)", "1"}, {"tan(-pi/3)", "-sqrt(3)"}, {"sec(pi)", "-1"}, {"csc(3*pi/2)", "-1"},
    {"cot(pi/2)", "0"}, {"sin(13*pi/6)", "1/2"}, {"cos(-pi)", "-1"},
    /* surds: the integer part of the exponent and square factors come out, roots leave the
     * denominator (surd_values checks each value) */
    {"sqrt(8)", "2*sqrt(2)"}, {"sqrt(1/2)", "sqrt(2)/2"}, {"(3/2)^(3/2)", "3*sqrt(6)/4"},
    {"2^(-1/2)", "sqrt(2)/2"}, {"sqrt(12) + sqrt(3)", "3*sqrt(3)"}, {"(1/4)^(1/3)", "2^(1/3)/2"},
    {"sqrt(2)*sqrt(8)", "4"}, {"2^(5/2)", "4*sqrt(2)"}, {"sqrt(3)/sqrt(27)", "1/3"},
    /* a coefficient beside a cube root in the same form as the power alone (fuzzing: the
     * printed 1/(2^(2/3)/4) read back as another node) */
    {"1/(2^(2/3)/4)", "2*2^(1/3)"}, {"4/2^(2/3)", "2^(4/3)"}, {"2^(-44/3)", "2^(-2/3)/16384"},
    {"(1/4)^(-2/3)", "4^(2/3)"}, {"2^(2/3)/2", "2^(-1/3)"}, {"2^(-4/3)", "1/(2*2^(1/3))"},
    /* a rational below 1 to a negative power (fuzzing: (3/7)^(-1/3) printed as 1/(147^(1/3)/7)) */
    {"(2/3)^(-1/3)", "12^(1/3)/2"}, {"(3/7)^(-4/3)", "7*63^(1/3)/9"},
    /* like terms beside a surd: the merged coefficient joins it (fuzzing: the second derivative
     * of 2^(-1/3)*x*asin(x) printed 2/(2^(1/3)*sqrt(1 - x^2)), reading back as 2^(2/3)/…) */
    {"2^(-1/3) + 2^(-1/3)", "2^(2/3)"}, {"x/2^(1/3) + x/2^(1/3)", "2^(2/3)*x"}, {"3*x/2^(1/3) + 3*x/2^(1/3)", "3*2^(2/3)*x"},
    /* found by fuzzing: symbolic exponents that sum to a number meet the numeric ones */
    {"y^(-x - 1)*y*y^x", "1"}, {"y^(1 - x)*y^x/y^2*y^3", "y^2"}, {"relu(u)/u/relu(u)^(x + 1)*relu(u)^x", "1/u"},
};

static const struct { const char *text; double want; } surd_rows[] = {
    {"sqrt(8)", 2.8284271247461900976}, {"sqrt(1/2)", 0.70710678118654752440}, {"(3/2)^(3/2)", 1.8371173070873835736},
    {"(1/4)^(1/3)", 0.62996052494743658238}, {"2^(5/2)", 5.6568542494923801952}, {"(12/5)^(-7/3)", 0.12967027623139943},
    {"4/2^(2/3)", 2.5198420997897463295}, {"2^(-44/3)", 6.1035156250e-05 * 0.62996052494743658238},
    {"(2/3)^(-1/3)", 1.1447142425533319}, {"(3/7)^(-4/3)", 3.094822272808305},
};

START_TEST(surd_values)
{
    double v;
    ck_assert_int_eq(dx_eval_const(tu_ctx, tu_parse(surd_rows[_i].text), &v), DX_OK);
    ck_assert_msg(fabs(v - surd_rows[_i].want) <= 4e-16 * surd_rows[_i].want, "%s: %.17g, want %.17g", surd_rows[_i].text, v,
                  surd_rows[_i].want);
}
END_TEST

START_TEST(same_node)
{
    dx_expr *a = tu_parse(same_rows[_i].a), *b = tu_parse(same_rows[_i].b);
    char *sa = dx_print(tu_ctx, a, DX_PLAIN), *sb = dx_print(tu_ctx, b, DX_PLAIN);
    /* one body: a cancellation's guard (x/x is 1 where x != 0) prints as it and is test_domain's */
    ck_assert_msg(dx_body(a) == dx_body(b), "%s and %s should be one node: %s vs %s", same_rows[_i].a, same_rows[_i].b, sa, sb);
    free(sa);
    free(sb);
}
END_TEST

/* And pairs that must stay apart: rewriting them would change the value somewhere. */
static const struct { const char *a, *b; } apart_rows[] = {
    {"sqrt(x^2)", "x"}, {"x^(1/2)*y^(1/2)", "(x*y)^(1/2)"}, {"ln(x^2)", "2*ln(x)"},
    {"x", "y"}, {"1/2", "0.51"},
};

START_TEST(distinct_node)
{
    ck_assert_msg(tu_parse(apart_rows[_i].a) != tu_parse(apart_rows[_i].b), "%s and %s must differ", apart_rows[_i].a, apart_rows[_i].b);
}
END_TEST

START_TEST(constructors_propagate_null)
{
    dx_expr *x = dx_sym(tu_ctx, "x", 1);
    ck_assert_ptr_null(dx_add(tu_ctx, x, NULL));
    ck_assert_ptr_null(dx_mul(tu_ctx, NULL, x));
    ck_assert_ptr_null(dx_pow(tu_ctx, x, NULL));
    ck_assert_ptr_null(dx_call(tu_ctx, DX_SIN, NULL));
}
END_TEST

START_TEST(division_by_exact_zero)
{
    ck_assert_ptr_null(dx_parse(tu_ctx, "1/0", 3));
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->status, DX_EDOMAIN);
    ck_assert_str_eq(tu_err(tu_ctx), "division by zero");
    dx_ctx_clear_error(tu_ctx);
    ck_assert_ptr_null(dx_parse(tu_ctx, "ln(0)", 5));
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->status, DX_EDOMAIN);
}
END_TEST

START_TEST(trig_poles)
{
    /* cot(0), csc(0): found by the differential test (they stayed calls, with no value) */
    static const char *const poles[] = {"tan(pi/2)", "sec(-pi/2)", "cot(0*x + pi)", "csc(2*pi)", "tan(3*pi/2)",
                                        "cot(0)", "csc(x - x)", "x^csc(0)"};
    for (size_t i = 0; i < sizeof poles / sizeof poles[0]; i++) {
        ck_assert_msg(dx_parse(tu_ctx, poles[i], strlen(poles[i])) == NULL, "%s has no value", poles[i]);
        ck_assert_msg(dx_ctx_error(tu_ctx)->status == DX_EDOMAIN && strstr(tu_err(tu_ctx), "pole"), "%s: %s",
                      poles[i], tu_err(tu_ctx));
        dx_ctx_clear_error(tu_ctx);
    }
    /* no textbook value at 15 degrees: the call stays */
    ck_assert_int_eq(tu_parse("sin(pi/12)")->kind, DX_CALL);
    ck_assert_ptr_eq(tu_parse("tan(0) + sin(0)"), tu_parse("0"));
    ck_assert_ptr_eq(tu_parse("sec(0)"), tu_parse("cos(0)"));
}
END_TEST

/* Found by the differential test: asin(2) stayed a constant (derivative 0), not an error. */
START_TEST(unit_domain)
{
    static const struct { const char *in, *msg; } rows[] = {
        {"asin(2)", "asin is undefined at 2 (it needs a number from -1 to 1)"},
        {"acos(-3/2)", "acos is undefined at -3/2 (it needs a number from -1 to 1)"},
        {"x*asin(1 + 1/10^30)", "asin is undefined at 1000000000000000000000000000001/1000000000000000000000000000000 (it needs a number from -1 to 1)"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        ck_assert_msg(dx_parse(tu_ctx, rows[i].in, strlen(rows[i].in)) == NULL, "%s has no value", rows[i].in);
        ck_assert_msg(dx_ctx_error(tu_ctx)->status == DX_EDOMAIN && strcmp(tu_err(tu_ctx), rows[i].msg) == 0,
                      "%s: %s", rows[i].in, tu_err(tu_ctx));
        dx_ctx_clear_error(tu_ctx);
    }
    ck_assert_ptr_eq(tu_parse("acos(1)"), tu_parse("0"));
    ck_assert_int_eq(tu_parse("asin(-1)")->kind, DX_MUL); /* -asin(1): the edges are in the domain */
}
END_TEST

START_TEST(node_budget)
{
    dx_ctx_set_budget(tu_ctx, 20);
    const char *big = "x^20 + x^19 + x^18 + x^17 + x^16 + x^15 + x^14 + x^13 + x^12 + x^11 + x^10 + x^9 + x^8 + x^7 + "
                      "x^6 + x^5 + x^4 + x^3 + x^2 + x + sin(x) + cos(x) + tan(x) + ln(x) + y^20";
    ck_assert_ptr_null(dx_parse(tu_ctx, big, strlen(big)));
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->status, DX_ELIMIT);
    ck_assert_msg(strstr(tu_err(tu_ctx), "too large") != NULL, "%s", tu_err(tu_ctx));
}
END_TEST

START_TEST(depth_limit)
{
    /* built directly, past the parser: the store itself refuses */
    dx_expr *e = dx_sym(tu_ctx, "x", 1);
    for (int i = 0; i < DX_MAX_DEPTH + 10 && e; i++)
        e = dx_call(tu_ctx, DX_SIN, e);
    ck_assert_ptr_null(e);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->status, DX_ELIMIT);
}
END_TEST

START_TEST(large_sum_is_fast_and_merged)
{
    /* 20,000 terms through one dx_add_n: merging like terms must not be quadratic */
    enum { N = 20000 };
    dx_expr **t = malloc(N * sizeof *t), *x = dx_sym(tu_ctx, "x", 1);
    for (int i = 0; i < N; i++)
        t[i] = dx_pow(tu_ctx, x, dx_int(tu_ctx, i % 100));
    dx_expr *s = dx_add_n(tu_ctx, t, N);
    free(t);
    ck_assert_int_eq(s->kind, DX_ADD);
    ck_assert_uint_eq(s->n, 100); /* x^0..x^99, each with coefficient 200 */
}
END_TEST

START_TEST(vars_sorted)
{
    const char **names;
    size_t n = dx_vars(tu_ctx, tu_parse("theta*y + x1 - sin(b)"), &names);
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(names[0], "b");
    ck_assert_str_eq(names[1], "theta");
    ck_assert_str_eq(names[2], "x1");
    ck_assert_str_eq(names[3], "y");
}
END_TEST

START_TEST(canonical_forms_keep_values)
{
    dx_expr *e = tu_parse("(2*x)^3/(4*x) + x*x - 3*x^2");
    /* 8x^3/(4x) + x^2 - 3x^2 = 2x^2 - 2x^2 = 0 */
    ck_assert_msg(dx_is_int(dx_body(e), 0), "(2*x)^3/(4*x) + x*x - 3*x^2 should be 0");
    dx_expr *g = tu_parse("(x + 1)/(x + 1)^3");
    ck_assert(g == tu_parse("1/(x + 1)^2"));
    ck_assert(tu_eval(g, "x", 1.0) == 0.25);
}
END_TEST

/* The work budget: a derivative too costly for it stops with "too much work", every call after
 * it fails the same way until the budget is set again (nothing built on a cut computation),
 * and a numeric search counts too. */
START_TEST(work_budget_stops_and_stays_stopped)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_expr *f = dx_parse(ctx, "tanh(3*x)", 9);
    ck_assert_ptr_nonnull(f);
    dx_ctx_set_work(ctx, 20000);
    ck_assert_ptr_null(dx_derivative(ctx, f, "x", 40));
    ck_assert_int_eq(dx_ctx_error(ctx)->status, DX_ELIMIT);
    ck_assert_int_eq(dx_ctx_error(ctx)->msg.id, DX_M_TOO_MUCH_WORK);
    ck_assert_ptr_null(dx_parse(ctx, "x + 1", 5)); /* stays stopped */
    ck_assert_int_eq(dx_ctx_error(ctx)->msg.id, DX_M_TOO_MUCH_WORK);
    dx_ctx_set_work(ctx, DX_DEFAULT_WORK);
    dx_expr *d = dx_derivative(ctx, f, "x", 3);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_gt(dx_ctx_work(ctx), 0);
    /* a grid search spends the budget too: extrema of a product of sines */
    const char *prod = "sin(x)*sin(2x)*sin(3x)*sin(4x)*sin(5x)*sin(6x)*sin(7x)*sin(8x)";
    dx_expr *g = dx_parse(ctx, prod, strlen(prod));
    dx_ctx_set_work(ctx, 50000);
    dx_extrema_result r;
    ck_assert_int_eq(dx_extrema(ctx, g, "x", NULL, NULL, &r), DX_ELIMIT);
    ck_assert_int_eq(dx_ctx_error(ctx)->msg.id, DX_M_TOO_MUCH_WORK);
    dx_extrema_free(&r);
    dx_ctx_free(ctx);
}
END_TEST

/* The progress call comes with the units spent, and its false stops the call: "interrupted". */
static unsigned long long seen;
static bool stop_at_second(void *user, unsigned long long done, unsigned long long budget)
{
    (void)user;
    ck_assert_uint_eq(budget, DX_DEFAULT_WORK);
    seen = done;
    return done < 2 * DX_PROGRESS_UNITS;
}

START_TEST(progress_can_interrupt)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_ctx_set_progress(ctx, stop_at_second, NULL);
    dx_expr *f = dx_parse(ctx, "tanh(3*x)", 9);
    ck_assert_ptr_null(dx_derivative(ctx, f, "x", 60));
    ck_assert_int_eq(dx_ctx_error(ctx)->msg.id, DX_M_INTERRUPTED);
    ck_assert_uint_ge(seen, 2 * DX_PROGRESS_UNITS);
    dx_ctx_set_progress(ctx, NULL, NULL);
    dx_ctx_set_work(ctx, DX_DEFAULT_WORK); /* a new budget: going again */
    ck_assert_ptr_nonnull(dx_derivative(ctx, f, "x", 2));
    dx_ctx_free(ctx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("expr");
    TCase *tc = tcase_create("canonical");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_add_loop_test(tc, same_node, 0, sizeof same_rows / sizeof same_rows[0]);
    tcase_add_loop_test(tc, distinct_node, 0, sizeof apart_rows / sizeof apart_rows[0]);
    tcase_add_loop_test(tc, surd_values, 0, sizeof surd_rows / sizeof surd_rows[0]);
    tcase_add_test(tc, constructors_propagate_null);
    tcase_add_test(tc, division_by_exact_zero);
    tcase_add_test(tc, trig_poles);
    tcase_add_test(tc, unit_domain);
    tcase_add_test(tc, node_budget);
    tcase_add_test(tc, depth_limit);
    tcase_add_test(tc, large_sum_is_fast_and_merged);
    tcase_add_test(tc, vars_sorted);
    tcase_add_test(tc, canonical_forms_keep_values);
    tcase_add_test(tc, work_budget_stops_and_stays_stopped);
    tcase_add_test(tc, progress_can_interrupt);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
