/* Numbers from expressions: exact substitution, and compiled evaluation over doubles. */
#include "eval.h"
#include "fn.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- exact substitution ------------------------------------------------------------------- */

static dx_expr *subst(dx_ctx *ctx, dx_expr *e, dx_expr *var, dx_expr *value, dx_expr **memo)
{
    if (!(e->vmask & var->vmask))
        return e;
    if (e == var)
        return value;
    if (memo[e->id])
        return memo[e->id];
    dx_expr *r = NULL;
    dx_expr **a = malloc(e->n * sizeof *a);
    if (!a)
        return dx_fail(ctx, DX_ENOMEM, -1, -1, "out of memory");
    bool ok = true;
    for (uint32_t i = 0; ok && i < e->n; i++)
        ok = (a[i] = subst(ctx, e->a[i], var, value, memo)) != NULL;
    if (ok) {
        switch (e->kind) {
        case DX_ADD: r = dx_add_n(ctx, a, e->n); break;
        case DX_MUL: r = dx_mul_n(ctx, a, e->n); break;
        case DX_POW: r = dx_pow(ctx, a[0], a[1]); break;
        case DX_CALL: r = dx_call(ctx, e->fn, a[0]); break;
        default: r = e; break;
        }
    }
    free(a);
    if (r)
        memo[e->id] = r;
    return r;
}

dx_expr *dx_subst(dx_ctx *ctx, dx_expr *e, dx_expr *var, dx_expr *value)
{
    if (!e || !var || !value)
        return NULL;
    dx_expr **memo = calloc(dx_node_count(ctx) + 1, sizeof *memo);
    if (!memo)
        return dx_fail(ctx, DX_ENOMEM, -1, -1, "out of memory");
    dx_expr *r = subst(ctx, e, var, value, memo);
    free(memo);
    return r;
}

/* --- programs ----------------------------------------------------------------------------------- */

typedef enum { OP_CONST, OP_VAR, OP_ADD, OP_MUL, OP_POWI, OP_POWQ, OP_POW, OP_CALL } op_kind;

typedef struct {
    op_kind op;
    int fn;            /* OP_CALL */
    uint32_t nargs;
    uint32_t args;     /* index into prog->argv: the registers of the operands */
    double c;          /* OP_CONST value; OP_POWQ exponent */
    int64_t k;         /* OP_VAR slot; OP_POWI exponent; OP_POWQ p/q: 0 when q is even (no real
                          value for a negative base), else the sign of (-1)^p: -1 or 1 */
} instr;

struct dx_prog {
    instr *code;
    uint32_t n;
    uint32_t *argv;
    size_t nvars;
    double *regs; /* scratch for one block of points: n registers x DX_BLOCK */
};

/* Points evaluated together: large enough to amortise the dispatch, small enough for L1. */
#define DX_BLOCK 128

void dx_prog_free(dx_prog *p)
{
    if (!p)
        return;
    free(p->code);
    free(p->argv);
    free(p->regs);
    free(p);
}

dx_prog *dx_compile(dx_ctx *ctx, const dx_expr *e, const char *const *vars, size_t nvars)
{
    if (!e)
        return NULL;
    /* reachable nodes, each once, sorted by id: children before parents */
    size_t cap = dx_node_count(ctx) + 1;
    int32_t *reg = malloc(cap * sizeof *reg);
    const dx_expr **stack = malloc(cap * sizeof *stack), **nodes = malloc(cap * sizeof *nodes);
    dx_prog *p = calloc(1, sizeof *p);
    if (!reg || !stack || !nodes || !p)
        goto oom;
    memset(reg, -1, cap * sizeof *reg);
    size_t top = 0, nn = 0, nargs = 0;
    stack[top++] = e;
    reg[e->id] = 0;
    while (top) {
        const dx_expr *x = stack[--top];
        nodes[nn++] = x;
        nargs += x->n;
        for (uint32_t i = 0; i < x->n; i++)
            if (reg[x->a[i]->id] < 0 && !(x->kind == DX_POW && i == 1 && x->a[1]->kind == DX_NUM)) {
                reg[x->a[i]->id] = 0;
                stack[top++] = x->a[i];
            }
    }
    for (size_t i = 0; i < nn; i++)
        reg[nodes[i]->id] = -1;
    {
        /* sort by id: a child always has a smaller id than its parents */
        size_t n = nn;
        for (size_t gap = n / 2; gap > 0; gap /= 2)
            for (size_t i = gap; i < n; i++)
                for (size_t j = i; j >= gap && nodes[j - gap]->id > nodes[j]->id; j -= gap) {
                    const dx_expr *t = nodes[j];
                    nodes[j] = nodes[j - gap];
                    nodes[j - gap] = t;
                }
    }
    p->code = calloc(nn, sizeof *p->code);
    p->argv = malloc((nargs + 1) * sizeof *p->argv);
    p->regs = malloc(nn * DX_BLOCK * sizeof *p->regs);
    p->nvars = nvars;
    if (!p->code || !p->argv || !p->regs)
        goto oom;
    uint32_t na = 0;
    for (size_t i = 0; i < nn; i++) {
        const dx_expr *x = nodes[i];
        instr *in = &p->code[i];
        reg[x->id] = (int32_t)i;
        in->args = na;
        switch (x->kind) {
        case DX_NUM:
            in->op = OP_CONST;
            in->c = dx_num_to_double(&x->u.num);
            break;
        case DX_CONST:
            in->op = OP_CONST;
            in->c = x->fn == DX_E ? 2.718281828459045235 : 3.141592653589793238;
            break;
        case DX_SYM: {
            size_t k = 0;
            while (k < nvars && strcmp(vars[k], x->u.name) != 0)
                k++;
            if (k == nvars) {
                dx_fail(ctx, DX_EUSAGE, -1, -1, "no value for %s", x->u.name);
                goto fail;
            }
            in->op = OP_VAR;
            in->k = (int64_t)k;
            break;
        }
        case DX_ADD:
        case DX_MUL:
            in->op = x->kind == DX_ADD ? OP_ADD : OP_MUL;
            in->nargs = x->n;
            for (uint32_t j = 0; j < x->n; j++)
                p->argv[na++] = (uint32_t)reg[x->a[j]->id];
            break;
        case DX_POW: {
            const dx_expr *ex = x->a[1];
            int64_t k;
            p->argv[na++] = (uint32_t)reg[x->a[0]->id];
            in->nargs = 1;
            if (ex->kind == DX_NUM && dx_num_get_int(&ex->u.num, &k)) {
                in->op = OP_POWI;
                in->k = k;
            } else if (ex->kind == DX_NUM) {
                dx_num d = dx_num_denom(&ex->u.num), nu = dx_num_numer(&ex->u.num);
                int64_t q = 0, pn = 0;
                in->op = OP_POWQ;
                in->c = dx_num_to_double(&ex->u.num);
                in->k = dx_num_get_int(&d, &q) && (q & 1) && dx_num_get_int(&nu, &pn) ? ((pn & 1) ? -1 : 1) : 0;
                dx_num_clear(&d);
                dx_num_clear(&nu);
            } else {
                in->op = OP_POW;
                p->argv[na++] = (uint32_t)reg[ex->id];
                in->nargs = 2;
            }
            break;
        }
        case DX_CALL:
            in->op = OP_CALL;
            in->fn = x->fn;
            in->nargs = 1;
            p->argv[na++] = (uint32_t)reg[x->a[0]->id];
            break;
        }
    }
    p->n = (uint32_t)nn;
    free(reg);
    free(stack);
    free(nodes);
    return p;
oom:
    dx_fail(ctx, DX_ENOMEM, -1, -1, "out of memory");
fail:
    free(reg);
    free(stack);
    free(nodes);
    dx_prog_free(p);
    return NULL;
}

static double powi(double b, int64_t k)
{
    /* repeated squaring: exact for small integer powers, unlike pow() on some libms */
    uint64_t m = k < 0 ? 0 - (uint64_t)k : (uint64_t)k;
    double r = 1, x = b;
    while (m) {
        if (m & 1)
            r *= x;
        x *= x;
        m >>= 1;
    }
    return k < 0 ? 1 / r : r;
}

/* b^(p/q) with q = the exponent as a double; sign as compiled: 0 when a negative base has no
 * real value, else (-1)^p for the real q-th root of a negative base ((-8)^(2/3) = 4). */
static double powq(double b, double q, int64_t sign)
{
    if (b < 0)
        return sign ? (double)sign * pow(-b, q) : NAN;
    if (b == 0 && q < 0)
        return INFINITY;
    return pow(b, q);
}

static double general_pow(double b, double x)
{
    if (b < 0 && x != floor(x))
        return NAN;
    return pow(b, x);
}

/* Run instructions over points [0, m) of a block; registers are regs[i*DX_BLOCK + j]. */
static void run_block(dx_prog *p, size_t m, const double *const *cols, size_t base)
{
    double *R = p->regs;
    for (uint32_t i = 0; i < p->n; i++) {
        const instr *in = &p->code[i];
        double *r = R + (size_t)i * DX_BLOCK;
        const uint32_t *av = p->argv + in->args;
        switch (in->op) {
        case OP_CONST:
            for (size_t j = 0; j < m; j++)
                r[j] = in->c;
            break;
        case OP_VAR: {
            const double *c = cols[in->k] + base;
            for (size_t j = 0; j < m; j++)
                r[j] = c[j];
            break;
        }
        case OP_ADD: {
            const double *a0 = R + (size_t)av[0] * DX_BLOCK;
            for (size_t j = 0; j < m; j++)
                r[j] = a0[j];
            for (uint32_t k = 1; k < in->nargs; k++) {
                const double *ak = R + (size_t)av[k] * DX_BLOCK;
                for (size_t j = 0; j < m; j++)
                    r[j] += ak[j];
            }
            break;
        }
        case OP_MUL: {
            const double *a0 = R + (size_t)av[0] * DX_BLOCK;
            for (size_t j = 0; j < m; j++)
                r[j] = a0[j];
            for (uint32_t k = 1; k < in->nargs; k++) {
                const double *ak = R + (size_t)av[k] * DX_BLOCK;
                for (size_t j = 0; j < m; j++)
                    r[j] *= ak[j];
            }
            break;
        }
        case OP_POWI: {
            const double *a = R + (size_t)av[0] * DX_BLOCK;
            if (in->k == 2)
                for (size_t j = 0; j < m; j++)
                    r[j] = a[j] * a[j];
            else if (in->k == -1)
                for (size_t j = 0; j < m; j++)
                    r[j] = 1 / a[j];
            else
                for (size_t j = 0; j < m; j++)
                    r[j] = powi(a[j], in->k);
            break;
        }
        case OP_POWQ: {
            const double *a = R + (size_t)av[0] * DX_BLOCK;
            if (in->c == 0.5)
                for (size_t j = 0; j < m; j++)
                    r[j] = a[j] >= 0 ? sqrt(a[j]) : NAN;
            else
                for (size_t j = 0; j < m; j++)
                    r[j] = powq(a[j], in->c, in->k);
            break;
        }
        case OP_POW: {
            const double *a = R + (size_t)av[0] * DX_BLOCK, *b = R + (size_t)av[1] * DX_BLOCK;
            for (size_t j = 0; j < m; j++)
                r[j] = general_pow(a[j], b[j]);
            break;
        }
        case OP_CALL: {
            const double *a = R + (size_t)av[0] * DX_BLOCK;
            double (*f)(double) = dx_fns[in->fn].eval;
            for (size_t j = 0; j < m; j++)
                r[j] = f(a[j]);
            break;
        }
        }
    }
}

size_t dx_prog_eval_n(dx_prog *p, size_t n, const double *const *cols, double *out)
{
    size_t bad = 0;
    double *last = p->regs + (size_t)(p->n - 1) * DX_BLOCK;
    for (size_t base = 0; base < n; base += DX_BLOCK) {
        size_t m = n - base < DX_BLOCK ? n - base : DX_BLOCK;
        run_block(p, m, cols, base);
        /* a point is outside the domain when any intermediate value is not finite: exp(-1/x)
         * at 0 must not pass as exp(-inf) = 0 */
        for (size_t j = 0; j < m; j++)
            out[base + j] = last[j];
        for (uint32_t i = 0; i < p->n; i++) {
            const double *r = p->regs + (size_t)i * DX_BLOCK;
            for (size_t j = 0; j < m; j++)
                if (!isfinite(r[j]))
                    out[base + j] = NAN;
        }
        for (size_t j = 0; j < m; j++)
            bad += isnan(out[base + j]);
    }
    return bad;
}

static void fmt_num(char *buf, size_t n, double v) { snprintf(buf, n, "%.15g", v); }

/* The first instruction whose value is not finite at the point just run, as a message. */
static void explain(dx_prog *p, dx_ctx *ctx)
{
    for (uint32_t i = 0; i < p->n; i++) {
        const instr *in = &p->code[i];
        double v = p->regs[(size_t)i * DX_BLOCK];
        if (isfinite(v))
            continue;
        const uint32_t *av = p->argv + in->args;
        double a = in->nargs ? p->regs[(size_t)av[0] * DX_BLOCK] : 0;
        char s[40];
        fmt_num(s, sizeof s, a);
        switch (in->op) {
        case OP_CALL: {
            const dx_fn *row = &dx_fns[in->fn];
            const char *need = row->domain == DX_DOM_POS    ? " (it needs a positive number)"
                               : row->domain == DX_DOM_UNIT ? " (it needs a number from -1 to 1)"
                               : "";
            if (isfinite(a) && !isnan(v) && row->domain == DX_DOM_ALL)
                dx_fail(ctx, DX_EDOMAIN, -1, -1, "%s(%s) overflows: too large for a double", row->name, s);
            else
                dx_fail(ctx, DX_EDOMAIN, -1, -1, "%s is undefined at %s%s", row->name, s, need);
            return;
        }
        case OP_POWI:
        case OP_POWQ:
            if (a == 0)
                dx_fail(ctx, DX_EDOMAIN, -1, -1, "division by zero");
            else if (in->op == OP_POWQ && in->c == 0.5)
                dx_fail(ctx, DX_EDOMAIN, -1, -1, "sqrt is undefined at %s (it needs a number >= 0)", s);
            else if (a < 0 && in->op == OP_POWQ)
                dx_fail(ctx, DX_EDOMAIN, -1, -1, "%s^%g is not a real number (a negative number to a fractional power)", s, in->c);
            else
                dx_fail(ctx, DX_EDOMAIN, -1, -1, "the value overflows: too large for a double");
            return;
        case OP_POW: {
            double b = p->regs[(size_t)av[1] * DX_BLOCK];
            char t[40];
            fmt_num(t, sizeof t, b);
            if (a < 0)
                dx_fail(ctx, DX_EDOMAIN, -1, -1, "(%s)^%s is not a real number (a negative base to a fractional power)", s, t);
            else if (a == 0)
                dx_fail(ctx, DX_EDOMAIN, -1, -1, "0^%s is undefined (division by zero)", t);
            else
                dx_fail(ctx, DX_EDOMAIN, -1, -1, "%s^%s overflows: too large for a double", s, t);
            return;
        }
        default:
            dx_fail(ctx, DX_EDOMAIN, -1, -1, "the value overflows: too large for a double");
            return;
        }
    }
    dx_fail(ctx, DX_EDOMAIN, -1, -1, "the value is not a real number");
}

dx_status dx_prog_eval(dx_prog *p, dx_ctx *ctx, const double *vals, double *out)
{
    const double *cols[64];
    const double *const *cp = cols;
    const double **heap = NULL;
    if (p->nvars > 64) {
        heap = malloc(p->nvars * sizeof *heap);
        if (!heap) {
            dx_fail(ctx, DX_ENOMEM, -1, -1, "out of memory");
            return DX_ENOMEM;
        }
        cp = heap;
    }
    const double **w = heap ? heap : cols;
    for (size_t k = 0; k < p->nvars; k++)
        w[k] = &vals[k];
    size_t bad = dx_prog_eval_n(p, 1, cp, out);
    free(heap);
    if (bad) {
        explain(p, ctx);
        return DX_EDOMAIN;
    }
    return DX_OK;
}

dx_status dx_eval_const(dx_ctx *ctx, const dx_expr *e, double *out)
{
    dx_prog *p = dx_compile(ctx, e, NULL, 0);
    if (!p)
        return dx_ctx_error(ctx)->status;
    dx_status st = dx_prog_eval(p, ctx, NULL, out);
    dx_prog_free(p);
    return st;
}
