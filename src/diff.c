/* Differentiation: one rule per node kind, memoised per node, with an optional recorder. */
#include "diff.h"
#include "alloc.h"
#include "fn.h"
#include "map.h"

#include <stdlib.h>
#include <string.h>

static const dx_msg_id rule_names[DX_NRULES] = {
    DX_M_RULE_CONSTANT, DX_M_RULE_VARIABLE, DX_M_RULE_SUM,      DX_M_RULE_SCALAR,        DX_M_RULE_PRODUCT,
    DX_M_RULE_QUOTIENT, DX_M_RULE_POWER,    DX_M_RULE_EXPONENTIAL, DX_M_RULE_GENERAL_POWER, DX_M_RULE_FUNCTION,
    DX_M_RULE_CHAIN,    DX_M_RULE_SIMPLIFY,
};

static const dx_msg_id rule_formulas[DX_NRULES] = {
    DX_M_FORMULA_CONSTANT, DX_M_FORMULA_VARIABLE, DX_M_FORMULA_SUM,         DX_M_FORMULA_SCALAR,
    DX_M_FORMULA_PRODUCT,  DX_M_FORMULA_QUOTIENT, DX_M_FORMULA_POWER,       DX_M_FORMULA_EXPONENTIAL,
    DX_M_FORMULA_GENERAL_POWER, DX_M_FORMULA_FUNCTION, DX_M_FORMULA_CHAIN, DX_M_FORMULA_SIMPLIFY,
};

static const dx_msg_id slip_names[DX_NSLIPS] = {
    DX_M_SLIP_NONE,          DX_M_SLIP_LN,           DX_M_SLIP_CHAIN,        DX_M_SLIP_COS_SIGN,
    DX_M_SLIP_POWER_EXP,     DX_M_SLIP_QUOTIENT,     DX_M_SLIP_PRODUCT_TERM, DX_M_SLIP_PRODUCT_TERM,
    DX_M_SLIP_PRODUCT_DERIVS, DX_M_SLIP_CONSTANT,    DX_M_SLIP_SIGN,
};

static const dx_msg_id slip_explanations[DX_NSLIPS] = {
    DX_M_NONE,
    DX_M_SLIP_WHY_LN,
    DX_M_SLIP_WHY_CHAIN,
    DX_M_SLIP_WHY_COS_SIGN,
    DX_M_SLIP_WHY_POWER_EXP,
    DX_M_SLIP_WHY_QUOTIENT,
    DX_M_SLIP_WHY_PRODUCT_FIRST,
    DX_M_SLIP_WHY_PRODUCT_LAST,
    DX_M_SLIP_WHY_PRODUCT_DERIVS,
    DX_M_SLIP_WHY_CONSTANT,
    DX_M_SLIP_WHY_SIGN,
};

dx_msg_id dx_rule_name(dx_rule r) { return (unsigned)r < DX_NRULES ? rule_names[r] : DX_M_NONE; }
dx_msg_id dx_rule_formula(dx_rule r) { return (unsigned)r < DX_NRULES ? rule_formulas[r] : DX_M_NONE; }
dx_msg_id dx_slip_name(dx_slip s) { return (unsigned)s < DX_NSLIPS ? slip_names[s] : DX_M_NONE; }
dx_msg_id dx_slip_explanation(dx_slip s) { return (unsigned)s < DX_NSLIPS ? slip_explanations[s] : DX_M_NONE; }

typedef struct {
    dx_ctx *ctx;
    dx_expr *var;
    dx_map *memo;   /* node -> derivative (not in here: the initializer would clear its slots again) */
    uint32_t nmemo; /* nodes with a smaller id existed before this call: only they are memoised */
    dx_recorder rec;
    void *user;
    dx_slip slip;
    const dx_expr *slip_at;
    dx_expr *(*hole)(void *, dx_expr *);
    void *hole_user;
    const dx_expr *root;
} differ;

/* Does the broken rule k apply at e? Plain differentiation only pays the first compare. */
static bool slipped(const differ *s, dx_slip k, const dx_expr *e)
{
    return s->slip == k && (!s->slip_at || s->slip_at == e);
}
static dx_expr *d(differ *s, dx_expr *e);

/* Up to this many terms or factors, scratch arrays live on the stack. */
#define SMALL 16

static dx_expr *done(differ *s, dx_rule rule, dx_expr *e, dx_expr *de)
{
    if (de && s->rec)
        s->rec(s->user, rule, e, de);
    return de;
}

/* Is factor f a denominator, u^(negative number)? */
static bool is_denominator(const dx_expr *f)
{
    return f->kind == DX_POW && f->a[1]->kind == DX_NUM && dx_num_sign(&f->a[1]->u.num) < 0;
}

static dx_expr *d_mul(differ *s, dx_expr *e)
{
    dx_ctx *ctx = s->ctx;
    /* constant factors (a number, or free of var) come out: (c*u)' = c*u' */
    size_t n = e->n, nv = 0, nc = 0;
    dx_expr *inl[4 * SMALL] = {0}; /* v, c, terms, fs, for n <= SMALL */
    bool small = n <= SMALL;
    dx_expr **v = small ? inl : dx_malloc(n * sizeof *v), **c = small ? inl + SMALL : dx_malloc(n * sizeof *c);
    if (!v || !c) {
        if (!small) {
            dx_free(v);
            dx_free(c);
        }
        return dx_oom(ctx);
    }
    for (size_t i = 0; i < n; i++) {
        if (e->a[i]->vmask & s->var->vmask)
            v[nv++] = e->a[i];
        else
            c[nc++] = e->a[i];
    }
    dx_expr *r;
    dx_rule rule;
    bool quotient = false;
    for (size_t i = 0; i < nv; i++)
        quotient |= is_denominator(v[i]);
    /* the product-rule slips keep one term (from, to) or derive every factor at once */
    size_t from = 0, to = nv;
    bool all_derived = !quotient && slipped(s, DX_SLIP_PRODUCT_DERIVS, e);
    if (!quotient && slipped(s, DX_SLIP_PRODUCT_FIRST, e))
        to = 1;
    if (!quotient && slipped(s, DX_SLIP_PRODUCT_LAST, e))
        from = nv - 1;
    if (all_derived)
        to = 1;
    if (nv == 1) {
        r = dx_mul(ctx, dx_mul_n(ctx, c, nc), d(s, v[0]));
        rule = DX_R_SCALAR;
    } else {
        /* product rule, one term per varying factor: sum_i f_i' * prod_{j != i} f_j */
        dx_expr **terms = small ? inl + 2 * SMALL : dx_malloc(nv * sizeof *terms);
        dx_expr **fs = small ? inl + 3 * SMALL : dx_malloc((nc + nv) * sizeof *fs);
        r = NULL;
        if (terms && fs) {
            bool ok = true;
            for (size_t i = from; ok && i < to; i++) {
                size_t k = 0;
                for (size_t j = 0; j < nc; j++)
                    fs[k++] = c[j];
                for (size_t j = 0; j < nv; j++)
                    fs[k++] = j == i || all_derived ? d(s, v[j]) : v[j];
                terms[i - from] = dx_mul_n(ctx, fs, k);
                ok = terms[i - from] != NULL;
            }
            r = ok ? dx_add_n(ctx, terms, to - from) : NULL;
        } else {
            dx_oom(ctx);
        }
        if (!small) {
            dx_free(terms);
            dx_free(fs);
        }
        rule = quotient ? DX_R_QUOTIENT : DX_R_PRODUCT;
        if (quotient && slipped(s, DX_SLIP_QUOTIENT, e)) /* u*v' - u'*v: the negative */
            r = dx_neg(ctx, r);
    }
    if (!small) {
        dx_free(v);
        dx_free(c);
    }
    return done(s, rule, e, r);
}

static dx_expr *d_pow(differ *s, dx_expr *e)
{
    dx_ctx *ctx = s->ctx;
    dx_expr *b = e->a[0], *x = e->a[1];
    bool b_var = b->vmask & s->var->vmask, x_var = x->vmask & s->var->vmask;
    bool no_chain = slipped(s, DX_SLIP_CHAIN, e);
    if (!x_var) { /* (u^n)' = n*u^(n-1)*u', built in one product so 2*(w*x - y)*x keeps its shape */
        dx_expr *n1 = slipped(s, DX_SLIP_POWER_EXP, e) ? x : dx_sub(ctx, x, dx_int(ctx, 1));
        dx_expr *f[3] = {x, dx_pow(ctx, b, n1), no_chain ? dx_int(ctx, 1) : d(s, b)};
        dx_expr *r = dx_mul_n(ctx, f, 3);
        if (is_denominator(e) && slipped(s, DX_SLIP_QUOTIENT, e)) /* (1/v)' = (0*v - 1*v')/v^2 reversed */
            r = dx_neg(ctx, r);
        return done(s, is_denominator(e) ? DX_R_QUOTIENT : DX_R_POWER, e, r);
    }
    if (!b_var) { /* (a^u)' = a^u*ln(a)*u' */
        dx_expr *f[3] = {e, dx_call(ctx, DX_LN, b), no_chain ? dx_int(ctx, 1) : d(s, x)};
        return done(s, DX_R_EXPONENTIAL, e, dx_mul_n(ctx, f, 3));
    }
    /* (u^v)' = u^v*(v'*ln(u) + v*u'/u) */
    dx_expr *inner = dx_add(ctx, dx_mul(ctx, d(s, x), dx_call(ctx, DX_LN, b)), dx_mul(ctx, x, dx_div(ctx, d(s, b), b)));
    return done(s, DX_R_GENERAL_POWER, e, dx_mul(ctx, e, inner));
}

static dx_expr *d_call(differ *s, dx_expr *e)
{
    const dx_fn *row = &dx_fns[e->fn];
    dx_expr *u = e->a[0];
    dx_expr *outer = row->deriv(s->ctx, u);
    if (e->fn == DX_COS && slipped(s, DX_SLIP_COS_SIGN, e))
        outer = dx_neg(s->ctx, outer);
    if (u == s->var)
        return done(s, DX_R_FUNCTION, e, outer);
    if (slipped(s, DX_SLIP_CHAIN, e) || (e->fn == DX_LN && slipped(s, DX_SLIP_LN, e)))
        return done(s, DX_R_CHAIN, e, outer);
    return done(s, DX_R_CHAIN, e, dx_mul(s->ctx, outer, d(s, u)));
}

static dx_expr *d(differ *s, dx_expr *e)
{
    if (!e || dx_stack_low(s->ctx))
        return NULL;
    dx_expr *r;
    if (e->id < s->nmemo && (r = dx_map_get(s->memo, e)))
        return r;
    if (s->hole && e != s->root && (r = s->hole(s->hole_user, e)))
        return r;
    if (e->kind == DX_GUARD) { /* f' is defined where f is, at most: the guard stays */
        r = dx_guard_n(s->ctx, d(s, e->a[0]), e->a + 1, e->n - 1);
    } else if (!(e->vmask & s->var->vmask) || e->kind == DX_NUM || e->kind == DX_CONST) {
        r = done(s, DX_R_CONSTANT, e, slipped(s, DX_SLIP_CONSTANT, e) ? e : dx_int(s->ctx, 0));
    } else if (e->kind == DX_SYM) {
        r = done(s, e == s->var ? DX_R_VARIABLE : DX_R_CONSTANT, e, dx_int(s->ctx, e == s->var ? 1 : 0));
    } else if (e->kind == DX_ADD) {
        dx_expr *inl[SMALL];
        dx_expr **t = e->n <= SMALL ? inl : dx_malloc(e->n * sizeof *t);
        if (!t)
            return dx_oom(s->ctx);
        bool ok = true;
        for (uint32_t i = 0; ok && i < e->n; i++)
            ok = (t[i] = d(s, e->a[i])) != NULL;
        r = ok ? done(s, DX_R_SUM, e, dx_add_n(s->ctx, t, e->n)) : NULL;
        if (t != inl)
            dx_free(t);
    } else if (e->kind == DX_MUL) {
        r = d_mul(s, e);
    } else if (e->kind == DX_POW) {
        r = d_pow(s, e);
    } else {
        r = d_call(s, e);
    }
    if (r && e->id < s->nmemo && !dx_map_put(s->memo, e, r))
        return dx_oom(s->ctx);
    return r;
}

dx_expr *dx_diff_by(dx_ctx *ctx, dx_expr *e, dx_expr *var, dx_recorder rec, void *user)
{
    dx_diff_opts o = {.rec = rec, .user = user};
    return dx_diff_with(ctx, e, var, &o);
}

dx_expr *dx_diff_with(dx_ctx *ctx, dx_expr *e, dx_expr *var, const dx_diff_opts *o)
{
    if (!e || !var)
        return NULL;
    dx_map memo;
    dx_map_init(&memo);
    differ s = {.ctx = ctx, .var = var, .memo = &memo, .nmemo = (uint32_t)dx_node_count(ctx), .rec = o->rec,
                .user = o->user, .slip = o->slip, .slip_at = o->slip_at, .hole = o->hole, .hole_user = o->hole_user,
                .root = e};
    dx_expr *r = d(&s, e);
    dx_map_free(&memo);
    return r;
}

dx_expr *(dx_diff)(dx_ctx *ctx, dx_expr *e, const char *var, unsigned order)
{
    if (e)
        dx_ctx_clear_error(ctx); /* else an earlier call failed: its error stands */
    return dx_diff_in(ctx, e, var, order);
}

dx_expr *dx_diff_in(dx_ctx *ctx, dx_expr *e, const char *var, unsigned order)
{
    if (!e)
        return NULL;
    dx_expr *v = dx_sym(ctx, var, strlen(var));
    for (unsigned i = 0; e && i < order; i++)
        e = dx_diff_by(ctx, e, v, NULL, NULL);
    return e;
}
