/* Exact rational numbers: the small path, the GMP path, and the way between them. */
#include "num.h"
#include "testutil.h"
#include <check.h>
#include <stdlib.h>
#include <string.h>

static char *str_of(dx_num a)
{
    char *s = dx_num_str(&a);
    dx_num_clear(&a);
    return s;
}

static void want(dx_num a, const char *expect, const char *what)
{
    char *s = str_of(a);
    ck_assert_msg(strcmp(s, expect) == 0, "%s: got %s, want %s", what, s, expect);
    free(s);
}

static const struct { const char *text, *want; } parse_rows[] = {
    {"3", "3"}, {"0.5", "1/2"}, {".5", "1/2"}, {"1e-3", "1/1000"}, {"2.5E+4", "25000"},
    {"3.7", "37/10"}, {"0.25", "1/4"}, {"007", "7"}, {"1e0", "1"}, {"12345678901234567890123", "12345678901234567890123"},
    {"1.5e-30", "3/2000000000000000000000000000000"},
    /* around the int64 fast path: 18 digits and 10^18 in it, more through GMP */
    {"123456789012345678", "123456789012345678"}, {"1234567890123456789", "1234567890123456789"},
    {"1e18", "1000000000000000000"}, {"9e18", "9000000000000000000"}, {"10e18", "10000000000000000000"},
    {"1e19", "10000000000000000000"}, {"92233720368547758.08e2", "9223372036854775808"},
    {"0.000", "0"}, {"0e5", "0"}, {"2.50", "5/2"}, {"1e-18", "1/1000000000000000000"},
    {"1.2e-18", "3/2500000000000000000"}, {"5e-19", "1/2000000000000000000"},
    {"0.123456789012345678", "61728394506172839/500000000000000000"},
};

START_TEST(parse_decimal)
{
    dx_num v;
    ck_assert_msg(dx_num_parse(&v, parse_rows[_i].text, strlen(parse_rows[_i].text)), "%s", parse_rows[_i].text);
    want(v, parse_rows[_i].want, parse_rows[_i].text);
}
END_TEST

START_TEST(parse_limits)
{
    dx_num v;
    ck_assert(!dx_num_parse(&v, "1e100000", 8));
    ck_assert(!dx_num_parse(&v, "1e-100000", 9));
}
END_TEST

START_TEST(arithmetic_small_and_big)
{
    dx_num a = dx_num_frac(1, 3), b = dx_num_frac(1, 6);
    want(dx_num_add(&a, &b), "1/2", "1/3 + 1/6");
    want(dx_num_sub(&a, &b), "1/6", "1/3 - 1/6");
    want(dx_num_mul(&a, &b), "1/18", "1/3 * 1/6");
    want(dx_num_div(&a, &b), "2", "(1/3) / (1/6)");
    /* overflow of int64 moves to GMP, and back when the value fits again */
    dx_num big = dx_num_int(INT64_MAX), one = dx_num_int(1);
    dx_num s = dx_num_add(&big, &one);
    ck_assert_ptr_nonnull(s.z);
    want(dx_num_copy(&s), "9223372036854775808", "INT64_MAX + 1");
    dx_num back = dx_num_sub(&s, &one);
    ck_assert_ptr_null(back.z);
    ck_assert(dx_num_eq(&back, &big));
    dx_num_clear(&s);
    dx_num m = dx_num_int(INT64_MIN + 1), m1 = dx_num_int(-1);
    dx_num mm = dx_num_add(&m, &m1); /* INT64_MIN is kept big: its negation would overflow */
    want(dx_num_neg(&mm), "9223372036854775808", "-(INT64_MIN)");
    dx_num_clear(&mm);
}
END_TEST

START_TEST(powers_and_roots)
{
    dx_num r, two = dx_num_int(2), half = dx_num_frac(1, 2), f = dx_num_frac(8, 27);
    ck_assert(dx_num_pow_int(&r, &two, 100));
    want(r, "1267650600228229401496703205376", "2^100");
    ck_assert(dx_num_pow_int(&r, &half, -3));
    want(r, "8", "(1/2)^-3");
    ck_assert(dx_num_root(&r, &f, 3));
    want(r, "2/3", "cbrt(8/27)");
    ck_assert(!dx_num_root(&r, &two, 2));
    dx_num zero = dx_num_int(0);
    ck_assert(!dx_num_pow_int(&r, &zero, -1));
    ck_assert(!dx_num_pow_int(&r, &two, 100000000)); /* too large to be useful */
}
END_TEST

START_TEST(compare_and_hash)
{
    dx_num a = dx_num_frac(2, 4), b = dx_num_frac(1, 2), c = dx_num_frac(-1, 3);
    ck_assert(dx_num_eq(&a, &b));
    ck_assert_uint_eq(dx_num_hash(&a), dx_num_hash(&b));
    ck_assert_int_eq(dx_num_cmp(&c, &a), -1);
    ck_assert_int_eq(dx_num_sign(&c), -1);
    ck_assert(!dx_num_is_int(&c));
    ck_assert(dx_num_to_double(&c) == -1.0 / 3.0);
    dx_num big;
    ck_assert(dx_num_parse(&big, "100000000000000000000", 21));
    dx_num small = dx_num_int(7);
    ck_assert_int_eq(dx_num_cmp(&small, &big), -1);
    dx_num_clear(&big);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("num");
    TCase *tc = tcase_create("num");
    tcase_add_loop_test(tc, parse_decimal, 0, sizeof parse_rows / sizeof parse_rows[0]);
    tcase_add_test(tc, parse_limits);
    tcase_add_test(tc, arithmetic_small_and_big);
    tcase_add_test(tc, powers_and_roots);
    tcase_add_test(tc, compare_and_hash);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
