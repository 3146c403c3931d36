/* SPDX-License-Identifier: GPL-3.0-or-later */
/* textures.h - slide pictures as textures: decoded on worker threads, made
 * into textures on the render thread ahead of need, kept within a byte
 * budget.
 *
 * The render thread says what it wants (textures_want: the pictures of the
 * scene on screen, then those worth prefetching, most wanted first); worker
 * threads decode them at the size they are shown (decode.h) and wake the
 * render thread with an SDL user event; textures_pump() turns what they
 * finished into textures and reports each picture's fate once. Drawing
 * (textures_draw) never decodes: a picture not ready yet is left out.
 * Requests nobody wants any more are dropped before they are decoded.
 *
 * Progressive pictures: a large picture wanted on screen and not ready
 * gets a preview first, decoded ahead of every other job, so the other
 * core starts on the full copy at once: the small copy kept in the state
 * folder when the picture was shown before, in any format (prevstore.h:
 * about a millisecond, TexturesConfig.store_dir), else a JPEG DCT-scaled
 * to about a quarter of its box (decode.h, DecodeRequest.preview: still
 * every byte entropy-decoded, 20 ms of a 4K photo here where its full copy
 * takes 45). It is drawn over the same rectangle the full copy will take,
 * through the same colour steps, and dropped when that arrives. Every
 * large picture shown (preview or full copy) leaves its small copy there.
 *
 * A zoomed picture (DrawItem.zoom.z > 1) is drawn from a second, separately
 * budgeted entry: the source image's own pixels (or as many as the zoom
 * budget allows), in tiles no larger than the renderer's texture limit,
 * released as soon as nobody wants them.
 */
#ifndef VITRINE_PLATFORM_TEXTURES_H
#define VITRINE_PLATFORM_TEXTURES_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/scene.h"

typedef struct Textures Textures;

typedef struct {
    size_t budget;       /* bytes of screen-size pictures (0: CACHE_DEFAULT_BUDGET_MB) */
    size_t zoom_budget;  /* bytes of one zoomed picture's full pixels (0: 128 MB) */
    int workers;         /* decoding threads (0: 2) */
    Uint32 wake_event;   /* pushed when a decode finishes (0: none) */
    const char *store_dir; /* the state folder: previews kept there (prevstore.h); NULL: none */
} TexturesConfig;

Textures *textures_create(const TexturesConfig *cfg);
void textures_free(Textures *t);

/* The pictures wanted now, most wanted first: those of `scene` (a zoomed one
 * also at full resolution), then `extra` (prefetch; may be NULL). */
void textures_want(Textures *t, SDL_Renderer *r, const Scene *scene, Color bg,
                   const ImageRequest *extra, int n_extra);

/* A picture's fate, reported once: ok with its own size in pixels, or not. */
typedef void (*TexturesLoaded)(void *ctx, int exhibition, int slide, bool ok, int w, int h);
/* Make textures of what the workers finished. Returns how many arrived. */
int textures_pump(Textures *t, SDL_Renderer *r, TexturesLoaded cb, void *ctx);
/* Wait until every wanted decode has finished (replays and tests: the
 * virtual clock does not move meanwhile), then pump. false on timeout. */
bool textures_settle(Textures *t, SDL_Renderer *r, int timeout_ms, TexturesLoaded cb, void *ctx);

/* Draw it (a DRAW_IMAGE item of a scene whose background is bg). Returns false when its pixels are not ready
 * (then its preview is drawn if it has one, and *preview set, else nothing);
 * *full (may be NULL) tells whether a zoomed picture was drawn from
 * full-resolution pixels. */
bool textures_draw(Textures *t, SDL_Renderer *r, const DrawItem *it, Color bg, bool *full, bool *preview);
/* How many of the scene's pictures are still being decoded with nothing
 * to show meanwhile (a preview counts as something). */
int textures_pending(Textures *t, const Scene *scene);

/* Tests: while hold is true, full copies that finished wait (previews do
 * not), so that what a visitor sees first can be looked at. */
void textures_hold_full(Textures *t, bool hold);

/* Drop every texture (the renderer is going away or was reset); decodes in
 * flight are dropped too. Remembered failures stay. */
void textures_forget(Textures *t);
/* Content changed on disk: forget everything, failures too. */
void textures_reset(Textures *t);

/* For tests and the benchmark: bytes held (screen-size, zoom). */
void textures_usage(const Textures *t, size_t *screen, size_t *zoom);

/* The files may have changed on disk (hot reload): drop every texture and
 * forget the failures too, so each image is read again when next shown. */
void textures_reset(Textures *t);

#endif
