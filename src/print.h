/* Printing with a memo of subexpressions' texts, for code that prints many forms sharing parts. */
#ifndef DX_PRINT_H
#define DX_PRINT_H

#include "expr.h"

/* Texts of the subexpressions printed so far, by node and by what surrounds it (the
 * precedence that decides its brackets, and whether every power of e is exp(...)). The root of
 * each print is printed afresh (a sum at the root keeps a leading minus another does not), and
 * so are the printer's temporary nodes. Valid while the context's nodes are: one dx_simplify. */
typedef struct dx_print_memo dx_print_memo;

/* A memo for plain text; NULL without memory (dx_print_memoed then prints without one). */
DX_HIDDEN dx_print_memo *dx_print_memo_new(void);
DX_HIDDEN void dx_print_memo_free(dx_print_memo *m);
/* dx_print(ctx, e, DX_PLAIN), byte for byte, taking the texts of subexpressions from m when it
 * has them and keeping the new ones there. */
DX_HIDDEN char *dx_print_memoed(dx_ctx *ctx, const dx_expr *e, dx_print_memo *m);
/* The length of dx_print_memoed(ctx, e, m) and its minus signs, without sorting the terms of
 * the sum unordered (a node in e, or NULL) into print order: only which of them comes first
 * changes the length. For a form that is compared and mostly thrown away (the simplifier's two
 * signs of a large numerator), whose order would cost more than the rest of its printing.
 * false when dx_print_memoed would fail, with the same error. */
DX_HIDDEN bool dx_print_measure(dx_ctx *ctx, const dx_expr *e, const dx_expr *unordered, dx_print_memo *m,
                                size_t *len, size_t *minus);

#endif
