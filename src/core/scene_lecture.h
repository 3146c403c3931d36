/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_lecture.h - what the audience sees in a lecture: the slide (or the
 * overview, or a blank screen), the optional timer and the slide number
 * being typed. Internal to the scene. */
#ifndef VITRINE_SCENE_LECTURE_H
#define VITRINE_SCENE_LECTURE_H

#include "scene_list.h"
#include "scene_view.h"

/* Append the audience's view of v (v->lecture.on, v->slide valid). */
void scene_lecture_build(Scene *s, const SceneView *v, float u);

#endif
