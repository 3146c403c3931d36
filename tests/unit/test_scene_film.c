/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_scene_film.c - a film's controls on its slide (scene_film.h) and
 * what the show asks the platform to do with them (show_take_film_request):
 * a tap on a control never turns the page, pause and play alternate, and a
 * slide without a film has no controls; the scrub bar once the film's
 * length is known, a finger on it seeks and never turns the page however
 * it moves; the volume buttons stop at the staff's maximum; a film's own
 * narration pauses it and its play takes the sound back; a narration that
 * ends by itself shows play again; the attract loop plays a film slide's
 * film, muted, unless the settings say no. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filmbar.h"
#include "settings.h"
#include "show.h"
#include "unit_support.h"

#define W 1920
#define H 1080

static Settings film_settings; /* fx_new_with's; defaults unless a test sets them */

static ShowFx *fx_new_with(const Settings *st);

static ShowFx *fx_new(void)
{
    return fx_new_with(NULL);
}

static ShowFx *fx_new_with(const Settings *st)
{
    ShowFx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->lib = fx_library();
    Exhibition *ex = fx_exhibition("alpha", "Альфа", "Альфа", "Alpha", 3, true);
    /* slide 1 has a film too */
    SlideMedia *m = &ex->slides[0].media;
    m->video_given = true;
    m->start_ms = m->end_ms = -1;
    m->video.items = calloc(1, sizeof(LocEntry));
    loc_add(&m->video, 1, LOC_ALL, "/films/a.mp4");
    fx_library_add(f->lib, ex);
    f->m = fake_measure();
    ShowConfig cfg = {.settings = st};
    f->show = show_create(f->lib, &cfg, &f->m, W, H);
    assert_non_null(f->show);
    assert_true(show_open(f->show, "alpha", 1));
    f->t = 10000;
    return f;
}

/* The film of slide 1. */
#define FILM0(f) (&(f)->lib->items[0]->slides[0].media)

static void fx_done(ShowFx *f)
{
    show_free(f->show);
    slide_media_clear(&f->lib->items[0]->slides[0].media);
    fx_library_free(f->lib);
    free(f);
}

static void tap(ShowFx *f, Rect r)
{
    float x = (float)r.x + (float)r.w / 2, y = (float)r.y + (float)r.h / 2;
    f->t += 1000;
    show_handle(f->show, &(Event){.type = EV_POINTER_DOWN, .t = f->t, .pointer = 1, .x = x, .y = y});
    f->t += 50;
    show_handle(f->show, &(Event){.type = EV_POINTER_UP, .t = f->t, .pointer = 1, .x = x, .y = y});
    f->t += 400; /* past any double-tap wait */
    show_handle(f->show, &(Event){.type = EV_TICK, .t = f->t});
}

static bool find_hit(const Scene *sc, Action a, Rect *r)
{
    for (int i = 0; i < sc->n_hits; i++)
        if (sc->hits[i].action == a) {
            *r = sc->hits[i].r;
            return true;
        }
    return false;
}

static int slide_now(ShowFx *f)
{
    ShowSnapshot snap;
    show_snapshot(f->show, &snap);
    return snap.slide;
}

static void test_controls_and_requests(void **state)
{
    (void)state;
    ShowFx *f = fx_new();
    const Scene *sc = show_scene(f->show);
    Rect play, back, fwd;
    assert_true(find_hit(sc, ACT_FILM_PLAY, &play));
    assert_true(find_hit(sc, ACT_FILM_BACK, &back));
    assert_true(find_hit(sc, ACT_FILM_FORWARD, &fwd));
    /* big enough for a finger */
    assert_true(play.w >= 80 && play.h >= 80);
    bool paused = true;
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_NONE);

    tap(f, fwd);
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_FORWARD);
    assert_false(paused);
    tap(f, back);
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_BACK);
    tap(f, play);
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_PLAY);
    assert_true(paused);
    tap(f, play);
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_PLAY);
    assert_false(paused);
    assert_int_equal(slide_now(f), 0); /* no tap turned the page */
    /* K, as in common web players */
    f->t += 100;
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = 'k'});
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_PLAY);
    assert_true(paused);
    fx_done(f);
}

static void test_no_film_no_controls(void **state)
{
    (void)state;
    ShowFx *f = fx_new();
    tap(f, (Rect){W - 100, H / 2, 10, 10}); /* the right third: next page */
    f->t += 1000;
    show_handle(f->show, &(Event){.type = EV_TICK, .t = f->t});
    assert_int_equal(slide_now(f), 1);
    Rect r;
    assert_false(find_hit(show_scene(f->show), ACT_FILM_PLAY, &r));
    bool paused;
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_NONE);
    fx_done(f);
}

static void pointer(ShowFx *f, EventType type, float x, float y, uint64_t dt)
{
    f->t += dt;
    show_handle(f->show, &(Event){.type = type, .t = f->t, .pointer = 1, .x = x, .y = y});
}

static void test_scrub_bar(void **state)
{
    (void)state;
    ShowFx *f = fx_new();
    Rect bar = {0};
    assert_false(find_hit(show_scene(f->show), ACT_FILM_SEEK, &bar)); /* length unknown: no bar */
    show_film_state(f->show, &f->lib->items[0]->slides[1].media, false, 30000, 120000, f->t); /* another slide's */
    assert_false(find_hit(show_scene(f->show), ACT_FILM_SEEK, &bar));
    show_film_state(f->show, &f->lib->items[0]->slides[0].media, false, 30000, 120000, f->t);
    const Scene *sc = show_scene(f->show);
    assert_true(find_hit(sc, ACT_FILM_SEEK, &bar));
    assert_true(bar.h >= 60 && bar.w > W / 3); /* a finger finds it */
    assert_non_null(scene_find_text(sc, "0:30")); /* where the film is */
    assert_non_null(scene_find_text(sc, "2:00")); /* and how long */
    Rect play = {0};
    assert_true(find_hit(sc, ACT_FILM_PLAY, &play));
    assert_true(bar.y >= play.y + play.h); /* under the buttons */

    /* a finger down on the bar's middle: a seek to the film's middle */
    float y = (float)bar.y + (float)bar.h / 2;
    bool paused;
    pointer(f, EV_POINTER_DOWN, (float)bar.x + (float)bar.w / 2, y, 1000);
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_SEEK);
    assert_int_equal(show_film_seek_ms(f->show), 60000);
    /* dragged fast to the far left, a swipe anywhere else: seeks, at most
     * one every FILMBAR_SEEK_EVERY_MS, and the bar follows the finger */
    int seeks = 0;
    for (int i = 1; i <= 19; i++) {
        pointer(f, EV_POINTER_MOVE, (float)bar.x + (float)bar.w / 2 - (float)i * (float)bar.w / 40, y, 16);
        if (show_take_film_request(f->show, &paused) == ACT_FILM_SEEK)
            seeks++;
    }
    assert_true(seeks >= 1 && seeks <= 3);
    assert_non_null(scene_find_text(show_scene(f->show), "0:03")); /* the bar shows the finger's moment */
    pointer(f, EV_POINTER_UP, (float)bar.x, y, 16);
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_SEEK);
    assert_int_equal(show_film_seek_ms(f->show), 0); /* the last seek: where it let go */
    f->t += 1000;
    show_handle(f->show, &(Event){.type = EV_TICK, .t = f->t});
    assert_int_equal(slide_now(f), 0); /* never a page turn */

    /* the same stroke beside the bar, in the picture's right third, is a swipe */
    pointer(f, EV_POINTER_DOWN, (float)W - 300, (float)H / 2, 1000);
    for (int i = 1; i <= 20; i++)
        pointer(f, EV_POINTER_MOVE, (float)W - 300 - (float)i * 40, (float)H / 2, 16);
    pointer(f, EV_POINTER_UP, (float)W - 1100, (float)H / 2, 16);
    f->t += 1000;
    show_handle(f->show, &(Event){.type = EV_TICK, .t = f->t});
    assert_int_equal(slide_now(f), 1);
    fx_done(f);
}

static void test_volume_within_staff_limit(void **state)
{
    (void)state;
    settings_defaults(&film_settings);
    film_settings.max_volume = 40;
    ShowFx *f = fx_new_with(&film_settings);
    assert_int_equal(show_film_volume(f->show), 40); /* films start at the staff's maximum */
    Rect up, down;
    const Scene *sc = show_scene(f->show);
    assert_true(find_hit(sc, ACT_FILM_VOLUME_UP, &up));
    assert_true(find_hit(sc, ACT_FILM_VOLUME_DOWN, &down));
    assert_true(up.w >= 60 && down.w >= 60);
    bool paused;
    tap(f, up);
    assert_int_equal(show_film_volume(f->show), 40); /* never past it */
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_NONE);
    tap(f, down);
    tap(f, down);
    assert_int_equal(show_film_volume(f->show), 20);
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_VOLUME_DOWN);
    for (int i = 0; i < 5; i++)
        tap(f, down);
    assert_int_equal(show_film_volume(f->show), 0);
    for (int i = 0; i < 9; i++)
        tap(f, up);
    assert_int_equal(show_film_volume(f->show), 40);
    assert_int_equal(slide_now(f), 0);
    fx_done(f);
    settings_free(&film_settings);
}

/* A slide with a recorded narration and no film: one button plays it (a
 * triangle), stops it (a square); turning the page ends it, and so does
 * the idle reset. A film slide without a recording offers none. */
static void test_narration_button(void **state)
{
    (void)state;
    ShowFx *f = fx_new();
    SlideMedia *m = &f->lib->items[0]->slides[1].media;
    m->start_ms = m->end_ms = -1;
    m->narration.items = calloc(2, sizeof(LocEntry));
    loc_add(&m->narration, 2, "kk", "/voice/kk.ogg");
    loc_add(&m->narration, 2, "ru", "/voice/ru.ogg");
    Rect r = {0};
    assert_false(find_hit(show_scene(f->show), ACT_NARRATION, &r)); /* the film slide */
    assert_true(show_open(f->show, "alpha", 2));
    assert_true(find_hit(show_scene(f->show), ACT_NARRATION, &r));
    assert_true(r.w >= 80 && r.h >= 80);
    assert_null(show_narration(f->show));
    tap(f, r);
    assert_ptr_equal(show_narration(f->show), m);
    assert_int_equal(slide_now(f), 1); /* the tap turned no page */
    tap(f, r);
    assert_null(show_narration(f->show));
    tap(f, r);
    assert_ptr_equal(show_narration(f->show), m);
    f->t += 100;
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = KEY_RIGHT});
    assert_null(show_narration(f->show)); /* the page turned: it ends */
    f->t += 100;
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = KEY_LEFT});
    assert_null(show_narration(f->show)); /* and does not come back by itself */
    loc_clear(&m->narration);
    fx_done(f);
}

static bool rects_meet(Rect a, Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Its narration's button meets none of the film's controls (scrub bar
 * included), wide or narrow. */
static void assert_narration_apart(const Scene *sc)
{
    Rect n = {0};
    assert_true(find_hit(sc, ACT_NARRATION, &n));
    int films = 0;
    for (int i = 0; i < sc->n_hits; i++) {
        Action a = sc->hits[i].action;
        if (a == ACT_FILM_PLAY || a == ACT_FILM_BACK || a == ACT_FILM_FORWARD || a == ACT_FILM_SEEK ||
            a == ACT_FILM_VOLUME_UP || a == ACT_FILM_VOLUME_DOWN) {
            films++;
            assert_false(rects_meet(n, sc->hits[i].r));
        }
    }
    assert_true(films >= 4); /* the scrub bar was there to be missed */
}

/* The square (stop) on the narration button r: drawn while it plays. */
static bool stop_square(const Scene *sc, Rect r)
{
    int m = r.w / 4;
    for (int i = 0; i < sc->n; i++)
        if (sc->items[i].kind == DRAW_RECT && sc->items[i].r.x == r.x + m && sc->items[i].r.y == r.y + m &&
            sc->items[i].r.w == r.w - 2 * m && sc->items[i].r.h == r.h - 2 * m)
            return true;
    return false;
}

/* A film slide with a recorded narration: its button among the film's
 * controls; a press pauses the film and plays the narration (the media
 * asked for is the film's own slide's), a language switch keeps it, the
 * film's play stops it and plays the film. */
static void test_film_narration(void **state)
{
    (void)state;
    ShowFx *f = fx_new();
    SlideMedia *m = FILM0(f);
    m->narration.items = calloc(2, sizeof(LocEntry));
    loc_add(&m->narration, 2, "kk", "/voice/kk.ogg");
    loc_add(&m->narration, 2, "ru", "/voice/ru.ogg");
    show_film_opened(f->show); /* it plays (autoplay) */
    show_film_state(f->show, m, true, 5000, 60000, f->t); /* its length known: the scrub bar */
    assert_narration_apart(show_scene(f->show));
    Rect r = {0}, play = {0};
    assert_true(find_hit(show_scene(f->show), ACT_NARRATION, &r));
    assert_true(r.w >= 80 && r.h >= 80); /* as big as the film's own buttons */
    bool paused = false;
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_NONE);
    tap(f, r);
    assert_ptr_equal(show_narration(f->show), m);
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_PLAY);
    assert_true(paused); /* the film paused for it */
    assert_true(stop_square(show_scene(f->show), r));
    assert_int_equal(slide_now(f), 0);
    assert_true(show_set_lang(f->show, "ru"));
    assert_ptr_equal(show_narration(f->show), m); /* the language switch: the platform follows */
    assert_true(find_hit(show_scene(f->show), ACT_FILM_PLAY, &play));
    tap(f, play);
    assert_null(show_narration(f->show)); /* the film's play took the sound back */
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_PLAY);
    assert_false(paused);
    /* narration again, then stopped by its own button: the film stays paused */
    tap(f, r);
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_PLAY);
    assert_true(paused);
    tap(f, r);
    assert_null(show_narration(f->show));
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_NONE);
    /* a narrow screen: the button under the scrub bar */
    show_handle(f->show, &(Event){.type = EV_RESIZE, .t = f->t, .w = 800, .h = 1000});
    show_film_state(f->show, m, false, 5000, 60000, f->t);
    assert_narration_apart(show_scene(f->show));
    loc_clear(&m->narration);
    fx_done(f);
}

/* The platform says the narration ended by itself: the button shows play
 * again (no stop square), and the next press starts it anew. */
static void test_narration_end(void **state)
{
    (void)state;
    ShowFx *f = fx_new();
    SlideMedia *m = &f->lib->items[0]->slides[1].media;
    m->start_ms = m->end_ms = -1;
    m->narration.items = calloc(1, sizeof(LocEntry));
    loc_add(&m->narration, 1, LOC_ALL, "/voice/all.ogg");
    assert_true(show_open(f->show, "alpha", 2));
    Rect r = {0};
    assert_true(find_hit(show_scene(f->show), ACT_NARRATION, &r));
    tap(f, r);
    assert_true(stop_square(show_scene(f->show), r));
    show_sound_ended(f->show);
    assert_true(show_dirty(f->show)); /* redrawn */
    assert_null(show_narration(f->show));
    assert_false(stop_square(show_scene(f->show), r));
    tap(f, r);
    assert_ptr_equal(show_narration(f->show), m);
    loc_clear(&m->narration);
    fx_done(f);
}

/* The attract loop on a film slide: its film, marked for the platform to
 * play muted and looped (DRAW_VIDEO ambient); kiosk.attract_films false:
 * its poster only. */
static bool attract_film(bool on)
{
    settings_defaults(&film_settings);
    film_settings.idle_s = 10;
    film_settings.warning_s = 3;
    film_settings.attract_delay_s = 1;
    film_settings.attract[0] = strdup("alpha:1");
    film_settings.n_attract = 1;
    film_settings.attract_films = on;
    ShowFx *f = fx_new_with(&film_settings);
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = 'x'});
    for (int i = 0; i < 40; i++) { /* still there? the reset, then the attract loop */
        f->t += 500;
        show_handle(f->show, &(Event){.type = EV_TICK, .t = f->t});
    }
    ShowSnapshot snap;
    show_snapshot(f->show, &snap);
    assert_true(snap.attract);
    const Scene *sc = show_scene(f->show);
    bool film = false;
    for (int i = 0; i < sc->n; i++)
        if (sc->items[i].kind == DRAW_VIDEO) {
            assert_ptr_equal(sc->items[i].media, FILM0(f));
            assert_true(sc->items[i].ambient);
            film = true;
        }
    /* a touch ends the attract loop: no film in the scene any more */
    f->t += 100;
    show_handle(f->show, &(Event){.type = EV_POINTER_DOWN, .t = f->t, .pointer = 1, .x = 500, .y = 500});
    f->t += 50;
    show_handle(f->show, &(Event){.type = EV_POINTER_UP, .t = f->t, .pointer = 1, .x = 500, .y = 500});
    show_snapshot(f->show, &snap);
    assert_false(snap.attract);
    sc = show_scene(f->show);
    for (int i = 0; i < sc->n; i++)
        assert_int_not_equal(sc->items[i].kind, DRAW_VIDEO);
    fx_done(f);
    settings_free(&film_settings);
    return film;
}

static void test_attract_film(void **state)
{
    (void)state;
    assert_true(attract_film(true));
    assert_false(attract_film(false));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_controls_and_requests),
        cmocka_unit_test(test_no_film_no_controls),
        cmocka_unit_test(test_scrub_bar),
        cmocka_unit_test(test_volume_within_staff_limit),
        cmocka_unit_test(test_narration_button),
        cmocka_unit_test(test_film_narration),
        cmocka_unit_test(test_narration_end),
        cmocka_unit_test(test_attract_film),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
