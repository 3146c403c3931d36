/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_home.h - the kiosk's home screen: a card for each exhibition, paged
 * so that the keyboard selection is always on screen. Internal to the scene
 * (scene_build calls it); draws into s with paint.h. */
#ifndef VITRINE_SCENE_HOME_H
#define VITRINE_SCENE_HOME_H

#include "scene_list.h"
#include "scene_view.h"

/* Append the home screen for v (scale u) to s. */
void scene_home_build(Scene *s, const SceneView *v, float u);
/* (An exhibition's cover is manifest_cover(): the start index keeps it too.) */

#endif
