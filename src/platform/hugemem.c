/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hugemem.c - see hugemem.h
 *
 * SDL's memory functions take no context, so the table of large blocks is
 * process-wide state, like the trace descriptor: set up once before SDL
 * allocates, guarded by one mutex (decoding threads allocate too).
 */
#define _GNU_SOURCE /* MAP_ANONYMOUS, madvise, malloc_usable_size */
#include "hugemem.h"

#include <SDL.h>
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if defined(__SANITIZE_ADDRESS__)
#define HUGEMEM_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HUGEMEM_OFF 1
#endif
#endif

static struct {
    pthread_mutex_t mx;
    atomic_int live;             /* slots in use: free() of a small block skips the lock when 0 */
    struct {
        void *p;
        size_t len;              /* the mapping's length (whole pages) */
        size_t n;                /* what was asked for */
    } slot[HUGEMEM_SLOTS];
    void *spare;                 /* the last block let go, still mapped (and faulted in) */
    size_t spare_len;
} hm = {.mx = PTHREAD_MUTEX_INITIALIZER};

#define SPARE_MAX ((size_t)16 << 20) /* a zoom's 80 MB is not kept */

/* A block mapped here, or NULL (no room in the table, or no mapping):
 * the caller then takes it from malloc. */
static void *map_block(size_t n, bool *reused)
{
    long page = 4096;
    size_t len = (n + (size_t)page - 1) & ~((size_t)page - 1);
    if (len < n)
        return NULL;
    void *p = NULL, *drop = NULL;
    size_t drop_len = 0;
    pthread_mutex_lock(&hm.mx);
    if (hm.spare && hm.spare_len >= len && hm.spare_len - len <= len / 4) {
        p = hm.spare; /* its pages are there already: no faults, nothing for the kernel to zero */
        len = hm.spare_len;
        hm.spare = NULL;
    } else if (hm.spare) { /* not of use: let go before a new one, not both held */
        drop = hm.spare;
        drop_len = hm.spare_len;
        hm.spare = NULL;
    }
    pthread_mutex_unlock(&hm.mx);
    if (drop)
        munmap(drop, drop_len);
    *reused = p != NULL;
    if (!p) {
        p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return NULL;
        (void)madvise(p, len, MADV_HUGEPAGE); /* refused (no THP): small pages, as malloc's */
    }
    pthread_mutex_lock(&hm.mx);
    for (int i = 0; i < HUGEMEM_SLOTS; i++)
        if (!hm.slot[i].p) {
            hm.slot[i].p = p;
            hm.slot[i].len = len;
            hm.slot[i].n = n;
            atomic_fetch_add(&hm.live, 1);
            pthread_mutex_unlock(&hm.mx);
            return p;
        }
    pthread_mutex_unlock(&hm.mx);
    munmap(p, len);
    return NULL;
}

/* The mapping's length of p if it was mapped here (and its asked size),
 * else 0 (it is malloc's). Forgotten too when `take`. */
static size_t find_block(void *p, size_t *asked, bool take)
{
    if (!p || atomic_load(&hm.live) == 0)
        return 0;
    size_t len = 0;
    pthread_mutex_lock(&hm.mx);
    for (int i = 0; i < HUGEMEM_SLOTS; i++)
        if (hm.slot[i].p == p) {
            len = hm.slot[i].len;
            *asked = hm.slot[i].n;
            if (take) {
                hm.slot[i].p = NULL;
                atomic_fetch_sub(&hm.live, 1);
            }
            break;
        }
    pthread_mutex_unlock(&hm.mx);
    return len;
}

static void *hm_malloc(size_t n)
{
    bool reused;
    void *p = n >= HUGEMEM_MIN ? map_block(n, &reused) : NULL;
    return p ? p : malloc(n);
}

static void *hm_calloc(size_t k, size_t n)
{
    if (n && k > SIZE_MAX / n)
        return NULL;
    bool reused = false;
    void *p = k * n >= HUGEMEM_MIN ? map_block(k * n, &reused) : NULL; /* a fresh mapping is zeros */
    if (p && reused)
        memset(p, 0, k * n);
    return p ? p : calloc(k, n);
}

/* A block let go is kept as the spare (the one before it unmapped): a
 * slideshow lets go of a picture's pixels as the next one's are asked for,
 * and a fresh mapping's first touch costs a fault per page. */
static void hm_free(void *p)
{
    size_t asked, len = find_block(p, &asked, true);
    if (!len) {
        free(p);
        return;
    }
    void *drop = p;
    size_t drop_len = len;
    if (len <= SPARE_MAX) {
        pthread_mutex_lock(&hm.mx);
        drop = hm.spare;
        drop_len = hm.spare_len;
        hm.spare = p;
        hm.spare_len = len;
        pthread_mutex_unlock(&hm.mx);
    }
    if (drop)
        munmap(drop, drop_len);
}

static void *hm_realloc(void *old, size_t n)
{
    size_t asked = 0, len = find_block(old, &asked, false);
    if (!len && n < HUGEMEM_MIN)
        return realloc(old, n); /* malloc's, and staying small */
    size_t had = len ? asked : old ? malloc_usable_size(old) : 0;
    void *p = hm_malloc(n ? n : 1);
    if (p && old) {
        memcpy(p, old, had < n ? had : n);
        hm_free(old);
    }
    return p;
}

bool hugemem_install(void)
{
#ifdef HUGEMEM_OFF
    (void)hm_malloc, (void)hm_calloc, (void)hm_realloc, (void)hm_free; /* built, never installed */
    return false;
#else
    if (SDL_GetNumAllocations() > 0)
        return false; /* blocks made by the old functions would come back to these */
    return SDL_SetMemoryFunctions(hm_malloc, hm_calloc, hm_realloc, hm_free) == 0;
#endif
}

int hugemem_live(size_t *bytes)
{
    int n = 0;
    size_t b = 0;
    pthread_mutex_lock(&hm.mx);
    for (int i = 0; i < HUGEMEM_SLOTS; i++)
        if (hm.slot[i].p) {
            n++;
            b += hm.slot[i].n;
        }
    pthread_mutex_unlock(&hm.mx);
    if (bytes)
        *bytes = b;
    return n;
}
