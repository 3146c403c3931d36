/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cache_policy.c - see cache_policy.h */
#include "cache_policy.h"

int cache_prefetch_order(int n, int cur, int dir, int ahead, int behind, int *out, int max)
{
    int k = 0;
    int step = dir < 0 ? -1 : 1;
    for (int i = 1; i <= ahead && k < max; i++) {
        int s = cur + step * i;
        if (s >= 0 && s < n)
            out[k++] = s;
    }
    for (int i = 1; i <= behind && k < max; i++) {
        int s = cur - step * i;
        if (s >= 0 && s < n)
            out[k++] = s;
    }
    return k;
}

int cache_pick_victim(const CacheItem *items, int n, size_t used, size_t budget)
{
    if (used <= budget)
        return -1;
    int best = -1;
    /* first: what nobody wants, least recently used */
    for (int i = 0; i < n; i++)
        if (items[i].bytes && items[i].rank < 0 &&
            (best < 0 || items[i].last_use < items[best].last_use))
            best = i;
    if (best >= 0)
        return best;
    /* then: the least wanted of the prefetched (never what is on screen) */
    for (int i = 0; i < n; i++)
        if (items[i].bytes && items[i].rank > 0 && (best < 0 || items[i].rank > items[best].rank))
            best = i;
    return best;
}

bool cache_admit(size_t used, size_t budget, size_t bytes, int rank)
{
    return rank >= 0 || used + bytes <= budget;
}

int cache_pick_room(const CacheItem *items, int n, size_t used, size_t budget, size_t bytes, int rank)
{
    if (used + bytes <= budget || rank < 0)
        return -1;
    int best = -1;
    for (int i = 0; i < n; i++)
        if (items[i].bytes && items[i].rank < 0 && (best < 0 || items[i].last_use < items[best].last_use))
            best = i;
    if (best >= 0)
        return best;
    for (int i = 0; i < n; i++)
        if (items[i].bytes && items[i].rank > rank && (best < 0 || items[i].rank > items[best].rank))
            best = i;
    return best;
}
