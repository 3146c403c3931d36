/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_localized.c - language codes and looking a text up by language. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "localized.h"

static void test_codes(void **state)
{
    (void)state;
    assert_true(loc_code_ok("kk"));
    assert_true(loc_code_ok("kk-Latn"));
    assert_true(loc_code_ok("zh-TW"));
    assert_true(loc_code_ok("ast"));
    assert_false(loc_code_ok("k"));
    assert_false(loc_code_ok("KK"));
    assert_false(loc_code_ok("kaza"));
    assert_false(loc_code_ok("kk-"));
    assert_false(loc_code_ok("kk_KZ"));
    assert_false(loc_code_ok("kk-aaaaaaaaaaaaa")); /* LANG_CODE_MAX with the NUL */
    assert_false(loc_code_ok(""));
}

static void test_lookup(void **state)
{
    (void)state;
    Localized l = {calloc(3, sizeof(LocEntry)), 0};
    assert_non_null(l.items);
    assert_null(loc_text(&l, "kk", NULL, 0));
    assert_true(loc_add(&l, 3, "ru", "Привет"));
    assert_true(loc_add(&l, 3, "en", "Hello"));
    char *order[] = {"kk", "en", "ru"};
    assert_string_equal(loc_text(&l, "ru", order, 3), "Привет");
    /* kk is missing: the first of the order that is there */
    assert_string_equal(loc_text(&l, "kk", order, 3), "Hello");
    assert_string_equal(loc_text(&l, "kk", NULL, 0), "Привет");
    assert_true(loc_has(&l, "en"));
    assert_false(loc_has(&l, "kk"));
    assert_true(loc_add(&l, 3, LOC_ALL, "Сәлем"));
    assert_false(loc_add(&l, 3, "de", "Hallo")); /* full */
    assert_true(loc_has(&l, "kk"));
    assert_string_equal(loc_text(&l, "kk", order, 3), "Сәлем");
    loc_clear(&l);
    assert_int_equal(l.n, 0);
    assert_null(l.items);
    assert_false(loc_has(NULL, "kk"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_lookup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
