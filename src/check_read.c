/* How check read a student's answer: f's names kept whole, and the names f has not. */
#include "answer.h"

#include <string.h>

/* The names an answer is read with: f's variables and var (at most this many). */
#define MAX_KNOWN 32

dx_expr *dx_check_read(dx_ctx *ctx, dx_expr *f, const char *var, const char *text, size_t len, dx_parse_info *info)
{
    const char **names;
    size_t n = dx_vars(ctx, f, &names);
    if (n == 0 && dx_ctx_error(ctx)->status != DX_OK)
        return NULL;
    const char *known[MAX_KNOWN + 1];
    size_t k = 0;
    for (size_t i = 0; i < n && k < MAX_KNOWN; i++)
        known[k++] = names[i];
    known[k++] = var;
    dx_parse_opts opts = {known, k, false};
    return dx_parse_ex(ctx, text, len, &opts, info);
}

/* name[0..len) as a product of the names in names[0..n), fewest pieces first: 'w1x' is w1*x.
 * NULL when it is no such product. */
static dx_expr *split(dx_ctx *ctx, const char *name, size_t len, const char *const *names, size_t n)
{
    enum { MAX_LEN = 64 };
    if (len > MAX_LEN)
        return NULL;
    /* best[i]: the fewest pieces name[0..i) splits into (0 for none), via[i] the last piece */
    size_t best[MAX_LEN + 1] = {0}, via[MAX_LEN + 1];
    bool reached[MAX_LEN + 1] = {true};
    for (size_t i = 0; i < len; i++) {
        if (!reached[i])
            continue;
        for (size_t j = 0; j < n; j++) {
            size_t l = strlen(names[j]);
            if (l > len - i || memcmp(name + i, names[j], l) != 0)
                continue;
            if (!reached[i + l] || best[i] + 1 < best[i + l]) {
                reached[i + l] = true;
                best[i + l] = best[i] + 1;
                via[i + l] = j;
            }
        }
    }
    if (!reached[len] || best[len] < 2)
        return NULL;
    dx_expr *e = NULL;
    for (size_t at = len; at > 0;) {
        const char *piece = names[via[at]];
        size_t l = strlen(piece);
        dx_expr *s = dx_sym(ctx, piece, l);
        e = e ? dx_mul(ctx, s, e) : s;
        at -= l;
    }
    return e;
}

void dx_check_foreign(dx_ctx *ctx, dx_check_result *r)
{
    r->nforeign = 0;
    const char **fv, **av;
    size_t nf = dx_vars(ctx, r->f, &fv);
    const char *own[MAX_KNOWN + 1];
    size_t k = 0;
    for (size_t i = 0; i < nf && k < MAX_KNOWN; i++)
        own[k++] = fv[i];
    own[k++] = r->var;
    size_t na = dx_vars(ctx, r->answer, &av);
    for (size_t i = 0; i < na && r->nforeign < DX_CHECK_MAX_FOREIGN; i++) {
        bool mine = false;
        for (size_t j = 0; j < k && !mine; j++)
            mine = strcmp(av[i], own[j]) == 0;
        if (mine)
            continue;
        r->foreign[r->nforeign] = av[i];
        r->foreign_as[r->nforeign++] = split(ctx, av[i], strlen(av[i]), own, k);
    }
}
