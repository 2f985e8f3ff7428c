/* dfdx: check (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_CHECK_H
#define DFDX_CHECK_H

#include "../dfdx.h"

#endif
