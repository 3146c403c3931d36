/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_reload.c - hot reload: the settle rule (reload.h) and keeping the
 * last good version of an exhibition whose manifest broke (library.h).
 *
 * Times are virtual ms; paths in the policy tests are never opened.
 */
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

#include "diag_support.h"
#include "library.h"
#include "reload.h"

#define DUE(p, t) reload_due(p, t)

/* ---- the settle rule ------------------------------------------------------- */

static void nothing_changed_nothing_due(void **state)
{
    (void)state;
    ReloadPolicy p;
    reload_init(&p);
    assert_int_equal(reload_next_deadline(&p, 0), RELOAD_NO_DEADLINE);
    assert_false(DUE(&p, 1000000));
    reload_free(&p);
}

static void a_written_file_settles_for_half_a_second(void **state)
{
    (void)state;
    ReloadPolicy p;
    reload_init(&p);
    reload_note(&p, RELOAD_WRITTEN, "/ex/a/exhibition.json", 1000);
    assert_int_equal(reload_next_deadline(&p, 1000), RELOAD_SETTLE_MS);
    assert_false(DUE(&p, 1499));
    assert_true(DUE(&p, 1500));
    assert_int_equal(reload_next_deadline(&p, 1700), 0);
    reload_free(&p);
}

/* git checkout, cp -r, rsync: a burst loads once, after its last change. */
static void a_burst_loads_once_at_its_end(void **state)
{
    (void)state;
    ReloadPolicy p;
    reload_init(&p);
    for (uint64_t t = 0; t <= 2000; t += 100)
        reload_note(&p, RELOAD_MOVED_IN, "/ex/a/images/x.jpg", t);
    assert_false(DUE(&p, 2499));
    assert_true(DUE(&p, 2500));
    reload_begin(&p);
    assert_int_equal(p.loads, 1);
    assert_false(DUE(&p, 9999)); /* loading: nothing more is due */
    reload_end(&p);
    assert_int_equal(reload_next_deadline(&p, 10000), RELOAD_NO_DEADLINE);
    reload_free(&p);
}

/* A file copied slowly: pauses longer than the settle time between pieces
 * never make it due; its close does, half a second later. */
static void a_file_being_written_holds_the_reload_until_it_is_closed(void **state)
{
    (void)state;
    ReloadPolicy p;
    reload_init(&p);
    const char *img = "/ex/new/images/big.jpg";
    reload_note(&p, RELOAD_CREATED, img, 0);
    reload_note(&p, RELOAD_WRITING, img, 0);
    assert_false(DUE(&p, 2000));
    reload_note(&p, RELOAD_WRITING, img, 2000);
    reload_note(&p, RELOAD_WRITTEN, "/ex/new/exhibition.json", 2500); /* another file, finished */
    assert_false(DUE(&p, 5000));
    assert_false(DUE(&p, 20000));
    reload_note(&p, RELOAD_WRITTEN, img, 20000);
    assert_int_equal(p.n_writing, 0);
    assert_false(DUE(&p, 20499));
    assert_true(DUE(&p, 20500));
    reload_free(&p);
}

/* A writer silent for RELOAD_STALL_MS is given up on. */
static void a_stalled_writer_is_given_up_on(void **state)
{
    (void)state;
    ReloadPolicy p;
    reload_init(&p);
    reload_note(&p, RELOAD_WRITING, "/ex/a/images/x.jpg", 1000);
    assert_false(DUE(&p, 1000 + RELOAD_STALL_MS - 1));
    assert_true(DUE(&p, 1000 + RELOAD_STALL_MS));
    reload_begin(&p);
    assert_int_equal(p.n_writing, 0); /* forgotten: its close will reload again */
    reload_end(&p);
    reload_note(&p, RELOAD_WRITTEN, "/ex/a/images/x.jpg", 40000);
    assert_true(DUE(&p, 40000 + RELOAD_SETTLE_MS));
    reload_free(&p);
}

/* Deleting (or moving away) a half-written file ends its writing. */
static void removing_a_file_ends_its_writing(void **state)
{
    (void)state;
    ReloadPolicy p;
    reload_init(&p);
    reload_note(&p, RELOAD_WRITING, "/ex/a/x.jpg", 0);
    reload_note(&p, RELOAD_WRITING, "/ex/a/x.jpg", 10); /* the same file: tracked once */
    assert_int_equal(p.n_writing, 1);
    reload_note(&p, RELOAD_REMOVED, "/ex/a/x.jpg", 100);
    assert_int_equal(p.n_writing, 0);
    assert_true(DUE(&p, 600));
    reload_free(&p);
}

/* rsync's, Syncthing's and editors' temporary files do not count: the
 * rename that puts the finished file in place does. */
static void temporary_files_do_not_count(void **state)
{
    (void)state;
    assert_false(reload_name_counts(".exhibition.json.Gx31kQ"));    /* rsync */
    assert_false(reload_name_counts(".syncthing.01.jpg.tmp"));      /* Syncthing */
    assert_false(reload_name_counts("exhibition.json~"));           /* editors' backups */
    assert_false(reload_name_counts(".exhibition.json.swp"));
    assert_false(reload_name_counts("01.jpg.part"));                /* downloads */
    assert_false(reload_name_counts(""));
    assert_true(reload_name_counts("exhibition.json"));
    assert_true(reload_name_counts("Портрет 01.JPG"));
    ReloadPolicy p;
    reload_init(&p);
    reload_note(&p, RELOAD_WRITING, "/ex/a/.exhibition.json.Gx31kQ", 0);
    reload_note(&p, RELOAD_WRITTEN, "/ex/a/images/.01.jpg.swp", 0);
    assert_int_equal(reload_next_deadline(&p, 0), RELOAD_NO_DEADLINE);
    reload_note(&p, RELOAD_MOVED_IN, "/ex/a/exhibition.json", 50);
    assert_true(DUE(&p, 550));
    reload_free(&p);
}

/* Changes that arrive while a load runs are not lost. */
static void changes_during_a_load_reload_again(void **state)
{
    (void)state;
    ReloadPolicy p;
    reload_init(&p);
    reload_note(&p, RELOAD_WRITTEN, "/ex/a/exhibition.json", 0);
    assert_true(DUE(&p, 500));
    reload_begin(&p);
    reload_note(&p, RELOAD_WRITTEN, "/ex/b/exhibition.json", 600);
    assert_false(DUE(&p, 5000)); /* not while loading */
    reload_end(&p);
    assert_true(DUE(&p, 5000)); /* settled long ago */
    reload_begin(&p);
    assert_int_equal(p.loads, 2);
    reload_end(&p);
    assert_false(DUE(&p, 99999));
    reload_free(&p);
}

/* More writers than can be tracked: then wait for the stall limit. */
static void too_many_writers_wait_for_the_stall_limit(void **state)
{
    (void)state;
    ReloadPolicy p;
    reload_init(&p);
    char path[64];
    for (int i = 0; i <= RELOAD_MAX_WRITING; i++) {
        snprintf(path, sizeof path, "/ex/a/images/%03d.jpg", i);
        reload_note(&p, RELOAD_WRITING, path, 0);
    }
    assert_true(p.overflow);
    for (int i = 0; i <= RELOAD_MAX_WRITING; i++) {
        snprintf(path, sizeof path, "/ex/a/images/%03d.jpg", i);
        reload_note(&p, RELOAD_WRITTEN, path, 100);
    }
    assert_false(DUE(&p, 100 + RELOAD_SETTLE_MS)); /* one may still be open: unknown */
    assert_true(DUE(&p, 100 + RELOAD_STALL_MS));
    reload_free(&p);
}

/* ---- the last good version ------------------------------------------------- */

/* An exhibition with one text slide whose text is `text`. */
static void write_exhibition(const char *root, const char *folder, const char *id, const char *text)
{
    char rel[256], json[512];
    snprintf(rel, sizeof rel, "%s/exhibition.json", folder);
    snprintf(json, sizeof json, "{\"id\": \"%s\", \"title\": \"%s\",\n \"slides\": [{\"text\": \"%s\"}]}\n",
             id, id, text);
    write_tree_file(root, rel, json);
}

static const char *text_of(const Library *lib, int i)
{
    return lib->items[i]->slides[0].text.items[0].text;
}

/* A broken edit keeps the last good version of that exhibition; the
 * others update; the order stays the folders' order. */
static void a_broken_edit_keeps_the_last_good_version(void **state)
{
    (void)state;
    char *root = make_tmpdir();
    write_exhibition(root, "a", "alpha", "Альфа 1");
    write_exhibition(root, "b", "beta", "Бета 1");
    write_exhibition(root, "c", "gamma", "Гамма 1");
    DiagList dl = {0};
    Library *old = library_load(root, &dl);
    assert_true(no_diags(&dl));
    assert_int_equal(old->n, 3);
    assert_int_equal(old->n_broken, 0);

    write_tree_file(root, "b/exhibition.json", "{\"id\": \"beta\",\n \"slides\": [}\n");
    write_exhibition(root, "c", "gamma", "Гамма 2");
    Library *fresh = library_load(root, &dl);
    assert_int_equal(fresh->n, 2);
    assert_int_equal(fresh->n_broken, 1);
    Exhibition *kept = old->items[1];
    assert_int_equal(library_keep_last_good(fresh, old, &dl), 1);
    assert_int_equal(fresh->n, 3);
    assert_string_equal(fresh->items[0]->id, "alpha");
    assert_ptr_equal(fresh->items[1], kept); /* the very version on screen */
    assert_string_equal(text_of(fresh, 1), "Бета 1");
    assert_string_equal(text_of(fresh, 2), "Гамма 2");
    assert_diag(&dl, "b/exhibition.json:2:13: error: ");
    assert_diag(&dl, "b/exhibition.json:0:0: warning: cannot be loaded (see above); the last good version "
                     "of \"beta\" stays on screen");
    /* old still reads as before (the show indexes it until the swap) */
    assert_int_equal(old->n, 3);
    assert_ptr_equal(old->items[1], kept);
    library_free_shared(old, fresh); /* frees alpha 1 and gamma 1, not beta */
    diag_clear(&dl);

    /* fixed: the new version replaces the kept one */
    write_exhibition(root, "b", "beta", "Бета 2");
    Library *fixed = library_load(root, &dl);
    assert_int_equal(library_keep_last_good(fixed, fresh, &dl), 0);
    assert_string_equal(text_of(fixed, 1), "Бета 2");
    library_free_shared(fresh, fixed);
    library_free(fixed);
    diag_clear(&dl);
    rm_rf(root);
    free(root);
}

/* Deleted is not broken: an exhibition whose folder (or manifest) is gone
 * is gone. An exhibition that was never good has nothing to keep. */
static void deleted_or_never_good_is_not_kept(void **state)
{
    (void)state;
    char *root = make_tmpdir();
    write_exhibition(root, "a", "alpha", "Альфа");
    write_exhibition(root, "b", "beta", "Бета");
    write_tree_file(root, "c/exhibition.json", "{ broken");
    DiagList dl = {0};
    Library *old = library_load(root, &dl);
    assert_int_equal(old->n, 2);
    assert_int_equal(old->n_broken, 1);
    char path[1024];
    snprintf(path, sizeof path, "%s/b/exhibition.json", root);
    assert_int_equal(unlink(path), 0);
    Library *fresh = library_load(root, &dl);
    assert_int_equal(library_keep_last_good(fresh, old, &dl), 0);
    assert_int_equal(fresh->n, 1);
    assert_string_equal(fresh->items[0]->id, "alpha");
    library_free_shared(old, fresh);
    library_free(fresh);
    diag_clear(&dl);
    rm_rf(root);
    free(root);
}

/* One exhibition folder (--preview DIR): its broken edit keeps it too. */
static void a_single_exhibition_folder_keeps_its_last_good_version(void **state)
{
    (void)state;
    char *root = make_tmpdir();
    write_exhibition(root, ".", "solo", "Бір");
    DiagList dl = {0};
    Library *old = library_load(root, &dl);
    assert_int_equal(old->n, 1);
    write_tree_file(root, "exhibition.json", "{\"id\": \"solo\", \"slides\": [");
    Library *fresh = library_load(root, &dl);
    assert_int_equal(fresh->n, 0);
    assert_int_equal(fresh->n_broken, 1);
    assert_string_equal(fresh->broken[0], root);
    assert_int_equal(library_keep_last_good(fresh, old, &dl), 1);
    assert_int_equal(fresh->n, 1);
    assert_string_equal(text_of(fresh, 0), "Бір");
    library_free_shared(old, fresh);
    library_free(fresh);
    diag_clear(&dl);
    rm_rf(root);
    free(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nothing_changed_nothing_due),
        cmocka_unit_test(a_written_file_settles_for_half_a_second),
        cmocka_unit_test(a_burst_loads_once_at_its_end),
        cmocka_unit_test(a_file_being_written_holds_the_reload_until_it_is_closed),
        cmocka_unit_test(a_stalled_writer_is_given_up_on),
        cmocka_unit_test(removing_a_file_ends_its_writing),
        cmocka_unit_test(temporary_files_do_not_count),
        cmocka_unit_test(changes_during_a_load_reload_again),
        cmocka_unit_test(too_many_writers_wait_for_the_stall_limit),
        cmocka_unit_test(a_broken_edit_keeps_the_last_good_version),
        cmocka_unit_test(deleted_or_never_good_is_not_kept),
        cmocka_unit_test(a_single_exhibition_folder_keeps_its_last_good_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
