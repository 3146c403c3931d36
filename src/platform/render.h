/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render.h - executes a Scene's draw list with an SDL_Renderer. */
#ifndef VITRINE_PLATFORM_RENDER_H
#define VITRINE_PLATFORM_RENDER_H

#include <SDL.h>
#include <stdbool.h>

#include "core/scene.h"
#include "text.h"
#include "textures.h"

/* Draws s; pictures not decoded yet are left out (textures.h). Returns
 * true when every picture was drawn from its pixels; *zoom_full (may be
 * NULL) is set when a zoomed picture was drawn at full resolution. */
bool render_scene(SDL_Renderer *r, const Scene *s, Text *text, Textures *tex, bool *zoom_full);

#endif
