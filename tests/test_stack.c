/* Recursion bounded by the stack (src/stack.c): the deep inputs the parser allows (999 levels
 * of sin, a tower of 999 powers, nested products and sums), run through every recursive pass on
 * a thread with a 256 KiB stack, answer or fail with a depth error; never a signal (which would
 * end this process). On an 8 MiB stack the same passes answer. */
#include "testutil.h"
#include "dfdx/check.h"
#include "dfdx/derivative.h"
#include "dfdx/extrema.h"
#include "dfdx/limit.h"
#include "dfdx/steps.h"
#include "dfdx/taylor.h"
#include "dfdx/text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define DEEP 999
#define SMALL_STACK ((size_t)256 << 10)
#define BIG_STACK ((size_t)8 << 20)

/* prefix * DEEP, middle, suffix * DEEP */
static char *nest(const char *prefix, const char *middle, const char *suffix)
{
    size_t lp = strlen(prefix), lm = strlen(middle), ls = strlen(suffix);
    char *s = malloc(DEEP * (lp + ls) + lm + 1), *p = s;
    for (int i = 0; i < DEEP; i++, p += lp)
        memcpy(p, prefix, lp);
    memcpy(p, middle, lm);
    p += lm;
    for (int i = 0; i < DEEP; i++, p += ls)
        memcpy(p, suffix, ls);
    *p = 0;
    return s;
}

static const struct {
    const char *prefix, *middle, *suffix;
} inputs[] = {
    {"sin(", "x", ")"},   {"x^", "x", ""},      {"sin(x*", "x", ")"}, {"ln(1+", "x", ")"},
    {"(1+", "x", ")"},    {"-", "x", ""},       {"exp(", "x", ")"},   {"sqrt(", "x", ")"},
};
#define NINPUTS (sizeof inputs / sizeof inputs[0])

/* The passes, each one library call on e; the status it ends with. */
static dx_status pass(dx_ctx *ctx, dx_expr *e, int which)
{
    dx_buf b = {0};
    dx_status st = DX_OK;
    switch (which) {
    case 0: { /* diff, shown three ways (print, LaTeX, JSON) */
        dx_derived d;
        st = dx_derive(ctx, e, "x", 1, &d);
        for (dx_show how = DX_SHOW_PLAIN; st == DX_OK && how <= DX_SHOW_JSON; how++)
            dx_show_derivative(ctx, &d, how, &b);
        break;
    }
    case 1: st = dx_simplify(ctx, e) ? DX_OK : dx_ctx_error(ctx)->status; break;
    case 2: { /* compile and evaluate */
        const char *x = "x";
        dx_prog *p = dx_compile(ctx, e, &x, 1);
        double v = 0.5, out;
        st = p ? dx_prog_eval(p, ctx, &v, &out) : dx_ctx_error(ctx)->status;
        dx_prog_free(p);
        break;
    }
    case 3:
    case 4: { /* limit at a point and at +oo */
        dx_limit_report r;
        st = dx_limit(ctx, e, "x", which == 3 ? (dx_point){dx_parse(ctx, "0", 1), 0} : (dx_point){NULL, 1}, true,
                      which == 3, &r);
        if (st == DX_OK)
            dx_show_limit(ctx, &r, DX_SHOW_PLAIN, &b);
        break;
    }
    case 5: {
        dx_steps s;
        st = dx_steps_build(ctx, e, "x", &s);
        if (st == DX_OK)
            dx_show_steps(ctx, &s, DX_SHOW_PLAIN, &b);
        dx_steps_free(&s);
        break;
    }
    case 6: { /* check: the equivalence of two deep expressions */
        dx_check_result r;
        st = dx_check(ctx, e, "x", 1, "sin(x)", 6, &r);
        break;
    }
    case 7: {
        const char *x = "x";
        dx_expr *at = dx_parse(ctx, "1/2", 3);
        dx_taylor_result r;
        st = dx_taylor(ctx, e, &x, &at, 1, 2, &r);
        break;
    }
    case 8: {
        dx_extrema_result r;
        double from = 0.1, to = 2;
        st = dx_extrema(ctx, e, "x", &from, &to, &r);
        dx_extrema_free(&r);
        break;
    }
    }
    dx_buf_free(&b);
    return st;
}
#define NPASSES 9

typedef struct {
    size_t input;
    int which;
    size_t stack_given; /* dx_ctx_set_stack, 0: none */
    dx_status parsed, st;
    char msg[200];
} job;

static void *run(void *arg)
{
    job *j = arg;
    dx_ctx *ctx = dx_ctx_new();
    if (j->stack_given)
        dx_ctx_set_stack(ctx, j->stack_given);
    char *text = nest(inputs[j->input].prefix, inputs[j->input].middle, inputs[j->input].suffix);
    dx_expr *e = dx_parse(ctx, text, strlen(text));
    j->parsed = e ? DX_OK : dx_ctx_error(ctx)->status;
    j->st = e ? pass(ctx, e, j->which) : j->parsed;
    char *m = dx_ctx_errmsg(ctx, DX_PLAIN);
    snprintf(j->msg, sizeof j->msg, "%s", m ? m : "");
    free(m);
    free(text);
    dx_ctx_free(ctx);
    return NULL;
}

static void on_thread(size_t stack, job *j)
{
    pthread_attr_t a;
    pthread_t t;
    ck_assert_int_eq(pthread_attr_init(&a), 0);
    ck_assert_int_eq(pthread_attr_setstacksize(&a, stack), 0);
    ck_assert_int_eq(pthread_create(&t, &a, run, j), 0);
    ck_assert_int_eq(pthread_join(t, NULL), 0);
    pthread_attr_destroy(&a);
}

/* A clean end: an answer, an error of the math (a pole, an undefined limit), or a depth error;
 * never out of memory, and a limit's error says which. */
static void want_clean(const job *j, size_t stack)
{
    ck_assert_msg(j->parsed == DX_OK, "input %zu does not parse: %s", j->input, j->msg);
    ck_assert_msg(j->st != DX_ENOMEM, "input %zu pass %d on %zu KiB: out of memory: %s", j->input, j->which,
                  stack >> 10, j->msg);
    if (j->st == DX_ELIMIT)
        ck_assert_msg(strstr(j->msg, "nested too deeply") || strstr(j->msg, "too large") || strstr(j->msg, "budget"),
                      "input %zu pass %d: %s", j->input, j->which, j->msg);
}

START_TEST(small_stack)
{
    for (int which = 0; which < NPASSES; which++) {
        job j = {.input = (size_t)_i, .which = which};
        on_thread(SMALL_STACK, &j);
        want_clean(&j, SMALL_STACK);
    }
}
END_TEST

/* On 8 MiB, diff, print, simplify and compile never stop for depth: the guard only stops
 * what does not fit (exp(exp(...)) overflowing a double is the math's error). */
START_TEST(big_stack)
{
    for (int which = 0; which < 3; which++) {
        job j = {.input = (size_t)_i, .which = which};
        on_thread(BIG_STACK, &j);
        ck_assert_msg(j.st == DX_OK || j.st == DX_EDOMAIN, "input %zu pass %d on 8 MiB: %s", j.input, which, j.msg);
    }
}
END_TEST

/* A context told it has 256 KiB stops there, on a thread that has more; 0 gives it back. */
START_TEST(set_stack)
{
    job j = {.input = 0, .which = 0, .stack_given = SMALL_STACK};
    on_thread(BIG_STACK, &j);
    ck_assert_int_eq(j.st, DX_ELIMIT);
    ck_assert_msg(strstr(j.msg, "nested too deeply for the stack") != NULL, "%s", j.msg);
    j.stack_given = 0;
    on_thread(BIG_STACK, &j);
    ck_assert_msg(j.st == DX_OK, "%s", j.msg);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("stack");
    TCase *tc = tcase_create("stack");
    tcase_set_timeout(tc, 600);
    tcase_add_loop_test(tc, small_stack, 0, NINPUTS);
    tcase_add_loop_test(tc, big_stack, 0, NINPUTS);
    tcase_add_test(tc, set_stack);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
