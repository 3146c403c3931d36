/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_subcheck.c - positions of what is wrong in SRT and WebVTT files
 * (subcheck.h), as `vitrine --check` prints them. */
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

#include "subcheck.h"
#include "diag_support.h"

static int check(const char *text, DiagList *dl)
{
    return subcheck_text("kk.srt", text, strlen(text), dl);
}

static void test_good_files(void **state)
{
    (void)state;
    DiagList dl = {0};
    assert_int_equal(check("1\n00:00:01,000 --> 00:00:04,000\nСәлем\n\n"
                           "2\r\n00:00:05,500 --> 00:00:07,000\r\nекі жол\r\nмәтін\r\n",
                           &dl),
                     0);
    assert_int_equal(check("WEBVTT\n\nNOTE a note --> with an arrow\n\n"
                           "intro\n00:01.000 --> 00:04.000 line:90%\nHello\n\n"
                           "01:00:05.000 --> 01:00:07.000\nЁлка\n",
                           &dl),
                     0);
    assert_true(no_diags(&dl));
    diag_clear(&dl);
}

static void test_broken_srt(void **state)
{
    (void)state;
    DiagList dl = {0};
    assert_int_equal(check("1\n00:00:01,000 --> 00:00:04,000\nok\n\n"
                           "2\n00:00:09,000 --> 00:00:05,000\nends before it starts\n\n"
                           "3\n00:00:1O,000 --> 00:00:12,000\nletter O\n\n"
                           "4\n00:00:13,000 -> 00:00:14,000\none dash\n\n"
                           "5\nno timing at all\n",
                           &dl),
                     4);
    assert_diag(&dl, "kk.srt:14:1: error: a timing line");
    assert_diag(&dl, "kk.srt:6:18: error: the cue ends before it starts");
    assert_diag(&dl, "kk.srt:10:8: error: the cue's start time cannot be read");
    assert_diag(&dl, "kk.srt:18:1: error: a timing line (00:00:01,000 --> 00:00:04,000) was expected");
    diag_clear(&dl);
}

static void test_not_utf8(void **state)
{
    (void)state;
    DiagList dl = {0};
    /* "Привет" in Windows-1251 on the third line, fourth column */
    assert_int_equal(check("1\n00:00:01,000 --> 00:00:04,000\nab \xcf\xf0\xe8\n", &dl), 1);
    assert_diag(&dl, "kk.srt:3:4: error: this byte is not UTF-8");
    diag_clear(&dl);
}

static void test_few_reports(void **state)
{
    (void)state;
    DiagList dl = {0};
    char text[8192] = "";
    for (int i = 0; i < 50; i++)
        strcat(text, "1\nbad --> bad\nx\n\n");
    assert_int_equal(check(text, &dl), 50);
    assert_int_equal(dl.n, SUBCHECK_MAX_REPORTS);
    diag_clear(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_files),
        cmocka_unit_test(test_broken_srt),
        cmocka_unit_test(test_not_utf8),
        cmocka_unit_test(test_few_reports),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
