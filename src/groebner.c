/* Groebner bases over the rationals in three variables, by Buchberger's algorithm with his two
 * criteria and the normal selection strategy (the pair of least lcm degree first), in the
 * graded reverse lexicographic order (whose bases stay far smaller than lexicographic ones);
 * elimination then reads the minimal polynomial of each coordinate off the finite quotient
 * ring by linear algebra (see groebner.h). */
#include "groebner.h"

#include <string.h>

static bool divides(const unsigned short *a, const unsigned short *b)
{
    return a[0] <= b[0] && a[1] <= b[1] && a[2] <= b[2];
}

/* The work of one step over terms numbers of limbs limbs each: a unit per 4 limb operations,
 * at least one (the numbers grow: counting terms alone let a degree-6 polynomial run for
 * minutes on one budget). */
static bool work(dx_ctx *ctx, size_t terms, size_t limbs) { return dx_work(ctx, 1 + terms * (1 + limbs) / 4); }

static void scale(dx_tpoly *p, const mpq_t q)
{
    for (size_t i = 0; i < p->n; i++)
        mpq_mul(p->t[i].c, p->t[i].c, q);
}

/* p reduced fully modulo g[0..n), skipping g[skip], everything with integer coefficients:
 * no term of the result is divisible by a leading monomial. Pseudo-division keeps the
 * numbers integers (a rational step costs a gcd per operation): each step is
 * p = a p - b m g with a*lc(p) = b*lc(g), so the result is lambda times p's normal form, and
 * is made primitive; *lambda (NULL: not wanted) is multiplied by that factor. false when the
 * work ran out. */
static bool reduce(dx_ctx *ctx, dx_tpoly *p, const dx_tpoly *g, size_t n, size_t skip, mpq_t lambda)
{
    dx_tpoly r, t, u;
    dx_tp_init(&r);
    dx_tp_init(&t);
    dx_tp_init(&u);
    size_t s = 0; /* p->t[0..s) have moved to r */
    bool ok = true;
    mpq_t a, b;
    mpz_t d;
    mpq_init(a);
    mpq_init(b);
    mpz_init(d);
    while (s < p->n && ok) {
        size_t k = 0;
        while (k < n && (k == skip || g[k].n == 0 || !divides(g[k].t[0].e, p->t[s].e)))
            k++;
        if (k == n) {
            dx_tp_push(&r, p->t[s].e, p->t[s].c);
            s++;
            continue;
        }
        unsigned short m[3];
        for (int v = 0; v < 3; v++)
            m[v] = (unsigned short)(p->t[s].e[v] - g[k].t[0].e[v]);
        mpz_gcd(d, mpq_numref(g[k].t[0].c), mpq_numref(p->t[s].c));
        mpz_divexact(mpq_numref(a), mpq_numref(g[k].t[0].c), d);
        mpz_divexact(mpq_numref(b), mpq_numref(p->t[s].c), d);
        if (mpz_sgn(mpq_numref(a)) < 0) { /* a > 0: the sign of what is left stays */
            mpq_neg(a, a);
            mpq_neg(b, b);
        }
        dx_tpoly rest = {p->n - s, 0, p->t + s};
        dx_tp_copy(&u, &rest);
        scale(&u, a);
        scale(&r, a);
        if (lambda)
            mpq_mul(lambda, lambda, a);
        dx_tp_submul(&t, &u, b, m, &g[k]);
        dx_tp_clear(p);
        *p = t;
        dx_tp_init(&t);
        s = 0;
        ok = work(ctx, p->n + g[k].n, mpz_size(mpq_numref(a)) + mpz_size(mpq_numref(b)));
    }
    dx_tp_clear(p);
    dx_tp_clear(&u);
    *p = r;
    /* the content out (positive), into lambda */
    mpz_set_ui(d, 0);
    for (size_t i = 0; i < p->n; i++)
        mpz_gcd(d, d, mpq_numref(p->t[i].c));
    if (mpz_cmp_ui(d, 1) > 0) {
        mpq_set_z(a, d);
        mpq_inv(a, a);
        scale(p, a);
        if (lambda)
            mpq_mul(lambda, lambda, a);
    }
    mpq_clear(a);
    mpq_clear(b);
    mpz_clear(d);
    return ok;
}

/* ---- Buchberger's algorithm ---------------------------------------------------------------- */

typedef struct pair {
    size_t i, j;
    int degree; /* of the lcm of the leading monomials */
} pair;

typedef struct state {
    dx_gb *gb;
    pair *pairs;
    size_t npairs, cappairs;
    bool *done; /* done[i * cap + j]: the pair (i, j) left the queue */
    size_t cap;
} state;

static void lcm(unsigned short *out, const unsigned short *a, const unsigned short *b)
{
    for (int v = 0; v < 3; v++)
        out[v] = a[v] > b[v] ? a[v] : b[v];
}

static bool *done_at(state *s, size_t i, size_t j) { return &s->done[i < j ? i * s->cap + j : j * s->cap + i]; }

/* Add h (monic, reduced modulo the basis) and its pairs with every element before it. */
static void add(state *s, dx_tpoly *h)
{
    dx_gb *gb = s->gb;
    if (gb->n == gb->cap) {
        size_t cap = gb->cap ? 2 * gb->cap : 16;
        gb->g = dx_gmp_realloc(gb->g, gb->cap * sizeof *gb->g, cap * sizeof *gb->g);
        bool *done = dx_gmp_alloc(cap * cap * sizeof *done);
        memset(done, 0, cap * cap * sizeof *done);
        for (size_t i = 0; i < gb->n; i++)
            for (size_t j = 0; j < gb->n; j++)
                done[i * cap + j] = s->done[i * s->cap + j];
        dx_free(s->done);
        s->done = done;
        s->cap = gb->cap = cap;
    }
    size_t k = gb->n++;
    gb->g[k] = *h;
    dx_tp_init(h);
    for (size_t i = 0; i < k; i++) {
        const unsigned short *a = gb->g[i].t[0].e, *b = gb->g[k].t[0].e;
        if ((!a[0] || !b[0]) && (!a[1] || !b[1]) && (!a[2] || !b[2])) {
            *done_at(s, i, k) = true; /* coprime leading monomials: reduces to 0 (first criterion) */
            continue;
        }
        if (s->npairs == s->cappairs) {
            size_t cap = s->cappairs ? 2 * s->cappairs : 32;
            s->pairs = dx_gmp_realloc(s->pairs, s->cappairs * sizeof *s->pairs, cap * sizeof *s->pairs);
            s->cappairs = cap;
        }
        unsigned short l[3];
        lcm(l, a, b);
        s->pairs[s->npairs++] = (pair){i, k, l[0] + l[1] + l[2]};
    }
}

/* Buchberger's second criterion: some g_k's leading monomial divides the lcm of the pair's,
 * and the pairs (i, k) and (j, k) have been dealt with: this one reduces to 0 too. */
static bool chain(state *s, const pair *p)
{
    unsigned short l[3];
    lcm(l, s->gb->g[p->i].t[0].e, s->gb->g[p->j].t[0].e);
    for (size_t k = 0; k < s->gb->n; k++)
        if (k != p->i && k != p->j && divides(s->gb->g[k].t[0].e, l) && *done_at(s, p->i, k) &&
            *done_at(s, p->j, k))
            return true;
    return false;
}

/* The S-polynomial of g_i and g_j (out initialised), integer multiples chosen so the leading
 * terms cancel. */
static void spoly(dx_tpoly *out, const dx_tpoly *a, const dx_tpoly *b)
{
    unsigned short l[3], ma[3], mb[3];
    lcm(l, a->t[0].e, b->t[0].e);
    for (int v = 0; v < 3; v++) {
        ma[v] = (unsigned short)(l[v] - a->t[0].e[v]);
        mb[v] = (unsigned short)(l[v] - b->t[0].e[v]);
    }
    dx_tpoly t, zero;
    dx_tp_init(&t);
    dx_tp_init(&zero);
    mpq_t ca, cb;
    mpz_t d;
    mpq_init(ca);
    mpq_init(cb);
    mpz_init(d);
    mpz_gcd(d, mpq_numref(a->t[0].c), mpq_numref(b->t[0].c));
    mpz_divexact(mpq_numref(ca), mpq_numref(b->t[0].c), d);
    mpz_divexact(mpq_numref(cb), mpq_numref(a->t[0].c), d);
    mpq_neg(ca, ca);
    dx_tp_submul(&t, &zero, ca, ma, a); /* lc(b) (l / lm a) a */
    dx_tp_submul(out, &t, cb, mb, b);   /* minus lc(a) (l / lm b) b: the leading terms cancel */
    mpq_clear(ca);
    mpq_clear(cb);
    mpz_clear(d);
    dx_tp_clear(&t);
}

/* The basis made reduced: elements whose leading monomial another's divides are dropped, the
 * rest reduced by each other. */
static bool reduce_basis(dx_ctx *ctx, dx_gb *gb)
{
    size_t k = 0;
    for (size_t i = 0; i < gb->n; i++) {
        bool drop = false;
        for (size_t j = 0; j < gb->n && !drop; j++)
            drop = j != i && gb->g[j].n && divides(gb->g[j].t[0].e, gb->g[i].t[0].e) &&
                   (dx_tp_cmp(gb->g[j].t[0].e, gb->g[i].t[0].e) != 0 || j < i);
        if (drop)
            dx_tp_clear(&gb->g[i]);
        else
            gb->g[k++] = gb->g[i];
    }
    gb->n = k;
    for (size_t i = 0; i < gb->n; i++) {
        /* the leading term stays (no other leading monomial divides it), the rest reduced */
        if (!reduce(ctx, &gb->g[i], gb->g, gb->n, i, NULL))
            return false;
    }
    return true;
}

dx_status dx_gb_compute(dx_ctx *ctx, const dx_tpoly *f, size_t nf, dx_gb *out)
{
    memset(out, 0, sizeof *out);
    state s = {.gb = out};
    bool ok = true;
    dx_tpoly h;
    dx_tp_init(&h);
    for (size_t i = 0; i < nf && ok; i++) {
        dx_tp_copy(&h, &f[i]);
        dx_tp_primitive(&h); /* integer coefficients from here on */
        ok = reduce(ctx, &h, out->g, out->n, (size_t)-1, NULL);
        if (ok && h.n)
            add(&s, &h);
    }
    while (ok && s.npairs) {
        size_t best = 0;
        for (size_t k = 1; k < s.npairs; k++)
            best = s.pairs[k].degree < s.pairs[best].degree ? k : best;
        pair p = s.pairs[best];
        s.pairs[best] = s.pairs[--s.npairs];
        *done_at(&s, p.i, p.j) = true;
        if (chain(&s, &p))
            continue;
        spoly(&h, &out->g[p.i], &out->g[p.j]);
        ok = reduce(ctx, &h, out->g, out->n, (size_t)-1, NULL);
        if (ok && h.n)
            add(&s, &h);
    }
    dx_tp_clear(&h);
    dx_free(s.pairs);
    dx_free(s.done);
    ok = ok && reduce_basis(ctx, out);
    return ok ? DX_OK : dx_ctx_error(ctx)->status;
}

void dx_gb_clear(dx_gb *gb)
{
    for (size_t i = 0; i < gb->n; i++)
        dx_tp_clear(&gb->g[i]);
    dx_free(gb->g);
    memset(gb, 0, sizeof *gb);
}

int dx_gb_dim(const dx_gb *gb)
{
    /* the largest set of variables such that no leading monomial is in them alone */
    int best = -1;
    for (int set = 0; set < 8; set++) {
        bool free = true;
        for (size_t i = 0; i < gb->n && free; i++) {
            const unsigned short *e = gb->g[i].t[0].e;
            free = !((e[0] == 0 || (set & 1)) && (e[1] == 0 || (set & 2)) && (e[2] == 0 || (set & 4)));
        }
        int size = (set & 1) + !!(set & 2) + !!(set & 4);
        if (free && size > best)
            best = size;
    }
    return best;
}

/* ---- the minimal polynomial of a coordinate ------------------------------------------------- */

/* The monomials no leading monomial divides (a basis of the quotient ring): index[e] for e in
 * the box below each variable's pure power, -1 for the others. */
typedef struct quotient {
    int b[3];
    long *index;
    long D;
} quotient;

static void quotient_of(const dx_gb *gb, quotient *q)
{
    for (int v = 0; v < 3; v++) {
        q->b[v] = 0;
        for (size_t i = 0; i < gb->n; i++) {
            const unsigned short *e = gb->g[i].t[0].e;
            if (e[v] && e[(v + 1) % 3] == 0 && e[(v + 2) % 3] == 0 && (q->b[v] == 0 || e[v] < q->b[v]))
                q->b[v] = e[v];
        }
    }
    size_t size = (size_t)q->b[0] * (size_t)q->b[1] * (size_t)q->b[2];
    q->index = dx_gmp_alloc(size * sizeof *q->index);
    q->D = 0;
    for (int a = 0; a < q->b[0]; a++)
        for (int b = 0; b < q->b[1]; b++)
            for (int c = 0; c < q->b[2]; c++) {
                unsigned short e[3] = {(unsigned short)a, (unsigned short)b, (unsigned short)c};
                bool standard = true;
                for (size_t i = 0; i < gb->n && standard; i++)
                    standard = !divides(gb->g[i].t[0].e, e);
                q->index[((size_t)a * (size_t)q->b[1] + (size_t)b) * (size_t)q->b[2] + (size_t)c] =
                    standard ? q->D++ : -1;
            }
}

static long index_of(const quotient *q, const unsigned short *e)
{
    return q->index[((size_t)e[0] * (size_t)q->b[1] + e[1]) * (size_t)q->b[2] + e[2]];
}

static mpz_t *vec_new(long n)
{
    mpz_t *v = dx_gmp_alloc((size_t)n * sizeof *v);
    for (long i = 0; i < n; i++)
        mpz_init(v[i]);
    return v;
}

static void vec_free(mpz_t *v, long n)
{
    for (long i = 0; v && i < n; i++)
        mpz_clear(v[i]);
    dx_free(v);
}

/* v = a*v - b*w over n entries (integers: no fractions to reduce on the way). */
static void vec_combine(mpz_t *v, const mpz_t a, const mpz_t b, mpz_t *const w, long n, mpz_t t)
{
    for (long i = 0; i < n; i++) {
        mpz_mul(v[i], v[i], a);
        mpz_mul(t, b, w[i]);
        mpz_sub(v[i], v[i], t);
    }
}

dx_status dx_gb_minpoly(dx_ctx *ctx, const dx_gb *gb, int v, dx_poly *out)
{
    quotient q;
    quotient_of(gb, &q);
    long D = q.D;
    /* rows: the normal forms of 1, v, v^2, ... over the integers (each scaled), made echelon
     * fraction-free, each with the combination of powers of v it is (tag); the first power
     * that reduces to 0 gives the polynomial */
    mpz_t **row = dx_gmp_alloc((size_t)(D + 1) * sizeof *row), **tag = dx_gmp_alloc((size_t)(D + 1) * sizeof *tag);
    long *pivot = dx_gmp_alloc((size_t)(D + 1) * sizeof *pivot), nrows = 0;
    dx_tpoly cur, t, zero;
    dx_tp_init(&cur);
    dx_tp_init(&t);
    dx_tp_init(&zero);
    mpq_t c;
    mpz_t l, g, a, b, s;
    mpq_init(c);
    mpz_inits(l, g, a, b, s, NULL);
    mpq_set_ui(c, 1, 1);
    unsigned short none[3] = {0, 0, 0}, step[3] = {0, 0, 0};
    step[v] = 1;
    dx_tp_push(&cur, none, c);
    mpq_t lambda; /* cur = lambda * the normal form of v^k */
    mpq_init(lambda);
    mpq_set_ui(lambda, 1, 1);
    bool ok = reduce(ctx, &cur, gb->g, gb->n, (size_t)-1, lambda), found = false;
    for (long k = 0; k <= D && ok && !found; k++) {
        mpz_t *vec = vec_new(D), *tg = vec_new(D + 1);
        /* cur has integer coefficients: den(lambda) cur = num(lambda) NF(v^k) */
        for (size_t i = 0; i < cur.n; i++)
            mpz_mul(vec[index_of(&q, cur.t[i].e)], mpq_denref(lambda), mpq_numref(cur.t[i].c));
        mpz_set(tg[k], mpq_numref(lambda));
        for (long r = 0; r < nrows; r++) {
            if (!mpz_sgn(vec[pivot[r]]))
                continue;
            mpz_gcd(g, vec[pivot[r]], row[r][pivot[r]]);
            mpz_divexact(a, row[r][pivot[r]], g);
            mpz_divexact(b, vec[pivot[r]], g);
            vec_combine(vec, a, b, row[r], D, s);
            vec_combine(tg, a, b, tag[r], k + 1, s);
        }
        /* the common factor out, to keep the numbers small */
        mpz_set_ui(g, 0);
        for (long i = 0; i < D; i++)
            mpz_gcd(g, g, vec[i]);
        for (long i = 0; i <= k; i++)
            mpz_gcd(g, g, tg[i]);
        if (mpz_cmp_ui(g, 1) > 0) {
            for (long i = 0; i < D; i++)
                mpz_divexact(vec[i], vec[i], g);
            for (long i = 0; i <= k; i++)
                mpz_divexact(tg[i], tg[i], g);
        }
        ok = work(ctx, (size_t)(nrows * (D + k)), mpz_size(tg[k]) + (nrows ? mpz_size(row[nrows - 1][pivot[nrows - 1]]) : 0));
        long p = 0;
        while (p < D && !mpz_sgn(vec[p]))
            p++;
        if (p == D) {
            /* a dependence: tg[0] + tg[1] v + ... + tg[k] v^k = 0 modulo the ideal, made monic */
            dx_poly_clear(out);
            out->n = (int)k + 1;
            out->c = dx_gmp_alloc((size_t)(k + 1) * sizeof *out->c);
            for (long i = 0; i <= k; i++) {
                mpq_init(out->c[i]);
                mpq_set_z(out->c[i], tg[i]);
                mpq_set_z(c, tg[k]);
                mpq_div(out->c[i], out->c[i], c);
            }
            vec_free(vec, D);
            vec_free(tg, D + 1);
            found = true;
            break;
        }
        row[nrows] = vec;
        tag[nrows] = tg;
        pivot[nrows++] = p;
        mpq_set_si(c, -1, 1);
        dx_tp_submul(&t, &zero, c, step, &cur); /* v * cur */
        dx_tp_clear(&cur);
        cur = t;
        dx_tp_init(&t);
        ok = ok && reduce(ctx, &cur, gb->g, gb->n, (size_t)-1, lambda);
    }
    for (long r = 0; r < nrows; r++) {
        vec_free(row[r], D);
        vec_free(tag[r], D + 1);
    }
    dx_free(row);
    dx_free(tag);
    dx_free(pivot);
    dx_free(q.index);
    dx_tp_clear(&cur);
    mpq_clear(c);
    mpq_clear(lambda);
    mpz_clears(l, g, a, b, s, NULL);
    return ok ? DX_OK : dx_ctx_error(ctx)->status;
}
