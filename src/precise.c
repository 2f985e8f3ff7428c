/* Closed forms valued by MPFR at rising precision (precise.h). Each pass computes every node
 * at one working precision, each operation correctly rounded there; the answer is taken when
 * two passes, the second at twice the precision, round to the same double (Ziv's strategy):
 * what a double's 53 bits cannot follow (the argument of sin(10^30) reduced mod 2pi, the
 * 10^30-th power of 1 + 10^-30) shows as two passes that disagree, and the precision doubles. */
#include "precise.h"
#include "alloc.h"
#include "fn.h"
#include "stack.h"

#include <float.h>
#include <math.h>
#include <stdio.h> /* before mpfr.h: its printf functions */
#include <mpfr.h>
#include <string.h>

#define PREC_FIRST 80
/* 32,768 bits: sin(10^9000) reduces its argument to a double's precision; beyond, the
 * compiled doubles answer as they always did. A number longer than that (10^5000, a rational
 * of up to num.c's 2^18 bits) starts past it and gets one doubling. */
#define PREC_MAX (1 << 15)
#define PREC_START_MAX (1 << 19)
/* Nodes visited in one pass: a pass follows every path of a shared subexpression (x^x^...
 * towers), where the compiled evaluator computes each node once */
#define NODE_BUDGET 20000
/* |log10| beyond which a value is said by its power of ten alone (10^(-4.3429e99)): its
 * leading digits would need more than 50 digits of the exponent */
#define LOG_DIGITS_LIMIT 1e15

typedef enum ev_st { EV_OK, EV_GIVE_UP } ev_st;

typedef struct walk {
    dx_ctx *ctx;
    mpfr_prec_t prec;
    size_t left; /* of NODE_BUDGET */
    bool saturated; /* a function gave its asymptote (tanh(1000) is 1 to any precision a pass
                       has, softplus(1000) is 1000): no finite argument gives it, so the value
                       is rounded however many passes agree */
} walk;

static void set_num(mpfr_t r, const dx_num *q)
{
    mpq_t t;
    mpq_init(t);
    dx_num_to_mpq(t, q);
    mpfr_set_q(r, t, MPFR_RNDN);
    mpq_clear(t);
}

static ev_st ev(walk *w, const dx_expr *e, mpfr_t r);

/* f(u) into r for a function row, u already in r. A point outside the domain gives up: the
 * compiled evaluator names it with its message. */
static ev_st call(walk *w, unsigned fn, mpfr_t r)
{
    int s = mpfr_sgn(r);
    switch ((dx_fn_id)fn) {
    case DX_SIN: mpfr_sin(r, r, MPFR_RNDN); break;
    case DX_COS: mpfr_cos(r, r, MPFR_RNDN); break;
    case DX_TAN: mpfr_tan(r, r, MPFR_RNDN); break;
    case DX_COT:
    case DX_CSC:
        if (s == 0)
            return EV_GIVE_UP;
        fn == DX_COT ? mpfr_cot(r, r, MPFR_RNDN) : mpfr_csc(r, r, MPFR_RNDN);
        break;
    case DX_SEC: mpfr_sec(r, r, MPFR_RNDN); break;
    case DX_ASIN:
    case DX_ACOS:
        if (mpfr_cmpabs_ui(r, 1) > 0)
            return EV_GIVE_UP;
        fn == DX_ASIN ? mpfr_asin(r, r, MPFR_RNDN) : mpfr_acos(r, r, MPFR_RNDN);
        break;
    case DX_ATAN: mpfr_atan(r, r, MPFR_RNDN); break;
    case DX_SINH: mpfr_sinh(r, r, MPFR_RNDN); break;
    case DX_COSH: mpfr_cosh(r, r, MPFR_RNDN); break;
    case DX_TANH:
        mpfr_tanh(r, r, MPFR_RNDN);
        w->saturated |= mpfr_cmpabs_ui(r, 1) == 0;
        break;
    case DX_LN:
        if (s <= 0)
            return EV_GIVE_UP;
        mpfr_log(r, r, MPFR_RNDN);
        break;
    case DX_ABS: mpfr_abs(r, r, MPFR_RNDN); break;
    case DX_RELU:
        if (s < 0)
            mpfr_set_zero(r, 1);
        break;
    case DX_ERF:
        mpfr_erf(r, r, MPFR_RNDN);
        w->saturated |= mpfr_cmpabs_ui(r, 1) == 0;
        break;
    case DX_SIGMOID: /* 1/(1 + e^-u); e^u/(1 + e^u) left of 0, where e^-u would overflow to a
                        plain 0 and e^u underflows, a value beyond a double's range */
        if (s < 0) {
            mpfr_t m;
            mpfr_init2(m, mpfr_get_prec(r));
            mpfr_exp(m, r, MPFR_RNDN);
            mpfr_add_ui(r, m, 1, MPFR_RNDN);
            mpfr_div(r, m, r, MPFR_RNDN);
            mpfr_clear(m);
            break;
        }
        mpfr_neg(r, r, MPFR_RNDN);
        mpfr_exp(r, r, MPFR_RNDN);
        mpfr_add_ui(r, r, 1, MPFR_RNDN);
        mpfr_ui_div(r, 1, r, MPFR_RNDN);
        w->saturated |= mpfr_cmp_ui(r, 1) == 0;
        break;
    case DX_SOFTPLUS: { /* ln(1 + e^u) = max(u, 0) + ln(1 + e^-|u|): no e^u out of range */
        mpfr_t m;
        mpfr_init2(m, mpfr_get_prec(r));
        mpfr_abs(m, r, MPFR_RNDN);
        mpfr_neg(m, m, MPFR_RNDN);
        mpfr_exp(m, m, MPFR_RNDN);
        mpfr_log1p(m, m, MPFR_RNDN);
        if (s < 0)
            mpfr_set_zero(r, 1);
        /* the term absorbed (1000 + 5e-435): softplus(u) > max(u, 0) always */
        if (!mpfr_zero_p(r) && !mpfr_zero_p(m) && mpfr_get_exp(m) < mpfr_get_exp(r) - (mpfr_exp_t)mpfr_get_prec(r))
            w->saturated = true;
        mpfr_add(r, r, m, MPFR_RNDN);
        mpfr_clear(m);
        break;
    }
    case DX_STEP:
    case DX_SIGN:
        if (s == 0)
            return EV_GIVE_UP;
        mpfr_set_si(r, s > 0 ? 1 : fn == DX_STEP ? 0 : -1, MPFR_RNDN);
        break;
    case DX_ASINH: mpfr_asinh(r, r, MPFR_RNDN); break;
    case DX_ACOSH:
        if (mpfr_cmp_ui(r, 1) < 0)
            return EV_GIVE_UP;
        mpfr_acosh(r, r, MPFR_RNDN);
        break;
    case DX_ATANH:
        if (mpfr_cmpabs_ui(r, 1) >= 0)
            return EV_GIVE_UP;
        mpfr_atanh(r, r, MPFR_RNDN);
        break;
    case DX_NCALLS: return EV_GIVE_UP;
    }
    return EV_OK;
}

/* b^c into r. A rational exponent p/q takes a negative base when q is odd (the real root,
 * signed by p); any other exponent only a positive one. */
static ev_st power(walk *w, const dx_expr *b, const dx_expr *c, mpfr_t r)
{
    if (b->kind == DX_CONST && b->fn == DX_E) {
        if (ev(w, c, r) != EV_OK)
            return EV_GIVE_UP;
        mpfr_exp(r, r, MPFR_RNDN);
        return EV_OK;
    }
    if (ev(w, b, r) != EV_OK)
        return EV_GIVE_UP;
    int s = mpfr_sgn(r);
    if (c->kind == DX_NUM) {
        int cs = dx_num_sign(&c->u.num);
        if (s == 0)
            return cs > 0 ? EV_OK : EV_GIVE_UP; /* 0^c: 0, or no value */
        mpq_t q;
        mpq_init(q);
        dx_num_to_mpq(q, &c->u.num);
        ev_st st = EV_OK;
        if (dx_num_is_int(&c->u.num)) {
            mpfr_pow_z(r, r, mpq_numref(q), MPFR_RNDN); /* any size: (-1)^(10^100) */
        } else if (s < 0 && mpz_even_p(mpq_denref(q))) {
            st = EV_GIVE_UP;
        } else {
            mpfr_t x;
            mpfr_init2(x, w->prec);
            mpfr_set_q(x, q, MPFR_RNDN);
            mpfr_abs(r, r, MPFR_RNDN);
            mpfr_pow(r, r, x, MPFR_RNDN);
            if (s < 0 && mpz_odd_p(mpq_numref(q)))
                mpfr_neg(r, r, MPFR_RNDN);
            mpfr_clear(x);
        }
        mpq_clear(q);
        return st;
    }
    if (s < 0)
        return EV_GIVE_UP;
    mpfr_t x;
    mpfr_init2(x, w->prec);
    ev_st st = ev(w, c, x);
    if (st == EV_OK && s == 0 && mpfr_sgn(x) <= 0)
        st = EV_GIVE_UP;
    if (st == EV_OK)
        mpfr_pow(r, r, x, MPFR_RNDN);
    mpfr_clear(x);
    return st;
}

/* A guard's condition g rel 0 at the point (the substitution leaves only those it could not
 * decide): holds, or no value. */
static ev_st holds(walk *w, const dx_expr *c)
{
    mpfr_t g;
    mpfr_init2(g, w->prec);
    ev_st st = ev(w, c->a[0], g);
    int s = mpfr_sgn(g);
    mpfr_clear(g);
    if (st != EV_OK)
        return st;
    bool ok = c->fn == DX_REL_NE0 ? s != 0 : c->fn == DX_REL_GE0 ? s >= 0 : s > 0;
    return ok ? EV_OK : EV_GIVE_UP;
}

/* e into r (initialised at w->prec), or EV_GIVE_UP */
static ev_st ev(walk *w, const dx_expr *e, mpfr_t r)
{
    if (w->left == 0)
        return EV_GIVE_UP;
    w->left--;
    if (dx_stack_low(w->ctx)) {
        dx_ctx_clear_error(w->ctx); /* the compiled evaluator, with no recursion, answers */
        return EV_GIVE_UP;
    }
    switch ((dx_kind)e->kind) {
    case DX_NUM:
        set_num(r, &e->u.num);
        return EV_OK;
    case DX_CONST:
        if (e->fn == DX_PI) {
            mpfr_const_pi(r, MPFR_RNDN);
        } else {
            mpfr_set_ui(r, 1, MPFR_RNDN);
            mpfr_exp(r, r, MPFR_RNDN);
        }
        return EV_OK;
    case DX_ADD:
    case DX_MUL: {
        if (ev(w, e->a[0], r) != EV_OK)
            return EV_GIVE_UP;
        mpfr_t t;
        mpfr_init2(t, w->prec);
        ev_st st = EV_OK;
        for (uint32_t i = 1; i < e->n && st == EV_OK; i++)
            if ((st = ev(w, e->a[i], t)) == EV_OK)
                e->kind == DX_ADD ? mpfr_add(r, r, t, MPFR_RNDN) : mpfr_mul(r, r, t, MPFR_RNDN);
        mpfr_clear(t);
        return st;
    }
    case DX_POW:
        return power(w, e->a[0], e->a[1], r);
    case DX_CALL:
        if (ev(w, e->a[0], r) != EV_OK)
            return EV_GIVE_UP;
        return call(w, e->fn, r);
    case DX_GUARD:
        for (uint32_t i = 1; i < e->n; i++)
            if (holds(w, e->a[i]) != EV_OK)
                return EV_GIVE_UP;
        return ev(w, e->a[0], r);
    case DX_SYM:
    case DX_COND:
        break;
    }
    return EV_GIVE_UP;
}

/* log10|e| into L and e's sign into *neg, for a value past MPFR's own range (e^(-10^100),
 * 2^(10^100)): a product adds its factors' logarithms, a power multiplies its base's by the
 * exponent; anything else must have a value in range. */
static ev_st log10_of(walk *w, const dx_expr *e, mpfr_t L, bool *neg)
{
    if (w->left == 0 || dx_stack_low(w->ctx)) {
        dx_ctx_clear_error(w->ctx);
        return EV_GIVE_UP;
    }
    w->left--;
    ev_st st = EV_OK;
    mpfr_t t;
    mpfr_init2(t, w->prec);
    if (e->kind == DX_MUL) {
        mpfr_set_zero(L, 1);
        *neg = false;
        for (uint32_t i = 0; i < e->n && st == EV_OK; i++) {
            bool n;
            if ((st = log10_of(w, e->a[i], t, &n)) == EV_OK) {
                mpfr_add(L, L, t, MPFR_RNDN);
                *neg ^= n;
            }
        }
    } else if (e->kind == DX_POW) {
        const dx_expr *b = e->a[0], *c = e->a[1];
        bool bneg = false;
        mpfr_clear_flags();
        st = ev(w, c, t);
        if (st == EV_OK && (!mpfr_number_p(t) || mpfr_overflow_p()))
            st = EV_GIVE_UP; /* an exponent past MPFR's range: 10^(10^(10^30)) */
        if (st == EV_OK)
            st = log10_of(w, b, L, &bneg);
        if (st == EV_OK) {
            mpfr_mul(L, L, t, MPFR_RNDN);
            *neg = false;
        }
        /* a negative base needs an integer exponent: its parity is the sign */
        if (st == EV_OK && bneg) {
            if (c->kind == DX_NUM && dx_num_is_int(&c->u.num)) {
                mpq_t q;
                mpq_init(q);
                dx_num_to_mpq(q, &c->u.num);
                *neg = mpz_odd_p(mpq_numref(q));
                mpq_clear(q);
            } else {
                st = EV_GIVE_UP;
            }
        }
    } else if (e->kind == DX_CALL && (e->fn == DX_SIGMOID || e->fn == DX_SOFTPLUS) &&
               (st = ev(w, e->a[0], t)) == EV_OK && mpfr_number_p(t) && mpfr_cmp_si(t, -1000000) < 0) {
        /* both are e^u (1 + O(e^u)) far to the left: sigmoid(-10^100) is 10^(-4.3429e99), not 0 */
        mpfr_set_ui(L, 10, MPFR_RNDN);
        mpfr_log(L, L, MPFR_RNDN);
        mpfr_div(L, t, L, MPFR_RNDN);
        *neg = false;
    } else {
        mpfr_clear_flags();
        st = ev(w, e, t);
        if (st == EV_OK && (!mpfr_regular_p(t) || mpfr_overflow_p() || mpfr_underflow_p()))
            st = EV_GIVE_UP;
        if (st == EV_OK) {
            *neg = mpfr_sgn(t) < 0;
            mpfr_abs(t, t, MPFR_RNDN);
            mpfr_log10(L, t, MPFR_RNDN);
        }
    }
    mpfr_clear(t);
    return st;
}

/* The bits of e's largest number: the first pass carries every number to 64 bits past it, so
 * that 1 + 10^-60 is not rounded to 1 (two passes would then agree that (1 + 10^-60)^(10^60)
 * is 1). 0 when e is over the node budget. */
static size_t number_bits(const dx_expr *e, size_t *left)
{
    if (*left == 0)
        return 0;
    (*left)--;
    size_t b = e->kind == DX_NUM ? dx_num_bits(&e->u.num) : 0;
    for (uint32_t i = 0; i < e->n; i++) {
        size_t c = number_bits(e->a[i], left);
        b = c > b ? c : b;
    }
    return b;
}

/* "1.000000000000000e-400" as 1e-400: the digits a double would have printed */
static void drop_zeros(char *t)
{
    char *x = strchr(t, 'e'), *p = x;
    while (p[-1] == '0')
        p--;
    if (p[-1] == '.')
        p--;
    memmove(p, x, strlen(x) + 1);
}

/* One pass at precision prec: the value as a double (with its text where a double cannot
 * hold it) into out. */
static dx_precise_kind pass(walk *w, const dx_expr *e, dx_precise *out)
{
    memset(out, 0, sizeof *out);
    w->left = NODE_BUDGET;
    w->saturated = false;
    mpfr_t r;
    mpfr_init2(r, w->prec);
    mpfr_clear_flags();
    dx_precise_kind k = DX_PRECISE_UNKNOWN;
    if (ev(w, e, r) != EV_OK || mpfr_nan_p(r)) {
        k = DX_PRECISE_UNKNOWN;
    } else if (mpfr_inf_p(r) || (mpfr_zero_p(r) && mpfr_underflow_p())) {
        /* past MPFR's range too: said by its power of ten */
        bool neg = false;
        w->left = NODE_BUDGET;
        if (log10_of(w, e, r, &neg) == EV_OK && mpfr_number_p(r) && mpfr_cmpabs_ui(r, 1000) > 0) {
            char t[40];
            mpfr_snprintf(t, sizeof t, "%.4Re", r);
            char *p = strstr(t, "e+");
            if (p)
                memmove(p + 1, p + 2, strlen(p + 2) + 1); /* 4.3429e99, as typed */
            snprintf(out->text, sizeof out->text, "%s10^(%s)", neg ? "-" : "", t);
            bool big = mpfr_sgn(r) > 0;
            out->v = big ? (neg ? -INFINITY : INFINITY) : (neg ? -0.0 : 0.0);
            k = DX_PRECISE_BEYOND;
        }
    } else if (!mpfr_zero_p(r)) {
        out->v = mpfr_get_d(r, MPFR_RNDN);
        k = DX_PRECISE_VALUE;
        /* off the double by more than 2^32 times the precision's last bit: a rounded value
         * (a pass's own noise is a few last bits; log(8)/log(2) is 3 to every bit it has) */
        mpfr_t d;
        mpfr_init2(d, w->prec);
        mpfr_sub_d(d, r, out->v, MPFR_RNDN);
        out->rounded = (!mpfr_zero_p(d) && mpfr_get_exp(d) > mpfr_get_exp(r) - w->prec + 32) || w->saturated;
        mpfr_clear(d);
        if (isinf(out->v) || fabs(out->v) < DBL_MIN) { /* beyond a double, within MPFR */
            mpfr_snprintf(out->text, sizeof out->text, "%.15Re", r);
            drop_zeros(out->text);
            k = DX_PRECISE_BEYOND;
        }
    }
    mpfr_clear(r);
    return k;
}

dx_precise_kind dx_precise_eval(dx_ctx *ctx, const dx_expr *e, dx_precise *out)
{
    walk w = {ctx, PREC_FIRST, NODE_BUDGET, false};
    size_t bits = number_bits(e, &w.left);
    if (w.left == 0 || bits + 64 > PREC_START_MAX)
        return DX_PRECISE_UNKNOWN;
    while (w.prec < (mpfr_prec_t)bits + 64)
        w.prec *= 2;
    mpfr_prec_t top = w.prec * 2 > PREC_MAX ? w.prec * 2 : PREC_MAX;
    mpfr_exp_t emin = mpfr_get_emin(), emax = mpfr_get_emax();
    mpfr_set_emin(mpfr_get_emin_min());
    mpfr_set_emax(mpfr_get_emax_max());
    dx_precise last;
    dx_precise_kind k = pass(&w, e, &last), got = DX_PRECISE_UNKNOWN;
    while (k != DX_PRECISE_UNKNOWN && w.prec < top) {
        w.prec *= 2;
        dx_precise now;
        dx_precise_kind k2 = pass(&w, e, &now);
        /* a zero is never settled: 1 - e^(10^-200) is 0 until the precision reaches its digits */
        bool same = k2 == k && (now.v != 0 || k2 == DX_PRECISE_BEYOND) && memcmp(&now.v, &last.v, sizeof now.v) == 0 &&
                    strcmp(now.text, last.text) == 0;
        /* a value that looks exactly a double (erf(10) and 1 agree to 148 bits) is asked once
         * more, at twice the precision, before it is said without "≈" */
        bool confirm = same && k2 == DX_PRECISE_VALUE && !now.rounded && got == DX_PRECISE_UNKNOWN && w.prec < top;
        got = same ? k : DX_PRECISE_UNKNOWN;
        k = k2;
        last = now; /* rounded, told at the higher precision */
        if (same && !confirm)
            break;
    }
    mpfr_set_emin(emin);
    mpfr_set_emax(emax);
    if (got != DX_PRECISE_UNKNOWN)
        *out = last;
    return got;
}

void dx_precise_release(void) { mpfr_free_cache(); }
