/* Tests of critical points in two and three variables: textbook functions, degenerate points,
 * 100 polynomials built with known critical points, curves of critical points, 28 random
 * polynomials against Singular's count, degenerate points decided after a change of
 * coordinates, curves of critical points classified along each component, the box search, the
 * program. */
#include "dfdx.h"
#include "mvtest.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979323846

typedef struct want_pt {
    double x, y;
    dx_cp2_kind kind;
} want_pt;

typedef struct text_row {
    const char *f;
    size_t n;
    want_pt pt[9];
} text_row;

#define MIN DX_CP2_MIN
#define MAX DX_CP2_MAX
#define SAD DX_CP2_SADDLE
#define DEG DX_CP2_DEGENERATE

static const text_row textbook[] = {
    {"x^2 + y^2", 1, {{0, 0, MIN}}},
    {"x^2 - y^2", 1, {{0, 0, SAD}}},
    {"-x^2 - 2*y^2 + 4", 1, {{0, 0, MAX}}},
    {"x*y", 1, {{0, 0, SAD}}},
    {"x^3 - 3*x*y + y^3", 2, {{0, 0, SAD}, {1, 1, MIN}}},
    {"x^4 + y^4", 1, {{0, 0, MIN}}}, /* det H = 0: decided by the lowest terms */
    {"x^4 - y^4", 1, {{0, 0, SAD}}}, /* det H = 0: decided along lines */
    {"x^3 + y^3 - 3*x - 12*y + 20", 4, {{-1, -2, MAX}, {-1, 2, SAD}, {1, -2, SAD}, {1, 2, MIN}}},
    {"x^2 + x*y + y^2 - 3*x", 1, {{2, -1, MIN}}},
    {"x^4 - 2*x^2 + y^2", 3, {{-1, 0, MIN}, {0, 0, SAD}, {1, 0, MIN}}},
    {"x^2*y - x^2 - 2*y^2", 3, {{-2, 1, SAD}, {0, 0, MAX}, {2, 1, SAD}}},
    {"2*x^3 + x*y^2 + 5*x^2 + y^2", 4, {{-5.0 / 3, 0, MAX}, {-1, -2, SAD}, {-1, 2, SAD}, {0, 0, MIN}}},
    {"x^3 - 12*x*y + 8*y^3", 2, {{0, 0, SAD}, {2, 1, MIN}}},
    {"x*y*(1 - x - y)", 4, {{0, 0, SAD}, {0, 1, SAD}, {1.0 / 3, 1.0 / 3, MAX}, {1, 0, SAD}}},
    {"x^2 + y^2 + 1", 1, {{0, 0, MIN}}},
    {"y^3 + 3*x^2*y - 3*x^2 - 3*y^2 + 2", 4, {{-1, 1, SAD}, {0, 0, MAX}, {0, 2, MIN}, {1, 1, SAD}}},
    {"x^3 + y^2 - 6*x*y + 6*x + 3*y", 2, {{1, 1.5, SAD}, {5, 13.5, MIN}}},
    {"x^2 - 2*x + y^2 - 4*y + 5", 1, {{1, 2, MIN}}},
    {"x^3 + y^2", 1, {{0, 0, SAD}}},
    {"-x^4 - y^4", 1, {{0, 0, MAX}}},
    {"x^2 + y^4", 1, {{0, 0, MIN}}}, /* weights 2 for x, 1 for y */
    {"x + y", 0, {{0, 0, MIN}}},
    {"x^2 + y", 0, {{0, 0, MIN}}},
    {"(x^2 - 1)^2 + (y^2 - 1)^2", 9,
     {{-1, -1, MIN}, {-1, 0, SAD}, {-1, 1, MIN}, {0, -1, SAD}, {0, 0, MAX}, {0, 1, SAD}, {1, -1, MIN}, {1, 0, SAD},
      {1, 1, MIN}}},
    /* degenerate points (det H = 0) decided by the terms beyond the Hessian, or not */
    {"-(x^2 + y^4)", 1, {{0, 0, MAX}}},
    {"(x - 1)^4 + 3*(y + 2)^2", 1, {{1, -2, MIN}}},
    {"(y - x^2)*(y - 3*x^2)", 1, {{0, 0, SAD}}}, /* Peano's: a min along every line, no min */
    {"x^4 - x^2*y^2 + y^4", 1, {{0, 0, MIN}}},
    {"x^3 - 3*x*y^2", 1, {{0, 0, SAD}}}, /* the monkey saddle */
    {"x^6 + y^4", 1, {{0, 0, MIN}}},
    {"y^3 + x^2*y", 1, {{0, 0, SAD}}},
    {"x^4 + y^4 - 4*x*y", 3, {{-1, -1, MIN}, {0, 0, SAD}, {1, 1, MIN}}},
    {"-(x - 2)^2 - (y - 1)^6", 1, {{2, 1, MAX}}},
    {"x^2 - y^4", 1, {{0, 0, SAD}}},
    {"x^2*y^2 + x^4 + y^6", 1, {{0, 0, DEG}}}, /* two weights needed at once: undecided */
    {"(x - y)^2 + x^4", 1, {{0, 0, MIN}}},     /* a min, decided along the diagonal (splitting lemma) */
    /* x = (3 -+ sqrt(13))/2, y = (x + 1)/2 */
    {"x^2 - 2*y^2 + 2*x*y + 2*y - x^3/3", 2, {{-0.30277563773199465, 0.34861218113400268, SAD},
                                                 {3.3027756377319946, 2.1513878188659973, MAX}}},
};

/* Every listed point where expected, of the expected kind, certified, and the gradient 0
 * there by the independent evaluator. */
static void check_points(const char *f, const dx_extrema2_result *r, const want_pt *w, size_t n)
{
    ck_assert_msg(r->ncrit == n, "%s: %zu critical points, want %zu", f, r->ncrit, n);
    dx_expr *e = tu_parse(f);
    dx_expr *gx = dx_derivative(tu_ctx, e, "x", 1), *gy = dx_derivative(tu_ctx, e, "y", 1);
    const char *const xy[] = {"x", "y"};
    dx_prog *px = dx_compile(tu_ctx, gx, xy, 2), *py = dx_compile(tu_ctx, gy, xy, 2);
    for (size_t k = 0; k < n; k++) {
        const dx_crit2 *c = &r->crit[k];
        ck_assert_msg(fabs(c->at[0] - w[k].x) < 1e-12 && fabs(c->at[1] - w[k].y) < 1e-12,
                      "%s: point %zu at (%.17g, %.17g), want (%.17g, %.17g)", f, k, c->at[0], c->at[1], w[k].x, w[k].y);
        ck_assert_msg(c->kind == w[k].kind, "%s: point %zu is of kind %d, want %d", f, k, c->kind, w[k].kind);
        ck_assert_msg(c->certified, "%s: point %zu not certified", f, k);
        double g[2];
        ck_assert_int_eq(dx_prog_eval(px, tu_ctx, c->at, &g[0]), DX_OK);
        ck_assert_int_eq(dx_prog_eval(py, tu_ctx, c->at, &g[1]), DX_OK);
        ck_assert_msg(fabs(g[0]) < 1e-9 && fabs(g[1]) < 1e-9, "%s: gradient (%g, %g) at point %zu", f, g[0], g[1], k);
    }
    dx_prog_free(px);
    dx_prog_free(py);
}

START_TEST(textbook_row)
{
    const text_row *w = &textbook[_i];
    dx_extrema2_result r;
    ck_assert_msg(dx_extrema2(tu_ctx, tu_parse(w->f), NULL, 0, NULL, NULL, &r) == DX_OK, "%s: %s", w->f,
                  tu_err(tu_ctx));
    ck_assert_int_eq(r.method, DX_EX2_RESULTANT);
    ck_assert(!r.curve);
    ck_assert_uint_eq(r.uncertain, 0);
    check_points(w->f, &r, w->pt, w->n);
    dx_extrema2_free(&r);
}
END_TEST

/* 100 polynomials with known critical points: f = g(u) + h(y) with u = x + c*y, where
 * g(u) = u^3 - 3/2 (a1 + a2) u^2 + 3 a1 a2 u (a local max at a1 < a2, a local min at a2) or
 * s*(u - a1)^2, and h the same in y with b1, b2. The critical points are the pairs (u, y) of
 * the two factors' critical points, x = u - c*y; a shear keeps the kind: min+min is a min,
 * max+max a max, min+max a saddle. */
START_TEST(built)
{
    unsigned seed = 1234 + (unsigned)_i * 7919;
    int a1 = (int)(rand_r(&seed) % 7) - 3, a2 = a1 + 1 + (int)(rand_r(&seed) % 4);
    int b1 = (int)(rand_r(&seed) % 7) - 3, b2 = b1 + 1 + (int)(rand_r(&seed) % 4);
    int c = (int)(rand_r(&seed) % 5) - 2, gcubic = (int)(rand_r(&seed) % 3), hcubic = (int)(rand_r(&seed) % 3);
    int gs = rand_r(&seed) % 2 ? 1 : -1, hs = rand_r(&seed) % 2 ? 1 : -1;
    char u[64], f[1024], g[400], h[400];
    snprintf(u, sizeof u, "(x + %d*y)", c);
    if (gcubic)
        snprintf(g, sizeof g, "%s^3 - 3*%d*%s^2/2 + 3*%d*%s", u, a1 + a2, u, a1 * a2, u);
    else
        snprintf(g, sizeof g, "%d*(%s - %d)^2", gs, u, a1);
    if (hcubic)
        snprintf(h, sizeof h, "y^3 - 3*%d*y^2/2 + 3*%d*y", b1 + b2, b1 * b2);
    else
        snprintf(h, sizeof h, "%d*(y - %d)^2", hs, b1);
    snprintf(f, sizeof f, "%s + %s", g, h);
    /* the factors' critical points and kinds (+1 min, -1 max) */
    int gu[2], gk[2], hv[2], hk[2], ng = gcubic ? 2 : 1, nh = hcubic ? 2 : 1;
    gu[0] = a1, gk[0] = gcubic ? -1 : gs, gu[1] = a2, gk[1] = 1;
    hv[0] = b1, hk[0] = hcubic ? -1 : hs, hv[1] = b2, hk[1] = 1;
    want_pt w[4];
    size_t n = 0;
    for (int i = 0; i < ng; i++)
        for (int j = 0; j < nh; j++)
            w[n++] = (want_pt){gu[i] - c * hv[j], hv[j],
                               gk[i] != hk[j] ? SAD : gk[i] > 0 ? MIN : MAX};
    /* ascending x, then y, as the result lists them */
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (w[j].x < w[i].x || (w[j].x == w[i].x && w[j].y < w[i].y)) {
                want_pt t = w[i];
                w[i] = w[j];
                w[j] = t;
            }
    dx_extrema2_result r;
    ck_assert_msg(dx_extrema2(tu_ctx, tu_parse(f), NULL, 0, NULL, NULL, &r) == DX_OK, "%s: %s", f, tu_err(tu_ctx));
    check_points(f, &r, w, n);
    dx_extrema2_free(&r);
}
END_TEST

/* Irrational points: certified by the interval test, exact where quadratic. */
START_TEST(irrational)
{
    const char *f = "(x^2 - 2)^2 + (y^2 - 3)^2 + x*y/10";
    dx_extrema2_result r;
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse(f), NULL, 0, NULL, NULL, &r), DX_OK);
    ck_assert_uint_eq(r.ncrit, 9);
    ck_assert_uint_eq(r.uncertain, 0);
    int kinds[4] = {0};
    for (size_t k = 0; k < r.ncrit; k++)
        kinds[r.crit[k].kind]++;
    ck_assert_int_eq(kinds[MIN], 4);
    ck_assert_int_eq(kinds[MAX], 1);
    ck_assert_int_eq(kinds[SAD], 4);
    /* each a zero of the gradient, and a min is lower than the points just around it */
    dx_expr *e = tu_parse(f);
    const char *const xy[] = {"x", "y"};
    dx_prog *p = dx_compile(tu_ctx, e, xy, 2);
    for (size_t k = 0; k < r.ncrit; k++) {
        if (r.crit[k].kind != MIN)
            continue;
        for (int d = 0; d < 8; d++) {
            double q[2] = {r.crit[k].at[0] + 1e-3 * cos(d * 0.785398), r.crit[k].at[1] + 1e-3 * sin(d * 0.785398)}, v;
            ck_assert_int_eq(dx_prog_eval(p, tu_ctx, q, &v), DX_OK);
            ck_assert(v > r.crit[k].value);
        }
    }
    dx_prog_free(p);
    dx_extrema2_free(&r);
    /* quadratic coordinates come out exact */
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse("x^3 - 6*x + y^2"), NULL, 0, NULL, NULL, &r), DX_OK);
    ck_assert_uint_eq(r.ncrit, 2);
    char *s = dx_print(tu_ctx, r.crit[0].exact[0], DX_PLAIN);
    ck_assert_str_eq(s, "-sqrt(2)");
    free(s);
    ck_assert_int_eq(r.crit[0].kind, SAD);
    ck_assert_int_eq(r.crit[1].kind, MIN);
    dx_extrema2_free(&r);
}
END_TEST

/* Curves of critical points: the curve named (square-free, integer coefficients), whether a
 * real point of it was seen, and the critical points off it. */
typedef struct curve_row {
    const char *f, *curve;
    bool seen;
    size_t n;
    want_pt pt[3];
} curve_row;

static const curve_row curve_rows[] = {
    {"(x - y)^2", "x - y", true, 0, {{0, 0, MIN}}},
    {"x^2*y", "x", true, 0, {{0, 0, MIN}}},
    {"x^2*y^2", "x*y", true, 0, {{0, 0, MIN}}},
    {"(x*y - 1)^2", "x*y - 1", true, 1, {{0, 0, SAD}}},
    {"(x^2 + y^2 - 1)^2", "x^2 + y^2 - 1", true, 1, {{0, 0, MAX}}},
    {"(x^2 + y^2 + 1)^2", "x^2 + y^2 + 1", false, 1, {{0, 0, MIN}}},
    {"(x + y)^3", "x + y", true, 0, {{0, 0, MIN}}},
    {"x^3*y^3", "x*y", true, 0, {{0, 0, MIN}}},
    {"(y - x^2)^2", "x^2 - y", true, 0, {{0, 0, MIN}}},
    {"(x - 1)^2*(y + 2)^2", "(x - 1)*(y + 2)", true, 0, {{0, 0, MIN}}},
    {"(x^2*y - 1)^2", "x*(x^2*y - 1)", true, 0, {{0, 0, MIN}}},
    /* x = 6/5 -+ sqrt(41)/5 on y = 0 */
    {"(x^2 + y^2 - 1)^2*(x - 3)", "x^2 + y^2 - 1", true, 2,
     {{1.2 - 1.2806248474865698, 0, MIN}, {1.2 + 1.2806248474865698, 0, SAD}}},
    /* (-1, -+sqrt(3)) are zeros of f_x/C and f_y/C too, but on the curve: shown exactly to be */
    {"(x^2 + y^2 - 4)^2*(x + 1)", "x^2 + y^2 - 4", true, 2,
     {{-0.4 - 0.97979589711327124, 0, MIN}, {-0.4 + 0.97979589711327124, 0, MAX}}},
};

START_TEST(curve_row_test)
{
    const curve_row *w = &curve_rows[_i];
    dx_extrema2_result r;
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse(w->f), NULL, 0, NULL, NULL, &r), DX_OK);
    ck_assert_msg(r.curve, "%s: no curve", w->f);
    ck_assert_str_eq(mv_printed(r.curve_eq), w->curve);
    ck_assert_msg(r.curve_seen == w->seen, "%s: curve seen %d", w->f, r.curve_seen);
    ck_assert_uint_eq(r.uncertain, 0);
    check_points(w->f, &r, w->pt, w->n);
    dx_extrema2_free(&r);
}
END_TEST

/* Degenerate points that need a change of coordinates: H of rank 1 with its kernel along any
 * line, decided by the splitting lemma (f along the curve where its slope across the kernel
 * is 0), or already along lines; the test that decided named by its message. */
typedef struct turned_row {
    const char *f;
    want_pt pt;
    dx_msg_id by;
} turned_row;

static const turned_row turned[] = {
    {"(x - y)^2 + x^4", {0, 0, MIN}, DX_M_EX2_SPLIT_MIN},
    {"(x + y)^2 + (x - y)^4", {0, 0, MIN}, DX_M_EX2_SPLIT_MIN},
    {"(2*x - 3*y)^2 + (x + y)^6", {0, 0, MIN}, DX_M_EX2_SPLIT_MIN},
    {"(x - y + x*y)^2 + y^4", {0, 0, MIN}, DX_M_EX2_SPLIT_MIN},
    {"(x - y)^2 + x^3*y", {0, 0, MIN}, DX_M_EX2_SPLIT_MIN},
    {"(x - 1 - 2*(y - 2))^2 + (y - 2)^4", {1, 2, MIN}, DX_M_EX2_SPLIT_MIN},
    {"-(3*x + y)^2 - x^4*y^2 - y^8", {0, 0, MAX}, DX_M_EX2_SPLIT_MAX},
    {"-(x + 2*y)^2 - (x - y)^4", {0, 0, MAX}, DX_M_EX2_SPLIT_MAX},
    {"(y - x - x^2)^2 - x^6", {0, 0, SAD}, DX_M_EX2_SPLIT_SADDLE}, /* a min along every line */
    {"(x - y + x*y)^2 - y^4", {0, 0, SAD}, DX_M_EX2_SPLIT_SADDLE},
    {"(y - x^2)^2 + x^5", {0, 0, SAD}, DX_M_EX2_SPLIT_ODD},
    {"(x - y - y^2)^2 + y^3*x^2 + y^5", {0, 0, SAD}, DX_M_EX2_SPLIT_ODD},
    /* H = 0, the lowest terms vanishing along a line off the axes: weights after a shear */
    {"(x - y)^4 + x^6", {0, 0, MIN}, DX_M_EX2_FORM_MIN},
    {"-(x + 3*y)^4 - y^6 - x^2*y^5", {0, 0, MAX}, DX_M_EX2_FORM_MAX},
    {"(x - y)^4 - 3*(x - y)^2*y^3 + y^6", {0, 0, SAD}, DX_M_EX2_FORM_SADDLE}, /* rises on every line */
    {"(x - y)^2 - x^4", {0, 0, SAD}, DX_M_EX2_LINE_SIGNS},
    {"(x + 2*y)^2 + y^3", {0, 0, SAD}, DX_M_EX2_LINE_ODD},
    {"3*(x + 2*y - 1)^2 + (y - 1)^3", {-1, 1, SAD}, DX_M_EX2_LINE_ODD},
};

START_TEST(turned_row_test)
{
    const turned_row *w = &turned[_i];
    dx_extrema2_result r;
    ck_assert_msg(dx_extrema2(tu_ctx, tu_parse(w->f), NULL, 0, NULL, NULL, &r) == DX_OK, "%s: %s", w->f,
                  tu_err(tu_ctx));
    ck_assert(!r.curve);
    ck_assert_uint_eq(r.uncertain, 0);
    /* every point a zero of the gradient by the evaluator; the wanted one decided as said */
    dx_expr *e = tu_parse(w->f);
    const char *const xy[] = {"x", "y"};
    const dx_crit2 *c = NULL;
    for (int v = 0; v < 2; v++) {
        dx_prog *p = dx_compile(tu_ctx, dx_derivative(tu_ctx, e, xy[v], 1), xy, 2);
        for (size_t k = 0; k < r.ncrit; k++) {
            double g;
            ck_assert_int_eq(dx_prog_eval(p, tu_ctx, r.crit[k].at, &g), DX_OK);
            ck_assert_msg(fabs(g) < 1e-9, "%s: gradient %g at point %zu", w->f, g, k);
            if (fabs(r.crit[k].at[0] - w->pt.x) < 1e-12 && fabs(r.crit[k].at[1] - w->pt.y) < 1e-12)
                c = &r.crit[k];
        }
        dx_prog_free(p);
    }
    ck_assert_msg(c != NULL, "%s: no critical point at (%g, %g)", w->f, w->pt.x, w->pt.y);
    ck_assert_msg(c->kind == w->pt.kind, "%s: kind %d, want %d", w->f, c->kind, w->pt.kind);
    ck_assert_msg(c->lines.id == w->by, "%s: decided by message %d, want %d", w->f, c->lines.id, w->by);
    ck_assert(c->det == 0);
    dx_extrema2_free(&r);
}
END_TEST

/* Curves of critical points classified along each component: the components (content,
 * linear factors), the kind, whether proved; and points found on each component numerically
 * are critical (gradient 0), with f there no larger (min) or no smaller (max) than nearby. */
typedef struct comp_want {
    const char *eq;
    dx_curve2_kind kind;
    bool proved;
} comp_want;

typedef struct comp_row {
    const char *f, *curve;
    size_t n;
    comp_want c[3];
} comp_row;

#define CMIN DX_CV2_MIN
#define CMAX DX_CV2_MAX

static const comp_row comp_rows[] = {
    {"(x*y - 1)^2", "x*y - 1", 1, {{"x*y - 1", CMIN, true}}},
    {"-(x^2 + y^2 - 1)^2", "x^2 + y^2 - 1", 1, {{"x^2 + y^2 - 1", CMAX, true}}},
    {"x^2*y^2", "x*y", 2, {{"x", CMIN, true}, {"y", CMIN, true}}},
    {"(x^2*y - 1)^2", "x*(x^2*y - 1)", 2, {{"x", DX_CV2_VARIES, true}, {"x^2*y - 1", CMIN, true}}},
    {"x*y^2", "y", 1, {{"y", DX_CV2_VARIES, true}}},
    {"(y - x^2)^3", "x^2 - y", 1, {{"x^2 - y", DX_CV2_NEITHER, true}}},
    {"(x + y)^3", "x + y", 1, {{"x + y", DX_CV2_NEITHER, true}}},
    {"(x - 1)^2*(y + 2)^2", "(x - 1)*(y + 2)", 2, {{"x - 1", CMIN, true}, {"y + 2", CMIN, true}}},
    {"(x^2 - 1)^2*y^2", "y*(x + 1)*(x - 1)", 3, {{"x + 1", CMIN, true}, {"x - 1", CMIN, true}, {"y", CMIN, true}}},
    {"(x - y)^2*(x + y - 1)^2", "(x + y - 1)*(x - y)", 2, {{"x + y - 1", CMIN, true}, {"x - y", CMIN, true}}},
    {"x^2*(y - x^2)^2", "x*(x^2 - y)", 2, {{"x", CMIN, true}, {"x^2 - y", CMIN, true}}},
    {"-(x - 2*y + 1)^2*(x^2 + 1)", "x - 2*y + 1", 1, {{"x - 2*y + 1", CMAX, true}}},
    {"(x - y)^2*(x^2 - 4)", "x - y", 1, {{"x - y", DX_CV2_VARIES, true}}},
    {"(x^2 + y^2 - 1)^2*(x - 3)", "x^2 + y^2 - 1", 1, {{"x^2 + y^2 - 1", CMAX, false}}},
    {"(x^2 + y^2 - 4)^2*(x + 1)", "x^2 + y^2 - 4", 1, {{"x^2 + y^2 - 4", DX_CV2_VARIES, false}}},
    {"(x^2 + y^2 + 1)^2", "x^2 + y^2 + 1", 1, {{"x^2 + y^2 + 1", DX_CV2_UNDECIDED, false}}},
    /* one factor of the curve found by its gcd with Q (f differs on the two): the circle an
     * odd power (no extremum), on x*y = 1 the sign of Q only seen */
    {"(x*y - 1)^4*(x^2 + y^2 - 2)^3*(x - 3)", "(x*y - 1)*(x^2 + y^2 - 2)", 2,
     {{"x*y - 1", DX_CV2_VARIES, false}, {"x^2 + y^2 - 2", DX_CV2_NEITHER, true}}},
    {"(x^2 - 2*y^2)^2", "x^2 - 2*y^2", 1, {{"x^2 - 2*y^2", CMIN, true}}},
};

/* Points of P = 0 by bisection on the lines x = a (and y = a) for a few a. */
static size_t curve_points(dx_prog *P, double pts[][2], size_t cap)
{
    static const double at[] = {-1.7, -0.6, 0.3, 1.3, 2.2};
    size_t n = 0;
    for (int swap = 0; swap < 2; swap++)
        for (size_t i = 0; i < N(at); i++)
            for (double t = -5; t < 5 && n < cap; t += 1e-2) {
                double q[2], lo = t, hi = t + 1e-2, flo, fhi, fm;
                q[swap] = at[i];
                q[!swap] = lo;
                dx_prog_eval(P, tu_ctx, q, &flo);
                q[!swap] = hi;
                dx_prog_eval(P, tu_ctx, q, &fhi);
                if (flo == 0 || (flo < 0) == (fhi < 0))
                    continue;
                for (int k = 0; k < 60; k++) {
                    q[!swap] = (lo + hi) / 2;
                    dx_prog_eval(P, tu_ctx, q, &fm);
                    if ((fm < 0) == (flo < 0))
                        lo = q[!swap];
                    else
                        hi = q[!swap];
                }
                pts[n][0] = q[0];
                pts[n][1] = q[1];
                n++;
            }
    return n;
}

START_TEST(comp_row_test)
{
    const comp_row *w = &comp_rows[_i];
    dx_extrema2_result r;
    dx_expr *e = tu_parse(w->f);
    ck_assert_int_eq(dx_extrema2(tu_ctx, e, NULL, 0, NULL, NULL, &r), DX_OK);
    ck_assert_msg(r.curve, "%s: no curve", w->f);
    ck_assert_str_eq(mv_printed(r.curve_eq), w->curve);
    ck_assert_uint_eq(r.ncomp, w->n);
    const char *const xy[] = {"x", "y"};
    dx_prog *pf = dx_compile(tu_ctx, e, xy, 2), *pg[2];
    for (int v = 0; v < 2; v++)
        pg[v] = dx_compile(tu_ctx, dx_derivative(tu_ctx, e, xy[v], 1), xy, 2);
    for (size_t k = 0; k < w->n; k++) {
        const dx_curve2 *c = &r.comp[k];
        ck_assert_str_eq(mv_printed(c->eq), w->c[k].eq);
        ck_assert_msg(c->kind == w->c[k].kind && c->proved == w->c[k].proved, "%s: %s is of kind %d (proved %d)",
                      w->f, w->c[k].eq, c->kind, c->proved);
        ck_assert(c->says.id != DX_M_NONE);
        dx_prog *P = dx_compile(tu_ctx, (dx_expr *)c->eq, xy, 2);
        double pts[40][2];
        size_t n = curve_points(P, pts, N(pts));
        ck_assert(n > 0 || !c->seen);
        for (size_t i = 0; i < n; i++) {
            double g[2], f0, f1;
            for (int v = 0; v < 2; v++) {
                ck_assert_int_eq(dx_prog_eval(pg[v], tu_ctx, pts[i], &g[v]), DX_OK);
                ck_assert_msg(fabs(g[v]) < 1e-7, "%s: gradient %g at (%g, %g)", w->f, g[v], pts[i][0], pts[i][1]);
            }
            if (c->kind != CMIN && c->kind != CMAX)
                continue;
            ck_assert_int_eq(dx_prog_eval(pf, tu_ctx, pts[i], &f0), DX_OK);
            for (int d = 0; d < 8; d++) {
                double q[2] = {pts[i][0] + 1e-3 * cos(d * 0.785398), pts[i][1] + 1e-3 * sin(d * 0.785398)};
                ck_assert_int_eq(dx_prog_eval(pf, tu_ctx, q, &f1), DX_OK);
                ck_assert_msg(c->kind == CMIN ? f1 >= f0 - 1e-9 : f1 <= f0 + 1e-9, "%s: f(%g, %g) = %g beside %g",
                              w->f, q[0], q[1], f1, f0);
            }
        }
        dx_prog_free(P);
    }
    dx_prog_free(pf);
    dx_prog_free(pg[0]);
    dx_prog_free(pg[1]);
    dx_extrema2_free(&r);
}
END_TEST

/* Random polynomials (bench/gen_polys2.py, seed 2026: the first 70 lines, those of degree 4
 * and 5) with the number of real critical points Singular 4.3.1 counts by an independent
 * elimination (a Groebner basis of (f_x, f_y), nrRootsProbab; bench/singular_critical2.sh). */
typedef struct counted_row {
    size_t n;
    const char *f;
} counted_row;

static const counted_row singular_rows[] = {
    {3, "7*y - 2*y^4 + 9*x*y^2 + 6*x*y^3 - 2*x^2*y - 7*x^2*y^2 - 6*x^3 + 6*x^3*y - 3*x^4"},
    {2, "2*y + 7*y^5 + 8*x*y^2 + 5*x*y^3 + 9*x*y^4 + 2*x^2 + 4*x^2*y + 9*x^2*y^2 - 6*x^2*y^3 + 6*x^3 + 7*x^3*y + 4*x^3*y^2 + 6*x^4 - 9*x^4*y - 5*x^5"},
    {1, "9*y^2 - y^4 + 9*x + 9*x*y^2 + 8*x*y^3 - x^2 + 4*x^2*y - 8*x^2*y^2 - 6*x^4"},
    {2, "-y - 7*y^2 + y^3 - y^4 + 4*y^5 - 9*x*y^2 - 2*x*y^3 - 6*x*y^4 + 8*x^2 + 2*x^2*y + 5*x^2*y^2 - 3*x^4 + 4*x^4*y - 6*x^5"},
    {3, "-7*y + 6*y^3 - y^4 + x*y + 8*x*y^2 + 6*x*y^3 - 4*x^2 + 5*x^2*y + 2*x^2*y^2 + 9*x^3*y - 5*x^4"},
    {2, "9*y - y^3 - 6*y^4 + 5*y^5 + 8*x - 5*x*y^2 - 6*x*y^3 + 9*x*y^4 + 3*x^2 + 8*x^2*y + 6*x^3 - 3*x^5"},
    {3, "-4*y + 4*y^2 + 2*y^4 + 8*x*y^3 - 3*x^2*y - 7*x^3 - 4*x^3*y - 3*x^4"},
    {8, "4*y^2 - 5*y^3 - y^5 + 2*x + 6*x*y - x*y^2 - 5*x*y^4 - 5*x^2 + 2*x^2*y + 9*x^2*y^2 + 8*x^2*y^3 - x^3 + 5*x^3*y^2 + 7*x^4 - x^5"},
    {3, "6*y + 7*y^3 + 6*y^4 - 5*x + 7*x*y + 4*x*y^2 - 9*x^2*y^2 - 6*x^3 + x^3*y - 7*x^4"},
    {4, "5*y^3 - y^5 + 4*x + x*y + 8*x*y^3 - 3*x*y^4 + 3*x^2*y + x^2*y^2 - 6*x^2*y^3 - 5*x^3 + 8*x^4 + 8*x^4*y + 3*x^5"},
    {3, "4*y - 9*y^2 + 8*y^4 + x*y + 3*x*y^2 - x*y^3 - 3*x^2 - 2*x^2*y + 2*x^2*y^2 - 6*x^4"},
    {2, "-8*y^2 - 6*y^3 - 7*y^5 + 9*x*y^2 + 5*x^2 - 9*x^2*y^2 + 2*x^3*y + 5*x^3*y^2 - 8*x^4 - 5*x^4*y + 8*x^5"},
    {1, "-7*y^4 + 5*x*y^2 - 2*x*y^3 + 5*x^2*y^2 - x^3"},
    {2, "5*y^3 - 7*y^4 + 7*y^5 + x - 6*x*y - 8*x*y^3 - 5*x*y^4 + x^2 - x^3 - x^4 + 7*x^5"},
    {3, "-5*y - 4*y^2 + 2*y^3 + 4*y^4 + 6*x*y - 5*x*y^2 - 8*x^2 + 9*x^2*y^2 - 6*x^3 - 3*x^3*y + 2*x^4"},
    {4, "5*y - 4*y^2 + 8*y^3 + 9*y^4 + y^5 - 2*x - 3*x^2 - 8*x^2*y^3 + 6*x^3 - 6*x^5"},
    {3, "3*y^2 - 4*y^3 - 6*y^4 + 6*x - 4*x*y^2 - 7*x*y^3 + 3*x^3 + 2*x^3*y - 7*x^4"},
    {0, "9*y - 3*y^2 - 7*y^3 + 4*y^4 + 7*y^5 + 9*x - 4*x*y - 7*x*y^2 - 3*x*y^3 + 9*x^2 + 6*x^2*y - 9*x^2*y^2 - 4*x^4 + 3*x^5"},
    {3, "4*y - y^4 + 4*x - 2*x*y^2 - x*y^3 + 9*x^2 - 6*x^4"},
    {2, "5*y + 5*y^3 + 6*y^4 - y^5 - 7*x*y - 5*x*y^2 + 7*x^2 - 5*x^2*y^2 + 8*x^3 - 4*x^3*y + 5*x^4*y + 6*x^5"},
    {5, "-y^3 + 7*y^4 - 4*x*y + x*y^2 - 8*x*y^3 + 7*x^2 - 2*x^2*y - x^2*y^2 + x^3 - 9*x^4"},
    {2, "-5*y^2 + 5*y^3 - 2*y^4 - 2*x - x*y^2 + 2*x*y^3 + 9*x*y^4 + 2*x^2 - 4*x^2*y^2 + 8*x^2*y^3 - 8*x^3 + 4*x^3*y^2 - 3*x^4 - 9*x^5"},
    {1, "y + 5*y^4 + 6*x + 4*x*y - 7*x*y^3 - 4*x^2 - 4*x^2*y + 5*x^2*y^2 + 5*x^3 + 4*x^4"},
    {2, "3*y^2 + 6*y^3 - y^5 - 6*x - x*y - 3*x*y^3 + 5*x^2*y + 3*x^2*y^2 + 2*x^3 + 5*x^4 + 8*x^4*y + 8*x^5"},
    {3, "4*y - 5*y^2 - 7*y^3 + 8*y^4 - x - 3*x^2*y + x^2*y^2 - 2*x^4"},
    {2, "3*y^2 + 9*y^5 + x - 8*x*y - 6*x^2 - 2*x^2*y^2 + 6*x^2*y^3 - 9*x^3*y - 2*x^4 + 5*x^5"},
    {1, "2*y - y^3 - 2*y^4 - 8*x*y + 5*x*y^2 + x^2 + 2*x^2*y^2 - 8*x^3*y + 8*x^4"},
    {2, "-3*y - y^2 + y^3 + 5*y^4 - 8*y^5 + 5*x + 9*x*y - 9*x*y^2 + x^2 - x^2*y - x^3 + x^3*y^2 - 5*x^4 - 9*x^5"},
};

START_TEST(singular_row_test)
{
    const counted_row *w = &singular_rows[_i];
    dx_extrema2_result r;
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse(w->f), NULL, 0, NULL, NULL, &r), DX_OK);
    ck_assert_int_eq(r.method, DX_EX2_RESULTANT);
    ck_assert(!r.curve);
    ck_assert_uint_eq(r.uncertain, 0);
    ck_assert_msg(r.ncrit == w->n, "%s: %zu critical points, Singular counts %zu", w->f, r.ncrit, w->n);
    /* each a zero of the gradient by the independent evaluator */
    dx_expr *e = tu_parse(w->f);
    const char *const xy[] = {"x", "y"};
    for (int v = 0; v < 2; v++) {
        dx_prog *p = dx_compile(tu_ctx, dx_derivative(tu_ctx, e, xy[v], 1), xy, 2);
        for (size_t k = 0; k < r.ncrit; k++) {
            double g, scale;
            ck_assert_int_eq(dx_prog_eval(p, tu_ctx, r.crit[k].at, &g), DX_OK);
            scale = 1 + pow(fabs(r.crit[k].at[0]) + fabs(r.crit[k].at[1]), 8);
            ck_assert_msg(fabs(g) < 1e-9 * scale, "%s: gradient %g at point %zu", w->f, g, k);
        }
        dx_prog_free(p);
    }
    dx_extrema2_free(&r);
}
END_TEST

START_TEST(box)
{
    dx_extrema2_result r;
    double from[] = {-2, -2}, to[] = {2, 2};
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse("sin(x)*cos(y)"), NULL, 0, from, to, &r), DX_OK);
    ck_assert_int_eq(r.method, DX_EX2_BOX);
    want_pt w[] = {{-PI / 2, 0, MIN}, {0, -PI / 2, SAD}, {0, PI / 2, SAD}, {PI / 2, 0, MAX}};
    ck_assert_uint_eq(r.ncrit, 4);
    for (size_t k = 0; k < 4; k++) {
        ck_assert_double_eq_tol(r.crit[k].at[0], w[k].x, 1e-12);
        ck_assert_double_eq_tol(r.crit[k].at[1], w[k].y, 1e-12);
        ck_assert_int_eq(r.crit[k].kind, w[k].kind);
    }
    dx_extrema2_free(&r);
    /* three variables */
    double f3[] = {-2, -2, -2}, t3[] = {2, 2, 2};
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse("x^2 + y^2 + z^2 - x*y + z"), NULL, 0, f3, t3, &r), DX_OK);
    ck_assert_uint_eq(r.ncrit, 1);
    ck_assert_int_eq(r.crit[0].kind, MIN);
    ck_assert_double_eq_tol(r.crit[0].at[2], -0.5, 1e-12);
    dx_extrema2_free(&r);
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse("x^2 - y^2 - z^2"), NULL, 0, f3, t3, &r), DX_OK);
    ck_assert_int_eq(r.crit[0].kind, SAD);
    dx_extrema2_free(&r);
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse("-x^2 - y^2 - z^2"), NULL, 0, f3, t3, &r), DX_OK);
    ck_assert_int_eq(r.crit[0].kind, MAX);
    dx_extrema2_free(&r);
    /* Newton converging to where f is undefined finds nothing there (fuzzing: x^3/y gave
     * "x = 0, y = 0, f = nan"); the points of x^2/y + y + 1/y are found */
    double f2[] = {-10, -10}, t2[] = {10, 10};
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse("x^3/y"), NULL, 0, f2, t2, &r), DX_OK);
    ck_assert_uint_eq(r.ncrit, 0);
    dx_extrema2_free(&r);
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse("x^2/y + y + 1/y"), NULL, 0, f2, t2, &r), DX_OK);
    ck_assert_uint_eq(r.ncrit, 2);
    ck_assert_int_eq(r.crit[0].kind, MAX);
    ck_assert_double_eq_tol(r.crit[0].at[1], -1, 1e-12);
    ck_assert_int_eq(r.crit[1].kind, MIN);
    ck_assert_double_eq_tol(r.crit[1].value, 2, 1e-12);
    dx_extrema2_free(&r);
    /* errors */
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse("x^2"), NULL, 0, NULL, NULL, &r), DX_EUSAGE);
    double bad[] = {2, -2};
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse("sin(x*y)"), NULL, 0, bad, to, &r), DX_EUSAGE);
}
END_TEST

/* det H and f_xx exactly where the point is exact: each equal to the doubles computed from the
 * Hessian at the point's decimals (an independent evaluation), and in the form a student reads. */
static const struct {
    const char *f;
    size_t n;
    const char *det0; /* det H at the first point, printed */
} exact_det_rows[] = {
    {"x^3 - 6*x + y^2", 2, "-12*sqrt(2)"},
    {"x^3 - 6*x + y^2 + z^2", 3, "-24*sqrt(2)"},
    {"(x + 1)*(x^2 + y^2 - 4)^2", 2, "1400832/3125 - 488448*sqrt(6)/3125"},
    {"x^3 - 3*x*y + y^3", 2, "-9"},
    {"x*y*z - x - y - z", 3, "-2"},
};

START_TEST(exact_det)
{
    dx_extrema2_result r;
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse(exact_det_rows[_i].f), NULL, 0, NULL, NULL, &r), DX_OK);
    ck_assert_uint_eq(r.n, exact_det_rows[_i].n);
    ck_assert_uint_gt(r.ncrit, 0);
    for (size_t k = 0; k < r.ncrit; k++) {
        const dx_crit2 *c = &r.crit[k];
        ck_assert_ptr_nonnull(c->exact_det);
        ck_assert_ptr_nonnull(c->exact_hxx);
        double d, h;
        ck_assert_int_eq(dx_eval_const(tu_ctx, c->exact_det, &d), DX_OK);
        ck_assert_int_eq(dx_eval_const(tu_ctx, c->exact_hxx, &h), DX_OK);
        ck_assert_double_eq_tol(d, c->det, 1e-9 * (1 + fabs(d)));
        ck_assert_double_eq_tol(h, c->hxx, 1e-9 * (1 + fabs(h)));
    }
    char *t = dx_print(tu_ctx, r.crit[0].exact_det, DX_PLAIN);
    ck_assert_str_eq(t, exact_det_rows[_i].det0);
    free(t);
    dx_extrema2_free(&r);
}
END_TEST

static const mv_cli_row cli_rows[] = {
    {A("extrema", "x^3 - 3*x*y + y^3"), 0,
     "  x = 0, y = 0, f = 0: saddle point\n      det H = -9 < 0\n  x = 1, y = 1, f = -1: local min\n"},
    {A("extrema", "x^3 - 3*x*y + y^3", "--format", "json"), 0,
     "{\"at\": {\"x\": 1, \"y\": 1}, \"exact\": {\"x\": \"1\", \"y\": \"1\"}, \"value\": -1, \"exact_value\": \"-1\", "
     "\"kind\": \"min\""},
    {A("extrema", "x^4 + y^4"), 0, "x = 0, y = 0, f = 0: local min\n      det H = 0, but the lowest terms of f - f(p)"},
    {A("extrema", "(x*y - 1)^2"), 0, "every point of the curve x*y - 1 = 0"},
    {A("extrema", "(x*y - 1)^2", "--format", "json"), 0, "\"curve_equation\": \"x*y - 1\", \"curve_seen\": true"},
    {A("extrema", "x^2 + y^4"), 0, "with x of weight 2 and y of weight 1, are y^4 + x^2: positive except at p"},
    {A("extrema", "x^4 - y^4"), 0, "saddle point\n      det H = 0, but f rises along direction (1, 0) and falls along (0, 1)"},
    {A("extrema", "x^3 + y^2"), 0, "starts with t^3 (odd order): no extremum"},
    {A("extrema", "x^2*y^2 + x^4 + y^6"), 0, "f rises along each of the 8 lines tried, which does not prove a min"},
    {A("extrema", "sin(x)*cos(y)", "--from", "x=-2,y=-2", "--to", "x=2,y=2"), 0, "not certified"},
    {A("extrema", "sin(x)*cos(y)", "--from", "x=-2,y=-2"), 2, "both corners"},
    {A("extrema", "sin(x)*cos(y)", "--from", "x=-2", "--to", "x=2,y=2"), 2, "needs a value for y"},
    {A("extrema", "x^3 - 3*x"), 0, "local max"},
};

START_TEST(cli_row_test) { mv_check_run(&cli_rows[_i]); }
END_TEST

static Suite *extrema2_suite(void)
{
    Suite *s = suite_create("extrema2");
    TCase *tc = tcase_create("exact");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, textbook_row, 0, N(textbook));
    tcase_add_loop_test(tc, built, 0, 100);
    tcase_add_test(tc, irrational);
    tcase_add_loop_test(tc, curve_row_test, 0, N(curve_rows));
    tcase_add_loop_test(tc, turned_row_test, 0, N(turned));
    tcase_add_loop_test(tc, comp_row_test, 0, N(comp_rows));
    tcase_add_loop_test(tc, singular_row_test, 0, N(singular_rows));
    tcase_add_test(tc, box);
    tcase_add_loop_test(tc, exact_det, 0, sizeof exact_det_rows / sizeof exact_det_rows[0]);
    suite_add_tcase(s, tc);
    MV_ADD_CLI_CASE(s);
    return s;
}

int main(void) { return tu_main(extrema2_suite()); }
