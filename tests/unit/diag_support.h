/* SPDX-License-Identifier: GPL-3.0-or-later */
/* diag_support.h - helpers shared by the manifest and library tests:
 * diagnostics as text with readable failure output, and temporary folders.
 * Functions are static inline so a test that uses only some of them still
 * builds with -Werror. Include after <cmocka.h>. */
#ifndef VITRINE_TEST_DIAG_SUPPORT_H
#define VITRINE_TEST_DIAG_SUPPORT_H

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

/* All diagnostics as --check prints them. Caller frees. */
static inline char *diag_text(const DiagList *dl)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    diag_print(dl, f);
    fclose(f);
    return text;
}

/* cmocka cuts long messages: print one diagnostic at a time */
static inline void print_diags(const DiagList *dl)
{
    for (int i = 0; i < dl->n; i++)
        print_error("  %s:%d:%d: %s: %s\n", dl->items[i].file, dl->items[i].line,
                    dl->items[i].col, dl->items[i].level == DIAG_ERROR ? "error" : "warning",
                    dl->items[i].msg);
}

static inline bool has_diag(const DiagList *dl, const char *needle)
{
    char *text = diag_text(dl);
    bool found = strstr(text, needle) != NULL;
    if (!found) {
        print_error("expected a diagnostic containing\n  %s\nbut got:\n", needle);
        print_diags(dl);
    }
    free(text);
    return found;
}
#define assert_diag(dl, needle) assert_true(has_diag(dl, needle))

static inline bool lacks_diag(const DiagList *dl, const char *needle)
{
    char *text = diag_text(dl);
    bool found = strstr(text, needle) != NULL;
    if (found) {
        print_error("did not expect a diagnostic containing\n  %s\nbut got:\n", needle);
        print_diags(dl);
    }
    free(text);
    return !found;
}
#define assert_no_diag(dl, needle) assert_true(lacks_diag(dl, needle))

static inline bool no_diags(const DiagList *dl)
{
    if (dl->n == 0)
        return true;
    print_error("expected no diagnostics, got:\n");
    print_diags(dl);
    return false;
}

static inline char *make_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char tmpl[512];
    snprintf(tmpl, sizeof tmpl, "%s/vitrine-test-XXXXXX", base && *base ? base : "/tmp");
    char *d = mkdtemp(tmpl);
    assert_non_null(d);
    return strdup(d);
}

/* root/rel holds len bytes of data, with the folders on the way made as
 * needed. */
static inline void write_tree_bytes(const char *root, const char *rel, const void *data, size_t len)
{
    char path[1024];
    int n = snprintf(path, sizeof path, "%s/%s", root, rel);
    assert_true(n > 0 && (size_t)n < sizeof path);
    for (char *p = path + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0755);
            *p = '/';
        }
    }
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static inline void write_tree_file(const char *root, const char *rel, const char *text)
{
    write_tree_bytes(root, rel, text, strlen(text));
}

static inline void rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            size_t need = strlen(path) + strlen(e->d_name) + 2;
            char *sub = malloc(need);
            if (!sub)
                continue;
            snprintf(sub, need, "%s/%s", path, e->d_name);
            rm_rf(sub);
            free(sub);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

#endif
