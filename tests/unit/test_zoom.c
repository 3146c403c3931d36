/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_zoom.c - the zoom arithmetic: fitted at 1, the point under the
 * fingers stays put, pans stop at the edges, 1:1 pixels as the limit. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "zoom.h"

/* a 1824 x 700 box, as a 1080p slide's image area */
static const Rect BOX = {48, 104, 1824, 700};

static void at_one_the_image_is_fitted(void **state)
{
    (void)state;
    RectF p = zoom_place(BOX, 5472, 3648, ZOOM_NONE); /* 3:2, height-bound: 1050 x 700 */
    assert_float_equal(p.w, 1050.0f, 0.5);
    assert_float_equal(p.h, 700.0f, 0.5);
    assert_float_equal(p.x, 48 + (1824 - 1050) / 2.0f, 0.5);
    assert_float_equal(p.y, 104.0f, 0.5);
}

static void the_limit_is_native_pixels_or_at_least_four(void **state)
{
    (void)state;
    assert_float_equal(zoom_max(BOX, 5472, 3648), 5472.0f / 1050.0f, 0.01); /* 5.2 */
    assert_float_equal(zoom_max(BOX, 800, 600), ZOOM_MAX_AT_LEAST, 0.0001);
    ZoomView v = zoom_clamp(BOX, 800, 600, (ZoomView){100.0f, 0.5f, 0.5f});
    assert_float_equal(v.z, ZOOM_MAX_AT_LEAST, 0.0001);
    v = zoom_clamp(BOX, 800, 600, (ZoomView){0.2f, 0.5f, 0.5f});
    assert_float_equal(v.z, 1.0f, 0.0001);
}

static void zooming_keeps_the_point_under_the_finger(void **state)
{
    (void)state;
    float px = 700, py = 300, u0, w0, u1, w1;
    zoom_image_point(BOX, 5472, 3648, ZOOM_NONE, px, py, &u0, &w0);
    ZoomView v = zoom_about(BOX, 5472, 3648, ZOOM_NONE, 3.0f, px, py, 0, 0);
    assert_float_equal(v.z, 3.0f, 0.0001);
    zoom_image_point(BOX, 5472, 3648, v, px, py, &u1, &w1);
    assert_float_equal(u0, u1, 1e-4);
    assert_float_equal(w0, w1, 1e-4);
    /* and a pinch whose midpoint moves carries the point along */
    ZoomView m = zoom_about(BOX, 5472, 3648, v, 3.0f, px, py, 40, -20);
    zoom_image_point(BOX, 5472, 3648, m, px + 40, py - 20, &u1, &w1);
    assert_float_equal(u0, u1, 1e-4);
    assert_float_equal(w0, w1, 1e-4);
}

static void a_pan_stops_at_the_edge(void **state)
{
    (void)state;
    ZoomView v = zoom_about(BOX, 5472, 3648, ZOOM_NONE, 2.0f, 960, 454, 0, 0);
    /* far to the right: the image's left edge may come to the box's left, no further */
    ZoomView p = zoom_about(BOX, 5472, 3648, v, v.z, 960, 454, 5000, 5000);
    RectF r = zoom_place(BOX, 5472, 3648, p);
    /* 2100 wide > 1824: it covers the box horizontally, stopping at its left edge */
    assert_float_equal(r.x, (float)BOX.x, 0.5);
    /* 1400 tall > 700: its top stops at the box's top */
    assert_float_equal(r.y, (float)BOX.y, 0.5);
}

static void an_image_narrower_than_the_box_stays_centred(void **state)
{
    (void)state;
    /* a tall portrait at 1.5x: 1.5 * 467 = 700 wide, narrower than 1824 */
    ZoomView v = zoom_about(BOX, 2000, 3000, ZOOM_NONE, 1.5f, 300, 300, -800, 0);
    RectF r = zoom_place(BOX, 2000, 3000, v);
    assert_float_equal(r.x + r.w / 2, BOX.x + BOX.w / 2.0f, 0.5);
}

static void nonsense_is_clamped(void **state)
{
    (void)state;
    ZoomView v = zoom_clamp(BOX, 5472, 3648, (ZoomView){NAN, NAN, -3.0f});
    assert_float_equal(v.z, 1.0f, 0.0001);
    assert_float_equal(v.cx, 0.5f, 0.0001);
    assert_float_equal(v.cy, 0.5f, 0.0001);
    /* an image without size does not divide by zero */
    RectF r = zoom_place(BOX, 0, 0, (ZoomView){2.0f, 0.5f, 0.5f});
    assert_float_equal(r.w, 0.0f, 0.0001);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(at_one_the_image_is_fitted),
        cmocka_unit_test(the_limit_is_native_pixels_or_at_least_four),
        cmocka_unit_test(zooming_keeps_the_point_under_the_finger),
        cmocka_unit_test(a_pan_stops_at_the_edge),
        cmocka_unit_test(an_image_narrower_than_the_box_stays_centred),
        cmocka_unit_test(nonsense_is_clamped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
