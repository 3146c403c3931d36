/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_problems.h - --preview's problems banner. */
#ifndef VITRINE_SCENE_PROBLEMS_H
#define VITRINE_SCENE_PROBLEMS_H

#include "scene_list.h"
#include "scene_view.h"

/* --preview's problems banner: `title` above the lines (each
 * "file:line:col: error: message", wrapped), as many as fit the screen, then
 * "and N more" for the rest; `footer` (may be NULL) last. */
void scene_build_problems(Scene *s, const SceneView *v, const char *title,
                          const char *const *lines, int n, const char *footer);

#endif
