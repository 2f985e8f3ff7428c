/* The dfdx session: commands one line at a time, named functions, ans, history on a terminal. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <editline/readline.h>

int cli_session(cli *c, const cli_args *a);

enum {
    MAX_NAME = 32,
    /* one command, continuation lines included: the longest expression the program prints
     * (a long answer pasted back), and room for the command's name and options */
    MAX_LINE = DX_MAX_TEXT + 64 * 1024,
    MAX_HISTORY = 1000,
};

typedef struct {
    cli *c;
    bool tty;
    char *history; /* the history file, NULL when HOME is unknown */
    long lineno;
    size_t nul; /* the line read had a NUL byte at column nul (from 1); 0: none */
    char vars[DX_DEFINE_MAX_PARAMS * 34]; /* a command's --var from a function's variables */
} session;

/* One word of a line: the text, whether any of it was quoted (then it stands alone), and
 * whether it is one of a command's positional words (not an option or an option's value),
 * and if so a name=value item. */
typedef struct {
    char *text;
    bool quoted, positional, assigns;
} word;

typedef enum { LINE_DONE, LINE_MORE, LINE_QUIT } line_result;

/* The session's values live in the context, where every command's parse reads them: named
 * functions (dx_define, with their parameter) and ans, the last result (a name without one). */
static const char ANS[] = "ans";

/* ans is the last result; with one variable it is a function of it too, so that ans(0) is
 * its value there, as f(0) is, and not ans*0 */
static void set_ans(cli *c, dx_expr *e)
{
    const char **names;
    size_t n = dx_vars(c->ctx, e, &names);
    dx_define(c->ctx, ANS, n == 1 ? names[0] : NULL, e);
}

/* Room for the words of line: a word takes a byte and a blank after it. malloc'd; the
 * program ends (out of memory) without it. */
static word *words_for(cli *c, const char *line)
{
    word *w = malloc((strlen(line) / 2 + 1) * sizeof *w);
    if (!w)
        cli_oom(c);
    return w;
}

/* Split a line into words (w from words_for, their text in store, as long as line) as a shell
 * would for quotes: '...' literally (a ' that starts a word), "..." with \" and \\. LINE_MORE
 * when a quote is still open at the end. */
static line_result split(const char *line, word *w, int *n, char *store)
{
    *n = 0;
    const char *p = line;
    char *o = store;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            return LINE_DONE;
        w[*n].text = o;
        w[*n].quoted = w[*n].positional = w[*n].assigns = false;
        while (*p && *p != ' ' && *p != '\t') {
            /* a ' inside a word is a prime (f'(2), f''(x)); only at its start does it quote */
            if ((*p == '\'' && o == w[*n].text) || *p == '"') {
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

/* Does text end inside an open parenthesis (dx_unfinished)? Out of memory is no answer. */
static bool unfinished(cli *c, const char *text, size_t len)
{
    bool open = dx_unfinished(c->ctx, text, len);
    if (!open)
        cli_recover(c);
    return open;
}

static bool is_assignment(const char *w)
{
    size_t n = cli_name_len(w);
    return n && w[n] == '=';
}

static void help(cli *c, const char *name)
{
    const cli_command *k = name ? cli_find(name) : NULL;
    if (k) {
        fprintf(c->out, _("usage: %s\n\n%s\n"), _(k->usage), _(k->help));
        return;
    }
    const char *near = name ? cli_near_command(name) : NULL;
    if (near)
        fprintf(c->out, _("no command '%s' (did you mean '%s'?); these are:\n"), name, near);
    else if (name)
        fprintf(c->out, _("no command '%s'; these are:\n"), name);
    for (k = cli_commands; k->name; k++)
        if (strcmp(k->name, "session") != 0)
            fprintf(c->out, "  %s\n", _(k->usage));
    fputs(_("  NAME = EXPR            define a function: f = x^3 - 3x (or f(t) = t^2)\n"
            "  f(2), f(1/2)           its value; 'diff f', 'plot f' use it\n"
            "  f'(2), f''(x)          its derivatives; k = diff f defines one\n"
            "  L(w, b) = EXPR         a function of several variables: L(1, 2), grad L\n"
            "  EXPR                   the derivative (or the value when EXPR has no variables)\n"
            "  ans                    the last result\n"
            "  help COMMAND           one command, with an example\n"
            "  work N                 each command's work budget (as --work N); work: what it is\n"
            "  quit                   leave (or Ctrl-D)\n"
            "An open '(' continues on the next line.\n"),
          c->out);
}

/* name as a definition shows it: f(x) = x^3 - 3*x, L(w, b) = ..., a = 2 */
static void show_definition(cli *c, const char *name, const char *const *params, size_t n, dx_expr *body)
{
    char *text = dx_print(c->ctx, body, DX_PLAIN);
    if (!text) {
        cli_recover(c); /* out of memory ends the session: the line would seem to have worked */
        cli_report(c, NULL);
        return;
    }
    fprintf(c->out, "%s", name);
    for (size_t i = 0; i < n; i++)
        fprintf(c->out, "%s%s", i ? ", " : "(", params[i]);
    fprintf(c->out, "%s = %s\n", n ? ")" : "", text);
    free(text);
}

/* May name be defined? A command or session word, a function or a constant may not; a
 * variable, or a name defined before, may. */
static bool definable(cli *c, const char *name)
{
    if (cli_find(name) || !strcmp(name, ANS) || !strcmp(name, "help") || !strcmp(name, "quit") ||
        !strcmp(name, "exit") || !strcmp(name, "work"))
        return false;
    /* the name as a known one: a run of letters (loss) is otherwise read as a product */
    dx_parse_opts known = {&name, 1, false};
    if (dx_defined(c->ctx, name, NULL))
        return true;
    dx_expr *e = dx_parse_ex(c->ctx, name, strlen(name), &known, NULL);
    if (!e)
        cli_recover(c); /* out of memory is no answer about the name */
    return dx_is_variable(e);
}

/* The words of text, quotes taken off, joined by one space each into store (as long as text):
 * a pasted 'x^2' is x^2. LINE_MORE when a quote is left open. */
static line_result unquote(cli *c, const char *text, char *store)
{
    char *words = malloc(strlen(text) + 1);
    word *w = words_for(c, text);
    int n;
    if (!words)
        cli_oom(c);
    line_result res = split(text, w, &n, words);
    char *o = store;
    for (int i = 0; res == LINE_DONE && i < n; i++) {
        size_t len = strlen(w[i].text);
        if (i)
            *o++ = ' ';
        memcpy(o, w[i].text, len);
        o += len;
    }
    *o = 0;
    free(words);
    free(w);
    return res;
}

/* The words after a command's name (w[1..n)) joined where they make one argument, so that
 * `diff x^3 - 3x` needs no quotes: a run of unquoted positional words, one space between
 * each, is one expression where the command takes one, or where its positionals are
 * name=value items (eval x^2 + 1 x=2), up to the next item. The joined words are written over
 * the words' store: a run of words separated by one space each never takes more room than
 * the words and the blanks between them had. The number of words left (w[0] included); their
 * texts in argv[0..n-1) (argv as long as w). */
static int join_words(const cli_command *cmd, word *w, int n, char **argv)
{
    int argc = n - 1;
    for (int i = 0; i < argc; i++)
        argv[i] = w[i + 1].text;
    bool end = false, assigns = false;
    for (int i = 0; i < argc; i++) {
        const cli_opt *o;
        const char *val;
        int at = i;
        cli_word k = end ? CLI_WORD_POSITIONAL : cli_read_word(cmd->opts, argc, argv, &i, &o, &val);
        end |= k == CLI_WORD_END;
        w[at + 1].positional = k == CLI_WORD_POSITIONAL;
        w[at + 1].assigns = k == CLI_WORD_POSITIONAL && is_assignment(w[at + 1].text);
        assigns |= w[at + 1].assigns && !w[at + 1].quoted;
    }
    int m = 1;
    for (int i = 1; i < n; i++) {
        word *last = &w[m - 1];
        if (m > 1 && (cmd->max_pos == 1 || assigns) && w[i].positional && w[i - 1].positional && !last->quoted &&
            !w[i].quoted && !last->assigns && !w[i].assigns) {
            size_t len = strlen(last->text);
            last->text[len++] = ' ';
            memmove(last->text + len, w[i].text, strlen(w[i].text) + 1);
        } else {
            w[m++] = w[i];
        }
    }
    for (int i = 1; i < m; i++)
        argv[i - 1] = w[i].text;
    return m;
}

/* diff EXPR [--var V] [--order N] as the value of a definition (k = diff f): the derivative,
 * and the variable it is a function of in *var. NULL after reporting. */
static dx_expr *derivative_value(cli *c, char *words, char var[MAX_NAME])
{
    word *w = words_for(c, words);
    char **argv = malloc((strlen(words) / 2 + 1) * sizeof *argv);
    int n;
    char *store = malloc(strlen(words) + 1);
    if (!store || !argv)
        cli_oom(c);
    dx_expr *d = NULL;
    const cli_command *cmd = cli_find("diff");
    cli_args a;
    if (split(words, w, &n, store) != LINE_DONE || n < 2) {
        cli_usage(c, _("diff needs an expression (usage: dfdx %s)"), _(cmd->usage));
    } else {
        n = join_words(cmd, w, n, argv);
        unsigned order;
        if (cli_read_args(c, cmd, n - 1, argv, &a) && cli_check_count(c, cmd, &a) &&
            cli_order(c, &a, CLI_MAX_ORDER, &order)) {
            dx_expr *e = cli_parse(c, a.pos[0]);
            const char *v = e ? cli_pick_var(c, &a, e) : NULL;
            if (v && strlen(v) >= MAX_NAME)
                cli_usage(c, _("'%s' is too long a name for a session's variable"), v);
            else if (v && !(d = dx_derivative(c->ctx, e, v, order)))
                cli_report(c, NULL);
            if (d)
                snprintf(var, MAX_NAME, "%s", v);
        }
    }
    free(store);
    free(argv);
    free(w);
    return d;
}

/* NAME = EXPR, NAME(V) = EXPR or NAME(V, W, ...) = EXPR; EXPR may be diff EXPR. Returns
 * false when the line is not a definition. */
static bool definition(session *s, const char *line, int *rc, line_result *res)
{
    size_t nlen = cli_name_len(line);
    if (!nlen)
        return false;
    char params[DX_DEFINE_MAX_PARAMS][MAX_NAME];
    const char *param[DX_DEFINE_MAX_PARAMS];
    size_t np = 0;
    const char *q = line + nlen;
    while (*q == ' ')
        q++;
    if (*q == '(') {
        do {
            q++;
            while (*q == ' ')
                q++;
            const char *v = q;
            size_t vlen = cli_name_len(v);
            q += vlen;
            while (*q == ' ')
                q++;
            if (vlen == 0 || vlen >= MAX_NAME || np == DX_DEFINE_MAX_PARAMS || (*q != ',' && *q != ')'))
                return false;
            snprintf(params[np], MAX_NAME, "%.*s", (int)vlen, v);
            param[np] = params[np];
            np++;
        } while (*q == ',');
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
    if (nlen >= MAX_NAME || !definable(c, name)) {
        cli_usage(c, _("'%s' cannot be a name: it is a command, function or constant"), name);
        return true;
    }
    const char *text = q + 1;
    while (*text == ' ')
        text++;
    if (unfinished(c, text, strlen(text))) {
        *res = LINE_MORE;
        return true;
    }
    char *plain = malloc(strlen(text) + 1);
    if (!plain)
        cli_oom(c);
    line_result r = unquote(c, text, plain);
    char var[MAX_NAME] = "";
    dx_expr *e = NULL;
    if (r == LINE_MORE)
        *res = LINE_MORE;
    else if (!strncmp(plain, "diff", 4) && (plain[4] == ' ' || !plain[4])) /* k = diff f: the derivative */
        e = derivative_value(c, plain, var);
    else
        e = cli_parse(c, plain);
    const char **names;
    if (e && !np && cli_vars(c, e, &names) > 0) { /* f = x^3: a function of its variable */
        cli_args none = {0};
        const char *v = var[0] ? var : cli_pick_var(c, &none, e);
        if (v) {
            snprintf(params[0], MAX_NAME, "%s", v);
            param[np++] = params[0];
        } else {
            e = NULL;
        }
    }
    if (e && dx_define_n(c->ctx, name, param, np, e) != DX_OK) {
        cli_report(c, NULL);
    } else if (e) {
        show_definition(c, name, param, np, e);
        set_ans(c, e);
        *rc = CLI_OK;
    }
    free(plain);
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
    if (cli_vars(c, e, &names) > 0) {
        char *argv[2] = {"diff", (char *)text};
        c->result = NULL;
        int rc = cli_run(c, 2, argv);
        if (rc == CLI_OK && c->result)
            set_ans(c, c->result);
        return rc;
    }
    double v;
    if (dx_eval_const(c->ctx, e, &v) != DX_OK)
        return cli_report(c, NULL);
    if (dx_is_number(e)) {
        char *exact = dx_print(c->ctx, e, DX_PLAIN);
        if (!exact)
            return cli_report(c, NULL);
        fprintf(c->out, "%s\n", exact);
        free(exact);
    } else {
        fprintf(c->out, "%.15g\n", v + 0.0); /* + 0.0: never "-0" */
    }
    set_ans(c, e);
    return CLI_OK;
}

/* Is text a function of the session by name: f(2), L(1, 2), f', f''(x)? Then it is shown as
 * what it stands for, not differentiated as a bare expression is. */
static bool by_name(cli *c, const char *text)
{
    size_t n = cli_name_len(text), primes = 0;
    char name[MAX_NAME];
    snprintf(name, sizeof name, "%.*s", (int)(n < MAX_NAME ? n : 0), text);
    if (!n || n >= MAX_NAME || !dx_defined(c->ctx, name, NULL))
        return false;
    while (text[n] == '\'')
        n++, primes++;
    while (text[n] == ' ')
        n++;
    const char *close = strrchr(text, ')');
    return (!text[n] && primes) || (text[n] == '(' && close && !close[1]);
}

/* f'(x), f'' or L(1, b) shown as what it is, not differentiated once more: f''(x) = 6*x; a
 * value (f'(2)) as expression() shows one. */
static int shown(session *s, const char *text)
{
    cli *c = s->c;
    dx_expr *e = cli_parse(c, text);
    if (!e)
        return CLI_BAD;
    const char **names;
    if (cli_vars(c, e, &names) == 0)
        return expression(s, text);
    char *out = cli_show(c, e);
    fprintf(c->out, "%s = %s\n", text, out);
    free(out);
    set_ans(c, e);
    return CLI_OK;
}

/* The --var a command gets from the session when it names one of its functions alone and
 * gives none: every variable of L(w, b) for grad, the one variable of f(t) for the others
 * (so that diff f for f(t) = a*t^2 is by t). NULL when there is none. */
static const char *by_name_var(session *s, const cli_command *cmd, const cli_args *a)
{
    const char *const *params;
    size_t np = 0;
    bool takes_var = false;
    for (const cli_opt *o = cmd->opts; o && o->name; o++)
        takes_var |= !strcmp(o->name, "var");
    if (!takes_var || cli_has(a, "var") || a->npos < 1 || !dx_defined_n(s->c->ctx, a->pos[0], &params, &np) ||
        np == 0 || (np > 1 && strcmp(cmd->name, "grad") != 0))
        return NULL;
    s->vars[0] = 0;
    for (size_t i = 0; i < np; i++) {
        size_t used = strlen(s->vars);
        snprintf(s->vars + used, sizeof s->vars - used, "%s%s", i ? "," : "", params[i]);
    }
    return s->vars;
}

/* command() after the words are joined and --help is ruled out. */
static line_result run_command(session *s, const cli_command *cmd, int argc, char **argv, int *rc)
{
    cli *c = s->c;
    *rc = CLI_BAD;
    cli_args a;
    if (!cli_read_args(c, cmd, argc, argv, &a))
        return LINE_DONE;
    const char *var = by_name_var(s, cmd, &a);
    if (var) { /* grad L: by L's variables; diff f: by f's */
        if (a.nopt == CLI_MAX_OPT) {
            *rc = cli_usage(c, _("too many options"));
            return LINE_DONE;
        }
        a.opt_name[a.nopt] = "var";
        a.opt_val[a.nopt++] = var;
    }
    line_result res = LINE_DONE;
    for (int k = 0; k < a.npos; k++) {
        const char *value = is_assignment(a.pos[k]) ? strchr(a.pos[k], '=') + 1 : a.pos[k];
        if (unfinished(c, value, strlen(value)))
            res = LINE_MORE;
    }
    if (res == LINE_MORE || !cli_check_count(c, cmd, &a))
        return res;
    c->result = NULL;
    *rc = cli_run_command(c, cmd, &a);
    if (*rc == CLI_OK && c->result)
        set_ans(c, c->result);
    return LINE_DONE;
}
/* Run a command's words (w[0] its name) through the command table, its positional words
 * joined (join_words). */
static line_result command(session *s, const cli_command *cmd, word *w, int n, int *rc)
{
    cli *c = s->c;
    char **argv = malloc((size_t)n * sizeof *argv);
    if (!argv)
        cli_oom(c);
    int argc = join_words(cmd, w, n, argv) - 1;
    line_result res = LINE_DONE;
    *rc = CLI_OK;
    if (!cli_help(c, cmd, argc, argv))
        res = run_command(s, cmd, argc, argv, rc);
    free(argv);
    return res;
}
/* work N: each command's work budget from now on (as --work N); work alone: what it is. */
static int work(cli *c, const char *units)
{
    if (units && !cli_set_work(c, units))
        return CLI_BAD;
    if (c->work)
        fprintf(c->out, _("work budget: %llu units per command\n"), c->work);
    else
        fputs(_("work budget: none (a command may run until it ends)\n"), c->out);
    return CLI_OK;
}

/* One complete or partial command line. LINE_MORE: read another line and try again. */
static line_result run_line(session *s, const char *line, int *rc)
{
    cli *c = s->c;
    *rc = CLI_OK;
    while (*line == ' ' || *line == '\t')
        line++;
    /* a command pasted from a shell: the program's name is not part of it */
    if (!strncmp(line, "dfdx", 4) && (!line[4] || line[4] == ' ' || line[4] == '\t'))
        for (line += 4; *line == ' ' || *line == '\t';)
            line++;
    if (!*line || *line == '#')
        return LINE_DONE;
    line_result res;
    if (definition(s, line, rc, &res))
        return res;
    word *w = words_for(c, line);
    char *store = malloc(strlen(line) + 1);
    if (!store)
        cli_oom(c);
    int n;
    res = split(line, w, &n, store);
    if (res == LINE_DONE && n > 0) {
        const cli_command *cmd = cli_find(w[0].text);
        const char *const *params;
        size_t np = 0;
        dx_expr *named = n == 1 && !w[0].quoted ? dx_defined_n(c->ctx, w[0].text, &params, &np) : NULL;
        if (!w[0].quoted && (!strcmp(w[0].text, "quit") || !strcmp(w[0].text, "exit")) && n == 1) {
            res = LINE_QUIT;
        } else if (n > 1 && !w[0].quoted && dx_is_name(w[0].text, strlen(w[0].text)) &&
                   !dx_defined(c->ctx, w[0].text, NULL) && cli_near_command(w[0].text)) {
            /* limt x --at 0: a command misspelt, not a product of letters */
            *rc = cli_usage(c, _("unknown command '%s' (did you mean '%s'?)"), w[0].text, cli_near_command(w[0].text));
        } else if (!w[0].quoted && !strcmp(w[0].text, "help")) {
            help(c, n > 1 ? w[1].text : NULL);
        } else if (!w[0].quoted && !strcmp(w[0].text, "work") && n <= 2) {
            *rc = work(c, n > 1 ? w[1].text : NULL);
        } else if (!w[0].quoted && cmd && strcmp(cmd->name, "session") != 0) {
            res = command(s, cmd, w, n, rc);
        } else if (named) { /* a name alone shows what it stands for: f(x) = ..., or ans's value */
            if (np && strcmp(w[0].text, ANS) != 0) {
                show_definition(c, w[0].text, params, np, named);
            } else {
                char *text = cli_show(c, named);
                fprintf(c->out, "%s\n", text);
                free(text);
            }
            set_ans(c, named);
        } else if (unfinished(c, line, strlen(line))) {
            res = LINE_MORE;
        } else {
            /* a pasted 'x^2' is x^2: the words without their quotes */
            char *plain = malloc(strlen(line) + 1);
            if (!plain)
                cli_oom(c);
            res = unquote(c, line, plain);
            *rc = by_name(c, plain) ? shown(s, plain) : expression(s, plain);
            free(plain);
        }
    }
    free(store);
    free(w);
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
    errno = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        if (errno == ENOMEM) /* not the end of the input: the rest would be skipped */
            cli_oom(s->c);
        return NULL;
    }
    /* the rest of a line after a NUL would be lost to every string function: say so */
    const char *nul = memchr(line, 0, (size_t)n);
    s->nul = nul ? (size_t)(nul - line) + 1 : 0;
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
        fprintf(c->out, _("dfdx %s: type help for the commands, Ctrl-D to leave\n"), DX_VERSION);
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
        if (!text)
            cli_oom(c);
        snprintf(text, plen + strlen(line) + 2, "%s%s%s", pending ? pending : "", pending ? " " : "", line);
        free(line);
        free(pending);
        pending = NULL;
        if (!first || !plen)
            first = s.lineno;
        if (!s.tty) {
            snprintf(prefix, sizeof prefix, _("line %ld: "), first);
            c->line_prefix = prefix;
        }
        int rc;
        line_result res = s.nul              ? (rc = cli_usage(c, _("a NUL byte at column %zu: a line is text"), s.nul), LINE_DONE)
                          : strlen(text) > MAX_LINE ? (rc = cli_usage(c, _("a command is at most %d bytes"), MAX_LINE), LINE_DONE)
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
            snprintf(prefix, sizeof prefix, _("line %ld: "), first);
            c->line_prefix = prefix;
        }
        cli_parse(c, pending);
        worst = CLI_BAD;
        free(pending);
    }
    if (s.tty)
        fputc('\n', c->out);
    c->line_prefix = "";
    free(s.history);
    return s.tty ? CLI_OK : worst;
}
