/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reduce.h - a picture averaged down to the size shown as its rows are
 * read, for the decoding workers (vitrine-tiff, vitrine-heif): a band of
 * rows and the result are all that is ever in memory, never the whole.
 * Every source pixel counts once, in the output pixel it falls into (a box
 * filter: area averaging at whole-pixel steps). */
#ifndef VITRINE_WORKER_REDUCE_H
#define VITRINE_WORKER_REDUCE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    uint32_t w, h, tw, th;
    uint32_t *per_col; /* source columns in each output column (side by side) */
    uint64_t *acc;     /* tw x (r, g, b, a) of the output row being made */
    uint32_t rows, oy; /* source rows in acc; the output row they make */
    uint32_t *out;     /* tw x th, ARGB8888, not premultiplied */
} Reduce;

/* A w x h picture to tw x th (each at most w, h); false: out of memory. */
bool reduce_init(Reduce *r, uint32_t w, uint32_t h, uint32_t tw, uint32_t th);
/* Source row y (rows in order, from 0): w pixels with R in the low byte,
 * then G, B, A (libtiff's ABGR words, RGBA bytes in memory), colours
 * premultiplied by alpha. */
void reduce_row(Reduce *r, uint32_t y, const uint32_t *abgr);
/* After the last row: the picture (malloc'd, the caller frees); the rest is
 * freed. reduce_free instead when giving up. */
uint32_t *reduce_finish(Reduce *r);
void reduce_free(Reduce *r);

#endif
