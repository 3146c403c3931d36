/* SPDX-License-Identifier: GPL-3.0-or-later */
/* filmbar.h - a film's scrub bar and its volume, as a visitor's finger uses
 * them: where on the bar a moment of the film lies, the seeks a dragging
 * finger asks for (not more than one every FILMBAR_SEEK_EVERY_MS, and a
 * last one where it lets go), the volume within the staff's maximum
 * (settings `media.max_volume`), and a time as m:ss.
 *
 * A small machine like touch.h: positions and times in, seeks out. The
 * show routes a finger that comes down on the bar here and nowhere else,
 * so it never turns the page, zooms or pans (show.c, on_pointer).
 */
#ifndef VITRINE_FILMBAR_H
#define VITRINE_FILMBAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "geom.h"

#define FILMBAR_SEEK_EVERY_MS 150 /* a dragging finger seeks at most this often: mpv keeps up */
#define FILMBAR_VOLUME_STEP 10    /* percent a volume button moves */

typedef struct {
    bool active;       /* a finger holds the bar */
    Rect bar;          /* the bar as it was when the finger caught it */
    int lo_ms, hi_ms;  /* the part of the film the bar stands for (a clip) */
    int at_ms;         /* where the finger points now */
    int sent_ms;       /* the last seek asked for */
    uint64_t sent_t;   /* ms: when */
} FilmBar;

/* The part of a film the bar stands for: its clip (start_ms, end_ms; -1:
 * none) within its length dur_ms; hi <= lo when the length is not known. */
void filmbar_range(int start_ms, int end_ms, int dur_ms, int *lo, int *hi);
/* The moment of [lo_ms, hi_ms] at x on the bar (clamped to its ends). */
int filmbar_ms_at(Rect bar, int lo_ms, int hi_ms, float x);
/* Where on the bar (px from its left) the moment ms lies. */
int filmbar_x_of(Rect bar, int lo_ms, int hi_ms, int ms);

/* A finger comes down on the bar at x: it holds it from now on; true with
 * the first seek. false (and nothing held) when the film's length is not
 * known yet. */
bool filmbar_press(FilmBar *b, Rect bar, int lo_ms, int hi_ms, float x, uint64_t now, int *seek_ms);
/* The finger moves: true with a seek when one is due (throttled). */
bool filmbar_move(FilmBar *b, float x, uint64_t now, int *seek_ms);
/* The finger lets go at x: true with the last seek, where it let go, unless
 * that one was asked already. The bar is free again. */
bool filmbar_release(FilmBar *b, float x, int *seek_ms);

/* The volume a visitor may have: 0..max_volume (max_volume clamped to 0..100). */
int filmbar_volume_clamp(int volume, int max_volume);
/* One step of the volume buttons (dir -1 or +1), within the maximum. */
int filmbar_volume_step(int volume, int dir, int max_volume);

/* A time as visitors read it: "m:ss", "h:mm:ss" from an hour on; "-:--"
 * when unknown (negative). */
void filmbar_time_text(int ms, char *out, size_t n);

#endif
