/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_sheet.c - the contact sheet without fonts or pictures: which slides
 * have which problems, how slides fall onto pages, and where the pictures go.
 * An exhibition built in memory, measured by the fake Measure.
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

#include "sheet.h"
#include "unit_support.h"

/* Slide 3's (0-based 2) picture "cannot be decoded". */
static const char *problem(void *ctx, int k)
{
    (void)ctx;
    return k == 2 ? "cannot be decoded" : NULL;
}

static SheetView view(const Exhibition *ex, const Measure *m, const char *lang)
{
    return (SheetView){.ex = ex, .lang = lang, .screen_w = 1920, .screen_h = 1080, .measure = m,
                       .image_problem = problem};
}

static void test_problems(void **state)
{
    (void)state;
    Exhibition *ex = fx_exhibition("alpha", "Альфа", "Альфа", "Alpha", 14, true);
    fx_set(&ex->slides[1].caption, NULL, "подпись", "caption"); /* no kk caption */
    fx_loc_free(&ex->slides[3].caption);                          /* no caption at all */
    char big[8000] = "";
    for (int i = 0; i < 700; i++)
        strcat(big, "сөз ");
    fx_set(&ex->slides[4].caption, big, "short", "short");       /* far too long in kk */
    Measure m = fake_measure();
    SheetView v = view(ex, &m, "kk");
    char lines[SHEET_MAX_PROBLEMS][160];
    assert_int_equal(sheet_problems(&v, 0, lines, SHEET_MAX_PROBLEMS), 0);
    assert_int_equal(sheet_problems(&v, 1, lines, SHEET_MAX_PROBLEMS), 1);
    assert_string_equal(lines[0], "no \"kk\" translation: caption");
    assert_int_equal(sheet_problems(&v, 2, lines, SHEET_MAX_PROBLEMS), 1);
    assert_string_equal(lines[0], "picture images/03.jpg: cannot be decoded");
    assert_int_equal(sheet_problems(&v, 3, lines, SHEET_MAX_PROBLEMS), 1);
    assert_string_equal(lines[0], "no caption");
    assert_int_equal(sheet_problems(&v, 4, lines, SHEET_MAX_PROBLEMS), 1);
    assert_non_null(strstr(lines[0], "caption too long at 1920x1080: "));
    /* in Russian, slide 2 is complete and slide 5's caption is short */
    v.lang = "ru";
    assert_int_equal(sheet_problems(&v, 1, lines, SHEET_MAX_PROBLEMS), 0);
    assert_int_equal(sheet_problems(&v, 4, lines, SHEET_MAX_PROBLEMS), 0);
    /* a language the exhibition lacks: every text is missing */
    v.lang = "de";
    assert_int_equal(sheet_problems(&v, 0, lines, SHEET_MAX_PROBLEMS), 1);
    assert_string_equal(lines[0], "no \"de\" translation: title, caption");
    /* at most max lines */
    assert_int_equal(sheet_problems(&v, 2, lines, 1), 1);
    fx_exhibition_free(ex);
}

static void test_pages_and_pictures(void **state)
{
    (void)state;
    Exhibition *ex = fx_exhibition("alpha", "Альфа", "Альфа", "Alpha", 14, true);
    Exhibition *text = fx_exhibition("beta", "Бета", "Бета", "Beta", 2, false);
    Measure m = fake_measure();
    assert_int_equal(sheet_pages(ex), 2);
    assert_int_equal(sheet_pages(text), 1);
    SheetView v = view(ex, &m, "kk");
    Scene s;
    scene_init(&s);
    SheetThumb thumbs[SHEET_PER_PAGE];
    int n = -1, tw, th;
    sheet_thumb_size(&tw, &th);
    sheet_build(&s, &v, 0, thumbs, &n);
    assert_int_equal(n, SHEET_PER_PAGE - 1); /* slide 3's picture cannot be shown */
    assert_int_equal(thumbs[0].slide, 0);
    assert_int_equal(thumbs[2].slide, 3);
    assert_int_equal(thumbs[0].r.w, tw);
    assert_int_equal(thumbs[0].r.h, th);
    assert_true(thumbs[1].r.x > thumbs[0].r.x && thumbs[1].r.y == thumbs[0].r.y);
    for (int i = 0; i < n; i++) /* on the page */
        assert_true(thumbs[i].r.x >= 0 && thumbs[i].r.x + thumbs[i].r.w <= SHEET_W &&
                    thumbs[i].r.y >= 0 && thumbs[i].r.y + thumbs[i].r.h <= SHEET_H);
    assert_non_null(scene_find_text(&s, "page 1 of 2"));
    assert_non_null(scene_find_text(&s, "1 slide with problems"));
    assert_non_null(scene_find_text(&s, "picture cannot be shown"));
    assert_non_null(scene_find_text(&s, "alpha kk 12"));
    assert_null(scene_find_text(&s, "alpha kk 13"));
    sheet_build(&s, &v, 1, thumbs, &n);
    assert_int_equal(n, 2);
    assert_int_equal(thumbs[0].slide, 12);
    assert_non_null(scene_find_text(&s, "page 2 of 2"));
    /* text slides have no pictures: their text stands in */
    v = view(text, &m, "en");
    sheet_build(&s, &v, 0, thumbs, &n);
    assert_int_equal(n, 0);
    assert_non_null(scene_find_text(&s, "beta body en 2"));
    assert_non_null(scene_find_text(&s, "no problems found"));
    assert_false(s.oom);
    scene_free(&s);
    fx_exhibition_free(ex);
    fx_exhibition_free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_problems),
        cmocka_unit_test(test_pages_and_pictures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
