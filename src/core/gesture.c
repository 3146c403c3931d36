/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gesture.c - see gesture.h */
#include "gesture.h"

#include <math.h>
#include <string.h>

void gesture_init(GestureState *g, int screen_w, int screen_h)
{
    memset(g, 0, sizeof *g);
    gesture_resize(g, screen_w, screen_h);
}

void gesture_resize(GestureState *g, int screen_w, int screen_h)
{
    g->screen_w = screen_w > 0 ? screen_w : 1;
    g->screen_h = screen_h > 0 ? screen_h : 1;
}

static int find_down(const GestureState *g, int id)
{
    for (int i = 0; i < g->n_down; i++)
        if (g->down[i] == id)
            return i;
    return -1;
}

static float shorter_side(const GestureState *g)
{
    return (float)(g->screen_w < g->screen_h ? g->screen_w : g->screen_h);
}

static float slop(const GestureState *g)
{
    return fmaxf(8.0f, GESTURE_SLOP_FRAC * shorter_side(g));
}

static bool still(const GestureState *g)
{
    float dx = g->x - g->x0, dy = g->y - g->y0;
    return sqrtf(dx * dx + dy * dy) <= slop(g);
}

static GestureKind classify(const GestureState *g, uint64_t t)
{
    float dx = g->x - g->x0, dy = g->y - g->y0;
    uint64_t dt = t > g->t0 ? t - g->t0 : 0;

    if (still(g))
        return dt <= GESTURE_TAP_MAX_MS ? GESTURE_TAP : GESTURE_NONE;
    if (fabsf(dx) < 1.5f * fabsf(dy))
        return GESTURE_NONE; /* mostly vertical: not a page turn */
    float w = (float)g->screen_w;
    float speed = dt ? fabsf(dx) / (float)dt : 0.0f;
    bool far = fabsf(dx) >= GESTURE_SWIPE_FRAC * w;
    bool fling = speed >= GESTURE_FLING_PX_PER_MS && fabsf(dx) >= GESTURE_FLING_MIN_FRAC * w;
    if (!far && !fling)
        return GESTURE_NONE;
    return dx < 0 ? GESTURE_SWIPE_LEFT : GESTURE_SWIPE_RIGHT;
}

/* A tap: the second of a pair when it is soon after and near the last one. */
static GestureKind tap_or_double(GestureState *g, uint64_t t)
{
    float dx = g->x0 - g->tap_x, dy = g->y0 - g->tap_y;
    float near = GESTURE_DOUBLE_TAP_FRAC * shorter_side(g);
    if (g->tapped && g->t0 >= g->tap_t && g->t0 - g->tap_t <= GESTURE_DOUBLE_TAP_MS &&
        dx * dx + dy * dy <= near * near) {
        g->tapped = false; /* a third tap starts a new pair */
        return GESTURE_DOUBLE_TAP;
    }
    g->tapped = true;
    g->tap_t = t;
    g->tap_x = g->x0;
    g->tap_y = g->y0;
    return GESTURE_TAP;
}

static void start_pinch(GestureState *g)
{
    float dx = g->px[1] - g->px[0], dy = g->py[1] - g->py[0];
    g->pinching = true;
    g->pinch_serial++;
    g->pinch_d0 = fmaxf(1.0f, sqrtf(dx * dx + dy * dy));
    g->pinch_mx0 = (g->px[0] + g->px[1]) / 2;
    g->pinch_my0 = (g->py[0] + g->py[1]) / 2;
}

bool gesture_feed(GestureState *g, const Event *ev, Gesture *out)
{
    int i = ev->type == EV_POINTER_DOWN || ev->type == EV_POINTER_MOVE || ev->type == EV_POINTER_UP
                ? find_down(g, ev->pointer)
                : -1;
    switch (ev->type) {
    case EV_POINTER_DOWN:
        if (i < 0 && g->n_down < GESTURE_MAX_POINTERS) {
            i = g->n_down++;
            g->down[i] = ev->pointer;
        }
        if (i >= 0) {
            g->px[i] = ev->x;
            g->py[i] = ev->y;
        }
        if (g->n_down == 1) {
            g->tracking = true;
            g->cancelled = false;
            g->palm = false;
            g->long_reported = false;
            g->pointer = ev->pointer;
            g->x0 = g->x = ev->x;
            g->y0 = g->y = ev->y;
            g->t0 = ev->t;
            return false;
        }
        g->cancelled = true; /* more than one finger: no tap or swipe */
        g->tapped = false;
        if (g->n_down >= GESTURE_PALM_POINTERS) {
            g->palm = true;
            g->pinching = false;
        } else if (g->n_down == 2 && !g->palm) {
            start_pinch(g);
        }
        return false;
    case EV_POINTER_MOVE:
        if (i >= 0) {
            g->px[i] = ev->x;
            g->py[i] = ev->y;
        }
        if (g->tracking && ev->pointer == g->pointer) {
            g->x = ev->x;
            g->y = ev->y;
        }
        return false;
    case EV_POINTER_UP: {
        if (i < 0)
            return false; /* an up without a down (e.g. the waking touch): ignore */
        g->n_down--;
        g->down[i] = g->down[g->n_down];
        g->px[i] = g->px[g->n_down];
        g->py[i] = g->py[g->n_down];
        if (g->n_down < 2)
            g->pinching = false;
        if (ev->pointer == g->pointer) {
            g->x = ev->x;
            g->y = ev->y;
        }
        if (g->n_down > 0 || !g->tracking)
            return false;
        g->tracking = false;
        if (g->cancelled || g->palm || g->long_reported)
            return false;
        GestureKind k = classify(g, ev->t);
        if (k == GESTURE_TAP)
            k = tap_or_double(g, ev->t);
        else
            g->tapped = false;
        if (k == GESTURE_NONE)
            return false;
        *out = (Gesture){k, g->x0, g->y0};
        return true;
    }
    default:
        return false;
    }
}

static const GestureHold long_press = {GESTURE_LONG_PRESS_MS, 0.0f, 0.0f};

/* Is the finger where h wants it: started in its corner, not wandered off? */
static bool within(const GestureState *g, const GestureHold *h)
{
    if (h->corner > 0 && (g->x0 > h->corner || g->y0 > h->corner))
        return false;
    if (h->reach <= 0)
        return still(g);
    float dx = g->x - g->x0, dy = g->y - g->y0;
    return dx * dx + dy * dy <= h->reach * h->reach;
}

uint64_t gesture_hold_wake(const GestureState *g, const GestureHold *h)
{
    if (!g->tracking || g->cancelled || g->palm || g->long_reported || g->n_down != 1)
        return UINT64_MAX;
    return g->t0 + h->ms;
}

static uint64_t hold_at(const GestureState *g, const GestureHold *h)
{
    uint64_t at = gesture_hold_wake(g, h);
    return at != UINT64_MAX && within(g, h) ? at : UINT64_MAX;
}

uint64_t gesture_long_press_at(const GestureState *g)
{
    return hold_at(g, &long_press);
}

bool gesture_hold_poll(GestureState *g, const GestureHold *h, uint64_t now, Gesture *out)
{
    if (now < hold_at(g, h))
        return false;
    g->long_reported = true;
    g->cancelled = true;
    g->tapped = false;
    *out = (Gesture){GESTURE_LONG_PRESS, g->x0, g->y0};
    return true;
}

bool gesture_poll(GestureState *g, uint64_t now, Gesture *out)
{
    return gesture_hold_poll(g, &long_press, now, out);
}

void gesture_cancel(GestureState *g)
{
    g->cancelled = true;
}

float gesture_drag_slop(const GestureState *g)
{
    return GESTURE_SLOP_FRAC * shorter_side(g);
}

bool gesture_pinch(const GestureState *g, float *scale, float *mx, float *my, float *mx0,
                   float *my0)
{
    if (!g->pinching || g->palm || g->n_down != 2)
        return false;
    float dx = g->px[1] - g->px[0], dy = g->py[1] - g->py[0];
    *scale = fmaxf(1.0f, sqrtf(dx * dx + dy * dy)) / g->pinch_d0;
    *mx = (g->px[0] + g->px[1]) / 2;
    *my = (g->py[0] + g->py[1]) / 2;
    *mx0 = g->pinch_mx0;
    *my0 = g->pinch_my0;
    return true;
}
