/* dfdx eval, verify and tangent: the numbers behind a formula. */
#include "cli.h"
#include "eval.h"
#include "limit.h"
#include "verify.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int cli_eval(cli *c, const cli_args *a);
int cli_verify(cli *c, const cli_args *a);
int cli_tangent(cli *c, const cli_args *a);
char *cli_not_differentiable(cli *c, const dx_limit_report *r, bool *vertical);

#define MAX_POINTS 100

/* Values given as V=VALUE: names, their exact (closed) expressions and doubles. */
typedef struct {
    int n;
    const char *name[CLI_MAX_POS];
    dx_expr *sym[CLI_MAX_POS], *val[CLI_MAX_POS];
    double num[CLI_MAX_POS];
} bindings;

static bool valid_name(const char *s, size_t n)
{
    if (!n || !(s[0] == '_' || ((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z')))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!(s[i] == '_' || (s[i] >= '0' && s[i] <= '9') || ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')))
            return false;
    return true;
}

/* A closed expression's exact form and its double; false after reporting. */
static bool value_of(cli *c, const char *label, const char *text, dx_expr **exact, double *num)
{
    return cli_number_ex(c, label, text, false, num, exact);
}

/* Positionals pos[from..) as V=VALUE; every variable of e other than skip must get one. */
static bool bind_values(cli *c, const cli_args *a, int from, dx_expr *e, const char *skip, bindings *b)
{
    b->n = 0;
    const char **names;
    size_t nv = dx_vars(c->ctx, e, &names);
    for (int i = from; i < a->npos; i++) {
        const char *s = a->pos[i], *eq = strchr(s, '=');
        size_t len = eq ? (size_t)(eq - s) : 0;
        while (len && s[len - 1] == ' ')
            len--;
        while (len && *s == ' ')
            s++, len--;
        if (!eq || !valid_name(s, len)) {
            cli_usage(c, "'%s' is not a value: write it as V=VALUE, e.g. x=1/2", a->pos[i]);
            return false;
        }
        char label[80];
        snprintf(label, sizeof label, "%.*s=", (int)(len > 60 ? 60 : len), s);
        dx_expr *sym = dx_sym(c->ctx, s, len);
        if (!sym)
            return cli_report(c, NULL), false;
        for (int k = 0; k < b->n; k++)
            if (b->sym[k] == sym) {
                cli_usage(c, "%s is given twice", sym->u.name);
                return false;
            }
        bool used = false;
        for (size_t k = 0; k < nv; k++)
            used |= strcmp(names[k], sym->u.name) == 0;
        if (!used || (skip && strcmp(skip, sym->u.name) == 0)) {
            cli_usage(c, "%s is not a variable of the expression%s", sym->u.name,
                      skip && strcmp(skip, sym->u.name) == 0 ? " to give a value (it is the one varied)" : "");
            return false;
        }
        b->name[b->n] = sym->u.name;
        b->sym[b->n] = sym;
        if (!value_of(c, label, eq + 1, &b->val[b->n], &b->num[b->n]))
            return false;
        b->n++;
        nv = dx_vars(c->ctx, e, &names); /* parsing the value reused the name list */
    }
    /* every variable needs a value: list the missing ones */
    char missing[512] = "";
    size_t nmiss = 0;
    for (size_t k = 0; k < nv; k++) {
        bool have = skip && strcmp(skip, names[k]) == 0;
        for (int j = 0; j < b->n; j++)
            have |= strcmp(b->name[j], names[k]) == 0;
        if (!have && strlen(missing) + strlen(names[k]) + 4 < sizeof missing) {
            strcat(missing, nmiss++ ? ", " : "");
            strcat(missing, names[k]);
        }
    }
    if (nmiss) {
        cli_usage(c, "no value for %s: give %s as V=VALUE (e.g. %s=1)", missing, nmiss > 1 ? "them" : "it", names[0]);
        return false;
    }
    return true;
}

/* e with every bound value substituted exactly; NULL (error left on ctx) when that fails. */
static dx_expr *subst_all(cli *c, dx_expr *e, const bindings *b)
{
    for (int i = 0; e && i < b->n; i++)
        e = dx_subst(c->ctx, e, b->sym[i], b->val[i]);
    return e;
}

/* Is the decimal text dec (as dx_fmt_double writes it) exactly the rational q? */
static bool decimal_is(const char *dec, const dx_num *q)
{
    bool neg = dec[0] == '-';
    dx_num back;
    if (!dx_num_parse(&back, dec + neg, strlen(dec + neg)))
        return false;
    if (neg) {
        dx_num t = dx_num_neg(&back);
        dx_num_clear(&back);
        back = t;
    }
    bool same = dx_num_eq(&back, q);
    dx_num_clear(&back);
    return same;
}

static bool has_call(const dx_expr *e)
{
    if (e->kind == DX_CALL)
        return true;
    for (uint32_t i = 0; i < e->n; i++)
        if (has_call(e->a[i]))
            return true;
    return false;
}

/* v without the last bits of rounding noise, when the noise is all that makes it long: a
 * double computed through ln, log10 or a quotient of them is good to about 15 digits, so
 * log2(8) = ln(8)/ln(2) = 2.9999999999999996 is 3 to every digit it has. Only a value whose 15
 * significant digits end in a run of zeros (at most 10 left) is tidied: a true decimal
 * expansion does that with odds of about 1e-5 per value, and then its last digits were noise. */
static double tidy(double v)
{
    if (!isfinite(v) || v == 0)
        return v;
    char s[40];
    snprintf(s, sizeof s, "%.14e", v); /* 15 significant digits: d.dddddddddddddde+XX */
    double r = strtod(s, NULL);
    int zeros = 0;
    for (const char *p = strchr(s, 'e') - 1; *p == '0'; p--)
        zeros++;
    return zeros >= 5 ? r : v;
}

/* The value of e at the bound point by the compiled evaluator: the domain message when the
 * point is outside (it names the function and the value). */
static bool eval_double(cli *c, dx_expr *e, const bindings *b, double *out)
{
    dx_prog *p = dx_compile(c->ctx, e, b->name, (size_t)b->n);
    if (!p)
        return cli_report(c, NULL), false;
    dx_status st = dx_prog_eval(p, c->ctx, b->num, out);
    dx_prog_free(p);
    if (st != DX_OK)
        return cli_report(c, NULL), false;
    return true;
}

int cli_eval(cli *c, const cli_args *a)
{
    dx_expr *e = cli_parse(c, a->pos[0]);
    bindings b;
    if (!e || !bind_values(c, a, 1, e, NULL, &b))
        return CLI_BAD;
    double v;
    dx_expr *x = subst_all(c, e, &b);
    if (!x && dx_ctx_error(c->ctx)->status == DX_EDOMAIN)
        return cli_report(c, NULL); /* found exactly: 1/0, ln(0), tan(pi/2) (a pole doubles miss) */
    if (!x)
        dx_ctx_clear_error(c->ctx);
    bool exact_num = x && x->kind == DX_NUM;
    if (!x || dx_eval_const(c->ctx, x, &v) != DX_OK) {
        dx_ctx_clear_error(c->ctx);
        if (exact_num) {
            v = NAN; /* 2^10000: exact, only too large for a double; the exact form is the answer */
        } else {
            if (!eval_double(c, e, &b, &v))
                return CLI_BAD;
            x = NULL;
        }
    }
    /* the exact form, when it says more than the decimal: 1/3, pi^2, 2^(1/2) */
    char *exact = NULL, dec[40];
    dx_fmt_double(dec, sizeof dec, exact_num ? v : tidy(v)); /* log2(8): 3, not 2.9999999999999996 */
    if (x && !has_call(x)) {
        exact = dx_print(c->ctx, x, DX_PLAIN);
        /* a rational is the answer itself, digits and all (up to a page); a longer symbolic
         * form says less than its decimal */
        if (exact && strlen(exact) > (exact_num ? 4000 : 80)) {
            free(exact);
            exact = NULL;
        }
    }
    exact_num = exact && x->kind == DX_NUM;
    if (!exact_num && isnan(v)) {
        free(exact);
        return cli_usage(c, "the value is too large for a double");
    }
    if (c->fmt == OUT_JSON) {
        char *in = dx_print(c->ctx, e, DX_PLAIN);
        fputs("{\"input\": ", c->out);
        cli_json_str(c->out, in ? in : "");
        fputs(", \"values\": {", c->out);
        for (int i = 0; i < b.n; i++) {
            fputs(i ? ", " : "", c->out);
            cli_json_str(c->out, b.name[i]);
            fputs(": ", c->out);
            cli_json_num(c->out, b.num[i]);
        }
        fputs("}, \"exact\": ", c->out);
        if (exact)
            cli_json_str(c->out, exact);
        else
            fputs("null", c->out);
        fprintf(c->out, ", \"is_exact\": %s, \"value\": ", exact_num ? "true" : "false");
        cli_json_num(c->out, v);
        fputs("}\n", c->out);
        free(in);
    } else if (exact_num && isnan(v)) {
        fprintf(c->out, "%s (too large for a double)\n", exact);
    } else if (exact && strcmp(exact, dec) != 0) {
        /* "=" when the decimal is the exact value (-9/4 = -2.25), "≈" when it is rounded */
        bool same = exact_num && decimal_is(dec, &x->u.num);
        if (c->fmt == OUT_LATEX) {
            char *tex = dx_print(c->ctx, x, DX_LATEX);
            fprintf(c->out, "%s %s %s\n", tex ? tex : exact, same ? "=" : "\\approx", dec);
            free(tex);
        } else {
            fprintf(c->out, "%s %s %s\n", exact, same ? "=" : "\u2248", dec);
        }
    } else {
        fprintf(c->out, "%s\n", dec);
    }
    free(exact);
    return CLI_OK;
}

/* --at A,B,...: split at top-level commas (log(x, 2) keeps its comma). */
static int points_of(cli *c, const char *s, double *pts)
{
    int n = 0;
    const char *start = s;
    int depth = 0;
    for (const char *p = s;; p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')')
            depth--;
        if (*p == 0 || (*p == ',' && depth <= 0)) {
            if (n == MAX_POINTS) {
                cli_usage(c, "--at takes at most %d points", MAX_POINTS);
                return -1;
            }
            char *one = strndup(start, (size_t)(p - start));
            bool ok = one && cli_number(c, "at", one, &pts[n]);
            free(one);
            if (!ok)
                return -1;
            n++;
            if (!*p)
                break;
            start = p + 1;
        }
    }
    return n;
}

/* The default points of verify: a spread over [-3, 3] where f is defined, then more inside
 * (-1, 1) and (0, 10] until there are enough (ln, sqrt, asin have small domains). */
static int default_points(dx_prog *f, double *pts)
{
    static const double first[] = {-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3};
    static const double more[] = {0.1, 0.25, 0.75, 0.9, -0.25, -0.75, -0.9, 5, 10, 1.5, 2.5};
    int n = 0;
    for (size_t i = 0; i < sizeof first / sizeof *first; i++) {
        double y;
        if (dx_prog_eval_n(f, 1, (const double *const[]){&first[i]}, &y) == 0)
            pts[n++] = first[i];
    }
    for (size_t i = 0; n < 7 && i < sizeof more / sizeof *more; i++) {
        double y;
        if (dx_prog_eval_n(f, 1, (const double *const[]){&more[i]}, &y) == 0)
            pts[n++] = more[i];
    }
    for (int i = 1; i < n; i++) /* sorted, for reading */
        for (int j = i; j > 0 && pts[j - 1] > pts[j]; j--) {
            double t = pts[j];
            pts[j] = pts[j - 1];
            pts[j - 1] = t;
        }
    return n;
}

static const char *vkind_word(dx_vkind k)
{
    switch (k) {
    case DX_V_MATCH: return "ok";
    case DX_V_DIFFER: return "MISMATCH";
    case DX_V_UNDEFINED: return "f not defined";
    case DX_V_NOT_DIFF: return "not differentiable";
    case DX_V_NO_ESTIMATE: return "no estimate (f undefined nearby)";
    }
    return "";
}

static const char *vkind_json(dx_vkind k)
{
    switch (k) {
    case DX_V_MATCH: return "match";
    case DX_V_DIFFER: return "mismatch";
    case DX_V_UNDEFINED: return "undefined";
    case DX_V_NOT_DIFF: return "not_differentiable";
    case DX_V_NO_ESTIMATE: return "no_estimate";
    }
    return "";
}

/* The common start of verify and tangent: EXPR parsed, the variable picked, the others'
 * V=VALUE put in, f' taken, and f and f' compiled as programs in var. false after reporting. */
static bool prepare(cli *c, const cli_args *a, dx_expr **e, const char **var, bindings *b, dx_expr **d,
                    dx_prog **pf, dx_prog **pd)
{
    *pf = *pd = NULL;
    if (!(*e = cli_function(c, a, NULL, var)) || !bind_values(c, a, 1, *e, *var, b))
        return false;
    if (!(*d = dx_diff(c->ctx, *e, *var, 1)))
        return cli_report(c, NULL), false;
    dx_expr *fe = subst_all(c, *e, b), *de = subst_all(c, *d, b);
    const char *vars[1] = {*var};
    *pf = fe && de ? dx_compile(c->ctx, fe, vars, 1) : NULL;
    *pd = *pf ? dx_compile(c->ctx, de, vars, 1) : NULL;
    if (!*pd) {
        dx_prog_free(*pf);
        *pf = NULL;
        return cli_report(c, NULL), false;
    }
    return true;
}

/* *s (malloc'd, plain) in the chosen output form (cli_text); left as it is on failure. */
static void as_output(cli *c, char **s)
{
    char *t = *s ? cli_text(c, *s) : NULL;
    if (t) {
        free(*s);
        *s = t;
    }
}

/* How large the parts of e are at x: a sum's terms add up by size, a product's factors
 * multiply (two levels down), anything else is its value's size. f' = cos(x)/x - sin(x)/x^2 at
 * x = -1e-10 is two terms of 1e10 that cancel to 3e-11: its double value keeps no digits, and
 * its parts' size says so. NaN where a part has no value. */
static double magnitude(cli *c, dx_expr *e, const char *var, double x, int depth)
{
    if (depth < 3 && (e->kind == DX_ADD || e->kind == DX_MUL)) {
        double m = e->kind == DX_ADD ? 0 : 1;
        for (uint32_t i = 0; i < e->n; i++) {
            double part = magnitude(c, e->a[i], var, x, depth + 1);
            m = e->kind == DX_ADD ? m + part : m * part;
        }
        return m;
    }
    double v = NAN;
    dx_prog *p = dx_compile(c->ctx, e, &var, 1);
    if (!p || dx_prog_eval(p, c->ctx, &x, &v) != DX_OK)
        v = NAN;
    dx_prog_free(p);
    dx_ctx_clear_error(c->ctx);
    return fabs(v);
}

/* A disagreement that is only f' losing its digits to cancellation at x (see magnitude):
 * within 16 roundings of the size of its parts. */
static bool cancels(cli *c, dx_expr *d, const char *var, const dx_vpoint *r)
{
    double m = d ? magnitude(c, d, var, r->x, 0) : NAN;
    return isfinite(m) && r->abs_diff <= r->tol + 16 * DBL_EPSILON * m;
}

static void put_cell(cli *c, double v, int width)
{
    char buf[40];
    if (isnan(v))
        snprintf(buf, sizeof buf, "-");
    else
        snprintf(buf, sizeof buf, "%.10g", v + 0.0); /* + 0.0: never "-0" */
    fprintf(c->out, "  %-*s", width, buf);
}

int cli_verify(cli *c, const cli_args *a)
{
    dx_expr *e, *d;
    const char *var;
    bindings b;
    dx_prog *pf, *pd;
    if (!prepare(c, a, &e, &var, &b, &d, &pf, &pd))
        return CLI_BAD;
    double pts[MAX_POINTS];
    const char *at = cli_get(a, "at");
    int n = at ? points_of(c, at, pts) : default_points(pf, pts);
    int rc = n < 0 ? CLI_BAD : CLI_OK, ndiff = 0, nok = 0;
    dx_expr *de = subst_all(c, d, &b); /* f' as compiled, for the size of its parts */
    dx_ctx_clear_error(c->ctx);
    char *ds = n >= 0 ? dx_print(c->ctx, d, DX_PLAIN) : NULL, *fs = dx_print(c->ctx, e, DX_PLAIN);
    if (c->fmt == OUT_LATEX) {
        as_output(c, &ds);
        as_output(c, &fs);
    }
    if (n >= 0 && c->fmt == OUT_JSON) {
        cli_json_open(c->out, fs, var);
        fputs(", \"derivative\": ", c->out);
        cli_json_str(c->out, ds ? ds : "");
        fputs(", \"points\": [", c->out);
    } else if (n >= 0) {
        fprintf(c->out, "f(%s)  = %s\nf'(%s) = %s\n\n", var, fs ? fs : "", var, ds ? ds : "");
        fprintf(c->out, "  %-12s  %-18s  %-18s  %-10s  %-10s  %s\n", var, "f' symbolic", "central diff.", "abs diff",
                "rel diff", "match");
    }
    for (int i = 0; i < n; i++) {
        dx_vpoint r = dx_verify_at(c->ctx, pf, pd, pts[i]);
        /* exp(800) has a value, just not a double: say so rather than "not defined" */
        bool overflow = (r.kind == DX_V_UNDEFINED || r.kind == DX_V_NOT_DIFF) &&
                        dx_overflowed(c->ctx);
        dx_ctx_clear_error(c->ctx);
        /* not a wrong derivative: its value in doubles is noise here (cancellation) */
        bool noise = r.kind == DX_V_DIFFER && cancels(c, de, var, &r);
        if (noise)
            r.kind = DX_V_NO_ESTIMATE; /* neither a match nor a mismatch; named below */
        ndiff += r.kind == DX_V_DIFFER;
        nok += r.kind == DX_V_MATCH;
        if (c->fmt == OUT_JSON) {
            fprintf(c->out, "%s{\"x\": ", i ? ", " : "");
            cli_json_num(c->out, r.x);
            fputs(", \"symbolic\": ", c->out);
            cli_json_num(c->out, r.symbolic);
            fputs(", \"numeric\": ", c->out);
            cli_json_num(c->out, r.numeric);
            fputs(", \"abs_diff\": ", c->out);
            cli_json_num(c->out, r.abs_diff);
            fputs(", \"rel_diff\": ", c->out);
            cli_json_num(c->out, r.rel_diff);
            fprintf(c->out, ", \"match\": %s, \"status\": \"%s\"}", r.kind == DX_V_MATCH ? "true" : "false",
                    overflow ? "overflow" : noise ? "cancellation" : vkind_json(r.kind));
        } else {
            put_cell(c, r.x, 12);
            put_cell(c, r.symbolic, 18);
            put_cell(c, r.numeric, 18);
            fprintf(c->out, "  ");
            if (isnan(r.abs_diff))
                fprintf(c->out, "%-10s  %-10s", "-", "-");
            else if (isnan(r.rel_diff))
                fprintf(c->out, "%-10.2e  %-10s", r.abs_diff, "-");
            else
                fprintf(c->out, "%-10.2e  %-10.2e", r.abs_diff, r.rel_diff);
            fprintf(c->out, "  %s\n", noise      ? "inconclusive: f' loses its digits to cancellation here"
                                       : !overflow ? vkind_word(r.kind)
                                       : r.kind == DX_V_UNDEFINED ? "f too large for a double"
                                                                  : "f' too large for a double");
        }
    }
    if (n >= 0 && c->fmt == OUT_JSON) {
        fprintf(c->out, "], \"matched\": %d, \"mismatched\": %d}\n", nok, ndiff);
    } else if (n >= 0) {
        if (ndiff)
            fprintf(c->out, "\n%d of %d points DIFFER: the symbolic derivative is wrong there\n", ndiff, n);
        else
            fprintf(c->out, "\n%d of %d points match%s\n", nok, n,
                    nok < n ? " (the others are listed with the reason)" : "");
    }
    if (ndiff)
        rc = CLI_INCORRECT;
    free(ds);
    free(fs);
    dx_prog_free(pf);
    dx_prog_free(pd);
    return rc;
}

/* A rational as the student typed the point: a terminating decimal (2.25) when A was written
 * with a decimal point and the value has one, a fraction (9/4) otherwise. malloc'd. */
static char *show_exact(const dx_num *q, bool decimal)
{
    char buf[40];
    dx_fmt_double(buf, sizeof buf, dx_num_to_double(q));
    if (decimal && decimal_is(buf, q))
        return strdup(buf);
    return dx_num_str(q);
}

static char *show_double(double v)
{
    char buf[40];
    dx_fmt_double(buf, sizeof buf, v);
    return strdup(buf);
}

/* "y = M*x + B" from the texts of M and B (signs in front): 1 and -1 and 0 dropped. In LaTeX
 * the product is written "M x". */
static void put_line(cli *c, const char *var, const char *m, const char *b)
{
    const char *times = c->fmt == OUT_LATEX ? " " : "*";
    fputs("y = ", c->out);
    bool mzero = strcmp(m, "0") == 0, bzero = strcmp(b, "0") == 0;
    if (!mzero) {
        if (strcmp(m, "1") == 0)
            fputs(var, c->out);
        else if (strcmp(m, "-1") == 0)
            fprintf(c->out, "-%s", var);
        else
            fprintf(c->out, "%s%s%s", m, times, var);
    }
    if (mzero)
        fputs(b, c->out);
    else if (!bzero)
        fprintf(c->out, " %c %s", b[0] == '-' ? '-' : '+', b[0] == '-' ? b + 1 : b);
}

int cli_tangent(cli *c, const cli_args *a)
{
    const char *at = cli_get(a, "at");
    if (!at)
        return cli_usage(c, "tangent needs the point: --at A (e.g. --at 1.5 or --at pi/4)");
    dx_expr *e, *d, *A;
    const char *var;
    bindings b;
    dx_prog *pf, *pd;
    double x;
    if (!prepare(c, a, &e, &var, &b, &d, &pf, &pd))
        return CLI_BAD;
    if (!value_of(c, "at", at, &A, &x)) {
        dx_prog_free(pf);
        dx_prog_free(pd);
        return CLI_BAD;
    }
    double fx, m;
    dx_status sf = dx_prog_eval(pf, c->ctx, &x, &fx);
    if (sf != DX_OK) {
        fprintf(c->err, "dfdx: %sf is not defined at %s = %s: %s\n", c->line_prefix, var, at, dx_errtext(c->ctx, (char[320]){0}, 320));
        dx_ctx_clear_error(c->ctx);
        dx_prog_free(pf);
        dx_prog_free(pd);
        return CLI_BAD;
    }
    bool differentiable = dx_prog_eval(pd, c->ctx, &x, &m) == DX_OK, vertical = false;
    char why[320] = "";
    if (!differentiable)
        snprintf(why, sizeof why, "its derivative is undefined there: %s", dx_errtext(c->ctx, (char[320]){0}, 320));
    dx_ctx_clear_error(c->ctx);
    dx_expr *sv = dx_sym(c->ctx, var, strlen(var)), *fe = subst_all(c, e, &b), *slope = NULL;
    /* at an exact point the exact f'(A) decides: a double pi misses sin(pi) = 0, so
     * abs(sin(x)) would get a slope at its kink */
    if (differentiable && A->vmask == 0 && !dx_subst(c->ctx, subst_all(c, d, &b), sv, A) &&
        dx_ctx_error(c->ctx)->status == DX_EDOMAIN) {
        differentiable = false;
        snprintf(why, sizeof why, "its derivative is undefined there: %s", dx_errtext(c->ctx, (char[320]){0}, 320));
    }
    dx_ctx_clear_error(c->ctx);
    dx_limit_report r;
    if (!differentiable && fe && sv && A->vmask == 0 &&
        dx_limit(c->ctx, fe, var, (dx_point){A, 0}, true, true, &r) == DX_OK) {
        /* the one-sided derivatives decide where the formula for f' fails: relu(x^3) at 0 has
         * slope 0 from both sides; abs(x) at 0 is a kink, sqrt(x) at 0 an edge, x^(1/3) at 0
         * a vertical tangent */
        const dx_lim *l = &r.dleft, *rt = &r.dright;
        const dx_lim *one = l->kind == DX_LIM_VALUE && (rt->kind == DX_LIM_VALUE || rt->kind == DX_LIM_UNDEFINED) ? l
                          : rt->kind == DX_LIM_VALUE && l->kind == DX_LIM_UNDEFINED                               ? rt
                                                                                                                  : NULL;
        if (r.differentiable == 1 && one) {
            differentiable = true;
            m = one->value;
            slope = one->exact;
        } else if (r.differentiable == 0) {
            char *s = cli_not_differentiable(c, &r, &vertical);
            if (s)
                snprintf(why, sizeof why, "%s", s);
            free(s);
        }
    }
    dx_ctx_clear_error(c->ctx);
    dx_prog_free(pf);
    dx_prog_free(pd);
    /* exact when f(A) and f'(A) come out rational */
    bool decimal = strpbrk(at, ".eE") && !strstr(at, "pi") && A->kind == DX_NUM;
    char *ms = NULL, *ys = NULL, *bs = NULL, *xs = NULL;
    bool exact = false;
    char *line = NULL; /* the line printed whole, when A is exact but not rational (pi/6) */
    if (differentiable && A->vmask == 0) {
        dx_expr *fa = dx_subst(c->ctx, fe, sv, A);
        dx_expr *ma = slope ? slope : dx_subst(c->ctx, subst_all(c, d, &b), sv, A);
        dx_expr *ba = dx_sub(c->ctx, fa, dx_mul(c->ctx, ma, A));
        if (ba && fa->kind == DX_NUM && ma->kind == DX_NUM && ba->kind == DX_NUM && A->kind == DX_NUM) {
            exact = true;
            ms = show_exact(&ma->u.num, decimal);
            ys = show_exact(&fa->u.num, decimal);
            bs = show_exact(&ba->u.num, decimal);
            xs = show_exact(&A->u.num, decimal);
        } else if (ba && !(fa->vmask | ma->vmask)) {
            /* exact values at an exact point: sin(x) at pi/6 has slope sqrt(3)/2 */
            dx_expr *l = dx_add(c->ctx, dx_mul(c->ctx, ma, sv), ba);
            ms = dx_print(c->ctx, ma, DX_PLAIN);
            ys = dx_print(c->ctx, fa, DX_PLAIN);
            bs = dx_print(c->ctx, ba, DX_PLAIN);
            xs = A->kind == DX_NUM ? show_exact(&A->u.num, decimal) : dx_print(c->ctx, A, DX_PLAIN);
            line = l ? dx_print(c->ctx, l, DX_PLAIN) : NULL;
            exact = ms && ys && bs && xs && line;
            if (!exact) {
                free(ms), free(ys), free(bs), free(xs), free(line);
                ms = ys = bs = xs = line = NULL;
            }
        }
        dx_ctx_clear_error(c->ctx);
    }
    if (!exact) {
        ms = show_double(m);
        ys = show_double(fx);
        bs = show_double(fx - m * x);
        /* where there is no tangent the point is said as given: "at x = pi" */
        xs = differentiable || A->vmask != 0 ? show_double(x)
             : A->kind == DX_NUM             ? show_exact(&A->u.num, decimal)
                                             : dx_print(c->ctx, A, DX_PLAIN);
    }
    if (c->fmt == OUT_LATEX) {
        as_output(c, &ms);
        as_output(c, &ys);
        as_output(c, &bs);
        as_output(c, &xs);
        as_output(c, &line);
    }
    if (c->fmt == OUT_JSON) {
        char *in = dx_print(c->ctx, e, DX_PLAIN);
        cli_json_open(c->out, in, var);
        fputs(", \"at\": ", c->out);
        cli_json_num(c->out, x);
        fputs(", \"point\": [", c->out);
        cli_json_num(c->out, x);
        fputs(", ", c->out);
        cli_json_num(c->out, fx);
        fprintf(c->out, "], \"differentiable\": %s", differentiable ? "true" : "false");
        if (differentiable) {
            fputs(", \"slope\": ", c->out);
            cli_json_num(c->out, m);
            fputs(", \"intercept\": ", c->out);
            cli_json_num(c->out, fx - m * x);
            fprintf(c->out, ", \"exact\": %s, \"slope_text\": ", exact ? "true" : "false");
            cli_json_str(c->out, ms);
            /* the line's text needs no escaping: names, digits, signs */
            fputs(", \"line\": \"", c->out);
            if (line)
                fprintf(c->out, "y = %s", line);
            else
                put_line(c, var, ms, bs);
            fputs("\"", c->out);
        } else {
            fputs(", \"reason\": ", c->out);
            cli_json_str(c->out, why);
            if (vertical) /* the vertical line's text, like "line": names and digits */
                fprintf(c->out, ", \"vertical_line\": \"%s = %s\"", var, xs);
        }
        fputs("}\n", c->out);
        free(in);
    } else if (vertical) {
        fprintf(c->out, "vertical tangent: %s = %s\nf is not differentiable at %s = %s (%s)\n", var, xs, var, xs, why);
    } else if (!differentiable) {
        fprintf(c->out, "no tangent line: f is not differentiable at %s = %s (%s)\n", var, xs, why);
    } else {
        fprintf(c->out, "slope: %s\npoint: (%s, %s)\ntangent: ", ms, xs, ys);
        if (line)
            fprintf(c->out, "y = %s", line);
        else
            put_line(c, var, ms, bs);
        fputc('\n', c->out);
    }
    free(line);
    free(ms);
    free(ys);
    free(bs);
    free(xs);
    return CLI_OK;
}
