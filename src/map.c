/* A map from node to node (map.h). */
#include "map.h"

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
        free(m->v);
    dx_map_init(m);
}

/* The slot of key, or the empty slot where it goes. */
static dx_map_slot *find(dx_map_slot *v, size_t cap, const dx_expr *key)
{
    size_t i = dx_map_home(key, cap);
    while (v[i].key && v[i].key != key)
        i = (i + 1) & (cap - 1);
    return &v[i];
}

bool dx_map_put(dx_map *m, const dx_expr *key, dx_expr *val)
{
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = 2 * m->cap;
        dx_map_slot *v = calloc(cap, sizeof *v);
        if (!v)
            return false;
        for (size_t i = 0; i < m->cap; i++)
            if (m->v[i].key)
                *find(v, cap, m->v[i].key) = m->v[i];
        if (m->v != m->inl)
            free(m->v);
        m->v = v;
        m->cap = cap;
    }
    dx_map_slot *s = find(m->v, m->cap, key);
    m->n += !s->key;
    *s = (dx_map_slot){key, val};
    return true;
}
