/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_page.h - pages other than the kiosk's screens (the report's chart,
 * the contact sheet) built from the same draw list.
 */
#ifndef VITRINE_SCENE_PAGE_H
#define VITRINE_SCENE_PAGE_H

#include "scene_list.h"

/* Building blocks for pages other than the kiosk's screens (the report's
 * chart, the contact sheet): an empty scene with a background, then
 * rectangles, frames and text, drawn in the order added. */
void scene_begin_page(Scene *s, Color background);
void scene_add_rect(Scene *s, Rect r, Color c);
void scene_add_frame(Scene *s, Rect r, Color c, int thick);
/* t wrapped into box at the largest size from px_max down to px_min at
 * which it fits; what still does not fit is cut, the last line ending in
 * "…". A box one line high gives one line. Returns the height used. */
int scene_add_text(Scene *s, const Measure *m, const char *t, Rect box, int px_max, int px_min,
                   FontStyle st, Color c, int align);

#endif
