/* The Hessian: every second partial derivative, simplified, and its value at a point. */
#include "multivar.h"

#include <string.h>

/* The determinant of an n x n matrix of expressions (n <= 3) by cofactors, simplified. */
static dx_expr *det(dx_ctx *ctx, dx_expr *const *m, size_t n)
{
    if (n == 1)
        return m[0];
    if (n == 2)
        return dx_simplify(ctx, dx_sub(ctx, dx_mul(ctx, m[0], m[3]), dx_mul(ctx, m[1], m[2])));
    dx_expr *terms[3];
    for (size_t j = 0; j < 3; j++) {
        size_t a = (j + 1) % 3, b = (j + 2) % 3; /* cyclic: the cofactor's sign is built in */
        dx_expr *minor = dx_sub(ctx, dx_mul(ctx, m[3 + a], m[6 + b]), dx_mul(ctx, m[3 + b], m[6 + a]));
        terms[j] = dx_mul(ctx, m[j], minor);
    }
    return dx_simplify(ctx, dx_add_n(ctx, terms, 3));
}

dx_expr *dx_hessian_det(dx_ctx *ctx, dx_expr *const *m, size_t n) { return n <= 3 ? det(ctx, m, n) : NULL; }

dx_status dx_hessian_exact_at(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t n, dx_crit2 *c)
{
    dx_expr *pt[3], *h[9];
    for (size_t i = 0; i < n; i++)
        if (!(pt[i] = (dx_expr *)c->exact[i]))
            return DX_OK;
    /* each entry's value at the point, then the determinant of those numbers */
    for (size_t i = 0; i < n; i++) {
        dx_expr *fi = dx_derivative(ctx, f, vars[i], 1);
        for (size_t j = i; j < n && fi; j++) {
            dx_mv_value v;
            dx_expr *fij = dx_derivative(ctx, fi, vars[j], 1);
            if (!fij || dx_mv_at(ctx, fij, vars, pt, n, &v) != DX_OK)
                return dx_recover(ctx) ? DX_OK : dx_ctx_error(ctx)->status;
            h[i * n + j] = h[j * n + i] = v.exact;
        }
        if (!fi)
            return dx_recover(ctx) ? DX_OK : dx_ctx_error(ctx)->status;
    }
    dx_expr *d = det(ctx, h, n);
    if (!d)
        return dx_recover(ctx) ? DX_OK : dx_ctx_error(ctx)->status;
    c->exact_det = d;
    c->exact_hxx = h[0];
    return DX_OK;
}

/* The variables asked for, each checked to be a variable of f. */
static dx_status pick_vars(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t nvars, const char *const **out,
                           size_t *n)
{
    const char **all;
    size_t nall = dx_vars(ctx, f, &all);
    if (dx_failed(ctx))
        return dx_ctx_error(ctx)->status;
    if (nvars == 0) {
        if (nall == 0) {
            dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_MV_NO_VARS);
            return DX_EUSAGE;
        }
        *out = all;
        *n = nall;
        return DX_OK;
    }
    const char **kept = dx_alloc(ctx, nvars * sizeof *kept);
    if (!kept)
        return DX_ENOMEM;
    for (size_t i = 0; i < nvars; i++) {
        dx_expr *v = dx_sym(ctx, vars[i], strlen(vars[i]));
        if (!v)
            return dx_ctx_error(ctx)->status;
        kept[i] = v->u.name;
    }
    *out = kept;
    *n = nvars;
    return DX_OK;
}

static dx_status hessian_of(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t nvars, const char *const *names,
                     dx_expr *const *point, size_t npoint, dx_hessian_result *out)
{
    memset(out, 0, sizeof *out);
    dx_ctx_clear_error(ctx);
    out->f = f;
    dx_status st = pick_vars(ctx, f, vars, nvars, &out->vars, &out->n);
    if (st != DX_OK)
        return st;
    size_t n = out->n;
    dx_expr **h = dx_alloc(ctx, n * n * sizeof *h);
    if (!h)
        return DX_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        dx_expr *di = dx_derivative(ctx, f, out->vars[i], 1);
        if (!di)
            return dx_ctx_error(ctx)->status;
        /* symmetric (Schwarz): the upper triangle is computed, the lower copied. Each entry is
         * checked: a later derivative can succeed after an earlier one ran out of memory. */
        for (size_t j = i; j < n; j++)
            if (!(h[i * n + j] = h[j * n + i] = dx_derivative(ctx, di, out->vars[j], 1)))
                return dx_ctx_error(ctx)->status;
    }
    out->entry = h;
    if (npoint == 0)
        return DX_OK;
    dx_expr **val = dx_alloc(ctx, n * n * sizeof *val);
    double *num = dx_alloc(ctx, n * n * sizeof *num);
    if (!val || !num)
        return DX_ENOMEM;
    const char *missing;
    if (!dx_mv_covered(ctx, f, names, npoint, &missing)) {
        dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_MV_NO_VALUE, DX_S(missing));
        return DX_EUSAGE;
    }
    for (size_t k = 0; k < n * n; k++) {
        dx_mv_value v;
        if ((st = dx_mv_at(ctx, h[k], names, point, npoint, &v)) != DX_OK)
            return st;
        val[k] = v.exact;
        num[k] = v.num;
    }
    dx_expr **at = dx_alloc(ctx, n * sizeof *at);
    if (!at)
        return DX_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < npoint && strcmp(names[k], out->vars[i]) != 0)
            k++;
        if (k == npoint) { /* a --var that f does not have: its value is needed for the point */
            dx_fail(ctx, DX_EUSAGE, -1, -1, DX_M_MV_NO_VALUE, DX_S(out->vars[i]));
            return DX_EUSAGE;
        }
        at[i] = point[k];
    }
    out->at = true;
    out->point = at;
    out->value = val;
    out->num = num;
    if (n <= 3) {
        out->det = dx_hessian_det(ctx, val, n);
        if (!out->det || dx_eval_const(ctx, out->det, &out->det_num) != DX_OK)
            return dx_ctx_error(ctx)->status;
    }
    return DX_OK;
}

dx_status dx_hessian(dx_ctx *ctx, dx_expr *f, const char *const *vars, size_t nvars, const char *const *names,
                     dx_expr *const *point, size_t npoint, dx_hessian_result *out)
{
    return dx_mv_end(ctx, hessian_of(ctx, f, vars, nvars, names, point, npoint, out));
}
