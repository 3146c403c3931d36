/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_paint.c - the scene builders' primitives (paint.h): what they append,
 * where text goes when aligned or cut, the scale, and the fallback language. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "lang.h"
#include "paint.h"
#include "scene.h"
#include "unit_support.h"

static void reset_keeps_buffers_and_clears_the_list(void **state)
{
    (void)state;
    Measure m = fake_measure();
    SceneView v = {.w = 1920, .h = 1080, .measure = &m};
    Scene s;
    scene_init(&s);
    paint_rect(&s, (Rect){0, 0, 10, 10}, COL_TEXT);
    paint_frame(&s, (Rect){0, 0, 10, 10}, COL_TEXT, 0);
    paint_text(&s, &v, 5, 6, "hello", 5, 20, FONT_REGULAR, COL_TEXT);
    paint_hit(&s, (Rect){0, 0, 10, 10}, ACT_HOME, 0);
    assert_int_equal(s.n, 3);
    assert_int_equal(s.items[1].thick, 1); /* a frame is at least a pixel wide */
    assert_string_equal(scene_text(&s, &s.items[2]), "hello");
    assert_int_equal(s.items[2].r.w, paint_width(&v, "hello", 20, FONT_REGULAR));
    assert_int_equal(s.n_hits, 1);
    paint_reset(&s);
    assert_int_equal(s.n, 0);
    assert_int_equal(s.n_hits, 0);
    assert_int_equal(s.arena_len, 0);
    assert_memory_equal(&s.clear, &COL_BG, sizeof s.clear);
    scene_free(&s);
}

static void empty_text_draws_nothing(void **state)
{
    (void)state;
    Measure m = fake_measure();
    SceneView v = {.w = 1920, .h = 1080, .measure = &m};
    Scene s;
    scene_init(&s);
    paint_text(&s, &v, 0, 0, "", 0, 20, FONT_REGULAR, COL_TEXT);
    assert_int_equal(paint_block(&s, &v, NULL, (Rect){0, 0, 100, 100}, 20, 10, FONT_REGULAR, COL_TEXT,
                                 SCENE_ALIGN_LEFT), 0);
    assert_int_equal(paint_block(&s, &v, "x", (Rect){0, 0, 0, 100}, 20, 10, FONT_REGULAR, COL_TEXT,
                                 SCENE_ALIGN_LEFT), 0);
    assert_int_equal(s.n, 0);
    scene_free(&s);
}

static void block_aligns_and_cuts_with_an_ellipsis(void **state)
{
    (void)state;
    Measure m = fake_measure();
    SceneView v = {.w = 1920, .h = 1080, .measure = &m};
    Scene s;
    scene_init(&s);
    Rect box = {100, 50, 400, 100};
    int h = paint_block(&s, &v, "abcd", box, 20, 20, FONT_REGULAR, COL_TEXT, SCENE_ALIGN_CENTER);
    assert_int_equal(h, fake_line_height(NULL, 20, FONT_REGULAR));
    int w = paint_width(&v, "abcd", 20, FONT_REGULAR);
    assert_int_equal(s.items[0].r.x, box.x + (box.w - w) / 2);
    assert_int_equal(s.items[0].r.y, box.y);
    paint_reset(&s);
    paint_block(&s, &v, "abcd", box, 20, 20, FONT_REGULAR, COL_TEXT, SCENE_ALIGN_RIGHT);
    assert_int_equal(s.items[0].r.x + s.items[0].r.w, box.x + box.w);
    /* one line high, far too long: one line ending in "…", inside the box */
    paint_reset(&s);
    Rect line = {0, 0, 200, fake_line_height(NULL, 20, FONT_REGULAR)};
    paint_block(&s, &v, "many words that will never fit on one short line", line, 20, 20, FONT_REGULAR,
                COL_TEXT, SCENE_ALIGN_CENTER);
    assert_int_equal(s.n, 1);
    const char *t = scene_text(&s, &s.items[0]);
    assert_true(strlen(t) >= 3 && strcmp(t + strlen(t) - 3, "\xE2\x80\xA6") == 0);
    assert_true(s.items[0].r.x >= 0 && s.items[0].r.x + s.items[0].r.w <= 200);
    scene_free(&s);
}

static void scale_and_language(void **state)
{
    (void)state;
    SceneView v = {.w = 1920, .h = 1080};
    assert_true(paint_scale(&v) == 1.0f);
    v.w = 3840, v.h = 2160;
    assert_true(paint_scale(&v) == 2.0f);
    v.w = 1080, v.h = 1920; /* portrait: by the width */
    assert_true(paint_scale(&v) == 1.0f);
    v.w = 100, v.h = 100; /* never below a quarter */
    assert_true(paint_scale(&v) == 0.25f);
    /* no language offered: the fallback */
    assert_string_equal(paint_lang(&v), LANG_FALLBACK);
    v.langs[0] = "kk", v.langs[1] = "ru", v.n_langs = 2, v.lang = 1;
    assert_string_equal(paint_lang(&v), "ru");
}

static void failed_asks_the_view(void **state)
{
    (void)state;
    SceneView v = {.w = 1920, .h = 1080};
    assert_false(paint_failed(&v, 0, 0)); /* no callback: nothing failed */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reset_keeps_buffers_and_clears_the_list),
        cmocka_unit_test(empty_text_draws_nothing),
        cmocka_unit_test(block_aligns_and_cuts_with_an_ellipsis),
        cmocka_unit_test(scale_and_language),
        cmocka_unit_test(failed_asks_the_view),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
