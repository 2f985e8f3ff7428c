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

dx_expr *dx_parse_product(dx_pstate *st, size_t mark)
{
    size_t n = st->nitems - mark;
    dx_expr *e = n == 1 ? st->items[mark] : dx_mul_n(st->ctx, st->items + mark, n);
    st->nitems = mark;
    return e;
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
    memcpy(copy, st->text, st->len);
    copy[st->len] = copy[st->len + 1] = 0;
    dx_yy_scan_buffer(copy, st->len + 2, scanner);
    if (dx_yyparse(scanner, st->ctx, st) == 0)
        return st->result;
    if (!dx_failed(st->ctx)) /* cannot happen: every abort records why */
        dx_fail(st->ctx, DX_ESYNTAX, 0, (long)st->len, DX_M_SYNTAX);
    return NULL;
}

/* Runs the scanner and parser over text. Everything they build is borrowed from ctx; the only
 * memory of the parse itself (the scanner, Bison's stacks, the chain stack) is released here,
 * whichever way the parse ends. *open_at_end: it failed at the end inside an open '('. */
static dx_expr *parse(dx_ctx *ctx, const char *text, size_t len, bool *open_at_end)
{
    *open_at_end = false;
    dx_ctx_clear_error(ctx);
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
    st->minus_one = dx_int(ctx, -1);
    st->sqrt_fn = dx_fn_lookup("sqrt", 4);
    dx_expr *result = NULL;
    yyscan_t scanner = NULL;
    char *copy = dx_malloc(len + 2);
    if (!copy)
        dx_oom(ctx);
    if (!copy || !st->minus_one || !st->sqrt_fn)
        goto out;
    if (dx_yylex_init_extra(st, &scanner) != 0) {
        scanner = NULL;
        dx_oom(ctx);
        goto out;
    }
    result = run(st, scanner, copy);
    *open_at_end = !result && st->open_at_end;
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
    return parse(ctx, text, len, &open);
}

DX_API bool dx_unfinished(dx_ctx *ctx, const char *text, size_t len)
{
    bool open;
    parse(ctx, text, len, &open);
    return open;
}
