/* Tests of the Hessian: entries against central differences of the gradient, values at a
 * point, the determinant, errors, the program's output. */
#include "dfdx.h"
#include "mvtest.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>


static const char *const functions[] = {
    "x^2 + y^2", "x^2 - y^2", "x^3 - 3*x*y + y^3", "x^4 + y^4", "sin(x*y) + x^2", "exp(x - y^2)*cos(y)",
    "ln(x^2 + y^2 + 1)", "x*y*z + z^2*x", "(w*x + b - 3)^2", "sqrt(x^2 + y^2 + 4)", "atan(y/(x^2 + 1))",
    "x^y + y*ln(x^2 + 1)",
};

/* Every entry is the derivative of a partial derivative (checked numerically too), and the
 * matrix is symmetric. */
START_TEST(entries_numeric)
{
    dx_expr *f = tu_parse(functions[_i]);
    dx_hessian_result r;
    ck_assert_int_eq(dx_hessian(tu_ctx, f, NULL, 0, NULL, NULL, 0, &r), DX_OK);
    char why[300];
    for (size_t i = 0; i < r.n; i++) {
        dx_expr *gi = dx_derivative(tu_ctx, f, r.vars[i], 1);
        ck_assert_msg(tu_check_default(f, gi, r.vars[i], why, sizeof why) >= 5, "%s: %s", functions[_i], why);
        for (size_t j = 0; j < r.n; j++) {
            ck_assert_ptr_eq(r.entry[i * r.n + j], r.entry[j * r.n + i]);
            ck_assert_msg(tu_check_default(gi, r.entry[i * r.n + j], r.vars[j], why, sizeof why) >= 5,
                          "%s, d/d%s d/d%s: %s", functions[_i], r.vars[i], r.vars[j], why);
        }
    }
}
END_TEST

/* Exact values at a point, and the determinant (textbook: f = x^3 - 3xy + y^3). */
typedef struct at_row {
    const char *f, *vars, *point[3], *value[3];
    size_t nvars, npoint;
    const char *h[9], *det;
    double det_num;
} at_row;

static const at_row at_rows[] = {
    {"x^3 - 3*x*y + y^3", NULL, {"x", "y"}, {"1", "1"}, 0, 2, {"6", "-3", "-3", "6"}, "27", 27},
    {"x^3 - 3*x*y + y^3", NULL, {"x", "y"}, {"0", "0"}, 0, 2, {"0", "-3", "-3", "0"}, "-9", -9},
    {"x^2 - y^2", NULL, {"x", "y"}, {"1/2", "7"}, 0, 2, {"2", "0", "0", "-2"}, "-4", -4},
    {"sin(x*y) + x^2", NULL, {"x", "y"}, {"pi/2", "1"}, 0, 2, {"1", "-pi/2", "-pi/2", "-pi^2/4"}, "-pi^2/2",
     -4.934802200544679},
    {"x*y*z", NULL, {"x", "y", "z"}, {"1", "2", "3"}, 0, 3, {"0", "3", "2", "3", "0", "1", "2", "1", "0"}, "12", 12},
};

START_TEST(at_point)
{
    const at_row *w = &at_rows[_i];
    dx_expr *f = tu_parse(w->f);
    dx_expr *pt[3];
    for (size_t k = 0; k < w->npoint; k++)
        pt[k] = tu_parse(w->value[k]);
    dx_hessian_result r;
    ck_assert_int_eq(dx_hessian(tu_ctx, f, NULL, 0, w->point, pt, w->npoint, &r), DX_OK);
    ck_assert(r.at);
    for (size_t k = 0; k < r.n * r.n; k++) {
        ck_assert_str_eq(mv_printed(r.value[k]), w->h[k]);
        double want;
        ck_assert_int_eq(dx_eval_const(tu_ctx, tu_parse(w->h[k]), &want), DX_OK);
        ck_assert_double_eq_tol(r.num[k], want, 1e-12);
    }
    ck_assert_str_eq(mv_printed(r.det), w->det);
    ck_assert_double_eq_tol(r.det_num, w->det_num, 1e-12);
}
END_TEST

START_TEST(errors)
{
    dx_hessian_result r;
    dx_expr *f = tu_parse("x*y");
    const char *names[] = {"x"};
    dx_expr *one[] = {tu_parse("1")};
    ck_assert_int_eq(dx_hessian(tu_ctx, f, NULL, 0, names, one, 1, &r), DX_EUSAGE);
    ck_assert_str_eq(tu_err(tu_ctx), "no value for y at the point");
    ck_assert_int_eq(dx_hessian(tu_ctx, tu_parse("7"), NULL, 0, NULL, NULL, 0, &r), DX_EUSAGE);
    dx_expr *zero[] = {tu_parse("0"), tu_parse("0")};
    const char *xy[] = {"x", "y"};
    ck_assert_int_eq(dx_hessian(tu_ctx, tu_parse("ln(x) + y^2"), NULL, 0, xy, zero, 2, &r), DX_EDOMAIN);
    /* --var chooses and orders the rows */
    const char *yx[] = {"y", "x"};
    ck_assert_int_eq(dx_hessian(tu_ctx, tu_parse("x^3*y"), yx, 2, NULL, NULL, 0, &r), DX_OK);
    ck_assert_str_eq(mv_printed(r.entry[0]), "0");
    ck_assert_str_eq(mv_printed(r.entry[3]), "6*x*y");
}
END_TEST

static const mv_cli_row cli_rows[] = {
    {A("hessian", "x^3 - 3*x*y + y^3", "--at", "x=1,y=1"), 0, "  [ 6*x -3  ]\n  [ -3  6*y ]\nat x = 1, y = 1:"},
    {A("hessian", "x^3 - 3*x*y + y^3", "--at", "x=1,y=1"), 0, "determinant: 27\n"},
    {A("hessian", "x*y", "--format", "json"), 0, "\"vars\": [\"x\", \"y\"], \"hessian\": [[\"0\", \"1\"], [\"1\", \"0\"]]"},
    {A("hessian", "x^2*y", "--var", "y,x"), 0, "d2f/dy2 = 0\nd2f/dydx = 2*x\nd2f/dx2 = 2*y\n"},
    {A("hessian", "x*y", "--at", "x=1"), 2, "no value for y"},
    {A("hessian", "x*y", "--at", "x"), 2, "name=value"},
    {A("hessian", "x*y +", "--at", "x=1,y=2"), 2, "column"},
    {A("hessian", "--help"), 0, "second partial derivatives"},
};

START_TEST(cli_row_test) { mv_check_run(&cli_rows[_i]); }
END_TEST

/* The first 100 functions of the multivariable corpus: every entry against central
 * differences of the gradient wherever the functions are defined and smooth. */
START_TEST(corpus)
{
    FILE *in = tu_open_corpus("multivar.txt");
    char line[512], why[300];
    int compared = 0;
    for (int k = 0; k < 100 && fgets(line, sizeof line, in); k++) {
        line[strcspn(line, "\n")] = 0;
        dx_expr *f = tu_parse(line);
        dx_hessian_result r;
        ck_assert_msg(dx_hessian(tu_ctx, f, NULL, 0, NULL, NULL, 0, &r) == DX_OK, "%s: %s", line, tu_err(tu_ctx));
        for (size_t i = 0; i < r.n; i++) {
            dx_expr *gi = dx_derivative(tu_ctx, f, r.vars[i], 1);
            for (size_t j = 0; j < r.n; j++) {
                int n = tu_check_default(gi, r.entry[i * r.n + j], r.vars[j], why, sizeof why);
                ck_assert_msg(n >= 0, "%s, d/d%s d/d%s: %s", line, r.vars[i], r.vars[j], why);
                compared += n;
            }
        }
    }
    fclose(in);
    ck_assert_int_gt(compared, 2500);
}
END_TEST

static Suite *hessian_suite(void)
{
    Suite *s = suite_create("hessian");
    TCase *tc = tcase_create("hessian");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_add_loop_test(tc, entries_numeric, 0, N(functions));
    tcase_add_loop_test(tc, at_point, 0, N(at_rows));
    tcase_add_test(tc, errors);
    tcase_add_test(tc, corpus);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);
    MV_ADD_CLI_CASE(s);
    return s;
}

int main(void) { return tu_main(hessian_suite()); }
