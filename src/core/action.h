/* action.h - what a key, a button or a gesture asks the show to do.
 *
 * Key maps (keymap.h) and settings name actions by the strings of
 * action_name(), so a lecturer's settings file can say "next": ["PageDown"].
 */
#ifndef VITRINE_ACTION_H
#define VITRINE_ACTION_H

typedef enum {
    ACT_NONE,
    ACT_NEXT, ACT_PREV, ACT_FIRST, ACT_LAST,
    ACT_HOME,               /* back to the list of exhibitions */
    ACT_OPEN,               /* arg: exhibition index (touch targets only) */
    ACT_LANG,               /* arg: index into the offered languages (touch targets only) */
    ACT_LANG_NEXT,
    ACT_SEL_NEXT, ACT_SEL_PREV, ACT_SEL_FIRST, ACT_SEL_LAST, ACT_SELECT,
    ACT_SEL_UP, ACT_SEL_DOWN, /* a row up or down in the overview grid */
    ACT_TOGGLE_CAPTIONS,
    ACT_LARGE_TEXT,         /* visitors' large-text mode on/off */
    ACT_HIGH_CONTRAST,      /* visitors' high-contrast captions on/off */
    ACT_ZOOM_IN,            /* closer into the slide's picture, at its centre */
    ACT_ZOOM_OUT,           /* back out (at 1 the picture is fitted again) */
    ACT_QUIT,               /* only where the show allows quitting (windowed) */
    ACT_ADMIN,              /* the administrator's menu (PIN first, if one is set) */
    ACT_PIN_DIGIT,          /* arg: 0-9 (touch targets of the PIN pad) */
    ACT_PIN_BACK, ACT_PIN_OK,
    ACT_ADMIN_CLOSE,        /* back to the visitors' screens */
    ACT_ADMIN_PICK,         /* menu: choose an exhibition to lecture on */
    ACT_ADMIN_LECTURE,      /* arg: exhibition index: start a lecture on it */
    ACT_ADMIN_END_LECTURE,
    ACT_ADMIN_EXIT,         /* end vitrine */
    /* lecture */
    ACT_BLACK,              /* black screen on/off */
    ACT_WHITE,              /* white screen on/off */
    ACT_START_STOP,         /* the clicker's start/stop button: presenting <-> blank, never quits */
    ACT_OVERVIEW,           /* grid of all slides on/off */
    ACT_TIMER_OVERLAY,      /* small timer on the audience screen on/off */
    ACT_TIMER_PAUSE,        /* pause/resume the lecture timer */
    ACT_TIMER_RESET,
    ACT_SWAP_DISPLAYS,      /* presenter view and slides change displays */
    ACT_DIGIT,              /* arg: 0-9, the start of "number + Enter" (built in, not mappable) */
    ACT_GOTO,               /* arg: slide index (touch targets of the overview) */
    ACT__COUNT
} Action;

/* Stable lower-case name ("next", "black", "start_stop"...), or NULL for
 * actions that cannot be bound to keys (ACT_OPEN, ACT_LANG, ACT_DIGIT). */
const char *action_name(Action a);
/* The action with that name, or ACT_NONE. */
Action action_from_name(const char *name);

#endif
