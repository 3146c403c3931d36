/* render.h - executes a Scene's draw list with an SDL_Renderer. */
#ifndef VITRINE_PLATFORM_RENDER_H
#define VITRINE_PLATFORM_RENDER_H

#include <SDL.h>
#include <stdbool.h>

#include "core/scene.h"
#include "text.h"
#include "textures.h"

/* Called once for each image that turns out not to be showable. */
typedef void (*RenderImageFailed)(void *ctx, int exhibition, int slide);

/* Returns whether every image was drawn from its real pixels (false when a
 * placeholder or a pending decode stood in for one): the trace's complete=. */
bool render_scene(SDL_Renderer *r, const Scene *s, Text *text, Textures *tex,
                  RenderImageFailed on_fail, void *ctx);

#endif
