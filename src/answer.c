/* Checking a student's derivative: the verdict, a counterexample, and the likely slip. */
#include "answer.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

/* Subexpressions tried one at a time as the place of a slip; beyond, only slips made everywhere. */
#define MAX_SLIP_SITES 200

/* The order-th derivative with one rule broken (at one node, or everywhere when at is NULL). */
static dx_expr *slipped_diff(dx_ctx *ctx, dx_expr *f, dx_expr *var, unsigned order, dx_slip slip,
                             const dx_expr *at)
{
    dx_diff_opts o = {.slip = slip, .slip_at = at};
    for (unsigned i = 0; f && i < order; i++)
        f = dx_diff_with(ctx, f, var, &o);
    return f;
}

/* The distinct subexpressions of e that depend on var, children first; at most max. */
static void sites(const dx_expr *e, const dx_expr *var, const dx_expr **out, size_t *n, size_t max, bool *seen)
{
    if (*n >= max || !(e->vmask & var->vmask) || seen[e->id])
        return;
    seen[e->id] = true;
    for (uint32_t i = 0; i < e->n; i++)
        sites(e->a[i], var, out, n, max, seen);
    if (*n < max && e->kind != DX_SYM && e->kind != DX_NUM && e->kind != DX_CONST)
        out[(*n)++] = e;
}

/* Does the answer equal cand (as a function, where both are defined)? */
static bool matches(dx_ctx *ctx, dx_expr *answer, dx_expr *cand, dx_expr *f, dx_expr *var)
{
    dx_equiv q;
    if (!cand) {
        dx_recover(ctx);
        return false;
    }
    if (dx_equiv_check(ctx, answer, cand, f, var, true, &q) != DX_OK) {
        dx_recover(ctx);
        return false;
    }
    return q.kind == DX_EQ_ALGEBRA || q.kind == DX_EQ_POINTS || q.kind == DX_EQ_UNDEFINED;
}

/* One rule broken at one node of f (first order), other than where it is broken everywhere. */
static void find_slip_at(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_expr *derivative, dx_expr *answer,
                         dx_expr *const *everywhere, dx_check_result *out)
{
    const dx_expr **at = dx_malloc(MAX_SLIP_SITES * sizeof *at);
    bool *seen = dx_calloc(f->id + 1, sizeof *seen);
    size_t n = 0;
    if (at && seen)
        sites(f, var, at, &n, MAX_SLIP_SITES, seen);
    for (int k = DX_SLIP_NONE + 1; k < DX_SLIP_SIGN && !out->slip; k++) {
        for (size_t i = 0; i < n; i++) {
            dx_expr *c = slipped_diff(ctx, f, var, 1, (dx_slip)k, at[i]);
            if (c && c != derivative && c != everywhere[k] && matches(ctx, answer, c, f, var)) {
                out->slip = (dx_slip)k;
                out->slip_at = at[i];
                out->slipped = c;
                break;
            }
        }
    }
    dx_free(at);
    dx_free(seen);
}

/* The likely slip: a rule broken everywhere, then at one node, then the sign of the whole. */
static void find_slip(dx_ctx *ctx, dx_expr *f, dx_expr *var, unsigned order, dx_expr *derivative,
                      dx_expr *answer, dx_check_result *out)
{
    dx_expr *everywhere[DX_NSLIPS] = {0};
    for (int k = DX_SLIP_NONE + 1; k < DX_SLIP_SIGN; k++) {
        dx_expr *c = everywhere[k] = slipped_diff(ctx, f, var, order, (dx_slip)k, NULL);
        if (c && c != derivative && matches(ctx, answer, c, f, var)) {
            out->slip = (dx_slip)k;
            out->slipped = c;
            return;
        }
    }
    if (order == 1) /* one node of f is not one place in a higher derivative */
        find_slip_at(ctx, f, var, derivative, answer, everywhere, out);
    /* last, as the least specific: no broken rule, a minus lost anywhere (a reversed quotient
     * rule also negates the whole derivative, and says more) */
    if (!out->slip && matches(ctx, answer, dx_neg(ctx, derivative), f, var)) {
        out->slip = DX_SLIP_SIGN;
        out->slipped = dx_neg(ctx, derivative);
    }
}

dx_status dx_check(dx_ctx *ctx, dx_expr *f, dx_expr *var, unsigned order, dx_expr *derivative, dx_expr *answer,
                   dx_check_result *out)
{
    memset(out, 0, sizeof *out);
    dx_status st = dx_equiv_check(ctx, answer, derivative, f, var, false, &out->eq);
    if (st == DX_OK && out->eq.kind == DX_EQ_DIFFERENT)
        find_slip(ctx, f, var, order, derivative, answer, out);
    return st;
}
