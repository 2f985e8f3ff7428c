/* The text of dfdx check: the verdict, the point where the answer and the derivative part, the slip. */
#include "expr.h"

#include <stdlib.h>

/* A message appended to b in fmt. */
static void say(dx_ctx *ctx, dx_buf *b, dx_msg m, dx_format fmt) { dx_msg_render(ctx, b, &m, fmt); }

/* A message in fmt as text for another message's argument (b keeps it; NULL-safe). */
static const char *said(dx_ctx *ctx, dx_buf *b, dx_msg m, dx_format fmt, dx_buf *out)
{
    say(ctx, b, m, fmt);
    out->oom |= b->oom;
    return b->s ? b->s : "";
}

/* A value at the witness: exact when known, else a double, else "undefined". */
static void put_value(dx_ctx *ctx, dx_buf *b, const dx_expr *exact, double d, dx_format fmt)
{
    if (exact)
        dx_buf_expr(b, ctx, exact, fmt);
    else if (d != d)
        say(ctx, b, DX_MSG(DX_M_CHECK_UNDEFINED), fmt);
    else
        dx_buf_printf(b, "%.10g", d + 0.0); /* + 0.0: never "-0" */
}

/* The texts a verdict is made of. */
typedef struct {
    dx_buf deriv, at, va, vd, held, slip_at;
} texts;

static void texts_free(texts *t)
{
    dx_buf *all[] = {&t->deriv, &t->at, &t->va, &t->vd, &t->held, &t->slip_at};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        dx_buf_free(all[i]);
}

static const char *text(const dx_buf *b) { return b->s ? b->s : ""; }


static void show_json(dx_ctx *ctx, const dx_check_result *r, const texts *t, dx_buf *out)
{
    const dx_equiv *q = &r->eq;
    static const char *const verdicts[] = {"correct", "correct", "correct", "incorrect", "undecided"};
    static const char *const methods[] = {"algebra", "points", "points", "points", "points"};
    dx_buf_putc(out, '{');
    dx_json_key(out, "input", true);
    dx_json_expr(out, ctx, r->f);
    dx_json_key(out, "answer", false);
    dx_json_expr(out, ctx, r->answer);
    dx_json_key(out, "as_read", false);
    dx_json_expr(out, ctx, r->answer);
    dx_json_key(out, "answer_notes", false);
    dx_buf_putc(out, '[');
    for (size_t i = 0; i < r->read.nnotes; i++) {
        dx_buf note = {0};
        dx_buf_puts(out, i ? ", " : "");
        dx_json_str(out, said(ctx, &note, r->read.notes[i], DX_PLAIN, out));
        dx_buf_free(&note);
    }
    dx_buf_puts(out, "]");
    dx_json_key(out, "foreign_variables", false);
    dx_buf_putc(out, '[');
    for (size_t i = 0; i < r->nforeign; i++) {
        dx_buf_puts(out, i ? ", {" : "{");
        dx_json_key(out, "name", true);
        dx_json_str(out, r->foreign[i]);
        dx_json_key(out, "did_you_mean", false);
        if (r->foreign_as[i])
            dx_json_expr(out, ctx, r->foreign_as[i]);
        else
            dx_buf_puts(out, "null");
        dx_buf_putc(out, '}');
    }
    dx_buf_putc(out, ']');
    dx_json_key(out, "variable", false);
    dx_json_str(out, r->var);
    dx_json_key(out, "order", false);
    dx_buf_printf(out, "%u", r->order);
    dx_json_key(out, "verdict", false);
    dx_json_str(out, verdicts[q->kind]);
    dx_json_key(out, "method", false);
    dx_json_str(out, methods[q->kind]);
    dx_json_key(out, "points", false);
    dx_buf_printf(out, "%zu", q->npoints);
    dx_json_key(out, "derivative", false);
    dx_json_str(out, text(&t->deriv));
    dx_json_key(out, "counterexample", false);
    if (q->kind == DX_EQ_UNDEFINED) {
        dx_buf_puts(out, "null");
        dx_json_key(out, "undefined_at", false);
    }
    if (q->kind == DX_EQ_DIFFERENT || q->kind == DX_EQ_UNDEFINED) {
        dx_buf_putc(out, '{');
        dx_json_key(out, "at", true);
        dx_json_str(out, text(&t->at));
        dx_json_key(out, "held", false);
        dx_json_str(out, text(&t->held));
        dx_json_key(out, "answer", false);
        dx_json_str(out, text(&t->va));
        dx_json_key(out, "derivative", false);
        dx_json_str(out, text(&t->vd));
        dx_buf_putc(out, '}');
    } else {
        dx_buf_puts(out, "null");
    }
    dx_json_key(out, "slip", false);
    if (r->slip) {
        dx_buf name = {0}, why = {0};
        dx_buf_putc(out, '{');
        dx_json_key(out, "name", true);
        dx_json_str(out, said(ctx, &name, DX_MSG(dx_slip_name(r->slip)), DX_PLAIN, out));
        dx_json_key(out, "explanation", false);
        dx_json_str(out, said(ctx, &why, DX_MSG(dx_slip_explanation(r->slip)), DX_PLAIN, out));
        dx_json_key(out, "in", false);
        if (r->slip_at)
            dx_json_str(out, text(&t->slip_at));
        else
            dx_buf_puts(out, "null");
        dx_buf_putc(out, '}');
        dx_buf_free(&name);
        dx_buf_free(&why);
    } else {
        dx_buf_puts(out, "null");
    }
    dx_buf_puts(out, "}\n");
}

static void show_text(dx_ctx *ctx, const dx_check_result *r, const texts *t, dx_format fmt, dx_buf *out)
{
    const dx_equiv *q = &r->eq;
    /* the point, with the values other variables were held at: "x = 2 (with y = 7/5)" */
    dx_buf at = {0};
    if (t->at.s) {
        dx_buf point = {0};
        dx_buf_printf(&point, "%s = %s", r->var, text(&t->at));
        if (q->nheld)
            say(ctx, &at, DX_MSG(DX_M_CHECK_WITH, DX_S(text(&point)), DX_S(text(&t->held))), DX_PLAIN);
        else
            dx_buf_puts(&at, text(&point));
        out->oom |= point.oom;
        dx_buf_free(&point);
    }
    const char *deriv = text(&t->deriv), *va = text(&t->va), *vd = text(&t->vd), *where = text(&at);
    /* first how the answer was read, so that a verdict on a misread answer cannot surprise */
    say(ctx, out, DX_MSG(DX_M_CHECK_AS_READ, DX_E(r->answer)), fmt);
    dx_buf_putc(out, '\n');
    for (size_t i = 0; i < r->nforeign; i++) {
        if (r->foreign_as[i])
            say(ctx, out, DX_MSG(DX_M_CHECK_FOREIGN_SPLIT, DX_S(r->foreign[i]), DX_E(r->foreign_as[i])), fmt);
        else
            say(ctx, out, DX_MSG(DX_M_CHECK_FOREIGN, DX_S(r->foreign[i])), fmt);
        dx_buf_putc(out, '\n');
    }
    switch (q->kind) {
    case DX_EQ_ALGEBRA:
        say(ctx, out, DX_MSG(DX_M_CHECK_ALGEBRA), fmt);
        break;
    case DX_EQ_POINTS:
        say(ctx, out, DX_MSG(DX_M_CHECK_POINTS, DX_S(deriv), DX_I(q->npoints)), fmt);
        break;
    case DX_EQ_UNDEFINED:
        if (q->da != q->da)
            say(ctx, out, DX_MSG(DX_M_CHECK_ANSWER_UNDEFINED_AT, DX_S(where), DX_S(vd)), fmt);
        else
            say(ctx, out, DX_MSG(DX_M_CHECK_DERIVATIVE_UNDEFINED_AT, DX_S(where), DX_S(va)), fmt);
        break;
    case DX_EQ_DIFFERENT:
        say(ctx, out, DX_MSG(DX_M_CHECK_INCORRECT), fmt);
        dx_buf_putc(out, '\n');
        if (q->da != q->da)
            say(ctx, out, DX_MSG(DX_M_CHECK_DIFF_ANSWER_UNDEFINED, DX_S(where), DX_S(vd)), fmt);
        else if (q->db != q->db)
            say(ctx, out, DX_MSG(DX_M_CHECK_DIFF_DERIVATIVE_UNDEFINED, DX_S(where), DX_S(va)), fmt);
        else
            say(ctx, out, DX_MSG(DX_M_CHECK_DIFF, DX_S(where), DX_S(va), DX_S(vd)), fmt);
        dx_buf_putc(out, '\n');
        say(ctx, out, DX_MSG(DX_M_CHECK_THE_DERIVATIVE, DX_S(deriv)), fmt);
        if (r->slip) {
            dx_buf name = {0}, why = {0};
            const char *n = said(ctx, &name, DX_MSG(dx_slip_name(r->slip)), fmt, out);
            const char *w = said(ctx, &why, DX_MSG(dx_slip_explanation(r->slip)), fmt, out);
            dx_buf_putc(out, '\n');
            if (r->slip_at)
                say(ctx, out, DX_MSG(DX_M_CHECK_SLIP_IN, DX_S(n), DX_S(text(&t->slip_at)), DX_S(w)), fmt);
            else
                say(ctx, out, DX_MSG(DX_M_CHECK_SLIP, DX_S(n), DX_S(w)), fmt);
            dx_buf_free(&name);
            dx_buf_free(&why);
        }
        break;
    case DX_EQ_UNKNOWN:
        say(ctx, out, DX_MSG(DX_M_CHECK_UNDECIDED, DX_S(deriv)), fmt);
        break;
    }
    dx_buf_putc(out, '\n');
    out->oom |= at.oom;
    dx_buf_free(&at);
}

void dx_show_check(dx_ctx *ctx, const dx_check_result *r, dx_show how, dx_buf *out)
{
    dx_format fmt = how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN;
    const dx_equiv *q = &r->eq;
    texts t = {0};
    dx_buf_expr(&t.deriv, ctx, r->derivative, fmt);
    if (q->kind == DX_EQ_DIFFERENT || q->kind == DX_EQ_UNDEFINED) {
        put_value(ctx, &t.at, q->at, q->at_d, fmt);
        put_value(ctx, &t.va, q->va, q->da, fmt);
        put_value(ctx, &t.vd, q->vb, q->db, fmt);
    }
    /* the held values and the place of a slip in plain form, in every format */
    for (size_t i = 0; i < q->nheld; i++) {
        dx_buf_printf(&t.held, "%s%s = ", i ? ", " : "", q->held_name[i]);
        dx_buf_expr(&t.held, ctx, q->held_value[i], DX_PLAIN);
    }
    if (r->slip_at) {
        dx_buf_printf(&t.slip_at, "d/d%s(", r->var);
        dx_buf_expr(&t.slip_at, ctx, r->slip_at, DX_PLAIN);
        dx_buf_putc(&t.slip_at, ')');
    }
    if (t.deriv.oom || t.at.oom || t.va.oom || t.vd.oom || t.held.oom || t.slip_at.oom)
        out->oom = true;
    else if (how == DX_SHOW_JSON)
        show_json(ctx, r, &t, out);
    else
        show_text(ctx, r, &t, fmt, out);
    texts_free(&t);
}
