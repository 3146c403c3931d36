/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_admin.h - the administrator's screen: the PIN pad, the menu, the
 * list of exhibitions to lecture on. Internal to the scene. */
#ifndef VITRINE_SCENE_ADMIN_H
#define VITRINE_SCENE_ADMIN_H

#include "scene_list.h"
#include "scene_view.h"

/* Append the administrator's screen at stage v->admin.stage. */
void scene_admin_build(Scene *s, const SceneView *v, float u);

#endif
