/* Backpropagation: the graph, the reverse-mode gradient against dfdx grad and against central
 * differences, the renderers, the errors. */
#include "testutil.h"
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Twenty networks and losses a course meets: neurons, losses, two layers, softmax. */
static const char *const nets[] = {
    "sigmoid(w*x + b)",
    "(sigmoid(w*x + b) - y)^2",
    "(w2*relu(w1*x + b1) + b2 - y)^2",
    "-ln(exp(w1*x + b1)/(exp(w1*x + b1) + exp(w2*x + b2)))",
    "-(y*ln(sigmoid(w*x + b)) + (1 - y)*ln(1 - sigmoid(w*x + b)))",
    "tanh(w1*x1 + w2*x2 + b)",
    "(w*x + b - y)^2",
    "softplus(w*x + b) - y*(w*x + b)",
    "sigmoid(v1*tanh(w1*x + b1) + v2*tanh(w2*x + b2) + c)",
    "(v1*sigmoid(w1*x + b1) + v2*sigmoid(w2*x + b2) - y)^2",
    "leaky_relu(w*x + b, 1/10)^2",
    "max(w*x, b*x) + min(w, b)",
    "abs(w*x - y)",
    "ln(1 + exp(-y*(w*x + b)))",
    "(w*x + b)^3 - x*w^2",
    "exp(-(w*x - b)^2)",
    "sin(w*x)*cos(b) + x^2",
    "(x^2 + 1)^y*w",
    "sqrt(w^2 + b^2 + 1)",
    "(tanh(w*x + b) - y)^2 + (w^2 + b^2)/10",
};

/* A pseudo-random number in [-2, 2] (a fixed sequence: failures reproduce). */
static double rnd(unsigned long *s)
{
    *s = *s * 6364136223846793005UL + 1442695040888963407UL;
    return (double)(*s >> 11) / 9007199254740992.0 * 4 - 2;
}

static double at_point(dx_expr *e, const char **vars, size_t n, const double *vals)
{
    dx_prog *p = dx_compile(tu_ctx, e, vars, n);
    ck_assert_msg(p != NULL, "%s", tu_err(tu_ctx));
    double y;
    dx_status st = dx_prog_eval(p, tu_ctx, vals, &y);
    dx_prog_free(p);
    if (st != DX_OK) {
        dx_ctx_clear_error(tu_ctx);
        return NAN;
    }
    return y;
}

/* backprop of f at a random point vals: false at a kink or the edge of a domain (where grad has
 * no value either), the only errors there may be. */
static bool at_random_point(dx_expr *f, const char **vars, size_t nv, unsigned long *seed, double *vals,
                            dx_backprop_result *r)
{
    for (size_t k = 0; k < nv; k++)
        vals[k] = rnd(seed);
    dx_status st = dx_backprop(tu_ctx, f, vars, vals, nv, r);
    if (st == DX_OK)
        return true;
    ck_assert_int_eq(st, DX_EDOMAIN);
    dx_ctx_clear_error(tu_ctx);
    return false;
}

static bool near(double a, double b, double tol) { return fabs(a - b) <= tol * fmax(1, fmax(fabs(a), fabs(b))); }

/* At 200 random points of each network: every variable's gradient from backprop equals dfdx
 * grad's partial derivative there. */
START_TEST(gradient_equals_grad)
{
    const char *text = nets[_i];
    dx_expr *f = tu_parse(text);
    const char **vars;
    size_t nv = dx_vars(tu_ctx, f, &vars);
    dx_expr *partial[16];
    ck_assert_uint_le(nv, 16);
    for (size_t k = 0; k < nv; k++)
        ck_assert_ptr_nonnull(partial[k] = dx_diff(tu_ctx, f, vars[k], 1));
    unsigned long seed = 12345 + (unsigned long)_i;
    int checked = 0;
    for (int t = 0; t < 200; t++) {
        double vals[16];
        dx_backprop_result r;
        if (!at_random_point(f, vars, nv, &seed, vals, &r))
            continue;
        ck_assert_uint_eq(r.nvars, nv);
        ck_assert(near(r.nodes[r.nnodes - 1].value, at_point(f, vars, nv, vals), 1e-12));
        for (size_t k = 0; k < nv; k++) {
            double want = at_point(partial[k], vars, nv, vals);
            ck_assert_msg(near(r.gradient[k], want, 1e-9), "%s, d/d%s at point %d: backprop %.17g, grad %.17g", text,
                          vars[k], t, r.gradient[k], want);
        }
        checked++;
    }
    ck_assert_int_ge(checked, 190);
}
END_TEST

/* The gradient against central differences of f itself, at a few points per network. */
START_TEST(gradient_equals_central_difference)
{
    const char *text = nets[_i];
    dx_expr *f = tu_parse(text);
    const char **vars;
    size_t nv = dx_vars(tu_ctx, f, &vars);
    unsigned long seed = 777 + (unsigned long)_i;
    int checked = 0;
    for (int t = 0; t < 10; t++) {
        double vals[16];
        dx_backprop_result r;
        if (!at_random_point(f, vars, nv, &seed, vals, &r))
            continue;
        for (size_t k = 0; k < nv; k++) {
            double h = 1e-4 * fmax(1, fabs(vals[k])), v = vals[k], y[4];
            const double steps[4] = {-h, h, -h / 2, h / 2};
            for (int s = 0; s < 4; s++) {
                vals[k] = v + steps[s];
                y[s] = at_point(f, vars, nv, vals);
            }
            vals[k] = v;
            double d1 = (y[1] - y[0]) / (2 * h), d2 = (y[3] - y[2]) / h, est = (4 * d2 - d1) / 3;
            if (!isfinite(est) || !near(d1, d2, 1e-4))
                continue; /* a kink nearby */
            ck_assert_msg(near(r.gradient[k], est, 1e-6), "%s, d/d%s: backprop %.17g, central difference %.17g",
                          text, vars[k], r.gradient[k], est);
            checked++;
        }
    }
    ck_assert_int_ge(checked, 10);
}
END_TEST

static char *shown(const dx_backprop_result *r, dx_show how)
{
    dx_buf b = {0};
    dx_show_backprop(tu_ctx, r, how, &b);
    return dx_buf_take(&b);
}

static dx_backprop_result neuron(void)
{
    const char *vars[] = {"w", "x", "b"};
    const double vals[] = {0.5, 2, 0};
    dx_backprop_result r;
    ck_assert_int_eq(dx_backprop(tu_ctx, tu_parse("sigmoid(w*x + b)"), vars, vals, 3, &r), DX_OK);
    return r;
}

/* One neuron, the lesson's example, as a learner reads it (golden). */
START_TEST(neuron_plain)
{
    dx_backprop_result r = neuron();
    ck_assert_uint_eq(r.nnodes, 6);
    ck_assert_uint_eq(r.nedges, 5);
    char *s = shown(&r, DX_SHOW_PLAIN);
    const char *want =
        "f = sigmoid(w*x + b) at b = 0, w = 0.5, x = 2\n"
        "\n"
        "forward pass (each node once, its inputs first):\n"
        "  b = 0\n"
        "  w = 0.5\n"
        "  x = 2\n"
        "  n1 = w*x = 1\n"
        "  n2 = b + n1 = 1\n"
        "  n3 = sigmoid(n2) = 0.7310585786300049\n"
        "\n"
        "backward pass (reverse mode: grad(v) is the sum of grad(u)*du/dv over the nodes u that use v):\n"
        "  grad(n3) = 1   (the output f: df/df = 1)\n"
        "  grad(n2) = grad(n3)*dn3/dn2 = 1*0.196612 = 0.19661193324148185   where dn3/dn2 = sigmoid(n2)*(1 - sigmoid(n2))\n"
        "  grad(n1) = grad(n2)*dn2/dn1 = 0.196612*1 = 0.19661193324148185   where dn2/dn1 = 1\n"
        "  grad(x) = grad(n1)*dn1/dx = 0.196612*0.5 = 0.09830596662074093   where dn1/dx = w\n"
        "  grad(w) = grad(n1)*dn1/dw = 0.196612*2 = 0.3932238664829637   where dn1/dw = x\n"
        "  grad(b) = grad(n2)*dn2/db = 0.196612*1 = 0.19661193324148185   where dn2/db = 1\n"
        "\n"
        "gradient:\n"
        "  df/db = 0.19661193324148185\n"
        "  df/dw = 0.3932238664829637\n"
        "  df/dx = 0.09830596662074093\n";
    ck_assert_str_eq(s, want);
    free(s);
}
END_TEST

START_TEST(neuron_json)
{
    dx_backprop_result r = neuron();
    char *s = shown(&r, DX_SHOW_JSON);
    ck_assert_ptr_nonnull(strstr(s, "\"nodes\": [{\"id\": \"b\", \"op\": \"input\""));
    ck_assert_ptr_nonnull(strstr(s, "{\"id\": \"n3\", \"op\": \"sigmoid\", \"expr\": \"sigmoid(w*x + b)\", \"formula\": "
                                    "\"sigmoid(n2)\", \"value\": 0.7310585786300049, \"grad\": 1, \"inputs\": [\"n2\"]}"));
    ck_assert_ptr_nonnull(strstr(s, "{\"from\": \"w\", \"to\": \"n1\", \"local\": \"x\", \"local_value\": 2, "
                                    "\"contribution\": 0.3932238664829637}"));
    ck_assert_ptr_nonnull(strstr(s, "\"gradient\": {\"b\": 0.19661193324148185, \"w\": 0.3932238664829637, "
                                    "\"x\": 0.09830596662074093}}\n"));
    free(s);
    s = shown(&r, DX_SHOW_LATEX);
    ck_assert_ptr_nonnull(strstr(s, "\\frac{\\partial f}{\\partial w} = 0.3932238664829637"));
    ck_assert_ptr_nonnull(strstr(s, "\\sigma"));
    free(s);
}
END_TEST

/* A subexpression used twice is one node with two uses, its gradient their sum. */
START_TEST(shared_node_once)
{
    const char *vars[] = {"x"};
    const double vals[] = {0.3};
    dx_backprop_result r;
    ck_assert_int_eq(dx_backprop(tu_ctx, tu_parse("sin(x^2) + sin(x^2)^2"), vars, vals, 1, &r), DX_OK);
    /* x, x^2, sin(x^2), sin(x^2)^2, the sum */
    ck_assert_uint_eq(r.nnodes, 5);
    size_t uses = 0;
    for (size_t e = 0; e < r.nedges; e++)
        uses += strcmp(r.nodes[r.edges[e].from].op, "sin") == 0;
    ck_assert_uint_eq(uses, 2);
    double s = sin(0.09), want = 2 * 0.3 * cos(0.09) * (1 + 2 * s);
    ck_assert(near(r.gradient[0], want, 1e-14));
}
END_TEST

/* Labels step aside for variables named like them: n1 is a variable, the nodes are u1, u2. */
START_TEST(labels_avoid_variables)
{
    const char *vars[] = {"n1", "n2"};
    const double vals[] = {1, 2};
    dx_backprop_result r;
    ck_assert_int_eq(dx_backprop(tu_ctx, tu_parse("n1*n2 + n1"), vars, vals, 2, &r), DX_OK);
    ck_assert_str_eq(r.nodes[r.nnodes - 1].label, "u2");
    ck_assert(near(r.gradient[0], 3, 1e-15));
    ck_assert(near(r.gradient[1], 1, 1e-15));
}
END_TEST

START_TEST(errors)
{
    const char *vars[] = {"w", "x"};
    const double at_kink[] = {0, 1}, neg[] = {-1, 1};
    dx_backprop_result r;
    /* relu at 0: no local derivative to pass back, said so rather than a silent 0 */
    ck_assert_int_eq(dx_backprop(tu_ctx, tu_parse("relu(w*x)"), vars, at_kink, 2, &r), DX_EDOMAIN);
    ck_assert_ptr_nonnull(strstr(tu_err(tu_ctx), "step(n1) is undefined at this point"));
    ck_assert_ptr_null(r.f);
    ck_assert_int_eq(dx_backprop(tu_ctx, tu_parse("ln(w) + x"), vars, neg, 2, &r), DX_EDOMAIN);
    ck_assert_str_eq(tu_err(tu_ctx), "ln is undefined at -1 (it needs a positive number)");
    ck_assert_int_eq(dx_backprop(tu_ctx, tu_parse("w*x*y"), vars, neg, 2, &r), DX_EUSAGE);
    ck_assert_str_eq(tu_err(tu_ctx), "no value for y");
    ck_assert_int_eq(dx_backprop(tu_ctx, tu_parse("3"), NULL, NULL, 0, &r), DX_OK);
    ck_assert_uint_eq(r.nnodes, 0);
}
END_TEST

/* A 1,000-node expression: linear in its size, the gradient still grad's. */
START_TEST(large_graph)
{
    char text[40000] = "x";
    for (int i = 1; i <= 330; i++) {
        char term[64];
        snprintf(term, sizeof term, " + sin(%d*x*w + %d)*w", i, i);
        strcat(text, term);
    }
    dx_expr *f = tu_parse(text);
    const char *vars[] = {"w", "x"};
    const double vals[] = {0.25, -0.5};
    dx_backprop_result r;
    ck_assert_int_eq(dx_backprop(tu_ctx, f, vars, vals, 2, &r), DX_OK);
    ck_assert_uint_ge(r.nnodes, 990);
    for (int k = 0; k < 2; k++)
        ck_assert(near(r.gradient[k], at_point(dx_diff(tu_ctx, f, vars[k], 1), vars, 2, vals), 1e-9));
}
END_TEST

static const struct {
    const char *argv[10];
    int rc;
    const char *out, *err;
} cli_rows[] = {
    {{"backprop", "w*x", "--at", "w=3,x=2", NULL}, 0, "  df/dw = 2\n  df/dx = 3\n", ""},
    {{"backprop", "w*x", NULL}, 2, "", "backprop needs the point: --at w=...,... (every variable of f: w, x)"},
    {{"backprop", "w*x", "--at", "w=1", NULL}, 2, "", "no value for x: give every variable in --at (e.g. --at x=0)"},
    {{"backprop", "w*x", "--at", "w=1,w=2,x=1", NULL}, 2, "", "--at gives w twice"},
    {{"backprop", "w*x", "--at", "w=1,z=1", NULL}, 2, "", "--at names z, which is not a variable"},
    {{"backprop", "w*x", "--at", "w=1,x=2", "--out", "g.gif", NULL}, 2, "", "--out writes .svg, .png, .pdf or .dot"},
    {{"backprop", "relu(w*x)", "--at", "w=0,x=2", NULL}, 2, "", "relu(w*x) is not differentiable there"},
    {{"--format", "json", "backprop", "w*x", "--at", "w=3,x=2", NULL}, 0, "\"gradient\": {\"w\": 2, \"x\": 3}}", ""},
};

START_TEST(cli)
{
    char *out, *err;
    int rc = tu_run(cli_rows[_i].argv, NULL, &out, &err);
    ck_assert_msg(rc == cli_rows[_i].rc, "%s: exit %d (%s)", cli_rows[_i].argv[1], rc, err);
    ck_assert_msg(strstr(out, cli_rows[_i].out) != NULL, "stdout %s lacks %s", out, cli_rows[_i].out);
    ck_assert_msg(strstr(err, cli_rows[_i].err) != NULL, "stderr %s lacks %s", err, cli_rows[_i].err);
    free(out);
    free(err);
}
END_TEST

/* --out draws the graph with Graphviz: a record per node with value and gradient. */
START_TEST(cli_graph_file)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/dfdx_graph_%d.dot", (int)getpid());
    const char *argv[] = {"backprop", "sigmoid(w*x + b)", "--at", "w=0.5,x=2,b=0", "--out", path, NULL};
    char *out, *err;
    int st = tu_run(argv, NULL, &out, &err);
    ck_assert_msg(st == 0, "exit %d: %s", st, err);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    char text[8192] = "";
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = 0;
    fclose(f);
    remove(path);
    ck_assert_ptr_nonnull(strstr(text, "{ n3 = sigmoid(n2) | value 0.7311 | grad 1 }"));
    ck_assert_ptr_nonnull(strstr(text, "dn1/dw = x = 2"));
    free(out);
    free(err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("backprop");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
    tcase_add_loop_test(tc, gradient_equals_grad, 0, sizeof nets / sizeof *nets);
    tcase_add_loop_test(tc, gradient_equals_central_difference, 0, sizeof nets / sizeof *nets);
    tcase_add_test(tc, neuron_plain);
    tcase_add_test(tc, neuron_json);
    tcase_add_test(tc, shared_node_once);
    tcase_add_test(tc, labels_avoid_variables);
    tcase_add_test(tc, errors);
    tcase_add_test(tc, large_graph);
    tcase_add_loop_test(tc, cli, 0, sizeof cli_rows / sizeof *cli_rows);
    tcase_add_test(tc, cli_graph_file);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
