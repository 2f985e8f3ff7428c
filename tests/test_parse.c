/* Tests of the parser: syntax, exact numbers, precedence, unicode, errors and limits. */
#include "dfdx.h"
#include "expr.h"
#include "testutil.h"
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Parse a NUL-terminated string; a failure names the input and the error. */

/* ---- equal forms: the store is hash-consed, so equal expressions are one pointer ---- */

static const struct { const char *a, *b; } same_rows[] = {
    /* numbers are exact */
    { "0.5", "1/2" },            { ".5", "1/2" },           { "1e-3", "1/1000" },
    { "2.5E+4", "25000" },       { "3.0", "3" },            { "1.50", "3/2" },
    { "0.1", "1/10" },           { "1e3", "1000" },         { "2.5e-1", "1/4" },
    { "-2", "0-2" },             { "3.", "3" },             { "1/3 + 1/3 + 1/3", "1" },
    { "00012", "12" },           { "123456789012345678901234567890 - 123456789012345678901234567889", "1" },
    /* precedence and associativity */
    { "2^3^2", "2^(3^2)" },      { "2^3^2", "512" },        { "-x^2", "-(x^2)" },
    { "x^-2", "1/x^2" },         { "2^-x", "2^(-x)" },      { "a/b/c", "a/(b*c)" },
    { "2x^2", "2*(x^2)" },       { "a-b-c", "a-(b+c)" },    { "a - -b", "a+b" },
    { "x**2", "x^2" },           { "x**y**z", "x^(y^z)" },  { "-x*y", "-(x*y)" },
    { "2*-x", "-2*x" },          { "x^-y^2", "x^(-(y^2))" }, { "--x", "x" },
    { "+x", "x" },               { "x + x", "2*x" },        { "a*b/c*d", "(a*b*d)/c" },
    { "-2^2", "-4" },            { "(-2)^2", "4" },         { "x^2^-1", "x^(2^(-1))" },
    { "1 - 2 + 3", "2" },        { "2^3x", "8*x" },         { "x^2y", "(x^2)*y" },
    /* implicit multiplication binds like '*' */
    { "3x", "3*x" },             { "2(x+1)", "2*(x+1)" },   { "(x+1)(x-1)", "(x+1)*(x-1)" },
    { "2 sin(x)", "2*sin(x)" },  { "x y", "x*y" },          { "x(x+1)", "x*(x+1)" },
    { "a(b+c)", "a*(b+c)" },     { "2x y", "2*x*y" },       { "1/2x", "x/2" },
    { "2 -x", "2-x" },           { "sin(x)cos(x)", "sin(x)*cos(x)" }, { "2pi", "2*pi" },
    { "pi x", "pi*x" },          { "2e", "2*e" },           { "e^x", "exp(x)" },
    { "x(y)(z)", "x*y*z" },      { "-2x", "-2*x" },         { "a/b c", "(a/b)*c" },
    { "theta (x+1)", "theta*(x+1)" }, { "x1(x+1)", "x1*(x+1)" }, { "f(x)", "f*x" },
    { "x²(x+1)", "x^2*(x+1)" }, { "3x^2 + 2x - 1", "3*x^2 + 2*x - 1" }, { "2(x+1)^2", "2*((x+1)^2)" },
    /* unicode a student pastes */
    { "x²", "x^2" },             { "x³", "x^3" },           { "x⁻¹", "1/x" },
    { "x¹⁰", "x^10" },           { "x⁰", "1" },             { "2x²", "2*x^2" },
    { "x⁴⁵⁶⁷⁸⁹", "x^456789" },   { "(x+1)²", "(x+1)^2" },   { "x²²", "x^22" },
    { "-x²", "-(x^2)" },         { "2²", "4" },             { "x^2²", "x^4" },
    { "√x", "sqrt(x)" },         { "√(x+1)", "sqrt(x+1)" }, { "2√x", "2*sqrt(x)" },
    { "√x²", "sqrt(x^2)" },      { "√√x", "sqrt(sqrt(x))" },      { "√x^3", "sqrt(x)^3" },
    { "π", "pi" },               { "2π", "2*pi" },          { "πx", "pi*x" },
    { "a−b", "a-b" },            { "a – b", "a-b" },        { "a×b", "a*b" },
    { "a·b", "a*b" },            { "a⋅b", "a*b" },          { "a∗b", "a*b" },
    { "a÷b", "a/b" },            { "a∕b", "a/b" },          { "x\xC2\xA0+ 1", "x+1" },
    { "x^−2", "x^-2" },          { "3x² − 2x", "3*x^2 - 2*x" },
    /* functions */
    { "log(x, 2)", "log2(x)" },  { "log2(x)", "ln(x)/ln(2)" }, { "log(x,2)", "ln(x)/ln(2)" },
    { "log(x)", "ln(x)" },       { "log10(x)", "ln(x)/ln(10)" }, { "exp(x)", "e^x" },
    { "sqrt(x)", "x^(1/2)" },    { "sin (x)", "sin(x)" },   { "sin(x)^2", "(sin(x))^2" },
    { "sin(x)²", "sin(x)^2" },   { "abs(-x)", "abs(x)" },   { "log(x, e)", "ln(x)" },
    /* whitespace */
    { " \t\nx\n+ 1 ", "x+1" },   { "x\r\n*\fy\v", "x*y" },
};

START_TEST(same_row)
{
    const char *a = same_rows[_i].a, *b = same_rows[_i].b;
    dx_expr *ea = tu_parse(a), *eb = tu_parse(b);
    ck_assert_msg(ea == eb, "\"%s\" and \"%s\" parse to different expressions", a, b);
}
END_TEST

/* Names: a variable is any identifier that is not a function or constant. */
static const struct { const char *text, *name; } sym_rows[] = {
    { "x", "x" }, { "theta", "theta" }, { "x1", "x1" }, { "_w", "_w" }, { "xy", "xy" },
    { "sinx", "sinx" }, { "exp2", "exp2" }, { "  w  ", "w" }, { "E", "E" }, { "PI", "PI" },
};

START_TEST(sym_row)
{
    const char *t = sym_rows[_i].text, *n = sym_rows[_i].name;
    dx_expr *e = tu_parse(t);
    ck_assert_msg(e == dx_sym(tu_ctx, n, strlen(n)), "\"%s\" is not the variable %s", t, n);
}
END_TEST

START_TEST(constants)
{
    ck_assert_ptr_eq(tu_parse("e"), dx_const(tu_ctx, DX_E));
    ck_assert_ptr_eq(tu_parse("pi"), dx_const(tu_ctx, DX_PI));
    ck_assert_ptr_eq(tu_parse("π"), dx_const(tu_ctx, DX_PI));
    ck_assert_ptr_eq(tu_parse("1/3"), dx_frac(tu_ctx, 1, 3));
    ck_assert_ptr_eq(tu_parse("-7"), dx_int(tu_ctx, -7));
}
END_TEST

/* dx_is_name agrees with the parser on every text of one or two bytes from a mix of name,
 * digit, operator, blank and non-ASCII bytes: a name parses as that variable (or e, pi, or a
 * function that wants its '('), anything else never as a variable spelled like it. */
START_TEST(names_as_parsed)
{
    static const char bytes[] = "aZz_09x(+ .\xC3\xA9";
    const size_t nb = sizeof bytes - 1;
    for (size_t i = 0; i < nb; i++)
        for (size_t j = 0; j <= nb; j++) {
            char t[3] = {bytes[i], j < nb ? bytes[j] : 0, 0};
            size_t len = strlen(t);
            dx_expr *e = dx_parse(tu_ctx, t, len);
            bool var = e && e == dx_sym(tu_ctx, t, len);
            bool other_name = e ? e->kind == DX_CONST : dx_ctx_error(tu_ctx)->msg.id == DX_M_EXPECTED_PAREN;
            dx_ctx_clear_error(tu_ctx);
            ck_assert_msg(dx_is_name(t, len) == (var || other_name), "\"%s\": dx_is_name says %d", t, dx_is_name(t, len));
        }
    ck_assert(dx_name_len("x1 + y", 6) == 2 && dx_name_len("_a=3", 4) == 2 && dx_name_len("2x", 2) == 0);
    ck_assert(dx_is_name("sin", 3) && !dx_is_name("", 0) && !dx_is_name("x y", 3) && dx_is_name("x y", 1));
}
END_TEST

/* A text that need not be NUL-terminated: only len bytes are read. */
START_TEST(length_bounded)
{
    const char text[] = { 'x', '+', '1', '*' };
    dx_expr *a = dx_parse(tu_ctx, text, 3);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_eq(a, tu_parse("x+1"));
}
END_TEST

/* ---- errors: exact message and byte span ---- */

#define S DX_ESYNTAX
#define L DX_ELIMIT
static const struct {
    const char *text;
    size_t len; /* 0: strlen(text) */
    dx_status status;
    long pos, end;
    const char *msg;
} err_rows[] = {
    { "x^3 - * x", 0, S, 6, 7, "unexpected '*'" },
    { "x^3 -", 0, S, 5, 5, "unexpected end of input" },
    { "x^", 0, S, 2, 2, "unexpected end of input" },
    { "(", 0, S, 1, 1, "unexpected end of input" },
    { "(x+", 0, S, 3, 3, "unexpected end of input" },
    { "sin(x)(", 0, S, 7, 7, "unexpected end of input" },
    { "−", 0, S, 3, 3, "unexpected end of input" },
    { "√", 0, S, 3, 3, "unexpected end of input" },
    { "(x+1", 0, S, 0, 1, "unclosed '('" },
    { "((x+1)", 0, S, 0, 1, "unclosed '('" },
    { "(x+1)(x", 0, S, 5, 6, "unclosed '('" },
    { "x*(y+(z)", 0, S, 2, 3, "unclosed '('" },
    { "sin(x", 0, S, 3, 4, "unclosed '('" },
    { "log(x, 2", 0, S, 3, 4, "unclosed '('" },
    { "x+1)", 0, S, 3, 4, "unexpected ')'" },
    { "(x))", 0, S, 3, 4, "unexpected ')'" },
    { "()", 0, S, 1, 2, "unexpected ')'" },
    { ")", 0, S, 0, 1, "unexpected ')'" },
    { "", 0, S, 0, 0, "empty expression" },
    { "   ", 0, S, 0, 3, "empty expression" },
    { "x * * y", 0, S, 4, 5, "unexpected '*'" },
    { "x ** * y", 0, S, 5, 6, "unexpected '*'" },
    { "x^3 − * x", 0, S, 8, 9, "unexpected '*'" },
    { "x × × y", 0, S, 5, 7, "unexpected '×'" },
    { "x,y", 0, S, 1, 2, "unexpected ','" },
    { "2 3", 0, S, 2, 3, "unexpected '3'" },
    { "x 2", 0, S, 2, 3, "unexpected '2'" },
    { "1.2.3", 0, S, 3, 5, "unexpected '.3'" },
    { "x^^2", 0, S, 2, 3, "unexpected '^'" },
    { "/x", 0, S, 0, 1, "unexpected '/'" },
    { "x @ y", 0, S, 2, 3, "unexpected '@'" },
    { "x = 2", 0, S, 2, 3, "unexpected '='" },
    { "x + é", 0, S, 4, 6, "unexpected 'é'" },
    { "θ + 1", 0, S, 0, 2, "unexpected 'θ'" },
    { "x ⁻", 0, S, 2, 5, "unexpected '⁻'" },
    { "x + 😀", 0, S, 4, 8, "unexpected '😀'" },
    { "x + \xff", 0, S, 4, 5, "invalid UTF-8 byte 0xFF" },
    { "x\xC3", 0, S, 1, 2, "invalid UTF-8 byte 0xC3" },
    { "x\xC3+1", 0, S, 1, 2, "invalid UTF-8 byte 0xC3" },
    { "x \x80", 0, S, 2, 3, "invalid UTF-8 byte 0x80" },
    { "\xC0\xAF", 0, S, 0, 1, "invalid UTF-8 byte 0xC0" },
    { "\xED\xA0\x80", 0, S, 0, 1, "invalid UTF-8 byte 0xED" },
    { "\xF5\x80\x80\x80", 0, S, 0, 1, "invalid UTF-8 byte 0xF5" },
    { "x\0+1", 4, S, 1, 2, "NUL byte in input" },
    { "\0", 1, S, 0, 1, "NUL byte in input" },
    { "x\x01", 0, S, 1, 2, "unexpected control character 0x01" },
    { "x\x7f", 0, S, 1, 2, "unexpected control character 0x7F" },
    { "sinn(x)", 0, S, 0, 4, "unknown function 'sinn' (did you mean 'sin'?)" },
    { "2*coss(x)", 0, S, 2, 6, "unknown function 'coss' (did you mean 'cos'?)" },
    { "sqr (x)", 0, S, 0, 3, "unknown function 'sqr' (did you mean 'sqrt'?)" },
    { "sinn (x)", 0, S, 0, 4, "unknown function 'sinn' (did you mean 'sin'?)" },
    { "lg(x)", 0, S, 0, 2, "unknown function 'lg' (did you mean 'ln'?)" },
    { "sigmoid(x)", 0, S, 0, 7, "unknown function 'sigmoid' (write sigmoid*(...) for a product)" },
    { "1 + theta(x+1)", 0, S, 4, 9, "unknown function 'theta' (write theta*(...) for a product)" },
    { "sin(x, y)", 0, S, 0, 9, "sin takes 1 argument" },
    { "sin()", 0, S, 0, 5, "sin takes 1 argument" },
    { "2 + exp(x, 1)", 0, S, 4, 13, "exp takes 1 argument" },
    { "log(x, 2, 3)", 0, S, 0, 12, "log takes 1 or 2 arguments" },
    { "log()", 0, S, 0, 5, "log takes 1 or 2 arguments" },
    { "sin x", 0, S, 4, 5, "expected '(' after 'sin'" },
    { "sin", 0, S, 3, 3, "expected '(' after 'sin'" },
    { "2 cos  ", 0, S, 7, 7, "expected '(' after 'cos'" },
    { "sin^2(x)", 0, S, 3, 4, "expected '(' after 'sin'" },
    { "x 12345678901234567890123456789012345678901234567890", 0, S, 2, 52,
      "unexpected '12345678901234567890123456789012...'" },
    /* the syntax error, not the division the reductions before it would build: dx_parse's
     * fast parser (no LAC) fails on 0^-1 first, the LAC parser decides */
    { "1/0)", 0, S, 3, 4, "unexpected ')'" },
    { "0^-1 )", 0, S, 5, 6, "unexpected ')'" },
    { "1e100000", 0, L, 0, 8, "number too large" },
    { "2 + 1e-100000", 0, L, 4, 13, "number too large" },
};
#undef S
#undef L

START_TEST(err_row)
{
    const char *t = err_rows[_i].text;
    size_t len = err_rows[_i].len ? err_rows[_i].len : strlen(t);
    dx_expr *e = dx_parse(tu_ctx, t, len);
    const dx_error *err = dx_ctx_error(tu_ctx);
    ck_assert_msg(e == NULL, "\"%s\" parsed but should fail", t);
    ck_assert_msg(err->status == err_rows[_i].status && err->pos == err_rows[_i].pos &&
                  err->end == err_rows[_i].end && strcmp(tu_err(tu_ctx), err_rows[_i].msg) == 0,
                  "\"%s\": got status %d at %ld..%ld \"%s\", want %d at %ld..%ld \"%s\"", t,
                  (int)err->status, err->pos, err->end, tu_err(tu_ctx), (int)err_rows[_i].status,
                  err_rows[_i].pos, err_rows[_i].end, err_rows[_i].msg);
}
END_TEST

/* An earlier error in the context neither blocks nor leaks into the next parse. */
START_TEST(error_then_ok)
{
    ck_assert_ptr_null(dx_parse(tu_ctx, "(", 1));
    ck_assert_ptr_nonnull(dx_parse(tu_ctx, "x", 1));
    ck_assert_ptr_null(dx_parse(tu_ctx, "x)", 2));
    const dx_error *err = dx_ctx_error(tu_ctx);
    ck_assert_str_eq(tu_err(tu_ctx), "unexpected ')'");
    ck_assert_int_eq(err->pos, 1);
}
END_TEST

/* ---- limits: reported, never a crash, a hang or Bison's own stack limit ---- */

/* prefix repeated n times, then middle, then suffix repeated n times. */
static char *nest(const char *prefix, size_t n, const char *middle, const char *suffix, size_t *len)
{
    size_t lp = strlen(prefix), lm = strlen(middle), ls = strlen(suffix);
    char *s = malloc(n * (lp + ls) + lm + 1), *p = s;
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++, p += lp)
        memcpy(p, prefix, lp);
    memcpy(p, middle, lm);
    p += lm;
    for (size_t i = 0; i < n; i++, p += ls)
        memcpy(p, suffix, ls);
    *p = 0;
    *len = (size_t)(p - s);
    return s;
}

static const struct {
    const char *prefix, *middle, *suffix;
    long pos; /* of the token that goes past the limit */
} deep_rows[] = {
    { "(", "x", ")", 1000 },
    { "-", "x", "", 1000 },
    { "x^", "x", "", 2001 },
    { "2**", "x", "", 3001 },
    { "√", "x", "", 3000 },
    { "sin(", "x", ")", 4003 },
    { "-(", "x", ")", 1000 },
    { "x^-", "x", "", 1501 },
    { "(a+b*", "x", ")", 1000 * 5 },
    { "−", "x", "", 3000 },
};

START_TEST(deep_row)
{
    /* 100,000 levels: far past the limit, far past Bison's default stack */
    size_t len;
    char *s = nest(deep_rows[_i].prefix, 100000, deep_rows[_i].middle, deep_rows[_i].suffix, &len);
    dx_expr *e = dx_parse(tu_ctx, s, len);
    free(s);
    const dx_error *err = dx_ctx_error(tu_ctx);
    ck_assert_msg(e == NULL && err->status == DX_ELIMIT &&
                  strcmp(tu_err(tu_ctx), "expression nested too deeply (limit 1000)") == 0 &&
                  err->pos == deep_rows[_i].pos,
                  "100000 x \"%s\": got status %d at %ld \"%s\", want the nesting limit at %ld",
                  deep_rows[_i].prefix, (int)err->status, err->pos, tu_err(tu_ctx), deep_rows[_i].pos);
}
END_TEST

/* At the limit, the deepest shapes still parse: the nesting limit trips before Bison's. */
static const struct { const char *prefix, *middle, *suffix; size_t n; } at_limit_rows[] = {
    { "(", "x", ")", 1000 },
    { "-", "x", "", 1000 },
    { "x^", "x", "", 1000 },
    { "(a+b*", "x", ")", 1000 },
    { "sin(a+b*", "x", ")", 1000 },
    { "log(a, b+c*(", "x", "))", 500 },
    { "a^-(", "x", ")", 333 },
};

START_TEST(at_limit_row)
{
    size_t len;
    char *s = nest(at_limit_rows[_i].prefix, at_limit_rows[_i].n, at_limit_rows[_i].middle,
                   at_limit_rows[_i].suffix, &len);
    dx_expr *e = dx_parse(tu_ctx, s, len);
    free(s);
    const dx_error *err = dx_ctx_error(tu_ctx);
    /* The store may refuse a result deeper than DX_MAX_DEPTH; that is a limit too, but the
     * parser's own nesting limit must not trip here. */
    ck_assert_msg(e != NULL || (err->status == DX_ELIMIT && strstr(tu_err(tu_ctx), "(limit 1000)") == NULL),
                  "%zu x \"%s\": %s", at_limit_rows[_i].n, at_limit_rows[_i].prefix, tu_err(tu_ctx));
}
END_TEST

START_TEST(paren_limit_exact)
{
    size_t len;
    char *s = nest("(", 1000, "x", ")", &len);
    ck_assert_ptr_eq(dx_parse(tu_ctx, s, len), tu_parse("x"));
    free(s);
    s = nest("(", 1001, "x", ")", &len);
    ck_assert_ptr_null(dx_parse(tu_ctx, s, len));
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->pos, 1000);
    free(s);
}
END_TEST

START_TEST(too_long)
{
    size_t n = 10 * 1000 * 1000;
    char *s = malloc(n);
    ck_assert_ptr_nonnull(s);
    memset(s, 'x', n);
    ck_assert_ptr_null(dx_parse(tu_ctx, s, n));
    const dx_error *err = dx_ctx_error(tu_ctx);
    ck_assert_int_eq(err->status, DX_ELIMIT);
    ck_assert_str_eq(tu_err(tu_ctx), "expression too long (10000000 bytes; the limit is 1000000)");
    ck_assert_int_eq(err->pos, 1000000);
    ck_assert_int_eq(err->end, 10000000);
    /* one byte over */
    ck_assert_ptr_null(dx_parse(tu_ctx, s, 1000001));
    ck_assert_str_eq(tu_err(tu_ctx), "expression too long (1000001 bytes; the limit is 1000000)");
    free(s);
}
END_TEST

/* A sum or product of 250,000 terms is built once per chain, not term by term. */
static const struct { const char *term; const char *want; } long_rows[] = {
    { "x+", "250000*x" },          /* one sum chain */
    { "x-", "-249998*x" },         /* x - (249999 more x) */
    { "x*", "x^250000" },          /* one product chain */
    { "x ", "x^250000" },          /* implicit products */
    { "1/", "1" },                 /* divisions */
};

START_TEST(long_row)
{
    const char *term = long_rows[_i].term;
    size_t n = 250000, lt = strlen(term), len = n * lt - 1;
    char *s = malloc(n * lt + 1);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * lt, term, lt);
    s[len] = 0; /* drop the last operator */
    dx_expr *e = dx_parse(tu_ctx, s, len);
    free(s); /* before any assertion, so that a failure leaks nothing */
    ck_assert_msg(e != NULL, "250000 x \"%s\": %s", term, tu_err(tu_ctx));
    ck_assert_msg(e == tu_parse(long_rows[_i].want), "250000 x \"%s\" != %s", term, long_rows[_i].want);
}
END_TEST

#define DX_LONG_NUMBER 999990
/* The longest number literal the length limit allows is read (a quadratic reader would
 * take minutes: the suite's timeout catches that, the test asserts no duration). */
START_TEST(long_number)
{
    size_t n = DX_LONG_NUMBER;
    char *s = malloc(n + 3);
    ck_assert_ptr_nonnull(s);
    memset(s, '7', n);
    memcpy(s + n, "-7", 3);
    dx_expr *e = dx_parse(tu_ctx, s, n + 2);
    free(s);
    ck_assert_msg(e != NULL, "a %zu-digit number: %s", n, tu_err(tu_ctx));
}
END_TEST

/* The node budget is a limit the parse reports, with a place in the text. */
START_TEST(budget)
{
    dx_ctx_set_budget(tu_ctx, 50);
    size_t len;
    char *s = nest("x^", 200, "x", "", &len);
    ck_assert_ptr_null(dx_parse(tu_ctx, s, len));
    const dx_error *err = dx_ctx_error(tu_ctx);
    ck_assert_int_eq(err->status, DX_ELIMIT);
    ck_assert_msg(err->pos >= 0 && err->end <= (long)len && err->pos <= err->end,
                  "budget error at %ld..%ld", err->pos, err->end);
    free(s);
}
END_TEST

/* Random token soup: every outcome is a result or an error placed inside the text. */
START_TEST(fuzz)
{
    static const char *const toks[] = {
        "x", "y", "2", "0.5", ".5", "1e-3", "+", "-", "*", "/", "^", "**", "(", ")", ",",
        " ", "sin", "log", "sqrt", "e", "pi", "π", "²", "⁻¹", "√", "−", "×", "÷", "\xff",
        "\xC3", "@", "sinn", "3x", "abs", "relu",
    };
    size_t ntoks = sizeof toks / sizeof *toks;
    unsigned seed = 12345;
    char buf[256];
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 24;
        for (int k = 0; k < n; k++) {
            const char *t = toks[((seed = seed * 1103515245u + 12345u) >> 16) % ntoks];
            size_t lt = strlen(t);
            memcpy(buf + len, t, lt);
            len += lt;
        }
        buf[len] = 0;
        dx_expr *e = dx_parse(tu_ctx, buf, len);
        const dx_error *err = dx_ctx_error(tu_ctx);
        if (e)
            ck_assert_msg(err->status == DX_OK, "\"%s\" parsed with an error set", buf);
        else
            ck_assert_msg(err->status != DX_OK && tu_err(tu_ctx)[0] && err->pos >= 0 &&
                          err->pos <= err->end && err->end <= (long)len,
                          "\"%s\": status %d at %ld..%ld \"%s\"", buf, (int)err->status,
                          err->pos, err->end, tu_err(tu_ctx));
    }
}
END_TEST

/* ---- the session's calls: named expressions the parser reads, unfinished input ---- */

/* NAME(ARG) is the body with its parameter replaced exactly, NAME alone the body; the result
 * is the one hash-consed node the written-out form gives, and its derivative checks out. */
START_TEST(named_functions)
{
    dx_expr *body = tu_parse("x^3 - 3*x");
    ck_assert_int_eq(dx_define(tu_ctx, "f", "x", body), DX_OK);
    const char *param;
    ck_assert_ptr_eq(dx_defined(tu_ctx, "f", &param), body);
    ck_assert_str_eq(param, "x");
    ck_assert_ptr_eq(tu_parse("f(1/2)"), tu_parse("-11/8"));
    ck_assert_ptr_eq(tu_parse("f (t)"), tu_parse("t^3 - 3*t"));
    ck_assert_ptr_eq(tu_parse("2f"), tu_parse("2*(x^3 - 3*x)"));
    ck_assert_ptr_eq(tu_parse("g(t)"), tu_parse("g*t")); /* an undefined one-letter name: a product */
    dx_expr *h = tu_parse("t*f(t)"), *dh = dx_diff(tu_ctx, h, "t", 1);
    char why[256];
    why[0] = 0;
    ck_assert_msg(tu_check_default(h, dh, "t", why, sizeof why) >= 5, "%s", why);
    /* a name without a parameter stands for its body, and (ARG) after it multiplies */
    ck_assert_int_eq(dx_define(tu_ctx, "ans", NULL, tu_parse("x + 1")), DX_OK);
    ck_assert_ptr_eq(dx_defined(tu_ctx, "ans", &param), tu_parse("x + 1"));
    ck_assert_ptr_null(param);
    ck_assert_ptr_eq(tu_parse("ans(2)"), tu_parse("2*(x + 1)"));
    /* redefined: the new body; a division by zero in the substitution points at the call */
    ck_assert_int_eq(dx_define(tu_ctx, "f", "x", tu_parse("1/x")), DX_OK);
    ck_assert_ptr_null(dx_parse(tu_ctx, "1 + f(0)", 8));
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->status, DX_EDOMAIN);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->pos, 4);
    /* functions and constants keep their meaning */
    ck_assert_int_eq(dx_define(tu_ctx, "sin", "x", body), DX_EUSAGE);
    ck_assert_int_eq(dx_define(tu_ctx, "pi", NULL, body), DX_EUSAGE);
    ck_assert_int_eq(dx_define(tu_ctx, "f", "e", body), DX_EUSAGE);
    ck_assert_int_eq(dx_define(tu_ctx, "2f", NULL, body), DX_EUSAGE);
    ck_assert_ptr_null(dx_defined(tu_ctx, "sin", NULL));
}
END_TEST

START_TEST(substitute_and_facts)
{
    dx_expr *e = tu_parse("3*x^2 - 3");
    ck_assert_ptr_eq(dx_substitute(tu_ctx, e, "x", tu_parse("1/2")), tu_parse("-9/4"));
    ck_assert_ptr_eq(dx_substitute(tu_ctx, e, "y", tu_parse("2")), e);
    ck_assert_ptr_null(dx_substitute(tu_ctx, tu_parse("1/x"), "x", tu_parse("0")));
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->status, DX_EDOMAIN);
    ck_assert(dx_is_number(tu_parse("-9/4")) && !dx_is_number(tu_parse("pi")) && !dx_is_number(NULL));
    ck_assert(dx_is_variable(tu_parse("x")) && !dx_is_variable(tu_parse("2x")));
    ck_assert(dx_is_constant(tu_parse("pi")) && dx_is_constant(tu_parse("e")) && !dx_is_constant(tu_parse("x")));
    double v;
    ck_assert_int_eq(dx_eval_const(tu_ctx, tu_parse("pi/2"), &v), DX_OK);
    ck_assert(v == 1.5707963267948966);
    ck_assert_int_eq(dx_eval_const(tu_ctx, tu_parse("x"), &v), DX_EUSAGE);
}
END_TEST

/* Unfinished: the text ends inside an open '(' (more text could complete it); not when it
 * parses, has no open '(', or fails before its end. */
static const struct { const char *text; bool unfinished; } unfinished_rows[] = {
    { "sin(x +", true },  { "f(", true },        { "(x^2", true },     { "((x)", true },
    { "sin(x)", false },  { "x +", false },      { "(x $", false },    { "(1/0", true },
    { "(x))(", false },   { "", false },         { "x * * (", false }, { "(x +\n", true },
};

START_TEST(unfinished_row)
{
    const char *t = unfinished_rows[_i].text;
    ck_assert_msg(dx_unfinished(tu_ctx, t, strlen(t)) == unfinished_rows[_i].unfinished, "\"%s\"", t);
    ck_assert_msg((dx_ctx_error(tu_ctx)->status == DX_OK) == (dx_parse(tu_ctx, t, strlen(t)) != NULL), "\"%s\"", t);
}
END_TEST

#define N(rows) (int)(sizeof rows / sizeof *rows)

static Suite *parse_suite(void)
{
    Suite *s = suite_create("parse");
    TCase *tc = tcase_create("forms");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_add_loop_test(tc, same_row, 0, N(same_rows));
    tcase_add_loop_test(tc, sym_row, 0, N(sym_rows));
    tcase_add_test(tc, constants);
    tcase_add_test(tc, names_as_parsed);
    tcase_add_test(tc, length_bounded);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_add_loop_test(tc, err_row, 0, N(err_rows));
    tcase_add_test(tc, error_then_ok);
    tcase_add_test(tc, fuzz);
    suite_add_tcase(s, tc);

    tc = tcase_create("limits");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, deep_row, 0, N(deep_rows));
    tcase_add_loop_test(tc, at_limit_row, 0, N(at_limit_rows));
    tcase_add_test(tc, paren_limit_exact);
    tcase_add_test(tc, too_long);
    tcase_add_loop_test(tc, long_row, 0, N(long_rows));
    tcase_add_test(tc, budget);
    suite_add_tcase(s, tc);

    tc = tcase_create("session");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_add_test(tc, named_functions);
    tcase_add_test(tc, substitute_and_facts);
    tcase_add_loop_test(tc, unfinished_row, 0, N(unfinished_rows));
    suite_add_tcase(s, tc);

    tc = tcase_create("numbers");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, long_number);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_main(parse_suite());
}
