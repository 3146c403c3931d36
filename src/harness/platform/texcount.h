/* SPDX-License-Identifier: GPL-3.0-or-later */
/* texcount.h - how many SDL textures vitrine holds, for the soak test.
 * Test harness (src/harness/README.md).
 *
 * SDL has no way to ask how many textures are alive, so the places that
 * make and destroy them (textures.c, text.c) go through these two calls;
 * the soak compares the count before and after 100,000 inputs (docs/replay.md).
 */
#ifndef VITRINE_HARNESS_TEXCOUNT_H
#define VITRINE_HARNESS_TEXCOUNT_H

#include <SDL.h>

/* t, counted when not NULL: wrap SDL_CreateTexture*() in it. */
SDL_Texture *texcount_made(SDL_Texture *t);
/* SDL_DestroyTexture(t), counted. NULL is fine. */
void texcount_destroy(SDL_Texture *t);
/* Textures made and not yet destroyed. */
int texcount_live(void);
/* Textures made since the start (tests: a texture reused is not made). */
int texcount_made_total(void);

#endif
