/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_pixels.c - EXIF orientations turn an image as cameras mean them, and
 * CMYK (plain and Photoshop's inverted) becomes the colours it stands for. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "pixels.h"

/* A 3x2 image whose pixels are their own names: 0x00YYXX00 + marker. */
#define W 3
#define H 2

static uint32_t name(int x, int y)
{
    return 0xA0000000u | (uint32_t)y << 8 | (uint32_t)x;
}

/* Fills a w x h image (rows `pitch` bytes apart) with name(x, y). */
static void fill_names(uint8_t *px, int w, int h, int pitch)
{
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            uint32_t v = name(x, y);
            memcpy(px + (size_t)y * (size_t)pitch + (size_t)x * 4, &v, 4);
        }
}

static uint32_t get(const uint8_t *px, int pitch, int x, int y)
{
    uint32_t v;
    memcpy(&v, px + (size_t)y * (size_t)pitch + (size_t)x * 4, 4);
    return v;
}

static void test_oriented_size(void **state)
{
    (void)state;
    for (int o = 0; o <= 9; o++) {
        int w, h;
        pixels_oriented_size(300, 200, o, &w, &h);
        bool turned = o >= 5 && o <= 8;
        assert_int_equal(w, turned ? 200 : 300);
        assert_int_equal(h, turned ? 300 : 200);
    }
}

/* What a viewer shows at the top-left, top-right and bottom-left corners
 * for each orientation of this 3x2 source (x, y of the source pixel), from
 * the EXIF standard's description of the 0th row and 0th column:
 *   1 top-left      2 top-right     3 bottom-right  4 bottom-left
 *   5 left-top      6 right-top     7 right-bottom  8 left-bottom */
static const int corners[9][3][2] = {
    [1] = {{0, 0}, {2, 0}, {0, 1}},
    [2] = {{2, 0}, {0, 0}, {2, 1}},
    [3] = {{2, 1}, {0, 1}, {2, 0}},
    [4] = {{0, 1}, {2, 1}, {0, 0}},
    [5] = {{0, 0}, {0, 1}, {2, 0}},
    [6] = {{0, 1}, {0, 0}, {2, 1}},
    [7] = {{2, 1}, {2, 0}, {0, 1}},
    [8] = {{2, 0}, {2, 1}, {0, 0}},
};

static void test_orient_corners(void **state)
{
    (void)state;
    uint8_t src[H][W * 4 + 8]; /* padded rows */
    fill_names(&src[0][0], W, H, (int)sizeof src[0]);
    for (int o = 1; o <= 8; o++) {
        int dw, dh;
        pixels_oriented_size(W, H, o, &dw, &dh);
        int pitch = dw * 4 + 4;
        uint8_t *dst = calloc((size_t)dh, (size_t)pitch);
        assert_non_null(dst);
        pixels_orient(&src[0][0], W, H, (int)sizeof src[0], dst, pitch, o);
        assert_int_equal(get(dst, pitch, 0, 0), name(corners[o][0][0], corners[o][0][1]));
        assert_int_equal(get(dst, pitch, dw - 1, 0), name(corners[o][1][0], corners[o][1][1]));
        assert_int_equal(get(dst, pitch, 0, dh - 1), name(corners[o][2][0], corners[o][2][1]));
        /* every source pixel appears exactly once */
        int seen[H][W] = {{0}};
        for (int y = 0; y < dh; y++)
            for (int x = 0; x < dw; x++) {
                uint32_t v = get(dst, pitch, x, y);
                assert_int_equal(v & 0xFFFF0000u, 0xA0000000u);
                seen[(v >> 8) & 0xFF][v & 0xFF]++;
            }
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                assert_int_equal(seen[y][x], 1);
        free(dst);
    }
}

/* A camera that stored the picture turned by orientation o and a viewer
 * that applies o must give back the upright picture: for each o, the
 * stored image is the upright one put through the inverse turn. */
static void test_orient_round_trip(void **state)
{
    (void)state;
    static const int inverse[9] = {0, 1, 2, 3, 4, 5, 8, 7, 6};
    enum { UW = 5, UH = 3 };
    uint8_t up[UH][UW * 4];
    fill_names(&up[0][0], UW, UH, UW * 4);
    for (int o = 1; o <= 8; o++) {
        int sw, sh;
        pixels_oriented_size(UW, UH, inverse[o], &sw, &sh);
        uint8_t *stored = malloc((size_t)sw * (size_t)sh * 4);
        uint8_t *shown = malloc((size_t)UW * UH * 4);
        assert_non_null(stored);
        assert_non_null(shown);
        pixels_orient(&up[0][0], UW, UH, UW * 4, stored, sw * 4, inverse[o]);
        int dw, dh;
        pixels_oriented_size(sw, sh, o, &dw, &dh);
        assert_int_equal(dw, UW);
        assert_int_equal(dh, UH);
        pixels_orient(stored, sw, sh, sw * 4, shown, UW * 4, o);
        assert_memory_equal(shown, up, sizeof up);
        free(stored);
        free(shown);
    }
}

/* A region of a turned picture: the stored rectangle pixels_oriented_rect
 * names, turned upright, is that region of the picture seen upright, for
 * every orientation and a few regions (corners, edges, the middle). */
static void test_oriented_rect(void **state)
{
    (void)state;
    enum { SW = 7, SH = 4 };
    uint8_t src[SH][SW * 4];
    fill_names(&src[0][0], SW, SH, SW * 4);
    static const int rects[][4] = {{0, 0, 1, 1}, {0, 0, 2, 3}, {1, 2, 2, 2}, {0, 1, 3, 1}, {2, 0, 2, 4}};
    for (int o = 1; o <= 8; o++) {
        int uw, uh;
        pixels_oriented_size(SW, SH, o, &uw, &uh);
        uint8_t *up = malloc((size_t)uw * (size_t)uh * 4);
        assert_non_null(up);
        pixels_orient(&src[0][0], SW, SH, SW * 4, up, uw * 4, o);
        for (size_t k = 0; k < sizeof rects / sizeof rects[0]; k++) {
            int x = rects[k][0], y = rects[k][1], w = rects[k][2], h = rects[k][3];
            if (x + w > uw || y + h > uh)
                continue;
            int rx, ry, rw, rh;
            pixels_oriented_rect(SW, SH, o, x, y, w, h, &rx, &ry, &rw, &rh);
            assert_true(rx >= 0 && ry >= 0 && rx + rw <= SW && ry + rh <= SH);
            uint8_t part[SW * SH * 4], turned[SW * SH * 4];
            for (int j = 0; j < rh; j++)
                memcpy(part + (size_t)j * rw * 4, &src[ry + j][rx * 4], (size_t)rw * 4);
            int tw, th;
            pixels_oriented_size(rw, rh, o, &tw, &th);
            assert_int_equal(tw, w);
            assert_int_equal(th, h);
            pixels_orient(part, rw, rh, rw * 4, turned, w * 4, o);
            for (int j = 0; j < h; j++)
                assert_memory_equal(turned + (size_t)j * w * 4, up + ((size_t)(y + j) * uw + x) * 4, (size_t)w * 4);
        }
        free(up);
    }
}

static uint32_t cmyk1(uint8_t c, uint8_t m, uint8_t y, uint8_t k, bool inverted)
{
    uint8_t p[4] = {c, m, y, k};
    pixels_cmyk_to_argb(p, 1, 1, 4, inverted);
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static void test_cmyk(void **state)
{
    (void)state;
    /* plain CMYK: 0 is no ink */
    assert_int_equal(cmyk1(0, 0, 0, 0, false), 0xFFFFFFFFu);       /* paper */
    assert_int_equal(cmyk1(0, 0, 0, 255, false), 0xFF000000u);     /* black ink */
    assert_int_equal(cmyk1(0, 255, 255, 0, false), 0xFFFF0000u);   /* red */
    assert_int_equal(cmyk1(255, 0, 255, 0, false), 0xFF00FF00u);   /* green */
    assert_int_equal(cmyk1(255, 255, 0, 0, false), 0xFF0000FFu);   /* blue */
    assert_int_equal(cmyk1(0, 0, 0, 128, false), 0xFF7F7F7Fu);     /* half black */
    /* Photoshop's: the bytes are 255 minus the ink */
    assert_int_equal(cmyk1(255, 255, 255, 255, true), 0xFFFFFFFFu);
    assert_int_equal(cmyk1(255, 255, 255, 0, true), 0xFF000000u);
    assert_int_equal(cmyk1(255, 0, 0, 255, true), 0xFFFF0000u);
    assert_int_equal(cmyk1(0, 255, 0, 255, true), 0xFF00FF00u);
    assert_int_equal(cmyk1(0, 0, 255, 255, true), 0xFF0000FFu);
    /* half cyan under half black: a quarter of the red light, half of the rest */
    assert_int_equal(cmyk1(128, 255, 255, 128, true), 0xFF408080u);
    /* rows with padding: the padding is left alone */
    uint8_t px[2][12];
    memset(px, 0xEE, sizeof px);
    for (int y = 0; y < 2; y++)
        for (int x = 0; x < 2; x++)
            memset(&px[y][x * 4], 0, 4);
    pixels_cmyk_to_argb(&px[0][0], 2, 2, 12, false);
    for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 2; x++) {
            uint32_t v;
            memcpy(&v, &px[y][x * 4], 4);
            assert_int_equal(v, 0xFFFFFFFFu);
        }
        for (int i = 8; i < 12; i++)
            assert_int_equal(px[y][i], 0xEE);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oriented_size),
        cmocka_unit_test(test_orient_corners),
        cmocka_unit_test(test_orient_round_trip),
        cmocka_unit_test(test_oriented_rect),
        cmocka_unit_test(test_cmyk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
