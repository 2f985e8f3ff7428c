/* dfdx: the command-line program, a thin shell over the library. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cli_diff(cli *c, const cli_args *a);
int cli_grad(cli *c, const cli_args *a);
int cli_check(cli *c, const cli_args *a);
int cli_steps(cli *c, const cli_args *a);
int cli_extrema(cli *c, const cli_args *a);
int cli_limit(cli *c, const cli_args *a);
int cli_plot(cli *c, const cli_args *a);
int cli_session(cli *c, const cli_args *a);
int cli_eval(cli *c, const cli_args *a);
int cli_verify(cli *c, const cli_args *a);
int cli_tangent(cli *c, const cli_args *a);
int cli_descend(cli *c, const cli_args *a);
int cli_hessian(cli *c, const cli_args *a);
int cli_taylor(cli *c, const cli_args *a);
int cli_implicit(cli *c, const cli_args *a);
int cli_backprop(cli *c, const cli_args *a);

static const cli_opt diff_opts[] = {{"var", true}, {"order", true}, {NULL, false}};
static const cli_opt diff_at_opts[] = {{"var", true}, {"order", true}, {"at", true}, {NULL, false}};
static const cli_opt extrema_opts[] = {{"var", true}, {"from", true}, {"to", true}, {NULL, false}};
static const cli_opt no_opts[] = {{NULL, false}};
static const cli_opt var_opts[] = {{"var", true}, {NULL, false}};
static const cli_opt limit_opts[] = {{"at", true}, {"side", true}, {"var", true}, {NULL, false}};
static const cli_opt plot_opts[] = {{"var", true},   {"from", true}, {"to", true},      {"out", true},
                                    {"ascii", false}, {"order", true}, {"tangent", true}, {"mark", true},
                                    {"size", true},  {"levels", true}, {NULL, false}};
static const cli_opt hessian_opts[] = {{"var", true}, {"at", true}, {NULL, false}};
static const cli_opt taylor_opts[] = {{"var", true}, {"at", true}, {"order", true}, {NULL, false}};
static const cli_opt implicit_opts[] = {{"var", true}, {"at", true},   {"order", true}, {"plot", false}, {"out", true},
                                        {"size", true}, {"ascii", false}, {"from", true}, {"to", true},    {NULL, false}};
static const cli_opt backprop_opts[] = {{"at", true}, {"out", true}, {NULL, false}};
static const cli_opt verify_opts[] = {{"var", true}, {"at", true}, {NULL, false}};
static const cli_opt descend_opts[] = {{"start", true}, {"rate", true},   {"steps", true}, {"tol", true},
                                       {"table", false}, {"set", true},   {"method", true}, {"beta", true},
                                       {"beta2", true},  {"rows", true},  {"plot", false}, {"out", true},
                                       {"size", true},   {"ascii", false}, {"data", true},  {"batch", true},
                                       {"seed", true},   {NULL, false}};

bool cli_is_equation(cli *c, const char *text)
{
    bool eq = !dx_parse(c->ctx, text, strlen(text)) && dx_ctx_error(c->ctx)->msg.id == DX_M_EQUATION;
    cli_recover(c);
    return eq && dx_parse_ex(c->ctx, text, strlen(text), &(dx_parse_opts){NULL, 0, true}, NULL);
}

/* One row per command; argv and the interactive session both dispatch through it. */
const cli_command cli_commands[] = {
    {"diff", cli_diff, diff_at_opts, 1, 1, N_("diff EXPR [--var V] [--order N] [--at A]"),
     N_("The simplified N-th derivative (default N=1); --at A adds its value there (--at x=2,w=1\n"
     "gives several variables values; those left out stay in the result).\n"
     "  dfdx diff 'x^3 - 3*x'    ->  3*x^2 - 3\n"
     "  dfdx diff 'x^3 - 3*x' --at 2    ->  at x = 2: 9")},
    {"grad", cli_grad, var_opts, 1, CLI_MAX_POS, N_("grad EXPR [--var w,b] [w=1 b=2 ...]"),
     N_("Every partial derivative (or those by the variables --var lists), one line each; values\n"
     "after EXPR put them at that point (the variables left out stay in the result).\n"
     "  dfdx grad '(w*x - y)^2'  ->  d/dw = 2*x*(w*x - y) ...\n"
     "  dfdx grad '(w*x + b - y)^2' --var w,b x=2 y=3  ->  at x = 2, y = 3: d/dw = 4*(2*w + b - 3) ...")},
    {"steps", cli_steps, var_opts, 1, 1, N_("steps EXPR [--var V]"),
     N_("The derivation, one rule application per line, each rule named with its formula.\n"
     "  dfdx steps 'sin(x^2)'   ->  d/dx(sin(x^2)) = cos(x^2)*d/dx(x^2)   chain rule, outer sin, inner x^2 ...")},
    {"check", cli_check, diff_opts, 2, 2, N_("check EXPR ANSWER [--var V] [--order N]"),
     N_("Is ANSWER the derivative of EXPR? 'correct' (exit 0) or 'incorrect' (exit 1) with a point where\n"
     "they differ, the derivative, and the likely slip.\n"
     "  dfdx check 'sin(x^2)' 'cos(x^2)'   ->  incorrect ... likely slip: missing inner derivative")},
    {"eval", cli_eval, no_opts, 1, CLI_MAX_POS, N_("eval EXPR [V=VALUE ...]"),
     N_("The value at a point; exact where the expression and the point are rational.\n"
     "  dfdx eval '3*x^2 - 3' x=1/2   ->  -9/4 = -2.25")},
    {"verify", cli_verify, verify_opts, 1, CLI_MAX_POS, N_("verify EXPR [--var V] [--at A,B,...] [V=VALUE ...]"),
     N_("The symbolic derivative beside a central-difference estimate at each point.\n"
     "  dfdx verify 'sin(x^2)' --at 0,1,pi/2")},
    {"tangent", cli_tangent, verify_opts, 1, CLI_MAX_POS, N_("tangent EXPR --at A [--var V]"),
     N_("The tangent line at x = A: slope, point and the line. Where f is not differentiable at A,\n"
     "why (the one-sided derivatives), and the vertical tangent x = A where both are infinite.\n"
     "  dfdx tangent 'x^2' --at 1.5   ->  y = 3*x - 2.25")},
    {"extrema", cli_extrema, extrema_opts, 1, 1, N_("extrema EXPR [--from A --to B] [--var V]"),
     N_("Every critical point, classified local min / local max / neither (second- and higher-\n"
     "derivative test), inflection points, and the global min and max. Polynomials are solved\n"
     "exactly on the whole line (or [A, B]); other functions are searched on a grid over [A, B]\n"
     "(default [-10, 10]). With two or three variables: every critical point, min, max, saddle or\n"
     "degenerate by the Hessian; a polynomial in two variables on the whole plane, certified, other\n"
     "functions on a box (--from x=-2,y=-2 --to x=2,y=2, default [-10, 10] each), not certified.\n"
     "  dfdx extrema 'x^3 - 3*x'  ->  x = -1, f = 2: local max ... x = 1, f = -2: local min\n"
     "  dfdx extrema 'x^3 - 3*x*y + y^3'  ->  x = 0, y = 0, f = 0: saddle point ... x = 1, y = 1: local min")},
    {"descend", cli_descend, descend_opts, 1, 1,
     N_("descend EXPR --start W0 [--rate LR[,LR...]] [--steps N] [--tol T] [--table] [--set x=2,y=3]\n"
     "               [--method gd|momentum|adam] [--beta B] [--beta2 B2] [--rows N]\n"
     "               [--data FILE.csv [--batch N] [--seed S]]\n"
     "               [--plot [--out FILE.svg|.png|.pdf] [--size WxH] [--ascii]]"),
     N_("Gradient descent on EXPR, one row per step: step, position, loss, gradient, update (the\n"
     "signed change added to the position). Status: converged (|gradient| or, for gd, |update|\n"
     "below --tol, default 1e-8), diverged (position or loss no longer finite, grown past 1e100,\n"
     "or the loss grew 5 steps in a row past its start; 20 for momentum and adam), stopped (a\n"
     "step left the domain of f, as ln(w) from 1 with rate 2, or the gradient is undefined where\n"
     "descent stands, as sqrt(w) at 0: the reason says which), or max_steps (--steps, default\n"
     "100, at most 1000000). JSON: \"status\" is converged, diverged (a stopped run too) or\n"
     "max_steps, \"outcome\" is one of the four words above, \"reason\" says why.\n"
     "\n"
     "  --start W0         start of the one variable, or w=0,b=1 for several (the gradient is\n"
     "                     every partial derivative, symbolic, compiled once)\n"
     "  --set x=2,y=3      values of the other variables, held fixed\n"
     "  --data FILE.csv    descend on the mean of EXPR over the file's rows: its header names the\n"
     "                     data variables (x,y), each line after it is one example\n"
     "  --batch N          mini-batches: each update on the next N rows of a shuffled order\n"
     "                     of the rows, shuffled again each epoch (the loss shown is over all)\n"
     "  --seed S           the shuffles' seed (default 1): the same seed, the same batches\n"
     "  --rate LR          learning rate (default 0.1); several (0.01,0.15,0.9) are compared\n"
     "                     side by side, with each one's table under --table\n"
     "  --rows N           rows shown: the first and last N/2 (default 40; json 10000)\n"
     "  --method gd        w <- w - lr*g                             (g = gradient at w)\n"
     "  --method momentum  v <- beta*v + g;  w <- w - lr*v           (--beta, default 0.9)\n"
     "  --method adam      m <- b1*m + (1-b1)*g;  s <- b2*s + (1-b2)*g^2;  at step t = 1, 2, ...\n"
     "                     w <- w - lr * (m/(1-b1^t)) / (sqrt(s/(1-b2^t)) + 1e-8)\n"
     "                     (b1 = --beta, default 0.9; b2 = --beta2, default 0.999)\n"
     "  --plot             draw it: the path on the loss curve and the loss per step (one panel\n"
     "                     per rate when several), in the terminal or --out FILE.svg|.png|.pdf;\n"
     "                     two variables: every rate's path on the loss's contour lines (levels\n"
     "                     1, 2, 5 x 10^k closing in on the minimum), with the critical points\n"
     "                     of a typed loss or the least-squares minimum on data marked\n"
     "Numbers may be expressions (--rate 1/8, --start pi/2). For a polynomial in one variable\n"
     "the end point is compared with the critical points (local or global minimum).\n"
     "\n"
     "  dfdx descend 'w^2' --start 4 --rate 0.15 --steps 15\n"
     "  dfdx descend 'w^2' --start 4 --rate 0.01,0.15,0.9 --steps 20 --plot\n"
     "  dfdx descend '(w*x - y)^2 + (b - 1)^2' --start w=0,b=0 --set x=2,y=3\n"
     "  dfdx descend '(w*x + b - y)^2' --data linreg.csv --start w=0,b=0 --steps 200 --out path.png")},
    {"limit", cli_limit, limit_opts, 1, 1, N_("limit EXPR --at A [--side both|left|right] [--var V]"),
     N_("Left and right limits at A (a number, pi/2, oo or -oo), whether the limit exists, and\n"
     "continuity and differentiability at A.\n  dfdx limit 'sin(x)/x' --at 0    ->  limit: 1\n"
     "  dfdx limit 'exp(x)/x^100' --at oo    ->  x -> oo: oo (exponential beats power)")},
    {"plot", cli_plot, plot_opts, 1, 1,
     N_("plot EXPR [--from A --to B] [--out FILE.svg|.png|.pdf] [--ascii] [--order N] [--tangent A,B,...] [--mark extrema]\n"
     "          [--size WxH]\n"
     "       plot f(x, y) [--from x=A,y=B --to x=C,y=D] [--levels N|L1,L2,...] [--mark extrema|none] [--var x,y] ...\n"
     "       plot EQUATION [--tangent x=A,y=B] [--from ... --to ...] ..."),
     N_("f and f' drawn together (--order N: up to the N-th derivative), in the terminal with braille dots\n"
     "(--ascii: plain characters) or into an SVG, PNG or PDF file; --tangent A adds the tangent at A;\n"
     "--mark extrema marks the critical points (as 'dfdx extrema' finds them) on f, and on f' at 0.\n"
     "--size is characters in the terminal, pixels for a file (default: the terminal, or 800x500).\n"
     "\n"
     "A function of two variables is drawn as contour lines, each labelled with its value (about 10\n"
     "evenly spaced, or --levels N, or the values --levels -1,0,1), over a shading that is lighter\n"
     "where f is lower, with its critical points marked and labelled min, max, saddle or degenerate\n"
     "(as 'dfdx extrema' finds them; --mark none leaves them off). The box is --from x=A,y=B --to\n"
     "x=C,y=D (or one number for both axes); by default it holds a polynomial's critical points, else\n"
     "[-5, 5] each way. --var x,y chooses the horizontal and the vertical axis.\n"
     "An equation F(x, y) = 0 is drawn as its curve, x and y at the same scale, with --tangent x=A,y=B\n"
     "its tangent line there (as 'dfdx implicit --at' gives it); by default the box holds a closed\n"
     "curve, else it is [-5, 5] each way.\n"
     "  dfdx plot 'x^3 - 3*x' --from -2.5 --to 2.5 --tangent 2 --out cubic.svg\n"
     "  dfdx plot 'x^3 - 3x + y^2' --out saddle.png\n"
     "  dfdx plot 'x^2 + y^2 = 25' --tangent x=3,y=4")},
    {"hessian", cli_hessian, hessian_opts, 1, 1, N_("hessian EXPR [--var x,y] [--at x=1,y=2]"),
     N_("The matrix of second partial derivatives, simplified (rows and columns in the order of --var,\n"
     "default every variable alphabetically), and with --at its exact value and determinant there.\n"
     "  dfdx hessian 'x^3 - 3*x*y + y^3' --at x=1,y=1   ->  [ 6*x -3 ] [ -3 6*y ] ... determinant: 27")},
    {"taylor", cli_taylor, taylor_opts, 1, 1, N_("taylor EXPR --at A [--order N] [--var V]   (several: --at x=1,y=2)"),
     N_("The Taylor polynomial of order N (default 2) about A, each coefficient exact, and the order of\n"
     "the remainder. Several variables (up to order 6): f(a) + grad f(a)·h + 1/2 hᵀ H(a) h + ...\n"
     "  dfdx taylor 'sin(x)' --at 0 --order 5   ->  x - x^3/6 + x^5/120, remainder O(x^6)")},
    {"implicit", cli_implicit, implicit_opts, 1, 1,
     N_("implicit EQUATION [--at x=A,y=B] [--order 2] [--var x,y] [--plot [--out FILE.svg|.png|.pdf] [--size WxH]]"),
     N_("dy/dx on the curve F(x, y) = 0 (the equation's two sides subtracted): -F_x/F_y, simplified.\n"
     "--at a point of the curve (checked to be on it) gives the slope and the tangent line there, a\n"
     "vertical tangent where F_y = 0, or a singular point; --order 2 adds d2y/dx2. 'dfdx EQUATION'\n"
     "is short for this. --plot draws the curve with the tangent in the terminal, --out into a file\n"
     "(as 'dfdx plot EQUATION --tangent x=A,y=B').\n"
     "  dfdx implicit 'x^2 + y^2 = 25' --at x=3,y=4   ->  -x/y ... tangent: y = 25/4 - 3*x/4")},
    {"backprop", cli_backprop, backprop_opts, 1, 1, N_("backprop EXPR --at w=0.5,x=2,... [--out FILE.svg|.png|.pdf|.dot]"),
     N_("The computational graph of EXPR at a point, as a neural network library computes the\n"
     "gradient: each distinct subexpression one node (n1, n2, ...) with its forward value; on each\n"
     "edge the local partial derivative; then reverse mode from the output down, grad(v) the sum\n"
     "of grad(u)*du/dv over the nodes u that use v; at the end the gradient of every variable\n"
     "(equal to dfdx grad there). --out draws the graph with Graphviz: a record per node with its\n"
     "value and gradient, an ellipse per operation, the local derivative on each edge.\n"
     "  dfdx backprop 'sigmoid(w*x + b)' --at w=0.5,x=2,b=0 --out neuron.png")},
    {"session", cli_session, no_opts, 0, 0, N_("session          (also: dfdx with no arguments)"),
     N_("An interactive session on a terminal: commands without the 'dfdx' prefix, named functions,\n"
     "'ans' for the last result, history in ~/.dfdx_history. Not a terminal: one command a line.\n"
     "  dfdx session   then   f = x^3 - 3x   diff f   f(2)   plot f")},
    {NULL, NULL, NULL, 0, 0, NULL, NULL},
};

const cli_command *cli_find(const char *name)
{
    for (const cli_command *k = cli_commands; k->name; k++)
        if (strcmp(k->name, name) == 0)
            return k;
    return NULL;
}

static void usage(FILE *f)
{
    fprintf(f, _("dfdx %s: exact symbolic derivatives, and the numbers behind them\n\n"
                 "usage: dfdx EXPR                 (short for dfdx diff EXPR)\n"
                 "       dfdx COMMAND ARGS [--format plain|latex|json] [--lang en|ko] [--exact] [--work N]\n\ncommands:\n"),
            DX_VERSION);
    for (const cli_command *k = cli_commands; k->name; k++)
        fprintf(f, "  dfdx %s\n", _(k->usage));
    fprintf(f, _("\nNumbers typed as decimals (5.3) give decimals (0.9858*t) where the value ends;\n"
            "--exact prints fractions instead (4929*t/5000). Integers and fractions stay exact.\n"
            "--work N bounds the work of each command (default %llu units, a few seconds;\n"
            "0: no bound): past it the command stops with 'too much work' (exit 2).\n"
            "\n'dfdx COMMAND --help' explains one command. Exit status: 0 ok, 1 check says\n"
            "incorrect, 2 bad input or usage.\n"),
            DX_DEFAULT_WORK);
}

void cli_print_help(cli *c, const cli_command *cmd)
{
    if (cmd)
        fprintf(c->out, _("usage: dfdx %s\n\n%s\n"), _(cmd->usage), _(cmd->help));
    else
        usage(c->out);
}

bool cli_help(cli *c, const cli_command *cmd, int argc, char **argv)
{
    for (int i = 0; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            cli_print_help(c, cmd);
            return true;
        }
    return false;
}

const char *cli_nearest(const char *word, const char *const *words, size_t n) { return dx_nearest(word, words, n); }

const char *cli_near_command(const char *word)
{
    const char *names[sizeof cli_commands / sizeof *cli_commands + 1];
    size_t n = 0;
    for (const cli_command *k = cli_commands; k->name; k++)
        names[n++] = k->name;
    names[n++] = "help";
    return cli_nearest(word, names, n);
}

/* dfdx help [COMMAND]: --help by another name. */
static int help_command(cli *c, int argc, char **argv)
{
    const cli_command *cmd = argc > 1 ? cli_find(argv[1]) : NULL;
    if (argc > 1 && !cmd) {
        const char *near = cli_near_command(argv[1]);
        return near ? cli_usage(c, _("no command '%s' (did you mean '%s'?); 'dfdx help' lists them"), argv[1], near)
                    : cli_usage(c, _("no command '%s'; 'dfdx help' lists them"), argv[1]);
    }
    cli_print_help(c, cmd);
    return CLI_OK;
}

/* Ctrl-C while a command runs: the library is asked to stop (progress returns false), the
 * command ends with "interrupted", and a session goes on with its next line. */
static volatile sig_atomic_t interrupted;
static void on_interrupt(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* The library's progress call: stop after Ctrl-C; on a terminal, after a second, a line on
 * stderr saying how much of the work budget is spent (erased when the command ends). */
static bool progress(void *user, unsigned long long done, unsigned long long budget)
{
    cli *c = user;
    if (interrupted)
        return false;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double secs = (double)(now.tv_sec - c->started.tv_sec) + 1e-9 * (double)(now.tv_nsec - c->started.tv_nsec);
    unsigned pct = (unsigned)(budget ? done * 100 / budget : 0);
    if (secs >= 1 && budget && pct + 1 != c->progress && c->err == stderr && isatty(STDERR_FILENO)) {
        fprintf(c->err, _("\rdfdx: working, %u%% of the work budget spent (Ctrl-C stops)"), pct);
        fflush(c->err);
        c->progress = pct + 1;
    }
    return true;
}

bool cli_set_work(cli *c, const char *text)
{
    long units;
    if (!cli_whole(c, "work", text, 0, LONG_MAX, &units))
        return false;
    c->work = (unsigned long long)units;
    return true;
}

int cli_run_command(cli *c, const cli_command *cmd, const cli_args *a)
{
    interrupted = 0;
    clock_gettime(CLOCK_MONOTONIC, &c->started);
    dx_ctx_set_decimals(c->ctx, false); /* until this command's formula says (cli_parse) */
    dx_ctx_set_work(c->ctx, c->work);
    dx_ctx_set_progress(c->ctx, progress, c);
    struct sigaction on = {.sa_handler = on_interrupt}, old;
    sigemptyset(&on.sa_mask);
    sigaction(SIGINT, &on, &old);
    int rc = cmd->run(c, a);
    sigaction(SIGINT, &old, NULL);
    if (c->progress) {
        fputs("\r\033[K", c->err);
        c->progress = 0;
    }
    dx_msg_id why = dx_ctx_error(c->ctx)->msg.id;
    if ((why == DX_M_TOO_MUCH_WORK || why == DX_M_INTERRUPTED) && rc != CLI_BAD)
        rc = cli_report(c, NULL);
    dx_ctx_set_work(c->ctx, c->work); /* the stop ends with the command */
    return rc;
}

int cli_run(cli *c, int argc, char **argv)
{
    c->nnotes = 0;
    if (argc == 0) {
        usage(c->out);
        return CLI_OK;
    }
    if (strcmp(argv[0], "help") == 0)
        return help_command(c, argc, argv);
    const cli_command *cmd = cli_find(argv[0]);
    const char *near;
    if (cmd) {
        argc--;
        argv++;
    } else if (argc > 1 && dx_is_name(argv[0], strlen(argv[0])) && (near = cli_near_command(argv[0]))) {
        /* "dfdx limt x --at 0": a command misspelt, not an expression with a stray word */
        return cli_usage(c, _("unknown command '%s' (did you mean '%s'?)"), argv[0], near);
    } else {
        /* dfdx EXPR is diff, and dfdx EQUATION (x^2 + y^2 = 25) implicit */
        cmd = cli_find(cli_is_equation(c, argv[0]) ? "implicit" : "diff");
    }
    if (cli_help(c, cmd, argc, argv))
        return CLI_OK;
    cli_args a;
    if (!cli_parse_args(c, cmd, argc, argv, &a))
        return CLI_BAD;
    c->vars = cli_get(&a, "var");
    int rc = cli_run_command(c, cmd, &a);
    c->vars = NULL;
    return rc;
}

/* Test hooks, read by the program (the library never reads the environment), for
 * tests/alloc_cli.sh: DFDX_FAIL_ALLOC=N makes the library's N-th allocation fail;
 * DFDX_COUNT_ALLOC=1 prints how many allocations the library made, on stderr at exit. */
static void print_alloc_count(void) { fprintf(stderr, "dfdx: %lu library allocations\n", dx_alloc_count()); }

static void test_hooks(void)
{
    const char *fail = getenv("DFDX_FAIL_ALLOC"), *count = getenv("DFDX_COUNT_ALLOC");
    if (fail)
        dx_alloc_fail_at(strtoul(fail, NULL, 10));
    if (count && strcmp(count, "1") == 0)
        atexit(print_alloc_count);
}

/* Options of the program itself, read anywhere before "--"; the rest is the command's. */
static const cli_opt global_opts[] = {{"format", true}, {"lang", true},  {"version", false}, {"help", false},
                                      {"exact", false}, {"work", true}, {NULL, false}};

/* Output that did not reach its file (a full disk, /dev/full) is a failure, not a success with
 * a shorter answer. */
static int flushed(int rc)
{
    int why = fflush(stdout) != 0 ? errno : ferror(stdout) ? EIO : 0;
    if (!why)
        return rc;
    fprintf(stderr, _("dfdx: cannot write the output: %s\n"), strerror(why));
    return CLI_BAD;
}

int main(int argc, char **argv)
{
    test_hooks();
    FILE *err = cli_safe_stream(stderr);
    cli c = {.fmt = OUT_PLAIN, .out = stdout, .err = err, .line_prefix = "", .work = DX_DEFAULT_WORK};
    char **rest = malloc(sizeof *rest * (size_t)(argc + 1));
    int n = 0;
    bool dashdash = false, version = false, help = false, exact = false;
    const char *lang = NULL, *format = NULL, *work = NULL; /* format: a --format value refused */
    if (!rest)
        cli_oom(&c);
    for (int i = 1; i < argc; i++) {
        if (dashdash) {
            rest[n++] = argv[i];
            continue;
        }
        if (strcmp(argv[i], "-V") == 0) { /* the short form of --version, as many programs take it */
            printf("dfdx %s\n", DX_VERSION);
            free(rest);
            return flushed(CLI_OK);
        }
        int at = i;
        const cli_opt *o;
        const char *f;
        cli_word w = cli_read_word(global_opts, argc, argv, &i, &o, &f);
        dashdash = w == CLI_WORD_END;
        if (w == CLI_WORD_OPTION && !strcmp(o->name, "version")) {
            version = true;
            continue;
        }
        if (w == CLI_WORD_OPTION && !strcmp(o->name, "exact")) {
            exact = true;
            continue;
        }
        if (w == CLI_WORD_OPTION && !strcmp(o->name, "help") && n == 0) {
            help = true;
            continue;
        }
        if ((w == CLI_WORD_OPTION || w == CLI_WORD_NO_VALUE) && !strcmp(o->name, "work")) {
            work = f ? f : "";
            continue;
        }
        if ((w == CLI_WORD_OPTION || w == CLI_WORD_NO_VALUE) && !strcmp(o->name, "lang")) {
            lang = f ? f : "";
            continue;
        }
        if ((w == CLI_WORD_OPTION || w == CLI_WORD_NO_VALUE) && !strcmp(o->name, "format")) {
            if (!f)
                f = "";
            if (strcmp(f, "plain") == 0)
                c.fmt = OUT_PLAIN;
            else if (strcmp(f, "latex") == 0)
                c.fmt = OUT_LATEX;
            else if (strcmp(f, "json") == 0)
                c.fmt = OUT_JSON;
            else
                format = f;
            continue;
        }
        rest[n++] = argv[at]; /* the command's (a global flag never takes the next word) */
    }
    /* the language first (--lang anywhere before "--"), so every word after it is in it; with
     * room for gettext's first lookup (headroom.c), said in English when there is none */
    if (!cli_headroom(CLI_ROOM_TEXT)) {
        fputs("dfdx: out of memory\n", stderr);
        free(rest);
        return CLI_BAD;
    }
    if (!cli_lang(lang)) {
        cli_lang(NULL);
        fprintf(err, _("dfdx: --lang takes en or ko (not '%s')\n"), lang);
        free(rest);
        return CLI_BAD;
    }
    if (format) {
        fprintf(err, _("dfdx: --format takes plain, latex or json (not '%s')\n"), format);
        free(rest);
        return CLI_BAD;
    }
    if (version || help) {
        if (version)
            printf("dfdx %s\n", DX_VERSION);
        else
            usage(stdout);
        free(rest);
        return flushed(CLI_OK);
    }
    c.ctx = dx_ctx_new();
    if (!c.ctx) {
        fprintf(stderr, _("dfdx: out of memory\n"));
        free(rest);
        return CLI_BAD;
    }
    dx_ctx_set_exact(c.ctx, exact);
    int rc;
    if (work && !cli_set_work(&c, work))
        rc = CLI_BAD;
    else if (n == 0 && cli_find("session")) {
        rc = cli_find("session")->run(&c, &(cli_args){0});
    } else {
        rc = cli_run(&c, n, rest);
    }
    dx_ctx_free(c.ctx);
    free(rest);
    return flushed(rc);
}
