/* scene.c - see scene.h
 *
 * Sizes are given for a 1920x1080 screen and scaled by `u`, so a 4K screen
 * gets the same layout with sharper text and a small screen stays legible.
 */
#include "scene.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "idle.h"
#include "lecture_timer.h"
#include "ui_text.h"

/* ---- theme ------------------------------------------------------------- */

static const Color COL_BG      = {14, 14, 16, 255};
static const Color COL_PANEL   = {28, 28, 32, 255};
static const Color COL_CARD    = {30, 30, 35, 255};
static const Color COL_TEXT    = {238, 234, 226, 255};
static const Color COL_DIM     = {168, 163, 155, 255};
static const Color COL_ACCENT  = {214, 172, 98, 255};
static const Color COL_ON_ACC  = {20, 18, 14, 255};
static const Color COL_ARROW   = {255, 255, 255, 40};
static const Color COL_HOLDER  = {36, 36, 42, 255};
static const Color COL_BLACK   = {0, 0, 0, 255};
static const Color COL_WHITE   = {255, 255, 255, 255};
static const Color COL_WARN    = {242, 178, 52, 255};
static const Color COL_ALERT   = {236, 84, 60, 255};
static const Color COL_OVERLAY = {0, 0, 0, 170};

#define TARGET_MIN 80     /* touch targets, px at 1080p */

/* ---- building blocks ---------------------------------------------------- */

void scene_init(Scene *s)
{
    memset(s, 0, sizeof *s);
}

void scene_free(Scene *s)
{
    if (!s)
        return;
    free(s->items);
    free(s->hits);
    free(s->arena);
    memset(s, 0, sizeof *s);
}

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

static void rect(Scene *s, Rect r, Color c)
{
    push(s, DRAW_RECT, r, c);
}

static void frame(Scene *s, Rect r, Color c, int thick)
{
    DrawItem *it = push(s, DRAW_FRAME, r, c);
    if (it)
        it->thick = thick > 0 ? thick : 1;
}

static void hit(Scene *s, Rect r, Action a, int arg)
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

/* One line of text with its top-left at (x, y). */
static void text_at(Scene *s, const SceneView *v, int x, int y, const char *t, size_t len,
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

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } Align;

static int text_width(const SceneView *v, const char *t, int px, FontStyle st)
{
    return v->measure->width(v->measure->ctx, px, st, t, strlen(t));
}

/* A laid-out block; lines beyond the box end with an ellipsis. Returns the
 * height used. */
/* Emit the lines of an already fitted block at box (its x, y and width). */
static int emit_block(Scene *s, const SceneView *v, const char *t, const TextBlock *tbp, Rect box,
                      FontStyle st, Color c, Align al)
{
    const TextBlock tb = *tbp;
    for (int i = 0; i < tb.n; i++) {
        const LayoutLine *ln = &tb.lines[i];
        int lw = ln->width;
        int x = box.x + (al == ALIGN_CENTER ? (box.w - lw) / 2 : al == ALIGN_RIGHT ? box.w - lw : 0);
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
            x = box.x + (al == ALIGN_CENTER ? (box.w - ew) / 2 : al == ALIGN_RIGHT ? box.w - ew : 0);
            text_at(s, v, x, y, buf, keep + 3, tb.px, st, c);
        } else {
            text_at(s, v, x, y, t + ln->start, ln->len, tb.px, st, c);
        }
    }
    return tb.n * tb.line_h;
}

static int block(Scene *s, const SceneView *v, const char *t, Rect box, int px_max, int px_min,
                 FontStyle st, Color c, Align al)
{
    if (!t || !*t || box.w <= 0 || box.h <= 0)
        return 0;
    TextBlock tb;
    layout_fit(v->measure, st, t, box.w, box.h, px_max, px_min, &tb);
    return emit_block(s, v, t, &tb, box, st, c, al);
}

static void image(Scene *s, Rect r, const char *path, ImageFormat f, FitMode fit, int ex, int slide)
{
    DrawItem *it = push(s, DRAW_IMAGE, r, (Color){255, 255, 255, 255});
    if (!it)
        return;
    it->path = path;
    it->format = f;
    it->fit = fit;
    it->exhibition = ex;
    it->slide = slide;
    it->zoom = ZOOM_NONE;
}

static const char *lang_code(const SceneView *v)
{
    return v->n_langs > 0 ? v->langs[v->lang] : "en";
}

/* ---- shared controls ---------------------------------------------------- */

/* ҚАЗ · РУС · ENG at the top right; the current one filled. */
static void lang_buttons(Scene *s, const SceneView *v, float u)
{
    int bw = (int)(128 * u), bh = (int)(TARGET_MIN * u), gap = (int)(12 * u), px = (int)(30 * u);
    int x = v->w - (int)(24 * u) - v->n_langs * bw - (v->n_langs - 1) * gap;
    int y = (int)(12 * u);
    for (int i = 0; i < v->n_langs; i++) {
        Rect r = {x + i * (bw + gap), y, bw, bh};
        const char *name = ui_text(UI_LANG_NAME, v->langs[i]);
        bool cur = i == v->lang;
        if (cur)
            rect(s, r, COL_ACCENT);
        else
            frame(s, r, COL_DIM, (int)(2 * u) > 0 ? (int)(2 * u) : 1);
        int tw = text_width(v, name, px, FONT_BOLD);
        int lh = v->measure->line_height(v->measure->ctx, px, FONT_BOLD);
        text_at(s, v, r.x + (bw - tw) / 2, r.y + (bh - lh) / 2, name, strlen(name), px, FONT_BOLD,
                cur ? COL_ON_ACC : COL_TEXT);
        hit(s, r, ACT_LANG, i);
    }
}

/* A calm stand-in for an image that cannot be shown. */
static void placeholder(Scene *s, const SceneView *v, Rect box, float u, bool with_text)
{
    Rect r = {box.x + box.w / 6, box.y + box.h / 6, box.w * 2 / 3, box.h * 2 / 3};
    rect(s, r, COL_HOLDER);
    frame(s, r, COL_DIM, (int)(2 * u) > 0 ? (int)(2 * u) : 1);
    if (with_text) {
        int px = (int)(30 * u);
        int lh = v->measure->line_height(v->measure->ctx, px, FONT_REGULAR);
        Rect tb = {r.x + (int)(24 * u), r.y + r.h / 2 - lh, r.w - (int)(48 * u), 2 * lh};
        block(s, v, ui_text(UI_IMAGE_UNAVAILABLE, lang_code(v)), tb, px, px / 2, FONT_REGULAR,
              COL_DIM, ALIGN_CENTER);
    }
}

static bool failed(const SceneView *v, int ex, int slide)
{
    return v->image_failed && v->image_failed(v->ctx, ex, slide);
}

/* ---- home screen -------------------------------------------------------- */

/* The cover of an exhibition: "cover", else the first slide with an image. */
static void cover_of(const Exhibition *ex, const char **path, ImageFormat *f, int *slide)
{
    *path = NULL;
    *slide = -1;
    if (ex->cover_path) {
        *path = ex->cover_path;
        *f = ex->cover_format;
        return;
    }
    for (int i = 0; i < ex->n_slides; i++) {
        if (ex->slides[i].image_path && ex->slides[i].image_ok) {
            *path = ex->slides[i].image_path;
            *f = ex->slides[i].image_format;
            *slide = i;
            return;
        }
    }
}

static void build_home(Scene *s, const SceneView *v, float u)
{
    const char *lang = lang_code(v);
    int margin = (int)(48 * u);
    int top = (int)(12 * u) + (int)(TARGET_MIN * u);
    const char *heading = ui_text(UI_CHOOSE_EXHIBITION, lang);
    int hpx = (int)(44 * u);
    text_at(s, v, margin, (int)(22 * u), heading, strlen(heading), hpx, FONT_BOLD, COL_TEXT);

    int n = v->lib ? v->lib->n : 0;
    if (n == 0) {
        const char *msg = ui_text(UI_NO_EXHIBITIONS, lang);
        Rect box = {margin, v->h / 2 - (int)(40 * u), v->w - 2 * margin, (int)(80 * u)};
        block(s, v, msg, box, (int)(40 * u), (int)(24 * u), FONT_REGULAR, COL_DIM, ALIGN_CENTER);
        return;
    }

    /* Cards in a grid of up to 3 columns and 2 rows; more are paged so the
     * keyboard selection is always on screen. */
    int cols = n < 3 ? n : 3, rows = n <= 3 ? 1 : 2;
    if (v->w < v->h) { /* portrait screen */
        cols = 1;
        rows = n < 3 ? n : 3;
    }
    int per_page = cols * rows;
    int page = v->home_sel / per_page;
    int gap = (int)(40 * u);
    int area_y = top + (int)(40 * u), area_h = v->h - area_y - margin;
    int card_w = (v->w - 2 * margin - (cols - 1) * gap) / cols;
    int card_h = (area_h - (rows - 1) * gap) / rows;
    int max_w = (int)(600 * u);
    if (card_w > max_w)
        card_w = max_w;
    int title_px = (int)(32 * u), sub_px = (int)(24 * u);
    const Measure *m = v->measure;
    int title_h = 2 * m->line_height(m->ctx, title_px, FONT_BOLD);
    int sub_h = m->line_height(m->ctx, sub_px, FONT_REGULAR);
    int pad = (int)(20 * u);
    int img_h = card_h - title_h - sub_h - 3 * pad;
    if (img_h > card_w * 3 / 4)
        img_h = card_w * 3 / 4;
    card_h = img_h + title_h + sub_h + 3 * pad;
    int total_w = cols * card_w + (cols - 1) * gap;
    int total_h = rows * card_h + (rows - 1) * gap;
    int x0 = (v->w - total_w) / 2;
    int y0 = area_y + (area_h - total_h) / 2;

    for (int k = 0; k < per_page; k++) {
        int i = page * per_page + k;
        if (i >= n)
            break;
        const Exhibition *ex = v->lib->items[i];
        Rect card = {x0 + (k % cols) * (card_w + gap), y0 + (k / cols) * (card_h + gap), card_w, card_h};
        rect(s, card, COL_CARD);
        Rect img = {card.x, card.y, card.w, img_h};
        const char *path;
        ImageFormat f = IMG_FMT_UNKNOWN;
        int cslide;
        cover_of(ex, &path, &f, &cslide);
        if (path && !failed(v, i, cslide))
            image(s, img, path, f, FIT_COVER, i, cslide);
        else
            placeholder(s, v, img, u, false);
        Rect tbox = {card.x + pad, img.y + img.h + pad, card.w - 2 * pad, title_h};
        block(s, v, loc_get(&ex->title, lang, ex), tbox, title_px, (int)(22 * u), FONT_BOLD,
              COL_TEXT, ALIGN_LEFT);
        char sub[64];
        snprintf(sub, sizeof sub, "%d %s", ex->n_slides, ui_text(UI_SLIDES, lang));
        text_at(s, v, tbox.x, tbox.y + title_h + pad / 2, sub, strlen(sub), sub_px, FONT_REGULAR,
                COL_DIM);
        if (i == v->home_sel)
            frame(s, card, COL_ACCENT, (int)(5 * u) > 0 ? (int)(5 * u) : 1);
        hit(s, card, ACT_OPEN, i);
    }
}

/* ---- slide screen ------------------------------------------------------- */

static void home_button(Scene *s, const SceneView *v, float u)
{
    const char *lang = lang_code(v);
    int px = (int)(30 * u);
    char label[128];
    snprintf(label, sizeof label, "\xE2\x80\xB9 %s", ui_text(UI_HOME, lang)); /* ‹ Home */
    int tw = text_width(v, label, px, FONT_BOLD);
    Rect r = {(int)(24 * u), (int)(12 * u), tw + (int)(48 * u), (int)(TARGET_MIN * u)};
    frame(s, r, COL_DIM, (int)(2 * u) > 0 ? (int)(2 * u) : 1);
    int lh = v->measure->line_height(v->measure->ctx, px, FONT_BOLD);
    text_at(s, v, r.x + (int)(24 * u), r.y + (r.h - lh) / 2, label, strlen(label), px, FONT_BOLD,
            COL_TEXT);
    hit(s, r, ACT_HOME, 0);
}

/* Captions on/off, large text, high contrast: three 80-px buttons at the
 * top, left of the language buttons, drawn as pictures so they need no
 * words in any language. The one that is on is filled. */
static void access_buttons(Scene *s, const SceneView *v, float u)
{
    int bw = (int)(TARGET_MIN * u * 1.2f), bh = (int)(TARGET_MIN * u), gap = (int)(12 * u);
    int langs_w = v->n_langs * (int)(128 * u) + (v->n_langs - 1) * gap;
    int x = v->w - (int)(24 * u) - langs_w - (int)(36 * u) - 3 * bw - 2 * gap;
    int y = (int)(12 * u);
    int th = (int)(2 * u) > 0 ? (int)(2 * u) : 1;
    for (int i = 0; i < 3; i++) {
        Rect r = {x + i * (bw + gap), y, bw, bh};
        bool on = i == 0 ? v->captions : i == 1 ? v->large_text : v->high_contrast;
        Color fg = on ? COL_ON_ACC : COL_TEXT;
        if (on)
            rect(s, r, COL_ACCENT);
        else
            frame(s, r, COL_DIM, th);
        int cx = r.x + r.w / 2, cy = r.y + r.h / 2;
        if (i == 0) { /* a caption: three lines of text */
            int lw = r.w / 2, lh = (int)(5 * u) > 0 ? (int)(5 * u) : 1;
            for (int k = -1; k <= 1; k++)
                rect(s, (Rect){cx - lw / 2, cy + k * (int)(12 * u) - lh / 2, k == 1 ? lw * 2 / 3 : lw, lh}, fg);
        } else if (i == 1) { /* a small and a large A */
            text_at(s, v, r.x + (int)(16 * u), cy - (int)(10 * u), "A", 1, (int)(22 * u), FONT_BOLD, fg);
            text_at(s, v, cx - (int)(2 * u), cy - (int)(24 * u), "A", 1, (int)(38 * u), FONT_BOLD, fg);
        } else { /* a square half light, half dark */
            int sq = r.h / 2;
            Rect b = {cx - sq / 2, cy - sq / 2, sq, sq};
            rect(s, b, on ? COL_ON_ACC : COL_BLACK);
            rect(s, (Rect){b.x, b.y, sq / 2, sq}, on ? COL_ACCENT : COL_WHITE);
            frame(s, b, fg, th);
        }
        hit(s, r, i == 0 ? ACT_TOGGLE_CAPTIONS : i == 1 ? ACT_LARGE_TEXT : ACT_HIGH_CONTRAST, 0);
    }
}

/* ‹ and › at the sides of the image area; the left and right thirds of the
 * screen turn pages (added first, so buttons drawn later win a tap). */
static void side_arrows(Scene *s, const SceneView *v, Rect area, float u, bool prev, bool next)
{
    if (!zoom_active(v->zoom)) { /* zoomed, a tap on the picture turns no page */
        hit(s, (Rect){0, 0, v->w / 3, v->h}, ACT_PREV, SCENE_HIT_ZONE);
        hit(s, (Rect){v->w - v->w / 3, 0, v->w / 3, v->h}, ACT_NEXT, SCENE_HIT_ZONE);
    }
    if (v->lecture.on || v->hide_arrows)
        return; /* taps still turn pages, but no buttons are drawn */
    int bw = (int)(TARGET_MIN * u), bh = (int)(140 * u), px = (int)(72 * u);
    int y = area.y + (area.h - bh) / 2;
    const Measure *m = v->measure;
    int lh = m->line_height(m->ctx, px, FONT_REGULAR);
    if (prev) {
        Rect r = {(int)(16 * u), y, bw, bh};
        rect(s, r, COL_ARROW);
        const char *a = "\xE2\x80\xB9"; /* ‹ */
        text_at(s, v, r.x + (bw - text_width(v, a, px, FONT_REGULAR)) / 2, r.y + (bh - lh) / 2, a,
                strlen(a), px, FONT_REGULAR, COL_TEXT);
    }
    if (next) {
        Rect r = {v->w - (int)(16 * u) - bw, y, bw, bh};
        rect(s, r, COL_ARROW);
        const char *a = "\xE2\x80\xBA"; /* › */
        text_at(s, v, r.x + (bw - text_width(v, a, px, FONT_REGULAR)) / 2, r.y + (bh - lh) / 2, a,
                strlen(a), px, FONT_REGULAR, COL_TEXT);
    }
}

static int slide_top(float u);
static float scale_of(const SceneView *v);
static bool failed(const SceneView *v, int ex, int slide);

/* The caption panel's height on an image slide (taller in large text). */
static int panel_height(const SceneView *v)
{
    return v->large_text ? v->h * 9 / 25 : v->h / 4;
}

/* Where an image slide's picture goes: between the buttons at the top and
 * the caption panel (when it is shown and has something to say). */
static Rect picture_area(const SceneView *v, const Exhibition *ex, const Slide *sl, float u)
{
    const char *lang = v->n_langs > 0 ? v->langs[v->lang] : "en";
    int margin = (int)(48 * u);
    int top = v->lecture.on ? (int)(24 * u) /* an audience sees the slide, not the kiosk's buttons */
                            : slide_top(u);
    int bottom = v->h;
    bool texts = loc_get(&sl->title, lang, ex) || loc_get(&sl->caption, lang, ex) ||
                 loc_get(&sl->text, lang, ex) || loc_get(&sl->credit, lang, ex);
    if (v->captions && texts)
        bottom = v->h - panel_height(v);
    return (Rect){margin, top, v->w - 2 * margin, bottom - top - (int)(16 * u)};
}

bool scene_slide_image(const SceneView *v, int slide, ImageRequest *out)
{
    if (!v->lib || v->exhibition < 0 || v->exhibition >= v->lib->n)
        return false;
    const Exhibition *ex = v->lib->items[v->exhibition];
    if (slide < 0 || slide >= ex->n_slides)
        return false;
    const Slide *sl = &ex->slides[slide];
    if (!sl->image || !sl->image_ok || !sl->image_path || failed(v, v->exhibition, slide))
        return false;
    *out = (ImageRequest){sl->image_path, picture_area(v, ex, sl, scale_of(v)), FIT_CONTAIN,
                          v->exhibition, slide};
    return out->r.w > 0 && out->r.h > 0;
}

static void counter(Scene *s, const SceneView *v, const Exhibition *ex, int x_right, int y, float u)
{
    char c[32];
    snprintf(c, sizeof c, "%d / %d", v->slide + 1, ex->n_slides);
    int px = (int)(28 * u);
    text_at(s, v, x_right - text_width(v, c, px, FONT_REGULAR), y, c, strlen(c), px, FONT_REGULAR,
            COL_DIM);
}

/* ---- where a slide's texts go ------------------------------------------- */

/* The top of a slide's content, below the home button and the languages. */
static int slide_top(float u)
{
    return (int)(12 * u) + (int)(TARGET_MIN * u) + (int)(12 * u);
}

/* A slide's texts, fitted and placed: in the caption panel of an image slide,
 * or centred on a text slide. build_slide draws them and scene_caption_fits
 * measures them: one computation, so the fit check sees what visitors see. */
typedef struct {
    const char *title, *main, *credit; /* main: the caption, else the text; NULL = none */
    Rect panel;                /* image slide: the caption panel */
    int pad;                   /* image slide: inside the panel, px */
    TextBlock title_tb, main_tb;
    Rect title_at, main_at;    /* where the fitted blocks are drawn */
    Rect main_room;            /* the box main was fitted into */
    int main_px_min;           /* the smallest size main may be set in, px */
    Rect credit_at;
    int credit_px, credit_px_min;
} SlideText;

static void slide_text(const SceneView *v, const Exhibition *ex, const Slide *sl,
                       const char *lang, float u, SlideText *t)
{
    const Measure *m = v->measure;
    int margin = (int)(48 * u);
    memset(t, 0, sizeof *t);
    /* large-text mode: every size a third larger, and a taller panel */
    float ts = v->large_text ? 1.35f : 1.0f;
    t->title = loc_get(&sl->title, lang, ex);
    const char *caption = loc_get(&sl->caption, lang, ex);
    const char *body = loc_get(&sl->text, lang, ex);
    t->credit = loc_get(&sl->credit, lang, ex);
    t->credit_px = (int)(24 * u * ts);
    t->credit_px_min = (int)(18 * u * ts);
    if (sl->image) {
        /* The caption panel at the bottom; the image goes above it. */
        t->main = caption ? caption : body;
        int ph = panel_height(v);
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
    int top = slide_top(u);
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
        text_at(s, v, room.x, room.y + i * lh, text + ln->start, ln->len, px, st, c);
    }
    /* the bar: where the window is in the whole caption */
    Rect track = {room.x + room.w - bar, room.y, bar, visible * lh};
    rect(s, track, (Color){255, 255, 255, 40});
    int th = track.h * visible / n, ty = track.y + track.h * first / n;
    rect(s, (Rect){track.x, ty, bar, th > bar ? th : bar}, COL_ACCENT);
    s->scroll_area = room;
    s->scroll_line = lh;
    s->scroll_max = max;
}

/* One slide: its content (image, caption panel, text, counter), then the
 * chrome that stays put when slides move (arrows, home button, the page-
 * turning thirds). Returns the index of the first chrome item, so a caller
 * can move the content alone or drop the chrome. */
static int build_slide(Scene *s, const SceneView *v, float u)
{
    const Exhibition *ex = v->lib->items[v->exhibition];
    const Slide *sl = &ex->slides[v->slide];
    const char *lang = lang_code(v);
    const Measure *m = v->measure;
    int top = slide_top(u);
    int margin = (int)(48 * u);
    const char *title = loc_get(&sl->title, lang, ex);
    const char *caption = loc_get(&sl->caption, lang, ex);
    const char *body = loc_get(&sl->text, lang, ex);
    const char *credit = loc_get(&sl->credit, lang, ex);
    bool has_image = sl->image != NULL; /* even when it cannot be shown: a placeholder stands in */
    Rect arrows_area = {0, 0, v->w, v->h};
    /* high contrast: pure white on pure black, captions in bold */
    bool hc = v->high_contrast;
    Color text_col = hc ? COL_WHITE : COL_TEXT, dim_col = hc ? COL_WHITE : COL_DIM;
    if (hc)
        s->clear = COL_BLACK;

    if (has_image) {
        /* Caption panel at the bottom, image above it. */
        const char *ptext = caption ? caption : body;
        if (v->captions && (title || ptext || credit)) {
            SlideText t;
            slide_text(v, ex, sl, lang, u, &t);
            Rect panel = t.panel;
            rect(s, panel, hc ? COL_BLACK : COL_PANEL);
            if (hc) /* a clear edge between the picture and the words */
                rect(s, (Rect){panel.x, panel.y, panel.w, (int)(3 * u) > 0 ? (int)(3 * u) : 1}, COL_WHITE);
            if (t.title)
                emit_block(s, v, t.title, &t.title_tb, t.title_at, FONT_BOLD, text_col, ALIGN_LEFT);
            if (t.main && t.main_tb.truncated)
                emit_scrolling(s, v, t.main, t.main_room, t.main_tb.px, hc ? FONT_BOLD : FONT_REGULAR,
                               text_col, u);
            else if (t.main)
                emit_block(s, v, t.main, &t.main_tb, t.main_at, hc ? FONT_BOLD : FONT_REGULAR, text_col,
                           ALIGN_LEFT);
            if (t.credit)
                block(s, v, t.credit, t.credit_at, t.credit_px, t.credit_px_min, FONT_REGULAR,
                      dim_col, ALIGN_LEFT);
            counter(s, v, ex, v->w - margin, panel.y + panel.h - t.pad - m->line_height(m->ctx, (int)(28 * u), FONT_REGULAR), u);
        } else {
            counter(s, v, ex, v->w - margin,
                    v->h - (int)(24 * u) - m->line_height(m->ctx, (int)(28 * u), FONT_REGULAR), u);
        }
        Rect area = picture_area(v, ex, sl, u);
        if (sl->image_ok && sl->image_path && !failed(v, v->exhibition, v->slide)) {
            image(s, area, sl->image_path, sl->image_format, FIT_CONTAIN, v->exhibition, v->slide);
            if (s->n > 0 && s->items[s->n - 1].kind == DRAW_IMAGE)
                s->items[s->n - 1].zoom = v->zoom;
        } else
            placeholder(s, v, area, u, true);
        arrows_area = area;
    } else {
        /* A text slide: title and body centred (see slide_text). */
        SlideText t;
        slide_text(v, ex, sl, lang, u, &t);
        if (t.title)
            emit_block(s, v, t.title, &t.title_tb, t.title_at, FONT_BOLD, hc ? COL_WHITE : COL_ACCENT,
                       ALIGN_CENTER);
        if (t.main)
            emit_block(s, v, t.main, &t.main_tb, t.main_at, hc ? FONT_BOLD : FONT_REGULAR, text_col,
                       ALIGN_CENTER);
        if (t.credit)
            block(s, v, t.credit, t.credit_at, t.credit_px, t.credit_px_min, FONT_REGULAR, dim_col,
                  ALIGN_CENTER);
        arrows_area = (Rect){0, top, v->w, v->h - top};
        counter(s, v, ex, v->w - margin,
                v->h - (int)(24 * u) - m->line_height(m->ctx, (int)(28 * u), FONT_REGULAR), u);
    }
    int chrome = s->n;
    side_arrows(s, v, arrows_area, u, v->slide > 0, v->slide + 1 < ex->n_slides);
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
static void build_moving_slide(Scene *s, const SceneView *v, float u)
{
    int off = v->offset;
    const Exhibition *ex = v->lib->items[v->exhibition];
    int neighbour = off > 0 ? v->slide - 1 : v->slide + 1;
    if (off != 0 && neighbour >= 0 && neighbour < ex->n_slides) {
        SceneView nv = *v;
        nv.slide = neighbour;
        nv.zoom = ZOOM_NONE;
        int n0 = s->n, h0 = s->n_hits;
        int chrome = build_slide(s, &nv, u);
        s->n = chrome;            /* its content only */
        s->n_hits = h0;
        s->scroll_area = (Rect){0, 0, 0, 0}; /* only the current slide's caption scrolls */
        shift_items(s, n0, s->n, off > 0 ? off - v->w : off + v->w);
    }
    int n1 = s->n;
    int chrome = build_slide(s, v, u);
    shift_items(s, n1, chrome, off);
}

/* ---- lecture ------------------------------------------------------------ */

static float scale_of(const SceneView *v)
{
    float uw = (float)v->w / 1920.0f, uh = (float)v->h / 1080.0f;
    float u = uw < uh ? uw : uh;
    if (v->w < v->h) /* portrait: scale by the width as if it were the short side of 1080 */
        u = (float)v->w / 1080.0f;
    return u < 0.25f ? 0.25f : u;
}

static void scene_reset(Scene *s)
{
    s->scroll_area = (Rect){0, 0, 0, 0};
    s->scroll_max = 0;
    s->n = 0;
    s->n_hits = 0;
    s->arena_len = 0;
    s->oom = false;
    s->clear = COL_BG;
}


static Color level_color(int level)
{
    switch ((LtLevel)level) {
    case LT_WARN: return COL_WARN;
    case LT_ALERT:
    case LT_OVER: return COL_ALERT;
    case LT_NORMAL: break;
    }
    return COL_TEXT;
}

int scene_overview_cols(int n, int w, int h)
{
    (void)h;
    int cols = 1;
    while (cols * cols < n && cols < 6)
        cols++;
    if (w < h && cols > 3)
        cols = 3;
    return cols;
}

/* A small picture of slide i in box: its image, or its title for a text slide. */
static void slide_preview(Scene *s, const SceneView *v, int i, Rect box, float u)
{
    const Exhibition *ex = v->lib->items[v->exhibition];
    const Slide *sl = &ex->slides[i];
    const char *lang = lang_code(v);
    rect(s, box, COL_BLACK);
    if (sl->image) {
        if (sl->image_ok && sl->image_path && !failed(v, v->exhibition, i))
            image(s, box, sl->image_path, sl->image_format, FIT_CONTAIN, v->exhibition, i);
        else
            placeholder(s, v, box, u, box.h > 200 * u);
        return;
    }
    const char *title = loc_get(&sl->title, lang, ex);
    const char *body = loc_get(&sl->text, lang, ex);
    int pad = box.w / 12;
    Rect tb = {box.x + pad, box.y + pad, box.w - 2 * pad, box.h - 2 * pad};
    int px = box.h / 8 > 8 ? box.h / 8 : 8;
    int used = block(s, v, title ? title : body, (Rect){tb.x, tb.y, tb.w, tb.h / 2}, px, px / 2,
                     FONT_BOLD, COL_ACCENT, ALIGN_CENTER);
    if (title && body)
        block(s, v, body, (Rect){tb.x, tb.y + used + pad / 2, tb.w, tb.h - used - pad / 2}, px * 2 / 3,
              px / 3 > 6 ? px / 3 : 6, FONT_REGULAR, COL_TEXT, ALIGN_CENTER);
}

static void build_overview(Scene *s, const SceneView *v, float u)
{
    const Exhibition *ex = v->lib->items[v->exhibition];
    int n = ex->n_slides;
    int cols = scene_overview_cols(n, v->w, v->h);
    int rows_max = 5;
    int per_page = cols * rows_max;
    int page = v->lecture.overview_sel / per_page;
    int first = page * per_page, count = n - first < per_page ? n - first : per_page;
    int rows = (count + cols - 1) / cols;
    if (rows < 1)
        rows = 1;
    int margin = (int)(40 * u), gap = (int)(24 * u);
    int label_h = v->measure->line_height(v->measure->ctx, (int)(24 * u), FONT_REGULAR);
    int cell_w = (v->w - 2 * margin - (cols - 1) * gap) / cols;
    int cell_h = cell_w * 9 / 16;
    int max_h = (v->h - 2 * margin - (rows - 1) * gap) / rows - label_h;
    if (cell_h > max_h) {
        cell_h = max_h;
        cell_w = cell_h * 16 / 9;
    }
    int total_w = cols * cell_w + (cols - 1) * gap, total_h = rows * (cell_h + label_h) + (rows - 1) * gap;
    int x0 = (v->w - total_w) / 2, y0 = (v->h - total_h) / 2;
    const char *lang = lang_code(v);
    for (int k = 0; k < count; k++) {
        int i = first + k;
        Rect cell = {x0 + (k % cols) * (cell_w + gap), y0 + (k / cols) * (cell_h + label_h + gap), cell_w, cell_h};
        slide_preview(s, v, i, cell, u);
        char label[160];
        const char *t = loc_get(&ex->slides[i].title, lang, ex);
        snprintf(label, sizeof label, "%d%s%.120s", i + 1, t ? "  " : "", t ? t : "");
        block(s, v, label, (Rect){cell.x, cell.y + cell.h + (int)(4 * u), cell.w, label_h}, (int)(24 * u),
              (int)(16 * u), i == v->lecture.overview_sel ? FONT_BOLD : FONT_REGULAR,
              i == v->lecture.overview_sel ? COL_ACCENT : COL_DIM, ALIGN_LEFT);
        if (i == v->slide)
            frame(s, cell, COL_DIM, (int)(3 * u) > 0 ? (int)(3 * u) : 1);
        if (i == v->lecture.overview_sel)
            frame(s, (Rect){cell.x - (int)(6 * u), cell.y - (int)(6 * u), cell.w + (int)(12 * u),
                            cell.h + (int)(12 * u)},
                  COL_ACCENT, (int)(5 * u) > 0 ? (int)(5 * u) : 1);
        hit(s, cell, ACT_GOTO, i);
    }
}

/* The timer as "12:34  ·  32:26" (elapsed, remaining), coloured by level. */
static void timer_text(const LectureView *l, char *buf, size_t n)
{
    char e[16], r[16];
    ltimer_format(l->elapsed_ms, e, sizeof e);
    if (l->planned_ms > 0) {
        ltimer_format(l->remaining_ms, r, sizeof r);
        snprintf(buf, n, "%s  \xC2\xB7  %s", e, r);
    } else {
        snprintf(buf, n, "%s", e);
    }
}

static void build_lecture(Scene *s, const SceneView *v, float u)
{
    const LectureView *l = &v->lecture;
    if (l->blank == BLANK_BLACK) {
        s->clear = COL_BLACK;
        return;
    }
    if (l->blank == BLANK_WHITE) {
        s->clear = COL_WHITE;
        return;
    }
    if (l->overview)
        build_overview(s, v, u);
    else
        (void)build_slide(s, v, u);
    const Measure *m = v->measure;
    if (l->timer_overlay && !l->overview) {
        char t[48];
        timer_text(l, t, sizeof t);
        int px = (int)(30 * u);
        int tw = text_width(v, t, px, FONT_BOLD), lh = m->line_height(m->ctx, px, FONT_BOLD);
        int pad = (int)(14 * u);
        Rect box = {v->w - tw - 2 * pad - (int)(16 * u), (int)(16 * u), tw + 2 * pad, lh + pad};
        rect(s, box, COL_OVERLAY);
        text_at(s, v, box.x + pad, box.y + pad / 2, t, strlen(t), px, FONT_BOLD,
                l->timer_running ? level_color(l->level) : COL_DIM);
    }
    if (l->goto_num) {
        char g[64];
        snprintf(g, sizeof g, "%s %d", ui_text(UI_GOTO, lang_code(v)), l->goto_num);
        int px = (int)(44 * u);
        int tw = text_width(v, g, px, FONT_BOLD), lh = m->line_height(m->ctx, px, FONT_BOLD);
        Rect box = {(v->w - tw) / 2 - (int)(24 * u), (int)(24 * u), tw + (int)(48 * u), lh + (int)(16 * u)};
        rect(s, box, COL_OVERLAY);
        text_at(s, v, box.x + (int)(24 * u), box.y + (int)(8 * u), g, strlen(g), px, FONT_BOLD, COL_ACCENT);
    }
}

void scene_build_presenter(Scene *s, const SceneView *v)
{
    scene_reset(s);
    bool ok = v->w > 0 && v->h > 0 && v->lib && v->exhibition >= 0 && v->exhibition < v->lib->n &&
              v->slide >= 0 && v->slide < v->lib->items[v->exhibition]->n_slides;
    if (!ok)
        return;
    float u = scale_of(v);
    const LectureView *l = &v->lecture;
    const Exhibition *ex = v->lib->items[v->exhibition];
    const Measure *m = v->measure;
    const char *nl = l->notes_lang ? l->notes_lang : lang_code(v);
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
    slide_preview(s, v, v->slide, cur, u);
    if (l->blank != BLANK_NONE) {
        const char *b = ui_text(l->blank == BLANK_BLACK ? UI_BLACK_SCREEN : UI_WHITE_SCREEN, nl);
        int px = (int)(40 * u);
        int tw = text_width(v, b, px, FONT_BOLD), lh = m->line_height(m->ctx, px, FONT_BOLD);
        Rect box = {cur.x + (cur.w - tw) / 2 - (int)(20 * u), cur.y + (cur.h - lh) / 2, tw + (int)(40 * u), lh};
        rect(s, box, l->blank == BLANK_BLACK ? COL_BLACK : COL_WHITE);
        text_at(s, v, box.x + (int)(20 * u), box.y, b, strlen(b), px, FONT_BOLD,
                l->blank == BLANK_BLACK ? COL_TEXT : COL_BLACK);
    }
    frame(s, cur, l->blank == BLANK_NONE ? COL_ACCENT : COL_DIM, (int)(3 * u) > 0 ? (int)(3 * u) : 1);

    /* next */
    int y = cur.y + cur.h + gap;
    const char *next_label = ui_text(UI_NEXT, nl);
    text_at(s, v, margin, y, next_label, strlen(next_label), label_px, FONT_BOLD, COL_DIM);
    y += label_h + (int)(8 * u);
    int next_h = v->h - margin - y;
    Rect nxt = {margin, y, next_h * 16 / 9, next_h};
    if (nxt.w > left_w / 2) {
        nxt.w = left_w / 2;
        nxt.h = nxt.w * 9 / 16;
    }
    if (v->slide + 1 < ex->n_slides) {
        slide_preview(s, v, v->slide + 1, nxt, u);
        const char *nt = loc_get(&ex->slides[v->slide + 1].title, nl, ex);
        if (nt)
            block(s, v, nt, (Rect){nxt.x + nxt.w + gap, nxt.y, left_w - nxt.w - gap, nxt.h}, (int)(30 * u),
                  (int)(20 * u), FONT_BOLD, COL_TEXT, ALIGN_LEFT);
    } else {
        const char *end = ui_text(UI_END, nl);
        text_at(s, v, margin, y, end, strlen(end), (int)(30 * u), FONT_REGULAR, COL_DIM);
    }

    /* timer, pacing, clock, counter */
    y = margin;
    char e[16], line[96];
    ltimer_format(l->elapsed_ms, e, sizeof e);
    int big = (int)(120 * u);
    Color tc = l->timer_running ? level_color(l->level) : COL_DIM;
    text_at(s, v, right_x, y, e, strlen(e), big, FONT_BOLD, tc);
    y += m->line_height(m->ctx, big, FONT_BOLD);
    int mid = (int)(36 * u), mid_h = m->line_height(m->ctx, mid, FONT_REGULAR);
    if (l->planned_ms > 0) {
        char r[16];
        ltimer_format(l->remaining_ms, r, sizeof r);
        snprintf(line, sizeof line, "%s %s", r, ui_text(l->remaining_ms < 0 ? UI_OVER : UI_LEFT, nl));
        text_at(s, v, right_x, y, line, strlen(line), mid, FONT_BOLD, level_color(l->level));
        y += mid_h;
    }
    if (!l->timer_running) {
        const char *p = ui_text(UI_PAUSED, nl);
        text_at(s, v, right_x, y, p, strlen(p), mid, FONT_BOLD, COL_WARN);
        y += mid_h;
    }
    if (l->has_budgets) {
        char d[16];
        int64_t pm = l->pacing_ms;
        if (pm == 0) {
            snprintf(line, sizeof line, "%s", ui_text(UI_ON_TIME, nl));
        } else {
            ltimer_format(pm < 0 ? -pm : pm, d, sizeof d);
            snprintf(line, sizeof line, "%s %s", ui_text(pm < 0 ? UI_AHEAD : UI_BEHIND, nl), d);
        }
        text_at(s, v, right_x, y, line, strlen(line), mid, FONT_REGULAR,
                pm > 60000 ? COL_ALERT : pm > 0 ? COL_WARN : COL_TEXT);
        y += mid_h;
    }
    snprintf(line, sizeof line, "%d / %d%s%s", v->slide + 1, ex->n_slides, l->clock ? "    " : "",
             l->clock ? l->clock : "");
    text_at(s, v, right_x, y, line, strlen(line), mid, FONT_REGULAR, COL_DIM);
    y += mid_h;
    if (l->goto_num) {
        snprintf(line, sizeof line, "%s %d", ui_text(UI_GOTO, nl), l->goto_num);
        text_at(s, v, right_x, y, line, strlen(line), mid, FONT_BOLD, COL_ACCENT);
        y += mid_h;
    }

    /* notes */
    y += gap / 2;
    const char *notes_label = ui_text(UI_NOTES, nl);
    text_at(s, v, right_x, y, notes_label, strlen(notes_label), label_px, FONT_BOLD, COL_DIM);
    y += label_h + (int)(8 * u);
    const char *notes = loc_get(&ex->slides[v->slide].notes, nl, ex);
    Rect nb = {right_x, y, right_w, v->h - margin - y};
    rect(s, (Rect){nb.x - (int)(16 * u), nb.y - (int)(8 * u), nb.w + (int)(32 * u), nb.h + (int)(16 * u)},
         COL_PANEL);
    block(s, v, notes ? notes : ui_text(UI_NO_NOTES, nl), nb, (int)(34 * u), (int)(20 * u), FONT_REGULAR,
          notes ? COL_TEXT : COL_DIM, ALIGN_LEFT);
}

/* ---- administrator --------------------------------------------------------- */

/* A large button with a centred label. */
static void button(Scene *s, const SceneView *v, Rect r, const char *label, bool selected, Action a,
                   int arg, float u)
{
    rect(s, r, selected ? COL_ACCENT : COL_CARD);
    frame(s, r, selected ? COL_ACCENT : COL_DIM, (int)(2 * u) > 0 ? (int)(2 * u) : 1);
    int px = (int)(36 * u);
    block(s, v, label, (Rect){r.x + (int)(16 * u), r.y + (r.h - v->measure->line_height(v->measure->ctx, px, FONT_BOLD)) / 2,
                              r.w - (int)(32 * u), r.h}, px, px / 2, FONT_BOLD,
          selected ? COL_ON_ACC : COL_TEXT, ALIGN_CENTER);
    hit(s, r, a, arg);
}

static void build_admin(Scene *s, const SceneView *v, float u)
{
    const AdminView *ad = &v->admin;
    const char *lang = lang_code(v);
    int cx = v->w / 2;
    int y = (int)(60 * u);
    const char *title = ui_text(ad->stage == ADMIN_PICK ? UI_CHOOSE_LECTURE : UI_ADMIN, lang);
    y += block(s, v, title, (Rect){(int)(60 * u), y, v->w - (int)(120 * u), (int)(80 * u)}, (int)(52 * u),
               (int)(30 * u), FONT_BOLD, COL_ACCENT, ALIGN_CENTER);
    y += (int)(30 * u);
    if (ad->stage == ADMIN_PIN) {
        const char *msg = ui_text(ad->locked ? UI_LOCKED : ad->wrong ? UI_WRONG_PIN : UI_ENTER_PIN, lang);
        y += block(s, v, msg, (Rect){(int)(60 * u), y, v->w - (int)(120 * u), (int)(50 * u)}, (int)(34 * u),
                   (int)(20 * u), FONT_REGULAR, ad->wrong || ad->locked ? COL_ALERT : COL_TEXT, ALIGN_CENTER);
        y += (int)(20 * u);
        /* one dot a digit: never the digits themselves */
        int dot = (int)(24 * u), gap = (int)(18 * u);
        int n = ad->pin_len, dw = n * dot + (n > 0 ? (n - 1) * gap : 0);
        for (int i = 0; i < n; i++)
            rect(s, (Rect){cx - dw / 2 + i * (dot + gap), y, dot, dot}, COL_TEXT);
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
        button(s, v, (Rect){cx - (int)(200 * u), y, (int)(400 * u), (int)(90 * u)}, ui_text(UI_CANCEL, lang),
               false, ACT_ADMIN_CLOSE, 0, u);
        return;
    }
    /* the menu, or the list of exhibitions to lecture on */
    int bw = (int)(760 * u), bh = (int)(110 * u), bg = (int)(24 * u);
    int i = 0;
    if (ad->stage == ADMIN_MENU) {
        const UiString items[3] = {ad->in_lecture ? UI_END_LECTURE : UI_START_LECTURE, UI_EXIT, UI_BACK};
        const Action acts[3] = {ad->in_lecture ? ACT_ADMIN_END_LECTURE : ACT_ADMIN_PICK, ACT_ADMIN_EXIT,
                                ACT_ADMIN_CLOSE};
        for (i = 0; i < 3; i++)
            button(s, v, (Rect){cx - bw / 2, y + i * (bh + bg), bw, bh}, ui_text(items[i], lang),
                   ad->sel == i, acts[i], 0, u);
        return;
    }
    int n = v->lib ? v->lib->n : 0;
    int max_rows = (v->h - y - (int)(40 * u)) / (bh + bg);
    for (i = 0; i < n && i < max_rows - 1; i++) {
        const Exhibition *ex = v->lib->items[i];
        button(s, v, (Rect){cx - bw / 2, y + i * (bh + bg), bw, bh}, loc_get(&ex->title, lang, ex),
               ad->sel == i, ACT_ADMIN_LECTURE, i, u);
    }
    button(s, v, (Rect){cx - bw / 2, y + i * (bh + bg), bw, bh}, ui_text(UI_CANCEL, lang), ad->sel == n,
           ACT_ADMIN_CLOSE, 0, u);
}

/* ---- a kiosk left alone ------------------------------------------------------ */

/* "Still there?" over whatever is on screen, in every offered language. */
static void idle_warning(Scene *s, const SceneView *v, float u)
{
    rect(s, (Rect){0, 0, v->w, v->h}, (Color){0, 0, 0, 190});
    int bw = (int)(1100 * u), bh = (int)(560 * u);
    if (bw > v->w - (int)(40 * u))
        bw = v->w - (int)(40 * u);
    Rect box = {(v->w - bw) / 2, (v->h - bh) / 2, bw, bh};
    rect(s, box, COL_PANEL);
    frame(s, box, COL_ACCENT, (int)(3 * u) > 0 ? (int)(3 * u) : 1);
    const Measure *m = v->measure;
    int y = box.y + (int)(36 * u);
    for (int i = 0; i < v->n_langs; i++) {
        const char *q = ui_text(UI_STILL_THERE, v->langs[i]);
        int px = i == v->lang ? (int)(46 * u) : (int)(34 * u);
        y += block(s, v, q, (Rect){box.x + (int)(30 * u), y, box.w - (int)(60 * u), m->line_height(m->ctx, px, FONT_BOLD)},
                   px, px / 2, FONT_BOLD, i == v->lang ? COL_TEXT : COL_DIM, ALIGN_CENTER);
        y += (int)(6 * u);
    }
    char secs[16];
    snprintf(secs, sizeof secs, "%d", v->idle.seconds_left);
    int big = (int)(110 * u);
    int tw = text_width(v, secs, big, FONT_BOLD);
    text_at(s, v, box.x + (box.w - tw) / 2, y + (int)(6 * u), secs, strlen(secs), big, FONT_BOLD, COL_ACCENT);
    y += m->line_height(m->ctx, big, FONT_BOLD) + (int)(10 * u);
    const char *t = ui_text(UI_TOUCH_TO_CONTINUE, lang_code(v));
    block(s, v, t, (Rect){box.x + (int)(30 * u), y, box.w - (int)(60 * u), box.y + box.h - y}, (int)(32 * u),
          (int)(20 * u), FONT_REGULAR, COL_TEXT, ALIGN_CENTER);
    /* the whole screen is one target: a touch only dismisses this */
    hit(s, (Rect){0, 0, v->w, v->h}, ACT_NONE, 0);
}

/* The showcase: one chosen slide (or cover) at a time, and "touch to begin"
 * in kk, ru and en in turn. */
static void build_attract(Scene *s, const SceneView *v, float u)
{
    s->clear = COL_BLACK;
    const char *lang = v->n_langs ? v->langs[v->idle.lang_step % v->n_langs] : "en";
    int band = v->h / 5;
    if (v->lib && v->idle.attract_ex >= 0 && v->idle.attract_ex < v->lib->n) {
        const Exhibition *ex = v->lib->items[v->idle.attract_ex];
        int sl = v->idle.attract_slide;
        const char *path = NULL;
        ImageFormat f = IMG_FMT_UNKNOWN;
        int report = sl;
        if (sl >= 0 && sl < ex->n_slides && ex->slides[sl].image_ok && ex->slides[sl].image_path) {
            path = ex->slides[sl].image_path;
            f = ex->slides[sl].image_format;
        } else {
            cover_of(ex, &path, &f, &report);
        }
        Rect area = {0, 0, v->w, v->h - band};
        if (path && !failed(v, v->idle.attract_ex, report))
            image(s, area, path, f, FIT_CONTAIN, v->idle.attract_ex, report);
        const char *t = loc_get(&ex->title, lang, ex);
        if (t)
            block(s, v, t, (Rect){(int)(60 * u), v->h - band + (int)(16 * u), v->w - (int)(120 * u), band / 3},
                  (int)(34 * u), (int)(22 * u), FONT_REGULAR, COL_DIM, ALIGN_CENTER);
    }
    const char *call = ui_text(UI_TOUCH_TO_BEGIN, lang);
    block(s, v, call, (Rect){(int)(60 * u), v->h - band * 2 / 3, v->w - (int)(120 * u), band / 2}, (int)(56 * u),
          (int)(30 * u), FONT_BOLD, COL_ACCENT, ALIGN_CENTER);
    hit(s, (Rect){0, 0, v->w, v->h}, ACT_NONE, 0);
}

/* ---- entry points ------------------------------------------------------- */

void scene_build(Scene *s, const SceneView *v)
{
    scene_reset(s);
    if (v->w <= 0 || v->h <= 0)
        return;
    float u = scale_of(v);
    bool slide_ok = v->screen == SCREEN_SLIDE && v->lib && v->exhibition >= 0 &&
                    v->exhibition < v->lib->n && v->slide >= 0 &&
                    v->slide < v->lib->items[v->exhibition]->n_slides;
    if (v->idle.phase == IDLE_ATTRACT) {
        build_attract(s, v, u);
        return;
    }
    if (v->screen == SCREEN_ADMIN)
        build_admin(s, v, u);
    else if (slide_ok && v->lecture.on)
        build_lecture(s, v, u);
    else if (slide_ok)
        build_moving_slide(s, v, u);
    else
        build_home(s, v, u);
    if ((!v->lecture.on && !v->hide_language) || v->screen == SCREEN_ADMIN)
        lang_buttons(s, v, u);
    if (v->idle.phase == IDLE_WARNING)
        idle_warning(s, v, u);
}

const char *scene_text(const Scene *s, const DrawItem *it)
{
    return s->arena + it->text_off;
}

const HitTarget *scene_hit(const Scene *s, float x, float y)
{
    for (int i = s->n_hits - 1; i >= 0; i--)
        if (rect_contains(s->hits[i].r, x, y))
            return &s->hits[i];
    return NULL;
}

const DrawItem *scene_find_text(const Scene *s, const char *needle)
{
    for (int i = 0; i < s->n; i++)
        if (s->items[i].kind == DRAW_TEXT && strstr(scene_text(s, &s->items[i]), needle))
            return &s->items[i];
    return NULL;
}

void scene_build_message(Scene *s, const SceneView *v, const char *title, const char *body)
{
    scene_reset(s);
    if (v->w <= 0 || v->h <= 0)
        return;
    float u = scale_of(v);
    int bw = v->w * 3 / 4, x = (v->w - bw) / 2;
    int y = v->h / 3;
    y += block(s, v, title, (Rect){x, y, bw, v->h / 5}, (int)(60 * u), (int)(30 * u), FONT_BOLD, COL_ACCENT,
               ALIGN_CENTER);
    block(s, v, body, (Rect){x, y + (int)(40 * u), bw, v->h / 3}, (int)(40 * u), (int)(22 * u),
          FONT_REGULAR, COL_TEXT, ALIGN_CENTER);
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
    SlideText t;
    slide_text(v, ex, &ex->slides[slide], lang, scale_of(v), &t);
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

/* ---- building blocks for other pages ------------------------------------------ */

void scene_begin_page(Scene *s, Color background)
{
    scene_reset(s);
    s->clear = background;
}

void scene_add_rect(Scene *s, Rect r, Color c)
{
    rect(s, r, c);
}

void scene_add_frame(Scene *s, Rect r, Color c, int thick)
{
    frame(s, r, c, thick);
}

int scene_add_text(Scene *s, const Measure *m, const char *t, Rect box, int px_max, int px_min,
                   FontStyle st, Color c, int align)
{
    SceneView v = {.measure = m};
    Align al = align == SCENE_ALIGN_CENTER ? ALIGN_CENTER : align == SCENE_ALIGN_RIGHT ? ALIGN_RIGHT
                                                                                       : ALIGN_LEFT;
    return block(s, &v, t, box, px_max, px_min, st, c, al);
}

/* ---- --preview: the problems banner --------------------------------------- */

#define PROBLEM_MAX_LINES 3      /* lines one problem may wrap to; more end with "…" */

void scene_build_problems(Scene *s, const SceneView *v, const char *title,
                          const char *const *lines, int n, const char *footer)
{
    scene_reset(s);
    if (v->w <= 0 || v->h <= 0)
        return;
    float u = scale_of(v);
    const Measure *m = v->measure;
    const char *lang = lang_code(v);
    int margin = (int)(60 * u), width = v->w - 2 * margin;
    int px = (int)(30 * u) > 8 ? (int)(30 * u) : 8;
    int lh = m->line_height(m->ctx, px, FONT_REGULAR);
    /* the title on a band that says "stop" without shouting */
    int band = (int)(150 * u);
    rect(s, (Rect){0, 0, v->w, band}, (Color){122, 38, 30, 255});
    int y = (int)(24 * u);
    y += block(s, v, title, (Rect){margin, y, width, band / 2}, (int)(50 * u), (int)(28 * u), FONT_BOLD,
               COL_WHITE, ALIGN_LEFT);
    if (footer)
        block(s, v, footer, (Rect){margin, y + (int)(6 * u), width, band - y}, (int)(32 * u), (int)(20 * u),
              FONT_REGULAR, COL_WHITE, ALIGN_LEFT);
    y = band + (int)(30 * u);
    int bottom = v->h - (int)(30 * u) - lh; /* room for "and N more" */
    int shown = 0;
    for (; shown < n; shown++) {
        TextBlock tb = {.px = px, .line_h = lh};
        bool more = false;
        tb.n = layout_wrap(m, px, FONT_REGULAR, lines[shown], width, tb.lines, PROBLEM_MAX_LINES, &more);
        tb.truncated = more;
        bool last = shown == n - 1;
        if (y + tb.n * lh > (last ? v->h - (int)(30 * u) : bottom))
            break;
        y += emit_block(s, v, lines[shown], &tb, (Rect){margin, y, width, tb.n * lh}, FONT_REGULAR, COL_TEXT,
                        ALIGN_LEFT);
        y += (int)(14 * u);
    }
    if (shown < n) {
        char more[160];
        snprintf(more, sizeof more, "%s%d%s", ui_text(UI_MORE_BEFORE, lang), n - shown,
                 ui_text(UI_MORE_AFTER, lang));
        text_at(s, v, margin, y, more, strlen(more), px, FONT_BOLD, COL_ACCENT);
    }
}
