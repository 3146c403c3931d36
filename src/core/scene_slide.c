/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_slide.c - see scene_slide.h */
#include "scene_slide.h"

#include "scene_film.h"

#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "cards.h"
#include "paint.h"
#include "slide_geom.h"

/* ---- chrome ----------------------------------------------------------- */

static void home_button(Scene *s, const SceneView *v, float u)
{
    const char *lang = paint_lang(v);
    int px = (int)(30 * u);
    char label[128];
    snprintf(label, sizeof label, "\xE2\x80\xB9 %s", lang_text(UI_HOME, lang)); /* ‹ Home */
    int tw = paint_width(v, label, px, FONT_BOLD);
    Rect r = {(int)(24 * u), (int)(12 * u), tw + (int)(48 * u), (int)(TARGET_MIN * u)};
    paint_frame(s, r, COL_DIM, (int)(2 * u) > 0 ? (int)(2 * u) : 1);
    int lh = v->measure->line_height(v->measure->ctx, px, FONT_BOLD);
    paint_text(s, v, r.x + (int)(24 * u), r.y + (r.h - lh) / 2, label, strlen(label), px, FONT_BOLD,
               COL_TEXT);
    paint_hit(s, r, ACT_HOME, 0);
}

/* Captions on/off, large text, high contrast: three 80-px buttons at the
 * top, left of the language buttons, drawn as pictures so they need no
 * words in any language. The one that is on is filled. */
static void access_buttons(Scene *s, const SceneView *v, float u)
{
    int bw = (int)(TARGET_MIN * u * 1.2f), bh = (int)(TARGET_MIN * u), gap = (int)(12 * u);
    int langs_w = paint_lang_buttons_w(v, u);
    int x = v->w - (int)(24 * u) - langs_w - (int)(36 * u) - 3 * bw - 2 * gap;
    int y = (int)(12 * u);
    int th = (int)(2 * u) > 0 ? (int)(2 * u) : 1;
    for (int i = 0; i < 3; i++) {
        Rect r = {x + i * (bw + gap), y, bw, bh};
        bool on = i == 0 ? v->captions : i == 1 ? v->large_text : v->high_contrast;
        Color fg = on ? COL_ON_ACC : COL_TEXT;
        if (on)
            paint_rect(s, r, COL_ACCENT);
        else
            paint_frame(s, r, COL_DIM, th);
        int cx = r.x + r.w / 2, cy = r.y + r.h / 2;
        if (i == 0) { /* a caption: three lines of text */
            int lw = r.w / 2, lh = (int)(5 * u) > 0 ? (int)(5 * u) : 1;
            for (int k = -1; k <= 1; k++)
                paint_rect(s, (Rect){cx - lw / 2, cy + k * (int)(12 * u) - lh / 2, k == 1 ? lw * 2 / 3 : lw, lh}, fg);
        } else if (i == 1) { /* a small and a large A */
            paint_text(s, v, r.x + (int)(16 * u), cy - (int)(10 * u), "A", 1, (int)(22 * u), FONT_BOLD, fg);
            paint_text(s, v, cx - (int)(2 * u), cy - (int)(24 * u), "A", 1, (int)(38 * u), FONT_BOLD, fg);
        } else { /* a square half light, half dark */
            int sq = r.h / 2;
            Rect b = {cx - sq / 2, cy - sq / 2, sq, sq};
            paint_rect(s, b, on ? COL_ON_ACC : COL_BLACK);
            paint_rect(s, (Rect){b.x, b.y, sq / 2, sq}, on ? COL_ACCENT : COL_WHITE);
            paint_frame(s, b, fg, th);
        }
        paint_hit(s, r, i == 0 ? ACT_TOGGLE_CAPTIONS : i == 1 ? ACT_LARGE_TEXT : ACT_HIGH_CONTRAST, 0);
    }
}

/* ‹ and › at the sides of the image area; the left and right thirds of the
 * screen turn pages (added first, so buttons drawn later win a tap). */
static void side_arrows(Scene *s, const SceneView *v, Rect area, float u, bool prev, bool next)
{
    if (!zoom_active(v->zoom)) { /* zoomed, a tap on the picture turns no page */
        paint_hit(s, (Rect){0, 0, v->w / 3, v->h}, ACT_PREV, SCENE_HIT_ZONE);
        paint_hit(s, (Rect){v->w - v->w / 3, 0, v->w / 3, v->h}, ACT_NEXT, SCENE_HIT_ZONE);
    }
    if (v->lecture.on || v->hide_arrows)
        return; /* taps still turn pages, but no buttons are drawn */
    int bw = (int)(TARGET_MIN * u), bh = (int)(140 * u), px = (int)(72 * u);
    int y = area.y + (area.h - bh) / 2;
    const Measure *m = v->measure;
    int lh = m->line_height(m->ctx, px, FONT_REGULAR);
    if (prev) {
        Rect r = {(int)(16 * u), y, bw, bh};
        paint_rect(s, r, COL_ARROW);
        const char *a = "\xE2\x80\xB9"; /* ‹ */
        paint_text(s, v, r.x + (bw - paint_width(v, a, px, FONT_REGULAR)) / 2, r.y + (bh - lh) / 2, a,
                   strlen(a), px, FONT_REGULAR, COL_TEXT);
    }
    if (next) {
        Rect r = {v->w - (int)(16 * u) - bw, y, bw, bh};
        paint_rect(s, r, COL_ARROW);
        const char *a = "\xE2\x80\xBA"; /* › */
        paint_text(s, v, r.x + (bw - paint_width(v, a, px, FONT_REGULAR)) / 2, r.y + (bh - lh) / 2, a,
                   strlen(a), px, FONT_REGULAR, COL_TEXT);
    }
}

static void counter(Scene *s, const SceneView *v, const Exhibition *ex, int x_right, int y, float u)
{
    char c[32];
    /* slides as the lecturer counts them: a beamer slide's overlays are one */
    snprintf(c, sizeof c, "%d / %d", cards_of(ex, v->slide) + 1, cards_count(ex));
    int px = (int)(28 * u);
    paint_text(s, v, x_right - paint_width(v, c, px, FONT_REGULAR), y, c, strlen(c), px, FONT_REGULAR,
               COL_DIM);
}

/* ---- the slide -------------------------------------------------------- */

/* A caption that does not fit even at the smallest size: all its lines at
 * that size, of which the panel shows a window starting at line `scroll`,
 * and a thin scroll bar; a vertical drag on the panel moves the window. */
static void emit_scrolling(Scene *s, const SceneView *v, const char *text, Rect room, int px,
                           FontStyle st, Color c, float u)
{
    const Measure *m = v->measure;
    LayoutLine lines[LAYOUT_MAX_LINES];
    bool more = false;
    int bar = (int)(10 * u) > 2 ? (int)(10 * u) : 2;
    int n = layout_wrap(m, px, st, text, room.w - 2 * bar, lines, LAYOUT_MAX_LINES, &more);
    int lh = m->line_height(m->ctx, px, st);
    int visible = lh > 0 ? room.h / lh : 0;
    if (visible < 1 || n <= 0)
        return;
    int max = n > visible ? n - visible : 0;
    int first = v->caption_scroll < 0 ? 0 : v->caption_scroll > max ? max : v->caption_scroll;
    for (int i = 0; i < visible && first + i < n; i++) {
        const LayoutLine *ln = &lines[first + i];
        paint_text(s, v, room.x, room.y + i * lh, text + ln->start, ln->len, px, st, c);
    }
    /* the bar: where the window is in the whole caption */
    Rect track = {room.x + room.w - bar, room.y, bar, visible * lh};
    paint_rect(s, track, (Color){255, 255, 255, 40});
    int th = track.h * visible / n, ty = track.y + track.h * first / n;
    paint_rect(s, (Rect){track.x, ty, bar, th > bar ? th : bar}, COL_ACCENT);
    s->scroll_area = room;
    s->scroll_line = lh;
    s->scroll_max = max;
}

/* One slide: its content (image, caption panel, text, counter), then the
 * chrome that stays put when slides move (arrows, home button, the page-
 * turning thirds). Returns the index of the first chrome item, so a caller
 * can move the content alone or drop the chrome. */
int scene_slide_build(Scene *s, const SceneView *v, float u)
{
    const Exhibition *ex = v->lib->items[v->exhibition];
    const Slide *sl = &ex->slides[v->slide];
    const char *lang = paint_lang(v);
    const Measure *m = v->measure;
    int top = slide_geom_top(u);
    int margin = slide_geom_margin(u);
    bool has_image = sl->image != NULL; /* even when it cannot be shown: a placeholder stands in */
    bool film = slide_media_has_video(&sl->media);
    has_image = has_image || film; /* a film takes a picture's place */
    Rect arrows_area = {0, 0, v->w, v->h};
    /* high contrast: pure white on pure black, captions in bold */
    bool hc = v->high_contrast;
    Color text_col = hc ? COL_WHITE : COL_TEXT, dim_col = hc ? COL_WHITE : COL_DIM;
    if (hc)
        s->clear = COL_BLACK;

    if (has_image) {
        /* Caption panel at the bottom, image above it. */
        if (slide_geom_has_panel(v, ex, sl, lang)) {
            SlideGeomText t;
            slide_geom_text(v, ex, sl, lang, u, &t);
            Rect panel = t.panel;
            paint_rect(s, panel, hc ? COL_BLACK : COL_PANEL);
            if (hc) /* a clear edge between the picture and the words */
                paint_rect(s, (Rect){panel.x, panel.y, panel.w, (int)(3 * u) > 0 ? (int)(3 * u) : 1}, COL_WHITE);
            if (t.title)
                paint_emit(s, v, t.title, &t.title_tb, t.title_at, FONT_BOLD, text_col, SCENE_ALIGN_LEFT);
            if (t.main && t.main_tb.truncated)
                emit_scrolling(s, v, t.main, t.main_room, t.main_tb.px, hc ? FONT_BOLD : FONT_REGULAR,
                               text_col, u);
            else if (t.main)
                paint_emit(s, v, t.main, &t.main_tb, t.main_at, hc ? FONT_BOLD : FONT_REGULAR, text_col,
                           SCENE_ALIGN_LEFT);
            if (t.credit)
                paint_block(s, v, t.credit, t.credit_at, t.credit_px, t.credit_px_min, FONT_REGULAR,
                            dim_col, SCENE_ALIGN_LEFT);
            counter(s, v, ex, v->w - margin, panel.y + panel.h - t.pad - m->line_height(m->ctx, (int)(28 * u), FONT_REGULAR), u);
        } else {
            counter(s, v, ex, v->w - margin,
                    v->h - (int)(24 * u) - m->line_height(m->ctx, (int)(28 * u), FONT_REGULAR), u);
        }
        Rect area = slide_geom_picture(v, ex, sl, u);
        if (sl->image_ok && sl->image_path && !paint_failed(v, v->exhibition, v->slide)) {
            paint_slide_image(s, area, sl, FIT_CONTAIN, v->exhibition, v->slide);
            if (s->n > 0 && s->items[s->n - 1].kind == DRAW_IMAGE)
                s->items[s->n - 1].zoom = v->zoom;
        } else if (!film || sl->media.video.n == 0)
            paint_placeholder(s, v, area, u, true);
        if (film && sl->media.video.n > 0) /* over its image, which shows until the first frame */
            paint_film(s, area, &sl->media, v->exhibition, v->slide);
        arrows_area = area;
    } else {
        /* A text slide: title and body centred (see slide_geom_text). */
        SlideGeomText t;
        slide_geom_text(v, ex, sl, lang, u, &t);
        if (t.title)
            paint_emit(s, v, t.title, &t.title_tb, t.title_at, FONT_BOLD, hc ? COL_WHITE : COL_ACCENT,
                       SCENE_ALIGN_CENTER);
        if (t.main)
            paint_emit(s, v, t.main, &t.main_tb, t.main_at, hc ? FONT_BOLD : FONT_REGULAR, text_col,
                       SCENE_ALIGN_CENTER);
        if (t.credit)
            paint_block(s, v, t.credit, t.credit_at, t.credit_px, t.credit_px_min, FONT_REGULAR, dim_col,
                        SCENE_ALIGN_CENTER);
        arrows_area = (Rect){0, top, v->w, v->h - top};
        counter(s, v, ex, v->w - margin,
                v->h - (int)(24 * u) - m->line_height(m->ctx, (int)(28 * u), FONT_REGULAR), u);
    }
    int chrome = s->n;
    side_arrows(s, v, arrows_area, u, v->slide > 0, v->slide + 1 < ex->n_slides);
    if (film && sl->media.video.n > 0 && v->offset == 0) /* after the thirds: they win a tap */
        scene_film_controls(s, v, arrows_area, u);
    else if (!film && v->sound != SOUND_NONE && v->offset == 0) /* a recording, or reading aloud */
        scene_film_narration(s, v, arrows_area, u);
    if (!v->lecture.on) {
        if (!v->hide_home)
            home_button(s, v, u);
        if (!v->hide_accessibility)
            access_buttons(s, v, u);
    }
    return chrome;
}

/* Move items [from, to) sideways by dx. */
static void shift_items(Scene *s, int from, int to, int dx)
{
    for (int i = from; i < to; i++)
        s->items[i].r.x += dx;
}

/* The current slide drawn at v->offset (a finger dragging it, or an
 * animation bringing it in), and its neighbour beside it; the chrome stays. */
void scene_slide_build_moving(Scene *s, const SceneView *v, float u)
{
    int off = v->offset;
    const Exhibition *ex = v->lib->items[v->exhibition];
    int neighbour = off > 0 ? v->slide - 1 : v->slide + 1;
    if (off != 0 && neighbour >= 0 && neighbour < ex->n_slides) {
        SceneView nv = *v;
        nv.slide = neighbour;
        nv.zoom = ZOOM_NONE;
        int n0 = s->n, h0 = s->n_hits;
        int chrome = scene_slide_build(s, &nv, u);
        s->n = chrome;            /* its content only */
        s->n_hits = h0;
        s->scroll_area = (Rect){0, 0, 0, 0}; /* only the current slide's caption scrolls */
        shift_items(s, n0, s->n, off > 0 ? off - v->w : off + v->w);
    }
    int n1 = s->n;
    int chrome = scene_slide_build(s, v, u);
    shift_items(s, n1, chrome, off);
}
