/* Exact rational numbers: a small int64 fast path, GMP behind it. */
#ifndef DX_NUM_H
#define DX_NUM_H

#include <gmp.h>
#include <stdbool.h>
#include <stdint.h>

#define DX_HIDDEN __attribute__((visibility("hidden")))

/* n/d in lowest terms with d > 0 while z == NULL; otherwise the value is *z (also canonical).
 * A value that fits the small form is always kept small, so equal numbers compare equal
 * field by field. A dx_num with z != NULL owns it: release with dx_num_clear. */
typedef struct dx_num {
    int64_t n, d;
    mpq_ptr z;
} dx_num;

static inline dx_num dx_num_int(int64_t v) { dx_num r = {v, 1, 0}; return r; }
DX_HIDDEN dx_num dx_num_frac(int64_t n, int64_t d); /* d != 0 */
DX_HIDDEN void dx_num_clear(dx_num *a);
DX_HIDDEN dx_num dx_num_copy(const dx_num *a);

/* Exact value of a decimal literal (digits, optional '.', optional exponent). false when the
 * exponent is beyond the limit that keeps the value printable. */
DX_HIDDEN bool dx_num_parse(dx_num *out, const char *s, size_t len);

DX_HIDDEN dx_num dx_num_add(const dx_num *a, const dx_num *b);
DX_HIDDEN dx_num dx_num_sub(const dx_num *a, const dx_num *b);
DX_HIDDEN dx_num dx_num_mul(const dx_num *a, const dx_num *b);
DX_HIDDEN dx_num dx_num_div(const dx_num *a, const dx_num *b); /* b != 0 */
DX_HIDDEN dx_num dx_num_neg(const dx_num *a);
/* a^k for an integer k; false when |k| or the result would be too large, or 0^negative. */
DX_HIDDEN bool dx_num_pow_int(dx_num *out, const dx_num *a, int64_t k);
/* An exact q-th root of a >= 0 when there is one. */
DX_HIDDEN bool dx_num_root(dx_num *out, const dx_num *a, int64_t q);
/* log_b(a) when it is rational (a and b positive, b != 1: log(8, 1/2) is -3, log(2, 8) is 1/3);
 * false when it is not, or the numbers are too long to look. */
DX_HIDDEN bool dx_num_log(dx_num *out, const dx_num *a, const dx_num *b);

DX_HIDDEN int dx_num_cmp(const dx_num *a, const dx_num *b);
DX_HIDDEN bool dx_num_eq(const dx_num *a, const dx_num *b);
/* Inline: asked for nearly every node the printer and the constructors look at, where a
 * call cost more than the test (about 2% of a diff-and-print run). */
static inline int dx_num_sign(const dx_num *a) { return a->z ? mpq_sgn(a->z) : (a->n > 0) - (a->n < 0); }
static inline bool dx_num_is(const dx_num *a, int64_t v) { return !a->z && a->n == v && a->d == 1; }
static inline bool dx_num_is_int(const dx_num *a) { return a->z ? mpz_cmp_ui(mpq_denref(a->z), 1) == 0 : a->d == 1; }
/* The value as an int64 if it is an integer that fits. */
DX_HIDDEN bool dx_num_get_int(const dx_num *a, int64_t *v);
DX_HIDDEN double dx_num_to_double(const dx_num *a);
DX_HIDDEN uint64_t dx_num_hash(const dx_num *a);
/* Numerator and denominator as new numbers (integers). */
DX_HIDDEN dx_num dx_num_numer(const dx_num *a);
DX_HIDDEN dx_num dx_num_denom(const dx_num *a);
/* Conversions to and from GMP rationals, for exact algorithms (polynomial gcd) that work in
 * mpq_t. out must be initialised; from_mpq copies q. */
DX_HIDDEN void dx_num_to_mpq(mpq_t out, const dx_num *a);
DX_HIDDEN dx_num dx_num_from_mpq(const mpq_t q);
/* Decimal text of the value ("-3", "1/3"), malloc'd. */
DX_HIDDEN char *dx_num_str(const dx_num *a);
/* Bits needed for the numerator plus denominator: a size guard against runaway growth. */
DX_HIDDEN size_t dx_num_bits(const dx_num *a);

#endif
