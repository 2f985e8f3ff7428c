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

/* A call f(args) with the power written on its name (sin^2(x), NULL for none): checks the
 * number of arguments, then the row builds the canonical form; a base written on the name
 * (log_2) is log's second argument. */
static dx_expr *call(dx_pstate *st, const dx_fnref *f, dx_expr *power, size_t mark, dx_loc loc)
{
    const dx_fn *fn = f->fn;
    size_t n = st->nitems - mark;
    int most = f->base ? 1 : fn->arity, least = f->base ? 1 : fn->min_arity;
    if ((int)n < least || (int)n > most) {
        if (least == most)
            dx_parse_fail(st, DX_ESYNTAX, loc.pos, loc.end, DX_M_ARITY,
                          DX_S(fn->name), DX_I(most));
        else
            dx_parse_fail(st, DX_ESYNTAX, loc.pos, loc.end, DX_M_ARITY_RANGE, DX_S(fn->name),
                          DX_I(least), DX_I(most));
        return NULL;
    }
    if (power && dx_is_int(power, -1)) {
        /* sin^-1 is asin, as in every textbook; a name with no inverse is refused, not read
         * as a reciprocal the student did not mean */
        if (!(fn = dx_parse_inverse(fn))) {
            dx_parse_fail(st, DX_ESYNTAX, loc.pos, loc.end, DX_M_NO_INVERSE, DX_S(f->fn->name));
            return NULL;
        }
        power = NULL;
    }
    dx_expr *two[2] = { st->items[mark], f->base };
    dx_expr *e = fn->make(st->ctx, f->base ? two : st->items + mark, f->base ? 2 : (int)n);
    st->nitems = mark;
    return e && power ? dx_pow(st->ctx, e, power) : e;
}

/* A session's function applied, NAME(A, B): one value for each of its parameters. */
static dx_expr *named(dx_pstate *st, const dx_def *d, size_t mark, dx_loc loc)
{
    size_t n = st->nitems - mark, want = dx_def_nparams(d);
    if (n != want) {
        if (want == 1)
            dx_parse_fail(st, DX_ESYNTAX, loc.pos, loc.end, DX_M_ARITY, DX_S(dx_def_name(d)), DX_I(1));
        else
            dx_parse_fail(st, DX_ESYNTAX, loc.pos, loc.end, DX_M_NAMED_ARITY, DX_S(dx_def_name(d)), DX_I((long)want));
        return NULL;
    }
    dx_expr *e = dx_def_apply(st->ctx, d, st->items + mark, n);
    st->nitems = mark;
    return e;
}

/* Push 1/e for a division; its failure (1/0) points at the '/' and the divisor. */
static bool divide(dx_pstate *st, dx_expr *e, dx_loc slash, dx_loc divisor)
{
    dx_expr *q = dx_pow(st->ctx, e, st->minus_one);
    if (!q)
        dx_parse_relocate(st, (dx_loc){slash.pos, divisor.end});
    return q && dx_parse_push(st, q);
}
}

%token <e> NUM "number" INUM "number after a factor" IDENT "name" CONST "constant" SUPER "superscript"
%token <e> ROOT "√"
%token <fr> FUNC "function" BFUNC "function without parentheses"
%token <def> NAMED "named function"
%token INVALID "invalid character" BAR "'|'" BARCLOSE "closing '|'"

%type <e> sum product unary bunary power bpower ipower ipower_nf bipower fpower
%type <e> rootop root iroot iroot_nf numpost ipost ipost_nf fpost primary_nf fcall bare barg fpow
%type <fr> bfunc
%type <mark> sum_list plist blist bargn args

%%

/* Levels, loosest first (compare Lua's priority[] in lparser.c):
 *   sum      a + b - c           one dx_add_n per chain
 *   product  a * b / c,  2x      one dx_mul_n per chain; implicit products bind like '*'
 *   unary    -a                  looser than power:  -x^2 = -(x^2)
 *   power    a ^ b, a ** b       right-associative:  2^3^2 = 2^(3^2); the exponent is a
 *                                unary, so x^-2 and 2^-x read as written
 *   root     √a                  √ takes what follows with its superscripts: √x² = √(x²)
 *   postfix  a²                  a superscript exponent
 *   primary  number, name, constant, f(args), (sum), |sum|
 * The i- variants are the operands of an implicit product: they cannot start with a sign (so
 * "2 -x" is a difference) nor with a number, except the INUM the scanner gives for a number
 * after a factor ("x 2", "(x+1) 3"; "2 3" it refuses).
 *
 * A function without parentheses (BFUNC: "sin x", "sin 2x", "sin^2 x", "ln|x|") takes as
 * its argument the implicit product that follows, up to the next + - * / or function name:
 * "sin x cos x" is sin(x)*cos(x), "sin x/x" is sin(x)/x. Such a bare call swallows what can
 * be juxtaposed after it, so whatever ends with one (the b- variants: blist, bunary, bpower)
 * is followed only by an operator or by a call with parentheses (fpower). */

input:
    sum             { st->result = $1; }
  | sum '='         { st->result = $1; }
  | sum '=' sum     {
                        /* an equation is read only where the caller asked for one (implicit) */
                        if (!st->opts || !st->opts->equation) {
                            dx_parse_fail(st, DX_ESYNTAX, @2.pos, @2.end, DX_M_EQUATION);
                            YYABORT;
                        }
                        TRY(st->result = dx_sub(ctx, $1, $3));
                    }
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
    plist           { TRY($$ = dx_parse_product(st, $1, @$)); }
  | blist           { TRY($$ = dx_parse_product(st, $1, @$)); }
  ;

/* a product chain whose last operand is not a bare call */
plist:
    unary                       { TRY(dx_parse_start(st, $1, &$$)); }
  | plist '*' unary             { TRY(dx_parse_push(st, $3)); $$ = $1; }
  | plist '/' unary             { TRY(divide(st, $3, @2, @3)); $$ = $1; }
  | plist ipower                { TRY(dx_parse_push(st, $2)); $$ = $1; }
  | blist '*' unary             { TRY(dx_parse_push(st, $3)); $$ = $1; }
  | blist '/' unary             { TRY(divide(st, $3, @2, @3)); $$ = $1; }
  | blist fpower                { TRY(dx_parse_push(st, $2)); $$ = $1; }
  ;

/* a product chain whose last operand ends with a bare call */
blist:
    bunary                      { TRY(dx_parse_start(st, $1, &$$)); }
  | plist '*' bunary            { TRY(dx_parse_push(st, $3)); $$ = $1; }
  | plist '/' bunary            { TRY(divide(st, $3, @2, @3)); $$ = $1; }
  | plist bipower               { TRY(dx_parse_push(st, $2)); $$ = $1; }
  | blist '*' bunary            { TRY(dx_parse_push(st, $3)); $$ = $1; }
  | blist '/' bunary            { TRY(divide(st, $3, @2, @3)); $$ = $1; }
  | blist bare                  { TRY(dx_parse_push(st, $2)); $$ = $1; }
  | blist fpost caret bunary    {
                                    st->depth--;
                                    TRY(dx_parse_push(st, dx_pow(ctx, $2, $4)));
                                    $$ = $1;
                                }
  ;

unary:
    power
  | minus unary   { st->depth--; TRY($$ = dx_neg(ctx, $2)); }
  | plus unary    { st->depth--; $$ = $2; }
  ;

bunary:
    bpower
  | minus bunary  { st->depth--; TRY($$ = dx_neg(ctx, $2)); }
  | plus bunary   { st->depth--; $$ = $2; }
  ;

/* power and bpower name root's two forms themselves: one reduction less per operand */
power:
    iroot
  | numpost
  | iroot caret unary   { st->depth--; TRY($$ = dx_pow(ctx, $1, $3)); }
  | numpost caret unary { st->depth--; TRY($$ = dx_pow(ctx, $1, $3)); }
  ;

bpower:
    bare
  | iroot caret bunary   { st->depth--; TRY($$ = dx_pow(ctx, $1, $3)); }
  | numpost caret bunary { st->depth--; TRY($$ = dx_pow(ctx, $1, $3)); }
  ;

ipower:
    iroot
  | iroot caret unary { st->depth--; TRY($$ = dx_pow(ctx, $1, $3)); }
  ;

bipower:
    bare
  | iroot caret bunary { st->depth--; TRY($$ = dx_pow(ctx, $1, $3)); }
  ;

/* an operand of a bare call's argument: no function name at its start */
ipower_nf:
    iroot_nf
  | iroot_nf caret unary { st->depth--; TRY($$ = dx_pow(ctx, $1, $3)); }
  ;

/* the operand after a bare call: a call with parentheses */
fpower:
    fpost
  | fpost caret unary { st->depth--; TRY($$ = dx_pow(ctx, $1, $3)); }
  ;

root:
    iroot
  | numpost
  ;

iroot:
    ipost
  | rootop root  { st->depth--; TRY($$ = dx_pow(ctx, $2, $1)); }
  ;

iroot_nf:
    ipost_nf
  | rootop root  { st->depth--; TRY($$ = dx_pow(ctx, $2, $1)); }
  ;

numpost:
    NUM
  | numpost SUPER   { TRY($$ = dx_pow(ctx, $1, $2)); }
  ;

/* ipost and ipost_nf each derive primary_nf directly: one reduction less per operand */
ipost:
    primary_nf
  | fcall
  | ipost SUPER     { TRY($$ = dx_pow(ctx, $1, $2)); }
  ;

ipost_nf:
    primary_nf
  | ipost_nf SUPER  { TRY($$ = dx_pow(ctx, $1, $2)); }
  ;

fpost:
    fcall
  | fpost SUPER     { TRY($$ = dx_pow(ctx, $1, $2)); }
  ;

primary_nf:
    IDENT
  | CONST
  | INUM
  | '(' sum ')'             { $$ = $2; }
  | BAR sum BARCLOSE        { TRY($$ = st->abs_fn->make(ctx, &$2, 1)); }
  | NAMED '(' args ')'      { TRY($$ = named(st, $1, $3, @$)); }
  ;

fcall:
    FUNC fpow '(' args ')'  { TRY($$ = call(st, &$1, $2, $4, @$)); }
  | FUNC fpow '(' ')'       { TRY($$ = call(st, &$1, $2, st->nitems, @$)); }
  ;

/* sin x, sin^2 x, ln|x|: the argument is one operand, read as a product */
bare:
    bfunc fpow barg         {
                                st->depth--;
                                size_t mark;
                                TRY(dx_parse_start(st, $3, &mark));
                                TRY($$ = call(st, &$1, $2, mark, @$));
                            }
  ;

barg:
    bargn                   { TRY($$ = dx_parse_product(st, $1, @$)); }
  | bunary
  ;

bargn:
    unary                   { TRY(dx_parse_start(st, $1, &$$)); }
  | bargn ipower_nf         { TRY(dx_parse_push(st, $2)); $$ = $1; }
  ;

/* the power written on a function's name: sin^2, sin², sin^-1, sin^(-1) */
fpow:
    %empty                  { $$ = NULL; }
  | SUPER
  | '^' NUM                 { $$ = $2; }
  | '^' '-' NUM             { TRY($$ = dx_neg(ctx, $3)); }
  | '^' '(' NUM ')'         { $$ = $3; }
  | '^' '(' '-' NUM ')'     { TRY($$ = dx_neg(ctx, $4)); }
  ;

/* operators that nest: one level each, see DX_PARSE_MAX_NEST */
minus:  '-'     { if (!dx_parse_enter(st, @1)) YYABORT; } ;
plus:   '+'     { if (!dx_parse_enter(st, @1)) YYABORT; } ;
caret:  '^'     { if (!dx_parse_enter(st, @1)) YYABORT; } ;
rootop: ROOT    { if (!dx_parse_enter(st, @1)) YYABORT; $$ = $1; } ;
bfunc:  BFUNC   { if (!dx_parse_enter(st, @1)) YYABORT; $$ = $1; } ;

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
            closer |= want[i] == YYTRANSLATE(')') || want[i] == YYSYMBOL_BARCLOSE;
        st->open_at_end = st->nopens > 0;
        if (closer && st->nopens > 0) {
            /* the opener as typed: ( [ { | or the full-width （ of a Korean keyboard */
            long p = st->opens[st->nopens - 1], w = (unsigned char)st->text[p] >= 0x80 ? 3 : 1;
            char open[4];
            snprintf(open, sizeof open, "%.*s", (int)w, st->text + p);
            dx_parse_fail(st, DX_ESYNTAX, p, p + w, DX_M_UNCLOSED, DX_S(open));
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
