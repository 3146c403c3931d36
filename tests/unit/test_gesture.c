/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_gesture.c - recorded pointer sequences -> tap, swipe or nothing.
 *
 * Screen 1920x1080: a tap may wander 2% of 1080 = 21.6 px; a slow swipe
 * travels 8% of 1920 = 153.6 px; a fling is >= 0.5 px/ms over >= 57.6 px.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>

#include "gesture.h"

#define W 1920
#define H 1080
#define FINGER 1   /* the first finger of a touch */

/* One recorded sample. */
typedef struct {
    EventType type;
    uint64_t t;
    int pointer;
    float x, y;
} Sample;

#define DOWN(t, p, x, y) {EV_POINTER_DOWN, (t), (p), (x), (y)}
#define MOVE(t, p, x, y) {EV_POINTER_MOVE, (t), (p), (x), (y)}
#define UP(t, p, x, y) {EV_POINTER_UP, (t), (p), (x), (y)}

/* Feed the samples to g; returns the number of gestures reported and the
 * last one in *out (kind GESTURE_NONE when there was none). */
static int play_on(GestureState *g, const Sample *s, int n, Gesture *out)
{
    int reported = 0;
    out->kind = GESTURE_NONE;
    for (int i = 0; i < n; i++) {
        Event ev = {.type = s[i].type, .t = s[i].t, .pointer = s[i].pointer, .x = s[i].x, .y = s[i].y};
        Gesture got;
        if (gesture_feed(g, &ev, &got)) {
            reported++;
            *out = got;
            /* a gesture completes only when the last pointer lifts */
            assert_int_equal(s[i].type, EV_POINTER_UP);
        }
    }
    return reported;
}

static GestureKind play(const Sample *s, int n, Gesture *out)
{
    GestureState g;
    gesture_init(&g, W, H);
    Gesture tmp;
    if (!out)
        out = &tmp;
    int k = play_on(&g, s, n, out);
    assert_true(k <= 1);
    return out->kind;
}

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- taps ------------------------------------------------------------------ */

static void quick_press_is_a_tap_where_it_started(void **state)
{
    (void)state;
    const Sample s[] = {DOWN(1000, FINGER, 500, 400), UP(1080, FINGER, 500, 400)};
    Gesture g;
    assert_int_equal(play(s, N(s), &g), GESTURE_TAP);
    assert_true(g.x == 500.0f && g.y == 400.0f);
}

static void press_of_exactly_tap_max_is_still_a_tap(void **state)
{
    (void)state;
    const Sample s[] = {DOWN(1000, FINGER, 500, 400), UP(1000 + GESTURE_TAP_MAX_MS, FINGER, 500, 400)};
    assert_int_equal(play(s, N(s), NULL), GESTURE_TAP);
}

static void long_press_is_not_a_tap(void **state)
{
    (void)state;
    const Sample s[] = {DOWN(1000, FINGER, 500, 400),
                        UP(1000 + GESTURE_TAP_MAX_MS + 1, FINGER, 500, 400)};
    assert_int_equal(play(s, N(s), NULL), GESTURE_NONE);
}

static void small_jitter_is_still_a_tap(void **state)
{
    (void)state;
    const Sample s[] = {
        DOWN(0, FINGER, 960, 540),  MOVE(16, FINGER, 968, 545), MOVE(32, FINGER, 952, 533),
        MOVE(48, FINGER, 975, 548), UP(70, FINGER, 972, 550),
    };
    Gesture g;
    assert_int_equal(play(s, N(s), &g), GESTURE_TAP);
    assert_true(g.x == 960.0f && g.y == 540.0f);
}

static void movement_beyond_slop_is_not_a_tap(void **state)
{
    (void)state;
    /* 40 px down-right in 100 ms: too far for a tap, too short and too
     * diagonal-ish for a swipe. */
    const Sample s[] = {DOWN(0, FINGER, 960, 540), MOVE(50, FINGER, 980, 560),
                        UP(100, FINGER, 990, 570)};
    assert_int_equal(play(s, N(s), NULL), GESTURE_NONE);
}

/* ---- swipes ---------------------------------------------------------------- */

static void slow_long_swipe_left(void **state)
{
    (void)state;
    /* 600 px (> 576, 30% of 1920) right-to-left in one second: 0.6 px/ms... and
     * a slow 600 px drag over two seconds counts too. */
    const Sample s[] = {
        DOWN(0, FINGER, 1600, 500),   MOVE(500, FINGER, 1450, 502), MOVE(1000, FINGER, 1300, 505),
        MOVE(1500, FINGER, 1150, 503), UP(2000, FINGER, 1000, 504),
    };
    Gesture g;
    assert_int_equal(play(s, N(s), &g), GESTURE_SWIPE_LEFT);
    assert_true(g.x == 1600.0f && g.y == 500.0f);
}

static void slow_long_swipe_right(void **state)
{
    (void)state;
    const Sample s[] = {
        DOWN(0, FINGER, 300, 500), MOVE(1000, FINGER, 600, 490), UP(2000, FINGER, 900, 495),
    };
    assert_int_equal(play(s, N(s), NULL), GESTURE_SWIPE_RIGHT);
}

static void swipe_just_past_the_fraction_counts(void **state)
{
    (void)state;
    float d = GESTURE_SWIPE_FRAC * W + 1.0f;
    const Sample s[] = {DOWN(0, FINGER, 1000, 500), UP(2000, FINGER, 1000 - d, 500)};
    assert_int_equal(play(s, N(s), NULL), GESTURE_SWIPE_LEFT);
}

static void short_slow_drag_is_nothing(void **state)
{
    (void)state;
    /* 100 px in a second: past the tap slop, short of a swipe, not fast */
    const Sample s[] = {DOWN(0, FINGER, 1000, 500), MOVE(500, FINGER, 950, 500),
                        UP(1000, FINGER, 900, 500)};
    assert_int_equal(play(s, N(s), NULL), GESTURE_NONE);
}

static void fast_short_fling_is_a_swipe(void **state)
{
    (void)state;
    /* 80 px in 50 ms = 1.6 px/ms, over more than 57.6 px */
    const Sample s[] = {DOWN(0, FINGER, 1000, 500), MOVE(25, FINGER, 960, 500),
                        UP(50, FINGER, 920, 500)};
    assert_int_equal(play(s, N(s), NULL), GESTURE_SWIPE_LEFT);
    const Sample r[] = {DOWN(0, FINGER, 1000, 500), UP(50, FINGER, 1080, 500)};
    assert_int_equal(play(r, N(r), NULL), GESTURE_SWIPE_RIGHT);
}

static void fast_but_tiny_flick_is_nothing(void **state)
{
    (void)state;
    /* 40 px in 10 ms is fast, but shorter than the fling minimum */
    const Sample s[] = {DOWN(0, FINGER, 1000, 500), UP(10, FINGER, 960, 500)};
    assert_int_equal(play(s, N(s), NULL), GESTURE_NONE);
}

static void vertical_drag_is_nothing(void **state)
{
    (void)state;
    const Sample s[] = {DOWN(0, FINGER, 1000, 200), MOVE(150, FINGER, 1020, 400),
                        UP(300, FINGER, 1050, 700)};
    assert_int_equal(play(s, N(s), NULL), GESTURE_NONE);
}

static void the_lift_position_decides_not_the_last_move(void **state)
{
    (void)state;
    /* moved far, then came back before lifting: a tap */
    const Sample s[] = {DOWN(0, FINGER, 1000, 500), MOVE(100, FINGER, 700, 500),
                        UP(200, FINGER, 1003, 500)};
    assert_int_equal(play(s, N(s), NULL), GESTURE_TAP);
}

/* ---- several pointers -------------------------------------------------------- */

static void second_finger_cancels_tap(void **state)
{
    (void)state;
    const Sample s[] = {
        DOWN(0, 1, 900, 500), DOWN(20, 2, 1000, 500), UP(60, 2, 1000, 500), UP(80, 1, 900, 500),
    };
    assert_int_equal(play(s, N(s), NULL), GESTURE_NONE);
}

static void second_finger_cancels_swipe_whichever_lifts_first(void **state)
{
    (void)state;
    const Sample a[] = {
        DOWN(0, 1, 1200, 500), DOWN(10, 2, 1300, 500), MOVE(100, 1, 900, 500),
        UP(200, 1, 900, 500), UP(220, 2, 1300, 500),
    };
    assert_int_equal(play(a, N(a), NULL), GESTURE_NONE);
    const Sample b[] = {
        DOWN(0, 1, 1200, 500), DOWN(10, 2, 1300, 500), UP(50, 2, 1300, 500),
        MOVE(100, 1, 900, 500), UP(200, 1, 900, 500),
    };
    assert_int_equal(play(b, N(b), NULL), GESTURE_NONE);
}

static void three_finger_palm_does_nothing(void **state)
{
    (void)state;
    const Sample s[] = {
        DOWN(0, 1, 800, 500),  DOWN(5, 2, 900, 520),  DOWN(8, 3, 1000, 540),
        MOVE(50, 1, 600, 500), MOVE(50, 2, 700, 520), MOVE(50, 3, 800, 540),
        UP(120, 3, 800, 540),  UP(125, 1, 600, 500),  UP(130, 2, 700, 520),
    };
    assert_int_equal(play(s, N(s), NULL), GESTURE_NONE);
}

static void tap_after_a_cancelled_touch_works_again(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, W, H);
    Gesture out;
    const Sample palm[] = {DOWN(0, 1, 800, 500), DOWN(5, 2, 900, 520), UP(60, 1, 800, 500),
                           UP(70, 2, 900, 520)};
    assert_int_equal(play_on(&g, palm, N(palm), &out), 0);
    const Sample tap[] = {DOWN(1000, 1, 300, 300), UP(1050, 1, 300, 300)};
    assert_int_equal(play_on(&g, tap, N(tap), &out), 1);
    assert_int_equal(out.kind, GESTURE_TAP);
    assert_true(out.x == 300.0f && out.y == 300.0f);
}

static void up_without_down_is_ignored(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, W, H);
    Gesture out;
    /* the touch that woke the screen lifted before we were listening */
    const Sample stray[] = {UP(10, FINGER, 500, 500), UP(20, POINTER_MOUSE, 500, 500)};
    assert_int_equal(play_on(&g, stray, N(stray), &out), 0);
    assert_int_equal(g.n_down, 0);
    const Sample tap[] = {DOWN(100, FINGER, 500, 500), UP(150, FINGER, 500, 500)};
    assert_int_equal(play_on(&g, tap, N(tap), &out), 1);
    assert_int_equal(out.kind, GESTURE_TAP);
}

static void stray_up_of_another_pointer_does_not_end_a_gesture(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, W, H);
    Gesture out;
    const Sample s[] = {DOWN(0, 1, 1200, 500), UP(10, 5, 1200, 500), MOVE(200, 1, 1000, 500),
                        UP(400, 1, 1000, 500)};
    assert_int_equal(play_on(&g, s, N(s), &out), 1);
    assert_int_equal(out.kind, GESTURE_SWIPE_LEFT);
}

static void moves_of_other_pointers_are_not_tracked(void **state)
{
    (void)state;
    /* the mouse hovering while a finger taps does not turn the tap into a swipe */
    const Sample s[] = {DOWN(0, FINGER, 500, 500), MOVE(20, POINTER_MOUSE, 1500, 500),
                        UP(60, FINGER, 500, 500)};
    assert_int_equal(play(s, N(s), NULL), GESTURE_TAP);
}

static void mouse_and_finger_behave_the_same(void **state)
{
    (void)state;
    const int ids[] = {POINTER_MOUSE, 1, 3};
    for (int i = 0; i < 3; i++) {
        int p = ids[i];
        const Sample tap[] = {DOWN(0, p, 500, 500), UP(90, p, 504, 497)};
        assert_int_equal(play(tap, N(tap), NULL), GESTURE_TAP);
        const Sample swipe[] = {DOWN(0, p, 1500, 500), MOVE(300, p, 1300, 510), UP(600, p, 1100, 515)};
        assert_int_equal(play(swipe, N(swipe), NULL), GESTURE_SWIPE_LEFT);
        const Sample hold[] = {DOWN(0, p, 500, 500), UP(2000, p, 500, 500)};
        assert_int_equal(play(hold, N(hold), NULL), GESTURE_NONE);
    }
}

static void thresholds_scale_with_the_screen(void **state)
{
    (void)state;
    /* 700 px slowly is a page turn at 1920 wide (30% = 576 px) but not at 3840
     * (1152 px) */
    const Sample s[] = {DOWN(0, FINGER, 2000, 1000), UP(2000, FINGER, 1300, 1000)};
    GestureState g;
    Gesture out;
    gesture_init(&g, 3840, 2160);
    assert_int_equal(play_on(&g, s, N(s), &out), 0);
    gesture_resize(&g, W, H);
    assert_int_equal(play_on(&g, s, N(s), &out), 1);
    assert_int_equal(out.kind, GESTURE_SWIPE_LEFT);
}

/* ---- double tap, long press, pinch ----------------------------------------- */

static void two_quick_taps_near_each_other_are_a_tap_then_a_double_tap(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, W, H);
    const Sample s[] = {DOWN(1000, FINGER, 800, 400), UP(1060, FINGER, 800, 400),
                        DOWN(1250, FINGER, 820, 410), UP(1300, FINGER, 820, 410)};
    Gesture out;
    assert_int_equal(play_on(&g, s, 2, &out), 1);
    assert_int_equal(out.kind, GESTURE_TAP);
    assert_int_equal(play_on(&g, s + 2, 2, &out), 1);
    assert_int_equal(out.kind, GESTURE_DOUBLE_TAP);
    assert_true(out.x == 820.0f && out.y == 410.0f);
}

static void slow_or_distant_second_taps_are_single_taps(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, W, H);
    Gesture out;
    /* 301 ms between the first lift and the second touch: too slow */
    const Sample slow[] = {DOWN(0, FINGER, 800, 400), UP(50, FINGER, 800, 400),
                           DOWN(50 + GESTURE_DOUBLE_TAP_MS + 1, FINGER, 800, 400),
                           UP(400, FINGER, 800, 400)};
    play_on(&g, slow, 4, &out);
    assert_int_equal(out.kind, GESTURE_TAP);
    /* 5% of 1080 = 54 px: 60 px away is another tap */
    gesture_init(&g, W, H);
    const Sample far[] = {DOWN(0, FINGER, 800, 400), UP(50, FINGER, 800, 400),
                          DOWN(150, FINGER, 860, 400), UP(200, FINGER, 860, 400)};
    play_on(&g, far, 4, &out);
    assert_int_equal(out.kind, GESTURE_TAP);
}

static void a_third_quick_tap_starts_a_new_pair(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, W, H);
    const Sample s[] = {DOWN(0, FINGER, 800, 400),   UP(40, FINGER, 800, 400),
                        DOWN(150, FINGER, 800, 400), UP(190, FINGER, 800, 400),
                        DOWN(300, FINGER, 800, 400), UP(340, FINGER, 800, 400)};
    Gesture out;
    play_on(&g, s, 4, &out);
    assert_int_equal(out.kind, GESTURE_DOUBLE_TAP);
    play_on(&g, s + 4, 2, &out);
    assert_int_equal(out.kind, GESTURE_TAP);
}

static void a_swipe_between_taps_breaks_the_pair(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, W, H);
    const Sample s[] = {DOWN(0, FINGER, 800, 400),   UP(40, FINGER, 800, 400),
                        DOWN(100, FINGER, 800, 400), MOVE(150, FINGER, 500, 400),
                        UP(200, FINGER, 500, 400),   DOWN(260, FINGER, 800, 400),
                        UP(300, FINGER, 800, 400)};
    Gesture out;
    play_on(&g, s, 5, &out);
    assert_int_equal(out.kind, GESTURE_SWIPE_LEFT);
    play_on(&g, s + 5, 2, &out);
    assert_int_equal(out.kind, GESTURE_TAP);
}

static void a_finger_held_still_is_a_long_press_once_and_no_tap(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, W, H);
    Event down = {.type = EV_POINTER_DOWN, .t = 1000, .pointer = FINGER, .x = 500, .y = 500};
    Gesture out;
    gesture_feed(&g, &down, &out);
    assert_int_equal(gesture_long_press_at(&g), 1000 + GESTURE_LONG_PRESS_MS);
    assert_false(gesture_poll(&g, 1000 + GESTURE_LONG_PRESS_MS - 1, &out));
    assert_true(gesture_poll(&g, 1000 + GESTURE_LONG_PRESS_MS, &out));
    assert_int_equal(out.kind, GESTURE_LONG_PRESS);
    assert_false(gesture_poll(&g, 5000, &out)); /* once */
    Event up = {.type = EV_POINTER_UP, .t = 1000 + GESTURE_LONG_PRESS_MS, .pointer = FINGER,
                .x = 500, .y = 500};
    assert_false(gesture_feed(&g, &up, &out)); /* and its lift is no tap */
}

static void a_moving_finger_is_no_long_press(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, W, H);
    Event down = {.type = EV_POINTER_DOWN, .t = 0, .pointer = FINGER, .x = 500, .y = 500};
    Event move = {.type = EV_POINTER_MOVE, .t = 300, .pointer = FINGER, .x = 600, .y = 500};
    Gesture out;
    gesture_feed(&g, &down, &out);
    gesture_feed(&g, &move, &out);
    assert_int_equal(gesture_long_press_at(&g), UINT64_MAX);
    assert_false(gesture_poll(&g, 2000, &out));
}

static void two_fingers_pinch_with_scale_and_midpoint(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, W, H);
    Gesture out;
    const Sample s[] = {DOWN(0, 1, 900, 500), DOWN(10, 2, 1000, 500), MOVE(50, 1, 850, 520),
                        MOVE(50, 2, 1050, 520)};
    play_on(&g, s, N(s), &out);
    float k, mx, my, mx0, my0;
    assert_true(gesture_pinch(&g, &k, &mx, &my, &mx0, &my0));
    assert_float_equal(k, 2.0f, 1e-4);
    assert_float_equal(mx, 950.0f, 1e-4);
    assert_float_equal(my, 520.0f, 1e-4);
    assert_float_equal(mx0, 950.0f, 1e-4);
    assert_float_equal(my0, 500.0f, 1e-4);
    unsigned serial = g.pinch_serial;
    /* one finger lifts: the pinch ends, and its lift taps nothing */
    const Sample up[] = {UP(100, 1, 850, 520), UP(120, 2, 1050, 520)};
    assert_int_equal(play_on(&g, up, 1, &out), 0);
    assert_false(gesture_pinch(&g, &k, &mx, &my, &mx0, &my0));
    assert_int_equal(play_on(&g, up + 1, 1, &out), 0);
    /* a new pinch is a new one */
    const Sample again[] = {DOWN(200, 1, 900, 500), DOWN(210, 2, 1000, 500)};
    play_on(&g, again, 2, &out);
    assert_true(gesture_pinch(&g, &k, &mx, &my, &mx0, &my0));
    assert_int_equal(g.pinch_serial, serial + 1);
    assert_float_equal(k, 1.0f, 1e-4);
}

static void a_palm_does_not_pinch_even_when_fingers_lift_to_two(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, W, H);
    Gesture out;
    const Sample s[] = {DOWN(0, 1, 900, 500), DOWN(5, 2, 1000, 500), DOWN(8, 3, 1100, 520),
                        MOVE(30, 1, 700, 500), UP(40, 3, 1100, 520), MOVE(60, 2, 1300, 500)};
    assert_int_equal(play_on(&g, s, N(s), &out), 0);
    float k, mx, my, mx0, my0;
    assert_false(gesture_pinch(&g, &k, &mx, &my, &mx0, &my0));
    assert_int_equal(gesture_long_press_at(&g), UINT64_MAX);
    const Sample up[] = {UP(80, 1, 700, 500), UP(90, 2, 1300, 500)};
    assert_int_equal(play_on(&g, up, 2, &out), 0);
    /* and the next touch is an ordinary tap */
    const Sample tap[] = {DOWN(500, 1, 900, 500), UP(550, 1, 900, 500)};
    play_on(&g, tap, 2, &out);
    assert_int_equal(out.kind, GESTURE_TAP);
}

/* Two holds on one recogniser: each with its own duration and area. */
static void holds_have_their_own_duration_and_area(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, 1920, 1080);
    GestureHold corner = {3000, 120.0f, 60.0f};
    Event down = {.type = EV_POINTER_DOWN, .t = 1000, .pointer = FINGER, .x = 50, .y = 50};
    Gesture out;
    gesture_feed(&g, &down, &out);
    assert_int_equal(gesture_hold_wake(&g, &corner), 4000);
    assert_false(gesture_hold_poll(&g, &corner, 3999, &out));
    assert_true(gesture_hold_poll(&g, &corner, 4000, &out));
    assert_int_equal(out.kind, GESTURE_LONG_PRESS);
    assert_int_equal(gesture_hold_wake(&g, &corner), UINT64_MAX); /* used up */
    /* outside the corner: the hold wakes the caller but does not fire */
    Event up = {.type = EV_POINTER_UP, .t = 4100, .pointer = FINGER, .x = 50, .y = 50};
    assert_false(gesture_feed(&g, &up, &out));
    Event far = {.type = EV_POINTER_DOWN, .t = 5000, .pointer = FINGER, .x = 500, .y = 50};
    gesture_feed(&g, &far, &out);
    assert_int_equal(gesture_hold_wake(&g, &corner), 8000);
    assert_false(gesture_hold_poll(&g, &corner, 9000, &out));
    assert_true(gesture_poll(&g, 9000, &out)); /* the recogniser's own long press, anywhere */
}

static void cancel_makes_the_release_no_tap(void **state)
{
    (void)state;
    GestureState g;
    gesture_init(&g, 1920, 1080);
    Event down = {.type = EV_POINTER_DOWN, .t = 1000, .pointer = FINGER, .x = 500, .y = 500};
    Event up = {.type = EV_POINTER_UP, .t = 1100, .pointer = FINGER, .x = 500, .y = 500};
    Gesture out;
    gesture_feed(&g, &down, &out);
    gesture_cancel(&g);
    assert_false(gesture_feed(&g, &up, &out));
    assert_true(gesture_drag_slop(&g) == 0.02f * 1080); /* no 8 px floor, as the show has it */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quick_press_is_a_tap_where_it_started),
        cmocka_unit_test(press_of_exactly_tap_max_is_still_a_tap),
        cmocka_unit_test(long_press_is_not_a_tap),
        cmocka_unit_test(holds_have_their_own_duration_and_area),
        cmocka_unit_test(cancel_makes_the_release_no_tap),
        cmocka_unit_test(small_jitter_is_still_a_tap),
        cmocka_unit_test(movement_beyond_slop_is_not_a_tap),
        cmocka_unit_test(slow_long_swipe_left),
        cmocka_unit_test(slow_long_swipe_right),
        cmocka_unit_test(swipe_just_past_the_fraction_counts),
        cmocka_unit_test(short_slow_drag_is_nothing),
        cmocka_unit_test(fast_short_fling_is_a_swipe),
        cmocka_unit_test(fast_but_tiny_flick_is_nothing),
        cmocka_unit_test(vertical_drag_is_nothing),
        cmocka_unit_test(the_lift_position_decides_not_the_last_move),
        cmocka_unit_test(second_finger_cancels_tap),
        cmocka_unit_test(second_finger_cancels_swipe_whichever_lifts_first),
        cmocka_unit_test(three_finger_palm_does_nothing),
        cmocka_unit_test(tap_after_a_cancelled_touch_works_again),
        cmocka_unit_test(up_without_down_is_ignored),
        cmocka_unit_test(stray_up_of_another_pointer_does_not_end_a_gesture),
        cmocka_unit_test(moves_of_other_pointers_are_not_tracked),
        cmocka_unit_test(mouse_and_finger_behave_the_same),
        cmocka_unit_test(thresholds_scale_with_the_screen),
        cmocka_unit_test(two_quick_taps_near_each_other_are_a_tap_then_a_double_tap),
        cmocka_unit_test(slow_or_distant_second_taps_are_single_taps),
        cmocka_unit_test(a_third_quick_tap_starts_a_new_pair),
        cmocka_unit_test(a_swipe_between_taps_breaks_the_pair),
        cmocka_unit_test(a_finger_held_still_is_a_long_press_once_and_no_tap),
        cmocka_unit_test(a_moving_finger_is_no_long_press),
        cmocka_unit_test(two_fingers_pinch_with_scale_and_midpoint),
        cmocka_unit_test(a_palm_does_not_pinch_even_when_fingers_lift_to_two),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
