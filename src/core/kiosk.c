/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk.c - see kiosk.h */
#include "kiosk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Exhibition ex of lib may be shown (kiosk_set_only). */
static bool shown(const Kiosk *s, const Library *lib, int ex)
{
    return !s->only || strcmp(lib->items[ex]->id, s->only) == 0;
}

/* The attract loop's playlist for lib: the settings' entries, else the
 * slides curators marked, else the covers; of the one exhibition shown,
 * when there is one. false on out of memory. */
static bool build_attract(Kiosk *s, const Library *lib)
{
    free(s->attract);
    s->n_attract = 0;
    int cap = s->n_playlist;
    for (int i = 0; i < lib->n; i++)
        cap += lib->items[i]->n_slides + 1;
    s->attract = calloc((size_t)cap + 1, sizeof *s->attract);
    if (!s->attract)
        return false;
    /* the settings' playlist first: "id" or "id:N" */
    for (int i = 0; i < s->n_playlist && s->n_attract < cap; i++) {
        char id[256];
        snprintf(id, sizeof id, "%s", s->playlist[i]);
        char *colon = strrchr(id, ':');
        int slide = -1;
        if (colon) {
            char *end;
            long n = strtol(colon + 1, &end, 10);
            if (*end == '\0' && n >= 1) {
                slide = (int)n - 1;
                *colon = '\0';
            }
        }
        int ex = library_find(lib, id);
        if (ex < 0 || slide >= lib->items[ex]->n_slides || !shown(s, lib, ex))
            continue;
        s->attract[s->n_attract].ex = ex;
        s->attract[s->n_attract++].slide = slide;
    }
    bool chosen = s->n_attract > 0; /* the settings chose: the manifests' marks do not add */
    for (int i = 0; !chosen && i < lib->n; i++)
        for (int k = 0; k < lib->items[i]->n_slides && shown(s, lib, i); k++)
            if (lib->items[i]->slides[k].attract) {
                s->attract[s->n_attract].ex = i;
                s->attract[s->n_attract++].slide = k;
            }
    if (s->n_attract == 0) /* no slide chosen by the curators: the covers */
        for (int i = 0; i < lib->n; i++) {
            if (!shown(s, lib, i))
                continue;
            s->attract[s->n_attract].ex = i;
            s->attract[s->n_attract++].slide = -1;
        }
    return true;
}

bool kiosk_init(Kiosk *k, const Settings *st, const Library *lib)
{
    memset(k, 0, sizeof *k);
    IdleConfig ic = {st->idle_s * 1000, st->warning_s * 1000,
                     st->attract_delay_s > 0 ? st->attract_delay_s * 1000 : 1};
    idle_init(&k->idle, &ic, 0);
    k->playlist = st->attract;
    k->n_playlist = st->n_attract;
    return build_attract(k, lib);
}

void kiosk_free(Kiosk *k)
{
    free(k->attract);
    k->attract = NULL;
    k->n_attract = 0;
}

bool kiosk_set_only(Kiosk *k, const char *id, const Library *lib)
{
    k->only = id;
    return kiosk_set_library(k, lib);
}

bool kiosk_set_library(Kiosk *k, const Library *lib)
{
    if (build_attract(k, lib))
        return true;
    k->n_attract = 0;
    return false;
}

bool kiosk_input(Kiosk *k, const Event *ev, bool applies, bool *redraw)
{
    if ((ev->type == EV_KEY || ev->type == EV_POINTER_DOWN) && applies) {
        k->inputs++;
        k->last_input = ev->t;
    }
    bool input = ev->type == EV_KEY || ev->type == EV_POINTER_DOWN || ev->type == EV_WHEEL;
    if (!input)
        return k->swallow && (ev->type == EV_POINTER_MOVE || ev->type == EV_POINTER_UP);
    IdlePhase was = idle_input(&k->idle, ev->t);
    if (!applies || (was != IDLE_WARNING && was != IDLE_ATTRACT))
        return false;
    *redraw = true;
    if (ev->type == EV_POINTER_DOWN)
        k->swallow = true; /* until this finger lifts */
    return true;
}

void kiosk_fingers(Kiosk *k, int n_down)
{
    if (n_down == 0)
        k->swallow = false;
}

/* What the idle screens show changed (a new second, slide, language)? */
static bool shown_changed(Kiosk *k, uint64_t now)
{
    int phase = (int)k->idle.phase, a = 0, b = 0;
    if (k->idle.phase == IDLE_WARNING) {
        a = idle_seconds_left(&k->idle, now);
    } else if (k->idle.phase == IDLE_ATTRACT) {
        uint64_t t = now - k->idle.since;
        a = (int)(t / IDLE_ATTRACT_STEP_MS);
        b = (int)(t / IDLE_LANG_STEP_MS);
    }
    if (phase == k->shown[0] && a == k->shown[1] && b == k->shown[2])
        return false;
    k->shown[0] = phase;
    k->shown[1] = a;
    k->shown[2] = b;
    return true;
}

bool kiosk_update(Kiosk *k, uint64_t now, bool applies, bool *redraw)
{
    if (!applies) {
        idle_input(&k->idle, now); /* lectures and admins are never idle */
        return false;
    }
    idle_update(&k->idle, now);
    bool reset = idle_take_reset(&k->idle);
    if (reset)
        k->resets++;
    if (shown_changed(k, now))
        *redraw = true;
    return reset;
}

void kiosk_watching(Kiosk *k, bool playing, uint64_t now)
{
    idle_hold(&k->idle, playing, now);
}

uint64_t kiosk_next_deadline(const Kiosk *k, uint64_t now)
{
    return idle_next_redraw(&k->idle, now);
}

IdleView kiosk_view(const Kiosk *k, uint64_t now)
{
    IdleView v = {0};
    v.phase = (int)k->idle.phase;
    v.seconds_left = idle_seconds_left(&k->idle, now);
    if (k->idle.phase == IDLE_ATTRACT && k->n_attract > 0) {
        uint64_t t = now - k->idle.since;
        int i = (int)((t / IDLE_ATTRACT_STEP_MS) % (uint64_t)k->n_attract);
        v.attract_ex = k->attract[i].ex;
        v.attract_slide = k->attract[i].slide;
        v.lang_step = (int)(t / IDLE_LANG_STEP_MS);
    } else {
        v.attract_ex = -1;
    }
    return v;
}

bool kiosk_attract(const Kiosk *k, bool applies)
{
    return applies && k->idle.phase == IDLE_ATTRACT;
}

const char *kiosk_phase_name(const Kiosk *k, bool applies)
{
    return !applies                          ? "off"
         : k->idle.phase == IDLE_WARNING     ? "warning"
         : k->idle.phase == IDLE_RESTING     ? "resting"
         : k->idle.phase == IDLE_ATTRACT     ? "attract"
                                             : "active";
}
