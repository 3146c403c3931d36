/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reduce.c - see reduce.h */
#include "reduce.h"

#include <stdlib.h>
#include <string.h>

/* Sums of at most this many samples fit 32 bits with the rounding added
 * (255 x 16,000,000 + 8,000,000 < 2^32); a run of source columns, at most
 * the picture's width, always does. */
#define SUMS_32 16000000u

bool reduce_init(Reduce *r, uint32_t w, uint32_t h, uint32_t tw, uint32_t th)
{
    *r = (Reduce){.w = w, .h = h, .tw = tw < w ? tw : w, .th = th < h ? th : h};
    if (r->tw < 1 || r->th < 1)
        return false;
    r->per_col = calloc(r->tw, sizeof *r->per_col);
    r->acc = calloc((size_t)r->tw * 4, sizeof *r->acc);
    r->out = malloc((size_t)r->tw * r->th * 4);
    if (!r->per_col || !r->acc || !r->out) {
        reduce_free(r);
        return false;
    }
    for (uint32_t x = 0; x < w; x++) /* source column x falls in output column x * tw / w */
        r->per_col[(uint64_t)x * r->tw / w]++;
    return true;
}

/* Red, green, blue, alpha (premultiplied) as one ARGB8888 pixel, not. */
static uint32_t argb(uint32_t *c)
{
    uint32_t a = c[3];
    for (int k = 0; a > 0 && a < 255 && k < 3; k++) {
        uint32_t v = (c[k] * 255 + a / 2) / a;
        c[k] = v > 255 ? 255 : v;
    }
    return a << 24 | c[0] << 16 | c[1] << 8 | c[2];
}

static void flush_row(Reduce *r)
{
    for (uint32_t x = 0; x < r->tw; x++) {
        uint64_t n = (uint64_t)r->per_col[x] * r->rows, *s = r->acc + 4 * (size_t)x;
        uint32_t c[4];
        if (n > 0 && n <= SUMS_32) { /* the usual case: 32-bit divisions, the quicker */
            uint32_t n32 = (uint32_t)n;
            for (int k = 0; k < 4; k++)
                c[k] = ((uint32_t)s[k] + n32 / 2) / n32;
        } else {
            for (int k = 0; k < 4; k++)
                c[k] = n ? (uint32_t)((s[k] + n / 2) / n) : 0;
        }
        r->out[(size_t)r->oy * r->tw + x] = argb(c);
    }
    memset(r->acc, 0, sizeof *r->acc * 4 * r->tw);
    r->rows = 0;
}

void reduce_row(Reduce *r, uint32_t y, const uint32_t *abgr)
{
    if (r->w == r->tw && r->h == r->th) {
        /* one to one (a zoom at the picture's own pixels): nothing to
         * average, and the divisions were most of a region's time */
        uint32_t *o = r->out + (size_t)y * r->tw;
        for (uint32_t x = 0; x < r->w; x++) {
            uint32_t p = abgr[x];
            uint32_t c[4] = {p & 255, p >> 8 & 255, p >> 16 & 255, p >> 24};
            o[x] = c[3] == 255 ? 0xFF000000u | c[0] << 16 | c[1] << 8 | c[2] : argb(c);
        }
        return;
    }
    uint32_t want = (uint32_t)((uint64_t)y * r->th / r->h);
    if (want != r->oy && r->rows > 0)
        flush_row(r);
    r->oy = want;
    /* the source columns of an output column are side by side (x * tw /
     * w only grows): each run summed in registers, then added once (the flat
     * 100 MB TIFF's screen copy spent a quarter of its worker's time here,
     * loading and storing the sums pixel by pixel) */
    const uint32_t *p = abgr;
    uint64_t *s = r->acc;
    for (uint32_t x = 0; x < r->tw; x++, s += 4) {
        uint32_t n = r->per_col[x], c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        for (uint32_t k = 0; k < n; k++) {
            uint32_t v = p[k];
            c0 += v & 255;
            c1 += v >> 8 & 255;
            c2 += v >> 16 & 255;
            c3 += v >> 24;
        }
        p += n;
        s[0] += c0;
        s[1] += c1;
        s[2] += c2;
        s[3] += c3;
    }
    r->rows++;
}

uint32_t *reduce_finish(Reduce *r)
{
    if (r->rows > 0)
        flush_row(r);
    uint32_t *out = r->out;
    r->out = NULL;
    reduce_free(r);
    return out;
}

void reduce_free(Reduce *r)
{
    free(r->per_col);
    free(r->acc);
    free(r->out);
    r->per_col = r->out = NULL;
    r->acc = NULL;
}
