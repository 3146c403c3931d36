/* SPDX-License-Identifier: GPL-3.0-or-later */
/* action.h - what a key, a button or a gesture asks the show to do.
 *
 * One table, ACTION_LIST, holds one row per action, in the spirit of
 * pdfpc's add_action("next", handler, "description"):
 *
 *   X(ID, "name", screens, handler, "description")
 *
 * ID makes the enum value ACT_ID. "name" is how key maps (keymap.h) and the
 * settings file bind it ("next": ["PageDown"]); NULL for actions only a
 * touch target or the show itself produces. screens (ACTION_ON_*) are where
 * it does anything. handler is the show's function that carries it out
 * (show.c defines it; nothing here refers to it). On the administrator's
 * screens the admin machine (admin.h) takes every action first; what it
 * passes on runs the row's handler where the row says ACTION_ON_ADMIN. A
 * new action is one row here and its handler in show.c.
 */
#ifndef VITRINE_ACTION_H
#define VITRINE_ACTION_H

/* Where an action applies (a row's screens): elsewhere it does nothing. */
#define ACTION_ON_HOME 1u     /* the list of exhibitions (and the attract loop over it) */
#define ACTION_ON_SLIDE 2u    /* a slide, as visitors see it */
#define ACTION_ON_LECTURE 4u  /* a slide in lecture mode (the overview, blanking, timer) */
#define ACTION_ON_ADMIN 8u    /* the administrator's screens (admin.h) */
#define ACTION_ON_VISITOR (ACTION_ON_HOME | ACTION_ON_SLIDE | ACTION_ON_LECTURE)
#define ACTION_ON_ALL (ACTION_ON_VISITOR | ACTION_ON_ADMIN)

/* clang-format off */
#define ACTION_LIST(X) \
    X(NONE,           NULL,            0,                 act_none,      "nothing") \
    X(NEXT,           "next",          ACTION_ON_VISITOR, act_next,      "the next slide (in a lecture the first one starts the timer)") \
    X(PREV,           "prev",          ACTION_ON_VISITOR, act_prev,      "the previous slide") \
    X(FIRST,          "first",         ACTION_ON_VISITOR, act_first,     "the first slide") \
    X(LAST,           "last",          ACTION_ON_VISITOR, act_last,      "the last slide") \
    X(HOME,           "home",          ACTION_ON_VISITOR, act_home,      "back to the list of exhibitions (zoomed in: the whole picture first)") \
    X(OPEN,           NULL,            ACTION_ON_VISITOR, act_open,      "open exhibition arg (touch targets only)") \
    X(LANG,           NULL,            ACTION_ON_ALL,     act_lang,      "language arg of the offered ones (touch targets only)") \
    X(LANG_NEXT,      "language",      ACTION_ON_ALL,     act_lang,      "the next offered language") \
    X(SEL_NEXT,       "select_next",   ACTION_ON_VISITOR, act_select_by, "select the next card or overview slide") \
    X(SEL_PREV,       "select_prev",   ACTION_ON_VISITOR, act_select_by, "select the previous card or overview slide") \
    X(SEL_FIRST,      "select_first",  ACTION_ON_VISITOR, act_select_by, "select the first card or overview slide") \
    X(SEL_LAST,       "select_last",   ACTION_ON_VISITOR, act_select_by, "select the last card or overview slide") \
    X(SELECT,         "select",        ACTION_ON_VISITOR, act_select,    "open the selected card, or go to the selected overview slide") \
    X(SEL_UP,         "select_up",     ACTION_ON_VISITOR, act_select_row, "a row up in the overview grid") \
    X(SEL_DOWN,       "select_down",   ACTION_ON_VISITOR, act_select_row, "a row down in the overview grid") \
    X(TOGGLE_CAPTIONS, "captions",     ACTION_ON_VISITOR, act_toggle,    "the caption panel on/off") \
    X(LARGE_TEXT,     "large_text",    ACTION_ON_VISITOR, act_toggle,    "visitors' large-text mode on/off") \
    X(HIGH_CONTRAST,  "high_contrast", ACTION_ON_VISITOR, act_toggle,    "visitors' high-contrast captions on/off") \
    X(ZOOM_IN,        "zoom_in",       ACTION_ON_VISITOR, act_zoom_in,   "closer into the slide's picture, at its centre") \
    X(ZOOM_OUT,       "zoom_out",      ACTION_ON_VISITOR, act_zoom_out,  "back out (at 1 the picture is fitted again)") \
    X(QUIT,           "quit",          ACTION_ON_ALL,     act_quit,      "end vitrine, only where the show allows quitting (windowed)") \
    X(ADMIN,          "admin",         ACTION_ON_VISITOR, act_admin,     "the administrator's menu (PIN first, if one is set)") \
    X(PIN_DIGIT,      NULL,            ACTION_ON_ADMIN,   act_none,      "digit arg of the PIN (touch targets of the PIN pad)") \
    X(PIN_BACK,       NULL,            ACTION_ON_ADMIN,   act_none,      "forget the PIN's last digit") \
    X(PIN_OK,         NULL,            ACTION_ON_ADMIN,   act_none,      "try the PIN") \
    X(ADMIN_CLOSE,    "admin_close",   ACTION_ON_ADMIN,   act_none,      "back to the visitors' screens") \
    X(ADMIN_PICK,     NULL,            ACTION_ON_ADMIN,   act_none,      "menu: choose an exhibition to lecture on") \
    X(ADMIN_LECTURE,  NULL,            ACTION_ON_ADMIN,   act_none,      "start a lecture on exhibition arg") \
    X(ADMIN_END_LECTURE, NULL,         ACTION_ON_ADMIN,   act_none,      "end the lecture, back to the kiosk") \
    X(ADMIN_EXIT,     NULL,            ACTION_ON_ADMIN,   act_none,      "end vitrine") \
    X(BLACK,          "black",         ACTION_ON_LECTURE, act_lecture,   "black screen on/off") \
    X(WHITE,          "white",         ACTION_ON_LECTURE, act_lecture,   "white screen on/off") \
    X(START_STOP,     "start_stop",    ACTION_ON_LECTURE, act_lecture,   "the clicker's start/stop button: start the timer, then presenting <-> blank; never quits") \
    X(OVERVIEW,       "overview",      ACTION_ON_LECTURE, act_lecture,   "grid of all slides on/off") \
    X(TIMER_OVERLAY,  "timer_overlay", ACTION_ON_LECTURE, act_lecture,   "small timer on the audience screen on/off") \
    X(TIMER_PAUSE,    "timer_pause",   ACTION_ON_LECTURE, act_lecture,   "pause/resume the lecture timer") \
    X(TIMER_RESET,    "timer_reset",   ACTION_ON_LECTURE, act_lecture,   "the lecture timer back to zero") \
    X(SWAP_DISPLAYS,  "swap_displays", ACTION_ON_LECTURE, act_swap,      "presenter view and slides change displays") \
    X(DIGIT,          NULL,            0,                 act_none,      "digit arg, the start of \"number + Enter\" (built in, not mappable)") \
    X(GOTO,           NULL,            ACTION_ON_VISITOR, act_goto,      "go to slide arg (touch targets of the overview)") \
    X(FILM_PLAY,      "film_play_pause", ACTION_ON_SLIDE | ACTION_ON_LECTURE, act_film, "the slide's film: pause, or play on") \
    X(FILM_BACK,      "film_back",     ACTION_ON_SLIDE | ACTION_ON_LECTURE, act_film, "the slide's film: 10 s back") \
    X(FILM_FORWARD,   "film_forward",  ACTION_ON_SLIDE | ACTION_ON_LECTURE, act_film, "the slide's film: 10 s on") \
    X(FILM_SEEK,      NULL,            ACTION_ON_SLIDE,   act_film,      "the slide's film: to the moment the finger holds on its scrub bar (touch targets only)") \
    X(FILM_VOLUME_DOWN, "film_volume_down", ACTION_ON_SLIDE | ACTION_ON_LECTURE, act_film_volume, "the slide's film: quieter") \
    X(FILM_VOLUME_UP, "film_volume_up", ACTION_ON_SLIDE | ACTION_ON_LECTURE, act_film_volume, "the slide's film: louder, up to the staff's media.max_volume") \
    X(NARRATION,      "narration_play_stop", ACTION_ON_SLIDE, act_narration, "the slide's recorded narration, in the visitor's language: play, or stop")
/* clang-format on */

#define ACTION_ENUM_(id, name, screens, handler, desc) ACT_##id,
typedef enum { ACTION_LIST(ACTION_ENUM_) ACT__COUNT } Action;
#undef ACTION_ENUM_

/* Stable lower-case name ("next", "black", "start_stop"...), or NULL for
 * actions that cannot be bound to keys (ACT_OPEN, ACT_LANG, ACT_DIGIT). */
const char *action_name(Action a);
/* The action with that name, or ACT_NONE. */
Action action_from_name(const char *name);
/* What it does, in a few words (never NULL for a valid action). Static. */
const char *action_description(Action a);
/* The screens it applies to (ACTION_ON_*); 0 for none or an invalid action. */
unsigned action_screens(Action a);

#endif
