/* A derivation step by step, from diff's own rules through its recorder and open holes. */
#include "diff.h"
#include "alloc.h"
#include "eval.h"
#include "fn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An open derivative d/dx(u) is the symbol "@ID@" (u's node id): no input can spell it, the
 * constructors treat it as an ordinary factor, and printing replaces it. */
static dx_expr *open_of(dx_ctx *ctx, const dx_expr *u)
{
    char buf[24];
    int n = snprintf(buf, sizeof buf, "@%u@", (unsigned)u->id);
    return dx_sym(ctx, buf, (size_t)n);
}

/* What diff's recorder said, by node id: the rule applied to each node, and the node. */
typedef struct {
    dx_ctx *ctx;
    unsigned char *rule;
    const dx_expr **node;
    uint32_t nnodes;
} recorded;

/* In recorded.rule: the node's derivative is folded into its parent's step. */
#define FOLDED 0x80

static void record(void *user, dx_rule rule, const dx_expr *e, const dx_expr *de)
{
    recorded *s = user;
    if (e->id < s->nnodes) {
        /* a sum with a constant derivative (x - 1) is folded like a constant: no step */
        bool folded = rule == DX_R_SUM && de->kind == DX_NUM;
        s->rule[e->id] = (unsigned char)((rule + 1) | (folded ? FOLDED : 0));
        s->node[e->id] = e;
    }
}

/* The rule recorded for u, or -1. */
static int rule_of(const recorded *s, const dx_expr *u)
{
    return u->id < s->nnodes ? (s->rule[u->id] & ~FOLDED) - 1 : -1;
}

/* Constants, the variable itself and sums like x - 1 get no step of their own. */
static bool trivial(const recorded *s, const dx_expr *u)
{
    int r = rule_of(s, u);
    return r < 0 || r == DX_R_CONSTANT || r == DX_R_VARIABLE || (s->rule[u->id] & FOLDED);
}

static dx_expr *hole(void *user, dx_expr *u)
{
    recorded *s = user;
    return trivial(s, u) ? NULL : open_of(s->ctx, u);
}

/* The id of the leftmost open derivative in e as printed, or -1 when none is left. */
static long leftmost_open(dx_ctx *ctx, const dx_expr *e, bool *oom)
{
    char *t = dx_print(ctx, e, DX_PLAIN);
    if (!t) {
        *oom = true;
        return -1;
    }
    char *at = strchr(t, '@');
    long id = at ? strtol(at + 1, NULL, 10) : -1;
    dx_free(t);
    return id;
}

/* The labels of the rules that need no argument (function and chain name the function). */
static const dx_msg_id labels[DX_NRULES] = {
    [DX_R_CONSTANT] = DX_M_STEP_CONSTANT, [DX_R_VARIABLE] = DX_M_STEP_VARIABLE,
    [DX_R_SUM] = DX_M_STEP_SUM,           [DX_R_SCALAR] = DX_M_STEP_SCALAR,
    [DX_R_PRODUCT] = DX_M_STEP_PRODUCT,   [DX_R_QUOTIENT] = DX_M_STEP_QUOTIENT,
    [DX_R_POWER] = DX_M_STEP_POWER,       [DX_R_EXPONENTIAL] = DX_M_STEP_EXPONENTIAL,
    [DX_R_GENERAL_POWER] = DX_M_STEP_GENERAL_POWER, [DX_R_SIMPLIFY] = DX_M_STEP_SIMPLIFIED,
};

/* One step: the rule named for a student ("chain rule, outer sin, inner x^2") and its formula. */
static dx_step step_of(dx_rule rule, const dx_expr *u, dx_expr *after, const dx_expr *var)
{
    dx_step st = {rule, u, after, DX_MSG(labels[rule]), DX_MSG(dx_rule_formula(rule))};
    switch (rule) {
    case DX_R_FUNCTION:
    case DX_R_CHAIN: {
        const char *fn = dx_fns[u->fn].name;
        st.formula = DX_MSG(DX_M_FORMULA_OF_FN, DX_S(dx_fns[u->fn].formula));
        st.label = rule == DX_R_CHAIN ? DX_MSG(DX_M_STEP_CHAIN, DX_S(fn), DX_E(u->a[0])) : DX_MSG(DX_M_STEP_FN, DX_S(fn));
        break;
    }
    case DX_R_POWER:
    case DX_R_EXPONENTIAL: {
        const dx_expr *inner = u->a[rule == DX_R_POWER ? 0 : 1];
        if (rule == DX_R_EXPONENTIAL && u->a[0]->kind == DX_CONST && u->a[0]->fn == DX_E)
            st.formula = DX_MSG(DX_M_FORMULA_EXP_E);
        if (inner != var)
            st.label = DX_MSG(rule == DX_R_POWER ? DX_M_STEP_POWER_INNER : DX_M_STEP_EXPONENTIAL_INNER, DX_E(inner));
        break;
    }
    default:
        break;
    }
    return st;
}

/* Room for one more step; false without memory. */
static bool grow(dx_steps *out, size_t *cap)
{
    if (out->n < *cap)
        return true;
    dx_step *more = dx_realloc(out->step, 2 * *cap * sizeof *more);
    if (!more)
        return false;
    out->step = more;
    *cap *= 2;
    return true;
}

/* Nodes met by the count below, by id (the ids of nodes it makes grow past the count it
 * started with). */
typedef struct {
    unsigned char *seen;
    size_t cap;
    const dx_expr **todo; /* the walk's own stack: formulas nest deeper than the C stack allows */
    size_t ntodo, captodo;
} visit;

/* Push e unless met before; false without memory. */
static bool meet(visit *v, const dx_expr *e)
{
    if (e->id >= v->cap) {
        size_t cap = 2 * (size_t)e->id + 64;
        unsigned char *s = dx_realloc(v->seen, cap);
        if (!s)
            return false;
        memset(s + v->cap, 0, cap - v->cap);
        v->seen = s;
        v->cap = cap;
    }
    if (v->seen[e->id])
        return true;
    v->seen[e->id] = 1;
    if (v->ntodo == v->captodo) {
        size_t cap = v->captodo ? 2 * v->captodo : 256;
        const dx_expr **t = dx_realloc(v->todo, cap * sizeof *t);
        if (!t)
            return false;
        v->todo = t;
        v->captodo = cap;
    }
    v->todo[v->ntodo++] = e;
    return true;
}

/* Does the derivation take more than DX_STEPS_MAX steps? Each open derivative is expanded
 * once, in all its places at once, so the steps are at least the distinct open derivatives met
 * from f's: counted here by expanding each alone, without the whole expression (on the first
 * 400 lines of textbook and random the count was the steps' or up to 13 fewer, never more, so
 * a count past the limit is a derivation past it). The steps themselves find the leftmost open
 * derivative by printing the whole expression, which for a 50 KB formula took 5 s to reach
 * the limit; counted first, the limit is said at once. -1 without memory. */
static int too_many_steps(dx_ctx *ctx, recorded *rec, const dx_expr *f, dx_expr *var, const dx_diff_opts *o)
{
    visit v = {0};
    long steps = 0;
    bool ok = true;
    const dx_expr **opened = NULL; /* the open derivatives' nodes, expanded in turn */
    size_t nopen = 0, capopen = 0;
    opened = dx_malloc(sizeof *opened * (capopen = 64));
    if ((ok = opened != NULL))
        opened[nopen++] = f;
    for (size_t k = 0; ok && k < nopen && steps <= DX_STEPS_MAX; k++) {
        steps++;
        dx_expr *one = dx_diff_with(ctx, (dx_expr *)opened[k], var, o);
        if (!one) {
            ok = false;
            break;
        }
        ok = meet(&v, one);
        while (ok && v.ntodo) { /* the new formula's open derivatives: symbols "@ID@" */
            const dx_expr *e = v.todo[--v.ntodo];
            if (e->kind == DX_SYM && e->u.name[0] == '@') {
                long id = strtol(e->u.name + 1, NULL, 10);
                if (id >= 0 && id < (long)rec->nnodes && rec->node[id]) {
                    if (nopen == capopen) {
                        const dx_expr **t = dx_realloc(opened, 2 * capopen * sizeof *t);
                        if (!(ok = t != NULL))
                            break;
                        opened = t;
                        capopen *= 2;
                    }
                    opened[nopen++] = rec->node[id];
                }
            }
            for (uint32_t i = 0; ok && i < e->n; i++)
                ok = meet(&v, e->a[i]);
        }
    }
    dx_free(v.seen);
    dx_free(v.todo);
    dx_free(opened);
    return !ok ? -1 : steps > DX_STEPS_MAX;
}

/* The rule steps from f's open derivative to diff's result; the last expression, or NULL. */
static dx_expr *derive(dx_ctx *ctx, recorded *rec, dx_expr *f, dx_expr *var, dx_steps *out, size_t *cap)
{
    /* diff keeps a guard (x/x is 1 where x != 0) without a rule of its own: the steps are its
     * body's, and the conclusion (dx_steps_build) the guarded derivative diff shows */
    while (f->kind == DX_GUARD)
        f = f->a[0];
    dx_expr *whole = dx_diff_by(ctx, f, var, record, rec);
    if (!whole)
        return NULL;
    out->start = open_of(ctx, f);
    if (trivial(rec, f)) {
        out->step[out->n++] = step_of((dx_rule)rule_of(rec, f), f, whole, var);
        return whole;
    }
    dx_diff_opts o = {.hole = hole, .hole_user = rec};
    int many = too_many_steps(ctx, rec, f, var, &o);
    if (many)
        return many < 0 && !dx_failed(ctx) ? dx_oom(ctx)
               : many < 0                 ? NULL
                                          : dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_STEPS_TOO_MANY, DX_I(DX_STEPS_MAX));
    dx_expr *cur = out->start;
    bool oom = false;
    for (long id; cur && (id = leftmost_open(ctx, cur, &oom)) >= 0;) {
        if (id >= (long)rec->nnodes || !rec->node[id])
            return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_STEPS_UNKNOWN_NODE);
        if (out->n == DX_STEPS_MAX)
            return dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_STEPS_TOO_MANY, DX_I(DX_STEPS_MAX));
        if (!grow(out, cap))
            return dx_oom(ctx);
        /* one rule application: diff's rule for this node, its parts' derivatives left open */
        const dx_expr *u = rec->node[id];
        dx_expr *one = dx_diff_with(ctx, (dx_expr *)u, var, &o);
        cur = dx_subst(ctx, cur, open_of(ctx, u), one);
        out->step[out->n++] = step_of((dx_rule)rule_of(rec, u), u, cur, var);
    }
    return oom ? dx_oom(ctx) : cur;
}

dx_status dx_steps_build(dx_ctx *ctx, dx_expr *f, const char *var, dx_steps *out)
{
    memset(out, 0, sizeof *out);
    if (!f)
        return dx_ctx_error(ctx)->status; /* an earlier call failed: its error stands */
    dx_ctx_clear_error(ctx);
    dx_expr *x = dx_sym(ctx, var, strlen(var));
    if (!x)
        return dx_ctx_error(ctx)->status;
    out->f = f;
    out->var = x->u.name;
    size_t cap = 16;
    recorded rec = {ctx, dx_calloc(dx_node_count(ctx) + 1, 1), dx_calloc(dx_node_count(ctx) + 1, sizeof *rec.node),
                    (uint32_t)dx_node_count(ctx)};
    out->step = dx_malloc(cap * sizeof *out->step);
    dx_expr *cur = rec.rule && rec.node && out->step ? derive(ctx, &rec, f, x, out, &cap) : dx_oom(ctx);
    dx_free(rec.rule);
    dx_free(rec.node);
    if (cur && dx_failed(ctx)) /* a step that failed on the way */
        cur = NULL;
    /* the conclusion is exactly what dfdx diff shows: one more step when the rules stop short */
    dx_expr *shown = cur ? dx_derivative(ctx, f, var, 1) : NULL;
    if (shown && shown != cur && !grow(out, &cap))
        shown = dx_oom(ctx);
    if (!shown) {
        dx_status st = dx_ctx_error(ctx)->status;
        dx_steps_free(out);
        memset(out, 0, sizeof *out);
        return st;
    }
    const dx_expr *bare = shown;
    while (bare->kind == DX_GUARD)
        bare = bare->a[0];
    if (bare != cur)
        out->step[out->n++] = step_of(DX_R_SIMPLIFY, f, shown, x);
    else /* only the guard differs, and it prints as its body: the last step carries it */
        out->step[out->n - 1].after = shown;
    out->result = shown;
    dx_status st = dx_end(ctx, DX_OK); /* out of memory on the way, though a fallback answered */
    if (st != DX_OK)
        dx_steps_free(out);
    return st;
}

void dx_steps_free(dx_steps *s)
{
    dx_free(s->step);
    s->step = NULL;
    s->n = 0;
}
