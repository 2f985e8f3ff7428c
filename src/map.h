/* A map from node to node, for the memos of one pass over an expression (diff, simplify). */
#ifndef DX_MAP_H
#define DX_MAP_H

#include "expr.h"

/* Open addressing keyed by node id, linear probing, at most half full. It grows with the nodes
 * one pass visits, not with the context: a context holding many expressions (a corpus, a
 * session) would otherwise pay for all of them on every pass. The first 64 slots live in the
 * map itself, enough for most expressions, so a small pass allocates nothing; the map must
 * therefore stay where dx_map_init put it. */
enum { DX_MAP_INLINE = 64 };

typedef struct dx_map_slot {
    const dx_expr *key;
    dx_expr *val;
} dx_map_slot;

typedef struct dx_map {
    dx_map_slot *v;
    size_t cap, n; /* cap a power of two */
    dx_map_slot inl[DX_MAP_INLINE];
} dx_map;

DX_HIDDEN void dx_map_init(dx_map *m);
DX_HIDDEN void dx_map_free(dx_map *m);
/* Sets key's value (replacing any); false without memory, the map unchanged. */
DX_HIDDEN bool dx_map_put(dx_map *m, const dx_expr *key, dx_expr *val);

/* Where key's probe starts in a table of cap slots: the id's Fibonacci hash, so that runs of
 * consecutive ids spread out. */
static inline size_t dx_map_home(const dx_expr *key, size_t cap)
{
    return (size_t)(((uint64_t)key->id * UINT64_C(0x9E3779B97F4A7C15)) >> 32) & (cap - 1);
}

/* key's value, or NULL. Inline: the memos ask once per node visited. */
static inline dx_expr *dx_map_get(const dx_map *m, const dx_expr *key)
{
    for (size_t i = dx_map_home(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
        if (m->v[i].key == key)
            return m->v[i].val;
        if (!m->v[i].key)
            return NULL;
    }
}

#endif
