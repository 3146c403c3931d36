/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_fuzz_regressions.c - inputs that once crashed a fuzz target (fuzz/),
 * fed to the same core function in the ordinary suite (and under ASan in
 * `./quickstart test`).
 *
 * Every file in tests/fixtures/fuzz/TARGET/ is one input, exactly as the
 * fuzzer saw it; adding a regression is copying the file there (see
 * fuzz/README.md). fuzz/run.sh replays the same folders through the fuzz
 * targets before fuzzing.
 *
 *   fuzz_manifest/   manifest_load_buffer()
 *   fuzz_replay/     replay_parse()
 *   fuzz_settings/   settings_load()
 *   fuzz_rehearsal/  rehearsal_read() and rehearsal_report()
 *   fuzz_image/      decoded by src/platform/decode.c, which the unit tests
 *                    do not link (no SDL here): here each goes through the
 *                    core half of the ingest path instead, the manifest's
 *                    check of an image (sniffing the first bytes), from an
 *                    exhibition folder made for it, and imagehead_parse()
 *   fuzz_imagehead/  imagehead_parse(), whole and as a file's beginning
 */
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

#include "diag.h"
#include "imagehead.h"
#include "manifest.h"
#include "rehearsal.h"
#include "replay.h"
#include "settings.h"

#define FUZZ_FIXTURES FIXTURES "/fuzz"

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular files in FUZZ_FIXTURES/target, sorted, as full paths; NULL
 * terminated. An absent folder is an empty list. */
static char **inputs(const char *target)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", FUZZ_FIXTURES, target);
    char **list = calloc(1, sizeof *list);
    assert_non_null(list);
    size_t n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return list;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *path = malloc(strlen(dir) + strlen(e->d_name) + 2);
        assert_non_null(path);
        sprintf(path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(path);
            continue;
        }
        list = realloc(list, (n + 2) * sizeof *list);
        assert_non_null(list);
        list[n++] = path;
        list[n] = NULL;
    }
    closedir(d);
    qsort(list, n, sizeof *list, cmp_names);
    return list;
}

static void free_inputs(char **list)
{
    for (char **p = list; *p; p++)
        free(*p);
    free(list);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            buf = realloc(buf, cap + 1);
            assert_non_null(buf);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* diag_print must cope with whatever the input put into the messages */
static void print_and_clear(DiagList *d)
{
    FILE *null = fopen("/dev/null", "w");
    assert_non_null(null);
    diag_print(d, null);
    fclose(null);
    diag_clear(d);
}

static void test_manifest_inputs(void **state)
{
    (void)state;
    char **list = inputs("fuzz_manifest");
    for (char **p = list; *p; p++) {
        size_t len;
        char *buf = slurp(*p, &len);
        DiagList d = {0};
        Exhibition *ex = manifest_load_buffer(FIXTURES "/manifests/good", *p, buf, len, &d);
        if (ex) {
            assert_true(ex->n_slides >= 1);
            assert_true(ex->n_languages >= 1);
            for (int i = 0; i < ex->n_slides; i++)
                (void)loc_get(&ex->slides[i].title, "kk", ex);
            manifest_free(ex);
        }
        print_and_clear(&d);
        free(buf);
    }
    free_inputs(list);
}

static void test_replay_inputs(void **state)
{
    (void)state;
    char **list = inputs("fuzz_replay");
    for (char **p = list; *p; p++) {
        size_t len;
        char *text = slurp(*p, &len);
        ReplayScript s;
        DiagList d = {0};
        if (replay_parse(text, *p, &s, &d)) {
            for (int i = 0; i < s.n; i++)
                assert_in_range(s.cmds[i].n_num, 0, REPLAY_MAX_NUMS);
            replay_free(&s);
        } else {
            assert_null(s.cmds);
            assert_int_equal(s.n, 0);
        }
        print_and_clear(&d);
        free(text);
    }
    free_inputs(list);
}

static void test_settings_inputs(void **state)
{
    (void)state;
    char **list = inputs("fuzz_settings");
    for (char **p = list; *p; p++) {
        Settings s;
        settings_defaults(&s);
        DiagList d = {0};
        settings_load(&s, *p, false, &d);
        assert_in_range(s.n_langs, 0, SETTINGS_MAX_LANGS);
        settings_free(&s);
        print_and_clear(&d);
    }
    free_inputs(list);
}

static void test_rehearsal_inputs(void **state)
{
    (void)state;
    char **list = inputs("fuzz_rehearsal");
    for (char **p = list; *p; p++) {
        Rehearsal r;
        DiagList d = {0};
        if (rehearsal_read(&r, *p, &d)) {
            FILE *null = fopen("/dev/null", "w");
            assert_non_null(null);
            rehearsal_report(&r, null);
            fclose(null);
        }
        rehearsal_free(&r);
        print_and_clear(&d);
    }
    free_inputs(list);
}

/* Each image input, as the one slide of an exhibition made for it. */
static void test_image_inputs_in_a_manifest(void **state)
{
    (void)state;
    char tmpl[] = "/tmp/vitrine-fuzz-regress-XXXXXX";
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    char **list = inputs("fuzz_image");
    for (char **p = list; *p; p++) {
        const char *base = strrchr(*p, '/') + 1;
        char img[8192];
        snprintf(img, sizeof img, "%s/%s", dir, base);
        size_t len;
        char *bytes = slurp(*p, &len);
        FILE *f = fopen(img, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(bytes, 1, len, f), len);
        fclose(f);
        char json[1024];
        snprintf(json, sizeof json, "{\"slides\": [{\"image\": \"%s\"}, {\"text\": \"x\"}]}", base);
        DiagList d = {0};
        Exhibition *ex = manifest_load_buffer(dir, NULL, json, strlen(json), &d);
        assert_non_null(ex); /* one bad image is a placeholder, not a lost exhibition */
        assert_int_equal(ex->n_slides, 2);
        if (ex->slides[0].image_ok)
            assert_int_not_equal(ex->slides[0].image_format, IMG_FMT_UNKNOWN);
        manifest_free(ex);
        print_and_clear(&d);
        free(bytes);
        unlink(img);
    }
    free_inputs(list);
    rmdir(dir);
}

/* What imagehead.h promises, for the inputs of both image targets. */
static void parse_image_inputs(const char *target)
{
    char **list = inputs(target);
    for (char **p = list; *p; p++) {
        size_t len;
        char *bytes = slurp(*p, &len);
        for (int whole = 0; whole < 2; whole++) {
            ImageHead h;
            char err[256] = "x";
            ImageHeadResult r = imagehead_parse((const uint8_t *)bytes, len, whole, &h, err,
                                                sizeof err);
            assert_in_range(h.orientation, 1, 8);
            if (r == IMAGEHEAD_REFUSED)
                assert_true(err[0] != '\0');
            if (whole)
                assert_int_not_equal(r, IMAGEHEAD_MORE);
            if (r == IMAGEHEAD_OK && whole && h.format == IMG_FMT_JPEG)
                assert_in_range(h.scans, 1, IMAGE_MAX_SCANS);
            /* a frame header and then the end: libjpeg has no image to give */
            if (strstr(*p, "no-scan") && whole)
                assert_int_equal(r, IMAGEHEAD_REFUSED);
        }
        free(bytes);
    }
    free_inputs(list);
}

static void test_image_header_inputs(void **state)
{
    (void)state;
    parse_image_inputs("fuzz_image");
    parse_image_inputs("fuzz_imagehead");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_manifest_inputs),
        cmocka_unit_test(test_replay_inputs),
        cmocka_unit_test(test_settings_inputs),
        cmocka_unit_test(test_rehearsal_inputs),
        cmocka_unit_test(test_image_inputs_in_a_manifest),
        cmocka_unit_test(test_image_header_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
