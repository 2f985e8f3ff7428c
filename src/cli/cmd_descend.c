/* dfdx descend: gradient descent on the typed function, step by step, one or several rates. */
#include "cli.h"
#include "dfdx/descend.h"

#include <stdlib.h>
#include <string.h>

int cli_descend(cli *c, const cli_args *a);

#define MAX_RATES DX_DESCEND_MAX_RATES
#define MAX_ITEMS (DX_DESCEND_MAX_VARS + 1)

/* Split s at commas outside parentheses (log(x, 2) stays whole) into malloc'd pieces. */
static int split(cli *c, const char *opt, const char *s, char **parts, int max)
{
    int n = 0, depth = 0;
    const char *from = s;
    for (const char *p = s;; p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')')
            depth--;
        if (*p && (*p != ',' || depth > 0))
            continue;
        if (n == max) {
            cli_usage(c, _("--%s takes at most %d values"), opt, max);
            goto fail;
        }
        size_t len = (size_t)(p - from);
        while (len && (*from == ' ')) {
            from++;
            len--;
        }
        if (len == 0) {
            cli_usage(c, _("--%s has an empty value in '%s'"), opt, s);
            goto fail;
        }
        parts[n] = malloc(len + 1);
        if (!parts[n])
            goto fail;
        memcpy(parts[n], from, len);
        parts[n++][len] = 0;
        if (!*p)
            return n;
        from = p + 1;
    }
fail:
    while (n)
        free(parts[--n]);
    return -1;
}

static void free_parts(char **parts, int n)
{
    for (int i = 0; i < n; i++)
        free(parts[i]);
}

/* "name=VALUE": the length of the name, or 0 when the item has no such prefix. */
static size_t name_len(const char *s)
{
    size_t i = 0;
    while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_' ||
           (i > 0 && s[i] >= '0' && s[i] <= '9'))
        i++;
    return i > 0 && s[i] == '=' ? i : 0;
}

static bool has_var(dx_ctx *ctx, dx_expr *f, const char *name)
{
    const char **names;
    size_t n = dx_vars(ctx, f, &names);
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

static void list_vars(cli *c, dx_expr *f, char *buf, size_t len)
{
    const char **names;
    size_t n = dx_vars(c->ctx, f, &names), used = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && used < len; i++) {
        int w = snprintf(buf + used, len - used, "%s%s", i ? ", " : "", names[i]);
        used += w > 0 ? (size_t)w : 0;
    }
}

/* The name=value items of --start or --set; names must be variables of f. */
typedef struct assign {
    char *parts[MAX_ITEMS];
    const char *name[MAX_ITEMS];
    double val[MAX_ITEMS];
    int n;
} assign;

static bool parse_assign(cli *c, dx_expr *f, const char *opt, const char *s, assign *as, bool allow_bare)
{
    as->n = split(c, opt, s, as->parts, MAX_ITEMS);
    if (as->n < 0) {
        as->n = 0;
        return false;
    }
    for (int i = 0; i < as->n; i++) {
        char *p = as->parts[i];
        size_t k = name_len(p);
        if (k == 0 && allow_bare && as->n == 1) {
            as->name[i] = NULL; /* the one descent variable, found later */
            if (!cli_number(c, opt, p, &as->val[i]))
                return false;
            continue;
        }
        if (k == 0) {
            cli_usage(c, _("--%s takes name=value items separated by commas, like w=0,b=1 (not '%s')"), opt, p);
            return false;
        }
        p[k] = 0;
        as->name[i] = p;
        if (!has_var(c->ctx, f, p)) {
            char vars[200];
            list_vars(c, f, vars, sizeof vars);
            cli_usage(c, _("--%s names %s, which is not a variable of the function (its variables: %s)"), opt, p,
                      vars[0] ? vars : "none");
            return false;
        }
        if (!cli_number(c, opt, p + k + 1, &as->val[i]))
            return false;
    }
    return true;
}

/* f with the --set values put in exactly (w*x - y with x=2 is a curve in w alone). */
static dx_expr *fixed(cli *c, dx_expr *f, const assign *set)
{
    dx_expr *vals[MAX_ITEMS];
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
static int pictures(cli *c, const cli_canvas *pc, dx_expr *f, const dx_descend_lesson *l, const assign *set)
{
    cli_trace traces[MAX_RATES];
    char *status[MAX_RATES] = {0};
    int rc = CLI_BAD;
    for (size_t k = 0; k < l->nruns; k++) {
        const dx_descend_one *r = &l->runs[k];
        dx_msg m = dx_descend_status_msg(r->res.status);
        status[k] = dx_msg_text(c->ctx, &m, DX_PLAIN);
        traces[k] = (cli_trace){r->rate, r->trace.x, r->trace.loss, r->trace.step, r->trace.n, status[k]};
        if (!status[k])
            goto out;
    }
    dx_expr *g = l->nvars == 1 ? fixed(c, f, set) : f;
    rc = g ? cli_descend_pictures(c, pc, g, l->nvars == 1 ? l->vars[0] : NULL, traces, (int)l->nruns) : CLI_BAD;
out:
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
        int n = split(c, "rate", s, parts, MAX_RATES);
        if (n < 0)
            return false;
        bool ok = true;
        for (int i = 0; ok && i < n; i++)
            ok = cli_number(c, "rate", parts[i], &rates[i]);
        free_parts(parts, n);
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

/* The descent variables and start from --start, the fixed ones from --set. */
static bool read_point(cli *c, const cli_args *a, dx_expr *f, assign *start, assign *set)
{
    const char *s = cli_get(a, "set");
    if (s && !parse_assign(c, f, "set", s, set, false))
        return false;
    s = cli_get(a, "start");
    if (!s)
        return cli_usage(c, _("descend needs a start point: --start W0 (or --start w=0,b=1 for several variables)")),
               false;
    if (!parse_assign(c, f, "start", s, start, true))
        return false;
    if (start->n == 1 && !start->name[0]) {
        /* a bare number: the start of the one variable not fixed by --set */
        const char **names;
        size_t n = dx_vars(c->ctx, f, &names);
        const char *only = NULL;
        int free_vars = 0;
        for (size_t i = 0; i < n; i++) {
            bool fixed = false;
            for (int j = 0; j < set->n; j++)
                fixed = fixed || strcmp(set->name[j], names[i]) == 0;
            if (!fixed) {
                only = names[i];
                free_vars++;
            }
        }
        if (free_vars != 1) {
            char vars[200];
            list_vars(c, f, vars, sizeof vars);
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

int cli_descend(cli *c, const cli_args *a)
{
    dx_descend_opts o;
    double rates[MAX_RATES];
    int nrates;
    long rows = c->fmt == OUT_JSON ? 10000 : 40;
    if (!read_opts(c, a, &o, rates, &nrates, &rows))
        return CLI_BAD;
    dx_expr *f = cli_parse(c, a->pos[0]);
    if (!f)
        return CLI_BAD;
    assign start = {0}, set = {0};
    int rc = CLI_BAD;
    dx_descend_lesson *l = NULL;
    if (!read_point(c, a, f, &start, &set))
        goto out;
    size_t n = (size_t)start.n;
    bool pictured = cli_has(a, "plot") || cli_has(a, "out");
    dx_descend_request q = {start.name, start.val, n, set.name, set.val, (size_t)set.n, o,
                            rates, (size_t)nrates, rows, pictured};
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
    if (pictured && !cli_picture(c, a, 560 * cols, 460 * ((panels + cols - 1) / cols), &pc))
        goto out;
    if (pictured && !pc.out && c->fmt == OUT_JSON) {
        cli_usage(c, _("--plot draws in the terminal; with --format json write the pictures to a file with --out"));
        goto out;
    }
    if (pictured && !pc.out && !cli_has(a, "size"))
        pc.h = 18; /* a panel, not the whole terminal */
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
    rc = pictured ? pictures(c, &pc, f, l, &set) : CLI_OK;
out:
    dx_descend_lesson_free(l);
    free_parts(start.parts, start.n);
    free_parts(set.parts, set.n);
    return rc;
}
