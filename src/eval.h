/* Numbers from expressions: exact substitution, and compiled evaluation over doubles. */
#ifndef DX_EVAL_H
#define DX_EVAL_H

#include "expr.h"

/* e with every occurrence of variable var (a DX_SYM node) replaced by value, rebuilt through
 * the smart constructors: with a rational value the result is exact (3*x^2 - 3 at x = 1/2 is
 * -9/4). NULL on failure (a division by zero found exactly, say), with the error recorded. */
DX_HIDDEN dx_expr *dx_subst(dx_ctx *ctx, dx_expr *e, dx_expr *var, dx_expr *value);

/* A compiled program: the DAG in topological order, each distinct node one instruction.
 * A program holds its own scratch registers: one program is used by one thread at a time. */
typedef struct dx_prog dx_prog;

/* Compile e with input slots vars[0..nvars) (names). A variable of e that is not among them
 * is an error (DX_EUSAGE, "no value for y"). The program is owned by the caller. */
DX_HIDDEN dx_prog *dx_compile(dx_ctx *ctx, const dx_expr *e, const char *const *vars, size_t nvars);
DX_HIDDEN void dx_prog_free(dx_prog *p);

/* One point: vals[k] is the value of vars[k]. DX_OK with *out set, or DX_EDOMAIN with a
 * message on ctx naming the function and the offending value ("ln is undefined at -1"). */
DX_HIDDEN dx_status dx_prog_eval(dx_prog *p, dx_ctx *ctx, const double *vals, double *out);

/* n points at once: cols[k][i] is the value of vars[k] at point i. out[i] is NaN where a
 * point is outside the real domain. Returns how many such points there were. Bit-for-bit the
 * same numbers as dx_prog_eval. */
DX_HIDDEN size_t dx_prog_eval_n(dx_prog *p, size_t n, const double *const *cols, double *out);
/* Fast mode: sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, ln, exp and pow run four
 * points per call through glibc's libmvec (vecmath.h), about 3x faster and within a few ulps
 * of libm instead of bit for bit. For many points where the last digits are not shown
 * (plots, benchmarks); batch and single points still agree bit for bit in either mode. Off
 * after dx_compile. Returns whether vector kernels run here (else fast is libm too). */
DX_HIDDEN bool dx_prog_set_fast(dx_prog *p, bool fast);

/* Evaluate a closed expression (no variables), e.g. an option value like pi/2. */
DX_HIDDEN dx_status dx_eval_const(dx_ctx *ctx, const dx_expr *e, double *out);

/* The shortest decimal text that reads back as v ("0.1", not "0.10000000000000001"); -0 is
 * "0". buf of at least 32 bytes. */
DX_HIDDEN void dx_fmt_double(char *buf, size_t n, double v);

#endif
