/* Memory: the one allocator every part of the library goes through, GMP included. */
#ifndef DX_ALLOC_H
#define DX_ALLOC_H

#include "dfdx.h"
#include <stdbool.h>
#include <stddef.h>

#define DX_HIDDEN __attribute__((visibility("hidden")))

/* The allocator set by dx_set_allocator (the C library's by default). NULL when out of memory,
 * or when the fault-injection hook says this allocation fails. */
DX_HIDDEN void *dx_malloc(size_t size);
DX_HIDDEN void *dx_calloc(size_t n, size_t size);
DX_HIDDEN void *dx_realloc(void *p, size_t size);
DX_HIDDEN void dx_free(void *p);
DX_HIDDEN char *dx_strdup(const char *s);

/* Memory that does not fail, for GMP (whose functions must get memory) and for the arrays of
 * GMP numbers that poly.c and num.c build: a request dx_malloc refuses is served from the
 * emergency reserve and reported as dx_alloc_gmp_failed says. NULL only with the reserve
 * spent too. Released with dx_free. */
DX_HIDDEN void *dx_gmp_alloc(size_t size);
DX_HIDDEN void *dx_gmp_realloc(void *p, size_t old, size_t size);

/* Route GMP's memory through dx_malloc; once per process, from dx_ctx_new. */
DX_HIDDEN void dx_alloc_gmp_install(void);
/* Did a GMP allocation of this thread run out of memory since the last call? It was then
 * served from the emergency reserve (see alloc.c), so the number is right; the caller turns
 * the report into DX_ENOMEM. Clears the report. */
DX_HIDDEN bool dx_alloc_gmp_failed(void);
/* Report a failure as if a GMP allocation had failed (num.c: an operand past its guard). */
DX_HIDDEN void dx_alloc_gmp_report(void);

/* The test hooks dx_alloc_fail_at and dx_alloc_count are public: dfdx.h. */

#endif
