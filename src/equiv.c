/* Equivalence of two expressions: by algebra where it can, else by exact and numeric samples. */
#include "equiv.h"
#include "alloc.h"
#include "eval.h"
#include "simplify.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* --- algebra: a - b over a common denominator, expanded ------------------------------------ */

#define MAX_DENOMS 8
#define MAX_DENOM_POWER 16 /* past it, clearing the denominator is not worth multiplying out */

/* Collect denominators u^(-k) (k a whole number) among the factors of term t. */
static void denominators(dx_expr *t, dx_expr *var, dx_expr **base, int64_t *power, size_t *n)
{
    dx_expr *const *f = t->kind == DX_MUL ? t->a : &t;
    size_t nf = t->kind == DX_MUL ? t->n : 1;
    for (size_t i = 0; i < nf; i++) {
        int64_t k;
        if (f[i]->kind != DX_POW || !dx_has(f[i]->a[0], var) || f[i]->a[1]->kind != DX_NUM ||
            !dx_num_get_int(&f[i]->a[1]->u.num, &k) || k >= 0 || k < -MAX_DENOM_POWER)
            continue;
        size_t j = 0;
        while (j < *n && base[j] != f[i]->a[0])
            j++;
        if (j == *n) {
            if (*n == MAX_DENOMS)
                continue;
            base[(*n)++] = f[i]->a[0];
            power[j] = 0;
        }
        if (-k > power[j])
            power[j] = -k;
    }
}

/* Is a - b zero by algebra? Sound where both are defined: a common denominator only rescales. */
static bool algebra_zero(dx_ctx *ctx, dx_expr *a, dx_expr *b, dx_expr *var)
{
    dx_expr *d = dx_sub(ctx, a, b);
    if (!d)
        return false;
    for (int round = 0; round < 3 && !dx_is_int(d, 0); round++) {
        dx_expr *base[MAX_DENOMS];
        int64_t power[MAX_DENOMS];
        size_t nb = 0;
        dx_expr *const *t = d->kind == DX_ADD ? d->a : &d;
        size_t nt = d->kind == DX_ADD ? d->n : 1;
        for (size_t i = 0; i < nt; i++)
            denominators(t[i], var, base, power, &nb);
        dx_expr *m = dx_int(ctx, 1);
        for (size_t j = 0; j < nb; j++)
            m = dx_mul(ctx, m, dx_pow(ctx, base[j], dx_int(ctx, power[j])));
        /* each term times m, so u^-1 * u^2 cancels before anything is multiplied out */
        dx_expr **s = dx_malloc((nt ? nt : 1) * sizeof *s);
        if (!s)
            return false;
        bool ok = true;
        for (size_t i = 0; ok && i < nt; i++)
            ok = (s[i] = dx_expand(ctx, dx_mul(ctx, t[i], m))) != NULL;
        dx_expr *next = ok ? dx_expand(ctx, dx_add_n(ctx, s, nt)) : NULL;
        dx_free(s);
        if (!next || next == d)
            break;
        d = next;
    }
    if (!d)
        dx_recover(ctx);
    return d && dx_is_int(d, 0);
}

/* --- samples -------------------------------------------------------------------------------- */

/* Exact sample points, the nicest first so a counterexample reads well ("at x = 2"). */
static const int64_t rational_points[][2] = {
    {2, 1}, {1, 1}, {3, 1}, {-1, 1}, {-2, 1}, {1, 2}, {4, 1}, {-3, 1}, {5, 1}, {-1, 2}, {3, 2}, {0, 1},
    {-5, 1}, {6, 1}, {7, 1}, {-4, 1}, {1, 3}, {-1, 3}, {2, 3}, {5, 2}, {-3, 2}, {1, 4}, {-1, 4}, {3, 4},
    {-3, 4}, {8, 1}, {-6, 1}, {9, 1}, {10, 1}, {-7, 1}, {-8, 1}, {-9, 1}, {-10, 1}, {1, 8}, {-1, 8},
    {3, 8}, {-3, 8}, {5, 8}, {-5, 8}, {7, 8}, {-7, 8}, {1, 10}, {-1, 10}, {3, 10}, {7, 10}, {-9, 10},
    {9, 10}, {4, 3}, {-4, 3}, {5, 3}, {-5, 3}, {7, 3}, {-7, 3}, {7, 2}, {-5, 2}, {-7, 2}, {9, 2},
    {-9, 2}, {5, 4}, {-5, 4}, {7, 4}, {-7, 4}, {1, 100}, {-1, 100}, {1, 1000}, {11, 5}, {-11, 5},
    {13, 7}, {-13, 7}, {25, 1}, {-25, 1}, {100, 1}, {-100, 1},
};
#define N_RATIONAL (sizeof rational_points / sizeof rational_points[0])
/* Irrational-looking points (doubles only), where rational points could be special. */
#define N_IRRATIONAL 24
#define N_POINTS (N_RATIONAL + N_IRRATIONAL)
/* Fewer shared points than this and the samples say nothing. */
#define MIN_POINTS 5
/* Values held by variables other than var: generic, so a coincidence is unlikely. */
static const int64_t other_values[][2] = {{7, 5}, {3, 7}, {11, 4}, {5, 9}, {13, 6}, {2, 11}, {17, 3}, {9, 13}};

static double point_value(size_t i)
{
    if (i < N_RATIONAL)
        return (double)rational_points[i][0] / (double)rational_points[i][1];
    return ((double)(i - N_RATIONAL) - 11.6816901138) * 0.41421356237;
}

/* Significantly different doubles: relative to their size, far above rounding. */
static bool differ_d(double a, double b)
{
    double m = fmax(fabs(a), fabs(b));
    return fabs(a - b) > 1e-7 * (1 + m);
}

/* a and b with every variable but var held at its generic value, listed in out. */
static bool hold_others(dx_ctx *ctx, dx_expr **a, dx_expr **b, dx_expr **w, dx_expr *var, dx_equiv *out)
{
    const char **names;
    size_t na = dx_vars(ctx, *a, &names), n = 0, k = 0;
    dx_expr **syms = dx_malloc((na + 1) * sizeof *syms);
    if (!syms) {
        dx_oom(ctx);
        return false;
    }
    for (size_t i = 0; i < na; i++)
        syms[n++] = dx_sym(ctx, names[i], strlen(names[i]));
    size_t nb = dx_vars(ctx, *b, &names);
    dx_expr **more = dx_realloc(syms, (na + nb + 1) * sizeof *syms);
    if (!more) {
        dx_free(syms);
        dx_oom(ctx);
        return false;
    }
    syms = more;
    for (size_t i = 0; i < nb; i++) {
        dx_expr *s = dx_sym(ctx, names[i], strlen(names[i]));
        size_t j = 0;
        while (j < n && syms[j] != s)
            j++;
        if (j == n)
            syms[n++] = s;
    }
    if (dx_failed(ctx)) { /* a name list or a symbol not made */
        dx_free(syms);
        return false;
    }
    const char **held_name = dx_alloc(ctx, (n + 1) * sizeof *held_name);
    dx_expr **held_value = dx_alloc(ctx, (n + 1) * sizeof *held_value);
    for (size_t i = 0; i < n && *a && *b && held_name && held_value; i++) {
        if (syms[i] == var)
            continue;
        const int64_t *v = other_values[k++ % (sizeof other_values / sizeof other_values[0])];
        dx_expr *val = dx_frac(ctx, v[0], v[1]);
        held_name[out->nheld] = syms[i]->u.name;
        held_value[out->nheld++] = val;
        *a = dx_subst(ctx, *a, syms[i], val);
        *b = dx_subst(ctx, *b, syms[i], val);
        if (*w)
            *w = dx_subst(ctx, *w, syms[i], val);
    }
    dx_free(syms);
    out->held_name = held_name;
    out->held_value = held_value;
    return *a && *b && held_name && held_value;
}

/* The value of e at a rational point, exactly, or NULL (error cleared) when substitution fails. */
static dx_expr *exact_at(dx_ctx *ctx, dx_expr *e, dx_expr *var, dx_expr *at)
{
    dx_expr *r = dx_subst(ctx, e, var, at);
    if (!r)
        dx_recover(ctx);
    return r && r->kind == DX_NUM ? r : NULL;
}

/* Does substitution fail outright (a division by zero found exactly)? */
static bool exact_fails(dx_ctx *ctx, dx_expr *e, dx_expr *var, dx_expr *at)
{
    dx_expr *r = dx_subst(ctx, e, var, at);
    if (!r)
        dx_recover(ctx);
    return r == NULL;
}

static void witness(dx_equiv *out, dx_expr *at, double at_d, dx_expr *va, dx_expr *vb, double da, double db)
{
    out->at = at;
    out->at_d = at_d;
    out->va = va;
    out->vb = vb;
    out->da = va ? dx_num_to_double(&va->u.num) : da;
    out->db = vb ? dx_num_to_double(&vb->u.num) : db;
}

static dx_status sample(dx_ctx *ctx, dx_expr *a, dx_expr *b, dx_expr *within, dx_expr *var, bool quick,
                        dx_equiv *out)
{
    const char *name = var->u.name;
    dx_prog *pa = dx_compile(ctx, a, &name, 1), *pb = pa ? dx_compile(ctx, b, &name, 1) : NULL;
    dx_prog *pw = pb && within ? dx_compile(ctx, within, &name, 1) : NULL;
    double xs[N_POINTS], va[N_POINTS], vb[N_POINTS], vw[N_POINTS], xn[N_POINTS], na[N_POINTS], nb[N_POINTS];
    if (!pa || !pb || (within && !pw)) {
        dx_prog_free(pa);
        dx_prog_free(pb);
        return dx_ctx_error(ctx)->status;
    }
    for (size_t i = 0; i < N_POINTS; i++)
        xs[i] = point_value(i);
    /* the same points moved by a few ulps: a value that changes by more than differ_d allows is
     * rounding noise, not a value (a derivative simplified to a degree-47 polynomial with
     * 17-digit coefficients loses every digit to cancellation at x = 5/2: found by the
     * differential test, where check called the correct answer incorrect) */
    for (size_t i = 0; i < N_POINTS; i++)
        xn[i] = xs[i] * (1 + 8 * DBL_EPSILON);
    const double *cols[1] = {xs}, *ncols[1] = {xn};
    dx_prog_eval_n(pa, N_POINTS, cols, va);
    dx_prog_eval_n(pb, N_POINTS, cols, vb);
    dx_prog_eval_n(pa, N_POINTS, ncols, na);
    dx_prog_eval_n(pb, N_POINTS, ncols, nb);
    if (pw)
        dx_prog_eval_n(pw, N_POINTS, cols, vw);
    dx_prog_free(pa);
    dx_prog_free(pb);
    dx_prog_free(pw);

    size_t ndiff = 0, nundef = 0;
    dx_equiv undef = {0};
    out->npoints = 0;
    for (size_t i = 0; i < N_POINTS; i++) {
        if (within && isnan(vw[i]))
            continue; /* outside the function's own domain its derivative says nothing */
        bool rational = i < N_RATIONAL && !quick;
        dx_expr *at = rational ? dx_frac(ctx, rational_points[i][0], rational_points[i][1]) : NULL;
        bool def_a = !isnan(va[i]) && !(at && exact_fails(ctx, a, var, at));
        bool def_b = !isnan(vb[i]) && !(at && exact_fails(ctx, b, var, at));
        if (!def_a && !def_b)
            continue;
        if (def_a != def_b) {
            /* only where a value is moderate: far out, NaN may be an overflow, not a domain edge */
            double v = def_a ? va[i] : vb[i];
            if (fabs(xs[i]) <= 10 && fabs(v) < 1e100 && nundef++ == 0)
                witness(&undef, at, xs[i], def_a && at ? exact_at(ctx, a, var, at) : NULL,
                        def_b && at ? exact_at(ctx, b, var, at) : NULL, va[i], vb[i]);
            continue;
        }
        dx_expr *ea = at ? exact_at(ctx, a, var, at) : NULL, *eb = at ? exact_at(ctx, b, var, at) : NULL;
        bool exact = ea && eb;
        if (!exact && (differ_d(va[i], na[i]) || differ_d(vb[i], nb[i])))
            continue; /* noise: the doubles cannot tell here */
        out->npoints++;
        bool differs = exact ? !dx_num_eq(&ea->u.num, &eb->u.num) : differ_d(va[i], vb[i]);
        if (differs && ndiff++ == 0) {
            witness(out, at, xs[i], ea, eb, va[i], vb[i]);
            if (quick)
                break;
        }
    }
    if (ndiff) {
        out->kind = DX_EQ_DIFFERENT;
    } else if (nundef) {
        undef.npoints = out->npoints;
        undef.nheld = out->nheld;
        undef.held_name = out->held_name;
        undef.held_value = out->held_value;
        *out = undef;
        out->kind = out->npoints >= MIN_POINTS ? DX_EQ_UNDEFINED : DX_EQ_DIFFERENT;
    } else {
        out->kind = out->npoints >= MIN_POINTS ? DX_EQ_POINTS : DX_EQ_UNKNOWN;
    }
    return DX_OK;
}

static dx_status equiv_check_run(dx_ctx *ctx, dx_expr *a, dx_expr *b, dx_expr *within, dx_expr *var, bool quick,
                         dx_equiv *out)
{
    memset(out, 0, sizeof *out);
    if (!a || !b || !var)
        return dx_ctx_error(ctx)->status;
    if (a == b) { /* one canonical form: the same function, domain and all */
        out->kind = DX_EQ_ALGEBRA;
        return DX_OK;
    }
    /* bodies: guards differ where one side is undefined, which the samples and the holes tell */
    bool zero = algebra_zero(ctx, dx_body(a), dx_body(b), var);
    if (!hold_others(ctx, &a, &b, &within, var, out))
        return dx_ctx_error(ctx)->status;
    dx_status st = sample(ctx, a, b, within, var, quick, out);
    if (st != DX_OK)
        return st;
    /* equal by algebra; the samples still tell whether one side is undefined somewhere */
    if (zero && out->kind != DX_EQ_UNDEFINED)
        out->kind = DX_EQ_ALGEBRA;
    return DX_OK;
}

dx_status dx_equiv_check(dx_ctx *ctx, dx_expr *a, dx_expr *b, dx_expr *within, dx_expr *var, bool quick,
                         dx_equiv *out)
{
    return dx_end(ctx, equiv_check_run(ctx, a, b, within, var, quick, out));
}
