/* SPDX-License-Identifier: GPL-3.0-or-later */
/* outputs.h - the screens vitrine draws on: the audience's window and the
 * lecturer's presenter view, on the displays display_plan chooses, followed
 * as displays change size, go and come back; or off-screen targets for
 * replays and --render.
 *
 * The show is not seen here: callers tell it what changed (a presenter
 * view opened or closed, a new size), so this module sits beside the loop
 * in app.c, not above or below it.
 */
#ifndef VITRINE_PLATFORM_OUTPUTS_H
#define VITRINE_PLATFORM_OUTPUTS_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/display_plan.h"
#include "displays.h"
#include "text.h"
#include "textures.h"

#define OUTPUTS_WINDOWED_W 1280  /* a development window without --size */
#define OUTPUTS_WINDOWED_H 720
#define OUTPUTS_PLACE_TRIES 6    /* windows put back over their display per layout and PLACE_AGAIN_MS: */
#define OUTPUTS_PLACE_AGAIN_MS 10000 /* a window manager that insists on another size wins */

/* One screen vitrine draws on: the audience's, or the lecturer's presenter view. */
typedef struct {
    SDL_Window *win;             /* NULL headless */
    SDL_Renderer *ren;
    SDL_Surface *target;         /* headless: what the software renderer draws into */
    int w, h;                    /* drawable size in pixels */
    int display;                 /* index in Outputs.known of the display it is on */
    char display_name[DISPLAY_NAME_MAX]; /* and that display's name */
    Text *text;                  /* fonts and rendered lines for this renderer */
    Textures *tex;
} Output;

typedef struct {
    Output out;                  /* the audience (the only one in kiosk mode) */
    Output pres;                 /* the presenter view, when pres.ren */
    bool headless;
    bool windowed;               /* development windows (--windowed) instead of fullscreen */
    int want_w, want_h;          /* their size (--size); 0 = OUTPUTS_WINDOWED_W x _H */
    int presenter_display;       /* the settings' presenter_display */
    TexturesConfig tex_config;   /* every output's picture cache: budgets, wake event */
    Displays *displays;          /* the displays now, and news of changes (NULL headless) */
    DisplayDesc known[DISPLAYS_MAX]; /* the displays as the windows were last put on them */
    int n_known;
    DisplayHome home;            /* where the slides and the presenter view belong */
    int audience, presenter;     /* outputs_choose(): numbers in known; presenter -1 = none */
    int placements;              /* windows put back over their display since placed_at */
    uint64_t placed_at;          /* ms (the app's clock) of the layout change or the first of them */
} Outputs;

/* Before SDL_Init: hints that make the windows a kiosk's (closing one or
 * losing focus does not end or minimise anything; no decorations drawn by
 * libdecor around a fullscreen window under Wayland). */
void outputs_prepare(bool headless, bool windowed);
/* After outputs_prepare(): SDL_Init, headless for events only. With
 * windows, the video driver first (video_choice.h: X11 through Xwayland
 * under Wayland without a GPU; SDL_VIDEODRIVER always wins), said in one
 * log line; a driver chosen so that does not start gives way to SDL's own
 * order. false with a message. */
bool outputs_init_sdl(bool headless);
/* After outputs_init_sdl(), not headless (off-screen targets are
 * software anyway): the renderer, on purpose and said in the log. With a
 * GPU, SDL's choice (OpenGL); without one, SDL's software renderer under
 * X11, and OpenGL on llvmpipe under Wayland, where SDL has nothing else.
 * SDL_RENDER_DRIVER in the environment still decides. */
void outputs_choose_renderer(void);

/* ---- one output ------------------------------------------------------------ */

/* o's picture cache (o->tex_config of `all`) and fonts. false with a message. */
bool outputs_caches(const Outputs *all, Output *o);
/* (Re)make o as a w x h off-screen target with the software renderer,
 * keeping its caches. false with a message. */
bool outputs_offscreen(Output *o, int w, int h);
/* The frame drawn on o (not yet presented) as a PNG at path; a window is
 * then presented. false with a message. */
bool outputs_screenshot(const Output *o, const char *path);
/* A point as fractions of o, in window coordinates (which may be smaller
 * than pixels), as the mouse reports it. */
void outputs_window_point(const Output *o, double fx, double fy, int *x, int *y);
/* Free everything of o (caches before the renderer that owns their
 * textures); o is zeroed but remembers its display. */
void outputs_drop(Output *o);

/* ---- the set ----------------------------------------------------------------- */

/* Headless: an audience target of w x h and, for lectures, a presenter
 * view of the same size (replays check it). false with a message. */
bool outputs_open_offscreen(Outputs *o, int w, int h, bool presenter);
/* Windows: start following the displays and choose where the slides and
 * (lecture) the presenter view go, into o->audience and o->presenter. */
void outputs_choose(Outputs *o, bool lecture);
/* Open the windows outputs_choose() chose (fullscreen over their display,
 * or development windows). false with a message. */
bool outputs_open_windows(Outputs *o);
/* Close both outputs and the display watcher. */
void outputs_close(Outputs *o);

/* Read the drawable sizes again after a window's size changed. */
void outputs_measure(Outputs *o);
/* The presenter view follows the lecture (started or ended from the admin
 * menu): headless it is made or dropped; with windows it opens when a second
 * display is there. `now` is ms on the app's clock. */
void outputs_sync_presenter(Outputs *o, bool lecture, uint64_t now);
/* The lecturer asked to swap displays: both windows are made again, each on
 * the other's display. false when there is nothing to swap (headless, no
 * presenter view); else *reopened says whether both opened again. */
bool outputs_swap(Outputs *o, bool *reopened);
/* A display changed, or a window was moved or resized behind vitrine's
 * back: every window goes where display_plan says, the presenter view
 * closes or opens. false when nothing was looked at (headless, or no
 * display lit); the show learns a new size from the window's resize event. */
bool outputs_follow(Outputs *o, bool lecture, uint64_t now);
/* For the soak test (src/harness/): empty both outputs' caches, pictures,
 * rendered lines and fonts and, off-screen, the renderer, whose pool of
 * commands only grows. */
void outputs_forget_all(Outputs *o);

#endif
