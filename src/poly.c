/* Polynomials with exact rational coefficients: expansion from expressions, and real roots. */
#include "poly.h"

#include <float.h>
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
    free(p->c);
    p->n = 0;
    p->c = NULL;
}

/* Exactly n coefficients, new ones 0. GMP aborts when it runs out of memory, so a failed
 * realloc here does the same rather than leave half-built numbers behind. */
static void set_n(dx_poly *p, int n)
{
    for (int i = n; i < p->n; i++)
        mpq_clear(p->c[i]);
    if (n != p->n) {
        mpq_t *c = n ? realloc(p->c, sizeof *c * (size_t)n) : (free(p->c), NULL);
        if (n && !c)
            abort();
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

/* Recursion over the expression, expanding as it goes. *budget bounds the work on a DAG
 * whose shared nodes would be expanded once per path. */
static int build(dx_ctx *ctx, const dx_expr *e, const dx_expr *var, dx_poly *out, long *budget)
{
    if (--*budget < 0)
        return 0;
    switch ((dx_kind)e->kind) {
    case DX_NUM:
        set_n(out, 1);
        num_to_mpq(out->c[0], &e->u.num);
        trim(out);
        return 1;
    case DX_SYM:
        if (e != var)
            return 0;
        set_n(out, 2);
        mpq_set_ui(out->c[0], 0, 1);
        mpq_set_ui(out->c[1], 1, 1);
        return 1;
    case DX_ADD:
    case DX_MUL: {
        bool sum = e->kind == DX_ADD;
        set_const(out, sum ? 0 : 1);
        dx_poly t;
        dx_poly_init(&t);
        int ok = 1;
        for (uint32_t i = 0; i < e->n && ok == 1; i++) {
            ok = build(ctx, e->a[i], var, &t, budget);
            if (ok != 1)
                break;
            if (!sum && dx_poly_deg(out) + dx_poly_deg(&t) > DX_POLY_MAX_DEG)
                ok = 0;
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
        int ok = build(ctx, e->a[0], var, &base, budget);
        if (ok == 1 && dx_poly_deg(&base) > 0 && v > DX_POLY_MAX_DEG / dx_poly_deg(&base))
            ok = 0;
        if (ok == 1) {
            /* square and multiply: (x+1)^1000 in ten squarings */
            set_const(out, 1);
            for (int64_t bit = v; bit > 0; bit >>= 1) {
                if (bit & 1)
                    mul(out, out, &base);
                if (bit > 1)
                    mul(&base, &base, &base);
            }
        }
        dx_poly_clear(&base);
        return ok;
    }
    case DX_CONST:
    case DX_CALL:
        return 0;
    }
    return 0;
}

int dx_poly_from_expr(dx_ctx *ctx, const dx_expr *e, const dx_expr *var, dx_poly *out)
{
    long budget = 200000;
    set_n(out, 0);
    int ok = build(ctx, e, var, out, &budget);
    if (ok != 1)
        set_n(out, 0);
    return ok;
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

int dx_poly_sign_near(const dx_poly *p, const mpq_t t, int side)
{
    mpq_t v;
    mpq_init(v);
    dx_poly d;
    dx_poly_init(&d);
    copy(&d, p);
    int sign = 0;
    for (int k = 0; d.n > 0; k++) {
        dx_poly_eval_q(v, &d, t);
        if (mpq_sgn(v)) {
            /* p(x) ~ p^(k)(t) (x - t)^k / k! near t */
            sign = mpq_sgn(v) * ((k & 1) && side < 0 ? -1 : 1);
            if (side == 0 && k > 0)
                sign = 0;
            break;
        }
        dx_poly_deriv(&d, &d);
    }
    dx_poly_clear(&d);
    mpq_clear(v);
    return sign;
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
    dx_expr **t = malloc((size_t)p->n * sizeof *t);
    if (!t)
        return dx_fail(ctx, DX_ENOMEM, -1, -1, "out of memory");
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
    free(t);
    return r;
}

/* Yun's square-free factorisation: p = lead * g[1] * g[2]^2 * ... * g[k]^k, each g[i]
 * monic, square-free and coprime to the others (some may be 1). g[0] is set to 1 and
 * unused. Returns k (0 for a constant p); g has room for deg(p) + 1 entries, initialised. */
static int yun(dx_poly *g, const dx_poly *p)
{
    dx_poly a, b, c, d, t;
    dx_poly_init(&a);
    dx_poly_init(&b);
    dx_poly_init(&c);
    dx_poly_init(&d);
    dx_poly_init(&t);
    set_const(&g[0], 1);
    int k = 0;
    if (dx_poly_deg(p) > 0) {
        dx_poly_deriv(&t, p);
        gcd(&a, p, &t);
        divrem(&b, NULL, p, &a);
        divrem(&c, NULL, &t, &a);
        dx_poly_deriv(&t, &b);
        for (int i = 0; i < t.n; i++) /* d = c - b' */
            mpq_neg(t.c[i], t.c[i]);
        add(&d, &c, &t);
        while (dx_poly_deg(&b) > 0) {
            k++;
            gcd(&g[k], &b, &d);
            divrem(&b, NULL, &b, &g[k]);
            divrem(&c, NULL, &d, &g[k]);
            dx_poly_deriv(&t, &b);
            for (int i = 0; i < t.n; i++)
                mpq_neg(t.c[i], t.c[i]);
            add(&d, &c, &t);
        }
        for (int i = 1; i <= k; i++)
            make_monic(&g[i]);
    }
    dx_poly_clear(&a);
    dx_poly_clear(&b);
    dx_poly_clear(&c);
    dx_poly_clear(&d);
    dx_poly_clear(&t);
    return k;
}

/* ---- integer polynomials for Descartes' rule --------------------------------------- */

typedef struct zpoly {
    int n;
    mpz_t *c;
} zpoly;

static void z_init(zpoly *z, int n)
{
    z->n = n;
    z->c = malloc(sizeof *z->c * (size_t)(n ? n : 1));
    if (!z->c)
        abort();
    for (int i = 0; i < n; i++)
        mpz_init(z->c[i]);
}

static void z_clear(zpoly *z)
{
    for (int i = 0; i < z->n; i++)
        mpz_clear(z->c[i]);
    free(z->c);
    z->c = NULL;
    z->n = 0;
}

static void z_copy(zpoly *out, const zpoly *z)
{
    z_init(out, z->n);
    for (int i = 0; i < z->n; i++)
        mpz_set(out->c[i], z->c[i]);
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
    z_init(&t, q->n);
    for (int i = 0; i < q->n; i++)
        mpz_set(t.c[i], q->c[q->n - 1 - i]);
    z_shift1(&t);
    int v = 0, last = 0;
    for (int i = 0; i < t.n && v < 2; i++) {
        int s = mpz_sgn(t.c[i]);
        if (s && last && s != last)
            v++;
        if (s)
            last = s;
    }
    z_clear(&t);
    return v;
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
        iso *v = realloc(l->v, sizeof *v * cap);
        if (!v)
            abort();
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

#define DX_POLY_MAX_STEPS 200000

/* The positive roots of p (integer, square-free, p(0) != 0), by Vincent-Collins-Akritas
 * bisection on (0, 2^kb), which holds them all (Cauchy's bound). A root found at a split
 * point is divided out of both halves, so no interval's end is ever a root of its own
 * polynomial. false when the step limit is reached. */
static bool vca(const zpoly *p, isolist *out, long *steps)
{
    if (p->n < 2)
        return true;
    size_t maxbits = 0, lead = mpz_sizeinbase(p->c[p->n - 1], 2);
    for (int i = 0; i < p->n; i++)
        if (mpz_sizeinbase(p->c[i], 2) > maxbits)
            maxbits = mpz_sizeinbase(p->c[i], 2);
    long kb = (long)maxbits - (long)lead + 2;
    if (kb < 1)
        kb = 1;
    size_t cap = 64, top = 0;
    vca_node *st = malloc(sizeof *st * cap);
    if (!st)
        abort();
    z_copy(&st[0].q, p);
    for (int i = 0; i < p->n; i++) /* q(x) = p(2^kb x) */
        mpz_mul_2exp(st[0].q.c[i], st[0].q.c[i], (mp_bitcnt_t)(kb * i));
    mpz_init_set_ui(st[0].c, 0);
    st[0].k = 0;
    top = 1;
    bool ok = true;
    while (top > 0) {
        vca_node nd = st[--top];
        if (ok && ++*steps > DX_POLY_MAX_STEPS)
            ok = false;
        int v = ok && nd.q.n > 1 ? z_vars01(&nd.q) : 0;
        if (v == 1) {
            iso *r = iso_push(out);
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
        } else if (v > 1) {
            if (top + 2 > cap) {
                cap *= 2;
                vca_node *ns = realloc(st, sizeof *st * cap);
                if (!ns)
                    abort();
                st = ns;
            }
            /* left half: 2^d q(x/2); right half: that at x + 1 */
            zpoly *l = &nd.q;
            int d = l->n - 1;
            for (int i = 0; i < l->n; i++)
                mpz_mul_2exp(l->c[i], l->c[i], (mp_bitcnt_t)(d - i));
            vca_node right;
            z_copy(&right.q, l);
            z_shift1(&right.q);
            mpz_init(right.c);
            mpz_mul_2exp(right.c, nd.c, 1);
            mpz_add_ui(right.c, right.c, 1);
            right.k = nd.k + 1;
            mpz_mul_2exp(nd.c, nd.c, 1);
            nd.k++;
            if (mpz_sgn(right.q.c[0]) == 0) {
                iso *r = iso_push(out);
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
    free(st);
    return ok;
}

/* ---- refinement ------------------------------------------------------------------- */

/* A square-free polynomial prepared for fast certified signs at doubles. */
typedef struct sfpoly {
    const dx_poly *p;
    double *c, *abs; /* rounded coefficients and their magnitudes */
    bool usable;     /* all coefficients finite as doubles */
} sfpoly;

/* Sign of s at the double t: Horner in doubles with a running error bound, and the exact
 * value only when the bound cannot tell the sign. */
static int sign_at(const sfpoly *s, double t, mpq_t tmp)
{
    if (s->usable) {
        double h = 0, m = 0, at = fabs(t);
        for (int i = s->p->n - 1; i >= 0; i--) {
            h = h * t + s->c[i];
            m = m * at + s->abs[i];
        }
        /* rounding of the coefficients and 2 per Horner step, generously */
        double bound = m * (4.0 * s->p->n + 4) * DBL_EPSILON;
        if (isfinite(h) && isfinite(bound) && fabs(h) > bound)
            return h > 0 ? 1 : -1;
    }
    mpq_set_d(tmp, t);
    dx_poly_eval_q(tmp, s->p, tmp);
    return mpq_sgn(tmp);
}

/* Narrow (lo, hi), holding exactly one root of s, to adjacent doubles; lo and hi become that
 * bracket (or one exact point, then *exact). *x is the nearer double. */
static void refine(const sfpoly *s, mpq_t lo, mpq_t hi, double *x, bool *exact)
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
    int sa = dx_poly_sign_near(s->p, lo, +1);
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
    *x = fabs(dx_poly_eval_d(s->p, a)) <= fabs(dx_poly_eval_d(s->p, b)) ? a : b;
    mpq_clear(t);
}

/* A rational root inside [lo, hi]: the continued-fraction convergents of x are the only
 * rationals with small denominators that close, and each is tested exactly. */
static bool find_rational(const dx_poly *s, double x, const mpq_t lo, const mpq_t hi, mpq_t out)
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
        if (mpq_cmp(out, lo) >= 0 && mpq_cmp(out, hi) <= 0) {
            dx_poly_eval_q(v, s, out);
            if (mpq_sgn(v) == 0) {
                found = true;
                break;
            }
        }
    }
    /* a rational root a/b of the primitive integer polynomial has b | lead (Gauss), so
     * root * lead is an integer inside lo*lead .. hi*lead: try the few there */
    if (!found) {
        zpoly z;
        z_from(&z, s);
        mpq_set_z(v, z.c[z.n - 1]);
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
            dx_poly_eval_q(w, s, out);
            found = mpq_sgn(w) == 0;
        }
        mpq_clear(w);
        z_clear(&z);
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
    free(roots);
}

dx_status dx_poly_roots(dx_ctx *ctx, const dx_poly *p, dx_root **roots, size_t *nroots)
{
    *roots = NULL;
    *nroots = 0;
    if (p->n == 0) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, "the zero polynomial has every number as a root");
        return DX_EUSAGE;
    }
    int deg = dx_poly_deg(p);
    if (deg > DX_POLY_MAX_DEG) {
        dx_fail(ctx, DX_ELIMIT, -1, -1, "degree %d is above the limit of %d", deg, DX_POLY_MAX_DEG);
        return DX_ELIMIT;
    }
    dx_poly *g = malloc(sizeof *g * (size_t)(deg + 1));
    if (!g)
        abort();
    for (int i = 0; i <= deg; i++)
        dx_poly_init(&g[i]);
    int k = yun(g, p);
    /* the square-free part: the product of the factors */
    dx_poly sq;
    dx_poly_init(&sq);
    set_const(&sq, 1);
    for (int i = 1; i <= k; i++)
        mul(&sq, &sq, &g[i]);

    isolist iso_l = {NULL, 0, 0};
    long steps = 0;
    bool ok = true;
    if (dx_poly_deg(&sq) > 0) {
        zpoly z;
        z_from(&z, &sq);
        if (mpz_sgn(z.c[0]) == 0) {
            iso *r = iso_push(&iso_l);
            r->exact = true; /* lo = hi = 0 */
            z_div_x(&z);
        }
        ok = vca(&z, &iso_l, &steps);
        size_t from = iso_l.n;
        for (int i = 1; i < z.n; i += 2) /* negative roots: the positive ones of p(-x) */
            mpz_neg(z.c[i], z.c[i]);
        ok = ok && vca(&z, &iso_l, &steps);
        for (size_t j = from; j < iso_l.n; j++) {
            mpq_neg(iso_l.v[j].lo, iso_l.v[j].lo);
            mpq_neg(iso_l.v[j].hi, iso_l.v[j].hi);
            mpq_swap(iso_l.v[j].lo, iso_l.v[j].hi);
        }
        z_clear(&z);
    }
    dx_status st = DX_OK;
    if (!ok) {
        dx_fail(ctx, DX_ELIMIT, -1, -1, "isolating the real roots took more than %d steps", DX_POLY_MAX_STEPS);
        st = DX_ELIMIT;
    }
    if (iso_l.n)
        qsort(iso_l.v, iso_l.n, sizeof *iso_l.v, cmp_iso);

    dx_root *out = st == DX_OK ? calloc(iso_l.n ? iso_l.n : 1, sizeof *out) : NULL;
    if (st == DX_OK && !out)
        abort();
    sfpoly s = {&sq, malloc(sizeof(double) * (size_t)sq.n), malloc(sizeof(double) * (size_t)sq.n), true};
    if (!s.c || !s.abs)
        abort();
    for (int i = 0; i < sq.n; i++) {
        s.c[i] = mpq_get_d(sq.c[i]);
        s.abs[i] = fabs(s.c[i]);
        s.usable = s.usable && isfinite(s.c[i]);
    }
    mpq_t v;
    mpq_init(v);
    for (size_t j = 0; out && j < iso_l.n; j++) {
        iso *it = &iso_l.v[j];
        dx_root *r = &out[j];
        mpq_inits(r->q, r->s, NULL);
        mpz_init(r->d);
        bool exact = it->exact;
        if (exact) {
            r->x = mpq_get_d(it->lo);
        } else {
            refine(&s, it->lo, it->hi, &r->x, &exact);
        }
        if (exact || find_rational(&sq, r->x, it->lo, it->hi, r->q)) {
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
        r->mult = 0;
        for (int i = 1; i <= k && !r->mult; i++) {
            if (dx_poly_deg(&g[i]) < 1)
                continue;
            if (it->exact) {
                dx_poly_eval_q(v, &g[i], r->q);
                if (mpq_sgn(v) == 0)
                    r->mult = i;
            } else if (dx_poly_sign_near(&g[i], it->lo, +1) != dx_poly_sign_near(&g[i], it->hi, -1)) {
                r->mult = i;
            }
        }
        r->left = dx_poly_sign_near(p, it->lo, it->exact ? -1 : +1);
        r->right = dx_poly_sign_near(p, it->hi, it->exact ? +1 : -1);
    }
    mpq_clear(v);
    if (out) {
        size_t *idx = malloc(sizeof *idx * (iso_l.n ? iso_l.n : 1));
        if (!idx)
            abort();
        for (int i = 1; i <= k; i++) {
            size_t m = 0;
            for (size_t j = 0; j < iso_l.n; j++)
                if (out[j].mult == i)
                    idx[m++] = j;
            if (dx_poly_deg(&g[i]) >= 2)
                radicals(&g[i], out, idx, m);
        }
        free(idx);
    }
    free(s.c);
    free(s.abs);
    for (size_t j = 0; j < iso_l.n; j++)
        mpq_clears(iso_l.v[j].lo, iso_l.v[j].hi, NULL);
    free(iso_l.v);
    dx_poly_clear(&sq);
    for (int i = 0; i <= deg; i++)
        dx_poly_clear(&g[i]);
    free(g);
    if (st == DX_OK) {
        *roots = out;
        *nroots = iso_l.n;
    }
    return st;
}

/* ---- exact text ------------------------------------------------------------------- */

/* "u", "u + w*sqrt(d)", "-sqrt(d)/3", ...: re-readable by dfdx. */
static char *quad_str(const mpq_t u, const mpq_t w, const mpz_t d)
{
    char *out = NULL;
    if (mpq_sgn(w) == 0 || mpz_cmp_ui(d, 1) <= 0) {
        gmp_asprintf(&out, "%Qd", u);
        return out;
    }
    mpz_t n;
    mpz_init(n);
    mpz_abs(n, mpq_numref(w));
    char *term = NULL;
    bool one = mpz_cmp_ui(n, 1) == 0, whole = mpz_cmp_ui(mpq_denref(w), 1) == 0;
    if (one && whole)
        gmp_asprintf(&term, "sqrt(%Zd)", d);
    else if (one)
        gmp_asprintf(&term, "sqrt(%Zd)/%Zd", d, mpq_denref(w));
    else if (whole)
        gmp_asprintf(&term, "%Zd*sqrt(%Zd)", n, d);
    else
        gmp_asprintf(&term, "%Zd*sqrt(%Zd)/%Zd", n, d, mpq_denref(w));
    if (mpq_sgn(u) == 0)
        gmp_asprintf(&out, "%s%s", mpq_sgn(w) < 0 ? "-" : "", term);
    else
        gmp_asprintf(&out, "%Qd %c %s", u, mpq_sgn(w) < 0 ? '-' : '+', term);
    free(term);
    mpz_clear(n);
    return out;
}

char *dx_root_str(const dx_root *r)
{
    if (r->form == DX_ROOT_DECIMAL)
        return NULL;
    mpq_t zero;
    mpq_init(zero);
    char *s = r->form == DX_ROOT_RATIONAL ? quad_str(r->q, zero, r->d) : quad_str(r->q, r->s, r->d);
    mpq_clear(zero);
    return s;
}

char *dx_poly_exact_at(const dx_poly *p, const dx_root *r)
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
    char *out = quad_str(u, v, r->d);
    mpq_clears(u, v, t, nu, dd, s, NULL);
    return out;
}
