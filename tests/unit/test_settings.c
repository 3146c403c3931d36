/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_settings.c - the settings file: defaults, every field, every message
 * with its position, the "keys" section, saving keys, default paths. */
#define _XOPEN_SOURCE 700 /* mkdtemp(), setenv(), symlink() */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lang.h"
#include "settings.h"
#include "diag_support.h"

#define SETTINGS FIXTURES "/settings"

/* ---- Helpers ------------------------------------------------------------ */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    fclose(f);
}

static bool starts_with(const char *text, const char *prefix)
{
    if (strncmp(text, prefix, strlen(prefix)) == 0)
        return true;
    print_error("expected the text to start with\n%s\nbut it is\n%s\n", prefix, text);
    return false;
}

/* Whole file as a string; NULL if it cannot be read. Caller frees. */
static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        fwrite(chunk, 1, n, m);
    fclose(f);
    fclose(m);
    return buf;
}

typedef struct {
    char *dir;
    char path[600];
    Settings s;
    DiagList dl;
} Fx;

static int fx_setup(void **state)
{
    Fx *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    fx->dir = make_tmpdir();
    snprintf(fx->path, sizeof fx->path, "%s/settings.json", fx->dir);
    settings_defaults(&fx->s);
    *state = fx;
    return 0;
}

static int fx_teardown(void **state)
{
    Fx *fx = *state;
    settings_free(&fx->s);
    diag_clear(&fx->dl);
    rm_rf(fx->dir);
    free(fx->dir);
    free(fx);
    return 0;
}

/* text as fx->path, loaded over the defaults (a required file) */
static bool load(Fx *fx, const char *text)
{
    write_file(fx->path, text);
    return settings_load(&fx->s, fx->path, false, &fx->dl);
}

/* "settings.json:L:C: level: msg" must be one of the diagnostics */
#define assert_at(fx, line_col_level_msg)                                              \
    do {                                                                               \
        char want_[1200];                                                              \
        snprintf(want_, sizeof want_, "%s:%s\n", (fx)->path, line_col_level_msg);      \
        assert_diag(&(fx)->dl, want_);                                                 \
    } while (0)

static void assert_defaults(const Settings *s)
{
    assert_int_equal(s->n_langs, 3);
    assert_string_equal(s->langs[0], "kk");
    assert_string_equal(s->langs[1], "ru");
    assert_string_equal(s->langs[2], "en");
    assert_null(s->langs[3]);
    assert_null(s->start_lang);
    assert_null(s->state_dir);
    assert_null(s->notes_lang);
    assert_int_equal(s->warn_min, 5);
    assert_int_equal(s->alert_min, 1);
    assert_int_equal(s->presenter_display, -1);
    assert_false(s->timer_overlay);
    assert_int_equal(s->repeat_hold_ms, 700);
    assert_int_equal(s->repeat_every_ms, 300);
    assert_int_equal(keymap_lookup(&s->keys, KC_LECTURE, KEY_PAGEDOWN, 0), ACT_NEXT);
    assert_int_equal(keymap_lookup(&s->keys, KC_LECTURE, KEY_DOWN, 0), ACT_NEXT);
    assert_int_equal(keymap_lookup(&s->keys, KC_LECTURE, 'b', 0), ACT_BLACK);
    assert_int_equal(keymap_lookup(&s->keys, KC_LECTURE, KEY_ESCAPE, 0), ACT_START_STOP);
    assert_int_equal(keymap_lookup(&s->keys, KC_SLIDE, KEY_ESCAPE, 0), ACT_HOME);
}

/* The keys of action a in context ctx, formatted and joined by " ", in the
 * order of the key map. */
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

/* ---- Defaults and good files ---------------------------------------------- */

static void defaults(void **state)
{
    Fx *fx = *state;
    assert_defaults(&fx->s);
    settings_free(&fx->s);
    settings_free(&fx->s); /* twice is safe */
    settings_free(NULL);
    settings_defaults(&fx->s);
    assert_defaults(&fx->s);
}

static void full_file(void **state)
{
    Fx *fx = *state;
    assert_true(load(fx,
        "{\n"
        "  \"$schema\": \"https://example.org/vitrine-settings.json\",\n"
        "  \"languages\": [\"ru\", \"kk\", \"en\"],\n"
        "  \"start_language\": \"kk\",\n"
        "  \"state_dir\": \"/var/lib/vitrine\",\n"
        "  \"display_profile\": \"/usr/share/color/icc/compatibleWithAdobeRGB1998.icc\",\n"
        "  \"keys\": {\"next\": [\"PageDown\", \"Right\"], \"black\": [\"period\", \"b\"],\n"
        "           \"start_stop\": [\"F5\", \"Shift+F5\", \"Escape\"]},\n"
        "  \"lecture\": {\"warn_min\": 10, \"alert_min\": 2, \"notes_language\": \"ru\",\n"
        "              \"presenter_display\": 1, \"timer_overlay\": true,\n"
        "              \"repeat_hold_ms\": 800, \"repeat_every_ms\": 250.0}\n"
        "}\n"));
    assert_true(no_diags(&fx->dl));
    Settings *s = &fx->s;
    assert_int_equal(s->n_langs, 3);
    assert_string_equal(s->langs[0], "ru");
    assert_string_equal(s->langs[1], "kk");
    assert_string_equal(s->langs[2], "en");
    assert_string_equal(s->start_lang, "kk");
    assert_string_equal(s->state_dir, "/var/lib/vitrine");
    assert_string_equal(s->display_profile, "/usr/share/color/icc/compatibleWithAdobeRGB1998.icc");
    assert_string_equal(s->notes_lang, "ru");
    assert_int_equal(s->warn_min, 10);
    assert_int_equal(s->alert_min, 2);
    assert_int_equal(s->presenter_display, 1);
    assert_true(s->timer_overlay);
    assert_int_equal(s->repeat_hold_ms, 800);
    assert_int_equal(s->repeat_every_ms, 250);
    /* "next" replaced on kiosk slides and in lectures, in the file's order */
    assert_keys(&s->keys, ACT_NEXT, KC_LECTURE, "PageDown Right");
    assert_keys(&s->keys, ACT_NEXT, KC_SLIDE, "PageDown Right");
    assert_int_equal(keymap_lookup(&s->keys, KC_LECTURE, KEY_DOWN, 0), ACT_NONE);
    assert_int_equal(keymap_lookup(&s->keys, KC_SLIDE, ' ', 0), ACT_NONE);
    /* the home screen keeps its own keys */
    assert_int_equal(keymap_lookup(&s->keys, KC_HOME, KEY_DOWN, 0), ACT_SEL_NEXT);
    assert_keys(&s->keys, ACT_BLACK, KC_LECTURE, "period b");
    assert_keys(&s->keys, ACT_START_STOP, KC_LECTURE, "F5 Shift+F5 Escape");
    /* untouched actions keep their defaults */
    assert_keys(&s->keys, ACT_PREV, KC_LECTURE, "PageUp Left Up Backspace p");
    assert_keys(&s->keys, ACT_WHITE, KC_LECTURE, "w comma");
    char dir[512];
    settings_state_dir(s, dir, sizeof dir);
    assert_string_equal(dir, "/var/lib/vitrine");
}

static void clicker_fixture(void **state)
{
    Fx *fx = *state;
    assert_true(settings_load(&fx->s, SETTINGS "/clicker.json", false, &fx->dl));
    assert_true(no_diags(&fx->dl));
    const KeyMap *km = &fx->s.keys;
    assert_int_equal(keymap_lookup(km, KC_LECTURE, KEY_PAGEDOWN, 0), ACT_NEXT);
    assert_int_equal(keymap_lookup(km, KC_LECTURE, KEY_PAGEUP, 0), ACT_PREV);
    assert_int_equal(keymap_lookup(km, KC_LECTURE, 'b', 0), ACT_BLACK);
    assert_int_equal(keymap_lookup(km, KC_LECTURE, '.', 0), ACT_NONE);
    assert_int_equal(keymap_lookup(km, KC_LECTURE, KEY_F5, 0), ACT_START_STOP);
    assert_int_equal(keymap_lookup(km, KC_LECTURE, KEY_ESCAPE, 0), ACT_START_STOP);
    /* Shift+F5 is no longer listed, but Shift is ignored when nothing else matches */
    assert_int_equal(keymap_lookup(km, KC_LECTURE, KEY_F5, MOD_SHIFT), ACT_START_STOP);
    assert_int_equal(keymap_lookup(km, KC_SLIDE, KEY_ESCAPE, 0), ACT_HOME);
    assert_string_equal(fx->s.notes_lang, "ru");
    assert_string_equal(fx->s.start_lang, "kk");
}

static void bom_crlf_and_empty_object(void **state)
{
    Fx *fx = *state;
    assert_true(load(fx, "\xEF\xBB\xBF{\r\n  \"lecture\": {\"warn_min\": 7},\r\n"
                         "  \"x\": 1\r\n}\r\n"));
    assert_at(fx, "3:3: warning: unknown key \"x\"");
    assert_int_equal(fx->dl.n, 1);
    assert_int_equal(fx->s.warn_min, 7);
    diag_clear(&fx->dl);
    assert_true(load(fx, "{}"));
    assert_true(no_diags(&fx->dl));
    assert_int_equal(fx->s.warn_min, 7); /* loaded over what s held */
}

/* ---- Problems, each at its position --------------------------------------- */

static void lecture_ranges(void **state)
{
    Fx *fx = *state;
    assert_true(load(fx,
        "{\n"
        "  \"lecture\": {\n"
        "    \"warn_min\": 601,\n"
        "    \"alert_min\": -1,\n"
        "    \"presenter_display\": 16,\n"
        "    \"repeat_hold_ms\": 99,\n"
        "    \"repeat_every_ms\": 5001,\n"
        "    \"timer_overlay\": \"yes\",\n"
        "    \"notes_language\": \"Russian\"\n"
        "  }\n"
        "}\n"));
    assert_at(fx, "3:17: error: \"warn_min\" in \"lecture\" must be a whole number of "
                  "minutes from 0 to 600, not 601; using 5");
    assert_at(fx, "4:18: error: \"alert_min\" in \"lecture\" must be a whole number of "
                  "minutes from 0 to \"warn_min\" (5), not -1; using 1");
    assert_at(fx, "5:26: error: \"presenter_display\" in \"lecture\" must be a display "
                  "number from -1 to 15 (-1: the second display), not 16; using -1");
    assert_at(fx, "6:23: error: \"repeat_hold_ms\" in \"lecture\" must be a whole number of "
                  "milliseconds from 100 to 5000, not 99; using 700");
    assert_at(fx, "7:24: error: \"repeat_every_ms\" in \"lecture\" must be a whole number of "
                  "milliseconds from 50 to 5000, not 5001; using 300");
    assert_at(fx, "8:22: error: \"timer_overlay\" in \"lecture\" must be true or false, not "
                  "a string; using false");
    assert_at(fx, "9:23: error: \"notes_language\" \"Russian\" in \"lecture\" is not a "
                  "language code (2-3 lowercase letters like \"kk\", optionally followed by "
                  "\"-\" and letters or digits)");
    assert_int_equal(fx->dl.n, 7);
    assert_int_equal(diag_count(&fx->dl, DIAG_ERROR), 7);
    /* in the order of the file */
    for (int i = 0; i < fx->dl.n; i++)
        assert_int_equal(fx->dl.items[i].line, 3 + i);
    /* every default kept */
    assert_defaults(&fx->s);
}

static void images_section(void **state)
{
    Fx *fx = *state;
    assert_int_equal(fx->s.cache_mb, 32);
    assert_int_equal(fx->s.zoom_cache_mb, 128);
    assert_true(load(fx, "{\"images\": {\"cache_mb\": 64, \"zoom_cache_mb\": 256}}\n"));
    assert_int_equal(fx->dl.n, 0);
    assert_int_equal(fx->s.cache_mb, 64);
    assert_int_equal(fx->s.zoom_cache_mb, 256);
    settings_free(&fx->s);
    settings_defaults(&fx->s);
    assert_true(load(fx, "{\"images\": {\"cache_mb\": 8, \"zoom_cach_mb\": 256}}\n"));
    assert_at(fx, "1:25: error: \"cache_mb\" in \"images\" must be a whole number of megabytes "
                  "from 16 to 4096, not 8; using 32");
    assert_int_equal(fx->s.cache_mb, 32);
    assert_int_equal(fx->dl.n, 2); /* and the misspelt key, as a warning */
    assert_int_equal(diag_count(&fx->dl, DIAG_WARNING), 1);
}

/* "media": whether films start by themselves, and the quiet hours (issue 12). */
static void media_section(void **state)
{
    Fx *fx = *state;
    assert_true(fx->s.autoplay);
    assert_false(settings_quiet_now(&fx->s, 23 * 60));
    assert_true(load(fx, "{\"media\": {\"autoplay\": false, \"quiet_hours\": \"22:00-08:30\"}}\n"));
    assert_int_equal(fx->dl.n, 0);
    assert_false(fx->s.autoplay);
    assert_int_equal(fx->s.quiet_from_min, 22 * 60);
    assert_int_equal(fx->s.quiet_to_min, 8 * 60 + 30);
    /* over midnight: from 22:00 up to, not including, 08:30 */
    assert_true(settings_quiet_now(&fx->s, 22 * 60));
    assert_true(settings_quiet_now(&fx->s, 0));
    assert_true(settings_quiet_now(&fx->s, 8 * 60 + 29));
    assert_false(settings_quiet_now(&fx->s, 8 * 60 + 30));
    assert_false(settings_quiet_now(&fx->s, 12 * 60));
    settings_free(&fx->s);
    settings_defaults(&fx->s);
    /* within one day */
    assert_true(load(fx, "{\"media\": {\"quiet_hours\": \"12:00-14:00\"}}\n"));
    assert_true(settings_quiet_now(&fx->s, 13 * 60));
    assert_false(settings_quiet_now(&fx->s, 23 * 60));
    settings_free(&fx->s);
    settings_defaults(&fx->s);
    assert_true(load(fx, "{\"media\": {\"quiet_hours\": \"25:00-08:00\", \"autoply\": true}}\n"));
    assert_at(fx, "1:27: error: \"quiet_hours\" in \"media\" must be a start and an end of the day like "
                  "\"22:00-08:00\", not \"25:00-08:00\"; no quiet hours");
    assert_int_equal(fx->s.quiet_from_min, -1);
    assert_int_equal(diag_count(&fx->dl, DIAG_WARNING), 1); /* the misspelt key */
}

/* "media": the staff's maximum for the visitors' volume buttons. */
static void media_max_volume(void **state)
{
    Fx *fx = *state;
    assert_int_equal(fx->s.max_volume, 100);
    assert_true(load(fx, "{\"media\": {\"max_volume\": 60}}\n"));
    assert_int_equal(fx->dl.n, 0);
    assert_int_equal(fx->s.max_volume, 60);
    settings_free(&fx->s);
    settings_defaults(&fx->s);
    assert_true(load(fx, "{\"media\": {\"max_volume\": 150}}\n"));
    assert_at(fx, "1:26: error: \"max_volume\" in \"media\" must be a whole number of percent from 0 to 100, "
                  "not 150; using 100");
    assert_int_equal(fx->s.max_volume, 100);
}

static void lecture_edges(void **state)
{
    Fx *fx = *state;
    /* the ends of every range are allowed; 90.0 is as whole as 90 */
    assert_true(load(fx, "{\"lecture\": {\"warn_min\": 600, \"alert_min\": 600.0, "
                         "\"presenter_display\": -1, \"repeat_hold_ms\": 5000, "
                         "\"repeat_every_ms\": 50}}"));
    assert_true(no_diags(&fx->dl));
    assert_int_equal(fx->s.warn_min, 600);
    assert_int_equal(fx->s.alert_min, 600);
    assert_int_equal(fx->s.repeat_hold_ms, 5000);
    assert_int_equal(fx->s.repeat_every_ms, 50);
    settings_free(&fx->s);
    settings_defaults(&fx->s);

    assert_true(load(fx, "{\"lecture\": {\"warn_min\": 0, \"presenter_display\": 15, "
                         "\"repeat_hold_ms\": 100, \"repeat_every_ms\": 5000}}"));
    assert_true(no_diags(&fx->dl));
    assert_int_equal(fx->s.warn_min, 0);
    /* no alert_min: the default 1 would be after warn_min, so it follows it */
    assert_int_equal(fx->s.alert_min, 0);
    assert_int_equal(fx->s.presenter_display, 15);
    settings_free(&fx->s);
    settings_defaults(&fx->s);

    assert_true(load(fx, "{\"lecture\": {\"warn_min\": 3, \"alert_min\": 4}}"));
    assert_at(fx, "1:42: error: \"alert_min\" in \"lecture\" must be a whole number of minutes "
                  "from 0 to \"warn_min\" (3), not 4; using 1");
    assert_int_equal(fx->s.warn_min, 3);
    assert_int_equal(fx->s.alert_min, 1);
    diag_clear(&fx->dl);
    settings_free(&fx->s);
    settings_defaults(&fx->s);

    assert_true(load(fx, "{\"lecture\": {\"warn_min\": 5.5, \"alert_min\": null, "
                         "\"repeat_hold_ms\": \"700\", \"repeat_every_ms\": 1e99}}"));
    assert_at(fx, "1:26: error: \"warn_min\" in \"lecture\" must be a whole number of minutes "
                  "from 0 to 600, not 5.5; using 5");
    assert_at(fx, "1:44: error: \"alert_min\" in \"lecture\" must be a whole number of minutes "
                  "from 0 to \"warn_min\" (5), not null; using 1");
    assert_at(fx, "1:68: error: \"repeat_hold_ms\" in \"lecture\" must be a whole number of "
                  "milliseconds from 100 to 5000, not a string; using 700");
    assert_at(fx, "1:94: error: \"repeat_every_ms\" in \"lecture\" must be a whole number of "
                  "milliseconds from 50 to 5000, not 1e+99; using 300");
    assert_int_equal(fx->dl.n, 4);
    assert_defaults(&fx->s);
}

static void languages(void **state)
{
    Fx *fx = *state;
    assert_true(load(fx,
        "{\n"
        "  \"languages\": [\"kk\", \"ka\", \"KK\", \"kk\", 5, \"ru\"],\n"
        "  \"start_language\": \"fr\"\n"
        "}\n"));
    assert_at(fx, "2:23: warning: vitrine's own buttons and messages are translated into en, de, "
                  "kk-Latn, kk, ru, tr and zh; \"ka\" (no po/ka.po) shows them in the next language listed, "
                  "else in English");
    assert_at(fx, "2:29: error: \"KK\" in \"languages\" is not a language code (2-3 lowercase "
                  "letters like \"kk\", optionally followed by \"-\" and letters or digits)");
    assert_at(fx, "2:35: error: \"kk\" is listed twice in \"languages\"");
    assert_at(fx, "2:41: error: \"languages\" entry must be a string, not a number");
    assert_at(fx, "3:21: error: \"start_language\" \"fr\" is not one of \"languages\" "
                  "[\"kk\", \"ka\", \"ru\"]; the first, \"kk\", is used");
    assert_int_equal(fx->dl.n, 5);
    assert_int_equal(fx->s.n_langs, 3);
    assert_string_equal(fx->s.langs[0], "kk");
    assert_string_equal(fx->s.langs[1], "ka");
    assert_string_equal(fx->s.langs[2], "ru");
    assert_null(fx->s.start_lang);
    diag_clear(&fx->dl);

    /* unusable lists keep what was there */
    assert_true(load(fx, "{\"languages\": \"kk\"}"));
    assert_at(fx, "1:15: error: \"languages\" must be an array of language codes like "
                  "[\"kk\", \"ru\", \"en\"], not a string; using [\"kk\", \"ka\", \"ru\"]");
    diag_clear(&fx->dl);
    assert_true(load(fx, "{\"languages\": []}"));
    assert_at(fx, "1:15: error: \"languages\" is empty; using [\"kk\", \"ka\", \"ru\"]");
    diag_clear(&fx->dl);
    assert_true(load(fx, "{\"languages\": [\"\", \"english\"]}"));
    assert_at(fx, "1:15: error: no usable entry in \"languages\"; using [\"kk\", \"ka\", \"ru\"]");
    assert_int_equal(fx->dl.n, 3);
    assert_int_equal(fx->s.n_langs, 3);
    assert_string_equal(fx->s.langs[1], "ka");
    diag_clear(&fx->dl);

    /* at most SETTINGS_MAX_LANGS; "kk-Latn" is a code (not vitrine's own) */
    assert_true(load(fx, "{\"languages\": [\"kk\", \"ru\", \"en\", \"kk-Latn\", \"uz\", \"ky\", "
                         "\"tg\", \"tk\", \"tt\"], \"start_language\": \"en\"}"));
    assert_at(fx, "1:69: error: too many languages (9); only the first 8 are used");
    assert_at(fx, "1:45: warning: vitrine's own buttons and messages are translated into en, de, "
                  "kk-Latn, kk, ru, tr and zh; \"uz\" (no po/uz.po) shows them in the next language listed, "
                  "else in English");
    assert_int_equal(diag_count(&fx->dl, DIAG_ERROR), 1);
    assert_int_equal(diag_count(&fx->dl, DIAG_WARNING), 4); /* kk-Latn has po/kk-Latn.po */
    assert_int_equal(fx->s.n_langs, SETTINGS_MAX_LANGS);
    assert_string_equal(fx->s.langs[7], "tk");
    assert_string_equal(fx->s.start_lang, "en");
}

/* kiosk.exhibition_only: false unless set, and only true or false */
static void exhibition_only(void **state)
{
    Fx *fx = *state;
    assert_false(fx->s.exhibition_only);
    assert_true(load(fx, "{\"kiosk\": {\"exhibition_only\": true}}\n"));
    assert_int_equal(fx->dl.n, 0);
    assert_true(fx->s.exhibition_only);
    settings_free(&fx->s);
    settings_defaults(&fx->s);
    assert_true(load(fx, "{\"kiosk\": {\"exhibition_only\": \"yes\"}}\n"));
    assert_at(fx, "1:31: error: \"exhibition_only\" in \"kiosk\" must be true or false, not a string");
    assert_false(fx->s.exhibition_only);
}

static void other_fields(void **state)
{
    Fx *fx = *state;
    assert_true(load(fx,
        "{\n"
        "  \"$schema\": 5,\n"
        "  \"start_language\": 1,\n"
        "  \"state_dir\": \"state\",\n"
        "  \"lecture\": [],\n"
        "  \"keys\": \"PageDown\"\n"
        "}\n"));
    assert_at(fx, "2:14: error: \"$schema\" must be a string, not a number");
    assert_at(fx, "3:21: error: \"start_language\" must be a string (a language code like "
                  "\"kk\"), not a number");
    assert_at(fx, "4:16: warning: \"state_dir\" \"state\" is a relative path: it is taken "
                  "from the folder vitrine is started in");
    assert_at(fx, "5:14: error: \"lecture\" must be an object like {\"warn_min\": 5}, not an "
                  "array");
    assert_at(fx, "6:11: error: \"keys\" must be an object like {\"next\": [\"PageDown\", "
                  "\"Right\"]}, not a string");
    assert_int_equal(fx->dl.n, 5);
    assert_string_equal(fx->s.state_dir, "state");
    diag_clear(&fx->dl);

    assert_true(load(fx, "{\"display_profile\": 3}"));
    assert_at(fx, "1:21: error: \"display_profile\" must be a string (a file), not a number");
    assert_null(fx->s.display_profile);
    diag_clear(&fx->dl);

    assert_true(load(fx, "{\"state_dir\": \"\", \"lecture\": {\"notes_language\": 7}}"));
    assert_at(fx, "1:15: error: \"state_dir\" is empty; the default folder is used");
    assert_at(fx, "1:49: error: \"notes_language\" in \"lecture\" must be a string (a language "
                  "code like \"ru\"), not a number");
    assert_string_equal(fx->s.state_dir, "state");
    diag_clear(&fx->dl);

    assert_true(load(fx, "{\"state_dir\": [\"/x\"]}"));
    assert_at(fx, "1:15: error: \"state_dir\" must be a string (a folder), not an array");
}

static void unknown_keys(void **state)
{
    Fx *fx = *state;
    assert_true(load(fx,
        "{\n"
        "  \"lectrue\": {},\n"
        "  \"langauges\": [],\n"
        "  \"colour\": \"red\",\n"
        "  \"lecture\": {\"warn_mins\": 3, \"zzz\": 1},\n"
        "  \"keys\": {\"nxt\": [\"n\"], \"blank\": [\"b\"], \"frobnicate\": [\"f\"], "
        "\"open\": [\"o\"]}\n"
        "}\n"));
    assert_at(fx, "2:3: warning: unknown key \"lectrue\" (did you mean \"lecture\"?)");
    assert_at(fx, "3:3: warning: unknown key \"langauges\" (did you mean \"languages\"?)");
    assert_at(fx, "4:3: warning: unknown key \"colour\"");
    assert_no_diag(&fx->dl, "\"colour\" (did you mean");
    assert_at(fx, "5:15: warning: unknown key \"warn_mins\" in \"lecture\" (did you mean "
                  "\"warn_min\"?)");
    assert_at(fx, "5:31: warning: unknown key \"zzz\" in \"lecture\"");
    assert_at(fx, "6:12: warning: unknown action \"nxt\" in \"keys\" (did you mean \"next\"?)");
    assert_at(fx, "6:26: warning: unknown action \"blank\" in \"keys\" (did you mean "
                  "\"black\"?)");
    assert_at(fx, "6:42: warning: unknown action \"frobnicate\" in \"keys\" (the actions are "
                  "listed in docs/settings.md)");
    /* ACT_OPEN has no name: it cannot be bound */
    assert_at(fx, "6:63: warning: unknown action \"open\" in \"keys\" (the actions are "
                  "listed in docs/settings.md)");
    assert_int_equal(fx->dl.n, 9);
    assert_int_equal(diag_count(&fx->dl, DIAG_ERROR), 0);
    assert_defaults(&fx->s);
}

static void duplicate_keys(void **state)
{
    Fx *fx = *state;
    assert_true(load(fx, "{\"lecture\": {\"warn_min\": 3},\n \"lecture\": {\"warn_min\": 4}}"));
    assert_at(fx, "2:2: error: duplicate key \"lecture\" (first at line 1, column 2); the last "
                  "one is used");
    assert_int_equal(fx->s.warn_min, 4);
}

/* ---- Keys ------------------------------------------------------------------ */

static void keys_replace_defaults(void **state)
{
    Fx *fx = *state;
    assert_true(load(fx,
        "{\"keys\": {\n"
        "  \"prev\": [\"Prior\", \"Page_Up\", \"BackSpace\"],\n"
        "  \"white\": [\"W\"],\n"
        "  \"overview\": [\"o\"],\n"
        "  \"quit\": [\"Ctrl+Alt+x\"],\n"
        "  \"timer_reset\": [\"Shift+r\", \"Ctrl+r\"]\n"
        "}}\n"));
    assert_true(no_diags(&fx->dl));
    const KeyMap *km = &fx->s.keys;
    /* aliases of one key count once */
    assert_keys(km, ACT_PREV, KC_LECTURE, "PageUp Backspace");
    assert_keys(km, ACT_PREV, KC_SLIDE, "PageUp Backspace");
    assert_int_equal(keymap_lookup(km, KC_LECTURE, KEY_LEFT, 0), ACT_NONE);
    assert_keys(km, ACT_WHITE, KC_LECTURE, "w");
    assert_int_equal(keymap_lookup(km, KC_LECTURE, ',', 0), ACT_NONE);
    /* overview: lectures and the grid itself (Escape in the grid goes too) */
    assert_keys(km, ACT_OVERVIEW, KC_LECTURE | KC_OVERVIEW, "o");
    assert_int_equal(keymap_lookup(km, KC_LECTURE, KEY_TAB, 0), ACT_NONE);
    assert_int_equal(keymap_lookup(km, KC_OVERVIEW, 'o', 0), ACT_OVERVIEW);
    /* quit: everywhere, as its default */
    assert_int_equal(keymap_lookup(km, KC_HOME, 'x', MOD_CTRL | MOD_ALT), ACT_QUIT);
    assert_int_equal(keymap_lookup(km, KC_OVERVIEW, 'x', MOD_CTRL | MOD_ALT), ACT_QUIT);
    assert_int_equal(keymap_lookup(km, KC_HOME, 'q', MOD_CTRL), ACT_NONE);
    assert_int_equal(keymap_lookup(km, KC_HOME, 'q', MOD_CTRL | MOD_ALT | MOD_SHIFT),
                     ACT_ADMIN);
    assert_keys(km, ACT_TIMER_RESET, KC_LECTURE, "Shift+r Ctrl+r");
    assert_int_equal(keymap_lookup(km, KC_LECTURE, 'r', MOD_SHIFT), ACT_TIMER_RESET);
}

static void keys_problems(void **state)
{
    Fx *fx = *state;
    assert_true(load(fx,
        "{\"keys\": {\n"
        "  \"next\": [\"Pgdn\", \"PageDown\", 5, \"Ctrl+\", \"Hyper+a\"],\n"
        "  \"prev\": [\"é\", \"\"],\n"
        "  \"black\": \"b\",\n"
        "  \"white\": [],\n"
        "  \"swap_displays\": [\"Right\"]\n"
        "}}\n"));
    assert_at(fx, "2:12: error: \"Pgdn\" is not a key vitrine knows (examples: PageDown, Next, "
                  "Shift+F5, period, b)");
    assert_at(fx, "2:32: error: keys of \"next\" must be strings like \"PageDown\", not 5");
    assert_at(fx, "2:35: error: \"Ctrl+\" is not a key vitrine knows (examples: PageDown, "
                  "Next, Shift+F5, period, b)");
    assert_at(fx, "2:44: error: \"Hyper+a\" is not a key vitrine knows (examples: PageDown, "
                  "Next, Shift+F5, period, b)");
    assert_at(fx, "3:12: error: \"é\" is not a key vitrine knows (examples: PageDown, Next, "
                  "Shift+F5, period, b)");
    assert_at(fx, "3:17: error: \"\" is not a key vitrine knows (examples: PageDown, Next, "
                  "Shift+F5, period, b)");
    assert_at(fx, "4:12: error: \"black\" in \"keys\" must be an array of keys like "
                  "[\"PageDown\", \"Right\"], not a string");
    assert_at(fx, "5:12: warning: \"white\" has no keys: that action cannot be used from the "
                  "keyboard");
    assert_int_equal(diag_count(&fx->dl, DIAG_ERROR), 7);
    assert_int_equal(diag_count(&fx->dl, DIAG_WARNING), 1);
    const KeyMap *km = &fx->s.keys;
    /* the good key of "next" replaces its defaults */
    assert_keys(km, ACT_NEXT, KC_LECTURE, "PageDown");
    /* no good key at all: the defaults stay */
    assert_keys(km, ACT_PREV, KC_LECTURE, "PageUp Left Up Backspace p");
    assert_keys(km, ACT_BLACK, KC_LECTURE, "period b");
    /* an empty list unbinds */
    assert_keys(km, ACT_WHITE, KC_ANY, "");
    /* Right is taken from "next" in lectures... which no longer has it anyway */
    assert_int_equal(keymap_lookup(km, KC_LECTURE, KEY_RIGHT, 0), ACT_SWAP_DISPLAYS);
    /* ...and the home screen's Right is untouched */
    assert_int_equal(keymap_lookup(km, KC_HOME, KEY_RIGHT, 0), ACT_SEL_NEXT);
}

static void keys_taken_from_other_actions(void **state)
{
    Fx *fx = *state;
    assert_true(load(fx,
        "{\"keys\": {\n"
        "  \"next\": [\"PageDown\", \"b\"],\n"
        "  \"white\": [\"F5\"],\n"
        "  \"black\": [\"period\", \"F5\"]\n"
        "}}\n"));
    /* taken from a default: silently; from another entry of the file: a warning */
    assert_at(fx, "4:23: warning: \"F5\" is listed for both \"white\" and \"black\"; the last "
                  "one, \"black\", gets it");
    assert_int_equal(fx->dl.n, 1);
    const KeyMap *km = &fx->s.keys;
    assert_keys(km, ACT_NEXT, KC_LECTURE, "PageDown b");
    assert_keys(km, ACT_BLACK, KC_LECTURE, "period F5");
    assert_keys(km, ACT_WHITE, KC_LECTURE, "");
    assert_keys(km, ACT_START_STOP, KC_LECTURE, "Shift+F5 Escape");
    assert_int_equal(keymap_lookup(km, KC_LECTURE, 'b', 0), ACT_NEXT);
    assert_int_equal(keymap_lookup(km, KC_SLIDE, 'b', 0), ACT_NEXT);
    assert_int_equal(keymap_lookup(km, KC_LECTURE, KEY_F5, 0), ACT_BLACK);
    /* Escape: home on a kiosk slide, start/stop in a lecture, as before */
    assert_int_equal(keymap_lookup(km, KC_SLIDE, KEY_ESCAPE, 0), ACT_HOME);
}

/* ---- Unusable files ------------------------------------------------------- */

static void syntax_error_keeps_defaults(void **state)
{
    Fx *fx = *state;
    assert_false(load(fx, "{\n  \"lecture\": {\"warn_min\": 3}\n  \"keys\": {}\n}\n"));
    assert_at(fx, "3:8: error: '}' expected near '\"keys\"' (is a comma missing between two "
                  "items?)");
    assert_int_equal(fx->dl.n, 1);
    assert_defaults(&fx->s);
    diag_clear(&fx->dl);

    assert_false(load(fx, "{\"lecture\": {\"warn_min\": 3,}}"));
    assert_int_equal(fx->dl.n, 1);
    assert_int_equal(fx->dl.items[0].line, 1);
    assert_defaults(&fx->s);
    diag_clear(&fx->dl);

    assert_false(load(fx, "[\"kk\"]"));
    assert_at(fx, "1:1: error: the top level must be an object ({...}), not an array");
    diag_clear(&fx->dl);
    assert_false(load(fx, ""));
    assert_int_equal(fx->dl.n, 1);
    diag_clear(&fx->dl);
    assert_false(load(fx, "{\"lecture\": {\"warn_min\": \"\xff\"}}"));
    assert_int_equal(fx->dl.n, 1);
    assert_defaults(&fx->s);
    diag_clear(&fx->dl);

    /* deep nesting is refused before jansson sees it */
    char deep[200] = "{\"x\": ";
    for (int i = 0; i < 40; i++)
        strcat(deep, "[");
    assert_false(load(fx, deep));
    assert_at(fx, "1:38: error: nesting deeper than 32 levels of objects and arrays");
    assert_defaults(&fx->s);
}

static void missing_and_unreadable(void **state)
{
    Fx *fx = *state;
    char path[700];
    snprintf(path, sizeof path, "%s/nope/settings.json", fx->dir);
    /* the default location may be missing */
    assert_true(settings_load(&fx->s, path, true, &fx->dl));
    assert_true(no_diags(&fx->dl));
    /* a file named on the command line may not */
    assert_false(settings_load(&fx->s, path, false, &fx->dl));
    char want[900];
    snprintf(want, sizeof want,
             "%s:0:0: error: cannot read settings file: No such file or directory\n", path);
    assert_diag(&fx->dl, want);
    assert_int_equal(fx->dl.n, 1);
    diag_clear(&fx->dl);
    /* a folder is not a missing file, even at the default location */
    assert_false(settings_load(&fx->s, fx->dir, true, &fx->dl));
    snprintf(want, sizeof want, "%s:0:0: error: cannot read settings file: Is a directory\n",
             fx->dir);
    assert_diag(&fx->dl, want);
    diag_clear(&fx->dl);
    assert_defaults(&fx->s);
}

static void too_large(void **state)
{
    Fx *fx = *state;
    size_t n = 1024 * 1024 + 1;
    char *big = malloc(n + 1);
    assert_non_null(big);
    memset(big, ' ', n);
    big[0] = '{';
    big[n - 1] = '}';
    big[n] = '\0';
    assert_false(load(fx, big));
    assert_at(fx, "0:0: error: settings file is too large (1048577 bytes; at most 1048576 are "
                  "allowed)");
    diag_clear(&fx->dl);
    /* exactly 1 MB is fine */
    big[n - 2] = '}';
    big[n - 1] = '\0';
    assert_true(load(fx, big));
    assert_true(no_diags(&fx->dl));
    free(big);
}

/* Every truncation of a good file, and every byte of it replaced by a few
 * troublesome ones: no crash, no leak (under ASan), and a syntax error
 * always leaves the defaults. */
static void mutations_do_not_crash(void **state)
{
    Fx *fx = *state;
    const char *good =
        "{\"languages\": [\"kk\", \"ru\"], \"start_language\": \"ru\", \"state_dir\": \"/s\",\n"
        " \"keys\": {\"next\": [\"PageDown\", \"Shift+F5\"], \"black\": []},\n"
        " \"lecture\": {\"warn_min\": 5, \"alert_min\": 1, \"notes_language\": \"ru\",\n"
        "  \"presenter_display\": 1, \"timer_overlay\": true, \"repeat_hold_ms\": 800}}\n";
    static const char swaps[] = "\"[]{},:0-\\x\xd0";
    size_t n = strlen(good);
    char *buf = malloc(n + 1);
    assert_non_null(buf);
    for (size_t i = 0; i <= n; i++) {
        for (size_t k = 0; k <= sizeof swaps - 1; k++) {
            memcpy(buf, good, n + 1);
            if (k == sizeof swaps - 1)
                buf[i] = '\0'; /* truncated */
            else if (i < n)
                buf[i] = swaps[k];
            else
                continue;
            settings_free(&fx->s);
            settings_defaults(&fx->s);
            bool ok = load(fx, buf);
            if (!ok)
                assert_int_equal(fx->s.repeat_hold_ms, 700);
            diag_clear(&fx->dl);
        }
    }
    free(buf);
}

/* ---- Saving keys ------------------------------------------------------------ */

static void save_keys_new_file(void **state)
{
    Fx *fx = *state;
    char path[700];
    snprintf(path, sizeof path, "%s/a/b/vitrine/settings.json", fx->dir);
    KeyMap km;
    assert_true(keymap_init_default(&km));
    keymap_clear(&km, ACT_NEXT, KC_LECTURE);
    assert_true(keymap_bind(&km, ACT_NEXT, KC_LECTURE, KEY_PAGEDOWN, 0));
    keymap_clear(&km, ACT_START_STOP, KC_LECTURE);
    assert_true(keymap_bind(&km, ACT_START_STOP, KC_LECTURE, KEY_ESCAPE, 0));
    assert_true(keymap_bind(&km, ACT_START_STOP, KC_LECTURE, KEY_F5, 0));
    assert_true(settings_save_keys(path, &km, &fx->dl));
    assert_true(no_diags(&fx->dl));

    char *text = read_text(path);
    assert_non_null(text);
    assert_true(starts_with(text, "{\n  \"keys\": {\n    \"next\": [\n      \"PageDown\"\n"
                                  "    ],\n    \"prev\": [\n      \"PageUp\",\n"));
    assert_non_null(strstr(text, "    \"start_stop\": [\n      \"F5\",\n      \"Escape\"\n"
                                 "    ],\n"));
    assert_non_null(strstr(text, "    \"black\": [\n      \"period\",\n      \"b\"\n    ],\n"));
    assert_non_null(strstr(text, "    \"white\": [\n      \"w\",\n      \"comma\"\n    ],\n"));
    assert_non_null(strstr(text, "    \"film_play_pause\": [\n      \"k\",\n      \"PlayPause\"\n    ]\n  }\n}\n"));
    /* only what --learn-keys learns: an action nobody pressed keeps its keys */
    assert_null(strstr(text, "swap_displays"));
    assert_null(strstr(text, "overview"));
    assert_null(strstr(text, "quit"));
    assert_null(strstr(text, "select"));
    static const char *const names[] = {"next", "prev", "start_stop", "black", "white", "film_play_pause"};
    const char *at = text;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "\"%s\": [", names[i]);
        const char *found = strstr(at, quoted);
        if (!found)
            fail_msg("\"%s\" missing or out of order in:\n%s", names[i], text);
        at = found;
    }
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    free(text);

    /* and it reads back: the same lecture keys, no complaint */
    assert_true(settings_load(&fx->s, path, false, &fx->dl));
    assert_true(no_diags(&fx->dl));
    for (int a = 1; a < ACT__COUNT; a++) {
        char want[256], got[256];
        keys_of(&km, (Action)a, KC_LECTURE, want, sizeof want);
        keys_of(&fx->s.keys, (Action)a, KC_LECTURE, got, sizeof got);
        if (strcmp(want, got) != 0)
            fail_msg("action %d: saved \"%s\", read back \"%s\"", a, want, got);
    }
    keymap_free(&km);
}

static void save_keys_existing_file(void **state)
{
    Fx *fx = *state;
    const char *before =
        "\xEF\xBB\xBF{\n"
        "  \"$schema\": \"../docs/settings.schema.json\",\n"
        "  \"languages\": [\"ru\", \"kk\"],\n"
        "  \"keys\": {\"language\": [\"F2\"], \"black\": [\"b\"], \"next\": [\"x\"]},\n"
        "  \"note\": \"Бұл ноутбук залдағы проектор үшін — «Әлем»\",\n"
        "  \"lecture\": {\"warn_min\": 10, \"ratio\": 0.1}\n"
        "}\n";
    write_file(fx->path, before);
    chmod(fx->path, 0600);
    KeyMap km;
    assert_true(keymap_init_default(&km));
    keymap_clear(&km, ACT_BLACK, KC_LECTURE);
    assert_true(keymap_bind(&km, ACT_BLACK, KC_LECTURE, '.', 0));
    assert_true(settings_save_keys(fx->path, &km, &fx->dl));
    assert_true(no_diags(&fx->dl));
    keymap_free(&km);

    char *text = read_text(fx->path);
    assert_non_null(text);
    /* the BOM stays, members keep their order, Cyrillic stays as it was */
    assert_true(starts_with(text, "\xEF\xBB\xBF{\n  \"$schema\": \"../docs/settings.schema.json\",\n"
                              "  \"languages\": [\n    \"ru\",\n    \"kk\"\n  ],\n"
                              "  \"keys\": {\n    \"language\": [\n      \"F2\"\n    ],\n"
                              "    \"black\": [\n      \"period\"\n    ],\n"
                              "    \"next\": [\n      \"PageDown\",\n"));
    assert_non_null(strstr(text, "  },\n  \"note\": \"Бұл ноутбук залдағы проектор үшін — "
                                 "«Әлем»\",\n  \"lecture\": {\n    \"warn_min\": 10,\n"
                                 "    \"ratio\": 0.1\n  }\n}\n"));
    /* new actions after the ones that were there */
    const char *next = strstr(text, "\"next\"");
    const char *prev = strstr(text, "\"prev\"");
    assert_true(next && prev && next < prev);
    struct stat st;
    assert_int_equal(stat(fx->path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    free(text);

    /* the saved file loads cleanly (but for the unknown key "note") */
    assert_true(settings_load(&fx->s, fx->path, false, &fx->dl));
    assert_int_equal(fx->dl.n, 2);
    assert_diag(&fx->dl, "warning: unknown key \"note\"");
    assert_diag(&fx->dl, "warning: unknown key \"ratio\" in \"lecture\"");
    assert_keys(&fx->s.keys, ACT_BLACK, KC_LECTURE, "period");
    assert_keys(&fx->s.keys, ACT_LANG_NEXT, KC_ANY, "F2");
    assert_int_equal(fx->s.warn_min, 10);
}

static void save_keys_refuses_broken_file(void **state)
{
    Fx *fx = *state;
    const char *broken = "{\n  \"lecture\": {\"warn_min\": 10}\n  \"note\": \"Сәлем\"\n}\n";
    write_file(fx->path, broken);
    KeyMap km;
    assert_true(keymap_init_default(&km));
    assert_false(settings_save_keys(fx->path, &km, &fx->dl));
    assert_at(fx, "3:8: error: '}' expected near '\"note\"' (is a comma missing between two "
                  "items?); the keys were not saved and the file is left as it is");
    assert_int_equal(fx->dl.n, 1);
    char *text = read_text(fx->path);
    assert_string_equal(text, broken);
    free(text);
    diag_clear(&fx->dl);

    write_file(fx->path, "[1, 2]");
    assert_false(settings_save_keys(fx->path, &km, &fx->dl));
    assert_at(fx, "1:1: error: the top level must be an object ({...}), not an array; the keys "
                  "were not saved and the file is left as it is");
    text = read_text(fx->path);
    assert_string_equal(text, "[1, 2]");
    free(text);
    diag_clear(&fx->dl);

    /* a folder in the way */
    char path[700];
    snprintf(path, sizeof path, "%s/settings.json/x/settings.json", fx->dir);
    assert_false(settings_save_keys(path, &km, &fx->dl));
    char want[900];
    snprintf(want, sizeof want, "%s:0:0: error: cannot create folder \"%s/settings.json\": "
             "Not a directory; the keys were not saved\n", path, fx->dir);
    assert_diag(&fx->dl, want);
    /* and no temporary file is left behind */
    snprintf(path, sizeof path, "%s", fx->dir);
    DIR *d = opendir(path);
    assert_non_null(d);
    struct dirent *e;
    int files = 0;
    while ((e = readdir(d)) != NULL)
        files += e->d_name[0] != '.';
    closedir(d);
    assert_int_equal(files, 1);
    keymap_free(&km);
}

static void save_keys_through_symlink(void **state)
{
    Fx *fx = *state;
    char real[700], link[700];
    snprintf(real, sizeof real, "%s/dotfiles-settings.json", fx->dir);
    snprintf(link, sizeof link, "%s/link.json", fx->dir);
    write_file(real, "{\"state_dir\": \"/srv/vitrine\"}");
    assert_int_equal(symlink(real, link), 0);
    KeyMap km;
    assert_true(keymap_init_default(&km));
    assert_true(settings_save_keys(link, &km, &fx->dl));
    assert_true(no_diags(&fx->dl));
    keymap_free(&km);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    char *text = read_text(real);
    assert_non_null(strstr(text, "\"state_dir\": \"/srv/vitrine\",\n  \"keys\": {"));
    free(text);
}

/* ---- Default paths ---------------------------------------------------------- */

static char *saved_env(const char *name)
{
    const char *v = getenv(name);
    return v ? strdup(v) : NULL;
}

static void restore_env(const char *name, char *value)
{
    if (value)
        setenv(name, value, 1);
    else
        unsetenv(name);
    free(value);
}

static void default_paths(void **state)
{
    Fx *fx = *state;
    char *home = saved_env("HOME"), *cfg = saved_env("XDG_CONFIG_HOME");
    char *st = saved_env("XDG_STATE_HOME");
    char buf[512];

    setenv("XDG_CONFIG_HOME", "/x/config", 1);
    setenv("XDG_STATE_HOME", "/x/state", 1);
    setenv("HOME", "/home/lecturer", 1);
    settings_default_path(buf, sizeof buf);
    assert_string_equal(buf, "/x/config/vitrine/settings.json");
    settings_state_dir(&fx->s, buf, sizeof buf);
    assert_string_equal(buf, "/x/state/vitrine");
    settings_state_dir(NULL, buf, sizeof buf);
    assert_string_equal(buf, "/x/state/vitrine");

    /* empty or relative XDG variables are ignored, as the XDG spec says */
    setenv("XDG_CONFIG_HOME", "", 1);
    setenv("XDG_STATE_HOME", "relative/state", 1);
    settings_default_path(buf, sizeof buf);
    assert_string_equal(buf, "/home/lecturer/.config/vitrine/settings.json");
    settings_state_dir(&fx->s, buf, sizeof buf);
    assert_string_equal(buf, "/home/lecturer/.local/state/vitrine");

    unsetenv("XDG_CONFIG_HOME");
    unsetenv("XDG_STATE_HOME");
    unsetenv("HOME");
    settings_default_path(buf, sizeof buf);
    assert_string_equal(buf, "/etc/vitrine/settings.json");
    settings_state_dir(&fx->s, buf, sizeof buf);
    assert_string_equal(buf, "/var/lib/vitrine");

    /* the file's state_dir wins */
    fx->s.state_dir = strdup("/srv/vitrine-state");
    settings_state_dir(&fx->s, buf, sizeof buf);
    assert_string_equal(buf, "/srv/vitrine-state");
    /* small buffers are cut, never overrun */
    char tiny[6];
    settings_state_dir(&fx->s, tiny, sizeof tiny);
    assert_string_equal(tiny, "/srv/");
    settings_default_path(tiny, sizeof tiny);
    assert_string_equal(tiny, "/etc/");

    restore_env("HOME", home);
    restore_env("XDG_CONFIG_HOME", cfg);
    restore_env("XDG_STATE_HOME", st);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(defaults),
        T(full_file),
        T(clicker_fixture),
        T(bom_crlf_and_empty_object),
        T(lecture_ranges),
        T(lecture_edges),
        T(images_section),
        T(media_section),
        T(media_max_volume),
        T(languages),
        T(exhibition_only),
        T(other_fields),
        T(unknown_keys),
        T(duplicate_keys),
        T(keys_replace_defaults),
        T(keys_problems),
        T(keys_taken_from_other_actions),
        T(syntax_error_keeps_defaults),
        T(missing_and_unreadable),
        T(too_large),
        T(mutations_do_not_crash),
        T(save_keys_new_file),
        T(save_keys_existing_file),
        T(save_keys_refuses_broken_file),
        T(save_keys_through_symlink),
        T(default_paths),
    };
    lang_load_dir(PO_DIR, NULL); /* the translations shipped, as vitrine reads them at start */
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    lang_unload();
    return failed;
}
