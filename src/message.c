/* Messages: the catalogue's templates filled in with their arguments (include/dfdx/messages.def).
 * The one place where the library's ids become words; a translator (the program's gettext)
 * may replace each English template. */
#include "expr.h"
#include "dfdx/text.h"
#include "alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A row: its template, or for a plural row both English forms and which argument counts. */
typedef struct row {
    const char *one, *many;
    int count;
} row;

static const row rows[DX_NMESSAGES] = {
#define DX_MESSAGE(id, text) [id] = {text, NULL, -1},
#define DX_PLURAL(id, n, one, many) [id] = {one, many, n},
#include "dfdx/messages.def"
#undef DX_MESSAGE
#undef DX_PLURAL
};

static const char *(*translator)(const char *english);
static const char *(*plural_translator)(const char *one, const char *many, unsigned long n);

void dx_set_translator(const char *(*translate)(const char *english)) { translator = translate; }

void dx_set_plural_translator(const char *(*translate)(const char *one, const char *many, unsigned long n))
{
    plural_translator = translate;
}

const char *dx_msg_template(dx_msg_id id) { return (unsigned)id < DX_NMESSAGES ? rows[id].one : ""; }

dx_msg dx_msg_make(dx_msg_id id, const dx_arg *args, size_t n)
{
    dx_msg m = {id, 0, {{DX_ARG_NONE, {0}}}};
    for (size_t i = 0; i < n && i < DX_MSG_MAX_ARGS; i++)
        m.arg[m.nargs++] = args[i];
    return m;
}

const dx_msg *dx_msg_keep(dx_ctx *ctx, dx_msg m)
{
    dx_msg *k = dx_alloc(ctx, sizeof *k);
    if (k)
        *k = m;
    return k;
}

void dx_fmt_double(char *buf, size_t n, double v)
{
    if (v == 0 || !isfinite(v)) {
        snprintf(buf, n, v == 0 ? "0" : "%g", v); /* -0 too: a student never wants "-0" */
        return;
    }
    int prec = 1;
    for (; prec < 17; prec++) {
        snprintf(buf, n, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    /* the same digits without an exponent where that reads better: 1000, not 1e+03 */
    int x = (int)floor(log10(fabs(v)));
    if (x >= -5 && x < 17) {
        char f[40];
        snprintf(f, sizeof f, "%.*f", prec - 1 - x > 0 ? prec - 1 - x : 0, v);
        if (strtod(f, NULL) == v)
            snprintf(buf, n, "%s", f);
    }
    if (strtod(buf, NULL) != v)
        snprintf(buf, n, "%.17g", v);
}

/* One argument, in the form {N:spec} asks for (spec: a printf conversion for a double, such
 * as ".4g"; empty for the default form). */
static void put_arg(dx_ctx *ctx, dx_buf *b, const dx_arg *a, const char *spec, size_t speclen, dx_format fmt)
{
    switch (a->kind) {
    case DX_ARG_STR:
        dx_buf_puts(b, a->u.s ? a->u.s : "");
        break;
    case DX_ARG_INT:
        dx_buf_printf(b, "%lld", a->u.i);
        break;
    case DX_ARG_NUM:
        if (speclen >= 2 && spec[0] == '.' && strspn(spec + 1, "0123456789") == speclen - 2 &&
            strchr("gfe", spec[speclen - 1])) {
            int prec = atoi(spec + 1);
            double v = a->u.d == 0 ? 0.0 : a->u.d; /* no "-0" */
            char conv = spec[speclen - 1];
            dx_buf_printf(b, conv == 'g' ? "%.*g" : conv == 'f' ? "%.*f" : "%.*e", prec, v);
        } else {
            dx_buf_num(b, a->u.d);
        }
        break;
    case DX_ARG_EXPR: {
        char *s = a->u.e ? dx_print(ctx, a->u.e, fmt) : NULL;
        if (!s && a->u.e)
            b->oom = true;
        else
            dx_buf_puts(b, s ? s : "");
        dx_free(s);
        break;
    }
    case DX_ARG_MSG:
        if (a->u.m)
            dx_msg_render(ctx, b, a->u.m, fmt);
        break;
    case DX_ARG_NONE:
        break;
    }
}

/* The template with its {N} and {N:spec} filled in; any other '{' is itself. */
static void fill(dx_ctx *ctx, dx_buf *b, const char *t, const dx_msg *m, dx_format fmt)
{
    while (*t) {
        const char *open = strchr(t, '{');
        if (!open) {
            dx_buf_puts(b, t);
            return;
        }
        dx_buf_putn(b, t, (size_t)(open - t));
        const char *p = open + 1, *close = strchr(p, '}');
        if (*p < '0' || *p > '9' || !close) {
            dx_buf_putc(b, '{');
            t = p;
            continue;
        }
        unsigned k = (unsigned)(*p - '0');
        const char *spec = p[1] == ':' ? p + 2 : close;
        if (k < m->nargs)
            put_arg(ctx, b, &m->arg[k], spec, (size_t)(close - spec), fmt);
        t = close + 1;
    }
}

void dx_msg_render(dx_ctx *ctx, dx_buf *b, const dx_msg *m, dx_format fmt)
{
    const row *r = &rows[(unsigned)m->id < DX_NMESSAGES ? m->id : DX_M_NONE];
    const char *t = r->one, *tr = NULL;
    if (r->many) {
        const dx_arg *a = (unsigned)r->count < m->nargs ? &m->arg[r->count] : NULL;
        unsigned long n = a && a->kind == DX_ARG_INT && a->u.i >= 0 ? (unsigned long)a->u.i : 0;
        t = n == 1 ? r->one : r->many;
        tr = plural_translator ? plural_translator(r->one, r->many, n) : NULL;
    } else if (translator && *t) {
        tr = translator(t);
    }
    fill(ctx, b, tr && *tr ? tr : t, m, fmt); /* a missing translation: English, never nothing */
}

char *dx_msg_text(dx_ctx *ctx, const dx_msg *m, dx_format fmt)
{
    dx_buf b = {0};
    dx_msg_render(ctx, &b, m, fmt);
    return dx_buf_take(&b);
}

bool dx_msg_label(dx_ctx *ctx, dx_msg m, char *label, size_t size)
{
    char *s = dx_msg_text(ctx, &m, DX_PLAIN);
    if (!s)
        return dx_oom(ctx), false;
    snprintf(label, size, "%s", s);
    dx_free(s);
    return true;
}
