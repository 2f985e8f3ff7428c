/* dfdx descend: gradient descent on the typed function, step by step, one or several rates. */
#include "plot2.h"
#include "dfdx/descend.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

int cli_descend(cli *c, const cli_args *a);

#define MAX_RATES DX_DESCEND_MAX_RATES
#define MAX_CPS 64 /* critical points a picture keeps in view */

/* f with the --set values put in exactly (w*x - y with x=2 is a curve in w alone). */
static dx_expr *fixed(cli *c, dx_expr *f, const cli_assign *set)
{
    dx_expr *vals[CLI_MAX_ITEMS];
    for (int i = 0; i < set->n; i++) {
        double v;
        const char *text = set->parts[i] + strlen(set->parts[i]) + 1;
        if (!cli_number_ex(c, "set", text, false, &v, &vals[i]))
            return NULL;
    }
    f = dx_descend_fix(c->ctx, f, set->name, vals, (size_t)set->n);
    if (!f)
        cli_report(c, NULL);
    return f;
}

/* The runs' trajectories as the pictures take them. */
static int pictures(cli *c, const cli_canvas *pc, dx_expr *f, const dx_descend_lesson *l, const cli_assign *set,
                    const dx_descend_request *q)
{
    /* two variables: the paths on the loss's contour lines (in the terminal the loss per step
     * under it too) */
    if (l->nvars == 2) {
        dx_expr *g = fixed(c, f, set);
        int rc = g ? cli_descend_contour(c, pc, g, l, q) : CLI_BAD;
        if (rc != CLI_OK || pc->out)
            return rc;
    }
    cli_trace traces[MAX_RATES];
    char *status[MAX_RATES] = {0};
    for (size_t k = 0; k < l->nruns; k++) {
        const dx_descend_one *r = &l->runs[k];
        dx_msg m = dx_descend_status_msg(r->res.status);
        status[k] = dx_msg_text(c->ctx, &m, DX_PLAIN);
        if (!status[k])
            cli_oom(c);
        traces[k] = (cli_trace){r->rate, r->trace.x, r->trace.loss, r->trace.step, r->trace.n, status[k]};
    }
    double cps[MAX_CPS];
    size_t ncps = 0;
    for (size_t i = 0; l->has_cps && i < l->ncps && ncps < MAX_CPS; i++)
        cps[ncps++] = l->cps[i].x;
    dx_expr *g = l->nvars == 1 ? fixed(c, f, set) : f;
    int rc = g ? cli_descend_pictures(c, pc, g, l->nvars == 1 ? l->vars[0] : NULL, traces, (int)l->nruns, cps, ncps)
               : CLI_BAD;
    for (size_t k = 0; k < l->nruns; k++)
        free(status[k]);
    return rc;
}

/* --- options ------------------------------------------------------------------------------- */

static bool read_opts(cli *c, const cli_args *a, dx_descend_opts *o, double *rates, int *nrates, long *rows)
{
    dx_descend_defaults(o);
    const char *s;
    if ((s = cli_get(a, "method"))) {
        if (strcmp(s, "gd") == 0)
            o->method = DX_GD;
        else if (strcmp(s, "momentum") == 0)
            o->method = DX_MOMENTUM;
        else if (strcmp(s, "adam") == 0)
            o->method = DX_ADAM;
        else
            return cli_usage(c, _("--method takes gd, momentum or adam (not '%s')"), s), false;
    }
    if ((s = cli_get(a, "steps")) && !cli_whole(c, "steps", s, 1, DX_DESCEND_MAX_STEPS, &o->steps))
        return false;
    if ((s = cli_get(a, "rows")) && !cli_whole(c, "rows", s, 0, DX_DESCEND_MAX_STEPS, rows))
        return false;
    if ((s = cli_get(a, "tol")) && !cli_number(c, "tol", s, &o->tol))
        return false;
    if ((s = cli_get(a, "beta")) && !cli_number(c, "beta", s, &o->beta))
        return false;
    if ((s = cli_get(a, "beta2")) && !cli_number(c, "beta2", s, &o->beta2))
        return false;
    if ((s = cli_get(a, "beta")) && o->method == DX_GD)
        return cli_usage(c, _("--beta is for --method momentum or adam")), false;
    if ((s = cli_get(a, "beta2")) && o->method != DX_ADAM)
        return cli_usage(c, _("--beta2 is for --method adam")), false;
    *nrates = 1;
    rates[0] = o->rate;
    if ((s = cli_get(a, "rate"))) {
        char *parts[MAX_RATES];
        int n = cli_split(c, "rate", s, parts, MAX_RATES);
        if (n < 0)
            return false;
        bool ok = true;
        for (int i = 0; ok && i < n; i++)
            ok = cli_number(c, "rate", parts[i], &rates[i]);
        cli_free_parts(parts, n);
        if (!ok)
            return false;
        *nrates = n;
    }
    for (int i = 0; i < *nrates; i++) {
        o->rate = rates[i];
        if (!dx_descend_check(c->ctx, o))
            return cli_report(c, NULL), false;
    }
    return true;
}

/* Is name among the data's columns? */
static bool in_data(const cli_table *data, const char *name)
{
    for (size_t j = 0; j < data->ncols; j++)
        if (strcmp(data->names[j], name) == 0)
            return true;
    return false;
}

/* The descent variables and start from --start, the fixed ones from --set (the data's
 * columns are neither). */
static bool read_point(cli *c, const cli_args *a, dx_expr *f, const cli_table *data, cli_assign *start,
                       cli_assign *set)
{
    const char *s = cli_get(a, "set");
    if (s && !cli_parse_assign(c, f, "set", s, set, false))
        return false;
    s = cli_get(a, "start");
    if (!s)
        return cli_usage(c, _("descend needs a start point: --start W0 (or --start w=0,b=1 for several variables)")),
               false;
    if (!cli_parse_assign(c, f, "start", s, start, true))
        return false;
    if (start->n == 1 && !start->name[0]) {
        /* a bare number: the start of the one variable not fixed by --set */
        const char **names;
        size_t n = dx_vars(c->ctx, f, &names);
        const char *only = NULL;
        int free_vars = 0;
        for (size_t i = 0; i < n; i++) {
            bool fixed = in_data(data, names[i]);
            for (int j = 0; j < set->n; j++)
                fixed = fixed || strcmp(set->name[j], names[i]) == 0;
            if (!fixed) {
                only = names[i];
                free_vars++;
            }
        }
        if (free_vars != 1) {
            char vars[200];
            cli_list_vars(c, f, vars, sizeof vars);
            if (free_vars)
                return cli_usage(c, _("several variables (%s): give --start as w=0,b=1 and fix the others with "
                                    "--set x=2"), vars), false;
            return cli_usage(c, _("nothing to descend on: the function has no free variable")), false;
        }
        start->name[0] = only; /* owned by the context */
    }
    return true;
}

/* "no value for x, y": suggest --set x=...,y=... with those names. */
static void no_value(cli *c)
{
    char missing[200], vars[200], eg[400] = "";
    snprintf(missing, sizeof missing, "%s", dx_ctx_error(c->ctx)->msg.arg[0].u.s);
    snprintf(vars, sizeof vars, "%s", missing);
    size_t used = 0;
    for (char *p = strtok(vars, ", "); p && used < sizeof eg; p = strtok(NULL, ", ")) {
        int w = snprintf(eg + used, sizeof eg - used, "%s%s=...", used ? "," : "", p);
        used += w > 0 ? (size_t)w : 0;
    }
    unsigned long n = 1;
    for (const char *p = missing; (p = strchr(p, ',')); p++)
        n++;
    cli_usage(c,
              ngettext("no value for %s: fix it with --set %s, or descend on it with --start",
                       "no value for %s: fix them with --set %s, or descend on them with --start", n),
              missing, eg);
}

/* --batch and --seed: mini-batches of the data's rows. */
static bool read_batch(cli *c, const cli_args *a, const char *path, dx_descend_data *data)
{
    const char *b = cli_get(a, "batch"), *s = cli_get(a, "seed");
    long n = 0, seed = 1;
    if ((b || s) && !path)
        return cli_usage(c, _("--%s takes rows of a data file: it needs --data FILE.csv"), b ? "batch" : "seed"), false;
    if (s && !b)
        return cli_usage(c, _("--seed shuffles mini-batches: it needs --batch N")), false;
    if (b && !cli_whole(c, "batch", b, 1, LONG_MAX, &n))
        return false;
    if (s && !cli_whole(c, "seed", s, 0, LONG_MAX, &seed))
        return false;
    data->batch = (size_t)n;
    data->seed = (unsigned long long)seed;
    return true;
}

int cli_descend(cli *c, const cli_args *a)
{
    dx_descend_opts o;
    double rates[MAX_RATES];
    int nrates;
    long rows = c->fmt == OUT_JSON ? 10000 : 40;
    if (!read_opts(c, a, &o, rates, &nrates, &rows))
        return CLI_BAD;
    cli_table table = {0};
    const char *path = cli_get(a, "data");
    if (path && !cli_read_csv(c, path, &table))
        return CLI_BAD;
    /* the names given stay whole in f: a column 'hours', --start w1=0 */
    char keep[1024] = "";
    for (size_t j = 0; j < table.ncols; j++)
        cli_keep_name(c, keep, sizeof keep, table.names[j], strlen(table.names[j]));
    cli_keep_names(c, keep, sizeof keep, cli_get(a, "start"));
    cli_keep_names(c, keep, sizeof keep, cli_get(a, "set"));
    dx_expr *f = cli_parse(c, a->pos[0]);
    cli_assign start = {0}, set = {0};
    int rc = CLI_BAD;
    dx_descend_lesson *l = NULL;
    if (!f || !read_point(c, a, f, &table, &start, &set))
        goto out;
    /* the columns f uses are its data; the file may hold others */
    const char *dnames[CLI_MAX_ITEMS];
    const double *dcols[CLI_MAX_ITEMS];
    const char **fvars;
    size_t nf = cli_vars(c, f, &fvars), nd = 0;
    for (size_t j = 0; j < table.ncols; j++)
        for (size_t k = 0; k < nf; k++)
            if (strcmp(fvars[k], table.names[j]) == 0) {
                dnames[nd] = table.names[j];
                dcols[nd++] = table.cols[j];
            }
    dx_descend_data data = {dnames, dcols, nd, table.nrows, 0, 1};
    if (!read_batch(c, a, path, &data))
        goto out;
    size_t n = (size_t)start.n;
    bool pictured = cli_has(a, "plot") || cli_has(a, "out");
    dx_descend_request q = {start.name, start.val, n, set.name, set.val, (size_t)set.n, o,
                            rates, (size_t)nrates, rows, pictured, path ? &data : NULL};
    l = dx_descend(c->ctx, f, &q);
    if (!l) {
        if (dx_ctx_error(c->ctx)->msg.id == DX_M_NO_VALUE)
            no_value(c);
        else
            cli_report(c, NULL);
        goto out;
    }
    int panels = n > 1 ? nrates : nrates == 1 ? 2 : nrates, cols = panels < 3 ? panels : 3;
    cli_canvas pc;
    if (pictured && n == 2 && !cli_picture(c, a, 800, 640, &pc)) /* one picture: the contour plot */
        goto out;
    if (pictured && n != 2 && !cli_picture(c, a, 560 * cols, 460 * ((panels + cols - 1) / cols), &pc))
        goto out;
    if (pictured && !pc.out && c->fmt == OUT_JSON) {
        cli_usage(c, _("--plot draws in the terminal; with --format json write the pictures to a file with --out"));
        goto out;
    }
    if (pictured && !pc.out && !cli_has(a, "size"))
        pc.h = n == 2 ? 28 : 18; /* a panel (a contour plot wants more rows), not the whole terminal */
    dx_buf b = {0};
    dx_show how = cli_how(c);
    dx_show_descend(c->ctx, l, how, cli_has(a, "table"), &b);
    char *text = dx_buf_take(&b);
    if (!text) {
        cli_usage(c, _("out of memory"));
        goto out;
    }
    fputs(text, c->out);
    free(text);
    rc = pictured ? pictures(c, &pc, f, l, &set, &q) : CLI_OK;
out:
    dx_descend_lesson_free(l);
    cli_free_parts(start.parts, start.n);
    cli_free_parts(set.parts, set.n);
    cli_table_free(&table);
    return rc;
}
