/* The language a person reads: GNU gettext's catalogue (po/), chosen by the locale or --lang.
 * The program sets the locale and hands the library gettext as its translator; the library
 * itself never reads the environment. */
#include "cli.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *translate(const char *english) { return dgettext(DX_TEXT_DOMAIN, english); }

static const char *translate_plural(const char *one, const char *many, unsigned long n)
{
    return dngettext(DX_TEXT_DOMAIN, one, many, n);
}

/* Where the catalogues are: beside the program in a build tree (build/locale, made by CMake,
 * so tests read the catalogue just built); else where they are installed, found from the
 * program's own directory (bin/../share/locale, wherever the prefix is); else the configured
 * locale directory. */
static void bind_catalogues(void)
{
    static const char *const from_bin[] = {"locale", DX_LOCALEDIR_REL};
    char dir[4096];
    ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 512);
    if (n > 0)
        dir[n] = 0;
    char *slash = n > 0 ? strrchr(dir, '/') : NULL;
    struct stat st;
    for (size_t i = 0; slash && i < sizeof from_bin / sizeof from_bin[0]; i++) {
        snprintf(slash + 1, 511, "%s", from_bin[i]);
        if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
            bindtextdomain(DX_TEXT_DOMAIN, dir);
            return;
        }
    }
    bindtextdomain(DX_TEXT_DOMAIN, DX_LOCALEDIR);
}

bool cli_lang(const char *lang)
{
    /* Messages and the character type only: numbers are written the same in every locale. */
    setlocale(LC_CTYPE, "");
    setlocale(LC_MESSAGES, "");
    if (lang && strcmp(lang, "en") == 0) {
        setlocale(LC_MESSAGES, "C"); /* gettext answers the English msgid under C */
    } else if (lang && strcmp(lang, "ko") == 0) {
        /* LANGUAGE picks the catalogue, but gettext ignores it under the C locale: then any
         * other locale will do, ko_KR.UTF-8 if it is installed. */
        setenv("LANGUAGE", "ko", 1);
        const char *now = setlocale(LC_MESSAGES, NULL);
        if (!now || !strcmp(now, "C") || !strcmp(now, "POSIX"))
            if (!setlocale(LC_MESSAGES, "ko_KR.UTF-8"))
                setlocale(LC_MESSAGES, "C.UTF-8");
    } else if (lang) {
        return false;
    }
    bind_catalogues();
    bind_textdomain_codeset(DX_TEXT_DOMAIN, "UTF-8"); /* the output is UTF-8 in every locale */
    textdomain(DX_TEXT_DOMAIN);
    /* the first lookup sets up glibc's conversion of the catalogue, which crashes when its
     * allocation fails: made here, after main asked for the room, before anything is shown */
    (void)gettext("out of memory");
    dx_set_translator(translate);
    dx_set_plural_translator(translate_plural);
    return true;
}
