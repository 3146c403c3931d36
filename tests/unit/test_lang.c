/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_lang.c - the one table of languages (lang.h): every entry complete,
 * lookups and today's fallbacks, and the places that used to keep their own
 * list (settings' defaults and warning, the show's defaults) follow it, so
 * that adding a language is one entry. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "settings.h"
#include "unit_support.h"

/* A code as settings and manifests accept it: 2-3 lowercase letters, then
 * any number of "-" and letters or digits ("kk", "kk-Latn"). */
static bool code_ok(const char *c)
{
    size_t n = strlen(c), i = 0;
    while (i < n && c[i] >= 'a' && c[i] <= 'z')
        i++;
    if (i < 2 || i > 3)
        return false;
    while (i < n) {
        if (c[i++] != '-')
            return false;
        size_t start = i;
        while (i < n && ((c[i] >= 'a' && c[i] <= 'z') || (c[i] >= 'A' && c[i] <= 'Z') ||
                         (c[i] >= '0' && c[i] <= '9')))
            i++;
        if (i == start)
            return false;
    }
    return true;
}

static void every_entry_is_complete(void **state)
{
    (void)state;
    assert_true(lang_count() > 0);
    for (int i = 0; i < lang_count(); i++) {
        const Lang *l = lang_at(i);
        assert_non_null(l);
        assert_non_null(l->code);
        if (!code_ok(l->code))
            fail_msg("entry %d: \"%s\" is not a language code", i, l->code);
        assert_non_null(l->name);
        assert_true(l->name[0] != '\0');
        assert_true(utf8_valid(l->name, strlen(l->name)));
        for (int s = 0; s < UI__COUNT; s++) {
            const char *t = l->ui[s];
            if (!t)
                fail_msg("%s: string %d is missing", l->code, s);
            assert_true(utf8_valid(t, strlen(t)));
            /* only the words around a number may be empty */
            if (s != UI_MORE_BEFORE && s != UI_MORE_AFTER && !t[0])
                fail_msg("%s: string %d is empty", l->code, s);
        }
        assert_true(l->ui[UI_MORE_BEFORE][0] || l->ui[UI_MORE_AFTER][0]);
        for (int k = 0; k < i; k++)
            assert_string_not_equal(lang_at(k)->code, l->code);
    }
    assert_null(lang_at(-1));
    assert_null(lang_at(lang_count()));
}

static void lookup_and_fallback(void **state)
{
    (void)state;
    const Lang *en = lang_find(LANG_FALLBACK);
    assert_non_null(en);
    for (int i = 0; i < lang_count(); i++) {
        assert_ptr_equal(lang_find(lang_at(i)->code), lang_at(i));
        assert_ptr_equal(lang_get(lang_at(i)->code), lang_at(i));
    }
    /* unknown codes, NULL and a different case get English, as ui_text did */
    assert_null(lang_find("de"));
    assert_null(lang_find(NULL));
    assert_null(lang_find("KK"));
    assert_ptr_equal(lang_get("de"), en);
    assert_ptr_equal(lang_get(NULL), en);
    assert_ptr_equal(lang_get("KK"), en);
    assert_string_equal(lang_text(UI_HOME, "de"), "Home");
    assert_string_equal(lang_text(UI_HOME, NULL), "Home");
    assert_string_equal(lang_get("xx")->name, "ENG");
    /* today's words */
    assert_string_equal(lang_text(UI_HOME, "kk"), "Басты бет");
    assert_string_equal(lang_text(UI_HOME, "ru"), "Главная");
    assert_string_equal(lang_text(UI_MORE_AFTER, "ru"), "");
    assert_string_equal(lang_text(UI_CHART_TITLE, "en"), "Visitor statistics");
    assert_string_equal(lang_find("kk")->name, "ҚАЗ");
    assert_string_equal(lang_find("ru")->name, "РУС");
    /* out of range */
    assert_string_equal(lang_text(UI__COUNT, "kk"), "");
    assert_string_equal(lang_text((UiString)-1, "kk"), "");
}

static void defaults_are_the_offered_entries_in_order(void **state)
{
    (void)state;
    const char *d[16];
    int n = lang_defaults(d, 16);
    int k = 0;
    for (int i = 0; i < lang_count(); i++)
        if (lang_at(i)->offered) {
            assert_true(k < n);
            assert_string_equal(d[k++], lang_at(i)->code);
        }
    assert_int_equal(k, n);
    /* as vitrine has always offered them */
    assert_int_equal(n, 3);
    assert_string_equal(d[0], "kk");
    assert_string_equal(d[1], "ru");
    assert_string_equal(d[2], "en");
    /* the cap is kept */
    const char *one[1];
    assert_int_equal(lang_defaults(one, 1), 1);
    assert_string_equal(one[0], "kk");
    assert_int_equal(lang_defaults(one, 0), 0);
}

static void settings_defaults_follow_the_table(void **state)
{
    (void)state;
    Settings st;
    settings_defaults(&st);
    const char *d[SETTINGS_MAX_LANGS];
    int n = lang_defaults(d, SETTINGS_MAX_LANGS);
    assert_int_equal(st.n_langs, n);
    for (int i = 0; i < n; i++)
        assert_string_equal(st.langs[i], d[i]);
    settings_free(&st);
}

static void list_text_names_every_entry(void **state)
{
    (void)state;
    char buf[128];
    assert_string_equal(lang_list_text(buf, sizeof buf), "kk, ru and en");
    for (int i = 0; i < lang_count(); i++)
        assert_non_null(strstr(buf, lang_at(i)->code));
    /* cut, but always a string */
    char small[5];
    assert_string_equal(lang_list_text(small, sizeof small), "kk, ");
    char one[1];
    assert_string_equal(lang_list_text(one, sizeof one), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_entry_is_complete),
        cmocka_unit_test(lookup_and_fallback),
        cmocka_unit_test(defaults_are_the_offered_entries_in_order),
        cmocka_unit_test(settings_defaults_follow_the_table),
        cmocka_unit_test(list_text_names_every_entry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
