/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_list.h - the Scene: a draw list and the touch targets on it.
 *
 * What the renderer draws and what a tap can hit are kept in one list, so they
 * cannot disagree. The builders (scene.h and the scene_*.c files it lists)
 * fill it; the renderer, hit-testing and the tests read it. Coordinates are
 * window pixels.
 */
#ifndef VITRINE_SCENE_LIST_H
#define VITRINE_SCENE_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "action.h"
#include "geom.h"
#include "imagehead.h"
#include "layout.h"
#include "slide_media.h"
#include "zoom.h"

typedef enum {
    DRAW_RECT,    /* fill r with color */
    DRAW_FRAME,   /* outline of r, `thick` pixels wide, inside r */
    DRAW_IMAGE,   /* the image at `path`, fitted into r (see fit) */
    DRAW_TEXT,    /* one line of text, top-left at r.x, r.y; r.w, r.h its box */
    DRAW_VIDEO,   /* the film `media` of (exhibition, slide), fitted into r: its
                   * latest frame, or nothing before the first (what is under it,
                   * the slide's image, shows through) */
} DrawKind;

typedef enum {
    FIT_CONTAIN,  /* whole image visible, letterboxed */
    FIT_COVER,    /* fills r, cropped at the centre */
} FitMode;

typedef struct {
    DrawKind kind;
    Rect r;
    Color color;
    int thick;              /* DRAW_FRAME */
    /* DRAW_IMAGE */
    const char *path;       /* owned by the Library, which outlives the scene */
    ImageFormat format;
    int page;               /* a document's page, 1-based (0: the first) */
    FitMode fit;
    int exhibition, slide;  /* what to report failures against; slide -1 = cover */
    ZoomView zoom;          /* FIT_CONTAIN: z > 1 draws it closer (zoom.h), clipped to r */
    const SlideMedia *media; /* DRAW_VIDEO: owned by the Library */
    bool ambient;           /* DRAW_VIDEO: the attract loop's: muted, looped, watched by nobody */
    /* DRAW_TEXT: bytes in the scene's arena, see scene_text() */
    size_t text_off, text_len;
    int font_px;
    FontStyle style;
} DrawItem;


typedef struct {
    Rect r;
    Action action;
    int arg;
} HitTarget;

typedef struct {
    DrawItem *items;  int n, cap;
    HitTarget *hits;  int n_hits, hits_cap;
    char *arena;      size_t arena_len, arena_cap;
    Color clear;      /* background */
    bool oom;         /* something was dropped for want of memory */
    /* A caption too long for its panel scrolls by dragging the panel: */
    Rect scroll_area; /* where a vertical drag scrolls it (w = 0: nothing scrolls) */
    int scroll_line;  /* px a line */
    int scroll_max;   /* lines it can scroll */
} Scene;

/* HitTarget.arg of the left and right thirds of a slide, which turn pages
 * when tapped (the ‹ › buttons have 0): a tap there on a picture waits to
 * see whether it is the first of a double tap. */
#define SCENE_HIT_ZONE 1

enum { SCENE_ALIGN_LEFT, SCENE_ALIGN_CENTER, SCENE_ALIGN_RIGHT };

/* An image the platform should have decoded: where and how it will be drawn. */
typedef struct {
    const char *path;
    Rect r;
    FitMode fit;
    int exhibition, slide;
    int page;               /* a document's page, 1-based (0: the first) */
} ImageRequest;
void scene_init(Scene *s);
void scene_free(Scene *s);
/* The bytes of text item it; valid while s is unchanged. */
const char *scene_text(const Scene *s, const DrawItem *it);
/* The topmost target under (x, y), or NULL. */
const HitTarget *scene_hit(const Scene *s, float x, float y);
/* Text items whose bytes contain `needle` (for tests): the first, or NULL. */
const DrawItem *scene_find_text(const Scene *s, const char *needle);

#endif
