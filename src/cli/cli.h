/* The dfdx program: shared pieces of the command handlers. */
#ifndef DX_CLI_H
#define DX_CLI_H

#include "dfdx.h"

#include <libintl.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

/* The program's own words, through gettext (po/dfdx.pot is extracted from _() and N_()). */
#define DX_TEXT_DOMAIN "dfdx"
#define _(s) gettext(s)
#define N_(s) s /* marked for the catalogue, translated where it is shown */

/* The language: lang "en" or "ko" (--lang), NULL to follow the locale (LC_ALL, LC_MESSAGES,
 * LANG, LANGUAGE). false for another lang. */
bool cli_lang(const char *lang);

/* A stream that writes to `to` with control characters and invalid UTF-8 shown as \xNN
 * (safe_err.c): the program's stderr, made once. `to` itself when there is no memory for it. */
FILE *cli_safe_stream(FILE *to);

/* Is there room for `bytes` (allocated and given back)? Asked before calling into a library
 * that crashes when an allocation fails (headroom.c): CLI_ROOM_TEXT before the first
 * translated word, CLI_ROOM_DRAW before fontconfig, Cairo's text or Graphviz. */
enum { CLI_ROOM_TEXT = 64 << 10, CLI_ROOM_DRAW = 16 << 20 };
bool cli_headroom(size_t bytes);

/* Exit statuses: one enum, as CLI.md promises them. */
enum { CLI_OK = 0, CLI_INCORRECT = 1, CLI_BAD = 2 };

typedef enum { OUT_PLAIN, OUT_LATEX, OUT_JSON } cli_format;

/* An option a command accepts: --name VALUE (has_arg) or --name (flag). */
typedef struct cli_opt {
    const char *name;
    bool has_arg;
} cli_opt;

#define CLI_MAX_POS 64
#define CLI_MAX_OPT 32
#define CLI_MAX_ORDER 1000 /* derivatives: a limit that keeps output printable */

typedef struct cli_args {
    const char *pos[CLI_MAX_POS]; /* positional arguments (expressions, V=VALUE, ...) */
    int pos_at[CLI_MAX_POS];      /* the index of each in the words read */
    int npos;
    const char *opt_name[CLI_MAX_OPT];
    const char *opt_val[CLI_MAX_OPT]; /* "" for a flag */
    int nopt;
} cli_args;

typedef struct cli {
    dx_ctx *ctx;
    cli_format fmt;
    FILE *out, *err;
    const char *line_prefix; /* "line 3: " in batch sessions, "" otherwise */
    dx_expr *result;         /* the expression a command printed as its result (the session's
                                ans), set by the handler; NULL when it printed none */
    const char *vars;        /* the command's --var (w or w,b): names cli_parse keeps whole */
    bool equation;           /* the command reads an equation (implicit): cli_parse allows '=' */
    /* the notes of the command's parses so far (read 'xy' as x*y), which its JSON result
     * carries as "notes" */
    dx_msg notes[DX_PARSE_MAX_NOTES];
    size_t nnotes;
    unsigned long long work;  /* each command's work budget (dx_ctx_set_work) */
    struct timespec started;  /* when the command began: progress shows after a second */
    unsigned progress;        /* 1 + the percentage on the progress line; 0: none shown */
} cli;

typedef int (*cli_handler)(cli *c, const cli_args *a);

typedef struct cli_command {
    const char *name;
    cli_handler run;
    const cli_opt *opts; /* terminated by {NULL} */
    int min_pos, max_pos;
    const char *usage;
    const char *help; /* one paragraph, with an example */
} cli_command;

extern const cli_command cli_commands[];
const cli_command *cli_find(const char *name);

/* What one word of a command line is, read against a list of options. */
typedef enum {
    CLI_WORD_POSITIONAL, /* an expression, V=VALUE, "-x^2" */
    CLI_WORD_OPTION,     /* --name, --name=value or --name value of one of the options */
    CLI_WORD_END,        /* "--": the words after it are positional */
    CLI_WORD_UNKNOWN,    /* --name of none of them */
    CLI_WORD_NO_VALUE,   /* an option that takes a value, with none after it */
    CLI_WORD_FLAG_VALUE, /* --flag=value of an option that takes none */
} cli_word;
/* Read argv[*i] against opts (terminated by {NULL}): the one reader of option syntax. *o gets
 * the option named (NULL when none), *val its value ("" for a flag, NULL when missing); a
 * value in the next word advances *i past it. */
cli_word cli_read_word(const cli_opt *opts, int argc, char **argv, int *i, const cli_opt **o, const char **val);
/* argv into a: the command's options and its positionals (with their indices in argv).
 * Prints the problem and returns false on an unknown option or a missing value. */
bool cli_read_args(cli *c, const cli_command *cmd, int argc, char **argv, cli_args *a);
/* Has a as many positionals as cmd takes? Prints the problem and returns false if not. */
bool cli_check_count(cli *c, const cli_command *cmd, const cli_args *a);
/* cli_read_args and cli_check_count. */
bool cli_parse_args(cli *c, const cli_command *cmd, int argc, char **argv, cli_args *a);
/* Asked for help (--help or -h before any "--")? Then the command's help is printed. */
bool cli_help(cli *c, const cli_command *cmd, int argc, char **argv);
/* The value of --name, or NULL when absent. */
const char *cli_get(const cli_args *a, const char *name);
bool cli_has(const cli_args *a, const char *name);
/* The command, option or word of words[0..n) nearest to word (dx_nearest), or NULL. */
const char *cli_nearest(const char *word, const char *const *words, size_t n);
/* The command nearest to word ("help" included), or NULL. */
const char *cli_near_command(const char *word);
/* The help of the program (cmd NULL) or of one command, on c->out. */
void cli_print_help(cli *c, const cli_command *cmd);
/* Run argv (argv[0] is a command name or an expression). Returns the exit status. */
int cli_run(cli *c, int argc, char **argv);
/* Run a command's handler under the work budget c->work, with a progress line on a terminal
 * and Ctrl-C stopping it; cut short by either, it says so whatever it printed before (exit
 * 2). The session's lines and cli_run come through here. */
int cli_run_command(cli *c, const cli_command *cmd, const cli_args *a);
/* --work N (or the session's work N): each command's budget from now, text a whole number of
 * units (0: no bound). false after reporting. */
bool cli_set_work(cli *c, const char *text);

/* Does text read as an equation, and only as one (an expression or a syntax error is not)? */
bool cli_is_equation(cli *c, const char *text);
/* Parse text, or report the error (column and caret) and return NULL. A formula typed with
 * decimals makes the command print its answer with them (dx_ctx_set_decimals). */
dx_expr *cli_parse(cli *c, const char *text);
/* Report the context's last error about text (which may be NULL); returns CLI_BAD. */
int cli_report(cli *c, const char *text);
/* Forget the error of a library call whose failure the command answers for (a remark left
 * out, a fallback taken); but out of memory ends the program: status 2, after saying so. */
void cli_recover(cli *c);
/* dx_vars, ending the program when it fails for want of memory. */
size_t cli_vars(cli *c, const dx_expr *e, const char ***names);
/* No font for a picture's words (out of memory, or none installed): reported, CLI_BAD. */
int cli_no_font(cli *c);
/* End the program for want of memory (status 2). */
_Noreturn void cli_oom(cli *c);
/* Report a usage problem; returns CLI_BAD. */
int cli_usage(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The length of the name ([A-Za-z_][A-Za-z0-9_]*, as the grammar reads one) at the start of
 * s; 0 when s does not start with one. */
size_t cli_name_len(const char *s);
/* The variable to differentiate by: --var, else x if present, else the only one. NULL after
 * reporting when there are several (or the name is not a valid variable). */
const char *cli_pick_var(cli *c, const cli_args *a, dx_expr *e);
/* --order N: a whole number from 0 to max (default 1); false after reporting. */
bool cli_order(cli *c, const cli_args *a, unsigned max, unsigned *order);
/* The command's function (pos[0]) parsed and its variable picked (cli_pick_var). Where only
 * names a command that takes a function of one variable, other variables are refused with a
 * message naming it. NULL after reporting. */
dx_expr *cli_function(cli *c, const cli_args *a, const char *only, const char **var);
/* The chosen format as the library's renderers (dx_show_*) take it. */
dx_show cli_how(const cli *c);
/* A renderer's text written to f (and b emptied): CLI_OK, or CLI_BAD after reporting why there
 * is none (the error a failed print left on the context, else out of memory). A JSON result
 * on c->out gets the command's notes (cli_put). */
int cli_emit(cli *c, FILE *f, dx_buf *b);
/* A command's result text on c->out; under --format json the notes of its parses go into
 * the object as "notes" (and are then forgotten). */
void cli_put(cli *c, const char *text);
/* Print e in the chosen plain or LaTeX form; malloc'd. */
char *cli_show(cli *c, const dx_expr *e);
/* Text the library wrote in plain form ("2 - sqrt(3)", "9/4") in the chosen form: with
 * --format latex read back (plain output is re-readable) and printed in LaTeX, but a decimal
 * ("2.25", "-1e-05") stays as written. malloc'd; NULL (reported) when out of memory. */
char *cli_text(cli *c, const char *plain);

/* An option's number: text is a number or a closed expression (pi/2, 1/3, -2, e^2), evaluated.
 * opt_name names the option in messages ("at" is shown as --at; a name that already starts
 * with '-' or ends with '=' is shown as given). false after reporting when text does not parse,
 * has a variable, is outside the domain or is not finite. */
bool cli_number(cli *c, const char *opt_name, const char *text, double *out);
/* The same, but where allow_inf is set "oo", "-oo", "+oo", "inf", "-inf" (and "infinity")
 * give -/+INFINITY: for limits. Where exact is not NULL it gets the parsed expression, kept
 * exact (1/3 stays 1/3), or NULL for an infinity. */
bool cli_number_ex(cli *c, const char *opt_name, const char *text, bool allow_inf, double *out, dx_expr **exact);
/* A whole number from lo to hi (an expression is fine: 1e3, 2^10); false after reporting. */
bool cli_whole(cli *c, const char *opt_name, const char *text, long lo, long hi, long *out);

/* Comma-separated values and name=value items of an option. */
#define CLI_MAX_ITEMS (DX_DESCEND_MAX_VARS + 1)
typedef struct cli_assign {
    char *parts[CLI_MAX_ITEMS]; /* the items, malloc'd (cli_free_parts) */
    const char *name[CLI_MAX_ITEMS];
    double val[CLI_MAX_ITEMS];
    int n;
} cli_assign;
/* Split s at commas outside parentheses (log(x, 2) stays whole) into at most max malloc'd
 * pieces; their number, or -1 after reporting (too many, an empty one). */
int cli_split(cli *c, const char *opt, const char *s, char **parts, int max);
void cli_free_parts(char **parts, int n);
/* The variables of f, comma-separated, into buf. */
void cli_list_vars(cli *c, dx_expr *f, char *buf, size_t len);
/* The name=value items of option opt (--start w=0,b=1); each name must be a variable of f.
 * With allow_bare one bare number is taken too (its name NULL). false after reporting. */
bool cli_parse_assign(cli *c, dx_expr *f, const char *opt, const char *s, cli_assign *as, bool allow_bare);

/* Names the user gives (--at hours=2, a data file's header) kept whole when the command's
 * function is parsed (hours is not h*o*u*r*s): name[0..len) appended to buf (n bytes, after
 * --var's names), which becomes c->vars; cli_keep_names takes the names of name=value items. */
void cli_keep_name(cli *c, char *buf, size_t n, const char *name, size_t len);
void cli_keep_names(cli *c, char *buf, size_t n, const char *items);

/* A data file's columns: names[j] heads the column cols[j][0..nrows). */
typedef struct cli_table {
    char **names;
    double **cols;
    size_t ncols, nrows;
} cli_table;
/* The CSV file at path: a header of names, then rows of as many numbers. false after
 * reporting the problem with the line (a missing value, a non-number, an empty file). */
bool cli_read_csv(cli *c, const char *path, cli_table *t);
void cli_table_free(cli_table *t);

/* Where a picture goes: a file (out, w x h pixels) or the terminal (out NULL, w x h
 * characters), and the terminal's flags (DX_PLOT_ASCII for --ascii, DX_PLOT_COLOR on a
 * terminal unless NO_COLOR). */
typedef struct cli_canvas {
    const char *out;
    int w, h;
    unsigned flags;
} cli_canvas;
/* --out (.svg, .png, .pdf), --size WxH (default file_w x file_h for a file, the terminal's size
 * otherwise) and --ascii, checked; false after reporting. */
bool cli_picture(cli *c, const cli_args *a, int file_w, int file_h, cli_canvas *pc);

/* A picture in a file: plots drawn as panels. xname, yname: the axes' names (NULL: the
 * variable of the first curve's label, and "y"). */
struct dx_plot;
typedef struct cli_panel {
    struct dx_plot *plot;
    const char *title, *xname, *yname;
} cli_panel;
/* n panels in a grid of cols columns, w x h pixels in all, written to path as SVG, PNG or PDF
 * by its extension. CLI_OK, or CLI_BAD after reporting (the path cannot be written). */
int cli_draw_panels(cli *c, const cli_panel *panels, int n, int cols, const char *path, int w, int h);

/* A descent run as its pictures need it: positions x (one-variable runs; NULL otherwise),
 * loss and step number per recorded point, n >= 1 of them. */
typedef struct cli_trace {
    double rate, *x, *loss, *step;
    size_t n;
    const char *status; /* converged, diverged, stopped, max_steps */
} cli_trace;
/* The pictures of n runs of descent on f (a function of var alone; var NULL for several
 * variables: then only the loss per step) in the terminal or the file pc says. One run: the
 * path on the loss curve and the loss per step; several: one panel per rate with its final
 * loss, all on the same axes. cps[0..ncps): f's critical points, kept in view. CLI_OK, or
 * CLI_BAD after reporting. */
int cli_descend_pictures(cli *c, const cli_canvas *pc, dx_expr *f, const char *var, const cli_trace *t, int n,
                         const double *cps, size_t ncps);

/* The graph of a backprop result drawn by Graphviz into path (.svg, .png, .pdf, .dot by its
 * extension). CLI_OK, or CLI_BAD after reporting (the path cannot be written). */
int cli_draw_graph(cli *c, const dx_backprop_result *r, const char *path);

#endif
