/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hotreload.h - the exhibitions folder reloaded while vitrine runs.
 *
 * Changes come from inotify (watch.h), the settle rule decides when to load
 * (core/reload.h), and the load itself (library_load: every manifest parsed
 * and checked, image headers sniffed) runs on a worker thread, never on the
 * render thread. The caller swaps the result in on the render thread
 * (library_keep_last_good, show_set_library, textures_reset) and frees the
 * old library.
 *
 * Two ways to run:
 *  - background (the kiosk, --preview): a watcher thread sleeps in poll() on
 *    the inotify descriptor and wakes the main loop with an SDL user event;
 *    the loader's result also arrives as an SDL event. Between changes
 *    nothing runs and the main loop sleeps.
 *  - foreground (replays, on a virtual clock): no watcher thread; every
 *    hotreload_poll() reads the changes queued so far, and a load that falls
 *    due runs on the worker thread and is waited for, so it happens at the
 *    same virtual time on every run.
 */
#ifndef VITRINE_PLATFORM_HOTRELOAD_H
#define VITRINE_PLATFORM_HOTRELOAD_H

#include <stdbool.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/library.h"

#define HOTRELOAD_RETRY_MS 2000   /* the folder itself is gone: look for it again this often */

typedef struct HotReload HotReload;

/* Watch dir (as given to library_load). NULL when it cannot be watched (the
 * reason is logged): vitrine then shows what it loaded at start. */
HotReload *hotreload_create(const char *dir, bool background);
/* Stops the threads (waiting for a load in progress) and frees all. NULL is fine. */
void hotreload_free(HotReload *h);

/* ms until hotreload_poll() has something to do (a settle period ending),
 * UINT64_MAX when only a change or a finished load (both wake the main loop
 * with an event) can give it work. */
uint64_t hotreload_next_deadline(const HotReload *h, uint64_t now);

/* Read the changes, start a load when one is due. Returns a library freshly
 * loaded from dir, for the caller to swap in (owned by the caller), with
 * its diagnostics appended to diags; NULL when none is ready. */
Library *hotreload_poll(HotReload *h, uint64_t now, DiagList *diags);

/* A load now, without waiting for a change (the start index's summaries
 * are to be replaced by the whole library): begun at once, or after the
 * load in progress. */
void hotreload_request(HotReload *h, uint64_t now);

/* Wait for the load in progress, or the one requested (begun now), and
 * return its library as hotreload_poll() would; NULL when there is none. */
Library *hotreload_finish(HotReload *h, uint64_t now, DiagList *diags);

/* Loads begun so far (for logs). */
int hotreload_loads(const HotReload *h);

#endif
