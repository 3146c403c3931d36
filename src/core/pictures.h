/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pictures.h - what the show has learnt about the pictures of a library
 * from the platform: their natural sizes (for zoom) and which failed to
 * load (so the scene draws a placeholder instead of trying again).
 */
#ifndef VITRINE_PICTURES_H
#define VITRINE_PICTURES_H

#include <stdbool.h>

#include "library.h"

#define PICTURES_SIZES 32 /* natural sizes remembered, the latest ones */

typedef struct {
    /* One "failed" flag per slide, plus the cover, per exhibition;
     * failed_off[i] is where exhibition i's flags start (cover first). */
    unsigned char *failed;
    int *failed_off;
    struct { int ex, slide, w, h; } sizes[PICTURES_SIZES];
    int n_sizes, next_size;
} Pictures;

/* Nothing known yet about lib's pictures (and whatever was known about an
 * earlier library forgotten: indices and files may have changed). false on
 * out of memory: no flags then, images are simply tried again. */
bool pictures_reset(Pictures *p, const Library *lib);
void pictures_free(Pictures *p);
/* Did exhibition ex's slide (-1: its cover) fail to load? */
bool pictures_failed(const Pictures *p, const Library *lib, int ex, int slide);
/* The platform loaded (ok) or failed to load a picture of w x h. Returns
 * true when a failure is new (the scenes must be drawn again). */
bool pictures_loaded(Pictures *p, const Library *lib, int ex, int slide, bool ok, int w, int h);
/* The natural size, if known. */
bool pictures_size(const Pictures *p, int ex, int slide, int *w, int *h);

#endif
