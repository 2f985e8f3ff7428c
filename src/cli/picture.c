/* Picture options plot and descend share: --out FILE, --size WxH, --ascii, colour, the terminal's size. */
#include "cli.h"
#include "dfdx/plot.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* --size WxH: characters for the terminal, pixels for a file. */
static bool size_of(cli *c, const char *s, int *w, int *h)
{
    char *end;
    long x = strtol(s, &end, 10), y = 0;
    if (*end == 'x' || *end == 'X')
        y = strtol(end + 1, &end, 10);
    if (*end || x < 1 || y < 1 || x > 10000 || y > 10000) {
        cli_usage(c, _("--size takes WIDTHxHEIGHT, e.g. 60x20 (not '%s')"), s);
        return false;
    }
    *w = (int)x;
    *h = (int)y;
    return true;
}

/* The terminal's size when stdout is one, else 80x24 (a pipe or a file has no size). */
static void terminal_size(cli *c, int *w, int *h)
{
    *w = 80;
    *h = 24;
    struct winsize ws;
    if (c->out == stdout && isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
        ws.ws_col >= 24 && ws.ws_row >= 10) {
        *w = ws.ws_col;
        *h = ws.ws_row - 1; /* the prompt's line stays below the picture */
    }
}

bool cli_picture(cli *c, const cli_args *a, int file_w, int file_h, cli_canvas *pc)
{
    pc->out = cli_get(a, "out");
    const char *ext = pc->out ? strrchr(pc->out, '.') : NULL;
    if (pc->out && (!ext || (strcasecmp(ext, ".svg") && strcasecmp(ext, ".png") && strcasecmp(ext, ".pdf"))))
        return cli_usage(c, _("--out writes .svg, .png or .pdf files (not '%s')"), pc->out), false;
    if (cli_has(a, "size")) {
        if (!size_of(c, cli_get(a, "size"), &pc->w, &pc->h))
            return false;
    } else if (pc->out) {
        pc->w = file_w;
        pc->h = file_h;
    } else {
        terminal_size(c, &pc->w, &pc->h);
    }
    if (pc->out && (pc->w < 200 || pc->h < 150))
        return cli_usage(c, _("a picture file needs at least 200x150 pixels (got %dx%d)"), pc->w, pc->h), false;
    pc->flags = cli_has(a, "ascii") ? DX_PLOT_ASCII : 0;
    const char *nc = getenv("NO_COLOR");
    if (c->out == stdout && isatty(STDOUT_FILENO) && !(nc && *nc) && c->fmt != OUT_JSON)
        pc->flags |= DX_PLOT_COLOR;
    return true;
}
