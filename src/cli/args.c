/* Command-line arguments: options a command accepts, positionals, and "--". */
#include "cli.h"

#include <string.h>

static const cli_opt *find_opt(const cli_command *cmd, const char *name, size_t len)
{
    for (const cli_opt *o = cmd->opts; o && o->name; o++)
        if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
            return o;
    return NULL;
}

bool cli_parse_args(cli *c, const cli_command *cmd, int argc, char **argv, cli_args *a)
{
    memset(a, 0, sizeof *a);
    bool dashdash = false;
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i];
        if (!dashdash && strcmp(s, "--") == 0) {
            dashdash = true;
            continue;
        }
        /* "--name" or "--name=value" of a known option; anything else, "-x^2" included, is
         * a positional argument (an expression). */
        if (!dashdash && s[0] == '-' && s[1] == '-' && s[2]) {
            const char *eq = strchr(s + 2, '=');
            size_t len = eq ? (size_t)(eq - s - 2) : strlen(s + 2);
            const cli_opt *o = find_opt(cmd, s + 2, len);
            if (!o) {
                cli_usage(c, "'%s' is not an option of 'dfdx %s' (usage: dfdx %s)", s, cmd->name, cmd->usage);
                return false;
            }
            const char *val = "";
            if (o->has_arg) {
                if (eq)
                    val = eq + 1;
                else if (i + 1 < argc)
                    val = argv[++i];
                else {
                    cli_usage(c, "--%s needs a value (usage: dfdx %s)", o->name, cmd->usage);
                    return false;
                }
            } else if (eq) {
                cli_usage(c, "--%s takes no value", o->name);
                return false;
            }
            if (a->nopt == CLI_MAX_OPT) {
                cli_usage(c, "too many options");
                return false;
            }
            a->opt_name[a->nopt] = o->name;
            a->opt_val[a->nopt++] = val;
            continue;
        }
        if (a->npos == CLI_MAX_POS) {
            cli_usage(c, "too many arguments");
            return false;
        }
        a->pos[a->npos++] = s;
    }
    if (a->npos < cmd->min_pos) {
        cli_usage(c, "missing %s (usage: dfdx %s)", a->npos == 0 ? "expression" : "argument", cmd->usage);
        return false;
    }
    if (cmd->max_pos >= 0 && a->npos > cmd->max_pos) {
        cli_usage(c, "unexpected argument '%s' (usage: dfdx %s)", a->pos[cmd->max_pos], cmd->usage);
        return false;
    }
    return true;
}

const char *cli_get(const cli_args *a, const char *name)
{
    const char *v = NULL; /* the last one given wins */
    for (int i = 0; i < a->nopt; i++)
        if (strcmp(a->opt_name[i], name) == 0)
            v = a->opt_val[i];
    return v;
}

bool cli_has(const cli_args *a, const char *name) { return cli_get(a, name) != NULL; }
