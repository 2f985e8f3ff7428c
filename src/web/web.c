/* dfdx for the page (compiled only into the WebAssembly build): each call takes the page's
 * inputs as text, makes one library call in a fresh context and returns one JSON object,
 * malloc'd, which the page frees with dxw_free:
 *   {"ok": true, "input": {...how f was read...}, ...the result...}
 *   {"ok": false, "error": {"kind": "syntax error", "message": "...", "column": 5, "field": "f"}}
 * The results are the renderers' own texts (plain, LaTeX, JSON), so the page shows what the
 * program prints: "plain" is exactly the program's standard output. */
#include "web.h"

#include <dfdx.h>
#include <emscripten/emscripten.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Input large enough for a page, well below what would make the tab wait for memory. */
#define DXW_NODES ((size_t)4 * 1000 * 1000)

typedef struct dxw {
    dx_ctx *ctx;
    dx_buf out;
    dx_expr *f;
    const char *var;
} dxw;

static bool is_cont(unsigned char ch) { return (ch & 0xC0) == 0x80; }

/* The renderer's text without its final newline, as a JSON string member. */
static void member_text(dx_buf *b, const char *key, dx_buf *text)
{
    while (text->n && text->s[text->n - 1] == '\n')
        text->s[--text->n] = 0;
    dx_json_key(b, key, false);
    dx_json_str(b, text->s ? text->s : "");
    dx_buf_free(text);
}

/* The renderer's JSON object, as a member. */
static void member_json(dx_buf *b, const char *key, dx_buf *json)
{
    while (json->n && json->s[json->n - 1] == '\n')
        json->s[--json->n] = 0;
    dx_json_key(b, key, false);
    dx_buf_puts(b, json->n ? json->s : "null");
    dx_buf_free(json);
}

/* The error of the last call on w->ctx, with the program's words ("syntax error" or "error")
 * and column: text is what was parsed (NULL when the error has no place in a text). */
static char *fail(dxw *w, const char *text, const char *field)
{
    if (!w->ctx)
        return strdup("{\"ok\": false, \"error\": {\"kind\": \"error\", \"message\": \"out of memory\", "
                      "\"column\": null, \"field\": \"f\"}}");
    const dx_error *e = dx_ctx_error(w->ctx);
    dx_buf_free(&w->out);
    dx_buf *b = &w->out;
    dx_buf_puts(b, "{\"ok\": false, \"error\": {\"kind\": ");
    dx_json_str(b, e->status == DX_ESYNTAX ? "syntax error" : "error");
    char *msg = dx_ctx_errmsg(w->ctx, DX_PLAIN);
    dx_json_key(b, "message", false);
    dx_json_str(b, msg ? msg : "out of memory");
    free(msg);
    dx_json_key(b, "column", false);
    if (text && e->pos >= 0 && (size_t)e->pos <= strlen(text)) {
        long col = 1;
        for (long i = 0; i < e->pos; i++)
            col += !is_cont((unsigned char)text[i]);
        dx_buf_printf(b, "%ld", col);
    } else {
        dx_buf_puts(b, "null");
    }
    dx_json_key(b, "field", false);
    dx_json_str(b, field);
    dx_buf_puts(b, "}}");
    char *s = dx_buf_take(b);
    dx_ctx_free(w->ctx);
    return s;
}

static char *done(dxw *w)
{
    dx_buf_putc(&w->out, '}');
    char *s = dx_buf_take(&w->out);
    dx_ctx_free(w->ctx);
    return s;
}

/* Parse f and pick its variable as the program does (the one asked, else x, else the first
 * in alphabetical order); open the answer with how f was read. */
static bool start(dxw *w, const char *f, const char *var)
{
    *w = (dxw){ dx_ctx_new(), {0}, NULL, NULL };
    if (!w->ctx)
        return false;
    dx_ctx_set_budget(w->ctx, DXW_NODES);
    dx_parse_info info;
    const char *names[1] = { var };
    dx_parse_opts opts = { names, var && *var ? 1 : 0, false };
    w->f = dx_parse_ex(w->ctx, f, strlen(f), &opts, &info);
    if (!w->f)
        return false;
    dx_ctx_set_decimals(w->ctx, info.decimals);
    const char **vars;
    size_t nv = dx_vars(w->ctx, w->f, &vars);
    w->var = var && *var ? var : nv == 0 ? "x" : vars[0];
    for (size_t i = 0; !(var && *var) && i < nv; i++)
        if (strcmp(vars[i], "x") == 0)
            w->var = "x";
    dx_buf *b = &w->out;
    dx_buf_puts(b, "{\"ok\": true, \"input\": {\"plain\": ");
    char *s = dx_print(w->ctx, w->f, DX_PLAIN);
    dx_json_str(b, s ? s : "");
    free(s);
    s = dx_print(w->ctx, w->f, DX_LATEX);
    dx_json_key(b, "latex", false);
    dx_json_str(b, s ? s : "");
    free(s);
    dx_json_key(b, "notes", false);
    dx_buf_putc(b, '[');
    for (size_t i = 0; i < info.nnotes; i++) {
        char *note = dx_msg_text(w->ctx, &info.notes[i], DX_PLAIN);
        if (i)
            dx_buf_puts(b, ", ");
        dx_json_str(b, note ? note : "");
        free(note);
    }
    dx_buf_puts(b, "]");
    dx_json_key(b, "vars", false);
    dx_buf_putc(b, '[');
    for (size_t i = 0; i < nv; i++) {
        if (i)
            dx_buf_puts(b, ", ");
        dx_json_str(b, vars[i]);
    }
    dx_buf_putc(b, ']');
    dx_json_key(b, "var", false);
    dx_json_str(b, w->var);
    dx_buf_putc(b, '}');
    return true;
}

EMSCRIPTEN_KEEPALIVE void dxw_free(char *s) { free(s); }

/* The order-th derivative: the program's plain text, LaTeX, and the kinks as notes. */
EMSCRIPTEN_KEEPALIVE char *dxw_derivative(const char *f, const char *var, int order)
{
    dxw w;
    if (!start(&w, f, var))
        return fail(&w, f, "f");
    dx_derived r;
    if (dx_derive(w.ctx, w.f, w.var, (unsigned)order, &r) != DX_OK)
        return fail(&w, NULL, "order");
    dx_buf t = {0};
    dx_show_derivative(w.ctx, &r, DX_SHOW_PLAIN, &t);
    member_text(&w.out, "plain", &t);
    dx_show_derivative(w.ctx, &r, DX_SHOW_LATEX, &t);
    member_text(&w.out, "latex", &t);
    dx_json_key(&w.out, "kinks", false);
    dx_buf_putc(&w.out, '[');
    for (size_t i = 0; i < r.nkinks; i++) {
        if (i)
            dx_buf_puts(&w.out, ", ");
        dx_show_kink(w.ctx, &r, i, DX_SHOW_PLAIN, &t);
        dx_json_str(&w.out, t.s ? t.s : "");
        dx_buf_free(&t);
    }
    dx_buf_putc(&w.out, ']');
    return done(&w);
}

/* The steps of the first derivative, as LaTeX (one aligned block) and JSON. */
EMSCRIPTEN_KEEPALIVE char *dxw_steps(const char *f, const char *var)
{
    dxw w;
    if (!start(&w, f, var))
        return fail(&w, f, "f");
    dx_steps s;
    if (dx_steps_build(w.ctx, w.f, w.var, &s) != DX_OK)
        return fail(&w, NULL, "f");
    dx_buf t = {0};
    dx_show_steps(w.ctx, &s, DX_SHOW_LATEX, &t);
    member_text(&w.out, "latex", &t);
    dx_show_steps(w.ctx, &s, DX_SHOW_JSON, &t);
    member_json(&w.out, "json", &t);
    dx_steps_free(&s);
    return done(&w);
}

/* A student's answer to the order-th derivative: the verdict as the program prints it. */
EMSCRIPTEN_KEEPALIVE char *dxw_check(const char *f, const char *var, int order, const char *answer)
{
    dxw w;
    if (!start(&w, f, var))
        return fail(&w, f, "f");
    dx_check_result r;
    if (dx_check(w.ctx, w.f, w.var, (unsigned)order, answer, strlen(answer), &r) != DX_OK)
        return fail(&w, answer, "answer");
    dx_buf t = {0};
    dx_show_check(w.ctx, &r, DX_SHOW_PLAIN, &t);
    member_text(&w.out, "text", &t);
    dx_show_check(w.ctx, &r, DX_SHOW_JSON, &t);
    member_json(&w.out, "json", &t);
    return done(&w);
}

/* The tangent at the point written as at ("1.5", "pi/4"). */
EMSCRIPTEN_KEEPALIVE char *dxw_tangent(const char *f, const char *var, const char *at)
{
    dxw w;
    if (!start(&w, f, var))
        return fail(&w, f, "f");
    dx_tangent_result r;
    if (dx_tangent(w.ctx, w.f, w.var, at, NULL, NULL, 0, &r) != DX_OK)
        return fail(&w, at, "at");
    dx_buf t = {0};
    dx_show_tangent(w.ctx, &r, DX_SHOW_PLAIN, &t);
    member_text(&w.out, "text", &t);
    dx_show_tangent(w.ctx, &r, DX_SHOW_JSON, &t);
    member_json(&w.out, "json", &t);
    return done(&w);
}

/* The critical points, classified, and the inflection points. */
EMSCRIPTEN_KEEPALIVE char *dxw_extrema(const char *f, const char *var)
{
    dxw w;
    if (!start(&w, f, var))
        return fail(&w, f, "f");
    dx_extrema_result x;
    if (dx_extrema(w.ctx, w.f, w.var, NULL, NULL, &x) != DX_OK)
        return fail(&w, NULL, "f");
    dx_buf t = {0};
    dx_show_extrema(w.ctx, &x, DX_SHOW_PLAIN, &t);
    member_text(&w.out, "text", &t);
    dx_show_extrema(w.ctx, &x, DX_SHOW_JSON, &t);
    member_json(&w.out, "json", &t);
    dx_extrema_free(&x);
    return done(&w);
}

/* Words for infinity the program's --at takes. */
static const struct { const char *word; int sign; } inf_words[] = {
    { "oo", 1 }, { "+oo", 1 }, { "-oo", -1 }, { "inf", 1 }, { "-inf", -1 }, { "infinity", 1 },
    { "-infinity", -1 }, { "\xe2\x88\x9e", 1 }, { "-\xe2\x88\x9e", -1 },
};

/* The limit at at (a closed expression or oo/-oo) from side ("both", "left", "right"), with
 * continuity and differentiability. */
EMSCRIPTEN_KEEPALIVE char *dxw_limit(const char *f, const char *var, const char *at, const char *side)
{
    dxw w;
    if (!start(&w, f, var))
        return fail(&w, f, "f");
    dx_point p = { NULL, 0 };
    for (size_t i = 0; i < sizeof inf_words / sizeof inf_words[0]; i++)
        if (strcmp(at, inf_words[i].word) == 0)
            p.inf = inf_words[i].sign;
    if (!p.inf && !(p.at = dx_parse(w.ctx, at, strlen(at))))
        return fail(&w, at, "at");
    bool left = strcmp(side, "left") == 0, right = strcmp(side, "right") == 0;
    if (p.inf && (left || right) && left != (p.inf > 0))
        left = right = false;
    dx_limit_report r;
    if (dx_limit(w.ctx, w.f, w.var, p, left, right, &r) != DX_OK)
        return fail(&w, NULL, "at");
    dx_buf t = {0};
    dx_show_limit(w.ctx, &r, DX_SHOW_PLAIN, &t);
    member_text(&w.out, "text", &t);
    dx_show_limit(w.ctx, &r, DX_SHOW_JSON, &t);
    member_json(&w.out, "json", &t);
    return done(&w);
}

/* The methods as the program's --method names them. */
static const struct { const char *name; dx_descend_method method; } methods[] = {
    { "gd", DX_GD }, { "momentum", DX_MOMENTUM }, { "adam", DX_ADAM },
};

/* Gradient descent on var from start with each rate of rates[0..nrates) (at most
 * DX_DESCEND_MAX_RATES) for at most steps steps, by method with beta and beta2 (NaN: the
 * defaults): the lesson's text and every run's path for the plot. */
EMSCRIPTEN_KEEPALIVE char *dxw_descend(const char *f, const char *var, double x0, const double *rates, int nrates,
                                       int steps, const char *method, double beta, double beta2)
{
    dxw w;
    if (!start(&w, f, var))
        return fail(&w, f, "f");
    dx_descend_opts o;
    dx_descend_defaults(&o);
    o.steps = steps;
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (strcmp(method, methods[i].name) == 0)
            o.method = methods[i].method;
    o.beta = isnan(beta) ? o.beta : beta;
    o.beta2 = isnan(beta2) ? o.beta2 : beta2;
    if (nrates > DX_DESCEND_MAX_RATES)
        nrates = DX_DESCEND_MAX_RATES;
    for (int i = 0; i < nrates; i++) {
        o.rate = rates[i];
        if (!dx_descend_check(w.ctx, &o))
            return fail(&w, NULL, "rate");
    }
    const char *vars[1] = { w.var };
    dx_descend_request q = { vars, &x0, 1, NULL, NULL, 0, o, rates, (size_t)nrates, 40, true, NULL };
    dx_descend_lesson *l = dx_descend(w.ctx, w.f, &q);
    if (!l)
        return fail(&w, NULL, "f");
    dx_buf t = {0};
    dx_show_descend(w.ctx, l, DX_SHOW_PLAIN, false, &t);
    member_text(&w.out, "text", &t);
    dx_json_key(&w.out, "paths", false);
    dx_buf_putc(&w.out, '[');
    for (size_t k = 0; k < l->nruns; k++) {
        const dx_descend_trace *tr = &l->runs[k].trace;
        dx_buf_printf(&w.out, "%s{\"rate\": ", k ? ", " : "");
        dx_json_num(&w.out, l->runs[k].rate);
        dx_json_key(&w.out, "x", false);
        for (size_t i = 0; i < tr->n; i++) {
            dx_buf_putc(&w.out, i ? ',' : '[');
            dx_json_num(&w.out, tr->x[i]);
        }
        dx_buf_puts(&w.out, tr->n ? "]" : "[]");
        dx_json_key(&w.out, "loss", false);
        for (size_t i = 0; i < tr->n; i++) {
            dx_buf_putc(&w.out, i ? ',' : '[');
            dx_json_num(&w.out, tr->loss[i]);
        }
        dx_buf_puts(&w.out, tr->n ? "]}" : "[]}");
    }
    dx_buf_putc(&w.out, ']');
    dx_descend_lesson_free(l);
    return done(&w);
}

/* One sampled curve of a plot as JSON arrays: y (null outside the domain) and the breaks. */
static void curve(dx_buf *b, const dx_plot_series *s)
{
    dx_buf_puts(b, "{\"y\": [");
    for (size_t i = 0; i < s->n; i++) {
        if (i)
            dx_buf_putc(b, ',');
        dx_json_num(b, s->py[i]);
    }
    dx_buf_puts(b, "], \"breaks\": [");
    bool first = true;
    for (size_t i = 0; s->brk && i + 1 < s->n; i++)
        if (s->brk[i]) {
            dx_buf_printf(b, "%s%zu", first ? "" : ",", i);
            first = false;
        }
    dx_buf_puts(b, "]}");
}

/* f and its order-th derivative sampled at n points of [x0, x1] by the library's plot
 * sampling (poles broken, a robust y-range, nice ticks). */
EMSCRIPTEN_KEEPALIVE char *dxw_plot(const char *f, const char *var, int order, double x0, double x1, int n)
{
    dxw w;
    if (!start(&w, f, var))
        return fail(&w, f, "f");
    dx_expr *df = dx_derivative(w.ctx, w.f, w.var, (unsigned)order);
    dx_plot *p = df ? dx_plot_new(w.ctx, x0, x1, (size_t)n) : NULL;
    if (!p || dx_plot_add_expr(p, w.ctx, w.f, w.var, "f", true, false) != DX_OK ||
        dx_plot_add_expr(p, w.ctx, df, w.var, "f'", true, true) != DX_OK || dx_plot_finish(p, w.ctx) != DX_OK) {
        dx_plot_free(p);
        return fail(&w, NULL, "f");
    }
    dx_buf *b = &w.out;
    dx_json_key(b, "x0", false);
    dx_json_num(b, p->x0);
    dx_json_key(b, "x1", false);
    dx_json_num(b, p->x1);
    dx_json_key(b, "y0", false);
    dx_json_num(b, p->y0);
    dx_json_key(b, "y1", false);
    dx_json_num(b, p->y1);
    dx_json_key(b, "f", false);
    curve(b, &p->s[0]);
    dx_json_key(b, "df", false);
    curve(b, &p->s[1]);
    dx_plot_free(p);
    return done(&w);
}
