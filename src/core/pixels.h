/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pixels.h - what a decoder leaves to do to 32-bit pixels: turn them
 * upright and turn CMYK into light.
 *
 * Pure functions on rows of 4-byte pixels (`pitch` bytes apart), so they are
 * unit-tested without SDL. The 32-bit results are native-endian 0xAARRGGBB
 * words, which is SDL_PIXELFORMAT_ARGB8888.
 */
#ifndef VITRINE_PIXELS_H
#define VITRINE_PIXELS_H

#include <stdbool.h>
#include <stdint.h>

/* The size of a w x h image once EXIF orientation o is applied: 5 to 8 turn
 * it a quarter, so width and height change places. */
void pixels_oriented_size(int w, int h, int o, int *ow, int *oh);

/* Writes src (sw x sh) into dst as EXIF orientation o (1..8) says it is to
 * be seen: 2 mirrored, 3 turned half round, 4 upside down mirrored, 5
 * transposed, 6 turned a quarter clockwise, 7 transversed, 8 a quarter
 * anticlockwise. dst must hold pixels_oriented_size() pixels; any other o
 * copies. src and dst must not overlap. */
void pixels_orient(const uint8_t *src, int sw, int sh, int spitch, uint8_t *dst, int dpitch,
                   int o);

/* The rectangle of src (sw x sh, as stored) that shows as the rectangle x,
 * y, w, h of it seen as orientation o says (inside the seen picture):
 * turned upright (pixels_orient), that part of src is that part of the
 * picture. For reading a region of a turned picture. */
void pixels_oriented_rect(int sw, int sh, int o, int x, int y, int w, int h, int *rx, int *ry, int *rw,
                          int *rh);

/* In place: CMYK bytes (C, M, Y, K per pixel, as libturbojpeg's TJPF_CMYK
 * gives them) -> opaque ARGB8888 words. `inverted`: the bytes are 255 minus
 * the ink, as Photoshop writes CMYK JPEGs (those with an Adobe marker);
 * otherwise 0 is no ink. A plain conversion without a colour profile:
 * close, not proof-exact. */
void pixels_cmyk_to_argb(uint8_t *px, int w, int h, int pitch, bool inverted);

#endif
