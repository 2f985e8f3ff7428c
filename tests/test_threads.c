/* One context per thread is the promise: 4 threads, each with its own context, run the same
 * work (parse, diff, simplify, print, compile, evaluate, extrema, limit, descend) over and over,
 * and every round's transcript is byte for byte the one a single thread wrote first. Built with
 * -fsanitize=thread (the tsan preset) this is where ThreadSanitizer looks for races. */
#include "testutil.h"
#include "dfdx/descend.h"
#include "dfdx/extrema.h"
#include "dfdx/limit.h"
#include "dfdx/text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define NTHREADS 4
/* Rounds per thread: DX_THREAD_ROUNDS at build time (the tsan build gives fewer: TSan makes
 * each round ~20 times slower). */
#ifndef DX_THREAD_ROUNDS
#define DX_THREAD_ROUNDS 10000
#endif

/* One round: everything the round computed, as text. NULL without memory. */
static char *round_of(dx_ctx *ctx, int k)
{
    static const char *const fs[] = {"sin(x)^2*exp(-x)/(1+x^2)", "x^4/4 - x^2 + ln(1+x^2)", "(w - 3)^2 + cos(w)"};
    const char *text = fs[k % 3];
    dx_buf b = {0};
    dx_expr *f = dx_parse(ctx, text, strlen(text));
    const char *x = k % 3 == 2 ? "w" : "x";
    dx_expr *df = dx_simplify(ctx, dx_diff(ctx, f, x, 2));
    char *s = dx_print(ctx, df, DX_PLAIN);
    dx_buf_puts(&b, s ? s : "(null)");
    free(s);
    dx_prog *p = dx_compile(ctx, df, &x, 1);
    double v = 0.75, out = 0;
    dx_buf_printf(&b, "\n%d %.17g\n", p ? (int)dx_prog_eval(p, ctx, &v, &out) : -1, out);
    dx_prog_free(p);
    dx_extrema_result xr;
    double from = -2, to = 4;
    if (dx_extrema(ctx, f, x, &from, &to, &xr) == DX_OK)
        dx_show_extrema(ctx, &xr, DX_SHOW_PLAIN, &b);
    dx_extrema_free(&xr);
    dx_limit_report lr;
    if (dx_limit(ctx, dx_diff(ctx, f, x, 1), x, (dx_point){dx_parse(ctx, "0", 1), 0}, true, true, &lr) == DX_OK)
        dx_show_limit(ctx, &lr, DX_SHOW_PLAIN, &b);
    if (k % 3 == 2) {
        dx_descend_opts o;
        dx_descend_defaults(&o);
        o.steps = 30;
        double start = 0.5, rate = 0.1;
        dx_descend_request q = {&x, &start, 1, NULL, NULL, 0, o, &rate, 1, 5, false, NULL};
        dx_descend_lesson *l = dx_descend(ctx, f, &q);
        if (l)
            dx_show_descend(ctx, l, DX_SHOW_PLAIN, true, &b);
        dx_descend_lesson_free(l);
    }
    char *m = dx_ctx_errmsg(ctx, DX_PLAIN);
    dx_buf_printf(&b, "error: %s\n", m ? m : "");
    free(m);
    return b.oom ? (dx_buf_free(&b), NULL) : dx_buf_take(&b);
}

static char *want[3]; /* the transcripts of a single thread */

typedef struct {
    int rounds, bad;
    char first_bad[120];
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    dx_ctx *ctx = dx_ctx_new();
    for (int k = 0; k < w->rounds; k++) {
        /* a fresh context now and then, so contexts are made and freed while others work */
        if (k % 100 == 99) {
            dx_ctx_free(ctx);
            ctx = dx_ctx_new();
        }
        char *got = round_of(ctx, k);
        if (!got || strcmp(got, want[k % 3]) != 0) {
            if (!w->bad++)
                snprintf(w->first_bad, sizeof w->first_bad, "round %d: %.80s", k, got ? got : "(no memory)");
        }
        free(got);
    }
    dx_ctx_free(ctx);
    return NULL;
}

START_TEST(four_threads)
{
    dx_ctx *ctx = dx_ctx_new();
    for (int k = 0; k < 3; k++) {
        want[k] = round_of(ctx, k);
        ck_assert(want[k] != NULL);
        ck_assert_msg(strstr(want[k], "error: \n") != NULL, "%s", want[k]);
    }
    dx_ctx_free(ctx);
    pthread_t t[NTHREADS];
    worker w[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        w[i] = (worker){.rounds = DX_THREAD_ROUNDS};
        ck_assert_int_eq(pthread_create(&t[i], NULL, work, &w[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++)
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    for (int i = 0; i < NTHREADS; i++)
        ck_assert_msg(w[i].bad == 0, "thread %d: %d of %d rounds differ from one thread's, first %s", i, w[i].bad,
                      w[i].rounds, w[i].first_bad);
    for (int k = 0; k < 3; k++)
        free(want[k]);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, four_threads);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
