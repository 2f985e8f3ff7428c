/* Checking a student's derivative: the verdict, a counterexample, and the likely slip. */
#include "answer.h"
#include "alloc.h"
#include "eval.h"
#include "poly.h"

#include <math.h>
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

dx_status dx_check_against(dx_ctx *ctx, dx_expr *f, dx_expr *var, unsigned order, dx_expr *derivative,
                           dx_expr *answer, dx_check_result *out)
{
    memset(out, 0, sizeof *out);
    dx_status st = dx_equiv_check(ctx, answer, derivative, f, var, false, &out->eq);
    if (st == DX_OK && out->eq.kind == DX_EQ_DIFFERENT) {
        /* the verdict stands without a slip: the search may not spend the rest of the budget */
        uint64_t limit = dx_work_part(ctx);
        find_slip(ctx, f, var, order, derivative, answer, out);
        dx_work_part_end(ctx, limit);
    }
    return st;
}

/* The rational zero of a cancelled divisor h that is linear in v (x/x: 0, (x-1)/(x-1): 1),
 * or NULL. */
static dx_expr *cancelled_zero(dx_ctx *ctx, dx_expr *h, dx_expr *v)
{
    dx_poly p;
    dx_poly_init(&p);
    dx_expr *z = NULL;
    if (dx_has(h, v) && dx_poly_from_expr(ctx, h, v, &p) == 1 && dx_poly_deg(&p) == 1) {
        mpq_t r;
        mpq_init(r);
        mpq_div(r, p.c[0], p.c[1]);
        mpq_neg(r, r);
        dx_num n = dx_num_from_mpq(r);
        z = dx_number(ctx, &n);
        dx_num_clear(&n);
        mpq_clear(r);
    }
    dx_poly_clear(&p);
    dx_ctx_clear_error(ctx);
    return z;
}

/* x/x as an answer: equal to the derivative wherever it is defined, but undefined at the zero
 * of the cancelled divisor, which the canonical form no longer shows. */
static void undefined_at_hole(dx_ctx *ctx, dx_check_result *r, dx_expr *v, dx_expr *hole)
{
    dx_expr *dv = dx_subst(ctx, r->derivative, v, hole);
    double dd = NAN;
    if (dv && dv->vmask == 0 && dx_eval_const(ctx, dv, &dd) == DX_OK) {
        r->eq.kind = DX_EQ_UNDEFINED;
        r->eq.at = hole;
        r->eq.at_d = dx_num_to_double(&hole->u.num);
        r->eq.va = NULL;
        r->eq.da = NAN;
        r->eq.vb = dv->kind == DX_NUM ? dv : NULL;
        r->eq.db = dd;
    }
    dx_ctx_clear_error(ctx);
}

dx_status dx_check(dx_ctx *ctx, dx_expr *f, const char *var, unsigned order, const char *answer, size_t len,
                   dx_check_result *out)
{
    memset(out, 0, sizeof *out);
    if (!f)
        return dx_ctx_error(ctx)->status; /* an earlier call failed: its error stands */
    /* the divisions the answer cancels as it is read, each a point where it is undefined */
    dx_holes_clear(ctx);
    dx_parse_info read;
    dx_expr *ans = dx_check_read(ctx, f, var, answer, len, &read);
    if (!ans)
        return dx_ctx_error(ctx)->status;
    dx_expr *const *holes;
    size_t nholes = dx_holes(ctx, &holes);
    dx_expr *hole = NULL, *v = dx_sym(ctx, var, strlen(var));
    for (size_t i = 0; i < nholes && !hole && v; i++)
        hole = cancelled_zero(ctx, holes[i], v);
    dx_expr *d = v ? dx_derivative(ctx, f, var, order) : NULL;
    dx_status st = d ? dx_check_against(ctx, f, v, order, d, ans, out) : dx_ctx_error(ctx)->status;
    if (st != DX_OK)
        return st;
    *out = (dx_check_result){.f = f, .answer = ans, .var = v->u.name, .order = order, .derivative = d,
                             .eq = out->eq, .slip = out->slip, .slip_at = out->slip_at == f ? NULL : out->slip_at,
                             .slipped = out->slipped, .read = read};
    dx_check_foreign(ctx, out);
    if (hole && (out->eq.kind == DX_EQ_ALGEBRA || out->eq.kind == DX_EQ_POINTS))
        undefined_at_hole(ctx, out, v, hole);
    dx_ctx_clear_error(ctx); /* the slip search's failed candidates are no error of this call */
    return DX_OK;
}
