/* dfdx: backprop (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_BACKPROP_H
#define DFDX_BACKPROP_H

#include "../dfdx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One node of the computational graph: a distinct subexpression that depends on a variable
 * (a constant stays inside the formula of the node that uses it). Expressions are hash-consed,
 * so a subexpression used twice is one node with two uses. */
typedef struct dx_bp_node {
    const char *label;   /* a variable's name, or n1, n2, ... for the others (another letter
                            when the expression has variables named like that) */
    const char *op;      /* "input", "+", "*", "^", or a function's name (sigmoid) */
    dx_expr *expr;       /* what the node computes, in the variables */
    dx_expr *formula;    /* the same in its inputs' labels: n2 = sigmoid(n1) */
    size_t first_input;  /* its inputs are edges[first_input .. first_input + ninputs) */
    size_t ninputs;
    double value;        /* forward pass */
    double grad;         /* backward pass: d f / d node */
} dx_bp_node;

/* An edge from an input to the node that uses it, with the local partial derivative. */
typedef struct dx_bp_edge {
    size_t from, to;     /* node indices: from is an input of to */
    dx_expr *local;      /* d to / d from, in labels (sigmoid(n1)*(1 - sigmoid(n1))) */
    double local_value;  /* at the point */
    double contribution; /* grad(to) * local_value: what this edge adds to grad(from) */
} dx_bp_edge;

/* The computational graph of f at a point, forward and backward. Nodes are in topological
 * order (inputs before the nodes that use them; the last is f); the backward pass visits them
 * from the last to the first. Everything is owned by the context. */
typedef struct dx_backprop_result {
    dx_expr *f;
    dx_bp_node *nodes;
    size_t nnodes;
    dx_bp_edge *edges;
    size_t nedges;
    /* the gradient: vars[i] (every variable of f, sorted) at at[i], df/dvars[i] = gradient[i] */
    const char *const *vars;
    const double *at, *gradient;
    size_t nvars;
} dx_backprop_result;

/* Most nodes a graph may have (DX_ELIMIT beyond). */
#define DX_BACKPROP_MAX_NODES 100000

/* The graph of f with names[i] = values[i]; every variable of f needs a value. DX_OK with
 * *out filled, or an error on the context: a missing value (DX_EUSAGE), a node outside its
 * domain (ln of a negative value) or a local derivative undefined there (relu at 0: f is not
 * differentiable there by the chain rule) (DX_EDOMAIN). */
DX_API dx_status dx_backprop(dx_ctx *ctx, dx_expr *f, const char *const *names, const double *values, size_t n,
                             dx_backprop_result *out);
/* The graph as `dfdx backprop` prints it: the forward pass, the backward pass and the
 * gradient; JSON: nodes (id, op, value, grad, inputs), edges, gradient. */
DX_API void dx_show_backprop(dx_ctx *ctx, const dx_backprop_result *r, dx_show how, struct dx_buf *out);

#ifdef __cplusplus
}
#endif

#endif
