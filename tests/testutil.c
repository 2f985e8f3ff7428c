/* Shared test helpers: an independent numeric oracle and a way to run the program. */
#include "testutil.h"
#include "fn.h"

#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

double tu_fixed(const char *name)
{
    double v = 0.5;
    for (const char *p = name; *p; p++)
        v += 0.137 * (unsigned char)*p;
    return fmod(v, 2.0) + 0.6; /* in [0.6, 2.6): inside every function's domain we test */
}

double tu_eval(const dx_expr *e, const char *var, double x)
{
    switch (e->kind) {
    case DX_NUM:
        return dx_num_to_double(&e->u.num);
    case DX_CONST:
        return e->fn == DX_E ? 2.718281828459045 : 3.141592653589793;
    case DX_SYM:
        return strcmp(e->u.name, var) == 0 ? x : tu_fixed(e->u.name);
    case DX_ADD: {
        double s = 0;
        for (uint32_t i = 0; i < e->n; i++)
            s += tu_eval(e->a[i], var, x);
        return s;
    }
    case DX_MUL: {
        double s = 1;
        for (uint32_t i = 0; i < e->n; i++)
            s *= tu_eval(e->a[i], var, x);
        return s;
    }
    case DX_POW: {
        double b = tu_eval(e->a[0], var, x), p = tu_eval(e->a[1], var, x);
        if (b < 0 && e->a[1]->kind == DX_NUM && !dx_num_is_int(&e->a[1]->u.num)) {
            dx_num d = dx_num_denom(&e->a[1]->u.num), n = dx_num_numer(&e->a[1]->u.num);
            int64_t q = 0, k = 0;
            bool odd = dx_num_get_int(&d, &q) && (q & 1) && dx_num_get_int(&n, &k);
            dx_num_clear(&d);
            dx_num_clear(&n);
            if (!odd)
                return NAN;
            /* a real odd root of a negative number: (-8)^(2/3) = ((-8)^(1/3))^2 = 4 */
            return (k & 1) ? -pow(-b, p) : pow(-b, p);
        }
        if (b == 0 && p < 0)
            return NAN;
        return pow(b, p);
    }
    case DX_CALL: {
        double u = tu_eval(e->a[0], var, x);
        switch (e->fn) { /* spelled out here rather than read from the table: an oracle */
        case DX_SIN: return sin(u);
        case DX_COS: return cos(u);
        case DX_TAN: return tan(u);
        case DX_COT: return cos(u) / sin(u);
        case DX_SEC: return 1 / cos(u);
        case DX_CSC: return 1 / sin(u);
        case DX_ASIN: return asin(u);
        case DX_ACOS: return acos(u);
        case DX_ATAN: return atan(u);
        case DX_SINH: return sinh(u);
        case DX_COSH: return cosh(u);
        case DX_TANH: return tanh(u);
        case DX_LN: return u > 0 ? log(u) : NAN;
        case DX_ABS: return fabs(u);
        case DX_RELU: return isnan(u) ? u : u > 0 ? u : 0; /* relu(sqrt(-1)) has no value */
        case DX_ERF: return erf(u);
        case DX_SIGMOID: return 1 / (1 + exp(-u));
        case DX_SOFTPLUS: return log(1 + exp(u));
        case DX_STEP: return u > 0 ? 1 : u < 0 ? 0 : NAN;
        case DX_SIGN: return u > 0 ? 1 : u < 0 ? -1 : NAN;
        case DX_ASINH: return log(u + sqrt(u * u + 1));
        case DX_ACOSH: return u >= 1 ? log(u + sqrt(u * u - 1)) : NAN;
        case DX_ATANH: return fabs(u) < 1 ? 0.5 * log((1 + u) / (1 - u)) : NAN;
        }
        return NAN;
    }
    case DX_GUARD: { /* the body where every condition holds */
        double s = tu_eval(e->a[0], var, x);
        for (uint32_t i = 1; i < e->n; i++)
            s += tu_eval(e->a[i], var, x);
        return s;
    }
    case DX_COND: {
        double g = tu_eval(e->a[0], var, x);
        bool ok = e->fn == DX_REL_NE0 ? g != 0 && !isnan(g) : e->fn == DX_REL_GE0 ? g >= 0 : g > 0;
        return ok ? 0 : NAN;
    }
    }
    return NAN;
}

/* Central difference with step h, then one Richardson step: error O(h^4). */
static double central(const dx_expr *f, const char *var, double x, double h)
{
    double d1 = (tu_eval(f, var, x + h) - tu_eval(f, var, x - h)) / (2 * h);
    double d2 = (tu_eval(f, var, x + h / 2) - tu_eval(f, var, x - h / 2)) / h;
    return (4 * d2 - d1) / 3;
}

int tu_check_numeric(const dx_expr *f, const dx_expr *df, const char *var, const double *pts, size_t npts,
                     char *why, size_t whylen)
{
    int compared = 0;
    for (size_t i = 0; i < npts; i++) {
        double x = pts[i];
        double h = 1e-3 * fmax(1.0, fabs(x));
        double want = central(f, var, x, h);
        double got = tu_eval(df, var, x);
        /* skip points where f is not defined or not smooth nearby (a pole, a kink, the edge
         * of a domain): two step sizes must agree before the estimate is trusted */
        double want2 = central(f, var, x, h / 4);
        if (!isfinite(want) || !isfinite(want2) || !isfinite(tu_eval(f, var, x)))
            continue;
        double scale = fmax(1.0, fabs(want));
        if (fabs(want - want2) > 1e-5 * scale)
            continue;
        /* near a pole the estimate itself is off by about |want - want2|: allow a few times
         * that, which stays far below what a wrong rule gives */
        if (!isfinite(got) || fabs(got - want) > fmax(1e-6 * scale, 4 * fabs(want - want2))) {
            snprintf(why, whylen, "at %s = %g: symbolic %.12g, numeric %.12g", var, x, got, want);
            return -1;
        }
        compared++;
    }
    return compared;
}

int tu_check_default(const dx_expr *f, const dx_expr *df, const char *var, char *why, size_t whylen)
{
    static const double pts[] = {-3.1, -2.2, -1.3, -0.7, -0.35, 0.1, 0.45, 0.8, 1.15, 1.7, 2.3, 2.9, 3.3};
    return tu_check_numeric(f, df, var, pts, sizeof pts / sizeof pts[0], why, whylen);
}

dx_ctx *tu_ctx;

void tu_setup(void)
{
    tu_ctx = dx_ctx_new();
    ck_assert_ptr_nonnull(tu_ctx);
}

void tu_teardown(void)
{
    dx_ctx_free(tu_ctx);
    tu_ctx = NULL;
}

dx_expr *tu_parse(const char *s)
{
    dx_parse_info info;
    dx_expr *e = dx_parse_ex(tu_ctx, s, strlen(s), NULL, &info);
    const dx_error *err = dx_ctx_error(tu_ctx);
    ck_assert_msg(e != NULL, "parse \"%s\" failed: %s (at %ld..%ld)", s, tu_err(tu_ctx), err->pos, err->end);
    if (info.decimals) /* as the program reads a command's formula (dx_ctx_set_decimals) */
        dx_ctx_set_decimals(tu_ctx, true);
    return e;
}

int tu_main(Suite *s)
{
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

FILE *tu_open_corpus(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", DX_CORPUS_DIR, name);
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "corpus %s not found (configure with -DDX_CORPUS_DIR=...)", path);
    return f;
}

static char *slurp_fd(int fd)
{
    size_t n = 0, cap = 4096;
    char *s = malloc(cap);
    ssize_t k;
    while (s && (k = read(fd, s + n, cap - n - 1)) > 0) {
        n += (size_t)k;
        if (cap - n < 2) {
            char *t = realloc(s, cap *= 2);
            if (!t) {
                free(s);
                return NULL;
            }
            s = t;
        }
    }
    if (s)
        s[n] = 0;
    return s;
}

int tu_run(const char *const *argv, const char *input, char **out, char **err)
{
    char tmpl_out[] = "/tmp/dfdx-test-outXXXXXX", tmpl_err[] = "/tmp/dfdx-test-errXXXXXX";
    char tmpl_in[] = "/tmp/dfdx-test-inXXXXXX";
    int fo = mkstemp(tmpl_out), fe = mkstemp(tmpl_err), fi = mkstemp(tmpl_in);
    if (fo < 0 || fe < 0 || fi < 0)
        return -1;
    if (input && write(fi, input, strlen(input)) < 0)
        return -1;
    lseek(fi, 0, SEEK_SET);
    unlink(tmpl_out);
    unlink(tmpl_err);
    unlink(tmpl_in);
    size_t n = 0;
    while (argv[n])
        n++;
    const char **args = calloc(n + 2, sizeof *args);
    args[0] = DX_CLI;
    memcpy(args + 1, argv, n * sizeof *args);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fi, 0);
        dup2(fo, 1);
        dup2(fe, 2);
        execv(DX_CLI, (char *const *)args);
        _exit(127);
    }
    free(args);
    int status = 0;
    waitpid(pid, &status, 0);
    lseek(fo, 0, SEEK_SET);
    lseek(fe, 0, SEEK_SET);
    *out = slurp_fd(fo);
    *err = slurp_fd(fe);
    close(fo);
    close(fe);
    close(fi);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

const char *tu_err(dx_ctx *ctx)
{
    static char buf[1024];
    char *t = dx_ctx_error(ctx)->status == DX_OK ? NULL : dx_ctx_errmsg(ctx, DX_PLAIN);
    snprintf(buf, sizeof buf, "%s", t ? t : "");
    free(t);
    return buf;
}
