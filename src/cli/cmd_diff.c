/* dfdx diff and dfdx grad: derivatives, printed. */
#include "cli.h"
#include "simplify.h"

#include <stdlib.h>
#include <string.h>

int cli_diff(cli *c, const cli_args *a);
int cli_grad(cli *c, const cli_args *a);
void cli_kink_note(cli *c, dx_expr *f, const char *var);

/* New nodes one derivative may build. High orders of x^x, sin(x)^x or exp(sin(x)) grow
 * without end: this bound turns minutes and gigabytes into a message within seconds (about
 * 300 MB at worst), and leaves every derivative a student asks for untouched (the 1000th of
 * x^40 or sin(x)*e^x, the 100th of x^x, the 500th of tan(x) stay below it). */
#define CLI_DERIVATIVE_NODES ((size_t)1000 * 1000)

dx_expr *cli_derivative(cli *c, dx_expr *e, const char *var, unsigned order)
{
    size_t start = dx_node_count(c->ctx);
    dx_ctx_set_budget(c->ctx, start + CLI_DERIVATIVE_NODES);
    dx_expr *d = e;
    unsigned k = 0;
    while (d && k < order) {
        /* simplified after each order, so a higher derivative starts from the tidy form */
        d = dx_simplify(c->ctx, dx_diff(c->ctx, d, var, 1));
        k++;
    }
    dx_ctx_set_budget(c->ctx, DX_DEFAULT_BUDGET);
    if (!d && dx_ctx_error(c->ctx)->status == DX_ELIMIT && k > 1) {
        dx_ctx_clear_error(c->ctx);
        dx_fail(c->ctx, DX_ELIMIT, -1, -1, DX_M_DERIVATIVE_TOO_LARGE, DX_I(order), DX_I(CLI_DERIVATIVE_NODES), DX_I(k));
    }
    return d;
}

int cli_diff(cli *c, const cli_args *a)
{
    unsigned order;
    const char *var;
    dx_expr *e;
    if (!cli_order(c, a, CLI_MAX_ORDER, &order) || !(e = cli_function(c, a, NULL, &var)))
        return CLI_BAD;
    dx_expr *d = cli_derivative(c, e, var, order);
    if (!d)
        return cli_report(c, NULL);
    char *s = cli_show(c, d);
    if (!s)
        return CLI_BAD;
    if (c->fmt == OUT_JSON) {
        char *in = dx_print(c->ctx, e, DX_PLAIN);
        char *tex = dx_print(c->ctx, d, DX_LATEX);
        cli_json_open(c->out, in, var);
        fprintf(c->out, ", \"order\": %u, \"derivative\": ", order);
        cli_json_str(c->out, s);
        fputs(", \"latex\": ", c->out);
        cli_json_str(c->out, tex ? tex : "");
        fputs("}\n", c->out);
        free(in);
        free(tex);
    } else {
        fprintf(c->out, "%s\n", s);
    }
    free(s);
    c->result = d;
    if (order >= 1)
        cli_kink_note(c, e, var);
    return CLI_OK;
}

int cli_grad(cli *c, const cli_args *a)
{
    dx_expr *e = cli_parse(c, a->pos[0]);
    if (!e)
        return CLI_BAD;
    const char **names;
    size_t n = dx_vars(c->ctx, e, &names);
    /* copy: later calls reuse the context's name list */
    const char **vars = malloc((n ? n : 1) * sizeof *vars);
    if (!vars)
        return CLI_BAD;
    memcpy(vars, names, n * sizeof *vars);
    int rc = CLI_OK;
    if (c->fmt == OUT_JSON)
        fputs("{\"gradient\": {", c->out);
    for (size_t i = 0; i < n && rc == CLI_OK; i++) {
        dx_expr *d = cli_derivative(c, e, vars[i], 1);
        char *s = d ? cli_show(c, d) : NULL;
        if (!s) {
            rc = d ? CLI_BAD : cli_report(c, NULL);
            break;
        }
        if (c->fmt == OUT_JSON) {
            fputs(i ? ", " : "", c->out);
            cli_json_str(c->out, vars[i]);
            fputs(": ", c->out);
            cli_json_str(c->out, s);
        } else if (c->fmt == OUT_LATEX) {
            fprintf(c->out, "\\frac{\\partial f}{\\partial %s} = %s\n", vars[i], s);
        } else {
            fprintf(c->out, "d/d%s = %s\n", vars[i], s);
        }
        free(s);
    }
    if (c->fmt == OUT_JSON && rc == CLI_OK)
        fputs("}}\n", c->out);
    if (n == 0 && c->fmt != OUT_JSON)
        fprintf(c->out, "(no variables: every partial derivative is 0)\n");
    free(vars);
    return rc;
}
