/* SPDX-License-Identifier: GPL-3.0-or-later */
/* touch.h - a finger on a slide: the slide that follows it (drag), the
 * spring back or page turn after it lets go, a long caption scrolled, a
 * zoomed picture panned or pinched, and a tap on the picture that waits to
 * see whether it becomes a double tap.
 *
 * A small state machine like idle.h: the gesture recogniser's state, the
 * slide's geometry and time in, what happened out. It asks the gesture
 * module for its thresholds and never calls into the show.
 */
#ifndef VITRINE_TOUCH_H
#define VITRINE_TOUCH_H

#include <stdbool.h>
#include <stdint.h>

#include "action.h"
#include "geom.h"
#include "gesture.h"
#include "zoom.h"

#define TOUCH_ANIM_MS 250          /* a page turn or a spring back */
#define TOUCH_FRAME_MS 16          /* animation frames, about 60 a second */
#define TOUCH_EDGE_RESISTANCE 0.3f /* dragging past the first or last slide moves this much */

typedef struct {
    float drag;               /* px the current slide is dragged to the right */
    float drag_base;          /* where the slide was when the finger caught it */
    bool dragging;
    float anim_from;          /* an animation brings the offset from this to 0 */
    uint64_t anim_t0;         /* ms: when it began */
    bool animating;
    int caption_scroll;       /* lines a long caption is scrolled */
    bool scrolling;           /* a finger is scrolling the caption */
    int scroll_base;
    bool panning;             /* one finger moves the zoomed image */
    ZoomView zoom0;           /* where a pinch or a pan began */
    unsigned pinch_serial;    /* the gesture's pinch being followed */
    bool tap_pending;         /* a tap on the picture waits for a second one */
    Action tap_action;        /* what it does if none comes */
    int tap_arg;
    uint64_t tap_t;           /* ms: when it came */
} Touch;

/* The slide under the finger, as the show sees it. */
typedef struct {
    bool can_drag;            /* a visitor's slide that may follow the finger */
    bool first, last;         /* nothing lies before / after it */
    Rect scroll_area;         /* the caption that scrolls (w 0: none) */
    int scroll_line, scroll_max; /* px a line, lines it can scroll */
} TouchSlide;

/* The zoomable picture: where it is on screen and its size in pixels. */
typedef struct {
    Rect area;
    int iw, ih;
} TouchPicture;

void touch_init(Touch *t);
/* Where the current slide is drawn at now (px to the right). */
float touch_offset(const Touch *t, uint64_t now);
/* Animate the slide from `from` px to its place, starting at now. */
void touch_animate_from(Touch *t, float from, uint64_t now);
/* The finger lets go of the slide: where it was (px), for the page turn or
 * the spring back that follows. */
float touch_let_go(Touch *t, uint64_t now);
/* A finger came down: it catches a moving slide where it is. */
void touch_press(Touch *t, uint64_t now);
/* Every finger lifted (n_down 0): no more scrolling or panning. */
void touch_release(Touch *t, int n_down);
/* The slide changes or the show goes home: no pan, no waiting tap. */
void touch_forget(Touch *t);
/* The caption changes (another slide or language): scrolled back to its top. */
void touch_unscroll(Touch *t);
/* The exhibition is gone: nothing moves, nothing is scrolled. */
void touch_stop(Touch *t);
/* The zoom is reset: the pan, if any, is over. */
void touch_end_pan(Touch *t);
/* The waiting tap turned out the first of a double tap: it does nothing. */
void touch_drop_tap(Touch *t);
/* One finger moves on the slide: drag it or scroll its caption. true when
 * the slide must be redrawn. */
bool touch_follow(Touch *t, const GestureState *g, const TouchSlide *sl, uint64_t now);
/* Could one finger pan a zoomed picture now (before the picture is known)? */
bool touch_may_pan(const Touch *t, const GestureState *g);
/* One finger on the zoomed picture p: it moves the picture (*zoom), and
 * never turns the page. true when the finger is the pan's, even before it
 * has moved far enough; the press is then used up (gesture_cancel). */
bool touch_pan(Touch *t, GestureState *g, const TouchPicture *p, ZoomView *zoom);
/* Two fingers on the picture (gesture_pinch's numbers): it grows with their
 * spread, and the point under them follows their midpoint. */
ZoomView touch_pinch(Touch *t, const GestureState *g, const TouchPicture *p, ZoomView zoom, float k,
                     float mx, float my, float mx0, float my0);
/* A tap on the picture at now that waits: it may become a double tap. */
void touch_tap_wait(Touch *t, Action a, int arg, uint64_t now);
/* The waiting tap is due (or `force`d): true with its action, once. */
bool touch_tap_due(Touch *t, const GestureState *g, uint64_t now, bool force, Action *a, int *arg);
/* Time passed: true when an animation frame must be drawn. */
bool touch_tick(Touch *t, uint64_t now);
/* Milliseconds until touch_tick or touch_tap_due have something to do. */
uint64_t touch_next_deadline(const Touch *t, uint64_t now);

#endif
