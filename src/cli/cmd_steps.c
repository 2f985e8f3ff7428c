/* dfdx steps: the derivation, one rule application per line, from diff's recorder. */
#include "cli.h"

int cli_steps(cli *c, const cli_args *a);

int cli_steps(cli *c, const cli_args *a)
{
    const char *var;
    dx_expr *e = cli_function(c, a, NULL, &var);
    if (!e)
        return CLI_BAD;
    dx_steps s;
    if (dx_steps_build(c->ctx, e, var, &s) != DX_OK)
        return cli_report(c, NULL);
    dx_buf b = {0};
    dx_show_steps(c->ctx, &s, cli_how(c), &b);
    dx_steps_free(&s);
    return cli_emit(c, c->out, &b);
}
