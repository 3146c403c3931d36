/* SPDX-License-Identifier: GPL-3.0-or-later */
/* texcopy.h - a texture drawn over a screen rectangle, clipped to another:
 * only the part of the source that shows is copied, and one source pixel
 * to one screen pixel lands on whole pixels. Used by textures.c for
 * pictures, their tiles and previews. */
#ifndef VITRINE_PLATFORM_TEXCOPY_H
#define VITRINE_PLATFORM_TEXCOPY_H

#include <SDL.h>

#include "core/geom.h"
#include "core/zoom.h"

/* Texture `tex` (tw x th pixels) drawn over screen rectangle d, only where
 * d meets clip. */
void copy_clipped(SDL_Renderer *r, SDL_Texture *tex, int tw, int th, RectF d, Rect clip);

#endif
