/* Limits: one-sided and two-sided, exact where the algebra allows, numeric otherwise. */
#ifndef DX_LIMIT_H
#define DX_LIMIT_H

#include "expr.h"

/* What one side of a limit is. */
typedef enum dx_lim_kind {
    DX_LIM_VALUE,       /* a finite value */
    DX_LIM_POS_INF,     /* grows without bound: oo */
    DX_LIM_NEG_INF,     /* -oo */
    DX_LIM_OSCILLATES,  /* keeps moving: no value (sin(1/x) at 0) */
    DX_LIM_UNDEFINED,   /* f is not defined on this side near A (ln(x) at 0 from the left) */
    DX_LIM_UNKNOWN      /* neither the algebra nor the numbers could decide */
} dx_lim_kind;

typedef struct dx_lim {
    dx_lim_kind kind;
    dx_expr *exact;    /* DX_LIM_VALUE found exactly: the closed expression (e, 1/2); else NULL */
    double value;      /* DX_LIM_VALUE: its number */
    double err;        /* a numeric estimate's error bound (0 when exact) */
    bool numeric;      /* found from sample sequences, not by algebra */
    char method[256];  /* how it was found, for the user ("l'Hopital's rule, 2 rounds") */
} dx_lim;

/* Where x goes: a finite closed expression at (inf == 0), or +oo (inf = 1) / -oo (inf = -1). */
typedef struct dx_point {
    dx_expr *at; /* NULL when inf != 0 */
    int inf;
} dx_point;

/* The limit of f as var (a DX_SYM node) tends to p from one side: dir = -1 from below (x < A),
 * +1 from above. At +oo only dir = -1 makes sense and at -oo only dir = +1 (DX_EUSAGE
 * otherwise). DX_OK with *out filled, whatever the answer (a limit that does not exist is an
 * answer); another status only for a failure such as a closed `at` that is not a real number. */
DX_HIDDEN dx_status dx_limit_side(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_point p, int dir, dx_lim *out);

/* Everything a student asks about f at a point. */
typedef struct dx_limit_report {
    bool want_left, want_right; /* the sides computed (at +oo: left only; at -oo: right only) */
    dx_lim left, right;
    bool exists;        /* the limit over the sides asked for exists (a value, or both sides oo) */
    dx_lim value;       /* the limit when exists */
    /* finite points only: */
    bool defined_at;    /* f(A) is a real number */
    dx_expr *f_at;      /* f(A) exactly when defined */
    double f_at_value;
    char f_at_why[256]; /* why f(A) is undefined */
    int continuous;     /* 1 yes, 0 no, -1 does not apply (A infinite) or undecided */
    int differentiable; /* 1 yes, 0 no, -1 does not apply / undecided */
    dx_lim dleft, dright; /* one-sided derivatives, when f is continuous at A */
} dx_limit_report;

/* The limit of f at p from the sides asked for (both when want_left == want_right == false),
 * with continuity and differentiability at a finite p. DX_OK unless something failed. */
DX_HIDDEN dx_status dx_limit(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_point p, bool want_left, bool want_right,
                             dx_limit_report *out);

/* The one-sided derivatives of f at the finite point at: the one-sided limits of f' there, which
 * equal them when f is continuous at `at` (mean value theorem). relu(x) at 0 -> 0 and 1. */
DX_HIDDEN dx_status dx_limit_onesided_derivatives(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_expr *at,
                                                  dx_lim *left, dx_lim *right);

/* The arguments u of the abs and relu calls of f that depend on var: f' is undefined where
 * u = 0. Up to max of them in args (each once); returns how many there are in all. */
DX_HIDDEN size_t dx_kinks(dx_ctx *ctx, dx_expr *f, dx_expr *var, dx_expr **args, size_t max);

/* The x where a linear u = c*x + d vanishes, exactly (-d/c); NULL when u is not linear in var. */
DX_HIDDEN dx_expr *dx_linear_root(dx_ctx *ctx, dx_expr *u, dx_expr *var);

#endif
