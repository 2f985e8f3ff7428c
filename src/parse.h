/* Parser state: what the grammar's actions and the scanner share during one dx_parse. */
#ifndef DX_PARSE_H
#define DX_PARSE_H

#include "expr.h"
#include "fn.h"
#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

/* Input longer than this is refused before scanning. */
#define DX_PARSE_MAX_LEN 1000000
/* Nesting deeper than this ('(', unary minus, '^', '√' chains) is an error. It bounds the
 * Bison stack (at most ~8 entries per level, see YYMAXDEPTH in parser.y) and stays well below
 * DX_MAX_DEPTH, so every deep input is reported here, never by Bison or the C stack. */
#define DX_PARSE_MAX_NEST 1000

/* A token's place in the text, as byte offsets [pos, end). */
typedef struct dx_loc {
    long pos, end;
} dx_loc;

/* Named expressions (dx_define, session.c) as the scanner and grammar read them. */
typedef struct dx_def dx_def;
/* The definition of name[0..len), or NULL. */
DX_HIDDEN const dx_def *dx_def_find(dx_ctx *ctx, const char *name, size_t len);
/* Has it a parameter, so that NAME(ARG) applies it? */
DX_HIDDEN bool dx_def_takes_arg(const dx_def *d);
/* Its body, or with arg (not NULL) its body with the parameter replaced by arg; NULL with the
 * error recorded (a division by zero found exactly). */
DX_HIDDEN dx_expr *dx_def_apply(dx_ctx *ctx, const dx_def *d, dx_expr *arg);

/* A token's or a rule's semantic value (the grammar's %type tags are its fields). */
typedef union dx_yyval {
    dx_expr *e;
    const dx_fn *fn;
    const dx_def *def;
    size_t mark;
} dx_yyval;

typedef struct dx_pstate {
    dx_ctx *ctx;
    const char *text;
    size_t len;
    size_t off;          /* the scanner's byte offset into text */
    /* Operands of the sum, product and argument chains under construction, as one stack:
     * a chain's semantic value is the index of its first operand (a "mark"). Entries are
     * borrowed from the context, so aborting anywhere leaks nothing. */
    dx_expr **items;
    size_t nitems, cap;
    int depth;           /* current nesting, see DX_PARSE_MAX_NEST */
    size_t nopens;       /* unclosed '(' so far, their offsets in opens[] */
    bool open_at_end;    /* the input ended too soon inside an open '(' (dx_unfinished) */
    long opens[DX_PARSE_MAX_NEST + 1];
    dx_expr *minus_one;  /* the exponent that turns a/b into a*b^-1 */
    const dx_fn *sqrt_fn;
    dx_expr *result;
    jmp_buf oom;         /* the scanner's fatal errors (out of memory) land here */
} dx_pstate;

/* The grammar's parser without LAC (see parser.y): the same language, actions and result, but
 * on a syntax error it may first run actions the LAC parser dx_yyparse would not, so a failure
 * of it is only a sign to parse again with dx_yyparse. */
DX_HIDDEN int dx_yyfastparse(void *scanner, dx_ctx *ctx, dx_pstate *st);

/* Push e onto the chain stack. false when e is NULL (a constructor failed and recorded why)
 * or without memory (recorded here): the action then aborts the parse. */
DX_HIDDEN bool dx_parse_push(dx_pstate *st, dx_expr *e);
/* Start a chain: its mark, after pushing its first operand (false as above). */
DX_HIDDEN bool dx_parse_start(dx_pstate *st, dx_expr *first, size_t *mark);
/* Close the chain that starts at mark: sum (or product) of its operands, popped. */
DX_HIDDEN dx_expr *dx_parse_sum(dx_pstate *st, size_t mark);
DX_HIDDEN dx_expr *dx_parse_product(dx_pstate *st, size_t mark);
/* One more level of nesting at loc; false (with the error recorded) past the limit. */
DX_HIDDEN bool dx_parse_enter(dx_pstate *st, dx_loc loc);
/* Give a constructor's error (recorded without a place) the span loc of the input. */
DX_HIDDEN void dx_parse_relocate(dx_pstate *st, dx_loc loc);
/* Record an error of this parse: dx_fail with a location. */
#define dx_parse_fail(st, s, pos, end, ...) dx_fail((st)->ctx, (s), (pos), (end), __VA_ARGS__)

#endif
