/* The report of dfdx extrema for several variables: the method, then each critical point
 * with its kind and the Hessian test that decided it. */
#include "multivar.h"
#include "show.h"

static const char *kind_word(dx_cp2_kind k)
{
    static const char *const words[] = {"min", "max", "saddle", "degenerate"};
    return words[k];
}

static const dx_msg_id kind_msg[] = {DX_M_EX2_MIN, DX_M_EX2_MAX, DX_M_EX2_SADDLE, DX_M_EX2_DEGENERATE};

/* "x = 1, y = 2 - sqrt(3) ≈ 0.267949": exact coordinates where known, else their decimals,
 * with a short decimal as in one variable. */
static void put_coords(dx_ctx *ctx, dx_buf *b, const dx_extrema2_result *r, const dx_crit2 *c, dx_format fmt)
{
    for (size_t i = 0; i < r->n; i++) {
        dx_buf_printf(b, "%s%s = ", i ? ", " : "", r->vars[i]);
        dx_show_approx(ctx, b, c->exact[i], c->at[i], fmt);
    }
}

/* A number of the Hessian test: exact where the point is, with a short decimal beside an
 * irrational one, whose sign is then seen at once ("12*sqrt(2) ≈ 16.9706"); else the double.
 * The text is kept in b (plain, as the sentences name values). */
static dx_arg test_num(dx_ctx *ctx, dx_buf *b, const dx_expr *exact, double v)
{
    if (!exact)
        return DX_D(v);
    dx_show_approx(ctx, b, exact, v, DX_PLAIN);
    return DX_S(b->s ? b->s : "");
}

static void show_json(dx_ctx *ctx, const dx_extrema2_result *r, dx_buf *out)
{
    dx_mv_json_head(ctx, out, r->f, r->vars, r->n);
    dx_json_key(out, "method", false);
    static const char *const method[] = {"resultant", "box", "groebner"};
    dx_json_str(out, method[r->method]);
    dx_json_key(out, "certified", false);
    dx_buf_puts(out, r->method != DX_EX2_BOX && !r->uncertain ? "true" : "false");
    if (r->method == DX_EX2_GROEBNER) {
        /* the dimension of the set of critical points (over the complex numbers) and, when it
         * is infinite, the equations that make it up */
        dx_json_key(out, "dimension", false);
        dx_buf_printf(out, "%d", r->dim);
        dx_json_key(out, "equations", false);
        dx_buf_putc(out, '[');
        for (size_t i = 0; i < r->neq; i++) {
            dx_buf_puts(out, i ? ", " : "");
            dx_json_expr(out, ctx, r->eq[i]);
        }
        dx_buf_putc(out, ']');
    }
    dx_json_key(out, "curve", false);
    dx_buf_puts(out, r->curve ? "true" : "false");
    /* the curve of critical points: its equation (curve_equation = 0) and whether a real point
     * of it was seen; the critical points listed are the others */
    dx_json_key(out, "curve_equation", false);
    if (r->curve && r->curve_eq)
        dx_json_expr(out, ctx, r->curve_eq);
    else
        dx_buf_puts(out, "null");
    dx_json_key(out, "curve_seen", false);
    dx_buf_puts(out, r->curve && r->curve_seen ? "true" : "false");
    /* its components, each classified along it */
    dx_json_key(out, "curves", false);
    dx_buf_putc(out, '[');
    for (size_t k = 0; k < r->ncomp; k++) {
        static const char *const kinds[] = {"min", "max", "neither", "varies", "undecided"};
        const dx_curve2 *c = &r->comp[k];
        dx_buf_puts(out, k ? ", {" : "{");
        dx_json_key(out, "equation", true);
        dx_json_expr(out, ctx, c->eq);
        dx_json_key(out, "kind", false);
        dx_json_str(out, kinds[c->kind]);
        dx_json_key(out, "proved", false);
        dx_buf_puts(out, c->proved ? "true" : "false");
        dx_json_key(out, "seen", false);
        dx_buf_puts(out, c->seen ? "true" : "false");
        dx_json_key(out, "value", false);
        if (c->value)
            dx_json_expr(out, ctx, c->value);
        else
            dx_buf_puts(out, "null");
        dx_json_key(out, "samples", false);
        dx_buf_printf(out, "%zu", c->samples);
        dx_buf_putc(out, '}');
    }
    dx_buf_putc(out, ']');
    dx_json_key(out, "critical_points", false);
    dx_buf_putc(out, '[');
    for (size_t k = 0; k < r->ncrit; k++) {
        const dx_crit2 *c = &r->crit[k];
        dx_buf_puts(out, k ? ", {" : "{");
        dx_json_key(out, "at", true);
        dx_buf_putc(out, '{');
        for (size_t i = 0; i < r->n; i++) {
            dx_json_key(out, r->vars[i], i == 0);
            dx_json_num(out, c->at[i]);
        }
        dx_buf_putc(out, '}');
        dx_json_key(out, "exact", false);
        dx_buf_putc(out, '{');
        for (size_t i = 0; i < r->n; i++) {
            dx_json_key(out, r->vars[i], i == 0);
            if (c->exact[i])
                dx_json_expr(out, ctx, c->exact[i]);
            else
                dx_buf_puts(out, "null");
        }
        dx_buf_putc(out, '}');
        dx_json_key(out, "value", false);
        dx_json_num(out, c->value);
        dx_json_key(out, "exact_value", false);
        if (c->exact_value)
            dx_json_expr(out, ctx, c->exact_value);
        else
            dx_buf_puts(out, "null");
        dx_json_key(out, "kind", false);
        dx_json_str(out, kind_word(c->kind));
        dx_json_key(out, "certified", false);
        dx_buf_puts(out, c->certified ? "true" : "false");
        dx_json_key(out, "det_hessian", false);
        dx_json_num(out, c->det);
        dx_json_key(out, "exact_det_hessian", false);
        if (c->exact_det)
            dx_json_expr(out, ctx, c->exact_det);
        else
            dx_buf_puts(out, "null");
        dx_buf_putc(out, '}');
    }
    dx_buf_puts(out, "]}\n");
}

static void say(dx_ctx *ctx, dx_buf *out, dx_msg m)
{
    dx_show_say(ctx, out, m);
    dx_buf_putc(out, '\n');
}

/* Why the point has its kind: the determinant and f_xx (two variables) or the minors. */
static void show_test(dx_ctx *ctx, const dx_extrema2_result *r, const dx_crit2 *c, dx_buf *out)
{
    dx_buf det = {0}, hxx = {0};
    if (c->lines.id != DX_M_NONE)
        say(ctx, out, c->lines);
    else if (r->n == 3 && c->kind != DX_CP2_DEGENERATE)
        say(ctx, out, DX_MSG(r->method == DX_EX2_GROEBNER ? DX_M_EX3_BY_SIGNS : DX_M_EX2_BY_MINORS,
                             test_num(ctx, &det, c->exact_det, c->det)));
    else if (c->kind == DX_CP2_MIN || c->kind == DX_CP2_MAX)
        say(ctx, out, DX_MSG(c->kind == DX_CP2_MIN ? DX_M_EX2_BY_MIN : DX_M_EX2_BY_MAX,
                             test_num(ctx, &det, c->exact_det, c->det), DX_S(r->vars[0]),
                             test_num(ctx, &hxx, c->exact_hxx, c->hxx)));
    else if (c->kind == DX_CP2_SADDLE)
        say(ctx, out, DX_MSG(DX_M_EX2_BY_SADDLE, test_num(ctx, &det, c->exact_det, c->det)));
    out->oom |= det.oom || hxx.oom;
    dx_buf_free(&det);
    dx_buf_free(&hxx);
    if (!c->certified && r->method != DX_EX2_BOX)
        say(ctx, out, DX_MSG(DX_M_EX2_UNCERTAIN));
}

void dx_show_extrema2(dx_ctx *ctx, const dx_extrema2_result *r, dx_show how, dx_buf *out)
{
    if (!r->f)
        return;
    if (how == DX_SHOW_JSON) {
        show_json(ctx, r, out);
        return;
    }
    dx_format fmt = how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN;
    if (r->method == DX_EX2_GROEBNER && r->dim != 0) {
        dx_show_extrema3_set(ctx, r, out);
        return;
    }
    if (r->method == DX_EX2_GROEBNER) {
        say(ctx, out, DX_MSG(DX_M_EX3_METHOD_EXACT, DX_I(r->minpoly_degree[0]), DX_I(r->minpoly_degree[1]),
                             DX_I(r->minpoly_degree[2])));
    } else if (r->curve) {
        say(ctx, out, DX_MSG(r->curve_seen ? DX_M_EX2_CURVE : DX_M_EX2_CURVE_UNSEEN, DX_E(r->curve_eq)));
        for (size_t k = 0; k < r->ncomp; k++)
            say(ctx, out, r->comp[k].says);
        say(ctx, out, DX_MSG(DX_M_EX2_METHOD_CURVE, DX_I(r->res_degree[0]), DX_I(r->res_degree[1])));
    } else if (r->method == DX_EX2_RESULTANT) {
        say(ctx, out, DX_MSG(DX_M_EX2_METHOD_EXACT, DX_I(r->res_degree[0]), DX_I(r->res_degree[1])));
    } else {
        dx_buf box = {0};
        for (size_t i = 0; i < r->n; i++) {
            char a[40], b[40];
            dx_buf_printf(&box, "%s%s in [%s, %s]", i ? ", " : "", r->vars[i], dx_show_num(a, r->from[i]),
                          dx_show_num(b, r->to[i]));
        }
        say(ctx, out, DX_MSG(DX_M_EX2_METHOD_BOX, DX_I(r->grid), DX_S(box.s ? box.s : "")));
        out->oom |= box.oom;
        dx_buf_free(&box);
    }
    if (r->ncrit == 0) {
        say(ctx, out, DX_MSG(r->curve ? DX_M_EX2_NONE_OFF : r->method != DX_EX2_BOX ? DX_M_EX2_NONE : DX_M_EX2_NONE_BOX));
        return;
    }
    say(ctx, out, DX_MSG(r->curve ? DX_M_EX2_HEAD_OFF : DX_M_EX2_HEAD));
    for (size_t k = 0; k < r->ncrit; k++) {
        const dx_crit2 *c = &r->crit[k];
        dx_buf at = {0}, val = {0}, kind = {0};
        put_coords(ctx, &at, r, c, fmt);
        dx_show_approx(ctx, &val, c->exact_value, c->value, fmt);
        dx_show_say(ctx, &kind, DX_MSG(kind_msg[c->kind]));
        say(ctx, out, DX_MSG(DX_M_EX2_POINT, DX_S(at.s ? at.s : ""), DX_S(val.s ? val.s : ""), DX_S(kind.s ? kind.s : "")));
        out->oom |= at.oom || val.oom || kind.oom;
        dx_buf_free(&at);
        dx_buf_free(&val);
        dx_buf_free(&kind);
        show_test(ctx, r, c, out);
    }
}
