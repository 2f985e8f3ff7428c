/* dfdx: session (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_SESSION_H
#define DFDX_SESSION_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* e with every occurrence of the variable var replaced by value, exactly: rebuilt through the
 * canonical constructors, so 3*x^2 - 3 at x = 1/2 is -9/4. The result is owned by ctx. NULL
 * on failure (a division by zero found exactly, say), with the error on ctx. */
DX_API dx_expr *dx_substitute(dx_ctx *ctx, dx_expr *e, const char *var, dx_expr *value);

/* Named expressions, read by every later dx_parse on ctx: NAME alone stands for body, and
 * where param is not NULL, NAME(ARG) for body with param replaced by ARG (dx_substitute).
 * A name of a function or constant (sin, pi) cannot be defined (DX_EUSAGE); defining a name
 * again replaces its body. In text, NAME'(ARG) and NAME''(ARG) are its derivatives by param. body must be an expression of ctx; the definition lasts as long as
 * ctx. DX_OK, or the error (also on ctx). */
DX_API dx_status dx_define(dx_ctx *ctx, const char *name, const char *param, dx_expr *body);
/* The same with any number of parameters, at most DX_DEFINE_MAX_PARAMS: L(w, b) = ... is
 * dx_define_n(ctx, "L", (const char *[]){"w", "b"}, 2, body), and L(1, 2) then replaces both
 * at once. A name that is the parameter of another definition cannot be defined (x = 3
 * after f(x) = ...: DX_EUSAGE, the message says to write f(3)). */
#define DX_DEFINE_MAX_PARAMS 16
DX_API dx_status dx_define_n(dx_ctx *ctx, const char *name, const char *const *params, size_t nparams,
                             dx_expr *body);
/* The body defined for name (NULL when none), its parameters in *params (owned by ctx) and
 * their number in *nparams. */
DX_API dx_expr *dx_defined_n(dx_ctx *ctx, const char *name, const char *const **params, size_t *nparams);
/* The body defined for name, or NULL when there is none; *param (when param is not NULL)
 * gets its (first) parameter, NULL for a name without one. Both are owned by ctx. */
DX_API dx_expr *dx_defined(dx_ctx *ctx, const char *name, const char **param);

/* Does text fail to parse only because it ends inside an open '(' ("sin(x +", "f(")? A
 * session then reads another line and tries again. The parse's error (if any) stays on ctx. */
DX_API bool dx_unfinished(dx_ctx *ctx, const char *text, size_t len);

/* Facts about an expression a program may ask, without reading nodes: a number (2, -9/4),
 * a variable (x), a named constant (pi, e). */
DX_API bool dx_is_number(const dx_expr *e);
DX_API bool dx_is_variable(const dx_expr *e);
DX_API bool dx_is_constant(const dx_expr *e);

#ifdef __cplusplus
}
#endif

#endif
