/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app.h - the program: start-up, the main loop, and what the drivers above
 * it (replays: replayer.h; --learn-keys: learnkeys.h) need to run it.
 *
 * Every input, real or scripted, goes SDL_Event -> input_translate() ->
 * Event -> show_handle(). Replays push SDL events and pump them through the
 * same path; only the clock differs (virtual, advanced by app_advance).
 */
#ifndef VITRINE_PLATFORM_APP_H
#define VITRINE_PLATFORM_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/settings.h"
#include "core/show.h"

typedef struct {
    const char *dir;          /* exhibitions folder, or one exhibition */
    const char *exhibition;   /* open this id at start, or NULL for home */
    int slide;                /* 1-based slide for `exhibition`; 0 = first */
    const char *lang;         /* start language, or NULL */
    int w, h;                 /* --size; 0 = the display's (or 1920x1080 headless) */
    bool windowed;            /* a development window instead of fullscreen */
    const char *state_file;   /* keep the state JSON here, rewritten on change */
    const char *settings;     /* settings file; NULL = the default location, if it exists */
    const char *state_dir;    /* lecture records, visitor statistics; NULL = settings' (not in replays) */
    bool lecture;             /* a lecture deck with timer and presenter view */
    int duration_min;         /* --duration; 0 = the manifest's */
    bool preview;             /* --preview: a curator's window on one exhibition; problems on a banner */
    /* --render: a missing or broken `exhibition` is an error. Else a kiosk
     * shows the home screen and waits for it (content_wait_for): content
     * never ends the program. Lectures and --preview still stop on it. */
    bool exhibition_required;
    /* without --state-dir, the settings' state folder holds the start
     * index (app_run: the real kiosk; replays use only what they are told) */
    bool settings_state;
} AppOptions;

/* Fullscreen (or windowed) interactive run; the folder is watched and
 * reloaded as it changes (hotreload.h). Returns the exit status. */
int app_run(const AppOptions *opt);
/* Draw one screen headless and write it to out_png. */
int app_render(const AppOptions *opt, const char *out_png);

/* ---- for the drivers above the loop ------------------------------------------ */

typedef struct App App;

/* Start: settings, SDL, the library, the outputs (off-screen when headless,
 * else windows on the displays), the show. NULL (with messages on stderr,
 * everything already closed) when it cannot. Free with app_close(). */
App *app_open(const AppOptions *opt, bool headless);
/* Close everything, statistics written. NULL is fine. */
void app_close(App *a);
/* From now on time is virtual, from 0, advanced only by app_advance();
 * pictures are decoded before anything is drawn (app_settle). */
void app_use_virtual_clock(App *a);
/* Watch the folder for changes on the virtual clock (loads are waited for). */
void app_watch(App *a);
/* ms on the app's clock (real or virtual). */
uint64_t app_now(const App *a);
/* The show, the settings: owned by the app, valid until app_close(). */
Show *app_show(App *a);
Settings *app_settings(App *a);

/* Handle every event in SDL's queue. */
void app_pump(App *a);
/* Move the virtual clock on by ms, ticking the show at each of its
 * deadlines and taking in reloads that fall due. */
void app_advance(App *a, uint64_t ms);
/* Decode the pictures the scene wants now, as if decoding took no time. */
void app_settle(App *a);
/* Take in a reload that is ready (hotreload.h). */
void app_reload(App *a);
/* A library started from the start index is replaced by the whole one now
 * (content_complete): before anything acts on the show but its first frames. */
void app_complete(App *a);
/* After a scripted step: statistics, the presenter view and displays as the
 * show asks, pictures settled, the window (if any) presented. */
void app_step_done(App *a);
/* Paint the window now, when there is one. */
void app_present_window(App *a);
/* Draw the audience's (and presenter) frame and write it as PNG to path;
 * false with a message. */
bool app_screenshot(App *a, const char *path);
bool app_presenter_screenshot(App *a, const char *path);
/* Draw every output's frame without presenting or reading it back (the
 * soak's frames). */
void app_draw_offscreen(App *a);
/* Whether the audience has a real window (not headless). */
bool app_has_window(const App *a);
/* The audience window's SDL id (1 headless, as SDL numbers a first window). */
uint32_t app_window_id(const App *a);
/* A point as fractions of the window, in window coordinates (which may be
 * smaller than pixels), as the mouse reports it. */
void app_window_point(const App *a, double fx, double fy, int *x, int *y);
/* Resize the audience's window, or remake its off-screen target, and let the
 * show know through the usual resize event. false with a message. */
bool app_resize(App *a, int w, int h);
/* Empty every cache (pictures, rendered lines, fonts) and end the film
 * thread and its player (the next film, narration or reading aloud starts
 * them again); the soak measures what is alive after this. */
void app_forget_caches(App *a);
/* Hot reloads taken in so far. */
int app_reloads(const App *a);
/* Count the lecture up to now and write its record. */
void app_save_rehearsal(App *a);
/* Paint `message` with `status` under it on the audience's window, in place
 * of the show (--learn-keys), and present it. */
void app_show_message(App *a, const char *message, const char *status);

#endif
