/* SPDX-License-Identifier: GPL-3.0-or-later */
/* video_choice.c - see video_choice.h */
#include "video_choice.h"

#include <stdio.h>

static bool set(const char *v)
{
    return v && *v;
}

VideoChoice video_choose(const char *sdl_videodriver, const char *wayland_display, const char *display,
                         bool render_node)
{
    VideoChoice c = {NULL, ""};
    if (set(sdl_videodriver)) {
        snprintf(c.why, sizeof c.why, "video driver %.40s: SDL_VIDEODRIVER asks for it", sdl_videodriver);
        return c;
    }
    if (!set(wayland_display))
        return c; /* X11 or a console: SDL's own order has one driver to try */
    if (render_node) {
        c.driver = "wayland";
        snprintf(c.why, sizeof c.why, "video driver wayland: under Wayland (%.40s) with a GPU", wayland_display);
    } else if (set(display)) {
        c.driver = "x11";
        snprintf(c.why, sizeof c.why,
                 "video driver x11 through Xwayland (%.40s): under Wayland without a GPU (/dev/dri has no render "
                 "node), SDL's software renderer in an X11 window takes half the memory of OpenGL on llvmpipe",
                 display);
    } else {
        c.driver = "wayland";
        snprintf(c.why, sizeof c.why,
                 "video driver wayland: no GPU and no Xwayland (DISPLAY unset), so OpenGL on llvmpipe, "
                 "twice the memory (install xwayland)");
    }
    return c;
}
