/* Recursion bounded by the stack the thread has, not only by a depth count. */
#ifndef DX_STACK_H
#define DX_STACK_H

#include "dfdx.h"
#include <stdbool.h>

#define DX_HIDDEN __attribute__((visibility("hidden")))

/* The passes that recurse once per level of an expression (diff, simplify, print, compile,
 * limit, growth, steps, equivalence, the parser's tree walks) ask this before each level. True
 * when the stack left is under the margin kept for the work at the leaves (GMP, libm, printf):
 * ctx then fails with DX_ELIMIT ("nested too deeply for the stack") and the pass unwinds. */
DX_HIDDEN bool dx_stack_low(dx_ctx *ctx);

#endif
