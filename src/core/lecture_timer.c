/* lecture_timer.c - see lecture_timer.h */
#include "lecture_timer.h"

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
