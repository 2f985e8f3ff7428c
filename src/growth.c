/* Orders of growth at +oo: the leading term c * x^p * ln(x)^q * e^E of an expression. */
#include "growth.h"
#include "eval.h"
#include "fn.h"
#include "simplify.h"

#include <math.h>

typedef dx_growth mono;

int dx_growth_sign(dx_ctx *ctx, dx_expr *v)
{
    if (!v)
        return 2;
    if (v->kind == DX_NUM)
        return dx_num_sign(&v->u.num);
    double d;
    if (dx_eval_const(ctx, v, &d) != DX_OK) {
        if (dx_ctx_error(ctx)->status != DX_ENOMEM)
            dx_recover(ctx);
        return 2;
    }
    return !isfinite(d) || fabs(d) < 1e-12 ? 2 : d > 0 ? 1 : -1;
}

static int sgn(dx_growth_env *g, dx_expr *v) { return dx_growth_sign(g->ctx, v); }

static bool is0(const dx_expr *e) { return e && dx_is_int(e, 0); }

static bool set(mono *m, dx_expr *c, dx_expr *p, dx_expr *q, dx_expr *r, dx_expr *E)
{
    *m = (mono){c, p, q, r, E};
    return c && p && q && r && E;
}

static bool of(dx_growth_env *g, dx_expr *e, mono *m);

/* Is t a square root, times something free of x? */
static bool is_root_term(const dx_expr *x, const dx_expr *t)
{
    dx_expr *const *f = t->kind == DX_MUL ? t->a : (dx_expr *const *)&t;
    uint32_t n = t->kind == DX_MUL ? t->n : 1;
    bool root = false;
    for (uint32_t i = 0; i < n; i++) {
        const dx_expr *g = f[i];
        if (!(g->vmask & x->vmask))
            continue;
        if (g->kind != DX_POW || g->a[1]->kind != DX_NUM || root)
            return false;
        dx_num two = dx_num_int(2), k = dx_num_mul(&g->a[1]->u.num, &two);
        root = dx_num_is(&k, 1);
        dx_num_clear(&k);
        if (!root)
            return false;
    }
    return root;
}

dx_expr *dx_growth_conjugate(dx_ctx *ctx, dx_expr *x, dx_expr *e)
{
    if (!e || e->kind != DX_ADD)
        return NULL;
    for (uint32_t i = 0; i < e->n; i++) {
        if (!is_root_term(x, e->a[i]))
            continue;
        dx_expr *A = e->a[i], *B = dx_sub(ctx, e, A);
        dx_expr *num = dx_expand(ctx, dx_sub(ctx, dx_pow(ctx, A, dx_int(ctx, 2)),
                                                dx_pow(ctx, B, dx_int(ctx, 2))));
        dx_expr *q = dx_div(ctx, num, dx_sub(ctx, A, B));
        return q;
    }
    return NULL;
}


static int exponent_sign(dx_growth_env *g, dx_expr *D);

/* Does a leading term grow faster than ln(x): e^E with E -> +oo, x^p with p > 0, ln(x)^q with
 * q > 1, or ln(x)*ln(ln(x))^r with r > 0? Only such terms go into an exponent E, so that e^E
 * beats every power. The comparison goes down one level of exponentials at a time: e^(e^x)
 * against e^(x^100) compares e^x with x^100. */
static bool beats_log(dx_growth_env *g, const mono *m)
{
    if (!is0(m->E))
        return exponent_sign(g, m->E) == 1;
    int sp = sgn(g, m->p);
    if (sp != 0)
        return sp == 1;
    int sq1 = sgn(g, dx_sub(g->ctx, m->q, dx_int(g->ctx, 1)));
    return sq1 == 1 || (sq1 == 0 && sgn(g, m->r) == 1);
}

/* The sign of the leading term of an exponent difference D != 0, which must grow faster than
 * ln(x) (else it would change the power of x, which is not known exactly): 1, -1, or 2. */
static int exponent_sign(dx_growth_env *g, dx_expr *D)
{
    mono l;
    if (!of(g, D, &l) || !beats_log(g, &l))
        return 2;
    return sgn(g, l.c);
}

/* Which leading term grows faster: 1 (a), -1 (b), 0 (the same class, c aside), 2 unknown. */
static int cmp(dx_growth_env *g, const mono *a, const mono *b)
{
    dx_expr *D = dx_sub(g->ctx, a->E, b->E);
    if (!D)
        return 2;
    if (!is0(D))
        return exponent_sign(g, D);
    int sp = sgn(g, dx_sub(g->ctx, a->p, b->p));
    if (sp != 0)
        return sp;
    int sq = sgn(g, dx_sub(g->ctx, a->q, b->q));
    return sq != 0 ? sq : sgn(g, dx_sub(g->ctx, a->r, b->r));
}

/* A part the rules do not cover, through the caller: a finite non-zero limit is a constant
 * leading term; *bounded says it at least stays bounded. */
static bool oracle(dx_growth_env *g, dx_expr *e, mono *m, bool *bounded)
{
    bool b = false;
    dx_expr *v = g->limit ? g->limit(g->user, e, &b) : NULL;
    if (bounded)
        *bounded = b || v;
    int s = v ? sgn(g, v) : 0;
    dx_expr *zero = dx_int(g->ctx, 0);
    return (s == 1 || s == -1) && set(m, v, zero, zero, zero, zero);
}

/* The largest term; terms of the same class add their coefficients, and a sum whose leading
 * coefficients cancel has an unknown leading term. Bounded terms without a leading term of
 * their own (sin(x)) are dropped beside a leading term that tends to +-oo. */
static bool sum_of(dx_growth_env *g, dx_expr *e, mono *m)
{
    mono best = {0}, t;
    bool have = false, dropped = false;
    for (uint32_t i = 0; i < e->n; i++) {
        bool bounded = false;
        if (!of(g, e->a[i], &t) && !oracle(g, e->a[i], &t, &bounded)) {
            if (!bounded)
                return false;
            dropped = true;
            continue;
        }
        if (!have) {
            best = t;
            have = true;
            continue;
        }
        int c = cmp(g, &t, &best);
        if (c == 2)
            return false;
        if (c == 1)
            best = t;
        else if (c == 0)
            best.c = dx_add(g->ctx, best.c, t.c);
    }
    int sc = have ? sgn(g, best.c) : 0;
    if (sc != 1 && sc != -1) {
        /* the leading terms cancel: with a square root, its conjugate shows the next order
         * (x*(sqrt(x^2 + 1) - x) is x/(sqrt(x^2 + 1) + x)) */
        dx_expr *q = dropped ? NULL : dx_growth_conjugate(g->ctx, g->x, e);
        if (q && of(g, q, m)) {
            g->conjugated = true;
            return true;
        }
        /* or over one denominator: 1/(x + 1) - 1/x is -1/(x^2 + x) */
        q = dropped ? NULL : dx_together(g->ctx, e);
        return q && q != e && q->kind != DX_ADD && of(g, q, m);
    }
    int sign;
    dx_expr *v;
    if (dropped && dx_growth_limit(g, &best, &sign, &v) != 1)
        return false;
    *m = best;
    return true;
}

static bool product_of(dx_growth_env *g, dx_expr *e, mono *m)
{
    dx_ctx *ctx = g->ctx;
    dx_expr *zero = dx_int(ctx, 0);
    set(m, dx_int(ctx, 1), zero, zero, zero, zero);
    for (uint32_t i = 0; i < e->n; i++) {
        mono t;
        if (!of(g, e->a[i], &t))
            return false;
        if (!set(m, dx_mul(ctx, m->c, t.c), dx_add(ctx, m->p, t.p), dx_add(ctx, m->q, t.q), dx_add(ctx, m->r, t.r),
                 dx_add(ctx, m->E, t.E)))
            return false;
    }
    return true;
}

/* Is t exactly a*L (L = ln(x) or ln(ln(x)), a the leading coefficient)? Only then e^t is a
 * power of L: ln(x + 1) is ln(x) + 1/x + ..., and e^(1/x) -> 1, but telling that needs more
 * than the leading term. */
static bool exactly(dx_growth_env *g, dx_expr *t, dx_expr *a, dx_expr *L)
{
    return dx_mul(g->ctx, a, L) == t;
}

/* e^arg, term by term: terms growing faster than ln(x) stay in the exponent exactly (e^x among
 * them: e^(e^x) has E = e^x), a*ln(x) becomes x^a and a*ln(ln(x)) ln(x)^a, a term tending to a
 * constant a gives the factor e^a, and vanishing terms go. */
static bool exp_of(dx_growth_env *g, dx_expr *arg, mono *m)
{
    dx_ctx *ctx = g->ctx;
    dx_expr *const *terms = arg->kind == DX_ADD ? arg->a : &arg;
    uint32_t n = arg->kind == DX_ADD ? arg->n : 1;
    dx_expr *c = dx_int(ctx, 1), *p = dx_int(ctx, 0), *q = dx_int(ctx, 0), *E = dx_int(ctx, 0), *one = dx_int(ctx, 1);
    dx_expr *lnx = dx_call(ctx, DX_LN, g->x), *lnlnx = dx_call(ctx, DX_LN, lnx);
    for (uint32_t i = 0; i < n; i++) {
        mono t;
        if (!of(g, terms[i], &t))
            return false;
        if (!is0(t.E)) {
            int se = exponent_sign(g, t.E);
            if (se == 2)
                return false;
            if (se == 1) /* the term itself is an exponential that grows */
                E = dx_add(ctx, E, terms[i]);
            continue; /* else it vanishes: e^term -> 1 */
        }
        int sp = sgn(g, t.p), sq = sgn(g, t.q), sq1 = sgn(g, dx_sub(ctx, t.q, one)), sr = sgn(g, t.r);
        if (sp == 2 || sq == 2 || sq1 == 2 || sr == 2)
            return false;
        if (sp == 1 || (sp == 0 && (sq1 == 1 || (sq1 == 0 && sr == 1)))) {
            E = dx_add(ctx, E, terms[i]);
        } else if (sp == 0 && sq1 == 0 && sr == 0) {
            if (!exactly(g, terms[i], t.c, lnx))
                return false;
            p = dx_add(ctx, p, t.c);
        } else if (sp == 0 && sq == 0 && sr == 0) {
            c = dx_mul(ctx, c, dx_pow(ctx, dx_const(ctx, DX_E), t.c));
        } else if (sp == 0 && sq == 0 && sr == 1) {
            if (!exactly(g, terms[i], t.c, lnlnx))
                return false;
            q = dx_add(ctx, q, t.c);
        } else if (sp == 0 && (sq == 1 || (sq1 == 0 && sr == -1))) {
            return false; /* e^(sqrt(ln(x))), e^(ln(x)/ln(ln(x))): between the powers and the logarithms */
        }
    }
    return set(m, c, p, q, dx_int(ctx, 0), E);
}

/* ln(u): ln(c) + p*ln(x) + q*ln(ln(x)) + r*ln(ln(ln(x))) + E + o(1), whose largest part leads. */
static bool ln_of(dx_growth_env *g, dx_expr *u, mono *m)
{
    dx_ctx *ctx = g->ctx;
    mono t;
    if (!of(g, u, &t) || sgn(g, t.c) != 1)
        return false; /* ln of something negative near +oo */
    dx_expr *zero = dx_int(ctx, 0);
    if (!is0(t.E)) {
        mono l;
        if (!of(g, t.E, &l) || !beats_log(g, &l))
            return false;
        *m = l;
        return true;
    }
    int sp = sgn(g, t.p), sq = sgn(g, t.q);
    if (sp == 1 || sp == -1)
        return set(m, t.p, zero, dx_int(ctx, 1), zero, zero);
    if (sp == 0 && (sq == 1 || sq == -1)) /* ln(ln(x)^q) = q*ln(ln(x)) + ... */
        return set(m, t.q, zero, zero, dx_int(ctx, 1), zero);
    if (sp != 0 || sq != 0 || sgn(g, t.r) != 0)
        return false; /* ln(ln(ln(x))) has no leading term of this form */
    /* u -> c: ln(c), unless c = 1 (then ln(u) -> 0 at a rate not known here) */
    if (sgn(g, dx_sub(ctx, t.c, dx_int(ctx, 1))) != 1 && sgn(g, dx_sub(ctx, t.c, dx_int(ctx, 1))) != -1)
        return false;
    return set(m, dx_call(ctx, DX_LN, t.c), zero, zero, zero, zero);
}

/* cosh(u) and sinh(u) with u -> +-oo are e^|u|/2 and +-e^|u|/2 to leading order: the sign
 * by the row's parity. */
static bool hyperbolic_of(dx_growth_env *g, dx_expr *e, mono *m)
{
    dx_ctx *ctx = g->ctx;
    dx_expr *u = e->a[0];
    mono t;
    int sign = 0;
    dx_expr *v;
    if (!of(g, u, &t) || dx_growth_limit(g, &t, &sign, &v) != 1)
        return oracle(g, e, m, NULL);
    dx_expr *w = dx_mul(ctx, dx_frac(ctx, dx_fns[e->fn].parity == DX_ODD ? sign : 1, 2),
                        dx_pow(ctx, dx_const(ctx, DX_E), sign > 0 ? u : dx_neg(ctx, u)));
    return w && of(g, w, m);
}

static bool of(dx_growth_env *g, dx_expr *e, mono *m)
{
    dx_ctx *ctx = g->ctx;
    *m = (mono){0};
    if (--g->budget < 0 || dx_stack_low(ctx))
        return false;
    dx_expr *zero = dx_int(ctx, 0);
    if (!(e->vmask & g->x->vmask)) {
        int s = sgn(g, e);
        return (s == 1 || s == -1) && set(m, e, zero, zero, zero, zero);
    }
    if (e == g->x)
        return set(m, dx_int(ctx, 1), dx_int(ctx, 1), zero, zero, zero);
    switch (e->kind) {
    case DX_ADD: return sum_of(g, e, m);
    case DX_MUL: return product_of(g, e, m);
    case DX_POW:
        if (e->a[1]->kind == DX_NUM) {
            mono t;
            dx_expr *k = e->a[1];
            if (!of(g, e->a[0], &t))
                return false;
            if (!dx_num_is_int(&k->u.num) && sgn(g, t.c) != 1)
                return false; /* (-c)^(1/2) */
            return set(m, dx_pow(ctx, t.c, k), dx_mul(ctx, t.p, k), dx_mul(ctx, t.q, k), dx_mul(ctx, t.r, k),
                       dx_mul(ctx, t.E, k));
        }
        if (e->a[0]->kind == DX_CONST && e->a[0]->fn == DX_E)
            return exp_of(g, e->a[1], m);
        {
            dx_expr *arg = dx_mul(ctx, e->a[1], dx_call(ctx, DX_LN, e->a[0]));
            return arg && exp_of(g, arg, m);
        }
    case DX_CALL:
        switch (dx_fns[e->fn].growth) {
        case DX_GROW_LOG: return ln_of(g, e->a[0], m);
        case DX_GROW_HALF_EXP: return hyperbolic_of(g, e, m);
        case DX_GROW_ABS:
            if (!of(g, e->a[0], m))
                return false;
            if (sgn(g, m->c) < 0)
                m->c = dx_neg(ctx, m->c);
            return m->c != NULL;
        default: return oracle(g, e, m, NULL);
        }
    default: return false;
    }
}

bool dx_growth_of(dx_growth_env *g, dx_expr *e, dx_growth *out) { return e && of(g, e, out); }

int dx_growth_limit(dx_growth_env *g, const dx_growth *m, int *sign, dx_expr **value)
{
    int sc = sgn(g, m->c);
    if (sc != 1 && sc != -1)
        return -1;
    *sign = sc;
    *value = NULL;
    int dir;
    if (!is0(m->E)) {
        dir = exponent_sign(g, m->E);
    } else {
        dir = sgn(g, m->p);
        if (dir == 0)
            dir = sgn(g, m->q);
        if (dir == 0)
            dir = sgn(g, m->r);
    }
    if (dir == 2)
        return -1;
    if (dir == 1)
        return 1;
    *value = dir < 0 ? dx_int(g->ctx, 0) : m->c;
    return *value ? 0 : -1;
}

dx_growth_class dx_growth_class_of(dx_growth_env *g, const dx_growth *m)
{
    if (!is0(m->E))
        return DX_GROWTH_EXP;
    if (sgn(g, m->p) != 0)
        return DX_GROWTH_POWER;
    return sgn(g, m->q) != 0 || sgn(g, m->r) != 0 ? DX_GROWTH_LOG : DX_GROWTH_CONST;
}
