/* dfdx limit: one-sided and two-sided limits, continuity and differentiability at a point. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int cli_limit(cli *c, const cli_args *a);

/* --at A: oo, -oo (also +oo, inf, infinity, ∞) or a closed expression kept exact (1/3,
 * pi/2). false after reporting. */
static bool parse_point(cli *c, const char *text, dx_point *p)
{
    double v;
    if (!cli_number_ex(c, "at", text, true, &v, &p->at))
        return false;
    p->inf = isinf(v) ? (v > 0 ? 1 : -1) : 0;
    return true;
}

int cli_limit(cli *c, const cli_args *a)
{
    const char *at_text = cli_get(a, "at"), *side = cli_get(a, "side");
    if (!at_text)
        return cli_usage(c, _("limit needs --at A (a number, pi/2, oo or -oo)"));
    bool left = false, right = false;
    if (side && strcmp(side, "left") == 0)
        left = true;
    else if (side && strcmp(side, "right") == 0)
        right = true;
    else if (side && strcmp(side, "both") != 0)
        return cli_usage(c, _("--side takes both, left or right (not '%s')"), side);
    const char *var;
    dx_expr *f = cli_function(c, a, "limit", &var);
    if (!f)
        return CLI_BAD;
    dx_point p;
    if (!parse_point(c, at_text, &p))
        return CLI_BAD;
    if (p.inf && (left || right) && (left != (p.inf > 0)))
        return cli_usage(c, p.inf > 0 ? _("at oo only the left side exists") : _("at -oo only the right side exists"));
    dx_limit_report r;
    if (dx_limit(c->ctx, f, var, p, left, right, &r) != DX_OK)
        return cli_report(c, NULL);
    dx_buf out = {0};
    dx_show_limit(c->ctx, &r, cli_how(c), &out);
    return cli_emit(c, c->out, &out);
}
