/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_film.c - see scene_film.h */
#include "scene_film.h"

#include "filmbar.h"
#include "paint.h"

#include <string.h>

#define FILM_BUTTON 96 /* px at 1080p: more than a fingertip */
#define FILM_BAR_TOUCH 72 /* px at 1080p: the scrub bar's touch target, much taller than its track */
#define FILM_BAR_TRACK 10 /* px at 1080p: the track drawn */
#define FILM_BAR_KNOB 32
#define FILM_TIME_PX 28
#define FILM_VOLUME_BARS 10 /* the meter: a bar a volume step */

static const Color COL_TRACK = {255, 255, 255, 90};
static const Color COL_SHADE = {0, 0, 0, 150}; /* under the times: legible on a light film */
static const Color COL_OFF = {255, 255, 255, 50}; /* the meter's bars above the staff's maximum */

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

/* A loudspeaker facing right (reading aloud), in strips like the
 * triangle: a small box, a cone opening to the full height, two waves. */
static void speaker(Scene *s, Rect box, Color c)
{
    int bw = box.w * 3 / 10, bh = box.h * 2 / 5, cw = box.w * 3 / 10;
    paint_rect(s, (Rect){box.x, box.y + (box.h - bh) / 2, bw, bh}, c);
    int n = cw < 12 ? (cw > 1 ? cw : 1) : 12;
    for (int i = 0; i < n; i++) {
        int x0 = i * cw / n, x1 = (i + 1) * cw / n, h = bh + (box.h - bh) * (i + 1) / n;
        if (x1 > x0)
            paint_rect(s, (Rect){box.x + bw + x0, box.y + (box.h - h) / 2, x1 - x0, h}, c);
    }
    int wave = box.w / 10 > 0 ? box.w / 10 : 1, x = box.x + bw + cw + wave;
    paint_rect(s, (Rect){x, box.y + box.h * 3 / 8, wave, box.h / 4}, c);
    paint_rect(s, (Rect){x + 2 * wave, box.y + box.h / 4, wave, box.h / 2}, c);
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

/* A time over the film, on a shade so it reads on any picture. */
static void time_label(Scene *s, const SceneView *v, int x, int y, int w, int ms, float u, int align)
{
    char t[16];
    filmbar_time_text(ms, t, sizeof t);
    int px = (int)(FILM_TIME_PX * u), lh = v->measure->line_height(v->measure->ctx, px, FONT_REGULAR);
    int tw = paint_width(v, t, px, FONT_REGULAR);
    int tx = align == SCENE_ALIGN_LEFT ? x : x + w - tw;
    int pad = (int)(6 * u);
    paint_rect(s, (Rect){tx - pad, y - lh / 2 - pad / 2, tw + 2 * pad, lh + pad}, COL_SHADE);
    paint_text(s, v, tx, y - lh / 2, t, strlen(t), px, FONT_REGULAR, COL_TEXT);
}

/* The scrub bar under the buttons: the film's position (played part and
 * knob), its position and length as m:ss, and a touch target much taller
 * than the track for the finger (show.c routes a press on it to filmbar.h). */
static void scrub_bar(Scene *s, const SceneView *v, Rect film, int y, float u)
{
    const SlideMedia *m = &v->lib->items[v->exhibition]->slides[v->slide].media;
    int lo, hi;
    filmbar_range(m->start_ms, m->end_ms, v->film_dur_ms, &lo, &hi);
    if (hi <= lo)
        return; /* its length is not known yet: nothing to drag */
    int side = (int)(24 * u), label = paint_width(v, hi - lo >= 3600000 ? "0:00:00" : "00:00",
                                                  (int)(FILM_TIME_PX * u), FONT_REGULAR);
    int th = (int)(FILM_BAR_TOUCH * u), tr = (int)(FILM_BAR_TRACK * u) > 1 ? (int)(FILM_BAR_TRACK * u) : 2;
    int x0 = film.x + 2 * side + label, x1 = film.x + film.w - 2 * side - label;
    if (x1 - x0 < th)
        return; /* no room for a bar a finger can use */
    Rect bar = {x0, y, x1 - x0, th};
    int cy = y + th / 2;
    int at = filmbar_x_of(bar, lo, hi, v->film_pos_ms);
    paint_rect(s, (Rect){x0, cy - tr / 2, bar.w, tr}, COL_TRACK);
    paint_rect(s, (Rect){x0, cy - tr / 2, at, tr}, COL_ACCENT);
    int k = (int)(FILM_BAR_KNOB * u);
    paint_rect(s, (Rect){x0 + at - k / 2, cy - k / 2, k, k}, COL_ACCENT);
    time_label(s, v, film.x + side, cy, label, v->film_pos_ms - lo, u, SCENE_ALIGN_LEFT);
    time_label(s, v, x1 + side, cy, label, hi - lo, u, SCENE_ALIGN_RIGHT);
    paint_hit(s, bar, ACT_FILM_SEEK, 0);
}

/* Quieter, a meter (lit up to the volume, dim above the staff's maximum),
 * louder: at the right of the buttons' row. */
static void volume(Scene *s, const SceneView *v, Rect film, int y, int b, float u)
{
    int gap = (int)(12 * u), meter = b;
    int x = film.x + film.w - (int)(24 * u) - 2 * b - meter - 2 * gap;
    button(s, v, (Rect){x, y, b, b}, ACT_FILM_VOLUME_DOWN, "\xe2\x88\x92", u); /* − */
    int mx = x + b + gap, bw = meter / (FILM_VOLUME_BARS * 2) > 0 ? meter / (FILM_VOLUME_BARS * 2) : 1;
    for (int i = 0; i < FILM_VOLUME_BARS; i++) {
        int h = b * (i + 1) / FILM_VOLUME_BARS;
        int level = (i + 1) * 100 / FILM_VOLUME_BARS;
        Color c = level <= v->film_volume ? COL_ACCENT : level <= v->film_max_volume ? COL_TRACK : COL_OFF;
        paint_rect(s, (Rect){mx + i * 2 * bw, y + b - h, bw, h}, c);
    }
    button(s, v, (Rect){mx + meter + gap, y, b, b}, ACT_FILM_VOLUME_UP, "+", u);
}

/* The narration's button at r: play (or a loudspeaker), stop while it plays. */
static void narration_button(Scene *s, const SceneView *v, Rect r, float u)
{
    int b = r.w, m = b / 4;
    button(s, v, r, ACT_NARRATION, NULL, u);
    if (!v->narration_on && v->sound == SOUND_SPEECH) {
        speaker(s, (Rect){r.x + m, r.y + m, b - 2 * m, b - 2 * m}, COL_TEXT);
    } else if (!v->narration_on) {
        triangle(s, (Rect){r.x + m + m / 3, r.y + m, b - 2 * m, b - 2 * m}, COL_TEXT);
    } else { /* a square: stop */
        paint_rect(s, (Rect){r.x + m, r.y + m, b - 2 * m, b - 2 * m}, COL_TEXT);
    }
}

void scene_film_narration(Scene *s, const SceneView *v, Rect area, float u)
{
    if (v->lecture.on)
        return;
    int b = (int)(FILM_BUTTON * u);
    narration_button(s, v, (Rect){area.x + (area.w - b) / 2, area.y + (int)(16 * u), b, b}, u);
}

void scene_film_controls(Scene *s, const SceneView *v, Rect film, float u)
{
    if (v->lecture.on)
        return; /* the audience sees no control bar (the lecturer's keys work) */
    int b = (int)(FILM_BUTTON * u), gap = (int)(24 * u);
    int y = film.y + (int)(16 * u); /* at the top: subtitles take the bottom */
    int x = film.x + (film.w - 3 * b - 2 * gap) / 2;
    bool wide = film.w >= 8 * b + 4 * gap; /* room beside the three */
    if (wide)
        volume(s, v, film, y, b, u);
    int bar_y = y + b + (int)(8 * u);
    scrub_bar(s, v, film, bar_y, u);
    /* the film's narration: at the left of the buttons' row (the volume
     * has its right), else under the scrub bar's touch target; never on
     * another control */
    if (v->sound == SOUND_NARRATION)
        narration_button(s, v, wide ? (Rect){film.x + (int)(24 * u), y, b, b}
                                    : (Rect){film.x + (film.w - b) / 2, bar_y + (int)(FILM_BAR_TOUCH * u) + (int)(8 * u), b, b},
                         u);
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
