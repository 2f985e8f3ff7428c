/* dfdx: limit (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_LIMIT_H
#define DFDX_LIMIT_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What one side of a limit is. */
typedef enum dx_lim_kind {
    DX_LIM_VALUE,       /* a finite value */
    DX_LIM_POS_INF,     /* grows without bound: oo */
    DX_LIM_NEG_INF,     /* -oo */
    DX_LIM_OSCILLATES,  /* keeps moving: no value (sin(1/x) at 0) */
    DX_LIM_UNDEFINED,   /* f is not defined on this side near A (ln(x) at 0 from the left) */
    DX_LIM_UNKNOWN      /* neither the algebra nor the numbers could decide */
} dx_lim_kind;

/* Rewrites the algebra made on the way to an exact answer (dx_lim_method.rewrites). */
enum {
    DX_LIM_REWRITE_FRACTION = 1 << 1,  /* over one denominator */
    DX_LIM_REWRITE_CONJUGATE = 1 << 2, /* multiplied by the conjugate */
    DX_LIM_REWRITE_EXPLOG = 1 << 3,    /* as exp(lim ln) */
    DX_LIM_REWRITE_KINK = 1 << 4,      /* abs/relu by the sign of their argument */
    DX_LIM_REWRITE_TRIG = 1 << 5,      /* tan, cot, sec, csc as quotients of sin and cos */
    DX_LIM_REWRITE_POLE = 1 << 6,      /* sign of the approach to 0 */
    DX_LIM_REWRITE_SQUEEZE = 1 << 7,   /* bounded times a factor tending to 0 */
    DX_LIM_REWRITE_LOGS = 1 << 8,      /* logarithms split by their leading terms: ln(u) = ln(L) + ln(u/L) */
    DX_LIM_REWRITE_FACTOR = 1 << 9,    /* oo - oo as A*(1 + (the rest)/A) */
    DX_LIM_REWRITE_RECIPROCAL = 1 << 10, /* at +oo, x = 1/t with t -> 0+ */
};

/* What decided an exact answer before any l'Hopital rounds. */
typedef enum dx_lim_compare {
    DX_LIM_CMP_NONE,    /* nothing compared: substitution, or the limits of the parts */
    DX_LIM_CMP_DEGREES, /* the leading terms of polynomials */
    DX_LIM_CMP_GROWTH,  /* orders of growth (growth_hi beats growth_lo) */
} dx_lim_compare;

/* Classes of growth at +oo, weakest first (dx_lim_method.growth_hi, growth_lo). */
typedef enum dx_lim_growth { DX_LIM_CONSTANT, DX_LIM_LOGARITHM, DX_LIM_POWER, DX_LIM_EXPONENTIAL } dx_lim_growth;

/* How a side's answer was found. */
typedef struct dx_lim_method {
    dx_msg note;           /* an answer the algebra did not give: how it was reached
                            * (DX_M_LIM_RICHARDSON, DX_M_LIM_UNDEFINED_SIDE, ...); else DX_M_NONE */
    /* an exact answer: */
    int via;               /* +1 / -1: x = A + 1/t / A - 1/t moved the point to t -> oo; else 0 */
    const dx_expr *via_at; /* that A */
    dx_lim_compare compare;
    int growth_hi, growth_lo; /* DX_LIM_CMP_GROWTH: the strongest class among the parts and the
                               * strongest below it (dx_lim_growth), -1 when none; hi alone:
                               * the one class they share */
    int lhopital;          /* rounds of l'Hopital's rule */
    int series;            /* 0/0 decided by exact Taylor series to this order (where
                            * l'Hopital's rule stalled); 0 if not */
    bool parts;            /* with nothing compared: limits of the parts, not substitution */
    unsigned rewrites;     /* DX_LIM_REWRITE_* */
    const dx_expr *lo, *hi; /* an oscillation: the bounds it keeps moving between */
    bool wild;             /* swings between ever larger positive and negative values */
} dx_lim_method;

typedef struct dx_lim {
    dx_lim_kind kind;
    dx_expr *exact;    /* DX_LIM_VALUE found exactly: the closed expression (e, 1/2); else NULL */
    double value;      /* DX_LIM_VALUE: its number */
    double err;        /* a numeric estimate's error bound (0 when exact) */
    bool numeric;      /* found from sample sequences, not by algebra */
    dx_lim_method method;
} dx_lim;

/* Where x goes: a finite closed expression at (inf == 0), or +oo (inf = 1) / -oo (inf = -1). */
typedef struct dx_point {
    dx_expr *at; /* NULL when inf != 0 */
    int inf;
} dx_point;

/* Everything a student asks about f at a point. */
typedef struct dx_limit_report {
    const dx_expr *f;
    const char *var;            /* owned by the context */
    dx_point at;
    bool want_left, want_right; /* the sides computed (at +oo: left only; at -oo: right only) */
    dx_lim left, right;
    bool exists;        /* the limit over the sides asked for exists (a value, or both sides oo) */
    dx_lim value;       /* the limit when exists (one side asked: that side, with its method;
                         * two: the sides' methods are theirs) */
    /* finite points only: */
    bool defined_at;    /* f(A) is a real number */
    dx_expr *f_at;      /* f(A) exactly when defined */
    double f_at_value;
    dx_msg f_at_why;    /* why f(A) is undefined (the error that said so) */
    int continuous;     /* 1 yes, 0 no, -1 does not apply (A infinite) or undecided */
    int differentiable; /* 1 yes, 0 no, -1 does not apply / undecided */
    dx_lim dleft, dright; /* one-sided derivatives, when f is continuous at A */
} dx_limit_report;

/* The limit of f as the variable var tends to p from the sides asked for (both when
 * want_left == want_right == false; at +oo only the left, at -oo only the right), with
 * continuity and differentiability at a finite p. DX_OK with *out filled whatever the answer
 * (a limit that does not exist is an answer), or an error on ctx (a point that is not a real
 * number, ...). *out holds no memory of its own; its expressions and strings live as long as
 * the context. */
DX_API dx_status dx_limit(dx_ctx *ctx, dx_expr *f, const char *var, dx_point p, bool want_left, bool want_right,
                          dx_limit_report *out);

/* The report `dfdx limit` prints, appended to out: plain text, text with LaTeX mathematics,
 * or one JSON object (each ending in a newline). */
DX_API void dx_show_limit(dx_ctx *ctx, const dx_limit_report *r, dx_show how, struct dx_buf *out);
/* Whether f is differentiable at the report's finite point, and why: "yes (derivative 2)",
 * "no (left derivative -1, right derivative 1; sub-gradients [-1, 1])", "no (not continuous)". */
DX_API void dx_show_differentiability(dx_ctx *ctx, const dx_limit_report *r, dx_show how, struct dx_buf *out);
/* One side's answer in words: "1/2 (0.5)", "0.5 (numeric)", "oo", "does not exist
 * (oscillates)"; bare: the value alone ("1/2", "0.5"), as JSON and other sentences hold it. */
DX_API void dx_show_lim(dx_ctx *ctx, const dx_lim *l, dx_show how, bool bare, struct dx_buf *out);
/* How a side's answer was found, in words ("l'Hopital's rule (2 rounds)"), appended to out. */
DX_API void dx_show_lim_method(dx_ctx *ctx, const dx_lim_method *m, struct dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
