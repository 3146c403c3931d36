/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_touch.c - the finger on a slide alone: drag with edge resistance,
 * caption scroll, spring back on its own beat, pan of a zoomed picture, and
 * the tap that waits for a second one. Time is a parameter. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "touch.h"

static void feed(GestureState *g, EventType type, uint64_t t, float x, float y)
{
    Event ev = {.type = type, .t = t, .pointer = 1, .x = x, .y = y};
    Gesture out;
    gesture_feed(g, &ev, &out);
}

static void drag_follows_past_the_slop_with_resistance_at_the_edge(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, 1920, 1080);
    Touch t;
    touch_init(&t);
    TouchSlide sl = {.can_drag = true, .first = true};
    touch_press(&t, 0);
    feed(&g, EV_POINTER_DOWN, 0, 900, 500);
    feed(&g, EV_POINTER_MOVE, 10, 910, 500); /* within 0.02 * 1080 px */
    assert_false(touch_follow(&t, &g, &sl, 10));
    assert_false(t.dragging);
    feed(&g, EV_POINTER_MOVE, 20, 1000, 500);
    assert_true(touch_follow(&t, &g, &sl, 20));
    assert_true(t.drag == 100.0f * TOUCH_EDGE_RESISTANCE); /* nothing before the first slide */
    assert_true(touch_offset(&t, 20) == t.drag);
    /* let go: it springs back over TOUCH_ANIM_MS, frame by frame */
    float off = touch_let_go(&t, 30);
    touch_animate_from(&t, off, 30);
    assert_int_equal(touch_next_deadline(&t, 30), TOUCH_FRAME_MS);
    assert_true(touch_offset(&t, 30 + TOUCH_ANIM_MS / 2) < off);
    assert_true(touch_tick(&t, 30 + TOUCH_ANIM_MS));
    assert_false(t.animating);
    assert_int_equal(touch_next_deadline(&t, 300), UINT64_MAX);
}

static void vertical_move_on_the_caption_scrolls_it(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, 1920, 1080);
    Touch t;
    touch_init(&t);
    TouchSlide sl = {.can_drag = true, .scroll_area = {0, 800, 1920, 280}, .scroll_line = 30, .scroll_max = 3};
    feed(&g, EV_POINTER_DOWN, 0, 500, 1000);
    feed(&g, EV_POINTER_MOVE, 10, 500, 910);
    assert_true(touch_follow(&t, &g, &sl, 10));
    assert_int_equal(t.caption_scroll, 3);
    assert_false(t.dragging);
    touch_release(&t, 0);
    assert_false(t.scrolling);
}

static void one_finger_pans_a_zoomed_picture_and_uses_up_the_press(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, 1920, 1080);
    Touch t;
    touch_init(&t);
    TouchPicture p = {{460, 0, 1000, 1000}, 2000, 2000};
    ZoomView z = {2.0f, 0.5f, 0.5f};
    feed(&g, EV_POINTER_DOWN, 0, 900, 500);
    assert_true(touch_may_pan(&t, &g));
    assert_true(touch_pan(&t, &g, &p, &z)); /* on the picture: no page turn, not yet a pan */
    assert_false(t.panning);
    feed(&g, EV_POINTER_MOVE, 10, 1000, 500);
    assert_true(touch_pan(&t, &g, &p, &z));
    assert_true(t.panning);
    assert_true(z.cx < 0.5f); /* the picture moved right: its left part comes into view */
    assert_true(g.cancelled); /* the release is neither a tap nor a swipe */
}

static void a_tap_waits_for_its_double(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, 1920, 1080);
    Touch t;
    touch_init(&t);
    Action a;
    int arg;
    touch_tap_wait(&t, ACT_NEXT, 1, 1000);
    assert_int_equal(touch_next_deadline(&t, 1000), GESTURE_DOUBLE_TAP_MS);
    assert_false(touch_tap_due(&t, &g, 1000 + GESTURE_DOUBLE_TAP_MS - 1, false, &a, &arg));
    assert_true(touch_tap_due(&t, &g, 1000 + GESTURE_DOUBLE_TAP_MS, false, &a, &arg));
    assert_int_equal(a, ACT_NEXT);
    assert_int_equal(arg, 1);
    assert_false(touch_tap_due(&t, &g, 5000, true, &a, &arg)); /* once */
    touch_tap_wait(&t, ACT_PREV, 1, 6000);
    assert_true(touch_tap_due(&t, &g, 6000, true, &a, &arg)); /* forced by the next gesture */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(drag_follows_past_the_slop_with_resistance_at_the_edge),
        cmocka_unit_test(vertical_move_on_the_caption_scrolls_it),
        cmocka_unit_test(one_finger_pans_a_zoomed_picture_and_uses_up_the_press),
        cmocka_unit_test(a_tap_waits_for_its_double),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
