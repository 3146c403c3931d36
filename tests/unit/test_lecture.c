/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_lecture.c - lecture mode of the show, and the timer's arithmetic:
 * start on the title slide, pause across slide changes, overrun, pacing
 * against per-slide budgets, blank screens, start/stop never quitting,
 * number + Enter, the overview, and the auto-repeat rule. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "lecture_timer.h"
#include "lecture.h"
#include "show.h"
#include "unit_support.h"

typedef ShowFx Fx; /* unit_support.h */

static int setup(void **state)
{
    Fx *f = calloc(1, sizeof *f);
    f->lib = fx_library();
    Exhibition *ex = fx_exhibition("deck", "Дәріс", "Лекция", "Lecture", 6, false);
    ex->lecture_duration_min = 45;
    int budgets[6] = {60, 120, 0, 300, 300, 600}; /* slide 3 has no budget */
    for (int i = 0; i < 6; i++)
        ex->slides[i].lecture_s = budgets[i];
    fx_library_add(f->lib, ex);
    f->m = fake_measure();
    ShowConfig cfg = {.lecture = true, .started = "2026-11-25T10:00:00"};
    f->show = show_create(f->lib, &cfg, &f->m, 1920, 1080);
    assert_true(show_open(f->show, "deck", 1));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fx *f = *state;
    show_free(f->show);
    fx_library_free(f->lib);
    free(f);
    return 0;
}

static void at(Fx *f, uint64_t t) { f->t = t; }

static void key_m(Fx *f, int k, unsigned mods, bool repeat)
{
    Event ev = {.type = EV_KEY, .t = f->t, .key = k, .mods = mods, .repeat = repeat};
    show_handle(f->show, &ev);
}

static void key(Fx *f, int k) { key_m(f, k, 0, false); }

/* A field of the state JSON as text, e.g. "\"slide\":3". */
static bool state_has(Fx *f, const char *needle)
{
    char buf[2048];
    show_state_json(f->show, f->t, buf, sizeof buf);
    if (!strstr(buf, needle)) {
        print_error("state %s\nlacks %s\n", buf, needle);
        return false;
    }
    return true;
}
#define assert_state(f, needle) assert_true(state_has(f, needle))

/* ---- the timer's arithmetic ------------------------------------------------ */

static void format_minutes_hours_and_overrun(void **state)
{
    (void)state;
    char b[32];
    ltimer_format(0, b, sizeof b);
    assert_string_equal(b, "00:00");
    ltimer_format(65999, b, sizeof b);
    assert_string_equal(b, "01:05");
    ltimer_format(3725000, b, sizeof b);
    assert_string_equal(b, "1:02:05");
    ltimer_format(-130000, b, sizeof b);
    assert_string_equal(b, "+02:10");
}

static void levels_at_the_warning_points(void **state)
{
    (void)state;
    LectureTimer t;
    ltimer_init(&t, 45 * 60000);
    ltimer_start(&t, 0);
    assert_int_equal(ltimer_level(&t, 39 * 60000, 5, 1), LT_NORMAL);
    assert_int_equal(ltimer_level(&t, 40 * 60000, 5, 1), LT_WARN);   /* 5:00 left */
    assert_int_equal(ltimer_level(&t, 43 * 60000 + 59999, 5, 1), LT_WARN);
    assert_int_equal(ltimer_level(&t, 44 * 60000, 5, 1), LT_ALERT);  /* 1:00 left */
    assert_int_equal(ltimer_level(&t, 45 * 60000, 5, 1), LT_ALERT);  /* exactly at the end */
    assert_int_equal(ltimer_level(&t, 45 * 60000 + 1, 5, 1), LT_OVER);
    ltimer_init(&t, 0); /* no plan: never coloured */
    ltimer_start(&t, 0);
    assert_int_equal(ltimer_level(&t, 99 * 60000, 5, 1), LT_NORMAL);
}

static void pacing_against_budgets(void **state)
{
    (void)state;
    int b[4] = {60, 120, 0, 300};
    /* slide 1's window is [0, 60 s] */
    assert_int_equal(ltimer_pacing(b, 4, 0, 30000), 0);
    assert_int_equal(ltimer_pacing(b, 4, 0, 90000), 30000);      /* behind 0:30 */
    /* slide 2's window is [60, 180 s] */
    assert_int_equal(ltimer_pacing(b, 4, 1, 20000), -40000);     /* ahead 0:40 */
    assert_int_equal(ltimer_pacing(b, 4, 1, 180000), 0);
    /* a slide with no budget has an empty window at 180 s */
    assert_int_equal(ltimer_pacing(b, 4, 2, 200000), 20000);
    assert_int_equal(ltimer_pacing(b, 4, 3, 200000), 0);
    assert_int_equal(ltimer_pacing(NULL, 0, 0, 5000), 0);
    assert_int_equal(ltimer_pacing(b, 4, 9, 5000), 0);
}

/* ---- the timer in the show ----------------------------------------------- */

static void timer_waits_on_the_title_slide(void **state)
{
    Fx *f = *state;
    at(f, 600000); /* ten minutes of people finding seats */
    key(f, 'l');
    assert_state(f, "\"elapsed_ms\":0,");
    assert_state(f, "\"running\":false,\"level\"");
    at(f, 601000);
    key(f, KEY_PAGEDOWN); /* the first move onwards starts it */
    at(f, 611000);
    assert_state(f, "\"slide\":2,");
    assert_state(f, "\"elapsed_ms\":10000,");
}

static void start_key_starts_the_timer_on_the_title(void **state)
{
    Fx *f = *state;
    at(f, 1000);
    key(f, KEY_F5);
    at(f, 6000);
    assert_state(f, "\"slide\":1,");
    assert_state(f, "\"screen\":\"slide\""); /* not blank: the first press starts */
    assert_state(f, "\"elapsed_ms\":5000,");
}

static void pause_survives_slide_changes(void **state)
{
    Fx *f = *state;
    key(f, KEY_RIGHT);
    at(f, 60000);
    key(f, 's');
    at(f, 400000);
    key(f, KEY_RIGHT);
    key(f, KEY_RIGHT);
    key(f, KEY_LEFT);
    assert_state(f, "\"elapsed_ms\":60000,");
    assert_state(f, "\"slide\":3,");
    key(f, 's');
    at(f, 430000);
    assert_state(f, "\"elapsed_ms\":90000,\"remaining_ms\":2610000,\"running\":true");
    key_m(f, 'r', MOD_CTRL, false);
    assert_state(f, "\"elapsed_ms\":0,");
}

static void overrun_shows_over(void **state)
{
    Fx *f = *state;
    key(f, KEY_F5);
    at(f, 47 * 60000);
    assert_state(f, "\"remaining_ms\":-120000");
    assert_state(f, "\"level\":\"over\"");
}

static void pacing_in_the_state(void **state)
{
    Fx *f = *state;
    key(f, KEY_F5);
    at(f, 30000);
    key(f, KEY_RIGHT); /* slide 2 window [60, 180] at 30 s: ahead 0:30 */
    assert_state(f, "\"pacing_ms\":-30000");
}

/* ---- clicker keys -------------------------------------------------------- */

static void start_stop_toggles_blank_and_never_quits(void **state)
{
    Fx *f = *state;
    key(f, KEY_F5); /* starts */
    key(f, KEY_F5);
    assert_state(f, "\"blank\":\"black\"");
    key_m(f, KEY_F5, MOD_SHIFT, false);
    assert_state(f, "\"screen\":\"slide\"");
    key(f, KEY_ESCAPE);
    assert_state(f, "\"blank\":\"black\"");
    key(f, KEY_ESCAPE);
    assert_state(f, "\"blank\":null");
    assert_true(show_running(f->show));
}

static void black_and_white_toggle_and_paging_unblanks(void **state)
{
    Fx *f = *state;
    key(f, '.');
    assert_state(f, "\"blank\":\"black\"");
    key(f, 'w'); /* white replaces black */
    assert_state(f, "\"blank\":\"white\"");
    key(f, ',');
    assert_state(f, "\"blank\":null");
    key(f, 'b');
    key(f, KEY_PAGEDOWN); /* brings the hidden slide back, does not skip it */
    assert_state(f, "\"blank\":null");
    assert_state(f, "\"slide\":1,");
    /* the audience sees only black: nothing drawn, black clear colour */
    key(f, 'b');
    const Scene *sc = show_scene(f->show);
    assert_int_equal(sc->n, 0);
    assert_int_equal(sc->clear.r + sc->clear.g + sc->clear.b, 0);
}

static void number_and_enter_jump(void **state)
{
    Fx *f = *state;
    key(f, '5');
    assert_state(f, "\"goto\":5");
    key(f, KEY_ENTER);
    assert_state(f, "\"slide\":5,");
    key(f, '9');
    key(f, '9');
    key(f, KEY_ENTER); /* past the end: the last slide */
    assert_state(f, "\"slide\":6,");
    key(f, '2');
    at(f, 10000); /* forgotten after a pause */
    Event tick = {.type = EV_TICK, .t = f->t};
    show_handle(f->show, &tick);
    assert_state(f, "\"goto\":null");
    key(f, KEY_ENTER); /* now Enter is just "next" (clamped at the end) */
    assert_state(f, "\"slide\":6,");
}

/* A beamer deck's pages labelled 1, 1, 2, 3, 3, 4: "3 + Enter" goes to the
 * third slide as the counter numbers them, its first overlay (page 4). */
static void number_counts_labelled_slides(void **state)
{
    Fx *f = *state;
    Exhibition *ex = f->lib->items[0];
    static char *const labels[] = {"1", "1", "2", "3", "3", "4"};
    for (int i = 0; i < 6; i++)
        ex->slides[i].label = labels[i];
    key(f, '3');
    key(f, KEY_ENTER);
    assert_state(f, "\"slide\":4,");
    key(f, '4');
    key(f, KEY_ENTER);
    assert_state(f, "\"slide\":6,");
    key(f, '9');
    key(f, KEY_ENTER); /* past the last slide: the last page */
    assert_state(f, "\"slide\":6,");
    key(f, '1');
    key(f, KEY_ENTER);
    assert_state(f, "\"slide\":1,");
    for (int i = 0; i < 6; i++)
        ex->slides[i].label = NULL; /* not ours to free */
}

static void overview_moves_by_rows_and_chooses(void **state)
{
    Fx *f = *state;
    key(f, KEY_TAB);
    assert_state(f, "\"screen\":\"overview\"");
    key(f, KEY_RIGHT);
    key(f, KEY_DOWN); /* 6 slides: 3 columns, so 2 + 3 = 5 */
    assert_state(f, "\"overview_selection\":5");
    key(f, KEY_ENTER);
    assert_state(f, "\"screen\":\"slide\"");
    assert_state(f, "\"slide\":5,");
    key(f, 'g');
    key(f, KEY_ESCAPE); /* Escape closes the overview, it does not blank */
    assert_state(f, "\"screen\":\"slide\"");
}

static void held_button_moves_one_then_steadily(void **state)
{
    Fx *f = *state;
    at(f, 1000);
    key_m(f, KEY_PAGEDOWN, 0, false);
    for (uint64_t t = 1500; t < 1700; t += 33) { /* auto-repeat before 700 ms */
        at(f, t);
        key_m(f, KEY_PAGEDOWN, 0, true);
    }
    assert_state(f, "\"slide\":2,");
    for (uint64_t t = 1700; t <= 2400; t += 33) { /* held on purpose */
        at(f, t);
        key_m(f, KEY_PAGEDOWN, 0, true);
    }
    /* from 1700 to 2400 ms: at most once per 300 ms */
    assert_state(f, "\"slide\":5,");
    key_m(f, 'b', 0, false);
    key_m(f, 'b', 0, true); /* toggles never repeat */
    assert_state(f, "\"blank\":\"black\"");
}

static void timer_ticks_once_a_second_only_when_seen(void **state)
{
    Fx *f = *state;
    key(f, KEY_F5);
    assert_int_equal(show_next_deadline(f->show, 0), SHOW_NO_DEADLINE); /* nobody sees it */
    key(f, 't');
    assert_int_equal(show_next_deadline(f->show, 250), 750);
    key(f, 't');
    show_set_presenter(f->show, true);
    assert_int_equal(show_next_deadline(f->show, 1999), 1);
}

static void presenter_scene_has_notes_timer_and_next(void **state)
{
    Fx *f = *state;
    Exhibition *ex = f->lib->items[0];
    fx_set(&ex->slides[0].notes, "Жазба бір", "Заметка один", "Note one");
    key(f, KEY_F5);
    at(f, 65000);
    const Scene *sc = show_presenter_scene(f->show, 1920, 1080, f->t, "10:01");
    assert_non_null(scene_find_text(sc, "01:05"));
    assert_non_null(scene_find_text(sc, "43:55"));
    assert_non_null(scene_find_text(sc, "Жазба бір"));
    assert_non_null(scene_find_text(sc, "deck kk 2")); /* the next slide's title */
    assert_non_null(scene_find_text(sc, "10:01"));
    assert_non_null(scene_find_text(sc, "1 / 6"));
}

/* ---- lecture.c alone: keys, actions and time in, redraws and moves out -- */

static void goto_digits_then_enter_unblank_and_move(void **state)
{
    (void)state;
    Lecture l;
    lecture_init(&l, 0, 0, false, NULL);
    assert_int_equal(l.warn_min, 5);
    assert_int_equal(l.alert_min, 1);
    unsigned bits = lecture_action(&l, ACT_BLACK, 0, 100);
    assert_int_equal(bits, LECTURE_REDRAW | LECTURE_REDRAW_PRESENTER);
    assert_int_equal(l.blank, BLANK_BLACK);
    int to;
    bits = 0;
    Event one = {.type = EV_KEY, .key = '1', .t = 200}, two = {.type = EV_KEY, .key = '2', .t = 300};
    Event enter = {.type = EV_KEY, .key = KEY_ENTER, .t = 400};
    assert_true(lecture_goto_key(&l, &one, &to, &bits));
    assert_true(lecture_goto_key(&l, &two, &to, &bits));
    assert_int_equal(to, -1);
    assert_int_equal(lecture_next_deadline(&l, 300, true, false), LECTURE_GOTO_TIMEOUT_MS);
    assert_true(lecture_goto_key(&l, &enter, &to, &bits));
    assert_int_equal(to, 11);
    assert_int_equal(l.blank, BLANK_NONE);
    /* digits forgotten after the timeout, on a timer event */
    assert_true(lecture_goto_key(&l, &one, &to, &bits));
    assert_int_equal(lecture_expire(&l, 200 + LECTURE_GOTO_TIMEOUT_MS - 1), 0);
    assert_true(lecture_expire(&l, 200 + LECTURE_GOTO_TIMEOUT_MS) & LECTURE_REDRAW);
    assert_int_equal(l.goto_digits, 0);
    lecture_free(&l);
}

static void paging_while_blank_only_unblanks(void **state)
{
    (void)state;
    Lecture l;
    lecture_init(&l, 5, 1, true, NULL);
    unsigned bits = 0;
    assert_false(lecture_unblank(&l, ACT_NEXT, &bits));
    lecture_action(&l, ACT_START_STOP, 0, 0); /* starts the timer */
    assert_true(l.timer.running);
    lecture_action(&l, ACT_START_STOP, 0, 10); /* then blanks */
    assert_int_equal(l.blank, BLANK_BLACK);
    assert_false(lecture_unblank(&l, ACT_OVERVIEW, &bits));
    assert_true(lecture_unblank(&l, ACT_PREV, &bits));
    assert_int_equal(l.blank, BLANK_NONE);
    /* the overlay's timer ticks once a second while seen */
    assert_int_equal(lecture_next_deadline(&l, 1500, true, false), 500);
    assert_int_equal(lecture_next_deadline(&l, 1500, false, false), UINT64_MAX);
    assert_true(lecture_tick(&l, 1500) & LECTURE_REDRAW);
    assert_int_equal(lecture_tick(&l, 1600), 0); /* same second */
    lecture_free(&l);
}

static void moving_on_starts_the_timer_once(void **state)
{
    (void)state;
    Lecture l;
    lecture_init(&l, 5, 1, false, NULL);
    lecture_moving(&l, 2, 1, 100);
    assert_false(l.timer.running); /* back is not onwards */
    lecture_moving(&l, 0, 1, 200);
    assert_true(l.timer.running);
    lecture_end(&l, false);
    assert_false(l.timer.running);
    lecture_free(&l);
}

/* The record taken at the end of a lecture is the caller's: the lecture
 * keeps no pointer into it, so ending and freeing it afterwards frees
 * nothing twice (ASan's build would abort here). */
static void a_taken_record_leaves_nothing_behind(void **state)
{
    (void)state;
    Exhibition *ex = fx_exhibition("deck", "Дәріс", "Лекция", "Lecture", 3, false);
    Lecture l;
    lecture_init(&l, 5, 1, false, "2026-11-25T10:00:00");
    lecture_open(&l, ex, 45, true);
    Rehearsal r;
    assert_true(lecture_take_record(&l, &r));
    assert_string_equal(r.exhibition, "deck");
    assert_int_equal(r.n, 3);
    assert_null(l.rec.exhibition);
    assert_null(l.rec.slides);
    Rehearsal again;
    assert_false(lecture_take_record(&l, &again));
    lecture_end(&l, false);
    lecture_free(&l);
    rehearsal_free(&r);
    fx_exhibition_free(ex);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_minutes_hours_and_overrun),
        cmocka_unit_test(levels_at_the_warning_points),
        cmocka_unit_test(pacing_against_budgets),
        cmocka_unit_test(goto_digits_then_enter_unblank_and_move),
        cmocka_unit_test(paging_while_blank_only_unblanks),
        cmocka_unit_test(moving_on_starts_the_timer_once),
        cmocka_unit_test(a_taken_record_leaves_nothing_behind),
        T(timer_waits_on_the_title_slide),
        T(start_key_starts_the_timer_on_the_title),
        T(pause_survives_slide_changes),
        T(overrun_shows_over),
        T(pacing_in_the_state),
        T(start_stop_toggles_blank_and_never_quits),
        T(black_and_white_toggle_and_paging_unblanks),
        T(number_and_enter_jump),
        T(number_counts_labelled_slides),
        T(overview_moves_by_rows_and_chooses),
        T(held_button_moves_one_then_steadily),
        T(timer_ticks_once_a_second_only_when_seen),
        T(presenter_scene_has_notes_timer_and_next),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
