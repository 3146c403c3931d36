/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_view.h - what a scene is built from: the show's state as plain
 * values (SceneView), filled in by the show and read by every builder.
 */
#ifndef VITRINE_SCENE_VIEW_H
#define VITRINE_SCENE_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "layout.h"
#include "library.h"
#include "zoom.h"

typedef enum { SCREEN_HOME, SCREEN_SLIDE, SCREEN_ADMIN } Screen;

typedef enum { BLANK_NONE, BLANK_BLACK, BLANK_WHITE } Blank;

/* What the lecture adds to a view (all zero in the kiosk). */
typedef struct {
    bool on;                     /* lecture mode: the audience sees slides only */
    Blank blank;
    bool overview;               /* the grid of slides instead of the slide */
    int overview_sel;            /* 0-based */
    bool timer_overlay;          /* small timer on the audience screen */
    int64_t elapsed_ms, remaining_ms, planned_ms;
    bool timer_running;
    int level;                   /* LtLevel */
    bool has_budgets;
    int64_t pacing_ms;           /* >0 behind, <0 ahead */
    int goto_num;                /* digits typed so far, 0 = none */
    const char *clock;           /* wall-clock "19:05" for the presenter view, or NULL */
    const char *notes_lang;      /* presenter notes language */
    int film_ms, film_left_ms;   /* the slide's film: position and what remains; -1: no film playing or paused */
} LectureView;

typedef enum { ADMIN_PIN, ADMIN_MENU, ADMIN_PICK } AdminStage;

/* The kiosk left alone (idle.h): the countdown, and the attract loop. */
typedef struct {
    int phase;                   /* IdlePhase */
    int seconds_left;            /* WARNING */
    int attract_ex, attract_slide; /* ATTRACT: what is shown (slide -1 = cover) */
    int lang_step;               /* ATTRACT: "touch to begin" in langs[lang_step] */
} IdleView;

/* The administrator's screen. */
typedef struct {
    AdminStage stage;
    int pin_len;                 /* digits typed (shown as dots, never the digits) */
    bool wrong;                  /* the last PIN was wrong */
    bool locked;                 /* too many wrong PINs: wait */
    bool in_lecture;             /* the menu offers "End the lecture" */
    int sel;                     /* keyboard selection in the menu/list */
    bool can_exit;               /* the menu offers Exit; else it says how to set a PIN */
} AdminView;

#define SCENE_MAX_LANGS 8

/* What a slide offers to be heard, with its one button (ACT_NARRATION):
 * nothing (no button), its recorded narration, or its title and caption
 * read aloud by speech synthesis (read_aloud.h; a speaker on the button). */
typedef enum { SOUND_NONE, SOUND_NARRATION, SOUND_SPEECH } SlideSound;

/* Everything scene_build needs to know, filled in by show.c. */
typedef struct {
    int w, h;
    Screen screen;
    const Library *lib;
    int exhibition, slide;       /* SCREEN_SLIDE: current; 0-based */
    int offset;                  /* SCREEN_SLIDE: the current slide drawn this many px to the
                                  * right (dragged or animating); its neighbour beside it */
    int home_sel;                /* SCREEN_HOME: keyboard selection */
    const char *langs[SCENE_MAX_LANGS]; /* offered languages, in display order */
    int n_langs, lang;           /* lang: index into langs */
    bool captions;               /* caption panel shown */
    ZoomView zoom;               /* SCREEN_SLIDE: the current slide's picture */
    int caption_scroll;          /* lines a long caption is scrolled */
    bool large_text;             /* visitors' large-text mode */
    bool hide_arrows, hide_language, hide_accessibility, hide_home; /* from the settings */
    bool high_contrast;          /* visitors' high-contrast captions */
    bool film_paused;            /* SCREEN_SLIDE: the visitor paused the slide's film */
    int film_pos_ms, film_dur_ms; /* SCREEN_SLIDE: where its film is (the finger's moment while it
                                   * drags the scrub bar) and how long it is; dur <= 0: not known
                                   * yet, no scrub bar */
    int film_volume, film_max_volume; /* percent: the visitor's volume, the staff's maximum */
    bool narration_on;           /* SCREEN_SLIDE: the slide's narration (or reading aloud) plays */
    SlideSound sound;            /* SCREEN_SLIDE: what its narration button plays (none: no button) */
    bool attract_films;          /* the attract loop plays a film slide's film, muted (settings) */
    bool preparing;              /* SCREEN_HOME of a kiosk that shows one exhibition only, which is
                                  * missing: "being prepared" instead of the list */
    /* Has this image already failed to load? (slide -1 = cover) */
    bool (*image_failed)(void *ctx, int exhibition, int slide);
    void *ctx;
    const Measure *measure;
    LectureView lecture;
    AdminView admin;
    IdleView idle;
} SceneView;

#endif
