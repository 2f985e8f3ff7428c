/* The nearest name by edit distance: "did you mean ...?" for functions, commands and options. */
#include "fn.h"

#include <string.h>

/* Levenshtein distance (no transpositions), for names of at most 31 bytes. */
size_t dx_edit_distance(const char *a, size_t la, const char *b, size_t lb)
{
    size_t row[33];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

size_t dx_near_limit(size_t len)
{
    /* one edit for short names, two for longer: "sinn" -> sin, "sqr" -> sqrt, "limt" -> limit */
    return len <= 3 ? 1 : 2;
}

const char *dx_nearest(const char *word, const char *const *names, size_t n)
{
    size_t len = strlen(word);
    if (len == 0 || len > 31)
        return NULL;
    size_t best = dx_near_limit(len) + 1;
    const char *out = NULL;
    for (size_t i = 0; i < n; i++) {
        size_t ln = strlen(names[i]);
        if (ln > 31 || (ln == len && memcmp(word, names[i], len) == 0))
            continue;
        size_t d = dx_edit_distance(word, len, names[i], ln);
        if (d < best) {
            best = d;
            out = names[i];
        }
    }
    return out;
}
