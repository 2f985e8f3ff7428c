/* The computational graph of dfdx backprop drawn by Graphviz (dot's layered layout), as
 * micrograd's draw_dot draws it: a record per value (its formula, value and gradient), an
 * ellipse per operation feeding it, and on each edge the local derivative. */
#include "cli.h"

#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Graphviz measures text with pango, whose font caches (fontconfig's) live until exit and
 * cannot be released (FcFini asserts while pango holds them): LeakSanitizer, in the
 * sanitizer build, is told they are no leak of ours. Read by LSan at start; unused otherwise. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) { return "leak:libfontconfig.so\nleak:libgvc.so\nleak:libpango\n"; }

/* s with the characters a record label gives a meaning ({ } | < > and the backslash)
 * escaped, appended to b. */
static void put_escaped(dx_buf *b, const char *s)
{
    for (; *s; s++) {
        if (strchr("{}|<>\\\"", *s))
            dx_buf_putc(b, '\\');
        dx_buf_putc(b, *s);
    }
}

static char *plain(cli *c, const dx_expr *e)
{
    char *s = dx_print(c->ctx, e, DX_PLAIN);
    if (!s)
        cli_oom(c);
    return s;
}

/* A number as the pictures show it: 4 significant digits. */
static void put_num(dx_buf *b, double v) { dx_buf_printf(b, "%.4g", v); }

static void build(cli *c, Agraph_t *g, const dx_backprop_result *r)
{
    Agnode_t **rec = calloc(r->nnodes ? r->nnodes : 1, sizeof *rec), **op = calloc(r->nnodes ? r->nnodes : 1, sizeof *op);
    if (!rec || !op) {
        free(rec);
        free(op);
        cli_oom(c);
    }
    char name[48];
    for (size_t i = 0; i < r->nnodes; i++) {
        const dx_bp_node *nd = &r->nodes[i];
        dx_buf lb = {0};
        dx_buf_puts(&lb, "{ ");
        put_escaped(&lb, nd->label);
        if (nd->ninputs) {
            char *fs = plain(c, nd->formula);
            dx_buf_puts(&lb, " = ");
            put_escaped(&lb, fs);
            free(fs);
        }
        /* a node's forward value and its gradient, as the words of the text's passes */
        dx_buf_printf(&lb, " | %s ", _("value"));
        put_num(&lb, nd->value);
        dx_buf_printf(&lb, " | %s ", _("grad"));
        put_num(&lb, nd->grad);
        dx_buf_puts(&lb, " }");
        char *label = dx_buf_take(&lb);
        if (!label)
            cli_oom(c);
        snprintf(name, sizeof name, "v%zu", i);
        rec[i] = agnode(g, name, 1);
        agsafeset(rec[i], "shape", "record", "");
        agsafeset(rec[i], "label", label, "");
        if (i == r->nnodes - 1)
            agsafeset(rec[i], "penwidth", "2", "");
        free(label);
        if (nd->ninputs) {
            snprintf(name, sizeof name, "op%zu", i);
            op[i] = agnode(g, name, 1);
            agsafeset(op[i], "label", (char *)nd->op, "");
            agsafeset(op[i], "shape", "ellipse", "");
            agedge(g, op[i], rec[i], NULL, 1);
        }
    }
    for (size_t e = 0; e < r->nedges; e++) {
        const dx_bp_edge *ed = &r->edges[e];
        dx_buf lb = {0};
        char *ls = plain(c, ed->local);
        dx_buf_printf(&lb, "d%s/d%s = %s", r->nodes[ed->to].label, r->nodes[ed->from].label, ls);
        char value[32];
        snprintf(value, sizeof value, "%.4g", ed->local_value);
        if (strcmp(ls, value) != 0) /* dn2/db = 1, not 1 = 1 */
            dx_buf_printf(&lb, " = %s", value);
        free(ls);
        char *label = dx_buf_take(&lb);
        if (!label)
            cli_oom(c);
        Agedge_t *edge = agedge(g, rec[ed->from], op[ed->to], NULL, 1);
        agsafeset(edge, "label", label, "");
        agsafeset(edge, "fontsize", "10", "");
        free(label);
    }
    free(rec);
    free(op);
}

int cli_draw_graph(cli *c, const dx_backprop_result *r, const char *path)
{
    FILE *probe = fopen(path, "w");
    if (!probe)
        return cli_usage(c, _("cannot write %s: %s"), path, _("no such directory, or no permission"));
    fclose(probe);
    if (!cli_headroom(CLI_ROOM_DRAW))
        cli_oom(c);
    const char *ext = strrchr(path, '.') + 1;
    char fmt[8];
    snprintf(fmt, sizeof fmt, "%s", ext);
    for (char *p = fmt; *p; p++)
        *p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
    GVC_t *gvc = gvContext();
    Agraph_t *g = gvc ? agopen("backprop", Agdirected, NULL) : NULL;
    if (!g) {
        if (gvc)
            gvFreeContext(gvc);
        cli_oom(c);
    }
    agsafeset(g, "rankdir", "LR", "");
    agattr(g, AGNODE, "fontname", "Helvetica");
    agattr(g, AGEDGE, "fontname", "Helvetica");
    build(c, g, r);
    int bad = gvLayout(gvc, g, "dot") != 0;
    bad = bad || gvRenderFilename(gvc, g, fmt, path) != 0;
    gvFreeLayout(gvc, g);
    agclose(g);
    gvFreeContext(gvc);
    if (bad)
        return cli_usage(c, _("cannot draw %s: Graphviz has no %s renderer here"), path, fmt);
    return CLI_OK;
}
