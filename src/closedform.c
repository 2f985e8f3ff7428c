/* Closed forms for a numeric zero: the small exact number a root found in doubles really is. */
#include "closedform.h"
#include "eval.h"
#include "simplify.h"

#include <math.h>

enum { MAX_Q = 12, MAX_Q_EXP = 4 };

typedef enum { C_RATIONAL, C_PI, C_SQRT, C_EXP, C_KINDS } cand_kind;

/* The candidate of kind k with denominator q nearest v, or NULL (none of that kind, or its
 * numerator out of range); *cv its value. The value is computed here, not by compiling the
 * candidate: a compiled program costs as much as the context is large, and a search of many
 * roots in a large context (extrema of sin(x)*sin(2x)*...*sin(31x)) spent its time there. */
static dx_expr *candidate(dx_ctx *ctx, cand_kind k, int64_t q, double v, double *cv)
{
    double t;
    switch (k) {
    case C_RATIONAL: t = v * (double)q; break;
    case C_PI: t = v * (double)q / 3.14159265358979323846; break;
    case C_SQRT: t = v * v * (double)q; break;
    case C_EXP: t = v > 0 ? log(v) * (double)q : NAN; break;
    default: return NULL;
    }
    if (!(fabs(t) < 1e12))
        return NULL;
    int64_t p = (int64_t)llround(t);
    if (p == 0 && k != C_RATIONAL)
        return NULL; /* 0 is the rational's */
    dx_expr *r = dx_frac(ctx, p, q);
    double pq = (double)p / (double)q;
    switch (k) {
    case C_RATIONAL: *cv = pq; return r;
    case C_PI: *cv = pq * 3.14159265358979323846; return dx_mul(ctx, r, dx_const(ctx, DX_PI));
    case C_SQRT: {
        dx_expr *s = dx_pow(ctx, r, dx_frac(ctx, 1, 2));
        if (s && s->kind == DX_NUM)
            return NULL; /* a perfect square: the rational's */
        *cv = v < 0 ? -sqrt(pq) : sqrt(pq);
        return v < 0 ? dx_neg(ctx, s) : s;
    }
    case C_EXP: *cv = exp(pq); return dx_pow(ctx, dx_const(ctx, DX_E), r);
    default: return NULL;
    }
}

/* Is g(c) exactly 0? Substitution may find a domain error on the way: that is a no. */
static bool zero_at(dx_ctx *ctx, dx_expr *g, dx_expr *var, dx_expr *c)
{
    dx_expr *zero = dx_int(ctx, 0), *y = dx_subst(ctx, g, var, c);
    if (y && y != zero && y->vmask == 0)
        y = dx_simplify(ctx, y);
    dx_recover(ctx);
    return y == zero;
}

dx_expr *dx_closed_zero(dx_ctx *ctx, dx_expr *g, dx_expr *var, double v, double *value)
{
    if (!g || !isfinite(v))
        return NULL;
    for (int k = 0; k < C_KINDS; k++)
        for (int64_t q = 1; q <= (k == C_EXP ? MAX_Q_EXP : MAX_Q); q++) {
            double cv;
            dx_expr *c = candidate(ctx, (cand_kind)k, q, v, &cv);
            if (!c) {
                dx_recover(ctx);
                continue;
            }
            /* near enough for a touching zero (1 - cos(x) at 2*pi: found to about 1e-8); the
             * exact substitution is the proof */
            if (fabs(cv - v) <= 1e-7 * fmax(1, fabs(v)) && zero_at(ctx, g, var, c)) {
                *value = cv;
                return c;
            }
        }
    return NULL;
}
