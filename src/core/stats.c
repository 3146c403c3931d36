/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stats.c - see stats.h */
#include "stats.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "manifest.h"

struct Stats {
    StatsEmit emit;
    void *ctx;
    bool started;             /* the first snapshot was seen */
    /* where things stood at the last snapshot */
    unsigned long inputs, resets;
    uint64_t last_input;      /* ms */
    char lang[LANG_CODE_MAX];
    bool captions;
    /* the visit in progress */
    bool in_visit;
    uint64_t visit_since;     /* ms: the touch that woke the kiosk */
    char *ex;                 /* the exhibition the visitor is in (owned), NULL on home */
    /* the slide on screen, while in a visit */
    bool viewing;
    int view_slide;           /* 0-based, in ex */
    uint64_t view_since;
    /* its film: how long it played, how far it got, how long it is */
    bool film_playing;        /* at the last snapshot */
    uint64_t film_t;          /* ms: that snapshot */
    int64_t film_watched_ms;
    int film_reached_ms, film_len_ms; /* -1: unknown */
    /* a zoom into it */
    bool zooming;
    double zoom_max;
    uint64_t zoom_since;
    /* the time of the call in progress */
    char wall[40];
    char day[11];
};

Stats *stats_create(StatsEmit emit, void *ctx)
{
    Stats *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->emit = emit;
    st->ctx = ctx;
    return st;
}

void stats_free(Stats *st)
{
    if (!st)
        return;
    free(st->ex);
    free(st);
}

/* ---- lines --------------------------------------------------------------- */

/* A new event object: {"time": ..., "event": name}; the caller adds fields. */
static json_t *event(const Stats *st, const char *name)
{
    json_t *o = json_object();
    if (o) {
        json_object_set_new(o, "time", json_string(st->wall));
        json_object_set_new(o, "event", json_string(name));
    }
    return o;
}

static void put_int(json_t *o, const char *key, int64_t v)
{
    json_object_set_new(o, key, json_integer((json_int_t)v));
}

static void put_str(json_t *o, const char *key, const char *v)
{
    json_object_set_new(o, key, v ? json_string(v) : json_null());
}

/* "exhibition" and 1-based "slide" of the place shown, or nulls. */
static void put_place(json_t *o, const char *ex, int slide)
{
    put_str(o, "exhibition", ex);
    json_object_set_new(o, "slide", ex && slide >= 0 ? json_integer(slide + 1) : json_null());
}

static void send(Stats *st, StatsKind kind, json_t *o)
{
    if (!o)
        return; /* out of memory: the event is lost, the kiosk goes on */
    char *text = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(4));
    json_decref(o);
    if (!text)
        return;
    StatsLine line = {kind, text, st->day};
    if (st->emit)
        st->emit(st->ctx, &line);
    free(text);
}

static uint64_t since(uint64_t now, uint64_t t)
{
    return now > t ? now - t : 0;
}

/* ---- a visit ------------------------------------------------------------- */

static void end_zoom(Stats *st, uint64_t now)
{
    if (!st->zooming)
        return;
    st->zooming = false;
    json_t *o = event(st, "zoom");
    if (o) {
        put_place(o, st->ex, st->view_slide);
        json_object_set_new(o, "max_zoom", json_real(st->zoom_max));
        put_int(o, "zoom_ms", (int64_t)since(now, st->zoom_since));
    }
    send(st, STATS_ZOOM, o);
}

/* The slide on screen is no longer: how long it was shown, and why it went
 * ("visitor": they moved on; "idle", "lecture", "exit": see docs). */
static void end_view(Stats *st, uint64_t now, const char *ended)
{
    end_zoom(st, now);
    if (!st->viewing)
        return;
    st->viewing = false;
    if (st->film_playing)
        st->film_watched_ms += (int64_t)since(now, st->film_t);
    json_t *o = event(st, "slide");
    if (o) {
        put_place(o, st->ex, st->view_slide);
        put_str(o, "language", st->lang);
        put_int(o, "dwell_ms", (int64_t)since(now, st->view_since));
        put_str(o, "ended", ended);
        if (st->film_len_ms > 0 || st->film_watched_ms > 0) { /* a film's slide */
            put_int(o, "film_watched_ms", st->film_watched_ms);
            put_int(o, "film_reached_ms", st->film_reached_ms > 0 ? st->film_reached_ms : 0);
            json_object_set_new(o, "film_length_ms",
                                st->film_len_ms > 0 ? json_integer(st->film_len_ms) : json_null());
        }
    }
    send(st, STATS_SLIDE, o);
}

static void set_ex(Stats *st, const char *id)
{
    free(st->ex);
    st->ex = id ? strdup(id) : NULL;
}

static void end_visit(Stats *st, uint64_t now, const char *ended)
{
    if (!st->in_visit)
        return;
    end_view(st, now, ended);
    st->in_visit = false;
    set_ex(st, NULL);
    json_t *o = event(st, "visit_end");
    if (o) {
        put_int(o, "duration_ms", (int64_t)since(now, st->visit_since));
        put_int(o, "active_ms", (int64_t)since(st->last_input, st->visit_since));
        put_str(o, "ended", ended);
    }
    send(st, STATS_VISIT_END, o);
}

static void start_visit(Stats *st, const ShowSnapshot *sn)
{
    st->in_visit = true;
    st->visit_since = sn->last_input;
    set_ex(st, NULL);
    json_t *o = event(st, "visit_start");
    if (o)
        put_str(o, "language", st->lang); /* before this touch: it may choose another */
    send(st, STATS_VISIT_START, o);
}

/* The slide on screen changed: the old one ends, the new one begins (and the
 * exhibition, when the visitor entered another). */
static void observe_view(Stats *st, const ShowSnapshot *sn, uint64_t now)
{
    bool on_slide = sn->screen == SCREEN_SLIDE && sn->exhibition && sn->slide >= 0;
    if (on_slide && st->viewing && st->view_slide == sn->slide && strcmp(st->ex, sn->exhibition) == 0)
        return;
    end_view(st, now, "visitor");
    if (sn->screen == SCREEN_HOME)
        set_ex(st, NULL); /* back on the home screen: opening it again is a new opening */
    if (!on_slide)
        return;
    if (!st->ex || strcmp(st->ex, sn->exhibition) != 0) {
        set_ex(st, sn->exhibition);
        json_t *o = event(st, "exhibition");
        if (o) {
            put_str(o, "exhibition", sn->exhibition);
            put_int(o, "slides", sn->slides);
            put_str(o, "language", sn->lang);
        }
        send(st, STATS_EXHIBITION, o);
    }
    if (!st->ex)
        return; /* out of memory */
    st->viewing = true;
    st->view_slide = sn->slide;
    st->view_since = now;
    st->film_playing = false;
    st->film_t = now;
    st->film_watched_ms = 0;
    st->film_reached_ms = st->film_len_ms = -1;
}

/* The slide's film (the show's word, show_film_state): time played counts
 * from one snapshot to the next while it plays; the furthest position. */
static void observe_film(Stats *st, const ShowSnapshot *sn, uint64_t now)
{
    if (!st->viewing)
        return;
    if (st->film_playing)
        st->film_watched_ms += (int64_t)since(now, st->film_t);
    st->film_t = now;
    st->film_playing = sn->film_playing;
    if (sn->film_len_ms <= 0)
        return; /* no film on this slide (or not known yet) */
    if (sn->film_ms > st->film_reached_ms)
        st->film_reached_ms = sn->film_ms;
    st->film_len_ms = sn->film_len_ms;
}

static void observe_choices(Stats *st, const ShowSnapshot *sn)
{
    const char *ex = sn->screen == SCREEN_SLIDE ? sn->exhibition : NULL;
    if (sn->lang && strcmp(st->lang, sn->lang) != 0) {
        json_t *o = event(st, "language");
        if (o) {
            put_str(o, "language", sn->lang);
            put_str(o, "from", st->lang);
            put_place(o, ex, sn->slide);
        }
        send(st, STATS_LANGUAGE, o);
    }
    if (st->captions != sn->captions) {
        json_t *o = event(st, "captions");
        if (o) {
            json_object_set_new(o, "shown", json_boolean(sn->captions));
            put_place(o, ex, sn->slide);
        }
        send(st, STATS_CAPTIONS, o);
    }
}

static void observe_zoom(Stats *st, const ShowSnapshot *sn, uint64_t now)
{
    bool zoomed = st->viewing && sn->zoom > STATS_ZOOMED;
    if (zoomed && !st->zooming) {
        st->zooming = true;
        st->zoom_max = sn->zoom;
        st->zoom_since = now;
    } else if (zoomed) {
        if (sn->zoom > st->zoom_max)
            st->zoom_max = sn->zoom;
    } else {
        end_zoom(st, now);
    }
}

/* ---- observing ------------------------------------------------------------- */

static void set_time(Stats *st, const char *wall)
{
    snprintf(st->wall, sizeof st->wall, "%s", wall ? wall : "");
    snprintf(st->day, sizeof st->day, "%.10s", st->wall);
}

/* Remember where things stand, without a word about it. */
static void take_note(Stats *st, const ShowSnapshot *sn)
{
    st->inputs = sn->inputs;
    st->resets = sn->resets;
    st->last_input = sn->last_input;
    snprintf(st->lang, sizeof st->lang, "%s", sn->lang ? sn->lang : "");
    st->captions = sn->captions;
}

void stats_observe(Stats *st, const ShowSnapshot *sn, uint64_t now, const char *wall)
{
    if (!st || !sn)
        return;
    set_time(st, wall);
    if (!st->started || sn->lecture) {
        st->started = true;
        end_visit(st, now, "lecture"); /* a lecture began: whoever was here is an audience now */
        take_note(st, sn);
        return;
    }
    if (sn->resets != st->resets) {
        /* The visitor walked away: the slide and the visit end now; what
         * the reset put back (language, captions) was nobody's choice. */
        end_visit(st, now, "idle");
        take_note(st, sn);
    }
    if (!st->in_visit && sn->inputs != st->inputs)
        start_visit(st, sn);
    if (!st->in_visit) {
        take_note(st, sn);
        return;
    }
    st->inputs = sn->inputs;
    st->last_input = sn->last_input;
    observe_view(st, sn, now);
    observe_film(st, sn, now);
    observe_choices(st, sn);
    observe_zoom(st, sn, now);
    take_note(st, sn);
}

void stats_finish(Stats *st, uint64_t now, const char *wall)
{
    if (!st)
        return;
    set_time(st, wall);
    end_visit(st, now, "exit");
}
