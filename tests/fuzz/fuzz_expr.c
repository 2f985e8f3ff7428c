/* libFuzzer harness: arbitrary bytes through parse, diff, simplify, print and evaluation. */
#include "dfdx.h"
#include "eval.h"
#include "expr.h"
#include "simplify.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* New nodes one derivative may build, like the CLI's bound per derivative (cmd_diff.c): past it
 * a derivative fails with DX_ELIMIT, so the fuzzer looks for bugs, not for the legitimate
 * exponential growth of high derivatives. */
#define FUZZ_NODES ((size_t)200 * 1000)
/* Longer inputs only slow the fuzzer down; the parser's own limits are tested elsewhere. */
#define FUZZ_MAX_LEN 512

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input being run, for the failure message. */
/* The context's error as plain text, in a buffer the next call reuses. */
static const char *tu_err(dx_ctx *ctx)
{
    static char buf[1024];
    char *t = dx_ctx_error(ctx)->status == DX_OK ? NULL : dx_ctx_errmsg(ctx, DX_PLAIN);
    snprintf(buf, sizeof buf, "%s", t ? t : "");
    free(t);
    return buf;
}

static const uint8_t *fuzz_in;
static size_t fuzz_len;

/* A failed promise: say what broke; the fuzzer aborts (so libFuzzer saves the input), the
 * regression suite (tests/test_fuzz.c defines DX_FUZZ_CHECK) fails the test. */
static void broken(const char *what, const char *a, const char *b)
{
#ifdef DX_FUZZ_CHECK
    ck_abort_msg("input \"%.*s\": %s: %s | %s", (int)fuzz_len, (const char *)fuzz_in, what, a ? a : "(null)",
                 b ? b : "(null)");
#else
    fprintf(stderr, "FUZZ: input \"%.*s\": %s\n  %s\n  %s\n", (int)fuzz_len, (const char *)fuzz_in, what,
            a ? a : "(null)", b ? b : "(null)");
    abort();
#endif
}

/* A failure must leave an error on the context; only the budget, a domain error found while
 * building, or no memory may stop the pipeline on valid input. */
static void want_error(dx_ctx *ctx, const char *what)
{
    const dx_error *err = dx_ctx_error(ctx);
    if (err->status == DX_OK || tu_err(ctx)[0] == 0)
        broken("NULL result without an error", what, tu_err(ctx));
    if (err->status == DX_ESYNTAX || err->status == DX_EUSAGE)
        broken("unexpected error kind", what, tu_err(ctx));
}

/* Does LaTeX text t balance its braces and its \left ... \right pairs? */
static bool latex_balanced(const char *t)
{
    long braces = 0, lefts = 0;
    for (const char *c = t; *c; c++) {
        braces += *c == '{' ? 1 : *c == '}' ? -1 : 0;
        if (braces < 0)
            return false;
        if (strncmp(c, "\\left", 5) == 0)
            lefts++;
        else if (strncmp(c, "\\right", 6) == 0 && --lefts < 0)
            return false;
    }
    return braces == 0 && lefts == 0;
}

/* Plain print reads back as the same node, which prints as itself; LaTeX prints balanced; e
 * is not NULL. A domain guard prints as its body (x^0 is 1 where x is not 0): the text gives
 * back the body. */
static void round_trip(dx_ctx *ctx, dx_expr *e)
{
    char *p = dx_print(ctx, e, DX_PLAIN);
    char *t = dx_print(ctx, e, DX_LATEX);
    if (!p || !t) {
        const dx_error *err = dx_ctx_error(ctx);
        if (err->status == DX_ELIMIT) { /* a DAG too large to print as a tree: refused, fine */
            free(p);
            free(t);
            return;
        }
        broken("print returned NULL", p ? p : t, tu_err(ctx));
    }
    if (!latex_balanced(t))
        broken("unbalanced LaTeX", p, t);
    dx_expr *back = dx_parse(ctx, p, strlen(p));
    char *q = back ? dx_print(ctx, back, DX_PLAIN) : NULL;
    if (!q || strcmp(q, p) != 0)
        broken("plain print does not read back as itself", p, back ? q : tu_err(ctx));
    if (dx_body(back) != dx_body(e)) /* two nodes that print alike: one value, two forms */
        broken("plain print reads back as another node", p, q);
    free(q);
    /* the same text while an earlier error is pending */
    if (!dx_parse(ctx, "(", 1)) {
        char *again = dx_print(ctx, e, DX_PLAIN);
        if (!again || strcmp(again, p) != 0)
            broken("print differs while an error is pending", p, again);
        free(again);
    }
    free(p);
    free(t);
}

/* Points in a batch and one at a time (in the mode set on p) must agree bit for bit, and a
 * domain error must come with a message. */
static void evaluate_mode(dx_ctx *ctx, dx_prog *p, size_t nv)
{
    static const double pts[] = {0.0, 0.5, -1.25, 2.0, 1e-3, -7.5};
    enum { NP = sizeof pts / sizeof pts[0] };
    double colv[8][NP], batch[NP];
    const double *cols[8];
    for (size_t k = 0; k < nv; k++) {
        for (size_t i = 0; i < NP; i++)
            colv[k][i] = pts[(i + k) % NP];
        cols[k] = colv[k];
    }
    size_t bad = dx_prog_eval_n(p, NP, cols, batch), nbad = 0;
    for (size_t i = 0; i < NP; i++) {
        double vals[8], one;
        for (size_t k = 0; k < nv; k++)
            vals[k] = colv[k][i];
        dx_ctx_clear_error(ctx);
        dx_status st = dx_prog_eval(p, ctx, vals, &one);
        if (st == DX_OK) {
            if (!isfinite(one) || memcmp(&one, &batch[i], sizeof one) != 0)
                broken("dx_prog_eval and dx_prog_eval_n disagree", "", "");
        } else {
            nbad++;
            if (st != DX_EDOMAIN || tu_err(ctx)[0] == 0 || !isnan(batch[i]))
                broken("domain error without a message or a NaN", tu_err(ctx), "");
        }
    }
    if (nbad != bad)
        broken("dx_prog_eval_n miscounts the points outside the domain", "", "");
    dx_ctx_clear_error(ctx); /* the first error is kept: a stale one would hide the next */
}

/* Compile over the variables and evaluate at a few points, in libm and in fast mode. */
static void evaluate(dx_ctx *ctx, dx_expr *e, const char **vars, size_t nv)
{
    dx_prog *p = dx_compile(ctx, e, vars, nv);
    if (!p) {
        want_error(ctx, "compile");
        return;
    }
    evaluate_mode(ctx, p, nv);
    if (dx_prog_set_fast(p, true))
        evaluate_mode(ctx, p, nv);
    dx_prog_free(p);
}

/* Round trip, then evaluation, of one result of the pipeline. */
static void exercise(dx_ctx *ctx, dx_expr *e, const char **vars, size_t nv)
{
    dx_ctx_clear_error(ctx);
    round_trip(ctx, e);
    evaluate(ctx, e, vars, nv);
}

/* The next derivative of d within the node budget, simplified or not; NULL (with an error
 * that the budget or a domain may explain) when it cannot be built. */
static dx_expr *derive(dx_ctx *ctx, dx_expr *d, const char *var, bool simplify)
{
    dx_ctx_set_budget(ctx, dx_node_count(ctx) + FUZZ_NODES);
    dx_expr *r = dx_diff(ctx, d, var, 1);
    dx_ctx_set_budget(ctx, DX_DEFAULT_BUDGET);
    if (!r) {
        want_error(ctx, simplify ? "diff of simplified" : "diff");
        return NULL;
    }
    return simplify ? dx_simplify(ctx, r) : r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_LEN)
        return 0;
    fuzz_in = data;
    fuzz_len = size;
    dx_ctx *ctx = dx_ctx_new();
    if (!ctx)
        return 0;
    dx_expr *e = dx_parse(ctx, (const char *)data, size);
    if (!e) {
        const dx_error *err = dx_ctx_error(ctx);
        if (err->status == DX_OK || tu_err(ctx)[0] == 0)
            broken("parse failed without a message", "", "");
        if (err->pos > (long)size || err->end > (long)size || err->end < err->pos)
            broken("parse error outside the text", tu_err(ctx), "");
        dx_ctx_free(ctx);
        return 0;
    }
    const char **names;
    size_t nv = dx_vars(ctx, e, &names);
    const char *vars[8];
    if (nv > 8) { /* not worth a heap array: few inputs have so many */
        dx_ctx_free(ctx);
        return 0;
    }
    memcpy(vars, names, nv * sizeof *vars);
    const char *var = nv ? vars[0] : "x";

    exercise(ctx, e, vars, nv);
    dx_expr *s = dx_simplify(ctx, e);
    if (!s)
        broken("dx_simplify returned NULL", "", "");
    exercise(ctx, s, vars, nv);
    /* orders 1 and 2, raw and simplified after each order as the CLI does */
    dx_expr *d = e, *ds = e;
    for (int k = 0; k < 2 && d && ds; k++) {
        if ((d = derive(ctx, d, var, false)))
            exercise(ctx, d, vars, nv);
        if ((ds = derive(ctx, ds, var, true)))
            exercise(ctx, ds, vars, nv);
    }
    dx_ctx_free(ctx);
    return 0;
}
