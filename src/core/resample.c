/* resample.c - see resample.h
 *
 * Separable: a horizontal pass into a dw x sh buffer, then a vertical pass.
 * Weights are 16.16 fixed point and each output's weights sum to exactly
 * 65536, so a flat colour stays exactly flat.
 */
#include "resample.h"

#include <stdlib.h>

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

bool resample_area(const uint8_t *src, int sw, int sh, int spitch, uint8_t *dst, int dw, int dh,
                   int dpitch)
{
    if (!src || !dst || dw < 1 || dh < 1 || dw > sw || dh > sh)
        return false;
    Span *hs = NULL, *vs = NULL;
    uint32_t *hw = NULL, *vw = NULL;
    uint8_t *tmp = malloc((size_t)dw * 4 * (size_t)sh);
    bool ok = tmp && make_spans(sw, dw, &hs, &hw) && make_spans(sh, dh, &vs, &vw);
    if (ok) {
        /* horizontal: src (sw x sh) -> tmp (dw x sh) */
        for (int y = 0; y < sh; y++) {
            const uint8_t *row = src + (size_t)y * (size_t)spitch;
            uint8_t *out = tmp + (size_t)y * (size_t)dw * 4;
            for (int x = 0; x < dw; x++) {
                const Span *sp = &hs[x];
                const uint32_t *wt = hw + sp->wofs;
                const uint8_t *p = row + (size_t)sp->first * 4;
                uint32_t c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                for (int k = 0; k < sp->count; k++, p += 4) {
                    c0 += p[0] * wt[k];
                    c1 += p[1] * wt[k];
                    c2 += p[2] * wt[k];
                    c3 += p[3] * wt[k];
                }
                out[x * 4 + 0] = (uint8_t)((c0 + 32768) >> 16);
                out[x * 4 + 1] = (uint8_t)((c1 + 32768) >> 16);
                out[x * 4 + 2] = (uint8_t)((c2 + 32768) >> 16);
                out[x * 4 + 3] = (uint8_t)((c3 + 32768) >> 16);
            }
        }
        /* vertical: tmp (dw x sh) -> dst (dw x dh), row by row so memory is
         * read in order */
        size_t tpitch = (size_t)dw * 4;
        uint32_t *acc = malloc(tpitch * sizeof *acc);
        ok = acc != NULL;
        for (int y = 0; ok && y < dh; y++) {
            const Span *sp = &vs[y];
            const uint32_t *wt = vw + sp->wofs;
            for (size_t x = 0; x < tpitch; x++)
                acc[x] = 32768;
            for (int k = 0; k < sp->count; k++) {
                const uint8_t *row = tmp + (size_t)(sp->first + k) * tpitch;
                uint32_t wk = wt[k];
                for (size_t x = 0; x < tpitch; x++)
                    acc[x] += row[x] * wk;
            }
            uint8_t *out = dst + (size_t)y * (size_t)dpitch;
            for (size_t x = 0; x < tpitch; x++)
                out[x] = (uint8_t)(acc[x] >> 16);
        }
        free(acc);
    }
    free(tmp);
    free(hs);
    free(hw);
    free(vs);
    free(vw);
    return ok;
}
