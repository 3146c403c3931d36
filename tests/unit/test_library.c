/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_library.c - a folder of exhibitions: scan, order, skip the broken. */
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

#include "library.h"
#include "diag_support.h"

#define MANIFESTS FIXTURES "/manifests"

/* ---- Helpers ------------------------------------------------------------ */

static void write_text(const char *root, const char *rel, const char *text)
{
    write_tree_file(root, rel, text);
}

/* An exhibition with one text slide. */
static void write_exhibition(const char *root, const char *folder, const char *id)
{
    char rel[256], text[512];
    snprintf(rel, sizeof rel, "%s/%s", folder, MANIFEST_NAME);
    snprintf(text, sizeof text, "{\"id\": \"%s\", \"title\": \"%s\", "
             "\"slides\": [{\"text\": \"Мәтін\"}]}\n", id, id);
    write_text(root, rel, text);
}

/* ---- Tests -------------------------------------------------------------- */

static void test_missing_dir(void **state)
{
    (void)state;
    DiagList dl = {0};
    Library *lib = library_load("/nonexistent/exhibitions", &dl);
    assert_non_null(lib);
    assert_int_equal(lib->n, 0);
    assert_string_equal(lib->root, "/nonexistent/exhibitions");
    assert_diag(&dl, "/nonexistent/exhibitions:0:0: error: cannot open exhibitions folder: "
                     "No such file or directory\n");
    assert_int_equal(dl.n, 1);
    assert_int_equal(library_find(lib, "anything"), -1);
    library_free(lib);
    diag_clear(&dl);
}

static void test_broken_and_good(void **state)
{
    (void)state;
    char *root = make_tmpdir();
    write_text(root, "a-broken/" MANIFEST_NAME, "{\"id\": \"broken\",\n \"slides\": [}\n");
    write_exhibition(root, "b-good", "good");
    DiagList dl = {0};
    Library *lib = library_load(root, &dl);
    assert_non_null(lib);
    assert_int_equal(lib->n, 1);
    assert_string_equal(lib->items[0]->id, "good");
    assert_int_equal(library_find(lib, "good"), 0);
    assert_int_equal(library_find(lib, "broken"), -1);
    assert_diag(&dl, "a-broken/exhibition.json:2:13: error: ");
    assert_int_equal(diag_count(&dl, DIAG_ERROR), 1);
    library_free(lib);
    diag_clear(&dl);
    rm_rf(root);
    free(root);
}

static void test_order_hidden_and_ignored(void **state)
{
    (void)state;
    char *root = make_tmpdir();
    write_exhibition(root, "c", "gamma");
    write_exhibition(root, "a", "alpha");
    write_exhibition(root, "b", "beta");
    write_exhibition(root, ".hidden", "hidden");        /* hidden: skipped */
    write_text(root, "no-manifest/readme.txt", "x");  /* not an exhibition */
    write_text(root, "loose-file.json", "{}");         /* not a folder */
    DiagList dl = {0};
    Library *lib = library_load(root, &dl);
    assert_int_equal(dl.n, 0);
    assert_int_equal(lib->n, 3);
    assert_string_equal(lib->items[0]->id, "alpha");
    assert_string_equal(lib->items[1]->id, "beta");
    assert_string_equal(lib->items[2]->id, "gamma");
    assert_int_equal(library_find(lib, "hidden"), -1);
    assert_int_equal(library_find(lib, "gamma"), 2);
    assert_int_equal(library_find(lib, NULL), -1);
    library_free(lib);
    diag_clear(&dl);
    rm_rf(root);
    free(root);
}

static void test_duplicate_ids(void **state)
{
    (void)state;
    char *root = make_tmpdir();
    write_exhibition(root, "x1", "same");
    write_exhibition(root, "x2", "same");
    write_exhibition(root, "x3", "other");
    DiagList dl = {0};
    Library *lib = library_load(root, &dl);
    assert_int_equal(lib->n, 2);
    assert_string_equal(lib->items[0]->id, "same");
    assert_string_equal(lib->items[1]->id, "other");
    char want[1024];
    snprintf(want, sizeof want, "%s/x2/exhibition.json:0:0: error: id \"same\" is already used "
             "by the exhibition in \"%s/x1\"; this one is skipped\n", root, root);
    assert_diag(&dl, want);
    assert_int_equal(dl.n, 1);
    library_free(lib);
    diag_clear(&dl);
    rm_rf(root);
    free(root);
}

static void test_single_exhibition_dir(void **state)
{
    (void)state;
    DiagList dl = {0};
    Library *lib = library_load(MANIFESTS "/good", &dl);
    assert_int_equal(dl.n, 0);
    assert_int_equal(lib->n, 1);
    assert_string_equal(lib->items[0]->id, "karlag-artists");
    library_free(lib);

    /* a trailing slash is the same folder */
    lib = library_load(MANIFESTS "/good/", &dl);
    assert_int_equal(lib->n, 1);
    assert_string_equal(lib->items[0]->manifest_path, MANIFESTS "/good/exhibition.json");
    library_free(lib);

    /* a single exhibition that is broken: empty library, its error */
    lib = library_load(MANIFESTS "/syntax-error", &dl);
    assert_int_equal(lib->n, 0);
    assert_diag(&dl, "syntax-error/exhibition.json:4:10: error: ");
    library_free(lib);
    diag_clear(&dl);
}

static void test_empty_dir(void **state)
{
    (void)state;
    char *root = make_tmpdir();
    DiagList dl = {0};
    Library *lib = library_load(root, &dl);
    assert_non_null(lib);
    assert_int_equal(lib->n, 0);
    char want[1024];
    snprintf(want, sizeof want, "%s:0:0: error: no exhibitions found: no folder here holds an "
             "exhibition.json\n", root);
    assert_diag(&dl, want);
    library_free(lib);
    library_free(NULL);
    diag_clear(&dl);
    rm_rf(root);
    free(root);
}

/* The fixture folder itself is a library of good and broken exhibitions. */
static void test_fixtures_as_library(void **state)
{
    (void)state;
    DiagList dl = {0};
    Library *lib = library_load(MANIFESTS, &dl);
    assert_true(library_find(lib, "karlag-artists") >= 0);
    assert_true(library_find(lib, "gif-as-jpg") >= 0);
    assert_true(library_find(lib, "problems") >= 0);
    assert_int_equal(library_find(lib, "broken"), -1);
    assert_int_equal(library_find(lib, "bad-utf8"), -1);
    assert_int_equal(library_find(lib, "no-slides"), -1);
    for (int i = 1; i < lib->n; i++)
        assert_true(strcmp(lib->items[i - 1]->dir, lib->items[i]->dir) < 0);
    library_free(lib);
    diag_clear(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_dir),
        cmocka_unit_test(test_broken_and_good),
        cmocka_unit_test(test_order_hidden_and_ignored),
        cmocka_unit_test(test_duplicate_ids),
        cmocka_unit_test(test_single_exhibition_dir),
        cmocka_unit_test(test_empty_dir),
        cmocka_unit_test(test_fixtures_as_library),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
