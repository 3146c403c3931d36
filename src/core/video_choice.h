/* SPDX-License-Identifier: GPL-3.0-or-later */
/* video_choice.h - which of SDL's video drivers a window goes through.
 *
 * Under Wayland without a GPU, SDL 2.26 reaches a Wayland window only
 * through EGL, that is OpenGL on Mesa's llvmpipe: about twice the memory of
 * SDL's software renderer drawing into an X11 window (README, Running a
 * kiosk: 187 MB against 86 MB paging 100 4K slides at 1080p). cage starts
 * Xwayland and gives its program DISPLAY when Xwayland is installed, so
 * there vitrine goes through X11 instead, by itself. With a GPU, Wayland
 * and OpenGL on the GPU. What the user set in SDL_VIDEODRIVER always wins.
 *
 * A pure function of the environment's values and of whether /dev/dri has
 * a render node: the platform reads them and sets SDL's hint before
 * SDL_Init (outputs_prepare()); unit.test_video_choice covers each case.
 */
#ifndef VITRINE_VIDEO_CHOICE_H
#define VITRINE_VIDEO_CHOICE_H

#include <stdbool.h>

#define VIDEO_CHOICE_LINE_MAX 256 /* bytes of VideoChoice.why, with the NUL */

typedef struct {
    /* The driver to ask SDL for ("x11", "wayland"), or NULL: leave it to
     * SDL_VIDEODRIVER (the user's) or to SDL's own order. */
    const char *driver;
    /* One line for the log: the choice and the reason ("" when there was
     * nothing to choose: neither Wayland nor SDL_VIDEODRIVER). */
    char why[VIDEO_CHOICE_LINE_MAX];
} VideoChoice;

/* sdl_videodriver, wayland_display, display: those environment variables'
 * values (NULL or "" when unset); render_node: /dev/dri has a renderD*. */
VideoChoice video_choose(const char *sdl_videodriver, const char *wayland_display, const char *display,
                         bool render_node);

#endif
