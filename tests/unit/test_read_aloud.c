/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_read_aloud.c - the "read aloud" button (read_aloud.h, show.h): which
 * espeak-ng voice reads which language, and none where it would read it
 * wrong (kk-Latn); what is said (the title and caption as the screen shows
 * them, each part in the voice of the language it is written in); when the
 * button is there (a slide with words and no recording, no film, not in
 * quiet hours, media.read_aloud on) and what the show asks the platform to
 * read: a tap starts, a second stops, a language switch gives the new
 * language's words, a page turn, home, the idle reset and quiet hours stop.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "idle.h"
#include "read_aloud.h"
#include "settings.h"
#include "show.h"
#include "unit_support.h"

#define W 1920
#define H 1080

/* ---- voices ------------------------------------------------------------------ */

static void voices_for_the_kiosk_languages(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        {"kk", "kk"}, {"ru", "ru"}, {"en", "en"}, {"de", "de"}, {"tr", "tr"}, {"ka", "ka"},
        {"ar", "ar"}, {"uz", "uz"}, {"uk", "uk"}, {"zh", "cmn"}, {"zh-Hans", "cmn"}, {"zh-HK", "yue"},
        {"KK", "kk"}, {"pt-BR", "pt-br"}, {"en-US", "en-us"}, {"de-AT", "de"}, {"ru-KZ", "ru"},
        {"no", "nb"}, {"iw", "he"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const char *v = read_aloud_voice(pairs[i][0]);
        assert_non_null(v);
        assert_string_equal(v, pairs[i][1]);
    }
}

/* A script espeak-ng's voice for the language does not read, a language it
 * has no voice for, nothing: no voice, so no button and no wrong speech. */
static void no_voice_rather_than_a_wrong_one(void **state)
{
    (void)state;
    const char *none[] = {"kk-Latn", "kk-latn-KZ", "sr-Cyrl", "uz-Cyrl", "zh-Hant", "zh-TW", "mn",
                          "xx", "", "k", "a-very-long-language-code"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        assert_null(read_aloud_voice(none[i]));
    assert_null(read_aloud_voice(NULL));
}

/* ---- what is said --------------------------------------------------------------- */

static Exhibition *fx_ex(void)
{
    Exhibition *ex = fx_exhibition("alpha", "Альфа", "Альфа", "Alpha", 3, true);
    fx_set(&ex->slides[0].title, "Қарағанды", "Караганда", "Karaganda");
    fx_set(&ex->slides[0].caption, "Әйелдер лагері, 1938 жыл.", "Женский лагерь, 1938 год.",
           "The women's camp, 1938.");
    return ex;
}

static void says_title_then_caption_in_the_visitors_voice(void **state)
{
    (void)state;
    Exhibition *ex = fx_ex();
    ReadAloud r;
    assert_true(read_aloud_slide(ex, 0, "kk", &r));
    assert_int_equal(r.n, 2);
    assert_string_equal(r.part[0].voice, "kk");
    assert_string_equal(r.part[0].text, "Қарағанды");
    assert_string_equal(r.part[1].voice, "kk");
    assert_string_equal(r.part[1].text, "Әйелдер лагері, 1938 жыл.");
    assert_true(read_aloud_slide(ex, 0, "ru", &r));
    assert_string_equal(r.part[0].voice, "ru");
    assert_string_equal(r.part[1].text, "Женский лагерь, 1938 год.");
    fx_exhibition_free(ex);
}

/* The words the screen shows when a translation is missing (the fallback
 * along `languages`) are read in the voice of their own language. */
static void a_fallback_is_read_in_its_own_voice(void **state)
{
    (void)state;
    Exhibition *ex = fx_ex();
    fx_set(&ex->slides[0].caption, "Әйелдер лагері.", "Женский лагерь.", NULL);
    ReadAloud r;
    assert_true(read_aloud_slide(ex, 0, "en", &r));
    assert_int_equal(r.n, 2);
    assert_string_equal(r.part[0].voice, "en");
    assert_string_equal(r.part[1].voice, "kk"); /* the screen shows the Kazakh: kk comes first */
    assert_string_equal(r.part[1].text, "Әйелдер лагері.");
    /* one text for every language: the visitor's voice reads it */
    fx_loc_free(&ex->slides[0].title);
    ex->slides[0].title.items = calloc(1, sizeof(LocEntry));
    loc_add(&ex->slides[0].title, 1, LOC_ALL, "ALZHIR");
    assert_true(read_aloud_slide(ex, 0, "ru", &r));
    assert_string_equal(r.part[0].voice, "ru");
    assert_string_equal(r.part[0].text, "ALZHIR");
    fx_exhibition_free(ex);
}

static void what_a_text_slide_and_an_empty_one_say(void **state)
{
    (void)state;
    Exhibition *ex = fx_exhibition("beta", "Бета", "Бета", "Beta", 2, false);
    ReadAloud r;
    assert_true(read_aloud_slide(ex, 1, "ru", &r));
    assert_int_equal(r.n, 2);
    assert_string_equal(r.part[0].text, "beta ru 2");
    assert_string_equal(r.part[1].text, "beta body ru 2"); /* a text slide's text */
    fx_loc_free(&ex->slides[1].title);
    fx_loc_free(&ex->slides[1].text);
    assert_false(read_aloud_slide(ex, 1, "ru", &r)); /* no words: nothing to read */
    assert_int_equal(r.n, 0);
    assert_false(read_aloud_slide(ex, 0, "kk-Latn", &r)); /* no voice: no reading */
    assert_false(read_aloud_slide(ex, 5, "ru", &r));
    assert_false(read_aloud_slide(NULL, 0, "ru", &r));
    fx_exhibition_free(ex);
}

/* ---- the button, and what the show asks for ------------------------------------------ */

static Settings st;

static ShowFx *fx_show(const char *const *langs, int n_langs, bool read_aloud)
{
    ShowFx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    fx_settings(&st, langs, n_langs);
    st.read_aloud = read_aloud;
    f->lib = fx_library();
    Exhibition *ex = fx_ex();
    /* slide 2 has a recorded narration, slide 3 a film */
    SlideMedia *m = &ex->slides[1].media;
    m->start_ms = m->end_ms = -1;
    m->narration.items = calloc(1, sizeof(LocEntry));
    loc_add(&m->narration, 1, "kk", "/voice/kk.ogg");
    m = &ex->slides[2].media;
    m->video_given = true;
    m->start_ms = m->end_ms = -1;
    m->video.items = calloc(1, sizeof(LocEntry));
    loc_add(&m->video, 1, LOC_ALL, "/films/a.mp4");
    fx_library_add(f->lib, ex);
    f->m = fake_measure();
    ShowConfig cfg = {.settings = &st};
    f->show = show_create(f->lib, &cfg, &f->m, W, H);
    assert_non_null(f->show);
    f->t = 10000;
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = 'x'}); /* a visitor is here */
    assert_true(show_open(f->show, "alpha", 1));
    return f;
}

static void fx_done(ShowFx *f)
{
    show_free(f->show);
    for (int i = 0; i < 3; i++)
        slide_media_clear(&f->lib->items[0]->slides[i].media);
    fx_library_free(f->lib);
    settings_free(&st);
    free(f);
}

static bool button(ShowFx *f, Rect *r)
{
    const Scene *sc = show_scene(f->show);
    for (int i = 0; i < sc->n_hits; i++)
        if (sc->hits[i].action == ACT_NARRATION) {
            *r = sc->hits[i].r;
            return true;
        }
    return false;
}

static void tap_button(ShowFx *f)
{
    Rect r = {0};
    assert_true(button(f, &r));
    float x = (float)r.x + (float)r.w / 2, y = (float)r.y + (float)r.h / 2;
    f->t += 1000;
    show_handle(f->show, &(Event){.type = EV_POINTER_DOWN, .t = f->t, .pointer = 1, .x = x, .y = y});
    f->t += 50;
    show_handle(f->show, &(Event){.type = EV_POINTER_UP, .t = f->t, .pointer = 1, .x = x, .y = y});
    f->t += 400; /* past any double-tap wait */
    show_handle(f->show, &(Event){.type = EV_TICK, .t = f->t});
}

/* A key, and the page's slide-in afterwards (the button waits for it). */
static void key(ShowFx *f, int k)
{
    f->t += 100;
    show_handle(f->show, &(Event){.type = EV_KEY, .t = f->t, .key = k});
    f->t += 1000;
    show_handle(f->show, &(Event){.type = EV_TICK, .t = f->t});
}

static int slide_now(ShowFx *f)
{
    ShowSnapshot snap;
    show_snapshot(f->show, &snap);
    return snap.slide;
}

static void a_tap_reads_a_second_stops(void **state)
{
    (void)state;
    const char *langs[] = {"kk", "ru", "en"};
    ShowFx *f = fx_show(langs, 3, true);
    ReadAloud r;
    Rect b = {0};
    assert_true(button(f, &b));
    assert_true(b.w >= 80 && b.h >= 80); /* a fingertip's */
    assert_false(show_read_aloud(f->show, &r)); /* nothing until asked */
    tap_button(f);
    assert_int_equal(slide_now(f), 0); /* the tap turned no page */
    assert_true(show_read_aloud(f->show, &r));
    assert_int_equal(r.n, 2);
    assert_string_equal(r.part[0].voice, "kk");
    assert_string_equal(r.part[1].text, "Әйелдер лагері, 1938 жыл.");
    assert_null(show_narration(f->show)); /* no recording to play */
    tap_button(f);
    assert_false(show_read_aloud(f->show, &r));
    assert_int_equal(r.n, 0);
    fx_done(f);
}

/* The language switched while it reads: the new language's words (the
 * platform reads them from their beginning); to one without a voice: it
 * stops, and the button goes. */
static void a_language_switch_reads_the_new_language(void **state)
{
    (void)state;
    const char *langs[] = {"kk", "ru", "kk-Latn"};
    ShowFx *f = fx_show(langs, 3, true);
    ReadAloud r;
    tap_button(f);
    assert_true(show_set_lang(f->show, "ru"));
    assert_true(show_read_aloud(f->show, &r));
    assert_string_equal(r.part[0].voice, "ru");
    assert_string_equal(r.part[0].text, "Караганда");
    assert_true(show_set_lang(f->show, "kk-Latn"));
    assert_false(show_read_aloud(f->show, &r));
    Rect b = {0};
    assert_false(button(f, &b));
    assert_true(show_set_lang(f->show, "kk"));
    assert_false(show_read_aloud(f->show, &r)); /* stopped, not waiting to start again */
    assert_true(button(f, &b));
    fx_done(f);
}

/* Recorded narration wins; a film slide has no button (one sound at a
 * time); media.read_aloud false leaves recordings only. */
static void which_slides_have_the_button(void **state)
{
    (void)state;
    ShowFx *f = fx_show(NULL, 0, true);
    Rect b = {0};
    ReadAloud r;
    key(f, KEY_RIGHT);
    assert_int_equal(slide_now(f), 1);
    tap_button(f);
    assert_non_null(show_narration(f->show)); /* the recording */
    assert_false(show_read_aloud(f->show, &r));
    key(f, KEY_RIGHT);
    assert_int_equal(slide_now(f), 2);
    assert_false(button(f, &b)); /* the film's slide */
    fx_done(f);

    f = fx_show(NULL, 0, false);
    assert_false(button(f, &b));
    key(f, KEY_RIGHT);
    assert_true(button(f, &b)); /* the recording still has its button */
    fx_done(f);
}

/* A page turn, home and the idle reset stop it; coming back does not
 * start it again. */
static void a_page_turn_home_and_the_idle_reset_stop_it(void **state)
{
    (void)state;
    ShowFx *f = fx_show(NULL, 0, true);
    ReadAloud r;
    tap_button(f);
    assert_true(show_read_aloud(f->show, &r));
    key(f, KEY_RIGHT);
    assert_false(show_read_aloud(f->show, &r));
    key(f, KEY_LEFT);
    assert_false(show_read_aloud(f->show, &r));
    tap_button(f);
    assert_true(show_read_aloud(f->show, &r));
    key(f, KEY_ESCAPE); /* home */
    ShowSnapshot snap;
    show_snapshot(f->show, &snap);
    assert_int_equal(snap.screen, SCREEN_HOME);
    assert_false(show_read_aloud(f->show, &r));
    assert_true(show_open(f->show, "alpha", 1));
    tap_button(f);
    assert_true(show_read_aloud(f->show, &r));
    /* nobody touches the kiosk: "still there?", then the reset */
    for (uint64_t end = f->t + IDLE_TIMEOUT_MS + IDLE_WARNING_MS + 1000; f->t < end;) {
        f->t += 500;
        show_handle(f->show, &(Event){.type = EV_TICK, .t = f->t});
    }
    show_snapshot(f->show, &snap);
    assert_int_equal(snap.resets, 1);
    assert_false(show_read_aloud(f->show, &r));
    fx_done(f);
}

/* Quiet hours: the button goes and a reading stops; after them it is back,
 * not reading. */
static void quiet_hours_silence_it(void **state)
{
    (void)state;
    ShowFx *f = fx_show(NULL, 0, true);
    ReadAloud r;
    Rect b = {0};
    tap_button(f);
    assert_true(show_read_aloud(f->show, &r));
    show_set_quiet(f->show, true);
    assert_false(show_read_aloud(f->show, &r));
    assert_false(button(f, &b));
    key(f, KEY_RIGHT); /* nor the recording's */
    assert_false(button(f, &b));
    key(f, KEY_LEFT);
    show_set_quiet(f->show, false);
    assert_true(button(f, &b));
    assert_false(show_read_aloud(f->show, &r));
    fx_done(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(voices_for_the_kiosk_languages),
        cmocka_unit_test(no_voice_rather_than_a_wrong_one),
        cmocka_unit_test(says_title_then_caption_in_the_visitors_voice),
        cmocka_unit_test(a_fallback_is_read_in_its_own_voice),
        cmocka_unit_test(what_a_text_slide_and_an_empty_one_say),
        cmocka_unit_test(a_tap_reads_a_second_stops),
        cmocka_unit_test(a_language_switch_reads_the_new_language),
        cmocka_unit_test(which_slides_have_the_button),
        cmocka_unit_test(a_page_turn_home_and_the_idle_reset_stop_it),
        cmocka_unit_test(quiet_hours_silence_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
