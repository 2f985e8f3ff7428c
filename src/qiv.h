/* Intervals with exact rational ends: sure enclosures of a polynomial's values on a box, for
 * the certified searches for critical points (extrema2.c, extrema3.c). */
#ifndef DX_QIV_H
#define DX_QIV_H

#include "alloc.h"

#include <gmp.h>
#include <stdbool.h>

typedef struct dx_iv {
    mpq_t lo, hi;
} dx_iv;

DX_HIDDEN void dx_iv_init(dx_iv *a);
DX_HIDDEN void dx_iv_clear(dx_iv *a);
DX_HIDDEN void dx_iv_set(dx_iv *a, const mpq_t lo, const mpq_t hi);
DX_HIDDEN void dx_iv_add(dx_iv *out, const dx_iv *a, const dx_iv *b);
/* out = a - b (out may alias neither). */
DX_HIDDEN void dx_iv_sub(dx_iv *out, const dx_iv *a, const dx_iv *b);
DX_HIDDEN void dx_iv_mul(dx_iv *out, const dx_iv *a, const dx_iv *b);
DX_HIDDEN void dx_iv_scale(dx_iv *out, const dx_iv *a, const mpq_t q);
static inline bool dx_iv_has_zero(const dx_iv *a) { return mpq_sgn(a->lo) <= 0 && mpq_sgn(a->hi) >= 0; }
/* 1 when every value is positive, -1 every one negative, 0 otherwise. */
static inline int dx_iv_sign(const dx_iv *a) { return mpq_sgn(a->lo) > 0 ? 1 : mpq_sgn(a->hi) < 0 ? -1 : 0; }

#endif
