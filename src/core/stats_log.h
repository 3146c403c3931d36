/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stats_log.h - the visitor statistics on disk: one JSON line per event in
 * <state_dir>/stats/YYYY-MM-DD.jsonl, a new file each day (local time),
 * at most STATS_DAY_CAP bytes a day.
 *
 * Each line reaches the operating system when it is written (fflush), and
 * the file is synced to the disk at the end of every visit and on closing:
 * a power cut loses at most the visit in progress. A new day's file is
 * synced into its folder when it is made. A line a cut left half written
 * stays as it is (--report skips it with a warning); the next run starts a
 * new line after it, so nothing it writes is glued onto the half line.
 *
 * A problem (the folder cannot be made, the disk is full, the day's cap is
 * reached) is said once a day on the log stream and the kiosk goes on
 * without statistics.
 */
#ifndef VITRINE_STATS_LOG_H
#define VITRINE_STATS_LOG_H

#include <stdbool.h>
#include <stdio.h>

#define STATS_DIR "stats"
#define STATS_DAY_CAP (20L * 1024 * 1024) /* bytes a day; a busy kiosk writes well under 1 MB */

typedef struct {
    char *dir;          /* <state_dir>/stats; owned */
    long cap;           /* bytes a day */
    FILE *log;          /* where problems are said (stderr) */
    char day[11];       /* of the open file, "" = none */
    FILE *f;
    long bytes;         /* in the day's file */
    bool said;          /* a problem was said today: no more today */
} StatsLog;

/* Nothing is opened or created before the first line. cap 0 = STATS_DAY_CAP. */
void stats_log_init(StatsLog *l, const char *state_dir, long cap, FILE *log);
/* Append line (one JSON object, without newline) to day's file ("YYYY-MM-DD");
 * sync: make sure it is on the disk. false when it was not written. */
bool stats_log_write(StatsLog *l, const char *day, const char *line, bool sync);
/* Sync and close; the StatsLog may be initialised again. Safe twice. */
void stats_log_close(StatsLog *l);
/* Is day exactly "YYYY-MM-DD" (digits and dashes; the date itself is not checked)? */
bool stats_log_day_ok(const char *day);

#endif
