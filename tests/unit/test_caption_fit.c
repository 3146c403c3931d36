/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_caption_fit.c - scene_caption_fits (vitrine --check's caption fit)
 * against what scene_build actually draws, with the fake measure: a caption
 * "does not fit" exactly when the slide shows it cut short with "…", and the
 * number of lines it is over grows one by one with the text, also past
 * LAYOUT_MAX_LINES. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene.h"
#include "unit_support.h"

static const char *const ELLIPSIS = "\xE2\x80\xA6";

static const struct { int w, h; } SIZES[] = {{1920, 1080}, {1280, 720}, {1080, 1920}, {3840, 2160}};
#define N_SIZES 4

static SceneView view(const Library *lib, const Measure *m, int w, int h, int slide)
{
    SceneView v = {
        .w = w, .h = h, .screen = SCREEN_SLIDE, .lib = lib, .exhibition = 0, .slide = slide,
        .langs = {"kk", "ru", "en"}, .n_langs = 3, .lang = 0, .captions = true, .measure = m,
    };
    return v;
}

/* n words "сөз" (Kazakh, two bytes a letter), or n short paragraphs. */
static char *words(int n, bool paragraphs)
{
    size_t cap = (size_t)n * 8 + 1;
    char *s = malloc(cap);
    assert_non_null(s);
    s[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i > 0)
            strcat(s, paragraphs ? "\n" : " ");
        strcat(s, "сөз");
    }
    return s;
}

/* Does the scene cut the caption (or text) of `slide` short? */
static bool scene_truncates(const Library *lib, const Measure *m, int w, int h, int slide)
{
    Scene s;
    scene_init(&s);
    SceneView v = view(lib, m, w, h, slide);
    scene_build(&s, &v);
    /* a caption that does not fit scrolls; a text slide's body ends in "…" */
    bool cut = scene_find_text(&s, ELLIPSIS) != NULL || s.scroll_area.w > 0;
    scene_free(&s);
    return cut;
}

static void test_agrees_with_the_scene(void **state)
{
    (void)state;
    Measure m = fake_measure();
    Library *lib = fx_library();
    Exhibition *ex = fx_exhibition("fit", "Көрме", "Выставка", "Exhibition", 2, true);
    assert_non_null(ex);
    fx_library_add(lib, ex);
    /* slide 2: a text slide (no image) */
    free(ex->slides[1].image);
    free(ex->slides[1].image_path);
    ex->slides[1].image = ex->slides[1].image_path = NULL;
    fx_loc_free(&ex->slides[1].caption);
    for (int k = 0; k < N_SIZES; k++) {
        int changes[2] = {0, 0};
        for (int slide = 0; slide < 2; slide++) {
            bool was = true;
            for (int n = 1; n <= 1200; n += 5) {
                char *t = words(n, false);
                fx_set(slide == 0 ? &ex->slides[0].caption : &ex->slides[1].text, t, "қысқа", "short");
                free(t);
                SceneView v = view(lib, &m, SIZES[k].w, SIZES[k].h, slide);
                int over = -1;
                bool fits = scene_caption_fits(&v, ex, slide, "kk", &over);
                assert_int_equal(fits, !scene_truncates(lib, &m, SIZES[k].w, SIZES[k].h, slide));
                assert_true(fits ? over == 0 : over >= 1);
                changes[slide] += fits != was;
                was = fits;
                /* the short languages always fit */
                assert_true(scene_caption_fits(&v, ex, slide, "ru", &over));
                assert_int_equal(over, 0);
            }
        }
        /* each kind goes from fitting to not fitting exactly once */
        assert_int_equal(changes[0], 1);
        assert_int_equal(changes[1], 1);
    }
    fx_library_free(lib);
}

static void test_lines_over_counts_every_line(void **state)
{
    (void)state;
    Measure m = fake_measure();
    Library *lib = fx_library();
    Exhibition *ex = fx_exhibition("fit", "Көрме", "Выставка", "Exhibition", 1, true);
    assert_non_null(ex);
    fx_library_add(lib, ex);
    SceneView v = view(lib, &m, 1920, 1080, 0);
    /* One short paragraph a line: find how many lines the panel holds. */
    int room = 0, over = 0;
    for (int n = 1; n < 50; n++) {
        char *t = words(n, true);
        fx_set(&ex->slides[0].caption, t, t, t);
        free(t);
        if (!scene_caption_fits(&v, ex, 0, "kk", &over))
            break;
        room = n;
    }
    assert_true(room >= 2);
    /* Beyond it, one more line is one more line over, past LAYOUT_MAX_LINES too. */
    for (int n = room + 1; n <= 3 * LAYOUT_MAX_LINES; n += 7) {
        char *t = words(n, true);
        fx_set(&ex->slides[0].caption, t, t, t);
        free(t);
        assert_false(scene_caption_fits(&v, ex, 0, "kk", &over));
        assert_int_equal(over, n - room);
    }
    /* A screen with no room for a caption at all. */
    SceneView tiny = view(lib, &m, 16, 16, 0);
    over = -1;
    assert_false(scene_caption_fits(&tiny, ex, 0, "kk", &over));
    assert_int_equal(over, 0);
    /* No caption, no problem; out-of-range slides are not a crash. */
    fx_loc_free(&ex->slides[0].caption);
    assert_true(scene_caption_fits(&v, ex, 0, "kk", NULL));
    assert_true(scene_caption_fits(&v, ex, 5, "kk", NULL));
    assert_true(scene_caption_fits(&v, ex, -1, "kk", NULL));
    fx_library_free(lib);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_agrees_with_the_scene),
        cmocka_unit_test(test_lines_over_counts_every_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
