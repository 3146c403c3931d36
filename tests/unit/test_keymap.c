/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_keymap.c - the built-in key bindings (every clicker key), key names,
 * and replacing an action's keys. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "action.h"
#include "keymap.h"

static const unsigned all_contexts[] = {KC_HOME, KC_SLIDE, KC_LECTURE, KC_OVERVIEW};

/* ---- Defaults -------------------------------------------------------------- */

static void clicker_keys_in_lectures(void **state)
{
    (void)state;
    KeyMap km;
    assert_true(keymap_init_default(&km));
    const int next[] = {KEY_PAGEDOWN, KEY_RIGHT, KEY_DOWN, ' ', KEY_ENTER, 'n'};
    const int prev[] = {KEY_PAGEUP, KEY_LEFT, KEY_UP, KEY_BACKSPACE, 'p'};
    for (size_t i = 0; i < sizeof next / sizeof next[0]; i++) {
        assert_int_equal(keymap_lookup(&km, KC_LECTURE, next[i], 0), ACT_NEXT);
        assert_int_equal(keymap_lookup(&km, KC_SLIDE, next[i], 0), ACT_NEXT);
    }
    for (size_t i = 0; i < sizeof prev / sizeof prev[0]; i++) {
        assert_int_equal(keymap_lookup(&km, KC_LECTURE, prev[i], 0), ACT_PREV);
        assert_int_equal(keymap_lookup(&km, KC_SLIDE, prev[i], 0), ACT_PREV);
    }
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, '.', 0), ACT_BLACK);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, 'b', 0), ACT_BLACK);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, 'w', 0), ACT_WHITE);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, ',', 0), ACT_WHITE);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_F5, 0), ACT_START_STOP);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_F5, MOD_SHIFT), ACT_START_STOP);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_ESCAPE, 0), ACT_START_STOP);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_HOME, 0), ACT_FIRST);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_END, 0), ACT_LAST);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_TAB, 0), ACT_OVERVIEW);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, 'g', 0), ACT_OVERVIEW);
    assert_int_equal(keymap_lookup(&km, KC_OVERVIEW, KEY_TAB, 0), ACT_OVERVIEW);
    assert_int_equal(keymap_lookup(&km, KC_OVERVIEW, 'g', 0), ACT_OVERVIEW);
    assert_int_equal(keymap_lookup(&km, KC_OVERVIEW, KEY_ESCAPE, 0), ACT_OVERVIEW);
    keymap_free(&km);
}

static void escape_and_f5_never_quit(void **state)
{
    (void)state;
    KeyMap km;
    assert_true(keymap_init_default(&km));
    /* a kiosk slide: Escape goes back to the list */
    assert_int_equal(keymap_lookup(&km, KC_SLIDE, KEY_ESCAPE, 0), ACT_HOME);
    assert_int_equal(keymap_lookup(&km, KC_HOME, KEY_ESCAPE, 0), ACT_NONE);
    /* clicker keys are lecture-only: a kiosk slide does not blank */
    assert_int_equal(keymap_lookup(&km, KC_SLIDE, 'b', 0), ACT_NONE);
    assert_int_equal(keymap_lookup(&km, KC_SLIDE, KEY_F5, 0), ACT_NONE);
    for (size_t c = 0; c < sizeof all_contexts / sizeof all_contexts[0]; c++) {
        unsigned ctx = all_contexts[c];
        for (unsigned m = 0; m < 16; m++) {
            Action a = keymap_lookup(&km, ctx, KEY_ESCAPE, m);
            assert_true(a != ACT_QUIT && a != ACT_ADMIN);
            a = keymap_lookup(&km, ctx, KEY_F5, m);
            assert_true(a != ACT_QUIT && a != ACT_ADMIN);
        }
    }
    keymap_free(&km);
}

static void quit_chords_everywhere(void **state)
{
    (void)state;
    KeyMap km;
    assert_true(keymap_init_default(&km));
    for (size_t c = 0; c < sizeof all_contexts / sizeof all_contexts[0]; c++) {
        unsigned ctx = all_contexts[c];
        assert_int_equal(keymap_lookup(&km, ctx, 'q', MOD_CTRL), ACT_QUIT);
        assert_int_equal(keymap_lookup(&km, ctx, 'q', MOD_CTRL | MOD_ALT | MOD_SHIFT),
                         ACT_ADMIN);
        /* a plain q is nothing, and Ctrl+Alt+Q is not the admin chord */
        assert_int_equal(keymap_lookup(&km, ctx, 'q', 0), ACT_NONE);
        assert_int_equal(keymap_lookup(&km, ctx, 'q', MOD_CTRL | MOD_ALT), ACT_NONE);
    }
    keymap_free(&km);
}

static void kiosk_home_and_overview(void **state)
{
    (void)state;
    KeyMap km;
    assert_true(keymap_init_default(&km));
    assert_int_equal(keymap_lookup(&km, KC_HOME, KEY_RIGHT, 0), ACT_SEL_NEXT);
    assert_int_equal(keymap_lookup(&km, KC_HOME, KEY_DOWN, 0), ACT_SEL_NEXT);
    assert_int_equal(keymap_lookup(&km, KC_HOME, KEY_PAGEDOWN, 0), ACT_SEL_NEXT);
    assert_int_equal(keymap_lookup(&km, KC_HOME, KEY_LEFT, 0), ACT_SEL_PREV);
    assert_int_equal(keymap_lookup(&km, KC_HOME, KEY_HOME, 0), ACT_SEL_FIRST);
    assert_int_equal(keymap_lookup(&km, KC_HOME, KEY_END, 0), ACT_SEL_LAST);
    assert_int_equal(keymap_lookup(&km, KC_HOME, KEY_ENTER, 0), ACT_SELECT);
    assert_int_equal(keymap_lookup(&km, KC_HOME, ' ', 0), ACT_SELECT);
    assert_int_equal(keymap_lookup(&km, KC_HOME, 'l', 0), ACT_LANG_NEXT);
    assert_int_equal(keymap_lookup(&km, KC_SLIDE, 'c', 0), ACT_TOGGLE_CAPTIONS);
    assert_int_equal(keymap_lookup(&km, KC_OVERVIEW, KEY_RIGHT, 0), ACT_SEL_NEXT);
    assert_int_equal(keymap_lookup(&km, KC_OVERVIEW, KEY_ENTER, 0), ACT_SELECT);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, 't', 0), ACT_TIMER_OVERLAY);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, 's', 0), ACT_TIMER_PAUSE);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, 'r', MOD_CTRL), ACT_TIMER_RESET);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, 'r', 0), ACT_NONE);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, 'd', 0), ACT_SWAP_DISPLAYS);
    keymap_free(&km);
}

static void shift_fallback(void **state)
{
    (void)state;
    KeyMap km;
    assert_true(keymap_init_default(&km));
    /* some keyboards need Shift for '.', some clickers send it along */
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, '.', MOD_SHIFT), ACT_BLACK);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_PAGEDOWN, MOD_SHIFT), ACT_NEXT);
    /* an exact match wins over the fallback */
    assert_true(keymap_bind(&km, ACT_WHITE, KC_LECTURE, '.', MOD_SHIFT));
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, '.', MOD_SHIFT), ACT_WHITE);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, '.', 0), ACT_BLACK);
    /* only Shift is ignored */
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, '.', MOD_CTRL), ACT_NONE);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, '.', MOD_CTRL | MOD_SHIFT), ACT_NONE);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_PAGEDOWN, MOD_ALT), ACT_NONE);
    keymap_free(&km);
}

static void default_contexts(void **state)
{
    (void)state;
    assert_int_equal(keymap_default_contexts(ACT_NEXT), KC_SLIDE | KC_LECTURE);
    assert_int_equal(keymap_default_contexts(ACT_BLACK), KC_LECTURE);
    assert_int_equal(keymap_default_contexts(ACT_START_STOP), KC_LECTURE);
    assert_int_equal(keymap_default_contexts(ACT_OVERVIEW), KC_LECTURE | KC_OVERVIEW);
    assert_int_equal(keymap_default_contexts(ACT_HOME), KC_SLIDE);
    assert_int_equal(keymap_default_contexts(ACT_QUIT), KC_ANY);
    /* no default keys: lectures */
    assert_int_equal(keymap_default_contexts(ACT_NONE), KC_LECTURE);
}

/* ---- Key names ------------------------------------------------------------- */

static void parse_names_and_aliases(void **state)
{
    (void)state;
    static const struct {
        const char *spec;
        int key;
        unsigned mods;
    } ok[] = {
        {"PageDown", KEY_PAGEDOWN, 0}, {"Next", KEY_PAGEDOWN, 0}, {"Page_Down", KEY_PAGEDOWN, 0},
        {"pagedown", KEY_PAGEDOWN, 0}, {"PAGEDOWN", KEY_PAGEDOWN, 0},
        {"PageUp", KEY_PAGEUP, 0}, {"Prior", KEY_PAGEUP, 0}, {"page_up", KEY_PAGEUP, 0},
        {"Right", KEY_RIGHT, 0}, {"left", KEY_LEFT, 0}, {"Up", KEY_UP, 0}, {"DOWN", KEY_DOWN, 0},
        {"Return", KEY_ENTER, 0}, {"Enter", KEY_ENTER, 0},
        {"Escape", KEY_ESCAPE, 0}, {"Esc", KEY_ESCAPE, 0},
        {"Backspace", KEY_BACKSPACE, 0}, {"BackSpace", KEY_BACKSPACE, 0},
        {"Tab", KEY_TAB, 0}, {"Home", KEY_HOME, 0}, {"End", KEY_END, 0},
        {"Space", ' ', 0}, {"space", ' ', 0},
        {"period", '.', 0}, {".", '.', 0}, {"comma", ',', 0}, {",", ',', 0},
        {"b", 'b', 0}, {"B", 'b', 0}, {"5", '5', 0}, {"+", '+', 0},
        {"F1", KEY_F1, 0}, {"f5", KEY_F5, 0}, {"F12", KEY_F12, 0},
        {"Shift+F5", KEY_F5, MOD_SHIFT}, {"shift+f5", KEY_F5, MOD_SHIFT},
        {"Ctrl+q", 'q', MOD_CTRL}, {"Control+q", 'q', MOD_CTRL}, {"CTRL+Q", 'q', MOD_CTRL},
        {"Ctrl+Alt+Shift+Q", 'q', MOD_CTRL | MOD_ALT | MOD_SHIFT},
        {"Shift+Alt+Ctrl+q", 'q', MOD_CTRL | MOD_ALT | MOD_SHIFT},
        {"Gui+Tab", KEY_TAB, MOD_GUI}, {"Alt+period", '.', MOD_ALT},
        {"Ctrl++", '+', MOD_CTRL},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        int key = -1;
        unsigned mods = 99;
        if (!keymap_parse_key(ok[i].spec, &key, &mods))
            fail_msg("\"%s\" should parse", ok[i].spec);
        if (key != ok[i].key || mods != ok[i].mods)
            fail_msg("\"%s\": key 0x%x mods %u, expected 0x%x mods %u", ok[i].spec,
                     (unsigned)key, mods, (unsigned)ok[i].key, ok[i].mods);
    }
}

static void parse_failures(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "", "Ctrl+", "Hyper+a", "Pgdn", "é", "Ctrl+Shift", "+a", "ab", "Ctrl+Pgdn",
        "F13", "Shift+", " ", "\t", "Ctrl+é", "PageDown ", "Super+a",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int key = -1;
        unsigned mods = 0;
        if (keymap_parse_key(bad[i], &key, &mods))
            fail_msg("\"%s\" should not parse (got key 0x%x)", bad[i], (unsigned)key);
    }
}

static void format_round_trip(void **state)
{
    (void)state;
    KeyMap km;
    assert_true(keymap_init_default(&km));
    for (int i = 0; i < km.n; i++) {
        char spec[64];
        int key = -1;
        unsigned mods = 99;
        keymap_format_key(km.items[i].key, km.items[i].mods, spec, sizeof spec);
        if (!keymap_parse_key(spec, &key, &mods) || key != km.items[i].key
            || mods != km.items[i].mods)
            fail_msg("binding %d: \"%s\" does not read back", i, spec);
    }
    keymap_free(&km);

    char spec[64];
    keymap_format_key(KEY_F5, MOD_SHIFT, spec, sizeof spec);
    assert_string_equal(spec, "Shift+F5");
    keymap_format_key(KEY_PAGEDOWN, 0, spec, sizeof spec);
    assert_string_equal(spec, "PageDown");
    keymap_format_key('.', 0, spec, sizeof spec);
    assert_string_equal(spec, "period");
    keymap_format_key(' ', 0, spec, sizeof spec);
    assert_string_equal(spec, "Space");
    keymap_format_key('b', 0, spec, sizeof spec);
    assert_string_equal(spec, "b");
    keymap_format_key('q', MOD_CTRL | MOD_ALT | MOD_SHIFT | MOD_GUI, spec, sizeof spec);
    assert_string_equal(spec, "Ctrl+Alt+Shift+Gui+q");
    /* a small buffer is cut, never overrun */
    char tiny[4];
    keymap_format_key(KEY_PAGEDOWN, MOD_CTRL, tiny, sizeof tiny);
    assert_string_equal(tiny, "Ctr");
}

/* ---- Replacing keys ------------------------------------------------------- */

static void clear_and_bind_one_context(void **state)
{
    (void)state;
    KeyMap km;
    assert_true(keymap_init_default(&km));
    int n_before = km.n;
    keymap_clear(&km, ACT_NEXT, KC_LECTURE);
    /* gone in lectures, still there on kiosk slides */
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_PAGEDOWN, 0), ACT_NONE);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, ' ', 0), ACT_NONE);
    assert_int_equal(keymap_lookup(&km, KC_SLIDE, KEY_PAGEDOWN, 0), ACT_NEXT);
    assert_int_equal(keymap_lookup(&km, KC_SLIDE, ' ', 0), ACT_NEXT);
    /* the bindings are shared (SLIDE|LECTURE): none is removed, only narrowed */
    assert_int_equal(km.n, n_before);
    /* other actions untouched */
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_PAGEUP, 0), ACT_PREV);
    assert_int_equal(keymap_lookup(&km, KC_HOME, KEY_PAGEDOWN, 0), ACT_SEL_NEXT);

    assert_true(keymap_bind(&km, ACT_NEXT, KC_LECTURE, 'y', 0));
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, 'y', 0), ACT_NEXT);
    assert_int_equal(keymap_lookup(&km, KC_SLIDE, 'y', 0), ACT_NONE);

    /* clearing a lecture-only action removes its bindings */
    n_before = km.n;
    keymap_clear(&km, ACT_BLACK, KC_LECTURE);
    assert_int_equal(km.n, n_before - 2);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, 'b', 0), ACT_NONE);

    /* a newer binding of a key wins over an older one */
    assert_true(keymap_bind(&km, ACT_WHITE, KC_LECTURE, KEY_F5, 0));
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_F5, 0), ACT_WHITE);
    keymap_free(&km);
    keymap_free(&km); /* twice is safe */
    keymap_free(NULL);
}

static void bind_grows_from_empty(void **state)
{
    (void)state;
    KeyMap km = {0};
    for (int i = 0; i < 100; i++)
        assert_true(keymap_bind(&km, ACT_NEXT, KC_LECTURE, 'a' + i % 26, (unsigned)(i / 26)));
    assert_int_equal(km.n, 100);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, 'c', 1), ACT_NEXT);
    assert_int_equal(keymap_lookup(&km, KC_SLIDE, 'c', 1), ACT_NONE);
    keymap_clear(&km, ACT_NEXT, KC_ANY);
    assert_int_equal(km.n, 0);
    keymap_free(&km);
}

/* ---- Action names ---------------------------------------------------------- */

static void action_names_round_trip(void **state)
{
    (void)state;
    int named = 0;
    for (int i = 0; i < ACT__COUNT; i++) {
        const char *name = action_name((Action)i);
        if (!name)
            continue;
        named++;
        if (action_from_name(name) != (Action)i)
            fail_msg("action %d \"%s\" does not read back", i, name);
        /* names are lower case, digits and '_' (settings files use them) */
        for (const char *p = name; *p; p++)
            assert_true((*p >= 'a' && *p <= 'z') || *p == '_');
    }
    assert_true(named >= 22);
    assert_null(action_name(ACT_NONE));
    assert_null(action_name(ACT_OPEN));
    assert_null(action_name(ACT_LANG));
    assert_null(action_name(ACT_DIGIT));
    assert_null(action_name(ACT__COUNT));
    assert_null(action_name((Action)-1));
    assert_string_equal(action_name(ACT_NEXT), "next");
    assert_string_equal(action_name(ACT_PREV), "prev");
    assert_string_equal(action_name(ACT_START_STOP), "start_stop");
    assert_string_equal(action_name(ACT_BLACK), "black");
    assert_int_equal(action_from_name("Next"), ACT_NONE);
    assert_int_equal(action_from_name(""), ACT_NONE);
    assert_int_equal(action_from_name(NULL), ACT_NONE);
    assert_int_equal(action_from_name("open"), ACT_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clicker_keys_in_lectures),
        cmocka_unit_test(escape_and_f5_never_quit),
        cmocka_unit_test(quit_chords_everywhere),
        cmocka_unit_test(kiosk_home_and_overview),
        cmocka_unit_test(shift_fallback),
        cmocka_unit_test(default_contexts),
        cmocka_unit_test(parse_names_and_aliases),
        cmocka_unit_test(parse_failures),
        cmocka_unit_test(format_round_trip),
        cmocka_unit_test(clear_and_bind_one_context),
        cmocka_unit_test(bind_grows_from_empty),
        cmocka_unit_test(action_names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
