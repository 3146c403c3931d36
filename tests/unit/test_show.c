/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_show.c - the navigation state machine, driven by events, observed
 * through show_state_json() and the scene.
 *
 * The library is built in memory (no files): "alpha" has 4 image slides,
 * "beta" 3 text slides, "gamma" 2 image slides. Screen 1920x1080.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "show.h"
#include "unit_support.h"

#define W 1920
#define H 1080

typedef ShowFx Fx; /* unit_support.h */

static Fx *fx_new(const ShowConfig *cfg)
{
    Fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->lib = fx_library();
    assert_non_null(f->lib);
    fx_library_add(f->lib, fx_exhibition("alpha", "Альфа", "Альфа", "Alpha", 4, true));
    fx_library_add(f->lib, fx_exhibition("beta", "Бета", "Бета", "Beta", 3, false));
    fx_library_add(f->lib, fx_exhibition("gamma", "Гамма", "Гамма", "Gamma", 2, true));
    assert_int_equal(f->lib->n, 3);
    f->m = fake_measure();
    f->show = show_create(f->lib, cfg, &f->m, W, H);
    assert_non_null(f->show);
    f->t = 10000;
    return f;
}

static int setup(void **state)
{
    *state = fx_new(NULL);
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

/* ---- input ----------------------------------------------------------------- */

static void send(Fx *f, Event ev)
{
    ev.t = f->t;
    show_handle(f->show, &ev);
}

static void key_mods(Fx *f, int key, unsigned mods)
{
    f->t += 100;
    send(f, (Event){.type = EV_KEY, .key = key, .mods = mods});
}

static void key(Fx *f, int k)
{
    key_mods(f, k, 0);
}

/* Let a page turn's animation finish. */
static void settle(Fx *f)
{
    f->t += 300;
    send(f, (Event){.type = EV_TICK});
}

static void pointer(Fx *f, EventType type, int p, float x, float y)
{
    send(f, (Event){.type = type, .pointer = p, .x = x, .y = y});
}

/* A finger down and up at the same spot 50 ms later. */
static void tap(Fx *f, float x, float y)
{
    f->t += 1000;
    pointer(f, EV_POINTER_DOWN, 1, x, y);
    f->t += 50;
    pointer(f, EV_POINTER_UP, 1, x, y);
}

/* A finger dragged from (x0, y) to (x1, y) in ms. */
static void swipe(Fx *f, float x0, float x1, float y, int ms)
{
    f->t += 1000;
    pointer(f, EV_POINTER_DOWN, 1, x0, y);
    for (int i = 1; i <= 4; i++) {
        f->t += (uint64_t)ms / 5;
        pointer(f, EV_POINTER_MOVE, 1, x0 + (x1 - x0) * (float)i / 5.0f, y);
    }
    f->t += (uint64_t)ms / 5;
    pointer(f, EV_POINTER_UP, 1, x1, y);
}

static void tap_centre(Fx *f, Rect r)
{
    tap(f, (float)r.x + (float)r.w / 2.0f, (float)r.y + (float)r.h / 2.0f);
}

/* ---- output ------------------------------------------------------------------ */

static json_t *state_of(Fx *f)
{
    char buf[1024];
    int n = show_state_json(f->show, f->t, buf, sizeof buf);
    assert_true(n > 0 && (size_t)n < sizeof buf);
    assert_int_equal(strlen(buf), (size_t)n);
    assert_null(strchr(buf, '\n')); /* one line */
    json_error_t err;
    json_t *j = json_loads(buf, 0, &err);
    if (!j)
        fail_msg("state is not JSON (%s): %s", err.text, buf);
    return j;
}

static const char *screen_of(Fx *f)
{
    static char out[32];
    json_t *j = state_of(f);
    snprintf(out, sizeof out, "%s", json_string_value(json_object_get(j, "screen")));
    json_decref(j);
    return out;
}

static const char *lang_of(Fx *f)
{
    static char out[32];
    json_t *j = state_of(f);
    snprintf(out, sizeof out, "%s", json_string_value(json_object_get(j, "language")));
    json_decref(j);
    return out;
}

/* 1-based slide, or 0 when null */
static int slide_of(Fx *f)
{
    json_t *j = state_of(f);
    json_t *s = json_object_get(j, "slide");
    int v = json_is_integer(s) ? (int)json_integer_value(s) : 0;
    json_decref(j);
    return v;
}

/* exhibition id, or "" when null */
static const char *exhibition_of(Fx *f)
{
    static char out[64];
    json_t *j = state_of(f);
    json_t *e = json_object_get(j, "exhibition");
    snprintf(out, sizeof out, "%s", json_is_string(e) ? json_string_value(e) : "");
    json_decref(j);
    return out;
}

static int home_selection_of(Fx *f)
{
    json_t *j = state_of(f);
    int v = (int)json_integer_value(json_object_get(j, "home_selection"));
    json_decref(j);
    return v;
}

static const HitTarget *find_hit(const Scene *s, Action a, int arg)
{
    for (int i = 0; i < s->n_hits; i++)
        if (s->hits[i].action == a && s->hits[i].arg == arg)
            return &s->hits[i];
    return NULL;
}

static int count_images(const Scene *s)
{
    int n = 0;
    for (int i = 0; i < s->n; i++)
        n += s->items[i].kind == DRAW_IMAGE;
    return n;
}

static void open_at(Fx *f, const char *id, int slide1)
{
    assert_true(show_open(f->show, id, slide1));
    assert_string_equal(exhibition_of(f), id);
    assert_int_equal(slide_of(f), slide1);
}

/* ---- home ---------------------------------------------------------------------- */

static void starts_on_home_with_the_first_card_selected(void **state)
{
    Fx *f = *state;
    json_t *j = state_of(f);
    assert_string_equal(json_string_value(json_object_get(j, "screen")), "home");
    assert_true(json_is_null(json_object_get(j, "exhibition")));
    assert_true(json_is_null(json_object_get(j, "slide")));
    assert_int_equal(json_integer_value(json_object_get(j, "home_selection")), 1);
    assert_string_equal(json_string_value(json_object_get(j, "language")), "kk");
    assert_true(json_is_true(json_object_get(j, "running")));
    json_decref(j);
    assert_true(show_running(f->show));
}

static void right_and_down_move_the_home_selection(void **state)
{
    Fx *f = *state;
    key(f, KEY_RIGHT);
    assert_int_equal(home_selection_of(f), 2);
    key(f, KEY_DOWN);
    assert_int_equal(home_selection_of(f), 3);
    key(f, KEY_DOWN); /* clamped at the last card */
    assert_int_equal(home_selection_of(f), 3);
    key(f, KEY_LEFT);
    assert_int_equal(home_selection_of(f), 2);
    key(f, KEY_UP);
    key(f, KEY_UP); /* clamped at the first card */
    assert_int_equal(home_selection_of(f), 1);
    key(f, KEY_END);
    assert_int_equal(home_selection_of(f), 3);
    key(f, KEY_HOME);
    assert_int_equal(home_selection_of(f), 1);
    assert_string_equal(screen_of(f), "home");
}

static void enter_opens_the_selected_exhibition(void **state)
{
    Fx *f = *state;
    key(f, KEY_RIGHT);
    key(f, KEY_ENTER);
    json_t *j = state_of(f);
    assert_string_equal(json_string_value(json_object_get(j, "screen")), "slide");
    assert_string_equal(json_string_value(json_object_get(j, "exhibition")), "beta");
    assert_int_equal(json_integer_value(json_object_get(j, "slide")), 1);
    assert_int_equal(json_integer_value(json_object_get(j, "slides")), 3);
    json_decref(j);
}

static void selection_frame_follows_the_keyboard(void **state)
{
    Fx *f = *state;
    /* the selected card carries a frame exactly on its hit target */
    for (int sel = 0; sel < 3; sel++) {
        const Scene *s = show_scene(f->show);
        const HitTarget *card = find_hit(s, ACT_OPEN, sel);
        assert_non_null(card);
        bool framed = false;
        for (int i = 0; i < s->n; i++)
            framed |= s->items[i].kind == DRAW_FRAME && s->items[i].r.x == card->r.x &&
                      s->items[i].r.y == card->r.y && s->items[i].r.w == card->r.w &&
                      s->items[i].r.h == card->r.h;
        assert_true(framed);
        key(f, KEY_RIGHT);
    }
}

static void tap_on_a_home_card_opens_it(void **state)
{
    Fx *f = *state;
    const HitTarget *card = find_hit(show_scene(f->show), ACT_OPEN, 2);
    assert_non_null(card);
    tap_centre(f, card->r);
    assert_string_equal(screen_of(f), "slide");
    assert_string_equal(exhibition_of(f), "gamma");
    assert_int_equal(slide_of(f), 1);
}

static void swipe_on_home_moves_the_selection(void **state)
{
    Fx *f = *state;
    swipe(f, 1400, 1000, 900, 400);
    assert_int_equal(home_selection_of(f), 2);
    swipe(f, 1000, 1400, 900, 400);
    assert_int_equal(home_selection_of(f), 1);
    assert_string_equal(screen_of(f), "home");
}

/* ---- slides ------------------------------------------------------------------- */

static void next_keys_go_to_the_next_slide(void **state)
{
    Fx *f = *state;
    const int keys[] = {KEY_RIGHT, KEY_PAGEDOWN, ' ', KEY_DOWN, KEY_ENTER};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        open_at(f, "alpha", 2);
        key(f, keys[i]);
        if (slide_of(f) != 3)
            fail_msg("key 0x%x did not go to the next slide", keys[i]);
    }
}

static void previous_keys_go_back_one_slide(void **state)
{
    Fx *f = *state;
    const int keys[] = {KEY_LEFT, KEY_PAGEUP, KEY_BACKSPACE, KEY_UP};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        open_at(f, "alpha", 3);
        key(f, keys[i]);
        if (slide_of(f) != 2)
            fail_msg("key 0x%x did not go back a slide", keys[i]);
    }
}

static void clicker_keys_with_shift_still_turn_pages(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    key_mods(f, KEY_PAGEDOWN, MOD_SHIFT);
    assert_int_equal(slide_of(f), 3);
    key_mods(f, KEY_PAGEUP, MOD_SHIFT);
    assert_int_equal(slide_of(f), 2);
    /* but Ctrl+Right is not a page turn */
    key_mods(f, KEY_RIGHT, MOD_CTRL);
    assert_int_equal(slide_of(f), 2);
}

static void home_and_end_jump_to_first_and_last(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    key(f, KEY_END);
    assert_int_equal(slide_of(f), 4);
    key(f, KEY_HOME);
    assert_int_equal(slide_of(f), 1);
}

static void navigation_is_clamped_at_both_ends(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 1);
    key(f, KEY_LEFT);
    key(f, KEY_PAGEUP);
    assert_int_equal(slide_of(f), 1);
    key(f, KEY_END);
    key(f, KEY_RIGHT);
    key(f, ' ');
    key(f, KEY_PAGEDOWN);
    assert_int_equal(slide_of(f), 4); /* no wrap to the first */
    assert_string_equal(exhibition_of(f), "alpha");
    assert_string_equal(screen_of(f), "slide");
}

static void escape_goes_home_selecting_the_exhibition_just_left(void **state)
{
    Fx *f = *state;
    open_at(f, "gamma", 2);
    key(f, KEY_ESCAPE);
    assert_string_equal(screen_of(f), "home");
    assert_string_equal(exhibition_of(f), "");
    assert_int_equal(home_selection_of(f), 3);
    key(f, KEY_ESCAPE); /* nothing further on home */
    assert_string_equal(screen_of(f), "home");
    key(f, KEY_ENTER); /* reopens it, from the start */
    assert_string_equal(exhibition_of(f), "gamma");
    assert_int_equal(slide_of(f), 1);
}

static void l_cycles_languages_keeping_the_slide(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 3);
    assert_string_equal(lang_of(f), "kk");
    key(f, 'l');
    assert_string_equal(lang_of(f), "ru");
    assert_int_equal(slide_of(f), 3);
    assert_non_null(scene_find_text(show_scene(f->show), "alpha caption ru 3"));
    key(f, 'l');
    assert_string_equal(lang_of(f), "en");
    assert_int_equal(slide_of(f), 3);
    key(f, 'l');
    assert_string_equal(lang_of(f), "kk");
    assert_int_equal(slide_of(f), 3);
    assert_string_equal(exhibition_of(f), "alpha");
    /* and on home */
    key(f, KEY_ESCAPE);
    key(f, 'l');
    assert_string_equal(lang_of(f), "ru");
    assert_non_null(scene_find_text(show_scene(f->show), "Выберите выставку"));
}

static void set_lang_switches_to_an_offered_language_only(void **state)
{
    Fx *f = *state;
    open_at(f, "beta", 2);
    assert_true(show_set_lang(f->show, "en"));
    assert_string_equal(lang_of(f), "en");
    assert_non_null(scene_find_text(show_scene(f->show), "beta body en 2"));
    assert_false(show_set_lang(f->show, "de"));
    assert_false(show_set_lang(f->show, ""));
    assert_string_equal(lang_of(f), "en");
    assert_int_equal(slide_of(f), 2);
}

static void start_language_and_offered_languages_come_from_the_config(void **state)
{
    (void)state;
    Settings st;
    fx_settings(&st, (const char *const[]){"en", "kk"}, 2);
    ShowConfig cfg = {.settings = &st, .start_lang = "kk"};
    Fx *f = fx_new(&cfg);
    assert_string_equal(lang_of(f), "kk");
    key(f, 'l');
    assert_string_equal(lang_of(f), "en");
    key(f, 'l');
    assert_string_equal(lang_of(f), "kk");
    assert_false(show_set_lang(f->show, "ru"));
    /* two buttons, no РУС */
    const Scene *s = show_scene(f->show);
    assert_null(scene_find_text(s, "РУС"));
    assert_non_null(scene_find_text(s, "ENG"));
    assert_non_null(scene_find_text(s, "ҚАЗ"));
    void *p = f;
    teardown(&p);
    settings_free(&st);
}

static void tap_in_the_right_third_goes_next_and_left_third_back(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    tap(f, W - W / 6, H / 2);
    assert_int_equal(slide_of(f), 3);
    tap(f, W / 6, H / 2);
    tap(f, W / 6, H / 2);
    assert_int_equal(slide_of(f), 1);
    tap(f, W / 2, H / 2); /* the middle is for looking */
    assert_int_equal(slide_of(f), 1);
}

static void mouse_click_works_like_a_tap(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    f->t += 1000;
    pointer(f, EV_POINTER_DOWN, POINTER_MOUSE, W - 100, H / 2);
    f->t += 80;
    pointer(f, EV_POINTER_UP, POINTER_MOUSE, W - 100, H / 2);
    assert_int_equal(slide_of(f), 3);
}

static void long_press_does_not_turn_the_page(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    f->t += 1000;
    pointer(f, EV_POINTER_DOWN, 1, W - 100, H / 2);
    f->t += 2000;
    pointer(f, EV_POINTER_UP, 1, W - 100, H / 2);
    assert_int_equal(slide_of(f), 2);
}

static void tap_on_a_language_button_switches_language(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    const DrawItem *rus = scene_find_text(show_scene(f->show), "РУС");
    assert_non_null(rus);
    Rect r = rus->r;
    const HitTarget *t = scene_hit(show_scene(f->show), (float)r.x + 1, (float)r.y + 1);
    assert_non_null(t);
    assert_int_equal(t->action, ACT_LANG);
    tap_centre(f, r);
    assert_string_equal(lang_of(f), "ru");
    assert_int_equal(slide_of(f), 2); /* the button is in the right third, but wins */
    const DrawItem *eng = scene_find_text(show_scene(f->show), "ENG");
    assert_non_null(eng);
    tap_centre(f, eng->r);
    assert_string_equal(lang_of(f), "en");
    assert_int_equal(slide_of(f), 2);
}

static void tap_on_the_home_button_goes_home(void **state)
{
    Fx *f = *state;
    open_at(f, "beta", 3);
    const HitTarget *h = find_hit(show_scene(f->show), ACT_HOME, 0);
    assert_non_null(h);
    tap_centre(f, h->r);
    assert_string_equal(screen_of(f), "home");
    assert_int_equal(home_selection_of(f), 2);
}

static void swipe_left_goes_next_and_right_goes_back(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    swipe(f, 1300, 900, 500, 300);
    assert_int_equal(slide_of(f), 3);
    swipe(f, 900, 1300, 500, 300);
    swipe(f, 900, 1300, 500, 300);
    assert_int_equal(slide_of(f), 1);
}

static void two_finger_touch_does_not_turn_the_page(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    f->t += 1000;
    pointer(f, EV_POINTER_DOWN, 1, 1700, 500);
    pointer(f, EV_POINTER_DOWN, 2, 1750, 600);
    f->t += 50;
    pointer(f, EV_POINTER_UP, 1, 1700, 500);
    pointer(f, EV_POINTER_UP, 2, 1750, 600);
    assert_int_equal(slide_of(f), 2);
}

static void c_toggles_the_caption_panel(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 1);
    assert_non_null(scene_find_text(show_scene(f->show), "alpha caption kk 1"));
    key(f, 'c');
    assert_null(scene_find_text(show_scene(f->show), "alpha caption kk 1"));
    key(f, 'c');
    assert_non_null(scene_find_text(show_scene(f->show), "alpha caption kk 1"));
}

static void open_clamps_the_slide_and_rejects_unknown_ids(void **state)
{
    Fx *f = *state;
    assert_false(show_open(f->show, "nope", 1));
    assert_string_equal(screen_of(f), "home");
    assert_true(show_open(f->show, "alpha", 99));
    assert_int_equal(slide_of(f), 4);
    assert_true(show_open(f->show, "beta", 0));
    assert_int_equal(slide_of(f), 1);
    assert_true(show_open(f->show, "beta", -5));
    assert_int_equal(slide_of(f), 1);
}

/* ---- ending ------------------------------------------------------------------- */

static void ctrl_q_does_nothing_in_a_kiosk(void **state)
{
    Fx *f = *state;
    key_mods(f, 'q', MOD_CTRL);
    key(f, 'q');
    key(f, KEY_ESCAPE);
    key_mods(f, KEY_F4, MOD_ALT);
    assert_true(show_running(f->show));
}

static void ctrl_q_quits_when_allowed(void **state)
{
    (void)state;
    ShowConfig cfg = {.allow_quit = true};
    Fx *f = fx_new(&cfg);
    key(f, 'q'); /* q alone is not enough */
    assert_true(show_running(f->show));
    key_mods(f, 'q', MOD_CTRL);
    assert_false(show_running(f->show));
    json_t *j = state_of(f);
    assert_true(json_is_false(json_object_get(j, "running")));
    json_decref(j);
    void *p = f;
    teardown(&p);
}

static void window_close_is_ignored_in_a_kiosk(void **state)
{
    Fx *f = *state;
    send(f, (Event){.type = EV_CLOSE});
    assert_true(show_running(f->show));
}

static void window_close_quits_when_allowed(void **state)
{
    (void)state;
    ShowConfig cfg = {.allow_quit = true};
    Fx *f = fx_new(&cfg);
    send(f, (Event){.type = EV_CLOSE});
    assert_false(show_running(f->show));
    void *p = f;
    teardown(&p);
}

static void quit_from_the_service_manager_always_stops(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    send(f, (Event){.type = EV_QUIT});
    assert_false(show_running(f->show));
}

/* With no PIN set, the keyboard chord opens the administrator's menu at
 * once; in a fullscreen kiosk it has no Exit (issue 16): the second entry
 * goes back to the visitors. */
static void ctrl_alt_shift_q_opens_the_admin_menu(void **state)
{
    Fx *f = *state;
    key_mods(f, 'q', MOD_CTRL | MOD_ALT | MOD_SHIFT);
    assert_true(show_running(f->show));
    char buf[2048];
    show_state_json(f->show, 0, buf, sizeof buf);
    assert_non_null(strstr(buf, "\"screen\":\"admin\""));
    assert_non_null(strstr(buf, "\"admin\":\"menu\""));
    key(f, KEY_DOWN);
    key(f, KEY_ENTER);
    assert_true(show_running(f->show));
    show_state_json(f->show, 0, buf, sizeof buf);
    assert_non_null(strstr(buf, "\"screen\":\"home\""));
}

/* ---- images ---------------------------------------------------------------------- */

static void failed_image_is_replaced_by_a_placeholder(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    const Scene *s = show_scene(f->show);
    assert_int_equal(count_images(s), 1);
    const char *kk_msg = lang_text(UI_IMAGE_UNAVAILABLE, "kk");
    assert_null(scene_find_text(s, kk_msg));

    /* a successful load changes nothing */
    send(f, (Event){.type = EV_IMAGE_LOADED, .exhibition = 0, .slide = 1, .ok = true});
    assert_false(show_dirty(f->show));

    send(f, (Event){.type = EV_IMAGE_LOADED, .exhibition = 0, .slide = 1, .ok = false});
    assert_true(show_dirty(f->show));
    s = show_scene(f->show);
    assert_int_equal(count_images(s), 0);
    assert_non_null(scene_find_text(s, kk_msg));

    key(f, 'l');
    s = show_scene(f->show);
    assert_non_null(scene_find_text(s, "Изображение временно недоступно"));
    key(f, 'l');
    s = show_scene(f->show);
    assert_non_null(scene_find_text(s, "Image temporarily unavailable"));
    assert_int_equal(count_images(s), 0);

    /* the other slides still show their images */
    key(f, KEY_RIGHT);
    settle(f);
    assert_int_equal(count_images(show_scene(f->show)), 1);
    key(f, KEY_LEFT);
    settle(f);
    assert_int_equal(count_images(show_scene(f->show)), 0);
}

static void image_events_out_of_range_are_ignored(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 1);
    (void)show_scene(f->show);
    const int bad[][2] = {{-1, 0}, {3, 0}, {99, 0}, {0, 4}, {0, -2}, {2, 2}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        send(f, (Event){.type = EV_IMAGE_LOADED, .exhibition = bad[i][0], .slide = bad[i][1],
                        .ok = false});
    assert_false(show_dirty(f->show));
    assert_int_equal(count_images(show_scene(f->show)), 1);
}

static void failed_cover_keeps_home_usable(void **state)
{
    Fx *f = *state;
    /* alpha has no cover: its card shows the first slide's image, which failed */
    send(f, (Event){.type = EV_IMAGE_LOADED, .exhibition = 0, .slide = 0, .ok = false});
    const Scene *s = show_scene(f->show);
    assert_non_null(find_hit(s, ACT_OPEN, 0));
    for (int i = 0; i < s->n; i++)
        if (s->items[i].kind == DRAW_IMAGE)
            assert_int_not_equal(s->items[i].exhibition, 0);
}

/* ---- state and redraw ---------------------------------------------------------------- */

/* A kiosk waiting for its --exhibition (missing or broken at start): the
 * state line says so while it waits, and only then; ids of any length and
 * with quotes stay valid JSON; a visitor's input makes it attended. */
static void state_json_says_what_the_kiosk_waits_for(void **state)
{
    Fx *f = *state;
    json_t *j = state_of(f);
    assert_null(json_object_get(j, "waiting_for"));
    json_decref(j);
    ShowSnapshot sn;
    show_snapshot(f->show, &sn);
    assert_true(sn.unattended);
    assert_true(show_set_waiting(f->show, "karlag-artists"));
    j = state_of(f);
    assert_string_equal(json_string_value(json_object_get(j, "waiting_for")), "karlag-artists");
    assert_true(json_is_object(json_object_get(j, "timer"))); /* still last, still there */
    json_decref(j);
    char odd[300]; /* longer than the small buffer: the malloc path */
    memset(odd, 'x', sizeof odd - 1);
    odd[sizeof odd - 1] = '\0';
    odd[10] = '"';
    assert_true(show_set_waiting(f->show, odd));
    j = state_of(f);
    assert_string_equal(json_string_value(json_object_get(j, "waiting_for")), odd);
    json_decref(j);
    assert_true(show_set_waiting(f->show, NULL));
    j = state_of(f);
    assert_null(json_object_get(j, "waiting_for"));
    json_decref(j);
    key(f, KEY_RIGHT); /* a visitor */
    show_snapshot(f->show, &sn);
    assert_false(sn.unattended);
}

static void state_json_has_the_documented_fields(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    json_t *j = state_of(f);
    assert_string_equal(json_string_value(json_object_get(j, "screen")), "slide");
    assert_string_equal(json_string_value(json_object_get(j, "exhibition")), "alpha");
    assert_int_equal(json_integer_value(json_object_get(j, "slide")), 2);
    assert_int_equal(json_integer_value(json_object_get(j, "slides")), 4);
    assert_string_equal(json_string_value(json_object_get(j, "language")), "kk");
    json_t *zoom = json_object_get(j, "zoom");
    assert_true(json_is_number(zoom));
    assert_true(json_number_value(zoom) == 1.0);
    assert_true(json_is_true(json_object_get(j, "running")));
    json_t *timer = json_object_get(j, "timer");
    assert_true(json_is_object(timer));
    assert_true(json_is_integer(json_object_get(timer, "elapsed_ms")));
    assert_true(json_is_integer(json_object_get(timer, "remaining_ms")));
    assert_true(json_is_boolean(json_object_get(timer, "running")));
    assert_int_equal(json_integer_value(json_object_get(timer, "elapsed_ms")), 0);
    assert_true(json_is_false(json_object_get(timer, "running")));
    json_decref(j);

    key(f, KEY_ESCAPE);
    j = state_of(f);
    assert_string_equal(json_string_value(json_object_get(j, "screen")), "home");
    assert_true(json_is_null(json_object_get(j, "exhibition")));
    assert_true(json_is_null(json_object_get(j, "slide")));
    assert_true(json_is_null(json_object_get(j, "slides")));
    json_decref(j);
}

static void state_json_returns_the_full_length_like_snprintf(void **state)
{
    Fx *f = *state;
    char full[1024], small[16];
    int n = show_state_json(f->show, f->t, full, sizeof full);
    memset(small, 'x', sizeof small);
    int m = show_state_json(f->show, f->t, small, sizeof small);
    assert_int_equal(m, n);
    assert_int_equal(small[sizeof small - 1], '\0');
    assert_memory_equal(small, full, sizeof small - 1);
}

static void dirty_after_a_change_and_clean_after_show_scene(void **state)
{
    Fx *f = *state;
    assert_true(show_dirty(f->show)); /* nothing drawn yet */
    (void)show_scene(f->show);
    assert_false(show_dirty(f->show));
    key(f, KEY_LEFT); /* already on the first card: no change */
    assert_false(show_dirty(f->show));
    key(f, KEY_RIGHT);
    assert_true(show_dirty(f->show));
    (void)show_scene(f->show);
    assert_false(show_dirty(f->show));
    key(f, KEY_ENTER);
    assert_true(show_dirty(f->show));
    (void)show_scene(f->show);
    key(f, KEY_HOME); /* on the first slide already */
    assert_false(show_dirty(f->show));
    key(f, 'l');
    assert_true(show_dirty(f->show));
    (void)show_scene(f->show);
    send(f, (Event){.type = EV_RESIZE, .w = W, .h = H}); /* same size */
    assert_false(show_dirty(f->show));
    send(f, (Event){.type = EV_RESIZE, .w = 1280, .h = 720});
    assert_true(show_dirty(f->show));
    (void)show_scene(f->show);
    assert_false(show_dirty(f->show));
    send(f, (Event){.type = EV_TICK});
    assert_false(show_dirty(f->show));
}

static void a_tap_that_changes_nothing_keeps_an_undrawn_change_dirty(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    (void)show_scene(f->show);
    /* A page turn and, in the same batch of events, a tap on nothing: the
     * tap must not swallow the redraw the page turn asked for. */
    key(f, KEY_RIGHT);
    assert_true(show_dirty(f->show));
    tap(f, W / 2, H / 2);
    assert_true(show_dirty(f->show));
    const Scene *s = show_scene(f->show);
    assert_non_null(scene_find_text(s, "3 / 4"));
    assert_false(show_dirty(f->show));
    /* and a tap on nothing with nothing pending leaves it clean */
    tap(f, W / 2, H / 2);
    assert_false(show_dirty(f->show));
}

static void state_json_survives_long_and_odd_ids(void **state)
{
    (void)state;
    char long_id[400];
    memset(long_id, 'x', sizeof long_id - 1);
    long_id[sizeof long_id - 1] = '\0';
    /* a folder name used as the id may hold anything */
    const char *ids[] = {long_id, "say \"hi\"\\ \x01 тест"};
    for (int i = 0; i < 2; i++) {
        Library *lib = fx_library();
        fx_library_add(lib, fx_exhibition(ids[i], "К", "В", "E", 2, false));
        Measure m = fake_measure();
        Settings st;
        fx_settings(&st, (const char *const[]){"en", "we\"ird"}, 2);
        ShowConfig cfg = {.settings = &st, .start_lang = "we\"ird"};
        Show *show = show_create(lib, &cfg, &m, W, H);
        assert_non_null(show);
        assert_true(show_open(show, ids[i], 2));
        char buf[2048];
        int n = show_state_json(show, 0, buf, sizeof buf);
        assert_true(n > 0 && (size_t)n < sizeof buf);
        json_error_t err;
        json_t *j = json_loads(buf, 0, &err);
        if (!j)
            fail_msg("state is not JSON (%s): %s", err.text, buf);
        assert_string_equal(json_string_value(json_object_get(j, "exhibition")), ids[i]);
        assert_string_equal(json_string_value(json_object_get(j, "language")), "we\"ird");
        json_decref(j);
        show_free(show);
        settings_free(&st);
        fx_library_free(lib);
    }
}

static void resize_rebuilds_the_scene_for_the_new_size(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    send(f, (Event){.type = EV_RESIZE, .w = 1080, .h = 1920});
    const Scene *s = show_scene(f->show);
    for (int i = 0; i < s->n; i++) {
        Rect r = s->items[i].r;
        if (s->items[i].kind == DRAW_TEXT)
            assert_true(r.x >= 0 && r.x + r.w <= 1080 && r.y >= 0 && r.y + r.h <= 1920);
    }
    /* taps use the new layout: the right third of 1080 */
    tap(f, 1000, 960);
    assert_int_equal(slide_of(f), 3);
    /* and a bogus resize is ignored */
    (void)show_scene(f->show);
    send(f, (Event){.type = EV_RESIZE, .w = 0, .h = -4});
    assert_false(show_dirty(f->show));
    tap(f, 1000, 960);
    assert_int_equal(slide_of(f), 4);
}

/* A kiosk at rest wakes only for its idle timeout (see test_idle.c). */
static void only_the_idle_timeout_is_timed(void **state)
{
    Fx *f = *state;
    assert_int_equal(show_next_deadline(f->show, f->t), 90000 - f->t); /* idle since 0 */
}

static void empty_library_shows_home_and_ignores_navigation(void **state)
{
    (void)state;
    Library *lib = fx_library();
    Measure m = fake_measure();
    Show *s = show_create(lib, NULL, &m, W, H);
    assert_non_null(s);
    Event ev = {.type = EV_KEY, .key = KEY_ENTER, .t = 1};
    show_handle(s, &ev);
    ev.key = KEY_RIGHT;
    show_handle(s, &ev);
    ev.key = KEY_END;
    show_handle(s, &ev);
    assert_false(show_open(s, "alpha", 1));
    assert_non_null(scene_find_text(show_scene(s), lang_text(UI_NO_EXHIBITIONS, "kk")));
    char buf[512];
    show_state_json(s, 0, buf, sizeof buf);
    json_t *j = json_loads(buf, 0, NULL);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "screen")), "home");
    json_decref(j);
    show_free(s);
    show_free(NULL);
    fx_library_free(lib);
}

/* ---- scenes drawn ahead ----------------------------------------------------- */

/* Every text item of got is in want, at the same place, size and style. */
static void same_texts(const Scene *got, const Scene *want)
{
    int n_got = 0, n_want = 0;
    for (int i = 0; i < want->n; i++)
        n_want += want->items[i].kind == DRAW_TEXT;
    for (int i = 0; i < got->n; i++) {
        const DrawItem *g = &got->items[i];
        if (g->kind != DRAW_TEXT)
            continue;
        n_got++;
        bool found = false;
        for (int k = 0; k < want->n && !found; k++) {
            const DrawItem *w = &want->items[k];
            found = w->kind == DRAW_TEXT && w->text_len == g->text_len && w->font_px == g->font_px &&
                    w->style == g->style && w->r.x == g->r.x && w->r.y == g->r.y &&
                    memcmp(scene_text(want, w), scene_text(got, g), g->text_len) == 0;
        }
        if (!found)
            fail_msg("not drawn ahead: \"%.*s\" at %d,%d", (int)g->text_len, scene_text(got, g), g->r.x, g->r.y);
    }
    assert_int_equal(n_got, n_want);
    assert_true(n_got > 3);
}

/* The scenes built ahead (show_scene_ahead) are the ones a visitor sees
 * once the page has turned, line for line, so every caption line the
 * platform draws ahead is one the next frame uses: the next slide the way
 * they travel, then the one behind; none past an end or off the slides. */
static void scenes_ahead_are_the_scenes_shown_next(void **state)
{
    Fx *f = *state;
    Scene next, back, none;
    scene_init(&next);
    scene_init(&back);
    scene_init(&none);
    assert_false(show_scene_ahead(f->show, 0, &none)); /* home */
    open_at(f, "alpha", 2);
    assert_true(show_scene_ahead(f->show, 0, &next));
    assert_true(show_scene_ahead(f->show, 1, &back));
    assert_false(show_scene_ahead(f->show, 2, &none));
    assert_non_null(scene_find_text(&next, "alpha caption kk 3"));
    assert_non_null(scene_find_text(&back, "alpha caption kk 1"));
    key(f, KEY_RIGHT);
    settle(f);
    assert_int_equal(slide_of(f), 3);
    same_texts(show_scene(f->show), &next);
    key(f, KEY_LEFT);
    settle(f);
    key(f, KEY_LEFT);
    settle(f);
    assert_int_equal(slide_of(f), 1);
    same_texts(show_scene(f->show), &back);
    /* going back, the slide behind comes first; at the first slide there is
     * only the one after it */
    assert_true(show_scene_ahead(f->show, 0, &next));
    assert_non_null(scene_find_text(&next, "alpha caption kk 2"));
    assert_false(show_scene_ahead(f->show, 1, &none));
    /* in another language, the captions ahead are in it */
    key(f, 'l');
    assert_true(show_scene_ahead(f->show, 0, &next));
    assert_non_null(scene_find_text(&next, "alpha caption ru 2"));
    key(f, KEY_RIGHT);
    settle(f);
    same_texts(show_scene(f->show), &next);
    scene_free(&next);
    scene_free(&back);
    scene_free(&none);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

/* ---- slides that follow the finger ---------------------------------------- */

static int item_x_of_text(const Scene *sc, const char *needle)
{
    const DrawItem *it = scene_find_text(sc, needle);
    return it ? it->r.x : -99999;
}

static void slide_follows_the_finger_and_springs_back(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    int x0 = item_x_of_text(show_scene(f->show), "alpha caption kk 2");
    pointer(f, EV_POINTER_DOWN, 1, 1000, 500);
    f->t += 100;
    pointer(f, EV_POINTER_MOVE, 1, 900, 505);
    const Scene *sc = show_scene(f->show);
    assert_int_equal(item_x_of_text(sc, "alpha caption kk 2"), x0 - 100); /* under the finger */
    /* the next slide comes in from the right, one screen width further */
    assert_int_equal(item_x_of_text(sc, "alpha caption kk 3"), x0 - 100 + W);
    /* the home button and language buttons stay put */
    assert_non_null(scene_find_text(sc, "ҚАЗ"));
    f->t += 400; /* slow and short: not a page turn */
    pointer(f, EV_POINTER_UP, 1, 900, 505);
    assert_true(show_next_deadline(f->show, f->t) <= 16);   /* animating */
    settle(f);
    assert_int_equal(item_x_of_text(show_scene(f->show), "alpha caption kk 2"), x0);
    assert_true(show_next_deadline(f->show, f->t) > 1000);  /* and the loop sleeps again */
}

static void a_page_turn_continues_from_the_finger(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 2);
    int x0 = item_x_of_text(show_scene(f->show), "alpha caption kk 2");
    pointer(f, EV_POINTER_DOWN, 1, 1500, 500);
    for (int i = 1; i <= 10; i++) {
        f->t += 16;
        pointer(f, EV_POINTER_MOVE, 1, 1500.0f - 60.0f * (float)i, 500);
    }
    pointer(f, EV_POINTER_UP, 1, 900, 500);
    /* slide 3 is current, drawn where the finger left it: 600 px to the left of home */
    const Scene *sc = show_scene(f->show);
    assert_int_equal(item_x_of_text(sc, "alpha caption kk 3"), x0 - 600 + W);
    settle(f);
    assert_int_equal(item_x_of_text(show_scene(f->show), "alpha caption kk 3"), x0);
}

static void the_first_slide_resists_a_drag_to_the_right(void **state)
{
    Fx *f = *state;
    open_at(f, "alpha", 1);
    int x0 = item_x_of_text(show_scene(f->show), "alpha caption kk 1");
    pointer(f, EV_POINTER_DOWN, 1, 500, 500);
    f->t += 100;
    pointer(f, EV_POINTER_MOVE, 1, 700, 500);
    assert_int_equal(item_x_of_text(show_scene(f->show), "alpha caption kk 1"), x0 + 60); /* 0.3 of 200 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(starts_on_home_with_the_first_card_selected),
        T(right_and_down_move_the_home_selection),
        T(enter_opens_the_selected_exhibition),
        T(selection_frame_follows_the_keyboard),
        T(tap_on_a_home_card_opens_it),
        T(swipe_on_home_moves_the_selection),
        T(next_keys_go_to_the_next_slide),
        T(previous_keys_go_back_one_slide),
        T(clicker_keys_with_shift_still_turn_pages),
        T(home_and_end_jump_to_first_and_last),
        T(navigation_is_clamped_at_both_ends),
        T(scenes_ahead_are_the_scenes_shown_next),
        T(escape_goes_home_selecting_the_exhibition_just_left),
        T(l_cycles_languages_keeping_the_slide),
        T(set_lang_switches_to_an_offered_language_only),
        cmocka_unit_test(start_language_and_offered_languages_come_from_the_config),
        T(tap_in_the_right_third_goes_next_and_left_third_back),
        T(mouse_click_works_like_a_tap),
        T(long_press_does_not_turn_the_page),
        T(tap_on_a_language_button_switches_language),
        T(tap_on_the_home_button_goes_home),
        T(swipe_left_goes_next_and_right_goes_back),
        T(two_finger_touch_does_not_turn_the_page),
        T(c_toggles_the_caption_panel),
        T(open_clamps_the_slide_and_rejects_unknown_ids),
        T(ctrl_q_does_nothing_in_a_kiosk),
        cmocka_unit_test(ctrl_q_quits_when_allowed),
        T(window_close_is_ignored_in_a_kiosk),
        cmocka_unit_test(window_close_quits_when_allowed),
        T(quit_from_the_service_manager_always_stops),
        T(ctrl_alt_shift_q_opens_the_admin_menu),
        T(failed_image_is_replaced_by_a_placeholder),
        T(image_events_out_of_range_are_ignored),
        T(failed_cover_keeps_home_usable),
        T(state_json_has_the_documented_fields),
        T(state_json_says_what_the_kiosk_waits_for),
        T(state_json_returns_the_full_length_like_snprintf),
        T(dirty_after_a_change_and_clean_after_show_scene),
        T(a_tap_that_changes_nothing_keeps_an_undrawn_change_dirty),
        cmocka_unit_test(state_json_survives_long_and_odd_ids),
        T(resize_rebuilds_the_scene_for_the_new_size),
        T(only_the_idle_timeout_is_timed),
        T(slide_follows_the_finger_and_springs_back),
        T(a_page_turn_continues_from_the_finger),
        T(the_first_slide_resists_a_drag_to_the_right),
        cmocka_unit_test(empty_library_shows_home_and_ignores_navigation),
    };
    lang_load_dir(PO_DIR, NULL); /* the kk and ru words the tests look for */
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    lang_unload();
    return failed;
}
