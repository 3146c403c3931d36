/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_admin.c - the administrator's PIN (salted hash, never clear text) and
 * the admin screen: how it opens, wrong PINs, the lock-out, the touch pad,
 * the timeout, and starting and ending a lecture from the kiosk. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "admin.h"
#include "show.h"
#include "unit_support.h"
#include "lang.h"

static char pin_hash[256]; /* of "2468", made once */

typedef struct {
    Library *lib;
    Measure m;
    Show *show;
    uint64_t t;
    Settings st;             /* the defaults and the PIN */
    int ended;               /* lecture_ended calls */
    int64_t ended_total_ms;
} Fx;

static void on_ended(void *ctx, const Rehearsal *r)
{
    Fx *f = ctx;
    f->ended++;
    f->ended_total_ms = r->total_ms;
}

static Fx *fx_new(const char *hash)
{
    Fx *f = calloc(1, sizeof *f);
    f->lib = fx_library();
    fx_library_add(f->lib, fx_exhibition("alpha", "Альфа", "Альфа", "Alpha", 3, false));
    fx_library_add(f->lib, fx_exhibition("beta", "Бета", "Бета", "Beta", 4, false));
    f->m = fake_measure();
    fx_settings(&f->st, NULL, 0);
    f->st.admin_pin_hash = hash ? fx_strdup(hash) : NULL;
    ShowConfig cfg = {.settings = &f->st, .lecture_ended = on_ended, .ctx = f};
    f->show = show_create(f->lib, &cfg, &f->m, 1920, 1080);
    return f;
}

static int setup(void **state)
{
    *state = fx_new(pin_hash);
    return 0;
}

static int setup_no_pin(void **state)
{
    *state = fx_new(NULL);
    return 0;
}

static int teardown(void **state)
{
    Fx *f = *state;
    show_free(f->show);
    settings_free(&f->st);
    fx_library_free(f->lib);
    free(f);
    return 0;
}

static void send(Fx *f, Event ev)
{
    ev.t = f->t;
    show_handle(f->show, &ev);
}

static void key_m(Fx *f, int k, unsigned mods) { send(f, (Event){.type = EV_KEY, .key = k, .mods = mods}); }
static void key(Fx *f, int k) { key_m(f, k, 0); }
static void chord(Fx *f) { key_m(f, 'q', MOD_CTRL | MOD_ALT | MOD_SHIFT); }
static void type_pin(Fx *f, const char *pin)
{
    for (const char *p = pin; *p; p++)
        key(f, *p);
    key(f, KEY_ENTER);
}

static void tick(Fx *f, uint64_t t)
{
    f->t = t;
    send(f, (Event){.type = EV_TICK});
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

/* ---- the PIN ------------------------------------------------------------- */

static void pins_are_four_to_twelve_digits(void **state)
{
    (void)state;
    assert_true(admin_pin_valid("2468"));
    assert_true(admin_pin_valid("123456789012"));
    assert_false(admin_pin_valid("123"));
    assert_false(admin_pin_valid("1234567890123"));
    assert_false(admin_pin_valid("12a4"));
    assert_false(admin_pin_valid(""));
    assert_false(admin_pin_valid(NULL));
}

static void hash_is_salted_and_checks(void **state)
{
    (void)state;
    char a[256], b[256];
    assert_true(admin_hash_pin("2468", a, sizeof a));
    assert_true(admin_hash_pin("2468", b, sizeof b));
    assert_string_not_equal(a, b);          /* a fresh salt each time */
    assert_null(strstr(a, "2468"));         /* never the PIN itself */
    assert_true(admin_check_pin("2468", a));
    assert_true(admin_check_pin("2468", b));
    assert_false(admin_check_pin("2469", a));
    assert_false(admin_check_pin("2468", "not a hash"));
    assert_false(admin_check_pin("2468", ""));
    assert_false(admin_hash_pin("12", a, sizeof a));
}

/* ---- opening -------------------------------------------------------------- */

static void long_press_in_the_corner_opens_the_pin_pad(void **state)
{
    Fx *f = *state;
    send(f, (Event){.type = EV_POINTER_DOWN, .pointer = 1, .x = 20, .y = 20});
    uint64_t d = show_next_deadline(f->show, 0);
    assert_int_equal(d, 3000); /* the show asks to be woken for it */
    tick(f, 2999);
    assert_state(f, "\"screen\":\"home\"");
    tick(f, 3000);
    assert_state(f, "\"screen\":\"admin\"");
    assert_state(f, "\"admin\":\"pin\"");
    send(f, (Event){.type = EV_POINTER_UP, .pointer = 1, .x = 20, .y = 20});
    assert_state(f, "\"admin\":\"pin\""); /* the release taps nothing */
}

static void long_press_elsewhere_or_moving_does_nothing(void **state)
{
    Fx *f = *state;
    send(f, (Event){.type = EV_POINTER_DOWN, .pointer = 1, .x = 900, .y = 500});
    tick(f, 5000);
    send(f, (Event){.type = EV_POINTER_UP, .pointer = 1, .x = 900, .y = 500});
    assert_state(f, "\"screen\":\"home\"");
    f->t = 6000;
    send(f, (Event){.type = EV_POINTER_DOWN, .pointer = 1, .x = 20, .y = 20});
    send(f, (Event){.type = EV_POINTER_MOVE, .pointer = 1, .x = 400, .y = 300});
    tick(f, 10000);
    assert_state(f, "\"screen\":\"home\"");
}

static void without_a_pin_touch_cannot_open_it(void **state)
{
    Fx *f = *state;
    send(f, (Event){.type = EV_POINTER_DOWN, .pointer = 1, .x = 20, .y = 20});
    tick(f, 10000);
    assert_state(f, "\"screen\":\"home\"");
    chord(f); /* the keyboard (staff) opens the menu straight away */
    assert_state(f, "\"admin\":\"menu\"");
    /* ... without Exit in a fullscreen kiosk, and it says how to set a PIN */
    const Scene *sc = show_scene(f->show);
    for (int i = 0; i < sc->n_hits; i++)
        assert_int_not_equal(sc->hits[i].action, ACT_ADMIN_EXIT);
    assert_non_null(scene_find_text(sc, "--hash-pin"));
    for (int i = 0; i < 4; i++) {
        key(f, KEY_DOWN);
        key(f, KEY_ENTER);
        assert_true(show_running(f->show));
        chord(f);
    }
}

/* A development window (or --preview) without a PIN keeps Exit: the person
 * at its keyboard started it. */
static void windowed_menu_without_a_pin_exits(void **state)
{
    (void)state;
    Fx *f = fx_new(NULL);
    show_free(f->show);
    ShowConfig cfg = {.settings = &f->st, .allow_quit = true};
    f->show = show_create(f->lib, &cfg, &f->m, 1920, 1080);
    chord(f);
    assert_null(scene_find_text(show_scene(f->show), "--hash-pin"));
    key(f, KEY_DOWN);
    key(f, KEY_ENTER); /* Exit */
    assert_false(show_running(f->show));
    void *st = f;
    teardown(&st);
}

/* ---- PINs ------------------------------------------------------------------ */

static void wrong_pin_refused_right_pin_opens_the_menu(void **state)
{
    Fx *f = *state;
    chord(f);
    assert_state(f, "\"admin\":\"pin\"");
    type_pin(f, "1111");
    assert_state(f, "\"admin\":\"pin\"");
    assert_non_null(scene_find_text(show_scene(f->show), "PIN коды қате")); /* "Wrong PIN", in kk */
    type_pin(f, "2468");
    assert_state(f, "\"admin\":\"menu\"");
}

static void five_wrong_pins_lock_for_a_minute(void **state)
{
    Fx *f = *state;
    chord(f);
    for (int i = 0; i < 5; i++)
        type_pin(f, "0000");
    assert_state(f, "\"admin\":\"locked\"");
    f->t = 30000;
    type_pin(f, "2468"); /* even the right PIN waits */
    assert_state(f, "\"admin\":\"locked\"");
    tick(f, 60001);
    type_pin(f, "2468");
    assert_state(f, "\"admin\":\"menu\"");
}

static void touch_pin_pad_works(void **state)
{
    Fx *f = *state;
    chord(f);
    const char *pin = "2468";
    for (const char *p = pin; *p; p++) {
        const Scene *sc = show_scene(f->show);
        const HitTarget *t = NULL;
        for (int i = 0; i < sc->n_hits && !t; i++)
            if (sc->hits[i].action == ACT_PIN_DIGIT && sc->hits[i].arg == *p - '0')
                t = &sc->hits[i];
        assert_non_null(t);
        assert_true(t->r.w >= 80 && t->r.h >= 80); /* a finger fits */
        float x = (float)(t->r.x + t->r.w / 2), y = (float)(t->r.y + t->r.h / 2);
        send(f, (Event){.type = EV_POINTER_DOWN, .pointer = 1, .x = x, .y = y});
        f->t += 50;
        send(f, (Event){.type = EV_POINTER_UP, .pointer = 1, .x = x, .y = y});
        f->t += 200;
    }
    /* the pad shows dots, never digits */
    assert_null(scene_find_text(show_scene(f->show), "2468"));
    const Scene *sc = show_scene(f->show);
    for (int i = 0; i < sc->n_hits; i++)
        if (sc->hits[i].action == ACT_PIN_OK) {
            Rect r = sc->hits[i].r;
            send(f, (Event){.type = EV_POINTER_DOWN, .pointer = 1, .x = (float)r.x + 5, .y = (float)r.y + 5});
            f->t += 50;
            send(f, (Event){.type = EV_POINTER_UP, .pointer = 1, .x = (float)r.x + 5, .y = (float)r.y + 5});
        }
    assert_state(f, "\"admin\":\"menu\"");
}

static void admin_screen_closes_itself(void **state)
{
    Fx *f = *state;
    chord(f);
    tick(f, 59999);
    assert_state(f, "\"screen\":\"admin\"");
    tick(f, 60000);
    assert_state(f, "\"screen\":\"home\"");
}

/* ---- lectures from the kiosk ----------------------------------------------- */

static void start_and_end_a_lecture(void **state)
{
    Fx *f = *state;
    chord(f);
    key(f, KEY_ENTER);        /* Start a lecture */
    assert_state(f, "\"admin\":\"pick\"");
    key(f, KEY_DOWN);
    key(f, KEY_ENTER);        /* beta */
    assert_state(f, "\"mode\":\"lecture\",\"exhibition\":\"beta\",\"slide\":1,");
    assert_true(show_take_lecture_change(f->show));
    assert_false(show_take_lecture_change(f->show));
    f->t = 1000;
    key(f, KEY_PAGEDOWN);     /* the timer starts */
    f->t = 61000;
    chord(f);
    key(f, KEY_ENTER);        /* End the lecture */
    assert_state(f, "\"screen\":\"home\",\"mode\":\"kiosk\"");
    assert_int_equal(f->ended, 1);
    assert_int_equal(f->ended_total_ms, 60000);
    assert_true(show_take_lecture_change(f->show));
}

static void escape_backs_out_of_the_admin_screen(void **state)
{
    Fx *f = *state;
    send(f, (Event){.type = EV_KEY, .key = KEY_RIGHT});
    chord(f);
    key(f, KEY_ESCAPE);
    assert_state(f, "\"screen\":\"home\"");
    assert_state(f, "\"home_selection\":2");
    assert_true(show_running(f->show));
}

/* ---- the admin screens alone: actions and time in, outcomes out ---------- */

static void screens_return_outcomes(void **state)
{
    (void)state;
    AdminScreen a;
    admin_init(&a, pin_hash, false);
    admin_open(&a, 1000);
    int arg;
    assert_int_equal(a.stage, ADMIN_PIN);
    for (const char *p = "2468"; *p; p++)
        assert_int_equal(admin_handle(&a, ACT_PIN_DIGIT, *p - '0', 1100, 2, false, &arg), ADMIN_STAY);
    assert_int_equal(admin_handle(&a, ACT_SELECT, 0, 1200, 2, false, &arg), ADMIN_STAY);
    assert_int_equal(a.stage, ADMIN_MENU);
    assert_int_equal(a.pin_len, 0); /* forgotten once tried */
    /* menu: Lecture, Exit, Close; Lecture opens the list of two, then Cancel */
    assert_int_equal(admin_handle(&a, ACT_SELECT, 0, 1300, 2, false, &arg), ADMIN_STAY);
    assert_int_equal(a.stage, ADMIN_PICK);
    admin_handle(&a, ACT_SEL_NEXT, 0, 1400, 2, false, &arg);
    assert_int_equal(admin_handle(&a, ACT_SELECT, 0, 1500, 2, false, &arg), ADMIN_START_LECTURE);
    assert_int_equal(arg, 1);
    /* language and quit are the show's own: passed on, not repeated here */
    assert_int_equal(admin_handle(&a, ACT_LANG_NEXT, 0, 1600, 2, false, &arg), ADMIN_PASS);
    assert_int_equal(admin_handle(&a, ACT_QUIT, 0, 1600, 2, false, &arg), ADMIN_PASS);
    assert_int_equal(admin_handle(&a, ACT_NEXT, 0, 1600, 2, false, &arg), ADMIN_STAY);
    admin_open(&a, 2000);
    assert_int_equal(a.stage, ADMIN_PIN);
}

static void menu_in_a_lecture_ends_it_or_exits(void **state)
{
    (void)state;
    AdminScreen a;
    admin_init(&a, NULL, true); /* a lecturer's --lecture: Exit without a PIN */
    admin_open(&a, 0);
    int arg;
    assert_int_equal(a.stage, ADMIN_MENU); /* no PIN: straight to the menu */
    assert_int_equal(admin_handle(&a, ACT_SELECT, 0, 10, 1, true, &arg), ADMIN_END_LECTURE);
    admin_handle(&a, ACT_SEL_NEXT, 0, 20, 1, true, &arg);
    assert_int_equal(admin_handle(&a, ACT_SELECT, 0, 30, 1, true, &arg), ADMIN_EXIT);
    admin_handle(&a, ACT_SEL_PREV, 0, 40, 1, true, &arg);
    admin_handle(&a, ACT_SEL_PREV, 0, 40, 1, true, &arg);
    assert_int_equal(admin_handle(&a, ACT_SELECT, 0, 50, 1, true, &arg), ADMIN_CLOSE); /* wraps */
}

/* A fullscreen kiosk without a PIN: the chord is a visitor's chord too, so
 * the menu offers no Exit, whatever is pressed, and says how to set a PIN. */
static void kiosk_menu_without_a_pin_has_no_exit(void **state)
{
    (void)state;
    AdminScreen a;
    admin_init(&a, NULL, false);
    admin_open(&a, 0);
    int arg;
    assert_int_equal(a.stage, ADMIN_MENU);
    assert_false(admin_can_exit(&a));
    assert_false(admin_view(&a, 0, false).can_exit);
    /* Lecture, Back: every entry, every way round, never an exit */
    for (int i = 0; i < 6; i++) {
        admin_open(&a, 0);
        for (int k = 0; k < i; k++)
            admin_handle(&a, ACT_SEL_NEXT, 0, 10, 2, i % 2, &arg);
        AdminOutcome o = admin_handle(&a, ACT_SELECT, 0, 20, 2, i % 2, &arg);
        assert_int_not_equal(o, ADMIN_EXIT);
        assert_int_equal(o, i % 2 == 0 ? ADMIN_STAY : ADMIN_CLOSE); /* Lecture list; Back */
    }
    admin_open(&a, 0);
    assert_int_equal(admin_handle(&a, ACT_ADMIN_EXIT, 0, 30, 2, false, &arg), ADMIN_STAY);
    /* with a PIN, Exit is there behind it */
    admin_init(&a, pin_hash, false);
    assert_true(admin_can_exit(&a));
    admin_open(&a, 0);
    assert_int_equal(admin_handle(&a, ACT_ADMIN_EXIT, 0, 30, 2, false, &arg), ADMIN_STAY); /* the pad first */
}

static void screens_time_out_and_unlock(void **state)
{
    (void)state;
    AdminScreen a;
    admin_init(&a, pin_hash, false);
    admin_open(&a, 0);
    int arg;
    bool redraw;
    for (int i = 0; i < ADMIN_MAX_WRONG; i++) {
        admin_handle(&a, ACT_PIN_DIGIT, 1, 100, 0, false, &arg);
        admin_handle(&a, ACT_PIN_OK, 0, 100, 0, false, &arg);
    }
    assert_int_equal(a.locked_until, 100 + ADMIN_LOCK_MS);
    assert_true(admin_view(&a, 200, false).locked);
    admin_handle(&a, ACT_PIN_DIGIT, 1, 30000, 0, false, &arg); /* refused, but someone is there */
    assert_int_equal(a.pin_len, 0);
    assert_int_equal(admin_next_deadline(&a, 30000), 100 + ADMIN_LOCK_MS - 30000); /* the unlock first */
    assert_int_equal(admin_tick(&a, 100 + ADMIN_LOCK_MS, &redraw), ADMIN_STAY);
    assert_true(redraw);
    assert_int_equal(admin_next_deadline(&a, 100 + ADMIN_LOCK_MS), 30000 + ADMIN_TIMEOUT_MS - 100 - ADMIN_LOCK_MS);
    assert_int_equal(admin_tick(&a, 30000 + ADMIN_TIMEOUT_MS, &redraw), ADMIN_CLOSE);
}

static void corner_hold_scales_with_the_screen(void **state)
{
    (void)state;
    GestureHold h = admin_corner_hold(1920, 1080);
    assert_int_equal(h.ms, ADMIN_LONG_PRESS_MS);
    assert_true(h.corner == (float)ADMIN_CORNER_PX);
    assert_true(h.reach == (float)ADMIN_CORNER_PX / 2);
    assert_true(admin_corner_hold(3840, 2160).corner == 2.0f * ADMIN_CORNER_PX);
}

int main(void)
{
    if (!admin_hash_pin("2468", pin_hash, sizeof pin_hash))
        return 1;
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
#define T0(fn) cmocka_unit_test_setup_teardown(fn, setup_no_pin, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pins_are_four_to_twelve_digits),
        cmocka_unit_test(hash_is_salted_and_checks),
        T(long_press_in_the_corner_opens_the_pin_pad),
        T(long_press_elsewhere_or_moving_does_nothing),
        T0(without_a_pin_touch_cannot_open_it),
        T(wrong_pin_refused_right_pin_opens_the_menu),
        T(five_wrong_pins_lock_for_a_minute),
        T(touch_pin_pad_works),
        T(admin_screen_closes_itself),
        T0(start_and_end_a_lecture),
        T0(escape_backs_out_of_the_admin_screen),
        cmocka_unit_test(screens_return_outcomes),
        cmocka_unit_test(menu_in_a_lecture_ends_it_or_exits),
        cmocka_unit_test(kiosk_menu_without_a_pin_has_no_exit),
        cmocka_unit_test(windowed_menu_without_a_pin_exits),
        cmocka_unit_test(screens_time_out_and_unlock),
        cmocka_unit_test(corner_hold_scales_with_the_screen),
    };
    lang_load_dir(PO_DIR, NULL); /* vitrine's own kk and ru words, as read at start */
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    lang_unload();
    return failed;
}
