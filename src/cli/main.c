/* dfdx: the command-line program, a thin shell over the library. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

int cli_diff(cli *c, const cli_args *a);
int cli_grad(cli *c, const cli_args *a);
int cli_check(cli *c, const cli_args *a);
int cli_steps(cli *c, const cli_args *a);

static const cli_opt diff_opts[] = {{"var", true}, {"order", true}, {NULL, false}};
static const cli_opt no_opts[] = {{NULL, false}};
static const cli_opt var_opts[] = {{"var", true}, {NULL, false}};

/* One row per command; argv and the interactive session both dispatch through it. */
const cli_command cli_commands[] = {
    {"diff", cli_diff, diff_opts, 1, 1, "diff EXPR [--var V] [--order N]",
     "The simplified N-th derivative (default N=1).\n  dfdx diff 'x^3 - 3*x'    ->  3*x^2 - 3"},
    {"grad", cli_grad, no_opts, 1, 1, "grad EXPR",
     "Every partial derivative, one line each.\n  dfdx grad '(w*x - y)^2'  ->  d/dw = 2*x*(w*x - y) ..."},
    {"steps", cli_steps, var_opts, 1, 1, "steps EXPR [--var V]",
     "The derivation, one rule application per line, each rule named with its formula.\n"
     "  dfdx steps 'sin(x^2)'   ->  d/dx(sin(x^2)) = cos(x^2)*d/dx(x^2)   chain rule, outer sin, inner x^2 ..."},
    {"check", cli_check, diff_opts, 2, 2, "check EXPR ANSWER [--var V] [--order N]",
     "Is ANSWER the derivative of EXPR? 'correct' (exit 0) or 'incorrect' (exit 1) with a point where\n"
     "they differ, the derivative, and the likely slip.\n"
     "  dfdx check 'sin(x^2)' 'cos(x^2)'   ->  incorrect ... likely slip: missing inner derivative"},
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
    fprintf(f, "dfdx %s: exact symbolic derivatives, and the numbers behind them\n\n"
               "usage: dfdx EXPR                 (short for dfdx diff EXPR)\n"
               "       dfdx COMMAND ARGS [--format plain|latex|json]\n\ncommands:\n", DX_VERSION);
    for (const cli_command *k = cli_commands; k->name; k++)
        fprintf(f, "  dfdx %s\n", k->usage);
    fprintf(f, "\n'dfdx COMMAND --help' explains one command. Exit status: 0 ok, 1 check says\n"
               "incorrect, 2 bad input or usage.\n");
}

int cli_run(cli *c, int argc, char **argv)
{
    if (argc == 0) {
        usage(c->out);
        return CLI_OK;
    }
    const cli_command *cmd = cli_find(argv[0]);
    if (cmd) {
        argc--;
        argv++;
    } else {
        cmd = cli_find("diff");
    }
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fprintf(c->out, "usage: dfdx %s\n\n%s\n", cmd->usage, cmd->help);
            return CLI_OK;
        }
    }
    cli_args a;
    if (!cli_parse_args(c, cmd, argc, argv, &a))
        return CLI_BAD;
    return cmd->run(c, &a);
}

int main(int argc, char **argv)
{
    cli c = {NULL, OUT_PLAIN, stdout, stderr, ""};
    /* global options may stand anywhere before "--" */
    char **rest = malloc(sizeof *rest * (size_t)(argc + 1));
    int n = 0;
    bool dashdash = false;
    if (!rest)
        return CLI_BAD;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (!dashdash && strcmp(s, "--") == 0)
            dashdash = true;
        if (dashdash) {
            rest[n++] = argv[i];
            continue;
        }
        if (strcmp(s, "--version") == 0) {
            printf("dfdx %s\n", DX_VERSION);
            free(rest);
            return CLI_OK;
        }
        if (strcmp(s, "--help") == 0 && n == 0) {
            usage(stdout);
            free(rest);
            return CLI_OK;
        }
        const char *f = NULL;
        if (strncmp(s, "--format=", 9) == 0)
            f = s + 9;
        else if (strcmp(s, "--format") == 0 && i + 1 < argc)
            f = argv[++i];
        else if (strcmp(s, "--format") == 0)
            f = "";
        if (f) {
            if (strcmp(f, "plain") == 0)
                c.fmt = OUT_PLAIN;
            else if (strcmp(f, "latex") == 0)
                c.fmt = OUT_LATEX;
            else if (strcmp(f, "json") == 0)
                c.fmt = OUT_JSON;
            else {
                fprintf(stderr, "dfdx: --format takes plain, latex or json (not '%s')\n", f);
                free(rest);
                return CLI_BAD;
            }
            continue;
        }
        rest[n++] = argv[i];
    }
    c.ctx = dx_ctx_new();
    if (!c.ctx) {
        fprintf(stderr, "dfdx: out of memory\n");
        free(rest);
        return CLI_BAD;
    }
    int rc;
    if (n == 0 && cli_find("session")) {
        rc = cli_find("session")->run(&c, &(cli_args){0});
    } else {
        rc = cli_run(&c, n, rest);
    }
    dx_ctx_free(c.ctx);
    free(rest);
    return rc;
}
