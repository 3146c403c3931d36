/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lecture_timer.c - see lecture_timer.h */
#include "lecture_timer.h"

#include <stdio.h>

void ltimer_init(LectureTimer *t, int64_t planned_ms)
{
    *t = (LectureTimer){.planned_ms = planned_ms > 0 ? planned_ms : 0};
}

void ltimer_start(LectureTimer *t, uint64_t now)
{
    if (t->running)
        return;
    t->started_at = now;
    t->running = true;
}

void ltimer_pause(LectureTimer *t, uint64_t now)
{
    if (!t->running)
        return;
    t->banked_ms = ltimer_elapsed(t, now);
    t->running = false;
}

void ltimer_reset(LectureTimer *t)
{
    t->banked_ms = 0;
    t->running = false;
}

int64_t ltimer_elapsed(const LectureTimer *t, uint64_t now)
{
    int64_t e = t->banked_ms;
    if (t->running && now > t->started_at)
        e += (int64_t)(now - t->started_at);
    return e;
}

int64_t ltimer_remaining(const LectureTimer *t, uint64_t now)
{
    return t->planned_ms - ltimer_elapsed(t, now);
}

LtLevel ltimer_level(const LectureTimer *t, uint64_t now, int warn_min, int alert_min)
{
    if (t->planned_ms <= 0)
        return LT_NORMAL;
    int64_t left = ltimer_remaining(t, now);
    if (left < 0)
        return LT_OVER;
    if (left <= (int64_t)alert_min * 60000)
        return LT_ALERT;
    if (left <= (int64_t)warn_min * 60000)
        return LT_WARN;
    return LT_NORMAL;
}

void ltimer_format(int64_t ms, char *buf, size_t n)
{
    const char *sign = ms < 0 ? "+" : "";
    int64_t s = (ms < 0 ? -ms : ms) / 1000;
    if (s >= 3600)
        snprintf(buf, n, "%s%lld:%02lld:%02lld", sign, (long long)(s / 3600), (long long)(s / 60 % 60),
                 (long long)(s % 60));
    else
        snprintf(buf, n, "%s%02lld:%02lld", sign, (long long)(s / 60), (long long)(s % 60));
}

int64_t ltimer_pacing(const int *budgets_s, int n, int slide, int64_t elapsed)
{
    if (!budgets_s || slide < 0 || slide >= n)
        return 0;
    int64_t start = 0;
    for (int i = 0; i < slide; i++)
        start += (int64_t)budgets_s[i] * 1000;
    int64_t end = start + (int64_t)budgets_s[slide] * 1000;
    if (elapsed < start)
        return elapsed - start; /* ahead: negative */
    if (elapsed > end)
        return elapsed - end;   /* behind */
    return 0;
}
