/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_slide_geom.c - the slide's layout in one place: the picture the slide
 * builder draws, the area the show zooms and hit-tests (scene_slide_image)
 * and slide_geom_picture are one rectangle, in every mode that moves it;
 * the caption panel and the texts sit where slide_geom says. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "paint.h"
#include "scene.h"
#include "slide_geom.h"
#include "unit_support.h"

typedef struct {
    Library *lib;
    Measure m;
} Fx;

static int setup(void **state)
{
    Fx *fx = calloc(1, sizeof *fx);
    fx->lib = fx_library();
    /* exhibition 0: image slides; 1: text slides */
    fx_library_add(fx->lib, fx_exhibition("pics", "Суреттер", "Картины", "Pictures", 3, true));
    fx_library_add(fx->lib, fx_exhibition("words", "Сөздер", "Слова", "Words", 2, false));
    fx->m = fake_measure();
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    Fx *fx = *state;
    fx_library_free(fx->lib);
    free(fx);
    return 0;
}

static SceneView slide_view(Fx *fx, int w, int h, int ex, int slide)
{
    SceneView v = {
        .w = w, .h = h, .screen = SCREEN_SLIDE, .lib = fx->lib, .exhibition = ex, .slide = slide,
        .langs = {"kk", "ru", "en"}, .n_langs = 3, .lang = 0, .captions = true, .measure = &fx->m,
    };
    return v;
}

static const DrawItem *the_image(const Scene *s)
{
    for (int i = 0; i < s->n; i++)
        if (s->items[i].kind == DRAW_IMAGE)
            return &s->items[i];
    return NULL;
}

static void assert_same_rect(Rect a, Rect b)
{
    if (a.x != b.x || a.y != b.y || a.w != b.w || a.h != b.h)
        fail_msg("%d,%d %dx%d is not %d,%d %dx%d", a.x, a.y, a.w, a.h, b.x, b.y, b.w, b.h);
}

/* What is drawn, what the show zooms and slide_geom_picture agree. */
static void check_picture(Fx *fx, const SceneView *v)
{
    const Exhibition *ex = fx->lib->items[v->exhibition];
    const Slide *sl = &ex->slides[v->slide];
    float u = paint_scale(v);
    Rect geom = slide_geom_picture(v, ex, sl, u);
    Scene s;
    scene_init(&s);
    scene_build(&s, v);
    const DrawItem *img = the_image(&s);
    assert_non_null(img);
    assert_same_rect(img->r, geom);
    ImageRequest req;
    assert_true(scene_slide_image(v, v->slide, &req));
    assert_same_rect(req.r, geom);
    assert_int_equal(geom.x, slide_geom_margin(u));
    assert_int_equal(geom.w, v->w - 2 * slide_geom_margin(u));
    scene_free(&s);
}

static void picture_is_one_rectangle_in_every_mode(void **state)
{
    Fx *fx = *state;
    static const struct { int w, h; } sizes[] = {{1920, 1080}, {1280, 720}, {1080, 1920}, {3840, 2160}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        SceneView v = slide_view(fx, sizes[k].w, sizes[k].h, 0, 1);
        check_picture(fx, &v);
        v.captions = false;
        check_picture(fx, &v);
        v.captions = true;
        v.large_text = true;
        check_picture(fx, &v);
        v.large_text = false;
        v.lecture.on = true;
        check_picture(fx, &v);
    }
}

static void picture_sits_between_the_buttons_and_the_panel(void **state)
{
    Fx *fx = *state;
    SceneView v = slide_view(fx, 1920, 1080, 0, 0);
    const Exhibition *ex = fx->lib->items[0];
    const Slide *sl = &ex->slides[0];
    float u = paint_scale(&v);
    assert_true(u == 1.0f);
    /* kiosk, captions on: below the buttons, above the panel */
    assert_true(slide_geom_has_panel(&v, ex, sl, "kk"));
    Rect r = slide_geom_picture(&v, ex, sl, u);
    assert_int_equal(r.y, slide_geom_top(u));
    assert_int_equal(r.y + r.h, 1080 - slide_geom_panel_height(&v) - 16);
    /* captions off: down to the bottom */
    v.captions = false;
    assert_false(slide_geom_has_panel(&v, ex, sl, "kk"));
    r = slide_geom_picture(&v, ex, sl, u);
    assert_int_equal(r.y + r.h, 1080 - 16);
    /* a lecture has no kiosk buttons above it */
    v.lecture.on = true;
    r = slide_geom_picture(&v, ex, sl, u);
    assert_int_equal(r.y, 24);
    /* large text: a taller panel */
    v = slide_view(fx, 1920, 1080, 0, 0);
    int normal = slide_geom_panel_height(&v);
    v.large_text = true;
    assert_true(slide_geom_panel_height(&v) > normal);
}

static void no_panel_for_a_slide_with_nothing_to_say(void **state)
{
    Fx *fx = *state;
    SceneView v = slide_view(fx, 1920, 1080, 0, 2);
    Exhibition *ex = fx->lib->items[0];
    Slide *sl = &ex->slides[2];
    assert_true(slide_geom_has_panel(&v, ex, sl, "kk"));
    /* a picture alone: no title, caption, text or credit in any language */
    fx_loc_free(&sl->title);
    fx_loc_free(&sl->caption);
    assert_false(slide_geom_has_panel(&v, ex, sl, "kk"));
    Rect r = slide_geom_picture(&v, ex, sl, paint_scale(&v));
    assert_int_equal(r.y + r.h, 1080 - 16);
    check_picture(fx, &v);
}

static void texts_are_where_the_scene_draws_them(void **state)
{
    Fx *fx = *state;
    for (int ex_i = 0; ex_i < 2; ex_i++) {
        SceneView v = slide_view(fx, 1920, 1080, ex_i, 0);
        const Exhibition *ex = fx->lib->items[ex_i];
        float u = paint_scale(&v);
        SlideGeomText t;
        slide_geom_text(&v, ex, &ex->slides[0], "kk", u, &t);
        assert_non_null(t.title);
        assert_non_null(t.main);
        Scene s;
        scene_init(&s);
        scene_build(&s, &v);
        const DrawItem *title = scene_find_text(&s, t.title);
        assert_non_null(title);
        assert_int_equal(title->r.y, t.title_at.y);
        const DrawItem *main = scene_find_text(&s, t.main);
        assert_non_null(main);
        assert_int_equal(main->r.y, t.main_at.y);
        if (ex_i == 0) { /* in the caption panel, at the margin */
            assert_int_equal(t.panel.y, 1080 - slide_geom_panel_height(&v));
            assert_int_equal(title->r.x, slide_geom_margin(u));
        } else { /* centred below the buttons */
            assert_true(t.title_at.y >= slide_geom_top(u));
        }
        scene_free(&s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(picture_is_one_rectangle_in_every_mode),
        cmocka_unit_test(picture_sits_between_the_buttons_and_the_panel),
        cmocka_unit_test(no_panel_for_a_slide_with_nothing_to_say),
        cmocka_unit_test(texts_are_where_the_scene_draws_them),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
