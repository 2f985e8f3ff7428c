/* dfdx extrema: every critical point, classified, with the global extremes. */
#include "cli.h"

#include <stdlib.h>

int cli_extrema(cli *c, const cli_args *a);
bool cli_extrema_several(cli *c, const cli_args *a, int *rc);

int cli_extrema(cli *c, const cli_args *a)
{
    int rc;
    if (cli_extrema_several(c, a, &rc)) /* two or three variables: cmd_extrema2.c */
        return rc;
    const char *fs = cli_get(a, "from"), *ts = cli_get(a, "to");
    double from, to;
    if ((fs == NULL) != (ts == NULL))
        return cli_usage(c, _("give both ends of the interval: --from A --to B"));
    if (fs && (!cli_number(c, "from", fs, &from) || !cli_number(c, "to", ts, &to)))
        return CLI_BAD;
    if (fs && !(from < to)) /* one point is no interval: its min and max would be one tie */
        return cli_usage(c, _("--from (%s) must be less than --to (%s)"), fs, ts);
    const char *var;
    dx_expr *e = cli_function(c, a, "extrema", &var);
    if (!e)
        return CLI_BAD;
    dx_extrema_result x;
    if (dx_extrema(c->ctx, e, var, fs ? &from : NULL, ts ? &to : NULL, &x) != DX_OK)
        return cli_report(c, NULL);
    dx_buf out = {0};
    dx_show_extrema(c->ctx, &x, cli_how(c), &out);
    dx_extrema_free(&x);
    return cli_emit(c, c->out, &out);
}
