/* Memory: the one allocator every part of the library goes through, GMP included. */
#include "alloc.h"

#include <gmp.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* --- the allocator -------------------------------------------------------------------- */

static void *std_malloc(void *ud, size_t size) { return malloc(size); }
static void *std_realloc(void *ud, void *p, size_t size) { return realloc(p, size); }
static void std_free(void *ud, void *p) { free(p); }

static struct {
    void *(*malloc_fn)(void *ud, size_t size);
    void *(*realloc_fn)(void *ud, void *p, size_t size);
    void (*free_fn)(void *ud, void *p);
    void *ud;
} cfg = {std_malloc, std_realloc, std_free, NULL};

void dx_set_allocator(void *(*malloc_fn)(void *ud, size_t size), void *(*realloc_fn)(void *ud, void *p, size_t size),
                      void (*free_fn)(void *ud, void *p), void *ud)
{
    if (!malloc_fn || !realloc_fn || !free_fn) {
        malloc_fn = std_malloc;
        realloc_fn = std_realloc;
        free_fn = std_free;
        ud = NULL;
    }
    cfg.malloc_fn = malloc_fn;
    cfg.realloc_fn = realloc_fn;
    cfg.free_fn = free_fn;
    cfg.ud = ud;
}

/* Per thread, so one context per thread keeps its count to itself. */
static _Thread_local unsigned long count, fail_at;

void dx_alloc_fail_at(unsigned long n) { fail_at = n ? count + n : 0; }
unsigned long dx_alloc_count(void) { return count; }

static bool injected_failure(void) { return ++count == fail_at; }

void *dx_malloc(size_t size)
{
    return injected_failure() ? NULL : cfg.malloc_fn(cfg.ud, size ? size : 1);
}

void *dx_calloc(size_t n, size_t size)
{
    size_t total;
    if (__builtin_mul_overflow(n, size, &total))
        return NULL;
    if (cfg.malloc_fn == std_malloc) /* the C library's zeroed pages cost nothing to clear */
        return injected_failure() ? NULL : calloc(n ? n : 1, size ? size : 1);
    void *p = dx_malloc(total);
    if (p)
        memset(p, 0, total);
    return p;
}

void *dx_realloc(void *p, size_t size)
{
    return injected_failure() ? NULL : cfg.realloc_fn(cfg.ud, p, size ? size : 1);
}

char *dx_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *r = dx_malloc(n);
    return r ? memcpy(r, s, n) : NULL;
}

/* --- GMP -------------------------------------------------------------------------------
 * GMP has no way to report an allocation failure: its functions must return memory. So a
 * request our allocator refuses is served from an emergency reserve, and the thread is told
 * (dx_alloc_gmp_failed): the number comes out right, and the context that wanted it fails
 * with DX_ENOMEM at its next check (dx_failed). The alternative, checking sizes before every
 * GMP call, would need a bound on every GMP function's scratch space, in more than 300 calls.
 * The reserve has to hold what one operation asks for while memory is short: num.c keeps
 * every number under DX_NUM_GUARD_BITS (2^22 bits, 512 KB), and the most GMP asks for with
 * such numbers, measured, is 4.9 MB (decimal conversion; a sum of two fractions 3.9 MB), so
 * 8 MB. It is static (pages never touched cost no memory) and shared by all threads under a
 * spin lock: only the failure path takes it. Blocks are not reused one by one: the reserve
 * empties when its last block is released, when the failed context's numbers are freed.
 * Numbers past the guard are a failure too (num.c), the only answer that changed. */

#define RESERVE_SIZE ((size_t)8 << 20)
static _Alignas(16) unsigned char reserve[RESERVE_SIZE];
static size_t reserve_used, reserve_live;
static atomic_flag reserve_lock = ATOMIC_FLAG_INIT;
static _Thread_local bool gmp_failed;

static void lock(void)
{
    while (atomic_flag_test_and_set_explicit(&reserve_lock, memory_order_acquire))
        ;
}
static void unlock(void) { atomic_flag_clear_explicit(&reserve_lock, memory_order_release); }

static bool in_reserve(const void *p)
{
    uintptr_t a = (uintptr_t)p, r = (uintptr_t)reserve;
    return a >= r && a < r + RESERVE_SIZE;
}

/* NULL only when the reserve is spent as well: then GMP fails as it would have without us. */
static void *reserve_take(size_t size)
{
    size = (size + 15) & ~(size_t)15;
    void *p = NULL;
    lock();
    if (RESERVE_SIZE - reserve_used >= size) {
        p = reserve + reserve_used;
        reserve_used += size;
        reserve_live++;
    }
    unlock();
    gmp_failed = true;
    return p;
}

static void reserve_give(void)
{
    lock();
    if (--reserve_live == 0)
        reserve_used = 0;
    unlock();
}

/* Memory from the reserve is released like any other: dx_free tells it by its address. */
void dx_free(void *p)
{
    if (in_reserve(p))
        reserve_give();
    else if (p)
        cfg.free_fn(cfg.ud, p);
}

void *dx_gmp_alloc(size_t size)
{
    void *p = dx_malloc(size);
    return p ? p : reserve_take(size);
}

void *dx_gmp_realloc(void *p, size_t old, size_t size)
{
    if (!p)
        return dx_gmp_alloc(size);
    void *q = in_reserve(p) ? NULL : dx_realloc(p, size);
    if (q)
        return q;
    q = dx_gmp_alloc(size);
    if (q) {
        memcpy(q, p, old < size ? old : size);
        dx_free(p);
    }
    return q;
}

static void gmp_free(void *p, size_t size) { dx_free(p); }

void dx_alloc_gmp_install(void)
{
    static atomic_bool installed;
    if (!atomic_exchange(&installed, true))
        mp_set_memory_functions(dx_gmp_alloc, dx_gmp_realloc, gmp_free);
}

void dx_alloc_gmp_report(void) { gmp_failed = true; }

bool dx_alloc_gmp_failed(void)
{
    bool f = gmp_failed;
    gmp_failed = false;
    return f;
}
