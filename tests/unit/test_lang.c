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
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "settings.h"
#include "unit_support.h"

#define PO_TEXT(s) s, sizeof s - 1

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

static void every_entry_is_valid(void **state)
{
    (void)state;
    assert_true(lang_count() > 0);
    for (int i = 0; i < lang_count(); i++) {
        const Lang *l = lang_at(i);
        assert_non_null(l);
        if (!code_ok(l->code))
            fail_msg("entry %d: \"%s\" is not a language code", i, l->code);
        assert_true(l->name && l->name[0]);
        assert_true(utf8_valid(l->name, strlen(l->name)));
        for (int k = 0; k < i; k++)
            assert_string_not_equal(lang_at(k)->code, l->code);
    }
    assert_null(lang_at(-1));
    assert_null(lang_at(lang_count()));
    /* English, the msgids: every string there and never empty; a count's
     * strings have their "%d" */
    for (int s = 0; s < UI__COUNT; s++) {
        assert_true(lang_msgid(s) && lang_msgid(s)[0]);
        assert_true(utf8_valid(lang_msgid(s), strlen(lang_msgid(s))));
        if (lang_msgid_plural(s))
            assert_non_null(strstr(lang_msgid_plural(s), "%d"));
        for (int k = 0; k < s; k++)
            if (strcmp(lang_msgid(k), lang_msgid(s)) == 0)
                fail_msg("strings %d and %d have one msgid \"%s\"", k, s, lang_msgid(s));
    }
}

/* Every shipped PO file reads without a warning; kk, ru (and en, the
 * source) translate everything. */
static void shipped_translations_read_clean(void **state)
{
    (void)state;
    DiagList dl = {0};
    int n = lang_load_dir(PO_DIR, &dl);
    if (dl.n)
        diag_print(&dl, stderr);
    assert_int_equal(dl.n, 0);
    assert_true(n >= 6);
    static const char *const complete[] = {"kk", "ru", "en"};
    for (size_t i = 0; i < sizeof complete / sizeof complete[0]; i++)
        for (int s = 0; s < UI__COUNT; s++)
            if (!lang_translates(complete[i], s))
                fail_msg("%s lacks \"%s\"", complete[i], lang_msgid(s));
    static const char *const shipped[] = {"kk-Latn", "de", "tr", "zh"};
    for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
        assert_true(lang_has_ui(shipped[i]));
        assert_true(lang_translates(shipped[i], UI_HOME));
    }
    assert_string_equal(lang_text(UI_HOME, "de"), "Start");
    assert_string_equal(lang_text(UI_HOME, "zh"), "首页");
    char b[64];
    /* Russian's three plural forms, by its own rule */
    assert_string_equal(lang_count_text(UI_SLIDES, 1, "ru", b, sizeof b), "1 слайд");
    assert_string_equal(lang_count_text(UI_SLIDES, 3, "ru", b, sizeof b), "3 слайда");
    assert_string_equal(lang_count_text(UI_SLIDES, 11, "ru", b, sizeof b), "11 слайдов");
    assert_string_equal(lang_count_text(UI_SLIDES, 21, "ru", b, sizeof b), "21 слайд");
    assert_string_equal(lang_count_text(UI_SLIDES, 1, "en", b, sizeof b), "1 slide");
    assert_string_equal(lang_count_text(UI_MORE, 4, "en", b, sizeof b), "and 4 more");
    lang_unload();
    diag_clear(&dl);
}

static void lookup_and_fallback(void **state)
{
    (void)state;
    lang_load_dir(PO_DIR, NULL);
    const Lang *en = lang_find(LANG_FALLBACK);
    assert_non_null(en);
    for (int i = 0; i < lang_count(); i++)
        assert_ptr_equal(lang_find(lang_at(i)->code), lang_at(i));
    assert_null(lang_find("xx"));
    assert_null(lang_find(NULL));
    assert_null(lang_find("KK"));
    /* no catalog: English, whatever the code */
    assert_string_equal(lang_text(UI_HOME, "xx"), "Home");
    assert_string_equal(lang_text(UI_HOME, NULL), "Home");
    assert_string_equal(lang_text(UI_HOME, "KK"), "Home");
    assert_string_equal(lang_text(UI_HOME, "kk"), "Басты бет");
    assert_string_equal(lang_text(UI_HOME, "ru"), "Главная");
    assert_string_equal(lang_text(UI_CHART_TITLE, "en"), "Visitor statistics");
    /* a string a language lacks comes from the next offered language */
    assert_true(lang_load_text("xx", PO_TEXT("msgid \"Home\"\nmsgstr \"Xome\"\n"), "xx.po", NULL));
    const char *order[] = {"xx", "ru", "en"};
    lang_set_order(order, 3);
    assert_string_equal(lang_text(UI_HOME, "xx"), "Xome");
    assert_string_equal(lang_text(UI_CANCEL, "xx"), "Отмена");
    lang_set_order(order + 2, 1);
    assert_string_equal(lang_text(UI_CANCEL, "xx"), "Cancel");
    /* out of range */
    assert_string_equal(lang_text(UI__COUNT, "kk"), "");
    assert_string_equal(lang_text((UiString)-1, "kk"), "");
    lang_unload();
}

/* Labels: the short ones stay, every other language is named in itself
 * from CLDR, a settings label wins, and six languages get six labels. */
static void labels(void **state)
{
    (void)state;
    assert_string_equal(lang_label("kk"), "ҚАЗ");
    assert_string_equal(lang_label("ru"), "РУС");
    assert_string_equal(lang_label("en"), "ENG");
    assert_string_equal(lang_label("zh"), "中文");
    assert_string_equal(lang_label("de"), "Deutsch");
    assert_string_equal(lang_label("tr"), "Türkçe");
    assert_string_equal(lang_label("ka"), "ქართული");
    assert_string_equal(lang_label("ar"), "العربية");
    assert_string_equal(lang_label("fr"), "Français"); /* CLDR: French menus capitalise */
    assert_string_equal(lang_label("kk-Latn"), "QAZ");
    assert_string_equal(lang_label("qqq"), "qqq");
    const char *six[] = {"kk", "ru", "en", "zh", "de", "kk-Latn"};
    for (int i = 0; i < 6; i++)
        for (int k = 0; k < i; k++)
            assert_string_not_equal(lang_label(six[i]), lang_label(six[k]));
    lang_set_label("kk-Latn", "Qazaqşa");
    assert_string_equal(lang_label("kk-Latn"), "Qazaqşa");
    lang_set_label("kk-Latn", NULL);
    assert_string_equal(lang_label("kk-Latn"), "QAZ");
    lang_unload();
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

static void list_text_names_every_translation(void **state)
{
    (void)state;
    char buf[128];
    assert_string_equal(lang_list_text(buf, sizeof buf), "en");
    assert_true(lang_load_text("kk", "", 0, "kk.po", NULL));
    assert_true(lang_load_text("ru", "", 0, "ru.po", NULL));
    assert_string_equal(lang_list_text(buf, sizeof buf), "en, kk and ru");
    /* cut, but always a string */
    char small[5];
    assert_string_equal(lang_list_text(small, sizeof small), "en, ");
    char one[1];
    assert_string_equal(lang_list_text(one, sizeof one), "");
    lang_unload();
}

static void missing_strings_are_listed(void **state)
{
    (void)state;
    assert_true(lang_load_text("xx", PO_TEXT("msgid \"Home\"\nmsgstr \"Xome\"\n"), "xx.po", NULL));
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    int n = lang_missing_report("xx", f);
    fclose(f);
    assert_int_equal(n, UI__COUNT - 1);
    assert_null(strstr(out, "msgid \"Home\""));
    assert_non_null(strstr(out, "msgid \"Cancel\"\nmsgstr \"\"\n"));
    assert_non_null(strstr(out, "msgid \"%d slide\"\nmsgid_plural \"%d slides\"\n"));
    free(out);
    lang_unload();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_entry_is_valid),
        cmocka_unit_test(shipped_translations_read_clean),
        cmocka_unit_test(lookup_and_fallback),
        cmocka_unit_test(labels),
        cmocka_unit_test(missing_strings_are_listed),
        cmocka_unit_test(defaults_are_the_offered_entries_in_order),
        cmocka_unit_test(settings_defaults_follow_the_table),
        cmocka_unit_test(list_text_names_every_translation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
