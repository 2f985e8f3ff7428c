/* The dfdx program: shared pieces of the command handlers. */
#ifndef DX_CLI_H
#define DX_CLI_H

#include "dfdx.h"
#include "expr.h"

#include <stdbool.h>
#include <stdio.h>

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
    const char *vars;        /* the command's --var (w or w,b): names cli_parse keeps whole */
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

/* Parse argv into a; prints the problem and returns false on unknown options or counts. */
bool cli_parse_args(cli *c, const cli_command *cmd, int argc, char **argv, cli_args *a);
/* The value of --name, or NULL when absent. */
const char *cli_get(const cli_args *a, const char *name);
bool cli_has(const cli_args *a, const char *name);
/* Run argv (argv[0] is a command name or an expression). Returns the exit status. */
int cli_run(cli *c, int argc, char **argv);

/* Parse text, or report the error (column and caret) and return NULL. */
dx_expr *cli_parse(cli *c, const char *text);
/* Report the context's last error about text (which may be NULL); returns CLI_BAD. */
int cli_report(cli *c, const char *text);
/* Report a usage problem; returns CLI_BAD. */
int cli_usage(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The variable to differentiate by: --var, else x if present, else the only one. NULL after
 * reporting when there are several (or the name is not a valid variable). */
const char *cli_pick_var(cli *c, const cli_args *a, dx_expr *e);
/* The order-th derivative of e by var exactly as `dfdx diff` shows it: any final
 * simplification belongs here, so diff, steps and check can never disagree. NULL on error
 * (on the context, not yet reported). */
dx_expr *cli_derivative(cli *c, dx_expr *e, const char *var, unsigned order);
/* --order N: a whole number from 0 to max (default 1); false after reporting. */
bool cli_order(cli *c, const cli_args *a, unsigned max, unsigned *order);
/* The command's function (pos[0]) parsed and its variable picked (cli_pick_var). Where only
 * names a command that takes a function of one variable, other variables are refused with a
 * message naming it. NULL after reporting. */
dx_expr *cli_function(cli *c, const cli_args *a, const char *only, const char **var);
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
 * loss. CLI_OK, or CLI_BAD after reporting. */
int cli_descend_pictures(cli *c, const cli_canvas *pc, dx_expr *f, const char *var, const cli_trace *t, int n);

/* JSON output helpers: strings escaped, numbers round-trip. */
void cli_json_str(FILE *f, const char *s);
void cli_json_num(FILE *f, double v);
/* The start of a result object every command shares: {"input": INPUT, "variable": VAR
 * (INPUT NULL is written as ""); the caller adds its fields and the closing brace. */
void cli_json_open(FILE *f, const char *input, const char *var);

#endif
