/* Tests of Taylor polynomials: coefficients against known series, the polynomial against f
 * numerically near the point, several variables, errors, the program's output. */
#include "dfdx.h"
#include "mvtest.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>


/* f about a, order n: the coefficients of (x - a)^k from k = 0 up, known series. */
typedef struct series_row {
    const char *f, *at;
    unsigned order;
    const char *coef[9];
} series_row;

static const series_row series[] = {
    {"sin(x)", "0", 7, {"0", "1", "0", "-1/6", "0", "1/120", "0", "-1/5040"}},
    {"cos(x)", "0", 6, {"1", "0", "-1/2", "0", "1/24", "0", "-1/720"}},
    {"exp(x)", "0", 5, {"1", "1", "1/2", "1/6", "1/24", "1/120"}},
    {"exp(x)", "1", 3, {"e", "e", "e/2", "e/6"}},
    {"ln(1 + x)", "0", 5, {"0", "1", "-1/2", "1/3", "-1/4", "1/5"}},
    {"ln(x)", "1", 4, {"0", "1", "-1/2", "1/3", "-1/4"}},
    {"1/(1 - x)", "0", 6, {"1", "1", "1", "1", "1", "1", "1"}},
    {"1/(1 + x^2)", "0", 6, {"1", "0", "-1", "0", "1", "0", "-1"}},
    {"atan(x)", "0", 7, {"0", "1", "0", "-1/3", "0", "1/5", "0", "-1/7"}},
    {"tan(x)", "0", 7, {"0", "1", "0", "1/3", "0", "2/15", "0", "17/315"}},
    {"sinh(x)", "0", 5, {"0", "1", "0", "1/6", "0", "1/120"}},
    {"cosh(x)", "0", 4, {"1", "0", "1/2", "0", "1/24"}},
    {"sqrt(1 + x)", "0", 4, {"1", "1/2", "-1/8", "1/16", "-5/128"}},
    {"(1 + x)^(1/3)", "0", 3, {"1", "1/3", "-1/9", "5/81"}},
    {"sqrt(x)", "4", 3, {"2", "1/4", "-1/64", "1/512"}},
    {"1/x", "2", 4, {"1/2", "-1/4", "1/8", "-1/16", "1/32"}},
    {"asin(x)", "0", 5, {"0", "1", "0", "1/6", "0", "3/40"}},
    {"exp(-x^2)", "0", 6, {"1", "0", "-1", "0", "1/2", "0", "-1/6"}},
    {"x^3 - 2*x + 1", "2", 4, {"5", "10", "6", "1", "0"}},
    {"sin(x)", "pi/6", 3, {"1/2", "sqrt(3)/2", "-1/4", "-sqrt(3)/12"}},
    {"cos(x)", "pi/3", 3, {"1/2", "-sqrt(3)/2", "-1/4", "sqrt(3)/12"}},
    {"exp(2*x)", "0", 4, {"1", "2", "2", "4/3", "2/3"}},
    {"x*exp(x)", "0", 4, {"0", "1", "1", "1/2", "1/6"}},
    {"ln(1 - x)", "0", 4, {"0", "-1", "-1/2", "-1/3", "-1/4"}},
    {"1/(1 - x)^2", "0", 4, {"1", "2", "3", "4", "5"}},
    {"sin(x)^2", "0", 6, {"0", "0", "1", "0", "-1/3", "0", "2/45"}},
    {"2^x", "0", 2, {"1", "ln(2)", "ln(2)^2/2"}},
    {"1/(1 + exp(-x))", "0", 3, {"1/2", "1/4", "0", "-1/48"}},
    {"cos(x)^2", "0", 4, {"1", "0", "-1", "0", "1/3"}},
    {"sec(x)", "0", 4, {"1", "0", "1/2", "0", "5/24"}},
    {"x^2*sin(x)", "0", 5, {"0", "0", "0", "1", "0", "-1/6"}},
    {"1/(2 - x)", "0", 5, {"1/2", "1/4", "1/8", "1/16", "1/32", "1/64"}},
    {"ln(1 + x^2)", "0", 5, {"0", "0", "1", "0", "-1/2", "0"}},
    {"exp(x)*sin(x)", "0", 5, {"0", "1", "1", "1/3", "0", "-1/30"}},
};

START_TEST(series_row_test)
{
    const series_row *w = &series[_i];
    dx_expr *f = tu_parse(w->f), *at = tu_parse(w->at);
    const char *x[] = {"x"};
    dx_taylor_result r;
    ck_assert_msg(dx_taylor(tu_ctx, f, x, &at, 1, w->order, &r) == DX_OK, "%s: %s", w->f, tu_err(tu_ctx));
    for (unsigned k = 0; k <= w->order; k++)
        ck_assert_msg(strcmp(mv_printed(r.coef[k]), w->coef[k]) == 0, "%s about %s, coefficient %u: %s, want %s", w->f,
                      w->at, k, mv_printed(r.coef[k]), w->coef[k]);
    /* numerically: f - P is O(h^(order+1)) near the point (the tree-walking oracle) */
    double a;
    ck_assert_int_eq(dx_eval_const(tu_ctx, at, &a), DX_OK);
    for (double h = 0.02; h > 0.004; h /= 2) {
        double err = fabs(tu_eval(f, "x", a + h) - tu_eval(r.polynomial, "x", a + h));
        ck_assert_msg(err <= 10 * pow(h, w->order + 1) + 1e-13, "%s about %s: |f - P| = %g at h = %g", w->f, w->at,
                      err, h);
    }
}
END_TEST

/* Several variables: f(a) + grad f(a)·h + 1/2 hᵀ H(a) h, and the polynomial near the point. */
START_TEST(several)
{
    dx_expr *f = tu_parse("exp(x)*cos(y) + x*y^2");
    const char *xy[] = {"x", "y"};
    dx_expr *at[] = {tu_parse("0"), tu_parse("1")};
    dx_taylor_result r;
    ck_assert_int_eq(dx_taylor(tu_ctx, f, xy, at, 2, 2, &r), DX_OK);
    ck_assert_str_eq(mv_printed(r.coef[0]), "cos(1)");
    ck_assert_str_eq(mv_printed(r.gradient[0]), "1 + cos(1)");
    ck_assert_str_eq(mv_printed(r.gradient[1]), "-sin(1)");
    ck_assert_str_eq(mv_printed(r.hessian[1]), "2 - sin(1)");
    ck_assert_ptr_null(r.remainder);
    /* along a direction the error shrinks like t^3 */
    const char *const names[] = {"x", "y"};
    dx_prog *pf = dx_compile(tu_ctx, f, names, 2), *pp = dx_compile(tu_ctx, r.polynomial, names, 2);
    for (double t = 0.02; t > 0.004; t /= 2) {
        double v[] = {0.6 * t, 1 - 0.8 * t}, fv, pv;
        ck_assert_int_eq(dx_prog_eval(pf, tu_ctx, v, &fv), DX_OK);
        ck_assert_int_eq(dx_prog_eval(pp, tu_ctx, v, &pv), DX_OK);
        ck_assert_msg(fabs(fv - pv) <= 10 * t * t * t, "|f - P| = %g at t = %g", fabs(fv - pv), t);
    }
    dx_prog_free(pf);
    dx_prog_free(pp);
}
END_TEST

START_TEST(errors)
{
    dx_taylor_result r;
    const char *x[] = {"x"};
    dx_expr *zero = tu_parse("0");
    ck_assert_int_eq(dx_taylor(tu_ctx, tu_parse("sqrt(x)"), x, &zero, 1, 2, &r), DX_EDOMAIN);
    ck_assert_int_eq(dx_taylor(tu_ctx, tu_parse("x*y"), x, &zero, 1, 2, &r), DX_EUSAGE);
    ck_assert_str_eq(tu_err(tu_ctx), "no value for y at the point");
    const char *xy[] = {"x", "y"};
    dx_expr *at[] = {zero, zero};
    ck_assert_int_eq(dx_taylor(tu_ctx, tu_parse("x*y"), xy, at, 2, 7, &r), DX_EUSAGE);
}
END_TEST

static const mv_cli_row cli_rows[] = {
    {A("taylor", "sin(x)", "--at", "0", "--order", "5"), 0, "x - x^3/6 + x^5/120\n"},
    {A("taylor", "sin(x)", "--at", "0", "--order", "5"), 0, "remainder: O(x^6)\n"},
    {A("taylor", "cos(x)", "--at", "pi/3", "--order", "2"), 0, "1/2 - sqrt(3)/2*(x - pi/3) - (x - pi/3)^2/4\n"},
    {A("taylor", "ln(x)", "--at", "1", "--order", "3", "--format", "json"), 0,
     "\"polynomial\": \"(x - 1) - (x - 1)^2/2 + (x - 1)^3/3\", \"coefficients\": [\"0\", \"1\", \"-1/2\", \"1/3\"]"},
    {A("taylor", "x^2*y + y^3", "--at", "x=1,y=2"), 0, "10 + 4*(x - 1) + 13*(y - 2) + 2*(x - 1)^2 + 2*(x - 1)*(y - 2) + 6*(y - 2)^2\n"},
    {A("taylor", "x^2*y + y^3", "--at", "x=1,y=2"), 0, "grad f(a) = (4, 13)\nH(a) =\n  [ 4 2  ]\n  [ 2 12 ]\n"},
    {A("taylor", "sin(x)"), 2, "--at"},
    {A("taylor", "x", "--at", "x=1,x=2"), 2, "gives x twice"},
    {A("taylor", "x*y", "--at", "1"), 2, "no value for y"},
    {A("taylor", "sin(x)", "--at", "0", "--order", "99"), 2, "--order"},
};

START_TEST(cli_row_test) { mv_check_run(&cli_rows[_i]); }
END_TEST

/* The polynomial the program prints reads back as the same polynomial. */
START_TEST(reads_back)
{
    char *out, *err;
    ck_assert_int_eq(tu_run(A("taylor", "exp(x)*sin(y)", "--at", "x=1,y=2", "--order", "3"), NULL, &out, &err), 0);
    *strchr(out, '\n') = 0;
    dx_expr *p = tu_parse(out);
    const char *xy[] = {"x", "y"};
    dx_expr *at[] = {tu_parse("1"), tu_parse("2")};
    dx_taylor_result r;
    ck_assert_int_eq(dx_taylor(tu_ctx, tu_parse("exp(x)*sin(y)"), xy, at, 2, 3, &r), DX_OK);
    const char *const names[] = {"x", "y"};
    dx_prog *pp = dx_compile(tu_ctx, p, names, 2), *pr = dx_compile(tu_ctx, r.polynomial, names, 2);
    for (double t = -1; t <= 1; t += 0.25) {
        double v[] = {1 + t, 2 - t / 2}, a, b;
        ck_assert_int_eq(dx_prog_eval(pp, tu_ctx, v, &a), DX_OK);
        ck_assert_int_eq(dx_prog_eval(pr, tu_ctx, v, &b), DX_OK);
        ck_assert_double_eq_tol(a, b, 1e-12);
    }
    dx_prog_free(pp);
    dx_prog_free(pr);
    free(out);
    free(err);
}
END_TEST

static Suite *taylor_suite(void)
{
    Suite *s = suite_create("taylor");
    TCase *tc = tcase_create("taylor");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_add_loop_test(tc, series_row_test, 0, N(series));
    tcase_add_test(tc, several);
    tcase_add_test(tc, errors);
    tcase_add_test(tc, reads_back);
    suite_add_tcase(s, tc);
    MV_ADD_CLI_CASE(s);
    return s;
}

int main(void) { return tu_main(taylor_suite()); }
