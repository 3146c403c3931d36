/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_imagehead.c - image headers read before any decoder: JPEG marker
 * segments (frame size, EXIF orientation, Adobe marker, scans, the end),
 * PNG and WebP sizes and ends, the limits, and reading from a file. */
#define _XOPEN_SOURCE 700 /* mkstemp(), ftruncate() */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "imagehead.h"

/* ---- building files byte by byte -------------------------------------------- */

typedef struct {
    uint8_t b[1 << 16];
    size_t n;
} Buf;

static void put(Buf *f, const void *p, size_t n)
{
    assert_true(f->n + n <= sizeof f->b);
    memcpy(f->b + f->n, p, n);
    f->n += n;
}

static void put8(Buf *f, unsigned v)
{
    uint8_t c = (uint8_t)v;
    put(f, &c, 1);
}

static void put16be(Buf *f, unsigned v)
{
    put8(f, v >> 8);
    put8(f, v & 255);
}

static void put32be(Buf *f, uint32_t v)
{
    put16be(f, v >> 16);
    put16be(f, v & 0xFFFF);
}

/* A marker segment: FF m, length, payload. */
static void segment(Buf *f, unsigned m, const void *payload, size_t n)
{
    put8(f, 0xFF);
    put8(f, m);
    put16be(f, (unsigned)n + 2);
    put(f, payload, n);
}

/* SOFn of w x h, `comps` components of 8 bits (or `bits`). */
static void sof(Buf *f, unsigned m, int bits, int w, int h, int comps)
{
    uint8_t p[6 + 3 * 4] = {(uint8_t)bits, (uint8_t)(h >> 8), (uint8_t)h, (uint8_t)(w >> 8),
                            (uint8_t)w, (uint8_t)comps};
    for (int i = 0; i < comps && i < 4; i++) {
        p[6 + 3 * i] = (uint8_t)(i + 1);
        p[7 + 3 * i] = 0x11;
    }
    segment(f, m, p, 6 + 3 * (size_t)(comps < 4 ? comps : 4));
}

/* SOS with entropy-coded data that holds stuffed bytes, a restart marker
 * and fill bytes, none of which end the scan. */
static void scan(Buf *f)
{
    static const uint8_t hdr[] = {1, 1, 0, 0, 63, 0};
    static const uint8_t data[] = {0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56, 0xFF, 0xFF, 0x00, 0x78};
    segment(f, 0xDA, hdr, sizeof hdr);
    put(f, data, sizeof data);
}

static void soi(Buf *f)
{
    f->n = 0;
    put8(f, 0xFF);
    put8(f, 0xD8);
}

static void eoi(Buf *f)
{
    put8(f, 0xFF);
    put8(f, 0xD9);
}

/* An APP1 "Exif" segment whose IFD0 holds `orientation` (big- or
 * little-endian TIFF), after one other tag. */
static void exif(Buf *f, bool big, unsigned orientation)
{
    Buf t = {.n = 0};
    put(&t, "Exif\0\0", 6);
    if (big) {
        put(&t, "MM", 2);
        put16be(&t, 42);
        put32be(&t, 8);
        put16be(&t, 2);                      /* two entries */
        put16be(&t, 0x010F);                 /* Make, ASCII, pointing away */
        put16be(&t, 2);
        put32be(&t, 6);
        put32be(&t, 100);
        put16be(&t, 0x0112);                 /* Orientation, SHORT, 1 */
        put16be(&t, 3);
        put32be(&t, 1);
        put16be(&t, orientation);
        put16be(&t, 0);
    } else {
        static const uint8_t le[] = {'I', 'I', 42, 0, 8, 0, 0, 0, 2, 0,
                                     0x0F, 0x01, 2, 0, 6, 0, 0, 0, 100, 0, 0, 0,
                                     0x12, 0x01, 3, 0, 1, 0, 0, 0};
        put(&t, le, sizeof le);
        put8(&t, orientation & 255);
        put8(&t, orientation >> 8);
        put16be(&t, 0);
    }
    put32be(&t, 0); /* no next IFD */
    segment(f, 0xE1, t.b, t.n);
}

static void adobe(Buf *f, unsigned transform)
{
    uint8_t p[12] = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (uint8_t)transform};
    segment(f, 0xEE, p, sizeof p);
}

/* A small complete baseline JPEG (not decodable: the tables are missing,
 * but every header the parser reads is there). */
static void jpeg(Buf *f, int w, int h, int comps)
{
    soi(f);
    segment(f, 0xE0, "JFIF\0\1\1\0\0\1\0\1\0\0", 14);
    sof(f, 0xC0, 8, w, h, comps);
    scan(f);
    eoi(f);
}

static ImageHeadResult parse(const Buf *f, bool whole, ImageHead *h, char *err)
{
    return imagehead_parse(f->b, f->n, whole, h, err, 256);
}

/* ---- JPEG -------------------------------------------------------------------- */

static void test_jpeg_baseline(void **state)
{
    (void)state;
    Buf f;
    ImageHead h;
    char err[256];
    jpeg(&f, 640, 480, 3);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_OK);
    assert_int_equal(h.format, IMG_FMT_JPEG);
    assert_int_equal(h.w, 640);
    assert_int_equal(h.h, 480);
    assert_int_equal(h.components, 3);
    assert_int_equal(h.orientation, 1);
    assert_int_equal(h.adobe_transform, -1);
    assert_false(h.progressive);
    assert_int_equal(h.scans, 1);
    assert_string_equal(err, "");
    /* the header alone: the size is known from the frame header on */
    assert_int_equal(imagehead_parse(f.b, 40, false, &h, err, sizeof err), IMAGEHEAD_OK);
    assert_int_equal(h.w, 640);
    /* ... and not before it */
    assert_int_equal(imagehead_parse(f.b, 10, false, &h, err, sizeof err), IMAGEHEAD_MORE);
}

static void test_jpeg_cut_short(void **state)
{
    (void)state;
    Buf f;
    ImageHead h;
    char err[256];
    soi(&f);
    sof(&f, 0xC0, 8, 640, 480, 3);
    size_t after_sof = f.n;
    scan(&f);
    eoi(&f);
    /* every length short of the end marker is cut short, or damaged when the
     * frame header itself is missing; never OK and never a crash */
    for (size_t n = 3; n < f.n; n++) { /* FF D8 FF: the least that is a JPEG */
        assert_int_equal(imagehead_parse(f.b, n, true, &h, err, sizeof err), IMAGEHEAD_REFUSED);
        if (n >= after_sof)
            assert_string_equal(err, "the file ends before the image does (was it copied "
                                     "completely?)");
        else
            assert_non_null(strstr(err, "damaged"));
    }
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_OK);
    /* junk after the end is harmless */
    put(&f, "trailing", 8);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_OK);
}

static void test_jpeg_too_large(void **state)
{
    (void)state;
    Buf f;
    ImageHead h;
    char err[256];
    jpeg(&f, 65000, 65000, 3);
    assert_int_equal(parse(&f, false, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "it is 65000x65000 pixels; the limit is 20000 a side and 200 "
                             "megapixels");
    jpeg(&f, 20000, 10001, 3); /* each side fine, 200.02 megapixels in all */
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    jpeg(&f, 20000, 10000, 3);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_OK);
    jpeg(&f, 20001, 1, 3);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    jpeg(&f, 0, 480, 3);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "its header gives a size of 0x480 pixels (damaged)");
}

static void test_jpeg_kinds_refused(void **state)
{
    (void)state;
    Buf f;
    ImageHead h;
    char err[256];
    soi(&f);
    sof(&f, 0xC0, 12, 64, 64, 3);
    scan(&f);
    eoi(&f);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "it is a 12-bit JPEG; vitrine shows 8-bit JPEGs (save it again as "
                             "an ordinary JPEG)");
    soi(&f);
    sof(&f, 0xC3, 8, 64, 64, 3);
    assert_int_equal(parse(&f, false, &h, err), IMAGEHEAD_REFUSED);
    assert_non_null(strstr(err, "lossless JPEG"));
    jpeg(&f, 64, 64, 2);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "it is a JPEG of 2 colour components; vitrine shows greyscale, "
                             "colour and CMYK JPEGs");
    jpeg(&f, 64, 64, 1);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_OK);
    assert_int_equal(h.components, 1);
}

static void test_jpeg_damaged(void **state)
{
    (void)state;
    Buf f;
    ImageHead h;
    char err[256];
    soi(&f); /* a scan before any frame header */
    scan(&f);
    eoi(&f);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "its JPEG header is damaged (a scan before the frame header)");
    soi(&f); /* the end straight after the start */
    eoi(&f);
    assert_int_equal(parse(&f, false, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "its JPEG header is damaged (it ends before the image starts)");
    soi(&f); /* a frame header, then the end: no scan at all */
    sof(&f, 0xC0, 8, 64, 64, 3);
    eoi(&f);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "its JPEG is damaged (it holds no image data)");
    soi(&f); /* a segment that says it has no length */
    put(&f, "\xFF\xE0\x00\x00", 4);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "its JPEG header is damaged (a segment of length 0)");
    soi(&f); /* a frame header too short to hold a size */
    segment(&f, 0xC0, "\x08\x00", 2);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "its JPEG header is damaged (a short frame header)");
    soi(&f); /* nothing but the start */
    put8(&f, 0xFF);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "its JPEG header is damaged or cut short (no frame header)");
}

static void test_jpeg_extraneous_bytes(void **state)
{
    (void)state;
    /* bytes between segments (some cameras write them) are skipped, as
     * libjpeg does, and so are fill bytes before a marker */
    Buf f;
    ImageHead h;
    char err[256];
    soi(&f);
    segment(&f, 0xE0, "JFIF\0\1\1\0\0\1\0\1\0\0", 14);
    put(&f, "\x00\x00junk", 6);
    put8(&f, 0xFF);
    sof(&f, 0xC0, 8, 100, 50, 3);
    put(&f, "\x01\x02", 2);
    scan(&f);
    eoi(&f);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_OK);
    assert_int_equal(h.w, 100);
    assert_int_equal(h.h, 50);
}

static void test_jpeg_scans(void **state)
{
    (void)state;
    Buf f;
    ImageHead h;
    char err[256];
    soi(&f);
    sof(&f, 0xC2, 8, 64, 64, 3);
    for (int i = 0; i < IMAGE_MAX_SCANS; i++)
        scan(&f);
    eoi(&f);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_OK);
    assert_true(h.progressive);
    assert_int_equal(h.scans, IMAGE_MAX_SCANS);
    f.n -= 2;
    scan(&f);
    eoi(&f);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "it is a progressive JPEG of more than 100 scans; save it again as "
                             "an ordinary (baseline) JPEG");
    /* the header alone does not count scans */
    assert_int_equal(parse(&f, false, &h, err), IMAGEHEAD_OK);
}

static void test_jpeg_exif_and_adobe(void **state)
{
    (void)state;
    Buf f;
    ImageHead h;
    char err[256];
    for (unsigned o = 1; o <= 8; o++) {
        for (int big = 0; big < 2; big++) {
            soi(&f);
            exif(&f, big, o);
            adobe(&f, 2);
            sof(&f, 0xC0, 8, 64, 32, 4);
            scan(&f);
            eoi(&f);
            assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_OK);
            assert_int_equal(h.orientation, (int)o);
            assert_int_equal(h.adobe_transform, 2);
            assert_int_equal(h.components, 4);
        }
    }
    /* only the first Exif segment counts */
    soi(&f);
    exif(&f, false, 6);
    exif(&f, true, 3);
    sof(&f, 0xC0, 8, 64, 32, 3);
    scan(&f);
    eoi(&f);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_OK);
    assert_int_equal(h.orientation, 6);
}

/* ---- EXIF ------------------------------------------------------------------- */

static void test_exif_orientation(void **state)
{
    (void)state;
    /* built by hand: II, IFD0 at 8 with one entry */
    uint8_t t[26] = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0,
                     0, 0, 0, 0};
    assert_int_equal(imagehead_exif_orientation(t, sizeof t), 6);
    t[18] = 9; /* out of range */
    assert_int_equal(imagehead_exif_orientation(t, sizeof t), 1);
    t[18] = 0;
    assert_int_equal(imagehead_exif_orientation(t, sizeof t), 1);
    t[18] = 8;
    t[12] = 4; /* LONG instead of SHORT */
    assert_int_equal(imagehead_exif_orientation(t, sizeof t), 8);
    t[12] = 2; /* ASCII: not an orientation */
    assert_int_equal(imagehead_exif_orientation(t, sizeof t), 1);
    t[12] = 3;
    t[14] = 0; /* a count of 0 */
    assert_int_equal(imagehead_exif_orientation(t, sizeof t), 1);
    t[14] = 1;
    /* the entry is cut off: not read */
    assert_int_equal(imagehead_exif_orientation(t, 21), 1);
    assert_int_equal(imagehead_exif_orientation(t, 22), 8);
    /* an entry count far past the end is clipped to what is there */
    t[8] = 0xFF;
    t[9] = 0xFF;
    assert_int_equal(imagehead_exif_orientation(t, sizeof t), 8);
    /* IFD0 offsets out of the segment, or into the header */
    t[4] = 0xF0;
    assert_int_equal(imagehead_exif_orientation(t, sizeof t), 1);
    t[4] = 0xFF; t[5] = 0xFF; t[6] = 0xFF; t[7] = 0xFF;
    assert_int_equal(imagehead_exif_orientation(t, sizeof t), 1);
    t[4] = 4; t[5] = 0; t[6] = 0; t[7] = 0;
    assert_int_equal(imagehead_exif_orientation(t, sizeof t), 1);
    /* not TIFF at all */
    assert_int_equal(imagehead_exif_orientation((const uint8_t *)"XX*\0\10\0\0\0", 8), 1);
    assert_int_equal(imagehead_exif_orientation((const uint8_t *)"II\x2b\0\10\0\0\0", 8), 1);
    assert_int_equal(imagehead_exif_orientation(t, 7), 1);
    assert_int_equal(imagehead_exif_orientation(NULL, 100), 1);
}

static void test_exif_fuzzed_offsets(void **state)
{
    (void)state;
    /* every byte of a valid structure set to every value: no read outside
     * (ASan would say), and the answer is always 1..8 */
    uint8_t t[26] = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,
                     0, 0, 0, 0};
    assert_int_equal(imagehead_exif_orientation(t, sizeof t), 6);
    for (size_t i = 0; i < sizeof t; i++) {
        uint8_t keep = t[i];
        for (int v = 0; v < 256; v++) {
            t[i] = (uint8_t)v;
            for (size_t n = 0; n <= sizeof t; n++) {
                uint8_t *copy = malloc(n ? n : 1); /* exactly n bytes, for ASan */
                assert_non_null(copy);
                memcpy(copy, t, n);
                int o = imagehead_exif_orientation(copy, n);
                assert_true(o >= 1 && o <= 8);
                free(copy);
            }
        }
        t[i] = keep;
    }
}

/* ---- PNG and WebP ----------------------------------------------------------- */

static void png(Buf *f, uint32_t w, uint32_t h, bool iend)
{
    f->n = 0;
    put(f, "\x89PNG\r\n\x1a\n", 8);
    put32be(f, 13);
    put(f, "IHDR", 4);
    put32be(f, w);
    put32be(f, h);
    put(f, "\x08\x02\x00\x00\x00", 5);
    put32be(f, 0); /* CRC (not checked here) */
    put32be(f, 3);
    put(f, "IDAT", 4);
    put(f, "abc", 3);
    put32be(f, 0);
    if (iend) {
        put32be(f, 0);
        put(f, "IEND", 4);
        put32be(f, 0);
    }
}

static void test_png(void **state)
{
    (void)state;
    Buf f;
    ImageHead h;
    char err[256];
    png(&f, 300, 200, true);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_OK);
    assert_int_equal(h.format, IMG_FMT_PNG);
    assert_int_equal(h.w, 300);
    assert_int_equal(h.h, 200);
    png(&f, 300, 200, false);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "the file ends before the image does (was it copied completely?)");
    assert_int_equal(parse(&f, false, &h, err), IMAGEHEAD_OK);
    png(&f, 100000, 100000, true);
    assert_int_equal(parse(&f, false, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "it is 100000x100000 pixels; the limit is 20000 a side and 200 "
                             "megapixels");
    png(&f, 0xFFFFFFFFu, 0xFFFFFFFFu, true);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "it is 4294967295x4294967295 pixels; the limit is 20000 a side and "
                             "200 megapixels");
    png(&f, 10, 10, true);
    f.b[12] = 'X';
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "its PNG header is damaged");
    assert_int_equal(imagehead_parse(f.b, 20, false, &h, err, sizeof err), IMAGEHEAD_MORE);
    assert_int_equal(imagehead_parse(f.b, 20, true, &h, err, sizeof err), IMAGEHEAD_REFUSED);
}

static void webp(Buf *f, const char *chunk, const uint8_t *payload, size_t n, uint32_t riff)
{
    f->n = 0;
    put(f, "RIFF", 4);
    put8(f, riff & 255);
    put8(f, riff >> 8 & 255);
    put8(f, riff >> 16 & 255);
    put8(f, riff >> 24);
    put(f, "WEBP", 4);
    put(f, chunk, 4);
    put8(f, (unsigned)n);
    put(f, "\0\0\0", 3);
    put(f, payload, n);
}

static void test_webp(void **state)
{
    (void)state;
    Buf f;
    ImageHead h;
    char err[256];
    /* VP8X: 24-bit sizes minus one */
    uint8_t x[10] = {0x10, 0, 0, 0, 0x9F, 0x86, 0x01, 0x9F, 0x86, 0x01}; /* 100000 x 100000 */
    webp(&f, "VP8X", x, sizeof x, 22);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "it is 100000x100000 pixels; the limit is 20000 a side and 200 "
                             "megapixels");
    uint8_t small[10] = {0x10, 0, 0, 0, 99, 0, 0, 49, 0, 0};
    webp(&f, "VP8X", small, sizeof small, 22);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_OK);
    assert_int_equal(h.w, 100);
    assert_int_equal(h.h, 50);
    /* RIFF says more than the file holds */
    webp(&f, "VP8X", small, sizeof small, 1000);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "the file ends before the image does (was it copied completely?)");
    assert_int_equal(parse(&f, false, &h, err), IMAGEHEAD_OK);
    /* lossless: 14-bit sizes minus one */
    uint8_t l[10] = {0x2f, 0xFF, 0xFF, 0xFF, 0x0F, 0, 0, 0, 0, 0}; /* 16384 x 16384 */
    webp(&f, "VP8L", l, sizeof l, 22);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "it is 16384x16384 pixels; the limit is 20000 a side and 200 "
                             "megapixels");
    l[0] = 0x2e;
    webp(&f, "VP8L", l, sizeof l, 22);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "its WebP header is damaged");
    webp(&f, "ABCD", l, sizeof l, 22);
    assert_int_equal(parse(&f, true, &h, err), IMAGEHEAD_REFUSED);
}

static void test_other_formats(void **state)
{
    (void)state;
    ImageHead h;
    char err[256];
    const char *gif = "GIF89a\x10\x00\x10\x00";
    assert_int_equal(imagehead_parse((const uint8_t *)gif, 10, true, &h, err, sizeof err),
                     IMAGEHEAD_REFUSED);
    assert_string_equal(err, "it is not an image vitrine can show (JPEG, PNG, WebP, SVG, PDF)");
    assert_int_equal(imagehead_parse(NULL, 0, true, &h, err, sizeof err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "the file is empty");
    const char *svg = "<svg width='100000' height='100000'/>";
    assert_int_equal(imagehead_parse((const uint8_t *)svg, strlen(svg), true, &h, err, sizeof err),
                     IMAGEHEAD_OK);
    assert_int_equal(h.format, IMG_FMT_SVG);
    assert_int_equal(h.w, 0); /* rasterised at the size shown, never this */
}

/* ---- from a file ---------------------------------------------------------------- */

static int temp_file(const Buf *f)
{
    char path[] = "/tmp/vitrine-imagehead-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    if (f)
        assert_int_equal(write(fd, f->b, f->n), (ssize_t)f->n);
    return fd;
}

static void test_read_fd(void **state)
{
    (void)state;
    static Buf f; /* static: 64 KB */
    ImageHead h;
    char err[256];
    /* the frame header after 200 KB of other segments (an ICC profile, a
     * big EXIF preview): found by reading further, not given up on */
    soi(&f);
    Buf *pad = calloc(1, sizeof *pad);
    assert_non_null(pad);
    int fd = temp_file(&f);
    for (int i = 0; i < 4; i++) {
        pad->n = 0;
        segment(pad, 0xE2, f.b, 50000); /* any bytes */
        assert_int_equal(write(fd, pad->b, pad->n), (ssize_t)pad->n);
    }
    Buf tail = {.n = 0};
    sof(&tail, 0xC0, 8, 65000, 10, 3);
    scan(&tail);
    eoi(&tail);
    assert_int_equal(write(fd, tail.b, tail.n), (ssize_t)tail.n);
    assert_int_equal(imagehead_read_fd(fd, false, &h, err, sizeof err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "it is 65000x10 pixels; the limit is 20000 a side and 200 "
                             "megapixels");
    assert_int_equal(imagehead_read_fd(fd, true, &h, err, sizeof err), IMAGEHEAD_REFUSED);
    close(fd);

    /* a header that is not there at all: left to the decoder (OK), or cut
     * short when the whole file is read */
    soi(&f);
    put8(&f, 0xFF);
    fd = temp_file(&f);
    assert_int_equal(imagehead_read_fd(fd, false, &h, err, sizeof err), IMAGEHEAD_OK);
    assert_int_equal(imagehead_read_fd(fd, true, &h, err, sizeof err), IMAGEHEAD_REFUSED);
    close(fd);

    /* a complete small file */
    jpeg(&f, 30, 20, 1);
    fd = temp_file(&f);
    assert_int_equal(imagehead_read_fd(fd, true, &h, err, sizeof err), IMAGEHEAD_OK);
    assert_int_equal(h.w, 30);
    close(fd);

    /* larger than the limit: refused without being read (a sparse file) */
    fd = temp_file(NULL);
    assert_int_equal(ftruncate(fd, (off_t)IMAGE_MAX_FILE + 1), 0);
    assert_int_equal(imagehead_read_fd(fd, true, &h, err, sizeof err), IMAGEHEAD_REFUSED);
    assert_string_equal(err, "the file is larger than 512 MB");
    close(fd);
    free(pad);
}

static void test_size_ok(void **state)
{
    (void)state;
    char err[256];
    assert_true(imagehead_size_ok(20000, 10000, err, sizeof err));
    assert_true(imagehead_size_ok(1, 1, err, sizeof err));
    assert_false(imagehead_size_ok(-5, 10, err, sizeof err));
    assert_string_equal(err, "its header gives a size of 0x10 pixels (damaged)");
    assert_false(imagehead_size_ok(14143, 14143, err, sizeof err));
}

/* ---- the table of formats ------------------------------------------------------ */

static void test_sniff(void **state)
{
#define B(s) s, sizeof(s) - 1
    (void)state;
    const struct {
        const char *bytes;
        size_t n;
        ImageFormat want;
    } cases[] = {
        {B("\xFF\xD8\xFF\xE0"), IMG_FMT_JPEG},
        {B("\xFF\xD8"), IMG_FMT_UNKNOWN},
        {B("\x89PNG\r\n\x1a\n"), IMG_FMT_PNG},
        {B("\x89PNG\r\n"), IMG_FMT_UNKNOWN},
        {B("RIFF\x10\0\0\0WEBPVP8 "), IMG_FMT_WEBP},
        {B("RIFF\x10\0\0\0WAVEfmt "), IMG_FMT_UNKNOWN},
        {B("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), IMG_FMT_SVG},
        {B("\xEF\xBB\xBF \r\n\t<svg>"), IMG_FMT_SVG},
        {B("<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE svg [<!ENTITY a \">\">]>\n<svg "),
         IMG_FMT_SVG},
        {B("<!doctype svg><svg/>"), IMG_FMT_SVG},
        {B("<svg"), IMG_FMT_SVG},
        {B("<svgx>"), IMG_FMT_UNKNOWN},
        {B("<SVG>"), IMG_FMT_UNKNOWN},
        {B("<?xml version=\"1.0\""), IMG_FMT_UNKNOWN}, /* cut before <svg */
        {B("<!-- <svg> -->"), IMG_FMT_UNKNOWN},
        {B("<html><svg>"), IMG_FMT_UNKNOWN},
        {B("GIF89a"), IMG_FMT_UNKNOWN},
        {B(""), IMG_FMT_UNKNOWN},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ImageFormat got = imagehead_sniff((const unsigned char *)cases[i].bytes, cases[i].n);
        if (got != cases[i].want)
            print_message("case %zu: got %s\n", i, imagehead_format_name(got));
        assert_int_equal(got, cases[i].want);
    }
    assert_int_equal(imagehead_sniff(NULL, 10), IMG_FMT_UNKNOWN);
    assert_string_equal(imagehead_format_name(IMG_FMT_JPEG), "JPEG");
    assert_string_equal(imagehead_format_name(IMG_FMT_PNG), "PNG");
    assert_string_equal(imagehead_format_name(IMG_FMT_WEBP), "WebP");
    assert_string_equal(imagehead_format_name(IMG_FMT_SVG), "SVG");
    assert_string_equal(imagehead_format_name(IMG_FMT_UNKNOWN), "unknown");
#undef B
}

/* The first bytes of a file of each format in the table. A new format adds
 * its row in imagehead.c, its decoder in decode.c, and a sample here. */
static const struct {
    ImageFormat id;
    const char *bytes;
    size_t n;
} samples[] = {
#define SAMPLE(id, s) {id, s, sizeof(s) - 1}
    SAMPLE(IMG_FMT_JPEG, "\xFF\xD8\xFF\xE0\0\x10JFIF"),
    SAMPLE(IMG_FMT_PNG, "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"),
    SAMPLE(IMG_FMT_WEBP, "RIFF\x10\0\0\0WEBPVP8 "),
    SAMPLE(IMG_FMT_SVG, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
    SAMPLE(IMG_FMT_PDF, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"),
#undef SAMPLE
};

static void test_format_table(void **state)
{
    (void)state;
    int n = 0;
    const ImageFormatInfo *rows = imagehead_formats(&n);
    assert_non_null(rows);
    assert_int_equal(n, (int)(sizeof samples / sizeof samples[0]));
    for (int i = 0; i < n; i++) {
        const ImageFormatInfo *r = &rows[i];
        /* every row is complete, and its id and name are its own */
        assert_int_not_equal(r->id, IMG_FMT_UNKNOWN);
        assert_non_null(r->name);
        assert_true(r->name[0] != '\0');
        assert_non_null(r->sniff);
        assert_string_equal(imagehead_format_name(r->id), r->name);
        for (int j = 0; j < i; j++) {
            assert_int_not_equal(rows[j].id, r->id);
            assert_string_not_equal(rows[j].name, r->name);
        }
        /* each row knows its own sample and no other's: the order of the
         * rows never decides what a file is */
        int own = 0;
        for (size_t k = 0; k < sizeof samples / sizeof samples[0]; k++) {
            const uint8_t *b = (const uint8_t *)samples[k].bytes;
            bool mine = samples[k].id == r->id;
            own += mine;
            assert_int_equal(r->sniff(b, samples[k].n), mine);
            if (mine)
                assert_int_equal(imagehead_sniff(b, samples[k].n), r->id);
        }
        assert_int_equal(own, 1);
        /* the raster formats' headers are checked; SVG is drawn at the size
         * shown, a PDF's pages by the vitrine-pdf worker */
        assert_int_equal(r->parse != NULL, r->id != IMG_FMT_SVG && r->id != IMG_FMT_PDF);
    }
    char list[64];
    assert_string_equal(imagehead_format_list(" and ", list, sizeof list),
                        "JPEG, PNG, WebP, SVG and PDF");
    assert_string_equal(imagehead_format_list(" or ", list, sizeof list), "JPEG, PNG, WebP, SVG or PDF");
    ImageHead h;
    char err[256];
    static const uint8_t gif[] = "GIF89a\x01\0\x01\0";
    assert_int_equal(imagehead_parse(gif, sizeof gif - 1, true, &h, err, sizeof err),
                     IMAGEHEAD_REFUSED);
    assert_string_equal(err, "it is not an image vitrine can show (JPEG, PNG, WebP, SVG, PDF)");
    assert_string_equal(imagehead_other_format(gif, sizeof gif - 1), "a GIF image");
    assert_true(imagehead_maybe_xml((const uint8_t *)"\xEF\xBB\xBF <?xml", 9));
    assert_false(imagehead_maybe_xml((const uint8_t *)"GIF89a", 6));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jpeg_baseline),
        cmocka_unit_test(test_jpeg_cut_short),
        cmocka_unit_test(test_jpeg_too_large),
        cmocka_unit_test(test_jpeg_kinds_refused),
        cmocka_unit_test(test_jpeg_damaged),
        cmocka_unit_test(test_jpeg_extraneous_bytes),
        cmocka_unit_test(test_jpeg_scans),
        cmocka_unit_test(test_jpeg_exif_and_adobe),
        cmocka_unit_test(test_exif_orientation),
        cmocka_unit_test(test_exif_fuzzed_offsets),
        cmocka_unit_test(test_png),
        cmocka_unit_test(test_webp),
        cmocka_unit_test(test_other_formats),
        cmocka_unit_test(test_read_fd),
        cmocka_unit_test(test_size_ok),
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_format_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
