/* Differentiation: the form of the result (golden strings) and its value (central differences). */
#include "diff.h"
#include "fn.h"
#include "simplify.h"
#include "testutil.h"
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Differentiate, check against a central difference, return the printed result (static). */
static const char *D(const char *f, const char *var, unsigned order)
{
    static char out[4096];
    dx_expr *e = tu_parse(f), *d = e;
    for (unsigned k = 0; k < order; k++) {
        dx_expr *prev = d;
        d = dx_diff(tu_ctx, prev, var, 1);
        ck_assert_msg(d != NULL, "d/d%s %s: %s", var, f, tu_err(tu_ctx));
        char why[200];
        int n = tu_check_default(prev, d, var, why, sizeof why);
        ck_assert_msg(n != -1, "d/d%s of %s (order %u) is wrong: %s", var, f, k + 1, why);
        ck_assert_msg(n >= 3 || dx_is_num(d), "d/d%s of %s: only %d points could be checked", var, f, n);
    }
    char *s = dx_print(tu_ctx, d, DX_PLAIN);
    snprintf(out, sizeof out, "%s", s);
    free(s);
    return out;
}

static const struct { const char *f, *var; unsigned order; const char *want; } rows[] = {
    {"x^2", "x", 1, "2*x"},
    {"x^3 - 3*x", "x", 1, "3*x^2 - 3"},
    {"4x^3 - 2x^2 + x - 7", "x", 1, "12*x^2 - 4*x + 1"},
    {"(w*x - y)^2", "w", 1, "2*x*(w*x - y)"},
    {"w^4 - 8*w^2 + 2*w + 20", "w", 1, "4*w^3 - 16*w + 2"},
    {"ln(x)", "x", 1, "1/x"},
    {"1/(x + 1)", "x", 1, "-1/(x + 1)^2"},
    {"sin(x^2)", "x", 1, "2*x*cos(x^2)"},
    {"x^(1/3)", "x", 1, "1/(3*x^(2/3))"},
    {"e^x", "x", 1, "e^x"},
    {"x*ln(x)", "x", 1, "ln(x) + 1"},
    {"3*x^2", "x", 2, "6"},
    {"x^40", "x", 30, "224844379201911853600532206127677440000000*x^10"},
    {"sqrt(x)", "x", 1, "1/(2*sqrt(x))"},
    {"exp(x^2)", "x", 1, "2*x*e^(x^2)"},
    {"2^x", "x", 1, "2^x*ln(2)"},
    {"x^x", "x", 1, "x^x*(ln(x) + 1)"},
    {"log10(x)", "x", 1, "1/(x*ln(10))"},
    {"log(x, 2)", "x", 1, "1/(x*ln(2))"},
    {"tan(x)", "x", 1, "sec(x)^2"},
    {"cot(x)", "x", 1, "-csc(x)^2"},
    {"sec(x)", "x", 1, "sec(x)*tan(x)"},
    {"csc(x)", "x", 1, "-csc(x)*cot(x)"},
    {"asin(x)", "x", 1, "1/sqrt(1 - x^2)"},
    {"acos(x)", "x", 1, "-1/sqrt(1 - x^2)"},
    {"atan(x)", "x", 1, "1/(x^2 + 1)"},
    {"sinh(x)", "x", 1, "cosh(x)"},
    {"cosh(x)", "x", 1, "sinh(x)"},
    {"tanh(x)", "x", 1, "1 - tanh(x)^2"},
    {"abs(x)", "x", 1, "sign(x)"},
    {"relu(x)", "x", 1, "step(x)"},
    {"sigmoid(x)", "x", 1, "sigmoid(x)*(1 - sigmoid(x))"},
    {"sigmoid(w*x + b)", "w", 1, "x*sigmoid(w*x + b)*(1 - sigmoid(w*x + b))"},
    {"(sigmoid(w*x + b) - y)^2", "b", 1, "2*sigmoid(w*x + b)*(1 - sigmoid(w*x + b))*(sigmoid(w*x + b) - y)"},
    {"softplus(x)", "x", 1, "sigmoid(x)"},
    {"softplus(x^2)", "x", 1, "2*x*sigmoid(x^2)"},
    {"step(x)", "x", 1, "0"},
    {"sign(x)", "x", 1, "0"},
    {"max(0, x)", "x", 1, "step(x)"},
    {"max(x, 0)", "x", 1, "step(x)"},
    {"min(0, x)", "x", 1, "step(-x)"},
    {"max(x^2, 2x)", "x", 1, "2*x + (2 - 2*x)*step(2*x - x^2)"},
    {"min(x, 1)", "x", 1, "1 - step(x - 1)"},
    {"leaky_relu(x, 1/10)", "x", 1, "9*step(x)/10 + 1/10"},
    {"leaky_relu(x)", "x", 1, "99*step(x)/100 + 1/100"},
    {"(w2*relu(w1*x + b1) + b2 - y)^2", "w1", 1, "2*w2*x*step(w1*x + b1)*(b2 + w2*relu(w1*x + b1) - y)"},
    {"erf(x)", "x", 1, "2*e^(-x^2)/sqrt(pi)"},
    {"erf(x^2)", "x", 1, "4*x*e^(-x^4)/sqrt(pi)"},
    {"erf(-x)", "x", 1, "-2*e^(-x^2)/sqrt(pi)"},
    {"erf(x)^2", "x", 2, "8*e^(-2*x^2)/pi - 8*x*e^(-x^2)*erf(x)/sqrt(pi)"},
    {"erf(sin(x))", "x", 1, "2*e^(-sin(x)^2)*cos(x)/sqrt(pi)"},
    {"sin(x)*cos(x)", "x", 1, "cos(x)^2 - sin(x)^2"},
    {"(1 - x)^7", "x", 1, "-7*(1 - x)^6"},
    {"1/(1 + exp(-x))", "x", 1, "e^(-x)/(e^(-x) + 1)^2"},
    {"ln(1 + exp(-y*w*x))", "w", 1, "-x*y*e^(-w*x*y)/(e^(-w*x*y) + 1)"},
    {"x^2*y + y^3", "y", 1, "x^2 + 3*y^2"},
    {"sin(x)", "x", 4, "sin(x)"},
    {"pi*x^2", "x", 1, "2*pi*x"},
    {"5", "x", 1, "0"},
    {"y^2", "x", 1, "0"},
};

START_TEST(diff_row)
{
    const char *got = D(rows[_i].f, rows[_i].var, rows[_i].order);
    ck_assert_msg(strcmp(got, rows[_i].want) == 0, "d^%u/d%s^%u %s: got %s, want %s", rows[_i].order, rows[_i].var,
                  rows[_i].order, rows[_i].f, got, rows[_i].want);
}
END_TEST

/* Every function row, composed with an inner function, through the chain rule. */
START_TEST(every_function_row_numerically)
{
    for (int i = 0; i < dx_nfns; i++) {
        char f[64];
        const char *inner = i == DX_ASIN || i == DX_ACOS ? "x/4" : "x^2/3 + 1/2";
        if (strcmp(dx_fns[i].name, "log") == 0 || dx_fns[i].min_arity == 2)
            snprintf(f, sizeof f, "%s(%s, 3)", dx_fns[i].name, inner);
        else if (strcmp(dx_fns[i].name, "leaky_relu") == 0)
            snprintf(f, sizeof f, "leaky_relu(%s - 1, 1/5)", inner);
        else
            snprintf(f, sizeof f, "%s(%s)", dx_fns[i].name, inner);
        D(f, "x", 1);
        D(f, "x", 2);
    }
}
END_TEST

/* The logistic function typed out has the derivative sigmoid(x)*(1 - sigmoid(x)) has. */
START_TEST(sigmoid_typed_out)
{
    dx_expr *x = dx_sym(tu_ctx, "x", 1);
    dx_expr *typed = dx_diff_by(tu_ctx, tu_parse("1/(1 + exp(-x))"), x, NULL, NULL);
    dx_expr *row = dx_diff_by(tu_ctx, tu_parse("sigmoid(x)"), x, NULL, NULL);
    for (double v = -6; v <= 6; v += 0.25) {
        double a = tu_eval(typed, "x", v), b = tu_eval(row, "x", v);
        ck_assert_msg(fabs(a - b) <= 1e-14, "at x = %g: typed out %.17g, sigmoid' %.17g", v, a, b);
    }
    ck_assert_ptr_eq(tu_parse("sigmoid(0)"), tu_parse("1/2"));
}
END_TEST

/* The whole textbook corpus differentiates without error and agrees numerically, to order 2. */
START_TEST(textbook_corpus)
{
    FILE *fp = tu_open_corpus("textbook.txt");
    char line[1024];
    int n = 0;
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        D(line, "x", 1);
        D(line, "x", 2);
        n++;
    }
    fclose(fp);
    ck_assert_int_ge(n, 150);
}
END_TEST

static int calls;
static dx_rule seen[64];
static void record(void *user, dx_rule rule, const dx_expr *e, const dx_expr *de)
{
    (void)user;
    (void)e;
    (void)de;
    if (calls < 64)
        seen[calls] = rule;
    calls++;
}

START_TEST(recorder_sees_each_node_once)
{
    /* sin(x^2) appears twice but is one node: differentiated (and recorded) once */
    dx_expr *e = tu_parse("sin(x^2) + sin(x^2)^2");
    calls = 0;
    dx_expr *d = dx_diff_by(tu_ctx, e, dx_sym(tu_ctx, "x", 1), record, NULL);
    ck_assert_ptr_nonnull(d);
    int chain = 0;
    for (int i = 0; i < calls && i < 64; i++)
        chain += seen[i] == DX_R_CHAIN;
    ck_assert_int_eq(chain, 1);
    ck_assert_int_eq(seen[calls - 1], DX_R_SUM);
}
END_TEST

START_TEST(shared_subexpressions_stay_cheap)
{
    /* f_{k+1} = sin(f_k) * f_k: as a tree 2^30 nodes, as a DAG 60; its derivative must cost
     * the DAG's size, not the tree's */
    dx_expr *f = tu_parse("x");
    for (int i = 0; i < 30; i++)
        f = dx_mul(tu_ctx, dx_call(tu_ctx, DX_SIN, f), f);
    size_t before = dx_node_count(tu_ctx);
    dx_expr *d = dx_diff(tu_ctx, f, "x", 1);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_lt(dx_node_count(tu_ctx) - before, 2000);
}
END_TEST

/* dx_derivative is dx_diff then dx_simplify, order after order, and leaves the budget as it was. */
START_TEST(derivative_as_shown)
{
    static const char *const fs[] = {"x^3*sin(x)", "x e^x/(x + 1)", "ln(x^2 + 1)", "x^x"};
    for (size_t k = 0; k < sizeof fs / sizeof fs[0]; k++) {
        dx_expr *f = tu_parse(fs[k]), *want = f;
        dx_ctx_set_budget(tu_ctx, 12345678);
        for (unsigned order = 1; order <= 3; order++) {
            dx_expr *prev = want;
            want = dx_simplify(tu_ctx, dx_diff(tu_ctx, want, "x", 1));
            dx_expr *d = dx_derivative(tu_ctx, f, "x", order);
            ck_assert_msg(d == want, "%s, order %u", fs[k], order);
            char why[200];
            ck_assert_msg(tu_check_default(prev, d, "x", why, sizeof why) >= 3, "%s: %s", fs[k], why);
        }
        ck_assert_uint_eq(dx_ctx_budget(tu_ctx), 12345678);
        ck_assert_ptr_eq(dx_derivative(tu_ctx, f, "x", 0), f);
    }
    ck_assert_ptr_null(dx_derivative(tu_ctx, NULL, "x", 1));
}
END_TEST

/* Kinks as data: the point and the one-sided derivatives where the argument is linear. */
START_TEST(derive_kinks)
{
    dx_derived r;
    ck_assert_int_eq(dx_derive(tu_ctx, tu_parse("abs(x)"), "x", 1, &r), DX_OK);
    ck_assert_str_eq(r.var, "x");
    ck_assert_uint_eq(r.nkinks, 1);
    const dx_kink *k = &r.kink[0];
    ck_assert(k->u == tu_parse("x") && k->at && dx_is_int(k->at, 0) && k->sided);
    ck_assert(k->left.kind == DX_SLOPE_VALUE && k->left.exact && dx_is_int(k->left.exact, -1));
    ck_assert(k->right.kind == DX_SLOPE_VALUE && k->right.exact && dx_is_int(k->right.exact, 1));
    char why[200];
    ck_assert_msg(tu_check_default(tu_parse("abs(x)"), r.derivative, "x", why, sizeof why) >= 3, "%s", why);

    ck_assert_int_eq(dx_derive(tu_ctx, tu_parse("relu(2x - 1)"), "x", 1, &r), DX_OK);
    ck_assert(r.nkinks == 1 && r.kink[0].at == tu_parse("1/2"));
    ck_assert(r.kink[0].left.exact && dx_is_int(r.kink[0].left.exact, 0));
    ck_assert(r.kink[0].right.exact && dx_is_int(r.kink[0].right.exact, 2));

    ck_assert_int_eq(dx_derive(tu_ctx, tu_parse("sqrt(abs(x))"), "x", 1, &r), DX_OK);
    ck_assert(r.nkinks == 1 && r.kink[0].sided);
    ck_assert_int_eq(r.kink[0].left.kind, DX_SLOPE_NEG_INF);
    ck_assert_int_eq(r.kink[0].right.kind, DX_SLOPE_POS_INF);

    /* what f does there, from its limits: smooth, corner, jump, pole */
    static const struct {
        const char *f;
        dx_kink_kind kind;
    } kinds[] = {{"relu(x)^2", DX_KINK_SMOOTH}, {"abs(x)^3", DX_KINK_SMOOTH}, {"x*abs(x)", DX_KINK_SMOOTH},
                 {"abs(x - 1)*(x - 1)", DX_KINK_SMOOTH}, {"abs(x)", DX_KINK_CORNER}, {"sqrt(abs(x))", DX_KINK_CORNER},
                 {"abs(x)/x", DX_KINK_JUMP}, {"relu(x)/x", DX_KINK_JUMP}, {"ln(abs(x))", DX_KINK_POLE},
                 {"1/abs(x)", DX_KINK_POLE}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        dx_expr *f = tu_parse(kinds[i].f);
        ck_assert_int_eq(dx_derive(tu_ctx, f, "x", 1, &r), DX_OK);
        ck_assert_msg(r.nkinks == 1 && r.kink[0].kind == kinds[i].kind, "%s: kind %d", kinds[i].f,
                      r.nkinks ? (int)r.kink[0].kind : -1);
        ck_assert_msg(tu_check_default(f, r.derivative, "x", why, sizeof why) >= 3, "%s: %s", kinds[i].f, why);
    }
    ck_assert_int_eq(dx_derive(tu_ctx, tu_parse("x*abs(x)"), "x", 1, &r), DX_OK);
    ck_assert(r.kink[0].left.exact && dx_is_int(r.kink[0].left.exact, 0) && dx_is_int(r.kink[0].right.exact, 0));
    ck_assert_int_eq(dx_derive(tu_ctx, tu_parse("abs(x)/x"), "x", 1, &r), DX_OK);
    ck_assert(r.kink[0].fleft.exact && dx_is_int(r.kink[0].fleft.exact, -1) && dx_is_int(r.kink[0].fright.exact, 1));

    /* not linear: the condition only */
    ck_assert_int_eq(dx_derive(tu_ctx, tu_parse("abs(x^2 - 1) + abs(x - 2)"), "x", 1, &r), DX_OK);
    ck_assert_uint_eq(r.nkinks, 2);
    const dx_kink *lin = r.kink[0].at ? &r.kink[0] : &r.kink[1], *quad = r.kink[0].at ? &r.kink[1] : &r.kink[0];
    ck_assert(quad->u == tu_parse("x^2 - 1") && !quad->at && !quad->sided);
    ck_assert(lin->at && dx_is_int(lin->at, 2) && lin->sided);

    /* order 0 is no derivative: no kinks; a kink in another variable is none of x's */
    ck_assert_int_eq(dx_derive(tu_ctx, tu_parse("abs(x)"), "x", 0, &r), DX_OK);
    ck_assert_uint_eq(r.nkinks, 0);
    ck_assert_int_eq(dx_derive(tu_ctx, tu_parse("abs(y) + x"), "x", 1, &r), DX_OK);
    ck_assert(r.nkinks == 0 && dx_is_int(r.derivative, 1));
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->status, DX_OK);
}
END_TEST

/* Every partial, by the variables in alphabetical order, each as dx_derivative shows it. */
START_TEST(gradient_partials)
{
    dx_expr *f = tu_parse("x^2*y + sin(z*x) + w");
    dx_grad g;
    ck_assert_int_eq(dx_gradient(tu_ctx, f, &g), DX_OK);
    ck_assert_uint_eq(g.n, 4);
    static const char *const names[] = {"w", "x", "y", "z"};
    for (size_t i = 0; i < g.n; i++) {
        ck_assert_str_eq(g.vars[i], names[i]);
        ck_assert_ptr_eq(g.partial[i], dx_derivative(tu_ctx, f, names[i], 1));
        char why[200];
        ck_assert_msg(tu_check_default(f, g.partial[i], names[i], why, sizeof why) >= 3, "%s: %s", names[i], why);
    }
    ck_assert_int_eq(dx_gradient(tu_ctx, tu_parse("7"), &g), DX_OK);
    ck_assert_uint_eq(g.n, 0);
    /* a failed parse's error stands */
    ck_assert_int_eq(dx_gradient(tu_ctx, dx_parse(tu_ctx, "x^", 2), &g), DX_ESYNTAX);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("diff");
    TCase *tc = tcase_create("diff");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, diff_row, 0, sizeof rows / sizeof rows[0]);
    tcase_add_test(tc, every_function_row_numerically);
    tcase_add_test(tc, sigmoid_typed_out);
    tcase_add_test(tc, textbook_corpus);
    tcase_add_test(tc, recorder_sees_each_node_once);
    tcase_add_test(tc, shared_subexpressions_stay_cheap);
    tcase_add_test(tc, derivative_as_shown);
    tcase_add_test(tc, derive_kinks);
    tcase_add_test(tc, gradient_partials);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
