/* dfdx descend: gradient descent on the typed function, step by step, one or several rates. */
#include "cli.h"
#include "descend.h"
#include "eval.h"
#include "plot.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int cli_descend(cli *c, const cli_args *a);

#define MAX_RATES 16
#define MAX_ITEMS (DX_DESCEND_MAX_VARS + 1)

/* Split s at commas outside parentheses (log(x, 2) stays whole) into malloc'd pieces. */
static int split(cli *c, const char *opt, const char *s, char **parts, int max)
{
    int n = 0, depth = 0;
    const char *from = s;
    for (const char *p = s;; p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')')
            depth--;
        if (*p && (*p != ',' || depth > 0))
            continue;
        if (n == max) {
            cli_usage(c, "--%s takes at most %d values", opt, max);
            goto fail;
        }
        size_t len = (size_t)(p - from);
        while (len && (*from == ' ')) {
            from++;
            len--;
        }
        if (len == 0) {
            cli_usage(c, "--%s has an empty value in '%s'", opt, s);
            goto fail;
        }
        parts[n] = malloc(len + 1);
        if (!parts[n])
            goto fail;
        memcpy(parts[n], from, len);
        parts[n++][len] = 0;
        if (!*p)
            return n;
        from = p + 1;
    }
fail:
    while (n)
        free(parts[--n]);
    return -1;
}

static void free_parts(char **parts, int n)
{
    for (int i = 0; i < n; i++)
        free(parts[i]);
}

/* "name=VALUE": the length of the name, or 0 when the item has no such prefix. */
static size_t name_len(const char *s)
{
    size_t i = 0;
    while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_' ||
           (i > 0 && s[i] >= '0' && s[i] <= '9'))
        i++;
    return i > 0 && s[i] == '=' ? i : 0;
}

static bool has_var(dx_ctx *ctx, dx_expr *f, const char *name)
{
    const char **names;
    size_t n = dx_vars(ctx, f, &names);
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

static void list_vars(cli *c, dx_expr *f, char *buf, size_t len)
{
    const char **names;
    size_t n = dx_vars(c->ctx, f, &names), used = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && used < len; i++) {
        int w = snprintf(buf + used, len - used, "%s%s", i ? ", " : "", names[i]);
        used += w > 0 ? (size_t)w : 0;
    }
}

/* The name=value items of --start or --set; names must be variables of f. */
typedef struct assign {
    char *parts[MAX_ITEMS];
    const char *name[MAX_ITEMS];
    double val[MAX_ITEMS];
    int n;
} assign;

static bool parse_assign(cli *c, dx_expr *f, const char *opt, const char *s, assign *as, bool allow_bare)
{
    as->n = split(c, opt, s, as->parts, MAX_ITEMS);
    if (as->n < 0) {
        as->n = 0;
        return false;
    }
    for (int i = 0; i < as->n; i++) {
        char *p = as->parts[i];
        size_t k = name_len(p);
        if (k == 0 && allow_bare && as->n == 1) {
            as->name[i] = NULL; /* the one descent variable, found later */
            if (!cli_number(c, opt, p, &as->val[i]))
                return false;
            continue;
        }
        if (k == 0) {
            cli_usage(c, "--%s takes name=value items separated by commas, like w=0,b=1 (not '%s')", opt, p);
            return false;
        }
        p[k] = 0;
        as->name[i] = p;
        if (!has_var(c->ctx, f, p)) {
            char vars[200];
            list_vars(c, f, vars, sizeof vars);
            cli_usage(c, "--%s names %s, which is not a variable of the function (its variables: %s)", opt, p,
                      vars[0] ? vars : "none");
            return false;
        }
        if (!cli_number(c, opt, p + k + 1, &as->val[i]))
            return false;
    }
    return true;
}

/* --- showing rows: the first and last ones of a long run -------------------------------- */

typedef struct view {
    cli *c;
    const char *const *names;
    size_t n;
    bool show;          /* rows are shown at all */
    long head, tail;    /* rows shown at the start and at the end */
    long seen, shown;
    double *ring;       /* the last tail rows, rowlen doubles each */
    cli_trace *rec;     /* --plot: every stride-th row's position and loss, else NULL */
    long stride;
} view;

static size_t rowlen(size_t n) { return 3 + 3 * n; }

static void put_vec(view *v, const double *x)
{
    FILE *o = v->c->out;
    if (v->n == 1) {
        cli_json_num(o, x[0]);
        return;
    }
    fputc('{', o);
    for (size_t i = 0; i < v->n; i++) {
        fputs(i ? ", " : "", o);
        cli_json_str(o, v->names[i]);
        fputs(": ", o);
        cli_json_num(o, x[i]);
    }
    fputc('}', o);
}

static void plain_num(FILE *o, double x) { fprintf(o, " %12.6g", x + 0.0); } /* + 0.0: never "-0" */

static void show_row(view *v, const dx_descend_row *r)
{
    FILE *o = v->c->out;
    if (v->c->fmt == OUT_JSON) {
        fprintf(o, "%s{\"step\": %ld, \"position\": ", v->shown ? ", " : "", r->step);
        put_vec(v, r->position);
        fputs(", \"loss\": ", o);
        cli_json_num(o, r->loss);
        fputs(", \"gradient\": ", o);
        put_vec(v, r->gradient);
        if (v->n > 1) {
            fputs(", \"gradient_norm\": ", o);
            cli_json_num(o, r->grad_norm);
        }
        fputs(", \"update\": ", o);
        put_vec(v, r->update);
        fputc('}', o);
    } else {
        if (v->shown == 0) {
            fprintf(o, "%5s", "step");
            for (size_t i = 0; i < v->n; i++)
                fprintf(o, " %12s", v->names[i]);
            if (v->n == 1)
                fprintf(o, " %12s %12s %12s\n", "loss", "gradient", "update");
            else
                fprintf(o, " %12s %12s %12s\n", "loss", "|gradient|", "|update|");
        }
        fprintf(o, "%5ld", r->step);
        for (size_t i = 0; i < v->n; i++)
            plain_num(o, r->position[i]);
        plain_num(o, r->loss);
        if (v->n == 1) {
            plain_num(o, r->gradient[0]);
            plain_num(o, r->update[0]);
        } else {
            double s = 0;
            for (size_t i = 0; i < v->n; i++)
                s += r->update[i] * r->update[i];
            plain_num(o, r->grad_norm);
            plain_num(o, sqrt(s));
        }
        fputc('\n', o);
    }
    v->shown++;
}

static void on_row(void *user, const dx_descend_row *r)
{
    view *v = user;
    if (v->rec && r->step % v->stride == 0) {
        cli_trace *t = v->rec;
        if (t->x)
            t->x[t->n] = r->position[0];
        t->loss[t->n] = r->loss;
        t->step[t->n++] = (double)r->step;
    }
    if (!v->show)
        return;
    if (v->seen < v->head) {
        show_row(v, r);
    } else if (v->tail > 0) {
        double *s = v->ring + (size_t)((v->seen - v->head) % v->tail) * rowlen(v->n);
        s[0] = (double)r->step;
        s[1] = r->loss;
        s[2] = r->grad_norm;
        memcpy(s + 3, r->position, v->n * sizeof *s);
        memcpy(s + 3 + v->n, r->gradient, v->n * sizeof *s);
        memcpy(s + 3 + 2 * v->n, r->update, v->n * sizeof *s);
    }
    v->seen++;
}

/* After a run: the rows kept at the end, after a line saying how many were left out. */
static long finish_rows(view *v)
{
    long extra = v->seen - v->head;
    if (!v->show || extra <= 0)
        return 0;
    long kept = extra < v->tail ? extra : v->tail, omitted = extra - kept;
    if (omitted && v->c->fmt != OUT_JSON)
        fprintf(v->c->out, "  ... %ld step%s not shown (--rows N shows more) ...\n", omitted, omitted == 1 ? "" : "s");
    for (long i = omitted; i < extra; i++) {
        const double *s = v->ring + (size_t)(i % v->tail) * rowlen(v->n);
        dx_descend_row r = {(long)s[0], s + 3, s[1], s + 3 + v->n, s[2], s + 3 + 2 * v->n};
        show_row(v, &r);
    }
    return omitted;
}

/* --- what the result means ---------------------------------------------------------------- */

static const char *status_name(dx_descend_status s)
{
    return s == DX_CONVERGED ? "converged" : s == DX_DIVERGED ? "diverged" : s == DX_STOPPED ? "stopped" : "max_steps";
}

/* CLI.md fixes JSON's status to converged, diverged or max_steps: a run that stopped (a step
 * left f's domain, or no gradient where it stood) failed as a divergence does, and its
 * "outcome" (status_name) and "reason" say which. */
static const char *json_status(dx_descend_status s)
{
    return s == DX_STOPPED ? "diverged" : status_name(s);
}

static const char *method_name(dx_descend_method m)
{
    return m == DX_GD ? "gd" : m == DX_MOMENTUM ? "momentum" : "adam";
}

static const char *kind_name(dx_cp_kind k)
{
    return k == DX_CP_MIN ? "local minimum" : k == DX_CP_MAX ? "local maximum" : "stationary inflection point";
}

/* The critical points of a one-variable polynomial (from dx_extrema_find), and the global
 * minimum if there is one. */
typedef struct minima {
    int n;              /* -1: not a polynomial, nothing to say */
    dx_extrema_result ex;
    int global;         /* index of the global minimum among ex.crit, -1 if none */
} minima;

static void find_minima(cli *c, dx_expr *f, const char *var, minima *m)
{
    m->n = m->global = -1;
    if (dx_extrema(c->ctx, f, var, NULL, NULL, &m->ex) != DX_OK) {
        dx_ctx_clear_error(c->ctx); /* a remark we cannot make, not a failure of descent */
        return;
    }
    if (!m->ex.polynomial || m->ex.degree < 2) {
        dx_extrema_free(&m->ex);
        return;
    }
    m->n = (int)m->ex.ncrit;
    for (int i = 0; m->ex.min.exists && i < m->n; i++)
        if (m->ex.crit[i].kind == DX_CP_MIN &&
            (m->global < 0 || m->ex.crit[i].at.value < m->ex.crit[m->global].at.value))
            m->global = i;
}

/* Is critical point i a global minimum? Several can be, with equal values ((x-1)^2*(x+2)^2). */
static bool is_global(const minima *m, int i)
{
    if (m->global < 0 || m->ex.crit[i].kind != DX_CP_MIN)
        return false;
    double g = m->ex.crit[m->global].at.value;
    return m->ex.crit[i].at.value <= g + 1e-9 * (1 + fabs(g));
}

static int globals(const minima *m)
{
    int k = 0;
    for (int i = 0; i < m->n; i++)
        k += is_global(m, i);
    return k;
}

/* One sentence: where descent stopped, against the critical points. "converged to a local
 * minimum at w = 1.93; the global minimum is at w = -2.06 (f = -0.0607)". */
static void remark(dx_ctx *ctx, const minima *m, const char *var, double w, const dx_descend_result *r, char *buf, size_t len)
{
    buf[0] = 0;
    if (m->n < 0)
        return;
    char global[160];
    if (m->global >= 0)
        snprintf(global, sizeof global, "the global minimum is at %s = %.6g (f = %.6g)", var,
                 m->ex.crit[m->global].at.x + 0.0, m->ex.crit[m->global].at.value + 0.0);
    else {
        char *why = dx_msg_text(ctx, &m->ex.min.why, DX_PLAIN);
        snprintf(global, sizeof global, "f has no global minimum (%.120s)", why ? why : "");
        free(why);
    }
    if (r->status == DX_DIVERGED || !isfinite(w)) {
        snprintf(buf, len, "descent diverged; %s", global);
        return;
    }
    int near = -1;
    for (int i = 0; i < m->n; i++)
        if (near < 0 || fabs(m->ex.crit[i].at.x - w) < fabs(m->ex.crit[near].at.x - w))
            near = i;
    if (near < 0) {
        snprintf(buf, len, "f has no critical point; %s", global);
        return;
    }
    const dx_xpoint *p = &m->ex.crit[near].at;
    dx_cp_kind kind = m->ex.crit[near].kind;
    bool at = fabs(p->x - w) <= 1e-4 * (1 + fabs(p->x));
    const char *verb = r->status == DX_CONVERGED ? "converged to" : "reached";
    const char *the = globals(m) > 1 ? "a" : "the";
    if (at && is_global(m, near))
        snprintf(buf, len, "%s %s global minimum at %s = %.6g (f = %.6g)", verb, the, var, p->x + 0.0, p->value + 0.0);
    else if (at)
        snprintf(buf, len, "%s a %s at %s = %.6g (f = %.6g); %s", verb, kind_name(kind), var, p->x + 0.0, p->value + 0.0,
                 global);
    else
        snprintf(buf, len, "ended at %s = %.6g, not yet at a critical point: the nearest is %s %s at %s = %.6g "
                 "(f = %.6g)%s%s", var, w + 0.0, is_global(m, near) ? the : "the",
                 is_global(m, near) ? "global minimum" : kind_name(kind), var, p->x + 0.0, p->value + 0.0,
                 is_global(m, near) ? "" : "; ", is_global(m, near) ? "" : global);
}

static void put_minima(cli *c, const minima *m, const char *var)
{
    FILE *o = c->out;
    if (m->n < 0)
        return;
    if (c->fmt == OUT_JSON) {
        fputs(", \"critical_points\": [", o);
        for (int i = 0; i < m->n; i++) {
            const dx_crit *p = &m->ex.crit[i];
            fprintf(o, "%s{\"x\": ", i ? ", " : "");
            cli_json_num(o, p->at.x);
            fputs(", \"value\": ", o);
            cli_json_num(o, p->at.value);
            fprintf(o, ", \"kind\": \"%s\"}", p->kind == DX_CP_MIN ? "min" : p->kind == DX_CP_MAX ? "max" : "neither");
        }
        fputs("], \"global_min\": ", o);
        if (m->global < 0) {
            fputs("null", o);
        } else {
            fputs("{\"x\": ", o);
            cli_json_num(o, m->ex.crit[m->global].at.x);
            fputs(", \"value\": ", o);
            cli_json_num(o, m->ex.crit[m->global].at.value);
            fputc('}', o);
        }
        return;
    }
    fputs("critical points:", o);
    for (int i = 0; i < m->n; i++)
        fprintf(o, "%s %s at %s = %.6g (f = %.6g)%s", i ? ";" : "", kind_name(m->ex.crit[i].kind), var,
                m->ex.crit[i].at.x + 0.0, m->ex.crit[i].at.value + 0.0, is_global(m, i) ? ", a global minimum" : "");
    fputs(m->n ? "\n" : " none\n", o);
}

/* --- one run, and the comparison of several -------------------------------------------- */

typedef struct run {
    double rate;
    dx_descend_result res;
    double *pos;
    const char *verdict;
    cli_trace trace;
} run;

/* Room for a run's path: at most DX_PLOT_MAX_POINTS points, every stride-th step of a long
 * run and the final position. */
static bool trace_alloc(cli_trace *t, long steps, bool one_var, long *stride)
{
    *stride = steps / (DX_PLOT_MAX_POINTS - 2) + 1;
    size_t cap = (size_t)(steps / *stride) + 2;
    t->n = 0;
    t->x = one_var ? malloc(cap * sizeof *t->x) : NULL;
    t->loss = malloc(cap * sizeof *t->loss);
    t->step = malloc(cap * sizeof *t->step);
    return (t->x || !one_var) && t->loss && t->step;
}

static void trace_free(cli_trace *t)
{
    free(t->x);
    free(t->loss);
    free(t->step);
}

/* The end of the run, where it stopped (no row is reported for it). */
static void trace_end(cli_trace *t, const run *r)
{
    if (t->n && t->step[t->n - 1] == (double)r->res.steps)
        return;
    if (t->x)
        t->x[t->n] = r->pos[0];
    t->loss[t->n] = r->res.loss;
    t->step[t->n++] = (double)r->res.steps;
}

/* f with the --set values put in exactly (w*x - y with x=2 is a curve in w alone). */
static dx_expr *fixed(cli *c, dx_expr *f, const assign *set)
{
    for (int i = 0; f && i < set->n; i++) {
        double v;
        dx_expr *val;
        const char *text = set->parts[i] + strlen(set->parts[i]) + 1;
        if (!cli_number_ex(c, "set", text, false, &v, &val))
            return NULL;
        f = dx_subst(c->ctx, f, dx_sym(c->ctx, set->name[i], strlen(set->name[i])), val);
    }
    if (!f)
        cli_report(c, NULL);
    return f;
}

static void put_final(cli *c, view *v, const run *r)
{
    FILE *o = c->out;
    if (c->fmt == OUT_JSON) {
        fprintf(o, ", \"status\": \"%s\", \"outcome\": \"%s\", \"reason\": ", json_status(r->res.status),
                status_name(r->res.status));
        cli_json_str(o, r->res.msg);
        fprintf(o, ", \"steps_taken\": %ld, \"final\": {\"position\": ", r->res.steps);
        put_vec(v, r->pos);
        fputs(", \"loss\": ", o);
        cli_json_num(o, r->res.loss);
        fputs(", \"gradient_norm\": ", o);
        cli_json_num(o, r->res.grad_norm);
        fprintf(o, "}, \"subgradient_steps\": %ld", r->res.subgradients);
        return;
    }
    fputs("final:", o);
    for (size_t i = 0; i < v->n; i++)
        fprintf(o, "%s %s = %.10g", i ? "," : "", v->names[i], r->pos[i] + 0.0);
    if (isfinite(r->res.loss))
        fprintf(o, "  loss = %.10g", r->res.loss + 0.0);
    else
        fputs("  loss = undefined", o);
    fprintf(o, "  after %ld step%s\n", r->res.steps, r->res.steps == 1 ? "" : "s");
    fprintf(o, "status: %s (%s)\n", status_name(r->res.status), r->res.msg);
    if (r->res.subgradients)
        fprintf(o, "note: %ld step%s started at a kink, where f is not differentiable; descent used the subgradient "
                   "nearest 0 (of those between the one-sided derivatives) there\n",
                r->res.subgradients, r->res.subgradients == 1 ? "" : "s");
}

/* The lesson's summary: a rate that diverges or keeps swinging across the minimum is too
 * large, the one that converges fastest (or ends lowest) is just right, slower ones too small. */
static void judge(run *runs, int n)
{
    int best = -1;
    for (int i = 0; i < n; i++) {
        const dx_descend_result *r = &runs[i].res;
        if (r->status == DX_DIVERGED || r->status == DX_STOPPED || !isfinite(r->loss))
            continue;
        if (best < 0) {
            best = i;
            continue;
        }
        const dx_descend_result *b = &runs[best].res;
        bool rc = r->status == DX_CONVERGED, bc = b->status == DX_CONVERGED;
        if (rc != bc ? rc : rc ? r->steps < b->steps || (r->steps == b->steps && r->loss < b->loss)
                               : r->loss < b->loss)
            best = i;
    }
    for (int i = 0; i < n; i++) {
        const dx_descend_result *r = &runs[i].res;
        if (r->status == DX_STOPPED && r->why == DX_WHY_DOMAIN)
            runs[i].verdict = "too large: stepped out of f's domain";
        else if (r->status == DX_STOPPED)
            runs[i].verdict = "stopped: the gradient is undefined where it stands";
        else if (r->status == DX_DIVERGED || !isfinite(r->loss))
            runs[i].verdict = "too large: diverged";
        else if (i == best)
            runs[i].verdict = r->status == DX_CONVERGED ? "just right: converged in the fewest steps"
                                                         : "just right: the lowest final loss";
        else if (2 * r->reversals > r->steps)
            runs[i].verdict = "too large: swings back and forth across the minimum";
        else if (r->status == DX_CONVERGED)
            runs[i].verdict = "too small: converged, but in more steps";
        else
            runs[i].verdict = "too small: still creeping towards the minimum";
    }
}

static void put_comparison(cli *c, view *v, const run *runs, int n)
{
    FILE *o = c->out;
    fprintf(o, "%12s", "rate");
    for (size_t i = 0; i < v->n; i++)
    {
        char label[80];
        snprintf(label, sizeof label, "%s%s", v->n == 1 ? "final " : "", v->names[i]);
        fprintf(o, " %12s", label);
    }
    fprintf(o, " %12s %7s  %-10s %s\n", "final loss", "steps", "status", "verdict");
    for (int k = 0; k < n; k++) {
        const run *r = &runs[k];
        fprintf(o, "%12.6g", r->rate);
        for (size_t i = 0; i < v->n; i++)
            plain_num(o, r->pos[i]);
        if (isfinite(r->res.loss))
            plain_num(o, r->res.loss);
        else
            fprintf(o, " %12s", "undefined");
        fprintf(o, " %7ld  %-10s %s\n", r->res.steps, status_name(r->res.status), r->verdict);
    }
    for (int k = 0; k < n; k++)
        if (runs[k].res.status == DX_DIVERGED || runs[k].res.status == DX_STOPPED)
            fprintf(o, "rate %g %s: %s\n", runs[k].rate, status_name(runs[k].res.status), runs[k].res.msg);
}

static void put_header(cli *c, dx_expr *f, const dx_descend_opts *o, const char *const *names, const double *start,
                       size_t n, const double *rates, int nrates)
{
    FILE *out = c->out;
    char *fs = cli_show(c, f); /* plain for JSON */
    if (c->fmt == OUT_JSON) {
        fputs("{\"function\": ", out);
        cli_json_str(out, fs ? fs : "");
        fprintf(out, ", \"method\": \"%s\", \"variables\": [", method_name(o->method));
        for (size_t i = 0; i < n; i++) {
            fputs(i ? ", " : "", out);
            cli_json_str(out, names[i]);
        }
        fputs("], \"start\": {", out);
        for (size_t i = 0; i < n; i++) {
            fputs(i ? ", " : "", out);
            cli_json_str(out, names[i]);
            fputs(": ", out);
            cli_json_num(out, start[i]);
        }
        fprintf(out, "}, \"max_steps\": %ld, \"tol\": ", o->steps);
        cli_json_num(out, o->tol);
        if (o->method != DX_GD) {
            fputs(", \"beta\": ", out);
            cli_json_num(out, o->beta);
        }
        if (o->method == DX_ADAM) {
            fputs(", \"beta2\": ", out);
            cli_json_num(out, o->beta2);
        }
        free(fs);
        return;
    }
    const char *what = o->method == DX_GD ? "gradient descent" : o->method == DX_MOMENTUM ? "momentum descent" : "Adam";
    fprintf(out, "%s on %s from", what, fs ? fs : "f");
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s %s = %.10g", i ? "," : "", names[i], start[i] + 0.0);
    fputs(" (", out);
    if (nrates == 1)
        fprintf(out, "learning rate %g, ", rates[0]);
    if (o->method == DX_MOMENTUM)
        fprintf(out, "beta %g, ", o->beta);
    if (o->method == DX_ADAM)
        fprintf(out, "beta1 %g, beta2 %g, ", o->beta, o->beta2);
    fprintf(out, "at most %ld step%s, tolerance %g)\n", o->steps, o->steps == 1 ? "" : "s", o->tol);
    free(fs);
}

/* --- options ------------------------------------------------------------------------------- */

static bool read_opts(cli *c, const cli_args *a, dx_descend_opts *o, double *rates, int *nrates, long *rows)
{
    dx_descend_defaults(o);
    const char *s;
    if ((s = cli_get(a, "method"))) {
        if (strcmp(s, "gd") == 0)
            o->method = DX_GD;
        else if (strcmp(s, "momentum") == 0)
            o->method = DX_MOMENTUM;
        else if (strcmp(s, "adam") == 0)
            o->method = DX_ADAM;
        else
            return cli_usage(c, "--method takes gd, momentum or adam (not '%s')", s), false;
    }
    if ((s = cli_get(a, "steps")) && !cli_whole(c, "steps", s, 1, DX_DESCEND_MAX_STEPS, &o->steps))
        return false;
    if ((s = cli_get(a, "rows")) && !cli_whole(c, "rows", s, 0, DX_DESCEND_MAX_STEPS, rows))
        return false;
    if ((s = cli_get(a, "tol")) && !cli_number(c, "tol", s, &o->tol))
        return false;
    if ((s = cli_get(a, "beta")) && !cli_number(c, "beta", s, &o->beta))
        return false;
    if ((s = cli_get(a, "beta2")) && !cli_number(c, "beta2", s, &o->beta2))
        return false;
    if ((s = cli_get(a, "beta")) && o->method == DX_GD)
        return cli_usage(c, "--beta is for --method momentum or adam"), false;
    if ((s = cli_get(a, "beta2")) && o->method != DX_ADAM)
        return cli_usage(c, "--beta2 is for --method adam"), false;
    *nrates = 1;
    rates[0] = o->rate;
    if ((s = cli_get(a, "rate"))) {
        char *parts[MAX_RATES];
        int n = split(c, "rate", s, parts, MAX_RATES);
        if (n < 0)
            return false;
        bool ok = true;
        for (int i = 0; ok && i < n; i++)
            ok = cli_number(c, "rate", parts[i], &rates[i]);
        free_parts(parts, n);
        if (!ok)
            return false;
        *nrates = n;
    }
    for (int i = 0; i < *nrates; i++) {
        o->rate = rates[i];
        if (!dx_descend_check(c->ctx, o))
            return cli_report(c, NULL), false;
    }
    return true;
}

/* The descent variables and start from --start, the fixed ones from --set. */
static bool read_point(cli *c, const cli_args *a, dx_expr *f, assign *start, assign *set)
{
    const char *s = cli_get(a, "set");
    if (s && !parse_assign(c, f, "set", s, set, false))
        return false;
    s = cli_get(a, "start");
    if (!s)
        return cli_usage(c, "descend needs a start point: --start W0 (or --start w=0,b=1 for several variables)"),
               false;
    if (!parse_assign(c, f, "start", s, start, true))
        return false;
    if (start->n == 1 && !start->name[0]) {
        /* a bare number: the start of the one variable not fixed by --set */
        const char **names;
        size_t n = dx_vars(c->ctx, f, &names);
        const char *only = NULL;
        int free_vars = 0;
        for (size_t i = 0; i < n; i++) {
            bool fixed = false;
            for (int j = 0; j < set->n; j++)
                fixed = fixed || strcmp(set->name[j], names[i]) == 0;
            if (!fixed) {
                only = names[i];
                free_vars++;
            }
        }
        if (free_vars != 1) {
            char vars[200];
            list_vars(c, f, vars, sizeof vars);
            if (free_vars)
                return cli_usage(c, "several variables (%s): give --start as w=0,b=1 and fix the others with "
                                    "--set x=2", vars), false;
            return cli_usage(c, "nothing to descend on: the function has no free variable"), false;
        }
        start->name[0] = only; /* owned by the context */
    }
    return true;
}

int cli_descend(cli *c, const cli_args *a)
{
    dx_descend_opts o;
    double rates[MAX_RATES];
    int nrates;
    long rows = c->fmt == OUT_JSON ? 10000 : 40;
    if (!read_opts(c, a, &o, rates, &nrates, &rows))
        return CLI_BAD;
    dx_expr *f = cli_parse(c, a->pos[0]);
    if (!f)
        return CLI_BAD;
    assign start = {0}, set = {0};
    int rc = CLI_BAD;
    dx_descent *d = NULL;
    run runs[MAX_RATES] = {0};
    double *ring = NULL;
    minima m;
    m.n = m.global = -1;
    if (!read_point(c, a, f, &start, &set))
        goto out;
    size_t n = (size_t)start.n;
    d = dx_descend_prepare(c->ctx, f, start.name, n, set.name, set.val, (size_t)set.n);
    if (!d) {
        const dx_error *e = dx_ctx_error(c->ctx);
        if (e->msg.id == DX_M_NO_VALUE) {
            /* "no value for x, y": suggest --set x=...,y=... with those names */
            char missing[200], vars[200], eg[400] = "";
            snprintf(missing, sizeof missing, "%s", e->msg.arg[0].u.s);
            snprintf(vars, sizeof vars, "%s", missing);
            dx_ctx_clear_error(c->ctx);
            size_t used = 0;
            for (char *p = strtok(vars, ", "); p && used < sizeof eg; p = strtok(NULL, ", ")) {
                int w = snprintf(eg + used, sizeof eg - used, "%s%s=...", used ? "," : "", p);
                used += w > 0 ? (size_t)w : 0;
            }
            bool one = strchr(missing, ',') == NULL;
            cli_usage(c, "no value for %s: fix %s with --set %s, or descend on %s with --start", missing,
                      one ? "it" : "them", eg, one ? "it" : "them");
        } else {
            cli_report(c, NULL);
        }
        goto out;
    }
    bool pictures = cli_has(a, "plot") || cli_has(a, "out");
    int panels = n > 1 ? nrates : nrates == 1 ? 2 : nrates, cols = panels < 3 ? panels : 3;
    cli_canvas pc;
    if (pictures && !cli_picture(c, a, 560 * cols, 460 * ((panels + cols - 1) / cols), &pc))
        goto out;
    if (pictures && !pc.out && c->fmt == OUT_JSON) {
        cli_usage(c, "--plot draws in the terminal; with --format json write the pictures to a file with --out");
        goto out;
    }
    if (pictures && !pc.out && !cli_has(a, "size"))
        pc.h = 18; /* a panel, not the whole terminal */
    bool table = nrates == 1 || cli_has(a, "table") || c->fmt == OUT_JSON;
    view v = {c, start.name, n, table, rows - rows / 2, rows / 2, 0, 0, NULL, NULL, 1};
    /* the kept tail is bounded by the run and by memory (32 MB); the head is printed at once */
    long fit = (long)(((size_t)4 << 20) / rowlen(n));
    v.tail = v.tail < o.steps ? v.tail : o.steps;
    v.tail = v.tail < fit ? v.tail : fit;
    ring = malloc((size_t)(v.tail ? v.tail : 1) * rowlen(n) * sizeof *ring);
    if (!ring) {
        cli_usage(c, "out of memory");
        goto out;
    }
    v.ring = ring;
    if (n == 1 && set.n == 0)
        find_minima(c, f, start.name[0], &m);
    put_header(c, f, &o, start.name, start.val, n, rates, nrates);
    if (c->fmt == OUT_JSON && nrates > 1)
        fputs(", \"runs\": [", c->out);
    for (int k = 0; k < nrates; k++) {
        run *r = &runs[k];
        r->rate = o.rate = rates[k];
        r->pos = malloc(n * sizeof *r->pos);
        if (!r->pos) {
            cli_usage(c, "out of memory");
            goto out;
        }
        v.seen = v.shown = 0;
        if (pictures) {
            if (!trace_alloc(&r->trace, o.steps, n == 1, &v.stride)) {
                cli_usage(c, "out of memory");
                goto out;
            }
            r->trace.rate = r->rate;
            v.rec = &r->trace;
        }
        if (c->fmt == OUT_JSON) {
            if (nrates > 1) {
                fprintf(c->out, "%s{\"rate\": ", k ? ", " : "");
                cli_json_num(c->out, r->rate);
                fputs(", ", c->out);
            } else {
                fputs(", \"rate\": ", c->out);
                cli_json_num(c->out, r->rate);
                fputs(", ", c->out);
            }
            fputs("\"steps\": [", c->out);
        } else if (table && nrates > 1) {
            fprintf(c->out, "%slearning rate %g:\n", k ? "\n" : "", r->rate);
        }
        if (dx_descend_run(d, c->ctx, start.val, &o, on_row, &v, &r->res, r->pos) != DX_OK) {
            if (c->fmt == OUT_JSON)
                fputs("]}\n", c->out); /* keep what was printed well-formed */
            cli_report(c, NULL);
            goto out;
        }
        if (pictures) {
            trace_end(&r->trace, r);
            r->trace.status = status_name(r->res.status);
        }
        long omitted = finish_rows(&v);
        if (c->fmt == OUT_JSON)
            fprintf(c->out, "], \"rows_omitted\": %ld", omitted);
        if (nrates == 1 || table)
            put_final(c, &v, r);
        if (c->fmt == OUT_JSON && nrates > 1)
            fputc('}', c->out);
    }
    char said[400] = "";
    if (nrates == 1)
        remark(c->ctx, &m, start.name[0], runs[0].pos[0], &runs[0].res, said, sizeof said);
    if (c->fmt == OUT_JSON) {
        if (nrates > 1) {
            fputs("], \"comparison\": [", c->out);
            judge(runs, nrates);
            for (int k = 0; k < nrates; k++) {
                fprintf(c->out, "%s{\"rate\": ", k ? ", " : "");
                cli_json_num(c->out, runs[k].rate);
                fprintf(c->out, ", \"status\": \"%s\", \"outcome\": \"%s\", \"steps_taken\": %ld, \"final\": {\"position\": ",
                        json_status(runs[k].res.status), status_name(runs[k].res.status), runs[k].res.steps);
                put_vec(&v, runs[k].pos);
                fputs(", \"loss\": ", c->out);
                cli_json_num(c->out, runs[k].res.loss);
                fputs("}, \"verdict\": ", c->out);
                cli_json_str(c->out, runs[k].verdict);
                fputc('}', c->out);
            }
            fputc(']', c->out);
        }
        put_minima(c, &m, start.name[0]);
        if (said[0]) {
            fputs(", \"remark\": ", c->out);
            cli_json_str(c->out, said);
        }
        fputs("}\n", c->out);
    } else {
        if (nrates > 1) {
            judge(runs, nrates);
            if (table)
                fputc('\n', c->out);
            put_comparison(c, &v, runs, nrates);
        }
        if (m.n >= 0 && nrates > 1)
            put_minima(c, &m, start.name[0]);
        if (said[0])
            fprintf(c->out, "%s\n", said);
    }
    rc = CLI_OK;
    if (pictures) {
        cli_trace traces[MAX_RATES];
        for (int k = 0; k < nrates; k++)
            traces[k] = runs[k].trace;
        dx_expr *g = n == 1 ? fixed(c, f, &set) : f;
        rc = g ? cli_descend_pictures(c, &pc, g, n == 1 ? start.name[0] : NULL, traces, nrates) : CLI_BAD;
    }
out:
    for (int k = 0; k < nrates; k++) {
        free(runs[k].pos);
        trace_free(&runs[k].trace);
    }
    free(ring);
    if (m.n >= 0)
        dx_extrema_free(&m.ex);
    dx_descend_free(d);
    free_parts(start.parts, start.n);
    free_parts(set.parts, set.n);
    return rc;
}
