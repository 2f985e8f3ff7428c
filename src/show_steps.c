/* The text of dfdx steps: plain rows with the rules in a column, LaTeX aligned, or JSON. */
#include "alloc.h"
#include "expr.h"

#include <stdlib.h>
#include <string.h>

/* Widest expression column before the rules move to their own column position. */
#define RULE_COLUMN_MAX 56

/* The node whose open derivative is the symbol @id@: every open derivative gets a step. */
static const dx_expr *opened(const dx_steps *s, unsigned long id)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->step[i].node->id == id)
            return s->step[i].node;
    return NULL;
}

/* e printed with each open derivative shown as d/dx(u) (LaTeX: \frac{d}{dx}\left(u\right)). */
static void put_open(dx_ctx *ctx, const dx_steps *s, const dx_expr *e, dx_format fmt, dx_buf *b)
{
    char *t = dx_print(ctx, e, fmt);
    if (!t) {
        b->oom = true;
        return;
    }
    static const char mathrm[] = "\\mathrm{@";
    for (const char *p = t; *p;) {
        bool tex = fmt == DX_LATEX && strncmp(p, mathrm, sizeof mathrm - 1) == 0;
        if (*p != '@' && !tex) {
            dx_buf_putc(b, *p++);
            continue;
        }
        char *end;
        unsigned long id = strtoul(p + (tex ? sizeof mathrm - 1 : 1), &end, 10);
        const dx_expr *u = opened(s, id);
        if (*end != '@' || !u) { /* not one of ours: keep the text */
            dx_buf_putc(b, *p++);
            continue;
        }
        p = end + 1 + (tex && end[1] == '}');
        dx_buf_puts(b, fmt == DX_LATEX ? "\\frac{d}{d" : "d/d");
        dx_buf_puts(b, s->var);
        dx_buf_puts(b, fmt == DX_LATEX ? "}\\left(" : "(");
        dx_buf_expr(b, ctx, u, fmt);
        dx_buf_puts(b, fmt == DX_LATEX ? "\\right)" : ")");
    }
    dx_free(t);
}

/* The texts of the rows: the expression so far, the label, the formula, each NUL-terminated. */
typedef struct {
    dx_buf expr, label, formula;
} row;

/* s as LaTeX text mode can take it: ^ and friends escaped. */
static void tex_text(dx_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '^')
            dx_buf_puts(b, "\\textasciicircum{}");
        else if (strchr("_&%#${}", *s))
            dx_buf_printf(b, "\\%c", *s);
        else
            dx_buf_putc(b, *s);
    }
}

static const char *text(const dx_buf *b) { return b->s ? b->s : ""; }

static void show_json(dx_ctx *ctx, const dx_steps *s, const row *r, const char *start, const char *final,
                      dx_buf *out)
{
    dx_buf_putc(out, '{');
    dx_json_key(out, "input", true);
    dx_json_expr(out, ctx, s->f);
    dx_json_key(out, "variable", false);
    dx_json_str(out, s->var);
    dx_json_key(out, "steps", false);
    dx_buf_putc(out, '[');
    for (size_t i = 0; i < s->n; i++) {
        dx_buf_puts(out, i ? ", {" : "{");
        dx_json_key(out, "rule", true);
        /* the rule's name is data for programs: its English row, never translated */
        dx_json_str(out, dx_msg_template(dx_rule_name(s->step[i].rule)));
        dx_json_key(out, "description", false);
        dx_json_str(out, text(&r[i].label));
        dx_json_key(out, "formula", false);
        dx_json_str(out, text(&r[i].formula));
        dx_json_key(out, "before", false);
        dx_json_str(out, i ? text(&r[i - 1].expr) : start);
        dx_json_key(out, "after", false);
        dx_json_str(out, text(&r[i].expr));
        dx_buf_putc(out, '}');
    }
    dx_buf_putc(out, ']');
    dx_json_key(out, "derivative", false);
    dx_json_str(out, final);
    dx_buf_puts(out, "}\n");
}

static void show_latex(const dx_steps *s, const row *r, const char *start, dx_buf *out)
{
    dx_buf_puts(out, "\\begin{aligned}\n");
    for (size_t i = 0; i < s->n; i++) {
        dx_buf_printf(out, "%s &= %s && \\text{", i ? "" : start, text(&r[i].expr));
        tex_text(out, text(&r[i].label));
        dx_buf_puts(out, ": }\\texttt{");
        tex_text(out, text(&r[i].formula));
        dx_buf_putc(out, '}');
        dx_buf_puts(out, i + 1 < s->n ? " \\\\\n" : "\n");
    }
    dx_buf_puts(out, "\\end{aligned}\n");
}

static void show_plain(const dx_steps *s, const row *r, const char *start, const char *final, dx_buf *out)
{
    size_t w = 0;
    for (size_t i = 0; i < s->n; i++)
        if (r[i].expr.n > w)
            w = r[i].expr.n;
    if (w > RULE_COLUMN_MAX)
        w = RULE_COLUMN_MAX;
    dx_buf_printf(out, "%s\n", start);
    for (size_t i = 0; i < s->n; i++)
        dx_buf_printf(out, "  = %-*s   %s: %s\n", (int)w, text(&r[i].expr), text(&r[i].label),
                      text(&r[i].formula));
    /* the conclusion is exactly what dfdx diff prints */
    dx_buf_printf(out, "%s = %s\n", start, final);
}

void dx_show_steps(dx_ctx *ctx, const dx_steps *s, dx_show how, dx_buf *out)
{
    dx_format fmt = how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN;
    row *r = dx_calloc(s->n ? s->n : 1, sizeof *r);
    dx_buf start = {0}, final = {0};
    put_open(ctx, s, s->start, fmt, &start);
    dx_buf_expr(&final, ctx, s->result, fmt);
    bool ok = r && !start.oom && !final.oom;
    for (size_t i = 0; ok && i < s->n; i++) {
        put_open(ctx, s, s->step[i].after, fmt, &r[i].expr);
        /* the labels name inner expressions in plain form, in every format */
        dx_msg_render(ctx, &r[i].label, &s->step[i].label, DX_PLAIN);
        dx_msg_render(ctx, &r[i].formula, &s->step[i].formula, DX_PLAIN);
        ok = !r[i].expr.oom && !r[i].label.oom && !r[i].formula.oom;
    }
    if (!ok)
        out->oom = true;
    else if (how == DX_SHOW_JSON)
        show_json(ctx, s, r, text(&start), text(&final), out);
    else if (how == DX_SHOW_LATEX)
        show_latex(s, r, text(&start), out);
    else
        show_plain(s, r, text(&start), text(&final), out);
    for (size_t i = 0; r && i < s->n; i++) {
        dx_buf_free(&r[i].expr);
        dx_buf_free(&r[i].label);
        dx_buf_free(&r[i].formula);
    }
    dx_free(r);
    dx_buf_free(&start);
    dx_buf_free(&final);
}
