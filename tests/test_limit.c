/* Tests of limits: exact answers, one-sided cases, infinity, numbers, kinks and the CLI. */
#include "dfdx.h"
#include "eval.h"
#include "expr.h"
#include "limit.h"
#include "testutil.h"
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static dx_point point(const char *at)
{
    if (strcmp(at, "oo") == 0)
        return (dx_point){NULL, 1};
    if (strcmp(at, "-oo") == 0)
        return (dx_point){NULL, -1};
    return (dx_point){tu_parse(at), 0};
}

/* One side's answer as a short text: the exact value printed, "~0.5" for a numeric one,
 * "oo", "-oo", "osc", "undef" or "?". */
static void side_text(const dx_lim *l, char *buf, size_t n)
{
    switch (l->kind) {
    case DX_LIM_VALUE:
        if (l->exact) {
            char *s = dx_print(tu_ctx, l->exact, DX_PLAIN);
            snprintf(buf, n, "%s", s);
            free(s);
        } else {
            snprintf(buf, n, "~%.6g", l->value);
        }
        break;
    case DX_LIM_POS_INF: snprintf(buf, n, "oo"); break;
    case DX_LIM_NEG_INF: snprintf(buf, n, "-oo"); break;
    case DX_LIM_OSCILLATES: snprintf(buf, n, "osc"); break;
    case DX_LIM_UNDEFINED: snprintf(buf, n, "undef"); break;
    default: snprintf(buf, n, "?"); break;
    }
}

/* ---- one-sided limits, exact where the issue asks for exact ---- */

static const struct { const char *f, *at, *left, *right, *method; } side_rows[] = {
    /* the examples */
    { "(x^2 - 1)/(x - 1)",  "1",   "2",     "2",     "l'Hopital" },
    { "sin(x)/x",           "0",   "1",     "1",     "l'Hopital" },
    { "(1 + x)^(1/x)",      "0",   "e",     "e",     "exp(lim ln)" },
    { "x*ln(x)",            "0",   "undef", "0",     "l'Hopital" },
    { "abs(x)/x",           "0",   "-1",    "1",     "abs/relu" },
    { "1/(x+1)",            "-1",  "-oo",   "oo",    "approach to 0" },
    { "(1 - cos(x))/x^2",   "0",   "1/2",   "1/2",   "2 rounds" },
    { "ln(x)",              "0",   "undef", "-oo",   "" },
    { "sin(1/x)",           "0",   "osc",   "osc",   "numeric" },
    /* more of the kind students meet */
    { "x^2 + 1",            "2",   "5",     "5",     "substitution" },
    { "relu(x)",            "0",   "0",     "0",     "" },
    { "sqrt(x)",            "0",   "undef", "0",     "" },
    { "1/x^2",              "0",   "oo",    "oo",    "" },
    { "-1/x^2",             "0",   "-oo",   "-oo",   "" },
    { "x^x",                "0",   "undef", "1",     "exp(lim ln)" },
    { "x^2*e^(1/x)",        "0",   "0",     "oo",    "" },
    { "1/x - 1/sin(x)",     "0",   "0",     "0",     "one denominator" },
    { "(e^x - 1)/x",        "0",   "1",     "1",     "l'Hopital" },
    { "tan(x)",             "pi/2", "oo",   "-oo",   "numeric" },
    { "x*sin(1/x)",         "0",   "~0",    "~0",    "numeric" },
    { "(x^3 - 8)/(x - 2)",  "2",   "12",    "12",    "" },
    { "relu(x)/x",          "0",   "0",     "1",     "abs/relu" },
    { "sqrt(1 - x^2)",      "1",   "0",     "undef", "" },
};

START_TEST(side_row)
{
    const char *f = side_rows[_i].f;
    dx_expr *e = tu_parse(f), *x = dx_sym(tu_ctx, "x", 1);
    dx_point p = point(side_rows[_i].at);
    dx_lim l, r;
    char lt[64], rt[64];
    ck_assert_msg(dx_limit_side(tu_ctx, e, x, p, -1, &l) == DX_OK, "%s: left failed: %s", f, dx_ctx_error(tu_ctx)->msg);
    ck_assert_msg(dx_limit_side(tu_ctx, e, x, p, 1, &r) == DX_OK, "%s: right failed: %s", f, dx_ctx_error(tu_ctx)->msg);
    side_text(&l, lt, sizeof lt);
    side_text(&r, rt, sizeof rt);
    ck_assert_msg(strcmp(lt, side_rows[_i].left) == 0 && strcmp(rt, side_rows[_i].right) == 0,
                  "%s at %s: left %s right %s, want %s and %s", f, side_rows[_i].at, lt, rt, side_rows[_i].left,
                  side_rows[_i].right);
    const char *m = side_rows[_i].method;
    ck_assert_msg(strstr(l.method, m) || strstr(r.method, m), "%s: method '%s' / '%s' lacks '%s'", f, l.method,
                  r.method, m);
    /* an exact answer must agree with the function's values close by */
    const dx_lim *sides[2] = {&l, &r};
    for (int k = 0; k < 2; k++) {
        if (sides[k]->kind != DX_LIM_VALUE || p.inf)
            continue;
        double a, v = NAN;
        bool near = false;
        dx_eval_const(tu_ctx, p.at, &a);
        for (double h = 1e-3; h >= 1e-7 && !near; h /= 10) {
            v = tu_eval(e, "x", a + (k ? h : -h));
            near = fabs(v - sides[k]->value) < 1e-2;
        }
        ck_assert_msg(near, "%s: limit %g but f near A is %g", f, sides[k]->value, v);
    }
}
END_TEST

/* ---- at +-oo: rational functions by degree, and the other classics ---- */

static const struct { const char *f, *at, *want, *method; } inf_rows[] = {
    { "(3x^2 + 1)/(2x^2 - x)",  "oo",  "3/2", "degrees" },
    { "(3x^2 + 1)/(2x^2 - x)",  "-oo", "3/2", "degrees" },
    { "(x + 1)/(x^2 + 1)",      "oo",  "0",   "degrees" },
    { "(x^3 + 1)/(x^2 + 1)",    "oo",  "oo",  "degrees" },
    { "(x^3 + 1)/(x^2 + 1)",    "-oo", "-oo", "degrees" },
    { "(x^4 + 1)/(1 - x)",      "-oo", "oo",  "degrees" },
    { "(x^4 + 1)/(1 - x)",      "oo",  "-oo", "degrees" },
    { "(2x - 1)^2/(x^2 + x)",   "oo",  "4",   "degrees" },
    { "x^2 - x^3",              "oo",  "-oo", "degrees" },
    { "x^2 - x^3",              "-oo", "oo",  "" },
    { "pi*x/(x + 1)",           "oo",  "pi",  "degrees" },
    { "e^x",                    "oo",  "oo",  "" },
    { "e^x",                    "-oo", "0",   "" },
    { "atan(x)",                "-oo", "-pi/2", "" },
    { "(1 + 1/x)^x",            "oo",  "e",   "exp(lim ln)" },
    { "x^(1/x)",                "oo",  "1",   "" },
    { "ln(x)/x",                "oo",  "0",   "l'Hopital" },
    { "sin(x)",                 "oo",  "osc", "numeric" },
    { "sqrt(x^2 + x) - x",      "oo",  "~0.5", "numeric" },
};

START_TEST(inf_row)
{
    const char *f = inf_rows[_i].f;
    dx_expr *e = tu_parse(f), *x = dx_sym(tu_ctx, "x", 1);
    dx_point p = point(inf_rows[_i].at);
    dx_lim l;
    char t[64];
    ck_assert_msg(dx_limit_side(tu_ctx, e, x, p, -p.inf, &l) == DX_OK, "%s: failed: %s", f, dx_ctx_error(tu_ctx)->msg);
    side_text(&l, t, sizeof t);
    ck_assert_msg(strcmp(t, inf_rows[_i].want) == 0, "%s at %s: %s, want %s", f, inf_rows[_i].at, t, inf_rows[_i].want);
    ck_assert_msg(strstr(l.method, inf_rows[_i].method), "%s: method '%s' lacks '%s'", f, l.method, inf_rows[_i].method);
    /* at infinity only one side exists */
    ck_assert_int_eq(dx_limit_side(tu_ctx, e, x, p, p.inf, &l), DX_EUSAGE);
    dx_ctx_clear_error(tu_ctx);
}
END_TEST

/* Naive evaluation of (1 - cos(x))/x^2 near 0 cancels to 0; the limit is exactly 1/2. */
START_TEST(nasty_cancellation)
{
    dx_expr *e = tu_parse("(1 - cos(x))/x^2"), *x = dx_sym(tu_ctx, "x", 1);
    double naive = tu_eval(e, "x", 1e-8);
    ck_assert_msg(fabs(naive - 0.5) > 0.1, "naive value %g: the test lost its point", naive);
    dx_limit_report r;
    ck_assert_int_eq(dx_limit(tu_ctx, e, x, point("0"), false, false, &r), DX_OK);
    ck_assert(r.exists && r.value.exact == dx_frac(tu_ctx, 1, 2) && !r.value.numeric);
    ck_assert_int_eq(r.continuous, 0);
}
END_TEST

/* ---- two sides, continuity, differentiability ---- */

static const struct { const char *f, *at; int exists, continuous, differentiable; const char *dl, *dr; } report_rows[] = {
    { "relu(x)",            "0",  1, 1, 0, "0",  "1" },
    { "abs(x)",             "0",  1, 1, 0, "-1", "1" },
    { "x^2",                "3",  1, 1, 1, "6",  "6" },
    { "abs(x - 1)",         "1",  1, 1, 0, "-1", "1" },
    { "1/(x+1)",            "-1", 0, 0, 0, NULL, NULL },
    { "abs(x)/x",           "0",  0, 0, 0, NULL, NULL },
    { "(x^2 - 1)/(x - 1)",  "1",  1, 0, 0, NULL, NULL },
    { "sin(x)",             "0",  1, 1, 1, "1",  "1" },
    { "ln(x)",              "0",  0, 0, 0, NULL, NULL },
    { "sqrt(x)",            "0",  0, 1, 0, NULL, "oo" },
};

START_TEST(report_row)
{
    const char *f = report_rows[_i].f;
    dx_expr *e = tu_parse(f), *x = dx_sym(tu_ctx, "x", 1);
    dx_limit_report r;
    char t[64];
    ck_assert_msg(dx_limit(tu_ctx, e, x, point(report_rows[_i].at), false, false, &r) == DX_OK, "%s failed", f);
    ck_assert_msg(r.exists == report_rows[_i].exists && r.continuous == report_rows[_i].continuous &&
                      r.differentiable == report_rows[_i].differentiable,
                  "%s: exists %d continuous %d differentiable %d", f, r.exists, r.continuous, r.differentiable);
    if (report_rows[_i].dl) {
        side_text(&r.dleft, t, sizeof t);
        ck_assert_msg(strcmp(t, report_rows[_i].dl) == 0, "%s: left derivative %s", f, t);
    }
    if (report_rows[_i].dr) {
        side_text(&r.dright, t, sizeof t);
        ck_assert_msg(strcmp(t, report_rows[_i].dr) == 0, "%s: right derivative %s", f, t);
    }
    /* finite one-sided derivatives against one-sided difference quotients */
    double a;
    dx_eval_const(tu_ctx, point(report_rows[_i].at).at, &a);
    const dx_lim *d[2] = {&r.dleft, &r.dright};
    for (int k = 0; k < 2; k++) {
        if (r.continuous != 1 || d[k]->kind != DX_LIM_VALUE)
            continue;
        double h = k ? 1e-6 : -1e-6;
        double q = (tu_eval(e, "x", a + h) - tu_eval(e, "x", a)) / h;
        ck_assert_msg(fabs(q - d[k]->value) < 1e-4, "%s: one-sided derivative %g, difference quotient %g", f,
                      d[k]->value, q);
    }
}
END_TEST

START_TEST(kinks_found)
{
    dx_expr *x = dx_sym(tu_ctx, "x", 1), *args[4];
    dx_expr *e = tu_parse("relu(2x - 1) + abs(x) + abs(x) * relu(2x - 1) + sin(x)");
    ck_assert_uint_eq(dx_kinks(tu_ctx, e, x, args, 4), 2);
    dx_expr *r0 = dx_linear_root(tu_ctx, args[0], x), *r1 = dx_linear_root(tu_ctx, args[1], x);
    ck_assert(r0 && r1);
    ck_assert((r0 == dx_int(tu_ctx, 0) && r1 == dx_frac(tu_ctx, 1, 2)) || (r1 == dx_int(tu_ctx, 0) && r0 == dx_frac(tu_ctx, 1, 2)));
    ck_assert_ptr_null(dx_linear_root(tu_ctx, tu_parse("x^2 - 1"), x));
    ck_assert_uint_eq(dx_kinks(tu_ctx, tu_parse("abs(y) + x"), x, args, 4), 0);
}
END_TEST

/* ---- the program ---- */

static const struct { const char *argv[8]; int status; const char *out, *err; } cli_rows[] = {
    { {"limit", "(x^2 - 1)/(x - 1)", "--at", "1", NULL}, 0,
      "left:  2\nright: 2\nlimit: 2\nmethod: l'Hopital's rule (1 round)\nf(1): undefined (division by zero)\n"
      "continuous at 1: no (removable discontinuity: the limit exists but f(1) is undefined)\n"
      "differentiable at 1: no (not continuous)\n", "" },
    { {"limit", "relu(x)", "--at", "0", NULL}, 0,
      "differentiable at 0: no (left derivative 0, right derivative 1; sub-gradients [0, 1])\n", "" },
    { {"limit", "1/(x+1)", "--at", "-1", NULL}, 0, "limit: does not exist (left -oo, right oo)\n", "" },
    { {"limit", "(1 + x)^(1/x)", "--at", "0", NULL}, 0, "limit: e (2.718281828)\n", "" },
    { {"limit", "(1 - cos(x))/x^2", "--at", "0", NULL}, 0, "limit: 1/2 (0.5)\n", "" },
    { {"limit", "ln(x)", "--at", "0", "--side", "left", NULL}, 0, "left:  undefined (f is not defined on this side)\n", "" },
    { {"limit", "x*ln(x)", "--at", "0", "--side", "right", NULL}, 0, "right: 0\nlimit: 0\n", "" },
    { {"limit", "sin(1/x)", "--at", "0", NULL}, 0, "limit: does not exist (oscillates)\n", "" },
    { {"limit", "(3x^2 + 1)/(2x^2 - x)", "--at", "oo", NULL}, 0, "x -> oo: 3/2 (1.5)\nmethod: degrees compared\n", "" },
    { {"limit", "e^x", "--at", "-oo", NULL}, 0, "x -> -oo: 0\n", "" },
    { {"limit", "t^2", "--at", "pi/2", NULL}, 0, "limit: pi^2/4 (2.4674011)\n", "" },
    { {"limit", "abs(x)/x", "--at", "0", "--format", "json", NULL}, 0,
      "\"left\": \"-1\", \"left_numeric\": -1, \"right\": \"1\", \"right_numeric\": 1, \"exists\": false, "
      "\"value\": null", "" },
    { {"limit", "1/x^2", "--at", "0", "--format", "json", NULL}, 0,
      "\"exists\": true, \"value\": \"oo\", \"value_numeric\": \"oo\"", "" },
    { {"limit", "relu(x)", "--at", "0", "--format", "json", NULL}, 0,
      "\"continuous\": true, \"f_at\": \"0\", \"differentiable\": false, \"left_derivative\": \"0\"", "" },
    /* bad input */
    { {"limit", "x^2", NULL}, 2, "", "dfdx: limit needs --at" },
    { {"limit", "x^2", "--at", "y", NULL}, 2, "", "dfdx: --at: takes a number, a constant expression like pi/2, or oo/-oo (not 'y', which has the variable y)\n" },
    { {"limit", "x^2", "--at", "1/0", NULL}, 2, "", "division by zero" },
    { {"limit", "1/x", "--at", "+inf", NULL}, 0, "x -> oo: 0\n", "" },
    { {"limit", "1/x", "--at", "-\xE2\x88\x9E", NULL}, 0, "x -> -oo: 0\n", "" },
    { {"limit", "x^2", "--at", "1", "--side", "up", NULL}, 2, "", "--side takes both, left or right" },
    { {"limit", "x^2", "--at", "oo", "--side", "right", NULL}, 2, "", "at oo only the left side exists" },
    { {"limit", "a*b", "--at", "1", NULL}, 2, "", "several variables" },
    { {"limit", "x*y", "--at", "1", "--var", "x", NULL}, 2, "", "y has no value" },
    { {"limit", "x^ ", "--at", "1", NULL}, 2, "", "syntax error" },
    { {"limit", "x", "--at", "1e999", NULL}, 2, "", "dfdx:" },
    /* dfdx diff names the kinks on stderr; stdout stays an expression */
    { {"diff", "abs(x)", NULL}, 0, "abs(x)/x\n",
      "dfdx: note: f is not differentiable at x = 0 (kink where x = 0): left derivative -1, right derivative 1\n" },
    { {"diff", "relu(x)", NULL}, 0, "relu(x)/x\n",
      "dfdx: note: f is not differentiable at x = 0 (kink where x = 0): left derivative 0, right derivative 1\n" },
    { {"diff", "abs(x^2 - 1)", NULL}, 0, "", "undefined where x^2 - 1 = 0" },
    { {"diff", "x^2", NULL}, 0, "2*x\n", "" },
};

START_TEST(cli_row)
{
    char *out = NULL, *err = NULL;
    int st = tu_run(cli_rows[_i].argv, NULL, &out, &err);
    const char *what = cli_rows[_i].argv[1];
    ck_assert_msg(st == cli_rows[_i].status, "%s: exit %d, want %d (stderr: %s)", what, st, cli_rows[_i].status, err);
    ck_assert_msg(strstr(out, cli_rows[_i].out) != NULL, "%s: stdout\n%s\nlacks\n%s", what, out, cli_rows[_i].out);
    if (cli_rows[_i].err[0])
        ck_assert_msg(strstr(err, cli_rows[_i].err) != NULL, "%s: stderr '%s' lacks '%s'", what, err, cli_rows[_i].err);
    else
        ck_assert_msg(err[0] == 0, "%s: unexpected stderr '%s'", what, err);
    free(out);
    free(err);
}
END_TEST

#define N(rows) ((int)(sizeof rows / sizeof rows[0]))

static Suite *suite(void)
{
    Suite *s = suite_create("limit");
    TCase *t = tcase_create("sides");
    tcase_add_checked_fixture(t, tu_setup, tu_teardown);
    tcase_add_loop_test(t, side_row, 0, N(side_rows));
    tcase_add_loop_test(t, inf_row, 0, N(inf_rows));
    tcase_add_test(t, nasty_cancellation);
    suite_add_tcase(s, t);
    t = tcase_create("report");
    tcase_add_checked_fixture(t, tu_setup, tu_teardown);
    tcase_add_loop_test(t, report_row, 0, N(report_rows));
    tcase_add_test(t, kinks_found);
    suite_add_tcase(s, t);
    t = tcase_create("cli");
    tcase_set_timeout(t, 60);
    tcase_add_loop_test(t, cli_row, 0, N(cli_rows));
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_main(suite());
}
