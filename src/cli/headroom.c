/* Room before calling into the libraries that crash when one of their allocations fails: glibc's
 * gettext on its first lookup (it sets up the catalogue's conversion with a strdup it does not
 * check), fontconfig and the expat it parses its configuration with (through Cairo's text too),
 * and Graphviz. dfdx cannot catch a crash inside them, so it asks for the room first, and says
 * "out of memory" instead of calling in when the room is not there: with it, they do not run
 * out (they need a few hundred kilobytes for a catalogue, about 3 MB for a picture; tests/
 * alloc_program.sh shows it under a memory limit). */
#include "cli.h"

#include <stdlib.h>

int cli_no_font(cli *c)
{
    return cli_usage(c, _("no font for the picture's words (out of memory, or no fonts installed)"));
}

bool cli_headroom(size_t bytes)
{
    void *volatile p = malloc(bytes); /* volatile: the compiler may not leave the pair out */
    free(p);
    return p != NULL;
}
