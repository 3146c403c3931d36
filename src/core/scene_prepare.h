/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_prepare.h - a kiosk that shows one exhibition only, while that
 * exhibition is missing or broken: "being prepared" in every offered
 * language, and nothing to press. Internal to the scene. */
#ifndef VITRINE_SCENE_PREPARE_H
#define VITRINE_SCENE_PREPARE_H

#include "scene_list.h"
#include "scene_view.h"

/* Fill s with the screen (no touch targets). */
void scene_prepare_build(Scene *s, const SceneView *v, float u);

#endif
