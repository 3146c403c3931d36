/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slide_geom.c - see slide_geom.h */
#include "slide_geom.h"

#include <string.h>

#include "paint.h"

/* ---- the frame of a slide ---------------------------------------------- */

int slide_geom_margin(float u)
{
    return (int)(48 * u);
}

int slide_geom_top(float u)
{
    return (int)(12 * u) + (int)(TARGET_MIN * u) + (int)(12 * u);
}

int slide_geom_panel_height(const SceneView *v)
{
    return v->large_text ? v->h * 9 / 25 : v->h / 4;
}

bool slide_geom_has_panel(const SceneView *v, const Exhibition *ex, const Slide *sl, const char *lang)
{
    return v->captions && (loc_get(&sl->title, lang, ex) || loc_get(&sl->caption, lang, ex) ||
                           loc_get(&sl->text, lang, ex) || loc_get(&sl->credit, lang, ex));
}

Rect slide_geom_picture(const SceneView *v, const Exhibition *ex, const Slide *sl, float u)
{
    int margin = slide_geom_margin(u);
    int top = v->lecture.on ? (int)(24 * u) /* an audience sees the slide, not the kiosk's buttons */
                            : slide_geom_top(u);
    int bottom = v->h;
    if (slide_geom_has_panel(v, ex, sl, paint_lang(v)))
        bottom = v->h - slide_geom_panel_height(v);
    return (Rect){margin, top, v->w - 2 * margin, bottom - top - (int)(16 * u)};
}

/* ---- a slide's texts ---------------------------------------------------- */

void slide_geom_text(const SceneView *v, const Exhibition *ex, const Slide *sl,
                     const char *lang, float u, SlideGeomText *t)
{
    const Measure *m = v->measure;
    int margin = slide_geom_margin(u);
    memset(t, 0, sizeof *t);
    /* large-text mode: every size a third larger, and a taller panel */
    float ts = v->large_text ? 1.35f : 1.0f;
    t->title = loc_get(&sl->title, lang, ex);
    const char *caption = loc_get(&sl->caption, lang, ex);
    const char *body = loc_get(&sl->text, lang, ex);
    t->credit = loc_get(&sl->credit, lang, ex);
    t->credit_px = (int)(24 * u * ts);
    t->credit_px_min = (int)(18 * u * ts);
    if (sl->image || slide_media_has_video(&sl->media)) {
        /* The caption panel at the bottom; the image (or film) goes above it. */
        t->main = caption ? caption : body;
        int ph = slide_geom_panel_height(v);
        t->panel = (Rect){0, v->h - ph, v->w, ph};
        t->pad = (int)(32 * u);
        int counter_w = (int)(200 * u);
        int tx = margin, tw = v->w - 2 * margin - counter_w;
        int y = t->panel.y + t->pad;
        int title_px = (int)(40 * u * ts);
        if (t->title) {
            t->title_at = (Rect){tx, y, tw, m->line_height(m->ctx, title_px, FONT_BOLD)};
            if (*t->title && tw > 0 && t->title_at.h > 0)
                layout_fit(m, FONT_BOLD, t->title, tw, t->title_at.h, title_px, (int)(28 * u * ts),
                           &t->title_tb);
            y += t->title_tb.n * t->title_tb.line_h + (int)(8 * u);
        }
        int credit_h = t->credit ? m->line_height(m->ctx, t->credit_px, FONT_REGULAR) : 0;
        int cap_bottom = t->panel.y + t->panel.h - t->pad - credit_h - (t->credit ? (int)(8 * u) : 0);
        t->main_room = t->main_at = (Rect){tx, y, tw, cap_bottom - y};
        t->main_px_min = (int)(22 * u * ts);
        if (t->main && *t->main && tw > 0 && t->main_room.h > 0)
            layout_fit(m, FONT_REGULAR, t->main, tw, t->main_room.h, (int)(32 * u * ts), t->main_px_min,
                       &t->main_tb);
        t->credit_at = (Rect){tx, t->panel.y + t->panel.h - t->pad - credit_h, tw, credit_h};
        return;
    }
    /* A text slide: title and body centred as one block, as for a lecture
     * opening or a quote. Fit first, then place. */
    t->main = body;
    int top = slide_geom_top(u);
    int bw = v->w * 3 / 4;
    int x = (v->w - bw) / 2;
    int avail = v->h - top - (int)(120 * u);
    int gap = (int)(40 * u);
    int credit_line = m->line_height(m->ctx, t->credit_px, FONT_REGULAR);
    int credit_h = t->credit ? credit_line + (int)(24 * u) : 0;
    if (t->title)
        layout_fit(m, FONT_BOLD, t->title, bw, avail / 3, (int)(64 * u * ts), (int)(36 * u * ts),
                   &t->title_tb);
    int title_h = t->title_tb.n * t->title_tb.line_h;
    int body_max = avail - title_h - (t->title ? gap : 0) - credit_h;
    t->main_px_min = (int)(24 * u * ts);
    if (body && body_max > 0)
        layout_fit(m, FONT_REGULAR, body, bw, body_max, (int)(42 * u * ts), t->main_px_min, &t->main_tb);
    int body_h = t->main_tb.n * t->main_tb.line_h;
    int total = title_h + (t->title && body ? gap : 0) + body_h + credit_h;
    int y = top + (avail - total) / 2;
    t->title_at = (Rect){x, y, bw, title_h};
    if (t->title)
        y += title_h + (body ? gap : 0);
    t->main_at = (Rect){x, y, bw, body_h};
    t->main_room = (Rect){x, y, bw, body_max};
    if (body)
        y += body_h;
    t->credit_at = (Rect){x, y + (int)(24 * u), bw, credit_line};
}

/* ---- for the show and --check (scene.h) ------------------------------ */

bool scene_slide_image(const SceneView *v, int slide, ImageRequest *out)
{
    if (!v->lib || v->exhibition < 0 || v->exhibition >= v->lib->n)
        return false;
    const Exhibition *ex = v->lib->items[v->exhibition];
    if (slide < 0 || slide >= ex->n_slides)
        return false;
    const Slide *sl = &ex->slides[slide];
    if (!sl->image || !sl->image_ok || !sl->image_path || paint_failed(v, v->exhibition, slide))
        return false;
    *out = (ImageRequest){sl->image_path, slide_geom_picture(v, ex, sl, paint_scale(v)), FIT_CONTAIN,
                          v->exhibition, slide, sl->page};
    return out->r.w > 0 && out->r.h > 0;
}

/* ---- caption fit (vitrine --check) ------------------------------------- */

/* Lines text needs at px in max_w, however many (layout_wrap stops at
 * LAYOUT_MAX_LINES: go on from where it stopped). */
static int count_lines(const Measure *m, int px, FontStyle st, const char *text, int max_w)
{
    LayoutLine lines[LAYOUT_MAX_LINES];
    int total = 0;
    const char *p = text;
    for (;;) {
        bool more = false;
        int n = layout_wrap(m, px, st, p, max_w, lines, LAYOUT_MAX_LINES, &more);
        total += n;
        if (!more || n == 0)
            return total;
        p += lines[n - 1].start + lines[n - 1].len;
        while (*p == ' ')
            p++;
        if (p[0] == '\r' && p[1] == '\n')
            p += 2;
        else if (*p == '\n')
            p++;
    }
}

bool scene_caption_fits(const SceneView *v, const Exhibition *ex, int slide, const char *lang,
                        int *lines_over)
{
    if (lines_over)
        *lines_over = 0;
    if (!v || !v->measure || !ex || slide < 0 || slide >= ex->n_slides || v->w <= 0 || v->h <= 0)
        return true;
    SlideGeomText t;
    slide_geom_text(v, ex, &ex->slides[slide], lang, paint_scale(v), &t);
    if (!t.main || !*t.main)
        return true;
    if (t.main_room.w <= 0 || t.main_room.h <= 0)
        return false; /* no room at all: *lines_over stays 0 */
    if (!t.main_tb.truncated)
        return true;
    const Measure *m = v->measure;
    int lh = m->line_height(m->ctx, t.main_px_min, FONT_REGULAR);
    int room = t.main_room.h / (lh > 0 ? lh : 1);
    if (room > LAYOUT_MAX_LINES)
        room = LAYOUT_MAX_LINES;
    int over = count_lines(m, t.main_px_min, FONT_REGULAR, t.main, t.main_room.w) - room;
    if (lines_over)
        *lines_over = over > 0 ? over : 1;
    return false;
}
