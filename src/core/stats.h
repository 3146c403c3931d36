/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stats.h - visitor statistics: the show, observed, as anonymous events.
 *
 * After every event the show handled, the platform passes a snapshot of it
 * (show_snapshot) with the monotonic time and the wall-clock time; the
 * observer compares it with the previous one and emits one JSON object per
 * thing that happened (docs/statistics.md has every field):
 *
 *   visit_start  a visitor's first touch or key after start-up, the attract
 *                loop or an idle reset
 *   visit_end    the idle reset (or a lecture, or vitrine ending)
 *   exhibition   an exhibition opened during a visit
 *   slide        a slide the visitor left, with how long it was shown (and
 *                on a film's slide how long the film played, how far it got)
 *   language     the visitor chose another language
 *   zoom         the visitor zoomed into a slide (emitted when it ends)
 *   captions     the caption panel hidden or shown
 *
 * Nothing is emitted outside a visit, and nothing at all in lecture mode
 * (an audience is not a visitor). No clock is read here; nothing is kept
 * about the person: no input positions, no keys, no identifiers.
 */
#ifndef VITRINE_STATS_H
#define VITRINE_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include "show.h"

#define STATS_ZOOMED 1.05 /* zoom above this counts as zoomed (a pinch's jitter does not) */

typedef enum {
    STATS_VISIT_START,
    STATS_VISIT_END,
    STATS_EXHIBITION,
    STATS_SLIDE,
    STATS_LANGUAGE,
    STATS_ZOOM,
    STATS_CAPTIONS,
} StatsKind;

typedef struct {
    StatsKind kind;
    const char *json;       /* one JSON object, no newline; valid during the call */
    const char *day;        /* "YYYY-MM-DD" of its time: the day file it belongs in */
} StatsLine;

typedef void (*StatsEmit)(void *ctx, const StatsLine *line);

typedef struct Stats Stats;

/* emit receives each line as it happens. NULL on out of memory. */
Stats *stats_create(StatsEmit emit, void *ctx);
void stats_free(Stats *st);

/* The show after an event: now in ms on the show's clock, wall the local
 * time as ISO 8601 with its offset, "2026-01-01T10:00:05+05:00" (only its
 * first 19 characters and the offset are used). The first call only takes
 * note of where things stand. */
void stats_observe(Stats *st, const ShowSnapshot *snap, uint64_t now, const char *wall);
/* vitrine is ending: a visit in progress ends here ("exit"). */
void stats_finish(Stats *st, uint64_t now, const char *wall);

#endif
