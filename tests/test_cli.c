/* The program as a user meets it: whole outputs, messages with carets, exit statuses. */
#include "testutil.h"
#include <check.h>
#include <stdlib.h>
#include <string.h>

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})

static const struct {
    const char *const *argv;
    int status;
    const char *out, *err; /* NULL: not checked */
} rows[] = {
    {A("x^3 - 3*x"), 0, "3*x^2 - 3\n", ""},
    {A("diff", "x^3 - 3*x"), 0, "3*x^2 - 3\n", ""},
    {A("diff", "(w*x - y)^2", "--var", "w"), 0, "2*x*(w*x - y)\n", ""},
    {A("diff", "(w*x - y)^2", "--var=w"), 0, "2*x*(w*x - y)\n", ""},
    {A("diff", "3*x^2", "--order", "2"), 0, "6\n", ""},
    {A("diff", "x^40", "--order", "30"), 0, "224844379201911853600532206127677440000000*x^10\n", ""},
    {A("diff", "x^3", "--order", "4/2"), 0, "6*x\n", ""},
    {A("diff", "x^3", "--order=1+2"), 0, "6\n", ""},
    {A("diff", "x^3", "--order", "3/2"), 2, "", "dfdx: --order takes a whole number from 0 to 1000 (not '3/2')\n"},
    {A("diff", "--", "-x^2"), 0, "-2*x\n", ""},
    {A("diff", "-x^2"), 0, "-2*x\n", ""},
    {A("theta^2 + 1"), 0, "2*theta\n", ""},
    {A("5"), 0, "0\n", ""},
    {A("x²·sin(x)"), 0, "x^2*cos(x) + 2*x*sin(x)\n", ""},
    {A("diff", "sin(x^2)", "--format", "latex"), 0, "2 x \\cos\\left(x^{2}\\right)\n", ""},
    {A("--format=json", "diff", "x^2"), 0,
     "{\"input\": \"x^2\", \"variable\": \"x\", \"order\": 1, \"derivative\": \"2*x\", \"latex\": \"2 x\"}\n", ""},
    {A("grad", "(w*x - y)^2"), 0, "d/dw = 2*x*(w*x - y)\nd/dx = 2*w*(w*x - y)\nd/dy = -2*(w*x - y)\n", ""},
    {A("grad", "x*y", "--format", "json"), 0, "{\"gradient\": {\"x\": \"y\", \"y\": \"x\"}}\n", ""},
    /* bad input: a message with the column and a caret, status 2 */
    {A("x^3 - * x"), 2, "", "dfdx: syntax error at column 7: unexpected '*'\n  x^3 - * x\n        ^\n"},
    {A("x² − * x"), 2, "", "dfdx: syntax error at column 6: unexpected '*'\n  x² − * x\n       ^\n"},
    {A("sinn(x)"), 2, "", "dfdx: syntax error at column 1: unknown function 'sinn' (did you mean 'sin'?)\n  sinn(x)\n  ^\n"},
    {A("(x + 1"), 2, "", "dfdx: syntax error at column 1: unclosed '('\n  (x + 1\n  ^\n"},
    {A(""), 2, "", NULL},
    {A("w*y"), 2, "", "dfdx: several variables (w, y): choose one with --var, or use 'dfdx grad'\n"},
    {A("diff", "x", "--order", "-1"), 2, "", "dfdx: --order takes a whole number from 0 to 1000 (not '-1')\n"},
    {A("diff", "x", "--bogus"), 2, "", NULL},
    {A("diff", "x", "--var", "2x"), 2, "", "dfdx: --var takes a variable name (not '2x')\n"},
    {A("diff", "x^2", "--var", "pi"), 2, "", "dfdx: --var takes a variable name (not 'pi', which is a constant)\n"},
    {A("diff", "x^2", "--var", "sin"), 2, "", "dfdx: --var takes a variable name (not 'sin', which is a function)\n"},
    {A("check", "x^2", "0", "--var", "e"), 2, "", "dfdx: --var takes a variable name (not 'e', which is a constant)\n"},
    {A("--format", "yaml", "x"), 2, "", "dfdx: --format takes plain, latex or json (not 'yaml')\n"},
    {A("1/(x - x)"), 2, "", NULL},
    {A("--version"), 0, "dfdx 0.1.0\n", ""},
    /* a control byte is echoed as '?': garbage cannot drive the terminal */
    {A("x\x1b[31m+*"), 2, "", "dfdx: syntax error at column 2: unexpected control character 0x1B\n  x?[31m+*\n   ^\n"},
    /* ---- CLI.md, line by line ---- */
    /* numbers: .5, 1e-3, 2.5E+4 and fractions stay exact */
    {A(".5*x"), 0, "0.5\n", ""}, /* typed as a decimal: the answer in decimals */
    {A("1e-3*x"), 0, "1/1000\n", ""},
    {A("2.5E+4*x"), 0, "25000\n", ""},
    {A("-2*x"), 0, "-2\n", ""},
    {A("1/3*x"), 0, "1/3\n", ""},
    {A("eval", "1/3 + 1/6"), 0, "1/2 = 0.5\n", ""},
    /* variables: any identifier that is not a function or constant */
    {A("x1^2 + x1"), 0, "2*x1 + 1\n", ""},
    /* operators: ** is ^, right-associative; unary minus binds looser than ^ */
    {A("x**3"), 0, "3*x^2\n", ""},
    {A("2^3^2*x"), 0, "512\n", ""},
    {A("x^2^3"), 0, "8*x^7\n", ""},
    {A("x**2**3"), 0, "8*x^7\n", ""},
    {A("eval", "-x^2", "x=3"), 0, "-9\n", ""},
    {A("eval", "(-2)^2"), 0, "4\n", ""},
    /* implicit multiplication binds like * */
    {A("3x"), 0, "3\n", ""},
    {A("2(x+1)"), 0, "2\n", ""},
    {A("(x+1)(x-1)"), 0, "2*x\n", ""},
    {A("2 sin(x)"), 0, "2*cos(x)\n", ""},
    {A("x y", "--var", "y"), 0, "x\n", ""},
    {A("2x^2"), 0, "4*x\n", ""},
    {A("1/2x"), 0, "1/2\n", ""},
    {A("x(x+1)"), 0, "2*x + 1\n", ""},
    /* every function of the list; log is ln; log10, log2, log(x, b) */
    {A("sin(x)"), 0, "cos(x)\n", ""},
    {A("cos(x)"), 0, "-sin(x)\n", ""},
    {A("tan(x)"), 0, "sec(x)^2\n", ""},
    {A("cot(x)"), 0, "-csc(x)^2\n", ""},
    {A("sec(x)"), 0, "sec(x)*tan(x)\n", ""},
    {A("csc(x)"), 0, "-csc(x)*cot(x)\n", ""},
    {A("asin(x)"), 0, "1/sqrt(1 - x^2)\n", ""},
    {A("acos(x)"), 0, "-1/sqrt(1 - x^2)\n", ""},
    {A("atan(x)"), 0, "1/(x^2 + 1)\n", ""},
    {A("sinh(x)"), 0, "cosh(x)\n", ""},
    {A("cosh(x)"), 0, "sinh(x)\n", ""},
    {A("tanh(x)"), 0, "1 - tanh(x)^2\n", ""},
    {A("exp(x)"), 0, "e^x\n", ""},
    {A("ln(x)"), 0, "1/x\n", ""},
    {A("log(x)"), 0, "1/x\n", ""},
    {A("sqrt(x)"), 0, "1/(2*sqrt(x))\n", ""},
    {A("abs(x)"), 0, "sign(x)\n",
     "dfdx: note: f is not differentiable at x = 0 (kink where x = 0): left derivative -1, right derivative 1\n"},
    {A("relu(x)"), 0, "step(x)\n",
     "dfdx: note: f is not differentiable at x = 0 (kink where x = 0): left derivative 0, right derivative 1\n"},
    {A("log10(x)"), 0, "1/(x*ln(10))\n", ""},
    {A("log2(x)"), 0, "1/(x*ln(2))\n", ""},
    {A("log(x, 2)"), 0, "1/(x*ln(2))\n", ""},
    {A("log(x, b)", "--var", "x"), 0, "1/(x*ln(b))\n", ""},
    /* a value through ln is 3, not 2.9999999999999996 */
    {A("eval", "log2(8)"), 0, "3\n", ""},
    {A("eval", "log(8, 2)"), 0, "3\n", ""},
    {A("eval", "log10(100)"), 0, "2\n", ""},
    /* constants e, pi, π */
    {A("e^x"), 0, "e^x\n", ""},
    {A("pi*x"), 0, "pi\n", ""},
    {A("π*x"), 0, "pi\n", ""},
    {A("eval", "e"), 0, "e ≈ 2.718281828459045\n", ""},
    {A("eval", "π/2"), 0, "pi/2 ≈ 1.5707963267948966\n", ""},
    /* what a student pastes: − × · ÷ ² ³ √ π */
    {A("−x"), 0, "-1\n", ""},
    {A("2×x"), 0, "2\n", ""},
    {A("x·x"), 0, "2*x\n", ""},
    {A("x÷2"), 0, "1/2\n", ""},
    {A("x³"), 0, "3*x^2\n", ""},
    {A("√x"), 0, "1/(2*sqrt(x))\n", ""},
    {A("√(x + 1)"), 0, "1/(2*sqrt(x + 1))\n", ""},
    {A("2π·x"), 0, "2*pi\n", ""},
    /* the variable: x if present, else the only one; several without --var is an error */
    {A("w^2 + w"), 0, "2*w + 1\n", ""},
    {A("x*y"), 0, "y\n", ""},
    {A("a*b*c"), 2, "", "dfdx: several variables (a, b, c): choose one with --var, or use 'dfdx grad'\n"},
    /* diff --var --order */
    {A("diff", "sin(x)*y^3", "--var", "y", "--order", "2"), 0, "6*y*sin(x)\n", ""},
    {A("diff", "x^3", "--order", "0"), 0, "x^3\n", ""},
    {A("diff", "x^3", "--order", "1e9"), 2, "", "dfdx: --order takes a whole number from 0 to 1000 (not '1e9')\n"},
    /* grad */
    {A("grad", "x^2*y + y^3"), 0, "d/dx = 2*x*y\nd/dy = x^2 + 3*y^2\n", ""},
    /* eval: a domain error is a message, not nan */
    {A("eval", "ln(-1)"), 2, "",
     "dfdx: error at column 1: ln is undefined at -1 (it needs a positive number)\n  ln(-1)\n  ^\n"},
    {A("eval", "1/0"), 2, "", "dfdx: error at column 2: division by zero\n  1/0\n   ^\n"},
    {A("eval", "sqrt(-1)"), 2, "", "dfdx: sqrt is undefined at -1 (it needs a number >= 0)\n"},
    {A("eval", "x^2 + y", "x=1/2", "y=pi"), 0, "1/4 + pi ≈ 3.391592653589793\n", ""},
    {A("eval", "x"), 2, "", "dfdx: no value for x: give it as V=VALUE (e.g. x=1)\n"},
    /* check: correct (0), incorrect (1) with a point, both values and the slip */
    {A("check", "x^3", "3x^2"), 0, "your answer, as read: 3*x^2\ncorrect (equal by algebra)\n", ""},
    {A("check", "x^3", "6x", "--order", "2"), 0, "your answer, as read: 6*x\ncorrect (equal by algebra)\n", ""},
    {A("check", "x^3", "3x^3"), 1,
     "your answer, as read: 3*x^3\nincorrect\nat x = 2: your answer gives 24, the derivative is 12\nthe derivative: 3*x^2\n"
     "likely slip: power-rule exponent not reduced: (u^n)' = n*u^(n-1)*u': the exponent goes down by one\n", ""},
    {A("check", "x^3", "-3x^2"), 1,
     "your answer, as read: -3*x^2\nincorrect\nat x = 2: your answer gives -12, the derivative is 12\nthe derivative: 3*x^2\n"
     "likely slip: sign flipped: the answer is the derivative with the opposite sign: check each minus sign\n", ""},
    /* verify: x, f', central difference, difference, match; --at takes expressions */
    {A("verify", "x^2", "--at", "1/3,pi"), 0,
     "f(x)  = x^2\nf'(x) = 2*x\n\n"
     "  x             f' symbolic         central diff.       abs diff    rel diff    match\n"
     "  0.3333333333  0.6666666667        0.6666666667        2.04e-12    3.06e-12    ok\n"
     "  3.141592654   6.283185307         6.283185307         8.45e-11    1.34e-11    ok\n\n2 of 2 points match\n", ""},
    /* tangent: slope and line; why there is none; a vertical one */
    {A("tangent", "x^2", "--at", "1.5"), 0, "slope: 3\npoint: (1.5, 2.25)\ntangent: y = 3*x - 2.25\n", ""},
    {A("tangent", "sin(x)", "--at", "pi/2"), 0, "slope: 0\npoint: (pi/2 ≈ 1.5708, 1)\ntangent: y = 1\n", ""},
    {A("tangent", "abs(x)", "--at", "0"), 0,
     "no tangent line: f is not differentiable at x = 0 (left derivative -1, right derivative 1; sub-gradients [-1, 1])\n",
     ""},
    {A("tangent", "x^(1/3)", "--at", "0"), 0,
     "vertical tangent: x = 0\nf is not differentiable at x = 0 (left derivative oo, right derivative oo)\n", ""},
    /* the formula for f' fails at 0 (3*relu(x^3)/x), but both one-sided slopes are 0 */
    {A("tangent", "relu(x^3)", "--at", "0"), 0, "slope: 0\npoint: (0, 0)\ntangent: y = 0\n", ""},
    /* a double pi misses the kink of abs(sin(x)); the exact pi does not */
    {A("tangent", "abs(sin(x))", "--at", "pi"), 0,
     "no tangent line: f is not differentiable at x = pi ≈ 3.14159 (left derivative -1, right derivative 1; sub-gradients [-1, 1])\n",
     ""},
    /* extrema: classified critical points, global min and max on a closed interval */
    {A("extrema", "x^2", "--from", "5", "--to", "1"), 2, "", "dfdx: --from (5) must be less than --to (1)\n"},
    {A("extrema", "x^2", "--from", "1", "--to", "1"), 2, "", "dfdx: --from (1) must be less than --to (1)\n"},
    /* descend: one row per step, the status; --start and --rate take expressions */
    {A("descend", "w^2", "--start", "4", "--rate", "0.25", "--steps", "3"), 0,
     "gradient descent on w^2 from w = 4 (learning rate 0.25, at most 3 steps, tolerance 1e-08)\n"
     " step            w         loss     gradient       update\n"
     "    0            4           16            8           -2\n"
     "    1            2            4            4           -1\n"
     "    2            1            1            2         -0.5\n"
     "final: w = 0.5  loss = 0.25  after 3 steps\n"
     "status: max_steps (the step limit: 3 steps; the gradient norm 1 is not yet below 1e-08)\n"
     "ended at w = 0.5, not yet at a critical point: the nearest is the global minimum at w = 0 (f = 0)\n", ""},
    /* descend at the edge of the domain: stopped, with the reason (not "diverged") */
    {A("descend", "sqrt(w)", "--start", "0"), 0,
     "gradient descent on sqrt(w) from w = 0 (learning rate 0.1, at most 100 steps, tolerance 1e-08)\n"
     "final: w = 0  loss = 0  after 0 steps\n"
     "status: stopped (the gradient is undefined at w = 0, the start (division by zero): f is not differentiable "
     "there (an edge of its domain or a vertical tangent), so descent has no direction to step)\n", ""},
    {A("descend", "w^2", "--start", "1", "--steps", "0"), 2, "",
     "dfdx: --steps takes a whole number from 1 to 1000000 (not '0')\n"},
    {A("descend", "w^2", "--start", "1", "--steps", "1e12"), 2, "",
     "dfdx: --steps takes a whole number from 1 to 1000000 (not '1e12')\n"},
    {A("descend", "w^2", "--start", "1", "--rate", "0"), 2, "",
     "dfdx: the learning rate must be a positive number (not 0)\n"},
    /* limit: left and right, oo where it diverges, whether it exists (an answer: status 0) */
    {A("limit", "x/(x+1)", "--at", "-oo"), 0, "x -> -oo: 1\nmethod: degrees compared\n", ""},
    {A("limit", "x", "--at", "oo", "--side", "right"), 2, "", "dfdx: at oo only the left side exists\n"},
    /* plot: --from must be below --to */
    {A("plot", "x^2", "--from", "5", "--to", "1"), 2, "", "dfdx: --from must be less than --to (got 5 and 1)\n"},
    /* --format latex: the expressions every command prints, in LaTeX */
    {A("--format", "latex", "grad", "x^2*y"), 0,
     "\\frac{\\partial f}{\\partial x} = 2 x y\n\\frac{\\partial f}{\\partial y} = x^{2}\n", ""},
    {A("--format", "latex", "eval", "x^2", "x=1/3"), 0, "\\frac{1}{9} \\approx 0.1111111111111111\n", ""},
    {A("--format", "latex", "tangent", "x^2", "--at", "pi/6"), 0,
     "slope: \\frac{\\pi}{3} \\approx 1.0472\npoint: (\\frac{\\pi}{6} \\approx 0.523599, \\frac{\\pi^{2}}{36} \\approx 0.274156)\n"
     "tangent: y = \\frac{\\pi x}{3} - \\frac{\\pi^{2}}{36} \\approx 1.0472 x - 0.274156\n", ""},
    {A("--format", "latex", "tangent", "x^2", "--at", "1/3"), 0,
     "slope: \\frac{2}{3}\npoint: (\\frac{1}{3}, \\frac{1}{9})\ntangent: y = \\frac{2}{3} x - \\frac{1}{9}\n", ""},
    {A("--format", "latex", "tangent", "x^2", "--at", "1.5"), 0, "slope: 3\npoint: (1.5, 2.25)\ntangent: y = 3 x - 2.25\n",
     ""},
    /* a leading minus: after --, or anywhere it is no known option */
    {A("-x^2"), 0, "-2*x\n", ""},
    {A("-sin(x)"), 0, "-cos(x)\n", ""},
    {A("eval", "-1/3"), 0, "-1/3 ≈ -0.3333333333333333\n", ""},
    {A("tangent", "-x^2", "--at", "-1"), 0, "slope: 2\npoint: (-1, -1)\ntangent: y = 2*x + 1\n", ""},
    /* usage */
    {A("   "), 2, "", "dfdx: syntax error at column 1: empty expression\n     \n  ^\n"},
    {A("diff"), 2, "", "dfdx: missing expression (usage: dfdx diff EXPR [--var V] [--order N] [--at A])\n"},
    {A("diff", "x", "y"), 2, "", "dfdx: unexpected argument 'y' (usage: dfdx diff EXPR [--var V] [--order N] [--at A])\n"},
    /* --work N: each command's budget (0: none) */
    {A("--work", "1000", "diff", "sin(x)^x", "--order", "10"), 2, "",
     "dfdx: too much work: stopped after 1000 units of work (the budget); try a lower order, a smaller interval or a "
     "simpler expression\n"},
    {A("diff", "x^3", "--work=2^10"), 0, "3*x^2\n", ""},
    {A("--work", "-1", "diff", "x"), 2, "", "dfdx: --work takes a whole number from 0 to 9223372036854775807 (not '-1')\n"},
};

START_TEST(cli_row)
{
    char *out, *err;
    int st = tu_run(rows[_i].argv, NULL, &out, &err);
    char arg[400] = ""; /* the whole command line, for the messages */
    for (const char *const *v = rows[_i].argv; *v && strlen(arg) + strlen(*v) + 4 < sizeof arg; v++)
        strcat(strcat(strcat(arg, *arg ? " '" : "'"), *v), "'");
    ck_assert_msg(st == rows[_i].status, "dfdx %s: status %d, want %d (stderr: %s)", arg, st, rows[_i].status, err);
    if (rows[_i].out)
        ck_assert_msg(strcmp(out, rows[_i].out) == 0, "dfdx %s: stdout\n%s\nwant\n%s", arg, out, rows[_i].out);
    if (rows[_i].err)
        ck_assert_msg(strcmp(err, rows[_i].err) == 0, "dfdx %s: stderr\n%s\nwant\n%s", arg, err, rows[_i].err);
    else if (st == 2)
        ck_assert_msg(strncmp(err, "dfdx: ", 6) == 0, "dfdx %s: an error must say what went wrong: %s", arg, err);
    free(out);
    free(err);
}
END_TEST

/* CLI.md's promises checked piece by piece where a whole output would pin down more than the
 * promise (the JSON fields, a rule named in a derivation, one line of a table). */
#define P(...) ((const char *const[]){__VA_ARGS__, NULL})

static const struct {
    const char *const *argv;
    int status;
    const char *const *has; /* pieces stdout must contain; stderr must be empty */
} pieces[] = {
    /* steps names each rule */
    {A("steps", "x^2 + 3*x"), 0, P("sum rule", "power rule", "scalar multiple rule", "= 2*x + 3\n")},
    {A("steps", "sin(x)*e^x"), 0, P("product rule", "sin rule", "exponential rule")},
    {A("steps", "x/(x+1)"), 0, P("quotient rule", "= 1/(x + 1)^2\n")},
    {A("steps", "ln(2*x)"), 0, P("chain rule, outer ln, inner 2*x", "= 1/x\n")},
    {A("check", "sin(x^2)", "cos(x^2)"), 1, P("likely slip: missing inner derivative (chain rule)")},
    {A("check", "sin(x)/x", "(sin(x) - x cos(x))/x^2"), 1, P("likely slip: quotient-rule numerator reversed")},
    {A("verify", "-x^2", "--at", "0"), 0, P("  0             0                   0   ")}, /* not -0 */
    /* f' = cos(x)/x - sin(x)/x^2 + 2 at -1e-10: two terms of 1e10 cancel, its double is noise;
     * that is no wrong derivative (status 0) */
    {A("verify", "sin(x)/x + 2*x", "--at", "1,-1e-10"), 0,
     P("  -1e-10   ", "inconclusive: f' loses its digits to cancellation here\n", "1 of 2 points match")},
    {A("--format", "json", "verify", "sin(x)/x + 2*x", "--at", "-1e-10"), 0,
     P("\"match\": false, \"status\": \"cancellation\"", "\"mismatched\": 0")},
    /* extrema: classified critical points, global min and max on a closed interval */
    {A("extrema", "x^3 - 3*x"), 0, P("  x = -1, f = 2: local max\n", "  x = 1, f = -2: local min\n")},
    {A("extrema", "x^3"), 0, P("x = 0, f = 0: neither")},
    {A("extrema", "x^2", "--from", "-1", "--to", "2"), 0, P("global min on the interval: f = 0 at x = 0\n", "global max on the interval: f = 4 at x = 2 (an end of the interval)\n")},
    {A("extrema", "sin(x)", "--from", "0", "--to", "2pi"), 0, P("x = pi/2 ≈ 1.5708, f = 1: local max", "x = 3*pi/2 ≈ 4.71239, f = -1: local min")},
    {A("descend", "w^2", "--start", "pi/2", "--rate", "1/8", "--steps", "1"), 0, P("from w = 1.570796327 (learning rate 0.125,", "    0       1.5708       2.4674      3.14159    -0.392699\n")},
    {A("descend", "sqrt(w)", "--start", "1", "--rate", "1"), 0, P("status: stopped (step 1 ended at w = -0.207107, outside the domain of f: sqrt is undefined at")},
    {A("descend", "sqrt(w)", "--start", "1", "--rate", "1,0.01", "--steps", "3"), 0, P("  stopped    too large: stepped out of f's domain\n", "rate 1 stopped: step 1 ended at")},
    {A("descend", "-w^2", "--start", "0"), 0, P("final: w = 0  loss = 0  after 0 steps\n")}, /* not -0 */
    /* limit: left and right, oo where it diverges, whether it exists (an answer: status 0) */
    {A("limit", "sin(x)/x", "--at", "0"), 0, P("left:  1\nright: 1\nlimit: 1\n")},
    {A("limit", "1/x", "--at", "0"), 0, P("left:  -oo\nright: oo\nlimit: does not exist (left -oo, right oo)\n")},
    {A("limit", "1/x", "--at", "0", "--side", "right"), 0, P("right: oo\nlimit: oo\n")},
    {A("--format", "latex", "steps", "sin(x^2)"), 0, P("\\begin{aligned}\n", " &= 2 x \\cos\\left(x^{2}\\right) && ")},
    {A("--format", "latex", "check", "sin(x^2)", "cos(x^2)"), 1, P("the derivative: 2 x \\cos\\left(x^{2}\\right)\n")},
    {A("--format", "latex", "verify", "sin(x^2)/x", "--at", "1"), 0, P("f(x)  = \\frac{\\sin\\left(x^{2}\\right)}{x}\n"
       "f'(x) = 2 \\cos\\left(x^{2}\\right) - \\frac{\\sin\\left(x^{2}\\right)}{x^{2}}\n")},
    {A("--format", "latex", "extrema", "x^4/4 - x^2"), 0, P("f(x) = \\frac{x^{4}}{4} - x^{2}\nf'(x) = x^{3} - 2 x\n", "  x = \\sqrt{2} \\approx 1.41421, f = -1: local min\n")},
    {A("--format", "latex", "descend", "w^2/2", "--start", "1", "--steps", "1"), 0, P("gradient descent on \\frac{w^{2}}{2} from w = 1")},
    {A("--format", "latex", "limit", "x", "--at", "pi/2"), 0, P("limit: \\frac{\\pi}{2} (1.570796327)\n", "continuous at \\frac{\\pi}{2}: yes\n")},
    {A("--format", "latex", "limit", "1/x", "--at", "0"), 0, P("left:  -\\infty\nright: \\infty\n")},
    {A("--format", "latex", "limit", "(1 + 1/x)^x", "--at", "oo"), 0, P("x \\to \\infty: e (2.718281828)\n")},
    /* --format json: the fields CLI.md lists */
    {A("--format", "json", "eval", "x^2", "x=1/3"), 0, P("\"exact\": \"1/9\"", "\"value\": 0.1111111111111111")},
    {A("--format", "json", "steps", "x^2"), 0, P("\"rule\": \"power\"", "\"derivative\": \"2*x\"")},
    {A("--format", "json", "check", "x^3", "-3x^2"), 1, P("\"verdict\": \"incorrect\"", "\"slip\": {\"name\": \"sign flipped\"")},
    {A("--format", "json", "verify", "x^2", "--at", "1"), 0, P("\"derivative\": \"2*x\"", "\"x\": 1, \"symbolic\": 2, \"numeric\": ", "\"match\": true")},
    {A("--format", "json", "tangent", "x^2", "--at", "1.5"), 0, P("\"slope\": 3", "\"line\": \"y = 3*x - 2.25\"")},
    {A("--format", "json", "tangent", "x^(1/3)", "--at", "0"), 0, P("\"differentiable\": false", "\"vertical_line\": \"x = 0\"")},
    {A("--format", "json", "extrema", "x^3 - 3*x"), 0, P("\"critical_points\": [{\"x\": -1, \"value\": 2, ", "\"kind\": \"max\"", "{\"x\": 1, \"value\": -2, ",
       "\"kind\": \"min\"", "\"global_min\": null", "\"global_max\": null")},
    {A("--format", "json", "extrema", "x^3"), 0, P("\"kind\": \"neither\"")},
    {A("--format", "json", "extrema", "x^2", "--from", "-1", "--to", "2"), 0, P("\"global_min\": {\"x\": 0, \"value\": 0, ", "\"global_max\": {\"x\": 2, \"value\": 4, ")},
    {A("--format", "json", "descend", "w^2", "--start", "4", "--rate", "0.25", "--steps", "2"), 0, P("\"steps\": [{\"step\": 0, \"position\": 4, \"loss\": 16, \"gradient\": 8, \"update\": -2}, "
       "{\"step\": 1, \"position\": 2, \"loss\": 4, \"gradient\": 4, \"update\": -1}]",
       "\"status\": \"max_steps\"")},
    {A("--format", "json", "descend", "w^2", "--start", "4", "--rate", "0.5"), 0, P("\"status\": \"converged\"")},
    {A("--format", "json", "descend", "w^2", "--start", "4", "--rate", "1.1"), 0, P("\"status\": \"diverged\"")},
    {A("--format", "json", "descend", "sqrt(w)", "--start", "0"), 0, P("\"status\": \"diverged\", \"outcome\": \"stopped\", \"reason\": \"the gradient is undefined at w = 0, the start")},
    {A("--format", "json", "limit", "1/x", "--at", "0"), 0, P("\"left\": \"-oo\"", "\"right\": \"oo\"", "\"exists\": false", "\"value\": null")},
    {A("--format", "json", "limit", "sin(x)/x", "--at", "0"), 0, P("\"left\": \"1\"", "\"right\": \"1\"", "\"exists\": true", "\"value\": \"1\"")},
    {A("--format", "json", "limit", "x^2", "--at", "-oo"), 0, P("\"exists\": true, \"value\": \"oo\"")},
    {A("check", "x^3", "-6x", "--order", "2"), 1, P("likely slip: sign flipped")},
    {A("--help"), 0, P("usage: dfdx EXPR", "dfdx descend EXPR --start W0", "Exit status: 0 ok, 1 check says")},

};

START_TEST(cli_pieces)
{
    char *out, *err, arg[400] = ""; /* the whole command line, for the messages */
    for (const char *const *v = pieces[_i].argv; *v && strlen(arg) + strlen(*v) + 4 < sizeof arg; v++)
        strcat(strcat(strcat(arg, *arg ? " '" : "'"), *v), "'");
    int st = tu_run(pieces[_i].argv, NULL, &out, &err);
    ck_assert_msg(st == pieces[_i].status, "dfdx %s: status %d, want %d (stderr: %s)", arg, st, pieces[_i].status, err);
    ck_assert_msg(err[0] == 0, "dfdx %s: stderr %s", arg, err);
    for (const char *const *h = pieces[_i].has; *h; h++)
        ck_assert_msg(strstr(out, *h) != NULL, "dfdx %s: stdout\n%s\nlacks\n%s", arg, out, *h);
    free(out);
    free(err);
}
END_TEST

/* Plain output is re-readable: dfdx "$(dfdx EXPR)" works and gives the second derivative. */
START_TEST(output_reads_back)
{
    static const char *const exprs[] = {"x^3", "sin(x)*exp(x)", "1/(1 + exp(-x))", "x^(1/3)", "ln(x^2 + 1)/x"};
    for (size_t i = 0; i < sizeof exprs / sizeof exprs[0]; i++) {
        char *d1, *d2, *e1, *e2, *want, *e3;
        ck_assert_int_eq(tu_run(A(exprs[i]), NULL, &d1, &e1), 0);
        d1[strcspn(d1, "\n")] = 0;
        ck_assert_int_eq(tu_run(A("--", d1), NULL, &d2, &e2), 0);
        ck_assert_int_eq(tu_run(A("diff", exprs[i], "--order", "2"), NULL, &want, &e3), 0);
        ck_assert_msg(strcmp(d2, want) == 0, "%s: d/dx of %s is %s, but --order 2 gives %s", exprs[i], d1, d2, want);
        free(d1), free(d2), free(e1), free(e2), free(want), free(e3);
    }
}
END_TEST

/* Every command explains itself with --help (status 0, its usage line first). */
START_TEST(help_every_command)
{
    static const char *const names[] = {"diff",    "grad",    "steps", "check", "eval", "verify", "tangent",
                                        "extrema", "descend", "limit", "plot",  "session"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char *out, *err, want[64];
        snprintf(want, sizeof want, "usage: dfdx %s", names[i]);
        ck_assert_msg(tu_run(A(names[i], "--help"), NULL, &out, &err) == 0, "dfdx %s --help: %s", names[i], err);
        ck_assert_msg(strncmp(out, want, strlen(want)) == 0, "dfdx %s --help:\n%s", names[i], out);
        free(out), free(err);
    }
}
END_TEST

/* No arguments and stdin not a terminal: one command a line, without the dfdx prefix; a bad
 * line is reported with its number and the status says so. */
START_TEST(piped_session)
{
    char *out, *err;
    int st = tu_run((const char *const[]){NULL}, "x^3\ndiff sin(x)\neval 1/0\ntangent x^2 --at 1\n", &out, &err);
    ck_assert_msg(st == 2, "status %d", st);
    ck_assert_msg(strcmp(out, "3*x^2\ncos(x)\nslope: 2\npoint: (1, 1)\ntangent: y = 2*x - 1\n") == 0, "%s", out);
    ck_assert_msg(strstr(err, "dfdx: line 3: error at column 2: division by zero") == err, "%s", err);
    free(out), free(err);
    ck_assert_int_eq(tu_run(A("--format", "latex"), "x^3\n", &out, &err), 0);
    ck_assert_str_eq(out, "3 x^{2}\n");
    free(out), free(err);
}
END_TEST

/* Hostile input never crashes or hangs: every one ends with status 2 and a message. */
START_TEST(hostile_input)
{
    size_t n = 100000; /* the kernel limits one argument to 128 KiB */
    char *deep = malloc(n + 2);
    memset(deep, '(', n);
    deep[n] = 'x';
    deep[n + 1] = 0;
    char *out, *err;
    ck_assert_int_eq(tu_run(A(deep), NULL, &out, &err), 2);
    ck_assert_msg(strstr(err, "nested too deeply") != NULL, "%.200s", err);
    free(out), free(err);
    memset(deep, '-', n);
    ck_assert_int_eq(tu_run(A(deep), NULL, &out, &err), 2);
    free(out), free(err);
    /* a very long line: the error shown around its column, the caret under it */
    for (size_t i = 0; i < n; i += 2)
        memcpy(deep + i, "x+", 2);
    deep[n] = '*';
    ck_assert_int_eq(tu_run(A(deep), NULL, &out, &err), 2);
    ck_assert_msg(strstr(err, "dfdx: syntax error at column 100001: unexpected '*'\n") == err, "%.200s", err);
    ck_assert_msg(strstr(err, "x+*\n") && strstr(err, "  ^\n"), "%.400s", err);
    free(out), free(err);
    free(deep);
    ck_assert_int_eq(tu_run(A("\xff\xfe"), NULL, &out, &err), 2);
    ck_assert_msg(strstr(err, "UTF-8") != NULL, "%s", err);
    free(out), free(err);
}
END_TEST

/* A derivative that grows without end (sin(x)^x: tens of MB of text by order 40, minutes
 * and gigabytes by order 60) stops with a message, not a hang: the node bound naming the order
 * reached, or the work budget, whichever comes first. */
START_TEST(runaway_order)
{
    const char *const *const cmds[] = {A("diff", "sin(x)^x", "--order", "1000"),
                                        A("check", "sin(x)^x", "0", "--order", "1000")};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char *out, *err;
        ck_assert_int_eq(tu_run(cmds[i], NULL, &out, &err), 2);
        ck_assert_msg(strstr(err, "dfdx: the derivative of order 1000 grows too large") == err ||
                          strstr(err, "dfdx: too much work: ") == err,
                      "%s: %s", cmds[i][0], err);
        free(out), free(err);
    }
}
END_TEST

/* A grid search's points count against the work budget (a 50 KB f(x, y)'s contour plot took
 * 20 s): a budget ample for f's Hessian, the derivatives the search compiles, stops extrema and
 * the contour plot of f with "too much work", so what it stops is the evaluation on the grid.
 * f: the 8th derivative of sin(x)^x*ln(x) with sin(x + y) for sin(x), 48 KB. */
START_TEST(grid_work_counted)
{
    char *d8, *e8, *out, *err;
    ck_assert_int_eq(tu_run(A("diff", "sin(x)^x*ln(x)", "--order", "8"), NULL, &d8, &e8), 0);
    char *f = malloc(2 * strlen(d8) + 1), *w = f;
    for (const char *r = d8; *r && *r != '\n'; r++)
        w += strncmp(r, "sin(x)", 6) == 0 ? (r += 5, strlen(strcpy(w, "sin(x + y)"))) : (*w = *r, 1);
    *w = 0;
    ck_assert_uint_gt(strlen(f), 40000);
    ck_assert_int_eq(tu_run(A("--work", "1000000", "hessian", f), NULL, &out, &err), 0);
    free(out), free(err);
    const char *const *const cmds[] = {A("--work", "1000000", "extrema", f),
                                        A("--work", "1000000", "plot", f, "--ascii", "--size", "60x20"),
                                        A("--work", "1000000", "plot", f, "--from", "x=1,y=1", "--to", "x=2,y=2",
                                          "--ascii", "--size", "60x20")};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        ck_assert_int_eq(tu_run(cmds[i], NULL, &out, &err), 2);
        ck_assert_msg(strstr(err, "dfdx: too much work: stopped after 1000000 units") == err, "%s %s: %s", cmds[i][2],
                      cmds[i][4], err);
        free(out), free(err);
    }
    free(f), free(d8), free(e8);
}
END_TEST

/* The session's work N sets every later command's budget (work alone says what it is); a
 * command cut short does not end the session, and the next one gets the whole budget again. */
START_TEST(session_work)
{
    char *out, *err;
    int st = tu_run((const char *const[]){NULL}, "work 1000\ndiff sin(x)^x --order 10\ndiff x^3\nwork 0\nwork\nwork x\n",
                    &out, &err);
    ck_assert_int_eq(st, 2);
    ck_assert_str_eq(out, "work budget: 1000 units per command\n3*x^2\nwork budget: none (a command may run until it ends)\n"
                          "work budget: none (a command may run until it ends)\n");
    ck_assert_msg(strstr(err, "dfdx: line 2: too much work: stopped after 1000 units") == err, "%s", err);
    ck_assert_msg(strstr(err, "dfdx: line 6: --work: takes a number or a constant expression") != NULL, "%s", err);
    free(out), free(err);
    ck_assert_int_eq(tu_run(A("--lang", "ko"), "work 1000\n", &out, &err), 0);
    ck_assert_str_eq(out, "작업 한도: 명령마다 작업 1000단위\n");
    free(out), free(err);
}
END_TEST

/* Whatever the program prints reads back: a long answer (100 KB, thousands of words) pasted
 * after diff in a session gives the next derivative, and a result longer than the parser reads
 * (DX_MAX_TEXT) is refused before it is printed. */
START_TEST(long_answer_reads_back)
{
    char *d8, *d9, *e8, *e9, *out, *err;
    ck_assert_int_eq(tu_run(A("diff", "sin(x)^x*ln(x)", "--order", "9"), NULL, &d8, &e8), 0);
    ck_assert_int_eq(tu_run(A("diff", "sin(x)^x*ln(x)", "--order", "10"), NULL, &d9, &e9), 0);
    ck_assert_uint_gt(strlen(d8), 65536);
    char *line = malloc(strlen(d8) + 16);
    sprintf(line, "k = diff %s", d8);
    ck_assert_int_eq(tu_run((const char *const[]){NULL}, line + 4, &out, &err), 0);
    ck_assert_msg(strcmp(out, d9) == 0, "diff of the 9th derivative: %.200s\nnot %.200s\nstderr %s", out, d9, err);
    free(out), free(err);
    ck_assert_int_eq(tu_run((const char *const[]){NULL}, line, &out, &err), 0); /* a definition's diff too */
    ck_assert_msg(strncmp(out, "k(x) = ", 7) == 0 && strcmp(out + 7, d9) == 0, "%.200s\nstderr %s", out, err);
    free(out), free(err), free(line), free(d8), free(d9), free(e8), free(e9);
    ck_assert_int_eq(tu_run(A("--work", "0", "diff", "sin(x)^x*ln(x)", "--order", "13"), NULL, &out, &err), 2);
    ck_assert_str_eq(out, "");
    ck_assert_str_eq(err, "dfdx: result too large to print (over 1000000 bytes, the longest text dfdx reads back)\n");
    free(out), free(err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, cli_row, 0, sizeof rows / sizeof rows[0]);
    tcase_add_loop_test(tc, cli_pieces, 0, sizeof pieces / sizeof pieces[0]);
    tcase_add_test(tc, output_reads_back);
    tcase_add_test(tc, help_every_command);
    tcase_add_test(tc, piped_session);
    tcase_add_test(tc, hostile_input);
    tcase_add_test(tc, runaway_order);
    tcase_add_test(tc, grid_work_counted);
    tcase_add_test(tc, session_work);
    tcase_add_test(tc, long_answer_reads_back);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
