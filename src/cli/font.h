/* The font of a picture's words: one family that has every character they use. */
#ifndef DX_CLI_FONT_H
#define DX_CLI_FONT_H

#include <fontconfig/fontconfig.h>
#include <stdbool.h>
#include <stddef.h>

/* The characters of a picture's words, gathered: cs from FcCharSetCreate (NULL when it
 * failed), failed when adding one did. */
typedef struct cli_chars {
    FcCharSet *cs;
    bool failed;
} cli_chars;
/* The characters of s (UTF-8, may be NULL) added to ch. */
void cli_font_add(cli_chars *ch, const char *s);
/* The family for the characters in ch (whose set it destroys), into buf: Cairo's toy text API
 * draws a string in one font, with no fallback per character, so the family must have them
 * all. fontconfig matches sans-serif against the characters (their charset ranks above the
 * family name), which gives DejaVu Sans for Latin text and a font with Hangul for Korean
 * (NanumGothic, from Debian's fonts-nanum). false when fontconfig failed (out of memory) or
 * matched nothing (no fonts): the picture is not drawn, as another font would make it another
 * picture. Asked before the picture's file is made. */
bool cli_font_family(cli_chars *ch, char *buf, size_t size);

#endif
