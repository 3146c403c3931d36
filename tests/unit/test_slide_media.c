/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_slide_media.c - a slide's film and sound in exhibition.json
 * (slide_media.h): what is read, and every message a curator can get. */
#define _XOPEN_SOURCE 700 /* mkdtemp() */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "manifest.h"
#include "diag_support.h"

static Exhibition *load(const char *dir, const char *slide, DiagList *dl)
{
    char text[4096];
    snprintf(text, sizeof text,
             "{\"languages\": [\"kk\", \"ru\", \"en\"], \"title\": \"Films\", \"slides\": [%s]}",
             slide);
    write_tree_file(dir, MANIFEST_NAME, text);
    return manifest_load(dir, dl);
}

static void test_full_film_slide(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    const char *files[] = {"film.mp4", "kk.srt", "ru.vtt", "en.ass", "ru.m4a", "n-kk.ogg", "n-ru.ogg"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        write_tree_file(dir, files[i], "x");
    DiagList dl = {0};
    Exhibition *ex = load(dir,
                          "{\"video\": \"film.mp4\", \"title\": \"A film\","
                          " \"subtitles\": {\"kk\": \"kk.srt\", \"ru\": \"ru.vtt\", \"en\": \"en.ass\"},"
                          " \"audio\": {\"ru\": \"ru.m4a\"},"
                          " \"narration\": {\"kk\": \"n-kk.ogg\", \"ru\": \"n-ru.ogg\"},"
                          " \"loop\": true, \"start\": 1.5, \"end\": 10}",
                          &dl);
    assert_non_null(ex);
    assert_true(no_diags(&dl));
    assert_int_equal(ex->n_slides, 1);
    const SlideMedia *m = &ex->slides[0].media;
    assert_true(slide_media_has_video(m));
    char want[1024];
    snprintf(want, sizeof want, "%s/film.mp4", dir);
    assert_string_equal(loc_text(&m->video, "ru", NULL, 0), want);
    snprintf(want, sizeof want, "%s/ru.vtt", dir);
    assert_string_equal(loc_text(&m->subtitles, "ru", NULL, 0), want);
    assert_true(loc_has(&m->subtitles, "en"));
    assert_int_equal(m->audio.n, 1);
    assert_int_equal(m->narration.n, 2);
    assert_true(m->loop);
    assert_int_equal(m->start_ms, 1500);
    assert_int_equal(m->end_ms, 10000);
    assert_null(m->poster_path);
    manifest_free(ex);
    diag_clear(&dl);
    rm_rf(dir);
    free(dir);
}

/* A film that is missing keeps its slide (a placeholder stands in) and is
 * named with its position; so are a wrong subtitle file and a bad clip. */
static void test_bad_film_fields(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    write_tree_file(dir, "kk.txt", "x");
    DiagList dl = {0};
    Exhibition *ex = load(dir,
                          "{\"video\": {\"kk\": \"gone.mp4\"}, \"subtitles\": {\"kk\": \"kk.txt\"},\n"
                          " \"start\": 20, \"end\": 5, \"loop\": \"yes\", \"poster\": \"../p.jpg\"}",
                          &dl);
    assert_non_null(ex);
    assert_int_equal(ex->n_slides, 1);
    const SlideMedia *m = &ex->slides[0].media;
    assert_true(slide_media_has_video(m));
    assert_int_equal(m->video.n, 0);
    assert_int_equal(m->subtitles.n, 0);
    assert_int_equal(m->start_ms, -1);
    assert_int_equal(m->end_ms, -1);
    assert_false(m->loop);
    assert_diag(&dl, ":1:81: error: film \"gone.mp4\" not found");
    assert_diag(&dl, "subtitles \"kk.txt\" must be an SRT (.srt), WebVTT (.vtt) or ASS (.ass) file");
    assert_diag(&dl, ":2:22: error: \"end\" of slide 1 must come after \"start\"");
    assert_diag(&dl, "\"loop\" of slide 1 must be true or false, not a string");
    assert_diag(&dl, "image \"../p.jpg\" may not leave the exhibition folder");
    manifest_free(ex);
    diag_clear(&dl);
    rm_rf(dir);
    free(dir);
}

static void test_film_settings_without_film(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    DiagList dl = {0};
    Exhibition *ex = load(dir, "{\"text\": \"words\", \"loop\": true, \"start\": -3}", &dl);
    assert_non_null(ex);
    assert_false(slide_media_has_video(&ex->slides[0].media));
    assert_diag(&dl, "\"start\" of slide 1 must be a number of seconds from 0 to 86400, not -3");
    assert_diag(&dl, "has film settings");
    manifest_free(ex);
    diag_clear(&dl);
    rm_rf(dir);
    free(dir);
}

/* A poster is the slide's picture, shown in the film's place until its
 * first frame: it takes the place of an image given too (with a warning),
 * and a poster that is no picture is an error at "poster". */
static void test_poster_is_the_picture(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"9\"/>";
    write_tree_file(dir, "film.mp4", "x");
    write_tree_file(dir, "p.svg", svg);
    write_tree_file(dir, "still.svg", svg);
    write_tree_file(dir, "notes.txt", "not a picture");
    DiagList dl = {0};
    Exhibition *ex = load(dir,
                          "{\"video\": \"film.mp4\", \"poster\": \"p.svg\"},\n"
                          "{\"video\": \"film.mp4\", \"image\": \"still.svg\", \"poster\": \"p.svg\"},\n"
                          "{\"video\": \"film.mp4\", \"poster\": \"notes.txt\"}",
                          &dl);
    assert_non_null(ex);
    assert_int_equal(ex->n_slides, 3);
    char want[1024];
    snprintf(want, sizeof want, "%s/p.svg", dir);
    for (int i = 0; i < 2; i++) {
        assert_string_equal(ex->slides[i].image, "p.svg");
        assert_string_equal(ex->slides[i].image_path, want);
        assert_true(ex->slides[i].image_ok);
    }
    assert_diag(&dl, ":2:55: warning: slide 2 has both \"image\" and \"poster\"");
    assert_false(ex->slides[2].image_ok);
    assert_diag(&dl, ":3:33: error: notes.txt is not an image");
    manifest_free(ex);
    diag_clear(&dl);
    rm_rf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_film_slide),
        cmocka_unit_test(test_bad_film_fields),
        cmocka_unit_test(test_film_settings_without_film),
        cmocka_unit_test(test_poster_is_the_picture),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
