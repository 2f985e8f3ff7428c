/* Every allocation of the process failing in turn, for tests/alloc_program.sh. Linked into a
 * test build of the program (dfdx-failmalloc), these stand in for the C library's malloc
 * family (glibc's __libc_* do the work), so that the program's own allocations and those of
 * stdio, gettext, readline, Cairo, fontconfig and Graphviz are counted and failed, not only
 * the library's (DFDX_FAIL_ALLOC, src/alloc.c). No LD_PRELOAD: the program's own symbols
 * interpose on the shared libraries' calls, as glibc documents for replacing malloc.
 * Counted are the allocations the program's code makes itself (the library's included: it is
 * linked in, GMP's through it): those are dfdx's to answer for. Fontconfig, expat (under
 * fontconfig), Graphviz's pango and glibc's gettext crash when one of theirs fails; the
 * program's policy for them (headroom, src/cli/headroom.c) is tested by exhaustion instead.
 *   DFDX_FAIL_MALLOC=N   the N-th counted allocation after start-up fails (once: the next succeed)
 *   DFDX_FAIL_ANY=1      count every allocation, the other libraries' too
 *   DFDX_COUNT_MALLOC=1  how many were counted, and the most bytes in use, on stderr at exit
 *   DFDX_MALLOC_LIMIT=B  memory running out: every allocation, anyone's, fails that would
 *                        take the bytes in use past B */
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void *__libc_malloc(size_t n);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t n);
void *__libc_memalign(size_t align, size_t n);
void __libc_free(void *p);

static unsigned long calls, fail_at;
static int counting; /* from the constructor on: the dynamic loader's allocations are not ours */
static int any;
static long long in_use, most, limit; /* bytes, as malloc_usable_size counts them */
extern char __executable_start[], etext[]; /* the program's code, from the linker */

/* Does an allocation of n bytes called from `from` fail? */
static int fails(const void *from, size_t n)
{
    if (counting && limit && in_use + (long long)n > limit) {
        errno = ENOMEM;
        return 1;
    }
    if (!counting || (!any && ((const char *)from < __executable_start || (const char *)from >= etext)))
        return 0;
    unsigned long k = __atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
    if (k != fail_at)
        return 0;
    errno = ENOMEM;
    return 1;
}

/* p was allocated (sign 1) or is about to be freed (-1): the bytes in use. */
static void *used(void *p, int sign)
{
    if (p) {
        long long now = __atomic_add_fetch(&in_use, sign * (long long)malloc_usable_size(p), __ATOMIC_RELAXED);
        if (now > most)
            most = now;
    }
    return p;
}

#define FROM __builtin_return_address(0)
void *malloc(size_t n) { return fails(FROM, n) ? NULL : used(__libc_malloc(n), 1); }
void *calloc(size_t n, size_t size) { return fails(FROM, n * size) ? NULL : used(__libc_calloc(n, size), 1); }
void free(void *p) { __libc_free(used(p, -1)); }
void *memalign(size_t align, size_t n) { return fails(FROM, n) ? NULL : used(__libc_memalign(align, n), 1); }
void *aligned_alloc(size_t align, size_t n) { return fails(FROM, n) ? NULL : used(__libc_memalign(align, n), 1); }

void *realloc(void *p, size_t n)
{
    if (fails(FROM, n))
        return NULL;
    long long old = p ? (long long)malloc_usable_size(p) : 0;
    void *q = __libc_realloc(p, n);
    if (q || !n)
        __atomic_sub_fetch(&in_use, old, __ATOMIC_RELAXED);
    return used(q, 1);
}

int posix_memalign(void **p, size_t align, size_t n)
{
    if (fails(FROM, n))
        return ENOMEM;
    *p = used(__libc_memalign(align, n), 1);
    return *p ? 0 : ENOMEM;
}

/* Written without stdio, which may be what failed. */
static void report(void)
{
    char line[64];
    int len = snprintf(line, sizeof line, "dfdx: %lu allocations, %lld bytes\n", calls, most);
    if (write(STDERR_FILENO, line, (size_t)len) < 0)
        return;
}

__attribute__((constructor)) static void start(void)
{
    const char *n = getenv("DFDX_FAIL_MALLOC"), *count = getenv("DFDX_COUNT_MALLOC"), *all = getenv("DFDX_FAIL_ANY");
    fail_at = n ? strtoul(n, NULL, 10) : 0;
    any = all && strcmp(all, "1") == 0;
    const char *lim = getenv("DFDX_MALLOC_LIMIT");
    limit = lim ? strtoll(lim, NULL, 10) : 0;
    if (count && strcmp(count, "1") == 0)
        atexit(report);
    counting = 1;
}
