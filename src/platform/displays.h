/* SPDX-License-Identifier: GPL-3.0-or-later */
/* displays.h - the displays as they are now, news when they change, and a
 * window put exactly over one.
 *
 * SDL 2.26 is not enough for this under X11: it reads each display's size
 * once, at start ("FIXME: update rotation or current mode of existing
 * display?" in its RandR code), and an output switched off with xrandr
 * stays in its list. So under X11 (with RandR, one X screen) a watcher
 * thread holds its own X connection, sleeps in poll() until RandR reports
 * a change, waits until the burst of events settles (a mode change is
 * several), reads the outputs that are lit and wakes the main loop with an
 * SDL user event. Elsewhere (Wayland, KMS/DRM) SDL's own list and its
 * SDL_DISPLAYEVENTs are used.
 *
 * Placing a window: a kiosk often runs without a window manager (xinit +
 * vitrine), where nobody resizes a fullscreen window when the resolution
 * changes; displays_place() does it (XMoveResizeWindow under X11), and SDL
 * reports the new size as SDL_WINDOWEVENT_SIZE_CHANGED as for any resize.
 */
#ifndef VITRINE_PLATFORM_DISPLAYS_H
#define VITRINE_PLATFORM_DISPLAYS_H

#include <SDL.h>
#include <stdbool.h>

#include "core/display_plan.h"

#define DISPLAYS_SETTLE_MS 200   /* quiet this long after RandR's last event before reading the outputs */

typedef struct Displays Displays;

/* Start following the displays; call after SDL_Init(SDL_INIT_VIDEO). NULL
 * only when out of memory (then displays_list reads SDL's list). */
Displays *displays_create(void);
/* Stops the watcher thread. NULL is fine. */
void displays_free(Displays *d);

/* The displays now, the primary first, at most max (DISPLAYS_MAX). Returns
 * how many; 0 when none is lit (a monitor between two modes). d may be NULL. */
int displays_list(Displays *d, DisplayDesc *out, int max);

/* Is e news that the displays may have changed: the watcher's wake-up, or
 * an SDL_DISPLAYEVENT (connected, disconnected, orientation)? */
bool displays_event(const Displays *d, const SDL_Event *e);

/* Is a window manager looking after the windows? False only under X11
 * when none has announced itself (EWMH's _NET_SUPPORTING_WM_CHECK), as in
 * the xinit + vitrine kiosk: there a fullscreen request is answered by
 * nobody, and SDL 2.26 waits 100 ms at every window for the answer
 * (X11_SetWindowFullscreenViaWM), so such a window is made borderless at
 * the display's exact place and size instead. d may be NULL. */
bool displays_window_manager(const Displays *d);

/* Make win cover r exactly (desktop pixels). Returns true when it had to
 * move or resize it (the new size arrives as a window event), false when it
 * was already there. */
bool displays_place(SDL_Window *win, Rect r);

#endif
