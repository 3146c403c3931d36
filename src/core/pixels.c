/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pixels.c - see pixels.h */
#include "pixels.h"

#include <stddef.h>
#include <string.h>

void pixels_oriented_size(int w, int h, int o, int *ow, int *oh)
{
    bool turned = o >= 5 && o <= 8;
    *ow = turned ? h : w;
    *oh = turned ? w : h;
}

/* The source pixel shown at (x, y) of src (sw x sh) seen as EXIF
 * orientation o says. */
static void shown_from(int sw, int sh, int o, int x, int y, int *sx, int *sy)
{
    switch (o) {
    case 2: *sx = sw - 1 - x; *sy = y; break;
    case 3: *sx = sw - 1 - x; *sy = sh - 1 - y; break;
    case 4: *sx = x; *sy = sh - 1 - y; break;
    case 5: *sx = y; *sy = x; break;
    case 6: *sx = y; *sy = sh - 1 - x; break;
    case 7: *sx = sw - 1 - y; *sy = sh - 1 - x; break;
    case 8: *sx = sw - 1 - y; *sy = x; break;
    default: *sx = x; *sy = y; break;
    }
}

void pixels_oriented_rect(int sw, int sh, int o, int x, int y, int w, int h, int *rx, int *ry, int *rw,
                          int *rh)
{
    int ax, ay, bx, by;
    shown_from(sw, sh, o, x, y, &ax, &ay);
    shown_from(sw, sh, o, x + w - 1, y + h - 1, &bx, &by);
    *rx = ax < bx ? ax : bx;
    *ry = ay < by ? ay : by;
    *rw = (ax < bx ? bx - ax : ax - bx) + 1;
    *rh = (ay < by ? by - ay : ay - by) + 1;
}

void pixels_orient(const uint8_t *src, int sw, int sh, int spitch, uint8_t *dst, int dpitch,
                   int o)
{
    int dw, dh;
    pixels_oriented_size(sw, sh, o, &dw, &dh);
    for (int y = 0; y < dh; y++) {
        uint8_t *row = dst + (size_t)y * (size_t)dpitch;
        for (int x = 0; x < dw; x++) {
            int sx, sy;
            shown_from(sw, sh, o, x, y, &sx, &sy);
            memcpy(row + (size_t)x * 4, src + (size_t)sy * (size_t)spitch + (size_t)sx * 4, 4);
        }
    }
}

void pixels_cmyk_to_argb(uint8_t *px, int w, int h, int pitch, bool inverted)
{
    for (int y = 0; y < h; y++) {
        uint8_t *p = px + (size_t)y * (size_t)pitch;
        for (int x = 0; x < w; x++, p += 4) {
            /* light left by each ink: 255 none, 0 full */
            unsigned c = p[0], m = p[1], ye = p[2], k = p[3];
            if (!inverted) {
                c = 255 - c;
                m = 255 - m;
                ye = 255 - ye;
                k = 255 - k;
            }
            uint32_t r = (c * k + 127) / 255, g = (m * k + 127) / 255, b = (ye * k + 127) / 255;
            uint32_t argb = 0xFF000000u | r << 16 | g << 8 | b;
            memcpy(p, &argb, 4);
        }
    }
}
