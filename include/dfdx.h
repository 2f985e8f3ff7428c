/* dfdx: exact symbolic differentiation, and the numbers behind it. Public C API. */
#ifndef DFDX_H
#define DFDX_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(DX_BUILDING) && defined(__GNUC__)
#define DX_API __attribute__((visibility("default")))
#else
#define DX_API
#endif

#define DX_VERSION "0.1.0"

/* A context owns every expression built in it; dx_ctx_free releases them all at once. */
typedef struct dx_ctx dx_ctx;
/* An immutable, hash-consed expression: equal expressions of one context are one pointer. */
typedef struct dx_expr dx_expr;

/* What went wrong; the CLI maps each kind to an exit status (all of these are 2). */
typedef enum dx_status {
    DX_OK = 0,
    DX_ESYNTAX,  /* the text is not an expression */
    DX_EDOMAIN,  /* a value outside the real domain of a function, or division by zero */
    DX_ELIMIT,   /* nesting depth, input size or node budget exceeded */
    DX_EUSAGE,   /* a request that does not make sense (unknown variable, bad order, ...) */
    DX_ENOMEM
} dx_status;

typedef enum dx_format { DX_PLAIN, DX_LATEX } dx_format;
/* How a command's result is shown (the dx_show_* renderers): text, text with LaTeX
 * mathematics, or one JSON object. */
typedef enum dx_show { DX_SHOW_PLAIN, DX_SHOW_LATEX, DX_SHOW_JSON } dx_show;

/* --- messages: results and errors carry an id and arguments, never a sentence ----------- */

/* The ids of include/dfdx/messages.def, the one catalogue of what dfdx says. */
typedef enum dx_msg_id {
#define DX_MESSAGE(id, text) id,
#define DX_PLURAL(id, count, one, many) id,
#include "dfdx/messages.def"
#undef DX_MESSAGE
#undef DX_PLURAL
    DX_NMESSAGES
} dx_msg_id;

/* DX_ARG_MSG: a message nested in another, its cause ("f is not defined at the start: ln is
 * undefined at -1"), owned by the context. */
typedef enum dx_arg_kind { DX_ARG_NONE, DX_ARG_STR, DX_ARG_EXPR, DX_ARG_NUM, DX_ARG_INT, DX_ARG_MSG } dx_arg_kind;

/* One argument of a message. A string is owned by the context (or static); an expression
 * belongs to the context. */
typedef struct dx_arg {
    dx_arg_kind kind;
    union {
        const char *s;
        const dx_expr *e;
        double d;
        long long i;
        const struct dx_msg *m;
    } u;
} dx_arg;

#define DX_MSG_MAX_ARGS 6
typedef struct dx_msg {
    dx_msg_id id;
    unsigned nargs;
    dx_arg arg[DX_MSG_MAX_ARGS];
} dx_msg;

/* The English template of id ("{0} is undefined at {1}"; a plural row's singular); static. */
DX_API const char *dx_msg_template(dx_msg_id id);
/* A translation of an English template (the program passes gettext's): NULL restores English.
 * Set it before any context is made; it applies to every context. */
DX_API void dx_set_translator(const char *(*translate)(const char *english));
/* The same for the plural rows (a count in the sentence): the form for n of the English pair
 * (the program passes ngettext's). NULL: English's own rule, one for 1, many otherwise. */
DX_API void dx_set_plural_translator(const char *(*translate)(const char *one, const char *many, unsigned long n));
/* The message as text: the (translated) template with its arguments filled in, expressions
 * printed in fmt, numbers in dx_fmt_double's form. malloc'd; NULL without memory. */
DX_API char *dx_msg_text(dx_ctx *ctx, const dx_msg *m, dx_format fmt);
/* A growable string (include/dfdx/text.h), which every renderer writes into. */
typedef struct dx_buf dx_buf;
/* The same, appended to a buffer. */
DX_API void dx_msg_render(dx_ctx *ctx, dx_buf *b, const dx_msg *m, dx_format fmt);

/* The one number format of dfdx: the shortest decimal that reads back as v, without an
 * exponent where that reads better (1000, 0.001), "0" for -0, "inf"/"nan" as %g writes them.
 * buf of at least 32 bytes. */
DX_API void dx_fmt_double(char *buf, size_t n, double v);

/* --- contexts and errors -------------------------------------------------------------------- */

/* The error of a call. One convention for the whole API: a call that fails leaves its error
 * here; every call starts clean, so the error always belongs to the last call made on the
 * context (status DX_OK when it succeeded). pos/end are byte offsets into the parsed text
 * (-1: none); the program turns them into character columns. */
typedef struct dx_error {
    dx_status status;
    long pos, end;
    dx_msg msg;
} dx_error;

/* All the library's memory, GMP's included, comes from malloc_fn/realloc_fn/free_fn (ud passed
 * to each; NULL when out; realloc_fn(ud, NULL, n) allocates), set before the first dx_ctx_new
 * and not changed while anything the library allocated lives; what the library hands over
 * (dx_print's string, dx_buf_take's) is released with free_fn; NULL functions restore the C library's. */
DX_API void dx_set_allocator(void *(*malloc_fn)(void *ud, size_t size),
                             void *(*realloc_fn)(void *ud, void *p, size_t size),
                             void (*free_fn)(void *ud, void *p), void *ud);

/* For tests (like Lua's ltests.c), per thread: the n-th allocation from now fails (n >= 1) and
 * every one after it succeeds again; 0 switches it off. */
DX_API void dx_alloc_fail_at(unsigned long n);
/* Allocations this thread has asked for, failed ones included (for tests). */
DX_API unsigned long dx_alloc_count(void);

DX_API dx_ctx *dx_ctx_new(void);
DX_API void dx_ctx_free(dx_ctx *ctx);
/* Limit on the number of distinct nodes; building past it fails with DX_ELIMIT. */
DX_API void dx_ctx_set_budget(dx_ctx *ctx, size_t nodes);
/* Numbers as printed. With decimals set, every rational that ends as a decimal is printed as
 * one (0.9858*t, not 4929*t/5000; 1/3 stays 1/3): the program sets it for a command whose
 * formula was typed with a decimal point (dx_parse_info's decimals), and clears it before the
 * next, so one formula's numbers never change how another's print. dx_simplify (and so
 * dx_derivative) measures its candidate forms as they will print. exact true prints fractions
 * always (the program's --exact). Both start false. */
DX_API void dx_ctx_set_decimals(dx_ctx *ctx, bool decimals);
DX_API void dx_ctx_set_exact(dx_ctx *ctx, bool exact);
/* The stack. Passes that recurse once per level of an expression stop with DX_ELIMIT ("nested
 * too deeply for the stack") while a margin of the stack is left, wherever the depth limits
 * would still allow more. By default the library asks each thread how large its stack is
 * (Linux: pthread_getattr_np, the main thread's from its rlimit; WebAssembly: Emscripten's
 * stack). A caller on a stack the system does not know (a coroutine's, a fiber's), or that
 * wants to give less, says here how many bytes the calls on ctx may use below the frame that
 * calls dx_ctx_set_stack: calls on ctx must then come from that thread, from that frame or one
 * it calls. 0 returns to asking the thread. */
DX_API void dx_ctx_set_stack(dx_ctx *ctx, size_t bytes);
/* The work budget: a bound on time, counted in units that do not depend on the machine: one
 * per node built or looked up; for a compiled program the library runs, its length per point
 * evaluated (over 1536 instructions a unit) plus its dispatch per block of points (one point
 * alone costs 6 times a point in a block, as it takes that much longer); one per step of a
 * descent or a refinement. A context starts with DX_DEFAULT_WORK, a few seconds of the
 * slowest work (high derivatives, products of many sines); dx_ctx_set_work(ctx, units) gives
 * it that many units from now (0: no bound). A call that runs out stops with DX_ELIMIT and
 * the message "too much work: ..." (DX_M_TOO_MUCH_WORK); so does every call after it, until
 * the budget is set again: no result is built from a computation cut short. */
#define DX_DEFAULT_WORK 10000000ull
DX_API void dx_ctx_set_work(dx_ctx *ctx, unsigned long long units);
/* The units spent since the budget was last set. */
DX_API unsigned long long dx_ctx_work(const dx_ctx *ctx);
/* fn(user, done, budget) is called about every DX_PROGRESS_UNITS units of work, from the
 * thread doing it (budget 0: none set): to show progress, and to stop: when it returns false
 * the call stops as if out of work, with the message "interrupted" (DX_M_INTERRUPTED). The
 * program returns false after Ctrl-C. NULL: no calls. */
#define DX_PROGRESS_UNITS 65536ull
typedef bool (*dx_progress_fn)(void *user, unsigned long long done, unsigned long long budget);
DX_API void dx_ctx_set_progress(dx_ctx *ctx, dx_progress_fn fn, void *user);
/* The error of the last call (see dx_error); valid until the next call on ctx. */
DX_API const dx_error *dx_ctx_error(const dx_ctx *ctx);
/* That error's message as text in fmt (dx_msg_text); malloc'd, NULL without memory. */
DX_API char *dx_ctx_errmsg(dx_ctx *ctx, dx_format fmt);
DX_API void dx_ctx_clear_error(dx_ctx *ctx);

/* The longest text dx_parse reads (longer: DX_ELIMIT, DX_M_INPUT_TOO_LONG) and the longest plain
 * text dx_print writes (longer: DX_ELIMIT, DX_M_PRINT_TOO_LARGE): whatever prints, reads back. */
#define DX_MAX_TEXT 1000000
/* Parse text (len bytes, need not be NUL-terminated). NULL on error (see dx_ctx_error).
 * The result is canonical: a parsed "x + x" is already 2*x. It reads what students type
 * (xy as x*y, sin 2x, sin^2 x, |x|, f(x) = ...); dx_parse_ex says where that was a guess. */
DX_API dx_expr *dx_parse(dx_ctx *ctx, const char *text, size_t len);
/* Is s[0..len) a name (a variable's, a function's, a constant's) as the parser's scanner reads
 * names: a letter or '_', then letters, digits and '_'? */
DX_API bool dx_is_name(const char *s, size_t len);
/* The length of the name s[0..len) begins with (0 if none), for finding names in a text. */
DX_API size_t dx_name_len(const char *s, size_t len);
/* The one of names[0..n) nearest to word by edit distance (one edit for a word of up to 3
 * bytes, two for a longer one), for "did you mean ...?"; NULL when none is that near. word
 * itself is never its own suggestion. */
DX_API const char *dx_nearest(const char *word, const char *const *names, size_t n);

/* What the caller knows before a parse: names (from --var, or defined in a session) that stay
 * one variable where a run of letters would be read as a product (wx as w*x). */
typedef struct dx_parse_opts {
    const char *const *names;
    size_t nnames;
    /* read an equation lhs = rhs as lhs - rhs (an implicit curve F = 0), a leading "y =" part
     * of it; otherwise an equation is an error (DX_M_EQUATION) */
    bool equation;
} dx_parse_opts;

/* Where the parse had to guess, how it read the text: DX_M_NOTE_READ_AS ("read '{0}' as
 * {1}", the typed text and the expression read) for 'xy' as x*y, 'sinx' as sin(x), 'sin 2x'
 * as sin(2*x); at most DX_PARSE_MAX_NOTES, in the order their products close. */
#define DX_PARSE_MAX_NOTES 8
typedef struct dx_parse_info {
    size_t nnotes;
    dx_msg notes[DX_PARSE_MAX_NOTES];
    bool decimals; /* a number was typed with a decimal point (5.3, 1.5e3): see dx_ctx_set_decimals */
} dx_parse_info;

/* dx_parse with options (opts may be NULL) and its notes in *info (may be NULL; filled on
 * success). The caller owns opts and info; the notes' strings and expressions belong to ctx
 * and stay valid until it is freed. */
DX_API dx_expr *dx_parse_ex(dx_ctx *ctx, const char *text, size_t len, const dx_parse_opts *opts,
                            dx_parse_info *info);

/* The order-th derivative with respect to variable var (others held constant). */
DX_API dx_expr *dx_diff(dx_ctx *ctx, dx_expr *e, const char *var, unsigned order);

/* Print; the returned string is malloc'd (see dx_set_allocator) and the caller frees it.
 * NULL without memory, or past DX_MAX_TEXT bytes (LaTeX: 4 times that).
 * Plain output parses back to the same expression. */
DX_API char *dx_print(dx_ctx *ctx, const dx_expr *e, dx_format fmt);

/* The variables of e in alphabetical order, in *names (valid until ctx is freed). Returns the
 * count; 0 with DX_ENOMEM on the context when out of memory. */
DX_API size_t dx_vars(dx_ctx *ctx, const dx_expr *e, const char ***names);

/* The form the dfdx program prints: the easiest to read (shortest, fractions counted extra)
 * of e, its expansion, its terms over a common denominator with common factors cancelled, and
 * the factor its terms share taken out ((x + 1)*e^x), chosen at every level. Equal to e wherever
 * e is defined. dx_diff's result is canonical (x + x is 2*x) but not yet this. */
DX_API dx_expr *dx_simplify(dx_ctx *ctx, dx_expr *e);

/* A compiled program: the DAG in topological order, each distinct node one instruction.
 * A program holds its own scratch registers: one program is used by one thread at a time. */
typedef struct dx_prog dx_prog;

/* Compile e with input slots vars[0..nvars) (names). A variable of e that is not among them
 * is an error (DX_EUSAGE, "no value for y"). The program is owned by the caller. */
DX_API dx_prog *dx_compile(dx_ctx *ctx, const dx_expr *e, const char *const *vars, size_t nvars);
DX_API void dx_prog_free(dx_prog *p);

/* One point: vals[k] is the value of vars[k]. DX_OK with *out set, or DX_EDOMAIN with a
 * message on ctx naming the function and the offending value ("ln is undefined at -1"). */
DX_API dx_status dx_prog_eval(dx_prog *p, dx_ctx *ctx, const double *vals, double *out);

/* n points at once: cols[k][i] is the value of vars[k] at point i. out[i] is NaN where a
 * point is outside the real domain. Returns how many such points there were. Bit-for-bit the
 * same numbers as dx_prog_eval. */
DX_API size_t dx_prog_eval_n(dx_prog *p, size_t n, const double *const *cols, double *out);
/* Fast mode: sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, ln, exp and pow run four
 * points per call through glibc's libmvec, about 3x faster and within a few ulps
 * of libm instead of bit for bit. For many points where the last digits are not shown
 * (plots, benchmarks); batch and single points still agree bit for bit in either mode. Off
 * after dx_compile. Returns whether vector kernels run here (else fast is libm too). */
DX_API bool dx_prog_set_fast(dx_prog *p, bool fast);

/* The value of a closed expression (no variables), such as an option's pi/2, rounded to the
 * nearest double (sin(10^30), (1 + 10^-30)^(10^30) and 2^(1/3) to the last bit): DX_OK with
 * *out set, or the error (also on ctx: "no value for x", "ln is undefined at -1"). */
DX_API dx_status dx_eval_const(dx_ctx *ctx, const dx_expr *e, double *out);

#ifdef __cplusplus
}
#endif

#include "dfdx/text.h"
/* One header per command's results, each result a struct of data with its renderer. */
#include "dfdx/derivative.h"
#include "dfdx/steps.h"
#include "dfdx/check.h"
#include "dfdx/value.h"
#include "dfdx/tangent.h"
#include "dfdx/verify.h"
#include "dfdx/extrema.h"
#include "dfdx/limit.h"
#include "dfdx/descend.h"
#include "dfdx/plot.h"
#include "dfdx/session.h"
#include "dfdx/hessian.h"
#include "dfdx/taylor.h"
#include "dfdx/implicit.h"
#include "dfdx/extrema2.h"
#include "dfdx/backprop.h"
#include "dfdx/contour.h"
#endif
