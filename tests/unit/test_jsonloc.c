/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_jsonloc.c - positions of values and keys in JSON text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jsonloc.h"

static JsonLoc *build(const char *s)
{
    JsonLoc *jl = jsonloc_build(s, strlen(s));
    assert_non_null(jl);
    return jl;
}

/* True when the value (or key) at ptr is at line:col; says why not. */
static bool at(const JsonLoc *jl, bool key, const char *ptr, int line, int col)
{
    int l = -1, c = -1;
    bool found = key ? jsonloc_key(jl, ptr, &l, &c) : jsonloc_value(jl, ptr, &l, &c);
    if (!found) {
        print_error("no %s at \"%s\"\n", key ? "key" : "value", ptr);
        return false;
    }
    if (l != line || c != col) {
        print_error("%s at \"%s\" is at %d:%d, expected %d:%d\n", key ? "key" : "value", ptr,
                    l, c, line, col);
        return false;
    }
    return true;
}
#define assert_value_at(jl, ptr, l, c) assert_true(at(jl, false, ptr, l, c))
#define assert_key_at(jl, ptr, l, c) assert_true(at(jl, true, ptr, l, c))

static void test_basic(void **state)
{
    (void)state;
    /*                   1         2         3         4
     *          1234567890123456789012345678901234567890123456 */
    JsonLoc *jl = build("{\"a\": 1, \"b\": [true, {\"c\": null}], \"d\": \"x\"}");
    assert_value_at(jl, "", 1, 1);
    assert_key_at(jl, "/a", 1, 2);
    assert_value_at(jl, "/a", 1, 7);
    assert_key_at(jl, "/b", 1, 10);
    assert_value_at(jl, "/b", 1, 15);
    assert_value_at(jl, "/b/0", 1, 16);
    assert_value_at(jl, "/b/1", 1, 22);
    assert_key_at(jl, "/b/1/c", 1, 23);
    assert_value_at(jl, "/b/1/c", 1, 28);
    assert_key_at(jl, "/d", 1, 36);
    assert_value_at(jl, "/d", 1, 41);
    /* the root and array elements have no key */
    assert_false(jsonloc_key(jl, "", NULL, NULL));
    assert_false(jsonloc_key(jl, "/b/0", NULL, NULL));
    assert_int_equal(jsonloc_dup_count(jl), 0);
    assert_null(jsonloc_dup(jl, 0));
    jsonloc_free(jl);
}

static void test_lines_and_crlf(void **state)
{
    (void)state;
    JsonLoc *jl = build("{\r\n  \"slides\": [\r\n    {\"title\": \"x\"},\r\n\r\n"
                        "    {\"text\":\t\"y\"}\r\n  ]\r\n}\r\n");
    assert_key_at(jl, "/slides", 2, 3);
    assert_value_at(jl, "/slides", 2, 13);
    assert_value_at(jl, "/slides/0", 3, 5);
    assert_value_at(jl, "/slides/0/title", 3, 15);
    assert_value_at(jl, "/slides/1", 5, 5);
    assert_value_at(jl, "/slides/1/text", 5, 14); /* a tab is one column */
    jsonloc_free(jl);
}

static void test_columns_count_code_points(void **state)
{
    (void)state;
    /* "ә" and "қ" are 2 bytes each, "😀" 4 bytes: one column each */
    JsonLoc *jl = build("{\"ә\": \"қазақ\", \"b\": \"😀\", \"c\": 3}");
    assert_key_at(jl, "/ә", 1, 2);
    assert_value_at(jl, "/ә", 1, 7);
    assert_key_at(jl, "/b", 1, 16);
    assert_value_at(jl, "/b", 1, 21);
    assert_key_at(jl, "/c", 1, 26);
    assert_value_at(jl, "/c", 1, 31);
    jsonloc_free(jl);
}

static void test_escaped_keys(void **state)
{
    (void)state;
    JsonLoc *jl = build("{\"a/b\": 1,\n\"m~n\": 2,\n\"\\u00e9\\\"q\\\"\": 3,\n"
                        "\"\\ud83d\\ude00\": 4,\n\"\\/x\\n\": 5,\n\"\": 6}");
    assert_value_at(jl, "/a~1b", 1, 9);
    assert_value_at(jl, "/m~0n", 2, 8);
    assert_value_at(jl, "/é\"q\"", 3, 16);
    assert_value_at(jl, "/😀", 4, 17);
    assert_value_at(jl, "/~1x\n", 5, 10);
    assert_value_at(jl, "/", 6, 5); /* the empty key */
    /* escapes that RFC 6901 does not have */
    assert_false(jsonloc_value(jl, "/a/b", NULL, NULL));
    assert_false(jsonloc_value(jl, "/m~2n", NULL, NULL));
    assert_false(jsonloc_value(jl, "/m~", NULL, NULL));
    jsonloc_free(jl);
}

static void test_array_tokens(void **state)
{
    (void)state;
    JsonLoc *jl = build("[10, 11, [12, 13], 14, 15, 16, 17, 18, 19, 20, 21]");
    assert_value_at(jl, "/0", 1, 2);
    assert_value_at(jl, "/2/1", 1, 15);
    assert_value_at(jl, "/10", 1, 48);
    assert_false(jsonloc_value(jl, "/01", NULL, NULL));  /* leading zero */
    assert_false(jsonloc_value(jl, "/-", NULL, NULL));
    assert_false(jsonloc_value(jl, "/11", NULL, NULL));
    assert_false(jsonloc_value(jl, "/x", NULL, NULL));
    assert_false(jsonloc_value(jl, "/99999999999999999999", NULL, NULL));
    assert_false(jsonloc_value(jl, "/0/0", NULL, NULL)); /* 10 is not a container */
    assert_false(jsonloc_value(jl, "0", NULL, NULL));    /* not a pointer */
    jsonloc_free(jl);
}

static void test_duplicates(void **state)
{
    (void)state;
    const char *text = "{\"a\": 1,\n"
                       " \"b\": [{\"t\": 1, \"t\": 2}],\n"
                       " \"a\": {\"x\": 1},\n"
                       " \"a\": {\"y\": 2}}";
    JsonLoc *jl = build(text);
    assert_int_equal(jsonloc_dup_count(jl), 3);

    const JsonLocDup *d = jsonloc_dup(jl, 0);
    assert_string_equal(d->key, "t");
    assert_int_equal(d->key_len, 1);
    assert_int_equal(d->line, 2);
    assert_int_equal(d->col, 17);
    assert_int_equal(d->first_line, 2);
    assert_int_equal(d->first_col, 9);
    char *p = jsonloc_dup_path(jl, 0);
    assert_string_equal(p, "/b/0/t");
    free(p);

    /* a third occurrence also points back at the first */
    d = jsonloc_dup(jl, 1);
    assert_string_equal(d->key, "a");
    assert_int_equal(d->line, 3);
    assert_int_equal(d->first_line, 1);
    assert_int_equal(d->first_col, 2);
    d = jsonloc_dup(jl, 2);
    assert_int_equal(d->line, 4);
    assert_int_equal(d->col, 2);
    assert_int_equal(d->first_line, 1);
    p = jsonloc_dup_path(jl, 2);
    assert_string_equal(p, "/a");
    free(p);
    assert_null(jsonloc_dup_path(jl, 3));

    /* lookups see the last occurrence, like jansson */
    assert_value_at(jl, "/a", 4, 7);
    assert_value_at(jl, "/a/y", 4, 13);
    assert_value_at(jl, "/b/0/t", 2, 22);
    jsonloc_free(jl);

    /* the same key in two different objects is not a duplicate */
    jl = build("[{\"k\": 1}, {\"k\": 2}, {\"o\": {\"k\": 3}, \"k\": 4}]");
    assert_int_equal(jsonloc_dup_count(jl), 0);
    jsonloc_free(jl);
}

static void test_null_and_missing(void **state)
{
    (void)state;
    jsonloc_free(NULL);
    int line = 7, col = 7;
    assert_false(jsonloc_value(NULL, "", &line, &col));
    assert_false(jsonloc_key(NULL, "/a", &line, &col));
    assert_int_equal(line, 7); /* untouched on failure */
    assert_int_equal(jsonloc_dup_count(NULL), 0);
    assert_null(jsonloc_dup(NULL, 0));
    assert_null(jsonloc_dup_path(NULL, 0));

    JsonLoc *jl = build("{\"a\": {}}");
    assert_false(jsonloc_value(jl, NULL, &line, &col));
    assert_false(jsonloc_value(jl, "/nope", &line, &col));
    assert_false(jsonloc_value(jl, "/a/nope", &line, &col));
    assert_value_at(jl, "/a", 1, 7);
    jsonloc_free(jl);

    jl = build("");
    assert_false(jsonloc_value(jl, "", &line, &col));
    jsonloc_free(jl);

    jl = build("  \n  ");
    assert_false(jsonloc_value(jl, "", &line, &col));
    jsonloc_free(jl);

    /* empty containers at the root, and a scalar root */
    jl = build("[]");
    assert_value_at(jl, "", 1, 1);
    assert_false(jsonloc_value(jl, "/0", NULL, NULL));
    jsonloc_free(jl);
    jl = build(" 42");
    assert_value_at(jl, "", 1, 2);
    jsonloc_free(jl);
}

static void test_not_json_does_not_crash(void **state)
{
    (void)state;
    /* truncated text keeps what was seen */
    JsonLoc *jl = build("{\"a\": [1, 2");
    assert_value_at(jl, "/a/1", 1, 11);
    jsonloc_free(jl);

    const char *bad[] = {"{\"a", "{\"a\"", "{\"a\":", "{\"a\\", "{\"a\\u12", "[\"\\ud800\"]",
                         "{1: 2}", "}}}]]", "[1 2]", "{\"a\" 1}", "\"abc", "[,,,]",
                         "{\"\\ud800\\u0041\": 1}", "nul", "{\"k\":\"v\"}}}}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        jsonloc_free(build(bad[i]));

    /* every prefix of a real-looking text, and random bytes */
    const char *text = "{\"id\": \"x\", \"slides\": [{\"title\": {\"kk\": \"Қ\\u04d9\"}, "
                       "\"n\": [1.5e3, true, null, \"a\\\"b\"]}], \"t\": \"\\ud83d\\ude00\"}";
    size_t n = strlen(text);
    for (size_t k = 0; k <= n; k++)
        jsonloc_free(jsonloc_build(text, k));
    uint32_t seed = 12345;
    char buf[256];
    for (int round = 0; round < 2000; round++) {
        size_t len = (size_t)(round % 200);
        for (size_t k = 0; k < len; k++) {
            seed = seed * 1664525u + 1013904223u;
            buf[k] = "{}[]\":,\\u0123 \nab"[(seed >> 24) % 18];
        }
        jsonloc_free(jsonloc_build(buf, len));
    }
    assert_null(jsonloc_build(NULL, 5));
}

static char *nested(int depth)
{
    char *s = malloc((size_t)depth * 2 + 1);
    assert_non_null(s);
    memset(s, '[', (size_t)depth);
    memset(s + depth, ']', (size_t)depth);
    s[depth * 2] = '\0';
    return s;
}

static void test_deep_text_without_recursion(void **state)
{
    (void)state;
    /* far deeper than any call stack would allow if the scanner recursed */
    int depth = 300000;
    char *s = nested(depth);
    JsonLoc *jl = build(s);
    assert_value_at(jl, "", 1, 1);
    assert_value_at(jl, "/0/0/0", 1, 4);
    jsonloc_free(jl);
    int line = 0, col = 0;
    assert_false(jsonloc_depth_ok(s, strlen(s), 64, &line, &col));
    assert_int_equal(line, 1);
    assert_int_equal(col, 65);
    free(s);
}

static void test_depth_check(void **state)
{
    (void)state;
    char *s64 = nested(64);
    int line = 0, col = 0;
    assert_true(jsonloc_depth_ok(s64, strlen(s64), 64, &line, &col));
    free(s64);

    /* brackets inside strings do not count; the position is in code points */
    const char *t = "{\"a\": \"[[[[[{{{{\\\"[[[[\",\n \"ә\": [[\n[[]]]]}";
    assert_true(jsonloc_depth_ok(t, strlen(t), 5, &line, &col));
    assert_false(jsonloc_depth_ok(t, strlen(t), 4, &line, &col));
    assert_int_equal(line, 3);
    assert_int_equal(col, 2);
    assert_false(jsonloc_depth_ok(t, strlen(t), 2, &line, &col));
    assert_int_equal(line, 2);
    assert_int_equal(col, 8);
    assert_true(jsonloc_depth_ok("", 0, 64, &line, &col));
    assert_true(jsonloc_depth_ok("\"[[[", 4, 1, &line, &col)); /* unterminated string */
}

static void test_ptr_join(void **state)
{
    (void)state;
    char *p = jsonloc_ptr_join("/slides/2", "a/b~c");
    assert_string_equal(p, "/slides/2/a~1b~0c");
    free(p);
    p = jsonloc_ptr_join("", "kk");
    assert_string_equal(p, "/kk");
    free(p);
    p = jsonloc_ptr_join(NULL, NULL);
    assert_string_equal(p, "/");
    free(p);
}

/* 10000 slides: building and looking up everything must stay fast (a
 * quadratic lookup would take many seconds here). */
static void test_many_values(void **state)
{
    (void)state;
    enum { N = 10000 };
    size_t cap = (size_t)N * 120 + 64, o = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    o += (size_t)snprintf(s + o, cap - o, "{\"slides\": [\n");
    for (int i = 0; i < N; i++)
        o += (size_t)snprintf(s + o, cap - o,
                              "{\"image\": \"images/%05d.jpg\", \"title\": {\"kk\": \"%d\", "
                              "\"ru\": \"%d\"}}%s\n", i, i, i, i + 1 < N ? "," : "");
    o += (size_t)snprintf(s + o, cap - o, "]}");
    clock_t t0 = clock();
    JsonLoc *jl = jsonloc_build(s, o);
    assert_non_null(jl);
    char ptr[64];
    for (int i = 0; i < N; i++) {
        snprintf(ptr, sizeof ptr, "/slides/%d/title/ru", i);
        int line = 0, col = 0;
        assert_true(jsonloc_value(jl, ptr, &line, &col));
        assert_int_equal(line, i + 2);
        snprintf(ptr, sizeof ptr, "/slides/%d/image", i);
        assert_true(jsonloc_key(jl, ptr, &line, &col));
        assert_int_equal(col, 2);
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 5.0); /* about 0.01 s without sanitizers */
    jsonloc_free(jl);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),
        cmocka_unit_test(test_lines_and_crlf),
        cmocka_unit_test(test_columns_count_code_points),
        cmocka_unit_test(test_escaped_keys),
        cmocka_unit_test(test_array_tokens),
        cmocka_unit_test(test_duplicates),
        cmocka_unit_test(test_null_and_missing),
        cmocka_unit_test(test_not_json_does_not_crash),
        cmocka_unit_test(test_deep_text_without_recursion),
        cmocka_unit_test(test_depth_check),
        cmocka_unit_test(test_ptr_join),
        cmocka_unit_test(test_many_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
