/* The report of dfdx extrema for a polynomial in three variables whose critical points are
 * infinitely many (or none): the set named by the equations of its Groebner basis. */
#include "multivar.h"
#include "show.h"
#include "alloc.h"

void dx_show_extrema3_set(dx_ctx *ctx, const dx_extrema2_result *r, dx_buf *out)
{
    /* sentences name expressions in plain form, in LaTeX reports too */
    dx_buf eqs = {0};
    for (size_t i = 0; i < r->neq; i++) {
        char *s = dx_print(ctx, r->eq[i], DX_PLAIN);
        dx_buf_printf(&eqs, "%s%s", i ? ", " : "", s ? s : "");
        eqs.oom |= !s;
        dx_free(s);
    }
    char *list = eqs.s;
    if (r->eqs_left) {
        dx_buf more = {0};
        dx_show_say(ctx, &more, DX_MSG(DX_M_EX3_MORE_EQS, DX_S(eqs.s ? eqs.s : ""), DX_I((long long)r->eqs_left)));
        dx_buf_free(&eqs);
        eqs = more;
        list = eqs.s;
    }
    if (r->dim == 3) {
        dx_show_say(ctx, out, DX_MSG(DX_M_EX3_ALL));
    } else if (r->dim > 0) {
        dx_show_say(ctx, out, DX_MSG(r->dim == 1 ? DX_M_EX3_CURVE : DX_M_EX3_SURFACE, DX_S(list ? list : "")));
    }
    dx_buf_putc(out, '\n');
    dx_show_say(ctx, out, DX_MSG(DX_M_EX3_METHOD_SET));
    dx_buf_putc(out, '\n');
    if (r->dim < 0) {
        dx_show_say(ctx, out, DX_MSG(DX_M_EX2_NONE));
        dx_buf_putc(out, '\n');
    }
    out->oom |= eqs.oom;
    dx_buf_free(&eqs);
}
