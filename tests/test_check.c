/* Tests of dfdx check and dfdx steps: equivalent answers accepted, typical slips named. */
#include "answer.h"
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- correct answers, in the forms students write them ---------------------------------- */

static const struct {
    const char *f, *answer;
    unsigned order;
} accepted[] = {
    {"sin(x^2)", "2x cos(x^2)", 1},
    {"sin(x^2)", "cos(x²)·2x", 1},
    {"sin(x^2)", "2*x*cos(x^2)", 1},
    {"2x^3 - 3x", "6x^2-3", 1},
    {"2x^3 - 3x", "3(2x^2 - 1)", 1},
    {"2x^3 - 3x", "6x² − 3", 1},
    {"x^2/(x+1)", "(x^2 + 2x)/(x+1)^2", 1},
    {"x^2/(x+1)", "x(x+2)/(x+1)^2", 1},
    {"x^2/(x+1)", "1 - 1/(x+1)^2", 1},
    {"ln(x^2+1)", "2x/(x^2+1)", 1},
    {"(2x+3)^5", "10(2x+3)^4", 1},
    {"x e^x", "e^x (x + 1)", 1},
    {"x e^x", "(1 + x) exp(x)", 1},
    {"sin(x)^2", "sin(2x)", 1},
    {"sqrt(x)", "1/(2 sqrt(x))", 1},
    {"sqrt(x)", "0.5 x^(-1/2)", 1},
    {"tan(x)", "1 + tan(x)^2", 1},
    {"1/x", "-x^(-2)", 1},
    {"(x+1)(x-2)", "2x - 1", 1},
    {"e^(3x)", "3exp(3x)", 1},
    {"x^3", "6x", 2},
    {"(w x - y)^2", "2w(w x - y)", 1},
};

START_TEST(accepts_equivalent_forms)
{
    dx_ctx *ctx = dx_ctx_new();
    const char *f = accepted[_i].f, *ans = accepted[_i].answer;
    dx_expr *e = dx_parse(ctx, f, strlen(f)), *a = dx_parse(ctx, ans, strlen(ans));
    ck_assert_msg(e && a, "parse %s / %s", f, ans);
    const char *v = strchr(f, 'x') ? "x" : "w";
    dx_expr *var = dx_sym(ctx, v, 1), *d = dx_diff(ctx, e, v, accepted[_i].order);
    dx_check_result r;
    ck_assert_msg(dx_check_against(ctx, e, var, accepted[_i].order, d, a, &r) == DX_OK, "%s", f);
    ck_assert_msg(r.eq.kind == DX_EQ_ALGEBRA || r.eq.kind == DX_EQ_POINTS, "%s: %s rejected (kind %d)", f, ans,
                  r.eq.kind);
    if (accepted[_i].order == 1) { /* and the answer really is f' (independent oracle) */
        char why[256] = "";
        int n = tu_check_default(e, a, v, why, sizeof why);
        ck_assert_msg(n >= 5, "%s: %s is not f' numerically: %s", f, ans, why);
    }
    dx_ctx_free(ctx);
}
END_TEST

/* --- typical slips, each detected and named --------------------------------------------- */

static const struct {
    const char *f, *answer;
    dx_slip slip;
} slips[] = {
    {"x^3", "3x^3", DX_SLIP_POWER_EXP},
    {"x^4 - 3x^2", "4x^4 - 6x^2", DX_SLIP_POWER_EXP},
    {"sin(x^2)", "cos(x^2)", DX_SLIP_CHAIN},
    {"(2x+3)^5", "5(2x+3)^4", DX_SLIP_CHAIN},
    {"e^(3x)", "e^(3x)", DX_SLIP_CHAIN},
    {"sin(x^2) + cos(3x)", "2x cos(x^2) - sin(3x)", DX_SLIP_CHAIN},
    {"cos(x)", "sin(x)", DX_SLIP_COS_SIGN},
    {"cos(2x)", "2 sin(2x)", DX_SLIP_COS_SIGN},
    {"x^2/(x+1)", "(x^2 - 2x(x+1))/(x+1)^2", DX_SLIP_QUOTIENT},
    {"sin(x)/x", "(sin(x) - x cos(x))/x^2", DX_SLIP_QUOTIENT},
    {"x sin(x)", "sin(x)", DX_SLIP_PRODUCT_FIRST},
    {"x sin(x)", "x cos(x)", DX_SLIP_PRODUCT_LAST},
    {"x^2 e^x", "2x e^x", DX_SLIP_PRODUCT_FIRST},
    {"x sin(x)", "cos(x)", DX_SLIP_PRODUCT_DERIVS},
    {"ln(x^2+1)", "1/(x^2+1)", DX_SLIP_LN},
    {"ln(sin(x))", "1/sin(x)", DX_SLIP_LN},
    {"x^2 + 5", "2x + 5", DX_SLIP_CONSTANT},
    {"3x - 7", "3 - 7", DX_SLIP_CONSTANT},
};

START_TEST(names_the_slip)
{
    dx_ctx *ctx = dx_ctx_new();
    const char *f = slips[_i].f, *ans = slips[_i].answer;
    dx_expr *e = dx_parse(ctx, f, strlen(f)), *a = dx_parse(ctx, ans, strlen(ans));
    ck_assert_msg(e && a, "parse %s / %s", f, ans);
    dx_expr *var = dx_sym(ctx, "x", 1), *d = dx_diff(ctx, e, "x", 1);
    char why[256] = "";
    ck_assert_msg(tu_check_default(e, d, "x", why, sizeof why) >= 5, "%s: %s", f, why);
    dx_check_result r;
    ck_assert_msg(dx_check_against(ctx, e, var, 1, d, a, &r) == DX_OK, "%s", f);
    ck_assert_msg(r.eq.kind == DX_EQ_DIFFERENT, "%s: %s accepted", f, ans);
    /* the two product-rule slips share a name: one term of the rule is missing */
    ck_assert_msg(r.slip != DX_SLIP_NONE && dx_slip_name(r.slip) == dx_slip_name(slips[_i].slip),
                  "%s: %s: slip %s, expected %s", f, ans, dx_msg_template(dx_slip_name(r.slip)),
                  dx_msg_template(dx_slip_name(slips[_i].slip)));
    /* the counterexample's values really differ */
    ck_assert_msg(r.eq.da != r.eq.db, "%s: witness values equal", f);
    dx_ctx_free(ctx);
}
END_TEST

/* The plain rules are untouched by the slip machinery: a zeroed options struct is dx_diff_by. */
START_TEST(no_slip_is_plain_diff)
{
    dx_ctx *ctx = dx_ctx_new();
    const char *f = slips[_i].f;
    dx_expr *e = dx_parse(ctx, f, strlen(f)), *var = dx_sym(ctx, "x", 1);
    dx_diff_opts o = {0};
    ck_assert_msg(dx_diff_with(ctx, e, var, &o) == dx_diff_by(ctx, e, var, NULL, NULL), "%s", f);
    /* and the slip it stands for changes the result */
    o.slip = slips[_i].slip;
    dx_expr *s = dx_diff_with(ctx, e, var, &o);
    ck_assert_msg(s && s != dx_diff_by(ctx, e, var, NULL, NULL) ? true : slips[_i].slip == DX_SLIP_QUOTIENT ||
                  slips[_i].slip == DX_SLIP_CHAIN, "%s: slip changes nothing", f);
    dx_ctx_free(ctx);
}
END_TEST

START_TEST(wrong_without_known_slip)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_expr *e = dx_parse(ctx, "x^3", 3), *a = dx_parse(ctx, "x^2", 3), *var = dx_sym(ctx, "x", 1);
    dx_check_result r;
    ck_assert(dx_check_against(ctx, e, var, 1, dx_diff(ctx, e, "x", 1), a, &r) == DX_OK);
    ck_assert_int_eq(r.eq.kind, DX_EQ_DIFFERENT);
    ck_assert_int_eq(r.slip, DX_SLIP_NONE);
    ck_assert_msg(r.eq.at && dx_is_int(r.eq.at, 2), "witness at x = 2");
    dx_ctx_free(ctx);
}
END_TEST

/* (x^2 - 1)/(x - 1) is x + 1 except at 1: said so, the same way every time. */
START_TEST(equal_except_undefined)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_expr *e = dx_parse(ctx, "x^2/2 + x", 9), *a = dx_parse(ctx, "(x^2-1)/(x-1)", 13);
    dx_expr *var = dx_sym(ctx, "x", 1);
    dx_check_result r;
    ck_assert(dx_check_against(ctx, e, var, 1, dx_diff(ctx, e, "x", 1), a, &r) == DX_OK);
    ck_assert_int_eq(r.eq.kind, DX_EQ_UNDEFINED);
    ck_assert_msg(r.eq.at && dx_is_int(r.eq.at, 1), "undefined at x = 1");
    ck_assert_msg(r.eq.da != r.eq.da && r.eq.vb && dx_is_int(r.eq.vb, 2), "answer undefined, derivative 2");
    dx_ctx_free(ctx);
}
END_TEST

/* Found by the differential test: the third derivative of atan(((x^2 - 4)^5 - 2/3)^(-1/2)),
 * simplified as check shows it, is a degree-47 polynomial with 17-digit coefficients over a
 * denominator; in doubles it loses every digit at x = 5/2, and check called the correct
 * (unsimplified) answer incorrect, blaming an ln slip. */
START_TEST(noisy_reference)
{
    dx_ctx *ctx = dx_ctx_new();
    const char *f_text = "atan(((x^2 - 4)^5 - 2/3)^(-1/2))";
    dx_expr *f = dx_parse(ctx, f_text, strlen(f_text)), *var = dx_sym(ctx, "x", 1);
    dx_expr *shown = f;
    for (int k = 0; k < 3; k++) /* as the program does: simplified after each order */
        shown = dx_simplify(ctx, dx_diff(ctx, shown, "x", 1));
    dx_check_result r;
    ck_assert(dx_check_against(ctx, f, var, 3, shown, dx_diff(ctx, f, "x", 3), &r) == DX_OK);
    ck_assert_msg(r.eq.kind == DX_EQ_ALGEBRA || r.eq.kind == DX_EQ_POINTS, "kind %d at x = %g: %.17g vs %.17g",
                  (int)r.eq.kind, r.eq.at_d, r.eq.da, r.eq.db);
    dx_ctx_free(ctx);
}
END_TEST

/* How check read the answer, as data: its notes, and each name f has not with the split of
 * that name into f's names (or none). */
static const struct {
    const char *f, *var, *answer;
    size_t nnotes;
    const char *foreign, *as; /* the first name f has not ("" for none) and its split ("" for none) */
} read_rows[] = {
    {"(w1*x - y)^2", "w1", "2(w1x - y)x", 0, "w1x", "w1*x"},
    {"(w*x - y)^2", "w", "2(wx - y)x", 1, "", ""},
    {"rate*t^2", "t", "2 rate t", 0, "", ""},  /* f's names stay whole in the answer */
    {"rate*t^2", "t", "2ratet", 1, "", ""}, /* split by the grammar, with a note */
    {"x^2", "x", "2 theta", 0, "theta", ""},
    {"a1*b2*x", "x", "a1b2", 0, "a1b2", "a1*b2"},
    {"x^2", "x", "2x", 0, "", ""},
};

START_TEST(check_reads_answer)
{
    dx_ctx *ctx = dx_ctx_new();
    const char *const names[] = {"rate"};
    dx_parse_opts opts = {names, 1, false};
    dx_expr *f = dx_parse_ex(ctx, read_rows[_i].f, strlen(read_rows[_i].f), &opts, NULL);
    dx_check_result r;
    const char *a = read_rows[_i].answer;
    ck_assert_msg(dx_check(ctx, f, read_rows[_i].var, 1, a, strlen(a), &r) == DX_OK, "%s: %s", a, tu_err(ctx));
    ck_assert_msg(r.read.nnotes == read_rows[_i].nnotes, "%s: %zu notes", a, r.read.nnotes);
    bool none = !read_rows[_i].foreign[0];
    ck_assert_msg(r.nforeign == (none ? 0u : 1u), "%s: %zu names f has not", a, r.nforeign);
    if (!none) {
        ck_assert_str_eq(r.foreign[0], read_rows[_i].foreign);
        char *as = r.foreign_as[0] ? dx_print(ctx, r.foreign_as[0], DX_PLAIN) : NULL;
        ck_assert_str_eq(as ? as : "", read_rows[_i].as);
        free(as);
    }
    dx_ctx_free(ctx);
}
END_TEST

/* --- the program ------------------------------------------------------------------------- */

static const struct {
    const char *argv[8];
    int status;
    const char *out;
} cli_rows[] = {
    {{"check", "x^3", "3x^3"}, 1,
     "your answer, as read: 3*x^3\n"
     "incorrect\n"
     "at x = 2: your answer gives 24, the derivative is 12\n"
     "the derivative: 3*x^2\n"
     "likely slip: power-rule exponent not reduced: (u^n)' = n*u^(n-1)*u': the exponent goes down by one\n"},
    {{"check", "sin(x^2)", "2x cos(x^2)"}, 0, "your answer, as read: 2*x*cos(x^2)\ncorrect (equal by algebra)\n"},
    {{"check", "x^2/2 + x", "(x^2-1)/(x-1)"}, 0,
     "your answer, as read: (x^2 - 1)/(x - 1)\n"
     "correct where both are defined, but your answer is undefined at x = 1, where the derivative is 2\n"},
    /* the division cancels on construction; the answer as written is still undefined there */
    /* only f's own domain counts: 1/abs(x) is right wherever ln(x) is defined */
    {{"check", "ln(x)", "1/abs(x)"}, 0,
     "your answer, as read: 1/abs(x)\ncorrect (agrees with 1/x at 50 points; checked by evaluation, not by algebra)\n"},
    {{"check", "x", "x/x"}, 0,
     "your answer, as read: 1\ncorrect where both are defined, but your answer is undefined at x = 0, where the derivative is 1\n"},
    {{"check", "x^2 - 2x", "2(x-1)^2/(x-1)"}, 0,
     "your answer, as read: 2*(x - 1)\n"
     "correct where both are defined, but your answer is undefined at x = 1, where the derivative is 0\n"},
    {{"check", "x^2", "2*x^2/x"}, 0,
     "your answer, as read: 2*x\ncorrect where both are defined, but your answer is undefined at x = 0, where the derivative is 0\n"},
    {{"check", "x^2 + 5", "2x + 5"}, 1,
     "your answer, as read: 2*x + 5\n"
     "incorrect\n"
     "at x = 2: your answer gives 9, the derivative is 4\n"
     "the derivative: 2*x\n"
     "likely slip: constant not dropped: the derivative of a constant term is 0\n"},
    {{"check", "x^3", "6x", "--order", "2"}, 0, "your answer, as read: 6*x\ncorrect (equal by algebra)\n"},
    {{"check", "x^2 y", "2x"}, 1,
     "your answer, as read: 2*x\n"
     "incorrect\n"
     "at x = 2 (with y = 7/5): your answer gives 4, the derivative is 28/5\n"
     "the derivative: 2*x*y\n"},
    /* how the answer was read, first; a name f has not, split into f's names where it can be */
    {{"check", "ln(x)/2", "1/2x"}, 1,
     "your answer, as read: x/2\n"
     "incorrect\n"
     "at x = 2: your answer gives 1, the derivative is 1/4\n"
     "the derivative: 1/(2*x)\n"},
    {{"check", "(w1*x-y)^2", "2(w1x - y)x", "--var", "w1"}, 1,
     "your answer, as read: 2*x*(w1x - y)\n"
     "'w1x' is not a variable of f: did you mean w1*x?\n"
     "incorrect\n"
     "at w1 = 2 (with w1x = 7/5, x = 3/7, y = 11/4): your answer gives -81/70, the derivative is -159/98\n"
     "the derivative: 2*x*(w1*x - y)\n"},
    {{"check", "(w*x-y)^2", "2(wx - y)x", "--var", "w"}, 0, "your answer, as read: 2*x*(w*x - y)\ncorrect (equal by algebra)\n"},
    {{"check", "x^2", "2theta"}, 1,
     "your answer, as read: 2*theta\n"
     "'theta' is not a variable of f\n"
     "incorrect\n"
     "at x = 2 (with theta = 7/5): your answer gives 14/5, the derivative is 4\n"
     "the derivative: 2*x\n"},
    {{"check", "rate*x^2", "2rate x", "--var", "x"}, 0, "your answer, as read: 2*e*a*r*t*x\ncorrect (equal by algebra)\n"},
    {{"check", "(x1 + x2)^2", "2(x1 + x2)", "--var", "x1", "--format", "json"}, 0,
     "{\"input\": \"(x1 + x2)^2\", \"answer\": \"2*(x1 + x2)\", \"as_read\": \"2*(x1 + x2)\", \"answer_notes\": [], "
     "\"foreign_variables\": [], \"variable\": \"x1\", \"order\": 1, \"verdict\": \"correct\", \"method\": \"algebra\", "
     "\"points\": 0, \"derivative\": \"2*(x1 + x2)\", \"counterexample\": null, \"slip\": null}\n"},
    {{"check", "x*y^2", "yy", "--var", "x", "--format", "json"}, 0,
     "{\"input\": \"x*y^2\", \"answer\": \"y^2\", \"as_read\": \"y^2\", \"answer_notes\": [\"read 'yy' as y^2\"], "
     "\"foreign_variables\": [], \"variable\": \"x\", \"order\": 1, \"verdict\": \"correct\", \"method\": \"algebra\", "
     "\"points\": 0, \"derivative\": \"y^2\", \"counterexample\": null, \"slip\": null}\n"},
    {{"check", "x^3", "3x^", "--order", "2"}, 2, ""},
    {{"check", "x^3"}, 2, ""},
    {{"steps", "x^3 - 3x"}, 0,
     "d/dx(x^3 - 3*x)\n"
     "  = d/dx(x^3) + d/dx(-3*x)   sum rule: (u + v)' = u' + v'\n"
     "  = 3*x^2 + d/dx(-3*x)       power rule: (u^n)' = n*u^(n-1)*u'\n"
     "  = 3*x^2 - 3                scalar multiple rule: (c*u)' = c*u'\n"
     "d/dx(x^3 - 3*x) = 3*x^2 - 3\n"},
    {{"steps", "sin(x^2)", "--format", "json"}, 0,
     "{\"input\": \"sin(x^2)\", \"variable\": \"x\", \"steps\": [{\"rule\": \"chain\", \"description\": "
     "\"chain rule, outer sin, inner x^2\", \"formula\": \"d/dx sin(u) = cos(u)*u'\", \"before\": "
     "\"d/dx(sin(x^2))\", \"after\": \"d/dx(x^2)*cos(x^2)\"}, {\"rule\": \"power\", \"description\": "
     "\"power rule\", \"formula\": \"(u^n)' = n*u^(n-1)*u'\", \"before\": \"d/dx(x^2)*cos(x^2)\", "
     "\"after\": \"2*x*cos(x^2)\"}], \"derivative\": \"2*x*cos(x^2)\"}\n"},
    {{"steps", "7"}, 0, "d/dx(7)\n  = 0   constant rule: d/dx c = 0\nd/dx(7) = 0\n"},
};

START_TEST(cli_golden)
{
    char *out, *err;
    int st = tu_run(cli_rows[_i].argv, NULL, &out, &err);
    ck_assert_msg(st == cli_rows[_i].status, "%s %s: status %d, expected %d (%s)", cli_rows[_i].argv[0],
                  cli_rows[_i].argv[1], st, cli_rows[_i].status, err);
    ck_assert_msg(strcmp(out, cli_rows[_i].out) == 0, "%s %s: got\n%s", cli_rows[_i].argv[0], cli_rows[_i].argv[1],
                  out);
    if (st == 2)
        ck_assert_msg(strncmp(err, "dfdx: ", 6) == 0, "%s: error says dfdx: (%s)", cli_rows[_i].argv[1], err);
    free(out);
    free(err);
}
END_TEST

/* steps ends in exactly what diff prints, for every function of the textbook corpus. */
START_TEST(steps_end_in_diff)
{
    FILE *f = tu_open_corpus("textbook.txt");
    char line[1024];
    int n = 0, k = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (!line[0])
            continue;
#ifdef __SANITIZE_ADDRESS__
        /* two sanitized processes per line outlast the suite's time limit on a busy machine:
         * the normal build runs every line, this one every fourth (for memory errors) */
        if (k++ % 4)
            continue;
#else
        (void)k;
#endif
        const char *dargv[] = {"diff", "--", line, NULL}, *sargv[] = {"steps", "--", line, NULL};
        char *dout, *derr, *sout, *serr;
        ck_assert_msg(tu_run(dargv, NULL, &dout, &derr) == 0, "diff %s: %s", line, derr);
        ck_assert_msg(tu_run(sargv, NULL, &sout, &serr) == 0, "steps %s: %s", line, serr);
        size_t ls = strlen(sout), ld = strlen(dout);
        /* the last line is "d/dx(f) = " followed by diff's line */
        ck_assert_msg(ls > ld + 3 && strcmp(sout + ls - ld, dout) == 0 && strncmp(sout + ls - ld - 3, " = ", 3) == 0,
                      "steps %s ends in\n%s\nnot in %s", line, sout, dout);
        /* every step line names a rule */
        ck_assert_msg(strstr(sout, " rule") != NULL, "steps %s names no rule", line);
        free(dout);
        free(derr);
        free(sout);
        free(serr);
        n++;
    }
    fclose(f);
#ifdef __SANITIZE_ADDRESS__
    ck_assert_msg(n >= 25, "only %d corpus lines", n);
#else
    ck_assert_msg(n >= 100, "only %d corpus lines", n);
#endif
}
END_TEST

/* Library steps: each step's rule is diff's, and the steps arrive at what dfdx diff shows. From
 * "0/x" on the parser guards the formula (x/x is 1 where x != 0; a fuzz finding crashed there):
 * the steps are then the body's. */
START_TEST(steps_follow_diff)
{
    static const char *const fs[] = {"sin(x^2) + 3x", "x e^x sin(x)", "(x^2+1)/(x-1)", "ln(x^2+1)", "x^x", "7", "x",
                                     "0/x", "x/x", "x^3/x", "0/(x*(x + 1))", "sin(x/x) + x", "(x^2 - 1)/(x - 1)"};
    for (size_t k = 0; k < sizeof fs / sizeof fs[0]; k++) {
        dx_ctx *ctx = dx_ctx_new();
        dx_expr *e = dx_parse(ctx, fs[k], strlen(fs[k]));
        dx_steps s;
        ck_assert_msg(dx_steps_build(ctx, e, "x", &s) == DX_OK, "%s", fs[k]);
        ck_assert_msg(s.n >= 1 && s.result == dx_derivative(ctx, e, "x", 1), "%s: steps arrive elsewhere", fs[k]);
        bool guarded = e->kind == DX_GUARD;
        ck_assert_msg((guarded || s.step[0].node == e) && s.step[s.n - 1].after == s.result, "%s", fs[k]);
        /* the rules arrive at diff's result; a last step only simplifies it */
        size_t rules = s.n - (s.step[s.n - 1].rule == DX_R_SIMPLIFY);
        ck_assert_msg(rules >= 1 && (guarded || s.step[rules - 1].after == dx_diff(ctx, e, "x", 1)), "%s", fs[k]);
        char why[256] = "";
        ck_assert_msg(tu_check_default(e, s.result, "x", why, sizeof why) >= 5, "%s: %s", fs[k], why);
        for (size_t i = 0; i < s.n; i++)
            ck_assert_msg(s.step[i].rule < DX_NRULES && s.step[i].label.id != DX_M_NONE &&
                              s.step[i].formula.id != DX_M_NONE, "%s: step %zu", fs[k], i);
        dx_steps_free(&s);
        dx_ctx_free(ctx);
    }
}
END_TEST

/* A step as data: the rule, the node, the label's id with its arguments, the formula. */
START_TEST(steps_as_data)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_expr *e = dx_parse(ctx, "sin(x^2)", 8), *x2 = dx_parse(ctx, "x^2", 3);
    dx_steps s;
    ck_assert_int_eq(dx_steps_build(ctx, e, "x", &s), DX_OK);
    ck_assert_uint_eq(s.n, 2);
    ck_assert_str_eq(s.var, "x");
    ck_assert(s.step[0].rule == DX_R_CHAIN && s.step[0].node == e);
    ck_assert_int_eq(s.step[0].label.id, DX_M_STEP_CHAIN);
    ck_assert_str_eq(s.step[0].label.arg[0].u.s, "sin");
    ck_assert_ptr_eq(s.step[0].label.arg[1].u.e, x2);
    ck_assert_int_eq(s.step[0].formula.id, DX_M_FORMULA_OF_FN);
    ck_assert(s.step[1].rule == DX_R_POWER && s.step[1].node == x2);
    ck_assert_int_eq(s.step[1].label.id, DX_M_STEP_POWER);
    ck_assert_int_eq(s.step[1].formula.id, dx_rule_formula(DX_R_POWER));
    ck_assert_ptr_eq(s.result, dx_parse(ctx, "2x cos(x^2)", 11));
    char why[256] = "";
    ck_assert_msg(tu_check_default(e, s.result, "x", why, sizeof why) >= 5, "%s", why);
    dx_steps_free(&s);
    /* an earlier failure stands */
    ck_assert_int_eq(dx_steps_build(ctx, dx_parse(ctx, "x^", 2), "x", &s), DX_ESYNTAX);
    dx_ctx_free(ctx);
}
END_TEST

/* The public check: the answer's text, the derivative as shown, the verdict final. */
START_TEST(check_as_data)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_expr *f = dx_parse(ctx, "x^3", 3);
    dx_check_result r;
    ck_assert_int_eq(dx_check(ctx, f, "x", 1, "3x^3", 4, &r), DX_OK);
    ck_assert_int_eq(dx_ctx_error(ctx)->status, DX_OK);
    ck_assert(r.f == f && r.answer == dx_parse(ctx, "3x^3", 4) && r.order == 1);
    ck_assert_ptr_eq(r.derivative, dx_derivative(ctx, f, "x", 1));
    char why[256] = "";
    ck_assert_msg(tu_check_default(f, r.derivative, "x", why, sizeof why) >= 5, "%s", why);
    ck_assert_int_eq(r.eq.kind, DX_EQ_DIFFERENT);
    ck_assert(r.eq.at && dx_is_int(r.eq.at, 2) && r.eq.va && dx_is_int(r.eq.va, 24) && r.eq.vb && dx_is_int(r.eq.vb, 12));
    ck_assert_int_eq(r.slip, DX_SLIP_POWER_EXP);
    ck_assert_int_eq(dx_slip_name(r.slip), DX_M_SLIP_POWER_EXP);
    ck_assert_int_eq(dx_slip_explanation(r.slip), DX_M_SLIP_WHY_POWER_EXP);

    /* the holes: x/x is 1 but undefined at 0, which the verdict says */
    ck_assert_int_eq(dx_check(ctx, dx_parse(ctx, "x", 1), "x", 1, "x/x", 3, &r), DX_OK);
    ck_assert_int_eq(r.eq.kind, DX_EQ_UNDEFINED);
    ck_assert(r.eq.at && dx_is_int(r.eq.at, 0) && r.eq.da != r.eq.da && r.eq.vb && dx_is_int(r.eq.vb, 1));

    /* other variables held at generic values, as data */
    ck_assert_int_eq(dx_check(ctx, dx_parse(ctx, "x^2 y", 5), "x", 1, "2x", 2, &r), DX_OK);
    ck_assert_int_eq(r.eq.kind, DX_EQ_DIFFERENT);
    ck_assert_uint_eq(r.eq.nheld, 1);
    ck_assert_str_eq(r.eq.held_name[0], "y");
    ck_assert_ptr_eq(r.eq.held_value[0], dx_parse(ctx, "7/5", 3));

    /* a slip at one place of f names it; at f itself it names none */
    ck_assert_int_eq(dx_check(ctx, dx_parse(ctx, "cos(x^2) + cos(3x)", 18), "x", 1, "3sin(3x) - 2x sin(x^2)", 22, &r),
                     DX_OK);
    ck_assert(r.slip == DX_SLIP_COS_SIGN && r.slip_at == dx_parse(ctx, "cos(3x)", 7));

    /* the answer's syntax error has its place in the answer */
    ck_assert_int_eq(dx_check(ctx, f, "x", 1, "3x^", 3, &r), DX_ESYNTAX);
    ck_assert_int_ge(dx_ctx_error(ctx)->pos, 0);
    dx_ctx_free(ctx);
}
END_TEST

/* The search for the slip may run out of work; the verdict stands, and the budget left is
 * the caller's (check F F of a long F said "incorrect", then "too much work" and exit 2). */
START_TEST(slip_search_keeps_budget)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_expr *f = dx_derivative(ctx, dx_parse(ctx, "sin(x)^x*ln(x)", 14), "x", 1);
    char *text = dx_print(ctx, f, DX_PLAIN);
    ck_assert_ptr_nonnull(text);
    dx_ctx_set_work(ctx, 40000); /* the verdict takes ~3,400 units, the whole search ~110,000 */
    dx_check_result r;
    ck_assert_int_eq(dx_check(ctx, f, "x", 1, text, strlen(text), &r), DX_OK);
    ck_assert_int_eq(r.eq.kind, DX_EQ_DIFFERENT);
    ck_assert_int_eq(dx_ctx_error(ctx)->status, DX_OK);
    ck_assert_uint_lt(dx_ctx_work(ctx), 30000);
    char *d = dx_print(ctx, r.derivative, DX_PLAIN); /* the context still works */
    ck_assert_ptr_nonnull(d);
    free(d);
    free(text);
    dx_ctx_free(ctx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("check");
    TCase *tc = tcase_create("check");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, accepts_equivalent_forms, 0, sizeof accepted / sizeof accepted[0]);
    tcase_add_loop_test(tc, names_the_slip, 0, sizeof slips / sizeof slips[0]);
    tcase_add_loop_test(tc, no_slip_is_plain_diff, 0, sizeof slips / sizeof slips[0]);
    tcase_add_test(tc, wrong_without_known_slip);
    tcase_add_test(tc, equal_except_undefined);
    tcase_add_test(tc, noisy_reference);
    tcase_add_loop_test(tc, check_reads_answer, 0, sizeof read_rows / sizeof read_rows[0]);
    suite_add_tcase(s, tc);
    TCase *cl = tcase_create("cli");
    tcase_set_timeout(cl, 300);
    tcase_add_loop_test(cl, cli_golden, 0, sizeof cli_rows / sizeof cli_rows[0]);
    tcase_add_test(cl, steps_end_in_diff);
    tcase_add_test(cl, steps_follow_diff);
    tcase_add_test(cl, steps_as_data);
    tcase_add_test(cl, check_as_data);
    tcase_add_test(cl, slip_search_keeps_budget);
    suite_add_tcase(s, cl);
    return tu_main(s);
}
