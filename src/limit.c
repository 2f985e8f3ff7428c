/* Limits: one-sided and two-sided, exact where the algebra allows, numeric otherwise. */
#include "limit.h"
#include "alloc.h"
#include "diff.h"
#include "eval.h"
#include "fn.h"
#include "growth.h"
#include "map.h"
#include "simplify.h"

#include <dfdx/taylor.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bounds: recursive limit calls per side, l'Hopital rounds along one chain, and nested
 * comparisons of growth. Each round can grow the expression, and abs(x)/x would otherwise go
 * round forever. */
#define LIM_MAX_STEPS 4000
#define LIM_MAX_LHOPITAL 8
#define LIM_MAX_GROWTH 4
#define LIM_GROWTH_BUDGET 400
#define LIM_MAX_SERIES DX_TAYLOR_MAX_ORDER

/* --- the exact engine: limits of subexpressions, composed by kind ------------------------- */

typedef enum {
    LV_UNKNOWN,
    LV_FINITE,
    LV_POS_INF,
    LV_NEG_INF,
    LV_OSC,     /* no limit: keeps moving between lo and hi (exactly its lim inf and lim sup) */
    LV_WILD,    /* no limit: swings between ever larger positive and negative values */
    LV_BOUNDED, /* limit not known, but the values stay within [lo, hi] */
} lv_kind;
typedef struct {
    lv_kind k;
    dx_expr *v;      /* LV_FINITE: the closed value */
    dx_expr *lo, *hi; /* LV_OSC, LV_BOUNDED: closed bounds */
} lv;

/* How an answer was found, one bit each: the rewrites of dx_lim_method, and M_PARTS. */
enum {
    M_PARTS = 1 << 0, /* more than substitution at the top */
    M_FRACTION = DX_LIM_REWRITE_FRACTION,
    M_CONJUGATE = DX_LIM_REWRITE_CONJUGATE,
    M_EXPLOG = DX_LIM_REWRITE_EXPLOG,
    M_KINK = DX_LIM_REWRITE_KINK,
    M_TRIG = DX_LIM_REWRITE_TRIG,
    M_POLE = DX_LIM_REWRITE_POLE,
    M_SQUEEZE = DX_LIM_REWRITE_SQUEEZE,
    M_LOGS = DX_LIM_REWRITE_LOGS,
    M_FACTOR = DX_LIM_REWRITE_FACTOR,
    M_RECIPROCAL = DX_LIM_REWRITE_RECIPROCAL,
};

typedef struct {
    dx_ctx *ctx;
    dx_expr *x;
    dx_point p;
    double a;        /* p.at as a number */
    int dir;         /* -1 from below, +1 from above */
    int steps;       /* lim() calls, bounded */
    int depth;       /* l'Hopital rounds in the current chain, bounded */
    int rounds;      /* l'Hopital rounds in all, for the method */
    int gdepth;      /* nested comparisons of growth, bounded */
    int series;      /* the order of the exact series that decided a 0/0, else 0 */
    unsigned how;    /* M_ bits */
    bool degrees;    /* leading terms of polynomials compared */
    bool grown;      /* orders of growth compared; the last comparison's classes: */
    int growth_hi, growth_lo;
    int via;         /* the point A moved to +oo by x = A + via/t */
    dx_expr *via_at;
    bool osc;        /* a part keeps oscillating: samples can miss its swings */
    bool oom;        /* out of memory or stack: give up, report it */
} lim_st;

static const lv UNKNOWN = {LV_UNKNOWN, NULL, NULL, NULL};

static lv lim(lim_st *s, dx_expr *e);
static dx_expr *exp_value(lim_st *s, dx_expr *L);

/* After a constructor failed: an expected failure (0^-1 found by substitution, ln(0)) is
 * forgotten; running out of memory or stack is kept for the caller. */
static void forgive(lim_st *s)
{
    if (!dx_recover(s->ctx))
        s->oom = true;
}

static lv finite(lim_st *s, dx_expr *v)
{
    if (!v) {
        forgive(s);
        return UNKNOWN;
    }
    return (lv){LV_FINITE, v, NULL, NULL};
}

static lv infinity(int sign) { return (lv){sign > 0 ? LV_POS_INF : LV_NEG_INF, NULL, NULL, NULL}; }

/* The point at distance h on the chosen side (x = +-1/h at infinity). */
static double point_at(const lim_st *s, double h) { return s->p.inf ? s->p.inf / h : s->a + s->dir * h; }

/* Values of e at xs[0..n): NaN outside the domain. false when e cannot be compiled (it has
 * another variable, say). */
static bool sample(lim_st *s, const dx_expr *e, const double *xs, size_t n, double *out)
{
    const char *vars[1] = {s->x->u.name};
    dx_prog *pr = dx_compile(s->ctx, e, vars, 1);
    if (!pr) {
        forgive(s);
        return false;
    }
    const double *cols[1] = {xs};
    dx_prog_eval_n(pr, n, cols, out);
    dx_prog_free(pr);
    return true;
}

/* The sign of u just beside A on the chosen side: +1 or -1 when every sample from 1e-3 to
 * 1e-9 away agrees, 0 when they do not (or u vanishes there). */
static int side_sign(lim_st *s, const dx_expr *u)
{
    enum { N = 7 };
    double xs[N], v[N];
    for (int k = 0; k < N; k++)
        xs[k] = point_at(s, pow(10, -3 - k));
    if (!sample(s, u, xs, N, v))
        return 0;
    int sg = 0, n = 0;
    for (int k = 0; k < N; k++) {
        if (isnan(v[k]) || (!s->p.inf && xs[k] == s->a))
            continue;
        int t = v[k] > 0 ? 1 : v[k] < 0 ? -1 : 0;
        if (t == 0 || (sg && t != sg))
            return 0;
        sg = t;
        n++;
    }
    return n >= 4 ? sg : 0;
}

/* Sign of a closed value: -1, 0 (exactly zero), +1, or 2 when it is too near 0 to tell
 * (cos(pi/2) is 6e-17 in doubles, and must not be divided by). */
static int value_sign(lim_st *s, dx_expr *v)
{
    int r = dx_growth_sign(s->ctx, v);
    if (dx_ctx_error(s->ctx)->status != DX_OK)
        forgive(s);
    return r;
}

static int lv_sign(lim_st *s, lv l)
{
    if (l.k == LV_POS_INF)
        return 1;
    if (l.k == LV_NEG_INF)
        return -1;
    return l.k == LV_FINITE ? value_sign(s, l.v) : 2;
}

/* Is a closed expression an honest real number, with no pole hidden in it? Substitution is
 * exact, so 1/(x - 1) at 1 fails outright; but 1/cos(pi/2) survives as a formula whose double
 * is 1.6e16. Checked node by node: a denominator, a logarithm's argument or a trig pole that
 * is zero in doubles makes the value suspect. */
static bool tame_rec(lim_st *s, dx_expr *v, unsigned char *seen, size_t nseen)
{
    if (dx_stack_low(s->ctx)) {
        s->oom = true;
        return false;
    }
    if (v->id < nseen) {
        if (seen[v->id])
            return true;
        seen[v->id] = 1;
    }
    for (uint32_t i = 0; i < v->n; i++)
        if (!tame_rec(s, v->a[i], seen, nseen))
            return false;
    double b;
    if (v->kind == DX_POW && v->a[1]->kind == DX_NUM && dx_num_sign(&v->a[1]->u.num) < 0) {
        if (dx_eval_const(s->ctx, v->a[0], &b) != DX_OK || fabs(b) < 1e-9)
            return false;
    } else if (v->kind == DX_CALL) {
        if (dx_eval_const(s->ctx, v->a[0], &b) != DX_OK)
            return false;
        const dx_fn *row = &dx_fns[v->fn];
        if (row->domain == DX_DOM_POS)
            return b > 1e-9;
        if ((row->sin_pow < 0 && fabs(sin(b)) <= 1e-9) || (row->cos_pow < 0 && fabs(cos(b)) <= 1e-9))
            return false;
    }
    return true;
}

static bool tame(lim_st *s, dx_expr *v)
{
    size_t n = dx_node_count(s->ctx) + 1;
    unsigned char *seen = dx_calloc(n, 1);
    if (!seen) {
        s->oom = true;
        return false;
    }
    double d;
    bool ok = tame_rec(s, v, seen, n) && dx_eval_const(s->ctx, v, &d) == DX_OK && isfinite(d);
    dx_free(seen);
    if (!ok)
        forgive(s);
    return ok;
}

/* f(A) by exact substitution when f is continuous there; NULL (no error) when it is not. */
static dx_expr *continuous_value(lim_st *s, dx_expr *e)
{
    if (s->p.inf)
        return NULL;
    dx_expr *v = dx_subst(s->ctx, e, s->x, s->p.at);
    if (!v) {
        forgive(s);
        return NULL;
    }
    return tame(s, v) ? v : NULL;
}

/* A rewrite of some calls: f(u) with u already rewritten becomes what it returns. */
typedef dx_expr *(*call_rewrite)(lim_st *s, int fn, dx_expr *u);

/* e rebuilt with its calls rewritten; memo holds the rebuilt nodes. */
static dx_expr *rewrite_rec(lim_st *s, dx_expr *e, call_rewrite fn, dx_map *memo)
{
    if (!(e->vmask & s->x->vmask) || e->kind == DX_SYM || e->kind == DX_NUM)
        return e;
    if (dx_stack_low(s->ctx)) {
        s->oom = true;
        return NULL;
    }
    dx_expr *done = dx_map_get(memo, e);
    if (done)
        return done;
    dx_expr *a[2], **args = e->n <= 2 ? a : dx_malloc(e->n * sizeof *args);
    if (!args) {
        s->oom = true;
        return NULL;
    }
    bool ok = true;
    for (uint32_t i = 0; ok && i < e->n; i++)
        ok = (args[i] = rewrite_rec(s, e->a[i], fn, memo)) != NULL;
    dx_expr *r = NULL;
    if (ok) {
        switch (e->kind) {
        case DX_ADD: r = dx_add_n(s->ctx, args, e->n); break;
        case DX_MUL: r = dx_mul_n(s->ctx, args, e->n); break;
        case DX_POW: r = dx_pow(s->ctx, args[0], args[1]); break;
        case DX_CALL: r = fn(s, e->fn, args[0]); break;
        default: r = e; break;
        }
    }
    if (args != a)
        dx_free(args);
    if (r && !dx_map_put(memo, e, r)) {
        s->oom = true;
        return NULL;
    }
    return r;
}

static dx_expr *rewrite(lim_st *s, dx_expr *e, call_rewrite fn)
{
    if (!e) { /* the constructor that made e failed */
        forgive(s);
        return NULL;
    }
    dx_map memo;
    dx_map_init(&memo);
    dx_expr *r = rewrite_rec(s, e, fn, &memo);
    dx_map_free(&memo);
    if (!r)
        forgive(s);
    return r;
}

/* abs(u) and relu(u) where u keeps one sign beside A are u, -u or 0 there: the kink goes
 * away, and abs(x)/x becomes 1 or -1 exactly. */
static dx_expr *unkink_call(lim_st *s, int fn, dx_expr *u)
{
    int sg = dx_fns[fn].flags & DX_FN_PIECEWISE ? side_sign(s, u) : 0;
    if (!sg)
        return dx_call(s->ctx, fn, u);
    s->how |= M_KINK;
    return dx_fn_side(s->ctx, fn, sg, u);
}

static dx_expr *unkink(lim_st *s, dx_expr *e) { return rewrite(s, e, unkink_call); }

/* cosh, sinh and tanh by exponentials, so that cosh(x) - sinh(x) can cancel to e^(-x). */
static dx_expr *hyperbolic_call(lim_st *s, int fn, dx_expr *u)
{
    return dx_fns[fn].by_exp ? dx_fns[fn].by_exp(s->ctx, u) : dx_call(s->ctx, fn, u);
}

/* --- polynomials: at +-oo the term of highest degree decides --------------------------------- */

#define LIM_MAX_DEG 64

/* c := c * t, degrees *deg and dt with *deg + dt <= LIM_MAX_DEG (checked by the caller). */
static void poly_mul(lim_st *s, dx_expr **c, int *deg, dx_expr *const *t, int dt)
{
    dx_expr *u[LIM_MAX_DEG + 1];
    for (int j = 0; j <= *deg + dt; j++)
        u[j] = dx_int(s->ctx, 0);
    for (int j = 0; j <= *deg; j++)
        for (int q = 0; q <= dt; q++)
            u[j + q] = dx_add(s->ctx, u[j + q], dx_mul(s->ctx, c[j], t[q]));
    *deg += dt;
    memcpy(c, u, (size_t)(*deg + 1) * sizeof *c);
}

/* e as c[0] + c[1]*x + ... + c[deg]*x^deg with coefficients free of x; false when e is not a
 * polynomial in x (or its degree passes the limit). c has LIM_MAX_DEG + 1 slots. */
static bool poly_of(lim_st *s, dx_expr *e, dx_expr **c, int *deg)
{
    for (int i = 0; i <= LIM_MAX_DEG; i++)
        c[i] = dx_int(s->ctx, 0);
    if (!(e->vmask & s->x->vmask)) {
        c[0] = e;
        *deg = 0;
        return true;
    }
    if (e == s->x) {
        c[1] = dx_int(s->ctx, 1);
        *deg = 1;
        return true;
    }
    dx_expr *t[LIM_MAX_DEG + 1];
    int dt;
    int64_t k;
    switch (e->kind) {
    case DX_ADD:
    case DX_MUL:
        *deg = 0;
        c[0] = dx_int(s->ctx, e->kind == DX_MUL);
        for (uint32_t i = 0; i < e->n; i++) {
            if (!poly_of(s, e->a[i], t, &dt))
                return false;
            if (e->kind == DX_ADD) {
                for (int j = 0; j <= dt; j++)
                    c[j] = dx_add(s->ctx, c[j], t[j]);
                *deg = dt > *deg ? dt : *deg;
                continue;
            }
            if (*deg + dt > LIM_MAX_DEG)
                return false;
            poly_mul(s, c, deg, t, dt);
        }
        break;
    case DX_POW:
        if (e->a[1]->kind != DX_NUM || !dx_num_get_int(&e->a[1]->u.num, &k) || k < 1 || k > LIM_MAX_DEG)
            return false;
        if (!poly_of(s, e->a[0], t, &dt) || dt * k > LIM_MAX_DEG)
            return false;
        /* (sum t_j x^j)^k by repeated multiplication: k is at most LIM_MAX_DEG / dt */
        *deg = 0;
        c[0] = dx_int(s->ctx, 1);
        for (int64_t r = 0; r < k; r++) {
            poly_mul(s, c, deg, t, dt);
        }
        break;
    default:
        return false;
    }
    for (int j = 0; j <= *deg; j++)
        if (!c[j])
            return false;
    while (*deg > 0 && dx_is_int(c[*deg], 0))
        (*deg)--;
    return true;
}

/* The leading term of a polynomial, when e is one and its leading coefficient has a sign. */
static bool leading(lim_st *s, dx_expr *e, dx_expr **lc, int *deg)
{
    dx_expr *c[LIM_MAX_DEG + 1];
    if (!poly_of(s, e, c, deg)) {
        forgive(s);
        return false;
    }
    *lc = c[*deg];
    int sg = value_sign(s, *lc);
    return sg == 1 || sg == -1;
}

/* A polynomial at +-oo: the sign of its leading term there. */
static lv poly_at_inf(lim_st *s, dx_expr *e)
{
    dx_expr *lc;
    int deg;
    if (!leading(s, e, &lc, &deg))
        return UNKNOWN;
    s->degrees = true;
    if (deg == 0)
        return (lv){LV_FINITE, lc, NULL, NULL};
    return infinity(value_sign(s, lc) * (deg % 2 && s->p.inf < 0 ? -1 : 1));
}

/* A rational function at +-oo: the degrees compared, and the ratio of leading coefficients
 * when they are equal. */
static lv rational_at_inf(lim_st *s, dx_expr *n, dx_expr *d)
{
    dx_expr *ln, *ld;
    int dn, dd;
    if (!leading(s, n, &ln, &dn) || !leading(s, d, &ld, &dd))
        return UNKNOWN;
    s->degrees = true;
    if (dn < dd)
        return finite(s, dx_int(s->ctx, 0));
    if (dn == dd)
        return finite(s, dx_div(s->ctx, ln, ld));
    int sg = value_sign(s, ln) * value_sign(s, ld) * ((dn - dd) % 2 && s->p.inf < 0 ? -1 : 1);
    return infinity(sg);
}

/* N/D with both tending to 0, or both to +-oo: the limit of N'/D' (l'Hopital's rule). The rule
 * concludes nothing when N'/D' has no limit ((x + sin(x))/x at oo: N'/D' = 1 + cos(x)), so only
 * a limit counts. */
static lv lhopital(lim_st *s, dx_expr *n, dx_expr *d)
{
    if (s->depth >= LIM_MAX_LHOPITAL)
        return UNKNOWN;
    dx_expr *dn = dx_diff_by(s->ctx, n, s->x, NULL, NULL);
    dx_expr *dd = dx_diff_by(s->ctx, d, s->x, NULL, NULL);
    if (!dn || !dd || dx_is_int(dd, 0)) {
        if (!dn || !dd)
            forgive(s);
        return UNKNOWN;
    }
    dx_expr *q = unkink(s, dx_div(s->ctx, dn, dd));
    if (!q) {
        forgive(s);
        return UNKNOWN;
    }
    int rounds = s->rounds++;
    s->depth++;
    lv r = lim(s, q);
    s->depth--;
    if (r.k != LV_FINITE && r.k != LV_POS_INF && r.k != LV_NEG_INF) {
        s->rounds = rounds; /* a dead end is not part of how the answer was found */
        return UNKNOWN;
    }
    return r;
}

/* --- exact series: 0/0 where l'Hopital's rule stalls ------------------------------------------ */

/* The first Taylor coefficient of e at A that is not 0, f^(k)(A)/k!, with k <= max: its order,
 * and *c. max + 1 when the first max + 1 coefficients (orders 0..max) are all exactly 0; -1 when
 * a derivative is not a real number at A (sqrt(x) at 0), a coefficient's sign cannot be told, or
 * the work ran out. */
static int series_lead(lim_st *s, dx_expr *e, int max, dx_expr **c)
{
    dx_expr *d = e, *fact = dx_int(s->ctx, 1);
    for (int k = 0; k <= max; k++) {
        if (k) {
            d = dx_diff_by(s->ctx, d, s->x, NULL, NULL);
            fact = dx_mul(s->ctx, fact, dx_int(s->ctx, k));
        }
        dx_expr *v = d && fact ? dx_subst(s->ctx, d, s->x, s->p.at) : NULL;
        if (!v || !tame(s, v)) {
            forgive(s);
            return -1;
        }
        int sg = value_sign(s, v);
        if (sg == 2)
            return -1;
        if (sg) {
            *c = dx_div(s->ctx, v, fact);
            return *c ? k : (forgive(s), -1);
        }
    }
    return max + 1;
}

/* N/D with both tending to 0 at a finite A, by their exact Taylor series there: N ~ a*h^n and
 * D ~ b*h^d (h = x - A), so the limit is a/b, 0 or an infinity signed by the side. Meant for
 * where l'Hopital's rule gives up after its rounds ((sin(x) - x + ... - x^9/9!)/x^11 needs 11);
 * N must have as many derivatives at A as D's order needs, else nothing is claimed. */
static lv series_quotient(lim_st *s, dx_expr *n, dx_expr *d)
{
    dx_expr *a, *b;
    int kd = series_lead(s, d, LIM_MAX_SERIES, &b);
    if (kd < 1 || kd > LIM_MAX_SERIES)
        return UNKNOWN;
    int kn = series_lead(s, n, kd, &a); /* past D's order, N vanishes faster than D */
    if (kn < 1)
        return UNKNOWN;
    s->series = kn > kd ? kd + 1 : kd;
    if (kn > kd)
        return finite(s, dx_int(s->ctx, 0));
    dx_expr *q = dx_div(s->ctx, a, b);
    if (kn == kd)
        return finite(s, q);
    int sg = value_sign(s, q);
    if (sg != 1 && sg != -1)
        return UNKNOWN;
    s->how |= M_POLE;
    return infinity((kd - kn) % 2 ? sg * s->dir : sg);
}

/* Does e hold a logarithm or an exponential in var (a power whose exponent varies)? */
static bool has_log_exp(const dx_expr *e, const dx_expr *var)
{
    if (!(e->vmask & var->vmask))
        return false;
    if ((e->kind == DX_CALL && e->fn == DX_LN) || (e->kind == DX_POW && dx_has(e->a[1], var)))
        return true;
    for (uint32_t i = 0; i < e->n; i++)
        if (has_log_exp(e->a[i], var))
            return true;
    return false;
}

/* --- bounded and oscillating parts: the squeeze, and no limit said plainly ------------------ */

static bool is_bounded(lv l) { return (l.k == LV_OSC || l.k == LV_BOUNDED) && l.lo && l.hi; }

/* An oscillating or bounded answer within lo..hi; UNKNOWN when building the bounds failed. */
static lv between(lim_st *s, lv_kind k, dx_expr *lo, dx_expr *hi)
{
    if (!lo || !hi) {
        forgive(s);
        return UNKNOWN;
    }
    s->osc |= k == LV_OSC;
    return (lv){k, NULL, lo, hi};
}

/* b times a factor tending to o. Tending to 0: 0 (the squeeze theorem); to c != 0: the bounds
 * scale (lim inf and lim sup too, so oscillation stays); to +-oo: +-oo when b keeps one sign,
 * and no limit at all when b oscillates across 0 (x*sin(x) at oo). */
static lv times_bounded(lim_st *s, lv b, lv o)
{
    if (!is_bounded(b))
        return UNKNOWN;
    if (o.k == LV_FINITE) {
        int sg = value_sign(s, o.v);
        if (sg == 0) {
            s->how |= M_SQUEEZE;
            return finite(s, dx_int(s->ctx, 0));
        }
        if (sg != 1 && sg != -1)
            return UNKNOWN;
        dx_expr *lo = dx_mul(s->ctx, b.lo, o.v), *hi = dx_mul(s->ctx, b.hi, o.v);
        return sg > 0 ? between(s, b.k, lo, hi) : between(s, b.k, hi, lo);
    }
    if (o.k != LV_POS_INF && o.k != LV_NEG_INF)
        return UNKNOWN;
    int sl = value_sign(s, b.lo), sh = value_sign(s, b.hi), so = o.k == LV_POS_INF ? 1 : -1;
    if (sl == 1)
        return infinity(so);
    if (sh == -1)
        return infinity(-so);
    if (b.k == LV_OSC && sl == -1 && sh == 1)
        return (lv){LV_WILD, NULL, NULL, NULL};
    return UNKNOWN;
}

/* 1/b for a bounded b that keeps away from 0: 1/u is monotone on each side of 0, so the bounds
 * swap and invert, and oscillation stays. */
static lv reciprocal(lim_st *s, lv b)
{
    if (!is_bounded(b) || (value_sign(s, b.lo) != 1 && value_sign(s, b.hi) != -1))
        return UNKNOWN;
    dx_expr *m1 = dx_int(s->ctx, -1);
    return between(s, b.k, dx_pow(s->ctx, b.hi, m1), dx_pow(s->ctx, b.lo, m1));
}

/* N/D when one of them is bounded without a limit: sin(x)/x at oo is 0, x/(2 + sin(x)) is oo. */
static lv bounded_quotient(lim_st *s, lv n, lv d)
{
    lv r = UNKNOWN;
    if (is_bounded(d))
        r = reciprocal(s, d);
    else if (d.k == LV_POS_INF || d.k == LV_NEG_INF)
        r = finite(s, dx_int(s->ctx, 0));
    else if (d.k == LV_FINITE && (value_sign(s, d.v) == 1 || value_sign(s, d.v) == -1))
        r = finite(s, dx_pow(s->ctx, d.v, dx_int(s->ctx, -1)));
    if (r.k == LV_UNKNOWN)
        return r;
    return is_bounded(n) ? times_bounded(s, n, r) : times_bounded(s, r, n);
}

/* --- orders of growth at +oo ------------------------------------------------------------------ */

static dx_expr *growth_oracle(void *user, dx_expr *e, bool *bounded)
{
    lim_st *s = user;
    lv l = lim(s, e);
    *bounded = l.k == LV_FINITE || is_bounded(l);
    return l.k == LV_FINITE ? l.v : NULL;
}

/* For the method: the strongest class among the parts, and the strongest below it
 * ("exponential beats power"), or the one class they share ("degrees compared"). */
static void name_growth(lim_st *s, dx_growth_env *g, dx_expr *const *parts, size_t n)
{
    int hi = -1, lo = -1, cls[8];
    size_t k = 0;
    for (size_t i = 0; i < n && k < 8; i++) {
        dx_growth m;
        g->budget = LIM_GROWTH_BUDGET;
        if (parts[i] && dx_growth_of(g, parts[i], &m))
            cls[k++] = (int)dx_growth_class_of(g, &m);
    }
    for (size_t i = 0; i < k; i++)
        hi = cls[i] > hi ? cls[i] : hi;
    for (size_t i = 0; i < k; i++)
        lo = cls[i] < hi && cls[i] > lo ? cls[i] : lo;
    s->grown = true;
    s->growth_hi = hi;
    s->growth_lo = hi < 0 ? -1 : lo;
}

/* At +oo: the leading term c*x^p*ln(x)^q*e^E of e decides (exponentials beat powers beat
 * logarithms beat constants); parts (numerator and denominator, factors or terms) name how. */
static lv growth(lim_st *s, dx_expr *e, dx_expr *const *parts, size_t nparts)
{
    if (s->p.inf != 1 || !e || s->gdepth >= LIM_MAX_GROWTH)
        return UNKNOWN;
    s->gdepth++;
    dx_growth_env g = {s->ctx, s->x, growth_oracle, s, LIM_GROWTH_BUDGET, false};
    dx_growth m;
    lv out = UNKNOWN;
    int sign;
    dx_expr *v;
    bool ok = dx_growth_of(&g, e, &m);
    if (!ok && !s->oom) {
        /* cosh(x) - sinh(x): the leading terms cancel; the exponentials themselves do not */
        dx_expr *h = rewrite(s, e, hyperbolic_call);
        h = h && h != e ? dx_expand(s->ctx, h) : NULL;
        g.budget = LIM_GROWTH_BUDGET;
        ok = h && dx_growth_of(&g, h, &m);
    }
    if (ok && g.conjugated)
        s->how |= M_CONJUGATE;
    if (ok) {
        int r = dx_growth_limit(&g, &m, &sign, &v);
        out = r == 1 ? infinity(sign) : r == 0 ? finite(s, v) : UNKNOWN;
    }
    if (out.k != LV_UNKNOWN)
        name_growth(s, &g, parts, nparts);
    s->gdepth--;
    if (dx_ctx_error(s->ctx)->status != DX_OK)
        forgive(s);
    return out;
}

/* --- products and quotients ------------------------------------------------------------------ */

/* Does e have a power whose exponent varies (e^x, x^x, 2^x)? */
static bool has_var_exponent(const dx_expr *e, const dx_expr *var)
{
    if (!(e->vmask & var->vmask))
        return false;
    if (e->kind == DX_POW && dx_has(e->a[1], var))
        return true;
    for (uint32_t i = 0; i < e->n; i++)
        if (has_var_exponent(e->a[i], var))
            return true;
    return false;
}

/* ln(f) for a factor f > 0 near +oo, written out: ln(e^u) = u, ln(a^v) = v*ln(a); NULL when f
 * is not known to be positive there. */
static dx_expr *log_of(lim_st *s, dx_expr *f)
{
    dx_ctx *ctx = s->ctx;
    if (f->kind == DX_POW && f->a[0]->kind == DX_CONST && f->a[0]->fn == DX_E)
        return f->a[1];
    if (f->kind == DX_POW) {
        dx_expr *lb = log_of(s, f->a[0]);
        return lb ? dx_mul(ctx, f->a[1], lb) : NULL;
    }
    lv l = lim(s, f);
    if (l.k != LV_POS_INF && !(l.k == LV_FINITE && value_sign(s, l.v) == 1))
        return NULL;
    return dx_call(ctx, DX_LN, f);
}

/* A product of positive factors at +oo with a varying exponent, compared by its logarithm:
 * e = exp(sum of ln(f)), so x^1000/1.001^x is exp(1000*ln(x) - x*ln(1.001)) and
 * (1 + 1/x)^(x^2)/e^x is exp(x^2*ln(1 + 1/x) - x). Tried where the leading terms did not
 * decide, before l'Hopital's rule (whose derivatives of such powers only grow). */
static lv log_compare(lim_st *s, dx_expr *e)
{
    if (!e || s->p.inf != 1 || s->depth > 0 || s->gdepth >= LIM_MAX_GROWTH || !has_var_exponent(e, s->x))
        return UNKNOWN; /* !e: the product was not built (out of memory) */
    dx_expr *const *f = e->kind == DX_MUL ? e->a : &e;
    size_t n = e->kind == DX_MUL ? e->n : 1;
    dx_expr *L = dx_int(s->ctx, 0);
    unsigned how = s->how;
    for (size_t i = 0; i < n && L; i++) {
        dx_expr *lf = (f[i]->vmask & s->x->vmask) ? log_of(s, f[i]) : NULL;
        if (!(f[i]->vmask & s->x->vmask)) {
            if (value_sign(s, f[i]) != 1)
                return UNKNOWN;
            lf = dx_call(s->ctx, DX_LN, f[i]);
        }
        if (!lf) {
            if (dx_ctx_error(s->ctx)->status != DX_OK)
                forgive(s);
            s->how = how;
            return UNKNOWN;
        }
        L = dx_add(s->ctx, L, lf);
    }
    if (!L) {
        forgive(s);
        return UNKNOWN;
    }
    s->gdepth++;
    lv l = lim(s, L);
    s->gdepth--;
    lv out = UNKNOWN;
    switch (l.k) {
    case LV_FINITE: out = finite(s, exp_value(s, l.v)); break;
    case LV_NEG_INF: out = finite(s, dx_int(s->ctx, 0)); break;
    case LV_POS_INF: out = l; break;
    default: break;
    }
    if (out.k == LV_UNKNOWN)
        s->how = how;
    else
        s->how |= M_EXPLOG;
    return out;
}

/* A product whose factors all have limits: 0*oo is turned into oo/oo and handed on; one
 * bounded factor without a limit is squeezed or scaled. */
static lv product(lim_st *s, dx_expr *const *f, size_t n)
{
    dx_expr **zero = dx_malloc(n * sizeof *zero), **rest = dx_malloc(n * sizeof *rest), **vals = dx_malloc(n * sizeof *vals);
    size_t nz = 0, nr = 0, nv = 0, nb = 0;
    int sign = 1, ninf = 0;
    lv out = UNKNOWN, b = UNKNOWN;
    if (!zero || !rest || !vals) {
        s->oom = true;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        lv l = lim(s, f[i]);
        int sg = lv_sign(s, l);
        if (l.k == LV_UNKNOWN || l.k == LV_WILD)
            goto done;
        if (l.k == LV_OSC || l.k == LV_BOUNDED) {
            if (nb++)
                goto done; /* two of them: their product's bounds are not worth it */
            b = l;
            continue;
        }
        if (l.k == LV_FINITE && sg == 0) {
            zero[nz++] = f[i];
            continue;
        }
        rest[nr++] = f[i];
        if (l.k == LV_FINITE)
            vals[nv++] = l.v;
        else
            ninf++;
        if (sg == 2 && ninf)
            goto done; /* a factor too near 0 to sign times an infinite one */
        sign *= sg == 2 ? 1 : sg;
    }
    if (nz && ninf) {
        if (nb)
            goto done;
        dx_expr *Z = dx_mul_n(s->ctx, zero, nz), *R = dx_mul_n(s->ctx, rest, nr);
        dx_expr *parts[2] = {Z, R};
        if ((out = growth(s, dx_mul(s->ctx, Z, R), parts, 2)).k != LV_UNKNOWN)
            goto done;
        if ((out = log_compare(s, dx_mul(s->ctx, Z, R))).k != LV_UNKNOWN)
            goto done;
        /* Z * R = R / (1/Z): oo/oo. The vanishing factors go below, so x*ln(x) becomes
         * ln(x)/x^-1, whose derivatives' quotient is -x. A logarithm or exponential stays
         * above the line, where differentiating does not make it worse: x*ln(x) is
         * ln(x)/x^-1, x^2*e^(1/x) is e^(1/x)/x^-2, but x*ln(1 + 1/x) at oo is ln(1 + 1/x)/x^-1
         * (0/0). The other way round is tried if the first does not decide. */
        if (!has_log_exp(R, s->x)) {
            dx_expr *t = Z;
            Z = R;
            R = t;
        }
        int rounds = s->rounds, steps = s->steps;
        out = lhopital(s, R, dx_pow(s->ctx, Z, dx_int(s->ctx, -1)));
        if (out.k == LV_UNKNOWN && !s->oom) {
            s->rounds = rounds;
            if (s->depth == 0) /* the first way's dead end does not use up the second's steps */
                s->steps = steps;
            out = lhopital(s, Z, dx_pow(s->ctx, R, dx_int(s->ctx, -1)));
        }
    } else if (nz) {
        out = finite(s, dx_int(s->ctx, 0));
    } else if (ninf) {
        for (size_t i = 0; i < nv; i++)
            if (value_sign(s, vals[i]) == 2)
                goto done;
        out = infinity(sign);
    } else {
        out = finite(s, dx_mul_n(s->ctx, vals, nv));
    }
    if (nb && out.k != LV_UNKNOWN)
        out = times_bounded(s, b, out);
done:
    dx_free(zero);
    dx_free(rest);
    dx_free(vals);
    return out;
}

/* A product with denominators (factors u^-k): N/D, each side's limit, and 0/0 or oo/oo by
 * orders of growth at oo, else by l'Hopital's rule. */
static lv quotient(lim_st *s, dx_expr *e)
{
    dx_expr *const *f = e->kind == DX_MUL ? e->a : &e;
    size_t n = e->kind == DX_MUL ? e->n : 1, nn = 0, nd = 0;
    dx_expr **num = dx_malloc(n * sizeof *num), **den = dx_malloc(n * sizeof *den);
    lv out = UNKNOWN;
    if (!num || !den) {
        s->oom = true;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        dx_expr *g = f[i];
        if (g->kind == DX_POW && g->a[1]->kind == DX_NUM && dx_num_sign(&g->a[1]->u.num) < 0 &&
            (g->a[0]->vmask & s->x->vmask)) {
            dx_num k = dx_num_neg(&g->a[1]->u.num);
            den[nd++] = dx_pow(s->ctx, g->a[0], dx_number(s->ctx, &k));
            dx_num_clear(&k);
        } else {
            num[nn++] = g;
        }
    }
    if (nd == 0) {
        out = product(s, num, nn);
        goto done;
    }
    dx_expr *N = nn ? dx_mul_n(s->ctx, num, nn) : dx_int(s->ctx, 1);
    dx_expr *D = dx_mul_n(s->ctx, den, nd);
    if (!N || !D) {
        forgive(s);
        goto done;
    }
    if (s->p.inf && (out = rational_at_inf(s, N, D)).k != LV_UNKNOWN)
        goto done;
    lv ln = lim(s, N), ld = lim(s, D);
    if (is_bounded(ln) || is_bounded(ld)) {
        out = bounded_quotient(s, ln, ld);
        goto done;
    }
    int sn = lv_sign(s, ln), sd = lv_sign(s, ld);
    if (ln.k == LV_UNKNOWN || ld.k == LV_UNKNOWN || ln.k == LV_WILD || ld.k == LV_WILD || sn == 2 || sd == 2)
        goto done;
    bool zero_zero = ln.k == LV_FINITE && sn == 0 && ld.k == LV_FINITE && sd == 0;
    bool inf_inf = ln.k != LV_FINITE && ld.k != LV_FINITE;
    dx_expr *parts[2] = {N, D};
    if ((zero_zero || inf_inf) && (out = growth(s, e, parts, 2)).k != LV_UNKNOWN)
        goto done;
    if ((zero_zero || inf_inf) && (out = log_compare(s, e)).k != LV_UNKNOWN)
        goto done;
    if (ld.k == LV_FINITE && sd == 0) {
        if (ln.k == LV_FINITE && sn == 0) {
            int rounds = s->rounds;
            out = lhopital(s, N, D);
            if (out.k == LV_UNKNOWN && s->depth == 0 && !s->p.inf && !s->oom) {
                s->rounds = rounds;
                out = series_quotient(s, N, D);
            }
        } else {
            /* c/0: which infinity depends on the side from which D reaches 0 */
            int side = side_sign(s, D);
            if (side) {
                s->how |= M_POLE;
                out = infinity(sn * side);
            }
        }
    } else if (ld.k == LV_FINITE) {
        out = ln.k == LV_FINITE ? finite(s, dx_div(s->ctx, ln.v, ld.v)) : infinity(sn * sd);
    } else {
        out = ln.k == LV_FINITE ? finite(s, dx_int(s->ctx, 0)) : lhopital(s, N, D);
    }
done:
    dx_free(num);
    dx_free(den);
    return out;
}

/* e^L, with e^(k*ln(a)) written a^k: cosh(x)/e^x tends to 1/2, not to e^(-ln(2)). */
static dx_expr *exp_value(lim_st *s, dx_expr *L)
{
    dx_expr *E = dx_const(s->ctx, DX_E);
    if (L->kind == DX_ADD) {
        dx_expr *r = dx_int(s->ctx, 1);
        for (uint32_t i = 0; i < L->n && r; i++)
            r = dx_mul(s->ctx, r, exp_value(s, L->a[i]));
        return r;
    }
    if (L->kind == DX_MUL && L->n == 2 && L->a[0]->kind == DX_NUM && L->a[1]->kind == DX_CALL && L->a[1]->fn == DX_LN)
        return dx_pow(s->ctx, L->a[1]->a[0], L->a[0]);
    return dx_pow(s->ctx, E, L);
}

/* u^v: a constant positive exponent composes directly; anything else is e^(v*ln(u)), so
 * (1 + x)^(1/x) becomes e^(ln(1 + x)/x) and the exponent is a 0/0 quotient. Both are
 * increasing maps, so a bounded or oscillating base or exponent stays so. */
static lv power(lim_st *s, dx_expr *e)
{
    dx_expr *b = e->a[0], *ex = e->a[1];
    if (ex->kind == DX_NUM && dx_num_sign(&ex->u.num) < 0)
        return quotient(s, e);
    if (ex->kind == DX_NUM) {
        lv l = lim(s, b);
        if (l.k == LV_FINITE) {
            dx_expr *v = dx_pow(s->ctx, l.v, ex);
            if (!v)
                return finite(s, NULL);
            return tame(s, v) ? (lv){LV_FINITE, v, NULL, NULL} : UNKNOWN;
        }
        if (l.k == LV_POS_INF)
            return l;
        int64_t k;
        bool whole = dx_num_get_int(&ex->u.num, &k);
        if (l.k == LV_NEG_INF && whole)
            return infinity(k % 2 ? -1 : 1);
        int sl = is_bounded(l) ? value_sign(s, l.lo) : 2;
        if (is_bounded(l) && ((whole && k % 2) || sl == 0 || sl == 1)) /* u^k increases there */
            return between(s, l.k, dx_pow(s->ctx, l.lo, ex), dx_pow(s->ctx, l.hi, ex));
        return UNKNOWN;
    }
    dx_expr *arg;
    if (b->kind == DX_CONST && b->fn == DX_E) {
        arg = ex;
    } else {
        s->how |= M_EXPLOG;
        arg = dx_mul(s->ctx, ex, dx_call(s->ctx, DX_LN, b));
        if (!arg) {
            forgive(s);
            return UNKNOWN;
        }
    }
    lv l = lim(s, arg);
    switch (l.k) {
    case LV_FINITE: return finite(s, exp_value(s, l.v));
    case LV_NEG_INF: return finite(s, dx_int(s->ctx, 0));
    case LV_POS_INF: return l;
    case LV_OSC:
    case LV_BOUNDED: return between(s, l.k, exp_value(s, l.lo), exp_value(s, l.hi));
    default: return UNKNOWN;
    }
}

/* --- functions: their rows' facts (fn.h) ------------------------------------------------------ */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static dx_expr *fact_expr(lim_st *s, dx_tail v)
{
    dx_expr *r = dx_frac(s->ctx, v.num, v.den);
    return v.pi ? dx_mul(s->ctx, r, dx_const(s->ctx, DX_PI)) : r;
}

static lv fact_lv(lim_st *s, const dx_fn *row, dx_tail v)
{
    switch (v.k) {
    case DX_TAIL_VALUE: return finite(s, fact_expr(s, v));
    case DX_TAIL_POS_INF: return infinity(1);
    case DX_TAIL_NEG_INF: return infinity(-1);
    case DX_TAIL_OSC: return between(s, LV_OSC, fact_expr(s, row->lo), fact_expr(s, row->hi)); /* u -> oo passes every value */
    default: return UNKNOWN;
    }
}

static lv trig_pole(lim_st *s, dx_expr *e)
{
    const dx_fn *row = &dx_fns[e->fn];
    if (row->sin_pow >= 0 && row->cos_pow >= 0)
        return UNKNOWN;
    dx_expr *u = e->a[0];
    /* numerator first, denominator second: tan(x) is sin(x)/cos(x), cot(x) cos(x)/sin(x) */
    bool sin_above = row->sin_pow > 0;
    dx_expr *top = sin_above ? dx_call(s->ctx, DX_SIN, u) : row->cos_pow > 0 ? dx_call(s->ctx, DX_COS, u) : dx_int(s->ctx, 1);
    dx_expr *bottom = dx_call(s->ctx, row->sin_pow < 0 ? DX_SIN : DX_COS, u);
    dx_expr *q = dx_div(s->ctx, top, bottom);
    if (!q) {
        forgive(s);
        return UNKNOWN;
    }
    lv r = lim(s, q);
    if (r.k != LV_UNKNOWN)
        s->how |= M_TRIG;
    return r;
}

/* f(u) with u's limit known: continuity at a finite value (a pole of tan and its kin through
 * sin and cos), the facts table at +-oo, monotone maps of bounds, and the range of a bounded
 * function whatever u does. */
static lv call(lim_st *s, dx_expr *e)
{
    lv l = lim(s, e->a[0]);
    int fn = e->fn;
    const dx_fn *row = &dx_fns[fn];
    switch (l.k) {
    case LV_FINITE: {
        if (row->at_zero_right.k != DX_TAIL_NONE && value_sign(s, l.v) == 0) {
            s->how |= M_POLE;
            return side_sign(s, e->a[0]) > 0 ? fact_lv(s, row, row->at_zero_right) : UNKNOWN;
        }
        dx_expr *v = dx_call(s->ctx, fn, l.v);
        if (v && tame(s, v))
            return (lv){LV_FINITE, v, NULL, NULL};
        if (!v)
            forgive(s);
        return trig_pole(s, e);
    }
    case LV_POS_INF:
    case LV_NEG_INF: return fact_lv(s, row, l.k == LV_POS_INF ? row->at_pos : row->at_neg);
    case LV_OSC:
    case LV_BOUNDED:
        if (row->monotone) {
            dx_expr *a = dx_call(s->ctx, fn, l.lo), *b = dx_call(s->ctx, fn, l.hi);
            if (a && b && tame(s, a) && tame(s, b))
                return row->monotone > 0 ? between(s, l.k, a, b) : between(s, l.k, b, a);
            if (!a || !b)
                forgive(s);
        }
        break;
    default: break;
    }
    if (row->bounded)
        return between(s, LV_BOUNDED, fact_expr(s, row->lo), fact_expr(s, row->hi));
    return UNKNOWN;
}

/* --- sums ------------------------------------------------------------------------------------ */

/* oo - oo between quotients: over one denominator, (N1*D2 + N2*D1)/(D1*D2), which is 0/0 or
 * oo/oo (1/x - 1/sin(x) at 0). NULL when the terms have no denominators to share. */
static dx_expr *one_fraction(lim_st *s, dx_expr *e)
{
    dx_expr *num = dx_int(s->ctx, 0), *den = dx_int(s->ctx, 1);
    bool any = false;
    for (uint32_t i = 0; i < e->n && num && den; i++) {
        dx_expr *t = e->a[i], *tn = dx_int(s->ctx, 1), *td = dx_int(s->ctx, 1);
        dx_expr *const *f = t->kind == DX_MUL ? t->a : &t;
        uint32_t n = t->kind == DX_MUL ? t->n : 1;
        for (uint32_t j = 0; j < n; j++) {
            dx_expr *g = f[j];
            if (g->kind == DX_POW && g->a[1]->kind == DX_NUM && dx_num_sign(&g->a[1]->u.num) < 0) {
                td = dx_mul(s->ctx, td, dx_pow(s->ctx, g, dx_int(s->ctx, -1)));
                any = true;
            } else {
                tn = dx_mul(s->ctx, tn, g);
            }
        }
        num = dx_add(s->ctx, dx_mul(s->ctx, num, td), dx_mul(s->ctx, tn, den));
        den = dx_mul(s->ctx, den, td);
    }
    if (!num || !den) {
        forgive(s);
        return NULL;
    }
    return any ? dx_div(s->ctx, num, den) : NULL;
}

/* ln(u) at +oo with u's leading term L = c*x^p*ln(x)^q*ln(ln(x))^r*e^E split off: ln(c) +
 * p*ln(x) + q*ln(ln(x)) + r*ln(ln(ln(x))) + E + ln(u/L), the last part tending to 0. Written so,
 * the logarithms of a sum compare term by term: ln(e^x + x) - x is ln((e^x + x)/e^x), and
 * ln(x + 1) - ln(x) is ln((x + 1)/x). */
static dx_expr *split_log_call(lim_st *s, int fn, dx_expr *u)
{
    dx_ctx *ctx = s->ctx;
    if (fn != DX_LN || !(u->vmask & s->x->vmask))
        return dx_call(ctx, fn, u);
    dx_growth_env g = {ctx, s->x, growth_oracle, s, LIM_GROWTH_BUDGET, false};
    dx_growth m;
    if (!dx_growth_of(&g, u, &m) || value_sign(s, m.c) != 1) {
        if (dx_ctx_error(ctx)->status != DX_OK)
            forgive(s);
        return dx_call(ctx, fn, u);
    }
    dx_expr *lnx = dx_call(ctx, DX_LN, s->x), *lnlnx = dx_call(ctx, DX_LN, lnx);
    dx_expr *L = dx_mul_n(ctx, (dx_expr *[]){m.c, dx_pow(ctx, s->x, m.p), dx_pow(ctx, lnx, m.q),
                                             dx_pow(ctx, lnlnx, m.r), dx_pow(ctx, dx_const(ctx, DX_E), m.E)}, 5);
    if (!L || L == u)
        return dx_call(ctx, fn, u);
    dx_expr *parts[6] = {dx_call(ctx, DX_LN, m.c), dx_mul(ctx, m.p, lnx), dx_mul(ctx, m.q, lnlnx),
                         dx_mul(ctx, m.r, dx_call(ctx, DX_LN, lnlnx)), m.E, dx_call(ctx, DX_LN, dx_div(ctx, u, L))};
    s->how |= M_LOGS;
    return dx_add_n(ctx, parts, 6);
}

/* oo - oo that the leading terms did not settle, tried in turn (each one level deeper, so that
 * they end): the logarithms split by their leading terms and the products multiplied out;
 * the first infinite term A taken out, A*(1 + (the rest)/A), so that 0*oo decides; and at +oo,
 * x = 1/t with t -> 0+, where the terms may go over one denominator as a 0/0. */
static lv cancel(lim_st *s, dx_expr *e, dx_expr *first_inf)
{
    if (s->gdepth >= LIM_MAX_GROWTH || s->depth > 0) /* not inside l'Hopital's rounds: their
                                                        * derivatives grow, and so would this */
        return UNKNOWN;
    unsigned how = s->how;
    lv out = UNKNOWN;
    s->gdepth++;
    if (s->p.inf == 1) {
        dx_expr *q = rewrite(s, e, split_log_call);
        q = q && q != e ? dx_expand(s->ctx, q) : NULL;
        if (q && q != e && (out = lim(s, q)).k != LV_UNKNOWN)
            goto done;
        s->how = how;
    }
    if (first_inf && !s->oom) {
        dx_expr *rest = dx_div(s->ctx, dx_sub(s->ctx, e, first_inf), first_inf);
        dx_expr *q = dx_mul(s->ctx, first_inf, dx_add(s->ctx, dx_int(s->ctx, 1), dx_expand(s->ctx, rest)));
        if (!q)
            forgive(s);
        else if ((out = lim(s, q)).k != LV_UNKNOWN) {
            s->how |= M_FACTOR;
            goto done;
        }
        s->how = how;
    }
    if (s->p.inf == 1 && !s->oom) {
        dx_expr *q = dx_subst(s->ctx, e, s->x, dx_pow(s->ctx, s->x, dx_int(s->ctx, -1)));
        lim_st t = {.ctx = s->ctx, .x = s->x, .p = {dx_int(s->ctx, 0), 0}, .dir = 1, .gdepth = s->gdepth};
        if (!q || !t.p.at)
            forgive(s);
        else if ((out = lim(&t, q)).k != LV_UNKNOWN) {
            /* what decided at 0+ is how it was found, with the move said */
            s->how |= t.how | M_RECIPROCAL;
            s->rounds += t.rounds;
            s->series = t.series;
            s->osc |= t.osc;
        }
        s->oom |= t.oom;
    }
done:
    s->gdepth--;
    return out;
}

/* A sum: finite parts add, one infinity wins over bounded parts, and oo - oo is settled by
 * degrees or orders of growth at oo, by the conjugate of a square root, over one denominator,
 * or by cancel(). */
static lv sum(lim_st *s, dx_expr *e)
{
    dx_expr **vals = dx_malloc(e->n * sizeof *vals);
    size_t nv = 0, nb = 0, nwild = 0;
    int pos = 0, neg = 0;
    dx_expr *first_inf = NULL;
    unsigned pole = s->how & M_POLE;
    lv out = UNKNOWN, b = UNKNOWN;
    if (!vals) {
        s->oom = true;
        return out;
    }
    for (uint32_t i = 0; i < e->n; i++) {
        lv l = lim(s, e->a[i]);
        if (l.k == LV_UNKNOWN)
            goto done;
        if (l.k == LV_FINITE)
            vals[nv++] = l.v;
        nwild += l.k == LV_WILD;
        if (l.k == LV_OSC || l.k == LV_BOUNDED) {
            /* two oscillations may cancel (sin(x) + cos(x) does not): only bounds are kept */
            b = nb++ ? between(s, LV_BOUNDED, dx_add(s->ctx, b.lo, l.lo), dx_add(s->ctx, b.hi, l.hi)) : l;
            if (b.k == LV_UNKNOWN)
                goto done;
        }
        pos += l.k == LV_POS_INF;
        neg += l.k == LV_NEG_INF;
        if (!first_inf && (l.k == LV_POS_INF || l.k == LV_NEG_INF))
            first_inf = e->a[i];
    }
    if (nwild) {
        if (nwild == 1 && !nb && !pos && !neg)
            out = (lv){LV_WILD, NULL, NULL, NULL};
        goto done;
    }
    if (pos && neg) {
        if (nb)
            goto done;
        s->how = (s->how & ~M_POLE) | pole; /* the terms' poles are not how the answer is found */
        if (s->p.inf && (out = poly_at_inf(s, e)).k != LV_UNKNOWN)
            goto done;
        if ((out = growth(s, e, e->a, e->n)).k != LV_UNKNOWN)
            goto done;
        dx_expr *q = s->gdepth < LIM_MAX_GROWTH ? dx_growth_conjugate(s->ctx, s->x, e) : NULL;
        if (!q)
            forgive(s);
        if (q) {
            s->gdepth++;
            out = lim(s, q);
            s->gdepth--;
            if (out.k != LV_UNKNOWN) {
                s->how |= M_CONJUGATE;
                goto done;
            }
        }
        q = one_fraction(s, e);
        if (q && q->kind != DX_ADD) {
            s->how |= M_FRACTION;
            if ((out = lim(s, q)).k != LV_UNKNOWN)
                goto done;
            s->how &= ~(unsigned)M_FRACTION;
        }
        out = cancel(s, e, first_inf);
    } else if (pos || neg) {
        out = infinity(pos ? 1 : -1);
    } else {
        out = finite(s, dx_add_n(s->ctx, vals, nv));
        if (nb && out.k == LV_FINITE) /* shifted bounds: lim inf and lim sup move the same */
            out = between(s, b.k, dx_add(s->ctx, b.lo, out.v), dx_add(s->ctx, b.hi, out.v));
    }
done:
    dx_free(vals);
    return out;
}

static lv lim(lim_st *s, dx_expr *e)
{
    if (s->oom || ++s->steps > LIM_MAX_STEPS)
        return UNKNOWN;
    if (dx_stack_low(s->ctx)) {
        s->oom = true;
        return UNKNOWN;
    }
    if (!(e->vmask & s->x->vmask))
        return tame(s, e) ? (lv){LV_FINITE, e, NULL, NULL} : UNKNOWN;
    if (e == s->x)
        return s->p.inf ? infinity(s->p.inf) : (lv){LV_FINITE, s->p.at, NULL, NULL};
    /* u^v with both varying is never taken by substitution: 0^0 would pass as 1 */
    bool both = e->kind == DX_POW && dx_has(e->a[1], s->x) && dx_has(e->a[0], s->x);
    dx_expr *v = both ? NULL : continuous_value(s, e);
    if (v)
        return (lv){LV_FINITE, v, NULL, NULL};
    s->how |= M_PARTS;
    switch (e->kind) {
    case DX_ADD: return sum(s, e);
    case DX_MUL: return quotient(s, e);
    case DX_POW: return power(s, e);
    case DX_CALL: return call(s, e);
    default: return UNKNOWN;
    }
}

/* --- the numbers: sequences approaching A, extrapolated ----------------------------------- */

#define LIM_NR 14  /* Richardson samples: h = 2^-3 .. 2^-16 (x = 8 .. 65536 at infinity) */
#define LIM_ND 15  /* deep samples: h = 10^-1 .. 10^-15 (x = 10 .. 10^15) */

static void say(dx_lim *out, dx_msg m) { out->method.note = m; }

/* Richardson's table over values at h, h/2, h/4, ... (f = L + c1*h + c2*h^2 + ...): the
 * entry whose neighbours agree best, and that agreement as its error. */
static bool richardson(const double *v, int n, double *best, double *err)
{
    double T[LIM_NR][7];
    *err = INFINITY;
    *best = NAN;
    for (int i = 0; i < n; i++) {
        if (!isfinite(v[i]))
            return false;
        T[i][0] = v[i];
        for (int j = 1; j <= i && j < 7; j++) {
            T[i][j] = T[i][j - 1] + (T[i][j - 1] - T[i - 1][j - 1]) / (ldexp(1, j) - 1);
            double e = fmax(fabs(T[i][j] - T[i][j - 1]), fabs(T[i][j] - T[i - 1][j - 1]));
            if (e < *err) {
                *err = e;
                *best = T[i][j];
            }
        }
    }
    return isfinite(*err) && *err <= 1e-9 * fmax(1, fabs(*best));
}

/* What the raw values at 10^-1, 10^-2, ... away do: settle, grow, or keep moving. */
static void raw_tail(const double *t, int m, bool overflowed, dx_lim *out)
{
    if (m < 5) {
        out->kind = DX_LIM_UNKNOWN;
        say(out, DX_MSG(DX_M_LIM_FEW_POINTS));
        return;
    }
    const double *w = t + m - 5;
    bool grows = true;
    for (int i = 0; i < 4 && grows; i++) {
        double d = fabs(w[i + 1]) - fabs(w[i]);
        grows = (w[i] > 0) == (w[4] > 0) && w[i] != 0 && d > 0 &&
                (i == 0 || d >= 0.5 * (fabs(w[i]) - fabs(w[i - 1])));
    }
    if (grows || (overflowed && fabs(w[4]) > fabs(w[3]) && fabs(w[3]) > fabs(w[2]))) {
        out->kind = w[4] > 0 ? DX_LIM_POS_INF : DX_LIM_NEG_INF;
        say(out, DX_MSG(DX_M_LIM_GROWS));
        return;
    }
    double last = fabs(w[4] - w[3]), prev = fabs(w[3] - w[2]);
    if (last <= 1e-6 * fmax(1, fabs(w[4])) && last <= prev) {
        out->kind = DX_LIM_VALUE;
        out->value = fabs(w[4]) <= 10 * last ? 0 : w[4];
        out->err = last;
        say(out, DX_MSG(DX_M_LIM_SETTLE));
        return;
    }
    int turns = 0;
    for (int i = 0; i + 2 < 5; i++)
        turns += (w[i + 1] - w[i]) * (w[i + 2] - w[i + 1]) < 0;
    out->kind = turns >= 1 ? DX_LIM_OSCILLATES : DX_LIM_UNKNOWN;
    say(out, DX_MSG(turns >= 1 ? DX_M_LIM_MOVING : DX_M_LIM_UNDECIDED));
}

static void numeric(lim_st *s, dx_expr *f, dx_lim *out)
{
    double xs[LIM_ND], v[LIM_ND], t[LIM_ND];
    out->numeric = true;
    for (int k = 0; k < LIM_NR; k++)
        xs[k] = point_at(s, ldexp(1, -3 - k));
    if (!sample(s, f, xs, LIM_NR, v)) {
        out->kind = DX_LIM_UNKNOWN;
        say(out, DX_MSG(DX_M_LIM_NO_EVAL));
        return;
    }
    double best, err;
    if (richardson(v, LIM_NR, &best, &err)) {
        out->kind = DX_LIM_VALUE;
        out->value = fabs(best) <= err ? 0 : best;
        out->err = err;
        say(out, DX_MSG(DX_M_LIM_RICHARDSON));
        return;
    }
    int n = 0;
    for (int k = 0; k < LIM_ND; k++) {
        xs[n] = point_at(s, pow(10, -1 - k));
        if (!s->p.inf && xs[n] == s->a)
            break; /* closer than a double can tell */
        n++;
    }
    sample(s, f, xs, (size_t)n, v);
    /* the defined values, in order; NaN after them is overflow (e^x at 10^3), NaN before or
     * between them means f is not defined all the way to A */
    int m = 0, nan_before = 0, nan_after = 0;
    for (int k = 0; k < n; k++) {
        if (isnan(v[k]) && m)
            nan_after++;
        else if (isnan(v[k]))
            nan_before++;
        else if (nan_after)
            nan_before++; /* defined again after a gap */
        else
            t[m++] = v[k];
    }
    if (m == 0) {
        out->kind = DX_LIM_UNDEFINED;
        say(out, DX_MSG(DX_M_LIM_UNDEFINED_SIDE));
        return;
    }
    if (nan_before && nan_after == 0) {
        out->kind = DX_LIM_UNKNOWN;
        say(out, DX_MSG(DX_M_LIM_GAPS));
        return;
    }
    raw_tail(t, m, nan_after > 0, out);
}

/* Is f defined anywhere just beside A on this side? The same deep samples as numeric(). */
static bool defined_beside(lim_st *s, dx_expr *f)
{
    double xs[LIM_ND + LIM_NR], v[LIM_ND + LIM_NR];
    int n = 0;
    for (int k = 0; k < LIM_ND; k++) {
        xs[n] = point_at(s, pow(10, -1 - k));
        n += s->p.inf || xs[n] != s->a;
    }
    for (int k = 0; k < LIM_NR; k++)
        xs[n++] = point_at(s, ldexp(1, -3 - k));
    if (!sample(s, f, xs, (size_t)n, v))
        return true; /* cannot tell: let the engine try */
    for (int k = 0; k < n; k++)
        if (!isnan(v[k]))
            return true;
    return false;
}

/* Is g, tending to 0 at the finite A, nonzero beside A? So when the samples say it keeps one
 * sign, or when it is a product of powers of such factors (x^1000 underflows to 0 in doubles
 * long before x does), or when its exact series has a coefficient that is not 0. */
static bool nonzero_near(lim_st *s, dx_expr *g)
{
    if (s->p.inf || side_sign(s, g) != 0)
        return !s->p.inf;
    if (g->kind == DX_POW && g->a[1]->kind == DX_NUM)
        return nonzero_near(s, g->a[0]);
    if (g->kind == DX_MUL) {
        for (uint32_t i = 0; i < g->n; i++)
            if ((g->a[i]->vmask & s->x->vmask) && !nonzero_near(s, g->a[i]))
                return false;
        return true;
    }
    dx_expr *c;
    int k = series_lead(s, g, LIM_MAX_SERIES, &c);
    return k >= 0 && k <= LIM_MAX_SERIES;
}

/* Is f defined beside A on this side, though every sample overflowed (x^1000/1.001^x at
 * x = 10^k, e^(e^x))? Each condition of f's domain (a denominator != 0, ln's argument > 0, an
 * even root's base >= 0, ...) holds near A when the quantity's exact limit lies strictly inside
 * it: +oo, or a number of the right sign. flip: the engine runs on f(-x) (A = -oo). */
static bool defined_near(lim_st *s, dx_expr *f, bool flip)
{
    dx_expr **conds = NULL;
    size_t n = 0, cap = 0;
    if (!dx_domain_of(s->ctx, f, &conds, &n, &cap)) {
        forgive(s);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        dx_expr *q = conds[i]->a[0];
        if (flip && !(q = dx_subst(s->ctx, q, s->x, dx_neg(s->ctx, s->x)))) {
            forgive(s);
            return false;
        }
        lim_st t = {.ctx = s->ctx, .x = s->x, .p = s->p, .a = s->a, .dir = s->dir};
        if (flip)
            t.p.inf = 1, t.dir = -1;
        lv l = lim(&t, q);
        s->oom |= t.oom;
        int sg = lv_sign(&t, l);
        bool inside = conds[i]->fn == DX_REL_NE0 ? sg == 1 || sg == -1 : sg == 1;
        if (!inside && sg == 0 && l.k == LV_FINITE) /* tending to 0: from one side, or x^1000 */
            inside = conds[i]->fn == DX_REL_NE0 ? nonzero_near(&t, q) : side_sign(&t, q) == 1;
        if (!inside)
            return false;
    }
    return true;
}

/* The method of an exact answer: what decided (growth, degrees, l'Hopital's rounds,
 * substitution), the rewrites on the way, and for no limit the bounds it moves between. */
static void exact_method(lim_st *s, lv l, dx_lim *out)
{
    dx_lim_method *m = &out->method;
    memset(m, 0, sizeof *m);
    m->note = DX_MSG(DX_M_NONE);
    m->via = s->via;
    m->via_at = s->via_at;
    m->compare = s->grown ? DX_LIM_CMP_GROWTH : s->degrees ? DX_LIM_CMP_DEGREES : DX_LIM_CMP_NONE;
    m->growth_hi = s->grown ? s->growth_hi : -1;
    m->growth_lo = s->grown ? s->growth_lo : -1;
    m->lhopital = s->rounds;
    m->series = s->series;
    m->parts = (s->how & M_PARTS) || s->p.inf;
    m->rewrites = s->how & ~(unsigned)M_PARTS;
    if (l.k == LV_OSC) {
        m->lo = l.lo;
        m->hi = l.hi;
    }
    m->wild = l.k == LV_WILD;
}

/* A failed allocation of this file's own is recorded on the context here. */
static dx_status oom_status(dx_ctx *ctx)
{
    if (!dx_failed(ctx))
        dx_oom(ctx);
    return dx_ctx_error(ctx)->status;
}

static dx_status limit_side_run(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_point p, int dir, dx_lim *out)
{
    memset(out, 0, sizeof *out);
    if (!f || !var)
        return DX_EUSAGE;
    if ((dir != 1 && dir != -1) || (p.inf && dir != -p.inf) || (!p.inf && !p.at)) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_LIM_SIDE);
        return DX_EUSAGE;
    }
    lim_st s = {.ctx = ctx, .x = var, .p = p, .dir = dir};
    if (!p.inf) {
        if (dx_has(p.at, var) || dx_eval_const(ctx, p.at, &s.a) != DX_OK || !isfinite(s.a)) {
            if (dx_ctx_error(ctx)->status == DX_OK)
                dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_LIM_POINT);
            return dx_ctx_error(ctx)->status;
        }
    }
    /* samples that all fail are overflow when the domain's conditions hold near A */
    bool overflow = !defined_beside(&s, f);
    if (overflow && !defined_near(&s, f, p.inf < 0)) {
        if (s.oom)
            return oom_status(ctx);
        out->kind = DX_LIM_UNDEFINED;
        say(out, DX_MSG(DX_M_LIM_UNDEFINED_SIDE));
        return DX_OK;
    }
    /* near A, a guarded f is its body: where its conditions fail nearby, the samples above
     * found f undefined on this side, or the limits of the conditions' quantities proved it
     * defined */
    dx_expr *g = unkink(&s, dx_body(f));
    if (g && p.inf < 0) {
        /* f(x) at -oo is f(-x) at +oo: the rules of growth need only one infinity */
        g = dx_subst(ctx, g, var, dx_neg(ctx, var));
        if (!g)
            forgive(&s);
        s.p.inf = 1;
        s.dir = -1;
    }
    lv l = g ? lim(&s, g) : UNKNOWN;
    lim_st *used = &s;
    lim_st t = {.ctx = ctx, .x = var, .p = {NULL, 1}, .dir = -1, .oom = s.oom};
    if (l.k == LV_UNKNOWN && g && !p.inf && !s.oom) {
        /* f(x) as x -> A from one side is f(A +- 1/t) as t -> +oo, where orders of growth
         * decide what l'Hopital's rule cannot: e^(-1/x^2)/x^100 at 0 is t^100/e^(t^2) */
        dx_expr *h = dx_subst(ctx, g, var, dx_add(ctx, p.at, dx_div(ctx, dx_int(ctx, dir), var)));
        if (!h)
            forgive(&t);
        l = h ? lim(&t, h) : UNKNOWN;
        if (l.k != LV_UNKNOWN) {
            t.via = dir;
            t.via_at = p.at;
            used = &t;
        }
    } else if (l.k == LV_UNKNOWN && g && !s.oom) {
        /* the other way: f(x) as x -> +oo is f(1/t) as t -> 0+, where l'Hopital's rule may
         * meet a 0/0 the powers of x hid: x^2*(e^(1/x) - 1 - 1/x) is (e^t - 1 - t)/t^2 */
        t.p = (dx_point){dx_int(ctx, 0), 0};
        t.dir = 1;
        dx_expr *h = t.p.at ? dx_subst(ctx, g, var, dx_pow(ctx, var, dx_int(ctx, -1))) : NULL;
        if (!h)
            forgive(&t);
        l = h ? lim(&t, h) : UNKNOWN;
        if (l.k != LV_UNKNOWN) {
            t.how |= M_RECIPROCAL;
            used = &t;
        }
    }
    if (s.oom || t.oom)
        return oom_status(ctx);
    switch (l.k) {
    case LV_FINITE:
        out->kind = DX_LIM_VALUE;
        out->exact = l.v;
        if (dx_eval_const(ctx, l.v, &out->value) != DX_OK) {
            dx_recover(ctx);
            break;
        }
        exact_method(used, l, out);
        return DX_OK;
    case LV_POS_INF:
    case LV_NEG_INF:
    case LV_OSC:
    case LV_WILD:
        out->kind = l.k == LV_POS_INF ? DX_LIM_POS_INF : l.k == LV_NEG_INF ? DX_LIM_NEG_INF : DX_LIM_OSCILLATES;
        exact_method(used, l, out);
        return DX_OK;
    default:
        break;
    }
    memset(out, 0, sizeof *out);
    s.p = p;
    s.dir = dir;
    numeric(&s, f, out);
    bool few = out->method.note.id == DX_M_LIM_FEW_POINTS || out->kind == DX_LIM_UNDEFINED;
    if (overflow || (few && defined_near(&s, f, p.inf < 0))) { /* defined, but doubles overflow */
        out->kind = DX_LIM_UNKNOWN;
        say(out, DX_MSG(DX_M_LIM_OVERFLOW));
    }
    if ((s.osc || t.osc) && (out->kind == DX_LIM_VALUE || out->kind == DX_LIM_POS_INF || out->kind == DX_LIM_NEG_INF)) {
        /* x*(1 + sin(x)) looks like oo at x = 10, 100, ... but is 0 at every 3*pi/2 + 2*k*pi:
         * with an oscillating part, what the samples suggest is not an answer */
        dx_arg est = out->kind == DX_LIM_VALUE ? DX_D(out->value) : DX_S(out->kind == DX_LIM_POS_INF ? "oo" : "-oo");
        out->kind = DX_LIM_UNKNOWN;
        say(out, DX_MSG(DX_M_LIM_SUSPECT, est));
    }
    return DX_OK;
}

dx_status dx_limit_side(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_point p, int dir, dx_lim *out)
{
    return dx_end(ctx, limit_side_run(ctx, f, var, p, dir, out));
}

/* --- two sides, continuity, differentiability ------------------------------------------- */

/* Do two one-sided answers agree? Exact values by identity, numbers within their errors. */
static bool same_limit(const dx_lim *l, const dx_lim *r)
{
    if (l->kind != r->kind)
        return false;
    if (l->kind == DX_LIM_POS_INF || l->kind == DX_LIM_NEG_INF)
        return true;
    if (l->kind != DX_LIM_VALUE)
        return false;
    if (l->exact && r->exact)
        return l->exact == r->exact || fabs(l->value - r->value) <= 1e-12 * fmax(1, fabs(l->value));
    double tol = fmax(fmax(l->err, r->err) * 10, 1e-9 * fmax(1, fabs(l->value)));
    return fabs(l->value - r->value) <= tol;
}

dx_status dx_limit_onesided_derivatives(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_expr *at, dx_lim *left,
                                        dx_lim *right)
{
    /* the definition itself: (f(x) - f(A))/(x - A) as x -> A, so nothing is assumed about f' */
    dx_expr *fa = dx_subst(ctx, f, var, at);
    dx_expr *q = dx_div(ctx, dx_sub(ctx, f, fa), dx_sub(ctx, var, at));
    if (!q)
        return dx_ctx_error(ctx)->status;
    dx_point p = {at, 0};
    dx_status st = dx_limit_side(ctx, q, var, p, -1, left);
    return st != DX_OK ? st : dx_limit_side(ctx, q, var, p, 1, right);
}

/* f(A): defined, and its exact value, or why not; out of memory on the way is the context's
 * error (DX_ENOMEM), never a reason f(A) is undefined. */
static void value_at(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_expr *at, dx_limit_report *r)
{
    lim_st s = {.ctx = ctx, .x = var, .p = {at, 0}, .dir = 1};
    dx_expr *v = dx_subst(ctx, f, var, at);
    if (v && tame(&s, v)) {
        r->defined_at = true;
        r->f_at = v;
        dx_eval_const(ctx, v, &r->f_at_value);
        return;
    }
    if (s.oom) { /* not "undefined": the answer would be another one */
        dx_oom(ctx);
        return;
    }
    /* the error's string arguments are the context's: the message outlives the error */
    r->f_at_why = dx_failed(ctx) ? dx_ctx_error(ctx)->msg : DX_MSG(DX_M_LIM_NOT_REAL);
    dx_recover(ctx);
}

static dx_status limit_run(dx_ctx *ctx, dx_expr *f, const char *name, dx_point p, bool want_left, bool want_right,
                           dx_limit_report *out)
{
    memset(out, 0, sizeof *out);
    out->continuous = out->differentiable = -1;
    if (!f || !name || (!p.inf && !p.at)) /* an earlier call failed: its error stands */
        return dx_failed(ctx) ? dx_ctx_error(ctx)->status : DX_EUSAGE;
    dx_ctx_clear_error(ctx);
    dx_expr *var = dx_sym(ctx, name, strlen(name));
    if (!var)
        return dx_ctx_error(ctx)->status;
    out->f = f;
    out->var = var->u.name;
    out->at = p;
    if (!want_left && !want_right)
        want_left = want_right = true;
    if (p.inf) {
        /* only one way to approach infinity */
        want_left = p.inf > 0;
        want_right = p.inf < 0;
    }
    out->want_left = want_left;
    out->want_right = want_right;
    dx_status st = DX_OK;
    if (want_left && (st = dx_limit_side(ctx, f, var, p, -1, &out->left)) != DX_OK)
        return st;
    if (want_right && (st = dx_limit_side(ctx, f, var, p, 1, &out->right)) != DX_OK)
        return st;
    const dx_lim *l = &out->left, *r = &out->right;
    if (want_left && want_right) {
        out->exists = same_limit(l, r);
        if (out->exists) {
            out->value = *l;
            if (!r->exact)
                out->value.exact = NULL;
            out->value.numeric = l->numeric || r->numeric;
            out->value.err = fmax(l->err, r->err);
        }
    } else {
        const dx_lim *one = want_left ? l : r;
        out->value = *one;
        out->exists = one->kind == DX_LIM_VALUE || one->kind == DX_LIM_POS_INF || one->kind == DX_LIM_NEG_INF;
    }
    if (p.inf)
        return DX_OK;
    value_at(ctx, f, var, p.at, out);
    if (dx_ctx_error(ctx)->status == DX_ENOMEM)
        return DX_ENOMEM;
    /* continuous: every side asked for that f is defined on tends to f(A) */
    bool any = false, all = true, undecided = false;
    for (int k = 0; k < 2; k++) {
        const dx_lim *side = k ? r : l;
        if (!(k ? want_right : want_left) || side->kind == DX_LIM_UNDEFINED)
            continue;
        any = true;
        undecided |= side->kind == DX_LIM_UNKNOWN;
        dx_lim fa = {.kind = DX_LIM_VALUE, .exact = out->f_at, .value = out->f_at_value};
        all &= out->defined_at && same_limit(side, &fa);
    }
    out->continuous = !out->defined_at ? 0 : undecided ? -1 : any && all;
    if (out->continuous == 0) {
        out->differentiable = 0;
        return DX_OK;
    }
    if (out->continuous != 1)
        return DX_OK;
    dx_lim dl = {0}, dr = {0};
    if ((st = dx_limit_onesided_derivatives(ctx, f, var, p.at, &dl, &dr)) != DX_OK)
        return st;
    dx_lim none = {.kind = DX_LIM_UNDEFINED};
    out->dleft = want_left && l->kind != DX_LIM_UNDEFINED ? dl : none;
    out->dright = want_right && r->kind != DX_LIM_UNDEFINED ? dr : none;
    const dx_lim *dsides[2] = {&out->dleft, &out->dright};
    bool decided = true, finite_all = true;
    for (int k = 0; k < 2; k++) {
        if (dsides[k]->kind == DX_LIM_UNDEFINED)
            continue;
        decided &= dsides[k]->kind != DX_LIM_UNKNOWN && dsides[k]->kind != DX_LIM_OSCILLATES;
        finite_all &= dsides[k]->kind == DX_LIM_VALUE;
    }
    bool both = out->dleft.kind != DX_LIM_UNDEFINED && out->dright.kind != DX_LIM_UNDEFINED;
    if (!finite_all && decided)
        out->differentiable = 0;
    else if (decided)
        out->differentiable = both ? same_limit(&out->dleft, &out->dright) : 1;
    return DX_OK;
}

dx_status dx_limit(dx_ctx *ctx, dx_expr *f, const char *name, dx_point p, bool want_left, bool want_right,
                   dx_limit_report *out)
{
    return dx_end(ctx, limit_run(ctx, f, name, p, want_left, want_right, out));
}

/* --- kinks ----------------------------------------------------------------------------------- */

static void kinks_rec(const dx_expr *e, const dx_expr *var, unsigned char *seen, dx_expr **args, size_t max,
                      size_t *n)
{
    if (seen[e->id] || !(e->vmask & var->vmask))
        return;
    seen[e->id] = 1;
    for (uint32_t i = 0; i < e->n; i++)
        kinks_rec(e->a[i], var, seen, args, max, n);
    if (e->kind == DX_CALL && (dx_fns[e->fn].flags & DX_FN_PIECEWISE) && dx_has(e->a[0], var)) {
        for (size_t i = 0; i < *n && i < max; i++)
            if (args[i] == e->a[0])
                return;
        if (*n < max)
            args[*n] = e->a[0];
        ++*n;
    }
}

size_t dx_kinks(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_expr **args, size_t max)
{
    if (!f || !var)
        return 0;
    unsigned char *seen = dx_calloc(dx_node_count(ctx) + 1, 1);
    if (!seen)
        return 0;
    size_t n = 0;
    kinks_rec(f, var, seen, args, max, &n);
    dx_free(seen);
    return n;
}

dx_expr *dx_linear_root(dx_ctx *ctx, dx_expr *u, dx_expr *var)
{
    dx_expr *c = dx_diff_by(ctx, u, var, NULL, NULL);
    if (!c || dx_has(c, var) || dx_is_int(c, 0))
        return NULL;
    dx_expr *d = dx_subst(ctx, u, var, dx_int(ctx, 0));
    dx_expr *r = dx_neg(ctx, dx_div(ctx, d, c));
    if (!r)
        dx_recover(ctx);
    return r;
}
