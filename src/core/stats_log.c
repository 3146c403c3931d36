/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stats_log.c - see stats_log.h */
#include "stats_log.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "manifest.h"

void stats_log_init(StatsLog *l, const char *state_dir, long cap, FILE *log)
{
    memset(l, 0, sizeof *l);
    l->dir = state_dir ? fs_path_join(state_dir, STATS_DIR) : NULL;
    l->cap = cap > 0 ? cap : STATS_DAY_CAP;
    l->log = log;
}

/* "YYYY-MM-DD" and nothing else: it becomes a file name. */
bool stats_log_day_ok(const char *day)
{
    static const char pattern[] = "dddd-dd-dd";
    for (int i = 0; i < 10; i++)
        if (pattern[i] == 'd' ? !isdigit((unsigned char)day[i]) : day[i] != '-')
            return false;
    return day[10] == '\0';
}

/* Once a day at most: the kiosk's log is not to fill up with one problem. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void say(StatsLog *l, const char *fmt, ...)
{
    if (l->said || !l->log)
        return;
    l->said = true;
    va_list ap;
    va_start(ap, fmt);
    fputs("vitrine: ", l->log);
    vfprintf(l->log, fmt, ap);
    fputc('\n', l->log);
    va_end(ap);
}

static void close_day(StatsLog *l)
{
    if (l->f) {
        fflush(l->f);
        fsync(fileno(l->f));
        fclose(l->f);
    }
    l->f = NULL;
    l->day[0] = '\0';
    l->bytes = 0;
}

/* A file that does not end in a newline was cut short by a power cut in
 * the middle of a line: the next line must not be glued onto that half,
 * or both would be lost. Leaves f at its end, ready for appending. */
static long end_torn_line(StatsLog *l, const char *path, long size)
{
    int last = size > 0 && fseek(l->f, -1, SEEK_END) == 0 ? fgetc(l->f) : '\n';
    fseek(l->f, 0, SEEK_END); /* from reading back to appending */
    if (last == '\n' || fputc('\n', l->f) == EOF || fflush(l->f) != 0)
        return size;
    if (l->log)
        fprintf(l->log, "vitrine: %s ended in half a line (a power cut?); --report skips it\n",
                path);
    return size + 1;
}

/* Appends go on where an earlier run of the same day stopped. */
static void open_day(StatsLog *l, const char *day)
{
    close_day(l);
    snprintf(l->day, sizeof l->day, "%s", day);
    l->said = false;
    size_t n = strlen(l->dir) + sizeof "/YYYY-MM-DD.jsonl";
    char *path = malloc(n);
    if (!path)
        return;
    snprintf(path, n, "%s/%s.jsonl", l->dir, day);
    DiagList d = {0};
    if (!fs_make_parents(path, &d, path)) {
        say(l, "no visitor statistics today: %s", d.n ? d.items[0].msg : "cannot create the folder");
    } else if (!(l->f = fopen(path, "a+"))) { /* "+": its last byte is read back */
        say(l, "no visitor statistics today: cannot write %s: %s", path, strerror(errno));
    } else if (fseek(l->f, 0, SEEK_END) == 0) {
        long at = ftell(l->f);
        l->bytes = end_torn_line(l, path, at > 0 ? at : 0);
        /* a new day's file is a new name in the folder: on the disk before
         * anything is said to be in it, or a cut could lose the whole day
         * (a new folder was synced into its parent by fs_make_parents) */
        if (at == 0)
            fs_sync_folder_of(path);
    }
    diag_clear(&d);
    free(path);
}

bool stats_log_write(StatsLog *l, const char *day, const char *line, bool sync)
{
    if (!l->dir || !day || !line || !stats_log_day_ok(day))
        return false;
    if (strcmp(day, l->day) != 0)
        open_day(l, day);
    if (!l->f)
        return false;
    long len = (long)strlen(line) + 1;
    if (l->bytes + len > l->cap) {
        say(l, "visitor statistics for %s reached %ld bytes; the rest of the day's events are "
            "dropped", day, l->cap);
        return false;
    }
    if (fputs(line, l->f) == EOF || fputc('\n', l->f) == EOF || fflush(l->f) != 0) {
        say(l, "cannot write visitor statistics in %s: %s", l->dir, strerror(errno));
        clearerr(l->f);
        return false;
    }
    l->bytes += len;
    if (sync)
        fsync(fileno(l->f));
    return true;
}

void stats_log_close(StatsLog *l)
{
    close_day(l);
    free(l->dir);
    l->dir = NULL;
}
