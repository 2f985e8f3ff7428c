/* Numbers from expressions: exact substitution, and compiled evaluation over doubles. */
#define _GNU_SOURCE /* sincos, where the C library has it */
#include "eval.h"
#include "alloc.h"
#include "fn.h"
#include "map.h"
#include "precise.h"
#include "vecmath.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- exact substitution ------------------------------------------------------------------- */

static dx_expr *subst(dx_ctx *ctx, dx_expr *e, dx_expr *var, dx_expr *value, dx_map *memo)
{
    if (!(e->vmask & var->vmask))
        return e;
    if (e == var)
        return value;
    if (dx_stack_low(ctx))
        return NULL;
    dx_expr *done = dx_map_get(memo, e);
    if (done)
        return done;
    if (e->kind == DX_COND) { /* at a number, it holds or says why not, in the written terms */
        dx_expr *g = subst(ctx, e->a[0], var, value, memo);
        bool at = g && g->kind == DX_NUM;
        return dx_cond_at(ctx, e, g, e->n > 1 && !at ? subst(ctx, e->a[1], var, value, memo) : NULL);
    }
    dx_expr *r = NULL;
    dx_expr **a = dx_malloc(e->n * sizeof *a);
    if (!a)
        return dx_oom(ctx);
    bool ok = true;
    for (uint32_t i = 0; ok && i < e->n; i++)
        ok = (a[i] = subst(ctx, e->a[i], var, value, memo)) != NULL;
    if (ok) {
        switch (e->kind) {
        case DX_ADD: r = dx_add_n(ctx, a, e->n); break;
        case DX_MUL: r = dx_mul_n(ctx, a, e->n); break;
        case DX_POW: r = dx_pow(ctx, a[0], a[1]); break;
        case DX_CALL: r = dx_call(ctx, e->fn, a[0]); break;
        case DX_GUARD: r = dx_guard_n(ctx, a[0], a + 1, e->n - 1); break;
        default: r = e; break;
        }
    }
    dx_free(a);
    if (r && !dx_map_put(memo, e, r))
        return dx_oom(ctx);
    return r;
}

dx_expr *dx_subst(dx_ctx *ctx, dx_expr *e, dx_expr *var, dx_expr *value)
{
    if (!e || !var || !value)
        return NULL;
    dx_map memo;
    dx_map_init(&memo);
    dx_expr *r = subst(ctx, e, var, value, &memo);
    dx_map_free(&memo);
    return r;
}

dx_expr *dx_subst_values(dx_ctx *ctx, dx_expr *e, const char *const *names, dx_expr *const *values, size_t n)
{
    for (size_t i = 0; e && i < n; i++)
        e = dx_subst(ctx, e, dx_sym(ctx, names[i], strlen(names[i])), values[i]);
    return e;
}

/* --- programs ----------------------------------------------------------------------------------- */

/* Leaves (numbers, constants, variables) are no instructions: a constant is a register filled
 * once at compile time, a variable reads the caller's column in place. */
typedef enum { OP_ADD, OP_MUL, OP_POWI, OP_POWQ, OP_POW, OP_EXP, OP_CALL, OP_SINCOS, OP_DONE, OP_COND } op_kind;

typedef struct {
    uint8_t op;
    uint8_t fn;        /* OP_CALL: dx_fn_id; OP_SINCOS: the function of this slot (sin or
                          cos), the next instruction (OP_DONE) being the other; OP_POWI and
                          OP_POWQ: 1 when the base is e, for messages (exp(1000) overflows) */
    uint8_t guard;     /* 1: the op can turn a non-finite operand finite (1/inf = 0), so the
                          operands are checked (see run_block) */
    uint32_t nargs;
    uint32_t args;     /* index into prog->argv: the value slots of the operands */
    uint32_t dst;      /* register written */
    uint32_t self;     /* the slot of this instruction's value */
    double c;          /* OP_POWQ exponent as a double */
    int64_t k;         /* OP_POWI exponent; OP_POWQ: ROOT_* below */
    int64_t pn, pq;    /* OP_POWQ exponent p/q, for messages */
    const dx_expr *cond; /* OP_COND: the condition, for messages (its fn the relation) */
} instr;

/* A negative base to a rational power p/q (lowest terms): real only for odd q. */
enum { ROOT_NONE, ROOT_NEG, ROOT_POS };

struct dx_prog {
    instr *code;           /* the computing instructions, children first */
    uint32_t ncode;
    uint32_t *argv;        /* operand slots */
    size_t nargs;          /* how many: with ncode, the operations of one point */
    uint32_t nslots;       /* one per distinct node */
    uint32_t result;       /* the slot of the root */
    double **slot;         /* where each node's value block is (rebound per block for variables,
                              which are only read) */
    double **home;         /* the register of each constant and computed slot, NULL for
                              variables: where bind() points slot back to */
    int64_t *var_of;       /* slot -> variable index, or -1 */
    size_t nvars;
    double *regs;          /* registers, DX_BLOCK doubles each: constants, then temporaries */
    double *replay;        /* DX_LANES values per slot, for explaining a failed point (lane 0) */
    double *tail;          /* the variables of a block shorter than whole lanes, padded */
    bool fast;             /* transcendental functions through vecmath.h (dx_prog_set_fast) */
    dx_ctx *ctx;           /* whose work budget the evaluations spend: the library's own
                              programs, which die before their context; NULL for the caller's */
};

/* Points evaluated together: large enough to amortise the dispatch, small enough that the
 * live registers stay in L1 (registers are reused once their last reader has run). */
#define DX_BLOCK 256

/* The work of evaluating, in units of the work budget: an instruction costs its dispatch once
 * per block of points (about DX_DISPATCH_POINTS points' worth of arithmetic: measured on
 * programs of 2,000 to 20,000 instructions, one point per call took 4.5 to 7.8 times as long
 * per point as blocks of DX_BLOCK) and its arithmetic once per point; DX_OPS_PER_UNIT of those
 * per unit, so that one point alone costs what it did when every point was charged alike (an
 * operation costs a few nanoseconds, a node built some hundreds). Charging blocks at the
 * single-point rate stopped a grid search with "too much work" after a seventh of the time
 * the budget stands for. */
#define DX_DISPATCH_POINTS 5
#define DX_OPS_PER_UNIT (256 * (1 + DX_DISPATCH_POINTS))

/* Spend the work of n points of p; false when the budget ran out (or progress said stop). */
static bool spend(dx_prog *p, size_t n)
{
    uint64_t blocks = (n + DX_BLOCK - 1) / DX_BLOCK;
    return !p->ctx ||
           dx_work(p->ctx, 1 + (blocks * DX_DISPATCH_POINTS + n) * (p->ncode + p->nargs) / DX_OPS_PER_UNIT);
}

/* Points per vector operation (see run_instr); DX_BLOCK is a multiple of it. */
#define DX_LANES 4

void dx_prog_free(dx_prog *p)
{
    if (!p)
        return;
    dx_free(p->code);
    dx_free(p->argv);
    dx_free(p->slot);
    dx_free(p->home);
    dx_free(p->var_of);
    dx_free(p->regs);
    dx_free(p->replay);
    dx_free(p->tail);
    dx_free(p);
}

/* The reachable nodes of e, each once, sorted by id (children first). *count set. */
static const dx_expr **collect(const dx_expr *e, size_t cap, size_t *count, size_t *nargs, int32_t *mark)
{
    const dx_expr **stack = dx_malloc(cap * sizeof *stack), **nodes = dx_malloc(cap * sizeof *nodes);
    if (!stack || !nodes) {
        dx_free(stack);
        dx_free(nodes);
        return NULL;
    }
    size_t top = 0, nn = 0, na = 0;
    stack[top++] = e;
    mark[e->id] = 0;
    while (top) {
        const dx_expr *x = stack[--top];
        nodes[nn++] = x;
        na += x->n;
        for (uint32_t i = 0; i < x->n; i++)
            if (mark[x->a[i]->id] < 0 && !(x->kind == DX_POW && i == 1 && x->a[1]->kind == DX_NUM) &&
                !(x->kind == DX_COND && i == 1)) { /* a condition's origin is for messages */
                mark[x->a[i]->id] = 0;
                stack[top++] = x->a[i];
            }
    }
    dx_free(stack);
    /* shell sort by id: a child always has a smaller id than its parents */
    for (size_t gap = nn / 2; gap > 0; gap /= 2)
        for (size_t i = gap; i < nn; i++)
            for (size_t j = i; j >= gap && nodes[j - gap]->id > nodes[j]->id; j -= gap) {
                const dx_expr *t = nodes[j];
                nodes[j] = nodes[j - gap];
                nodes[j - gap] = t;
            }
    *count = nn;
    *nargs = na;
    return nodes;
}

/* sin(u) and cos(u) both in e: reorder so the second follows the first (it depends on u
 * only, so the order stays topological); they then run as one sincos call, as gcc does for
 * hand-written C. false without memory. */
static bool pair_sincos(const dx_expr **nodes, size_t nn, size_t cap)
{
    int32_t *other = dx_malloc(cap * 2 * sizeof *other);
    const dx_expr **order = dx_malloc(nn * sizeof *order);
    if (!other || !order) {
        dx_free(other);
        dx_free(order);
        return false;
    }
    memset(other, -1, cap * 2 * sizeof *other);
    bool any = false;
    for (size_t i = 0; i < nn; i++) /* other[2*id(u) + 0/1]: the node of sin(u) / cos(u) */
        if (nodes[i]->kind == DX_CALL && (nodes[i]->fn == DX_SIN || nodes[i]->fn == DX_COS))
            other[2 * (size_t)nodes[i]->a[0]->id + (nodes[i]->fn == DX_COS)] = (int32_t)i;
    size_t k = 0;
    for (size_t i = 0; i < nn; i++) {
        const dx_expr *x = nodes[i];
        if (!x)
            continue;
        order[k++] = x;
        if (x->kind == DX_CALL && (x->fn == DX_SIN || x->fn == DX_COS)) {
            int32_t j = other[2 * (size_t)x->a[0]->id + (x->fn == DX_SIN)];
            if (j > (int32_t)i) {
                order[k++] = nodes[j];
                nodes[j] = NULL;
                any = true;
            }
        }
    }
    if (any)
        memcpy(nodes, order, nn * sizeof *nodes);
    dx_free(other);
    dx_free(order);
    return true;
}

/* The instruction for a computing node x (operand slots already known through slot_of). */
static void encode(instr *in, const dx_expr *x, const int32_t *slot_of, uint32_t *argv, uint32_t *na)
{
    in->args = *na;
    switch (x->kind) {
    case DX_GUARD: /* body + each condition's 0, or NaN where one fails */
    case DX_ADD:
    case DX_MUL:
        in->op = x->kind == DX_MUL ? OP_MUL : OP_ADD;
        in->nargs = x->n;
        for (uint32_t j = 0; j < x->n; j++)
            argv[(*na)++] = (uint32_t)slot_of[x->a[j]->id];
        return;
    case DX_POW: {
        const dx_expr *ex = x->a[1];
        int64_t k;
        argv[(*na)++] = (uint32_t)slot_of[x->a[0]->id];
        in->nargs = 1;
        in->fn = x->a[0]->kind == DX_CONST && x->a[0]->fn == DX_E;
        if (ex->kind == DX_NUM && dx_num_get_int(&ex->u.num, &k)) {
            in->op = OP_POWI;
            in->k = k;
            in->guard = k < 0;
        } else if (ex->kind == DX_NUM) {
            dx_num nu = dx_num_numer(&ex->u.num), de = dx_num_denom(&ex->u.num);
            int64_t pn = 0, pq = 0;
            bool small = dx_num_get_int(&nu, &pn) && dx_num_get_int(&de, &pq);
            in->op = OP_POWQ;
            in->c = dx_num_to_double(&ex->u.num);
            in->k = !small || !(pq & 1) ? ROOT_NONE : (pn & 1) ? ROOT_NEG : ROOT_POS;
            in->pn = small ? pn : 0;
            in->pq = small ? pq : 0;
            in->guard = in->c < 0;
            dx_num_clear(&nu);
            dx_num_clear(&de);
        } else if (x->a[0]->kind == DX_CONST && x->a[0]->fn == DX_E) {
            in->op = OP_EXP; /* exp(u), not pow(2.718..., u): exact e, and faster */
            argv[*na - 1] = (uint32_t)slot_of[ex->id];
            in->guard = 1;
        } else {
            in->op = OP_POW;
            argv[(*na)++] = (uint32_t)slot_of[ex->id];
            in->nargs = 2;
            in->guard = 1;
        }
        return;
    }
    case DX_CALL:
        in->op = OP_CALL;
        in->fn = x->fn;
        in->nargs = 1;
        in->guard = (dx_fns[x->fn].flags & DX_FN_FLAT) != 0; /* the others keep inf or NaN */
        argv[(*na)++] = (uint32_t)slot_of[x->a[0]->id];
        return;
    case DX_COND:
        in->op = OP_COND;
        in->fn = x->fn;
        in->nargs = 1;
        in->cond = x;
        argv[(*na)++] = (uint32_t)slot_of[x->a[0]->id];
        return;
    }
}

static double const_value(const dx_expr *x)
{
    if (x->kind == DX_NUM)
        return dx_num_to_double(&x->u.num);
    return x->fn == DX_E ? 2.718281828459045235 : 3.141592653589793238;
}

/* Registers for the temporaries: a register is free again after its value's last reader, so
 * a long expression needs only as many registers as values live at once. dst of each
 * instruction set; returns the number of registers, or 0 without memory. */
static uint32_t allocate(dx_prog *p, uint32_t first_reg, const uint32_t *slot_instr)
{
    uint32_t *last = dx_malloc((size_t)p->nslots * sizeof *last), *freel = dx_malloc(((size_t)p->ncode + 1) * sizeof *freel);
    if (!last || !freel) {
        dx_free(last);
        dx_free(freel);
        return 0;
    }
    for (uint32_t s = 0; s < p->nslots; s++)
        last[s] = UINT32_MAX; /* never read: the result */
    for (uint32_t i = 0; i < p->ncode; i++)
        for (uint32_t j = 0; j < p->code[i].nargs; j++)
            last[p->argv[p->code[i].args + j]] = i;
    uint32_t nfree = 0, next = first_reg;
    for (uint32_t i = 0; i < p->ncode; i++) {
        instr *in = &p->code[i];
        /* the destination never shares a register with an operand: ADD writes r before
         * reading its later terms */
        in->dst = nfree ? freel[--nfree] : next++;
        for (uint32_t j = 0; j < in->nargs; j++) {
            uint32_t s = p->argv[in->args + j];
            if (last[s] == i && slot_instr[s] != UINT32_MAX) {
                last[s] = UINT32_MAX - 1; /* freed once even when read twice (x*x) */
                freel[nfree++] = p->code[slot_instr[s]].dst;
            }
        }
    }
    dx_free(last);
    dx_free(freel);
    return next;
}

/* Point the constant and computed slots at their registers (after a replay pointed them elsewhere). */
static void bind(dx_prog *p)
{
    for (uint32_t s = 0; s < p->nslots; s++)
        if (p->home[s])
            p->slot[s] = p->home[s];
}

dx_prog *(dx_compile)(dx_ctx *ctx, const dx_expr *e, const char *const *vars, size_t nvars)
{
    if (e)
        dx_ctx_clear_error(ctx); /* else an earlier call failed: its error stands */
    dx_prog *p = dx_compile_in(ctx, e, vars, nvars);
    if (p)
        p->ctx = NULL; /* the caller's: it may outlive the context */
    return p;
}

dx_prog *dx_compile_in(dx_ctx *ctx, const dx_expr *e, const char *const *vars, size_t nvars)
{
    if (!e)
        return NULL;
    size_t cap = dx_node_count(ctx) + 1, nn = 0, nargs = 0;
    int32_t *slot_of = dx_malloc(cap * sizeof *slot_of);
    const dx_expr **nodes = NULL;
    uint32_t *slot_instr = NULL;
    dx_prog *p = dx_calloc(1, sizeof *p);
    if (!slot_of || !p)
        goto oom;
    memset(slot_of, -1, cap * sizeof *slot_of);
    nodes = collect(e, cap, &nn, &nargs, slot_of);
    if (!nodes)
        goto oom;
    if (!pair_sincos(nodes, nn, cap))
        goto oom;
    p->nslots = (uint32_t)nn;
    p->nvars = nvars;
    p->ctx = ctx;
    p->nargs = nargs;
    p->code = dx_calloc(nn, sizeof *p->code);
    p->argv = dx_malloc((nargs + 1) * sizeof *p->argv);
    p->slot = dx_calloc(nn, sizeof *p->slot);
    p->home = dx_calloc(nn, sizeof *p->home);
    p->var_of = dx_malloc(nn * sizeof *p->var_of);
    p->replay = dx_calloc(nn * DX_LANES, sizeof *p->replay);
    p->tail = dx_calloc((nvars ? nvars : 1) * DX_BLOCK, sizeof *p->tail);
    slot_instr = dx_malloc(nn * sizeof *slot_instr);
    if (!p->code || !p->argv || !p->slot || !p->home || !p->var_of || !p->replay || !p->tail || !slot_instr)
        goto oom;
    uint32_t na = 0, nconst = 0;
    for (size_t i = 0; i < nn; i++) {
        const dx_expr *x = nodes[i];
        slot_of[x->id] = (int32_t)i;
        p->var_of[i] = -1;
        slot_instr[i] = UINT32_MAX;
        if (x->kind == DX_NUM || x->kind == DX_CONST) {
            p->replay[i * DX_LANES] = const_value(x);
            nconst++;
        } else if (x->kind == DX_SYM) {
            size_t k = 0;
            while (k < nvars && strcmp(vars[k], x->u.name) != 0)
                k++;
            if (k == nvars) {
                dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_NO_VALUE, DX_S(x->u.name));
                goto fail;
            }
            p->var_of[i] = (int64_t)k;
        } else {
            slot_instr[i] = p->ncode;
            p->code[p->ncode].self = (uint32_t)i;
            encode(&p->code[p->ncode++], x, slot_of, p->argv, &na);
        }
    }
    for (uint32_t i = 0; i + 1 < p->ncode; i++) {
        instr *a = &p->code[i], *b = &p->code[i + 1];
        if (a->op == OP_CALL && b->op == OP_CALL && (a->fn == DX_SIN || a->fn == DX_COS) &&
            b->fn == (a->fn == DX_SIN ? DX_COS : DX_SIN) && p->argv[a->args] == p->argv[b->args]) {
            a->op = OP_SINCOS;
            b->op = OP_DONE;
        }
    }
    p->result = slot_of[e->id] >= 0 ? (uint32_t)slot_of[e->id] : p->nslots - 1;
    uint32_t nregs = allocate(p, nconst, slot_instr);
    if (!nregs && p->ncode)
        goto oom;
    /* zeroed: the padding lanes of a short block compute on whatever the registers hold */
    p->regs = dx_calloc(((size_t)(nregs > nconst ? nregs : nconst) + 1) * DX_BLOCK, sizeof *p->regs);
    if (!p->regs)
        goto oom;
    for (uint32_t s = 0, kc = 0; s < p->nslots; s++) {
        if (p->var_of[s] < 0 && slot_instr[s] == UINT32_MAX) {
            double *r = p->regs + (size_t)kc++ * DX_BLOCK;
            for (size_t j = 0; j < DX_BLOCK; j++)
                r[j] = p->replay[s * DX_LANES];
            p->home[s] = r;
        }
    }
    for (uint32_t i = 0; i < p->ncode; i++)
        p->home[p->code[i].self] = p->regs + (size_t)p->code[i].dst * DX_BLOCK;
    bind(p);
    dx_free(slot_of);
    dx_free(nodes);
    dx_free(slot_instr);
    return p;
oom:
    dx_oom(ctx);
fail:
    dx_free(slot_of);
    dx_free(nodes);
    dx_free(slot_instr);
    dx_prog_free(p);
    return NULL;
}

static double powi(double b, int64_t k)
{
    /* repeated squaring: exact for small integer powers, unlike pow() on some libms */
    uint64_t m = k < 0 ? 0 - (uint64_t)k : (uint64_t)k;
    double r = 1, x = b;
    while (m) {
        if (m & 1)
            r *= x;
        x *= x;
        m >>= 1;
    }
    return k < 0 ? 1 / r : r;
}

static double powq(double b, const instr *in)
{
    if (in->pq == 3 && in->pn >= -6 && in->pn <= 6)
        return powi(cbrt(b), in->pn); /* the real cube root, signed, exact on cubes: pow with
                                         2/3 rounded to a double makes (-8)^(2/3) 3.9999.. */
    if (b < 0) {
        if (in->k == ROOT_NONE)
            return NAN;
        double r = pow(-b, in->c);
        return in->k == ROOT_NEG ? -r : r;
    }
    if (b == 0 && in->c < 0)
        return INFINITY;
    return pow(b, in->c);
}

static double general_pow(double b, double x)
{
    if (b < 0 && x != floor(x))
        return NAN;
    if (b == 0 && x <= 0)
        return NAN; /* 0^0 and 0^negative have no value here (pow says 1 and inf) */
    return pow(b, x);
}

/* Arithmetic runs on DX_LANES points at a time through GCC's vector extension: the same
 * IEEE operations in the same order as one point at a time, so every lane is bit for bit what
 * a scalar loop gives, whichever width the CPU has (the avx2 clone below or SSE2 pairs). */
typedef double lanes __attribute__((vector_size(DX_LANES * sizeof(double))));
typedef int64_t llanes __attribute__((vector_size(DX_LANES * sizeof(int64_t)))); /* masks */
static const lanes nan_lanes = {NAN, NAN, NAN, NAN};

/* Compiled twice, for AVX2 and for any x86_64, the CPU picking one when the library loads
 * (GCC's function multi-versioning); the same operations either way. The sanitizer builds
 * keep one portable copy: their checks then cover the code every CPU can run, and the
 * resolver GCC emits runs before ThreadSanitizer's runtime is up (it crashed before main). */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__) && !defined(__SANITIZE_ADDRESS__) &&              \
    !defined(__SANITIZE_THREAD__)
#define DX_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define DX_CLONES
#endif

/* Loads and stores of whole lanes anywhere in a column (aligned to a double only) */
typedef double lanes_u __attribute__((vector_size(DX_LANES * sizeof(double)), aligned(sizeof(double)), may_alias));
#define ld(a) (*(const lanes_u *)(a))
#define st(r, v) (*(lanes_u *)(r) = (v))

/* One instruction over points [0, m), and over the padding up to a multiple of DX_LANES
 * (whatever it holds: its lanes are never read back). a is the first operand, poison collects
 * NaN wherever an operand of a guarded op was not finite. */
DX_CLONES static void run_instr(const dx_prog *p, const instr *in, size_t m, double *poison)
{
    double *r = p->slot[in->self];
    const uint32_t *av = p->argv + in->args;
    const double *a = p->slot[av[0]];
    size_t mv = (m + DX_LANES - 1) / DX_LANES * DX_LANES;
    if (in->guard)
        for (uint32_t k = 0; k < in->nargs; k++) {
            const double *g = p->slot[av[k]];
            for (size_t j = 0; j < mv; j += DX_LANES)
                st(poison + j, ld(poison + j) + ld(g + j) * 0.0); /* 0, or NaN for inf and NaN */
        }
    switch ((op_kind)in->op) {
    case OP_ADD:
    case OP_MUL: {
        const double *b = p->slot[av[1]];
        uint32_t n = in->nargs;
        if (in->op == OP_ADD)
            for (size_t j = 0; j < mv; j += DX_LANES) {
                lanes v = ld(a + j) + ld(b + j);
                for (uint32_t k = 2; k < n; k++)
                    v += ld(p->slot[av[k]] + j);
                st(r + j, v);
            }
        else
            for (size_t j = 0; j < mv; j += DX_LANES) {
                lanes v = ld(a + j) * ld(b + j);
                for (uint32_t k = 2; k < n; k++)
                    v *= ld(p->slot[av[k]] + j);
                st(r + j, v);
            }
        break;
    }
    case OP_POWI:
        switch (in->k) {
        case 2: for (size_t j = 0; j < mv; j += DX_LANES) { lanes x = ld(a + j); st(r + j, x * x); } break;
        case 3: for (size_t j = 0; j < mv; j += DX_LANES) { lanes x = ld(a + j); st(r + j, x * x * x); } break;
        case -1: for (size_t j = 0; j < mv; j += DX_LANES) st(r + j, 1 / ld(a + j)); break;
        case -2: for (size_t j = 0; j < mv; j += DX_LANES) { lanes x = ld(a + j); st(r + j, 1 / (x * x)); } break;
        default: for (size_t j = 0; j < m; j++) r[j] = powi(a[j], in->k); break;
        }
        break;
    case OP_POWQ:
        if (in->pn == 1 && in->pq == 2)
            dx_vm_sqrt(a, r, mv); /* NaN below 0 */
        else if (in->pn == -1 && in->pq == 2)
            dx_vm_rsqrt(a, r, mv);
        else if (p->fast && in->pq == 3 && in->pn >= -6 && in->pn <= 6) {
            dx_vm_cbrt(a, r, mv); /* signed, like powq's cube roots */
            if (in->pn != 1)
                for (size_t j = 0; j < m; j++)
                    r[j] = powi(r[j], in->pn);
        } else if (p->fast && in->pq != 3) {
            dx_vecmath_pow(a, NULL, in->c, r, mv);
            for (size_t j = 0; j < m; j++)
                if (!(a[j] > 0))
                    r[j] = powq(a[j], in); /* the sign and domain rules */
        } else
            for (size_t j = 0; j < m; j++)
                r[j] = powq(a[j], in);
        break;
    case OP_POW: {
        const double *b = p->slot[av[1]];
        if (p->fast) {
            dx_vecmath_pow(a, b, 0, r, mv);
            for (size_t j = 0; j < m; j++)
                if (!(a[j] > 0))
                    r[j] = general_pow(a[j], b[j]);
        } else
            for (size_t j = 0; j < m; j++)
                r[j] = general_pow(a[j], b[j]);
        break;
    }
    case OP_EXP:
        if (p->fast)
            dx_vm_exp(a, r, mv);
        else
            for (size_t j = 0; j < m; j++)
                r[j] = exp(a[j]);
        break;
    case OP_CALL: {
        const dx_fn *row = &dx_fns[in->fn];
        if (p->fast && row->vec) {
            row->vec(a, r, mv);
            break;
        }
        for (size_t j = 0; j < m; j++)
            r[j] = row->eval(a[j]);
        break;
    }
    case OP_SINCOS: {
        double *o = p->slot[in[1].self];
        double *sn = in->fn == DX_SIN ? r : o, *cs = in->fn == DX_SIN ? o : r;
        if (p->fast) {
            dx_vecmath_sincos(a, sn, cs, mv);
            break;
        }
        for (size_t j = 0; j < m; j++) {
#ifdef __GLIBC__
            sincos(a[j], &sn[j], &cs[j]);
#else
            sn[j] = sin(a[j]);
            cs[j] = cos(a[j]);
#endif
        }
        break;
    }
    case OP_DONE:
        break;
    case OP_COND: {
        const lanes zero = {0};
        for (size_t j = 0; j < mv; j += DX_LANES) {
            lanes g = ld(a + j);
            llanes ok = in->fn == DX_REL_NE0 ? (g != 0) & (g == g) : in->fn == DX_REL_GE0 ? g >= 0 : g > 0;
            st(r + j, (lanes)(((llanes)zero & ok) | ((llanes)nan_lanes & ~ok)));
        }
        break;
    }
    }
}

DX_CLONES size_t dx_prog_eval_n(dx_prog *p, size_t n, const double *const *cols, double *out)
{
    if (!spend(p, n)) { /* out of work: no point has a value */
        for (size_t i = 0; i < n; i++)
            out[i] = NAN;
        return n;
    }
    size_t bad = 0;
    double poison[DX_BLOCK];
    for (size_t base = 0; base < n; base += DX_BLOCK) {
        size_t m = n - base < DX_BLOCK ? n - base : DX_BLOCK;
        /* a short block reads its variables from a copy padded to whole lanes */
        bool pad = m % DX_LANES != 0;
        for (uint32_t s = 0; s < p->nslots; s++) {
            int64_t k = p->var_of[s];
            if (k < 0)
                continue;
            p->slot[s] = (double *)(cols[k] + base);
            if (pad) {
                double *t = p->tail + (size_t)k * DX_BLOCK;
                memcpy(t, cols[k] + base, m * sizeof *t);
                p->slot[s] = t;
            }
        }
        memset(poison, 0, sizeof poison);
        for (uint32_t i = 0; i < p->ncode; i++)
            run_instr(p, &p->code[i], m, poison);
        /* outside the domain when the value or a guarded operand is not finite: exp(-1/x) at
         * 0 must not pass as exp(-inf) = 0 */
        const double *res = p->slot[p->result];
        double *o = out + base;
        size_t j = 0;
        for (; j + DX_LANES <= m; j += DX_LANES) {
            lanes v = ld(res + j), t = v * 0.0 + ld(poison + j); /* NaN where not finite */
            llanes ok = t == t;
            st(o + j, (lanes)(((llanes)v & ok) | ((llanes)nan_lanes & ~ok)));
            for (int l = 0; l < DX_LANES; l++)
                bad += ok[l] == 0;
        }
        for (; j < m; j++) {
            double v = res[j];
            bool ok = isfinite(v) && !isnan(poison[j]);
            o[j] = ok ? v : NAN;
            bad += !ok;
        }
    }
    return bad;
}

bool dx_prog_set_fast(dx_prog *p, bool fast)
{
    p->fast = fast;
    return dx_vecmath_ok();
}

/* The exponent of a POWQ instruction as text: "1/3", or its double. */
static void fmt_exponent(char *buf, size_t n, const instr *in)
{
    if (in->pq)
        snprintf(buf, n, "%lld/%lld", (long long)in->pn, (long long)in->pq);
    else
        dx_fmt_double(buf, n, in->c);
}

/* Why the one point just run failed: the program is replayed with one value per slot, and
 * the first instruction whose operands are finite but whose value is not is named. */
static void explain(dx_prog *p, dx_ctx *ctx)
{
    double *v = p->replay;
#define V(s) v[(size_t)(s) * DX_LANES]
    for (uint32_t s = 0; s < p->nslots; s++) {
        V(s) = p->slot[s][0]; /* constants and the point's variables; the rest is recomputed */
        p->slot[s] = &V(s);
    }
    for (uint32_t i = 0; i < p->ncode; i++) {
        const instr *in = &p->code[i];
        const uint32_t *av = p->argv + in->args;
        double poison[DX_LANES] = {0};
        run_instr(p, in, 1, poison);
        double val = V(in->self), a = V(av[0]);
        bool args_ok = true;
        for (uint32_t k = 0; k < in->nargs; k++)
            args_ok &= isfinite(V(av[k]));
        if (!args_ok || isfinite(val))
            continue;
        bind(p);
        char t[40];
        dx_arg s = DX_D(a);
        switch ((op_kind)in->op) {
        case OP_CALL:
        case OP_SINCOS:
        case OP_DONE: {
            const dx_fn *row = &dx_fns[in->fn];
            bool overflow = !isnan(val) && row->domain == DX_DOM_ALL;
            dx_fail(ctx, DX_EDOMAIN, -1, -1, overflow ? DX_M_FN_OVERFLOW : dx_domain_msg[row->domain], DX_S(row->name), s);
            return;
        }
        case OP_EXP:
            dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_EXP_OVERFLOW, s);
            return;
        case OP_POWI:
        case OP_POWQ:
            fmt_exponent(t, sizeof t, in);
            if (in->op == OP_POWI)
                snprintf(t, sizeof t, "%lld", (long long)in->k);
            if (a == 0)
                dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_DIV_ZERO); /* a power of 0 below the bar */
            else if (in->op == OP_POWQ && in->pn == 1 && in->pq == 2)
                dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_SQRT_DOMAIN, s);
            else if (a < 0 && in->op == OP_POWQ)
                dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_EVEN_ROOT, s, DX_S(t));
            else if (in->fn)
                dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_EXP_OVERFLOW, DX_S(t));
            else
                dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_POW_OVERFLOW, s, DX_S(t));
            return;
        case OP_POW: {
            dx_arg b = DX_D(V(av[1]));
            if (a < 0)
                dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_FRACTIONAL_POWER, s, b);
            else if (a == 0)
                dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_ZERO_POWER, b);
            else
                dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_POW_OVERFLOW_BARE, s, b);
            return;
        }
        case OP_ADD:
        case OP_MUL:
            dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_VALUE_OVERFLOW);
            return;
        case OP_COND:
            dx_fail_msg(ctx, DX_EDOMAIN, -1, -1, dx_cond_msg(in->cond));
            return;
        }
    }
    bind(p);
    /* only a variable's own value can be left: an infinite or NaN input */
    for (uint32_t s = 0; s < p->nslots; s++)
        if (p->var_of[s] >= 0 && !isfinite(V(s))) {
            dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_NOT_FINITE, DX_D(V(s)));
            return;
        }
    dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_VALUE_OVERFLOW);
}
#undef V

dx_status (dx_prog_eval)(dx_prog *p, dx_ctx *ctx, const double *vals, double *out)
{
    dx_ctx_clear_error(ctx);
    return dx_prog_eval_in(p, ctx, vals, out);
}

dx_status dx_prog_eval_in(dx_prog *p, dx_ctx *ctx, const double *vals, double *out)
{
    const double *cols[64];
    const double **heap = NULL, **w = cols;
    if (p->nvars > 64) {
        heap = dx_malloc(p->nvars * sizeof *heap);
        if (!heap) {
            dx_oom(ctx);
            return DX_ENOMEM;
        }
        w = heap;
    }
    for (size_t k = 0; k < p->nvars; k++)
        w[k] = &vals[k];
    size_t bad = dx_prog_eval_n(p, 1, w, out);
    dx_free(heap);
    if (dx_stopped(ctx))
        return DX_ELIMIT; /* no value for want of work, not outside the domain */
    if (bad)
        explain(p, ctx);
    return bad ? DX_EDOMAIN : DX_OK;
}

dx_status dx_eval_const(dx_ctx *ctx, const dx_expr *e, double *out)
{
    dx_precise pr;
    if (dx_precise_eval(ctx, e, &pr) == DX_PRECISE_VALUE) {
        dx_ctx_clear_error(ctx);
        *out = pr.v;
        return DX_OK;
    }
    return dx_eval_doubles(ctx, e, out); /* the domain's messages, a double's overflow */
}

dx_status dx_eval_doubles(dx_ctx *ctx, const dx_expr *e, double *out)
{
    dx_prog *p = dx_compile(ctx, e, NULL, 0);
    if (!p)
        return dx_ctx_error(ctx)->status;
    dx_status st = dx_prog_eval(p, ctx, NULL, out);
    dx_prog_free(p);
    return st;
}
