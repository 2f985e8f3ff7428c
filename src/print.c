/* Printing: the textbook form of a canonical expression, as plain text or LaTeX. */
#include "expr.h"
#include "fn.h"

#include <stdlib.h>
#include <string.h>

/* Output past this size is refused: a 12th derivative printed as a tree can be far larger
 * than its DAG, and nobody reads 64 MB of formula. */
#define DX_PRINT_LIMIT ((size_t)64 << 20)

typedef struct {
    char *s;
    size_t n, cap;
    bool oom;
} sb;

static void sb_putn(sb *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 64;
        while (nc < b->n + n + 1)
            nc *= 2;
        char *ns = nc > DX_PRINT_LIMIT * 2 ? NULL : realloc(b->s, nc);
        if (!ns) {
            b->oom = true;
            return;
        }
        b->s = ns;
        b->cap = nc;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

static void sb_puts(sb *b, const char *s) { sb_putn(b, s, strlen(s)); }

static void sb_num(sb *b, const dx_num *v)
{
    char *s = dx_num_str(v);
    if (!s) {
        b->oom = true;
        return;
    }
    sb_puts(b, s);
    free(s);
}

typedef struct {
    dx_ctx *ctx;
    dx_format fmt;
    const dx_expr *root;
} printer;

/* Binding strength of what is printed, to decide parentheses. */
enum { P_SUM = 1, P_PROD = 2, P_POW = 3, P_ATOM = 4 };

static void print(printer *p, sb *b, const dx_expr *e, int ctx_prec);

static bool latex(const printer *p) { return p->fmt == DX_LATEX; }

static void open_paren(const printer *p, sb *b) { sb_puts(b, latex(p) ? "\\left(" : "("); }
static void close_paren(const printer *p, sb *b) { sb_puts(b, latex(p) ? "\\right)" : ")"); }

static void print_in(printer *p, sb *b, const dx_expr *e, int need, int prec_of_e)
{
    if (prec_of_e < need) {
        open_paren(p, b);
        print(p, b, e, 0);
        close_paren(p, b);
    } else {
        print(p, b, e, need);
    }
}

/* --- display order ----------------------------------------------------------------------- */

/* Total degree in the variables: descending powers first, as a textbook writes them. */
static double degree(const dx_expr *e)
{
    switch (e->kind) {
    case DX_SYM:
        return 1;
    case DX_POW:
        if (e->a[0]->kind == DX_SYM && e->a[1]->kind == DX_NUM)
            return dx_num_to_double(&e->a[1]->u.num);
        return 0;
    case DX_MUL: {
        double s = 0;
        for (uint32_t i = 0; i < e->n; i++)
            s += degree(e->a[i]);
        return s;
    }
    default:
        return 0;
    }
}

/* Rank of a factor in a printed product: 2*pi*x*y^2*e^x*cos(x)*(x + 1). */
static int factor_rank(const dx_expr *f)
{
    const dx_expr *base = f->kind == DX_POW ? f->a[0] : f;
    bool num_exp = f->kind != DX_POW || f->a[1]->kind == DX_NUM;
    switch (base->kind) {
    case DX_NUM: return 0;
    case DX_CONST: return num_exp ? 1 : 3; /* pi^2 with the numbers, e^x after the variables */
    case DX_SYM: return 2;
    case DX_CALL: return 4;
    case DX_ADD: return 6;
    default: return 5;
    }
}

/* Text without its leading numeric coefficient: ties of degree sort by the variables. */
static const char *past_coefficient(const char *t)
{
    const char *p = t;
    while ((*p >= '0' && *p <= '9') || *p == '/')
        p++;
    return *p == '*' ? p + 1 : t;
}

typedef struct {
    const dx_expr *e;
    char *text; /* printed without its sign, for sums; printed as is, for products */
    bool neg;
    double key;
    int rank;
} item;

static int item_cmp_sum(const void *x, const void *y)
{
    const item *a = x, *b = y;
    bool ca = a->e->vmask == 0, cb = b->e->vmask == 0; /* constant terms last */
    if (ca != cb)
        return ca ? 1 : -1;
    if (a->key != b->key)
        return a->key > b->key ? -1 : 1;
    int c = strcmp(past_coefficient(a->text), past_coefficient(b->text));
    return c ? c : strcmp(a->text, b->text);
}

static int item_cmp_prod(const void *x, const void *y)
{
    const item *a = x, *b = y;
    if (a->rank != b->rank)
        return a->rank - b->rank;
    return strcmp(a->text, b->text);
}

static char *print_str(printer *p, const dx_expr *e, int prec)
{
    sb t = {0};
    print(p, &t, e, prec);
    if (t.oom) {
        free(t.s);
        return NULL;
    }
    if (!t.s)
        t.s = calloc(1, 1);
    return t.s;
}

/* A term without its sign: -3*x -> 3*x, with *neg set. */
static dx_expr *unsign(dx_ctx *ctx, const dx_expr *e, bool *neg)
{
    dx_num c;
    dx_expr *rest = dx_term_split(ctx, (dx_expr *)e, &c);
    *neg = dx_num_sign(&c) < 0;
    dx_expr *r = (dx_expr *)e;
    if (*neg) {
        dx_num a = dx_num_neg(&c);
        r = rest ? dx_mul(ctx, dx_number(ctx, &a), rest) : dx_number(ctx, &a);
        dx_num_clear(&a);
    }
    dx_num_clear(&c);
    return r;
}

static void print_sum(printer *p, sb *b, const dx_expr *e)
{
    item *it = calloc(e->n, sizeof *it);
    if (!it) {
        b->oom = true;
        return;
    }
    for (uint32_t i = 0; i < e->n; i++) {
        dx_expr *u = unsign(p->ctx, e->a[i], &it[i].neg);
        it[i].e = e->a[i];
        it[i].key = degree(e->a[i]);
        it[i].text = u ? print_str(p, u, P_SUM + 1) : NULL;
        if (!it[i].text)
            b->oom = true;
    }
    if (!b->oom) {
        qsort(it, e->n, sizeof *it, item_cmp_sum);
        /* A leading minus reads worse: (1 - x), sqrt(4 - x^2), 1 - tanh(x)^2. Only a whole
         * result led by a power of a variable keeps descending powers: -x^2 + 4*x - 3. */
        if (it[0].neg && (e != p->root || it[0].key <= 0)) {
            for (uint32_t i = 1; i < e->n; i++)
                if (!it[i].neg) {
                    item first = it[i];
                    memmove(it + 1, it, i * sizeof *it);
                    it[0] = first;
                    break;
                }
        }
        for (uint32_t i = 0; i < e->n; i++) {
            if (i == 0)
                sb_puts(b, it[i].neg ? "-" : "");
            else
                sb_puts(b, it[i].neg ? " - " : " + ");
            sb_puts(b, it[i].text);
        }
    }
    for (uint32_t i = 0; i < e->n; i++)
        free(it[i].text);
    free(it);
}

/* Is f printed below the fraction bar: u^(negative number)? Then *flip is u^(-exponent). */
static bool denominator(printer *p, const dx_expr *f, dx_expr **flip)
{
    if (f->kind != DX_POW || f->a[1]->kind != DX_NUM || dx_num_sign(&f->a[1]->u.num) >= 0)
        return false;
    dx_num n = dx_num_neg(&f->a[1]->u.num);
    dx_expr *x = dx_number(p->ctx, &n);
    dx_num_clear(&n);
    *flip = x ? dx_pow(p->ctx, f->a[0], x) : NULL;
    return *flip != NULL;
}

/* Factors joined as a product: "2*x*(x + 1)" or, in LaTeX, "2 x \left(x + 1\right)". */
static void print_factors(printer *p, sb *b, item *f, size_t n)
{
    qsort(f, n, sizeof *f, item_cmp_prod);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            if (!latex(p))
                sb_puts(b, "*");
            else if (f[i].rank == 0 || (f[i - 1].rank == 0 && f[i].e->kind == DX_NUM))
                sb_puts(b, " \\cdot ");
            else
                sb_puts(b, " ");
        }
        sb_puts(b, f[i].text);
    }
}

static void print_product(printer *p, sb *b, const dx_expr *e, int ctx_prec)
{
    /* coefficient p/q, numerator factors, denominator factors */
    const dx_num *coef = NULL;
    size_t n = e->n, nn = 0, nd = 0;
    item *num = calloc(n + 1, sizeof *num), *den = calloc(n + 1, sizeof *den);
    if (!num || !den) {
        free(num);
        free(den);
        b->oom = true;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const dx_expr *f = e->a[i];
        dx_expr *flip;
        if (f->kind == DX_NUM) {
            coef = &f->u.num;
        } else if (denominator(p, f, &flip)) {
            den[nd].e = flip;
            den[nd].rank = factor_rank(flip);
            den[nd++].text = print_str(p, flip, P_PROD + 1);
        } else {
            num[nn].e = f;
            num[nn].rank = factor_rank(f);
            num[nn++].text = print_str(p, f, P_PROD + 1);
        }
    }
    bool neg = coef && dx_num_sign(coef) < 0;
    dx_num c = coef ? (neg ? dx_num_neg(coef) : dx_num_copy(coef)) : dx_num_int(1);
    dx_num cn = dx_num_numer(&c), cd = dx_num_denom(&c);
    if (!dx_num_is(&cn, 1) || nn == 0) {
        num[nn].e = NULL;
        num[nn].rank = 0;
        num[nn++].text = dx_num_str(&cn);
    }
    if (!dx_num_is(&cd, 1)) {
        den[nd].e = NULL;
        den[nd].rank = 0;
        den[nd++].text = dx_num_str(&cd);
    }
    for (size_t i = 0; i < nn; i++)
        if (!num[i].text)
            b->oom = true;
    for (size_t i = 0; i < nd; i++)
        if (!den[i].text)
            b->oom = true;
    /* A product, or a quotient, binds like '*' in a sum; inside a power or after another
     * factor it needs parentheses, which the caller adds by its ctx_prec. */
    bool paren = ctx_prec > P_PROD || (neg && ctx_prec > P_SUM);
    if (!b->oom) {
        if (paren)
            open_paren(p, b);
        if (neg)
            sb_puts(b, "-");
        if (latex(p) && nd > 0) {
            sb_puts(b, "\\frac{");
            print_factors(p, b, num, nn);
            sb_puts(b, "}{");
            print_factors(p, b, den, nd);
            sb_puts(b, "}");
        } else {
            print_factors(p, b, num, nn);
            if (nd > 0) {
                sb_puts(b, "/");
                if (nd > 1)
                    sb_puts(b, "(");
                print_factors(p, b, den, nd);
                if (nd > 1)
                    sb_puts(b, ")");
            }
        }
        if (paren)
            close_paren(p, b);
    }
    for (size_t i = 0; i < nn; i++)
        free(num[i].text);
    for (size_t i = 0; i < nd; i++)
        free(den[i].text);
    free(num);
    free(den);
    dx_num_clear(&c);
    dx_num_clear(&cn);
    dx_num_clear(&cd);
}

/* Precedence of e as printed, so a caller knows whether to bracket it. */
static int prec_of(const dx_expr *e)
{
    switch (e->kind) {
    case DX_NUM:
        if (dx_num_sign(&e->u.num) < 0)
            return P_SUM;
        return dx_num_is_int(&e->u.num) ? P_ATOM : P_PROD;
    case DX_ADD:
        return P_SUM;
    case DX_MUL:
        return P_PROD;
    case DX_POW:
        if (e->a[1]->kind == DX_NUM && dx_num_sign(&e->a[1]->u.num) < 0)
            return P_PROD; /* printed as 1/... */
        if (e->a[1]->kind == DX_NUM && dx_num_is(&e->a[1]->u.num, 0))
            return P_ATOM;
        return P_POW;
    default:
        return P_ATOM;
    }
}

static bool is_half(const dx_expr *x) { return x->kind == DX_NUM && !x->u.num.z && x->u.num.n == 1 && x->u.num.d == 2; }

static void print_pow(printer *p, sb *b, const dx_expr *e, int ctx_prec)
{
    const dx_expr *base = e->a[0], *x = e->a[1];
    dx_expr *flip;
    if (denominator(p, e, &flip)) { /* u^-n -> 1/u^n */
        bool paren = ctx_prec > P_PROD;
        if (paren)
            open_paren(p, b);
        if (latex(p)) {
            sb_puts(b, "\\frac{1}{");
            print(p, b, flip, 0);
            sb_puts(b, "}");
        } else {
            sb_puts(b, "1/");
            print_in(p, b, flip, P_PROD + 1, prec_of(flip));
        }
        if (paren)
            close_paren(p, b);
        return;
    }
    if (is_half(x)) {
        sb_puts(b, latex(p) ? "\\sqrt{" : "sqrt(");
        print(p, b, base, 0);
        sb_puts(b, latex(p) ? "}" : ")");
        return;
    }
    bool is_e = base->kind == DX_CONST && base->fn == DX_E;
    if (latex(p)) {
        if (is_e)
            sb_puts(b, "e");
        else
            print_in(p, b, base, P_ATOM, prec_of(base) == P_POW ? P_POW : prec_of(base));
        sb_puts(b, "^{");
        print(p, b, x, 0);
        sb_puts(b, "}");
        return;
    }
    int xp = prec_of(x);
    if (is_e && xp < P_ATOM) { /* e^(x^2/2) reads better as exp(x^2/2) */
        sb_puts(b, "exp(");
        print(p, b, x, 0);
        sb_puts(b, ")");
        return;
    }
    print_in(p, b, base, P_ATOM, prec_of(base) == P_POW ? P_POW : prec_of(base));
    sb_puts(b, "^");
    /* a call binds as an atom in an exponent: x^sin(x) */
    print_in(p, b, x, P_ATOM, xp);
}

static void print_call(printer *p, sb *b, const dx_expr *e)
{
    const dx_fn *row = &dx_fns[e->fn];
    if (latex(p)) {
        if (e->fn == DX_ABS) {
            sb_puts(b, "\\left|");
            print(p, b, e->a[0], 0);
            sb_puts(b, "\\right|");
            return;
        }
        sb_puts(b, row->latex);
        open_paren(p, b);
        print(p, b, e->a[0], 0);
        close_paren(p, b);
        return;
    }
    sb_puts(b, row->name);
    sb_puts(b, "(");
    print(p, b, e->a[0], 0);
    sb_puts(b, ")");
}

static const char *const greek[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
                                    "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau",
                                    "upsilon", "phi", "chi", "psi", "omega", NULL};

static void print_sym(printer *p, sb *b, const char *name)
{
    if (!latex(p) || strlen(name) == 1) {
        sb_puts(b, name);
        return;
    }
    for (int i = 0; greek[i]; i++)
        if (strcmp(name, greek[i]) == 0) {
            sb_puts(b, "\\");
            sb_puts(b, name);
            return;
        }
    sb_puts(b, "\\mathrm{");
    sb_puts(b, name);
    sb_puts(b, "}");
}

static void print(printer *p, sb *b, const dx_expr *e, int ctx_prec)
{
    if (b->oom || b->n > DX_PRINT_LIMIT) {
        b->oom = true;
        return;
    }
    switch (e->kind) {
    case DX_NUM: {
        bool paren = prec_of(e) < ctx_prec;
        if (paren)
            open_paren(p, b);
        if (latex(p) && !dx_num_is_int(&e->u.num)) {
            dx_num a = dx_num_sign(&e->u.num) < 0 ? dx_num_neg(&e->u.num) : dx_num_copy(&e->u.num);
            dx_num n = dx_num_numer(&a), d = dx_num_denom(&a);
            sb_puts(b, dx_num_sign(&e->u.num) < 0 ? "-\\frac{" : "\\frac{");
            sb_num(b, &n);
            sb_puts(b, "}{");
            sb_num(b, &d);
            sb_puts(b, "}");
            dx_num_clear(&a);
            dx_num_clear(&n);
            dx_num_clear(&d);
        } else {
            sb_num(b, &e->u.num);
        }
        if (paren)
            close_paren(p, b);
        return;
    }
    case DX_CONST:
        sb_puts(b, e->fn == DX_E ? "e" : latex(p) ? "\\pi" : "pi");
        return;
    case DX_SYM:
        print_sym(p, b, e->u.name);
        return;
    case DX_ADD:
        if (ctx_prec > P_SUM)
            open_paren(p, b);
        print_sum(p, b, e);
        if (ctx_prec > P_SUM)
            close_paren(p, b);
        return;
    case DX_MUL:
        print_product(p, b, e, ctx_prec);
        return;
    case DX_POW:
        print_pow(p, b, e, ctx_prec);
        return;
    case DX_CALL:
        print_call(p, b, e);
        return;
    }
}

char *dx_print(dx_ctx *ctx, const dx_expr *e, dx_format fmt)
{
    if (!e)
        return NULL;
    printer p = {ctx, fmt, e};
    sb b = {0};
    print(&p, &b, e, 0);
    if (b.oom) {
        free(b.s);
        if (b.n > DX_PRINT_LIMIT || b.cap > DX_PRINT_LIMIT)
            return dx_fail(ctx, DX_ELIMIT, -1, -1, "result too large to print (over %zu MB)", DX_PRINT_LIMIT >> 20);
        return dx_fail(ctx, DX_ENOMEM, -1, -1, "out of memory");
    }
    return b.s ? b.s : calloc(1, 1);
}
