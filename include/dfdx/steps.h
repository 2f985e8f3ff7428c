/* dfdx: steps (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_STEPS_H
#define DFDX_STEPS_H

#include "../dfdx.h"

#endif
