/* dfdx: value (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_VALUE_H
#define DFDX_VALUE_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How a value is said: its decimal alone ("3"), a short decimal the value rounds to ("≈ 1e-30",
 * ln(1 + 10^-30), which has no short exact form), its exact form equal to the decimal
 * ("-9/4 = -2.25"), its exact form and a rounded decimal ("pi/2 ≈ 1.5707963267948966"), the
 * exact form alone, a rational too long to value; or, beyond a double's range, its exact form
 * (where it has a short one) and the digits a double cannot hold ("e^1000 ≈
 * 1.970071114017047e+434", "e^(-10^100) ≈ 10^(-4.3429e99)"). */
typedef enum dx_value_form {
    DX_VALUE_DECIMAL, DX_VALUE_EQUAL, DX_VALUE_APPROX, DX_VALUE_EXACT_ONLY, DX_VALUE_BEYOND, DX_VALUE_NEAR
} dx_value_form;

/* The value of an expression at given values of its variables. Every pointer is owned by
 * the context and valid until it is freed. */
typedef struct dx_value {
    dx_expr *input;            /* the expression evaluated */
    size_t nvalues;            /* the values given: names[i] = values[i] */
    const char *const *names;
    const double *values;
    dx_expr *exact;            /* the exact value where it says more than a decimal (1/3, pi^2), else NULL */
    bool rational;             /* exact is a rational number */
    double value;              /* the value as the nearest double (correctly rounded where e is a
                                  closed form at the point); +-inf or +-0 beyond a double's
                                  range (beyond has it), NaN for a rational too long to value */
    double decimal;            /* the value as shown: without rounding noise (log2(8) is 3) */
    dx_value_form form;
    const char *beyond;        /* DX_VALUE_BEYOND: the value's digits, else NULL */
} dx_value;

/* e at names[i] = values[i] (closed expressions, such as 1/2 or pi/3), exactly where the
 * algebra allows and in doubles otherwise; every variable of e needs a value. DX_OK with *out
 * filled, or an error on the context: a domain error found exactly (1/x at x = 0) or in doubles. */
DX_API dx_status dx_eval_at(dx_ctx *ctx, dx_expr *e, const char *const *names, dx_expr *const *values, size_t n,
                            dx_value *out);
/* The value as `dfdx eval` prints it, appended to out (nothing for a failed call's result). */
DX_API void dx_show_value(dx_ctx *ctx, const dx_value *v, dx_show how, struct dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
