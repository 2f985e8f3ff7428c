/* dfdx extrema: every critical point, classified, with the global extremes. */
#include "cli.h"

#include <stdlib.h>

int cli_extrema(cli *c, const cli_args *a);

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
    dx_extrema_result x;
    if (dx_extrema(c->ctx, e, var, fs ? &from : NULL, ts ? &to : NULL, &x) != DX_OK)
        return cli_report(c, NULL);
    dx_buf out = {0};
    dx_show_extrema(c->ctx, &x, c->fmt == OUT_JSON ? DX_SHOW_JSON : c->fmt == OUT_LATEX ? DX_SHOW_LATEX : DX_SHOW_PLAIN,
                    &out);
    dx_extrema_free(&x);
    char *text = dx_buf_take(&out);
    if (!text) /* a print that failed (too large) left its error; else memory ran out */
        return dx_ctx_error(c->ctx)->status != DX_OK ? cli_report(c, NULL) : cli_usage(c, "out of memory");
    fputs(text, c->out);
    free(text);
    return CLI_OK;
}
