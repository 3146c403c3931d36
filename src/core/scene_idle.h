/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_idle.h - the kiosk left alone (idle.h): the "still there?" warning
 * over any screen, and the attract loop. Internal to the scene. */
#ifndef VITRINE_SCENE_IDLE_H
#define VITRINE_SCENE_IDLE_H

#include "scene_list.h"
#include "scene_view.h"

/* Append the countdown over what s already holds; the whole screen becomes
 * one target that only dismisses it. */
void scene_idle_warning(Scene *s, const SceneView *v, float u);
/* Append the attract loop's slide and "touch to begin" in
 * v->langs[v->idle.lang_step]. */
void scene_idle_attract(Scene *s, const SceneView *v, float u);

#endif
