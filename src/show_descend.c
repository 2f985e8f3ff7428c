/* The descent lesson as `dfdx descend` prints it: plain, LaTeX (the function in LaTeX) or JSON. */
#include "dfdx/descend.h"
#include "alloc.h"
#include "expr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One catalogue row, its arguments filled in. */
static void say(dx_ctx *ctx, dx_buf *b, dx_format fmt, dx_msg m) { dx_msg_render(ctx, b, &m, fmt); }

/* A catalogue row in a column of width w: right-aligned ("%12s"), or left (w < 0, "%-10s"). */
static void column(dx_ctx *ctx, dx_buf *b, dx_msg m, int w)
{
    char *s = dx_msg_text(ctx, &m, DX_PLAIN);
    if (s)
        dx_buf_pad(b, s, w);
    else
        b->oom = true;
    dx_free(s);
}

/* A catalogue row as a JSON string. */
static void json_msg(dx_ctx *ctx, dx_buf *b, dx_msg m)
{
    char *s = dx_msg_text(ctx, &m, DX_PLAIN);
    if (s)
        dx_json_str(b, s);
    else
        b->oom = true;
    dx_free(s);
}

static void plain_num(dx_buf *b, double x) { dx_buf_printf(b, " %12.6g", x + 0.0); } /* + 0.0: never "-0" */

/* JSON names are data, not words: never translated. */
static const char *status_name(dx_descend_status s)
{
    return s == DX_CONVERGED ? "converged" : s == DX_DIVERGED ? "diverged" : s == DX_STOPPED ? "stopped" : "max_steps";
}

/* CLI.md fixes JSON's status to converged, diverged or max_steps: a run that stopped (a step
 * left f's domain, or no gradient where it stood) failed as a divergence does, and its
 * "outcome" (status_name) and "reason" say which. */
static const char *json_status(dx_descend_status s) { return s == DX_STOPPED ? "diverged" : status_name(s); }

static const char *method_name(dx_descend_method m)
{
    return m == DX_GD ? "gd" : m == DX_MOMENTUM ? "momentum" : "adam";
}


static const dx_msg_id kind_ids[] = {
    [DX_DESCEND_MIN] = DX_M_DESCEND_LOCAL_MIN,
    [DX_DESCEND_MAX] = DX_M_DESCEND_LOCAL_MAX,
    [DX_DESCEND_FLAT] = DX_M_DESCEND_FLAT,
};

static void put_vec(const dx_descend_lesson *l, dx_buf *b, const double *x)
{
    if (l->nvars == 1) {
        dx_json_num(b, x[0]);
        return;
    }
    dx_buf_putc(b, '{');
    for (size_t i = 0; i < l->nvars; i++) {
        dx_buf_puts(b, i ? ", " : "");
        dx_json_str(b, l->vars[i]);
        dx_buf_puts(b, ": ");
        dx_json_num(b, x[i]);
    }
    dx_buf_putc(b, '}');
}

static void put_row(dx_ctx *ctx, const dx_descend_lesson *l, dx_buf *b, bool json, size_t shown,
                    const dx_descend_row *r)
{
    size_t n = l->nvars;
    if (json) {
        dx_buf_printf(b, "%s{\"step\": %ld, \"position\": ", shown ? ", " : "", r->step);
        put_vec(l, b, r->position);
        dx_buf_puts(b, ", \"loss\": ");
        dx_json_num(b, r->loss);
        dx_buf_puts(b, ", \"gradient\": ");
        put_vec(l, b, r->gradient);
        if (n > 1) {
            dx_buf_puts(b, ", \"gradient_norm\": ");
            dx_json_num(b, r->grad_norm);
        }
        dx_buf_puts(b, ", \"update\": ");
        put_vec(l, b, r->update);
        dx_buf_putc(b, '}');
        return;
    }
    if (shown == 0) {
        column(ctx, b, DX_MSG(DX_M_DESCEND_COL_STEP), 5);
        for (size_t i = 0; i < n; i++)
            dx_buf_printf(b, " %12s", l->vars[i]);
        dx_buf_putc(b, ' ');
        column(ctx, b, DX_MSG(DX_M_DESCEND_COL_LOSS), 12);
        dx_buf_putc(b, ' ');
        column(ctx, b, DX_MSG(n == 1 ? DX_M_DESCEND_COL_GRADIENT : DX_M_DESCEND_COL_GRADIENT_NORM), 12);
        dx_buf_putc(b, ' ');
        column(ctx, b, DX_MSG(n == 1 ? DX_M_DESCEND_COL_UPDATE : DX_M_DESCEND_COL_UPDATE_NORM), 12);
        dx_buf_putc(b, '\n');
    }
    dx_buf_printf(b, "%5ld", r->step);
    for (size_t i = 0; i < n; i++)
        plain_num(b, r->position[i]);
    plain_num(b, r->loss);
    if (n == 1) {
        plain_num(b, r->gradient[0]);
        plain_num(b, r->update[0]);
    } else {
        double s = 0;
        for (size_t i = 0; i < n; i++)
            s += r->update[i] * r->update[i];
        plain_num(b, r->grad_norm);
        plain_num(b, sqrt(s));
    }
    dx_buf_putc(b, '\n');
}

/* A run's rows: the first ones, a line saying how many were left out, the last ones. */
static void put_rows(dx_ctx *ctx, const dx_descend_lesson *l, const dx_descend_one *one, dx_buf *b, bool json)
{
    for (size_t i = 0; i <= one->nrows; i++) {
        if (i == one->head && one->omitted && !json) {
            say(ctx, b, DX_PLAIN,
                DX_MSG(DX_M_DESCEND_ROWS_OMITTED, DX_I(one->omitted)));
            dx_buf_putc(b, '\n');
        }
        if (i < one->nrows)
            put_row(ctx, l, b, json, i, &one->rows[i]);
    }
}

static void put_header(dx_ctx *ctx, const dx_descend_lesson *l, dx_buf *b, dx_show how)
{
    const dx_descend_opts *o = &l->opts;
    if (how == DX_SHOW_JSON) {
        char *fs = dx_print(ctx, l->f, DX_PLAIN);
        dx_buf_puts(b, "{\"function\": ");
        dx_json_str(b, fs ? fs : "");
        b->oom |= !fs && dx_ctx_error(ctx)->status == DX_ENOMEM; /* "" would be another answer */
        dx_free(fs);
        dx_buf_printf(b, ", \"method\": \"%s\", \"variables\": [", method_name(o->method));
        for (size_t i = 0; i < l->nvars; i++) {
            dx_buf_puts(b, i ? ", " : "");
            dx_json_str(b, l->vars[i]);
        }
        dx_buf_puts(b, "], \"start\": {");
        for (size_t i = 0; i < l->nvars; i++) {
            dx_buf_puts(b, i ? ", " : "");
            dx_json_str(b, l->vars[i]);
            dx_buf_puts(b, ": ");
            dx_json_num(b, l->start[i]);
        }
        dx_buf_printf(b, "}, \"max_steps\": %ld, \"tol\": ", o->steps);
        dx_json_num(b, o->tol);
        if (o->method != DX_GD) {
            dx_buf_puts(b, ", \"beta\": ");
            dx_json_num(b, o->beta);
        }
        if (o->method == DX_ADAM) {
            dx_buf_puts(b, ", \"beta2\": ");
            dx_json_num(b, o->beta2);
        }
        if (l->data_rows)
            dx_buf_printf(b, ", \"data_rows\": %zu", l->data_rows);
        if (l->batch)
            dx_buf_printf(b, ", \"batch\": %zu, \"seed\": %llu", l->batch, l->seed);
        return;
    }
    dx_format fmt = how == DX_SHOW_LATEX ? DX_LATEX : DX_PLAIN;
    dx_msg what = DX_MSG(o->method == DX_GD ? DX_M_DESCEND_GD : o->method == DX_MOMENTUM ? DX_M_DESCEND_MOMENTUM
                                                                                            : DX_M_DESCEND_ADAM);
    say(ctx, b, fmt, DX_MSG(DX_M_DESCEND_HEADER, DX_N(&what), DX_E(l->f)));
    for (size_t i = 0; i < l->nvars; i++)
        dx_buf_printf(b, "%s %s = %.10g", i ? "," : "", l->vars[i], l->start[i] + 0.0);
    dx_buf_puts(b, " (");
    if (l->nruns == 1)
        say(ctx, b, fmt, DX_MSG(DX_M_DESCEND_HEADER_RATE, DX_D(o->rate)));
    if (o->method == DX_MOMENTUM)
        say(ctx, b, fmt, DX_MSG(DX_M_DESCEND_HEADER_BETA, DX_D(o->beta)));
    if (o->method == DX_ADAM)
        say(ctx, b, fmt, DX_MSG(DX_M_DESCEND_HEADER_BETAS, DX_D(o->beta), DX_D(o->beta2)));
    say(ctx, b, fmt, DX_MSG(DX_M_DESCEND_HEADER_LIMIT, DX_I(o->steps),
                            DX_D(o->tol)));
    dx_buf_puts(b, ")\n");
    if (l->data_rows) {
        say(ctx, b, fmt, DX_MSG(DX_M_DESCEND_DATA_MEAN, DX_I((long long)l->data_rows)));
        if (l->batch)
            say(ctx, b, fmt, DX_MSG(DX_M_DESCEND_BATCH, DX_I((long long)l->batch), DX_I((long long)l->seed)));
        dx_buf_putc(b, '\n');
    }
}

static void put_final(dx_ctx *ctx, const dx_descend_lesson *l, const dx_descend_one *r, dx_buf *b, bool json)
{
    if (json) {
        dx_buf_printf(b, ", \"status\": \"%s\", \"outcome\": \"%s\", \"reason\": ", json_status(r->res.status),
                      status_name(r->res.status));
        json_msg(ctx, b, r->res.reason);
        dx_buf_printf(b, ", \"steps_taken\": %ld, \"final\": {\"position\": ", r->res.steps);
        put_vec(l, b, r->position);
        dx_buf_puts(b, ", \"loss\": ");
        dx_json_num(b, r->res.loss);
        dx_buf_puts(b, ", \"gradient_norm\": ");
        dx_json_num(b, r->res.grad_norm);
        dx_buf_printf(b, "}, \"subgradient_steps\": %ld", r->res.subgradients);
        return;
    }
    say(ctx, b, DX_PLAIN, DX_MSG(DX_M_DESCEND_FINAL));
    for (size_t i = 0; i < l->nvars; i++)
        dx_buf_printf(b, "%s %s = %.10g", i ? "," : "", l->vars[i], r->position[i] + 0.0);
    say(ctx, b, DX_PLAIN,
        isfinite(r->res.loss) ? DX_MSG(DX_M_DESCEND_FINAL_LOSS, DX_D(r->res.loss)) : DX_MSG(DX_M_DESCEND_FINAL_LOSS_UNDEFINED));
    say(ctx, b, DX_PLAIN, DX_MSG(DX_M_DESCEND_AFTER, DX_I(r->res.steps)));
    dx_buf_putc(b, '\n');
    dx_msg st = dx_descend_status_msg(r->res.status);
    say(ctx, b, DX_PLAIN, DX_MSG(DX_M_DESCEND_STATUS_LINE, DX_N(&st), DX_N(&r->res.reason)));
    dx_buf_putc(b, '\n');
    if (r->res.subgradients) {
        say(ctx, b, DX_PLAIN,
            DX_MSG(DX_M_DESCEND_KINK_NOTE, DX_I(r->res.subgradients)));
        dx_buf_putc(b, '\n');
    }
}

static void put_comparison(dx_ctx *ctx, const dx_descend_lesson *l, dx_buf *b)
{
    column(ctx, b, DX_MSG(DX_M_DESCEND_COL_RATE), 12);
    for (size_t i = 0; i < l->nvars; i++) {
        dx_buf_putc(b, ' ');
        if (l->nvars == 1)
            column(ctx, b, DX_MSG(DX_M_DESCEND_COL_FINAL, DX_S(l->vars[i])), 12);
        else
            dx_buf_printf(b, "%12s", l->vars[i]);
    }
    dx_buf_putc(b, ' ');
    column(ctx, b, DX_MSG(DX_M_DESCEND_COL_FINAL_LOSS), 12);
    dx_buf_putc(b, ' ');
    column(ctx, b, DX_MSG(DX_M_DESCEND_COL_STEPS), 7);
    dx_buf_puts(b, "  ");
    column(ctx, b, DX_MSG(DX_M_DESCEND_COL_STATUS), -10);
    dx_buf_putc(b, ' ');
    say(ctx, b, DX_PLAIN, DX_MSG(DX_M_DESCEND_COL_VERDICT));
    dx_buf_putc(b, '\n');
    for (size_t k = 0; k < l->nruns; k++) {
        const dx_descend_one *r = &l->runs[k];
        dx_buf_printf(b, "%12.6g", r->rate);
        for (size_t i = 0; i < l->nvars; i++)
            plain_num(b, r->position[i]);
        if (isfinite(r->res.loss)) {
            plain_num(b, r->res.loss);
        } else {
            dx_buf_putc(b, ' ');
            column(ctx, b, DX_MSG(DX_M_DESCEND_UNDEFINED), 12);
        }
        dx_buf_printf(b, " %7ld  ", r->res.steps);
        column(ctx, b, dx_descend_status_msg(r->res.status), -10);
        dx_buf_putc(b, ' ');
        say(ctx, b, DX_PLAIN, r->judged);
        dx_buf_putc(b, '\n');
    }
    for (size_t k = 0; k < l->nruns; k++) {
        const dx_descend_one *r = &l->runs[k];
        if (r->res.status != DX_DIVERGED && r->res.status != DX_STOPPED)
            continue;
        dx_msg s = dx_descend_status_msg(r->res.status);
        say(ctx, b, DX_PLAIN, DX_MSG(DX_M_DESCEND_RATE_FAILED, DX_D(r->rate), DX_N(&s), DX_N(&r->res.reason)));
        dx_buf_putc(b, '\n');
    }
}

static void put_cps(dx_ctx *ctx, const dx_descend_lesson *l, dx_buf *b, bool json)
{
    if (json) {
        dx_buf_puts(b, ", \"critical_points\": [");
        for (size_t i = 0; i < l->ncps; i++) {
            const dx_descend_cp *p = &l->cps[i];
            dx_buf_printf(b, "%s{\"x\": ", i ? ", " : "");
            dx_json_num(b, p->x);
            dx_buf_puts(b, ", \"value\": ");
            dx_json_num(b, p->value);
            dx_buf_printf(b, ", \"kind\": \"%s\"}",
                          p->kind == DX_DESCEND_MIN ? "min" : p->kind == DX_DESCEND_MAX ? "max" : "neither");
        }
        dx_buf_puts(b, "], \"global_min\": ");
        if (l->global < 0) {
            dx_buf_puts(b, "null");
        } else {
            dx_buf_puts(b, "{\"x\": ");
            dx_json_num(b, l->cps[l->global].x);
            dx_buf_puts(b, ", \"value\": ");
            dx_json_num(b, l->cps[l->global].value);
            dx_buf_putc(b, '}');
        }
        return;
    }
    say(ctx, b, DX_PLAIN, DX_MSG(DX_M_DESCEND_CPS));
    for (size_t i = 0; i < l->ncps; i++) {
        const dx_descend_cp *p = &l->cps[i];
        dx_msg kind = DX_MSG(kind_ids[p->kind]);
        if (i)
            dx_buf_putc(b, ';');
        say(ctx, b, DX_PLAIN,
            DX_MSG(p->global ? DX_M_DESCEND_CP_GLOBAL : DX_M_DESCEND_CP, DX_N(&kind), DX_S(l->vars[0]), DX_D(p->x),
                   DX_D(p->value)));
    }
    if (!l->ncps)
        say(ctx, b, DX_PLAIN, DX_MSG(DX_M_DESCEND_CPS_NONE));
    dx_buf_putc(b, '\n');
}

/* The closed-form fit beside where descent ended (one run: how far). */
static void put_least_squares(dx_ctx *ctx, const dx_descend_lesson *l, dx_buf *b)
{
    dx_buf at = {0};
    double dist = 0;
    for (size_t i = 0; i < l->nvars; i++) {
        dx_buf_printf(&at, "%s%s = %.10g", i ? ", " : "", l->vars[i], l->least_squares[i]);
        double e = l->runs[0].position[i] - l->least_squares[i];
        dist += e * e;
    }
    dx_msg m = l->nruns == 1 ? DX_MSG(DX_M_DESCEND_LSTSQ, DX_S(at.s ? at.s : ""), DX_D(sqrt(dist)))
                             : DX_MSG(DX_M_DESCEND_LSTSQ_ONLY, DX_S(at.s ? at.s : ""));
    b->oom |= at.oom;
    say(ctx, b, DX_PLAIN, m);
    dx_buf_putc(b, '\n');
    dx_buf_free(&at);
}

void dx_show_descend(dx_ctx *ctx, const dx_descend_lesson *l, dx_show how, bool table, dx_buf *b)
{
    bool json = how == DX_SHOW_JSON, several = l->nruns > 1;
    table = table || !several || json;
    put_header(ctx, l, b, how);
    if (json && several)
        dx_buf_puts(b, ", \"runs\": [");
    for (size_t k = 0; k < l->nruns; k++) {
        const dx_descend_one *r = &l->runs[k];
        if (json) {
            dx_buf_printf(b, several ? "%s{\"rate\": " : ", \"rate\": ", k ? ", " : "");
            dx_json_num(b, r->rate);
            dx_buf_puts(b, ", \"steps\": [");
        } else if (table && several) {
            if (k)
                dx_buf_putc(b, '\n');
            say(ctx, b, DX_PLAIN, DX_MSG(DX_M_DESCEND_RATE_TITLE, DX_D(r->rate)));
            dx_buf_putc(b, '\n');
        }
        if (table)
            put_rows(ctx, l, r, b, json);
        if (json)
            dx_buf_printf(b, "], \"rows_omitted\": %ld", r->omitted);
        if (table)
            put_final(ctx, l, r, b, json);
        if (json && several)
            dx_buf_putc(b, '}');
    }
    if (json) {
        if (several) {
            dx_buf_puts(b, "], \"comparison\": [");
            for (size_t k = 0; k < l->nruns; k++) {
                const dx_descend_one *r = &l->runs[k];
                dx_buf_printf(b, "%s{\"rate\": ", k ? ", " : "");
                dx_json_num(b, r->rate);
                dx_buf_printf(b, ", \"status\": \"%s\", \"outcome\": \"%s\", \"steps_taken\": %ld, \"final\": {\"position\": ",
                              json_status(r->res.status), status_name(r->res.status), r->res.steps);
                put_vec(l, b, r->position);
                dx_buf_puts(b, ", \"loss\": ");
                dx_json_num(b, r->res.loss);
                dx_buf_printf(b, "}, \"rank\": %d, \"verdict\": ", r->rank);
                json_msg(ctx, b, r->judged);
                dx_buf_putc(b, '}');
            }
            dx_buf_putc(b, ']');
        }
        if (l->has_cps)
            put_cps(ctx, l, b, true);
        if (l->remark.id != DX_M_NONE) {
            dx_buf_puts(b, ", \"remark\": ");
            json_msg(ctx, b, l->remark);
        }
        if (l->least_squares) {
            dx_buf_puts(b, ", \"least_squares\": ");
            put_vec(l, b, l->least_squares);
        }
        dx_buf_puts(b, "}\n");
        return;
    }
    if (several) {
        if (table)
            dx_buf_putc(b, '\n');
        put_comparison(ctx, l, b);
        if (l->has_cps)
            put_cps(ctx, l, b, false);
    }
    if (l->remark.id != DX_M_NONE) {
        say(ctx, b, DX_PLAIN, l->remark);
        dx_buf_putc(b, '\n');
    }
    if (l->least_squares)
        put_least_squares(ctx, l, b);
}
