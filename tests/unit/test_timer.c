/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_timer.c - the lecture timer on a clock passed in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>

#include "lecture_timer.h"

#define MIN45 (45LL * 60 * 1000)

static void not_running_at_start(void **state)
{
    (void)state;
    LectureTimer t;
    ltimer_init(&t, MIN45);
    assert_false(t.running);
    assert_int_equal(ltimer_elapsed(&t, 1000000), 0);
    assert_int_equal(ltimer_remaining(&t, 1000000), MIN45);
}

static void negative_plan_means_none(void **state)
{
    (void)state;
    LectureTimer t;
    ltimer_init(&t, -5);
    assert_int_equal(t.planned_ms, 0);
    assert_int_equal(ltimer_remaining(&t, 0), 0);
}

static void running_timer_counts_from_start(void **state)
{
    (void)state;
    LectureTimer t;
    ltimer_init(&t, MIN45);
    ltimer_start(&t, 5000);
    assert_true(t.running);
    assert_int_equal(ltimer_elapsed(&t, 5000), 0);
    assert_int_equal(ltimer_elapsed(&t, 65000), 60000);
    assert_int_equal(ltimer_remaining(&t, 65000), MIN45 - 60000);
}

static void pause_freezes_elapsed_time(void **state)
{
    (void)state;
    LectureTimer t;
    ltimer_init(&t, MIN45);
    ltimer_start(&t, 1000);
    ltimer_pause(&t, 11000);
    assert_false(t.running);
    assert_int_equal(ltimer_elapsed(&t, 11000), 10000);
    /* time passes while paused: nothing counts */
    assert_int_equal(ltimer_elapsed(&t, 500000), 10000);
    assert_int_equal(ltimer_remaining(&t, 500000), MIN45 - 10000);
}

static void start_pause_resume_accumulate(void **state)
{
    (void)state;
    LectureTimer t;
    ltimer_init(&t, MIN45);
    ltimer_start(&t, 0);
    ltimer_pause(&t, 10000);         /* 10 s */
    ltimer_start(&t, 70000);         /* a minute's break */
    ltimer_pause(&t, 75000);         /* + 5 s */
    ltimer_start(&t, 100000);
    assert_int_equal(ltimer_elapsed(&t, 102500), 17500); /* + 2.5 s so far */
    ltimer_pause(&t, 103000);
    assert_int_equal(ltimer_elapsed(&t, 999999), 18000);
}

static void pause_twice_is_a_no_op(void **state)
{
    (void)state;
    LectureTimer t;
    ltimer_init(&t, MIN45);
    ltimer_start(&t, 0);
    ltimer_pause(&t, 4000);
    ltimer_pause(&t, 9000);
    assert_int_equal(ltimer_elapsed(&t, 9000), 4000);
}

static void start_twice_is_a_no_op(void **state)
{
    (void)state;
    LectureTimer t;
    ltimer_init(&t, MIN45);
    ltimer_start(&t, 1000);
    ltimer_start(&t, 6000); /* must not restart the run at 6000 */
    assert_int_equal(ltimer_elapsed(&t, 11000), 10000);
}

static void reset_goes_back_to_zero_and_paused(void **state)
{
    (void)state;
    LectureTimer t;
    ltimer_init(&t, MIN45);
    ltimer_start(&t, 0);
    ltimer_pause(&t, 30000);
    ltimer_start(&t, 40000);
    ltimer_reset(&t);
    assert_false(t.running);
    assert_int_equal(ltimer_elapsed(&t, 90000), 0);
    assert_int_equal(ltimer_remaining(&t, 90000), MIN45);
    /* the plan survives a reset, and the timer runs again from zero */
    ltimer_start(&t, 100000);
    assert_int_equal(ltimer_elapsed(&t, 101000), 1000);
}

static void remaining_goes_negative_on_overrun(void **state)
{
    (void)state;
    LectureTimer t;
    ltimer_init(&t, 60000);
    ltimer_start(&t, 0);
    assert_int_equal(ltimer_remaining(&t, 60000), 0);
    assert_int_equal(ltimer_remaining(&t, 90000), -30000);
    ltimer_pause(&t, 90000);
    assert_int_equal(ltimer_remaining(&t, 200000), -30000);
}

static void no_plan_counts_down_from_zero(void **state)
{
    (void)state;
    LectureTimer t;
    ltimer_init(&t, 0);
    ltimer_start(&t, 0);
    assert_int_equal(ltimer_elapsed(&t, 2000), 2000);
    assert_int_equal(ltimer_remaining(&t, 2000), -2000);
}

static void clock_going_back_adds_nothing(void **state)
{
    (void)state;
    LectureTimer t;
    ltimer_init(&t, MIN45);
    ltimer_start(&t, 0);
    ltimer_pause(&t, 5000);
    ltimer_start(&t, 10000);
    assert_int_equal(ltimer_elapsed(&t, 9000), 5000);
}

static void timer_is_a_plain_value(void **state)
{
    (void)state;
    LectureTimer a;
    ltimer_init(&a, MIN45);
    ltimer_start(&a, 0);
    LectureTimer b = a; /* a copy runs on independently */
    ltimer_pause(&a, 1000);
    assert_int_equal(ltimer_elapsed(&a, 5000), 1000);
    assert_int_equal(ltimer_elapsed(&b, 5000), 5000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(not_running_at_start),
        cmocka_unit_test(negative_plan_means_none),
        cmocka_unit_test(running_timer_counts_from_start),
        cmocka_unit_test(pause_freezes_elapsed_time),
        cmocka_unit_test(start_pause_resume_accumulate),
        cmocka_unit_test(pause_twice_is_a_no_op),
        cmocka_unit_test(start_twice_is_a_no_op),
        cmocka_unit_test(reset_goes_back_to_zero_and_paused),
        cmocka_unit_test(remaining_goes_negative_on_overrun),
        cmocka_unit_test(no_plan_counts_down_from_zero),
        cmocka_unit_test(clock_going_back_adds_nothing),
        cmocka_unit_test(timer_is_a_plain_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
