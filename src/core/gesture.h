/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gesture.h - pointer and finger samples + time -> tap, double tap, swipe,
 * long press, pinch.
 *
 * Fed with EV_POINTER_* events (mouse and fingers alike); reports a tap or a
 * swipe when the last pointer lifts, a long press from gesture_poll() while
 * the finger is still down. Dragging (one finger) and pinching (two) are
 * continuous: the caller reads them from the state on every move (see
 * gesture_pinch()). Three or more fingers at once are a palm or a sleeve:
 * nothing at all happens until every one has lifted. Thresholds scale with
 * the screen so a gesture feels the same at 1080p and 4K.
 */
#ifndef VITRINE_GESTURE_H
#define VITRINE_GESTURE_H

#include <stdbool.h>
#include <stdint.h>

#include "event.h"

#define GESTURE_TAP_MAX_MS 600        /* longer presses are not taps */
#define GESTURE_SLOP_FRAC 0.02f       /* of the shorter screen side: movement still a tap */
#define GESTURE_SWIPE_FRAC 0.30f      /* of the width: a slow drag must travel this far to turn the page */
#define GESTURE_FLING_PX_PER_MS 0.5f  /* or be this fast ... */
#define GESTURE_FLING_MIN_FRAC 0.03f  /* ... over at least this much of the width */
#define GESTURE_DOUBLE_TAP_MS 300     /* a second tap this soon after the first lifts ... */
#define GESTURE_DOUBLE_TAP_FRAC 0.05f /* ... and this near it (of the shorter side) is a double tap */
#define GESTURE_LONG_PRESS_MS 600     /* held still this long: a long press (and no tap) */
#define GESTURE_PALM_POINTERS 3       /* this many fingers at once: ignore the whole contact */
#define GESTURE_MAX_POINTERS 10

typedef enum {
    GESTURE_NONE,
    GESTURE_TAP,          /* x, y */
    GESTURE_SWIPE_LEFT,   /* finger moved right-to-left: go forward */
    GESTURE_SWIPE_RIGHT,  /* finger moved left-to-right: go back */
    GESTURE_DOUBLE_TAP,   /* x, y: a tap soon after and near a tap (which was reported too) */
    GESTURE_LONG_PRESS,   /* x, y: one finger held still (from gesture_poll) */
} GestureKind;

typedef struct {
    GestureKind kind;
    float x, y;           /* where it started (pixels) */
} Gesture;

typedef struct {
    int screen_w, screen_h;
    int down[GESTURE_MAX_POINTERS]; /* pointer ids currently down */
    float px[GESTURE_MAX_POINTERS], py[GESTURE_MAX_POINTERS]; /* where each is */
    int n_down;
    bool tracking;        /* a single-pointer gesture is in progress */
    bool cancelled;       /* a second pointer joined: no tap or swipe */
    bool palm;            /* three or more at once: nothing until all lift */
    bool long_reported;   /* this press was reported as a long press */
    int pointer;
    float x0, y0, x, y;
    uint64_t t0;
    /* the last tap, for a double tap */
    bool tapped;
    uint64_t tap_t;       /* when its finger lifted */
    float tap_x, tap_y;
    /* two fingers: distance and midpoint when the second one landed */
    bool pinching;
    unsigned pinch_serial; /* counts pinches begun, so a caller can tell a new one */
    float pinch_d0, pinch_mx0, pinch_my0;
} GestureState;

void gesture_init(GestureState *g, int screen_w, int screen_h);
void gesture_resize(GestureState *g, int screen_w, int screen_h);
/* A press held long enough: how long, and where. The recogniser's own long
 * press (gesture_poll) is one; the administrator's corner (admin.h) is
 * another, with its own duration and area. */
typedef struct {
    uint64_t ms;          /* held this long */
    float corner;         /* px: must start within this square at the top-left; 0 = anywhere */
    float reach;          /* px: may wander this far from where it started; 0 = the tap slop */
} GestureHold;

/* Returns true and fills *out when ev completes a gesture. */
bool gesture_feed(GestureState *g, const Event *ev, Gesture *out);
/* Time has passed (no event): true with a GESTURE_LONG_PRESS once when a
 * single finger has been held still long enough. */
bool gesture_poll(GestureState *g, uint64_t now, Gesture *out);
/* When a long press would be due (UINT64_MAX if none can happen). */
uint64_t gesture_long_press_at(const GestureState *g);
/* The same for any hold h: true with a GESTURE_LONG_PRESS once, when the
 * finger has been down h->ms within h's area. The press is then used up:
 * its release is neither a tap nor a swipe. */
bool gesture_hold_poll(GestureState *g, const GestureHold *h, uint64_t now, Gesture *out);
/* When h could fall due while one finger is down and the press is not used
 * up (UINT64_MAX otherwise), wherever the finger is: a time to look again
 * with gesture_hold_poll, not a promise. */
uint64_t gesture_hold_wake(const GestureState *g, const GestureHold *h);
/* The press in progress is used up by its caller (it woke the kiosk, it
 * pans a picture): its release is neither a tap nor a swipe. */
void gesture_cancel(GestureState *g);
/* px a finger must travel before the show follows it (drag, pan, scroll):
 * GESTURE_SLOP_FRAC of the shorter side, without the tap slop's floor. */
float gesture_drag_slop(const GestureState *g);
/* Two fingers on the glass: true with the scale since they landed (their
 * distance now over then), the midpoint now and the midpoint then. */
bool gesture_pinch(const GestureState *g, float *scale, float *mx, float *my, float *mx0,
                   float *my0);

#endif
