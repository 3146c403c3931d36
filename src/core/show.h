/* SPDX-License-Identifier: GPL-3.0-or-later */
/* show.h - the state machine: which screen, which exhibition and slide, which
 * language; input events in, a scene out.
 *
 * Owns its Scene and rebuilds it lazily when something changed. Time comes in
 * with the events (Event.t); nothing here reads a clock.
 */
#ifndef VITRINE_SHOW_H
#define VITRINE_SHOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "keymap.h"
#include "lecture_timer.h"
#include "library.h"
#include "read_aloud.h"
#include "rehearsal.h"
#include "scene.h"
#include "settings.h"

#define SHOW_NO_DEADLINE UINT64_MAX

/* What one run of the show is given: the settings as they are (read, not
 * copied), and what only this run decides. */
typedef struct {
    const Settings *settings;           /* NULL = settings_defaults(); read where needed, never
                                         * copied: must outlive the show and not change while
                                         * it handles events */
    const char *start_lang;             /* overrides settings->start_lang (--lang); NULL = the settings' */
    bool allow_quit;                    /* windowed/development: Ctrl+Q and closing the window end vitrine */
    bool lecture;                       /* show_open() opens exhibitions as lecture decks */
    int duration_min;                   /* planned length; 0 = the manifest's lecture.duration_min */
    const char *started;                /* wall-clock start for the rehearsal record, ISO 8601 */
    /* --preview: a curator's window; never idle, and the problems of each
     * load (show_set_problems) replace the slide until they are fixed */
    bool preview;
    /* A lecture started from the admin menu has ended: save its record. */
    void (*lecture_ended)(void *ctx, const Rehearsal *r);
    void *ctx;
} ShowConfig;

typedef struct Show Show;

/* lib and measure must outlive the show. NULL on out of memory. */
Show *show_create(const Library *lib, const ShowConfig *cfg, const Measure *measure, int w, int h);
void show_free(Show *s);

void show_handle(Show *s, const Event *ev);
/* Open exhibition `id` at 1-based slide `slide1` (clamped). false if no such id. */
bool show_open(Show *s, const char *id, int slide1);
/* Switch language by code; false if it is not offered. */
bool show_set_lang(Show *s, const char *code);

/* The current scene, rebuilt if needed. Valid until the next call into s. */
const Scene *show_scene(Show *s);
/* True when the picture changed since the last show_scene(). */
bool show_dirty(const Show *s);
bool show_running(const Show *s);
/* Milliseconds until the show next needs a tick (SHOW_NO_DEADLINE if never). */
uint64_t show_next_deadline(const Show *s, uint64_t now);

/* The pictures worth decoding before they are needed (not those of the
 * current scene): the slides next in the direction of travel, then behind
 * (cache_policy.h). Returns how many were written to out. */
int show_prefetch(Show *s, ImageRequest *out, int max);

/* The slides a visitor is likely to see next (the next one the way they
 * travel, then the one behind), each as its scene will be once the page
 * turn is over, so that the platform can draw their text while nothing else
 * happens and the first frame after a key does not lay out and rasterise a
 * caption. Builds the which-th (0 or 1) into out; false when there is none
 * (not on a slide, at an end, the overview or a blank screen, the idle
 * countdown). */
bool show_scene_ahead(Show *s, int which, Scene *out);

/* Lecture: whether a presenter display exists (the timer then ticks on
 * it), and its scene at w x h with the wall clock `clock` ("19:05").
 * Valid until the next call into s. */
void show_set_presenter(Show *s, bool on);
const Scene *show_presenter_scene(Show *s, int w, int h, uint64_t now, const char *clock);
/* True when the presenter scene changed since it was last built. */
bool show_presenter_dirty(const Show *s);
/* The rehearsal record of the lecture in progress, or NULL. */
const Rehearsal *show_rehearsal(const Show *s);
/* Whether exhibitions are now shown as lectures, and whether that changed
 * since the last call (the platform opens or closes the presenter view). */
bool show_lecture_mode(const Show *s);
bool show_take_lecture_change(Show *s);
/* Ask the platform to swap the audience and presenter displays? Cleared by
 * reading it. */
bool show_take_swap_request(Show *s);
/* What the visitor asked of the slide's film since the last call
 * (ACT_FILM_PLAY, _BACK, _FORWARD, _SEEK, _VOLUME_*; ACT_NONE: nothing), and whether it is
 * now paused. The platform plays films (platform/films.h). */
int show_take_film_request(Show *s, bool *paused);
/* The platform opened a film (a slide came into view): it plays, or with
 * media.autoplay false waits paused for the visitor's play. */
void show_film_opened(Show *s);
/* The slide whose narration the visitor asked for (its media: the
 * recordings), while it is on screen; NULL: none. On a film's slide it is
 * the film's media too: the film is paused (show_take_film_request) and
 * its narration plays instead, until the film's controls take it back. */
const SlideMedia *show_narration(const Show *s);
/* The narration or reading aloud playing came to its end by itself (the
 * platform's word): its button shows play again. */
void show_sound_ended(Show *s);
/* The reading aloud the visitor asked for on a slide without a recording
 * (read_aloud.h): true with *out filled while it is on screen, in the
 * language on screen (a language switch gives the new language's words:
 * the platform starts them from their beginning), false: none. */
bool show_read_aloud(const Show *s, ReadAloud *out);
/* Quiet hours began or ended (the platform reads the wall clock): in them
 * no narration or reading aloud is offered, and one playing stops. */
void show_set_quiet(Show *s, bool quiet);
/* ACT_FILM_SEEK's moment: ms into the film's file (the scrub bar). */
int show_film_seek_ms(const Show *s);
/* The visitor's volume in percent (the volume buttons, within the
 * settings' media.max_volume); the platform applies it to every film. */
int show_film_volume(const Show *s);
/* What the platform's film m (its slide's media; NULL: none) is doing at
 * now: playing (not paused, not ended), its position and length in ms (-1:
 * unknown). The one way a film's progress reaches the show: a visitor
 * watching is not idle (kiosk_watching); while m is the film of the slide
 * on screen, the scrub bar and the presenter view show where it is (a film
 * turned away from says nothing). */
void show_film_state(Show *s, const SlideMedia *m, bool playing, int position_ms, int duration_ms,
                     uint64_t now);

/* One line of JSON: screen, exhibition, slide, slides, language, zoom,
 * running, (in --preview) problems, timer{elapsed_ms, remaining_ms, running}.
 * Returns the length (snprintf-style, may exceed n). */
int show_state_json(const Show *s, uint64_t now, char *buf, size_t n);

/* What an observer (the visitor statistics, stats.h) needs to know, read
 * after each event the show handled: the observer works out the rest by
 * comparing snapshots. */
typedef struct {
    Screen screen;
    bool attract;             /* the attract loop runs (screen is then SCREEN_HOME) */
    const char *exhibition;   /* id, or NULL without one; owned by the library */
    int slides;               /* the exhibition's slides, 0 without one */
    int slide;                /* 0-based, -1 without an exhibition */
    const char *lang;         /* the language code shown; owned by the show's config */
    double zoom;              /* 1.0 when not zoomed */
    bool captions;            /* the caption panel is shown */
    bool lecture;             /* lecture mode: nobody here is a visitor */
    unsigned long inputs;     /* visitors' key presses and touches so far (none in
                               * lectures or on the admin screen) */
    uint64_t last_input;      /* ms: when the latest of them came */
    unsigned long resets;     /* idle resets so far (the visitor walked away) */
    bool unattended;          /* a kiosk nobody uses: untouched since start, or reset since
                               * (resting, attract); never in a lecture or on the admin screen */
    bool film_playing;        /* the slide's film plays (show_film_state) */
    int film_ms, film_len_ms; /* its position and length, -1: no film on this slide, or unknown */
} ShowSnapshot;

/* Fill *out; its pointers are valid while the show and its library live. */
void show_snapshot(const Show *s, ShowSnapshot *out);
/* ---- hot reload ------------------------------------------------------------ */

/* Swap in lib, a reload of the library the show was showing. lib must
 * outlive the show (or the next swap); the old library may be freed as soon
 * as this returns, nothing here points into it any more. The visitor keeps
 * the exhibition (matched by id) and the slide: the slide showing the same
 * image file as before (of several, the one nearest the old position), else
 * the same slide number, or the last slide when there are fewer now. An
 * exhibition that is gone sends the show calmly to the home screen, its
 * card selection on the card nearest to where the exhibition was. Images
 * remembered as failed are forgotten (the files may have been fixed); the
 * attract playlist, lecture budgets and every selection follow the new
 * library. */
void show_set_library(Show *s, const Library *lib);

/* --preview: the latest load's diagnostics. While they hold errors, a banner
 * lists them (file paths relative to `root`, the DIR being previewed;
 * errors only, at most what fits, then "and N more") instead of the slide.
 * NULL or no errors: the slide again. The diagnostics are copied. */
void show_set_problems(Show *s, const DiagList *diags, const char *root);
/* Kiosk: the exhibition named at start (--exhibition) is missing or broken,
 * and vitrine shows the home screen until a reload brings it. While id is
 * set the state line says "waiting_for": id; NULL ends that. Copied; false
 * on out of memory (nothing set). */
bool show_set_waiting(Show *s, const char *id);
/* Kiosk (settings kiosk.exhibition_only with --exhibition id): the kiosk
 * shows exhibition id only. Home and the idle reset go to its 1-based
 * slide1, the attract loop shows its slides only, and while it is missing
 * (at start, or gone with a reload) a calm "being prepared" screen in
 * every offered language stands where the list of exhibitions would be,
 * until a library with it is set (show_set_library), which opens it at
 * once. Call before show_open. Copied; false on out of memory (nothing
 * set). */
bool show_set_only(Show *s, const char *id, int slide1);
/* The exhibition of show_set_only, or NULL. */
const char *show_only(const Show *s);
/* The id of the exhibition on screen, or NULL (home, admin over home). */
const char *show_exhibition_id(const Show *s);

#endif
