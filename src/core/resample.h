/* SPDX-License-Identifier: GPL-3.0-or-later */
/* resample.h - good-quality downscaling of 32-bit pixels (area averaging).
 *
 * Each output pixel is the exact average of the source area it covers, with
 * fractional weights at the edges: no aliasing, no moire on engravings and
 * textiles, whatever the ratio (a 20 MP scan to 1080p is ~4.5x). For
 * upscaling, leave it to the GPU's linear filter.
 */
#ifndef VITRINE_RESAMPLE_H
#define VITRINE_RESAMPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* src: sw x sh pixels of 4 bytes, rows `spitch` bytes apart; dst likewise.
 * Requires 1 <= dw <= sw and 1 <= dh <= sh. The 4 channels are averaged
 * independently, so any byte order works (premultiply alpha first if the
 * image has transparency). Returns false on bad arguments or out of memory. */
bool resample_area(const uint8_t *src, int sw, int sh, int spitch,
                   uint8_t *dst, int dw, int dh, int dpitch);

/* The same, with the caller's scratch buffer of resample_tmp_size(sw, dh)
 * bytes for the intermediate row (one row: sw pixels; decoders keep one
 * per thread). */
bool resample_area_with(const uint8_t *src, int sw, int sh, int spitch, uint8_t *dst, int dw,
                        int dh, int dpitch, uint8_t *tmp);
size_t resample_tmp_size(int sw, int dh);

/* The source pixels that outputs [o, o + n) of n source pixels scaled to
 * dn read: [*first, *first + *count). */
void resample_area_source(int sn, int dn, int o, int n, int *first, int *count);

/* A part of what resample_area_with makes of a sw x sh picture scaled to
 * dw x dh: the ow x oh outputs at (ox, oy), with the same weights, so the
 * same bytes as that part of the whole. src holds only the source pixels
 * they read (resample_area_source): its first pixel is the picture's
 * (first x, first y), rows spitch bytes apart. tmp: resample_tmp_size(the
 * count of columns read, oh) bytes. For a region read by itself (a zoomed
 * JPEG's view). */
bool resample_area_part(const uint8_t *src, int spitch, int sw, int sh, int dw, int dh, int ox, int oy,
                        int ow, int oh, uint8_t *dst, int dpitch, uint8_t *tmp);

#endif
