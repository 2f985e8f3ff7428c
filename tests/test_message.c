/* Messages, errors and text: ids with arguments filled in, one error convention, the buffer and
 * the JSON writer. */
#include "expr.h"
#include "testutil.h"
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* the API as a user calls it, not the library's internal twins (expr.h) */
#undef dx_diff
#undef dx_simplify
#undef dx_compile
#undef dx_prog_eval
#undef dx_vars

static void want_text(dx_msg m, dx_format fmt, const char *expect)
{
    char *s = dx_msg_text(tu_ctx, &m, fmt);
    ck_assert_msg(s && strcmp(s, expect) == 0, "got '%s', want '%s'", s ? s : "(null)", expect);
    free(s);
}

START_TEST(templates_filled_in)
{
    dx_expr *half = tu_parse("1/2");
    want_text(DX_MSG(DX_M_DIV_ZERO), DX_PLAIN, "division by zero");
    want_text(DX_MSG(DX_M_UNDEF_POS, DX_S("ln"), DX_E(tu_parse("-3/2"))), DX_PLAIN,
              "ln is undefined at -3/2 (it needs a positive number)");
    /* an expression is printed in the format asked for */
    want_text(DX_MSG(DX_M_UNDEF_POS, DX_S("ln"), DX_E(half)), DX_LATEX,
              "ln is undefined at \\frac{1}{2} (it needs a positive number)");
    /* numbers in the one number format: shortest, no -0, no 1e+03 */
    want_text(DX_MSG(DX_M_NOT_FINITE, DX_D(0.1)), DX_PLAIN, "the value 0.1 is not a finite number");
    want_text(DX_MSG(DX_M_NOT_FINITE, DX_D(1000)), DX_PLAIN, "the value 1000 is not a finite number");
    want_text(DX_MSG(DX_M_NOT_FINITE, DX_D(-0.0)), DX_PLAIN, "the value 0 is not a finite number");
    want_text(DX_MSG(DX_M_NESTED_LIMIT, DX_I(1000)), DX_PLAIN, "expression nested too deeply (limit 1000)");
    /* a missing argument is empty, never garbage */
    want_text(DX_MSG(DX_M_NO_VALUE), DX_PLAIN, "no value for ");
    for (int id = 0; id < DX_NMESSAGES; id++)
        ck_assert_ptr_nonnull(dx_msg_template((dx_msg_id)id));
    ck_assert_str_eq(dx_msg_template(DX_NMESSAGES), "");
}
END_TEST

static const char *shout(const char *english)
{
    return strcmp(english, "division by zero") == 0 ? "DIVISION BY ZERO" : strcmp(english, "no value for {0}") == 0 ? "{0}: no value" : NULL;
}

START_TEST(translator_replaces_templates)
{
    dx_set_translator(shout);
    want_text(DX_MSG(DX_M_DIV_ZERO), DX_PLAIN, "DIVISION BY ZERO");
    want_text(DX_MSG(DX_M_NO_VALUE, DX_S("y")), DX_PLAIN, "y: no value");
    /* no translation: English, never an empty line */
    want_text(DX_MSG(DX_M_EMPTY), DX_PLAIN, "empty expression");
    dx_set_translator(NULL);
    want_text(DX_MSG(DX_M_DIV_ZERO), DX_PLAIN, "division by zero");
}
END_TEST

/* A rule like Korean's: one form for every count. */
static const char *one_form(const char *one, const char *many, unsigned long n)
{
    return strcmp(one, "  after {0} step") == 0 ? "  {0}단계 후" : NULL;
}

START_TEST(plural_rows_pick_their_form)
{
    /* English: the count argument picks the singular for 1, the plural otherwise */
    want_text(DX_MSG(DX_M_DESCEND_AFTER, DX_I(1)), DX_PLAIN, "  after 1 step");
    want_text(DX_MSG(DX_M_DESCEND_AFTER, DX_I(0)), DX_PLAIN, "  after 0 steps");
    want_text(DX_MSG(DX_M_ARITY, DX_S("sin"), DX_I(1)), DX_PLAIN, "sin takes 1 argument");
    want_text(DX_MSG(DX_M_ARITY, DX_S("log"), DX_I(2)), DX_PLAIN, "log takes 2 arguments");
    ck_assert_str_eq(dx_msg_template(DX_M_DESCEND_AFTER), "  after {0} step");
    /* the plural translator sees both English forms and the count; the plain one is not asked */
    dx_set_plural_translator(one_form);
    dx_set_translator(shout);
    want_text(DX_MSG(DX_M_DESCEND_AFTER, DX_I(1)), DX_PLAIN, "  1단계 후");
    want_text(DX_MSG(DX_M_DESCEND_AFTER, DX_I(7)), DX_PLAIN, "  7단계 후");
    /* no translation: English's own form */
    want_text(DX_MSG(DX_M_ARITY, DX_S("log"), DX_I(2)), DX_PLAIN, "log takes 2 arguments");
    dx_set_plural_translator(NULL);
    dx_set_translator(NULL);
    want_text(DX_MSG(DX_M_DESCEND_AFTER, DX_I(7)), DX_PLAIN, "  after 7 steps");
}
END_TEST

/* Columns on a terminal: Hangul two wide, so Korean tables line up. */
START_TEST(text_width_counts_columns)
{
    ck_assert_uint_eq(dx_text_width("step", 4), 4);
    ck_assert_uint_eq(dx_text_width("x² + 한", strlen("x² + 한")), 7);
    ck_assert_uint_eq(dx_text_width("학습률", strlen("학습률")), 6);
    dx_buf b = {0};
    dx_buf_pad(&b, "손실", 6);
    dx_buf_putc(&b, '|');
    dx_buf_pad(&b, "수렴", -6);
    dx_buf_putc(&b, '|');
    dx_buf_pad(&b, "converged", 4); /* wider than the column: as it is */
    char *s = dx_buf_take(&b);
    ck_assert_str_eq(s, "  손실|수렴  |converged");
    free(s);
}
END_TEST

/* One convention: a failed call leaves its error; the next call starts clean. */
START_TEST(errors_belong_to_the_last_call)
{
    ck_assert_ptr_null(dx_parse(tu_ctx, "x +", 3));
    const dx_error *err = dx_ctx_error(tu_ctx);
    ck_assert_int_eq(err->status, DX_ESYNTAX);
    ck_assert_int_eq(err->msg.id, DX_M_UNEXPECTED_END);
    char *s = dx_ctx_errmsg(tu_ctx, DX_PLAIN);
    ck_assert_str_eq(s, "unexpected end of input");
    free(s);
    dx_expr *e = dx_parse(tu_ctx, "x^2", 3);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->status, DX_OK);
    /* a domain error of an evaluation, then a good evaluation */
    const char *x = "x";
    dx_prog *p = dx_compile(tu_ctx, tu_parse("ln(x)"), &x, 1);
    double v = -1, out;
    ck_assert_int_eq(dx_prog_eval(p, tu_ctx, &v, &out), DX_EDOMAIN);
    ck_assert_str_eq(tu_err(tu_ctx), "ln is undefined at -1 (it needs a positive number)");
    v = 1;
    ck_assert_int_eq(dx_prog_eval(p, tu_ctx, &v, &out), DX_OK);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->status, DX_OK);
    dx_prog_free(p);
    /* NULL in (an earlier call failed): its error stands */
    ck_assert_ptr_null(dx_parse(tu_ctx, "1/0", 3));
    ck_assert_ptr_null(dx_diff(tu_ctx, NULL, "x", 1));
    ck_assert_ptr_null(dx_simplify(tu_ctx, NULL));
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->msg.id, DX_M_DIV_ZERO);
}
END_TEST

/* A string argument is the context's copy: the caller's buffer may be gone. */
START_TEST(string_arguments_are_copied)
{
    char name[8] = "zq";
    dx_fail(tu_ctx, DX_EUSAGE, -1, -1, DX_M_NO_VALUE, DX_S(name));
    strcpy(name, "XX");
    ck_assert_str_eq(tu_err(tu_ctx), "no value for zq");
    dx_ctx_clear_error(tu_ctx);
}
END_TEST

/* dx_vars' list stays valid until the context is freed, whatever is called after. */
START_TEST(vars_stay_valid)
{
    const char **a, **b;
    ck_assert_uint_eq(dx_vars(tu_ctx, tu_parse("w*x + b"), &a), 3);
    ck_assert_uint_eq(dx_vars(tu_ctx, tu_parse("y"), &b), 1);
    ck_assert_str_eq(a[0], "b");
    ck_assert_str_eq(a[1], "w");
    ck_assert_str_eq(a[2], "x");
    ck_assert_str_eq(b[0], "y");
}
END_TEST

START_TEST(buffer_and_json)
{
    dx_buf b = {0};
    dx_buf_puts(&b, "{");
    dx_json_key(&b, "a", true);
    dx_json_str(&b, "q\"\\\n\x01");
    dx_json_key(&b, "n", false);
    dx_json_num(&b, 0.1);
    dx_json_key(&b, "inf", false);
    dx_json_num(&b, INFINITY);
    dx_buf_printf(&b, ", \"k\": %d}", 7);
    char *s = dx_buf_take(&b);
    ck_assert_str_eq(s, "{\"a\": \"q\\\"\\\\\\n\\u0001\", \"n\": 0.1, \"inf\": null, \"k\": 7}");
    free(s);
    /* nothing written: an empty string, not NULL */
    s = dx_buf_take(&b);
    ck_assert_str_eq(s, "");
    free(s);
    /* past the limit: refused as a whole */
    dx_buf big = {.limit = 100};
    for (int i = 0; i < 50; i++)
        dx_buf_puts(&big, "abc");
    ck_assert(big.oom);
    ck_assert_ptr_null(dx_buf_take(&big));
    /* a long printf goes past the small stack buffer */
    dx_buf_printf(&b, "%0300d", 5);
    ck_assert_uint_eq(b.n, 300);
    dx_buf_free(&b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("message");
    TCase *tc = tcase_create("message");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_add_test(tc, templates_filled_in);
    tcase_add_test(tc, translator_replaces_templates);
    tcase_add_test(tc, plural_rows_pick_their_form);
    tcase_add_test(tc, text_width_counts_columns);
    tcase_add_test(tc, errors_belong_to_the_last_call);
    tcase_add_test(tc, string_arguments_are_copied);
    tcase_add_test(tc, vars_stay_valid);
    tcase_add_test(tc, buffer_and_json);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
