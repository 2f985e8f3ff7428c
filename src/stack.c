/* Recursion bounded by the stack (stack.h): where this thread's stack ends, asked once. */
/* pthread_getattr_np */
#define _GNU_SOURCE
#include "stack.h"
#include "expr.h"
#include <stdint.h>
#if defined(__EMSCRIPTEN__)
#include <emscripten/stack.h>
#elif defined(__linux__)
#include <pthread.h>
#endif

/* What the deepest pass needs below its last check: GMP's temporaries (alloca, up to tens of
 * KiB), printf of a double, libm. A quarter of the stack, within these bounds. */
#define MARGIN_MIN ((size_t)48 << 10)
#define MARGIN_MAX ((size_t)512 << 10)

static size_t margin(size_t size)
{
    size_t m = size / 4;
    return m < MARGIN_MIN ? MARGIN_MIN : m > MARGIN_MAX ? MARGIN_MAX : m;
}

/* The lowest address this thread's passes may reach and the stack's size; floor 0 before
 * the thread is asked, 1 where the system cannot tell (no guard: only the depth counts). */
static _Thread_local uintptr_t thread_floor;
static _Thread_local size_t thread_size;

static void ask_thread(void)
{
    uintptr_t lo = 0;
    size_t size = 0;
#if defined(__EMSCRIPTEN__)
    lo = emscripten_stack_get_end();
    size = emscripten_stack_get_base() - lo;
#elif defined(__linux__)
    pthread_attr_t a;
    if (pthread_getattr_np(pthread_self(), &a) == 0) {
        void *addr;
        if (pthread_attr_getstack(&a, &addr, &size) == 0)
            lo = (uintptr_t)addr;
        pthread_attr_destroy(&a);
    }
#endif
    thread_size = size;
    thread_floor = lo && size > margin(size) ? lo + margin(size) : 1;
}

void dx_ctx_set_stack(dx_ctx *ctx, size_t bytes)
{
    struct dx_stack *s = dx_ctx_stack(ctx);
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    s->size = bytes;
    s->floor = !bytes ? 0 : bytes > margin(bytes) && here > bytes ? here - bytes + margin(bytes) : UINTPTR_MAX;
}

bool dx_stack_low(dx_ctx *ctx)
{
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    const struct dx_stack *s = dx_ctx_stack(ctx);
    if (!thread_floor)
        ask_thread();
    uintptr_t floor = s->floor > thread_floor ? s->floor : thread_floor;
    if (here >= floor)
        return false;
    size_t size = s->floor > thread_floor ? s->size : thread_size;
    dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_STACK_DEEP, DX_I(size >> 10));
    return true;
}
