/* The expression store: a context's arena of hash-consed, canonical nodes. */
#ifndef DX_EXPR_H
#define DX_EXPR_H

#include "dfdx.h"
#include "num.h"
#include "stack.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

/* ORDER KIND: the canonical order of terms and factors starts with the kind. */
typedef enum dx_kind { DX_NUM, DX_CONST, DX_SYM, DX_POW, DX_MUL, DX_ADD, DX_CALL, DX_GUARD, DX_COND } dx_kind;
/* A condition's relation to 0 (DX_COND's fn). ORDER REL: the messages of dx_cond_msg. */
typedef enum dx_rel { DX_REL_NE0, DX_REL_GE0, DX_REL_GT0 } dx_rel;
typedef enum dx_constant { DX_E, DX_PI } dx_constant;

/* Children are built before their parents, so a child's id is always smaller: sorting
 * nodes by id is a topological order (the evaluator compiles in that order). */
struct dx_expr {
    uint8_t kind;   /* dx_kind */
    uint8_t fn;     /* DX_CALL: dx_fn_id; DX_CONST: dx_constant */
    uint32_t n;     /* number of children */
    uint32_t id;
    uint32_t depth; /* 1 for a leaf */
    uint64_t hash;  /* from content only (never addresses), so orders are reproducible */
    uint64_t vmask; /* one bit per variable name hash: a clear bit means "free of it" */
    union {
        dx_num num;       /* DX_NUM */
        const char *name; /* DX_SYM, owned by the context */
    } u;
    dx_expr *a[];   /* DX_ADD terms, DX_MUL factors, DX_POW {base, exponent}, DX_CALL args,
                       DX_GUARD {body, conditions...}, DX_COND {g, origin} (see dx_guard) */
};

/* Deepest expression a context builds: recursion over nodes (diff, print, compile) stays
 * far from the C stack limit, and the parser reports deeper input as an error. */
#define DX_MAX_DEPTH 4000
#define DX_DEFAULT_BUDGET ((size_t)20 * 1000 * 1000)

/* The stack a context's calls may use (dx_ctx_set_stack; stack.c): floor 0 when unset. */
struct dx_stack {
    uintptr_t floor; /* the lowest address a pass may reach */
    size_t size;     /* bytes given, for the message */
};
DX_HIDDEN struct dx_stack *dx_ctx_stack(dx_ctx *ctx);

/* A catalogue row as plain text in label[size] (a picture's labels are fixed-size text); false
 * (with the context's error) when out of memory. */
DX_HIDDEN bool dx_msg_label(dx_ctx *ctx, dx_msg m, char *label, size_t size);

/* Inside the library a public call is part of its caller's call and keeps the caller's error
 * (an out-of-memory that a fallback answered must still end the call as DX_ENOMEM); only a call
 * from outside starts clean. So library code reaches these through their _in twins. */
DX_HIDDEN dx_expr *dx_diff_in(dx_ctx *ctx, dx_expr *e, const char *var, unsigned order);
DX_HIDDEN dx_expr *dx_simplify_in(dx_ctx *ctx, dx_expr *e);
DX_HIDDEN dx_prog *dx_compile_in(dx_ctx *ctx, const dx_expr *e, const char *const *vars, size_t nvars);
DX_HIDDEN dx_status dx_prog_eval_in(dx_prog *p, dx_ctx *ctx, const double *vals, double *out);
DX_HIDDEN size_t dx_vars_in(dx_ctx *ctx, const dx_expr *e, const char ***names);
#define dx_diff(...) dx_diff_in(__VA_ARGS__)
#define dx_simplify(...) dx_simplify_in(__VA_ARGS__)
#define dx_compile(...) dx_compile_in(__VA_ARGS__)
#define dx_prog_eval(...) dx_prog_eval_in(__VA_ARGS__)
#define dx_vars(...) dx_vars_in(__VA_ARGS__)

/* Message arguments: DX_MSG(DX_M_POLE, DX_S("tan"), DX_E(at)) is the message with its
 * arguments; DX_MSG(DX_M_DIV_ZERO) one without. */
#define DX_S(x) ((dx_arg){DX_ARG_STR, {.s = (x)}})
#define DX_E(x) ((dx_arg){DX_ARG_EXPR, {.e = (x)}})
#define DX_D(x) ((dx_arg){DX_ARG_NUM, {.d = (x)}})
#define DX_I(x) ((dx_arg){DX_ARG_INT, {.i = (long long)(x)}})
#define DX_N(x) ((dx_arg){DX_ARG_MSG, {.m = (x)}})
#define DX_MSG(id, ...)                                                                         \
    dx_msg_make((id), (const dx_arg[]){{DX_ARG_NONE, {0}}, __VA_ARGS__} + 1,                    \
                sizeof((const dx_arg[]){{DX_ARG_NONE, {0}}, __VA_ARGS__}) / sizeof(dx_arg) - 1)
DX_HIDDEN dx_msg dx_msg_make(dx_msg_id id, const dx_arg *args, size_t n);
/* A copy of m in the context's arena, to nest in another message with DX_N (its cause);
 * NULL (and DX_ENOMEM) without memory. */
DX_HIDDEN const dx_msg *dx_msg_keep(dx_ctx *ctx, dx_msg m);

/* Record an error on the context (the first of a call is kept: later ones are its
 * consequences); string arguments are copied into the context. Returns NULL so callers can
 * `return dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_DIV_ZERO)`. */
#define dx_fail(ctx, st, pos, end, ...) dx_fail_msg((ctx), (st), (pos), (end), DX_MSG(__VA_ARGS__))
DX_HIDDEN void *dx_fail_msg(dx_ctx *ctx, dx_status st, long pos, long end, dx_msg m);
/* e printed in fmt, appended to b; a failed print sets b->oom (its error is on ctx). */
DX_HIDDEN void dx_buf_expr(dx_buf *b, dx_ctx *ctx, const dx_expr *e, dx_format fmt);
/* e in plain form as a JSON string appended to b (the renderers' one way to put an expression
 * in JSON); a failed print sets b->oom. */
DX_HIDDEN void dx_json_expr(dx_buf *b, dx_ctx *ctx, const dx_expr *e);
/* Did the context's error come from a value too large for a double (exp(800))? */
DX_HIDDEN bool dx_overflowed(const dx_ctx *ctx);
/* dx_fail(ctx, DX_ENOMEM, -1, -1, DX_M_OUT_OF_MEMORY) */
DX_HIDDEN void *dx_oom(dx_ctx *ctx);
/* Copy of s[0..len) in the context's arena, NUL-terminated; NULL without memory. */
DX_HIDDEN const char *dx_strndup(dx_ctx *ctx, const char *s, size_t len);
DX_HIDDEN bool dx_failed(const dx_ctx *ctx);
/* Forget the error of an attempt a fallback answers for, unless memory or the stack ran out:
 * that ends the call. Returns whether the call may go on. */
DX_HIDDEN bool dx_recover(dx_ctx *ctx);
/* Spend units of the work budget (dx_ctx_set_work): false, with the context's error "too much
 * work" or "interrupted", when it ran out or progress said stop. Every node built counts one
 * (intern); a numeric loop that builds none counts its points or steps here. */
DX_HIDDEN bool dx_work(dx_ctx *ctx, uint64_t units);
/* A part of a call that may be given up, its answer being whole without it (check's search
 * for the slip): dx_work_part lets it spend half the units left and returns the bound to give
 * dx_work_part_end, which lifts the part's own stop; Ctrl-C's stays. */
DX_HIDDEN uint64_t dx_work_part(dx_ctx *ctx);
DX_HIDDEN void dx_work_part_end(dx_ctx *ctx, uint64_t limit);
/* Has the work budget run out (or progress said stop)? Then every call fails until it is set. */
DX_HIDDEN bool dx_stopped(const dx_ctx *ctx);
/* The status a call that recovers from failed attempts ends with: st, or DX_ENOMEM when memory
 * ran out on the way (GMP's included), although a fallback answered. */
DX_HIDDEN dx_status dx_end(dx_ctx *ctx, dx_status st);
/* Memory from the context's arena, released with the context. NULL (and an error) if out. */
DX_HIDDEN void *dx_alloc(dx_ctx *ctx, size_t size);
DX_HIDDEN size_t dx_node_count(const dx_ctx *ctx);
/* The node budget dx_ctx_set_budget last set (a call that lowers it for a while restores it). */
DX_HIDDEN size_t dx_ctx_budget(const dx_ctx *ctx);
/* dx_ctx_set_decimals, unless dx_ctx_set_exact asked for fractions: dx_print writes the
 * rationals that end as decimals. */
DX_HIDDEN bool dx_print_decimals(const dx_ctx *ctx);
/* The context's named expressions (session.c owns their shape). */
DX_HIDDEN struct dx_def **dx_ctx_defs(dx_ctx *ctx);

/* Leaves. dx_number copies *v. */
DX_HIDDEN dx_expr *dx_number(dx_ctx *ctx, const dx_num *v);
DX_HIDDEN dx_expr *dx_int(dx_ctx *ctx, int64_t v);
DX_HIDDEN dx_expr *dx_frac(dx_ctx *ctx, int64_t n, int64_t d);
DX_HIDDEN dx_expr *dx_sym(dx_ctx *ctx, const char *name, size_t len);
DX_HIDDEN dx_expr *dx_const(dx_ctx *ctx, dx_constant c);

/* Smart constructors: canonicalise, then intern. Every one returns NULL when an argument is
 * NULL or on failure (with the error recorded), so failures propagate without checks. */
DX_HIDDEN dx_expr *dx_add(dx_ctx *ctx, dx_expr *a, dx_expr *b);
DX_HIDDEN dx_expr *dx_add_n(dx_ctx *ctx, dx_expr *const *terms, size_t n);
DX_HIDDEN dx_expr *dx_sub(dx_ctx *ctx, dx_expr *a, dx_expr *b);
DX_HIDDEN dx_expr *dx_neg(dx_ctx *ctx, dx_expr *a);
DX_HIDDEN dx_expr *dx_mul(dx_ctx *ctx, dx_expr *a, dx_expr *b);
DX_HIDDEN dx_expr *dx_mul_n(dx_ctx *ctx, dx_expr *const *factors, size_t n);
DX_HIDDEN dx_expr *dx_div(dx_ctx *ctx, dx_expr *a, dx_expr *b);
DX_HIDDEN dx_expr *dx_pow(dx_ctx *ctx, dx_expr *base, dx_expr *exponent);
DX_HIDDEN dx_expr *dx_call(dx_ctx *ctx, int fn, dx_expr *arg);

/* Domains kept. A cancellation a constructor makes (x/x -> 1, sqrt(x)^2 -> x, e^ln(x) -> x,
 * 0*ln(x) -> 0, x^0 -> 1) drops the points where what was written is undefined; the result
 * keeps them as a guard: DX_GUARD {body, c1, c2, ...}, "body, defined only where every ci
 * holds". A condition DX_COND (fn a dx_rel) is {g} or {g, origin}: "g != 0" (> 0, >= 0),
 * origin the part that needed it (x^-1, ln(x), x^(1/2)), for messages only: it is neither
 * evaluated nor differentiated. Guards live only at the root: every constructor takes the
 * guards off its arguments and puts their conditions on its result, so every other node is
 * guard-free, and code that looks inside expressions sees a guard at most at the top
 * (dx_body). A guard prints as its body; it is a different node from it (x/x is not 1 at 0). */
/* Whether cancellations record the domain they drop; returns the previous setting. On while
 * the parser builds what was typed: a cancellation made on the way while differentiating or
 * simplifying (x*(1/x) in the derivative of x*ln(x)) drops nothing f's own guard and body do
 * not already say, and guards there would only cost the simplifier its forms. */
DX_HIDDEN bool dx_keep_domain(dx_ctx *ctx, bool on);
/* g rel 0 from the origin (NULL: none). A number g that satisfies it gives the number 1 (no
 * condition: dx_guard_n drops it); one that does not fails with DX_EDOMAIN. */
DX_HIDDEN dx_expr *dx_cond(dx_ctx *ctx, dx_rel rel, dx_expr *g, dx_expr *origin);
/* Condition c with its quantity now g (after a substitution): at a number g, 1 where c
 * holds, else a failure with c's own message ("1/x needs x ≠ 0"). */
DX_HIDDEN dx_expr *dx_cond_at(dx_ctx *ctx, const dx_expr *c, dx_expr *g, dx_expr *origin);
/* body under conditions (numbers among them are dropped, duplicates merged); body itself
 * when none is left. NULL when body or a condition is NULL. */
DX_HIDDEN dx_expr *dx_guard_n(dx_ctx *ctx, dx_expr *body, dx_expr *const *conds, size_t n);
/* The conditions e's own value needs (each denominator != 0, ln's argument > 0, even roots'
 * bases >= 0, ...) added to *conds (a dx_alloc'd list grown as needed); false on failure. */
DX_HIDDEN bool dx_domain_of(dx_ctx *ctx, const dx_expr *e, dx_expr ***conds, size_t *n, size_t *cap);
/* e without its guard: the formula as printed. */
static inline dx_expr *dx_body(dx_expr *e) { return e && e->kind == DX_GUARD ? e->a[0] : e; }
/* The message "origin needs g != 0" (> 0, >= 0) of a condition. */
DX_HIDDEN dx_msg dx_cond_msg(const dx_expr *cond);

/* Divisions that cancelled while building (x/x -> 1): their bases, each once, since the last
 * dx_holes_clear; at most DX_MAX_HOLES. Valid until the context is freed. */
#define DX_MAX_HOLES 16
DX_HIDDEN size_t dx_holes(const dx_ctx *ctx, dx_expr *const **out);
DX_HIDDEN void dx_holes_clear(dx_ctx *ctx);

/* Helpers over canonical nodes. */
static inline bool dx_is_num(const dx_expr *e) { return e->kind == DX_NUM; }
static inline bool dx_is_int(const dx_expr *e, int64_t v) { return e->kind == DX_NUM && dx_num_is(&e->u.num, v); }
DX_HIDDEN uint64_t dx_var_bit(const char *name, size_t len);
/* Does e depend on variable v (a DX_SYM node)? */
DX_HIDDEN bool dx_has(const dx_expr *e, const dx_expr *v);
/* Canonical total order (by content): negative, 0 or positive. */
DX_HIDDEN int dx_cmp(const dx_expr *a, const dx_expr *b);
/* Is t a term of a polynomial: a number times variables to whole positive powers? */
DX_HIDDEN bool dx_monomial(const dx_expr *t);
/* Split a term into numeric coefficient and the rest (rest is 1 for a number). */
DX_HIDDEN dx_expr *dx_term_split(dx_ctx *ctx, dx_expr *e, dx_num *coef);
/* -t for a term t with a negative coefficient, if the context holds that node already; else
 * (and for any other t) NULL. Makes nothing, so it costs no node of any budget. */
DX_HIDDEN const dx_expr *dx_find_abs_term(const dx_ctx *ctx, const dx_expr *t);

#endif
