/* dfdx: descend (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_DESCEND_H
#define DFDX_DESCEND_H

#include "../dfdx.h"

#endif
