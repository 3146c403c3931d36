/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_scene.c - scene_build on a hand-built library with the fake measure:
 * what is drawn where, and what a tap can hit. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "scene.h"
#include "unit_support.h"

static const char *const KK_TITLE = "Қарағанды өңірінің ұлы үйі";
static const char *const KK_SLIDE_TITLE = "Қарағанды өңірі";
static const char *const ELLIPSIS = "\xE2\x80\xA6";

static const struct { int w, h; } SIZES[] = {{1920, 1080}, {1280, 720}, {1080, 1920}};
#define N_SIZES 3

enum { LANG_KK, LANG_RU, LANG_EN };

/* A library of n exhibitions; exhibition 0 has 3 image slides, the others
 * alternate between text slides and image slides. */
static Library *library_of(int n)
{
    Library *lib = fx_library();
    assert_non_null(lib);
    for (int i = 0; i < n; i++) {
        char id[16];
        snprintf(id, sizeof id, "ex%d", i);
        Exhibition *ex = fx_exhibition(id, i == 0 ? KK_TITLE : "Көрме", "Выставка", "Exhibition",
                                       3 + i % 3, i % 2 == 0);
        assert_non_null(ex);
        fx_library_add(lib, ex);
    }
    return lib;
}

/* Which images count as failed in a test (slide -1 = cover). */
typedef struct {
    int exhibition, slide;
} FailCtx;

static bool fail_one(void *ctx, int ex, int slide)
{
    const FailCtx *f = ctx;
    return f && f->exhibition == ex && f->slide == slide;
}

static SceneView view(const Library *lib, const Measure *m, int w, int h, Screen screen, int ex,
                      int slide, int lang)
{
    SceneView v = {
        .w = w, .h = h, .screen = screen, .lib = lib,
        .exhibition = ex, .slide = slide, .home_sel = 0,
        .langs = {"kk", "ru", "en"}, .n_langs = 3, .lang = lang,
        .captions = true, .measure = m,
    };
    return v;
}

static int count_kind(const Scene *s, DrawKind k)
{
    int n = 0;
    for (int i = 0; i < s->n; i++)
        n += s->items[i].kind == k;
    return n;
}

static const DrawItem *first_kind(const Scene *s, DrawKind k)
{
    for (int i = 0; i < s->n; i++)
        if (s->items[i].kind == k)
            return &s->items[i];
    return NULL;
}

/* The caption panel: a full-width rectangle at the bottom of the screen. */
static const DrawItem *panel_of(const Scene *s, int w, int h)
{
    for (int i = 0; i < s->n; i++) {
        const DrawItem *it = &s->items[i];
        if (it->kind == DRAW_RECT && it->r.x == 0 && it->r.w == w && it->r.y > 0 &&
            it->r.y + it->r.h == h)
            return it;
    }
    return NULL;
}

static bool inside(Rect in, Rect out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
           in.y + in.h <= out.y + out.h;
}

static bool overlap(Rect a, Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* Every text item lies fully on the screen; every text is valid UTF-8 with
 * its length as recorded. Says which item does not. */
static void assert_text_on_screen(const Scene *s, int w, int h, const char *what)
{
    Rect screen = {0, 0, w, h};
    for (int i = 0; i < s->n; i++) {
        const DrawItem *it = &s->items[i];
        if (it->kind != DRAW_TEXT)
            continue;
        const char *t = scene_text(s, it);
        assert_int_equal(strlen(t), it->text_len);
        assert_true(utf8_valid(t, it->text_len));
        if (!inside(it->r, screen)) {
            print_error("%s at %dx%d: \"%s\" at %d,%d %dx%d leaves the screen\n", what, w, h, t,
                        it->r.x, it->r.y, it->r.w, it->r.h);
            fail();
        }
    }
}

/* ---- home ------------------------------------------------------------------ */

static void home_with_no_exhibitions_says_so(void **state)
{
    (void)state;
    Library *lib = library_of(0);
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    const char *langs[] = {"kk", "ru", "en"};
    for (int l = 0; l < 3; l++) {
        SceneView v = view(lib, &m, 1920, 1080, SCREEN_HOME, -1, 0, l);
        scene_build(&s, &v);
        assert_non_null(scene_find_text(&s, lang_text(UI_NO_EXHIBITIONS, langs[l])));
        for (int i = 0; i < s.n_hits; i++)
            assert_int_not_equal(s.hits[i].action, ACT_OPEN);
    }
    assert_non_null(scene_find_text(&s, "No exhibitions at the moment"));
    scene_free(&s);
    fx_library_free(lib);
}

static void home_with_a_null_library_is_the_empty_home(void **state)
{
    (void)state;
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    SceneView v = view(NULL, &m, 1920, 1080, SCREEN_SLIDE, 0, 0, LANG_EN);
    scene_build(&s, &v);
    assert_non_null(scene_find_text(&s, "No exhibitions at the moment"));
    scene_free(&s);
}

static void home_cards_are_open_targets_that_do_not_overlap(void **state)
{
    (void)state;
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    for (int n = 1; n <= 8; n++) {
        Library *lib = library_of(n);
        for (int z = 0; z < N_SIZES; z++) {
            int w = SIZES[z].w, h = SIZES[z].h;
            for (int sel = 0; sel < n; sel++) {
                SceneView v = view(lib, &m, w, h, SCREEN_HOME, -1, 0, LANG_EN);
                v.home_sel = sel;
                scene_build(&s, &v);
                assert_false(s.oom);
                const HitTarget *cards[16];
                int nc = 0;
                bool sel_shown = false;
                for (int i = 0; i < s.n_hits; i++) {
                    if (s.hits[i].action != ACT_OPEN)
                        continue;
                    assert_true(nc < 16);
                    cards[nc++] = &s.hits[i];
                    assert_in_range(s.hits[i].arg, 0, n - 1);
                    assert_true(s.hits[i].r.w > 0 && s.hits[i].r.h > 0);
                    assert_true(inside(s.hits[i].r, (Rect){0, 0, w, h}));
                    sel_shown |= s.hits[i].arg == sel;
                }
                assert_true(nc >= 1);
                assert_true(sel_shown); /* the keyboard selection is always on screen */
                for (int a = 0; a < nc; a++) {
                    for (int b = a + 1; b < nc; b++) {
                        assert_int_not_equal(cards[a]->arg, cards[b]->arg);
                        if (overlap(cards[a]->r, cards[b]->r)) {
                            print_error("%d exhibitions at %dx%d: cards %d and %d overlap\n", n, w,
                                        h, cards[a]->arg, cards[b]->arg);
                            fail();
                        }
                    }
                    /* a card does not hide under the language buttons */
                    for (int i = 0; i < s.n_hits; i++)
                        if (s.hits[i].action == ACT_LANG)
                            assert_false(overlap(cards[a]->r, s.hits[i].r));
                }
                assert_text_on_screen(&s, w, h, "home");
            }
        }
        fx_library_free(lib);
    }
    scene_free(&s);
}

static void tapping_a_card_hits_its_open_target(void **state)
{
    (void)state;
    Library *lib = library_of(3);
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    SceneView v = view(lib, &m, 1920, 1080, SCREEN_HOME, -1, 0, LANG_EN);
    scene_build(&s, &v);
    for (int i = 0; i < s.n_hits; i++) {
        if (s.hits[i].action != ACT_OPEN)
            continue;
        Rect r = s.hits[i].r;
        const HitTarget *t = scene_hit(&s, (float)(r.x + r.w / 2), (float)(r.y + r.h / 2));
        assert_non_null(t);
        assert_int_equal(t->action, ACT_OPEN);
        assert_int_equal(t->arg, s.hits[i].arg);
    }
    scene_free(&s);
    fx_library_free(lib);
}

static void home_card_title_follows_the_language(void **state)
{
    (void)state;
    Library *lib = library_of(2);
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    SceneView v = view(lib, &m, 1920, 1080, SCREEN_HOME, -1, 0, LANG_RU);
    scene_build(&s, &v);
    assert_non_null(scene_find_text(&s, "Выставка"));
    assert_non_null(scene_find_text(&s, "Выберите выставку"));
    assert_null(scene_find_text(&s, "Exhibition"));
    v.lang = LANG_EN;
    scene_build(&s, &v);
    assert_non_null(scene_find_text(&s, "Exhibition"));
    assert_non_null(scene_find_text(&s, "3 slides"));
    scene_free(&s);
    fx_library_free(lib);
}

static void kazakh_title_is_drawn_byte_exact(void **state)
{
    (void)state;
    Library *lib = library_of(1);
    fx_set(&lib->items[0]->slides[0].title, KK_SLIDE_TITLE, "Карагандинский край", "Karaganda region");
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);

    SceneView v = view(lib, &m, 1920, 1080, SCREEN_HOME, -1, 0, LANG_KK);
    scene_build(&s, &v);
    const DrawItem *it = scene_find_text(&s, "Қарағанды");
    assert_non_null(it);
    assert_string_equal(scene_text(&s, it), KK_TITLE);
    assert_int_equal(it->text_len, strlen(KK_TITLE));

    v = view(lib, &m, 1920, 1080, SCREEN_SLIDE, 0, 0, LANG_KK);
    scene_build(&s, &v);
    it = scene_find_text(&s, "Қарағанды");
    assert_non_null(it);
    assert_memory_equal(scene_text(&s, it), KK_SLIDE_TITLE, strlen(KK_SLIDE_TITLE) + 1);
    scene_free(&s);
    fx_library_free(lib);
}

/* ---- slides ----------------------------------------------------------------- */

static void slide_image_is_on_screen_and_above_the_caption_panel(void **state)
{
    (void)state;
    Library *lib = library_of(1);
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    for (int z = 0; z < N_SIZES; z++) {
        int w = SIZES[z].w, h = SIZES[z].h;
        SceneView v = view(lib, &m, w, h, SCREEN_SLIDE, 0, 1, LANG_EN);
        scene_build(&s, &v);
        assert_int_equal(count_kind(&s, DRAW_IMAGE), 1);
        const DrawItem *img = first_kind(&s, DRAW_IMAGE);
        assert_string_equal(img->path, lib->items[0]->slides[1].image_path);
        assert_int_equal(img->exhibition, 0);
        assert_int_equal(img->slide, 1);
        assert_int_equal(img->fit, FIT_CONTAIN);
        assert_true(img->r.w > w / 2 && img->r.h > h / 3);
        assert_true(inside(img->r, (Rect){0, 0, w, h}));
        const DrawItem *panel = panel_of(&s, w, h);
        assert_non_null(panel);
        assert_true(img->r.y + img->r.h <= panel->r.y);
        /* the caption and the title are in the panel */
        const DrawItem *cap = scene_find_text(&s, "ex0 caption en 2");
        const DrawItem *title = scene_find_text(&s, "ex0 en 2");
        assert_non_null(cap);
        assert_non_null(title);
        assert_true(inside(cap->r, panel->r));
        assert_true(inside(title->r, panel->r));
        /* the image does not sit under the top controls */
        for (int i = 0; i < s.n_hits; i++)
            if (s.hits[i].action == ACT_LANG || s.hits[i].action == ACT_HOME)
                assert_false(overlap(img->r, s.hits[i].r));
    }
    scene_free(&s);
    fx_library_free(lib);
}

static void slide_counter_shows_position(void **state)
{
    (void)state;
    Library *lib = library_of(1);
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    SceneView v = view(lib, &m, 1920, 1080, SCREEN_SLIDE, 0, 1, LANG_EN);
    scene_build(&s, &v);
    assert_non_null(scene_find_text(&s, "2 / 3"));
    scene_free(&s);
    fx_library_free(lib);
}

static void text_stays_on_screen_at_common_sizes(void **state)
{
    (void)state;
    Library *lib = library_of(4);
    /* ex0: image slides, the last with very long texts; ex1: text slides,
     * the last with a very long title and body and a credit */
    char longtext[6000] = "";
    for (int i = 0; i < 150; i++)
        strcat(longtext, i % 7 ? "слово " : "Қарағандыөңірініңұлыүйі ");
    Exhibition *e0 = lib->items[0], *e1 = lib->items[1];
    fx_set(&e0->slides[2].title, longtext, longtext, longtext);
    fx_set(&e0->slides[2].caption, longtext, longtext, longtext);
    fx_set(&e0->slides[2].credit, longtext, longtext, longtext);
    fx_set(&e1->slides[3].title, longtext, longtext, longtext);
    fx_set(&e1->slides[3].text, longtext, longtext, longtext);
    fx_set(&e1->slides[3].credit, "Фото: музей", "Фото: музей", "Photo: museum");
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    FailCtx fc = {0, 1};
    for (int z = 0; z < N_SIZES; z++) {
        int w = SIZES[z].w, h = SIZES[z].h;
        for (int lang = 0; lang < 3; lang++) {
            SceneView v = view(lib, &m, w, h, SCREEN_HOME, -1, 0, lang);
            scene_build(&s, &v);
            assert_text_on_screen(&s, w, h, "home");
            for (int e = 0; e < lib->n; e++) {
                for (int sl = 0; sl < lib->items[e]->n_slides; sl++) {
                    for (int cap = 0; cap < 2; cap++) {
                        v = view(lib, &m, w, h, SCREEN_SLIDE, e, sl, lang);
                        v.captions = cap;
                        v.image_failed = fail_one;
                        v.ctx = &fc;
                        scene_build(&s, &v);
                        assert_false(s.oom);
                        char what[96]; /* room for four ints: -O1 builds check it */
                        snprintf(what, sizeof what, "ex%d slide %d lang %d captions %d", e, sl,
                                 lang, cap);
                        assert_text_on_screen(&s, w, h, what);
                    }
                }
            }
        }
    }
    scene_free(&s);
    fx_library_free(lib);
}

/* A caption too long for its panel even at the smallest size scrolls: the
 * panel shows a window of its lines (all inside the panel, clear of the
 * counter), and scrolling to the end shows the last word. */
static void long_caption_scrolls_inside_the_panel(void **state)
{
    (void)state;
    Library *lib = library_of(1);
    char longtext[4000] = "";
    for (int i = 0; i < 250; i++)
        strcat(longtext, "word ");
    strcat(longtext, "END");
    fx_set(&lib->items[0]->slides[0].caption, longtext, longtext, longtext);
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    for (int z = 0; z < N_SIZES; z++) {
        int w = SIZES[z].w, h = SIZES[z].h;
        SceneView v = view(lib, &m, w, h, SCREEN_SLIDE, 0, 0, LANG_EN);
        scene_build(&s, &v);
        const DrawItem *panel = panel_of(&s, w, h);
        assert_non_null(panel);
        assert_null(scene_find_text(&s, "END"));
        assert_null(scene_find_text(&s, ELLIPSIS));
        assert_true(s.scroll_area.w > 0 && s.scroll_max > 0 && s.scroll_line > 0);
        const DrawItem *counter = scene_find_text(&s, "1 / 3");
        assert_non_null(counter);
        int lines = 0;
        for (int i = 0; i < s.n; i++) {
            const DrawItem *it = &s.items[i];
            if (it->kind != DRAW_TEXT || strncmp(scene_text(&s, it), "word", 4) != 0)
                continue;
            lines++;
            assert_true(inside(it->r, panel->r));
            assert_false(overlap(it->r, counter->r));
        }
        assert_true(lines >= 2);
        v.caption_scroll = s.scroll_max;
        scene_build(&s, &v);
        assert_non_null(scene_find_text(&s, "END"));
        v.caption_scroll = s.scroll_max + 50; /* clamped */
        scene_build(&s, &v);
        assert_non_null(scene_find_text(&s, "END"));
    }
    scene_free(&s);
    fx_library_free(lib);
}

static void centred_truncated_text_stays_in_its_column(void **state)
{
    (void)state;
    /* A text slide's body is centred in the middle three quarters. Words of
     * every length, so that some last visible line is nearly full before
     * the ellipsis is added. */
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    for (int wl = 1; wl <= 12; wl++) {
        Library *lib = library_of(2);
        char body[8000] = "";
        for (int i = 0; strlen(body) + 16 < sizeof body; i++) {
            size_t n = strlen(body);
            for (int k = 0; k < wl + i % 3; k++)
                body[n++] = 'a';
            body[n++] = ' ';
            body[n] = '\0';
        }
        fx_set(&lib->items[1]->slides[0].text, body, body, body);
        for (int z = 0; z < N_SIZES; z++) {
            int w = SIZES[z].w, h = SIZES[z].h;
            int bw = w * 3 / 4, x0 = (w - bw) / 2;
            SceneView v = view(lib, &m, w, h, SCREEN_SLIDE, 1, 0, LANG_EN);
            scene_build(&s, &v);
            bool saw_ellipsis = false;
            for (int i = 0; i < s.n; i++) {
                const DrawItem *it = &s.items[i];
                if (it->kind != DRAW_TEXT || scene_text(&s, it)[0] != 'a')
                    continue;
                saw_ellipsis |= ends_with(scene_text(&s, it), ELLIPSIS);
                if (it->r.x < x0 || it->r.x + it->r.w > x0 + bw) {
                    print_error("words of %d at %dx%d: \"%s\" at x %d..%d, column %d..%d\n", wl,
                                w, h, scene_text(&s, it), it->r.x, it->r.x + it->r.w, x0, x0 + bw);
                    fail();
                }
            }
            assert_true(saw_ellipsis);
        }
        fx_library_free(lib);
    }
    scene_free(&s);
}

static void hidden_captions_leave_no_caption_text(void **state)
{
    (void)state;
    Library *lib = library_of(1);
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    SceneView v = view(lib, &m, 1920, 1080, SCREEN_SLIDE, 0, 0, LANG_EN);
    v.captions = false;
    scene_build(&s, &v);
    assert_null(scene_find_text(&s, "caption"));
    assert_null(scene_find_text(&s, "ex0 en 1"));
    assert_null(panel_of(&s, 1920, 1080));
    assert_non_null(scene_find_text(&s, "1 / 3")); /* the counter stays */
    /* the image takes the room the panel left */
    const DrawItem *img = first_kind(&s, DRAW_IMAGE);
    assert_non_null(img);
    assert_true(img->r.y + img->r.h > 1080 * 3 / 4);
    assert_true(img->r.y + img->r.h <= 1080);
    scene_free(&s);
    fx_library_free(lib);
}

static void failed_image_shows_a_placeholder_in_the_current_language(void **state)
{
    (void)state;
    Library *lib = library_of(1);
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    FailCtx fc = {0, 1};
    SceneView v = view(lib, &m, 1920, 1080, SCREEN_SLIDE, 0, 1, LANG_EN);
    v.image_failed = fail_one;
    v.ctx = &fc;
    scene_build(&s, &v);
    assert_int_equal(count_kind(&s, DRAW_IMAGE), 0);
    assert_non_null(scene_find_text(&s, "Image temporarily unavailable"));
    v.lang = LANG_RU;
    scene_build(&s, &v);
    assert_non_null(scene_find_text(&s, "Изображение временно недоступно"));
    assert_null(scene_find_text(&s, "Image temporarily unavailable"));
    /* the caption is still there */
    assert_non_null(scene_find_text(&s, "ex0 caption ru 2"));
    /* another slide of the same exhibition is not affected */
    v.slide = 0;
    scene_build(&s, &v);
    assert_int_equal(count_kind(&s, DRAW_IMAGE), 1);
    assert_null(scene_find_text(&s, "Изображение временно недоступно"));
    scene_free(&s);
    fx_library_free(lib);
}

static void unusable_image_from_the_manifest_shows_a_placeholder(void **state)
{
    (void)state;
    Library *lib = library_of(1);
    lib->items[0]->slides[0].image_ok = false; /* missing or unsupported on disk */
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    SceneView v = view(lib, &m, 1920, 1080, SCREEN_SLIDE, 0, 0, LANG_KK);
    scene_build(&s, &v);
    assert_int_equal(count_kind(&s, DRAW_IMAGE), 0);
    assert_non_null(scene_find_text(&s, "Сурет уақытша қолжетімсіз"));
    scene_free(&s);
    fx_library_free(lib);
}

static void text_slide_has_no_image(void **state)
{
    (void)state;
    Library *lib = library_of(2);
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    SceneView v = view(lib, &m, 1920, 1080, SCREEN_SLIDE, 1, 0, LANG_EN);
    scene_build(&s, &v);
    assert_int_equal(count_kind(&s, DRAW_IMAGE), 0);
    assert_null(scene_find_text(&s, "Image temporarily unavailable"));
    assert_non_null(scene_find_text(&s, "ex1 en 1"));
    assert_non_null(scene_find_text(&s, "ex1 body en 1"));
    scene_free(&s);
    fx_library_free(lib);
}

/* ---- controls --------------------------------------------------------------- */

static void language_buttons_are_touch_sized_at_1080p(void **state)
{
    (void)state;
    Library *lib = library_of(1);
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    for (int screen = 0; screen < 2; screen++) {
        SceneView v = view(lib, &m, 1920, 1080, screen ? SCREEN_SLIDE : SCREEN_HOME, 0, 0, LANG_EN);
        scene_build(&s, &v);
        int n = 0;
        for (int i = 0; i < s.n_hits; i++) {
            const HitTarget *t = &s.hits[i];
            if (t->action != ACT_LANG)
                continue;
            n++;
            assert_true(t->r.h >= 80);
            assert_true(t->r.w >= 80);
            assert_true(inside(t->r, (Rect){0, 0, 1920, 1080}));
            /* its label is inside it */
            const char *label = lang_label(v.langs[t->arg]);
            const DrawItem *it = scene_find_text(&s, label);
            assert_non_null(it);
            assert_true(inside(it->r, t->r));
            /* a tap on its centre reaches it */
            const HitTarget *h = scene_hit(&s, (float)(t->r.x + t->r.w / 2), (float)(t->r.y + t->r.h / 2));
            assert_ptr_equal(h, t);
        }
        assert_int_equal(n, 3);
    }
    scene_free(&s);
    fx_library_free(lib);
}

static void buttons_win_over_the_page_turning_thirds(void **state)
{
    (void)state;
    Library *lib = library_of(1);
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    SceneView v = view(lib, &m, 1920, 1080, SCREEN_SLIDE, 0, 1, LANG_EN);
    scene_build(&s, &v);
    const HitTarget *t = scene_hit(&s, 1900, 540);
    assert_non_null(t);
    assert_int_equal(t->action, ACT_NEXT);
    t = scene_hit(&s, 20, 540);
    assert_non_null(t);
    assert_int_equal(t->action, ACT_PREV);
    t = scene_hit(&s, 960, 540);
    assert_null(t); /* the middle third is for looking */
    const DrawItem *home = scene_find_text(&s, "Home");
    assert_non_null(home);
    t = scene_hit(&s, (float)(home->r.x + 2), (float)(home->r.y + 2));
    assert_non_null(t);
    assert_int_equal(t->action, ACT_HOME);
    const DrawItem *eng = scene_find_text(&s, "ENG");
    assert_non_null(eng);
    t = scene_hit(&s, (float)(eng->r.x + 2), (float)(eng->r.y + 2));
    assert_non_null(t);
    assert_int_equal(t->action, ACT_LANG);
    assert_int_equal(t->arg, LANG_EN);
    scene_free(&s);
    fx_library_free(lib);
}

static void zero_sized_view_draws_nothing(void **state)
{
    (void)state;
    Library *lib = library_of(1);
    Measure m = fake_measure();
    Scene s;
    scene_init(&s);
    SceneView v = view(lib, &m, 1920, 1080, SCREEN_HOME, -1, 0, LANG_EN);
    scene_build(&s, &v);
    assert_true(s.n > 0);
    v.w = 0;
    scene_build(&s, &v);
    assert_int_equal(s.n, 0);
    assert_int_equal(s.n_hits, 0);
    assert_null(scene_hit(&s, 10, 10));
    scene_free(&s);
    scene_free(&s); /* safe twice */
    scene_free(NULL);
    fx_library_free(lib);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(home_with_no_exhibitions_says_so),
        cmocka_unit_test(home_with_a_null_library_is_the_empty_home),
        cmocka_unit_test(home_cards_are_open_targets_that_do_not_overlap),
        cmocka_unit_test(tapping_a_card_hits_its_open_target),
        cmocka_unit_test(home_card_title_follows_the_language),
        cmocka_unit_test(kazakh_title_is_drawn_byte_exact),
        cmocka_unit_test(slide_image_is_on_screen_and_above_the_caption_panel),
        cmocka_unit_test(slide_counter_shows_position),
        cmocka_unit_test(text_stays_on_screen_at_common_sizes),
        cmocka_unit_test(long_caption_scrolls_inside_the_panel),
        cmocka_unit_test(centred_truncated_text_stays_in_its_column),
        cmocka_unit_test(hidden_captions_leave_no_caption_text),
        cmocka_unit_test(failed_image_shows_a_placeholder_in_the_current_language),
        cmocka_unit_test(unusable_image_from_the_manifest_shows_a_placeholder),
        cmocka_unit_test(text_slide_has_no_image),
        cmocka_unit_test(language_buttons_are_touch_sized_at_1080p),
        cmocka_unit_test(buttons_win_over_the_page_turning_thirds),
        cmocka_unit_test(zero_sized_view_draws_nothing),
    };
    lang_load_dir(PO_DIR, NULL); /* the kk and ru words the tests look for */
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    lang_unload();
    return failed;
}
