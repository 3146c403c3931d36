/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reload.h - when to reload the exhibitions after their files change on disk.
 *
 * The platform watches the exhibitions folder (inotify, platform/watch.c) and
 * passes every change here with its time; this decides when the content is
 * complete enough to load. The rule ("settle"):
 *
 *  - a change that completes something (a file closed after writing, a file
 *    or folder renamed into place, something deleted, a folder created)
 *    starts a quiet period: the reload happens RELOAD_SETTLE_MS after the
 *    last change, so a burst (git checkout, rsync, cp -r) loads once, at its
 *    end;
 *  - a file written to (IN_MODIFY) is "being written" until it is closed: no
 *    reload happens while any file is being written, so a file copied slowly
 *    in pieces is never loaded half-written. A writer silent for
 *    RELOAD_STALL_MS is given up on (a stalled copy must not freeze the
 *    kiosk's content for ever; the half file is then reported like any other
 *    broken content, and its close later reloads again);
 *  - hidden files (".name": rsync's, Syncthing's and editors' temporary
 *    files) and backups ("name~", "*.swp") do not count: what matters is the
 *    rename that puts the finished file in place.
 *
 * Changes while a load runs are kept: another reload follows when the load
 * has ended and those changes have settled. Plain C, time passed in.
 */
#ifndef VITRINE_RELOAD_H
#define VITRINE_RELOAD_H

#include <stdbool.h>
#include <stdint.h>

#define RELOAD_SETTLE_MS 500      /* quiet after the last change before a reload */
#define RELOAD_STALL_MS 30000     /* a file written to this long ago and not closed: given up on */
#define RELOAD_MAX_WRITING 64     /* files tracked as being written; more count as one long write */
#define RELOAD_NO_DEADLINE UINT64_MAX

typedef enum {
    RELOAD_WRITING,     /* IN_MODIFY: the file is being written */
    RELOAD_WRITTEN,     /* IN_CLOSE_WRITE: a writer finished the file */
    RELOAD_MOVED_IN,    /* IN_MOVED_TO: a finished file or folder renamed into place */
    RELOAD_REMOVED,     /* IN_DELETE, IN_MOVED_FROM: gone (a writer there is done too) */
    RELOAD_CREATED,     /* IN_CREATE: a new file (its writes follow) or folder */
} ReloadChange;

typedef struct {
    bool changed;                       /* something changed since the last load began */
    uint64_t last;                      /* ms, time of the latest change */
    char *writing[RELOAD_MAX_WRITING];  /* paths being written (owned) */
    int n_writing;
    bool overflow;                      /* more writers than tracked: wait for quiet + stall */
    bool loading;                       /* a load is running (reload_begin .. reload_end) */
    int loads;                          /* loads begun so far */
} ReloadPolicy;

void reload_init(ReloadPolicy *p);
void reload_free(ReloadPolicy *p);

/* Does a change to a file called `name` (the last path component) count? */
bool reload_name_counts(const char *name);

/* One change to `path` (the full path: it identifies a file being written)
 * at time now. Names that do not count are ignored here too. */
void reload_note(ReloadPolicy *p, ReloadChange c, const char *path, uint64_t now);

/* ms from now until a reload is due (0: now), RELOAD_NO_DEADLINE when
 * nothing changed or a load is running. */
uint64_t reload_next_deadline(const ReloadPolicy *p, uint64_t now);
bool reload_due(const ReloadPolicy *p, uint64_t now);

/* A load starts: what changed so far is in it. */
void reload_begin(ReloadPolicy *p);
/* The load ended (swapped in or not). Changes noted during the load make the
 * next reload due after they settle. */
void reload_end(ReloadPolicy *p);

#endif
