/* The program's readers of points and variable lists for the commands on several variables:
 * --at x=1,y=pi/2 and --var x,y. */
#ifndef DX_CLI_POINT_H
#define DX_CLI_POINT_H

#include "cli.h"

#define CLI_POINT_MAX 8

/* name=value items separated by commas (outside parentheses): the values exact, as closed
 * expressions. At most CLI_POINT_MAX; names and values belong to the context. false after
 * reporting. */
typedef struct cli_point {
    const char *name[CLI_POINT_MAX];
    dx_expr *value[CLI_POINT_MAX];
    size_t n;
} cli_point;
bool cli_read_point(cli *c, const char *opt, const char *text, cli_point *p);
/* --var x,y: the names, each a variable name; n = 0 when the option is absent. false after
 * reporting. */
bool cli_read_vars(cli *c, const cli_args *a, const char **names, size_t max, size_t *n);

#endif
