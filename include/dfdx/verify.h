/* dfdx: verify (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_VERIFY_H
#define DFDX_VERIFY_H

#include "../dfdx.h"

#endif
