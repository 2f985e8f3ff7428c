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
/* 1/(1 + e^-x) and ln(1 + e^x), each written so that e^(something) never overflows */
static double ev_sigmoid(double x) { return x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)); }
static double ev_softplus(double x) { return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x)); }
/* undefined at 0 (NaN, reported as outside the domain): relu'(0) and abs'(0) do not exist */
static double ev_step(double x) { return x > 0 ? 1.0 : x < 0 ? 0.0 : NAN; }
static double ev_sign(double x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : NAN; }
static double ev_acosh(double x) { return x >= 1 ? acosh(x) : NAN; }
static double ev_atanh(double x) { return x > -1 && x < 1 ? atanh(x) : NAN; }

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
/* (u^2 + 1)^(-1/2), (u^2 - 1)^(-1/2) (for u > 1, where acosh has a derivative), 1/(1 - u^2) */
static dx_expr *d_asinh(dx_ctx *c, dx_expr *u) { return dx_pow(c, dx_add(c, sq(c, u), dx_int(c, 1)), dx_frac(c, -1, 2)); }
static dx_expr *d_acosh(dx_ctx *c, dx_expr *u) { return dx_pow(c, dx_sub(c, sq(c, u), dx_int(c, 1)), dx_frac(c, -1, 2)); }
static dx_expr *d_atanh(dx_ctx *c, dx_expr *u) { return dx_div(c, dx_int(c, 1), dx_sub(c, dx_int(c, 1), sq(c, u))); }
static dx_expr *d_ln(dx_ctx *c, dx_expr *u) { return dx_pow(c, u, dx_int(c, -1)); }          /* 1/u */
/* abs'(u) = sign(u) and relu'(u) = step(u), the textbook's forms; both are undefined at u = 0,
 * where neither function is differentiable (never a silent 0 or 1/2). */
static dx_expr *d_abs(dx_ctx *c, dx_expr *u) { return call(c, DX_SIGN, u); }
static dx_expr *d_relu(dx_ctx *c, dx_expr *u) { return call(c, DX_STEP, u); }
/* sigmoid(u)*(1 - sigmoid(u)) */
static dx_expr *d_sigmoid(dx_ctx *c, dx_expr *u)
{
    dx_expr *s = call(c, DX_SIGMOID, u);
    return dx_mul(c, s, dx_sub(c, dx_int(c, 1), s));
}
static dx_expr *d_softplus(dx_ctx *c, dx_expr *u) { return call(c, DX_SIGMOID, u); }
/* 0 on each side; the jump at 0 is no point of the derivative (the kink notes name it) */
static dx_expr *d_jump(dx_ctx *c, dx_expr *u) { return dx_int(c, 0); }
/* 2/sqrt(pi) * e^(-u^2) */
static dx_expr *d_erf(dx_ctx *c, dx_expr *u)
{
    dx_expr *k = dx_mul(c, dx_int(c, 2), dx_pow(c, dx_const(c, DX_PI), dx_frac(c, -1, 2)));
    return dx_mul(c, k, dx_pow(c, dx_const(c, DX_E), dx_neg(c, sq(c, u))));
}

/* --- builders ------------------------------------------------------------------------------ */
#define CALL_MAKER(name) \
    static dx_expr *mk_##name(dx_ctx *c, dx_expr *const *a, int n) { return dx_call(c, DX_##name, a[0]); }
CALL_MAKER(SIN) CALL_MAKER(COS) CALL_MAKER(TAN) CALL_MAKER(COT) CALL_MAKER(SEC) CALL_MAKER(CSC)
CALL_MAKER(ASIN) CALL_MAKER(ACOS) CALL_MAKER(ATAN) CALL_MAKER(SINH) CALL_MAKER(COSH) CALL_MAKER(TANH)
CALL_MAKER(LN) CALL_MAKER(ABS) CALL_MAKER(RELU) CALL_MAKER(ERF)
CALL_MAKER(SIGMOID) CALL_MAKER(SOFTPLUS) CALL_MAKER(STEP) CALL_MAKER(SIGN)
CALL_MAKER(ASINH) CALL_MAKER(ACOSH) CALL_MAKER(ATANH)

static dx_expr *mk_sqrt(dx_ctx *c, dx_expr *const *a, int n) { return dx_pow(c, a[0], dx_frac(c, 1, 2)); }
static dx_expr *mk_exp(dx_ctx *c, dx_expr *const *a, int n) { return dx_pow(c, dx_const(c, DX_E), a[0]); }
static dx_expr *ln_base(dx_ctx *c, dx_expr *u, dx_expr *b)
{
    dx_expr *lb = dx_call(c, DX_LN, b);
    if (lb && dx_is_int(lb, 0))
        return dx_fail(c, DX_EDOMAIN, -1, -1, DX_M_LOG_BASE_ONE);
    /* numbers whose log is rational: log(2, 8) is 1/3 exactly (2 = 8^(1/3)), not ln(2)/ln(8) */
    dx_num q;
    if (lb && u && u->kind == DX_NUM && b->kind == DX_NUM && dx_num_log(&q, &u->u.num, &b->u.num)) {
        dx_expr *r = dx_number(c, &q);
        dx_num_clear(&q);
        return r;
    }
    return dx_div(c, dx_call(c, DX_LN, u), lb);
}
static dx_expr *mk_log(dx_ctx *c, dx_expr *const *a, int n) { return n == 2 ? ln_base(c, a[0], a[1]) : dx_call(c, DX_LN, a[0]); }
static dx_expr *mk_log10(dx_ctx *c, dx_expr *const *a, int n) { return ln_base(c, a[0], dx_int(c, 10)); }
static dx_expr *mk_log2(dx_ctx *c, dx_expr *const *a, int n) { return ln_base(c, a[0], dx_int(c, 2)); }
/* max(a, b) = a + relu(b - a) and min(a, b) = a - relu(a - b): their kinks, where a = b, are
 * relu's; max(0, x) is relu(x) and min(0, x) is -relu(-x), whichever side the 0 is on. */
static dx_expr *mk_max(dx_ctx *c, dx_expr *const *a, int n)
{
    dx_expr *p = dx_is_int(a[1], 0) ? a[1] : a[0], *q = p == a[1] ? a[0] : a[1];
    return dx_add(c, p, dx_call(c, DX_RELU, dx_sub(c, q, p)));
}
static dx_expr *mk_min(dx_ctx *c, dx_expr *const *a, int n)
{
    dx_expr *p = dx_is_int(a[1], 0) ? a[1] : a[0], *q = p == a[1] ? a[0] : a[1];
    return dx_sub(c, p, dx_call(c, DX_RELU, dx_sub(c, p, q)));
}
/* leaky_relu(x, a) = a*x + (1 - a)*relu(x): x for x > 0, a*x for x < 0, one kink; a is 1/100
 * unless given (PyTorch's default slope) */
static dx_expr *mk_leaky_relu(dx_ctx *c, dx_expr *const *a, int n)
{
    dx_expr *slope = n == 2 ? a[1] : dx_frac(c, 1, 100);
    return dx_add(c, dx_mul(c, slope, a[0]), dx_mul(c, dx_sub(c, dx_int(c, 1), slope), dx_call(c, DX_RELU, a[0])));
}

/* --- in powers of e, for limits where they cancel ------------------------------------------- */
static dx_expr *e_to(dx_ctx *c, dx_expr *u) { return dx_pow(c, dx_const(c, DX_E), u); }
static dx_expr *x_sinh(dx_ctx *c, dx_expr *u) { return dx_mul(c, dx_frac(c, 1, 2), dx_sub(c, e_to(c, u), e_to(c, dx_neg(c, u)))); }
static dx_expr *x_cosh(dx_ctx *c, dx_expr *u) { return dx_mul(c, dx_frac(c, 1, 2), dx_add(c, e_to(c, u), e_to(c, dx_neg(c, u)))); }
static dx_expr *x_tanh(dx_ctx *c, dx_expr *u)
{
    dx_expr *p = e_to(c, u), *m = e_to(c, dx_neg(c, u));
    return dx_div(c, dx_sub(c, p, m), dx_add(c, p, m));
}
static dx_expr *x_sigmoid(dx_ctx *c, dx_expr *u) { return dx_div(c, dx_int(c, 1), dx_add(c, dx_int(c, 1), e_to(c, dx_neg(c, u)))); }
static dx_expr *x_softplus(dx_ctx *c, dx_expr *u) { return dx_call(c, DX_LN, dx_add(c, dx_int(c, 1), e_to(c, u))); }

const dx_msg_id dx_domain_msg[] = {
    [DX_DOM_ALL] = DX_M_UNDEF,
    [DX_DOM_POS] = DX_M_UNDEF_POS,
    [DX_DOM_UNIT] = DX_M_UNDEF_UNIT,
    [DX_DOM_TRIG_POLES] = DX_M_UNDEF_POLE,
    [DX_DOM_NONZERO] = DX_M_UNDEF_JUMP,
};

#define VALUE(n, d) {DX_TAIL_VALUE, n, d, false}
#define PI_TIMES(n, d) {DX_TAIL_VALUE, n, d, true}
#define POS_INF {DX_TAIL_POS_INF, 0, 1, false}
#define NEG_INF {DX_TAIL_NEG_INF, 0, 1, false}
#define OSC {DX_TAIL_OSC, 0, 1, false}
#define BETWEEN(l, h) .bounded = true, .lo = l, .hi = h
#define AT_0_IS(v) .has_special = true, .special_at = 0, .special_value = v

/* ORDER FN: rows of the call functions first, in dx_fn_id order, then the rewrites. A field
 * left out is "no such fact": no parity, no limit known, printed after the ranked rows. */
const dx_fn dx_fns[] = {
    {.name = "sin", .arity = 1, .min_arity = 1, .make = mk_SIN, .eval = sin, .vec = dx_vm_sin, .deriv = d_sin,
     .latex = "\\sin", .formula = "d/dx sin(u) = cos(u)*u'",
     .parity = DX_ODD, AT_0_IS(0), .at_pos = OSC, .at_neg = OSC, BETWEEN(VALUE(-1, 1), VALUE(1, 1)), .order = 1},
    {.name = "cos", .arity = 1, .min_arity = 1, .make = mk_COS, .eval = cos, .vec = dx_vm_cos, .deriv = d_cos,
     .latex = "\\cos", .formula = "d/dx cos(u) = -sin(u)*u'",
     .parity = DX_EVEN, AT_0_IS(1), .at_pos = OSC, .at_neg = OSC, BETWEEN(VALUE(-1, 1), VALUE(1, 1)), .order = 2},
    {.name = "tan", .arity = 1, .min_arity = 1, .make = mk_TAN, .eval = tan, .vec = dx_vm_tan, .deriv = d_tan,
     .domain = DX_DOM_TRIG_POLES, .latex = "\\tan", .formula = "d/dx tan(u) = sec(u)^2*u'",
     .parity = DX_ODD, AT_0_IS(0), .sin_pow = 1, .cos_pow = -1, .order = 5},
    {.name = "cot", .arity = 1, .min_arity = 1, .make = mk_COT, .eval = ev_cot, .deriv = d_cot,
     .domain = DX_DOM_TRIG_POLES, .latex = "\\cot", .formula = "d/dx cot(u) = -csc(u)^2*u'",
     .parity = DX_ODD, .sin_pow = -1, .cos_pow = 1, .order = 6},
    {.name = "sec", .arity = 1, .min_arity = 1, .make = mk_SEC, .eval = ev_sec, .deriv = d_sec,
     .domain = DX_DOM_TRIG_POLES, .latex = "\\sec", .formula = "d/dx sec(u) = sec(u)*tan(u)*u'",
     .parity = DX_EVEN, AT_0_IS(1), .cos_pow = -1, .order = 3 /* sec(x)*tan(x), the derivative of sec */},
    {.name = "csc", .arity = 1, .min_arity = 1, .make = mk_CSC, .eval = ev_csc, .deriv = d_csc,
     .domain = DX_DOM_TRIG_POLES, .latex = "\\csc", .formula = "d/dx csc(u) = -csc(u)*cot(u)*u'",
     .parity = DX_ODD, .sin_pow = -1, .order = 4},
    {.name = "asin", .arity = 1, .min_arity = 1, .make = mk_ASIN, .eval = ev_asin, .vec = dx_vm_asin, .deriv = d_asin,
     .domain = DX_DOM_UNIT, .latex = "\\arcsin", .formula = "d/dx asin(u) = u'/sqrt(1 - u^2)",
     .parity = DX_ODD, AT_0_IS(0), BETWEEN(PI_TIMES(-1, 2), PI_TIMES(1, 2)), .monotone = 1},
    {.name = "acos", .arity = 1, .min_arity = 1, .make = mk_ACOS, .eval = ev_acos, .vec = dx_vm_acos, .deriv = d_acos,
     .domain = DX_DOM_UNIT, .latex = "\\arccos", .formula = "d/dx acos(u) = -u'/sqrt(1 - u^2)",
     .has_special = true, .special_at = 1, .special_value = 0, BETWEEN(VALUE(0, 1), PI_TIMES(1, 1)), .monotone = -1},
    {.name = "atan", .arity = 1, .min_arity = 1, .make = mk_ATAN, .eval = atan, .vec = dx_vm_atan, .deriv = d_atan,
     .latex = "\\arctan", .formula = "d/dx atan(u) = u'/(1 + u^2)", .flags = DX_FN_FLAT,
     .parity = DX_ODD, AT_0_IS(0), .at_pos = PI_TIMES(1, 2), .at_neg = PI_TIMES(-1, 2),
     BETWEEN(PI_TIMES(-1, 2), PI_TIMES(1, 2)), .monotone = 1},
    {.name = "sinh", .arity = 1, .min_arity = 1, .make = mk_SINH, .eval = sinh, .vec = dx_vm_sinh, .deriv = d_sinh,
     .latex = "\\sinh", .formula = "d/dx sinh(u) = cosh(u)*u'",
     .parity = DX_ODD, AT_0_IS(0), .at_pos = POS_INF, .at_neg = NEG_INF, .monotone = 1, .by_exp = x_sinh,
     .growth = DX_GROW_HALF_EXP, .order = 7},
    {.name = "cosh", .arity = 1, .min_arity = 1, .make = mk_COSH, .eval = cosh, .vec = dx_vm_cosh, .deriv = d_cosh,
     .latex = "\\cosh", .formula = "d/dx cosh(u) = sinh(u)*u'",
     .parity = DX_EVEN, AT_0_IS(1), .at_pos = POS_INF, .at_neg = POS_INF, .by_exp = x_cosh,
     .growth = DX_GROW_HALF_EXP, .order = 8},
    {.name = "tanh", .arity = 1, .min_arity = 1, .make = mk_TANH, .eval = tanh, .vec = dx_vm_tanh, .deriv = d_tanh,
     .latex = "\\tanh", .formula = "d/dx tanh(u) = (1 - tanh(u)^2)*u'", .flags = DX_FN_FLAT,
     .parity = DX_ODD, AT_0_IS(0), .at_pos = VALUE(1, 1), .at_neg = VALUE(-1, 1), BETWEEN(VALUE(-1, 1), VALUE(1, 1)),
     .monotone = 1, .by_exp = x_tanh, .order = 9},
    {.name = "ln", .arity = 1, .min_arity = 1, .make = mk_LN, .eval = ev_ln, .vec = dx_vm_log, .deriv = d_ln,
     .domain = DX_DOM_POS, .latex = "\\ln", .formula = "d/dx ln(u) = u'/u", .flags = DX_FN_LOG,
     .has_special = true, .special_at = 1, .special_value = 0, .at_pos = POS_INF, .at_zero_right = NEG_INF,
     .monotone = 1, .growth = DX_GROW_LOG},
    {.name = "abs", .arity = 1, .min_arity = 1, .make = mk_ABS, .eval = fabs, .deriv = d_abs,
     .latex = "\\left|", .latex_close = "\\right|", .formula = "d/dx abs(u) = abs(u)/u*u' (u != 0)",
     .flags = DX_FN_KINK0 | DX_FN_IDEMPOTENT, .parity = DX_EVEN, .slope_neg = -1, .slope_pos = 1,
     .at_pos = POS_INF, .at_neg = POS_INF, .growth = DX_GROW_ABS},
    {.name = "relu", .arity = 1, .min_arity = 1, .make = mk_RELU, .eval = ev_relu, .deriv = d_relu,
     .latex = "\\operatorname{relu}", .formula = "d/dx relu(u) = relu(u)/u*u' (u != 0)",
     .flags = DX_FN_KINK0 | DX_FN_FLAT, .slope_neg = 0, .slope_pos = 1, .at_pos = POS_INF, .at_neg = VALUE(0, 1)},
    {.name = "erf", .arity = 1, .min_arity = 1, .make = mk_ERF, .eval = erf, .deriv = d_erf,
     .latex = "\\operatorname{erf}", .formula = "d/dx erf(u) = 2/sqrt(pi)*e^(-u^2)*u'", .flags = DX_FN_FLAT,
     .parity = DX_ODD, AT_0_IS(0), .at_pos = VALUE(1, 1), .at_neg = VALUE(-1, 1), BETWEEN(VALUE(-1, 1), VALUE(1, 1)),
     .monotone = 1},
    {.name = "sigmoid", .arity = 1, .min_arity = 1, .make = mk_SIGMOID, .eval = ev_sigmoid, .deriv = d_sigmoid,
     .latex = "\\sigma", .formula = "d/dx sigmoid(u) = sigmoid(u)*(1 - sigmoid(u))*u'",
     .flags = DX_FN_FLAT | DX_FN_LOGISTIC,
     .has_special = true, .special_at = 0, .special_value = 1, .special_den = 2, .at_pos = VALUE(1, 1),
     .at_neg = VALUE(0, 1), BETWEEN(VALUE(0, 1), VALUE(1, 1)), .monotone = 1, .by_exp = x_sigmoid},
    {.name = "softplus", .arity = 1, .min_arity = 1, .make = mk_SOFTPLUS, .eval = ev_softplus, .deriv = d_softplus,
     .latex = "\\operatorname{softplus}", .formula = "d/dx softplus(u) = sigmoid(u)*u'", .flags = DX_FN_FLAT,
     .at_pos = POS_INF, .at_neg = VALUE(0, 1), .monotone = 1, .by_exp = x_softplus},
    {.name = "step", .arity = 1, .min_arity = 1, .make = mk_STEP, .eval = ev_step, .deriv = d_jump,
     .domain = DX_DOM_NONZERO, .latex = "\\operatorname{step}", .formula = "d/dx step(u) = 0 (u != 0)",
     .flags = DX_FN_JUMP0 | DX_FN_FLAT, .level_neg = 0, .level_pos = 1, .at_pos = VALUE(1, 1), .at_neg = VALUE(0, 1),
     BETWEEN(VALUE(0, 1), VALUE(1, 1))},
    {.name = "sign", .arity = 1, .min_arity = 1, .make = mk_SIGN, .eval = ev_sign, .deriv = d_jump,
     .domain = DX_DOM_NONZERO, .latex = "\\operatorname{sgn}", .formula = "d/dx sign(u) = 0 (u != 0)",
     .flags = DX_FN_JUMP0 | DX_FN_FLAT, .parity = DX_ODD, .level_neg = -1, .level_pos = 1, .at_pos = VALUE(1, 1),
     .at_neg = VALUE(-1, 1), BETWEEN(VALUE(-1, 1), VALUE(1, 1))},
    /* the inverse hyperbolic functions; acosh and atanh are undefined outside [1, oo) and
     * (-1, 1), which the evaluator sees as a NaN */
    {.name = "asinh", .arity = 1, .min_arity = 1, .make = mk_ASINH, .eval = asinh, .deriv = d_asinh,
     .latex = "\\operatorname{arsinh}", .formula = "d/dx asinh(u) = u'/sqrt(u^2 + 1)",
     .parity = DX_ODD, AT_0_IS(0), .at_pos = POS_INF, .at_neg = NEG_INF, .monotone = 1},
    {.name = "acosh", .arity = 1, .min_arity = 1, .make = mk_ACOSH, .eval = ev_acosh, .deriv = d_acosh,
     .latex = "\\operatorname{arcosh}", .formula = "d/dx acosh(u) = u'/sqrt(u^2 - 1)",
     .has_special = true, .special_at = 1, .special_value = 0, .at_pos = POS_INF, .monotone = 1},
    {.name = "atanh", .arity = 1, .min_arity = 1, .make = mk_ATANH, .eval = ev_atanh, .deriv = d_atanh,
     .latex = "\\operatorname{artanh}", .formula = "d/dx atanh(u) = u'/(1 - u^2)",
     .parity = DX_ODD, AT_0_IS(0), .monotone = 1},
    /* rewrites: parsed, then built from the rows above */
    {.name = "sqrt", .arity = 1, .min_arity = 1, .make = mk_sqrt, .latex = "\\sqrt"},
    {.name = "exp", .arity = 1, .min_arity = 1, .make = mk_exp, .latex = "\\exp"},
    {.name = "log", .arity = 2, .min_arity = 1, .make = mk_log, .latex = "\\log"},
    {.name = "log10", .arity = 1, .min_arity = 1, .make = mk_log10, .latex = "\\log_{10}"},
    {.name = "log2", .arity = 1, .min_arity = 1, .make = mk_log2, .latex = "\\log_2"},
    {.name = "max", .arity = 2, .min_arity = 2, .make = mk_max, .latex = "\\max"},
    {.name = "min", .arity = 2, .min_arity = 2, .make = mk_min, .latex = "\\min"},
    {.name = "leaky_relu", .arity = 2, .min_arity = 1, .make = mk_leaky_relu, .latex = "\\operatorname{leaky\\_relu}"},
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

bool dx_domain_holds(dx_domain d, const dx_num *q)
{
    if (d == DX_DOM_POS)
        return dx_num_sign(q) > 0;
    if (d == DX_DOM_NONZERO)
        return dx_num_sign(q) != 0;
    if (d != DX_DOM_UNIT)
        return true;
    dx_num one = dx_num_int(1), neg_one = dx_num_int(-1);
    return dx_num_cmp(q, &one) <= 0 && dx_num_cmp(q, &neg_one) >= 0;
}

dx_expr *dx_fn_side(dx_ctx *ctx, int fn, int sign, dx_expr *u)
{
    const dx_fn *row = &dx_fns[fn];
    int slope = sign < 0 ? row->slope_neg : row->slope_pos, level = sign < 0 ? row->level_neg : row->level_pos;
    dx_expr *linear = slope == 1 ? u : dx_mul(ctx, dx_int(ctx, slope), u);
    return level ? dx_add(ctx, linear, dx_int(ctx, level)) : linear;
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

const char *dx_fn_suggest(const char *name, size_t len)
{
    if (len == 0 || len > 31)
        return NULL;
    size_t best = dx_near_limit(len) + 1;
    const char *out = NULL;
    for (int i = 0; i < dx_nfns; i++) {
        size_t d = dx_edit_distance(name, len, dx_fns[i].name, strlen(dx_fns[i].name));
        if (d < best) {
            best = d;
            out = dx_fns[i].name;
        }
    }
    return out;
}
