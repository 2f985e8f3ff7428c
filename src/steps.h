/* A derivation step by step, from diff's own rules through its recorder and open holes. */
#ifndef DX_STEPS_H
#define DX_STEPS_H

#include "diff.h"

/* One rule application: the derivative of node is taken, giving the expression so far. */
typedef struct dx_step {
    dx_rule rule;
    const dx_expr *node; /* whose derivative this step takes */
    dx_expr *after;      /* the expression so far; open derivatives are placeholder symbols */
} dx_step;

typedef struct dx_steps {
    dx_expr *var;
    dx_expr *start; /* the open derivative of f */
    dx_step *step;
    size_t n;
    dx_expr *result; /* what the steps arrive at (no open derivatives) */
    /* by node id: the rule diff applied, from its recorder (internal) */
    unsigned char *rule;
    const dx_expr **node;
    uint32_t nnodes;
} dx_steps;

/* A derivation longer than this is refused (DX_ELIMIT) rather than printed. */
#define DX_MAX_STEPS 2000

/* The steps of d f / d var (var a DX_SYM): one per distinct non-trivial subexpression, top
 * down, leftmost open derivative first; constants and var itself are folded into the step
 * that meets them. DX_OK, or an error status with the error on ctx. Free with dx_steps_free. */
DX_HIDDEN dx_status dx_steps_build(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_steps *out);
DX_HIDDEN void dx_steps_free(dx_steps *s);

/* e printed with each open derivative shown as d/dx(u) (LaTeX: \frac{d}{dx}\left(u\right));
 * malloc'd, NULL without memory. */
DX_HIDDEN char *dx_steps_print(dx_ctx *ctx, const dx_steps *s, const dx_expr *e, dx_format fmt);

/* How a step reads: *label the rule named for a student ("chain rule, outer sin, inner x^2",
 * malloc'd) and *formula its formula (static). false without memory. */
DX_HIDDEN bool dx_steps_describe(dx_ctx *ctx, const dx_steps *s, size_t i, char **label, const char **formula);

#endif
