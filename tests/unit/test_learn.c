/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_learn.c - --learn-keys: the lecturer presses each clicker button once
 * (start/stop twice) and the key map follows. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "learn.h"

/* The keys of action a in context ctx, formatted, joined by " ". */
static void keys_of(const KeyMap *km, Action a, unsigned ctx, char *buf, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < km->n; i++) {
        if (km->items[i].action != a || !(km->items[i].contexts & ctx))
            continue;
        char spec[64];
        keymap_format_key(km->items[i].key, km->items[i].mods, spec, sizeof spec);
        o += (size_t)snprintf(buf + o, n - o, "%s%s", o ? " " : "", spec);
    }
}

#define assert_keys(km, a, ctx, want)                                                  \
    do {                                                                               \
        char got_[256];                                                                \
        keys_of((km), (a), (ctx), got_, sizeof got_);                                  \
        assert_string_equal(got_, want);                                               \
    } while (0)

static void assert_prompt_has(const Learn *l, const char *needle)
{
    const char *p = learn_prompt(l);
    if (!strstr(p, needle))
        fail_msg("prompt \"%s\" does not say \"%s\"", p, needle);
}

static void whole_session(void **state)
{
    (void)state;
    uint64_t t = 1000;
    Learn *l = learn_create(t);
    assert_non_null(l);
    assert_false(learn_done(l));

    assert_int_equal(learn_current(l), ACT_NEXT);
    assert_int_equal(learn_presses(l), 0);
    assert_string_equal(learn_prompt(l), "Press the NEXT button on the clicker.");
    learn_key(l, KEY_PAGEDOWN, 0, false, t += 2000);

    assert_int_equal(learn_current(l), ACT_PREV);
    assert_string_equal(learn_prompt(l), "Press the PREVIOUS button on the clicker.");
    learn_key(l, KEY_PAGEUP, 0, false, t += 2000);

    assert_int_equal(learn_current(l), ACT_START_STOP);
    assert_int_equal(learn_presses(l), 0);
    assert_prompt_has(l, "Press the START/STOP button on the clicker.");
    learn_key(l, KEY_F5, 0, false, t += 2000);
    /* clickers alternate F5 and Escape: once more */
    assert_int_equal(learn_current(l), ACT_START_STOP);
    assert_int_equal(learn_presses(l), 1);
    assert_string_equal(learn_prompt(l), "Press the START/STOP button once more.");
    learn_key(l, KEY_ESCAPE, 0, false, t += 2000);

    assert_int_equal(learn_current(l), ACT_BLACK);
    assert_int_equal(learn_presses(l), 0);
    assert_prompt_has(l, "Press the BLACK SCREEN button on the clicker.");
    learn_key(l, '.', 0, false, t += 2000);

    assert_int_equal(learn_current(l), ACT_WHITE);
    assert_prompt_has(l, "Press the WHITE SCREEN button on the clicker.");
    learn_key(l, 'w', 0, false, t += 2000);

    assert_int_equal(learn_current(l), ACT_FILM_PLAY);
    assert_prompt_has(l, "Press the PLAY/PAUSE button on the clicker.");
    learn_key(l, KEY_F9, 0, false, t += 2000); /* a remote's play/pause */

    assert_true(learn_done(l));
    assert_int_equal(learn_current(l), ACT_NONE);
    assert_int_equal(learn_presses(l), 0);
    assert_string_equal(learn_prompt(l), "Done: the clicker's buttons are learned.");
    assert_int_equal(learn_next_deadline(l, t), UINT64_MAX);
    /* presses after the end change nothing */
    learn_key(l, 'x', 0, false, t += 10);
    learn_tick(l, t += 100000);
    assert_true(learn_done(l));

    KeyMap km;
    assert_true(keymap_init_default(&km));
    learn_apply(l, &km);
    assert_keys(&km, ACT_NEXT, KC_LECTURE, "PageDown Right Down Space Return n");
    assert_keys(&km, ACT_PREV, KC_LECTURE, "PageUp Left Up Backspace p");
    assert_keys(&km, ACT_START_STOP, KC_LECTURE, "F5 Shift+F5 Escape");
    assert_keys(&km, ACT_BLACK, KC_LECTURE, "period b");
    assert_keys(&km, ACT_WHITE, KC_LECTURE, "w comma");
    assert_keys(&km, ACT_FILM_PLAY, KC_LECTURE, "F9 k PlayPause");
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_RIGHT, 0), ACT_NEXT); /* the keyboard still works */
    /* learned keys are added: the defaults stay (b is still black) */
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, 'b', 0), ACT_BLACK);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_F5, MOD_SHIFT), ACT_START_STOP);
    /* the kiosk keeps its keys */
    assert_keys(&km, ACT_NEXT, KC_SLIDE, "PageDown Right Down Space Return n");
    assert_int_equal(keymap_lookup(&km, KC_SLIDE, KEY_ESCAPE, 0), ACT_HOME);
    /* other lecture actions keep theirs */
    assert_keys(&km, ACT_OVERVIEW, KC_LECTURE, "Tab g");
    keymap_free(&km);
    learn_free(l);
    learn_free(NULL);
}

static void skip_by_timeout_keeps_defaults(void **state)
{
    (void)state;
    uint64_t t = 50;
    Learn *l = learn_create(t);
    assert_non_null(l);
    learn_key(l, KEY_PAGEDOWN, 0, false, t += 100);
    learn_key(l, KEY_PAGEUP, 0, false, t += 100);
    /* no start/stop button: after LEARN_SKIP_MS the step is skipped */
    learn_tick(l, t + LEARN_SKIP_MS - 1);
    assert_int_equal(learn_current(l), ACT_START_STOP);
    learn_tick(l, t += LEARN_SKIP_MS);
    assert_int_equal(learn_current(l), ACT_BLACK);
    assert_int_equal(learn_presses(l), 0);
    /* each step gets the whole time from its start */
    learn_tick(l, t + LEARN_SKIP_MS - 1);
    assert_int_equal(learn_current(l), ACT_BLACK);
    learn_key(l, 'b', 0, false, t += 3000);
    /* no white button either, nor play/pause */
    learn_tick(l, t += LEARN_SKIP_MS);
    assert_int_equal(learn_current(l), ACT_FILM_PLAY);
    learn_tick(l, t += LEARN_SKIP_MS);
    assert_true(learn_done(l));

    KeyMap km;
    assert_true(keymap_init_default(&km));
    learn_apply(l, &km);
    assert_keys(&km, ACT_NEXT, KC_LECTURE, "PageDown Right Down Space Return n");
    assert_keys(&km, ACT_BLACK, KC_LECTURE, "period b");
    assert_keys(&km, ACT_START_STOP, KC_LECTURE, "F5 Shift+F5 Escape");
    assert_keys(&km, ACT_WHITE, KC_LECTURE, "w comma");
    keymap_free(&km);
    learn_free(l);

    /* nothing pressed at all: every default stays */
    t = 0;
    l = learn_create(t);
    for (int i = 0; i < 6; i++)
        learn_tick(l, t += LEARN_SKIP_MS);
    assert_true(learn_done(l));
    assert_prompt_has(l, "no button was pressed");
    KeyMap def, km2;
    assert_true(keymap_init_default(&def));
    assert_true(keymap_init_default(&km2));
    learn_apply(l, &km2);
    assert_int_equal(km2.n, def.n);
    assert_memory_equal(km2.items, def.items, (size_t)def.n * sizeof *def.items);
    keymap_free(&def);
    keymap_free(&km2);
    learn_free(l);
}

static void start_stop_one_key_or_timeout(void **state)
{
    (void)state;
    uint64_t t = 0;
    Learn *l = learn_create(t);
    learn_key(l, 'n', 0, false, t += 10);
    learn_key(l, 'p', 0, false, t += 10);
    /* a button that sends F5 every time: both presses the same key */
    learn_key(l, KEY_F5, 0, false, t += 10);
    learn_key(l, KEY_F5, 0, false, t += 10);
    assert_int_equal(learn_current(l), ACT_BLACK);
    /* black: one press, then white times out */
    learn_key(l, KEY_F5, MOD_SHIFT, false, t += 10);
    learn_tick(l, t += LEARN_SKIP_MS);
    learn_tick(l, t += LEARN_SKIP_MS); /* nor play/pause */
    assert_true(learn_done(l));
    KeyMap km;
    assert_true(keymap_init_default(&km));
    learn_apply(l, &km);
    assert_keys(&km, ACT_START_STOP, KC_LECTURE, "F5 Escape");
    assert_keys(&km, ACT_BLACK, KC_LECTURE, "Shift+F5 period b");
    /* exact Shift+F5 is black now; plain F5 stays start/stop */
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_F5, MOD_SHIFT), ACT_BLACK);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_F5, 0), ACT_START_STOP);
    keymap_free(&km);
    learn_free(l);

    /* start/stop pressed once, then nothing: that one key is kept */
    t = 0;
    l = learn_create(t);
    learn_key(l, KEY_PAGEDOWN, 0, false, t += 10);
    learn_key(l, KEY_PAGEUP, 0, false, t += 10);
    learn_key(l, KEY_ESCAPE, 0, false, t += 10);
    learn_tick(l, t += LEARN_SKIP_MS);
    assert_int_equal(learn_current(l), ACT_BLACK);
    learn_tick(l, t += LEARN_SKIP_MS);
    learn_tick(l, t += LEARN_SKIP_MS);
    learn_tick(l, t += LEARN_SKIP_MS);
    assert_true(learn_done(l));
    assert_true(keymap_init_default(&km));
    learn_apply(l, &km);
    assert_keys(&km, ACT_START_STOP, KC_LECTURE, "F5 Shift+F5 Escape");
    keymap_free(&km);
    learn_free(l);
}

static void repeats_ignored(void **state)
{
    (void)state;
    uint64_t t = 0;
    Learn *l = learn_create(t);
    /* a held button: one press, then repeats */
    learn_key(l, KEY_PAGEDOWN, 0, false, t += 100);
    learn_key(l, KEY_PAGEDOWN, 0, true, t += 30);
    learn_key(l, KEY_PAGEDOWN, 0, true, t += 30);
    assert_int_equal(learn_current(l), ACT_PREV);
    assert_int_equal(learn_presses(l), 0);
    /* a repeat is not a press: it does not hold the step open either */
    uint64_t start = t - 60;
    learn_key(l, KEY_PAGEUP, 0, true, start + LEARN_SKIP_MS - 1);
    learn_tick(l, start + LEARN_SKIP_MS);
    assert_int_equal(learn_current(l), ACT_START_STOP);
    t = start + LEARN_SKIP_MS;
    learn_key(l, KEY_F5, 0, false, t += 10);
    learn_key(l, KEY_F5, 0, true, t += 10);
    assert_int_equal(learn_presses(l), 1);
    learn_key(l, KEY_ESCAPE, 0, false, t += 10);
    assert_int_equal(learn_current(l), ACT_BLACK);
    /* keys with no name vitrine could write back are not learned */
    learn_key(l, KEY_NONE, 0, false, t += 10);
    learn_key(l, 0x7f, 0, false, t += 10);
    learn_key(l, 0x1ff, 0, false, t += 10);
    assert_int_equal(learn_current(l), ACT_BLACK);
    assert_int_equal(learn_presses(l), 0);
    learn_free(l);
}

static void duplicate_button_ignored(void **state)
{
    (void)state;
    uint64_t t = 0;
    Learn *l = learn_create(t);
    learn_key(l, KEY_PAGEDOWN, 0, false, t += 100);
    /* the NEXT button again while PREVIOUS is asked for */
    learn_key(l, KEY_PAGEDOWN, 0, false, t += 100);
    assert_int_equal(learn_current(l), ACT_PREV);
    assert_int_equal(learn_presses(l), 0);
    assert_string_equal(learn_prompt(l),
                        "That button is already NEXT; press the PREVIOUS button on the clicker.");
    learn_key(l, KEY_PAGEUP, 0, false, t += 100);
    assert_int_equal(learn_current(l), ACT_START_STOP);
    assert_prompt_has(l, "Press the START/STOP button");
    learn_key(l, KEY_F5, 0, false, t += 100);
    learn_key(l, KEY_PAGEUP, 0, false, t += 100);
    assert_string_equal(learn_prompt(l),
                        "That button is already PREVIOUS; press the START/STOP button once "
                        "more.");
    assert_int_equal(learn_presses(l), 1);
    learn_key(l, KEY_ESCAPE, 0, false, t += 100);
    assert_int_equal(learn_current(l), ACT_BLACK);
    /* an ignored press still shows the lecturer is there: no skip */
    learn_key(l, KEY_ESCAPE, 0, false, t += LEARN_SKIP_MS - 1);
    assert_prompt_has(l, "That button is already START/STOP; press the BLACK SCREEN button");
    learn_tick(l, t + LEARN_SKIP_MS - 1);
    assert_int_equal(learn_current(l), ACT_BLACK);
    learn_key(l, 'b', 0, false, t += 100);
    assert_int_equal(learn_current(l), ACT_WHITE);
    assert_prompt_has(l, "Press the WHITE SCREEN button on the clicker.");
    /* with other modifiers it is another key */
    learn_key(l, KEY_PAGEDOWN, MOD_SHIFT, false, t += 100);
    assert_int_equal(learn_current(l), ACT_FILM_PLAY);
    learn_tick(l, t += LEARN_SKIP_MS); /* no play/pause button */
    assert_true(learn_done(l));

    KeyMap km;
    assert_true(keymap_init_default(&km));
    learn_apply(l, &km);
    assert_keys(&km, ACT_NEXT, KC_LECTURE, "PageDown Right Down Space Return n");
    assert_keys(&km, ACT_PREV, KC_LECTURE, "PageUp Left Up Backspace p");
    assert_keys(&km, ACT_START_STOP, KC_LECTURE, "F5 Shift+F5 Escape");
    assert_keys(&km, ACT_BLACK, KC_LECTURE, "period b");
    assert_keys(&km, ACT_WHITE, KC_LECTURE, "Shift+PageDown w comma");
    keymap_free(&km);
    learn_free(l);
}

static void learned_key_taken_from_other_actions(void **state)
{
    (void)state;
    uint64_t t = 0;
    Learn *l = learn_create(t);
    learn_key(l, KEY_RIGHT, 0, false, t += 10);
    learn_key(l, KEY_LEFT, 0, false, t += 10);
    learn_key(l, KEY_F5, 0, false, t += 10);
    learn_key(l, KEY_F5, 0, false, t += 10);
    /* this clicker's blank button sends Escape (start/stop by default) */
    learn_key(l, KEY_ESCAPE, 0, false, t += 10);
    /* and its "white" button 'g' (overview by default) */
    learn_key(l, 'g', 0, false, t += 10);
    KeyMap km;
    assert_true(keymap_init_default(&km));
    learn_apply(l, &km);
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, KEY_ESCAPE, 0), ACT_BLACK);
    assert_keys(&km, ACT_START_STOP, KC_LECTURE, "F5 Shift+F5");
    assert_int_equal(keymap_lookup(&km, KC_LECTURE, 'g', 0), ACT_WHITE);
    assert_keys(&km, ACT_OVERVIEW, KC_LECTURE, "Tab");
    /* outside lectures nothing moved */
    assert_int_equal(keymap_lookup(&km, KC_OVERVIEW, 'g', 0), ACT_OVERVIEW);
    assert_int_equal(keymap_lookup(&km, KC_OVERVIEW, KEY_ESCAPE, 0), ACT_OVERVIEW);
    assert_int_equal(keymap_lookup(&km, KC_SLIDE, KEY_ESCAPE, 0), ACT_HOME);
    assert_int_equal(keymap_lookup(&km, KC_HOME, KEY_RIGHT, 0), ACT_SEL_NEXT);
    keymap_free(&km);
    learn_free(l);
}

static void deadline_counts_down(void **state)
{
    (void)state;
    Learn *l = learn_create(1000);
    assert_int_equal(learn_next_deadline(l, 1000), LEARN_SKIP_MS);
    assert_int_equal(learn_next_deadline(l, 6000), LEARN_SKIP_MS - 5000);
    assert_int_equal(learn_next_deadline(l, 1000 + LEARN_SKIP_MS), 0);
    assert_int_equal(learn_next_deadline(l, 1000 + LEARN_SKIP_MS + 5), 0);
    /* a press starts the count again */
    learn_key(l, KEY_PAGEDOWN, 0, false, 9000);
    assert_int_equal(learn_next_deadline(l, 9000), LEARN_SKIP_MS);
    assert_int_equal(learn_next_deadline(l, 10000), LEARN_SKIP_MS - 1000);
    /* a tick before the deadline changes nothing */
    learn_tick(l, 10000);
    assert_int_equal(learn_current(l), ACT_PREV);
    assert_int_equal(learn_next_deadline(l, 10000), LEARN_SKIP_MS - 1000);
    learn_tick(l, 9000 + LEARN_SKIP_MS);
    assert_int_equal(learn_current(l), ACT_START_STOP);
    assert_int_equal(learn_next_deadline(l, 9000 + LEARN_SKIP_MS), LEARN_SKIP_MS);
    learn_free(l);

    /* NULL is done, with no deadline */
    assert_true(learn_done(NULL));
    assert_int_equal(learn_next_deadline(NULL, 0), UINT64_MAX);
    assert_int_equal(learn_current(NULL), ACT_NONE);
    learn_key(NULL, 'a', 0, false, 0);
    learn_tick(NULL, 0);
    learn_apply(NULL, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(whole_session),
        cmocka_unit_test(skip_by_timeout_keeps_defaults),
        cmocka_unit_test(start_stop_one_key_or_timeout),
        cmocka_unit_test(repeats_ignored),
        cmocka_unit_test(duplicate_button_ignored),
        cmocka_unit_test(learned_key_taken_from_other_actions),
        cmocka_unit_test(deadline_counts_down),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
