/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_overview.h - the lecture's overview: a grid of the exhibition's
 * slides, paged, the selection framed (scene_overview_cols gives its
 * columns). Internal to the scene. */
#ifndef VITRINE_SCENE_OVERVIEW_H
#define VITRINE_SCENE_OVERVIEW_H

#include "scene_list.h"
#include "scene_view.h"

/* Append the overview of v->exhibition, v->lecture.overview_sel selected. */
void scene_overview_build(Scene *s, const SceneView *v, float u);
/* A small picture of slide i of v->exhibition in box: its image, or its
 * title (and text) for a text slide. Also the presenter's previews. */
void scene_overview_preview(Scene *s, const SceneView *v, int i, Rect box, float u);

/* Columns of the overview grid for n slides on a w x h screen (shared by
 * the scene and the show, which moves the selection by rows). */
int scene_overview_cols(int n, int w, int h);

#endif
