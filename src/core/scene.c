/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene.c - see scene.h
 *
 * The dispatch to one builder a screen (the Scene itself is scene_list.c):
 * scene_home.c,
 * scene_slide.c (laid out by slide_geom.c), scene_lecture.c,
 * scene_overview.c, scene_presenter.c, scene_admin.c, scene_idle.c,
 * scene_prepare.c and scene_problems.c, all drawing with paint.h.
 */
#include "scene.h"

#include <stdlib.h>
#include <string.h>

#include "idle.h"
#include "lang.h"
#include "paint.h"
#include "scene_admin.h"
#include "scene_home.h"
#include "scene_idle.h"
#include "scene_lecture.h"
#include "scene_prepare.h"
#include "scene_slide.h"

/* ---- shared controls ---------------------------------------------------- */

/* ҚАЗ · РУС · ENG at the top right; the current one filled. */
static void lang_buttons(Scene *s, const SceneView *v, float u)
{
    int bw = (int)(128 * u), bh = (int)(TARGET_MIN * u), gap = (int)(12 * u), px = (int)(30 * u);
    int x = v->w - (int)(24 * u) - v->n_langs * bw - (v->n_langs - 1) * gap;
    int y = (int)(12 * u);
    for (int i = 0; i < v->n_langs; i++) {
        Rect r = {x + i * (bw + gap), y, bw, bh};
        const char *name = lang_get(v->langs[i])->name;
        bool cur = i == v->lang;
        if (cur)
            paint_rect(s, r, COL_ACCENT);
        else
            paint_frame(s, r, COL_DIM, (int)(2 * u) > 0 ? (int)(2 * u) : 1);
        int tw = paint_width(v, name, px, FONT_BOLD);
        int lh = v->measure->line_height(v->measure->ctx, px, FONT_BOLD);
        paint_text(s, v, r.x + (bw - tw) / 2, r.y + (bh - lh) / 2, name, strlen(name), px, FONT_BOLD,
                   cur ? COL_ON_ACC : COL_TEXT);
        paint_hit(s, r, ACT_LANG, i);
    }
}

/* ---- entry points ------------------------------------------------------- */

void scene_build(Scene *s, const SceneView *v)
{
    paint_reset(s);
    if (v->w <= 0 || v->h <= 0)
        return;
    float u = paint_scale(v);
    bool slide_ok = v->screen == SCREEN_SLIDE && v->lib && v->exhibition >= 0 &&
                    v->exhibition < v->lib->n && v->slide >= 0 &&
                    v->slide < v->lib->items[v->exhibition]->n_slides;
    if (v->idle.phase == IDLE_ATTRACT) {
        scene_idle_attract(s, v, u);
        return;
    }
    if (v->preparing && v->screen == SCREEN_HOME) {
        scene_prepare_build(s, v, u);
        return;
    }
    if (v->screen == SCREEN_ADMIN)
        scene_admin_build(s, v, u);
    else if (slide_ok && v->lecture.on)
        scene_lecture_build(s, v, u);
    else if (slide_ok)
        scene_slide_build_moving(s, v, u);
    else
        scene_home_build(s, v, u);
    if ((!v->lecture.on && !v->hide_language) || v->screen == SCREEN_ADMIN)
        lang_buttons(s, v, u);
    if (v->idle.phase == IDLE_WARNING)
        scene_idle_warning(s, v, u);
}

void scene_build_message(Scene *s, const SceneView *v, const char *title, const char *body)
{
    paint_reset(s);
    if (v->w <= 0 || v->h <= 0)
        return;
    float u = paint_scale(v);
    int bw = v->w * 3 / 4, x = (v->w - bw) / 2;
    int y = v->h / 3;
    y += paint_block(s, v, title, (Rect){x, y, bw, v->h / 5}, (int)(60 * u), (int)(30 * u), FONT_BOLD, COL_ACCENT,
                     SCENE_ALIGN_CENTER);
    paint_block(s, v, body, (Rect){x, y + (int)(40 * u), bw, v->h / 3}, (int)(40 * u), (int)(22 * u),
                FONT_REGULAR, COL_TEXT, SCENE_ALIGN_CENTER);
}
