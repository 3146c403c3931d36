/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_action.c - the table of actions: every action has exactly one row
 * with a description, names are unique, and a row's screens are honoured
 * by the show. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "action.h"
#include "show.h"
#include "unit_support.h"

/* ACTION_LIST expanded once more: one row per enum value, in order. */
#define COUNT_(id, name, screens, handler, desc) +1
enum { ROWS = 0 ACTION_LIST(COUNT_) };
#undef COUNT_

static void every_action_has_one_row_with_a_description(void **state)
{
    (void)state;
    assert_int_equal(ROWS, ACT__COUNT);
    for (int i = 0; i < ACT__COUNT; i++) {
        const char *d = action_description((Action)i);
        assert_non_null(d);
        assert_true(strlen(d) > 0);
    }
    assert_null(action_description(ACT__COUNT));
    assert_int_equal(action_screens(ACT__COUNT), 0);
}

static void names_are_unique_and_round_trip(void **state)
{
    (void)state;
    for (int i = 0; i < ACT__COUNT; i++) {
        const char *n = action_name((Action)i);
        if (!n)
            continue;
        assert_int_equal(action_from_name(n), i);
        for (int j = i + 1; j < ACT__COUNT; j++)
            assert_false(action_name((Action)j) && strcmp(action_name((Action)j), n) == 0);
    }
    /* touch-only and built-in actions cannot be bound */
    assert_null(action_name(ACT_OPEN));
    assert_null(action_name(ACT_DIGIT));
    assert_null(action_name(ACT_PIN_DIGIT));
}

static void screens_say_where_an_action_applies(void **state)
{
    (void)state;
    assert_int_equal(action_screens(ACT_BLACK), ACTION_ON_LECTURE);
    assert_true(action_screens(ACT_NEXT) & ACTION_ON_SLIDE);
    assert_false(action_screens(ACT_NEXT) & ACTION_ON_ADMIN);
    assert_true(action_screens(ACT_LANG_NEXT) & ACTION_ON_ADMIN); /* the admin screens pass it on */
    assert_int_equal(action_screens(ACT_PIN_OK), ACTION_ON_ADMIN);
}

/* A lecture-only row does nothing on a visitor's slide even when a key is
 * bound to it there, and acts in a lecture. */
static void the_show_honours_a_rows_screens(void **state)
{
    (void)state;
    for (int lecture = 0; lecture <= 1; lecture++) {
        Library *lib = fx_library();
        fx_library_add(lib, fx_exhibition("deck", "Дәріс", "Лекция", "Lecture", 3, false));
        Measure m = fake_measure();
        Settings st;
        fx_settings(&st, NULL, 0);
        assert_true(keymap_bind(&st.keys, ACT_BLACK, KC_ANY, 'b', 0));
        ShowConfig cfg = {.settings = &st, .lecture = lecture};
        Show *s = show_create(lib, &cfg, &m, 1920, 1080);
        assert_true(show_open(s, "deck", 2));
        Event b = {.type = EV_KEY, .key = 'b', .t = 1000};
        show_handle(s, &b);
        char buf[2048];
        show_state_json(s, 1000, buf, sizeof buf);
        assert_non_null(strstr(buf, lecture ? "\"blank\":\"black\"" : "\"blank\":null"));
        show_free(s);
        settings_free(&st);
        fx_library_free(lib);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_action_has_one_row_with_a_description),
        cmocka_unit_test(names_are_unique_and_round_trip),
        cmocka_unit_test(screens_say_where_an_action_applies),
        cmocka_unit_test(the_show_honours_a_rows_screens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
