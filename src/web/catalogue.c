/* The page's language for the library: the program's catalogue (po/LANG.po, made a script by
 * web/po2js.js) handed to the worker entry by entry when it starts, and the library's
 * translator reading it, as the program hands the library gettext's. One language is held at a
 * time, the one the page shows: a switch empties it and hands over the other. */
#include "web.h"

#include <dfdx.h>
#include <emscripten/emscripten.h>

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *english;  /* the msgid (a plural row's singular) */
    char *forms[2]; /* the translation; a plural row's for 1 and for many (forms[1] NULL when
                     * the language has one form) */
} entry;

static entry *entries;
static size_t nentries, cap;
static bool sorted;

static int by_english(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->english, ((const entry *)b)->english);
}

static const entry *find(const char *english)
{
    if (!sorted) {
        qsort(entries, nentries, sizeof *entries, by_english);
        sorted = true;
    }
    entry key = { (char *)english, { NULL, NULL } };
    return nentries ? bsearch(&key, entries, nentries, sizeof *entries, by_english) : NULL;
}

static const char *translate(const char *english)
{
    const entry *e = find(english);
    return e ? e->forms[0] : english;
}

static const char *translate_plural(const char *one, const char *many, unsigned long n)
{
    const entry *e = find(one);
    if (!e)
        return n == 1 ? one : many;
    return e->forms[1] && n != 1 ? e->forms[1] : e->forms[0];
}

EMSCRIPTEN_KEEPALIVE bool dxw_catalogue_add(const char *english, const char *form, const char *many_form)
{
    if (nentries == cap) {
        size_t ncap = cap ? 2 * cap : 1024;
        entry *n = realloc(entries, ncap * sizeof *n);
        if (!n)
            return false;
        entries = n;
        cap = ncap;
    }
    entry e = { strdup(english), { strdup(form), many_form ? strdup(many_form) : NULL } };
    if (!e.english || !e.forms[0] || (many_form && !e.forms[1])) {
        free(e.english);
        free(e.forms[0]);
        free(e.forms[1]);
        return false;
    }
    entries[nentries++] = e;
    sorted = false;
    return true;
}

EMSCRIPTEN_KEEPALIVE void dxw_catalogue_clear(void)
{
    dxw_translate(false);
    for (size_t i = 0; i < nentries; i++) {
        free(entries[i].english);
        free(entries[i].forms[0]);
        free(entries[i].forms[1]);
    }
    nentries = 0;
}

EMSCRIPTEN_KEEPALIVE void dxw_translate(bool on)
{
    dx_set_translator(on ? translate : NULL);
    dx_set_plural_translator(on ? translate_plural : NULL);
}
