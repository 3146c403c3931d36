/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tiff_wire.h - what vitrine-tiff's requests mean (src/worker/wire.h
 * carries them; src/tiff/vitrine-tiff.c says what each does). The text of
 * every request is the file's path: the worker opens it itself and keeps
 * it open for the next request. Pages are 1-based and count only the
 * pictures, not the reduced copies of a pyramid. */
#ifndef VITRINE_TIFF_WIRE_H
#define VITRINE_TIFF_WIRE_H

enum {
    /* arg[0] page; reply arg[0..1] its size as stored, arg[2] its
     * orientation (1..8, as EXIF), arg[3] the file's pages */
    TIFF_OP_INFO = 1,
    /* arg[0] page, arg[1..2] the size wanted (as stored, at most its own);
     * reply arg[0..1] the size given and its ARGB8888 rows, not
     * premultiplied, in sRGB */
    TIFF_OP_DECODE = 2,
    /* a zoom's view: arg[0] page, arg[1..2] the size of the whole as it
     * is shown (as stored, at most its own), arg[3..6] the region x, y, w,
     * h of that to give; reply arg[0..1] = w, h and its pixels as
     * TIFF_OP_DECODE's. Read from the pyramid level that matches, only the
     * tiles or strips the region lies in. */
    TIFF_OP_REGION = 3,
};

/* The most pixels one region may have: a screen and its margins, twice. */
#define TIFF_REGION_MAX_PIXELS (16 * 1024 * 1024)

/* The largest side a TIFF may have: it is read a band of rows at a time
 * and reduced as it is read, so its whole size is never in memory. */
#define TIFF_MAX_SIDE 1000000

#endif
