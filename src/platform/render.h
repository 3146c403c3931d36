/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render.h - executes a Scene's draw list with an SDL_Renderer. */
#ifndef VITRINE_PLATFORM_RENDER_H
#define VITRINE_PLATFORM_RENDER_H

#include <SDL.h>
#include <stdbool.h>

#include "core/scene.h"
#include "text.h"
#include "textures.h"

/* What a drawn scene showed of its pictures (the trace's frame line). */
typedef struct {
    bool zoom_full;  /* a zoomed picture was drawn at full resolution */
    int previews;    /* pictures drawn from their preview (textures.h) */
    int missing;     /* pictures not drawn at all: neither copy is ready */
} RenderFacts;

/* Draws s; pictures not decoded yet are left out, or drawn from their
 * preview (textures.h). Returns true when every picture was drawn from its
 * full pixels; facts (may be NULL) says more. */
bool render_scene(SDL_Renderer *r, const Scene *s, Text *text, Textures *tex, RenderFacts *facts);

#endif
