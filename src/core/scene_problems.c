/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_problems.c - --preview's problems banner (scene_build_problems, see
 * scene.h). */
#include "scene_problems.h"

#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "paint.h"

#define PROBLEM_MAX_LINES 3      /* lines one problem may wrap to; more end with "…" */

void scene_build_problems(Scene *s, const SceneView *v, const char *title,
                          const char *const *lines, int n, const char *footer)
{
    paint_reset(s);
    if (v->w <= 0 || v->h <= 0)
        return;
    float u = paint_scale(v);
    const Measure *m = v->measure;
    const char *lang = paint_lang(v);
    int margin = (int)(60 * u), width = v->w - 2 * margin;
    int px = (int)(30 * u) > 8 ? (int)(30 * u) : 8;
    int lh = m->line_height(m->ctx, px, FONT_REGULAR);
    /* the title on a band that says "stop" without shouting */
    int band = (int)(150 * u);
    paint_rect(s, (Rect){0, 0, v->w, band}, (Color){122, 38, 30, 255});
    int y = (int)(24 * u);
    y += paint_block(s, v, title, (Rect){margin, y, width, band / 2}, (int)(50 * u), (int)(28 * u), FONT_BOLD,
                     COL_WHITE, SCENE_ALIGN_LEFT);
    if (footer)
        paint_block(s, v, footer, (Rect){margin, y + (int)(6 * u), width, band - y}, (int)(32 * u), (int)(20 * u),
                    FONT_REGULAR, COL_WHITE, SCENE_ALIGN_LEFT);
    y = band + (int)(30 * u);
    int bottom = v->h - (int)(30 * u) - lh; /* room for "and N more" */
    int shown = 0;
    for (; shown < n; shown++) {
        TextBlock tb = {.px = px, .line_h = lh};
        bool more = false;
        tb.n = layout_wrap(m, px, FONT_REGULAR, lines[shown], width, tb.lines, PROBLEM_MAX_LINES, &more);
        tb.truncated = more;
        bool last = shown == n - 1;
        if (y + tb.n * lh > (last ? v->h - (int)(30 * u) : bottom))
            break;
        y += paint_emit(s, v, lines[shown], &tb, (Rect){margin, y, width, tb.n * lh}, FONT_REGULAR, COL_TEXT,
                        SCENE_ALIGN_LEFT);
        y += (int)(14 * u);
    }
    if (shown < n) {
        char more[160];
        lang_count_text(UI_MORE, n - shown, lang, more, sizeof more);
        paint_text(s, v, margin, y, more, strlen(more), px, FONT_BOLD, COL_ACCENT);
    }
}
