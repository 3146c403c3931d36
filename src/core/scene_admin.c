/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_admin.c - see scene_admin.h */
#include "scene_admin.h"

#include "lang.h"
#include "paint.h"

/* A large button with a centred label. */
static void button(Scene *s, const SceneView *v, Rect r, const char *label, bool selected, Action a,
                   int arg, float u)
{
    paint_rect(s, r, selected ? COL_ACCENT : COL_CARD);
    paint_frame(s, r, selected ? COL_ACCENT : COL_DIM, (int)(2 * u) > 0 ? (int)(2 * u) : 1);
    int px = (int)(36 * u);
    paint_block(s, v, label, (Rect){r.x + (int)(16 * u), r.y + (r.h - v->measure->line_height(v->measure->ctx, px, FONT_BOLD)) / 2,
                                    r.w - (int)(32 * u), r.h}, px, px / 2, FONT_BOLD,
                selected ? COL_ON_ACC : COL_TEXT, SCENE_ALIGN_CENTER);
    paint_hit(s, r, a, arg);
}

void scene_admin_build(Scene *s, const SceneView *v, float u)
{
    const AdminView *ad = &v->admin;
    const char *lang = paint_lang(v);
    int cx = v->w / 2;
    int y = (int)(60 * u);
    const char *title = lang_text(ad->stage == ADMIN_PICK ? UI_CHOOSE_LECTURE : UI_ADMIN, lang);
    y += paint_block(s, v, title, (Rect){(int)(60 * u), y, v->w - (int)(120 * u), (int)(80 * u)}, (int)(52 * u),
                     (int)(30 * u), FONT_BOLD, COL_ACCENT, SCENE_ALIGN_CENTER);
    y += (int)(30 * u);
    if (ad->stage == ADMIN_PIN) {
        const char *msg = lang_text(ad->locked ? UI_LOCKED : ad->wrong ? UI_WRONG_PIN : UI_ENTER_PIN, lang);
        y += paint_block(s, v, msg, (Rect){(int)(60 * u), y, v->w - (int)(120 * u), (int)(50 * u)}, (int)(34 * u),
                         (int)(20 * u), FONT_REGULAR, ad->wrong || ad->locked ? COL_ALERT : COL_TEXT, SCENE_ALIGN_CENTER);
        y += (int)(20 * u);
        /* one dot a digit: never the digits themselves */
        int dot = (int)(24 * u), gap = (int)(18 * u);
        int n = ad->pin_len, dw = n * dot + (n > 0 ? (n - 1) * gap : 0);
        for (int i = 0; i < n; i++)
            paint_rect(s, (Rect){cx - dw / 2 + i * (dot + gap), y, dot, dot}, COL_TEXT);
        y += dot + (int)(30 * u);
        int bw = (int)(150 * u), bh = (int)(110 * u), bg = (int)(18 * u);
        int x0 = cx - (3 * bw + 2 * bg) / 2;
        static const char *const labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9",
                                               "\xE2\x8C\xAB", "0", "OK"};
        for (int i = 0; i < 12; i++) {
            Rect r = {x0 + (i % 3) * (bw + bg), y + (i / 3) * (bh + bg), bw, bh};
            Action a = i == 9 ? ACT_PIN_BACK : i == 11 ? ACT_PIN_OK : ACT_PIN_DIGIT;
            int arg = i == 10 ? 0 : i < 9 ? i + 1 : 0;
            button(s, v, r, i == 9 ? "<" : labels[i], false, a, arg, u);
        }
        y += 4 * (bh + bg);
        button(s, v, (Rect){cx - (int)(200 * u), y, (int)(400 * u), (int)(90 * u)}, lang_text(UI_CANCEL, lang),
               false, ACT_ADMIN_CLOSE, 0, u);
        return;
    }
    /* the menu, or the list of exhibitions to lecture on */
    int bw = (int)(760 * u), bh = (int)(110 * u), bg = (int)(24 * u);
    int i = 0;
    if (ad->stage == ADMIN_MENU) {
        /* the same entries, in the same order, as admin.c's items() */
        UiString items[3];
        Action acts[3];
        int n = 0;
        items[n] = ad->in_lecture ? UI_END_LECTURE : UI_START_LECTURE;
        acts[n++] = ad->in_lecture ? ACT_ADMIN_END_LECTURE : ACT_ADMIN_PICK;
        if (ad->can_exit) {
            items[n] = UI_EXIT;
            acts[n++] = ACT_ADMIN_EXIT;
        }
        items[n] = UI_BACK;
        acts[n++] = ACT_ADMIN_CLOSE;
        for (i = 0; i < n; i++)
            button(s, v, (Rect){cx - bw / 2, y + i * (bh + bg), bw, bh}, lang_text(items[i], lang),
                   ad->sel == i, acts[i], 0, u);
        if (!ad->can_exit) /* whoever looks for Exit learns why it is not there */
            paint_block(s, v, lang_text(UI_NO_PIN_NO_EXIT, lang),
                        (Rect){cx - bw / 2, y + n * (bh + bg) + (int)(20 * u), bw, v->h - y - n * (bh + bg)},
                        (int)(30 * u), (int)(18 * u), FONT_REGULAR, COL_TEXT, SCENE_ALIGN_CENTER);
        return;
    }
    int n = v->lib ? v->lib->n : 0;
    int max_rows = (v->h - y - (int)(40 * u)) / (bh + bg);
    for (i = 0; i < n && i < max_rows - 1; i++) {
        const Exhibition *ex = v->lib->items[i];
        button(s, v, (Rect){cx - bw / 2, y + i * (bh + bg), bw, bh}, loc_get(&ex->title, lang, ex),
               ad->sel == i, ACT_ADMIN_LECTURE, i, u);
    }
    button(s, v, (Rect){cx - bw / 2, y + i * (bh + bg), bw, bh}, lang_text(UI_CANCEL, lang), ad->sel == n,
           ACT_ADMIN_CLOSE, 0, u);
}
