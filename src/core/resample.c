/* SPDX-License-Identifier: GPL-3.0-or-later */
/* resample.c - see resample.h
 *
 * Separable, one output row at a time: a vertical pass into one row of sw
 * pixels (whole rows at a time, which vectorises), then a horizontal one
 * over that row. The row stays in the cache, and the scratch is one row
 * where a whole sw x dh pass (6 MB for a 4K photo at 1/2 DCT scale fitted
 * into a lecture's box) was held by each decoding thread.
 * Weights are 16.16 fixed point and each output's weights sum to exactly
 * 65536, so a flat colour stays exactly flat.
 */
#include "resample.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int first;        /* first source index */
    int count;        /* how many source pixels */
    int wofs;         /* offset of its weights in the weight array */
} Span;

/* For each of dn outputs over sn inputs, the covered source pixels and their
 * weights. */
static bool make_spans(int sn, int dn, Span **spans_out, uint32_t **w_out)
{
    Span *spans = malloc((size_t)dn * sizeof *spans);
    int max_per = sn / dn + 2;
    uint32_t *w = malloc((size_t)dn * (size_t)max_per * sizeof *w);
    if (!spans || !w) {
        free(spans);
        free(w);
        return false;
    }
    /* Work in units of 1/dn source pixel: output i covers [i*sn, (i+1)*sn). */
    int wofs = 0;
    for (int i = 0; i < dn; i++) {
        int64_t a = (int64_t)i * sn, b = (int64_t)(i + 1) * sn;
        int first = (int)(a / dn), last = (int)((b - 1) / dn);
        spans[i] = (Span){first, last - first + 1, wofs};
        uint32_t sum = 0;
        for (int j = first; j <= last; j++) {
            int64_t lo = (int64_t)j * dn > a ? (int64_t)j * dn : a;
            int64_t hi = (int64_t)(j + 1) * dn < b ? (int64_t)(j + 1) * dn : b;
            uint32_t wt = (uint32_t)(((hi - lo) * 65536) / sn);
            w[wofs + (j - first)] = wt;
            sum += wt;
        }
        /* Give the rounding remainder to the largest weight. */
        int big = 0;
        for (int j = 1; j < spans[i].count; j++)
            if (w[wofs + j] > w[wofs + big])
                big = j;
        w[wofs + big] += 65536 - sum;
        wofs += spans[i].count;
    }
    *spans_out = spans;
    *w_out = w;
    return true;
}

/* Vertical: src's rows -> dh rows of tmp, sw pixels wide; src's first row
 * is source row `base`. Each output row is a weighted sum of whole source
 * rows: long runs of bytes, which the compiler turns into vector code. */
static void vertical(const uint8_t *src, int sw, int spitch, const Span *vs, const uint32_t *vw,
                     int dh, int base, uint8_t *tmp, uint32_t *acc)
{
    size_t n = (size_t)sw * 4;
    for (int y = 0; y < dh; y++) {
        const Span *sp = &vs[y];
        const uint32_t *wt = vw + sp->wofs;
        for (size_t x = 0; x < n; x++)
            acc[x] = 32768;
        for (int k = 0; k < sp->count; k++) {
            const uint8_t *row = src + (size_t)(sp->first - base + k) * (size_t)spitch;
            uint32_t wk = wt[k];
            for (size_t x = 0; x < n; x++)
                acc[x] += row[x] * wk;
        }
        uint8_t *out = tmp + (size_t)y * n;
        for (size_t x = 0; x < n; x++)
            out[x] = (uint8_t)(acc[x] >> 16);
    }
}

/* Horizontal: tmp (sw x dh, its first column source column `base`) -> dst
 * (dw x dh). A pixel's four bytes ride in
 * two 64-bit words, two channels to a word with 32 bits each: a weight
 * (at most 65536) times a byte, summed over weights that add up to 65536,
 * stays below 2^24, so the channels never spill into each other. */
static void horizontal(const uint8_t *tmp, int sw, const Span *hs, const uint32_t *hw, int dw,
                       int dh, int base, uint8_t *dst, int dpitch)
{
    const uint64_t lanes = 0x000000FF000000FFull;
    for (int y = 0; y < dh; y++) {
        const uint8_t *row = tmp + (size_t)y * (size_t)sw * 4;
        uint8_t *out = dst + (size_t)y * (size_t)dpitch;
        for (int x = 0; x < dw; x++) {
            const Span *sp = &hs[x];
            const uint32_t *wt = hw + sp->wofs;
            const uint8_t *p = row + (size_t)(sp->first - base) * 4;
            uint64_t lo = 0x0000800000008000ull, hi = lo; /* rounding */
            for (int k = 0; k < sp->count; k++) {
                uint32_t p32;
                memcpy(&p32, p + (size_t)k * 4, 4); /* bytes as one word, whatever their type */
                uint64_t px = p32;
                uint64_t spread = (px & 0xFFFFu) | (px & 0xFFFF0000u) << 16; /* b g | r a in 32-bit lanes */
                lo += (spread & lanes) * wt[k];
                hi += (spread >> 8 & lanes) * wt[k];
            }
            uint32_t o = (uint32_t)(lo >> 16 & 0xFF) | (uint32_t)(hi >> 16 & 0xFF) << 8 |
                         (uint32_t)(lo >> 48 & 0xFF) << 16 | (uint32_t)(hi >> 48 & 0xFF) << 24;
            memcpy(out + (size_t)x * 4, &o, 4);
        }
    }
}

bool resample_area_with(const uint8_t *src, int sw, int sh, int spitch, uint8_t *dst, int dw,
                        int dh, int dpitch, uint8_t *tmp)
{
    return resample_area_part(src, spitch, sw, sh, dw, dh, 0, 0, dw, dh, dst, dpitch, tmp);
}

void resample_area_source(int sn, int dn, int o, int n, int *first, int *count)
{
    /* output i covers [i*sn, (i+1)*sn) in units of 1/dn source pixel */
    int64_t a = (int64_t)o * sn, b = (int64_t)(o + n) * sn;
    *first = (int)(a / dn);
    *count = (int)((b - 1) / dn) - *first + 1;
}

bool resample_area_part(const uint8_t *src, int spitch, int sw, int sh, int dw, int dh, int ox, int oy,
                        int ow, int oh, uint8_t *dst, int dpitch, uint8_t *tmp)
{
    if (!src || !dst || !tmp || dw < 1 || dh < 1 || dw > sw || dh > sh || ox < 0 || oy < 0 || ow < 1 ||
        oh < 1 || ox + ow > dw || oy + oh > dh)
        return false;
    int x0, xn, y0, yn;
    resample_area_source(sw, dw, ox, ow, &x0, &xn);
    resample_area_source(sh, dh, oy, oh, &y0, &yn);
    /* the weights of the whole, so the part is the whole's to the bit */
    Span *hs = NULL, *vs = NULL;
    uint32_t *hw = NULL, *vw = NULL;
    uint32_t *acc = malloc((size_t)xn * 4 * sizeof *acc);
    bool ok = acc && make_spans(sw, dw, &hs, &hw) && make_spans(sh, dh, &vs, &vw);
    for (int y = 0; ok && y < oh; y++) {
        vertical(src, xn, spitch, vs + oy + y, vw, 1, y0, tmp, acc);
        horizontal(tmp, xn, hs + ox, hw, ow, 1, x0, dst + (size_t)y * (size_t)dpitch, dpitch);
    }
    free(acc);
    free(hs);
    free(hw);
    free(vs);
    free(vw);
    return ok;
}

bool resample_area(const uint8_t *src, int sw, int sh, int spitch, uint8_t *dst, int dw, int dh,
                   int dpitch)
{
    if (sw < 1 || dh < 1 || dh > sh)
        return false;
    uint8_t *tmp = malloc(resample_tmp_size(sw, dh));
    bool ok = resample_area_with(src, sw, sh, spitch, dst, dw, dh, dpitch, tmp);
    free(tmp);
    return ok;
}

size_t resample_tmp_size(int sw, int dh)
{
    return sw > 0 && dh > 0 ? (size_t)sw * 4 : 1; /* one row */
}
