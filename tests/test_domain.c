/* Domains kept (issue 13): a cancellation keeps the points where the typed formula is
 * undefined, and eval, limit and tangent say so there; a derivative keeps f's domain. */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The typed formula, a point, and what the program says there: eval's last line (its value,
 * or its error without "dfdx: "), limit's continuity verdict, tangent's line or error. */
typedef struct {
    const char *f, *at, *eval, *continuous, *tangent;
} domain_row;

static const domain_row rows[] = {
    {"x/x", "0", "1/x needs x ≠ 0", "no (removable discontinuity: the limit exists but f(0) is undefined)", "f is not defined at x = 0: 1/x needs x ≠ 0"},
    {"x/x", "2", "1", "yes", "tangent: y = 1"},
    {"x^2/x", "0", "1/x needs x ≠ 0", "no (removable discontinuity: the limit exists but f(0) is undefined)", "f is not defined at x = 0: 1/x needs x ≠ 0"},
    {"x^2/x", "1", "1", "yes", "tangent: y = x"},
    {"x^3/x", "0", "1/x needs x ≠ 0", "no (removable discontinuity: the limit exists but f(0) is undefined)", "f is not defined at x = 0: 1/x needs x ≠ 0"},
    {"sqrt(x)^2", "-4", "sqrt(x) needs x ≥ 0", "no (f(-4) is undefined)", "f is not defined at x = -4: sqrt(x) needs x ≥ 0"},
    {"sqrt(x)^2", "4", "4", "yes", "tangent: y = x"},
    {"sqrt(x)^2", "0", "0", "yes (from the right)", "tangent: y = x"},
    {"exp(ln(x))", "-1", "ln(x) needs x > 0", "no (f(-1) is undefined)", "f is not defined at x = -1: ln(x) needs x > 0"},
    {"exp(ln(x))", "2", "2", "yes", "tangent: y = x"},
    {"exp(ln(x))", "0", "ln(x) needs x > 0", "no (f(0) is undefined)", "f is not defined at x = 0: ln(x) needs x > 0"},
    {"1/(1/x)", "0", "1/x needs x ≠ 0", "no (removable discontinuity: the limit exists but f(0) is undefined)", "f is not defined at x = 0: 1/x needs x ≠ 0"},
    {"1/(1/x)", "3", "3", "yes", "tangent: y = x"},
    {"x^0", "0", "the formula as written needs x ≠ 0", "no (removable discontinuity: the limit exists but f(0) is undefined)", "f is not defined at x = 0: the formula as written needs x ≠ 0"},
    {"x^0", "5", "1", "yes", "tangent: y = 1"},
    {"0*ln(x)", "-1", "ln(x) needs x > 0", "no (f(-1) is undefined)", "f is not defined at x = -1: ln(x) needs x > 0"},
    {"0*ln(x)", "1", "0", "yes", "tangent: y = 0"},
    {"sqrt(x)*sqrt(x)", "-1", "sqrt(x) needs x ≥ 0", "no (f(-1) is undefined)", "f is not defined at x = -1: sqrt(x) needs x ≥ 0"},
    {"sqrt(x)*sqrt(x)", "9", "9", "yes", "tangent: y = x"},
    {"ln(x)-ln(x)", "-2", "ln(x) needs x > 0", "no (f(-2) is undefined)", "f is not defined at x = -2: ln(x) needs x > 0"},
    {"ln(x)-ln(x)", "1", "0", "yes", "tangent: y = 0"},
    {"(x-1)/(x-1)", "1", "1/(x - 1) needs x - 1 ≠ 0", "no (removable discontinuity: the limit exists but f(1) is undefined)", "f is not defined at x = 1: 1/(x - 1) needs x - 1 ≠ 0"},
    {"(x-1)/(x-1)", "0", "1", "yes", "tangent: y = 1"},
    {"(x^2-1)/(x-1)", "1", "division by zero", "no (removable discontinuity: the limit exists but f(1) is undefined)", "f is not defined at x = 1: division by zero"},
    {"sin(x)/sin(x)", "0", "1/sin(x) needs sin(x) ≠ 0", "no (removable discontinuity: the limit exists but f(0) is undefined)", "f is not defined at x = 0: 1/sin(x) needs sin(x) ≠ 0"},
    {"sin(x)/sin(x)", "1", "1", "yes", "tangent: y = 1"},
    {"(x+1)^2/(x+1)", "-1", "1/(x + 1) needs x + 1 ≠ 0", "no (removable discontinuity: the limit exists but f(-1) is undefined)", "f is not defined at x = -1: 1/(x + 1) needs x + 1 ≠ 0"},
    {"(x+1)^2/(x+1)", "0", "1", "yes", "tangent: y = x + 1"},
    {"e^(ln(x^2))", "0", "ln(x^2) needs x^2 > 0", "no (removable discontinuity: the limit exists but f(0) is undefined)", "f is not defined at x = 0: ln(x^2) needs x^2 > 0"},
    {"e^(ln(x^2))", "-2", "4", "yes", "tangent: y = -4*x - 4"},
    {"x^(1/2)*x^(-1/2)", "0", "sqrt(x) needs x > 0", "no (f(0) is undefined)", "f is not defined at x = 0: sqrt(x) needs x > 0"},
    {"x^(1/2)*x^(-1/2)", "-1", "sqrt(x) needs x > 0", "no (f(-1) is undefined)", "f is not defined at x = -1: sqrt(x) needs x > 0"},
    {"x^(1/2)*x^(-1/2)", "1", "1", "yes", "tangent: y = 1"},
    {"x/x+x", "0", "1/x needs x ≠ 0", "no (removable discontinuity: the limit exists but f(0) is undefined)", "f is not defined at x = 0: 1/x needs x ≠ 0"},
    {"x/x+x", "1", "2", "yes", "tangent: y = x + 1"},
    {"cos(x)*x/x", "0", "1/x needs x ≠ 0", "no (removable discontinuity: the limit exists but f(0) is undefined)", "f is not defined at x = 0: 1/x needs x ≠ 0"},
    {"x^x/x^x", "-1", "x^x needs x > 0", "no (f(-1) is undefined)", "f is not defined at x = -1: x^x needs x > 0"},
    {"x^x/x^x", "1", "1", "yes", "tangent: y = 1"},
    {"1^(1/x)", "0", "1/x needs x ≠ 0", "no (removable discontinuity: the limit exists but f(0) is undefined)", "f is not defined at x = 0: 1/x needs x ≠ 0"},
    {"1^(1/x)", "1", "1", "yes", "tangent: y = 1"},
    {"0*tan(x)", "pi/2", "tan(x) needs cos(x) ≠ 0", "no (removable discontinuity: the limit exists but f(pi/2) is undefined)", "no tangent line: f is not differentiable at x = pi/2 ≈ 1.5708 (not continuous)"},
    {"asin(x)-asin(x)", "2", "asin(x) needs 1 - x^2 ≥ 0", "no (f(2) is undefined)", "f is not defined at x = 2: asin(x) needs 1 - x^2 ≥ 0"},
    {"asin(x)-asin(x)", "1/2", "0", "yes", "tangent: y = 0"},
    {"(x^2+x)/x", "0", "division by zero", "no (removable discontinuity: the limit exists but f(0) is undefined)", "f is not defined at x = 0: division by zero"},
    {"x^2/x^2", "0", "1/x^2 needs x ≠ 0", "no (removable discontinuity: the limit exists but f(0) is undefined)", "f is not defined at x = 0: 1/x^2 needs x ≠ 0"},
    {"x^2/x^2", "-3", "1", "yes", "tangent: y = 1"},
};

/* The last non-empty line of s, without a "dfdx: " prefix, in a static buffer. */
static const char *last_line(const char *s)
{
    static char buf[512];
    size_t n = strlen(s);
    while (n && s[n - 1] == '\n')
        n--;
    size_t b = n;
    while (b && s[b - 1] != '\n')
        b--;
    if (n - b >= 6 && strncmp(s + b, "dfdx: ", 6) == 0)
        b += 6;
    snprintf(buf, sizeof buf, "%.*s", (int)(n - b), s + b);
    return buf;
}

static bool has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; (p = strstr(p, line)); p++)
        if ((p == text || p[-1] == '\n') && (p[n] == '\n' || p[n] == 0))
            return true;
    return false;
}

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})

START_TEST(eval_limit_tangent)
{
    const domain_row *r = &rows[_i];
    char x[64], *out, *err;
    snprintf(x, sizeof x, "x=%s", r->at);
    int st = tu_run(A("eval", r->f, x), NULL, &out, &err);
    bool undefined = strstr(r->eval, "needs") || strstr(r->eval, "division");
    ck_assert_msg(st == (undefined ? 2 : 0), "eval %s at %s: exit %d", r->f, r->at, st);
    ck_assert_msg(strcmp(last_line(undefined ? err : out), r->eval) == 0, "eval %s at %s: %s%s", r->f, r->at, out, err);
    free(out), free(err);

    char want[256];
    tu_run(A("limit", r->f, "--at", r->at), NULL, &out, &err);
    snprintf(want, sizeof want, "continuous at %s: %s", r->at, r->continuous);
    ck_assert_msg(has_line(out, want), "limit %s at %s: want '%s', got\n%s%s", r->f, r->at, want, out, err);
    free(out), free(err);

    tu_run(A("tangent", r->f, "--at", r->at), NULL, &out, &err);
    snprintf(want, sizeof want, "%s%s", strncmp(r->tangent, "f is", 4) == 0 ? "dfdx: " : "", r->tangent);
    ck_assert_msg(has_line(out, want) || has_line(err, want), "tangent %s at %s: want '%s', got\n%s%s", r->f, r->at,
                  want, out, err);
    free(out), free(err);
}
END_TEST

/* f' is checked against central differences, and where f is undefined, so is f'. */
START_TEST(derivative_keeps_domain)
{
    const domain_row *r = &rows[_i];
    dx_expr *f = tu_parse(r->f), *df = dx_diff(tu_ctx, f, "x", 1);
    ck_assert_msg(df != NULL, "d/dx %s: %s", r->f, tu_err(tu_ctx));
    char why[256];
    ck_assert_msg(tu_check_default(f, df, "x", why, sizeof why) >= 0, "d/dx %s: %s", r->f, why);
    double a;
    ck_assert_int_eq(dx_eval_const(tu_ctx, tu_parse(r->at), &a), DX_OK);
    if (strstr(r->eval, "needs") && !strstr(r->at, "pi")) /* pi/2 as a double is no zero of cos */
        ck_assert_msg(isnan(tu_eval(f, "x", a)) && isnan(tu_eval(df, "x", a)), "%s and its derivative at %s", r->f,
                      r->at);
}
END_TEST

/* x/x is not the node 1, although it prints as 1; its variable stays one. */
START_TEST(guard_is_its_own_node)
{
    dx_expr *g = tu_parse("x/x"), *one = dx_int(tu_ctx, 1);
    ck_assert_ptr_ne(g, one);
    ck_assert_ptr_eq(dx_body(g), one);
    char *s = dx_print(tu_ctx, g, DX_PLAIN);
    ck_assert_str_eq(s, "1");
    free(s);
    const char **names;
    ck_assert_uint_eq(dx_vars(tu_ctx, g, &names), 1);
    ck_assert_str_eq(names[0], "x");
    /* the guard goes to the top of what contains it, through every constructor */
    dx_expr *h = tu_parse("sin(x/x + y)");
    ck_assert_int_eq(h->kind, DX_GUARD);
    ck_assert_ptr_eq(dx_body(h), tu_parse("sin(y + 1)"));
    /* no guard where nothing cancelled, and none a body already implies */
    ck_assert_int_ne(tu_parse("x/(x + 1)")->kind, DX_GUARD);
    ck_assert_int_ne(tu_parse("(x + 1)/(x + 1)^3")->kind, DX_GUARD);
    ck_assert_ptr_eq(tu_parse("ln(x)*x/x"), tu_parse("ln(x)")); /* x > 0 there already */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("domain");
    TCase *tc = tcase_create("kept");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, eval_limit_tangent, 0, sizeof rows / sizeof rows[0]);
    tcase_add_loop_test(tc, derivative_keeps_domain, 0, sizeof rows / sizeof rows[0]);
    tcase_add_test(tc, guard_is_its_own_node);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
