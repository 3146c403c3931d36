/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_manifest.c - exhibition.json -> Exhibition, and every message a
 * curator can get, with its position. */
#define _XOPEN_SOURCE 700 /* symlink(), mkdtemp() */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "manifest.h"
#include "diag_support.h"

#define MANIFESTS FIXTURES "/manifests"

/* ---- Helpers ------------------------------------------------------------ */

/* Writes dir/rel, creating folders on the way. */
static void write_bytes(const char *dir, const char *rel, const void *data, size_t len)
{
    write_tree_bytes(dir, rel, data, len);
}

static void write_text(const char *dir, const char *rel, const char *text)
{
    write_bytes(dir, rel, text, strlen(text));
}

/* The smallest real images, copied from the fixture. */
static void copy_fixture_image(const char *dir, const char *from, const char *to)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/good/images/%s", MANIFESTS, from);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    write_bytes(dir, to, buf, n);
}

/* Loads text as dir/exhibition.json through manifest_load(). */
static Exhibition *load_text(const char *dir, const char *text, DiagList *dl)
{
    write_text(dir, MANIFEST_NAME, text);
    return manifest_load(dir, dl);
}

/* ---- Good content ------------------------------------------------------- */

static void test_good_fixture(void **state)
{
    (void)state;
    DiagList dl = {0};
    Exhibition *ex = manifest_load(MANIFESTS "/good", &dl);
    assert_non_null(ex);
    assert_true(no_diags(&dl));

    assert_string_equal(ex->id, "karlag-artists");
    assert_string_equal(ex->dir, MANIFESTS "/good");
    assert_string_equal(ex->manifest_path, MANIFESTS "/good/exhibition.json");
    assert_int_equal(ex->n_languages, 3);
    assert_string_equal(ex->languages[0], "kk");
    assert_string_equal(ex->languages[2], "en");
    assert_string_equal(loc_get(&ex->title, "kk", ex), "Қарлаг суретшілері");
    assert_string_equal(loc_get(&ex->title, "ru", ex), "Художники Карлага");
    assert_string_equal(loc_get(&ex->title, "en", ex), "Artists of Karlag");
    assert_string_equal(ex->cover, "images/cover.png");
    assert_string_equal(ex->cover_path, MANIFESTS "/good/images/cover.png");
    assert_int_equal(ex->cover_format, IMG_FMT_PNG);
    assert_int_equal(ex->lecture_duration_min, 45);
    assert_int_equal(ex->n_slides, 5);

    const Slide *s = &ex->slides[0];
    assert_string_equal(s->image, "images/01.jpg");
    assert_string_equal(s->image_path, MANIFESTS "/good/images/01.jpg");
    assert_true(s->image_ok);
    assert_int_equal(s->image_format, IMG_FMT_JPEG);
    assert_int_equal(s->lecture_s, 90);
    assert_true(s->attract);
    assert_int_equal(s->line, 9);
    assert_int_equal(s->col, 5);
    /* Kazakh and Russian letters survive byte for byte */
    assert_string_equal(loc_get(&s->caption, "kk", ex),
                        "Әріптер: ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І");
    assert_memory_equal(loc_get(&s->caption, "kk", ex) + strlen("Әріптер: "),
                        "\xd3\x99 \xd2\x93 \xd2\x9b \xd2\xa3 \xd3\xa9 \xd2\xb1 \xd2\xaf "
                        "\xd2\xbb \xd1\x96", 26);
    assert_string_equal(loc_get(&s->caption, "ru", ex),
                        "Буквы: ё й щ ъ ы э ю я — Ё Й Щ Ъ Ы Э Ю Я");
    /* a plain string is one text for every language */
    assert_int_equal(s->credit.n, 1);
    assert_string_equal(s->credit.items[0].code, "*");
    assert_string_equal(loc_get(&s->credit, "en", ex),
                        "Қарағанды облыстық тарихи-өлкетану музейі");
    /* notes only in Russian: every language falls back to it */
    assert_string_equal(loc_get(&s->notes, "kk", ex), "Рассказать о семье художника.");

    s = &ex->slides[1];
    assert_int_equal(s->image_format, IMG_FMT_PNG);
    assert_false(s->attract);
    assert_string_equal(loc_get(&s->title, "en", ex), "Долинка, 1941");
    assert_int_equal(s->caption.n, 0);
    assert_null(loc_get(&s->caption, "en", ex));

    /* Cyrillic and a space in the file name; an SVG with a long prologue */
    s = &ex->slides[2];
    assert_string_equal(s->image_path, MANIFESTS "/good/images/сурет 03.svg");
    assert_true(s->image_ok);
    assert_int_equal(s->image_format, IMG_FMT_SVG);

    s = &ex->slides[3];
    assert_int_equal(s->image_format, IMG_FMT_WEBP);
    assert_int_equal(s->lecture_s, 0);

    s = &ex->slides[4];
    assert_null(s->image);
    assert_null(s->image_path);
    assert_false(s->image_ok);
    assert_string_equal(loc_get(&s->text, "kk", ex),
                        "Бұл көрме Қарлаг тұтқындарының есімдерін сақтайды.");
    manifest_free(ex);
    diag_clear(&dl);
}

static void test_loc_get_fallback(void **state)
{
    (void)state;
    char *langs[] = {"kk", "ru", "en"};
    Exhibition ex = {0};
    ex.languages = langs;
    ex.n_languages = 3;

    LocEntry items[] = {{"en", "english"}, {"ru", "russian"}, {"de", "deutsch"}};
    Localized l = {items, 3};
    assert_string_equal(loc_get(&l, "en", &ex), "english");   /* exact */
    assert_string_equal(loc_get(&l, "de", &ex), "deutsch");   /* exact, not listed */
    assert_string_equal(loc_get(&l, "kk", &ex), "russian");   /* along languages */
    assert_string_equal(loc_get(&l, NULL, &ex), "russian");
    assert_string_equal(loc_get(&l, "kk", NULL), "english");  /* first entry */

    LocEntry star[] = {{"en", "english"}, {"*", "all"}};
    Localized ls = {star, 2};
    assert_string_equal(loc_get(&ls, "en", &ex), "english");
    assert_string_equal(loc_get(&ls, "kk", &ex), "all");      /* "*" before languages */

    LocEntry other[] = {{"fr", "français"}, {"de", "deutsch"}};
    Localized lo = {other, 2};
    assert_string_equal(loc_get(&lo, "kk", &ex), "français"); /* nothing listed: first */

    Localized empty = {NULL, 0};
    assert_null(loc_get(&empty, "kk", &ex));
    assert_null(loc_get(NULL, "kk", &ex));
}

static void test_bom_and_crlf(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    DiagList dl = {0};
    Exhibition *ex = load_text(dir,
                               "\xEF\xBB\xBF{\"x\": 1,\r\n"
                               "  \"id\": \"crlf\",\r\n"
                               "  \"title\": \"Әділет\",\r\n"
                               "  \"slides\": [{\"text\": \"Мәтін\", \"colour\": 1}]\r\n"
                               "}\r\n", &dl);
    assert_non_null(ex);
    /* the BOM takes no column; "\r" does not end a line */
    assert_diag(&dl, "exhibition.json:1:2: warning: unknown key \"x\"\n");
    assert_diag(&dl, "exhibition.json:4:32: warning: unknown key \"colour\" in slide 1\n");
    assert_int_equal(dl.n, 2);
    assert_string_equal(loc_get(&ex->title, "kk", ex), "Әділет");
    assert_string_equal(loc_get(&ex->slides[0].text, "ru", ex), "Мәтін");
    manifest_free(ex);
    diag_clear(&dl);
    rm_rf(dir);
    free(dir);
}

/* ---- Files that cannot be shown ----------------------------------------- */

static void test_syntax_error(void **state)
{
    (void)state;
    DiagList dl = {0};
    assert_null(manifest_load(MANIFESTS "/syntax-error", &dl));
    /* jansson points at the end of the unexpected token */
    assert_diag(&dl, MANIFESTS "/syntax-error/exhibition.json:4:10: error: "
                     "'}' expected near '\"slides\"' (is a comma missing between two items?)\n");
    assert_int_equal(dl.n, 1);
    diag_clear(&dl);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    DiagList dl = {0};
    assert_null(manifest_load(MANIFESTS "/invalid-utf8", &dl));
    /* the position of the bad byte itself: after "Қарлаг " */
    assert_diag(&dl, "invalid-utf8/exhibition.json:3:20: error: unable to decode byte 0xff");
    assert_int_equal(dl.n, 1);
    diag_clear(&dl);

    /* a bad byte first on its line */
    const char text[] = "{\"slides\": [\n\xc0\x80]}";
    assert_null(manifest_load_buffer("/nonexistent", "m.json", text, sizeof text - 1, &dl));
    assert_diag(&dl, "m.json:2:1: error: unable to decode byte 0xc0");
    diag_clear(&dl);
}

static void test_unreadable(void **state)
{
    (void)state;
    DiagList dl = {0};
    assert_null(manifest_load("/nonexistent/exhibition", &dl));
    assert_diag(&dl, "/nonexistent/exhibition/exhibition.json:0:0: error: cannot read file: "
                     "No such file or directory\n");

    /* a folder named exhibition.json */
    char *dir = make_tmpdir();
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, MANIFEST_NAME);
    assert_int_equal(mkdir(path, 0755), 0);
    assert_null(manifest_load(dir, &dl));
    assert_diag(&dl, "exhibition.json:0:0: error: cannot read file: Is a directory\n");
    diag_clear(&dl);
    rm_rf(dir);
    free(dir);
}

static void test_oversize(void **state)
{
    (void)state;
    DiagList dl = {0};
    size_t len = MANIFEST_MAX_BYTES + 1;
    char *big = malloc(len);
    assert_non_null(big);
    memset(big, ' ', len);
    big[0] = '{';
    big[len - 1] = '}';
    assert_null(manifest_load_buffer("/nonexistent", "big.json", big, len, &dl));
    assert_diag(&dl, "big.json:0:0: error: file is too large (4194305 bytes; at most 4194304 "
                     "are allowed)\n");
    free(big);
    diag_clear(&dl);

    /* on disk: refused from its size, without reading it */
    char *dir = make_tmpdir();
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, MANIFEST_NAME);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 50 * 1024 * 1024), 0);
    close(fd);
    assert_null(manifest_load(dir, &dl));
    assert_diag(&dl, "exhibition.json:0:0: error: file is too large (52428800 bytes; at most "
                     "4194304 are allowed)\n");
    diag_clear(&dl);
    rm_rf(dir);
    free(dir);
}

static char *nested_manifest(int depth)
{
    /* {"slides": [{"text": "x"}],\n"a": [[[...]]]} with `depth` levels in all */
    size_t cap = (size_t)depth * 2 + 64;
    char *s = malloc(cap);
    assert_non_null(s);
    size_t o = (size_t)snprintf(s, cap, "{\"slides\": [{\"text\": \"x\"}],\n\"a\": ");
    for (int i = 1; i < depth; i++)
        s[o++] = '[';
    for (int i = 1; i < depth; i++)
        s[o++] = ']';
    s[o++] = '}';
    s[o] = '\0';
    return s;
}

static void test_deep_nesting(void **state)
{
    (void)state;
    DiagList dl = {0};
    char *s = nested_manifest(64);
    Exhibition *ex = manifest_load_buffer("/nonexistent", "m.json", s, strlen(s), &dl);
    assert_non_null(ex);
    assert_no_diag(&dl, "nesting");
    manifest_free(ex);
    free(s);
    diag_clear(&dl);

    /* level 65 begins at the 64th '[': "a": is 5 columns */
    s = nested_manifest(65);
    assert_null(manifest_load_buffer("/nonexistent", "m.json", s, strlen(s), &dl));
    assert_diag(&dl, "m.json:2:69: error: nesting deeper than 64 levels of objects and arrays\n");
    assert_int_equal(dl.n, 1);
    free(s);
    diag_clear(&dl);

    /* far deeper: refused at once, no recursion anywhere */
    s = nested_manifest(1000000);
    assert_null(manifest_load_buffer("/nonexistent", "m.json", s, strlen(s), &dl));
    assert_diag(&dl, "m.json:2:69: error: nesting");
    free(s);
    diag_clear(&dl);
}

static void test_no_slides(void **state)
{
    (void)state;
    DiagList dl = {0};
    assert_null(manifest_load(MANIFESTS "/no-slides", &dl));
    assert_diag(&dl, "no-slides/exhibition.json:4:13: error: \"slides\" is empty: an "
                     "exhibition needs at least one slide\n");
    diag_clear(&dl);

    const struct {
        const char *text, *msg;
    } cases[] = {
        {"{\"title\": \"t\"}", "m.json:1:1: error: no \"slides\": an exhibition needs at "
                               "least one slide\n"},
        {"{\"slides\": {\"text\": \"x\"}}", "m.json:1:12: error: \"slides\" must be an "
                                            "array of slides, not an object\n"},
        {"{\"slides\": [1, {\"title\": \"t\"}]}", "m.json:1:12: error: no slide can be "
                                                  "shown, so the exhibition is left out\n"},
        {"[{\"slides\": []}]", "m.json:1:1: error: the top level must be an object "
                               "({...}), not an array\n"},
        {"", "m.json:1:0: error: '[' or '{' expected near end of file (an exhibition.json holds one object: it starts with { and ends with })\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_null(manifest_load_buffer("/nonexistent", "m.json", cases[i].text,
                                         strlen(cases[i].text), &dl));
        assert_diag(&dl, cases[i].msg);
        diag_clear(&dl);
    }
    /* dropped slides are said so */
    assert_null(manifest_load_buffer("/nonexistent", "m.json", cases[2].text,
                                     strlen(cases[2].text), &dl));
    assert_diag(&dl, "m.json:1:13: error: slide 1 must be an object, not a number\n");
    assert_diag(&dl, "m.json:1:16: error: slide 2 has neither \"image\" nor \"text\"; it is "
                     "left out\n");
    diag_clear(&dl);
}

/* ---- Problems that leave the exhibition showable ------------------------ */

static void test_problems_fixture(void **state)
{
    (void)state;
    DiagList dl = {0};
    Exhibition *ex = manifest_load(MANIFESTS "/problems", &dl);
    assert_non_null(ex);
    const char *f = MANIFESTS "/problems/exhibition.json";
    char want[1024];
#define WANT(pos, msg)                                          \
    do {                                                        \
        snprintf(want, sizeof want, "%s:%s: %s\n", f, pos, msg); \
        assert_diag(&dl, want);                                 \
    } while (0)
    WANT("4:3", "error: duplicate key \"title\" (first at line 3, column 3); the last one "
                "is used");
    WANT("7:15", "error: image \"images/03.jpg\" not found");
    WANT("7:32", "warning: unknown key \"captoin\" in slide 1 (did you mean \"caption\"?)");
    WANT("8:15", "error: image \"../outside.jpg\" may not leave the exhibition folder (it "
                 "contains \"..\")");
    WANT("8:46", "error: \"lecture_s\" of slide 2 must be a positive whole number of "
                 "seconds, not a string");
    WANT("9:15", "error: image \"/etc/passwd\" must be a path relative to the exhibition "
                 "folder, not an absolute path");
    WANT("9:41", "error: \"attract\" of slide 3 must be true or false, not a string");
    WANT("10:14", "warning: missing \"en\" translation of slide 4 text; visitors reading "
                  "en will see kk");
    WANT("10:55", "warning: missing \"ru\" translation of slide 4 title; visitors reading "
                  "ru will see kk");
    WANT("10:98", "warning: \"de\" in slide 4 title is not one of the exhibition's "
                  "languages (kk, ru, en)");
    WANT("11:5", "error: slide 5 has neither \"image\" nor \"text\"; it is left out");
    WANT("12:15", "error: notes.txt is not an image vitrine can show");
    WANT("12:41", "error: \"lecture_s\" of slide 6 must be a positive whole number of "
                  "seconds, not 0");
#undef WANT
    assert_int_equal(dl.n, 13);
    /* printed in file order */
    for (int i = 1; i < dl.n; i++)
        assert_true(dl.items[i - 1].line < dl.items[i].line
                    || (dl.items[i - 1].line == dl.items[i].line
                        && dl.items[i - 1].col <= dl.items[i].col));

    /* the last "title" is the one used: complete, so no translation warning */
    assert_string_equal(loc_get(&ex->title, "en", ex), "Problems");
    /* slides with bad images stay, as placeholders; slide 5 is gone */
    assert_int_equal(ex->n_slides, 5);
    assert_string_equal(ex->slides[0].image, "images/03.jpg");
    assert_false(ex->slides[0].image_ok);
    assert_null(ex->slides[0].image_path);
    assert_false(ex->slides[1].image_ok);
    assert_int_equal(ex->slides[1].lecture_s, 0);
    assert_false(ex->slides[2].image_ok);
    assert_false(ex->slides[2].attract);
    assert_string_equal(loc_get(&ex->slides[3].title, "ru", ex), "Тақырып");
    assert_string_equal(loc_get(&ex->slides[3].title, "de", ex), "Titel");
    assert_false(ex->slides[4].image_ok);
    assert_int_equal(ex->slides[4].line, 12);
    manifest_free(ex);
    diag_clear(&dl);
}

static void test_gif_renamed_jpg(void **state)
{
    (void)state;
    DiagList dl = {0};
    Exhibition *ex = manifest_load(MANIFESTS "/gif-as-jpg", &dl);
    assert_non_null(ex);
    assert_diag(&dl, "gif-as-jpg/exhibition.json:5:15: error: images/photo.jpg is a GIF "
                     "image; vitrine shows JPEG, PNG, WebP, TIFF, HEIC, AVIF, SVG and PDF\n");
    assert_int_equal(dl.n, 1);
    assert_int_equal(ex->n_slides, 1);
    assert_false(ex->slides[0].image_ok);
    assert_int_equal(ex->slides[0].image_format, IMG_FMT_UNKNOWN);
    manifest_free(ex);
    diag_clear(&dl);
}

static void test_wrong_types(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    DiagList dl = {0};
    Exhibition *ex = load_text(dir,
        "{\n"
        "\"$schema\": 1,\n"
        "\"id\": 7,\n"
        "\"title\": [\"x\"],\n"
        "\"languages\": \"kk\",\n"
        "\"cover\": false,\n"
        "\"lecture\": 45,\n"
        "\"slides\": [\n"
        "{\"text\": 5, \"image\": {}},\n"
        "{\"text\": {\"kk\": 1, \"ru\": \"Мәтін\", \"en\": null}, \"lecture_s\": 1.5},\n"
        "{\"text\": \"t\", \"lecture_s\": 100000, \"attract\": 1, \"caption\": \"\"},\n"
        "\"slide\",\n"
        "{\"text\": \"t\", \"lecture_s\": 90.0}, {\"text\": \"t\", \"lecture_s\": -5},\n"
        "{\"text\": \"t\", \"lecture_s\": 1e300}, {\"text\": \"t\", \"lecture_s\": [1]}\n"
        "]}\n", &dl);
    assert_non_null(ex);
    assert_diag(&dl, ":2:12: error: \"$schema\" must be a string, not a number\n");
    assert_diag(&dl, ":3:7: error: \"id\" must be a string, not a number; the folder name \"");
    assert_diag(&dl, ":4:10: error: \"title\" must be a string or an object of translations "
                     "like {\"kk\": \"…\", \"ru\": \"…\"}, not an array\n");
    assert_diag(&dl, ":5:14: error: \"languages\" must be an array of language codes like "
                     "[\"kk\", \"ru\", \"en\"], not a string; using [\"kk\", \"ru\", \"en\"]\n");
    assert_diag(&dl, ":6:10: error: \"cover\" must be a string (a path to an image), not "
                     "false\n");
    assert_diag(&dl, ":7:12: error: \"lecture\" must be an object like {\"duration_min\": "
                     "45}, not a number\n");
    assert_diag(&dl, ":9:10: error: \"text\" of slide 1 must be a string or an object of "
                     "translations like {\"kk\": \"…\", \"ru\": \"…\"}, not a number\n");
    assert_diag(&dl, ":9:22: error: \"image\" of slide 1 must be a string (a path to an "
                     "image), not an object\n");
    assert_diag(&dl, ":9:1: error: slide 1 has neither \"image\" nor \"text\"; it is left "
                     "out\n");
    assert_diag(&dl, ":10:17: error: \"kk\" translation of slide 2 text must be a string, "
                     "not a number\n");
    assert_diag(&dl, ":10:41: error: \"en\" translation of slide 2 text must be a string, "
                     "not null\n");
    assert_diag(&dl, ":10:10: warning: missing \"kk\" translation of slide 2 text; visitors "
                     "reading kk will see ru\n");
    assert_diag(&dl, ":10:61: error: \"lecture_s\" of slide 2 must be a positive whole number "
                     "of seconds, not 1.5\n");
    assert_diag(&dl, ":11:28: error: \"lecture_s\" of slide 3 is too long (100000 seconds; at "
                     "most 86400)\n");
    assert_diag(&dl, ":11:47: error: \"attract\" of slide 3 must be true or false, not a "
                     "number\n");
    assert_diag(&dl, ":11:61: warning: \"caption\" of slide 3 is empty\n");
    assert_diag(&dl, ":12:1: error: slide 4 must be an object, not a string\n");
    assert_diag(&dl, ":13:62: error: \"lecture_s\" of slide 6 must be a positive whole number "
                     "of seconds, not -5\n");
    assert_diag(&dl, ":14:28: error: \"lecture_s\" of slide 7 is too long (1e+300 seconds; at "
                     "most 86400)\n");
    assert_diag(&dl, ":14:63: error: \"lecture_s\" of slide 8 must be a positive whole number "
                     "of seconds, not an array\n");
    /* the id falls back to the folder name, the title to the id */
    const char *base = strrchr(dir, '/') + 1;
    assert_string_equal(ex->id, base);
    assert_string_equal(loc_get(&ex->title, "kk", ex), base);
    assert_int_equal(ex->n_languages, 3);
    assert_null(ex->cover);
    assert_int_equal(ex->lecture_duration_min, 0);
    assert_int_equal(ex->n_slides, 6);
    assert_string_equal(loc_get(&ex->slides[0].text, "kk", ex), "Мәтін");
    assert_int_equal(ex->slides[2].lecture_s, 90);
    assert_int_equal(ex->slides[3].lecture_s, 0);
    manifest_free(ex);
    diag_clear(&dl);
    rm_rf(dir);
    free(dir);
}

static void test_id_title_languages(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    const char *base = strrchr(dir, '/') + 1;
    DiagList dl = {0};
    char want[512];

    /* no id: the folder name, silently; no title: the id, with a warning */
    Exhibition *ex = load_text(dir, "{\"slides\": [{\"text\": \"x\"}]}", &dl);
    assert_non_null(ex);
    assert_string_equal(ex->id, base);
    snprintf(want, sizeof want, ":1:1: warning: no \"title\"; the id \"%s\" is shown instead\n",
             base);
    assert_diag(&dl, want);
    assert_int_equal(dl.n, 1);
    assert_string_equal(loc_get(&ex->title, "en", ex), base);
    manifest_free(ex);
    diag_clear(&dl);

    ex = load_text(dir, "{\"id\": \"karlag artists\", \"title\": {\"kk\": \"\"},\n"
                        " \"languages\": [\"ru\", \"Kazakh\", 5, \"en\", \"ru\", \"kk-Latn\", "
                        "\"kkkk\"],\n \"lecture\": {\"duration_min\": 44.5, \"pause\": 1},\n"
                        " \"slides\": [{\"text\": \"x\"}]}", &dl);
    assert_non_null(ex);
    snprintf(want, sizeof want, ":1:8: error: \"id\" \"karlag artists\" may only contain "
             "letters A-Z and a-z, digits, \".\", \"_\" and \"-\"; the folder name \"%s\" is "
             "used\n", base);
    assert_diag(&dl, want);
    assert_string_equal(ex->id, base);
    snprintf(want, sizeof want, ":1:35: warning: \"title\" is empty; the id \"%s\" is shown "
             "instead\n", base);
    assert_diag(&dl, want);
    /* "kk" is not in this exhibition's languages */
    assert_diag(&dl, ":1:36: warning: \"kk\" in the exhibition title is not one of the "
                     "exhibition's languages (ru, en, kk-Latn)\n");
    assert_diag(&dl, ":2:22: error: \"Kazakh\" in \"languages\" is not a language code (2-3 "
                     "lowercase letters like \"kk\", optionally followed by \"-\" and letters "
                     "or digits)\n");
    assert_diag(&dl, ":2:32: error: \"languages\" entry must be a string, not a number\n");
    assert_diag(&dl, ":2:41: error: \"ru\" is listed twice in \"languages\"\n");
    assert_diag(&dl, ":2:58: error: \"kkkk\" in \"languages\"");
    assert_diag(&dl, ":3:36: warning: unknown key \"pause\" in \"lecture\"\n");
    assert_int_equal(ex->n_languages, 3);
    assert_string_equal(ex->languages[0], "ru");
    assert_string_equal(ex->languages[1], "en");
    assert_string_equal(ex->languages[2], "kk-Latn");
    assert_int_equal(ex->lecture_duration_min, 45); /* rounded up */
    manifest_free(ex);
    diag_clear(&dl);

    ex = load_text(dir, "{\"id\": \"a.b_c-1\", \"title\": \"T\", \"languages\": [],\n"
                        "\"lecture\": {}, \"slides\": [{\"text\": \"x\"}], \"slids\": 1, "
                        "\"zzzzzzzzzz\": 2}", &dl);
    assert_non_null(ex);
    assert_string_equal(ex->id, "a.b_c-1");
    assert_diag(&dl, ":1:46: error: \"languages\" is empty; using [\"kk\", \"ru\", \"en\"]\n");
    assert_diag(&dl, ":2:12: error: \"lecture\" has no \"duration_min\"\n");
    assert_diag(&dl, ":2:43: warning: unknown key \"slids\" (did you mean \"slides\"?)\n");
    assert_diag(&dl, ":2:55: warning: unknown key \"zzzzzzzzzz\"\n");
    assert_int_equal(ex->n_languages, 3);
    assert_string_equal(ex->languages[0], "kk");
    manifest_free(ex);
    diag_clear(&dl);

    ex = load_text(dir, "{\"languages\": [\"KK\"], \"lecture\": {\"duration_min\": -1}, "
                        "\"slides\": [{\"text\": {\"kk\": \"x\", \"English\": \"y\"}}]}", &dl);
    assert_non_null(ex);
    assert_diag(&dl, ":1:15: error: no usable entry in \"languages\"; using [\"kk\", \"ru\", "
                     "\"en\"]\n");
    assert_diag(&dl, ":1:51: error: \"duration_min\" of \"lecture\" must be a positive number "
                     "of minutes, not -1\n");
    assert_diag(&dl, ":1:88: warning: \"English\" in slide 1 text is not a language code; it "
                     "is ignored\n");
    assert_diag(&dl, "warning: missing \"ru\" translation of slide 1 text; visitors reading "
                     "ru will see kk\n");
    assert_int_equal(ex->slides[0].text.n, 1);
    manifest_free(ex);
    diag_clear(&dl);
    rm_rf(dir);
    free(dir);
}

static void test_image_paths(void **state)
{
    (void)state;
    char *root = make_tmpdir();
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/ex", root);
    copy_fixture_image(root, "02.png", "outside.png");
    copy_fixture_image(dir, "02.png", "images/real.png");
    write_text(dir, "images/placeholder.txt", "");
    char path[2048], target[2048];
    /* a link out of the folder, and one that stays inside */
    snprintf(path, sizeof path, "%s/images/escape.png", dir);
    snprintf(target, sizeof target, "%s/outside.png", root);
    assert_int_equal(symlink(target, path), 0);
    snprintf(path, sizeof path, "%s/images/inside.png", dir);
    assert_int_equal(symlink("real.png", path), 0);
    snprintf(path, sizeof path, "%s/images/dangling.png", dir);
    assert_int_equal(symlink("gone.png", path), 0);
    /* absolute, yet inside: the quick open refuses it, realpath allows it */
    snprintf(path, sizeof path, "%s/images/inside-abs.png", dir);
    snprintf(target, sizeof target, "%s/images/real.png", dir);
    assert_int_equal(symlink(target, path), 0);
    snprintf(path, sizeof path, "%s/images/folder.png", dir);
    assert_int_equal(mkdir(path, 0755), 0);

    DiagList dl = {0};
    Exhibition *ex = load_text(dir,
        "{\"id\": \"paths\", \"title\": \"P\", \"cover\": \"images/escape.png\", \"slides\": [\n"
        "{\"image\": \"images/escape.png\"},\n"
        "{\"image\": \"images/inside.png\"},\n"
        "{\"image\": \"images/dangling.png\"},\n"
        "{\"image\": \"images/folder.png\"},\n"
        "{\"image\": \"\"},\n"
        "{\"image\": \"images/placeholder.txt\"},\n"
        "{\"image\": \"images\\\\real.png\"},\n"
        "{\"image\": \"./images//real.png\"},\n"
        "{\"image\": \"images/../images/real.png\"},\n"
        "{\"image\": \"images/inside-abs.png\"}\n"
        "]}", &dl);
    assert_non_null(ex);
    assert_diag(&dl, ":1:40: error: image \"images/escape.png\" leads outside the exhibition "
                     "folder through a symbolic link\n");
    assert_diag(&dl, ":2:11: error: image \"images/escape.png\" leads outside the exhibition "
                     "folder through a symbolic link\n");
    assert_diag(&dl, ":4:11: error: image \"images/dangling.png\" not found\n");
    assert_diag(&dl, ":5:11: error: image \"images/folder.png\" is not a regular file\n");
    assert_diag(&dl, ":6:11: error: \"image\" of slide 5 is empty\n");
    assert_diag(&dl, ":7:11: error: images/placeholder.txt is an empty file\n");
    assert_diag(&dl, ":8:11: error: image \"images\\\\real.png\" not found (use \"/\" between "
                     "folders, not \"\\\")\n");
    assert_diag(&dl, ":10:11: error: image \"images/../images/real.png\" may not leave the "
                     "exhibition folder (it contains \"..\")\n");
    assert_int_equal(dl.n, 8);
    assert_null(ex->cover_path);
    assert_int_equal(ex->n_slides, 10);
    assert_false(ex->slides[0].image_ok);
    assert_true(ex->slides[1].image_ok);
    assert_int_equal(ex->slides[1].image_format, IMG_FMT_PNG);
    snprintf(path, sizeof path, "%s/images/inside.png", dir);
    assert_string_equal(ex->slides[1].image_path, path);
    assert_true(ex->slides[7].image_ok);
    assert_false(ex->slides[8].image_ok);
    assert_true(ex->slides[9].image_ok);
    assert_int_equal(ex->slides[9].image_format, IMG_FMT_PNG);
    manifest_free(ex);
    diag_clear(&dl);
    rm_rf(root);
    free(root);
}

static void test_other_formats_named(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    static const unsigned char bmp[26] = {'B', 'M', 26, 0, 0, 0, 0, 0, 0, 0, 26, 0, 0, 0,
                                          12, 0, 0, 0, 1, 0, 1, 0, 1, 0, 24, 0};
    static const unsigned char tiff[8] = {'I', 'I', '*', 0, 8, 0, 0, 0};
    static const unsigned char pcx[4] = {0x0A, 5, 1, 8};
    static const unsigned char ico[6] = {0, 0, 1, 0, 1, 0};
    static const unsigned char heic[12] = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'};
    static const char pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
    static const char html[] = "<!DOCTYPE html><html><body>not an svg</body></html>";
    write_bytes(dir, "a.bmp", bmp, sizeof bmp);
    write_bytes(dir, "a.tif", tiff, sizeof tiff);
    write_bytes(dir, "a.pcx", pcx, sizeof pcx);
    write_bytes(dir, "a.ico", ico, sizeof ico);
    write_bytes(dir, "a.heic", heic, sizeof heic);
    write_text(dir, "a.svg", html);
    write_text(dir, "a.pdf", pdf);
    DiagList dl = {0};
    Exhibition *ex = load_text(dir, "{\"title\": \"F\", \"slides\": [\n"
                                    "{\"image\": \"a.bmp\"}, {\"image\": \"a.tif\"},\n"
                                    "{\"image\": \"a.pcx\"}, {\"image\": \"a.ico\"},\n"
                                    "{\"image\": \"a.heic\"}, {\"image\": \"a.svg\"},\n"
                                    "{\"image\": \"a.pdf\"}]}", &dl);
    assert_non_null(ex);
    assert_diag(&dl, "error: a.bmp is a BMP image; vitrine shows JPEG, PNG, WebP, TIFF, HEIC, AVIF, SVG and PDF\n");
    /* a TIFF or HEIC is shown (read by its library in its worker, which
     * says what is wrong with it) */
    for (int i = 0; i < dl.n; i++) {
        assert_null(strstr(dl.items[i].msg, "a.tif"));
        assert_null(strstr(dl.items[i].msg, "a.heic"));
    }
    assert_diag(&dl, "error: a.pcx is a PCX image; vitrine shows");
    assert_diag(&dl, "error: a.ico is an ICO image; vitrine shows");
    assert_diag(&dl, "error: a.svg is not an image vitrine can show\n");
    /* a PDF is shown (its first page, or "page"), read by the vitrine-pdf worker */
    assert_true(lacks_diag(&dl, "a.pdf"));
    assert_int_equal(ex->n_slides, 7);
    manifest_free(ex);
    diag_clear(&dl);
    rm_rf(dir);
    free(dir);
}

static void test_odd_keys_in_messages(void **state)
{
    (void)state;
    DiagList dl = {0};
    /* keys with quotes, control characters, "/" and "~" are quoted safely and
     * still found; very long ones are cut */
    char text[1024];
    char longkey[301];
    memset(longkey, 'k', 300);
    longkey[300] = '\0';
    snprintf(text, sizeof text, "{\"slides\": [{\"text\": \"x\"}], \"a\\\"b\\n\": 1,\n"
                                "\"c/d~e\": 2, \"%s\": 3}", longkey);
    Exhibition *ex = manifest_load_buffer("/nonexistent", "m.json", text, strlen(text), &dl);
    assert_non_null(ex);
    assert_diag(&dl, "m.json:1:29: warning: unknown key \"a\\\"b\\u000a\"\n");
    assert_diag(&dl, "m.json:2:1: warning: unknown key \"c/d~e\"\n");
    assert_diag(&dl, "m.json:2:13: warning: unknown key \"kkkkkkkkkk");
    assert_diag(&dl, "kkk…\"\n");
    manifest_free(ex);
    diag_clear(&dl);
}

static void test_duplicates_everywhere(void **state)
{
    (void)state;
    DiagList dl = {0};
    const char *text = "{\"slides\": [{\"text\": \"a\", \"text\": {\"kk\": \"b\", \"kk\": \"c\"}}],"
                       "\n \"id\": \"x\", \"id\": \"y\", \"id\": \"z\"}";
    Exhibition *ex = manifest_load_buffer("/nonexistent", "m.json", text, strlen(text), &dl);
    assert_non_null(ex);
    assert_diag(&dl, "m.json:1:27: error: duplicate key \"text\" (first at line 1, column 14); "
                     "the last one is used\n");
    assert_diag(&dl, "m.json:1:47: error: duplicate key \"kk\" (first at line 1, column 36); "
                     "the last one is used\n");
    assert_diag(&dl, "m.json:2:13: error: duplicate key \"id\" (first at line 2, column 2)");
    assert_diag(&dl, "m.json:2:24: error: duplicate key \"id\" (first at line 2, column 2)");
    assert_string_equal(ex->id, "z");
    assert_string_equal(loc_get(&ex->slides[0].text, "kk", ex), "c");
    manifest_free(ex);
    diag_clear(&dl);
}

/* 10000 slides, each with three translations: loads in well under a
 * second; one more is refused. */
static void test_many_slides(void **state)
{
    (void)state;
    enum { N = MANIFEST_MAX_SLIDES + 1 };
    size_t cap = (size_t)N * 128 + 128, o = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    o += (size_t)snprintf(s + o, cap - o, "{\"title\": \"Many\", \"slides\": [\n");
    for (int i = 0; i < N; i++)
        o += (size_t)snprintf(s + o, cap - o,
                              "{\"text\": {\"kk\": \"Мәтін %d\", \"ru\": \"Текст %d\", "
                              "\"en\": \"Text %d\"}, \"lecture_s\": %d}%s\n",
                              i, i, i, i + 1, i + 1 < N ? "," : "");
    o += (size_t)snprintf(s + o, cap - o, "]}");
    DiagList dl = {0};
    clock_t t0 = clock();
    Exhibition *ex = manifest_load_buffer("/nonexistent", "m.json", s, o, &dl);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_non_null(ex);
    assert_true(secs < 10.0); /* about 0.05 s without sanitizers */
    assert_diag(&dl, "m.json:1:29: error: too many slides (10001); only the first 10000 are "
                     "shown\n");
    assert_int_equal(dl.n, 1);
    assert_int_equal(ex->n_slides, MANIFEST_MAX_SLIDES);
    assert_string_equal(loc_get(&ex->slides[9999].text, "ru", ex), "Текст 9999");
    assert_int_equal(ex->slides[9999].lecture_s, 10000);
    assert_int_equal(ex->slides[9999].line, 10001);
    manifest_free(ex);
    diag_clear(&dl);
    free(s);
}

/* Broken variants of a real manifest: never a crash, never a leak (run this
 * under -DVITRINE_SANITIZE=ON). */
static void test_mutations_do_not_crash(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/problems/%s", MANIFESTS, MANIFEST_NAME);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char orig[4096];
    size_t n = fread(orig, 1, sizeof orig, f);
    fclose(f);
    DiagList dl = {0};
    for (size_t k = 0; k <= n; k++) {
        manifest_free(manifest_load_buffer(MANIFESTS "/problems", "m.json", orig, k, &dl));
        diag_clear(&dl);
    }
    static const char alphabet[] = "{}[]\":,\\ \n0-1.5etrufalsn\xd3\x99\xff";
    char buf[4096];
    uint32_t seed = 2024;
    for (int round = 0; round < 3000; round++) {
        memcpy(buf, orig, n);
        int edits = 1 + round % 4;
        for (int e = 0; e < edits; e++) {
            seed = seed * 1664525u + 1013904223u;
            size_t at = (seed >> 8) % n;
            seed = seed * 1664525u + 1013904223u;
            buf[at] = alphabet[(seed >> 8) % (sizeof alphabet - 1)];
        }
        manifest_free(manifest_load_buffer(MANIFESTS "/problems", "m.json", buf, n, &dl));
        diag_clear(&dl);
    }
    manifest_free(NULL);
    assert_null(manifest_load(NULL, NULL));
    /* diags may be NULL */
    manifest_free(manifest_load(MANIFESTS "/problems", NULL));
    assert_null(manifest_load_buffer(NULL, NULL, "[", 1, NULL));
}

/* ---- Image headers (imagehead.h) ----------------------------------------- */

/* A PNG whose header says w x h and that ends properly or not. */
static void write_png_claiming(const char *dir, const char *rel, unsigned w, unsigned h,
                               bool complete)
{
    unsigned char b[57] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                           'I', 'H', 'D', 'R'};
    for (int i = 0; i < 4; i++) {
        b[16 + i] = (unsigned char)(w >> (24 - 8 * i));
        b[20 + i] = (unsigned char)(h >> (24 - 8 * i));
    }
    b[24] = 8;
    b[25] = 2;
    static const unsigned char rest[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'I', 'E', 'N',
                                         'D', 0xAE, 0x42, 0x60, 0x82};
    memcpy(b + 37, rest, sizeof rest); /* CRC of IHDR (not checked), IEND */
    write_bytes(dir, rel, b, complete ? sizeof b : 40);
}

static void test_image_headers_checked(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    write_png_claiming(dir, "images/huge.png", 100000, 100000, true);
    write_png_claiming(dir, "images/cut.png", 300, 200, false);
    write_png_claiming(dir, "images/fine.png", 300, 200, true);
    static const char manifest[] =
        "{\"title\": \"T\", \"slides\": [\n"
        "{\"image\": \"images/huge.png\"},\n"
        "{\"image\": \"images/cut.png\"},\n"
        "{\"image\": \"images/fine.png\"}\n"
        "]}";
    /* the kiosk reads headers: the absurd size is refused before any decoder
     * sees the file; the end of the file is left to the decoder */
    DiagList dl = {0};
    Exhibition *ex = load_text(dir, manifest, &dl);
    assert_non_null(ex);
    assert_diag(&dl, ":2:11: error: image \"images/huge.png\" cannot be shown: it is "
                     "100000x100000 pixels; the limit is 20000 a side and 200 megapixels\n");
    assert_int_equal(dl.n, 1);
    assert_false(ex->slides[0].image_ok);
    assert_true(ex->slides[1].image_ok);
    assert_true(ex->slides[2].image_ok);
    manifest_free(ex);
    diag_clear(&dl);
    /* --check reads every image whole: the cut one is found too */
    ex = manifest_load_images(dir, MANIFEST_IMAGE_WHOLE, &dl);
    assert_non_null(ex);
    assert_diag(&dl, ":2:11: error: image \"images/huge.png\" cannot be shown");
    assert_diag(&dl, ":3:11: error: image \"images/cut.png\" cannot be shown: the file ends "
                     "before the image does (was it copied completely?)\n");
    assert_int_equal(dl.n, 2);
    assert_false(ex->slides[1].image_ok);
    assert_true(ex->slides[2].image_ok);
    manifest_free(ex);
    diag_clear(&dl);
    rm_rf(dir);
    free(dir);
}

static void test_encodings_named(void **state)
{
    (void)state;
    DiagList dl = {0};
    /* UTF-16 from Notepad's "Unicode", with and without its byte-order mark */
    static const char le[] = "\xFF\xFE{\0\"\0s\0\"\0:\0[\0]\0}\0";
    static const char be[] = "\0{\0\"\0s\0\"\0:\0[\0]\0}";
    assert_null(manifest_load_buffer(".", "u.json", le, sizeof le - 1, &dl));
    assert_null(manifest_load_buffer(".", "u.json", le + 2, sizeof le - 3, &dl));
    assert_null(manifest_load_buffer(".", "u.json", be, sizeof be - 1, &dl));
    assert_int_equal(dl.n, 3);
    for (int i = 0; i < 3; i++)
        assert_string_equal(dl.items[i].msg,
                            "the file is saved as UTF-16 (\"Unicode\"); save it as UTF-8");
    diag_clear(&dl);
    /* Windows-1251: the position of the first byte that is not UTF-8 */
    static const char cp1251[] = "{\"slides\": [{\"text\": \"\xCA\xE0\xF0\"}]}";
    assert_null(manifest_load_buffer(".", "c.json", cp1251, sizeof cp1251 - 1, &dl));
    assert_diag(&dl, "c.json:1:23: error: unable to decode byte 0xca");
    assert_diag(&dl, "(the file is not UTF-8: save it as UTF-8, not as Windows-1251 or another "
                     "encoding)\n");
    diag_clear(&dl);
    /* a comma after the last item */
    static const char comma[] = "{\"slides\": [{\"text\": \"x\"},\n]}";
    assert_null(manifest_load_buffer(".", "t.json", comma, sizeof comma - 1, &dl));
    assert_diag(&dl, "t.json:2:1: error: unexpected token near ']' (is there a comma after the "
                     "last item?)\n");
    diag_clear(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_fixture),
        cmocka_unit_test(test_loc_get_fallback),
        cmocka_unit_test(test_bom_and_crlf),
        cmocka_unit_test(test_syntax_error),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_unreadable),
        cmocka_unit_test(test_oversize),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_no_slides),
        cmocka_unit_test(test_problems_fixture),
        cmocka_unit_test(test_gif_renamed_jpg),
        cmocka_unit_test(test_wrong_types),
        cmocka_unit_test(test_id_title_languages),
        cmocka_unit_test(test_image_paths),
        cmocka_unit_test(test_other_formats_named),
        cmocka_unit_test(test_odd_keys_in_messages),
        cmocka_unit_test(test_duplicates_everywhere),
        cmocka_unit_test(test_many_slides),
        cmocka_unit_test(test_mutations_do_not_crash),
        cmocka_unit_test(test_image_headers_checked),
        cmocka_unit_test(test_encodings_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
