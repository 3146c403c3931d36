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
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/library.h"
#include "core/replay.h"
#include "core/show.h"
#include "render.h"
#include "text.h"
#include "textures.h"

#define HEADLESS_W 1920
#define HEADLESS_H 1080
#define WINDOWED_W 1280
#define WINDOWED_H 720
#define IMAGE_CACHE_ENTRIES 12
#define REPLAY_STEP_MS 16        /* between scripted pointer samples */
#define REPLAY_TAP_MS 60         /* finger down to up in a scripted tap */

typedef struct {
    AppOptions opt;
    bool headless;
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Surface *target;         /* headless: what the software renderer draws into */
    int w, h;                    /* drawable size in pixels */
    Text *text;
    Textures *tex;
    Library *lib;
    Show *show;
    Measure measure;
    bool virtual_clock;
    uint64_t vnow;               /* ms, when virtual_clock */
    bool need_redraw;            /* the window needs repainting though the show did not change */
    char last_state[1024];       /* what was last written to opt.state_file */
} App;

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
    int ww = a->w, wh = a->h;
    if (a->win)
        SDL_GetWindowSize(a->win, &ww, &wh);
    *px = ww > 0 ? (float)x * (float)a->w / (float)ww : (float)x;
    *py = wh > 0 ? (float)y * (float)a->h / (float)wh : (float)y;
}

static void app_resized(App *a);

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
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            return false;
        out->type = e->type == SDL_MOUSEBUTTONDOWN ? EV_POINTER_DOWN : EV_POINTER_UP;
        out->pointer = POINTER_MOUSE;
        to_pixels(a, e->button.x, e->button.y, &out->x, &out->y);
        return true;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK))
            return false;
        out->type = EV_POINTER_MOVE;
        out->pointer = POINTER_MOUSE;
        to_pixels(a, e->motion.x, e->motion.y, &out->x, &out->y);
        return true;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        out->type = e->type == SDL_FINGERDOWN ? EV_POINTER_DOWN
                  : e->type == SDL_FINGERUP   ? EV_POINTER_UP
                                              : EV_POINTER_MOVE;
        out->pointer = 1 + (int)(e->tfinger.fingerId & 0x7fff);
        out->x = e->tfinger.x * (float)a->w;
        out->y = e->tfinger.y * (float)a->h;
        return true;
    case SDL_WINDOWEVENT:
        switch (e->window.event) {
        case SDL_WINDOWEVENT_CLOSE:
            out->type = EV_CLOSE;
            return true;
        case SDL_WINDOWEVENT_SIZE_CHANGED:
            app_resized(a);
            out->type = EV_RESIZE;
            out->w = a->w;
            out->h = a->h;
            return true;
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
        textures_forget(a->tex);
        text_forget(a->text);
        a->need_redraw = true;
        return false;
    case SDL_QUIT:
        out->type = EV_QUIT; /* SIGTERM/SIGINT: window closes do not quit (hint set) */
        return true;
    default:
        return false;
    }
}

static void dispatch(App *a, const SDL_Event *e)
{
    Event ev;
    if (translate(a, e, &ev))
        show_handle(a->show, &ev);
}

static void pump(App *a)
{
    SDL_Event e;
    while (SDL_PollEvent(&e))
        dispatch(a, &e);
}

/* ---- drawing ------------------------------------------------------------- */

static void image_failed(void *ctx, int exhibition, int slide)
{
    App *a = ctx;
    Event ev = {.type = EV_IMAGE_LOADED, .t = app_now(a), .exhibition = exhibition,
                .slide = slide, .ok = false};
    show_handle(a->show, &ev);
}

/* Draw the current scene into the back buffer (not presented). */
static void draw(App *a)
{
    /* An image that fails while drawing changes the scene (a placeholder
     * takes its place), so draw again; each failure happens only once. */
    for (int pass = 0; pass < 4; pass++) {
        render_scene(a->ren, show_scene(a->show), a->text, a->tex, image_failed, a);
        if (!show_dirty(a->show))
            break;
    }
    a->need_redraw = false;
}

static void present(App *a)
{
    draw(a);
    SDL_RenderPresent(a->ren);
}

static bool screenshot(App *a, const char *path)
{
    draw(a);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, a->w, a->h, 24, SDL_PIXELFORMAT_RGB24);
    bool ok = s && SDL_RenderReadPixels(a->ren, NULL, SDL_PIXELFORMAT_RGB24, s->pixels, s->pitch) == 0 &&
              IMG_SavePNG(s, path) == 0;
    if (!ok)
        fprintf(stderr, "vitrine: cannot write screenshot %s: %s\n", path, SDL_GetError());
    SDL_FreeSurface(s);
    if (a->win)
        SDL_RenderPresent(a->ren);
    return ok;
}

/* ---- set-up -------------------------------------------------------------- */

static bool make_headless_target(App *a, int w, int h)
{
    if (a->ren)
        SDL_DestroyRenderer(a->ren);
    SDL_FreeSurface(a->target);
    a->ren = NULL;
    a->target = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (a->target)
        a->ren = SDL_CreateSoftwareRenderer(a->target);
    if (!a->ren) {
        fprintf(stderr, "vitrine: cannot make a %dx%d off-screen renderer: %s\n", w, h, SDL_GetError());
        return false;
    }
    a->w = w;
    a->h = h;
    return true;
}

static void app_resized(App *a)
{
    if (a->ren && !a->headless)
        SDL_GetRendererOutputSize(a->ren, &a->w, &a->h);
    a->need_redraw = true;
}

static void app_close(App *a)
{
    show_free(a->show);
    library_free(a->lib);
    textures_free(a->tex);
    text_free(a->text); /* before the renderer: it owns textures */
    if (a->ren)
        SDL_DestroyRenderer(a->ren);
    SDL_FreeSurface(a->target);
    if (a->win)
        SDL_DestroyWindow(a->win);
    TTF_Quit();
    IMG_Quit();
    SDL_Quit();
}

static bool app_open(App *a, const AppOptions *opt, bool headless)
{
    memset(a, 0, sizeof *a);
    a->opt = *opt;
    a->headless = headless;

    /* A kiosk: closing the window does not end the program (only SIGTERM
     * does), and losing focus does not minimise it to show a desktop. */
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(headless ? SDL_INIT_EVENTS : SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "vitrine: cannot start SDL: %s\n", SDL_GetError());
        return false;
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_WEBP);
    a->text = text_create();
    a->tex = textures_create(IMAGE_CACHE_ENTRIES);
    if (!a->text || !a->tex) {
        fprintf(stderr, "vitrine: cannot set up text (is fonts-noto-core installed?)\n");
        return false;
    }
    a->measure = text_measure(a->text);

    if (headless) {
        if (!make_headless_target(a, opt->w > 0 ? opt->w : HEADLESS_W, opt->h > 0 ? opt->h : HEADLESS_H))
            return false;
    } else {
        Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI |
                       (opt->windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_FULLSCREEN_DESKTOP);
        int w = opt->w > 0 ? opt->w : WINDOWED_W, h = opt->h > 0 ? opt->h : WINDOWED_H;
        int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
        SDL_DisplayMode dm;
        if (!opt->windowed && SDL_GetDesktopDisplayMode(0, &dm) == 0) {
            /* Kiosks often run with no window manager (xinit + vitrine),
             * where nobody honours the fullscreen request: so also make the
             * window exactly the size of the display, at its corner. */
            SDL_Rect b;
            w = dm.w;
            h = dm.h;
            if (SDL_GetDisplayBounds(0, &b) == 0) {
                x = b.x;
                y = b.y;
            }
        }
        a->win = SDL_CreateWindow("vitrine", x, y, w, h, flags);
        if (!a->win) {
            fprintf(stderr, "vitrine: cannot open a window: %s\n", SDL_GetError());
            return false;
        }
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        if (!a->ren) {
            SDL_Log("no accelerated renderer (%s); using the software one", SDL_GetError());
            a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
        }
        if (!a->ren) {
            fprintf(stderr, "vitrine: cannot create a renderer: %s\n", SDL_GetError());
            return false;
        }
        SDL_RendererInfo info;
        if (SDL_GetRendererInfo(a->ren, &info) == 0)
            SDL_Log("renderer: %s", info.name);
        SDL_GetRendererOutputSize(a->ren, &a->w, &a->h);
        if (!opt->windowed)
            SDL_ShowCursor(SDL_DISABLE); /* a touch kiosk shows no mouse pointer */
    }

    DiagList diags = {0};
    a->lib = library_load(opt->dir, &diags);
    if (diags.n) {
        diag_print(&diags, stderr);
        fprintf(stderr, "vitrine: %d error(s), %d warning(s) in %s (run vitrine --check for details)\n",
                diag_count(&diags, DIAG_ERROR), diag_count(&diags, DIAG_WARNING), opt->dir);
    }
    diag_clear(&diags);
    if (!a->lib) {
        fprintf(stderr, "vitrine: out of memory\n");
        return false;
    }
    ShowConfig cfg = {.allow_quit = opt->windowed, .start_lang = opt->lang};
    a->show = show_create(a->lib, &cfg, &a->measure, a->w, a->h);
    if (!a->show) {
        fprintf(stderr, "vitrine: out of memory\n");
        return false;
    }
    if (opt->lang && !show_set_lang(a->show, opt->lang))
        fprintf(stderr, "vitrine: language \"%s\" is not offered (kk, ru, en)\n", opt->lang);
    if (opt->exhibition && !show_open(a->show, opt->exhibition, opt->slide > 0 ? opt->slide : 1)) {
        fprintf(stderr, "vitrine: no exhibition with id \"%s\" in %s\n", opt->exhibition, opt->dir);
        return false;
    }
    return true;
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
    while (show_running(a.show)) {
        if (show_dirty(a.show) || a.need_redraw)
            present(&a);
        write_state_file(&a);
        /* Sleep until input or the next deadline: an idle kiosk uses no CPU. */
        uint64_t wait = show_next_deadline(a.show, app_now(&a));
        SDL_Event e;
        int got = wait == SHOW_NO_DEADLINE ? SDL_WaitEvent(&e)
                                           : SDL_WaitEventTimeout(&e, wait > INT_MAX ? INT_MAX : (int)wait);
        if (got) {
            dispatch(&a, &e);
            pump(&a);
        } else {
            Event tick = {.type = EV_TICK, .t = app_now(&a)};
            show_handle(a.show, &tick);
        }
    }
    write_state_file(&a);
    app_close(&a);
    return 0;
}

int app_render(const AppOptions *opt, const char *out_png)
{
    App a;
    bool ok = app_open(&a, opt, true) && screenshot(&a, out_png);
    app_close(&a);
    return ok ? 0 : 1;
}

/* ---- replay -------------------------------------------------------------- */

static void advance(App *a, uint64_t ms)
{
    uint64_t end = a->vnow + ms;
    while (a->vnow < end) {
        uint64_t d = show_next_deadline(a->show, a->vnow);
        if (d == SHOW_NO_DEADLINE || a->vnow + d >= end) {
            a->vnow = end;
        } else {
            a->vnow += d > 0 ? d : 1;
            Event tick = {.type = EV_TICK, .t = a->vnow};
            show_handle(a->show, &tick);
        }
        pump(a);
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

static void push_mouse(App *a, Uint32 type, double fx, double fy)
{
    SDL_Event e = {0};
    int x = (int)(fx * a->w), y = (int)(fy * a->h);
    if (a->win) { /* window coordinates may be smaller than pixels */
        int ww, wh;
        SDL_GetWindowSize(a->win, &ww, &wh);
        x = (int)(fx * ww);
        y = (int)(fy * wh);
    }
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

static void push_key(App *a, const char *spec)
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
        if (c->op == RC_KEY && replay_split_key(c->arg, &mods, &name) &&
            SDL_GetKeyFromName(name) == SDLK_UNKNOWN) {
            fprintf(stderr, "%s:%d:%d: error: unknown key name \"%s\" (SDL key names: PageDown, Right, "
                    "Return, Escape, Space, F5, a, . ...)\n", path, c->line, c->arg_col, name);
            ok = false;
        }
    }
    return ok;
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
    if (a.win)
        present(&a);

    for (int i = 0; i < sc.n && status == 0; i++) {
        const ReplayCmd *c = &sc.cmds[i];
        switch (c->op) {
        case RC_OPEN:
            if (!show_open(a.show, c->arg, c->n_num ? (int)c->num[0] : 1)) {
                fprintf(stderr, "%s:%d:%d: error: no exhibition with id \"%s\"\n", script_path,
                        c->line, c->arg_col, c->arg);
                status = 1;
            }
            break;
        case RC_KEY: push_key(&a, c->arg); break;
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
        case RC_SWIPE: stroke(&a, false, c->num); break;
        case RC_DRAG: stroke(&a, true, c->num); break;
        case RC_PINCH: pinch(&a, c->num); break;
        case RC_CLOSE: {
            SDL_Event e = {0};
            e.type = SDL_WINDOWEVENT;
            e.window.event = SDL_WINDOWEVENT_CLOSE;
            e.window.windowID = a.win ? SDL_GetWindowID(a.win) : 1;
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
            if (a.win) {
                SDL_SetWindowSize(a.win, w, h);
                advance(&a, 100);
            } else {
                textures_forget(a.tex);
                text_forget(a.text);
                if (!make_headless_target(&a, w, h)) {
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
        }
        if (a.win && (show_dirty(a.show) || a.need_redraw))
            present(&a);
    }
    app_close(&a);
    replay_free(&sc);
    return status;
}
