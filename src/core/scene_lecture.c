/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_lecture.c - see scene_lecture.h */
#include "scene_lecture.h"

#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "lecture_timer.h"
#include "paint.h"
#include "scene_overview.h"
#include "scene_slide.h"

/* The timer as "12:34  ·  32:26" (elapsed, remaining), coloured by level. */
static void timer_text(const LectureView *l, char *buf, size_t n)
{
    char e[16], r[16];
    ltimer_format(l->elapsed_ms, e, sizeof e);
    if (l->planned_ms > 0) {
        ltimer_format(l->remaining_ms, r, sizeof r);
        snprintf(buf, n, "%s  \xC2\xB7  %s", e, r);
    } else {
        snprintf(buf, n, "%s", e);
    }
}

void scene_lecture_build(Scene *s, const SceneView *v, float u)
{
    const LectureView *l = &v->lecture;
    if (l->blank == BLANK_BLACK) {
        s->clear = COL_BLACK;
        return;
    }
    if (l->blank == BLANK_WHITE) {
        s->clear = COL_WHITE;
        return;
    }
    if (l->overview)
        scene_overview_build(s, v, u);
    else
        (void)scene_slide_build(s, v, u);
    const Measure *m = v->measure;
    if (l->timer_overlay && !l->overview) {
        char t[48];
        timer_text(l, t, sizeof t);
        int px = (int)(30 * u);
        int tw = paint_width(v, t, px, FONT_BOLD), lh = m->line_height(m->ctx, px, FONT_BOLD);
        int pad = (int)(14 * u);
        Rect box = {v->w - tw - 2 * pad - (int)(16 * u), (int)(16 * u), tw + 2 * pad, lh + pad};
        paint_rect(s, box, COL_OVERLAY);
        paint_text(s, v, box.x + pad, box.y + pad / 2, t, strlen(t), px, FONT_BOLD,
                   l->timer_running ? paint_level_color(l->level) : COL_DIM);
    }
    if (l->goto_num) {
        char g[64];
        snprintf(g, sizeof g, "%s %d", lang_text(UI_GOTO, paint_lang(v)), l->goto_num);
        int px = (int)(44 * u);
        int tw = paint_width(v, g, px, FONT_BOLD), lh = m->line_height(m->ctx, px, FONT_BOLD);
        Rect box = {(v->w - tw) / 2 - (int)(24 * u), (int)(24 * u), tw + (int)(48 * u), lh + (int)(16 * u)};
        paint_rect(s, box, COL_OVERLAY);
        paint_text(s, v, box.x + (int)(24 * u), box.y + (int)(8 * u), g, strlen(g), px, FONT_BOLD, COL_ACCENT);
    }
}
