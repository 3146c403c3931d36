/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.h - fonts (fontconfig + SDL_ttf), the real Measure, text textures. */
#ifndef VITRINE_PLATFORM_TEXT_H
#define VITRINE_PLATFORM_TEXT_H

#include <SDL.h>
#include <stdbool.h>

#include "core/layout.h"

typedef struct Text Text;

/* The rendered lines' pixels a Text keeps (a caption line is up to 300 KB). */
#define TEXT_MAX_BYTES (8u << 20)

/* Finds the fonts through fontconfig and checks that they cover Kazakh;
 * logs what it found. NULL if no usable font exists at all. */
Text *text_create(void);
void text_free(Text *t);
/* After the last text_free: release fontconfig's caches. */
void text_quit(void);

/* A Measure backed by SDL_ttf; valid as long as t. */
Measure text_measure(Text *t);

/* A white texture of s[0..len) at size px (tint it with SDL_SetTextureColorMod),
 * cached: the texture belongs to the cache and is valid until the next
 * text_forget() or text_free(). NULL if it cannot be rendered. */
SDL_Texture *text_texture(Text *t, SDL_Renderer *r, const char *s, size_t len, int px,
                          FontStyle style, int *w, int *h);
/* A frame begins: the lines it draws are kept while lines are drawn ahead. */
void text_frame(Text *t);
/* Draw s[0..len) into the cache for a frame to come (the next slide's
 * caption, while the kiosk waits for a key), as text_texture would; it
 * never takes the place of a line drawn since text_frame() and gives up
 * instead. true when the line is in the cache now; *drawn when it was
 * rendered by this call (the costly case). */
bool text_warm(Text *t, SDL_Renderer *r, const char *s, size_t len, int px, FontStyle style, bool *drawn);
/* Drop every texture (the renderer is going away or changed). */
void text_forget(Text *t);
/* Close every font, with its glyph cache; they open again when next needed.
 * For the soak test, which compares SDL's allocations in a known state. */
void text_forget_fonts(Text *t);
/* Whether some installed font draws cp (the main face or a fallback
 * fontconfig finds); spaces and controls count as drawn. */
bool text_covers(Text *t, Uint32 cp);
/* Paths of the font files in use, for logs and --version. */
const char *text_font_path(const Text *t, FontStyle style);

#endif
