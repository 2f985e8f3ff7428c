/* dfdx eval, verify and tangent: the numbers behind a formula. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

int cli_eval(cli *c, const cli_args *a);
int cli_verify(cli *c, const cli_args *a);
int cli_tangent(cli *c, const cli_args *a);

#define MAX_POINTS 100

/* Values given as V=VALUE: names (the context's, from dx_vars) and their exact (closed)
 * expressions. */
typedef struct {
    int n;
    const char *name[CLI_MAX_POS];
    dx_expr *val[CLI_MAX_POS];
} bindings;

/* Positionals pos[from..) as V=VALUE; every variable of e other than skip must get one. */
static bool bind_values(cli *c, const cli_args *a, int from, dx_expr *e, const char *skip, bindings *b)
{
    b->n = 0;
    const char **names;
    size_t nv = cli_vars(c, e, &names);
    for (int i = from; i < a->npos; i++) {
        const char *s = a->pos[i], *eq = strchr(s, '=');
        size_t len = eq ? (size_t)(eq - s) : 0;
        while (len && s[len - 1] == ' ')
            len--;
        while (len && *s == ' ')
            s++, len--;
        if (!eq || !dx_is_name(s, len)) {
            cli_usage(c, _("'%s' is not a value: write it as V=VALUE, e.g. x=1/2"), a->pos[i]);
            return false;
        }
        char label[80];
        snprintf(label, sizeof label, "%.*s=", (int)(len > 60 ? 60 : len), s);
        const char *name = NULL;
        for (size_t k = 0; k < nv; k++)
            if (strlen(names[k]) == len && strncmp(names[k], s, len) == 0)
                name = names[k];
        for (int k = 0; name && k < b->n; k++)
            if (b->name[k] == name) {
                cli_usage(c, _("%s is given twice"), name);
                return false;
            }
        bool varied = skip && strlen(skip) == len && strncmp(skip, s, len) == 0;
        if (!name || varied) {
            cli_usage(c,
                      varied ? _("%.*s is not a variable of the expression to give a value (it is the one varied)")
                             : _("%.*s is not a variable of the expression"),
                      (int)len, s);
            return false;
        }
        b->name[b->n] = name;
        double num;
        if (!cli_number_ex(c, label, eq + 1, false, &num, &b->val[b->n]))
            return false;
        b->n++;
    }
    /* every variable needs a value: list the missing ones */
    char missing[512] = "";
    size_t nmiss = 0;
    for (size_t k = 0; k < nv; k++) {
        bool have = skip && strcmp(skip, names[k]) == 0;
        for (int j = 0; j < b->n; j++)
            have |= b->name[j] == names[k];
        if (!have && strlen(missing) + strlen(names[k]) + 4 < sizeof missing) {
            strcat(missing, nmiss++ ? ", " : "");
            strcat(missing, names[k]);
        }
    }
    if (nmiss) {
        cli_usage(c,
                  ngettext("no value for %s: give it as V=VALUE (e.g. %s=1)",
                           "no value for %s: give them as V=VALUE (e.g. %s=1)", nmiss),
                  missing, names[0]);
        return false;
    }
    return true;
}

int cli_eval(cli *c, const cli_args *a)
{
    dx_expr *e = cli_parse(c, a->pos[0]);
    bindings b;
    dx_value v;
    if (!e || !bind_values(c, a, 1, e, NULL, &b))
        return CLI_BAD;
    if (dx_eval_at(c->ctx, e, b.name, b.val, (size_t)b.n, &v) != DX_OK)
        return cli_report(c, NULL);
    if (v.exact)
        c->result = v.exact; /* ans in a session */
    dx_buf out = {0};
    dx_show_value(c->ctx, &v, cli_how(c), &out);
    return cli_emit(c, c->out, &out);
}

/* --at A,B,...: split at top-level commas (log(x, 2) keeps its comma). */
static int points_of(cli *c, const char *s, double *pts)
{
    int n = 0;
    const char *start = s;
    int depth = 0;
    for (const char *p = s;; p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')')
            depth--;
        if (*p == 0 || (*p == ',' && depth <= 0)) {
            if (n == MAX_POINTS) {
                cli_usage(c, _("--at takes at most %d points"), MAX_POINTS);
                return -1;
            }
            char *one = strndup(start, (size_t)(p - start));
            bool ok = one && cli_number(c, "at", one, &pts[n]);
            free(one);
            if (!ok)
                return -1;
            n++;
            if (!*p)
                break;
            start = p + 1;
        }
    }
    return n;
}

int cli_verify(cli *c, const cli_args *a)
{
    const char *var, *at = cli_get(a, "at");
    bindings b;
    double pts[MAX_POINTS];
    dx_expr *e = cli_function(c, a, NULL, &var);
    int n = 0;
    if (!e || !bind_values(c, a, 1, e, var, &b) || (at && (n = points_of(c, at, pts)) < 0))
        return CLI_BAD;
    dx_verify_result r;
    if (dx_verify(c->ctx, e, var, b.name, b.val, (size_t)b.n, at ? pts : NULL, (size_t)n, &r) != DX_OK)
        return cli_report(c, NULL);
    dx_buf out = {0};
    dx_show_verify(c->ctx, &r, cli_how(c), &out);
    int rc = cli_emit(c, c->out, &out);
    return rc == CLI_OK && r.mismatched ? CLI_INCORRECT : rc;
}

int cli_tangent(cli *c, const cli_args *a)
{
    const char *at = cli_get(a, "at"), *var;
    if (!at)
        return cli_usage(c, _("tangent needs the point: --at A (e.g. --at 1.5 or --at pi/4)"));
    bindings b;
    dx_expr *e = cli_function(c, a, NULL, &var);
    double x; /* --at checked here, for its messages; dx_tangent reads it as written */
    if (!e || !bind_values(c, a, 1, e, var, &b) || !cli_number(c, "at", at, &x))
        return CLI_BAD;
    dx_tangent_result r;
    if (dx_tangent(c->ctx, e, var, at, b.name, b.val, (size_t)b.n, &r) != DX_OK)
        return cli_report(c, NULL);
    if (r.line)
        c->result = r.line; /* ans in a session: the tangent line's right-hand side */
    dx_buf out = {0};
    dx_show_tangent(c->ctx, &r, cli_how(c), &out);
    return cli_emit(c, c->out, &out);
}
