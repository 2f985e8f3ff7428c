/* Intervals with exact rational ends (see qiv.h). */
#include "qiv.h"

void dx_iv_init(dx_iv *a)
{
    mpq_init(a->lo);
    mpq_init(a->hi);
}

void dx_iv_clear(dx_iv *a)
{
    mpq_clear(a->lo);
    mpq_clear(a->hi);
}

void dx_iv_set(dx_iv *a, const mpq_t lo, const mpq_t hi)
{
    mpq_set(a->lo, lo);
    mpq_set(a->hi, hi);
}

void dx_iv_add(dx_iv *out, const dx_iv *a, const dx_iv *b)
{
    mpq_add(out->lo, a->lo, b->lo);
    mpq_add(out->hi, a->hi, b->hi);
}

void dx_iv_sub(dx_iv *out, const dx_iv *a, const dx_iv *b)
{
    mpq_sub(out->lo, a->lo, b->hi);
    mpq_sub(out->hi, a->hi, b->lo);
}

void dx_iv_mul(dx_iv *out, const dx_iv *a, const dx_iv *b)
{
    mpq_t p[4];
    for (int i = 0; i < 4; i++)
        mpq_init(p[i]);
    mpq_mul(p[0], a->lo, b->lo);
    mpq_mul(p[1], a->lo, b->hi);
    mpq_mul(p[2], a->hi, b->lo);
    mpq_mul(p[3], a->hi, b->hi);
    int lo = 0, hi = 0;
    for (int i = 1; i < 4; i++) {
        lo = mpq_cmp(p[i], p[lo]) < 0 ? i : lo;
        hi = mpq_cmp(p[i], p[hi]) > 0 ? i : hi;
    }
    mpq_set(out->lo, p[lo]);
    mpq_set(out->hi, p[hi]);
    for (int i = 0; i < 4; i++)
        mpq_clear(p[i]);
}

void dx_iv_scale(dx_iv *out, const dx_iv *a, const mpq_t q)
{
    dx_iv t;
    dx_iv_init(&t);
    dx_iv_set(&t, q, q);
    dx_iv_mul(out, a, &t);
    dx_iv_clear(&t);
}
