/* scene.h - the show's state -> a draw list and the touch targets on it.
 *
 * What the renderer draws and what a tap can hit come from one place, so they
 * cannot disagree. Text is laid out here (through the injected Measure); the
 * renderer only rasterises lines at the positions given. Coordinates are
 * window pixels.
 */
#ifndef VITRINE_SCENE_H
#define VITRINE_SCENE_H

#include <stdbool.h>
#include <stddef.h>

#include "geom.h"
#include "layout.h"
#include "library.h"

typedef enum {
    DRAW_RECT,    /* fill r with color */
    DRAW_FRAME,   /* outline of r, `thick` pixels wide, inside r */
    DRAW_IMAGE,   /* the image at `path`, fitted into r (see fit) */
    DRAW_TEXT,    /* one line of text, top-left at r.x, r.y; r.w, r.h its box */
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
    FitMode fit;
    int exhibition, slide;  /* what to report failures against; slide -1 = cover */
    /* DRAW_TEXT: bytes in the scene's arena, see scene_text() */
    size_t text_off, text_len;
    int font_px;
    FontStyle style;
} DrawItem;

typedef enum {
    ACT_NONE,
    ACT_NEXT, ACT_PREV, ACT_FIRST, ACT_LAST,
    ACT_HOME,               /* back to the list of exhibitions */
    ACT_OPEN,               /* arg: exhibition index */
    ACT_LANG,               /* arg: index into the offered languages */
    ACT_LANG_NEXT,
    ACT_SEL_NEXT, ACT_SEL_PREV, ACT_SEL_FIRST, ACT_SEL_LAST, ACT_SELECT,
    ACT_TOGGLE_CAPTIONS,
    ACT_QUIT,               /* only where the show allows quitting (windowed) */
    ACT_ADMIN_QUIT,         /* always */
} Action;

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
} Scene;

typedef enum { SCREEN_HOME, SCREEN_SLIDE } Screen;

#define SCENE_MAX_LANGS 8

/* Everything scene_build needs to know, filled in by show.c. */
typedef struct {
    int w, h;
    Screen screen;
    const Library *lib;
    int exhibition, slide;       /* SCREEN_SLIDE: current; 0-based */
    int home_sel;                /* SCREEN_HOME: keyboard selection */
    const char *langs[SCENE_MAX_LANGS]; /* offered languages, in display order */
    int n_langs, lang;           /* lang: index into langs */
    bool captions;               /* caption panel shown */
    /* Has this image already failed to load? (slide -1 = cover) */
    bool (*image_failed)(void *ctx, int exhibition, int slide);
    void *ctx;
    const Measure *measure;
} SceneView;

void scene_init(Scene *s);
void scene_free(Scene *s);
/* Rebuild s from v; previous contents are discarded. */
void scene_build(Scene *s, const SceneView *v);
const char *scene_text(const Scene *s, const DrawItem *it);
/* The topmost target under (x, y), or NULL. */
const HitTarget *scene_hit(const Scene *s, float x, float y);
/* Text items whose bytes contain `needle` (for tests): the first, or NULL. */
const DrawItem *scene_find_text(const Scene *s, const char *needle);

#endif
