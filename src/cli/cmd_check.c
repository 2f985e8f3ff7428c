/* dfdx check: is a student's answer the derivative? The verdict, a counterexample, the slip. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

int cli_check(cli *c, const cli_args *a);

int cli_check(cli *c, const cli_args *a)
{
    unsigned order;
    const char *var;
    dx_expr *f;
    if (!cli_order(c, a, CLI_MAX_ORDER, &order) || !(f = cli_function(c, a, NULL, &var)))
        return CLI_BAD;
    dx_check_result r;
    if (dx_check(c->ctx, f, var, order, a->pos[1], strlen(a->pos[1]), &r) != DX_OK)
        return cli_report(c, a->pos[1]); /* only the answer's errors have a place in a text */
    for (size_t i = 0; i < r.read.nnotes; i++) { /* the answer's guesses, as cli_parse says the function's */
        char *note = dx_msg_text(c->ctx, &r.read.notes[i], DX_PLAIN);
        if (!note)
            cli_oom(c);
        fprintf(c->err, _("dfdx: %snote: %s\n"), c->line_prefix, note);
        free(note);
    }
    dx_buf b = {0};
    dx_show_check(c->ctx, &r, cli_how(c), &b);
    if (cli_emit(c, c->out, &b) != CLI_OK)
        return CLI_BAD;
    return r.eq.kind == DX_EQ_DIFFERENT ? CLI_INCORRECT : r.eq.kind == DX_EQ_UNKNOWN ? CLI_BAD : CLI_OK;
}
