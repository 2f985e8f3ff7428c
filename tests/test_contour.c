/* Contour plots: lines at their levels, marks at the critical points, paths that follow descent,
 * tangents of curves, the terminal picture, the JSON, and the program's pictures. */
#include "dfdx.h"
#include "testutil.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* f at (x, y) by the library's evaluator in its exact (not fast) mode. */
static double at(const dx_expr *f, double x, double y)
{
    const char *vars[2] = {"x", "y"};
    dx_prog *p = dx_compile(tu_ctx, f, vars, 2);
    ck_assert_msg(p != NULL, "%s", tu_err(tu_ctx));
    double v, xy[2] = {x, y};
    if (dx_prog_eval(p, tu_ctx, xy, &v) != DX_OK)
        v = NAN;
    dx_prog_free(p);
    return v;
}

static dx_contour *sampled(const char *text, double lo, double hi, size_t grid, dx_expr **f)
{
    *f = tu_parse(text);
    dx_contour *c = dx_contour_new(tu_ctx, lo, hi, lo, hi, grid, grid, "x", "y", text);
    ck_assert_msg(c != NULL, "%s: %s", text, tu_err(tu_ctx));
    ck_assert_msg(dx_contour_sample(c, tu_ctx, *f) == DX_OK, "%s: %s", text, tu_err(tu_ctx));
    return c;
}

/* Every segment's ends are on its level (f there within 1e-6 of the values' range), inside the
 * box and one grid cell apart at most; the levels ascend strictly between the least and the
 * greatest value, and each has segments. */
static const struct {
    const char *f;
    double lo, hi;
} level_rows[] = {
    {"x^2 + y^2", -3, 3},          {"x^3 - 3*x + y^2", -2, 2}, {"sin(x)*cos(y)", -4, 4},
    {"x*y", -2, 2},                {"ln(x^2 + y^2)", -2, 2},   {"exp(-(x^2 + y^2))*x", -3, 3},
    {"sqrt(x) + y^2", -1, 3},      {"x^4 - 2*x^2 + y^2", -2, 2}, {"abs(x) + abs(y)", -2, 2},
    {"(x - 1)^2 + 10*(y + 2)^2", -4, 4},
};

START_TEST(lines_on_levels)
{
    dx_expr *f;
    dx_contour *c = sampled(level_rows[_i].f, level_rows[_i].lo, level_rows[_i].hi, 81, &f);
    ck_assert_msg(dx_contour_levels(c, tu_ctx, f, NULL, 0, 10, DX_LEVELS_EVEN) == DX_OK, "%s: %s", level_rows[_i].f,
                  tu_err(tu_ctx));
    ck_assert_msg(c->nlev >= 4, "%s: %zu levels", level_rows[_i].f, c->nlev);
    double span = c->zhi - c->zlo, cell = (c->x1 - c->x0) / (double)(c->nx - 1);
    size_t checked = 0;
    for (size_t k = 0; k < c->nlev; k++) {
        double L = c->lev[k].value;
        ck_assert_msg(L > c->zlo && L < c->zhi, "%s: level %g outside (%g, %g)", level_rows[_i].f, L, c->zlo, c->zhi);
        if (k)
            ck_assert_msg(L > c->lev[k - 1].value, "%s: levels not ascending", level_rows[_i].f);
        ck_assert_msg(c->lev[k].nseg > 0, "%s: level %g has no segment", level_rows[_i].f, L);
        for (size_t s = 0; s < c->lev[k].nseg; s++) {
            const dx_contour_seg *g = &c->lev[k].seg[s];
            double ends[2][2] = {{g->ax, g->ay}, {g->bx, g->by}};
            ck_assert_msg(hypot(g->ax - g->bx, g->ay - g->by) <= cell * 1.4143, "%s: a segment longer than its cell",
                          level_rows[_i].f);
            for (int e = 0; e < 2; e++) {
                double v = at(f, ends[e][0], ends[e][1]);
                ck_assert_msg(ends[e][0] >= c->x0 && ends[e][0] <= c->x1 && ends[e][1] >= c->y0 && ends[e][1] <= c->y1,
                              "%s: a segment end outside the box", level_rows[_i].f);
                ck_assert_msg(fabs(v - L) <= 1e-6 * span, "%s: f(%.17g, %.17g) = %.17g on the level %g",
                              level_rows[_i].f, ends[e][0], ends[e][1], v, L);
                checked++;
            }
        }
    }
    ck_assert_msg(checked > 100, "%s: only %zu ends", level_rows[_i].f, checked);
    dx_contour_free(c);
}
END_TEST

/* x^2 + y^2 = L is the circle of radius sqrt(L): the lines are closed rings of that radius. */
START_TEST(circles)
{
    dx_expr *f;
    dx_contour *c = sampled("x^2 + y^2", -3, 3, 61, &f);
    double want[] = {1, 2, 4};
    ck_assert_int_eq(dx_contour_levels(c, tu_ctx, f, want, 3, 0, DX_LEVELS_EVEN), DX_OK);
    ck_assert_uint_eq(c->nlev, 3);
    for (size_t k = 0; k < 3; k++) {
        double r = sqrt(want[k]), turn = 0;
        for (size_t s = 0; s < c->lev[k].nseg; s++) {
            const dx_contour_seg *g = &c->lev[k].seg[s];
            ck_assert_double_eq_tol(hypot(g->ax, g->ay), r, 1e-7);
            double d = atan2(g->by, g->bx) - atan2(g->ay, g->ax);
            turn += fabs(remainder(d, 2 * 3.14159265358979323846));
        }
        ck_assert_double_eq_tol(turn, 2 * 3.14159265358979323846, 1e-6); /* once round, no piece twice */
    }
    dx_contour_free(c);
}
END_TEST

/* A loss's levels close in on the minimum: 1, 2, 5 x 10^k, the lowest above a thousandth of the top. */
START_TEST(log_levels)
{
    dx_expr *f;
    dx_contour *c = sampled("(x - 1)^2 + 10*(y + 2)^2", -4, 4, 81, &f);
    ck_assert_int_eq(dx_contour_levels(c, tu_ctx, f, NULL, 0, 12, DX_LEVELS_LOG), DX_OK);
    ck_assert_uint_ge(c->nlev, 5);
    for (size_t k = 0; k < c->nlev; k++) {
        double v = c->lev[k].value, m = v / pow(10, floor(log10(v) + 1e-12));
        ck_assert_msg(fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 || fabs(m - 5) < 1e-9, "level %g", v);
    }
    char t[48];
    dx_contour_level_label(c, 0, t, sizeof t);
    ck_assert_msg(strtod(t, NULL) == c->lev[0].value, "level %g written %s", c->lev[0].value, t);
    dx_contour_free(c);
}
END_TEST

/* The marks are the critical points, with their kinds; the gradient is 0 there. */
static const struct {
    const char *f;
    size_t n;
    struct {
        double x, y;
        dx_contour_mark_kind kind;
    } p[4];
} crit_rows[] = {
    {"x^3 - 3*x + y^2", 2, {{-1, 0, DX_CMARK_SADDLE}, {1, 0, DX_CMARK_MIN}}},
    {"x^3 - 3*x*y + y^3", 2, {{0, 0, DX_CMARK_SADDLE}, {1, 1, DX_CMARK_MIN}}},
    {"x^2 - y^2", 1, {{0, 0, DX_CMARK_SADDLE}}},
    {"4 - x^2 - 2*y^2 + 2*x", 1, {{1, 0, DX_CMARK_MAX}}},
    {"x^4 + y^4 - 4*x*y", 3, {{-1, -1, DX_CMARK_MIN}, {0, 0, DX_CMARK_SADDLE}, {1, 1, DX_CMARK_MIN}}},
    {"sin(x) + cos(y)", 4, {{-1.5707963267948966, -3.141592653589793, DX_CMARK_MIN},
                            {-1.5707963267948966, 0, DX_CMARK_SADDLE},
                            {1.5707963267948966, -3.141592653589793, DX_CMARK_SADDLE},
                            {1.5707963267948966, 0, DX_CMARK_MAX}}},
};

START_TEST(marks_are_critical)
{
    dx_expr *f;
    dx_contour *c = sampled(crit_rows[_i].f, -2, 2, 41, &f);
    if (strchr(crit_rows[_i].f, 's')) { /* sin, cos: a box holding those four, not their repeats */
        dx_contour_free(c);
        f = tu_parse(crit_rows[_i].f);
        c = dx_contour_new(tu_ctx, -3, 3, -4, 1, 41, 41, "x", "y", "");
        ck_assert_int_eq(dx_contour_sample(c, tu_ctx, f), DX_OK);
    }
    dx_msg note;
    ck_assert_msg(dx_contour_mark_critical(c, tu_ctx, f, 8, &note) == DX_OK, "%s: %s", crit_rows[_i].f, tu_err(tu_ctx));
    ck_assert_msg(c->nm == crit_rows[_i].n, "%s: %zu marks", crit_rows[_i].f, c->nm);
    dx_expr *fx = dx_diff(tu_ctx, f, "x", 1), *fy = dx_diff(tu_ctx, f, "y", 1);
    for (size_t k = 0; k < c->nm; k++) {
        const dx_contour_mark *m = &c->m[k];
        ck_assert_double_eq_tol(m->x, crit_rows[_i].p[k].x, 1e-9);
        ck_assert_double_eq_tol(m->y, crit_rows[_i].p[k].y, 1e-9);
        ck_assert_msg(m->kind == crit_rows[_i].p[k].kind, "%s: mark %zu of kind %d", crit_rows[_i].f, k, (int)m->kind);
        ck_assert_double_eq_tol(at(fx, m->x, m->y), 0, 1e-9);
        ck_assert_double_eq_tol(at(fy, m->x, m->y), 0, 1e-9);
        ck_assert_msg(m->label[0], "%s: mark %zu unlabelled", crit_rows[_i].f, k);
    }
    ck_assert_int_eq(note.id, DX_M_NONE);
    dx_contour_free(c);
}
END_TEST

START_TEST(no_critical_point_said)
{
    dx_expr *f;
    dx_contour *c = sampled("x + 2*y", -2, 2, 21, &f);
    dx_msg note;
    ck_assert_int_eq(dx_contour_mark_critical(c, tu_ctx, f, 8, &note), DX_OK);
    ck_assert_uint_eq(c->nm, 0);
    ck_assert_int_eq(note.id, DX_M_CONTOUR_NO_CRITICAL);
    dx_contour_free(c);
}
END_TEST

/* The path of a descent starts at the start and each point is the last minus rate times the
 * gradient there (computed here from the symbolic partials). */
START_TEST(path_follows_descent)
{
    dx_expr *f = tu_parse("(w - 1)^2 + 10*(b + 2)^2 + w*b/4");
    const char *vars[2] = {"w", "b"};
    double start[2] = {-3, 1}, rate = 0.04;
    dx_descend_opts o;
    dx_descend_defaults(&o);
    o.rate = rate;
    o.steps = 30;
    dx_descend_request q = {vars, start, 2, NULL, NULL, 0, o, &rate, 1, 10, true, NULL};
    dx_descend_lesson *l = dx_descend(tu_ctx, f, &q);
    ck_assert_msg(l != NULL, "%s", tu_err(tu_ctx));
    const dx_descend_trace *t = &l->runs[0].trace;
    ck_assert_ptr_nonnull(t->y);
    ck_assert_uint_eq(t->n, 31);
    dx_contour *c = dx_contour_new(tu_ctx, -4, 2, -3, 2, 41, 41, "w", "b", "");
    dx_descent *d = dx_descend_prepare(tu_ctx, f, vars, 2, NULL, NULL, 0);
    ck_assert_int_eq(dx_contour_sample_descent(c, tu_ctx, d), DX_OK);
    ck_assert_int_eq(dx_contour_add_path(c, tu_ctx, t->x, t->y, t->n, "path"), DX_OK);
    const dx_contour_path *p = &c->path[0];
    ck_assert_double_eq(p->px[0], -3);
    ck_assert_double_eq(p->py[0], 1);
    dx_expr *gw = dx_diff(tu_ctx, f, "w", 1), *gb = dx_diff(tu_ctx, f, "b", 1);
    const char *wb[2] = {"w", "b"};
    dx_prog *pw = dx_compile(tu_ctx, gw, wb, 2), *pb = dx_compile(tu_ctx, gb, wb, 2), *pf = dx_compile(tu_ctx, f, wb, 2);
    for (size_t i = 1; i < p->n; i++) {
        double here[2] = {p->px[i - 1], p->py[i - 1]}, g[2], v;
        dx_prog_eval(pw, tu_ctx, here, &g[0]);
        dx_prog_eval(pb, tu_ctx, here, &g[1]);
        ck_assert_double_eq_tol(p->px[i], here[0] - rate * g[0], 1e-12);
        ck_assert_double_eq_tol(p->py[i], here[1] - rate * g[1], 1e-12);
        dx_prog_eval(pf, tu_ctx, here, &v);
        ck_assert_double_eq_tol(t->loss[i - 1], v, 1e-12 * (1 + fabs(v)));
    }
    /* the grid holds the loss itself */
    double v, mid[2] = {c->x0 + (c->x1 - c->x0) * 20 / 40, c->y0 + (c->y1 - c->y0) * 10 / 40};
    dx_prog_eval(pf, tu_ctx, mid, &v);
    ck_assert_double_eq_tol(c->z[10 * 41 + 20], v, 1e-12 * (1 + fabs(v)));
    ck_assert_uint_eq(c->nm, 2); /* start and end */
    ck_assert_int_eq(c->m[0].kind, DX_CMARK_START);
    ck_assert_int_eq(c->m[1].kind, DX_CMARK_END);
    ck_assert_double_eq(c->m[1].x, p->px[p->n - 1]);
    dx_prog_free(pw);
    dx_prog_free(pb);
    dx_prog_free(pf);
    dx_descend_free(d);
    dx_contour_free(c);
    dx_descend_lesson_free(l);
}
END_TEST

/* On data the grid holds the mean of f over the rows. */
START_TEST(loss_on_data)
{
    dx_expr *f = tu_parse("(w*x + b - y)^2");
    const char *vars[2] = {"w", "b"}, *names[2] = {"x", "y"};
    const double xs[3] = {0, 1, 2}, ys[3] = {1, 3, 4}, *cols[2] = {xs, ys};
    dx_descend_data data = {names, cols, 2, 3, 0, 0};
    dx_descent *d = dx_descend_prepare_data(tu_ctx, f, vars, 2, NULL, NULL, 0, &data);
    ck_assert_msg(d != NULL, "%s", tu_err(tu_ctx));
    dx_contour *c = dx_contour_new(tu_ctx, 0, 3, -1, 2, 4, 4, "w", "b", "");
    ck_assert_int_eq(dx_contour_sample_descent(c, tu_ctx, d), DX_OK);
    for (size_t j = 0; j < 4; j++)
        for (size_t i = 0; i < 4; i++) {
            double w = (double)i, b = -1 + (double)j, mean = 0;
            for (int r = 0; r < 3; r++)
                mean += (w * xs[r] + b - ys[r]) * (w * xs[r] + b - ys[r]) / 3;
            ck_assert_double_eq_tol(c->z[j * 4 + i], mean, 1e-12);
        }
    dx_descend_free(d);
    dx_contour_free(c);
}
END_TEST

/* The tangent of x^2 + y^2 = 25: at (3, 4) the line y = 25/4 - 3x/4 across the view, at (5, 0)
 * the vertical line x = 5; the point marked. */
START_TEST(tangent_lines)
{
    dx_expr *F = dx_parse_ex(tu_ctx, "x^2 + y^2 = 25", 14, &(dx_parse_opts){NULL, 0, true}, NULL);
    ck_assert_ptr_nonnull(F);
    const struct {
        int x, y;
        bool vertical;
    } pts[] = {{3, 4, false}, {5, 0, true}};
    for (size_t k = 0; k < 2; k++) {
        dx_implicit_result r;
        ck_assert_int_eq(dx_implicit(tu_ctx, F, "x", "y", 1, dx_int(tu_ctx, pts[k].x), dx_int(tu_ctx, pts[k].y), &r), DX_OK);
        dx_contour *c = dx_contour_new(tu_ctx, -7, 7, -7, 7, 41, 41, "x", "y", "");
        c->curve = true;
        ck_assert_int_eq(dx_contour_sample(c, tu_ctx, F), DX_OK);
        ck_assert_int_eq(dx_contour_levels(c, tu_ctx, F, NULL, 0, 1, DX_LEVELS_EVEN), DX_OK);
        ck_assert_uint_eq(c->nlev, 1);
        ck_assert_double_eq(c->lev[0].value, 0);
        ck_assert_int_eq(dx_contour_add_tangent(c, tu_ctx, &r), DX_OK);
        ck_assert_uint_eq(c->nl, 1);
        const dx_contour_line *l = &c->line[0];
        if (pts[k].vertical) {
            ck_assert_double_eq(l->ax, 5);
            ck_assert_double_eq(l->bx, 5);
            ck_assert_double_eq_tol(fabs(l->by - l->ay), 14, 1e-12);
        } else {
            ck_assert_double_eq_tol(l->ay, 25.0 / 4 - 3 * l->ax / 4, 1e-12);
            ck_assert_double_eq_tol(l->by, 25.0 / 4 - 3 * l->bx / 4, 1e-12);
            ck_assert_double_eq_tol(fmin(l->ax, l->bx), -1, 1e-12); /* enters at y = 7 */
            ck_assert_double_eq_tol(fmax(l->ax, l->bx), 7, 1e-12);
        }
        ck_assert_uint_eq(c->nm, 1);
        ck_assert_int_eq(c->m[0].kind, DX_CMARK_POINT);
        ck_assert_double_eq(c->m[0].x, pts[k].x);
        dx_contour_free(c);
    }
}
END_TEST

/* The terminal picture: every level's value written, the marks' glyphs, the legend; too small a
 * size is an error. */
START_TEST(terminal_text)
{
    dx_expr *f;
    dx_contour *c = sampled("x^3 - 3*x + y^2", -2, 2, 81, &f);
    dx_msg note;
    ck_assert_int_eq(dx_contour_levels(c, tu_ctx, f, NULL, 0, 8, DX_LEVELS_EVEN), DX_OK);
    ck_assert_int_eq(dx_contour_mark_critical(c, tu_ctx, f, 8, &note), DX_OK);
    char *t = dx_contour_text(c, tu_ctx, 80, 30, 0);
    ck_assert_ptr_nonnull(t);
    ck_assert_msg(strstr(t, "✕") && strstr(t, "●") && strstr(t, "saddle (-1, 0)") && strstr(t, "min (1, 0)"), "%s", t);
    for (size_t k = 0; k < c->nlev; k++) {
        char v[48];
        dx_contour_level_label(c, k, v, sizeof v);
        ck_assert_msg(strstr(t, v), "level %s not written:\n%s", v, t);
    }
    free(t);
    t = dx_contour_text(c, tu_ctx, 80, 30, DX_PLOT_ASCII);
    ck_assert_msg(t && strstr(t, "x saddle") && !strstr(t, "✕"), "%s", t);
    free(t);
    ck_assert_ptr_null(dx_contour_text(c, tu_ctx, 10, 5, 0));
    ck_assert_int_eq(dx_ctx_error(tu_ctx)->status, DX_EUSAGE);
    dx_contour_free(c);
}
END_TEST

START_TEST(json)
{
    dx_expr *f;
    dx_contour *c = sampled("x^2 - y^2", -1, 1, 11, &f);
    dx_msg note;
    double lev[2] = {-0.5, 0.5};
    ck_assert_int_eq(dx_contour_levels(c, tu_ctx, f, lev, 2, 0, DX_LEVELS_EVEN), DX_OK);
    ck_assert_int_eq(dx_contour_mark_critical(c, tu_ctx, f, 8, &note), DX_OK);
    dx_buf b = {0};
    dx_show_contour(tu_ctx, c, &b);
    char *s = dx_buf_take(&b);
    ck_assert_msg(strstr(s, "\"vars\": [\"x\", \"y\"]") && strstr(s, "\"from\": [-1, -1]") &&
                      strstr(s, "\"value\": -0.5") && strstr(s, "\"segments\": [[") &&
                      strstr(s, "\"at\": [0, 0], \"kind\": \"saddle\"") && strstr(s, "\"paths\": []"),
                  "%s", s);
    free(s);
    dx_contour_free(c);
}
END_TEST

START_TEST(bad_input)
{
    ck_assert_ptr_null(dx_contour_new(tu_ctx, 1, 1, 0, 1, 10, 10, "x", "y", ""));
    ck_assert_msg(strstr(tu_err(tu_ctx), "from < to"), "%s", tu_err(tu_ctx));
    ck_assert_ptr_null(dx_contour_new(tu_ctx, 0, 1, 0, 1, 1, 10, "x", "y", ""));
    ck_assert_ptr_null(dx_contour_new(tu_ctx, 0, 1, 0, 1, 10, DX_CONTOUR_MAX_GRID + 1, "x", "y", ""));
    dx_expr *f;
    dx_contour *c = sampled("x*y", -1, 1, 11, &f);
    double down[2] = {1, 0};
    ck_assert_int_eq(dx_contour_levels(c, tu_ctx, f, down, 2, 0, DX_LEVELS_EVEN), DX_EUSAGE);
    ck_assert_int_eq(dx_contour_sample(c, tu_ctx, tu_parse("x*z")), DX_EUSAGE); /* z is no axis */
    ck_assert_int_eq(dx_contour_sample(c, tu_ctx, tu_parse("ln(-x^2 - y^2 - 1)")), DX_EDOMAIN); /* nowhere defined */
    ck_assert_msg(strstr(tu_err(tu_ctx), "no finite value"), "%s", tu_err(tu_ctx));
    dx_contour_free(c);
}
END_TEST

/* --- the program ------------------------------------------------------------------------------ */

static char *run(int want, const char *const *argv)
{
    char *out, *err;
    int rc = tu_run(argv, NULL, &out, &err);
    ck_assert_msg(rc == want, "%s: exit %d, not %d; stderr: %s", argv[1], rc, want, err);
    free(err);
    return out;
}

/* Each kind of picture as SVG, and its data as JSON beside it. */
START_TEST(program_pictures)
{
    char svg[64];
    snprintf(svg, sizeof svg, "/tmp/dfdx-contour-%d.svg", (int)getpid());
    const char *const contour[] = {"plot", "x^3 - 3x + y^2", "--out", svg, "--format", "json", NULL};
    const char *const curve[] = {"plot", "x^2 + y^2 = 25", "--tangent", "x=3,y=4", "--out", svg, "--format", "json", NULL};
    const char *const implicit[] = {"implicit", "x^2 + y^2 = 25", "--at", "x=3,y=4", "--out", svg, NULL};
    const char *const descend[] = {"descend", "(w*x + b - y)^2", "--data", DX_SOURCE_DIR "/examples/linreg.csv",
                                   "--start", "w=0,b=0", "--steps", "50", "--out", svg, NULL};
    const char *const *cmds[] = {contour, curve, implicit, descend};
    const char *want[] = {"\"kind\": \"saddle\"", "\"label\": \"tangent: y = 25/4 - 3*x/4\"", "wrote ", "wrote "};
    for (int k = 0; k < 4; k++) {
        unlink(svg);
        char *out = run(0, cmds[k]);
        ck_assert_msg(strstr(out, want[k]), "%s: %s", cmds[k][0], out);
        FILE *fp = fopen(svg, "r");
        ck_assert_msg(fp != NULL, "%s wrote no %s", cmds[k][0], svg);
        char head[256] = {0};
        ck_assert_uint_gt(fread(head, 1, sizeof head - 1, fp), 100);
        fclose(fp);
        ck_assert_msg(strstr(head, "<svg"), "%s", head);
        free(out);
    }
    unlink(svg);
    const char *const term[] = {"plot", "x^2 - y^2", "--size", "60x20", NULL};
    char *out = run(0, term);
    ck_assert_msg(strstr(out, "saddle (0, 0)") && strstr(out, "f(x, y) = x^2 - y^2"), "%s", out);
    free(out);
    const char *const three[] = {"plot", "x*y*z", NULL};
    free(run(2, three));
    const char *const none[] = {"plot", "x^2 + y^2 = -1", NULL};
    free(run(2, none));
    const char *const json_term[] = {"implicit", "x^2 + y^2 = 25", "--plot", "--format", "json", NULL};
    free(run(2, json_term));
}
END_TEST

static Suite *contour_suite(void)
{
    Suite *s = suite_create("contour");
    TCase *tc = tcase_create("contour");
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, lines_on_levels, 0, sizeof level_rows / sizeof *level_rows);
    tcase_add_test(tc, circles);
    tcase_add_test(tc, log_levels);
    tcase_add_loop_test(tc, marks_are_critical, 0, sizeof crit_rows / sizeof *crit_rows);
    tcase_add_test(tc, no_critical_point_said);
    tcase_add_test(tc, path_follows_descent);
    tcase_add_test(tc, loss_on_data);
    tcase_add_test(tc, tangent_lines);
    tcase_add_test(tc, terminal_text);
    tcase_add_test(tc, json);
    tcase_add_test(tc, bad_input);
    tcase_add_test(tc, program_pictures);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_main(contour_suite()); }
