/* lecture_timer.h - elapsed and remaining lecture time on a clock passed in.
 *
 * A plain value type: copy it, keep it in a struct, no allocation. All times
 * are milliseconds of the caller's monotonic (or virtual) clock.
 */
#ifndef VITRINE_LECTURE_TIMER_H
#define VITRINE_LECTURE_TIMER_H

#include <stdbool.h>
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

#endif
