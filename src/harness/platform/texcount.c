/* SPDX-License-Identifier: GPL-3.0-or-later */
/* texcount.c - see texcount.h
 *
 * One process-wide counter (an exception to "no mutable globals outside
 * main.c": it counts SDL's own process-wide objects). Atomic, though only
 * the render thread makes textures today.
 */
#include "texcount.h"

static SDL_atomic_t live, made;

SDL_Texture *texcount_made(SDL_Texture *t)
{
    if (t) {
        SDL_AtomicAdd(&live, 1);
        SDL_AtomicAdd(&made, 1);
    }
    return t;
}

void texcount_destroy(SDL_Texture *t)
{
    if (!t)
        return;
    SDL_DestroyTexture(t);
    SDL_AtomicAdd(&live, -1);
}

int texcount_live(void)
{
    return SDL_AtomicGet(&live);
}

int texcount_made_total(void)
{
    return SDL_AtomicGet(&made);
}
