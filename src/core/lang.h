/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lang.h - the languages vitrine speaks, in one place.
 *
 * Any BCP 47 code ("kk", "zh", "kk-Latn") may be offered. Three places give
 * what vitrine shows for a language:
 *  - the program's own words: English in lang.c (the msgids), every other
 *    language from po/<code>.po (po.h), loaded once at start with
 *    lang_load_dir(). A word a language lacks falls back along the offered
 *    languages (lang_set_order), then to English: never an empty button.
 *  - the label on its button: a settings override (lang_set_label), else
 *    the table's short label (ҚАЗ, РУС, ENG), else the language's name in
 *    itself from CLDR (lang_names.h: 中文, Deutsch), else the code.
 *  - curators' captions: the manifests, not this module.
 *
 * The loaded catalogs, labels and order are the one state of this module,
 * set at start (main.c, or a test) before any scene is built and kept
 * until lang_unload(); lookups return storage valid until then.
 */
#ifndef VITRINE_LANG_H
#define VITRINE_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* The program's own words. A plural one has "%d" where its count goes
 * (lang_count_text); none is empty. */
typedef enum {
    UI_CHOOSE_EXHIBITION,   /* home screen heading */
    UI_HOME,                /* the home button */
    UI_NO_EXHIBITIONS,      /* the library is empty */
    UI_IMAGE_UNAVAILABLE,   /* placeholder for a slide whose image failed */
    UI_SLIDES,              /* "%d slides" on home cards (plural) */
    /* presenter view */
    UI_NEXT,                /* the next slide */
    UI_NOTES,
    UI_NO_NOTES,
    UI_PAUSED,
    UI_AHEAD, UI_BEHIND, UI_ON_TIME,
    UI_LEFT,                /* after the remaining time */
    UI_OVER,                /* after the overrun */
    UI_END,                 /* there is no next slide */
    UI_BLACK_SCREEN, UI_WHITE_SCREEN,
    UI_GOTO,                /* "go to slide", before the digits typed */
    UI_FILM,                /* before the slide's film's position and what remains */
    /* administrator */
    UI_ADMIN, UI_ENTER_PIN, UI_WRONG_PIN, UI_LOCKED,
    UI_START_LECTURE, UI_END_LECTURE, UI_EXIT, UI_BACK, UI_CANCEL, UI_CHOOSE_LECTURE,
    UI_NO_PIN_NO_EXIT,      /* the kiosk's menu without a PIN: why no Exit, how to set a PIN */
    /* idle */
    UI_STILL_THERE, UI_TOUCH_TO_CONTINUE, UI_TOUCH_TO_BEGIN,
    /* --preview's problems banner */
    UI_PROBLEMS,            /* its title */
    UI_PROBLEMS_FIX,        /* what to do about them */
    UI_MORE,                /* "and %d more" (plural) */
    /* the statistics report's chart (stats_chart.h) */
    UI_CHART_TITLE,
    UI_CHART_DWELL,         /* heading: the median time on each slide */
    UI_CHART_PER_DAY,       /* heading: visits per day, by language */
    UI_CHART_VISITS,        /* "visits", before or after a count */
    UI_CHART_NO_VISITS,     /* the empty plot */
    /* a kiosk that shows one exhibition only, while it is missing or broken */
    UI_BEING_PREPARED,
    UI__COUNT
} UiString;

/* One language the table knows: its short label and whether it is offered
 * by default. Others need no entry (their label comes from CLDR). */
typedef struct {
    const char *code;           /* as in manifests and settings: "kk" */
    const char *name;           /* its own short name on the language buttons: "ҚАЗ" */
    bool offered;               /* in the default list of offered languages */
} Lang;

#define LANG_FALLBACK "en"      /* the language of the msgids; the last fallback */
#define LANG_MAX 32             /* languages loaded, labelled or ordered at most */
#define LANG_LABEL_MAX 64       /* bytes of a label set in the settings */

/* How many languages the table holds, and the i-th (0-based, in the
 * table's order; NULL out of range). */
int lang_count(void);
const Lang *lang_at(int i);
/* The table's entry for code, or NULL (code may be NULL). */
const Lang *lang_find(const char *code);

/* ---- the translations (po/<code>.po) ---- */
/* Reads every <code>.po in dir; problems (a broken file, a broken entry)
 * are warnings in dl (may be NULL): what could be read is used, the rest
 * falls back. Returns how many files were loaded. Replaces what an earlier
 * call loaded for the same code. */
int lang_load_dir(const char *dir, DiagList *dl);
/* One catalog from text[0..len), as if read from file; false when nothing
 * was kept (out of memory, or code not usable). */
bool lang_load_text(const char *code, const char *text, size_t len, const char *file, DiagList *dl);
/* Forgets catalogs, labels and the order. */
void lang_unload(void);
/* The order in which a missing word is looked for in other languages:
 * the offered languages (copied; at most LANG_MAX). */
void lang_set_order(const char *const *codes, int n);
/* A label for code's button, copied (cut to LANG_LABEL_MAX bytes); NULL
 * or "" removes it. */
void lang_set_label(const char *code, const char *label);
/* true when code's words are English's or a catalog was loaded for it. */
bool lang_has_ui(const char *code);

/* code's label for its button (see above). Never NULL. */
const char *lang_label(const char *code);
/* code's name in itself from CLDR ("Deutsch"), or NULL. */
const char *lang_cldr_name(const char *code);
/* String s in language code, falling back along the order, then English;
 * "" only for an s out of range. */
const char *lang_text(UiString s, const char *code);
/* A plural string s for count n in language code, with its "%d" replaced
 * by n, into buf (cap > 0); returns buf. */
char *lang_count_text(UiString s, long n, const char *code, char *buf, size_t cap);
/* English's msgid (and msgid_plural, NULL for none) of s: what translators
 * translate. NULL out of range. */
const char *lang_msgid(UiString s);
const char *lang_msgid_plural(UiString s);
/* Whether code's own catalog (not a fallback) translates s. */
bool lang_translates(const char *code, UiString s);
/* For translators: prints each string code's catalog lacks (its msgid, as
 * in the PO file) to out, then a count. Returns how many are missing. */
int lang_missing_report(const char *code, FILE *out);
/* The default offered languages, in the table's order: fills out[0..cap)
 * with their codes and returns how many. */
int lang_defaults(const char **out, int cap);
/* codes[0..n) as a JSON list for a message: ["kk", "ru", "en"]. Cut to fit
 * buf (cap > 0); returns buf. */
char *lang_codes_text(const char *const *codes, int n, char *buf, size_t cap);
/* The languages with words (English and every catalog loaded) for a
 * message: "en, kk and ru". Cut to fit buf (cap > 0); returns buf. */
char *lang_list_text(char *buf, size_t cap);

#endif
