/* gesture.h - pointer and finger samples + time -> tap and swipe.
 *
 * Fed with EV_POINTER_* events (mouse and fingers alike); reports a gesture
 * when the last pointer lifts. Two or more pointers down at once cancel the
 * tap/swipe (pinch and palm handling grow here later). Thresholds scale with
 * the screen so a swipe feels the same at 1080p and 4K.
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
#define GESTURE_MAX_POINTERS 10

typedef enum {
    GESTURE_NONE,
    GESTURE_TAP,          /* x, y */
    GESTURE_SWIPE_LEFT,   /* finger moved right-to-left: go forward */
    GESTURE_SWIPE_RIGHT,  /* finger moved left-to-right: go back */
} GestureKind;

typedef struct {
    GestureKind kind;
    float x, y;           /* where it started (pixels) */
} Gesture;

typedef struct {
    int screen_w, screen_h;
    int down[GESTURE_MAX_POINTERS]; /* pointer ids currently down */
    int n_down;
    bool tracking;        /* a single-pointer gesture is in progress */
    bool cancelled;       /* a second pointer joined: no tap or swipe */
    int pointer;
    float x0, y0, x, y;
    uint64_t t0;
} GestureState;

void gesture_init(GestureState *g, int screen_w, int screen_h);
void gesture_resize(GestureState *g, int screen_w, int screen_h);
/* Returns true and fills *out when ev completes a gesture. */
bool gesture_feed(GestureState *g, const Event *ev, Gesture *out);

#endif
