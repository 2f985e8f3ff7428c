/* Checking a derivative numerically: central differences with Richardson extrapolation. */
#ifndef DX_VERIFY_H
#define DX_VERIFY_H

#include "eval.h"

/* Compare df (a program in the same single variable as f) with the numeric derivative of f at
 * x. Step h = cbrt(eps)*max(1,|x|), Richardson over h and h/2; the tolerance allows for the
 * rounding of f's values. Where that disagrees, Ridders' extrapolation from steps on the
 * scale of x decides: a match, a mismatch far beyond its error, or inconclusive. Never fails: the outcome is in the kind (why is left for dx_verify).
 * ctx receives (and keeps) the domain messages of f and df at x, for a caller that wants them. */
DX_HIDDEN dx_verify_point dx_verify_at(dx_ctx *ctx, dx_prog *f, dx_prog *df, double x);

#endif
