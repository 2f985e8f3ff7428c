/* Tests for gradient descent: the seed lesson's trajectories number for number, statuses,
 * several variables, the methods, and the dfdx descend command (with its minimum remark). */
#include "dfdx.h"
#include "diff.h"
#include "testutil.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Rows of a run, kept for inspection (one-variable runs only store position etc. [0]). */
typedef struct trace {
    long n;
    double w[2048], loss[2048], grad[2048], upd[2048];
} trace;

static void keep(void *user, const dx_descend_row *r)
{
    trace *t = user;
    if (t->n < 2048) {
        t->w[t->n] = r->position[0];
        t->loss[t->n] = r->loss;
        t->grad[t->n] = r->gradient[0];
        t->upd[t->n] = r->update[0];
    }
    t->n++;
}

/* Parse f, check every partial by vars against a central difference, and run descent. */
static dx_status descend(dx_ctx *ctx, const char *f, const char *const *vars, size_t n, const char *const *fixed,
                         const double *fv, size_t nf, const double *start, const dx_descend_opts *o, trace *t,
                         dx_descend_result *r, double *pos)
{
    dx_expr *e = dx_parse(ctx, f, strlen(f));
    ck_assert_msg(e != NULL, "%s: does not parse", f);
    for (size_t i = 0; i < n; i++) {
        char why[200];
        dx_expr *d = dx_diff_by(ctx, e, dx_sym(ctx, vars[i], strlen(vars[i])), NULL, NULL);
        ck_assert_msg(tu_check_default(e, d, vars[i], why, sizeof why) > 0, "%s d/d%s: %s", f, vars[i], why);
    }
    dx_descent *d = dx_descend_prepare(ctx, e, vars, n, fixed, fv, nf);
    ck_assert_msg(d != NULL, "%s: prepare failed: %s", f, tu_err(ctx));
    if (t)
        t->n = 0;
    dx_status st = dx_descend_run(d, ctx, start, o, t ? keep : NULL, t, r, pos);
    dx_descend_free(d);
    return st;
}

static dx_status descend1(dx_ctx *ctx, const char *f, double start, const dx_descend_opts *o, trace *t,
                          dx_descend_result *r, double *pos)
{
    const char *w[] = {"w"};
    return descend(ctx, f, w, 1, NULL, NULL, 0, &start, o, t, r, pos);
}

/* A run's reason in words, for failure messages and the sentences a lesson promises. */
static const char *said(dx_ctx *ctx, const dx_msg *m)
{
    static char buf[512];
    char *t = dx_msg_text(ctx, m, DX_PLAIN);
    snprintf(buf, sizeof buf, "%s", t ? t : "");
    free(t);
    return buf;
}

/* The defaults, with a rate and a step limit. */
static dx_descend_opts opts(double rate, long steps)
{
    dx_descend_opts o;
    dx_descend_defaults(&o);
    o.rate = rate;
    o.steps = steps;
    return o;
}

/* --- the seed lesson ------------------------------------------------------------------- */

/* Section 4: the lesson's printed table, w^2 from 4 with learning rate 0.15, 15 steps. */
static const char *const seed_table[] = {
    "   0 |     4.0000 |    16.0000 |     8.0000 |    -1.2000",
    "   1 |     2.8000 |     7.8400 |     5.6000 |    -0.8400",
    "   2 |     1.9600 |     3.8416 |     3.9200 |    -0.5880",
    "   3 |     1.3720 |     1.8824 |     2.7440 |    -0.4116",
    "   4 |     0.9604 |     0.9224 |     1.9208 |    -0.2881",
    "   5 |     0.6723 |     0.4520 |     1.3446 |    -0.2017",
    "   6 |     0.4706 |     0.2215 |     0.9412 |    -0.1412",
    "   7 |     0.3294 |     0.1085 |     0.6588 |    -0.0988",
    "   8 |     0.2306 |     0.0532 |     0.4612 |    -0.0692",
    "   9 |     0.1614 |     0.0261 |     0.3228 |    -0.0484",
    "  10 |     0.1130 |     0.0128 |     0.2260 |    -0.0339",
    "  11 |     0.0791 |     0.0063 |     0.1582 |    -0.0237",
    "  12 |     0.0554 |     0.0031 |     0.1107 |    -0.0166",
    "  13 |     0.0388 |     0.0015 |     0.0775 |    -0.0116",
    "  14 |     0.0271 |     0.0007 |     0.0543 |    -0.0081",
};

START_TEST(seed_steps)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_descend_opts o = opts(0.15, 15);
    static trace t;
    dx_descend_result r;
    double w;
    ck_assert_int_eq(descend1(ctx, "w^2", 4, &o, &t, &r, &w), DX_OK);
    ck_assert_int_eq(t.n, 15);
    for (long k = 0; k < 15; k++) {
        char line[128];
        snprintf(line, sizeof line, "%4ld | %10.4f | %10.4f | %10.4f | %10.4f", k, t.w[k], t.loss[k], t.grad[k],
                 t.upd[k]);
        ck_assert_msg(strcmp(line, seed_table[k]) == 0, "step %ld: got '%s', the lesson prints '%s'", k, line,
                      seed_table[k]);
    }
    /* and bit for bit the double Python computes (print(repr(w))) */
    ck_assert_msg(w == 0.018990246039772004, "final w %.17g", w);
    ck_assert_int_eq(r.status, DX_MAX_STEPS);
    ck_assert_int_eq(r.steps, 15);
    char fin[64];
    snprintf(fin, sizeof fin, "%10.4f | %10.4f", w, r.loss);
    ck_assert_str_eq(fin, "    0.0190 |     0.0004");
    dx_ctx_free(ctx);
}
END_TEST

/* Section 5: three learning rates for 20 steps, the lesson's summary lines exactly. */
static const struct {
    double lr, w, loss;
    const char *printed;
} seed_rates[] = {
    {0.01, 2.670431887020378, 7.131206463215216, "final w=2.670432, final loss=7.131206"},
    {0.15, 0.0031916906519044805, 1.0186889217454448e-05, "final w=0.003192, final loss=0.000010"},
    {0.9, 0.04611686018427397, 0.0021267647932558735, "final w=0.046117, final loss=0.002127"},
};

START_TEST(seed_rate)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_descend_opts o = opts(seed_rates[_i].lr, 20);
    dx_descend_result r;
    double w;
    ck_assert_int_eq(descend1(ctx, "w^2", 4, &o, NULL, &r, &w), DX_OK);
    char line[80];
    snprintf(line, sizeof line, "final w=%.6f, final loss=%.6f", w, r.loss);
    ck_assert_msg(strcmp(line, seed_rates[_i].printed) == 0, "lr %g: '%s'", o.rate, line);
    ck_assert_msg(w == seed_rates[_i].w && r.loss == seed_rates[_i].loss, "lr %g: w %.17g loss %.17g", o.rate, w,
                  r.loss);
    ck_assert_int_eq(r.status, DX_MAX_STEPS);
    dx_ctx_free(ctx);
}
END_TEST

/* Section 6: the bumpy loss from -3.5, rate 0.01, 100 steps (tol 0: every step is taken,
 * as in the lesson's loop). Positions from Python, repr of each w. */
static const double bumpy[] = {
#include "descend_bumpy.inc"
};

START_TEST(seed_bumpy)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_descend_opts o = opts(0.01, 100);
    o.tol = 0;
    static trace t;
    dx_descend_result r;
    double w;
    ck_assert_int_eq(descend1(ctx, "w^4 - 8*w^2 + 2*w + 20", -3.5, &o, &t, &r, &w), DX_OK);
    ck_assert_int_eq(t.n, 100);
    for (long k = 0; k <= 100; k++) {
        double got = k < 100 ? t.w[k] : w;
        /* the polynomial is summed in another order than Python's, so allow a few ulps */
        ck_assert_msg(fabs(got - bumpy[k]) <= 1e-13 * fabs(bumpy[k]), "step %ld: %.17g, Python %.17g", k, got,
                      bumpy[k]);
    }
    char line[80];
    snprintf(line, sizeof line, "Start: w=%.2f, loss=%.2f", t.w[0], t.loss[0]);
    ck_assert_str_eq(line, "Start: w=-3.50, loss=65.06");
    snprintf(line, sizeof line, "End: w=%.4f, loss=%.4f", w, r.loss);
    ck_assert_str_eq(line, "End: w=-2.0598, loss=-0.0607");
    ck_assert_int_eq(r.status, DX_MAX_STEPS);
    dx_ctx_free(ctx);
}
END_TEST

/* --- statuses ---------------------------------------------------------------------------- */

START_TEST(diverges_fast)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_descend_opts o = opts(1.1, 100);
    dx_descend_result r;
    double w;
    ck_assert_int_eq(descend1(ctx, "w^2", 4, &o, NULL, &r, &w), DX_OK);
    ck_assert_int_eq(r.status, DX_DIVERGED);
    ck_assert_int_eq(r.why, DX_WHY_GROWING);
    ck_assert_msg(r.steps <= 6, "lr 1.1 on w^2: diverged only after %ld steps", r.steps);
    ck_assert_int_eq(r.reason.id, DX_M_DESCEND_GREW);
    ck_assert_msg(strstr(said(ctx, &r.reason), "in a row") != NULL, "%s", said(ctx, &r.reason));
    dx_ctx_free(ctx);
}
END_TEST

/* Each way to end without converging, and the reason it names. Diverged: something grew
 * without bound. Stopped: descent fell off f's domain, or stands where the gradient is
 * undefined; nothing grew, so it is not "diverged". steps -1 and says NULL: not checked. */
static const struct {
    const char *f;
    double start, rate;
    dx_descend_status status;
    dx_descend_why why;
    long steps;
    dx_msg_id reason;
    const char *says;
} endings[] = {
    {"w^4", 10, 1, DX_DIVERGED, DX_WHY_UNBOUNDED, -1, DX_M_DESCEND_LOSS_GROWS, NULL}, /* huge at once */
    {"exp(w^2)", 5, 1, DX_DIVERGED, DX_WHY_NOT_FINITE, -1, DX_M_DESCEND_LOSS_OVERFLOWS, NULL},
    {"-w^2", 1, 0.5, DX_DIVERGED, DX_WHY_UNBOUNDED, -1, DX_M_DESCEND_LOSS_FALLS, NULL},
    {"w - ln(w)", 3, 5, DX_STOPPED, DX_WHY_DOMAIN, 1, DX_M_DESCEND_LEFT_DOMAIN,
     "step 0 ended at w = -0.333333, outside the domain of f: ln is undefined"},
    {"sqrt(w)", 1, 1, DX_STOPPED, DX_WHY_DOMAIN, 2, DX_M_DESCEND_LEFT_DOMAIN,
     "step 1 ended at w = -0.207107, outside the domain of f: sqrt is undefined"},
    {"sqrt(w)", 0, 0.1, DX_STOPPED, DX_WHY_NO_GRADIENT, 0, DX_M_DESCEND_NO_GRADIENT_START,
     "the gradient is undefined at w = 0, the start (division by zero)"},
    {"w^(1/3)", 0, 0.1, DX_STOPPED, DX_WHY_NO_GRADIENT, 0, DX_M_DESCEND_NO_GRADIENT_START,
     "the gradient is undefined at w = 0, the start"},
};

START_TEST(ends_each_way)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_descend_opts o = opts(endings[_i].rate, 10000);
    dx_descend_result r;
    double w;
    const char *f = endings[_i].f;
    ck_assert_int_eq(descend1(ctx, f, endings[_i].start, &o, NULL, &r, &w), DX_OK);
    ck_assert_msg(r.status == endings[_i].status && r.why == endings[_i].why, "%s from %g: status %d why %d (%s)", f,
                  endings[_i].start, r.status, r.why, said(ctx, &r.reason));
    ck_assert_msg(endings[_i].steps < 0 || r.steps == endings[_i].steps, "%s: %ld steps", f, r.steps);
    ck_assert_msg(r.reason.id == endings[_i].reason, "%s: %s", f, said(ctx, &r.reason));
    const char *text = said(ctx, &r.reason);
    ck_assert_msg(!endings[_i].says || strstr(text, endings[_i].says) == text, "%s: %s", f, text);
    ck_assert_msg(dx_ctx_error(ctx)->status == DX_OK, "%s: error left on the context", f);
    dx_ctx_free(ctx);
}
END_TEST

START_TEST(converges_with_tol)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_descend_opts o = opts(0.15, 1000);
    dx_descend_result r;
    double w;
    ck_assert_int_eq(descend1(ctx, "w^2", 4, &o, NULL, &r, &w), DX_OK);
    ck_assert_int_eq(r.status, DX_CONVERGED);
    ck_assert_msg(fabs(w) < 1e-7, "w = %g", w);
    long tight = r.steps;
    /* the update 0.3*w_k = 1.2*0.7^k first falls below 1e-8 at k = 53 (log(1e-8/1.2)/log(0.7)
     * = 52.3), and that update is made: 54 steps */
    ck_assert_int_eq(tight, 54);
    o.tol = 1e-3;
    ck_assert_int_eq(descend1(ctx, "w^2", 4, &o, NULL, &r, &w), DX_OK);
    ck_assert_int_eq(r.status, DX_CONVERGED);
    ck_assert_msg(r.steps < tight && fabs(0.3 * w) < 1e-3 * 1.0001 / 0.7, "tol 1e-3: %ld steps, w %g", r.steps, w);
    o.tol = 0; /* never satisfied: every step is taken */
    ck_assert_int_eq(descend1(ctx, "w^2", 4, &o, NULL, &r, &w), DX_OK);
    ck_assert_int_eq(r.status, DX_MAX_STEPS);
    ck_assert_int_eq(r.steps, 1000);
    /* already at the minimum: converged by the gradient, with no step */
    o.tol = 1e-8;
    ck_assert_int_eq(descend1(ctx, "w^2", 0, &o, NULL, &r, &w), DX_OK);
    ck_assert_int_eq(r.status, DX_CONVERGED);
    ck_assert_int_eq(r.why, DX_WHY_GRADIENT);
    ck_assert_int_eq(r.steps, 0);
    dx_ctx_free(ctx);
}
END_TEST

/* --- several variables -------------------------------------------------------------------- */

START_TEST(multi_quadratic)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_descend_opts o = opts(0.1, 10000);
    const char *v[] = {"w", "b"};
    double start[] = {0, 0}, pos[2];
    dx_descend_result r;
    /* gradient zero at 2w - b = 3 and -2w + 6b = -4: w = 1.4, b = -0.2 */
    ck_assert_int_eq(descend(ctx, "(w - 3)^2 + 2*(b + 1)^2 + (w - b)^2", v, 2, NULL, NULL, 0, start, &o, NULL, &r,
                             pos), DX_OK);
    ck_assert_int_eq(r.status, DX_CONVERGED);
    ck_assert_msg(fabs(pos[0] - 1.4) < 1e-6 && fabs(pos[1] + 0.2) < 1e-6, "at (%g, %g)", pos[0], pos[1]);
    /* the example: other variables from --set */
    const char *fx[] = {"x", "y"};
    double fv[] = {2, 3};
    ck_assert_int_eq(descend(ctx, "(w*x - y)^2 + (b - 1)^2", v, 2, fx, fv, 2, start, &o, NULL, &r, pos), DX_OK);
    ck_assert_int_eq(r.status, DX_CONVERGED);
    ck_assert_msg(fabs(pos[0] - 1.5) < 1e-6 && fabs(pos[1] - 1) < 1e-6, "at (%g, %g)", pos[0], pos[1]);
    dx_ctx_free(ctx);
}
END_TEST

START_TEST(ten_variables)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_descend_opts o = opts(0.1, 10000);
    const char *v[] = {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"};
    double start[10] = {0}, pos[10];
    dx_descend_result r;
    const char *f = "(a0)^2 + (a1-1)^2 + (a2-2)^2 + (a3-3)^2 + (a4-4)^2 + (a5-5)^2 + (a6-6)^2 + (a7-7)^2"
                    " + (a8-8)^2 + (a9-9)^2";
    ck_assert_int_eq(descend(ctx, f, v, 10, NULL, NULL, 0, start, &o, NULL, &r, pos), DX_OK);
    ck_assert_int_eq(r.status, DX_CONVERGED);
    for (int i = 0; i < 10; i++)
        ck_assert_msg(fabs(pos[i] - i) < 1e-7, "a%d = %g", i, pos[i]);
    dx_ctx_free(ctx);
}
END_TEST

/* --- momentum and adam ------------------------------------------------------------------- */

START_TEST(methods)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_descend_opts o;
    dx_descend_defaults(&o);
    o.method = DX_MOMENTUM;
    static trace t;
    dx_descend_result r;
    double w;
    ck_assert_int_eq(descend1(ctx, "w^2", 4, &o, &t, &r, &w), DX_OK);
    /* v1 = 8, u = -0.8; w = 3.2, g = 6.4, v2 = 0.9*8 + 6.4 = 13.6, u = -1.36 */
    ck_assert_msg(t.upd[0] == -0.8 && fabs(t.upd[1] + 1.36) < 1e-15, "momentum updates %g %g", t.upd[0], t.upd[1]);
    o.steps = 1000;
    ck_assert_int_eq(descend1(ctx, "w^2", 4, &o, NULL, &r, &w), DX_OK);
    ck_assert_msg(r.status == DX_CONVERGED && fabs(w) < 1e-8, "momentum: %s at %g", said(ctx, &r.reason), w);
    o.method = DX_ADAM;
    o.steps = 1;
    ck_assert_int_eq(descend1(ctx, "w^2", 4, &o, &t, &r, &w), DX_OK);
    /* first Adam step: m_hat = g, v_hat = g^2, so the step is -rate * g/(|g| + eps) */
    ck_assert_msg(fabs(t.upd[0] + 0.1 * 8 / (8 + 1e-8)) < 1e-15, "adam first update %.17g", t.upd[0]);
    o.rate = 0.5;
    o.steps = 5000;
    ck_assert_int_eq(descend1(ctx, "w^2", 4, &o, NULL, &r, &w), DX_OK);
    ck_assert_msg(r.status == DX_CONVERGED && fabs(w) < 1e-6, "adam: %s at %g", said(ctx, &r.reason), w);
    ck_assert_int_eq(descend1(ctx, "w^4 - 8*w^2 + 2*w + 20", 2.5, &o, NULL, &r, &w), DX_OK);
    ck_assert_msg(r.status == DX_CONVERGED && fabs(w - 1.9343) < 1e-3, "adam bumpy: %s at %g", said(ctx, &r.reason), w);
    dx_ctx_free(ctx);
}
END_TEST

/* --- bad requests ------------------------------------------------------------------------ */

/* A kink (f' undefined, both one-sided derivatives there): descent takes the subgradient
 * nearest 0, and a kink whose one-sided derivatives bracket 0 is a minimum, converged. It
 * used to be "diverged: division by zero" at relu(w) = 0 and at abs(w) from 0. */
typedef struct kink_row {
    const char *f;
    double start, rate;
    long steps;
    dx_descend_status status;
    double end;
    long subgradients;
} kink_row;

static const kink_row kink_rows[] = {
    {"abs(w)", 0, 0.1, 100, DX_CONVERGED, 0, 0},
    {"relu(w)", 1, 1, 100, DX_CONVERGED, 0, 0},
    {"abs(w - 1)", 3, 1, 100, DX_CONVERGED, 1, 0},
    {"abs(w) + 2*w", 0, 0.5, 2, DX_MAX_STEPS, -1, 1}, /* subgradients [1, 3]: 1, then f' = 1 */
};

START_TEST(kinks)
{
    const kink_row *k = &kink_rows[_i];
    dx_ctx *ctx = dx_ctx_new();
    dx_descend_opts o = opts(k->rate, k->steps);
    dx_descend_result r;
    double pos;
    ck_assert_int_eq(descend1(ctx, k->f, k->start, &o, NULL, &r, &pos), DX_OK);
    ck_assert_msg(r.status == k->status, "%s: status %d (%s)", k->f, r.status, said(ctx, &r.reason));
    ck_assert_msg(pos == k->end, "%s: ends at %.17g, want %g", k->f, pos, k->end);
    ck_assert_msg(r.subgradients == k->subgradients, "%s: %ld subgradient steps, want %ld", k->f, r.subgradients,
                  k->subgradients);
    if (k->status == DX_CONVERGED)
        ck_assert_msg(r.why == DX_WHY_KINK && r.reason.id == DX_M_DESCEND_KINK, "%s: %s", k->f,
                      said(ctx, &r.reason));
    dx_ctx_free(ctx);
}
END_TEST

START_TEST(bad_options)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_expr *f = dx_parse(ctx, "w^2", 3);
    const char *v[] = {"w"};
    dx_descent *d = dx_descend_prepare(ctx, f, v, 1, NULL, NULL, 0);
    dx_descend_opts o;
    dx_descend_result r;
    double start = 1, w;
    const struct {
        double rate;
        long steps;
        const char *says;
    } bad[] = {{0, 10, "positive"}, {-0.1, 10, "positive"}, {NAN, 10, "positive"},
               {0.1, 0, "steps"},   {0.1, -5, "steps"},     {0.1, DX_DESCEND_MAX_STEPS + 1, "steps"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dx_descend_defaults(&o);
        o.rate = bad[i].rate;
        o.steps = bad[i].steps;
        ck_assert_int_eq(dx_descend_run(d, ctx, &start, &o, NULL, NULL, &r, &w), DX_EUSAGE);
        ck_assert_msg(strstr(tu_err(ctx), bad[i].says), "rate %g steps %ld: '%s'", bad[i].rate,
                      bad[i].steps, tu_err(ctx));
        dx_ctx_clear_error(ctx);
    }
    dx_descend_free(d);
    /* every missing variable named at once */
    f = dx_parse(ctx, "(w*x - y)^2", 11);
    ck_assert_ptr_null(dx_descend_prepare(ctx, f, v, 1, NULL, NULL, 0));
    ck_assert_str_eq(tu_err(ctx), "no value for x, y");
    dx_ctx_clear_error(ctx);
    /* a start outside the domain */
    f = dx_parse(ctx, "ln(w)", 5);
    d = dx_descend_prepare(ctx, f, v, 1, NULL, NULL, 0);
    dx_descend_defaults(&o);
    start = -1;
    ck_assert_int_eq(dx_descend_run(d, ctx, &start, &o, NULL, NULL, &r, &w), DX_EDOMAIN);
    ck_assert_msg(strstr(tu_err(ctx), "ln is undefined at -1"), "%s", tu_err(ctx));
    dx_descend_free(d);
    dx_ctx_free(ctx);
}
END_TEST

/* --- the command ------------------------------------------------------------------------- */

static int run(const char *const *argv, char **out, char **err) { return tu_run(argv, NULL, out, err); }

START_TEST(cli_seed_table)
{
    const char *argv[] = {"descend", "w^2", "--start", "4", "--rate", "0.15", "--steps", "15", NULL};
    char *out, *err;
    ck_assert_int_eq(run(argv, &out, &err), 0);
    const char *want =
        "gradient descent on w^2 from w = 4 (learning rate 0.15, at most 15 steps, tolerance 1e-08)\n"
        " step            w         loss     gradient       update\n"
        "    0            4           16            8         -1.2\n"
        "    1          2.8         7.84          5.6        -0.84\n"
        "    2         1.96       3.8416         3.92       -0.588\n"
        "    3        1.372      1.88238        2.744      -0.4116\n"
        "    4       0.9604     0.922368       1.9208     -0.28812\n"
        "    5      0.67228      0.45196      1.34456    -0.201684\n"
        "    6     0.470596     0.221461     0.941192    -0.141179\n"
        "    7     0.329417     0.108516     0.658834   -0.0988252\n"
        "    8     0.230592    0.0531727     0.461184   -0.0691776\n"
        "    9     0.161414    0.0260546     0.322829   -0.0484243\n"
        "   10      0.11299    0.0127668      0.22598    -0.033897\n"
        "   11    0.0790931   0.00625571     0.158186   -0.0237279\n"
        "   12    0.0553651    0.0030653      0.11073   -0.0166095\n"
        "   13    0.0387556     0.001502    0.0775112   -0.0116267\n"
        "   14    0.0271289  0.000735978    0.0542578  -0.00813868\n"
        "final: w = 0.01899024604  loss = 0.0003606294447  after 15 steps\n"
        "status: max_steps (the step limit: 15 steps; the gradient norm 0.038 is not yet below 1e-08)\n"
        "ended at w = 0.0189902, not yet at a critical point: the nearest is the global minimum at w = 0 (f = 0)\n";
    ck_assert_str_eq(out, want);
    ck_assert_str_eq(err, "");
    free(out);
    free(err);
    /* a rate given as an expression is the same rate */
    const char *argv2[] = {"descend", "w^2", "--start", "8/2", "--rate", "3/20", "--steps", "15", NULL};
    char *out2;
    ck_assert_int_eq(run(argv2, &out2, &err), 0);
    ck_assert_str_eq(out2, want);
    free(out2);
    free(err);
}
END_TEST

/* Plain and JSON outputs: what each must say. */
static const struct {
    const char *argv[16];
    int status;
    const char *says[4];
} cli_rows[] = {
    {{"descend", "w^2", "--start", "4", "--rate", "0.01,0.15,0.9", "--steps", "20"}, 0,
     {"0.01      2.67043      7.13121      20  max_steps  too small",
      "0.15   0.00319169  1.01869e-05      20  max_steps  just right",
      "0.9    0.0461169   0.00212676      20  max_steps  too large"}},
    {{"descend", "w^2", "--start", "4", "--rate", "0.01,0.15", "--steps", "2", "--table"}, 0,
     {"learning rate 0.01:\n step", "learning rate 0.15:\n step", "    1          2.8 "}},
    {{"descend", "w^4 - 8*w^2 + 2*w + 20", "--start", "-3.5", "--rate", "0.01"}, 0,
     {"status: converged", "converged to the global minimum at w = -2.05979 (f = -0.0606598)"}},
    {{"descend", "w^4 - 8*w^2 + 2*w + 20", "--start", "2.5", "--rate", "0.01"}, 0,
     {"converged to a local minimum at w = 1.9343", "the global minimum is at w = -2.05979 (f = -0.0606598)"}},
    {{"descend", "(w - 1)^2*(w + 2)^2", "--start", "0.5", "--rate", "0.01", "--steps", "1000"}, 0,
     {"converged to a global minimum at w = 1 (f = 0)"}},
    {{"descend", "w^3 - 3*w", "--start", "0.5", "--rate", "0.01,0.1"}, 0,
     {"critical points: local maximum at w = -1 (f = 2); local minimum at w = 1 (f = -2)\n"}},
    {{"descend", "w^3 - 3*w", "--start", "-1.5"}, 0,
     {"status: diverged", "f has no global minimum (f → -oo as w → -oo)"}},
    {{"descend", "w^2", "--start", "4", "--rate", "1.1"}, 0,
     {"status: diverged (the loss grew for 5 steps in a row", "final: w = -9.95328"}},
    {{"--format", "json", "descend", "w^2", "--start", "4", "--rate", "1.1"}, 0,
     {"\"status\": \"diverged\"", "{\"step\": 0, \"position\": 4, \"loss\": 16, \"gradient\": 8, \"update\": -8.8}",
      "\"global_min\": {\"x\": 0, \"value\": 0}"}},
    {{"--format", "json", "descend", "w^2 + b^2", "--start", "w=1,b=2", "--steps", "1", "--rate", "0.1,0.2"}, 0,
     {"\"runs\": [{\"rate\": 0.1", "\"position\": {\"w\": 1, \"b\": 2}", "\"status\": \"max_steps\"",
      "\"verdict\": "}},
    {{"descend", "(w*x - y)^2 + (b - 1)^2", "--start", "w=0,b=0", "--set", "x=2,y=3"}, 0,
     {" step            w            b         loss   |gradient|     |update|", "status: converged",
      "final: w = 1.5, b = 0.99999"}},
    {{"descend", "w^2", "--start", "4", "--method", "momentum", "--beta", "0.5", "--steps", "3"}, 0,
     {"momentum descent on w^2 from w = 4 (learning rate 0.1, beta 0.5", "    1          3.2        10.24          6.4        -1.04"}},
    {{"descend", "w^2", "--start", "4", "--method", "adam", "--rate", "0.5", "--steps", "2000"}, 0,
     {"Adam on w^2", "status: converged"}},
    {{"descend", "exp(w)", "--start", "1", "--steps", "100000", "--rows", "4"}, 0,
     {"... 99996 steps not shown", "99999 "}},
    /* bad requests: exit 2 with a clear message */
    {{"descend", "w^2", "--start", "4", "--rate", "0"}, 2, {"dfdx: the learning rate must be a positive number (not 0)"}},
    {{"descend", "w^2", "--start", "4", "--rate", "0.1,-0.5"}, 2, {"positive number (not -0.5)"}},
    {{"descend", "w^2", "--start", "4", "--steps", "0"}, 2, {"dfdx: --steps takes a whole number from 1 to 1000000 (not '0')\n"}},
    {{"descend", "w^2", "--start", "4", "--steps", "2.5"}, 2, {"--steps takes a whole number"}},
    {{"descend", "w^2", "--start", "4", "--steps", "1e7"}, 2, {"from 1 to 1000000"}},
    {{"descend", "w^2", "--start", "4", "--steps", "2^2"}, 0, {"at most 4 steps"}},
    {{"descend", "w^2 + b", "--start", "w=1,z=2"}, 2,
     {"dfdx: --start names z, which is not a variable of the function (its variables: b, w)"}},
    {{"descend", "(w*x - y)^2", "--start", "w=0"}, 2, {"dfdx: no value for x, y: fix them with --set x=...,y=..."}},
    {{"descend", "w*b", "--start", "1"}, 2, {"several variables (b, w)"}},
    {{"descend", "w^2"}, 2, {"needs a start point"}},
    {{"descend", "w^2", "--start", "4", "--rate", "w"}, 2, {"--rate: takes a number"}},
    {{"descend", "w^2", "--start", "4", "--rate", "0.1,"}, 2, {"empty value"}},
    {{"descend", "w^2", "--start", "4", "--method", "sgd"}, 2, {"--method takes gd, momentum or adam"}},
    {{"descend", "w^2", "--start", "4", "--beta", "0.5"}, 2, {"--beta is for --method momentum or adam"}},
    {{"descend", "w^2", "--start", "4", "--method", "momentum", "--beta", "1"}, 2, {"beta must be from 0"}},
    {{"descend", "ln(w)", "--start", "-1"}, 2, {"f is not defined at the start: ln is undefined at -1"}},
    {{"descend", "relu(w)", "--start", "1", "--rate", "1"}, 0,
     {"status: converged (f is not differentiable here (a kink), but its one-sided derivatives 0 and 1 bracket 0"}},
    {{"descend", "abs(w) + abs(b)", "--start", "w=1,b=0", "--rate", "0.5"}, 0,
     {"final: w = 0, b = 0", "one-sided derivatives (by w) -1 and 1", "note: 2 steps started at a kink"}},
    {{"--format", "json", "descend", "abs(w) + 2*w", "--start", "0", "--steps", "1"}, 0,
     {"\"subgradient_steps\": 1", "\"gradient\": 1, \"update\": -0.1"}},
    {{"descend", "w^2", "--start", "4", "--tol", "-1"}, 2, {"tolerance must be a number >= 0"}},
};

START_TEST(cli_cases)
{
    char *out, *err;
    int st = run(cli_rows[_i].argv, &out, &err);
    const char *text = cli_rows[_i].status ? err : out;
    ck_assert_msg(st == cli_rows[_i].status, "%s %s: exit %d\n%s%s", cli_rows[_i].argv[1], cli_rows[_i].argv[2], st,
                  out, err);
    for (int k = 0; k < 4 && cli_rows[_i].says[k]; k++)
        ck_assert_msg(strstr(text, cli_rows[_i].says[k]) != NULL, "%s %s: missing '%s' in\n%s", cli_rows[_i].argv[1],
                      cli_rows[_i].argv[2], cli_rows[_i].says[k], text);
    if (cli_rows[_i].status == 0)
        ck_assert_msg(strstr(out, "nan") == NULL && strstr(out, "inf") == NULL, "nan/inf in\n%s", out);
    free(out);
    free(err);
}
END_TEST

/* --- the lesson: dx_descend's data --------------------------------------------------------- */

static dx_descend_lesson *lesson(dx_ctx *ctx, const char *f, double start, const double *rates, size_t nrates,
                                 long steps, long rows)
{
    const char *w[] = {"w"};
    dx_descend_request q = {w, &start, 1, NULL, NULL, 0, opts(rates[0], steps), rates, nrates, rows, true, NULL};
    return dx_descend(ctx, dx_parse(ctx, f, strlen(f)), &q);
}

/* The lesson's three rates: too small, just right, too large; f's one minimum. */
START_TEST(lesson_rates)
{
    dx_ctx *ctx = dx_ctx_new();
    const double rates[] = {0.01, 0.15, 0.9};
    dx_descend_lesson *l = lesson(ctx, "w^2", 4, rates, 3, 20, 40);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(l->nruns, 3);
    ck_assert_int_eq(l->best, 1);
    ck_assert_int_eq(l->runs[0].verdict, DX_VERDICT_CREEPING);
    ck_assert_int_eq(l->runs[1].verdict, DX_VERDICT_LOWEST);
    ck_assert_int_eq(l->runs[2].verdict, DX_VERDICT_SWINGS);
    for (size_t k = 0; k < 3; k++) {
        const dx_descend_one *r = &l->runs[k];
        ck_assert_int_eq(r->res.status, DX_MAX_STEPS);
        ck_assert_int_eq(r->res.reason.id, DX_M_DESCEND_STEP_LIMIT);
        ck_assert_int_eq(r->nrows, 20);
        ck_assert_int_eq(r->omitted, 0);
        /* every row's gradient is f'(w) = 2w, and the update -rate*f'(w), number for number */
        for (size_t i = 0; i < r->nrows; i++) {
            ck_assert_int_eq(r->rows[i].step, (long)i);
            ck_assert(r->rows[i].gradient[0] == 2 * r->rows[i].position[0]);
            ck_assert(r->rows[i].update[0] == -(rates[k] * r->rows[i].gradient[0]));
        }
        ck_assert_int_eq(r->trace.n, 21); /* every row and the end */
        ck_assert(r->trace.x[20] == r->position[0]);
    }
    ck_assert(l->runs[1].position[0] == 0.0031916906519044805);
    ck_assert(l->has_cps && l->ncps == 1 && l->global == 0);
    ck_assert(l->cps[0].kind == DX_DESCEND_MIN && l->cps[0].global && l->cps[0].x == 0);
    ck_assert_int_eq(l->remark.id, DX_M_NONE);
    dx_descend_lesson_free(l);
    dx_ctx_free(ctx);
}
END_TEST

/* Issue 14: the seed lesson's bumpy loss judged by where each run ended. 0.05 converges
 * fastest but into the local minimum at 1.93: trapped, named; 0.01 reaches the global one
 * (-2.06): just right; 0.1 diverges; ranks by final loss. */
START_TEST(lesson_bumpy_verdicts)
{
    dx_ctx *ctx = dx_ctx_new();
    const double rates[] = {0.001, 0.01, 0.05, 0.1};
    dx_descend_lesson *l = lesson(ctx, "w^4 - 8w^2 + 2w + 20", -3.5, rates, 4, 100, 10);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(l->best, 1);
    ck_assert_int_eq(l->runs[0].verdict, DX_VERDICT_CREEPING);
    ck_assert_int_eq(l->runs[1].verdict, DX_VERDICT_FASTEST);
    ck_assert_int_eq(l->runs[1].judged.id, DX_M_DESCEND_VERDICT_FASTEST_GLOBAL);
    ck_assert_int_eq(l->runs[2].verdict, DX_VERDICT_TRAPPED);
    ck_assert_int_eq(l->runs[2].judged.id, DX_M_DESCEND_VERDICT_TRAPPED_CP);
    ck_assert_double_eq_tol(l->runs[2].position[0], 1.9343, 1e-4);
    ck_assert_double_eq_tol(l->runs[2].res.loss, 7.93541, 1e-5);
    ck_assert_double_eq_tol(l->runs[1].res.loss, -0.0606598, 1e-6);
    ck_assert_int_eq(l->runs[3].verdict, DX_VERDICT_DIVERGED);
    /* ranks: 0.01 (-0.0607), 0.001 (-0.0541), 0.05 (7.94); the diverged run has none */
    ck_assert_int_eq(l->runs[1].rank, 1);
    ck_assert_int_eq(l->runs[0].rank, 2);
    ck_assert_int_eq(l->runs[2].rank, 3);
    ck_assert_int_eq(l->runs[3].rank, 0);
    dx_buf b = {0};
    dx_show_descend(ctx, l, DX_SHOW_PLAIN, true, &b);
    ck_assert_msg(strstr(b.s, "trapped in the local minimum at w = 1.9343 (f = 7.93541), not the global one at w = "
                              "-2.05979 (f = -0.0606598)") != NULL, "%s", b.s);
    dx_buf_free(&b);
    dx_show_descend(ctx, l, DX_SHOW_JSON, true, &b);
    ck_assert_msg(strstr(b.s, "\"rank\": 1, \"verdict\": \"just right: reached the global minimum") != NULL, "%s", b.s);
    dx_buf_free(&b);
    dx_descend_lesson_free(l);

    /* a fixed rate around a kink: swings for good, said */
    const double one[] = {0.3}, two[] = {0.3, 0.01};
    l = lesson(ctx, "abs(w)", 1, one, 1, 100, 10);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(l->remark.id, DX_M_DESCEND_REMARK_KINK);
    dx_descend_lesson_free(l);
    l = lesson(ctx, "abs(w)", 1, two, 2, 100, 10);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(l->runs[0].verdict, DX_VERDICT_KINK);
    dx_descend_lesson_free(l);
    dx_ctx_free(ctx);
}
END_TEST

/* One run: the rows kept at both ends of a long run, and the remark on where it stopped. */
START_TEST(lesson_one)
{
    dx_ctx *ctx = dx_ctx_new();
    const double rate = 0.01;
    dx_descend_lesson *l = lesson(ctx, "w^4 - 8*w^2 + 2*w + 20", 2.5, &rate, 1, 100, 4);
    ck_assert_ptr_nonnull(l);
    const dx_descend_one *r = &l->runs[0];
    ck_assert_int_eq(r->res.status, DX_CONVERGED);
    ck_assert_int_eq(r->nrows, 4);
    ck_assert_int_eq(r->head, 2);
    ck_assert_int_eq(r->omitted, r->res.steps - 4);
    ck_assert_int_eq(r->rows[1].step, 1);
    ck_assert_int_eq(r->rows[3].step, r->res.steps - 1);
    ck_assert_int_eq(l->ncps, 3);
    ck_assert_int_eq(l->remark.id, DX_M_DESCEND_CONVERGED_CP);
    ck_assert_int_eq(l->remark.arg[0].kind, DX_ARG_MSG);
    ck_assert_int_eq(l->remark.arg[0].u.m->id, DX_M_DESCEND_LOCAL_MIN);
    ck_assert_int_eq(l->remark.arg[4].u.m->id, DX_M_DESCEND_GLOBAL_AT);
    ck_assert(fabs(l->remark.arg[2].u.d - 1.9343) < 1e-4);
    dx_buf b = {0};
    dx_show_descend(ctx, l, DX_SHOW_PLAIN, false, &b);
    ck_assert_ptr_nonnull(strstr(b.s, "  ... 45 steps not shown"));
    dx_buf_free(&b);
    dx_descend_lesson_free(l);
    dx_ctx_free(ctx);
}
END_TEST

/* f undefined at the start: the error nests its cause, data all the way down. */
START_TEST(lesson_start_undefined)
{
    dx_ctx *ctx = dx_ctx_new();
    const double rate = 0.1;
    ck_assert_ptr_null(lesson(ctx, "ln(w)", -1, &rate, 1, 100, 40));
    const dx_error *e = dx_ctx_error(ctx);
    ck_assert_int_eq(e->status, DX_EDOMAIN);
    ck_assert_int_eq(e->msg.id, DX_M_DESCEND_START_UNDEF);
    ck_assert_int_eq(e->msg.arg[0].kind, DX_ARG_MSG);
    ck_assert_int_eq(e->msg.arg[0].u.m->id, DX_M_UNDEF_POS);
    ck_assert_str_eq(tu_err(ctx), "f is not defined at the start: ln is undefined at -1 (it needs a positive number)");
    dx_ctx_free(ctx);
}
END_TEST

/* --- descent on data ------------------------------------------------------------------------ */

/* Linear regression on 200 rows: descent ends at the least-squares line within 1e-6, and the
 * lesson's closed form is the textbook's w = cov(x, y)/var(x), b = mean(y) - w*mean(x). */
START_TEST(data_linear_regression)
{
    enum { N = 200 };
    double x[N], y[N], mx = 0, my = 0;
    unsigned long s = 99;
    for (int i = 0; i < N; i++) {
        s = s * 6364136223846793005UL + 1442695040888963407UL;
        x[i] = -2 + 4.0 * i / N;
        y[i] = 3 * x[i] - 1 + ((double)(s >> 11) / 9007199254740992.0 - 0.5);
        mx += x[i] / N;
        my += y[i] / N;
    }
    double sxy = 0, sxx = 0;
    for (int i = 0; i < N; i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
    }
    double w_ls = sxy / sxx, b_ls = my - w_ls * mx;
    dx_ctx *ctx = dx_ctx_new();
    const char *vars[] = {"w", "b"}, *names[] = {"x", "y"};
    const double start[] = {0, 0}, rates[] = {0.2};
    const double *cols[] = {x, y};
    dx_descend_data data = {names, cols, 2, N, 0, 0};
    dx_descend_opts o = opts(0.2, 5000);
    o.tol = 1e-12;
    dx_descend_request q = {vars, start, 2, NULL, NULL, 0, o, rates, 1, 4, false, &data};
    const char *f = "(w*x + b - y)^2";
    dx_descend_lesson *l = dx_descend(ctx, dx_parse(ctx, f, strlen(f)), &q);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(l->data_rows, N);
    ck_assert_int_eq(l->runs[0].res.status, DX_CONVERGED);
    ck_assert_ptr_nonnull(l->least_squares);
    ck_assert_msg(fabs(l->least_squares[0] - w_ls) < 1e-12 && fabs(l->least_squares[1] - b_ls) < 1e-12,
                  "closed form %.17g %.17g, textbook %.17g %.17g", l->least_squares[0], l->least_squares[1], w_ls, b_ls);
    ck_assert(fabs(l->runs[0].position[0] - w_ls) < 1e-6 && fabs(l->runs[0].position[1] - b_ls) < 1e-6);
    /* the first row's loss and gradient are the means over the rows at the start */
    double loss = 0, gw = 0, gb = 0;
    for (int i = 0; i < N; i++) {
        loss += y[i] * y[i] / N;
        gw += -2 * y[i] * x[i] / N;
        gb += -2 * y[i] / N;
    }
    const dx_descend_row *r0 = &l->runs[0].rows[0];
    ck_assert(fabs(r0->loss - loss) < 1e-12 && fabs(r0->gradient[0] - gw) < 1e-12 && fabs(r0->gradient[1] - gb) < 1e-12);
    dx_descend_lesson_free(l);
    /* a loss that is not quadratic in w and b (logistic): no closed form claimed */
    f = "ln(1 + exp(-y*(w*x + b)))";
    l = dx_descend(ctx, dx_parse(ctx, f, strlen(f)), &q);
    ck_assert_ptr_nonnull(l);
    ck_assert_ptr_null(l->least_squares);
    dx_descend_lesson_free(l);
    /* a row outside the domain says which function and value */
    f = "ln(w + x)";
    const char *one[] = {"w"};
    dx_descend_data d1 = {names, cols, 1, N, 0, 0};
    dx_descend_request q1 = {one, start, 1, NULL, NULL, 0, o, rates, 1, 4, false, &d1};
    ck_assert_ptr_null(dx_descend(ctx, dx_parse(ctx, f, strlen(f)), &q1));
    char *why = dx_ctx_errmsg(ctx, DX_PLAIN);
    ck_assert_str_eq(why, "f is not defined at the start: ln is undefined at -2 (it needs a positive number)");
    free(why);
    dx_ctx_free(ctx);
}
END_TEST

/* Mini-batches. On noise-free data every batch's gradient vanishes at the line itself, so
 * mini-batch descent (batch 7 of 200: the last rows of an epoch are left for the next
 * shuffle) converges there; the same seed repeats the run number for number, another seed
 * takes other batches, and a batch as large as the data is batch descent. */
START_TEST(data_mini_batches)
{
    enum { N = 200 };
    double x[N], y[N];
    for (int i = 0; i < N; i++) {
        x[i] = -2 + 4.0 * i / N;
        y[i] = 3 * x[i] - 1;
    }
    dx_ctx *ctx = dx_ctx_new();
    const char *vars[] = {"w", "b"}, *names[] = {"x", "y"}, *f = "(w*x + b - y)^2";
    const double start[] = {0, 0}, rates[] = {0.05};
    const double *cols[] = {x, y};
    dx_expr *e = dx_parse(ctx, f, strlen(f));
    dx_descend_data data = {names, cols, 2, N, 7, 42};
    dx_descend_opts o = opts(0.05, 20000);
    o.tol = 1e-10;
    dx_descend_request q = {vars, start, 2, NULL, NULL, 0, o, rates, 1, 4, false, &data};
    dx_descend_lesson *a = dx_descend(ctx, e, &q), *b = dx_descend(ctx, e, &q);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(a->batch, 7);
    ck_assert_int_eq(a->runs[0].res.status, DX_CONVERGED);
    ck_assert_msg(fabs(a->runs[0].position[0] - 3) < 1e-6 && fabs(a->runs[0].position[1] + 1) < 1e-6, "ended at %g %g",
                  a->runs[0].position[0], a->runs[0].position[1]);
    ck_assert_int_eq(a->runs[0].res.steps, b->runs[0].res.steps);
    ck_assert(a->runs[0].position[0] == b->runs[0].position[0] && a->runs[0].position[1] == b->runs[0].position[1]);
    data.seed = 43;
    dx_descend_lesson *c = dx_descend(ctx, e, &q);
    ck_assert_ptr_nonnull(c);
    ck_assert(c->runs[0].rows[1].position[0] != a->runs[0].rows[1].position[0]);
    /* the loss shown is the mean over every row, whatever the batch */
    double loss0 = 0;
    for (int i = 0; i < N; i++)
        loss0 += y[i] * y[i] / N;
    ck_assert(fabs(a->runs[0].rows[0].loss - loss0) < 1e-12);
    data.batch = N;
    dx_descend_lesson *full = dx_descend(ctx, e, &q);
    data.batch = 0;
    dx_descend_lesson *plain = dx_descend(ctx, e, &q);
    ck_assert_int_eq(full->batch, 0);
    ck_assert(full->runs[0].position[0] == plain->runs[0].position[0] && full->runs[0].res.steps == plain->runs[0].res.steps);
    dx_descend_lesson_free(a);
    dx_descend_lesson_free(b);
    dx_descend_lesson_free(c);
    dx_descend_lesson_free(full);
    dx_descend_lesson_free(plain);
    dx_ctx_free(ctx);
}
END_TEST

/* Batches of one row make each epoch visit every row exactly once: with a rate so small that
 * descent stays at the start, each step's gradient is one row's, and over N steps the rows
 * they belong to are a permutation of the data. */
START_TEST(data_batch_epochs)
{
    enum { N = 30 };
    double x[N], y[N];
    for (int i = 0; i < N; i++) {
        x[i] = i + 1;
        y[i] = 1;
    }
    dx_ctx *ctx = dx_ctx_new();
    const char *vars[] = {"w"}, *names[] = {"x", "y"}, *f = "(w*x - y)^2";
    const double start[] = {0}, rates[] = {1e-300};
    const double *cols[] = {x, y};
    dx_descend_data data = {names, cols, 2, N, 1, 5};
    dx_descend_opts o = opts(1e-300, 2 * N);
    o.tol = 0;
    dx_descend_request q = {vars, start, 1, NULL, NULL, 0, o, rates, 1, 4 * N, false, &data};
    dx_descend_lesson *l = dx_descend(ctx, dx_parse(ctx, f, strlen(f)), &q);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(l->runs[0].nrows, 2 * N);
    for (int epoch = 0; epoch < 2; epoch++) {
        int seen[N] = {0};
        for (int k = 0; k < N; k++) {
            double g = l->runs[0].rows[epoch * N + k].gradient[0]; /* -2*x_i at w = 0 */
            int i = (int)lround(-g / 2) - 1;
            ck_assert_msg(i >= 0 && i < N && fabs(g + 2 * x[i]) < 1e-9, "step %d: gradient %g is no row's", k, g);
            seen[i]++;
        }
        for (int i = 0; i < N; i++)
            ck_assert_msg(seen[i] == 1, "epoch %d saw row %d %d times", epoch, i, seen[i]);
    }
    dx_descend_lesson_free(l);
    dx_ctx_free(ctx);
}
END_TEST

/* --batch and --seed through the program, and their misuse. */
static const struct {
    const char *argv[14];
    int status;
    const char *says;
} batch_rows[] = {
    {{"descend", "(w*x + b - y)^2", "--data", DX_SOURCE_DIR "/examples/linreg.csv", "--start", "w=0,b=0", "--batch",
      "4", "--seed", "7", "--steps", "3"},
     0,
     "each update on a mini-batch of 4 rows, shuffled with seed 7"},
    {{"descend", "(w*x + b - y)^2", "--data", DX_SOURCE_DIR "/examples/linreg.csv", "--start", "w=0,b=0", "--batch",
      "4", "--steps", "3", "--format", "json"},
     0,
     "\"batch\": 4, \"seed\": 1"},
    {{"descend", "w^2", "--start", "1", "--batch", "4"}, 2, "--batch takes rows of a data file: it needs --data FILE.csv"},
    {{"descend", "(w*x + b - y)^2", "--data", DX_SOURCE_DIR "/examples/linreg.csv", "--start", "w=0,b=0", "--seed", "3"},
     2,
     "--seed shuffles mini-batches: it needs --batch N"},
    {{"descend", "(w*x + b - y)^2", "--data", DX_SOURCE_DIR "/examples/linreg.csv", "--start", "w=0,b=0", "--batch",
      "0"},
     2,
     "--batch"},
};

START_TEST(data_batch_cli)
{
    char *out, *err;
    int st = run(batch_rows[_i].argv, &out, &err);
    ck_assert_msg(st == batch_rows[_i].status, "status %d: %s", st, err);
    const char *text = batch_rows[_i].status ? err : out;
    ck_assert_msg(strstr(text, batch_rows[_i].says) != NULL, "'%s' lacks '%s'", text, batch_rows[_i].says);
    free(out);
    free(err);
}
END_TEST

/* Bad data files: an error naming the file and the line, exit 2. */
static const struct {
    const char *text, *says;
} csv_rows[] = {
    {"x,y\n1,2\n3\n", "data.csv:3: 1 value, but the header names 2 columns"},
    {"x,y\n1,2\n3,abc\n", "data.csv:3: 'abc' in column y is not a number"},
    {"x,y\n1,2\n3,nan\n", "data.csv:3: 'nan' in column y is not a number"},
    {"", "data.csv is empty"},
    {"x,y\n\n", "data.csv has no rows under its header"},
    {"x,2y\n1,2\n", "data.csv:1: the header names the columns, and '2y' is no variable name"},
    {"x,x\n1,2\n", "data.csv:1: the header names x twice"},
    {"x,z\n1,2\n", "no value for y"},
};

START_TEST(data_file_errors)
{
    char dir[] = "/tmp/dfdx_csv_XXXXXX", path[64];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/data.csv", dir);
    FILE *fp = fopen(path, "w");
    fputs(csv_rows[_i].text, fp);
    fclose(fp);
    const char *argv[] = {"descend", "(w*x - y)^2", "--data", path, "--start", "w=0", NULL};
    char *out, *err;
    int st = run(argv, &out, &err);
    remove(path);
    rmdir(dir);
    ck_assert_int_eq(st, 2);
    ck_assert_msg(strstr(err, csv_rows[_i].says) != NULL, "'%s' lacks '%s'", err, csv_rows[_i].says);
    free(out);
    free(err);
}
END_TEST

/* The example file through the program: the mean loss, the closed form beside descent. */
START_TEST(data_file_example)
{
    const char *argv[] = {"descend", "(w*x + b - y)^2", "--data", DX_SOURCE_DIR "/examples/linreg.csv", "--start", "w=0,b=0",
                          "--rate", "0.05", "--steps", "2000", NULL};
    char *out, *err;
    ck_assert_int_eq(run(argv, &out, &err), 0);
    ck_assert_ptr_nonnull(strstr(out, "loss: the mean of f over the 20 rows of the data"));
    ck_assert_ptr_nonnull(strstr(out, "least squares in closed form (the normal equations solved): w = 1.896589474, b = 1.228;"));
    free(out);
    free(err);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("descend");
    TCase *t = tcase_create("seed");
    tcase_add_test(t, seed_steps);
    tcase_add_loop_test(t, seed_rate, 0, sizeof seed_rates / sizeof seed_rates[0]);
    tcase_add_test(t, seed_bumpy);
    suite_add_tcase(s, t);
    t = tcase_create("status");
    tcase_add_test(t, diverges_fast);
    tcase_add_loop_test(t, ends_each_way, 0, sizeof endings / sizeof endings[0]);
    tcase_add_test(t, converges_with_tol);
    tcase_add_test(t, bad_options);
    tcase_add_loop_test(t, kinks, 0, sizeof kink_rows / sizeof kink_rows[0]);
    suite_add_tcase(s, t);
    t = tcase_create("variables and methods");
    tcase_add_test(t, multi_quadratic);
    tcase_add_test(t, ten_variables);
    tcase_add_test(t, methods);
    suite_add_tcase(s, t);
    t = tcase_create("cli");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, cli_seed_table);
    tcase_add_test(t, lesson_rates);
    tcase_add_test(t, lesson_bumpy_verdicts);
    tcase_add_test(t, lesson_one);
    tcase_add_test(t, lesson_start_undefined);
    tcase_add_loop_test(t, cli_cases, 0, sizeof cli_rows / sizeof cli_rows[0]);
    tcase_add_test(t, data_linear_regression);
    tcase_add_loop_test(t, data_file_errors, 0, sizeof csv_rows / sizeof csv_rows[0]);
    tcase_add_test(t, data_file_example);
    tcase_add_test(t, data_mini_batches);
    tcase_add_test(t, data_batch_epochs);
    tcase_add_loop_test(t, data_batch_cli, 0, sizeof batch_rows / sizeof batch_rows[0]);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_main(suite());
}
