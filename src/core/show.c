/* SPDX-License-Identifier: GPL-3.0-or-later */
/* show.c - see show.h
 *
 * The show routes: events go to the small machines that own each concern
 * (gesture.h, touch.h, lecture.h, admin.h, kiosk.h), and what they return
 * moves the show between screens, exhibitions and slides. Actions are the
 * rows of ACTION_LIST (action.h); their handlers are here.
 */
#include "show_internal.h"
#include "cards.h"
#include "lang.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- life cycle --------------------------------------------------------- */

Show *show_create(const Library *lib, const ShowConfig *cfg, const Measure *measure, int w, int h)
{
    Show *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->lib = lib;
    s->measure = *measure;
    if (cfg && cfg->settings) {
        s->st = cfg->settings;
    } else {
        settings_defaults(&s->own_settings);
        s->st = &s->own_settings;
        if (s->own_settings.keys.n == 0) { /* out of memory for the key bindings */
            settings_free(&s->own_settings);
            free(s);
            return NULL;
        }
    }
    const Settings *st = s->st;
    if (st->n_langs > 0) {
        for (int i = 0; i < st->n_langs && i < SCENE_MAX_LANGS; i++)
            s->langs[s->n_langs++] = st->langs[i];
    } else {
        s->n_langs = lang_defaults(s->langs, SCENE_MAX_LANGS); /* lang.h: the one list */
    }
    s->allow_quit = cfg && cfg->allow_quit;
    s->hold_ms = st->repeat_hold_ms > 0 ? st->repeat_hold_ms : 700;
    s->every_ms = st->repeat_every_ms > 0 ? st->repeat_every_ms : 300;
    s->lecture_mode = s->base_lecture = cfg && cfg->lecture;
    /* Exit without a PIN only where a person at the keyboard is the one who
     * started vitrine (a window, a lecture); never on a visitor's kiosk. */
    admin_init(&s->admin, st->admin_pin_hash, s->allow_quit || s->base_lecture);
    s->lecture_ended = cfg ? cfg->lecture_ended : NULL;
    s->preview = cfg && cfg->preview;
    s->ctx = cfg ? cfg->ctx : NULL;
    s->duration_min = cfg ? cfg->duration_min : 0;
    lecture_init(&s->lec, st->warn_min, st->alert_min, st->timer_overlay, cfg ? cfg->started : NULL);
    s->warn_min = s->lec.warn_min;
    s->screen = SCREEN_HOME;
    s->exhibition = -1;
    s->captions = true;
    s->large_text = st->large_text;
    s->high_contrast = st->high_contrast;
    s->running = true;
    s->w = w;
    s->h = h;
    gesture_init(&s->gesture, w, h);
    touch_init(&s->touch);
    s->zoom = ZOOM_NONE;
    s->film_pos_ms = s->film_dur_ms = s->film_time_ex = s->film_time_slide = -1;
    s->film_volume = filmbar_volume_clamp(st->max_volume, st->max_volume);

    if (!pictures_reset(&s->pictures, lib)) {
        show_free(s);
        return NULL;
    }
    const char *start = cfg && cfg->start_lang ? cfg->start_lang : st->start_lang;
    if (start)
        show_set_lang(s, start);
    s->start_lang = s->lang;
    if (!kiosk_init(&s->kiosk, st, lib)) {
        show_free(s);
        return NULL;
    }
    scene_init(&s->scene);
    scene_init(&s->presenter_scene);
    s->dirty = true;
    return s;
}

void show_free(Show *s)
{
    if (!s)
        return;
    scene_free(&s->scene);
    scene_free(&s->presenter_scene);
    if (s->st == &s->own_settings)
        settings_free(&s->own_settings);
    lecture_free(&s->lec);
    kiosk_free(&s->kiosk);
    pictures_free(&s->pictures);
    problems_free(&s->problems);
    free(s->waiting);
    free(s->only);
    free(s);
}

/* ---- navigation --------------------------------------------------------- */

/* ---- administrator ---------------------------------------------------------- */

static void open_admin(Show *s)
{
    if (s->screen != SCREEN_ADMIN)
        s->admin_return = s->screen;
    s->screen = SCREEN_ADMIN;
    admin_open(&s->admin, s->now);
    lecture_close_overview(&s->lec);
    s->dirty = true;
}

static void close_admin(Show *s)
{
    if (s->screen != SCREEN_ADMIN)
        return;
    admin_forget_pin(&s->admin);
    s->screen = s->admin_return;
    if (s->screen == SCREEN_SLIDE && s->exhibition < 0)
        s->screen = SCREEN_HOME;
    if (show_preparing(s))
        show_nav_home(s); /* the one exhibition may have come meanwhile */
    s->dirty = true;
}

static void end_lecture(Show *s)
{
    Rehearsal rec;
    if (lecture_take_record(&s->lec, &rec)) {
        if (s->lecture_ended)
            s->lecture_ended(s->ctx, &rec);
        rehearsal_free(&rec);
    }
    s->lecture_mode = s->base_lecture;
    lecture_end(&s->lec, s->lecture_mode);
    s->lecture_changed = true;
}

/* The admin screens take every action first. true when they pass it on to
 * the action's own handler. */
static bool admin_action(Show *s, Action a, int arg)
{
    s->dirty = true;
    int which;
    switch (admin_handle(&s->admin, a, arg, s->now, s->lib->n, s->lecture_mode, &which)) {
    case ADMIN_PASS:
        return true;
    case ADMIN_STAY:
        break;
    case ADMIN_CLOSE:
        close_admin(s);
        break;
    case ADMIN_START_LECTURE:
        s->screen = SCREEN_SLIDE;
        s->lecture_mode = true;
        s->lecture_changed = true;
        show_nav_open(s, which, 0);
        break;
    case ADMIN_END_LECTURE:
        end_lecture(s);
        s->admin_return = SCREEN_HOME;
        show_nav_home(s);
        close_admin(s);
        break;
    case ADMIN_EXIT:
        s->running = false;
        break;
    }
    return false;
}

/* ---- actions: the handlers of ACTION_LIST's rows ---------------------------- */

static void act_none(Show *s, Action a, int arg) { (void)s, (void)a, (void)arg; }
static void act_next(Show *s, Action a, int arg) { (void)a, (void)arg; show_nav_advance(s, s->slide + 1); }
static void act_prev(Show *s, Action a, int arg) { (void)a, (void)arg; show_nav_to(s, s->slide - 1); }
static void act_first(Show *s, Action a, int arg) { (void)a, (void)arg; show_nav_to(s, 0); }
static void act_last(Show *s, Action a, int arg) { (void)a, (void)arg; show_nav_advance(s, show_n_current(s) - 1); }
static void act_open(Show *s, Action a, int arg) { (void)a; show_nav_open(s, arg, 0); }
static void act_admin(Show *s, Action a, int arg) { (void)a, (void)arg; open_admin(s); }

static void act_home(Show *s, Action a, int arg)
{
    (void)a, (void)arg;
    if (zoom_active(s->zoom)) /* zoomed in, the home control first brings the whole picture back */
        show_nav_unzoom(s);
    else
        show_nav_home(s);
}

static void act_zoom_in(Show *s, Action a, int arg)
{
    (void)a, (void)arg;
    show_nav_zoom(s, s->zoom.z * ZOOM_STEP, -1, -1);
}

static void act_zoom_out(Show *s, Action a, int arg)
{
    (void)a, (void)arg;
    if (s->zoom.z / ZOOM_STEP <= 1.0001f)
        show_nav_unzoom(s);
    else
        show_nav_zoom(s, s->zoom.z / ZOOM_STEP, -1, -1);
}

static void act_lang(Show *s, Action a, int arg)
{
    if (a == ACT_LANG_NEXT)
        arg = (s->lang + 1) % s->n_langs;
    else if (arg < 0 || arg >= s->n_langs || arg == s->lang)
        return;
    s->lang = arg;
    touch_unscroll(&s->touch);
    if (show_slide_sound(s, NULL) == SOUND_NONE)
        s->narration_on = false; /* a language without a voice stops the reading aloud */
    s->dirty = true;
}

/* Next, previous, first, last: of the overview's slides, else the cards. */
static void act_select_by(Show *s, Action a, int arg)
{
    (void)arg;
    int sel = s->lec.overview ? s->lec.overview_sel : s->home_sel;
    int last = s->lec.overview ? cards_count(show_current(s)) - 1 : s->lib->n - 1;
    int to = a == ACT_SEL_NEXT ? sel + 1 : a == ACT_SEL_PREV ? sel - 1 : a == ACT_SEL_FIRST ? 0 : last;
    if (s->lec.overview)
        show_redraw(s, lecture_overview_select(&s->lec, to, last + 1));
    else
        show_nav_card(s, to);
}

static void act_select_row(Show *s, Action a, int arg)
{
    (void)arg;
    int n = cards_count(show_current(s)); /* the overview shows cards (cards.h) */
    int cols = scene_overview_cols(n, s->w, s->h);
    int to = s->lec.overview_sel + (a == ACT_SEL_UP ? -cols : cols);
    if (to >= 0 && to < n)
        show_redraw(s, lecture_overview_select(&s->lec, to, n));
}

static void act_goto(Show *s, Action a, int arg)
{
    (void)a;
    lecture_close_overview(&s->lec);
    show_nav_advance(s, arg);
    s->dirty = true;
}

static void act_select(Show *s, Action a, int arg)
{
    (void)arg;
    if (s->lec.overview) /* a card: its first step */
        act_goto(s, a, cards_first(show_current(s), s->lec.overview_sel));
    else
        show_nav_open(s, s->home_sel, 0);
}

/* The visitors' switches: captions, large text, high contrast. */
static void act_toggle(Show *s, Action a, int arg)
{
    (void)arg;
    bool *b = a == ACT_TOGGLE_CAPTIONS ? &s->captions : a == ACT_LARGE_TEXT ? &s->large_text : &s->high_contrast;
    *b = !*b;
    s->dirty = true;
}

static void act_quit(Show *s, Action a, int arg)
{
    (void)a, (void)arg;
    if (s->allow_quit)
        s->running = false;
}

static void act_lecture(Show *s, Action a, int arg)
{
    (void)arg;
    /* the overview opens on the card of the slide on screen */
    int slide = a == ACT_OVERVIEW ? cards_of(show_current(s), s->slide) : s->slide;
    show_redraw(s, lecture_action(&s->lec, a, slide, s->now));
}

static void act_swap(Show *s, Action a, int arg)
{
    (void)a, (void)arg;
    s->swap_request = true;
}

/* The slide's film: the platform plays it (show_take_film_request). */
static void act_film(Show *s, Action a, int arg)
{
    const Exhibition *ex = show_current(s);
    if (s->screen != SCREEN_SLIDE || !ex || s->slide < 0 || s->slide >= ex->n_slides ||
        !slide_media_has_video(&ex->slides[s->slide].media))
        return;
    if (s->film_ex != s->exhibition || s->film_slide != s->slide) /* another film: as it opens */
        s->film_paused = !s->st->autoplay;
    if (a != ACT_FILM_VOLUME_UP && a != ACT_FILM_VOLUME_DOWN)
        s->narration_on = false; /* the film's controls take the sound back from its narration */
    s->film_ex = s->exhibition;
    s->film_slide = s->slide;
    if (a == ACT_FILM_PLAY)
        s->film_paused = !s->film_paused;
    if (a == ACT_FILM_SEEK)
        s->film_seek_ms = arg;
    s->film_request = a;
    s->dirty = true;
}

/* The slide's narration, or its reading aloud: on, or off again. One sound
 * at a time: on a film's slide the film pauses while its narration plays
 * (and stays paused after it; its play button takes the sound back). */
static void act_narration(Show *s, Action a, int arg)
{
    (void)arg;
    if (show_slide_sound(s, NULL) == SOUND_NONE)
        return;
    bool here = s->narration_ex == s->exhibition && s->narration_slide == s->slide;
    s->narration_on = !(here && s->narration_on);
    s->narration_ex = s->exhibition;
    s->narration_slide = s->slide;
    s->dirty = true;
    if (s->narration_on && slide_media_has_video(&show_current(s)->slides[s->slide].media)) {
        bool playing = !(s->film_paused && s->film_ex == s->exhibition && s->film_slide == s->slide);
        if (playing)
            act_film(s, ACT_FILM_PLAY, 0); /* paused, as its own button would */
        s->narration_on = true;
    }
}

/* Quieter or louder, never past the staff's maximum (settings' media). */
static void act_film_volume(Show *s, Action a, int arg)
{
    (void)arg;
    int v = filmbar_volume_step(s->film_volume, a == ACT_FILM_VOLUME_UP ? 1 : -1, s->st->max_volume);
    if (v != s->film_volume) {
        s->film_volume = v;
        s->film_request = a;
        s->dirty = true;
    }
}

static void (*const handlers[ACT__COUNT])(Show *s, Action a, int arg) = {
#define HANDLER_(id, name, screens, handler, desc) [ACT_##id] = handler,
    ACTION_LIST(HANDLER_)
#undef HANDLER_
};

/* Which of the ACTION_ON_* screens is shown. */
static unsigned screen_now(const Show *s)
{
    if (s->screen == SCREEN_ADMIN)
        return ACTION_ON_ADMIN;
    if (s->screen == SCREEN_HOME)
        return ACTION_ON_HOME;
    return s->lecture_mode ? ACTION_ON_LECTURE : ACTION_ON_SLIDE;
}

static void run_action(Show *s, Action a, int arg)
{
    unsigned on = screen_now(s);
    if (on == ACTION_ON_ADMIN && !admin_action(s, a, arg))
        return;
    /* "being prepared": nothing for a visitor to do; staff still get in */
    if (show_preparing(s) && a != ACT_ADMIN && a != ACT_QUIT)
        return;
    unsigned bits = 0;
    if (on == ACTION_ON_LECTURE && lecture_unblank(&s->lec, a, &bits)) {
        show_redraw(s, bits);
        return;
    }
    if ((unsigned)a < ACT__COUNT && action_screens(a) & on)
        handlers[a](s, a, arg);
}

/* ---- input ------------------------------------------------------------------ */

static void flush_tap(Show *s, bool force)
{
    Action a;
    int arg;
    if (touch_tap_due(&s->touch, &s->gesture, s->now, force, &a, &arg))
        run_action(s, a, arg);
}

static void on_gesture(Show *s, const Gesture *g)
{
    TouchPicture p;
    bool on_picture = show_view_picture(s, &p) && rect_contains(p.area, g->x, g->y);
    if (g->kind == GESTURE_DOUBLE_TAP && on_picture && !s->lecture_mode) {
        touch_drop_tap(&s->touch); /* the first tap of the pair does nothing */
        if (zoom_active(s->zoom))
            show_nav_unzoom(s);
        else
            show_nav_zoom(s, ZOOM_DOUBLE_TAP, g->x, g->y);
        return;
    }
    flush_tap(s, true);
    bool paging = s->screen == SCREEN_SLIDE && !s->lec.overview;
    switch (g->kind) {
    case GESTURE_TAP:
    case GESTURE_DOUBLE_TAP: { /* off the picture, the second tap is a tap like the first */
        /* Hit-testing needs the current scene, but building it here is not
         * drawing it: keep a change the renderer has not fetched yet dirty. */
        bool undrawn = s->dirty;
        const HitTarget *t = scene_hit(show_scene(s), g->x, g->y);
        s->dirty = undrawn;
        if (!t)
            break;
        if (on_picture && t->arg == SCENE_HIT_ZONE && !s->lecture_mode)
            touch_tap_wait(&s->touch, t->action, t->arg, s->now); /* it may be a double tap */
        else
            run_action(s, t->action, t->arg);
        break;
    }
    case GESTURE_SWIPE_LEFT:
        run_action(s, paging ? ACT_NEXT : ACT_SEL_NEXT, 0);
        break;
    case GESTURE_SWIPE_RIGHT:
        run_action(s, paging ? ACT_PREV : ACT_SEL_PREV, 0);
        break;
    case GESTURE_LONG_PRESS: /* nothing for visitors yet (the admin corner is polled apart) */
    case GESTURE_NONE:
        break;
    }
}

static unsigned key_context(const Show *s)
{
    if (s->screen == SCREEN_ADMIN)
        return KC_ADMIN;
    if (s->screen == SCREEN_HOME)
        return KC_HOME;
    if (!s->lecture_mode)
        return KC_SLIDE;
    return s->lec.overview ? KC_OVERVIEW : KC_LECTURE;
}

static bool is_paging(Action a)
{
    return a == ACT_NEXT || a == ACT_PREV || a == ACT_SEL_NEXT || a == ACT_SEL_PREV ||
           a == ACT_SEL_UP || a == ACT_SEL_DOWN;
}

static void on_key(Show *s, const Event *ev)
{
    if (s->screen == SCREEN_ADMIN && s->admin.stage == ADMIN_PIN && !ev->repeat) {
        if (ev->key >= '0' && ev->key <= '9') {
            run_action(s, ACT_PIN_DIGIT, ev->key - '0');
            return;
        }
        if (ev->key == KEY_BACKSPACE) {
            run_action(s, ACT_PIN_BACK, 0);
            return;
        }
    }
    /* "Number + Enter" jumps to a slide in a lecture: a slide as the
     * counter numbers them, a beamer slide's first overlay (cards.h). */
    int to;
    unsigned bits = 0;
    if (s->lecture_mode && s->screen == SCREEN_SLIDE && lecture_goto_key(&s->lec, ev, &to, &bits)) {
        show_redraw(s, bits);
        if (to >= 0)
            show_nav_advance(s, cards_first(show_current(s), to));
        return;
    }
    Action a = keymap_lookup(&s->st->keys, key_context(s), ev->key, ev->mods);
    if (a == ACT_NONE)
        return;
    /* Auto-repeat: a held button moves one slide; held on purpose (longer
     * than hold_ms) it moves on, at most once per every_ms. Toggles never
     * repeat. */
    if (!ev->repeat) {
        s->held_key = ev->key;
        s->held_since = s->held_moved = ev->t;
    } else {
        if (!is_paging(a) || ev->key != s->held_key || ev->t < s->held_since + (uint64_t)s->hold_ms ||
            ev->t < s->held_moved + (uint64_t)s->every_ms)
            return;
        s->held_moved = ev->t;
    }
    run_action(s, a, 0);
}

/* ---- a kiosk left alone --------------------------------------------------- */

/* The visitor walked away: everything back as the next visitor expects. */
static void reset_for_next_visitor(Show *s)
{
    s->narration_on = false; /* every sound stops */
    show_nav_home(s);
    s->home_sel = 0;
    s->lang = s->start_lang;
    s->captions = true;
    s->large_text = s->st->large_text;
    s->high_contrast = s->st->high_contrast;
    lecture_close_overview(&s->lec);
    s->dirty = true;
}

/* ---- events ------------------------------------------------------------------ */

/* The part of the film the scrub bar stands for: its clip, else all of it. */
static void film_range(const Show *s, int *lo, int *hi)
{
    const Exhibition *ex = show_current(s);
    const SlideMedia *m = ex && s->slide >= 0 && s->slide < ex->n_slides ? &ex->slides[s->slide].media : NULL;
    filmbar_range(m ? m->start_ms : -1, m ? m->end_ms : -1, film_known(s) ? s->film_dur_ms : -1, lo, hi);
}

/* A finger that comes down on the film's scrub bar belongs to the bar until
 * every finger is lifted: it seeks (throttled, filmbar.h) and never turns
 * the page, zooms or pans. true when the event was the bar's. */
static bool on_film_bar(Show *s, const Event *ev)
{
    int ms;
    if (!s->film_bar.active) {
        if (ev->type != EV_POINTER_DOWN || s->gesture.n_down != 0 || s->screen != SCREEN_SLIDE)
            return false;
        bool undrawn = s->dirty; /* hit-testing is not drawing (as in on_gesture) */
        const HitTarget *t = scene_hit(show_scene(s), ev->x, ev->y);
        s->dirty = undrawn;
        int lo, hi;
        film_range(s, &lo, &hi);
        if (!t || t->action != ACT_FILM_SEEK || !filmbar_press(&s->film_bar, t->r, lo, hi, ev->x, s->now, &ms))
            return false;
        run_action(s, ACT_FILM_SEEK, ms);
    } else if (ev->type == EV_POINTER_MOVE && filmbar_move(&s->film_bar, ev->x, s->now, &ms)) {
        run_action(s, ACT_FILM_SEEK, ms);
    }
    Gesture ignored; /* the recogniser counts the fingers, and sees no gesture in them */
    gesture_feed(&s->gesture, ev, &ignored);
    gesture_cancel(&s->gesture);
    if (ev->type == EV_POINTER_UP && s->gesture.n_down == 0) {
        if (filmbar_release(&s->film_bar, ev->x, &ms))
            run_action(s, ACT_FILM_SEEK, ms);
        s->film_pos_ms = s->film_bar.at_ms; /* until the platform says where the film is */
    }
    s->dirty = true; /* the bar follows the finger */
    return true;
}

static void on_pointer(Show *s, const Event *ev)
{
    if (on_film_bar(s, ev))
        return;
    if (ev->type == EV_POINTER_DOWN)
        touch_press(&s->touch, s->now);
    Gesture g;
    bool done = gesture_feed(&s->gesture, ev, &g);
    show_nav_follow(s);
    if (done)
        on_gesture(s, &g);
    if (ev->type == EV_POINTER_UP && s->gesture.n_down == 0 && s->touch.dragging)
        show_nav_to(s, s->slide); /* released short of a page turn: spring back */
    touch_release(&s->touch, s->gesture.n_down);
}

/* After every event: the machines that run on time have their say. */
static void after_event(Show *s)
{
    if (s->screen == SCREEN_ADMIN) {
        bool unlocked;
        if (admin_tick(&s->admin, s->now, &unlocked) == ADMIN_CLOSE)
            close_admin(s);
        else if (unlocked)
            s->dirty = true;
    }
    /* A long press in the top-left corner opens the PIN pad: visitors do not
     * find it by accident, and without a PIN it does nothing at all. */
    Gesture held;
    GestureHold corner = admin_corner_hold(s->w, s->h);
    if (s->admin.pin_hash && s->screen != SCREEN_ADMIN && gesture_hold_poll(&s->gesture, &corner, s->now, &held))
        open_admin(s);
    flush_tap(s, false);
    if (kiosk_update(&s->kiosk, s->now, show_idle_applies(s), &s->dirty))
        reset_for_next_visitor(s);
}

void show_handle(Show *s, const Event *ev)
{
    if (ev->t > s->now)
        s->now = ev->t;
    if (kiosk_input(&s->kiosk, ev, show_idle_applies(s), &s->dirty)) {
        /* keep the gesture recogniser's count of fingers right, but let
         * this touch press nothing */
        Gesture ignored;
        if (ev->type != EV_KEY) {
            gesture_feed(&s->gesture, ev, &ignored);
            gesture_cancel(&s->gesture);
            kiosk_fingers(&s->kiosk, s->gesture.n_down);
        }
        return;
    }
    int before_slide = s->slide, before_ex = s->exhibition;
    bool before_overview = s->lec.overview;
    switch (ev->type) {
    case EV_KEY:
        on_key(s, ev);
        break;
    case EV_POINTER_DOWN:
    case EV_POINTER_MOVE:
    case EV_POINTER_UP:
        on_pointer(s, ev);
        break;
    case EV_WHEEL:
        if (ev->wheel != 0 && !s->lecture_mode) {
            float z = s->zoom.z * powf(ZOOM_STEP, (float)ev->wheel);
            if (z <= 1.0001f)
                show_nav_unzoom(s);
            else
                show_nav_zoom(s, z, ev->x, ev->y);
        }
        break;
    case EV_RESIZE:
        if (ev->w > 0 && ev->h > 0 && (ev->w != s->w || ev->h != s->h)) {
            s->w = ev->w;
            s->h = ev->h;
            gesture_resize(&s->gesture, ev->w, ev->h);
            s->dirty = true;
        }
        break;
    case EV_CLOSE:
        /* A kiosk ignores the window manager; a development window closes. */
        if (s->allow_quit)
            s->running = false;
        break;
    case EV_QUIT:
        s->running = false; /* SIGTERM from the service manager: always honoured */
        break;
    case EV_TICK:
        s->dirty |= touch_tick(&s->touch, s->now);
        show_redraw(s, lecture_expire(&s->lec, s->now));
        break;
    case EV_IMAGE_LOADED:
        if (pictures_loaded(&s->pictures, s->lib, ev->exhibition, ev->slide, ev->ok, ev->img_w, ev->img_h))
            s->dirty = s->presenter_dirty = true;
        break;
    }
    after_event(s);
    if (s->slide != before_slide || s->exhibition != before_ex || s->screen != SCREEN_SLIDE) {
        /* the film reported was the slide left's: nothing is known of this one's yet */
        s->film_playing = false;
        s->film_time_ex = s->film_time_slide = -1;
    }
    if (s->narration_on && (s->screen != SCREEN_SLIDE || s->slide != s->narration_slide ||
                            s->exhibition != s->narration_ex || show_slide_sound(s, NULL) == SOUND_NONE))
        s->narration_on = false; /* a page turn ends the narration: coming back does not restart it;
                                  * so does a language without a voice */
    if (s->slide != before_slide || s->exhibition != before_ex || s->lec.overview != before_overview)
        s->presenter_dirty = true;
    if (s->lecture_mode && s->screen == SCREEN_SLIDE)
        show_redraw(s, lecture_tick(&s->lec, s->now));
    if (s->lec.recording)
        rehearsal_update(&s->lec.rec, s->slide, s->lec.timer.running, s->now);
}

void show_set_quiet(Show *s, bool quiet)
{
    if (quiet == s->quiet)
        return;
    s->quiet = quiet;
    if (quiet)
        s->narration_on = false; /* sound stops; its button goes (show_slide_sound) */
    s->dirty = true;
}

bool show_open(Show *s, const char *id, int slide1)
{
    int i = library_find(s->lib, id);
    if (i < 0)
        return false;
    show_nav_open(s, i, slide1 - 1);
    return true;
}

bool show_set_lang(Show *s, const char *code)
{
    for (int i = 0; i < s->n_langs; i++) {
        if (strcmp(s->langs[i], code) == 0) {
            run_action(s, ACT_LANG, i);
            return true;
        }
    }
    return false;
}

/* ---- outputs ------------------------------------------------------------ */

static uint64_t earliest(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

uint64_t show_next_deadline(const Show *s, uint64_t now)
{
    bool lecture_shown = s->lecture_mode && s->screen == SCREEN_SLIDE;
    uint64_t d = earliest(touch_next_deadline(&s->touch, now),
                          lecture_next_deadline(&s->lec, now, lecture_shown, s->presenter));
    if (show_idle_applies(s))
        d = earliest(d, kiosk_next_deadline(&s->kiosk, now));
    if (s->screen == SCREEN_ADMIN) {
        d = earliest(d, admin_next_deadline(&s->admin, now));
    } else if (s->admin.pin_hash) {
        GestureHold corner = admin_corner_hold(s->w, s->h);
        uint64_t at = gesture_hold_wake(&s->gesture, &corner);
        if (at != UINT64_MAX)
            d = earliest(d, at > now ? at - now : 0);
    }
    return d;
}

/* ---- hot reload ------------------------------------------------------------ */

const char *show_exhibition_id(const Show *s)
{
    const Exhibition *ex = show_current(s);
    return ex ? ex->id : NULL;
}
