/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet.c - see sheet.h */
#include "sheet.h"

#include <stdio.h>
#include <string.h>

static const Color PAGE = {255, 255, 255, 255};
static const Color INK = {28, 28, 32, 255};
static const Color DIM = {105, 105, 114, 255};
static const Color RULE = {200, 200, 206, 255};
static const Color HOLDER = {236, 236, 240, 255};
static const Color CARD = {28, 28, 32, 255};     /* a text slide, dark as on the kiosk */
static const Color CARD_TEXT = {238, 234, 226, 255};
static const Color PROBLEM = {196, 36, 36, 255};
static const Color GOOD = {46, 125, 50, 255};

#define MARGIN 60
#define GAP_X 30
#define GAP_Y 22
#define TOP 180                 /* the grid starts below the heading */
#define CELL_W ((SHEET_W - 2 * MARGIN - (SHEET_COLS - 1) * GAP_X) / SHEET_COLS)
#define THUMB_H (CELL_W * 9 / 16) /* a 16:9 screen */
#define CELL_H 356
#define TITLE_PX 19
#define PROBLEM_PX 16
#define FRAME 4                 /* the red frame of a slide with problems */

int sheet_pages(const Exhibition *ex)
{
    return ex && ex->n_slides > 0 ? (ex->n_slides + SHEET_PER_PAGE - 1) / SHEET_PER_PAGE : 1;
}

void sheet_thumb_size(int *w, int *h)
{
    *w = CELL_W;
    *h = THUMB_H;
}

/* ---- problems ------------------------------------------------------------------ */

#define ADD(...)                                                                    \
    do {                                                                            \
        if (n < max)                                                                \
            snprintf(lines[n++], sizeof lines[0], __VA_ARGS__);                     \
    } while (0)

int sheet_problems(const SheetView *v, int k, char lines[][160], int max)
{
    const Exhibition *ex = v->ex;
    const Slide *sl = &ex->slides[k];
    int n = 0;
    /* texts visitors would read in another language */
    char missing[64] = "";
    const struct { const Localized *l; const char *name; } fields[] = {
        {&sl->title, "title"}, {&sl->caption, "caption"}, {&sl->text, "text"}};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i].l->n > 0 && !loc_has(fields[i].l, v->lang))
            snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "%s%s",
                     missing[0] ? ", " : "", fields[i].name);
    if (missing[0])
        ADD("no \"%s\" translation: %s", v->lang, missing);
    if (sl->image && sl->caption.n == 0 && sl->text.n == 0)
        ADD("no caption");
    const char *why = sl->image && v->image_problem ? v->image_problem(v->ctx, k) : NULL;
    if (why)
        ADD("picture %s: %s", sl->image, why);
    SceneView fit = {.w = v->screen_w, .h = v->screen_h, .measure = v->measure,
                     .large_text = v->large_text, .captions = true};
    int over = 0;
    const char *what = sl->image && sl->caption.n > 0 ? "caption" : "text";
    if (!scene_caption_fits(&fit, ex, k, v->lang, &over)) {
        if (over > 0)
            ADD("%s too long at %dx%d: %d line%s over", what, v->screen_w, v->screen_h, over,
                over == 1 ? "" : "s");
        else
            ADD("no room for the %s at %dx%d", what, v->screen_w, v->screen_h);
    }
    return n;
}

#undef ADD

/* ---- the page -------------------------------------------------------------------- */

static int line_h(const SheetView *v, int px, FontStyle st)
{
    return v->measure->line_height(v->measure->ctx, px, st);
}

/* One line of text at (x, y), at most w wide (cut with "…"). */
static void line(Scene *s, const SheetView *v, const char *t, int x, int y, int w, int px,
                 FontStyle st, Color c, int align)
{
    scene_add_text(s, v->measure, t, (Rect){x, y, w, line_h(v, px, st)}, px, px, st, c, align);
}

/* What takes a picture's place: a text slide's card, or a placeholder. */
static void stand_in(Scene *s, const SheetView *v, const Slide *sl, Rect r)
{
    if (!sl->image) {
        scene_add_rect(s, r, CARD);
        const char *body = loc_get(&sl->text, v->lang, v->ex);
        int pad = 14;
        scene_add_text(s, v->measure, body, (Rect){r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad},
                       15, 13, FONT_REGULAR, CARD_TEXT, SCENE_ALIGN_LEFT);
        return;
    }
    scene_add_rect(s, r, HOLDER);
    int lh = line_h(v, 18, FONT_BOLD);
    line(s, v, "picture cannot be shown", r.x + 10, r.y + r.h / 2 - lh, r.w - 20, 18, FONT_BOLD,
         PROBLEM, SCENE_ALIGN_CENTER);
    line(s, v, sl->image, r.x + 10, r.y + r.h / 2 + 4, r.w - 20, 15, FONT_REGULAR, DIM,
         SCENE_ALIGN_CENTER);
}

static void cell(Scene *s, const SheetView *v, int k, int x, int y, SheetThumb *thumbs, int *n_thumbs)
{
    const Slide *sl = &v->ex->slides[k];
    char problems[SHEET_MAX_PROBLEMS][160];
    int np = sheet_problems(v, k, problems, SHEET_MAX_PROBLEMS);
    Rect box = {x, y, CELL_W, THUMB_H};
    bool picture = sl->image && !(v->image_problem && v->image_problem(v->ctx, k));
    if (picture) {
        scene_add_rect(s, box, HOLDER); /* behind the letterboxing */
        thumbs[(*n_thumbs)++] = (SheetThumb){k, box};
    } else {
        stand_in(s, v, sl, box);
    }
    if (np > 0)
        scene_add_frame(s, (Rect){x - FRAME, y - FRAME, CELL_W + 2 * FRAME, THUMB_H + 2 * FRAME},
                        PROBLEM, FRAME);
    else
        scene_add_frame(s, box, RULE, 1);
    /* the slide's number (as the kiosk and --check count), then its title
     * as visitors in this language read it; nothing lies over the picture */
    int ty = y + THUMB_H + 10;
    char num[16];
    snprintf(num, sizeof num, "%d", k + 1);
    int nw = v->measure->width(v->measure->ctx, TITLE_PX, FONT_BOLD, num, strlen(num)) + 14;
    int tl = line_h(v, TITLE_PX, FONT_BOLD);
    scene_add_rect(s, (Rect){x, ty, nw, tl}, np > 0 ? PROBLEM : INK);
    line(s, v, num, x, ty, nw, TITLE_PX, FONT_BOLD, PAGE, SCENE_ALIGN_CENTER);
    const char *title = loc_get(&sl->title, v->lang, v->ex);
    if (title)
        scene_add_text(s, v->measure, title, (Rect){x + nw + 10, ty, CELL_W - nw - 10, 2 * tl},
                       TITLE_PX, TITLE_PX, FONT_BOLD, INK, SCENE_ALIGN_LEFT);
    /* each problem on up to two lines, as long as the cell has room */
    int py = ty + 2 * tl + 6, pl = line_h(v, PROBLEM_PX, FONT_REGULAR);
    for (int i = 0; i < np && py + pl <= y + CELL_H; i++) {
        int room = y + CELL_H - py < 2 * pl ? pl : 2 * pl;
        py += scene_add_text(s, v->measure, problems[i], (Rect){x, py, CELL_W, room}, PROBLEM_PX,
                             PROBLEM_PX, FONT_REGULAR, PROBLEM, SCENE_ALIGN_LEFT);
    }
}

void sheet_build(Scene *s, const SheetView *v, int page, SheetThumb *thumbs, int *n_thumbs)
{
    const Exhibition *ex = v->ex;
    *n_thumbs = 0;
    scene_begin_page(s, PAGE);
    int content_w = SHEET_W - 2 * MARGIN;
    const char *title = loc_get(&ex->title, v->lang, ex);
    line(s, v, title ? title : ex->id, MARGIN, 48, content_w, 32, FONT_BOLD, INK, SCENE_ALIGN_LEFT);
    int pages = sheet_pages(ex), bad = 0;
    for (int k = 0; k < ex->n_slides; k++) {
        char p[SHEET_MAX_PROBLEMS][160];
        bad += sheet_problems(v, k, p, SHEET_MAX_PROBLEMS) > 0;
    }
    char info[256];
    snprintf(info, sizeof info, "%s  ·  %s  ·  %d slide%s  ·  captions fitted at %dx%d%s  ·  page %d of %d",
             ex->id, v->lang, ex->n_slides, ex->n_slides == 1 ? "" : "s", v->screen_w, v->screen_h,
             v->large_text ? ", large text" : "", page + 1, pages);
    line(s, v, info, MARGIN, 98, content_w, 19, FONT_REGULAR, DIM, SCENE_ALIGN_LEFT);
    char summary[96];
    if (bad)
        snprintf(summary, sizeof summary, "%d slide%s with problems: framed in red, listed under each",
                 bad, bad == 1 ? "" : "s");
    else
        snprintf(summary, sizeof summary, "no problems found");
    line(s, v, summary, MARGIN, 128, content_w, 19, FONT_BOLD, bad ? PROBLEM : GOOD, SCENE_ALIGN_LEFT);
    scene_add_rect(s, (Rect){MARGIN, TOP - 20, content_w, 1}, RULE);
    for (int i = 0; i < SHEET_PER_PAGE; i++) {
        int k = page * SHEET_PER_PAGE + i;
        if (k >= ex->n_slides)
            break;
        int x = MARGIN + (i % SHEET_COLS) * (CELL_W + GAP_X);
        int y = TOP + (i / SHEET_COLS) * (CELL_H + GAP_Y);
        cell(s, v, k, x, y, thumbs, n_thumbs);
    }
}
