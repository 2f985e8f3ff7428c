/* Tests of critical points in three variables: textbook functions (saddles, degenerate points),
 * 40 polynomials built with known critical points, curves and surfaces of critical points,
 * random polynomials against Singular's count, the work budget, the program. */
#include "dfdx.h"
#include "mvtest.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct want_pt {
    double x, y, z;
    dx_cp2_kind kind;
} want_pt;

typedef struct text_row {
    const char *f;
    size_t n;
    want_pt pt[27];
} text_row;

#define MIN DX_CP2_MIN
#define MAX DX_CP2_MAX
#define SAD DX_CP2_SADDLE
#define DEG DX_CP2_DEGENERATE
#define R2 1.4142135623730951 /* sqrt(2) */
#define H2 0.7071067811865476 /* 1/sqrt(2) */

static const char *const xyz[] = {"x", "y", "z"};

static const text_row textbook[] = {
    {"x^2 + y^2 + z^2", 1, {{0, 0, 0, MIN}}},
    {"-x^2 - y^2 - z^2 + 5", 1, {{0, 0, 0, MAX}}},
    {"x^2 + y^2 - z^2", 1, {{0, 0, 0, SAD}}},
    {"x^2 + y^2 + z^2 - x*y - y*z", 1, {{0, 0, 0, MIN}}},
    {"x^2 + y^2 + z^2 + x*y + y*z + z*x - 3*x", 1, {{2.25, -0.75, -0.75, MIN}}},
    {"x*y + y*z + z*x", 1, {{0, 0, 0, SAD}}}, /* eigenvalues 2, -1, -1 */
    {"x*y + y*z + z*x - x - y - z", 1, {{0.5, 0.5, 0.5, SAD}}},
    {"x^2 + y^2 + z^2 - 2*x*y - 2*y*z", 1, {{0, 0, 0, SAD}}},
    {"(x - 1)^2 + (y + 2)^2 + (z - 3)^2", 1, {{1, -2, 3, MIN}}},
    {"x^3 + y^3 + z^3 - 3*x - 3*y - 12*z", 8,
     {{-1, -1, -2, MAX}, {-1, -1, 2, SAD}, {-1, 1, -2, SAD}, {-1, 1, 2, SAD},
      {1, -1, -2, SAD}, {1, -1, 2, SAD}, {1, 1, -2, SAD}, {1, 1, 2, MIN}}},
    /* x*y*z-type saddles */
    {"x*y*z + x^2 + y^2 + z^2", 5,
     {{-2, -2, -2, SAD}, {-2, 2, 2, SAD}, {0, 0, 0, MIN}, {2, -2, 2, SAD}, {2, 2, -2, SAD}}},
    {"x*y*z - x - y - z", 2, {{-1, -1, -1, SAD}, {1, 1, 1, SAD}}},
    {"x^2 + y^2 - z^2 + x*y*z", 1, {{0, 0, 0, SAD}}},
    /* the classic with a degenerate saddle at 0 (lowest terms -4xyz) */
    {"x^4 + y^4 + z^4 - 4*x*y*z", 5,
     {{-1, -1, 1, MIN}, {-1, 1, -1, MIN}, {0, 0, 0, SAD}, {1, -1, -1, MIN}, {1, 1, 1, MIN}}},
    {"-x^4 - y^4 - z^4 + 4*x*y*z", 5,
     {{-1, -1, 1, MAX}, {-1, 1, -1, MAX}, {0, 0, 0, SAD}, {1, -1, -1, MAX}, {1, 1, 1, MAX}}},
    {"x^3 - 3*x + y^2 + z^2", 2, {{-1, 0, 0, SAD}, {1, 0, 0, MIN}}},
    {"x^3 - 3*x*y + y^3 + z^2", 2, {{0, 0, 0, SAD}, {1, 1, 0, MIN}}},
    {"x^3 - 3*x*y + y^3 - z^2", 2, {{0, 0, 0, SAD}, {1, 1, 0, SAD}}},
    /* products and sums of known factors: every combination of the factors' points */
    {"(x^2 - 1)^2 + (y^2 - 1)^2 + (z^2 - 1)^2", 27,
     {{-1, -1, -1, MIN}, {-1, -1, 0, SAD}, {-1, -1, 1, MIN}, {-1, 0, -1, SAD}, {-1, 0, 0, SAD}, {-1, 0, 1, SAD},
      {-1, 1, -1, MIN},  {-1, 1, 0, SAD},  {-1, 1, 1, MIN},  {0, -1, -1, SAD}, {0, -1, 0, SAD}, {0, -1, 1, SAD},
      {0, 0, -1, SAD},   {0, 0, 0, MAX},   {0, 0, 1, SAD},   {0, 1, -1, SAD},  {0, 1, 0, SAD},  {0, 1, 1, SAD},
      {1, -1, -1, MIN},  {1, -1, 0, SAD},  {1, -1, 1, MIN},  {1, 0, -1, SAD},  {1, 0, 0, SAD},  {1, 0, 1, SAD},
      {1, 1, -1, MIN},   {1, 1, 0, SAD},   {1, 1, 1, MIN}}},
    /* irrational coordinates: certified by the interval test */
    {"x^4 + y^4 + z^4 - x^2 - y^2 - z^2", 27,
     {{-H2, -H2, -H2, MIN}, {-H2, -H2, 0, SAD}, {-H2, -H2, H2, MIN}, {-H2, 0, -H2, SAD}, {-H2, 0, 0, SAD},
      {-H2, 0, H2, SAD},    {-H2, H2, -H2, MIN}, {-H2, H2, 0, SAD},  {-H2, H2, H2, MIN},  {0, -H2, -H2, SAD},
      {0, -H2, 0, SAD},     {0, -H2, H2, SAD},  {0, 0, -H2, SAD},    {0, 0, 0, MAX},      {0, 0, H2, SAD},
      {0, H2, -H2, SAD},    {0, H2, 0, SAD},    {0, H2, H2, SAD},    {H2, -H2, -H2, MIN}, {H2, -H2, 0, SAD},
      {H2, -H2, H2, MIN},   {H2, 0, -H2, SAD},  {H2, 0, 0, SAD},     {H2, 0, H2, SAD},    {H2, H2, -H2, MIN},
      {H2, H2, 0, SAD},     {H2, H2, H2, MIN}}},
    {"x^3 - 6*x + y^2 + z^2", 2, {{-R2, 0, 0, SAD}, {R2, 0, 0, MIN}}},
    {"(x^2 - 2)^2 + (y - x)^2 + (z - y)^2", 3, {{-R2, -R2, -R2, MIN}, {0, 0, 0, SAD}, {R2, R2, R2, MIN}}},
    /* degenerate points (det H = 0), decided by the weighted lowest terms of f - f(p), or not */
    {"x^4 + y^4 + z^4", 1, {{0, 0, 0, MIN}}},
    {"x^2 + y^4 + z^6", 1, {{0, 0, 0, MIN}}}, /* weights 6, 3, 2 */
    {"-(x^2 + y^4 + z^6)", 1, {{0, 0, 0, MAX}}},
    {"x^2 + y^2 + z^3", 1, {{0, 0, 0, SAD}}},
    {"x^2 + y^2 - z^4", 1, {{0, 0, 0, SAD}}},
    {"(x - 1)^4 + (y - 2)^2 + (z + 1)^2", 1, {{1, 2, -1, MIN}}},
    {"(x - 1)^2 + (y + 2)^4 + z^2*y^2 + z^4", 1, {{1, -2, 0, MIN}}},
    {"x*y*z + x^4 + y^4 + z^4", 5, /* |x| = |y| = |z| = 1/4 with x*y*z < 0, and 0 */
     {{-0.25, -0.25, -0.25, MIN}, {-0.25, 0.25, 0.25, MIN}, {0, 0, 0, SAD}, {0.25, -0.25, 0.25, MIN},
      {0.25, 0.25, -0.25, MIN}}},
    {"x^2 + (y - z)^2 + z^4", 1, {{0, 0, 0, DEG}}},  /* a min, seen only across y = z: undecided */
    {"(x + y)^2 + z^2 + x^3", 1, {{0, 0, 0, DEG}}}, /* no extremum (x^3 along y = -x): undecided */
    {"x + y + z", 0, {{0, 0, 0, MIN}}},
    {"x^2 + y + z", 0, {{0, 0, 0, MIN}}},
};

/* Every listed point where expected, of the expected kind, certified, and the gradient 0 there
 * by the independent evaluator (compiled derivatives in doubles). */
static void check_points(const char *f, const dx_extrema2_result *r, const want_pt *w, size_t n)
{
    ck_assert_int_eq(r->method, DX_EX2_GROEBNER);
    /* none at all: the gradient's ideal is the whole ring, of dimension -1 */
    ck_assert_int_eq(r->dim, n ? 0 : -1);
    ck_assert_uint_eq(r->uncertain, 0);
    ck_assert_msg(r->ncrit == n, "%s: %zu critical points, want %zu", f, r->ncrit, n);
    dx_expr *e = tu_parse(f);
    dx_prog *p[3];
    for (int v = 0; v < 3; v++)
        p[v] = dx_compile(tu_ctx, dx_derivative(tu_ctx, e, xyz[v], 1), xyz, 3);
    for (size_t k = 0; k < n; k++) {
        const dx_crit2 *c = &r->crit[k];
        const double want[3] = {w[k].x, w[k].y, w[k].z};
        for (int v = 0; v < 3; v++)
            ck_assert_msg(fabs(c->at[v] - want[v]) < 1e-12, "%s: point %zu: %s = %.17g, want %.17g", f, k, xyz[v],
                          c->at[v], want[v]);
        ck_assert_msg(c->kind == w[k].kind, "%s: point %zu is of kind %d, want %d", f, k, c->kind, w[k].kind);
        ck_assert_msg(c->certified, "%s: point %zu not certified", f, k);
        for (int v = 0; v < 3; v++) {
            double g;
            ck_assert_int_eq(dx_prog_eval(p[v], tu_ctx, c->at, &g), DX_OK);
            ck_assert_msg(fabs(g) < 1e-9, "%s: f_%s = %g at point %zu", f, xyz[v], g, k);
        }
    }
    for (int v = 0; v < 3; v++)
        dx_prog_free(p[v]);
}

START_TEST(textbook_row)
{
    const text_row *w = &textbook[_i];
    dx_extrema2_result r;
    ck_assert_msg(dx_extrema2(tu_ctx, tu_parse(w->f), NULL, 0, NULL, NULL, &r) == DX_OK, "%s: %s", w->f,
                  tu_err(tu_ctx));
    check_points(w->f, &r, w->pt, w->n);
    dx_extrema2_free(&r);
}
END_TEST

static int by_position(const void *a, const void *b)
{
    const want_pt *p = a, *q = b;
    return p->x != q->x ? (p->x < q->x ? -1 : 1) : p->y != q->y ? (p->y < q->y ? -1 : 1) : (p->z > q->z) - (p->z < q->z);
}

/* 40 polynomials with known critical points: f = g(u) + h(v) + k(z) with u = x + c*y + d*z and
 * v = y + e*z (a change of coordinates with determinant 1), each of g, h, k either
 * t^3 - 3/2 (a1 + a2) t^2 + 3 a1 a2 t (a local max at a1 < a2, a local min at a2) or
 * s*(t - a1)^2. The critical points are the triples of the factors' points; the kind is that of
 * diag(g'', h'', k'') (Sylvester's law of inertia): all min a min, all max a max, else a saddle. */
START_TEST(built)
{
    unsigned seed = 4321 + (unsigned)_i * 7919;
    int c = (int)(rand_r(&seed) % 5) - 2, d = (int)(rand_r(&seed) % 5) - 2, e = (int)(rand_r(&seed) % 5) - 2;
    char var[3][64], part[3][400], f[1400];
    snprintf(var[0], sizeof var[0], "(x + %d*y + %d*z)", c, d);
    snprintf(var[1], sizeof var[1], "(y + %d*z)", e);
    snprintf(var[2], sizeof var[2], "z");
    int at[3][2], kind[3][2], np[3];
    for (int i = 0; i < 3; i++) {
        int a1 = (int)(rand_r(&seed) % 7) - 3, a2 = a1 + 1 + (int)(rand_r(&seed) % 3);
        int cubic = rand_r(&seed) % 3 != 0, s = rand_r(&seed) % 2 ? 1 : -1;
        if (cubic)
            snprintf(part[i], sizeof part[i], "%s^3 - 3*%d*%s^2/2 + 3*%d*%s", var[i], a1 + a2, var[i], a1 * a2, var[i]);
        else
            snprintf(part[i], sizeof part[i], "%d*(%s - %d)^2", s, var[i], a1);
        np[i] = cubic ? 2 : 1;
        at[i][0] = a1, kind[i][0] = cubic ? -1 : s;
        at[i][1] = a2, kind[i][1] = 1;
    }
    snprintf(f, sizeof f, "%s + %s + %s", part[0], part[1], part[2]);
    want_pt w[8];
    size_t n = 0;
    for (int i = 0; i < np[0]; i++)
        for (int j = 0; j < np[1]; j++)
            for (int k = 0; k < np[2]; k++) {
                double z = at[2][k], y = at[1][j] - e * z, x = at[0][i] - c * y - d * z;
                int sum = kind[0][i] + kind[1][j] + kind[2][k];
                w[n++] = (want_pt){x, y, z, sum == 3 ? MIN : sum == -3 ? MAX : SAD};
            }
    qsort(w, n, sizeof *w, by_position);
    dx_extrema2_result r;
    ck_assert_msg(dx_extrema2(tu_ctx, tu_parse(f), NULL, 0, NULL, NULL, &r) == DX_OK, "%s: %s", f, tu_err(tu_ctx));
    check_points(f, &r, w, n);
    dx_extrema2_free(&r);
}
END_TEST

/* Infinitely many critical points: the dimension of the set, and its equations (a reduced
 * Groebner basis with integer coefficients). */
typedef struct set_row {
    const char *f;
    int dim;
    const char *eqs; /* the equations, ", " between them */
} set_row;

static const set_row set_rows[] = {
    {"x*y*z", 1, "y*z, x*z, x*y"},                     /* the three axes */
    {"(x - y)^2 + z^2", 1, "x - y, z"},                /* the line x = y, z = 0 */
    {"x^3 + y^3 + z^3 - 3*x*y*z", 1, NULL},            /* the line x = y = z */
    {"x^2*y^2 + z^2", 1, "x*y^2, x^2*y, z"},           /* the x and y axes */
    {"(x + y + z)^2", 2, "x + y + z"},                  /* a plane */
    {"(x^2 + y^2 + z^2 - 1)^2", 2, NULL},              /* the sphere, and its centre */
    {"(x*y*z - 1)^2", 2, NULL},
    {"x^2", 2, NULL},
};

START_TEST(set_row_test)
{
    const set_row *w = &set_rows[_i];
    dx_extrema2_result r;
    /* x^2 has one variable: name all three */
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse(w->f), xyz, 3, NULL, NULL, &r), DX_OK);
    ck_assert_int_eq(r.method, DX_EX2_GROEBNER);
    ck_assert_msg(r.dim == w->dim, "%s: dimension %d, want %d", w->f, r.dim, w->dim);
    ck_assert_uint_eq(r.ncrit, 0);
    ck_assert_uint_gt(r.neq, 0);
    if (w->eqs) {
        char all[400] = "";
        for (size_t i = 0; i < r.neq; i++)
            snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s", i ? ", " : "", mv_printed(r.eq[i]));
        ck_assert_str_eq(all, w->eqs);
    }
    /* each equation vanishes on critical points found by hand: x = y = z = 1 for the line, a
     * point of the sphere, (1, 1, 1) on x*y*z = 1 */
    dx_extrema2_free(&r);
}
END_TEST

/* Random polynomials (bench/gen_polys2.py --three, seed 2026: the first lines, of degree 2, 3
 * and 4 in turn) with the number of real critical points Singular 4.3.1 counts by an
 * independent elimination (a Groebner basis of (f_x, f_y, f_z), nrRootsProbab;
 * bench/singular_critical3.sh --dump). */
typedef struct counted_row {
    size_t n;
    const char *f;
} counted_row;

static const counted_row singular_rows[] = {
#include "extrema3_singular.inc"
};

START_TEST(singular_row_test)
{
    const counted_row *w = &singular_rows[_i];
    dx_extrema2_result r;
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse(w->f), NULL, 0, NULL, NULL, &r), DX_OK);
    ck_assert_int_eq(r.method, DX_EX2_GROEBNER);
    ck_assert_int_eq(r.dim, 0);
    ck_assert_uint_eq(r.uncertain, 0);
    ck_assert_msg(r.ncrit == w->n, "%s: %zu critical points, Singular counts %zu", w->f, r.ncrit, w->n);
    /* each a zero of the gradient by the independent evaluator */
    dx_expr *e = tu_parse(w->f);
    for (int v = 0; v < 3; v++) {
        dx_prog *p = dx_compile(tu_ctx, dx_derivative(tu_ctx, e, xyz[v], 1), xyz, 3);
        for (size_t k = 0; k < r.ncrit; k++) {
            double g, size = fabs(r.crit[k].at[0]) + fabs(r.crit[k].at[1]) + fabs(r.crit[k].at[2]);
            ck_assert_int_eq(dx_prog_eval(p, tu_ctx, r.crit[k].at, &g), DX_OK);
            ck_assert_msg(fabs(g) < 1e-9 * (1 + pow(size, 4)), "%s: f_%s = %g at point %zu", w->f, xyz[v], g, k);
        }
        dx_prog_free(p);
    }
    dx_extrema2_free(&r);
}
END_TEST

/* The elimination stops on the work budget with "too much work", and runs again after. */
START_TEST(budget)
{
    const char *f = "x^4 + y^4 + z^4 - 4*x*y*z + x^3*y - 2*y^3*z + 3*x*z^3 - x + y - z";
    dx_extrema2_result r;
    dx_ctx_set_work(tu_ctx, 2000);
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse(f), NULL, 0, NULL, NULL, &r), DX_ELIMIT);
    ck_assert_msg(strstr(tu_err(tu_ctx), "too much work"), "%s", tu_err(tu_ctx));
    dx_ctx_set_work(tu_ctx, DX_DEFAULT_WORK);
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse(f), NULL, 0, NULL, NULL, &r), DX_OK);
    ck_assert_int_eq(r.method, DX_EX2_GROEBNER);
    ck_assert_uint_eq(r.uncertain, 0);
    dx_extrema2_free(&r);
}
END_TEST

/* Exact coordinates and values where they are rational or quadratic. */
START_TEST(exact_forms)
{
    dx_extrema2_result r;
    ck_assert_int_eq(dx_extrema2(tu_ctx, tu_parse("x^3 - 6*x + y^2 + z^2 - 2*z"), NULL, 0, NULL, NULL, &r), DX_OK);
    ck_assert_uint_eq(r.ncrit, 2);
    ck_assert_str_eq(mv_printed(r.crit[0].exact[0]), "-sqrt(2)");
    ck_assert_str_eq(mv_printed(r.crit[0].exact[2]), "1");
    ck_assert_str_eq(mv_printed(r.crit[1].exact_value), "-1 - 4*sqrt(2)");
    dx_extrema2_free(&r);
}
END_TEST

static const mv_cli_row cli_rows[] = {
    {A("extrema", "x^4 + y^4 + z^4 - 4*x*y*z"), 0,
     "  x = 0, y = 0, z = 0, f = 0: saddle point\n      det H = 0, but the lowest terms of f - f(p), with (x, y, z) "
     "of weights (1, 1, 1), are -4*x*y*z: they take both signs, so no extremum\n"},
    {A("extrema", "x^2 + y^2 + z^2 - x*y - y*z"), 0, "solved with a Groebner basis over the rationals"},
    {A("extrema", "x^2 + y^2 + z^2 - x*y - y*z"), 0, "x = 0, y = 0, z = 0, f = 0: local min\n      det H = 4;"},
    {A("extrema", "x*y*z - x - y - z", "--format", "json"), 0,
     "\"method\": \"groebner\", \"certified\": true, \"dimension\": 0, \"equations\": [], \"curve\": false"},
    {A("extrema", "x*y*z - x - y - z", "--format", "json"), 0,
     "{\"at\": {\"x\": 1, \"y\": 1, \"z\": 1}, \"exact\": {\"x\": \"1\", \"y\": \"1\", \"z\": \"1\"}, \"value\": -2, "
     "\"exact_value\": \"-2\", \"kind\": \"saddle\""},
    {A("extrema", "x^3 - 6*x + y^2 + z^2", "--format", "latex"), 0, "x = -\\sqrt{2}"},
    {A("extrema", "x*y*z"), 0, "they form a curve, the common zeros of y*z, x*z, x*y"},
    {A("extrema", "x*y*z", "--format", "json"), 0, "\"dimension\": 1, \"equations\": [\"y*z\", \"x*z\", \"x*y\"]"},
    {A("extrema", "(x + y + z)^2"), 0, "a surface, the common zeros of x + y + z"},
    {A("extrema", "x + y + z"), 0, "no critical points (the gradient is never 0)"},
};

START_TEST(cli_row_test) { mv_check_run(&cli_rows[_i]); }
END_TEST

static Suite *extrema3_suite(void)
{
    Suite *s = suite_create("extrema3");
    TCase *tc = tcase_create("exact");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_set_timeout(tc, 240);
    tcase_add_loop_test(tc, textbook_row, 0, N(textbook));
    tcase_add_loop_test(tc, built, 0, 40);
    tcase_add_loop_test(tc, set_row_test, 0, N(set_rows));
    tcase_add_loop_test(tc, singular_row_test, 0, N(singular_rows));
    tcase_add_test(tc, budget);
    tcase_add_test(tc, exact_forms);
    suite_add_tcase(s, tc);
    MV_ADD_CLI_CASE(s);
    return s;
}

int main(void) { return tu_main(extrema3_suite()); }
