/* The expression store: a context's arena of hash-consed, canonical nodes. */
#include "expr.h"
#include "alloc.h"
#include "fn.h"
#include "map.h"
#include "precise.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- context: arena, intern table, error, budget ---------------------------------------- */

typedef struct chunk {
    struct chunk *next;
    size_t used, size;
    _Alignas(16) unsigned char mem[];
} chunk;

#define DX_SPLIT_CACHE 1024 /* a power of two */

struct dx_ctx {
    chunk *arena;
    dx_expr **table; /* open addressing, linear probing; capacity a power of two */
    size_t cap, count;
    size_t budget;
    uint32_t next_id;
    dx_error err;
    /* the whole numbers -64..64: the most built ones (every product's coefficient in an
     * expansion asks for one), found without hashing */
    dx_expr *leaf_cache[2 * 64 + 1];
    /* c*u*v*... made by scale from the product u*v*..., by the made node's id: a sum splits
     * each term it is given into its coefficient and that product (dx_term_split), and an
     * expansion gives it the products it has just made */
    struct {
        const dx_expr *e;
        dx_expr *rest;
    } split_cache[DX_SPLIT_CACHE];
    /* Bases whose division cancelled in a product (x/x, x^2/x): the value there is undefined
     * in what was written, though the canonical form forgets it. Read by `check`. */
    dx_expr *holes[DX_MAX_HOLES];
    size_t nholes;
    /* Big numbers own GMP memory outside the arena: listed here to free with the context. */
    mpq_ptr *bigs;
    size_t nbigs, capbigs;
    struct dx_def *defs; /* named expressions (dx_define), in the arena */
    bool keep_domain;    /* cancellations record what they drop (dx_keep_domain) */
    bool decimals;       /* dx_ctx_set_decimals */
    bool exact;          /* dx_ctx_set_exact */
    struct dx_stack stack;
    /* the work budget (dx_ctx_set_work): units spent, the bound (0: none), the next count at
     * which dx_work_check looks (the bound or the next progress call), and whether the
     * budget ran out or progress said stop: then the error stays until the budget is set */
    uint64_t work, work_limit, work_next;
    dx_progress_fn progress;
    void *progress_user;
    dx_msg_id stopped;
};

dx_ctx *dx_ctx_new(void)
{
    dx_alloc_gmp_install();
    dx_alloc_gmp_failed(); /* a report left by a context that is gone is not this one's */
    dx_ctx *ctx = dx_calloc(1, sizeof *ctx);
    if (!ctx)
        return NULL;
    ctx->cap = 1024;
    ctx->table = dx_calloc(ctx->cap, sizeof *ctx->table);
    if (!ctx->table) {
        dx_free(ctx);
        return NULL;
    }
    ctx->budget = DX_DEFAULT_BUDGET;
    ctx->err.pos = ctx->err.end = -1;
    dx_ctx_set_work(ctx, DX_DEFAULT_WORK);
    return ctx;
}

void dx_ctx_free(dx_ctx *ctx)
{
    if (!ctx)
        return;
    for (chunk *c = ctx->arena, *next; c; c = next) {
        next = c->next;
        dx_free(c);
    }
    for (size_t i = 0; i < ctx->nbigs; i++) {
        dx_num big = {0, 1, ctx->bigs[i]};
        dx_num_clear(&big);
    }
    dx_free(ctx->bigs);
    dx_free(ctx->table);
    dx_free(ctx);
    dx_precise_release();
}

void dx_ctx_set_budget(dx_ctx *ctx, size_t nodes) { ctx->budget = nodes; }

/* The next count at which dx_work looks again: the bound or the next progress call. */
static uint64_t next_look(const dx_ctx *ctx)
{
    uint64_t next = ctx->progress ? ctx->work + DX_PROGRESS_UNITS : UINT64_MAX;
    return ctx->work_limit && ctx->work_limit < next ? ctx->work_limit : next;
}

void dx_ctx_set_work(dx_ctx *ctx, unsigned long long units)
{
    ctx->work = 0;
    ctx->work_limit = units;
    ctx->work_next = next_look(ctx);
    if (ctx->stopped) {
        ctx->stopped = DX_M_NONE;
        dx_ctx_clear_error(ctx);
    }
}

unsigned long long dx_ctx_work(const dx_ctx *ctx) { return ctx->work; }

uint64_t dx_work_part(dx_ctx *ctx)
{
    uint64_t limit = ctx->work_limit;
    if (limit && ctx->work < limit && !ctx->stopped) {
        ctx->work_limit = ctx->work + (limit - ctx->work) / 2;
        ctx->work_next = next_look(ctx);
    }
    return limit;
}

void dx_work_part_end(dx_ctx *ctx, uint64_t limit)
{
    if (ctx->stopped == DX_M_TOO_MUCH_WORK && ctx->work < limit) { /* the part's own bound */
        ctx->stopped = DX_M_NONE;
        dx_ctx_clear_error(ctx);
    }
    ctx->work_limit = limit;
    ctx->work_next = next_look(ctx);
}
bool dx_stopped(const dx_ctx *ctx) { return ctx->stopped != DX_M_NONE; }

void dx_ctx_set_progress(dx_ctx *ctx, dx_progress_fn fn, void *user)
{
    ctx->progress = fn;
    ctx->progress_user = user;
    ctx->work_next = next_look(ctx);
}

/* The error of a stopped computation, set again whenever something clears it. */
static void *stop_error(dx_ctx *ctx)
{
    return ctx->stopped == DX_M_TOO_MUCH_WORK
               ? dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_TOO_MUCH_WORK, DX_I((long long)ctx->work_limit))
               : dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_INTERRUPTED);
}

bool dx_work(dx_ctx *ctx, uint64_t units)
{
    ctx->work += units;
    if (ctx->work < ctx->work_next && !ctx->stopped)
        return true;
    if (ctx->stopped) {
        stop_error(ctx);
        return false;
    }
    if (ctx->progress && !ctx->progress(ctx->progress_user, ctx->work, ctx->work_limit))
        ctx->stopped = DX_M_INTERRUPTED;
    else if (ctx->work_limit && ctx->work >= ctx->work_limit)
        ctx->stopped = DX_M_TOO_MUCH_WORK;
    ctx->work_next = next_look(ctx);
    if (ctx->stopped) {
        dx_ctx_clear_error(ctx); /* the reason to stop replaces whatever failed before */
        stop_error(ctx);
        return false;
    }
    return true;
}
size_t dx_ctx_budget(const dx_ctx *ctx) { return ctx->budget; }
const dx_error *dx_ctx_error(const dx_ctx *ctx) { return &ctx->err; }
size_t dx_node_count(const dx_ctx *ctx) { return ctx->count; }
/* A GMP allocation that failed was served from the reserve (alloc.c): its context fails here,
 * at the check every caller already makes. The one place const is cast away: the error is
 * the context's record, not its value. */
bool dx_failed(const dx_ctx *ctx)
{
    if (dx_alloc_gmp_failed())
        dx_oom((dx_ctx *)ctx);
    return ctx->err.status != DX_OK;
}

bool dx_recover(dx_ctx *ctx)
{
    if (ctx->err.status == DX_ENOMEM || ctx->err.msg.id == DX_M_STACK_DEEP || ctx->stopped)
        return false;
    dx_ctx_clear_error(ctx);
    return true;
}

dx_status dx_end(dx_ctx *ctx, dx_status st)
{
    if (dx_alloc_gmp_failed())
        dx_oom(ctx);
    if (st == DX_OK && ctx->stopped)
        return DX_ELIMIT; /* a fallback swallowed the stop: its result is not the answer */
    return st == DX_OK && ctx->err.status == DX_ENOMEM ? DX_ENOMEM : st;
}

struct dx_def **dx_ctx_defs(dx_ctx *ctx) { return &ctx->defs; }
struct dx_stack *dx_ctx_stack(dx_ctx *ctx) { return &ctx->stack; }

void dx_ctx_set_decimals(dx_ctx *ctx, bool decimals) { ctx->decimals = decimals; }

bool dx_print_decimals(const dx_ctx *ctx) { return ctx->decimals && !ctx->exact; }

void dx_ctx_set_exact(dx_ctx *ctx, bool exact) { ctx->exact = exact; }

bool dx_keep_domain(dx_ctx *ctx, bool on)
{
    bool was = ctx->keep_domain;
    ctx->keep_domain = on;
    return was;
}


void dx_ctx_clear_error(dx_ctx *ctx)
{
    ctx->err.status = DX_OK;
    ctx->err.pos = ctx->err.end = -1;
    ctx->err.msg = (dx_msg){DX_M_NONE, 0, {{DX_ARG_NONE, {0}}}};
    if (ctx->stopped)
        stop_error(ctx);
}

char *dx_ctx_errmsg(dx_ctx *ctx, dx_format fmt)
{
    return dx_msg_text(ctx, &ctx->err.msg, ctx->err.status == DX_OK ? fmt : fmt);
}

void *dx_fail_msg(dx_ctx *ctx, dx_status st, long pos, long end, dx_msg m)
{
    /* The first error is the cause; later ones are its consequences. */
    if (ctx->err.status != DX_OK)
        return NULL;
    /* strings given by the caller may be its stack: the context keeps a copy */
    for (unsigned i = 0; i < m.nargs; i++)
        if (m.arg[i].kind == DX_ARG_STR) {
            const char *copy = dx_strndup(ctx, m.arg[i].u.s, strlen(m.arg[i].u.s));
            m.arg[i].u.s = copy ? copy : "";
        }
    ctx->err.status = st;
    ctx->err.pos = pos;
    ctx->err.end = end;
    ctx->err.msg = m;
    return NULL;
}

bool dx_overflowed(const dx_ctx *ctx)
{
    dx_msg_id id = ctx->err.msg.id;
    return ctx->err.status != DX_OK && (id == DX_M_FN_OVERFLOW || id == DX_M_EXP_OVERFLOW || id == DX_M_POW_OVERFLOW ||
                                        id == DX_M_POW_OVERFLOW_BARE || id == DX_M_VALUE_OVERFLOW);
}

void *dx_oom(dx_ctx *ctx) { return dx_fail(ctx, DX_ENOMEM, -1, -1, DX_M_OUT_OF_MEMORY); }

/* size bytes of the arena, or NULL (nothing recorded) without memory */
static void *arena_get(dx_ctx *ctx, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    chunk *c = ctx->arena;
    if (!c || c->size - c->used < size) {
        size_t want = size > 60000 ? size : 60000;
        c = dx_malloc(sizeof *c + want);
        if (!c)
            return NULL;
        c->size = want;
        c->used = 0;
        c->next = ctx->arena;
        ctx->arena = c;
    }
    void *p = c->mem + c->used;
    c->used += size;
    return p;
}

const char *dx_strndup(dx_ctx *ctx, const char *s, size_t len)
{
    /* not dx_alloc: out of memory here must not record a second error over the first */
    char *p = arena_get(ctx, len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = 0;
    }
    return p;
}

void *dx_alloc(dx_ctx *ctx, size_t size)
{
    void *p = arena_get(ctx, size);
    return p ? p : dx_oom(ctx);
}

/* --- hashing and interning ---------------------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    return h * 0xFF51AFD7ED558CCDull;
}

static uint64_t str_hash(const char *s, size_t len)
{
    uint64_t h = 0xCBF29CE484222325ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001B3ull;
    return h;
}

uint64_t dx_var_bit(const char *name, size_t len) { return 1ull << (str_hash(name, len) % 64); }

/* A node's slot in the table: its hash with every bit mixed into the low ones the mask keeps.
 * The hash alone (which orders terms, so stays as it is) takes its low bits from the low bits
 * of its parts: nodes alike in those crowded into one run of slots, and each new one probed
 * past thousands. */
static size_t slot(uint64_t h, size_t cap)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return (size_t)h & (cap - 1);
}

static bool grow(dx_ctx *ctx)
{
    size_t ncap = ctx->cap * 2;
    dx_expr **nt = dx_calloc(ncap, sizeof *nt);
    if (!nt)
        return false;
    for (size_t i = 0; i < ctx->cap; i++) {
        dx_expr *e = ctx->table[i];
        if (!e)
            continue;
        size_t j = slot(e->hash, ncap);
        while (nt[j])
            j = (j + 1) & (ncap - 1);
        nt[j] = e;
    }
    dx_free(ctx->table);
    ctx->table = nt;
    ctx->cap = ncap;
    return true;
}

/* Inlined into intern even where find uses them too: intern runs for every node any constructor
 * asks for. */
#define DX_INLINE static inline __attribute__((always_inline))

DX_INLINE bool same(const dx_expr *e, dx_kind kind, int fn, dx_expr *const *a, size_t n, const dx_num *num,
                    const char *name, size_t len)
{
    if (e->kind != kind || e->fn != fn || e->n != n)
        return false;
    switch (kind) {
    case DX_NUM:
        return dx_num_eq(&e->u.num, num);
    case DX_SYM:
        return strncmp(e->u.name, name, len) == 0 && e->u.name[len] == 0;
    default:
        return n == 0 || memcmp(e->a, a, n * sizeof *a) == 0;
    }
}

/* A node's hash, from its content (children by their hashes). */
DX_INLINE uint64_t content_hash(dx_kind kind, int fn, dx_expr *const *a, size_t n, const dx_num *num,
                                const char *name, size_t len)
{
    uint64_t h = mix((uint64_t)kind * 31 + (uint64_t)fn, n);
    if (kind == DX_NUM)
        h = mix(h, dx_num_hash(num));
    else if (kind == DX_SYM)
        h = mix(h, str_hash(name, len));
    for (size_t i = 0; i < n; i++)
        h = mix(h, a[i]->hash);
    return h;
}

/* The existing node equal to the request, or NULL: nothing is made. */
static dx_expr *find(const dx_ctx *ctx, dx_kind kind, dx_expr *const *a, size_t n, const dx_num *num)
{
    uint64_t h = content_hash(kind, 0, a, n, num, NULL, 0);
    for (size_t j = slot(h, ctx->cap); ctx->table[j]; j = (j + 1) & (ctx->cap - 1))
        if (ctx->table[j]->hash == h && same(ctx->table[j], kind, 0, a, n, num, NULL, 0))
            return ctx->table[j];
    return NULL;
}

/* The one place nodes are made: returns the existing node equal to the request, or a new one.
 * a[] must already be canonical; num is copied. */
static dx_expr *intern(dx_ctx *ctx, dx_kind kind, int fn, dx_expr *const *a, size_t n, const dx_num *num,
                       const char *name, size_t len)
{
    if (dx_failed(ctx) || !dx_work(ctx, 1))
        return NULL;
    uint64_t h = content_hash(kind, fn, a, n, num, name, len);
    size_t j = slot(h, ctx->cap);
    for (dx_expr *e; (e = ctx->table[j]); j = (j + 1) & (ctx->cap - 1))
        if (e->hash == h && same(e, kind, fn, a, n, num, name, len))
            return e;
    /* a new node (most requests find theirs): its depth and variables */
    uint32_t depth = 0;
    uint64_t vmask = kind == DX_SYM ? dx_var_bit(name, len) : 0;
    for (size_t i = 0; i < n; i++) {
        if (a[i]->depth > depth)
            depth = a[i]->depth;
        vmask |= a[i]->vmask;
    }
    if (depth + 1 > DX_MAX_DEPTH)
        return dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_TOO_DEEP, DX_I(DX_MAX_DEPTH));
    if (ctx->count >= ctx->budget)
        return dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_TOO_LARGE, DX_I(ctx->budget));
    dx_expr *e = dx_alloc(ctx, sizeof *e + n * sizeof *a);
    if (!e)
        return NULL;
    e->kind = (uint8_t)kind;
    e->fn = (uint8_t)fn;
    e->n = (uint32_t)n;
    e->id = ctx->next_id++;
    e->depth = depth + 1;
    e->hash = h;
    e->vmask = vmask;
    if (n)
        memcpy(e->a, a, n * sizeof *a);
    if (kind == DX_NUM) {
        e->u.num = *num;
        if (num->z) {
            e->u.num = dx_num_copy(num);
            if (ctx->nbigs == ctx->capbigs) {
                size_t nc = ctx->capbigs ? 2 * ctx->capbigs : 64;
                mpq_ptr *nb = dx_realloc(ctx->bigs, nc * sizeof *nb);
                if (!nb) {
                    dx_num_clear(&e->u.num);
                    return dx_oom(ctx);
                }
                ctx->bigs = nb;
                ctx->capbigs = nc;
            }
            ctx->bigs[ctx->nbigs++] = e->u.num.z;
        }
    } else if (kind == DX_SYM) {
        char *s = dx_alloc(ctx, len + 1);
        if (!s)
            return NULL;
        memcpy(s, name, len);
        s[len] = 0;
        e->u.name = s;
    }
    ctx->table[j] = e;
    if (++ctx->count * 2 > ctx->cap && !grow(ctx))
        return dx_oom(ctx);
    return e;
}

/* --- leaves ------------------------------------------------------------------------------- */

/* e, found without intern, charged the units of work its intern lookups would have been (one
 * each, with their failure checks), so that dx_ctx_set_work's budget counts as before. */
static dx_expr *charged(dx_ctx *ctx, dx_expr *e, unsigned units)
{
    for (unsigned i = 0; i < units; i++)
        if (dx_failed(ctx) || !dx_work(ctx, 1))
            return NULL;
    return e;
}

dx_expr *dx_number(dx_ctx *ctx, const dx_num *v)
{
    if (!v->z && v->d == 1 && v->n >= -64 && v->n <= 64) {
        dx_expr **slot = &ctx->leaf_cache[v->n + 64];
        if (!*slot)
            return *slot = intern(ctx, DX_NUM, 0, NULL, 0, v, NULL, 0);
        /* past 0 and +-1 the lookup charges what intern's would: the same work, found faster */
        return v->n >= -1 && v->n <= 1 ? *slot : charged(ctx, *slot, 1);
    }
    return intern(ctx, DX_NUM, 0, NULL, 0, v, NULL, 0);
}

dx_expr *dx_int(dx_ctx *ctx, int64_t v)
{
    dx_num n = dx_num_int(v);
    return dx_number(ctx, &n);
}

dx_expr *dx_frac(dx_ctx *ctx, int64_t n, int64_t d)
{
    dx_num v = dx_num_frac(n, d);
    dx_expr *e = dx_number(ctx, &v);
    dx_num_clear(&v);
    return e;
}

/* Take a computed number: intern it and release the temporary. */
static dx_expr *number_take(dx_ctx *ctx, dx_num *v)
{
    dx_expr *e = dx_number(ctx, v);
    dx_num_clear(v);
    return e;
}

dx_expr *dx_sym(dx_ctx *ctx, const char *name, size_t len)
{
    return intern(ctx, DX_SYM, 0, NULL, 0, NULL, name, len);
}

dx_expr *dx_const(dx_ctx *ctx, dx_constant c) { return intern(ctx, DX_CONST, (int)c, NULL, 0, NULL, NULL, 0); }

bool dx_has(const dx_expr *e, const dx_expr *v)
{
    if (!(e->vmask & v->vmask))
        return false;
    if (e == v)
        return true;
    for (uint32_t i = 0; i < e->n; i++)
        if (dx_has(e->a[i], v))
            return true;
    return false;
}

/* --- canonical order ------------------------------------------------------------------------- */

int dx_cmp(const dx_expr *a, const dx_expr *b)
{
    if (a == b)
        return 0;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->kind == DX_NUM)
        return dx_num_cmp(&a->u.num, &b->u.num) ? dx_num_cmp(&a->u.num, &b->u.num) : 0;
    if (a->kind == DX_SYM)
        return strcmp(a->u.name, b->u.name);
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    /* equal hashes of different nodes: a collision, settled by content */
    if (a->fn != b->fn)
        return a->fn < b->fn ? -1 : 1;
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (uint32_t i = 0; i < a->n; i++) {
        int c = dx_cmp(a->a[i], b->a[i]);
        if (c)
            return c;
    }
    return 0;
}

/* --- scratch lists: small ones on the stack, large ones on the heap ------------------------ */

/* Up to this many terms or factors, scratch arrays live on the stack and are sorted in place. */
#define SMALL 16

typedef struct {
    dx_expr **v;
    size_t n, cap;
    dx_expr *inl[16];
} list;

static void list_init(list *l)
{
    l->v = l->inl;
    l->n = 0;
    l->cap = 16;
}

/* The list grown to twice its room, for list_push (apart: the push itself is inlined). */
static __attribute__((noinline)) bool list_grow(list *l)
{
    size_t nc = l->cap * 2;
    dx_expr **nv = dx_malloc(nc * sizeof *nv);
    if (!nv)
        return false;
    memcpy(nv, l->v, l->n * sizeof *nv);
    if (l->v != l->inl)
        dx_free(l->v);
    l->v = nv;
    l->cap = nc;
    return true;
}

/* Every node a constructor makes goes through a few pushes: inlined, with the rare growth
 * apart. */
static inline __attribute__((always_inline)) bool list_push(list *l, dx_expr *e)
{
    if (l->n == l->cap && !list_grow(l))
        return false;
    l->v[l->n++] = e;
    return true;
}

static void list_free(list *l)
{
    if (l->v != l->inl)
        dx_free(l->v);
}

/* --- guards: the domain a cancellation drops ------------------------------------------- */

static const char *const rel_text[] = {"≠", "≥", ">"}; /* ORDER REL */

static dx_msg cond_msg(dx_rel rel, const dx_expr *g, const dx_expr *origin)
{
    dx_arg r = DX_S(rel_text[rel]);
    return origin ? DX_MSG(DX_M_COND_NEEDS, DX_E(origin), DX_E(g), r) : DX_MSG(DX_M_COND_NEEDS_BARE, DX_E(g), r);
}

dx_msg dx_cond_msg(const dx_expr *c) { return cond_msg(c->fn, c->a[0], c->n > 1 ? c->a[1] : NULL); }

/* Does the number g satisfy g rel 0? */
static bool holds(dx_rel rel, const dx_expr *g)
{
    int sg = dx_num_sign(&g->u.num);
    return rel == DX_REL_NE0 ? sg != 0 : rel == DX_REL_GE0 ? sg >= 0 : sg > 0;
}

dx_expr *dx_cond(dx_ctx *ctx, dx_rel rel, dx_expr *g, dx_expr *origin)
{
    if (!g)
        return NULL;
    g = dx_body(g);
    origin = dx_body(origin);
    if (g->kind == DX_NUM)
        return holds(rel, g) ? dx_int(ctx, 1) : dx_fail_msg(ctx, DX_EDOMAIN, -1, -1, cond_msg(rel, g, origin));
    return intern(ctx, DX_COND, (int)rel, (dx_expr *[]){g, origin}, origin ? 2 : 1, NULL, NULL, 0);
}

dx_expr *dx_cond_at(dx_ctx *ctx, const dx_expr *c, dx_expr *g, dx_expr *origin)
{
    if (g && g->kind == DX_NUM && !holds(c->fn, g))
        return dx_fail_msg(ctx, DX_EDOMAIN, -1, -1, dx_cond_msg(c));
    return dx_cond(ctx, c->fn, g, origin);
}

static bool domain_rec(dx_ctx *ctx, const dx_expr *e, list *out, dx_map *seen);

/* Is condition c made redundant by d: the same quantity, and d is > 0, or the same relation
 * (then the one that names its origin stays, else the older)? */
static bool implied(const dx_expr *c, const dx_expr *d)
{
    if (c == d || c->a[0] != d->a[0])
        return false;
    if (d->fn == DX_REL_GT0 && c->fn != DX_REL_GT0)
        return true;
    return d->fn == c->fn && (d->n != c->n ? d->n > c->n : d->id < c->id);
}

dx_expr *dx_guard_n(dx_ctx *ctx, dx_expr *body, dx_expr *const *conds, size_t n)
{
    if (!body)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!conds[i])
            return NULL;
    list l;
    list_init(&l);
    bool ok = list_push(&l, dx_body(body));
    for (uint32_t i = 1; ok && body->kind == DX_GUARD && i < body->n; i++)
        ok = list_push(&l, body->a[i]);
    for (size_t i = 0; ok && i < n; i++)
        if (conds[i]->kind == DX_COND)
            ok = list_push(&l, conds[i]);
        else if (conds[i]->kind == DX_GUARD) /* a list's guard: its conditions */
            for (uint32_t k = 1; ok && k < conds[i]->n; k++)
                ok = list_push(&l, conds[i]->a[k]);
    if (!ok) {
        list_free(&l);
        return dx_oom(ctx);
    }
    /* sorted, without repeats or conditions another one or the body itself implies
     * ((x + 1)/(x + 1)^3 needs nothing 1/(x + 1)^2 does not): one node per domain */
    list own;
    list_init(&own);
    dx_map seen;
    dx_map_init(&seen);
    ok = l.n == 1 || domain_rec(ctx, l.v[0], &own, &seen);
    dx_map_free(&seen);
    size_t m = 1;
    for (size_t i = 1; ok && i < l.n; i++) {
        bool drop = false;
        for (size_t k = 1; k < l.n && !drop; k++)
            drop = l.v[k] == l.v[i] ? k < i : implied(l.v[i], l.v[k]);
        for (size_t k = 0; k < own.n && !drop; k++)
            drop = own.v[k] == l.v[i] || implied(l.v[i], own.v[k]);
        if (!drop)
            l.v[m++] = l.v[i];
    }
    list_free(&own);
    if (!ok) {
        list_free(&l);
        return dx_failed(ctx) ? NULL : dx_oom(ctx);
    }
    for (size_t i = 2; i < m; i++) {
        dx_expr *x = l.v[i];
        size_t j = i;
        for (; j > 1 && dx_cmp(l.v[j - 1], x) > 0; j--)
            l.v[j] = l.v[j - 1];
        l.v[j] = x;
    }
    dx_expr *r = m == 1 ? l.v[0] : intern(ctx, DX_GUARD, 0, l.v, m, NULL, NULL, 0);
    list_free(&l);
    return r;
}

/* The conditions of e's own value, below; seen keeps a shared node from being walked twice. */
static bool domain_rec(dx_ctx *ctx, const dx_expr *e, list *out, dx_map *seen)
{
    if (!e->vmask || e->kind == DX_SYM || dx_map_get(seen, e))
        return true;
    if (dx_stack_low(ctx) || !dx_map_put(seen, e, (dx_expr *)e))
        return false;
    dx_expr *c = NULL, *x = (dx_expr *)e;
    if (e->kind == DX_GUARD) {
        for (uint32_t i = 1; i < e->n; i++)
            if (!list_push(out, e->a[i]))
                return false;
        return domain_rec(ctx, e->a[0], out, seen);
    }
    if (e->kind == DX_COND)
        return true;
    if (e->kind == DX_POW && e->a[0]->vmask) {
        const dx_expr *k = e->a[1];
        if (k->kind != DX_NUM) {
            c = dx_cond(ctx, DX_REL_GT0, e->a[0], x);
        } else {
            bool neg = dx_num_sign(&k->u.num) < 0, even = false;
            if (!dx_num_is_int(&k->u.num)) {
                dx_num q = dx_num_denom(&k->u.num);
                even = q.z ? mpz_even_p(mpq_numref(q.z)) : (q.n % 2 == 0);
                dx_num_clear(&q);
            }
            if (neg || even)
                c = dx_cond(ctx, even && neg ? DX_REL_GT0 : even ? DX_REL_GE0 : DX_REL_NE0, e->a[0], x);
        }
    } else if (e->kind == DX_CALL) {
        dx_expr *u = e->a[0];
        switch (dx_fns[e->fn].domain) {
        case DX_DOM_POS: c = dx_cond(ctx, DX_REL_GT0, u, x); break;
        case DX_DOM_UNIT: c = dx_cond(ctx, DX_REL_GE0, dx_sub(ctx, dx_int(ctx, 1), dx_pow(ctx, u, dx_int(ctx, 2))), x); break;
        case DX_DOM_TRIG_POLES:
            c = dx_cond(ctx, DX_REL_NE0, dx_call(ctx, e->fn == DX_TAN || e->fn == DX_SEC ? DX_COS : DX_SIN, u), x);
            break;
        case DX_DOM_NONZERO: c = dx_cond(ctx, DX_REL_NE0, u, x); break;
        case DX_DOM_ALL: break;
        }
    }
    if (c && !list_push(out, c))
        return false;
    for (uint32_t i = 0; i < e->n; i++)
        if (!domain_rec(ctx, e->a[i], out, seen))
            return false;
    return !dx_failed(ctx);
}

/* body, defined where every one of drop[0..n) is (what a cancellation dropped), and where
 * the conditions in more hold. */
static dx_expr *keep_domain(dx_ctx *ctx, dx_expr *body, dx_expr *const *drop, size_t n, list *more)
{
    list l;
    list_init(&l);
    dx_map seen;
    dx_map_init(&seen);
    bool ok = true;
    for (size_t i = 0; ok && more && i < more->n; i++)
        ok = list_push(&l, more->v[i]);
    for (size_t i = 0; ok && i < n; i++)
        ok = domain_rec(ctx, drop[i], &l, &seen);
    dx_map_free(&seen);
    dx_expr *r = ok ? dx_guard_n(ctx, body, l.v, l.n) : dx_failed(ctx) ? NULL : dx_oom(ctx);
    list_free(&l);
    return r;
}

bool dx_domain_of(dx_ctx *ctx, const dx_expr *e, dx_expr ***conds, size_t *n, size_t *cap)
{
    list l;
    list_init(&l);
    dx_map seen;
    dx_map_init(&seen);
    bool ok = domain_rec(ctx, e, &l, &seen);
    dx_map_free(&seen);
    for (size_t i = 0; ok && i < l.n; i++) {
        if (*n == *cap) {
            size_t nc = *cap ? 2 * *cap : 8;
            dx_expr **g = dx_alloc(ctx, nc * sizeof *g);
            if (!(ok = g != NULL))
                break;
            if (*n)
                memcpy(g, *conds, *n * sizeof *g);
            *conds = g;
            *cap = nc;
        }
        (*conds)[(*n)++] = l.v[i];
    }
    list_free(&l);
    return ok;
}

/* Does an argument carry a guard? Then the constructor works on the bodies (lift). */
static bool any_guard(dx_expr *const *in, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (in[i]->kind == DX_GUARD)
            return true;
    return false;
}

enum { LIFT_ADD, LIFT_MUL, LIFT_POW, LIFT_CALL };

/* The constructor op over the bodies of in[0..n), guarded by all their conditions. */
static dx_expr *lift(dx_ctx *ctx, int op, int fn, dx_expr *const *in, size_t n)
{
    list b, c;
    list_init(&b);
    list_init(&c);
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        ok = list_push(&b, dx_body(in[i]));
        for (uint32_t k = 1; ok && in[i]->kind == DX_GUARD && k < in[i]->n; k++)
            ok = list_push(&c, in[i]->a[k]);
    }
    dx_expr *r = NULL;
    if (ok) {
        r = op == LIFT_ADD   ? dx_add_n(ctx, b.v, n)
            : op == LIFT_MUL ? dx_mul_n(ctx, b.v, n)
            : op == LIFT_POW ? dx_pow(ctx, b.v[0], b.v[1])
                             : dx_call(ctx, fn, b.v[0]);
        r = dx_guard_n(ctx, r, c.v, c.n);
    } else {
        dx_oom(ctx);
    }
    list_free(&b);
    list_free(&c);
    return r;
}

/* --- sums ---------------------------------------------------------------------------------------- */

/* A term as coef * rest; rest is NULL for a number. The caller clears coef. */
typedef struct {
    dx_num coef;
    dx_expr *rest;
    dx_expr *node; /* the term as it came, when coef * rest rebuilds exactly it (else NULL) */
} term;

dx_expr *dx_term_split(dx_ctx *ctx, dx_expr *e, dx_num *coef)
{
    if (e->kind == DX_NUM) {
        *coef = dx_num_copy(&e->u.num);
        return NULL;
    }
    if (e->kind == DX_MUL && e->a[0]->kind == DX_NUM) {
        *coef = dx_num_copy(&e->a[0]->u.num);
        if (e->n == 2)
            return e->a[1];
        size_t at = e->id & (DX_SPLIT_CACHE - 1);
        if (ctx->split_cache[at].e == e) /* intern's lookup would find it: charged as one */
            return charged(ctx, ctx->split_cache[at].rest, 1);
        return intern(ctx, DX_MUL, 0, e->a + 1, e->n - 1, NULL, NULL, 0);
    }
    *coef = dx_num_int(1);
    return e;
}

const dx_expr *dx_find_abs_term(const dx_ctx *ctx, const dx_expr *t)
{
    if (t->kind != DX_MUL || t->a[0]->kind != DX_NUM || dx_num_sign(&t->a[0]->u.num) >= 0)
        return NULL;
    dx_num c = dx_num_neg(&t->a[0]->u.num);
    const dx_expr *r = NULL;
    if (!dx_num_is(&c, 1)) {
        dx_expr *cn = find(ctx, DX_NUM, NULL, 0, &c);
        if (cn && t->n <= 1 + SMALL) {
            dx_expr *a[1 + SMALL];
            a[0] = cn;
            memcpy(a + 1, t->a + 1, (t->n - 1) * sizeof *a);
            r = find(ctx, DX_MUL, a, t->n, NULL);
        }
    } else {
        r = t->n == 2 ? t->a[1] : find(ctx, DX_MUL, t->a + 1, t->n - 1, NULL);
    }
    dx_num_clear(&c);
    return r;
}

static int term_cmp(const void *x, const void *y)
{
    const term *a = x, *b = y;
    if (!a->rest || !b->rest)
        return (a->rest != NULL) - (b->rest != NULL);
    return dx_cmp(a->rest, b->rest);
}

/* A whole number to a fractional power (surd's output), which a coefficient may join. */
static bool is_surd(const dx_expr *e)
{
    return e->kind == DX_POW && e->a[0]->kind == DX_NUM && e->a[1]->kind == DX_NUM && !dx_num_is_int(&e->a[1]->u.num);
}

/* coef * rest as a canonical node: the coefficient is prepended to rest's factors (rest as
 * dx_mul leaves it: see like_term for a coefficient that may join a surd). */
static dx_expr *scale(dx_ctx *ctx, const dx_num *coef, dx_expr *rest)
{
    if (!rest)
        return dx_number(ctx, coef);
    if (dx_num_is(coef, 1))
        return rest;
    dx_expr *c = dx_number(ctx, coef);
    if (!c)
        return NULL;
    if (rest->kind == DX_MUL) {
        list l;
        list_init(&l);
        bool ok = list_push(&l, c);
        for (uint32_t i = 0; ok && i < rest->n; i++)
            ok = list_push(&l, rest->a[i]);
        dx_expr *r = ok ? intern(ctx, DX_MUL, 0, l.v, l.n, NULL, NULL, 0) : dx_oom(ctx);
        list_free(&l);
        if (r && r->kind == DX_MUL && r->n == rest->n + 1) {
            ctx->split_cache[r->id & (DX_SPLIT_CACHE - 1)].e = r;
            ctx->split_cache[r->id & (DX_SPLIT_CACHE - 1)].rest = rest;
        }
        return r;
    }
    dx_expr *two[2] = {c, rest};
    return intern(ctx, DX_MUL, 0, two, 2, NULL, NULL, 0);
}

/* A sum's merged term coef * rest: a new coefficient may join a surd among rest's factors as
 * dx_mul joins it (2^(-1/3) + 2^(-1/3) is 2^(2/3), not 2*2^(-1/3), which reads back as another
 * node). *moved is set when the term may now sort elsewhere among the sum's terms. */
static dx_expr *like_term(dx_ctx *ctx, const dx_num *coef, dx_expr *rest, bool *moved)
{
    bool surd_in = rest && is_surd(rest);
    for (uint32_t i = 0; !surd_in && rest && rest->kind == DX_MUL && i < rest->n; i++)
        surd_in = is_surd(rest->a[i]);
    if (surd_in && !dx_num_is(coef, 1)) {
        *moved = true;
        return dx_mul(ctx, dx_number(ctx, coef), rest);
    }
    return scale(ctx, coef, rest);
}

/* e itself when scale(coef, rest), from dx_term_split(e), would return it: a term no like
 * term met is not rebuilt (a lookup that hashes every factor again). NULL when unsure. */
static dx_expr *rebuilds(dx_expr *e, const dx_expr *rest, const dx_num *coef)
{
    if (!rest || rest == e)
        return e; /* a number (interned once), or coefficient 1 */
    /* coef*(rest's factors) is e's own list: a[0] is the coefficient, and a product's
     * factors are never products */
    bool same = e->kind == DX_MUL && !dx_num_is(coef, 1) && (rest->kind != DX_MUL || rest->n == e->n - 1);
    return same ? e : NULL;
}

/* node (from rebuilds) charged as scale(coef, rest) would be: its number's lookup unless
 * 0 or +-1, and the product's. */
static dx_expr *reused(dx_ctx *ctx, dx_expr *node, const dx_num *coef, const dx_expr *rest)
{
    if (!rest)
        return dx_number(ctx, coef);
    if (rest == node)
        return node;
    bool cached = !coef->z && coef->d == 1 && coef->n >= -1 && coef->n <= 1;
    return charged(ctx, node, cached ? 1 : 2);
}

/* The sum in a product c*(a + b), or NULL for any other shape. */
static const dx_expr *scaled_sum(const dx_expr *e)
{
    if (e->kind == DX_MUL && e->n == 2 && e->a[0]->kind == DX_NUM && e->a[1]->kind == DX_ADD)
        return e->a[1];
    return NULL;
}

dx_expr *dx_add_n(dx_ctx *ctx, dx_expr *const *in, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!in[i])
            return NULL;
    if (any_guard(in, n))
        return lift(ctx, LIFT_ADD, 0, in, n);
    /* Flatten nested sums, and a number times a sum, so like terms can meet:
     * 2*(x + 1) + x -> 3*x + 2. A product c*(a + b) on its own stays as written. */
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        const dx_expr *s = scaled_sum(in[i]);
        total += in[i]->kind == DX_ADD ? in[i]->n : s ? s->n : 1;
    }
    if (total == 0)
        return dx_int(ctx, 0);
    if (total == 1 && n == 1)
        return in[0];
    term tbuf[SMALL];
    term *t = total <= SMALL ? tbuf : dx_malloc(total * sizeof *t);
    if (!t)
        return dx_oom(ctx);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const dx_expr *s = in[i]->kind == DX_ADD ? in[i] : scaled_sum(in[i]);
        if (!s) {
            t[k].rest = dx_term_split(ctx, in[i], &t[k].coef);
            t[k].node = rebuilds(in[i], t[k].rest, &t[k].coef);
            k++;
            continue;
        }
        const dx_num *c = s == in[i] ? NULL : &in[i]->a[0]->u.num;
        for (uint32_t j = 0; j < s->n; j++) {
            t[k].rest = dx_term_split(ctx, s->a[j], &t[k].coef);
            t[k].node = c ? NULL : rebuilds(s->a[j], t[k].rest, &t[k].coef);
            if (c) {
                dx_num p = dx_num_mul(&t[k].coef, c);
                dx_num_clear(&t[k].coef);
                t[k].coef = p;
            }
            k++;
        }
    }
    if (total <= SMALL) { /* insertion sort: stable like glibc's qsort, no calls through a pointer */
        for (size_t i = 1; i < total; i++) {
            term x = t[i];
            size_t j = i;
            for (; j > 0 && term_cmp(&t[j - 1], &x) > 0; j--)
                t[j] = t[j - 1];
            t[j] = x;
        }
    } else {
        qsort(t, total, sizeof *t, term_cmp);
    }
    /* merge like terms (equal rests are one pointer), drop zeros; a term that cancels keeps
     * its domain (ln(x) - ln(x) is 0 where x > 0) */
    size_t out = 0;
    list gone;
    list_init(&gone);
    bool ok = true;
    for (size_t i = 0; i < total;) {
        dx_num c = t[i].coef;
        size_t j = i + 1;
        for (; j < total && t[j].rest == t[i].rest; j++) {
            dx_num s = dx_num_add(&c, &t[j].coef);
            dx_num_clear(&c);
            dx_num_clear(&t[j].coef);
            c = s;
        }
        if (dx_num_sign(&c) == 0) {
            if (t[i].rest && t[i].rest->vmask && ok && ctx->keep_domain)
                ok = list_push(&gone, t[i].rest);
            dx_num_clear(&c);
        } else {
            t[out].node = j == i + 1 ? t[i].node : NULL;
            t[out].coef = c;
            t[out].rest = t[i].rest;
            out++;
        }
        i = j;
    }
    dx_expr *r;
    list l;
    list_init(&l);
    bool moved = false;
    for (size_t i = 0; i < out; i++) {
        if (ok) {
            dx_expr *e = t[i].node ? reused(ctx, t[i].node, &t[i].coef, t[i].rest)
                                   : like_term(ctx, &t[i].coef, t[i].rest, &moved);
            ok = e && list_push(&l, e);
        }
        dx_num_clear(&t[i].coef);
    }
    if (t != tbuf)
        dx_free(t);
    if (!ok)
        r = dx_failed(ctx) ? NULL : dx_oom(ctx);
    else if (l.n == 0)
        r = dx_int(ctx, 0);
    else if (l.n == 1)
        r = l.v[0];
    else if (moved) /* sorted (and merged) again; each pass has fewer terms or none moves */
        r = dx_add_n(ctx, l.v, l.n);
    else
        r = intern(ctx, DX_ADD, 0, l.v, l.n, NULL, NULL, 0);
    if (r && gone.n)
        r = keep_domain(ctx, r, gone.v, gone.n, NULL);
    list_free(&l);
    list_free(&gone);
    return r;
}

dx_expr *dx_add(dx_ctx *ctx, dx_expr *a, dx_expr *b)
{
    dx_expr *two[2] = {a, b};
    return dx_add_n(ctx, two, 2);
}

dx_expr *dx_neg(dx_ctx *ctx, dx_expr *a) { return dx_mul(ctx, dx_int(ctx, -1), a); }
dx_expr *dx_sub(dx_ctx *ctx, dx_expr *a, dx_expr *b) { return dx_add(ctx, a, dx_neg(ctx, b)); }

/* --- products ------------------------------------------------------------------------------------ */

typedef struct {
    dx_expr *base, *exp;
    dx_expr *node; /* the factor as it came (base^exp when exp is set) */
} factor;

static int factor_cmp(const void *x, const void *y)
{
    const factor *a = x, *b = y;
    return dx_cmp(a->base, b->base);
}

/* A group of equal bases with a negative numeric exponent whose numeric exponents sum to
 * >= 0 cancels a division: remember the base (see dx_holes). */
static void note_hole(dx_ctx *ctx, const factor *g, size_t n)
{
    bool divides = false;
    dx_num sum = dx_num_int(0);
    for (size_t q = 0; q < n; q++) {
        if (g[q].exp && g[q].exp->kind != DX_NUM)
            continue;
        dx_num one = dx_num_int(1), t = dx_num_add(&sum, g[q].exp ? &g[q].exp->u.num : &one);
        divides |= g[q].exp && dx_num_sign(&g[q].exp->u.num) < 0;
        dx_num_clear(&sum);
        sum = t;
    }
    bool cancels = divides && dx_num_sign(&sum) >= 0;
    dx_num_clear(&sum);
    if (!cancels || ctx->nholes == DX_MAX_HOLES)
        return;
    for (size_t k = 0; k < ctx->nholes; k++)
        if (ctx->holes[k] == g[0].base)
            return;
    ctx->holes[ctx->nholes++] = g[0].base;
}

size_t dx_holes(const dx_ctx *ctx, dx_expr *const **out)
{
    *out = ctx->holes;
    return ctx->nholes;
}

void dx_holes_clear(dx_ctx *ctx) { ctx->nholes = 0; }

/* What an exponent asks of its base: a base != 0 (negative), >= 0 (an even root), > 0 (symbolic). */
enum { NEEDS_NE0 = 1, NEEDS_GE0 = 2, NEEDS_GT0 = 4 };

static unsigned exp_needs(const dx_expr *k)
{
    if (!k)
        return 0;
    if (k->kind != DX_NUM)
        return NEEDS_GT0;
    unsigned r = dx_num_sign(&k->u.num) < 0 ? NEEDS_NE0 : 0;
    if (!dx_num_is_int(&k->u.num)) {
        dx_num q = dx_num_denom(&k->u.num);
        r |= (q.z ? mpz_even_p(mpq_numref(q.z)) : (q.n % 2 == 0)) ? NEEDS_GE0 : 0;
        dx_num_clear(&q);
    }
    return r;
}

/* The condition on base that the exponents in[0..n) needed and the merged power no longer
 * does (lost, of NEEDS_*): x/x needs x != 0, sqrt(x)*sqrt(x) x >= 0, x^y/x^y x > 0. */
static dx_expr *lost_cond(dx_ctx *ctx, dx_expr *base, dx_expr *const *exps, size_t n, unsigned lost)
{
    dx_rel rel = (lost & NEEDS_GT0) || (lost & (NEEDS_NE0 | NEEDS_GE0)) == (NEEDS_NE0 | NEEDS_GE0) ? DX_REL_GT0
                 : lost & NEEDS_NE0                                                                 ? DX_REL_NE0
                                                                                                    : DX_REL_GE0;
    dx_expr *origin = base;
    for (size_t i = 0; i < n; i++)
        if (exp_needs(exps[i]) & lost) {
            origin = intern(ctx, DX_POW, 0, (dx_expr *[]){base, exps[i]}, 2, NULL, NULL, 0);
            break;
        }
    return dx_cond(ctx, rel, base, origin);
}

static int node_cmp(const void *x, const void *y) { return dx_cmp(*(dx_expr *const *)x, *(dx_expr *const *)y); }

static dx_expr *mul_rec(dx_ctx *ctx, dx_expr *const *in, size_t n, int rounds);
/* A coefficient c beside a surd m^(p/q) (m whole, as surd leaves it) in surd's form: the whole
 * powers of m in c join the exponent, split again as surd splits it, so 4/2^(2/3) is
 * 2*2^(1/3) like 2^(4/3), and 1/(2^(2/3)/4) as printed reads back as the node it was printed
 * from. *f and *coef are updated; false without memory. */
static bool surd_coefficient(dx_ctx *ctx, dx_num *coef, dx_expr **f)
{
    const dx_expr *e = *f;
    int64_t m, p, q;
    if (e->kind != DX_POW || e->a[0]->kind != DX_NUM || e->a[1]->kind != DX_NUM || dx_num_is_int(&e->a[1]->u.num) ||
        !dx_num_get_int(&e->a[0]->u.num, &m) || m < 2)
        return true;
    dx_num pn = dx_num_numer(&e->a[1]->u.num), qn = dx_num_denom(&e->a[1]->u.num);
    bool small = dx_num_get_int(&pn, &p) && dx_num_get_int(&qn, &q) && q <= 16;
    dx_num_clear(&pn);
    dx_num_clear(&qn);
    if (!small)
        return true;
    /* t: the whole powers of m in c (negative: in its denominator), taken out of c */
    dx_num mm = dx_num_int(m), c = dx_num_copy(coef);
    int64_t t = 0;
    for (int side = 0; side < 2; side++) {
        for (bool whole = true; whole && t > -64 && t < 64;) {
            dx_num part = side == 0 ? dx_num_numer(&c) : dx_num_denom(&c), r = dx_num_div(&part, &mm);
            whole = dx_num_is_int(&r);
            dx_num_clear(&part);
            dx_num_clear(&r);
            if (whole) {
                dx_num next = side == 0 ? dx_num_div(&c, &mm) : dx_num_mul(&c, &mm);
                dx_num_clear(&c);
                c = next;
                t += side == 0 ? 1 : -1;
            }
        }
    }
    /* m^(p/q + t) = m^i*m^(s/q), i as surd chooses it: -q < s < 0 for a negative power with
     * q > 2, else 0 < s < q */
    int64_t P = p + t * q, i = P < 0 && q > 2 ? -(-P / q) : P >= 0 ? P / q : -((-P + q - 1) / q), s = P - i * q;
    bool ok = true;
    if (s != p) {
        dx_num mi;
        dx_expr *root = dx_pow(ctx, e->a[0], dx_frac(ctx, s, q));
        ok = root && dx_num_pow_int(&mi, &mm, i);
        if (ok) {
            dx_num_clear(coef);
            *coef = dx_num_mul(&c, &mi);
            dx_num_clear(&mi);
            *f = root;
        }
    }
    dx_num_clear(&c);
    dx_num_clear(&mm);
    return ok || dx_failed(ctx) ? ok : dx_oom(ctx) != NULL;
}

dx_expr *dx_mul_n(dx_ctx *ctx, dx_expr *const *in, size_t n) { return mul_rec(ctx, in, n, 0); }

static dx_expr *mul_rec(dx_ctx *ctx, dx_expr *const *in, size_t n, int rounds)
{
    for (size_t i = 0; i < n; i++)
        if (!in[i])
            return NULL;
    if (n == 1)
        return in[0];
    if (any_guard(in, n))
        return lift(ctx, LIFT_MUL, 0, in, n);
    dx_num coef = dx_num_int(1);
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += in[i]->kind == DX_MUL ? in[i]->n : 1;
    factor fbuf[SMALL];
    factor *f = total <= SMALL ? fbuf : dx_malloc((total ? total : 1) * sizeof *f);
    if (!f)
        return dx_oom(ctx);
    size_t k = 0;
    bool has_sign = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t m = in[i]->kind == DX_MUL ? in[i]->n : 1;
        for (uint32_t j = 0; j < m; j++) {
            dx_expr *e = in[i]->kind == DX_MUL ? in[i]->a[j] : in[i];
            if (e->kind == DX_NUM) {
                dx_num p = dx_num_mul(&coef, &e->u.num);
                dx_num_clear(&coef);
                coef = p;
            } else if (e->kind == DX_POW) {
                f[k].base = e->a[0];
                f[k].node = e;
                f[k++].exp = e->a[1];
            } else {
                has_sign |= e->kind == DX_CALL && e->fn == DX_SIGN;
                f[k].base = e;
                f[k++].exp = NULL; /* 1, filled in lazily: most factors are plain */
            }
        }
    }
    /* u*sign(u) is abs(u): the derivative of x*abs(x) is 2*abs(x), defined at 0 where
     * sign is not (as typed, the product keeps sign's hole) */
    for (size_t s = 0; has_sign && !ctx->keep_domain && s < k; s++) {
        if (f[s].exp || f[s].base->kind != DX_CALL || f[s].base->fn != DX_SIGN)
            continue;
        for (size_t u = 0; u < k; u++)
            if (!f[u].exp && f[u].base == f[s].base->a[0]) {
                f[s].base = dx_call(ctx, DX_ABS, f[u].base);
                f[u] = f[--k];
                break;
            }
        if (!f[s].base) {
            if (f != fbuf)
                dx_free(f);
            dx_num_clear(&coef);
            return NULL;
        }
    }
    if (dx_num_sign(&coef) == 0) { /* 0*ln(x) is 0 where x > 0 */
        if (f != fbuf)
            dx_free(f);
        return ctx->keep_domain ? keep_domain(ctx, dx_int(ctx, 0), in, n, NULL) : dx_int(ctx, 0);
    }
    if (k <= SMALL) { /* insertion sort, stable like glibc's qsort */
        for (size_t i = 1; i < k; i++) {
            factor x = f[i];
            size_t j = i;
            for (; j > 0 && dx_cmp(f[j - 1].base, x.base) > 0; j--)
                f[j] = f[j - 1];
            f[j] = x;
        }
    } else {
        qsort(f, k, sizeof *f, factor_cmp);
    }
    /* merge equal bases by adding exponents */
    list l, conds;
    list_init(&l);
    list_init(&conds);
    bool ok = true, again = false;
    for (size_t i = 0; ok && i < k;) {
        size_t j = i + 1;
        while (j < k && f[j].base == f[i].base)
            j++;
        /* Numeric and symbolic exponents of a varying base merge apart: x^x * x^-1 stays
         * x^x/x. Merged, x^(x - 1) starts a new base at every order of derivative, and the
         * n-th derivative of x^x swells. Constant bases merge fully: e^x * e^2 = e^(x + 2). */
        bool split = false;
        unsigned had = 0, kept = 0;
        for (size_t q = i; ctx->keep_domain && j > i + 1 && f[i].base->vmask && q < j; q++)
            had |= exp_needs(f[q].exp);
        if (j > i + 1 && f[i].base->vmask)
            note_hole(ctx, f + i, j - i);
        if (j > i + 1 && f[i].base->vmask) {
            bool any_num = false, any_sym = false;
            for (size_t q = i; q < j; q++) {
                bool num = !f[q].exp || f[q].exp->kind == DX_NUM;
                any_num |= num;
                any_sym |= !num;
            }
            split = any_num && any_sym;
        }
        for (int part = 0; ok && part < (split ? 2 : 1); part++) {
            dx_expr *p;
            if (j == i + 1) {
                /* a power that met no other of its base is the node it came as (its intern
                 * lookup charged, not made) */
                p = f[i].exp ? charged(ctx, f[i].node, 1) : f[i].base;
            } else {
                list ex;
                list_init(&ex);
                for (size_t q = i; ok && q < j; q++) {
                    bool num = !f[q].exp || f[q].exp->kind == DX_NUM;
                    if (!split || num == (part == 0))
                        ok = list_push(&ex, f[q].exp ? f[q].exp : dx_int(ctx, 1));
                }
                p = ok ? dx_pow(ctx, f[i].base, dx_add_n(ctx, ex.v, ex.n)) : NULL;
                list_free(&ex);
            }
            if (!p) {
                ok = false;
                break;
            }
            if (p->kind == DX_GUARD) { /* a merged power that cancelled inside */
                ok = list_push(&conds, p);
                p = p->a[0];
            }
            if (had)
                kept |= exp_needs(p->kind == DX_POW && p->a[0] == f[i].base ? p->a[1] : NULL);
            if (p->kind == DX_NUM) {
                dx_num q = dx_num_mul(&coef, &p->u.num);
                dx_num_clear(&coef);
                coef = q;
            } else {
                /* a merged power with another base must meet the other factors again:
                 * (x*y)^(1/2) * (x*y)^(1/2) -> x*y, and e^(ln(x) + x) * e^-x -> x */
                if (p->kind == DX_MUL || (p->kind == DX_POW ? p->a[0] : p) != f[i].base)
                    again = true;
                /* the symbolic exponents summed to a number, y^(-x - 1)*y^x = y^-1: it must
                 * meet the numeric part too, else y^(-x - 1)*y*y^x is y/y while y/y is 1 */
                if (split && part == 1 && (p->kind != DX_POW || p->a[1]->kind == DX_NUM))
                    again = true;
                ok = list_push(&l, p);
            }
        }
        if (ok && (had & ~kept)) {
            list ex;
            list_init(&ex);
            for (size_t q = i; ok && q < j; q++)
                ok = list_push(&ex, f[q].exp);
            ok = ok && list_push(&conds, lost_cond(ctx, f[i].base, ex.v, ex.n, had & ~kept));
            list_free(&ex);
        }
        i = j;
    }
    if (f != fbuf)
        dx_free(f);
    dx_expr *r = NULL;
    if (ok && again && rounds < 8) {
        ok = list_push(&l, number_take(ctx, &coef));
        r = ok ? dx_guard_n(ctx, mul_rec(ctx, l.v, l.n, rounds + 1), conds.v, conds.n) : NULL;
        list_free(&l);
        list_free(&conds);
        return r;
    }
    if (ok && dx_num_sign(&coef) == 0) {
        r = dx_int(ctx, 0);
    } else if (ok && l.n == 0) {
        r = dx_number(ctx, &coef);
    } else if (ok) {
        for (size_t i = 0; ok && i < l.n; i++)
            ok = surd_coefficient(ctx, &coef, &l.v[i]);
        dx_expr *rest = l.n == 1 ? l.v[0] : NULL;
        if (ok && l.n > 1) {
            /* bases were sorted, but a merged power may sort elsewhere */
            if (l.n <= SMALL) {
                for (size_t i = 1; i < l.n; i++) {
                    dx_expr *x = l.v[i];
                    size_t j = i;
                    for (; j > 0 && dx_cmp(l.v[j - 1], x) > 0; j--)
                        l.v[j] = l.v[j - 1];
                    l.v[j] = x;
                }
            } else {
                qsort(l.v, l.n, sizeof *l.v, node_cmp);
            }
            rest = intern(ctx, DX_MUL, 0, l.v, l.n, NULL, NULL, 0);
        }
        r = rest ? scale(ctx, &coef, rest) : NULL;
    }
    if (ok && conds.n)
        r = dx_guard_n(ctx, r, conds.v, conds.n);
    if (!ok && !dx_failed(ctx))
        dx_oom(ctx);
    dx_num_clear(&coef);
    list_free(&l);
    list_free(&conds);
    return ok ? r : NULL;
}

dx_expr *dx_mul(dx_ctx *ctx, dx_expr *a, dx_expr *b)
{
    if (!a || !b)
        return NULL;
    if (dx_is_int(a, 1))
        return b;
    if (dx_is_int(b, 1))
        return a;
    dx_expr *two[2] = {a, b};
    return dx_mul_n(ctx, two, 2);
}

dx_expr *dx_div(dx_ctx *ctx, dx_expr *a, dx_expr *b) { return dx_mul(ctx, a, dx_pow(ctx, b, dx_int(ctx, -1))); }

/* --- powers ---------------------------------------------------------------------------------------- */

/* b^(p/q) for a positive rational b = n/d that has no exact q-th root, written c*m^(s/q): m an
 * integer free of q-th powers of primes below 1000, 0 < s < q, c rational. Equal numbers then
 * are one node and sums of them combine: sqrt(8) = 2*sqrt(2), sqrt(1/2) = sqrt(2)/2,
 * (3/2)^(3/2) = 3*sqrt(6)/4. Negative powers with q > 2 keep a negative exponent, -q < s < 0
 * (1/3^(1/3) reads better than 3^(2/3)/3: only square roots leave a denominator), so
 * 2^(-44/3) is 2^(-2/3)/16384, (1/4)^(-2/3) is 4^(2/3) and (2/3)^(-1/3) is 12^(1/3)/2 (kept
 * as a power it printed as 1/(18^(1/3)/3), which reads back as another node). NULL when b^(p/q) is that form already or the numbers
 * outgrow int64 (then it stays as it is). dx_mul keeps a coefficient beside it in the same
 * form (surd_coefficient). */
static dx_expr *surd(dx_ctx *ctx, const dx_num *b, int64_t p, int64_t q)
{
    dx_num nb = dx_num_numer(b), db = dx_num_denom(b);
    int64_t n, d;
    bool small = dx_num_get_int(&nb, &n) && dx_num_get_int(&db, &d);
    dx_num_clear(&nb);
    dx_num_clear(&db);
    if (!small)
        return NULL;
    bool below = p < 0 && q > 2; /* the exponent stays negative */
    if (below && d != 1) { /* (n/d)^(-p/q) = (d/n)^(p/q), which surd writes with a whole base */
        dx_num flip = dx_num_frac(d, n);
        return dx_pow(ctx, number_take(ctx, &flip), dx_frac(ctx, -p, q));
    }
    int64_t i = below ? -(-p / q) : p >= 0 ? p / q : -((-p + q - 1) / q), s = p - i * q, m = n, k = 1;
    for (int64_t j = 1; j < q; j++) /* n/d = n*d^(q-1) / d^q */
        if (__builtin_mul_overflow(m, d, &m))
            return NULL;
    for (int64_t f = 2; f < 1000 && f <= m; f++) {
        int64_t fq = 1;
        bool big = false;
        for (int64_t j = 0; j < q && !big; j++)
            big = __builtin_mul_overflow(fq, f, &fq);
        if (big || fq > m)
            break;
        while (m % fq == 0) {
            m /= fq;
            if (__builtin_mul_overflow(k, f, &k))
                return NULL;
        }
    }
    if (i == 0 && d == 1 && k == 1)
        return NULL;
    dx_num bi, ks, kd = dx_num_frac(k, d);
    if (!dx_num_pow_int(&bi, b, i))
        return NULL;
    if (!dx_num_pow_int(&ks, &kd, s)) {
        dx_num_clear(&bi);
        return NULL;
    }
    dx_num c = dx_num_mul(&bi, &ks);
    dx_num_clear(&bi);
    dx_num_clear(&ks);
    dx_num_clear(&kd);
    return dx_mul(ctx, number_take(ctx, &c), dx_pow(ctx, dx_int(ctx, m), dx_frac(ctx, s, q)));
}

/* number^number, exact where the result is rational, a canonical surd where it is not (see
 * surd); NULL (no error) to keep it a power. */
static dx_expr *num_pow(dx_ctx *ctx, const dx_num *b, const dx_num *e)
{
    int64_t k;
    dx_num r;
    if (dx_num_get_int(e, &k)) {
        if (dx_num_pow_int(&r, b, k))
            return number_take(ctx, &r);
        return NULL;
    }
    dx_num p = dx_num_numer(e), q = dx_num_denom(e);
    int64_t pi, qi;
    dx_expr *out = NULL;
    if (dx_num_get_int(&p, &pi) && dx_num_get_int(&q, &qi)) {
        dx_num root;
        if (dx_num_sign(b) >= 0 && dx_num_root(&root, b, qi)) {
            if (dx_num_pow_int(&r, &root, pi))
                out = number_take(ctx, &r);
            dx_num_clear(&root);
        } else if (dx_num_sign(b) < 0 && (qi & 1)) {
            /* a real odd root of a negative number: (-8)^(1/3) = -2 */
            dx_num nb = dx_num_neg(b);
            if (dx_num_root(&root, &nb, qi)) {
                dx_num nr = dx_num_neg(&root);
                if (dx_num_pow_int(&r, &nr, pi))
                    out = number_take(ctx, &r);
                dx_num_clear(&nr);
                dx_num_clear(&root);
            }
            dx_num_clear(&nb);
        } else if (dx_num_sign(b) > 0 && qi <= 16) {
            out = surd(ctx, b, pi, qi);
        }
    }
    dx_num_clear(&p);
    dx_num_clear(&q);
    return out;
}

static bool even_int(const dx_num *k)
{
    if (!dx_num_is_int(k))
        return false;
    return k->z ? mpz_even_p(mpq_numref(k->z)) : k->n % 2 == 0;
}

/* Is f = u^k (k a whole number) such that (u^k)^r is a power of u or of |u| for every real u:
 * k*r whole, and k even or r's denominator odd ((x^3)^(1/3) = x)? A positive number counts
 * when its r-th power is rational. */
static bool root_factor_clean(const dx_expr *f, const dx_num *r)
{
    if (f->kind == DX_NUM) {
        dx_num q = dx_num_denom(r), root;
        int64_t qi;
        bool ok = dx_num_sign(&f->u.num) > 0 && dx_num_get_int(&q, &qi) && dx_num_root(&root, &f->u.num, qi);
        if (ok)
            dx_num_clear(&root);
        dx_num_clear(&q);
        return ok;
    }
    if (f->kind != DX_POW || f->a[1]->kind != DX_NUM || !dx_num_is_int(&f->a[1]->u.num))
        return false;
    dx_num kr = dx_num_mul(&f->a[1]->u.num, r), q = dx_num_denom(r);
    bool ok = dx_num_is_int(&kr) && (even_int(&f->a[1]->u.num) || !even_int(&q));
    dx_num_clear(&kr);
    dx_num_clear(&q);
    return ok;
}

static bool real_root_clean(const dx_expr *b, const dx_num *r)
{
    if (b->kind == DX_POW)
        return root_factor_clean(b, r);
    for (uint32_t i = 0; i < b->n; i++)
        if (!root_factor_clean(b->a[i], r))
            return false;
    return true;
}

/* b^r for a b that real_root_clean accepts, factor by factor: u^k to u^(k*r), through |u|
 * when k is even and k*r odd. Defined wherever b^r is (b >= 0 holds for every real u). */
static dx_expr *real_root(dx_ctx *ctx, dx_expr *b, dx_expr *r)
{
    list l;
    list_init(&l);
    bool ok = true;
    for (uint32_t i = 0; ok && i < (b->kind == DX_MUL ? b->n : 1); i++) {
        dx_expr *f = b->kind == DX_MUL ? b->a[i] : b;
        if (f->kind == DX_NUM) {
            ok = list_push(&l, dx_pow(ctx, f, r));
            continue;
        }
        dx_num kr = dx_num_mul(&f->a[1]->u.num, &r->u.num);
        dx_expr *u = f->a[0];
        if (even_int(&f->a[1]->u.num) && !even_int(&kr))
            u = dx_call(ctx, DX_ABS, u);
        ok = list_push(&l, dx_pow(ctx, u, dx_number(ctx, &kr)));
        dx_num_clear(&kr);
    }
    dx_expr *out = ok ? dx_mul_n(ctx, l.v, l.n) : dx_oom(ctx);
    list_free(&l);
    return out;
}

dx_expr *dx_pow(dx_ctx *ctx, dx_expr *b, dx_expr *e)
{
    if (!b || !e)
        return NULL;
    if (b->kind == DX_GUARD || e->kind == DX_GUARD)
        return lift(ctx, LIFT_POW, 0, (dx_expr *[]){b, e}, 2);
    if (dx_is_int(e, 0)) /* x^0 is 1 where x != 0: 0^0 is undefined */
        return b->vmask && ctx->keep_domain ? dx_guard_n(ctx, dx_int(ctx, 1), (dx_expr *[]){dx_cond(ctx, DX_REL_NE0, b, NULL)}, 1)
                        : dx_int(ctx, 1);
    if (dx_is_int(e, 1))
        return b;
    if (dx_is_int(b, 1)) /* 1^(1/x) is 1 where x != 0 */
        return e->vmask && ctx->keep_domain ? keep_domain(ctx, b, &e, 1, NULL) : b;
    if (dx_is_int(b, 0)) {
        if (e->kind == DX_NUM && dx_num_sign(&e->u.num) < 0)
            return dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_DIV_ZERO);
        if (e->kind == DX_NUM)
            return b;
    }
    if (b->kind == DX_NUM && e->kind == DX_NUM) {
        dx_expr *r = num_pow(ctx, &b->u.num, &e->u.num);
        if (r || dx_failed(ctx))
            return r;
    }
    bool e_int = e->kind == DX_NUM && dx_num_is_int(&e->u.num);
    /* (c^d)^e = c^(d*e) when e is an integer, when c is positive (e, a positive number), or
     * when d has an even denominator, so c^d already requires c >= 0: sqrt(x)^(1/2) = x^(1/4) */
    if (b->kind == DX_POW) {
        dx_expr *c = b->a[0], *d = b->a[1];
        bool c_pos = c->kind == DX_CONST || (c->kind == DX_NUM && dx_num_sign(&c->u.num) > 0);
        bool even_root = false;
        if (d->kind == DX_NUM && !dx_num_is_int(&d->u.num)) {
            dx_num q = dx_num_denom(&d->u.num);
            even_root = q.z ? mpz_even_p(mpq_numref(q.z)) : (q.n % 2 == 0);
            dx_num_clear(&q);
        }
        if (e_int || c_pos || (even_root && e->kind == DX_NUM)) {
            /* sqrt(x)^2 = x where x >= 0, 1/(1/x) = x where x != 0 */
            dx_expr *m = dx_mul(ctx, d, e), *r = dx_pow(ctx, c, m);
            unsigned lost = m && c->vmask && ctx->keep_domain ? exp_needs(d) & ~exp_needs(m) : 0;
            return lost ? dx_guard_n(ctx, r, (dx_expr *[]){lost_cond(ctx, c, &d, 1, lost)}, 1) : r;
        }
    }
    /* even powers under roots, for real u: (u^2)^(1/2) = abs(u), (u^4)^(1/2) = u^2,
     * (16*x^4)^(1/2) = 4*x^2 (see real_root) */
    if (!e_int && e->kind == DX_NUM && (b->kind == DX_POW || b->kind == DX_MUL) && real_root_clean(b, &e->u.num))
        return real_root(ctx, b, e);
    /* |u|^k = u^k for an even k */
    if (e_int && b->kind == DX_CALL && b->fn == DX_ABS && even_int(&e->u.num))
        return dx_pow(ctx, b->a[0], e);
    /* (a*b)^n = a^n * b^n for an integer n: (2*x)^2 -> 4*x^2, 1/(3*x) -> 1/3 * x^-1 */
    if (b->kind == DX_MUL && e_int) {
        list l;
        list_init(&l);
        bool ok = true;
        for (uint32_t i = 0; ok && i < b->n; i++)
            ok = list_push(&l, dx_pow(ctx, b->a[i], e));
        dx_expr *r = ok ? dx_mul_n(ctx, l.v, l.n) : dx_oom(ctx);
        list_free(&l);
        return r;
    }
    /* e^ln(u) = u */
    if (b->kind == DX_CONST && b->fn == DX_E && e->kind == DX_CALL && (dx_fns[e->fn].flags & DX_FN_LOG))
        return ctx->keep_domain ? dx_guard_n(ctx, e->a[0], (dx_expr *[]){dx_cond(ctx, DX_REL_GT0, e->a[0], e)}, 1)
                                : e->a[0]; /* where u > 0 */
    return intern(ctx, DX_POW, 0, (dx_expr *[]){b, e}, 2, NULL, NULL, 0);
}

/* --- calls --------------------------------------------------------------------------------------------- */

/* Is e a negative multiple (-u), so an odd or even function can take the sign out? */
static bool negative_form(const dx_expr *e)
{
    if (e->kind == DX_NUM)
        return dx_num_sign(&e->u.num) < 0;
    return e->kind == DX_MUL && e->a[0]->kind == DX_NUM && dx_num_sign(&e->a[0]->u.num) < 0;
}

dx_expr *dx_call(dx_ctx *ctx, int fn, dx_expr *u)
{
    if (!u)
        return NULL;
    if (u->kind == DX_GUARD)
        return lift(ctx, LIFT_CALL, fn, &u, 1);
    dx_expr *exact = dx_fn_exact(ctx, fn, u);
    if (exact || dx_failed(ctx))
        return exact;
    const dx_fn *row = &dx_fns[fn];
    if (u->kind == DX_NUM && !dx_domain_holds(row->domain, &u->u.num))
        /* refused: ln(-1) and asin(2) are no constants, and their derivatives no 0 */
        return dx_fail(ctx, DX_EDOMAIN, -1, -1, dx_domain_msg[row->domain], DX_S(row->name), DX_E(u));
    if (row->has_special && dx_is_int(u, row->special_at))
        return dx_frac(ctx, row->special_value, row->special_den ? row->special_den : 1);
    if (u->kind == DX_NUM && (row->flags & DX_FN_PIECEWISE))
        return dx_fn_side(ctx, fn, dx_num_sign(&u->u.num), u);
    if (row->flags & DX_FN_LOG) {
        if (u->kind == DX_CONST && u->fn == DX_E)
            return dx_int(ctx, 1);
        if (u->kind == DX_POW && u->a[0]->kind == DX_CONST && u->a[0]->fn == DX_E)
            return u->a[1]; /* ln(e^v) = v for real v */
    }
    if ((row->flags & DX_FN_IDEMPOTENT) && u->kind == DX_CALL && u->fn == fn)
        return u;
    if (row->parity != DX_NO_PARITY && negative_form(u)) {
        dx_expr *f = dx_call(ctx, fn, dx_neg(ctx, u));
        return row->parity == DX_ODD ? dx_neg(ctx, f) : f;
    }
    return intern(ctx, DX_CALL, fn, &u, 1, NULL, NULL, 0);
}

/* --- variables --------------------------------------------------------------------------------------- */

/* Every DX_SYM below e, each once. Marks by id keep shared subtrees from being walked twice
 * (a DAG can be exponentially larger as a tree). */
static bool collect_syms(dx_ctx *ctx, const dx_expr *e, const dx_expr ***out, size_t *n)
{
    unsigned char *seen = dx_calloc(ctx->next_id, 1);
    const dx_expr **stack = dx_malloc(sizeof *stack * 64), **syms = NULL;
    size_t top = 0, cap = 64, ns = 0, capsyms = 0;
    bool ok = seen && stack;
    if (ok)
        stack[top++] = e;
    while (ok && top) {
        const dx_expr *x = stack[--top];
        if (!x->vmask || seen[x->id])
            continue;
        seen[x->id] = 1;
        if (x->kind == DX_SYM) {
            if (ns == capsyms) {
                capsyms = capsyms ? 2 * capsyms : 8;
                const dx_expr **g = dx_realloc(syms, capsyms * sizeof *g);
                if (!(ok = g != NULL))
                    break;
                syms = g;
            }
            syms[ns++] = x;
        }
        if (top + x->n > cap) {
            cap = 2 * (top + x->n);
            const dx_expr **g = dx_realloc(stack, cap * sizeof *g);
            if (!(ok = g != NULL))
                break;
            stack = g;
        }
        for (uint32_t i = 0; i < x->n; i++)
            stack[top++] = x->a[i];
    }
    dx_free(seen);
    dx_free(stack);
    *out = syms;
    *n = ns;
    return ok;
}

static int name_cmp(const void *x, const void *y) { return strcmp(*(const char *const *)x, *(const char *const *)y); }

size_t (dx_vars)(dx_ctx *ctx, const dx_expr *e, const char ***names)
{
    if (e)
        dx_ctx_clear_error(ctx); /* else an earlier call failed: its error stands */
    return dx_vars_in(ctx, e, names);
}

size_t dx_vars_in(dx_ctx *ctx, const dx_expr *e, const char ***names)
{
    const dx_expr **syms = NULL;
    size_t n = 0;
    *names = NULL;
    if (!e)
        return 0;
    bool ok = collect_syms(ctx, e, &syms, &n);
    /* in the arena, so that the list stays valid until the context is freed */
    const char **found = ok ? dx_alloc(ctx, (n ? n : 1) * sizeof *found) : NULL;
    if (!found) {
        dx_free(syms);
        if (!dx_failed(ctx))
            dx_oom(ctx);
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        found[i] = syms[i]->u.name;
    dx_free(syms);
    qsort(found, n, sizeof *found, name_cmp);
    *names = found;
    return n;
}

bool dx_monomial(const dx_expr *t)
{
    uint32_t n = t->kind == DX_MUL ? t->n : 1;
    for (uint32_t i = 0; i < n; i++) {
        const dx_expr *f = t->kind == DX_MUL ? t->a[i] : t;
        if (f->kind == DX_POW && f->a[0]->kind == DX_SYM && f->a[1]->kind == DX_NUM &&
            dx_num_is_int(&f->a[1]->u.num) && dx_num_sign(&f->a[1]->u.num) > 0)
            continue;
        if (f->kind != DX_NUM && f->kind != DX_SYM)
            return false;
    }
    return true;
}
