/* A map from node to node (map.h). */
#include "map.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

void dx_map_init(dx_map *m)
{
    memset(m->inl, 0, sizeof m->inl);
    m->v = m->inl;
    m->cap = DX_MAP_INLINE;
    m->n = 0;
}

void dx_map_free(dx_map *m)
{
    if (m->v != m->inl)
        dx_free(m->v);
    m->v = NULL;
}

bool dx_map_grow(dx_map *m)
{
    size_t cap = 2 * m->cap;
    dx_map_slot *v = dx_calloc(cap, sizeof *v);
    if (!v)
        return false;
    for (size_t i = 0; i < m->cap; i++)
        if (m->v[i].key)
            *dx_map_find(v, cap, m->v[i].key) = m->v[i];
    if (m->v != m->inl)
        dx_free(m->v);
    m->v = v;
    m->cap = cap;
    return true;
}
