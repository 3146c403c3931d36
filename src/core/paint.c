/* SPDX-License-Identifier: GPL-3.0-or-later */
/* paint.c - see paint.h */
#include "paint.h"

#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "lecture_timer.h"

/* ---- the draw list and its arena -------------------------------------- */

static bool grow(void **p, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return true;
    int c = *cap ? *cap * 2 : 64;
    while (c < need)
        c *= 2;
    void *np = realloc(*p, (size_t)c * elem);
    if (!np)
        return false;
    *p = np;
    *cap = c;
    return true;
}

static DrawItem *push(Scene *s, DrawKind kind, Rect r, Color c)
{
    if (!grow((void **)&s->items, &s->cap, s->n + 1, sizeof *s->items)) {
        s->oom = true;
        return NULL;
    }
    DrawItem *it = &s->items[s->n++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->r = r;
    it->color = c;
    return it;
}

void paint_rect(Scene *s, Rect r, Color c)
{
    push(s, DRAW_RECT, r, c);
}

void paint_frame(Scene *s, Rect r, Color c, int thick)
{
    DrawItem *it = push(s, DRAW_FRAME, r, c);
    if (it)
        it->thick = thick > 0 ? thick : 1;
}

void paint_hit(Scene *s, Rect r, Action a, int arg)
{
    if (!grow((void **)&s->hits, &s->hits_cap, s->n_hits + 1, sizeof *s->hits)) {
        s->oom = true;
        return;
    }
    s->hits[s->n_hits++] = (HitTarget){r, a, arg};
}

static bool arena_put(Scene *s, const char *t, size_t len, size_t *off)
{
    if (s->arena_len + len + 1 > s->arena_cap) {
        size_t c = s->arena_cap ? s->arena_cap : 4096;
        while (c < s->arena_len + len + 1)
            c *= 2;
        char *na = realloc(s->arena, c);
        if (!na)
            return false;
        s->arena = na;
        s->arena_cap = c;
    }
    memcpy(s->arena + s->arena_len, t, len);
    s->arena[s->arena_len + len] = '\0';
    *off = s->arena_len;
    s->arena_len += len + 1;
    return true;
}

void paint_reset(Scene *s)
{
    s->scroll_area = (Rect){0, 0, 0, 0};
    s->scroll_max = 0;
    s->n = 0;
    s->n_hits = 0;
    s->arena_len = 0;
    s->oom = false;
    s->clear = COL_BG;
}

/* ---- text ------------------------------------------------------------- */

/* One line of text with its top-left at (x, y). */
void paint_text(Scene *s, const SceneView *v, int x, int y, const char *t, size_t len,
                int px, FontStyle st, Color c)
{
    if (len == 0)
        return;
    const Measure *m = v->measure;
    int w = m->width(m->ctx, px, st, t, len);
    DrawItem *it = push(s, DRAW_TEXT, (Rect){x, y, w, m->line_height(m->ctx, px, st)}, c);
    if (!it)
        return;
    if (!arena_put(s, t, len, &it->text_off)) {
        s->n--;
        s->oom = true;
        return;
    }
    it->text_len = len;
    it->font_px = px;
    it->style = st;
}

int paint_width(const SceneView *v, const char *t, int px, FontStyle st)
{
    return v->measure->width(v->measure->ctx, px, st, t, strlen(t));
}

int paint_emit(Scene *s, const SceneView *v, const char *t, const TextBlock *tbp, Rect box,
               FontStyle st, Color c, int al)
{
    const TextBlock tb = *tbp;
    if (al == SCENE_ALIGN_LEFT && layout_is_rtl(t))
        al = SCENE_ALIGN_RIGHT; /* Arabic, Hebrew: lines start at the right */
    for (int i = 0; i < tb.n; i++) {
        const LayoutLine *ln = &tb.lines[i];
        int lw = ln->width;
        int x = box.x + (al == SCENE_ALIGN_CENTER ? (box.w - lw) / 2 : al == SCENE_ALIGN_RIGHT ? box.w - lw : 0);
        int y = box.y + i * tb.line_h;
        if (tb.truncated && i == tb.n - 1) {
            /* The last visible line says that there is more. */
            char buf[1024];
            size_t keep = ln->len < sizeof buf - 8 ? ln->len : sizeof buf - 8;
            const char *ell = "\xE2\x80\xA6"; /* … */
            int ew;
            for (;;) {
                memcpy(buf, t + ln->start, keep);
                memcpy(buf + keep, ell, 4);
                ew = v->measure->width(v->measure->ctx, tb.px, st, buf, keep + 3);
                if (ew <= box.w || keep == 0)
                    break;
                do { /* drop one code point */
                    keep--;
                } while (keep > 0 && ((unsigned char)t[ln->start + keep] & 0xC0) == 0x80);
            }
            /* Align what is drawn, not the line without the ellipsis, which
             * may be narrower: centred, that overflowed the box. */
            x = box.x + (al == SCENE_ALIGN_CENTER ? (box.w - ew) / 2 : al == SCENE_ALIGN_RIGHT ? box.w - ew : 0);
            paint_text(s, v, x, y, buf, keep + 3, tb.px, st, c);
        } else {
            paint_text(s, v, x, y, t + ln->start, ln->len, tb.px, st, c);
        }
    }
    return tb.n * tb.line_h;
}

int paint_block(Scene *s, const SceneView *v, const char *t, Rect box, int px_max, int px_min,
                FontStyle st, Color c, int al)
{
    if (!t || !*t || box.w <= 0 || box.h <= 0)
        return 0;
    TextBlock tb;
    layout_fit(v->measure, st, t, box.w, box.h, px_max, px_min, &tb);
    return paint_emit(s, v, t, &tb, box, st, c, al);
}

/* ---- pictures --------------------------------------------------------- */

DrawItem *paint_image(Scene *s, Rect r, const char *path, ImageFormat f, FitMode fit, int ex, int slide)
{
    DrawItem *it = push(s, DRAW_IMAGE, r, (Color){255, 255, 255, 255});
    if (!it)
        return NULL;
    it->path = path;
    it->format = f;
    it->fit = fit;
    it->exhibition = ex;
    it->slide = slide;
    it->zoom = ZOOM_NONE;
    return it;
}

void paint_slide_image(Scene *s, Rect r, const Slide *sl, FitMode fit, int ex, int slide)
{
    DrawItem *it = paint_image(s, r, sl->image_path, sl->image_format, fit, ex, slide);
    if (it)
        it->page = sl->page;
}

void paint_film(Scene *s, Rect r, const SlideMedia *m, int ex, int slide)
{
    DrawItem *it = push(s, DRAW_VIDEO, r, (Color){255, 255, 255, 255});
    if (!it)
        return;
    it->media = m;
    it->exhibition = ex;
    it->slide = slide;
    it->zoom = ZOOM_NONE;
}

/* A calm stand-in for an image that cannot be shown. */
void paint_placeholder(Scene *s, const SceneView *v, Rect box, float u, bool with_text)
{
    Rect r = {box.x + box.w / 6, box.y + box.h / 6, box.w * 2 / 3, box.h * 2 / 3};
    paint_rect(s, r, COL_HOLDER);
    paint_frame(s, r, COL_DIM, (int)(2 * u) > 0 ? (int)(2 * u) : 1);
    if (with_text) {
        int px = (int)(30 * u);
        int lh = v->measure->line_height(v->measure->ctx, px, FONT_REGULAR);
        Rect tb = {r.x + (int)(24 * u), r.y + r.h / 2 - lh, r.w - (int)(48 * u), 2 * lh};
        paint_block(s, v, lang_text(UI_IMAGE_UNAVAILABLE, paint_lang(v)), tb, px, px / 2, FONT_REGULAR,
                    COL_DIM, SCENE_ALIGN_CENTER);
    }
}

bool paint_failed(const SceneView *v, int ex, int slide)
{
    return v->image_failed && v->image_failed(v->ctx, ex, slide);
}

/* ---- the view -------------------------------------------------------- */

const char *paint_lang(const SceneView *v)
{
    return v->n_langs > 0 ? v->langs[v->lang] : LANG_FALLBACK;
}

float paint_scale(const SceneView *v)
{
    float uw = (float)v->w / 1920.0f, uh = (float)v->h / 1080.0f;
    float u = uw < uh ? uw : uh;
    if (v->w < v->h) /* portrait: scale by the width as if it were the short side of 1080 */
        u = (float)v->w / 1080.0f;
    return u < 0.25f ? 0.25f : u;
}

Color paint_level_color(int level)
{
    switch ((LtLevel)level) {
    case LT_WARN: return COL_WARN;
    case LT_ALERT:
    case LT_OVER: return COL_ALERT;
    case LT_NORMAL: break;
    }
    return COL_TEXT;
}

int paint_lang_button_w(const SceneView *v, float u, int i)
{
    int min = (int)(128 * u);
    if (i < 0 || i >= v->n_langs)
        return min;
    int w = paint_width(v, lang_label(v->langs[i]), (int)(30 * u), FONT_BOLD) + (int)(36 * u);
    return w > min ? w : min;
}

int paint_lang_buttons_w(const SceneView *v, float u)
{
    int w = 0;
    for (int i = 0; i < v->n_langs; i++)
        w += paint_lang_button_w(v, u, i) + (i ? (int)(12 * u) : 0);
    return w;
}
