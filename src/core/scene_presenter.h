/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_presenter.h - the lecturer's screen. */
#ifndef VITRINE_SCENE_PRESENTER_H
#define VITRINE_SCENE_PRESENTER_H

#include "scene_list.h"
#include "scene_view.h"

/* The lecturer's screen: current and next slide, notes, timer, pacing,
 * clock. v->w, v->h are the presenter display's. */
void scene_build_presenter(Scene *s, const SceneView *v);

#endif
