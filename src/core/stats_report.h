/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stats_report.h - `vitrine --report LOGDIR`: the visitor statistics
 * (stats.h, docs/statistics.md) summed up by exhibition, slide, language and
 * day, printed as tables; stats_chart.h draws them.
 *
 * The day files are read in date order, and the events in the order they
 * were written: a visit is everything from its visit_start to its visit_end.
 * Dwell times (medians, totals) count only the views a visitor ended by
 * moving on; a view the idle timeout ended (the visitor left without a
 * touch) counts as a view, and for how far the visit got, but its length is
 * unknown. Lines that are not what vitrine writes are skipped and counted,
 * each with a warning at file:line:col; so is a last line without its
 * newline, which a power cut left half written (even when what is there
 * happens to parse: a whole line ends in a newline).
 */
#ifndef VITRINE_STATS_REPORT_H
#define VITRINE_STATS_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "library.h"

#define STATS_REPORT_MAX_LANGS 16   /* languages told apart; more are counted as the last */
#define STATS_REPORT_MAX_WARNINGS 50 /* bad lines warned about; the rest are only counted */
#define STATS_REPORT_MAX_LINE 65536 /* a longer line is a bad line */
#define STATS_REPORT_TOP_ZOOMED 10
#define STATS_REPORT_MAX_EXHIBITIONS 256 /* ids told apart; lines about more are skipped */
#define STATS_REPORT_MAX_FILE (64L * 1024 * 1024) /* a larger day file is skipped (vitrine writes
                                                   * at most STATS_DAY_CAP) */

typedef struct {
    int64_t *v;                 /* owned */
    int n, cap;
} StatsValues;

typedef struct {
    int views;                  /* times it was shown */
    int reached;                /* visits to its exhibition that got this far or further */
    StatsValues dwell;          /* ms of each view the visitor ended by moving on */
    int64_t dwell_total;
    int zooms;
    int64_t zoom_ms;
    int film_views;             /* views of its film (slide events with film_length_ms) */
    int film_to_end;            /* of them, those that got within 5% of its end */
    StatsValues film_watched;   /* ms the film played, each view */
    StatsValues film_reached;   /* how far it got, each view: per mille of its length */
} StatsSlideSum;

typedef struct {
    char *id;                   /* owned */
    int slides;                 /* as logged: the largest "slides" or "slide" seen */
    int visits;                 /* visits that opened it */
    StatsValues time;           /* per visit: ms on its slides (views ended by moving on) */
    StatsValues furthest;       /* per visit: the furthest slide shown, 1-based */
    StatsSlideSum *slide;       /* slide[k] is slide k + 1; n_slide entries; owned */
    int n_slide;
} StatsExSum;

typedef struct {
    char code[16];
    int visits;                 /* visits in it: the last chosen, else the one it began in */
    int views;
    int64_t time;               /* ms, views ended by moving on */
    int chosen;                 /* times visitors switched to it */
} StatsLangSum;

typedef struct {
    char date[11];
    int visits[STATS_REPORT_MAX_LANGS]; /* by language, as StatsReport.lang */
} StatsDaySum;

typedef struct {
    char from[11], to[11];      /* as asked ("" = open) */
    char first[11], last[11];   /* the first and last day with events */
    int files, lines, skipped;
    int visits;                 /* visit_start events */
    StatsValues active;         /* per ended visit: first touch to last touch, ms */
    int captions_hidden;
    StatsExSum *ex;             /* sorted by id; owned */
    int n_ex;
    StatsLangSum lang[STATS_REPORT_MAX_LANGS]; /* in the order first seen */
    int n_lang;
    StatsDaySum *day;           /* in date order; owned */
    int n_day;
} StatsReport;

/* Read the day files (YYYY-MM-DD.jsonl) in logdir, or in logdir/stats when
 * that exists (logdir is then a state folder), from `from` to `to`
 * (inclusive, "YYYY-MM-DD"; NULL = open). Bad lines are skipped, counted and
 * warned about in diags; an unreadable folder is an error there and gives
 * false. r is filled either way; free it with stats_report_free(). */
bool stats_report_load(StatsReport *r, const char *logdir, const char *from, const char *to,
                       DiagList *diags);
void stats_report_free(StatsReport *r);

/* The median of vals (the mean of the middle two for an even count); 0 for none. */
double stats_median(const StatsValues *vals);
/* "1:05", "12:30", "1:02:03" for ms, rounded to the second. */
void stats_format_ms(int64_t ms, char *buf, size_t n);

/* The tables, with titles from lib (may be NULL) in lang. */
void stats_report_print(const StatsReport *r, const Library *lib, const char *lang, FILE *out);

#endif
