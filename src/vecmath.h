/* Vector kernels for the evaluator's fast mode: glibc's libmvec, four points per call. */
#ifndef DX_VECMATH_H
#define DX_VECMATH_H

#include "expr.h"

#include <stddef.h>

/* r[i] = f(a[i]) for i < m, m a multiple of 4. Each lane is computed on its own, so a point's
 * value does not depend on its neighbours; libmvec's functions are within 4 ulps of libm's
 * (glibc's manual, "Errors in Math Functions"), not bit for bit the same. */
typedef void dx_vmap(const double *a, double *r, size_t m);

/* true when the kernels below run four lanes through libmvec: built with it, and the CPU has
 * AVX2 and FMA (the instructions glibc's 4-lane variants use). */
DX_HIDDEN bool dx_vecmath_ok(void);

/* The kernels of the functions table's rows (its vec column), exp and cbrt; each falls back to
 * libm one point at a time where dx_vecmath_ok() is false. */
DX_HIDDEN dx_vmap dx_vm_sin, dx_vm_cos, dx_vm_tan, dx_vm_asin, dx_vm_acos, dx_vm_atan, dx_vm_sinh,
    dx_vm_cosh, dx_vm_tanh, dx_vm_log, dx_vm_exp, dx_vm_cbrt;
/* sqrt(a[i]) and 1/sqrt(a[i]): correctly rounded in every width, so bit for bit libm's */
DX_HIDDEN dx_vmap dx_vm_sqrt, dx_vm_rsqrt;
/* s[i] = sin(a[i]), c[i] = cos(a[i]) */
DX_HIDDEN void dx_vecmath_sincos(const double *a, double *s, double *c, size_t m);
/* r[i] = pow(a[i], b[i]); pow(a[i], e) when b is NULL */
DX_HIDDEN void dx_vecmath_pow(const double *a, const double *b, double e, double *r, size_t m);

#endif
