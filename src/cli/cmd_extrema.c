/* dfdx extrema: every critical point, classified, with the global extremes. */
#include "cli.h"

#include "eval.h"
#include "extrema.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int cli_extrema(cli *c, const cli_args *a);

/* The shortest decimal that reads back as v. */
static void num_text(char *buf, size_t n, double v)
{
    if (v == 0)
        v = 0; /* no "-0" */
    for (int prec = 6; prec <= 17; prec++) {
        snprintf(buf, n, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

/* "2 - sqrt(3) ≈ 0.2679491924311228", "pi/2 ≈ 1.5707963267948966", "-1", "1/3",
 * "0.7071067811865476"; the exact form in LaTeX
 * under --format latex. */
static void show_value(cli *c, char *buf, size_t n, const char *exact, double v)
{
    char d[40];
    num_text(d, sizeof d, v);
    char *ex = exact ? cli_text(c, exact) : NULL;
    if (ex && strcmp(exact, d) != 0 && strpbrk(exact, "abcdefghijklmnopqrstuvwxyz")) /* sqrt, pi, e */
        snprintf(buf, n, "%s %s %s", ex, c->fmt == OUT_LATEX ? "\\approx" : "≈", d);
    else
        snprintf(buf, n, "%s", ex ? ex : d);
    free(ex);
}

static const char *kind_word(dx_cp_kind k) { return k == DX_CP_MIN ? "min" : k == DX_CP_MAX ? "max" : "neither"; }

static void json_point(FILE *o, const dx_xpoint *p)
{
    fputs("\"x\": ", o);
    cli_json_num(o, p->x);
    fputs(", \"value\": ", o);
    cli_json_num(o, p->value);
    fputs(", \"exact\": ", o);
    if (p->exact)
        cli_json_str(o, p->exact);
    else
        fputs("null", o);
    fputs(", \"exact_value\": ", o);
    if (p->exact_value)
        cli_json_str(o, p->exact_value);
    else
        fputs("null", o);
}

static void json_global(FILE *o, const char *name, const dx_global *g)
{
    fprintf(o, ", \"%s\": ", name);
    if (g->exists) {
        fputc('{', o);
        json_point(o, &g->at);
        fprintf(o, ", \"where\": \"%s\"}", g->endpoint < 0 ? "from" : g->endpoint > 0 ? "to" : "critical point");
    } else {
        fputs("null", o);
    }
    fprintf(o, ", \"%s_reason\": ", name);
    if (g->exists)
        fputs("null", o);
    else
        cli_json_str(o, g->why[0] ? g->why : "no critical point or interval end to compare");
}

static void print_json(cli *c, const char *fn, const char *var, const dx_extrema *x)
{
    FILE *o = c->out;
    fputs("{\"function\": ", o);
    cli_json_str(o, fn);
    fputs(", \"variable\": ", o);
    cli_json_str(o, var);
    fprintf(o, ", \"method\": \"%s\"", x->polynomial ? "exact" : "grid");
    if (x->polynomial)
        fprintf(o, ", \"degree\": %d", x->degree);
    fputs(", \"interval\": ", o);
    if (x->interval) {
        fputc('[', o);
        cli_json_num(o, x->from);
        fputs(", ", o);
        cli_json_num(o, x->to);
        fputc(']', o);
    } else {
        fputs("null", o);
    }
    if (!x->polynomial) {
        fprintf(o, ", \"grid_steps\": %zu, \"grid_step\": ", x->grid);
        cli_json_num(o, x->step);
    }
    fputs(", \"critical_points\": [", o);
    for (size_t i = 0; i < x->ncrit; i++) {
        const dx_crit *k = &x->crit[i];
        fputs(i ? ", {" : "{", o);
        json_point(o, &k->at);
        fprintf(o, ", \"kind\": \"%s\", \"test\": ", kind_word(k->kind));
        cli_json_str(o, k->test);
        fprintf(o, ", \"differentiable\": %s", k->kink ? "false" : "true");
        if (k->mult)
            fprintf(o, ", \"multiplicity\": %d", k->mult);
        fputc('}', o);
    }
    fputs("], \"flat_intervals\": [", o);
    for (size_t i = 0; i < x->nflat; i++) {
        fputs(i ? ", {\"from\": " : "{\"from\": ", o);
        cli_json_num(o, x->flat[i].from);
        fputs(", \"to\": ", o);
        cli_json_num(o, x->flat[i].to);
        fputs(", \"value\": ", o);
        cli_json_num(o, x->flat[i].value);
        fputc('}', o);
    }
    fprintf(o, "], \"defined\": %s", x->nowhere ? "false" : "true");
    fputs(", \"inflection_points\": [", o);
    for (size_t i = 0; i < x->ninfl; i++) {
        fputs(i ? ", {" : "{", o);
        json_point(o, &x->infl[i]);
        fputc('}', o);
    }
    fputc(']', o);
    json_global(o, "global_min", &x->min);
    json_global(o, "global_max", &x->max);
    fputs("}\n", o);
}

static void print_global(cli *c, const char *var, const char *what, const dx_global *g, const dx_extrema *x)
{
    FILE *o = c->out;
    if (!g->exists) {
        if (g->why[0])
            fprintf(o, "no global %s: %s\n", what, g->why);
        return;
    }
    char xs[160], vs[160];
    show_value(c, xs, sizeof xs, g->at.exact, g->at.x);
    show_value(c, vs, sizeof vs, g->at.exact_value, g->at.value);
    fprintf(o, "global %s%s: f = %s at %s = %s", what, x->interval ? " on the interval" : "", vs, var, xs);
    for (size_t i = 0; i < g->ties; i++) {
        num_text(xs, sizeof xs, g->tie_x[i]);
        fprintf(o, " and at %s = %s", var, xs);
    }
    if (g->endpoint)
        fprintf(o, " (an end of the interval)");
    fputc('\n', o);
}

/* A flat stretch, as one line: its ends are grid points, so short decimals say them. */
static void print_flat(FILE *o, const char *var, const dx_flat *f)
{
    fprintf(o, "  %s from %.6g to %.6g: f' = 0 at every grid point (to double precision), f = %.6g there:\n"
               "      f is flat, so every point of it is critical\n", var, f->from, f->to, f->value == 0 ? 0 : f->value);
}

static void print_plain(cli *c, const char *fn, const char *dfn, const char *var, const dx_extrema *x)
{
    FILE *o = c->out;
    fprintf(o, "f(%s) = %s\nf'(%s) = %s\n", var, fn, var, dfn);
    if (x->polynomial) {
        fprintf(o, "method: exact (real roots of f' isolated with exact arithmetic; none missed)\n");
    } else {
        char st[40];
        num_text(st, sizeof st, x->step);
        fprintf(o, "method: grid search on [%g, %g], %zu steps of %s, then Brent's method on f'\n", x->from, x->to,
                x->grid, st);
    }
    if (x->polynomial && x->degree == 0) {
        fprintf(o, "f is constant: every %s is a critical point, and f has the same value everywhere\n", var);
        return;
    }
    if (x->nowhere) {
        fprintf(o, "f is not defined anywhere on [%g, %g]: nothing to search\n", x->from, x->to);
        return;
    }
    if (x->ncrit == 0 && x->nflat == 0) {
        fprintf(o, "no critical points%s (%s)\n", x->interval ? " in the interval" : "",
                !x->polynomial ? "no zero of f', and no kink where f is defined"
                : x->interval  ? "f' is not 0 anywhere in it"
                               : "f' is never 0");
    } else {
        fprintf(o, "critical points (f' = 0%s):\n", x->polynomial ? "" : " or undefined");
        size_t fi = 0;
        for (size_t i = 0; i < x->ncrit; i++) {
            const dx_crit *k = &x->crit[i];
            while (fi < x->nflat && x->flat[fi].from < k->at.x)
                print_flat(o, var, &x->flat[fi++]);
            char xs[160], vs[160];
            show_value(c, xs, sizeof xs, k->at.exact, k->at.x);
            show_value(c, vs, sizeof vs, k->at.exact_value, k->at.value);
            const char *kind = k->kind == DX_CP_MIN ? "local min" : k->kind == DX_CP_MAX ? "local max" : "neither";
            fprintf(o, "  %s = %s, f = %s: %s", var, xs, vs, kind);
            if (k->mult > 1)
                fprintf(o, " (root of f' of multiplicity %d)", k->mult);
            fprintf(o, "\n      by %s\n", k->test);
        }
        while (fi < x->nflat)
            print_flat(o, var, &x->flat[fi++]);
    }
    if (x->ninfl) {
        fprintf(o, "inflection points (f'' changes sign):\n");
        for (size_t i = 0; i < x->ninfl; i++) {
            char xs[160], vs[160];
            show_value(c, xs, sizeof xs, x->infl[i].exact, x->infl[i].x);
            show_value(c, vs, sizeof vs, x->infl[i].exact_value, x->infl[i].value);
            fprintf(o, "  %s = %s, f = %s\n", var, xs, vs);
        }
    }
    print_global(c, var, "min", &x->min, x);
    print_global(c, var, "max", &x->max, x);
}

int cli_extrema(cli *c, const cli_args *a)
{
    const char *fs = cli_get(a, "from"), *ts = cli_get(a, "to");
    double from, to;
    if ((fs == NULL) != (ts == NULL))
        return cli_usage(c, "give both ends of the interval: --from A --to B");
    if (fs && (!cli_number(c, "from", fs, &from) || !cli_number(c, "to", ts, &to)))
        return CLI_BAD;
    if (fs && !(from < to)) /* one point is no interval: its min and max would be one tie */
        return cli_usage(c, "--from (%s) must be less than --to (%s)", fs, ts);
    const char *var;
    dx_expr *e = cli_function(c, a, "extrema", &var);
    if (!e)
        return CLI_BAD;
    dx_expr *v = dx_sym(c->ctx, var, strlen(var));
    dx_expr *d = v ? dx_diff(c->ctx, e, var, 1) : NULL;
    if (!d)
        return cli_report(c, NULL);
    dx_extrema x;
    if (dx_extrema_find(c->ctx, e, v, fs ? &from : NULL, ts ? &to : NULL, &x) != DX_OK)
        return cli_report(c, NULL);
    char *fn = cli_show(c, e), *dfn = cli_show(c, d); /* plain for JSON */
    int rc = CLI_OK;
    if (!fn || !dfn)
        rc = cli_usage(c, "out of memory");
    else if (c->fmt == OUT_JSON)
        print_json(c, fn, var, &x);
    else
        print_plain(c, fn, dfn, var, &x);
    free(fn);
    free(dfn);
    dx_extrema_free(&x);
    return rc;
}
