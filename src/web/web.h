/* dfdx for the page: the calls the page's worker makes (web/worker.js). Each returns one JSON
 * object, malloc'd, released with dxw_free; var "" picks the variable as the program does. */
#ifndef DFDX_WEB_H
#define DFDX_WEB_H

#include <stdbool.h>

void dxw_free(char *s);
/* {"plain", "latex", "kinks"}: the order-th derivative */
char *dxw_derivative(const char *f, const char *var, int order);
/* {"latex", "json"}: the steps of the first derivative */
char *dxw_steps(const char *f, const char *var);
/* {"text", "json"}: is answer the order-th derivative? */
char *dxw_check(const char *f, const char *var, int order, const char *answer);
/* {"text", "json"}: the tangent at the point written as at */
char *dxw_tangent(const char *f, const char *var, const char *at);
/* {"text", "json"}: critical and inflection points */
char *dxw_extrema(const char *f, const char *var);
/* {"text", "json"}: the limit at at (an expression, oo, -oo) from side (both, left, right) */
char *dxw_limit(const char *f, const char *var, const char *at, const char *side);
/* {"text", "paths"}: descent from x0 with each of rates[0..nrates), by method ("gd",
 * "momentum", "adam"); beta, beta2 NaN for the program's defaults */
char *dxw_descend(const char *f, const char *var, double x0, const double *rates, int nrates, int steps,
                  const char *method, double beta, double beta2);
/* {"x0", "x1", "y0", "y1", "f", "df"}: f and its order-th derivative sampled at n points */
char *dxw_plot(const char *f, const char *var, int order, double x0, double x1, int n);

/* The catalogue (catalogue.c): one entry of the page's language (many_form NULL for a row
 * without plural, or a language with one form); false without memory */
bool dxw_catalogue_add(const char *english, const char *form, const char *many_form);
/* Forget the catalogue (and translate no more) */
void dxw_catalogue_clear(void);
/* The library's messages in that language (true) or in English */
void dxw_translate(bool on);

#endif
