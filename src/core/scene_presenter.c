/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_presenter.c - the lecturer's screen (scene_build_presenter, see
 * scene.h): the current and the next slide, notes, timer, pacing, clock. */
#include "scene_presenter.h"

#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "lecture_timer.h"
#include "cards.h"
#include "paint.h"
#include "scene_overview.h"

void scene_build_presenter(Scene *s, const SceneView *v)
{
    paint_reset(s);
    bool ok = v->w > 0 && v->h > 0 && v->lib && v->exhibition >= 0 && v->exhibition < v->lib->n &&
              v->slide >= 0 && v->slide < v->lib->items[v->exhibition]->n_slides;
    if (!ok)
        return;
    float u = paint_scale(v);
    const LectureView *l = &v->lecture;
    const Exhibition *ex = v->lib->items[v->exhibition];
    const Measure *m = v->measure;
    const char *nl = l->notes_lang ? l->notes_lang : paint_lang(v);
    int margin = (int)(40 * u), gap = (int)(32 * u);
    int left_w = (v->w - 2 * margin - gap) * 58 / 100;
    int right_x = margin + left_w + gap, right_w = v->w - right_x - margin;
    int label_px = (int)(26 * u);
    int label_h = m->line_height(m->ctx, label_px, FONT_BOLD);

    /* now */
    Rect cur = {margin, margin, left_w, left_w * 9 / 16};
    if (cur.h > (v->h - 2 * margin) * 6 / 10) {
        cur.h = (v->h - 2 * margin) * 6 / 10;
        cur.w = cur.h * 16 / 9;
    }
    scene_overview_preview(s, v, v->slide, cur, u);
    if (l->blank != BLANK_NONE) {
        const char *b = lang_text(l->blank == BLANK_BLACK ? UI_BLACK_SCREEN : UI_WHITE_SCREEN, nl);
        int px = (int)(40 * u);
        int tw = paint_width(v, b, px, FONT_BOLD), lh = m->line_height(m->ctx, px, FONT_BOLD);
        Rect box = {cur.x + (cur.w - tw) / 2 - (int)(20 * u), cur.y + (cur.h - lh) / 2, tw + (int)(40 * u), lh};
        paint_rect(s, box, l->blank == BLANK_BLACK ? COL_BLACK : COL_WHITE);
        paint_text(s, v, box.x + (int)(20 * u), box.y, b, strlen(b), px, FONT_BOLD,
                   l->blank == BLANK_BLACK ? COL_TEXT : COL_BLACK);
    }
    paint_frame(s, cur, l->blank == BLANK_NONE ? COL_ACCENT : COL_DIM, (int)(3 * u) > 0 ? (int)(3 * u) : 1);

    /* next */
    int y = cur.y + cur.h + gap;
    const char *next_label = lang_text(UI_NEXT, nl);
    paint_text(s, v, margin, y, next_label, strlen(next_label), label_px, FONT_BOLD, COL_DIM);
    y += label_h + (int)(8 * u);
    int next_h = v->h - margin - y;
    Rect nxt = {margin, y, next_h * 16 / 9, next_h};
    if (nxt.w > left_w / 2) {
        nxt.w = left_w / 2;
        nxt.h = nxt.w * 9 / 16;
    }
    if (v->slide + 1 < ex->n_slides) {
        scene_overview_preview(s, v, v->slide + 1, nxt, u);
        const char *nt = loc_get(&ex->slides[v->slide + 1].title, nl, ex);
        if (nt)
            paint_block(s, v, nt, (Rect){nxt.x + nxt.w + gap, nxt.y, left_w - nxt.w - gap, nxt.h}, (int)(30 * u),
                        (int)(20 * u), FONT_BOLD, COL_TEXT, SCENE_ALIGN_LEFT);
    } else {
        const char *end = lang_text(UI_END, nl);
        paint_text(s, v, margin, y, end, strlen(end), (int)(30 * u), FONT_REGULAR, COL_DIM);
    }

    /* timer, pacing, clock, counter */
    y = margin;
    char e[16], line[96];
    ltimer_format(l->elapsed_ms, e, sizeof e);
    int big = (int)(120 * u);
    Color tc = l->timer_running ? paint_level_color(l->level) : COL_DIM;
    paint_text(s, v, right_x, y, e, strlen(e), big, FONT_BOLD, tc);
    y += m->line_height(m->ctx, big, FONT_BOLD);
    int mid = (int)(36 * u), mid_h = m->line_height(m->ctx, mid, FONT_REGULAR);
    if (l->planned_ms > 0) {
        char r[16];
        ltimer_format(l->remaining_ms, r, sizeof r);
        snprintf(line, sizeof line, "%s %s", r, lang_text(l->remaining_ms < 0 ? UI_OVER : UI_LEFT, nl));
        paint_text(s, v, right_x, y, line, strlen(line), mid, FONT_BOLD, paint_level_color(l->level));
        y += mid_h;
    }
    if (!l->timer_running) {
        const char *p = lang_text(UI_PAUSED, nl);
        paint_text(s, v, right_x, y, p, strlen(p), mid, FONT_BOLD, COL_WARN);
        y += mid_h;
    }
    if (l->has_budgets) {
        char d[16];
        int64_t pm = l->pacing_ms;
        if (pm == 0) {
            snprintf(line, sizeof line, "%s", lang_text(UI_ON_TIME, nl));
        } else {
            ltimer_format(pm < 0 ? -pm : pm, d, sizeof d);
            snprintf(line, sizeof line, "%s %s", lang_text(pm < 0 ? UI_AHEAD : UI_BEHIND, nl), d);
        }
        paint_text(s, v, right_x, y, line, strlen(line), mid, FONT_REGULAR,
                   pm > 60000 ? COL_ALERT : pm > 0 ? COL_WARN : COL_TEXT);
        y += mid_h;
    }
    snprintf(line, sizeof line, "%d / %d%s%s", cards_of(ex, v->slide) + 1, cards_count(ex), l->clock ? "    " : "",
             l->clock ? l->clock : "");
    paint_text(s, v, right_x, y, line, strlen(line), mid, FONT_REGULAR, COL_DIM);
    y += mid_h;
    if (l->film_ms >= 0) { /* the slide's film: where it is, what remains */
        char at[16], left[16];
        ltimer_format(l->film_ms, at, sizeof at);
        if (l->film_left_ms >= 0) {
            ltimer_format(l->film_left_ms, left, sizeof left);
            snprintf(line, sizeof line, "%s %s  (%s %s)", lang_text(UI_FILM, nl), at, left, lang_text(UI_LEFT, nl));
        } else {
            snprintf(line, sizeof line, "%s %s", lang_text(UI_FILM, nl), at);
        }
        paint_text(s, v, right_x, y, line, strlen(line), mid, FONT_REGULAR, COL_TEXT);
        y += mid_h;
    }
    if (l->goto_num) {
        snprintf(line, sizeof line, "%s %d", lang_text(UI_GOTO, nl), l->goto_num);
        paint_text(s, v, right_x, y, line, strlen(line), mid, FONT_BOLD, COL_ACCENT);
        y += mid_h;
    }

    /* notes */
    y += gap / 2;
    const char *notes_label = lang_text(UI_NOTES, nl);
    paint_text(s, v, right_x, y, notes_label, strlen(notes_label), label_px, FONT_BOLD, COL_DIM);
    y += label_h + (int)(8 * u);
    const char *notes = loc_get(&ex->slides[v->slide].notes, nl, ex);
    Rect nb = {right_x, y, right_w, v->h - margin - y};
    paint_rect(s, (Rect){nb.x - (int)(16 * u), nb.y - (int)(8 * u), nb.w + (int)(32 * u), nb.h + (int)(16 * u)},
               COL_PANEL);
    paint_block(s, v, notes ? notes : lang_text(UI_NO_NOTES, nl), nb, (int)(34 * u), (int)(20 * u), FONT_REGULAR,
                notes ? COL_TEXT : COL_DIM, SCENE_ALIGN_LEFT);
}
