/* The font of a picture's words: one family that has every character they use. */
#ifndef DX_CLI_FONT_H
#define DX_CLI_FONT_H

#include <fontconfig/fontconfig.h>
#include <stddef.h>

/* The characters of s (UTF-8, may be NULL) added to cs. */
void cli_font_add(FcCharSet *cs, const char *s);
/* The family for the characters in cs (which it destroys; NULL is fine), into buf: Cairo's toy
 * text API draws a string in one font, with no fallback per character, so the family must have
 * them all. fontconfig matches sans-serif against the characters (their charset ranks above the
 * family name), which gives DejaVu Sans for Latin text and a font with Hangul for Korean
 * (NanumGothic, from Debian's fonts-nanum). "sans-serif" when nothing matches. */
void cli_font_family(FcCharSet *cs, char *buf, size_t size);

#endif
