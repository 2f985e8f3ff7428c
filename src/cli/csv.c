/* Data files: a CSV whose header names the columns (x,y) and whose rows are numbers. Every
 * problem is reported with the file's name and the line, exit status 2. */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* s[0..n) without the blanks around it. */
static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
        (*n)--;
}

/* The fields of one line (commas split them), each trimmed: their number, at most max. */
static size_t fields(const char *line, size_t len, const char **f, size_t *flen, size_t max)
{
    size_t n = 0, from = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && line[i] != ',')
            continue;
        if (n < max) {
            f[n] = line + from;
            flen[n] = i - from;
            trim(&f[n], &flen[n]);
        }
        n++;
        from = i + 1;
    }
    return n;
}

/* Is the line only blanks (a trailing newline, an empty last line)? */
static bool blank(const char *s, size_t n)
{
    trim(&s, &n);
    return n == 0;
}

static void grow(cli *c, cli_table *t, size_t *cap)
{
    if (t->nrows < *cap)
        return;
    *cap = *cap ? 2 * *cap : 256;
    for (size_t j = 0; j < t->ncols; j++) {
        double *g = realloc(t->cols[j], *cap * sizeof *g);
        if (!g)
            cli_oom(c);
        t->cols[j] = g;
    }
}

static bool header(cli *c, const char *path, const char *line, size_t len, cli_table *t)
{
    const char *f[CLI_MAX_ITEMS];
    size_t flen[CLI_MAX_ITEMS], n = fields(line, len, f, flen, CLI_MAX_ITEMS);
    if (n > CLI_MAX_ITEMS)
        return cli_usage(c, _("%s:1: %zu columns; at most %d"), path, n, CLI_MAX_ITEMS), false;
    t->names = calloc(n, sizeof *t->names);
    t->cols = calloc(n, sizeof *t->cols);
    if (!t->names || !t->cols)
        cli_oom(c);
    t->ncols = n;
    for (size_t j = 0; j < n; j++) {
        if (!dx_is_name(f[j], flen[j]))
            return cli_usage(c, _("%s:1: the header names the columns, and '%.*s' is no variable name (write x,y)"), path,
                             (int)flen[j], f[j]),
                   false;
        if (!(t->names[j] = strndup(f[j], flen[j])))
            cli_oom(c);
        for (size_t k = 0; k < j; k++)
            if (strcmp(t->names[k], t->names[j]) == 0)
                return cli_usage(c, _("%s:1: the header names %s twice"), path, t->names[j]), false;
    }
    return true;
}

bool cli_read_csv(cli *c, const char *path, cli_table *t)
{
    memset(t, 0, sizeof *t);
    FILE *fp = fopen(path, "r");
    if (!fp)
        return cli_usage(c, _("cannot read %s: %s"), path, strerror(errno)), false;
    char *line = NULL;
    size_t lcap = 0, cap = 0;
    ssize_t len;
    long lineno = 0;
    bool ok = true, have_header = false;
    while (ok && (len = getline(&line, &lcap, fp)) >= 0) {
        lineno++;
        size_t n = (size_t)len;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        if (blank(line, n))
            continue;
        if (!have_header) {
            ok = have_header = header(c, path, line, n, t);
            continue;
        }
        const char *f[CLI_MAX_ITEMS];
        size_t flen[CLI_MAX_ITEMS], nf = fields(line, n, f, flen, CLI_MAX_ITEMS);
        if (nf != t->ncols) {
            char values[64]; /* two counts: each its own plural, the row's put into the header's sentence */
            snprintf(values, sizeof values, ngettext("%zu value", "%zu values", nf), nf);
            cli_usage(c,
                      ngettext("%s:%ld: %s, but the header names %zu column",
                               "%s:%ld: %s, but the header names %zu columns", t->ncols),
                      path, lineno, values, t->ncols);
            ok = false;
            break;
        }
        grow(c, t, &cap);
        for (size_t j = 0; ok && j < nf; j++) {
            char buf[64];
            char *end = NULL;
            double v = NAN;
            if (flen[j] && flen[j] < sizeof buf) {
                memcpy(buf, f[j], flen[j]);
                buf[flen[j]] = 0;
                v = strtod(buf, &end);
            }
            if (!end || *end || !isfinite(v)) {
                cli_usage(c, _("%s:%ld: '%.*s' in column %s is not a number"), path, lineno, (int)(flen[j] > 40 ? 40 : flen[j]),
                          f[j], t->names[j]);
                ok = false;
            } else {
                t->cols[j][t->nrows] = v;
            }
        }
        t->nrows += ok;
    }
    free(line);
    fclose(fp);
    if (ok && !have_header)
        return cli_usage(c, _("%s is empty: its first line names the columns (x,y), the lines after are rows of numbers"),
                         path), cli_table_free(t), false;
    if (ok && !t->nrows)
        return cli_usage(c, _("%s has no rows under its header"), path), cli_table_free(t), false;
    if (!ok)
        cli_table_free(t);
    return ok;
}

void cli_table_free(cli_table *t)
{
    for (size_t j = 0; j < t->ncols; j++) {
        free(t->names ? t->names[j] : NULL);
        free(t->cols ? t->cols[j] : NULL);
    }
    free(t->names);
    free(t->cols);
    memset(t, 0, sizeof *t);
}
