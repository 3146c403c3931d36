/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_film_kiosk.c - the kiosk's and the lecture's rules for a slide's
 * film, on the virtual clock (show_film_state is the platform's word on
 * the film): a visitor watching a ten-minute film is never asked "still
 * there?", a paused film is left after the usual time; the media key plays
 * and pauses; in a lecture the audience sees no control bar and the
 * presenter view shows the film's position and what remains. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "idle.h"
#include "lang.h"
#include "show.h"
#include "unit_support.h"

#define W 1920
#define H 1080

static Settings no_autoplay; /* media.autoplay false (fx_new_with) */

static ShowFx *fx_new_with(bool lecture, const Settings *st)
{
    ShowFx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->lib = fx_library();
    Exhibition *ex = fx_exhibition("alpha", "Альфа", "Альфа", "Alpha", 3, true);
    SlideMedia *m = &ex->slides[0].media; /* slide 1 is a film */
    m->video_given = true;
    m->start_ms = m->end_ms = -1;
    m->video.items = calloc(1, sizeof(LocEntry));
    loc_add(&m->video, 1, LOC_ALL, "/films/a.mp4");
    fx_library_add(f->lib, ex);
    f->m = fake_measure();
    ShowConfig cfg = {.lecture = lecture, .settings = st};
    f->show = show_create(f->lib, &cfg, &f->m, W, H);
    assert_non_null(f->show);
    f->t = 10000;
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = 'x'}); /* a visitor is here */
    assert_true(show_open(f->show, "alpha", 1));
    return f;
}

static ShowFx *fx_new(bool lecture)
{
    return fx_new_with(lecture, NULL);
}

/* The film of slide 1, as the platform names it to the show. */
#define FILM(f) (&(f)->lib->items[0]->slides[0].media)

static void fx_done(ShowFx *f)
{
    show_free(f->show);
    slide_media_clear(&f->lib->items[0]->slides[0].media);
    fx_library_free(f->lib);
    free(f);
}

/* The clock runs on to `until` as the main loop runs it: the platform
 * reports the film (playing or not, at position ms) before each wake, and
 * the show wakes at its deadline or every 0.5 s, whichever comes first. */
static void run_until(ShowFx *f, uint64_t until, bool playing, int *film_ms)
{
    while (f->t < until) {
        show_film_state(f->show, FILM(f), playing, *film_ms, 600000, f->t);
        uint64_t d = show_next_deadline(f->show, f->t);
        uint64_t step = d < 500 ? (d ? d : 1) : 500;
        if (f->t + step > until)
            step = until - f->t;
        f->t += step;
        if (playing)
            *film_ms += (int)step;
        show_handle(f->show, &(Event){.type = EV_TICK, .t = f->t});
    }
}

static Screen screen(ShowFx *f)
{
    ShowSnapshot snap;
    show_snapshot(f->show, &snap);
    return snap.screen;
}

static void a_film_watched_is_not_idle_a_paused_one_is(void **state)
{
    (void)state;
    ShowFx *f = fx_new(false);
    int ms = 0;
    /* ten minutes of film, nobody touching the kiosk: never "still there?" */
    run_until(f, f->t + 600000, true, &ms);
    assert_int_equal(screen(f), SCREEN_SLIDE);
    char buf[1024];
    show_state_json(f->show, f->t, buf, sizeof buf);
    assert_non_null(strstr(buf, "\"idle\":\"active\""));
    assert_int_equal(ms, 600000);
    /* the visitor pauses it: the usual timeout counts from the pause */
    uint64_t paused_at = f->t;
    run_until(f, paused_at + IDLE_TIMEOUT_MS - 1, false, &ms);
    show_state_json(f->show, f->t, buf, sizeof buf);
    assert_non_null(strstr(buf, "\"idle\":\"active\""));
    run_until(f, paused_at + IDLE_TIMEOUT_MS + 1, false, &ms);
    show_state_json(f->show, f->t, buf, sizeof buf);
    assert_non_null(strstr(buf, "\"idle\":\"warning\""));
    run_until(f, paused_at + IDLE_TIMEOUT_MS + IDLE_WARNING_MS + 1, false, &ms);
    assert_int_equal(screen(f), SCREEN_HOME); /* reset: the film is gone, its sound with it */
    ShowSnapshot snap;
    show_snapshot(f->show, &snap);
    assert_int_equal(snap.resets, 1);
    fx_done(f);
}

static void a_film_that_ends_lets_the_kiosk_rest(void **state)
{
    (void)state;
    ShowFx *f = fx_new(false);
    int ms = 0;
    run_until(f, f->t + 120000, true, &ms); /* two minutes, longer than the timeout */
    uint64_t ended = f->t;
    /* ended: the platform says "not playing"; the usual time and the reset follow */
    run_until(f, ended + IDLE_TIMEOUT_MS + IDLE_WARNING_MS + 1, false, &ms);
    assert_int_equal(screen(f), SCREEN_HOME);
    fx_done(f);
}

/* A film does not hold a kiosk already asking "still there?" (nor the
 * attract loop, where films are muted loops): only a visitor's input wakes it. */
static void a_film_does_not_wake_a_waiting_kiosk(void **state)
{
    (void)state;
    ShowFx *f = fx_new(false);
    int ms = 0;
    run_until(f, f->t + IDLE_TIMEOUT_MS + 10, false, &ms);
    char buf[1024];
    show_state_json(f->show, f->t, buf, sizeof buf);
    assert_non_null(strstr(buf, "\"idle\":\"warning\""));
    run_until(f, f->t + IDLE_WARNING_MS, true, &ms);
    assert_int_equal(screen(f), SCREEN_HOME);
    fx_done(f);
}

static bool has_hit(const Scene *sc, Action a)
{
    for (int i = 0; i < sc->n_hits; i++)
        if (sc->hits[i].action == a)
            return true;
    return false;
}

static void the_media_key_plays_and_pauses(void **state)
{
    (void)state;
    ShowFx *f = fx_new(false);
    bool paused;
    f->t += 100;
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = KEY_PLAY_PAUSE});
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_PLAY);
    assert_true(paused);
    f->t += 100;
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = KEY_PLAY_PAUSE});
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_PLAY);
    assert_false(paused);
    assert_true(has_hit(show_scene(f->show), ACT_FILM_PLAY)); /* a kiosk's visitor has the buttons */
    fx_done(f);
}

static void a_lecture_shows_the_film_to_the_presenter_only(void **state)
{
    (void)state;
    ShowFx *f = fx_new(true);
    show_set_presenter(f->show, true);
    /* the audience: no control bar; the lecturer's keys work */
    assert_false(has_hit(show_scene(f->show), ACT_FILM_PLAY));
    bool paused;
    f->t += 100;
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = 'k'});
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_PLAY);
    f->t += 100;
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = KEY_PLAY_PAUSE});
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_PLAY);
    /* the presenter: where the film is and what remains */
    show_film_state(f->show, FILM(f), true, 83400, 200000, f->t);
    assert_true(show_presenter_dirty(f->show));
    const Scene *p = show_presenter_scene(f->show, W, H, f->t, "19:05");
    ShowSnapshot snap;
    show_snapshot(f->show, &snap);
    char want[128];
    snprintf(want, sizeof want, "%s 01:23  (01:56 %s)", lang_text(UI_FILM, snap.lang), lang_text(UI_LEFT, snap.lang));
    assert_non_null(scene_find_text(p, want));
    /* the same second again: nothing to redraw; the next second: redrawn */
    show_film_state(f->show, FILM(f), true, 83900, 200000, f->t);
    assert_false(show_presenter_dirty(f->show));
    show_film_state(f->show, FILM(f), true, 84000, 200000, f->t);
    assert_true(show_presenter_dirty(f->show));
    /* a page turn: the film is gone from the presenter view */
    f->t += 100;
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = KEY_RIGHT});
    show_film_state(f->show, NULL, false, -1, -1, f->t);
    p = show_presenter_scene(f->show, W, H, f->t, "19:05");
    assert_null(scene_find_text(p, lang_text(UI_FILM, snap.lang)));
    fx_done(f);
}

/* media.autoplay false: the film opens paused, with the play triangle;
 * the visitor's play starts it. With the default it plays at once. */
static void without_autoplay_a_film_waits_for_play(void **state)
{
    (void)state;
    settings_defaults(&no_autoplay);
    no_autoplay.autoplay = false;
    ShowFx *f = fx_new_with(false, &no_autoplay);
    show_film_opened(f->show); /* the platform opened it (paused, films_set_rules) */
    bool paused;
    f->t += 100;
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = 'k'});
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_PLAY);
    assert_false(paused); /* K played it */
    fx_done(f);
    settings_free(&no_autoplay);

    f = fx_new(false);
    show_film_opened(f->show);
    f->t += 100;
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = 'k'});
    assert_int_equal(show_take_film_request(f->show, &paused), ACT_FILM_PLAY);
    assert_true(paused); /* it played by itself: K paused it */
    fx_done(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_film_watched_is_not_idle_a_paused_one_is),
        cmocka_unit_test(a_film_that_ends_lets_the_kiosk_rest),
        cmocka_unit_test(a_film_does_not_wake_a_waiting_kiosk),
        cmocka_unit_test(the_media_key_plays_and_pauses),
        cmocka_unit_test(a_lecture_shows_the_film_to_the_presenter_only),
        cmocka_unit_test(without_autoplay_a_film_waits_for_play),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
