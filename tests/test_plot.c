/* Plots: ticks, ranges and breaks of the library; the terminal picture (golden text) and files. */
#include "dfdx/plot.h"
#include "testutil.h"
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* --- nice ticks ------------------------------------------------------------------------------ */

static const struct { double lo, hi; size_t max; double step, first, last; } tick_rows[] = {
    {-3, 3, 5, 2, -2, 2},    {0, 1, 5, 0.2, 0, 1},      {-5, 5, 6, 2, -4, 4},
    {-18, 24, 6, 10, -10, 20}, {0, 0.01, 5, 0.002, 0, 0.01}, {-1e6, 3e6, 4, 1e6, -1e6, 3e6},
};

START_TEST(ticks_row)
{
    double t[DX_PLOT_MAX_TICKS], step;
    size_t n = dx_plot_nice_ticks(tick_rows[_i].lo, tick_rows[_i].hi, tick_rows[_i].max, t, &step);
    ck_assert_msg(fabs(step - tick_rows[_i].step) < 1e-12 && n >= 2 && fabs(t[0] - tick_rows[_i].first) < 1e-9 &&
                      fabs(t[n - 1] - tick_rows[_i].last) < 1e-9,
                  "ticks of [%g, %g] max %zu: step %g, %g .. %g (%zu)", tick_rows[_i].lo, tick_rows[_i].hi,
                  tick_rows[_i].max, step, t[0], t[n - 1], n);
}
END_TEST

START_TEST(tick_labels)
{
    static const struct { double v, step; const char *want; } rows[] = {
        {-2, 1, "-2"}, {0.5, 0.5, "0.5"}, {0.25, 0.05, "0.25"}, {0, 0.1, "0.0"}, {2e6, 1e6, "2e+06"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char b[48];
        dx_plot_tick_label(rows[i].v, rows[i].step, b, sizeof b);
        ck_assert_msg(strcmp(b, rows[i].want) == 0, "label of %g (step %g): '%s', want '%s'", rows[i].v,
                      rows[i].step, b, rows[i].want);
    }
}
END_TEST

/* --- ranges and breaks ------------------------------------------------------------------------ */

/* f and f' of text over [a, b], finished. */
static dx_plot *plot_of(const char *text, double a, double b)
{
    dx_expr *f = dx_parse(tu_ctx, text, strlen(text));
    ck_assert_msg(f != NULL, "parse %s", text);
    dx_expr *df = dx_diff(tu_ctx, f, "x", 1);
    dx_plot *p = dx_plot_new(tu_ctx, a, b, 1001);
    ck_assert_msg(p && dx_plot_add_expr(p, tu_ctx, f, "x", "f", true, true) == DX_OK &&
                      dx_plot_add_expr(p, tu_ctx, df, "x", "f'", true, true) == DX_OK && dx_plot_finish(p, tu_ctx) == DX_OK,
                  "plot %s: %s", text, tu_err(tu_ctx));
    return p;
}

/* Where the curve crosses from far above the view to far below (or back) between two
 * neighbouring samples, a line is drawn only if the curve is not broken there. */
static int lines_across(const dx_plot_series *s, double y0, double y1)
{
    int n = 0;
    for (size_t i = 0; i + 1 < s->n; i++) {
        double a = s->py[i], b = s->py[i + 1];
        if (isfinite(a) && isfinite(b) && !s->brk[i] && ((a > y1 && b < y0) || (a < y0 && b > y1)))
            n++;
    }
    return n;
}

/* Poles neither blow the range up nor get a line drawn across them; smooth curves are whole. */
static const struct { const char *f; double a, b, maxheight; int breaks_min, breaks_max; } pole_rows[] = {
    {"1/x", -5, 5, 30, 0, 1}, /* the sample at 0 is undefined: a gap, maybe no break */
    {"1/x", -5.03, 4.96, 30, 1, 1}, /* no sample at 0 */
    {"1/x", -5.03, 4.97, 30, 0, 1}, /* a sample within 1e-15 of 0 */
    {"tan(x)", -5, 5, 80, 4, 4},
    {"1/(x^2 - 1)", -3, 3, 30, 2, 2},
    {"x^3 - 3*x", -3, 3, 60, 0, 0},
    {"exp(10*x)", -1, 1, 1e9, 0, 0}, /* steep but continuous: no break, the whole range */
    {"tanh(50*x)", -1, 1, 10, 0, 0},
};

START_TEST(poles_row)
{
    dx_plot *p = plot_of(pole_rows[_i].f, pole_rows[_i].a, pole_rows[_i].b);
    const dx_plot_series *f = &p->s[0];
    int nbrk = 0;
    for (size_t i = 0; i + 1 < f->n; i++)
        nbrk += f->brk[i];
    ck_assert_msg(nbrk >= pole_rows[_i].breaks_min && nbrk <= pole_rows[_i].breaks_max, "%s: %d breaks",
                  pole_rows[_i].f, nbrk);
    ck_assert_msg(p->y1 - p->y0 <= pole_rows[_i].maxheight, "%s: y view %g .. %g too tall", pole_rows[_i].f, p->y0,
                  p->y1);
    ck_assert_msg(lines_across(f, p->y0, p->y1) == 0, "%s: a line across a pole", pole_rows[_i].f);
    if (pole_rows[_i].breaks_max == 0) /* a smooth curve is in view entirely */
        for (size_t i = 0; i < f->n; i++)
            ck_assert_msg(f->py[i] >= p->y0 && f->py[i] <= p->y1, "%s: %g at %g outside %g .. %g", pole_rows[_i].f,
                          f->py[i], f->px[i], p->y0, p->y1);
    dx_plot_free(p);
}
END_TEST

START_TEST(domain_edges)
{
    dx_plot *p = plot_of("ln(x)", -5, 5);
    /* 1/x is drawn only where ln is defined */
    for (size_t i = 0; i < p->n; i++)
        ck_assert_msg(isnan(p->s[1].py[i]) == (p->s[0].px[i] <= 0), "ln(x)' at %g: %g", p->s[0].px[i], p->s[1].py[i]);
    dx_plot_free(p);
    dx_expr *f = dx_parse(tu_ctx, "ln(x)", 5);
    p = dx_plot_new(tu_ctx, -5, -1, 101);
    ck_assert(dx_plot_add_expr(p, tu_ctx, f, "x", "f", true, true) == DX_OK);
    ck_assert_msg(dx_plot_finish(p, tu_ctx) == DX_EDOMAIN, "ln(x) on [-5, -1] is drawn");
    /* why, as data: at x = -3, the evaluator's own message nested */
    ck_assert_int_eq(p->empty.id, DX_M_PLOT_EMPTY_AT);
    ck_assert(p->empty.arg[1].u.d == -3);
    ck_assert_int_eq(p->empty.arg[2].kind, DX_ARG_MSG);
    ck_assert_int_eq(p->empty.arg[2].u.m->id, DX_M_UNDEF_POS);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->msg.id, DX_M_PLOT_NOTHING_AT);
    ck_assert_msg(strstr(tu_err(tu_ctx), "no finite value on [-5, -1] (at x = -3: ln is undefined at -3"), "%s",
                  tu_err(tu_ctx));
    dx_plot_free(p);
    ck_assert(dx_plot_new(tu_ctx, 1, 1, 100) == NULL);
    ck_assert(dx_plot_new(tu_ctx, 0, 1, DX_PLOT_MAX_POINTS + 1) == NULL);
}
END_TEST

/* The tangent line of x^3 at 2 (y = 12*x - 16, exact) and x^3 - 3*x's critical points. */
START_TEST(tangent_and_extrema)
{
    dx_expr *f = dx_parse(tu_ctx, "x^3 - 3*x", 9), *df = dx_diff(tu_ctx, f, "x", 1);
    char why[200];
    ck_assert_msg(tu_check_default(f, df, "x", why, sizeof why) > 0, "%s", why);
    dx_plot *p = dx_plot_new(tu_ctx, -3, 3, 101);
    ck_assert(dx_plot_add_expr(p, tu_ctx, f, "x", "f", true, true) == DX_OK);
    ck_assert(dx_plot_add_tangent(p, tu_ctx, f, df, "x", dx_parse(tu_ctx, "2", 1), 2, "2") == DX_OK);
    ck_assert_str_eq(p->s[1].label, "tangent at x = 2: y = 9*x - 16");
    ck_assert(p->nm == 1 && p->m[0].x == 2 && p->m[0].y == 2);
    for (size_t i = 0; i < p->n; i++) /* the line: f(2) + f'(2)*(x - 2) */
        ck_assert(fabs(p->s[1].py[i] - (2 + 9 * (p->s[1].px[i] - 2))) < 1e-9);
    dx_msg note;
    ck_assert(dx_plot_mark_extrema(p, tu_ctx, f, "x", true, 1, &note) == DX_OK);
    ck_assert_int_eq(note.id, DX_M_NONE);
    ck_assert_int_eq(p->nm, 5); /* the tangent point, then -1 and 1 on f and on f' */
    ck_assert_str_eq(p->m[1].label, "local max (-1, 2)");
    ck_assert(p->m[2].x == -1 && p->m[2].y == 0);
    ck_assert_str_eq(p->m[3].label, ""); /* only the first is labelled */
    ck_assert(p->m[3].x == 1 && p->m[3].y == -2);
    /* none on [2, 3] */
    dx_plot *q = dx_plot_new(tu_ctx, 2, 3, 11);
    ck_assert(dx_plot_mark_extrema(q, tu_ctx, f, "x", false, 6, &note) == DX_OK);
    ck_assert_int_eq(note.id, DX_M_PLOT_NO_CRITICAL);
    ck_assert_int_eq(q->nm, 0);
    /* undefined at the point: an error, no line */
    dx_expr *g = dx_parse(tu_ctx, "ln(x)", 5);
    ck_assert(dx_plot_add_tangent(q, tu_ctx, g, dx_diff(tu_ctx, g, "x", 1), "x", dx_parse(tu_ctx, "-1", 2), -1, "-1") ==
              DX_EUSAGE);
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->msg.id, DX_M_PLOT_NO_TANGENT);
    ck_assert_int_eq(q->ns, 0);
    dx_plot_free(q);
    dx_plot_free(p);
}
END_TEST

START_TEST(path_over_curve)
{
    /* a descent on w^2: the path is drawn with its own glyph over the curve */
    dx_plot *p = plot_of("x^2", -3, 3);
    double xs[] = {2.5, 1.5, 0.9, 0.54, 0.32}, ys[5];
    for (int i = 0; i < 5; i++)
        ys[i] = xs[i] * xs[i];
    ck_assert(dx_plot_add_path(p, tu_ctx, xs, ys, 5, "descent") == DX_OK);
    ck_assert(dx_plot_finish(p, tu_ctx) == DX_OK);
    char *t = dx_plot_text(p, tu_ctx, 60, 20, DX_PLOT_ASCII);
    ck_assert_msg(t && strstr(t, ". descent"), "%s", t ? t : tu_err(tu_ctx));
    ck_assert_msg(strchr(t, '.') != strstr(t, ". descent"), "the path is not drawn:\n%s", t);
    free(t);
    ck_assert(dx_plot_text(p, tu_ctx, 10, 5, 0) == NULL); /* too small */
    dx_plot_free(p);
}
END_TEST

START_TEST(braille_and_colour)
{
    dx_plot *p = plot_of("x^2", -3, 3);
    char *t = dx_plot_text(p, tu_ctx, 60, 20, DX_PLOT_COLOR);
    ck_assert(t != NULL);
    ck_assert_msg(strstr(t, "\xe2\xa0") || strstr(t, "\xe2\xa1") || strstr(t, "\xe2\xa3"), "no braille:\n%s", t);
    ck_assert_msg(strstr(t, "\033[34m") && strstr(t, "\033[31m") && strstr(t, "\033[0m"), "no colours:\n%s", t);
    ck_assert_msg(strstr(t, "━") && strstr(t, "\033[0m f'"), "legend:\n%s", t);
    /* every line is 60 characters at most */
    free(t);
    t = dx_plot_text(p, tu_ctx, 60, 20, 0);
    ck_assert(!strchr(t, '\033'));
    int lines = 0;
    for (char *l = t, *e; (e = strchr(l, '\n')); l = e + 1, lines++) {
        size_t chars = 0;
        for (char *q = l; q < e; q++)
            chars += ((unsigned char)*q & 0xC0) != 0x80;
        ck_assert_msg(chars <= 60, "line %d has %zu characters", lines, chars);
    }
    ck_assert_msg(lines == 20, "%d lines, want 20", lines);
    free(t);
    dx_plot_free(p);
}
END_TEST

/* --- the program: golden pictures --------------------------------------------------------------- */

static const char golden_square[] =
    " 10+                            |                           \n"
    "   |**                          |                         **\n"
    "   | ***                        |                       *** \n"
    "   |   ****                     |                    ****ooo\n"
    "  5+      ***                   |                  ***oooo  \n"
    "   |        ****                |             oo****o       \n"
    "   |           *****            |       oooo*****           \n"
    "   |               ******       | ooooo******               \n"
    "  0+--------------------****************--------------------\n"
    "   |                   ooooooo  |                           \n"
    "   |             ooooooo        |                           \n"
    "   |       ooooooo              |                           \n"
    " -5+  oooooo                    |                           \n"
    "   |ooo                         |                           \n"
    "   |                            |                           \n"
    "   |                            |                           \n"
    "-10+                            |                           \n"
    "   +---------+------------------+-----------------+---------\n"
    "             -2                 0                 2\n"
    "* f(x) = x^2   o f'(x) = 2*x\n";

static const char golden_cubic[] =
    " 30+                            |                           \n"
    "   |                            |                           \n"
    "   |oo                          |                         oo\n"
    " 20+ ooo                        |                       ooo \n"
    "   |   oo                       |                      oo **\n"
    "   |     oo                     |                    oo  ** \n"
    " 10+      oooo                  |                 oooo ***  \n"
    "   |         ooo                |               ooo   **    \n"
    "   |           oooo             |            oooo  ***      \n"
    "   |            ****************|        ooooo  ****        \n"
    "  0+--------*****-----oooooooo-******************-----------\n"
    "   |      ***                oooooo                         \n"
    "   |    ***                     |                           \n"
    "-10+  ***                       |                           \n"
    "   | **                         |                           \n"
    "   |**                          |                           \n"
    "-20+                            |                           \n"
    "   +---------+------------------+-----------------+---------\n"
    "             -2                 0                 2\n"
    "* f(x) = x^3 - 3*x   o f'(x) = 3*x^2 - 3\n";

static const struct { const char *f, *want; } golden_rows[] = {
    {"x^2", golden_square},
    {"x^3 - 3*x", golden_cubic},
};

START_TEST(golden_row)
{
    const char *argv[] = {"plot", golden_rows[_i].f, "--from", "-3", "--to", "3", "--ascii", "--size", "60x20", NULL};
    char *out, *err;
    int rc = tu_run(argv, NULL, &out, &err);
    ck_assert_msg(rc == 0 && strcmp(out, golden_rows[_i].want) == 0, "plot %s (rc %d, %s):\n%s\nwant:\n%s",
                  golden_rows[_i].f, rc, err, out, golden_rows[_i].want);
    free(out);
    free(err);
}
END_TEST

/* --mark extrema: the lesson's picture of x^3 - 3x, its local max and min marked on f and,
 * at the same x, on f' where it crosses 0 */
static const char golden_marked[] =
    "   |                                 |                                \n"
    " 15+oo                               |                              oo\n"
    "   | ooo                             |                            ooo \n"
    "   |   oo                            |                           oo   \n"
    " 10+    ooo                          |                         ooo    \n"
    "   |      oo                         |                        oo     *\n"
    "   |        oo                       |                      oo      **\n"
    "  5+         ooo                     |                    ooo     *** \n"
    "   |           oooo                  |                 oooo     ***   \n"
    "   |              oo****@***         |               ooo      ***     \n"
    "   |          *******ooo   **********|            oooo      ***       \n"
    "  0+-------****--------o@ooo--------********--oooo@----*****----------\n"
    "   |     ***               oooooooo  | oooo*******@*****              \n"
    "   |   ***                         oooo                               \n"
    " -5+  **                             |                                \n"
    "   |***                              |                                \n"
    "   |*                                |                                \n"
    "-10+                                 |                                \n"
    "   +-------+------------+------------+------------+------------+------\n"
    "           -2           -1           0            1            2\n"
    "* f(x) = x^3 - 3*x   o f'(x) = 3*x^2 - 3   @ local max (-1, 2)\n"
    "@ local min (1, -2)\n";

START_TEST(golden_marks)
{
    const char *argv[] = {"plot", "x^3 - 3*x", "--from", "-2.5", "--to", "2.5", "--mark", "extrema", "--ascii",
                          "--size", "70x22", NULL};
    char *out, *err;
    int rc = tu_run(argv, NULL, &out, &err);
    ck_assert_msg(rc == 0 && strcmp(out, golden_marked) == 0 && !*err, "plot --mark extrema (rc %d, %s):\n%s\nwant:\n%s",
                  rc, err, out, golden_marked);
    free(out);
    free(err);
}
END_TEST

/* Not a terminal: 80x24, no colour, whatever NO_COLOR says. */
START_TEST(pipe_default_size)
{
    const char *argv[] = {"plot", "sin(x)", NULL};
    char *out, *err;
    ck_assert_int_eq(tu_run(argv, NULL, &out, &err), 0);
    int lines = 0;
    for (char *l = out; (l = strchr(l, '\n')); l++)
        lines++;
    ck_assert_msg(lines == 24 && !strchr(out, '\033'), "%d lines:\n%s", lines, out);
    ck_assert_msg(strstr(out, "f(x) = sin(x)") && strstr(out, "f'(x) = cos(x)"), "%s", out);
    free(out);
    free(err);
}
END_TEST

static const struct { const char *args[10]; const char *err; } bad_rows[] = {
    {{"plot", "x^2", "--out", "a.txt"}, "--out writes .svg, .png or .pdf"},
    {{"plot", "x^2", "--from", "3", "--to", "1"}, "--from must be less than --to"},
    {{"plot", "ln(x)", "--from", "-5", "--to", "-1"}, "no finite value on [-5, -1] (at x = -3: ln is undefined at -3"},
    {{"plot", "x^2", "--from", "1e300", "--to", "2e300"}, "overflows: too large for a double)"},
    {{"plot", "x^2", "--order", "9"}, "dfdx: --order takes a whole number from 0 to 4 (not '9')\n"},
    {{"plot", "x^2", "--size", "10x3"}, "needs 24 to 2000 columns"},
    {{"plot", "x^2", "--from", "a+"}, "syntax error"},
    {{"plot", "x^2", "--from", "y"}, "dfdx: --from: takes a number or a constant expression like pi/2 (not 'y', which has the variable y)\n"},
    {{"plot", "ln(x)", "--tangent", "-1"}, "no tangent at x = -1"},
    {{"plot", "x^2", "--mark", "roots"}, "--mark takes 'extrema'"},
    {{"plot", "x*y"}, "dfdx: plot needs a function of x alone: y has no value (put a number in its place)\n"},
    {{"plot", "x^2", "--out", "/nonexistent/dir/a.png"}, "cannot write"},
};

START_TEST(bad_row)
{
    char *out, *err;
    int rc = tu_run(bad_rows[_i].args, NULL, &out, &err);
    ck_assert_msg(rc == 2 && strstr(err, bad_rows[_i].err) && !*out, "%s %s: rc %d, err '%s', out '%s'",
                  bad_rows[_i].args[1], bad_rows[_i].args[2] ? bad_rows[_i].args[2] : "", rc, err, out);
    free(out);
    free(err);
}
END_TEST

/* Runs that succeed: what must be in the picture and on stderr. */
static const struct { const char *args[12]; const char *out, *err; } good_rows[] = {
    {{"plot", "x^3 - 3*x", "--mark", "extrema", "--ascii"}, "@ local max (-1, 2)", ""},
    {{"--format", "json", "plot", "x^3 - 3*x", "--mark", "extrema", "--order", "0"},
     "\"marks\": [{\"x\": -1, \"y\": 2, \"label\": \"local max (-1, 2)\"}, {\"x\": 1, \"y\": -2, \"label\": "
     "\"local min (1, -2)\"}]", ""},
    {{"plot", "x^3", "--mark", "extrema", "--ascii"}, "@ critical point (0, 0)", ""},
    {{"plot", "e^x", "--mark", "extrema", "--ascii"}, "* f(x) = e^x", "note: f has no critical points on [-5, 5]"},
    {{"plot", "sin(x)", "--from", "-30", "--to", "30", "--mark", "extrema", "--ascii", "--size", "200x30"},
     "@ local min (-14.14, -1)\n", ""}, /* 19 points, 6 labelled: the legend stays short */
    {{"plot", "x^2", "--tangent", "1", "--ascii", "--size", "70x20"}, ". tangent at x = 1: y = 2*x - 1", ""},
    {{"plot", "x^2", "--tangent", "1", "--ascii", "--size", "70x20"}, "@", ""}, /* the point */
    {{"plot", "x^2", "--order", "0", "--ascii"}, "* f(x) = x^2\n", ""},
    {{"plot", "t^2", "--order", "3", "--ascii"}, "x f'''(t) = 0", ""},
};

START_TEST(good_row)
{
    char *out, *err;
    int rc = tu_run(good_rows[_i].args, NULL, &out, &err);
    ck_assert_msg(rc == 0 && strstr(out, good_rows[_i].out) && strstr(err, good_rows[_i].err),
                  "%s %s: rc %d, err '%s', out:\n%s", good_rows[_i].args[1], good_rows[_i].args[2], rc, err, out);
    free(out);
    free(err);
}
END_TEST

/* --- files ------------------------------------------------------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "%s was not written", path);
    char *b = malloc(1 << 22);
    *len = fread(b, 1, (1 << 22) - 1, f);
    b[*len] = 0;
    fclose(f);
    return b;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

/* Run argv, whose last argument before the NULL is replaced by a file NAME in a fresh
 * directory; the file's bytes (NUL-terminated, *len of them), after checking the run
 * succeeded. *out gets the run's stdout (malloc'd). */
static char *picture(const char **argv, int argc, const char *name, char **out, size_t *len)
{
    char dir[] = "/tmp/dfdx-plot-XXXXXX", path[64], *err;
    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    argv[argc - 1] = path;
    int rc = tu_run(argv, NULL, out, &err);
    ck_assert_msg(rc == 0, "%s %s: rc %d, %s", argv[0], argv[1], rc, err);
    free(err);
    char *b = slurp(path, len);
    unlink(path);
    rmdir(dir);
    argv[argc - 1] = NULL;
    return b;
}

START_TEST(svg_file)
{
    const char *argv[] = {"plot", "x^3 - 3*x", "--from", "-2.5", "--to", "2.5", "--order", "2", "--out", "", NULL};
    char *out;
    size_t len;
    char *svg = picture(argv, 10, "f.svg", &out, &len);
    ck_assert_msg(strstr(out, "wrote "), "%s", out);
    ck_assert_msg(strstr(svg, "<svg") && strstr(svg, "width=\"800pt\" height=\"500pt\""), "not an 800x500 svg");
    /* one stroked path per curve, in its colour (legend swatches are filled, not stroked) */
    static const char *colours[] = {"stroke:rgb(12.2%,46.7%,70.6%)", "stroke:rgb(83.9%,15.3%,15.7%)",
                                    "stroke:rgb(17.3%,62.7%,17.3%)"};
    for (int k = 0; k < 3; k++)
        ck_assert_msg(count(svg, colours[k]) == 1, "curve %d: %d paths", k, count(svg, colours[k]));
    /* the axes and frame, the grid */
    ck_assert_msg(count(svg, "stroke:rgb(25%,25%,25%)") == 1 && count(svg, "stroke:rgb(87%,87%,87%)") == 1,
                  "axes or grid missing");
    /* labels: Cairo writes text as glyphs; title, 3 legend lines, ticks and axis names */
    ck_assert_msg(count(svg, "xlink:href=\"#glyph") > 60, "too few glyphs: %d", count(svg, "xlink:href=\"#glyph"));
    free(svg);
    free(out);
}
END_TEST

/* The marks in a file: one filled path of dots, and each label drawn beside its dot (text is
 * glyphs in an SVG, so the labels show as black fills: the title, the dots, two labels). */
START_TEST(svg_marks)
{
    const char *argv[] = {"plot", "x^3 - 3*x", "--mark", "extrema", "--out", "", NULL};
    char *out;
    size_t len;
    char *svg = picture(argv, 6, "m.svg", &out, &len);
    ck_assert_msg(count(svg, "fill:rgb(0%,0%,0%)") == 4, "%d black fills, want 4 (title, dots, 2 labels)",
                  count(svg, "fill:rgb(0%,0%,0%)"));
    free(svg);
    free(out);
}
END_TEST

START_TEST(png_and_pdf_files)
{
    char dir[] = "/tmp/dfdx-plot-XXXXXX", png[64], pdf[64];
    ck_assert(mkdtemp(dir) != NULL);
    snprintf(png, sizeof png, "%s/f.png", dir);
    snprintf(pdf, sizeof pdf, "%s/f.pdf", dir);
    const char *a1[] = {"plot", "tan(x)", "--tangent", "pi/4", "--size", "640x400", "--out", png, NULL};
    const char *a2[] = {"plot", "sin(x)", "--out", pdf, NULL};
    char *out, *err;
    ck_assert_msg(tu_run(a1, NULL, &out, &err) == 0, "%s", err);
    free(out);
    free(err);
    ck_assert_msg(tu_run(a2, NULL, &out, &err) == 0, "%s", err);
    free(out);
    free(err);
    size_t len;
    unsigned char *b = (unsigned char *)slurp(png, &len);
    ck_assert_msg(len > 24 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(b + 12, "IHDR", 4) == 0, "not a PNG");
    unsigned w = (unsigned)b[16] << 24 | (unsigned)b[17] << 16 | (unsigned)b[18] << 8 | b[19];
    unsigned h = (unsigned)b[20] << 24 | (unsigned)b[21] << 16 | (unsigned)b[22] << 8 | b[23];
    ck_assert_msg(w == 640 && h == 400, "PNG is %ux%u, want 640x400", w, h);
    free(b);
    char *d = slurp(pdf, &len);
    ck_assert_msg(len > 1000 && strncmp(d, "%PDF-", 5) == 0, "not a PDF");
    free(d);
    unlink(png);
    unlink(pdf);
    rmdir(dir);
}
END_TEST

/* --- descent pictures ---------------------------------------------------------------------- */

/* The seed lesson's two panels for w^2 from 4 at rate 0.15: the path on the loss curve, the
 * loss per step; after the table, which stays as it is. */
static const char golden_descent[] =
    "gradient descent on w^2 from w = 4 (learning rate 0.15, at most 4 steps, tolerance 1e-08)\n"
    " step            w         loss     gradient       update\n"
    "    0            4           16            8         -1.2\n"
    "    1          2.8         7.84          5.6        -0.84\n"
    "    2         1.96       3.8416         3.92       -0.588\n"
    "    3        1.372      1.88238        2.744      -0.4116\n"
    "final: w = 0.9604  loss = 0.92236816  after 4 steps\n"
    "status: max_steps (the step limit: 4 steps; the gradient norm 1.92 is not yet below 1e-08)\n"
    "ended at w = 0.9604, not yet at a critical point: the nearest is the global minimum at w = 0 (f = 0)\n"
    "\n"
    "descent on the loss curve (learning rate 0.15)\n"
    "40+   |                                 \n"
    "  |   |                                 \n"
    "20+   |                               **\n"
    "  |   |                       ooooo@*** \n"
    "  |   |            ooooooooooo*         \n"
    " 0+**********ooooooo--------------------\n"
    "  +---+-------------+--------------+----\n"
    "      0             2              4\n"
    "* loss L(w) = w^2   o descent path\n"
    "@ start (4, 16)\n"
    "\n"
    "loss per step: final loss 0.9224 (max_steps)\n"
    "20+                                     \n"
    "  |**                                   \n"
    "  |  ***                                \n"
    "10+     ****                            \n"
    "  |         *******                     \n"
    "  |                **************       \n"
    " 0+                              *******\n"
    "  ++-----------------+-----------------+\n"
    "   0                 2                 4\n"
    "* loss per step\n";

/* Issue 14: every plot kind drawn to SVG as a teacher would put it on a slide. From the file:
 * no vertex of a drawn curve (stroked at width 2) inside a legend box (the translucent white
 * rectangle); from the sampled data (the plot's JSON y view against f, f' and f'' sampled
 * here): every curve without a pole inside the view, with a margin, none on the frame. */
typedef struct slide_row {
    const char *argv[14];
    int argc;     /* index of the --out value, + 1 */
    const char *f; /* sampled for the y-range: f and its derivatives up to order; NULL: no check */
    int order;
    double from, to;
} slide_row;

static const slide_row slide_rows[] = {
    {{"plot", "x^3 - 3*x", "--out", ""}, 4, "x^3 - 3*x", 1, -5, 5},
    {{"plot", "relu(x)", "--out", ""}, 4, "relu(x)", 0, -5, 5},
    {{"plot", "5", "--out", ""}, 4, "5", 1, -5, 5},
    {{"plot", "x^2", "--tangent", "-2,0,1.5", "--out", ""}, 6, "x^2", 1, -5, 5},
    {{"plot", "x^2", "--tangent", "-2", "--tangent", "1", "--out", ""}, 8, "x^2", 1, -5, 5},
    {{"plot", "sin(x)", "--from", "-6", "--to", "6", "--order", "2", "--mark", "extrema", "--out", ""}, 12, "sin(x)", 2,
     -6, 6},
    /* f whole; its f' (-3e at -1) may be cut: a derivative never flattens f */
    {{"plot", "x^2*exp(-x)", "--from", "-1", "--to", "6", "--out", ""}, 8, "x^2*exp(-x)", 0, -1, 6},
    {{"plot", "abs(x - 1) + x/2", "--mark", "extrema", "--out", ""}, 6, "abs(x - 1) + x/2", 0, -5, 5},
    {{"descend", "w^4 - 8*w^2 + 2*w + 20", "--start", "-3.5", "--rate", "0.01", "--plot", "--out", ""}, 9, NULL, 0, 0, 0},
    {{"descend", "w^4 - 8*w^2 + 2*w + 20", "--start", "-3.5", "--rate", "0.001,0.01,0.05,0.1", "--plot", "--out", ""},
     9, NULL, 0, 0, 0},
    {{"descend", "(w - 3)^2", "--start", "0", "--rate", "0.1,0.9", "--plot", "--out", ""}, 9, NULL, 0, 0, 0},
};

/* The numbers after each M or L of the d="..." of every path whose style has key, into xy
 * (pairs), at most max pairs; their count. */
static size_t svg_points(const char *svg, const char *key, double *xy, size_t max)
{
    size_t n = 0;
    for (const char *p = svg; (p = strstr(p, key)); p++) {
        const char *d = strstr(p, " d=\""), *end = d ? strchr(d + 4, '"') : NULL;
        if (!end)
            break;
        for (const char *q = d + 4; q < end && n < max; q++) {
            if (*q != 'M' && *q != 'L')
                continue;
            char *e;
            double x = strtod(q + 1, &e), y = strtod(e, &e);
            xy[2 * n] = x;
            xy[2 * n + 1] = y;
            n++;
            q = e - 1;
        }
    }
    return n;
}

START_TEST(slide_row_test)
{
    tu_setup(); /* the program's tests have no context of their own: this one samples f */
    const slide_row *w = &slide_rows[_i];
    const char *argv[16] = {"--format", "json"};
    int argc = 2;
    for (int i = 0; i < w->argc; i++)
        argv[argc++] = w->argv[i];
    argv[argc] = NULL;
    char *out;
    size_t len;
    char *svg = picture(argv, argc, "s.svg", &out, &len);
    enum { MAXP = 200000 };
    double *curve = malloc(sizeof(double) * 2 * MAXP), box[2 * 16];
    size_t nc = svg_points(svg, "fill:none;stroke-width:2;", curve, MAXP);
    size_t nb = svg_points(svg, "fill-opacity:0.85;", box, 16); /* 5 points a legend box (closed) */
    ck_assert_msg(nc >= 4 && nb >= 4, "%s %s: %zu curve points, %zu legend corners", w->argv[0], w->argv[1], nc, nb);
    for (size_t b = 0; b + 3 < nb; b += 5) {
        double x0 = box[2 * b], y0 = box[2 * b + 1], x1 = box[2 * b + 4], y1 = box[2 * b + 5];
        size_t inside = 0;
        for (size_t i = 0; i < nc; i++)
            inside += curve[2 * i] > x0 && curve[2 * i] < x1 && curve[2 * i + 1] > y0 && curve[2 * i + 1] < y1;
        ck_assert_msg(inside == 0, "%s %s: %zu curve points under the legend [%g, %g] x [%g, %g]", w->argv[0],
                      w->argv[1], inside, x0, x1, y0, y1);
    }
    if (w->f) {
        const char *ym = strstr(out, "\"ymin\": "), *yM = strstr(out, "\"ymax\": ");
        ck_assert_msg(ym && yM, "%s", out);
        double lo = strtod(ym + 8, NULL), hi = strtod(yM + 8, NULL);
        dx_expr *e = tu_parse(w->f);
        for (int k = 0; k <= w->order; k++, e = dx_derivative(tu_ctx, e, "x", 1))
            for (int i = 0; i <= 200; i++) {
                double x = w->from + (w->to - w->from) * i / 200.0, y = tu_eval(e, "x", x);
                if (!isfinite(y))
                    continue;
                ck_assert_msg(y > lo && y < hi, "%s: order %d at x = %g is %g, outside (or on the frame of) [%g, %g]",
                              w->f, k, x, y, lo, hi);
            }
    }
    free(curve);
    free(svg);
    free(out);
    tu_teardown();
}
END_TEST

START_TEST(descent_golden)
{
    const char *argv[] = {"descend", "w^2", "--start", "4", "--rate", "0.15", "--steps", "4", "--plot", "--ascii",
                          "--size", "40x10", NULL};
    char *out, *err;
    int rc = tu_run(argv, NULL, &out, &err);
    ck_assert_msg(rc == 0 && strcmp(out, golden_descent) == 0 && !*err, "descend --plot (rc %d, %s):\n%s\nwant:\n%s", rc,
                  err, out, golden_descent);
    free(out);
    free(err);
}
END_TEST

/* Three rates: three panels, each the loss curve (blue) with one stroked path (red); titles
 * with the final loss are glyphs, so the panels are counted by their strokes. */
START_TEST(descent_svg_panels)
{
    const char *argv[] = {"descend", "w^2", "--start", "4", "--rate", "0.01,0.15,0.9", "--steps", "20", "--plot",
                          "--out", "", NULL};
    char *out;
    size_t len;
    char *svg = picture(argv, 11, "d.svg", &out, &len);
    ck_assert_msg(strstr(out, "wrote ") && strstr(out, "(1680x460)"), "%s", out);
    ck_assert_msg(count(svg, "stroke:rgb(83.9%,15.3%,15.7%)") == 3, "%d descent paths, want 3",
                  count(svg, "stroke:rgb(83.9%,15.3%,15.7%)"));
    ck_assert_msg(count(svg, "stroke:rgb(12.2%,46.7%,70.6%)") == 3, "%d loss curves, want 3",
                  count(svg, "stroke:rgb(12.2%,46.7%,70.6%)"));
    free(svg);
    free(out);
}
END_TEST

/* One rate as a PNG of the size asked for; several variables draw the loss per step only. */
START_TEST(descent_png)
{
    const char *a1[] = {"descend", "w^4 - 8*w^2 + 2*w + 20", "--start", "-3.5", "--rate", "0.01", "--size",
                        "900x400", "--out", "", NULL};
    char *out, *err;
    size_t len;
    unsigned char *b = (unsigned char *)picture(a1, 10, "d.png", &out, &len);
    free(out);
    ck_assert_msg(len > 24 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0, "not a PNG");
    unsigned w = (unsigned)b[16] << 24 | (unsigned)b[17] << 16 | (unsigned)b[18] << 8 | b[19];
    unsigned h = (unsigned)b[20] << 24 | (unsigned)b[21] << 16 | (unsigned)b[22] << 8 | b[23];
    ck_assert_msg(w == 900 && h == 400, "PNG is %ux%u, want 900x400", w, h);
    free(b);
    const char *a2[] = {"descend", "(w*x - y)^2 + (b - 1)^2", "--start", "w=0,b=0", "--set", "x=2,y=3", "--plot",
                        "--ascii", "--size", "40x10", NULL};
    ck_assert_msg(tu_run(a2, NULL, &out, &err) == 0 && strstr(out, "\nloss per step: final loss") &&
                      !strstr(out, "descent path"), "%s%s", out, err);
    free(out);
    free(err);
    const char *a3[] = {"descend", "(w*x - 3)^2", "--start", "0", "--set", "x=2", "--plot", "--ascii", "--size",
                        "40x10", NULL};
    ck_assert_msg(tu_run(a3, NULL, &out, &err) == 0 && strstr(out, "* loss L(w) = (2*w - 3)^2"), "%s%s", out, err);
    free(out);
    free(err);
    const char *a4[] = {"--format", "json", "descend", "w^2", "--start", "1", "--plot", NULL};
    ck_assert_msg(tu_run(a4, NULL, &out, &err) == 2 && strstr(err, "write the pictures to a file with --out"), "%s", err);
    free(out);
    free(err);
}
END_TEST

Suite *plot_suite(void);
Suite *plot_suite(void)
{
    Suite *s = suite_create("plot");
    TCase *lib = tcase_create("library");
    tcase_add_checked_fixture(lib, tu_setup, tu_teardown);
    tcase_add_loop_test(lib, ticks_row, 0, sizeof tick_rows / sizeof *tick_rows);
    tcase_add_test(lib, tick_labels);
    tcase_add_loop_test(lib, poles_row, 0, sizeof pole_rows / sizeof *pole_rows);
    tcase_add_test(lib, domain_edges);
    tcase_add_test(lib, path_over_curve);
    tcase_add_test(lib, braille_and_colour);
    tcase_add_test(lib, tangent_and_extrema);
    suite_add_tcase(s, lib);
    TCase *cli = tcase_create("program");
    tcase_set_timeout(cli, 60);
    tcase_add_loop_test(cli, golden_row, 0, sizeof golden_rows / sizeof *golden_rows);
    tcase_add_test(cli, golden_marks);
    tcase_add_test(cli, pipe_default_size);
    tcase_add_loop_test(cli, bad_row, 0, sizeof bad_rows / sizeof *bad_rows);
    tcase_add_loop_test(cli, good_row, 0, sizeof good_rows / sizeof *good_rows);
    tcase_add_test(cli, svg_file);
    tcase_add_test(cli, svg_marks);
    tcase_add_test(cli, png_and_pdf_files);
    tcase_add_test(cli, descent_golden);
    tcase_add_loop_test(cli, slide_row_test, 0, sizeof slide_rows / sizeof *slide_rows);
    tcase_add_test(cli, descent_svg_panels);
    tcase_add_test(cli, descent_png);
    suite_add_tcase(s, cli);
    return s;
}

int main(void)
{
    return tu_main(plot_suite());
}
