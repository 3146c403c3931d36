/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_fsutil.c - the file helpers: paths, whole-file reads, atomic
 * writes, mkdir -p and folder listings. */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>

#include "diag_support.h"
#include "fsutil.h"

static void test_path_join(void **state)
{
    (void)state;
    char *p = fs_path_join("a", "b.json");
    assert_string_equal(p, "a/b.json");
    free(p);
    p = fs_path_join("a/", "b");
    assert_string_equal(p, "a/b");
    free(p);
    p = fs_path_join("", "b");
    assert_string_equal(p, "/b");
    free(p);
}

static void test_read_write(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    char *path = fs_path_join(dir, "deep/er/f.txt");
    char failed[256];
    assert_int_equal(fs_make_parents_err(path, failed, sizeof failed), 0);
    assert_int_equal(fs_write_atomic(path, "\xEF\xBB\xBF", "hello", 5, 0600), 0);
    char *buf;
    size_t len;
    long long size;
    assert_int_equal(fs_read_file(path, 100, &buf, &len, &size), 0);
    assert_int_equal(len, 8);
    assert_memory_equal(buf, "\xEF\xBB\xBFhello", 8);
    free(buf);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(fs_read_file(path, 7, &buf, &len, &size), EFBIG);
    assert_null(buf);
    assert_int_equal(size, 8);
    assert_int_equal(fs_read_file(dir, 7, &buf, &len, &size), EISDIR);
    char *none = fs_path_join(dir, "none");
    assert_int_equal(fs_read_file(none, 7, &buf, &len, &size), ENOENT);
    /* the first bytes of a file */
    int fd = open(path, O_RDONLY);
    char head[4];
    assert_int_equal(fs_read_up_to(fd, head, sizeof head), 4);
    close(fd);
    /* a file where a folder should be */
    char *blocked = fs_path_join(path, "x/y");
    assert_int_equal(fs_make_parents_err(blocked, failed, sizeof failed), ENOTDIR);
    assert_string_equal(failed, path);
    DiagList dl = {0};
    assert_false(fs_make_parents(blocked, &dl, "out.json"));
    assert_diag(&dl, "out.json:0:0: error: cannot create folder \"");
    diag_clear(&dl);
    free(blocked);
    free(none);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* The folder is synced after the rename; one that may be written but not
 * read (mode 0300) cannot be opened for that, and the write still succeeds:
 * the file is there. (Root opens any folder: there it checks only the write.) */
static void test_write_atomic_unreadable_folder(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    char *sub = fs_path_join(dir, "drop");
    char *path = fs_path_join(sub, "f.json");
    assert_int_equal(mkdir(sub, 0300), 0);
    assert_int_equal(fs_write_atomic(path, NULL, "{}\n", 3, 0644), 0);
    assert_int_equal(fs_sync_folder_of(path), 0);
    assert_int_equal(chmod(sub, 0700), 0);
    char *buf;
    size_t len;
    long long size;
    assert_int_equal(fs_read_file(path, 100, &buf, &len, &size), 0);
    assert_memory_equal(buf, "{}\n", 3);
    free(buf);
    assert_int_equal(fs_sync_folder_of("no-slash-here"), 0); /* the current folder */
    free(path);
    free(sub);
    rm_rf(dir);
    free(dir);
}

static void test_list(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    write_tree_file(dir, "b", "");
    write_tree_file(dir, ".hidden", "");
    write_tree_file(dir, "a", "");
    int n = 0;
    char **names = fs_list(dir, &n);
    assert_non_null(names);
    assert_int_equal(n, 3);
    assert_string_equal(names[0], ".hidden");
    assert_string_equal(names[1], "a");
    assert_string_equal(names[2], "b");
    fs_list_free(names, n);
    char *none = fs_path_join(dir, "none");
    assert_null(fs_list(none, &n));
    assert_int_equal(n, 0);
    free(none);
    rm_rf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path_join),
        cmocka_unit_test(test_read_write),
        cmocka_unit_test(test_write_atomic_unreadable_folder),
        cmocka_unit_test(test_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
