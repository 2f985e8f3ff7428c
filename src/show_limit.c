/* Limits as text: how a side's answer was found. */
#include "expr.h"

#include <stdlib.h>

static void say(dx_ctx *ctx, dx_buf *b, dx_msg m) { dx_msg_render(ctx, b, &m, DX_PLAIN); }

/* The classes of growth by dx_lim_growth: their names, and what comparing two of one class is. */
static const dx_msg_id class_names[] = {DX_M_LIM_CONSTANT, DX_M_LIM_LOGARITHM, DX_M_LIM_POWER, DX_M_LIM_EXPONENTIAL};
static const dx_msg_id class_ties[] = {DX_M_LIM_TIE_CONSTANT, DX_M_LIM_TIE_LOGARITHM, DX_M_LIM_DEGREES,
                                       DX_M_LIM_TIE_EXPONENTIAL};
/* The rewrites, in the order they are said. */
static const struct {
    unsigned bit;
    dx_msg_id id;
} rewrites[] = {
    {DX_LIM_REWRITE_FRACTION, DX_M_LIM_FRACTION}, {DX_LIM_REWRITE_CONJUGATE, DX_M_LIM_CONJUGATE},
    {DX_LIM_REWRITE_EXPLOG, DX_M_LIM_EXPLOG},     {DX_LIM_REWRITE_KINK, DX_M_LIM_KINK},
    {DX_LIM_REWRITE_TRIG, DX_M_LIM_TRIG},         {DX_LIM_REWRITE_POLE, DX_M_LIM_POLE},
    {DX_LIM_REWRITE_SQUEEZE, DX_M_LIM_SQUEEZE},
};

/* A word of the catalogue as text, malloc'd. */
static char *word(dx_ctx *ctx, dx_msg_id id)
{
    dx_msg m = DX_MSG(id);
    return dx_msg_text(ctx, &m, DX_PLAIN);
}

static bool is_class(int c) { return c >= 0 && c < (int)(sizeof class_names / sizeof class_names[0]); }

void dx_show_lim_method(dx_ctx *ctx, const dx_lim_method *m, dx_buf *b)
{
    if (m->note.id != DX_M_NONE) {
        say(ctx, b, m->note);
        return;
    }
    if (m->via && m->via_at && dx_is_int(m->via_at, 0))
        say(ctx, b, DX_MSG(DX_M_LIM_VIA_ZERO, DX_S(m->via > 0 ? "" : "-")));
    else if (m->via)
        say(ctx, b, DX_MSG(DX_M_LIM_VIA, DX_E(m->via_at), DX_S(m->via > 0 ? "+" : "-")));
    bool base = m->compare != DX_LIM_CMP_NONE;
    if (m->compare == DX_LIM_CMP_DEGREES)
        say(ctx, b, DX_MSG(DX_M_LIM_DEGREES));
    else if (m->compare == DX_LIM_CMP_GROWTH && is_class(m->growth_hi) && is_class(m->growth_lo)) {
        char *hi = word(ctx, class_names[m->growth_hi]), *lo = word(ctx, class_names[m->growth_lo]);
        say(ctx, b, DX_MSG(DX_M_LIM_GROWTH_BEATS, DX_S(hi), DX_S(lo)));
        b->oom |= !hi || !lo;
        free(hi);
        free(lo);
    } else if (m->compare == DX_LIM_CMP_GROWTH && is_class(m->growth_hi))
        say(ctx, b, DX_MSG(class_ties[m->growth_hi]));
    else if (m->compare == DX_LIM_CMP_GROWTH)
        say(ctx, b, DX_MSG(DX_M_LIM_GROWTH));
    if (m->lhopital) {
        if (base)
            dx_buf_puts(b, ", ");
        say(ctx, b, m->lhopital == 1 ? DX_MSG(DX_M_LIM_LHOPITAL_ONE) : DX_MSG(DX_M_LIM_LHOPITAL, DX_I(m->lhopital)));
    } else if (!base) {
        say(ctx, b, DX_MSG(m->parts ? DX_M_LIM_PARTS : DX_M_LIM_SUBSTITUTION));
    }
    for (size_t i = 0; i < sizeof rewrites / sizeof rewrites[0]; i++)
        if (m->rewrites & rewrites[i].bit) {
            dx_buf_puts(b, ", ");
            say(ctx, b, DX_MSG(rewrites[i].id));
        }
    if (m->lo && m->hi)
        say(ctx, b, DX_MSG(DX_M_LIM_BETWEEN, DX_E(m->lo), DX_E(m->hi)));
    else if (m->wild)
        say(ctx, b, DX_MSG(DX_M_LIM_WILD));
}
