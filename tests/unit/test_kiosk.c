/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_kiosk.c - a kiosk left alone, without a show: the waking touch that
 * presses nothing, the reset, the attract playlist, the counts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "kiosk.h"
#include "unit_support.h"

static void walks_away_resets_and_attracts(void **state)
{
    (void)state;
    Library *lib = fx_library();
    fx_library_add(lib, fx_exhibition("alpha", "А", "А", "A", 3, true));
    Settings st;
    fx_settings(&st, NULL, 0);
    Kiosk k;
    assert_true(kiosk_init(&k, &st, lib));
    assert_int_equal(k.n_attract, 1); /* nothing marked: the cover */
    assert_int_equal(k.attract[0].slide, -1);
    bool redraw = false;
    Event key = {.type = EV_KEY, .key = 'x', .t = 100};
    assert_false(kiosk_input(&k, &key, true, &redraw));
    assert_int_equal(k.inputs, 1);
    assert_false(kiosk_update(&k, 100, true, &redraw));
    assert_int_equal(kiosk_next_deadline(&k, 100), IDLE_TIMEOUT_MS);
    redraw = false;
    assert_false(kiosk_update(&k, 100 + IDLE_TIMEOUT_MS, true, &redraw));
    assert_true(redraw); /* "still there?" */
    assert_string_equal(kiosk_phase_name(&k, true), "warning");
    assert_true(kiosk_update(&k, 100 + IDLE_TIMEOUT_MS + IDLE_WARNING_MS, true, &redraw));
    assert_int_equal(k.resets, 1);
    uint64_t t = 100 + IDLE_TIMEOUT_MS + IDLE_WARNING_MS + IDLE_ATTRACT_DELAY_MS;
    kiosk_update(&k, t, true, &redraw);
    assert_true(kiosk_attract(&k, true));
    assert_false(kiosk_attract(&k, false));
    assert_int_equal(kiosk_view(&k, t).attract_ex, 0);
    /* the touch that wakes it presses nothing, until that finger lifts */
    Event down = {.type = EV_POINTER_DOWN, .t = t + 1, .x = 5, .y = 5};
    Event up = {.type = EV_POINTER_UP, .t = t + 2, .x = 5, .y = 5};
    assert_true(kiosk_input(&k, &down, true, &redraw));
    assert_true(kiosk_input(&k, &up, true, &redraw));
    kiosk_fingers(&k, 0);
    assert_false(kiosk_input(&k, &up, true, &redraw));
    assert_string_equal(kiosk_phase_name(&k, false), "off");
    kiosk_free(&k);
    settings_free(&st);
    fx_library_free(lib);
}

static void the_settings_playlist_comes_first(void **state)
{
    (void)state;
    Library *lib = fx_library();
    fx_library_add(lib, fx_exhibition("alpha", "А", "А", "A", 3, true));
    lib->items[0]->slides[1].attract = true;
    Settings st;
    fx_settings(&st, NULL, 0);
    Kiosk k;
    assert_true(kiosk_init(&k, &st, lib));
    assert_int_equal(k.n_attract, 1);
    assert_int_equal(k.attract[0].slide, 1); /* the curators' mark */
    st.attract[st.n_attract++] = fx_strdup("alpha:3");
    st.attract[st.n_attract++] = fx_strdup("nothing");
    kiosk_free(&k);
    assert_true(kiosk_init(&k, &st, lib));
    assert_int_equal(k.n_attract, 1);
    assert_int_equal(k.attract[0].slide, 2);
    kiosk_free(&k);
    settings_free(&st);
    fx_library_free(lib);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(walks_away_resets_and_attracts),
        cmocka_unit_test(the_settings_playlist_comes_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
