/* dfdx: extrema (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_EXTREMA_H
#define DFDX_EXTREMA_H

#include "../dfdx.h"

#endif
