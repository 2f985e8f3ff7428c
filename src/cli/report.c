/* What the program tells the user: errors with a column and a caret, JSON pieces. */
#include "cli.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_cont(unsigned char ch) { return (ch & 0xC0) == 0x80; }

/* The line of text holding byte offset pos, and pos's column in characters (1-based). */
static void locate(const char *text, long pos, const char **line, size_t *line_len, long *col)
{
    size_t len = strlen(text);
    if (pos < 0)
        pos = 0;
    if ((size_t)pos > len)
        pos = (long)len;
    const char *start = text + pos;
    while (start > text && start[-1] != '\n')
        start--;
    const char *end = strchr(start, '\n');
    *line = start;
    *line_len = end ? (size_t)(end - start) : strlen(start);
    long c = 1;
    for (const char *p = start; p < text + pos; p++)
        if (!is_cont((unsigned char)*p))
            c++;
    *col = c;
}

void cli_oom(cli *c)
{
    fflush(c->out);
    fprintf(c->err, _("dfdx: %sout of memory\n"), c->line_prefix);
    exit(CLI_BAD);
}

size_t cli_vars(cli *c, const dx_expr *e, const char ***names)
{
    size_t n = dx_vars(c->ctx, e, names);
    if (n == 0 && dx_ctx_error(c->ctx)->status == DX_ENOMEM)
        cli_oom(c);
    return n;
}

void cli_recover(cli *c)
{
    if (dx_ctx_error(c->ctx)->status == DX_ENOMEM)
        cli_oom(c);
    dx_ctx_clear_error(c->ctx);
}

/* Under --format json an error is also one object on stdout, {"error": {"kind": ..., "message":
 * ..., "column": N or null}}, so that a program reading the results reads the failures. */
static void json_error(cli *c, const char *kind, const char *msg, long col)
{
    if (c->fmt != OUT_JSON)
        return;
    dx_buf b = {0};
    dx_buf_puts(&b, "{\"error\": {");
    dx_json_key(&b, "kind", true);
    dx_json_str(&b, kind);
    dx_json_key(&b, "message", false);
    dx_json_str(&b, msg);
    dx_json_key(&b, "column", false);
    if (col > 0)
        dx_buf_printf(&b, "%ld", col);
    else
        dx_buf_puts(&b, "null");
    dx_buf_puts(&b, "}}\n");
    char *s = dx_buf_take(&b);
    if (s)
        fputs(s, c->out);
    free(s);
    c->nnotes = 0;
}

/* The kind of an error as JSON names it, by status. */
static const char *error_kind(dx_status st)
{
    switch (st) {
    case DX_ESYNTAX: return "syntax";
    case DX_EDOMAIN: return "domain";
    case DX_ELIMIT: return "limit";
    case DX_ENOMEM: return "memory";
    default: return "usage";
    }
}

int cli_report(cli *c, const char *text)
{
    const dx_error *e = dx_ctx_error(c->ctx);
    if (text && e->pos >= 0 && memchr(text, 0, (size_t)e->pos) == NULL) {
        const char *line;
        size_t n;
        long col;
        locate(text, e->pos, &line, &n, &col);
        char *msg = dx_ctx_errmsg(c->ctx, DX_PLAIN);
        fprintf(c->err, "dfdx: %s", c->line_prefix);
        fprintf(c->err, e->status == DX_ESYNTAX ? _("syntax error at column %ld: %s\n") : _("error at column %ld: %s\n"),
                col, msg ? msg : _("out of memory"));
        json_error(c, error_kind(e->status), msg ? msg : _("out of memory"), col);
        free(msg);
        /* a very long line is shown around the error only */
        size_t from = 0, shown = n;
        long ccol = col;
        if (n > 200) {
            long skip = col > 60 ? col - 60 : 0;
            const char *p = line;
            for (long k = 0; k < skip && p < line + n; p++)
                if (!is_cont((unsigned char)p[1]))
                    k++;
            from = (size_t)(p - line);
            shown = n - from > 160 ? 160 : n - from;
            while (shown < n - from && is_cont((unsigned char)line[from + shown]))
                shown++;
            ccol = col - skip;
        }
        /* the line as typed, but a control byte (ESC from garbage on stdin) is shown as '?' so
         * it cannot drive the user's terminal; one column each, so the caret still fits */
        fputs("  ", c->err);
        for (size_t k = 0; k < shown; k++) {
            unsigned char ch = (unsigned char)line[from + k];
            fputc(ch < 0x20 && ch != '\t' ? '?' : ch == 0x7f ? '?' : ch, c->err);
        }
        /* the caret under the column: a tab for a tab, two spaces for a character a terminal
         * draws two wide (Hangul, CJK), one for any other */
        fputs("\n  ", c->err);
        const char *p = line + from;
        for (long k = 1; k < ccol; k++) {
            size_t len = 1;
            while (is_cont((unsigned char)p[len]))
                len++;
            if (*p == '\t')
                fputc('\t', c->err);
            else
                fprintf(c->err, "%*s", (int)dx_text_width(p, len), "");
            p += len;
        }
        fputs("^\n", c->err);
    } else {
        char *msg = dx_ctx_errmsg(c->ctx, DX_PLAIN);
        fprintf(c->err, "dfdx: %s%s\n", c->line_prefix, !msg ? _("out of memory") : msg[0] ? msg : _("failed"));
        json_error(c, error_kind(e->status), !msg ? _("out of memory") : msg[0] ? msg : _("failed"), 0);
        free(msg);
    }
    dx_ctx_clear_error(c->ctx);
    return CLI_BAD;
}

int cli_usage(cli *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dx_buf b = {0};
    dx_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    char *msg = dx_buf_take(&b);
    const char *text = msg ? msg : _("out of memory");
    fprintf(c->err, "dfdx: %s%s\n", c->line_prefix, text);
    json_error(c, "usage", text, 0);
    free(msg);
    return CLI_BAD;
}

/* cli_parse; decimals: a decimal point in text makes the command print decimals (a formula's
 * does, an option's number does not: verify --at 0.5 keeps sqrt(x)' as 1/(2*sqrt(x))). */
static dx_expr *parse_text(cli *c, const char *text, bool decimals)
{
    /* the names of --var stay whole (--var wx: wx is not w*x) */
    char buf[1024];
    const char *names[CLI_MAX_ITEMS];
    dx_parse_opts opts = {names, 0, c->equation};
    snprintf(buf, sizeof buf, "%s", c->vars ? c->vars : "");
    for (char *p = strtok(buf, ","); p && opts.nnames < CLI_MAX_ITEMS; p = strtok(NULL, ","))
        names[opts.nnames++] = p;
    dx_parse_info info;
    dx_expr *e = dx_parse_ex(c->ctx, text, strlen(text), &opts, &info);
    if (!e)
        cli_report(c, text);
    if (e && decimals && info.decimals)
        dx_ctx_set_decimals(c->ctx, true);
    for (size_t i = 0; e && i < info.nnotes; i++) {
        char *note = dx_msg_text(c->ctx, &info.notes[i], DX_PLAIN);
        if (!note)
            cli_oom(c);
        fprintf(c->err, _("dfdx: %snote: %s\n"), c->line_prefix, note);
        free(note);
        if (c->nnotes < DX_PARSE_MAX_NOTES)
            c->notes[c->nnotes++] = info.notes[i];
    }
    return e;
}

dx_expr *cli_parse(cli *c, const char *text) { return parse_text(c, text, true); }

char *cli_show(cli *c, const dx_expr *e)
{
    char *s = dx_print(c->ctx, e, c->fmt == OUT_LATEX ? DX_LATEX : DX_PLAIN);
    if (!s) /* printing fails only without memory */
        cli_oom(c);
    return s;
}

char *cli_text(cli *c, const char *plain)
{
    char *s = NULL;
    if (c->fmt == OUT_LATEX && strspn(plain, "-0123456789.e+") != strlen(plain)) {
        dx_expr *e = dx_parse(c->ctx, plain, strlen(plain));
        s = e ? dx_print(c->ctx, e, DX_LATEX) : NULL;
        cli_recover(c);
    }
    if (!s && !(s = strdup(plain)))
        cli_usage(c, _("out of memory"));
    return s;
}

/* The length of the name s starts with, 0 if none: the grammar's own rule. */
size_t cli_name_len(const char *s) { return dx_name_len(s, strlen(s)); }

const char *cli_pick_var(cli *c, const cli_args *a, dx_expr *e)
{
    const char *v = cli_get(a, "var");
    if (v) {
        if (!dx_is_name(v, strlen(v))) {
            cli_usage(c, _("--var takes a variable name (not '%s')"), v);
            return NULL;
        }
        /* pi, e and function names read as something else: d/dpi would silently be 0 */
        dx_expr *as_read = dx_parse_ex(c->ctx, v, strlen(v), &(dx_parse_opts){&v, 1, false}, NULL);
        cli_recover(c);
        if (!dx_is_variable(as_read)) {
            cli_usage(c,
                      dx_is_constant(as_read) ? _("--var takes a variable name (not '%s', which is a constant)")
                                              : _("--var takes a variable name (not '%s', which is a function)"),
                      v);
            return NULL;
        }
        return v;
    }
    const char **names;
    size_t n = cli_vars(c, e, &names);
    if (n == 0)
        return "x"; /* a constant: its derivative by x is 0 */
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], "x") == 0)
            return "x";
    if (n == 1)
        return names[0];
    dx_buf list = {0};
    for (size_t i = 0; i < n; i++)
        dx_buf_printf(&list, "%s%s", i ? ", " : "", names[i]);
    cli_usage(c, _("several variables (%s): choose one with --var, or use 'dfdx grad'"), list.s ? list.s : "");
    dx_buf_free(&list);
    return NULL;
}

/* "--at" for "at"; a label already shaped ("--at", "x=") stays as it is. */
static void opt_label(char *buf, size_t n, const char *name)
{
    size_t len = strlen(name);
    if (name[0] == '-' || (len && name[len - 1] == '='))
        snprintf(buf, n, "%s", name);
    else
        snprintf(buf, n, "--%s", name);
}

static bool is_inf_word(const char *s, int *sign)
{
    *sign = 1;
    while (*s == ' ')
        s++;
    if (*s == '-' || *s == '+')
        *sign = *s++ == '-' ? -1 : 1;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    return (n == 2 && strncmp(s, "oo", 2) == 0) || (n == 3 && strncmp(s, "inf", 3) == 0) ||
           (n == 8 && strncmp(s, "infinity", 8) == 0) || (n == 3 && strncmp(s, "\u221e", 3) == 0);
}

bool cli_number_ex(cli *c, const char *opt_name, const char *text, bool allow_inf, double *out, dx_expr **exact)
{
    char label[64], prefix[128];
    opt_label(label, sizeof label, opt_name);
    if (exact)
        *exact = NULL;
    int sign;
    if (is_inf_word(text, &sign)) {
        if (allow_inf) {
            *out = sign * INFINITY;
            return true;
        }
        cli_usage(c, _("%s takes a finite number (not '%s')"), label, text);
        return false;
    }
    if (!*text) {
        cli_usage(c, _("%s needs a value: a number or an expression like pi/2"), label);
        return false;
    }
    /* errors from the option's text read "dfdx: --at: syntax error at column 2: ..." */
    const char *saved = c->line_prefix;
    snprintf(prefix, sizeof prefix, "%s%s: ", saved, label);
    c->line_prefix = prefix;
    bool ok = false;
    dx_expr *e = parse_text(c, text, false);
    if (e) {
        const char **names;
        if (cli_vars(c, e, &names) > 0)
            cli_usage(c,
                      allow_inf ? _("takes a number, a constant expression like pi/2, or oo/-oo (not '%s', which has "
                                    "the variable %s)")
                                : _("takes a number or a constant expression like pi/2 (not '%s', which has the "
                                    "variable %s)"),
                      text, names[0]);
        else if (dx_eval_const(c->ctx, e, out) != DX_OK)
            cli_report(c, NULL);
        else if (!isfinite(*out))
            cli_usage(c, allow_inf ? _("'%s' is too large for a double; use oo or -oo for infinity")
                                   : _("'%s' is too large for a double"),
                      text);
        else
            ok = true;
    }
    c->line_prefix = saved;
    if (ok && exact)
        *exact = e;
    return ok;
}

bool cli_number(cli *c, const char *opt_name, const char *text, double *out)
{
    return cli_number_ex(c, opt_name, text, false, out, NULL);
}

bool cli_whole(cli *c, const char *opt_name, const char *text, long lo, long hi, long *out)
{
    double v;
    if (!cli_number(c, opt_name, text, &v))
        return false;
    if (v != floor(v) || v < (double)lo || v > (double)hi) {
        char label[64];
        opt_label(label, sizeof label, opt_name);
        cli_usage(c, _("%s takes a whole number from %ld to %ld (not '%s')"), label, lo, hi, text);
        return false;
    }
    *out = (long)v;
    return true;
}

bool cli_order(cli *c, const cli_args *a, unsigned max, unsigned *order)
{
    const char *s = cli_get(a, "order");
    long v = 1;
    if (s && !cli_whole(c, "order", s, 0, (long)max, &v))
        return false;
    *order = (unsigned)v;
    return true;
}

dx_expr *cli_function(cli *c, const cli_args *a, const char *only, const char **var)
{
    dx_expr *e = cli_parse(c, a->pos[0]);
    if (!e || !(*var = cli_pick_var(c, a, e)))
        return NULL;
    const char **names;
    size_t n = only ? cli_vars(c, e, &names) : 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], *var) != 0) {
            cli_usage(c, _("%s needs a function of %s alone: %s has no value (put a number in its place)"), only, *var,
                      names[i]);
            return NULL;
        }
    return e;
}
