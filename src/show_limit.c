/* Limits as text: the report of `dfdx limit`, and how a side's answer was found. */
#include "show.h"
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The classes of growth by dx_lim_growth: their names, and what comparing two of one class is. */
static const dx_msg_id class_names[] = {DX_M_LIM_CONSTANT, DX_M_LIM_LOGARITHM, DX_M_LIM_POWER, DX_M_LIM_EXPONENTIAL};
static const dx_msg_id class_ties[] = {DX_M_LIM_TIE_CONSTANT, DX_M_LIM_TIE_LOGARITHM, DX_M_LIM_DEGREES,
                                       DX_M_LIM_TIE_EXPONENTIAL};
/* The rewrites, in the order they are said. */
static const struct {
    unsigned bit;
    dx_msg_id id;
} rewrites[] = {
    {DX_LIM_REWRITE_FRACTION, DX_M_LIM_FRACTION}, {DX_LIM_REWRITE_CONJUGATE, DX_M_LIM_CONJUGATE},
    {DX_LIM_REWRITE_EXPLOG, DX_M_LIM_EXPLOG},     {DX_LIM_REWRITE_KINK, DX_M_LIM_KINK},
    {DX_LIM_REWRITE_TRIG, DX_M_LIM_TRIG},         {DX_LIM_REWRITE_POLE, DX_M_LIM_POLE},
    {DX_LIM_REWRITE_SQUEEZE, DX_M_LIM_SQUEEZE},   {DX_LIM_REWRITE_LOGS, DX_M_LIM_LOGS},
    {DX_LIM_REWRITE_FACTOR, DX_M_LIM_FACTOR},     {DX_LIM_REWRITE_RECIPROCAL, DX_M_LIM_RECIPROCAL},
};

static bool is_class(int c) { return c >= 0 && c < (int)(sizeof class_names / sizeof class_names[0]); }

void dx_show_lim_method(dx_ctx *ctx, const dx_lim_method *m, dx_buf *b)
{
    if (m->note.id != DX_M_NONE) {
        dx_show_say(ctx, b, m->note);
        return;
    }
    if (m->via && m->via_at && dx_is_int(m->via_at, 0))
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_VIA_ZERO, DX_S(m->via > 0 ? "" : "-")));
    else if (m->via)
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_VIA, DX_E(m->via_at), DX_S(m->via > 0 ? "+" : "-")));
    bool base = m->compare != DX_LIM_CMP_NONE;
    if (m->compare == DX_LIM_CMP_DEGREES)
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_DEGREES));
    else if (m->compare == DX_LIM_CMP_GROWTH && is_class(m->growth_hi) && is_class(m->growth_lo)) {
        char *hi = dx_show_text(ctx, DX_MSG(class_names[m->growth_hi]));
        char *lo = dx_show_text(ctx, DX_MSG(class_names[m->growth_lo]));
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_GROWTH_BEATS, DX_S(hi), DX_S(lo)));
        b->oom |= !hi || !lo;
        dx_free(hi);
        dx_free(lo);
    } else if (m->compare == DX_LIM_CMP_GROWTH && is_class(m->growth_hi))
        dx_show_say(ctx, b, DX_MSG(class_ties[m->growth_hi]));
    else if (m->compare == DX_LIM_CMP_GROWTH)
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_GROWTH));
    if (m->lhopital) {
        if (base)
            dx_buf_puts(b, ", ");
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_LHOPITAL, DX_I(m->lhopital)));
    } else if (m->series) {
        if (base)
            dx_buf_puts(b, ", ");
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_SERIES, DX_I(m->series)));
    } else if (!base) {
        dx_show_say(ctx, b, DX_MSG(m->parts ? DX_M_LIM_PARTS : DX_M_LIM_SUBSTITUTION));
    }
    for (size_t i = 0; i < sizeof rewrites / sizeof rewrites[0]; i++)
        if (m->rewrites & rewrites[i].bit) {
            dx_buf_puts(b, ", ");
            dx_show_say(ctx, b, DX_MSG(rewrites[i].id));
        }
    if (m->lo && m->hi)
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_BETWEEN, DX_E(m->lo), DX_E(m->hi)));
    else if (m->wild)
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_WILD));
}

/* --- the report of `dfdx limit` ------------------------------------------------------------ */

/* One side's answer as a person reads it: an exact value with its decimal when it is not an
 * integer ("1/2 (0.5)", "e (2.718281828)"), a numeric estimate marked as such, oo, -oo, or why
 * there is none. bare: the value alone (JSON, and inside other sentences). */
static void put_lim(dx_ctx *ctx, dx_buf *b, const dx_lim *l, dx_format fmt, bool bare)
{
    switch (l->kind) {
    case DX_LIM_VALUE:
        if (l->exact) {
            dx_buf_expr(b, ctx, l->exact, fmt);
            if (!bare && !(l->exact->kind == DX_NUM && dx_num_is_int(&l->exact->u.num)))
                dx_buf_printf(b, " (%.10g)", l->value + 0.0); /* + 0.0: never "-0" */
        } else if (bare) {
            dx_buf_printf(b, "%.10g", l->value + 0.0);
        } else {
            char v[40];
            snprintf(v, sizeof v, "%.10g", l->value + 0.0);
            dx_show_say(ctx, b, DX_MSG(DX_M_LIM_NUMERIC, DX_S(v)));
        }
        break;
    case DX_LIM_POS_INF: dx_buf_puts(b, fmt == DX_LATEX ? "\\infty" : "oo"); break;
    case DX_LIM_NEG_INF: dx_buf_puts(b, fmt == DX_LATEX ? "-\\infty" : "-oo"); break;
    case DX_LIM_OSCILLATES: dx_show_say(ctx, b, DX_MSG(DX_M_LIM_OSCILLATES)); break;
    case DX_LIM_UNDEFINED: dx_show_say(ctx, b, DX_MSG(DX_M_LIM_UNDEFINED)); break;
    case DX_LIM_UNKNOWN: {
        dx_buf m = {0};
        dx_show_lim_method(ctx, &l->method, &m);
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_UNKNOWN, DX_S(m.s ? m.s : "")));
        b->oom |= m.oom;
        dx_buf_free(&m);
        break;
    }
    }
}

void dx_show_lim(dx_ctx *ctx, const dx_lim *l, dx_show how, bool bare, dx_buf *out)
{
    put_lim(ctx, out, l, how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN, bare);
}

static char *lim_text(dx_ctx *ctx, const dx_lim *l, dx_format fmt, bool bare)
{
    dx_buf b = {0};
    put_lim(ctx, &b, l, fmt, bare);
    return dx_buf_take(&b);
}

/* A sentence whose arguments are two sides' bare answers. */
static void say_sides(dx_ctx *ctx, dx_buf *b, dx_msg_id id, const dx_lim *l, const dx_lim *r, dx_format fmt)
{
    char *ls = lim_text(ctx, l, fmt, true), *rs = lim_text(ctx, r, fmt, true);
    dx_show_say(ctx, b, DX_MSG(id, DX_S(ls), DX_S(rs)));
    b->oom |= !ls || !rs;
    dx_free(ls);
    dx_free(rs);
}

/* Why there is no two-sided limit, in a few words. */
static void no_limit(dx_ctx *ctx, dx_buf *b, const dx_limit_report *r, dx_format fmt)
{
    dx_lim_kind l = r->left.kind, rt = r->right.kind;
    if (l == DX_LIM_OSCILLATES || rt == DX_LIM_OSCILLATES)
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_OSCILLATES));
    else if (l == DX_LIM_UNDEFINED && rt == DX_LIM_UNDEFINED)
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_NOT_NEAR));
    else if (l == DX_LIM_UNDEFINED || rt == DX_LIM_UNDEFINED)
        dx_show_say(ctx, b, DX_MSG(l == DX_LIM_UNDEFINED ? DX_M_LIM_NOT_LEFT : DX_M_LIM_NOT_RIGHT));
    else if (l == DX_LIM_UNKNOWN || rt == DX_LIM_UNKNOWN)
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_ONE_UNKNOWN));
    else
        say_sides(ctx, b, DX_M_LIM_DIFFER, &r->left, &r->right, fmt);
}

/* The method of the limit: the sides' methods, one when they say the same. */
static void methods(dx_ctx *ctx, dx_buf *b, const dx_limit_report *r)
{
    if (!(r->want_left && r->want_right)) {
        dx_show_lim_method(ctx, &r->value.method, b);
        return;
    }
    dx_buf l = {0}, rt = {0};
    dx_show_lim_method(ctx, &r->left.method, &l);
    dx_show_lim_method(ctx, &r->right.method, &rt);
    const char *ls = l.s ? l.s : "", *rs = rt.s ? rt.s : "";
    if (strcmp(ls, rs) == 0)
        dx_buf_puts(b, ls);
    else
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_SIDES, DX_S(ls), DX_S(rs)));
    b->oom |= l.oom || rt.oom;
    dx_buf_free(&l);
    dx_buf_free(&rt);
}

void dx_show_differentiability(dx_ctx *ctx, const dx_limit_report *r, dx_show how, dx_buf *b)
{
    dx_format fmt = how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN;
    const dx_lim *dl = &r->dleft, *dr = &r->dright;
    if (r->differentiable == 1 && dl->kind == DX_LIM_VALUE && dr->kind != DX_LIM_UNDEFINED) {
        char *d = lim_text(ctx, dl, fmt, false);
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_DERIVATIVE, DX_S(d)));
        b->oom |= !d;
        dx_free(d);
    } else if (r->differentiable == 1) {
        char *d = lim_text(ctx, dr->kind == DX_LIM_VALUE ? dr : dl, fmt, false);
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_ONE_SIDED, DX_S(d)));
        b->oom |= !d;
        dx_free(d);
    } else if (r->differentiable == 0 && r->continuous != 1) {
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_NOT_CONTINUOUS));
    } else if (r->differentiable == 0 && (dl->kind == DX_LIM_UNDEFINED || dr->kind == DX_LIM_UNDEFINED)) {
        bool right = dr->kind != DX_LIM_UNDEFINED;
        char *d = lim_text(ctx, right ? dr : dl, fmt, true);
        dx_show_say(ctx, b, DX_MSG(right ? DX_M_LIM_ONLY_RIGHT : DX_M_LIM_ONLY_LEFT, DX_S(d)));
        b->oom |= !d;
        dx_free(d);
    } else if (r->differentiable == 0) {
        bool sub = dl->kind == DX_LIM_VALUE && dr->kind == DX_LIM_VALUE && dl->value < dr->value;
        say_sides(ctx, b, sub ? DX_M_LIM_SUBGRADIENTS : DX_M_LIM_CORNER, dl, dr, fmt);
    } else {
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_UNDECIDED_WORD));
    }
}

/* ", key: the bare answer, key_numeric: its number" (both null for a side not wanted). */
static void json_lim(dx_ctx *ctx, dx_buf *b, const char *key, const dx_lim *l, bool wanted)
{
    char numeric[64];
    snprintf(numeric, sizeof numeric, "%s_numeric", key);
    dx_json_key(b, key, false);
    if (!wanted) {
        dx_buf_puts(b, "null");
        dx_json_key(b, numeric, false);
        dx_buf_puts(b, "null");
        return;
    }
    char *s = lim_text(ctx, l, DX_PLAIN, true);
    dx_json_str(b, s ? s : "");
    b->oom |= !s;
    dx_free(s);
    dx_json_key(b, numeric, false);
    if (l->kind == DX_LIM_VALUE)
        dx_json_num(b, l->value);
    else
        dx_buf_puts(b, l->kind == DX_LIM_POS_INF ? "\"oo\"" : l->kind == DX_LIM_NEG_INF ? "\"-oo\"" : "null");
}

static const char *tri(int v) { return v == 1 ? "true" : v == 0 ? "false" : "null"; }

static void show_json(dx_ctx *ctx, const dx_limit_report *r, const char *at, dx_buf *b)
{
    dx_buf_putc(b, '{');
    dx_json_key(b, "input", true);
    dx_json_expr(b, ctx, r->f);
    dx_json_key(b, "variable", false);
    dx_json_str(b, r->var);
    dx_json_key(b, "at", false);
    dx_json_str(b, at);
    json_lim(ctx, b, "left", &r->left, r->want_left);
    json_lim(ctx, b, "right", &r->right, r->want_right);
    dx_json_key(b, "exists", false);
    dx_buf_puts(b, r->exists ? "true" : "false");
    json_lim(ctx, b, "value", &r->value, r->exists);
    dx_json_key(b, "method", false);
    dx_buf m = {0};
    methods(ctx, &m, r);
    dx_json_str(b, m.s ? m.s : "");
    b->oom |= m.oom;
    dx_buf_free(&m);
    dx_json_key(b, "numeric", false);
    dx_buf_puts(b, r->left.numeric || r->right.numeric ? "true" : "false");
    dx_json_key(b, "continuous", false);
    dx_buf_puts(b, tri(r->continuous));
    dx_json_key(b, "f_at", false);
    char *fa = r->defined_at ? dx_print(ctx, r->f_at, DX_PLAIN) : NULL;
    if (fa)
        dx_json_str(b, fa);
    else
        dx_buf_puts(b, "null");
    b->oom |= r->defined_at && !fa;
    dx_free(fa);
    dx_json_key(b, "differentiable", false);
    dx_buf_puts(b, tri(r->differentiable));
    /* the one-sided derivatives are found where f is continuous */
    bool d = r->continuous == 1;
    json_lim(ctx, b, "left_derivative", &r->dleft, d && r->dleft.kind != DX_LIM_UNDEFINED);
    json_lim(ctx, b, "right_derivative", &r->dright, d && r->dright.kind != DX_LIM_UNDEFINED);
    dx_buf_puts(b, "}\n");
}

static void show_text(dx_ctx *ctx, const dx_limit_report *r, const char *at, dx_format fmt, dx_buf *b)
{
    if (r->at.inf) {
        dx_show_say(ctx, b, DX_MSG(fmt == DX_LATEX ? DX_M_LIM_TENDS_TEX : DX_M_LIM_TENDS, DX_S(r->var), DX_S(at)));
        put_lim(ctx, b, r->want_left ? &r->left : &r->right, fmt, false);
        dx_buf_putc(b, '\n');
    } else {
        if (r->want_left) {
            dx_show_say(ctx, b, DX_MSG(DX_M_LIM_LEFT));
            put_lim(ctx, b, &r->left, fmt, false);
            dx_buf_putc(b, '\n');
        }
        if (r->want_right) {
            dx_show_say(ctx, b, DX_MSG(DX_M_LIM_RIGHT));
            put_lim(ctx, b, &r->right, fmt, false);
            dx_buf_putc(b, '\n');
        }
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_LIMIT));
        if (r->exists)
            put_lim(ctx, b, &r->value, fmt, false);
        else if (r->want_left && r->want_right)
            no_limit(ctx, b, r, fmt);
        else
            put_lim(ctx, b, r->want_left ? &r->left : &r->right, fmt, false);
        dx_buf_putc(b, '\n');
    }
    dx_show_say(ctx, b, DX_MSG(DX_M_LIM_METHOD));
    methods(ctx, b, r);
    dx_buf_putc(b, '\n');
    if (r->at.inf)
        return;
    dx_show_say(ctx, b, DX_MSG(DX_M_LIM_F_AT, DX_S(at)));
    if (r->defined_at) {
        dx_lim fa = {.kind = DX_LIM_VALUE, .exact = r->f_at, .value = r->f_at_value};
        put_lim(ctx, b, &fa, fmt, false);
    } else {
        char *why = dx_show_text(ctx, r->f_at_why);
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_F_UNDEFINED, DX_S(why)));
        b->oom |= !why;
        dx_free(why);
    }
    dx_buf_putc(b, '\n');
    dx_show_say(ctx, b, DX_MSG(DX_M_LIM_CONTINUOUS_AT, DX_S(at)));
    if (r->continuous == 1) {
        bool one = r->left.kind == DX_LIM_UNDEFINED || r->right.kind == DX_LIM_UNDEFINED || !r->want_left ||
                   !r->want_right;
        dx_show_say(ctx, b, DX_MSG(!one                                                    ? DX_M_LIM_YES
                           : r->want_right && r->right.kind != DX_LIM_UNDEFINED ? DX_M_LIM_YES_FROM_RIGHT
                                                                                : DX_M_LIM_YES_FROM_LEFT));
    } else if (r->continuous == 0) {
        if (!r->defined_at && r->exists && r->value.kind == DX_LIM_VALUE)
            dx_show_say(ctx, b, DX_MSG(DX_M_LIM_REMOVABLE, DX_S(at)));
        else if (!r->defined_at)
            dx_show_say(ctx, b, DX_MSG(DX_M_LIM_F_AT_UNDEFINED, DX_S(at)));
        else if (r->exists)
            dx_show_say(ctx, b, DX_MSG(DX_M_LIM_DIFFERS_FROM_F, DX_S(at)));
        else
            dx_show_say(ctx, b, DX_MSG(DX_M_LIM_NO_LIMIT));
    } else {
        dx_show_say(ctx, b, DX_MSG(DX_M_LIM_UNDECIDED_WORD));
    }
    dx_buf_putc(b, '\n');
    dx_show_say(ctx, b, DX_MSG(DX_M_LIM_DIFFERENTIABLE_AT, DX_S(at)));
    dx_show_differentiability(ctx, r, fmt == DX_LATEX ? DX_SHOW_LATEX : DX_SHOW_PLAIN, b);
    dx_buf_putc(b, '\n');
}

void dx_show_limit(dx_ctx *ctx, const dx_limit_report *r, dx_show how, dx_buf *b)
{
    dx_format fmt = how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN;
    /* the point: oo, -oo, or A as the format writes it (plain in JSON) */
    char *at = r->at.inf ? NULL : dx_print(ctx, r->at.at, fmt);
    const char *at_s = r->at.inf > 0   ? (fmt == DX_LATEX ? "\\infty" : "oo")
                       : r->at.inf < 0 ? (fmt == DX_LATEX ? "-\\infty" : "-oo")
                       : at            ? at
                                       : "?";
    b->oom |= !r->at.inf && !at; /* the point could not be printed */
    if (how == DX_SHOW_JSON)
        show_json(ctx, r, at_s, b);
    else
        show_text(ctx, r, at_s, fmt, b);
    dx_free(at);
}
