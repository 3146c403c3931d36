/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lecture_report.h - `vitrine --lecture-report FILE [--suggest-budgets OUT]`
 * and where lecture records are kept.
 *
 * Records live in <state_dir>/lectures/, one file per lecture run, named
 * <stamp>-<id>.json with stamp "YYYYmmdd-HHMMSS" (local time), so file
 * names sort in time order.
 */
#ifndef VITRINE_LECTURE_REPORT_H
#define VITRINE_LECTURE_REPORT_H

#include <stddef.h>
#include <stdio.h>

#define LECTURE_RECORDS_DIR "lectures"

/* Reads the record at record_path and prints its report to out; with
 * suggest_out (may be NULL) also writes suggested budgets there (see
 * rehearsal_suggest()) and says where on out. Problems go to err as
 * "file:line:col: error|warning: message". Returns the exit status: 0 on
 * success, 1 when the record cannot be read or the suggestion not written
 * (the report is still printed in that case). */
int lecture_report_main(const char *record_path, const char *suggest_out, FILE *out, FILE *err);

/* The newest record in <state_dir>/lectures/ (the greatest file name ending
 * in ".json"; hidden files are skipped) into buf. 0 on success; -1 when there
 * is none, the folder cannot be read or buf is too small. */
int lecture_report_latest(const char *state_dir, char *buf, size_t n);

/* buf = "<state_dir>/lectures/<stamp>-<id>.json" (cut to fit n). A "/" in id
 * becomes "_", so the file stays in the folder. */
void rehearsal_file_name(const char *state_dir, const char *stamp, const char *id, char *buf,
                         size_t n);

#endif
