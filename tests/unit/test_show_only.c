/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_show_only.c - a kiosk that shows one exhibition only (settings
 * kiosk.exhibition_only with --exhibition; show_set_only): home and the
 * idle reset stay in it, and while it is missing "being prepared" stands
 * in every offered language where the list would be, with nothing to
 * press, until a library with it comes.
 *
 * Libraries in memory: "alpha" 4 image slides, "beta" 3 text slides,
 * "gamma" 2 image slides. Screen 1920x1080.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk.h"
#include "lang.h"
#include "show.h"
#include "unit_support.h"

#define W 1920
#define H 1080

/* A library of the given exhibitions (of alpha, beta, gamma). */
static Library *lib_of(const char *ids)
{
    Library *lib = fx_library();
    assert_non_null(lib);
    if (strchr(ids, 'a'))
        fx_library_add(lib, fx_exhibition("alpha", "Альфа", "Альфа", "Alpha", 4, true));
    if (strchr(ids, 'b'))
        fx_library_add(lib, fx_exhibition("beta", "Бета", "Бета", "Beta", 3, false));
    if (strchr(ids, 'g'))
        fx_library_add(lib, fx_exhibition("gamma", "Гамма", "Гамма", "Gamma", 2, true));
    return lib;
}

typedef struct {
    ShowFx f;
    Library *libs[3]; /* every library the show has run on, freed at the end */
    int n_libs;
} Fx;

static int setup(void **state)
{
    Fx *x = calloc(1, sizeof *x);
    assert_non_null(x);
    x->f.lib = x->libs[x->n_libs++] = lib_of("abg");
    x->f.m = fake_measure();
    x->f.show = show_create(x->f.lib, NULL, &x->f.m, W, H);
    assert_non_null(x->f.show);
    x->f.t = 10000;
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    Fx *x = *state;
    show_free(x->f.show);
    for (int i = 0; i < x->n_libs; i++)
        fx_library_free(x->libs[i]);
    free(x);
    return 0;
}

static void send(Fx *x, Event ev)
{
    x->f.t += 100;
    ev.t = x->f.t;
    show_handle(x->f.show, &ev);
}

static void key(Fx *x, int k, unsigned mods)
{
    send(x, (Event){.type = EV_KEY, .key = k, .mods = mods});
}

static void tap(Fx *x, int px, int py)
{
    send(x, (Event){.type = EV_POINTER_DOWN, .x = (float)px, .y = (float)py});
    send(x, (Event){.type = EV_POINTER_UP, .x = (float)px, .y = (float)py});
    x->f.t += 1000; /* past any wait for a double tap */
    send(x, (Event){.type = EV_TICK});
}

/* The show runs on a new library with the given exhibitions (a reload). */
static void reload(Fx *x, const char *ids)
{
    assert_true(x->n_libs < 3);
    x->f.lib = x->libs[x->n_libs++] = lib_of(ids);
    show_set_library(x->f.show, x->f.lib);
}

/* "screen/exhibition/slide" of the state line, e.g. "slide/beta/2" */
static void assert_at(Fx *x, const char *want)
{
    char buf[4096], got[256];
    assert_true(show_state_json(x->f.show, x->f.t, buf, sizeof buf) > 0);
    json_error_t err;
    json_t *j = json_loads(buf, 0, &err);
    assert_non_null(j);
    const char *ex = json_string_value(json_object_get(j, "exhibition"));
    json_t *sl = json_object_get(j, "slide");
    snprintf(got, sizeof got, "%s/%s/%lld", json_string_value(json_object_get(j, "screen")), ex ? ex : "-",
             json_is_integer(sl) ? (long long)json_integer_value(sl) : 0LL);
    json_decref(j);
    if (strcmp(got, want) != 0)
        fail_msg("at %s, not %s: %s", got, want, buf);
}

/* Home (Escape, or the home control) and the reset go back to its start
 * slide, never to the list of exhibitions. */
static void home_and_reset_stay_in_it(void **state)
{
    Fx *x = *state;
    assert_true(show_set_only(x->f.show, "beta", 2));
    assert_string_equal(show_only(x->f.show), "beta");
    assert_true(show_open(x->f.show, "beta", 2));
    assert_at(x, "slide/beta/2");
    key(x, KEY_RIGHT, 0);
    assert_at(x, "slide/beta/3");
    key(x, KEY_ESCAPE, 0);
    assert_at(x, "slide/beta/2");
    key(x, KEY_RIGHT, 0);
    x->f.t += 95000; /* the visitor walked away: "still there?" (90 s), then the reset (15 s) */
    send(x, (Event){.type = EV_TICK});
    x->f.t += 16000;
    send(x, (Event){.type = EV_TICK});
    ShowSnapshot sn;
    show_snapshot(x->f.show, &sn);
    assert_int_equal(sn.resets, 1);
    assert_at(x, "slide/beta/2");
}

/* Gone with a reload: "being prepared" in every offered language, no
 * target to touch, no key or gesture that does anything, no idle screens;
 * back with the next reload: open at once, at its start. */
static void missing_it_is_being_prepared(void **state)
{
    Fx *x = *state;
    assert_true(show_set_only(x->f.show, "beta", 3));
    assert_true(show_open(x->f.show, "beta", 3));
    reload(x, "ag");
    assert_at(x, "preparing/-/0");
    const Scene *sc = show_scene(x->f.show);
    const char *langs[] = {"kk", "ru", "en"};
    for (int i = 0; i < 3; i++) {
        char first_words[24]; /* the sentence may wrap: its start is on one line */
        snprintf(first_words, sizeof first_words, "%s", lang_text(UI_BEING_PREPARED, langs[i]));
        *strrchr(first_words, ' ') = '\0';
        if (!scene_find_text(sc, first_words))
            fail_msg("no \"%s\" (%s) on the screen", first_words, langs[i]);
    }
    assert_null(scene_find_text(sc, "Alpha")); /* no card of the others */
    assert_int_equal(sc->n_hits, 0);
    int keys[] = {KEY_ENTER, KEY_RIGHT, KEY_ESCAPE, ' ', 'l'};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        key(x, keys[i], 0);
    tap(x, W / 2, H / 2);
    tap(x, W / 6, H / 3);
    assert_at(x, "preparing/-/0");
    x->f.t += 600000; /* nobody there to ask "still there?", nothing to attract */
    send(x, (Event){.type = EV_TICK});
    assert_at(x, "preparing/-/0");
    reload(x, "abg");
    assert_at(x, "slide/beta/3");
}

/* Staff still reach the administrator's menu, and leave it to "being
 * prepared" (or to the exhibition, if it came meanwhile). */
static void staff_still_get_in(void **state)
{
    Fx *x = *state;
    assert_true(show_set_only(x->f.show, "beta", 1));
    assert_false(show_open(x->f.show, "delta", 1));
    reload(x, "ag");
    assert_at(x, "preparing/-/0");
    key(x, 'q', MOD_CTRL | MOD_ALT | MOD_SHIFT);
    assert_at(x, "admin/-/0");
    key(x, KEY_ESCAPE, 0);
    assert_at(x, "preparing/-/0");
    key(x, 'q', MOD_CTRL | MOD_ALT | MOD_SHIFT);
    reload(x, "abg");
    assert_at(x, "admin/-/0");
    key(x, KEY_ESCAPE, 0);
    assert_at(x, "slide/beta/1");
}

/* The attract loop of a kiosk that shows one exhibition: its pictures only
 * (the cover when nobody marked any), whatever the others offer. */
static void the_attract_loop_keeps_to_it(void **state)
{
    (void)state;
    Library *lib = lib_of("abg");
    lib->items[0]->slides[1].attract = true; /* alpha's marked slide */
    Settings st;
    fx_settings(&st, NULL, 0);
    Kiosk k;
    assert_true(kiosk_init(&k, &st, lib));
    assert_int_equal(k.n_attract, 1); /* alpha's mark, for everyone */
    assert_true(kiosk_set_only(&k, "gamma", lib));
    assert_int_equal(k.n_attract, 1);
    assert_int_equal(k.attract[0].ex, 2);
    assert_int_equal(k.attract[0].slide, -1); /* gamma's cover */
    assert_true(kiosk_set_only(&k, "alpha", lib));
    assert_int_equal(k.n_attract, 1);
    assert_int_equal(k.attract[0].ex, 0);
    assert_int_equal(k.attract[0].slide, 1);
    assert_true(kiosk_set_only(&k, "delta", lib)); /* missing: nothing to show */
    assert_int_equal(k.n_attract, 0);
    kiosk_free(&k);
    settings_free(&st);
    fx_library_free(lib);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(home_and_reset_stay_in_it, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_it_is_being_prepared, setup, teardown),
        cmocka_unit_test_setup_teardown(staff_still_get_in, setup, teardown),
        cmocka_unit_test(the_attract_loop_keeps_to_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
