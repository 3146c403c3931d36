/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_po.c - the PO reader (po.h) on good and broken translation files:
 * escapes, continued strings, contexts, fuzzy and untranslated entries,
 * gettext's plural rules, and broken files (bad escapes, invalid UTF-8,
 * unclosed strings, stray keywords, broken Plural-Forms), each a warning
 * with its line that costs only its own entry. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po.h"

#define HEADER(pf) "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n" \
                   "\"Plural-Forms: " pf "\\n\"\n\n"

static PoCatalog *parse(const char *text, DiagList *dl)
{
    PoCatalog *c = po_parse(text, strlen(text), "t.po", dl);
    assert_non_null(c);
    return c;
}

/* dl holds a warning at line:col whose message contains want. */
static void assert_warning(const DiagList *dl, int line, const char *want)
{
    for (int i = 0; i < dl->n; i++)
        if (dl->items[i].line == line && dl->items[i].level == DIAG_WARNING && strstr(dl->items[i].msg, want))
            return;
    diag_print(dl, stderr);
    fail_msg("no warning at line %d with \"%s\"", line, want);
}

static void reads_a_good_file(void **state)
{
    (void)state;
    DiagList dl = {0};
    PoCatalog *c = parse(HEADER("nplurals=2; plural=(n != 1);")
                         "# a translator's comment\n"
                         "#: src/core/scene_home.c:36\n"
                         "msgid \"Home\"\nmsgstr \"Start\"\n\n"
                         "msgid \"\"\n\"Two \"\n\"lines\"\nmsgstr \"Zwei\\n\"\n\"Zeilen \\\"hier\\\"\\t\\\\\"\n\n"
                         "msgctxt \"button\"\nmsgid \"Open\"\nmsgstr \"Öffnen\"\n\n"
                         "msgid \"Open\"\nmsgstr \"Offen\"\n\n"
                         "msgid \"octal\"\nmsgstr \"\\101\\x42C\"\n\n"
                         "#, fuzzy\nmsgid \"Guess\"\nmsgstr \"Vermutung\"\n\n"
                         "msgid \"Untranslated\"\nmsgstr \"\"\n\n"
                         "#~ msgid \"Old\"\n#~ msgstr \"Alt\"\n\n"
                         "#, c-format\nmsgid \"%d slide\"\nmsgid_plural \"%d slides\"\n"
                         "msgstr[0] \"%d Folie\"\nmsgstr[1] \"%d Folien\"\n",
                         &dl);
    if (dl.n)
        diag_print(&dl, stderr);
    assert_int_equal(dl.n, 0);
    assert_string_equal(po_get(c, NULL, "Home"), "Start");
    assert_string_equal(po_get(c, NULL, "Two lines"), "Zwei\nZeilen \"hier\"\t\\");
    assert_string_equal(po_get(c, "button", "Open"), "Öffnen");
    assert_string_equal(po_get(c, NULL, "Open"), "Offen");
    assert_string_equal(po_get(c, NULL, "octal"), "ABC");
    assert_null(po_get(c, NULL, "Guess"));          /* fuzzy: as msgfmt, not used */
    assert_null(po_get(c, NULL, "Untranslated"));
    assert_null(po_get(c, NULL, "Old"));
    assert_null(po_get(c, NULL, "Missing"));
    assert_string_equal(po_nget(c, NULL, "%d slide", 1), "%d Folie");
    assert_string_equal(po_nget(c, NULL, "%d slide", 0), "%d Folien");
    assert_string_equal(po_nget(c, NULL, "%d slide", 7), "%d Folien");
    assert_int_equal(po_count(c), 6);
    po_free(c);
    diag_clear(&dl);
}

static void plural_rules_are_gettexts(void **state)
{
    (void)state;
    const char *ru = "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)";
    static const struct { unsigned long n; long want; } rus[] = {
        {0, 2}, {1, 0}, {2, 1}, {4, 1}, {5, 2}, {11, 2}, {12, 2}, {14, 2}, {21, 0}, {22, 1}, {25, 2},
        {101, 0}, {111, 2}, {1000001, 0},
    };
    for (size_t i = 0; i < sizeof rus / sizeof rus[0]; i++)
        assert_int_equal(po_plural_eval(ru, rus[i].n), rus[i].want);
    assert_int_equal(po_plural_eval("0", 5), 0);
    assert_int_equal(po_plural_eval("n != 1", 1), 0);
    assert_int_equal(po_plural_eval("(n > 1)", 0), 0);     /* French, Turkish in some files */
    assert_int_equal(po_plural_eval("(n > 1)", 2), 1);
    /* Arabic's six forms */
    const char *ar = "n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5";
    assert_int_equal(po_plural_eval(ar, 0), 0);
    assert_int_equal(po_plural_eval(ar, 3), 3);
    assert_int_equal(po_plural_eval(ar, 11), 4);
    assert_int_equal(po_plural_eval(ar, 100), 5);
    assert_int_equal(po_plural_eval("!n", 0), 1);
    assert_int_equal(po_plural_eval("1 + 2 * 3 - 4 / 2", 0), 5);
    /* broken rules: -1, never a crash */
    static const char *const bad[] = {"", "n ==", "(n", "n)", "x", "n % 0", "n ? 1", "n = 1", "n & 1",
                                      "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((n"
                                      "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (po_plural_eval(bad[i], 3) != -1)
            fail_msg("\"%s\" was read as a rule", bad[i]);
    assert_int_equal(po_plural_eval(NULL, 1), -1);
    /* a division by zero where it is not evaluated is no error */
    assert_int_equal(po_plural_eval("n == 0 ? 0 : 10 / n", 0), 0);
    assert_int_equal(po_plural_eval("n == 0 ? 0 : 10 / n", 5), 2);
}

/* Each broken entry is a warning at its line and costs that entry only. */
static void broken_entries_cost_themselves(void **state)
{
    (void)state;
    DiagList dl = {0};
    PoCatalog *c = parse(HEADER("nplurals=2; plural=(n != 1);")
                         "msgid \"A\"\nmsgstr \"bad \\q escape\"\n\n"                 /* line 7 */
                         "msgid \"B\"\nmsgstr \"ok B\"\n\n"
                         "msgid \"C\"\nmsgstr \"not closed\n\n"                      /* line 13 */
                         "msgid \"D\"\nmsgstr \"ok D\"\n\n"
                         "msgid \"E\"\nmsgstr \"\xC3\x28 invalid UTF-8\"\n\n"        /* line 18 */
                         "msgid \"F\"\nmsgstr \"\xED\xA0\x80 a surrogate\"\n\n"      /* line 21 */
                         "msgid \"G\"\nmsgstr \"overlong \xC0\xAF\"\n\n"             /* line 24 */
                         "msgid \"H\"\nmsgstr \"nul \\0 here\"\n\n"                  /* line 28 */
                         "msgid \"I\"\nmsgsrt \"typo\"\n\n"                          /* line 31 */
                         "msgid \"J\"\nmsgstr \"ok J\" trailing\n\n"                 /* line 34 */
                         "msgid \"K\"\nmsgstr[0] \"one\"\n\n"                         /* no plural */
                         "msgid \"L\"\nmsgid_plural \"Ls\"\nmsgstr[1] \"only the second\"\n\n"
                         "msgid \"B\"\nmsgstr \"B again\"\n\n"
                         "msgid \"M\"\n\n"
                         "msgid \"N\"\nmsgstr \"ok N\"\n",
                         &dl);
    assert_string_equal(po_get(c, NULL, "B"), "ok B");
    assert_string_equal(po_get(c, NULL, "D"), "ok D");
    assert_string_equal(po_get(c, NULL, "N"), "ok N");
    for (const char *k = "ACEFGHIJKLM"; *k; k++) {
        char id[2] = {*k, 0};
        if (po_get(c, NULL, id))
            fail_msg("the broken entry \"%s\" was kept", id);
    }
    assert_int_equal(po_count(c), 3);
    assert_warning(&dl, 7, "unknown escape \"\\q\"");
    assert_warning(&dl, 13, "not closed");
    assert_warning(&dl, 18, "not valid UTF-8");
    assert_warning(&dl, 21, "not valid UTF-8");
    assert_warning(&dl, 24, "not valid UTF-8");
    assert_warning(&dl, 28, "not a character");
    assert_warning(&dl, 31, "\"msgsrt\" is not a PO keyword");
    assert_warning(&dl, 34, "text after the closing quote");
    assert_warning(&dl, 36, "msgstr[N] without msgid_plural");
    assert_warning(&dl, 39, "no msgstr[0]");
    assert_warning(&dl, 43, "a second time");
    assert_warning(&dl, 46, "no msgstr");
    assert_true(diag_count(&dl, DIAG_ERROR) == 0);
    po_free(c);
    diag_clear(&dl);
}

static void broken_headers_and_files(void **state)
{
    (void)state;
    DiagList dl = {0};
    /* a rule that does not parse, or gives a form past nplurals: plurals are
     * left out, the rest is read */
    static const char *const rules[] = {"nplurals=2; plural=n ==;", "nplurals=2; plural=n;",
                                        "nplurals=0; plural=0;", "nplurals=9; plural=0;", "plural=0;"};
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "msgid \"\"\nmsgstr \"Plural-Forms: %s\\n\"\n\n"
                 "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n\n"
                 "msgid \"b\"\nmsgstr \"z\"\n", rules[i]);
        PoCatalog *c = parse(text, &dl);
        assert_null(po_nget(c, NULL, "a", 1));
        assert_string_equal(po_get(c, NULL, "b"), "z");
        po_free(c);
        assert_warning(&dl, 1, "Plural-Forms");
        diag_clear(&dl);
    }
    /* another charset is a warning (the UTF-8 check still guards each entry) */
    PoCatalog *c = parse("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\n"
                         "msgid \"a\"\nmsgstr \"\xE9t\xE9\"\n", &dl);
    assert_warning(&dl, 1, "charset=ISO-8859-1");
    assert_null(po_get(c, NULL, "a"));
    po_free(c);
    diag_clear(&dl);
    /* not a PO file at all, empty, a NUL byte, a byte order mark: no crash */
    static const char junk[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\"\"\"\\";
    c = po_parse(junk, sizeof junk - 1, "t.po", &dl);
    assert_non_null(c);
    assert_int_equal(po_count(c), 0);
    assert_true(dl.n > 0);
    po_free(c);
    diag_clear(&dl);
    c = po_parse("", 0, "t.po", &dl);
    assert_int_equal(po_count(c), 0);
    assert_int_equal(dl.n, 0);
    po_free(c);
    c = parse("\xEF\xBB\xBFmsgid \"a\"\nmsgstr \"b\"", &dl); /* no final newline either */
    assert_string_equal(po_get(c, NULL, "a"), "b");
    po_free(c);
    /* a plural entry with a form missing is left out: not half of it */
    c = parse(HEADER("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
                     "n%100>=20) ? 1 : 2);")
              "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"x\"\nmsgstr[2] \"z\"\n", &dl);
    assert_null(po_nget(c, NULL, "a", 1));
    po_free(c);
    diag_clear(&dl);
    /* every prefix of a good file reads without a crash (the tail cut anywhere) */
    const char *good = HEADER("nplurals=2; plural=(n != 1);")
                       "msgctxt \"c\"\nmsgid \"a\\n\"\n\"b\"\nmsgid_plural \"x\"\nmsgstr[0] \"\\x41\"\nmsgstr[1] \"y\"\n";
    for (size_t n = 0; n <= strlen(good); n++) {
        c = po_parse(good, n, "t.po", &dl);
        assert_non_null(c);
        po_free(c);
        diag_clear(&dl);
    }
    po_free(NULL);
    assert_null(po_get(NULL, NULL, "a"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_a_good_file),
        cmocka_unit_test(plural_rules_are_gettexts),
        cmocka_unit_test(broken_entries_cost_themselves),
        cmocka_unit_test(broken_headers_and_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
