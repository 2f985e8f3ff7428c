/* dfdx-bench: the project's benchmark program, one of the systems compared by
 * ../shared/bench/compare.sh.  It prints the same BENCH/NOTE/CHECK lines as the peers there.
 *
 *   dfdx-bench diff|grad|swell|eval|roots|extrema|critical2|critical3 CORPUS_FILE [--dump | --dump-simplified]
 *
 * diff   parse, differentiate by x, print; per line of the corpus
 * grad   parse, then d/dw, d/dx, d/dy, each printed
 * swell  the n-th derivative of each seed, n = 1 .. BENCH_SWELL_MAX (a separate BENCH line
 *        per order); stops raising n after an order slower than BENCH_SWELL_CAP seconds
 * eval   each derivative compiled once (untimed), evaluated in batch over the grid of
 *        points.txt; CHECK line with the sum of f'(x) over the check grid
 * roots  each line a polynomial in x, parsed and expanded once (untimed); timed: f' and all
 *        its real roots (the critical points), isolated exactly and refined to doubles.
 *        out_chars counts the roots with multiplicity (as PARI's polrootsreal lists them);
 *        --dump prints "INDEX COUNT ROOT..." per line, each root repeated per multiplicity
 * extrema  each line a function of x (not a polynomial: the grid search), parsed and searched
 *        on [-10, 10] as `dfdx extrema` does: critical points classified, inflection points,
 *        global min and max.  out_chars counts the critical points; --dump prints them
 * critical2  each line a polynomial in x and y (bench/gen_polys2.py): every real critical
 *        point by dx_extrema2, certified; out_chars counts them; --dump "INDEX COUNT US"
 * critical3  the same in x, y and z (bench/gen_polys2.py --three)
 *
 * Only the loop is timed (monotonic clock), best of BENCH_REPS; a repetition slower than
 * BENCH_MAX_S ends the series.  Each repetition makes a fresh context (the arena), and its
 * making and freeing are inside the time.  A failing item is counted, never fatal.
 * --dump prints each result instead of timing (one repetition, for comparing outputs);
 * --dump-simplified (diff, grad) prints the dfdx-simplify form instead: the program's. */
#include "dfdx.h"
#include "dfdx/extrema.h"
#include "expr.h"
#include "eval.h"
#include "poly.h"
#include "simplify.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SYSTEM "dfdx"

/* --- small helpers: clock, knobs, corpus ------------------------------------------------ */

/* The context's error as text, in a buffer the next call reuses. */
static const char *errtext(dx_ctx *ctx)
{
    static char buf[512];
    char *t = dx_ctx_errmsg(ctx, DX_PLAIN);
    snprintf(buf, sizeof buf, "%s", t ? t : "out of memory");
    free(t);
    return buf;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double knob(const char *name, double fallback)
{
    const char *s = getenv(name);
    return s && *s ? atof(s) : fallback;
}

static int reps(void)
{
    int r = (int)knob("BENCH_REPS", 3);
    return r < 1 ? 1 : r;
}

typedef struct {
    char **line;
    size_t *len;
    int n;
} corpus;

/* Every non-empty line not starting with '#', trailing blanks and line ends removed. */
static corpus read_corpus(const char *path)
{
    corpus c = {NULL, NULL, 0};
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "dfdx-bench: cannot open %s\n", path);
        exit(2);
    }
    char *buf = NULL;
    size_t cap = 0;
    int room = 0;
    ssize_t len;
    while ((len = getline(&buf, &cap, f)) >= 0) {
        while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r' || buf[len - 1] == ' '))
            buf[--len] = 0;
        if (len == 0 || buf[0] == '#')
            continue;
        if (c.n == room) {
            room = room ? 2 * room : 256;
            c.line = realloc(c.line, (size_t)room * sizeof *c.line);
            c.len = realloc(c.len, (size_t)room * sizeof *c.len);
            if (!c.line || !c.len) {
                fprintf(stderr, "dfdx-bench: out of memory\n");
                exit(2);
            }
        }
        c.line[c.n] = strdup(buf);
        c.len[c.n++] = (size_t)len;
    }
    free(buf);
    fclose(f);
    return c;
}

/* "dir/textbook.txt" -> "textbook" */
static const char *corpus_name(const char *path)
{
    static char name[256];
    const char *base = strrchr(path, '/');
    snprintf(name, sizeof name, "%s", base ? base + 1 : path);
    char *dot = strrchr(name, '.');
    if (dot)
        *dot = 0;
    return name;
}

static void bench_line(const char *corpus_nm, const char *task, const char *sys, long n, double secs, long chars,
                       long failures)
{
    printf("BENCH corpus=%s task=%s system=%s n=%ld ns_per_item=%.1f out_chars=%ld failures=%ld\n", corpus_nm, task,
           sys, n, n ? secs * 1e9 / (double)n : NAN, chars, failures);
    fflush(stdout);
}

/* --- the timed work ---------------------------------------------------------------------- */

typedef struct {
    long chars, failures;
} counts;

typedef struct {
    const corpus *c;
    const char *const *vars; /* NULL-terminated: one derivative each */
    unsigned order;
    bool simplify;           /* as the dfdx program prints: dx_simplify after each order */
    FILE *dump;              /* print results here instead of only counting them */
} job;

/* One repetition: a fresh context, every line parsed, differentiated, printed. */
static counts run(const job *j)
{
    counts k = {0, 0};
    dx_ctx *ctx = dx_ctx_new();
    if (!ctx) {
        k.failures = j->c->n;
        return k;
    }
    for (int i = 0; i < j->c->n; i++) {
        /* each line its own work budget, as the program gives each command: the context's
         * one budget would stop every line after the first few hundred */
        dx_ctx_set_work(ctx, DX_DEFAULT_WORK);
        dx_expr *e = dx_parse(ctx, j->c->line[i], j->c->len[i]);
        for (const char *const *v = j->vars; *v; v++) {
            dx_expr *d = e;
            for (unsigned o = 0; d && o < j->order; o++) {
                d = dx_diff(ctx, d, *v, 1);
                if (j->simplify)
                    d = dx_simplify(ctx, d);
            }
            char *s = d ? dx_print(ctx, d, DX_PLAIN) : NULL;
            if (s) {
                k.chars += (long)strlen(s);
                if (j->dump)
                    fprintf(j->dump, "%s\n", s);
                free(s);
            } else {
                k.failures++;
                if (j->dump)
                    fprintf(j->dump, "! %s\n", errtext(ctx));
                dx_ctx_clear_error(ctx);
            }
        }
        if (!e)
            dx_ctx_clear_error(ctx);
    }
    dx_ctx_free(ctx);
    return k;
}

/* Best of BENCH_REPS repetitions (fewer after one slower than BENCH_MAX_S); seconds. */
static double best_of_fn(counts (*rep)(const void *arg), const void *arg, counts *out)
{
    double best = INFINITY, max_s = knob("BENCH_MAX_S", 60);
    int want = reps(), done = 0;
    while (done < want) {
        double t0 = now();
        *out = rep(arg);
        double t = now() - t0;
        done++;
        if (t < best)
            best = t;
        if (t > max_s)
            break;
    }
    if (done < want)
        printf("NOTE reps=%d (one repetition took %.1f s > BENCH_MAX_S)\n", done, best);
    return best;
}

static counts run_job(const void *j) { return run(j); }

static double best_of(const job *j, counts *out) { return best_of_fn(run_job, j, out); }

/* --- eval -------------------------------------------------------------------------------- */

/* One key of points.txt, next to the corpus file. */
static double point_conf(const char *corpus_path, const char *key)
{
    char path[4096];
    const char *slash = strrchr(corpus_path, '/');
    int dirlen = slash ? (int)(slash - corpus_path) + 1 : 0;
    snprintf(path, sizeof path, "%.*spoints.txt", dirlen, corpus_path);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "dfdx-bench: cannot open %s\n", path);
        exit(2);
    }
    char line[512];
    double v = NAN;
    size_t klen = strlen(key);
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, klen) == 0 && line[klen] == '=')
            v = atof(line + klen + 1);
    fclose(f);
    if (isnan(v)) {
        fprintf(stderr, "dfdx-bench: points.txt lacks %s\n", key);
        exit(2);
    }
    return v;
}

static double *grid(const char *corpus_path, size_t count)
{
    double lo = point_conf(corpus_path, "lo"), hi = point_conf(corpus_path, "hi");
    double *xs = malloc(count * sizeof *xs);
    if (!xs) {
        fprintf(stderr, "dfdx-bench: out of memory\n");
        exit(2);
    }
    for (size_t i = 0; i < count; i++)
        xs[i] = lo + (hi - lo) * (double)i / (double)(count - 1);
    return xs;
}

/* Points per dx_prog_eval_n call: the results stay in cache for the sum, as a caller that
 * uses them as they come (a plot, a reduction) would do, instead of streaming megabytes out. */
#define EVAL_CHUNK 4096

/* Sum of prog over xs, evaluated in batches of EVAL_CHUNK into out. */
static double eval_sum(dx_prog *p, const double *xs, size_t n, double *out)
{
    /* four running sums, as np.sum is pairwise: one chain of dependent adds would cost more
     * per point than the simplest derivatives */
    double s[4] = {0, 0, 0, 0};
    for (size_t base = 0; base < n; base += EVAL_CHUNK) {
        size_t m = n - base < EVAL_CHUNK ? n - base : EVAL_CHUNK, i = 0;
        const double *cols[1] = {xs + base};
        dx_prog_eval_n(p, m, cols, out);
        for (; i + 4 <= m; i += 4)
            for (int k = 0; k < 4; k++)
                s[k] += out[i + k];
        for (; i < m; i++)
            s[0] += out[i];
    }
    return (s[0] + s[1]) + (s[2] + s[3]);
}

/* One repetition of the eval task: every program over the whole grid. */
typedef struct {
    dx_prog **progs;
    int m;
    const double *xs;
    size_t count;
    double *out, *sink; /* the sum keeps the work from being optimised away */
} eval_job;

static counts run_eval(const void *arg)
{
    const eval_job *j = arg;
    for (int i = 0; i < j->m; i++)
        *j->sink += eval_sum(j->progs[i], j->xs, j->count, j->out);
    counts none = {0, 0};
    return none;
}

static int task_eval(const char *path, const corpus *c, FILE *dump)
{
    const char *name = corpus_name(path);
    char name_native[300];
    snprintf(name_native, sizeof name_native, "%s-native", name);
    int native = (int)point_conf(path, "native");
    size_t count = (size_t)point_conf(path, "count"), check = (size_t)point_conf(path, "check_count");
    double *xs = grid(path, count), *check_xs = grid(path, check);
    double *out = malloc(EVAL_CHUNK * sizeof *out);
    double *sums = calloc((size_t)c->n + 1, sizeof *sums);
    dx_prog **progs = calloc((size_t)c->n + 1, sizeof *progs);
    dx_ctx *ctx = dx_ctx_new();
    if (!out || !sums || !progs || !ctx) {
        fprintf(stderr, "dfdx-bench: out of memory\n");
        return 2;
    }
    /* compile each derivative once, untimed; a failure becomes the constant 0 */
    const char *vars[1] = {"x"};
    long failures = 0;
    for (int i = 0; i < c->n; i++) {
        dx_expr *e = dx_parse(ctx, c->line[i], c->len[i]);
        dx_expr *d = e ? dx_diff(ctx, e, "x", 1) : NULL;
        progs[i] = d ? dx_compile(ctx, d, vars, 1) : NULL;
        if (!progs[i]) {
            failures++;
            dx_ctx_clear_error(ctx);
            progs[i] = dx_compile(ctx, dx_int(ctx, 0), vars, 1);
        }
        if (dump) {
            char *s = d ? dx_print(ctx, d, DX_PLAIN) : NULL;
            fprintf(dump, "%s\n", s ? s : "!");
            free(s);
        }
    }
    /* twice: libm one point per call (what the program prints), then the fast mode
     * (libmvec, four points per call, within a few ulps), named plain SYSTEM */
    for (int fast = 0; fast < 2 && !dump; fast++) {
        const char *sys = fast ? SYSTEM : SYSTEM "-libm";
        for (int i = 0; i < c->n; i++)
            if (!dx_prog_set_fast(progs[i], fast) && fast && i == 0)
                printf("NOTE no libmvec or no AVX2 here: the fast mode is libm\n");
        for (int pass = 0; pass < 2; pass++) {
            int m = pass == 0 ? c->n : (native < c->n ? native : c->n);
            double sink = 0;
            eval_job j = {progs, m, xs, count, out, &sink};
            counts unused;
            double best = best_of_fn(run_eval, &j, &unused);
            if (isnan(sink) && pass == 0 && fast)
                printf("NOTE some derivatives are undefined at some grid points (NaN there)\n");
            bench_line(pass == 0 ? name : name_native, "eval", sys, (long)m * (long)count, best, 0, pass == 0 ? failures : 0);
        }
        for (int i = 0; i < c->n; i++)
            sums[i] = eval_sum(progs[i], check_xs, check, out);
        printf("CHECK system=%s sums=", sys);
        for (int i = 0; i < c->n; i++)
            printf("%s%.12g", i ? "," : "", sums[i]);
        printf("\n");
    }
    for (int i = 0; i < c->n; i++)
        dx_prog_free(progs[i]);
    dx_ctx_free(ctx);
    free(progs);
    free(sums);
    free(out);
    free(xs);
    free(check_xs);
    return 0;
}

/* --- roots ------------------------------------------------------------------------------- */

/* One repetition: f' and its roots for every polynomial; failures counted, roots counted with
 * multiplicity into k->chars, distinct ones into *distinct. */
static counts roots_run(dx_ctx *ctx, const dx_poly *ps, const bool *okp, int n, FILE *dump, long *distinct)
{
    counts k = {0, 0};
    *distinct = 0;
    dx_poly df;
    dx_poly_init(&df);
    for (int i = 0; i < n; i++) {
        dx_root *r = NULL;
        size_t nr = 0;
        if (okp[i])
            dx_poly_deriv(&df, &ps[i]);
        if (!okp[i] || df.n == 0 || dx_poly_roots(ctx, &df, &r, &nr) != DX_OK) {
            k.failures++;
            if (dump)
                fprintf(dump, "%d ! %s\n", i, okp[i] ? errtext(ctx) : "not a polynomial");
            dx_ctx_clear_error(ctx);
            continue;
        }
        long m = 0;
        for (size_t j = 0; j < nr; j++)
            m += r[j].mult;
        k.chars += m;
        *distinct += (long)nr;
        if (dump) {
            fprintf(dump, "%d %ld", i, m);
            for (size_t j = 0; j < nr; j++)
                for (int t = 0; t < r[j].mult; t++)
                    fprintf(dump, " %.17g", r[j].x);
            fprintf(dump, "\n");
        }
        dx_poly_roots_free(r, nr);
    }
    dx_poly_clear(&df);
    return k;
}

typedef struct {
    dx_ctx *ctx;
    const dx_poly *ps;
    const bool *okp;
    int n;
    long *distinct;
} roots_job;

static counts roots_rep(const void *arg)
{
    const roots_job *j = arg;
    return roots_run(j->ctx, j->ps, j->okp, j->n, NULL, j->distinct);
}

static int task_roots(const char *path, const corpus *c, FILE *dump)
{
    dx_ctx *ctx = dx_ctx_new();
    dx_poly *ps = calloc((size_t)c->n + 1, sizeof *ps);
    bool *okp = calloc((size_t)c->n + 1, sizeof *okp);
    if (!ctx || !ps || !okp) {
        fprintf(stderr, "dfdx-bench: out of memory\n");
        return 2;
    }
    dx_expr *x = dx_sym(ctx, "x", 1);
    for (int i = 0; i < c->n; i++) {
        dx_poly_init(&ps[i]);
        dx_expr *e = dx_parse(ctx, c->line[i], c->len[i]);
        okp[i] = e && x && dx_poly_from_expr(ctx, e, x, &ps[i]) == 1;
        dx_ctx_clear_error(ctx);
    }
    counts k;
    long distinct = 0;
    if (dump) {
        roots_run(ctx, ps, okp, c->n, dump, &distinct);
    } else {
        roots_job j = {ctx, ps, okp, c->n, &distinct};
        double best = best_of_fn(roots_rep, &j, &k);
        printf("NOTE " SYSTEM " roots: parse and expansion untimed; %ld distinct critical points, %ld with "
               "multiplicity\n",
               distinct, k.chars);
        bench_line(corpus_name(path), "roots", SYSTEM, c->n, best, k.chars, k.failures);
    }
    for (int i = 0; i < c->n; i++)
        dx_poly_clear(&ps[i]);
    free(ps);
    free(okp);
    dx_ctx_free(ctx);
    return 0;
}

/* --- extrema ------------------------------------------------------------------------------ */

static counts extrema_rep(const void *arg)
{
    const corpus *c = arg;
    counts k = {0, 0};
    dx_ctx *ctx = dx_ctx_new();
    const double from = -10, to = 10;
    for (int i = 0; ctx && i < c->n; i++) {
        dx_extrema_result r;
        dx_expr *f = dx_parse(ctx, c->line[i], c->len[i]);
        if (f && dx_extrema(ctx, f, "x", &from, &to, &r) == DX_OK) {
            k.chars += (long)r.ncrit;
            dx_extrema_free(&r);
        } else {
            k.failures++;
        }
        dx_ctx_clear_error(ctx);
    }
    dx_ctx_free(ctx);
    return k;
}

static int task_extrema(const char *path, const corpus *c, FILE *dump)
{
    counts k;
    if (dump) {
        dx_ctx *ctx = dx_ctx_new();
        const double from = -10, to = 10;
        for (int i = 0; ctx && i < c->n; i++) {
            dx_extrema_result r;
            dx_expr *f = dx_parse(ctx, c->line[i], c->len[i]);
            if (!f || dx_extrema(ctx, f, "x", &from, &to, &r) != DX_OK) {
                fprintf(dump, "%d error %s\n", i, errtext(ctx));
                dx_ctx_clear_error(ctx);
                continue;
            }
            fprintf(dump, "%d %zu", i, r.ncrit);
            for (size_t j = 0; j < r.ncrit; j++)
                fprintf(dump, " %.17g", r.crit[j].at.x);
            fputc('\n', dump);
            dx_extrema_free(&r);
        }
        dx_ctx_free(ctx);
        return 0;
    }
    double best = best_of_fn(extrema_rep, c, &k);
    printf("NOTE " SYSTEM " extrema: parse and search on [-10, 10] timed; %ld critical points found\n", k.chars);
    bench_line(corpus_name(path), "extrema", SYSTEM, c->n, best, k.chars, k.failures);
    return 0;
}

/* --- critical2 --------------------------------------------------------------------------- */

/* One repetition: every critical point of each line, a polynomial in x and y (parse and
 * dx_extrema2, exact by resultants) or in x, y, z (critical3: by a Groebner basis); the points
 * counted into k->chars (a curve of them: none), failures (an error, not an exact method, an
 * uncertain point) counted. --dump: "INDEX COUNT
 * MICROSECONDS" per line, COUNT -1 for a curve, "!" and the error for a failure. */
static counts critical2_run(const corpus *c, FILE *dump)
{
    counts k = {0, 0};
    dx_ctx *ctx = dx_ctx_new();
    for (int i = 0; ctx && i < c->n; i++) {
        double t0 = now();
        dx_ctx_set_work(ctx, DX_DEFAULT_WORK); /* each polynomial its own budget, as each command */
        dx_expr *e = dx_parse(ctx, c->line[i], c->len[i]);
        dx_extrema2_result r;
        dx_status st = e ? dx_extrema2(ctx, e, NULL, 0, NULL, NULL, &r) : DX_ESYNTAX;
        double us = (now() - t0) * 1e6;
        if (st != DX_OK || r.method == DX_EX2_BOX || r.uncertain) {
            k.failures++;
            if (dump)
                fprintf(dump, "%d ! %s\n", i, st != DX_OK ? errtext(ctx) : "not certified");
        } else {
            k.chars += (long)r.ncrit;
            if (dump)
                fprintf(dump, "%d %ld %.0f\n", i, r.curve ? -1L : (long)r.ncrit, us);
        }
        if (st == DX_OK)
            dx_extrema2_free(&r);
        dx_ctx_clear_error(ctx);
    }
    dx_ctx_free(ctx);
    return k;
}

static counts critical2_rep(const void *arg) { return critical2_run(arg, NULL); }

static int task_critical(const char *path, const corpus *c, FILE *dump, const char *task)
{
    if (dump) {
        critical2_run(c, dump);
        return 0;
    }
    counts k;
    double best = best_of_fn(critical2_rep, c, &k);
    printf("NOTE " SYSTEM " %s: parse and dx_extrema2 (%s, exact root isolation, interval "
           "verification) timed; out_chars = real critical points found\n",
           task, strcmp(task, "critical3") == 0 ? "Groebner basis and minimal polynomials" : "resultants");
    bench_line(corpus_name(path), task, SYSTEM, c->n, best, k.chars, k.failures);
    return 0;
}

/* --- main -------------------------------------------------------------------------------- */

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: dfdx-bench diff|grad|swell|eval|roots|extrema|critical2|critical3 CORPUS_FILE [--dump | --dump-simplified]\n");
        return 2;
    }
    const char *task = argv[1], *path = argv[2];
    bool dump_simplified = argc > 3 && strcmp(argv[3], "--dump-simplified") == 0;
    FILE *dump = argc > 3 && (strcmp(argv[3], "--dump") == 0 || dump_simplified) ? stdout : NULL;
    corpus c = read_corpus(path);
    const char *name = corpus_name(path);
    static const char *const just_x[] = {"x", NULL}, *const wxy[] = {"w", "x", "y", NULL};
    counts k;
    int rc = 0;
    if (!dump)
        printf("NOTE dfdx %s (C11, GMP %s), fresh context per repetition\n", DX_VERSION, gmp_version);
    if (strcmp(task, "diff") == 0 || strcmp(task, "grad") == 0) {
        bool grad = strcmp(task, "grad") == 0;
        /* dfdx: derivatives as the canonical constructors leave them (already simplified on
         * construction); dfdx-simplify: plus the explicit simplifier the program applies
         * (common denominators, expansion where shorter), like sympy-simplify */
        for (int simp = dump_simplified; simp < 2; simp++) {
            job j = {&c, grad ? wxy : just_x, 1, simp == 1, dump};
            if (dump) { /* the form asked for: the canonical one unless --dump-simplified */
                run(&j);
                break;
            }
            double t = best_of(&j, &k);
            bench_line(name, task, simp ? SYSTEM "-simplify" : SYSTEM, c.n, t, k.chars, k.failures);
        }
    } else if (strcmp(task, "swell") == 0) {
        int max = (int)knob("BENCH_SWELL_MAX", 12);
        double cap = knob("BENCH_SWELL_CAP", 5);
        for (int order = 1; order <= max; order++) {
            job j = {&c, just_x, (unsigned)order, false, dump};
            if (dump) {
                printf("# order %d\n", order);
                run(&j);
                continue;
            }
            char tname[32];
            snprintf(tname, sizeof tname, "swell-%d", order);
            double t = best_of(&j, &k);
            bench_line(name, tname, SYSTEM, c.n, t, k.chars, k.failures);
            if (t > cap) {
                printf("NOTE " SYSTEM " swell stopped after order %d (%.1f s > BENCH_SWELL_CAP)\n", order, t);
                break;
            }
        }
    } else if (strcmp(task, "eval") == 0) {
        rc = task_eval(path, &c, dump);
    } else if (strcmp(task, "roots") == 0) {
        rc = task_roots(path, &c, dump);
    } else if (strcmp(task, "extrema") == 0) {
        rc = task_extrema(path, &c, dump);
    } else if (strcmp(task, "critical2") == 0 || strcmp(task, "critical3") == 0) {
        rc = task_critical(path, &c, dump, task);
    } else {
        fprintf(stderr, "dfdx-bench: unknown task %s (diff, grad, swell, eval, roots, extrema, critical2, critical3)\n", task);
        rc = 2;
    }
    for (int i = 0; i < c.n; i++)
        free(c.line[i]);
    free(c.line);
    free(c.len);
    return rc;
}
