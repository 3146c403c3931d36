/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_deck - "deck" in a manifest, vitrine --lecture talk.pdf, .pdfpc notes
 * and slides counted by label (deck.h, cards.h, manifest.h), with a fake PDF
 * reader: the core parses no PDF, it asks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cards.h"
#include "deck.h"
#include "library.h"
#include "manifest.h"
#include "diag_support.h"

/* A beamer-like deck: "talk.pdf" has 7 pages labelled 1,1,1,2,3,3,4; any
 * other PDF 3 pages, no labels, no title; "locked.pdf" is refused. */
static bool fake_reader(const char *path, DeckInfo *out, char *err, size_t errn)
{
    memset(out, 0, sizeof *out);
    if (strstr(path, "locked.pdf")) {
        snprintf(err, errn, "it is protected by a password: save it again without one");
        return false;
    }
    if (strstr(path, "talk.pdf")) {
        static const char *const l[] = {"1", "1", "1", "2", "3", "3", "4"};
        out->pages = 7;
        out->title = strdup("Steppe Lecture");
        out->labels = calloc(7, sizeof *out->labels);
        for (int i = 0; i < 7; i++)
            out->labels[i] = strdup(l[i]);
        return true;
    }
    out->pages = 3;
    return true;
}

static const char pdf_head[] = "%PDF-1.5\n%fake: the reader is faked\n";

static int setup(void **state)
{
    char *dir = make_tmpdir();
    write_tree_bytes(dir, "talk.pdf", pdf_head, sizeof pdf_head - 1);
    write_tree_bytes(dir, "Plain Deck.pdf", pdf_head, sizeof pdf_head - 1);
    write_tree_bytes(dir, "locked.pdf", pdf_head, sizeof pdf_head - 1);
    deck_set_reader(fake_reader);
    *state = dir;
    return 0;
}

static int teardown(void **state)
{
    deck_set_reader(NULL);
    rm_rf(*state);
    free(*state);
    return 0;
}

static Exhibition *load(const char *dir, const char *json, DiagList *dl)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/" MANIFEST_NAME, dir);
    return manifest_load_buffer(dir, path, json, strlen(json), dl);
}

static void test_deck_pages_are_slides(void **state)
{
    DiagList dl = {0};
    Exhibition *ex = load(*state,
                          "{\"id\": \"t\", \"deck\": \"talk.pdf\", \"slides\": [\n"
                          "  {\"page\": 4, \"title\": \"The map\", \"notes\": \"Point north\", \"lecture_s\": 90},\n"
                          "  {\"page\": 9, \"title\": \"Nine\"},\n"
                          "  {\"image\": \"talk.pdf\", \"page\": 2}]}",
                          &dl);
    assert_non_null(ex);
    assert_int_equal(ex->n_slides, 7);
    assert_string_equal(loc_get(&ex->title, "en", ex), "Steppe Lecture"); /* from the PDF */
    for (int i = 0; i < 7; i++) {
        assert_int_equal(ex->slides[i].page, i + 1);
        assert_int_equal(ex->slides[i].image_format, IMG_FMT_PDF);
        assert_true(ex->slides[i].image_ok);
    }
    assert_string_equal(loc_get(&ex->slides[3].title, "en", ex), "The map");
    assert_string_equal(loc_get(&ex->slides[3].notes, "en", ex), "Point north");
    assert_int_equal(ex->slides[3].lecture_s, 90);
    assert_diag(&dl, ":3:3: error: with \"deck\", slide 2 names one of its 7 pages (\"page\": 1 to 7)");
    assert_diag(&dl, ":4:3: error: with \"deck\", slide 3 names one of its 7 pages");
    /* counted by label: 7 pages, 4 slides */
    assert_int_equal(cards_count(ex), 4);
    static const int card[] = {0, 0, 0, 1, 2, 2, 3};
    for (int i = 0; i < 7; i++)
        assert_int_equal(cards_of(ex, i), card[i]);
    assert_int_equal(cards_first(ex, 2), 4);
    assert_int_equal(cards_last(ex, 2), 5);
    assert_int_equal(cards_last(ex, 0), 2);
    assert_int_equal(cards_first(ex, 3), 6);
    manifest_free(ex);
    diag_clear(&dl);
}

static void test_deck_refusals(void **state)
{
    DiagList dl = {0};
    Exhibition *ex = load(*state, "{\"id\": \"t\", \"deck\": \"locked.pdf\"}", &dl);
    assert_null(ex); /* no slides at all */
    assert_diag(&dl, ":1:21: error: deck locked.pdf cannot be shown: it is protected by a password");
    diag_clear(&dl);
    ex = load(*state, "{\"id\": \"t\", \"deck\": 3, \"slides\": [{\"text\": \"x\"}]}", &dl);
    assert_non_null(ex);
    assert_diag(&dl, "error: \"deck\" must be a string (a PDF), not a number");
    manifest_free(ex);
    diag_clear(&dl);
    /* "page" on a slide with an image of one page */
    write_tree_bytes(*state, "a.png", "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0", 26);
    ex = load(*state, "{\"id\": \"t\", \"slides\": [{\"image\": \"a.png\", \"page\": 2}, "
                      "{\"image\": \"talk.pdf\", \"page\": 0}, {\"image\": \"talk.pdf\", \"page\": 3}]}", &dl);
    assert_non_null(ex);
    assert_diag(&dl, "error: \"page\" of slide 1 is 2, but a.png is PNG with one page");
    assert_diag(&dl, "error: \"page\" of slide 2 must be a page number, 1 or more, not 0");
    assert_int_equal(ex->slides[2].page, 3);
    manifest_free(ex);
    diag_clear(&dl);
    /* a TIFF may have pages: that it has this one is vitrine-tiff's to say */
    write_tree_bytes(*state, "b.tif", "II*\0\x08\0\0\0", 8);
    ex = load(*state, "{\"id\": \"t\", \"slides\": [{\"image\": \"b.tif\", \"page\": 2}]}", &dl);
    assert_non_null(ex);
    assert_no_diag(&dl, "page");
    assert_int_equal(ex->slides[0].page, 2);
    manifest_free(ex);
    diag_clear(&dl);
}

/* vitrine --lecture "Plain Deck.pdf": the library is its pages */
static void test_lecture_pdf_file(void **state)
{
    char pdf[1024], notes[1024];
    snprintf(pdf, sizeof pdf, "%s/Plain Deck.pdf", (char *)*state);
    snprintf(notes, sizeof notes, "%s/Plain Deck.pdfpc", (char *)*state);
    FILE *f = fopen(notes, "w");
    assert_non_null(f);
    fputs("{\"pdfpcFormat\": 2, \"duration\": 20, \"lastMinutes\": 4, \"endSlide\": 3,\n"
          " \"pages\": [{\"idx\": 1, \"note\": \"Second page: slow down\"}, {\"idx\": 7, \"note\": \"x\"}]}",
          f);
    fclose(f);
    DiagList dl = {0};
    Library *lib = library_load(pdf, &dl);
    assert_int_equal(lib->n, 1);
    Exhibition *ex = lib->items[0];
    assert_string_equal(ex->id, "plain-deck");
    assert_string_equal(loc_get(&ex->title, "en", ex), "Plain Deck"); /* no title in the PDF */
    assert_int_equal(ex->n_slides, 3);
    assert_int_equal(cards_count(ex), 3); /* no labels: a page a slide */
    assert_null(loc_get(&ex->slides[0].notes, "en", ex));
    assert_string_equal(loc_get(&ex->slides[1].notes, "en", ex), "Second page: slow down");
    assert_int_equal(ex->lecture_duration_min, 20);
    assert_int_equal(ex->lecture_warn_min, 4);
    assert_diag(&dl, "Plain Deck.pdfpc:2:58: warning: a note needs \"idx\" (a page of the PDF, from 0 to 2)");
    library_free(lib);
    diag_clear(&dl);
    remove(notes);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deck_pages_are_slides),
        cmocka_unit_test(test_deck_refusals),
        cmocka_unit_test(test_lecture_pdf_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
