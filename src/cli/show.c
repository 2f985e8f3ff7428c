/* The library's renderers meet the program's streams: the chosen format, the text written. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

dx_show cli_how(const cli *c)
{
    return c->fmt == OUT_JSON ? DX_SHOW_JSON : c->fmt == OUT_LATEX ? DX_SHOW_LATEX : DX_SHOW_PLAIN;
}

/* ", "notes": [...]" for the notes of the command's parses; empty when it had none. */
static void json_notes(cli *c, dx_buf *b)
{
    if (!c->nnotes)
        return;
    dx_json_key(b, "notes", false);
    dx_buf_putc(b, '[');
    for (size_t i = 0; i < c->nnotes; i++) {
        char *note = dx_msg_text(c->ctx, &c->notes[i], DX_PLAIN);
        if (!note)
            cli_oom(c);
        dx_buf_puts(b, i ? ", " : "");
        dx_json_str(b, note);
        free(note);
    }
    dx_buf_putc(b, ']');
    c->nnotes = 0;
}

void cli_put(cli *c, const char *text)
{
    /* the notes go in before the closing brace of the first object: a result is one object
     * (a descent of several rates too), and its first line is where a reader looks */
    const char *close = c->fmt == OUT_JSON && c->nnotes && text[0] == '{' ? strstr(text, "}\n") : NULL;
    if (!close && c->fmt == OUT_JSON && c->nnotes && text[0] == '{' && text[strlen(text) - 1] == '}')
        close = text + strlen(text) - 1;
    if (!close) {
        fputs(text, c->out);
        return;
    }
    dx_buf notes = {0};
    json_notes(c, &notes);
    char *s = dx_buf_take(&notes);
    if (!s)
        cli_oom(c);
    fprintf(c->out, "%.*s%s%s", (int)(close - text), text, s, close);
    free(s);
}

int cli_emit(cli *c, FILE *f, dx_buf *b)
{
    char *s = dx_buf_take(b);
    if (!s) /* a print that failed left its error; else the buffer ran out */
        return dx_ctx_error(c->ctx)->status != DX_OK ? cli_report(c, NULL) : cli_usage(c, _("out of memory"));
    if (dx_ctx_error(c->ctx)->status == DX_ENOMEM) { /* a part left out (a print that failed): another answer */
        free(s);
        cli_oom(c);
    }
    if (f == c->out)
        cli_put(c, s);
    else
        fputs(s, f);
    free(s);
    return CLI_OK;
}
