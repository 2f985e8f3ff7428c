/* dfdx hessian: the matrix of second partial derivatives, and its value at a point. */
#include "point.h"

int cli_hessian(cli *c, const cli_args *a);

int cli_hessian(cli *c, const cli_args *a)
{
    const char *vars[CLI_POINT_MAX];
    size_t nvars;
    cli_point p = {0};
    const char *at = cli_get(a, "at");
    if (!cli_read_vars(c, a, vars, CLI_POINT_MAX, &nvars) || (at && !cli_read_point(c, "at", at, &p)))
        return CLI_BAD;
    dx_expr *e = cli_parse(c, a->pos[0]);
    if (!e)
        return CLI_BAD;
    dx_hessian_result r;
    if (dx_hessian(c->ctx, e, vars, nvars, p.name, p.value, p.n, &r) != DX_OK)
        return cli_report(c, NULL);
    dx_buf b = {0};
    dx_show_hessian(c->ctx, &r, cli_how(c), &b);
    return cli_emit(c, c->out, &b);
}
