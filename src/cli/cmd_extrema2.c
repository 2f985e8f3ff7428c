/* dfdx extrema for functions of two or three variables: critical points, classified by the
 * Hessian. cmd_extrema.c hands over every function of more than one variable. */
#include "point.h"

#include <math.h>
#include <string.h>

bool cli_extrema_several(cli *c, const cli_args *a, int *rc);

/* --from x=-2,y=-2 (or --to): a value for each variable, in the order of vars. */
static bool box_end(cli *c, const char *opt, const char *text, const char **vars, size_t n, double *out)
{
    cli_point p;
    if (!cli_read_point(c, opt, text, &p))
        return false;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < p.n && strcmp(p.name[k], vars[i]) != 0)
            k++;
        if (k == p.n)
            return cli_usage(c, _("--%s needs a value for %s (like --%s %s=-2,...)"), opt, vars[i], opt, vars[i]), false;
        if (dx_eval_const(c->ctx, p.value[k], &out[i]) != DX_OK || !isfinite(out[i]))
            return cli_report(c, NULL), false;
    }
    return true;
}

bool cli_extrema_several(cli *c, const cli_args *a, int *rc)
{
    const char *text = a->pos[0];
    const char **names;
    size_t nv;
    /* a quiet look first: a function of one variable (or a syntax error) is cmd_extrema's */
    dx_expr *e = dx_parse(c->ctx, text, strlen(text));
    cli_recover(c);
    if (!e || cli_get(a, "var") || (nv = cli_vars(c, e, &names)) < 2)
        return false;
    *rc = CLI_BAD;
    if (!(e = cli_parse(c, text)))
        return true;
    nv = cli_vars(c, e, &names);
    if (nv > DX_EXTREMA2_MAX_VARS) {
        cli_usage(c, _("extrema handles functions of at most %d variables (this one has %zu)"), DX_EXTREMA2_MAX_VARS, nv);
        return true;
    }
    const char *fs = cli_get(a, "from"), *ts = cli_get(a, "to");
    double from[DX_EXTREMA2_MAX_VARS], to[DX_EXTREMA2_MAX_VARS];
    if ((fs == NULL) != (ts == NULL)) {
        cli_usage(c, _("give both corners of the box: --from x=-2,y=-2 --to x=2,y=2"));
        return true;
    }
    if (fs && (!box_end(c, "from", fs, names, nv, from) || !box_end(c, "to", ts, names, nv, to)))
        return true;
    dx_extrema2_result r;
    if (dx_extrema2(c->ctx, e, names, nv, fs ? from : NULL, fs ? to : NULL, &r) != DX_OK) {
        *rc = cli_report(c, NULL);
        return true;
    }
    dx_buf out = {0};
    dx_show_extrema2(c->ctx, &r, cli_how(c), &out);
    dx_extrema2_free(&r);
    *rc = cli_emit(c, c->out, &out);
    return true;
}
