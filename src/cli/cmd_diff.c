/* dfdx diff and dfdx grad: derivatives, printed. */
#include "cli.h"
#include "point.h"

#include <stdio.h>
#include <string.h>

int cli_diff(cli *c, const cli_args *a);
int cli_grad(cli *c, const cli_args *a);

/* Is name a variable of e? The point's names must be (x=2 for a function of t is a slip). */
static bool of_expr(cli *c, dx_expr *e, const cli_point *p)
{
    const char **names;
    size_t n = cli_vars(c, e, &names);
    for (size_t i = 0; i < p->n; i++) {
        bool found = false;
        for (size_t k = 0; k < n && !found; k++)
            found = strcmp(names[k], p->name[i]) == 0;
        if (!found)
            return cli_usage(c, _("%s is not a variable of the expression"), p->name[i]), false;
    }
    return true;
}

/* --at A (the value of the variable differentiated by) or --at x=2,w=1. */
static bool read_at(cli *c, const cli_args *a, dx_expr *e, const char *var, cli_point *p)
{
    const char *s = cli_get(a, "at");
    size_t k = cli_name_len(s);
    if (k && s[k + strspn(s + k, " ")] == '=')
        return cli_read_point(c, "at", s, p) && of_expr(c, e, p);
    double v;
    p->n = 1;
    p->name[0] = var;
    return cli_number_ex(c, "at", s, false, &v, &p->value[0]);
}

int cli_diff(cli *c, const cli_args *a)
{
    unsigned order;
    const char *var;
    dx_expr *e;
    char keep[1024] = "";
    cli_keep_names(c, keep, sizeof keep, cli_get(a, "at"));
    if (!cli_order(c, a, CLI_MAX_ORDER, &order) || !(e = cli_function(c, a, NULL, &var)))
        return CLI_BAD;
    cli_point p = {0};
    if (cli_has(a, "at") && !read_at(c, a, e, var, &p))
        return CLI_BAD;
    dx_derived r;
    if (dx_derive(c->ctx, e, var, order, &r) != DX_OK)
        return cli_report(c, NULL);
    dx_buf b = {0};
    dx_at at;
    if (p.n && dx_derivatives_at(c->ctx, &r.derivative, 1, p.name, p.value, p.n, &at) != DX_OK)
        return cli_report(c, NULL);
    if (p.n)
        dx_show_derivative_at(c->ctx, &r, &at, cli_how(c), &b);
    else
        dx_show_derivative(c->ctx, &r, cli_how(c), &b);
    if (cli_emit(c, c->out, &b) != CLI_OK)
        return CLI_BAD;
    c->result = r.derivative; /* ans in a session */
    /* on stderr, so that stdout stays an expression dfdx can read back */
    for (size_t i = 0; i < r.nkinks; i++) {
        dx_show_kink(c->ctx, &r, i, cli_how(c), &b);
        fprintf(c->err, _("dfdx: %snote: "), c->line_prefix);
        if (cli_emit(c, c->err, &b) != CLI_OK)
            return CLI_BAD;
        fputc('\n', c->err);
    }
    return CLI_OK;
}

/* The values after the expression, w=1 b=2, as one point. */
static bool read_values(cli *c, const cli_args *a, dx_expr *e, cli_point *p)
{
    p->n = 0;
    for (int i = 1; i < a->npos; i++) {
        cli_point one;
        size_t k = cli_name_len(a->pos[i]);
        if (!k || a->pos[i][k] != '=')
            return cli_usage(c, _("'%s' is not a value: write it as V=VALUE, e.g. x=1/2"), a->pos[i]), false;
        if (!cli_read_point(c, "at", a->pos[i], &one))
            return false;
        for (size_t j = 0; j < one.n; j++) {
            for (size_t m = 0; m < p->n; m++)
                if (p->name[m] == one.name[j])
                    return cli_usage(c, _("%s is given twice"), one.name[j]), false;
            if (p->n == CLI_POINT_MAX)
                return cli_usage(c, _("--%s takes at most %d values"), "at", CLI_POINT_MAX), false;
            p->name[p->n] = one.name[j];
            p->value[p->n++] = one.value[j];
        }
    }
    return of_expr(c, e, p);
}

int cli_grad(cli *c, const cli_args *a)
{
    char keep[1024] = "";
    for (int i = 1; i < a->npos; i++)
        cli_keep_names(c, keep, sizeof keep, a->pos[i]);
    dx_expr *e = cli_parse(c, a->pos[0]);
    cli_point p = {0};
    if (!e || !read_values(c, a, e, &p))
        return CLI_BAD;
    dx_grad g;
    if (dx_gradient(c->ctx, e, &g) != DX_OK)
        return cli_report(c, NULL);
    /* --var w,b: the partial derivatives by those, in that order (L(w, b) in a session) */
    const char *names[CLI_MAX_POS];
    dx_expr *partial[CLI_MAX_POS];
    char list[256];
    const char *vars = cli_get(a, "var");
    if (vars) {
        snprintf(list, sizeof list, "%s", vars);
        size_t n = 0;
        for (char *v = strtok(list, ","); v; v = strtok(NULL, ",")) {
            if (n == CLI_MAX_POS || !dx_is_name(v, strlen(v)))
                return cli_usage(c, _("--var takes variable names separated by commas (not '%s')"), vars);
            names[n] = v;
            if (!(partial[n++] = dx_derivative(c->ctx, e, v, 1)))
                return cli_report(c, NULL);
        }
        g = (dx_grad){e, n, names, partial};
    }
    dx_buf b = {0};
    dx_at at;
    if (p.n && dx_derivatives_at(c->ctx, g.partial, g.n, p.name, p.value, p.n, &at) != DX_OK)
        return cli_report(c, NULL);
    if (p.n)
        dx_show_gradient_at(c->ctx, &g, &at, cli_how(c), &b);
    else
        dx_show_gradient(c->ctx, &g, cli_how(c), &b);
    return cli_emit(c, c->out, &b);
}
