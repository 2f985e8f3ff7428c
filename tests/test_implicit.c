/* Tests of implicit differentiation: dy/dx and d2y/dx2 of 42 curves (41 equations) against the slope and
 * curvature of the curve itself (y(x) solved numerically near a point, central differences),
 * tangents, vertical tangents, singular points, errors, the program. */
#include "dfdx.h"
#include "mvtest.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>


/* A curve and a point near it: x0 exactly, y near the branch to follow. */
typedef struct curve_row {
    const char *eq;
    double x0, y_guess;
} curve_row;

static const curve_row curves[] = {
    {"x^2 + y^2 = 25", 3, 4},
    {"x^2 + y^2 = 25", -4, -3},
    {"x*y = 1", 2, 0.5},
    {"y = x^2", 1.5, 2},
    {"x^3 + y^3 = 6*x*y", 3, 3},
    {"x^2 - y^2 = 1", 2, 1.7},
    {"x^2/4 + y^2/9 = 1", 1, 2.5},
    {"y^2 = x^3 + 1", 2, 3},
    {"sin(x*y) = x/2", 0.5, 1},
    {"x*y^3 + y = 10", 1, 2},
    {"x^2*y + y^3 = 10", 1, 2},
    {"y^2 = 4*x", 1, 2},
    {"x*y^2 + x^2*y = 6", 1, 2},
    {"ln(x*y) = x - 1", 1, 1},
    {"sqrt(x) + sqrt(y) = 3", 1, 4},
    {"x^3 - 3*x*y + y^3 = 1", 0.5, 1.45},
    {"cos(y) = x", 0.5, 1},
    {"y*exp(y) = x", 1, 0.5},
    {"x = tan(y)", 1, 0.8},
    {"x^2 + x*y + y^2 = 7", 1, 2},
    {"(x^2 + y^2)^2 = 2*(x^2 - y^2)", 1.2, 0.3},
    {"y^3 + y = x", 2, 1},
    {"x^(1/3) + y^(1/3) = 2", 1, 1},
    {"exp(y) = x^2 + 1", 1, 0.7},
    {"atan(y) = x*y", 0.5, 0.1},
    {"x*sin(y) + y*cos(x) = 1", 0.5, 0.7},
    {"y^4 - x*y = 3", 1, 1.5},
    {"1/x + 1/y = 1", 3, 1.5},
    {"x^2*y^2 = 4", 1, 2},
    {"y = sin(x + y)", 1, 0.5},
    {"x^4 + y^4 = 17", 1, 2},
    {"x*y + ln(y) = 2", 1, 1.5},
    {"(x - 1)^2 + (y + 2)^2 = 5", 2, 0},
    {"y^2 - x^2 = x*y", 1, 1.6},
    {"cosh(y) = x + 1", 1, 1.3},
    {"x*exp(y) = y", 0.2, 0.3},
    {"y^5 + x^2*y = 3", 1, 1},
    {"2*x^2 - 3*x*y + y^2 = 1", 2, 1},
    {"sqrt(x*y) = x - y", 4, 1},
    {"x^2 + 4*y^2 = 8", 2, 1},
    {"x^2 - x*y + y^2 = 3", 1, 2},
    {"exp(x*y) = 2", 1, 0.7},
};

static const char *const xy[] = {"x", "y"};

static double at(dx_prog *p, double x, double y)
{
    double v[] = {x, y}, out;
    return dx_prog_eval(p, tu_ctx, v, &out) == DX_OK ? out : NAN;
}

/* The y of the curve at x near y (secant steps on F(x, .)): the curve as a function. */
static double solve_y(dx_prog *F, double x, double y)
{
    double y1 = y * (1 + 1e-4) + 1e-4;
    for (int i = 0; i < 100; i++) {
        double f0 = at(F, x, y), f1 = at(F, x, y1);
        if (f1 == f0)
            break;
        double y2 = y1 - f1 * (y1 - y) / (f1 - f0);
        y = y1;
        y1 = y2;
        if (fabs(y1 - y) <= 1e-15 * (1 + fabs(y1)))
            break;
    }
    return y1;
}

START_TEST(curve_row_test)
{
    const curve_row *w = &curves[_i];
    dx_parse_opts eq = {NULL, 0, true};
    dx_expr *F = dx_parse_ex(tu_ctx, w->eq, strlen(w->eq), &eq, NULL);
    ck_assert_msg(F != NULL, "%s: %s", w->eq, tu_err(tu_ctx));
    dx_implicit_result r;
    ck_assert_msg(dx_implicit(tu_ctx, F, "x", "y", 2, NULL, NULL, &r) == DX_OK, "%s: %s", w->eq, tu_err(tu_ctx));
    dx_prog *pF = dx_compile(tu_ctx, F, xy, 2), *p1 = dx_compile(tu_ctx, r.dydx, xy, 2),
            *p2 = dx_compile(tu_ctx, r.d2ydx2, xy, 2);
    double h = 1e-3, y0 = solve_y(pF, w->x0, w->y_guess);
    double yl = solve_y(pF, w->x0 - h, y0), yr = solve_y(pF, w->x0 + h, y0);
    ck_assert_msg(fabs(at(pF, w->x0, y0)) < 1e-9, "%s: no point of the curve near (%g, %g)", w->eq, w->x0, w->y_guess);
    double slope = (yr - yl) / (2 * h), curv = (yr - 2 * y0 + yl) / (h * h);
    double d1 = at(p1, w->x0, y0), d2 = at(p2, w->x0, y0);
    ck_assert_msg(fabs(d1 - slope) <= 1e-5 * (1 + fabs(slope)), "%s at (%g, %g): dy/dx %.12g, the curve's slope %.12g",
                  w->eq, w->x0, y0, d1, slope);
    ck_assert_msg(fabs(d2 - curv) <= 1e-3 * (1 + fabs(curv)), "%s at (%g, %g): d2y/dx2 %.12g, the curve's %.12g", w->eq,
                  w->x0, y0, d2, curv);
    dx_prog_free(pF);
    dx_prog_free(p1);
    dx_prog_free(p2);
}
END_TEST

static dx_status implicit_at(const char *eq, const char *x0, const char *y0, unsigned order, dx_implicit_result *r)
{
    dx_parse_opts o = {NULL, 0, true};
    dx_expr *F = dx_parse_ex(tu_ctx, eq, strlen(eq), &o, NULL);
    ck_assert_ptr_nonnull(F);
    return dx_implicit(tu_ctx, F, "x", "y", order, x0 ? tu_parse(x0) : NULL, y0 ? tu_parse(y0) : NULL, r);
}

START_TEST(circle)
{
    dx_implicit_result r;
    ck_assert_int_eq(implicit_at("x^2 + y^2 = 25", "3", "4", 2, &r), DX_OK);
    ck_assert_str_eq(mv_printed(r.dydx), "-x/y");
    ck_assert_str_eq(mv_printed(r.d2ydx2), "-(x^2 + y^2)/y^3");
    ck_assert_int_eq(r.kind, DX_IMPLICIT_LINE);
    ck_assert_str_eq(mv_printed(r.slope), "-3/4");
    ck_assert_str_eq(mv_printed(r.line), "25/4 - 3*x/4");
    ck_assert_str_eq(mv_printed(r.second), "-25/64");
    /* the tangent touches the curve at the point */
    ck_assert_int_eq(implicit_at("x^2 + y^2 = 25", "5", "0", 1, &r), DX_OK);
    ck_assert_int_eq(r.kind, DX_IMPLICIT_VERTICAL);
    ck_assert_int_eq(implicit_at("y^2 = x^3", "0", "0", 1, &r), DX_OK);
    ck_assert_int_eq(r.kind, DX_IMPLICIT_SINGULAR);
    ck_assert_int_eq(implicit_at("x^2 + y^2 = 25", "3", "5", 1, &r), DX_EUSAGE);
    ck_assert_str_eq(tu_err(tu_ctx), "the point (3, 5) is not on the curve: F there is 9, not 0");
    /* irrational points on the curve: exact where the simplifier closes them, else to rounding */
    ck_assert_int_eq(implicit_at("x^2 + y^2 = 4", "1", "sqrt(3)", 1, &r), DX_OK);
    ck_assert_str_eq(mv_printed(r.slope), "-sqrt(3)/3");
    ck_assert_int_eq(implicit_at("y = sin(x)", "pi/6", "1/2", 1, &r), DX_OK);
    ck_assert_str_eq(mv_printed(r.slope), "sqrt(3)/2");
}
END_TEST

START_TEST(errors)
{
    dx_implicit_result r;
    ck_assert_int_eq(implicit_at("x^2 + y^2 + z = 25", NULL, NULL, 1, &r), DX_EUSAGE);
    ck_assert_int_eq(implicit_at("x^2 = 4", NULL, NULL, 1, &r), DX_EUSAGE);
    ck_assert_int_eq(implicit_at("x*y = 1", NULL, NULL, 3, &r), DX_EUSAGE);
    ck_assert_int_eq(implicit_at("ln(x) + y = 1", "-1", "1", 1, &r), DX_EDOMAIN);
    /* without the option an equation stays an error of the grammar */
    ck_assert_ptr_null(dx_parse(tu_ctx, "x^2 + y^2 = 25", 14));
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->msg.id, DX_M_EQUATION);
}
END_TEST

static const mv_cli_row cli_rows[] = {
    {A("x^2 + y^2 = 25"), 0, "-x/y\n"},
    {A("implicit", "x^2 + y^2 = 25", "--at", "x=3,y=4"), 0, "slope there: -3/4\ntangent: y = 25/4 - 3*x/4\n"},
    {A("implicit", "x^2 + y^2 = 25", "--at", "x=-5,y=0"), 0, "vertical tangent: x = -5"},
    {A("implicit", "x^2 + y^2 = 25", "--at", "x=3,y=4", "--order", "2", "--format", "json"), 0,
     "\"derivative\": \"-x/y\", \"second_derivative\": \"-(x^2 + y^2)/y^3\""},
    {A("implicit", "u*v = 1", "--var", "u,v"), 0, "-v/u\n"},
    {A("implicit", "x^2 + y^2 = 25", "--at", "x=3,y=5"), 2, "not on the curve"},
    {A("implicit", "x^2 + y^2 = 25", "--at", "x=3"), 2, "both coordinates"},
    {A("implicit", "x^2 + y^2 = = 25"), 2, "column"},
    {A("diff", "x^2 + y^2 = 25"), 2, "dfdx implicit"},
};

START_TEST(cli_row_test) { mv_check_run(&cli_rows[_i]); }
END_TEST

static Suite *implicit_suite(void)
{
    Suite *s = suite_create("implicit");
    TCase *tc = tcase_create("implicit");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_add_loop_test(tc, curve_row_test, 0, N(curves));
    tcase_add_test(tc, circle);
    tcase_add_test(tc, errors);
    suite_add_tcase(s, tc);
    MV_ADD_CLI_CASE(s);
    return s;
}

int main(void) { return tu_main(implicit_suite()); }
