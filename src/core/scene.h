/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene.h - the show's state -> a draw list and the touch targets on it.
 *
 * This header is what the rest of vitrine includes: the Scene (scene_list.h),
 * the view it is built from (scene_view.h) and the builders. Each screen has a
 * builder of its own (scene_home.c, scene_slide.c laid out by slide_geom.c,
 * scene_lecture.c, scene_overview.c, scene_presenter.c, scene_admin.c,
 * scene_idle.c, scene_problems.c), drawing with paint.h; the builders include
 * scene_list.h and scene_view.h, never this header, so that scene.c may call
 * them without a cycle.
 *
 * What the renderer draws and what a tap can hit come from one place, so they
 * cannot disagree. Text is laid out here (through the injected Measure); the
 * renderer only rasterises lines at the positions given. Coordinates are
 * window pixels.
 */
#ifndef VITRINE_SCENE_H
#define VITRINE_SCENE_H

#include "scene_list.h"
#include "scene_overview.h"
#include "scene_page.h"
#include "scene_presenter.h"
#include "scene_problems.h"
#include "scene_view.h"
#include "slide_geom.h"

/* Rebuild s from v; previous contents are discarded. */
void scene_build(Scene *s, const SceneView *v);
/* A full-screen message: a title and a body, centred (--learn-keys). */
void scene_build_message(Scene *s, const SceneView *v, const char *title, const char *body);

#endif
