/* dfdx: session (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_SESSION_H
#define DFDX_SESSION_H

#include "../dfdx.h"

#endif
