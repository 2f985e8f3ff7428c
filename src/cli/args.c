/* Command-line arguments: the one reader of option syntax ("--name", "--name=value", "--"),
 * for argv, the global options and the session's lines. */
#include "cli.h"

#include <string.h>

static const cli_opt *find_opt(const cli_opt *opts, const char *name, size_t len)
{
    for (const cli_opt *o = opts; o && o->name; o++)
        if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
            return o;
    return NULL;
}

cli_word cli_read_word(const cli_opt *opts, int argc, char **argv, int *i, const cli_opt **o, const char **val)
{
    const char *s = argv[*i];
    *o = NULL;
    *val = NULL;
    if (strcmp(s, "--") == 0)
        return CLI_WORD_END;
    /* "--name" or "--name=value"; anything else, "-x^2" included, is positional */
    if (!(s[0] == '-' && s[1] == '-' && s[2]))
        return CLI_WORD_POSITIONAL;
    const char *eq = strchr(s + 2, '=');
    *o = find_opt(opts, s + 2, eq ? (size_t)(eq - s - 2) : strlen(s + 2));
    if (!*o)
        return CLI_WORD_UNKNOWN;
    if (!(*o)->has_arg) {
        *val = "";
        return eq ? CLI_WORD_FLAG_VALUE : CLI_WORD_OPTION;
    }
    if (eq)
        *val = eq + 1;
    else if (*i + 1 < argc)
        *val = argv[++*i];
    else
        return CLI_WORD_NO_VALUE;
    return CLI_WORD_OPTION;
}

/* An option the command does not take: the nearest one it (or the program) does, if any. */
static void unknown_option(cli *c, const cli_command *cmd, const char *word)
{
    static const char *const global[] = {"format", "help", "version"};
    const char *names[CLI_MAX_OPT + 3];
    size_t n = 0;
    for (const cli_opt *o = cmd->opts; o && o->name && n < CLI_MAX_OPT; o++)
        names[n++] = o->name;
    for (size_t i = 0; i < sizeof global / sizeof *global; i++)
        names[n++] = global[i];
    size_t len = strcspn(word + 2, "=");
    char name[40];
    snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), word + 2);
    const char *near = cli_nearest(name, names, n);
    if (near)
        cli_usage(c, _("'%s' is not an option of 'dfdx %s' (did you mean --%s?)"), word, cmd->name, near);
    else
        cli_usage(c, _("'%s' is not an option of 'dfdx %s' (usage: dfdx %s)"), word, cmd->name, _(cmd->usage));
}

bool cli_read_args(cli *c, const cli_command *cmd, int argc, char **argv, cli_args *a)
{
    memset(a, 0, sizeof *a);
    bool dashdash = false;
    for (int i = 0; i < argc; i++) {
        int at = i;
        const cli_opt *o;
        const char *val;
        cli_word w = dashdash ? CLI_WORD_POSITIONAL : cli_read_word(cmd->opts, argc, argv, &i, &o, &val);
        switch (w) {
        case CLI_WORD_END:
            dashdash = true;
            continue;
        case CLI_WORD_UNKNOWN:
            unknown_option(c, cmd, argv[at]);
            return false;
        case CLI_WORD_NO_VALUE:
            cli_usage(c, _("--%s needs a value (usage: dfdx %s)"), o->name, cmd->usage);
            return false;
        case CLI_WORD_FLAG_VALUE:
            cli_usage(c, _("--%s takes no value"), o->name);
            return false;
        case CLI_WORD_OPTION:
            if (a->nopt == CLI_MAX_OPT) {
                cli_usage(c, _("too many options"));
                return false;
            }
            a->opt_name[a->nopt] = o->name;
            a->opt_val[a->nopt++] = val;
            continue;
        case CLI_WORD_POSITIONAL:
            break;
        }
        if (a->npos == CLI_MAX_POS) {
            cli_usage(c, _("too many arguments"));
            return false;
        }
        a->pos_at[a->npos] = at;
        a->pos[a->npos++] = argv[at];
    }
    return true;
}

bool cli_check_count(cli *c, const cli_command *cmd, const cli_args *a)
{
    if (a->npos < cmd->min_pos) {
        cli_usage(c, a->npos == 0 ? _("missing expression (usage: dfdx %s)") : _("missing argument (usage: dfdx %s)"),
                  _(cmd->usage));
        return false;
    }
    if (cmd->max_pos >= 0 && a->npos > cmd->max_pos) {
        cli_usage(c, _("unexpected argument '%s' (usage: dfdx %s)"), a->pos[cmd->max_pos], _(cmd->usage));
        return false;
    }
    return true;
}

bool cli_parse_args(cli *c, const cli_command *cmd, int argc, char **argv, cli_args *a)
{
    return cli_read_args(c, cmd, argc, argv, a) && cli_check_count(c, cmd, a);
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
