/* SPDX-License-Identifier: GPL-3.0-or-later */
/* subcheck.h - where an SRT or WebVTT subtitle file is wrong, for
 * `vitrine --check` (file:line:col).
 *
 * The subtitles themselves are read by the media worker (libass and
 * FFmpeg, src/worker/media.h): this reads nothing a visitor sees. It only
 * finds the positions those libraries do not report: bytes that are not
 * UTF-8, a timing line that is not "00:00:01,000 --> 00:00:04,000", a cue
 * that ends before it starts. No SDL: core.
 */
#ifndef VITRINE_SUBCHECK_H
#define VITRINE_SUBCHECK_H

#include <stddef.h>

#include "diag.h"

#define SUBCHECK_MAX_REPORTS 5 /* a file wrong throughout says so a few times, not a thousand */

/* Check text[0..len) of `file` (SRT, or WebVTT when it starts "WEBVTT");
 * problems are errors in out. Returns how many were found. */
int subcheck_text(const char *file, const char *text, size_t len, DiagList *out);

/* The same for the file at path (at most 8 MB of it read). */
int subcheck_file(const char *path, DiagList *out);

#endif
