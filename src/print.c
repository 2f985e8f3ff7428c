/* Printing: the textbook form of a canonical expression, as plain text or LaTeX. */
#include "print.h"
#include "alloc.h"
#include "fn.h"
#include "dfdx/text.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Output past this size is refused: a 12th derivative printed as a tree can be far larger
 * than its DAG. Plain text stops where the parser does (DX_MAX_TEXT), so that every printed
 * result reads back; LaTeX, which is never read back and spells out more (\frac{}{},
 * \left( \right)), gets room for the LaTeX form of any plain text that fits. */
static size_t print_limit(dx_format fmt) { return fmt == DX_LATEX ? 4 * (size_t)DX_MAX_TEXT : DX_MAX_TEXT; }

/* Digits after the point of v written as a decimal: k when v*10^k is whole for a k up to
 * DX_DECIMAL_DIGITS (v's denominator is 2^a*5^b), else -1 (1/3 never ends). */
#define DX_DECIMAL_DIGITS 15
static int decimal_digits(const dx_num *v)
{
    dx_num d = dx_num_denom(v), ten = dx_num_int(10), p = dx_num_int(1);
    int k = -1;
    for (int i = 0; i <= DX_DECIMAL_DIGITS && k < 0; i++) {
        dx_num q = dx_num_div(&p, &d);
        if (dx_num_is_int(&q))
            k = i;
        dx_num_clear(&q);
        dx_num t = dx_num_mul(&p, &ten);
        dx_num_clear(&p);
        p = t;
    }
    dx_num_clear(&d);
    dx_num_clear(&p);
    return k;
}

/* v as a decimal with k digits after the point ("-0.9858"). */
static void sb_decimal(dx_buf *b, const dx_num *v, int k)
{
    dx_num scale = dx_num_int(1), ten = dx_num_int(10);
    for (int i = 0; i < k; i++) {
        dx_num t = dx_num_mul(&scale, &ten);
        dx_num_clear(&scale);
        scale = t;
    }
    dx_num w = dx_num_mul(v, &scale);
    char *s = dx_num_str(&w);
    dx_num_clear(&w);
    dx_num_clear(&scale);
    if (!s) {
        b->oom = true;
        return;
    }
    const char *digits = s + (s[0] == '-');
    size_t n = strlen(digits);
    dx_buf_puts(b, s[0] == '-' ? "-" : "");
    if (n <= (size_t)k) { /* 0.0093: zeros after the point */
        dx_buf_puts(b, "0.");
        for (size_t i = n; i < (size_t)k; i++)
            dx_buf_putc(b, '0');
        dx_buf_puts(b, digits);
    } else {
        dx_buf_putn(b, digits, n - (size_t)k);
        dx_buf_putc(b, '.');
        dx_buf_puts(b, digits + n - k);
    }
    dx_free(s);
}

static void sb_num(dx_buf *b, const dx_num *v)
{
    if (!v->z && v->d == 1 && v->n >= 0 && v->n < 10) { /* the common case: one digit */
        char c = (char)('0' + v->n);
        dx_buf_putn(b, &c, 1);
        return;
    }
    char *s = dx_num_str(v);
    if (!s) {
        b->oom = true;
        return;
    }
    dx_buf_puts(b, s);
    dx_free(s);
}

typedef struct {
    dx_ctx *ctx;
    dx_format fmt;
    dx_print_memo *memo; /* NULL: every node printed afresh */
    /* a rational that ends is printed as a decimal (dx_print_decimals). Not in the memo's key:
     * a memo lives for one dx_simplify, during which the context's setting stands still. */
    bool decimals;
    char *scratch; /* where a sum's or product's printed items wait to be written in order */
    size_t scap;
    const dx_expr *root; /* the formula printed, past its guards (a guard prints as its body) */
    bool exp_all;  /* plain text: every power of e as exp(...), since one needs it */
    bool used_exp; /* printed so far: a power of e as exp(...) */
    bool used_e;   /* and one as e^... */
    bool deep;     /* stopped: the stack ran low (ctx has the error) */
    /* dx_print_measure: this sum's terms are written in an order of the same length as
     * the printed one (not memoised), the sort that orders them skipped */
    const dx_expr *unordered;
} printer;

/* Binding strength of what is printed, to decide parentheses. */
enum { P_SUM = 1, P_PROD = 2, P_POW = 3, P_ATOM = 4 };

static void print(printer *p, dx_buf *b, const dx_expr *e, int ctx_prec);
static void print_product(printer *p, dx_buf *b, const dx_expr *e, int ctx_prec, bool drop_sign);

static bool latex(const printer *p) { return p->fmt == DX_LATEX; }

static void open_paren(const printer *p, dx_buf *b) { dx_buf_puts(b, latex(p) ? "\\left(" : "("); }
static void close_paren(const printer *p, dx_buf *b) { dx_buf_puts(b, latex(p) ? "\\right)" : ")"); }

static void print_in(printer *p, dx_buf *b, const dx_expr *e, int need, int prec_of_e)
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

/* A guard prints as its body (x/x as 1), so the order of terms and factors is decided by the
 * body too: the printed text then reads back as a node that prints the same. */
static const dx_expr *bare(const dx_expr *e)
{
    while (e->kind == DX_GUARD)
        e = e->a[0];
    return e;
}

/* Total degree in the variables: descending powers first, as a textbook writes them. */

static double degree(const dx_expr *e)
{
    e = bare(e);
    switch (e->kind) {
    case DX_SYM:
        return 1;
    case DX_POW:
        if (bare(e->a[0])->kind == DX_SYM && e->a[1]->kind == DX_NUM)
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

/* Rank of a factor in a printed product, as a textbook orders them: the polynomial part
 * first, then exponentials, functions and other sums:
 * 2*pi*x*y^2*(x + 1)^2*e^x*3^x*sin(x)*cos(x)*(ln(x) + 1). */
static int factor_rank(const dx_expr *f)
{
    const dx_expr *base = f->kind == DX_POW ? f->a[0] : f;
    bool num_exp = f->kind != DX_POW || f->a[1]->kind == DX_NUM;
    switch (base->kind) {
    case DX_NUM: return num_exp ? 0 : 4; /* 3^(x^2) with e^x, not with the numbers */
    case DX_CONST: return num_exp ? 1 : 4; /* pi^2 with the numbers, e^x after the variables */
    case DX_SYM: return 2;
    case DX_CALL: return 5;
    case DX_ADD:
        if (num_exp) {
            for (uint32_t i = 0; i < base->n; i++)
                if (!dx_monomial(base->a[i]))
                    return 7;
            return 3;
        }
        return 7;
    default: return 6;
    }
}

/* Order of functions among the factors of a product: sin(x)*cos(x) and sec(x)*tan(x), as a
 * textbook writes them (the alphabet would say cos(x)*sin(x)), by the rows' order; other
 * functions after. */
static int fn_order(const dx_expr *f)
{
    const dx_expr *base = f->kind == DX_POW ? f->a[0] : f;
    if (base->kind != DX_CALL)
        return 0;
    int order = dx_fns[base->fn].order;
    return order ? order : INT_MAX;
}

/* Where the text after a leading numeric coefficient starts (0 if none): ties of degree
 * sort by the variables. */
static size_t past_coefficient(const char *t, size_t len)
{
    size_t p = 0;
    while (p < len && ((t[p] >= '0' && t[p] <= '9') || t[p] == '/' || t[p] == '.'))
        p++;
    return p < len && (t[p] == '*' || t[p] == ' ') ? p + 1 : 0;
}

/* A term of a sum or a factor of a product. Its text is printed into the output buffer itself
 * (at off, len bytes), then the items are sorted by it and the region is rewritten in order:
 * no string of its own per item. */
typedef struct {
    const dx_expr *e;
    size_t off, len;  /* printed without its sign, for sums; printed as is, for products */
    const char *text; /* b->s + off, set once the region is complete (b->s no longer moves) */
    bool neg;
    double key;
    int rank;
} item;

/* strcmp order of two texts given by length (they hold no NUL bytes). */
static int span_cmp(const char *a, size_t la, const char *b, size_t lb)
{
    int c = memcmp(a, b, la < lb ? la : lb);
    if (c)
        return c;
    return la < lb ? -1 : la > lb;
}

static bool digit(char c) { return c >= '0' && c <= '9'; }

/* span_cmp, but a run of digits compares by its value: (x + 2)*(x + 10), not (x + 10)*(x + 2). */
static int natural_cmp(const char *a, size_t la, const char *b, size_t lb)
{
    size_t i = 0, j = 0;
    while (i < la && j < lb) {
        if (digit(a[i]) && digit(b[j])) {
            size_t si = i, sj = j;
            while (si < la && a[si] == '0')
                si++;
            while (sj < lb && b[sj] == '0')
                sj++;
            size_t ei = si, ej = sj;
            while (ei < la && digit(a[ei]))
                ei++;
            while (ej < lb && digit(b[ej]))
                ej++;
            if (ei - si != ej - sj)
                return ei - si < ej - sj ? -1 : 1;
            int c = memcmp(a + si, b + sj, ei - si);
            if (c)
                return c;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j])
            return (unsigned char)a[i] < (unsigned char)b[j] ? -1 : 1;
        i++;
        j++;
    }
    if (i < la || j < lb)
        return i < la ? 1 : -1;
    return span_cmp(a, la, b, lb); /* 01 and 1: still a total order */
}

static int text_cmp(const item *a, const item *b) { return natural_cmp(a->text, a->len, b->text, b->len); }

/* The variable factors of a term: each x or x^number, with its exponent. */
static const char *power_of(const dx_expr *f, double *k)
{
    f = bare(f);
    if (f->kind == DX_SYM) {
        *k = 1;
        return f->u.name;
    }
    if (f->kind == DX_POW && bare(f->a[0])->kind == DX_SYM && f->a[1]->kind == DX_NUM) {
        *k = dx_num_to_double(&f->a[1]->u.num);
        return bare(f->a[0])->u.name;
    }
    return NULL;
}

/* The alphabetically first variable with a numeric power in term t (NULL if none), and the
 * degree of variable v in t. */
static const char *first_var(const dx_expr *t)
{
    dx_expr *const *f = t->kind == DX_MUL ? t->a : (dx_expr *const *)&t;
    uint32_t n = t->kind == DX_MUL ? t->n : 1;
    const char *best = NULL;
    double k;
    for (uint32_t i = 0; i < n; i++) {
        const char *v = power_of(f[i], &k);
        if (v && (!best || strcmp(v, best) < 0))
            best = v;
    }
    return best;
}

static double degree_in(const dx_expr *t, const char *v)
{
    dx_expr *const *f = t->kind == DX_MUL ? t->a : (dx_expr *const *)&t;
    uint32_t n = t->kind == DX_MUL ? t->n : 1;
    double k;
    for (uint32_t i = 0; i < n; i++) {
        const char *w = power_of(f[i], &k);
        if (w && strcmp(w, v) == 0)
            return k;
    }
    return 0;
}

/* Is t (a term, without its coefficient) a power of e with a negative exponent, e^(-x)? */
static bool decaying(const dx_expr *t)
{
    if (t->kind == DX_MUL && t->n == 2 && t->a[0]->kind == DX_NUM)
        t = t->a[1];
    if (t->kind != DX_POW || t->a[0]->kind != DX_CONST || t->a[0]->fn != DX_E)
        return false;
    const dx_expr *x = t->a[1];
    const dx_expr *lead = x->kind == DX_MUL ? x->a[0] : x;
    return lead->kind == DX_NUM && dx_num_sign(&lead->u.num) < 0;
}

static int item_cmp_sum(const void *x, const void *y)
{
    const item *a = x, *b = y;
    bool ca = a->e->vmask == 0, cb = b->e->vmask == 0; /* constant terms last */
    if (ca != cb)
        return ca ? 1 : -1;
    if (a->key != b->key)
        return a->key > b->key ? -1 : 1;
    /* equal total degree: higher powers of the alphabetically first variable first, as a
     * textbook writes a^3 + 3*a^2*b + 3*a*b^2 + b^3 */
    const char *va = first_var(a->e), *vb = first_var(b->e);
    if (va && vb) {
        const char *v = strcmp(va, vb) <= 0 ? va : vb;
        double da = degree_in(a->e, v), db = degree_in(b->e, v);
        if (da != db)
            return da > db ? -1 : 1;
    }
    /* e^x + e^(-x), as cosh is written */
    bool na = decaying(a->e), nb = decaying(b->e);
    if (na != nb)
        return na ? 1 : -1;
    size_t ka = past_coefficient(a->text, a->len), kb = past_coefficient(b->text, b->len);
    int c = natural_cmp(a->text + ka, a->len - ka, b->text + kb, b->len - kb);
    return c ? c : text_cmp(a, b);
}

static int item_cmp_prod(const void *x, const void *y)
{
    const item *a = x, *b = y;
    if (a->rank != b->rank)
        return a->rank - b->rank;
    if (a->e && b->e && fn_order(a->e) != fn_order(b->e))
        return fn_order(a->e) - fn_order(b->e);
    return text_cmp(a, b);
}

#define SMALL 16

/* it[lo, lo + n) merge-sorted into order[]: the halves n / 2 and the rest, a tie taken from
 * the left (glibc's qsort, which the printer used, does exactly this: the order stays the
 * same, and first_item can tell the first item without sorting). */
static void merge_sort(item **v, item **tmp, size_t n, int (*cmp)(const void *, const void *))
{
    if (n <= 1)
        return;
    size_t n1 = n / 2, n2 = n - n1;
    item **b1 = v, **b2 = v + n1;
    merge_sort(b1, tmp, n1, cmp);
    merge_sort(b2, tmp, n2, cmp);
    size_t k = 0;
    while (n1 > 0 && n2 > 0) {
        if (cmp(*b1, *b2) <= 0)
            tmp[k++] = *b1++, n1--;
        else
            tmp[k++] = *b2++, n2--;
    }
    while (n1 > 0)
        tmp[k++] = *b1++, n1--;
    /* what is left of the right half is in place already */
    memcpy(v, tmp, k * sizeof *v);
}

/* The item merge_sort puts first, with n - 1 comparisons instead of n log n: the first of a
 * merge is the first of its left half unless the right half's first compares before it. The
 * comparison of terms is not always transitive (a degree decides some pairs, the text others),
 * so the least item by a scan could differ: this follows the merge's own comparisons. */
static size_t first_item(const item *it, size_t n, int (*cmp)(const void *, const void *))
{
    if (n <= 1)
        return 0;
    size_t n1 = n / 2;
    size_t a = first_item(it, n1, cmp), b = n1 + first_item(it + n1, n - n1, cmp);
    return cmp(&it[a], &it[b]) <= 0 ? a : b;
}

/* Stable sort (insertion sort for a few items, else merge_sort); false without memory. */
static bool sort_items(item *it, size_t n, int (*cmp)(const void *, const void *))
{
    if (n > SMALL) {
        item **v = dx_malloc(2 * n * sizeof *v), *copy = dx_malloc(n * sizeof *copy);
        if (!v || !copy) {
            dx_free(v);
            dx_free(copy);
            return false;
        }
        for (size_t i = 0; i < n; i++)
            v[i] = &copy[i], copy[i] = it[i];
        merge_sort(v, v + n, n, cmp);
        for (size_t i = 0; i < n; i++)
            it[i] = *v[i];
        dx_free(v);
        dx_free(copy);
        return true;
    }
    for (size_t i = 1; i < n; i++) {
        item x = it[i];
        size_t j = i;
        for (; j > 0 && cmp(&it[j - 1], &x) > 0; j--)
            it[j] = it[j - 1];
        it[j] = x;
    }
    return true;
}

/* Print e into b as one item's text. */
static void print_item(printer *p, dx_buf *b, item *it, const dx_expr *e, int prec)
{
    it->off = b->n;
    print(p, b, e, prec);
    it->len = b->n - it->off;
}

/* The items' texts were printed from b->n == base on: point at them, and move that region
 * to the printer's scratch so it can be written again in sorted order. */
static bool take_region(printer *p, dx_buf *b, size_t base, item *it, size_t n, item *it2, size_t n2)
{
    if (b->oom)
        return false;
    size_t len = b->n - base;
    if (len + 1 > p->scap) {
        size_t nc = p->scap ? p->scap : 256;
        while (nc < len + 1)
            nc *= 2;
        char *ns = dx_realloc(p->scratch, nc);
        if (!ns) {
            b->oom = true;
            return false;
        }
        p->scratch = ns;
        p->scap = nc;
    }
    memcpy(p->scratch, b->s + base, len);
    for (size_t i = 0; i < n; i++)
        it[i].text = p->scratch + (it[i].off - base);
    for (size_t i = 0; i < n2; i++)
        it2[i].text = p->scratch + (it2[i].off - base);
    b->n = base;
    if (b->s)
        b->s[b->n] = 0;
    return true;
}

/* Print a term of a sum without its sign (-3*x as 3*x, with it->neg set), as the node |t|
 * would print. Nothing is built: the printer used to construct |t| through the smart
 * constructors for every negative term, a large share of all printing work. */
static void print_term(printer *p, dx_buf *b, item *it, const dx_expr *t)
{
    const dx_expr *lead = t->kind == DX_MUL ? t->a[0] : t;
    it->neg = lead->kind == DX_NUM && dx_num_sign(&lead->u.num) < 0;
    it->off = b->n;
    if (!it->neg) {
        print(p, b, t, P_SUM + 1);
    } else if (t->kind == DX_NUM) { /* |t| as a temporary number node */
        dx_expr abs = {.kind = DX_NUM, .n = 0, .depth = 1};
        abs.u.num = dx_num_neg(&t->u.num);
        print(p, b, &abs, P_SUM + 1);
        dx_num_clear(&abs.u.num);
    } else if (t->n == 2 && dx_num_is(&lead->u.num, -1)) {
        print(p, b, t->a[1], P_SUM + 1); /* -u: |t| is u itself */
    } else {
        /* with a memo, |t| where the context has it: a formula and its negative (the two
         * signs the simplifier compares) then share their terms' texts */
        const dx_expr *abs = p->memo ? dx_find_abs_term(p->ctx, t) : NULL;
        if (abs)
            print(p, b, abs, P_SUM + 1);
        else
            print_product(p, b, t, P_SUM + 1, true); /* the same factors, coefficient |c| */
    }
    it->len = b->n - it->off;
}

/* Is every term a number times powers of variables? Such a sum keeps descending powers
 * wherever it is: (-3*x^4 + 4*x^3 - 2)/(x^3 + 1)^2. */
static bool polynomial(const dx_expr *e)
{
    for (uint32_t i = 0; i < e->n; i++)
        if (!dx_monomial(e->a[i]))
            return false;
    return true;
}

static void print_sum(printer *p, dx_buf *b, const dx_expr *e)
{
    item inl[SMALL];
    item *it = e->n <= SMALL ? inl : dx_calloc(e->n, sizeof *it);
    if (!it) {
        b->oom = true;
        return;
    }
    size_t base = b->n;
    for (uint32_t i = 0; i < e->n && !b->oom; i++) {
        it[i].e = bare(e->a[i]);
        it[i].key = degree(it[i].e);
        print_term(p, b, &it[i], it[i].e);
    }
    if (take_region(p, b, base, it, e->n, NULL, 0)) {
        if (e == p->unordered && e->n > SMALL) {
            /* measured, not kept: the text's length and its minus signs depend only on which
             * term comes first, so that one is put in front and the rest stay as they are */
            size_t f = first_item(it, e->n, item_cmp_sum);
            item first = it[f];
            memmove(it + 1, it, f * sizeof *it);
            it[0] = first;
        } else if (!sort_items(it, e->n, item_cmp_sum)) {
            b->oom = true;
        }
        /* A leading minus reads worse: (1 - x), sqrt(4 - x^2), 1 - tanh(x)^2, 4 - 2*x. Only
         * a longer result led by a power of a variable keeps descending powers: -x^2 + 4*x - 3,
         * and inside a formula only a polynomial. */
        if (it[0].neg && ((e != p->root && !polynomial(e)) || it[0].key <= 0 || e->n == 2)) {
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
                dx_buf_puts(b, it[i].neg ? "-" : "");
            else
                dx_buf_puts(b, it[i].neg ? " - " : " + ");
            dx_buf_putn(b, it[i].text, it[i].len);
        }
    }
    if (it != inl)
        dx_free(it);
}

/* A canonical u^e with e a negative number is printed below the fraction bar as u^-e. This
 * holds u^-e without building it (building it through dx_number + dx_pow for every printed
 * quotient was a large share of printing): the node dx_pow(u, -e) would return is, for a
 * canonical u^e, u itself when e = -1 and else the plain power u^-e (dx_pow's rewrites of
 * (c^d)^e, (a*b)^n and e^ln depend only on e being a (whole) number, so they were already
 * applied to u^e); only a numeric u goes through the constructors (num_pow may differ). */
/* Digits after the point when the printer writes v as a decimal (a fraction that ends, where
 * a decimal was typed), else -1. */
static int as_decimal(const printer *p, const dx_num *v)
{
    return p->decimals && !dx_num_is_int(v) ? decimal_digits(v) : -1;
}

typedef struct {
    const dx_expr *node; /* what to print */
    dx_expr exp;         /* the temporary -e */
    union {              /* the temporary power, with room for its two children */
        dx_expr e;
        char room[sizeof(dx_expr) + 2 * sizeof(dx_expr *)];
    } pow;
} flipped;

/* Is f printed below the fraction bar: u^(negative number)? Then fl->node prints as u^(-e);
 * release with flip_clear. False (and b->oom) if the constructors fail. */
static bool denominator(printer *p, dx_buf *b, const dx_expr *f, flipped *fl)
{
    if (f->kind != DX_POW || f->a[1]->kind != DX_NUM || dx_num_sign(&f->a[1]->u.num) >= 0)
        return false;
    const dx_expr *u = f->a[0];
    fl->exp = (dx_expr){.kind = DX_NUM, .depth = 1};
    fl->exp.u.num = dx_num_neg(&f->a[1]->u.num);
    if (dx_num_is(&fl->exp.u.num, 1)) {
        fl->node = u;
    } else if (u->kind == DX_NUM) {
        fl->node = dx_pow(p->ctx, (dx_expr *)u, dx_number(p->ctx, &fl->exp.u.num));
        if (!fl->node)
            b->oom = true;
    } else {
        dx_expr *t = &fl->pow.e;
        *t = (dx_expr){.kind = DX_POW, .n = 2, .depth = f->depth, .vmask = f->vmask};
        t->a[0] = (dx_expr *)u;
        t->a[1] = &fl->exp;
        fl->node = t;
    }
    return true;
}

static void flip_clear(flipped *fl) { dx_num_clear(&fl->exp.u.num); }

/* Factors joined as a product: "2*x*(x + 1)" or, in LaTeX, "2 x \left(x + 1\right)". */
static void print_factors(printer *p, dx_buf *b, item *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            if (!latex(p))
                dx_buf_puts(b, "*");
            else if (f[i].rank == 0 || (f[i - 1].rank == 0 && f[i].e->kind == DX_NUM))
                dx_buf_puts(b, " \\cdot ");
            else
                dx_buf_puts(b, " ");
        }
        dx_buf_putn(b, f[i].text, f[i].len);
    }
}

/* One side of a LaTeX fraction: the bar already groups it, so a lone sum loses the
 * \left( \right) it was printed with as a factor: \frac{1 - x^{2}}{...}. */
static void frac_part(printer *p, dx_buf *b, item *f, size_t n)
{
    static const char open[] = "\\left(", close[] = "\\right)";
    size_t lo = sizeof open - 1, lc = sizeof close - 1;
    if (n == 1 && f[0].e && f[0].e->kind == DX_ADD && f[0].len > lo + lc) {
        dx_buf_putn(b, f[0].text + lo, f[0].len - lo - lc);
        return;
    }
    print_factors(p, b, f, n);
}

/* A number's text as an item (the coefficient's numerator or denominator). */
static void number_item(dx_buf *b, item *it, const dx_num *v)
{
    it->e = NULL;
    it->rank = 0;
    it->off = b->n;
    sb_num(b, v);
    it->len = b->n - it->off;
}

/* e as a product (or quotient); drop_sign: as if its coefficient were |c|. */
static void print_product(printer *p, dx_buf *b, const dx_expr *e, int ctx_prec, bool drop_sign)
{
    /* coefficient p/q, numerator factors, denominator factors; one array, numerator items
     * from the front, denominator items from the back */
    const dx_num *coef = NULL;
    size_t n = e->n, nn = 0, nd = 0;
    item inl[2 * SMALL];
    item *num = 2 * (n + 1) <= 2 * SMALL ? inl : dx_calloc(2 * (n + 1), sizeof *num);
    if (!num) {
        b->oom = true;
        return;
    }
    item *den = num + n + 1;
    size_t base = b->n;
    for (size_t i = 0; i < n && !b->oom; i++) {
        const dx_expr *f = e->a[i];
        flipped fl;
        if (f->kind == DX_NUM) {
            coef = &f->u.num;
            continue;
        }
        f = bare(f); /* a guarded number is a factor: the coefficient is the unguarded one */
        if (denominator(p, b, f, &fl)) {
            /* e is only read for its kind once printed: the flipped node's kind is f's
             * (DX_POW) unless it is u itself; rank: factor_rank(u^-e) = factor_rank(u^e) */
            den[nd].e = fl.node == f->a[0] ? f->a[0] : f;
            den[nd].rank = factor_rank(f);
            if (fl.node)
                print_item(p, b, &den[nd++], fl.node, P_PROD + 1);
            flip_clear(&fl);
        } else {
            num[nn].e = f;
            num[nn].rank = factor_rank(f);
            print_item(p, b, &num[nn++], f, P_PROD + 1);
        }
    }
    bool neg = coef && dx_num_sign(coef) < 0;
    dx_num c = coef ? (neg ? dx_num_neg(coef) : dx_num_copy(coef)) : dx_num_int(1);
    neg = neg && !drop_sign;
    dx_num cn = dx_num_numer(&c), cd = dx_num_denom(&c);
    int k = as_decimal(p, &c);
    if (k >= 0) { /* 0.9858*t, not 4929*t/5000 */
        num[nn].e = NULL;
        num[nn].rank = 0;
        num[nn].off = b->n;
        sb_decimal(b, &c, k);
        num[nn].len = b->n - num[nn].off;
        nn++;
    } else {
        if (!dx_num_is(&cn, 1) || nn == 0)
            number_item(b, &num[nn++], &cn);
        if (!dx_num_is(&cd, 1))
            number_item(b, &den[nd++], &cd);
    }
    /* A product, or a quotient, binds like '*' in a sum; inside a power or after another
     * factor it needs parentheses, which the caller adds by its ctx_prec. */
    bool paren = ctx_prec > P_PROD || (neg && ctx_prec > P_SUM);
    if (take_region(p, b, base, num, nn, den, nd)) {
        if (!sort_items(num, nn, item_cmp_prod) || !sort_items(den, nd, item_cmp_prod))
            b->oom = true;
        if (paren)
            open_paren(p, b);
        if (neg)
            dx_buf_puts(b, "-");
        if (latex(p) && nd > 0) {
            dx_buf_puts(b, "\\frac{");
            frac_part(p, b, num, nn);
            dx_buf_puts(b, "}{");
            frac_part(p, b, den, nd);
            dx_buf_puts(b, "}");
        } else {
            print_factors(p, b, num, nn);
            if (nd > 0) {
                dx_buf_puts(b, "/");
                if (nd > 1)
                    dx_buf_puts(b, "(");
                print_factors(p, b, den, nd);
                if (nd > 1)
                    dx_buf_puts(b, ")");
            }
        }
        if (paren)
            close_paren(p, b);
    }
    if (num != inl)
        dx_free(num);
    dx_num_clear(&c);
    dx_num_clear(&cn);
    dx_num_clear(&cd);
}

/* Precedence of e as printed, so a caller knows whether to bracket it. */
static int prec_of(const printer *p, const dx_expr *e)
{
    switch (e->kind) {
    case DX_NUM:
        if (dx_num_sign(&e->u.num) < 0)
            return P_SUM;
        return dx_num_is_int(&e->u.num) || as_decimal(p, &e->u.num) >= 0 ? P_ATOM : P_PROD;
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

/* Exponent text (plain) past which a power of e is printed exp(...): e^(2*x) and
 * e^(0.093*t^2 - 0.87*t) as a textbook writes them, a long exponent where the eye finds its
 * end, unless another power in the same formula is printed as exp(...). */
#define DX_EXP_LONG 24

static void print_pow(printer *p, dx_buf *b, const dx_expr *e, int ctx_prec)
{
    const dx_expr *base = e->a[0], *x = e->a[1];
    flipped fl;
    if (denominator(p, b, e, &fl)) { /* u^-n -> 1/u^n */
        const dx_expr *flip = fl.node;
        if (!flip) {
            flip_clear(&fl);
            return;
        }
        bool paren = ctx_prec > P_PROD;
        if (paren)
            open_paren(p, b);
        if (latex(p)) {
            dx_buf_puts(b, "\\frac{1}{");
            print(p, b, flip, 0);
            dx_buf_puts(b, "}");
        } else {
            dx_buf_puts(b, "1/");
            print_in(p, b, flip, P_PROD + 1, prec_of(p, flip));
        }
        if (paren)
            close_paren(p, b);
        flip_clear(&fl);
        return;
    }
    if (is_half(x)) {
        dx_buf_puts(b, latex(p) ? "\\sqrt{" : "sqrt(");
        print(p, b, base, 0);
        dx_buf_puts(b, latex(p) ? "}" : ")");
        return;
    }
    bool is_e = base->kind == DX_CONST && base->fn == DX_E;
    if (latex(p)) {
        if (is_e)
            dx_buf_puts(b, "e");
        else
            print_in(p, b, base, P_ATOM, prec_of(p, base) == P_POW ? P_POW : prec_of(p, base));
        dx_buf_puts(b, "^{");
        print(p, b, x, 0);
        dx_buf_puts(b, "}");
        return;
    }
    int xp = prec_of(p, x);
    if (is_e) {
        size_t at = b->n;
        dx_buf_puts(b, p->exp_all ? "exp(" : "e^(");
        print(p, b, x, 0);
        dx_buf_puts(b, ")");
        if (b->oom)
            return;
        size_t len = b->n - at - (p->exp_all ? 5 : 4);
        if (p->exp_all || len > DX_EXP_LONG) { /* exp(...): the text shifts right by one */
            p->used_exp = true;
            if (!p->exp_all) {
                dx_buf_putc(b, ')');
                memmove(b->s + at + 4, b->s + at + 3, len + 1);
                memcpy(b->s + at, "exp(", 4);
            }
        } else if (xp >= P_ATOM) { /* e^x, e^2, e^sin(x): no brackets */
            p->used_e = true;
            memmove(b->s + at + 2, b->s + at + 3, len);
            b->n -= 2;
            b->s[b->n] = 0;
        } else {
            p->used_e = true;
        }
        return;
    }
    print_in(p, b, base, P_ATOM, prec_of(p, base) == P_POW ? P_POW : prec_of(p, base));
    dx_buf_puts(b, "^");
    /* a call binds as an atom in an exponent: x^sin(x) */
    print_in(p, b, x, P_ATOM, xp);
}

static void print_call(printer *p, dx_buf *b, const dx_expr *e)
{
    const dx_fn *row = &dx_fns[e->fn];
    if (latex(p)) {
        if (row->latex_close) {
            dx_buf_puts(b, row->latex);
            print(p, b, e->a[0], 0);
            dx_buf_puts(b, row->latex_close);
            return;
        }
        dx_buf_puts(b, row->latex);
        open_paren(p, b);
        print(p, b, e->a[0], 0);
        close_paren(p, b);
        return;
    }
    dx_buf_puts(b, row->name);
    dx_buf_puts(b, "(");
    print(p, b, e->a[0], 0);
    dx_buf_puts(b, ")");
}

static const char *const greek[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
                                    "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau",
                                    "upsilon", "phi", "chi", "psi", "omega", NULL};

static void print_sym(printer *p, dx_buf *b, const char *name)
{
    if (!latex(p) || strlen(name) == 1) {
        dx_buf_puts(b, name);
        return;
    }
    for (int i = 0; greek[i]; i++)
        if (strcmp(name, greek[i]) == 0) {
            dx_buf_puts(b, "\\");
            dx_buf_puts(b, name);
            return;
        }
    dx_buf_puts(b, "\\mathrm{");
    dx_buf_puts(b, name);
    dx_buf_puts(b, "}");
}

static void print_node(printer *p, dx_buf *b, const dx_expr *e, int ctx_prec)
{
    switch (e->kind) {
    case DX_NUM: {
        bool paren = prec_of(p, e) < ctx_prec;
        if (paren)
            open_paren(p, b);
        int k = as_decimal(p, &e->u.num);
        if (k >= 0) {
            sb_decimal(b, &e->u.num, k);
        } else if (latex(p) && !dx_num_is_int(&e->u.num)) {
            dx_num a = dx_num_sign(&e->u.num) < 0 ? dx_num_neg(&e->u.num) : dx_num_copy(&e->u.num);
            dx_num n = dx_num_numer(&a), d = dx_num_denom(&a);
            dx_buf_puts(b, dx_num_sign(&e->u.num) < 0 ? "-\\frac{" : "\\frac{");
            sb_num(b, &n);
            dx_buf_puts(b, "}{");
            sb_num(b, &d);
            dx_buf_puts(b, "}");
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
        dx_buf_puts(b, e->fn == DX_E ? "e" : latex(p) ? "\\pi" : "pi");
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
        print_product(p, b, e, ctx_prec, false);
        return;
    case DX_POW:
        print_pow(p, b, e, ctx_prec);
        return;
    case DX_CALL:
        print_call(p, b, e);
        return;
    case DX_GUARD: /* the textbook form: x/x prints as 1 */
        print(p, b, e->a[0], ctx_prec);
        return;
    case DX_COND: {
        static const char *const plain[] = {" ≠ 0", " ≥ 0", " > 0"}, *const tex[] = {" \\neq 0", " \\geq 0", " > 0"};
        print(p, b, e->a[0], 0);
        dx_buf_puts(b, (latex(p) ? tex : plain)[e->fn]);
        return;
    }
    }
}

/* --- the memo (print.h) ------------------------------------------------------------------ */

/* One text: a node printed at a precedence, with or without exp_all, and what it printed of
 * the powers of e (the caller's used_exp/used_e must learn it from a remembered text too). */
typedef struct {
    const dx_expr *e; /* NULL: empty slot */
    int ctx_prec;
    bool exp_all, used_exp, used_e;
    size_t off, len; /* in the memo's text */
} memo_slot;

struct dx_print_memo {
    memo_slot *v;
    size_t cap, n; /* cap a power of two, at most half full */
    dx_buf text;   /* every remembered text, one after another */
};

/* Texts the memo keeps at most: past it, new ones are printed but not kept. */
#define DX_PRINT_MEMO_MAX ((size_t)16 << 20)

dx_print_memo *dx_print_memo_new(void) { return dx_calloc(1, sizeof(dx_print_memo)); }

void dx_print_memo_free(dx_print_memo *m)
{
    if (!m)
        return;
    dx_free(m->v);
    dx_free(m->text.s);
    dx_free(m);
}

static memo_slot *memo_find(memo_slot *v, size_t cap, const dx_expr *e, int ctx_prec, bool exp_all)
{
    uint64_t h = e->hash ^ ((uint64_t)ctx_prec * 2 + exp_all) * UINT64_C(0x9E3779B97F4A7C15);
    size_t i = (size_t)(h >> 17) & (cap - 1);
    while (v[i].e && !(v[i].e == e && v[i].ctx_prec == ctx_prec && v[i].exp_all == exp_all))
        i = (i + 1) & (cap - 1);
    return &v[i];
}

/* Room for one more slot; false without memory (the memo is then only read). */
static bool memo_room(dx_print_memo *m)
{
    if (2 * (m->n + 1) <= m->cap)
        return true;
    size_t cap = m->cap ? 2 * m->cap : 256;
    memo_slot *v = dx_calloc(cap, sizeof *v);
    if (!v)
        return false;
    for (size_t i = 0; i < m->cap; i++)
        if (m->v[i].e)
            *memo_find(v, cap, m->v[i].e, m->v[i].ctx_prec, m->v[i].exp_all) = m->v[i];
    dx_free(m->v);
    m->v = v;
    m->cap = cap;
    return true;
}

/* print_node through the memo. Only interned nodes are kept: the printer's temporaries
 * (flipped powers, |c| of a term) are built on the stack with hash 0, and their addresses are
 * reused; a node whose hash happens to be 0 is merely printed afresh. */
static void print_memo(printer *p, dx_buf *b, const dx_expr *e, int ctx_prec)
{
    dx_print_memo *m = p->memo;
    memo_slot *s = m->cap ? memo_find(m->v, m->cap, e, ctx_prec, p->exp_all) : NULL;
    if (s && s->e) {
        dx_buf_putn(b, m->text.s + s->off, s->len);
        p->used_exp |= s->used_exp;
        p->used_e |= s->used_e;
        return;
    }
    bool used_exp = p->used_exp, used_e = p->used_e;
    p->used_exp = p->used_e = false;
    size_t start = b->n;
    print_node(p, b, e, ctx_prec);
    size_t len = b->n - start;
    if (!b->oom && m->text.n + len <= DX_PRINT_MEMO_MAX && memo_room(m)) {
        size_t off = m->text.n;
        dx_buf_putn(&m->text, b->s + start, len);
        if (!m->text.oom) {
            *memo_find(m->v, m->cap, e, ctx_prec, p->exp_all) =
                (memo_slot){e, ctx_prec, p->exp_all, p->used_exp, p->used_e, off, len};
            m->n++;
        } else {
            m->text.oom = false;
            m->text.n = off;
        }
    }
    p->used_exp |= used_exp;
    p->used_e |= used_e;
}

static void print(printer *p, dx_buf *b, const dx_expr *e, int ctx_prec)
{
    if (b->oom || b->n > b->limit) {
        b->over |= b->n > b->limit; /* the buffer's capacity may hold more than the limit */
        b->oom = true;
        return;
    }
    if (dx_stack_low(p->ctx)) {
        b->oom = p->deep = true;
        return;
    }
    if (p->memo && e->n > 0 && e != p->root && e->hash != 0 && e != p->unordered)
        print_memo(p, b, e, ctx_prec);
    else
        print_node(p, b, e, ctx_prec);
}

static char *print_with(dx_ctx *ctx, const dx_expr *e, dx_format fmt, dx_print_memo *memo, bool decimals,
                        const dx_expr *unordered)
{
    if (!e)
        return NULL;
    /* A numeric denominator is built through the constructors (see denominator()), and they
     * refuse to build while an earlier error is pending: set it aside, so printing after a
     * failed call still works (it returned NULL without a message), and restore it after. */
    dx_error pending = *dx_ctx_error(ctx);
    dx_ctx_clear_error(ctx);
    printer p = {ctx, fmt, memo, decimals, NULL, 0, bare(e), false, false, false, false, unordered};
    dx_buf b = {.limit = print_limit(fmt)};
    print(&p, &b, e, 0);
    if (p.used_exp && p.used_e && !b.oom) {
        /* one formula does not mix e^x with exp(-x): again, every power as exp(...) (rare,
         * so printing twice costs less than looking ahead every time) */
        p.exp_all = true;
        b.n = 0;
        print(&p, &b, e, 0);
    }
    dx_free(p.scratch);
    if (b.n > b.limit) /* the last pieces written after the last check */
        b.oom = b.over = true;
    if (pending.status != DX_OK) {
        dx_ctx_clear_error(ctx);
        dx_fail_msg(ctx, pending.status, pending.pos, pending.end, pending.msg);
    }
    if (b.oom) {
        dx_free(b.s);
        if (p.deep)
            return NULL;
        if (b.over)
            return dx_fail(ctx, DX_ELIMIT, -1, -1, DX_M_PRINT_TOO_LARGE, DX_I(b.limit));
        return dx_oom(ctx);
    }
    return dx_buf_take(&b);
}

char *dx_print(dx_ctx *ctx, const dx_expr *e, dx_format fmt) { return print_with(ctx, e, fmt, NULL, dx_print_decimals(ctx), NULL); }

char *dx_print_memoed(dx_ctx *ctx, const dx_expr *e, dx_print_memo *m)
{
    return print_with(ctx, e, DX_PLAIN, m, dx_print_decimals(ctx), NULL);
}

bool dx_print_measure(dx_ctx *ctx, const dx_expr *e, const dx_expr *unordered, dx_print_memo *m, size_t *len,
                      size_t *minus)
{
    char *s = print_with(ctx, e, DX_PLAIN, m, dx_print_decimals(ctx), unordered);
    if (!s)
        return false;
    *len = strlen(s);
    *minus = 0;
    /* memchr from one minus sign to the next: the texts are long, the signs few */
    for (const char *c = s, *end = s + *len; (c = memchr(c, '-', (size_t)(end - c))); c++)
        ++*minus;
    dx_free(s);
    return true;
}
