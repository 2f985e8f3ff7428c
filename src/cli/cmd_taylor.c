/* dfdx taylor: the Taylor polynomial about a point, in one variable or several. */
#include "point.h"

#include <string.h>

int cli_taylor(cli *c, const cli_args *a);

int cli_taylor(cli *c, const cli_args *a)
{
    const char *at = cli_get(a, "at");
    if (!at)
        return cli_usage(c, _("taylor needs a point: --at A (or --at x=1,y=2 for several variables)"));
    long order = 2;
    const char *os = cli_get(a, "order");
    if (os && !cli_whole(c, "order", os, 0, DX_TAYLOR_MAX_ORDER, &order))
        return CLI_BAD;
    dx_expr *e = cli_parse(c, a->pos[0]);
    if (!e)
        return CLI_BAD;
    cli_point p = {0};
    if (cli_name_len(at) && strchr(at, '=')) {
        if (!cli_read_point(c, "at", at, &p))
            return CLI_BAD;
    } else {
        /* a bare number: the point of the one variable */
        double v;
        if (!(p.name[0] = cli_pick_var(c, a, e)) || !cli_number_ex(c, "at", at, false, &v, &p.value[0]))
            return CLI_BAD;
        p.n = 1;
    }
    dx_taylor_result r;
    if (dx_taylor(c->ctx, e, p.name, p.value, p.n, (unsigned)order, &r) != DX_OK)
        return cli_report(c, NULL);
    dx_buf b = {0};
    dx_show_taylor(c->ctx, &r, cli_how(c), &b);
    if (cli_emit(c, c->out, &b) != CLI_OK)
        return CLI_BAD;
    c->result = r.polynomial;
    return CLI_OK;
}
