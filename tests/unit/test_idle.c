/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_idle.c - a visitor walks away: the idle timing alone, then minutes of
 * kiosk life in the show on a virtual clock (countdown, reset, attract loop,
 * the waking touch that presses nothing). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "idle.h"
#include "show.h"
#include "unit_support.h"
#include "lang.h"

/* ---- idle.c --------------------------------------------------------------- */

static void phases_follow_the_clock(void **state)
{
    (void)state;
    Idle id;
    idle_init(&id, NULL, 0);
    assert_int_equal(idle_update(&id, 89999), IDLE_ACTIVE);
    assert_int_equal(idle_next_deadline(&id, 89999), 1);
    assert_int_equal(idle_update(&id, 90000), IDLE_WARNING);
    assert_int_equal(idle_seconds_left(&id, 90000), 15);
    assert_int_equal(idle_seconds_left(&id, 90001), 15);
    assert_int_equal(idle_seconds_left(&id, 104001), 1);
    assert_false(idle_take_reset(&id));
    assert_int_equal(idle_update(&id, 105000), IDLE_RESTING);
    assert_true(idle_take_reset(&id));
    assert_false(idle_take_reset(&id)); /* once */
    assert_int_equal(idle_update(&id, 135000), IDLE_ATTRACT);
    assert_int_equal(idle_next_deadline(&id, 200000), UINT64_MAX);
}

static void input_restarts_and_reports_what_it_interrupted(void **state)
{
    (void)state;
    Idle id;
    idle_init(&id, NULL, 0);
    assert_int_equal(idle_input(&id, 50000), IDLE_ACTIVE);
    assert_int_equal(idle_update(&id, 139999), IDLE_ACTIVE); /* 90 s from the input */
    assert_int_equal(idle_input(&id, 141000), IDLE_WARNING);
    assert_int_equal(idle_update(&id, 141000), IDLE_ACTIVE);
    assert_false(idle_take_reset(&id));
}

static void a_long_gap_crosses_every_phase(void **state)
{
    (void)state;
    Idle id;
    IdleConfig c = {10000, 5000, 2000};
    idle_init(&id, &c, 0);
    assert_int_equal(idle_update(&id, 600000), IDLE_ATTRACT);
    assert_true(idle_take_reset(&id));
    assert_int_equal(idle_input(&id, 600001), IDLE_ATTRACT);
}

/* ---- the show --------------------------------------------------------------- */

typedef ShowFx Fx; /* unit_support.h */

static int setup(void **state)
{
    Fx *f = calloc(1, sizeof *f);
    f->lib = fx_library();
    fx_library_add(f->lib, fx_exhibition("alpha", "Альфа", "Альфа", "Alpha", 4, true));
    fx_library_add(f->lib, fx_exhibition("beta", "Бета", "Бета", "Beta", 3, true));
    f->lib->items[1]->slides[2].attract = true;
    f->lib->items[0]->slides[1].attract = true;
    f->m = fake_measure();
    f->show = show_create(f->lib, NULL, &f->m, 1920, 1080);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fx *f = *state;
    show_free(f->show);
    fx_library_free(f->lib);
    free(f);
    return 0;
}

static void send(Fx *f, Event ev)
{
    ev.t = f->t;
    show_handle(f->show, &ev);
}

/* Let virtual time pass the way the program loop does: wake at each
 * deadline the show asks for. */
static void wait_ms(Fx *f, uint64_t ms)
{
    uint64_t end = f->t + ms;
    while (f->t < end) {
        uint64_t d = show_next_deadline(f->show, f->t);
        f->t = d == SHOW_NO_DEADLINE || f->t + d > end ? end : f->t + (d ? d : 1);
        send(f, (Event){.type = EV_TICK});
    }
}

static void tap(Fx *f, float x, float y)
{
    send(f, (Event){.type = EV_POINTER_DOWN, .pointer = 1, .x = x, .y = y});
    f->t += 60;
    send(f, (Event){.type = EV_POINTER_UP, .pointer = 1, .x = x, .y = y});
}

static bool state_has(Fx *f, const char *needle)
{
    char buf[2048];
    show_state_json(f->show, f->t, buf, sizeof buf);
    if (!strstr(buf, needle)) {
        print_error("state %s\nlacks %s\n", buf, needle);
        return false;
    }
    return true;
}
#define assert_state(f, needle) assert_true(state_has(f, needle))

static void ten_minutes_alone_end_in_the_attract_loop(void **state)
{
    Fx *f = *state;
    assert_true(show_open(f->show, "beta", 2));
    send(f, (Event){.type = EV_KEY, .key = 'l'}); /* a visitor reading Russian */
    send(f, (Event){.type = EV_KEY, .key = 'c'}); /* with captions hidden */
    wait_ms(f, 90000);
    assert_state(f, "\"idle\":\"warning\"");
    assert_state(f, "\"screen\":\"slide\""); /* the countdown is over the slide */
    assert_non_null(scene_find_text(show_scene(f->show), "Вы ещё здесь?"));
    assert_non_null(scene_find_text(show_scene(f->show), "Still there?"));
    assert_non_null(scene_find_text(show_scene(f->show), "Сіз әлі осындасыз ба?"));
    assert_non_null(scene_find_text(show_scene(f->show), "15"));
    wait_ms(f, 15000);
    /* reset: home, the start language, captions back */
    assert_state(f, "\"screen\":\"home\"");
    assert_state(f, "\"language\":\"kk\"");
    assert_state(f, "\"captions\":true");
    assert_state(f, "\"idle\":\"resting\"");
    wait_ms(f, 10 * 60000 - 105000);
    assert_state(f, "\"screen\":\"attract\"");
    /* the showcase shows the slides marked "attract" */
    const Scene *sc = show_scene(f->show);
    int images = 0;
    for (int i = 0; i < sc->n; i++)
        if (sc->items[i].kind == DRAW_IMAGE) {
            images++;
            assert_true((sc->items[i].exhibition == 0 && sc->items[i].slide == 1) ||
                        (sc->items[i].exhibition == 1 && sc->items[i].slide == 2));
        }
    assert_int_equal(images, 1);
}

static void touch_to_begin_cycles_languages(void **state)
{
    Fx *f = *state;
    wait_ms(f, 135000);
    assert_state(f, "\"screen\":\"attract\"");
    assert_non_null(scene_find_text(show_scene(f->show), "Бастау үшін экранды түртіңіз"));
    wait_ms(f, 3000);
    assert_non_null(scene_find_text(show_scene(f->show), "Коснитесь экрана, чтобы начать"));
    wait_ms(f, 3000);
    assert_non_null(scene_find_text(show_scene(f->show), "Touch the screen to begin"));
    /* the loop sleeps between changes */
    assert_true(show_next_deadline(f->show, f->t) <= 3000);
}

static void the_waking_touch_presses_nothing(void **state)
{
    Fx *f = *state;
    wait_ms(f, 135000);
    /* where the first card is on the home screen */
    tap(f, 400, 500);
    assert_state(f, "\"screen\":\"home\"");
    assert_state(f, "\"idle\":\"active\"");
    /* the next tap works as usual */
    f->t += 500;
    tap(f, 400, 500);
    assert_state(f, "\"screen\":\"slide\"");
}

static void a_touch_on_the_countdown_only_dismisses_it(void **state)
{
    Fx *f = *state;
    assert_true(show_open(f->show, "alpha", 2));
    wait_ms(f, 95000);
    assert_state(f, "\"idle\":\"warning\"");
    tap(f, 1800, 540); /* the right third: would be "next" */
    assert_state(f, "\"slide\":2,");
    assert_state(f, "\"idle\":\"active\"");
    send(f, (Event){.type = EV_KEY, .key = KEY_RIGHT});
    assert_state(f, "\"slide\":3,");
}

static void lectures_are_never_idle(void **state)
{
    (void)state;
    Library *lib = fx_library();
    fx_library_add(lib, fx_exhibition("deck", "Дәріс", "Лекция", "Lecture", 3, false));
    Measure m = fake_measure();
    ShowConfig cfg = {.lecture = true};
    Show *s = show_create(lib, &cfg, &m, 1920, 1080);
    assert_true(show_open(s, "deck", 2));
    Event tick = {.type = EV_TICK, .t = 3600000};
    show_handle(s, &tick);
    char buf[2048];
    show_state_json(s, 3600000, buf, sizeof buf);
    assert_non_null(strstr(buf, "\"idle\":\"off\""));
    assert_non_null(strstr(buf, "\"slide\":2,"));
    show_free(s);
    fx_library_free(lib);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(phases_follow_the_clock),
        cmocka_unit_test(input_restarts_and_reports_what_it_interrupted),
        cmocka_unit_test(a_long_gap_crosses_every_phase),
        T(ten_minutes_alone_end_in_the_attract_loop),
        T(touch_to_begin_cycles_languages),
        T(the_waking_touch_presses_nothing),
        T(a_touch_on_the_countdown_only_dismisses_it),
        cmocka_unit_test(lectures_are_never_idle),
    };
    lang_load_dir(PO_DIR, NULL); /* vitrine's own kk and ru words, as read at start */
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    lang_unload();
    return failed;
}
