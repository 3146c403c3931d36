/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_home.c - see scene_home.h */
#include "scene_home.h"

#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "paint.h"

void scene_home_build(Scene *s, const SceneView *v, float u)
{
    const char *lang = paint_lang(v);
    int margin = (int)(48 * u);
    int top = (int)(12 * u) + (int)(TARGET_MIN * u);
    const char *heading = lang_text(UI_CHOOSE_EXHIBITION, lang);
    int hpx = (int)(44 * u);
    paint_text(s, v, margin, (int)(22 * u), heading, strlen(heading), hpx, FONT_BOLD, COL_TEXT);

    int n = v->lib ? v->lib->n : 0;
    if (n == 0) {
        const char *msg = lang_text(UI_NO_EXHIBITIONS, lang);
        Rect box = {margin, v->h / 2 - (int)(40 * u), v->w - 2 * margin, (int)(80 * u)};
        paint_block(s, v, msg, box, (int)(40 * u), (int)(24 * u), FONT_REGULAR, COL_DIM, SCENE_ALIGN_CENTER);
        return;
    }

    /* Cards in a grid of up to 3 columns and 2 rows; more are paged so the
     * keyboard selection is always on screen. */
    int cols = n < 3 ? n : 3, rows = n <= 3 ? 1 : 2;
    if (v->w < v->h) { /* portrait screen */
        cols = 1;
        rows = n < 3 ? n : 3;
    }
    int per_page = cols * rows;
    int page = v->home_sel / per_page;
    int gap = (int)(40 * u);
    int area_y = top + (int)(40 * u), area_h = v->h - area_y - margin;
    int card_w = (v->w - 2 * margin - (cols - 1) * gap) / cols;
    int card_h = (area_h - (rows - 1) * gap) / rows;
    int max_w = (int)(600 * u);
    if (card_w > max_w)
        card_w = max_w;
    int title_px = (int)(32 * u), sub_px = (int)(24 * u);
    const Measure *m = v->measure;
    int title_h = 2 * m->line_height(m->ctx, title_px, FONT_BOLD);
    int sub_h = m->line_height(m->ctx, sub_px, FONT_REGULAR);
    int pad = (int)(20 * u);
    int img_h = card_h - title_h - sub_h - 3 * pad;
    if (img_h > card_w * 3 / 4)
        img_h = card_w * 3 / 4;
    card_h = img_h + title_h + sub_h + 3 * pad;
    int total_w = cols * card_w + (cols - 1) * gap;
    int total_h = rows * card_h + (rows - 1) * gap;
    int x0 = (v->w - total_w) / 2;
    int y0 = area_y + (area_h - total_h) / 2;

    for (int k = 0; k < per_page; k++) {
        int i = page * per_page + k;
        if (i >= n)
            break;
        const Exhibition *ex = v->lib->items[i];
        Rect card = {x0 + (k % cols) * (card_w + gap), y0 + (k / cols) * (card_h + gap), card_w, card_h};
        paint_rect(s, card, COL_CARD);
        Rect img = {card.x, card.y, card.w, img_h};
        const char *path;
        ImageFormat f = IMG_FMT_UNKNOWN;
        int cslide;
        manifest_cover(ex, &path, &f, &cslide);
        DrawItem *it;
        if (path && !paint_failed(v, i, cslide)) {
            if ((it = paint_image(s, img, path, f, FIT_COVER, i, cslide)) && cslide >= 0)
                it->page = ex->slides[cslide].page;
        } else
            paint_placeholder(s, v, img, u, false);
        Rect tbox = {card.x + pad, img.y + img.h + pad, card.w - 2 * pad, title_h};
        paint_block(s, v, loc_get(&ex->title, lang, ex), tbox, title_px, (int)(22 * u), FONT_BOLD,
                    COL_TEXT, SCENE_ALIGN_LEFT);
        char sub[64];
        lang_count_text(UI_SLIDES, manifest_slide_count(ex), lang, sub, sizeof sub);
        paint_text(s, v, tbox.x, tbox.y + title_h + pad / 2, sub, strlen(sub), sub_px, FONT_REGULAR,
                   COL_DIM);
        if (i == v->home_sel)
            paint_frame(s, card, COL_ACCENT, (int)(5 * u) > 0 ? (int)(5 * u) : 1);
        paint_hit(s, card, ACT_OPEN, i);
    }
}
