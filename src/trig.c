/* Trigonometric identities for the simplifier: reciprocal, quotient and Pythagorean. */
#include "trig.h"
#include "alloc.h"
#include "fn.h"
#include "map.h"
#include "simplify.h"

/* Factors of a product, and terms of a sum, past which no identity is tried. */
#define DX_TRIG_MAX_ITEMS 32
/* Largest exponent of a trigonometric factor that is counted (sin(x)^1000 is left alone). */
#define DX_TRIG_MAX_EXP 1000

static bool trig_fn(int fn) { return fn >= DX_SIN && fn <= DX_CSC; }

/* f as F(u)^k, F one of the six functions, k whole and small: F's id, u and k; else -1. */
static int trig_power(const dx_expr *f, dx_expr **u, int64_t *k)
{
    const dx_expr *base = f->kind == DX_POW ? f->a[0] : f;
    if (base->kind != DX_CALL || !trig_fn(base->fn))
        return -1;
    *k = 1;
    if (f != base && (f->a[1]->kind != DX_NUM || !dx_num_get_int(&f->a[1]->u.num, k) || *k > DX_TRIG_MAX_EXP ||
                      *k < -DX_TRIG_MAX_EXP))
        return -1;
    *u = base->a[0];
    return base->fn;
}

/* Powers of sin and cos each function is: tan = sin/cos, sec = 1/cos. ORDER FN. */
static const int8_t sin_pow[] = {1, 0, 1, -1, 0, -1}, cos_pow[] = {0, 1, -1, 1, -1, 0};

static dx_expr *fn_pow(dx_ctx *ctx, int fn, dx_expr *u, int64_t k)
{
    return dx_pow(ctx, dx_call(ctx, fn, u), dx_int(ctx, k));
}

/* sin(u)^p*cos(u)^q in the fewest factors: a quotient as tan or cot, what is left below the
 * bar as sec or csc. */
static dx_expr *sin_cos_form(dx_ctx *ctx, dx_expr *u, int64_t p, int64_t q)
{
    dx_expr *one = dx_int(ctx, 1);
    if (p > 0 && q < 0) {
        int64_t t = p < -q ? p : -q;
        return dx_mul(ctx, fn_pow(ctx, DX_TAN, u, t), p > t ? fn_pow(ctx, DX_SIN, u, p - t) : q < -t ? fn_pow(ctx, DX_SEC, u, -q - t) : one);
    }
    if (p < 0 && q > 0) {
        int64_t t = -p < q ? -p : q;
        return dx_mul(ctx, fn_pow(ctx, DX_COT, u, t), q > t ? fn_pow(ctx, DX_COS, u, q - t) : p < -t ? fn_pow(ctx, DX_CSC, u, -p - t) : one);
    }
    return dx_mul(ctx, p < 0 ? fn_pow(ctx, DX_CSC, u, -p) : fn_pow(ctx, DX_SIN, u, p),
                  q < 0 ? fn_pow(ctx, DX_SEC, u, -q) : fn_pow(ctx, DX_COS, u, q));
}

dx_expr *dx_trig_product(dx_ctx *ctx, dx_expr *e, bool fewer)
{
    if (!e)
        return NULL;
    uint32_t n = e->kind == DX_MUL ? e->n : 1;
    dx_expr *const *f = e->kind == DX_MUL ? e->a : &e;
    if (n > DX_TRIG_MAX_ITEMS)
        return e;
    dx_expr *out[DX_TRIG_MAX_ITEMS];
    bool done[DX_TRIG_MAX_ITEMS] = {false};
    uint32_t m = 0;
    bool any = false;
    for (uint32_t i = 0; i < n; i++) {
        dx_expr *u;
        int64_t k;
        if (done[i])
            continue;
        int fn = trig_power(f[i], &u, &k);
        if (fn < 0) {
            out[m++] = f[i];
            continue;
        }
        /* every factor of the same argument, as powers of sin and cos */
        int64_t p = 0, q = 0;
        uint32_t count = 0;
        for (uint32_t j = i; j < n; j++) {
            dx_expr *w;
            int64_t kj;
            int fj = trig_power(f[j], &w, &kj);
            if (fj < 0 || w != u)
                continue;
            done[j] = true;
            p += sin_pow[fj] * kj;
            q += cos_pow[fj] * kj;
            count++;
        }
        /* inside a formula only fewer factors: 1/sin(x)^10 as csc(x)^10, or sin(x)/cos(x)^2
         * as tan(x)*sec(x), hides it from the sin(x) and cos(x) of the formula around it */
        out[m] = sin_cos_form(ctx, u, p, q);
        if (!out[m])
            return NULL;
        uint32_t now = out[m]->kind == DX_MUL ? out[m]->n : !dx_is_int(out[m], 1);
        any |= now < count || (!fewer && (count > 1 || k < 0));
        m++;
    }
    return any ? dx_mul_n(ctx, out, m) : e;
}

/* The Pythagorean identity for F^2 (ORDER FN): sin^2 = 1 - cos^2, tan^2 = sec^2 - 1, ... */
static const struct {
    int8_t other, c0, c2; /* F(u)^2 = c0 + c2*other(u)^2 */
} pythagorean[] = {
    {DX_COS, 1, -1}, {DX_SIN, 1, -1}, {DX_SEC, -1, 1}, {DX_CSC, -1, 1}, {DX_TAN, 1, 1}, {DX_COT, 1, 1},
};

static uint32_t terms_of(const dx_expr *e) { return e->kind == DX_ADD ? e->n : dx_is_int(e, 0) ? 0 : 1; }

/* sum with F(u)^2 rewritten by its identity in every term that has F(u)^k, k >= 2, those
 * terms multiplied out. */
static dx_expr *rewrite_square(dx_ctx *ctx, const dx_expr *sum, int fn, dx_expr *u)
{
    dx_expr *square = fn_pow(ctx, fn, u, 2);
    dx_expr *other = dx_add(ctx, dx_int(ctx, pythagorean[fn].c0),
                            dx_mul(ctx, dx_int(ctx, pythagorean[fn].c2), fn_pow(ctx, pythagorean[fn].other, u, 2)));
    dx_expr *swap = dx_mul(ctx, other, dx_pow(ctx, square, dx_int(ctx, -1)));
    if (!swap)
        return NULL;
    dx_expr *t[DX_TRIG_MAX_ITEMS * 4];
    uint32_t m = 0;
    for (uint32_t i = 0; i < sum->n; i++) {
        const dx_expr *term = sum->a[i];
        uint32_t nf = term->kind == DX_MUL ? term->n : 1;
        bool has = false;
        for (uint32_t j = 0; j < nf && !has; j++) {
            dx_expr *w;
            int64_t k;
            has = trig_power(term->kind == DX_MUL ? term->a[j] : term, &w, &k) == fn && w == u && k >= 2;
        }
        dx_expr *r = has ? dx_expand(ctx, dx_mul(ctx, (dx_expr *)term, swap)) : (dx_expr *)term;
        if (!r)
            return NULL;
        uint32_t nr = r->kind == DX_ADD ? r->n : 1;
        if (m + nr > sizeof t / sizeof *t)
            return (dx_expr *)sum; /* more terms than it had: no shorter sum */
        for (uint32_t j = 0; j < nr; j++)
            t[m++] = r->kind == DX_ADD ? r->a[j] : r;
    }
    return dx_add_n(ctx, t, m);
}

dx_expr *dx_trig_pythagoras(dx_ctx *ctx, dx_expr *sum)
{
    /* each round takes the rewrite that drops most terms; a few rounds reach the textbook form */
    for (int round = 0; round < 4 && sum && sum->kind == DX_ADD && sum->n <= DX_TRIG_MAX_ITEMS; round++) {
        dx_expr *best = sum;
        /* each F(u) once, however many terms have its square: the rewrite is of the whole sum */
        struct {
            int fn;
            const dx_expr *u;
        } tried[DX_TRIG_MAX_ITEMS];
        uint32_t ntried = 0;
        for (uint32_t i = 0; i < sum->n; i++) {
            const dx_expr *term = sum->a[i];
            uint32_t nf = term->kind == DX_MUL ? term->n : 1;
            for (uint32_t j = 0; j < nf; j++) {
                dx_expr *u;
                int64_t k;
                int fn = trig_power(term->kind == DX_MUL ? term->a[j] : term, &u, &k);
                if (fn < 0 || k < 2)
                    continue;
                uint32_t t = 0;
                while (t < ntried && !(tried[t].fn == fn && tried[t].u == u))
                    t++;
                if (t < ntried)
                    continue;
                if (ntried < DX_TRIG_MAX_ITEMS) { /* past it, a pair may be tried twice: same result */
                    tried[ntried].fn = fn;
                    tried[ntried++].u = u;
                }
                dx_expr *r = rewrite_square(ctx, sum, fn, u);
                if (!r)
                    return NULL;
                if (terms_of(r) < terms_of(best))
                    best = r;
            }
        }
        if (best == sum)
            break;
        sum = best;
    }
    return sum;
}

/* sin(u)^p*cos(u)^q for one of the four other functions. */
static dx_expr *through_sin_cos(dx_ctx *ctx, int fn, dx_expr *u)
{
    dx_expr *s = dx_pow(ctx, dx_call(ctx, DX_SIN, u), dx_int(ctx, sin_pow[fn]));
    return dx_mul(ctx, s, dx_pow(ctx, dx_call(ctx, DX_COS, u), dx_int(ctx, cos_pow[fn])));
}

/* e with fn applied to every node, children first (calls, sums, products and powers rebuilt
 * through the constructors). */
static dx_expr *map_rec(dx_ctx *ctx, dx_map *memo, dx_expr *e, dx_expr *(*fn)(dx_ctx *, dx_expr *))
{
    if (!e || e->n == 0 || e->kind == DX_GUARD || e->kind == DX_COND)
        return e;
    dx_expr *r = dx_map_get(memo, e);
    if (r)
        return r;
    if (e->n > DX_TRIG_MAX_ITEMS * 4)
        return e;
    dx_expr *a[DX_TRIG_MAX_ITEMS * 4];
    for (uint32_t i = 0; i < e->n; i++)
        if (!(a[i] = map_rec(ctx, memo, e->a[i], fn)))
            return NULL;
    r = e->kind == DX_CALL ? dx_call(ctx, e->fn, a[0]) : e->kind == DX_ADD ? dx_add_n(ctx, a, e->n)
      : e->kind == DX_MUL ? dx_mul_n(ctx, a, e->n) : dx_pow(ctx, a[0], a[1]);
    r = fn(ctx, r);
    if (r && !dx_map_put(memo, e, r))
        return dx_oom(ctx);
    return r;
}

static dx_expr *map_all(dx_ctx *ctx, dx_expr *e, dx_expr *(*fn)(dx_ctx *, dx_expr *))
{
    dx_map memo;
    dx_map_init(&memo);
    dx_expr *r = map_rec(ctx, &memo, e, fn);
    dx_map_free(&memo);
    return r;
}

static dx_expr *product_any(dx_ctx *ctx, dx_expr *e) { return dx_trig_product(ctx, e, false); }

dx_expr *dx_trig_everywhere(dx_ctx *ctx, dx_expr *e) { return map_all(ctx, e, product_any); }

/* tan, cot, sec or csc of u through sin(u) and cos(u); anything else as it is. */
static dx_expr *sincos_one(dx_ctx *ctx, dx_expr *e)
{
    if (e->kind != DX_CALL || !trig_fn(e->fn) || e->fn <= DX_COS)
        return e;
    return through_sin_cos(ctx, e->fn, e->a[0]);
}

dx_expr *dx_trig_sincos(dx_ctx *ctx, dx_expr *e) { return map_all(ctx, e, sincos_one); }
