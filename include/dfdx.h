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

/* The last error of a context. pos/end are byte offsets into the parsed text (-1: none);
 * the CLI turns them into character columns. */
typedef struct dx_error {
    dx_status status;
    long pos, end;
    char msg[256];
} dx_error;

typedef enum dx_format { DX_PLAIN, DX_LATEX } dx_format;

DX_API dx_ctx *dx_ctx_new(void);
DX_API void dx_ctx_free(dx_ctx *ctx);
/* Limit on the number of distinct nodes; building past it fails with DX_ELIMIT. */
DX_API void dx_ctx_set_budget(dx_ctx *ctx, size_t nodes);
/* The error of the last failed call; valid until the next call that fails. */
DX_API const dx_error *dx_ctx_error(const dx_ctx *ctx);
DX_API void dx_ctx_clear_error(dx_ctx *ctx);

/* Parse text (len bytes, need not be NUL-terminated). NULL on error (see dx_ctx_error).
 * The result is canonical: a parsed "x + x" is already 2*x. */
DX_API dx_expr *dx_parse(dx_ctx *ctx, const char *text, size_t len);
/* Is s[0..len) a name (a variable's, a function's, a constant's) as the parser's scanner reads
 * names: a letter or '_', then letters, digits and '_'? */
DX_API bool dx_is_name(const char *s, size_t len);
/* The length of the name s[0..len) begins with (0 if none), for finding names in a text. */
DX_API size_t dx_name_len(const char *s, size_t len);

/* The order-th derivative with respect to variable var (others held constant). */
DX_API dx_expr *dx_diff(dx_ctx *ctx, dx_expr *e, const char *var, unsigned order);

/* Print; the returned string is malloc'd and the caller frees it. NULL only without memory.
 * Plain output parses back to the same expression. */
DX_API char *dx_print(dx_ctx *ctx, const dx_expr *e, dx_format fmt);

/* The variables of e in alphabetical order; valid until ctx is freed. Returns the count. */
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

#ifdef __cplusplus
}
#endif
#endif
