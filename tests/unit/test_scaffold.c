/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_scaffold.c - vitrine --new-exhibition: the order of mixed file names,
 * ids and titles made from names, the exact manifest written for a folder of
 * images with Cyrillic names, spaces, numbers and uppercase extensions, and
 * the refusals (an existing manifest is never touched; no images, no file). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "manifest.h"
#include "scaffold.h"

/* ---- files ---------------------------------------------------------------- */

static char *join(const char *a, const char *b)
{
    char *p = fs_path_join(a, b);
    assert_non_null(p);
    return p;
}

static void write_bytes(const char *dir, const char *name, const void *data, size_t n)
{
    char *path = join(dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
    free(path);
}

/* The first bytes are all the scaffold looks at (imagehead_sniff); the
 * loader also reads the size from the header, so that is a real one. */
static void write_jpeg(const char *dir, const char *name)
{
    static const unsigned char b[32] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F'};
    write_bytes(dir, name, b, sizeof b);
}

static void write_png(const char *dir, const char *name)
{
    static const unsigned char b[32] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
                                        0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 16, 0, 0, 0, 9};
    write_bytes(dir, name, b, sizeof b);
}

static void write_webp(const char *dir, const char *name)
{
    static const unsigned char b[32] = {'R', 'I', 'F', 'F', 24, 0, 0, 0, 'W', 'E', 'B', 'P',
                                        'V', 'P', '8', ' ', 10, 0, 0, 0, 0, 0, 0, 0x9d, 0x01,
                                        0x2a, 16, 0, 9, 0};
    write_bytes(dir, name, b, sizeof b);
}

static void write_svg(const char *dir, const char *name)
{
    static const char s[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"160\" height=\"90\" "
                            "viewBox=\"0 0 160 90\"><rect width=\"160\" height=\"90\" fill=\"#333\"/>"
                            "</svg>\n";
    write_bytes(dir, name, s, sizeof s - 1);
}

static void write_text(const char *dir, const char *name, const char *text)
{
    write_bytes(dir, name, text, strlen(text));
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = (n + 4096 + 1) * 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        size_t r = fread(buf + n, 1, 4096, f);
        n += r;
        if (r == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void rm_rf(const char *path)
{
    nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* A fresh temporary folder (its own parent, so a test can make subfolders). */
static char *temp_root(void)
{
    char tmpl[] = "/tmp/vitrine-scaffold-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    char *p = strdup(tmpl);
    assert_non_null(p);
    return p;
}

static char *make_dir(const char *parent, const char *name)
{
    char *p = join(parent, name);
    assert_int_equal(mkdir(p, 0755), 0);
    return p;
}

/* scaffold_main with its messages caught. */
typedef struct {
    char *out, *err;
    size_t out_n, err_n;
    int status;
} Run;

static Run run(const char *dir, const char *bundled)
{
    Run r = {0};
    FILE *out = open_memstream(&r.out, &r.out_n), *err = open_memstream(&r.err, &r.err_n);
    assert_non_null(out);
    assert_non_null(err);
    r.status = scaffold_main(dir, bundled, out, err);
    fclose(out);
    fclose(err);
    return r;
}

static void run_free(Run *r)
{
    free(r->out);
    free(r->err);
}

/* ---- names ------------------------------------------------------------------ */

static int name_qsort(const void *a, const void *b)
{
    return scaffold_name_cmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_name_order(void **state)
{
    (void)state;
    assert_true(scaffold_name_cmp("2.jpg", "10.jpg") < 0);
    assert_true(scaffold_name_cmp("10.jpg", "2.jpg") > 0);
    assert_true(scaffold_name_cmp("02.jpg", "2.jpg") != 0); /* equal value: still an order */
    assert_true(scaffold_name_cmp("file2.png", "file10.png") < 0);
    assert_true(scaffold_name_cmp("IMG 3.webp", "10 Портрет.JPG") < 0); /* 3 before 10 */
    assert_true(scaffold_name_cmp("01-Қарлаг суреті.svg", "2_steppe.png") < 0);
    assert_true(scaffold_name_cmp("IMG_2019_02.jpg", "IMG_2019_10.jpg") < 0);
    /* a number first, then names without one */
    assert_true(scaffold_name_cmp("99 z.jpg", "cover.jpg") < 0);
    /* case does not count for ASCII letters */
    assert_true(scaffold_name_cmp("apple.jpg", "Banana.jpg") < 0);
    assert_true(scaffold_name_cmp("Apple.jpg", "banana.jpg") < 0);
    /* other bytes compare as bytes: А (D0 90) before Ә (D3 98) */
    assert_true(scaffold_name_cmp("\xD0\x90.jpg", "\xD3\x98.jpg") < 0);
    assert_int_equal(scaffold_name_cmp("same.jpg", "same.jpg"), 0);
    /* numbers longer than any integer type */
    assert_true(scaffold_name_cmp("123456789012345678901234 a", "123456789012345678901235 a") < 0);

    const char *names[] = {"10 Портрет.JPG", "notes", "IMG 3.webp", "2_steppe.png",
                           "01-Қарлаг суреті.svg"};
    qsort(names, 5, sizeof names[0], name_qsort);
    assert_string_equal(names[0], "01-Қарлаг суреті.svg");
    assert_string_equal(names[1], "2_steppe.png");
    assert_string_equal(names[2], "IMG 3.webp");
    assert_string_equal(names[3], "10 Портрет.JPG");
    assert_string_equal(names[4], "notes");
}

static void test_ids(void **state)
{
    (void)state;
    char id[SCAFFOLD_ID_MAX];
    scaffold_id("Poetry Evening", id, sizeof id);
    assert_string_equal(id, "poetry-evening");
    scaffold_id("Қарлаг суреттері 2019", id, sizeof id);
    assert_string_equal(id, "2019");
    scaffold_id("Қарлаг суреттері", id, sizeof id);
    assert_string_equal(id, "exhibition");
    scaffold_id("  Karlag  (1937)! ", id, sizeof id);
    assert_string_equal(id, "karlag-1937");
    scaffold_id("..Memory_Alive.v2..", id, sizeof id);
    assert_string_equal(id, "memory_alive.v2");
    scaffold_id("", id, sizeof id);
    assert_string_equal(id, "exhibition");
    char small[16];
    scaffold_id("a-very-long-folder-name-indeed", small, sizeof small);
    assert_string_equal(small, "a-very-long-fol");
}

static void check_title(const char *file, const char *want)
{
    char *t = scaffold_title(file);
    assert_non_null(t);
    assert_string_equal(t, want);
    free(t);
}

static void test_titles(void **state)
{
    (void)state;
    check_title("03_steppe.jpg", "steppe");
    check_title("03 steppe.jpg", "steppe");
    check_title("2-steppe.jpg", "steppe");
    check_title("10 Портрет.JPG", "Портрет");
    check_title("01-Қарлаг суреті.svg", "Қарлаг суреті");
    check_title("IMG 3.webp", "IMG 3");
    check_title("images/__a__b__.png", "a b");
    check_title("03.jpg", "03");              /* nothing else to call it */
    check_title("2019-05-12.jpg", "2019 05 12"); /* a date, not a number and a title */
    check_title("no extension", "no extension");
    check_title(".png", ".png");
}

/* ---- a folder of mixed names ------------------------------------------------- */

static const char *const MIXED_FOLDER = "Қарлаг суреттері 2019";

/* What the curator gets for the folder made by make_mixed(). */
static const char EXPECTED_MIXED[] =
    "{\n"
    "  \"id\": \"2019\",\n"
    "  \"title\": {\n"
    "    \"kk\": \"Қарлаг суреттері 2019\",\n"
    "    \"ru\": \"Қарлаг суреттері 2019\",\n"
    "    \"en\": \"Қарлаг суреттері 2019\"\n"
    "  },\n"
    "  \"languages\": [\n"
    "    \"kk\",\n"
    "    \"ru\",\n"
    "    \"en\"\n"
    "  ],\n"
    "  \"slides\": [\n"
    "    {\n"
    "      \"image\": \"01-Қарлаг суреті.svg\",\n"
    "      \"title\": {\n"
    "        \"kk\": \"Қарлаг суреті\",\n"
    "        \"ru\": \"Қарлаг суреті\",\n"
    "        \"en\": \"Қарлаг суреті\"\n"
    "      },\n"
    "      \"caption\": {\n"
    "        \"kk\": \"\",\n"
    "        \"ru\": \"\",\n"
    "        \"en\": \"\"\n"
    "      },\n"
    "      \"credit\": \"\"\n"
    "    },\n"
    "    {\n"
    "      \"image\": \"2_steppe.png\",\n"
    "      \"title\": {\n"
    "        \"kk\": \"steppe\",\n"
    "        \"ru\": \"steppe\",\n"
    "        \"en\": \"steppe\"\n"
    "      },\n"
    "      \"caption\": {\n"
    "        \"kk\": \"\",\n"
    "        \"ru\": \"\",\n"
    "        \"en\": \"\"\n"
    "      },\n"
    "      \"credit\": \"\"\n"
    "    },\n"
    "    {\n"
    "      \"image\": \"IMG 3.webp\",\n"
    "      \"title\": {\n"
    "        \"kk\": \"IMG 3\",\n"
    "        \"ru\": \"IMG 3\",\n"
    "        \"en\": \"IMG 3\"\n"
    "      },\n"
    "      \"caption\": {\n"
    "        \"kk\": \"\",\n"
    "        \"ru\": \"\",\n"
    "        \"en\": \"\"\n"
    "      },\n"
    "      \"credit\": \"\"\n"
    "    },\n"
    "    {\n"
    "      \"image\": \"10 Портрет.JPG\",\n"
    "      \"title\": {\n"
    "        \"kk\": \"Портрет\",\n"
    "        \"ru\": \"Портрет\",\n"
    "        \"en\": \"Портрет\"\n"
    "      },\n"
    "      \"caption\": {\n"
    "        \"kk\": \"\",\n"
    "        \"ru\": \"\",\n"
    "        \"en\": \"\"\n"
    "      },\n"
    "      \"credit\": \"\"\n"
    "    }\n"
    "  ]\n"
    "}\n";

static char *make_mixed(const char *root)
{
    char *dir = make_dir(root, MIXED_FOLDER);
    write_jpeg(dir, "10 Портрет.JPG");
    write_png(dir, "2_steppe.png");
    write_svg(dir, "01-Қарлаг суреті.svg");
    write_text(dir, "notes.txt", "Ask the archive about slide 2.\n");
    write_text(dir, "README", "Scans from the museum.\n");
    write_webp(dir, "IMG 3.webp");
    write_text(dir, ".DS_Store", "junk");
    char *sub = make_dir(dir, "drafts"); /* other subfolders are not looked into */
    write_png(sub, "draft.png");
    free(sub);
    return dir;
}

/* TIFF masters and phone photos (issue 14) are slides like any picture:
 * told by their bytes, whatever their names. */
static void test_tiff_heic_avif(void **state)
{
    (void)state;
    static const unsigned char tiff[8] = {'I', 'I', '*', 0, 8, 0, 0, 0};
    static const unsigned char heic[12] = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'};
    static const unsigned char avif[12] = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f'};
    char *root = temp_root();
    char *dir = make_dir(root, "expedition");
    write_bytes(dir, "1-scan.tif", tiff, sizeof tiff);
    write_bytes(dir, "2-phone.heic", heic, sizeof heic);
    write_bytes(dir, "3-phone.avif", avif, sizeof avif);
    Run r = run(dir, "/nonexistent/exhibitions");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "3 slides"));
    DiagList dl = {0};
    Exhibition *ex = manifest_load(dir, &dl);
    assert_non_null(ex);
    assert_int_equal(diag_count(&dl, DIAG_ERROR), 0);
    assert_int_equal(ex->n_slides, 3);
    assert_int_equal(ex->slides[0].image_format, IMG_FMT_TIFF);
    assert_int_equal(ex->slides[1].image_format, IMG_FMT_HEIC);
    assert_int_equal(ex->slides[2].image_format, IMG_FMT_AVIF);
    manifest_free(ex);
    diag_clear(&dl);
    run_free(&r);
    free(dir);
    rm_rf(root);
    free(root);
}

static void test_mixed_names(void **state)
{
    (void)state;
    char *root = temp_root();
    char *dir = make_mixed(root);
    Run r = run(dir, "/nonexistent/exhibitions");
    assert_int_equal(r.status, 0);
    char *manifest = join(dir, MANIFEST_NAME);
    char *got = read_all(manifest);
    assert_non_null(got);
    assert_string_equal(got, EXPECTED_MIXED);

    /* What the curator is told. */
    assert_non_null(strstr(r.out, "4 slides"));
    assert_non_null(strstr(r.out, "vitrine --check"));
    assert_non_null(strstr(r.out, "\"$schema\""));  /* the hint: none was written */
    assert_non_null(strstr(r.err, "skipped \"notes.txt\""));
    assert_non_null(strstr(r.err, "skipped \"README\""));
    assert_null(strstr(r.err, ".DS_Store"));
    assert_null(strstr(r.err, "draft"));

    /* vitrine loads what it wrote: every image found, no error. */
    DiagList dl = {0};
    Exhibition *ex = manifest_load(dir, &dl);
    assert_non_null(ex);
    assert_int_equal(diag_count(&dl, DIAG_ERROR), 0);
    assert_string_equal(ex->id, "2019");
    assert_int_equal(ex->n_slides, 4);
    for (int i = 0; i < ex->n_slides; i++)
        assert_true(ex->slides[i].image_ok);
    assert_int_equal(ex->slides[3].image_format, IMG_FMT_JPEG);
    manifest_free(ex);
    diag_clear(&dl);

    free(got);
    free(manifest);
    run_free(&r);
    free(dir);
    rm_rf(root);
    free(root);
}

/* ---- refusals ------------------------------------------------------------------ */

static void test_refuses_to_overwrite(void **state)
{
    (void)state;
    char *root = temp_root();
    char *dir = make_mixed(root);
    char *manifest = join(dir, MANIFEST_NAME);

    Run first = run(dir, NULL);
    assert_int_equal(first.status, 0);
    char *before = read_all(manifest);
    assert_non_null(before);
    write_png(dir, "11 new.png"); /* more images since: still not rewritten */

    Run again = run(dir, NULL);
    assert_int_equal(again.status, 1);
    assert_non_null(strstr(again.err, manifest)); /* the message names the file */
    assert_non_null(strstr(again.err, "already exists"));
    assert_string_equal(again.out, "");
    char *after = read_all(manifest);
    assert_non_null(after);
    assert_string_equal(after, before);

    /* A curator's own manifest, however small, is never touched either. */
    char *other = make_dir(root, "own");
    write_png(other, "1.png");
    write_text(other, MANIFEST_NAME, "{\"slides\": []}");
    Run own = run(other, NULL);
    assert_int_equal(own.status, 1);
    char *own_path = join(other, MANIFEST_NAME);
    char *own_text = read_all(own_path);
    assert_string_equal(own_text, "{\"slides\": []}");

    free(own_text);
    free(own_path);
    run_free(&own);
    free(other);
    free(after);
    free(before);
    run_free(&again);
    run_free(&first);
    free(manifest);
    free(dir);
    rm_rf(root);
    free(root);
}

static void test_refuses_empty_folder(void **state)
{
    (void)state;
    char *root = temp_root();
    char *empty = make_dir(root, "empty");
    Run r = run(empty, NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "no images in"));
    char *manifest = join(empty, MANIFEST_NAME);
    assert_false(exists(manifest));
    run_free(&r);
    free(manifest);

    /* Files, but none of them an image (a GIF and a text named .jpg). */
    char *notes = make_dir(root, "notes");
    write_text(notes, "letter.txt", "text");
    write_text(notes, "fake.jpg", "not really a JPEG");
    write_text(notes, "anim.gif", "GIF89a.........");
    r = run(notes, NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "skipped \"fake.jpg\""));
    assert_non_null(strstr(r.err, "no images in"));
    manifest = join(notes, MANIFEST_NAME);
    assert_false(exists(manifest));
    run_free(&r);
    free(manifest);

    /* Not a folder at all. */
    char *file = join(notes, "letter.txt");
    r = run(file, NULL);
    assert_int_equal(r.status, 1);
    run_free(&r);
    r = run("/nonexistent/vitrine/folder", NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "/nonexistent/vitrine/folder"));
    run_free(&r);

    free(file);
    free(notes);
    free(empty);
    rm_rf(root);
    free(root);
}

/* ---- images/, and "$schema" inside the bundled exhibitions folder ---------------- */

static void test_images_folder_and_schema(void **state)
{
    (void)state;
    char *root = temp_root();
    char *bundled = make_dir(root, "exhibitions");
    char *dir = make_dir(bundled, "Poetry Evening");
    char *images = make_dir(dir, "images");
    write_png(images, "10.png");
    write_jpeg(images, "2.jpg");
    write_svg(dir, "1 cover.svg");
    /* DIR given with a trailing slash and through "..": still the bundled folder */
    char *odd = join(images, "../");
    Run r = run(odd, bundled);
    assert_int_equal(r.status, 0);
    assert_null(strstr(r.out, "No \"$schema\""));
    char *manifest = join(dir, MANIFEST_NAME);
    char *got = read_all(manifest);
    assert_non_null(got);
    assert_true(strncmp(got, "{\n  \"$schema\": \"" SCAFFOLD_SCHEMA_REL "\",\n  \"id\": \"poetry-evening\",\n",
                        strlen("{\n  \"$schema\": \"" SCAFFOLD_SCHEMA_REL "\",\n  \"id\": \"poetry-evening\",\n")) == 0);
    const char *a = strstr(got, "\"image\": \"1 cover.svg\"");
    const char *b = strstr(got, "\"image\": \"images/2.jpg\"");
    const char *c = strstr(got, "\"image\": \"images/10.png\"");
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    assert_true(a < b && b < c);
    assert_non_null(strstr(got, "\"title\": {\n    \"kk\": \"Poetry Evening\""));

    DiagList dl = {0};
    Exhibition *ex = manifest_load(dir, &dl);
    assert_non_null(ex);
    assert_int_equal(diag_count(&dl, DIAG_ERROR), 0);
    assert_int_equal(ex->n_slides, 3);
    manifest_free(ex);
    diag_clear(&dl);

    free(got);
    free(manifest);
    run_free(&r);
    free(odd);
    free(images);
    free(dir);
    free(bundled);
    rm_rf(root);
    free(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_order),
        cmocka_unit_test(test_tiff_heic_avif),
        cmocka_unit_test(test_ids),
        cmocka_unit_test(test_titles),
        cmocka_unit_test(test_mixed_names),
        cmocka_unit_test(test_refuses_to_overwrite),
        cmocka_unit_test(test_refuses_empty_folder),
        cmocka_unit_test(test_images_folder_and_schema),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
