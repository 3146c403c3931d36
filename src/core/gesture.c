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

static GestureKind classify(const GestureState *g, uint64_t t)
{
    float dx = g->x - g->x0, dy = g->y - g->y0;
    float dist = sqrtf(dx * dx + dy * dy);
    float shorter = (float)(g->screen_w < g->screen_h ? g->screen_w : g->screen_h);
    float slop = fmaxf(8.0f, GESTURE_SLOP_FRAC * shorter);
    uint64_t dt = t > g->t0 ? t - g->t0 : 0;

    if (dist <= slop)
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

bool gesture_feed(GestureState *g, const Event *ev, Gesture *out)
{
    switch (ev->type) {
    case EV_POINTER_DOWN:
        if (find_down(g, ev->pointer) < 0 && g->n_down < GESTURE_MAX_POINTERS)
            g->down[g->n_down++] = ev->pointer;
        if (g->n_down == 1) {
            g->tracking = true;
            g->cancelled = false;
            g->pointer = ev->pointer;
            g->x0 = g->x = ev->x;
            g->y0 = g->y = ev->y;
            g->t0 = ev->t;
        } else {
            g->cancelled = true;
        }
        return false;
    case EV_POINTER_MOVE:
        if (g->tracking && ev->pointer == g->pointer) {
            g->x = ev->x;
            g->y = ev->y;
        }
        return false;
    case EV_POINTER_UP: {
        int i = find_down(g, ev->pointer);
        if (i < 0)
            return false; /* an up without a down (e.g. the waking touch): ignore */
        g->down[i] = g->down[--g->n_down];
        if (ev->pointer == g->pointer) {
            g->x = ev->x;
            g->y = ev->y;
        }
        if (g->n_down > 0 || !g->tracking)
            return false;
        g->tracking = false;
        if (g->cancelled)
            return false;
        GestureKind k = classify(g, ev->t);
        if (k == GESTURE_NONE)
            return false;
        *out = (Gesture){k, g->x0, g->y0};
        return true;
    }
    default:
        return false;
    }
}
