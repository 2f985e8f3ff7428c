/* Backpropagation: the computational graph of an expression at a point, its forward values,
 * the local partial derivative on each edge and the reverse-mode accumulation of the gradient.
 * The graph is the expression's DAG (hash-consed: a shared subexpression is one node). */
#include "expr.h"
#include "alloc.h"
#include "diff.h"
#include "fn.h"
#include "simplify.h"
#include "dfdx/backprop.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    dx_ctx *ctx;
    dx_backprop_result *r;
    size_t cap_nodes;
    int32_t *index;      /* expression id -> node index + 1 (0: not a node yet) */
    const char *prefix;  /* of the interior nodes' labels */
    size_t ninner;
    /* the nodes' expressions, in topological order, before they become nodes */
    dx_expr **order;
} builder;

/* Does a variable's name read as prefix followed by digits (n1 when the labels are n1, n2)? */
static bool label_taken(const char *prefix, const char *const *vars, size_t n)
{
    size_t k = strlen(prefix);
    for (size_t i = 0; i < n; i++) {
        const char *v = vars[i];
        if (strncmp(v, prefix, k) != 0 || !v[k])
            continue;
        bool digits = true;
        for (const char *p = v + k; *p; p++)
            digits &= *p >= '0' && *p <= '9';
        if (digits)
            return true;
    }
    return false;
}

/* Post-order over the expressions that depend on a variable: inputs first, each once. */
static bool visit(builder *b, dx_expr *e, size_t *n)
{
    if (!e->vmask || b->index[e->id])
        return true;
    if (dx_stack_low(b->ctx))
        return false;
    if (*n >= DX_BACKPROP_MAX_NODES) {
        dx_fail(b->ctx, DX_ELIMIT, -1, -1, DX_M_BP_TOO_LARGE, DX_I(DX_BACKPROP_MAX_NODES));
        return false;
    }
    b->index[e->id] = -1; /* on the way: a DAG has no cycle, so this only marks */
    for (uint32_t i = 0; i < e->n; i++)
        if (!visit(b, e->a[i], n))
            return false;
    b->order[*n] = e;
    b->index[e->id] = (int32_t)++*n;
    return true;
}

static const char *op_name(const dx_expr *e)
{
    switch (e->kind) {
    case DX_SYM: return "input";
    case DX_ADD: return "+";
    case DX_MUL: return "*";
    case DX_POW: return "^";
    default: return dx_fns[e->fn].name;
    }
}

/* The node's stand-in inside its users' formulas: a variable itself, else its label. */
static dx_expr *stand_in(builder *b, const dx_expr *e)
{
    dx_bp_node *nd = &b->r->nodes[b->index[e->id] - 1];
    return e->kind == DX_SYM ? (dx_expr *)e : dx_sym(b->ctx, nd->label, strlen(nd->label));
}

/* e rebuilt with the children that are nodes replaced by their stand-ins. */
static dx_expr *formula_of(builder *b, dx_expr *e)
{
    dx_expr *inl[16];
    dx_expr **a = e->n <= 16 ? inl : dx_malloc(e->n * sizeof *a);
    if (!a)
        return dx_oom(b->ctx);
    bool ok = true;
    for (uint32_t i = 0; ok && i < e->n; i++)
        ok = (a[i] = e->a[i]->vmask ? stand_in(b, e->a[i]) : e->a[i]) != NULL;
    dx_expr *r = NULL;
    if (ok) {
        switch (e->kind) {
        case DX_ADD: r = dx_add_n(b->ctx, a, e->n); break;
        case DX_MUL: r = dx_mul_n(b->ctx, a, e->n); break;
        case DX_POW: r = dx_pow(b->ctx, a[0], a[1]); break;
        default: r = dx_call(b->ctx, e->fn, a[0]); break;
        }
    }
    if (a != inl)
        dx_free(a);
    return r;
}

/* formula at its inputs' values: names[k] = vals[k]. */
static dx_status value_at(dx_ctx *ctx, const dx_expr *formula, const char **names, const double *vals, size_t k,
                          double *out)
{
    dx_prog *p = dx_compile_in(ctx, formula, names, k);
    if (!p)
        return dx_ctx_error(ctx)->status;
    dx_status st = dx_prog_eval_in(p, ctx, vals, out);
    dx_prog_free(p);
    return st;
}

/* The node at position i of the order: its formula, its edges (one per distinct input that
 * depends on a variable), its value and its local derivatives. */
static dx_status make_node(builder *b, size_t i, size_t *nedges, size_t *cap_edges)
{
    dx_ctx *ctx = b->ctx;
    dx_backprop_result *r = b->r;
    dx_expr *e = b->order[i];
    dx_bp_node *nd = &r->nodes[i];
    nd->expr = e;
    nd->op = op_name(e);
    nd->first_input = *nedges;
    if (e->kind == DX_SYM) {
        nd->label = e->u.name;
        nd->formula = e;
        for (size_t k = 0; k < r->nvars; k++)
            if (strcmp(r->vars[k], e->u.name) == 0)
                nd->value = r->at[k];
        return DX_OK;
    }
    char buf[32];
    snprintf(buf, sizeof buf, "%s%zu", b->prefix, ++b->ninner);
    nd->label = dx_strndup(ctx, buf, strlen(buf));
    nd->formula = nd->label ? formula_of(b, e) : NULL;
    if (!nd->formula)
        return dx_ctx_error(ctx)->status;
    /* the distinct inputs, in the order the expression holds them */
    const char *inl_names[16];
    double inl_vals[16];
    const char **names = e->n <= 16 ? inl_names : dx_malloc(e->n * sizeof *names);
    double *vals = e->n <= 16 ? inl_vals : dx_malloc(e->n * sizeof *vals);
    size_t k = 0;
    dx_status st = names && vals ? DX_OK : DX_ENOMEM;
    for (uint32_t c = 0; st == DX_OK && c < e->n; c++) {
        if (!e->a[c]->vmask)
            continue;
        size_t from = (size_t)b->index[e->a[c]->id] - 1;
        bool seen = false;
        for (size_t j = nd->first_input; j < *nedges; j++)
            seen |= r->edges[j].from == from;
        if (seen)
            continue; /* x^x: one edge, whose local derivative counts both uses */
        if (*nedges == *cap_edges) {
            size_t cap = *cap_edges * 2;
            dx_bp_edge *grown = dx_alloc(ctx, cap * sizeof *grown);
            if (!grown) {
                st = DX_ENOMEM;
                break;
            }
            memcpy(grown, r->edges, *nedges * sizeof *grown);
            r->edges = grown;
            *cap_edges = cap;
        }
        r->edges[(*nedges)++] = (dx_bp_edge){.from = from, .to = i};
        names[k] = r->nodes[from].label;
        vals[k++] = r->nodes[from].value;
    }
    nd->ninputs = *nedges - nd->first_input;
    if (st == DX_OK)
        st = value_at(ctx, nd->formula, names, vals, k, &nd->value);
    for (size_t j = 0; st == DX_OK && j < nd->ninputs; j++) {
        dx_bp_edge *ed = &r->edges[nd->first_input + j];
        dx_bp_node *in = &r->nodes[ed->from];
        dx_expr *sym = dx_sym(ctx, in->label, strlen(in->label));
        dx_expr *d = sym ? dx_diff_by(ctx, nd->formula, sym, NULL, NULL) : NULL;
        ed->local = d ? dx_simplify_in(ctx, d) : NULL;
        if (!ed->local) {
            st = dx_ctx_error(ctx)->status;
            break;
        }
        if ((st = value_at(ctx, ed->local, names, vals, k, &ed->local_value)) == DX_ENOMEM)
            break; /* no answer, not an undefined derivative */
        if (st != DX_OK) {
            /* relu at 0: the chain rule has no local derivative to carry back */
            dx_ctx_clear_error(ctx);
            dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_BP_LOCAL_UNDEFINED, DX_S(nd->label), DX_S(in->label),
                    DX_E(ed->local), DX_E(nd->expr));
            st = DX_EDOMAIN;
        }
    }
    if (names != inl_names)
        dx_free(names);
    if (vals != inl_vals)
        dx_free(vals);
    return st;
}

static dx_status run(dx_ctx *ctx, dx_expr *f, const char *const *names, const double *values, size_t n,
                     dx_backprop_result *r)
{
    const char **vars;
    size_t nv = dx_vars_in(ctx, f, &vars);
    if (dx_failed(ctx))
        return dx_ctx_error(ctx)->status;
    double *at = dx_alloc(ctx, (nv ? nv : 1) * sizeof *at), *grad = dx_alloc(ctx, (nv ? nv : 1) * sizeof *grad);
    if (!at || !grad)
        return DX_ENOMEM;
    for (size_t k = 0; k < nv; k++) {
        size_t j = 0;
        while (j < n && strcmp(names[j], vars[k]) != 0)
            j++;
        if (j == n) {
            dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_NO_VALUE, DX_S(vars[k]));
            return DX_EUSAGE;
        }
        at[k] = values[j];
        grad[k] = 0;
    }
    r->vars = vars;
    r->at = at;
    r->gradient = grad;
    r->nvars = nv;
    builder b = {.ctx = ctx, .r = r, .prefix = "n"};
    static const char *const prefixes[] = {"n", "u", "t", "node"};
    for (size_t p = 0; p < sizeof prefixes / sizeof *prefixes; p++)
        if (!label_taken(prefixes[p], vars, nv)) {
            b.prefix = prefixes[p];
            break;
        }
    size_t ids = dx_node_count(ctx) + 1;
    b.index = dx_calloc(ids, sizeof *b.index);
    b.order = dx_malloc(ids * sizeof *b.order);
    dx_status st = b.index && b.order ? DX_OK : DX_ENOMEM;
    size_t nn = 0;
    if (st == DX_OK && f->vmask && !visit(&b, f, &nn))
        st = dx_ctx_error(ctx)->status;
    size_t cap_edges = 16, ne = 0;
    if (st == DX_OK) {
        r->nodes = dx_alloc(ctx, (nn ? nn : 1) * sizeof *r->nodes);
        r->edges = dx_alloc(ctx, cap_edges * sizeof *r->edges);
        if (!r->nodes || !r->edges)
            st = DX_ENOMEM;
        else
            memset(r->nodes, 0, (nn ? nn : 1) * sizeof *r->nodes);
    }
    r->nnodes = nn;
    for (size_t i = 0; st == DX_OK && i < nn; i++)
        st = make_node(&b, i, &ne, &cap_edges);
    r->nedges = ne;
    dx_free(b.index);
    dx_free(b.order);
    if (st != DX_OK)
        return st;
    /* reverse mode: each node, from f down, passes grad * local derivative to its inputs;
     * a node's gradient is complete before it is passed on (its users come after it) */
    if (nn)
        r->nodes[nn - 1].grad = 1;
    for (size_t i = nn; i-- > 0;) {
        dx_bp_node *nd = &r->nodes[i];
        for (size_t j = 0; j < nd->ninputs; j++) {
            dx_bp_edge *ed = &r->edges[nd->first_input + j];
            ed->contribution = nd->grad * ed->local_value;
            r->nodes[ed->from].grad += ed->contribution;
        }
    }
    for (size_t i = 0; i < nn; i++)
        for (size_t k = 0; r->nodes[i].expr->kind == DX_SYM && k < nv; k++)
            if (strcmp(vars[k], r->nodes[i].label) == 0)
                grad[k] = r->nodes[i].grad;
    return DX_OK;
}

dx_status dx_backprop(dx_ctx *ctx, dx_expr *f, const char *const *names, const double *values, size_t n,
                      dx_backprop_result *out)
{
    memset(out, 0, sizeof *out);
    if (!f)
        return dx_ctx_error(ctx)->status;
    dx_ctx_clear_error(ctx);
    dx_backprop_result r = {.f = f};
    dx_status st = run(ctx, f, names, values, n, &r);
    if (st == DX_ENOMEM && !dx_failed(ctx))
        dx_oom(ctx);
    if (st == DX_OK)
        *out = r;
    return st;
}
