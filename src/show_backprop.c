/* dfdx backprop's output: the forward pass, the backward pass node by node, and the gradient;
 * text, LaTeX or JSON. */
#include "expr.h"
#include "alloc.h"
#include "show.h"
#include "dfdx/backprop.h"

#include <string.h>

/* A node's label as the format writes a name (n1, or n_{1} in LaTeX). */
static void put_label(dx_ctx *ctx, dx_buf *out, const char *label, dx_format fmt)
{
    dx_expr *s = fmt == DX_LATEX ? dx_sym(ctx, label, strlen(label)) : NULL;
    if (s)
        dx_buf_expr(out, ctx, s, fmt);
    else
        dx_buf_puts(out, label);
}

/* d top / d bottom: "dn3/dn2", or a LaTeX fraction of partials. */
static void put_partial(dx_ctx *ctx, dx_buf *out, const char *top, const char *bottom, dx_format fmt)
{
    dx_buf_puts(out, fmt == DX_LATEX ? "\\frac{\\partial " : "d");
    put_label(ctx, out, top, fmt);
    dx_buf_puts(out, fmt == DX_LATEX ? "}{\\partial " : "/d");
    put_label(ctx, out, bottom, fmt);
    if (fmt == DX_LATEX)
        dx_buf_putc(out, '}');
}

static void put_grad(dx_ctx *ctx, dx_buf *out, const char *label, dx_format fmt)
{
    if (fmt == DX_LATEX) {
        put_partial(ctx, out, "f", label, fmt);
        return;
    }
    dx_buf_puts(out, "grad(");
    dx_buf_puts(out, label);
    dx_buf_putc(out, ')');
}

/* uses[first[v] .. first[v + 1]): the edges that leave node v (v is their input), in the order
 * of the nodes that use v. malloc'd into *uses and *first; false without memory. */
static bool index_uses(const dx_backprop_result *r, size_t **uses, size_t **first)
{
    *first = dx_calloc(r->nnodes + 1, sizeof **first);
    *uses = dx_malloc((r->nedges ? r->nedges : 1) * sizeof **uses);
    if (!*first || !*uses)
        return false;
    for (size_t e = 0; e < r->nedges; e++)
        (*first)[r->edges[e].from + 1]++;
    for (size_t v = 0; v < r->nnodes; v++)
        (*first)[v + 1] += (*first)[v];
    size_t *fill = dx_malloc((r->nnodes ? r->nnodes : 1) * sizeof *fill);
    if (!fill)
        return false;
    memcpy(fill, *first, r->nnodes * sizeof *fill);
    for (size_t e = 0; e < r->nedges; e++)
        (*uses)[fill[r->edges[e].from]++] = e;
    dx_free(fill);
    return true;
}

/* A factor of the products in the backward pass, to 6 digits; a negative one after a sign
 * in brackets: -3.6*(-1) + (-2)*0.5. */
static void put_short(dx_buf *out, double v, bool after_sign) { dx_buf_printf(out, after_sign && v < 0 ? "(%.6g)" : "%.6g", v); }

static void show_text(dx_ctx *ctx, const dx_backprop_result *r, dx_format fmt, dx_buf *out)
{
    bool latex = fmt == DX_LATEX;
    const char *eq = " = ";
    dx_buf at = {0};
    for (size_t k = 0; k < r->nvars; k++) {
        dx_buf_puts(&at, k ? ", " : "");
        put_label(ctx, &at, r->vars[k], fmt);
        dx_buf_puts(&at, eq);
        dx_buf_num(&at, r->at[k]);
    }
    char *f = dx_print(ctx, r->f, fmt);
    out->oom |= !f || at.oom;
    if (r->nvars)
        dx_show_say(ctx, out, DX_MSG(DX_M_BP_AT, DX_S(f ? f : ""), DX_S(at.s ? at.s : "")));
    else
        dx_buf_printf(out, "f = %s", f ? f : "");
    dx_free(f);
    dx_buf_free(&at);
    dx_buf_puts(out, "\n\n");
    if (!r->nnodes) {
        dx_show_say(ctx, out, DX_MSG(DX_M_BP_CONSTANT));
        dx_buf_putc(out, '\n');
        return;
    }
    dx_show_say(ctx, out, DX_MSG(DX_M_BP_FORWARD));
    dx_buf_putc(out, '\n');
    for (size_t i = 0; i < r->nnodes; i++) {
        const dx_bp_node *nd = &r->nodes[i];
        dx_buf_puts(out, "  ");
        put_label(ctx, out, nd->label, fmt);
        if (nd->expr->kind != DX_SYM) {
            dx_buf_puts(out, eq);
            dx_buf_expr(out, ctx, nd->formula, fmt);
        }
        dx_buf_puts(out, eq);
        dx_buf_num(out, nd->value);
        dx_buf_putc(out, '\n');
    }
    size_t *uses = NULL, *first = NULL;
    if (!index_uses(r, &uses, &first)) {
        out->oom = true;
        dx_free(uses);
        dx_free(first);
        return;
    }
    dx_buf_putc(out, '\n');
    dx_show_say(ctx, out, DX_MSG(DX_M_BP_BACKWARD));
    dx_buf_putc(out, '\n');
    const char *times = latex ? " \\cdot " : "*", *plus = " + ";
    for (size_t v = r->nnodes; v-- > 0;) {
        const dx_bp_node *nd = &r->nodes[v];
        dx_buf_puts(out, "  ");
        put_grad(ctx, out, nd->label, fmt);
        dx_buf_puts(out, eq);
        if (v == r->nnodes - 1) {
            dx_buf_puts(out, "1   ");
            dx_show_say(ctx, out, DX_MSG(DX_M_BP_OUTPUT));
            dx_buf_putc(out, '\n');
            continue;
        }
        size_t a = first[v], b = first[v + 1];
        for (size_t u = a; u < b; u++) { /* grad(user)*duser/dv + ... */
            const dx_bp_edge *ed = &r->edges[uses[u]];
            const char *user = r->nodes[ed->to].label;
            dx_buf_puts(out, u > a ? plus : "");
            put_grad(ctx, out, user, fmt);
            dx_buf_puts(out, times);
            put_partial(ctx, out, user, nd->label, fmt);
        }
        dx_buf_puts(out, eq);
        for (size_t u = a; u < b; u++) { /* the same in numbers */
            const dx_bp_edge *ed = &r->edges[uses[u]];
            dx_buf_puts(out, u > a ? plus : "");
            put_short(out, r->nodes[ed->to].grad, u > a);
            dx_buf_puts(out, times);
            put_short(out, ed->local_value, true);
        }
        dx_buf_puts(out, eq);
        dx_buf_num(out, nd->grad);
        dx_buf p = {0};
        for (size_t u = a; u < b; u++) { /* and the local derivatives */
            const dx_bp_edge *ed = &r->edges[uses[u]];
            dx_buf_puts(&p, u > a ? ", " : "");
            put_partial(ctx, &p, r->nodes[ed->to].label, nd->label, fmt);
            dx_buf_puts(&p, eq);
            dx_buf_expr(&p, ctx, ed->local, fmt);
        }
        dx_buf_puts(out, "   ");
        dx_show_say(ctx, out, DX_MSG(DX_M_BP_LOCAL, DX_S(p.s ? p.s : "")));
        out->oom |= p.oom;
        dx_buf_free(&p);
        dx_buf_putc(out, '\n');
    }
    dx_free(uses);
    dx_free(first);
    dx_buf_putc(out, '\n');
    dx_show_say(ctx, out, DX_MSG(DX_M_BP_GRADIENT));
    dx_buf_putc(out, '\n');
    for (size_t k = 0; k < r->nvars; k++) {
        dx_buf_puts(out, "  ");
        put_partial(ctx, out, "f", r->vars[k], fmt);
        dx_buf_puts(out, eq);
        dx_buf_num(out, r->gradient[k]);
        dx_buf_putc(out, '\n');
    }
}

static void json_expr(dx_ctx *ctx, dx_buf *out, const char *key, const dx_expr *e)
{
    dx_json_key(out, key, false);
    dx_json_expr(out, ctx, e);
}

static void show_json(dx_ctx *ctx, const dx_backprop_result *r, dx_buf *out)
{
    dx_buf_putc(out, '{');
    dx_json_key(out, "input", true);
    dx_json_expr(out, ctx, r->f);
    dx_json_key(out, "at", false);
    dx_buf_putc(out, '{');
    for (size_t k = 0; k < r->nvars; k++) {
        dx_json_key(out, r->vars[k], k == 0);
        dx_json_num(out, r->at[k]);
    }
    dx_buf_putc(out, '}');
    dx_json_key(out, "nodes", false);
    dx_buf_putc(out, '[');
    for (size_t i = 0; i < r->nnodes; i++) {
        const dx_bp_node *nd = &r->nodes[i];
        dx_buf_puts(out, i ? ", {" : "{");
        dx_json_key(out, "id", true);
        dx_json_str(out, nd->label);
        dx_json_key(out, "op", false);
        dx_json_str(out, nd->op);
        json_expr(ctx, out, "expr", nd->expr);
        json_expr(ctx, out, "formula", nd->formula);
        dx_json_key(out, "value", false);
        dx_json_num(out, nd->value);
        dx_json_key(out, "grad", false);
        dx_json_num(out, nd->grad);
        dx_json_key(out, "inputs", false);
        dx_buf_putc(out, '[');
        for (size_t j = 0; j < nd->ninputs; j++) {
            dx_buf_puts(out, j ? ", " : "");
            dx_json_str(out, r->nodes[r->edges[nd->first_input + j].from].label);
        }
        dx_buf_puts(out, "]}");
    }
    dx_buf_putc(out, ']');
    dx_json_key(out, "edges", false);
    dx_buf_putc(out, '[');
    for (size_t e = 0; e < r->nedges; e++) {
        const dx_bp_edge *ed = &r->edges[e];
        dx_buf_puts(out, e ? ", {" : "{");
        dx_json_key(out, "from", true);
        dx_json_str(out, r->nodes[ed->from].label);
        dx_json_key(out, "to", false);
        dx_json_str(out, r->nodes[ed->to].label);
        json_expr(ctx, out, "local", ed->local);
        dx_json_key(out, "local_value", false);
        dx_json_num(out, ed->local_value);
        dx_json_key(out, "contribution", false);
        dx_json_num(out, ed->contribution);
        dx_buf_putc(out, '}');
    }
    dx_buf_putc(out, ']');
    dx_json_key(out, "gradient", false);
    dx_buf_putc(out, '{');
    for (size_t k = 0; k < r->nvars; k++) {
        dx_json_key(out, r->vars[k], k == 0);
        dx_json_num(out, r->gradient[k]);
    }
    dx_buf_puts(out, "}}\n");
}

void dx_show_backprop(dx_ctx *ctx, const dx_backprop_result *r, dx_show how, dx_buf *out)
{
    if (!r->f)
        return; /* the result of a failed call: nothing to show */
    if (how == DX_SHOW_JSON)
        show_json(ctx, r, out);
    else
        show_text(ctx, r, how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN, out);
}
