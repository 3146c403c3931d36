/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_geom.c - rect_fit (letterboxing) and rect_contains. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>

#include "geom.h"

static void assert_rect(Rect r, int x, int y, int w, int h)
{
    if (r.x != x || r.y != y || r.w != w || r.h != h)
        fail_msg("rect is %d,%d %dx%d, expected %d,%d %dx%d", r.x, r.y, r.w, r.h, x, y, w, h);
}

static void wide_image_in_a_tall_box_is_letterboxed(void **state)
{
    (void)state;
    /* 16:9 into 1000x1000: full width, 563 high, centred vertically */
    assert_rect(rect_fit((Rect){0, 0, 1000, 1000}, 1920, 1080), 0, 218, 1000, 563);
}

static void tall_image_in_a_wide_box_is_pillarboxed(void **state)
{
    (void)state;
    assert_rect(rect_fit((Rect){100, 50, 1920, 1080}, 1080, 1920), 100 + (1920 - 608) / 2, 50, 608,
                1080);
}

static void same_aspect_fills_the_box(void **state)
{
    (void)state;
    assert_rect(rect_fit((Rect){10, 20, 1920, 1080}, 3840, 2160), 10, 20, 1920, 1080);
    assert_rect(rect_fit((Rect){0, 0, 640, 480}, 4, 3), 0, 0, 640, 480);
}

static void fitted_rect_never_leaves_the_box(void **state)
{
    (void)state;
    Rect box = {7, 11, 1237, 613};
    for (int iw = 1; iw < 5000; iw += 97) {
        for (int ih = 1; ih < 5000; ih += 89) {
            Rect r = rect_fit(box, iw, ih);
            assert_true(r.w >= 1 && r.h >= 1);
            assert_true(r.x >= box.x && r.y >= box.y);
            assert_true(r.x + r.w <= box.x + box.w && r.y + r.h <= box.y + box.h);
            /* one side touches the box */
            assert_true(r.w == box.w || r.h == box.h);
        }
    }
}

static void extreme_aspect_keeps_at_least_one_pixel(void **state)
{
    (void)state;
    Rect r = rect_fit((Rect){0, 0, 100, 100}, 100000, 1);
    assert_int_equal(r.w, 100);
    assert_int_equal(r.h, 1);
}

static void degenerate_sizes_give_an_empty_rect(void **state)
{
    (void)state;
    assert_rect(rect_fit((Rect){5, 6, 100, 100}, 0, 10), 5, 6, 0, 0);
    assert_rect(rect_fit((Rect){5, 6, 100, 100}, 10, -1), 5, 6, 0, 0);
    assert_rect(rect_fit((Rect){5, 6, 0, 100}, 10, 10), 5, 6, 0, 0);
}

static void contains_is_half_open(void **state)
{
    (void)state;
    Rect r = {10, 20, 30, 40};
    assert_true(rect_contains(r, 10, 20));
    assert_true(rect_contains(r, 39.9f, 59.9f));
    assert_false(rect_contains(r, 40, 30));
    assert_false(rect_contains(r, 20, 60));
    assert_false(rect_contains(r, 9.9f, 30));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wide_image_in_a_tall_box_is_letterboxed),
        cmocka_unit_test(tall_image_in_a_wide_box_is_pillarboxed),
        cmocka_unit_test(same_aspect_fills_the_box),
        cmocka_unit_test(fitted_rect_never_leaves_the_box),
        cmocka_unit_test(extreme_aspect_keeps_at_least_one_pixel),
        cmocka_unit_test(degenerate_sizes_give_an_empty_rect),
        cmocka_unit_test(contains_is_half_open),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
