/* The program's pictures of two variables: contour plots, implicit curves, descent paths. */
#ifndef DX_CLI_PLOT2_H
#define DX_CLI_PLOT2_H

#include "cli.h"

/* --from and --to of a picture over axes x and y: x=-2,y=-1 (each axis named) or one number for
 * both. from/to keep their defaults where the options are absent; *given says whether they were
 * both there. false after reporting. */
bool cli_box(cli *c, const cli_args *a, const char *x, const char *y, double from[2], double to[2], bool *given);
/* --levels N (digits alone: about N levels) or --levels A,B,C (those values; one value that is
 * not all digits, as 0.5 or -1, is one level): into count or levels[*n].
 * false after reporting. */
bool cli_levels(cli *c, const cli_args *a, size_t *count, double *levels, size_t *n);
/* A contour plot shown: into pc->out (Cairo) with title, or as terminal text; with --format
 * json the plot's data (and "file" or "picture"). CLI_OK, or CLI_BAD after reporting. */
int cli_contour_show(cli *c, const cli_canvas *pc, dx_contour *k, const char *title);

/* dfdx plot of f(x, y): contour lines, the critical points marked (--mark none: not). */
int cli_plot_contour(cli *c, const cli_args *a, dx_expr *f, const char *x, const char *y);
/* dfdx plot EQUATION (--tangent x=A,y=B for the tangent there): the curve, with implicit's words. */
int cli_plot_curve(cli *c, const cli_args *a);
/* The curve of an implicit result (its tangent and point when r->at) in pc. */
int cli_curve_picture(cli *c, const cli_args *a, const cli_canvas *pc, const dx_implicit_result *r);

/* The descent of two variables drawn on the contour plot of its loss f (with --set's values put
 * in: a function of the two descent variables and the data's): the box around the runs' paths,
 * the loss sampled there (on data, the mean over the rows), each run's path, the critical points
 * of a typed loss or the least-squares minimum on data. */
int cli_descend_contour(cli *c, const cli_canvas *pc, dx_expr *f, const dx_descend_lesson *l, const dx_descend_request *q);

#endif
