/* SPDX-License-Identifier: GPL-3.0-or-later */
/* soakrun.h - running the soak test (harness/core/soak.h) in a replay: the
 * script written and put into the replay, its steps followed so that a crash
 * names the seed and the step, and the two measurements compared. Test
 * harness (src/harness/README.md).
 *
 * The replay driver (platform/replayer.c) runs the soak's commands like any
 * others; at the soak's two known states it empties its caches and measures what is alive
 * (SoakMeasure), and this module says whether the two agree.
 */
#ifndef VITRINE_HARNESS_SOAKRUN_H
#define VITRINE_HARNESS_SOAKRUN_H

#include <stdbool.h>

#include "core/replay.h"
#include "core/settings.h"
#include "harness/core/soak.h"

typedef struct SoakRun SoakRun;

/* What is alive in the known state. */
typedef struct {
    int allocations;             /* SDL_GetNumAllocations(): SDL's, SDL_ttf's, SDL_image's */
    int textures;                /* texcount_live() */
    int loads;                   /* hot reloads so far (hotreload_loads) */
    char state[1024];            /* the state line (show_state_json) */
} SoakMeasure;

/* Write the script for sc->cmds[at] (a soak command of the script at
 * script_path) for a kiosk with settings st (idle times, PIN, languages) and
 * put it into sc after it (soak_expand). With VITRINE_SOAK_SCRIPT=FILE in
 * the environment the script is also written to FILE. Until soakrun_free(),
 * a crash names the seed and the step (line) it came at. NULL with a
 * message on stderr when it cannot be written. */
SoakRun *soakrun_start(ReplayScript *sc, int at, const char *script_path, const Settings *st);
/* Ends the crash reports. NULL is fine. */
void soakrun_free(SoakRun *r);

/* The replay is about to run c (from the soak or not; r may be NULL). */
void soakrun_step(SoakRun *r, const ReplayCmd *c);
/* After a step: time to draw a frame (every SOAK_DRAW_EVERY steps)? */
bool soakrun_draw_due(SoakRun *r);
/* Something went wrong at the current step: say so, with the seed. */
void soakrun_failed(SoakRun *r, const char *why);

/* Before measuring (the caller has just pumped the event queue): room for
 * SOAK_EVENT_ROOM events in SDL's queue, whose entries SDL keeps for reuse
 * until it quits, as many as were ever queued at once; so only a queue that
 * held more shows as growth. */
void soakrun_event_room(SoakRun *r);
/* The measurement at the first known state. */
void soakrun_begin(SoakRun *r, const SoakMeasure *m);
/* At the second: print inputs, reloads, allocations and textures before
 * and after; false (and a message naming the seed) when they differ, when
 * the state differs (what the last lecture left for the next, its clock,
 * timer overlay and overview selection, is not compared) or when not every
 * change was loaded in a reload of its own. */
bool soakrun_end(SoakRun *r, const SoakMeasure *m);

#endif
