/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scratch.h - a buffer a thread keeps for its next picture.
 *
 * A fresh allocation of a few hundred KB or more is a fresh mapping whose
 * every page faults in again when written (measured in GUIDE.md; dear on
 * this project's virtual machine). Declare one
 * `static _Thread_local Scratch`, take it with scratch_get() and give it
 * back with scratch_put(); scratch_free() at the thread's end. A request
 * over SCRATCH_KEEP bytes gets a buffer of its own, freed by scratch_put.
 */
#ifndef VITRINE_PLATFORM_SCRATCH_H
#define VITRINE_PLATFORM_SCRATCH_H

#include <stdlib.h>

#define SCRATCH_KEEP (16u << 20)

typedef struct {
    void *p;
    size_t n;
} Scratch;

/* At least n bytes: the kept buffer (grown when smaller), or a new one. */
static inline void *scratch_get(Scratch *sc, size_t n)
{
    if (!sc || n > SCRATCH_KEEP)
        return malloc(n);
    if (sc->n < n) {
        free(sc->p);
        sc->p = malloc(n);
        sc->n = sc->p ? n : 0;
    }
    return sc->p;
}

/* Done with p: the kept buffer stays, any other is freed. */
static inline void scratch_put(Scratch *sc, void *p)
{
    if (!sc || p != sc->p)
        free(p);
}

static inline void scratch_free(Scratch *sc)
{
    free(sc->p);
    sc->p = NULL;
    sc->n = 0;
}

#endif
