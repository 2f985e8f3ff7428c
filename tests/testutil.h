/* Shared test helpers: an independent numeric oracle and a way to run the program. */
#ifndef DX_TESTUTIL_H
#define DX_TESTUTIL_H

#include "dfdx.h"
#include "expr.h"

#include <stdbool.h>
#include <stddef.h>
#include <check.h>
#include <stdio.h>

/* Value of e with var = x and every other variable at a fixed value of its own (so partial
 * derivatives can be checked too). A tree walk over the nodes, independent of the library's
 * compiled evaluator. NaN outside the real domain. */
double tu_eval(const dx_expr *e, const char *var, double x);
/* The other variables' fixed value, for tests that need to know it. */
double tu_fixed(const char *name);

/* Compare df with a central-difference estimate of f' (Richardson-extrapolated) at each
 * point where f is defined and smooth. Returns the number of points compared (so a test can
 * insist that enough were), or -1 with a description in why (size whylen) on a mismatch. */
int tu_check_numeric(const dx_expr *f, const dx_expr *df, const char *var, const double *pts, size_t npts,
                     char *why, size_t whylen);
/* The same at a default spread of points: -3.1 .. 3.3 and 0.1 .. 2.9 (the positive ones
 * let ln, sqrt and x^x be checked). */
int tu_check_default(const dx_expr *f, const dx_expr *df, const char *var, char *why, size_t whylen);

/* A corpus of the benchmark corpora, found in DX_CORPUS_DIR (a CMake cache variable: by
 * default ../shared/bench/corpora beside the checkout, as in CI). Never NULL: a missing
 * corpus fails the test. */
FILE *tu_open_corpus(const char *name);

/* The context of a suite's fixture: tu_setup makes it before each test, tu_teardown frees it
 * after (tcase_add_checked_fixture(tc, tu_setup, tu_teardown)). */
extern dx_ctx *tu_ctx;
void tu_setup(void);
void tu_teardown(void);
/* The context's error as plain text ("" when there is none), in a buffer that the next call
 * reuses. */
const char *tu_err(dx_ctx *ctx);
/* s parsed in tu_ctx; a parse error fails the test, naming s, the message and its place. s
 * typed with decimals makes tu_ctx print with them for the rest of the test, as the program
 * does for the command whose formula it is. */
dx_expr *tu_parse(const char *s);

/* Run suite s (and free it); the process's exit status: 0 when every check passed. */
int tu_main(Suite *s);

/* Run the dfdx program with argv (NULL-terminated, without argv[0]) and stdin text (may be
 * NULL). Output and error text are malloc'd into *out and *err. Returns the exit status. */
int tu_run(const char *const *argv, const char *input, char **out, char **err);

#endif
