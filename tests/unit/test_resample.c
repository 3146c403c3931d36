/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_resample.c - area-averaging downscale: exact on flat colour, a true
 * average on detail finer than the output grid. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "resample.h"

/* A w x h image of 4-byte pixels with `pad` spare bytes at the end of every
 * row, so pitches other than w*4 are exercised. */
typedef struct {
    uint8_t *px;
    int w, h, pitch;
} Img;

static Img img_new(int w, int h, int pad)
{
    Img im = {NULL, w, h, w * 4 + pad};
    im.px = malloc((size_t)im.pitch * (size_t)h);
    assert_non_null(im.px);
    memset(im.px, 0xEE, (size_t)im.pitch * (size_t)h); /* the padding stays 0xEE */
    return im;
}

static uint8_t *at(const Img *im, int x, int y)
{
    return im->px + (size_t)y * (size_t)im->pitch + (size_t)x * 4;
}

static uint32_t rng = 2024;

static int rnd(int n)
{
    rng = rng * 1103515245u + 12345u;
    return (int)((rng >> 8) % (uint32_t)n);
}

static Img noise(int w, int h, int pad)
{
    Img im = img_new(w, h, pad);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w * 4; x++)
            im.px[(size_t)y * (size_t)im.pitch + (size_t)x] = (uint8_t)rnd(256);
    return im;
}

/* Every byte of an image's row padding still holds img_new's 0xEE. */
static bool padding_untouched(const Img *im)
{
    for (int y = 0; y < im->h; y++)
        for (int x = im->w * 4; x < im->pitch; x++)
            if (im->px[(size_t)y * (size_t)im->pitch + (size_t)x] != 0xEE)
                return false;
    return true;
}

/* The xn x yn pixels at (x0, y0) of s, copied alone into an allocation that
 * ends with the last row's last pixel (pitch *pitch): what a part may read,
 * and nothing around it for a read past it to find but AddressSanitizer. */
static uint8_t *part_source(const Img *s, int x0, int y0, int xn, int yn, int *pitch)
{
    *pitch = xn * 4 + 4 * rnd(3);
    uint8_t *c = malloc((size_t)*pitch * (size_t)(yn - 1) + (size_t)xn * 4);
    assert_non_null(c);
    for (int y = 0; y < yn; y++)
        memcpy(c + (size_t)y * (size_t)*pitch, at(s, x0, y0 + y), (size_t)xn * 4);
    return c;
}

static void fill(Img *im, uint8_t a, uint8_t b, uint8_t c, uint8_t d)
{
    for (int y = 0; y < im->h; y++)
        for (int x = 0; x < im->w; x++) {
            uint8_t *p = at(im, x, y);
            p[0] = a, p[1] = b, p[2] = c, p[3] = d;
        }
}

static void grey(Img *im, int x, int y, uint8_t v)
{
    uint8_t *p = at(im, x, y);
    p[0] = p[1] = p[2] = v;
    p[3] = 255;
}

static bool down(const Img *s, Img *d)
{
    return resample_area(s->px, s->w, s->h, s->pitch, d->px, d->w, d->h, d->pitch);
}

/* ---- flat colour ----------------------------------------------------------- */

static void check_flat(int sw, int sh, int dw, int dh)
{
    Img s = img_new(sw, sh, 12), d = img_new(dw, dh, 8);
    const uint8_t c[4] = {17, 200, 99, 254};
    fill(&s, c[0], c[1], c[2], c[3]);
    assert_true(down(&s, &d));
    for (int y = 0; y < dh; y++) {
        for (int x = 0; x < dw; x++) {
            const uint8_t *p = at(&d, x, y);
            if (memcmp(p, c, 4) != 0) {
                print_error("%dx%d -> %dx%d: pixel (%d,%d) is %d,%d,%d,%d\n", sw, sh, dw, dh, x,
                            y, p[0], p[1], p[2], p[3]);
                fail();
            }
        }
    }
    assert_true(padding_untouched(&d)); /* the row padding of the destination is not touched */
    free(s.px);
    free(d.px);
}

static void flat_colour_stays_exact_at_2_to_1(void **state)
{
    (void)state;
    check_flat(40, 20, 20, 10);
}

static void flat_colour_stays_exact_at_3_to_1(void **state)
{
    (void)state;
    check_flat(60, 33, 20, 11);
}

static void flat_colour_stays_exact_at_7_to_5(void **state)
{
    (void)state;
    check_flat(70, 49, 50, 35);
}

static void flat_colour_stays_exact_at_1920_to_1919(void **state)
{
    (void)state;
    check_flat(1920, 5, 1919, 4);
}

static void flat_colour_stays_exact_at_odd_large_ratios(void **state)
{
    (void)state;
    check_flat(1000, 7, 3, 2);
    check_flat(997, 13, 1, 1);
}

static void same_size_is_a_copy(void **state)
{
    (void)state;
    Img s = img_new(13, 7, 4), d = img_new(13, 7, 0);
    for (int y = 0; y < 7; y++)
        for (int x = 0; x < 13; x++) {
            uint8_t *p = at(&s, x, y);
            p[0] = (uint8_t)(x * 19), p[1] = (uint8_t)(y * 37), p[2] = (uint8_t)(x * y), p[3] = 255;
        }
    assert_true(down(&s, &d));
    for (int y = 0; y < 7; y++)
        assert_memory_equal(at(&d, 0, y), at(&s, 0, y), 13 * 4);
    free(s.px);
    free(d.px);
}

/* ---- averaging --------------------------------------------------------------- */

static void checker_2x2_averages_to_mid_grey(void **state)
{
    (void)state;
    Img s = img_new(2, 2, 0), d = img_new(1, 1, 0);
    grey(&s, 0, 0, 0);
    grey(&s, 1, 0, 255);
    grey(&s, 0, 1, 255);
    grey(&s, 1, 1, 0);
    assert_true(down(&s, &d));
    for (int ch = 0; ch < 3; ch++) {
        assert_in_range(d.px[ch], 127, 128);
    }
    assert_int_equal(d.px[3], 255);
    free(s.px);
    free(d.px);
}

static void one_pixel_line_in_4x_downscale_is_a_quarter_grey(void **state)
{
    (void)state;
    /* 16x16 black with a 1-pixel white vertical line at x = 5, to 4x4. The
     * output column 1 covers source columns 4..7, so it is 255/4 = 64 grey.
     * Nearest-neighbour would sample one of those columns and give 0 (the
     * line vanishes) or 255 (it is four times too bold): aliasing. */
    Img s = img_new(16, 16, 0), d = img_new(4, 4, 0);
    fill(&s, 0, 0, 0, 255);
    for (int y = 0; y < 16; y++)
        grey(&s, 5, y, 255);
    assert_true(down(&s, &d));
    for (int y = 0; y < 4; y++) {
        for (int x = 0; x < 4; x++) {
            int v = at(&d, x, y)[0];
            if (x == 1)
                assert_in_range(v, 63, 65);
            else
                assert_int_equal(v, 0);
        }
        /* what nearest-neighbour (source pixel 4x+1 or 4x+2) would give */
        int nn = at(&s, 4 * 1 + 2, y * 4)[0];
        assert_true(nn == 0 || nn == 255);
    }
    free(s.px);
    free(d.px);
}

static void fine_stripes_at_large_ratio_average_to_mid_grey(void **state)
{
    (void)state;
    /* alternating 1-pixel columns, 1000 wide, to a single pixel */
    Img s = img_new(1000, 2, 0), d = img_new(1, 1, 0);
    for (int y = 0; y < 2; y++)
        for (int x = 0; x < 1000; x++)
            grey(&s, x, y, (x & 1) ? 255 : 0);
    assert_true(down(&s, &d));
    assert_in_range(d.px[0], 125, 130);
    free(s.px);
    free(d.px);
}

static void fractional_edges_are_weighted(void **state)
{
    (void)state;
    /* 3 -> 2: output 0 covers pixel 0 and half of pixel 1. Pixels 0, 255, 0:
     * output 0 = (0 + 127.5) / 1.5 = 85, output 1 likewise. */
    Img s = img_new(3, 1, 0), d = img_new(2, 1, 0);
    grey(&s, 0, 0, 0);
    grey(&s, 1, 0, 255);
    grey(&s, 2, 0, 0);
    assert_true(down(&s, &d));
    assert_in_range(at(&d, 0, 0)[0], 84, 86);
    assert_in_range(at(&d, 1, 0)[0], 84, 86);
    free(s.px);
    free(d.px);
}

static void channels_are_averaged_independently(void **state)
{
    (void)state;
    Img s = img_new(2, 1, 0), d = img_new(1, 1, 0);
    uint8_t *a = at(&s, 0, 0), *b = at(&s, 1, 0);
    a[0] = 0, a[1] = 100, a[2] = 255, a[3] = 10;
    b[0] = 200, b[1] = 100, b[2] = 1, b[3] = 30;
    assert_true(down(&s, &d));
    assert_in_range(d.px[0], 100, 100);
    assert_in_range(d.px[1], 100, 100);
    assert_in_range(d.px[2], 128, 128);
    assert_in_range(d.px[3], 20, 20);
    free(s.px);
    free(d.px);
}

/* ---- a part of the whole ------------------------------------------------------ */

/* Outputs (ox, oy, ow x oh) of sw x sh -> dw x dh, computed from only the
 * source pixels they read, are the whole's bytes there (a zoomed JPEG's
 * region equals the same crop of its whole decode). */
static void check_part(int sw, int sh, int dw, int dh, int ox, int oy, int ow, int oh)
{
    Img s = noise(sw, sh, 12), d = img_new(dw, dh, 0), p = img_new(ow, oh, 4);
    assert_true(down(&s, &d));
    int x0, xn, y0, yn, cpitch;
    resample_area_source(sw, dw, ox, ow, &x0, &xn);
    resample_area_source(sh, dh, oy, oh, &y0, &yn);
    assert_true(x0 >= 0 && xn >= ow && x0 + xn <= sw && y0 >= 0 && yn >= oh && y0 + yn <= sh);
    uint8_t *c = part_source(&s, x0, y0, xn, yn, &cpitch), *tmp = malloc(resample_tmp_size(xn, oh));
    assert_true(resample_area_part(c, cpitch, sw, sh, dw, dh, ox, oy, ow, oh, p.px, p.pitch, tmp));
    free(tmp);
    free(c);
    for (int y = 0; y < oh; y++)
        assert_memory_equal(at(&p, 0, y), at(&d, ox, oy + y), (size_t)ow * 4);
    assert_true(padding_untouched(&p));
    free(s.px);
    free(d.px);
    free(p.px);
}

static void a_part_is_the_wholes_bytes_there(void **state)
{
    (void)state;
    check_part(3420, 40, 2880, 20, 777, 3, 1100, 12);   /* 5/8 scale to a 1.5x zoom's width */
    check_part(100, 100, 37, 29, 0, 0, 37, 29);         /* the whole */
    check_part(100, 100, 37, 29, 36, 28, 1, 1);         /* the far corner */
    check_part(97, 61, 97, 40, 10, 5, 50, 30);          /* one side the same size */
    check_part(1000, 7, 333, 7, 332, 0, 1, 7);          /* the last column */
}

static void a_part_outside_the_whole_is_refused(void **state)
{
    (void)state;
    uint8_t src[16 * 4] = {0}, dst[16 * 4], tmp[16 * 4 * 4];
    assert_false(resample_area_part(src, 16, 4, 4, 2, 2, 1, 1, 2, 1, dst, 8, tmp));
    assert_false(resample_area_part(src, 16, 4, 4, 2, 2, -1, 0, 1, 1, dst, 8, tmp));
    assert_false(resample_area_part(src, 16, 4, 4, 2, 2, 0, 0, 0, 1, dst, 8, tmp));
}

/* ---- the SSE2 passes are the plain loops' bytes ------------------------------- */

/* resample.c's plain loops (what machines without SSE2 run, and what made
 * every golden screenshot before the SSE2 passes), built into this test
 * under other names. */
#define RESAMPLE_PLAIN 1
#define resample_area plain_area
#define resample_area_with plain_area_with
#define resample_tmp_size plain_tmp_size
#define resample_area_source plain_area_source
#define resample_area_part plain_area_part
#undef VITRINE_RESAMPLE_H
#include "../../src/core/resample.c"
#undef resample_area
#undef resample_area_with
#undef resample_tmp_size
#undef resample_area_source
#undef resample_area_part

static void check_same(int sw, int sh, int dw, int dh)
{
    /* padded destinations: a stray write past a row is seen, not overwritten by the next row */
    Img s = noise(sw, sh, 4 * rnd(3)), a = img_new(dw, dh, 12), b = img_new(dw, dh, 12);
    assert_true(down(&s, &a));
    assert_true(plain_area(s.px, sw, sh, s.pitch, b.px, dw, dh, b.pitch));
    if (memcmp(a.px, b.px, (size_t)a.pitch * (size_t)dh) != 0 || !padding_untouched(&a))
        fail_msg("%dx%d -> %dx%d differs from the plain loops", sw, sh, dw, dh);
    /* and a part of it, read by itself from only the pixels it may read */
    int ox = rnd(dw), oy = rnd(dh), ow = 1 + rnd(dw - ox), oh = 1 + rnd(dh - oy), x0, xn, y0, yn, cpitch;
    resample_area_source(sw, dw, ox, ow, &x0, &xn);
    resample_area_source(sh, dh, oy, oh, &y0, &yn);
    uint8_t *c = part_source(&s, x0, y0, xn, yn, &cpitch);
    Img p = img_new(ow, oh, 8), q = img_new(ow, oh, 8);
    uint8_t *tmp = malloc(resample_tmp_size(xn, oh)), *ptmp = malloc(plain_tmp_size(xn, oh));
    assert_true(resample_area_part(c, cpitch, sw, sh, dw, dh, ox, oy, ow, oh, p.px, p.pitch, tmp));
    assert_true(plain_area_part(c, cpitch, sw, sh, dw, dh, ox, oy, ow, oh, q.px, q.pitch, ptmp));
    if (memcmp(p.px, q.px, (size_t)p.pitch * (size_t)oh) != 0 || !padding_untouched(&p))
        fail_msg("part (%d,%d %dx%d) of %dx%d -> %dx%d differs from the plain loops", ox, oy, ow, oh, sw,
                 sh, dw, dh);
    free(c);
    free(tmp);
    free(ptmp);
    free(s.px);
    free(a.px);
    free(b.px);
    free(p.px);
    free(q.px);
}

static void the_fast_passes_give_the_plain_loops_bytes(void **state)
{
    (void)state;
#ifndef __SSE2__
    print_message("no SSE2 in this build: the plain loops are compared with themselves\n");
#endif
    check_same(1440, 810, 1369, 770); /* the bench's 4K slide at 3/8 into a lecture's box */
    check_same(1920, 1080, 1920, 1080); /* one tap each */
    check_same(17, 13, 16, 12);       /* rows of 16 bytes and a tail */
    check_same(7, 5, 3, 2);
    check_same(300, 9, 4, 1);         /* 75 taps a column, odd */
    check_same(5, 200, 5, 3);         /* 67 taps a row */
    for (int i = 0; i < 200; i++) {
        int sw = 1 + rnd(90), sh = 1 + rnd(60);
        check_same(sw, sh, 1 + rnd(sw), 1 + rnd(sh));
    }
}

/* ---- bad arguments ------------------------------------------------------------ */

static void bad_arguments_return_false(void **state)
{
    (void)state;
    uint8_t src[4 * 4 * 4] = {0}, dst[4 * 4 * 4];
    memset(dst, 0x5A, sizeof dst);
    assert_false(resample_area(NULL, 4, 4, 16, dst, 2, 2, 8));
    assert_false(resample_area(src, 4, 4, 16, NULL, 2, 2, 8));
    assert_false(resample_area(src, 4, 4, 16, dst, 0, 2, 8));
    assert_false(resample_area(src, 4, 4, 16, dst, 2, 0, 8));
    assert_false(resample_area(src, 4, 4, 16, dst, -1, 2, 8));
    assert_false(resample_area(src, 4, 4, 16, dst, 5, 2, 20)); /* upscaling */
    assert_false(resample_area(src, 4, 4, 16, dst, 2, 5, 8));
    assert_false(resample_area(src, 0, 0, 0, dst, 1, 1, 4));
    assert_false(resample_area(src, -4, 4, 16, dst, 1, 1, 4));
    /* nothing was written */
    for (size_t i = 0; i < sizeof dst; i++)
        assert_int_equal(dst[i], 0x5A);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(flat_colour_stays_exact_at_2_to_1),
        cmocka_unit_test(flat_colour_stays_exact_at_3_to_1),
        cmocka_unit_test(flat_colour_stays_exact_at_7_to_5),
        cmocka_unit_test(flat_colour_stays_exact_at_1920_to_1919),
        cmocka_unit_test(flat_colour_stays_exact_at_odd_large_ratios),
        cmocka_unit_test(same_size_is_a_copy),
        cmocka_unit_test(checker_2x2_averages_to_mid_grey),
        cmocka_unit_test(one_pixel_line_in_4x_downscale_is_a_quarter_grey),
        cmocka_unit_test(fine_stripes_at_large_ratio_average_to_mid_grey),
        cmocka_unit_test(fractional_edges_are_weighted),
        cmocka_unit_test(channels_are_averaged_independently),
        cmocka_unit_test(bad_arguments_return_false),
        cmocka_unit_test(a_part_is_the_wholes_bytes_there),
        cmocka_unit_test(a_part_outside_the_whole_is_refused),
        cmocka_unit_test(the_fast_passes_give_the_plain_loops_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
