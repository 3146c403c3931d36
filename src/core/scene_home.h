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
/* The cover of ex: its "cover", else the first slide with an image (*slide
 * its index, -1 for the cover); *path NULL when there is none. *path is the
 * Exhibition's. Also the attract loop's stand-in for a slide. */
void scene_home_cover(const Exhibition *ex, const char **path, ImageFormat *f, int *slide);

#endif
