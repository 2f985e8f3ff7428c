/* The functions table: one row per function, read by parser, printer, diff and evaluator. */
#include "fn.h"
#include "alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* --- numeric evaluators (domain errors show up as non-finite results, which the
 *     evaluator reports with the function's name) ----------------------------------------- */
static double ev_cot(double x) { return x == 0 ? NAN : 1.0 / tan(x); }
static double ev_sec(double x) { return 1.0 / cos(x); }
static double ev_csc(double x) { return x == 0 ? NAN : 1.0 / sin(x); }
static double ev_ln(double x) { return x > 0 ? log(x) : NAN; }
static double ev_asin(double x) { return x >= -1 && x <= 1 ? asin(x) : NAN; }
static double ev_acos(double x) { return x >= -1 && x <= 1 ? acos(x) : NAN; }
static double ev_relu(double x) { return x > 0 ? x : 0.0; }

/* --- outer derivatives f'(u); each carries its formula ------------------------------------ */
static dx_expr *call(dx_ctx *c, int fn, dx_expr *u) { return dx_call(c, fn, u); }
static dx_expr *sq(dx_ctx *c, dx_expr *e) { return dx_pow(c, e, dx_int(c, 2)); }
/* (1 - u^2)^(-1/2) */
static dx_expr *inv_sqrt_1mu2(dx_ctx *c, dx_expr *u)
{
    return dx_pow(c, dx_sub(c, dx_int(c, 1), sq(c, u)), dx_frac(c, -1, 2));
}

static dx_expr *d_sin(dx_ctx *c, dx_expr *u) { return call(c, DX_COS, u); }                   /* cos u */
static dx_expr *d_cos(dx_ctx *c, dx_expr *u) { return dx_neg(c, call(c, DX_SIN, u)); }        /* -sin u */
static dx_expr *d_tan(dx_ctx *c, dx_expr *u) { return sq(c, call(c, DX_SEC, u)); }            /* sec^2 u */
static dx_expr *d_cot(dx_ctx *c, dx_expr *u) { return dx_neg(c, sq(c, call(c, DX_CSC, u))); } /* -csc^2 u */
static dx_expr *d_sec(dx_ctx *c, dx_expr *u) { return dx_mul(c, call(c, DX_SEC, u), call(c, DX_TAN, u)); }
static dx_expr *d_csc(dx_ctx *c, dx_expr *u) { return dx_neg(c, dx_mul(c, call(c, DX_CSC, u), call(c, DX_COT, u))); }
static dx_expr *d_asin(dx_ctx *c, dx_expr *u) { return inv_sqrt_1mu2(c, u); }                 /* 1/sqrt(1-u^2) */
static dx_expr *d_acos(dx_ctx *c, dx_expr *u) { return dx_neg(c, inv_sqrt_1mu2(c, u)); }
static dx_expr *d_atan(dx_ctx *c, dx_expr *u) { return dx_div(c, dx_int(c, 1), dx_add(c, dx_int(c, 1), sq(c, u))); }
static dx_expr *d_sinh(dx_ctx *c, dx_expr *u) { return call(c, DX_COSH, u); }
static dx_expr *d_cosh(dx_ctx *c, dx_expr *u) { return call(c, DX_SINH, u); }
static dx_expr *d_tanh(dx_ctx *c, dx_expr *u) { return dx_sub(c, dx_int(c, 1), sq(c, call(c, DX_TANH, u))); }
static dx_expr *d_ln(dx_ctx *c, dx_expr *u) { return dx_pow(c, u, dx_int(c, -1)); }          /* 1/u */
/* abs'(u) = abs(u)/u and relu'(u) = relu(u)/u: the sign and the step, written so that they
 * are undefined at u = 0, where neither function is differentiable (never a silent 0 or 1/2). */
static dx_expr *d_abs(dx_ctx *c, dx_expr *u) { return dx_div(c, call(c, DX_ABS, u), u); }
static dx_expr *d_relu(dx_ctx *c, dx_expr *u) { return dx_div(c, call(c, DX_RELU, u), u); }

/* --- builders ------------------------------------------------------------------------------ */
#define CALL_MAKER(name) \
    static dx_expr *mk_##name(dx_ctx *c, dx_expr *const *a, int n) { return dx_call(c, DX_##name, a[0]); }
CALL_MAKER(SIN) CALL_MAKER(COS) CALL_MAKER(TAN) CALL_MAKER(COT) CALL_MAKER(SEC) CALL_MAKER(CSC)
CALL_MAKER(ASIN) CALL_MAKER(ACOS) CALL_MAKER(ATAN) CALL_MAKER(SINH) CALL_MAKER(COSH) CALL_MAKER(TANH)
CALL_MAKER(LN) CALL_MAKER(ABS) CALL_MAKER(RELU)

static dx_expr *mk_sqrt(dx_ctx *c, dx_expr *const *a, int n) { return dx_pow(c, a[0], dx_frac(c, 1, 2)); }
static dx_expr *mk_exp(dx_ctx *c, dx_expr *const *a, int n) { return dx_pow(c, dx_const(c, DX_E), a[0]); }
static dx_expr *ln_base(dx_ctx *c, dx_expr *u, dx_expr *b)
{
    dx_expr *lb = dx_call(c, DX_LN, b);
    if (lb && dx_is_int(lb, 0))
        return dx_fail(c, DX_EDOMAIN, -1, -1, DX_M_LOG_BASE_ONE);
    return dx_div(c, dx_call(c, DX_LN, u), lb);
}
static dx_expr *mk_log(dx_ctx *c, dx_expr *const *a, int n) { return n == 2 ? ln_base(c, a[0], a[1]) : dx_call(c, DX_LN, a[0]); }
static dx_expr *mk_log10(dx_ctx *c, dx_expr *const *a, int n) { return ln_base(c, a[0], dx_int(c, 10)); }
static dx_expr *mk_log2(dx_ctx *c, dx_expr *const *a, int n) { return ln_base(c, a[0], dx_int(c, 2)); }

/* ORDER FN: rows of the call functions first, in dx_fn_id order, then the rewrites. */
const dx_fn dx_fns[] = {
    /* name    arity min make      eval     vec         deriv   domain            latex        formula */
    {"sin",    1, 1, mk_SIN,   sin,     dx_vm_sin,  d_sin,  DX_DOM_ALL,        "\\sin",     "d/dx sin(u) = cos(u)*u'", 0},
    {"cos",    1, 1, mk_COS,   cos,     dx_vm_cos,  d_cos,  DX_DOM_ALL,        "\\cos",     "d/dx cos(u) = -sin(u)*u'", 0},
    {"tan",    1, 1, mk_TAN,   tan,     dx_vm_tan,  d_tan,  DX_DOM_TRIG_POLES, "\\tan",     "d/dx tan(u) = sec(u)^2*u'", 0},
    {"cot",    1, 1, mk_COT,   ev_cot,  NULL,       d_cot,  DX_DOM_TRIG_POLES, "\\cot",     "d/dx cot(u) = -csc(u)^2*u'", 0},
    {"sec",    1, 1, mk_SEC,   ev_sec,  NULL,       d_sec,  DX_DOM_TRIG_POLES, "\\sec",     "d/dx sec(u) = sec(u)*tan(u)*u'", 0},
    {"csc",    1, 1, mk_CSC,   ev_csc,  NULL,       d_csc,  DX_DOM_TRIG_POLES, "\\csc",     "d/dx csc(u) = -csc(u)*cot(u)*u'", 0},
    {"asin",   1, 1, mk_ASIN,  ev_asin, dx_vm_asin, d_asin, DX_DOM_UNIT,       "\\arcsin",  "d/dx asin(u) = u'/sqrt(1 - u^2)", 0},
    {"acos",   1, 1, mk_ACOS,  ev_acos, dx_vm_acos, d_acos, DX_DOM_UNIT,       "\\arccos",  "d/dx acos(u) = -u'/sqrt(1 - u^2)", 0},
    {"atan",   1, 1, mk_ATAN,  atan,    dx_vm_atan, d_atan, DX_DOM_ALL,        "\\arctan",  "d/dx atan(u) = u'/(1 + u^2)", DX_FN_FLAT},
    {"sinh",   1, 1, mk_SINH,  sinh,    dx_vm_sinh, d_sinh, DX_DOM_ALL,        "\\sinh",    "d/dx sinh(u) = cosh(u)*u'", 0},
    {"cosh",   1, 1, mk_COSH,  cosh,    dx_vm_cosh, d_cosh, DX_DOM_ALL,        "\\cosh",    "d/dx cosh(u) = sinh(u)*u'", 0},
    {"tanh",   1, 1, mk_TANH,  tanh,    dx_vm_tanh, d_tanh, DX_DOM_ALL,        "\\tanh",    "d/dx tanh(u) = (1 - tanh(u)^2)*u'", DX_FN_FLAT},
    {"ln",     1, 1, mk_LN,    ev_ln,   dx_vm_log,  d_ln,   DX_DOM_POS,        "\\ln",      "d/dx ln(u) = u'/u", 0},
    {"abs",    1, 1, mk_ABS,   fabs,    NULL,       d_abs,  DX_DOM_ALL,        "",          "d/dx abs(u) = abs(u)/u*u' (u != 0)", DX_FN_KINK0},
    {"relu",   1, 1, mk_RELU,  ev_relu, NULL,       d_relu, DX_DOM_ALL,        "\\operatorname{relu}", "d/dx relu(u) = relu(u)/u*u' (u != 0)", DX_FN_KINK0 | DX_FN_FLAT},
    /* rewrites: parsed, then built from the rows above */
    {"sqrt",   1, 1, mk_sqrt,  NULL,    NULL,       NULL,   DX_DOM_ALL,        "\\sqrt",    NULL, 0},
    {"exp",    1, 1, mk_exp,   NULL,    NULL,       NULL,   DX_DOM_ALL,        "\\exp",     NULL, 0},
    {"log",    2, 1, mk_log,   NULL,    NULL,       NULL,   DX_DOM_ALL,        "\\log",     NULL, 0},
    {"log10",  1, 1, mk_log10, NULL,    NULL,       NULL,   DX_DOM_ALL,        "\\log_{10}", NULL, 0},
    {"log2",   1, 1, mk_log2,  NULL,    NULL,       NULL,   DX_DOM_ALL,        "\\log_2",   NULL, 0},
};
const int dx_nfns = (int)(sizeof dx_fns / sizeof dx_fns[0]);

/* --- exact values of the trigonometric functions at multiples of pi/4 and pi/6 --------------- */

/* u as q*pi: true with *q set when u is pi times a rational (q is owned by the caller). */
static bool pi_multiple(const dx_expr *u, dx_num *q)
{
    /* 0 is 0*pi: without it cot(0) and csc(0) stayed calls, a constant with no value */
    if (dx_is_int(u, 0)) {
        *q = dx_num_int(0);
        return true;
    }
    if (u->kind == DX_CONST && u->fn == DX_PI) {
        *q = dx_num_int(1);
        return true;
    }
    if (u->kind == DX_MUL && u->n == 2 && u->a[0]->kind == DX_NUM && u->a[1]->kind == DX_CONST && u->a[1]->fn == DX_PI) {
        *q = dx_num_copy(&u->a[0]->u.num);
        return true;
    }
    return false;
}

/* sin of k*15 degrees for k in 0..6 (0 to 90 degrees), exactly; NULL for k = 1 and 5 (15 and
 * 75 degrees), whose values no textbook exercise expects. */
static dx_expr *sin_first_quadrant(dx_ctx *c, int k)
{
    switch (k) {
    case 0: return dx_int(c, 0);
    case 2: return dx_frac(c, 1, 2);
    case 3: return dx_mul(c, dx_frac(c, 1, 2), dx_pow(c, dx_int(c, 2), dx_frac(c, 1, 2)));
    case 4: return dx_mul(c, dx_frac(c, 1, 2), dx_pow(c, dx_int(c, 3), dx_frac(c, 1, 2)));
    case 6: return dx_int(c, 1);
    default: return NULL;
    }
}

/* sin at k*15 degrees, k in 0..23, by the quadrant's symmetry. */
static dx_expr *sin_k(dx_ctx *c, int k)
{
    if (k <= 6)
        return sin_first_quadrant(c, k);
    if (k <= 12)
        return sin_first_quadrant(c, 12 - k);
    if (k <= 18)
        return dx_neg(c, sin_first_quadrant(c, k - 12));
    return dx_neg(c, sin_first_quadrant(c, 24 - k));
}

dx_expr *dx_fn_exact(dx_ctx *ctx, int fn, dx_expr *u)
{
    if (fn > DX_CSC)
        return NULL;
    dx_num q;
    if (!pi_multiple(u, &q))
        return NULL;
    /* k = 12*q mod 24: the angle in steps of 15 degrees, when it is a whole number of them */
    dx_num twelve = dx_num_int(12), t = dx_num_mul(&q, &twelve);
    dx_num_clear(&q);
    int64_t k;
    bool whole = dx_num_get_int(&t, &k);
    dx_num_clear(&t);
    if (!whole)
        return NULL;
    k %= 24;
    if (k < 0)
        k += 24;
    dx_expr *s = sin_k(ctx, (int)k), *co = sin_k(ctx, (int)((k + 6) % 24));
    if (!s || !co)
        return NULL;
    dx_expr *num = fn == DX_SIN || fn == DX_TAN || fn == DX_CSC ? s : co;
    dx_expr *den = fn == DX_TAN || fn == DX_SEC ? co : fn == DX_COT || fn == DX_CSC ? s : NULL;
    if (fn == DX_SEC || fn == DX_CSC)
        num = dx_int(ctx, 1);
    else if (fn == DX_COT)
        num = co;
    if (den && dx_is_int(den, 0)) {
        return dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_UNDEF_POLE, DX_S(dx_fns[fn].name), DX_E(u));
    }
    return den ? dx_div(ctx, num, den) : num;
}

const dx_fn *dx_fn_lookup(const char *name, size_t len)
{
    /* first byte first: most names looked up are one-letter variables */
    if (len == 0)
        return NULL;
    for (int i = 0; i < dx_nfns; i++)
        if (dx_fns[i].name[0] == name[0] && strncmp(dx_fns[i].name, name, len) == 0 && dx_fns[i].name[len] == 0)
            return &dx_fns[i];
    return NULL;
}

/* Damerau-free Levenshtein distance, for names of at most 31 bytes. */
static size_t edit_distance(const char *a, size_t la, const char *b, size_t lb)
{
    size_t row[33];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *dx_fn_suggest(const char *name, size_t len)
{
    if (len == 0 || len > 31)
        return NULL;
    /* one edit for short names, two for longer: "sinn" -> sin, "sqr" -> sqrt, "lg" -> ln */
    size_t limit = len <= 3 ? 1 : 2, best = limit + 1;
    const char *out = NULL;
    for (int i = 0; i < dx_nfns; i++) {
        size_t d = edit_distance(name, len, dx_fns[i].name, strlen(dx_fns[i].name));
        if (d < best) {
            best = d;
            out = dx_fns[i].name;
        }
    }
    return out;
}
