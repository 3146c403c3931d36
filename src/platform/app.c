/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app.c - see app.h
 *
 * Start-up (app_open) and the main loop (app_run), with what both share:
 * events into the show, drawing and presenting. Beside it: input.c
 * translates SDL events, outputs.c keeps the windows on their displays,
 * content.c holds the exhibitions and swaps in reloads, records.c writes
 * lecture records, statistics and the state file. Above it, replayer.c
 * drives replays and learnkeys.c --learn-keys.
 */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/cache_policy.h"
#include "harness/platform/alloctrace.h"
#include "content.h"
#include "decode.h"
#include "decode_pdf.h"
#include "films.h"
#include "input.h"
#include "outputs.h"
#include "records.h"
#include "render.h"
#include "service.h"
#include "text.h"
#include "textures.h"
#include "trace.h"

#define HEADLESS_W 1920
#define HEADLESS_H 1080
#define AHEAD_MIN_WAIT_MS 30      /* draw ahead (draw_ahead) only when nothing is due sooner */
#define HOLD_MS 120               /* a new slide whose picture is still decoding: keep the old frame this long */
#define FILM_POLL_MS 8             /* a film playing: how often its new frames are looked for */
#define SOUND_POLL_MS 250          /* a narration playing: how often its end is looked for */
#define SETTLE_MS 20000          /* replays: longest wait for the pictures of a scene */

struct App {
    AppOptions opt;
    bool headless;
    Outputs o;                   /* the audience's output and the presenter view */
    Settings settings;
    Text *mtext;                 /* fonts for measuring text: lives as long as the show */
    char stamp[32];              /* start time for file names, 20261125-190300 */
    char index_dir[4096];        /* the state folder of the start index, "" for none (Content.index_dir) */
    bool presented;              /* a frame has been presented (not only held for its pictures) */
    Content c;                   /* the exhibitions, reloaded as they change */
    Show *show;
    Measure measure;
    bool virtual_clock;
    uint64_t vnow;               /* ms, when virtual_clock */
    uint64_t t0_ns;              /* CLOCK_MONOTONIC when SDL's ticks were 0 (real_ns) */
    bool need_redraw;            /* the window needs repainting though the show did not change */
    bool film_only;              /* and only because the film has a new frame */
    uint64_t drawn_at;           /* when the whole scene was drawn last */
    uint64_t last_finger;        /* app_now() of the latest finger event plus 1, 0 = none */
    uint64_t hold_since;         /* a new scene is waiting for its pictures since (0: not) */
    Records rec;                 /* lecture records and visitor statistics */
    bool displays_check;         /* something happened that may have moved a display or a window */
    bool complete;               /* the last audience frame drew every image from real pixels (trace) */
    RenderFacts facts;           /* and what else it showed of them: previews, pictures missing (trace) */
    bool zoom_full_seen;         /* the zoomed picture was drawn at full resolution (trace) */
    bool zoom_full_new;          /* and that frame is the first such: trace it once presented */
    Scene ahead;                 /* a slide likely next, as it will look (draw_ahead) */
    bool ahead_done;             /* its lines are drawn ahead since the last frame */
};

/* The real clock in ns since SDL's ticks began, read from CLOCK_MONOTONIC:
 * app_now is its milliseconds, and the wait for an animation's next beat
 * (app_run) takes off the part of a millisecond already gone, which
 * SDL_GetTicks64 drops and which made frames 15 or 17 ms apart. */
static uint64_t real_ns(const App *a)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec - a->t0_ns;
}

uint64_t app_now(const App *a)
{
    return a->virtual_clock ? a->vnow : real_ns(a) / 1000000u;
}

/* ---- events into the show --------------------------------------------------- */

static void take_pictures(App *a);
static void follow_displays(App *a);

/* After each event the show handled. */
static void observe(App *a)
{
    records_observe(&a->rec, a->show, app_now(a));
}

static unsigned translate(App *a, const SDL_Event *e, Event *ev)
{
    InputView v = {.now = app_now(a), .w = a->o.out.w, .h = a->o.out.h, .win_w = a->o.out.w,
                   .win_h = a->o.out.h, .last_finger = a->last_finger};
    if (a->o.out.win)
        SDL_GetWindowSize(a->o.out.win, &v.win_w, &v.win_h);
    if (a->o.pres.win)
        v.presenter_window = SDL_GetWindowID(a->o.pres.win);
    unsigned got = input_translate(e, &v, ev);
    if (got & INPUT_FINGER)
        a->last_finger = v.now + 1;
    if (got & INPUT_RESIZED) {
        outputs_measure(&a->o);
        ev->w = a->o.out.w;
        ev->h = a->o.out.h;
    }
    if (got & INPUT_RESET) {
        textures_forget(a->o.out.tex);
        text_forget(a->o.out.text);
    }
    if (got & INPUT_DISPLAYS)
        a->displays_check = true;
    if (got & INPUT_REDRAW)
        a->need_redraw = true;
    return got;
}

/* Does ev make the show act on the library (more than redraw the home
 * screen)? A new window's size must not wait for the whole library: the
 * first frame would (issue 15). */
static bool acts_on_library(const Event *ev)
{
    return ev->type != EV_RESIZE && ev->type != EV_POINTER_MOVE && ev->type != EV_CLOSE && ev->type != EV_QUIT;
}

static void dispatch(App *a, const SDL_Event *e)
{
    Event ev;
    trace_input(e);
    if (a->o.tex_config.wake_event && e->type == a->o.tex_config.wake_event) {
        take_pictures(a);
    } else if (displays_event(a->o.displays, e)) {
        a->displays_check = true;
    } else if (translate(a, e, &ev) & INPUT_EVENT) {
        if (acts_on_library(&ev))
            app_complete(a); /* a visitor acts on the whole library, never on the index's summaries */
        show_handle(a->show, &ev);
        observe(a);
    }
    if (a->displays_check)
        follow_displays(a);
}

void app_pump(App *a)
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
    if (textures_pump(a->o.out.tex, a->o.out.ren, image_loaded, a) > 0)
        a->need_redraw = true;
    if (a->o.pres.ren && textures_pump(a->o.pres.tex, a->o.pres.ren, image_loaded, a) > 0)
        a->need_redraw = true;
}

/* Tell the audience's cache what the scene shows and what comes next. */
static void want_pictures(App *a, const Scene *sc)
{
    ImageRequest pre[CACHE_AHEAD + CACHE_BEHIND];
    int n = show_prefetch(a->show, pre, CACHE_AHEAD + CACHE_BEHIND);
    textures_want(a->o.out.tex, a->o.out.ren, sc, sc->clear, pre, n);
}

/* Replays: the pictures the scene wants are decoded before the script goes
 * on, as if decoding took no time on the virtual clock, so screenshots and
 * states do not depend on the machine's speed. Loading one may change the
 * scene (a placeholder, a zoom that can now start), so until it is stable. */
void app_settle(App *a)
{
    for (int round = 0; round < 4; round++) {
        bool dirty = show_dirty(a->show);
        want_pictures(a, show_scene(a->show));
        if (dirty)
            a->need_redraw = true; /* show_scene() took the flag; a window must still redraw */
        bool idle = textures_settle(a->o.out.tex, a->o.out.ren, SETTLE_MS, image_loaded, a);
        if (!idle)
            SDL_Log("replay: pictures still decoding after %d ms", SETTLE_MS);
        if (!show_dirty(a->show))
            break;
    }
}

/* The film's progress back to the show (films_sync() has followed the
 * scene, so it is this slide's film): its scrub bar, a visitor watching is
 * not idle, the presenter view shows where it is, statistics count it. */
static void report_film(App *a)
{
    const SlideMedia *m;
    int ms, len;
    bool playing = films_state(&m, &ms, &len), ended;
    show_film_state(a->show, m, playing, ms, len, app_now(a));
    films_sound(&ended);
    if (ended) /* a narration or a reading aloud came to its end */
        show_sound_ended(a->show);
}

/* The film of a slide next to the one shown (the next, else the previous),
 * opened ahead of the page turn (films_preroll); NULL when there is none,
 * and off the slides, in the attract loop and on the virtual clock. */
static const SlideMedia *film_next_door(const App *a, const ShowSnapshot *snap)
{
    int i = snap->screen == SCREEN_SLIDE && !snap->attract && snap->exhibition && !a->virtual_clock
                ? library_find(a->c.lib, snap->exhibition)
                : -1;
    const Exhibition *ex = i >= 0 ? a->c.lib->items[i] : NULL;
    for (int d = 1; ex && d >= -1; d -= 2) {
        int k = snap->slide + d;
        if (k >= 0 && k < ex->n_slides && slide_media_has_video(&ex->slides[k].media))
            return &ex->slides[k].media;
    }
    return NULL;
}

/* Draw the audience's scene into the back buffer (not presented). */
static bool draw(App *a)
{
    const Settings *st = app_settings(a);
    time_t wall = time(NULL);
    struct tm lt;
    int minute = localtime_r(&wall, &lt) ? lt.tm_hour * 60 + lt.tm_min : -1;
    bool quiet = settings_quiet_now(st, minute);
    show_set_quiet(a->show, quiet); /* before the scene: no narration button in quiet hours */
    if (a->virtual_clock)
        app_settle(a);
    /* the pictures were asked for already: by present(), or by app_settle() */
    const Scene *sc = show_scene(a->show);
    ShowSnapshot snap;
    show_snapshot(a->show, &snap); /* a film follows the slide and the language */
    films_set_rules(st->autoplay, quiet);
    films_set_narration(show_narration(a->show));
    ReadAloud reading;
    show_read_aloud(a->show, &reading);
    films_set_speech(&reading);
    films_preroll(film_next_door(a, &snap));
    if (films_sync(a->o.out.ren, sc, snap.lang, a->o.out.w, a->o.out.h, a->virtual_clock)) {
        show_film_opened(a->show);
        if (a->virtual_clock) { /* its length is known now: the scrub bar in this very picture */
            report_film(a);
            sc = show_scene(a->show);
        }
    }
    bool complete = render_scene(a->o.out.ren, sc, a->o.out.text, a->o.out.tex, &a->facts);
    bool full = a->facts.zoom_full;
    a->complete = complete;
    a->zoom_full_new = full && !a->zoom_full_seen;
    a->zoom_full_seen = full;
    a->need_redraw = false;
    return complete;
}

static void draw_presenter(App *a)
{
    Output *p = &a->o.pres;
    char clock[16];
    records_clock(&a->rec, app_now(a), clock, sizeof clock);
    const Scene *sc = show_presenter_scene(a->show, p->w, p->h, app_now(a), clock);
    textures_want(p->tex, p->ren, sc, sc->clear, NULL, 0);
    if (a->virtual_clock && !textures_settle(p->tex, p->ren, SETTLE_MS, image_loaded, a))
        SDL_Log("replay: presenter pictures still decoding after %d ms", SETTLE_MS);
    render_scene(p->ren, sc, p->text, p->tex, NULL);
}

void app_draw_offscreen(App *a)
{
    draw(a);
    if (a->o.pres.ren)
        draw_presenter(a);
}

/* Present whatever changed, on each output. */
/* A film's new frame alone: only the film drawn (films_draw_alone), the
 * scene as it was; the whole of it at least once a second all the same
 * (quiet hours, the settings draw() applies). */
static bool present_film_only(App *a)
{
    uint64_t now = app_now(a);
    bool only = a->film_only && !a->virtual_clock && !show_dirty(a->show) && now < a->drawn_at + 1000;
    a->film_only = false;
    if (!only)
        return false;
    uint64_t t0 = trace_clock();
    SDL_RenderFlush(a->o.out.ren); /* nothing of the renderer's waits to be drawn over it */
    bool direct = films_present_alone(a->o.out.win, a->o.out.ren);
    if (!direct && !films_draw_alone(a->o.out.ren))
        return false;
    uint64_t drawn = trace_clock();
    if (!direct)
        SDL_RenderPresent(a->o.out.ren);
    service_presented(now);
    trace_frame(a->show, a->complete, a->facts.previews, a->facts.missing == 0, t0, drawn);
    a->need_redraw = false;
    return true;
}

static void present(App *a)
{
    if (present_film_only(a))
        return;
    bool redraw = a->need_redraw;
    if (show_dirty(a->show) || redraw) {
        /* A new slide whose picture is a few milliseconds from ready: keep
         * the old frame a moment rather than flash an empty one. */
        const Scene *sc = show_scene(a->show);
        want_pictures(a, sc);
        uint64_t now = app_now(a);
        if (!a->virtual_clock && textures_pending(a->o.out.tex, sc) > 0 &&
            (!a->hold_since || now < a->hold_since + HOLD_MS)) {
            if (!a->hold_since)
                a->hold_since = now;
            a->need_redraw = true;
            return;
        }
        a->hold_since = 0;
        uint64_t t0 = trace_clock();
        draw(a);
        a->drawn_at = now;
        a->ahead_done = false;
        uint64_t drawn = trace_clock();
        SDL_RenderPresent(a->o.out.ren);
        a->presented = true;
        service_presented(now);
        trace_frame(a->show, a->complete, a->facts.previews, a->facts.missing == 0, t0, drawn);
        if (a->zoom_full_new) { /* the benchmark's zoom figures end here */
            ShowSnapshot snap;
            show_snapshot(a->show, &snap);
            trace_event("zoom-full", "zoom=%.2f", snap.zoom);
        }
    }
    if (a->o.pres.ren && (show_presenter_dirty(a->show) || redraw)) {
        draw_presenter(a);
        SDL_RenderPresent(a->o.pres.ren);
    }
}

void app_present_window(App *a)
{
    if (a->o.out.win) {
        a->need_redraw = true;
        present(a);
    }
}

bool app_screenshot(App *a, const char *path)
{
    draw(a);
    return outputs_screenshot(&a->o.out, path);
}

bool app_presenter_screenshot(App *a, const char *path)
{
    if (!a->o.pres.ren) {
        fprintf(stderr, "vitrine: no presenter view to take a screenshot of (only in --lecture)\n");
        return false;
    }
    draw_presenter(a);
    return outputs_screenshot(&a->o.pres, path);
}

void app_show_message(App *a, const char *message, const char *status)
{
    SceneView v = {.w = a->o.out.w, .h = a->o.out.h, .measure = &a->measure};
    Scene sc;
    scene_init(&sc);
    scene_build_message(&sc, &v, message, status);
    render_scene(a->o.out.ren, &sc, a->o.out.text, a->o.out.tex, NULL);
    SDL_RenderPresent(a->o.out.ren);
    scene_free(&sc);
}

/* ---- lectures: records, the presenter view, the displays --------------------- */

/* A lecture started from the admin menu has ended. */
static void lecture_ended(void *ctx, const Rehearsal *r)
{
    App *a = ctx;
    records_lecture(&a->rec, r);
}

void app_save_rehearsal(App *a)
{
    Event now = {.type = EV_TICK, .t = app_now(a)}; /* count up to this moment */
    show_handle(a->show, &now);
    records_lecture(&a->rec, show_rehearsal(a->show));
}

/* A lecture began or ended while vitrine runs (from the admin menu): the
 * presenter view comes and goes with it. */
static void sync_presenter(App *a)
{
    outputs_sync_presenter(&a->o, show_lecture_mode(a->show), app_now(a));
    show_set_presenter(a->show, a->o.pres.ren != NULL);
    a->need_redraw = true;
}

/* The lecturer pressed "swap displays". */
static void swap_displays(App *a)
{
    bool reopened;
    if (!outputs_swap(&a->o, &reopened))
        return;
    if (reopened) {
        show_set_presenter(a->show, a->o.pres.ren != NULL);
        a->need_redraw = true;
    }
    Event ev = {.type = EV_RESIZE, .t = app_now(a), .w = a->o.out.w, .h = a->o.out.h};
    show_handle(a->show, &ev);
}

/* Displays changed, or a window moved: the show learns about a presenter
 * view that closed or opened (a new size comes as a resize event). */
static void follow_displays(App *a)
{
    a->displays_check = false;
    bool had = a->o.pres.ren != NULL;
    if (!outputs_follow(&a->o, show_lecture_mode(a->show), app_now(a)))
        return;
    if ((a->o.pres.ren != NULL) != had)
        show_set_presenter(a->show, a->o.pres.ren != NULL);
    a->need_redraw = true;
}

/* ---- set-up -------------------------------------------------------------- */

void app_close(App *a)
{
    if (!a)
        return;
    records_end(&a->rec, app_now(a));
    films_free(); /* its sound stops with it */
    show_free(a->show);
    scene_free(&a->ahead);
    content_close(&a->c);
    outputs_close(&a->o);
    pdf_reader_end(); /* after the decoding threads: they shared it */
    text_free(a->mtext);
    settings_free(&a->settings);
    text_quit();
    TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    free(a);
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


/* The service manager's status while the kiosk waits for exhibition id. */
static void wait_status(const App *a, const char *id, const char *why)
{
    char status[512];
    snprintf(status, sizeof status, "waiting for exhibition \"%s\" (%s): showing %s", id, why,
             show_only(a->show) ? "\"being prepared\"" : "the home screen");
    service_status(status);
}

/* Everything app_open does, on a zeroed App; false leaves closing to it. */
static bool open_app(App *a, const AppOptions *opt, bool headless)
{
    alloctrace_install(); /* VITRINE_SOAK_TRACE: before SDL allocates anything */
    a->opt = *opt;
    a->headless = headless;
    a->o.headless = headless;
    a->o.windowed = opt->windowed;
    a->o.want_w = opt->w;
    a->o.want_h = opt->h;
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

    outputs_prepare(headless, opt->windowed);
    if (!outputs_init_sdl(headless))
        return false;
    if (!headless)
        outputs_choose_renderer();
    trace_event("open", "phase=sdl");
    /* the decoding threads push this when a picture is ready */
    a->o.tex_config.wake_event = SDL_RegisterEvents(1);
    if (a->o.tex_config.wake_event == (Uint32)-1)
        a->o.tex_config.wake_event = 0;
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
    decode_use_display_profile(a->settings.display_profile);
    service_init();
    a->o.tex_config.budget = (size_t)a->settings.cache_mb << 20;
    a->o.tex_config.zoom_budget = (size_t)a->settings.zoom_cache_mb << 20;
    a->o.presenter_display = a->settings.presenter_display;
    a->rec.state_dir = opt->state_dir;
    a->rec.settings = &a->settings;
    a->rec.stamp = a->stamp;

    a->c = (Content){.dir = opt->dir, .preview = opt->preview, .exhibition = opt->exhibition, .slide = opt->slide};
    /* a kiosk's home screen may start from the start index (startfile.h);
     * whatever opens an exhibition at once needs all of it */
    if (opt->state_dir)
        snprintf(a->index_dir, sizeof a->index_dir, "%s", opt->state_dir);
    else if (opt->settings_state)
        settings_state_dir(&a->settings, a->index_dir, sizeof a->index_dir);
    /* small copies of large pictures for their next previews (prevstore.h);
     * headless (--render, replays) neither kept nor read */
    if (a->index_dir[0] && !headless)
        a->o.tex_config.store_dir = a->index_dir;
    if (a->index_dir[0] && !opt->lecture && !opt->preview && !opt->exhibition && !opt->exhibition_required)
        a->c.index_dir = a->index_dir;
    if (!content_load(&a->c))
        return false;
    trace_event("open", "phase=library exhibitions=%d partial=%d", a->c.lib ? a->c.lib->n : 0,
                a->c.lib && a->c.lib->partial);

    if (headless) {
        /* Headless lectures also draw a presenter view, for replays to check. */
        if (!outputs_open_offscreen(&a->o, opt->w > 0 ? opt->w : HEADLESS_W, opt->h > 0 ? opt->h : HEADLESS_H,
                                    opt->lecture))
            return false;
    } else {
        outputs_choose(&a->o, opt->lecture);
    }
    a->mtext = text_create();
    if (!a->mtext) {
        fprintf(stderr, "vitrine: cannot set up text (is fonts-noto-core installed?)\n");
        return false;
    }
    a->measure = text_measure(a->mtext);
    trace_event("open", "phase=text");

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
    a->show = show_create(a->c.lib, &cfg, &a->measure, 1, 1);
    if (!a->show) {
        fprintf(stderr, "vitrine: out of memory\n");
        return false;
    }
    if (!headless && !outputs_open_windows(&a->o))
        return false;
    trace_event("open", "phase=windows");
    show_set_presenter(a->show, a->o.pres.ren != NULL);
    a->need_redraw = !headless;
    Event size = {.type = EV_RESIZE, .w = a->o.out.w, .h = a->o.out.h};
    show_handle(a->show, &size);

    if (opt->lang && !show_set_lang(a->show, opt->lang))
        fprintf(stderr, "vitrine: language \"%s\" is not offered\n", opt->lang);
    const char *ex_id = opt->exhibition;
    if (!ex_id && opt->lecture && a->c.lib->n > 0)
        ex_id = a->c.lib->items[0]->id; /* a lecture opens the first exhibition unless told */
    bool kiosk = !opt->lecture && !opt->preview && !opt->exhibition_required;
    if (kiosk && a->settings.exhibition_only && !ex_id)
        fprintf(stderr, "vitrine: kiosk.exhibition_only is set, but no --exhibition says which: "
                        "every exhibition is shown\n");
    if (kiosk && a->settings.exhibition_only && ex_id && !show_set_only(a->show, ex_id, opt->slide)) {
        fprintf(stderr, "vitrine: out of memory\n");
        return false;
    }
    if (ex_id && !show_open(a->show, ex_id, opt->slide > 0 ? opt->slide : 1)) {
        if (!kiosk || !content_wait_for(&a->c, a->show, ex_id)) {
            fprintf(stderr, "vitrine: no exhibition with id \"%s\" in %s\n", ex_id, opt->dir);
            return false;
        }
        wait_status(a, ex_id, "missing or broken at start");
    }
    records_begin(&a->rec);
    observe(a); /* where things stand at the start */
    content_begin(&a->c, a->show);
    return true;
}

App *app_open(const AppOptions *opt, bool headless)
{
    App *a = calloc(1, sizeof *a);
    if (!a) {
        fprintf(stderr, "vitrine: out of memory\n");
        return NULL;
    }
    scene_init(&a->ahead);
    a->t0_ns = real_ns(a) - SDL_GetTicks64() * 1000000u; /* app_now counts as SDL's ticks do */
    if (!open_app(a, opt, headless)) {
        app_close(a);
        return NULL;
    }
    return a;
}

void app_use_virtual_clock(App *a)
{
    a->virtual_clock = true;
    a->vnow = 0;
    a->rec.virtual_clock = true;
}

Show *app_show(App *a)
{
    return a->show;
}

Settings *app_settings(App *a)
{
    return &a->settings;
}

/* ---- hot reload ------------------------------------------------------------ */

/* The first deadline of the show and of the hot reload, in ms from now. */
static uint64_t next_deadline(const App *a, uint64_t now)
{
    uint64_t d = show_next_deadline(a->show, now);
    uint64_t r = content_next_deadline(&a->c, now);
    return r < d ? r : d;
}

void app_watch(App *a)
{
    content_watch(&a->c, false); /* on the virtual clock: loads are waited for */
}

int app_reloads(const App *a)
{
    return content_reloads(&a->c);
}

/* The exhibition a kiosk waits for (content_wait_for) has come. */
static void open_waiting(App *a)
{
    if (!content_open_waiting(&a->c, a->show))
        return;
    service_status(NULL);
    observe(a);
    a->need_redraw = true;
}

/* Some slide of lib has a film. */
static bool has_films(const Library *lib)
{
    for (int i = 0; lib && i < lib->n; i++)
        for (int k = 0; k < lib->items[i]->n_slides; k++)
            if (slide_media_has_video(&lib->items[i]->slides[k].media))
                return true;
    return false;
}

/* The whole library has replaced the start index's summaries. */
static void completed(App *a)
{
    trace_event("library", "complete exhibitions=%d", a->c.lib->n);
    if (!a->virtual_clock && has_films(a->c.lib))
        films_prepare(); /* as app_run does for a library loaded whole at start */
    observe(a);
    a->need_redraw = true;
}

void app_complete(App *a)
{
    if (content_complete(&a->c, a->show, app_now(a)))
        completed(a);
}

void app_reload(App *a)
{
    open_waiting(a); /* also when the visitor it waited for has left */
    ContentSwap swap = content_reload(&a->c, a->show, app_now(a));
    if (swap == CONTENT_COMPLETED)
        completed(a);
    if (swap != CONTENT_RELOADED)
        return;
    open_waiting(a);
    if (content_lost_only(&a->c, a->show)) /* the one exhibition of the kiosk is gone */
        wait_status(a, a->c.waiting, "gone");
    textures_reset(a->o.out.tex); /* images may have changed under the same names */
    textures_reset(a->o.pres.tex);
    a->need_redraw = true;
}

/* ---- interactive --------------------------------------------------------- */

/* What the show asked of the program since the last look. */
static void show_requests(App *a)
{
    if (show_take_swap_request(a->show))
        swap_displays(a);
    if (show_take_lecture_change(a->show))
        sync_presenter(a);
    bool paused;
    films_volume(show_film_volume(a->show));
    int film = show_take_film_request(a->show, &paused);
    if (film == ACT_FILM_SEEK)
        films_seek(show_film_seek_ms(a->show));
    else if (film != ACT_NONE)
        films_command(film, paused);
    if (film != ACT_NONE)
        a->need_redraw = true;
    report_film(a);
}

/* While the kiosk waits for a key, the text of the slides likely next
 * (show_scene_ahead) is drawn into the audience's cache, and laid out in
 * the measuring one, so that the first frame of a page turn only copies
 * it: rasterising a caption's lines there took 2-9 ms of that frame
 * (bench/run switch). The lines on screen are never dropped for them
 * (text_warm). Stops as soon as an event waits; goes on at the next wait. */
static void draw_ahead(App *a)
{
    if (a->ahead_done || a->virtual_clock || !a->o.out.ren || !a->o.out.text || a->hold_since ||
        a->need_redraw || show_dirty(a->show))
        return;
    for (int which = 0; which < 2; which++) {
        if (!show_scene_ahead(a->show, which, &a->ahead))
            break;
        for (int i = 0; i < a->ahead.n; i++) {
            const DrawItem *it = &a->ahead.items[i];
            if (it->kind != DRAW_TEXT)
                continue;
            bool drawn;
            if (!text_warm(a->o.out.text, a->o.out.ren, scene_text(&a->ahead, it), it->text_len, it->font_px,
                           it->style, &drawn))
                goto full; /* no room beside the lines on screen */
            if (!drawn)
                continue;
            SDL_PumpEvents();
            if (SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT))
                return; /* a visitor first */
        }
    }
full:
    a->ahead_done = true;
}

/* An event, or none once the real clock reaches at_ns (real_ns): SDL waits
 * in whole milliseconds, the rest of the last one is slept here, so a
 * deadline on the millisecond clock is met to the microsecond. */
static int wait_until(const App *a, uint64_t at_ns, SDL_Event *e)
{
    uint64_t ns = real_ns(a);
    if (at_ns > ns + 1000000u) {
        uint64_t ms = (at_ns - ns) / 1000000u;
        if (SDL_WaitEventTimeout(e, ms > INT_MAX ? INT_MAX : (int)ms))
            return 1;
    }
    if (SDL_PollEvent(e))
        return 1;
    uint64_t abs_ns = at_ns + a->t0_ns;
    struct timespec ts = {.tv_sec = (time_t)(abs_ns / 1000000000u), .tv_nsec = (long)(abs_ns % 1000000000u)};
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
        ;
    return SDL_PollEvent(e);
}

int app_run(const AppOptions *opt)
{
    AppOptions o = *opt;
    o.settings_state = true; /* the start index in the settings' state folder */
    App *a = app_open(&o, false);
    if (!a)
        return 1;
    content_watch(&a->c, true);
    if (has_films(a->c.lib))
        films_prepare(); /* the first film's page turn does not wait for the worker to start */
    while (show_running(a->show)) {
        app_reload(a);
        show_requests(a);
        if (service_next_ping(app_now(a)) == 0)
            a->need_redraw = true; /* the watchdog wants proof of a frame on screen */
        if (films_new_frame()) {
            a->film_only = !a->need_redraw;
            a->need_redraw = true;
        }
        present(a);
        report_film(a);
        if (a->presented) /* the first frame is up, not held for its covers */
            content_after_frame(&a->c, app_now(a));
        records_state_file(&a->rec, a->opt.state_file, a->show, app_now(a));
        /* Sleep until input or the next deadline: an idle kiosk uses no CPU. */
        uint64_t now = app_now(a), wait = next_deadline(a, now);
        uint64_t ping = service_next_ping(now);
        if (ping > 0 && ping < wait) /* 0: a held frame; the hold's deadline wakes us */
            wait = ping;
        if (a->hold_since) { /* a frame held for its picture: not longer than HOLD_MS */
            uint64_t until = a->hold_since + HOLD_MS;
            uint64_t left = until > now ? until - now : 0;
            wait = left < wait ? left : wait;
        }
        if (wait >= AHEAD_MIN_WAIT_MS)
            draw_ahead(a);
        bool ended;
        if (films_expecting() && wait > FILM_POLL_MS) /* its frames wake nothing: look for them */
            wait = FILM_POLL_MS;
        if (films_sound(&ended) && wait > SOUND_POLL_MS) /* nor does a narration's end */
            wait = SOUND_POLL_MS;
        SDL_Event e;
        int got = wait == SHOW_NO_DEADLINE ? SDL_WaitEvent(&e) : wait_until(a, (now + wait) * 1000000u, &e);
        if (got) {
            dispatch(a, &e);
            app_pump(a);
        } else {
            /* time acts on the whole library too (idle, attract); not the
             * wakes while the first frame is held for its covers, which
             * would make it wait for the whole library */
            if (a->presented && !a->hold_since)
                app_complete(a);
            Event tick = {.type = EV_TICK, .t = app_now(a)};
            show_handle(a->show, &tick);
            observe(a);
        }
    }
    service_stopping();
    records_state_file(&a->rec, a->opt.state_file, a->show, app_now(a));
    app_save_rehearsal(a);
    app_close(a);
    return 0;
}

int app_render(const AppOptions *opt, const char *out_png)
{
    AppOptions o = *opt;
    o.exhibition_required = true; /* a tool: a missing exhibition is an error */
    App *a = app_open(&o, true);
    if (!a)
        return 1;
    app_use_virtual_clock(a); /* one frame, with its pictures decoded (see app_settle) */
    bool ok = app_screenshot(a, out_png);
    app_close(a);
    return ok ? 0 : 1;
}

/* ---- driving the program from a script ------------------------------------- */

void app_advance(App *a, uint64_t ms)
{
    uint64_t end = a->vnow + ms;
    app_reload(a);
    while (a->vnow < end) {
        uint64_t d = next_deadline(a, a->vnow);
        if (d == SHOW_NO_DEADLINE || a->vnow + d > end) { /* a deadline at the very end still ticks */
            a->vnow = end;
        } else {
            a->vnow += d > 0 ? d : 1;
            app_complete(a);
            Event tick = {.type = EV_TICK, .t = a->vnow};
            show_handle(a->show, &tick);
            observe(a);
        }
        app_pump(a);
        app_reload(a); /* a reload that fell due now happens now */
    }
}

void app_step_done(App *a)
{
    observe(a); /* open and lang act on the show directly */
    show_requests(a);
    app_settle(a);
    if (a->o.out.win)
        present(a);
    content_after_frame(&a->c, app_now(a));
}

bool app_has_window(const App *a)
{
    return a->o.out.win != NULL;
}

uint32_t app_window_id(const App *a)
{
    return a->o.out.win ? SDL_GetWindowID(a->o.out.win) : 1;
}

void app_window_point(const App *a, double fx, double fy, int *x, int *y)
{
    outputs_window_point(&a->o.out, fx, fy, x, y);
}

bool app_resize(App *a, int w, int h)
{
    if (a->o.out.win) {
        SDL_SetWindowSize(a->o.out.win, w, h);
        app_advance(a, 100);
        return true;
    }
    textures_forget(a->o.out.tex);
    text_forget(a->o.out.text);
    if (!outputs_offscreen(&a->o.out, w, h))
        return false;
    SDL_Event e = {0};
    e.type = SDL_WINDOWEVENT;
    e.window.event = SDL_WINDOWEVENT_SIZE_CHANGED;
    e.window.data1 = w;
    e.window.data2 = h;
    SDL_PushEvent(&e);
    app_pump(a);
    return true;
}

void app_forget_caches(App *a)
{
    outputs_forget_all(&a->o);
    text_forget_fonts(a->mtext);
    films_free(); /* made at the first sound a visitor asked for: not the soak's growth */
    a->need_redraw = true;
}
