/* SPDX-License-Identifier: GPL-3.0-or-later */
/* settings.h - the settings file (JSON), documented in docs/settings.md.
 *
 * Every field is optional; a missing or bad field keeps its default and a bad
 * one is reported (file:line:col) without stopping anything. Issue-specific
 * sections (idle/attract, admin) are added here as they come.
 */
#ifndef VITRINE_SETTINGS_H
#define VITRINE_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "keymap.h"

#define SETTINGS_MAX_LANGS 8

typedef struct {
    /* general */
    char *langs[SETTINGS_MAX_LANGS]; /* offered languages in display order; default lang_defaults */
    int n_langs;
    char *label_code[SETTINGS_MAX_LANGS]; /* "language_labels": code -> its button's label */
    char *label_text[SETTINGS_MAX_LANGS];
    int n_labels;
    char *start_lang;       /* NULL: the first offered */
    char *state_dir;        /* NULL: $XDG_STATE_HOME/vitrine or ~/.local/state/vitrine */
    KeyMap keys;            /* defaults, with the "keys" section applied */
    char *admin_pin_hash;   /* crypt(3) hash of the admin PIN (vitrine --hash-pin); NULL: none */
    /* kiosk */
    int idle_s;             /* no input this long: "still there?"; default 90 */
    int warning_s;          /* the countdown; default 15 */
    int attract_delay_s;    /* home screen, then the attract loop; default 30 */
    bool large_text;        /* the visitor's large-text mode at start and after a reset */
    bool high_contrast;     /* high-contrast captions at start and after a reset */
    char *attract[64];      /* the attract loop's playlist: "id" (its cover) or "id:N" (slide N) */
    int n_attract;          /* 0: the slides marked "attract" in the manifests, else the covers */
    bool show_arrows, show_language, show_accessibility, show_home; /* controls on screen; default all */
    bool attract_films;     /* the attract loop plays a film slide's film, muted and looped,
                             * instead of its poster; default true */
    bool exhibition_only;   /* with --exhibition ID: the kiosk shows ID only (home, resets and the
                             * attract loop stay in it; "being prepared" while it is missing) */
    /* media: films and sound */
    bool autoplay;          /* a film plays by itself when its slide opens; default true */
    bool read_aloud;        /* slides without a recorded narration are read aloud by speech
                             * synthesis (read_aloud.h) at the visitor's asking; default true */
    int quiet_from_min, quiet_to_min; /* quiet hours, minutes of the day ("22:00-08:00": 1320,
                             * 480): no sound; -1: none (the default) */
    /* images */
    int cache_mb;           /* screen-size pictures kept decoded; default CACHE_DEFAULT_BUDGET_MB */
    int zoom_cache_mb;      /* full pixels of the zoomed picture; default 128 */
    char *display_profile;  /* the screen's ICC profile (a file); NULL: sRGB */
    /* media */
    int max_volume;         /* the visitors' volume buttons stop here (percent); default 100 */
    /* lecture */
    int warn_min;           /* timer turns amber this many minutes before the end; default 5 */
    int alert_min;          /* and red this many; default 1 */
    char *notes_lang;       /* language of the notes in the presenter view; NULL: start_lang */
    int presenter_display;  /* display index for the presenter view; -1: the second display */
    bool timer_overlay;     /* timer shown on the slides at start (single display); default false */
    int repeat_hold_ms;     /* a held clicker button starts moving on after this; default 700 */
    int repeat_every_ms;    /* and then moves at most once per this; default 300 */
} Settings;

void settings_defaults(Settings *s);
/* Load path over the defaults. A missing file is not an error when
 * `optional` (the default location); otherwise it is. Returns false if the
 * file was unusable (syntax error...): s then holds the defaults. */
bool settings_load(Settings *s, const char *path, bool optional, DiagList *diags);
void settings_free(Settings *s);
/* Tell lang.h the offered languages (the order missing words fall back
 * along) and the labels set here. settings_load does it on success. */
void settings_apply_languages(const Settings *s);
/* Write the key bindings of the lecture actions in km into the "keys"
 * section of path, keeping every other field (creates the file and its
 * folder if needed). For --learn-keys. */
bool settings_save_keys(const char *path, const KeyMap *km, DiagList *diags);
/* $XDG_CONFIG_HOME/vitrine/settings.json, else ~/.config/vitrine/settings.json. */
void settings_default_path(char *buf, size_t n);
/* The state folder to use (s->state_dir or the XDG default). */
void settings_state_dir(const Settings *s, char *buf, size_t n);

/* Whether minute_of_day (0-1439, local time) lies in the quiet hours
 * (which may run over midnight); false when there are none. */
bool settings_quiet_now(const Settings *s, int minute_of_day);

#endif
