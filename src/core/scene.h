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
#include <stdint.h>

#include "action.h"
#include "geom.h"
#include "layout.h"
#include "library.h"
#include "zoom.h"

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
    ZoomView zoom;          /* FIT_CONTAIN: z > 1 draws it closer (zoom.h), clipped to r */
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

typedef enum { SCREEN_HOME, SCREEN_SLIDE, SCREEN_ADMIN } Screen;

typedef enum { BLANK_NONE, BLANK_BLACK, BLANK_WHITE } Blank;

/* What the lecture adds to a view (all zero in the kiosk). */
typedef struct {
    bool on;                     /* lecture mode: the audience sees slides only */
    Blank blank;
    bool overview;               /* the grid of slides instead of the slide */
    int overview_sel;            /* 0-based */
    bool timer_overlay;          /* small timer on the audience screen */
    int64_t elapsed_ms, remaining_ms, planned_ms;
    bool timer_running;
    int level;                   /* LtLevel */
    bool has_budgets;
    int64_t pacing_ms;           /* >0 behind, <0 ahead */
    int goto_num;                /* digits typed so far, 0 = none */
    const char *clock;           /* wall-clock "19:05" for the presenter view, or NULL */
    const char *notes_lang;      /* presenter notes language */
} LectureView;

typedef enum { ADMIN_PIN, ADMIN_MENU, ADMIN_PICK } AdminStage;

/* The kiosk left alone (idle.h): the countdown, and the attract loop. */
typedef struct {
    int phase;                   /* IdlePhase */
    int seconds_left;            /* WARNING */
    int attract_ex, attract_slide; /* ATTRACT: what is shown (slide -1 = cover) */
    int lang_step;               /* ATTRACT: "touch to begin" in langs[lang_step] */
} IdleView;

/* The administrator's screen. */
typedef struct {
    AdminStage stage;
    int pin_len;                 /* digits typed (shown as dots, never the digits) */
    bool wrong;                  /* the last PIN was wrong */
    bool locked;                 /* too many wrong PINs: wait */
    bool in_lecture;             /* the menu offers "End the lecture" */
    int sel;                     /* keyboard selection in the menu/list */
} AdminView;

#define SCENE_MAX_LANGS 8

/* Everything scene_build needs to know, filled in by show.c. */
typedef struct {
    int w, h;
    Screen screen;
    const Library *lib;
    int exhibition, slide;       /* SCREEN_SLIDE: current; 0-based */
    int offset;                  /* SCREEN_SLIDE: the current slide drawn this many px to the
                                  * right (dragged or animating); its neighbour beside it */
    int home_sel;                /* SCREEN_HOME: keyboard selection */
    const char *langs[SCENE_MAX_LANGS]; /* offered languages, in display order */
    int n_langs, lang;           /* lang: index into langs */
    bool captions;               /* caption panel shown */
    ZoomView zoom;               /* SCREEN_SLIDE: the current slide's picture */
    int caption_scroll;          /* lines a long caption is scrolled */
    bool large_text;             /* visitors' large-text mode */
    bool hide_arrows, hide_language, hide_accessibility, hide_home; /* from the settings */
    bool high_contrast;          /* visitors' high-contrast captions */
    /* Has this image already failed to load? (slide -1 = cover) */
    bool (*image_failed)(void *ctx, int exhibition, int slide);
    void *ctx;
    const Measure *measure;
    LectureView lecture;
    AdminView admin;
    IdleView idle;
} SceneView;

void scene_init(Scene *s);
void scene_free(Scene *s);
/* Rebuild s from v; previous contents are discarded. */
void scene_build(Scene *s, const SceneView *v);
/* The lecturer's screen: current and next slide, notes, timer, pacing,
 * clock. v->w, v->h are the presenter display's. */
void scene_build_presenter(Scene *s, const SceneView *v);
/* A full-screen message: a title and a body, centred (--learn-keys). */
void scene_build_message(Scene *s, const SceneView *v, const char *title, const char *body);
/* Columns of the overview grid for n slides on a w x h screen (shared by
 * the scene and the show, which moves the selection by rows). */
int scene_overview_cols(int n, int w, int h);
const char *scene_text(const Scene *s, const DrawItem *it);

/* An image the platform should have decoded: where and how it will be drawn. */
typedef struct {
    const char *path;
    Rect r;
    FitMode fit;
    int exhibition, slide;
} ImageRequest;
/* Slide `slide` (0-based) of v's exhibition as it would be shown on v's
 * screen (captions, text size, lecture): its picture. false when it has
 * none that can be shown. */
bool scene_slide_image(const SceneView *v, int slide, ImageRequest *out);
/* The topmost target under (x, y), or NULL. */
const HitTarget *scene_hit(const Scene *s, float x, float y);
/* Text items whose bytes contain `needle` (for tests): the first, or NULL. */
const DrawItem *scene_find_text(const Scene *s, const char *needle);
/* Does slide `slide` (0-based) of ex, in lang, fit on a v->w x v->h screen
 * with the caption panel shown: its caption (a text slide: its text) at the
 * smallest size the scene sets it in, in the very box the slide shows it in
 * (slide_geom.h)? Only v->w, v->h and v->measure are read. When it does not
 * fit, *lines_over (may be NULL) is how many lines it needs beyond the box,
 * or 0 when the screen leaves no room for it at all. */
bool scene_caption_fits(const SceneView *v, const Exhibition *ex, int slide, const char *lang,
                        int *lines_over);

/* Building blocks for pages other than the kiosk's screens (the report's
 * chart, the contact sheet): an empty scene with a background, then
 * rectangles, frames and text, drawn in the order added. */
void scene_begin_page(Scene *s, Color background);
void scene_add_rect(Scene *s, Rect r, Color c);
void scene_add_frame(Scene *s, Rect r, Color c, int thick);
enum { SCENE_ALIGN_LEFT, SCENE_ALIGN_CENTER, SCENE_ALIGN_RIGHT };
/* t wrapped into box at the largest size from px_max down to px_min at
 * which it fits; what still does not fit is cut, the last line ending in
 * "…". A box one line high gives one line. Returns the height used. */
int scene_add_text(Scene *s, const Measure *m, const char *t, Rect box, int px_max, int px_min,
                   FontStyle st, Color c, int align);
/* --preview's problems banner: `title` above the lines (each
 * "file:line:col: error: message", wrapped), as many as fit the screen, then
 * "and N more" for the rest; `footer` (may be NULL) last. */
void scene_build_problems(Scene *s, const SceneView *v, const char *title,
                          const char *const *lines, int n, const char *footer);

#endif
