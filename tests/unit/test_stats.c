/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_stats.c - visitor statistics: a real Show driven through minutes of
 * kiosk life on a fake clock, observed after every event as app.c does, and
 * the exact lines it emits; snapshots made by hand for what the show cannot
 * do yet (zoom); and the day files on disk (rotation, cap, appending).
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
#include <sys/stat.h>
#include <unistd.h>

#include "show.h"
#include "stats.h"
#include "stats_log.h"
#include "stats_report.h"
#include "unit_support.h"

#define MAX_LINES 64

typedef struct {
    Library *lib;
    Measure m;
    Show *show;
    Stats *stats;
    uint64_t t;                 /* the show's clock, ms */
    int start_h, start_m;       /* the wall clock at t = 0 */
    char *lines[MAX_LINES];     /* what the observer emitted */
    char days[MAX_LINES][11];
    StatsKind kinds[MAX_LINES];
    int n;
} Fx;

static void collect(void *ctx, const StatsLine *l)
{
    Fx *f = ctx;
    assert_true(f->n < MAX_LINES);
    f->lines[f->n] = fx_strdup(l->json);
    snprintf(f->days[f->n], sizeof f->days[f->n], "%s", l->day);
    f->kinds[f->n] = l->kind;
    f->n++;
}

/* The wall clock: 2026-03-14 from start_h:start_m, on past midnight. */
static void wall(const Fx *f, char *buf, size_t n)
{
    uint64_t s = (uint64_t)(f->start_h * 3600 + f->start_m * 60) + f->t / 1000;
    snprintf(buf, n, "2026-03-%02dT%02d:%02d:%02d+05:00", 14 + (int)(s / 86400),
             (int)(s / 3600 % 24), (int)(s / 60 % 60), (int)(s % 60));
}

static void observe(Fx *f)
{
    ShowSnapshot sn;
    show_snapshot(f->show, &sn);
    char w[40];
    wall(f, w, sizeof w);
    stats_observe(f->stats, &sn, f->t, w);
}

static Fx *fx_new(const ShowConfig *cfg)
{
    Fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->lib = fx_library();
    fx_library_add(f->lib, fx_exhibition("alpha", "Альфа", "Альфа", "Alpha", 4, true));
    fx_library_add(f->lib, fx_exhibition("beta", "Бета", "Бета", "Beta", 3, false));
    f->m = fake_measure();
    f->show = show_create(f->lib, cfg, &f->m, 1920, 1080);
    assert_non_null(f->show);
    f->stats = stats_create(collect, f);
    assert_non_null(f->stats);
    f->start_h = 9;
    observe(f); /* where things stand at start-up */
    return f;
}

static void fx_free(Fx *f)
{
    for (int i = 0; i < f->n; i++)
        free(f->lines[i]);
    stats_free(f->stats);
    show_free(f->show);
    fx_library_free(f->lib);
    free(f);
}

/* Let time pass to `until` (ms), with a tick at each deadline the show asks
 * for, as the main loop does. */
static void run_to(Fx *f, uint64_t until)
{
    while (f->t < until) {
        uint64_t d = show_next_deadline(f->show, f->t);
        f->t = d == SHOW_NO_DEADLINE || f->t + d > until ? until : f->t + (d ? d : 1);
        Event tick = {.type = EV_TICK, .t = f->t};
        show_handle(f->show, &tick);
        observe(f);
    }
}

/* At second `s`, press key k. */
static void key_at(Fx *f, int s, int k)
{
    run_to(f, (uint64_t)s * 1000);
    Event ev = {.type = EV_KEY, .t = f->t, .key = k};
    show_handle(f->show, &ev);
    observe(f);
}

static void expect(Fx *f, const char *const *want, int n)
{
    for (int i = 0; i < n && i < f->n; i++)
        assert_string_equal(f->lines[i], want[i]);
    if (f->n != n) {
        for (int i = 0; i < f->n; i++)
            print_message("got %d: %s\n", i, f->lines[i]);
        fail_msg("%d lines, expected %d", f->n, n);
    }
}

/* ---- a kiosk's life ---------------------------------------------------------- */

/* Two visitors: the first reads three slides of alpha, switches to Russian,
 * hides the captions and walks away; the second wakes the kiosk from the
 * attract loop, opens alpha and is still there when vitrine ends. */
static void test_two_visits(void **state)
{
    (void)state;
    Fx *f = fx_new(NULL);
    run_to(f, 10000);
    assert_int_equal(f->n, 0); /* nobody there: nothing */
    key_at(f, 10, KEY_ENTER);  /* opens alpha, the first card */
    key_at(f, 20, KEY_RIGHT);
    key_at(f, 50, 'l');        /* kk -> ru */
    key_at(f, 65, KEY_RIGHT);
    key_at(f, 70, 'c');        /* captions off */
    run_to(f, 290000);         /* 90 s + 15 s: the reset at 175 s; attract from 205 s */
    key_at(f, 300, KEY_RIGHT); /* wakes the kiosk: presses nothing */
    key_at(f, 310, KEY_ENTER);
    run_to(f, 400000);
    char w[40];
    wall(f, w, sizeof w);
    stats_finish(f->stats, f->t, w);
    static const char *const want[] = {
        "{\"time\":\"2026-03-14T09:00:10+05:00\",\"event\":\"visit_start\",\"language\":\"kk\"}",
        "{\"time\":\"2026-03-14T09:00:10+05:00\",\"event\":\"exhibition\",\"exhibition\":\"alpha\","
        "\"slides\":4,\"language\":\"kk\"}",
        "{\"time\":\"2026-03-14T09:00:20+05:00\",\"event\":\"slide\",\"exhibition\":\"alpha\","
        "\"slide\":1,\"language\":\"kk\",\"dwell_ms\":10000,\"ended\":\"visitor\"}",
        "{\"time\":\"2026-03-14T09:00:50+05:00\",\"event\":\"language\",\"language\":\"ru\","
        "\"from\":\"kk\",\"exhibition\":\"alpha\",\"slide\":2}",
        "{\"time\":\"2026-03-14T09:01:05+05:00\",\"event\":\"slide\",\"exhibition\":\"alpha\","
        "\"slide\":2,\"language\":\"ru\",\"dwell_ms\":45000,\"ended\":\"visitor\"}",
        "{\"time\":\"2026-03-14T09:01:10+05:00\",\"event\":\"captions\",\"shown\":false,"
        "\"exhibition\":\"alpha\",\"slide\":3}",
        /* 70 s + 90 s without input, 15 s of countdown: the reset at 175 s */
        "{\"time\":\"2026-03-14T09:02:55+05:00\",\"event\":\"slide\",\"exhibition\":\"alpha\","
        "\"slide\":3,\"language\":\"ru\",\"dwell_ms\":110000,\"ended\":\"idle\"}",
        "{\"time\":\"2026-03-14T09:02:55+05:00\",\"event\":\"visit_end\",\"duration_ms\":165000,"
        "\"active_ms\":60000,\"ended\":\"idle\"}",
        /* the reset put Russian and the captions back: nobody chose that */
        "{\"time\":\"2026-03-14T09:05:00+05:00\",\"event\":\"visit_start\",\"language\":\"kk\"}",
        "{\"time\":\"2026-03-14T09:05:10+05:00\",\"event\":\"exhibition\",\"exhibition\":\"alpha\","
        "\"slides\":4,\"language\":\"kk\"}",
        "{\"time\":\"2026-03-14T09:06:40+05:00\",\"event\":\"slide\",\"exhibition\":\"alpha\","
        "\"slide\":1,\"language\":\"kk\",\"dwell_ms\":90000,\"ended\":\"exit\"}",
        "{\"time\":\"2026-03-14T09:06:40+05:00\",\"event\":\"visit_end\",\"duration_ms\":100000,"
        "\"active_ms\":10000,\"ended\":\"exit\"}",
    };
    expect(f, want, (int)(sizeof want / sizeof want[0]));
    assert_int_equal(f->kinds[7], STATS_VISIT_END);
    for (int i = 0; i < f->n; i++)
        assert_string_equal(f->days[i], "2026-03-14");
    fx_free(f);
}

/* Going home and opening another exhibition: each opening is an event, and
 * the home screen ends the slide that was shown. */
static void test_home_and_another_exhibition(void **state)
{
    (void)state;
    Fx *f = fx_new(NULL);
    key_at(f, 5, KEY_ENTER);   /* alpha */
    key_at(f, 8, KEY_ESCAPE);  /* home: slide 1 shown 3 s */
    key_at(f, 9, KEY_RIGHT);   /* the second card */
    key_at(f, 11, KEY_ENTER);  /* beta */
    key_at(f, 15, KEY_END);    /* its last slide */
    key_at(f, 16, KEY_ESCAPE);
    static const char *const want[] = {
        "{\"time\":\"2026-03-14T09:00:05+05:00\",\"event\":\"visit_start\",\"language\":\"kk\"}",
        "{\"time\":\"2026-03-14T09:00:05+05:00\",\"event\":\"exhibition\",\"exhibition\":\"alpha\","
        "\"slides\":4,\"language\":\"kk\"}",
        "{\"time\":\"2026-03-14T09:00:08+05:00\",\"event\":\"slide\",\"exhibition\":\"alpha\","
        "\"slide\":1,\"language\":\"kk\",\"dwell_ms\":3000,\"ended\":\"visitor\"}",
        "{\"time\":\"2026-03-14T09:00:11+05:00\",\"event\":\"exhibition\",\"exhibition\":\"beta\","
        "\"slides\":3,\"language\":\"kk\"}",
        "{\"time\":\"2026-03-14T09:00:15+05:00\",\"event\":\"slide\",\"exhibition\":\"beta\","
        "\"slide\":1,\"language\":\"kk\",\"dwell_ms\":4000,\"ended\":\"visitor\"}",
        "{\"time\":\"2026-03-14T09:00:16+05:00\",\"event\":\"slide\",\"exhibition\":\"beta\","
        "\"slide\":3,\"language\":\"kk\",\"dwell_ms\":1000,\"ended\":\"visitor\"}",
    };
    expect(f, want, (int)(sizeof want / sizeof want[0]));
    fx_free(f);
}

/* Nobody touches the kiosk for an hour: resets and the attract loop come and
 * go, and nothing is recorded. */
static void test_nobody_there(void **state)
{
    (void)state;
    Fx *f = fx_new(NULL);
    run_to(f, 3600000);
    assert_int_equal(f->n, 0);
    stats_finish(f->stats, f->t, "2026-03-14T10:00:00+05:00");
    assert_int_equal(f->n, 0);
    fx_free(f);
}

/* A lecture is not a visit: nothing at all, whatever is pressed. */
static void test_lecture_records_nothing(void **state)
{
    (void)state;
    ShowConfig cfg = {.lecture = true};
    Fx *f = fx_new(&cfg);
    assert_true(show_open(f->show, "alpha", 1));
    key_at(f, 5, KEY_RIGHT);
    key_at(f, 65, KEY_RIGHT);
    key_at(f, 70, 'l');
    run_to(f, 600000);
    stats_finish(f->stats, f->t, "2026-03-14T09:10:00+05:00");
    assert_int_equal(f->n, 0);
    fx_free(f);
}

/* A visit that goes on past midnight: each line goes to the day it happened. */
static void test_midnight(void **state)
{
    (void)state;
    Fx *f = fx_new(NULL);
    f->start_h = 23;
    f->start_m = 59;
    key_at(f, 50, KEY_ENTER);
    key_at(f, 70, KEY_RIGHT);
    assert_int_equal(f->n, 3);
    assert_string_equal(f->days[0], "2026-03-14");
    assert_string_equal(f->days[1], "2026-03-14");
    assert_string_equal(f->days[2], "2026-03-15");
    assert_non_null(strstr(f->lines[2], "\"time\":\"2026-03-15T00:00:10+05:00\""));
    fx_free(f);
}

/* ---- snapshots by hand: zoom, and a lecture starting mid-visit ---------------- */

static ShowSnapshot on_slide(int slide, double zoom, unsigned long inputs)
{
    return (ShowSnapshot){.screen = SCREEN_SLIDE, .exhibition = "alpha", .slides = 4, .slide = slide,
                          .lang = "en", .zoom = zoom, .captions = true, .inputs = inputs,
                          .last_input = inputs * 1000};
}

static void test_zoom(void **state)
{
    (void)state;
    Fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->stats = stats_create(collect, f);
    const char *w = "2026-03-14T12:00:00+05:00";
    ShowSnapshot s = on_slide(1, 1.0, 0);
    stats_observe(f->stats, &s, 0, w);
    s = on_slide(1, 1.0, 1);
    stats_observe(f->stats, &s, 1000, w);       /* visit, exhibition */
    s = on_slide(1, 1.03, 2);
    stats_observe(f->stats, &s, 2000, w);       /* jitter: not a zoom */
    s = on_slide(1, 1.5, 3);
    stats_observe(f->stats, &s, 3000, w);
    s = on_slide(1, 2.5, 4);
    stats_observe(f->stats, &s, 4000, w);
    s = on_slide(1, 1.8, 5);
    stats_observe(f->stats, &s, 5000, w);
    s = on_slide(1, 1.0, 6);
    stats_observe(f->stats, &s, 6000, w);       /* zoom over: 3 s, at most 2.5 */
    s = on_slide(1, 3.0, 7);
    stats_observe(f->stats, &s, 7000, w);
    s = on_slide(2, 1.0, 8);
    stats_observe(f->stats, &s, 8000, w);       /* the next slide ends the zoom and the view */
    s = on_slide(2, 1.0, 8);
    s.lecture = true;
    stats_observe(f->stats, &s, 9000, w);       /* a lecture begins: the visit ends */
    static const char *const want[] = {
        "{\"time\":\"2026-03-14T12:00:00+05:00\",\"event\":\"visit_start\",\"language\":\"en\"}",
        "{\"time\":\"2026-03-14T12:00:00+05:00\",\"event\":\"exhibition\",\"exhibition\":\"alpha\","
        "\"slides\":4,\"language\":\"en\"}",
        "{\"time\":\"2026-03-14T12:00:00+05:00\",\"event\":\"zoom\",\"exhibition\":\"alpha\","
        "\"slide\":2,\"max_zoom\":2.5,\"zoom_ms\":3000}",
        "{\"time\":\"2026-03-14T12:00:00+05:00\",\"event\":\"zoom\",\"exhibition\":\"alpha\","
        "\"slide\":2,\"max_zoom\":3.0,\"zoom_ms\":1000}",
        "{\"time\":\"2026-03-14T12:00:00+05:00\",\"event\":\"slide\",\"exhibition\":\"alpha\","
        "\"slide\":2,\"language\":\"en\",\"dwell_ms\":7000,\"ended\":\"visitor\"}",
        "{\"time\":\"2026-03-14T12:00:00+05:00\",\"event\":\"slide\",\"exhibition\":\"alpha\","
        "\"slide\":3,\"language\":\"en\",\"dwell_ms\":1000,\"ended\":\"lecture\"}",
        "{\"time\":\"2026-03-14T12:00:00+05:00\",\"event\":\"visit_end\",\"duration_ms\":8000,"
        "\"active_ms\":7000,\"ended\":\"lecture\"}",
    };
    expect(f, want, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < f->n; i++)
        free(f->lines[i]);
    stats_free(f->stats);
    free(f);
}

/* A film's slide: the slide event says how long the film played (from one
 * snapshot to the next while it plays, pauses left out) and how far it got. */
static void test_film(void **state)
{
    (void)state;
    Fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->stats = stats_create(collect, f);
    const char *w = "2026-03-14T12:00:00+05:00";
    ShowSnapshot s = on_slide(1, 1.0, 0);
    stats_observe(f->stats, &s, 0, w);
    s = on_slide(1, 1.0, 1);
    s.film_ms = 0, s.film_len_ms = 120000, s.film_playing = true;
    stats_observe(f->stats, &s, 1000, w);       /* visit, exhibition; the film plays */
    s.film_ms = 30000;
    stats_observe(f->stats, &s, 31000, w);      /* 30 s into it */
    s = on_slide(1, 1.0, 2);
    s.film_ms = 30500, s.film_len_ms = 120000, s.film_playing = false;
    stats_observe(f->stats, &s, 31500, w);      /* paused (K): 30.5 s played */
    s.film_ms = 30500;
    stats_observe(f->stats, &s, 61500, w);      /* 30 s paused: not watched */
    s = on_slide(2, 1.0, 3);                    /* the next slide: no film */
    stats_observe(f->stats, &s, 62000, w);
    s.lecture = true;
    stats_observe(f->stats, &s, 63000, w);
    static const char *const want[] = {
        "{\"time\":\"2026-03-14T12:00:00+05:00\",\"event\":\"visit_start\",\"language\":\"en\"}",
        "{\"time\":\"2026-03-14T12:00:00+05:00\",\"event\":\"exhibition\",\"exhibition\":\"alpha\","
        "\"slides\":4,\"language\":\"en\"}",
        "{\"time\":\"2026-03-14T12:00:00+05:00\",\"event\":\"slide\",\"exhibition\":\"alpha\","
        "\"slide\":2,\"language\":\"en\",\"dwell_ms\":61000,\"ended\":\"visitor\",\"film_watched_ms\":30500,"
        "\"film_reached_ms\":30500,\"film_length_ms\":120000}",
        "{\"time\":\"2026-03-14T12:00:00+05:00\",\"event\":\"slide\",\"exhibition\":\"alpha\","
        "\"slide\":3,\"language\":\"en\",\"dwell_ms\":1000,\"ended\":\"lecture\"}",
        "{\"time\":\"2026-03-14T12:00:00+05:00\",\"event\":\"visit_end\",\"duration_ms\":62000,"
        "\"active_ms\":2000,\"ended\":\"lecture\"}",
    };
    expect(f, want, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < f->n; i++)
        free(f->lines[i]);
    stats_free(f->stats);
    free(f);
}

/* ---- the day files ------------------------------------------------------------- */

static char *read_all(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *buf = calloc(1, 65536);
    size_t n = buf ? fread(buf, 1, 65535, fp) : 0;
    (void)n;
    fclose(fp);
    return buf;
}

static void make_tmp(char *dir, size_t n)
{
    snprintf(dir, n, "/tmp/vitrine-test-stats-XXXXXX");
    assert_non_null(mkdtemp(dir));
}

static void remove_tree(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_log_days_and_append(void **state)
{
    (void)state;
    char dir[64], sub[128], path[160];
    make_tmp(dir, sizeof dir);
    snprintf(sub, sizeof sub, "%s/not/yet", dir); /* the state folder need not exist */
    StatsLog l;
    stats_log_init(&l, sub, 0, stderr);
    assert_true(stats_log_write(&l, "2026-03-14", "{\"a\":1}", false));
    assert_true(stats_log_write(&l, "2026-03-14", "{\"a\":2}", true));
    assert_true(stats_log_write(&l, "2026-03-15", "{\"a\":3}", false));
    assert_false(stats_log_write(&l, "../../etc", "{}", false)); /* not a day: no file */
    assert_false(stats_log_write(&l, "2026-3-15", "{}", false));
    stats_log_close(&l);
    /* another run the same day goes on at the end */
    stats_log_init(&l, sub, 0, stderr);
    assert_true(stats_log_write(&l, "2026-03-15", "{\"a\":4}", false));
    stats_log_close(&l);
    stats_log_close(&l); /* twice is fine */

    snprintf(path, sizeof path, "%s/stats/2026-03-14.jsonl", sub);
    char *text = read_all(path);
    assert_non_null(text);
    assert_string_equal(text, "{\"a\":1}\n{\"a\":2}\n");
    free(text);
    snprintf(path, sizeof path, "%s/stats/2026-03-15.jsonl", sub);
    text = read_all(path);
    assert_non_null(text);
    assert_string_equal(text, "{\"a\":3}\n{\"a\":4}\n");
    free(text);
    remove_tree(dir);
}

/* Past the day's cap, lines are dropped and that is said once; the next
 * day starts afresh; a cap reached by an earlier run counts too. */
static void test_log_cap(void **state)
{
    (void)state;
    char dir[64], path[160];
    make_tmp(dir, sizeof dir);
    char said[512] = "";
    FILE *log = fmemopen(said, sizeof said - 1, "w");
    assert_non_null(log);
    StatsLog l;
    stats_log_init(&l, dir, 20, log); /* 20 bytes a day: two lines of 9 */
    assert_true(stats_log_write(&l, "2026-03-14", "{\"a\":11}", false));
    assert_true(stats_log_write(&l, "2026-03-14", "{\"a\":12}", false));
    assert_false(stats_log_write(&l, "2026-03-14", "{\"a\":13}", false));
    assert_false(stats_log_write(&l, "2026-03-14", "{\"a\":14}", false));
    assert_true(stats_log_write(&l, "2026-03-15", "{\"a\":21}", false));
    stats_log_close(&l);
    stats_log_init(&l, dir, 20, log);
    assert_false(stats_log_write(&l, "2026-03-14", "{\"a\":15}", false)); /* still full */
    stats_log_close(&l);
    fclose(log);
    assert_string_equal(said,
                        "vitrine: visitor statistics for 2026-03-14 reached 20 bytes; the rest of "
                        "the day's events are dropped\n"
                        "vitrine: visitor statistics for 2026-03-14 reached 20 bytes; the rest of "
                        "the day's events are dropped\n");
    snprintf(path, sizeof path, "%s/stats/2026-03-14.jsonl", dir);
    char *text = read_all(path);
    assert_string_equal(text, "{\"a\":11}\n{\"a\":12}\n");
    free(text);
    remove_tree(dir);
}

/* A state folder that cannot be made: said once, nothing else happens. */
static void test_log_unwritable(void **state)
{
    (void)state;
    char dir[64], file[128], sub[160];
    make_tmp(dir, sizeof dir);
    snprintf(file, sizeof file, "%s/a-file", dir);
    FILE *fp = fopen(file, "w");
    assert_non_null(fp);
    fclose(fp);
    snprintf(sub, sizeof sub, "%s/inside", file);
    char said[512] = "";
    FILE *log = fmemopen(said, sizeof said - 1, "w");
    StatsLog l;
    stats_log_init(&l, sub, 0, log);
    assert_false(stats_log_write(&l, "2026-03-14", "{}", false));
    assert_false(stats_log_write(&l, "2026-03-14", "{}", false));
    stats_log_close(&l);
    fclose(log);
    assert_non_null(strstr(said, "vitrine: no visitor statistics today: cannot create folder"));
    assert_null(strchr(strchr(said, '\n') + 1, '\n')); /* one line */
    remove_tree(dir);
}

/* ---- the report's arithmetic --------------------------------------------------------- */

static void test_median_and_durations(void **state)
{
    (void)state;
    int64_t odd[] = {30, 10, 20}, even[] = {40, 10, 30, 20};
    StatsValues none = {0}, o = {odd, 3, 3}, e = {even, 4, 4};
    assert_true(stats_median(&none) == 0.0);
    assert_true(stats_median(&o) == 20.0);
    assert_true(stats_median(&e) == 25.0);
    assert_int_equal(odd[0], 30); /* the values are not reordered */
    char buf[32];
    stats_format_ms(0, buf, sizeof buf);
    assert_string_equal(buf, "0:00");
    stats_format_ms(59499, buf, sizeof buf);
    assert_string_equal(buf, "0:59");
    stats_format_ms(59500, buf, sizeof buf);
    assert_string_equal(buf, "1:00");
    stats_format_ms(3723000, buf, sizeof buf);
    assert_string_equal(buf, "1:02:03");
    stats_format_ms(-5, buf, sizeof buf);
    assert_string_equal(buf, "0:00");
}

/* The fixed log of tests/fixtures/stats (its tables are checked exactly by
 * tests/cli/visitor_report.sh): the sums behind them. */
static void test_report_sums(void **state)
{
    (void)state;
    StatsReport r;
    DiagList d = {0};
    assert_true(stats_report_load(&r, FIXTURES "/stats", "2026-02-01", "2026-02-03", &d));
    assert_int_equal(d.n, 2); /* the cut line and the unknown event */
    assert_int_equal(d.items[0].line, 21);
    assert_int_equal(d.items[1].line, 9);
    assert_int_equal(r.files, 3);
    assert_int_equal(r.lines, 47);
    assert_int_equal(r.skipped, 2);
    assert_int_equal(r.visits, 5);
    assert_int_equal(r.n_ex, 3);
    assert_string_equal(r.ex[0].id, "karlag-artists");
    assert_int_equal(r.ex[0].visits, 3);
    assert_int_equal(r.ex[0].slide[2].reached, 2);
    assert_int_equal(r.ex[0].slide[2].zooms, 2);
    assert_true(stats_median(&r.ex[0].furthest) == 3.0);
    assert_int_equal(r.n_lang, 3);
    assert_int_equal(r.n_day, 3);
    stats_report_free(&r);
    diag_clear(&d);
    /* a folder that is not there */
    assert_false(stats_report_load(&r, FIXTURES "/stats/nowhere", NULL, NULL, &d));
    assert_int_equal(d.n, 1);
    assert_int_equal(d.items[0].level, DIAG_ERROR);
    stats_report_free(&r);
    diag_clear(&d);
}

/* Films in the report: each film slide's views, the median time played,
 * the median share reached and the views that got to its end. */
static void test_report_films(void **state)
{
    (void)state;
    char dir[64], path[128];
    make_tmp(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/2026-03-14.jsonl", dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    static const char *const lines[] = {
        "{\"time\":\"2026-03-14T10:00:00+05:00\",\"event\":\"visit_start\",\"language\":\"kk\"}",
        "{\"time\":\"2026-03-14T10:00:00+05:00\",\"event\":\"exhibition\",\"exhibition\":\"films\",\"slides\":3,"
        "\"language\":\"kk\"}",
        /* watched to the end, half of it, and one that never got going */
        "{\"time\":\"2026-03-14T10:02:00+05:00\",\"event\":\"slide\",\"exhibition\":\"films\",\"slide\":2,"
        "\"language\":\"kk\",\"dwell_ms\":121000,\"ended\":\"visitor\",\"film_watched_ms\":120000,"
        "\"film_reached_ms\":119000,\"film_length_ms\":120000}",
        "{\"time\":\"2026-03-14T10:03:00+05:00\",\"event\":\"slide\",\"exhibition\":\"films\",\"slide\":2,"
        "\"language\":\"kk\",\"dwell_ms\":61000,\"ended\":\"visitor\",\"film_watched_ms\":60000,"
        "\"film_reached_ms\":60000,\"film_length_ms\":120000}",
        "{\"time\":\"2026-03-14T10:03:10+05:00\",\"event\":\"slide\",\"exhibition\":\"films\",\"slide\":2,"
        "\"language\":\"kk\",\"dwell_ms\":2000,\"ended\":\"visitor\",\"film_watched_ms\":2000,"
        "\"film_reached_ms\":2000,\"film_length_ms\":120000}",
        /* a slide without a film: not in the films */
        "{\"time\":\"2026-03-14T10:03:20+05:00\",\"event\":\"slide\",\"exhibition\":\"films\",\"slide\":3,"
        "\"language\":\"kk\",\"dwell_ms\":5000,\"ended\":\"idle\"}",
        "{\"time\":\"2026-03-14T10:05:00+05:00\",\"event\":\"visit_end\",\"duration_ms\":300000,"
        "\"active_ms\":190000,\"ended\":\"idle\"}",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        fprintf(fp, "%s\n", lines[i]);
    fclose(fp);
    StatsReport r;
    DiagList d = {0};
    assert_true(stats_report_load(&r, dir, NULL, NULL, &d));
    assert_int_equal(r.skipped, 0);
    assert_int_equal(r.n_ex, 1);
    const StatsSlideSum *s = &r.ex[0].slide[1];
    assert_int_equal(s->film_views, 3);
    assert_int_equal(s->film_to_end, 1);
    assert_int_equal(r.ex[0].slide[2].film_views, 0);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    stats_report_print(&r, NULL, "kk", out);
    fclose(out);
    /* median played 1:00, median reached 50%, one to the end */
    const char *films = strstr(text, "\nFilms\nViews  Watched  Reached  To the end");
    assert_non_null(films);
    assert_non_null(strstr(films, "    3     1:00      50%           1  films"));
    free(text);
    stats_report_free(&r);
    diag_clear(&d);
    remove_tree(dir);
}

/* A log about more exhibitions than the report tells apart (a damaged or
 * forged file): the rest are skipped, each counted, and memory stays bounded. */
static void test_report_too_many_exhibitions(void **state)
{
    (void)state;
    char dir[64], path[128];
    make_tmp(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/2026-03-14.jsonl", dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    for (int i = 0; i < STATS_REPORT_MAX_EXHIBITIONS + 44; i++)
        fprintf(fp, "{\"time\":\"2026-03-14T10:00:00+05:00\",\"event\":\"exhibition\","
                    "\"exhibition\":\"ex%d\",\"slides\":10000}\n", i);
    fclose(fp);
    StatsReport r;
    DiagList d = {0};
    assert_true(stats_report_load(&r, dir, NULL, NULL, &d));
    assert_int_equal(r.n_ex, STATS_REPORT_MAX_EXHIBITIONS);
    assert_int_equal(r.skipped, 44);
    assert_int_equal(r.lines, STATS_REPORT_MAX_EXHIBITIONS + 44);
    stats_report_free(&r);
    diag_clear(&d);
    remove_tree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_visits),
        cmocka_unit_test(test_home_and_another_exhibition),
        cmocka_unit_test(test_nobody_there),
        cmocka_unit_test(test_lecture_records_nothing),
        cmocka_unit_test(test_midnight),
        cmocka_unit_test(test_zoom),
        cmocka_unit_test(test_film),
        cmocka_unit_test(test_log_days_and_append),
        cmocka_unit_test(test_log_cap),
        cmocka_unit_test(test_log_unwritable),
        cmocka_unit_test(test_median_and_durations),
        cmocka_unit_test(test_report_sums),
        cmocka_unit_test(test_report_too_many_exhibitions),
        cmocka_unit_test(test_report_films),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
