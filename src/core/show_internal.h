/* SPDX-License-Identifier: GPL-3.0-or-later */
/* show_internal.h - the show's state, shared by its layers and nobody else.
 *
 * show.c routes events and actions; below it, show_nav.c moves between
 * exhibitions, slides and zoom, and show_view.c builds what is seen (scenes,
 * the state line, snapshots). The lower layers never call show.c; the
 * small machines (admin, lecture, touch, kiosk, gesture) never call any of
 * them. Not for use outside these three files.
 */
#ifndef VITRINE_SHOW_INTERNAL_H
#define VITRINE_SHOW_INTERNAL_H

#include "show.h"

#include "admin.h"
#include "filmbar.h"
#include "gesture.h"
#include "kiosk.h"
#include "lecture.h"
#include "pictures.h"
#include "problems.h"
#include "touch.h"
#include "zoom.h"

struct Show {
    const Library *lib;
    Measure measure;
    const Settings *st;       /* the settings (ShowConfig.settings or own_settings) */
    Settings own_settings;    /* the defaults, when the config gives none */
    const char *langs[SCENE_MAX_LANGS];
    int n_langs;
    int lang;                 /* index into langs */
    int start_lang;           /* the language a reset returns to */
    bool allow_quit;

    Screen screen;
    int exhibition, slide;    /* current, 0-based; exhibition -1 on home */
    int home_sel;
    bool captions;
    bool large_text, high_contrast;     /* visitors' accessibility modes */
    bool running;
    int w, h;
    uint64_t now;             /* time of the latest event */
    int travel;               /* +1 paging forward, -1 back: where to prefetch */

    GestureState gesture;
    Touch touch;              /* drag, spring back, caption scroll, pan, waiting tap */
    ZoomView zoom;            /* zoom into the current slide's image */
    Pictures pictures;        /* their natural sizes, and which failed to load */

    /* keys: auto-repeat of the key held, when it went down and last moved a slide */
    int held_key;
    uint64_t held_since, held_moved;
    int hold_ms, every_ms;

    /* lecture */
    Lecture lec;
    bool lecture_mode;        /* exhibitions open as lecture decks */
    bool base_lecture;        /* the mode vitrine was started in */
    bool lecture_changed;     /* a lecture began or ended: the platform opens or closes the presenter view */
    int duration_min;         /* from the command line; 0 = the manifest's */
    int warn_min;             /* the settings' warning (lecture_init), unless a deck's .pdfpc says */
    bool presenter;           /* a presenter display exists */
    bool swap_request;
    /* the slide's film: what the platform is asked to do (ACT_FILM_*, or
     * ACT_NONE), and whether the visitor paused the film of that slide */
    int film_request;
    bool film_paused;
    int film_ex, film_slide;
    bool film_playing;        /* the platform's word (show_film_state) */
    int film_seek_ms;         /* ACT_FILM_SEEK's moment (ms into the file) */
    int film_pos_ms, film_dur_ms; /* the film as the platform last said (-1: unknown) ... */
    int film_time_ex, film_time_slide; /* ... of this slide (-1: none: nothing is known) */
    int film_volume;          /* percent, within the settings' max_volume */
    FilmBar film_bar;         /* a finger on the scrub bar (filmbar.h) */
    bool narration_on;        /* the visitor asked for the narration of slide narration_slide
                               * (its recording, else its reading aloud: show_slide_sound) */
    int narration_ex, narration_slide;
    bool quiet;               /* quiet hours (show_set_quiet): no sound is offered */
    Scene presenter_scene;
    bool presenter_dirty;
    void (*lecture_ended)(void *ctx, const Rehearsal *r);
    void *ctx;

    Kiosk kiosk;              /* a kiosk left alone, and what observers count */

    /* administrator */
    AdminScreen admin;
    Screen admin_return;

    /* --preview: the latest load's problems, on a banner instead of the slide */
    bool preview;
    Problems problems;
    /* kiosk: the --exhibition that was missing or broken at start (owned),
     * until it loads and opens; NULL otherwise */
    char *waiting;
    /* kiosk: the one exhibition it shows (show_set_only; owned) and the
     * 0-based slide that home and the idle reset go to; NULL: all */
    char *only;
    int only_slide;

    Scene scene;
    bool dirty;
};

/* ---- helpers every layer needs ------------------------------------------- */

/* What the slide on screen offers to be heard (scene_view.h's SlideSound):
 * its recorded narration, else its title and caption read aloud by speech
 * synthesis (media.read_aloud, a voice for the language: *ra filled when ra
 * is not NULL), else nothing: on a film slide without a recording (the film
 * has its own words), in quiet hours, on any other screen. (show_view.c) */
SlideSound show_slide_sound(const Show *s, ReadAloud *ra);

static inline const Exhibition *show_current(const Show *s)
{
    return s->exhibition >= 0 ? s->lib->items[s->exhibition] : NULL;
}

static inline int show_n_current(const Show *s)
{
    return show_current(s) ? show_current(s)->n_slides : 0;
}

/* Bits of LECTURE_REDRAW*: what must be drawn again. */
static inline void show_redraw(Show *s, unsigned bits)
{
    s->dirty |= (bits & LECTURE_REDRAW) != 0;
    s->presenter_dirty |= (bits & LECTURE_REDRAW_PRESENTER) != 0;
}

/* A kiosk that shows one exhibition only, while it is missing: "being
 * prepared" where the list of exhibitions would be (never shown then). */
static inline bool show_preparing(const Show *s)
{
    return s->only && s->screen == SCREEN_HOME;
}

/* Idle applies to visitors: not in a lecture, not on the admin screen, not
 * in a curator's preview window, not while there is nothing to show. */
static inline bool show_idle_applies(const Show *s)
{
    return !s->lecture_mode && !s->preview && s->screen != SCREEN_ADMIN && !show_preparing(s);
}

/* ---- show_nav.c: moving ------------------------------------------------------ */

/* Go to slide `to` as a visitor does (it slides in, in a kiosk), or the
 * lecture's way (show_nav_advance: moving on starts the timer). */
void show_nav_to(Show *s, int to);
void show_nav_advance(Show *s, int to);
/* Open exhibition i at 0-based slide (clamped); the lecture starts again. */
void show_nav_open(Show *s, int i, int slide);
void show_nav_home(Show *s);
/* Select home card sel (clamped). */
void show_nav_card(Show *s, int sel);
/* The whole picture again; zoom to z about (px, py), or the centre (px < 0). */
void show_nav_unzoom(Show *s);
void show_nav_zoom(Show *s, float z, float px, float py);
/* Fingers moved: pinch, pan, drag or scroll as the touch machine says. */
void show_nav_follow(Show *s);

/* ---- show_view.c: what is seen --------------------------------------------- */

/* The scene's view of the show at w x h. */
SceneView show_view_make(Show *s, int w, int h);
/* The current slide's picture, when it can be zoomed: where it is on screen
 * and its size in pixels (known once the platform has loaded it). */
bool show_view_picture(Show *s, TouchPicture *p);

/* What the platform last said of a film is of the slide on screen's. */
static inline bool film_known(const Show *s)
{
    return s->screen == SCREEN_SLIDE && s->film_time_ex == s->exhibition && s->film_time_slide == s->slide;
}

#endif
