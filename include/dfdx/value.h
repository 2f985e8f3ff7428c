/* dfdx: value (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_VALUE_H
#define DFDX_VALUE_H

#include "../dfdx.h"

#endif
