/* SPDX-License-Identifier: GPL-3.0-or-later */
/* input.h - SDL_Event -> the core's Event, as a pure function.
 *
 * Everything translation needs from the program (the clock, the window's
 * sizes, which window is the presenter view, when a finger last touched) is
 * handed in as an InputView, and what the program must do besides handing
 * the Event to the show (measure the window again, redraw, look at the
 * displays) comes back as flags. So it is tested with SDL_Events built by
 * hand, without a display (tests/platform/test_input.c).
 */
#ifndef VITRINE_PLATFORM_INPUT_H
#define VITRINE_PLATFORM_INPUT_H

#include <SDL.h>
#include <stdint.h>

#include "core/event.h"

/* Some touchscreens send mouse events of their own right after a touch (not
 * marked SDL_TOUCH_MOUSEID): one tap must act once. */
#define INPUT_MOUSE_AFTER_TOUCH_MS 500

/* What translation is told about the program at the moment of the event. */
typedef struct {
    uint64_t now;              /* ms, the app's clock (virtual in replays), not SDL's timestamps */
    int w, h;                  /* the audience's drawable size in pixels */
    int win_w, win_h;          /* its window's size in window coordinates (mouse events'); w, h headless */
    Uint32 presenter_window;   /* SDL window id of the presenter view; 0 = none */
    uint64_t last_finger;      /* `now` of the latest finger event plus 1; 0 = none yet */
} InputView;

/* What came of an SDL_Event (flags, any number of them). */
enum {
    INPUT_EVENT = 1u << 0,     /* out holds an Event for the show */
    INPUT_FINGER = 1u << 1,    /* a finger event: set last_finger to now + 1 */
    INPUT_RESIZED = 1u << 2,   /* the window changed size: measure it again and put the new
                                * drawable size into out->w, out->h (an EV_RESIZE) */
    INPUT_DISPLAYS = 1u << 3,  /* a window moved or was resized: look at the displays */
    INPUT_REDRAW = 1u << 4,    /* the window needs repainting */
    INPUT_RESET = 1u << 5,     /* the renderer lost its textures: make them again, and redraw */
};

/* Translate e as seen through v into *out (zeroed first; valid when the
 * result has INPUT_EVENT). Returns the INPUT_* flags, 0 for an event the
 * core does not care about. Reads nothing but its arguments. */
unsigned input_translate(const SDL_Event *e, const InputView *v, Event *out);

#endif
