/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_jsondiag.c - the one way JSON files are read and their problems
 * worded: the parse entry point (BOM, UTF-16, depth, jansson's errors and
 * hints), positions at values and keys (and the nearest enclosing value),
 * unknown keys in both voices, duplicates, and diag_sort. */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "diag_support.h"
#include "jsondiag.h"

static const JsonRules curator = {
    8, " (a test file holds one object)", true, true, NULL,
};

/* buf parsed as file "t.json" into dl; the root (caller decrefs) or NULL. */
static json_t *parse(JsonDiag *jd, DiagList *dl, const char *text, const JsonRules *r)
{
    *jd = (JsonDiag){"t.json", dl, NULL, 0};
    return jdiag_parse(jd, text, strlen(text), r);
}

static void test_parse_errors(void **state)
{
    (void)state;
    DiagList dl = {0};
    JsonDiag jd;
    assert_null(parse(&jd, &dl, "{\"a\": 1,\n \"b\": [1 2]}", &curator));
    assert_diag(&dl, "t.json:2:10: error: ");
    assert_diag(&dl, "(is a comma missing between two items?)\n");
    assert_int_equal(jd.errors, 1);
    assert_null(parse(&jd, &dl, "[1, 2,]", &curator));
    assert_diag(&dl, "(is there a comma after the last item?)\n");
    assert_null(parse(&jd, &dl, "[[[[[[[[[1]]]]]]]]]", &curator));
    assert_diag(&dl, "t.json:1:9: error: nesting deeper than 8 levels of objects and arrays\n");
    /* Notepad's "Unicode" */
    static const char utf16[] = "\xFF\xFE{\0}\0";
    jd = (JsonDiag){"t.json", &dl, NULL, 0};
    assert_null(jdiag_parse(&jd, utf16, sizeof utf16 - 1, &curator));
    assert_diag(&dl, "t.json:1:1: error: the file is saved as UTF-16 (\"Unicode\"); save it as "
                     "UTF-8\n");
    /* no hints and a tail, as the settings writer words it */
    JsonRules plain = {8, NULL, false, false, "; nothing was saved"};
    diag_clear(&dl);
    assert_null(parse(&jd, &dl, "[1, 2,]", &plain));
    assert_int_equal(dl.n, 1);
    assert_non_null(strstr(dl.items[0].msg, "; nothing was saved"));
    assert_null(strstr(dl.items[0].msg, "comma"));
    diag_clear(&dl);
}

static void test_positions(void **state)
{
    (void)state;
    DiagList dl = {0};
    JsonDiag jd;
    /* a BOM is skipped, and columns count from after it as jansson does */
    json_t *root = parse(&jd, &dl, "\xEF\xBB\xBF{\"a\": {\"b\": 1},\n \"c\": [true]}", &curator);
    assert_non_null(root);
    int line, col;
    jdiag_locate(&jd, "/a/b", false, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 13);
    jdiag_locate(&jd, "/a/b", true, &line, &col);
    assert_int_equal(col, 8);
    /* not there: the nearest enclosing value that is */
    jdiag_locate(&jd, "/c/5/x", false, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 7);
    jdiag_at_value(&jd, DIAG_ERROR, "/c/0", "bad %s", "flag");
    jdiag_at_key(&jd, DIAG_WARNING, "/c", "odd key");
    assert_diag(&dl, "t.json:2:8: error: bad flag\n");
    assert_diag(&dl, "t.json:2:2: warning: odd key\n");
    assert_int_equal(jd.errors, 1);
    jdiag_free(&jd);
    json_decref(root);
    diag_clear(&dl);
}

static void test_keys(void **state)
{
    (void)state;
    DiagList dl = {0};
    JsonDiag jd;
    json_t *root = parse(&jd, &dl, "{\"titel\": 1, \"x\": 2, \"id\": 3, \"id\": 4}", &curator);
    assert_non_null(root);
    static const char *const known[] = {"id", "title"};
    jdiag_unknown_keys(&jd, root, "", known, 2, " in t", JDIAG_CURATOR);
    assert_diag(&dl, "t.json:1:2: warning: unknown key \"titel\" in t (did you mean \"title\"?)\n");
    /* "x" is 2 edits from "id" but means nothing like it */
    assert_diag(&dl, "t.json:1:14: warning: unknown key \"x\" in t\n");
    jdiag_duplicates(&jd, JDIAG_CURATOR);
    assert_diag(&dl, "t.json:1:31: error: duplicate key \"id\" (first at line 1, column 22); the "
                     "last one is used\n");
    diag_clear(&dl);
    jdiag_unknown_keys(&jd, root, "", known, 2, "", JDIAG_RECORD);
    assert_diag(&dl, "warning: unknown key \"titel\" is ignored\n");
    jdiag_duplicates(&jd, JDIAG_RECORD);
    assert_diag(&dl, "error: duplicate key \"id\" (first at line 1, column 22)\n");
    static const char *const names[] = {"next", NULL, "prev"};
    assert_string_equal(jdiag_suggest("nxt", names, 3), "next");
    assert_null(jdiag_suggest("zzzzzz", names, 3));
    jdiag_free(&jd);
    json_decref(root);
    diag_clear(&dl);
}

static void test_sort_and_read(void **state)
{
    (void)state;
    DiagList dl = {0};
    diag_add(&dl, DIAG_ERROR, "before", 9, 9, "not mine");
    diag_add(&dl, DIAG_ERROR, "f", 3, 1, "c");
    diag_add(&dl, DIAG_ERROR, "f", 0, 0, "whole file");
    diag_add(&dl, DIAG_ERROR, "f", 1, 5, "a");
    diag_add(&dl, DIAG_WARNING, "f", 1, 5, "b");
    diag_sort(&dl, 1);
    assert_string_equal(dl.items[0].msg, "not mine");
    assert_string_equal(dl.items[1].msg, "whole file");
    assert_string_equal(dl.items[2].msg, "a");
    assert_string_equal(dl.items[3].msg, "b"); /* equal positions keep their order */
    assert_string_equal(dl.items[4].msg, "c");
    diag_clear(&dl);

    char *dir = make_tmpdir();
    write_tree_file(dir, "small.json", "{}");
    write_tree_file(dir, "big.json", "[1, 2, 3, 4, 5]");
    char path[4096];
    size_t len = 0;
    snprintf(path, sizeof path, "%s/small.json", dir);
    char *buf = jdiag_read_file(path, 100, &len, &dl);
    assert_non_null(buf);
    assert_int_equal(len, 2);
    free(buf);
    snprintf(path, sizeof path, "%s/big.json", dir);
    assert_null(jdiag_read_file(path, 4, &len, &dl));
    assert_diag(&dl, "big.json:0:0: error: file is too large (15 bytes; at most 4 are allowed)\n");
    snprintf(path, sizeof path, "%s/none.json", dir);
    assert_null(jdiag_read_file(path, 100, &len, &dl));
    assert_diag(&dl, "none.json:0:0: error: cannot read file: No such file or directory\n");
    assert_null(jdiag_read_file(dir, 100, &len, &dl));
    assert_diag(&dl, "error: cannot read file: Is a directory\n");
    diag_clear(&dl);
    rm_rf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_sort_and_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
