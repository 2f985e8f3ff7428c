/* dfdx implicit: dy/dx on a curve F(x, y) = 0, the tangent at a point of it, the curve drawn. */
#include "plot2.h"
#include "point.h"

#include <string.h>

int cli_implicit(cli *c, const cli_args *a);

/* The independent and dependent variable: --var x,y; else x and y when the equation has
 * them; else its two variables in alphabetical order. false after reporting. */
static bool pick(cli *c, const cli_args *a, dx_expr *F, const char **x, const char **y)
{
    const char *vars[2];
    size_t n;
    if (!cli_read_vars(c, a, vars, 2, &n))
        return false;
    if (n == 2) {
        *x = vars[0], *y = vars[1];
        return true;
    }
    if (n == 1)
        return cli_usage(c, _("--var names both variables, the independent one first: --var x,y")), false;
    const char **names;
    size_t nv = cli_vars(c, F, &names);
    bool hx = false, hy = false;
    for (size_t i = 0; i < nv; i++) {
        hx |= strcmp(names[i], "x") == 0;
        hy |= strcmp(names[i], "y") == 0;
    }
    if ((hx && hy) || (nv == 1 && (hx || hy)) || nv == 0) {
        *x = "x", *y = "y";
        return true;
    }
    if (nv == 2) {
        *x = names[0], *y = names[1];
        return true;
    }
    return cli_usage(c, _("implicit needs an equation in two variables; choose them with --var x,y")), false;
}

/* The equation's dy/dx, with the tangent at the point the option at_opt gives; the report
 * printed where report is set, the curve drawn where the options ask for a picture. */
static int implicit(cli *c, const cli_args *a, const char *at_opt, bool report)
{
    long order = 1;
    const char *os = cli_get(a, "order"), *at = cli_get(a, at_opt);
    if (os && !cli_whole(c, "order", os, 1, 2, &order))
        return CLI_BAD;
    bool pictured = !report || cli_has(a, "plot") || cli_has(a, "out");
    cli_canvas pc;
    if (pictured && !cli_picture(c, a, 700, 640, &pc))
        return CLI_BAD;
    if (pictured && report && !pc.out && c->fmt == OUT_JSON)
        return cli_usage(c, _("--plot draws in the terminal; with --format json write the picture to a file with --out"));
    c->equation = true;
    dx_expr *F = cli_parse(c, a->pos[0]);
    c->equation = false;
    const char *x, *y;
    if (!F || !pick(c, a, F, &x, &y))
        return CLI_BAD;
    cli_point p = {0};
    dx_expr *x0 = NULL, *y0 = NULL;
    if (at && !cli_read_point(c, at_opt, at, &p))
        return CLI_BAD;
    for (size_t i = 0; i < p.n; i++) {
        if (strcmp(p.name[i], x) == 0)
            x0 = p.value[i];
        else if (strcmp(p.name[i], y) == 0)
            y0 = p.value[i];
        else
            return cli_usage(c, _("--%s names %s, which is neither %s nor %s"), at_opt, p.name[i], x, y);
    }
    if (at && (!x0 || !y0))
        return cli_usage(c, _("--%s needs both coordinates of the point: --%s %s=A,%s=B"), at_opt, at_opt, x, y);
    dx_implicit_result r;
    if (dx_implicit(c->ctx, F, x, y, (unsigned)order, x0, y0, &r) != DX_OK)
        return cli_report(c, NULL);
    if (report) {
        dx_buf b = {0};
        dx_show_implicit(c->ctx, &r, cli_how(c), &b);
        if (cli_emit(c, c->out, &b) != CLI_OK)
            return CLI_BAD;
        c->result = r.dydx;
    }
    return pictured ? cli_curve_picture(c, a, &pc, &r) : CLI_OK;
}

int cli_implicit(cli *c, const cli_args *a) { return implicit(c, a, "at", true); }

int cli_plot_curve(cli *c, const cli_args *a)
{
    if (cli_has(a, "order") || cli_has(a, "mark"))
        return cli_usage(c, _("--%s is for functions; an equation is drawn as its curve (--tangent x=A,y=B adds the tangent)"),
                         cli_has(a, "order") ? "order" : "mark");
    return implicit(c, a, "tangent", false);
}
