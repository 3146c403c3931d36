/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay_files.h - the replay commands that change files (replay.h):
 * copy, write-part, move, remove.
 *
 * They let a replay act like a curator or a deployment tool on the
 * exhibitions folder while vitrine runs, for hot-reload tests on the
 * virtual clock. Files are written in place, the way cp writes them (open,
 * write, close), so inotify sees what it sees from real tools; write-part
 * keeps its file open between parts, as a slow copy does.
 */
#ifndef VITRINE_REPLAY_FILES_H
#define VITRINE_REPLAY_FILES_H

#include <stdbool.h>
#include <stddef.h>

#include "replay.h"

#define REPLAY_FILES_MAX_OPEN 8     /* files write-part may hold open at once */

typedef struct {
    char *dst;          /* full path; owned */
    int fd;
    long long done;     /* bytes of the source written so far */
} ReplayPart;

typedef struct {
    char *script_dir;   /* SRC of copy and write-part is relative to this; owned */
    char *dir;          /* the exhibitions folder: DST and PATH are relative to it; owned */
    ReplayPart parts[REPLAY_FILES_MAX_OPEN];
    int n_parts;
} ReplayFiles;

/* script_path: the replay script (its folder is taken); dir: the exhibitions
 * folder. false on out of memory. */
bool replay_files_init(ReplayFiles *f, const char *script_path, const char *dir);
/* Closes what write-part left open. */
void replay_files_free(ReplayFiles *f);
/* Run one file command. false with a message in err (what failed and why). */
bool replay_files_run(ReplayFiles *f, const ReplayCmd *c, char *err, size_t n);

#endif
