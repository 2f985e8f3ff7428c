/* dfdx backprop: the computational graph of a formula at a point, forward and backward. */
#include "cli.h"

#include <strings.h>
#include <string.h>

int cli_backprop(cli *c, const cli_args *a);

/* --out's kinds of file: Graphviz draws the graph in each. */
static bool graph_file(cli *c, const char *path)
{
    const char *ext = strrchr(path, '.');
    if (ext && (!strcasecmp(ext, ".svg") || !strcasecmp(ext, ".png") || !strcasecmp(ext, ".pdf") ||
                !strcasecmp(ext, ".dot")))
        return true;
    cli_usage(c, _("--out writes .svg, .png, .pdf or .dot files (not '%s')"), path);
    return false;
}

int cli_backprop(cli *c, const cli_args *a)
{
    const char *at = cli_get(a, "at"), *path = cli_get(a, "out");
    char keep[256] = "";
    cli_keep_names(c, keep, sizeof keep, at);
    dx_expr *f = cli_parse(c, a->pos[0]);
    if (!f || (path && !graph_file(c, path)))
        return CLI_BAD;
    const char **names;
    size_t nv = cli_vars(c, f, &names);
    if (!at && nv) {
        char vars[200];
        cli_list_vars(c, f, vars, sizeof vars);
        return cli_usage(c, _("backprop needs the point: --at %s=...%s (every variable of f: %s)"), names[0],
                         nv > 1 ? ",..." : "", vars);
    }
    cli_assign as = {0};
    int rc = CLI_BAD;
    if (at && !cli_parse_assign(c, f, "at", at, &as, false))
        goto out;
    for (int i = 0; i < as.n; i++)
        for (int j = 0; j < i; j++)
            if (strcmp(as.name[i], as.name[j]) == 0) {
                cli_usage(c, _("--at gives %s twice"), as.name[i]);
                goto out;
            }
    dx_backprop_result r;
    if (dx_backprop(c->ctx, f, as.name, as.val, (size_t)as.n, &r) != DX_OK) {
        const dx_error *err = dx_ctx_error(c->ctx);
        if (err->msg.id == DX_M_NO_VALUE)
            cli_usage(c, _("no value for %s: give every variable in --at (e.g. --at %s=0)"), err->msg.arg[0].u.s,
                      err->msg.arg[0].u.s);
        else
            cli_report(c, NULL);
        goto out;
    }
    dx_buf b = {0};
    dx_show_backprop(c->ctx, &r, cli_how(c), &b);
    rc = cli_emit(c, c->out, &b);
    if (rc == CLI_OK && path)
        rc = cli_draw_graph(c, &r, path);
out:
    cli_free_parts(as.parts, as.n);
    return rc;
}
