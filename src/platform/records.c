/* SPDX-License-Identifier: GPL-3.0-or-later */
/* records.c - see records.h */
#include "records.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/diag.h"
#include "core/lecture_report.h"

/* The state folder into dir, or "" where this run keeps no files. */
static void state_dir(const Records *r, char *dir, size_t n)
{
    if (r->state_dir)
        snprintf(dir, n, "%s", r->state_dir);
    else if (!r->virtual_clock)
        settings_state_dir(r->settings, dir, n);
    else
        dir[0] = '\0'; /* replays write only where they are told to */
}

void records_lecture(Records *r, const Rehearsal *rh)
{
    if (!rh || rh->total_ms <= 0)
        return;
    char dir[4096], path[4200];
    state_dir(r, dir, sizeof dir);
    if (!dir[0])
        return;
    rehearsal_file_name(dir, r->stamp, rh->exhibition, path, sizeof path);
    DiagList d = {0};
    if (rehearsal_write(rh, path, &d))
        fprintf(stderr, "vitrine: lecture record written to %s (vitrine --lecture-report %s)\n", path, path);
    diag_print(&d, stderr);
    diag_clear(&d);
}

/* Local time as ISO 8601 with its UTC offset, "2026-01-01T10:00:05+05:00":
 * real, or in replays derived from the virtual clock's now. */
static void wall_text(const Records *r, uint64_t now, char *buf, size_t n)
{
    struct tm tm;
    char date[32], zone[16] = "+0000";
    if (r->virtual_clock) {
        time_t t = (time_t)(RECORDS_REPLAY_EPOCH + RECORDS_REPLAY_UTC_OFFSET + (int64_t)(now / 1000));
        gmtime_r(&t, &tm);
        snprintf(zone, sizeof zone, "+%02d%02d", RECORDS_REPLAY_UTC_OFFSET / 3600,
                 RECORDS_REPLAY_UTC_OFFSET / 60 % 60);
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
        strftime(zone, sizeof zone, "%z", &tm); /* "+0500" */
    }
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf, n, "%s%.3s:%.2s", date, zone, strlen(zone) >= 5 ? zone + 3 : "00");
}

void records_clock(const Records *r, uint64_t now, char *buf, size_t n)
{
    if (r->virtual_clock) {
        uint64_t min = 10 * 60 + now / 60000;
        snprintf(buf, n, "%02u:%02u", (unsigned)(min / 60 % 24), (unsigned)(min % 60));
        return;
    }
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, n, "%H:%M", &tm);
}

/* Where the statistics go: the state folder, decided at the first line. */
static void stats_write(void *ctx, const StatsLine *line)
{
    Records *r = ctx;
    if (r->log_state == 0) {
        char dir[4096];
        state_dir(r, dir, sizeof dir);
        r->log_state = dir[0] ? 1 : -1;
        if (dir[0])
            stats_log_init(&r->log, dir, 0, stderr);
    }
    if (r->log_state > 0)
        stats_log_write(&r->log, line->day, line->json, line->kind == STATS_VISIT_END);
}

void records_begin(Records *r)
{
    r->stats = stats_create(stats_write, r);
}

void records_observe(Records *r, const Show *show, uint64_t now)
{
    if (!r->stats)
        return;
    ShowSnapshot snap;
    show_snapshot(show, &snap);
    char wall[64];
    wall_text(r, now, wall, sizeof wall);
    stats_observe(r->stats, &snap, now, wall);
}

void records_end(Records *r, uint64_t now)
{
    if (r->stats) {
        char wall[64];
        wall_text(r, now, wall, sizeof wall);
        stats_finish(r->stats, now, wall);
    }
    stats_free(r->stats);
    r->stats = NULL;
    if (r->log_state > 0)
        stats_log_close(&r->log);
    r->log_state = 0;
}

void records_state_file(Records *r, const char *path, const Show *show, uint64_t now)
{
    if (!path)
        return;
    char buf[sizeof r->last_state];
    show_state_json(show, now, buf, sizeof buf);
    /* The timer ticks inside the JSON; compare without it to avoid rewriting
     * the file every millisecond while a lecture runs. */
    char *t = strstr(buf, ",\"timer\"");
    size_t cmp = t ? (size_t)(t - buf) : strlen(buf);
    if (strncmp(buf, r->last_state, cmp) == 0 && r->last_state[cmp] == buf[cmp])
        return;
    memcpy(r->last_state, buf, sizeof buf);
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path); /* written, then renamed over path */
    FILE *f = fopen(tmp, "w");
    if (!f) {
        SDL_Log("cannot write %s", tmp);
        return;
    }
    fprintf(f, "%s\n", buf);
    if (fclose(f) != 0 || rename(tmp, path) != 0)
        SDL_Log("cannot replace %s", path);
}
