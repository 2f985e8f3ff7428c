/* dfdx diff and dfdx grad: derivatives, printed. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

int cli_diff(cli *c, const cli_args *a);
int cli_grad(cli *c, const cli_args *a);

int cli_diff(cli *c, const cli_args *a)
{
    unsigned order;
    const char *var;
    dx_expr *e;
    if (!cli_order(c, a, CLI_MAX_ORDER, &order) || !(e = cli_function(c, a, NULL, &var)))
        return CLI_BAD;
    dx_derived r;
    if (dx_derive(c->ctx, e, var, order, &r) != DX_OK)
        return cli_report(c, NULL);
    dx_buf b = {0};
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

int cli_grad(cli *c, const cli_args *a)
{
    dx_expr *e = cli_parse(c, a->pos[0]);
    if (!e)
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
    dx_show_gradient(c->ctx, &g, cli_how(c), &b);
    return cli_emit(c, c->out, &b);
}
