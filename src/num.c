/* Exact rational numbers: a small int64 fast path, GMP behind it. */
#include "num.h"
#include "alloc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Exponent limit for decimal literals and integer powers: beyond it a value would take
 * megabytes to print, which no calculus exercise needs. */
#define DX_NUM_MAX_EXP10 10000
#define DX_NUM_MAX_BITS (1u << 18) /* about 79,000 digits: printed, it still parses back */
/* Bits of the two operands of a sum, product or quotient together, so of any number built:
 * about 1.26 million digits, past the longest literal the parser reads (see alloc.c). */
#define DX_NUM_GUARD_BITS (1u << 22)

static int64_t gcd64(int64_t a, int64_t b)
{
    uint64_t x = a < 0 ? 0 - (uint64_t)a : (uint64_t)a, y = b < 0 ? 0 - (uint64_t)b : (uint64_t)b;
    while (y) {
        uint64_t t = x % y;
        x = y;
        y = t;
    }
    return (int64_t)x;
}

static mpq_ptr big_new(void)
{
    mpq_ptr z = dx_gmp_alloc(sizeof *z); /* never NULL: see alloc.h */
    mpq_init(z);
    return z;
}

static void big_free(mpq_ptr z)
{
    mpq_clear(z);
    dx_free(z);
}

static void to_mpq(mpq_t out, const dx_num *a)
{
    if (a->z) {
        mpq_set(out, a->z);
    } else {
        mpz_set_si(mpq_numref(out), a->n);
        mpz_set_si(mpq_denref(out), a->d);
    }
}

/* Take ownership of z (canonical) and return it in the small form when it fits. */
static dx_num from_big(mpq_ptr z)
{
    dx_num r = {0, 1, NULL};
    if (mpz_fits_slong_p(mpq_numref(z)) && mpz_fits_slong_p(mpq_denref(z))) {
        long n = mpz_get_si(mpq_numref(z)), d = mpz_get_si(mpq_denref(z));
        if (n != LONG_MIN && d != LONG_MIN) {
            r.n = n;
            r.d = d;
            big_free(z);
            return r;
        }
    }
    r.z = z;
    return r;
}

void dx_num_to_mpq(mpq_t out, const dx_num *a) { to_mpq(out, a); }

dx_num dx_num_from_mpq(const mpq_t q)
{
    mpq_ptr z = big_new();
    mpq_set(z, q);
    return from_big(z);
}

dx_num dx_num_frac(int64_t n, int64_t d)
{
    if (d < 0 && n != INT64_MIN && d != INT64_MIN) {
        n = -n;
        d = -d;
    }
    if (d > 0 && n != INT64_MIN) {
        int64_t g = gcd64(n, d);
        dx_num r = {n / (g ? g : 1), d / (g ? g : 1), NULL};
        if (n == 0)
            r.d = 1;
        return r;
    }
    mpq_ptr z = big_new();
    mpz_set_si(mpq_numref(z), n);
    mpz_set_si(mpq_denref(z), d);
    mpq_canonicalize(z);
    return from_big(z);
}

void dx_num_clear(dx_num *a)
{
    if (a->z) {
        big_free(a->z);
        a->z = NULL;
    }
}

dx_num dx_num_copy(const dx_num *a)
{
    dx_num r = *a;
    if (a->z) {
        r.z = big_new();
        mpq_set(r.z, a->z);
    }
    return r;
}

bool dx_num_parse(dx_num *out, const char *s, size_t len)
{
    /* digits [. digits] [e|E [+-] digits] -> mantissa digits / 10^frac * 10^exp */
    size_t i = 0, nd = 0;
    long frac = 0;
    bool dot = false;
    int64_t m64 = 0; /* the mantissa while it has at most 18 digits */
    for (; i < len; i++) {
        char c = s[i];
        if (c == '.') {
            dot = true;
        } else if (c >= '0' && c <= '9') {
            if (nd < 18)
                m64 = m64 * 10 + (c - '0');
            nd++;
            if (dot)
                frac++;
        } else {
            break;
        }
    }
    size_t mant_end = i;
    long ex = 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        int sign = 1;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            sign = s[i++] == '-' ? -1 : 1;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            if (ex < 10 * DX_NUM_MAX_EXP10)
                ex = ex * 10 + (s[i] - '0');
        }
        ex *= sign;
    }
    ex -= frac;
    if (ex > DX_NUM_MAX_EXP10 || ex < -DX_NUM_MAX_EXP10 || frac > DX_NUM_MAX_EXP10)
        return false;
    /* the usual literal (3, 0.5, 1e-3) in int64, without GMP: the same value, reduced */
    if (nd <= 18 && ex >= -18 && ex <= 18) {
        int64_t p = 1;
        for (long k = 0; k < (ex < 0 ? -ex : ex); k++)
            p *= 10;
        if (ex < 0) {
            *out = dx_num_frac(m64, p);
            return true;
        }
        if (m64 <= INT64_MAX / p) {
            *out = dx_num_int(m64 * p);
            return true;
        }
    }
    /* the digits, without the point, go to GMP in one call: per-digit multiplication would
     * be quadratic in a long literal */
    char *digits = dx_gmp_alloc(nd + 1);
    size_t k = 0;
    for (size_t q = 0; q < mant_end; q++)
        if (s[q] != '.')
            digits[k++] = s[q];
    digits[k] = 0;
    mpz_t m;
    mpz_init(m);
    if (nd)
        mpz_set_str(m, digits, 10);
    dx_free(digits);
    mpq_ptr z = big_new();
    mpz_t p;
    mpz_init(p);
    mpz_ui_pow_ui(p, 10, (unsigned long)(ex < 0 ? -ex : ex));
    if (ex >= 0) {
        mpz_mul(mpq_numref(z), m, p);
    } else {
        mpz_set(mpq_numref(z), m);
        mpz_set(mpq_denref(z), p);
        mpq_canonicalize(z);
    }
    mpz_clear(p);
    mpz_clear(m);
    *out = from_big(z);
    return true;
}

/* a op b on the small path when no intermediate overflows, else through GMP. */
typedef enum { OP_ADD, OP_MUL, OP_DIV } num_op;

static dx_num big_op(const dx_num *a, const dx_num *b, num_op op)
{
    /* Past the guard, one operation could need more than the emergency reserve holds. The
     * answer 1 is wrong but harmless (it divides safely); the context fails before using it. */
    if (dx_num_bits(a) + dx_num_bits(b) > DX_NUM_GUARD_BITS) {
        dx_alloc_gmp_report();
        return dx_num_int(1);
    }
    mpq_t x, y;
    mpq_init(x);
    mpq_init(y);
    to_mpq(x, a);
    to_mpq(y, b);
    mpq_ptr z = big_new();
    if (op == OP_ADD)
        mpq_add(z, x, y);
    else if (op == OP_MUL)
        mpq_mul(z, x, y);
    else
        mpq_div(z, x, y);
    mpq_clear(x);
    mpq_clear(y);
    return from_big(z);
}

dx_num dx_num_add(const dx_num *a, const dx_num *b)
{
    if (!a->z && !b->z) {
        int64_t n1, n2, d, n;
        if (a->d == 1 && b->d == 1) {
            if (!__builtin_add_overflow(a->n, b->n, &n) && n != INT64_MIN)
                return dx_num_int(n);
        } else if (!__builtin_mul_overflow(a->n, b->d, &n1) && !__builtin_mul_overflow(b->n, a->d, &n2) &&
                   !__builtin_add_overflow(n1, n2, &n) && !__builtin_mul_overflow(a->d, b->d, &d)) {
            return dx_num_frac(n, d);
        }
    }
    return big_op(a, b, OP_ADD);
}

dx_num dx_num_neg(const dx_num *a)
{
    if (!a->z && a->n != INT64_MIN) {
        dx_num r = {-a->n, a->d, NULL};
        return r;
    }
    dx_num m1 = dx_num_int(-1);
    return big_op(a, &m1, OP_MUL);
}

dx_num dx_num_sub(const dx_num *a, const dx_num *b)
{
    dx_num nb = dx_num_neg(b);
    dx_num r = dx_num_add(a, &nb);
    dx_num_clear(&nb);
    return r;
}

dx_num dx_num_mul(const dx_num *a, const dx_num *b)
{
    if (!a->z && !b->z) {
        int64_t n, d;
        if (a->d == 1 && b->d == 1) {
            if (!__builtin_mul_overflow(a->n, b->n, &n) && n != INT64_MIN)
                return dx_num_int(n);
        } else {
            /* cross-cancel first so the products stay small */
            int64_t g1 = gcd64(a->n, b->d), g2 = gcd64(b->n, a->d);
            g1 = g1 ? g1 : 1;
            g2 = g2 ? g2 : 1;
            if (!__builtin_mul_overflow(a->n / g1, b->n / g2, &n) &&
                !__builtin_mul_overflow(a->d / g2, b->d / g1, &d) && n != INT64_MIN) {
                dx_num r = {n, d, NULL};
                if (n == 0)
                    r.d = 1;
                return r;
            }
        }
    }
    return big_op(a, b, OP_MUL);
}

dx_num dx_num_div(const dx_num *a, const dx_num *b)
{
    if (!b->z && b->n != INT64_MIN && !a->z) {
        dx_num inv = dx_num_frac(b->d, b->n);
        return dx_num_mul(a, &inv);
    }
    return big_op(a, b, OP_DIV);
}

bool dx_num_pow_int(dx_num *out, const dx_num *a, int64_t k)
{
    if (dx_num_sign(a) == 0) {
        if (k < 0)
            return false;
        *out = dx_num_int(k == 0 ? 1 : 0);
        return true;
    }
    if (dx_num_is(a, 1)) {
        *out = dx_num_int(1);
        return true;
    }
    if (dx_num_is(a, -1)) {
        *out = dx_num_int(k % 2 ? -1 : 1);
        return true;
    }
    uint64_t ak = k < 0 ? 0 - (uint64_t)k : (uint64_t)k;
    /* the cap guards the growth of a power; a reciprocal does not grow, and sums and products
     * may have made a number past the cap, whose 1/n must fold as the text 1/n reads back */
    if (ak > 1 && (double)ak * (double)dx_num_bits(a) > DX_NUM_MAX_BITS)
        return false;
    mpq_t x;
    mpq_init(x);
    to_mpq(x, a);
    mpq_ptr z = big_new();
    mpz_pow_ui(mpq_numref(z), mpq_numref(x), (unsigned long)ak);
    mpz_pow_ui(mpq_denref(z), mpq_denref(x), (unsigned long)ak);
    if (k < 0)
        mpq_inv(z, z);
    mpq_clear(x);
    *out = from_big(z);
    return true;
}

bool dx_num_root(dx_num *out, const dx_num *a, int64_t q)
{
    if (q <= 0 || dx_num_sign(a) < 0 || q > 64)
        return false;
    mpq_t x;
    mpq_init(x);
    to_mpq(x, a);
    mpz_t rn, rd;
    mpz_init(rn);
    mpz_init(rd);
    bool ok = mpz_root(rn, mpq_numref(x), (unsigned long)q) && mpz_root(rd, mpq_denref(x), (unsigned long)q);
    if (ok) {
        mpq_ptr z = big_new();
        mpz_set(mpq_numref(z), rn);
        mpz_set(mpq_denref(z), rd);
        *out = from_big(z);
    }
    mpz_clear(rn);
    mpz_clear(rd);
    mpq_clear(x);
    return ok;
}

/* Past this many bits a logarithm is not looked for exactly (the roots' cost grows with them). */
#define LOG_MAX_BITS 4096

static bool is_prime(unsigned long p)
{
    for (unsigned long q = 2; q * q <= p; q++)
        if (p % q == 0)
            return false;
    return p >= 2;
}

/* a > 0 as r^k with k as large as it goes (r no perfect power): each prime k in turn, the
 * root taken as long as both numerator and denominator have one. */
static void primitive_power(mpq_t r, mpz_t k, const mpq_t a)
{
    mpq_set(r, a);
    mpz_set_ui(k, 1);
    mpz_t n, d;
    mpz_init(n);
    mpz_init(d);
    for (unsigned long p = 2; p <= mpz_sizeinbase(mpq_numref(r), 2) || p <= mpz_sizeinbase(mpq_denref(r), 2);) {
        if (mpz_root(n, mpq_numref(r), p) && mpz_root(d, mpq_denref(r), p)) {
            mpz_set(mpq_numref(r), n);
            mpz_set(mpq_denref(r), d);
            mpz_mul_ui(k, k, p);
            continue; /* the same prime again: 2^8 = (2^4)^2 */
        }
        do /* the next prime (trial division: p stays below LOG_MAX_BITS) */
            p++;
        while (!is_prime(p));
    }
    mpz_clear(n);
    mpz_clear(d);
}

bool dx_num_log(dx_num *out, const dx_num *a, const dx_num *b)
{
    if (dx_num_sign(a) <= 0 || dx_num_sign(b) <= 0 || dx_num_is(b, 1) || dx_num_bits(a) > LOG_MAX_BITS ||
        dx_num_bits(b) > LOG_MAX_BITS)
        return false;
    if (dx_num_is(a, 1)) {
        *out = dx_num_int(0);
        return true;
    }
    mpq_t x, y, ra, rb;
    mpz_t ka, kb;
    mpq_inits(x, y, ra, rb, NULL);
    mpz_inits(ka, kb, NULL);
    to_mpq(x, a);
    to_mpq(y, b);
    primitive_power(ra, ka, x);
    primitive_power(rb, kb, y);
    int sign = mpq_equal(ra, rb) ? 1 : 0;
    if (!sign) {
        mpq_inv(rb, rb);
        sign = mpq_equal(ra, rb) ? -1 : 0;
    }
    if (sign) { /* a = r^ka, b = r^(+-kb): log_b(a) = +-ka/kb */
        mpq_ptr z = big_new();
        mpz_set(mpq_numref(z), ka);
        mpz_set(mpq_denref(z), kb);
        if (sign < 0)
            mpz_neg(mpq_numref(z), mpq_numref(z));
        mpq_canonicalize(z);
        *out = from_big(z);
    }
    mpq_clears(x, y, ra, rb, NULL);
    mpz_clears(ka, kb, NULL);
    return sign != 0;
}

int dx_num_cmp(const dx_num *a, const dx_num *b)
{
    if (!a->z && !b->z) {
        if (a->d == b->d)
            return (a->n > b->n) - (a->n < b->n);
        __int128 l = (__int128)a->n * b->d, r = (__int128)b->n * a->d;
        return (l > r) - (l < r);
    }
    mpq_t x, y;
    mpq_init(x);
    mpq_init(y);
    to_mpq(x, a);
    to_mpq(y, b);
    int c = mpq_cmp(x, y);
    mpq_clear(x);
    mpq_clear(y);
    return (c > 0) - (c < 0);
}

bool dx_num_eq(const dx_num *a, const dx_num *b)
{
    if (!a->z && !b->z)
        return a->n == b->n && a->d == b->d;
    if (!a->z || !b->z)
        return false; /* canonical: a value that fits is never big */
    return mpq_equal(a->z, b->z) != 0;
}

bool dx_num_get_int(const dx_num *a, int64_t *v)
{
    if (a->z || a->d != 1)
        return false;
    *v = a->n;
    return true;
}

double dx_num_to_double(const dx_num *a)
{
    return a->z ? mpq_get_d(a->z) : (double)a->n / (double)a->d;
}

uint64_t dx_num_hash(const dx_num *a)
{
    if (!a->z)
        return (uint64_t)a->n * 0x9E3779B97F4A7C15ull ^ (uint64_t)a->d * 0xC2B2AE3D27D4EB4Full;
    uint64_t h = 0x51ED27;
    for (size_t i = 0; i < mpz_size(mpq_numref(a->z)); i++)
        h = (h ^ mpz_getlimbn(mpq_numref(a->z), (mp_size_t)i)) * 0x100000001B3ull;
    for (size_t i = 0; i < mpz_size(mpq_denref(a->z)); i++)
        h = (h ^ mpz_getlimbn(mpq_denref(a->z), (mp_size_t)i)) * 0x100000001B3ull;
    return h ^ (uint64_t)mpq_sgn(a->z);
}

dx_num dx_num_numer(const dx_num *a)
{
    if (!a->z)
        return dx_num_int(a->n);
    mpq_ptr z = big_new();
    mpz_set(mpq_numref(z), mpq_numref(a->z));
    return from_big(z);
}

dx_num dx_num_denom(const dx_num *a)
{
    if (!a->z)
        return dx_num_int(a->d);
    mpq_ptr z = big_new();
    mpz_set(mpq_numref(z), mpq_denref(a->z));
    return from_big(z);
}

/* Decimal digits of v at out (no NUL); their count. snprintf's "%lld" without its cost. */
static size_t put_i64(char *out, int64_t v)
{
    char tmp[24];
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    size_t k = 0, n = 0;
    do
        tmp[k++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        out[n++] = '-';
    while (k)
        out[n++] = tmp[--k];
    return n;
}

char *dx_num_str(const dx_num *a)
{
    if (!a->z) {
        char buf[48];
        size_t k = put_i64(buf, a->n);
        if (a->d != 1) {
            buf[k++] = '/';
            k += put_i64(buf + k, a->d);
        }
        char *s = dx_malloc(k + 1);
        if (s) {
            memcpy(s, buf, k);
            s[k] = 0;
        }
        return s;
    }
    size_t need = mpz_sizeinbase(mpq_numref(a->z), 10) + mpz_sizeinbase(mpq_denref(a->z), 10) + 3;
    char *s = dx_malloc(need);
    if (s)
        mpq_get_str(s, 10, a->z);
    return s;
}

size_t dx_num_bits(const dx_num *a)
{
    if (!a->z) {
        uint64_t n = a->n < 0 ? 0 - (uint64_t)a->n : (uint64_t)a->n;
        return (size_t)(64 - (n ? __builtin_clzll(n) : 64)) + (size_t)(64 - __builtin_clzll((uint64_t)a->d));
    }
    return mpz_sizeinbase(mpq_numref(a->z), 2) + mpz_sizeinbase(mpq_denref(a->z), 2);
}
