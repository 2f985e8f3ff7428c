/* Vector kernels for the evaluator's fast mode: glibc's libmvec, four points per call. */
#define _GNU_SOURCE /* sincos */
#include "vecmath.h"

#include <math.h>
#include <stdint.h>

#ifdef DX_HAVE_MVEC
#include <immintrin.h>

/* libmvec's 4-lane AVX2 variants (x86_64 vector function ABI names, glibc 2.22+ and 2.35+) */
#define MVEC_DECL(f) extern __m256d _ZGVdN4v_##f(__m256d);
MVEC_DECL(sin) MVEC_DECL(cos) MVEC_DECL(tan) MVEC_DECL(asin) MVEC_DECL(acos) MVEC_DECL(atan)
MVEC_DECL(sinh) MVEC_DECL(cosh) MVEC_DECL(tanh) MVEC_DECL(log) MVEC_DECL(exp) MVEC_DECL(cbrt)
extern __m256d _ZGVdN4vv_pow(__m256d, __m256d);
extern void _ZGVdN4vvv_sincos(__m256d, __m256i, __m256i); /* a vector of pointers per result */

bool dx_vecmath_ok(void)
{
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

#define AVX2 __attribute__((target("avx2,fma")))
/* vec_f: libmvec's f over whole lanes */
#define MVEC_KERNEL(f)                                                             \
    AVX2 static void vec_##f(const double *a, double *r, size_t m)                \
    {                                                                              \
        for (size_t j = 0; j < m; j += 4)                                          \
            _mm256_storeu_pd(r + j, _ZGVdN4v_##f(_mm256_loadu_pd(a + j)));         \
    }
/* dx_vm_f: vec_f where the CPU has it, else scalar one point at a time */
#define DISPATCH(f, scalar)                                                        \
    void dx_vm_##f(const double *a, double *r, size_t m)                          \
    {                                                                              \
        if (dx_vecmath_ok()) {                                                     \
            vec_##f(a, r, m);                                                      \
            return;                                                                \
        }                                                                          \
        for (size_t j = 0; j < m; j++)                                             \
            r[j] = scalar(a[j]);                                                   \
    }
#define MVEC_MAP(f, scalar) MVEC_KERNEL(f) DISPATCH(f, scalar)

AVX2 static void vec_sqrt(const double *a, double *r, size_t m)
{
    for (size_t j = 0; j < m; j += 4)
        _mm256_storeu_pd(r + j, _mm256_sqrt_pd(_mm256_loadu_pd(a + j)));
}

AVX2 static void vec_rsqrt(const double *a, double *r, size_t m)
{
    for (size_t j = 0; j < m; j += 4)
        _mm256_storeu_pd(r + j, _mm256_div_pd(_mm256_set1_pd(1.0), _mm256_sqrt_pd(_mm256_loadu_pd(a + j))));
}

AVX2 static void vec_sincos(const double *a, double *s, double *c, size_t m)
{
    const __m256i lane = _mm256_setr_epi64x(0, 8, 16, 24); /* byte offsets of the 4 results */
    for (size_t j = 0; j < m; j += 4) {
        __m256i ps = _mm256_add_epi64(_mm256_set1_epi64x((int64_t)(uintptr_t)(s + j)), lane);
        __m256i pc = _mm256_add_epi64(_mm256_set1_epi64x((int64_t)(uintptr_t)(c + j)), lane);
        _ZGVdN4vvv_sincos(_mm256_loadu_pd(a + j), ps, pc);
    }
}

AVX2 static void vec_pow(const double *a, const double *b, double e, double *r, size_t m)
{
    __m256d ev = _mm256_set1_pd(e);
    for (size_t j = 0; j < m; j += 4)
        _mm256_storeu_pd(r + j, _ZGVdN4vv_pow(_mm256_loadu_pd(a + j), b ? _mm256_loadu_pd(b + j) : ev));
}
#else
bool dx_vecmath_ok(void)
{
    return false;
}

#define DISPATCH(f, scalar)                                                        \
    void dx_vm_##f(const double *a, double *r, size_t m)                          \
    {                                                                              \
        for (size_t j = 0; j < m; j++)                                             \
            r[j] = scalar(a[j]);                                                   \
    }
#define MVEC_MAP(f, scalar) DISPATCH(f, scalar)
#endif

MVEC_MAP(sin, sin)
MVEC_MAP(cos, cos)
MVEC_MAP(tan, tan)
MVEC_MAP(asin, asin)
MVEC_MAP(acos, acos)
MVEC_MAP(atan, atan)
MVEC_MAP(sinh, sinh)
MVEC_MAP(cosh, cosh)
MVEC_MAP(tanh, tanh)
MVEC_MAP(log, log)
MVEC_MAP(exp, exp)
MVEC_MAP(cbrt, cbrt)

static double rsqrt(double x)
{
    return 1 / sqrt(x);
}
DISPATCH(sqrt, sqrt)
DISPATCH(rsqrt, rsqrt)

void dx_vecmath_sincos(const double *a, double *s, double *c, size_t m)
{
#ifdef DX_HAVE_MVEC
    if (dx_vecmath_ok()) {
        vec_sincos(a, s, c, m);
        return;
    }
#endif
    for (size_t j = 0; j < m; j++) {
        s[j] = sin(a[j]);
        c[j] = cos(a[j]);
    }
}

void dx_vecmath_pow(const double *a, const double *b, double e, double *r, size_t m)
{
#ifdef DX_HAVE_MVEC
    if (dx_vecmath_ok()) {
        vec_pow(a, b, e, r, m);
        return;
    }
#endif
    for (size_t j = 0; j < m; j++)
        r[j] = pow(a[j], b ? b[j] : e);
}
