/* The font of a picture's words: the family fontconfig matches to the characters used. */
#include "font.h"

#include <stdio.h>
#include <string.h>

void cli_font_add(cli_chars *ch, const char *s)
{
    FcChar32 c;
    int len;
    while (ch->cs && s && *s && (len = FcUtf8ToUcs4((const FcChar8 *)s, &c, (int)strlen(s))) > 0) {
        ch->failed |= !FcCharSetAddChar(ch->cs, c);
        s += len;
    }
}

bool cli_font_family(cli_chars *ch, char *buf, size_t size)
{
    bool found = false;
    FcPattern *pat = ch->cs && !ch->failed ? FcPatternCreate() : NULL;
    if (pat && FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"sans-serif") &&
        FcPatternAddCharSet(pat, FC_CHARSET, ch->cs) && FcConfigSubstitute(NULL, pat, FcMatchPattern)) {
        FcDefaultSubstitute(pat);
        FcResult r;
        FcPattern *m = FcFontMatch(NULL, pat, &r);
        FcChar8 *family;
        if (m && FcPatternGetString(m, FC_FAMILY, 0, &family) == FcResultMatch)
            found = snprintf(buf, size, "%s", (const char *)family) < (int)size;
        if (m)
            FcPatternDestroy(m);
    }
    if (pat)
        FcPatternDestroy(pat);
    if (ch->cs)
        FcCharSetDestroy(ch->cs);
    ch->cs = NULL;
    return found;
}
