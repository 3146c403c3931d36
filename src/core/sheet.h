/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet.h - the contact sheet: every slide of an exhibition as a numbered
 * thumbnail with its title, on printable pages (A4 portrait at 150 dpi),
 * each slide with a problem framed in red and its problems listed under it:
 *
 *   - a title, caption or text without its own translation in the language
 *     (visitors read another language's text instead), or no caption at all
 *     on a picture;
 *   - a picture that cannot be shown (missing, unsupported, undecodable):
 *     a placeholder is drawn in its place;
 *   - a caption (a text slide's text) too long for its panel at the text
 *     size and screen size configured (scene_caption_fits, as --check).
 *
 * The pictures themselves are the platform's: sheet_build says where each
 * goes, the platform decodes it (or reports why it cannot) beforehand.
 */
#ifndef VITRINE_SHEET_H
#define VITRINE_SHEET_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "manifest.h"
#include "scene.h"

#define SHEET_W 1240            /* A4 portrait, 210 x 297 mm at 150 dpi */
#define SHEET_H 1754
#define SHEET_COLS 3
#define SHEET_ROWS 4
#define SHEET_PER_PAGE (SHEET_COLS * SHEET_ROWS)
#define SHEET_MAX_PROBLEMS 4    /* lines listed under a slide */

typedef struct {
    const Exhibition *ex;
    const char *lang;
    int screen_w, screen_h;     /* the captions are fitted on this screen */
    bool large_text;            /* ... at this text size */
    const Measure *measure;
    /* Why slide k's picture cannot be shown ("not found", a decoder's
     * words), or NULL when it can (or the slide has none). */
    const char *(*image_problem)(void *ctx, int slide);
    void *ctx;
} SheetView;

typedef struct {
    int slide;                  /* 0-based */
    Rect r;                     /* draw its picture fitted (contained) in here */
} SheetThumb;

/* Pages needed for ex. */
int sheet_pages(const Exhibition *ex);
/* The size of every picture's box, for decoding at the size drawn. */
void sheet_thumb_size(int *w, int *h);
/* The problems of slide k (0-based), one short English line each (as
 * --check's messages), into lines[SHEET_MAX_PROBLEMS][n]. Returns how many. */
int sheet_problems(const SheetView *v, int k, char lines[][160], int max);
/* Page `page` (0-based) into s; thumbs[SHEET_PER_PAGE] receives where the
 * pictures go, *n_thumbs how many. */
void sheet_build(Scene *s, const SheetView *v, int page, SheetThumb *thumbs, int *n_thumbs);

#endif
