/* Simplification for display: expand, combine, factor; keep the form that reads easiest. */
#include "simplify.h"
#include "alloc.h"
#include "fn.h"
#include "map.h"
#include "poly.h"
#include "print.h"
#include "trig.h"

#include <stdlib.h>
#include <string.h>

/* Terms past which a sum is not searched for a common factor or a pair of terms (the
 * searches are quadratic). */
#define DX_FACTOR_MAX_TERMS 32

/* --- small growable lists ------------------------------------------------------------------ */

typedef struct {
    dx_expr **v;
    size_t n, cap;
} vec;

static bool push(dx_ctx *ctx, vec *l, dx_expr *e)
{
    if (!e)
        return false;
    if (l->n == l->cap) {
        size_t nc = l->cap ? 2 * l->cap : 8;
        dx_expr **nv = dx_realloc(l->v, nc * sizeof *nv);
        if (!nv)
            return dx_oom(ctx) != NULL; /* false, with the failure recorded like a constructor's */
        l->v = nv;
        l->cap = nc;
    }
    l->v[l->n++] = e;
    return true;
}

/* The terms of e: its children when it is a sum, else e alone. */
static bool push_terms(dx_ctx *ctx, vec *l, dx_expr *e)
{
    if (!e)
        return false;
    if (e->kind != DX_ADD)
        return push(ctx, l, e);
    for (uint32_t i = 0; i < e->n; i++)
        if (!push(ctx, l, e->a[i]))
            return false;
    return true;
}

/* false without memory: the caller records it (the choices made so far lean on the memo) */
static bool remember(dx_map *m, const dx_expr *e, dx_expr *r)
{
    return !r || dx_map_put(m, e, r);
}

static bool is_denominator(const dx_expr *f)
{
    return f->kind == DX_POW && f->a[1]->kind == DX_NUM && dx_num_sign(&f->a[1]->u.num) < 0;
}

/* --- expand ------------------------------------------------------------------------------------ */

/* The memos of expand, together and printing, kept for a whole dx_simplify: its candidates at
 * one node expand, combine and print the same subexpressions its candidates below did. */
typedef struct {
    dx_ctx *ctx;
    dx_map done;          /* expand: results by node */
    dx_map combined;      /* together: results by node */
    dx_map pythagoras;    /* dx_trig_pythagoras: results by sum */
    dx_map fewer;         /* dx_trig_product with fewer factors: results by term */
    dx_print_memo *texts; /* printed subexpressions (NULL without memory: printed afresh) */
    bool over; /* the term limit was passed: the caller returns its input */
} expander;

static void expander_init(expander *x, dx_ctx *ctx)
{
    x->ctx = ctx;
    x->over = false;
    dx_map_init(&x->done);
    dx_map_init(&x->combined);
    dx_map_init(&x->pythagoras);
    dx_map_init(&x->fewer);
    x->texts = dx_print_memo_new();
}

static void expander_free(expander *x)
{
    dx_map_free(&x->done);
    dx_map_free(&x->combined);
    dx_map_free(&x->pythagoras);
    dx_map_free(&x->fewer);
    dx_print_memo_free(x->texts);
}

/* fn(e) through the memo m: the trigonometric rewrites are functions of their node alone, and
 * the candidates at a node meet the terms and sums the candidates below met. */
static dx_expr *memoed(expander *x, dx_map *m, dx_expr *e, dx_expr *(*fn)(dx_ctx *, dx_expr *))
{
    if (!e)
        return NULL;
    dx_expr *r = dx_map_get(m, e);
    if (r)
        return r;
    r = fn(x->ctx, e);
    return remember(m, e, r) ? r : dx_oom(x->ctx);
}

static dx_expr *expand_rec(expander *x, dx_expr *e);

/* acc := acc * f, distributed when f is a sum, like terms merged. */
static bool times(expander *x, vec *acc, dx_expr *f)
{
    dx_ctx *ctx = x->ctx;
    size_t nf = f->kind == DX_ADD ? f->n : 1;
    if (acc->n * nf > DX_EXPAND_MAX_TERMS) {
        x->over = true;
        return false;
    }
    vec out = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < acc->n; i++)
        for (size_t j = 0; ok && j < nf; j++)
            ok = push(ctx, &out, dx_mul(ctx, acc->v[i], f->kind == DX_ADD ? f->a[j] : f));
    dx_expr *sum = ok ? dx_add_n(ctx, out.v, out.n) : NULL;
    dx_free(out.v);
    acc->n = 0;
    return sum && push_terms(ctx, acc, sum);
}

static dx_expr *expand_rec(expander *x, dx_expr *e)
{
    if (!e || x->over || e->n == 0)
        return e;
    if (dx_stack_low(x->ctx))
        return NULL;
    dx_expr *r = dx_map_get(&x->done, e);
    if (r)
        return r;
    dx_ctx *ctx = x->ctx;
    vec acc = {0};
    bool ok = true;
    switch (e->kind) {
    case DX_ADD:
        for (uint32_t i = 0; ok && i < e->n; i++)
            ok = push(ctx, &acc, expand_rec(x, e->a[i]));
        r = ok ? dx_add_n(ctx, acc.v, acc.n) : NULL;
        break;
    case DX_MUL:
        ok = push(ctx, &acc, dx_int(ctx, 1));
        for (uint32_t i = 0; ok && i < e->n; i++) {
            dx_expr *f = expand_rec(x, e->a[i]);
            ok = f && times(x, &acc, f);
        }
        r = ok ? dx_add_n(ctx, acc.v, acc.n) : NULL;
        break;
    case DX_POW: {
        /* (u + v)^k for a whole k >= 2 is multiplied out; denominators and roots stay whole */
        int64_t k;
        dx_expr *base = e->a[0];
        if (e->a[1]->kind == DX_NUM && dx_num_get_int(&e->a[1]->u.num, &k) && k >= 2 && k <= DX_EXPAND_MAX_TERMS) {
            base = expand_rec(x, base);
            if (base && base->kind == DX_ADD) {
                ok = push(ctx, &acc, dx_int(ctx, 1));
                for (int64_t i = 0; ok && i < k; i++)
                    ok = times(x, &acc, base);
                r = ok ? dx_add_n(ctx, acc.v, acc.n) : NULL;
            } else {
                r = dx_pow(ctx, base, e->a[1]);
            }
        } else {
            r = e;
        }
        break;
    }
    default: /* calls: their arguments are simplified on their own, by dx_simplify */
        r = e;
        break;
    }
    dx_free(acc.v);
    if (x->over)
        return e;
    if (!r && !dx_failed(ctx))
        dx_oom(ctx);
    if (!remember(&x->done, e, r))
        return dx_oom(ctx);
    return r;
}

/* One expansion with x's memo, which stays valid across calls (results by node). */
static dx_expr *expand_with(expander *x, dx_expr *e)
{
    x->over = false;
    dx_expr *r = expand_rec(x, e);
    if (x->over) {
        x->over = false;
        return e;
    }
    return r;
}

dx_expr *dx_expand(dx_ctx *ctx, dx_expr *e)
{
    expander x;
    expander_init(&x, ctx);
    dx_expr *r = expand_with(&x, e);
    expander_free(&x);
    return r;
}

/* --- together ------------------------------------------------------------------------------------ */

/* A denominator base and the power it has below the bar (a positive number). */
typedef struct {
    dx_expr *base;
    dx_num pow;
} den;

typedef struct {
    den *v;
    size_t n, cap;
} dens;

static void dens_free(dens *d)
{
    for (size_t i = 0; i < d->n; i++)
        dx_num_clear(&d->v[i].pow);
    dx_free(d->v);
}

/* One more factor base^-p below the bar (a repeated base multiplies: dens_product merges). */
static bool dens_append(dx_ctx *ctx, dens *d, dx_expr *base, const dx_num *p)
{
    if (d->n == d->cap) {
        size_t nc = d->cap ? 2 * d->cap : 4;
        den *nv = dx_realloc(d->v, nc * sizeof *nv);
        if (!nv)
            return dx_oom(ctx) != NULL; /* as push */
        d->v = nv;
        d->cap = nc;
    }
    d->v[d->n].base = base;
    d->v[d->n++].pow = dx_num_copy(p);
    return true;
}

/* Note base^-p for a common denominator: the largest p per base is kept (bases are
 * hash-consed, so == compares). */
static bool dens_note(dx_ctx *ctx, dens *d, dx_expr *base, const dx_num *p)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].base == base) {
            if (dx_num_cmp(p, &d->v[i].pow) > 0) {
                dx_num_clear(&d->v[i].pow);
                d->v[i].pow = dx_num_copy(p);
            }
            return true;
        }
    return dens_append(ctx, d, base, p);
}

/* The denominators of a term (a product or a single factor). */
static bool note_term(dx_ctx *ctx, dens *d, const dx_expr *t)
{
    uint32_t n = t->kind == DX_MUL ? t->n : 1;
    for (uint32_t i = 0; i < n; i++) {
        const dx_expr *f = t->kind == DX_MUL ? t->a[i] : t;
        if (!is_denominator(f))
            continue;
        dx_num p = dx_num_neg(&f->a[1]->u.num);
        bool ok = dens_note(ctx, d, f->a[0], &p);
        dx_num_clear(&p);
        if (!ok)
            return false;
    }
    return true;
}

/* prod base^(sign * pow) over d. */
static dx_expr *dens_product(dx_ctx *ctx, const dens *d, int sign)
{
    vec f = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < d->n; i++) {
        if (dx_num_sign(&d->v[i].pow) == 0)
            continue;
        dx_num p = sign < 0 ? dx_num_neg(&d->v[i].pow) : dx_num_copy(&d->v[i].pow);
        ok = push(ctx, &f, dx_pow(ctx, d->v[i].base, dx_number(ctx, &p)));
        dx_num_clear(&p);
    }
    dx_expr *r = ok ? dx_mul_n(ctx, f.v, f.n) : NULL;
    if (ok && f.n == 0)
        r = dx_int(ctx, 1);
    dx_free(f.v);
    return r;
}

/* The first node of kind k met in e, or NULL: a variable (the only candidate for a
 * one-variable polynomial), or a call (a polynomial in it, sec(x)^2 - sec(x), cancels against
 * denominators as one in a variable does). */
static dx_expr *first_of(dx_expr *e, dx_kind k)
{
    if (e->kind == k)
        return e;
    for (uint32_t i = 0; i < e->n; i++) {
        dx_expr *v = e->a[i]->vmask ? first_of(e->a[i], k) : NULL;
        if (v)
            return v;
    }
    return NULL;
}

/* Degree past which cancelling is not tried: textbook fractions are far below, and Euclid's
 * coefficients grow with the degree. */
#define DX_CANCEL_MAX_DEG 64

/* e as a polynomial in var (1), or 0 when it is not one of small degree (-1: failure). */
static int poly_in(dx_ctx *ctx, const dx_expr *e, const dx_expr *var, dx_poly *out)
{
    int ok = dx_poly_from_expr(ctx, e, var, out);
    if (ok == 1 && dx_poly_deg(out) > DX_CANCEL_MAX_DEG)
        ok = 0;
    return ok;
}

/* Divide the polynomial numerator np by common factors of the polynomial bases of d (whole
 * powers only). A base that shares only part of itself is split: b = g*h, b^L / g becomes
 * g^(L-1) * h^L. */
static void cancel(dx_ctx *ctx, dx_poly *np, dx_expr *var, dens *d)
{
    for (size_t j = 0; j < d->n && np->n; j++) {
        int64_t L;
        dx_poly bp;
        dx_poly_init(&bp);
        if (d->v[j].base->kind != DX_ADD || !dx_num_get_int(&d->v[j].pow, &L) || L < 1 ||
            poly_in(ctx, d->v[j].base, var, &bp) != 1 || dx_poly_deg(&bp) < 1) {
            dx_poly_clear(&bp);
            continue;
        }
        while (L > 0 && np->n) {
            dx_poly g, q, h;
            dx_poly_init(&g);
            dx_poly_init(&q);
            dx_poly_init(&h);
            dx_poly_gcd(&g, np, &bp);
            if (dx_poly_deg(&g) < 1) {
                dx_poly_clear(&g);
                break;
            }
            mpq_t c;
            mpq_init(c);
            dx_poly_primitive(&g, c); /* integer coefficients keep the printed factor plain */
            mpq_clear(c);
            dx_poly_divrem(&q, NULL, np, &g);
            dx_poly_clear(np);
            *np = q;
            dx_poly_divrem(&h, NULL, &bp, &g);
            bool ok = true;
            if (dx_poly_deg(&h) == 0) {
                /* b = h0 * g: one whole b cancelled, leaving a number */
                for (int i = 0; i < np->n; i++)
                    mpq_div(np->c[i], np->c[i], h.c[0]);
                L--;
                dx_poly_clear(&h);
            } else {
                dx_expr *gx = dx_poly_to_expr(ctx, &g, var), *hx = dx_poly_to_expr(ctx, &h, var);
                dx_num rest = dx_num_int(L - 1);
                ok = gx && hx && dens_append(ctx, d, gx, &rest);
                dx_num_clear(&rest);
                if (ok)
                    d->v[j].base = hx;
                dx_poly_clear(&bp);
                bp = h;
            }
            dx_poly_clear(&g);
            if (!ok)
                break;
        }
        dx_num_clear(&d->v[j].pow);
        d->v[j].pow = dx_num_int(L);
        dx_poly_clear(&bp);
    }
}

/* -e for a sum, term by term (a product -1*(a + b) would print as -(a + b)): the sum's
 * constructor flattens -1*(a + b), negating each coefficient without rebuilding each term
 * through the product's constructor as dx_neg would. */
static dx_expr *negate_sum(dx_ctx *ctx, dx_expr *e)
{
    dx_expr *scaled = dx_mul(ctx, dx_int(ctx, -1), e);
    return scaled ? dx_add_n(ctx, &scaled, 1) : NULL;
}

/* What a printed form costs a reader: its plain text's length, each fraction bar as
 * DX_BAR_COST characters more, so one fraction beats a sum of fractions of about the same
 * length ((x*cos(x) - sin(x))/x^2 over cos(x)/x - sin(x)/x^2), and a fraction inside the
 * numerator or denominator of another DX_NESTED_COST more again: (ln(x) + 2)/(2*sqrt(x))
 * over (ln(x)/2 + 1)/sqrt(x). A call's or an exponent's brackets hide what they hold:
 * sin(1/x)/x is not nested. SIZE_MAX when e cannot be printed. */
#define DX_BAR_COST 3
#define DX_NESTED_COST 6
#define DX_COST_MAX_NESTING 64
static size_t printed_cost(dx_ctx *ctx, const dx_expr *e, dx_print_memo *texts)
{
    char *s = e ? dx_print_memoed(ctx, e, texts) : NULL;
    if (!s)
        return SIZE_MAX;
    /* per bracket level (0: the whole text): a bar directly at it, and how many of its
     * grouping brackets held a fraction */
    struct {
        bool call, bar;
        size_t inner;
    } lv[DX_COST_MAX_NESTING + 1] = {{false, false, 0}};
    size_t n = 0, depth = 0;
    for (const char *p = s;; p++) {
        bool end = !*p;
        if (end || *p == ')') {
            if (depth <= DX_COST_MAX_NESTING) {
                if (lv[depth].bar)
                    n += lv[depth].inner * DX_NESTED_COST;
                if (depth > 0 && !lv[depth].call && (lv[depth].bar || lv[depth].inner) && depth - 1 <= DX_COST_MAX_NESTING)
                    lv[depth - 1].inner++;
            }
            if (end)
                break;
            depth -= depth > 0;
        } else if (*p == '(') {
            depth++;
            if (depth <= DX_COST_MAX_NESTING) {
                char c = p > s ? p[-1] : ' ';
                lv[depth].call = c == '^' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                lv[depth].bar = false;
                lv[depth].inner = 0;
            }
        } else if (*p == '/') {
            n += DX_BAR_COST;
            if (depth <= DX_COST_MAX_NESTING)
                lv[depth].bar = true;
        }
        n++;
    }
    dx_free(s);
    return n;
}

/* Characters a form with a common factor taken out may be longer and still be taken. */
#define DX_FACTOR_BONUS 2

/* Is e the textbook form f(u)*(1 - f(u)) of a row that keeps it (DX_FN_LOGISTIC: sigmoid'),
 * which a reader recognises though sigmoid(u) - sigmoid(u)^2 is shorter? */
static bool logistic_form(const dx_expr *e)
{
    if (e->kind != DX_MUL)
        return false;
    for (uint32_t i = 0; i < e->n; i++) {
        const dx_expr *f = e->a[i];
        if (f->kind != DX_CALL || !(dx_fns[f->fn].flags & DX_FN_LOGISTIC))
            continue;
        for (uint32_t j = 0; j < e->n; j++) {
            const dx_expr *t = e->a[j];
            if (t->kind == DX_ADD && t->n == 2 && dx_is_int(t->a[0], 1) && t->a[1]->kind == DX_MUL && t->a[1]->n == 2 &&
                dx_is_int(t->a[1]->a[0], -1) && t->a[1]->a[1] == f)
                return true;
        }
    }
    return false;
}

/* Is e a sum whose every term has a negative coefficient? */
static bool all_negative(const dx_expr *e)
{
    if (e->kind != DX_ADD)
        return false;
    for (uint32_t i = 0; i < e->n; i++) {
        const dx_expr *lead = e->a[i]->kind == DX_MUL ? e->a[i]->a[0] : e->a[i];
        if (lead->kind != DX_NUM || dx_num_sign(&lead->u.num) >= 0)
            return false;
    }
    return true;
}

static size_t minus_signs(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '-';
    return n;
}

/* numerator / prod(d): common polynomial factors cancelled, a polynomial numerator's
 * number taken out front, and the sign of a sum numerator put where it reads shorter:
 * (1 - x^2)/(x^2 + 1)^2 but -(x^2 + 1)/(x - 1)^2 rather than (-x^2 - 1)/(x - 1)^2. */
static dx_expr *finish(dx_ctx *ctx, dx_print_memo *texts, dx_expr *numer, dens *d)
{
    if (!numer)
        return NULL;
    if (dx_is_int(numer, 0))
        return numer;
    dx_expr *coef = dx_int(ctx, 1);
    dx_expr *var = first_of(numer, DX_SYM);
    dx_poly np;
    dx_poly_init(&np);
    bool poly = false;
    if (numer->kind == DX_NUM) {
        coef = numer;
        numer = dx_int(ctx, 1);
    } else if ((var && poly_in(ctx, numer, var, &np) == 1) ||
               ((var = first_of(numer, DX_CALL)) && poly_in(ctx, numer, var, &np) == 1)) {
        poly = true;
        cancel(ctx, &np, var, d);
        mpq_t c;
        mpq_init(c);
        dx_poly_primitive(&np, c);
        dx_num cn = dx_num_from_mpq(c);
        coef = dx_number(ctx, &cn);
        dx_num_clear(&cn);
        mpq_clear(c);
        numer = dx_poly_to_expr(ctx, &np, var);
    }
    dx_poly_clear(&np);
    /* a numerator that is no polynomial may still be a base below, or its negative:
     * -(sin(x) + 1)/(sin(x) + 1)^2 = -1/(sin(x) + 1) */
    if (numer && numer->kind == DX_ADD && !poly) {
        dx_expr *neg = negate_sum(ctx, numer);
        for (size_t j = 0; neg && j < d->n; j++) {
            int64_t L;
            if ((d->v[j].base != numer && d->v[j].base != neg) || !dx_num_get_int(&d->v[j].pow, &L) || L < 1)
                continue;
            if (d->v[j].base == neg)
                coef = dx_neg(ctx, coef);
            numer = dx_int(ctx, 1);
            dx_num_clear(&d->v[j].pow);
            d->v[j].pow = dx_num_int(L - 1);
            break;
        }
    }
    dx_expr *below = dens_product(ctx, d, -1);
    dx_expr *parts[3] = {coef, numer, below};
    dx_expr *r = dx_mul_n(ctx, parts, 3);
    if (!r || !numer || numer->kind != DX_ADD)
        return r;
    dx_expr *flip[3] = {dx_neg(ctx, coef), negate_sum(ctx, numer), below};
    dx_expr *alt = dx_mul_n(ctx, flip, 3);
    if (!alt)
        return NULL;
    /* measured, not printed: sorting the numerator's terms into print order was most of the
     * cost, and most combined fractions are thrown away as too large */
    size_t lr, la, mr, ma;
    if (!dx_print_measure(ctx, r, numer, texts, &lr, &mr) || !dx_print_measure(ctx, alt, flip[1], texts, &la, &ma))
        return NULL;
    /* on a tie, fewer minus signs: -(2*x + 1) rather than (-2*x - 1) */
    bool take = la < lr || (la == lr && ma < mr);
    return take ? alt : r;
}

/* gcd of the terms' numeric coefficients (a rational: gcd of numerators over lcm of
 * denominators), negative when every coefficient is: -x^2*sin(x) - 2*sin(x) has -1. */
static dx_expr *content(dx_ctx *ctx, const dx_expr *sum)
{
    /* small whole coefficients (the common case): no GMP */
    int64_t gi = 0;
    bool small = true, neg = true;
    for (uint32_t i = 0; i < sum->n && small; i++) {
        const dx_expr *lead = sum->a[i]->kind == DX_MUL ? sum->a[i]->a[0] : sum->a[i];
        int64_t v = 1;
        if (lead->kind == DX_NUM) {
            small = !lead->u.num.z && lead->u.num.d == 1 && lead->u.num.n > INT64_MIN;
            v = lead->u.num.n;
        }
        neg &= v < 0;
        for (int64_t a = gi, b = v < 0 ? -v : v; b;) {
            int64_t t = a % b;
            a = b;
            b = t;
            gi = a;
        }
    }
    if (small)
        return dx_int(ctx, neg ? -gi : gi);
    mpz_t g, l;
    mpq_t c;
    mpz_inits(g, l, NULL);
    mpz_set_ui(l, 1);
    mpq_init(c);
    bool all_neg = true;
    for (uint32_t i = 0; i < sum->n; i++) {
        const dx_expr *t = sum->a[i];
        const dx_expr *lead = t->kind == DX_MUL ? t->a[0] : t;
        dx_num one = dx_num_int(1);
        dx_num_to_mpq(c, lead->kind == DX_NUM ? &lead->u.num : &one);
        all_neg &= mpq_sgn(c) < 0;
        mpz_gcd(g, g, mpq_numref(c));
        mpz_lcm(l, l, mpq_denref(c));
    }
    mpq_set_num(c, g);
    mpq_set_den(c, l);
    mpq_canonicalize(c);
    if (all_neg)
        mpq_neg(c, c);
    dx_num v = dx_num_from_mpq(c);
    dx_expr *r = dx_number(ctx, &v);
    dx_num_clear(&v);
    mpq_clear(c);
    mpz_clears(g, l, NULL);
    return r;
}

/* A sum with fractional coefficients as its content times a sum with whole ones, when that
 * content is positive and not whole: x^3/6 + x^2/2 + x + 1 -> (1/6)*(x^3 + 3*x^2 + 6*x + 6),
 * so a power of it keeps its number apart: 1/(x^3/6 + ...)^2 -> 36/(x^3 + ...)^2. */
static dx_expr *scale_out(dx_ctx *ctx, dx_expr *sum)
{
    if (!sum || sum->kind != DX_ADD)
        return sum;
    bool fractional = false; /* the common case, whole coefficients, costs no gcd */
    for (uint32_t i = 0; i < sum->n && !fractional; i++) {
        const dx_expr *lead = sum->a[i]->kind == DX_MUL ? sum->a[i]->a[0] : sum->a[i];
        fractional = lead->kind == DX_NUM && !dx_num_is_int(&lead->u.num);
    }
    if (!fractional)
        return sum;
    dx_expr *c = content(ctx, sum);
    if (!c || dx_num_is_int(&c->u.num) || dx_num_sign(&c->u.num) < 0)
        return c ? sum : NULL;
    dx_expr *inv = dx_pow(ctx, c, dx_int(ctx, -1));
    vec t = {0};
    bool ok = true;
    for (uint32_t i = 0; ok && i < sum->n; i++)
        ok = push(ctx, &t, dx_mul(ctx, sum->a[i], inv));
    dx_expr *r = ok ? dx_mul(ctx, c, dx_add_n(ctx, t.v, t.n)) : NULL;
    dx_free(t.v);
    return r;
}

static dx_expr *together_rec(expander *x, dx_expr *e);

/* A sum over its common denominator. */
static dx_expr *combine(expander *x, dx_expr *e)
{
    dx_ctx *ctx = x->ctx;
    vec t = {0};
    dens d = {0};
    bool ok = true;
    for (uint32_t i = 0; ok && i < e->n; i++)
        ok = push_terms(ctx, &t, together_rec(x, e->a[i]));
    for (size_t i = 0; ok && i < t.n; i++)
        ok = note_term(ctx, &d, t.v[i]);
    dx_expr *r = NULL;
    if (ok && d.n == 0) {
        r = dx_add_n(ctx, t.v, t.n);
    } else if (ok) {
        dx_expr *D = dens_product(ctx, &d, 1);
        vec nt = {0};
        for (size_t i = 0; ok && i < t.n; i++)
            ok = push(ctx, &nt, expand_with(x, dx_mul(ctx, t.v[i], D)));
        r = ok ? finish(ctx, x->texts, memoed(x, &x->pythagoras, dx_add_n(ctx, nt.v, nt.n), dx_trig_pythagoras), &d) : NULL;
        dx_free(nt.v);
    }
    dx_free(t.v);
    dens_free(&d);
    return r;
}

/* A product whose numerator and denominators may share a polynomial factor. */
static dx_expr *cancel_product(expander *x, dx_expr *e)
{
    dx_ctx *ctx = x->ctx;
    if (!e || e->kind != DX_MUL)
        return e;
    vec num = {0};
    dens d = {0};
    bool ok = true, sum_above = false, sum_below = false;
    for (uint32_t i = 0; ok && i < e->n; i++) {
        dx_expr *f = e->a[i];
        if (is_denominator(f)) {
            sum_below |= f->a[0]->kind == DX_ADD;
            ok = note_term(ctx, &d, f);
        } else {
            sum_above |= f->kind == DX_ADD || (f->kind == DX_POW && f->a[0]->kind == DX_ADD);
            ok = push(ctx, &num, f);
        }
    }
    dx_expr *r = e;
    if (ok && sum_above && sum_below) {
        dx_expr *n = expand_with(x, dx_mul_n(ctx, num.v, num.n));
        dx_expr *var = n ? first_of(n, DX_SYM) : NULL;
        dx_poly np;
        dx_poly_init(&np);
        if (var && poly_in(ctx, n, var, &np) == 1)
            r = finish(ctx, x->texts, n, &d);
        dx_poly_clear(&np);
    }
    dx_free(num.v);
    dens_free(&d);
    return ok ? r : NULL;
}

static dx_expr *together_node(expander *x, dx_expr *e)
{
    dx_ctx *ctx = x->ctx;
    switch (e->kind) {
    case DX_ADD:
        return combine(x, e);
    case DX_MUL: {
        vec f = {0};
        bool ok = true;
        for (uint32_t i = 0; ok && i < e->n; i++)
            ok = push(ctx, &f, together_rec(x, e->a[i]));
        dx_expr *r = ok ? dx_mul_n(ctx, f.v, f.n) : NULL;
        dx_free(f.v);
        return cancel_product(x, r);
    }
    case DX_POW:
        if (e->a[0]->kind == DX_ADD)
            return dx_pow(ctx, scale_out(ctx, together_rec(x, e->a[0])), e->a[1]);
        return e;
    default:
        return e;
    }
}

static dx_expr *together_rec(expander *x, dx_expr *e)
{
    if (!e || e->n == 0)
        return e;
    if (dx_stack_low(x->ctx))
        return NULL;
    dx_expr *r = dx_map_get(&x->combined, e);
    if (r)
        return r;
    r = together_node(x, e);
    return remember(&x->combined, e, r) ? r : dx_oom(x->ctx);
}

dx_expr *dx_together(dx_ctx *ctx, dx_expr *e)
{
    expander x;
    expander_init(&x, ctx);
    dx_expr *r = together_rec(&x, e);
    expander_free(&x);
    return r;
}

/* --- factor ------------------------------------------------------------------------------------ */

/* A factor of a term as base^exp: u^(number) is (u, number), anything else (f, 1). */
static const dx_expr *factor_base(const dx_expr *f, dx_num *exp)
{
    if (f->kind == DX_POW && f->a[1]->kind == DX_NUM) {
        *exp = dx_num_copy(&f->a[1]->u.num);
        return f->a[0];
    }
    *exp = dx_num_int(1);
    return f;
}

/* The exponent of base in term t (0 when absent); exp is set (to be cleared) either way. */
static void exponent_in(const dx_expr *t, const dx_expr *base, dx_num *exp)
{
    uint32_t n = t->kind == DX_MUL ? t->n : 1;
    for (uint32_t i = 0; i < n; i++) {
        dx_num k;
        if (factor_base(t->kind == DX_MUL ? t->a[i] : t, &k) == base) {
            *exp = k;
            return;
        }
        dx_num_clear(&k);
    }
    *exp = dx_num_int(0);
}

/* The factors every term of a sum shares, times the gcd of the coefficients; *rest is the
 * cofactor sum. A base shared with positive powers is taken to its lowest (e^x*(x + 1));
 * below the bar, to its highest, so the rest has no fractions left of it: (x*cos(x) -
 * sin(x))/x^2, not (cos(x) - sin(x)/x)/x. Bases with powers of both signs stay. NULL when a
 * term is a number or nothing but numbers is shared, and for a polynomial (a textbook leaves
 * 6*x^5 - 6*x^2 as it is). *plain: all that is shared is variables (x*(x*cos(x) + ...)). */
static dx_expr *common_factor(dx_ctx *ctx, dx_expr *sum, dx_expr **rest, bool *plain)
{
    *rest = NULL;
    *plain = true;
    if (sum->kind != DX_ADD || sum->n > DX_FACTOR_MAX_TERMS)
        return NULL;
    bool poly = true;
    for (uint32_t i = 0; i < sum->n; i++) {
        if (sum->a[i]->kind == DX_NUM)
            return NULL;
        poly &= dx_monomial(sum->a[i]);
    }
    if (poly)
        return NULL;
    const dx_expr *t0 = sum->a[0];
    uint32_t n0 = t0->kind == DX_MUL ? t0->n : 1;
    vec common = {0}, inverse = {0};
    bool ok = true;
    for (uint32_t i = 0; ok && i < n0; i++) {
        const dx_expr *f = t0->kind == DX_MUL ? t0->a[i] : t0;
        if (f->kind == DX_NUM)
            continue;
        dx_num lo;
        const dx_expr *base = factor_base(f, &lo);
        int sign = dx_num_sign(&lo);
        for (uint32_t j = 1; sign && j < sum->n; j++) {
            dx_num k;
            exponent_in(sum->a[j], base, &k);
            if (dx_num_sign(&k) != sign)
                sign = 0;
            else if (dx_num_cmp(&k, &lo) < 0) {
                dx_num_clear(&lo);
                lo = dx_num_copy(&k);
            }
            dx_num_clear(&k);
        }
        if (sign) {
            *plain &= base->kind == DX_SYM;
            dx_num neg = dx_num_neg(&lo);
            ok = push(ctx, &common, dx_pow(ctx, (dx_expr *)base, dx_number(ctx, &lo))) &&
                 push(ctx, &inverse, dx_pow(ctx, (dx_expr *)base, dx_number(ctx, &neg)));
            dx_num_clear(&neg);
        }
        dx_num_clear(&lo);
    }
    dx_expr *r = NULL;
    if (ok && common.n > 0) {
        dx_expr *c = content(ctx, sum);
        ok = push(ctx, &common, c) && push(ctx, &inverse, dx_pow(ctx, c, dx_int(ctx, -1)));
        dx_expr *inv = ok ? dx_mul_n(ctx, inverse.v, inverse.n) : NULL;
        vec t = {0};
        for (uint32_t i = 0; ok && i < sum->n; i++)
            ok = push(ctx, &t, dx_mul(ctx, sum->a[i], inv));
        *rest = ok ? dx_add_n(ctx, t.v, t.n) : NULL;
        r = *rest ? dx_mul_n(ctx, common.v, common.n) : NULL;
        dx_free(t.v);
    }
    dx_free(common.v);
    dx_free(inverse.v);
    return r;
}

/* A product with two or more sums below the bar (to whole powers), with those multiplied
 * out: 2/((1 - x)*(x + 1)) -> 2/(1 - x^2). e itself when there are not two. x*(x^2 + 1)
 * stays: x^3 + x hides the factor a textbook shows. */
static dx_expr *expand_below(expander *x, dx_expr *e)
{
    if (!e || e->kind != DX_MUL)
        return e;
    dx_ctx *ctx = x->ctx;
    int64_t k;
    size_t sums = 0;
    for (uint32_t i = 0; i < e->n; i++)
        sums += is_denominator(e->a[i]) && e->a[i]->a[0]->kind == DX_ADD;
    if (sums < 2)
        return e;
    vec above = {0}, below = {0};
    bool ok = true;
    for (uint32_t i = 0; ok && i < e->n; i++) {
        dx_expr *f = e->a[i];
        bool poly_den = is_denominator(f) && dx_num_get_int(&f->a[1]->u.num, &k) &&
                        f->a[0]->kind == DX_ADD;
        ok = poly_den ? push(ctx, &below, dx_pow(ctx, f->a[0], dx_int(ctx, -k))) : push(ctx, &above, f);
    }
    dx_expr *r = e;
    if (ok && below.n >= 2) {
        dx_expr *d = expand_with(x, dx_mul_n(ctx, below.v, below.n));
        ok = d && push(ctx, &above, dx_pow(ctx, d, dx_int(ctx, -1)));
        r = ok ? dx_mul_n(ctx, above.v, above.n) : NULL;
    }
    dx_free(above.v);
    dx_free(below.v);
    return ok ? r : NULL;
}

/* --- simplify ------------------------------------------------------------------------------------- */

/* Nodes of e counted as a tree, stopping once past limit (so a huge DAG costs nothing). */
static size_t tree_size(const dx_expr *e, size_t limit)
{
    size_t n = 1;
    for (uint32_t i = 0; i < e->n && n <= limit; i++)
        n += tree_size(e->a[i], limit - n);
    return n;
}

typedef struct {
    dx_ctx *ctx;
    dx_map done;
    expander ex;     /* one expansion memo for every candidate */
    size_t work;     /* steps taken, as DX_SIMPLIFY_MAX_WORK counts them */
    int factoring;   /* common factors being taken out, nested: bounded */
} simplifier;

/* Work one dx_simplify may do (deterministic, unlike a clock): past it, the nodes not yet
 * visited keep their form. A step is one node of a candidate form compared at a node (each
 * candidate counted as a tree, up to the size past which it is not printed), so the count
 * depends on the expression and the candidates alone: not on what the context already holds,
 * nor on how the candidates were made. It used to be 2000 new nodes in the context: then a
 * formula simplified twice, or after another that made some of its nodes, went further the
 * second time and printed another form, and making fewer nodes (speed) changed the forms of a
 * quarter of random.txt's lines. Every textbook derivative takes under 500 steps. The limit
 * is the lowest tried (8000, 12000, 16000, 24000) at which no line of random.txt's first 1000
 * reads worse than under the node budget by both its plain length and printed_cost's score
 * (bench/RESULTS.md); without a limit those lines take up to 72,000 steps. */
#define DX_SIMPLIFY_MAX_WORK 16000

static bool over_budget(const simplifier *s) { return s->work > DX_SIMPLIFY_MAX_WORK; }

/* e rebuilt from new children, through the smart constructors. */
static dx_expr *rebuild(dx_ctx *ctx, const dx_expr *e, dx_expr **a)
{
    switch (e->kind) {
    case DX_ADD: return dx_add_n(ctx, a, e->n);
    case DX_MUL: return dx_mul_n(ctx, a, e->n);
    case DX_POW: return dx_pow(ctx, a[0], a[1]);
    case DX_CALL: return dx_call(ctx, e->fn, a[0]);
    default: return (dx_expr *)e;
    }
}

/* A sum with each term's trigonometric factors through dx_trig_product: -sin(x)*csc(x) is
 * -1, so that the Pythagorean identities see it. */
static dx_expr *fewer_trig(dx_ctx *ctx, dx_expr *e) { return dx_trig_product(ctx, e, true); }

static dx_expr *trig_terms(expander *x, dx_expr *sum)
{
    if (!sum || sum->kind != DX_ADD)
        return memoed(x, &x->fewer, sum, fewer_trig);
    vec t = {0};
    bool ok = true;
    for (uint32_t i = 0; ok && i < sum->n; i++)
        ok = push(x->ctx, &t, memoed(x, &x->fewer, sum->a[i], fewer_trig));
    dx_expr *r = ok ? dx_add_n(x->ctx, t.v, t.n) : NULL;
    dx_free(t.v);
    return r;
}

/* Has a term of sum (or sum itself, a term) a factor sin, cos, tan, cot, sec or csc, or a power
 * of one? Only then may the identities shorten it: the others are not tried. */
static bool trig_in_terms(const dx_expr *sum)
{
    uint32_t n = sum->kind == DX_ADD ? sum->n : 1;
    for (uint32_t i = 0; i < n; i++) {
        const dx_expr *t = sum->kind == DX_ADD ? sum->a[i] : sum;
        for (uint32_t j = 0; j < (t->kind == DX_MUL ? t->n : 1); j++) {
            const dx_expr *f = t->kind == DX_MUL ? t->a[j] : t;
            f = f->kind == DX_POW ? f->a[0] : f;
            if (f->kind == DX_CALL && f->fn <= DX_CSC)
                return true;
        }
    }
    return false;
}

/* A quotient's numerator shorter through the reciprocal and Pythagorean identities: (sin(x)^2*csc(x)^2 -
 * cos(x))/sin(x)^2 is (1 - cos(x))/sin(x)^2. e itself when nothing changes. */
static dx_expr *pythagoras_above(expander *x, const dx_expr *sum, dx_expr *e)
{
    dx_ctx *ctx = x->ctx;
    if (!e || e->kind != DX_MUL || !trig_in_terms(sum))
        return e;
    /* only a quotient by a power of sin, cos, ... (the quotient rule's textbook shape): the
     * identities on every numerator cost more work than they save */
    bool by_trig = false;
    for (uint32_t i = 0; i < e->n && !by_trig; i++)
        by_trig = is_denominator(e->a[i]) && e->a[i]->a[0]->kind == DX_CALL && e->a[i]->a[0]->fn <= DX_CSC;
    if (!by_trig)
        return e;
    vec v = {0};
    bool ok = true, any = false;
    for (uint32_t i = 0; ok && i < e->n; i++) {
        dx_expr *f = e->a[i]->kind == DX_ADD ? dx_trig_pythagoras(ctx, trig_terms(x, e->a[i])) : e->a[i];
        any |= f != e->a[i];
        ok = f && push(ctx, &v, f);
    }
    dx_expr *r = !ok ? NULL : any ? dx_mul_n(ctx, v.v, v.n) : e;
    dx_free(v.v);
    return r;
}

/* Product e with its coefficient e->a[0] replaced by c (NULL: dropped) and factor at by f. */
static dx_expr *replace_two(dx_ctx *ctx, dx_expr *e, dx_expr *c, uint32_t at, dx_expr *f)
{
    vec v = {0};
    bool ok = (!c || push(ctx, &v, c)) && f;
    for (uint32_t i = 1; ok && i < e->n; i++)
        ok = push(ctx, &v, i == at ? f : e->a[i]);
    dx_expr *r = ok ? dx_mul_n(ctx, v.v, v.n) : NULL;
    dx_free(v.v);
    return r;
}

/* A product's fractional coefficient multiplied into its one sum: 5.3*(0.186*t - 0.87)*e^u
 * as (0.9858*t - 4.611)*e^u. e itself when there is no such coefficient or not one sum. */
static dx_expr *coefficient_in(dx_ctx *ctx, dx_expr *e)
{
    if (e->kind != DX_MUL || e->a[0]->kind != DX_NUM || dx_num_is_int(&e->a[0]->u.num))
        return e;
    uint32_t at = 0;
    for (uint32_t i = 1; i < e->n; i++)
        if (e->a[i]->kind == DX_ADD) {
            if (at)
                return e;
            at = i;
        }
    return at ? replace_two(ctx, e, NULL, at, dx_expand(ctx, dx_mul(ctx, e->a[0], e->a[at]))) : e;
}

/* -c/(a - b)^k, k odd, as c/(b - a)^k when that has fewer minus signs: 1/(1 - cos(x)), not
 * -1/(cos(x) - 1). e itself otherwise. */
static dx_expr *flip_below(dx_ctx *ctx, dx_expr *e)
{
    if (!e || e->kind != DX_MUL || e->a[0]->kind != DX_NUM || dx_num_sign(&e->a[0]->u.num) >= 0)
        return e;
    uint32_t at = 0;
    int64_t k;
    for (uint32_t i = 1; i < e->n; i++)
        if (is_denominator(e->a[i]) && e->a[i]->a[0]->kind == DX_ADD) {
            if (at || !dx_num_get_int(&e->a[i]->a[1]->u.num, &k) || k % 2 == 0)
                return e;
            at = i;
        }
    if (!at)
        return e;
    dx_expr *r = replace_two(ctx, e, dx_neg(ctx, e->a[0]), at, dx_pow(ctx, negate_sum(ctx, e->a[at]->a[0]), e->a[at]->a[1]));
    if (!r)
        return NULL;
    char *sr = dx_print(ctx, r, DX_PLAIN), *se = dx_print(ctx, e, DX_PLAIN);
    bool take = sr && se && minus_signs(sr) < minus_signs(se) && strlen(sr) <= strlen(se);
    if (!sr || !se)
        r = NULL;
    dx_free(sr);
    dx_free(se);
    return !r ? NULL : take ? r : e;
}

/* Does e have tan, cot, sec or csc in a sum below the bar? Then the same in sin and cos,
 * over one denominator, may read shorter: -sec(x)/(1 - sec(x)) is 1/(1 - cos(x)). */
static bool reciprocal_below(const dx_expr *e)
{
    if (e->kind != DX_MUL)
        return false;
    for (uint32_t i = 0; i < e->n; i++) {
        const dx_expr *f = e->a[i];
        if (!is_denominator(f) || f->a[0]->kind != DX_ADD)
            continue;
        for (uint32_t j = 0; j < f->a[0]->n; j++) {
            const dx_expr *t = f->a[0]->a[j];
            for (uint32_t k = 0; k < (t->kind == DX_MUL ? t->n : 1); k++) {
                const dx_expr *g = t->kind == DX_MUL ? t->a[k] : t;
                g = g->kind == DX_POW ? g->a[0] : g;
                if (g->kind == DX_CALL && g->fn >= DX_TAN && g->fn <= DX_CSC)
                    return true;
            }
        }
    }
    return false;
}

static dx_expr *simp_rec(simplifier *s, dx_expr *e)
{
    if (!e || e->n == 0 || e->kind == DX_COND)
        return e;
    if (dx_stack_low(s->ctx))
        return NULL;
    dx_expr *r = dx_map_get(&s->done, e);
    if (r)
        return r;
    if (e->kind == DX_GUARD) /* the body simplified; the conditions stay as they are */
        return dx_guard_n(s->ctx, simp_rec(s, e->a[0]), e->a + 1, e->n - 1);
    dx_ctx *ctx = s->ctx;
    dx_expr **a = dx_malloc(e->n * sizeof *a);
    if (!a)
        return dx_oom(ctx);
    bool changed = false;
    for (uint32_t i = 0; i < e->n; i++) {
        a[i] = simp_rec(s, e->a[i]);
        if (!a[i]) {
            dx_free(a);
            return NULL;
        }
        changed |= a[i] != e->a[i];
    }
    dx_expr *r0 = changed ? rebuild(ctx, e, a) : e;
    dx_free(a);
    if (!r0)
        return NULL;
    /* Candidates in order of preference on a tie: the input's own form first. */
    dx_expr *cand[10] = {e, r0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    size_t nc = 2;
    dx_expr *factored = NULL;
    bool plain = true;
    if ((r0->kind == DX_ADD || r0->kind == DX_MUL || r0->kind == DX_POW) && !over_budget(s) && !logistic_form(r0)) {
        /* a number times a sum stays as written (as the store keeps it): -2*(w*x - y), not
         * 2*y - 2*w*x, whatever a character or two would say */
        bool scaled_sum = r0->kind == DX_MUL && r0->n == 2 && r0->a[0]->kind == DX_NUM && r0->a[1]->kind == DX_ADD;
        dx_expr *x = scaled_sum ? r0 : memoed(&s->ex, &s->ex.pythagoras, trig_terms(&s->ex, expand_with(&s->ex, r0)), dx_trig_pythagoras);
        cand[nc++] = x;
        cand[nc++] = memoed(&s->ex, &s->ex.fewer, r0, fewer_trig);
        cand[nc++] = coefficient_in(ctx, r0);

        cand[nc++] = expand_below(&s->ex, r0);
        dx_expr *one_bar = pythagoras_above(&s->ex, r0, together_rec(&s->ex, r0));
        cand[nc++] = one_bar;
        cand[nc++] = dx_trig_halves(ctx, one_bar);
        if (x != r0)
            cand[nc++] = together_rec(&s->ex, x);
        dx_expr *rest;
        dx_expr *common = s->factoring < 4 ? common_factor(ctx, r0, &rest, &plain) : NULL;
        if (common) {
            s->factoring++;
            rest = simp_rec(s, rest);
            s->factoring--;
            /* -(2*x + 1)*e^x rather than (-2*x - 1)*e^x */
            if (rest && all_negative(rest))
                common = dx_neg(ctx, common), rest = negate_sum(ctx, rest);
            factored = dx_mul(ctx, common, rest);
            cand[nc++] = factored;
        }
    }
    /* keep distinct candidates only: most nodes have one, and then nothing is printed */
    size_t nd = 0;
    for (size_t i = 0; i < nc; i++) {
        if (!cand[i])
            return NULL;
        bool seen = false;
        for (size_t j = 0; j < nd; j++)
            seen |= cand[j] == cand[i];
        if (!seen)
            cand[nd++] = cand[i];
    }
    nc = nd;
    size_t best = SIZE_MAX;
    r = e;
    /* a candidate with many more nodes than e's rebuilt form cannot print shorter: it is not
     * printed at all, which keeps one big expansion from costing more than the rest */
    size_t cap = nc > 1 ? 2 * tree_size(r0, DX_SIMPLIFY_MAX_NODES) + 8 : 0;
    for (size_t i = 0; i < nc && nc > 1; i++) {
        size_t size = tree_size(cand[i], cap);
        s->work += size;
        if (i > 0 && size > cap)
            continue;
        size_t len = printed_cost(ctx, cand[i], s->ex.texts);
        /* a shared factor taken out reads better than it is long: e^x*(x + 1) over
         * x*e^x + e^x, sin(x)^2*cos(x)*(...) over terms that each repeat it */
        bool favoured = cand[i] == factored && !plain;
        if (len != SIZE_MAX && favoured)
            len = len > DX_FACTOR_BONUS ? len - DX_FACTOR_BONUS : 0;
        if (len < best || (len == best && favoured)) {
            best = len;
            r = cand[i];
        }
    }
    if (!remember(&s->done, e, r))
        return dx_oom(s->ctx);
    return r;
}

dx_expr *(dx_simplify)(dx_ctx *ctx, dx_expr *e)
{
    if (e)
        dx_ctx_clear_error(ctx); /* else an earlier call failed: its error stands */
    return dx_simplify_in(ctx, e);
}

/* Nodes past which the whole is not rewritten once more (the last step of dx_simplify_in): a
 * textbook answer has a few dozen, and a formula of hundreds is no textbook's. */
#define DX_WHOLE_TRIG_MAX_NODES 300

dx_expr *dx_simplify_in(dx_ctx *ctx, dx_expr *e)
{
    if (!e || dx_failed(ctx) || tree_size(e, DX_SIMPLIFY_MAX_NODES) > DX_SIMPLIFY_MAX_NODES)
        return e;
    simplifier s = {.ctx = ctx};
    dx_map_init(&s.done);
    expander_init(&s.ex, ctx);
    dx_expr *r = simp_rec(&s, e);
    /* the whole with its trigonometric products shortest (sin(x)/cos(x)^2 as sec(x)*tan(x)),
     * then in sin and cos over one denominator when it has tan, cot, sec or csc below the bar:
     * -sec(x)/(1 - sec(x)) is 1/(1 - cos(x)). Only the whole: inside a formula the other
     * terms keep their sin and cos, or tan and sec, and the two forms no longer combine. */
    if (r && !over_budget(&s) && tree_size(dx_body(r), DX_WHOLE_TRIG_MAX_NODES) <= DX_WHOLE_TRIG_MAX_NODES) {
        dx_expr *body = dx_body(r), *alt = dx_trig_everywhere(ctx, body);
        if (alt && reciprocal_below(alt))
            alt = flip_below(ctx, together_rec(&s.ex, dx_trig_sincos(ctx, alt)));
        if (alt && alt != body && printed_cost(ctx, alt, s.ex.texts) < printed_cost(ctx, body, s.ex.texts))
            r = r->kind == DX_GUARD ? dx_guard_n(ctx, alt, r->a + 1, r->n - 1) : alt;
        /* double angles, when they shorten the whole: sin(x)^2' is sin(2*x) */
        body = dx_body(r);
        alt = dx_trig_double(ctx, body);
        if (alt && alt != body && printed_cost(ctx, alt, s.ex.texts) < printed_cost(ctx, body, s.ex.texts))
            r = r->kind == DX_GUARD ? dx_guard_n(ctx, alt, r->a + 1, r->n - 1) : alt;
    }
    dx_map_free(&s.done);
    expander_free(&s.ex);
    if (!r || dx_failed(ctx)) {
        /* simplifying is optional: a budget failure leaves the answer as it was; running out
         * of memory is an error */
        return dx_recover(ctx) ? e : NULL;
    }
    return r;
}
