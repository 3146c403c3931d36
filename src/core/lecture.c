/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lecture.c - see lecture.h */
#include "lecture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- life cycle --------------------------------------------------------- */

void lecture_init(Lecture *l, int warn_min, int alert_min, bool overlay, const char *started)
{
    memset(l, 0, sizeof *l);
    l->warn_min = warn_min || alert_min ? warn_min : 5;
    l->alert_min = warn_min || alert_min ? alert_min : 1;
    l->timer_overlay = l->overlay_default = overlay;
    snprintf(l->started, sizeof l->started, "%s", started ? started : "");
    l->shown_second = -1;
    ltimer_init(&l->timer, 0);
}

static void drop_record(Lecture *l)
{
    if (l->recording)
        rehearsal_free(&l->rec);
    l->recording = false;
}

void lecture_free(Lecture *l)
{
    drop_record(l);
    free(l->budgets);
    l->budgets = NULL;
}

/* The lecture budgets (lecture_s) of ex's slides. */
static void load_budgets(Lecture *l, const Exhibition *ex)
{
    free(l->budgets);
    l->budgets = calloc((size_t)ex->n_slides, sizeof *l->budgets);
    l->n_budgets = ex->n_slides;
    l->has_budgets = false;
    for (int k = 0; l->budgets && k < ex->n_slides; k++) {
        l->budgets[k] = ex->slides[k].lecture_s;
        l->has_budgets |= l->budgets[k] > 0;
    }
}

void lecture_open(Lecture *l, const Exhibition *ex, int minutes, bool record)
{
    ltimer_init(&l->timer, (int64_t)minutes * 60000);
    l->blank = BLANK_NONE;
    l->overview = false;
    l->goto_num = l->goto_digits = 0;
    load_budgets(l, ex);
    drop_record(l);
    if (record)
        l->recording = rehearsal_begin(&l->rec, ex, (int64_t)minutes * 60000, l->started);
}

void lecture_reload(Lecture *l, const Exhibition *ex)
{
    if (!ex) {
        l->overview = false;
        l->blank = BLANK_NONE;
        free(l->budgets);
        l->budgets = NULL;
        l->n_budgets = 0;
        l->has_budgets = false;
        return;
    }
    load_budgets(l, ex);
    int n = ex->n_slides;
    l->overview_sel = n <= 0 || l->overview_sel < 0 ? 0 : l->overview_sel >= n ? n - 1 : l->overview_sel;
}

bool lecture_take_record(Lecture *l, Rehearsal *out)
{
    if (!l->recording)
        return false;
    *out = l->rec;
    /* the memory is the caller's now: nothing here may point into it */
    memset(&l->rec, 0, sizeof l->rec);
    l->rec.current = -1;
    l->recording = false;
    return true;
}

void lecture_end(Lecture *l, bool keep)
{
    drop_record(l);
    l->blank = BLANK_NONE;
    if (!keep) { /* nothing of this lecture carries into the kiosk or the next one */
        ltimer_init(&l->timer, 0);
        l->overview = false;
        l->overview_sel = 0;
        l->goto_num = l->goto_digits = 0;
        l->timer_overlay = l->overlay_default;
    }
}

/* ---- actions ---------------------------------------------------------------- */

void lecture_moving(Lecture *l, int from, int to, uint64_t now)
{
    if (to > from && !l->timer.running && ltimer_elapsed(&l->timer, now) == 0)
        ltimer_start(&l->timer, now);
}

static unsigned set_blank(Lecture *l, Blank b)
{
    if (l->blank == b)
        return 0;
    l->blank = b;
    return LECTURE_REDRAW | LECTURE_REDRAW_PRESENTER;
}

bool lecture_unblank(Lecture *l, Action act, unsigned *redraw)
{
    if (l->blank == BLANK_NONE || (act != ACT_NEXT && act != ACT_PREV && act != ACT_FIRST && act != ACT_LAST))
        return false;
    *redraw |= set_blank(l, BLANK_NONE);
    return true;
}

void lecture_close_overview(Lecture *l)
{
    l->overview = false;
}

unsigned lecture_overview_select(Lecture *l, int sel, int n)
{
    if (sel < 0)
        sel = 0;
    if (sel >= n)
        sel = n - 1;
    if (sel == l->overview_sel)
        return 0;
    l->overview_sel = sel;
    return LECTURE_REDRAW;
}

/* What a change to the timer redraws: the overlay if shown, the presenter view. */
static unsigned timer_changed(const Lecture *l)
{
    return (l->timer_overlay ? LECTURE_REDRAW : 0) | LECTURE_REDRAW_PRESENTER;
}

unsigned lecture_action(Lecture *l, Action act, int slide, uint64_t now)
{
    switch (act) {
    case ACT_BLACK:
        return set_blank(l, l->blank == BLANK_BLACK ? BLANK_NONE : BLANK_BLACK);
    case ACT_WHITE:
        return set_blank(l, l->blank == BLANK_WHITE ? BLANK_NONE : BLANK_WHITE);
    case ACT_START_STOP:
        /* Before the lecture has begun, "start" starts the timer on the
         * title slide; after that the button toggles presenting/blank. It
         * never quits. */
        if (!l->timer.running && ltimer_elapsed(&l->timer, now) == 0 && l->blank == BLANK_NONE) {
            ltimer_start(&l->timer, now);
            return timer_changed(l);
        }
        return set_blank(l, l->blank == BLANK_NONE ? BLANK_BLACK : BLANK_NONE);
    case ACT_OVERVIEW:
        l->overview = !l->overview;
        l->overview_sel = slide;
        return LECTURE_REDRAW;
    case ACT_TIMER_OVERLAY:
        l->timer_overlay = !l->timer_overlay;
        return LECTURE_REDRAW;
    case ACT_TIMER_PAUSE:
        if (l->timer.running)
            ltimer_pause(&l->timer, now);
        else
            ltimer_start(&l->timer, now);
        return timer_changed(l);
    case ACT_TIMER_RESET:
        ltimer_reset(&l->timer);
        return timer_changed(l);
    default:
        return 0;
    }
}

/* ---- "number + Enter" and time ------------------------------------------ */

static unsigned forget_digits(Lecture *l)
{
    l->goto_num = l->goto_digits = 0;
    return LECTURE_REDRAW | LECTURE_REDRAW_PRESENTER;
}

bool lecture_goto_key(Lecture *l, const Event *ev, int *go_to, unsigned *redraw)
{
    *go_to = -1;
    if (l->overview || ev->mods & (MOD_CTRL | MOD_ALT))
        return false;
    if (ev->key >= '0' && ev->key <= '9') {
        if (!ev->repeat && l->goto_digits < LECTURE_GOTO_MAX_DIGITS) {
            l->goto_num = l->goto_num * 10 + (ev->key - '0');
            l->goto_digits++;
            l->goto_t = ev->t;
            *redraw |= LECTURE_REDRAW | LECTURE_REDRAW_PRESENTER;
        }
        return true;
    }
    if (l->goto_digits == 0)
        return false;
    if (ev->key == KEY_ENTER) {
        int to = l->goto_num - 1;
        l->goto_num = l->goto_digits = 0;
        *redraw |= set_blank(l, BLANK_NONE) | LECTURE_REDRAW;
        *go_to = to < 0 ? 0 : to;
        return true;
    }
    if (ev->key == KEY_BACKSPACE || ev->key == KEY_ESCAPE) {
        if (ev->key == KEY_BACKSPACE && l->goto_digits > 1) {
            l->goto_num /= 10;
            l->goto_digits--;
            *redraw |= LECTURE_REDRAW | LECTURE_REDRAW_PRESENTER;
        } else {
            *redraw |= forget_digits(l);
        }
        return true;
    }
    return false;
}

unsigned lecture_expire(Lecture *l, uint64_t now)
{
    return l->goto_digits && now >= l->goto_t + LECTURE_GOTO_TIMEOUT_MS ? forget_digits(l) : 0;
}

unsigned lecture_tick(Lecture *l, uint64_t now)
{
    /* The second of elapsed time now shown changed: the timer must be redrawn. */
    int64_t sec = ltimer_elapsed(&l->timer, now) / 1000;
    if (sec == l->shown_second)
        return 0;
    l->shown_second = sec;
    return LECTURE_REDRAW_PRESENTER | (l->timer_overlay && l->blank == BLANK_NONE ? LECTURE_REDRAW : 0);
}

uint64_t lecture_next_deadline(const Lecture *l, uint64_t now, bool shown, bool presenter)
{
    uint64_t d = UINT64_MAX;
    if (l->goto_digits) {
        uint64_t at = l->goto_t + LECTURE_GOTO_TIMEOUT_MS;
        d = at > now ? at - now : 0;
    }
    /* A running timer that someone can see ticks once a second, no more. */
    bool seen = presenter || (l->timer_overlay && l->blank == BLANK_NONE);
    if (shown && l->timer.running && seen) {
        int64_t e = ltimer_elapsed(&l->timer, now);
        uint64_t to_next = (uint64_t)(1000 - e % 1000);
        if (to_next < d)
            d = to_next;
    }
    return d;
}

LectureView lecture_view(const Lecture *l, uint64_t now, int slide, const char *notes_lang)
{
    LectureView v = {0};
    v.on = true;
    v.blank = l->blank;
    v.overview = l->overview;
    v.overview_sel = l->overview_sel;
    v.timer_overlay = l->timer_overlay;
    v.elapsed_ms = ltimer_elapsed(&l->timer, now);
    v.remaining_ms = ltimer_remaining(&l->timer, now);
    v.planned_ms = l->timer.planned_ms;
    v.timer_running = l->timer.running;
    v.level = (int)ltimer_level(&l->timer, now, l->warn_min, l->alert_min);
    v.has_budgets = l->has_budgets;
    v.pacing_ms = ltimer_pacing(l->budgets, l->n_budgets, slide, v.elapsed_ms);
    v.goto_num = l->goto_digits ? l->goto_num : 0;
    v.notes_lang = notes_lang;
    return v;
}
