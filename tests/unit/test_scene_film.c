/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_scene_film.c - a film's controls on its slide (scene_film.h) and
 * what the show asks the platform to do with them (show_take_film_request):
 * a tap on a control never turns the page, pause and play alternate, and a
 * slide without a film has no controls. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "show.h"
#include "unit_support.h"

#define W 1920
#define H 1080

static ShowFx *fx_new(void)
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
    f->show = show_create(f->lib, NULL, &f->m, W, H);
    assert_non_null(f->show);
    assert_true(show_open(f->show, "alpha", 1));
    f->t = 10000;
    return f;
}

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_controls_and_requests),
        cmocka_unit_test(test_no_film_no_controls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
