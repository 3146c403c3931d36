/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk.h - a kiosk left alone: the idle machinery (idle.h) as the show
 * needs it, the attract loop's playlist, the touch that only wakes the
 * kiosk, and the count of visitors' inputs and resets for observers.
 *
 * Like idle.h it takes events and time and returns what happened (the
 * visitor walked away, something to redraw); it never calls the show.
 * `applies` is the show's word on whether visitors are in charge (not a
 * lecture, not the admin screen, not a --preview window).
 */
#ifndef VITRINE_KIOSK_H
#define VITRINE_KIOSK_H

#include <stdbool.h>
#include <stdint.h>

#include "event.h"
#include "idle.h"
#include "library.h"
#include "scene.h"
#include "settings.h"

typedef struct {
    Idle idle;
    struct { int ex, slide; } *attract; /* the showcase (slide -1 = cover), owned */
    int n_attract;
    char *const *playlist;    /* the settings' playlist, not owned (kept for reloads) */
    int n_playlist;
    const char *only;         /* the one exhibition the playlist keeps to (kiosk_set_only), or NULL */
    bool swallow;             /* this touch only woke the kiosk: it presses nothing */
    int shown[3];             /* phase, seconds left / attract step, language step: last drawn */
    unsigned long inputs;     /* visitors' key presses and touches */
    uint64_t last_input;      /* ms: the latest of them */
    unsigned long resets;     /* idle resets (the visitor walked away) */
} Kiosk;

/* Timings and playlist from st (which must outlive k), the playlist
 * resolved in lib. false on out of memory. */
bool kiosk_init(Kiosk *k, const Settings *st, const Library *lib);
void kiosk_free(Kiosk *k);
/* Resolve the playlist again in lib (a reload): the settings' entries,
 * else the slides curators marked, else the covers. false on out of memory
 * (the playlist is then empty). */
bool kiosk_set_library(Kiosk *k, const Library *lib);
/* The kiosk shows exhibition id only (NULL: all; borrowed, must outlive
 * k): the playlist keeps to its slides, resolved in lib again. */
bool kiosk_set_only(Kiosk *k, const char *id, const Library *lib);
/* An event arrives: true when it must do nothing else (it only dismissed
 * "still there?" or woke the kiosk, or belongs to such a touch); *redraw
 * is then set. Visitors' inputs are counted. */
bool kiosk_input(Kiosk *k, const Event *ev, bool applies, bool *redraw);
/* The swallowed touch: fingers still down after it was fed to the gesture
 * recogniser (at 0 the next touch counts again). */
void kiosk_fingers(Kiosk *k, int n_down);
/* After every event at now: true when the visitor walked away and the show
 * must reset for the next one. *redraw when what the idle screens show
 * changed. */
bool kiosk_update(Kiosk *k, uint64_t now, bool applies, bool *redraw);
/* A visitor's film plays (or stopped, at now): while it plays nobody is
 * idle, "still there?" waits until it ends or pauses (idle_hold). */
void kiosk_watching(Kiosk *k, bool playing, uint64_t now);
/* Milliseconds until the idle screens change (while applies). */
uint64_t kiosk_next_deadline(const Kiosk *k, uint64_t now);
/* What the scene draws (while applies). */
IdleView kiosk_view(const Kiosk *k, uint64_t now);
/* The attract loop is running. */
bool kiosk_attract(const Kiosk *k, bool applies);
/* "off", "active", "warning", "resting" or "attract", for the state line. */
const char *kiosk_phase_name(const Kiosk *k, bool applies);

#endif
