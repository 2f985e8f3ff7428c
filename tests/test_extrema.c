/* Tests of polynomial roots and extrema: known roots, classification, grids, the CLI. */
#include "dfdx.h"
#include "diff.h"
#include "expr.h"
#include "poly.h"
#include "testutil.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979323846
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* "(x - 1)*(x - 2)*...*(x - n)", or with squared factors "((x - 1)^2 - 2/1000000)*..." */
static char *product(int n, bool squares)
{
    size_t cap = (size_t)n * 32 + 8;
    char *s = malloc(cap), *p = s;
    for (int k = 1; k <= n; k++)
        p += snprintf(p, cap - (size_t)(p - s), squares ? "%s((x - %d)^2 - 2/1000000)" : "%s(x - %d)",
                      k == 1 ? "" : "*", k);
    return s;
}

/* Roots of text as a polynomial in x: every root's double to within ulps of want[i], the
 * multiplicity and the exact text when given. */
typedef struct root_row {
    const char *poly;
    int n;
    double x[6];
    int mult[6];
    const char *exact[6];
} root_row;

static const root_row root_rows[] = {
    {"x^2 - 4*x + 3", 2, {1, 3}, {1, 1}, {"1", "3"}},
    {"(x - 1)^2*(x - 1.001)", 2, {1, 1.001}, {2, 1}, {"1", "1.001"}}, /* typed as a decimal: printed as one */
    {"(3*x - 1)^3*(x + 2)^2*(x^2 - 2)", 4, {-2, -1.4142135623730951, 1.0 / 3, 1.4142135623730951}, {2, 1, 3, 1},
     {"-2", "-sqrt(2)", "1/3", "sqrt(2)"}},
    {"x^2 - 4*x + 1", 2, {0.2679491924311228, 3.7320508075688772}, {1, 1}, {"2 - sqrt(3)", "2 + sqrt(3)"}},
    {"(x^2 - 2)*(x^2 - 3)", 4, {-1.7320508075688772, -1.4142135623730951, 1.4142135623730951, 1.7320508075688772},
     {1, 1, 1, 1}, {NULL, NULL, NULL, NULL}},
    {"x^3 - 2", 1, {1.2599210498948732}, {1}, {NULL}},
    /* clustered: roots 1e-9 apart */
    {"(x - 1)*(x - 1 - 1/1000000000)*(x + 5)", 3, {-5, 1, 1.000000001}, {1, 1, 1}, {"-5", "1", "1000000001/1000000000"}},
    {"x^4 + 1", 0, {0}, {0}, {NULL}},
    {"x^7", 1, {0}, {7}, {"0"}},
    /* the three primes of the modular square-free test all divide the leading coefficient,
     * so the exact factorisation over Z decides, once with a square and once without */
    {"2147483647*2147483629*2147483587*(x^3 - 2)", 1, {1.2599210498948732}, {1}, {NULL}},
    {"2147483647*2147483629*2147483587*(x^3 - 2)*(x - 1)^2*(2*x + 1)^3", 3, {-0.5, 1, 1.2599210498948732}, {3, 2, 1},
     {"-1/2", "1", NULL}},
    /* signs on both sides of roots of every parity, leading coefficient negative */
    {"-(x - 1)^2*(x - 2)^3*(x + 1)*(x^2 - 3)", 5, {-1.7320508075688772, -1, 1, 1.7320508075688772, 2}, {1, 1, 2, 1, 3},
     {"-sqrt(3)", "-1", "1", "sqrt(3)", "2"}},
};

/* The sign of p at the double t, exactly. */
static int sign_at_double(const dx_poly *p, double t)
{
    mpq_t q;
    mpq_init(q);
    mpq_set_d(q, t);
    dx_poly_eval_q(q, p, q);
    int s = mpq_sgn(q);
    mpq_clear(q);
    return s;
}

/* What every root of p must satisfy whatever the row: left and right are p's signs at the
 * neighbouring doubles (no other root lies that close in these tests), they differ exactly
 * when the multiplicity is odd, and x is the double nearest the root: the exact value of p
 * at the midpoints to the neighbours has the sign of that side. */
static void check_root_signs(const char *name, const dx_poly *p, const dx_root *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        double lo = nextafter(r[i].x, -INFINITY), hi = nextafter(r[i].x, INFINITY);
        ck_assert_msg(r[i].left == sign_at_double(p, lo) && r[i].right == sign_at_double(p, hi),
                      "%s: root %.17g has signs %d, %d; p is %d, %d beside it", name, r[i].x, r[i].left, r[i].right,
                      sign_at_double(p, lo), sign_at_double(p, hi));
        ck_assert_msg((r[i].left != r[i].right) == (r[i].mult % 2 == 1), "%s: root %.17g of multiplicity %d has signs %d, %d",
                      name, r[i].x, r[i].mult, r[i].left, r[i].right);
        if (r[i].form == DX_ROOT_RATIONAL)
            continue;
        mpq_t m, v;
        mpq_inits(m, v, NULL);
        for (int side = -1; side <= 1; side += 2) {
            mpq_set_d(m, side < 0 ? lo : hi);
            mpq_set_d(v, r[i].x);
            mpq_add(m, m, v);
            mpq_div_2exp(m, m, 1);
            dx_poly_eval_q(v, p, m);
            int want = side < 0 ? r[i].left : r[i].right;
            ck_assert_msg(mpq_sgn(v) == want, "%s: %.17g is not the double nearest its root (side %d)", name, r[i].x,
                          side);
        }
        mpq_clears(m, v, NULL);
    }
}

START_TEST(root_row_test)
{
    const root_row *w = &root_rows[_i];
    dx_expr *e = tu_parse(w->poly), *x = dx_sym(tu_ctx, "x", 1);
    dx_poly p;
    dx_poly_init(&p);
    ck_assert_msg(dx_poly_from_expr(tu_ctx, e, x, &p) == 1, "%s: not a polynomial", w->poly);
    dx_root *r;
    size_t n;
    ck_assert_msg(dx_poly_roots(tu_ctx, &p, &r, &n) == DX_OK, "%s: %s", w->poly, tu_err(tu_ctx));
    ck_assert_msg((int)n == w->n, "%s: %zu roots, want %d", w->poly, n, w->n);
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(fabs(r[i].x - w->x[i]) <= 4e-16 * fmax(1, fabs(w->x[i])), "%s: root %zu is %.17g, want %.17g",
                      w->poly, i, r[i].x, w->x[i]);
        ck_assert_msg(r[i].mult == w->mult[i], "%s: root %.17g has multiplicity %d, want %d", w->poly, r[i].x,
                      r[i].mult, w->mult[i]);
        dx_expr *ex = dx_root_expr(tu_ctx, &r[i]);
        char *s = ex ? dx_print(tu_ctx, ex, DX_PLAIN) : NULL;
        ck_assert_msg((s == NULL && w->exact[i] == NULL) || (s && w->exact[i] && strcmp(s, w->exact[i]) == 0),
                      "%s: root %zu exactly '%s', want '%s'", w->poly, i, s ? s : "(none)",
                      w->exact[i] ? w->exact[i] : "(none)");
        free(s);
    }
    check_root_signs(w->poly, &p, r, n);
    dx_poly_roots_free(r, n);
    dx_poly_clear(&p);
}
END_TEST

/* Chebyshev T_n, n = 5..40: n simple roots cos((2k - 1) pi / 2n) crowded toward +-1, with
 * coefficients up to 2^(n-1) (a small root bound from large coefficients), and T_n' whose
 * roots cos(k pi / n) are the critical points. Built by T_(n+1) = 2x T_n - T_(n-1). */
START_TEST(chebyshev)
{
    int n = 5 + 5 * _i;
    mpz_t t[3][41];
    for (int a = 0; a < 3; a++)
        for (int k = 0; k <= 40; k++)
            mpz_init(t[a][k]);
    mpz_set_ui(t[0][0], 1); /* T_0 */
    mpz_set_ui(t[1][1], 1); /* T_1 */
    for (int m = 1; m < n; m++) {
        mpz_t *prev = t[(m - 1) % 3], *cur = t[m % 3], *next = t[(m + 1) % 3];
        for (int k = 0; k <= 40; k++) {
            mpz_set_ui(next[k], 0);
            if (k > 0)
                mpz_mul_2exp(next[k], cur[k - 1], 1);
            mpz_sub(next[k], next[k], prev[k]);
        }
    }
    dx_poly p, d;
    dx_poly_init(&p);
    dx_poly_init(&d);
    dx_expr *x = dx_sym(tu_ctx, "x", 1);
    ck_assert_int_eq(dx_poly_from_expr(tu_ctx, x, x, &p), 1);
    p.c = realloc(p.c, sizeof *p.c * (size_t)(n + 1));
    for (int k = p.n; k <= n; k++)
        mpq_init(p.c[k]);
    p.n = n + 1;
    for (int k = 0; k <= n; k++)
        mpq_set_z(p.c[k], t[n % 3][k]);
    dx_poly_deriv(&d, &p);
    for (int which = 0; which < 2; which++) {
        const dx_poly *q = which ? &d : &p;
        dx_root *r;
        size_t nr;
        ck_assert_int_eq(dx_poly_roots(tu_ctx, q, &r, &nr), DX_OK);
        int want_n = which ? n - 1 : n;
        ck_assert_msg((int)nr == want_n, "T_%d%s: %zu roots, want %d", n, which ? "'" : "", nr, want_n);
        for (size_t k = 0; k < nr; k++) {
            /* ascending: the largest angle first */
            double want = which ? cos(PI * (double)(n - 1 - (int)k) / n) : cos(PI * (2.0 * (n - (int)k) - 1) / (2.0 * n));
            ck_assert_msg(fabs(r[k].x - want) <= 1e-15 && r[k].mult == 1, "T_%d%s: root %zu is %.17g, want %.17g", n,
                          which ? "'" : "", k, r[k].x, want);
        }
        char name[32];
        snprintf(name, sizeof name, "T_%d%s", n, which ? "'" : "");
        check_root_signs(name, q, r, nr);
        dx_poly_roots_free(r, nr);
    }
    dx_poly_clear(&p);
    dx_poly_clear(&d);
    for (int a = 0; a < 3; a++)
        for (int k = 0; k <= 40; k++)
            mpz_clear(t[a][k]);
}
END_TEST

/* Seeded products of (q x - p)^m and (x^2 + c), c > 0, degree up to 40: exactly the
 * rational roots p/q with their multiplicities, ascending, nothing else. */
START_TEST(random_products)
{
    unsigned long long seed = 0x9E3779B97F4A7C15ull * (unsigned long long)(_i + 1);
#define NEXT() (seed = seed * 6364136223846793005ull + 1442695040888963407ull, (unsigned)(seed >> 33))
    char text[2048] = "1";
    size_t len = 1;
    int nroot = 0, deg = 0;
    struct { long p, q; int m; } want[40];
    while (deg < 30) {
        if (NEXT() % 4 == 0) {
            len += (size_t)snprintf(text + len, sizeof text - len, "*(x^2 + %u)", 1 + NEXT() % 50);
            deg += 2;
            continue;
        }
        long q = 1 + NEXT() % 9, p = (long)(NEXT() % 61) - 30;
        int m = 1 + (int)(NEXT() % 3);
        bool seen = false; /* the same root twice would merge: skip such draws */
        for (int i = 0; i < nroot; i++)
            seen = seen || want[i].p * q == p * want[i].q;
        if (seen)
            continue;
        len += (size_t)snprintf(text + len, sizeof text - len, "*(%ld*x - %ld)^%d", q, p, m);
        want[nroot].p = p;
        want[nroot].q = q;
        want[nroot++].m = m;
        deg += m;
    }
#undef NEXT
    dx_expr *e = tu_parse(text), *x = dx_sym(tu_ctx, "x", 1);
    dx_poly poly;
    dx_poly_init(&poly);
    ck_assert_int_eq(dx_poly_from_expr(tu_ctx, e, x, &poly), 1);
    dx_root *r;
    size_t n;
    ck_assert_int_eq(dx_poly_roots(tu_ctx, &poly, &r, &n), DX_OK);
    ck_assert_msg((int)n == nroot, "%s: %zu roots, want %d", text, n, nroot);
    for (size_t k = 0; k < n; k++) {
        int below = 0, at = -1; /* rank of r[k] among the wanted roots */
        for (int i = 0; i < nroot; i++) {
            mpq_t w;
            mpq_init(w);
            mpq_set_si(w, want[i].p, (unsigned long)want[i].q);
            mpq_canonicalize(w);
            int c = mpq_cmp(w, r[k].q);
            below += c < 0;
            if (c == 0)
                at = i;
            mpq_clear(w);
        }
        ck_assert_msg(r[k].form == DX_ROOT_RATIONAL && at >= 0 && below == (int)k && r[k].mult == want[at].m,
                      "%s: root %zu (%.17g, multiplicity %d) is not one wanted", text, k, r[k].x, r[k].mult);
    }
    check_root_signs(text, &poly, r, n);
    dx_poly_roots_free(r, n);
    dx_poly_clear(&poly);
}
END_TEST

/* Wilkinson: prod (x - k), k = 1..20 and 1..60, expanded: every root exact and found. */
START_TEST(wilkinson)
{
    int sizes[] = {20, 60};
    for (size_t t = 0; t < N(sizes); t++) {
        char *s = product(sizes[t], false);
        dx_expr *e = tu_parse(s), *x = dx_sym(tu_ctx, "x", 1);
        dx_poly p;
        dx_poly_init(&p);
        ck_assert_int_eq(dx_poly_from_expr(tu_ctx, e, x, &p), 1);
        ck_assert_int_eq(dx_poly_deg(&p), sizes[t]);
        dx_root *r;
        size_t n;
        ck_assert_int_eq(dx_poly_roots(tu_ctx, &p, &r, &n), DX_OK);
        ck_assert_msg((int)n == sizes[t], "Wilkinson %d: %zu roots", sizes[t], n);
        for (size_t i = 0; i < n; i++)
            ck_assert_msg(r[i].form == DX_ROOT_RATIONAL && r[i].x == (double)(i + 1) && r[i].mult == 1,
                          "Wilkinson %d: root %zu is %.17g", sizes[t], i, r[i].x);
        dx_poly_roots_free(r, n);
        dx_poly_clear(&p);
        free(s);
    }
}
END_TEST

/* Degree 60 with irrational, close roots: prod (x - k - sqrt(2)/1000) has no exact roots
 * a double can hold, so check against k + sqrt(2)/1000 to a few ulps. Built as
 * prod ((x - k)^2 - 2/10^6) (roots k +- sqrt(2)/1000, 0.0028 apart). */
START_TEST(wilkinson_irrational)
{
    char *s = product(30, true);
    dx_expr *e = tu_parse(s), *x = dx_sym(tu_ctx, "x", 1);
    dx_poly p;
    dx_poly_init(&p);
    ck_assert_int_eq(dx_poly_from_expr(tu_ctx, e, x, &p), 1);
    ck_assert_int_eq(dx_poly_deg(&p), 60);
    dx_root *r;
    size_t n;
    ck_assert_int_eq(dx_poly_roots(tu_ctx, &p, &r, &n), DX_OK);
    ck_assert_int_eq((int)n, 60);
    for (size_t i = 0; i < n; i++) {
        double k = (double)(i / 2 + 1), want = i % 2 ? k + sqrt(2) / 1000 : k - sqrt(2) / 1000;
        ck_assert_msg(fabs(r[i].x - want) <= 8e-16 * want, "root %zu: %.17g, want %.17g", i, r[i].x, want);
    }
    dx_poly_roots_free(r, n);
    dx_poly_clear(&p);
    free(s);
}
END_TEST

/* Degree 100 with large coefficients: (x^2 - 7777777777/10)^50. */
START_TEST(degree_100)
{
    dx_expr *e = dx_body(tu_parse("(x^2 - 7777777777/10)^50*(x - 123456789)^0 + 0")), *x = dx_sym(tu_ctx, "x", 1);
    dx_poly p;
    dx_poly_init(&p);
    ck_assert_int_eq(dx_poly_from_expr(tu_ctx, e, x, &p), 1);
    dx_root *r;
    size_t n;
    ck_assert_int_eq(dx_poly_roots(tu_ctx, &p, &r, &n), DX_OK);
    ck_assert_int_eq((int)n, 2);
    double want = sqrt(777777777.7);
    ck_assert_msg(fabs(r[1].x - want) <= 4e-16 * want && r[1].mult == 50, "%.17g mult %d", r[1].x, r[1].mult);
    dx_poly_roots_free(r, n);
    dx_poly_clear(&p);
}
END_TEST

/* High degree (issue 21: certified roots above degree 1000): real root counts and roots of
 * polynomials past the old limit, each root checked as the nearest double with exact signs
 * beside it. want[] lists the first roots (NAN: x0 from the row's formula below). */
typedef struct high_row {
    const char *poly; /* NULL: the Wilkinson product (x - 1)...(x - deg) */
    int deg, n;
    double first, last;
    bool signs; /* roots far enough apart for check_root_signs (not Mignotte's pair) */
} high_row;

static const high_row high_rows[] = {
    {NULL, 300, 300, 1, 300, true},
    {"x^1002 - 2", 1002, 2, -1.0006920029769114, 1.0006920029769114, true},
    {"x^1501 - 3", 1501, 1, 1.0007321881645991, 1.0007321881645991, true},
    {"x^2000 + 1", 2000, 0, 0, 0, true},
    /* Mignotte: two roots within 10^-80 of 1/50, and one more (PARI: 3 real roots) */
    {"x^101 - 2*(50*x - 1)^2", 101, 3, 0.02, 1.0894336085047762, false},
    {"x^1002", 1002, 1, 0, 0, true},
    /* multiplicities 3, 1200, 3 from Yun's factorisation at degree 1206 */
    {"(x^2 - 2)^3*x^1200", 1206, 3, -1.4142135623730951, 1.4142135623730951, true},
};

START_TEST(high_degree_row)
{
    const high_row *w = &high_rows[_i];
    char *text = w->poly ? NULL : product(w->deg, false);
    dx_expr *e = tu_parse(w->poly ? w->poly : text), *x = dx_sym(tu_ctx, "x", 1);
    dx_poly p;
    dx_poly_init(&p);
    bool over = true;
    ck_assert_int_eq(dx_poly_from_expr_deg(tu_ctx, e, x, DX_POLY_ROOTS_MAX_DEG, &p, &over), 1);
    ck_assert(!over);
    ck_assert_int_eq(dx_poly_deg(&p), w->deg);
    dx_root *r;
    size_t n;
    ck_assert_msg(dx_poly_roots(tu_ctx, &p, &r, &n) == DX_OK, "%s: %s", w->poly, tu_err(tu_ctx));
    ck_assert_msg((int)n == w->n, "%s: %zu real roots, want %d", w->poly ? w->poly : "Wilkinson", n, w->n);
    double tol = 4e-16;
    if (n) {
        ck_assert_msg(fabs(r[0].x - w->first) <= tol * fmax(1, fabs(w->first)), "first root %.17g, want %.17g",
                      r[0].x, w->first);
        ck_assert_msg(fabs(r[n - 1].x - w->last) <= tol * fmax(1, fabs(w->last)), "last root %.17g, want %.17g",
                      r[n - 1].x, w->last);
    }
    if (!w->poly)
        for (size_t i = 0; i < n; i++)
            ck_assert_msg(r[i].form == DX_ROOT_RATIONAL && r[i].x == (double)(i + 1), "root %zu: %.17g", i, r[i].x);
    if (w->signs)
        check_root_signs(w->poly ? w->poly : "Wilkinson", &p, r, n);
    dx_poly_roots_free(r, n);
    dx_poly_clear(&p);
    free(text);
}
END_TEST

/* Chebyshev T_300 by the recurrence: 300 simple roots cos((2k - 1) pi / 600), crowded at +-1. */
START_TEST(chebyshev_300)
{
    dx_poly t0, t1, t2, twox;
    dx_poly_init(&t0);
    dx_poly_init(&t1);
    dx_poly_init(&t2);
    dx_poly_init(&twox);
    dx_expr *x = dx_sym(tu_ctx, "x", 1);
    ck_assert_int_eq(dx_poly_from_expr(tu_ctx, tu_parse("1"), x, &t0), 1);
    ck_assert_int_eq(dx_poly_from_expr(tu_ctx, tu_parse("x"), x, &t1), 1);
    ck_assert_int_eq(dx_poly_from_expr(tu_ctx, tu_parse("2*x"), x, &twox), 1);
    mpq_t m1;
    mpq_init(m1);
    mpq_set_si(m1, -1, 1);
    for (int k = 1; k < 300; k++) { /* t2 = 2x t1 - t0 */
        dx_poly_mul(&t2, &twox, &t1);
        dx_poly_scale(&t0, &t0, m1);
        dx_poly_add(&t2, &t2, &t0);
        dx_poly_clear(&t0);
        t0 = t1;
        t1 = t2;
        dx_poly_init(&t2);
    }
    mpq_clear(m1);
    ck_assert_int_eq(dx_poly_deg(&t1), 300);
    dx_root *r;
    size_t n;
    ck_assert_int_eq(dx_poly_roots(tu_ctx, &t1, &r, &n), DX_OK);
    ck_assert_int_eq((int)n, 300);
    for (size_t i = 0; i < n; i++) {
        double want = cos((2.0 * (double)(300 - i) - 1) * PI / 600);
        ck_assert_msg(fabs(r[i].x - want) <= 1e-15, "T_300 root %zu: %.17g, want %.17g", i, r[i].x, want);
    }
    check_root_signs("T_300", &t1, r, n);
    dx_poly_roots_free(r, n);
    dx_poly_clear(&t0);
    dx_poly_clear(&t1);
    dx_poly_clear(&t2);
    dx_poly_clear(&twox);
}
END_TEST

/* Not polynomials: these go to the grid search. */
static const char *const nonpoly_rows[] = {"sin(x)", "pi*x^2", "x^(1/2)", "x*y", "1/x", "e^x", "x^1001"};

START_TEST(nonpoly_row)
{
    dx_expr *e = tu_parse(nonpoly_rows[_i]), *x = dx_sym(tu_ctx, "x", 1);
    dx_poly p;
    dx_poly_init(&p);
    ck_assert_msg(dx_poly_from_expr(tu_ctx, e, x, &p) == 0, "%s taken for a polynomial", nonpoly_rows[_i]);
    dx_poly_clear(&p);
}
END_TEST

/* Classification through the library: f, interval, then (x, kind) per critical point. */
typedef struct crit_row {
    const char *f;
    bool interval;
    double from, to;
    int n;
    double x[4];
    dx_cp_kind kind[4];
    dx_msg_id test0;   /* the first point's test */
    const char *name;  /* its derivative, and that derivative's exact value (NULL: not checked) */
    const char *value;
} crit_row;

static const crit_row crit_rows[] = {
    {"x^3 - 3*x", false, 0, 0, 2, {-1, 1}, {DX_CP_MAX, DX_CP_MIN}, DX_M_EXT_SECOND_EXACT, "f''", "-6"},
    {"x^2 - 4*x + 3", false, 0, 0, 1, {2}, {DX_CP_MIN}, DX_M_EXT_SECOND_EXACT, "f''", "2"},
    {"w^4 - 8*w^2 + 2*w + 20", false, 0, 0, 3, {-2.0597919701013208, 0.12549409433526068, 1.93429787576606},
     {DX_CP_MIN, DX_CP_MAX, DX_CP_MIN}, DX_M_EXT_SECOND_APPROX, "f''", NULL},
    {"x^4", false, 0, 0, 1, {0}, {DX_CP_MIN}, DX_M_EXT_EVEN_EXACT, "f^(4)", "24"},
    {"x^3", false, 0, 0, 1, {0}, {DX_CP_NEITHER}, DX_M_EXT_ODD_EXACT, "f'''", "6"},
    {"x^5 - x^4", false, 0, 0, 2, {0, 0.8}, {DX_CP_MAX, DX_CP_MIN}, DX_M_EXT_EVEN_EXACT, "f^(4)", "-24"},
    {"-x^6", false, 0, 0, 1, {0}, {DX_CP_MAX}, DX_M_EXT_EVEN_EXACT, "f^(6)", "-720"},
    {"(x-1)^2*(x-1.001)", false, 0, 0, 2, {1, 1.0006666666666666}, {DX_CP_MAX, DX_CP_MIN}, DX_M_EXT_SECOND_EXACT,
     "f''", NULL},
    {"x^2 - 4*x + 1", false, 0, 0, 1, {2}, {DX_CP_MIN}, DX_M_EXT_SECOND_EXACT,
     "f''", "2"},
    {"x^3 - 3*x", true, 0, 3, 1, {1}, {DX_CP_MIN}, DX_M_EXT_SECOND_EXACT, "f''", "6"},
    {"sin(x)", true, 0, 7, 2, {PI / 2, 3 * PI / 2}, {DX_CP_MAX, DX_CP_MIN}, DX_M_EXT_SECOND_APPROX, "f''", NULL},
    {"abs(x - 1)", false, 0, 0, 1, {1}, {DX_CP_MIN}, DX_M_EXT_KINK, NULL, NULL},
    {"relu(x) - x^2/4", false, 0, 0, 2, {0, 2}, {DX_CP_NEITHER, DX_CP_MAX}, DX_M_EXT_KINK, NULL, NULL},
    {"(x - 1)^3*e^x", true, -3, 3, 2, {-2, 1}, {DX_CP_MIN, DX_CP_NEITHER}, DX_M_EXT_SECOND_APPROX, "f''", NULL},
    {"cos(x) + x^2/2", true, -1, 1, 1, {0}, {DX_CP_MIN}, DX_M_EXT_FIRST, NULL, NULL},
};

/* Argument k of m as text: a string as it is, an expression printed plain. */
static const char *arg_text(const dx_msg *m, unsigned k)
{
    static char buf[256];
    ck_assert_uint_lt(k, m->nargs);
    if (m->arg[k].kind == DX_ARG_STR)
        return m->arg[k].u.s;
    ck_assert_int_eq(m->arg[k].kind, DX_ARG_EXPR);
    char *s = dx_print(tu_ctx, m->arg[k].u.e, DX_PLAIN);
    snprintf(buf, sizeof buf, "%s", s);
    free(s);
    return buf;
}

START_TEST(crit_row_test)
{
    const crit_row *w = &crit_rows[_i];
    dx_expr *f = tu_parse(w->f);
    const char **names;
    dx_vars(tu_ctx, f, &names);
    dx_expr *v = dx_sym(tu_ctx, names[0], strlen(names[0]));
    dx_extrema_result x;
    ck_assert_msg(dx_extrema(tu_ctx, f, names[0], w->interval ? &w->from : NULL, w->interval ? &w->to : NULL, &x) == DX_OK,
                  "%s: %s", w->f, tu_err(tu_ctx));
    ck_assert_msg((int)x.ncrit == w->n, "%s: %zu critical points, want %d", w->f, x.ncrit, w->n);
    for (int i = 0; i < w->n; i++) {
        double tol = x.polynomial ? 4e-16 : 1e-7;
        ck_assert_msg(fabs(x.crit[i].at.x - w->x[i]) <= tol * fmax(1, fabs(w->x[i])), "%s: point %d at %.17g, want %.17g",
                      w->f, i, x.crit[i].at.x, w->x[i]);
        ck_assert_msg(x.crit[i].kind == w->kind[i], "%s: point %d is kind %d, want %d", w->f, i, x.crit[i].kind,
                      w->kind[i]);
    }
    const dx_msg *t = &x.crit[0].test;
    ck_assert_msg(t->id == w->test0, "%s: test %d, want %d", w->f, t->id, w->test0);
    if (w->name)
        ck_assert_str_eq(arg_text(t, 0), w->name);
    if (w->value)
        ck_assert_str_eq(arg_text(t, 2), w->value);
    /* exact points: their expression is the double found */
    for (size_t i = 0; i < x.ncrit; i++) {
        double v1;
        if (!x.crit[i].at.exact)
            continue;
        char *s = dx_print(tu_ctx, x.crit[i].at.exact, DX_PLAIN);
        dx_expr *back = tu_parse(s);
        free(s);
        ck_assert(back == x.crit[i].at.exact);
        dx_prog *p = dx_compile(tu_ctx, back, NULL, 0);
        ck_assert(p && dx_prog_eval(p, tu_ctx, NULL, &v1) == DX_OK);
        dx_prog_free(p);
        ck_assert_msg(fabs(v1 - x.crit[i].at.x) <= 4e-16 * fmax(1, fabs(v1)), "%s: exact %.17g, double %.17g", w->f, v1,
                      x.crit[i].at.x);
    }
    ck_assert_ptr_eq(x.f, f);
    ck_assert_str_eq(x.var, names[0]);
    /* the derivative the search relied on, against a central difference */
    dx_expr *df = dx_diff_by(tu_ctx, f, v, NULL, NULL);
    char why[256];
    ck_assert_msg(tu_check_default(f, df, v->u.name, why, sizeof why) >= 0, "%s: %s", w->f, why);
    dx_extrema_free(&x);
}
END_TEST

/* Global extremes and the whole-line behaviour. */
START_TEST(globals)
{
    dx_extrema_result r;
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("w^4 - 8*w^2 + 2*w + 20"), "w", NULL, NULL, &r), DX_OK);
    ck_assert(r.min.exists && !r.max.exists);
    ck_assert_msg(fabs(r.min.at.x + 2.0597919701013208) < 1e-15, "global min at %.17g", r.min.at.x);
    ck_assert_int_eq(r.max.why.id, DX_M_EXT_TENDS_BOTH);
    ck_assert_str_eq(arg_text(&r.max.why, 0), "+oo");
    ck_assert_str_eq(arg_text(&r.max.why, 1), "w");
    dx_extrema_free(&r);
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("x^4 - 2*x^2"), "x", NULL, NULL, &r), DX_OK);
    ck_assert(r.min.exists && r.min.ties == 1 && r.min.at.x == -1 && r.min.tie_x[0] == 1);
    dx_extrema_free(&r);
    double a = 0, b = 3;
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("x^3 - 3*x"), "x", &a, &b, &r), DX_OK);
    ck_assert(r.max.exists && r.max.endpoint == 1 && r.max.at.value == 18 && !r.max.at.exact_value);
    ck_assert(r.min.exists && r.min.endpoint == 0 && r.min.at.x == 1 && r.min.at.exact_value == tu_parse("-2"));
    dx_extrema_free(&r);
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("-x^3"), "x", NULL, NULL, &r), DX_OK);
    ck_assert_int_eq(r.max.why.id, DX_M_EXT_TENDS);
    ck_assert_str_eq(arg_text(&r.max.why, 0), "+oo");
    ck_assert_str_eq(arg_text(&r.max.why, 2), "-oo");
    ck_assert_int_eq(r.min.why.id, DX_M_EXT_TENDS);
    ck_assert_str_eq(arg_text(&r.min.why, 0), "-oo");
    ck_assert_str_eq(arg_text(&r.min.why, 2), "+oo");
    ck_assert_int_eq((int)r.ncrit, 1);
    ck_assert_int_eq(r.crit[0].kind, DX_CP_NEITHER);
    dx_extrema_free(&r);
    /* exact values of irrational points: 2 -+ sqrt(3), and f there */
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("x^3/3 - 2*x^2 + x"), "x", NULL, NULL, &r), DX_OK);
    ck_assert_int_eq((int)r.ncrit, 2);
    ck_assert_ptr_eq(r.crit[0].at.exact, tu_parse("2 - sqrt(3)"));
    ck_assert_ptr_eq(r.crit[1].at.exact, tu_parse("2 + sqrt(3)"));
    ck_assert_ptr_eq(r.crit[0].at.exact_value, tu_parse("-10/3 + 2*sqrt(3)"));
    ck_assert_ptr_eq(r.ninfl ? r.infl[0].exact : NULL, tu_parse("2"));
    dx_extrema_free(&r);
    a = 2;
    b = 1;
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("x^2"), "x", &a, &b, &r), DX_EUSAGE);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->msg.id, DX_M_EXT_EMPTY);
    /* a call starts clean: the error above is gone after a good one */
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("x^2"), "x", NULL, NULL, &r), DX_OK);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->status, DX_OK);
    dx_extrema_free(&r);
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("x^2"), "x", &a, NULL, &r), DX_EUSAGE);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->msg.id, DX_M_EXT_BOTH_ENDS);
}
END_TEST

/* The report: the renderer's text in each form, from the data alone. */
START_TEST(show)
{
    dx_extrema_result r;
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("x^2 - 2"), "x", NULL, NULL, &r), DX_OK);
    dx_buf b = {0};
    dx_show_extrema(tu_ctx, &r, DX_SHOW_PLAIN, &b);
    ck_assert_str_eq(b.s, "f(x) = x^2 - 2\nf'(x) = 2*x\n"
                          "method: exact (real roots of f' isolated with exact arithmetic; none missed)\n"
                          "critical points (f' = 0):\n  x = 0, f = -2: local min\n"
                          "      by second derivative: f''(0) = 2 > 0\n"
                          "global min: f = -2 at x = 0\nno global max: f → +oo as x → ±oo\n");
    dx_buf_free(&b);
    dx_show_extrema(tu_ctx, &r, DX_SHOW_JSON, &b);
    ck_assert_msg(strstr(b.s, "\"critical_points\": [{\"x\": 0, \"value\": -2, \"exact\": \"0\", \"exact_value\": \"-2\", "
                              "\"kind\": \"min\", \"test\": \"second derivative: f''(0) = 2 > 0\", "
                              "\"differentiable\": true, \"multiplicity\": 1}]") != NULL, "%s", b.s);
    dx_buf_free(&b);
    dx_extrema_free(&r);
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("x^4/4 - x^2"), "x", NULL, NULL, &r), DX_OK);
    dx_show_extrema(tu_ctx, &r, DX_SHOW_LATEX, &b);
    ck_assert_msg(strstr(b.s, "  x = \\sqrt{2} \\approx 1.41421, f = -1: local min\n") != NULL, "%s", b.s);
    dx_buf_free(&b);
    dx_extrema_free(&r);
}
END_TEST

/* Issue 14: extrema beyond polynomials, textbook problems (first and second derivative tests:
 * abs, relu, x^(p/q), exp*poly, ln, trig, flat pieces, undefined ends) with their answers:
 * critical numbers of both kinds, flat stretches, the global min and max values (NaN: none,
 * x*ln(x) and sin(x)/x only approach theirs at the undefined end 0). */
typedef struct book_row {
    const char *f;
    double from, to;
    int ncrit, nflat;
    double min, max;
    const char *xs; /* where given: the critical numbers exactly, ascending, each found exactly */
} book_row;

static const book_row book_rows[] = {
    {"abs(x)", -1, 3, 1, 0, 0, 3, NULL},
    {"abs(x - 2) + abs(x + 1)", -3, 3, 0, 1, 3, 7, NULL},
    {"abs(x^2 - 4)", -3, 3, 3, 0, 0, 5, NULL},
    {"abs(x - 1)", 0, 4, 1, 0, 0, 3, NULL},
    {"x^(2/3)", -1, 8, 1, 0, 0, 4, NULL},
    {"x^(1/3)", -1, 1, 1, 0, -1, 1, NULL},
    {"x^(2/3)*(x - 5)", -1, 6, 2, 0, -6, 3.301927248894626, NULL},
    {"x^(1/3)*(x - 4)", -1, 8, 2, 0, -3, 8, NULL},
    {"x^(4/5)*(x - 4)^2", -1, 5, 3, 0, 0, 25, NULL},
    {"x - 3*x^(1/3)", -1, 8, 2, 0, -2, 2, NULL},
    {"sqrt(x)*(x - 3)", 0, 4, 1, 0, -2, 2, NULL},
    {"x*sqrt(4 - x^2)", -2, 2, 2, 0, -2, 2, NULL},
    {"x*exp(-x)", 0, 4, 1, 0, 0, 0.36787944117144233, NULL},
    {"x^2*exp(-x)", -1, 5, 2, 0, 0, 2.718281828459045, NULL},
    {"x*exp(-x^2/2)", -3, 3, 2, 0, -0.6065306597126334, 0.6065306597126334, NULL},
    {"exp(x) - x", -1, 2, 1, 0, 1, 5.38905609893065, NULL},
    {"x*ln(x)", 0, 2, 1, 0, -0.36787944117144233, 1.3862943611198906, NULL},
    {"ln(x)/x", 1, 5, 1, 0, 0, 0.36787944117144233, NULL},
    {"x - ln(x)", 0.5, 3, 1, 0, 1, 1.9013877113318902, NULL},
    {"x^2*ln(x)", 0.1, 2, 1, 0, -0.18393972058572117, 2.772588722239781, NULL},
    {"sin(x)", 0, 6.283185307179586, 2, 0, -1, 1, NULL},
    {"cos(x)", 0, 6.283185307179586, 1, 0, -1, 1, NULL},
    {"sin(x) + cos(x)", 0, 6.283185307179586, 2, 0, -1.4142135623730951, 1.4142135623730951, NULL},
    {"x + 2*sin(x)", 0, 6.283185307179586, 2, 0, 0, 6.283185307179585, NULL},
    {"sin(x)^2", 0, 3.141592653589793, 1, 0, 0, 1, NULL},
    {"x - 2*cos(x)", 0, 3.141592653589793, 0, 0, -2, 5.141592653589793, NULL},
    {"sin(2*x) - 2*sin(x)", 0, 3.141592653589793, 1, 0, -2.598076211353316, 0, NULL},
    {"relu(x)", -3, 3, 0, 1, 0, 3, NULL},
    {"relu(x - 1) - relu(x - 2)", 0, 3, 0, 2, 0, 1, NULL},
    {"relu(x)^2", -1, 1, 0, 1, 0, 1, NULL},
    {"abs(x)^3", -1, 1, 1, 0, 0, 1, NULL},
    {"x*abs(x)", -1, 1, 1, 0, -1, 1, NULL},
    {"abs(x) + abs(x - 1)", -2, 2, 0, 1, 1, 5, NULL},
    {"abs(sin(x))", -2, 2, 3, 0, 0, 1, NULL},
    {"1/(x^2 + 1)", -2, 2, 1, 0, 0.2, 1, NULL},
    {"x/(x^2 + 1)", -3, 3, 2, 0, -0.5, 0.5, NULL},
    {"(x^2 - 1)/(x^2 + 1)", -2, 2, 1, 0, -1, 0.6000000000000001, NULL},
    {"x + 1/x", 0.2, 3, 1, 0, 2, 5.2, NULL},
    {"x^2 + 2/x", 0.5, 2, 1, 0, 3, 5, NULL},
    {"sqrt(x^2 + 1) - x/2", -2, 2, 1, 0, 0.8660254037844386, 3.23606797749979, NULL},
    {"exp(-x^2)", -1, 2, 1, 0, 0.01831563888873418, 1, NULL},
    {"x*exp(x)", -3, 1, 1, 0, -0.36787944117144233, 2.718281828459045, NULL},
    {"atan(x) - x/2", -2, 2, 2, 0, -0.2853981633974483, 0.2853981633974483, NULL},
    {"x^(2/3)*(x^2 - 4)", -1, 3, 2, 0, -3, 10.40041911525952, NULL},
    {"abs(2*x - 3)", 0, 3, 1, 0, 0, 3, NULL},
    {"x*ln(x)", 0, 0.2, 0, 0, -0.3218875824868201, NAN, NULL},
    {"sin(x)/x", 0, 1, 0, 0, 0.8414709848078965, NAN, NULL},
    {"x^(2/3)*(6 - x)", -1, 7, 2, 0, -3.6593057100229727, 7, "0, 12/5"},
    {"abs(x^2 - 2*x)", -1, 3, 3, 0, 0, 3, "0, 1, 2"},
    {"max(x, 2 - x)", -1, 3, 1, 0, 1, 3, "1"},
    {"x^3*exp(-x)", -1, 5, 2, 0, -2.718281828459045, 1.3442508459323266, "0, 3"},
    {"exp(x)*(x^2 - 3)", -4, 2, 2, 0, -5.43656365691809, 7.38905609893065, "-3, 1"},
    {"ln(x^2 + 1)", -2, 2, 1, 0, 0, 1.6094379124341003, "0"},
    {"x^2 - 2*ln(x)", 0.5, 3, 1, 0, 1, 6.80277542266378, "1"},
    {"ln(x)^2", 0.5, 3, 1, 0, 0, 1.206948960812582, "1"},
    {"cos(x) + x/2", 0, 3.141592653589793, 2, 0, 0.4429715352113086, 1.127824791583588, "pi/6, 5*pi/6"},
    {"sin(x)*cos(x)", 0, 3.141592653589793, 2, 0, -0.5, 0.5, "pi/4, 3*pi/4"},
    {"2*sin(x) + sin(2*x)", 0, 6.283185307179586, 3, 0, -2.598076211353316, 2.598076211353316, "pi/3, pi, 5*pi/3"},
    {"x - sin(x)", -1, 7, 2, 0, -0.1585290151921035, 6.343013401281211, "0, 2*pi"},
    {"sqrt(x) - x", 0, 4, 1, 0, -2, 0.25, "1/4"},
    {"x^(4/3) - 4*x^(1/3)", -1, 8, 2, 0, -3, 8, "0, 1"},
    {"relu(x)*relu(2 - x)", -1, 3, 1, 2, 0, 1, "1"},
    {"abs(x) - x", -2, 2, 0, 1, 0, 4, NULL},
    {"sqrt(1 - x^2)", -1, 1, 1, 0, 0, 1, "0"},
    {"exp(-x)*sin(x)", 0, 6.283185307179586, 2, 0, -0.013932035097694207, 0.3223969419448345, "pi/4, 5*pi/4"},
    {"x^2*exp(x)", -3, 1, 2, 0, 0, 2.718281828459045, "-2, 0"},
    /* an end where f tends to an infinity: that side unbounded, the other decided inside */
    {"ln(x) - x/2", 0, 4, 1, 0, NAN, -0.3068528194400547, "2"},
    {"1/x", 0, 1, 0, 0, 1, NAN, NULL},
    {"ln(x)/x", 0, 3, 1, 0, NAN, 0.36787944117144233, "e"},
    /* a hole inside (the grid meets it at -2): the extremes are at the ends all the same; one
     * whose limit is below every value: no minimum, only an infimum */
    {"(x^2 - 4)/(x + 2)", -10, 10, 0, 0, -12, 8, NULL},
    {"(x^3 - x^2)/(x - 1)", -0.5, 2, 1, 0, 0, 4, "0"},
    {"x^3/x", -2, 2, 0, 0, NAN, 4, NULL},
};

START_TEST(book_row_test)
{
    const book_row *w = &book_rows[_i];
    dx_extrema_result x;
    dx_expr *f = tu_parse(w->f);
    ck_assert_msg(dx_extrema(tu_ctx, f, "x", &w->from, &w->to, &x) == DX_OK, "%s: %s", w->f, tu_err(tu_ctx));
    ck_assert_msg((int)x.ncrit == w->ncrit && (int)x.nflat == w->nflat, "%s: %zu critical, %zu flat", w->f, x.ncrit,
                  x.nflat);
    ck_assert_msg(isnan(w->min) ? !x.min.exists : x.min.exists && fabs(x.min.at.value - w->min) <= 1e-9,
                  "%s: min %g", w->f, x.min.at.value);
    ck_assert_msg(isnan(w->max) ? !x.max.exists : x.max.exists && fabs(x.max.at.value - w->max) <= 1e-9,
                  "%s: max %g", w->f, x.max.at.value);
    /* every critical point is a point of f; no noise: exact where f' vanishes or breaks at 0 */
    for (size_t i = 0; i < x.ncrit; i++) {
        ck_assert(isfinite(x.crit[i].at.value));
        ck_assert_msg(x.crit[i].at.x == 0 || fabs(x.crit[i].at.x) > 1e-6, "%s: x = %g", w->f, x.crit[i].at.x);
    }
    /* the critical numbers exactly: each expected closed form found, as a closed form */
    char xs[120];
    snprintf(xs, sizeof xs, "%s", w->xs ? w->xs : "");
    size_t k = 0;
    for (char *p = w->xs ? strtok(xs, ",") : NULL; p; p = strtok(NULL, ","), k++) {
        ck_assert_msg(k < x.ncrit, "%s: fewer critical numbers than %s", w->f, w->xs);
        double want = tu_eval(tu_parse(p), "x", 0);
        ck_assert_msg(fabs(x.crit[k].at.x - want) <= 1e-12 * fmax(1, fabs(want)) && x.crit[k].at.exact,
                      "%s: critical number %zu is %.17g (%s), want %s", w->f, k, x.crit[k].at.x,
                      x.crit[k].at.exact ? "exact" : "not exact", p);
    }
    char why[200];
    ck_assert_msg(tu_check_default(f, x.df, "x", why, sizeof why) >= 3, "%s: %s", w->f, why);
    dx_extrema_free(&x);
}
END_TEST

/* The cases, point by point. */
START_TEST(book_points)
{
    dx_extrema_result x;
    double a = -1, b = 8;
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("x^(1/3)*(x - 4)"), "x", &a, &b, &x), DX_OK);
    ck_assert(x.ncrit == 2 && x.crit[0].at.exact && dx_is_int(x.crit[0].at.exact, 0) && x.crit[0].kink);
    ck_assert(x.crit[0].kind == DX_CP_NEITHER && x.crit[1].kind == DX_CP_MIN && x.crit[1].at.x == 1);
    dx_extrema_free(&x);
    a = -1, b = 3;
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("abs(x)"), "x", &a, &b, &x), DX_OK);
    ck_assert(x.ncrit == 1 && x.crit[0].at.x == 0 && x.crit[0].at.exact_value && dx_is_int(x.crit[0].at.exact_value, 0));
    dx_extrema_free(&x);
    a = -3, b = 3;
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("abs(x - 2) + abs(x + 1)"), "x", &a, &b, &x), DX_OK);
    ck_assert(x.nflat == 1 && x.flat[0].from == -1 && x.flat[0].to == 2 && x.flat[0].value == 3);
    ck_assert(x.flat[0].kind == DX_CP_MIN && x.min.flat == 1 && x.max.at.x == -3);
    dx_buf buf = {0};
    dx_show_extrema(tu_ctx, &x, DX_SHOW_PLAIN, &buf);
    ck_assert_msg(strstr(buf.s, "global min on the interval: f = 3 on all of x in [-1, 2]") && !strstr(buf.s, "local max"),
                  "%s", buf.s);
    dx_buf_free(&buf);
    dx_show_extrema(tu_ctx, &x, DX_SHOW_JSON, &buf);
    ck_assert_msg(strstr(buf.s, "\"flat_intervals\": [{\"from\": -1, \"to\": 2, \"value\": 3,") != NULL, "%s", buf.s);
    dx_buf_free(&buf);
    dx_extrema_free(&x);
    a = 0, b = 0.2;
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("x ln(x)"), "x", &a, &b, &x), DX_OK);
    ck_assert(!x.max.exists && x.max.why.id == DX_M_EXT_SUP_NOT_ATTAINED);
    dx_extrema_free(&x);
}
END_TEST

/* The grid search where it used to go wrong: flat stretches of f' (each grid point was a
 * critical point), poles taken for kinks and inflections, globals claimed across a pole,
 * and a function defined nowhere. */
typedef struct nasty_row {
    const char *f;
    double from, to;
    int ncrit, nflat, ninfl; /* -1: not checked */
    dx_msg_id min_why;       /* DX_M_NONE: the global min exists */
    double where;            /* the x in that reason (NaN: none) */
} nasty_row;

static const nasty_row nasty_rows[] = {
    {"relu(x)", -10, 10, 0, 1, -1, DX_M_NONE, NAN}, /* the kink at 0 ends the flat stretch */
    {"relu(x - 2) + relu(-x - 2)", -10, 10, 0, 1, -1, DX_M_NONE, NAN},
    {"e^x", -1000, 1000, 0, 1, -1, DX_M_EXT_UNDEFINED_AT, 710},
    {"tan(x)^2", 0, 3, 0, 0, -1, DX_M_NONE, NAN},
    {"tan(x)", -3, 3, 0, 0, 1, DX_M_EXT_UNBOUNDED_BELOW, -1.57},
    {"ln(-x^2 - 1)", -10, 10, 0, 0, 0, DX_M_EXT_NOWHERE, -10},
    {"sqrt(x)", -10, 10, 0, 0, 0, DX_M_EXT_UNDEFINED_AT, -10},
    {"sqrt(abs(x))", -10, 10, 1, 0, -1, DX_M_NONE, NAN},
};

START_TEST(nasty_row_test)
{
    const nasty_row *w = &nasty_rows[_i];
    dx_extrema_result x;
    ck_assert_msg(dx_extrema(tu_ctx, tu_parse(w->f), "x", &w->from, &w->to, &x) == DX_OK, "%s: %s", w->f, tu_err(tu_ctx));
    ck_assert_msg((int)x.ncrit == w->ncrit, "%s: %zu critical points, want %d", w->f, x.ncrit, w->ncrit);
    ck_assert_msg((int)x.nflat == w->nflat, "%s: %zu flat stretches, want %d", w->f, x.nflat, w->nflat);
    ck_assert_msg(w->ninfl < 0 || (int)x.ninfl == w->ninfl, "%s: %zu inflection points, want %d", w->f, x.ninfl,
                  w->ninfl);
    if (w->min_why != DX_M_NONE) {
        ck_assert_msg(!x.min.exists && x.min.why.id == w->min_why, "%s: min.why %d, want %d", w->f, x.min.why.id,
                      w->min_why);
        /* the x the reason names: the last number among its arguments, to the 0.01 it is said in */
        double at = NAN;
        for (unsigned k = 0; k < x.min.why.nargs; k++)
            if (x.min.why.arg[k].kind == DX_ARG_NUM && (isnan(at) || w->min_why != DX_M_EXT_NOWHERE))
                at = x.min.why.arg[k].u.d;
        ck_assert_msg(fabs(at - w->where) < 0.01, "%s: reason at %g, want %g", w->f, at, w->where);
    } else {
        ck_assert_msg(x.min.exists, "%s: no global min (%d)", w->f, x.min.why.id);
    }
    dx_extrema_free(&x);
}
END_TEST

/* tan(x)^2 on [0, 3]: the pole at pi/2 is not a local max, and f has no global max. */
START_TEST(pole_not_max)
{
    double a = 0, b = 3;
    dx_extrema_result x;
    ck_assert_int_eq(dx_extrema(tu_ctx, tu_parse("tan(x)^2"), "x", &a, &b, &x), DX_OK);
    ck_assert_msg(!x.max.exists && x.max.why.id == DX_M_EXT_UNBOUNDED_ABOVE, "max: %d", x.max.why.id);
    ck_assert(x.min.exists && x.min.at.value == 0);
    dx_extrema_free(&x);
}
END_TEST

/* The program: seeds' examples, json, bad input. */
typedef struct cli_row {
    const char *argv[10];
    int status;
    const char *out_has[4]; /* substrings of stdout */
    const char *err_has;
} cli_row;

static const cli_row cli_rows[] = {
    /* above degree 1000 (issue 21): exact, no flat stretch made of underflow */
    {{"extrema", "x^1002", NULL}, 0,
     {"x = 0, f = 0: local min (root of f' of multiplicity 1001)", "f^(1002)(0) ≈ 4.03595e+2573 > 0",
      "global min: f = 0 at x = 0"}, NULL},
    {{"extrema", "x^30000", NULL}, 2, {NULL}, "degree above 20000"},
    {{"extrema", "x^3 - 3*x", NULL}, 0,
     {"x = -1, f = 2: local max", "x = 1, f = -2: local min", "no global max: f → +oo as x → +oo",
      "no global min: f → -oo as x → -oo"}, NULL},
    {{"extrema", "x^2 - 4*x + 3", NULL}, 0, {"x = 2, f = -1: local min", "global min: f = -1 at x = 2"}, NULL},
    {{"extrema", "w^4 - 8*w^2 + 2*w + 20", NULL}, 0,
     {"w = -2.0597919701013208 ≈ -2.05979, f = -0.06065979552750", ": local max", "global min: f = -0.0606597955275",
      "no global max: f → +oo as w → ±oo"}, NULL},
    {{"extrema", "x^2 - 4*x + 1", "--from", "-1", "--to", "pi", NULL}, 0,
     {"global max on the interval: f = 6 at x = -1 (an end of the interval)", "x = 2, f = -3: local min"}, NULL},
    {{"extrema", "x^3 - 6*x", NULL}, 0, {"x = -sqrt(2) ≈ -1.41421, f = 4*sqrt(2) ≈ 5.65685"}, NULL},
    {{"extrema", "x^3 - 3*x", "--from", "0", "--to", "3", NULL}, 0,
     {"global max on the interval: f = 18 at x = 3 (an end of the interval)"}, NULL},
    {{"extrema", "sin(x)", "--from", "0", "--to", "7", NULL}, 0,
     {"grid search on [0, 7], 4000 steps of 0.00175", "x = pi/2 ≈ 1.5708, f = 1: local max",
      "x = pi ≈ 3.14159, f = 0\n", "x = 2*pi ≈ 6.28319, f = 0\n"}, NULL},
    /* closed forms proven by exact substitution into f' (or f''), and none where there is none */
    {{"extrema", "x*ln(x)", "--from", "0.1", "--to", "3", NULL}, 0,
     {"x = 1/e ≈ 0.367879, f = -1/e ≈ -0.367879: local min"}, NULL},
    {{"extrema", "x*exp(-x^2)", "--from", "0", "--to", "3", NULL}, 0,
     {"x = sqrt(2)/2 ≈ 0.707107, f = sqrt(2)/(2*sqrt(e)) ≈ 0.428882", "x = sqrt(6)/2 ≈ 1.22474"}, NULL},
    {{"extrema", "x*exp(-x)", NULL}, 0, {"x = 1, f = 1/e ≈ 0.367879: local max", "x = 2, f = 2/e^2"}, NULL},
    {{"extrema", "exp(x) - 3*x", NULL}, 0, {"x = 1.0986122886681098 ≈ 1.09861, f = -0.2958368660043287 ≈ -0.295837"}, NULL},
    {{"extrema", "abs(x - 1)", NULL}, 0, {"x = 1, f = 0: local min", "f' undefined (f not differentiable here)"}, NULL},
    {{"--format", "json", "extrema", "x^3 - 3*x", NULL}, 0,
     {"\"critical_points\": [{\"x\": -1, \"value\": 2, \"exact\": \"-1\"", "\"kind\": \"max\"",
      "\"global_min\": null", "\"inflection_points\": [{\"x\": 0"}, NULL},
    {{"--format", "json", "extrema", "x^2", "--from", "-1", "--to", "2", NULL}, 0,
     {"\"global_max\": {\"x\": 2, \"value\": 4", "\"where\": \"to\"", "\"global_min\": {\"x\": 0, \"value\": 0"}, NULL},
    {{"extrema", "5", NULL}, 0, {"f is constant"}, NULL},
    {{"extrema", "ln(-x^2-1)", NULL}, 0, {"f is not defined anywhere on [-10, 10]: nothing to search"}, NULL},
    {{"extrema", "relu(x)", NULL}, 0,
     {"x in [-10, 0]: f = 0 throughout: local min", "global min on the interval: f = 0 on all of x in [-10, 0]"},
     NULL},
    {{"--format", "json", "extrema", "relu(x)", NULL}, 0,
     {"\"flat_intervals\": [{\"from\": -10, \"to\": 0, \"value\": 0, \"exact_from\": null, \"exact_to\": \"0\""}, NULL},
    {{"extrema", "x^2", "--from", "2", "--to", "1", NULL}, 2, {NULL}, "dfdx: --from (2) must be less than --to (1)\n"},
    {{"extrema", "x^2", "--from", "2", NULL}, 2, {NULL}, "give both ends"},
    {{"extrema", "x^2", "--from", "y", "--to", "1", NULL}, 2, {NULL}, "dfdx: --from: takes a number or a constant expression like pi/2 (not 'y', which has the variable y)"},
    /* two variables are extrema2's; with --var x the other has no value */
    {{"extrema", "x*y", "--var", "x", NULL}, 2, {NULL}, "function of x alone"},
    {{"extrema", "x^2 +", NULL}, 2, {NULL}, "syntax error"},
};

/* (x - 1)...(x - 179): f and f'' at its 178 critical points are past a double (10^325):
 * each said in six digits, rounded, with the right sign; never inf or nan; f' (a 300 KB sum)
 * shown cut with its length. */
START_TEST(cli_huge_values)
{
    char *f = product(179, false), *out, *err;
    const char *argv[] = {"extrema", f, NULL};
    ck_assert_int_eq(tu_run(argv, NULL, &out, &err), 0);
    ck_assert_msg(!strstr(out, " inf") && !strstr(out, "-inf") && !strstr(out, "nan"), "%.400s", out);
    ck_assert_msg(strstr(out, "x = 1.1647381864495148 ≈ 1.16474, f = 3.88038e+323 (rounded): local max"), "%.600s", out);
    ck_assert_msg(strstr(out, "f''(1.16474) ≈ -1.51314e+325 < 0"), "%.600s", out);
    ck_assert_msg(strstr(out, "characters in all: `dfdx diff` prints it whole)"), "%.600s", out);
    ck_assert_msg(strlen(out) < 60000, "%zu bytes", strlen(out));
    int maxes = 0, mins = 0;
    for (const char *p = out; (p = strstr(p, ": local m")); p++)
        p[9] == 'a' ? maxes++ : mins++;
    ck_assert_int_eq(maxes, 89);
    ck_assert_int_eq(mins, 89);
    free(out);
    free(err);
    free(f);
}
END_TEST

START_TEST(cli_row_test)
{
    const cli_row *w = &cli_rows[_i];
    char *out, *err;
    int st = tu_run(w->argv, NULL, &out, &err);
    ck_assert_msg(st == w->status, "%s: status %d, want %d (%s)", w->argv[1], st, w->status, err);
    for (size_t i = 0; i < N(w->out_has) && w->out_has[i]; i++)
        ck_assert_msg(strstr(out, w->out_has[i]) != NULL, "%s %s: output lacks '%s':\n%s", w->argv[1], w->argv[2],
                      w->out_has[i], out);
    if (w->err_has)
        ck_assert_msg(strstr(err, w->err_has) != NULL, "%s: error lacks '%s': %s", w->argv[1], w->err_has, err);
    else
        ck_assert_msg(err[0] == 0, "%s: unexpected error %s", w->argv[1], err);
    free(out);
    free(err);
}
END_TEST

static Suite *extrema_suite(void)
{
    Suite *s = suite_create("extrema");
    TCase *tc = tcase_create("roots");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, root_row_test, 0, N(root_rows));
    tcase_add_loop_test(tc, chebyshev, 0, 8);
    tcase_add_loop_test(tc, random_products, 0, 20);
    tcase_add_test(tc, wilkinson);
    tcase_add_test(tc, wilkinson_irrational);
    tcase_add_test(tc, degree_100);
    tcase_add_loop_test(tc, nonpoly_row, 0, N(nonpoly_rows));
    tcase_add_loop_test(tc, high_degree_row, 0, N(high_rows));
    tcase_add_test(tc, chebyshev_300);
    suite_add_tcase(s, tc);

    tc = tcase_create("classify");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, crit_row_test, 0, N(crit_rows));
    tcase_add_test(tc, globals);
    tcase_add_test(tc, show);
    tcase_add_loop_test(tc, nasty_row_test, 0, N(nasty_rows));
    tcase_add_loop_test(tc, book_row_test, 0, N(book_rows));
    tcase_add_test(tc, book_points);
    tcase_add_test(tc, pole_not_max);
    suite_add_tcase(s, tc);

    tc = tcase_create("cli");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, cli_row_test, 0, N(cli_rows));
    tcase_add_test(tc, cli_huge_values);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_main(extrema_suite());
}
