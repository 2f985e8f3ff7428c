/* Tests of the evaluator: function rows against libm, exactness, batch = single, domain messages;
 * values (dx_eval_at), verify and tangent. */
#include "dfdx.h"
#include "eval.h"
#include "expr.h"
#include "fn.h"
#include "testutil.h"
#include "verify.h"
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const X[] = {"x"};

static dx_prog *compile_x(const char *s)
{
    dx_prog *p = dx_compile(tu_ctx, tu_parse(s), X, 1);
    ck_assert_msg(p != NULL, "compile \"%s\": %s", s, tu_err(tu_ctx));
    return p;
}

/* ---- every function row against libm, across its domain and at its edges ---- */

static double ref_cot(double x) { return 1 / tan(x); }
static double ref_sec(double x) { return 1 / cos(x); }
static double ref_csc(double x) { return 1 / sin(x); }
static double ref_relu(double x) { return x > 0 ? x : 0; }
static double ref_sigmoid(double x) { return x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)); }
static double ref_softplus(double x) { return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x)); }
static double ref_step(double x) { return x > 0 ? 1 : 0; }
static double ref_sign(double x) { return x > 0 ? 1 : -1; }
static double ref_max0(double x) { return x > 0 ? x : 0; }
static double ref_leaky(double x) { return x > 0 ? x : x / 10; }
static double ref_log10(double x) { return log10(x); }
static double ref_log2(double x) { return log2(x); }

static const struct {
    const char *text;
    double (*ref)(double);
    double lo, hi;    /* points spread over [lo, hi] are inside the domain */
    double in[4];     /* domain edges that are inside (NaN: unused) */
    double out[4];    /* just outside: the evaluator must say NaN */
    int ulps;         /* 0: the same libm call, bit for bit */
} fn_rows[] = {
    {"sin(x)", sin, -10, 10, {0, -0.0, 1e-300, 1e15}, {NAN, NAN, NAN, NAN}, 0},
    {"cos(x)", cos, -10, 10, {0, 1e-300, 1e15, NAN}, {NAN, NAN, NAN, NAN}, 0},
    {"tan(x)", tan, -1.5, 1.5, {0, 1.5707963267948966, NAN, NAN}, {NAN, NAN, NAN, NAN}, 0},
    {"cot(x)", ref_cot, 0.1, 3, {1e-300, 3.141592653589793, NAN, NAN}, {0, -0.0, NAN, NAN}, 0},
    {"sec(x)", ref_sec, -1.5, 1.5, {0, 1.5707963267948966, NAN, NAN}, {NAN, NAN, NAN, NAN}, 0},
    {"csc(x)", ref_csc, 0.1, 3, {1e-300, 3.141592653589793, NAN, NAN}, {0, NAN, NAN, NAN}, 0},
    {"asin(x)", asin, -1, 1, {-1, 1, 0, 1e-300}, {1.0000000000000002, -1.0000000000000002, 2, -7}, 0},
    {"acos(x)", acos, -1, 1, {-1, 1, 0, NAN}, {1.0000000000000002, -1.0000000000000002, 2, NAN}, 0},
    {"atan(x)", atan, -100, 100, {0, 1e300, -1e300, NAN}, {NAN, NAN, NAN, NAN}, 0},
    {"sinh(x)", sinh, -20, 20, {0, 710, -710, NAN}, {711, -711, NAN, NAN}, 0},
    {"cosh(x)", cosh, -20, 20, {0, 710, -710, NAN}, {711, -711, NAN, NAN}, 0},
    {"tanh(x)", tanh, -20, 20, {0, 1e300, -1e300, NAN}, {NAN, NAN, NAN, NAN}, 0},
    {"ln(x)", log, 1e-3, 100, {4.9e-324, 1e308, 1, NAN}, {0, -0.0, -1, -1e-300}, 0},
    {"abs(x)", fabs, -10, 10, {0, -0.0, 1e308, -1e308}, {NAN, NAN, NAN, NAN}, 0},
    {"relu(x)", ref_relu, -10, 10, {0, -1e308, 1e308, NAN}, {NAN, NAN, NAN, NAN}, 0},
    {"erf(x)", erf, -6, 6, {0, -0.0, 1e300, -1e300}, {NAN, NAN, NAN, NAN}, 0},
    /* no overflow far out: sigmoid(-1000) is 0, softplus(1000) is 1000 */
    {"sigmoid(x)", ref_sigmoid, -30, 30, {0, 1000, -1000, 1e308}, {NAN, NAN, NAN, NAN}, 0},
    {"softplus(x)", ref_softplus, -30, 30, {0, 1000, -1000, 1e300}, {NAN, NAN, NAN, NAN}, 0},
    /* relu' and abs': undefined at 0, where they jump (the grid of 1001 points has no 0) */
    {"step(x)", ref_step, -10, 10.01, {1e-300, -1e-300, 1e308, -1e308}, {0, -0.0, NAN, NAN}, 0},
    {"sign(x)", ref_sign, -10, 10.01, {1e-300, -1e-300, 1e308, -1e308}, {0, -0.0, NAN, NAN}, 0},
    {"max(0, x)", ref_max0, -10, 10, {0, -1e308, 1e308, NAN}, {NAN, NAN, NAN, NAN}, 0},
    {"leaky_relu(x, 0.1)", ref_leaky, -10, 10, {0, -1e3, 1e3, NAN}, {NAN, NAN, NAN, NAN}, 1},
    {"exp(x)", exp, -50, 50, {0, 709, -745, -1000}, {710, 1000, NAN, NAN}, 0},
    {"sqrt(x)", sqrt, 0, 100, {0, 4.9e-324, 1e308, NAN}, {-1e-300, -1, NAN, NAN}, 0},
    /* ln(x)/ln(10): a product of two rounded values, a few ulps from log10 */
    {"log10(x)", ref_log10, 1e-3, 100, {1e-300, 1e300, 1, NAN}, {0, -1, NAN, NAN}, 4},
    {"log2(x)", ref_log2, 1e-3, 100, {1e-300, 1e300, 1, NAN}, {0, -1, NAN, NAN}, 4},
};

static double ulp_diff(double a, double b)
{
    if (a == b)
        return 0;
    return fabs(a - b) / (nextafter(fabs(b), INFINITY) - fabs(b));
}

/* The fast mode's vector kernels (libmvec) are within 4 ulps of libm (glibc's manual). */
enum { FAST_ULPS = 4 };

START_TEST(test_fn_rows)
{
    const char *t = fn_rows[_i].text;
    dx_prog *p = compile_x(t);
    enum { N = 1001 };
    double xs[N], ys[N];
    for (int i = 0; i < N; i++)
        xs[i] = fn_rows[_i].lo + (fn_rows[_i].hi - fn_rows[_i].lo) * i / (N - 1);
    for (int fast = 0; fast < 2; fast++) {
        const char *mode = fast ? "fast" : "libm";
        int ulps = fn_rows[_i].ulps + (fast ? FAST_ULPS : 0);
        dx_prog_set_fast(p, fast);
        ck_assert_msg(dx_prog_eval_n(p, N, (const double *const[]){xs}, ys) == 0, "%s (%s): a point inside the domain failed", t, mode);
        for (int i = 0; i < N; i++) {
            double want = fn_rows[_i].ref(xs[i]);
            ck_assert_msg(ulp_diff(ys[i], want) <= ulps, "%s (%s) at %.17g: %.17g, libm %.17g", t, mode, xs[i], ys[i], want);
        }
        for (int k = 0; k < 4; k++) {
            double x = fn_rows[_i].in[k], y;
            if (!isnan(x)) {
                ck_assert_msg(dx_prog_eval(p, tu_ctx, &x, &y) == DX_OK, "%s (%s) at edge %.17g: %s", t, mode, x, tu_err(tu_ctx));
                double want = fn_rows[_i].ref(x);
                ck_assert_msg(ulp_diff(y, want) <= ulps, "%s (%s) at edge %.17g: %.17g, libm %.17g", t, mode, x, y, want);
            }
            x = fn_rows[_i].out[k];
            if (!isnan(x)) {
                ck_assert_msg(dx_prog_eval(p, tu_ctx, &x, &y) == DX_EDOMAIN, "%s (%s) at %.17g (outside) gave %.17g", t, mode, x, y);
                ck_assert_msg(strlen(tu_err(tu_ctx)) > 0, "%s at %.17g: no message", t, x);
                dx_ctx_clear_error(tu_ctx);
            }
        }
    }
    dx_prog_free(p);
}
END_TEST

/* ---- powers: signs of rational roots, integer powers, general powers ---- */

static const struct { const char *text; double x, want; } pow_rows[] = {
    {"x^(2/3)", -8, 4},           {"x^(1/3)", -8, -2},         {"x^(5/3)", -8, -32},
    {"x^(-1/3)", -8, -0.5},       {"x^(-2/3)", -8, 0.25},      {"x^(3/5)", -32, -8},
    {"x^2", -3, 9},               {"x^3", -2, -8},             {"x^-1", 4, 0.25},
    {"x^-2", -2, 0.25},           {"x^7", 2, 128},             {"x^-7", 2, 1.0 / 128},
    {"x^(1/2)", 2.25, 1.5},       {"x^(-1/2)", 4, 0.5},        {"x^(3/2)", 4, 8},
    {"x^x", 2, 4},                {"2^x", 10, 1024},           {"x^pi", 1, 1},
    {"(-2)^x", 3, -8},            {"e^x", 0, 1},               {"x^1000", 1, 1},
};

START_TEST(test_powers)
{
    dx_prog *p = compile_x(pow_rows[_i].text);
    double y;
    ck_assert_msg(dx_prog_eval(p, tu_ctx, &pow_rows[_i].x, &y) == DX_OK, "%s at %g: %s", pow_rows[_i].text, pow_rows[_i].x,
                  tu_err(tu_ctx));
    /* p/q powers with q != 3 go through pow with p/q rounded: a few ulps */
    ck_assert_msg(ulp_diff(y, pow_rows[_i].want) <= (strstr(pow_rows[_i].text, "/5") ? 4 : 0), "%s at %g: %.17g, want %.17g", pow_rows[_i].text, pow_rows[_i].x, y,
                  pow_rows[_i].want);
    dx_prog_free(p);
}
END_TEST

/* ---- every domain error message: names the function and the value ---- */

static const struct { const char *text; double x; const char *msg; } dom_rows[] = {
    {"ln(x)", -1, "ln is undefined at -1 (it needs a positive number)"},
    {"ln(x)", 0, "ln is undefined at 0 (it needs a positive number)"},
    {"1/x", 0, "division by zero"},
    {"1/x^2", 0, "division by zero"},
    {"sqrt(x)", -2, "sqrt is undefined at -2 (it needs a number >= 0)"},
    {"x^(1/4)", -16, "(-16)^(1/4) is not a real number (a negative number to a power with an even root)"},
    {"x^(-1/3)", 0, "division by zero"},
    {"asin(x)", 2, "asin is undefined at 2 (it needs a number from -1 to 1)"},
    {"acos(x)", -1.5, "acos is undefined at -1.5 (it needs a number from -1 to 1)"},
    {"cot(x)", 0, "cot is undefined at 0 (a pole)"},
    {"csc(x)", 0, "csc is undefined at 0 (a pole)"},
    {"step(x)", 0, "step is undefined at 0 (it jumps there)"},
    {"sign(x - 1)", 1, "sign is undefined at 0 (it jumps there)"},
    {"exp(x)", 1000, "exp(1000) overflows: too large for a double"},
    {"sinh(x)", 1000, "sinh(1000) overflows: too large for a double"},
    {"cosh(x)", -800, "cosh(-800) overflows: too large for a double"},
    {"x^x", -0.5, "(-0.5)^-0.5 is not a real number (a negative base to a fractional power)"},
    {"x^x", 0, "0^0 is undefined"},
    {"2^(1/x)", 0, "division by zero"},
    {"exp(-1/x)", 0, "division by zero"},
    {"x^400", 10, "(10)^400 overflows: too large for a double"},
    {"x*1e300*1e300", 1, "the value overflows: too large for a double"},
    {"ln(x-1)", 0.5, "ln is undefined at -0.5 (it needs a positive number)"},
    {"sin(x)", INFINITY, "the value inf is not a finite number"},
};

START_TEST(test_domain_messages)
{
    dx_prog *p = compile_x(dom_rows[_i].text);
    for (int fast = 0; fast < 2; fast++) { /* the same message in either mode */
        double y;
        dx_prog_set_fast(p, fast);
        dx_status st = dx_prog_eval(p, tu_ctx, &dom_rows[_i].x, &y);
        ck_assert_msg(st == DX_EDOMAIN, "%s at %g: status %d, value %.17g", dom_rows[_i].text, dom_rows[_i].x, st, y);
        ck_assert_msg(strcmp(tu_err(tu_ctx), dom_rows[_i].msg) == 0, "%s at %g (fast %d): \"%s\", want \"%s\"",
                      dom_rows[_i].text, dom_rows[_i].x, fast, tu_err(tu_ctx), dom_rows[_i].msg);
        ck_assert_msg(isnan(y), "%s: the value must be NaN", dom_rows[_i].text);
        /* the program still works after explaining (its slots are bound back) */
        double one = 0.75, y2;
        dx_ctx_clear_error(tu_ctx);
        double want = tu_eval(tu_parse(dom_rows[_i].text), "x", one);
        if (isfinite(want)) {
            ck_assert_msg(dx_prog_eval(p, tu_ctx, &one, &y2) == DX_OK, "%s at 0.75 after an error", dom_rows[_i].text);
            ck_assert_msg(fabs(y2 - want) <= 1e-12 * fmax(1, fabs(want)), "%s at 0.75: %.17g vs %.17g", dom_rows[_i].text, y2, want);
        }
    }
    dx_prog_free(p);
}
END_TEST

/* ---- exact substitution: rational in, exact out ---- */

static const struct { const char *text, *at, *want; } exact_rows[] = {
    {"3*x^2 - 3", "1/2", "-9/4"},  {"(x + 1)^3", "1/3", "64/27"}, {"x^-2", "2/3", "9/4"},
    {"x/(x^2 + 1)", "1/2", "2/5"}, {"x^(1/2)", "9/4", "3/2"},     {"ln(x)", "e^2", "2"},
    {"0.1*x + 0.2", "1", "3/10"},  {"x^10", "-1/2", "1/1024"},    {"(x-1)/(x+1)", "3", "1/2"},
};

START_TEST(test_exact)
{
    dx_expr *e = tu_parse(exact_rows[_i].text), *v = tu_parse(exact_rows[_i].at), *x = dx_sym(tu_ctx, "x", 1);
    dx_expr *r = dx_subst(tu_ctx, e, x, v), *want = tu_parse(exact_rows[_i].want);
    ck_assert_msg(r == want, "%s at x=%s: not %s", exact_rows[_i].text, exact_rows[_i].at, exact_rows[_i].want);
}
END_TEST

START_TEST(test_exact_division_by_zero)
{
    dx_expr *r = dx_subst(tu_ctx, tu_parse("1/(x - 2)"), dx_sym(tu_ctx, "x", 1), dx_int(tu_ctx, 2));
    ck_assert_msg(r == NULL && dx_ctx_error(tu_ctx)->status == DX_EDOMAIN, "1/(x-2) at 2 must be a domain error");
}
END_TEST

/* ---- the batch and the single-point paths agree bit for bit ---- */

static char **read_lines(const char *name, int *n)
{
    FILE *f = tu_open_corpus(name);
    char **v = NULL, line[4096];
    *n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        v = realloc(v, (size_t)(*n + 1) * sizeof *v);
        v[(*n)++] = strdup(line);
    }
    fclose(f);
    return v;
}

static const char *const batch_exprs[] = {
    "x^3 - 3*x", "sin(x^2)*exp(x)", "ln(x^2 + 1)/x", "1/(1 + exp(-x))", "sqrt(x)*cos(3*x)", "x^x",
    "(x^2 + 1)^(1/3)*ln(x)", "abs(x) + relu(x - 1)", "tan(x)*sec(x)", "asin(x/4) + acos(x/5)",
    "x^(2/3) - x^(-1/3)", "cot(x) + csc(x)", "exp(-1/x^2)", "(sinh(x) + cosh(x))*tanh(x)", "log10(x)*log2(x)",
    "sigmoid(3*x - 1)^2", "softplus(x) - max(x, 1)*sign(x)",
};

static void batch_equals_single(const char *text)
{
    dx_expr *f = tu_parse(text), *df = dx_diff(tu_ctx, f, "x", 1);
    ck_assert_msg(df != NULL, "d/dx %s: %s", text, tu_err(tu_ctx));
    dx_expr *both[2] = {f, df};
    enum { N = 1537 }; /* not a multiple of the block: the last block is partial */
    static double xs[N], ys[N];
    for (int i = 0; i < N; i++)
        xs[i] = -6 + 12.0 * i / (N - 1) + (i % 7 == 0 ? 0 : 1e-3 * (i % 5));
    xs[0] = 0;
    static const char *const names[4] = {"f", "f'", "fast f", "fast f'"};
    for (int k = 0; k < 4; k++) { /* f and f', in libm and in fast mode */
        dx_prog *p = dx_compile(tu_ctx, both[k % 2], X, 1);
        ck_assert_msg(p != NULL, "compile %s", text);
        dx_prog_set_fast(p, k >= 2);
        size_t bad = dx_prog_eval_n(p, N, (const double *const[]){xs}, ys), nbad = 0;
        for (int i = 0; i < N; i++) {
            double y;
            dx_status st = dx_prog_eval(p, tu_ctx, &xs[i], &y);
            dx_ctx_clear_error(tu_ctx);
            nbad += st != DX_OK;
            ck_assert_msg((st == DX_OK) == !isnan(ys[i]), "%s (%s) at %.17g: single %d, batch %.17g", text,
                          names[k], xs[i], st, ys[i]);
            ck_assert_msg(memcmp(&y, &ys[i], sizeof y) == 0 || (isnan(y) && isnan(ys[i])),
                          "%s (%s) at %.17g: single %.17g, batch %.17g", text, names[k], xs[i], y, ys[i]);
            /* and both are the value (independent tree walk) */
            double want = tu_eval(both[k % 2], "x", xs[i]);
            if (st == DX_OK && isfinite(want))
                ck_assert_msg(fabs(y - want) <= 1e-9 * fmax(1, fabs(want)), "%s (%s) at %.17g: %.17g, tree walk %.17g",
                              text, names[k], xs[i], y, want);
        }
        ck_assert_msg(bad == nbad, "%s: batch counted %zu bad points, single %zu", text, bad, nbad);
        dx_prog_free(p);
    }
}

START_TEST(test_batch_single)
{
    batch_equals_single(batch_exprs[_i]);
}
END_TEST

/* A point outside the domain replays the program one value per slot to name the culprit;
 * the constants must be pointed back at their blocks afterwards, or the next batch reads
 * past the replay values (it did: NaN or an ASan report). */
START_TEST(test_batch_after_error)
{
    dx_prog *p = compile_x("ln(x) + 2*x + 3");
    double bad_x = -1, y;
    ck_assert_int_eq(dx_prog_eval(p, tu_ctx, &bad_x, &y), DX_EDOMAIN);
    dx_ctx_clear_error(tu_ctx);
    enum { N = 300 };
    double xs[N], ys[N];
    for (int i = 0; i < N; i++)
        xs[i] = 0.5 + i;
    ck_assert_uint_eq(dx_prog_eval_n(p, N, (const double *const[]){xs}, ys), 0);
    for (int i = 0; i < N; i++)
        ck_assert_msg(fabs(ys[i] - (log(xs[i]) + 2 * xs[i] + 3)) <= 1e-12 * ys[i], "at %g: %.17g", xs[i], ys[i]);
    dx_prog_free(p);
}
END_TEST

START_TEST(test_batch_single_corpus)
{
    int n;
    char **lines = read_lines("eval.txt", &n);
    ck_assert_msg(n >= 10, "the eval corpus has %d lines", n);
    for (int i = 0; i < n; i++) {
        batch_equals_single(lines[i]);
        free(lines[i]);
    }
    free(lines);
}
END_TEST

/* Registers are reused: a long expression with many live values still computes right. */
START_TEST(test_long_expression)
{
    char buf[20000] = "0";
    for (int k = 1; k <= 300; k++) {
        char t[64];
        snprintf(t, sizeof t, " + sin(%d*x)*x^%d/(x^2 + %d)", k, k % 5, k);
        strcat(buf, t);
    }
    dx_expr *f = tu_parse(buf);
    dx_prog *p = dx_compile(tu_ctx, f, X, 1);
    for (double x = -2; x <= 2; x += 0.37) {
        double y;
        ck_assert_msg(dx_prog_eval(p, tu_ctx, &x, &y) == DX_OK, "long at %g: %s", x, tu_err(tu_ctx));
        double want = tu_eval(f, "x", x);
        ck_assert_msg(fabs(y - want) <= 1e-12 * fmax(1, fabs(want)), "long at %g: %.17g vs %.17g", x, y, want);
    }
    dx_prog_free(p);
}
END_TEST

START_TEST(test_compile_errors)
{
    ck_assert_ptr_null(dx_compile(tu_ctx, tu_parse("x + y"), X, 1));
    ck_assert_str_eq(tu_err(tu_ctx), "no value for y");
    double v;
    ck_assert_int_eq(dx_eval_const(tu_ctx, tu_parse("pi/2"), &v), DX_OK);
    ck_assert_msg(v == 3.141592653589793 / 2, "pi/2 = %.17g", v);
    ck_assert_int_eq(dx_eval_const(tu_ctx, tu_parse("2"), &v), DX_OK);
    ck_assert_msg(v == 2, "2 = %.17g", v);
    const char *xy[] = {"x", "y"};
    dx_prog *p = dx_compile(tu_ctx, tu_parse("x - y"), xy, 2);
    double vals[2] = {5, 3};
    ck_assert_int_eq(dx_prog_eval(p, tu_ctx, vals, &v), DX_OK);
    ck_assert_msg(v == 2, "x - y at (5, 3) = %g", v);
    dx_prog_free(p);
    /* a variable alone, and a constant alone: no instructions at all */
    p = compile_x("x");
    double xs[3] = {1, -2, 3}, ys[3];
    ck_assert_uint_eq(dx_prog_eval_n(p, 3, (const double *const[]){xs}, ys), 0);
    ck_assert_msg(ys[1] == -2, "x at -2: %g", ys[1]);
    dx_prog_free(p);
}
END_TEST

static const struct { double v; const char *s; } fmt_rows[] = {
    {0.1, "0.1"}, {-2.25, "-2.25"}, {1.0 / 3, "0.3333333333333333"}, {-0.0, "0"}, {1e300, "1e+300"},
    {0.30000000000000004, "0.30000000000000004"}, {5e-324, "4.9406564584124654e-324"}, {1000, "1000"},
};

START_TEST(test_fmt)
{
    char buf[40];
    dx_fmt_double(buf, sizeof buf, fmt_rows[_i].v);
    ck_assert_msg(strcmp(buf, fmt_rows[_i].s) == 0 || strtod(buf, NULL) == fmt_rows[_i].v, "%.17g printed %s",
                  fmt_rows[_i].v, buf);
    ck_assert_msg(strtod(buf, NULL) == fmt_rows[_i].v || fmt_rows[_i].v == 0, "%s does not round-trip", buf);
    ck_assert_msg(strlen(buf) <= strlen(fmt_rows[_i].s), "%s is longer than %s", buf, fmt_rows[_i].s);
}
END_TEST

/* ---- verify: right derivatives match, wrong ones are flagged, kinks are named ---- */

static dx_verify_kind verify_with(const char *f, const char *df, double x)
{
    dx_prog *pf = compile_x(f), *pd = compile_x(df);
    dx_verify_point r = dx_verify_at(tu_ctx, pf, pd, x);
    dx_ctx_clear_error(tu_ctx);
    dx_prog_free(pf);
    dx_prog_free(pd);
    return r.kind;
}

static const struct { const char *f, *df; double x; dx_verify_kind want; } verify_rows[] = {
    {"sin(x^2)", "2*x*cos(x^2)", 1.3, DX_VERIFY_MATCH},
    {"sin(x^2)", "cos(x^2)", 1.3, DX_VERIFY_DIFFER},           /* missing chain factor */
    {"x^3", "3*x^3", 2, DX_VERIFY_DIFFER},                      /* power rule slip */
    {"cos(x)", "sin(x)", 0.5, DX_VERIFY_DIFFER},                /* sign and function */
    {"exp(x)", "exp(x)*(1 + 1e-6)", 3, DX_VERIFY_DIFFER},       /* a relative error of 1e-6 is seen */
    {"x^10", "10*x^9", 3, DX_VERIFY_MATCH},                     /* large values */
    {"1e6*cos(x)", "-1e6*sin(x)", 0, DX_VERIFY_MATCH},          /* f' = 0 under a large f */
    {"ln(x)", "1/x", 1e-3, DX_VERIFY_MATCH},
    {"ln(x)", "1/x", -1, DX_VERIFY_UNDEFINED},
    {"abs(x)", "abs(x)/x", 0, DX_VERIFY_NOT_DIFF},
    {"relu(x)", "relu(x)/x", 0, DX_VERIFY_NOT_DIFF},
    {"relu(x)", "step(x)", 0, DX_VERIFY_NOT_DIFF},
    {"abs(x)", "sign(x)", 0, DX_VERIFY_NOT_DIFF},
    {"sigmoid(x)", "sigmoid(x)*(1 - sigmoid(x))", 2, DX_VERIFY_MATCH},
    {"x^(1/3)", "1/3*x^(-2/3)", 0, DX_VERIFY_NOT_DIFF},
    {"sqrt(x)", "1/(2*sqrt(x))", 1e-20, DX_VERIFY_MATCH},      /* steps on x's own scale */
    {"x^x", "x^x*(ln(x) + 1)", 2.5, DX_VERIFY_MATCH},
    {"atan(x)", "1/(1 + x^2)", 1e5, DX_VERIFY_MATCH},
    /* issue 14: where one central difference is unreliable, a second estimate decides; a
     * mismatch only where the derivative is demonstrably wrong */
    {"x*abs(x)", "2*abs(x)", 0, DX_VERIFY_MATCH},               /* f'' jumps: one-sided quotients */
    {"1/x", "-1/x^2", 1e-6, DX_VERIFY_MATCH},                   /* the step straddled the pole */
    {"tan(x)", "sec(x)^2", 1.5707963267948966, DX_VERIFY_POLE}, /* pi/2 in doubles */
    {"x^(1/3)", "1/(3*x^(2/3))", 1e-9, DX_VERIFY_MATCH},
    {"1/x", "-1/x^3", 1e-6, DX_VERIFY_DIFFER},                  /* wrong, and seen as wrong there */
    {"1/x", "1/x^2", 1e-6, DX_VERIFY_DIFFER},
    {"x^(1/3)", "1/(3*x^(1/3))", 1e-9, DX_VERIFY_DIFFER},
    {"x*abs(x)", "abs(x)", 0.5, DX_VERIFY_DIFFER},
    {"x*abs(x)", "2*abs(x)", -0.5, DX_VERIFY_MATCH},
    {"abs(x)^3", "3*x*abs(x)", 0, DX_VERIFY_MATCH},
    {"relu(x)^2", "2*relu(x)", 0, DX_VERIFY_MATCH},
    {"relu(x)^2", "2*relu(x)^2/x", 0, DX_VERIFY_NOT_DIFF},      /* 0/0 as written, f'(0) = 0 said */
    {"tan(x)", "sec(x)^2", 1.5, DX_VERIFY_MATCH},
    {"tan(x)", "sec(x)^2", 1.5707, DX_VERIFY_MATCH},            /* 1e-4 from the pole */
    {"tan(x)", "sec(x)", 1.5707, DX_VERIFY_DIFFER},
    {"1/(x - 2)", "-1/(x - 2)^2", 2.000001, DX_VERIFY_MATCH},
    {"ln(x)", "1/x", 1e-12, DX_VERIFY_MATCH},
    {"ln(x)", "1/x^2", 1e-6, DX_VERIFY_DIFFER},
    {"sqrt(x)", "1/(2*sqrt(x))", 1e-12, DX_VERIFY_MATCH},
    {"sqrt(x)", "1/sqrt(x)", 1e-12, DX_VERIFY_DIFFER},
    {"sin(1/x)", "-cos(1/x)/x^2", 0.01, DX_VERIFY_MATCH},
    {"sin(1/x)", "cos(1/x)/x^2", 0.01, DX_VERIFY_DIFFER},
    {"exp(-1/x^2)", "2*exp(-1/x^2)/x^3", 0.1, DX_VERIFY_MATCH},
    {"x^2*sin(1/x)", "2*x*sin(1/x) - cos(1/x)", 1e-4, DX_VERIFY_MATCH},
    {"exp(x)", "exp(x)", 700, DX_VERIFY_MATCH},
    {"exp(x)", "exp(x)*x", 700, DX_VERIFY_DIFFER},
    {"x^100", "100*x^99", 1.01, DX_VERIFY_MATCH},
    {"x^100", "99*x^99", 1.01, DX_VERIFY_DIFFER},
    {"1/x^2", "-2/x^3", -1e-5, DX_VERIFY_MATCH},
    {"abs(x - 1)", "abs(x - 1)/(x - 1)", 1, DX_VERIFY_NOT_DIFF},
    {"cot(x)", "-csc(x)^2", 3.141592653589793, DX_VERIFY_POLE},
    {"sec(x)", "sec(x)*tan(x)", 1.5707963267948966, DX_VERIFY_POLE},
    {"sin(x)", "cos(x)", 1e8, DX_VERIFY_MATCH},                 /* a large x: the step scales */
    {"sin(x)", "-cos(x)", 1e8, DX_VERIFY_DIFFER},
    {"x^(2/3)", "2/(3*x^(1/3))", -1e-9, DX_VERIFY_MATCH},
    {"x^(1/3)", "1/(3*x^(2/3))", 0, DX_VERIFY_NOT_DIFF},
    {"x*ln(x)", "ln(x) + 1", 1e-10, DX_VERIFY_MATCH},
    {"x*ln(x)", "ln(x)", 1e-10, DX_VERIFY_DIFFER},
};

START_TEST(test_verify)
{
    dx_verify_kind k = verify_with(verify_rows[_i].f, verify_rows[_i].df, verify_rows[_i].x);
    ck_assert_msg(k == verify_rows[_i].want, "verify %s with %s at %g: kind %d, want %d", verify_rows[_i].f,
                  verify_rows[_i].df, verify_rows[_i].x, k, verify_rows[_i].want);
}
END_TEST

/* Every derivative dfdx computes for the corpus matches at points across [-3, 3]. */
START_TEST(test_verify_corpus)
{
    int n;
    char **lines = read_lines("eval.txt", &n);
    ck_assert_msg(n >= 10, "the eval corpus has %d lines", n);
    for (int i = 0; i < n; i++) {
        dx_expr *f = tu_parse(lines[i]), *df = dx_diff(tu_ctx, f, "x", 1);
        dx_prog *pf = dx_compile(tu_ctx, f, X, 1), *pd = dx_compile(tu_ctx, df, X, 1);
        int compared = 0;
        for (double x = -2.95; x < 3; x += 0.3) {
            dx_verify_point r = dx_verify_at(tu_ctx, pf, pd, x);
            dx_ctx_clear_error(tu_ctx);
            ck_assert_msg(r.kind != DX_VERIFY_DIFFER, "%s at %g: f' %.17g, numeric %.17g", lines[i], x, r.symbolic, r.numeric);
            compared += r.kind == DX_VERIFY_MATCH;
        }
        ck_assert_msg(compared >= 5, "%s: only %d points compared", lines[i], compared);
        dx_prog_free(pf);
        dx_prog_free(pd);
        free(lines[i]);
    }
    free(lines);
}
END_TEST

/* ---- the commands ---- */

typedef struct {
    const char *argv[10];
    int rc;
    const char *out; /* exact stdout, or NULL */
    const char *err; /* substring of stderr, or NULL */
} golden;

static const golden goldens[] = {
    {{"eval", "3*x^2 - 3", "x=1/2"}, 0, "-9/4 = -2.25\n", NULL},
    {{"eval", "1/3"}, 0, "1/3 \u2248 0.3333333333333333\n", NULL},
    {{"eval", "x^2", "x=pi"}, 0, "pi^2 \u2248 9.869604401089358\n", NULL},
    {{"eval", "sin(x)", "x=pi/6"}, 0, "1/2 = 0.5\n", NULL},
    {{"eval", "cos(x)", "x=pi/4"}, 0, "sqrt(2)/2 \u2248 0.7071067811865476\n", NULL},
    {{"eval", "tan(x)", "x=pi/2"}, 2, "", "tan is undefined at pi/2"},
    {{"eval", "x*y", "x=2", "y=0.25"}, 0, "1/2 = 0.5\n", NULL},
    {{"eval", "ln(x)", "x=e^2"}, 0, "2\n", NULL},
    {{"eval", "x^(2/3)", "x=-8"}, 0, "4\n", NULL},
    {{"eval", "ln(x)", "x=-1"}, 2, "", "dfdx: ln is undefined at -1 (it needs a positive number)\n"},
    {{"eval", "1/x", "x=0"}, 2, "", "dfdx: division by zero"},
    {{"eval", "sqrt(x)", "x=-2"}, 2, "", "sqrt is undefined at -2"},
    {{"eval", "asin(x)", "x=2"}, 2, "", "asin is undefined at 2"},
    {{"eval", "exp(x)", "x=1000"}, 0, "e^1000 \u2248 1.970071114017047e+434\n", NULL}, /* past a double, not an error */
    {{"eval", "x + y + z", "x=1"}, 2, "", "no value for y, z"},
    {{"eval", "x", "y=1", "x=1"}, 2, "", "y is not a variable of the expression"},
    {{"eval", "x", "x=1", "x=2"}, 2, "", "x is given twice"},
    {{"eval", "x", "x"}, 2, "", "'x' is not a value: write it as V=VALUE"},
    {{"eval", "x", "x=1+"}, 2, "", "dfdx: x=: syntax error at column 3"},
    {{"eval", "x", "x=y"}, 2, "", "dfdx: x=: takes a number or a constant expression like pi/2 (not 'y', which has the variable y)\n"},
    {{"--format", "json", "eval", "3*x^2 - 3", "x=1/2"}, 0,
     "{\"input\": \"3*x^2 - 3\", \"values\": {\"x\": 0.5}, \"exact\": \"-9/4\", \"is_exact\": true, \"value\": -2.25}\n", NULL},
    {{"--format", "json", "eval", "sin(x)", "x=1"}, 0,
     "{\"input\": \"sin(x)\", \"values\": {\"x\": 1}, \"exact\": null, \"is_exact\": false, \"value\": 0.8414709848078965}\n", NULL},
    {{"tangent", "x^2", "--at", "1.5"}, 0, "slope: 3\npoint: (1.5, 2.25)\ntangent: y = 3*x - 2.25\n", NULL},
    {{"tangent", "x^2", "--at", "1/3"}, 0, "slope: 2/3\npoint: (1/3, 1/9)\ntangent: y = 2*x/3 - 1/9\n", NULL},
    {{"tangent", "x^3", "--at", "0"}, 0, "slope: 0\npoint: (0, 0)\ntangent: y = 0\n", NULL},
    {{"tangent", "x^2 + x", "--at", "-1"}, 0, "slope: -1\npoint: (-1, 0)\ntangent: y = -x - 1\n", NULL},
    {{"tangent", "sin(x)", "--at", "0"}, 0, "slope: 1\npoint: (0, 0)\ntangent: y = x\n", NULL},
    {{"tangent", "sin(x)", "--at", "pi/2"}, 0, "slope: 0\npoint: (pi/2 ≈ 1.5708, 1)\ntangent: y = 1\n", NULL},
    {{"tangent", "sin(x)", "--at", "pi/6"}, 0, "slope: sqrt(3)/2 ≈ 0.866025\npoint: (pi/6 ≈ 0.523599, 1/2)\ntangent: y = sqrt(3)*x/2 + 1/2 - sqrt(3)*pi/12 ≈ 0.866025*x + 0.0465502\n", NULL},
    {{"tangent", "abs(x)", "--at", "0"}, 0, "no tangent line: f is not differentiable at x = 0 (left derivative -1, right derivative 1; sub-gradients [-1, 1])\n", NULL},
    {{"tangent", "ln(x)", "--at", "-1"}, 2, "", "f is not defined at x = -1: ln is undefined at -1"},
    {{"tangent", "x^2"}, 2, "", "tangent needs the point: --at A"},
    {{"tangent", "x^2", "--at", "x"}, 2, "", "dfdx: --at: takes a number or a constant expression"},
    {{"tangent", "x^2", "--at", "1e400"}, 2, "", "too large for a double"},
    {{"tangent", "x^2", "--at", "oo"}, 2, "", "--at takes a finite number (not 'oo')"},
    {{"tangent", "x^2", "--at", "ln(0)"}, 2, "", "dfdx: --at: error at column 1: ln is undefined at 0"},
    {{"--format", "json", "tangent", "x^2", "--at", "1.5"}, 0,
     "{\"input\": \"x^2\", \"variable\": \"x\", \"at\": 1.5, \"point\": [1.5, 2.25], \"differentiable\": true, \"slope\": 3, "
     "\"intercept\": -2.25, \"exact\": true, \"slope_text\": \"3\", \"line\": \"y = 3*x - 2.25\"}\n", NULL},
    {{"--format", "json", "tangent", "abs(x)", "--at", "0"}, 0,
     "{\"input\": \"abs(x)\", \"variable\": \"x\", \"at\": 0, \"point\": [0, 0], \"differentiable\": false, \"reason\": "
     "\"left derivative -1, right derivative 1; sub-gradients [-1, 1]\"}\n", NULL},
    {{"verify", "x^2", "--at", "1,2"}, 0,
     NULL, NULL},
    {{"verify", "abs(x)", "--at", "0"}, 0, NULL, NULL},
    {{"verify", "x^2", "--at", "1,"}, 2, "", "--at needs a value"},
    {{"verify", "x*y", "--var", "x", "y=2", "--at", "1"}, 0, NULL, NULL},
    {{"verify", "x*y", "--at", "1"}, 2, "", "no value for y"},
    /* e^800 exists, it is only too large for a double: not "f not defined" */
    {{"verify", "exp(x)", "--at", "800"}, 0,
     "f(x)  = e^x\nf'(x) = e^x\n\n  x             f' symbolic         central diff.       abs diff    rel diff    match\n"
     "  800           -                   -                   -           -           f too large for a double\n\n"
     "0 of 1 points match (the others are listed with the reason)\n", NULL},
    {{"--format", "json", "verify", "exp(x)", "--at", "800"}, 0,
     "{\"input\": \"e^x\", \"variable\": \"x\", \"derivative\": \"e^x\", \"points\": [{\"x\": 800, \"symbolic\": null, "
     "\"numeric\": null, \"abs_diff\": null, \"rel_diff\": null, \"match\": false, \"status\": \"overflow\"}], "
     "\"matched\": 0, \"mismatched\": 0}\n", NULL},
    {{"--format", "json", "verify", "abs(x)", "--at", "0"}, 0,
     "{\"input\": \"abs(x)\", \"variable\": \"x\", \"derivative\": \"sign(x)\", \"points\": [{\"x\": 0, \"symbolic\": null, "
     "\"numeric\": null, \"abs_diff\": null, \"rel_diff\": null, \"match\": false, \"status\": \"not_differentiable\"}], "
     "\"matched\": 0, \"mismatched\": 0}\n", NULL},
};

START_TEST(test_cli)
{
    const golden *g = &goldens[_i];
    char *out, *err, cmd[256] = "";
    for (int k = 0; g->argv[k]; k++) {
        strncat(cmd, g->argv[k], sizeof cmd - strlen(cmd) - 2);
        strcat(cmd, " ");
    }
    int rc = tu_run(g->argv, NULL, &out, &err);
    ck_assert_msg(rc == g->rc, "dfdx %s: exit %d, want %d (stderr: %s)", cmd, rc, g->rc, err);
    if (g->out)
        ck_assert_msg(strcmp(out, g->out) == 0, "dfdx %s: stdout\n%s\nwant\n%s", cmd, out, g->out);
    if (g->err)
        ck_assert_msg(strstr(err, g->err) != NULL, "dfdx %s: stderr \"%s\" lacks \"%s\"", cmd, err, g->err);
    if (g->rc == 0)
        ck_assert_msg(strstr(out, "nan") == NULL && strstr(out, "inf") == NULL, "dfdx %s: nan/inf in\n%s", cmd, out);
    free(out);
    free(err);
}
END_TEST

START_TEST(test_cli_verify_table)
{
    const char *argv[] = {"verify", "x^3 - 3*x", NULL};
    char *out, *err;
    ck_assert_int_eq(tu_run(argv, NULL, &out, &err), 0);
    ck_assert_msg(strstr(out, "f'(x) = 3*x^2 - 3\n") && strstr(out, "9 of 9 points match"), "verify x^3 - 3*x:\n%s", out);
    free(out);
    free(err);
    /* ln: the default points stay inside the domain */
    const char *argv2[] = {"verify", "ln(x)", NULL};
    ck_assert_int_eq(tu_run(argv2, NULL, &out, &err), 0);
    ck_assert_msg(strstr(out, "7 of 7 points match") && !strstr(out, "not defined"), "verify ln(x):\n%s", out);
    free(out);
    free(err);
    /* abs: the kink at 0 is named */
    const char *argv3[] = {"verify", "abs(x)", NULL};
    ck_assert_int_eq(tu_run(argv3, NULL, &out, &err), 0);
    ck_assert_msg(strstr(out, "not differentiable") && strstr(out, "8 of 9 points match"), "verify abs(x):\n%s", out);
    free(out);
    free(err);
    /* a point outside the domain, given by the user, is listed as such */
    const char *argv4[] = {"verify", "sqrt(x)", "--at", "-1,0,4", NULL};
    ck_assert_int_eq(tu_run(argv4, NULL, &out, &err), 0);
    ck_assert_msg(strstr(out, "f not defined") && strstr(out, "not differentiable") && strstr(out, "1 of 3"),
                  "verify sqrt(x) --at -1,0,4:\n%s", out);
    free(out);
    free(err);
}
END_TEST

/* A rational result is the answer, digits and all, even past 80 characters or a double's
 * range; only a result longer than a page is refused. */
START_TEST(test_cli_big_exact)
{
    char *out, *err;
    const char *argv[] = {"eval", "3^300", NULL};
    ck_assert_int_eq(tu_run(argv, NULL, &out, &err), 0);
    ck_assert_msg(strncmp(out, "136891479058588375991326", 24) == 0 && strlen(out) > 143 &&
                      strstr(out, "95774566001 \u2248 1.3689147905858837e+143\n"),
                  "eval 3^300: %s", out);
    free(out), free(err);
    const char *argv2[] = {"eval", "10^400", NULL};
    ck_assert_int_eq(tu_run(argv2, NULL, &out, &err), 0);
    ck_assert_msg(strncmp(out, "10000", 5) == 0 && strlen(out) == 401 + strlen(" \u2248 1e+400\n") &&
                      strstr(out, "0 \u2248 1e+400\n"),
                  "eval 10^400: %s", out);
    free(out), free(err);
    const char *argv3[] = {"eval", "2^100000", NULL};
    ck_assert_int_eq(tu_run(argv3, NULL, &out, &err), 0);
    ck_assert_str_eq(out, "2^100000 \u2248 9.990020930143845e+30102\n");
    free(out), free(err);
}
END_TEST

/* dx_eval_at: the exact value, its double, and how it is said, as data. */
static const struct {
    const char *e, *x; /* x: the value of x ("" when e is closed) */
    const char *exact; /* NULL: no exact form */
    double value;
    dx_value_form form;
} value_rows[] = {
    {"x^2 - 3*x", "3/2", "-9/4", -2.25, DX_VALUE_EQUAL},
    {"x/3", "1", "1/3", 1.0 / 3, DX_VALUE_APPROX},
    {"x^2 + pi", "1", "1 + pi", 4.141592653589793, DX_VALUE_APPROX},
    {"-x^2", "3", "-9", -9, DX_VALUE_DECIMAL},
    {"log2(8)", "", "3", 3, DX_VALUE_DECIMAL}, /* a rational logarithm is read exactly */
    {"log(2, 8)", "", "1/3", 1.0 / 3, DX_VALUE_APPROX}, /* log(x, b) is base b (CLI.md): 2 = 8^(1/3) */
    {"log(8, 1/2)", "", "-3", -3, DX_VALUE_DECIMAL},
    {"log(1/4, 8)", "", "-2/3", -2.0 / 3, DX_VALUE_APPROX},
    {"log(3^1000, 9)", "", "500", 500, DX_VALUE_DECIMAL},
    {"log(16/81, 2/3)", "", "4", 4, DX_VALUE_DECIMAL},
    {"log(3, 8)", "", NULL, 0.5283208335737187, DX_VALUE_DECIMAL}, /* irrational: a call, its decimal */
    {"log(x, 8)", "2", "1/3", 1.0 / 3, DX_VALUE_APPROX}, /* ln(2)/ln(8) after substitution */
    {"sin(x)", "1", NULL, 0.8414709848078965, DX_VALUE_DECIMAL},
    {"10^400", "", "10^400", INFINITY, DX_VALUE_BEYOND},
    {"2^100000", "", "2^100000", INFINITY, DX_VALUE_BEYOND},
    {"e^-1000", "", "e^-1000", 0, DX_VALUE_BEYOND},
};

START_TEST(test_eval_at)
{
    dx_expr *e = tu_parse(value_rows[_i].e), *val = *value_rows[_i].x ? tu_parse(value_rows[_i].x) : NULL;
    const char *names[] = {"x"};
    dx_value v;
    ck_assert_int_eq(dx_eval_at(tu_ctx, e, names, &val, val ? 1 : 0, &v), DX_OK);
    ck_assert_int_eq(v.form, value_rows[_i].form);
    ck_assert_ptr_eq(v.input, e);
    ck_assert_uint_eq(v.nvalues, val ? 1 : 0);
    if (value_rows[_i].exact)
        ck_assert_ptr_eq(v.exact, tu_parse(value_rows[_i].exact)); /* hash-consed: one pointer */
    else
        ck_assert_ptr_null(v.exact);
    if (isnan(value_rows[_i].value))
        ck_assert(isnan(v.value));
    else if (v.form == DX_VALUE_BEYOND)
        ck_assert(v.value == value_rows[_i].value && v.beyond != NULL);
    else
        ck_assert_double_eq_tol(v.decimal, value_rows[_i].value, 1e-15);
}
END_TEST

/* Domain errors found exactly or in doubles are the context's error; so is a value that only
 * an exact form could give but too long to show. */
START_TEST(test_eval_at_errors)
{
    const char *names[] = {"x"};
    dx_expr *zero = tu_parse("0"), *minus = tu_parse("-1");
    dx_value v;
    ck_assert_int_eq(dx_eval_at(tu_ctx, tu_parse("1/x"), names, &zero, 1, &v), DX_EDOMAIN);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->msg.id, DX_M_DIV_ZERO);
    ck_assert_int_eq(dx_eval_at(tu_ctx, tu_parse("sqrt(x)"), names, &minus, 1, &v), DX_EDOMAIN);
    /* past MPFR's range in its exponent too: refused */
    ck_assert_int_eq(dx_eval_at(tu_ctx, tu_parse("10^10^10^30"), NULL, NULL, 0, &v), DX_EDOMAIN);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->msg.id, DX_M_POW_OVERFLOW);
    /* a failed earlier call (NULL input) keeps its error */
    ck_assert_int_eq(dx_eval_at(tu_ctx, NULL, NULL, NULL, 0, &v), DX_EDOMAIN);
    /* and the next call starts clean */
    ck_assert_int_eq(dx_eval_at(tu_ctx, tu_parse("2"), NULL, NULL, 0, &v), DX_OK);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->status, DX_OK);
}
END_TEST

/* dx_verify: one row per point with its kind and its words, and the counts. */
/* Issue 14's cases through dx_verify with dfdx's own f': none is a mismatch, each says why. */
START_TEST(test_verify_unreliable)
{
    static const struct {
        const char *f;
        double x;
        dx_verify_kind want;
        dx_msg_id why;
    } rows[] = {
        {"x*abs(x)", 0, DX_VERIFY_MATCH, DX_M_VERIFY_OK},
        {"1/x", 1e-6, DX_VERIFY_MATCH, DX_M_VERIFY_OK},
        {"tan(x)", 1.5707963267948966, DX_VERIFY_POLE, DX_M_VERIFY_POLE},
        {"x^(1/3)", 1e-9, DX_VERIFY_MATCH, DX_M_VERIFY_OK},
        {"relu(x)^2", 0, DX_VERIFY_NOT_DIFF, DX_M_VERIFY_FORMULA_UNDEFINED},
        {"abs(x)", 0, DX_VERIFY_NOT_DIFF, DX_M_VERIFY_NOT_DIFF},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        dx_verify_result r;
        dx_expr *f = tu_parse(rows[i].f);
        ck_assert_int_eq(dx_verify(tu_ctx, f, "x", NULL, NULL, 0, &rows[i].x, 1, &r), DX_OK);
        ck_assert_msg(r.points[0].kind == rows[i].want && r.points[0].why.id == rows[i].why && r.mismatched == 0,
                      "%s at %g: kind %d", rows[i].f, rows[i].x, r.points[0].kind);
        char why[200];
        ck_assert_msg(tu_check_default(f, r.derivative, "x", why, sizeof why) >= 3, "%s: %s", rows[i].f, why);
    }
    /* where f' as written is 0/0 but f is differentiable, the number is said, not noise */
    dx_verify_result r;
    const double zero = 0;
    ck_assert_int_eq(dx_verify(tu_ctx, tu_parse("relu(x)^2"), "x", NULL, NULL, 0, &zero, 1, &r), DX_OK);
    ck_assert(r.points[0].numeric == 0);
}
END_TEST

START_TEST(test_verify_result)
{
    dx_verify_result r;
    const double pts[] = {1, 0, -1e-10, 800};
    dx_expr *f = tu_parse("sin(x)/x + a*x");
    dx_expr *a = tu_parse("2");
    const char *names[] = {"a"};
    ck_assert_int_eq(dx_verify(tu_ctx, f, "x", names, &a, 1, pts, 3, &r), DX_OK);
    ck_assert_ptr_eq(r.f, f);
    ck_assert_ptr_eq(r.derivative, dx_derivative(tu_ctx, f, "x", 1)); /* the f' diff prints */
    ck_assert_uint_eq(r.npoints, 3);
    ck_assert_int_eq(r.points[0].kind, DX_VERIFY_MATCH);
    ck_assert_int_eq(r.points[0].why.id, DX_M_VERIFY_OK);
    ck_assert_double_eq_tol(r.points[0].symbolic, cos(1.0) - sin(1.0) + 2, 1e-12);
    ck_assert_int_eq(r.points[1].kind, DX_VERIFY_UNDEFINED); /* 0/0 */
    ck_assert_int_eq(r.points[2].kind, DX_VERIFY_INCONCLUSIVE); /* f' cancels to noise */
    ck_assert_int_eq(r.points[2].why.id, DX_M_VERIFY_CANCELS);
    ck_assert_uint_eq(r.matched, 1);
    ck_assert_uint_eq(r.mismatched, 0);
    /* a value a double cannot hold is said as such */
    ck_assert_int_eq(dx_verify(tu_ctx, tu_parse("exp(x)"), "x", NULL, NULL, 0, pts + 3, 1, &r), DX_OK);
    ck_assert_int_eq(r.points[0].kind, DX_VERIFY_UNDEFINED);
    ck_assert_int_eq(r.points[0].why.id, DX_M_VERIFY_F_OVERFLOW);
    /* the default points stay in the domain of ln */
    ck_assert_int_eq(dx_verify(tu_ctx, tu_parse("ln(x)"), "x", NULL, NULL, 0, NULL, 0, &r), DX_OK);
    ck_assert_uint_eq(r.npoints, 7);
    ck_assert_uint_eq(r.matched, 7);
    for (size_t i = 0; i < r.npoints; i++)
        ck_assert(r.points[i].x > 0);
    /* a variable without a value is the context's error */
    ck_assert_int_eq(dx_verify(tu_ctx, f, "x", NULL, NULL, 0, pts, 1, &r), DX_EUSAGE);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->msg.id, DX_M_NO_VALUE);
}
END_TEST

/* dx_tangent: the line, exact where it can be; kinks, vertical tangents and jumps as data;
 * errors on the context. */
static const struct {
    const char *f, *at;
    dx_tangent_kind kind;
    const char *slope, *y; /* exact, NULL where not exact */
    bool decimals;
} tangent_rows[] = {
    {"x^2", "1.5", DX_TANGENT_LINE, "3", "9/4", true},
    {"x^2", "3/2", DX_TANGENT_LINE, "3", "9/4", false},
    {"sin(x)", "pi/6", DX_TANGENT_LINE, "sqrt(3)/2", "1/2", false},
    {"relu(x^3)", "0", DX_TANGENT_LINE, "0", "0", false}, /* f' fails at 0, both sides say 0 */
    {"x*exp(x)", "1", DX_TANGENT_LINE, "2*e", "e", false},
    {"abs(x)", "0", DX_TANGENT_KINK, NULL, NULL, false},
    {"abs(sin(x))", "pi", DX_TANGENT_KINK, NULL, NULL, false}, /* the exact pi finds the kink */
    {"x^(1/3)", "0", DX_TANGENT_VERTICAL, NULL, NULL, false},
    {"sqrt(x)", "0", DX_TANGENT_VERTICAL, NULL, NULL, false},
};

START_TEST(test_tangent_rows)
{
    dx_expr *f = tu_parse(tangent_rows[_i].f);
    dx_tangent_result r;
    ck_assert_int_eq(dx_tangent(tu_ctx, f, "x", tangent_rows[_i].at, NULL, NULL, 0, &r), DX_OK);
    ck_assert_int_eq(r.kind, tangent_rows[_i].kind);
    ck_assert_ptr_eq(r.f, f);
    ck_assert_ptr_eq(r.at, tu_parse(tangent_rows[_i].at));
    ck_assert(r.decimals == tangent_rows[_i].decimals);
    double x = r.x;
    if (tangent_rows[_i].kind != DX_TANGENT_LINE) {
        ck_assert(isnan(r.slope));
        return;
    }
    /* the slope is f'(at), checked against the numeric derivative of f */
    char why[200];
    ck_assert_msg(tu_check_numeric(f, tu_parse(tangent_rows[_i].slope), "x", &x, 1, why, sizeof why) >= 0, "%s at %s: %s",
                  tangent_rows[_i].f, tangent_rows[_i].at, why);
    ck_assert(r.exact);
    ck_assert_ptr_eq(r.exact_slope, tu_parse(tangent_rows[_i].slope));
    ck_assert_ptr_eq(r.exact_y, tu_parse(tangent_rows[_i].y));
    ck_assert_double_eq_tol(r.y, tu_eval(f, "x", x), 1e-12);
    ck_assert_double_eq_tol(r.intercept, r.y - r.slope * x, 1e-12);
    /* the line goes through the point with the slope */
    ck_assert_double_eq_tol(tu_eval(r.line, "x", x), r.y, 1e-12);
    ck_assert_double_eq_tol(tu_eval(r.line, "x", x + 1) - tu_eval(r.line, "x", x), r.slope, 1e-12);
}
END_TEST

/* The one-sided slopes of a kink and of a vertical tangent; a jump; why f' is undefined. */
START_TEST(test_tangent_sides)
{
    dx_tangent_result r;
    ck_assert_int_eq(dx_tangent(tu_ctx, tu_parse("abs(x)"), "x", "0", NULL, NULL, 0, &r), DX_OK);
    ck_assert_int_eq(r.left.kind, DX_SLOPE_VALUE);
    ck_assert_int_eq(r.right.kind, DX_SLOPE_VALUE);
    ck_assert_double_eq(r.left.value, -1);
    ck_assert_double_eq(r.right.value, 1);
    ck_assert_int_eq(dx_tangent(tu_ctx, tu_parse("sqrt(x)"), "x", "0", NULL, NULL, 0, &r), DX_OK);
    ck_assert_int_eq(r.left.kind, DX_SLOPE_UNDEFINED);
    ck_assert_int_eq(r.right.kind, DX_SLOPE_POS_INF);
    ck_assert_int_eq(dx_tangent(tu_ctx, tu_parse("abs(x)/x"), "x", "1", NULL, NULL, 0, &r), DX_OK);
    ck_assert_int_eq(r.kind, DX_TANGENT_LINE);
    /* the other variables take their values */
    dx_expr *two = tu_parse("2");
    const char *names[] = {"a"};
    ck_assert_int_eq(dx_tangent(tu_ctx, tu_parse("a*x^2"), "x", "1", names, &two, 1, &r), DX_OK);
    ck_assert_ptr_eq(r.exact_slope, tu_parse("4"));
}
END_TEST

START_TEST(test_tangent_errors)
{
    dx_tangent_result r;
    ck_assert_int_eq(dx_tangent(tu_ctx, tu_parse("ln(x)"), "x", "0", NULL, NULL, 0, &r), DX_EDOMAIN);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->msg.id, DX_M_TANGENT_F_UNDEFINED);
    ck_assert_int_eq(dx_tangent(tu_ctx, tu_parse("x^2"), "x", "y", NULL, NULL, 0, &r), DX_EUSAGE);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->msg.id, DX_M_TANGENT_NOT_A_POINT);
    ck_assert_int_eq(dx_tangent(tu_ctx, tu_parse("x*y"), "x", "1", NULL, NULL, 0, &r), DX_EUSAGE);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->msg.id, DX_M_NO_VALUE);
    /* the next call starts clean */
    ck_assert_int_eq(dx_tangent(tu_ctx, tu_parse("x^2"), "x", "1", NULL, NULL, 0, &r), DX_OK);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->status, DX_OK);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("eval");
    TCase *t = tcase_create("eval");
    tcase_set_timeout(t, 120);
    tcase_add_checked_fixture(t, tu_setup, tu_teardown);
    tcase_add_loop_test(t, test_fn_rows, 0, (int)(sizeof fn_rows / sizeof *fn_rows));
    tcase_add_loop_test(t, test_powers, 0, (int)(sizeof pow_rows / sizeof *pow_rows));
    tcase_add_loop_test(t, test_domain_messages, 0, (int)(sizeof dom_rows / sizeof *dom_rows));
    tcase_add_loop_test(t, test_exact, 0, (int)(sizeof exact_rows / sizeof *exact_rows));
    tcase_add_test(t, test_exact_division_by_zero);
    tcase_add_loop_test(t, test_batch_single, 0, (int)(sizeof batch_exprs / sizeof *batch_exprs));
    tcase_add_test(t, test_batch_single_corpus);
    tcase_add_test(t, test_batch_after_error);
    tcase_add_test(t, test_long_expression);
    tcase_add_test(t, test_compile_errors);
    tcase_add_loop_test(t, test_fmt, 0, (int)(sizeof fmt_rows / sizeof *fmt_rows));
    tcase_add_loop_test(t, test_verify, 0, (int)(sizeof verify_rows / sizeof *verify_rows));
    tcase_add_test(t, test_verify_corpus);
    tcase_add_loop_test(t, test_cli, 0, (int)(sizeof goldens / sizeof *goldens));
    tcase_add_test(t, test_cli_verify_table);
    tcase_add_test(t, test_cli_big_exact);
    tcase_add_loop_test(t, test_eval_at, 0, (int)(sizeof value_rows / sizeof *value_rows));
    tcase_add_test(t, test_eval_at_errors);
    tcase_add_test(t, test_verify_result);
    tcase_add_test(t, test_verify_unreliable);
    tcase_add_loop_test(t, test_tangent_rows, 0, (int)(sizeof tangent_rows / sizeof *tangent_rows));
    tcase_add_test(t, test_tangent_sides);
    tcase_add_test(t, test_tangent_errors);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_main(suite());
}
