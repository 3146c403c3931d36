/* SPDX-License-Identifier: GPL-3.0-or-later */
/* films.c - see films.h */
#include "films.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/media.h"
#include "platform/trace.h"

#define FIRST_FRAME_WAIT_MS 3000 /* on the virtual clock: then the screenshot goes without */
#define REDRAW_WAIT_MS 1000      /* on the virtual clock: a frame redrawn (subtitles, a seek) */
#define SETTLED_MS 250           /* on the virtual clock: no newer frame this long, the picture is final */
#define STALL_MS 1500            /* a call unanswered this long: the film shows as unavailable */
#define POLL_MS 500              /* a playing film's state asked this often: a stall is seen */
#define PREROLL_WAIT_MS 3000 /* a film next door's first frame looked for this long once it opened */
#define QUEUE 16

/* What the render thread asks of the film thread. */
/* CMD_STATE does nothing but have the film's state asked (as after every
 * command): mpv answers a seek before it has moved, so the virtual clock
 * asks again once the seek's frame is there. */
typedef enum { CMD_OPTION, CMD_OPEN, CMD_CLOSE, CMD_LANG, CMD_PLAY, CMD_SEEK, CMD_VOLUME, CMD_STATE } CmdKind;

typedef struct {
    CmdKind kind;
    unsigned gen; /* the film it is for */
    const SlideMedia *media;
    int a, b, c, volume;
    int box_w, box_h; /* CMD_OPEN: the box the film is shown in */
    bool narration; /* CMD_OPEN: the media's narration, sound alone */
    bool ambient;   /* CMD_OPEN: the attract loop's film, muted and looped */
    bool resume;    /* CMD_OPEN: where the film was held (CMD_CLOSE with a 1) */
    char *speech;   /* CMD_OPEN: a reading aloud (media_speech_text), sound alone; owned by
                     * the command: freed once run or dropped (drop()) */
    char text[1024];
} Cmd;

/* The film thread owns every call to vitrine-media: a stalled worker stalls
 * it, never the render thread, which only posts commands and reads frames
 * (shared memory) and the state below. */
static struct {
    SDL_Thread *thread;
    SDL_mutex *lock; /* guards the rest of this struct */
    SDL_cond *cond;  /* a command posted, or the thread idle */
    Cmd q[QUEUE];
    int nq;
    bool busy;          /* in a call to the worker */
    Uint64 busy_since;  /* since when */
    unsigned opened;    /* the newest film opened (its gen) */
    unsigned failed;    /* the newest film that could not be played (its gen) */
    bool quit;
    MediaPlayer *player; /* made by the thread, NULL until then or when none can run */
    bool no_player;
    MediaState state;   /* the film's latest state (asked after each command and while it plays) */
    unsigned state_gen; /* the film it is of, 0: none */
    int held_ms;        /* the thread's own: where the film held for its narration was */
} t;

/* The render thread's own. */
static struct {
    const SlideMedia *media; /* the film on the slide, NULL: none */
    unsigned gen;            /* its number: the thread's answers name it */
    char lang[16];
    SDL_Renderer *ren;
    SDL_Texture *tex;
    int tex_w, tex_h;     /* the texture's size: a frame fills its top left corner */
    int frame_w, frame_h; /* the frame in it */
    int box_w, box_h; /* the box the worker renders the frames for (media_player_set_box) */
    unsigned long long shown; /* the frame on screen: in the texture, or put straight into the
                               * window's pixels by films_present_alone */
    unsigned long long tex_serial; /* the frame in the texture */
    long long shown_pts;      /* its place in the film (ms) */
    unsigned long long traced; /* the frame drawn last (its film-frame trace event) */
    bool still;
    bool paused; /* by the visitor: no frames to look for */
    bool options_sent;
    bool software;     /* the renderer draws into the window's own pixels, kept between presents */
    DrawItem drawn;    /* the film's item as drawn last (films_draw_alone) */
    bool drawn_ok;     /* it drew a frame, nothing drew over it (films_covered) */
    bool drawn_failed; /* the grey box was drawn last: a stall's start or end redraws */
    bool no_autoplay;  /* media.autoplay false: a film opens paused (films_set_rules) */
    bool quiet;        /* quiet hours: a film opens without sound */
    int volume;        /* percent, the visitor's (within the staff's maximum) */
    const SlideMedia *narration; /* the narration asked for (films_set_narration) */
    char *speech;      /* the reading aloud asked for (films_set_speech; owned), NULL: none */
    unsigned speech_asked, speech_opened; /* a new reading asked for, and the one opened */
    bool sound_only;   /* what plays is a narration or a reading: no frames to look for */
    const SlideMedia *preroll_want; /* the film next door (films_preroll), NULL: none */
    const SlideMedia *prerolled;    /* the film opened paused for it, not shown yet; its
                                     * number is f.gen (any other opening forgets it) */
    char preroll_lang[16];          /* the language it was opened in */
    Uint64 preroll_since;           /* when it had opened (SDL_GetTicks64), 0: not yet */
    bool speaking;     /* what plays is a reading aloud */
    bool ambient;      /* what plays is the attract loop's film (muted, looped, watched by nobody) */
    /* A film's own narration plays in its place: the film is closed where it
     * was (the thread keeps its position), its last frame stays in the
     * texture, and what the visitor does to it meanwhile waits for it. */
    bool held;         /* the texture holds the film's frame (until its next one comes) */
    bool held_paused;  /* the film comes back paused (the visitor's play says otherwise) */
    bool later_seek, later_rel; /* a seek for the film when it comes back: to later_ms, or by it */
    int later_ms;
} f = {.volume = 100};

/* What f.media is while a reading aloud plays: it has no slide media. */
static const SlideMedia SPEECH = {.start_ms = -1, .end_ms = -1};

/* ---- the film thread ------------------------------------------------------ */

static void mark(unsigned gen, bool failed, bool opened)
{
    SDL_LockMutex(t.lock);
    if (failed && gen > t.failed)
        t.failed = gen;
    if (opened && gen > t.opened)
        t.opened = gen;
    SDL_UnlockMutex(t.lock);
}

/* One command, the lock not held: the worker may take seconds. */
static void run(MediaPlayer *p, const Cmd *c, bool *open, bool *playing)
{
    char err[300];
    MediaState st;
    bool ok = true;
    switch (c->kind) {
    case CMD_OPTION:
        media_player_option(p, c->text);
        return;
    case CMD_OPEN:
        media_player_set_box(p, c->box_w, c->box_h);
        ok = c->speech      ? media_player_open_speech(p, c->speech, c->a, c->b, c->c, err, sizeof err)
             : c->narration ? media_player_open_narration(p, c->media, c->text, NULL, 0, c->a, c->b, c->c, err, sizeof err)
             : c->ambient   ? media_player_open_ambient(p, c->media, c->text, c->a, c->b, c->c, err, sizeof err)
                            : media_player_open_at(p, c->media, c->text, NULL, 0, c->a, c->b,
                                                   c->resume ? t.held_ms : -1, c->c, err, sizeof err);
        if (!ok)
            SDL_Log("vitrine: the film cannot be played: %s", err);
        *open = ok;
        *playing = ok && c->c;
        if (ok)
            media_player_volume(p, c->volume);
        mark(c->gen, !ok, ok);
        return; /* film_main asks its state next */
    case CMD_CLOSE:
        if (c->a && *open && media_player_state(p, &st))
            t.held_ms = st.position_ms; /* held for its narration: where it comes back */
        if (*open && media_player_pid(p) > 0)
            media_player_close(p);
        *open = *playing = false;
        return;
    case CMD_LANG:
        ok = media_player_lang(p, c->text);
        break;
    case CMD_PLAY:
        ok = media_player_play(p, c->a);
        if (ok)
            *playing = c->a;
        break;
    case CMD_SEEK:
        ok = media_player_seek(p, c->a, c->b);
        break;
    case CMD_VOLUME:
        ok = media_player_volume(p, c->a);
        break;
    case CMD_STATE:
        break;
    }
    if (!ok) {
        SDL_Log("vitrine: the film did not answer");
        if (media_player_pid(p) == 0) { /* killed at its deadline: the film is lost */
            *open = *playing = false;
            mark(c->gen, true, false);
        }
    }
}

/* Ask the film's state and keep it for the render thread (films_state);
 * the lock not held. false when the worker did not answer. */
static bool ask_state(MediaPlayer *p, unsigned gen, bool *playing)
{
    MediaState st;
    if (!media_player_state(p, &st))
        return false;
    if (st.ended)
        *playing = false; /* a film that ended is asked no more */
    SDL_LockMutex(t.lock);
    t.state = st;
    t.state_gen = gen;
    SDL_UnlockMutex(t.lock);
    return true;
}

static int film_main(void *unused)
{
    (void)unused;
    MediaPlayer *p = media_player_new(); /* starts the worker: here, not on the render thread */
    SDL_LockMutex(t.lock);
    t.player = p;
    t.no_player = !p;
    SDL_CondBroadcast(t.cond);
    bool open = false, playing = false;
    unsigned gen = 0;
    while (!t.quit) {
        if (t.nq == 0) {
            /* a playing film is asked its state now and then: a stalled
             * worker shows (busy too long) even when nobody asks anything */
            if (SDL_CondWaitTimeout(t.cond, t.lock, playing ? POLL_MS : SDL_MUTEX_MAXWAIT) ==
                    SDL_MUTEX_TIMEDOUT &&
                playing && p) {
                t.busy = true;
                t.busy_since = SDL_GetTicks64();
                SDL_UnlockMutex(t.lock);
                bool ok = ask_state(p, gen, &playing);
                if (!ok && media_player_pid(p) == 0) {
                    SDL_Log("vitrine: the film did not answer; its worker was ended");
                    open = playing = false;
                    mark(gen, true, false);
                }
                SDL_LockMutex(t.lock);
                t.busy = false;
                SDL_CondBroadcast(t.cond);
            }
            continue;
        }
        Cmd c = t.q[0];
        memmove(t.q, t.q + 1, sizeof t.q[0] * (size_t)--t.nq);
        t.busy = true;
        t.busy_since = SDL_GetTicks64();
        SDL_UnlockMutex(t.lock);
        gen = c.gen;
        if (p) {
            run(p, &c, &open, &playing);
            if (open && c.kind != CMD_OPTION && c.kind != CMD_CLOSE)
                ask_state(p, gen, &playing); /* the presenter's position, right after a pause or seek */
        } else if (c.kind == CMD_OPEN)
            mark(c.gen, true, false);
        free(c.speech);
        SDL_LockMutex(t.lock);
        t.busy = false;
        SDL_CondBroadcast(t.cond);
    }
    SDL_UnlockMutex(t.lock);
    return 0;
}

static bool start(void)
{
    if (t.thread)
        return true;
    if (!t.lock && !(t.lock = SDL_CreateMutex()))
        return false;
    if (!t.cond && !(t.cond = SDL_CreateCond()))
        return false;
    t.quit = false;
    t.thread = SDL_CreateThread(film_main, "vitrine-film", NULL);
    return t.thread != NULL;
}

/* A command that will not run: what it owns goes with it. */
static void drop(Cmd *c)
{
    free(c->speech);
    c->speech = NULL;
}

/* Post a command; never waits for the worker. A close drops what was still
 * waiting for the film closed. */
static void post(const Cmd *c)
{
    if (!start()) {
        drop(&(Cmd){.speech = c->speech});
        return;
    }
    SDL_LockMutex(t.lock);
    if (c->kind == CMD_CLOSE) {
        int k = 0;
        for (int i = 0; i < t.nq; i++)
            if (t.q[i].kind == CMD_OPTION)
                t.q[k++] = t.q[i];
            else
                drop(&t.q[i]);
        t.nq = k;
    }
    if (t.nq < QUEUE) {
        t.q[t.nq++] = *c;
    } else {
        drop(&(Cmd){.speech = c->speech});
        SDL_Log("vitrine: the film thread is behind; a command was dropped");
    }
    SDL_CondBroadcast(t.cond);
    SDL_UnlockMutex(t.lock);
}

/* The virtual clock only: wait until the thread has done what was posted
 * (replays must not depend on the machine's speed, docs/replay.md). */
static void wait_idle(void)
{
    if (!t.thread)
        return;
    Uint64 end = SDL_GetTicks64() + MEDIA_DEADLINE_MS + 1000;
    SDL_LockMutex(t.lock);
    while ((t.nq > 0 || t.busy || (!t.player && !t.no_player)) && SDL_GetTicks64() < end)
        SDL_CondWaitTimeout(t.cond, t.lock, 50);
    SDL_UnlockMutex(t.lock);
}

/* ---- the render thread ------------------------------------------------------ */

/* The film's state as the render thread sees it. */
static bool film_failed(void)
{
    SDL_LockMutex(t.lock);
    bool failed = t.failed == f.gen || (t.busy && SDL_GetTicks64() - t.busy_since > STALL_MS);
    SDL_UnlockMutex(t.lock);
    return failed;
}

/* The player whose frames are this film's, NULL before it opened. */
static MediaPlayer *film_player(void)
{
    if (!t.lock)
        return NULL;
    SDL_LockMutex(t.lock);
    MediaPlayer *p = t.opened == f.gen && t.failed != f.gen ? t.player : NULL;
    SDL_UnlockMutex(t.lock);
    return p;
}

/* hold: the film makes way for its own narration (the thread keeps where
 * it was); keep: its frame stays on screen (through the narration, until
 * the film is back with a new one). */
static bool upload(void);

static void close_film(bool hold, bool keep)
{
    if (keep && f.media)
        upload(); /* the frame on screen may not be in the texture yet (films_present_alone) */
    if (f.media)
        post(&(Cmd){.kind = CMD_CLOSE, .gen = f.gen, .a = hold});
    f.media = NULL;
    f.held = keep;
    f.drawn_ok = false; /* the next draw is a whole one */
    if (!keep)
        f.shown = f.traced = 0;
}

/* Copy a new frame into the texture; true when there was one. */
static bool upload(void)
{
    int w, h, stride;
    unsigned long long serial;
    MediaPlayer *p = film_player();
    if (!p || !f.ren || f.sound_only) /* sound alone: the frames are an earlier film's */
        return false;
    const unsigned char *px = media_player_frame(p, &w, &h, &stride, &serial);
    bool fresh = px && serial != f.shown;
    f.held = f.held && !fresh;
    /* fresh, or on screen already (films_present_alone) but not yet in the
     * texture, which a whole scene's draw copies from */
    if (px && (fresh || serial != f.tex_serial)) {
        /* a smaller frame (a new box, the next film) goes into the texture
         * there is: a new one's memory costs a 1080p frame ~100 ms of page
         * faults on a machine like the bench's */
        if (!f.tex || w > f.tex_w || h > f.tex_h) {
            if (f.tex)
                SDL_DestroyTexture(f.tex);
            f.tex = SDL_CreateTexture(f.ren, SDL_PIXELFORMAT_XRGB8888, SDL_TEXTUREACCESS_STREAMING, w, h);
            f.tex_w = w;
            f.tex_h = h;
        }
        SDL_Rect part = {0, 0, w, h};
        if (f.tex && SDL_UpdateTexture(f.tex, &part, px, stride) == 0) {
            f.shown = f.tex_serial = serial;
            f.shown_pts = media_player_frame_pts(p);
            f.frame_w = w;
            f.frame_h = h;
        }
    }
    media_player_frame_done(p);
    return fresh;
}

static void option(const char *name, const char *value)
{
    Cmd c = {.kind = CMD_OPTION};
    snprintf(c.text, sizeof c.text, "%s=%s", name, value);
    post(&c);
}

/* Where the sound goes: mpv's own output, or what the tests name
 * ($VITRINE_MEDIA_AO, e.g. "pcm" with $VITRINE_MEDIA_AO_FILE); none on the
 * virtual clock, where films stand still. */
static void sound_output(bool still)
{
    const char *ao = getenv("VITRINE_MEDIA_AO"), *file = getenv("VITRINE_MEDIA_AO_FILE");
    if (ao && *ao)
        option("ao", ao);
    else if (still)
        option("ao", "null");
    if (file && *file)
        option("ao-pcm-file", file);
    /* more mpv options for tests, "name=value" separated by spaces (a
     * captured sound at a low rate: ao=pcm races ahead of time) */
    const char *more = getenv("VITRINE_MEDIA_OPTIONS");
    char buf[512];
    snprintf(buf, sizeof buf, "%s", more ? more : "");
    for (char *save = NULL, *o = strtok_r(buf, " ", &save); o; o = strtok_r(NULL, " ", &save)) {
        char *eq = strchr(o, '=');
        if (eq) {
            *eq = 0;
            option(o, eq + 1);
        }
    }
}

/* The virtual clock stands still while a film draws its picture anew (a
 * first frame, a seek, other subtitles: mpv may draw more than one on the
 * way), until no newer frame came for SETTLED_MS; so what a screenshot
 * shows does not depend on the machine's speed. */
static void wait_frame(int ms)
{
    wait_idle();
    Uint64 end = SDL_GetTicks64() + (Uint64)ms;
    while (!upload() && SDL_GetTicks64() < end)
        SDL_Delay(5);
    for (Uint64 quiet = SDL_GetTicks64() + SETTLED_MS; SDL_GetTicks64() < quiet && SDL_GetTicks64() < end + SETTLED_MS;) {
        if (upload())
            quiet = SDL_GetTicks64() + SETTLED_MS;
        else
            SDL_Delay(5);
    }
}

/* The virtual clock, after a seek: its frame, then the position it shows. */
static void wait_seeked(void)
{
    wait_frame(REDRAW_WAIT_MS);
    post(&(Cmd){.kind = CMD_STATE, .gen = f.gen});
    wait_idle();
}

void films_prepare(void)
{
    if (f.options_sent)
        return;
    sound_output(false);
    /* an option mpv has anyway: the worker starts now and makes its mpv,
     * instead of at the first film's page turn */
    option("hwdec", "no");
    f.options_sent = true;
}

void films_preroll(const SlideMedia *m)
{
    f.preroll_want = m;
}

/* While nothing plays, the film next door is opened paused at its start,
 * so that its first frame is in the shared memory before the page turns
 * to it (show_prerolled); one the visitor walked away from is closed. */
static void preroll(const char *lang, int w, int h, bool still)
{
    const SlideMedia *want = still ? NULL : f.preroll_want; /* replays: each film as it comes */
    if (want == f.prerolled)
        return;
    if (f.prerolled) { /* its decoders' memory back, at once */
        post(&(Cmd){.kind = CMD_CLOSE, .gen = f.gen});
        if (trace_enabled())
            trace_event("film-preroll", "open=0");
    }
    f.prerolled = NULL;
    if (!want)
        return;
    if (!f.options_sent) {
        sound_output(false);
        f.options_sent = true;
    }
    f.gen++;
    f.prerolled = want;
    f.preroll_since = 0; /* set once it opened */
    f.shown = f.traced = 0; /* a frame of the one closed is not this one's */
    snprintf(f.preroll_lang, sizeof f.preroll_lang, "%s", lang ? lang : "");
    /* in the box the last film was shown in (0: its own size), likely the
     * same in one exhibition; the page turn's draw sets the right one */
    Cmd c = {.kind = CMD_OPEN, .gen = f.gen, .media = want, .a = w, .b = h, .c = 0,
             .box_w = f.box_w, .box_h = f.box_h, .volume = f.quiet ? 0 : f.volume};
    snprintf(c.text, sizeof c.text, "%s", f.preroll_lang);
    post(&c);
    if (trace_enabled())
        trace_event("film-preroll", "open=1");
}

/* The page turned to the film prerolled: it is shown and played as it is,
 * its first frame already there (the bench's film-first). */
static void show_prerolled(const char *lang)
{
    f.media = f.prerolled;
    f.prerolled = NULL;
    f.sound_only = f.speaking = f.still = false;
    f.speech_opened = f.speech_asked;
    f.paused = f.no_autoplay; /* f.shown: its first frame, uploaded already */
    snprintf(f.lang, sizeof f.lang, "%s", lang ? lang : "");
    if (strcmp(f.lang, f.preroll_lang) != 0) {
        Cmd c = {.kind = CMD_LANG, .gen = f.gen};
        snprintf(c.text, sizeof c.text, "%s", f.lang);
        post(&c);
    }
    post(&(Cmd){.kind = CMD_VOLUME, .gen = f.gen, .a = f.quiet ? 0 : f.volume}); /* quiet hours may have begun */
    if (!f.paused)
        post(&(Cmd){.kind = CMD_PLAY, .gen = f.gen, .a = 1});
}

bool films_sync(SDL_Renderer *r, const Scene *sc, const char *lang, int w, int h, bool still)
{
    const DrawItem *it = NULL;
    for (int i = 0; sc && i < sc->n && !it; i++)
        if (sc->items[i].kind == DRAW_VIDEO && sc->items[i].media)
            it = &sc->items[i];
    const SlideMedia *film = it ? it->media : NULL;
    /* a slide's narration, or its reading aloud, plays where no film does;
     * a film's own narration plays in its place (the film held, paused) */
    bool narrating = f.narration && (!film || f.narration == film);
    bool speaking = !film && !narrating && f.speech;
    bool sound_only = narrating || speaking;
    bool ambient = film && !sound_only && it->ambient;
    const SlideMedia *m = speaking ? &SPEECH : narrating ? f.narration : film;
    if (r != f.ren) {
        if (f.tex)
            SDL_DestroyTexture(f.tex);
        f.tex = NULL;
        f.ren = r;
        f.shown = f.tex_serial = 0;
        SDL_RendererInfo info;
        f.software = r && SDL_GetRendererInfo(r, &info) == 0 && strcmp(info.name, "software") == 0;
    }
    bool hold = film && m == f.media && sound_only && !f.sound_only;     /* the film: its narration now */
    bool resume = film && m == f.media && !sound_only && f.sound_only && f.held; /* and back */
    if (m != f.media || sound_only != f.sound_only || ambient != f.ambient ||
        (speaking && f.speech_opened != f.speech_asked))
        close_film(hold, hold || resume); /* another film, or other words to read (a language switch:
                                           * from their start), or a film's narration */
    if (!m) {
        preroll(lang, w, h, still);
        if (f.prerolled && upload() && trace_enabled()) /* its first frame into the texture now, not at the page turn */
            trace_event("film-preroll", "frame=%llu", f.shown);
        return false;
    }
    if (f.media == m) {
        if (lang && strcmp(lang, f.lang) != 0 && f.speaking) {
            snprintf(f.lang, sizeof f.lang, "%s", lang); /* the reading's words say it */
        } else if (lang && strcmp(lang, f.lang) != 0) {
            snprintf(f.lang, sizeof f.lang, "%s", lang);
            Cmd c = {.kind = CMD_LANG, .gen = f.gen};
            snprintf(c.text, sizeof c.text, "%s", lang);
            post(&c);
            if (f.still)
                wait_frame(REDRAW_WAIT_MS);
        }
        return false;
    }
    if (m == f.prerolled && !sound_only && !ambient && !still) {
        show_prerolled(lang);
        return true;
    }
    f.prerolled = NULL; /* the opening below replaces it in the player */
    if (!f.options_sent) {
        sound_output(still);
        f.options_sent = true;
    }
    f.media = m;
    f.gen++;
    f.sound_only = sound_only;
    f.speaking = speaking;
    f.ambient = ambient;
    f.speech_opened = f.speech_asked;
    f.still = still;
    if (hold)
        f.held_paused = true; /* the show paused it (show_narration) */
    /* media.autoplay holds films; a narration or a reading plays at the
     * visitor's own asking, and has no play button to start it otherwise;
     * the attract loop's film plays, as its poster would stand still */
    f.paused = still || (resume ? f.held_paused : f.no_autoplay && !sound_only && !ambient);
    snprintf(f.lang, sizeof f.lang, "%s", lang ? lang : "");
    f.box_w = it ? it->r.w : 0;
    f.box_h = it ? it->r.h : 0;
    Cmd c = {.kind = CMD_OPEN, .gen = f.gen, .media = m, .a = w, .b = h, .c = !f.paused,
             .box_w = f.box_w, .box_h = f.box_h,
             .volume = f.quiet ? 0 : f.volume, .narration = sound_only && !speaking,
             .speech = speaking ? strdup(f.speech) : NULL, .ambient = ambient, .resume = resume};
    snprintf(c.text, sizeof c.text, "%s", f.lang);
    post(&c);
    if (resume && f.later_seek) /* what the visitor asked of the film while it was held */
        post(&(Cmd){.kind = CMD_SEEK, .gen = f.gen, .a = f.later_ms, .b = f.later_rel});
    f.later_seek = false;
    if (still && !sound_only) /* the virtual clock: the first frame before the screenshot */
        wait_frame(FIRST_FRAME_WAIT_MS);
    else if (still)
        wait_idle();
    if (film_failed())
        SDL_Log("vitrine: slide %d's %s cannot be played", it ? it->slide + 1 : 0,
                speaking ? "reading aloud" : sound_only ? "narration" : "film");
    return !sound_only && !resume && !ambient; /* a film a visitor sees open (not taken up again) */
}

void films_set_rules(bool autoplay, bool quiet)
{
    f.no_autoplay = !autoplay;
    f.quiet = quiet;
}

/* A film held for its narration: what the visitor asks of it waits for its
 * return (true), as the narration is what plays. */
static bool later(int action, bool paused, int ms, bool relative)
{
    if (!f.held || !f.sound_only)
        return false;
    if (action == ACT_FILM_PLAY) {
        f.held_paused = paused;
    } else if (relative && f.later_seek) {
        f.later_ms += ms; /* on top of the seek waiting */
    } else {
        f.later_ms = ms;
        f.later_rel = relative;
    }
    f.later_seek |= action != ACT_FILM_PLAY;
    return true;
}

void films_command(int action, bool paused)
{
    if (!f.media || later(action, paused, action == ACT_FILM_BACK ? -10000 : 10000, true))
        return;
    if (action == ACT_FILM_PLAY) {
        f.paused = paused;
        if (!f.still) /* the virtual clock: it stands still */
            post(&(Cmd){.kind = CMD_PLAY, .gen = f.gen, .a = !paused});
    } else if (action == ACT_FILM_BACK || action == ACT_FILM_FORWARD) {
        post(&(Cmd){.kind = CMD_SEEK, .gen = f.gen, .a = action == ACT_FILM_BACK ? -10000 : 10000, .b = 1});
        if (f.still)
            wait_seeked();
    }
}

void films_seek(int ms)
{
    if (!f.media || later(ACT_FILM_SEEK, false, ms, false))
        return;
    post(&(Cmd){.kind = CMD_SEEK, .gen = f.gen, .a = ms, .b = 0});
    if (f.still)
        wait_seeked();
}

void films_volume(int percent)
{
    if (percent == f.volume)
        return;
    f.volume = percent;
    if (f.media) /* else the next film opens with it; quiet hours keep it silent */
        post(&(Cmd){.kind = CMD_VOLUME, .gen = f.gen, .a = f.quiet ? 0 : percent});
}

void films_draw(SDL_Renderer *r, const DrawItem *it)
{
    if (r != f.ren || it->media != f.media)
        return;
    f.drawn_ok = false; /* a grey box, or nothing yet: never drawn alone */
    f.drawn_failed = film_failed();
    if (f.drawn_failed) { /* cannot be played, or its worker stalls */
        SDL_Rect box = {it->r.x + it->r.w / 6, it->r.y + it->r.h / 6, it->r.w * 2 / 3, it->r.h * 2 / 3};
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(r, 0x3a, 0x3a, 0x3a, 255);
        SDL_RenderFillRect(r, &box);
        return;
    }
    MediaPlayer *p = film_player();
    if (p && (it->r.w != f.box_w || it->r.h != f.box_h)) { /* the next frames are made for the new box */
        f.box_w = it->r.w;
        f.box_h = it->r.h;
        media_player_set_box(p, f.box_w, f.box_h);
    }
    upload();
    if (!f.tex || f.shown == 0 || f.frame_w <= 0 || f.frame_h <= 0)
        return; /* before the first frame: what is under it shows */
    /* fitted, aspect kept, centred (FIT_CONTAIN); made for this box, the
     * frame's scale is 1 and SDL copies it as it is */
    double s = (double)it->r.w / f.frame_w < (double)it->r.h / f.frame_h ? (double)it->r.w / f.frame_w
                                                                         : (double)it->r.h / f.frame_h;
    int dw = (int)(f.frame_w * s), dh = (int)(f.frame_h * s);
    SDL_Rect dst = {it->r.x + (it->r.w - dw) / 2, it->r.y + (it->r.h - dh) / 2, dw, dh};
    SDL_Rect part = {0, 0, f.frame_w, f.frame_h};
    SDL_RenderCopy(r, f.tex, &part, &dst);
    f.drawn = *it;
    f.drawn_ok = true; /* until films_covered() says something was drawn over it */
    /* drawn, not uploaded: a prerolled film's first frame is uploaded
     * before the page turn that shows it */
    if (f.shown != f.traced && trace_enabled()) /* the benchmark's first frame, drops and seeks */
        trace_event("film-frame", "serial=%llu pts_ms=%lld", f.shown, f.shown_pts);
    f.traced = f.shown;
}

void films_covered(bool covered)
{
    if (covered)
        f.drawn_ok = false;
}

bool films_draw_alone(SDL_Renderer *r)
{
    if (r != f.ren || !f.software || !f.drawn_ok || f.drawn.media != f.media || film_failed())
        return false;
    films_draw(r, &f.drawn);
    return f.drawn_ok;
}

bool films_present_alone(SDL_Window *win, SDL_Renderer *r)
{
    MediaPlayer *p;
    if (!win || r != f.ren || !f.software || !f.drawn_ok || f.drawn.media != f.media || film_failed() ||
        f.sound_only || !(p = film_player()))
        return false;
    const DrawItem *it = &f.drawn;
    int w, h, stride;
    unsigned long long serial;
    const unsigned char *px = media_player_frame(p, &w, &h, &stride, &serial);
    /* made for the box as it was drawn (fit_size in the worker: one side
     * the box's, the other within it), so it goes in unscaled */
    bool fits = px && it->r.w == f.box_w && it->r.h == f.box_h &&
                ((w == it->r.w && h <= it->r.h) || (h == it->r.h && w <= it->r.w));
    SDL_Surface *ws = fits ? SDL_GetWindowSurface(win) : NULL;
    SDL_Surface *src = ws && serial != f.shown
                           ? SDL_CreateRGBSurfaceWithFormatFrom((void *)px, w, h, 32, stride, SDL_PIXELFORMAT_XRGB8888)
                           : NULL;
    SDL_Rect dst = {it->r.x + (it->r.w - w) / 2, it->r.y + (it->r.h - h) / 2, w, h};
    bool done = src && SDL_BlitSurface(src, NULL, ws, &dst) == 0;
    SDL_FreeSurface(src);
    if (done) {
        f.shown = serial; /* the texture is behind: the next whole draw uploads it (upload()) */
        f.shown_pts = media_player_frame_pts(p);
        f.frame_w = w;
        f.frame_h = h;
    }
    media_player_frame_done(p);
    if (!done) /* nothing new, or not unscaled: drawn as before, presented and traced truly */
        return false;
    SDL_UpdateWindowSurfaceRects(win, &dst, 1);
    if (f.shown != f.traced && trace_enabled())
        trace_event("film-frame", "serial=%llu pts_ms=%lld", f.shown, f.shown_pts);
    f.traced = f.shown;
    return true;
}

void films_set_narration(const SlideMedia *m)
{
    f.narration = m;
}

void films_set_speech(const ReadAloud *r)
{
    char *text = r && r->n > 0 ? media_speech_text(r) : NULL;
    if ((!text && !f.speech) || (text && f.speech && strcmp(text, f.speech) == 0)) {
        free(text); /* the reading asked for already */
        return;
    }
    free(f.speech);
    f.speech = text;
    f.speech_asked++;
}

bool films_playing(void)
{
    if (!f.media || f.still || f.paused || f.sound_only) /* a narration has no frames to look for */
        return false;
    SDL_LockMutex(t.lock); /* a stalled film is still looked at: its grey box is to be drawn */
    bool lost = t.failed == f.gen, ended = t.state_gen == f.gen && t.state.ended;
    SDL_UnlockMutex(t.lock);
    return !lost && !ended;
}

bool films_state(const SlideMedia **m, int *position_ms, int *duration_ms)
{
    /* a narration is no film: no bar, no "Film" for the lecturer; nor is the
     * attract loop's, which nobody watches */
    *m = f.sound_only || f.ambient ? NULL : f.media;
    *position_ms = *duration_ms = -1;
    if (!*m || !t.lock)
        return false;
    SDL_LockMutex(t.lock);
    bool mine = t.state_gen == f.gen && t.failed != f.gen;
    if (mine) {
        *position_ms = t.state.position_ms;
        *duration_ms = t.state.duration_ms;
    }
    bool ended = mine && t.state.ended;
    SDL_UnlockMutex(t.lock);
    /* a looped film is the slide's ambience, not something watched to its
     * end: it never holds the kiosk from its idle reset */
    return films_playing() && !ended && !f.media->loop;
}

bool films_expecting(void)
{
    if (!f.prerolled || f.media)
        return films_playing();
    /* the film next door's first frame, to upload before the page turn */
    if (f.shown != 0 || film_failed())
        return false;
    if (!film_player())
        return true; /* still opening (a worker that stalls is ended at its deadline) */
    if (!f.preroll_since)
        f.preroll_since = SDL_GetTicks64();
    return SDL_GetTicks64() - f.preroll_since < PREROLL_WAIT_MS;
}

bool films_sound(bool *ended)
{
    *ended = false;
    if (!f.media || !f.sound_only || !t.lock)
        return false;
    SDL_LockMutex(t.lock);
    *ended = t.state_gen == f.gen && t.state.ended && t.failed != f.gen;
    SDL_UnlockMutex(t.lock);
    return !*ended && !f.still;
}

bool films_new_frame(void)
{
    MediaPlayer *p;
    bool ahead = f.prerolled && !f.media; /* the film next door's first frame, to upload */
    if (!ahead && !films_playing())
        return false;
    if (!ahead && film_failed() != f.drawn_failed)
        return true; /* it stalled, or it failed: the grey box */
    if (!(p = film_player()))
        return false;
    int w, h, stride;
    unsigned long long serial;
    const unsigned char *px = media_player_frame(p, &w, &h, &stride, &serial);
    media_player_frame_done(p);
    return px && serial != f.shown;
}

void films_free(void)
{
    close_film(false, false);
    free(f.speech);
    f.speech = NULL;
    if (t.thread) {
        SDL_LockMutex(t.lock);
        t.quit = true;
        bool stuck = t.busy && SDL_GetTicks64() - t.busy_since > STALL_MS;
        SDL_CondBroadcast(t.cond);
        SDL_UnlockMutex(t.lock);
        if (stuck) { /* never wait for a stalled worker: the process ends it */
            SDL_DetachThread(t.thread);
            memset(&f, 0, sizeof f);
            return; /* t stays as it is: the thread still uses it */
        } else {
            SDL_WaitThread(t.thread, NULL);
            for (int i = 0; i < t.nq; i++)
                drop(&t.q[i]); /* posted, never run */
            media_player_free(t.player);
            SDL_DestroyCond(t.cond);
            SDL_DestroyMutex(t.lock);
        }
    }
    if (f.tex)
        SDL_DestroyTexture(f.tex);
    memset(&t, 0, sizeof t);
    memset(&f, 0, sizeof f);
    f.volume = 100;
}
