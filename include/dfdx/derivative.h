/* dfdx: derivative (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_DERIVATIVE_H
#define DFDX_DERIVATIVE_H

#include "../dfdx.h"

#endif
