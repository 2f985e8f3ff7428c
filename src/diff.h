/* Differentiation: one rule per node kind, memoised per node, with an optional recorder. */
#ifndef DX_DIFF_H
#define DX_DIFF_H

#include "expr.h"
#include "dfdx/check.h"
#include "dfdx/steps.h"

/* Called once per distinct node, after its derivative is known, children first. */
typedef void (*dx_recorder)(void *user, dx_rule rule, const dx_expr *e, const dx_expr *de);

/* d e / d var (var a DX_SYM node), first order. rec may be NULL. */
DX_HIDDEN dx_expr *dx_diff_by(dx_ctx *ctx, dx_expr *e, dx_expr *var, dx_recorder rec, void *user);

/* How dx_diff_with differs from plain dx_diff_by; a zeroed struct is plain. */
typedef struct dx_diff_opts {
    dx_recorder rec;
    void *user;
    dx_slip slip;           /* the one rule to break, DX_SLIP_NONE for none */
    const dx_expr *slip_at; /* break it only at this node; NULL: wherever it applies */
    /* When set, the derivative of a proper subexpression u is hole(hole_user, u) unless
     * that returns NULL: one rule application with the rest left open (steps uses it). */
    dx_expr *(*hole)(void *hole_user, dx_expr *u);
    void *hole_user;
} dx_diff_opts;

DX_HIDDEN dx_expr *dx_diff_with(dx_ctx *ctx, dx_expr *e, dx_expr *var, const dx_diff_opts *o);

#endif
