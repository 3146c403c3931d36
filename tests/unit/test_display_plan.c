/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_display_plan.c - where the slides and the presenter view go while
 * displays change size, are unplugged and come back; and the log lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "display_plan.h"

/* The lecture hall of tests/e2e/xorg_display_changes.sh: a 1920x1080
 * projector, the lecturer's 1024x768 screen to its right. */
static const DisplayDesc PROJECTOR = {"DUMMY0", {0, 0, 1920, 1080}};
static const DisplayDesc LAPTOP = {"DUMMY1", {1920, 0, 1024, 768}};
static const DisplayDesc SPARE = {"DUMMY2", {2944, 0, 800, 600}};

static void assert_choice(DisplayChoice c, int audience, int presenter)
{
    if (c.audience != audience || c.presenter != presenter)
        fail_msg("slides on %d, presenter view on %d; expected %d and %d", c.audience, c.presenter, audience,
                 presenter);
}

static void a_kiosk_uses_the_first_display_only(void **state)
{
    (void)state;
    DisplayHome home = {0};
    DisplayDesc two[] = {PROJECTOR, LAPTOP};
    assert_choice(display_plan_choose(&home, two, 2, false, -1), 0, -1);
    assert_string_equal(home.audience, "DUMMY0");
    assert_string_equal(home.presenter, "");
}

static void a_lecture_puts_the_presenter_view_on_the_second_display(void **state)
{
    (void)state;
    DisplayHome home = {0};
    DisplayDesc two[] = {PROJECTOR, LAPTOP};
    assert_choice(display_plan_choose(&home, two, 2, true, -1), 0, 1);
    assert_string_equal(home.audience, "DUMMY0");
    assert_string_equal(home.presenter, "DUMMY1");

    /* the settings say the presenter view goes on display 0 */
    DisplayHome other = {0};
    assert_choice(display_plan_choose(&other, two, 2, true, 0), 1, 0);
    /* a number past the displays there are means the second one */
    DisplayHome past = {0};
    assert_choice(display_plan_choose(&past, two, 2, true, 7), 0, 1);
    /* one display: no presenter view */
    DisplayHome one = {0};
    assert_choice(display_plan_choose(&one, two, 1, true, -1), 0, -1);
}

static void the_presenter_display_unplugged_and_back(void **state)
{
    (void)state;
    DisplayHome home = {0};
    DisplayDesc two[] = {PROJECTOR, LAPTOP}, one[] = {PROJECTOR};
    assert_choice(display_plan_choose(&home, two, 2, true, -1), 0, 1);
    /* the lecture goes on on the projector, without the presenter view */
    assert_choice(display_plan_choose(&home, one, 1, true, -1), 0, -1);
    assert_string_equal(home.presenter, "DUMMY1");
    /* plugged back: the presenter view returns */
    assert_choice(display_plan_choose(&home, two, 2, true, -1), 0, 1);
}

static void the_audience_display_unplugged_and_back(void **state)
{
    (void)state;
    DisplayHome home = {0};
    DisplayDesc two[] = {PROJECTOR, LAPTOP}, laptop_only[] = {LAPTOP};
    assert_choice(display_plan_choose(&home, two, 2, true, -1), 0, 1);
    /* the projector's cable comes loose: the slides go to the laptop */
    assert_choice(display_plan_choose(&home, laptop_only, 1, true, -1), 0, -1);
    assert_string_equal(home.audience, "DUMMY0"); /* remembered */
    /* and back where they belong when it returns */
    assert_choice(display_plan_choose(&home, two, 2, true, -1), 0, 1);
    /* a kiosk whose display is replaced by another shows on the new one */
    DisplayHome kiosk = {0};
    assert_choice(display_plan_choose(&kiosk, two, 1, false, -1), 0, -1);
    assert_choice(display_plan_choose(&kiosk, laptop_only, 1, false, -1), 0, -1);
}

static void displays_are_followed_by_name_when_numbers_shift(void **state)
{
    (void)state;
    DisplayHome home = {0};
    DisplayDesc three[] = {PROJECTOR, LAPTOP, SPARE}, two[] = {LAPTOP, SPARE};
    assert_choice(display_plan_choose(&home, three, 3, true, 2), 0, 2);
    /* the projector goes: the spare, now number 1, keeps the presenter
     * view; the slides take the first other display */
    assert_choice(display_plan_choose(&home, two, 2, true, 2), 0, 1);
    assert_string_equal(two[0].name, "DUMMY1");
}

static void the_presenter_view_follows_a_replacement_and_returns_home(void **state)
{
    (void)state;
    DisplayHome home = {0};
    DisplayDesc two[] = {PROJECTOR, LAPTOP}, replaced[] = {PROJECTOR, SPARE},
                all[] = {PROJECTOR, SPARE, LAPTOP};
    assert_choice(display_plan_choose(&home, two, 2, true, -1), 0, 1);
    assert_choice(display_plan_choose(&home, replaced, 2, true, -1), 0, 1);
    assert_string_equal(home.presenter, "DUMMY1");
    assert_choice(display_plan_choose(&home, all, 3, true, -1), 0, 2);
}

static void swapping_the_displays_is_remembered(void **state)
{
    (void)state;
    DisplayHome home = {0};
    DisplayDesc two[] = {PROJECTOR, LAPTOP}, one[] = {PROJECTOR};
    DisplayChoice c = display_plan_choose(&home, two, 2, true, -1);
    display_plan_swap(&home, two, 2, c);
    assert_string_equal(home.audience, "DUMMY1");
    assert_string_equal(home.presenter, "DUMMY0");
    assert_choice(display_plan_choose(&home, two, 2, true, -1), 1, 0);
    /* the laptop (now showing the slides) goes: the slides move back */
    assert_choice(display_plan_choose(&home, one, 1, true, -1), 0, -1);
    assert_choice(display_plan_choose(&home, two, 2, true, -1), 1, 0);
    /* without a presenter view there is nothing to swap */
    DisplayHome alone = {0};
    c = display_plan_choose(&alone, one, 1, true, -1);
    display_plan_swap(&alone, one, 1, c);
    assert_string_equal(alone.audience, "DUMMY0");
}

static void no_display_at_all_changes_nothing(void **state)
{
    (void)state;
    DisplayHome home = {0};
    DisplayDesc two[] = {PROJECTOR, LAPTOP};
    display_plan_choose(&home, two, 2, true, -1);
    assert_choice(display_plan_choose(&home, two, 0, true, -1), -1, -1);
    assert_string_equal(home.audience, "DUMMY0");
    assert_string_equal(home.presenter, "DUMMY1");
}

static void a_new_resolution_keeps_the_choice(void **state)
{
    (void)state;
    DisplayHome home = {0};
    DisplayDesc two[] = {PROJECTOR, LAPTOP}, smaller[] = {PROJECTOR, LAPTOP};
    smaller[0].r = (Rect){0, 0, 1280, 720};
    smaller[1].r.x = 1280;
    assert_choice(display_plan_choose(&home, two, 2, true, -1), 0, 1);
    assert_choice(display_plan_choose(&home, smaller, 2, true, -1), 0, 1);
    assert_false(display_list_equal(two, 2, smaller, 2));
    assert_true(display_list_equal(two, 2, two, 2));
    assert_false(display_list_equal(two, 2, two, 1));
}

static void changes_are_described_one_line_each(void **state)
{
    (void)state;
    DisplayDesc before[] = {PROJECTOR, LAPTOP}, after[] = {PROJECTOR, SPARE};
    after[0].r = (Rect){0, 0, 1280, 720};
    char lines[4][DISPLAY_LINE_MAX];
    assert_int_equal(display_plan_describe(before, 2, after, 2, lines, 4), 3);
    assert_string_equal(lines[0], "display: 1920x1080 -> 1280x720 on display 0 (DUMMY0)");
    assert_string_equal(lines[1], "display: display 1 (DUMMY1, 1024x768+1920+0) is gone");
    assert_string_equal(lines[2], "display: display 1 (DUMMY2, 800x600+2944+0) appeared");

    DisplayDesc moved[] = {PROJECTOR, LAPTOP};
    moved[1].r.x = 1280;
    assert_int_equal(display_plan_describe(before, 2, moved, 2, lines, 4), 1);
    assert_string_equal(lines[0], "display: 1024x768+1920+0 -> 1024x768+1280+0 on display 1 (DUMMY1)");

    assert_int_equal(display_plan_describe(before, 2, before, 2, lines, 4), 0);
    /* more changes than room: counted, not written past the end */
    assert_int_equal(display_plan_describe(before, 2, after, 2, lines, 1), 3);
    assert_string_equal(lines[0], "display: 1920x1080 -> 1280x720 on display 0 (DUMMY0)");
}

static void names_are_looked_up_exactly(void **state)
{
    (void)state;
    DisplayDesc two[] = {PROJECTOR, LAPTOP};
    assert_int_equal(display_find(two, 2, "DUMMY1"), 1);
    assert_int_equal(display_find(two, 2, "DUMMY"), -1);
    assert_int_equal(display_find(two, 2, ""), -1);
    assert_int_equal(display_find(two, 2, NULL), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_kiosk_uses_the_first_display_only),
        cmocka_unit_test(a_lecture_puts_the_presenter_view_on_the_second_display),
        cmocka_unit_test(the_presenter_display_unplugged_and_back),
        cmocka_unit_test(the_audience_display_unplugged_and_back),
        cmocka_unit_test(displays_are_followed_by_name_when_numbers_shift),
        cmocka_unit_test(the_presenter_view_follows_a_replacement_and_returns_home),
        cmocka_unit_test(swapping_the_displays_is_remembered),
        cmocka_unit_test(no_display_at_all_changes_nothing),
        cmocka_unit_test(a_new_resolution_keeps_the_choice),
        cmocka_unit_test(changes_are_described_one_line_each),
        cmocka_unit_test(names_are_looked_up_exactly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
