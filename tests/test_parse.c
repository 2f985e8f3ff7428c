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
    /* bodies: x⁰ is 1 where x != 0 (a guard, see test_domain) */
    ck_assert_msg(dx_body(ea) == dx_body(eb), "\"%s\" and \"%s\" parse to different expressions", a, b);
}
END_TEST

/* ---- what students type (../shared/CLI.md, "What students type"; issue 13) ---- */

/* Each form as typed, the form it must read as (written so that it needs no guess), and the
 * notes the parse gives, joined by " | " ("" for none). */
static const struct { const char *typed, *as, *notes; } typed_rows[] = {
    /* a space between two factors multiplies, whatever the right one starts with */
    { "x 2^(x-1)", "x*2^(x-1)", "" },
    { "ln(2) 2^x", "ln(2)*2^x", "" },
    { "(x+1) 3", "3*(x+1)", "" },
    { "x 2", "2*x", "" },
    { "x (x+1)", "x*(x+1)", "" },
    { "2 (x+1)", "2*(x+1)", "" },
    { "sin(x) 2", "2*sin(x)", "" },
    { "e^x 3", "3*e^x", "" },
    { "x² 3", "3*x^2", "" },
    { "(x+1) 3^x", "(x+1)*3^x", "" },
    { "x 2 y", "2*x*y", "" },
    /* a run of letters that is no name: functions, constants, one-letter variables */
    { "2xy", "2*x*y", "read '2xy' as 2*x*y" },
    { "xy", "x*y", "read 'xy' as x*y" },
    { "xe^x", "x*e^x", "read 'xe^x' as x*e^x" },
    { "pix", "pi*x", "read 'pix' as pi*x" },
    { "xsinx", "x*sin(x)", "read 'xsinx' as x*sin(x)" },
    { "x^2 + 2xy", "x^2 + 2*x*y", "read '2xy' as 2*x*y" },
    { "x^2 + 2xy + y^2", "x^2 + 2*x*y + y^2", "read '2xy' as 2*x*y" },
    { "xe^-x", "x*e^(-x)", "read 'xe^-x' as x*e^(-x)" },
    { "2xe^(x^2)", "2*x*e^(x^2)", "read '2xe^(x^2)' as 2*x*e^(x^2)" },
    { "xcosx", "x*cos(x)", "read 'xcosx' as x*cos(x)" },
    { "x^2sinx", "x^2*sin(x)", "read 'x^2sinx' as x^2*sin(x)" },
    { "xlnx", "x*ln(x)", "read 'xlnx' as x*ln(x)" },
    { "xlnx - x", "x*ln(x) - x", "read 'xlnx' as x*ln(x)" },
    { "pir^2", "pi*r^2", "read 'pir^2' as pi*r^2" },
    { "ax^2+bx+c", "a*x^2 + b*x + c", "read 'ax^2' as a*x^2 | read 'bx' as b*x" },
    { "mx+b", "m*x + b", "read 'mx' as m*x" },
    { "kx", "k*x", "read 'kx' as k*x" },
    { "Ae^(kt)", "A*e^(k*t)", "read 'kt' as k*t | read 'Ae^(kt)' as A*e^(k*t)" },
    { "ex", "e*x", "read 'ex' as e*x" },
    { "xe", "x*e", "read 'xe' as e*x" },
    { "xyz", "x*y*z", "read 'xyz' as x*y*z" },
    { "3xy^2", "3*x*y^2", "read '3xy^2' as 3*x*y^2" },
    { "x^2y", "x^2*y", "" },
    { "xsin(x)", "x*sin(x)", "read 'xsin(x)' as x*sin(x)" },
    { "xtheta", "x*theta", "read 'xtheta' as theta*x" },
    /* a function name glued to its argument */
    { "sinx", "sin(x)", "read 'sinx' as sin(x)" },
    { "lnx", "ln(x)", "read 'lnx' as ln(x)" },
    { "sqrtx", "sqrt(x)", "read 'sqrtx' as sqrt(x)" },
    { "cosx", "cos(x)", "read 'cosx' as cos(x)" },
    { "tanx", "tan(x)", "read 'tanx' as tan(x)" },
    { "secx", "sec(x)", "read 'secx' as sec(x)" },
    { "cotx", "cot(x)", "read 'cotx' as cot(x)" },
    { "cscx", "csc(x)", "read 'cscx' as csc(x)" },
    { "expx", "exp(x)", "read 'expx' as e^x" },
    { "logx", "ln(x)", "read 'logx' as ln(x)" },
    { "coshx", "cosh(x)", "read 'coshx' as cosh(x)" },
    { "arcsinx", "asin(x)", "read 'arcsinx' as asin(x)" },
    { "ln(sinx)", "ln(sin(x))", "read 'sinx' as sin(x)" },
    { "sin(lnx)", "sin(ln(x))", "read 'lnx' as ln(x)" },
    { "(sinx)^2", "sin(x)^2", "read 'sinx' as sin(x)" },
    { "(lnx)/x", "ln(x)/x", "read 'lnx' as ln(x)" },
    { "sin2x", "sin(2*x)", "read 'sin2x' as sin(2*x)" },
    { "cos3x", "cos(3*x)", "read 'cos3x' as cos(3*x)" },
    { "tanh2x", "tanh(2*x)", "read 'tanh2x' as tanh(2*x)" },
    { "e^(2x)sin3x", "e^(2*x)*sin(3*x)", "read 'e^(2x)sin3x' as e^(2*x)*sin(3*x)" },
    { "ln2", "ln(2)", "read 'ln2' as ln(2)" },
    { "ln2 x", "ln(2*x)", "read 'ln2 x' as ln(2*x)" },
    { "log2x", "log2(x)", "read 'log2x' as ln(x)/ln(2)" },
    { "log10x", "log10(x)", "read 'log10x' as ln(x)/ln(10)" },
    /* ... or followed by it: the argument is the implicit product up to + - * / or a function */
    { "sin x", "sin(x)", "read 'sin x' as sin(x)" },
    { "sin 2x", "sin(2*x)", "read 'sin 2x' as sin(2*x)" },
    { "cos x^2", "cos(x^2)", "read 'cos x^2' as cos(x^2)" },
    { "cos x²", "cos(x^2)", "read 'cos x²' as cos(x^2)" },
    { "sin x + 1", "sin(x) + 1", "read 'sin x' as sin(x)" },
    { "sin x - cos x", "sin(x) - cos(x)", "read 'sin x' as sin(x) | read 'cos x' as cos(x)" },
    { "sin x cos x", "sin(x)*cos(x)", "read 'sin x cos x' as sin(x)*cos(x)" },
    { "2sin x cos x", "2*sin(x)*cos(x)", "read '2sin x cos x' as 2*sin(x)*cos(x)" },
    { "sin x/x", "sin(x)/x", "read 'sin x/x' as sin(x)/x" },
    { "sin x * cos x", "sin(x)*cos(x)", "read 'sin x * cos x' as sin(x)*cos(x)" },
    { "tan x sec x", "tan(x)*sec(x)", "read 'tan x sec x' as sec(x)*tan(x)" },
    { "sin 3x cos 2x", "sin(3*x)*cos(2*x)", "read 'sin 3x cos 2x' as sin(3*x)*cos(2*x)" },
    { "x ln x - x", "x*ln(x) - x", "read 'x ln x' as x*ln(x)" },
    { "e^x sin x", "e^x*sin(x)", "read 'e^x sin x' as e^x*sin(x)" },
    { "e^sin x", "e^(sin(x))", "read 'e^sin x' as e^sin(x)" },
    { "ln ln x", "ln(ln(x))", "read 'ln ln x' as ln(ln(x))" },
    { "sin cos x", "sin(cos(x))", "read 'sin cos x' as sin(cos(x))" },
    { "-sin x", "-sin(x)", "read '-sin x' as -sin(x)" },
    { "sin -x", "sin(-x)", "read 'sin -x' as -sin(x)" },
    { "ln x^2", "ln(x^2)", "read 'ln x^2' as ln(x^2)" },
    { "sqrt x", "sqrt(x)", "read 'sqrt x' as sqrt(x)" },
    { "sqrt x + 1", "sqrt(x) + 1", "read 'sqrt x' as sqrt(x)" },
    { "exp x", "exp(x)", "read 'exp x' as e^x" },
    { "log x", "ln(x)", "read 'log x' as ln(x)" },
    { "abs x", "abs(x)", "read 'abs x' as abs(x)" },
    { "relu x", "relu(x)", "read 'relu x' as relu(x)" },
    { "sinh x", "sinh(x)", "read 'sinh x' as sinh(x)" },
    { "x sin x", "x*sin(x)", "read 'x sin x' as x*sin(x)" },
    { "x^2 cos x", "x^2*cos(x)", "read 'x^2 cos x' as x^2*cos(x)" },
    { "sin x (x+1)", "sin(x*(x+1))", "read 'sin x (x+1)' as sin(x*(x + 1))" },
    { "cos 2θ", "cos(2*theta)", "read 'cos 2θ' as cos(2*theta)" },
    { "sinθ", "sin(theta)", "read 'sinθ' as sin(theta)" },
    /* a power on the function's name; ^-1 is the inverse */
    { "sin^2(x)", "sin(x)^2", "" },
    { "sin^2 x", "sin(x)^2", "read 'sin^2 x' as sin(x)^2" },
    { "sec^2 x", "sec(x)^2", "read 'sec^2 x' as sec(x)^2" },
    { "sin²x", "sin(x)^2", "read 'sin²x' as sin(x)^2" },
    { "sin²(x)", "sin(x)^2", "" },
    { "cos^2 x - sin^2 x", "cos(x)^2 - sin(x)^2", "read 'cos^2 x' as cos(x)^2 | read 'sin^2 x' as sin(x)^2" },
    { "sin^2(x) + cos^2(x)", "sin(x)^2 + cos(x)^2", "" },
    { "tan^2(3x)", "tan(3*x)^2", "" },
    { "sin^3 x", "sin(x)^3", "read 'sin^3 x' as sin(x)^3" },
    { "ln^2 x", "ln(x)^2", "read 'ln^2 x' as ln(x)^2" },
    { "sin^(2) x", "sin(x)^2", "read 'sin^(2) x' as sin(x)^2" },
    { "sin**2(x)", "sin(x)^2", "" },
    { "sin^-1(x)", "asin(x)", "" },
    { "tan^-1 x", "atan(x)", "read 'tan^-1 x' as atan(x)" },
    { "cos^-1 x", "acos(x)", "read 'cos^-1 x' as acos(x)" },
    { "tan^-1(x^2)", "atan(x^2)", "" },
    { "sin⁻¹(x)", "asin(x)", "" },
    { "sin^(-1)(x)", "asin(x)", "" },
    { "tan^{-1}(2x)", "atan(2*x)", "" },
    { "sin^−1(x)", "asin(x)", "" },
    /* other names */
    { "arcsin(x)", "asin(x)", "" },
    { "arccos(x)", "acos(x)", "" },
    { "arctan(x)", "atan(x)", "" },
    { "arctan(x/2)", "atan(x/2)", "" },
    { "arccos 2x", "acos(2*x)", "read 'arccos 2x' as acos(2*x)" },
    { "arctg(x)", "atan(x)", "" },
    { "cosec(x)", "csc(x)", "" },
    { "cosec x", "csc(x)", "read 'cosec x' as csc(x)" },
    { "ctg(x)", "cot(x)", "" },
    { "ctg x", "cot(x)", "read 'ctg x' as cot(x)" },
    { "tg(x)", "tan(x)", "" },
    { "tg x", "tan(x)", "read 'tg x' as tan(x)" },
    { "log_2(x)", "log(x, 2)", "" },
    { "log_3 x", "log(x, 3)", "read 'log_3 x' as ln(x)/ln(3)" },
    { "log_10(x)", "log10(x)", "" },
    { "log_2x", "log2(x)", "read 'log_2x' as ln(x)/ln(2)" },
    { "log_2(x^2+1)", "log2(x^2+1)", "" },
    /* bars and brackets of every kind */
    { "|x|", "abs(x)", "" },
    { "ln|x|", "ln(abs(x))", "" },
    { "|x-1|", "abs(x-1)", "" },
    { "x|x|", "x*abs(x)", "" },
    { "2|x|", "2*abs(x)", "" },
    { "|x||y|", "abs(x)*abs(y)", "" },
    { "|x + |y||", "abs(x + abs(y))", "" },
    { "||x||", "abs(abs(x))", "" },
    { "ln|cos x|", "ln(abs(cos(x)))", "read 'cos x' as cos(x)" },
    { "|sin(x)|", "abs(sin(x))", "" },
    { "|x|^3", "abs(x)^3", "" },
    { "[x+1]", "(x+1)", "" },
    { "{x+1}", "(x+1)", "" },
    { "（x+1）", "(x+1)", "" },
    { "[x+1]^2", "(x+1)^2", "" },
    { "2[x+1]", "2*(x+1)", "" },
    { "{x+1}^2", "(x+1)^2", "" },
    { "sin[x]", "sin(x)", "" },
    { "ln{x}", "ln(x)", "" },
    { "（x+1）²", "(x+1)^2", "" },
    { "[(x+1)(x-1)]^2", "((x+1)*(x-1))^2", "" },
    /* what a worksheet or a Korean keyboard pastes */
    { "e^{2x}", "e^(2*x)", "" },
    { "x^{-1/2}", "x^(-1/2)", "" },
    { "x^{2}", "x^2", "" },
    { "e^{x^2}", "e^(x^2)", "" },
    { "e^{-x}", "e^(-x)", "" },
    { "½", "1/2", "" },
    { "½x²", "x^2/2", "" },
    { "2½", "5/2", "" },
    { "3¾x", "15/4*x", "" },
    { "1¼ x^2", "5/4*x^2", "" },
    /* the inverse hyperbolic functions, under each of their names */
    { "asinh(x)", "asinh(x)", "" },
    { "acosh(x)", "acosh(x)", "" },
    { "atanh(x)", "atanh(x)", "" },
    { "arsinh(2x)", "asinh(2*x)", "" },
    { "arccosh x", "acosh(x)", "read 'arccosh x' as acosh(x)" },
    { "artanh(x^2)", "atanh(x^2)", "" },
    { "sinh^-1(x)", "asinh(x)", "" },
    { "tanh^-1 x", "atanh(x)", "read 'tanh^-1 x' as atanh(x)" },
    { "¼x^4", "x^4/4", "" },
    { "¾x", "3*x/4", "" },
    { "∛x", "x^(1/3)", "" },
    { "∛(x^2)", "(x^2)^(1/3)", "" },
    { "x∛x", "x*x^(1/3)", "" },
    { "∜x", "x^(1/4)", "" },
    { "θ", "theta", "" },
    { "θ^2", "theta^2", "" },
    { "2θ", "2*theta", "" },
    { "η+α", "eta + alpha", "" },
    { "λe^(-λx)", "lambda*e^(-lambda*x)", "" },
    { "μ", "mu", "" },
    { "σ²", "sigma^2", "" },
    { "r θ", "r*theta", "" },
    { "ω t", "omega*t", "" },
    { "sin(ωt)", "sin(omega*t)", "" },
    { "x⋅y", "x*y", "" },
    { "3x²·2", "6*x^2", "" },
    { "4x³−2x", "4*x^3 - 2*x", "" },
    { "x÷2", "x/2", "" },
    /* prefixes dropped */
    { "f(x) = x^2", "x^2", "" },
    { "f(x)=x^2", "x^2", "" },
    { "  f ( x ) = x", "x", "" },
    { "g(t) = t^2", "t^2", "" },
    { "L(w,b) = (w+b)^2", "(w+b)^2", "" },
    { "f'(x) = 3x", "3*x", "" },
    { "y = x^2", "x^2", "" },
    { "y=x^3", "x^3", "" },
    { "y' = 2x", "2*x", "" },
    { "dy/dx = 2x", "2*x", "" },
    { "dy/dx=3x^2", "3*x^2", "" },
    { "d/dx(x^2)", "x^2", "" },
    { "d/dx (x^2)", "x^2", "" },
    { "d/dx[x^2]", "x^2", "" },
    { "d/dx x^3", "x^3", "" },
    { "d/dx sin x", "sin(x)", "read 'sin x' as sin(x)" },
    { "d / dx (x^2 + 1)", "x^2+1", "" },
    { "x^2 =", "x^2", "" },
    { "f(x) = x^2 =", "x^2", "" },
    { "y = 5", "5", "" },
    /* names that stay whole, and forms that were read before */
    { "x1", "x1", "" },
    { "w2", "w2", "" },
    { "x1 x2", "x1*x2", "" },
    { "x_1", "x_1", "" },
    { "theta", "theta", "" },
    { "alpha", "alpha", "" },
    { "2theta", "2*theta", "" },
    { "pi r^2", "pi*r^2", "" },
    { "πr²", "pi*r^2", "" },
    { "2πr", "2*pi*r", "" },
    { "(x+1)(x-1)", "(x+1)*(x-1)", "" },
    { "x^x", "x^x", "" },
    { "exp(-x^2/2)", "e^(-x^2/2)", "" },
    { "e^-(x^2)/2", "e^(-x^2)/2", "" },
    { "e^-x^2", "e^(-(x^2))", "" },
    { "x^2e^x", "x^2*e^x", "" },
    { "sin(x)cos(x)", "sin(x)*cos(x)", "" },
    { "sqrt(x^2+1)", "(x^2+1)^(1/2)", "" },
    { "√(1-x²)", "sqrt(1-x^2)", "" },
    { "3√x", "3*sqrt(x)", "" },
    { "1/√x", "x^(-1/2)", "" },
};

START_TEST(typed_row)
{
    const char *t = typed_rows[_i].typed, *as = typed_rows[_i].as;
    dx_parse_info info, plain;
    dx_expr *e = dx_parse_ex(tu_ctx, t, strlen(t), NULL, &info);
    ck_assert_msg(e != NULL, "\"%s\": %s", t, tu_err(tu_ctx));
    char notes[512] = "";
    for (size_t k = 0; k < info.nnotes; k++) {
        char *m = dx_msg_text(tu_ctx, &info.notes[k], DX_PLAIN);
        size_t used = strlen(notes);
        snprintf(notes + used, sizeof notes - used, "%s%s", k ? " | " : "", m ? m : "?");
        free(m);
    }
    dx_expr *want = dx_parse_ex(tu_ctx, as, strlen(as), NULL, &plain);
    ck_assert_msg(want != NULL && plain.nnotes == 0, "\"%s\" needs a guess or fails", as);
    char *got = dx_print(tu_ctx, e, DX_PLAIN), *wanted = dx_print(tu_ctx, want, DX_PLAIN);
    bool same = e == want;
    char msg[512];
    snprintf(msg, sizeof msg, "\"%s\" read as %s, not %s", t, got, wanted);
    free(got);
    free(wanted);
    ck_assert_msg(same, "%s", msg);
    ck_assert_msg(strcmp(notes, typed_rows[_i].notes) == 0, "\"%s\": notes \"%s\", want \"%s\"", t,
                  notes, typed_rows[_i].notes);
    /* what it reads as is differentiated right: by each variable, against central differences */
    const char **names;
    size_t n = dx_vars(tu_ctx, e, &names);
    for (size_t i = 0; i < (n ? n : 1); i++) {
        const char *v = n ? names[i] : "x";
        dx_expr *d = dx_diff(tu_ctx, e, v, 1);
        ck_assert_msg(d != NULL, "d/d%s \"%s\": %s", v, t, tu_err(tu_ctx));
        char why[256];
        int k = tu_check_default(e, d, v, why, sizeof why);
        ck_assert_msg(k > 0, "d/d%s \"%s\": %s", v, t, k < 0 ? why : "no point to compare at");
    }
}
END_TEST

/* Names the caller knows stay whole where a run of letters would be split. */
START_TEST(known_names)
{
    const char *const names[] = { "wx", "rate" };
    dx_parse_opts opts = { names, 2, false };
    dx_parse_info info;
    static const struct { const char *typed, *as; size_t nnotes; } rows[] = {
        { "wx", "wx", 0 },          { "2wx^2", "2*wx^2", 0 },   { "rate x", "rate*x", 0 },
        { "ratex", "rate*x", 1 },   { "xwx", "x*wx", 1 },       { "wy", "w*y", 1 },
        { "sin wx", "sin(wx)", 1 }, { "rate(x+1)", "rate*(x+1)", 0 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        dx_expr *e = dx_parse_ex(tu_ctx, rows[i].typed, strlen(rows[i].typed), &opts, &info);
        dx_expr *want = dx_parse_ex(tu_ctx, rows[i].as, strlen(rows[i].as), &opts, NULL);
        ck_assert_msg(e != NULL && e == want && info.nnotes == rows[i].nnotes,
                      "\"%s\" with names wx, rate: not %s with %zu notes", rows[i].typed, rows[i].as,
                      rows[i].nnotes);
    }
    /* without them, a guess */
    ck_assert_ptr_eq(dx_parse_ex(tu_ctx, "wx", 2, NULL, &info), tu_parse("w*x"));
    ck_assert_int_eq(info.nnotes, 1);
    ck_assert_int_eq(info.notes[0].id, DX_M_NOTE_READ_AS);
    ck_assert_str_eq(info.notes[0].arg[0].u.s, "wx");
    ck_assert_ptr_eq(info.notes[0].arg[1].u.e, tu_parse("w*x"));
}
END_TEST

/* Notes are at most DX_PARSE_MAX_NOTES; the reading does not depend on them. */
START_TEST(many_notes)
{
    const char *t = "ab + cd + ef + gh + ij + kl + mn + op + qr + st + uv + wx";
    dx_parse_info info;
    dx_expr *e = dx_parse_ex(tu_ctx, t, strlen(t), NULL, &info);
    ck_assert_ptr_eq(e, tu_parse("a*b + c*d + e*f + g*h + i*j + k*l + m*n + o*p + q*r + s*t + u*v + w*x"));
    ck_assert_int_eq(info.nnotes, DX_PARSE_MAX_NOTES);
    ck_assert_str_eq(info.notes[7].arg[0].u.s, "op");
}
END_TEST

/* Names: a variable is any identifier that is not a function or constant. */
static const struct { const char *text, *name; } sym_rows[] = {
    { "x", "x" }, { "theta", "theta" }, { "x1", "x1" }, { "_w", "_w" }, { "x_1", "x_1" },
    { "v0t", "v0t" }, { "e2", "e2" }, { "  w  ", "w" }, { "E", "E" }, { "θ", "theta" },
    { "ϕ", "phi" }, { "lambda", "lambda" }, { "omega", "omega" },
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
 * digit, operator, blank and non-ASCII bytes: a name, given as a known one (else a run of
 * letters is a product), parses as that variable (or e, pi, or a function that wants its
 * '('), anything else never as a variable spelled like it. */
START_TEST(names_as_parsed)
{
    static const char bytes[] = "aZz_09x(+ .\xC3\xA9";
    const size_t nb = sizeof bytes - 1;
    for (size_t i = 0; i < nb; i++)
        for (size_t j = 0; j <= nb; j++) {
            char t[3] = {bytes[i], j < nb ? bytes[j] : 0, 0};
            size_t len = strlen(t);
            const char *known[] = {t};
            dx_expr *e = dx_parse_ex(tu_ctx, t, len, &(dx_parse_opts){known, 1, false}, NULL);
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
    { "[x+1", 0, S, 0, 1, "unclosed '['" },
    { "{x+1", 0, S, 0, 1, "unclosed '{'" },
    { "（x+1", 0, S, 0, 3, "unclosed '（'" },
    { "|x+1", 0, S, 0, 1, "unclosed '|'" },
    { "ln|x", 0, S, 2, 3, "unclosed '|'" },
    { "(x+1]", 0, S, 4, 5, "unexpected ']'" },
    { "[x+1)", 0, S, 4, 5, "unexpected ')'" },
    { "(|x)|", 0, S, 3, 4, "unexpected ')'" },
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
    { "2 3", 0, S, 2, 3, "two numbers in a row: did you mean 23 or 2*3?" },
    { "2 3x", 0, S, 2, 3, "two numbers in a row: did you mean 23 or 2*3?" },
    { "x + 1.5 2", 0, S, 8, 9, "two numbers in a row: did you mean 1.52 or 1.5*2?" },
    { "x^2 3", 0, S, 4, 5, "two numbers in a row: did you mean 23 or 2*3?" },
    { "1.2.3", 0, S, 3, 5, "unexpected '.3'" },
    { "x^^2", 0, S, 2, 3, "unexpected '^'" },
    { "/x", 0, S, 0, 1, "unexpected '/'" },
    { "x @ y", 0, S, 2, 3, "unexpected '@'" },
    { "x = = 2", 0, S, 4, 5, "unexpected '='" },
    { "x^2 + y^2 = 25", 0, S, 10, 11, "an equation: for dy/dx of the curve use dfdx implicit" },
    { "x*y = 1", 0, S, 4, 5, "an equation: for dy/dx of the curve use dfdx implicit" },
    { "y = 2y + x", 0, S, 2, 3, "an equation: for dy/dx of the curve use dfdx implicit" },
    { "sin(x) = 1/2", 0, S, 7, 8, "an equation: for dy/dx of the curve use dfdx implicit" },
    { "f(x) =", 0, S, 0, 6, "empty expression" },
    { "d/dx", 0, S, 0, 4, "empty expression" },
    { "x + é", 0, S, 4, 6, "unexpected 'é'" },
    { "∂ + 1", 0, S, 0, 3, "unexpected '∂'" },
    { "x ⁻", 0, S, 2, 5, "unexpected '⁻'" },
    { "x + 😀", 0, S, 4, 8, "unexpected '😀'" },
    { "x + \xff", 0, S, 4, 5, "invalid UTF-8 byte 0xFF" },
    { "x\xC3", 0, S, 1, 2, "invalid UTF-8 byte 0xC3" },
    { "x\xC3+1", 0, S, 1, 2, "invalid UTF-8 byte 0xC3" },
    { "x \x80", 0, S, 2, 3, "invalid UTF-8 byte 0x80" },
    { "\xC0\xAF", 0, S, 0, 1, "invalid UTF-8 byte 0xC0" },
    /* a function name then a superscript cut short (fuzzing: the span ran past the text) */
    { "csc\xE2\x81", 0, S, 3, 4, "invalid UTF-8 byte 0xE2" },
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
    { "swishes(x)", 0, S, 0, 7, "unknown function 'swishes' (write swishes*(...) for a product)" },
    { "max(x)", 0, S, 0, 6, "max takes 2 arguments" },
    { "leaky_relu()", 0, S, 0, 12, "leaky_relu takes 1 or 2 arguments" },
    { "1 + theta(x+1)", 0, S, 4, 9, "unknown function 'theta' (write theta*(...) for a product)" },
    { "sin(x, y)", 0, S, 0, 9, "sin takes 1 argument" },
    { "sin()", 0, S, 0, 5, "sin takes 1 argument" },
    { "2 + exp(x, 1)", 0, S, 4, 13, "exp takes 1 argument" },
    { "log(x, 2, 3)", 0, S, 0, 12, "log takes 1 or 2 arguments" },
    { "log()", 0, S, 0, 5, "log takes 1 or 2 arguments" },
    { "sin", 0, S, 3, 3, "expected '(' after 'sin'" },
    { "2 cos  ", 0, S, 7, 7, "expected '(' after 'cos'" },
    { "sin^2", 0, S, 5, 5, "expected '(' after 'sin'" },
    { "sin )", 0, S, 4, 5, "expected '(' after 'sin'" },
    { "x + sin * x", 0, S, 8, 9, "expected '(' after 'sin'" },
    { "log_2", 0, S, 5, 5, "expected '(' after 'log'" },
    { "xsin", 0, S, 4, 4, "expected '(' after 'sin'" },
    { "sec^-1(x)", 0, S, 0, 9, "sec^-1 is no function dfdx knows (for 1/sec write sec(...)^(-1))" },
    { "ln^-1 x", 0, S, 0, 7, "ln^-1 is no function dfdx knows (for 1/ln write ln(...)^(-1))" },
    { "xy(x+1)", 0, S, 0, 2, "unknown function 'xy' (write xy*(...) for a product)" },
    { "sin^x", 0, S, 3, 4, "expected '(' after 'sin'" },
    { "2 12345678901234567890123456789012345678901234567890", 0, S, 2, 52,
      "unexpected '12345678901234567890123456789012...'" },
    /* the syntax error, not the division the reductions before it would build: dx_parse's
     * fast parser (no LAC) fails on 0^-1 first, the LAC parser decides */
    { "1/0)", 0, S, 3, 4, "unexpected ')'" },
    { "0^-1 )", 0, S, 5, 6, "unexpected ')'" },
    { "1e100000", 0, L, 0, 8, "number too large" },
    /* a run of letters is scanned again after each name split off it: names are bounded */
    { "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 0, L, 0, 65, "name too long (the limit is 64 characters)" },
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
    { "sin ", "x", "", 4000 },      /* functions without parentheses nest too */
    { "ln|", "x", "|", 1500 },
    { "sin^2 ", "x", "", 6000 },
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
    { "xy ", "x^250000*y^250000" }, /* runs of letters split: each piece scanned once */
    { "ln2 ", "ln(2)^250000" },    /* a function name split from its argument */
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
        "\xC3", "@", "sinn", "3x", "abs", "relu", "|", "[", "]", "{", "}", "=", "xy", "sinx",
        "^2", "^-1", "log_2", "d/dx", "f(x)=", "½", "θ", "∛", "（", "）", "2 ", " 3",
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

/* f'(ARG) and f''(ARG) are the derivatives of a defined function, checked against central
 * differences; L(A, B) replaces both parameters at once; a function's variable cannot be
 * defined as a number. Its own context: the definitions last as long as it. */
START_TEST(named_derivatives)
{
    dx_ctx *ctx = dx_ctx_new();
    const char *f_text = "sin(x)*x^2", *const wb[] = {"w", "b"};
    dx_expr *body = dx_parse(ctx, f_text, strlen(f_text));
    ck_assert_int_eq(dx_define(ctx, "f", "x", body), DX_OK);
    static const char *const primes[] = {"f(t)", "f'(t)", "f''(t)", "f'''(t)"};
    for (unsigned k = 1; k < 4; k++) {
        dx_expr *d = dx_parse(ctx, primes[k], strlen(primes[k]));
        dx_expr *lower = dx_parse(ctx, primes[k - 1], strlen(primes[k - 1]));
        ck_assert_msg(d != NULL && lower != NULL, "%s: %s", primes[k], tu_err(ctx));
        char why[256] = "";
        ck_assert_msg(tu_check_default(lower, d, "t", why, sizeof why) >= 5, "%s: %s", primes[k], why);
    }
    ck_assert_ptr_eq(dx_parse(ctx, "f'", 2), dx_derivative(ctx, body, "x", 1));
    ck_assert_ptr_eq(dx_parse(ctx, "f'(0)", 5), dx_parse(ctx, "0", 1));
    ck_assert_ptr_eq(dx_parse(ctx, "2f'(pi) + 1", 11), dx_parse(ctx, "1 - 2pi^2", 9));
    /* two parameters, replaced at once: L(b, w) swaps them */
    const char *l_text = "(w*x + b - y)^2";
    ck_assert_int_eq(dx_define_n(ctx, "L", wb, 2, dx_parse(ctx, l_text, strlen(l_text))), DX_OK);
    ck_assert_ptr_eq(dx_parse(ctx, "L(b, w)", 7), dx_parse(ctx, "(b*x + w - y)^2", 15));
    ck_assert_ptr_eq(dx_parse(ctx, "L(1, 2)", 7), dx_parse(ctx, "(x + 2 - y)^2", 13));
    const char *const *params;
    size_t np;
    ck_assert_ptr_nonnull(dx_defined_n(ctx, "L", &params, &np));
    ck_assert_uint_eq(np, 2);
    ck_assert_str_eq(params[1], "b");
    ck_assert_ptr_null(dx_parse(ctx, "L(1)", 4));
    ck_assert_int_eq(dx_ctx_error(ctx)->status, DX_ESYNTAX);
    ck_assert_ptr_null(dx_parse(ctx, "L'(1)", 5));
    ck_assert_ptr_null(dx_parse(ctx, "g'(1)", 5));
    /* x = 3 while x is f's variable: refused, with what to write instead */
    ck_assert_int_eq(dx_define(ctx, "x", NULL, dx_parse(ctx, "3", 1)), DX_EUSAGE);
    char *msg = dx_ctx_errmsg(ctx, DX_PLAIN);
    ck_assert_str_eq(msg, "x is the variable of f: for f at x = 3, write f(3)");
    free(msg);
    ck_assert_int_eq(dx_define(ctx, "b", NULL, dx_parse(ctx, "3", 1)), DX_EUSAGE);
    ck_assert_int_eq(dx_define(ctx, "f", "t", dx_parse(ctx, "t", 1)), DX_OK); /* f itself may change */
    dx_ctx_free(ctx);
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
    tcase_add_loop_test(tc, typed_row, 0, N(typed_rows));
    tcase_add_test(tc, known_names);
    tcase_add_test(tc, many_notes);
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
    tcase_add_test(tc, named_derivatives);
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
