/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_rehearsal.c - the record of a lecture run: recording on a clock
 * passed in, the JSON file, the report, suggested budgets, and the
 * --lecture-report entry point. */
#define _XOPEN_SOURCE 700 /* mkdtemp(), open_memstream() */

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
#include <sys/stat.h>
#include <unistd.h>

#include "lecture_report.h"
#include "manifest.h"
#include "rehearsal.h"
#include "diag_support.h"

#define LECTURES FIXTURES "/lectures"

/* ---- Helpers ------------------------------------------------------------ */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    fclose(f);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        print_error("cannot open %s\n", path);
        fail();
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static char *path_in(const char *dir, const char *rel)
{
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *p = malloc(n);
    assert_non_null(p);
    snprintf(p, n, "%s/%s", dir, rel);
    return p;
}

/* A record made by hand: n slides with these budgets (seconds). */
static void make_record(Rehearsal *r, int n, const int *budgets)
{
    memset(r, 0, sizeof *r);
    r->exhibition = strdup("demo");
    r->manifest_path = strdup("/nonexistent/demo/exhibition.json");
    snprintf(r->started, sizeof r->started, "2026-11-25T19:03:00");
    r->slides = calloc((size_t)n, sizeof *r->slides);
    assert_non_null(r->slides);
    r->n = n;
    for (int i = 0; i < n; i++)
        r->slides[i].budget_s = budgets ? budgets[i] : 0;
    r->current = -1;
}

static void set_spent(Rehearsal *r, int i, int64_t ms, int visits)
{
    r->slides[i].spent_ms = ms;
    r->slides[i].visits = visits;
    r->total_ms = 0;
    for (int k = 0; k < r->n; k++)
        r->total_ms += r->slides[k].spent_ms;
}

static char *report_text(const Rehearsal *r)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    rehearsal_report(r, f);
    fclose(f);
    return text;
}

static void assert_text_equal(const char *got, const char *want)
{
    if (strcmp(got, want) != 0) {
        /* not print_error(): cmocka cuts long messages */
        fprintf(stderr, "expected:\n%s\ngot:\n%s\n", want, got);
        fail();
    }
}

/* An exhibition with n slides and these budgets, not from a file. */
static Exhibition *exhibition_with(int n, const int *budgets)
{
    Exhibition *ex = calloc(1, sizeof *ex);
    assert_non_null(ex);
    ex->id = strdup("demo");
    ex->dir = strdup("/nonexistent/demo");
    ex->manifest_path = strdup("/nonexistent/demo/exhibition.json");
    ex->slides = calloc((size_t)n, sizeof *ex->slides);
    ex->n_slides = n;
    for (int i = 0; i < n; i++)
        ex->slides[i].lecture_s = budgets ? budgets[i] : 0;
    return ex;
}

static void exhibition_free(Exhibition *ex)
{
    free(ex->id);
    free(ex->dir);
    free(ex->manifest_path);
    free(ex->slides);
    free(ex);
}

/* ---- Recording ---------------------------------------------------------- */

static void test_begin_takes_budgets(void **state)
{
    (void)state;
    DiagList dl = {0};
    Exhibition *ex = manifest_load(EXHIBITIONS "/karlag-artists", &dl);
    assert_non_null(ex);
    Rehearsal r;
    assert_true(rehearsal_begin(&r, ex, 45 * 60000, "2026-11-25T19:03:00"));
    assert_string_equal(r.exhibition, "karlag-artists");
    assert_int_equal(r.n, ex->n_slides);
    assert_int_equal(r.n, 9);
    static const int want[9] = {120, 240, 300, 300, 420, 300, 360, 300, 360};
    for (int i = 0; i < 9; i++) {
        assert_int_equal(r.slides[i].budget_s, want[i]);
        assert_int_equal(r.slides[i].visits, 0);
        assert_int_equal(r.slides[i].spent_ms, 0);
    }
    assert_int_equal(r.planned_ms, 45 * 60000);
    assert_string_equal(r.started, "2026-11-25T19:03:00");
    assert_int_equal(r.current, -1);
    assert_false(r.counting);
    /* kept absolute, so the report works from any folder */
    assert_non_null(r.manifest_path);
    assert_true(r.manifest_path[0] == '/');
    assert_non_null(strstr(r.manifest_path, "karlag-artists/exhibition.json"));
    rehearsal_free(&r);
    rehearsal_free(&r); /* twice is safe */
    rehearsal_free(NULL);
    manifest_free(ex);
    diag_clear(&dl);
}

static void test_accrues_only_while_running(void **state)
{
    (void)state;
    Exhibition *ex = exhibition_with(3, NULL);
    Rehearsal r;
    assert_true(rehearsal_begin(&r, ex, 0, "2026-11-25T19:03:00"));
    rehearsal_update(&r, 0, false, 1000);    /* on screen, timer stopped */
    rehearsal_update(&r, 0, false, 61000);   /* a minute of chatting before the start */
    assert_int_equal(r.slides[0].spent_ms, 0);
    assert_int_equal(r.slides[0].visits, 1);
    assert_false(r.counting);
    rehearsal_update(&r, 0, true, 61000);    /* F5 */
    assert_true(r.counting);
    rehearsal_update(&r, 0, true, 71000);    /* a tick: same values again */
    rehearsal_update(&r, 0, true, 71000);    /* and again at the same time */
    rehearsal_update(&r, 0, true, 91000);
    assert_int_equal(r.slides[0].spent_ms, 30000);
    assert_int_equal(r.slides[0].visits, 1); /* ticks are not arrivals */
    rehearsal_update(&r, 0, false, 95000);   /* paused */
    rehearsal_update(&r, 0, false, 200000);
    assert_int_equal(r.slides[0].spent_ms, 34000);
    rehearsal_update(&r, 0, true, 200000);
    rehearsal_update(&r, 0, true, 201500);
    assert_int_equal(r.slides[0].spent_ms, 35500);
    assert_int_equal(r.total_ms, 35500);
    assert_int_equal(r.slides[1].spent_ms, 0);
    /* a clock that steps back charges nothing */
    rehearsal_update(&r, 0, true, 100000);
    assert_int_equal(r.slides[0].spent_ms, 35500);
    rehearsal_free(&r);
    exhibition_free(ex);
}

static void test_pause_across_slide_changes(void **state)
{
    (void)state;
    Exhibition *ex = exhibition_with(3, NULL);
    Rehearsal r;
    assert_true(rehearsal_begin(&r, ex, 0, "2026-11-25T19:03:00"));
    rehearsal_update(&r, 0, true, 0);
    rehearsal_update(&r, 0, true, 10000);
    rehearsal_update(&r, 0, false, 10000);   /* paused on slide 1 */
    rehearsal_update(&r, 1, false, 15000);   /* paging while paused */
    rehearsal_update(&r, 2, false, 20000);
    rehearsal_update(&r, 1, false, 25000);
    rehearsal_update(&r, 1, true, 40000);    /* resumed on slide 2 */
    rehearsal_update(&r, 2, true, 52000);    /* next, timer running */
    rehearsal_update(&r, 2, true, 60000);
    assert_int_equal(r.slides[0].spent_ms, 10000);
    assert_int_equal(r.slides[1].spent_ms, 12000);
    assert_int_equal(r.slides[2].spent_ms, 8000);
    assert_int_equal(r.total_ms, 30000);
    /* arrivals count whether or not the timer runs */
    assert_int_equal(r.slides[0].visits, 1);
    assert_int_equal(r.slides[1].visits, 2);
    assert_int_equal(r.slides[2].visits, 2);
    rehearsal_free(&r);
    exhibition_free(ex);
}

static void test_revisits_and_nothing_on_screen(void **state)
{
    (void)state;
    Exhibition *ex = exhibition_with(2, NULL);
    Rehearsal r;
    assert_true(rehearsal_begin(&r, ex, 0, "2026-11-25T19:03:00"));
    rehearsal_update(&r, 0, true, 0);
    rehearsal_update(&r, 1, true, 5000);
    rehearsal_update(&r, 0, true, 9000);     /* back to slide 1 */
    rehearsal_update(&r, 1, true, 12000);
    rehearsal_update(&r, -1, true, 20000);   /* no slide on screen: not charged */
    assert_false(r.counting);
    assert_int_equal(r.current, -1);
    rehearsal_update(&r, -1, true, 90000);
    rehearsal_update(&r, 7, true, 95000);    /* out of range counts as none */
    assert_int_equal(r.current, -1);
    rehearsal_update(&r, 1, true, 100000);
    rehearsal_update(&r, 1, true, 101000);
    assert_int_equal(r.slides[0].spent_ms, 5000 + 3000);
    assert_int_equal(r.slides[1].spent_ms, 4000 + 8000 + 1000);
    assert_int_equal(r.slides[0].visits, 2);
    assert_int_equal(r.slides[1].visits, 3);
    assert_int_equal(r.total_ms, 21000);
    rehearsal_free(&r);
    exhibition_free(ex);
}

/* ---- The file ----------------------------------------------------------- */

static void test_write_read_round_trip(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    char *a = path_in(dir, "state/vitrine/lectures/20261125-190300-demo.json");
    char *b = path_in(dir, "again.json");
    static const int budgets[3] = {90, 0, 120};
    Rehearsal r;
    make_record(&r, 3, budgets);
    r.planned_ms = 5 * 60000;
    set_spent(&r, 0, 93456, 2);
    set_spent(&r, 2, 130001, 1);
    DiagList dl = {0};
    assert_true(rehearsal_write(&r, a, &dl)); /* makes the missing folders */
    assert_true(no_diags(&dl));

    Rehearsal back;
    assert_true(rehearsal_read(&back, a, &dl));
    assert_true(no_diags(&dl));
    assert_string_equal(back.exhibition, "demo");
    assert_string_equal(back.manifest_path, "/nonexistent/demo/exhibition.json");
    assert_string_equal(back.started, "2026-11-25T19:03:00");
    assert_int_equal(back.planned_ms, 300000);
    assert_int_equal(back.total_ms, 93456 + 130001);
    assert_int_equal(back.n, 3);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(back.slides[i].spent_ms, r.slides[i].spent_ms);
        assert_int_equal(back.slides[i].budget_s, r.slides[i].budget_s);
        assert_int_equal(back.slides[i].visits, r.slides[i].visits);
    }
    assert_int_equal(back.current, -1);
    assert_false(back.counting);
    assert_true(rehearsal_write(&back, b, &dl));
    char *ta = slurp(a), *tb = slurp(b);
    assert_string_equal(ta, tb);
    /* the documented shape, in order */
    assert_non_null(strstr(ta, "{\n  \"exhibition\": \"demo\",\n  \"manifest\": "));
    assert_non_null(strstr(ta, "\"slides\": [\n    {\n      \"slide\": 1,\n      \"spent_ms\": 93456,\n"
                               "      \"budget_s\": 90,\n      \"visits\": 2\n    },"));
    assert_true(ta[strlen(ta) - 1] == '\n');
    free(ta);
    free(tb);

    /* overwriting keeps one file and leaves no temporary behind */
    r.slides[1].visits = 1;
    assert_true(rehearsal_write(&r, b, &dl));
    char *lectures = path_in(dir, "state/vitrine/lectures");
    char latest[1024];
    char *state_dir = path_in(dir, "state/vitrine");
    assert_int_equal(lecture_report_latest(state_dir, latest, sizeof latest), 0);
    assert_string_equal(latest, a);
    int entries = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        entries += e->d_name[0] != '.';
    closedir(d);
    assert_int_equal(entries, 2); /* state/ and again.json */

    diag_clear(&dl);
    rehearsal_free(&r);
    rehearsal_free(&back);
    free(lectures);
    free(state_dir);
    free(a);
    free(b);
    rm_rf(dir);
    free(dir);
}

static void test_write_fails_cleanly(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    char *blocker = path_in(dir, "file");
    write_file(blocker, "x");
    char *bad = path_in(dir, "file/lectures/x.json"); /* a file where a folder must be */
    Rehearsal r;
    make_record(&r, 1, NULL);
    DiagList dl = {0};
    assert_false(rehearsal_write(&r, bad, &dl));
    assert_diag(&dl, "cannot create folder");
    diag_clear(&dl);
    rehearsal_free(&r);
    free(blocker);
    free(bad);
    rm_rf(dir);
    free(dir);
}

/* Reads text as a record; returns the diagnostics as text. */
static char *read_problems(const char *text, bool *ok)
{
    char *dir = make_tmpdir();
    char *path = path_in(dir, "rec.json");
    write_file(path, text);
    DiagList dl = {0};
    Rehearsal r;
    *ok = rehearsal_read(&r, path, &dl);
    if (!*ok) {
        assert_null(r.slides);
        assert_null(r.exhibition);
    }
    rehearsal_free(&r);
    /* the temp folder's name varies: keep "rec.json:..." */
    char *all = diag_text(&dl);
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    for (char *line = strtok(all, "\n"); line; line = strtok(NULL, "\n")) {
        char *base = strstr(line, "rec.json");
        fprintf(f, "%s\n", base ? base : line);
    }
    fclose(f);
    free(all);
    diag_clear(&dl);
    free(path);
    rm_rf(dir);
    free(dir);
    return out;
}

static const char good_record[] =
    "{\n"
    "  \"exhibition\": \"demo\",\n"
    "  \"manifest\": \"/x/exhibition.json\",\n"
    "  \"started\": \"2026-11-25T19:03:00\",\n"
    "  \"planned_ms\": 60000,\n"
    "  \"total_ms\": 5000,\n"
    "  \"slides\": [\n"
    "    {\"slide\": 1, \"spent_ms\": 5000, \"budget_s\": 30, \"visits\": 1},\n"
    "    {\"slide\": 2, \"spent_ms\": 0, \"budget_s\": 30, \"visits\": 0}\n"
    "  ]\n"
    "}\n";

static void test_read_good_with_bom(void **state)
{
    (void)state;
    char text[sizeof good_record + 3] = "\xEF\xBB\xBF";
    strcat(text, good_record);
    bool ok;
    char *p = read_problems(text, &ok);
    assert_true(ok);
    assert_string_equal(p, "");
    free(p);
}

static void test_read_errors_have_positions(void **state)
{
    (void)state;
    bool ok;
    /* wrong types, a missing field, an unknown key, a bad number */
    char *p = read_problems(
        "{\n"
        "  \"exhibition\": 7,\n"
        "  \"started\": \"yesterday\",\n"
        "  \"planned_ms\": -1,\n"
        "  \"total_ms\": 5000,\n"
        "  \"extra\": true,\n"
        "  \"slides\": [\n"
        "    {\"slide\": 1, \"spent_ms\": \"5s\", \"budget_s\": 30, \"visits\": 1},\n"
        "    {\"slide\": 3, \"spent_ms\": 0, \"budget_s\": 30.5},\n"
        "    []\n"
        "  ]\n"
        "}\n",
        &ok);
    assert_false(ok);
    assert_text_equal(p,
                      "rec.json:1:1: error: missing \"manifest\"\n"
                      "rec.json:2:17: error: \"exhibition\" must be a string, not a whole number\n"
                      "rec.json:3:14: error: \"started\" must be a local time like \"2026-11-25T19:03:00\"\n"
                      "rec.json:4:17: error: \"planned_ms\" must be between 0 and 31622400000, not -1\n"
                      "rec.json:6:3: warning: unknown key \"extra\" is ignored\n"
                      "rec.json:8:30: error: \"spent_ms\" in slide 1 must be a whole number, not a string\n"
                      "rec.json:9:5: error: missing \"visits\" in slide 2\n"
                      "rec.json:9:15: error: \"slide\" is 3 but this is entry 2; slides are listed in order\n"
                      "rec.json:9:45: error: \"budget_s\" in slide 2 must be a whole number, not a number with a fraction\n"
                      "rec.json:10:5: error: slide 3 must be an object, not an array\n");
    free(p);

    /* jansson's syntax error, where it is */
    p = read_problems("{\n  \"exhibition\": \"demo\"\n  \"manifest\": null\n}\n", &ok);
    assert_false(ok);
    assert_text_equal(p, "rec.json:3:12: error: '}' expected near '\"manifest\"'\n");
    free(p);

    /* total that does not add up, time on a slide never shown, a duplicate */
    p = read_problems(
        "{\"exhibition\": \"demo\", \"manifest\": null, \"started\": \"2026-11-25T19:03:00\",\n"
        " \"planned_ms\": 0, \"total_ms\": 9000, \"planned_ms\": 0,\n"
        " \"slides\": [{\"slide\": 1, \"spent_ms\": 5000, \"budget_s\": 0, \"visits\": 0}]}\n",
        &ok);
    assert_false(ok);
    assert_text_equal(p,
                      "rec.json:2:37: error: duplicate key \"planned_ms\" (first at line 2, column 2)\n"
                      "rec.json:3:38: error: slide 1 has time spent but \"visits\" is 0\n");
    free(p);
    p = read_problems(
        "{\"exhibition\": \"demo\", \"manifest\": null, \"started\": \"2026-11-25T19:03:00\",\n"
        " \"planned_ms\": 0, \"total_ms\": 9000,\n"
        " \"slides\": [{\"slide\": 1, \"spent_ms\": 5000, \"budget_s\": 0, \"visits\": 1}]}\n",
        &ok);
    assert_false(ok);
    assert_text_equal(p, "rec.json:2:31: error: \"total_ms\" is 9000 but the slides' \"spent_ms\" add up to 5000\n");
    free(p);

    p = read_problems("[1, 2]\n", &ok);
    assert_false(ok);
    assert_text_equal(p, "rec.json:1:1: error: a lecture record is one object ({...}), not an array\n");
    free(p);
    p = read_problems("{\"exhibition\": \"demo\", \"manifest\": null, \"started\": \"2026-11-25T19:03:00\","
                      " \"planned_ms\": 0, \"total_ms\": 0, \"slides\": []}",
                      &ok);
    assert_false(ok);
    assert_text_equal(p, "rec.json:1:118: error: \"slides\" must hold 1 to 10000 slides, not 0\n");
    free(p);

    DiagList dl = {0};
    Rehearsal r;
    assert_false(rehearsal_read(&r, "/nonexistent/rec.json", &dl));
    assert_diag(&dl, "/nonexistent/rec.json:0:0: error: cannot read file: No such file or directory");
    diag_clear(&dl);
    rehearsal_free(&r);
}

/* ---- The report --------------------------------------------------------- */

static void test_report_text(void **state)
{
    (void)state;
    static const int budgets[6] = {120, 240, 300, 0, 300, 60};
    Rehearsal r;
    make_record(&r, 6, budgets);
    r.planned_ms = 17 * 60000;
    set_spent(&r, 0, 130400, 1);        /* 2:10, +0:10 */
    set_spent(&r, 1, 199500, 2);        /* 3:20 (halves up), -0:40 */
    set_spent(&r, 2, 0, 0);             /* skipped */
    set_spent(&r, 3, 95000, 1);         /* no budget */
    set_spent(&r, 4, 721000, 1);        /* 12:01, +7:01 */
    set_spent(&r, 5, 60000, 1);         /* exactly */
    char *text = report_text(&r);
    assert_text_equal(text,
                      "Rehearsal  demo\n"
                      "Started    2026-11-25T19:03:00\n"
                      "Planned    17:00\n"
                      "Actual     20:06 (+3:06)\n"
                      "\n"
                      "Slide  Budget  Spent   Diff  Pacing\n"
                      "    1    2:00   2:10  +0:10  behind 0:10\n"
                      "    2    4:00   3:20  -0:40  ahead 0:30\n"
                      "    3    5:00      -      -  not shown\n"
                      "    4       -   1:35      -  ahead 3:55\n"
                      "    5    5:00  12:01  +7:01  behind 3:06\n"
                      "    6    1:00   1:00   0:00  behind 3:06\n"
                      "Total   17:00  20:06  +3:06  behind 3:06\n");
    free(text);

    /* under the plan, and exactly on it */
    set_spent(&r, 4, 300000, 1);
    text = report_text(&r);
    assert_non_null(strstr(text, "Actual     13:05 (-3:55)\n"));
    assert_non_null(strstr(text, "Total   17:00  13:05  -3:55  ahead 3:55\n"));
    free(text);
    set_spent(&r, 2, 300000, 1);
    set_spent(&r, 3, 0, 1); /* shown while the timer was stopped */
    set_spent(&r, 0, 120000, 1);
    set_spent(&r, 1, 240000, 1);
    text = report_text(&r);
    assert_non_null(strstr(text, "Actual     17:00 (on time)\n"));
    assert_non_null(strstr(text, "    4       -   0:00     -  on time\n"));
    assert_non_null(strstr(text, "Total   17:00  17:00  0:00  on time\n"));
    free(text);
    rehearsal_free(&r);

    /* no plan and no budgets at all */
    make_record(&r, 1, NULL);
    set_spent(&r, 0, 4000, 1);
    text = report_text(&r);
    assert_text_equal(text,
                      "Rehearsal  demo\n"
                      "Started    2026-11-25T19:03:00\n"
                      "Planned    -\n"
                      "Actual     0:04\n"
                      "\n"
                      "Slide  Budget  Spent  Diff  Pacing\n"
                      "    1       -   0:04     -  -\n"
                      "Total       -   0:04     -  -\n");
    free(text);
    rehearsal_free(&r);
}

/* ---- Suggested budgets --------------------------------------------------- */

static const char suggest_manifest[] =
    "\xEF\xBB\xBF{\n"
    "  \"id\": \"demo\",\n"
    "  \"title\": {\"kk\": \"Қарлаг: қапаста тұншыққан шығармашылық\", \"en\": \"Karlag\"},\n"
    "  \"lecture\": {\"duration_min\": 10},\n"
    "  \"slides\": [\n"
    "    {\"title\": {\"kk\": \"Ақмола лагері — ғ, ү, ұ, ң, ө, һ, і\"}, \"text\": \"Бірінші\", \"lecture_s\": 60},\n"
    "    {\"lecture_s\": 120, \"text\": \"Екінші\", \"notes\": {\"ru\": \"Заметка\"}},\n"
    "    {\"text\": \"Үшінші\", \"lecture_s\": 90},\n"
    "    {\"text\": \"Төртінші\"}\n"
    "  ]\n"
    "}\n";

static void test_suggest_budgets(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    char *manifest = path_in(dir, "exhibition.json");
    write_file(manifest, suggest_manifest);
    char *out = path_in(dir, "new/suggested.json");
    Rehearsal r;
    make_record(&r, 4, (const int[]){60, 120, 90, 0});
    free(r.manifest_path);
    r.manifest_path = strdup(manifest);
    set_spent(&r, 0, 92499, 1);   /* 90 */
    set_spent(&r, 1, 1200, 1);    /* at least 5, replaced where it stands */
    set_spent(&r, 2, 0, 0);       /* not shown: keeps 90 */
    set_spent(&r, 3, 142500, 2);  /* halves up: 145; the key is added */
    DiagList dl = {0};
    assert_true(rehearsal_suggest(&r, out, &dl));
    assert_true(no_diags(&dl));
    char *text = slurp(out);
    assert_text_equal(text,
                      "{\n"
                      "  \"id\": \"demo\",\n"
                      "  \"title\": {\n"
                      "    \"kk\": \"Қарлаг: қапаста тұншыққан шығармашылық\",\n"
                      "    \"en\": \"Karlag\"\n"
                      "  },\n"
                      "  \"lecture\": {\n"
                      "    \"duration_min\": 10\n"
                      "  },\n"
                      "  \"slides\": [\n"
                      "    {\n"
                      "      \"title\": {\n"
                      "        \"kk\": \"Ақмола лагері — ғ, ү, ұ, ң, ө, һ, і\"\n"
                      "      },\n"
                      "      \"text\": \"Бірінші\",\n"
                      "      \"lecture_s\": 90\n"
                      "    },\n"
                      "    {\n"
                      "      \"lecture_s\": 5,\n"
                      "      \"text\": \"Екінші\",\n"
                      "      \"notes\": {\n"
                      "        \"ru\": \"Заметка\"\n"
                      "      }\n"
                      "    },\n"
                      "    {\n"
                      "      \"text\": \"Үшінші\",\n"
                      "      \"lecture_s\": 90\n"
                      "    },\n"
                      "    {\n"
                      "      \"text\": \"Төртінші\",\n"
                      "      \"lecture_s\": 145\n"
                      "    }\n"
                      "  ]\n"
                      "}\n");
    free(text);
    /* the curator's file is untouched */
    text = slurp(manifest);
    assert_string_equal(text, suggest_manifest);
    free(text);

    /* never over the manifest: by the same name, or another name for it */
    char *same = path_in(dir, "./exhibition.json");
    assert_false(rehearsal_suggest(&r, manifest, &dl));
    assert_diag(&dl, "refusing to overwrite the exhibition's own manifest");
    diag_clear(&dl);
    assert_false(rehearsal_suggest(&r, same, &dl));
    assert_diag(&dl, "refusing to overwrite");
    diag_clear(&dl);
    text = slurp(manifest);
    assert_string_equal(text, suggest_manifest);
    free(text);

    /* a record of another shape: refused, nothing written */
    char *out2 = path_in(dir, "other.json");
    r.n = 3;
    assert_false(rehearsal_suggest(&r, out2, &dl));
    assert_diag(&dl, "the manifest has 4 slides but the lecture record has 3");
    assert_int_equal(access(out2, F_OK), -1);
    diag_clear(&dl);
    r.n = 4;

    /* a manifest that is not JSON: its position */
    write_file(manifest, "{\n  \"slides\": [,]\n}\n");
    assert_false(rehearsal_suggest(&r, out2, &dl));
    assert_diag(&dl, "exhibition.json:2:14: error:");
    diag_clear(&dl);

    rehearsal_free(&r);
    free(same);
    free(out);
    free(out2);
    free(manifest);
    rm_rf(dir);
    free(dir);
}

static void test_suggest_on_loaded_manifest(void **state)
{
    (void)state;
    /* begin from a real manifest, record, then suggest: the loaded slides
     * and the JSON array line up */
    char *dir = make_tmpdir();
    char *manifest = path_in(dir, "exhibition.json");
    write_file(manifest, suggest_manifest);
    DiagList dl = {0};
    Exhibition *ex = manifest_load(dir, &dl);
    assert_non_null(ex);
    diag_clear(&dl);
    Rehearsal r;
    assert_true(rehearsal_begin(&r, ex, 600000, "2026-11-25T19:03:00"));
    rehearsal_update(&r, 0, true, 0);
    rehearsal_update(&r, 1, true, 62600);
    rehearsal_update(&r, 1, false, 100000);
    char *out = path_in(dir, "suggested.json");
    assert_true(rehearsal_suggest(&r, out, &dl));
    json_error_t err;
    json_t *root = json_load_file(out, 0, &err);
    assert_non_null(root);
    json_t *slides = json_object_get(root, "slides");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(slides, 0), "lecture_s")), 65);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(slides, 1), "lecture_s")), 35);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(slides, 2), "lecture_s")), 90);
    assert_null(json_object_get(json_array_get(slides, 3), "lecture_s"));
    json_decref(root);
    diag_clear(&dl);
    rehearsal_free(&r);
    manifest_free(ex);
    free(out);
    free(manifest);
    rm_rf(dir);
    free(dir);
}

/* ---- --lecture-report ---------------------------------------------------- */

static void test_latest_and_file_names(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    char buf[1024];
    assert_int_equal(lecture_report_latest(dir, buf, sizeof buf), -1); /* no lectures/ */
    char *lectures = path_in(dir, "lectures");
    assert_int_equal(mkdir(lectures, 0755), 0);
    assert_int_equal(lecture_report_latest(dir, buf, sizeof buf), -1); /* empty */

    static const char *const names[3][2] = {{"20261124-200000", "karlag-artists"},
                                            {"20261125-190300", "demo"},
                                            {"20251231-235959", "zzz"}};
    for (size_t i = 0; i < 3; i++) {
        rehearsal_file_name(dir, names[i][0], names[i][1], buf, sizeof buf);
        write_file(buf, "{}");
    }
    char *hidden = path_in(lectures, ".20991231-000000-x.json.tmp-abcdef");
    write_file(hidden, "{}");
    char *other = path_in(lectures, "20991231-000000-notes.txt");
    write_file(other, "x");
    assert_int_equal(lecture_report_latest(dir, buf, sizeof buf), 0);
    char *want = path_in(lectures, "20261125-190300-demo.json");
    assert_string_equal(buf, want);
    char small[8];
    assert_int_equal(lecture_report_latest(dir, small, sizeof small), -1);

    rehearsal_file_name("/var/lib/vitrine/", "20261125-190300", "karlag-artists", buf, sizeof buf);
    assert_string_equal(buf, "/var/lib/vitrine/lectures/20261125-190300-karlag-artists.json");
    rehearsal_file_name("/s", "20261125-190300", "a/b", buf, sizeof buf);
    assert_string_equal(buf, "/s/lectures/20261125-190300-a_b.json");

    free(want);
    free(hidden);
    free(other);
    free(lectures);
    rm_rf(dir);
    free(dir);
}

static char *run_main(const char *record, const char *suggest, int *status, char **err_text)
{
    char *out = NULL, *err = NULL;
    size_t on = 0, en = 0;
    FILE *fo = open_memstream(&out, &on);
    FILE *fe = open_memstream(&err, &en);
    *status = lecture_report_main(record, suggest, fo, fe);
    fclose(fo);
    fclose(fe);
    *err_text = err;
    return out;
}

static void test_report_main_on_fixture(void **state)
{
    (void)state;
    int status;
    char *err;
    char *out = run_main(LECTURES "/karlag-rehearsal.json", NULL, &status, &err);
    char *want = slurp(LECTURES "/karlag-rehearsal.report.txt");
    assert_int_equal(status, 0);
    assert_string_equal(err, "");
    assert_text_equal(out, want);
    free(out);
    free(err);

    /* with suggestions: the fixture's manifest path is relative to it */
    char *dir = make_tmpdir();
    char *sugg = path_in(dir, "karlag-suggested.json");
    out = run_main(LECTURES "/karlag-rehearsal.json", sugg, &status, &err);
    assert_int_equal(status, 0);
    assert_string_equal(err, "");
    assert_true(strncmp(out, want, strlen(want)) == 0);
    char line[1200];
    snprintf(line, sizeof line, "\nSuggested budgets written to %s\n", sugg);
    assert_string_equal(out + strlen(want), line);
    json_error_t jerr;
    json_t *root = json_load_file(sugg, 0, &jerr);
    assert_non_null(root);
    json_t *slides = json_object_get(root, "slides");
    assert_int_equal(json_array_size(slides), 9);
    static const int expect[9] = {130, 225, 320, 290, 470, 305, 340, 310, 435};
    for (size_t i = 0; i < 9; i++)
        assert_int_equal(json_integer_value(json_object_get(json_array_get(slides, i), "lecture_s")),
                         expect[i]);
    json_decref(root);
    /* the suggestion is itself a manifest vitrine reads (images aside) */
    free(out);
    free(err);
    free(want);

    /* a record that cannot be read: exit 1, the problem on err, nothing on out */
    char *bad = path_in(dir, "bad.json");
    write_file(bad, "{\"exhibition\": \"x\",\n  \"slides\": 3}\n");
    out = run_main(bad, NULL, &status, &err);
    assert_int_equal(status, 1);
    assert_string_equal(out, "");
    assert_non_null(strstr(err, "bad.json:2:13: error: \"slides\" must be an array, not a whole number\n"));
    free(out);
    free(err);

    /* a suggestion that cannot be written: the report, then exit 1 */
    char *manifest = path_in(EXHIBITIONS, "karlag-artists/exhibition.json");
    out = run_main(LECTURES "/karlag-rehearsal.json", manifest, &status, &err);
    assert_int_equal(status, 1);
    assert_non_null(strstr(err, "refusing to overwrite"));
    assert_null(strstr(out, "Suggested"));
    free(out);
    free(err);

    free(manifest);
    free(bad);
    free(sugg);
    rm_rf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_begin_takes_budgets),
        cmocka_unit_test(test_accrues_only_while_running),
        cmocka_unit_test(test_pause_across_slide_changes),
        cmocka_unit_test(test_revisits_and_nothing_on_screen),
        cmocka_unit_test(test_write_read_round_trip),
        cmocka_unit_test(test_write_fails_cleanly),
        cmocka_unit_test(test_read_good_with_bom),
        cmocka_unit_test(test_read_errors_have_positions),
        cmocka_unit_test(test_report_text),
        cmocka_unit_test(test_suggest_budgets),
        cmocka_unit_test(test_suggest_on_loaded_manifest),
        cmocka_unit_test(test_latest_and_file_names),
        cmocka_unit_test(test_report_main_on_fixture),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
