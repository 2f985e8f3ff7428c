/* Polynomials in two variables with exact rational coefficients (see bpoly.h). */
#include "bpoly.h"
#include "tpoly.h"
#include "alloc.h"
#include "simplify.h"

#include "multivar.h"

void dx_bp_init(dx_bpoly *p, int dx, int dy)
{
    p->dx = dx, p->dy = dy;
    p->c = dx_gmp_alloc(sizeof *p->c * (size_t)((dx + 1) * (dy + 1)));
    for (int k = 0; k < (dx + 1) * (dy + 1); k++)
        mpq_init(p->c[k]);
}

void dx_bp_clear(dx_bpoly *p)
{
    for (int k = 0; p->c && k < (p->dx + 1) * (p->dy + 1); k++)
        mpq_clear(p->c[k]);
    dx_free(p->c);
    p->c = NULL;
}

/* The derivative by x (by_y false) or by y. */
void dx_bp_deriv(dx_bpoly *out, const dx_bpoly *p, bool by_y)
{
    dx_bp_init(out, p->dx, p->dy);
    for (int a = 0; a <= p->dx; a++)
        for (int b = 0; b <= p->dy; b++) {
            int k = by_y ? b : a;
            if (k == 0)
                continue;
            mpq_ptr to = dx_bp_at(out, by_y ? a : a - 1, by_y ? b - 1 : b);
            mpq_set_si(to, k, 1);
            mpq_mul(to, to, dx_bp_at(p, a, b));
        }
}

/* One term of an expanded polynomial: its coefficient and the powers of x and y. false when
 * it is not such a term (tpoly.c reads terms in any number of variables). */
static bool term_of(const dx_expr *t, const dx_expr *x, const dx_expr *y, mpq_t coef, int *a, int *b)
{
    const dx_expr *vars[2] = {x, y};
    int e[2];
    if (!dx_term_powers(t, vars, 2, coef, e))
        return false;
    *a = e[0], *b = e[1];
    return true;
}

/* f as a polynomial in x and y: 1, 0 when it is none (or of too high a degree), -1 without
 * memory. */
int dx_bp_from_expr(dx_ctx *ctx, dx_expr *f, const dx_expr *x, const dx_expr *y, dx_bpoly *out, int *degree)
{
    dx_expr *e = dx_expand(ctx, f);
    if (!e)
        return -1;
    size_t n = e->kind == DX_ADD ? e->n : 1;
    dx_expr *const *t = e->kind == DX_ADD ? e->a : &e;
    int dxm = 0, dym = 0, a, b;
    mpq_t c;
    mpq_init(c);
    *degree = 0;
    for (size_t i = 0; i < n; i++) {
        if (!term_of(t[i], x, y, c, &a, &b)) {
            mpq_clear(c);
            return 0;
        }
        dxm = a > dxm ? a : dxm;
        dym = b > dym ? b : dym;
        *degree = a + b > *degree ? a + b : *degree;
    }
    dx_bp_init(out, dxm, dym);
    for (size_t i = 0; i < n; i++) {
        term_of(t[i], x, y, c, &a, &b);
        mpq_add(dx_bp_at(out, a, b), dx_bp_at(out, a, b), c);
    }
    mpq_clear(c);
    return 1;
}

/* p as a polynomial in y (in_y) or in x whose coefficients are polynomials in the other
 * variable: out[k] for k = 0 .. degree (out has dy + 1 or dx + 1 initialised entries). */
void dx_bp_split(const dx_bpoly *p, bool in_y, dx_poly *out)
{
    int outer = in_y ? p->dy : p->dx, inner = in_y ? p->dx : p->dy;
    for (int k = 0; k <= outer; k++) {
        dx_poly_clear(&out[k]);
        dx_poly_init(&out[k]);
        out[k].n = inner + 1;
        out[k].c = dx_gmp_alloc(sizeof *out[k].c * (size_t)(inner + 1));
        for (int i = 0; i <= inner; i++) {
            mpq_init(out[k].c[i]);
            mpq_set(out[k].c[i], in_y ? dx_bp_at(p, i, k) : dx_bp_at(p, k, i));
        }
        /* adding the zero polynomial drops leading zeros (the library's own trim) */
        dx_poly zero;
        dx_poly_init(&zero);
        dx_poly_add(&out[k], &out[k], &zero);
    }
}

/* p = the constant q (p not initialised). */
void dx_poly_const(dx_poly *p, const mpq_t q)
{
    dx_poly_init(p);
    p->n = 1;
    p->c = dx_gmp_alloc(sizeof *p->c);
    mpq_init(p->c[0]);
    mpq_set(p->c[0], q);
}


bool dx_bp_is_const(const dx_bpoly *p)
{
    for (int k = 1; k < (p->dx + 1) * (p->dy + 1); k++)
        if (mpq_sgn(p->c[k]))
            return false;
    return true;
}

dx_expr *dx_bp_to_expr(dx_ctx *ctx, const dx_bpoly *p, dx_expr *x, dx_expr *y)
{
    size_t n = 0, cap = (size_t)((p->dx + 1) * (p->dy + 1));
    dx_expr **t = dx_alloc(ctx, cap * sizeof *t);
    if (!t)
        return NULL;
    /* highest powers of x first, as a person writes x^2*y - 1 */
    for (int a = p->dx; a >= 0; a--)
        for (int b = p->dy; b >= 0; b--)
            if (mpq_sgn(dx_bp_at(p, a, b))) {
                dx_num q = dx_num_from_mpq(dx_bp_at(p, a, b));
                dx_expr *f[] = {dx_number(ctx, &q), dx_pow(ctx, x, dx_int(ctx, a)),
                                dx_pow(ctx, y, dx_int(ctx, b))};
                dx_num_clear(&q);
                t[n++] = dx_mul_n(ctx, f, 3);
            }
    return n ? dx_add_n(ctx, t, n) : dx_int(ctx, 0);
}

/* ---- the gcd: p as a polynomial in y over Q[x] (primitive remainder sequence) --------------- */

/* c[k] is the coefficient of y^k for k < n (c[n-1] != 0; n == 0: zero); cap entries initialised. */
typedef struct ypoly {
    int n, cap;
    dx_poly *c;
} ypoly;

static void yp_init(ypoly *p, int cap)
{
    p->n = 0, p->cap = cap;
    p->c = dx_gmp_alloc(sizeof *p->c * (size_t)cap);
    for (int k = 0; k < cap; k++)
        dx_poly_init(&p->c[k]);
}

static void yp_clear(ypoly *p)
{
    for (int k = 0; k < p->cap; k++)
        dx_poly_clear(&p->c[k]);
    dx_free(p->c);
}

static void yp_trim(ypoly *p)
{
    while (p->n > 0 && p->c[p->n - 1].n == 0)
        p->n--;
}

static void yp_of(ypoly *out, const dx_bpoly *p)
{
    yp_init(out, p->dy + 1);
    dx_bp_split(p, true, out->c);
    out->n = out->cap;
    yp_trim(out);
}

/* The gcd of p's coefficients (monic; 0 for p = 0), and p divided by it. */
static void yp_primitive(ypoly *p, dx_poly *content)
{
    dx_poly q;
    dx_poly_init(&q);
    for (int k = 0; k < p->n; k++) {
        dx_poly_gcd(&q, content, &p->c[k]);
        dx_poly_clear(content);
        *content = q;
        dx_poly_init(&q);
    }
    for (int k = 0; k < p->n && content->n; k++) {
        dx_poly_divrem(&q, NULL, &p->c[k], content);
        dx_poly_clear(&p->c[k]);
        p->c[k] = q;
        dx_poly_init(&q);
    }
}

/* r = lc(b) a - lc(a) y^(deg a - deg b) b while deg a >= deg b: the pseudo-remainder of a
 * by b (b != 0), in place in a. */
static void yp_prem(ypoly *a, const ypoly *b)
{
    dx_poly la, t, u;
    dx_poly_init(&la);
    dx_poly_init(&t);
    dx_poly_init(&u);
    mpq_t minus;
    mpq_init(minus);
    mpq_set_si(minus, -1, 1);
    while (a->n >= b->n && b->n > 0) {
        int s = a->n - b->n;
        dx_poly_scale(&la, &a->c[a->n - 1], minus);
        for (int k = 0; k < a->n; k++) {
            dx_poly_mul(&t, &a->c[k], &b->c[b->n - 1]);
            if (k >= s) {
                dx_poly_mul(&u, &la, &b->c[k - s]);
                dx_poly_add(&a->c[k], &t, &u);
            } else {
                dx_poly was = a->c[k];
                a->c[k] = t;
                t = was;
            }
        }
        a->n--; /* the leading coefficient cancelled */
        yp_trim(a);
    }
    mpq_clear(minus);
    dx_poly_clear(&la);
    dx_poly_clear(&t);
    dx_poly_clear(&u);
}

/* c * p as a two-variable polynomial (out not initialised). */
static void yp_to_bp(dx_bpoly *out, const dx_poly *c, const ypoly *p)
{
    int dx = 0;
    dx_poly t;
    dx_poly_init(&t);
    for (int k = 0; k < p->n; k++)
        dx = p->c[k].n - 1 + c->n - 1 > dx ? p->c[k].n - 1 + c->n - 1 : dx;
    dx_bp_init(out, dx, p->n > 0 ? p->n - 1 : 0);
    for (int k = 0; k < p->n; k++) {
        dx_poly_mul(&t, c, &p->c[k]);
        for (int a = 0; a < t.n; a++)
            mpq_set(dx_bp_at(out, a, k), t.c[a]);
    }
    dx_poly_clear(&t);
}

/* Integer coefficients of gcd 1, the leading one (highest power of x, then of y) positive. */
static void bp_normalise(dx_bpoly *p)
{
    int cells = (p->dx + 1) * (p->dy + 1), lead = 0;
    mpz_t num, den;
    mpz_init_set_ui(num, 0);
    mpz_init_set_ui(den, 1);
    for (int k = 0; k < cells; k++) {
        mpz_gcd(num, num, mpq_numref(p->c[k]));
        mpz_lcm(den, den, mpq_denref(p->c[k]));
    }
    for (int a = p->dx; a >= 0 && !lead; a--)
        for (int b = p->dy; b >= 0 && !lead; b--)
            if (mpq_sgn(dx_bp_at(p, a, b)))
                lead = mpq_sgn(dx_bp_at(p, a, b));
    if (mpz_sgn(num)) {
        mpq_t f;
        mpq_init(f);
        mpq_set_num(f, den);
        mpq_set_den(f, num);
        mpq_canonicalize(f);
        if (lead < 0)
            mpq_neg(f, f);
        for (int k = 0; k < cells; k++)
            mpq_mul(p->c[k], p->c[k], f);
        mpq_clear(f);
    }
    mpz_clear(num);
    mpz_clear(den);
}

void dx_bp_gcd(dx_bpoly *out, const dx_bpoly *a, const dx_bpoly *b)
{
    ypoly A, B;
    dx_poly ca, cb, c;
    dx_poly_init(&ca);
    dx_poly_init(&cb);
    dx_poly_init(&c);
    yp_of(&A, a);
    yp_of(&B, b);
    yp_primitive(&A, &ca);
    yp_primitive(&B, &cb);
    dx_poly_gcd(&c, &ca, &cb); /* the content of the gcd */
    if (A.n < B.n) {
        ypoly s = A;
        A = B;
        B = s;
    }
    /* Euclid on the primitive parts: gcd(A, B) = gcd(B, pp(prem(A, B))) */
    while (B.n > 0) {
        yp_prem(&A, &B);
        dx_poly_clear(&ca);
        dx_poly_init(&ca);
        yp_primitive(&A, &ca);
        ypoly s = A;
        A = B;
        B = s;
    }
    yp_to_bp(out, &c, &A);
    bp_normalise(out);
    yp_clear(&A);
    yp_clear(&B);
    dx_poly_clear(&ca);
    dx_poly_clear(&cb);
    dx_poly_clear(&c);
}

void dx_bp_divexact(dx_bpoly *out, const dx_bpoly *a, const dx_bpoly *g)
{
    ypoly R, G, Q;
    yp_of(&R, a);
    yp_of(&G, g);
    yp_init(&Q, R.n > G.n ? R.n - G.n + 1 : 1);
    dx_poly t, u;
    dx_poly_init(&t);
    dx_poly_init(&u);
    mpq_t minus;
    mpq_init(minus);
    mpq_set_si(minus, -1, 1);
    while (R.n >= G.n && G.n > 0) {
        int s = R.n - G.n;
        dx_poly_divrem(&Q.c[s], NULL, &R.c[R.n - 1], &G.c[G.n - 1]);
        Q.n = Q.n > s + 1 ? Q.n : s + 1;
        for (int k = 0; k < G.n; k++) {
            dx_poly_mul(&t, &Q.c[s], &G.c[k]);
            dx_poly_scale(&t, &t, minus);
            dx_poly_add(&u, &R.c[k + s], &t);
            dx_poly_clear(&R.c[k + s]);
            R.c[k + s] = u;
            dx_poly_init(&u);
        }
        R.n--;
        yp_trim(&R);
    }
    mpq_set_ui(minus, 1, 1);
    dx_poly one;
    dx_poly_const(&one, minus);
    yp_to_bp(out, &one, &Q);
    dx_poly_clear(&one);
    mpq_clear(minus);
    dx_poly_clear(&t);
    dx_poly_clear(&u);
    yp_clear(&R);
    yp_clear(&G);
    yp_clear(&Q);
}

void dx_bp_mul(dx_bpoly *out, const dx_bpoly *a, const dx_bpoly *b)
{
    dx_bp_init(out, a->dx + b->dx, a->dy + b->dy);
    mpq_t t;
    mpq_init(t);
    for (int i = 0; i <= a->dx; i++)
        for (int j = 0; j <= a->dy; j++)
            if (mpq_sgn(dx_bp_at(a, i, j)))
                for (int k = 0; k <= b->dx; k++)
                    for (int l = 0; l <= b->dy; l++) {
                        mpq_mul(t, dx_bp_at(a, i, j), dx_bp_at(b, k, l));
                        mpq_add(dx_bp_at(out, i + k, j + l), dx_bp_at(out, i + k, j + l), t);
                    }
    mpq_clear(t);
}

static mpq_srcptr bp_coef(const dx_bpoly *p, int a, int b, mpq_srcptr zero)
{
    return a <= p->dx && b <= p->dy ? dx_bp_at(p, a, b) : zero;
}

/* dx_bp_divexact assumes exactness: the product of its quotient and g is compared with a. */
bool dx_bp_divides(dx_bpoly *q, const dx_bpoly *a, const dx_bpoly *g)
{
    dx_bpoly t, back;
    dx_bp_divexact(&t, a, g);
    dx_bp_mul(&back, &t, g);
    mpq_t zero;
    mpq_init(zero);
    int dx = a->dx > back.dx ? a->dx : back.dx, dy = a->dy > back.dy ? a->dy : back.dy;
    bool same = true;
    for (int i = 0; i <= dx && same; i++)
        for (int j = 0; j <= dy && same; j++)
            same = mpq_equal(bp_coef(a, i, j, zero), bp_coef(&back, i, j, zero));
    mpq_clear(zero);
    dx_bp_clear(&back);
    if (same)
        *q = t;
    else
        dx_bp_clear(&t);
    return same;
}

void dx_bp_restrict(dx_poly *out, const dx_bpoly *p, bool fix_x, const mpq_t v)
{
    int outer = fix_x ? p->dy : p->dx;
    dx_poly *c = dx_gmp_alloc(sizeof *c * (size_t)(outer + 1));
    for (int k = 0; k <= outer; k++)
        dx_poly_init(&c[k]);
    dx_bp_split(p, fix_x, c); /* fix_x: c[k](x) is the coefficient of y^k */
    dx_poly r;
    dx_poly_init(&r);
    r.n = outer + 1;
    r.c = dx_gmp_alloc(sizeof *r.c * (size_t)(outer + 1));
    for (int k = 0; k <= outer; k++) {
        mpq_init(r.c[k]);
        dx_poly_eval_q(r.c[k], &c[k], v);
        dx_poly_clear(&c[k]);
    }
    dx_free(c);
    dx_poly zero;
    dx_poly_init(&zero);
    dx_poly_add(out, &r, &zero); /* trimmed */
    dx_poly_clear(&r);
}

void dx_bp_of_poly(dx_bpoly *out, const dx_poly *u, bool in_y)
{
    int d = u->n > 0 ? u->n - 1 : 0;
    dx_bp_init(out, in_y ? 0 : d, in_y ? d : 0);
    for (int k = 0; k < u->n; k++)
        mpq_set(in_y ? dx_bp_at(out, 0, k) : dx_bp_at(out, k, 0), u->c[k]);
}
