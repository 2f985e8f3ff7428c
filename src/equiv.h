/* Equivalence of two expressions: by algebra where it can, else by exact and numeric samples. */
#ifndef DX_EQUIV_H
#define DX_EQUIV_H

#include "expr.h"

typedef enum dx_eq_kind {
    DX_EQ_ALGEBRA,   /* a - b reduces to 0 (canonically, or after clearing denominators and expanding) */
    DX_EQ_POINTS,    /* equal at every sample point where both are defined; not proven by algebra */
    DX_EQ_UNDEFINED, /* equal where both are defined, but one is undefined where the other is not */
    DX_EQ_DIFFERENT, /* a point where they differ (or where only one is defined and they share few points) */
    DX_EQ_UNKNOWN    /* too few points in the common domain to tell */
} dx_eq_kind;

/* The outcome, with a witness point for DX_EQ_UNDEFINED and DX_EQ_DIFFERENT. */
typedef struct dx_equiv {
    dx_eq_kind kind;
    size_t npoints;  /* sample points where both were defined and compared */
    dx_expr *at;     /* the witness as an exact number, or NULL when it is only a double */
    double at_d;
    /* values at the witness: exact numbers where substitution gave one, else NULL and the
     * double (NaN: undefined there) */
    dx_expr *va, *vb;
    double da, db;
    char held[128]; /* the values other variables were held at ("y = 7/5"), "" when none */
} dx_equiv;

/* Compare a and b as functions of var (a DX_SYM); other variables are held at fixed generic
 * rationals. within (may be NULL): only points where it is defined count (the function whose
 * derivatives a and b are). quick: doubles only and no witness search beyond the first
 * difference (for trying many candidate slips). Returns DX_OK, or an error status with the
 * error on ctx. */
DX_HIDDEN dx_status dx_equiv_check(dx_ctx *ctx, dx_expr *a, dx_expr *b, dx_expr *within, dx_expr *var, bool quick,
                                   dx_equiv *out);


#endif
