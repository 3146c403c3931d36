/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lecture_timer.h - elapsed and remaining lecture time on a clock passed in.
 *
 * A plain value type: copy it, keep it in a struct, no allocation. All times
 * are milliseconds of the caller's monotonic (or virtual) clock.
 */
#ifndef VITRINE_LECTURE_TIMER_H
#define VITRINE_LECTURE_TIMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    int64_t planned_ms;   /* planned duration, 0 = none */
    int64_t banked_ms;    /* time accumulated before the current run */
    uint64_t started_at;  /* clock value when the current run began */
    bool running;
} LectureTimer;

void ltimer_init(LectureTimer *t, int64_t planned_ms);
void ltimer_start(LectureTimer *t, uint64_t now);   /* no-op when running */
void ltimer_pause(LectureTimer *t, uint64_t now);   /* no-op when paused */
void ltimer_reset(LectureTimer *t);                 /* back to 0, paused */
int64_t ltimer_elapsed(const LectureTimer *t, uint64_t now);
/* planned - elapsed; negative once the lecture overruns. */
int64_t ltimer_remaining(const LectureTimer *t, uint64_t now);

/* How the timer should look: by the time left against the warning points. */
typedef enum {
    LT_NORMAL,            /* more than warn_min left, or no plan */
    LT_WARN,              /* warn_min or less left */
    LT_ALERT,             /* alert_min or less left */
    LT_OVER,              /* past the planned end */
} LtLevel;

LtLevel ltimer_level(const LectureTimer *t, uint64_t now, int warn_min, int alert_min);

/* "mm:ss" (or "h:mm:ss" from an hour); negative values get a leading '+'
 * for overrun ("+02:10"), as the remaining time shows it. */
void ltimer_format(int64_t ms, char *buf, size_t n);

/* Pacing against per-slide budgets: how far behind (positive ms) or ahead
 * (negative) the lecture is on slide `slide` (0-based) after `elapsed` ms.
 * On time (0) while elapsed lies within the current slide's budget window:
 * [sum of earlier budgets, that + this slide's budget]. budgets_s[i] = 0
 * means the slide has no budget (it takes none of the plan). */
int64_t ltimer_pacing(const int *budgets_s, int n, int slide, int64_t elapsed);

#endif
