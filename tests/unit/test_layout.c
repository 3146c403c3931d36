/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_layout.c - text wrapping and fitting with a fake measure.
 *
 * The fake measure makes every code point px/2 pixels wide, so at px = 20 a
 * line of max_w = 100 holds exactly 10 code points, whatever the script.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "unit_support.h"

#define PX 20           /* 10 px per code point */
#define MAXL 32

static const char *const KAZAKH = "Қарағанды өңірінің ұлы үйі";

/* Wrap text at PX (10 px a code point) into max_w. */
static int wrap(const char *text, int max_w, LayoutLine *lines, int max_lines, bool *more)
{
    Measure m = fake_measure();
    return layout_wrap(&m, PX, FONT_REGULAR, text, max_w, lines, max_lines, more);
}

static void assert_line(const char *text, const LayoutLine *ln, const char *expect)
{
    size_t n = strlen(expect);
    if (ln->len != n || memcmp(text + ln->start, expect, n) != 0) {
        print_error("line is \"%.*s\", expected \"%s\"\n", (int)ln->len, text + ln->start, expect);
        fail();
    }
    assert_int_equal(ln->width, fake_count_cps(expect, n) * (PX / 2));
}

/* ---- layout_wrap --------------------------------------------------------- */

/* UAX #14: Chinese has no spaces and wraps between characters, but a
 * closing mark (，。」) never starts a line and an opening one never ends it. */
static void chinese_wraps_between_characters_by_uax14(void **state)
{
    (void)state;
    /* 10 code points a line */
    const char *t = "卡拉干达的艺术家们在营地里继续创作，他们用木炭和纸记录了生活。「草原」是他们的主题。";
    LayoutLine l[MAXL];
    bool more = true;
    int n = wrap(t, 100, l, MAXL, &more);
    assert_false(more);
    assert_true(n >= 4);
    static const char *const closing[] = {"，", "。", "」"};
    static const char *const opening[] = {"「"};
    size_t total = 0;
    for (int i = 0; i < n; i++) {
        assert_true(l[i].width <= 100);
        assert_true(l[i].len > 0);
        for (size_t k = 0; k < 3; k++)
            if (strncmp(t + l[i].start, closing[k], strlen(closing[k])) == 0)
                fail_msg("line %d starts with %s", i + 1, closing[k]);
        if (l[i].len >= 3 && memcmp(t + l[i].start + l[i].len - 3, opening[0], 3) == 0)
            fail_msg("line %d ends with %s", i + 1, opening[0]);
        total += l[i].len;
    }
    assert_int_equal(total, strlen(t)); /* nothing lost: no spaces to drop */
    assert_line(t, &l[0], "卡拉干达的艺术家们在");
    /* the tenth character of line 2 would be "，"'s neighbour: "作，" stay together */
    assert_line(t, &l[1], "营地里继续创作，他们");
    /* "「草" is never split after "「" */
    for (int i = 0; i + 1 < n; i++)
        assert_false(strncmp(t + l[i + 1].start, "草原", 6) == 0 &&
                     memcmp(t + l[i].start + l[i].len - 3, "「", 3) == 0);
}

static void direction_is_the_first_strong_letters(void **state)
{
    (void)state;
    assert_true(layout_is_rtl("واصل الفنانون العمل"));
    assert_true(layout_is_rtl("«2026» שלום"));            /* digits and quotes are not letters */
    assert_true(layout_is_rtl("1937 واصل Karaganda"));
    assert_false(layout_is_rtl("Karaganda واصل"));
    assert_false(layout_is_rtl("Қарағанды 卡拉干达"));
    assert_false(layout_is_rtl("2026 …"));
    assert_false(layout_is_rtl(""));
    assert_false(layout_is_rtl(NULL));
}

/* Latin and Cyrillic still wrap at spaces, and after a hyphen inside a
 * word, but never inside a command-line option a caption quotes. */
static void hyphens_and_options(void **state)
{
    (void)state;
    const char *t = "Алма-Атаның vitrine --hash-pin";
    LayoutLine l[MAXL];
    int n = wrap(t, 100, l, MAXL, NULL);
    assert_true(n >= 3);
    assert_line(t, &l[0], "Алма-");
    bool whole = false;
    for (int i = 0; i < n; i++)
        whole |= l[i].len == strlen("--hash-pin") && memcmp(t + l[i].start, "--hash-pin", l[i].len) == 0;
    assert_true(whole);
}

static void wraps_at_spaces_greedily(void **state)
{
    (void)state;
    const char *t = "the quick brown fox jumps";
    LayoutLine l[MAXL];
    bool more = true;
    int n = wrap(t, 100, l, MAXL, &more);
    assert_int_equal(n, 3);
    assert_false(more);
    assert_line(t, &l[0], "the quick");
    assert_line(t, &l[1], "brown fox");
    assert_line(t, &l[2], "jumps");
}

static void text_that_fits_is_one_line(void **state)
{
    (void)state;
    const char *t = "short line";
    LayoutLine l[MAXL];
    int n = wrap(t, 100, l, MAXL, NULL);
    assert_int_equal(n, 1);
    assert_line(t, &l[0], "short line");
}

static void a_line_exactly_max_w_wide_fits(void **state)
{
    (void)state;
    const char *t = "abcde fghi jk";   /* "abcde fghi" is exactly 10 code points */
    LayoutLine l[MAXL];
    int n = wrap(t, 100, l, MAXL, NULL);
    assert_int_equal(n, 2);
    assert_line(t, &l[0], "abcde fghi");
    assert_line(t, &l[1], "jk");
}

static void newline_always_breaks(void **state)
{
    (void)state;
    const char *t = "ab\ncd";
    LayoutLine l[MAXL];
    int n = wrap(t, 1000, l, MAXL, NULL);
    assert_int_equal(n, 2);
    assert_line(t, &l[0], "ab");
    assert_line(t, &l[1], "cd");
}

static void blank_line_between_paragraphs_is_kept(void **state)
{
    (void)state;
    const char *t = "ab\n\ncd";
    LayoutLine l[MAXL];
    int n = wrap(t, 1000, l, MAXL, NULL);
    assert_int_equal(n, 3);
    assert_line(t, &l[0], "ab");
    assert_int_equal(l[1].len, 0);
    assert_int_equal(l[1].width, 0);
    assert_line(t, &l[2], "cd");
}

static void crlf_is_one_break_and_cr_is_not_in_lines(void **state)
{
    (void)state;
    const char *t = "ab\r\ncd\r\nef";
    LayoutLine l[MAXL];
    int n = wrap(t, 1000, l, MAXL, NULL);
    assert_int_equal(n, 3);
    assert_line(t, &l[0], "ab");
    assert_line(t, &l[1], "cd");
    assert_line(t, &l[2], "ef");
    for (int i = 0; i < n; i++)
        assert_null(memchr(t + l[i].start, '\r', l[i].len));
}

static void trailing_newline_adds_no_empty_line(void **state)
{
    (void)state;
    /* Curators' captions often end with "\n"; that must not cost a line (or,
     * in a box one line high, mark the caption as truncated). */
    const char *t = "caption\n";
    LayoutLine l[MAXL];
    bool more = true;
    int n = wrap(t, 1000, l, 1, &more);
    assert_int_equal(n, 1);
    assert_false(more);
    assert_line(t, &l[0], "caption");
}

static void long_word_breaks_between_code_points(void **state)
{
    (void)state;
    const char *t = "abcdefghijklmnopqrstuvwxy";
    LayoutLine l[MAXL];
    int n = wrap(t, 100, l, MAXL, NULL);
    assert_int_equal(n, 3);
    assert_line(t, &l[0], "abcdefghij");
    assert_line(t, &l[1], "klmnopqrst");
    assert_line(t, &l[2], "uvwxy");
}

static void long_word_after_short_one_starts_a_new_line(void **state)
{
    (void)state;
    const char *t = "ab abcdefghijklmno";
    LayoutLine l[MAXL];
    int n = wrap(t, 100, l, MAXL, NULL);
    assert_int_equal(n, 3);
    assert_line(t, &l[0], "ab");
    assert_line(t, &l[1], "abcdefghij");
    assert_line(t, &l[2], "klmno");
}

static void kazakh_breaks_never_split_a_utf8_sequence(void **state)
{
    (void)state;
    size_t total = strlen(KAZAKH);
    int cps_no_space = fake_count_cps(KAZAKH, total) - 3; /* three spaces */
    /* Every width from less than one letter to the whole text. */
    for (int max_w = 5; max_w <= 300; max_w += 5) {
        LayoutLine l[MAXL];
        bool more = true;
        int n = wrap(KAZAKH, max_w, l, MAXL, &more);
        assert_false(more);
        assert_true(n >= 1);
        int cps = 0;
        size_t prev_end = 0;
        for (int i = 0; i < n; i++) {
            const char *s = KAZAKH + l[i].start;
            if (!utf8_valid(s, l[i].len)) {
                print_error("max_w %d: line %d \"%.*s\" is not valid UTF-8\n", max_w, i,
                            (int)l[i].len, s);
                fail();
            }
            /* a line starts on a code point boundary */
            assert_true(((unsigned char)s[0] & 0xC0) != 0x80);
            assert_true(l[i].start >= prev_end);
            prev_end = l[i].start + l[i].len;
            assert_int_equal(l[i].width, fake_count_cps(s, l[i].len) * (PX / 2));
            /* no wider than the box, unless one letter alone is wider */
            if (max_w >= PX / 2)
                assert_true(l[i].width <= max_w);
            for (size_t b = 0; b < l[i].len; b++)
                cps += s[b] != ' ' && ((unsigned char)s[b] & 0xC0) != 0x80;
        }
        /* nothing was lost but the spaces at the breaks */
        assert_int_equal(cps, cps_no_space);
    }
}

static void kazakh_long_word_breaks_after_ten_letters(void **state)
{
    (void)state;
    const char *t = "Қарағандыөңірініңұлы";   /* 20 letters, 40 bytes */
    LayoutLine l[MAXL];
    int n = wrap(t, 100, l, MAXL, NULL);
    assert_int_equal(n, 2);
    assert_line(t, &l[0], "Қарағандыө");
    assert_line(t, &l[1], "ңірініңұлы");
}

static void lines_have_no_leading_or_trailing_spaces(void **state)
{
    (void)state;
    const char *t = "  word   word   word    word  word   ";
    for (int max_w = 40; max_w <= 400; max_w += 10) {
        LayoutLine l[MAXL];
        int n = wrap(t, max_w, l, MAXL, NULL);
        assert_true(n >= 1);
        for (int i = 0; i < n; i++) {
            assert_true(l[i].len > 0);
            assert_int_not_equal(t[l[i].start], ' ');
            assert_int_not_equal(t[l[i].start + l[i].len - 1], ' ');
        }
    }
}

static void empty_text_has_no_lines(void **state)
{
    (void)state;
    LayoutLine l[MAXL];
    bool more = true;
    assert_int_equal(wrap("", 100, l, MAXL, &more), 0);
    assert_false(more);
}

static void null_text_has_no_lines(void **state)
{
    (void)state;
    LayoutLine l[MAXL];
    bool more = true;
    assert_int_equal(wrap(NULL, 100, l, MAXL, &more), 0);
    assert_false(more);
}

static void running_out_of_lines_sets_more(void **state)
{
    (void)state;
    const char *t = "one two three four five six";
    LayoutLine l[2];
    bool more = false;
    int n = wrap(t, 50, l, 2, &more);
    assert_int_equal(n, 2);
    assert_true(more);
    assert_line(t, &l[0], "one");
    assert_line(t, &l[1], "two");
}

static void zero_width_box_takes_nothing(void **state)
{
    (void)state;
    LayoutLine l[MAXL];
    bool more = false;
    assert_int_equal(wrap("text", 0, l, MAXL, &more), 0);
    assert_true(more);
}

/* ---- layout_fit ---------------------------------------------------------- */

static void fit_keeps_the_largest_size_when_it_fits(void **state)
{
    (void)state;
    Measure m = fake_measure();
    TextBlock tb;
    layout_fit(&m, FONT_REGULAR, "short", 1000, 100, 40, 10, &tb);
    assert_int_equal(tb.px, 40);
    assert_int_equal(tb.n, 1);
    assert_int_equal(tb.line_h, 50);
    assert_false(tb.truncated);
}

static void fit_steps_down_until_the_text_fits(void **state)
{
    (void)state;
    Measure m = fake_measure();
    /* 40 code points in a 200 x 75 box: at 40 px only 10 letters a line
     * and one line; it takes a much smaller size. */
    const char *t = "aaaa bbbb cccc dddd eeee ffff gggg hhhh";
    TextBlock tb;
    layout_fit(&m, FONT_REGULAR, t, 200, 75, 40, 8, &tb);
    assert_false(tb.truncated);
    assert_true(tb.px < 40);
    assert_true(tb.px >= 8);
    assert_int_equal(tb.line_h, tb.px * 5 / 4);
    assert_true(tb.n * tb.line_h <= 75);
    for (int i = 0; i < tb.n; i++)
        assert_true(tb.lines[i].width <= 200);

    /* Sizes tried: 40 36 33 30 27 24 22 20; 20 is the first at which 4 words
     * go on a line (20 code points of 10 px) and 3 lines are allowed. */
    assert_int_equal(tb.px, 20);
    assert_int_equal(tb.n, 2);
    /* the step before did not fit */
    TextBlock tb2;
    layout_fit(&m, FONT_REGULAR, t, 200, 75, 22, 22, &tb2);
    assert_true(tb2.truncated);
}

static void fit_ends_exactly_at_px_min_between_steps(void **state)
{
    (void)state;
    Measure m = fake_measure();
    /* Never fits. Steps from 48 are 44 40 36 33 30: the step below 33
     * would skip the minimum of 31, so 31 itself is tried last. */
    const char *t = "aaaa bbbb cccc dddd eeee ffff gggg hhhh";
    TextBlock tb;
    layout_fit(&m, FONT_REGULAR, t, 200, 75, 48, 31, &tb);
    assert_int_equal(tb.px, 31);
    assert_true(tb.truncated);
}

static void fit_truncates_at_the_minimum_size(void **state)
{
    (void)state;
    Measure m = fake_measure();
    char t[2048] = "";
    for (int i = 0; i < 100; i++)
        strcat(t, "word ");
    TextBlock tb;
    layout_fit(&m, FONT_REGULAR, t, 200, 100, 40, 16, &tb);
    assert_int_equal(tb.px, 16);
    assert_true(tb.truncated);
    assert_int_equal(tb.line_h, 20);
    assert_int_equal(tb.n, 100 / 20);
    for (int i = 0; i < tb.n; i++)
        assert_true(tb.lines[i].width <= 200);
}

static void fit_box_too_small_for_one_line(void **state)
{
    (void)state;
    Measure m = fake_measure();
    TextBlock tb;
    /* line height at the minimum 16 px is 20 > 19 */
    layout_fit(&m, FONT_REGULAR, "hello", 500, 19, 40, 16, &tb);
    assert_int_equal(tb.n, 0);
    assert_true(tb.truncated);
    assert_int_equal(tb.px, 16);
}

static void fit_empty_text_is_not_truncated(void **state)
{
    (void)state;
    Measure m = fake_measure();
    TextBlock tb;
    layout_fit(&m, FONT_REGULAR, "", 500, 100, 40, 16, &tb);
    assert_int_equal(tb.n, 0);
    assert_false(tb.truncated);
    assert_int_equal(tb.px, 40);
}

static void fit_with_inverted_sizes_uses_the_minimum(void **state)
{
    (void)state;
    Measure m = fake_measure();
    TextBlock tb;
    layout_fit(&m, FONT_REGULAR, "x", 500, 100, 10, 20, &tb);
    assert_int_equal(tb.px, 20);
    assert_int_equal(tb.n, 1);
}

static void fit_never_exceeds_max_lines(void **state)
{
    (void)state;
    Measure m = fake_measure();
    char t[4096] = "";
    for (int i = 0; i < 200; i++)
        strcat(t, "w\n");
    TextBlock tb;
    layout_fit(&m, FONT_REGULAR, t, 500, 100000, 8, 8, &tb);
    assert_int_equal(tb.n, LAYOUT_MAX_LINES);
    assert_true(tb.truncated);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wraps_at_spaces_greedily),
        cmocka_unit_test(chinese_wraps_between_characters_by_uax14),
        cmocka_unit_test(hyphens_and_options),
        cmocka_unit_test(direction_is_the_first_strong_letters),
        cmocka_unit_test(text_that_fits_is_one_line),
        cmocka_unit_test(a_line_exactly_max_w_wide_fits),
        cmocka_unit_test(newline_always_breaks),
        cmocka_unit_test(blank_line_between_paragraphs_is_kept),
        cmocka_unit_test(crlf_is_one_break_and_cr_is_not_in_lines),
        cmocka_unit_test(trailing_newline_adds_no_empty_line),
        cmocka_unit_test(long_word_breaks_between_code_points),
        cmocka_unit_test(long_word_after_short_one_starts_a_new_line),
        cmocka_unit_test(kazakh_breaks_never_split_a_utf8_sequence),
        cmocka_unit_test(kazakh_long_word_breaks_after_ten_letters),
        cmocka_unit_test(lines_have_no_leading_or_trailing_spaces),
        cmocka_unit_test(empty_text_has_no_lines),
        cmocka_unit_test(null_text_has_no_lines),
        cmocka_unit_test(running_out_of_lines_sets_more),
        cmocka_unit_test(zero_width_box_takes_nothing),
        cmocka_unit_test(fit_keeps_the_largest_size_when_it_fits),
        cmocka_unit_test(fit_steps_down_until_the_text_fits),
        cmocka_unit_test(fit_ends_exactly_at_px_min_between_steps),
        cmocka_unit_test(fit_truncates_at_the_minimum_size),
        cmocka_unit_test(fit_box_too_small_for_one_line),
        cmocka_unit_test(fit_empty_text_is_not_truncated),
        cmocka_unit_test(fit_with_inverted_sizes_uses_the_minimum),
        cmocka_unit_test(fit_never_exceeds_max_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
