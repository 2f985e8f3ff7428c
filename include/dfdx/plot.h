/* dfdx: plot (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_PLOT_H
#define DFDX_PLOT_H

#include "../dfdx.h"

#endif
