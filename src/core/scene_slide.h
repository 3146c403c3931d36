/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_slide.h - the slide screen: a slide's picture or text, its caption
 * panel, counter and the chrome around it (arrows, home, accessibility
 * buttons), laid out by slide_geom.h. Internal to the scene. */
#ifndef VITRINE_SCENE_SLIDE_H
#define VITRINE_SCENE_SLIDE_H

#include "scene_list.h"
#include "scene_view.h"

/* Append slide v->slide of v->exhibition (both valid), then the chrome that
 * stays put when slides move. Returns the index in s->items of the first
 * chrome item, so a caller can move the content alone or drop the chrome. */
int scene_slide_build(Scene *s, const SceneView *v, float u);
/* The current slide drawn v->offset px to the right (dragged or animating)
 * and its neighbour beside it; the chrome stays. */
void scene_slide_build_moving(Scene *s, const SceneView *v, float u);

#endif
