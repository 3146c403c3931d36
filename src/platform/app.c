/* app.c - see app.h
 *
 * Every input, real or scripted, goes SDL_Event -> app_dispatch() -> Event ->
 * show_handle(). Replays push SDL events and pump them through the same path;
 * only the clock differs (virtual, advanced by `wait`).
 */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/cache_policy.h"
#include "core/display_plan.h"
#include "core/library.h"
#include "core/replay.h"
#include "core/replay_files.h"
#include "core/learn.h"
#include "core/lecture_report.h"
#include "core/settings.h"
#include "core/show.h"
#include "core/stats.h"
#include "core/stats_log.h"
#include "alloctrace.h"
#include "displays.h"
#include "hotreload.h"
#include "render.h"
#include "service.h"
#include "soakrun.h"
#include "texcount.h"
#include "text.h"
#include "textures.h"
#include "trace.h"

#define HEADLESS_W 1920
#define HEADLESS_H 1080
#define WINDOWED_W 1280
#define WINDOWED_H 720
#define HOLD_MS 120               /* a new slide whose picture is still decoding: keep the old frame this long */
#define SETTLE_MS 20000          /* replays: longest wait for the pictures of a scene */
#define REPLAY_STEP_MS 16        /* between scripted pointer samples */
#define REPLAY_TAP_MS 60         /* finger down to up in a scripted tap */
#define PLACE_TRIES 6            /* windows put back over their display per layout and PLACE_AGAIN_MS: */
#define PLACE_AGAIN_MS 10000     /* a window manager that insists on another size wins */

/* One screen vitrine draws on: the audience's, or the lecturer's presenter view. */
typedef struct {
    SDL_Window *win;             /* NULL headless */
    SDL_Renderer *ren;
    SDL_Surface *target;         /* headless: what the software renderer draws into */
    int w, h;                    /* drawable size in pixels */
    int display;                 /* index in App.known of the display it is on */
    char display_name[DISPLAY_NAME_MAX]; /* and that display's name */
    Text *text;                  /* fonts and rendered lines for this renderer */
    Textures *tex;
} Output;

typedef struct {
    AppOptions opt;
    bool headless;
    Output out;                  /* the audience (the only one in kiosk mode) */
    Output pres;                 /* the presenter view, when pres.ren */
    Settings settings;
    Text *mtext;                 /* fonts for measuring text: lives as long as the show */
    char stamp[32];              /* start time for file names, 20261125-190300 */
    Library *lib;
    Show *show;
    Measure measure;
    bool virtual_clock;
    uint64_t vnow;               /* ms, when virtual_clock */
    bool need_redraw;            /* the window needs repainting though the show did not change */
    char last_state[1024];       /* what was last written to opt.state_file */
    uint64_t last_finger;        /* app_now() of the latest finger event, 0 = none */
    uint64_t hold_since;         /* a new scene is waiting for its pictures since (0: not) */
    Stats *stats;                /* visitor statistics: the show observed */
    StatsLog stats_log;          /* and written to the state folder */
    int stats_log_state;         /* 0 = not decided yet, 1 = writing, -1 = not here */
    HotReload *reload;           /* the folder watched for changes, or NULL */
    DiagList load_diags;         /* the first load's problems, until --preview shows them */
    Displays *displays;          /* the displays now, and news of changes (NULL headless) */
    DisplayDesc known[DISPLAYS_MAX]; /* the displays as the windows were last put on them */
    int n_known;
    DisplayHome home;            /* where the slides and the presenter view belong */
    bool displays_check;         /* something happened that may have moved a display or a window */
    int placements;              /* windows put back over their display since placed_at */
    uint64_t placed_at;          /* app_now() of the layout change or the first of them */
    bool complete;               /* the last audience frame drew every image from real pixels (trace) */
    bool zoom_full_seen;         /* the zoomed picture was drawn at full resolution (trace) */
    bool zoom_full_new;          /* and that frame is the first such: trace it once presented */
    SoakRun *soak;               /* replays: the soak test running, or NULL */
} App;

/* How every output's picture cache is set up: the decoding threads push
 * wake_event when a picture is ready; the budgets come from the settings. */
static TexturesConfig tex_config;

/* ---- clock --------------------------------------------------------------- */

static uint64_t app_now(const App *a)
{
    return a->virtual_clock ? a->vnow : SDL_GetTicks64();
}

/* ---- SDL_Event -> Event --------------------------------------------------- */

static int core_key(SDL_Keycode k)
{
    switch (k) {
    case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_RETURN2: return KEY_ENTER;
    case SDLK_ESCAPE: return KEY_ESCAPE;
    case SDLK_BACKSPACE: return KEY_BACKSPACE;
    case SDLK_TAB: return KEY_TAB;
    case SDLK_LEFT: return KEY_LEFT;
    case SDLK_RIGHT: return KEY_RIGHT;
    case SDLK_UP: return KEY_UP;
    case SDLK_DOWN: return KEY_DOWN;
    case SDLK_PAGEUP: return KEY_PAGEUP;
    case SDLK_PAGEDOWN: return KEY_PAGEDOWN;
    case SDLK_HOME: return KEY_HOME;
    case SDLK_END: return KEY_END;
    case SDLK_KP_PERIOD: return '.';
    default: break;
    }
    if (k >= SDLK_F1 && k <= SDLK_F12)
        return KEY_F1 + (int)(k - SDLK_F1);
    if (k >= SDLK_KP_1 && k <= SDLK_KP_9)
        return '1' + (int)(k - SDLK_KP_1);
    if (k == SDLK_KP_0)
        return '0';
    if (k > 0 && k < 128 && isprint((int)k))
        return tolower((int)k);
    return KEY_NONE;
}

static unsigned core_mods(Uint16 m)
{
    return ((m & KMOD_SHIFT) ? MOD_SHIFT : 0u) | ((m & KMOD_CTRL) ? MOD_CTRL : 0u) |
           ((m & KMOD_ALT) ? MOD_ALT : 0u) | ((m & KMOD_GUI) ? MOD_GUI : 0u);
}

/* Window coordinates -> drawable pixels (they differ on high-DPI screens). */
static void to_pixels(const App *a, int x, int y, float *px, float *py)
{
    int ww = a->out.w, wh = a->out.h;
    if (a->out.win)
        SDL_GetWindowSize(a->out.win, &ww, &wh);
    *px = ww > 0 ? (float)x * (float)a->out.w / (float)ww : (float)x;
    *py = wh > 0 ? (float)y * (float)a->out.h / (float)wh : (float)y;
}

static void app_resized(App *a);

/* Some touchscreens send mouse events of their own right after a touch (not
 * marked SDL_TOUCH_MOUSEID): one tap must act once. */
#define MOUSE_AFTER_TOUCH_MS 500

static uint64_t app_now(const App *a);

/* Times from the app's clock, not SDL's timestamps: SDL_PushEvent stamps
 * scripted events with real time, which replays must not depend on. */
static bool mouse_echo(const App *a)
{
    return a->last_finger && app_now(a) < a->last_finger + MOUSE_AFTER_TOUCH_MS;
}

/* Pointer input counts only on the audience's window: the presenter view
 * has no touch targets. */
static bool from_presenter(const App *a, Uint32 window_id)
{
    return a->pres.win && window_id == SDL_GetWindowID(a->pres.win);
}

static bool translate(App *a, const SDL_Event *e, Event *out)
{
    memset(out, 0, sizeof *out);
    out->t = app_now(a);
    switch (e->type) {
    case SDL_KEYDOWN:
        out->type = EV_KEY;
        out->key = core_key(e->key.keysym.sym);
        out->mods = core_mods(e->key.keysym.mod);
        out->repeat = e->key.repeat != 0;
        return out->key != KEY_NONE;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        /* Touchscreens also send mouse events for each touch: one tap must act once. */
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT ||
            from_presenter(a, e->button.windowID) || mouse_echo(a))
            return false;
        out->type = e->type == SDL_MOUSEBUTTONDOWN ? EV_POINTER_DOWN : EV_POINTER_UP;
        out->pointer = POINTER_MOUSE;
        to_pixels(a, e->button.x, e->button.y, &out->x, &out->y);
        return true;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK) ||
            from_presenter(a, e->motion.windowID) || mouse_echo(a))
            return false;
        out->type = EV_POINTER_MOVE;
        out->pointer = POINTER_MOUSE;
        to_pixels(a, e->motion.x, e->motion.y, &out->x, &out->y);
        return true;
    case SDL_MOUSEWHEEL: {
        if (from_presenter(a, e->wheel.windowID) || e->wheel.which == SDL_TOUCH_MOUSEID)
            return false;
        int notches = e->wheel.y * (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -1 : 1);
        if (notches == 0)
            return false;
        out->type = EV_WHEEL;
        out->wheel = notches;
        to_pixels(a, e->wheel.mouseX, e->wheel.mouseY, &out->x, &out->y);
        return true;
    }
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        if (from_presenter(a, e->tfinger.windowID))
            return false;
        a->last_finger = app_now(a) + 1;
        out->type = e->type == SDL_FINGERDOWN ? EV_POINTER_DOWN
                  : e->type == SDL_FINGERUP   ? EV_POINTER_UP
                                              : EV_POINTER_MOVE;
        out->pointer = 1 + (int)(e->tfinger.fingerId & 0x7fff);
        out->x = e->tfinger.x * (float)a->out.w;
        out->y = e->tfinger.y * (float)a->out.h;
        return true;
    case SDL_WINDOWEVENT:
        switch (e->window.event) {
        case SDL_WINDOWEVENT_CLOSE:
            if (from_presenter(a, e->window.windowID))
                return false; /* the lecturer's own screen: never ends anything */
            out->type = EV_CLOSE;
            return true;
        case SDL_WINDOWEVENT_SIZE_CHANGED:
            app_resized(a);
            /* A window manager or the X server may have resized it for a
             * display change SDL did not notice: look at the displays. */
            a->displays_check = true;
            out->type = EV_RESIZE;
            out->w = a->out.w;
            out->h = a->out.h;
            return true;
        case SDL_WINDOWEVENT_MOVED:
        case SDL_WINDOWEVENT_DISPLAY_CHANGED:
            a->displays_check = true;
            return false;
        case SDL_WINDOWEVENT_EXPOSED:
        case SDL_WINDOWEVENT_SHOWN:
        case SDL_WINDOWEVENT_RESTORED:
            a->need_redraw = true;
            return false;
        default:
            return false;
        }
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        /* The textures' contents are gone: make them again. */
        textures_forget(a->out.tex);
        text_forget(a->out.text);
        a->need_redraw = true;
        return false;
    case SDL_QUIT:
        out->type = EV_QUIT; /* SIGTERM/SIGINT: window closes do not quit (hint set) */
        return true;
    default:
        return false;
    }
}

static void take_pictures(App *a);
static void observe(App *a);
static void displays_follow(App *a);

static void dispatch(App *a, const SDL_Event *e)
{
    Event ev;
    trace_input(e);
    if (tex_config.wake_event && e->type == tex_config.wake_event) {
        take_pictures(a);
    } else if (displays_event(a->displays, e)) {
        a->displays_check = true;
    } else if (translate(a, e, &ev)) {
        show_handle(a->show, &ev);
        observe(a);
    }
    if (a->displays_check)
        displays_follow(a);
}

static void pump(App *a)
{
    SDL_Event e;
    while (SDL_PollEvent(&e))
        dispatch(a, &e);
}

/* ---- drawing ------------------------------------------------------------- */

/* A picture's fate, from the texture cache: the show learns its size (for
 * zooming) or puts a placeholder in its place. */
static void image_loaded(void *ctx, int exhibition, int slide, bool ok, int w, int h)
{
    App *a = ctx;
    Event ev = {.type = EV_IMAGE_LOADED, .t = app_now(a), .exhibition = exhibition,
                .slide = slide, .ok = ok, .img_w = w, .img_h = h};
    show_handle(a->show, &ev);
}

/* The decoding threads finished something: into textures, and redraw. */
static void take_pictures(App *a)
{
    if (textures_pump(a->out.tex, a->out.ren, image_loaded, a) > 0)
        a->need_redraw = true;
    if (a->pres.ren && textures_pump(a->pres.tex, a->pres.ren, image_loaded, a) > 0)
        a->need_redraw = true;
}

/* Tell the audience's cache what the scene shows and what comes next. */
static void want_pictures(App *a, const Scene *sc)
{
    ImageRequest pre[CACHE_AHEAD + CACHE_BEHIND];
    int n = show_prefetch(a->show, pre, CACHE_AHEAD + CACHE_BEHIND);
    textures_want(a->out.tex, a->out.ren, sc, sc->clear, pre, n);
}

/* The wall clock for the presenter view: real, or derived from the virtual
 * clock in replays (from 10:00) so screenshots do not change by the hour. */
static void clock_text(const App *a, char *buf, size_t n)
{
    if (a->virtual_clock) {
        uint64_t min = 10 * 60 + a->vnow / 60000;
        snprintf(buf, n, "%02u:%02u", (unsigned)(min / 60 % 24), (unsigned)(min % 60));
        return;
    }
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, n, "%H:%M", &tm);
}

/* Draw the audience's scene into the back buffer (not presented). */
static void settle(App *a);

static bool draw(App *a)
{
    if (a->virtual_clock)
        settle(a);
    /* the pictures were asked for already: by present(), or by settle() */
    const Scene *sc = show_scene(a->show);
    bool full = false;
    bool complete = render_scene(a->out.ren, sc, a->out.text, a->out.tex, &full);
    a->complete = complete;
    a->zoom_full_new = full && !a->zoom_full_seen;
    a->zoom_full_seen = full;
    a->need_redraw = false;
    return complete;
}

static void draw_presenter(App *a)
{
    char clock[16];
    clock_text(a, clock, sizeof clock);
    const Scene *sc = show_presenter_scene(a->show, a->pres.w, a->pres.h, app_now(a), clock);
    textures_want(a->pres.tex, a->pres.ren, sc, sc->clear, NULL, 0);
    if (a->virtual_clock && !textures_settle(a->pres.tex, a->pres.ren, SETTLE_MS, image_loaded, a))
        SDL_Log("replay: presenter pictures still decoding after %d ms", SETTLE_MS);
    render_scene(a->pres.ren, sc, a->pres.text, a->pres.tex, NULL);
}

/* Present whatever changed, on each output. */
static void present(App *a)
{
    bool redraw = a->need_redraw;
    if (show_dirty(a->show) || redraw) {
        /* A new slide whose picture is a few milliseconds from ready: keep
         * the old frame a moment rather than flash an empty one. */
        const Scene *sc = show_scene(a->show);
        want_pictures(a, sc);
        uint64_t now = app_now(a);
        if (!a->virtual_clock && textures_pending(a->out.tex, sc) > 0 &&
            (!a->hold_since || now < a->hold_since + HOLD_MS)) {
            if (!a->hold_since)
                a->hold_since = now;
            a->need_redraw = true;
            return;
        }
        a->hold_since = 0;
        uint64_t t0 = trace_clock();
        draw(a);
        uint64_t drawn = trace_clock();
        SDL_RenderPresent(a->out.ren);
        service_presented(now);
        trace_frame(a->show, a->complete, t0, drawn);
        if (a->zoom_full_new) /* the benchmark's zoom figure ends here */
            trace_event("zoom-full", NULL);
    }
    if (a->pres.ren && (show_presenter_dirty(a->show) || redraw)) {
        draw_presenter(a);
        SDL_RenderPresent(a->pres.ren);
    }
}

static bool save_png(SDL_Renderer *r, int w, int h, const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 24, SDL_PIXELFORMAT_RGB24);
    bool ok = s && SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_RGB24, s->pixels, s->pitch) == 0 &&
              IMG_SavePNG(s, path) == 0;
    if (!ok)
        fprintf(stderr, "vitrine: cannot write screenshot %s: %s\n", path, SDL_GetError());
    SDL_FreeSurface(s);
    return ok;
}

static bool screenshot(App *a, const char *path)
{
    draw(a);
    bool ok = save_png(a->out.ren, a->out.w, a->out.h, path);
    if (a->out.win)
        SDL_RenderPresent(a->out.ren);
    return ok;
}

static bool presenter_screenshot(App *a, const char *path)
{
    if (!a->pres.ren) {
        fprintf(stderr, "vitrine: no presenter view to take a screenshot of (only in --lecture)\n");
        return false;
    }
    draw_presenter(a);
    bool ok = save_png(a->pres.ren, a->pres.w, a->pres.h, path);
    if (a->pres.win)
        SDL_RenderPresent(a->pres.ren);
    return ok;
}

/* A lecture's record of time per slide, into the state folder. */
static void write_record(App *a, const Rehearsal *r)
{
    if (!r || r->total_ms <= 0)
        return;
    char dir[4096], path[4200];
    if (a->opt.state_dir)
        snprintf(dir, sizeof dir, "%s", a->opt.state_dir);
    else if (!a->virtual_clock)
        settings_state_dir(&a->settings, dir, sizeof dir);
    else
        return; /* replays write records only where they are told to */
    rehearsal_file_name(dir, a->stamp, r->exhibition, path, sizeof path);
    DiagList d = {0};
    if (rehearsal_write(r, path, &d))
        fprintf(stderr, "vitrine: lecture record written to %s (vitrine --lecture-report %s)\n", path, path);
    diag_print(&d, stderr);
    diag_clear(&d);
}

/* A lecture started from the admin menu has ended. */
static void lecture_ended(void *ctx, const Rehearsal *r)
{
    write_record(ctx, r);
}

static void save_rehearsal(App *a)
{
    Event now = {.type = EV_TICK, .t = app_now(a)}; /* count up to this moment */
    show_handle(a->show, &now);
    write_record(a, show_rehearsal(a->show));
}

/* ---- visitor statistics -------------------------------------------------------- */

#define REPLAY_EPOCH 1767243600      /* replays' wall clock starts at 2026-01-01T10:00:00+05:00 */
#define REPLAY_UTC_OFFSET (5 * 3600) /* (Kazakhstan's time), so their logs never change */

/* Local time as ISO 8601 with its UTC offset, "2026-01-01T10:00:05+05:00":
 * real, or in replays derived from the virtual clock. */
static void wall_text(const App *a, char *buf, size_t n)
{
    struct tm tm;
    char date[32], zone[16] = "+0000";
    if (a->virtual_clock) {
        time_t t = (time_t)(REPLAY_EPOCH + REPLAY_UTC_OFFSET + (int64_t)(a->vnow / 1000));
        gmtime_r(&t, &tm);
        snprintf(zone, sizeof zone, "+%02d%02d", REPLAY_UTC_OFFSET / 3600, REPLAY_UTC_OFFSET / 60 % 60);
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
        strftime(zone, sizeof zone, "%z", &tm); /* "+0500" */
    }
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf, n, "%s%.3s:%.2s", date, zone, strlen(zone) >= 5 ? zone + 3 : "00");
}

/* Where the statistics go: the state folder (in replays only when one is
 * given, as for lecture records). */
static void stats_write(void *ctx, const StatsLine *line)
{
    App *a = ctx;
    if (a->stats_log_state == 0) {
        char dir[4096];
        if (a->opt.state_dir)
            snprintf(dir, sizeof dir, "%s", a->opt.state_dir);
        else if (!a->virtual_clock)
            settings_state_dir(&a->settings, dir, sizeof dir);
        else
            dir[0] = '\0';
        a->stats_log_state = dir[0] ? 1 : -1;
        if (dir[0])
            stats_log_init(&a->stats_log, dir, 0, stderr);
    }
    if (a->stats_log_state > 0)
        stats_log_write(&a->stats_log, line->day, line->json, line->kind == STATS_VISIT_END);
}

static void stats_begin(App *a)
{
    a->stats = stats_create(stats_write, a);
    observe(a); /* where things stand at the start */
}

/* After each event the show handled. */
static void observe(App *a)
{
    if (!a->stats)
        return;
    ShowSnapshot snap;
    show_snapshot(a->show, &snap);
    char wall[64];
    wall_text(a, wall, sizeof wall);
    stats_observe(a->stats, &snap, app_now(a), wall);
}

static void stats_end(App *a)
{
    if (a->stats) {
        char wall[64];
        wall_text(a, wall, sizeof wall);
        stats_finish(a->stats, app_now(a), wall);
    }
    stats_free(a->stats);
    a->stats = NULL;
    if (a->stats_log_state > 0)
        stats_log_close(&a->stats_log);
    a->stats_log_state = 0;
}

/* ---- set-up -------------------------------------------------------------- */

static bool make_headless_target(Output *o, int w, int h)
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

static void app_resized(App *a)
{
    if (a->out.ren && !a->headless)
        SDL_GetRendererOutputSize(a->out.ren, &a->out.w, &a->out.h);
    if (a->pres.ren && !a->headless)
        SDL_GetRendererOutputSize(a->pres.ren, &a->pres.w, &a->pres.h);
    a->need_redraw = true;
}

static void output_close(Output *o)
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

static bool output_caches(Output *o)
{
    o->text = text_create();
    o->tex = textures_create(&tex_config);
    if (!o->text || !o->tex) {
        fprintf(stderr, "vitrine: cannot set up text (is fonts-noto-core installed?)\n");
        return false;
    }
    return true;
}

/* A window over display d (number `index` in App.known): fullscreen at its
 * size, or a development window of opt's size in its middle. */
static bool output_window(Output *o, const AppOptions *opt, const DisplayDesc *d, int index, const char *title)
{
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | (opt->windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_FULLSCREEN_DESKTOP);
    int w = opt->w > 0 ? opt->w : WINDOWED_W, h = opt->h > 0 ? opt->h : WINDOWED_H;
    int x = d->r.x + (d->r.w - w) / 2, y = d->r.y + (d->r.h - h) / 2;
    if (!opt->windowed) {
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
    o->win = SDL_CreateWindow(title, x, y, w, h, flags);
    if (!o->win) {
        fprintf(stderr, "vitrine: cannot open a window: %s\n", SDL_GetError());
        return false;
    }
    /* SDL puts a fullscreen window where it saw the display at start. */
    if (!opt->windowed)
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
    if (SDL_GetRendererInfo(o->ren, &info) == 0)
        SDL_Log("%s: renderer %s on display %d (%s)", title, info.name, index, d->name);
    SDL_GetRendererOutputSize(o->ren, &o->w, &o->h);
    return output_caches(o);
}

/* Which displays the slides and the presenter view go to, as numbers in
 * App.known (display_plan.h); the display watcher starts here. */
static void choose_displays(App *a, int *audience, int *presenter)
{
    a->displays = displays_create();
    a->n_known = displays_list(a->displays, a->known, DISPLAYS_MAX);
    if (a->n_known == 0) /* nothing lit as RandR sees it: take SDL's word */
        a->n_known = displays_list(NULL, a->known, DISPLAYS_MAX);
    DisplayChoice c = display_plan_choose(&a->home, a->known, a->n_known, a->opt.lecture,
                                          a->settings.presenter_display);
    *audience = c.audience;
    *presenter = c.presenter;
}

static bool open_outputs(App *a, int audience, int presenter)
{
    if (audience < 0 || audience >= a->n_known) {
        fprintf(stderr, "vitrine: no display to show on\n");
        return false;
    }
    if (!output_window(&a->out, &a->opt, &a->known[audience], audience, "vitrine"))
        return false;
    if (!a->opt.windowed)
        SDL_ShowCursor(SDL_DISABLE); /* a touch kiosk shows no mouse pointer */
    if (presenter >= 0 && presenter < a->n_known &&
        !output_window(&a->pres, &a->opt, &a->known[presenter], presenter, "vitrine presenter"))
        return false;
    show_set_presenter(a->show, a->pres.ren != NULL);
    a->need_redraw = true;
    return true;
}

static bool output_caches(Output *o);
static bool make_headless_target(Output *o, int w, int h);

/* A lecture began or ended while vitrine runs (from the admin menu): the
 * presenter view comes and goes with it. */
static void sync_presenter(App *a)
{
    bool want = show_lecture_mode(a->show);
    if (want && !a->pres.ren) {
        if (a->headless) {
            if (!output_caches(&a->pres) || !make_headless_target(&a->pres, a->out.w, a->out.h))
                output_close(&a->pres);
        } else {
            displays_follow(a); /* opens it when there is a second display */
        }
    } else if (!want && a->pres.ren) {
        output_close(&a->pres);
    }
    show_set_presenter(a->show, a->pres.ren != NULL);
    a->need_redraw = true;
}

/* The lecturer pressed "swap displays": both windows are made again on the
 * other displays (X screens, unlike RandR outputs, cannot pass a window on). */
static void swap_displays(App *a)
{
    if (a->headless || !a->pres.ren)
        return;
    DisplayChoice was = {a->out.display, a->pres.display};
    display_plan_swap(&a->home, a->known, a->n_known, was);
    output_close(&a->out);
    output_close(&a->pres);
    if (!open_outputs(a, was.presenter, was.audience))
        SDL_Log("cannot swap the displays");
    Event ev = {.type = EV_RESIZE, .t = app_now(a), .w = a->out.w, .h = a->out.h};
    show_handle(a->show, &ev);
}

/* ---- display changes ---------------------------------------------------------- */

/* Output o goes over display i of App.known: the same display at a new
 * size, or another one (its own is gone, or it is back). */
static void output_follow(App *a, Output *o, int i, const char *what)
{
    const DisplayDesc *d = &a->known[i];
    bool moves = strcmp(o->display_name, d->name) != 0;
    if (moves)
        fprintf(stderr, "vitrine: display: %s move to display %d (%s, %dx%d)\n", what, i, d->name, d->r.w,
                d->r.h);
    o->display = i;
    snprintf(o->display_name, sizeof o->display_name, "%s", d->name);
    if (a->opt.windowed || !o->win) /* a development window stays where its developer put it */
        return;
    uint64_t now = app_now(a);
    if (now >= a->placed_at + PLACE_AGAIN_MS) {
        a->placed_at = now;
        a->placements = 0;
    }
    if (a->placements < PLACE_TRIES && displays_place(o->win, d->r)) {
        a->placements++;
        if (moves)
            SDL_RaiseWindow(o->win);
    }
}

/* A display changed size, went or came back, or a window was moved or
 * resized behind vitrine's back: every window goes where display_plan says,
 * at the size of its display. The show learns the new size from the
 * window's SDL_WINDOWEVENT_SIZE_CHANGED, as for any resize. */
static void displays_follow(App *a)
{
    a->displays_check = false;
    if (a->headless || !a->out.win)
        return;
    DisplayDesc now[DISPLAYS_MAX];
    int n = displays_list(a->displays, now, DISPLAYS_MAX);
    if (n <= 0)
        return; /* nothing lit (a monitor between two modes): leave everything until one is */
    if (!display_list_equal(a->known, a->n_known, now, n)) {
        char lines[DISPLAYS_MAX][DISPLAY_LINE_MAX];
        int k = display_plan_describe(a->known, a->n_known, now, n, lines, DISPLAYS_MAX);
        for (int i = 0; i < k && i < DISPLAYS_MAX; i++)
            fprintf(stderr, "vitrine: %s\n", lines[i]);
        memcpy(a->known, now, (size_t)n * sizeof now[0]);
        a->n_known = n;
        a->placements = 0;
        a->placed_at = app_now(a);
    }
    bool lecture = show_lecture_mode(a->show);
    DisplayChoice c = display_plan_choose(&a->home, a->known, n, lecture, a->settings.presenter_display);
    output_follow(a, &a->out, c.audience, "the slides");
    bool had = a->pres.ren != NULL;
    if (had && c.presenter < 0) {
        if (lecture)
            fprintf(stderr, "vitrine: display: the presenter view closes, one display is left; the lecture "
                            "goes on (T shows the timer on the slides)\n");
        output_close(&a->pres);
        /* The clicker's keys went to the window that is gone, maybe: to the slides. */
        SDL_RaiseWindow(a->out.win);
        SDL_SetWindowInputFocus(a->out.win);
    } else if (!had && c.presenter >= 0) {
        fprintf(stderr, "vitrine: display: the presenter view opens on display %d (%s, %dx%d)\n", c.presenter,
                a->known[c.presenter].name, a->known[c.presenter].r.w, a->known[c.presenter].r.h);
        if (!output_window(&a->pres, &a->opt, &a->known[c.presenter], c.presenter, "vitrine presenter"))
            output_close(&a->pres);
    } else if (had) {
        output_follow(a, &a->pres, c.presenter, "the presenter view");
    }
    if ((a->pres.ren != NULL) != had)
        show_set_presenter(a->show, a->pres.ren != NULL);
    a->need_redraw = true;
}

static void stats_end(App *a);

static void app_close(App *a)
{
    stats_end(a);
    hotreload_free(a->reload); /* waits for a load in progress */
    displays_free(a->displays);
    diag_clear(&a->load_diags);
    show_free(a->show);
    library_free(a->lib);
    output_close(&a->pres);
    output_close(&a->out);
    text_free(a->mtext);
    settings_free(&a->settings);
    text_quit();
    TTF_Quit();
    IMG_Quit();
    SDL_Quit();
}

/* Wall-clock start, "2026-11-25T19:03:00", for the rehearsal record. */
static void iso_now(char *buf, size_t n, char *stamp, size_t sn)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, n, "%Y-%m-%dT%H:%M:%S", &tm);
    strftime(stamp, sn, "%Y%m%d-%H%M%S", &tm);
}

static void preview_begin(App *a);

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

static bool app_open(App *a, const AppOptions *opt, bool headless)
{
    alloctrace_install(); /* VITRINE_SOAK_TRACE: before SDL allocates anything */
    memset(a, 0, sizeof *a);
    a->opt = *opt;
    a->headless = headless;
    settings_defaults(&a->settings);
#ifdef __GLIBC__
    /* Decoded pictures are megabytes each, allocated and freed all day on
     * three threads. A fixed threshold keeps every such buffer in its own
     * mapping, given back to the system when freed (glibc's sliding one
     * would soon serve them from heaps that never shrink), and two arenas
     * stop each thread from keeping a heap of its own. */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 2);
#endif

    /* A kiosk: closing the window does not end the program (only SIGTERM
     * does), and losing focus does not minimise it to show a desktop. */
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    if (!headless && !gpu_present()) {
        /* Without a GPU, OpenGL is Mesa's llvmpipe: 55 MB of LLVM in memory
         * and a slow present. SDL's software renderer drawing straight into
         * the window's shared-memory image was faster on every figure of
         * bench/run and 70 MB smaller. SDL_RENDER_DRIVER still decides. */
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        SDL_Log("vitrine: no GPU (/dev/dri has no render node): the software renderer");
    }
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(headless ? SDL_INIT_EVENTS : SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "vitrine: cannot start SDL: %s\n", SDL_GetError());
        return false;
    }
    if (!tex_config.wake_event)
        tex_config.wake_event = SDL_RegisterEvents(1);
    if (tex_config.wake_event == (Uint32)-1)
        tex_config.wake_event = 0;
    IMG_Init(IMG_INIT_PNG | IMG_INIT_WEBP);

    /* Settings: bad fields are reported and keep their defaults. */
    DiagList diags = {0};
    char path[4096];
    if (opt->settings)
        snprintf(path, sizeof path, "%s", opt->settings);
    else
        settings_default_path(path, sizeof path);
    settings_load(&a->settings, path, opt->settings == NULL, &diags);
    diag_print(&diags, stderr);
    diag_clear(&diags);
    service_init();
    tex_config.budget = (size_t)a->settings.cache_mb << 20;
    tex_config.zoom_budget = (size_t)a->settings.zoom_cache_mb << 20;

    a->lib = library_load_images(opt->dir, MANIFEST_IMAGE_SNIFF, &diags); /* see manifest.h */
    if (diags.n) {
        diag_print(&diags, stderr);
        fprintf(stderr, "vitrine: %d error(s), %d warning(s) in %s (run vitrine --check for details)\n",
                diag_count(&diags, DIAG_ERROR), diag_count(&diags, DIAG_WARNING), opt->dir);
    }
    a->load_diags = diags; /* for --preview's banner (preview_begin) */
    if (!a->lib) {
        fprintf(stderr, "vitrine: out of memory\n");
        return false;
    }

    int audience = 0, presenter = -1;
    if (headless) {
        int w = opt->w > 0 ? opt->w : HEADLESS_W, h = opt->h > 0 ? opt->h : HEADLESS_H;
        if (!output_caches(&a->out) || !make_headless_target(&a->out, w, h))
            return false;
        /* Headless lectures also draw a presenter view, for replays to check. */
        if (opt->lecture && (!output_caches(&a->pres) || !make_headless_target(&a->pres, w, h)))
            return false;
    } else {
        choose_displays(a, &audience, &presenter);
    }
    a->mtext = text_create();
    if (!a->mtext) {
        fprintf(stderr, "vitrine: cannot set up text (is fonts-noto-core installed?)\n");
        return false;
    }
    a->measure = text_measure(a->mtext);

    char started[32], stamp[32];
    iso_now(started, sizeof started, stamp, sizeof stamp);
    snprintf(a->stamp, sizeof a->stamp, "%s", stamp);
    const Settings *st = &a->settings;
    ShowConfig cfg = {
        .settings = st,
        .start_lang = opt->lang,
        .allow_quit = opt->windowed || opt->preview,
        .preview = opt->preview,
        .lecture = opt->lecture,
        .duration_min = opt->duration_min,
        .started = started,
        .lecture_ended = lecture_ended,
        .ctx = a,
    };
    a->show = show_create(a->lib, &cfg, &a->measure, 1, 1);
    if (!a->show) {
        fprintf(stderr, "vitrine: out of memory\n");
        return false;
    }
    if (headless) {
        show_set_presenter(a->show, a->pres.ren != NULL);
    } else if (!open_outputs(a, audience, presenter)) {
        return false;
    }
    Event size = {.type = EV_RESIZE, .w = a->out.w, .h = a->out.h};
    show_handle(a->show, &size);

    if (opt->lang && !show_set_lang(a->show, opt->lang))
        fprintf(stderr, "vitrine: language \"%s\" is not offered\n", opt->lang);
    const char *ex_id = opt->exhibition;
    if (!ex_id && opt->lecture && a->lib->n > 0)
        ex_id = a->lib->items[0]->id; /* a lecture opens the first exhibition unless told */
    if (ex_id && !show_open(a->show, ex_id, opt->slide > 0 ? opt->slide : 1)) {
        fprintf(stderr, "vitrine: no exhibition with id \"%s\" in %s\n", ex_id, opt->dir);
        return false;
    }
    stats_begin(a);
    preview_begin(a);
    return true;
}

/* ---- hot reload and --preview ---------------------------------------------- */

/* The first deadline of the show and of the hot reload, in ms from now. */
static uint64_t next_deadline(const App *a)
{
    uint64_t now = app_now(a), d = show_next_deadline(a->show, now);
    uint64_t r = hotreload_next_deadline(a->reload, now);
    return r < d ? r : d;
}

/* A reload's problems: the errors, and from `kept` on what was kept as it
 * was (a kiosk's log stays short; vitrine --check lists the warnings). */
static void print_reload_diags(const DiagList *d, int kept)
{
    for (int i = 0; i < d->n; i++) {
        const Diag *g = &d->items[i];
        if (g->level == DIAG_ERROR || i >= kept)
            fprintf(stderr, "%s:%d:%d: %s: %s\n", g->file, g->line, g->col,
                    g->level == DIAG_ERROR ? "error" : "warning", g->msg);
    }
}

/* --preview shows one exhibition: open it when it (first) loads. */
static void preview_open(App *a)
{
    if (a->opt.preview && !show_exhibition_id(a->show) && a->lib->n > 0)
        show_open(a->show, a->opt.exhibition && library_find(a->lib, a->opt.exhibition) >= 0
                               ? a->opt.exhibition : a->lib->items[0]->id,
                  a->opt.slide > 0 ? a->opt.slide : 1);
}

/* Called at the end of app_open: the first load's problems on the banner. */
static void preview_begin(App *a)
{
    if (a->opt.preview) {
        show_set_problems(a->show, &a->load_diags, a->opt.dir);
        preview_open(a);
    }
    diag_clear(&a->load_diags);
}

/* Changed content has settled and been loaded off this thread: swap it in.
 * Exhibitions whose manifest is now broken keep their last good version. */
static void app_reload(App *a)
{
    DiagList d = {0};
    Library *fresh = hotreload_poll(a->reload, app_now(a), &d);
    if (!fresh) {
        diag_clear(&d);
        return;
    }
    int errors = diag_count(&d, DIAG_ERROR), warnings = diag_count(&d, DIAG_WARNING), loaded = d.n;
    int kept = library_keep_last_good(fresh, a->lib, &d);
    print_reload_diags(&d, loaded);
    show_set_library(a->show, fresh);
    library_free_shared(a->lib, fresh); /* nothing points into it now */
    a->lib = fresh;
    textures_reset(a->out.tex); /* images may have changed under the same names */
    textures_reset(a->pres.tex);
    if (a->opt.preview)
        show_set_problems(a->show, &d, a->opt.dir);
    preview_open(a);
    a->need_redraw = true;
    fprintf(stderr, "vitrine: reloaded %s: %d exhibition%s (%d kept as they were); %d error%s, %d warning%s\n",
            a->opt.dir, fresh->n, fresh->n == 1 ? "" : "s", kept, errors, errors == 1 ? "" : "s", warnings,
            warnings == 1 ? "" : "s");
    diag_clear(&d);
}

/* ---- interactive --------------------------------------------------------- */

/* For monitoring and end-to-end tests: the state JSON, replaced atomically
 * (write a temporary file, then rename) whenever it changes. */
static void write_state_file(App *a)
{
    if (!a->opt.state_file)
        return;
    char buf[sizeof a->last_state];
    show_state_json(a->show, app_now(a), buf, sizeof buf);
    /* The timer ticks inside the JSON; compare without it to avoid rewriting
     * the file every millisecond while a lecture runs. */
    char *t = strstr(buf, ",\"timer\"");
    size_t cmp = t ? (size_t)(t - buf) : strlen(buf);
    if (strncmp(buf, a->last_state, cmp) == 0 && a->last_state[cmp] == buf[cmp])
        return;
    memcpy(a->last_state, buf, sizeof buf);
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", a->opt.state_file);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        SDL_Log("cannot write %s", tmp);
        return;
    }
    fprintf(f, "%s\n", buf);
    if (fclose(f) != 0 || rename(tmp, a->opt.state_file) != 0)
        SDL_Log("cannot replace %s", a->opt.state_file);
}

int app_run(const AppOptions *opt)
{
    App a;
    if (!app_open(&a, opt, false)) {
        app_close(&a);
        return 1;
    }
    a.reload = hotreload_create(opt->dir, true);
    while (show_running(a.show)) {
        app_reload(&a);
        if (show_take_swap_request(a.show))
            swap_displays(&a);
        if (show_take_lecture_change(a.show))
            sync_presenter(&a);
        if (service_next_ping(app_now(&a)) == 0)
            a.need_redraw = true; /* the watchdog wants proof of a frame on screen */
        present(&a);
        write_state_file(&a);
        /* Sleep until input or the next deadline: an idle kiosk uses no CPU. */
        uint64_t wait = next_deadline(&a);
        uint64_t ping = service_next_ping(app_now(&a));
        if (ping > 0 && ping < wait) /* 0: a held frame; the hold's deadline wakes us */
            wait = ping;
        if (a.hold_since) { /* a frame held for its picture: not longer than HOLD_MS */
            uint64_t now = app_now(&a), until = a.hold_since + HOLD_MS;
            uint64_t left = until > now ? until - now : 0;
            wait = left < wait ? left : wait;
        }
        SDL_Event e;
        int got = wait == SHOW_NO_DEADLINE ? SDL_WaitEvent(&e)
                                           : SDL_WaitEventTimeout(&e, wait > INT_MAX ? INT_MAX : (int)wait);
        if (got) {
            dispatch(&a, &e);
            pump(&a);
        } else {
            Event tick = {.type = EV_TICK, .t = app_now(&a)};
            show_handle(a.show, &tick);
            observe(&a);
        }
    }
    service_stopping();
    write_state_file(&a);
    save_rehearsal(&a);
    app_close(&a);
    return 0;
}

int app_render(const AppOptions *opt, const char *out_png)
{
    App a;
    bool ok = app_open(&a, opt, true);
    a.virtual_clock = true; /* one frame, with its pictures decoded (see settle) */
    ok = ok && screenshot(&a, out_png);
    app_close(&a);
    return ok ? 0 : 1;
}

/* ---- replay -------------------------------------------------------------- */

/* Replays: the pictures the scene wants are decoded before the script goes
 * on, as if decoding took no time on the virtual clock, so screenshots and
 * states do not depend on the machine's speed. Loading one may change the
 * scene (a placeholder, a zoom that can now start), so until it is stable. */
static void settle(App *a)
{
    for (int round = 0; round < 4; round++) {
        bool dirty = show_dirty(a->show);
        want_pictures(a, show_scene(a->show));
        if (dirty)
            a->need_redraw = true; /* show_scene() took the flag; a window must still redraw */
        bool idle = textures_settle(a->out.tex, a->out.ren, SETTLE_MS, image_loaded, a);
        if (!idle)
            SDL_Log("replay: pictures still decoding after %d ms", SETTLE_MS);
        if (!show_dirty(a->show))
            break;
    }
}

static void advance(App *a, uint64_t ms)
{
    uint64_t end = a->vnow + ms;
    app_reload(a);
    while (a->vnow < end) {
        uint64_t d = next_deadline(a);
        if (d == SHOW_NO_DEADLINE || a->vnow + d > end) { /* a deadline at the very end still ticks */
            a->vnow = end;
        } else {
            a->vnow += d > 0 ? d : 1;
            Event tick = {.type = EV_TICK, .t = a->vnow};
            show_handle(a->show, &tick);
            observe(a);
        }
        pump(a);
        app_reload(a); /* a reload that fell due now happens now */
    }
}

static void push_finger(App *a, Uint32 type, SDL_FingerID id, double x, double y)
{
    SDL_Event e = {0};
    e.type = type;
    e.tfinger.timestamp = (Uint32)a->vnow;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = id;
    e.tfinger.x = (float)x;
    e.tfinger.y = (float)y;
    e.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    SDL_PushEvent(&e);
    pump(a);
}

/* A point given as fractions of the window, in window coordinates (which
 * may be smaller than pixels), as the mouse reports it. */
static void window_point(const App *a, double fx, double fy, int *x, int *y)
{
    *x = (int)(fx * a->out.w);
    *y = (int)(fy * a->out.h);
    if (a->out.win) {
        int ww, wh;
        SDL_GetWindowSize(a->out.win, &ww, &wh);
        *x = (int)(fx * ww);
        *y = (int)(fy * wh);
    }
}

static void push_mouse(App *a, Uint32 type, double fx, double fy)
{
    SDL_Event e = {0};
    int x, y;
    window_point(a, fx, fy, &x, &y);
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.timestamp = (Uint32)a->vnow;
        e.motion.state = SDL_BUTTON_LMASK;
        e.motion.x = x;
        e.motion.y = y;
    } else {
        e.button.timestamp = (Uint32)a->vnow;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = x;
        e.button.y = y;
    }
    SDL_PushEvent(&e);
    pump(a);
}

/* n[2] notches of the mouse wheel with the pointer at (n[0], n[1]). */
static void push_wheel(App *a, const double *n)
{
    SDL_Event e = {0};
    e.type = SDL_MOUSEWHEEL;
    e.wheel.timestamp = (Uint32)a->vnow;
    e.wheel.y = (Sint32)n[2];
    e.wheel.preciseY = (float)n[2];
    e.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
    window_point(a, n[0], n[1], &e.wheel.mouseX, &e.wheel.mouseY);
    SDL_PushEvent(&e);
    pump(a);
}

/* A straight stroke from (x0,y0) to (x1,y1) over ms, one sample a frame. */
static void stroke(App *a, bool mouse, const double *n)
{
    double x0 = n[0], y0 = n[1], x1 = n[2], y1 = n[3];
    uint64_t ms = (uint64_t)n[4];
    int steps = (int)(ms / REPLAY_STEP_MS);
    if (steps < 1)
        steps = 1;
    if (mouse)
        push_mouse(a, SDL_MOUSEBUTTONDOWN, x0, y0);
    else
        push_finger(a, SDL_FINGERDOWN, 0, x0, y0);
    for (int i = 1; i <= steps; i++) {
        advance(a, ms / (uint64_t)steps);
        double t = (double)i / steps;
        double x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t;
        if (mouse)
            push_mouse(a, SDL_MOUSEMOTION, x, y);
        else
            push_finger(a, SDL_FINGERMOTION, 0, x, y);
    }
    if (mouse)
        push_mouse(a, SDL_MOUSEBUTTONUP, x1, y1);
    else
        push_finger(a, SDL_FINGERUP, 0, x1, y1);
}

/* Two fingers around (cx, cy), their distance going from s0 to s1 times a
 * tenth of the window width. */
static void pinch(App *a, const double *n)
{
    double cx = n[0], cy = n[1], s0 = n[2], s1 = n[3];
    uint64_t ms = (uint64_t)n[4];
    int steps = (int)(ms / REPLAY_STEP_MS);
    if (steps < 1)
        steps = 1;
    double r0 = 0.05 * s0, r1 = 0.05 * s1;
    push_finger(a, SDL_FINGERDOWN, 0, cx - r0, cy);
    push_finger(a, SDL_FINGERDOWN, 1, cx + r0, cy);
    for (int i = 1; i <= steps; i++) {
        advance(a, ms / (uint64_t)steps);
        double r = r0 + (r1 - r0) * i / steps;
        push_finger(a, SDL_FINGERMOTION, 0, cx - r, cy);
        push_finger(a, SDL_FINGERMOTION, 1, cx + r, cy);
    }
    push_finger(a, SDL_FINGERUP, 0, cx - r1, cy);
    push_finger(a, SDL_FINGERUP, 1, cx + r1, cy);
}

#define REPLAY_REPEAT_DELAY_MS 500 /* X's default auto-repeat: after 500 ms, */
#define REPLAY_REPEAT_EVERY_MS 33  /* 30 times a second */

/* Key down (repeated as auto-repeat would, for hold_ms) and up. */
static void push_key_held(App *a, const char *spec, uint64_t hold_ms)
{
    unsigned mods = 0;
    const char *name = spec;
    replay_split_key(spec, &mods, &name);
    Uint16 kmod = (Uint16)(((mods & MOD_SHIFT) ? KMOD_LSHIFT : 0) | ((mods & MOD_CTRL) ? KMOD_LCTRL : 0) |
                           ((mods & MOD_ALT) ? KMOD_LALT : 0) | ((mods & MOD_GUI) ? KMOD_LGUI : 0));
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.timestamp = (Uint32)a->vnow;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = SDL_GetKeyFromName(name);
    e.key.keysym.scancode = SDL_GetScancodeFromKey(e.key.keysym.sym);
    e.key.keysym.mod = kmod;
    SDL_PushEvent(&e);
    pump(a);
    uint64_t end = a->vnow + hold_ms;
    if (hold_ms > REPLAY_REPEAT_DELAY_MS) {
        advance(a, REPLAY_REPEAT_DELAY_MS);
        e.key.repeat = 1;
        while (a->vnow + REPLAY_REPEAT_EVERY_MS <= end) {
            e.key.timestamp = (Uint32)a->vnow;
            SDL_PushEvent(&e);
            pump(a);
            advance(a, REPLAY_REPEAT_EVERY_MS);
        }
        e.key.repeat = 0;
    }
    if (a->vnow < end)
        advance(a, end - a->vnow);
    e.key.timestamp = (Uint32)a->vnow;
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    pump(a);
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *nb = cap < (64u << 20) ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    return buf;
}

/* Checks what parsing cannot: key names are SDL's. */
static bool check_keys(const ReplayScript *sc, const char *path)
{
    bool ok = true;
    for (int i = 0; i < sc->n; i++) {
        const ReplayCmd *c = &sc->cmds[i];
        unsigned mods;
        const char *name;
        if ((c->op == RC_KEY || c->op == RC_HOLD) && replay_split_key(c->arg, &mods, &name) &&
            SDL_GetKeyFromName(name) == SDLK_UNKNOWN) {
            fprintf(stderr, "%s:%d:%d: error: unknown key name \"%s\" (SDL key names: PageDown, Right, "
                    "Return, Escape, Space, F5, a, . ...)\n", path, c->line, c->arg_col, name);
            ok = false;
        }
    }
    return ok;
}

/* A replay's file command (replay_files.h); the changes it makes are read
 * at once, at this virtual time. */
static bool replay_file_cmd(App *a, ReplayFiles *files, const ReplayCmd *c, const char *script_path)
{
    char err[1024] = "out of memory";
    if (!files || !replay_files_run(files, c, err, sizeof err)) {
        fprintf(stderr, "%s:%d:%d: error: %s\n", script_path, c->line, c->arg_col, err);
        return false;
    }
    app_reload(a);
    return true;
}

/* ---- the soak test (docs/replay.md) ----------------------------------------------- */

/* Empty an output's caches: pictures, rendered lines, fonts with their
 * glyphs and, off-screen, the renderer, whose pool of commands only grows. */
static void forget_output(Output *o, bool headless)
{
    textures_forget(o->tex);
    if (o->text) {
        text_forget(o->text);
        text_forget_fonts(o->text);
    }
    if (headless && o->ren && !make_headless_target(o, o->w, o->h))
        fprintf(stderr, "vitrine: soak: cannot make the off-screen renderer again\n");
}

/* What is alive in the soak's known state, every cache emptied first. */
static void soak_measure(App *a, SoakMeasure *m)
{
    settle(a);
    pump(a);
    soakrun_event_room(a->soak);
    forget_output(&a->out, a->headless);
    if (a->pres.ren)
        forget_output(&a->pres, a->headless);
    text_forget_fonts(a->mtext);
    m->allocations = SDL_GetNumAllocations();
    m->textures = texcount_live();
    m->loads = hotreload_loads(a->reload);
    show_state_json(a->show, a->vnow, m->state, sizeof m->state);
    a->need_redraw = true;
}

/* soak (its script put into the replay), and its two measuring points. */
static bool soak_cmd(App *a, ReplayScript *sc, int at, const char *script_path)
{
    SoakMeasure m;
    switch (sc->cmds[at].op) {
    case RC_SOAK:
        if (a->opt.lecture || a->opt.preview) { /* its known state is the kiosk's */
            fprintf(stderr, "%s:%d:1: error: the soak runs the kiosk, not --lecture or --preview\n", script_path,
                    sc->cmds[at].line);
            return false;
        }
        a->soak = soakrun_start(sc, at, script_path, &a->settings);
        return a->soak != NULL;
    case RC_SOAK_BEGIN:
        soak_measure(a, &m);
        soakrun_begin(a->soak, &m);
        alloctrace_mark();
        return true;
    default: {
        alloctrace_stop();
        soak_measure(a, &m);
        bool ok = soakrun_end(a->soak, &m);
        if (!ok)
            alloctrace_report(stderr); /* with VITRINE_SOAK_TRACE=1 */
        soakrun_free(a->soak);
        a->soak = NULL;
        return ok;
    }
    }
}

/* After each step of a soak: vitrine must still run, and now and then the
 * frame is drawn (lines of text into textures, pictures onto the target),
 * but never read back: that is what makes screenshots slow. */
static bool soak_after(App *a, int status)
{
    if (status != 0 || !show_running(a->show)) {
        soakrun_failed(a->soak, status != 0 ? "the step failed (see above)" : "vitrine ended");
        return false;
    }
    if (soakrun_draw_due(a->soak) && !a->out.win) {
        draw(a);
        if (a->pres.ren)
            draw_presenter(a);
    }
    return true;
}

int app_replay(const AppOptions *opt, const char *script_path)
{
    char *text = read_text(script_path);
    if (!text) {
        fprintf(stderr, "vitrine: cannot read replay script %s\n", script_path);
        return 2;
    }
    ReplayScript sc;
    DiagList diags = {0};
    bool parsed = replay_parse(text, script_path, &sc, &diags);
    free(text);
    diag_print(&diags, stderr);
    diag_clear(&diags);
    if (!parsed)
        return 2;

    App a;
    int status = 0;
    if (!app_open(&a, opt, !opt->windowed) || !check_keys(&sc, script_path)) {
        app_close(&a);
        replay_free(&sc);
        return 2;
    }
    a.virtual_clock = true;
    a.vnow = 0;
    ReplayFiles files;
    bool files_ok = replay_files_init(&files, script_path, opt->dir);
    if (replay_changes_files(&sc) || opt->preview)
        a.reload = hotreload_create(opt->dir, false); /* on the virtual clock: loads are waited for */
    if (a.out.win) {
        a.need_redraw = true;
        present(&a);
    }

    for (int i = 0; i < sc.n && status == 0; i++) {
        const ReplayCmd *c = &sc.cmds[i];
        soakrun_step(a.soak, c);
        switch (c->op) {
        case RC_OPEN:
            if (!show_open(a.show, c->arg, c->n_num ? (int)c->num[0] : 1)) {
                fprintf(stderr, "%s:%d:%d: error: no exhibition with id \"%s\"\n", script_path,
                        c->line, c->arg_col, c->arg);
                status = 1;
            }
            break;
        case RC_KEY: push_key_held(&a, c->arg, 0); break;
        case RC_HOLD: push_key_held(&a, c->arg, (uint64_t)c->num[0]); break;
        case RC_TAP:
            push_finger(&a, SDL_FINGERDOWN, 0, c->num[0], c->num[1]);
            advance(&a, REPLAY_TAP_MS);
            push_finger(&a, SDL_FINGERUP, 0, c->num[0], c->num[1]);
            break;
        case RC_CLICK:
            push_mouse(&a, SDL_MOUSEBUTTONDOWN, c->num[0], c->num[1]);
            advance(&a, REPLAY_TAP_MS);
            push_mouse(&a, SDL_MOUSEBUTTONUP, c->num[0], c->num[1]);
            break;
        case RC_FINGER_DOWN: push_finger(&a, SDL_FINGERDOWN, 0, c->num[0], c->num[1]); break;
        case RC_FINGER_MOVE: push_finger(&a, SDL_FINGERMOTION, 0, c->num[0], c->num[1]); break;
        case RC_FINGER_UP: push_finger(&a, SDL_FINGERUP, 0, c->num[0], c->num[1]); break;
        case RC_SWIPE: stroke(&a, false, c->num); break;
        case RC_DRAG: stroke(&a, true, c->num); break;
        case RC_PINCH: pinch(&a, c->num); break;
        case RC_WHEEL: push_wheel(&a, c->num); break;
        case RC_SOAK:
        case RC_SOAK_BEGIN:
        case RC_SOAK_END:
            if (!soak_cmd(&a, &sc, i, script_path))
                status = 1;
            break;
        case RC_CLOSE: {
            SDL_Event e = {0};
            e.type = SDL_WINDOWEVENT;
            e.window.event = SDL_WINDOWEVENT_CLOSE;
            e.window.windowID = a.out.win ? SDL_GetWindowID(a.out.win) : 1;
            SDL_PushEvent(&e);
            pump(&a);
            break;
        }
        case RC_SIGTERM:
            raise(SIGTERM); /* through SDL's real handler, as systemd would send it */
            pump(&a);
            break;
        case RC_RESIZE: {
            int w = (int)c->num[0], h = (int)c->num[1];
            if (a.out.win) {
                SDL_SetWindowSize(a.out.win, w, h);
                advance(&a, 100);
            } else {
                textures_forget(a.out.tex);
                text_forget(a.out.text);
                if (!make_headless_target(&a.out, w, h)) {
                    status = 1;
                    break;
                }
                SDL_Event e = {0};
                e.type = SDL_WINDOWEVENT;
                e.window.event = SDL_WINDOWEVENT_SIZE_CHANGED;
                e.window.data1 = w;
                e.window.data2 = h;
                SDL_PushEvent(&e);
                pump(&a);
            }
            break;
        }
        case RC_LANG:
            if (!show_set_lang(a.show, c->arg)) {
                fprintf(stderr, "%s:%d:%d: error: language \"%s\" is not offered\n", script_path,
                        c->line, c->arg_col, c->arg);
                status = 1;
            }
            break;
        case RC_WAIT: advance(&a, (uint64_t)c->num[0]); break;
        case RC_STATE: {
            settle(&a);
            char buf[1024];
            show_state_json(a.show, a.vnow, buf, sizeof buf);
            printf("%s\n", buf);
            fflush(stdout);
            break;
        }
        case RC_SCREENSHOT:
            if (!screenshot(&a, c->arg))
                status = 1;
            break;
        case RC_PRESENTER_SCREENSHOT:
            if (!presenter_screenshot(&a, c->arg))
                status = 1;
            break;
        case RC_COPY:
        case RC_WRITE_PART:
        case RC_MOVE:
        case RC_REMOVE:
            if (!replay_file_cmd(&a, files_ok ? &files : NULL, c, script_path))
                status = 1;
            break;
        }
        observe(&a); /* open and lang act on the show directly */
        if (show_take_swap_request(a.show))
            swap_displays(&a);
        if (show_take_lecture_change(a.show))
            sync_presenter(&a);
        settle(&a);
        if (a.out.win)
            present(&a);
        if (a.soak && !soak_after(&a, status))
            status = 1;
    }
    soakrun_free(a.soak);
    save_rehearsal(&a);
    app_close(&a);
    if (files_ok)
        replay_files_free(&files);
    replay_free(&sc);
    return status;
}

/* ---- --learn-keys ------------------------------------------------------- */

static void learn_draw(App *a, const Learn *l)
{
    SceneView v = {.w = a->out.w, .h = a->out.h, .measure = &a->measure};
    char progress[64];
    snprintf(progress, sizeof progress, "vitrine --learn-keys: %s",
             learn_done(l) ? "done" : "press the clicker's buttons one by one");
    Scene sc;
    scene_init(&sc);
    scene_build_message(&sc, &v, learn_prompt(l), progress);
    render_scene(a->out.ren, &sc, a->out.text, a->out.tex, NULL);
    SDL_RenderPresent(a->out.ren);
    scene_free(&sc);
}

int app_learn_keys(const AppOptions *opt)
{
    App a;
    if (!app_open(&a, opt, false)) {
        app_close(&a);
        return 1;
    }
    Learn *l = learn_create(app_now(&a));
    int status = 1;
    char last_prompt[512] = "";
    bool quit = false;
    a.need_redraw = true;
    while (l && !learn_done(l) && !quit) {
        if (strcmp(learn_prompt(l), last_prompt) != 0) {
            snprintf(last_prompt, sizeof last_prompt, "%s", learn_prompt(l));
            printf("%s\n", last_prompt); /* for a lecturer at a terminal, and for tests */
            fflush(stdout);
            a.need_redraw = true;
        }
        if (a.need_redraw) {
            learn_draw(&a, l);
            a.need_redraw = false;
        }
        uint64_t wait = learn_next_deadline(l, app_now(&a));
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, wait > INT_MAX ? INT_MAX : (int)wait + 1)) {
            Event ev;
            if (e.type == SDL_QUIT) {
                quit = true; /* SIGTERM/SIGINT: leave without writing */
            } else if (e.type == SDL_KEYDOWN && translate(&a, &e, &ev)) {
                learn_key(l, ev.key, ev.mods, ev.repeat, app_now(&a));
            } else if (e.type == SDL_WINDOWEVENT) {
                a.need_redraw = true;
            }
        }
        learn_tick(l, app_now(&a));
    }
    if (l && learn_done(l)) {
        printf("%s\n", learn_prompt(l));
        learn_apply(l, &a.settings.keys);
        char path[4096];
        if (opt->settings)
            snprintf(path, sizeof path, "%s", opt->settings);
        else
            settings_default_path(path, sizeof path);
        DiagList d = {0};
        if (settings_save_keys(path, &a.settings.keys, &d)) {
            printf("vitrine: the clicker's keys are written to %s\n", path);
            status = 0;
        }
        diag_print(&d, stderr);
        diag_clear(&d);
        learn_draw(&a, l);
    }
    learn_free(l);
    app_close(&a);
    return status;
}
