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
 * bytes for the intermediate rows (decoders keep one per thread). */
bool resample_area_with(const uint8_t *src, int sw, int sh, int spitch, uint8_t *dst, int dw,
                        int dh, int dpitch, uint8_t *tmp);
size_t resample_tmp_size(int sw, int dh);

#endif
