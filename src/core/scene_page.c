/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_page.c - see scene_page.h: the paint primitives the kiosk's screens
 * use, offered to the pages built elsewhere (stats_chart.c, sheet.c). */
#include "scene_page.h"

#include "paint.h"

void scene_begin_page(Scene *s, Color background)
{
    paint_reset(s);
    s->clear = background;
}

void scene_add_rect(Scene *s, Rect r, Color c)
{
    paint_rect(s, r, c);
}

void scene_add_frame(Scene *s, Rect r, Color c, int thick)
{
    paint_frame(s, r, c, thick);
}

int scene_add_text(Scene *s, const Measure *m, const char *t, Rect box, int px_max, int px_min,
                   FontStyle st, Color c, int align)
{
    SceneView v = {.measure = m};
    return paint_block(s, &v, t, box, px_max, px_min, st, c, align);
}
