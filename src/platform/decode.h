/* decode.h - image file -> pixels at the size they will be shown.
 *
 * Trusts nothing: the format is sniffed from the bytes (the name and the
 * manifest's earlier look do not count), dimensions are read from the header
 * and absurd ones refused before any large allocation, and only the one
 * loader for the sniffed format is called.
 */
#ifndef VITRINE_PLATFORM_DECODE_H
#define VITRINE_PLATFORM_DECODE_H

#include <SDL.h>
#include <stdbool.h>

#include "core/geom.h"
#include "core/scene.h"

#define DECODE_MAX_SIDE 20000               /* pixels on either side */
#define DECODE_MAX_PIXELS (200u * 1000000u) /* 200 megapixels */
#define DECODE_MAX_FILE (512u * 1024u * 1024u)

/* Decode `path` so that it fits (FIT_CONTAIN) or covers (FIT_COVER) a
 * box_w x box_h box, never larger than that needs: large images are scaled
 * down with area averaging, small ones are returned at their own size (the
 * GPU scales them up). Transparency is flattened onto `bg`. Returns an
 * ARGB8888 surface owned by the caller, or NULL with a reason in err. */
SDL_Surface *decode_image(const char *path, int box_w, int box_h, FitMode fit, Color bg,
                          char *err, size_t errn);

/* The image's own size in pixels from its header (an SVG: its declared
 * size), without decoding it. false when it cannot be read. */
bool decode_probe(const char *path, int *w, int *h);

#endif
