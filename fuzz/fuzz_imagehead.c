/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_imagehead.c - libFuzzer target: image headers and pixel turns, core
 * only (no SDL), so it runs thousands of times faster than fuzz_image.
 *
 * The input is an image file. imagehead_parse() reads it as a whole file and
 * as the beginning of one, from an exact-size copy so that ASan sees any
 * read past its end, and what imagehead.h promises is checked: a refusal
 * comes with a reason, a whole file is never "more", an accepted JPEG, PNG
 * or WebP has a size within the limits and an orientation of 1..8. The EXIF
 * parser gets the bytes directly too. Then the first bytes choose a small
 * image size and an orientation, and the input's bytes as pixels go through
 * pixels_orient() and pixels_cmyk_to_argb() into exact-size buffers.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imagehead.h"
#include "pixels.h"

static void check_head(const uint8_t *data, size_t size, bool whole)
{
    ImageHead h;
    char err[256] = "x";
    ImageHeadResult r = imagehead_parse(data, size, whole, &h, err, sizeof err);
    if (r == IMAGEHEAD_REFUSED && !err[0])
        abort();
    if (r == IMAGEHEAD_MORE && whole)
        abort();
    if (h.orientation < 1 || h.orientation > 8)
        abort();
    /* SVG and PDF have no size of their own in a header: drawn at the size shown */
    if (r == IMAGEHEAD_OK && h.format != IMG_FMT_SVG && h.format != IMG_FMT_PDF && (whole || h.w > 0)) {
        if (h.w < 1 || h.h < 1 || h.w > IMAGE_MAX_SIDE || h.h > IMAGE_MAX_SIDE ||
            (uint64_t)h.w * (uint64_t)h.h > IMAGE_MAX_PIXELS)
            abort();
        if (whole && h.format == IMG_FMT_JPEG &&
            (h.scans < 1 || h.scans > IMAGE_MAX_SCANS ||
             (h.components != 1 && h.components != 3 && h.components != 4)))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    if (size)
        memcpy(copy, data, size);
    check_head(copy, size, true);
    check_head(copy, size, false);
    /* the beginning of the file only, as the loader reads it */
    if (size > 64)
        check_head(copy, size / 2, false);
    int o = imagehead_exif_orientation(copy, size);
    if (o < 1 || o > 8)
        abort();

    if (size >= 3) {
        int w = 1 + data[0] % 23, h = 1 + data[1] % 17;
        o = data[2] % 10; /* 0 and 9 are not orientations: copied as they are */
        size_t n = (size_t)w * (size_t)h * 4;
        uint8_t *src = malloc(n), *dst = malloc(n);
        if (src && dst) {
            for (size_t i = 0; i < n; i++)
                src[i] = data[i % size];
            int dw, dh;
            pixels_oriented_size(w, h, o, &dw, &dh);
            if ((size_t)dw * (size_t)dh * 4 != n)
                abort();
            pixels_orient(src, w, h, w * 4, dst, dw * 4, o);
            pixels_cmyk_to_argb(dst, dw, dh, dw * 4, data[0] & 1);
            for (size_t i = 3; i < n; i += 4)
                if (dst[i] != 0xFF) /* opaque, whatever the inks (little-endian) */
                    abort();
        }
        free(src);
        free(dst);
    }
    free(copy);
    return 0;
}
