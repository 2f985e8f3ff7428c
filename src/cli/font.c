/* The font of a picture's words: the family fontconfig matches to the characters used. */
#include "font.h"

#include <stdio.h>
#include <string.h>

void cli_font_add(FcCharSet *cs, const char *s)
{
    FcChar32 ch;
    int len;
    while (cs && s && *s && (len = FcUtf8ToUcs4((const FcChar8 *)s, &ch, (int)strlen(s))) > 0) {
        FcCharSetAddChar(cs, ch);
        s += len;
    }
}

void cli_font_family(FcCharSet *cs, char *buf, size_t size)
{
    snprintf(buf, size, "sans-serif");
    FcPattern *pat = cs ? FcPatternCreate() : NULL;
    if (pat && FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"sans-serif") && FcPatternAddCharSet(pat, FC_CHARSET, cs) &&
        FcConfigSubstitute(NULL, pat, FcMatchPattern)) {
        FcDefaultSubstitute(pat);
        FcResult r;
        FcPattern *m = FcFontMatch(NULL, pat, &r);
        FcChar8 *family;
        if (m && FcPatternGetString(m, FC_FAMILY, 0, &family) == FcResultMatch)
            snprintf(buf, size, "%s", (const char *)family);
        if (m)
            FcPatternDestroy(m);
    }
    if (pat)
        FcPatternDestroy(pat);
    if (cs)
        FcCharSetDestroy(cs);
}
