/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_prepare.c - see scene_prepare.h */
#include "scene_prepare.h"

#include "lang.h"
#include "paint.h"

/* The sentence in each offered language, one under another in the middle of
 * the screen below a short rule, all alike: no language comes first for a
 * visitor who cannot choose one here. */
void scene_prepare_build(Scene *s, const SceneView *v, float u)
{
    const Measure *m = v->measure;
    int n = v->n_langs > 0 ? v->n_langs : 1;
    int bw = v->w * 3 / 4, gap = (int)(36 * u);
    TextBlock tb[SCENE_MAX_LANGS];
    int total = 0;
    for (int i = 0; i < n && i < SCENE_MAX_LANGS; i++) {
        const char *t = lang_text(UI_BEING_PREPARED, v->n_langs > 0 ? v->langs[i] : LANG_FALLBACK);
        layout_fit(m, FONT_REGULAR, t, bw, (v->h - (n + 1) * gap) / n, (int)(40 * u), (int)(20 * u), &tb[i]);
        total += tb[i].n * tb[i].line_h + (i > 0 ? gap : 0);
    }
    int rule_w = (int)(96 * u), rule_h = (int)(3 * u) > 0 ? (int)(3 * u) : 1;
    int y = (v->h - total) / 2;
    paint_rect(s, (Rect){(v->w - rule_w) / 2, y - gap - rule_h, rule_w, rule_h}, COL_ACCENT);
    for (int i = 0; i < n && i < SCENE_MAX_LANGS; i++) {
        const char *t = lang_text(UI_BEING_PREPARED, v->n_langs > 0 ? v->langs[i] : LANG_FALLBACK);
        y += paint_emit(s, v, t, &tb[i], (Rect){(v->w - bw) / 2, y, bw, v->h - y}, FONT_REGULAR, COL_TEXT,
                        SCENE_ALIGN_CENTER) + gap;
    }
}
