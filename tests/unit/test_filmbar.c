/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_filmbar.c - the scrub bar's arithmetic and its finger (filmbar.h):
 * where a moment lies on the bar and back, a clip's part of the film, the
 * seeks a dragging finger asks for (throttled, a last one where it lets
 * go), the volume within the staff's maximum, and times as m:ss. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "filmbar.h"

static const Rect BAR = {100, 50, 1000, 60};

static void test_position_and_back(void **state)
{
    (void)state;
    assert_int_equal(filmbar_ms_at(BAR, 0, 100000, 100), 0);
    assert_int_equal(filmbar_ms_at(BAR, 0, 100000, 600), 50000);
    assert_int_equal(filmbar_ms_at(BAR, 0, 100000, 1100), 100000);
    /* past its ends: its ends */
    assert_int_equal(filmbar_ms_at(BAR, 0, 100000, 0), 0);
    assert_int_equal(filmbar_ms_at(BAR, 0, 100000, 5000), 100000);
    /* a clip from 20 s to 30 s */
    assert_int_equal(filmbar_ms_at(BAR, 20000, 30000, 600), 25000);
    assert_int_equal(filmbar_x_of(BAR, 20000, 30000, 25000), 500);
    assert_int_equal(filmbar_x_of(BAR, 20000, 30000, 40000), 1000);
    assert_int_equal(filmbar_x_of(BAR, 0, 0, 5), 0); /* length unknown */
}

static void test_range(void **state)
{
    (void)state;
    int lo, hi;
    filmbar_range(-1, -1, 90000, &lo, &hi);
    assert_int_equal(lo, 0);
    assert_int_equal(hi, 90000);
    filmbar_range(12500, 70000, 90000, &lo, &hi);
    assert_int_equal(lo, 12500);
    assert_int_equal(hi, 70000);
    filmbar_range(12500, 200000, 90000, &lo, &hi); /* an end past the film: the film's end */
    assert_int_equal(hi, 90000);
    filmbar_range(-1, -1, -1, &lo, &hi); /* not known yet */
    assert_true(hi <= lo);
}

static void test_drag_seeks_throttled(void **state)
{
    (void)state;
    FilmBar b = {0};
    int ms = -1;
    assert_false(filmbar_press(&b, BAR, 0, 0, 600, 1000, &ms)); /* length unknown: no hold */
    assert_false(b.active);
    assert_true(filmbar_press(&b, BAR, 0, 100000, 600, 1000, &ms));
    assert_int_equal(ms, 50000);
    assert_true(b.active);
    /* a frame later: too soon for another seek, but the bar follows */
    assert_false(filmbar_move(&b, 700, 1016, &ms));
    assert_int_equal(b.at_ms, 60000);
    assert_true(filmbar_move(&b, 800, 1000 + FILMBAR_SEEK_EVERY_MS, &ms));
    assert_int_equal(ms, 70000);
    assert_false(filmbar_move(&b, 900, 1000 + FILMBAR_SEEK_EVERY_MS + 16, &ms));
    /* let go: the last seek, where the finger was */
    assert_true(filmbar_release(&b, 900, &ms));
    assert_int_equal(ms, 80000);
    assert_false(b.active);
    assert_false(filmbar_move(&b, 100, 99999, &ms));
    /* let go where the last seek went: no second one */
    assert_true(filmbar_press(&b, BAR, 0, 100000, 350, 5000, &ms));
    assert_false(filmbar_release(&b, 350, &ms));
}

static void test_volume_within_the_maximum(void **state)
{
    (void)state;
    assert_int_equal(filmbar_volume_clamp(100, 60), 60);
    assert_int_equal(filmbar_volume_clamp(-5, 60), 0);
    assert_int_equal(filmbar_volume_clamp(50, 200), 50); /* a maximum past 100 is 100 */
    assert_int_equal(filmbar_volume_clamp(150, 200), 100);
    assert_int_equal(filmbar_volume_step(60, 1, 60), 60); /* louder stops at the staff's maximum */
    assert_int_equal(filmbar_volume_step(55, 1, 60), 60);
    assert_int_equal(filmbar_volume_step(60, -1, 60), 50);
    assert_int_equal(filmbar_volume_step(5, -1, 60), 0);
    assert_int_equal(filmbar_volume_step(0, -1, 60), 0);
    assert_int_equal(filmbar_volume_step(0, 1, 0), 0); /* maximum 0: no sound at all */
}

static void test_time_text(void **state)
{
    (void)state;
    char t[16];
    filmbar_time_text(0, t, sizeof t);
    assert_string_equal(t, "0:00");
    filmbar_time_text(65999, t, sizeof t);
    assert_string_equal(t, "1:05");
    filmbar_time_text(600000, t, sizeof t);
    assert_string_equal(t, "10:00");
    filmbar_time_text(3723000, t, sizeof t);
    assert_string_equal(t, "1:02:03");
    filmbar_time_text(-1, t, sizeof t);
    assert_string_equal(t, "-:--");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_position_and_back),
        cmocka_unit_test(test_range),
        cmocka_unit_test(test_drag_seeks_throttled),
        cmocka_unit_test(test_volume_within_the_maximum),
        cmocka_unit_test(test_time_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
