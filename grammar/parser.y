/* Grammar: the syntax of an expression; its actions call the smart constructors directly. */

%define api.pure full
%define api.prefix {dx_yy}
%define api.token.prefix {DX_T_}
%define api.location.type {dx_loc}
%define parse.error custom   /* we word "unexpected '*'" ourselves */
%define parse.lac full       /* the expected tokens we consult (for DX_M_UNCLOSED) are true */
/* CMake builds this grammar twice: as dx_yyparse (above) and as dx_yyfastparse without LAC
 * (-Fparse.lac=none). LAC checks every lookahead before the reductions it triggers (a seventh
 * of a parse); dx_parse runs the fast twin first and, only when it fails, this one, so errors,
 * their places and the actions run before them stay those of the LAC parser. */
%define api.value.type {dx_yyval}
%locations
/* Conflicts are settled by the shape of the grammar (one nonterminal per level), not by
 * precedence declarations or luck: implicit multiplication makes %left/%right brittle. */
%expect 0

%param {yyscan_t scanner}
%parse-param {dx_ctx *ctx} {dx_pstate *st}

%code requires {
#include "parse.h"
#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif
/* Locations are byte spans: a rule spans its first to its last symbol. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                   \
    do {                                                              \
        if (N) {                                                      \
            (Cur).pos = YYRHSLOC(Rhs, 1).pos;                         \
            (Cur).end = YYRHSLOC(Rhs, N).end;                         \
        } else {                                                      \
            (Cur).pos = (Cur).end = YYRHSLOC(Rhs, 0).end;             \
        }                                                             \
    } while (0)
}

%code provides {
DX_HIDDEN int dx_yylex(dx_yyval *lval, dx_loc *lloc, yyscan_t scanner);
}

%code {
#include <stdio.h>
#include <string.h>
#include "alloc.h"
/* The parser stack, when it outgrows its first 200 entries, comes from the library allocator. */
#define YYMALLOC dx_malloc
#define YYFREE dx_free
/* DX_PARSE_MAX_NEST levels of at most ~8 stack entries each fit with room to spare, so the
 * nesting limit, not Bison's, is what deep input meets. */
#define YYMAXDEPTH 50000

/* A constructor returns NULL on failure with the error recorded: abort, pointing at the
 * span being built. */
#define TRY(x) do { if (!(x)) { dx_parse_relocate(st, yyloc); YYABORT; } } while (0)

/* Both twins read the one scanner and report through their own (static) yyerror. */
#undef yylex
#define yylex dx_yylex

static void yyerror(const dx_loc *loc, yyscan_t scanner, dx_ctx *ctx, dx_pstate *st,
                    const char *msg);

/* A call f(args): checks the number of arguments, then the row builds the canonical form. */
static dx_expr *call(dx_pstate *st, const dx_fn *fn, size_t mark, dx_loc loc)
{
    size_t n = st->nitems - mark;
    if ((int)n < fn->min_arity || (int)n > fn->arity) {
        if (fn->min_arity == fn->arity)
            dx_parse_fail(st, DX_ESYNTAX, loc.pos, loc.end, fn->arity == 1 ? DX_M_ARITY_ONE : DX_M_ARITY_N,
                          DX_S(fn->name), DX_I(fn->arity));
        else
            dx_parse_fail(st, DX_ESYNTAX, loc.pos, loc.end, DX_M_ARITY_RANGE, DX_S(fn->name),
                          DX_I(fn->min_arity), DX_I(fn->arity));
        return NULL;
    }
    dx_expr *e = fn->make(st->ctx, st->items + mark, (int)n);
    st->nitems = mark;
    return e;
}
}

%token <e> NUM "number" IDENT "name" CONST "constant" SUPER "superscript"
%token <fn> FUNC "function"
%token <def> NAMED "named function"
%token ROOT "√" INVALID "invalid character"

%type <e> sum product unary power ipower root iroot numpost ipost primary
%type <mark> sum_list product_list args

%%

/* Levels, loosest first (compare Lua's priority[] in lparser.c):
 *   sum      a + b - c           one dx_add_n per chain
 *   product  a * b / c,  2x      one dx_mul_n per chain; implicit products bind like '*'
 *   unary    -a                  looser than power:  -x^2 = -(x^2)
 *   power    a ^ b, a ** b       right-associative:  2^3^2 = 2^(3^2); the exponent is a
 *                                unary, so x^-2 and 2^-x read as written
 *   root     √a                  √ takes what follows with its superscripts: √x² = √(x²)
 *   postfix  a²                  a superscript exponent
 *   primary  number, name, constant, f(args), (sum)
 * The i- variants are the operands of an implicit product: they cannot start with a number
 * (so "2 3" and "x 2" are errors, not 6 and 2x) nor with a sign (so "2 -x" is a difference). */

input:
    sum             { st->result = $1; }
  | %empty          {
                        dx_parse_fail(st, DX_ESYNTAX, 0, (long)st->len, DX_M_EMPTY);
                        YYABORT;
                    }
  ;

sum:
    sum_list        { TRY($$ = dx_parse_sum(st, $1)); }
  ;

sum_list:
    product                 { TRY(dx_parse_start(st, $1, &$$)); }
  | sum_list '+' product    { TRY(dx_parse_push(st, $3)); $$ = $1; }
  | sum_list '-' product    { TRY(dx_parse_push(st, dx_neg(ctx, $3))); $$ = $1; }
  ;

product:
    product_list    { TRY($$ = dx_parse_product(st, $1)); }
  ;

product_list:
    unary                       { TRY(dx_parse_start(st, $1, &$$)); }
  | product_list '*' unary      { TRY(dx_parse_push(st, $3)); $$ = $1; }
  | product_list '/' unary      {
                                    /* a division by zero points at the '/', not at the product */
                                    dx_expr *q = dx_pow(ctx, $3, st->minus_one);
                                    if (!q)
                                        dx_parse_relocate(st, (dx_loc){@2.pos, @3.end});
                                    TRY(q && dx_parse_push(st, q));
                                    $$ = $1;
                                }
  | product_list ipower         { TRY(dx_parse_push(st, $2)); $$ = $1; }
  ;

unary:
    power
  | '-' { if (!dx_parse_enter(st, @1)) YYABORT; }
    unary       { st->depth--; TRY($$ = dx_neg(ctx, $3)); }
  | '+' { if (!dx_parse_enter(st, @1)) YYABORT; }
    unary       { st->depth--; $$ = $3; }
  ;

power:
    root
  | root '^' { if (!dx_parse_enter(st, @2)) YYABORT; }
    unary       { st->depth--; TRY($$ = dx_pow(ctx, $1, $4)); }
  ;

ipower:
    iroot
  | iroot '^' { if (!dx_parse_enter(st, @2)) YYABORT; }
    unary       { st->depth--; TRY($$ = dx_pow(ctx, $1, $4)); }
  ;

root:
    iroot
  | numpost
  ;

iroot:
    ipost
  | ROOT { if (!dx_parse_enter(st, @1)) YYABORT; }
    root        {
                    st->depth--;
                    TRY($$ = st->sqrt_fn->make(ctx, &$3, 1));
                }
  ;

numpost:
    NUM
  | numpost SUPER   { TRY($$ = dx_pow(ctx, $1, $2)); }
  ;

ipost:
    primary
  | ipost SUPER     { TRY($$ = dx_pow(ctx, $1, $2)); }
  ;

primary:
    IDENT
  | CONST
  | '(' sum ')'             { $$ = $2; }
  | FUNC '(' args ')'       { TRY($$ = call(st, $1, $3, @$)); }
  | FUNC '(' ')'            { TRY($$ = call(st, $1, st->nitems, @$)); }
  | NAMED '(' sum ')'       { TRY($$ = dx_def_apply(ctx, $1, $3)); }
  ;

args:
    sum                     { TRY(dx_parse_start(st, $1, &$$)); }
  | args ',' sum            { TRY(dx_parse_push(st, $3)); $$ = $1; }
  ;

%%

/* "memory exhausted" from Bison itself: unreachable while DX_PARSE_MAX_NEST holds, kept so
 * that a mistake there still ends in a report. */
static void yyerror(const dx_loc *loc, yyscan_t scanner, dx_ctx *ctx, dx_pstate *st,
                    const char *msg)
{
    dx_parse_fail(st, DX_ELIMIT, loc->pos, loc->end, DX_M_NESTED_LIMIT, DX_I(DX_PARSE_MAX_NEST));
}

/* Our own wording: the offending token as written ("unexpected '*'"), the opener of an
 * unclosed parenthesis, or what a stray byte is. */
static int yyreport_syntax_error(const yypcontext_t *pctx, yyscan_t scanner, dx_ctx *ctx,
                                 dx_pstate *st)
{
    const dx_loc *loc = yypcontext_location(pctx);
    yysymbol_kind_t tok = yypcontext_token(pctx);
    if (tok == YYSYMBOL_YYEOF) {
        yysymbol_kind_t want[YYNTOKENS];
        int n = yypcontext_expected_tokens(pctx, want, YYNTOKENS);
        bool closer = false;
        for (int i = 0; i < n; i++)
            closer |= want[i] == YYTRANSLATE(')');
        st->open_at_end = st->nopens > 0;
        if (closer && st->nopens > 0) {
            long p = st->opens[st->nopens - 1];
            dx_parse_fail(st, DX_ESYNTAX, p, p + 1, DX_M_UNCLOSED);
        } else {
            dx_parse_fail(st, DX_ESYNTAX, loc->pos, loc->end, DX_M_UNEXPECTED_END);
        }
        return 0;
    }
    const unsigned char *s = (const unsigned char *)st->text + loc->pos;
    long n = loc->end - loc->pos;
    char text[48];
    if (tok == YYSYMBOL_INVALID && n == 1) {
        snprintf(text, sizeof text, s[0] >= 0x80 || s[0] < 0x20 || s[0] == 0x7F ? "%02X" : "%c", s[0]);
        if (s[0] == 0)
            dx_parse_fail(st, DX_ESYNTAX, loc->pos, loc->end, DX_M_NUL_BYTE);
        else if (s[0] >= 0x80)
            dx_parse_fail(st, DX_ESYNTAX, loc->pos, loc->end, DX_M_BAD_UTF8, DX_S(text));
        else if (s[0] < 0x20 || s[0] == 0x7F)
            dx_parse_fail(st, DX_ESYNTAX, loc->pos, loc->end, DX_M_CONTROL_CHAR, DX_S(text));
        else
            dx_parse_fail(st, DX_ESYNTAX, loc->pos, loc->end, DX_M_UNEXPECTED, DX_S(text));
        return 0;
    }
    /* Long names and numbers are cut, never inside a UTF-8 character (they are ASCII). */
    snprintf(text, sizeof text, "%.*s", n > 40 ? 32 : (int)n, (const char *)s);
    dx_parse_fail(st, DX_ESYNTAX, loc->pos, loc->end, n > 40 ? DX_M_UNEXPECTED_LONG : DX_M_UNEXPECTED, DX_S(text));
    return 0;
}
