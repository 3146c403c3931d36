/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_show_reload.c - a library swapped in under a running show (hot
 * reload, show_set_library) and --preview's problems banner
 * (show_set_problems).
 *
 * Every swap frees the old library at once, as the app does: under
 * AddressSanitizer any pointer the show kept into it is caught. Libraries
 * are built in memory (unit_support.h); image files are never opened.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "idle.h"
#include "show.h"
#include "unit_support.h"
#include "lang.h"

#define W 1920
#define H 1080

typedef ShowFx Fx; /* unit_support.h */

/* alpha: 4 image slides (images/01.jpg ...), beta: 3 text slides, gamma: 2 image slides */
static Library *three(void)
{
    Library *lib = fx_library();
    fx_library_add(lib, fx_exhibition("alpha", "Альфа", "Альфа", "Alpha", 4, true));
    fx_library_add(lib, fx_exhibition("beta", "Бета", "Бета", "Beta", 3, false));
    fx_library_add(lib, fx_exhibition("gamma", "Гамма", "Гамма", "Gamma", 2, true));
    return lib;
}

static Fx *fx_new(const ShowConfig *cfg)
{
    Fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->lib = three();
    f->m = fake_measure();
    f->show = show_create(f->lib, cfg, &f->m, W, H);
    assert_non_null(f->show);
    f->t = 10000;
    return f;
}

static void fx_done(Fx *f)
{
    show_free(f->show);
    fx_library_free(f->lib);
    free(f);
}

/* Swap in lib and free the old one straight away, as the app does. */
static void swap(Fx *f, Library *lib)
{
    show_set_library(f->show, lib);
    fx_library_free(f->lib);
    f->lib = lib;
    show_scene(f->show); /* builds from the new library only */
}

static void send(Fx *f, Event ev)
{
    ev.t = f->t;
    show_handle(f->show, &ev);
}

/* ---- state ----------------------------------------------------------------- */

/* One field of the state as JSON text: "4", "\"home\"", "null"; "" when
 * the state has no such field. */
static const char *field(Fx *f, const char *key)
{
    static char out[128];
    char buf[1024];
    int n = show_state_json(f->show, f->t, buf, sizeof buf);
    assert_true(n > 0 && (size_t)n < sizeof buf);
    json_error_t err;
    json_t *state = json_loads(buf, 0, &err);
    if (!state)
        fail_msg("state is not JSON (%s): %s", err.text, buf);
    char *text = json_object_get(state, key) ? json_dumps(json_object_get(state, key), JSON_ENCODE_ANY) : NULL;
    snprintf(out, sizeof out, "%s", text ? text : "");
    free(text);
    json_decref(state);
    return out;
}

/* Is the image at `path` drawn? */
static bool shows_image(Fx *f, const char *path)
{
    const Scene *sc = show_scene(f->show);
    for (int i = 0; i < sc->n; i++)
        if (sc->items[i].kind == DRAW_IMAGE && strcmp(sc->items[i].path, path) == 0)
            return true;
    return false;
}

/* Give slide k of ex the image `name` (path never opened). */
static void set_image(Exhibition *ex, int k, const char *name)
{
    Slide *sl = &ex->slides[k];
    free(sl->image);
    free(sl->image_path);
    sl->image = fx_strdup(name);
    sl->image_path = fx_strdup(name);
}

/* ---- show_set_library ------------------------------------------------------- */

/* A curator put a new slide first: the visitor stays on the same artwork. */
static void the_slide_follows_its_image(void **state)
{
    (void)state;
    Fx *f = fx_new(NULL);
    assert_true(show_open(f->show, "alpha", 3)); /* images/03.jpg */
    Library *lib = three();
    fx_exhibition_free(lib->items[0]);
    lib->items[0] = fx_exhibition("alpha", "Альфа", "Альфа", "Alpha", 5, true);
    set_image(lib->items[0], 0, "images/new.jpg");
    for (int k = 1; k < 5; k++) {
        char name[32];
        snprintf(name, sizeof name, "images/%02d.jpg", k);
        set_image(lib->items[0], k, name);
    }
    swap(f, lib);
    assert_string_equal(field(f, "screen"), "\"slide\"");
    assert_string_equal(field(f, "exhibition"), "\"alpha\"");
    assert_string_equal(field(f, "slide"), "4");
    assert_string_equal(field(f, "slides"), "5");
    fx_done(f);
}

/* The image was replaced by another file: the same slide number, or the
 * last slide when there are fewer now. */
static void without_its_image_the_slide_keeps_its_number(void **state)
{
    (void)state;
    Fx *f = fx_new(NULL);
    assert_true(show_open(f->show, "alpha", 2));
    Library *lib = three();
    set_image(lib->items[0], 1, "images/other.jpg");
    swap(f, lib);
    assert_string_equal(field(f, "slide"), "2");

    assert_true(show_open(f->show, "alpha", 4));
    lib = three();
    fx_exhibition_free(lib->items[0]);
    lib->items[0] = fx_exhibition("alpha", "Альфа", "Альфа", "Alpha", 2, true);
    swap(f, lib);
    assert_string_equal(field(f, "exhibition"), "\"alpha\"");
    assert_string_equal(field(f, "slide"), "2");
    assert_string_equal(field(f, "slides"), "2");

    /* text slides have no image: their number */
    assert_true(show_open(f->show, "beta", 3));
    swap(f, three());
    assert_string_equal(field(f, "slide"), "3");
    fx_done(f);
}

/* Of several slides with the same image, the one nearest the old place. */
static void the_nearest_of_two_same_images(void **state)
{
    (void)state;
    Fx *f = fx_new(NULL);
    assert_true(show_open(f->show, "alpha", 4)); /* images/04.jpg */
    Library *lib = three();
    set_image(lib->items[0], 0, "images/04.jpg");
    set_image(lib->items[0], 2, "images/04.jpg");
    set_image(lib->items[0], 3, "images/zz.jpg");
    swap(f, lib);
    assert_string_equal(field(f, "slide"), "3");
    fx_done(f);
}

/* The exhibition on screen was deleted: home, calmly, with the card
 * nearest to where it was selected; everything else still works. */
static void a_deleted_exhibition_goes_home(void **state)
{
    (void)state;
    Fx *f = fx_new(NULL);
    assert_true(show_open(f->show, "gamma", 2));
    Library *lib = three();
    fx_exhibition_free(lib->items[2]);
    lib->n = 2;
    swap(f, lib);
    assert_string_equal(field(f, "screen"), "\"home\"");
    assert_string_equal(field(f, "exhibition"), "null");
    assert_string_equal(field(f, "exhibitions"), "2");
    assert_string_equal(field(f, "home_selection"), "2");
    f->t += 100;
    send(f, (Event){.type = EV_KEY, .key = KEY_ENTER});
    assert_string_equal(field(f, "exhibition"), "\"beta\"");
    fx_done(f);
}

/* Everything deleted: an empty home screen, and no crash on input. */
static void an_empty_library_is_fine(void **state)
{
    (void)state;
    Fx *f = fx_new(NULL);
    assert_true(show_open(f->show, "beta", 2));
    swap(f, fx_library());
    assert_string_equal(field(f, "screen"), "\"home\"");
    assert_string_equal(field(f, "exhibitions"), "0");
    for (int k = 0; k < 4; k++) {
        f->t += 100;
        send(f, (Event){.type = EV_KEY, .key = k % 2 ? KEY_ENTER : KEY_RIGHT});
    }
    assert_string_equal(field(f, "screen"), "\"home\"");
    swap(f, three()); /* and back */
    assert_string_equal(field(f, "exhibitions"), "3");
    fx_done(f);
}

/* On the home screen the selection stays on its card when others come. */
static void the_home_selection_stays_on_its_card(void **state)
{
    (void)state;
    Fx *f = fx_new(NULL);
    f->t += 100;
    send(f, (Event){.type = EV_KEY, .key = KEY_RIGHT}); /* beta */
    assert_string_equal(field(f, "home_selection"), "2");
    Library *lib = fx_library();
    fx_library_add(lib, fx_exhibition("aaa", "Жаңа", "Новая", "New", 1, true));
    Library *old3 = three();
    for (int i = 0; i < old3->n; i++)
        fx_library_add(lib, old3->items[i]);
    old3->n = 0;
    fx_library_free(old3);
    swap(f, lib);
    assert_string_equal(field(f, "screen"), "\"home\"");
    assert_string_equal(field(f, "home_selection"), "3");
    fx_done(f);
}

/* Images that failed are tried again after a reload (they may be fixed). */
static void failed_images_are_tried_again(void **state)
{
    (void)state;
    Fx *f = fx_new(NULL);
    assert_true(show_open(f->show, "alpha", 1));
    const char *first = "/nonexistent/alpha/images/01.jpg";
    assert_true(shows_image(f, first));
    send(f, (Event){.type = EV_IMAGE_LOADED, .exhibition = 0, .slide = 0, .ok = false});
    assert_false(shows_image(f, first)); /* a placeholder instead */
    swap(f, three());
    assert_true(shows_image(f, first));
    fx_done(f);
}

/* The attract loop runs on the new library (the settings' playlist too). */
static void the_attract_loop_uses_the_new_library(void **state)
{
    (void)state;
    Settings st;
    fx_settings(&st, NULL, 0);
    st.attract[st.n_attract++] = fx_strdup("gamma:2");
    st.attract[st.n_attract++] = fx_strdup("nothing-here");
    ShowConfig cfg = {.settings = &st};
    Fx *f = fx_new(&cfg);
    f->t += (uint64_t)(IDLE_TIMEOUT_MS + IDLE_WARNING_MS + IDLE_ATTRACT_DELAY_MS) + 1000;
    send(f, (Event){.type = EV_TICK});
    assert_string_equal(field(f, "screen"), "\"attract\"");
    Library *lib = three();
    set_image(lib->items[2], 1, "/new/gamma-2.jpg");
    swap(f, lib);
    f->t += 10;
    send(f, (Event){.type = EV_TICK});
    assert_true(shows_image(f, "/new/gamma-2.jpg"));
    fx_done(f);
    settings_free(&st);
}

/* ---- --preview: the problems banner ----------------------------------------- */

static void problems_replace_the_slide_until_fixed(void **state)
{
    (void)state;
    ShowConfig cfg = {.preview = true, .start_lang = "en"};
    Fx *f = fx_new(&cfg);
    assert_true(show_open(f->show, "alpha", 2));
    assert_string_equal(field(f, "problems"), "0");
    DiagList d = {0};
    diag_add(&d, DIAG_ERROR, "/srv/ex/alpha/exhibition.json", 7, 15, "image \"%s\" not found",
             "images/әже-ғимарат.svg");
    diag_add(&d, DIAG_WARNING, "/srv/ex/alpha/exhibition.json", 8, 3, "unknown key \"captoin\"");
    diag_add(&d, DIAG_ERROR, "/srv/ex/alpha/exhibition.json", 0, 0, "cannot be read");
    show_set_problems(f->show, &d, "/srv/ex/");
    diag_clear(&d);
    assert_string_equal(field(f, "problems"), "2");
    assert_string_equal(field(f, "screen"), "\"slide\""); /* the show goes on underneath */
    const Scene *sc = show_scene(f->show);
    assert_non_null(scene_find_text(sc, "The exhibition's files have errors"));
    assert_non_null(scene_find_text(sc, "alpha/exhibition.json:7:15: error: image \"images/әже-ғимарат.svg\" not found"));
    assert_non_null(scene_find_text(sc, "alpha/exhibition.json:0:0: error: cannot be read"));
    assert_null(scene_find_text(sc, "captoin")); /* warnings are for --check */
    assert_null(scene_find_text(sc, "/srv/ex"));
    assert_false(shows_image(f, "/nonexistent/alpha/images/02.jpg"));
    /* fixed */
    show_set_problems(f->show, &d, "/srv/ex");
    assert_string_equal(field(f, "problems"), "0");
    sc = show_scene(f->show);
    assert_null(scene_find_text(sc, "errors"));
    assert_true(shows_image(f, "/nonexistent/alpha/images/02.jpg"));
    assert_string_equal(field(f, "slide"), "2");
    fx_done(f);
}

/* A long list ends with "and N more" in the curator's language. */
static void a_long_list_is_cut_with_and_n_more(void **state)
{
    (void)state;
    ShowConfig cfg = {.preview = true, .start_lang = "en"};
    Fx *f = fx_new(&cfg);
    DiagList d = {0};
    for (int i = 1; i <= 60; i++)
        diag_add(&d, DIAG_ERROR, "ex/exhibition.json", i, 5, "problem number %d", i);
    show_set_problems(f->show, &d, "ex");
    const Scene *sc = show_scene(f->show);
    assert_non_null(scene_find_text(sc, "exhibition.json:1:5: error: problem number 1"));
    assert_null(scene_find_text(sc, "problem number 60"));
    int shown = 0;
    for (int i = 0; i < sc->n; i++)
        shown += sc->items[i].kind == DRAW_TEXT && strstr(scene_text(sc, &sc->items[i]), "problem number");
    char more[32];
    snprintf(more, sizeof more, "and %d more", 60 - shown);
    assert_true(shown > 5 && shown < 60);
    assert_non_null(scene_find_text(sc, more));
    for (int i = 0; i < sc->n; i++) /* nothing below the screen */
        assert_true(sc->items[i].r.y + sc->items[i].r.h <= H);
    assert_true(show_set_lang(f->show, "kk"));
    snprintf(more, sizeof more, "тағы %d қате", 60 - shown);
    assert_non_null(scene_find_text(show_scene(f->show), more));
    diag_clear(&d);
    fx_done(f);
}

/* A curator editing in a preview window is never asked "still there?". */
static void a_preview_never_goes_idle(void **state)
{
    (void)state;
    ShowConfig cfg = {.preview = true};
    Fx *f = fx_new(&cfg);
    assert_true(show_open(f->show, "gamma", 2));
    assert_int_equal(show_next_deadline(f->show, f->t), SHOW_NO_DEADLINE);
    f->t += 3600 * 1000;
    send(f, (Event){.type = EV_TICK});
    assert_string_equal(field(f, "screen"), "\"slide\"");
    assert_string_equal(field(f, "idle"), "\"off\"");
    assert_string_equal(field(f, "slide"), "2");
    fx_done(f);
}

/* Outside --preview the state has no "problems" (unchanged for monitors). */
static void the_kiosk_state_has_no_problems_field(void **state)
{
    (void)state;
    Fx *f = fx_new(NULL);
    assert_string_equal(field(f, "problems"), "");
    assert_string_equal(show_exhibition_id(f->show) ? "?" : "", "");
    assert_true(show_open(f->show, "beta", 1));
    assert_string_equal(show_exhibition_id(f->show), "beta");
    fx_done(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_slide_follows_its_image),
        cmocka_unit_test(without_its_image_the_slide_keeps_its_number),
        cmocka_unit_test(the_nearest_of_two_same_images),
        cmocka_unit_test(a_deleted_exhibition_goes_home),
        cmocka_unit_test(an_empty_library_is_fine),
        cmocka_unit_test(the_home_selection_stays_on_its_card),
        cmocka_unit_test(failed_images_are_tried_again),
        cmocka_unit_test(the_attract_loop_uses_the_new_library),
        cmocka_unit_test(problems_replace_the_slide_until_fixed),
        cmocka_unit_test(a_long_list_is_cut_with_and_n_more),
        cmocka_unit_test(a_preview_never_goes_idle),
        cmocka_unit_test(the_kiosk_state_has_no_problems_field),
    };
    lang_load_dir(PO_DIR, NULL); /* vitrine's own kk and ru words, as read at start */
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    lang_unload();
    return failed;
}
