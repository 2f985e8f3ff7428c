/* The dfdx session: commands one line at a time, named functions, ans, history on a terminal. */
#include "cli.h"
#include "eval.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <editline/readline.h>

int cli_session(cli *c, const cli_args *a);

enum {
    MAX_NAMES = 64,          /* named functions in one session */
    MAX_NAME = 32,
    MAX_LINE = 64 * 1024,    /* one command, continuation lines included */
    MAX_EXPAND_DEPTH = 16,   /* f(g(h(...))) nesting of named functions in one argument */
    MAX_HISTORY = 1000,
};

typedef struct {
    char name[MAX_NAME], var[MAX_NAME];
    char *body; /* the canonical plain text of the definition */
} named;

typedef struct {
    cli *c;
    bool tty;
    char *history; /* the history file, NULL when HOME is unknown */
    named fn[MAX_NAMES];
    size_t nfn;
    char *ans;     /* the last result that is an expression, NULL before one */
    long lineno;
} session;

/* One word of a line: the text, and whether any of it was quoted (then it stands alone). */
typedef struct {
    char *text;
    bool quoted;
} word;

typedef enum { LINE_DONE, LINE_MORE, LINE_QUIT } line_result;

/* n bytes of s onto a memory stream (its errors show when it is closed) */
static void add(FILE *f, const char *s, size_t n) { fwrite(s, 1, n, f); }

static bool ident_start(char ch) { return isalpha((unsigned char)ch) || ch == '_'; }
static bool ident_char(char ch) { return isalnum((unsigned char)ch) || ch == '_'; }

static const named *lookup(const session *s, const char *name, size_t len)
{
    for (size_t i = 0; i < s->nfn; i++)
        if (strlen(s->fn[i].name) == len && strncmp(s->fn[i].name, name, len) == 0)
            return &s->fn[i];
    return NULL;
}

/* text with the session's names replaced: f by (its body), f(ARG) by (its body with its
 * variable replaced by (ARG)), ans by (the last result). Numbers are skipped whole, so the
 * e of 1e5 is never taken for a name. malloc'd, or NULL without memory or past the nesting
 * limit. */
static char *expand(const session *s, const char *text, int depth)
{
    char *out = NULL;
    size_t outlen = 0;
    FILE *b = depth > MAX_EXPAND_DEPTH ? NULL : open_memstream(&out, &outlen);
    if (!b)
        return NULL;
    for (const char *p = text; *p;) {
        if (isdigit((unsigned char)*p) || (*p == '.' && isdigit((unsigned char)p[1]))) {
            const char *q = p;
            while (isdigit((unsigned char)*q) || *q == '.')
                q++;
            if ((*q == 'e' || *q == 'E') && (isdigit((unsigned char)q[1]) ||
                                             ((q[1] == '+' || q[1] == '-') && isdigit((unsigned char)q[2])))) {
                q += 2;
                while (isdigit((unsigned char)*q))
                    q++;
            }
            add(b, p, (size_t)(q - p));
            p = q;
            continue;
        }
        if (!ident_start(*p) || (p > text && ident_char(p[-1]))) {
            add(b, p, 1);
            p++;
            continue;
        }
        const char *q = p;
        while (ident_char(*q))
            q++;
        const named *f = lookup(s, p, (size_t)(q - p));
        bool is_ans = !f && s->ans && q - p == 3 && strncmp(p, "ans", 3) == 0;
        if (!f && !is_ans) {
            add(b, p, (size_t)(q - p));
            p = q;
            continue;
        }
        const char *r = q;
        while (*r == ' ' || *r == '\t')
            r++;
        const char *close = NULL;
        if (f && *r == '(') { /* f(ARG): find the matching ')' */
            int d = 0;
            for (const char *t = r; *t; t++) {
                d += *t == '(' ? 1 : *t == ')' ? -1 : 0;
                if (d == 0) {
                    close = t;
                    break;
                }
            }
        }
        add(b, "(", 1);
        if (close) {
            char *inner = strndup(r + 1, (size_t)(close - r - 1));
            char *arg = inner ? expand(s, inner, depth + 1) : NULL;
            free(inner);
            if (!arg) {
                fclose(b);
                free(out);
                return NULL;
            }
            /* the body with each token of its variable replaced by (ARG) */
            for (const char *t = f->body; *t;) {
                const char *u = t;
                if (ident_start(*t)) {
                    while (ident_char(*u))
                        u++;
                    if ((size_t)(u - t) == strlen(f->var) && strncmp(t, f->var, (size_t)(u - t)) == 0) {
                        add(b, "(", 1);
                        add(b, arg, strlen(arg));
                        add(b, ")", 1);
                    } else {
                        add(b, t, (size_t)(u - t));
                    }
                    t = u;
                } else {
                    while (isdigit((unsigned char)*u) || *u == '.') /* no names inside 1e5 */
                        u++;
                    if (u == t)
                        u++;
                    add(b, t, (size_t)(u - t));
                    t = u;
                }
            }
            free(arg);
            p = close + 1;
        } else {
            const char *body = f ? f->body : s->ans;
            add(b, body, strlen(body));
            p = q;
        }
        add(b, ")", 1);
    }
    if (fclose(b) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* Split a line into words as a shell would for quotes: '...' literally, "..." with \" and \\.
 * LINE_MORE when a quote is still open at the end. */
static line_result split(const char *line, word *w, int max, int *n, char *store)
{
    *n = 0;
    const char *p = line;
    char *o = store;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            return LINE_DONE;
        if (*n == max)
            return LINE_QUIT; /* the caller reports too many words */
        w[*n].text = o;
        w[*n].quoted = false;
        while (*p && *p != ' ' && *p != '\t') {
            if (*p == '\'' || *p == '"') {
                char q = *p++;
                w[*n].quoted = true;
                while (*p && *p != q) {
                    if (q == '"' && *p == '\\' && (p[1] == '"' || p[1] == '\\'))
                        p++;
                    *o++ = *p++;
                }
                if (!*p)
                    return LINE_MORE;
                p++;
            } else {
                *o++ = *p++;
            }
        }
        *o++ = 0;
        (*n)++;
    }
}

/* Does text end inside an open parenthesis? The parser says "unclosed '('", or (for
 * "sin(x +") that the input ended too soon while a '(' is still open. */
static bool unclosed(cli *c, const char *text)
{
    if (dx_parse(c->ctx, text, strlen(text)))
        return false;
    const dx_error *e = dx_ctx_error(c->ctx);
    long depth = 0;
    for (const char *p = text; *p; p++)
        depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
    bool open = e->status == DX_ESYNTAX && (e->msg.id == DX_M_UNCLOSED ||
                                            (depth > 0 && e->pos >= (long)strlen(text)));
    dx_ctx_clear_error(c->ctx);
    return open;
}

static bool is_assignment(const char *w)
{
    if (!ident_start(*w))
        return false;
    while (ident_char(*w))
        w++;
    return *w == '=';
}

static void set_ans(session *s, const char *text)
{
    char *t = strdup(text);
    if (t) {
        free(s->ans);
        s->ans = t;
    }
}

static void help(cli *c, const char *name)
{
    const cli_command *k = name ? cli_find(name) : NULL;
    if (k) {
        fprintf(c->out, "usage: %s\n\n%s\n", k->usage, k->help);
        return;
    }
    if (name)
        fprintf(c->out, "no command '%s'; these are:\n", name);
    for (k = cli_commands; k->name; k++)
        if (strcmp(k->name, "session") != 0)
            fprintf(c->out, "  %s\n", k->usage);
    fprintf(c->out, "  NAME = EXPR            define a function: f = x^3 - 3x (or f(t) = t^2)\n"
                    "  f(2), f(1/2)           its value; 'diff f', 'plot f' use it\n"
                    "  EXPR                   the derivative (or the value when EXPR has no variables)\n"
                    "  ans                    the last result\n"
                    "  help COMMAND           one command, with an example\n"
                    "  quit                   leave (or Ctrl-D)\n"
                    "An open '(' continues on the next line.\n");
}

/* NAME = EXPR or NAME(V) = EXPR. Returns false when the line is not a definition. */
static bool definition(session *s, const char *line, int *rc, line_result *res)
{
    const char *p = line;
    if (!ident_start(*p))
        return false;
    while (ident_char(*p))
        p++;
    size_t nlen = (size_t)(p - line);
    char var[MAX_NAME] = "";
    const char *q = p;
    while (*q == ' ')
        q++;
    if (*q == '(') {
        const char *v = ++q;
        while (*q == ' ')
            q++;
        v = q;
        while (ident_char(*q))
            q++;
        size_t vlen = (size_t)(q - v);
        while (*q == ' ')
            q++;
        if (*q != ')' || vlen == 0 || vlen >= MAX_NAME || !ident_start(*v))
            return false;
        snprintf(var, sizeof var, "%.*s", (int)vlen, v);
        q++;
        while (*q == ' ')
            q++;
    }
    if (*q != '=' || q[1] == '=')
        return false;
    cli *c = s->c;
    *rc = CLI_BAD;
    *res = LINE_DONE;
    char name[MAX_NAME];
    snprintf(name, sizeof name, "%.*s", (int)nlen, line);
    /* the name as a known one: a run of letters (loss) is otherwise read as a product */
    const char *namep = name;
    dx_expr *ne = nlen < MAX_NAME ? dx_parse_ex(c->ctx, name, nlen, &(dx_parse_opts){&namep, 1}, NULL) : NULL;
    if (!ne || ne->kind != DX_SYM || cli_find(name) || !strcmp(name, "ans") || !strcmp(name, "help") ||
        !strcmp(name, "quit") || !strcmp(name, "exit")) {
        dx_ctx_clear_error(c->ctx);
        cli_usage(c, "'%s' cannot be a name: it is a command, function or constant", name);
        return true;
    }
    char *text = expand(s, q + 1, 0);
    if (!text) {
        cli_usage(c, "the definition nests named functions too deeply");
        return true;
    }
    if (unclosed(c, text)) {
        free(text);
        *res = LINE_MORE;
        return true;
    }
    dx_expr *e = cli_parse(c, text);
    free(text);
    if (!e)
        return true;
    if (!var[0]) {
        cli_args none = {0};
        const char *v = cli_pick_var(c, &none, e);
        if (!v)
            return true;
        snprintf(var, sizeof var, "%s", v);
    }
    char *body = dx_print(c->ctx, e, DX_PLAIN);
    if (!body)
        return cli_report(c, NULL), true;
    named *f = (named *)lookup(s, name, nlen);
    if (!f && s->nfn == MAX_NAMES) {
        free(body);
        cli_usage(c, "a session keeps at most %d names", MAX_NAMES);
        return true;
    }
    if (!f)
        f = &s->fn[s->nfn++];
    free(f->body);
    snprintf(f->name, sizeof f->name, "%s", name);
    snprintf(f->var, sizeof f->var, "%s", var);
    f->body = body;
    fprintf(c->out, "%s(%s) = %s\n", name, var, body);
    set_ans(s, body);
    *rc = CLI_OK;
    return true;
}

/* A line that is an expression: its derivative, or its value when it has no variables. */
static int expression(session *s, const char *text)
{
    cli *c = s->c;
    dx_expr *e = cli_parse(c, text);
    if (!e)
        return CLI_BAD;
    const char **names;
    if (dx_vars(c->ctx, e, &names) > 0) {
        char *argv[2] = {"diff", (char *)text};
        return cli_run(c, 2, argv);
    }
    char *exact = dx_print(c->ctx, e, DX_PLAIN);
    double v;
    if (!exact)
        return cli_report(c, NULL);
    if (dx_eval_const(c->ctx, e, &v) != DX_OK) {
        free(exact);
        return cli_report(c, NULL);
    }
    if (e->kind == DX_NUM)
        fprintf(c->out, "%s\n", exact);
    else
        fprintf(c->out, "%.15g\n", v + 0.0); /* + 0.0: never "-0" */
    set_ans(s, exact);
    free(exact);
    return CLI_OK;
}

/* Run a command's words through the command table, its positional words joined back into one
 * expression where the command takes one (so `diff x^3 - 3x` needs no quotes). */
static line_result command(session *s, const cli_command *cmd, word *w, int n, int *rc)
{
    cli *c = s->c;
    char *argv[CLI_MAX_POS + 2 * CLI_MAX_OPT + 2];
    char *owned[CLI_MAX_POS + 2 * CLI_MAX_OPT + 2];
    int argc = 0, nowned = 0;
    bool assigns = false;
    for (int i = 1; i < n; i++)
        assigns |= !w[i].quoted && is_assignment(w[i].text);
    bool join = cmd->max_pos == 1 || assigns;
    line_result res = LINE_DONE;
    argv[argc++] = (char *)cmd->name;
    *rc = CLI_BAD;
    for (int i = 1; i < n && res == LINE_DONE; i++) {
        const char *t = w[i].text;
        bool option = !w[i].quoted && t[0] == '-' && t[1] == '-' && t[2];
        if (option) {
            argv[argc++] = (char *)t;
            for (const cli_opt *o = cmd->opts; o->name; o++)
                if (o->has_arg && !strchr(t, '=') && strcmp(o->name, t + 2) == 0 && i + 1 < n)
                    argv[argc++] = w[++i].text; /* its value */
            continue;
        }
        char *joined = NULL;
        size_t jlen = 0;
        FILE *b = open_memstream(&joined, &jlen);
        if (!b) {
            cli_usage(c, "out of memory");
            goto done;
        }
        add(b, t, strlen(t));
        /* a run of words that are one expression */
        while (join && !w[i].quoted && !is_assignment(t) && i + 1 < n && !w[i + 1].quoted &&
               !is_assignment(w[i + 1].text) && !(w[i + 1].text[0] == '-' && w[i + 1].text[1] == '-')) {
            add(b, " ", 1);
            add(b, w[i + 1].text, strlen(w[i + 1].text));
            i++;
        }
        char *x = fclose(b) == 0 ? expand(s, joined, 0) : NULL;
        free(joined);
        if (!x) {
            cli_usage(c, "out of memory, or named functions nested too deeply");
            goto done;
        }
        owned[nowned++] = x;
        argv[argc++] = x;
        const char *eq = is_assignment(x) ? strchr(x, '=') + 1 : x;
        if (unclosed(c, eq))
            res = LINE_MORE;
        if (argc >= (int)(sizeof argv / sizeof *argv) - 2) {
            cli_usage(c, "too many arguments");
            goto done;
        }
    }
    if (res == LINE_MORE)
        goto done;
    /* capture the output so its last line can become ans; a plot writes to the terminal
     * itself (colour and size need to see it) */
    bool capture = c->fmt == OUT_PLAIN && strcmp(cmd->name, "plot") != 0;
    char *text = NULL;
    size_t len = 0;
    FILE *real = c->out, *mem = capture ? open_memstream(&text, &len) : NULL;
    if (mem)
        c->out = mem;
    *rc = cli_run(c, argc, argv);
    if (mem) {
        fclose(mem);
        c->out = real;
        fputs(text, c->out);
        while (len > 0 && text[len - 1] == '\n')
            text[--len] = 0;
        char *last = strrchr(text, '\n');
        last = last ? last + 1 : text;
        if (*rc == CLI_OK && *last) {
            dx_expr *e = dx_parse(c->ctx, last, strlen(last));
            if (e)
                set_ans(s, last);
            dx_ctx_clear_error(c->ctx);
        }
        free(text);
    }
done:
    for (int i = 0; i < nowned; i++)
        free(owned[i]);
    return res;
}

/* One complete or partial command line. LINE_MORE: read another line and try again. */
static line_result run_line(session *s, const char *line, int *rc)
{
    cli *c = s->c;
    *rc = CLI_OK;
    while (*line == ' ' || *line == '\t')
        line++;
    if (!*line || *line == '#')
        return LINE_DONE;
    line_result res;
    if (definition(s, line, rc, &res))
        return res;
    word w[CLI_MAX_POS + CLI_MAX_OPT];
    char *store = malloc(strlen(line) + 1);
    if (!store) {
        *rc = cli_usage(c, "out of memory");
        return LINE_DONE;
    }
    int n;
    res = split(line, w, (int)(sizeof w / sizeof *w), &n, store);
    if (res == LINE_QUIT) {
        *rc = cli_usage(c, "too many words in one line");
        res = LINE_DONE;
    } else if (res == LINE_DONE && n > 0) {
        const cli_command *cmd = cli_find(w[0].text);
        if (!w[0].quoted && (!strcmp(w[0].text, "quit") || !strcmp(w[0].text, "exit")) && n == 1) {
            res = LINE_QUIT;
        } else if (!w[0].quoted && !strcmp(w[0].text, "help")) {
            help(c, n > 1 ? w[1].text : NULL);
        } else if (!w[0].quoted && cmd && strcmp(cmd->name, "session") != 0) {
            res = command(s, cmd, w, n, rc);
        } else if (n == 1 && !w[0].quoted && (lookup(s, w[0].text, strlen(w[0].text)) ||
                                               (s->ans && !strcmp(w[0].text, "ans")))) {
            /* a name alone shows what it stands for */
            const named *f = lookup(s, w[0].text, strlen(w[0].text));
            if (f)
                fprintf(c->out, "%s(%s) = %s\n", f->name, f->var, f->body);
            else
                fprintf(c->out, "%s\n", s->ans);
        } else {
            char *x = expand(s, line, 0);
            if (!x) {
                *rc = cli_usage(c, "out of memory, or named functions nested too deeply");
            } else if (unclosed(c, x)) {
                res = LINE_MORE;
            } else {
                *rc = expression(s, x);
            }
            free(x);
        }
    }
    free(store);
    return res;
}

/* The next line of input without its newline; NULL at the end. The one place that knows
 * about line editing. */
static char *read_line(session *s, const char *prompt)
{
    if (s->tty)
        return readline(prompt);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = 0;
    return line;
}

int cli_session(cli *c, const cli_args *a)
{
    session s = {.c = c, .tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)};
    char prefix[48] = "";
    int worst = CLI_OK;
    if (s.tty) {
        const char *home = getenv("HOME");
        if (home && *home && (s.history = malloc(strlen(home) + sizeof "/.dfdx_history")))
            sprintf(s.history, "%s/.dfdx_history", home);
        using_history();
        stifle_history(MAX_HISTORY);
        if (s.history)
            read_history(s.history);
        fprintf(c->out, "dfdx %s: type help for the commands, Ctrl-D to leave\n", DX_VERSION);
    }
    char *pending = NULL; /* a command continued over several lines */
    long first = 0;
    for (;;) {
        char *line = read_line(&s, pending ? "  ...> " : "dfdx> ");
        if (!line)
            break;
        s.lineno++;
        size_t plen = pending ? strlen(pending) : 0;
        char *text = malloc(plen + strlen(line) + 2);
        if (!text) {
            free(line);
            break;
        }
        snprintf(text, plen + strlen(line) + 2, "%s%s%s", pending ? pending : "", pending ? " " : "", line);
        free(line);
        free(pending);
        pending = NULL;
        if (!first || !plen)
            first = s.lineno;
        if (!s.tty) {
            snprintf(prefix, sizeof prefix, "line %ld: ", first);
            c->line_prefix = prefix;
        }
        int rc;
        line_result res = strlen(text) > MAX_LINE ? (rc = cli_usage(c, "a command is at most %d bytes", MAX_LINE), LINE_DONE)
                                                  : run_line(&s, text, &rc);
        fflush(c->out);
        if (res == LINE_MORE) {
            pending = text;
            continue;
        }
        if (s.tty && text[strspn(text, " \t")]) {
            add_history(text);
            if (s.history)
                write_history(s.history);
        }
        free(text);
        first = 0;
        if (rc != CLI_OK)
            worst = CLI_BAD;
        if (res == LINE_QUIT)
            break;
    }
    if (pending) { /* the input ended inside an open parenthesis: say so, as the parser would */
        if (!s.tty) {
            snprintf(prefix, sizeof prefix, "line %ld: ", first);
            c->line_prefix = prefix;
        }
        cli_parse(c, pending);
        worst = CLI_BAD;
        free(pending);
    }
    if (s.tty)
        fputc('\n', c->out);
    c->line_prefix = "";
    for (size_t i = 0; i < s.nfn; i++)
        free(s.fn[i].body);
    free(s.ans);
    free(s.history);
    return s.tty ? CLI_OK : worst;
}
