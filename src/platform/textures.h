/* textures.h - slide images as textures, decoded once at the size shown.
 *
 * A small LRU of textures keyed by (file, box size, fit). Decoding is
 * synchronous for now; failures are remembered so a broken file is tried and
 * logged once, not every frame.
 */
#ifndef VITRINE_PLATFORM_TEXTURES_H
#define VITRINE_PLATFORM_TEXTURES_H

#include <SDL.h>
#include <stdbool.h>

#include "core/scene.h"

typedef struct Textures Textures;

Textures *textures_create(int max_entries);
void textures_free(Textures *t);

/* The texture for it (a DRAW_IMAGE item), decoding on a miss. NULL when the
 * image cannot be shown; *fresh_failure is then true the first time. The
 * texture stays owned by the cache until textures_forget()/textures_free(). */
SDL_Texture *textures_get(Textures *t, SDL_Renderer *r, const DrawItem *it, Color bg, int *w,
                          int *h, bool *fresh_failure);
/* Drop every texture (the renderer is going away). Failures are kept. */
void textures_forget(Textures *t);

/* The files may have changed on disk (hot reload): drop every texture and
 * forget the failures too, so each image is read again when next shown. */
void textures_reset(Textures *t);

#endif
