/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lang.h - the languages vitrine speaks, in one place: one entry a language
 * with its code, its own short name, whether it is offered when the
 * settings name no languages, and the program's own words in it (not
 * curators' content, which the manifests carry).
 *
 * Adding an interface language is one entry in lang.c's table; nothing else
 * lists languages. An unknown code gets English (LANG_FALLBACK), and so
 * does a string an entry leaves out. All strings are static storage.
 */
#ifndef VITRINE_LANG_H
#define VITRINE_LANG_H

#include <stdbool.h>
#include <stddef.h>

/* The program's own words. UI_MORE_BEFORE and UI_MORE_AFTER go around a
 * number and may be empty; every other string is a word or more. */
typedef enum {
    UI_CHOOSE_EXHIBITION,   /* home screen heading */
    UI_HOME,                /* the home button */
    UI_NO_EXHIBITIONS,      /* the library is empty */
    UI_IMAGE_UNAVAILABLE,   /* placeholder for a slide whose image failed */
    UI_SLIDES,              /* "slides", after a count on home cards */
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
    /* administrator */
    UI_ADMIN, UI_ENTER_PIN, UI_WRONG_PIN, UI_LOCKED,
    UI_START_LECTURE, UI_END_LECTURE, UI_EXIT, UI_BACK, UI_CANCEL, UI_CHOOSE_LECTURE,
    UI_NO_PIN_NO_EXIT,      /* the kiosk's menu without a PIN: why no Exit, how to set a PIN */
    /* idle */
    UI_STILL_THERE, UI_TOUCH_TO_CONTINUE, UI_TOUCH_TO_BEGIN,
    /* --preview's problems banner */
    UI_PROBLEMS,            /* its title */
    UI_PROBLEMS_FIX,        /* what to do about them */
    UI_MORE_BEFORE, UI_MORE_AFTER, /* around N in "and N more" */
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

/* One language. */
typedef struct {
    const char *code;           /* as in manifests and settings: "kk" */
    const char *name;           /* its own short name on the language buttons: "ҚАЗ" */
    bool offered;               /* in the default list of offered languages */
    const char *ui[UI__COUNT];  /* the program's words; NULL = English's */
} Lang;

#define LANG_FALLBACK "en"      /* for unknown codes, and when no language is offered */
#define LANG_MAX 32             /* entries the table may hold (lang_defaults' largest answer) */

/* How many languages the table holds, and the i-th (0-based, in the
 * table's order; NULL out of range). */
int lang_count(void);
const Lang *lang_at(int i);
/* The entry for code, or NULL when vitrine does not speak it (code may be
 * NULL). */
const Lang *lang_find(const char *code);
/* The entry for code, or LANG_FALLBACK's. Never NULL. */
const Lang *lang_get(const char *code);
/* String s in language code (lang_get), "" for an s out of range. */
const char *lang_text(UiString s, const char *code);
/* The default offered languages, in the table's order: fills out[0..cap)
 * with their codes and returns how many. */
int lang_defaults(const char **out, int cap);
/* codes[0..n) as a JSON list for a message: ["kk", "ru", "en"]. Cut to fit
 * buf (cap > 0); returns buf. */
char *lang_codes_text(const char *const *codes, int n, char *buf, size_t cap);
/* The interface's languages as words for a message: "kk, ru and en".
 * Cut to fit buf (cap > 0); returns buf. */
char *lang_list_text(char *buf, size_t cap);

#endif
