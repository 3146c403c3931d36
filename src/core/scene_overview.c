/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_overview.c - see scene_overview.h */
#include "scene_overview.h"

#include <stdio.h>

#include "cards.h"
#include "paint.h"

int scene_overview_cols(int n, int w, int h)
{
    (void)h;
    int cols = 1;
    while (cols * cols < n && cols < 6)
        cols++;
    if (w < h && cols > 3)
        cols = 3;
    return cols;
}

/* A small picture of slide i in box: its image, or its title for a text slide. */
void scene_overview_preview(Scene *s, const SceneView *v, int i, Rect box, float u)
{
    const Exhibition *ex = v->lib->items[v->exhibition];
    const Slide *sl = &ex->slides[i];
    const char *lang = paint_lang(v);
    paint_rect(s, box, COL_BLACK);
    if (sl->image) {
        if (sl->image_ok && sl->image_path && !paint_failed(v, v->exhibition, i))
            paint_slide_image(s, box, sl, FIT_CONTAIN, v->exhibition, i);
        else
            paint_placeholder(s, v, box, u, box.h > 200 * u);
        return;
    }
    const char *title = loc_get(&sl->title, lang, ex);
    const char *body = loc_get(&sl->text, lang, ex);
    int pad = box.w / 12;
    Rect tb = {box.x + pad, box.y + pad, box.w - 2 * pad, box.h - 2 * pad};
    int px = box.h / 8 > 8 ? box.h / 8 : 8;
    int used = paint_block(s, v, title ? title : body, (Rect){tb.x, tb.y, tb.w, tb.h / 2}, px, px / 2,
                           FONT_BOLD, COL_ACCENT, SCENE_ALIGN_CENTER);
    if (title && body)
        paint_block(s, v, body, (Rect){tb.x, tb.y + used + pad / 2, tb.w, tb.h - used - pad / 2}, px * 2 / 3,
                    px / 3 > 6 ? px / 3 : 6, FONT_REGULAR, COL_TEXT, SCENE_ALIGN_CENTER);
}

void scene_overview_build(Scene *s, const SceneView *v, float u)
{
    const Exhibition *ex = v->lib->items[v->exhibition];
    int n = cards_count(ex); /* one card a slide; a beamer slide's overlays are one (cards.h) */
    int cols = scene_overview_cols(n, v->w, v->h);
    int rows_max = 5;
    int per_page = cols * rows_max;
    int page = v->lecture.overview_sel / per_page;
    int first = page * per_page, count = n - first < per_page ? n - first : per_page;
    int rows = (count + cols - 1) / cols;
    if (rows < 1)
        rows = 1;
    int margin = (int)(40 * u), gap = (int)(24 * u);
    int label_h = v->measure->line_height(v->measure->ctx, (int)(24 * u), FONT_REGULAR);
    int cell_w = (v->w - 2 * margin - (cols - 1) * gap) / cols;
    int cell_h = cell_w * 9 / 16;
    int max_h = (v->h - 2 * margin - (rows - 1) * gap) / rows - label_h;
    if (cell_h > max_h) {
        cell_h = max_h;
        cell_w = cell_h * 16 / 9;
    }
    int total_w = cols * cell_w + (cols - 1) * gap, total_h = rows * (cell_h + label_h) + (rows - 1) * gap;
    int x0 = (v->w - total_w) / 2, y0 = (v->h - total_h) / 2;
    const char *lang = paint_lang(v);
    for (int k = 0; k < count; k++) {
        int card = first + k, i = cards_last(ex, card), go = cards_first(ex, card);
        Rect cell = {x0 + (k % cols) * (cell_w + gap), y0 + (k / cols) * (cell_h + label_h + gap), cell_w, cell_h};
        scene_overview_preview(s, v, i, cell, u);
        char label[160];
        const char *t = loc_get(&ex->slides[go].title, lang, ex);
        snprintf(label, sizeof label, "%d%s%.120s", card + 1, t ? "  " : "", t ? t : "");
        paint_block(s, v, label, (Rect){cell.x, cell.y + cell.h + (int)(4 * u), cell.w, label_h}, (int)(24 * u),
                    (int)(16 * u), card == v->lecture.overview_sel ? FONT_BOLD : FONT_REGULAR,
                    card == v->lecture.overview_sel ? COL_ACCENT : COL_DIM, SCENE_ALIGN_LEFT);
        if (card == cards_of(ex, v->slide))
            paint_frame(s, cell, COL_DIM, (int)(3 * u) > 0 ? (int)(3 * u) : 1);
        if (card == v->lecture.overview_sel)
            paint_frame(s, (Rect){cell.x - (int)(6 * u), cell.y - (int)(6 * u), cell.w + (int)(12 * u),
                                  cell.h + (int)(12 * u)},
                        COL_ACCENT, (int)(5 * u) > 0 ? (int)(5 * u) : 1);
        paint_hit(s, cell, ACT_GOTO, go);
    }
}
