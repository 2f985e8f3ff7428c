/* Lists of values on the command line: --rate 0.1,0.5 and name=value items (--start w=0,b=1,
 * --at w=0.5,x=2). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* Split s at commas outside parentheses (log(x, 2) stays whole) into malloc'd pieces. */
int cli_split(cli *c, const char *opt, const char *s, char **parts, int max)
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
            cli_oom(c);
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

void cli_free_parts(char **parts, int n)
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

static bool has_var(cli *c, dx_expr *f, const char *name)
{
    const char **names;
    size_t n = cli_vars(c, f, &names);
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

void cli_list_vars(cli *c, dx_expr *f, char *buf, size_t len)
{
    const char **names;
    size_t n = dx_vars(c->ctx, f, &names), used = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && used < len; i++) {
        int w = snprintf(buf + used, len - used, "%s%s", i ? ", " : "", names[i]);
        used += w > 0 ? (size_t)w : 0;
    }
}

bool cli_parse_assign(cli *c, dx_expr *f, const char *opt, const char *s, cli_assign *as, bool allow_bare)
{
    as->n = cli_split(c, opt, s, as->parts, CLI_MAX_ITEMS);
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
        if (!has_var(c, f, p)) {
            char vars[200];
            cli_list_vars(c, f, vars, sizeof vars);
            cli_usage(c, _("--%s names %s, which is not a variable of the function (its variables: %s)"), opt, p,
                      vars[0] ? vars : _("none"));
            return false;
        }
        if (!cli_number(c, opt, p + k + 1, &as->val[i]))
            return false;
    }
    return true;
}


void cli_keep_name(cli *c, char *buf, size_t n, const char *name, size_t len)
{
    size_t used = strlen(buf);
    if (!len || used + len + 2 > n)
        return;
    if (!used && c->vars && strlen(c->vars) + 1 < n) { /* --var's names first */
        snprintf(buf, n, "%s", c->vars);
        used = strlen(buf);
    }
    snprintf(buf + used, n - used, "%s%.*s", used ? "," : "", (int)len, name);
    c->vars = buf;
}

void cli_keep_names(cli *c, char *buf, size_t n, const char *items)
{
    for (const char *p = items; p && *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t k = cli_name_len(p);
        const char *after = p + k;
        while (*after == ' ')
            after++;
        if (k && *after == '=')
            cli_keep_name(c, buf, n, p, k);
        p = strchr(p, ',');
    }
}
