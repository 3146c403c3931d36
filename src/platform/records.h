/* SPDX-License-Identifier: GPL-3.0-or-later */
/* records.h - what vitrine writes down as it runs: a lecture's record of
 * time per slide (rehearsal.h) and the visitor statistics (stats.h,
 * stats_log.h) into the state folder, and the state file for monitoring.
 *
 * Replays keep their files only where --state-dir tells them, and take
 * their wall clock from the virtual one so that their logs never change.
 */
#ifndef VITRINE_PLATFORM_RECORDS_H
#define VITRINE_PLATFORM_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/rehearsal.h"
#include "core/settings.h"
#include "core/show.h"
#include "core/stats.h"
#include "core/stats_log.h"

#define RECORDS_REPLAY_EPOCH 1767243600      /* replays' wall clock starts at 2026-01-01T10:00:00+05:00 */
#define RECORDS_REPLAY_UTC_OFFSET (5 * 3600) /* (Kazakhstan's time), so their logs never change */

typedef struct {
    const char *state_dir;       /* --state-dir, or NULL: the settings' (not in replays) */
    const Settings *settings;    /* borrowed; outlives the records */
    bool virtual_clock;          /* a replay: times are the virtual clock's ms */
    const char *stamp;           /* start time for file names, 20261125-190300; borrowed */
    Stats *stats;                /* visitor statistics: the show observed */
    StatsLog log;                /* and written to the state folder */
    int log_state;               /* 0 = not decided yet, 1 = writing, -1 = not here */
    char last_state[1024];       /* what was last written to the state file */
} Records;

/* A lecture's record r (NULL or empty is fine: nothing is written) into
 * the state folder, named after the start stamp. */
void records_lecture(Records *r, const Rehearsal *rh);
/* Start the statistics; follow with records_observe() for the start. */
void records_begin(Records *r);
/* After each event the show handled; `now` is ms on the app's clock. */
void records_observe(Records *r, const Show *show, uint64_t now);
/* The wall clock "HH:MM" for the presenter view: real, or in replays
 * derived from the virtual clock's now (from 10:00, as the statistics'),
 * so screenshots do not change by the hour. */
void records_clock(const Records *r, uint64_t now, char *buf, size_t n);
/* For monitoring and end-to-end tests (--state-file): the show's state
 * JSON into path (NULL: nothing), replaced atomically whenever it changes. */
void records_state_file(Records *r, const char *path, const Show *show, uint64_t now);
/* The last visit ends; the log is closed. Safe without records_begin(). */
void records_end(Records *r, uint64_t now);

#endif
