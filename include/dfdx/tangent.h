/* dfdx: tangent (public API; see include/dfdx.h for contexts, errors and messages). */
#ifndef DFDX_TANGENT_H
#define DFDX_TANGENT_H

#include "../dfdx.h"

#endif
