/* SPDX-License-Identifier: GPL-3.0-or-later */
/* displays.c - see displays.h */
#include "displays.h"

#include <SDL_syswm.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef VITRINE_HAVE_XRANDR
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/extensions/Xrandr.h>
#endif

struct Displays {
    Uint32 wake_event;           /* pushed when the list changed; (Uint32)-1: none */
#ifdef VITRINE_HAVE_XRANDR
    Display *x;                  /* the watcher's own connection; NULL: SDL's list is used */
    int rr_event;                /* RandR's first event number on it */
    SDL_Thread *watcher;
    int stop_pipe[2];            /* written to end the watcher */
    SDL_mutex *lock;             /* guards list and n */
    DisplayDesc list[DISPLAYS_MAX];
    int n;
    bool no_wm;                  /* nobody answers for the windows (no EWMH window manager) */
#endif
};

/* ---- SDL's list (Wayland, KMS/DRM, X11 without RandR) ------------------------- */

static int sdl_list(DisplayDesc *out, int max)
{
    int n = SDL_GetNumVideoDisplays(), k = 0;
    for (int i = 0; i < n && k < max; i++) {
        SDL_Rect b;
        if (SDL_GetDisplayBounds(i, &b) != 0 || b.w <= 0 || b.h <= 0)
            continue;
        const char *name = SDL_GetDisplayName(i);
        char buf[DISPLAY_NAME_MAX];
        snprintf(buf, sizeof buf, "%s", name && name[0] ? name : "display");
        if (display_find(out, k, buf) >= 0) /* two monitors of one model: told apart by number */
            snprintf(buf, sizeof buf, "%.40s #%d", name && name[0] ? name : "display", i);
        snprintf(out[k].name, sizeof out[k].name, "%s", buf);
        out[k].r = (Rect){b.x, b.y, b.w, b.h};
        k++;
    }
    return k;
}

/* ---- X11: RandR, read by the watcher ------------------------------------------- */

#ifdef VITRINE_HAVE_XRANDR

/* The outputs that are lit (have a CRTC), numbered as SDL numbers them: the
 * primary first, then in RandR's order; two outputs showing one CRTC (a
 * mirrored projector) count once. An output that says it is disconnected
 * but is still lit (a monitor unplugged with nobody to switch its CRTC
 * off) is left out, unless nothing else is lit. */
static int x_list(Display *x, DisplayDesc *out, int max)
{
    Window root = DefaultRootWindow(x);
    XRRScreenResources *res = XRRGetScreenResourcesCurrent(x, root);
    if (!res)
        return 0;
    RROutput primary = XRRGetOutputPrimary(x, root);
    DisplayDesc lit[DISPLAYS_MAX];
    RRCrtc crtcs[DISPLAYS_MAX];
    bool connected[DISPLAYS_MAX];
    int n = 0, n_connected = 0;
    for (int i = 0; i < res->noutput && n < DISPLAYS_MAX; i++) {
        XRROutputInfo *o = XRRGetOutputInfo(x, res, res->outputs[i]);
        XRRCrtcInfo *c = o && o->crtc ? XRRGetCrtcInfo(x, res, o->crtc) : NULL;
        bool clone = false;
        for (int j = 0; c && j < n; j++)
            clone |= crtcs[j] == o->crtc;
        if (c && !clone && c->width > 0 && c->height > 0) {
            /* the primary goes first: move the others up */
            int at = res->outputs[i] == primary ? 0 : n;
            memmove(&lit[at + 1], &lit[at], (size_t)(n - at) * sizeof lit[0]);
            memmove(&crtcs[at + 1], &crtcs[at], (size_t)(n - at) * sizeof crtcs[0]);
            memmove(&connected[at + 1], &connected[at], (size_t)(n - at) * sizeof connected[0]);
            snprintf(lit[at].name, sizeof lit[at].name, "%s", o->name);
            lit[at].r = (Rect){c->x, c->y, (int)c->width, (int)c->height};
            crtcs[at] = o->crtc;
            connected[at] = o->connection != RR_Disconnected;
            n_connected += connected[at];
            n++;
        }
        if (c)
            XRRFreeCrtcInfo(c);
        if (o)
            XRRFreeOutputInfo(o);
    }
    XRRFreeScreenResources(res);
    int k = 0;
    for (int i = 0; i < n && k < max; i++)
        if (connected[i] || n_connected == 0)
            out[k++] = lit[i];
    return k;
}

/* Sleep until RandR reports something; when its events have stopped for
 * DISPLAYS_SETTLE_MS, read the outputs and wake the main loop. */
static int watcher_main(void *arg)
{
    Displays *d = arg;
    struct pollfd fds[2] = {{ConnectionNumber(d->x), POLLIN, 0}, {d->stop_pipe[0], POLLIN, 0}};
    bool changed = false;
    for (;;) {
        while (XPending(d->x)) {
            XEvent ev;
            XNextEvent(d->x, &ev);
            if (ev.type == d->rr_event + RRScreenChangeNotify || ev.type == d->rr_event + RRNotify) {
                XRRUpdateConfiguration(&ev);
                changed = true;
            }
        }
        int r = poll(fds, 2, changed ? DISPLAYS_SETTLE_MS : -1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 || fds[1].revents || (fds[0].revents & (POLLERR | POLLHUP)))
            break;
        if (r == 0 && changed) {
            DisplayDesc list[DISPLAYS_MAX];
            int n = x_list(d->x, list, DISPLAYS_MAX);
            SDL_LockMutex(d->lock);
            memcpy(d->list, list, (size_t)n * sizeof list[0]);
            d->n = n;
            SDL_UnlockMutex(d->lock);
            changed = false;
            SDL_Event wake = {.type = d->wake_event};
            if (wake.type != (Uint32)-1)
                SDL_PushEvent(&wake);
        }
    }
    return 0;
}

static int ignore_x_error(Display *x, XErrorEvent *e)
{
    (void)x;
    (void)e;
    return 0;
}

/* The window root's _NET_SUPPORTING_WM_CHECK names, if a window manager
 * that follows EWMH runs: the window must exist and name itself (a manager
 * that died leaves the property on the root behind it). */
static Window wm_check(Display *x, Window w)
{
    Atom check = XInternAtom(x, "_NET_SUPPORTING_WM_CHECK", True), type;
    if (check == None)
        return None;
    int format;
    unsigned long n, left;
    unsigned char *data = NULL;
    Window found = None;
    if (XGetWindowProperty(x, w, check, 0, 1, False, XA_WINDOW, &type, &format, &n, &left, &data) == Success &&
        type == XA_WINDOW && format == 32 && n == 1)
        found = *(Window *)data;
    if (data)
        XFree(data);
    return found;
}

static bool x_window_manager(Display *x)
{
    Window root = DefaultRootWindow(x), w = wm_check(x, root);
    if (w == None)
        return false;
    XSync(x, False);
    int (*old)(Display *, XErrorEvent *) = XSetErrorHandler(ignore_x_error); /* w may be gone */
    bool alive = wm_check(x, w) == w;
    XSync(x, False);
    XSetErrorHandler(old);
    return alive;
}

/* Follow RandR when SDL runs on X11 with one X screen (two X screens, where
 * windows cannot move between them, are left to SDL's list). */
static void x_start(Displays *d)
{
    d->stop_pipe[0] = d->stop_pipe[1] = -1;
    const char *driver = SDL_GetCurrentVideoDriver();
    if (!driver || strcmp(driver, "x11") != 0)
        return;
    int rr_error, major = 0, minor = 0;
    d->x = XOpenDisplay(NULL);
    d->no_wm = d->x && !x_window_manager(d->x);
    if (!d->x || ScreenCount(d->x) != 1 || !XRRQueryExtension(d->x, &d->rr_event, &rr_error) ||
        !XRRQueryVersion(d->x, &major, &minor) || (major == 1 && minor < 3)) {
        SDL_Log("displays: no RandR 1.3 on one X screen; display changes are followed as SDL sees them");
        if (d->x)
            XCloseDisplay(d->x);
        d->x = NULL;
        return;
    }
    XRRSelectInput(d->x, DefaultRootWindow(d->x),
                   RRScreenChangeNotifyMask | RRCrtcChangeNotifyMask | RROutputChangeNotifyMask);
    d->n = x_list(d->x, d->list, DISPLAYS_MAX);
    XSync(d->x, False);
    d->lock = SDL_CreateMutex();
    if (!d->lock || pipe(d->stop_pipe) != 0 ||
        !(d->watcher = SDL_CreateThread(watcher_main, "vitrine-displays", d))) {
        SDL_Log("displays: cannot watch for display changes: %s", SDL_GetError());
        XCloseDisplay(d->x);
        d->x = NULL;
    }
}

static void x_stop(Displays *d)
{
    if (d->watcher) {
        ssize_t ignored = write(d->stop_pipe[1], "x", 1);
        (void)ignored;
        SDL_WaitThread(d->watcher, NULL);
    }
    for (int i = 0; i < 2; i++)
        if (d->stop_pipe[i] >= 0)
            close(d->stop_pipe[i]);
    if (d->lock)
        SDL_DestroyMutex(d->lock);
    if (d->x)
        XCloseDisplay(d->x);
}

#endif /* VITRINE_HAVE_XRANDR */

/* ---- the interface ------------------------------------------------------------- */

Displays *displays_create(void)
{
    Displays *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->wake_event = SDL_RegisterEvents(1);
#ifdef VITRINE_HAVE_XRANDR
    x_start(d);
#endif
    return d;
}

void displays_free(Displays *d)
{
    if (!d)
        return;
#ifdef VITRINE_HAVE_XRANDR
    x_stop(d);
#endif
    free(d);
}

int displays_list(Displays *d, DisplayDesc *out, int max)
{
#ifdef VITRINE_HAVE_XRANDR
    if (d && d->x) {
        SDL_LockMutex(d->lock);
        int n = d->n < max ? d->n : max;
        memcpy(out, d->list, (size_t)n * sizeof out[0]);
        SDL_UnlockMutex(d->lock);
        return n;
    }
#endif
    return sdl_list(out, max);
}

bool displays_window_manager(const Displays *d)
{
#ifdef VITRINE_HAVE_XRANDR
    return !(d && d->no_wm);
#else
    (void)d;
    return true;
#endif
}

bool displays_event(const Displays *d, const SDL_Event *e)
{
    return e->type == SDL_DISPLAYEVENT || (d && d->wake_event != (Uint32)-1 && e->type == d->wake_event);
}

bool displays_place(SDL_Window *win, Rect r)
{
    if (!win || r.w <= 0 || r.h <= 0)
        return false;
#ifdef VITRINE_HAVE_XRANDR
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (SDL_GetWindowWMInfo(win, &info) && info.subsystem == SDL_SYSWM_X11) {
        Display *x = info.info.x11.display;
        Window w = info.info.x11.window, child;
        XWindowAttributes at;
        int rx, ry;
        if (XGetWindowAttributes(x, w, &at) && XTranslateCoordinates(x, w, at.root, 0, 0, &rx, &ry, &child) &&
            rx == r.x && ry == r.y && at.width == r.w && at.height == r.h)
            return false;
        XMoveResizeWindow(x, w, r.x, r.y, (unsigned)r.w, (unsigned)r.h);
        XFlush(x);
        return true;
    }
#endif
    /* Elsewhere SDL reports a fullscreen window at its display's origin:
     * only the size tells. Out of fullscreen, moved, and back. */
    int w, h;
    SDL_GetWindowSize(win, &w, &h);
    if (w == r.w && h == r.h)
        return false;
    Uint32 full = SDL_GetWindowFlags(win) & SDL_WINDOW_FULLSCREEN_DESKTOP;
    if (full)
        SDL_SetWindowFullscreen(win, 0);
    SDL_SetWindowPosition(win, r.x, r.y);
    SDL_SetWindowSize(win, r.w, r.h);
    if (full)
        SDL_SetWindowFullscreen(win, full);
    return true;
}
