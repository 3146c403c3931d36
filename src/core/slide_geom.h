/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slide_geom.h - where things go on a slide screen: one place for its
 * layout. The slide builder draws by it; scene_slide_image (which the show
 * uses for hit-testing and zoom, without building a scene) and
 * scene_caption_fits (--check, the contact sheet) measure by it, so a change
 * of layout here reaches all of them.
 *
 * Sizes at 1920x1080 scaled by u (paint_scale); window pixels.
 */
#ifndef VITRINE_SLIDE_GEOM_H
#define VITRINE_SLIDE_GEOM_H

#include <stdbool.h>

#include "layout.h"
#include "manifest.h"
#include "scene_list.h"
#include "scene_view.h"

/* Left and right margin of a slide's picture and texts, px. */
int slide_geom_margin(float u);
/* The top of a slide's content, below the home button and the languages. */
int slide_geom_top(float u);
/* The caption panel's height on an image slide (taller in large text). */
int slide_geom_panel_height(const SceneView *v);
/* Is the caption panel shown under image slide sl: captions on, and the
 * slide has something to say in lang? */
bool slide_geom_has_panel(const SceneView *v, const Exhibition *ex, const Slide *sl, const char *lang);
/* Where an image slide's picture goes: between the buttons at the top and
 * the caption panel (when it is shown). */
Rect slide_geom_picture(const SceneView *v, const Exhibition *ex, const Slide *sl, float u);

/* A slide's texts, fitted and placed: in the caption panel of an image slide,
 * or centred on a text slide. The slide builder draws them and
 * scene_caption_fits measures them: one computation, so the fit check sees
 * what visitors see. The strings are the Exhibition's. */
typedef struct {
    const char *title, *main, *credit; /* main: the caption, else the text; NULL = none */
    Rect panel;                /* image slide: the caption panel */
    int pad;                   /* image slide: inside the panel, px */
    TextBlock title_tb, main_tb;
    Rect title_at, main_at;    /* where the fitted blocks are drawn */
    Rect main_room;            /* the box main was fitted into */
    int main_px_min;           /* the smallest size main may be set in, px */
    Rect credit_at;
    int credit_px, credit_px_min;
} SlideGeomText;

/* Fill *t for slide sl of ex in lang on v's screen (v->w, v->h, v->measure,
 * v->large_text are read). */
void slide_geom_text(const SceneView *v, const Exhibition *ex, const Slide *sl,
                     const char *lang, float u, SlideGeomText *t);

/* Slide `slide` (0-based) of v's exhibition as it would be shown on v's
 * screen (captions, text size, lecture): its picture. false when it has
 * none that can be shown. */
bool scene_slide_image(const SceneView *v, int slide, ImageRequest *out);
/* Does slide `slide` (0-based) of ex, in lang, fit on a v->w x v->h screen
 * with the caption panel shown: its caption (a text slide: its text) at the
 * smallest size the scene sets it in, in the very box the slide shows it in
 * (slide_geom.h)? Only v->w, v->h and v->measure are read. When it does not
 * fit, *lines_over (may be NULL) is how many lines it needs beyond the box,
 * or 0 when the screen leaves no room for it at all. */
bool scene_caption_fits(const SceneView *v, const Exhibition *ex, int slide, const char *lang,
                        int *lines_over);

#endif
