/* Parser state: what the grammar's actions and the scanner share during one dx_parse. */
#ifndef DX_PARSE_H
#define DX_PARSE_H

#include "expr.h"
#include "fn.h"
#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

/* Input longer than this is refused before scanning: the longest text dx_print writes. */
#define DX_PARSE_MAX_LEN DX_MAX_TEXT
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
/* How many parameters it has (NAME(A, B) applies it), and its name. */
DX_HIDDEN size_t dx_def_nparams(const dx_def *d);
DX_HIDDEN const char *dx_def_name(const dx_def *d);
/* Its body (nargs 0), or its body with its nargs == dx_def_nparams parameters replaced by
 * args all at once; NULL with the error recorded (a division by zero found exactly). */
DX_HIDDEN dx_expr *dx_def_apply(dx_ctx *ctx, const dx_def *d, dx_expr *const *args, size_t nargs);
/* f' and f'': d, of one parameter, with its body the order-th derivative by it (dx_derivative)
 * in a definition of its own that no name finds (in the arena); NULL with the error recorded. */
DX_HIDDEN const dx_def *dx_def_derived(dx_ctx *ctx, const dx_def *d, unsigned order);
/* A function name as typed: its row, and the base written on it (log_2), else NULL. */
typedef struct dx_fnref {
    const dx_fn *fn;
    dx_expr *base;
} dx_fnref;

/* A token's or a rule's semantic value (the grammar's %type tags are its fields). */
typedef union dx_yyval {
    dx_expr *e;
    dx_fnref fr;
    const dx_def *def;
    size_t mark;
} dx_yyval;

/* A longer name is refused (lexer.l's ID matches at most this many bytes). */
#define DX_PARSE_MAX_NAME 64
/* No function name (or other name of one) is longer: a run of letters is searched for them
 * up to this length. */
#define DX_PARSE_MAX_FN_NAME 12
/* Guesses not yet reported (see dx_parse_product); more are read but not noted. */
#define DX_PARSE_MAX_GUESSES 64

typedef struct dx_pstate {
    dx_ctx *ctx;
    const char *text;
    size_t len;
    size_t off;          /* the scanner's byte offset into text */
    const dx_parse_opts *opts; /* the caller's known names, or NULL */
    dx_parse_info *info; /* where notes go, or NULL */
    bool at_start;       /* before the first token: a prefix (f(x) =, d/dx) may come */
    bool decimals;       /* a number was typed with a decimal point (dx_parse_info) */
    int prev;            /* the last token the scanner returned, and its span */
    long prev_pos, prev_end;
    dx_expr *head;       /* the name of a prefix "y =", NULL for none; and where its '=' is */
    long head_eq;
    size_t nguesses;     /* entries of guesses[] */
    /* Operands of the sum, product and argument chains under construction, as one stack:
     * a chain's semantic value is the index of its first operand (a "mark"). Entries are
     * borrowed from the context, so aborting anywhere leaks nothing. */
    dx_expr **items;
    size_t nitems, cap;
    int depth;           /* current nesting, see DX_PARSE_MAX_NEST */
    size_t nopens;       /* unclosed '(' [ { | so far, their offsets in opens[] */
    bool open_at_end;    /* the input ended too soon inside an open bracket (dx_unfinished) */
    long opens[DX_PARSE_MAX_NEST + 1];
    /* Where the scanner guessed (a run of letters split, a function without parentheses):
     * the product that covers a guess notes how it was read. Ascending offsets. */
    long guesses[DX_PARSE_MAX_GUESSES];
    dx_expr *minus_one;  /* the exponent that turns a/b into a*b^-1 */
    const dx_fn *abs_fn;
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
/* Close the chain that starts at mark: sum (or product) of its operands, popped. A product
 * spanning loc that covers a guess of the scanner notes how it was read. */
DX_HIDDEN dx_expr *dx_parse_sum(dx_pstate *st, size_t mark);
DX_HIDDEN dx_expr *dx_parse_product(dx_pstate *st, size_t mark, dx_loc loc);
/* The row of a function by any of its names (arcsin, cosec, tg as well as asin, csc, tan). */
DX_HIDDEN const dx_fn *dx_parse_fn(const char *name, size_t len);
/* The inverse of fn for fn^-1 (sin^-1 is asin), or NULL when there is none. */
DX_HIDDEN const dx_fn *dx_parse_inverse(const dx_fn *fn);
/* One more level of nesting at loc; false (with the error recorded) past the limit. */
DX_HIDDEN bool dx_parse_enter(dx_pstate *st, dx_loc loc);
/* Give a constructor's error (recorded without a place) the span loc of the input. */
DX_HIDDEN void dx_parse_relocate(dx_pstate *st, dx_loc loc);
/* Record an error of this parse: dx_fail with a location. */
#define dx_parse_fail(st, s, pos, end, ...) dx_fail((st)->ctx, (s), (pos), (end), __VA_ARGS__)

#endif
