/* SPDX-License-Identifier: GPL-3.0-or-later */
/* watch.h - inotify on the exhibitions folder and every folder below it.
 *
 * The folder given (a folder of exhibitions, or one exhibition) and every
 * folder under it are watched, hidden ones (".git", rsync's ".~tmp~")
 * excepted, to WATCH_MAX_DEPTH levels and WATCH_MAX_DIRS folders. A folder
 * created or moved in is watched at once, with the folders it already holds.
 * Each change goes to the reload policy (core/reload.h), which decides when
 * to reload. Reading never blocks: watch_drain() takes what the kernel has
 * queued so far, so a replay that changed files reads their events right
 * away, at its virtual time.
 *
 * Not thread-safe: one thread drains; another may poll() watch_fd() to learn
 * that there is something to drain.
 */
#ifndef VITRINE_PLATFORM_WATCH_H
#define VITRINE_PLATFORM_WATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "core/reload.h"

#define WATCH_MAX_DEPTH 4     /* exhibitions/<ex>/images/<sub>: deeper folders are not watched */
#define WATCH_MAX_DIRS 4096   /* far more than a kiosk holds; inotify's default limit is 8192 */

typedef struct Watch Watch;

/* Watch root. NULL when inotify cannot be used (the reason is logged);
 * vitrine then runs without hot reload. */
Watch *watch_create(const char *root);
void watch_free(Watch *w);
/* Readable when changes are waiting. */
int watch_fd(const Watch *w);
/* Pass every change queued now to p, at time now. Returns how many counted. */
int watch_drain(Watch *w, ReloadPolicy *p, uint64_t now);
/* The root is not watched now (moved away, deleted, not there yet):
 * watch_drain() looks for it again each time. */
bool watch_lost(const Watch *w);
/* Watch again whatever is there now under root (the root itself replaced by
 * a rename, folders missed when the queue overflowed). */
void watch_rescan(Watch *w);

#endif
