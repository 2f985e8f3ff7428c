/* --at x=1,y=pi/2 and --var x,y for the commands on several variables. */
#include "point.h"

#include <stdlib.h>
#include <string.h>

/* The next item of a comma list (commas inside parentheses belong to the item): its text in
 * the context, the scan advanced past it. NULL at the end. */
static char *next_item(cli *c, const char **s)
{
    const char *from = *s, *p = from;
    if (!*from)
        return NULL;
    for (int depth = 0; *p && (*p != ',' || depth > 0); p++)
        depth += (*p == '(') - (*p == ')');
    size_t len = (size_t)(p - from);
    char *item = malloc(len + 1);
    if (!item)
        cli_oom(c);
    memcpy(item, from, len);
    item[len] = 0;
    *s = *p ? p + 1 : p;
    return item;
}

/* The item's name as the context keeps it (names belong to the context). */
static const char *ctx_name(cli *c, const char *s, size_t len)
{
    dx_expr *e = dx_parse(c->ctx, s, len);
    const char **names;
    if (!e || cli_vars(c, e, &names) != 1) {
        cli_recover(c);
        return NULL;
    }
    return names[0];
}

bool cli_read_point(cli *c, const char *opt, const char *text, cli_point *p)
{
    p->n = 0;
    char *item;
    while ((item = next_item(c, &text))) {
        size_t k = cli_name_len(item);
        const char *name = k && item[k] == '=' ? ctx_name(c, item, k) : NULL;
        double v;
        bool ok = name && p->n < CLI_POINT_MAX &&
                  cli_number_ex(c, opt, item + k + 1, false, &v, &p->value[p->n]);
        if (!name)
            cli_usage(c, _("--%s takes name=value items separated by commas, like x=1,y=2 (not '%s')"), opt, item);
        else if (p->n == CLI_POINT_MAX)
            cli_usage(c, _("--%s takes at most %d values"), opt, CLI_POINT_MAX);
        free(item);
        if (!ok)
            return false;
        for (size_t i = 0; i < p->n; i++)
            if (p->name[i] == name) /* names belong to the context: one pointer each */
                return cli_usage(c, _("--%s gives %s twice"), opt, name), false;
        p->name[p->n++] = name;
    }
    if (p->n == 0)
        return cli_usage(c, _("--%s needs a point, like x=1,y=2"), opt), false;
    return true;
}

bool cli_read_vars(cli *c, const cli_args *a, const char **names, size_t max, size_t *n)
{
    const char *s = cli_get(a, "var");
    *n = 0;
    char *item;
    while (s && (item = next_item(c, &s))) {
        size_t k = cli_name_len(item);
        const char *name = k && !item[k] && *n < max ? ctx_name(c, item, k) : NULL;
        if (!name)
            cli_usage(c, _("--var takes at most %zu variable names separated by commas, like x,y (not '%s')"), max, item);
        free(item);
        if (!name)
            return false;
        names[(*n)++] = name;
    }
    return true;
}
