/* Polynomials with exact rational coefficients: expansion from expressions, and real roots. */
#include "poly.h"
#include "alloc.h"

#include <float.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- coefficient arrays ------------------------------------------------------------ */

void dx_poly_init(dx_poly *p)
{
    p->n = 0;
    p->c = NULL;
}

void dx_poly_clear(dx_poly *p)
{
    for (int i = 0; i < p->n; i++)
        mpq_clear(p->c[i]);
    dx_free(p->c);
    p->n = 0;
    p->c = NULL;
}

/* Exactly n coefficients, new ones 0. The array is GMP memory like the numbers in it: it
 * does not fail, a shortage is reported to the context (alloc.h), so the arithmetic below
 * needs no failure paths. */
static void set_n(dx_poly *p, int n)
{
    for (int i = n; i < p->n; i++)
        mpq_clear(p->c[i]);
    if (n != p->n) {
        mpq_t *c = n ? dx_gmp_realloc(p->c, sizeof *c * (size_t)p->n, sizeof *c * (size_t)n) : (dx_free(p->c), NULL);
        p->c = c;
    }
    for (int i = p->n; i < n; i++)
        mpq_init(p->c[i]);
    p->n = n;
}

/* Drop leading zero coefficients so c[n-1] != 0. */
static void trim(dx_poly *p)
{
    int n = p->n;
    while (n > 0 && mpq_sgn(p->c[n - 1]) == 0)
        n--;
    set_n(p, n);
}

static void copy(dx_poly *out, const dx_poly *p)
{
    if (out == p)
        return;
    set_n(out, p->n);
    for (int i = 0; i < p->n; i++)
        mpq_set(out->c[i], p->c[i]);
}

static void set_const(dx_poly *p, long v)
{
    set_n(p, 1);
    mpq_set_si(p->c[0], v, 1);
    trim(p);
}

/* out = a + b (out may alias either). */
static void add(dx_poly *out, const dx_poly *a, const dx_poly *b)
{
    const dx_poly *lo = a->n < b->n ? a : b, *hi = a->n < b->n ? b : a;
    dx_poly t;
    dx_poly_init(&t);
    copy(&t, hi);
    for (int i = 0; i < lo->n; i++)
        mpq_add(t.c[i], t.c[i], lo->c[i]);
    dx_poly_clear(out);
    *out = t;
    trim(out);
}

/* out = a * b (out may alias either). */
static void mul(dx_poly *out, const dx_poly *a, const dx_poly *b)
{
    dx_poly t;
    dx_poly_init(&t);
    if (a->n && b->n) {
        set_n(&t, a->n + b->n - 1);
        mpq_t m;
        mpq_init(m);
        for (int i = 0; i < a->n; i++) {
            if (mpq_sgn(a->c[i]) == 0)
                continue;
            for (int j = 0; j < b->n; j++) {
                mpq_mul(m, a->c[i], b->c[j]);
                mpq_add(t.c[i + j], t.c[i + j], m);
            }
        }
        mpq_clear(m);
    }
    dx_poly_clear(out);
    *out = t;
    trim(out);
}

static void num_to_mpq(mpq_t out, const dx_num *a)
{
    if (a->z) {
        mpq_set(out, a->z);
    } else {
        mpz_set_si(mpq_numref(out), a->n);
        mpz_set_si(mpq_denref(out), a->d);
    }
}

/* ---- expansion -------------------------------------------------------------------- */

/* Largest coefficient size built by expansion, in bits: num.c's bound on exact numbers. */
#define POLY_MAX_BITS (1u << 18)

/* Bits of p's largest numerator or denominator. */
static size_t max_bits(const dx_poly *p)
{
    size_t m = 0;
    for (int i = 0; i < p->n; i++) {
        size_t a = mpz_sizeinbase(mpq_numref(p->c[i]), 2), b = mpz_sizeinbase(mpq_denref(p->c[i]), 2);
        m = a > m ? a : m;
        m = b > m ? b : m;
    }
    return m;
}

/* What one expansion may do: the degree, the nodes visited (a DAG's shared nodes are
 * expanded once per path), and whether the degree alone stopped it. */
typedef struct expansion {
    int max_deg;
    long budget;
    bool over;
    bool count; /* products count as dx_work (extrema's large degrees; the simplifier's
                 * small ones stay out of its budget) */
} expansion;

/* Work units of a product of polynomials with na and nb coefficients: mpq products and sums
 * of about a microsecond each. */
static uint64_t mul_units(const dx_poly *a, const dx_poly *b)
{
    return 1 + (uint64_t)a->n * (uint64_t)b->n * (1 + max_bits(a) / 64 + max_bits(b) / 64) / 2;
}

/* Recursion over the expression, expanding as it goes. */
static int build(dx_ctx *ctx, const dx_expr *e, const dx_expr *var, dx_poly *out, expansion *x)
{
    if (--x->budget < 0)
        return 0;
    if (e == var) { /* a variable, or a kernel such as sec(x) standing for one */
        set_n(out, 2);
        mpq_set_ui(out->c[0], 0, 1);
        mpq_set_ui(out->c[1], 1, 1);
        return 1;
    }
    switch ((dx_kind)e->kind) {
    case DX_NUM:
        set_n(out, 1);
        num_to_mpq(out->c[0], &e->u.num);
        trim(out);
        return 1;
    case DX_SYM:
        return 0; /* another variable */
    case DX_ADD:
    case DX_MUL: {
        bool sum = e->kind == DX_ADD;
        set_const(out, sum ? 0 : 1);
        dx_poly t;
        dx_poly_init(&t);
        int ok = 1;
        for (uint32_t i = 0; i < e->n && ok == 1; i++) {
            ok = build(ctx, e->a[i], var, &t, x);
            if (ok != 1)
                break;
            if (!sum && dx_poly_deg(out) + dx_poly_deg(&t) > x->max_deg)
                ok = 0, x->over = true;
            else if (!sum && x->count && !dx_work(ctx, mul_units(out, &t)))
                ok = -1;
            else if (sum)
                add(out, out, &t);
            else
                mul(out, out, &t);
        }
        dx_poly_clear(&t);
        return ok;
    }
    case DX_POW: {
        const dx_expr *k = e->a[1];
        int64_t v;
        if (k->kind != DX_NUM || !dx_num_get_int(&k->u.num, &v) || v < 0)
            return 0;
        dx_poly base;
        dx_poly_init(&base);
        int ok = build(ctx, e->a[0], var, &base, x);
        if (ok == 1 && dx_poly_deg(&base) > 0 && v > x->max_deg / dx_poly_deg(&base))
            ok = 0, x->over = true;
        /* a number to a power the constructors left unfolded as too large (c^9999992) would
         * take minutes and gigabytes here: the same bound on the coefficients' size */
        if (ok == 1 && (double)v * (double)max_bits(&base) > POLY_MAX_BITS)
            ok = 0;
        if (ok == 1) {
            /* square and multiply: (x+1)^1000 in ten squarings */
            set_const(out, 1);
            for (int64_t bit = v; bit > 0 && ok == 1; bit >>= 1) {
                if (bit & 1 && x->count && !dx_work(ctx, mul_units(out, &base)))
                    ok = -1;
                else if (bit & 1)
                    mul(out, out, &base);
                if (bit > 1 && ok == 1 && x->count && !dx_work(ctx, mul_units(&base, &base)))
                    ok = -1;
                else if (bit > 1 && ok == 1)
                    mul(&base, &base, &base);
            }
        }
        dx_poly_clear(&base);
        return ok;
    }
    case DX_CONST:
    case DX_CALL:
    case DX_GUARD: /* x^3/x is no polynomial: it is undefined at 0 */
    case DX_COND:
        return 0;
    }
    return 0;
}

int dx_poly_from_expr_deg(dx_ctx *ctx, const dx_expr *e, const dx_expr *var, int max_deg, dx_poly *out,
                          bool *over)
{
    expansion x = {max_deg, 200000, false, max_deg > DX_POLY_MAX_DEG};
    set_n(out, 0);
    int ok = build(ctx, e, var, out, &x);
    if (ok != 1)
        set_n(out, 0);
    if (over)
        *over = ok == 0 && x.over;
    return ok;
}

int dx_poly_from_expr(dx_ctx *ctx, const dx_expr *e, const dx_expr *var, dx_poly *out)
{
    return dx_poly_from_expr_deg(ctx, e, var, DX_POLY_MAX_DEG, out, NULL);
}

/* ---- calculus and evaluation ------------------------------------------------------ */

void dx_poly_deriv(dx_poly *out, const dx_poly *p)
{
    dx_poly t;
    dx_poly_init(&t);
    if (p->n > 1) {
        set_n(&t, p->n - 1);
        for (int i = 1; i < p->n; i++) {
            mpq_set_si(t.c[i - 1], i, 1);
            mpq_mul(t.c[i - 1], t.c[i - 1], p->c[i]);
        }
    }
    dx_poly_clear(out);
    *out = t;
}

void dx_poly_eval_q(mpq_t out, const dx_poly *p, const mpq_t x)
{
    mpq_t acc;
    mpq_init(acc);
    for (int i = p->n - 1; i >= 0; i--) {
        mpq_mul(acc, acc, x);
        mpq_add(acc, acc, p->c[i]);
    }
    mpq_set(out, acc);
    mpq_clear(acc);
}

double dx_poly_eval_d(const dx_poly *p, double x)
{
    double acc = 0;
    for (int i = p->n - 1; i >= 0; i--)
        acc = acc * x + mpq_get_d(p->c[i]);
    return acc;
}

/* ---- exact division and gcd over Q ------------------------------------------------- */

/* q = a / b, r = a mod b (b not zero; q or r may be NULL). */
static void divrem(dx_poly *q, dx_poly *r, const dx_poly *a, const dx_poly *b)
{
    dx_poly rem, quo;
    dx_poly_init(&rem);
    dx_poly_init(&quo);
    copy(&rem, a);
    int db = dx_poly_deg(b);
    if (dx_poly_deg(a) >= db)
        set_n(&quo, a->n - db);
    mpq_t f, m;
    mpq_init(f);
    mpq_init(m);
    while (dx_poly_deg(&rem) >= db) {
        int shift = dx_poly_deg(&rem) - db;
        mpq_div(f, rem.c[rem.n - 1], b->c[b->n - 1]);
        mpq_set(quo.c[shift], f);
        for (int i = 0; i < b->n; i++) {
            mpq_mul(m, f, b->c[i]);
            mpq_sub(rem.c[i + shift], rem.c[i + shift], m);
        }
        mpq_set_ui(rem.c[rem.n - 1], 0, 1); /* exactly zero, whatever rounding could not do */
        trim(&rem);
    }
    mpq_clear(f);
    mpq_clear(m);
    trim(&quo);
    if (q) {
        dx_poly_clear(q);
        *q = quo;
    } else {
        dx_poly_clear(&quo);
    }
    if (r) {
        dx_poly_clear(r);
        *r = rem;
    } else {
        dx_poly_clear(&rem);
    }
}

static void make_monic(dx_poly *p)
{
    if (!p->n)
        return;
    mpq_t lead;
    mpq_init(lead);
    mpq_set(lead, p->c[p->n - 1]);
    for (int i = 0; i < p->n; i++)
        mpq_div(p->c[i], p->c[i], lead);
    mpq_clear(lead);
}

/* Monic gcd by Euclid's algorithm; every remainder is made monic so the numbers stay the
 * size of the subresultants instead of growing with each step. */
static void gcd(dx_poly *out, const dx_poly *a, const dx_poly *b)
{
    dx_poly x, y, r;
    dx_poly_init(&x);
    dx_poly_init(&y);
    dx_poly_init(&r);
    copy(&x, a);
    copy(&y, b);
    make_monic(&x);
    make_monic(&y);
    while (y.n) {
        divrem(NULL, &r, &x, &y);
        make_monic(&r);
        dx_poly_clear(&x);
        x = y;
        y = r;
        dx_poly_init(&r);
    }
    dx_poly_clear(&y);
    dx_poly_clear(out);
    *out = x;
}

void dx_poly_divrem(dx_poly *q, dx_poly *r, const dx_poly *a, const dx_poly *b) { divrem(q, r, a, b); }
void dx_poly_add(dx_poly *out, const dx_poly *a, const dx_poly *b) { add(out, a, b); }
void dx_poly_mul(dx_poly *out, const dx_poly *a, const dx_poly *b) { mul(out, a, b); }

void dx_poly_scale(dx_poly *out, const dx_poly *a, const mpq_t q)
{
    copy(out, a);
    for (int i = 0; i < out->n; i++)
        mpq_mul(out->c[i], out->c[i], q);
    trim(out);
}
void dx_poly_gcd(dx_poly *out, const dx_poly *a, const dx_poly *b) { gcd(out, a, b); }

void dx_poly_primitive(dx_poly *p, mpq_t factor)
{
    mpq_set_si(factor, 1, 1);
    if (!p->n)
        return;
    /* content = gcd of numerators / lcm of denominators, signed like the leading term */
    mpz_t num, den;
    mpz_init_set_ui(num, 0);
    mpz_init_set_ui(den, 1);
    for (int i = 0; i < p->n; i++) {
        mpz_gcd(num, num, mpq_numref(p->c[i]));
        mpz_lcm(den, den, mpq_denref(p->c[i]));
    }
    if (mpq_sgn(p->c[p->n - 1]) < 0)
        mpz_neg(num, num);
    mpz_set(mpq_numref(factor), num);
    mpz_set(mpq_denref(factor), den);
    mpq_canonicalize(factor);
    for (int i = 0; i < p->n; i++)
        mpq_div(p->c[i], p->c[i], factor);
    mpz_clear(num);
    mpz_clear(den);
}

dx_expr *dx_poly_to_expr(dx_ctx *ctx, const dx_poly *p, dx_expr *var)
{
    if (!p->n)
        return dx_int(ctx, 0);
    dx_expr **t = dx_malloc((size_t)p->n * sizeof *t);
    if (!t)
        return dx_oom(ctx);
    size_t n = 0;
    for (int k = 0; k < p->n; k++) {
        if (mpq_sgn(p->c[k]) == 0)
            continue;
        dx_num c = dx_num_from_mpq(p->c[k]);
        dx_expr *num = dx_number(ctx, &c);
        dx_num_clear(&c);
        t[n++] = k == 0 ? num : dx_mul(ctx, num, dx_pow(ctx, var, dx_int(ctx, k)));
    }
    dx_expr *r = dx_add_n(ctx, t, n);
    dx_free(t);
    return r;
}

/* ---- integer polynomials for Descartes' rule --------------------------------------- */

typedef struct zpoly {
    int n;
    mpz_t *c;
} zpoly;

static void z_init(zpoly *z, int n)
{
    z->n = n;
    z->c = dx_gmp_alloc(sizeof *z->c * (size_t)(n ? n : 1)); /* as set_n */
    for (int i = 0; i < n; i++)
        mpz_init(z->c[i]);
}

static void z_clear(zpoly *z)
{
    for (int i = 0; i < z->n; i++)
        mpz_clear(z->c[i]);
    dx_free(z->c);
    z->c = NULL;
    z->n = 0;
}

static void z_copy(zpoly *out, const zpoly *z)
{
    z_init(out, z->n);
    for (int i = 0; i < z->n; i++)
        mpz_set(out->c[i], z->c[i]);
}

/* z_copy with room for each coefficient to grow by n bits, as a Taylor shift's sums can (the
 * additions then never reallocate). */
static void z_copy_shift(zpoly *out, const zpoly *z)
{
    out->n = z->n;
    out->c = dx_gmp_alloc(sizeof *out->c * (size_t)(z->n ? z->n : 1)); /* as set_n */
    size_t big = 0;
    for (int i = 0; i < z->n; i++)
        if (mpz_sizeinbase(z->c[i], 2) > big)
            big = mpz_sizeinbase(z->c[i], 2);
    for (int i = 0; i < z->n; i++) {
        mpz_init2(out->c[i], (mp_bitcnt_t)(big + (size_t)z->n + 1));
        mpz_set(out->c[i], z->c[i]);
    }
}

/* The primitive integer polynomial with the same roots as p. */
static void z_from(zpoly *z, const dx_poly *p)
{
    mpz_t l, g;
    mpz_init_set_ui(l, 1);
    mpz_init_set_ui(g, 0);
    for (int i = 0; i < p->n; i++)
        mpz_lcm(l, l, mpq_denref(p->c[i]));
    z_init(z, p->n);
    for (int i = 0; i < p->n; i++) {
        mpz_divexact(z->c[i], l, mpq_denref(p->c[i]));
        mpz_mul(z->c[i], z->c[i], mpq_numref(p->c[i]));
        mpz_gcd(g, g, z->c[i]);
    }
    for (int i = 0; i < p->n && mpz_sgn(g); i++)
        mpz_divexact(z->c[i], z->c[i], g);
    mpz_clear(l);
    mpz_clear(g);
}

/* ---- square-free factorisation over the integers ---------------------------------- */

/* Drop leading zero coefficients (n == 0 for the zero polynomial). */
static void z_trim(zpoly *z)
{
    while (z->n > 0 && mpz_sgn(z->c[z->n - 1]) == 0)
        mpz_clear(z->c[--z->n]);
}

/* Divide by the content and make the leading coefficient positive. */
static void z_prim(zpoly *z)
{
    if (!z->n)
        return;
    mpz_t g;
    mpz_init(g);
    for (int i = 0; i < z->n && mpz_cmp_ui(g, 1) != 0; i++)
        mpz_gcd(g, g, z->c[i]);
    if (mpz_sgn(z->c[z->n - 1]) < 0)
        mpz_neg(g, g);
    if (mpz_cmp_ui(g, 1) != 0)
        for (int i = 0; i < z->n; i++)
            mpz_divexact(z->c[i], z->c[i], g);
    mpz_clear(g);
}

/* out = z' (out fresh). */
static void z_deriv(zpoly *out, const zpoly *z)
{
    z_init(out, z->n > 1 ? z->n - 1 : 0);
    for (int i = 1; i < z->n; i++)
        mpz_mul_ui(out->c[i - 1], z->c[i], (unsigned long)i);
    z_trim(out);
}

/* out = a - b (out fresh). */
static void z_sub(zpoly *out, const zpoly *a, const zpoly *b)
{
    z_init(out, a->n > b->n ? a->n : b->n);
    for (int i = 0; i < a->n; i++)
        mpz_set(out->c[i], a->c[i]);
    for (int i = 0; i < b->n; i++)
        mpz_sub(out->c[i], out->c[i], b->c[i]);
    z_trim(out);
}

/* a becomes a pseudo-remainder of a by b (b not zero): each step scales a by
 * lc(b)/g and subtracts lc(a)/g x^s b, g = gcd of the two leading coefficients. */
static void z_prem(zpoly *a, const zpoly *b)
{
    int db = b->n - 1;
    mpz_t g, fa, fb;
    mpz_inits(g, fa, fb, NULL);
    while (a->n > db && a->n > 0) {
        int s = a->n - 1 - db;
        mpz_gcd(g, a->c[a->n - 1], b->c[db]);
        mpz_divexact(fa, a->c[a->n - 1], g);
        mpz_divexact(fb, b->c[db], g);
        if (mpz_cmp_ui(fb, 1) != 0)
            for (int i = 0; i < a->n - 1; i++)
                mpz_mul(a->c[i], a->c[i], fb);
        for (int i = 0; i < db; i++)
            mpz_submul(a->c[i + s], fa, b->c[i]);
        mpz_set_ui(a->c[a->n - 1], 0);
        z_trim(a);
    }
    mpz_clears(g, fa, fb, NULL);
}

/* out = the primitive gcd of a and b (not both zero), leading coefficient positive, by
 * the primitive remainder sequence: integers throughout, no rational canonicalisation. */
static void z_gcd_prs(zpoly *out, const zpoly *a, const zpoly *b)
{
    zpoly x, y, t;
    z_copy(&x, a);
    z_copy(&y, b);
    z_trim(&x);
    z_trim(&y);
    if (x.n < y.n) {
        t = x;
        x = y;
        y = t;
    }
    z_prim(&x);
    z_prim(&y);
    while (y.n > 1) {
        z_prem(&x, &y);
        z_prim(&x);
        t = x;
        x = y;
        y = t;
    }
    if (y.n == 1) { /* a non-zero constant: coprime */
        z_clear(&x);
        z_init(&x, 1);
        mpz_set_ui(x.c[0], 1);
    }
    z_clear(&y);
    *out = x;
}

/* Whether b (not zero) divides a over Z: long division, each leading coefficient divided
 * exactly or the answer is no. */
static bool z_divides(const zpoly *a, const zpoly *b)
{
    zpoly r;
    z_copy(&r, a);
    z_trim(&r);
    int db = b->n - 1;
    bool ok = true;
    mpz_t q;
    mpz_init(q);
    while (ok && r.n > db && r.n > 0) {
        int s = r.n - 1 - db;
        ok = mpz_divisible_p(r.c[r.n - 1], b->c[db]);
        if (!ok)
            break;
        mpz_divexact(q, r.c[r.n - 1], b->c[db]);
        for (int i = 0; i < db; i++)
            mpz_submul(r.c[i + s], q, b->c[i]);
        mpz_set_ui(r.c[r.n - 1], 0);
        z_trim(&r);
    }
    ok = ok && r.n == 0;
    mpz_clear(q);
    z_clear(&r);
    return ok;
}

/* Bits of z's largest coefficient. */
static size_t z_norm_bits(const zpoly *z)
{
    size_t m = 0;
    for (int i = 0; i < z->n; i++)
        if (mpz_sizeinbase(z->c[i], 2) > m)
            m = mpz_sizeinbase(z->c[i], 2);
    return m;
}

/* The heuristic gcd (Char, Geddes and Gonnet): with x = 2^k > 1 + 2 min(|a|, |b|) (largest
 * coefficients), the primitive polynomial h whose balanced base-x digits are
 * gcd(a(x), b(x)) is gcd(a, b) exactly when it divides both; GMP's subquadratic integer gcd
 * then replaces a remainder sequence whose every step took a content gcd (the primitive
 * remainder sequence spent 30% of the roots benchmark in mpz_gcd). false when no x tried
 * gives a divisor (the caller then runs the remainder sequence). a, b primitive, degree >= 1. */
static bool z_gcd_heu(zpoly *out, const zpoly *a, const zpoly *b)
{
    size_t na = z_norm_bits(a), nb = z_norm_bits(b);
    mp_bitcnt_t k = (na < nb ? na : nb) + 2;
    mpz_t va, vb, h, c;
    mpz_inits(va, vb, h, c, NULL);
    bool found = false;
    for (int attempt = 0; attempt < 3 && !found; attempt++, k += k / 2 + 8) {
        mpz_set_ui(va, 0);
        for (int i = a->n - 1; i >= 0; i--) {
            mpz_mul_2exp(va, va, k);
            mpz_add(va, va, a->c[i]);
        }
        mpz_set_ui(vb, 0);
        for (int i = b->n - 1; i >= 0; i--) {
            mpz_mul_2exp(vb, vb, k);
            mpz_add(vb, vb, b->c[i]);
        }
        mpz_gcd(h, va, vb);
        int n = 0;
        zpoly g;
        z_init(&g, (int)(mpz_sizeinbase(h, 2) / k) + 2);
        while (mpz_sgn(h)) { /* balanced digits: c in [-x/2, x/2) */
            mpz_fdiv_r_2exp(c, h, k);
            if (mpz_tstbit(c, k - 1)) {
                mpz_set_ui(va, 0);
                mpz_setbit(va, k);
                mpz_sub(c, c, va);
            }
            mpz_sub(h, h, c);
            mpz_fdiv_q_2exp(h, h, k);
            mpz_set(g.c[n++], c);
        }
        z_trim(&g);
        z_prim(&g);
        found = g.n > 0 && g.n <= a->n && g.n <= b->n && z_divides(a, &g) && z_divides(b, &g);
        if (found)
            *out = g;
        else
            z_clear(&g);
    }
    mpz_clears(va, vb, h, c, NULL);
    return found;
}

/* out = the primitive gcd of a and b (not both zero), leading coefficient positive. */
static void z_gcd(zpoly *out, const zpoly *a, const zpoly *b)
{
    zpoly x, y;
    z_copy(&x, a);
    z_copy(&y, b);
    z_trim(&x);
    z_trim(&y);
    z_prim(&x);
    z_prim(&y);
    bool done = x.n > 1 && y.n > 1 && z_gcd_heu(out, &x, &y);
    if (!done)
        z_gcd_prs(out, &x, &y);
    z_clear(&x);
    z_clear(&y);
}

/* q = a / b (q fresh), b primitive and dividing a over Q: then the quotient of an integer
 * polynomial is an integer polynomial (Gauss's lemma), and every step divides exactly. */
static void z_divexact(zpoly *q, const zpoly *a, const zpoly *b)
{
    zpoly r;
    z_copy(&r, a);
    z_trim(&r);
    int db = b->n - 1;
    z_init(q, r.n > db ? r.n - db : 0);
    while (r.n > db && r.n > 0) {
        int s = r.n - 1 - db;
        mpz_divexact(q->c[s], r.c[r.n - 1], b->c[db]);
        for (int i = 0; i < db; i++)
            mpz_submul(r.c[i + s], q->c[s], b->c[i]);
        mpz_set_ui(r.c[r.n - 1], 0);
        z_trim(&r);
    }
    z_clear(&r);
    z_trim(q);
}

/* Yun's square-free factorisation over Z: f = c * g[1] * g[2]^2 * ... * g[k]^k, each g[i]
 * primitive, square-free, coprime to the others (some may be 1). Returns k; g has room
 * for deg(f) + 1 entries, g[1..k] are made fresh here. f of degree >= 1. The same divisor
 * divides b and d at each step, so their scale stays consistent without rationals. */
static int z_yun(zpoly *g, const zpoly *f)
{
    zpoly t, a, b, c, d;
    z_deriv(&t, f);
    z_gcd(&a, f, &t);
    z_divexact(&b, f, &a);
    z_divexact(&c, &t, &a);
    z_clear(&t);
    z_clear(&a);
    z_deriv(&t, &b);
    z_sub(&d, &c, &t);
    z_clear(&t);
    z_clear(&c);
    int k = 0;
    while (b.n > 1) {
        k++;
        z_gcd(&g[k], &b, &d);
        z_divexact(&t, &b, &g[k]);
        z_clear(&b);
        b = t;
        z_divexact(&c, &d, &g[k]);
        z_clear(&d);
        z_deriv(&t, &b);
        z_sub(&d, &c, &t);
        z_clear(&t);
        z_clear(&c);
    }
    z_clear(&b);
    z_clear(&d);
    return k;
}

static uint64_t mod_pow(uint64_t b, uint64_t e, uint64_t m)
{
    uint64_t r = 1;
    for (b %= m; e; e >>= 1, b = b * b % m)
        if (e & 1)
            r = r * b % m;
    return r;
}

/* Whether z (degree >= 1) is certainly square-free: gcd(z, z') is a constant modulo a prime
 * that does not divide the leading coefficient. Sound because the true gcd h divides z and z'
 * over Z and keeps its degree modulo such a prime (lc(h) divides lc(z)), so the modular gcd
 * is at least as large. false means "do not know" (the exact factorisation decides). */
static bool z_squarefree_mod(const zpoly *z)
{
    static const uint64_t primes[] = {2147483647u, 2147483629u, 2147483587u};
    int n = z->n;
    uint64_t *a = dx_malloc(sizeof *a * (size_t)n), *b = dx_malloc(sizeof *b * (size_t)n);
    bool sure = false;
    for (size_t pi = 0; a && b && pi < sizeof primes / sizeof *primes && !sure; pi++) { /* no memory: do not know */
        uint64_t P = primes[pi];
        if (mpz_fdiv_ui(z->c[n - 1], P) == 0)
            continue;
        for (int i = 0; i < n; i++)
            a[i] = mpz_fdiv_ui(z->c[i], P);
        int na = n, nb = n - 1;
        for (int i = 1; i < n; i++)
            b[i - 1] = a[i] * (uint64_t)i % P;
        while (nb > 0 && b[nb - 1] == 0)
            nb--;
        while (nb > 0) { /* a = a mod b, then swap */
            uint64_t inv = mod_pow(b[nb - 1], P - 2, P);
            while (na >= nb) {
                uint64_t f = a[na - 1] * inv % P;
                int s = na - nb;
                for (int i = 0; i < nb; i++)
                    a[i + s] = (a[i + s] + P - f * b[i] % P) % P;
                while (na > 0 && a[na - 1] == 0)
                    na--;
            }
            uint64_t *t = a;
            a = b;
            b = t;
            int tn = na;
            na = nb;
            nb = tn;
        }
        sure = na == 1;
    }
    dx_free(a);
    dx_free(b);
    return sure;
}

/* The square-free factors of p as monic rational polynomials, as z_yun says; g[0] = 1.
 * Returns k (0 for a constant p); g has room for deg(p) + 1 entries, initialised. */
static int squarefree(dx_poly *g, const dx_poly *p)
{
    set_const(&g[0], 1);
    if (dx_poly_deg(p) < 1)
        return 0;
    zpoly z;
    z_from(&z, p);
    int k = 1;
    if (z_squarefree_mod(&z)) {
        copy(&g[1], p);
    } else {
        zpoly *zg = dx_gmp_alloc(sizeof *zg * (size_t)z.n); /* as set_n */
        k = z_yun(zg, &z);
        for (int i = 1; i <= k; i++) {
            set_n(&g[i], zg[i].n);
            for (int j = 0; j < zg[i].n; j++)
                mpq_set_z(g[i].c[j], zg[i].c[j]);
            z_clear(&zg[i]);
        }
        dx_free(zg);
    }
    z_clear(&z);
    for (int i = 1; i <= k; i++)
        make_monic(&g[i]);
    return k;
}

/* Sign of z at t = m / 2^e by Horner in fixed point: A approximates z(t) 2^F, each step one
 * floor of A m / 2^e. The exact evaluation's numbers grow by e bits a step (50 steps of 60
 * bits at a double); these stay near F plus the value's own size. 0 when the error bound
 * cannot tell the sign (the caller then decides exactly). */
static int z_sign_fixed(const zpoly *z, const mpz_t m, mp_bitcnt_t e, mp_bitcnt_t guard)
{
    /* each floor errs by less than 1 and an error is multiplied by |t| in each later step:
     * |A - z(t) 2^F| < n max(1, |t|)^n <= 2^err */
    long tb = (long)mpz_sizeinbase(m, 2) - (long)e; /* |t| < 2^tb */
    mp_bitcnt_t err = (mp_bitcnt_t)z->n * (mp_bitcnt_t)(tb > 0 ? tb : 0);
    for (int n = z->n; n > 0; n >>= 1)
        err++;
    mp_bitcnt_t F = err + guard;
    mpz_t a, c;
    mpz_init(c);
    mpz_init(a);
    mpz_mul_2exp(a, z->c[z->n - 1], F);
    for (int i = z->n - 2; i >= 0; i--) {
        mpz_mul(a, a, m);
        mpz_fdiv_q_2exp(a, a, e);
        mpz_mul_2exp(c, z->c[i], F);
        mpz_add(a, a, c);
    }
    int sign = mpz_sizeinbase(a, 2) > err + 1 ? mpz_sgn(a) : 0;
    mpz_clears(a, c, NULL);
    return sign;
}

/* Sign of z at the rational t = a/b: Horner on b^d z(a/b) = sum c_i a^i b^(d-i), integers
 * throughout (no canonicalisation per step, as rational Horner would do). */
static int z_sign_q(const zpoly *z, const mpq_t t)
{
    if (z->n == 0)
        return 0;
    /* a dyadic t (a double, a bisection's midpoint): fixed point at 2^-128, then 2^-512
     * below the error's size, then exactly */
    mpz_srcptr den = mpq_denref(t);
    mp_bitcnt_t e = mpz_scan1(den, 0);
    if (e > 0 && mpz_sizeinbase(den, 2) == e + 1)
        for (mp_bitcnt_t guard = 128; guard <= 512; guard *= 4) {
            int sign = z_sign_fixed(z, mpq_numref(t), e, guard);
            if (sign)
                return sign;
        }
    const bool whole = mpz_cmp_ui(mpq_denref(t), 1) == 0;
    mpz_t acc, bp;
    mpz_init_set(acc, z->c[z->n - 1]);
    mpz_init_set_ui(bp, 1);
    for (int i = z->n - 2; i >= 0; i--) {
        mpz_mul(acc, acc, mpq_numref(t));
        if (whole) {
            mpz_add(acc, acc, z->c[i]);
        } else {
            mpz_mul(bp, bp, mpq_denref(t));
            mpz_addmul(acc, z->c[i], bp);
        }
    }
    int sign = mpz_sgn(acc);
    mpz_clears(acc, bp, NULL);
    return sign;
}

/* Sign of z just beside t: side -1 left, +1 right, 0 at t itself; the first derivative not
 * zero at t decides (z(x) ~ z^(k)(t) (x - t)^k / k! near t). */
static int z_sign_near(const zpoly *z, const mpq_t t, int side)
{
    zpoly d, e;
    z_copy(&d, z);
    z_trim(&d);
    int sign = 0;
    for (int k = 0; d.n > 0; k++) {
        int s = z_sign_q(&d, t);
        if (s) {
            sign = s * ((k & 1) && side < 0 ? -1 : 1);
            if (side == 0 && k > 0)
                sign = 0;
            break;
        }
        z_deriv(&e, &d);
        z_clear(&d);
        d = e;
    }
    z_clear(&d);
    return sign;
}

int dx_poly_sign_near(const dx_poly *p, const mpq_t t, int side)
{
    zpoly z;
    z_from(&z, p);
    int sign = z_sign_near(&z, t, side);
    z_clear(&z);
    return sign;
}

/* Coefficients of q(x + 1), in place (the classic O(n^2) additions). */
static void z_shift1(zpoly *z)
{
    int d = z->n - 1;
    for (int i = 0; i < d; i++)
        for (int j = d - 1; j >= i; j--)
            mpz_add(z->c[j], z->c[j], z->c[j + 1]);
}

/* Sign variations of the coefficients of (x+1)^n q(1/(x+1)): by Descartes' rule an upper
 * bound on (and of the same parity as) the number of roots of q in (0, 1); 0 and 1 are exact. */
static int z_vars01(const zpoly *q)
{
    zpoly t;
    z_copy_shift(&t, q);
    for (int i = 0; i < q->n / 2; i++)
        mpz_swap(t.c[i], t.c[q->n - 1 - i]);
    /* z_shift1's passes, counting as they go: pass i leaves t.c[i] final, so the count can
     * stop at the second variation without finishing the shift */
    int d = t.n - 1, v = 0, last = 0;
    for (int i = 0; i <= d && v < 2; i++) {
        for (int j = d - 1; j >= i; j--)
            mpz_add(t.c[j], t.c[j], t.c[j + 1]);
        int s = mpz_sgn(t.c[i]);
        if (s && last && s != last)
            v++;
        if (s)
            last = s;
    }
    z_clear(&t);
    return v;
}

/* z_vars01, spared where q's own coefficients already tell: no variation means no
 * positive root, and one variation means one positive root, inside (0, 1) exactly when q(0)
 * and q(1) differ in sign. Two sign reads and n additions instead of a Taylor shift. */
static int vars01(const zpoly *q)
{
    int v = 0, last = 0;
    for (int i = 0; i < q->n && v < 2; i++) {
        int s = mpz_sgn(q->c[i]);
        if (s && last && s != last)
            v++;
        if (s)
            last = s;
    }
    if (v == 0)
        return 0;
    if (v == 1) {
        mpz_t one;
        mpz_init(one);
        for (int i = 0; i < q->n; i++)
            mpz_add(one, one, q->c[i]);
        int s1 = mpz_sgn(one), s0 = mpz_sgn(q->c[0]);
        mpz_clear(one);
        if (s1 && s0)
            return s1 != s0;
    }
    return z_vars01(q);
}

/* q divided by the largest power of 2 dividing every coefficient: the halvings of the
 * bisection multiply coefficients by powers of 2, and sign variations do not see a factor. */
static void z_drop2(zpoly *q)
{
    mp_bitcnt_t k = ~(mp_bitcnt_t)0;
    for (int i = 0; i < q->n && k; i++)
        if (mpz_sgn(q->c[i])) {
            mp_bitcnt_t b = mpz_scan1(q->c[i], 0);
            if (b < k)
                k = b;
        }
    if (k && k != ~(mp_bitcnt_t)0)
        for (int i = 0; i < q->n; i++)
            mpz_fdiv_q_2exp(q->c[i], q->c[i], k);
}

/* q(x) / x, q(0) == 0. */
static void z_div_x(zpoly *q)
{
    mpz_clear(q->c[0]);
    memmove(q->c, q->c + 1, sizeof *q->c * (size_t)(q->n - 1));
    q->n--;
}

/* q(x) / (x - 1), q(1) == 0: synthetic division. */
static void z_div_xm1(zpoly *q)
{
    int d = q->n - 1;
    /* b[d-1] = a[d]; b[k-1] = a[k] + b[k] */
    for (int k = d - 1; k >= 1; k--)
        mpz_add(q->c[k], q->c[k], q->c[k + 1]);
    z_div_x(q);
}

/* An isolated root: exactly lo (exact) or strictly inside (lo, hi). */
typedef struct iso {
    mpq_t lo, hi;
    bool exact;
} iso;

typedef struct isolist {
    iso *v;
    size_t n, cap;
} isolist;

static iso *iso_push(isolist *l)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        iso *v = dx_realloc(l->v, sizeof *v * cap);
        if (!v)
            return NULL;
        l->v = v;
        l->cap = cap;
    }
    iso *r = &l->v[l->n++];
    mpq_init(r->lo);
    mpq_init(r->hi);
    r->exact = false;
    return r;
}

typedef struct vca_node {
    zpoly q;
    mpz_t c;        /* the interval is (c, c + 1) / 2^k of the scaled variable */
    unsigned long k;
} vca_node;

static bool grow_stack(vca_node **st, size_t *cap)
{
    vca_node *ns = dx_realloc(*st, sizeof *ns * 2 * *cap);
    if (!ns)
        return false;
    *st = ns;
    *cap *= 2;
    return true;
}

#define DX_POLY_MAX_STEPS 200000

/* The positive roots of p (integer, square-free, p(0) != 0), by Vincent-Collins-Akritas
 * bisection on (0, 2^kb), which holds them all (Fujiwara's bound). A root found at a split
 * point is divided out of both halves, so no interval's end is ever a root of its own
 * polynomial. DX_ELIMIT when the step limit is reached, DX_ENOMEM without memory. */
static dx_status vca(dx_ctx *ctx, const zpoly *p, isolist *out, long *steps)
{
    if (p->n < 2)
        return DX_OK;
    /* |root| < 2 max_i |a_(n-i) / a_n|^(1/i), and |a_(n-i) / a_n| < 2^(bits(a_(n-i)) -
     * bits(a_n) + 1): far tighter than Cauchy's 1 + max |a_i / a_n| when the roots are small
     * and the coefficients large (Chebyshev: 2^3 instead of 2^23), each bit one level less */
    int deg = p->n - 1;
    long lead = (long)mpz_sizeinbase(p->c[deg], 2), kb = 0;
    for (int i = 1; i <= deg; i++) {
        if (mpz_sgn(p->c[deg - i]) == 0)
            continue;
        long e = (long)mpz_sizeinbase(p->c[deg - i], 2) - lead + 1;
        long b = e > 0 ? (e + i - 1) / i : -((-e) / i); /* ceil(e / i) */
        if (b + 1 > kb)
            kb = b + 1;
    }
    if (kb < 1)
        kb = 1;
    size_t cap = 64, top = 0;
    vca_node *st = dx_malloc(sizeof *st * cap);
    if (!st)
        return DX_ENOMEM;
    z_copy(&st[0].q, p);
    for (int i = 0; i < p->n; i++) /* q(x) = p(2^kb x) */
        mpz_mul_2exp(st[0].q.c[i], st[0].q.c[i], (mp_bitcnt_t)(kb * i));
    mpz_init_set_ui(st[0].c, 0);
    st[0].k = 0;
    top = 1;
    dx_status status = DX_OK; /* once not DX_OK, the stack is only emptied */
    while (top > 0) {
        vca_node nd = st[--top];
        if (status == DX_OK && ++*steps > DX_POLY_MAX_STEPS)
            status = DX_ELIMIT;
        /* a Taylor shift: n^2/2 additions of numbers of L limbs, ~(10 + L) ns each */
        if (status == DX_OK &&
            !dx_work(ctx, 1 + (uint64_t)nd.q.n * (uint64_t)nd.q.n *
                                  (8 + mpz_size(nd.q.c[0]) + mpz_size(nd.q.c[nd.q.n - 1])) / 1024))
            status = DX_ELIMIT; /* dx_work recorded why */
        int v = status == DX_OK && nd.q.n > 1 ? vars01(&nd.q) : 0;
        iso *r = v == 1 ? iso_push(out) : NULL;
        if (v == 1 && !r) {
            status = DX_ENOMEM;
        } else if (v == 1) {
            mpq_set_z(r->lo, nd.c);
            mpz_add_ui(mpq_numref(r->hi), nd.c, 1);
            mpq_canonicalize(r->hi);
            /* scaled by 2^kb / 2^k */
            if ((long)nd.k > kb) {
                mpq_div_2exp(r->lo, r->lo, nd.k - (unsigned long)kb);
                mpq_div_2exp(r->hi, r->hi, nd.k - (unsigned long)kb);
            } else {
                mpq_mul_2exp(r->lo, r->lo, (unsigned long)kb - nd.k);
                mpq_mul_2exp(r->hi, r->hi, (unsigned long)kb - nd.k);
            }
        } else if (v > 1 && top + 2 > cap && !grow_stack(&st, &cap)) {
            status = DX_ENOMEM;
        } else if (v > 1) {
            /* left half: 2^d q(x/2); right half: that at x + 1 */
            zpoly *l = &nd.q;
            int d = l->n - 1;
            for (int i = 0; i < l->n; i++)
                mpz_mul_2exp(l->c[i], l->c[i], (mp_bitcnt_t)(d - i));
            z_drop2(l);
            vca_node right;
            z_copy_shift(&right.q, l);
            z_shift1(&right.q);
            mpz_init(right.c);
            mpz_mul_2exp(right.c, nd.c, 1);
            mpz_add_ui(right.c, right.c, 1);
            right.k = nd.k + 1;
            mpz_mul_2exp(nd.c, nd.c, 1);
            nd.k++;
            if (mpz_sgn(right.q.c[0]) == 0 && !(r = iso_push(out))) {
                status = DX_ENOMEM; /* both halves go on the stack, to be emptied */
            } else if (mpz_sgn(right.q.c[0]) == 0) {
                mpq_set_z(r->lo, right.c);
                if ((long)right.k > kb)
                    mpq_div_2exp(r->lo, r->lo, right.k - (unsigned long)kb);
                else
                    mpq_mul_2exp(r->lo, r->lo, (unsigned long)kb - right.k);
                mpq_set(r->hi, r->lo);
                r->exact = true;
                z_div_x(&right.q);
                z_div_xm1(&nd.q);
            }
            st[top++] = nd;
            st[top++] = right;
            continue;
        }
        z_clear(&nd.q);
        mpz_clear(nd.c);
    }
    dx_free(st);
    return status;
}

/* ---- refinement ------------------------------------------------------------------- */

/* A square-free polynomial prepared for fast certified signs at doubles. */
typedef struct sfpoly {
    zpoly z;               /* p as a primitive integer polynomial (same signs), for exact signs */
    double *hi, *lo, *abs; /* z's coefficients times 2^-scale as double-doubles, and |hi| */
    bool usable;           /* every coefficient a normal double-double after the scaling */
} sfpoly;

/* z 2^-e as hi + lo: hi its leading 53 bits, lo the rest rounded toward zero, so the
 * relative error is below 2^-104. false when hi would leave the normal doubles. */
static bool dd_of(const mpz_t z, long e, double *hi, double *lo, mpz_t tmp)
{
    *hi = *lo = 0;
    if (!mpz_sgn(z))
        return true;
    long b = (long)mpz_sizeinbase(z, 2);
    if (b - e > 1000 || b - e < -960)
        return false;
    if (b <= 53) {
        *hi = ldexp(mpz_get_d(z), (int)-e);
        return true;
    }
    mpz_tdiv_q_2exp(tmp, z, (mp_bitcnt_t)(b - 53));
    *hi = ldexp(mpz_get_d(tmp), (int)(b - 53 - e));
    mpz_mul_2exp(tmp, tmp, (mp_bitcnt_t)(b - 53));
    mpz_sub(tmp, z, tmp);
    long ex;
    double d = mpz_get_d_2exp(&ex, tmp);
    *lo = ldexp(d, (int)(ex - e));
    return true;
}

/* s ready for sign_at: z set by the caller. Coefficients too far apart in size for one
 * scaling leave s unusable (every sign then exact). */
static void sf_prepare(sfpoly *s)
{
    int n = s->z.n;
    s->hi = dx_malloc(sizeof(double) * (size_t)n);
    s->lo = dx_malloc(sizeof(double) * (size_t)n);
    s->abs = dx_malloc(sizeof(double) * (size_t)n);
    s->usable = s->hi && s->lo && s->abs; /* without memory, exact signs only */
    if (!s->usable)
        return;
    long maxb = 0;
    for (int i = 0; i < n; i++)
        if ((long)mpz_sizeinbase(s->z.c[i], 2) > maxb)
            maxb = (long)mpz_sizeinbase(s->z.c[i], 2);
    long e = maxb > 900 ? maxb - 900 : 0;
    mpz_t tmp;
    mpz_init(tmp);
    for (int i = 0; i < n; i++) {
        s->usable = s->usable && dd_of(s->z.c[i], e, &s->hi[i], &s->lo[i], tmp);
        s->abs[i] = fabs(s->hi[i]);
    }
    mpz_clear(tmp);
}

static void sf_clear(sfpoly *s)
{
    dx_free(s->hi);
    dx_free(s->lo);
    dx_free(s->abs);
    z_clear(&s->z);
}

/* Sign of s at the double t: Horner in double-double (error-free products by fma and sums
 * by TwoSum) with an error bound of about 4n u^2 sum |c_i| |t|^i, doubled twice over for
 * margin; the exact value only when the bound cannot tell the sign, which in plain doubles
 * was the last ~40 bisection steps of every root and now is almost never. */
static int sign_at(const sfpoly *s, double t, mpq_t tmp)
{
    if (s->usable) {
        double h = 0, l = 0, m = 0, at = fabs(t);
        for (int i = s->z.n - 1; i >= 0; i--) {
            double p = h * t, pe = fma(h, t, -p) + l * t;
            double sum = p + s->hi[i], bb = sum - p;
            double se = ((p - (sum - bb)) + (s->hi[i] - bb)) + (pe + s->lo[i]);
            h = sum + se;
            l = se - (h - sum);
            m = m * at + s->abs[i];
        }
        double bound = m * (16.0 * s->z.n + 16) * DBL_EPSILON * DBL_EPSILON;
        /* m well inside the normal range, so the bound is relative, not swamped by underflow */
        if (isfinite(h) && isfinite(m) && m > 0x1p-900 && fabs(h) > bound)
            return h > 0 ? 1 : -1;
    }
    mpq_set_d(tmp, t);
    return z_sign_q(&s->z, tmp);
}

/* Narrow (lo, hi), holding exactly one root of s, to adjacent doubles; lo and hi become that
 * bracket (or one exact point, then *exact). *x is the nearer double. sa: the sign of s
 * between lo and the root. */
static void refine(const sfpoly *s, int sa, mpq_t lo, mpq_t hi, double *x, bool *exact)
{
    mpq_t t;
    mpq_init(t);
    double a = mpq_get_d(lo), b = mpq_get_d(hi);
    mpq_set_d(t, a);
    bool ra = mpq_equal(t, lo);
    mpq_set_d(t, b);
    bool rb = mpq_equal(t, hi);
    *exact = false;
    if (!ra || !rb) {
        /* an end needs more than 53 bits: the bracket is already narrower than the doubles */
        mpq_add(t, lo, hi);
        mpq_div_2exp(t, t, 1);
        *x = mpq_get_d(t);
        mpq_clear(t);
        return;
    }
    for (;;) {
        double m = a / 2 + b / 2;
        if (!(m > a && m < b))
            break;
        int sm = sign_at(s, m, t);
        if (sm == 0) {
            a = b = m;
            *exact = true;
            break;
        }
        if (sm == sa)
            a = m;
        else
            b = m;
    }
    mpq_set_d(lo, a);
    mpq_set_d(hi, b);
    *x = a;
    if (!*exact) { /* the nearer end: the root is on the far side of the midpoint from a's sign */
        mpq_add(t, lo, hi);
        mpq_div_2exp(t, t, 1);
        int sm = z_sign_q(&s->z, t);
        *x = sm == 0 || sm == sa ? b : a;
    }
    mpq_clear(t);
}

/* Whether the rational q can be a root of z (primitive, z(0) != 0 or q != 0), by Gauss: a
 * root a/b in lowest terms has b dividing the leading coefficient and a dividing the lowest
 * non-zero one. Cheap, and it spares the exact evaluation of almost every candidate. */
static bool gauss_ok(const zpoly *z, const mpq_t q)
{
    int low = 0;
    while (low < z->n - 1 && mpz_sgn(z->c[low]) == 0)
        low++;
    return mpz_divisible_p(z->c[z->n - 1], mpq_denref(q)) &&
           (mpq_sgn(q) == 0 || mpz_divisible_p(z->c[low], mpq_numref(q)));
}

/* A rational root of z (primitive integer) inside [lo, hi]: the continued-fraction
 * convergents of x are the only rationals with small denominators that close, and each
 * that passes gauss_ok is tested exactly. */
static bool find_rational(const zpoly *z, double x, const mpq_t lo, const mpq_t hi, mpq_t out)
{
    mpq_t v;
    mpq_init(v);
    mpq_set_d(v, x);
    /* convergents h/k of the exact value of x */
    mpz_t h0, h1, k0, k1, a, num, den, r, t;
    mpz_inits(h0, h1, k0, k1, a, num, den, r, t, NULL);
    mpz_set(num, mpq_numref(v));
    mpz_set(den, mpq_denref(v));
    mpz_set_ui(h0, 1);
    mpz_set_ui(h1, 0); /* h_{-1} = 1, h_{-2} = 0 */
    mpz_set_ui(k0, 0);
    mpz_set_ui(k1, 1);
    bool found = false;
    for (int it = 0; it < 80 && mpz_sgn(den); it++) {
        mpz_fdiv_qr(a, r, num, den);
        /* h = a h0 + h1 */
        mpz_mul(t, a, h0);
        mpz_add(t, t, h1);
        mpz_set(h1, h0);
        mpz_set(h0, t);
        mpz_mul(t, a, k0);
        mpz_add(t, t, k1);
        mpz_set(k1, k0);
        mpz_set(k0, t);
        mpz_set(num, den);
        mpz_set(den, r);
        if (mpz_sizeinbase(k0, 2) > 64)
            break;
        mpq_set_num(out, h0);
        mpq_set_den(out, k0);
        mpq_canonicalize(out);
        if (mpq_cmp(out, lo) >= 0 && mpq_cmp(out, hi) <= 0 && gauss_ok(z, out) && z_sign_q(z, out) == 0) {
            found = true;
            break;
        }
    }
    /* a rational root a/b has b | lead (Gauss), so root * lead is an integer inside
     * lo*lead .. hi*lead: try the few there */
    if (!found) {
        mpq_set_z(v, z->c[z->n - 1]);
        mpq_abs(v, v);
        mpq_t w;
        mpq_init(w);
        mpq_mul(w, lo, v);
        mpz_cdiv_q(a, mpq_numref(w), mpq_denref(w));
        for (int i = 0; i < 3 && !found; i++, mpz_add_ui(a, a, 1)) {
            mpq_set_z(out, a);
            mpq_div(out, out, v);
            if (mpq_cmp(out, hi) > 0)
                break;
            found = gauss_ok(z, out) && z_sign_q(z, out) == 0;
        }
        mpq_clear(w);
    }
    mpz_clears(h0, h1, k0, k1, a, num, den, r, t, NULL);
    mpq_clear(v);
    return found;
}

/* ---- roots ------------------------------------------------------------------------ */

static int cmp_iso(const void *a, const void *b)
{
    return mpq_cmp(((const iso *)a)->lo, ((const iso *)b)->lo);
}

/* Largest square factor of n > 0 moved into k: n = k^2 * d with d free of squares of
 * primes below 10^4 (larger square factors are rare and only make the form less tidy). */
static void split_square(mpz_t k, mpz_t d, const mpz_t n)
{
    mpz_set_ui(k, 1);
    mpz_set(d, n);
    if (mpz_perfect_square_p(d)) {
        mpz_sqrt(k, d);
        mpz_set_ui(d, 1);
        return;
    }
    for (unsigned long p = 2; p < 10000 && mpz_cmp_ui(d, p * p) >= 0; p += (p == 2 ? 1 : 2)) {
        while (mpz_divisible_ui_p(d, p * p)) {
            mpz_divexact_ui(d, d, p * p);
            mpz_mul_ui(k, k, p);
        }
    }
    if (mpz_perfect_square_p(d)) {
        mpz_t r;
        mpz_init(r);
        mpz_sqrt(r, d);
        mpz_mul(k, k, r);
        mpz_set_ui(d, 1);
        mpz_clear(r);
    }
}

/* Radical forms for the roots of g (monic, square-free) when all but two are rational:
 * x = -b/2a -+ sqrt(b^2 - 4ac)/2a of the quadratic left after dividing out the rational
 * ones. idx lists the roots of g in ascending order. */
static void radicals(const dx_poly *g, dx_root *roots, const size_t *idx, size_t nidx)
{
    size_t nirr = 0, irr[2];
    dx_poly h, lin;
    dx_poly_init(&h);
    dx_poly_init(&lin);
    copy(&h, g);
    for (size_t j = 0; j < nidx; j++) {
        dx_root *r = &roots[idx[j]];
        if (r->form == DX_ROOT_RATIONAL) {
            set_n(&lin, 2);
            mpq_neg(lin.c[0], r->q);
            mpq_set_ui(lin.c[1], 1, 1);
            divrem(&h, NULL, &h, &lin);
        } else if (nirr < 2) {
            irr[nirr++] = idx[j];
        } else {
            nirr = 3;
        }
    }
    if (nirr == 2 && dx_poly_deg(&h) == 2) {
        mpq_t disc, t, p, s;
        mpz_t n, k, d;
        mpq_inits(disc, t, p, s, NULL);
        mpz_inits(n, k, d, NULL);
        /* disc = b^2 - 4ac; p = -b / 2a; |s| sqrt(d) = sqrt(disc) / |2a| */
        mpq_mul(disc, h.c[1], h.c[1]);
        mpq_mul(t, h.c[2], h.c[0]);
        mpq_mul_2exp(t, t, 2);
        mpq_sub(disc, disc, t);
        mpq_mul_2exp(t, h.c[2], 1);
        mpq_div(p, h.c[1], t);
        mpq_neg(p, p);
        if (mpq_sgn(disc) > 0) {
            mpz_mul(n, mpq_numref(disc), mpq_denref(disc));
            split_square(k, d, n);
            /* sqrt(num/den) = sqrt(num*den)/den = k sqrt(d) / den */
            mpq_set_z(s, k);
            mpq_set_z(t, mpq_denref(disc));
            mpq_div(s, s, t);
            mpq_mul_2exp(t, h.c[2], 1);
            mpq_abs(t, t);
            mpq_div(s, s, t);
            for (int j = 0; j < 2 && mpz_cmp_ui(d, 1) > 0; j++) {
                dx_root *r = &roots[irr[j]];
                r->form = DX_ROOT_QUADRATIC;
                mpq_set(r->q, p);
                if (j == 0)
                    mpq_neg(r->s, s);
                else
                    mpq_set(r->s, s);
                mpz_set(r->d, d);
            }
        }
        mpq_clears(disc, t, p, s, NULL);
        mpz_clears(n, k, d, NULL);
    }
    dx_poly_clear(&h);
    dx_poly_clear(&lin);
}

void dx_poly_roots_free(dx_root *roots, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        mpq_clears(roots[i].q, roots[i].s, NULL);
        mpz_clear(roots[i].d);
    }
    dx_free(roots);
}

dx_status dx_poly_roots(dx_ctx *ctx, const dx_poly *p, dx_root **roots, size_t *nroots)
{
    *roots = NULL;
    *nroots = 0;
    if (p->n == 0) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_POLY_ZERO);
        return DX_EUSAGE;
    }
    int deg = dx_poly_deg(p);
    if (deg > DX_POLY_ROOTS_MAX_DEG) {
        dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_POLY_DEGREE, DX_I(deg), DX_I(DX_POLY_ROOTS_MAX_DEG));
        return DX_ELIMIT;
    }
    dx_poly *g = dx_gmp_alloc(sizeof *g * (size_t)(deg + 1)); /* as set_n */
    for (int i = 0; i <= deg; i++)
        dx_poly_init(&g[i]);
    int k = squarefree(g, p);
    /* the square-free part: the product of the factors */
    dx_poly sq;
    dx_poly_init(&sq);
    set_const(&sq, 1);
    for (int i = 1; i <= k; i++)
        mul(&sq, &sq, &g[i]);

    isolist iso_l = {NULL, 0, 0};
    long steps = 0;
    dx_status st = DX_OK;
    if (dx_poly_deg(&sq) > 0) {
        zpoly z;
        z_from(&z, &sq);
        if (mpz_sgn(z.c[0]) == 0) {
            iso *r = iso_push(&iso_l);
            if (r)
                r->exact = true; /* lo = hi = 0 */
            else
                st = DX_ENOMEM;
            z_div_x(&z);
        }
        st = st == DX_OK ? vca(ctx, &z, &iso_l, &steps) : st;
        size_t from = iso_l.n;
        for (int i = 1; i < z.n; i += 2) /* negative roots: the positive ones of p(-x) */
            mpz_neg(z.c[i], z.c[i]);
        st = st == DX_OK ? vca(ctx, &z, &iso_l, &steps) : st;
        for (size_t j = from; j < iso_l.n; j++) {
            mpq_neg(iso_l.v[j].lo, iso_l.v[j].lo);
            mpq_neg(iso_l.v[j].hi, iso_l.v[j].hi);
            mpq_swap(iso_l.v[j].lo, iso_l.v[j].hi);
        }
        z_clear(&z);
    }
    if (st == DX_ELIMIT && !dx_stopped(ctx)) /* else the work budget or an interrupt: said */
        dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_POLY_STEPS, DX_I(DX_POLY_MAX_STEPS));
    if (iso_l.n)
        qsort(iso_l.v, iso_l.n, sizeof *iso_l.v, cmp_iso);

    dx_root *out = st == DX_OK ? dx_calloc(iso_l.n ? iso_l.n : 1, sizeof *out) : NULL;
    if (st == DX_OK && !out)
        st = DX_ENOMEM;
    sfpoly s;
    z_from(&s.z, &sq);
    sf_prepare(&s);
    /* integer versions for the exact signs below; with one factor of positive degree every
     * root has its index as multiplicity */
    zpoly *zg = dx_gmp_alloc(sizeof *zg * (size_t)(k + 1)); /* as set_n */
    int nfactors = 0, only = 0;
    for (int i = 1; i <= k; i++) {
        z_from(&zg[i], &g[i]);
        if (dx_poly_deg(&g[i]) >= 1) {
            nfactors++;
            only = i;
        }
    }
    for (size_t j = 0; out && j < iso_l.n; j++) {
        iso *it = &iso_l.v[j];
        dx_root *r = &out[j];
        mpq_inits(r->q, r->s, NULL);
        mpz_init(r->d);
        bool exact = it->exact;
        if (exact) {
            r->x = mpq_get_d(it->lo);
        } else {
            /* s is monic and its roots all simple: its sign left of root j is (-1)^(N-j) */
            refine(&s, (iso_l.n - j) & 1 ? -1 : 1, it->lo, it->hi, &r->x, &exact);
        }
        if (exact || find_rational(&s.z, r->x, it->lo, it->hi, r->q)) {
            if (exact)
                mpq_set(r->q, it->lo);
            r->form = DX_ROOT_RATIONAL;
            r->x = mpq_get_d(r->q);
            mpq_set(it->lo, r->q);
            mpq_set(it->hi, r->q);
            it->exact = true;
        }
        /* multiplicity: the one factor that vanishes here (exactly at a rational root,
         * else the one that changes sign across the bracket, which holds no other root) */
        r->mult = nfactors == 1 ? only : 0;
        for (int i = 1; i <= k && !r->mult; i++) {
            if (dx_poly_deg(&g[i]) < 1)
                continue;
            if (it->exact) {
                if (z_sign_q(&zg[i], r->q) == 0)
                    r->mult = i;
            } else if (z_sign_near(&zg[i], it->lo, +1) != z_sign_near(&zg[i], it->hi, -1)) {
                r->mult = i;
            }
        }
    }
    /* p's sign right of its last root is its leading coefficient's; crossing a root of odd
     * multiplicity flips it */
    int sgn = mpq_sgn(p->c[p->n - 1]);
    for (size_t j = out ? iso_l.n : 0; j-- > 0;) {
        out[j].right = sgn;
        if (out[j].mult & 1)
            sgn = -sgn;
        out[j].left = sgn;
    }
    for (int i = 1; i <= k; i++)
        z_clear(&zg[i]);
    dx_free(zg);
    sf_clear(&s);
    if (out) {
        size_t *idx = dx_malloc(sizeof *idx * (iso_l.n ? iso_l.n : 1));
        for (int i = 1; idx && i <= k; i++) {
            size_t m = 0;
            for (size_t j = 0; j < iso_l.n; j++)
                if (out[j].mult == i)
                    idx[m++] = j;
            if (dx_poly_deg(&g[i]) >= 2)
                radicals(&g[i], out, idx, m);
        }
        st = idx ? st : DX_ENOMEM;
        dx_free(idx);
    }
    /* a shortage GMP met was served from the reserve: the roots are right, but memory is out */
    if (st == DX_OK && dx_alloc_gmp_failed())
        st = DX_ENOMEM;
    if (st == DX_ENOMEM)
        dx_oom(ctx);
    for (size_t j = 0; j < iso_l.n; j++)
        mpq_clears(iso_l.v[j].lo, iso_l.v[j].hi, NULL);
    dx_free(iso_l.v);
    dx_poly_clear(&sq);
    for (int i = 0; i <= deg; i++)
        dx_poly_clear(&g[i]);
    dx_free(g);
    if (st == DX_OK) {
        *roots = out;
        *nroots = iso_l.n;
    } else if (out) {
        dx_poly_roots_free(out, iso_l.n);
    }
    return st;
}

/* ---- exact values ----------------------------------------------------------------- */

static dx_expr *rational(dx_ctx *ctx, const mpq_t q)
{
    dx_num n = dx_num_from_mpq(q);
    dx_expr *e = dx_number(ctx, &n);
    dx_num_clear(&n);
    return e;
}

/* u + w*sqrt(d) as an expression. */
static dx_expr *quad_expr(dx_ctx *ctx, const mpq_t u, const mpq_t w, const mpz_t d)
{
    if (mpq_sgn(w) == 0 || mpz_cmp_ui(d, 1) <= 0)
        return rational(ctx, u);
    mpq_t dq;
    mpq_init(dq);
    mpq_set_z(dq, d);
    dx_expr *root = dx_pow(ctx, rational(ctx, dq), dx_frac(ctx, 1, 2));
    mpq_clear(dq);
    return dx_add(ctx, rational(ctx, u), dx_mul(ctx, rational(ctx, w), root));
}

dx_expr *dx_root_expr(dx_ctx *ctx, const dx_root *r)
{
    if (r->form == DX_ROOT_DECIMAL)
        return NULL;
    if (r->form == DX_ROOT_RATIONAL)
        return rational(ctx, r->q);
    return quad_expr(ctx, r->q, r->s, r->d);
}

dx_expr *dx_poly_exact_at(dx_ctx *ctx, const dx_poly *p, const dx_root *r)
{
    if (r->form == DX_ROOT_DECIMAL)
        return NULL;
    /* Horner in Q(sqrt(d)): (u + v sqrt d)(q + s sqrt d) = (uq + vsd) + (us + vq) sqrt d */
    mpq_t u, v, t, nu, dd, s;
    mpq_inits(u, v, t, nu, dd, s, NULL);
    mpq_set_z(dd, r->d);
    if (r->form == DX_ROOT_QUADRATIC)
        mpq_set(s, r->s);
    for (int i = p->n - 1; i >= 0; i--) {
        mpq_mul(nu, u, r->q);
        mpq_mul(t, v, s);
        mpq_mul(t, t, dd);
        mpq_add(nu, nu, t);
        mpq_mul(t, u, s);
        mpq_mul(v, v, r->q);
        mpq_add(v, v, t);
        mpq_add(u, nu, p->c[i]);
    }
    dx_expr *out = quad_expr(ctx, u, v, r->d);
    mpq_clears(u, v, t, nu, dd, s, NULL);
    return out;
}
