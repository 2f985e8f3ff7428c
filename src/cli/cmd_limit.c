/* dfdx limit: one-sided and two-sided limits, continuity and differentiability at a point. */
#include "cli.h"
#include "eval.h"
#include "limit.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int cli_limit(cli *c, const cli_args *a);
void cli_kink_note(cli *c, dx_expr *f, const char *var);
char *cli_not_differentiable(cli *c, const dx_limit_report *r, bool *vertical);

/* --at A: oo, -oo (also +oo, inf, infinity, ∞) or a closed expression kept exact (1/3,
 * pi/2). false after reporting. */
static bool parse_point(cli *c, const char *text, dx_point *p)
{
    double v;
    if (!cli_number_ex(c, "at", text, true, &v, &p->at))
        return false;
    p->inf = isinf(v) ? (v > 0 ? 1 : -1) : 0;
    return true;
}

typedef struct {
    char *s;
    size_t n, cap;
} text;

static void put(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(t->s ? t->s + t->n : NULL, t->s ? t->cap - t->n : 0, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    if (!t->s || t->n + (size_t)k + 1 > t->cap) {
        size_t cap = (t->n + (size_t)k + 1) * 2;
        char *ns = realloc(t->s, cap);
        if (!ns)
            return;
        t->s = ns;
        t->cap = cap;
        va_start(ap, fmt);
        vsnprintf(t->s + t->n, t->cap - t->n, fmt, ap);
        va_end(ap);
    }
    t->n += (size_t)k;
}

/* How a side's answer was found, in words. */
static void method(cli *c, text *t, const dx_lim_method *m)
{
    dx_buf b = {0};
    dx_show_lim_method(c->ctx, m, &b);
    put(t, "%s", b.s ? b.s : "");
    dx_buf_free(&b);
}

/* The method of the limit: the sides' methods, one when they agree. */
static void methods(cli *c, text *t, const dx_limit_report *r)
{
    if (!(r->want_left && r->want_right)) {
        method(c, t, &r->value.method);
        return;
    }
    text l = {0}, rt = {0};
    method(c, &l, &r->left.method);
    method(c, &rt, &r->right.method);
    if (l.s && rt.s && strcmp(l.s, rt.s) == 0)
        put(t, "%s", l.s);
    else
        put(t, "left: %s; right: %s", l.s ? l.s : "", rt.s ? rt.s : "");
    free(l.s);
    free(rt.s);
}

/* One side's answer as the user reads it: an exact value with its decimal when it is not an
 * integer ("1/2 (0.5)", "e (2.718281828)"), a numeric estimate marked as such, oo, -oo, or
 * why there is none. exact_only gives the bare value for JSON. */
static void describe(cli *c, text *t, const dx_lim *l, bool exact_only)
{
    switch (l->kind) {
    case DX_LIM_VALUE:
        if (l->exact) {
            char *s = cli_show(c, l->exact);
            put(t, "%s", s ? s : "?");
            if (!exact_only && !(l->exact->kind == DX_NUM && dx_num_is_int(&l->exact->u.num)))
                put(t, " (%.10g)", l->value + 0.0); /* + 0.0: never "-0" */
            free(s);
        } else {
            put(t, "%.10g%s", l->value + 0.0, exact_only ? "" : " (numeric)");
        }
        break;
    case DX_LIM_POS_INF: put(t, c->fmt == OUT_LATEX ? "\\infty" : "oo"); break;
    case DX_LIM_NEG_INF: put(t, c->fmt == OUT_LATEX ? "-\\infty" : "-oo"); break;
    case DX_LIM_OSCILLATES: put(t, "does not exist (oscillates)"); break;
    case DX_LIM_UNDEFINED: put(t, "undefined (f is not defined on this side)"); break;
    case DX_LIM_UNKNOWN:
        put(t, "unknown (");
        method(c, t, &l->method);
        put(t, ")");
        break;
    }
}

static char *describe_str(cli *c, const dx_lim *l, bool exact_only)
{
    text t = {0};
    describe(c, &t, l, exact_only);
    return t.s;
}

/* Why there is no two-sided limit, in a few words. */
static void no_limit(cli *c, text *t, const dx_limit_report *r)
{
    const dx_lim *l = &r->left, *rt = &r->right;
    if (l->kind == DX_LIM_OSCILLATES || rt->kind == DX_LIM_OSCILLATES)
        put(t, "does not exist (oscillates)");
    else if (l->kind == DX_LIM_UNDEFINED && rt->kind == DX_LIM_UNDEFINED)
        put(t, "does not exist (f is not defined near this point)");
    else if (l->kind == DX_LIM_UNDEFINED || rt->kind == DX_LIM_UNDEFINED)
        put(t, "does not exist (f is not defined to the %s; one-sided only)",
            l->kind == DX_LIM_UNDEFINED ? "left" : "right");
    else if (l->kind == DX_LIM_UNKNOWN || rt->kind == DX_LIM_UNKNOWN)
        put(t, "unknown (one side could not be decided)");
    else {
        put(t, "does not exist (left ");
        describe(c, t, l, true);
        put(t, ", right ");
        describe(c, t, rt, true);
        put(t, ")");
    }
}

static void json_lim(cli *c, const char *key, const dx_lim *l, bool wanted)
{
    fprintf(c->out, ", \"%s\": ", key);
    if (!wanted) {
        fprintf(c->out, "null, \"%s_numeric\": null", key);
        return;
    }
    char *s = describe_str(c, l, true);
    cli_json_str(c->out, s ? s : "");
    free(s);
    fprintf(c->out, ", \"%s_numeric\": ", key);
    if (l->kind == DX_LIM_VALUE)
        cli_json_num(c->out, l->value);
    else
        fputs(l->kind == DX_LIM_POS_INF ? "\"oo\"" : l->kind == DX_LIM_NEG_INF ? "\"-oo\"" : "null", c->out);
}

static const char *tri(int v) { return v == 1 ? "true" : v == 0 ? "false" : "null"; }

static void print_json(cli *c, const dx_limit_report *r, const char *in, const char *var, const char *at)
{
    cli_json_open(c->out, in, var);
    fputs(", \"at\": ", c->out);
    cli_json_str(c->out, at);
    json_lim(c, "left", &r->left, r->want_left);
    json_lim(c, "right", &r->right, r->want_right);
    fprintf(c->out, ", \"exists\": %s", r->exists ? "true" : "false");
    json_lim(c, "value", &r->value, r->exists);
    fputs(", \"method\": ", c->out);
    text m = {0};
    methods(c, &m, r);
    cli_json_str(c->out, m.s ? m.s : "");
    free(m.s);
    fprintf(c->out, ", \"numeric\": %s", r->left.numeric || r->right.numeric ? "true" : "false");
    fprintf(c->out, ", \"continuous\": %s, \"f_at\": ", tri(r->continuous));
    if (r->defined_at) {
        char *s = cli_show(c, r->f_at);
        cli_json_str(c->out, s ? s : "");
        free(s);
    } else {
        fputs("null", c->out);
    }
    fprintf(c->out, ", \"differentiable\": %s", tri(r->differentiable));
    /* the one-sided derivatives are found where f is continuous */
    bool d = r->continuous == 1;
    json_lim(c, "left_derivative", &r->dleft, d && r->dleft.kind != DX_LIM_UNDEFINED);
    json_lim(c, "right_derivative", &r->dright, d && r->dright.kind != DX_LIM_UNDEFINED);
    fputs("}\n", c->out);
}

/* "yes (derivative 2)", "no (left derivative -1, right derivative 1; sub-gradients [-1, 1])",
 * "no (not continuous)": differentiability at a finite point, with the reason. */
static void differentiability(cli *c, text *t, const dx_limit_report *r)
{
    if (r->differentiable == 1 && r->dleft.kind == DX_LIM_VALUE && r->dright.kind != DX_LIM_UNDEFINED) {
        put(t, "yes (derivative ");
        describe(c, t, &r->dleft, false);
        put(t, ")");
    } else if (r->differentiable == 1) {
        put(t, "yes, one-sided (derivative ");
        describe(c, t, r->dright.kind == DX_LIM_VALUE ? &r->dright : &r->dleft, false);
        put(t, ")");
    } else if (r->differentiable == 0 && r->continuous != 1) {
        put(t, "no (not continuous)");
    } else if (r->differentiable == 0 && (r->dleft.kind == DX_LIM_UNDEFINED || r->dright.kind == DX_LIM_UNDEFINED)) {
        bool right = r->dright.kind != DX_LIM_UNDEFINED;
        put(t, "no (%s derivative ", right ? "right" : "left");
        describe(c, t, right ? &r->dright : &r->dleft, true);
        put(t, "; f is not defined to the %s)", right ? "left" : "right");
    } else if (r->differentiable == 0) {
        put(t, "no (left derivative ");
        describe(c, t, &r->dleft, true);
        put(t, ", right derivative ");
        describe(c, t, &r->dright, true);
        if (r->dleft.kind == DX_LIM_VALUE && r->dright.kind == DX_LIM_VALUE && r->dleft.value < r->dright.value) {
            put(t, "; sub-gradients [");
            describe(c, t, &r->dleft, true);
            put(t, ", ");
            describe(c, t, &r->dright, true);
            put(t, "]");
        }
        put(t, ")");
    } else {
        put(t, "undecided");
    }
}

static void print_plain(cli *c, const dx_limit_report *r, const char *var, const char *at, bool inf)
{
    text t = {0};
    if (inf) {
        put(&t, c->fmt == OUT_LATEX ? "%s \\to %s: " : "%s -> %s: ", var, at);
        describe(c, &t, r->want_left ? &r->left : &r->right, false);
        put(&t, "\n");
    } else {
        if (r->want_left) {
            put(&t, "left:  ");
            describe(c, &t, &r->left, false);
            put(&t, "\n");
        }
        if (r->want_right) {
            put(&t, "right: ");
            describe(c, &t, &r->right, false);
            put(&t, "\n");
        }
        put(&t, "limit: ");
        if (r->exists)
            describe(c, &t, &r->value, false);
        else if (r->want_left && r->want_right)
            no_limit(c, &t, r);
        else
            describe(c, &t, r->want_left ? &r->left : &r->right, false);
        put(&t, "\n");
    }
    put(&t, "method: ");
    methods(c, &t, r);
    put(&t, "\n");
    if (!inf) {
        put(&t, "f(%s): ", at);
        if (r->defined_at) {
            dx_lim fa = {.kind = DX_LIM_VALUE, .exact = r->f_at, .value = r->f_at_value};
            describe(c, &t, &fa, false);
        } else {
            char *why = dx_msg_text(c->ctx, &r->f_at_why, DX_PLAIN);
            put(&t, "undefined (%s)", why ? why : "");
            free(why);
        }
        put(&t, "\ncontinuous at %s: ", at);
        if (r->continuous == 1) {
            bool one = r->left.kind == DX_LIM_UNDEFINED || r->right.kind == DX_LIM_UNDEFINED || !r->want_left ||
                       !r->want_right;
            put(&t, "yes%s", !one ? "" : r->want_right && r->right.kind != DX_LIM_UNDEFINED ? " (from the right)" : " (from the left)");
        } else if (r->continuous == 0) {
            if (!r->defined_at && r->exists && r->value.kind == DX_LIM_VALUE)
                put(&t, "no (removable discontinuity: the limit exists but f(%s) is undefined)", at);
            else if (!r->defined_at)
                put(&t, "no (f(%s) is undefined)", at);
            else if (r->exists)
                put(&t, "no (the limit differs from f(%s))", at);
            else
                put(&t, "no (the limit does not exist)");
        } else {
            put(&t, "undecided");
        }
        put(&t, "\ndifferentiable at %s: ", at);
        differentiability(c, &t, r);
        put(&t, "\n");
    }
    if (t.s)
        fputs(t.s, c->out);
    free(t.s);
}

int cli_limit(cli *c, const cli_args *a)
{
    const char *at_text = cli_get(a, "at"), *side = cli_get(a, "side");
    if (!at_text)
        return cli_usage(c, "limit needs --at A (a number, pi/2, oo or -oo)");
    bool left = false, right = false;
    if (side && strcmp(side, "left") == 0)
        left = true;
    else if (side && strcmp(side, "right") == 0)
        right = true;
    else if (side && strcmp(side, "both") != 0)
        return cli_usage(c, "--side takes both, left or right (not '%s')", side);
    const char *var;
    dx_expr *f = cli_function(c, a, "limit", &var);
    if (!f)
        return CLI_BAD;
    dx_point p;
    if (!parse_point(c, at_text, &p))
        return CLI_BAD;
    if (p.inf && (left || right) && (left != (p.inf > 0)))
        return cli_usage(c, "at %s only the %s side exists", p.inf > 0 ? "oo" : "-oo", p.inf > 0 ? "left" : "right");
    dx_limit_report r;
    if (dx_limit(c->ctx, f, var, p, left, right, &r) != DX_OK)
        return cli_report(c, NULL);
    char *at = p.inf ? NULL : cli_show(c, p.at); /* plain for JSON */
    bool tex = c->fmt == OUT_LATEX;
    const char *at_s = p.inf > 0 ? (tex ? "\\infty" : "oo") : p.inf < 0 ? (tex ? "-\\infty" : "-oo") : at ? at : "?";
    if (c->fmt == OUT_JSON) {
        char *in = dx_print(c->ctx, f, DX_PLAIN);
        print_json(c, &r, in ? in : "", var, at_s);
        free(in);
    } else {
        print_plain(c, &r, var, at_s, p.inf != 0);
    }
    free(at);
    return CLI_OK;
}

/* For dfdx diff: where f' is undefined because of abs or relu, on stderr so that stdout stays
 * an expression dfdx can read back. A linear argument gives the exact point and the one-sided
 * derivatives there; otherwise the condition is named ("where x^2 - 1 = 0"). */
void cli_kink_note(cli *c, dx_expr *f, const char *var)
{
    enum { MAX = 8 };
    dx_expr *args[MAX];
    dx_expr *x = dx_sym(c->ctx, var, strlen(var));
    size_t n = x ? dx_kinks(c->ctx, f, x, args, MAX) : 0;
    for (size_t i = 0; i < n && i < MAX; i++) {
        dx_expr *root = dx_linear_root(c->ctx, args[i], x);
        char *u = dx_print(c->ctx, args[i], DX_PLAIN);
        if (!root) {
            fprintf(c->err, "dfdx: %snote: the derivative is undefined where %s = 0 (a kink of abs/relu)\n",
                    c->line_prefix, u ? u : "?");
            free(u);
            continue;
        }
        char *rs = dx_print(c->ctx, root, DX_PLAIN);
        dx_lim l, r;
        fprintf(c->err, "dfdx: %snote: f is not differentiable at %s = %s (kink where %s = 0)", c->line_prefix, var,
                rs ? rs : "?", u ? u : "?");
        if (dx_limit_onesided_derivatives(c->ctx, f, x, root, &l, &r) == DX_OK) {
            char *ls = describe_str(c, &l, true), *rt = describe_str(c, &r, true);
            fprintf(c->err, ": left derivative %s, right derivative %s", ls ? ls : "?", rt ? rt : "?");
            free(ls);
            free(rt);
        } else {
            dx_ctx_clear_error(c->ctx);
        }
        fputc('\n', c->err);
        free(rs);
        free(u);
    }
    dx_ctx_clear_error(c->ctx);
}

/* For dfdx tangent, where r (at a finite point) says f is not differentiable: why, from the
 * one-sided derivatives ("left derivative -1, right derivative 1; ..."), malloc'd. *vertical is
 * set when both sides (or the one where f is defined) go to the same infinity (x^(1/3) or
 * sqrt(x) at 0: the tangent is the vertical line x = A). */
char *cli_not_differentiable(cli *c, const dx_limit_report *r, bool *vertical)
{
    dx_lim_kind l = r->dleft.kind == DX_LIM_UNDEFINED ? r->dright.kind : r->dleft.kind;
    dx_lim_kind rk = r->dright.kind == DX_LIM_UNDEFINED ? r->dleft.kind : r->dright.kind;
    *vertical = r->continuous == 1 && l == rk && (l == DX_LIM_POS_INF || l == DX_LIM_NEG_INF);
    text t = {0};
    differentiability(c, &t, r);
    /* "no (why)" -> "why" */
    if (t.s && strncmp(t.s, "no (", 4) == 0 && t.n > 5) {
        memmove(t.s, t.s + 4, t.n - 5);
        t.s[t.n - 5] = 0;
    }
    return t.s;
}
