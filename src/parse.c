/* Parse: dx_parse and the helpers the grammar's actions share (grammar/parser.y, lexer.l). */
#include "parse.h"
#include "alloc.h"
#include "dfdx/session.h"
#include "parser.h"
#include "lexer.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A constructor's error carries no place (pos -1): give it the span being built. */
void dx_parse_relocate(dx_pstate *st, dx_loc loc)
{
    const dx_error *err = dx_ctx_error(st->ctx);
    if (err->status == DX_OK || err->pos >= 0)
        return;
    dx_error saved = *err;
    dx_ctx_clear_error(st->ctx);
    dx_fail_msg(st->ctx, saved.status, loc.pos, loc.end, saved.msg);
}

bool dx_parse_push(dx_pstate *st, dx_expr *e)
{
    if (!e)
        return false;
    if (st->nitems == st->cap) {
        size_t cap = st->cap ? 2 * st->cap : 64;
        dx_expr **items = dx_realloc(st->items, cap * sizeof *items);
        if (!items) {
            dx_oom(st->ctx);
            return false;
        }
        st->items = items;
        st->cap = cap;
    }
    st->items[st->nitems++] = e;
    return true;
}

bool dx_parse_start(dx_pstate *st, dx_expr *first, size_t *mark)
{
    *mark = st->nitems;
    return dx_parse_push(st, first);
}

/* A chain of one operand is that operand; the constructors see only real sums/products. */
dx_expr *dx_parse_sum(dx_pstate *st, size_t mark)
{
    size_t n = st->nitems - mark;
    dx_expr *e = n == 1 ? st->items[mark] : dx_add_n(st->ctx, st->items + mark, n);
    st->nitems = mark;
    return e;
}

/* A note "read 'xy' as x*y" for the product e typed at loc: the text is copied into the
 * context, where the note's expression lives too. */
static bool note(dx_pstate *st, dx_loc loc, dx_expr *e)
{
    if (!st->info || st->info->nnotes == DX_PARSE_MAX_NOTES)
        return true;
    size_t n = (size_t)(loc.end - loc.pos);
    char *text = dx_alloc(st->ctx, n + 1);
    if (!text)
        return false;
    memcpy(text, st->text + loc.pos, n);
    text[n] = 0;
    st->info->notes[st->info->nnotes++] = DX_MSG(DX_M_NOTE_READ_AS, DX_S(text), DX_E(e));
    return true;
}

dx_expr *dx_parse_product(dx_pstate *st, size_t mark, dx_loc loc)
{
    size_t n = st->nitems - mark;
    dx_expr *e = n == 1 ? st->items[mark] : dx_mul_n(st->ctx, st->items + mark, n);
    st->nitems = mark;
    /* The guesses inside loc are this product's; one after it belongs to the token the
     * parser looked ahead at, one before it to an enclosing product. */
    size_t top = st->nguesses, k = top;
    if (k > 0 && st->guesses[k - 1] >= loc.end)
        k--;
    size_t last = k;
    while (k > 0 && st->guesses[k - 1] >= loc.pos)
        k--;
    if (k < last && e) {
        if (!note(st, loc, e))
            return NULL;
        if (last < top)
            st->guesses[k] = st->guesses[last];
        st->nguesses = k + (last < top);
    }
    return e;
}

/* Other names of the functions, as textbooks and other countries write them. */
static const struct { const char *alias, *name; } aliases[] = {
    { "arcsin", "asin" }, { "arccos", "acos" }, { "arctan", "atan" }, { "arctg", "atan" },
    { "arsinh", "asinh" }, { "arcsinh", "asinh" }, { "arcosh", "acosh" }, { "arccosh", "acosh" },
    { "artanh", "atanh" }, { "arctanh", "atanh" },
    { "cosec", "csc" }, { "ctg", "cot" }, { "cotg", "cot" }, { "tg", "tan" },
};

const dx_fn *dx_parse_fn(const char *name, size_t len)
{
    const dx_fn *fn = dx_fn_lookup(name, len);
    if (fn || len < 2)
        return fn;
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strncmp(aliases[i].alias, name, len) == 0 && aliases[i].alias[len] == 0)
            return dx_fn_lookup(aliases[i].name, strlen(aliases[i].name));
    return NULL;
}

const dx_fn *dx_parse_inverse(const dx_fn *fn)
{
    static const char *const pairs[][2] = {
        { "sin", "asin" }, { "cos", "acos" }, { "tan", "atan" },
        { "sinh", "asinh" }, { "cosh", "acosh" }, { "tanh", "atanh" },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
        if (strcmp(fn->name, pairs[i][0]) == 0)
            return dx_fn_lookup(pairs[i][1], strlen(pairs[i][1]));
    return NULL;
}

bool dx_parse_enter(dx_pstate *st, dx_loc loc)
{
    if (st->depth >= DX_PARSE_MAX_NEST) {
        dx_parse_fail(st, DX_ELIMIT, loc.pos, loc.end, DX_M_NESTED_LIMIT, DX_I(DX_PARSE_MAX_NEST));
        return false;
    }
    st->depth++;
    return true;
}

/* Scan and parse; a separate function so that nothing setjmp must preserve changes here.
 * The fast parser first; when it fails, everything again with the LAC parser, which decides
 * the error (the fast one may run actions past a syntax error and fail in them). The actions
 * only build hash-consed nodes, so the second pass finds what the first one left. */
static dx_expr *run(dx_pstate *st, yyscan_t scanner, char *copy)
{
    if (setjmp(st->oom)) {
        /* Only scanner setup allocates, before a parser holds any memory. */
        dx_oom(st->ctx);
        return NULL;
    }
    /* the text in our own copy (flex's scan_bytes would lose its copy when the allocation
     * after it fails), with the two NULs flex ends a buffer with */
    memcpy(copy, st->text, st->len);
    copy[st->len] = copy[st->len + 1] = 0;
    /* flex's buffer stack made first, and grown once (flex grows it when its top is its last
     * slot): made or grown inside scan_buffer, its failure would lose the buffer just allocated */
    dx_yy_switch_to_buffer(NULL, scanner);
    dx_yy_switch_to_buffer(NULL, scanner);
    YY_BUFFER_STATE buf = dx_yy_scan_buffer(copy, st->len + 2, scanner);
    if (dx_yyfastparse(scanner, st->ctx, st) == 0)
        return st->result;
    dx_yy_delete_buffer(buf, scanner);
    dx_ctx_clear_error(st->ctx);
    st->off = 0;
    st->nitems = 0;
    st->depth = 0;
    st->nopens = 0;
    st->open_at_end = false;
    st->result = NULL;
    st->at_start = true;
    st->prev = 0;
    st->head = NULL;
    st->nguesses = 0;
    st->decimals = false;
    if (st->info)
        st->info->nnotes = 0;
    memcpy(copy, st->text, st->len);
    copy[st->len] = copy[st->len + 1] = 0;
    dx_yy_scan_buffer(copy, st->len + 2, scanner);
    if (dx_yyparse(scanner, st->ctx, st) == 0)
        return st->result;
    if (!dx_failed(st->ctx)) /* cannot happen: every abort records why */
        dx_fail(st->ctx, DX_ESYNTAX, 0, (long)st->len, DX_M_SYNTAX);
    return NULL;
}

/* A prefix "y =" is dropped only when y is not a variable of what follows: y = 2y + x is an
 * equation. */
static dx_expr *check_head(dx_pstate *st, dx_expr *e)
{
    const char **names;
    size_t n = dx_vars(st->ctx, e, &names);
    if (n == 0 && dx_failed(st->ctx))
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], st->head->u.name) == 0)
            return dx_fail(st->ctx, DX_ESYNTAX, st->head_eq, st->head_eq + 1, DX_M_EQUATION);
    return e;
}

/* Runs the scanner and parser over text. Everything they build is borrowed from ctx; the only
 * memory of the parse itself (the scanner, Bison's stacks, the chain stack) is released here,
 * whichever way the parse ends. *open_at_end: it failed at the end inside an open '('. */
static dx_expr *parse(dx_ctx *ctx, const char *text, size_t len, const dx_parse_opts *opts, dx_parse_info *info,
                      bool *open_at_end)
{
    *open_at_end = false;
    dx_ctx_clear_error(ctx);
    if (info) {
        info->nnotes = 0;
        info->decimals = false;
    }
    if (len > DX_PARSE_MAX_LEN)
        return dx_fail(ctx, DX_ELIMIT, DX_PARSE_MAX_LEN, (long)len,
                       DX_M_INPUT_TOO_LONG, DX_I(len), DX_I(DX_PARSE_MAX_LEN));
    if (!text)
        text = "";
    /* zeroed up to opens[], which is written before it is read: clearing its 8 KB cost as
     * much as scanning a short line */
    dx_pstate *st = dx_malloc(sizeof *st);
    if (!st)
        return dx_oom(ctx);
    memset(st, 0, offsetof(dx_pstate, opens));
    memset((char *)st + offsetof(dx_pstate, minus_one), 0, sizeof *st - offsetof(dx_pstate, minus_one));
    st->ctx = ctx;
    st->text = text;
    st->len = len;
    st->opts = opts;
    st->info = info;
    st->at_start = true;
    st->minus_one = dx_int(ctx, -1);
    st->abs_fn = dx_fn_lookup("abs", 3);
    dx_expr *result = NULL;
    yyscan_t scanner = NULL;
    char *copy = dx_malloc(len + 2);
    if (!copy)
        dx_oom(ctx);
    if (!copy || !st->minus_one || !st->abs_fn)
        goto out;
    if (dx_yylex_init_extra(st, &scanner) != 0) {
        scanner = NULL;
        dx_oom(ctx);
        goto out;
    }
    bool kept = dx_keep_domain(ctx, true); /* what was typed keeps its domain */
    result = run(st, scanner, copy);
    dx_keep_domain(ctx, kept);
    if (result && info)
        info->decimals = st->decimals;
    *open_at_end = !result && st->open_at_end;
    if (result && st->head)
        result = check_head(st, result);
out:
    if (scanner)
        dx_yylex_destroy(scanner);
    dx_free(copy);
    dx_free(st->items);
    dx_free(st);
    return result;
}

DX_API dx_expr *dx_parse(dx_ctx *ctx, const char *text, size_t len)
{
    bool open;
    return parse(ctx, text, len, NULL, NULL, &open);
}

DX_API dx_expr *dx_parse_ex(dx_ctx *ctx, const char *text, size_t len, const dx_parse_opts *opts,
                            dx_parse_info *info)
{
    bool open;
    return parse(ctx, text, len, opts, info, &open);
}

DX_API bool dx_unfinished(dx_ctx *ctx, const char *text, size_t len)
{
    bool open;
    parse(ctx, text, len, NULL, NULL, &open);
    return open;
}
