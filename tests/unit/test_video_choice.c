/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_video_choice.c - the video driver: X11 through Xwayland under Wayland
 * without a GPU, Wayland with one, and SDL_VIDEODRIVER always respected. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "video_choice.h"

static void assert_driver(VideoChoice c, const char *want)
{
    if (!want)
        assert_null(c.driver);
    else {
        assert_non_null(c.driver);
        assert_string_equal(c.driver, want);
    }
}

static void under_cage_without_gpu_x11_through_xwayland(void **state)
{
    (void)state;
    VideoChoice c = video_choose(NULL, "wayland-0", ":0", false);
    assert_driver(c, "x11");
    assert_non_null(strstr(c.why, "Xwayland (:0)"));
    assert_non_null(strstr(c.why, "no render node"));
    assert_null(strchr(c.why, '\n')); /* one line */
}

static void under_wayland_with_gpu_wayland(void **state)
{
    (void)state;
    VideoChoice c = video_choose(NULL, "wayland-1", ":0", true);
    assert_driver(c, "wayland");
    assert_non_null(strstr(c.why, "with a GPU"));
    assert_driver(video_choose("", "wayland-1", NULL, true), "wayland");
}

static void without_xwayland_wayland_and_says_the_cost(void **state)
{
    (void)state;
    VideoChoice c = video_choose(NULL, "wayland-0", NULL, false);
    assert_driver(c, "wayland");
    assert_non_null(strstr(c.why, "install xwayland"));
    /* an empty DISPLAY is no display */
    assert_driver(video_choose("", "wayland-0", "", false), "wayland");
}

static void the_users_driver_always_wins(void **state)
{
    (void)state;
    const char *drivers[] = {"wayland", "x11", "offscreen", "kmsdrm"};
    for (size_t i = 0; i < sizeof drivers / sizeof *drivers; i++) {
        for (int gpu = 0; gpu < 2; gpu++) {
            VideoChoice c = video_choose(drivers[i], "wayland-0", ":0", gpu);
            assert_driver(c, NULL); /* SDL reads SDL_VIDEODRIVER itself */
            assert_non_null(strstr(c.why, drivers[i]));
            assert_non_null(strstr(c.why, "SDL_VIDEODRIVER"));
        }
    }
}

static void not_under_wayland_nothing_to_choose(void **state)
{
    (void)state;
    VideoChoice c = video_choose(NULL, NULL, ":0", false);
    assert_driver(c, NULL);
    assert_string_equal(c.why, "");
    assert_driver(video_choose(NULL, "", ":0", true), NULL);
    assert_driver(video_choose(NULL, NULL, NULL, false), NULL);
}

static void long_values_still_make_one_line(void **state)
{
    (void)state;
    char big[600];
    memset(big, 'w', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    VideoChoice c = video_choose(NULL, big, big, false);
    assert_driver(c, "x11");
    assert_true(strlen(c.why) < VIDEO_CHOICE_LINE_MAX);
    c = video_choose(big, big, big, true);
    assert_driver(c, NULL);
    assert_true(strlen(c.why) < VIDEO_CHOICE_LINE_MAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(under_cage_without_gpu_x11_through_xwayland),
        cmocka_unit_test(under_wayland_with_gpu_wayland),
        cmocka_unit_test(without_xwayland_wayland_and_says_the_cost),
        cmocka_unit_test(the_users_driver_always_wins),
        cmocka_unit_test(not_under_wayland_nothing_to_choose),
        cmocka_unit_test(long_values_still_make_one_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
