/* Differential tests: seeded random expressions over the whole functions table, their
 * derivatives against central differences, dx_simplify and the compiled evaluator against the
 * tree-walking oracle. */
#include "diff.h"
#include "eval.h"
#include "fn.h"
#include "simplify.h"
#include "testutil.h"

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many expressions each seed makes; each is differentiated three times, raw and simplified. */
#define DIFF_EXPRS 150
/* New nodes one derivative may build (as the CLI bounds it): past it the row is skipped. */
#define DIFF_NODES ((size_t)200 * 1000)
/* Tree size above which an expression is not checked: the oracle walks trees, not DAGs. */
#define DIFF_MAX_TREE 3000

static const uint64_t seeds[] = {1, 2, 3, 20240611};

typedef struct {
    uint64_t s;
} rng;

/* xorshift64*: the same expressions on every machine and run. */
static uint32_t next(rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return (uint32_t)((r->s * 0x2545F4914F6CDD1DULL) >> 32);
}

static size_t pick(rng *r, size_t n) { return next(r) % n; }

typedef struct {
    char s[4096];
    size_t n;
} text;

static void put(text *t, const char *s)
{
    size_t k = strlen(s);
    if (t->n + k < sizeof t->s) {
        memcpy(t->s + t->n, s, k + 1);
        t->n += k;
    }
}

/* A random expression in x (and y, held at tu_fixed("y")), as text a student could type: every
 * row of the functions table (log with and without a base), powers with whole, fractional and
 * symbolic exponents, and each operator. depth bounds the nesting. */
static void gen(rng *r, text *t, int depth)
{
    /* factors that cancel between numerator and denominator exercise dx_together */
    static const char *const leaves[] = {"x", "x", "x", "y", "2", "3", "1/2", "pi", "e", "0.5",
                                         "(x - 1)", "(x + 2)", "(x^2 - 1)", "(x^2 + x - 2)"};
    static const char *const exps[] = {"2", "3", "-1", "-2", "1/2", "1/3", "-1/2", "3/2", "2/3", "5"};
    static const char *const bases[] = {"2", "10", "y", "1/3", "(x^2 + 2)"};
    if (depth <= 0) {
        put(t, leaves[pick(r, sizeof leaves / sizeof *leaves)]);
        return;
    }
    switch (pick(r, 10)) {
    case 0:
    case 1:
    case 2: { /* any row of the table, the rewrites (sqrt, exp, log, log10, log2) too */
        const dx_fn *f = &dx_fns[pick(r, (size_t)dx_nfns)];
        put(t, f->name);
        put(t, "(");
        gen(r, t, depth - 1);
        if (f->arity == 2 && (f->min_arity == 2 || pick(r, 2))) {
            put(t, ", ");
            put(t, bases[pick(r, sizeof bases / sizeof *bases)]);
        }
        put(t, ")");
        return;
    }
    case 3:
    case 4: { /* u op v */
        static const char *const ops[] = {" + ", " - ", "*", "/"};
        put(t, "(");
        gen(r, t, depth - 1);
        put(t, ops[pick(r, 4)]);
        gen(r, t, depth - 1);
        put(t, ")");
        return;
    }
    case 5:
    case 6: /* u^n, n a number */
        put(t, "(");
        gen(r, t, depth - 1);
        put(t, ")^(");
        put(t, exps[pick(r, sizeof exps / sizeof *exps)]);
        put(t, ")");
        return;
    case 7: { /* a symbolic exponent over a base that is positive at most points */
        static const char *const pos[] = {"x", "2", "e", "y", "(x^2 + 1)", "(1/3)"};
        put(t, pos[pick(r, sizeof pos / sizeof *pos)]);
        put(t, "^(");
        gen(r, t, depth - 1);
        put(t, ")");
        return;
    }
    case 8:
        put(t, "-");
        gen(r, t, depth - 1);
        return;
    default:
        gen(r, t, 0);
        return;
    }
}

/* Points of x where expressions are compared: both signs, away from 0 and the simple poles. */
static const double pts[] = {-2.7, -1.3, -0.6, -0.35, 0.2, 0.45, 0.7, 0.95, 1.6, 2.4};
#define NPTS (sizeof pts / sizeof pts[0])

/* Tree size of e, at most cap + 1. */
static size_t tree(const dx_expr *e, size_t cap)
{
    size_t n = 1;
    for (uint32_t i = 0; i < e->n && n <= cap; i++)
        n += tree(e->a[i], cap - n);
    return n;
}

/* Is x a point where doubles can be trusted to judge e: every subexpression has a moderate
 * value (no overflow, no absorbed digits, no trigonometric argument so large that rounding
 * changes its sine), and every function and power is used strictly inside its domain, away
 * from kinks and poles (where a difference quotient or rounding says nothing)? seen[] marks
 * the nodes (by id) already judged at this point. */
static bool tame_rec(const dx_expr *e, double x, unsigned char *seen)
{
    if (seen[e->id])
        return true;
    seen[e->id] = 1;
    for (uint32_t i = 0; i < e->n; i++)
        if (!tame_rec(e->a[i], x, seen))
            return false;
    double v = tu_eval(e, "x", x);
    if (!isfinite(v) || fabs(v) > 1e4)
        return false;
    if (e->kind == DX_POW) {
        double b = tu_eval(e->a[0], "x", x);
        const dx_expr *k = e->a[1];
        bool whole = k->kind == DX_NUM && dx_num_is_int(&k->u.num);
        if (k->kind != DX_NUM ? b <= 1e-6 : !whole && fabs(b) <= 1e-6) /* a^u needs a > 0 */
            return false;
    } else if (e->kind == DX_CALL) {
        double u = tu_eval(e->a[0], "x", x);
        switch (e->fn) {
        case DX_SIN: case DX_COS: case DX_TAN: case DX_COT: case DX_SEC: case DX_CSC:
            return fabs(u) < 100 && fabs(sin(u)) > 1e-6 && fabs(cos(u)) > 1e-6;
        case DX_ASIN: case DX_ACOS:
            return fabs(u) < 1 - 1e-6;
        case DX_LN: case DX_ABS: case DX_RELU: case DX_STEP: case DX_SIGN:
            return fabs(u) > 1e-6;
        default:
            break;
        }
    }
    return true;
}

/* The points of pts where e is tame, into out; their number. */
static size_t tame_points(dx_ctx *ctx, const dx_expr *e, double *out)
{
    size_t n = 0, cap = dx_node_count(ctx) + 1;
    unsigned char *seen = malloc(cap);
    ck_assert_ptr_nonnull(seen);
    for (size_t i = 0; i < NPTS; i++) {
        memset(seen, 0, cap);
        if (tame_rec(e, pts[i], seen))
            out[n++] = pts[i];
    }
    free(seen);
    return n;
}

/* Keep the points of at[0..n) where e's value is not rounding noise: a sum of large terms
 * that cancel (a simplified 1 - tanh(u)^2 spread over many terms, say) changes by far more
 * than its slope allows when x moves by a few ulps. Returns how many were kept. */
static size_t quiet_points(const dx_expr *e, double *at, size_t n)
{
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        double v = tu_eval(e, "x", at[i]), lo = v, hi = v;
        for (int j = 1; j <= 4; j++) {
            double w = tu_eval(e, "x", at[i] * (1 + j * 1e-13));
            lo = fmin(lo, w);
            hi = fmax(hi, w);
        }
        if (hi - lo <= 1e-9 * fmax(1.0, fabs(v)))
            at[kept++] = at[i];
    }
    return kept;
}

static bool close_tol(double a, double b, double tol) { return fabs(a - b) <= tol * fmax(1.0, fmax(fabs(a), fabs(b))); }
static bool close_to(double a, double b) { return close_tol(a, b, 1e-8); }

/* dx_simplify keeps the value: wherever e is defined, s is defined and equal. Returns the
 * number of points compared, or -1 with why. */
static int same_value(const dx_expr *e, const dx_expr *s, const double *at, size_t nat, char *why, size_t n)
{
    int compared = 0;
    for (size_t i = 0; i < nat; i++) {
        double p[1] = {at[i]};
        if (quiet_points(e, p, 1) + quiet_points(s, p, 1) < 2)
            continue; /* a form that cancels large terms: its doubles say nothing here */
        double a = tu_eval(e, "x", at[i]), b = tu_eval(s, "x", at[i]);
        if (!close_to(a, b)) {
            snprintf(why, n, "at x = %g: %.15g before simplify, %.15g after", at[i], a, b);
            return -1;
        }
        compared++;
    }
    return compared;
}

/* The compiled evaluator agrees with the oracle wherever the oracle has a finite value (the
 * compiled program must then have one too). Returns the points compared, or -1 with why. */
static int same_compiled(dx_ctx *ctx, const dx_expr *e, const double *at, size_t nat, char *why, size_t n)
{
    static const char *const vars[] = {"x", "y"};
    dx_prog *p = dx_compile(ctx, e, vars, 2);
    if (!p) {
        snprintf(why, n, "compile failed: %.200s", tu_err(ctx));
        return -1;
    }
    int compared = 0;
    for (size_t i = 0; i < nat; i++) {
        double want = tu_eval(e, "x", at[i]), got = NAN, vals[2] = {at[i], tu_fixed("y")};
        dx_ctx_clear_error(ctx);
        dx_status st = dx_prog_eval(p, ctx, vals, &got);
        dx_ctx_clear_error(ctx);
        if (st != DX_OK || !close_to(want, got)) {
            snprintf(why, n, "at x = %g: oracle %.15g, compiled %.15g%s", at[i], want, got,
                     st == DX_OK ? "" : " (a domain error)");
            dx_prog_free(p);
            return -1;
        }
        compared++;
    }
    dx_prog_free(p);
    return compared;
}

/* Exact substitution (dx_subst: rational and pi-multiple points go through the constructors'
 * folding, the exact trigonometric values among them) then evaluation agrees with the oracle
 * at the exact points where e is tame. Returns the points compared, or -1 with why. */
static int same_exact(dx_ctx *ctx, dx_expr *e, char *why, size_t n)
{
    static const char *const exact_pts[] = {"1/2", "-3/2", "2", "pi/6", "pi/4", "2*pi/3", "-pi/3"};
    dx_expr *x = dx_sym(ctx, "x", 1), *y = dx_sym(ctx, "y", 1);
    char ybuf[64];
    snprintf(ybuf, sizeof ybuf, "%.17g", tu_fixed("y"));
    dx_expr *yv = dx_parse(ctx, ybuf, strlen(ybuf));
    int compared = 0;
    for (size_t i = 0; i < sizeof exact_pts / sizeof *exact_pts; i++) {
        double xv, want, got = NAN;
        dx_expr *v = dx_parse(ctx, exact_pts[i], strlen(exact_pts[i]));
        ck_assert_int_eq(dx_eval_const(ctx, v, &xv), DX_OK);
        unsigned char *seen = calloc(dx_node_count(ctx) + 1, 1);
        ck_assert_ptr_nonnull(seen);
        bool tame = tame_rec(e, xv, seen);
        free(seen);
        double p[1] = {xv};
        if (!tame || !quiet_points(e, p, 1))
            continue;
        want = tu_eval(e, "x", xv);
        /* the oracle holds y at tu_fixed("y"): substitute that value (17 digits) */
        dx_expr *c = dx_subst(ctx, dx_subst(ctx, e, x, v), y, yv);
        dx_status st = c ? dx_eval_const(ctx, c, &got) : dx_ctx_error(ctx)->status;
        /* looser: the substituted form is another formula, rounded its own way (the third
         * derivative of asin(abs(x - 1))^3 at pi/4: oracle and substitution are both within
         * 2e-8 of the true value, from either side) */
        if (st != DX_OK || !close_tol(want, got, 1e-6)) {
            snprintf(why, n, "at x = %s: oracle %.15g, exact substitution %.15g%s%.150s", exact_pts[i], want, got,
                     st == DX_OK ? "" : ": ", st == DX_OK ? "" : tu_err(ctx));
            dx_ctx_clear_error(ctx);
            return -1;
        }
        compared++;
    }
    return compared;
}

/* The plain print of e parses back to e itself (the canonical form is unique; a guard
 * prints as its body). */
static bool reads_back(dx_ctx *ctx, dx_expr *e, char *why, size_t n)
{
    char *p = dx_print(ctx, e, DX_PLAIN);
    ck_assert_ptr_nonnull(p);
    dx_expr *back = dx_parse(ctx, p, strlen(p));
    bool ok = back && dx_body(back) == dx_body(e);
    if (!ok) {
        char *q = back ? dx_print(ctx, back, DX_PLAIN) : NULL;
        snprintf(why, n, "printed %.110s, which reads back as %.110s", p, q ? q : tu_err(ctx));
        free(q);
    }
    free(p);
    dx_ctx_clear_error(ctx);
    return ok;
}

/* What one seed compared, to insist that the test did check something. */
typedef struct {
    int rows, derivs, points, simplified, compiled, exact;
} tally;

/* Derivative of order k from d (order k - 1), with the node budget, through the rules with
 * one deliberately broken (slip; DX_SLIP_NONE for the real ones); NULL when it grows past the
 * budget or the oracle's size (the row stops there, and is not a failure). */
static dx_expr *derive(dx_ctx *ctx, dx_expr *d, dx_expr *x, bool simplify, dx_slip slip)
{
    dx_ctx_set_budget(ctx, dx_node_count(ctx) + DIFF_NODES);
    dx_diff_opts o = {.slip = slip};
    dx_expr *r = dx_diff_with(ctx, d, x, &o);
    if (r && simplify)
        r = dx_simplify(ctx, r);
    dx_ctx_set_budget(ctx, DX_DEFAULT_BUDGET);
    if (!r) {
        const dx_error *err = dx_ctx_error(ctx);
        ck_assert_msg(err->status == DX_ELIMIT || err->status == DX_EDOMAIN, "derivative failed: %s", tu_err(tu_ctx));
        dx_ctx_clear_error(ctx);
        return NULL;
    }
    return tree(r, DIFF_MAX_TREE) > DIFF_MAX_TREE ? NULL : r;
}

/* All checks of one expression in ctx: false with the first disagreement in msg (size n). */
static bool check_in(dx_ctx *ctx, const char *src, dx_slip slip, tally *t, char *msg, size_t n)
{
    dx_expr *f = dx_parse(ctx, src, strlen(src));
    if (!f) { /* a constant folded to a domain error (ln(-2), say): nothing to differentiate */
        ck_assert_msg(dx_ctx_error(ctx)->status == DX_EDOMAIN, "%s: %s", src, tu_err(ctx));
        dx_ctx_clear_error(ctx);
        return true;
    }
    if (tree(f, DIFF_MAX_TREE) > DIFF_MAX_TREE)
        return true;
    t->rows++;
    dx_expr *x = dx_sym(ctx, "x", 1);
    char why[256];
    double at[NPTS];
    size_t nat = tame_points(ctx, f, at);
    int k = same_value(f, dx_simplify(ctx, f), at, nat, why, sizeof why);
    int kc = k < 0 ? 0 : same_compiled(ctx, f, at, nat, why, sizeof why);
    int ke = k < 0 || kc < 0 ? 0 : same_exact(ctx, f, why, sizeof why);
    if (k < 0 || kc < 0 || ke < 0) {
        snprintf(msg, n, "%s: %s", src, why);
        return false;
    }
    t->simplified += k;
    t->compiled += kc;
    t->exact += ke;
    for (int simplify = 0; simplify < 2; simplify++) {
        dx_expr *d = f;
        for (int order = 1; order <= 3; order++) {
            dx_expr *dd = derive(ctx, d, x, simplify, slip);
            if (!dd)
                break;
            nat = quiet_points(dd, at, tame_points(ctx, d, at));
            k = tu_check_numeric(d, dd, "x", at, nat, why, sizeof why);
            if (k < 0) {
                char *pd = dx_print(ctx, d, DX_PLAIN), *pdd = dx_print(ctx, dd, DX_PLAIN);
                snprintf(msg, n, "%s, order %d%s: d/dx %.300s = %.300s: %s", src, order,
                         simplify ? " (simplified)" : "", pd, pdd, why);
                free(pd);
                free(pdd);
                return false;
            }
            if (!reads_back(ctx, dd, why, sizeof why)) {
                snprintf(msg, n, "%s, order %d%s: %s", src, order, simplify ? " (simplified)" : "", why);
                return false;
            }
            t->points += k;
            t->derivs += k > 0;
            nat = tame_points(ctx, dd, at);
            if (!simplify) {
                k = same_value(dd, dx_simplify(ctx, dd), at, nat, why, sizeof why);
                if (k < 0) {
                    snprintf(msg, n, "%s, order %d: simplify of the derivative: %s", src, order, why);
                    return false;
                }
                t->simplified += k;
            }
            k = same_compiled(ctx, dd, at, nat, why, sizeof why);
            int ke2 = k < 0 ? 0 : same_exact(ctx, dd, why, sizeof why);
            if (k < 0 || ke2 < 0) {
                snprintf(msg, n, "%s, order %d%s: %s", src, order, simplify ? " (simplified)" : "", why);
                return false;
            }
            t->compiled += k;
            t->exact += ke2;
            d = dd;
        }
    }
    return true;
}

/* check_in with a context of the row's own: node ids stay small, so the per-point tables of
 * tame_points cost little. */
static bool check_row(const char *src, dx_slip slip, tally *t, char *msg, size_t n)
{
    dx_ctx *ctx = dx_ctx_new();
    ck_assert_ptr_nonnull(ctx);
    bool ok = check_in(ctx, src, slip, t, msg, n);
    dx_ctx_free(ctx);
    return ok;
}

/* The next random expression of r, as text in s. */
static void next_expr(rng *r, text *s)
{
    s->n = 0;
    s->s[0] = 0;
    gen(r, s, 1 + (int)pick(r, 4));
}

START_TEST(random_derivatives)
{
    rng r = {seeds[_i] * 0x9E3779B97F4A7C15ULL + 1};
    tally t = {0};
    char msg[1024];
    for (int i = 0; i < DIFF_EXPRS; i++) {
        text s;
        next_expr(&r, &s);
        ck_assert_msg(check_row(s.s, DX_SLIP_NONE, &t, msg, sizeof msg), "seed %llu: %s",
                      (unsigned long long)seeds[_i], msg);
    }
    /* the generator must keep producing checkable rows: most derivatives compared somewhere */
    ck_assert_msg(t.rows >= DIFF_EXPRS * 8 / 10, "seed %llu: only %d rows", (unsigned long long)seeds[_i], t.rows);
    ck_assert_msg(t.derivs >= t.rows * 3, "seed %llu: only %d derivatives compared for %d rows",
                  (unsigned long long)seeds[_i], t.derivs, t.rows);
    ck_assert_msg(t.simplified >= t.rows * 10 && t.compiled >= t.rows * 10, "seed %llu: %d simplified, %d compiled",
                  (unsigned long long)seeds[_i], t.simplified, t.compiled);
}
END_TEST

/* The checks can fail: with each rule broken on purpose (diff.h's slips), the first seed's
 * expressions find it. */
START_TEST(slips_are_caught)
{
    dx_slip slip = (dx_slip)(_i + 1);
    rng r = {seeds[0] * 0x9E3779B97F4A7C15ULL + 1};
    tally t = {0};
    char msg[1024];
    bool caught = false;
    for (int i = 0; i < DIFF_EXPRS && !caught; i++) {
        text s;
        next_expr(&r, &s);
        caught = !check_row(s.s, slip, &t, msg, sizeof msg);
    }
    ck_assert_msg(caught, "slip %s went unnoticed", dx_msg_template(dx_slip_name(slip)));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("differential");
    TCase *tc = tcase_create("random");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, random_derivatives, 0, sizeof seeds / sizeof seeds[0]);
    /* the slips that break a rule: DX_SLIP_SIGN (answer.c negates the result) is not one */
    tcase_add_loop_test(tc, slips_are_caught, 0, DX_SLIP_SIGN - 1);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
