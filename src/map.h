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
/* Releases the map's memory; dx_map_init makes it usable again. */
DX_HIDDEN void dx_map_free(dx_map *m);
/* Doubles the table; false without memory, the map unchanged. */
DX_HIDDEN bool dx_map_grow(dx_map *m);

/* Where key's probe starts in a table of cap slots: the id's Fibonacci hash, so that runs of
 * consecutive ids spread out. */
static inline size_t dx_map_home(const dx_expr *key, size_t cap)
{
    return (size_t)(((uint64_t)key->id * UINT64_C(0x9E3779B97F4A7C15)) >> 32) & (cap - 1);
}

/* The slot of key in a table of cap slots, or the empty slot where it goes. */
static inline dx_map_slot *dx_map_find(dx_map_slot *v, size_t cap, const dx_expr *key)
{
    size_t i = dx_map_home(key, cap);
    while (v[i].key && v[i].key != key)
        i = (i + 1) & (cap - 1);
    return &v[i];
}

/* key's value, or NULL. Inline, as dx_map_put: the memos ask once per node visited. */
static inline dx_expr *dx_map_get(const dx_map *m, const dx_expr *key) { return dx_map_find(m->v, m->cap, key)->val; }

/* Sets key's value (replacing any); false without memory, the map unchanged. */
static inline bool dx_map_put(dx_map *m, const dx_expr *key, dx_expr *val)
{
    if (2 * (m->n + 1) > m->cap && !dx_map_grow(m))
        return false;
    dx_map_slot *s = dx_map_find(m->v, m->cap, key);
    m->n += !s->key;
    *s = (dx_map_slot){key, val};
    return true;
}

#endif
