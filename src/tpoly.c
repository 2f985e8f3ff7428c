/* Polynomials in three variables with exact rational coefficients (see tpoly.h). */
#include "tpoly.h"
#include "multivar.h"
#include "num.h"
#include "simplify.h"

#include <stdlib.h>

void dx_tp_init(dx_tpoly *p)
{
    p->n = p->cap = 0;
    p->t = NULL;
}

void dx_tp_clear(dx_tpoly *p)
{
    for (size_t i = 0; i < p->n; i++)
        mpq_clear(p->t[i].c);
    dx_free(p->t);
    dx_tp_init(p);
}

int dx_tp_cmp(const unsigned short *a, const unsigned short *b)
{
    int da = a[0] + a[1] + a[2], db = b[0] + b[1] + b[2];
    if (da != db)
        return da > db ? 1 : -1;
    /* equal degrees: the one with the smaller power of the last variable that differs first */
    for (int v = 2; v > 0; v--)
        if (a[v] != b[v])
            return a[v] < b[v] ? 1 : -1;
    return 0;
}

void dx_tp_push(dx_tpoly *p, const unsigned short *m, const mpq_t c)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 8;
        p->t = dx_gmp_realloc(p->t, p->cap * sizeof *p->t, cap * sizeof *p->t);
        p->cap = cap;
    }
    dx_tterm *t = &p->t[p->n++];
    mpq_init(t->c);
    mpq_set(t->c, c);
    for (int v = 0; v < 3; v++)
        t->e[v] = m[v];
}

void dx_tp_copy(dx_tpoly *out, const dx_tpoly *a)
{
    dx_tp_clear(out);
    for (size_t i = 0; i < a->n; i++)
        dx_tp_push(out, a->t[i].e, a->t[i].c);
}

void dx_tp_submul(dx_tpoly *out, const dx_tpoly *a, const mpq_t c, const unsigned short *m, const dx_tpoly *b)
{
    dx_tp_clear(out);
    mpq_t q;
    mpq_init(q);
    size_t i = 0, j = 0;
    unsigned short e[3];
    while (i < a->n || j < b->n) {
        int k = 1; /* which comes first: a's term (1), b's shifted term (-1), or both (0) */
        if (j < b->n) {
            for (int v = 0; v < 3; v++)
                e[v] = (unsigned short)(b->t[j].e[v] + m[v]);
            k = i < a->n ? dx_tp_cmp(a->t[i].e, e) : -1;
        }
        if (k > 0) {
            dx_tp_push(out, a->t[i].e, a->t[i].c);
            i++;
            continue;
        }
        mpq_mul(q, c, b->t[j].c);
        mpq_neg(q, q);
        if (k == 0)
            mpq_add(q, q, a->t[i++].c);
        if (mpq_sgn(q))
            dx_tp_push(out, e, q);
        j++;
    }
    mpq_clear(q);
}

void dx_tp_monic(dx_tpoly *p)
{
    mpq_t l;
    mpq_init(l);
    mpq_inv(l, p->t[0].c);
    for (size_t i = 0; i < p->n; i++)
        mpq_mul(p->t[i].c, p->t[i].c, l);
    mpq_clear(l);
}

static int by_order(const void *a, const void *b)
{
    return dx_tp_cmp(((const dx_tterm *)b)->e, ((const dx_tterm *)a)->e);
}

/* Sort p's terms, adding those of one monomial and dropping zeros. */
static void normalise(dx_tpoly *p)
{
    if (p->n > 1)
        qsort(p->t, p->n, sizeof *p->t, by_order);
    size_t k = 0;
    for (size_t i = 0; i < p->n; i++) {
        if (k > 0 && dx_tp_cmp(p->t[k - 1].e, p->t[i].e) == 0) {
            mpq_add(p->t[k - 1].c, p->t[k - 1].c, p->t[i].c);
            mpq_clear(p->t[i].c);
            continue;
        }
        if (k > 0 && !mpq_sgn(p->t[k - 1].c)) {
            mpq_clear(p->t[k - 1].c);
            k--;
        }
        p->t[k++] = p->t[i];
    }
    if (k > 0 && !mpq_sgn(p->t[k - 1].c)) {
        mpq_clear(p->t[k - 1].c);
        k--;
    }
    p->n = k;
}

void dx_tp_deriv(dx_tpoly *out, const dx_tpoly *p, int v)
{
    dx_tp_clear(out);
    mpq_t c;
    mpq_init(c);
    for (size_t i = 0; i < p->n; i++) {
        if (p->t[i].e[v] == 0)
            continue;
        unsigned short e[3] = {p->t[i].e[0], p->t[i].e[1], p->t[i].e[2]};
        mpq_set_ui(c, e[v], 1);
        mpq_mul(c, c, p->t[i].c);
        e[v]--;
        dx_tp_push(out, e, c);
    }
    mpq_clear(c);
    normalise(out); /* lowering one power can change the order */
}

bool dx_term_powers(const dx_expr *t, const dx_expr *const *vars, int nvars, mpq_t coef, int *e)
{
    size_t n = t->kind == DX_MUL ? t->n : 1;
    dx_expr *const *f = t->kind == DX_MUL ? t->a : (dx_expr *const *)&t;
    mpq_set_ui(coef, 1, 1);
    int total = 0;
    for (int v = 0; v < nvars; v++)
        e[v] = 0;
    for (size_t i = 0; i < n; i++) {
        const dx_expr *u = f[i];
        int64_t k = 1;
        if (u->kind == DX_NUM) {
            mpq_t q;
            mpq_init(q);
            dx_num_to_mpq(q, &u->u.num);
            mpq_mul(coef, coef, q);
            mpq_clear(q);
            continue;
        }
        if (u->kind == DX_POW) {
            if (!dx_is_num(u->a[1]) || !dx_num_get_int(&u->a[1]->u.num, &k) || k < 1 || k > DX_EXTREMA2_MAX_DEGREE)
                return false;
            u = u->a[0];
        }
        int v = 0;
        while (v < nvars && u != vars[v])
            v++;
        if (v == nvars)
            return false;
        e[v] += (int)k;
        total += (int)k;
    }
    return total <= DX_EXTREMA2_MAX_DEGREE;
}

/* One term of an expanded polynomial in the three variables; false when it is none. */
static bool term_of(const dx_expr *t, dx_expr *const *vars, mpq_t coef, unsigned short *e)
{
    int k[3];
    if (!dx_term_powers(t, (const dx_expr *const *)vars, 3, coef, k))
        return false;
    for (int v = 0; v < 3; v++)
        e[v] = (unsigned short)k[v];
    return true;
}

int dx_tp_from_expr(dx_ctx *ctx, dx_expr *f, dx_expr *const *vars, dx_tpoly *out, int *degree)
{
    dx_expr *e = dx_expand(ctx, f);
    if (!e)
        return -1;
    size_t n = e->kind == DX_ADD ? e->n : 1;
    dx_expr *const *t = e->kind == DX_ADD ? e->a : &e;
    mpq_t c;
    mpq_init(c);
    unsigned short m[3];
    dx_tp_clear(out);
    *degree = 0;
    int is = 1;
    for (size_t i = 0; i < n && is; i++) {
        if (!term_of(t[i], vars, c, m)) {
            is = 0;
            break;
        }
        if (mpq_sgn(c))
            dx_tp_push(out, m, c);
        *degree = m[0] + m[1] + m[2] > *degree ? m[0] + m[1] + m[2] : *degree;
    }
    mpq_clear(c);
    if (!is)
        dx_tp_clear(out);
    normalise(out);
    return is;
}

void dx_tp_primitive(dx_tpoly *p)
{
    if (p->n == 0)
        return;
    mpz_t l, g;
    mpz_init_set_ui(l, 1);
    mpz_init_set_ui(g, 0);
    for (size_t i = 0; i < p->n; i++) {
        mpz_lcm(l, l, mpq_denref(p->t[i].c));
        mpz_gcd(g, g, mpq_numref(p->t[i].c));
    }
    mpq_t s;
    mpq_init(s);
    mpz_set(mpq_numref(s), l);
    mpz_set(mpq_denref(s), g);
    mpq_canonicalize(s);
    if (mpq_sgn(p->t[0].c) < 0)
        mpq_neg(s, s);
    for (size_t i = 0; i < p->n; i++)
        mpq_mul(p->t[i].c, p->t[i].c, s);
    mpq_clear(s);
    mpz_clear(l);
    mpz_clear(g);
}

dx_expr *dx_tp_to_expr(dx_ctx *ctx, const dx_tpoly *p, dx_expr *const *vars)
{
    if (p->n == 0)
        return dx_int(ctx, 0);
    dx_expr **t = dx_alloc(ctx, p->n * sizeof *t);
    if (!t)
        return NULL;
    for (size_t i = 0; i < p->n; i++) {
        dx_num q = dx_num_from_mpq(p->t[i].c);
        dx_expr *f[4] = {dx_number(ctx, &q)};
        dx_num_clear(&q);
        for (int v = 0; v < 3; v++)
            f[v + 1] = dx_pow(ctx, vars[v], dx_int(ctx, p->t[i].e[v]));
        t[i] = dx_mul_n(ctx, f, 4);
    }
    return dx_add_n(ctx, t, p->n);
}

void dx_tp_eval_iv(dx_iv *out, const dx_tpoly *p, const dx_iv *X)
{
    int top[3] = {0, 0, 0};
    for (size_t i = 0; i < p->n; i++)
        for (int v = 0; v < 3; v++)
            top[v] = p->t[i].e[v] > top[v] ? p->t[i].e[v] : top[v];
    /* the powers of each coordinate's interval, once (products: wider, still sure) */
    dx_iv *pw[3];
    mpq_t one;
    mpq_init(one);
    mpq_set_ui(one, 1, 1);
    for (int v = 0; v < 3; v++) {
        pw[v] = dx_gmp_alloc(sizeof *pw[v] * (size_t)(top[v] + 1));
        for (int k = 0; k <= top[v]; k++) {
            dx_iv_init(&pw[v][k]);
            if (k == 0)
                dx_iv_set(&pw[v][0], one, one);
            else
                dx_iv_mul(&pw[v][k], &pw[v][k - 1], &X[v]);
        }
    }
    dx_iv t, s;
    dx_iv_init(&t);
    dx_iv_init(&s);
    mpq_set_ui(out->lo, 0, 1);
    mpq_set_ui(out->hi, 0, 1);
    for (size_t i = 0; i < p->n; i++) {
        const unsigned short *e = p->t[i].e;
        dx_iv_mul(&t, &pw[0][e[0]], &pw[1][e[1]]);
        dx_iv_mul(&s, &t, &pw[2][e[2]]);
        dx_iv_scale(&t, &s, p->t[i].c);
        dx_iv_add(out, out, &t);
    }
    dx_iv_clear(&t);
    dx_iv_clear(&s);
    for (int v = 0; v < 3; v++) {
        for (int k = 0; k <= top[v]; k++)
            dx_iv_clear(&pw[v][k]);
        dx_free(pw[v]);
    }
    mpq_clear(one);
}
