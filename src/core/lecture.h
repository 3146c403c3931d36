/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lecture.h - a lecture on its slides: blanking, the overview grid,
 * "number + Enter", the timer and its per-slide budgets, the rehearsal
 * record.
 *
 * A small state machine like idle.h: keys, actions and time in, what
 * happened out (a slide to go to, what needs redrawing). It never calls
 * into the show and does not know which slide is shown unless told.
 */
#ifndef VITRINE_LECTURE_H
#define VITRINE_LECTURE_H

#include <stdbool.h>
#include <stdint.h>

#include "action.h"
#include "event.h"
#include "lecture_timer.h"
#include "manifest.h"
#include "rehearsal.h"
#include "scene.h"

#define LECTURE_GOTO_TIMEOUT_MS 4000 /* digits typed for "number + Enter" are forgotten after this */
#define LECTURE_GOTO_MAX_DIGITS 4

/* What needs redrawing after a call (bits). */
#define LECTURE_REDRAW 1u            /* the audience's scene */
#define LECTURE_REDRAW_PRESENTER 2u  /* the presenter view */

typedef struct {
    LectureTimer timer;
    int warn_min, alert_min;  /* timer colour points */
    Blank blank;
    bool overview;            /* the grid of all slides */
    int overview_sel;
    bool timer_overlay;       /* the small timer on the audience screen */
    bool overlay_default;     /* the overlay as the settings have it at the start */
    int goto_num, goto_digits; /* "number + Enter" typed so far */
    uint64_t goto_t;          /* ms: when the last digit was typed */
    int *budgets;             /* lecture_s of each slide of the exhibition, owned */
    int n_budgets;
    bool has_budgets;         /* any of them set */
    Rehearsal rec;            /* the record of this lecture, while recording */
    bool recording;
    char started[32];         /* wall-clock start for the record, ISO 8601 */
    int64_t shown_second;     /* timer second last drawn */
} Lecture;

/* The timer's colour points (0, 0 = 5 and 1 minutes), the overlay at start,
 * and the wall-clock start for rehearsal records (NULL: none). */
void lecture_init(Lecture *l, int warn_min, int alert_min, bool overlay, const char *started);
void lecture_free(Lecture *l);
/* Exhibition ex opens (minutes planned): timer, blank, overview and digits
 * start again, its budgets are read; `record` starts a rehearsal record
 * (an earlier one is dropped). ex must outlive the record. */
void lecture_open(Lecture *l, const Exhibition *ex, int minutes, bool record);
/* ex, after a hot reload, replaces the exhibition (NULL: it is gone). */
void lecture_reload(Lecture *l, const Exhibition *ex);
/* The lecture ends; `keep` when vitrine goes on lecturing (it was started
 * so): otherwise nothing of it carries into the kiosk or the next lecture.
 * Drop the record first (lecture_take_record). */
void lecture_end(Lecture *l, bool keep);
/* The record, if recording, and stop recording: the caller saves it, then
 * frees it with rehearsal_free. false when there was none. */
bool lecture_take_record(Lecture *l, Rehearsal *out);
/* The lecture moves from slide `from` to `to`: moving on starts the timer
 * the first time. */
void lecture_moving(Lecture *l, int from, int to, uint64_t now);
/* While the screen is blank, paging (act) only brings the slide back, so
 * the audience does not miss the slide that was hidden: true if it did. */
bool lecture_unblank(Lecture *l, Action act, unsigned *redraw);
/* A lecture action (blanking, start/stop, overview, timer) on slide `slide`
 * at now. Returns LECTURE_REDRAW* bits. */
unsigned lecture_action(Lecture *l, Action act, int slide, uint64_t now);
/* The overview grid closes (the admin screen opens, a slide is chosen, the
 * visitor walked away). */
void lecture_close_overview(Lecture *l);
/* Select slide sel (clamped to n) in the overview. */
unsigned lecture_overview_select(Lecture *l, int sel, int n);
/* "Number + Enter" (keys, with the overview closed): returns true if the
 * key was taken; *go_to is then the 0-based slide to go to, or -1. */
bool lecture_goto_key(Lecture *l, const Event *ev, int *go_to, unsigned *redraw);
/* A timer event at now: digits typed too long ago are forgotten. */
unsigned lecture_expire(Lecture *l, uint64_t now);
/* Any event at now while the lecture's slide is on screen: the timer's
 * second may have moved on. */
unsigned lecture_tick(Lecture *l, uint64_t now);
/* Milliseconds until lecture_expire or lecture_tick have something to do;
 * `shown`: the lecture's slide is on screen; `presenter` when a presenter view shows the timer. */
uint64_t lecture_next_deadline(const Lecture *l, uint64_t now, bool shown, bool presenter);
/* What the scene draws of it on slide `slide` of n; notes_lang is not copied. */
LectureView lecture_view(const Lecture *l, uint64_t now, int slide, const char *notes_lang);

#endif
