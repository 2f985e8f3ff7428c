/* A derivative (or every partial of a gradient) at a point: dfdx diff --at A, dfdx grad with
 * w=1 b=2. The point may leave variables free: the partials by w and b at x = 2, y = 3 are
 * expressions in w and b, as a learner writes them before plugging the parameters in. */
#include "alloc.h"
#include "eval.h"
#include "expr.h"

#include <string.h>

dx_status dx_derivatives_at(dx_ctx *ctx, dx_expr *const *d, size_t n, const char *const *names,
                            dx_expr *const *values, size_t npoint, dx_at *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n; i++)
        if (!d[i])
            return dx_failed(ctx) ? dx_ctx_error(ctx)->status : DX_EUSAGE; /* an earlier call failed */
    dx_ctx_clear_error(ctx);
    for (size_t i = 0; i < npoint; i++) {
        for (size_t j = 0; j < i; j++)
            if (strcmp(names[i], names[j]) == 0)
                return dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_AT_TWICE, DX_S(names[i])), DX_EUSAGE;
    }
    out->at = dx_alloc(ctx, (n ? n : 1) * sizeof *out->at);
    out->value = dx_alloc(ctx, (n ? n : 1) * sizeof *out->value);
    if (!out->at || !out->value)
        return DX_ENOMEM;
    memset(out->value, 0, (n ? n : 1) * sizeof *out->value);
    out->names = names;
    out->values = values;
    out->npoint = npoint;
    for (size_t i = 0; i < n; i++) {
        const char **free_vars;
        dx_expr *x = dx_subst_values(ctx, d[i], names, values, npoint);
        if (x && dx_vars(ctx, x, &free_vars) > 0) {
            out->at[i] = dx_simplify(ctx, x);
        } else if (x && dx_eval_at(ctx, d[i], names, values, npoint, &out->value[i]) == DX_OK) {
            out->at[i] = out->value[i].exact ? out->value[i].exact : x;
        } else {
            /* undefined there: say which derivative and why (relu' = step at 0) */
            const dx_msg *why = dx_msg_keep(ctx, dx_ctx_error(ctx)->msg);
            dx_recover(ctx);
            dx_fail(ctx, DX_EDOMAIN, -1, -1, DX_M_AT_UNDEFINED, DX_E(d[i]), DX_N(why));
            return DX_EDOMAIN;
        }
        if (!out->at[i])
            return dx_ctx_error(ctx)->status;
        out->n = i + 1;
    }
    return DX_OK;
}
