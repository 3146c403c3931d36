/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_startindex.c - the start index: what it keeps, when it still holds,
 * and that anything wrong with it is as no index at all. */
#define _XOPEN_SOURCE 700 /* mkdtemp() */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "library.h"
#include "startindex.h"
#include "diag_support.h"

#define PNG FIXTURES "/manifests/good/images/cover.png"

/* ---- Helpers ------------------------------------------------------------ */

static char root[64];

/* A folder of two exhibitions: "a" with a cover, "b" whose picture is its
 * second slide's (the first is text). */
static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/vitrine-startindex-XXXXXX");
    assert_non_null(mkdtemp(root));
    char *png = NULL;
    size_t len = 0;
    long long size;
    assert_int_equal(fs_read_file(PNG, 1 << 20, &png, &len, &size), 0);
    write_tree_bytes(root, "a/images/cover.png", png, len);
    write_tree_bytes(root, "b/pic.png", png, len);
    free(png);
    write_tree_file(root, "a/" MANIFEST_NAME,
                    "{\"id\": \"a\", \"title\": {\"kk\": \"Ә\", \"en\": \"A\"}, \"languages\": [\"kk\", \"en\"],"
                    " \"cover\": \"images/cover.png\", \"slides\": [{\"text\": \"1\"}, {\"text\": \"2\"}, {\"text\": \"3\"}]}\n");
    write_tree_file(root, "b/" MANIFEST_NAME,
                    "{\"id\": \"b\", \"title\": \"B\", \"slides\": [{\"text\": \"1\"}, {\"image\": \"pic.png\"}]}\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rm_rf(root);
    return 0;
}

/* The index of a full load of root, parsed back. */
static void index_now(StartIndex *idx)
{
    DiagList dl = {0};
    Library *lib = library_load(root, &dl);
    assert_false(lib->partial);
    char *real = realpath(root, NULL);
    char *text = startindex_text(real, root, lib->items, lib->n);
    assert_non_null(text);
    assert_true(startindex_parse(text, strlen(text), real, idx));
    assert_int_equal(idx->n, 2);
    free(text);
    free(real);
    library_free(lib);
    diag_clear(&dl);
}

/* Library from the index, as the kiosk starts. */
static Library *load_indexed(const StartIndex *idx)
{
    DiagList dl = {0};
    Library *lib = library_load_indexed(root, MANIFEST_IMAGE_SNIFF, idx, &dl);
    assert_non_null(lib);
    diag_clear(&dl);
    return lib;
}

/* ---- Tests -------------------------------------------------------------- */

/* A fresh index gives summaries the home screen draws exactly as the full
 * exhibitions: same title, languages, count, cover path, format and index. */
static void test_summaries_match_full(void **state)
{
    (void)state;
    StartIndex idx;
    index_now(&idx);
    DiagList dl = {0};
    Library *full = library_load(root, &dl);
    Library *sum = load_indexed(&idx);
    assert_true(sum->partial);
    assert_int_equal(sum->n, 2);
    for (int i = 0; i < 2; i++) {
        const Exhibition *f = full->items[i], *s = sum->items[i];
        assert_string_equal(s->id, f->id);
        assert_string_equal(s->dir, f->dir);
        assert_string_equal(s->manifest_path, f->manifest_path);
        assert_int_equal(s->summary_slides, f->n_slides);
        assert_int_equal(manifest_slide_count(s), manifest_slide_count(f));
        assert_string_equal(loc_get(&s->title, "kk", s), loc_get(&f->title, "kk", f));
        assert_string_equal(loc_get(&s->title, "en", s), loc_get(&f->title, "en", f));
        assert_int_equal(s->n_languages, f->n_languages);
        const char *sp, *fp;
        ImageFormat sf = IMG_FMT_UNKNOWN, ff = IMG_FMT_UNKNOWN;
        int ss, fs;
        manifest_cover(s, &sp, &sf, &ss);
        manifest_cover(f, &fp, &ff, &fs);
        assert_string_equal(sp, fp);
        assert_int_equal(sf, ff);
        assert_int_equal(ss, fs);
        if (ss >= 0)
            assert_int_equal(s->slides[ss].page, f->slides[fs].page);
        assert_true(s->n_slides <= f->n_slides); /* no more than up to the cover */
    }
    assert_int_equal(sum->items[1]->n_slides, 2); /* b: a blank slide, then its picture's */
    assert_null(sum->items[1]->slides[0].image_path);
    library_free(sum);
    library_free(full);
    startindex_free(&idx);
    diag_clear(&dl);
}

/* An edited manifest is loaded in full at once; the other one stays a summary. */
static void test_edited_manifest_loads_in_full(void **state)
{
    (void)state;
    StartIndex idx;
    index_now(&idx);
    write_tree_file(root, "a/" MANIFEST_NAME,
                    "{\"id\": \"a\", \"title\": \"New title\", \"slides\": [{\"text\": \"1\"}]}\n");
    Library *lib = load_indexed(&idx);
    assert_true(lib->partial);
    assert_int_equal(lib->items[0]->summary_slides, 0);
    assert_string_equal(loc_get(&lib->items[0]->title, "en", lib->items[0]), "New title");
    assert_int_equal(manifest_slide_count(lib->items[0]), 1);
    assert_int_equal(lib->items[1]->summary_slides, 2);
    library_free(lib);
    startindex_free(&idx);
}

/* Each stamp counts: the cover replaced, a file added to the folder. */
static void test_cover_and_folder_count(void **state)
{
    (void)state;
    StartIndex idx;
    index_now(&idx);
    /* a new file in b's folder: its folder's stamp changes */
    write_tree_file(root, "b/notes.txt", "x");
    /* a's cover renamed over by a copy (as rsync does): a new inode */
    char from[256], to[256];
    snprintf(from, sizeof from, "%s/a/images/.cover.png.tmp", root);
    snprintf(to, sizeof to, "%s/a/images/cover.png", root);
    char *png = NULL;
    size_t len;
    long long size;
    assert_int_equal(fs_read_file(PNG, 1 << 20, &png, &len, &size), 0);
    write_tree_bytes(root, "a/images/.cover.png.tmp", png, len);
    free(png);
    assert_int_equal(rename(from, to), 0);
    Library *lib = load_indexed(&idx);
    assert_false(lib->partial);
    library_free(lib);
    startindex_free(&idx);
}

static void test_fresh_rule(void **state)
{
    (void)state;
    StartIndexEntry e = {.stamp = {.manifest = {1, 2, 3, 4, 5}, .folder = {1, 9, 4096, 7, 7}}};
    ExhibitionStamp now = e.stamp;
    assert_true(startindex_fresh(&e, &now));
    long long *fields[] = {&now.manifest.dev, &now.manifest.ino, &now.manifest.size, &now.manifest.mtime_ns,
                           &now.manifest.ctime_ns, &now.folder.mtime_ns, &now.cover.ino, &now.deck.size};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        now = e.stamp;
        (*fields[i])++;
        assert_false(startindex_fresh(&e, &now));
    }
    /* a manifest that was not there is never fresh, even against nothing */
    StartIndexEntry none = {0};
    ExhibitionStamp zero = {0};
    assert_false(startindex_fresh(&none, &zero));
    assert_false(startindex_fresh(NULL, &zero));
}

/* Garbage, a cut, another version, another folder: no index, nothing kept. */
static void test_unusable_texts(void **state)
{
    (void)state;
    DiagList dl = {0};
    Library *lib = library_load(root, &dl);
    char *real = realpath(root, NULL);
    char *text = startindex_text(real, root, lib->items, lib->n);
    size_t n = strlen(text);
    StartIndex idx;
    assert_true(startindex_parse(text, n, real, &idx));
    startindex_free(&idx);
    const char *bad[] = {"", "\x01\x02garbage", "[]", "{\"vitrine_start_index\": 1}", "null"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_false(startindex_parse(bad[i], strlen(bad[i]), real, &idx));
        assert_int_equal(idx.n, 0);
        assert_null(idx.items);
    }
    for (size_t cut = 1; cut < n; cut += 37) /* every cut short is refused */
        assert_false(startindex_parse(text, cut, real, &idx));
    assert_false(startindex_parse(text, n, "/somewhere/else", &idx));
    char *other = strdup(text);
    char *v = strstr(other, "\"vitrine_start_index\":1");
    assert_non_null(v);
    v[strlen("\"vitrine_start_index\":")] = '7';
    assert_false(startindex_parse(other, n, real, &idx));
    /* an entry whose slide count is out of range is no entry */
    char *slides = strstr(text, "\"slides\":3");
    assert_non_null(slides);
    memcpy(slides, "\"slides\":0", 10);
    assert_false(startindex_parse(text, n, real, &idx));
    free(other);
    free(text);
    free(real);
    library_free(lib);
    diag_clear(&dl);
}

/* A summary is never kept as a "last good version" by a hot reload. */
static void test_summary_is_not_last_good(void **state)
{
    (void)state;
    StartIndex idx;
    index_now(&idx);
    Library *old = load_indexed(&idx);
    write_tree_file(root, "b/" MANIFEST_NAME, "{ broken");
    DiagList dl = {0};
    Library *fresh = library_load(root, &dl);
    assert_int_equal(fresh->n_broken, 1);
    assert_int_equal(library_keep_last_good(fresh, old, &dl), 0);
    assert_int_equal(fresh->n, 1);
    library_free_shared(old, fresh);
    library_free(fresh);
    startindex_free(&idx);
    diag_clear(&dl);
}

/* Summaries and unstamped exhibitions are left out of the next index. */
static void test_summaries_not_written(void **state)
{
    (void)state;
    StartIndex idx;
    index_now(&idx);
    Library *lib = load_indexed(&idx);
    char *real = realpath(root, NULL);
    char *text = startindex_text(real, root, lib->items, lib->n);
    StartIndex again;
    assert_true(startindex_parse(text, strlen(text), real, &again));
    assert_int_equal(again.n, 0);
    assert_null(startindex_find(&again, "a"));
    startindex_free(&again);
    free(text);
    free(real);
    library_free(lib);
    startindex_free(&idx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_summaries_match_full, setup, teardown),
        cmocka_unit_test_setup_teardown(test_edited_manifest_loads_in_full, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cover_and_folder_count, setup, teardown),
        cmocka_unit_test(test_fresh_rule),
        cmocka_unit_test_setup_teardown(test_unusable_texts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_summary_is_not_last_good, setup, teardown),
        cmocka_unit_test_setup_teardown(test_summaries_not_written, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
