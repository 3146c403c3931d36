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
 *
 * On x86-64 both passes use SSE2 (every x86-64 has it) and give the same
 * bytes as the plain loops below, which other machines use: a weight w is
 * split as w = 256 * (w >> 8) + (w & 255), both halves fit a signed 16-bit
 * lane, and pmaddwd multiplies two taps' bytes by their halves and adds them
 * in one step; the two sums are put back together exactly before rounding.
 * The plain loops needed a 32-bit multiply, which SSE2 does not have (the
 * compiler emulated it), and the horizontal pass was scalar.
 */
#include "resample.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && !defined(RESAMPLE_PLAIN)
#include <emmintrin.h>
#define RESAMPLE_SSE2 1
#endif

/* bytes after the scratch row (see one_pixel) */
#define RESAMPLE_PAD 8

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

#ifndef RESAMPLE_SSE2
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

#endif

#ifdef RESAMPLE_SSE2
/* One output's taps in pairs: for each pair (k, k+1), two vectors of four
 * lanes of (w_k, w_k+1) as 16-bit halves, the high halves then the low. An
 * odd last tap is paired with a weight of 0. */
typedef struct {
    int first, count;
    int wofs;    /* its weights, as in Span */
    size_t vofs; /* its vectors */
} Taps;

static bool make_taps(const Span *sp, const uint32_t *w, int n, Taps **taps_out, __m128i **v_out)
{
    size_t nv = 0;
    for (int i = 0; i < n; i++)
        nv += (size_t)(sp[i].count + 1) / 2 * 2;
    Taps *taps = malloc((size_t)n * sizeof *taps);
    __m128i *v = malloc((nv ? nv : 1) * sizeof *v);
    if (!taps || !v) {
        free(taps);
        free(v);
        return false;
    }
    size_t at = 0;
    for (int i = 0; i < n; i++) {
        const uint32_t *wt = w + sp[i].wofs;
        taps[i] = (Taps){sp[i].first, sp[i].count, sp[i].wofs, at};
        for (int k = 0; k < sp[i].count; k += 2) {
            uint32_t w0 = wt[k], w1 = k + 1 < sp[i].count ? wt[k + 1] : 0;
            v[at++] = _mm_set1_epi32((int)((w1 >> 8) << 16 | (w0 >> 8)));
            v[at++] = _mm_set1_epi32((int)((w1 & 255) << 16 | (w0 & 255)));
        }
    }
    *taps_out = taps;
    *v_out = v;
    return true;
}

/* 256 * hi + lo, rounded, >> 16: four 32-bit lanes of results 0..255 */
static inline __m128i settle(__m128i hi, __m128i lo)
{
    __m128i sum = _mm_add_epi32(_mm_slli_epi32(hi, 8), lo);
    return _mm_srli_epi32(_mm_add_epi32(sum, _mm_set1_epi32(32768)), 16);
}

/* vertical() for one output row: 16 bytes at a time, each pair of source
 * rows interleaved byte by byte so that one pmaddwd weighs both. */
static void vertical_sse2(const uint8_t *src, int sw, int spitch, const Taps *t, const __m128i *v,
                          const uint32_t *w, int base, uint8_t *out)
{
    size_t n = (size_t)sw * 4, x = 0;
    const __m128i zero = _mm_setzero_si128();
    const uint8_t *top = src + (size_t)(t->first - base) * (size_t)spitch;
    const __m128i *tv = v + t->vofs;
    for (; x + 16 <= n; x += 16) {
        __m128i h[4] = {zero, zero, zero, zero}, l[4] = {zero, zero, zero, zero};
        for (int k = 0; k < t->count; k += 2) {
            const uint8_t *r0 = top + (size_t)k * (size_t)spitch;
            /* an odd last tap's 0-weight partner reads its own row: no row past the taps */
            const uint8_t *r1 = k + 1 < t->count ? r0 + spitch : r0;
            __m128i a = _mm_loadu_si128((const __m128i *)(r0 + x));
            __m128i b = _mm_loadu_si128((const __m128i *)(r1 + x));
            __m128i ab[2] = {_mm_unpacklo_epi8(a, b), _mm_unpackhi_epi8(a, b)};
            __m128i wh = tv[k], wl = tv[k + 1];
            for (int q = 0; q < 4; q++) {
                __m128i px = q & 1 ? _mm_unpackhi_epi8(ab[q >> 1], zero) : _mm_unpacklo_epi8(ab[q >> 1], zero);
                h[q] = _mm_add_epi32(h[q], _mm_madd_epi16(px, wh));
                l[q] = _mm_add_epi32(l[q], _mm_madd_epi16(px, wl));
            }
        }
        __m128i lo = _mm_packs_epi32(settle(h[0], l[0]), settle(h[1], l[1]));
        __m128i hi = _mm_packs_epi32(settle(h[2], l[2]), settle(h[3], l[3]));
        _mm_storeu_si128((__m128i *)(out + x), _mm_packus_epi16(lo, hi));
    }
    const uint32_t *wt = w + t->wofs;
    for (; x < n; x++) { /* the last 4, 8 or 12 bytes, as vertical() */
        uint32_t acc = 32768;
        for (int k = 0; k < t->count; k++)
            acc += top[(size_t)k * (size_t)spitch + x] * wt[k];
        out[x] = (uint8_t)(acc >> 16);
    }
}

/* One output pixel of horizontal(): each pair of taps is two neighbouring
 * pixels, read as 8 bytes and interleaved channel by channel. An odd last
 * tap's partner is the pixel after it, weighed 0 (the row has room). */
static inline __m128i one_pixel(const uint8_t *row, const Taps *t, const __m128i *v, int base)
{
    const __m128i zero = _mm_setzero_si128();
    const uint8_t *p = row + (size_t)(t->first - base) * 4;
    const __m128i *tv = v + t->vofs;
    __m128i h = zero, l = zero;
    for (int k = 0; k < t->count; k += 2) {
        __m128i px = _mm_unpacklo_epi8(_mm_loadl_epi64((const __m128i *)(p + (size_t)k * 4)), zero);
        px = _mm_unpacklo_epi16(px, _mm_srli_si128(px, 8)); /* b0 b1 g0 g1 r0 r1 a0 a1 */
        h = _mm_add_epi32(h, _mm_madd_epi16(px, tv[k]));
        l = _mm_add_epi32(l, _mm_madd_epi16(px, tv[k + 1]));
    }
    return settle(h, l);
}

/* horizontal() for one row of dw outputs, four at a time. */
static void horizontal_sse2(const uint8_t *row, const Taps *t, const __m128i *v, int dw, int base,
                            uint8_t *out)
{
    int x = 0;
    for (; x + 4 <= dw; x += 4) {
        __m128i lo = _mm_packs_epi32(one_pixel(row, &t[x], v, base), one_pixel(row, &t[x + 1], v, base));
        __m128i hi = _mm_packs_epi32(one_pixel(row, &t[x + 2], v, base), one_pixel(row, &t[x + 3], v, base));
        _mm_storeu_si128((__m128i *)(out + (size_t)x * 4), _mm_packus_epi16(lo, hi));
    }
    for (; x < dw; x++) {
        __m128i o = _mm_packs_epi32(one_pixel(row, &t[x], v, base), _mm_setzero_si128());
        uint32_t o32 = (uint32_t)_mm_cvtsi128_si32(_mm_packus_epi16(o, o));
        memcpy(out + (size_t)x * 4, &o32, 4);
    }
}
#endif

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
    bool ok = make_spans(sw, dw, &hs, &hw) && make_spans(sh, dh, &vs, &vw);
#ifdef RESAMPLE_SSE2
    Taps *ht = NULL, *vt = NULL;
    __m128i *hv = NULL, *vv = NULL;
    ok = ok && make_taps(hs + ox, hw, ow, &ht, &hv) && make_taps(vs + oy, vw, oh, &vt, &vv);
    if (ok)
        memset(tmp + (size_t)xn * 4, 0, RESAMPLE_PAD); /* an odd last tap's partner */
    for (int y = 0; ok && y < oh; y++) {
        vertical_sse2(src, xn, spitch, &vt[y], vv, vw, y0, tmp);
        horizontal_sse2(tmp, ht, hv, ow, x0, dst + (size_t)y * (size_t)dpitch);
    }
    free(ht);
    free(hv);
    free(vt);
    free(vv);
#else
    uint32_t *acc = ok ? malloc((size_t)xn * 4 * sizeof *acc) : NULL;
    ok = ok && acc;
    for (int y = 0; ok && y < oh; y++) {
        vertical(src, xn, spitch, vs + oy + y, vw, 1, y0, tmp, acc);
        horizontal(tmp, xn, hs + ox, hw, ow, 1, x0, dst + (size_t)y * (size_t)dpitch, dpitch);
    }
    free(acc);
#endif
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
    return sw > 0 && dh > 0 ? (size_t)sw * 4 + RESAMPLE_PAD : 1; /* one row */
}
