/* dfdx: limit (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_LIMIT_H
#define DFDX_LIMIT_H

#include "../dfdx.h"

#endif
