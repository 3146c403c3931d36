/* ui_text.h - the program's own words (not curators' content) in kk, ru, en. */
#ifndef VITRINE_UI_TEXT_H
#define VITRINE_UI_TEXT_H

typedef enum {
    UI_CHOOSE_EXHIBITION,   /* home screen heading */
    UI_HOME,                /* the home button */
    UI_NO_EXHIBITIONS,      /* the library is empty */
    UI_IMAGE_UNAVAILABLE,   /* placeholder for a slide whose image failed */
    UI_LANG_NAME,           /* the language's own short name: ҚАЗ, РУС, ENG */
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
    /* idle */
    UI_STILL_THERE, UI_TOUCH_TO_CONTINUE, UI_TOUCH_TO_BEGIN,
    /* --preview's problems banner */
    UI_PROBLEMS,            /* its title */
    UI_PROBLEMS_FIX,        /* what to do about them */
    UI_MORE_BEFORE, UI_MORE_AFTER, /* around N in "and N more" */
    UI__COUNT
} UiString;

/* The string in language `lang` ("kk", "ru", "en"; anything else gets English).
 * Static storage. */
const char *ui_text(UiString s, const char *lang);

#endif
