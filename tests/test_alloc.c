/* Allocation failure: every library call, with the n-th allocation failing for every n up to
 * the number it makes, fails with DX_ENOMEM or gives the same answer; never crashes, never
 * leaks (the sanitizer build checks that), never answers differently. */
#include "alloc.h"
#include "diff.h"
#include "equiv.h"
#include "limit.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A scenario runs calls in ctx and writes what they answered to out; false on a failure
 * (the error on ctx). */
typedef bool (*scenario)(dx_ctx *ctx, FILE *out);

static bool put_expr(dx_ctx *ctx, FILE *out, const dx_expr *e)
{
    char *s = e ? dx_print(ctx, e, DX_PLAIN) : NULL;
    if (s)
        fprintf(out, "%s\n", s);
    free(s);
    return s != NULL;
}

static dx_expr *parse(dx_ctx *ctx, const char *s) { return dx_parse(ctx, s, strlen(s)); }

/* f and the variable x, or false: a parse starts clean, so nothing runs after a failure. */
static bool parse2(dx_ctx *ctx, const char *text, dx_expr **f, dx_expr **x)
{
    return (*f = parse(ctx, text)) != NULL && (*x = parse(ctx, "x")) != NULL;
}

static bool diff_print(dx_ctx *ctx, FILE *out)
{
    dx_expr *f = parse(ctx, "sin(x)^2*e^x/(1 + x^2) + ln(x)*sqrt(x)");
    dx_expr *d = dx_simplify(ctx, dx_diff(ctx, f, "x", 2));
    char *latex = d ? dx_print(ctx, d, DX_LATEX) : NULL;
    if (latex)
        fprintf(out, "%s\n", latex);
    free(latex);
    return latex && put_expr(ctx, out, d);
}

/* Big numbers: GMP's allocations go through the library's allocator too. */
static bool big_numbers(dx_ctx *ctx, FILE *out)
{
    dx_expr *f = parse(ctx, "123456789012345678901234567890*x^3/7 + 2^200*x - 1e-40/x");
    return put_expr(ctx, out, dx_simplify(ctx, dx_diff(ctx, f, "x", 1)));
}

static bool compile_eval(dx_ctx *ctx, FILE *out)
{
    dx_expr *f = parse(ctx, "ln(x)*sqrt(x + y) + atan(x*y)^2");
    const char *vars[] = {"x", "y"};
    dx_prog *p = f ? dx_compile(ctx, dx_diff(ctx, f, "x", 1), vars, 2) : NULL;
    if (!p)
        return false;
    double vals[] = {2, 3}, v;
    bool ok = dx_prog_eval(p, ctx, vals, &v) == DX_OK;
    fprintf(out, "%.17g\n", v);
    dx_prog_free(p);
    return ok;
}

/* What a renderer wrote; out of memory in it (its buffer says so) counts as the call's. */
static bool put_text(dx_ctx *ctx, FILE *out, dx_buf *b)
{
    char *t = dx_buf_take(b);
    if (!t) {
        dx_oom(ctx);
        return false;
    }
    fputs(t, out);
    free(t);
    return !dx_failed(ctx);
}

static bool extrema(dx_ctx *ctx, FILE *out, const char *text, const double *from, const double *to)
{
    dx_expr *f, *x;
    dx_extrema_result r;
    if (!parse2(ctx, text, &f, &x) || dx_extrema(ctx, f, "x", from, to, &r) != DX_OK)
        return false;
    dx_buf b = {0};
    dx_show_extrema(ctx, &r, DX_SHOW_PLAIN, &b);
    dx_extrema_free(&r);
    return put_text(ctx, out, &b);
}

static bool extrema_poly(dx_ctx *ctx, FILE *out) { return extrema(ctx, out, "x^5/5 - x^3 + 2*x - 1/3", NULL, NULL); }

static bool extrema_grid(dx_ctx *ctx, FILE *out)
{
    double from = -3, to = 3;
    return extrema(ctx, out, "sin(2*x) + abs(x - 1)", &from, &to);
}

static bool limit(dx_ctx *ctx, FILE *out)
{
    dx_expr *f, *x;
    dx_limit_report r;
    if (!parse2(ctx, "(sin(x) - x)/x^3 + abs(x)", &f, &x) ||
        dx_limit(ctx, f, "x", (dx_point){dx_int(ctx, 0), 0}, false, false, &r) != DX_OK)
        return false;
    dx_buf b = {0};
    dx_show_limit(ctx, &r, DX_SHOW_PLAIN, &b);
    return put_text(ctx, out, &b);
}

static bool limit_inf(dx_ctx *ctx, FILE *out)
{
    dx_expr *f, *x;
    dx_lim l;
    if (!parse2(ctx, "(1 + 2/x)^x", &f, &x) || dx_limit_side(ctx, f, x, (dx_point){NULL, 1}, -1, &l) != DX_OK)
        return false;
    dx_buf b = {0};
    dx_show_lim(ctx, &l, DX_SHOW_PLAIN, false, &b);
    return put_text(ctx, out, &b);
}

static bool descend(dx_ctx *ctx, FILE *out)
{
    dx_expr *f = parse(ctx, "(w - 3)^2 + abs(v) + w*v/4");
    const char *vars[] = {"w", "v"};
    dx_descent *d = f ? dx_descend_prepare(ctx, f, vars, 2, NULL, NULL, 0) : NULL;
    if (!d)
        return false;
    dx_descend_opts o;
    dx_descend_defaults(&o);
    o.steps = 50;
    double start[] = {0, 1}, pos[2];
    dx_descend_result r;
    bool ok = dx_descend_run(d, ctx, start, &o, NULL, NULL, &r, pos) == DX_OK;
    char *why = ok ? dx_msg_text(ctx, &r.reason, DX_PLAIN) : NULL;
    fprintf(out, "%d %d %ld %.17g %.17g %.17g %s\n", (int)r.status, (int)r.why, r.steps, r.loss, pos[0], pos[1],
            why ? why : "");
    if (ok && !why) { /* the words could not be made */
        dx_oom(ctx);
        ok = false;
    }
    free(why);
    dx_descend_free(d);
    return ok;
}

static bool check(dx_ctx *ctx, FILE *out)
{
    dx_expr *f, *x, *ans;
    dx_equiv r;
    if (!parse2(ctx, "sin(x^2)/x", &f, &x) || !(ans = parse(ctx, "2*cos(x^2) - sin(x^2)/x")) || dx_equiv_check(ctx, dx_diff(ctx, f, "x", 1), ans, f, x, false, &r) != DX_OK)
        return false;
    fprintf(out, "%d %zu %.17g %.17g %.17g %zu\n", (int)r.kind, r.npoints, r.at_d, r.da, r.db, r.nheld);
    return (!r.at || put_expr(ctx, out, r.at)) && !dx_failed(ctx);
}

static bool steps(dx_ctx *ctx, FILE *out)
{
    dx_expr *f, *x;
    dx_steps s;
    if (!parse2(ctx, "x^2*sin(3*x)/ln(x)", &f, &x) || dx_steps_build(ctx, f, "x", &s) != DX_OK)
        return false;
    dx_buf b = {0};
    dx_show_steps(ctx, &s, DX_SHOW_PLAIN, &b);
    char *t = dx_buf_take(&b);
    if (t)
        fputs(t, out);
    else /* a renderer says "out of memory" through its buffer, not the context */
        dx_oom(ctx);
    free(t);
    dx_steps_free(&s);
    return t != NULL;
}

static bool plot(dx_ctx *ctx, FILE *out)
{
    dx_expr *f = parse(ctx, "x^3 - 2*x + 1/x");
    dx_plot *p = f ? dx_plot_new(ctx, -2, 2, 200) : NULL;
    if (!p)
        return false;
    char *t = NULL;
    if (dx_plot_add_expr(p, ctx, f, "x", "f", true, false) == DX_OK && dx_plot_finish(p, ctx) == DX_OK)
        t = dx_plot_text(p, ctx, 60, 20, 0);
    if (t)
        fputs(t, out);
    free(t);
    dx_plot_free(p);
    return t != NULL;
}

/* The commands on several variables, each through its renderer. Every call starts clean, so
 * each result is checked before the next call. */
static bool several(dx_ctx *ctx, FILE *out)
{
    const char *xy[] = {"x", "y"};
    dx_parse_opts eq = {NULL, 0, true};
    dx_expr *f, *at[2], *F, *p[2], *g;
    dx_hessian_result h;
    dx_taylor_result t;
    dx_implicit_result im;
    dx_extrema2_result e;
    dx_buf b = {0};
    if (!(f = parse(ctx, "x^3 - 3*x*y + y^3")) || !(at[0] = at[1] = parse(ctx, "1")) ||
        dx_hessian(ctx, f, NULL, 0, xy, at, 2, &h) != DX_OK)
        return false;
    dx_show_hessian(ctx, &h, DX_SHOW_PLAIN, &b);
    if (!put_text(ctx, out, &b) || dx_taylor(ctx, f, xy, at, 2, 2, &t) != DX_OK)
        return false;
    dx_show_taylor(ctx, &t, DX_SHOW_PLAIN, &b);
    if (!put_text(ctx, out, &b) || !(F = dx_parse_ex(ctx, "x^2 + y^2 = 25", 14, &eq, NULL)) ||
        !(p[0] = parse(ctx, "3")) || !(p[1] = parse(ctx, "4")) ||
        dx_implicit(ctx, F, "x", "y", 2, p[0], p[1], &im) != DX_OK)
        return false;
    dx_show_implicit(ctx, &im, DX_SHOW_PLAIN, &b);
    if (!put_text(ctx, out, &b) || !(g = parse(ctx, "x^3 - 3*x + y^2")) ||
        dx_extrema2(ctx, g, NULL, 0, NULL, NULL, &e) != DX_OK)
        return false;
    dx_show_extrema2(ctx, &e, DX_SHOW_PLAIN, &b);
    dx_extrema2_free(&e);
    return put_text(ctx, out, &b);
}

static const struct {
    const char *name;
    scenario run;
} scenarios[] = {
    {"diff_print", diff_print}, {"big_numbers", big_numbers}, {"compile_eval", compile_eval},
    {"extrema_poly", extrema_poly}, {"extrema_grid", extrema_grid}, {"limit", limit},
    {"limit_inf", limit_inf}, {"descend", descend}, {"check", check}, {"steps", steps}, {"plot", plot},
    {"several", several},
};

/* The answer of one run with the n-th allocation failing (0: none), malloc'd; NULL when the
 * run failed, with its status in *st. *count: the allocations the run made. */
static char *run(size_t i, unsigned long n, dx_status *st, unsigned long *count)
{
    unsigned long c0 = dx_alloc_count();
    dx_alloc_fail_at(n);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(out);
    dx_ctx *ctx = dx_ctx_new();
    bool ok = ctx && scenarios[i].run(ctx, out);
    *st = ctx ? dx_ctx_error(ctx)->status : DX_ENOMEM;
    dx_ctx_free(ctx);
    dx_alloc_fail_at(0);
    *count = dx_alloc_count() - c0;
    fclose(out);
    if (ok)
        return text;
    free(text);
    return NULL;
}

static unsigned long total_runs;

START_TEST(every_failure)
{
    dx_status st;
    unsigned long count, c;
    /* MPFR's exp keeps a few allocations per thread from its first call on (precise.c): made
     * here, once, they are not counted as a run's */
    free(run((size_t)_i, 0, &st, &count));
    char *want = run((size_t)_i, 0, &st, &count);
    ck_assert_msg(want != NULL, "%s fails without a failing allocation (status %d)", scenarios[_i].name, (int)st);
    ck_assert_uint_gt(count, 0);
    for (unsigned long n = 1; n <= count; n++) {
        char *got = run((size_t)_i, n, &st, &c);
        ck_assert_msg(c >= n, "%s: allocation %lu was never made (%lu in this run)", scenarios[_i].name, n, c);
        if (got)
            ck_assert_msg(strcmp(got, want) == 0, "%s, allocation %lu failing: answered\n%s\ninstead of\n%s",
                          scenarios[_i].name, n, got, want);
        else
            ck_assert_msg(st == DX_ENOMEM, "%s, allocation %lu failing: status %d, not DX_ENOMEM",
                          scenarios[_i].name, n, (int)st);
        free(got);
    }
    total_runs += count;
    fprintf(stderr, "%s: %lu allocations, each failed once\n", scenarios[_i].name, count);
    free(want);
}
END_TEST

/* The allocator a user sets is the one used, GMP's allocations included. */
static unsigned long user_allocs;
static void *user_malloc(void *ud, size_t n) { ++*(unsigned long *)ud; return malloc(n); }
static void *user_realloc(void *ud, void *p, size_t n) { ++*(unsigned long *)ud; return realloc(p, n); }
static void user_free(void *ud, void *p) { free(p); }

START_TEST(user_allocator)
{
    dx_set_allocator(user_malloc, user_realloc, user_free, &user_allocs);
    dx_status st;
    unsigned long count;
    char *got = run(1, 0, &st, &count); /* big_numbers */
    dx_set_allocator(NULL, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(got);
    ck_assert_uint_eq(user_allocs, count);
    free(got);
}
END_TEST

static void report(void) { fprintf(stderr, "%lu runs with a failing allocation\n", total_runs); }

int main(void)
{
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_loop_test(tc, every_failure, 0, (int)(sizeof scenarios / sizeof *scenarios));
    tcase_add_test(tc, user_allocator);
    tcase_add_unchecked_fixture(tc, NULL, report);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
