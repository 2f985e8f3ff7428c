/* dfdx check: is a student's answer the derivative? The verdict, a counterexample, the slip. */
#include "answer.h"
#include "cli.h"
#include "eval.h"
#include "poly.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_check(cli *c, const cli_args *a);

/* A value at the witness: exact when known, else a double, else "undefined"; malloc'd. */
static char *value_text(cli *c, const dx_expr *exact, double d)
{
    if (exact)
        return cli_show(c, exact);
    char buf[40];
    if (d != d)
        return strdup("undefined");
    snprintf(buf, sizeof buf, "%.10g", d + 0.0); /* + 0.0: never "-0" */
    return strdup(buf);
}

/* The texts a verdict is made of; every field malloc'd or NULL. */
typedef struct {
    char *input, *answer, *deriv, *at, *va, *vd, *slip_at;
} texts;

static void texts_free(texts *t)
{
    free(t->input);
    free(t->answer);
    free(t->deriv);
    free(t->at);
    free(t->va);
    free(t->vd);
    free(t->slip_at);
}

static void json_out(cli *c, const dx_check_result *r, const texts *t, const char *var, unsigned order)
{
    FILE *f = c->out;
    const dx_equiv *q = &r->eq;
    static const char *const verdicts[] = {"correct", "correct", "correct", "incorrect", "undecided"};
    static const char *const methods[] = {"algebra", "points", "points", "points", "points"};
    fputs("{\"input\": ", f);
    cli_json_str(f, t->input);
    fputs(", \"answer\": ", f);
    cli_json_str(f, t->answer);
    fputs(", \"variable\": ", f);
    cli_json_str(f, var);
    fprintf(f, ", \"order\": %u, \"verdict\": \"%s\", \"method\": \"%s\", \"points\": %zu, \"derivative\": ", order,
            verdicts[q->kind], methods[q->kind], q->npoints);
    cli_json_str(f, t->deriv);
    const char *key = q->kind == DX_EQ_DIFFERENT ? "counterexample" : "undefined_at";
    bool has = q->kind == DX_EQ_DIFFERENT || q->kind == DX_EQ_UNDEFINED;
    fprintf(f, ", \"counterexample\": %s", has && q->kind == DX_EQ_DIFFERENT ? "" : "null");
    if (has) {
        if (q->kind == DX_EQ_UNDEFINED)
            fprintf(f, ", \"%s\": ", key);
        fputs("{\"at\": ", f);
        cli_json_str(f, t->at);
        fputs(", \"held\": ", f);
        cli_json_str(f, q->held);
        fputs(", \"answer\": ", f);
        cli_json_str(f, t->va);
        fputs(", \"derivative\": ", f);
        cli_json_str(f, t->vd);
        fputs("}", f);
    }
    fputs(", \"slip\": ", f);
    if (r->slip) {
        fputs("{\"name\": ", f);
        cli_json_str(f, dx_slip_names[r->slip]);
        fputs(", \"explanation\": ", f);
        cli_json_str(f, dx_slip_explanations[r->slip]);
        fputs(", \"in\": ", f);
        if (t->slip_at)
            cli_json_str(f, t->slip_at);
        else
            fputs("null", f);
        fputs("}", f);
    } else {
        fputs("null", f);
    }
    fputs("}\n", f);
}

static void text_out(cli *c, const dx_check_result *r, const texts *t, const char *var_name)
{
    FILE *f = c->out;
    const dx_equiv *q = &r->eq;
    /* the point, with the values other variables were held at: "x = 2 (with y = 7/5)" */
    char at[400] = "";
    if (t->at)
        snprintf(at, sizeof at, "%s = %s%s%s%s", var_name, t->at, q->held[0] ? " (with " : "", q->held,
                 q->held[0] ? ")" : "");
    switch (q->kind) {
    case DX_EQ_ALGEBRA:
        fprintf(f, "correct (equal by algebra)\n");
        break;
    case DX_EQ_POINTS:
        fprintf(f, "correct (agrees with %s at %zu points; checked by evaluation, not by algebra)\n", t->deriv,
                q->npoints);
        break;
    case DX_EQ_UNDEFINED:
        if (q->da != q->da)
            fprintf(f, "correct where both are defined, but your answer is undefined at %s, "
                       "where the derivative is %s\n", at, t->vd);
        else
            fprintf(f, "correct where both are defined; the derivative is undefined at %s, "
                       "where your answer gives %s\n", at, t->va);
        break;
    case DX_EQ_DIFFERENT:
        fprintf(f, "incorrect\n");
        if (q->da != q->da)
            fprintf(f, "at %s: your answer is undefined, the derivative is %s\n", at, t->vd);
        else if (q->db != q->db)
            fprintf(f, "at %s: your answer gives %s, the derivative is undefined\n", at, t->va);
        else
            fprintf(f, "at %s: your answer gives %s, the derivative is %s\n", at, t->va, t->vd);
        fprintf(f, "the derivative: %s\n", t->deriv);
        if (r->slip)
            fprintf(f, "likely slip: %s%s%s: %s\n", dx_slip_names[r->slip], t->slip_at ? " in " : "",
                    t->slip_at ? t->slip_at : "", dx_slip_explanations[r->slip]);
        break;
    case DX_EQ_UNKNOWN:
        fprintf(f, "undecided: fewer than 5 sample points where both are defined (the derivative: %s)\n",
                t->deriv);
        break;
    }
}

/* The rational zero of a cancelled divisor h that is linear in v (x/x: 0, (x-1)/(x-1): 1),
 * or NULL. */
static dx_expr *cancelled_zero(cli *c, dx_expr *h, dx_expr *v)
{
    dx_poly p;
    dx_poly_init(&p);
    dx_expr *z = NULL;
    if (dx_has(h, v) && dx_poly_from_expr(c->ctx, h, v, &p) == 1 && dx_poly_deg(&p) == 1) {
        mpq_t r;
        mpq_init(r);
        mpq_div(r, p.c[0], p.c[1]);
        mpq_neg(r, r);
        dx_num n = dx_num_from_mpq(r);
        z = dx_number(c->ctx, &n);
        dx_num_clear(&n);
        mpq_clear(r);
    }
    dx_poly_clear(&p);
    dx_ctx_clear_error(c->ctx);
    return z;
}

int cli_check(cli *c, const cli_args *a)
{
    unsigned order;
    const char *var;
    dx_expr *f, *ans;
    if (!cli_order(c, a, CLI_MAX_ORDER, &order) || !(f = cli_function(c, a, NULL, &var)))
        return CLI_BAD;
    dx_holes_clear(c->ctx);
    if (!(ans = cli_parse(c, a->pos[1])))
        return CLI_BAD;
    dx_expr *const *holes;
    size_t nholes = dx_holes(c->ctx, &holes);
    dx_expr *hole = NULL;
    dx_expr *v = dx_sym(c->ctx, var, strlen(var));
    for (size_t i = 0; i < nholes && !hole && v; i++)
        hole = cancelled_zero(c, holes[i], v);
    dx_expr *d = dx_derivative(c->ctx, f, var, order);
    dx_check_result r;
    if (!v || !d || dx_check(c->ctx, f, v, order, d, ans, &r) != DX_OK)
        return cli_report(c, NULL);
    if (hole && (r.eq.kind == DX_EQ_ALGEBRA || r.eq.kind == DX_EQ_POINTS)) {
        /* x/x as an answer: equal to the derivative wherever it is defined, but undefined at the
         * zero of the cancelled divisor, which the canonical form no longer shows */
        dx_expr *dv = dx_subst(c->ctx, d, v, hole);
        if (dv && dv->vmask == 0) {
            double dd = NAN;
            if (dx_eval_const(c->ctx, dv, &dd) == DX_OK) {
                r.eq.kind = DX_EQ_UNDEFINED;
                r.eq.at = hole;
                r.eq.at_d = dx_num_to_double(&hole->u.num);
                r.eq.va = NULL;
                r.eq.da = NAN;
                r.eq.vb = dv->kind == DX_NUM ? dv : NULL;
                r.eq.db = dd;
            }
        }
        dx_ctx_clear_error(c->ctx);
    }
    const dx_equiv *q = &r.eq;
    texts t = {0};
    t.input = dx_print(c->ctx, f, DX_PLAIN);
    t.answer = dx_print(c->ctx, ans, DX_PLAIN);
    t.deriv = cli_show(c, d);
    bool ok = t.input && t.answer && t.deriv;
    if (ok && (q->kind == DX_EQ_DIFFERENT || q->kind == DX_EQ_UNDEFINED)) {
        t.at = value_text(c, q->at, q->at_d);
        t.va = value_text(c, q->va, q->da);
        t.vd = value_text(c, q->vb, q->db);
        ok = t.at && t.va && t.vd;
    }
    if (ok && r.slip_at && r.slip_at != f) { /* "in d/dx(f)" would say nothing */
        char *u = dx_print(c->ctx, r.slip_at, DX_PLAIN);
        size_t n = u ? strlen(u) + strlen(var) + 8 : 0;
        t.slip_at = u ? malloc(n) : NULL;
        if (t.slip_at)
            snprintf(t.slip_at, n, "d/d%s(%s)", var, u);
        free(u);
        ok = t.slip_at != NULL;
    }
    if (!ok) {
        texts_free(&t);
        return cli_usage(c, "out of memory");
    }
    if (c->fmt == OUT_JSON)
        json_out(c, &r, &t, var, order);
    else
        text_out(c, &r, &t, var);
    texts_free(&t);
    return q->kind == DX_EQ_DIFFERENT ? CLI_INCORRECT : q->kind == DX_EQ_UNKNOWN ? CLI_BAD : CLI_OK;
}
