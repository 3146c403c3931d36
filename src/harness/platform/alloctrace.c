/* SPDX-License-Identifier: GPL-3.0-or-later */
/* alloctrace.c - see alloctrace.h
 *
 * SDL's memory functions take no context, so the record is process-wide
 * state (an exception to "no mutable globals outside main.c", for a
 * debugging aid that is off unless asked for). A hash table of lists, under
 * one mutex: decoding threads allocate too.
 */
#include "alloctrace.h"

#include <SDL.h>
#include <execinfo.h>
#include <pthread.h>
#include <stdlib.h>

#define BUCKETS 4096
#define FRAMES 14

typedef struct Rec {
    void *p;
    size_t size;
    unsigned long seq;           /* in order of allocation */
    int n;
    void *frames[FRAMES];
    struct Rec *next;
} Rec;

static struct {
    Rec *bucket[BUCKETS];
    unsigned long seq, mark, stop; /* listed: made after mark, up to stop */
    unsigned long freed_old;     /* made before the mark, freed after (before stop) */
    pthread_mutex_t mx;
    SDL_malloc_func malloc_fn;
    SDL_calloc_func calloc_fn;
    SDL_realloc_func realloc_fn;
    SDL_free_func free_fn;
} tr = {.mx = PTHREAD_MUTEX_INITIALIZER};

static size_t slot(const void *p)
{
    return ((uintptr_t)p >> 4) % BUCKETS;
}

static void remember(void *p, size_t size)
{
    Rec *r = p ? malloc(sizeof *r) : NULL;
    if (!r)
        return;
    r->p = p;
    r->size = size;
    r->n = backtrace(r->frames, FRAMES);
    pthread_mutex_lock(&tr.mx);
    r->seq = ++tr.seq;
    r->next = tr.bucket[slot(p)];
    tr.bucket[slot(p)] = r;
    pthread_mutex_unlock(&tr.mx);
}

static void forget(void *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&tr.mx);
    for (Rec **r = &tr.bucket[slot(p)]; *r; r = &(*r)->next) {
        if ((*r)->p == p) {
            Rec *gone = *r;
            *r = gone->next;
            tr.freed_old += tr.mark && gone->seq <= tr.mark && !tr.stop;
            free(gone);
            break;
        }
    }
    pthread_mutex_unlock(&tr.mx);
}

static void *traced_malloc(size_t n)
{
    void *p = tr.malloc_fn(n);
    remember(p, n);
    return p;
}

static void *traced_calloc(size_t k, size_t n)
{
    void *p = tr.calloc_fn(k, n);
    remember(p, k * n);
    return p;
}

static void *traced_realloc(void *old, size_t n)
{
    void *p = tr.realloc_fn(old, n);
    if (p || n == 0)
        forget(old);
    remember(p, n);
    return p;
}

static void traced_free(void *p)
{
    forget(p);
    tr.free_fn(p);
}

void alloctrace_install(void)
{
    const char *on = getenv("VITRINE_SOAK_TRACE");
    if (!on || !*on || *on == '0' || tr.malloc_fn)
        return;
    SDL_GetMemoryFunctions(&tr.malloc_fn, &tr.calloc_fn, &tr.realloc_fn, &tr.free_fn);
    SDL_SetMemoryFunctions(traced_malloc, traced_calloc, traced_realloc, traced_free);
}

void alloctrace_mark(void)
{
    pthread_mutex_lock(&tr.mx);
    tr.mark = tr.seq;
    tr.stop = 0;
    tr.freed_old = 0;
    pthread_mutex_unlock(&tr.mx);
}

void alloctrace_stop(void)
{
    pthread_mutex_lock(&tr.mx);
    tr.stop = tr.seq;
    pthread_mutex_unlock(&tr.mx);
}

void alloctrace_report(FILE *out)
{
    if (!tr.malloc_fn)
        return;
    pthread_mutex_lock(&tr.mx);
    fprintf(out, "vitrine: soak: SDL allocations made during the soak and alive after it "
                 "(%lu made before it were freed during it):\n", tr.freed_old);
    fflush(out);
    for (int b = 0; b < BUCKETS; b++)
        for (const Rec *r = tr.bucket[b]; r; r = r->next)
            if (r->seq > tr.mark && (!tr.stop || r->seq <= tr.stop)) {
                fprintf(out, "  %zu bytes, allocation %lu:\n", r->size, r->seq);
                fflush(out);
                backtrace_symbols_fd((void *const *)r->frames, r->n, fileno(out));
            }
    pthread_mutex_unlock(&tr.mx);
}
