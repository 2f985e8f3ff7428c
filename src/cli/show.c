/* The library's renderers meet the program's streams: the chosen format, the text written. */
#include "cli.h"

#include <stdlib.h>

dx_show cli_how(const cli *c)
{
    return c->fmt == OUT_JSON ? DX_SHOW_JSON : c->fmt == OUT_LATEX ? DX_SHOW_LATEX : DX_SHOW_PLAIN;
}

int cli_emit(cli *c, FILE *f, dx_buf *b)
{
    char *s = dx_buf_take(b);
    if (!s) /* a print that failed left its error; else the buffer ran out */
        return dx_ctx_error(c->ctx)->status != DX_OK ? cli_report(c, NULL) : cli_usage(c, _("out of memory"));
    fputs(s, f);
    free(s);
    return CLI_OK;
}
