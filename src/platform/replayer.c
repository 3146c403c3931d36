/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replayer.c - see replayer.h
 *
 * One row per command in `commands` below: what it pushes and how long it
 * takes on the virtual clock. After every command the program settles
 * (app_step_done), so screenshots and states do not depend on the machine.
 */
#include "replayer.h"

#include <SDL.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/replay.h"
#include "core/replay_files.h"
#include "harness/platform/alloctrace.h"
#include "harness/platform/soakrun.h"
#include "harness/platform/texcount.h"

#define REPLAY_STEP_MS 16        /* between scripted pointer samples */
#define REPLAY_TAP_MS 60         /* finger down to up in a scripted tap */
#define REPLAY_REPEAT_DELAY_MS 500 /* X's default auto-repeat: after 500 ms, */
#define REPLAY_REPEAT_EVERY_MS 33  /* 30 times a second */

typedef struct {
    App *a;
    const AppOptions *opt;
    const char *path;            /* the script's, for messages */
    ReplayScript *sc;
    int at;                      /* the command running, in sc */
    ReplayFiles *files;          /* for the file commands, or NULL (could not be set up) */
    SoakRun *soak;               /* the soak test running, or NULL */
} Replayer;

/* ---- pushing input ------------------------------------------------------------- */

static void push_finger(Replayer *r, Uint32 type, SDL_FingerID id, double x, double y)
{
    SDL_Event e = {0};
    e.type = type;
    e.tfinger.timestamp = (Uint32)app_now(r->a);
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = id;
    e.tfinger.x = (float)x;
    e.tfinger.y = (float)y;
    e.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    SDL_PushEvent(&e);
    app_pump(r->a);
}

static void push_mouse(Replayer *r, Uint32 type, double fx, double fy)
{
    SDL_Event e = {0};
    int x, y;
    app_window_point(r->a, fx, fy, &x, &y);
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.timestamp = (Uint32)app_now(r->a);
        e.motion.state = SDL_BUTTON_LMASK;
        e.motion.x = x;
        e.motion.y = y;
    } else {
        e.button.timestamp = (Uint32)app_now(r->a);
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = x;
        e.button.y = y;
    }
    SDL_PushEvent(&e);
    app_pump(r->a);
}

/* A straight stroke from (x0,y0) to (x1,y1) over ms, one sample a frame. */
static void stroke(Replayer *r, bool mouse, const double *n)
{
    double x0 = n[0], y0 = n[1], x1 = n[2], y1 = n[3];
    uint64_t ms = (uint64_t)n[4];
    int steps = (int)(ms / REPLAY_STEP_MS);
    if (steps < 1)
        steps = 1;
    if (mouse)
        push_mouse(r, SDL_MOUSEBUTTONDOWN, x0, y0);
    else
        push_finger(r, SDL_FINGERDOWN, 0, x0, y0);
    for (int i = 1; i <= steps; i++) {
        app_advance(r->a, ms / (uint64_t)steps);
        double t = (double)i / steps;
        double x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t;
        if (mouse)
            push_mouse(r, SDL_MOUSEMOTION, x, y);
        else
            push_finger(r, SDL_FINGERMOTION, 0, x, y);
    }
    if (mouse)
        push_mouse(r, SDL_MOUSEBUTTONUP, x1, y1);
    else
        push_finger(r, SDL_FINGERUP, 0, x1, y1);
}

/* Key down (repeated as auto-repeat would, for hold_ms) and up. */
static void push_key_held(Replayer *r, const char *spec, uint64_t hold_ms)
{
    App *a = r->a;
    unsigned mods = 0;
    const char *name = spec;
    replay_split_key(spec, &mods, &name);
    Uint16 kmod = (Uint16)(((mods & MOD_SHIFT) ? KMOD_LSHIFT : 0) | ((mods & MOD_CTRL) ? KMOD_LCTRL : 0) |
                           ((mods & MOD_ALT) ? KMOD_LALT : 0) | ((mods & MOD_GUI) ? KMOD_LGUI : 0));
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.timestamp = (Uint32)app_now(a);
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = SDL_GetKeyFromName(name);
    e.key.keysym.scancode = SDL_GetScancodeFromKey(e.key.keysym.sym);
    e.key.keysym.mod = kmod;
    SDL_PushEvent(&e);
    app_pump(a);
    uint64_t end = app_now(a) + hold_ms;
    if (hold_ms > REPLAY_REPEAT_DELAY_MS) {
        app_advance(a, REPLAY_REPEAT_DELAY_MS);
        e.key.repeat = 1;
        while (app_now(a) + REPLAY_REPEAT_EVERY_MS <= end) {
            e.key.timestamp = (Uint32)app_now(a);
            SDL_PushEvent(&e);
            app_pump(a);
            app_advance(a, REPLAY_REPEAT_EVERY_MS);
        }
        e.key.repeat = 0;
    }
    if (app_now(a) < end)
        app_advance(a, end - app_now(a));
    e.key.timestamp = (Uint32)app_now(a);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    app_pump(a);
}

/* ---- the commands -------------------------------------------------------------- */

/* Each returns false when the command failed (said on stderr). */
typedef bool (*CommandFn)(Replayer *r, const ReplayCmd *c);

static bool cmd_open(Replayer *r, const ReplayCmd *c)
{
    app_complete(r->a);
    if (show_open(app_show(r->a), c->arg, c->n_num ? (int)c->num[0] : 1))
        return true;
    fprintf(stderr, "%s:%d:%d: error: no exhibition with id \"%s\"\n", r->path, c->line, c->arg_col, c->arg);
    return false;
}

static bool cmd_lang(Replayer *r, const ReplayCmd *c)
{
    app_complete(r->a);
    if (show_set_lang(app_show(r->a), c->arg))
        return true;
    fprintf(stderr, "%s:%d:%d: error: language \"%s\" is not offered\n", r->path, c->line, c->arg_col, c->arg);
    return false;
}

static bool cmd_key(Replayer *r, const ReplayCmd *c)
{
    push_key_held(r, c->arg, c->op == RC_HOLD ? (uint64_t)c->num[0] : 0);
    return true;
}

static bool cmd_tap(Replayer *r, const ReplayCmd *c)
{
    push_finger(r, SDL_FINGERDOWN, 0, c->num[0], c->num[1]);
    app_advance(r->a, REPLAY_TAP_MS);
    push_finger(r, SDL_FINGERUP, 0, c->num[0], c->num[1]);
    return true;
}

static bool cmd_click(Replayer *r, const ReplayCmd *c)
{
    push_mouse(r, SDL_MOUSEBUTTONDOWN, c->num[0], c->num[1]);
    app_advance(r->a, REPLAY_TAP_MS);
    push_mouse(r, SDL_MOUSEBUTTONUP, c->num[0], c->num[1]);
    return true;
}

static bool cmd_finger(Replayer *r, const ReplayCmd *c)
{
    Uint32 type = c->op == RC_FINGER_DOWN ? SDL_FINGERDOWN : c->op == RC_FINGER_UP ? SDL_FINGERUP : SDL_FINGERMOTION;
    push_finger(r, type, 0, c->num[0], c->num[1]);
    return true;
}

static bool cmd_stroke(Replayer *r, const ReplayCmd *c)
{
    stroke(r, c->op == RC_DRAG, c->num);
    return true;
}

/* Two fingers around (cx, cy), their distance going from s0 to s1 times a
 * tenth of the window width. */
static bool cmd_pinch(Replayer *r, const ReplayCmd *c)
{
    double cx = c->num[0], cy = c->num[1], s0 = c->num[2], s1 = c->num[3];
    uint64_t ms = (uint64_t)c->num[4];
    int steps = (int)(ms / REPLAY_STEP_MS);
    if (steps < 1)
        steps = 1;
    double r0 = 0.05 * s0, r1 = 0.05 * s1;
    push_finger(r, SDL_FINGERDOWN, 0, cx - r0, cy);
    push_finger(r, SDL_FINGERDOWN, 1, cx + r0, cy);
    for (int i = 1; i <= steps; i++) {
        app_advance(r->a, ms / (uint64_t)steps);
        double d = r0 + (r1 - r0) * i / steps;
        push_finger(r, SDL_FINGERMOTION, 0, cx - d, cy);
        push_finger(r, SDL_FINGERMOTION, 1, cx + d, cy);
    }
    push_finger(r, SDL_FINGERUP, 0, cx - r1, cy);
    push_finger(r, SDL_FINGERUP, 1, cx + r1, cy);
    return true;
}

/* num[2] notches of the mouse wheel with the pointer at (num[0], num[1]). */
static bool cmd_wheel(Replayer *r, const ReplayCmd *c)
{
    SDL_Event e = {0};
    e.type = SDL_MOUSEWHEEL;
    e.wheel.timestamp = (Uint32)app_now(r->a);
    e.wheel.y = (Sint32)c->num[2];
    e.wheel.preciseY = (float)c->num[2];
    e.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
    app_window_point(r->a, c->num[0], c->num[1], &e.wheel.mouseX, &e.wheel.mouseY);
    SDL_PushEvent(&e);
    app_pump(r->a);
    return true;
}

static bool cmd_close(Replayer *r, const ReplayCmd *c)
{
    SDL_Event e = {0};
    e.type = SDL_WINDOWEVENT;
    e.window.event = SDL_WINDOWEVENT_CLOSE;
    e.window.windowID = app_window_id(r->a);
    SDL_PushEvent(&e);
    app_pump(r->a);
    return true;
}

static bool cmd_sigterm(Replayer *r, const ReplayCmd *c)
{
    raise(SIGTERM); /* through SDL's real handler, as systemd would send it */
    app_pump(r->a);
    return true;
}

static bool cmd_resize(Replayer *r, const ReplayCmd *c)
{
    return app_resize(r->a, (int)c->num[0], (int)c->num[1]);
}

static bool cmd_wait(Replayer *r, const ReplayCmd *c)
{
    app_advance(r->a, (uint64_t)c->num[0]);
    return true;
}

static bool cmd_state(Replayer *r, const ReplayCmd *c)
{
    app_settle(r->a);
    char buf[1024];
    show_state_json(app_show(r->a), app_now(r->a), buf, sizeof buf);
    printf("%s\n", buf);
    fflush(stdout);
    return true;
}

static bool cmd_screenshot(Replayer *r, const ReplayCmd *c)
{
    return c->op == RC_SCREENSHOT ? app_screenshot(r->a, c->arg) : app_presenter_screenshot(r->a, c->arg);
}

/* A file command (replay_files.h); the changes it makes are read at once,
 * at this virtual time. */
static bool cmd_file(Replayer *r, const ReplayCmd *c)
{
    char err[1024] = "out of memory";
    if (!r->files || !replay_files_run(r->files, c, err, sizeof err)) {
        fprintf(stderr, "%s:%d:%d: error: %s\n", r->path, c->line, c->arg_col, err);
        return false;
    }
    app_reload(r->a);
    return true;
}

/* ---- the soak test (docs/replay.md; the harness in src/harness/) ----------------- */

/* What is alive in the soak's known state, every cache emptied first. */
static void soak_measure(Replayer *r, SoakMeasure *m)
{
    app_settle(r->a);
    app_pump(r->a);
    soakrun_event_room(r->soak);
    app_forget_caches(r->a);
    m->allocations = SDL_GetNumAllocations();
    m->textures = texcount_live();
    m->loads = app_reloads(r->a);
    show_state_json(app_show(r->a), app_now(r->a), m->state, sizeof m->state);
}

/* soak (its script put into the replay), and its two measuring points. */
static bool cmd_soak(Replayer *r, const ReplayCmd *c)
{
    SoakMeasure m;
    switch (c->op) {
    case RC_SOAK:
        if (r->opt->lecture || r->opt->preview) { /* its known state is the kiosk's */
            fprintf(stderr, "%s:%d:1: error: the soak runs the kiosk, not --lecture or --preview\n", r->path,
                    c->line);
            return false;
        }
        r->soak = soakrun_start(r->sc, r->at, r->path, app_settings(r->a));
        return r->soak != NULL;
    case RC_SOAK_BEGIN:
        soak_measure(r, &m);
        soakrun_begin(r->soak, &m);
        alloctrace_mark();
        return true;
    default: {
        alloctrace_stop();
        soak_measure(r, &m);
        bool ok = soakrun_end(r->soak, &m);
        if (!ok)
            alloctrace_report(stderr); /* with VITRINE_SOAK_TRACE=1 */
        soakrun_free(r->soak);
        r->soak = NULL;
        return ok;
    }
    }
}

/* After each step of a soak: vitrine must still run, and now and then the
 * frame is drawn (lines of text into textures, pictures onto the target),
 * but never read back: that is what makes screenshots slow. */
static bool soak_after(Replayer *r, int status)
{
    if (status != 0 || !show_running(app_show(r->a))) {
        soakrun_failed(r->soak, status != 0 ? "the step failed (see above)" : "vitrine ended");
        return false;
    }
    if (soakrun_draw_due(r->soak) && !app_has_window(r->a))
        app_draw_offscreen(r->a);
    return true;
}

/* ---- the script ------------------------------------------------------------------ */

/* One handler per command of replay.h: a new command is a row here. */
static const CommandFn commands[] = {
    [RC_OPEN] = cmd_open,
    [RC_KEY] = cmd_key,
    [RC_TAP] = cmd_tap,
    [RC_CLICK] = cmd_click,
    [RC_SWIPE] = cmd_stroke,
    [RC_DRAG] = cmd_stroke,
    [RC_PINCH] = cmd_pinch,
    [RC_CLOSE] = cmd_close,
    [RC_SIGTERM] = cmd_sigterm,
    [RC_RESIZE] = cmd_resize,
    [RC_LANG] = cmd_lang,
    [RC_WAIT] = cmd_wait,
    [RC_STATE] = cmd_state,
    [RC_SCREENSHOT] = cmd_screenshot,
    [RC_PRESENTER_SCREENSHOT] = cmd_screenshot,
    [RC_HOLD] = cmd_key,
    [RC_FINGER_DOWN] = cmd_finger,
    [RC_FINGER_MOVE] = cmd_finger,
    [RC_FINGER_UP] = cmd_finger,
    [RC_COPY] = cmd_file,
    [RC_WRITE_PART] = cmd_file,
    [RC_MOVE] = cmd_file,
    [RC_REMOVE] = cmd_file,
    [RC_WHEEL] = cmd_wheel,
    [RC_SOAK] = cmd_soak,
    [RC_SOAK_BEGIN] = cmd_soak,
    [RC_SOAK_END] = cmd_soak,
};
#define N_COMMANDS (int)(sizeof commands / sizeof commands[0])

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

/* Every command in turn until one fails; the soak's commands are put into
 * sc as it runs. */
static int run_script(Replayer *r)
{
    int status = 0;
    for (r->at = 0; r->at < r->sc->n && status == 0; r->at++) {
        const ReplayCmd *c = &r->sc->cmds[r->at];
        soakrun_step(r->soak, c);
        CommandFn run = (int)c->op < N_COMMANDS ? commands[c->op] : NULL;
        if (!run) /* a command replay.h parses but nobody wrote a row for */
            fprintf(stderr, "%s:%d:1: error: vitrine cannot run this command\n", r->path, c->line);
        if (!run || !run(r, c))
            status = 1;
        app_step_done(r->a);
        if (r->soak && !soak_after(r, status))
            status = 1;
    }
    return status;
}

int replayer_run(const AppOptions *opt, const char *script_path)
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

    Replayer r = {.opt = opt, .path = script_path, .sc = &sc};
    r.a = app_open(opt, !opt->windowed);
    if (!r.a || !check_keys(&sc, script_path)) {
        app_close(r.a);
        replay_free(&sc);
        return 2;
    }
    app_use_virtual_clock(r.a);
    ReplayFiles files;
    bool files_ok = replay_files_init(&files, script_path, opt->dir);
    r.files = files_ok ? &files : NULL;
    if (replay_changes_files(&sc) || opt->preview)
        app_watch(r.a);
    app_present_window(r.a);

    int status = run_script(&r);
    soakrun_free(r.soak);
    app_save_rehearsal(r.a);
    app_close(r.a);
    if (files_ok)
        replay_files_free(&files);
    replay_free(&sc);
    return status;
}
