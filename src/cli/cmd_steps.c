/* dfdx steps: the derivation, one rule application per line, from diff's recorder. */
#include "cli.h"
#include "steps.h"

#include <stdlib.h>
#include <string.h>

int cli_steps(cli *c, const cli_args *a);

/* Widest expression column before the rules move to their own column position. */
#define RULE_COLUMN_MAX 56

/* One printed row: the expression so far, and the rule that got there. */
typedef struct {
    char *expr;
    char *label;
    const char *rule, *formula;
} row;

/* s as LaTeX text mode can take it: ^ and friends escaped. */
static void tex_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '^')
            fputs("\\textasciicircum{}", f);
        else if (strchr("_&%#${}", *s))
            fprintf(f, "\\%c", *s);
        else
            fputc(*s, f);
    }
}

static void emit(cli *c, const char *start, const row *r, size_t n, const char *input, const char *var,
                 const char *final)
{
    if (c->fmt == OUT_JSON) {
        cli_json_open(c->out, input, var);
        fputs(", \"steps\": [", c->out);
        for (size_t i = 0; i < n; i++) {
            fputs(i ? ", {\"rule\": " : "{\"rule\": ", c->out);
            cli_json_str(c->out, r[i].rule);
            fputs(", \"description\": ", c->out);
            cli_json_str(c->out, r[i].label);
            fputs(", \"formula\": ", c->out);
            cli_json_str(c->out, r[i].formula);
            fputs(", \"before\": ", c->out);
            cli_json_str(c->out, i ? r[i - 1].expr : start);
            fputs(", \"after\": ", c->out);
            cli_json_str(c->out, r[i].expr);
            fputs("}", c->out);
        }
        fputs("], \"derivative\": ", c->out);
        cli_json_str(c->out, final);
        fputs("}\n", c->out);
    } else if (c->fmt == OUT_LATEX) {
        fputs("\\begin{aligned}\n", c->out);
        for (size_t i = 0; i < n; i++) {
            fprintf(c->out, "%s &= %s && \\text{", i ? "" : start, r[i].expr);
            tex_text(c->out, r[i].label);
            fputs(": }\\texttt{", c->out);
            tex_text(c->out, r[i].formula);
            fputc('}', c->out);
            fputs(i + 1 < n ? " \\\\\n" : "\n", c->out);
        }
        fputs("\\end{aligned}\n", c->out);
    } else {
        size_t w = 0;
        for (size_t i = 0; i < n; i++)
            if (strlen(r[i].expr) > w)
                w = strlen(r[i].expr);
        if (w > RULE_COLUMN_MAX)
            w = RULE_COLUMN_MAX;
        fprintf(c->out, "%s\n", start);
        for (size_t i = 0; i < n; i++)
            fprintf(c->out, "  = %-*s   %s: %s\n", (int)w, r[i].expr, r[i].label, r[i].formula);
        /* the conclusion is exactly what dfdx diff prints */
        fprintf(c->out, "%s = %s\n", start, final);
    }
}

int cli_steps(cli *c, const cli_args *a)
{
    const char *var;
    dx_expr *e = cli_function(c, a, NULL, &var);
    if (!e)
        return CLI_BAD;
    dx_expr *v = dx_sym(c->ctx, var, strlen(var));
    dx_steps s;
    if (!v || dx_steps_build(c->ctx, e, v, &s) != DX_OK)
        return cli_report(c, NULL);
    dx_expr *final = dx_derivative(c->ctx, e, var, 1);
    dx_format fmt = c->fmt == OUT_LATEX ? DX_LATEX : DX_PLAIN;
    /* one more row when the diff command's final form is not where the rules arrived */
    size_t n = s.n + (final != s.result);
    row *r = calloc(n, sizeof *r);
    char *start = dx_steps_print(c->ctx, &s, s.start, fmt);
    char *fin = final ? cli_show(c, final) : NULL;
    char *input = dx_print(c->ctx, e, DX_PLAIN);
    bool ok = r && start && fin && input;
    for (size_t i = 0; ok && i < s.n; i++) {
        r[i].rule = dx_rule_names[s.step[i].rule];
        r[i].expr = dx_steps_print(c->ctx, &s, s.step[i].after, fmt);
        ok = r[i].expr && dx_steps_describe(c->ctx, &s, i, &r[i].label, &r[i].formula);
    }
    if (ok && n > s.n) {
        r[s.n] = (row){strdup(fin), strdup("simplified"), "simplify", "the form dfdx diff prints"};
        ok = r[s.n].expr && r[s.n].label;
    }
    int rc = CLI_OK;
    if (ok)
        emit(c, start, r, n, input, var, fin);
    else
        rc = final ? cli_usage(c, "out of memory") : cli_report(c, NULL);
    for (size_t i = 0; r && i < n; i++) {
        free(r[i].expr);
        free(r[i].label);
    }
    free(r);
    free(start);
    free(fin);
    free(input);
    dx_steps_free(&s);
    return rc;
}
