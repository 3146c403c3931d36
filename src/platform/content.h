/* SPDX-License-Identifier: GPL-3.0-or-later */
/* content.h - the exhibitions the show runs on: loaded at start, swapped
 * for a fresh load as the folder changes (hotreload.h), and --preview's one
 * exhibition with its problems on a banner.
 *
 * The loads happen off the render thread (hotreload.c); the swap happens
 * here, on it, between two events.
 */
#ifndef VITRINE_PLATFORM_CONTENT_H
#define VITRINE_PLATFORM_CONTENT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/library.h"
#include "core/show.h"
#include "hotreload.h"
#include "startfile.h"

typedef struct {
    const char *dir;             /* the exhibitions folder, or one exhibition (borrowed) */
    bool preview;                /* --preview: one exhibition, problems on a banner */
    const char *exhibition;      /* --exhibition, or NULL (borrowed) */
    int slide;                   /* --slide, 1-based; 0 = first */
    Library *lib;                /* what the show runs on now */
    HotReload *reload;           /* the folder watched for changes, or NULL */
    DiagList load_diags;         /* the first load's problems, until --preview shows them */
    /* kiosk: --exhibition was missing or broken at start; opened once a
     * load brings it (content_open_waiting); NULL otherwise (borrowed) */
    const char *waiting;
    /* the state folder whose start index a kiosk's home screen starts from
     * (startfile.h), or NULL: every manifest is read at start (borrowed) */
    const char *index_dir;
    StartFile index;
    bool index_due;              /* a full library is in and its index not yet written */
    bool full_requested;         /* a partial library's full load was asked for (content_after_frame) */
    bool watch_later;            /* content_watch() on a partial library: begun after the first frame */
    bool watch_background;       /* as content_watch() was told */
} Content;

/* What content_reload() did. */
typedef enum {
    CONTENT_SAME,                /* nothing to swap in */
    CONTENT_RELOADED,            /* a reload: pictures may have changed under the same names */
    CONTENT_COMPLETED,           /* the whole library replaced the start index's summaries,
                                  * from the files they were checked against: the pictures stay */
} ContentSwap;

/* Load c->dir (fields above lib, and index_dir, set by the caller),
 * problems printed with a summary. With index_dir, exhibitions whose
 * entry in the start index is fresh are only summaries (c->lib->partial):
 * the whole library then loads in the background from content_watch()
 * and its problems are printed when it is swapped in. false only when out
 * of memory. */
bool content_load(Content *c);
/* Start watching the folder: background for a real-time loop, else on the
 * virtual clock, where loads are waited for (hotreload.h). A partial
 * library's watch begins after the first frame (content_after_frame). */
void content_watch(Content *c, bool background);
/* ms until the reload has something to do (hotreload_next_deadline). */
uint64_t content_next_deadline(const Content *c, uint64_t now);
/* Once the show is made: --preview's banner gets the first load's
 * problems and its exhibition opens. */
void content_begin(Content *c, Show *show);
/* A fresh load that is ready replaces the library under the show
 * (exhibitions whose manifest is now broken keep their last good version). */
ContentSwap content_reload(Content *c, Show *show, uint64_t now);
/* A partial library (the start index's summaries) is replaced by the whole
 * one now, waiting for its load or loading it here: before the show acts
 * on anything but the home screen's first frames (input, time). true when
 * it was swapped in now (CONTENT_COMPLETED). */
bool content_complete(Content *c, Show *show, uint64_t now);
/* After a frame is presented: a partial library's watch and full load
 * begin (after the first frame, on the hot reload's loader thread); the start index of a
 * library loaded in full is written (once, and only when it changed). */
void content_after_frame(Content *c, uint64_t now);
/* Kiosk: the exhibition named at start (id) is not in the library (missing,
 * or its manifest broken): log why, say so in the state line, and wait for
 * it. false when it cannot (out of memory). The service status is the
 * caller's. */
bool content_wait_for(Content *c, Show *show, const char *id);
/* After a reload: the one exhibition of a kiosk that shows it only
 * (show_only) is gone from the library (its folder removed or renamed):
 * wait for it again, as content_wait_for. true when that began now. */
bool content_lost_only(Content *c, Show *show);
/* The exhibition waited for has loaded and nobody is using the kiosk (the
 * home screen, untouched since start or since the idle reset; not a
 * lecture, not the admin screen): open it. A kiosk that shows it only
 * (show_only) has opened it itself, whoever was there. true when the
 * waiting ended now. */
bool content_open_waiting(Content *c, Show *show);
/* Hot reloads begun so far. */
int content_reloads(const Content *c);
/* Stop watching (waiting for a load in progress) and free the library:
 * after the show that ran on it. */
void content_close(Content *c);

#endif
