/* SPDX-License-Identifier: GPL-3.0-or-later */
/* outputs.c - see outputs.h */
#include "outputs.h"

#include <SDL_image.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "video_choice.h"

/* A GPU the kernel drives: a render node in /dev/dri. */
static bool gpu_present(void)
{
    DIR *d = opendir("/dev/dri");
    bool found = false;
    for (struct dirent *e; d && !found && (e = readdir(d)) != NULL;)
        found = strncmp(e->d_name, "renderD", 7) == 0;
    if (d)
        closedir(d);
    return found;
}

void outputs_prepare(bool headless, bool windowed)
{
    /* A kiosk: closing the window does not end the program (only SIGTERM
     * does), and losing focus does not minimise it to show a desktop. */
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    /* A fullscreen kiosk has no title bar to draw. cage (without -d) asks
     * its clients to draw their own; SDL 2.26 then moves the window over to
     * libdecor, which without a plugin installed never shows it again: a
     * black screen (tests/cage/run.sh), and with one a title bar. */
    if (!headless && !windowed)
        SDL_SetHint(SDL_HINT_VIDEO_WAYLAND_ALLOW_LIBDECOR, "0");
}

bool outputs_init_sdl(bool headless)
{
    VideoChoice v = {NULL, ""};
    if (!headless) {
        v = video_choose(getenv("SDL_VIDEODRIVER"), getenv("WAYLAND_DISPLAY"), getenv("DISPLAY"), gpu_present());
        if (v.driver)
            SDL_SetHint(SDL_HINT_VIDEODRIVER, v.driver);
        if (v.why[0])
            SDL_Log("vitrine: %s", v.why);
    }
    Uint32 what = headless ? SDL_INIT_EVENTS : SDL_INIT_VIDEO | SDL_INIT_EVENTS;
    if (SDL_Init(what) == 0)
        return true;
    if (v.driver) {
        /* Xwayland gone or refusing: a kiosk with more memory beats a
         * kiosk that does not start. */
        SDL_Log("vitrine: the %s video driver did not start (%s): SDL's own choice instead", v.driver,
                SDL_GetError());
        SDL_ResetHint(SDL_HINT_VIDEODRIVER);
        if (SDL_Init(what) == 0)
            return true;
    }
    fprintf(stderr, "vitrine: cannot start SDL: %s\n", SDL_GetError());
    return false;
}

void outputs_choose_renderer(void)
{
    if (gpu_present())
        return; /* SDL's first choice: OpenGL on the GPU */
    const char *video = SDL_GetCurrentVideoDriver();
    if (video && strcmp(video, "wayland") == 0) {
        /* SDL 2.26 reaches a Wayland window only through EGL (it has no
         * shared-memory framebuffer there), so without a GPU every renderer
         * ends in Mesa's llvmpipe. OpenGL drew and presented fastest of them
         * (README, Running a kiosk: about twice the memory of the software
         * renderer under X11). */
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengl");
        SDL_Log("vitrine: no GPU (/dev/dri has no render node) under Wayland: OpenGL on Mesa's llvmpipe "
                "(SDL has no software path to a Wayland window)");
        return;
    }
    /* Without a GPU, OpenGL is Mesa's llvmpipe: 55 MB of LLVM in memory
     * and a slow present. SDL's software renderer drawing straight into
     * the window's shared-memory image was faster on every figure of
     * bench/run and 70 MB smaller. SDL_RENDER_DRIVER still decides. */
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_Log("vitrine: no GPU (/dev/dri has no render node): the software renderer");
}

/* ---- one output ---------------------------------------------------------- */

bool outputs_offscreen(Output *o, int w, int h)
{
    if (o->ren)
        SDL_DestroyRenderer(o->ren);
    SDL_FreeSurface(o->target);
    o->ren = NULL;
    o->target = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (o->target)
        o->ren = SDL_CreateSoftwareRenderer(o->target);
    if (!o->ren) {
        fprintf(stderr, "vitrine: cannot make a %dx%d off-screen renderer: %s\n", w, h, SDL_GetError());
        return false;
    }
    o->w = w;
    o->h = h;
    return true;
}

void outputs_drop(Output *o)
{
    textures_free(o->tex);
    text_free(o->text); /* before the renderer: it owns textures */
    if (o->ren)
        SDL_DestroyRenderer(o->ren);
    SDL_FreeSurface(o->target);
    if (o->win)
        SDL_DestroyWindow(o->win);
    int display = o->display;
    memset(o, 0, sizeof *o);
    o->display = display;
}

bool outputs_caches(const Outputs *all, Output *o)
{
    o->text = text_create();
    o->tex = textures_create(&all->tex_config);
    if (!o->text || !o->tex) {
        fprintf(stderr, "vitrine: cannot set up text (is fonts-noto-core installed?)\n");
        return false;
    }
    return true;
}

/* A window over display d (number `index` in known): fullscreen at its
 * size, or a development window of the asked size in its middle. */
static bool output_window(const Outputs *all, Output *o, const DisplayDesc *d, int index, const char *title)
{
    Uint32 full = displays_window_manager(all->displays) ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_BORDERLESS;
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | (all->windowed ? SDL_WINDOW_RESIZABLE : full);
    int w = all->want_w > 0 ? all->want_w : OUTPUTS_WINDOWED_W, h = all->want_h > 0 ? all->want_h : OUTPUTS_WINDOWED_H;
    int x = d->r.x + (d->r.w - w) / 2, y = d->r.y + (d->r.h - h) / 2;
    if (!all->windowed) {
        /* Kiosks often run with no window manager (xinit + vitrine), where
         * nobody honours the fullscreen request: so also make the window
         * exactly the size of the display, at its corner. */
        x = d->r.x;
        y = d->r.y;
        w = d->r.w;
        h = d->r.h;
    }
    o->display = index;
    snprintf(o->display_name, sizeof o->display_name, "%s", d->name);
    if (flags & SDL_WINDOW_BORDERLESS)
        SDL_Log("%s: no window manager: a borderless window over display %d, where a fullscreen request would go "
                "unanswered",
                title, index);
    o->win = SDL_CreateWindow(title, x, y, w, h, flags);
    if (!o->win) {
        fprintf(stderr, "vitrine: cannot open a window: %s\n", SDL_GetError());
        return false;
    }
    /* SDL puts a fullscreen window where it saw the display at start. */
    if (!all->windowed)
        displays_place(o->win, d->r);
    o->ren = SDL_CreateRenderer(o->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!o->ren) {
        SDL_Log("no accelerated renderer (%s); using the software one", SDL_GetError());
        o->ren = SDL_CreateRenderer(o->win, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!o->ren) {
        fprintf(stderr, "vitrine: cannot create a renderer: %s\n", SDL_GetError());
        return false;
    }
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(o->ren, &info) == 0) {
        SDL_Log("%s: renderer %s on display %d (%s)", title, info.name, index, d->name);
        /* SDL falls back to another renderer without a word: say so */
        const char *want = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
        if (want && *want && SDL_strcasecmp(want, info.name) != 0)
            SDL_Log("%s: renderer %s was asked for and could not be made: %s instead", title, want, info.name);
    }
    SDL_GetRendererOutputSize(o->ren, &o->w, &o->h);
    return outputs_caches(all, o);
}

bool outputs_screenshot(const Output *o, const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, o->w, o->h, 24, SDL_PIXELFORMAT_RGB24);
    bool ok = s && SDL_RenderReadPixels(o->ren, NULL, SDL_PIXELFORMAT_RGB24, s->pixels, s->pitch) == 0 &&
              IMG_SavePNG(s, path) == 0;
    if (!ok)
        fprintf(stderr, "vitrine: cannot write screenshot %s: %s\n", path, SDL_GetError());
    SDL_FreeSurface(s);
    if (o->win)
        SDL_RenderPresent(o->ren);
    return ok;
}

void outputs_window_point(const Output *o, double fx, double fy, int *x, int *y)
{
    *x = (int)(fx * o->w);
    *y = (int)(fy * o->h);
    if (o->win) {
        int ww, wh;
        SDL_GetWindowSize(o->win, &ww, &wh);
        *x = (int)(fx * ww);
        *y = (int)(fy * wh);
    }
}

/* ---- opening and closing --------------------------------------------------- */

bool outputs_open_offscreen(Outputs *o, int w, int h, bool presenter)
{
    if (!outputs_caches(o, &o->out) || !outputs_offscreen(&o->out, w, h))
        return false;
    return !presenter || (outputs_caches(o, &o->pres) && outputs_offscreen(&o->pres, w, h));
}

void outputs_choose(Outputs *o, bool lecture)
{
    o->displays = displays_create();
    o->n_known = displays_list(o->displays, o->known, DISPLAYS_MAX);
    if (o->n_known == 0) /* nothing lit as RandR sees it: take SDL's word */
        o->n_known = displays_list(NULL, o->known, DISPLAYS_MAX);
    DisplayChoice c = display_plan_choose(&o->home, o->known, o->n_known, lecture, o->presenter_display);
    o->audience = c.audience;
    o->presenter = c.presenter;
}

bool outputs_open_windows(Outputs *o)
{
    int audience = o->audience, presenter = o->presenter;
    if (audience < 0 || audience >= o->n_known) {
        fprintf(stderr, "vitrine: no display to show on\n");
        return false;
    }
    if (!output_window(o, &o->out, &o->known[audience], audience, "vitrine"))
        return false;
    if (!o->windowed)
        SDL_ShowCursor(SDL_DISABLE); /* a touch kiosk shows no mouse pointer */
    if (presenter >= 0 && presenter < o->n_known &&
        !output_window(o, &o->pres, &o->known[presenter], presenter, "vitrine presenter"))
        return false;
    return true;
}

void outputs_close(Outputs *o)
{
    displays_free(o->displays);
    o->displays = NULL;
    outputs_drop(&o->pres);
    outputs_drop(&o->out);
}

void outputs_measure(Outputs *o)
{
    if (o->out.ren && !o->headless)
        SDL_GetRendererOutputSize(o->out.ren, &o->out.w, &o->out.h);
    if (o->pres.ren && !o->headless)
        SDL_GetRendererOutputSize(o->pres.ren, &o->pres.w, &o->pres.h);
}

void outputs_forget_all(Outputs *o)
{
    Output *each[2] = {&o->out, &o->pres};
    for (int i = 0; i < 2; i++) {
        Output *p = each[i];
        if (p == &o->pres && !p->ren)
            continue;
        textures_forget(p->tex);
        if (p->text) {
            text_forget(p->text);
            text_forget_fonts(p->text);
        }
        if (o->headless && p->ren && !outputs_offscreen(p, p->w, p->h))
            fprintf(stderr, "vitrine: soak: cannot make the off-screen renderer again\n");
    }
}

/* ---- the lecture's presenter view and the displays --------------------------- */

void outputs_sync_presenter(Outputs *o, bool lecture, uint64_t now)
{
    if (lecture && !o->pres.ren) {
        if (o->headless) {
            if (!outputs_caches(o, &o->pres) || !outputs_offscreen(&o->pres, o->out.w, o->out.h))
                outputs_drop(&o->pres);
        } else {
            outputs_follow(o, lecture, now); /* opens it when there is a second display */
        }
    } else if (!lecture && o->pres.ren) {
        outputs_drop(&o->pres);
    }
}

/* X screens, unlike RandR outputs, cannot pass a window on: both are made again. */
bool outputs_swap(Outputs *o, bool *reopened)
{
    if (o->headless || !o->pres.ren)
        return false;
    DisplayChoice was = {o->out.display, o->pres.display};
    display_plan_swap(&o->home, o->known, o->n_known, was);
    outputs_drop(&o->out);
    outputs_drop(&o->pres);
    o->audience = was.presenter;
    o->presenter = was.audience;
    *reopened = outputs_open_windows(o);
    if (!*reopened)
        SDL_Log("cannot swap the displays");
    return true;
}

/* Output p goes over display i of known: the same display at a new size,
 * or another one (its own is gone, or it is back). */
static void output_follow(Outputs *o, Output *p, int i, const char *what, uint64_t now)
{
    const DisplayDesc *d = &o->known[i];
    bool moves = strcmp(p->display_name, d->name) != 0;
    if (moves)
        fprintf(stderr, "vitrine: display: %s move to display %d (%s, %dx%d)\n", what, i, d->name, d->r.w,
                d->r.h);
    p->display = i;
    snprintf(p->display_name, sizeof p->display_name, "%s", d->name);
    if (o->windowed || !p->win) /* a development window stays where its developer put it */
        return;
    if (now >= o->placed_at + OUTPUTS_PLACE_AGAIN_MS) {
        o->placed_at = now;
        o->placements = 0;
    }
    if (o->placements < OUTPUTS_PLACE_TRIES && displays_place(p->win, d->r)) {
        o->placements++;
        if (moves)
            SDL_RaiseWindow(p->win);
    }
}

bool outputs_follow(Outputs *o, bool lecture, uint64_t now)
{
    if (o->headless || !o->out.win)
        return false;
    DisplayDesc cur[DISPLAYS_MAX];
    int n = displays_list(o->displays, cur, DISPLAYS_MAX);
    if (n <= 0)
        return false; /* nothing lit (a monitor between two modes): leave everything until one is */
    if (!display_list_equal(o->known, o->n_known, cur, n)) {
        char lines[DISPLAYS_MAX][DISPLAY_LINE_MAX];
        int k = display_plan_describe(o->known, o->n_known, cur, n, lines, DISPLAYS_MAX);
        for (int i = 0; i < k && i < DISPLAYS_MAX; i++)
            fprintf(stderr, "vitrine: %s\n", lines[i]);
        memcpy(o->known, cur, (size_t)n * sizeof cur[0]);
        o->n_known = n;
        o->placements = 0;
        o->placed_at = now;
    }
    DisplayChoice c = display_plan_choose(&o->home, o->known, n, lecture, o->presenter_display);
    output_follow(o, &o->out, c.audience, "the slides", now);
    bool had = o->pres.ren != NULL;
    if (had && c.presenter < 0) {
        if (lecture)
            fprintf(stderr, "vitrine: display: the presenter view closes, one display is left; the lecture "
                            "goes on (T shows the timer on the slides)\n");
        outputs_drop(&o->pres);
        /* The clicker's keys went to the window that is gone, maybe: to the slides. */
        SDL_RaiseWindow(o->out.win);
        SDL_SetWindowInputFocus(o->out.win);
    } else if (!had && c.presenter >= 0) {
        fprintf(stderr, "vitrine: display: the presenter view opens on display %d (%s, %dx%d)\n", c.presenter,
                o->known[c.presenter].name, o->known[c.presenter].r.w, o->known[c.presenter].r.h);
        if (!output_window(o, &o->pres, &o->known[c.presenter], c.presenter, "vitrine presenter"))
            outputs_drop(&o->pres);
    } else if (had) {
        output_follow(o, &o->pres, c.presenter, "the presenter view", now);
    }
    return true;
}
