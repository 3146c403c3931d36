/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_film.c - see scene_film.h */
#include "scene_film.h"

#include "paint.h"

#include <string.h>

#define FILM_BUTTON 96 /* px at 1080p: more than a fingertip */

/* A play triangle pointing right, drawn in horizontal strips (the fonts
 * have no reliable ▶). */
static void triangle(Scene *s, Rect box, Color c)
{
    int n = box.h / 2 > 1 ? box.h / 2 : 1;
    for (int i = 0; i < n; i++) {
        int y = box.y + i * box.h / n, y2 = box.y + (i + 1) * box.h / n;
        int mid = 2 * i + 1 - n; /* -n..n: how far from the middle row */
        int w = box.w - (mid < 0 ? -mid : mid) * box.w / n;
        if (w > 0)
            paint_rect(s, (Rect){box.x, y, w, y2 - y}, c);
    }
}

static void button(Scene *s, const SceneView *v, Rect r, Action a, const char *label, float u)
{
    paint_rect(s, r, COL_ARROW);
    if (label) {
        int px = (int)(34 * u);
        int lh = v->measure->line_height(v->measure->ctx, px, FONT_BOLD);
        paint_text(s, v, r.x + (r.w - paint_width(v, label, px, FONT_BOLD)) / 2, r.y + (r.h - lh) / 2,
                   label, strlen(label), px, FONT_BOLD, COL_TEXT);
    }
    paint_hit(s, r, a, 0);
}

void scene_film_controls(Scene *s, const SceneView *v, Rect film, float u)
{
    if (v->lecture.on)
        return; /* the audience sees no control bar (the lecturer's keys work) */
    int b = (int)(FILM_BUTTON * u), gap = (int)(24 * u);
    int y = film.y + (int)(16 * u); /* at the top: subtitles take the bottom */
    int x = film.x + (film.w - 3 * b - 2 * gap) / 2;
    button(s, v, (Rect){x, y, b, b}, ACT_FILM_BACK, "-10", u);
    Rect play = {x + b + gap, y, b, b};
    button(s, v, play, ACT_FILM_PLAY, NULL, u);
    int m = b / 4;
    if (v->film_paused) {
        triangle(s, (Rect){play.x + m + m / 3, play.y + m, b - 2 * m, b - 2 * m}, COL_TEXT);
    } else { /* two bars: pause */
        int bar = (b - 2 * m) / 3;
        paint_rect(s, (Rect){play.x + m, play.y + m, bar, b - 2 * m}, COL_TEXT);
        paint_rect(s, (Rect){play.x + b - m - bar, play.y + m, bar, b - 2 * m}, COL_TEXT);
    }
    button(s, v, (Rect){x + 2 * (b + gap), y, b, b}, ACT_FILM_FORWARD, "+10", u);
}
