/* The extrema report as text: plain, with LaTeX mathematics, or JSON. */
#include "show.h"
#include "alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* f' longer than DF_SHOWN characters is shown cut at DF_CUT (at a space). */
#define DF_SHOWN 2000
#define DF_CUT 240

static char *value_text(dx_ctx *ctx, const dx_expr *exact, double v, dx_format fmt)
{
    dx_buf b = {0};
    dx_show_approx(ctx, &b, exact, v, fmt);
    return dx_buf_take(&b);
}

/* f at a point: as value_text, or a value past the doubles in six digits and its exponent,
 * said to be rounded ("1.23457e+325 (rounded)", LaTeX 1.23457 \cdot 10^{325}). */
static char *point_value_text(dx_ctx *ctx, const dx_xpoint *p, dx_format fmt)
{
    if (!p->big)
        return value_text(ctx, p->exact_value, p->value, fmt);
    dx_buf n = {0};
    const char *e = strchr(p->big, 'e');
    if (fmt == DX_LATEX && e)
        dx_buf_printf(&n, "%.*s \\cdot 10^{%ld}", (int)(e - p->big), p->big, strtol(e + 1, NULL, 10));
    else
        dx_buf_puts(&n, p->big);
    char *num = dx_buf_take(&n);
    dx_buf b = {0};
    dx_show_say(ctx, &b, DX_MSG(DX_M_EXT_BIG_VALUE, DX_S(num)));
    b.oom |= !num;
    dx_free(num);
    return dx_buf_take(&b);
}

/* ", key: text" with text malloc'd (freed here), or null where there is nothing to say (wanted
 * false); a text wanted but missing is an allocation that failed. */
static void json_text(dx_buf *b, const char *key, char *s, bool wanted)
{
    dx_json_key(b, key, false);
    if (s)
        dx_json_str(b, s);
    else
        dx_buf_puts(b, "null");
    b->oom |= wanted && !s;
    dx_free(s);
}

static void json_expr(dx_ctx *ctx, dx_buf *b, const char *key, const dx_expr *e)
{
    json_text(b, key, e ? dx_print(ctx, e, DX_PLAIN) : NULL, e);
}

static void json_msg(dx_ctx *ctx, dx_buf *b, const char *key, const dx_msg *m)
{
    json_text(b, key, m ? dx_msg_text(ctx, m, DX_PLAIN) : NULL, m);
}

static void json_point(dx_ctx *ctx, dx_buf *b, const dx_xpoint *p)
{
    dx_json_key(b, "x", true);
    dx_json_num(b, p->x);
    dx_json_key(b, "value", false);
    if (p->big) /* past a double: null here, the rounded text beside */
        dx_buf_puts(b, "null");
    else
        dx_json_num(b, p->value);
    if (p->big)
        json_text(b, "big_value", dx_strdup(p->big), true);
    json_expr(ctx, b, "exact", p->exact);
    json_expr(ctx, b, "exact_value", p->exact_value);
}

static void json_global(dx_ctx *ctx, const dx_extrema_result *x, dx_buf *b, const char *name, const char *reason,
                        const dx_global *g)
{
    dx_json_key(b, name, false);
    if (g->exists) {
        dx_buf_putc(b, '{');
        json_point(ctx, b, &g->at);
        dx_json_key(b, "where", false);
        dx_json_str(b, g->flat ? "flat interval" : g->endpoint < 0 ? "from" : g->endpoint > 0 ? "to" : "critical point");
        if (g->flat) {
            dx_json_key(b, "to", false);
            dx_json_num(b, x->flat[g->flat - 1].to);
        }
        dx_buf_putc(b, '}');
    } else {
        dx_buf_puts(b, "null");
    }
    json_msg(ctx, b, reason, g->exists ? NULL : &g->why);
}

static const char *kind_word(dx_cp_kind k) { return k == DX_CP_MIN ? "min" : k == DX_CP_MAX ? "max" : "neither"; }

static void show_json(dx_ctx *ctx, const dx_extrema_result *x, dx_buf *b)
{
    dx_buf_putc(b, '{');
    dx_json_key(b, "function", true);
    char *fn = dx_print(ctx, x->f, DX_PLAIN);
    dx_json_str(b, fn ? fn : "");
    b->oom |= !fn;
    dx_free(fn);
    dx_json_key(b, "variable", false);
    dx_json_str(b, x->var);
    dx_json_key(b, "method", false);
    dx_json_str(b, x->polynomial ? "exact" : "grid");
    if (x->polynomial) {
        dx_json_key(b, "degree", false);
        dx_buf_printf(b, "%d", x->degree);
    }
    dx_json_key(b, "interval", false);
    if (x->interval) {
        dx_buf_putc(b, '[');
        dx_json_num(b, x->from);
        dx_buf_puts(b, ", ");
        dx_json_num(b, x->to);
        dx_buf_putc(b, ']');
    } else {
        dx_buf_puts(b, "null");
    }
    if (!x->polynomial) {
        dx_json_key(b, "grid_steps", false);
        dx_buf_printf(b, "%zu", x->grid);
        dx_json_key(b, "grid_step", false);
        dx_json_num(b, x->step);
    }
    dx_json_key(b, "critical_points", false);
    dx_buf_putc(b, '[');
    for (size_t i = 0; i < x->ncrit; i++) {
        const dx_crit *k = &x->crit[i];
        dx_buf_puts(b, i ? ", {" : "{");
        json_point(ctx, b, &k->at);
        dx_json_key(b, "kind", false);
        dx_json_str(b, kind_word(k->kind));
        json_msg(ctx, b, "test", &k->test);
        dx_json_key(b, "differentiable", false);
        dx_buf_puts(b, k->kink ? "false" : "true");
        if (k->mult) {
            dx_json_key(b, "multiplicity", false);
            dx_buf_printf(b, "%d", k->mult);
        }
        dx_buf_putc(b, '}');
    }
    dx_buf_putc(b, ']');
    dx_json_key(b, "flat_intervals", false);
    dx_buf_putc(b, '[');
    for (size_t i = 0; i < x->nflat; i++) {
        dx_buf_puts(b, i ? ", {" : "{");
        dx_json_key(b, "from", true);
        dx_json_num(b, x->flat[i].from);
        dx_json_key(b, "to", false);
        dx_json_num(b, x->flat[i].to);
        dx_json_key(b, "value", false);
        dx_json_num(b, x->flat[i].value);
        json_expr(ctx, b, "exact_from", x->flat[i].exact_from);
        json_expr(ctx, b, "exact_to", x->flat[i].exact_to);
        json_expr(ctx, b, "exact_value", x->flat[i].exact_value);
        dx_json_key(b, "kind", false);
        dx_json_str(b, kind_word(x->flat[i].kind));
        dx_buf_putc(b, '}');
    }
    dx_buf_putc(b, ']');
    dx_json_key(b, "defined", false);
    dx_buf_puts(b, x->nowhere ? "false" : "true");
    dx_json_key(b, "inflection_points", false);
    dx_buf_putc(b, '[');
    for (size_t i = 0; i < x->ninfl; i++) {
        dx_buf_puts(b, i ? ", {" : "{");
        json_point(ctx, b, &x->infl[i]);
        dx_buf_putc(b, '}');
    }
    dx_buf_putc(b, ']');
    json_global(ctx, x, b, "global_min", "global_min_reason", &x->min);
    json_global(ctx, x, b, "global_max", "global_max_reason", &x->max);
    dx_buf_puts(b, "}\n");
}

static void show_global(dx_ctx *ctx, const dx_extrema_result *x, bool max, const dx_global *g, dx_format fmt, dx_buf *b)
{
    if (!g->exists) {
        if (g->why.id != DX_M_NONE) {
            char *why = dx_show_text(ctx, g->why);
            dx_show_say(ctx, b, DX_MSG(max ? DX_M_EXT_NO_GLOBAL_MAX : DX_M_EXT_NO_GLOBAL_MIN, DX_S(why)));
            b->oom |= !why;
            dx_free(why);
            dx_buf_putc(b, '\n');
        }
        return;
    }
    char *xs = value_text(ctx, g->at.exact, g->at.x, fmt), *vs = point_value_text(ctx, &g->at, fmt);
    char *on = x->interval ? dx_show_text(ctx, DX_MSG(DX_M_EXT_ON_INTERVAL)) : NULL;
    if (g->flat) {
        /* attained on a whole stretch: said as the stretch */
        const dx_flat *fl = &x->flat[g->flat - 1];
        char *to = value_text(ctx, fl->exact_to, fl->to, fmt);
        dx_show_say(ctx, b, DX_MSG(max ? DX_M_EXT_GLOBAL_MAX_FLAT : DX_M_EXT_GLOBAL_MIN_FLAT, DX_S(on), DX_S(vs),
                                   DX_S(x->var), DX_S(xs), DX_S(to)));
        b->oom |= !to;
        dx_free(to);
    } else {
        dx_show_say(ctx, b, DX_MSG(max ? DX_M_EXT_GLOBAL_MAX : DX_M_EXT_GLOBAL_MIN, DX_S(on), DX_S(vs), DX_S(x->var),
                                   DX_S(xs)));
    }
    b->oom |= !xs || !vs || (x->interval && !on);
    dx_free(xs);
    dx_free(vs);
    dx_free(on);
    for (size_t i = 0; i < g->ties; i++) {
        char *tx = value_text(ctx, NULL, g->tie_x[i], fmt);
        dx_show_say(ctx, b, DX_MSG(DX_M_EXT_TIE, DX_S(x->var), DX_S(tx)));
        b->oom |= !tx;
        dx_free(tx);
    }
    if (g->endpoint)
        dx_show_say(ctx, b, DX_MSG(DX_M_EXT_AT_END));
    dx_buf_putc(b, '\n');
}

static dx_msg_id kind_id(dx_cp_kind k)
{
    return k == DX_CP_MIN ? DX_M_EXT_LOCAL_MIN : k == DX_CP_MAX ? DX_M_EXT_LOCAL_MAX : DX_M_EXT_NEITHER;
}

/* A flat stretch, as one line: its ends exact where kinks bound it, else grid points. */
static void show_flat(dx_ctx *ctx, const dx_extrema_result *x, const dx_flat *f, dx_format fmt, dx_buf *b)
{
    char *from = value_text(ctx, f->exact_from, f->from, fmt), *to = value_text(ctx, f->exact_to, f->to, fmt);
    char *v = value_text(ctx, f->exact_value, f->value, fmt), *k = dx_show_text(ctx, DX_MSG(kind_id(f->kind)));
    dx_show_say(ctx, b, DX_MSG(DX_M_EXT_FLAT, DX_S(x->var), DX_S(from), DX_S(to), DX_S(v), DX_S(k)));
    b->oom |= !from || !to || !v || !k;
    dx_free(from);
    dx_free(to);
    dx_free(v);
    dx_free(k);
    dx_buf_putc(b, '\n');
    dx_show_say(ctx, b, DX_MSG(DX_M_EXT_FLAT_2));
    dx_buf_putc(b, '\n');
}

static void show_point_line(dx_ctx *ctx, const dx_extrema_result *x, dx_msg_id id, const dx_xpoint *p, dx_msg_id kind,
                            dx_format fmt, dx_buf *b)
{
    char *xs = value_text(ctx, p->exact, p->x, fmt), *vs = point_value_text(ctx, p, fmt);
    char *k = kind != DX_M_NONE ? dx_show_text(ctx, DX_MSG(kind)) : NULL;
    dx_show_say(ctx, b, DX_MSG(id, DX_S(x->var), DX_S(xs), DX_S(vs), DX_S(k)));
    b->oom |= !xs || !vs || (kind != DX_M_NONE && !k);
    dx_free(xs);
    dx_free(vs);
    dx_free(k);
}

static void show_text(dx_ctx *ctx, const dx_extrema_result *x, dx_format fmt, dx_buf *b)
{
    dx_buf_printf(b, "f(%s) = ", x->var);
    dx_buf_expr(b, ctx, x->f, fmt);
    dx_buf_printf(b, "\nf'(%s) = ", x->var);
    /* f' of a product of 179 factors is a 270 KB sum: the page shows its start and its size
     * (the whole is one `dfdx diff` away, and in the JSON) */
    dx_buf d = {0};
    dx_buf_expr(&d, ctx, x->df, fmt);
    char *ds = dx_buf_take(&d);
    size_t len = ds ? strlen(ds) : 0;
    if (len > DF_SHOWN) {
        size_t cut = DF_CUT;
        while (cut > 0 && ds[cut] != ' ')
            cut--;
        dx_buf_printf(b, "%.*s ", (int)cut, ds);
        dx_show_say(ctx, b, DX_MSG(DX_M_EXT_DF_CUT, DX_I((long long)len)));
    } else if (ds) {
        dx_buf_puts(b, ds);
    }
    b->oom |= !ds;
    dx_free(ds);
    dx_buf_putc(b, '\n');
    char t[40];
    if (x->polynomial)
        dx_show_say(ctx, b, DX_MSG(DX_M_EXT_METHOD_EXACT));
    else
        dx_show_say(ctx, b, DX_MSG(DX_M_EXT_METHOD_GRID, DX_D(x->from), DX_D(x->to), DX_I(x->grid),
                                   DX_S(dx_show_num(t, x->step))));
    dx_buf_putc(b, '\n');
    if (x->polynomial && x->degree == 0) {
        dx_show_say(ctx, b, DX_MSG(DX_M_EXT_CONSTANT, DX_S(x->var)));
        dx_buf_putc(b, '\n');
        return;
    }
    if (x->nowhere) {
        dx_show_say(ctx, b, DX_MSG(DX_M_EXT_NOTHING, DX_D(x->from), DX_D(x->to)));
        dx_buf_putc(b, '\n');
        return;
    }
    if (x->ncrit == 0 && x->nflat == 0) {
        if (!x->polynomial) {
            char *in = x->interval ? dx_show_text(ctx, DX_MSG(DX_M_EXT_IN_INTERVAL)) : NULL;
            dx_show_say(ctx, b, DX_MSG(DX_M_EXT_NONE_GRID, DX_S(in)));
            b->oom |= x->interval && !in;
            dx_free(in);
        } else {
            dx_show_say(ctx, b, DX_MSG(x->interval ? DX_M_EXT_NONE_INTERVAL : DX_M_EXT_NONE));
        }
        dx_buf_putc(b, '\n');
    } else {
        dx_show_say(ctx, b, DX_MSG(x->polynomial ? DX_M_EXT_CRIT_HEAD : DX_M_EXT_CRIT_HEAD_GRID));
        dx_buf_putc(b, '\n');
        size_t fi = 0;
        for (size_t i = 0; i < x->ncrit; i++) {
            const dx_crit *k = &x->crit[i];
            while (fi < x->nflat && x->flat[fi].from < k->at.x)
                show_flat(ctx, x, &x->flat[fi++], fmt, b);
            show_point_line(ctx, x, DX_M_EXT_POINT, &k->at, kind_id(k->kind), fmt, b);
            if (k->mult > 1)
                dx_show_say(ctx, b, DX_MSG(DX_M_EXT_MULT, DX_I(k->mult)));
            dx_buf_putc(b, '\n');
            char *test = dx_show_text(ctx, k->test);
            dx_show_say(ctx, b, DX_MSG(DX_M_EXT_BY, DX_S(test)));
            b->oom |= !test;
            dx_free(test);
            dx_buf_putc(b, '\n');
        }
        while (fi < x->nflat)
            show_flat(ctx, x, &x->flat[fi++], fmt, b);
    }
    if (x->ninfl) {
        dx_show_say(ctx, b, DX_MSG(DX_M_EXT_INFL_HEAD));
        dx_buf_putc(b, '\n');
        for (size_t i = 0; i < x->ninfl; i++) {
            show_point_line(ctx, x, DX_M_EXT_INFL, &x->infl[i], DX_M_NONE, fmt, b);
            dx_buf_putc(b, '\n');
        }
    }
    show_global(ctx, x, false, &x->min, fmt, b);
    show_global(ctx, x, true, &x->max, fmt, b);
}

void dx_show_extrema(dx_ctx *ctx, const dx_extrema_result *x, dx_show how, struct dx_buf *out)
{
    if (how == DX_SHOW_JSON)
        show_json(ctx, x, out);
    else
        show_text(ctx, x, how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN, out);
}
