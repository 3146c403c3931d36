/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_power_cuts.c - museums switch kiosks off at the wall: every file
 * vitrine writes is cut at every byte of its last write and read back.
 *
 * Visitor statistics are appended: a day file cut inside its last line
 * keeps every earlier line, --report skips the half line with a warning at
 * file:line, and the next run appends on a line of its own. Settings
 * (--learn-keys) and lecture records are written atomically: a cut while
 * the temporary file is written leaves the old file whole, and what the
 * readers see is the old version or the new one, never a mix.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keymap.h"
#include "lecture_report.h"
#include "manifest.h"
#include "rehearsal.h"
#include "settings.h"
#include "stats_log.h"
#include "stats_report.h"

#include "diag_support.h"
#include "lang.h"

/* ---- files ------------------------------------------------------------------ */

static void write_bytes(const char *path, const char *bytes, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

/* The whole file, NUL-terminated; the caller frees it. */
static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (len + 4096 + 1 > cap) {
            cap = len + 4096 + 1;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        got = fread(buf + len, 1, 4096, f);
        len += got;
    } while (got > 0);
    fclose(f);
    buf[len] = '\0';
    return buf;
}

/* ---- visitor statistics: appended -------------------------------------------- */

#define DAY "2026-03-14"
#define T "{\"time\":\"" DAY "T10:00:"

/* One visit; the last line is the one the power cuts. Whether it was read
 * shows in captions_hidden. */
static const char *const VISIT[] = {
    T "00+05:00\",\"event\":\"visit_start\",\"language\":\"ru\"}",
    T "01+05:00\",\"event\":\"exhibition\",\"exhibition\":\"memory-alive\",\"slides\":7,"
      "\"language\":\"ru\"}",
    T "26+05:00\",\"event\":\"slide\",\"exhibition\":\"memory-alive\",\"slide\":1,"
      "\"language\":\"ru\",\"dwell_ms\":25000,\"ended\":\"visitor\"}",
    T "30+05:00\",\"event\":\"captions\",\"shown\":false}",
};
#define N_VISIT ((int)(sizeof VISIT / sizeof VISIT[0]))

/* The report of the state folder dir: the lines before the last are all
 * there; lines, skipped lines and hidden captions as given; each skipped
 * line warned about at day file:line `torn_line`. */
static void check_report(const char *dir, const char *day_file, int lines, int skipped,
                         int torn_line, int hidden)
{
    StatsReport r;
    DiagList d = {0};
    assert_true(stats_report_load(&r, dir, NULL, NULL, &d));
    assert_int_equal(r.files, 1);
    assert_int_equal(r.visits, 1);
    assert_int_equal(r.n_ex, 1);
    assert_string_equal(r.ex[0].id, "memory-alive");
    assert_true(r.ex[0].n_slide >= 1);
    assert_int_equal(r.ex[0].slide[0].views, 1);
    assert_int_equal(r.ex[0].slide[0].dwell_total, 25000);
    assert_int_equal(r.lines, lines);
    assert_int_equal(r.skipped, skipped);
    assert_int_equal(r.captions_hidden, hidden);
    assert_int_equal(d.n, skipped);
    for (int i = 0; i < d.n; i++) {
        assert_int_equal(d.items[i].level, DIAG_WARNING);
        assert_string_equal(d.items[i].file, day_file);
        assert_int_equal(d.items[i].line, torn_line);
    }
    diag_clear(&d);
    stats_report_free(&r);
}

static void test_stats_cut_at_every_byte(void **state)
{
    (void)state;
    char *dir = make_tmpdir(), stats[1024], path[1100];
    snprintf(stats, sizeof stats, "%s/" STATS_DIR, dir);
    snprintf(path, sizeof path, "%s/" DAY ".jsonl", stats);

    /* the day as the kiosk wrote it */
    StatsLog l;
    stats_log_init(&l, dir, 0, stderr);
    for (int i = 0; i < N_VISIT; i++)
        assert_true(stats_log_write(&l, DAY, VISIT[i], i == N_VISIT - 1));
    stats_log_close(&l);
    char *whole = read_all(path);
    size_t full = strlen(whole);
    size_t last = full - strlen(VISIT[N_VISIT - 1]) - 1; /* where the last line starts */
    assert_memory_equal(whole + last, VISIT[N_VISIT - 1], full - last - 1);

    for (size_t cut = last; cut <= full; cut++) {
        /* the power went after `cut` bytes reached the disk */
        write_bytes(path, whole, cut);
        bool torn = cut > last && cut < full;
        check_report(dir, path, N_VISIT - 1 + (cut > last), torn, N_VISIT, cut == full);

        /* the kiosk starts again the same day and writes one more line */
        char said[512] = "";
        FILE *log = tmpfile();
        assert_non_null(log);
        stats_log_init(&l, dir, 0, log);
        assert_true(stats_log_write(&l, DAY, VISIT[N_VISIT - 1], true));
        stats_log_close(&l);
        rewind(log);
        size_t n_said = fread(said, 1, sizeof said - 1, log);
        said[n_said] = '\0';
        fclose(log);
        /* said on the log only when there was half a line to step over */
        assert_int_equal(strstr(said, "half a line") != NULL, torn);

        char *text = read_all(path);
        assert_int_equal(strlen(text), cut + torn + full - last);
        assert_memory_equal(text, whole, cut);
        if (torn)
            assert_int_equal(text[cut], '\n');
        assert_string_equal(text + cut + torn, whole + last); /* its own line, whole */
        free(text);
        /* The new line is read; the half line before it is now an inner
         * line, still skipped with a warning; but one that lost nothing but
         * its newline has become whole and is read as well. */
        bool still_bad = cut > last && cut < full - 1;
        check_report(dir, path, N_VISIT + (cut > last), still_bad, N_VISIT,
                     1 + (cut >= full - 1));
    }
    free(whole);
    rm_rf(dir);
    free(dir);
}

/* A torn line that is the last of its file but not of the report: the next
 * day's file is read all the same. */
static void test_stats_cut_then_next_day(void **state)
{
    (void)state;
    char *dir = make_tmpdir(), path[1024], next[1024];
    snprintf(path, sizeof path, "%s/" DAY ".jsonl", dir);
    snprintf(next, sizeof next, "%s/2026-03-15.jsonl", dir);
    char text[1024] = "";
    for (int i = 0; i < N_VISIT; i++)
        strcat(strcat(text, VISIT[i]), "\n");
    write_bytes(path, text, strlen(text) - 10);
    const char *more = "{\"time\":\"2026-03-15T09:00:00+05:00\",\"event\":\"captions\","
                       "\"shown\":false}\n";
    write_bytes(next, more, strlen(more));
    StatsReport r;
    DiagList d = {0};
    assert_true(stats_report_load(&r, dir, NULL, NULL, &d));
    assert_int_equal(r.files, 2);
    assert_int_equal(r.skipped, 1);
    assert_int_equal(r.captions_hidden, 1);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].file, path);
    assert_int_equal(d.items[0].line, N_VISIT);
    assert_non_null(strstr(d.items[0].msg, "cut short"));
    diag_clear(&d);
    stats_report_free(&r);
    rm_rf(dir);
    free(dir);
}

/* Some file systems come back from a cut with the file at its new length
 * but zeros where the last bytes were never written: one torn line, skipped
 * with a warning, and the next run starts after it. */
static void test_stats_zeros_after_cut(void **state)
{
    (void)state;
    char *dir = make_tmpdir(), path[1100];
    snprintf(path, sizeof path, "%s/" STATS_DIR "/" DAY ".jsonl", dir);
    char text[1024] = "";
    for (int i = 0; i < N_VISIT - 1; i++)
        strcat(strcat(text, VISIT[i]), "\n");
    size_t len = strlen(text);
    memset(text + len, 0, 100);
    write_tree_bytes(dir, STATS_DIR "/" DAY ".jsonl", text, len + 100);
    check_report(dir, path, N_VISIT, 1, N_VISIT, 0);
    StatsLog l;
    stats_log_init(&l, dir, 0, NULL);
    assert_true(stats_log_write(&l, DAY, VISIT[N_VISIT - 1], true));
    stats_log_close(&l);
    /* the zeros stay an inner line with a NUL in it: still skipped */
    check_report(dir, path, N_VISIT + 1, 1, N_VISIT, 1);
    rm_rf(dir);
    free(dir);
}

/* ---- settings (--learn-keys): atomic ------------------------------------------ */

static const char OLD_SETTINGS[] = "{\n  \"languages\": [\"ru\", \"kk\"]\n}\n";

/* Loads path: its languages are always ru, kk; 'x' blacks the screen only
 * in the new version. */
static void check_settings(const char *path, bool new_keys)
{
    Settings s;
    settings_defaults(&s); /* settings_load loads over them */
    DiagList d = {0};
    assert_true(settings_load(&s, path, false, &d));
    assert_int_equal(d.n, 0);
    assert_int_equal(s.n_langs, 2);
    assert_string_equal(s.langs[0], "ru");
    assert_string_equal(s.langs[1], "kk");
    assert_int_equal(keymap_lookup(&s.keys, KC_LECTURE, 'x', 0) == ACT_BLACK, new_keys);
    settings_free(&s);
    diag_clear(&d);
}

static void test_settings_cut_at_every_byte(void **state)
{
    (void)state;
    char *dir = make_tmpdir(), path[1024], tmp[1100];
    snprintf(path, sizeof path, "%s/settings.json", dir);
    /* what the temporary file of fs_write_atomic is called (fsutil.c) */
    snprintf(tmp, sizeof tmp, "%s/.settings.json.tmp-Cut123", dir);
    KeyMap km;
    assert_true(keymap_init_default(&km));
    assert_true(keymap_bind(&km, ACT_BLACK, KC_LECTURE, 'x', 0));

    /* the new version, as --learn-keys writes it over the old one */
    DiagList d = {0};
    write_bytes(path, OLD_SETTINGS, strlen(OLD_SETTINGS));
    assert_true(settings_save_keys(path, &km, &d));
    assert_int_equal(d.n, 0);
    char *new_text = read_all(path);
    check_settings(path, true);
    size_t len = strlen(new_text);

    for (size_t cut = 0; cut <= len; cut++) {
        /* the power went while the temporary file was written, or before
         * the rename: the old file is there, whole */
        write_bytes(path, OLD_SETTINGS, strlen(OLD_SETTINGS));
        write_bytes(tmp, new_text, cut);
        check_settings(path, false);
        /* --learn-keys again after the restart: the new version, whole */
        assert_true(settings_save_keys(path, &km, &d));
        assert_int_equal(d.n, 0);
        char *text = read_all(path);
        assert_string_equal(text, new_text);
        free(text);
        check_settings(path, true);
        unlink(tmp);
    }
    free(new_text);
    keymap_free(&km);
    rm_rf(dir);
    free(dir);
}

/* ---- lecture records: atomic ------------------------------------------------- */

static void test_lecture_record_cut_at_every_byte(void **state)
{
    (void)state;
    char *dir = make_tmpdir(), older[1024], newer[1024], tmp[1100], latest[1024];
    rehearsal_file_name(dir, "2026-11-24T19-00-00", "demo", older, sizeof older);
    rehearsal_file_name(dir, "2026-11-25T19-00-00", "demo", newer, sizeof newer);
    const char *base = strrchr(newer, '/') + 1;
    snprintf(tmp, sizeof tmp, "%.*s.%s.tmp-Cut123", (int)(base - newer), newer, base);

    char id[] = "demo", manifest[] = "/nonexistent/demo/exhibition.json";
    Exhibition ex = {.id = id, .manifest_path = manifest};
    Slide slides[3] = {{.lecture_s = 60}, {.lecture_s = 0}, {.lecture_s = 120}};
    ex.slides = slides;
    ex.n_slides = 3;
    Rehearsal r, back;
    DiagList d = {0};
    assert_true(rehearsal_begin(&r, &ex, 45 * 60000, "2026-11-24T19:00:00"));
    rehearsal_update(&r, 0, true, 0);
    rehearsal_update(&r, 1, true, 65000);
    rehearsal_update(&r, 2, false, 90000);
    assert_true(rehearsal_write(&r, older, &d));
    assert_true(rehearsal_write(&r, newer, &d));
    assert_int_equal(d.n, 0);
    char *old_text = read_all(older);
    char *new_text = read_all(newer);
    assert_string_equal(old_text, new_text);
    unlink(newer);

    size_t len = strlen(new_text);
    for (size_t cut = 0; cut <= len; cut++) {
        /* the power went while the newer record's temporary file was
         * written: the latest record is the older one, and it reads whole */
        write_bytes(tmp, new_text, cut);
        assert_int_equal(lecture_report_latest(dir, latest, sizeof latest), 0);
        assert_string_equal(latest, older);
        assert_true(rehearsal_read(&back, latest, &d));
        assert_int_equal(d.n, 0);
        assert_int_equal(back.n, 3);
        assert_int_equal(back.slides[0].spent_ms, 65000);
        assert_int_equal(back.slides[1].spent_ms, 25000);
        rehearsal_free(&back);
        unlink(tmp);
    }
    /* the record written after the restart is the latest, whole */
    assert_true(rehearsal_write(&r, newer, &d));
    assert_int_equal(lecture_report_latest(dir, latest, sizeof latest), 0);
    assert_string_equal(latest, newer);
    char *text = read_all(newer);
    assert_string_equal(text, new_text);
    free(text);

    rehearsal_free(&r);
    free(old_text);
    free(new_text);
    rm_rf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stats_cut_at_every_byte),
        cmocka_unit_test(test_stats_cut_then_next_day),
        cmocka_unit_test(test_stats_zeros_after_cut),
        cmocka_unit_test(test_settings_cut_at_every_byte),
        cmocka_unit_test(test_lecture_record_cut_at_every_byte),
    };
    lang_load_dir(PO_DIR, NULL); /* vitrine's own kk and ru words, as read at start */
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    lang_unload();
    return failed;
}
