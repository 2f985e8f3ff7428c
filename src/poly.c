/* Polynomials in one variable over the rationals: the exact algebra behind cancelling. */
#include "poly.h"

#include <stdlib.h>

/* A polynomial with deg+1 zero coefficients (at least one slot, so the zero polynomial owns a
 * valid array). malloc failing here is as fatal as it is inside GMP itself. */
static void init(dx_poly *p, int deg)
{
    p->size = deg >= 0 ? deg + 1 : 1;
    p->c = malloc((size_t)p->size * sizeof *p->c);
    if (!p->c)
        abort();
    for (int i = 0; i < p->size; i++)
        mpq_init(p->c[i]);
    p->deg = deg;
}

static void copy(dx_poly *dst, const dx_poly *src)
{
    init(dst, src->deg);
    for (int i = 0; i <= src->deg; i++)
        mpq_set(dst->c[i], src->c[i]);
}

/* Drop zero leading coefficients, so c[deg] != 0 holds again. */
static void trim(dx_poly *p)
{
    while (p->deg >= 0 && mpq_sgn(p->c[p->deg]) == 0)
        p->deg--;
}

void dx_poly_free(dx_poly *p)
{
    if (!p->c)
        return;
    for (int i = 0; i < p->size; i++)
        mpq_clear(p->c[i]);
    free(p->c);
    p->c = NULL;
    p->deg = -1;
    p->size = 0;
}

/* One term number * v^k: its coefficient into c[k]. false when it is not of that shape. */
static bool term_of(const dx_expr *t, dx_expr **var, mpq_t *c)
{
    mpq_t coef;
    mpq_init(coef);
    mpq_set_si(coef, 1, 1);
    const dx_expr *x = t;
    bool ok = true;
    if (t->kind == DX_MUL) {
        /* canonical: at most a number and one power of the variable */
        if (t->n != 2 || t->a[0]->kind != DX_NUM) {
            ok = false;
        } else {
            dx_num_to_mpq(coef, &t->a[0]->u.num);
            x = t->a[1];
        }
    } else if (t->kind == DX_NUM) {
        dx_num_to_mpq(coef, &t->u.num);
        x = NULL;
    }
    int64_t k = 0;
    if (ok && x) {
        const dx_expr *base = x;
        k = 1;
        if (x->kind == DX_POW) {
            base = x->a[0];
            if (x->a[1]->kind != DX_NUM || !dx_num_get_int(&x->a[1]->u.num, &k) || k < 1)
                ok = false;
        }
        if (ok && base->kind != DX_SYM)
            ok = false;
        if (ok && !*var)
            *var = (dx_expr *)base;
        if (ok && (base != *var || k > DX_POLY_MAXDEG))
            ok = false;
    }
    if (ok)
        mpq_add(c[k], c[k], coef);
    mpq_clear(coef);
    return ok;
}

bool dx_poly_of(const dx_expr *e, dx_expr **var, dx_poly *out)
{
    init(out, DX_POLY_MAXDEG);
    bool ok = true;
    if (e->kind == DX_ADD) {
        for (uint32_t i = 0; ok && i < e->n; i++)
            ok = term_of(e->a[i], var, out->c);
    } else {
        ok = term_of(e, var, out->c);
    }
    if (!ok) {
        dx_poly_free(out);
        return false;
    }
    trim(out);
    return true;
}

dx_expr *dx_poly_expr(dx_ctx *ctx, const dx_poly *p, dx_expr *var)
{
    if (p->deg < 0)
        return dx_int(ctx, 0);
    dx_expr **t = malloc((size_t)(p->deg + 1) * sizeof *t);
    if (!t)
        return dx_fail(ctx, DX_ENOMEM, -1, -1, "out of memory");
    size_t n = 0;
    for (int k = 0; k <= p->deg; k++) {
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

void dx_poly_divmod(const dx_poly *a, const dx_poly *b, dx_poly *q, dx_poly *r)
{
    copy(r, a);
    init(q, a->deg >= b->deg ? a->deg - b->deg : -1);
    mpq_t f, t;
    mpq_init(f);
    mpq_init(t);
    while (r->deg >= b->deg && r->deg >= 0) {
        int s = r->deg - b->deg;
        mpq_div(f, r->c[r->deg], b->c[b->deg]);
        mpq_set(q->c[s], f);
        for (int i = 0; i <= b->deg; i++) {
            mpq_mul(t, f, b->c[i]);
            mpq_sub(r->c[i + s], r->c[i + s], t);
        }
        /* the leading coefficient is exactly zero now, even if rounding were an issue */
        mpq_set_si(r->c[r->deg], 0, 1);
        trim(r);
    }
    trim(q);
    mpq_clear(f);
    mpq_clear(t);
}

void dx_poly_gcd(const dx_poly *a, const dx_poly *b, dx_poly *g)
{
    dx_poly x, y;
    copy(&x, a);
    copy(&y, b);
    while (y.deg >= 0) {
        dx_poly q, r;
        dx_poly_divmod(&x, &y, &q, &r);
        dx_poly_free(&q);
        dx_poly_free(&x);
        x = y;
        y = r;
    }
    dx_poly_free(&y);
    if (x.deg >= 0) {
        mpq_t lead;
        mpq_init(lead);
        mpq_set(lead, x.c[x.deg]);
        for (int i = 0; i <= x.deg; i++)
            mpq_div(x.c[i], x.c[i], lead);
        mpq_clear(lead);
    }
    *g = x;
}

void dx_poly_primitive(dx_poly *p, mpq_t factor)
{
    mpq_set_si(factor, 1, 1);
    if (p->deg < 0)
        return;
    /* content = gcd of numerators / lcm of denominators, signed like the leading term */
    mpz_t num, den;
    mpz_init_set_ui(num, 0);
    mpz_init_set_ui(den, 1);
    for (int i = 0; i <= p->deg; i++) {
        mpz_gcd(num, num, mpq_numref(p->c[i]));
        mpz_lcm(den, den, mpq_denref(p->c[i]));
    }
    if (mpq_sgn(p->c[p->deg]) < 0)
        mpz_neg(num, num);
    mpz_set(mpq_numref(factor), num);
    mpz_set(mpq_denref(factor), den);
    mpq_canonicalize(factor);
    for (int i = 0; i <= p->deg; i++)
        mpq_div(p->c[i], p->c[i], factor);
    mpz_clear(num);
    mpz_clear(den);
}
