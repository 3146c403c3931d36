/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_idle.c - see scene_idle.h */
#include "scene_idle.h"

#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "paint.h"
#include "scene_home.h"

/* "Still there?" over whatever is on screen, in every offered language. */
void scene_idle_warning(Scene *s, const SceneView *v, float u)
{
    paint_rect(s, (Rect){0, 0, v->w, v->h}, (Color){0, 0, 0, 190});
    int bw = (int)(1100 * u), bh = (int)(560 * u);
    if (bw > v->w - (int)(40 * u))
        bw = v->w - (int)(40 * u);
    Rect box = {(v->w - bw) / 2, (v->h - bh) / 2, bw, bh};
    paint_rect(s, box, COL_PANEL);
    paint_frame(s, box, COL_ACCENT, (int)(3 * u) > 0 ? (int)(3 * u) : 1);
    const Measure *m = v->measure;
    int y = box.y + (int)(36 * u);
    for (int i = 0; i < v->n_langs; i++) {
        const char *q = lang_text(UI_STILL_THERE, v->langs[i]);
        int px = i == v->lang ? (int)(46 * u) : (int)(34 * u);
        y += paint_block(s, v, q, (Rect){box.x + (int)(30 * u), y, box.w - (int)(60 * u), m->line_height(m->ctx, px, FONT_BOLD)},
                         px, px / 2, FONT_BOLD, i == v->lang ? COL_TEXT : COL_DIM, SCENE_ALIGN_CENTER);
        y += (int)(6 * u);
    }
    char secs[16];
    snprintf(secs, sizeof secs, "%d", v->idle.seconds_left);
    int big = (int)(110 * u);
    int tw = paint_width(v, secs, big, FONT_BOLD);
    paint_text(s, v, box.x + (box.w - tw) / 2, y + (int)(6 * u), secs, strlen(secs), big, FONT_BOLD, COL_ACCENT);
    y += m->line_height(m->ctx, big, FONT_BOLD) + (int)(10 * u);
    const char *t = lang_text(UI_TOUCH_TO_CONTINUE, paint_lang(v));
    paint_block(s, v, t, (Rect){box.x + (int)(30 * u), y, box.w - (int)(60 * u), box.y + box.h - y}, (int)(32 * u),
                (int)(20 * u), FONT_REGULAR, COL_TEXT, SCENE_ALIGN_CENTER);
    /* the whole screen is one target: a touch only dismisses this */
    paint_hit(s, (Rect){0, 0, v->w, v->h}, ACT_NONE, 0);
}

/* The showcase: one chosen slide (or cover) at a time, and "touch to begin"
 * in each offered language in turn. */
void scene_idle_attract(Scene *s, const SceneView *v, float u)
{
    s->clear = COL_BLACK;
    const char *lang = v->n_langs ? v->langs[v->idle.lang_step % v->n_langs] : LANG_FALLBACK;
    int band = v->h / 5;
    if (v->lib && v->idle.attract_ex >= 0 && v->idle.attract_ex < v->lib->n) {
        const Exhibition *ex = v->lib->items[v->idle.attract_ex];
        int sl = v->idle.attract_slide;
        const char *path = NULL;
        ImageFormat f = IMG_FMT_UNKNOWN;
        int report = sl;
        DrawItem *it;
        if (sl >= 0 && sl < ex->n_slides && ex->slides[sl].image_ok && ex->slides[sl].image_path) {
            path = ex->slides[sl].image_path;
            f = ex->slides[sl].image_format;
        } else {
            manifest_cover(ex, &path, &f, &report);
        }
        Rect area = {0, 0, v->w, v->h - band};
        if (path && !paint_failed(v, v->idle.attract_ex, report))
            if ((it = paint_image(s, area, path, f, FIT_CONTAIN, v->idle.attract_ex, report)) && report >= 0)
                it->page = ex->slides[report].page;
        /* a film slide: its film over its poster, muted, looped from its
         * clip's start (the platform stops it when the loop moves on) */
        if (v->attract_films && sl >= 0 && sl < ex->n_slides && ex->slides[sl].media.video.n > 0) {
            paint_film(s, area, &ex->slides[sl].media, v->idle.attract_ex, sl);
            if (s->n > 0 && s->items[s->n - 1].kind == DRAW_VIDEO)
                s->items[s->n - 1].ambient = true;
        }
        const char *t = loc_get(&ex->title, lang, ex);
        if (t)
            paint_block(s, v, t, (Rect){(int)(60 * u), v->h - band + (int)(16 * u), v->w - (int)(120 * u), band / 3},
                        (int)(34 * u), (int)(22 * u), FONT_REGULAR, COL_DIM, SCENE_ALIGN_CENTER);
    }
    const char *call = lang_text(UI_TOUCH_TO_BEGIN, lang);
    paint_block(s, v, call, (Rect){(int)(60 * u), v->h - band * 2 / 3, v->w - (int)(120 * u), band / 2}, (int)(56 * u),
                (int)(30 * u), FONT_BOLD, COL_ACCENT, SCENE_ALIGN_CENTER);
    paint_hit(s, (Rect){0, 0, v->w, v->h}, ACT_NONE, 0);
}
