/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.h - `vitrine --report LOGDIR [--from DATE] [--to DATE] [--chart
 * OUT.png] [--lang L] [DIR]`: the visitor statistics' tables on stdout
 * (stats_report.h) and their chart as a PNG (stats_chart.h), with the
 * titles of the exhibitions in DIR.
 */
#ifndef VITRINE_PLATFORM_REPORT_H
#define VITRINE_PLATFORM_REPORT_H

typedef struct {
    const char *logdir;         /* the day files, or a state folder holding stats/ */
    const char *from, *to;      /* "YYYY-MM-DD" or NULL */
    const char *chart;          /* NULL: visitor-statistics-FIRST_LAST.png in the current folder */
    const char *lang;           /* titles and the chart's words; NULL: the settings' start language */
    const char *settings;       /* settings file, or NULL for the default */
    const char *dir;            /* the exhibitions, for titles */
} ReportOptions;

/* Returns the exit status: 0, or 1 when the folder cannot be read or the
 * chart not written. */
int report_main(const ReportOptions *o);

#endif
