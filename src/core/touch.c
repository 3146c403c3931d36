/* SPDX-License-Identifier: GPL-3.0-or-later */
/* touch.c - see touch.h */
#include "touch.h"

#include <math.h>
#include <string.h>

void touch_init(Touch *t)
{
    memset(t, 0, sizeof *t);
    t->zoom0 = ZOOM_NONE;
}

/* ---- slides that move ------------------------------------------------------ */

float touch_offset(const Touch *t, uint64_t now)
{
    if (t->dragging)
        return t->drag;
    if (!t->animating)
        return 0.0f;
    uint64_t dt = now > t->anim_t0 ? now - t->anim_t0 : 0;
    if (dt >= TOUCH_ANIM_MS)
        return 0.0f;
    float p = (float)dt / TOUCH_ANIM_MS;
    float ease = 1.0f - (1.0f - p) * (1.0f - p) * (1.0f - p); /* ease-out: quick, then settling */
    return t->anim_from * (1.0f - ease);
}

void touch_animate_from(Touch *t, float from, uint64_t now)
{
    t->anim_from = from;
    t->anim_t0 = now;
    t->animating = from != 0.0f;
}

float touch_let_go(Touch *t, uint64_t now)
{
    float off = touch_offset(t, now);
    t->dragging = false;
    return off;
}

void touch_press(Touch *t, uint64_t now)
{
    if (t->animating && !t->dragging) {
        t->drag_base = touch_offset(t, now); /* catch a moving slide where it is */
        t->animating = false;
    } else {
        t->drag_base = 0.0f;
    }
}

void touch_release(Touch *t, int n_down)
{
    if (n_down == 0) {
        t->scrolling = false;
        t->panning = false;
    }
}

void touch_forget(Touch *t)
{
    t->panning = false;
    t->tap_pending = false;
}

void touch_unscroll(Touch *t)
{
    t->caption_scroll = 0;
}

void touch_stop(Touch *t)
{
    t->dragging = t->animating = t->scrolling = false;
    t->caption_scroll = 0;
}

void touch_end_pan(Touch *t)
{
    t->panning = false;
}

void touch_drop_tap(Touch *t)
{
    t->tap_pending = false;
}

bool touch_follow(Touch *t, const GestureState *g, const TouchSlide *sl, uint64_t now)
{
    if (!sl->can_drag || !g->tracking || g->cancelled || g->n_down != 1) {
        if (t->dragging && g->n_down > 1) { /* a second finger: not a page turn */
            t->dragging = false;
            touch_animate_from(t, t->drag, now);
            return true;
        }
        return false;
    }
    float dx = g->x - g->x0, dy = g->y - g->y0;
    float slop = gesture_drag_slop(g);
    /* up and down on a long caption scrolls it, a line at a time */
    if (!t->dragging && (t->scrolling || (fabsf(dy) >= slop && fabsf(dy) > fabsf(dx) && sl->scroll_area.w > 0 &&
                                          rect_contains(sl->scroll_area, g->x0, g->y0)))) {
        if (!t->scrolling) {
            t->scrolling = true;
            t->scroll_base = t->caption_scroll;
        }
        int to = t->scroll_base - (int)lroundf(dy / (float)(sl->scroll_line > 0 ? sl->scroll_line : 1));
        if (to < 0)
            to = 0;
        if (to > sl->scroll_max)
            to = sl->scroll_max;
        if (to == t->caption_scroll)
            return false;
        t->caption_scroll = to;
        return true;
    }
    if (!t->dragging && (fabsf(dx) < slop || fabsf(dx) < fabsf(dy)))
        return false;
    float d = t->drag_base + dx;
    if ((d > 0 && sl->first) || (d < 0 && sl->last))
        d *= TOUCH_EDGE_RESISTANCE; /* nothing there: it gives a little, and comes back */
    if (t->dragging && d == t->drag)
        return false;
    t->dragging = true;
    t->animating = false;
    t->drag = d;
    return true;
}

/* ---- a zoomed picture -------------------------------------------------------- */

bool touch_may_pan(const Touch *t, const GestureState *g)
{
    return g->tracking && g->n_down == 1 && (!g->cancelled || t->panning);
}

bool touch_pan(Touch *t, GestureState *g, const TouchPicture *p, ZoomView *zoom)
{
    if (!t->panning) {
        float dx = g->x - g->x0, dy = g->y - g->y0;
        float slop = gesture_drag_slop(g);
        if (!rect_contains(p->area, g->x0, g->y0) || dx * dx + dy * dy < slop * slop)
            return rect_contains(p->area, g->x0, g->y0); /* not yet a pan, but no page turn either */
        t->panning = true;
        t->zoom0 = *zoom;
        gesture_cancel(g); /* its release is neither a tap nor a swipe */
    }
    *zoom = zoom_about(p->area, p->iw, p->ih, t->zoom0, t->zoom0.z, g->x0, g->y0, g->x - g->x0, g->y - g->y0);
    return true;
}

ZoomView touch_pinch(Touch *t, const GestureState *g, const TouchPicture *p, ZoomView zoom, float k,
                     float mx, float my, float mx0, float my0)
{
    if (g->pinch_serial != t->pinch_serial) { /* a new pinch */
        t->pinch_serial = g->pinch_serial;
        t->zoom0 = zoom;
        t->panning = false;
    }
    return zoom_about(p->area, p->iw, p->ih, t->zoom0, t->zoom0.z * k, mx0, my0, mx - mx0, my - my0);
}

/* ---- a tap that waits, and time -------------------------------------------- */

void touch_tap_wait(Touch *t, Action a, int arg, uint64_t now)
{
    t->tap_pending = true;
    t->tap_action = a;
    t->tap_arg = arg;
    t->tap_t = now;
}

bool touch_tap_due(Touch *t, const GestureState *g, uint64_t now, bool force, Action *a, int *arg)
{
    if (!t->tap_pending)
        return false;
    uint64_t due = t->tap_t + GESTURE_DOUBLE_TAP_MS;
    /* a finger that came down in time may still make it a double tap */
    bool second_coming = g->n_down > 0 && g->t0 <= due;
    if (!force && (now < due || second_coming))
        return false;
    t->tap_pending = false;
    *a = t->tap_action;
    *arg = t->tap_arg;
    return true;
}

bool touch_tick(Touch *t, uint64_t now)
{
    if (!t->animating)
        return false;
    if (now >= t->anim_t0 + TOUCH_ANIM_MS)
        t->animating = false;
    return true; /* the next frame */
}

uint64_t touch_next_deadline(const Touch *t, uint64_t now)
{
    uint64_t d = UINT64_MAX;
    if (t->animating) { /* frames until it settles, then sleep */
        /* on the animation's own beat (every TOUCH_FRAME_MS from its start),
         * not a frame after the last one: drawing and presenting a frame take
         * time too, and would otherwise stretch every interval by it */
        uint64_t end = t->anim_t0 + TOUCH_ANIM_MS;
        uint64_t since = now > t->anim_t0 ? now - t->anim_t0 : 0;
        uint64_t beat = TOUCH_FRAME_MS - since % TOUCH_FRAME_MS;
        d = end > now ? (end - now < beat ? end - now : beat) : 0;
    }
    if (t->tap_pending) {
        uint64_t at = t->tap_t + GESTURE_DOUBLE_TAP_MS;
        uint64_t left = at > now ? at - now : 0;
        if (left < d)
            d = left;
    }
    return d;
}
