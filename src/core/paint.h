/* SPDX-License-Identifier: GPL-3.0-or-later */
/* paint.h - what the scene's builders draw with: the theme, and primitives
 * that append rectangles, frames, pictures, text and touch targets to a
 * Scene. Internal to the scene_*.c builders; the show and the platform use
 * scene.h.
 *
 * Sizes are given for a 1920x1080 screen and scaled by `u` (paint_scale),
 * so a 4K screen gets the same layout with sharper text and a small screen
 * stays legible. Everything appended is owned by the Scene (scene_free).
 */
#ifndef VITRINE_PAINT_H
#define VITRINE_PAINT_H

#include <stdbool.h>
#include <stddef.h>

#include "scene_list.h"
#include "scene_view.h"

/* ---- theme ------------------------------------------------------------- */

static const Color COL_BG      = {14, 14, 16, 255};
static const Color COL_PANEL   = {28, 28, 32, 255};
static const Color COL_CARD    = {30, 30, 35, 255};
static const Color COL_TEXT    = {238, 234, 226, 255};
static const Color COL_DIM     = {168, 163, 155, 255};
static const Color COL_ACCENT  = {214, 172, 98, 255};
static const Color COL_ON_ACC  = {20, 18, 14, 255};
static const Color COL_ARROW   = {255, 255, 255, 40};
static const Color COL_HOLDER  = {36, 36, 42, 255};
static const Color COL_BLACK   = {0, 0, 0, 255};
static const Color COL_WHITE   = {255, 255, 255, 255};
static const Color COL_WARN    = {242, 178, 52, 255};
static const Color COL_ALERT   = {236, 84, 60, 255};
static const Color COL_OVERLAY = {0, 0, 0, 170};

#define TARGET_MIN 80     /* touch targets, px at 1080p */

/* ---- the draw list ------------------------------------------------------ */

/* Empty s for a new frame (its buffers are kept), background COL_BG. */
void paint_reset(Scene *s);
/* Append a filled rectangle / an outline `thick` px wide inside r. When
 * memory runs out the item is dropped and s->oom set, as for all below. */
void paint_rect(Scene *s, Rect r, Color c);
void paint_frame(Scene *s, Rect r, Color c, int thick);
/* Append a touch target: a tap in r reports action a with arg. */
void paint_hit(Scene *s, Rect r, Action a, int arg);

/* ---- text --------------------------------------------------------------- */

/* One line of text (len bytes of t, copied into s's arena) with its top-left
 * at (x, y), measured with v->measure. */
void paint_text(Scene *s, const SceneView *v, int x, int y, const char *t, size_t len,
                int px, FontStyle st, Color c);
/* The width of t at px, through v->measure. */
int paint_width(const SceneView *v, const char *t, int px, FontStyle st);
/* The lines of an already fitted block (layout_fit) at box's x, y and width,
 * aligned SCENE_ALIGN_*; a truncated block's last line ends in "…". Returns
 * the height used. */
int paint_emit(Scene *s, const SceneView *v, const char *t, const TextBlock *tb, Rect box,
               FontStyle st, Color c, int al);
/* t fitted into box at the largest size from px_max down to px_min, then
 * emitted as paint_emit. Returns the height used (0 for no text or no box). */
int paint_block(Scene *s, const SceneView *v, const char *t, Rect box, int px_max, int px_min,
                FontStyle st, Color c, int al);

/* ---- pictures ----------------------------------------------------------- */

/* The image at path (owned by the Library) fitted into r; reports against
 * exhibition ex, slide `slide` (-1 = cover). */
DrawItem *paint_image(Scene *s, Rect r, const char *path, ImageFormat f, FitMode fit, int ex, int slide);
/* A slide's picture: its image, and its page when the image is a document. */
void paint_slide_image(Scene *s, Rect r, const Slide *sl, FitMode fit, int ex, int slide);
/* A calm stand-in for an image that cannot be shown; with_text: it says so. */
void paint_placeholder(Scene *s, const SceneView *v, Rect box, float u, bool with_text);
/* The slide's film in r (DRAW_VIDEO). */
void paint_film(Scene *s, Rect r, const SlideMedia *m, int ex, int slide);
/* Has v's image of ex, slide (-1 = cover) already failed to load? */
bool paint_failed(const SceneView *v, int ex, int slide);

/* ---- the view ----------------------------------------------------------- */

/* The language shown: v->langs[v->lang], or the fallback when none is
 * offered. Static or v's storage. */
const char *paint_lang(const SceneView *v);
/* The width of language button i (128 units, wider when its label needs
 * it: "Deutsch", "ქართული"), and of all of them with their gaps. */
int paint_lang_button_w(const SceneView *v, float u, int i);
int paint_lang_buttons_w(const SceneView *v, float u);
/* u: 1 at 1920x1080, by the short side; a portrait screen by its width. */
float paint_scale(const SceneView *v);
/* The timer's colour at LtLevel `level`. */
Color paint_level_color(int level);

#endif
