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
 * again replaces its body. body must be an expression of ctx; the definition lasts as long as
 * ctx. DX_OK, or the error (also on ctx). */
DX_API dx_status dx_define(dx_ctx *ctx, const char *name, const char *param, dx_expr *body);
/* The body defined for name, or NULL when there is none; *param (when param is not NULL)
 * gets its parameter, NULL for a name without one. Both are owned by ctx. */
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
