/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cache_policy.h - which slide images to keep decoded and which to fetch
 * next, within a byte budget.
 *
 * The platform's texture cache asks two questions, both answered here so
 * that tests can run a visitor's afternoon without a display:
 *  - in what order to decode the slides around the current one (the next
 *    ones in the direction the visitor is travelling first, then one
 *    behind), and
 *  - which entry to give up when the cache is over its budget (never the
 *    one on screen; first what nobody wants any more, least recently used
 *    first; then the least wanted of the prefetched).
 */
#ifndef VITRINE_CACHE_POLICY_H
#define VITRINE_CACHE_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#define CACHE_AHEAD 2   /* slides decoded ahead in the direction of travel */
#define CACHE_BEHIND 1  /* and behind */
#define CACHE_DEFAULT_BUDGET_MB 32 /* screen-size slides: the 1 + 2 + 1 a lecture at 1080p needs (7 MB each), twice that in the kiosk */

/* The slides worth having around slide `cur` of n (0-based), most wanted
 * first, not counting cur itself: up to `ahead` in direction dir (+1 or -1;
 * 0 counts as +1), then `behind` the other way. Returns how many were
 * written to out (at most max). */
int cache_prefetch_order(int n, int cur, int dir, int ahead, int behind, int *out, int max);

typedef struct {
    size_t bytes;        /* what it holds now (0: nothing to free) */
    unsigned last_use;   /* larger = more recent */
    int rank;            /* place in the latest wish list (0 = on screen), -1 = not wanted */
} CacheItem;

/* The entry to free so that `used` comes down towards `budget`, or -1 when
 * nothing may go (within budget, or only what is on screen is left). */
int cache_pick_victim(const CacheItem *items, int n, size_t used, size_t budget);

/* May a decoded image of `bytes` with wish-list place `rank` come in? Wanted
 * ones always may (others make room for them); unwanted ones only into free
 * room. */
bool cache_admit(size_t used, size_t budget, size_t bytes, int rank);

/* Before a decoded image of `bytes` with wish-list place `rank` becomes a
 * texture: the entry to free first so that it fits, or -1 when it fits or
 * nothing less wanted than it is left. Freeing before, not after, keeps
 * the budget a bound on the peak, not only on what stays. What nobody
 * wants goes first (least recently used), then prefetched ones wanted
 * less than the newcomer. */
int cache_pick_room(const CacheItem *items, int n, size_t used, size_t budget, size_t bytes, int rank);

#endif
