/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stats_chart.c - see stats_chart.h */
#include "stats_chart.h"

#include <stdio.h>
#include <string.h>

#include "lang.h"

static const Color PAGE = {255, 255, 255, 255};
static const Color INK = {28, 28, 32, 255};
static const Color DIM = {105, 105, 114, 255};
static const Color GRID = {220, 220, 226, 255};
static const Color BAR = {52, 101, 164, 255};
/* one a language, in the order the report met them */
static const Color LANG_COLORS[] = {
    {52, 101, 164, 255}, {226, 132, 36, 255}, {76, 154, 84, 255}, {146, 88, 168, 255},
    {198, 64, 64, 255},  {38, 146, 158, 255}, {150, 140, 50, 255}, {120, 120, 128, 255},
};
#define N_LANG_COLORS (int)(sizeof LANG_COLORS / sizeof LANG_COLORS[0])

#define MARGIN 48
#define LABEL_W 560             /* "3. Slide title" before each bar */
#define BAR_X (MARGIN + LABEL_W + 16)
#define BAR_MAX_W 820
#define ROW_H 30
#define PLOT_H 300              /* visits per day */
#define AXIS_W 60

/* One line of text in box (cut with "…" when too long). */
static void line(Scene *s, const Measure *m, const char *t, Rect box, int px, FontStyle st, Color c,
                 int align)
{
    box.h = m->line_height(m->ctx, px, st);
    scene_add_text(s, m, t, box, px, px, st, c, align);
}

static int width(const Measure *m, const char *t, int px, FontStyle st)
{
    return m->width(m->ctx, px, st, t, strlen(t));
}

/* ---- time on each slide ------------------------------------------------------ */

static int64_t median_ms(const StatsValues *v)
{
    return (int64_t)(stats_median(v) + 0.5);
}

static int dwell_section(Scene *s, const StatsReport *r, const Library *lib, const char *lang,
                         const Measure *m, int y)
{
    int content_w = STATS_CHART_W - 2 * MARGIN;
    line(s, m, lang_text(UI_CHART_DWELL, lang), (Rect){MARGIN, y, content_w, 0}, 28, FONT_BOLD, INK,
         SCENE_ALIGN_LEFT);
    y += 48;
    int64_t max = 1000;
    for (int i = 0; i < r->n_ex; i++)
        for (int k = 0; k < r->ex[i].n_slide; k++)
            if (median_ms(&r->ex[i].slide[k].dwell) > max)
                max = median_ms(&r->ex[i].slide[k].dwell);
    for (int i = 0; i < r->n_ex; i++) {
        const StatsExSum *e = &r->ex[i];
        int li = lib ? library_find(lib, e->id) : -1;
        const Exhibition *ex = li >= 0 ? lib->items[li] : NULL;
        const char *title = ex ? loc_get(&ex->title, lang, ex) : NULL;
        char head[512];
        snprintf(head, sizeof head, "%s  ·  %s: %d", title ? title : e->id,
                 lang_text(UI_CHART_VISITS, lang), e->visits);
        line(s, m, head, (Rect){MARGIN, y, content_w, 0}, 24, FONT_BOLD, INK, SCENE_ALIGN_LEFT);
        y += 40;
        int n = e->slides > e->n_slide ? e->slides : e->n_slide;
        for (int k = 1; k <= n; k++) {
            const StatsSlideSum *sl = k <= e->n_slide ? &e->slide[k - 1] : NULL;
            const char *st = ex && k <= ex->n_slides ? loc_get(&ex->slides[k - 1].title, lang, ex) : NULL;
            char label[512];
            snprintf(label, sizeof label, "%d. %s", k, st ? st : "");
            line(s, m, label, (Rect){MARGIN, y + 2, LABEL_W, 0}, 20, FONT_REGULAR, INK, SCENE_ALIGN_LEFT);
            scene_add_rect(s, (Rect){BAR_X, y, 1, ROW_H}, GRID);
            int bw = 0;
            char value[32] = "—";
            if (sl && sl->dwell.n > 0) {
                int64_t med = median_ms(&sl->dwell);
                bw = (int)((double)BAR_MAX_W * (double)med / (double)max + 0.5);
                if (bw > 0)
                    scene_add_rect(s, (Rect){BAR_X, y + 5, bw, ROW_H - 10}, BAR);
                stats_format_ms(med, value, sizeof value);
            }
            line(s, m, value, (Rect){BAR_X + bw + 10, y + 4, 120, 0}, 18, FONT_REGULAR, DIM,
                 SCENE_ALIGN_LEFT);
            y += ROW_H;
        }
        y += 20;
    }
    return y;
}

/* ---- visits per day ----------------------------------------------------------- */

/* The smallest 1, 2 or 5 x 10^k step such that 4 steps reach max. */
static int nice_step(int max)
{
    for (int p = 1;; p *= 10)
        for (int f = 1; f <= 5; f += f == 1 ? 1 : 3)
            if (f * p * 4 >= max || p > 100000000)
                return f * p;
}

/* A language's label, as on its button (ҚАЗ, 中文, Deutsch; lang.h). */
static const char *lang_name(const char *code)
{
    return lang_label(code);
}

static int days_section(Scene *s, const StatsReport *r, const char *lang, const Measure *m, int y)
{
    int content_w = STATS_CHART_W - 2 * MARGIN;
    line(s, m, lang_text(UI_CHART_PER_DAY, lang), (Rect){MARGIN, y, content_w, 0}, 28, FONT_BOLD, INK,
         SCENE_ALIGN_LEFT);
    y += 48;
    /* the legend */
    int x = MARGIN + AXIS_W;
    for (int i = 0; i < r->n_lang; i++) {
        const char *name = lang_name(r->lang[i].code);
        scene_add_rect(s, (Rect){x, y + 4, 18, 18}, LANG_COLORS[i % N_LANG_COLORS]);
        line(s, m, name, (Rect){x + 26, y, 200, 0}, 20, FONT_REGULAR, INK, SCENE_ALIGN_LEFT);
        x += 26 + width(m, name, 20, FONT_REGULAR) + 32;
    }
    y += 44;
    int max = 0;
    for (int d = 0; d < r->n_day; d++) {
        int t = 0;
        for (int i = 0; i < r->n_lang; i++)
            t += r->day[d].visits[i];
        max = t > max ? t : max;
    }
    int x0 = MARGIN + AXIS_W, x1 = STATS_CHART_W - MARGIN, bottom = y + PLOT_H;
    if (max == 0) {
        line(s, m, lang_text(UI_CHART_NO_VISITS, lang), (Rect){x0, y + PLOT_H / 2 - 12, x1 - x0, 0}, 22,
             FONT_REGULAR, DIM, SCENE_ALIGN_CENTER);
        return bottom + 40;
    }
    int step = nice_step(max);
    for (int g = 0; g <= 4; g++) {
        int gy = bottom - g * PLOT_H / 4;
        char num[16];
        snprintf(num, sizeof num, "%d", g * step);
        scene_add_rect(s, (Rect){x0, gy, x1 - x0, 1}, g ? GRID : INK);
        line(s, m, num, (Rect){MARGIN, gy - 10, AXIS_W - 10, 0}, 16, FONT_REGULAR, DIM, SCENE_ALIGN_RIGHT);
    }
    int slot = (x1 - x0) / (r->n_day > 0 ? r->n_day : 1);
    int bw = slot * 7 / 10 < 48 ? slot * 7 / 10 : 48;
    int label_w = width(m, "00-00", 16, FONT_REGULAR) + 12;
    int every = slot >= label_w ? 1 : (label_w + slot - 1) / (slot > 0 ? slot : 1);
    for (int d = 0; d < r->n_day; d++) {
        int cx = x0 + d * slot + slot / 2, yy = bottom;
        for (int i = 0; i < r->n_lang; i++) {
            int bh = r->day[d].visits[i] * PLOT_H / (4 * step);
            if (bh > 0)
                scene_add_rect(s, (Rect){cx - bw / 2, yy - bh, bw > 1 ? bw : 1, bh},
                               LANG_COLORS[i % N_LANG_COLORS]);
            yy -= bh;
        }
        if (d % every == 0)
            line(s, m, r->day[d].date + 5, (Rect){cx - label_w / 2, bottom + 8, label_w, 0}, 16,
                 FONT_REGULAR, DIM, SCENE_ALIGN_CENTER);
    }
    return bottom + 40;
}

/* ---- the page ----------------------------------------------------------------- */

void stats_chart_build(Scene *s, const StatsReport *r, const Library *lib, const char *lang,
                       const Measure *m, int *h)
{
    scene_begin_page(s, PAGE);
    int content_w = STATS_CHART_W - 2 * MARGIN;
    int y = 40;
    line(s, m, lang_text(UI_CHART_TITLE, lang), (Rect){MARGIN, y, content_w, 0}, 40, FONT_BOLD, INK,
         SCENE_ALIGN_LEFT);
    y += 60;
    char sub[128];
    snprintf(sub, sizeof sub, "%s – %s  ·  %s: %d", r->from[0] ? r->from : r->first,
             r->to[0] ? r->to : r->last, lang_text(UI_CHART_VISITS, lang), r->visits);
    line(s, m, sub, (Rect){MARGIN, y, content_w, 0}, 24, FONT_REGULAR, DIM, SCENE_ALIGN_LEFT);
    y += 56;
    y = dwell_section(s, r, lib, lang, m, y);
    y += 16;
    y = days_section(s, r, lang, m, y);
    *h = y;
}
