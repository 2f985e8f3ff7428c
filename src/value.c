/* The value of an expression at a point: exact where the algebra allows, in doubles otherwise,
 * and how it is said (1/3 ≈ 0.3333333333333333, -9/4 = -2.25, 3). */
#include "eval.h"
#include "alloc.h"
#include "fn.h"
#include "precise.h"
#include "show.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool dx_decimal_is(const char *dec, const dx_num *q)
{
    bool neg = dec[0] == '-';
    dx_num back;
    if (!dx_num_parse(&back, dec + neg, strlen(dec + neg)))
        return false;
    if (neg) {
        dx_num t = dx_num_neg(&back);
        dx_num_clear(&back);
        back = t;
    }
    bool same = dx_num_eq(&back, q);
    dx_num_clear(&back);
    return same;
}

/* ln(a)/ln(b) of positive rationals whose quotient is rational (log(x, 8) at x = 2: 1/3),
 * as that number; else e itself (NULL only without memory). */
static dx_expr *rational_log(dx_ctx *ctx, dx_expr *e)
{
    if (!e || e->kind != DX_MUL || e->n != 2)
        return e;
    const dx_expr *num = NULL, *den = NULL;
    for (int i = 0; i < 2; i++) {
        const dx_expr *f = e->a[i];
        if (f->kind == DX_CALL && f->fn == DX_LN && f->a[0]->kind == DX_NUM)
            num = f->a[0];
        else if (f->kind == DX_POW && dx_is_int(f->a[1], -1) && f->a[0]->kind == DX_CALL && f->a[0]->fn == DX_LN &&
                 f->a[0]->a[0]->kind == DX_NUM)
            den = f->a[0]->a[0];
    }
    dx_num q;
    if (!num || !den || !dx_num_log(&q, &num->u.num, &den->u.num))
        return e;
    dx_expr *r = dx_number(ctx, &q);
    dx_num_clear(&q);
    return r;
}

static bool has_call(const dx_expr *e)
{
    if (e->kind == DX_CALL)
        return true;
    for (uint32_t i = 0; i < e->n; i++)
        if (has_call(e->a[i]))
            return true;
    return false;
}

/* v without the last bits of rounding noise, when the noise is all that makes it long: a
 * double computed through ln, log10 or a quotient of them is good to about 15 digits, so
 * log2(8) = ln(8)/ln(2) = 2.9999999999999996 is 3 to every digit it has. Only a value whose 15
 * significant digits end in a run of zeros (at most 10 left) is tidied: a true decimal
 * expansion does that with odds of about 1e-5 per value, and then its last digits were noise. */
static double tidy(double v)
{
    if (!isfinite(v) || v == 0)
        return v;
    char s[40];
    snprintf(s, sizeof s, "%.14e", v); /* 15 significant digits: d.dddddddddddddde+XX */
    double r = strtod(s, NULL);
    int zeros = 0;
    for (const char *p = strchr(s, 'e') - 1; *p == '0'; p--)
        zeros++;
    return zeros >= 5 ? r : v;
}

/* The values given, by name (the context's copy) and as doubles, into out. */
static dx_status given(dx_ctx *ctx, const char *const *names, dx_expr *const *values, size_t n, dx_value *out)
{
    const char **nm = dx_alloc(ctx, (n + 1) * sizeof *nm);
    double *num = dx_alloc(ctx, (n + 1) * sizeof *num);
    if (!nm || !num)
        return DX_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        dx_expr *s = dx_sym(ctx, names[i], strlen(names[i]));
        if (!s)
            return dx_ctx_error(ctx)->status;
        nm[i] = s->u.name;
        if (dx_eval_const(ctx, values[i], &num[i]) != DX_OK)
            return dx_ctx_error(ctx)->status;
    }
    out->names = nm;
    out->values = num;
    out->nvalues = n;
    return DX_OK;
}

/* The value of e at the point by the compiled evaluator: the domain message when the point is
 * outside (it names the function and the value). */
static dx_status in_doubles(dx_ctx *ctx, dx_expr *e, const dx_value *out, double *v)
{
    dx_prog *p = dx_compile(ctx, e, out->names, out->nvalues);
    if (!p)
        return dx_ctx_error(ctx)->status;
    dx_status st = dx_prog_eval(p, ctx, out->values, v);
    dx_prog_free(p);
    return st;
}

dx_status dx_eval_at(dx_ctx *ctx, dx_expr *e, const char *const *names, dx_expr *const *values, size_t n,
                     dx_value *out)
{
    memset(out, 0, sizeof *out);
    if (!e)
        return dx_failed(ctx) ? dx_ctx_error(ctx)->status : DX_EUSAGE; /* an earlier call failed */
    dx_ctx_clear_error(ctx);
    out->input = e;
    dx_status st = given(ctx, names, values, n, out);
    if (st != DX_OK)
        return st;
    dx_expr *x = rational_log(ctx, dx_subst_values(ctx, e, names, values, n));
    if (!x && dx_ctx_error(ctx)->status == DX_EDOMAIN)
        return DX_EDOMAIN; /* found exactly: 1/0, ln(0), tan(pi/2) (a pole doubles miss) */
    bool rational = x && x->kind == DX_NUM;
    double v;
    dx_precise pr;
    dx_precise_kind pk = x ? dx_precise_eval(ctx, x, &pr) : DX_PRECISE_UNKNOWN;
    if (pk != DX_PRECISE_UNKNOWN) {
        v = pr.v; /* the nearest double: no noise to tidy */
    } else if (!x || dx_eval_doubles(ctx, x, &v) != DX_OK) {
        if (rational) {
            v = NAN; /* 2^100000: exact, too long to value; the exact form is the answer */
        } else {
            if ((st = in_doubles(ctx, e, out, &v)) != DX_OK)
                return st;
            x = NULL;
        }
    } else if (!rational) {
        v = tidy(v); /* log2(8): 3, not 2.9999999999999996 */
    }
    dx_ctx_clear_error(ctx);
    out->value = v;
    out->decimal = v;
    char dec[40], *exact = NULL;
    dx_fmt_double(dec, sizeof dec, out->decimal);
    /* the exact form, when it says more than the decimal: 1/3, pi^2, 2^(1/2); a rational is
     * the answer itself, digits and all (up to a page), and so is a value past a double's range
     * (e^(-10^100)); a longer symbolic form says less than its decimal */
    if (x && !has_call(x) && (exact = dx_print(ctx, x, DX_PLAIN)) && strlen(exact) <= (rational || pk == DX_PRECISE_BEYOND ? 4000u : 80u))
        out->exact = x;
    dx_ctx_clear_error(ctx);
    out->rational = out->exact && rational;
    if (pk == DX_PRECISE_BEYOND) {
        char *b = dx_alloc(ctx, strlen(pr.text) + 1);
        if (!b) {
            dx_free(exact);
            return DX_ENOMEM;
        }
        out->beyond = strcpy(b, pr.text);
        out->form = DX_VALUE_BEYOND;
    } else if (!out->rational && isnan(v)) {
        dx_free(exact);
        return dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_VALUE_TOO_LARGE), DX_ELIMIT;
    } else if (out->rational && isnan(v)) {
        out->form = DX_VALUE_EXACT_ONLY;
    } else if (out->exact && strcmp(exact, dec) != 0) {
        /* "=" when the decimal is the exact value (-9/4 = -2.25), "≈" when it is rounded */
        out->form = out->rational && dx_decimal_is(dec, &x->u.num) ? DX_VALUE_EQUAL : DX_VALUE_APPROX;
    } else {
        /* long digits already get their "≈ short" (dx_show_approx); short ones that the value
         * only rounds to get "≈" before them */
        out->form = pk == DX_PRECISE_VALUE && pr.rounded && !out->exact && !dx_show_long(v) ? DX_VALUE_NEAR : DX_VALUE_DECIMAL;
    }
    dx_free(exact);
    return DX_OK;
}
