/* What a plot shows besides curves: the tangent line at a point, the critical points marked. */
#include "dfdx/plot.h"
#include "alloc.h"
#include "eval.h"
#include "expr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

dx_status dx_plot_add_tangent(dx_plot *p, dx_ctx *ctx, dx_expr *f, dx_expr *df, const char *var, dx_expr *at,
                              double av, const char *at_text)
{
    if (!f || !df || !at)
        return dx_failed(ctx) ? dx_ctx_error(ctx)->status : DX_EUSAGE;
    dx_ctx_clear_error(ctx);
    dx_expr *x = dx_sym(ctx, var, strlen(var));
    dx_expr *fa = dx_subst(ctx, f, x, at), *ma = dx_subst(ctx, df, x, at);
    double fv, mv;
    if (!fa || !ma || dx_eval_const(ctx, fa, &fv) != DX_OK || dx_eval_const(ctx, ma, &mv) != DX_OK ||
        !isfinite(fv) || !isfinite(mv)) {
        if (dx_ctx_error(ctx)->status == DX_ENOMEM) /* no answer, not "no tangent" */
            return DX_ENOMEM;
        dx_ctx_clear_error(ctx);
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_PLOT_NO_TANGENT, DX_S(var), DX_S(at_text));
        return DX_EUSAGE;
    }
    /* y = f(A) + f'(A)*(x - A), built exactly where A is exact */
    dx_expr *line = dx_add(ctx, fa, dx_mul(ctx, ma, dx_sub(ctx, x, at)));
    if (!line)
        return dx_ctx_error(ctx)->status;
    char label[DX_PLOT_LABEL];
    dx_msg m = dx_is_num(fa) && dx_is_num(ma) /* exact and short: y = 9*x - 16 */
                   ? DX_MSG(DX_M_PLOT_TANGENT_EXACT, DX_S(var), DX_S(at_text), DX_E(line))
                   /* sec(pi/4)^2 is not folded: numbers read better */
                   : DX_MSG(DX_M_PLOT_TANGENT, DX_S(var), DX_S(at_text), DX_D(mv), DX_D(av), DX_D(fv));
    if (!dx_msg_label(ctx, m, label, sizeof label))
        return DX_ENOMEM;
    dx_status st = dx_plot_add_expr(p, ctx, line, var, label, false, false);
    return st != DX_OK ? st : dx_plot_add_mark(p, ctx, av, fv, NULL);
}

dx_status dx_plot_mark_extrema(dx_plot *p, dx_ctx *ctx, dx_expr *f, const char *var, bool on_derivative,
                               size_t labelled, dx_msg *note)
{
    if (!f)
        return dx_failed(ctx) ? dx_ctx_error(ctx)->status : DX_EUSAGE;
    dx_ctx_clear_error(ctx);
    *note = DX_MSG(DX_M_NONE);
    dx_extrema_result x;
    double from = p->x0, to = p->x1;
    if (dx_extrema(ctx, f, var, &from, &to, &x) != DX_OK)
        return dx_ctx_error(ctx)->status;
    dx_status st = DX_OK;
    size_t shown = 0;
    for (size_t i = 0; st == DX_OK && i < x.ncrit; i++) {
        const dx_crit *k = &x.crit[i];
        if (!isfinite(k->at.value))
            continue;
        char label[64] = "";
        dx_msg_id id = k->kind == DX_CP_MIN   ? DX_M_PLOT_MARK_MIN
                       : k->kind == DX_CP_MAX ? DX_M_PLOT_MARK_MAX
                                              : DX_M_PLOT_MARK_CRITICAL;
        if (shown++ < labelled && !dx_msg_label(ctx, DX_MSG(id, DX_D(k->at.x), DX_D(k->at.value)), label, sizeof label))
            st = DX_ENOMEM;
        if (st == DX_OK)
            st = dx_plot_add_mark(p, ctx, k->at.x, k->at.value, label);
        if (st == DX_OK)
            p->m[p->nm - 1].minimum = k->kind == DX_CP_MIN;
        if (st == DX_OK && on_derivative && !k->kink)
            st = dx_plot_add_mark(p, ctx, k->at.x, 0, NULL);
    }
    if (st == DX_OK && x.ncrit == 0)
        *note = DX_MSG(DX_M_PLOT_NO_CRITICAL, DX_D(from), DX_D(to));
    dx_extrema_free(&x);
    return st;
}
