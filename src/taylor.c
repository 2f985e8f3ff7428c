/* Taylor polynomials: exact coefficients f^(k)(a)/k!, in one variable or several. */
#include "multivar.h"

#include <string.h>

/* The point's variables as f sees them: the ones with a value that f depends on, in the
 * order given (a value for a variable f lacks is harmless). */
typedef struct point {
    const char *const *names;
    dx_expr *const *at;
    size_t n;
    dx_expr **h; /* names[i] - at[i] */
} point;

/* One term of the part of degree k: d^alpha f (a) / alpha! * prod h_i^alpha_i over the
 * multi-indices alpha with |alpha| = k, built by choosing how often each variable from i on
 * is differentiated. d is f differentiated by the choices so far; scale their 1/alpha!. */
typedef struct walk {
    dx_ctx *ctx;
    const point *p;
    dx_expr **coef, **mono; /* every term so far: its coefficient and its power product of h */
    size_t nterms, cap;
    dx_status st;
} walk;

static void terms_of(walk *w, dx_expr *d, size_t i, unsigned left, dx_expr *mono, int64_t fact)
{
    if (w->st != DX_OK)
        return;
    if (left == 0 || i + 1 == w->p->n) {
        /* the last variable takes what is left */
        for (unsigned k = 0; k < left && d; k++)
            d = dx_derivative(w->ctx, d, w->p->names[i], 1);
        for (unsigned k = 2; k <= left; k++)
            fact *= k;
        dx_mv_value v;
        if (!d || (w->st = dx_mv_at(w->ctx, d, w->p->names, w->p->at, w->p->n, &v)) != DX_OK) {
            if (w->st == DX_OK)
                w->st = dx_ctx_error(w->ctx)->status;
            return;
        }
        if (left)
            mono = dx_mul(w->ctx, mono, dx_pow(w->ctx, w->p->h[i], dx_int(w->ctx, left)));
        dx_expr *c = dx_simplify(w->ctx, dx_div(w->ctx, v.exact, dx_int(w->ctx, fact)));
        if (!c || !mono) {
            w->st = dx_ctx_error(w->ctx)->status;
            return;
        }
        w->coef[w->nterms] = c;
        w->mono[w->nterms++] = mono;
        return;
    }
    int64_t f = fact;
    dx_expr *m = mono;
    for (unsigned a = 0; a <= left && w->st == DX_OK; a++) {
        terms_of(w, d, i + 1, left - a, m, f);
        d = dx_derivative(w->ctx, d, w->p->names[i], 1);
        m = dx_mul(w->ctx, m, w->p->h[i]);
        f *= a + 1;
        if (!d || !m)
            w->st = dx_ctx_error(w->ctx)->status;
    }
}

/* The part of degree k: its terms appended to w, and their sum (canonical). */
static dx_expr *part(walk *w, dx_expr *f, unsigned k)
{
    size_t from = w->nterms;
    terms_of(w, f, 0, k, dx_int(w->ctx, 1), 1);
    if (w->st == DX_EDOMAIN) {
        /* "division by zero" alone would not say which derivative: sqrt(x) about 0 */
        const dx_msg *cause = dx_msg_keep(w->ctx, dx_ctx_error(w->ctx)->msg);
        dx_ctx_clear_error(w->ctx);
        if (!cause)
            w->st = DX_ENOMEM, dx_oom(w->ctx);
        else if (k == 0)
            dx_fail(w->ctx, DX_EDOMAIN, -1, -1, DX_M_TAYLOR_F_UNDEFINED, DX_N(cause));
        else if (cause)
            dx_fail(w->ctx, DX_EDOMAIN, -1, -1, DX_M_TAYLOR_UNDEFINED, DX_I(k), DX_N(cause));
    }
    if (w->st != DX_OK)
        return NULL;
    /* the walk lists the first variable's low powers first: reversed, x^2 comes before x*y */
    for (size_t a = from, b = w->nterms - 1; a < b; a++, b--) {
        dx_expr *c = w->coef[a], *m = w->mono[a];
        w->coef[a] = w->coef[b], w->mono[a] = w->mono[b];
        w->coef[b] = c, w->mono[b] = m;
    }
    dx_expr *sum = dx_int(w->ctx, 0);
    for (size_t t = from; t < w->nterms; t++)
        sum = dx_add(w->ctx, sum, dx_mul(w->ctx, w->coef[t], w->mono[t]));
    if (!sum)
        w->st = dx_ctx_error(w->ctx)->status;
    return sum;
}

/* How many terms a polynomial of degree order in n variables has: C(order + n, n). */
static size_t nterms_of(size_t n, unsigned order)
{
    size_t c = 1;
    for (size_t i = 1; i <= n; i++)
        c = c * (order + i) / i;
    return c;
}

static dx_status taylor_of(dx_ctx *ctx, dx_expr *f, const char *const *names, dx_expr *const *at, size_t n,
                    unsigned order, dx_taylor_result *out)
{
    memset(out, 0, sizeof *out);
    dx_ctx_clear_error(ctx);
    const char *missing;
    if (n == 0 || !dx_mv_covered(ctx, f, names, n, &missing)) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_MV_NO_VALUE, DX_S(n ? missing : "x"));
        return DX_EUSAGE;
    }
    unsigned max = n == 1 ? DX_TAYLOR_MAX_ORDER : DX_TAYLOR_MAX_ORDER_SEVERAL;
    if (order > max) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_TAYLOR_ORDER, DX_I(max), DX_I(n));
        return DX_EUSAGE;
    }
    dx_expr **h = dx_alloc(ctx, n * sizeof *h), **coef = dx_alloc(ctx, (order + 1) * sizeof *coef),
            **parts = dx_alloc(ctx, (order + 1) * sizeof *parts);
    if (!h || !coef || !parts)
        return DX_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        dx_expr *v = dx_sym(ctx, names[i], strlen(names[i]));
        if (!(h[i] = dx_sub(ctx, v, at[i])))
            return dx_ctx_error(ctx)->status;
    }
    point p = {names, at, n, h};
    size_t cap = nterms_of(n, order);
    walk w = {ctx, &p, dx_alloc(ctx, cap * sizeof(dx_expr *)), dx_alloc(ctx, cap * sizeof(dx_expr *)), 0, cap, DX_OK};
    if (!w.coef || !w.mono)
        return DX_ENOMEM;
    *out = (dx_taylor_result){.f = f, .n = n, .vars = names, .at = at, .step = h, .order = order, .part = parts,
                              .coef = coef, .term_coef = w.coef, .term_mono = w.mono};
    dx_status st = DX_OK;
    for (unsigned k = 0; k <= order; k++)
        if (!(parts[k] = coef[k] = part(&w, f, k)))
            return w.st;
    out->nterms = w.nterms;
    if (!(out->polynomial = dx_add_n(ctx, parts, order + 1)))
        return dx_ctx_error(ctx)->status;
    if (n == 1) {
        /* the coefficient of (x - a)^k on its own */
        for (unsigned k = 1; k <= order; k++) {
            dx_expr *hk = dx_pow(ctx, h[0], dx_int(ctx, k));
            coef[k] = dx_simplify(ctx, dx_div(ctx, coef[k], hk));
            if (!coef[k])
                return dx_ctx_error(ctx)->status;
        }
        out->remainder = dx_pow(ctx, h[0], dx_int(ctx, order + 1));
        return out->remainder ? DX_OK : dx_ctx_error(ctx)->status;
    }
    dx_expr **g = dx_alloc(ctx, n * sizeof *g);
    if (!g)
        return DX_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        dx_mv_value v;
        if ((st = dx_mv_at(ctx, dx_derivative(ctx, f, names[i], 1), names, at, n, &v)) != DX_OK)
            return st;
        g[i] = v.exact;
    }
    out->gradient = g;
    if (order < 2)
        return DX_OK;
    dx_hessian_result hr;
    if ((st = dx_hessian(ctx, f, names, n, names, at, n, &hr)) != DX_OK)
        return st;
    out->hessian = hr.value;
    return DX_OK;
}

dx_status dx_taylor(dx_ctx *ctx, dx_expr *f, const char *const *names, dx_expr *const *at, size_t n,
                    unsigned order, dx_taylor_result *out)
{
    return dx_mv_end(ctx, taylor_of(ctx, f, names, at, n, order, out));
}
