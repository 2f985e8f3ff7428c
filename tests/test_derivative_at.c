/* Derivatives at a point: dfdx diff --at, dfdx grad with w=1 b=2 (derivative_at.c). Every
 * value is checked against a central difference of f itself, and the program's text against
 * what a learner reads. */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* f, the variables differentiated by, the point (every variable of f), as typed. */
static const struct {
    const char *f, *by[4], *names[4], *values[4];
} points[] = {
    {"x^3 - 3*x", {"x"}, {"x"}, {"2"}},
    {"sin(x)", {"x"}, {"x"}, {"pi/3"}},
    {"(w*x + b - y)^2", {"w", "b"}, {"w", "b", "x", "y"}, {"1", "2", "2", "3"}},
    {"sigmoid(w*x + b)", {"w", "b"}, {"w", "b", "x"}, {"1/2", "-1", "3"}},
    {"ln(1 + exp(-y*(w*x + b)))", {"w", "b"}, {"w", "b", "x", "y"}, {"0.3", "0.1", "2", "-1"}},
    {"relu(w1*x + b1)*w2", {"w1", "b1", "w2"}, {"w1", "b1", "w2", "x"}, {"0.5", "0.25", "-2", "1.5"}},
    {"x^x", {"x"}, {"x"}, {"e"}},
    {"sqrt(x^2 + y^2)", {"x", "y"}, {"x", "y"}, {"3", "4"}},
    {"atan(y/x)", {"x", "y"}, {"x", "y"}, {"1", "sqrt(3)"}},
    {"tanh(a*t)^2 + softplus(t)", {"a", "t"}, {"a", "t"}, {"2", "-0.7"}},
};

/* The value of f at the point with variable k moved by h, by the compiled evaluator. */
static double f_at(dx_prog *p, const double *pt, size_t n, size_t k, double h)
{
    double v[4];
    memcpy(v, pt, n * sizeof *v);
    v[k] += h;
    double out;
    return dx_prog_eval(p, tu_ctx, v, &out) == DX_OK ? out : NAN;
}

START_TEST(values_match_central_differences)
{
    size_t n = 0, nby = 0;
    while (n < 4 && points[_i].names[n])
        n++;
    while (nby < 4 && points[_i].by[nby])
        nby++;
    dx_expr *f = tu_parse(points[_i].f), *vals[4], *d[4];
    double pt[4];
    for (size_t k = 0; k < n; k++) {
        vals[k] = tu_parse(points[_i].values[k]);
        ck_assert_int_eq(dx_eval_const(tu_ctx, vals[k], &pt[k]), DX_OK);
    }
    for (size_t i = 0; i < nby; i++)
        ck_assert_ptr_nonnull(d[i] = dx_derivative(tu_ctx, f, points[_i].by[i], 1));
    dx_at at;
    ck_assert_msg(dx_derivatives_at(tu_ctx, d, nby, points[_i].names, vals, n, &at) == DX_OK, "%s", tu_err(tu_ctx));
    ck_assert_uint_eq(at.n, nby);
    dx_prog *p = dx_compile(tu_ctx, f, points[_i].names, n);
    ck_assert_ptr_nonnull(p);
    for (size_t i = 0; i < nby; i++) {
        size_t k = 0;
        while (strcmp(points[_i].names[k], points[_i].by[i]) != 0)
            k++;
        /* Richardson on central differences: (4*D(h/2) - D(h))/3 */
        double h = 1e-3 * fmax(1, fabs(pt[k]));
        double dh = (f_at(p, pt, n, k, h) - f_at(p, pt, n, k, -h)) / (2 * h);
        double dh2 = (f_at(p, pt, n, k, h / 2) - f_at(p, pt, n, k, -h / 2)) / h;
        double est = (4 * dh2 - dh) / 3;
        ck_assert_ptr_nonnull(at.value[i].input); /* every variable has a value: a number */
        double v = at.value[i].value;
        ck_assert_msg(fabs(v - est) <= 1e-7 * fmax(1, fabs(est)), "%s: d/d%s = %.17g, central difference %.17g",
                      points[_i].f, points[_i].by[i], v, est);
    }
    dx_prog_free(p);
}
END_TEST

/* What the program prints: the derivative, then its value; exact where it is exact. */
#define A(...) {__VA_ARGS__, NULL}
static const struct {
    const char *argv[12];
    int status;
    const char *out, *err;
} rows[] = {
    {A("diff", "x^3 - 3*x", "--at", "2"), 0, "3*x^2 - 3\nat x = 2: 9\n", ""},
    {A("diff", "sin(x)", "--at", "pi/3"), 0, "cos(x)\nat x = pi/3: 1/2 = 0.5\n", ""},
    {A("diff", "x^3", "--order", "2", "--at", "-1/2"), 0, "6*x\nat x = -1/2: -3\n", ""},
    {A("diff", "w*x^2", "--at", "x=2"), 0, "2*w*x\nat x = 2: 4*w\n", ""},
    {A("diff", "w*x^2", "--at", "x=2,w=1/2", "--format", "json"), 0,
     "{\"input\": \"w*x^2\", \"variable\": \"x\", \"order\": 1, \"derivative\": \"2*w*x\", \"latex\": \"2 w x\", "
     "\"at\": {\"x\": \"2\", \"w\": \"1/2\"}, \"value\": {\"exact\": \"2\", \"value\": 2}}\n",
     ""},
    {A("grad", "(w*x + b - y)^2", "--var", "w,b", "x=2", "y=3"), 0,
     "d/dw = 2*x*(w*x + b - y)\nd/db = 2*(w*x + b - y)\nat x = 2, y = 3:\nd/dw = 4*(b + 2*w - 3)\nd/db = 2*(b + 2*w - 3)\n",
     ""},
    {A("grad", "x^2*y", "x=1", "y=-2", "--format", "json"), 0,
     "{\"gradient\": {\"x\": \"2*x*y\", \"y\": \"x^2\"}, \"at\": {\"x\": \"1\", \"y\": \"-2\"}, \"values\": "
     "{\"x\": {\"exact\": \"-4\", \"value\": -4}, \"y\": {\"exact\": \"1\", \"value\": 1}}}\n",
     ""},
    {A("diff", "relu(x)", "--at", "0"), 2, "", "dfdx: step(x) is undefined at that point: step is undefined at 0 (it jumps there)\n"},
    {A("diff", "x^2", "--at", "y=2"), 2, "", "dfdx: y is not a variable of the expression\n"},
    {A("grad", "x*y", "x=1", "x=2"), 2, "", "dfdx: x is given twice\n"},
    {A("grad", "x*y", "3"), 2, "", "dfdx: '3' is not a value: write it as V=VALUE, e.g. x=1/2\n"},
};

START_TEST(program_text)
{
    char *out, *err;
    int st = tu_run(rows[_i].argv, NULL, &out, &err);
    ck_assert_msg(st == rows[_i].status, "%s: status %d, %s", rows[_i].argv[1], st, err);
    ck_assert_str_eq(out, rows[_i].out);
    ck_assert_str_eq(err, rows[_i].err);
    free(out);
    free(err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("derivative_at");
    TCase *tc = tcase_create("at");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_add_loop_test(tc, values_match_central_differences, 0, sizeof points / sizeof points[0]);
    tcase_add_loop_test(tc, program_text, 0, sizeof rows / sizeof rows[0]);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
