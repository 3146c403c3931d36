/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mkcorpus - the benchmark's images: large JPEGs that cost what photographs cost.
 *
 *   mkcorpus DIR PREFIX WIDTH HEIGHT FIRST COUNT [QUALITY]
 *
 * Writes DIR/PREFIX<nnn>.jpg for nnn = FIRST .. FIRST+COUNT-1, each from its
 * own seed (the number), so the same command always writes the same files.
 * A flat or regular picture compresses to a few hundred kilobytes and decodes
 * faster than a scan, which would flatter every viewer; these mix what makes
 * a photograph expensive: smooth colour fields (plasma-like noise at several
 * scales), hard-edged shapes, a mid-frequency texture and film grain, so a
 * 3840x2160 file at quality 90 weighs about 1.5-3 MB as real scans do.
 * Made in C because the 100 images must take seconds, not minutes.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

#define CELL 16          /* full-resolution pixels per cell of the smooth field */
#define TILE 512         /* the texture tile's side (a power of two) */
#define MAX_SIDE 20000

typedef struct {
    uint64_t s;
} Rng;

static uint64_t rng_next(Rng *r)
{
    /* xorshift64*: fast, and good enough for pictures */
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ull;
}

static float rng_unit(Rng *r)
{
    return (float)(rng_next(r) >> 40) / (float)(1u << 24);
}

static unsigned char clamp8(float v)
{
    return v <= 0.0f ? 0 : v >= 255.0f ? 255 : (unsigned char)v;
}

/* Value noise summed over octaves on a lw x lh grid of 3 channels: a plasma
 * whose colours (means and ranges per channel) differ from image to image. */
static void smooth_field(float *f, int lw, int lh, Rng *r)
{
    float mean[3], range[3];
    for (int c = 0; c < 3; c++) {
        mean[c] = 40.0f + 170.0f * rng_unit(r);
        range[c] = 60.0f + 140.0f * rng_unit(r);
    }
    memset(f, 0, (size_t)lw * lh * 3 * sizeof *f);
    float amp = 1.0f;
    for (int step = 16; step >= 1; step /= 2, amp *= 0.55f) {
        int gw = lw / step + 2, gh = lh / step + 2;
        float *g = malloc((size_t)gw * gh * 3 * sizeof *g);
        if (!g)
            return;
        for (int i = 0; i < gw * gh * 3; i++)
            g[i] = rng_unit(r) - 0.5f;
        for (int y = 0; y < lh; y++) {
            int gy = y / step;
            float ty = (float)(y % step) / (float)step;
            for (int x = 0; x < lw; x++) {
                int gx = x / step;
                float tx = (float)(x % step) / (float)step;
                for (int c = 0; c < 3; c++) {
                    float a = g[((size_t)gy * gw + gx) * 3 + c], b = g[((size_t)gy * gw + gx + 1) * 3 + c];
                    float d = g[((size_t)(gy + 1) * gw + gx) * 3 + c];
                    float e = g[((size_t)(gy + 1) * gw + gx + 1) * 3 + c];
                    float top = a + (b - a) * tx, bot = d + (e - d) * tx;
                    f[((size_t)y * lw + x) * 3 + c] += amp * (top + (bot - top) * ty);
                }
            }
        }
        free(g);
    }
    for (int i = 0; i < lw * lh * 3; i++)
        f[i] = mean[i % 3] + range[i % 3] * f[i];
}

/* A tile of blurred noise (features of 2-4 pixels): the stone, cloth and
 * brush texture that makes up most of a photograph's JPEG bytes. */
static void make_tile(signed char *tile)
{
    Rng r = {0x9e3779b97f4a7c15ull};
    static signed char raw[TILE * TILE];
    for (int i = 0; i < TILE * TILE; i++)
        raw[i] = (signed char)((int)(rng_next(&r) >> 56) - 128);
    for (int y = 0; y < TILE; y++)
        for (int x = 0; x < TILE; x++) {
            int s = 0;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                    s += raw[((y + dy) & (TILE - 1)) * TILE + ((x + dx) & (TILE - 1))];
            tile[y * TILE + x] = (signed char)(s / 3 > 127 ? 127 : s / 3 < -128 ? -128 : s / 3);
        }
}

/* Filled circles and rectangles, partly transparent, with hard edges. */
static void draw_shapes(unsigned char *px, int w, int h, Rng *r)
{
    int n = 6 + (int)(rng_next(r) % 10);
    for (int k = 0; k < n; k++) {
        int cx = (int)(rng_next(r) % (unsigned)w), cy = (int)(rng_next(r) % (unsigned)h);
        int rad = h / 30 + (int)(rng_next(r) % (unsigned)(h / 5));
        bool round = rng_next(r) & 1;
        float alpha = 0.4f + 0.5f * rng_unit(r);
        float col[3] = {255.0f * rng_unit(r), 255.0f * rng_unit(r), 255.0f * rng_unit(r)};
        int x0 = cx - rad < 0 ? 0 : cx - rad, x1 = cx + rad >= w ? w - 1 : cx + rad;
        int y0 = cy - rad < 0 ? 0 : cy - rad, y1 = cy + rad >= h ? h - 1 : cy + rad;
        for (int y = y0; y <= y1; y++)
            for (int x = x0; x <= x1; x++) {
                if (round && (x - cx) * (x - cx) + (y - cy) * (y - cy) > rad * rad)
                    continue;
                unsigned char *p = px + ((size_t)y * w + x) * 3;
                for (int c = 0; c < 3; c++)
                    p[c] = clamp8(p[c] + alpha * (col[c] - p[c]));
            }
    }
}

static bool make_image(const char *path, int w, int h, int quality, unsigned seed,
                       const signed char *tile, tjhandle tj)
{
    Rng r = {0x2545f4914f6cdd1dull ^ ((uint64_t)seed * 0x9e3779b97f4a7c15ull)};
    rng_next(&r);
    int lw = w / CELL + 2, lh = h / CELL + 2;
    float *f = malloc((size_t)lw * lh * 3 * sizeof *f);
    unsigned char *px = malloc((size_t)w * h * 3);
    if (!f || !px) {
        free(f);
        free(px);
        return false;
    }
    smooth_field(f, lw, lh, &r);
    /* Per image: where the texture is sampled, how strong it and the grain are. */
    int ox = (int)(rng_next(&r) % TILE), oy = (int)(rng_next(&r) % TILE);
    float tex_amp = 0.08f + 0.2f * rng_unit(&r);
    int grain = 1 + (int)(rng_next(&r) % 3);
    for (int y = 0; y < h; y++) {
        int ly = y / CELL;
        float ty = (float)(y % CELL) / CELL;
        const signed char *trow = tile + ((y + oy) & (TILE - 1)) * TILE;
        unsigned char *row = px + (size_t)y * w * 3;
        for (int x = 0; x < w; x++) {
            int lx = x / CELL;
            float tx = (float)(x % CELL) / CELL;
            const float *a = f + ((size_t)ly * lw + lx) * 3, *b = a + 3;
            const float *d = a + (size_t)lw * 3, *e = d + 3;
            float t = tex_amp * trow[(x + ox) & (TILE - 1)];
            uint64_t noise = rng_next(&r);
            for (int c = 0; c < 3; c++) {
                float top = a[c] + (b[c] - a[c]) * tx, bot = d[c] + (e[c] - d[c]) * tx;
                int g = (int)((noise >> (c * 8)) & 0xff) % (2 * grain + 1) - grain;
                row[x * 3 + c] = clamp8(top + (bot - top) * ty + t + (float)g);
            }
        }
    }
    free(f);
    draw_shapes(px, w, h, &r);
    unsigned char *jpg = NULL;
    unsigned long len = 0;
    bool ok = tjCompress2(tj, px, w, 0, h, TJPF_RGB, &jpg, &len, TJSAMP_420, quality, 0) == 0;
    free(px);
    if (!ok) {
        fprintf(stderr, "mkcorpus: %s: %s\n", path, tjGetErrorStr2(tj));
        return false;
    }
    FILE *out = fopen(path, "wb");
    ok = out && fwrite(jpg, 1, len, out) == len;
    if (out && fclose(out) != 0)
        ok = false;
    if (!ok)
        perror(path);
    tjFree(jpg);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc < 7) {
        fprintf(stderr, "usage: mkcorpus DIR PREFIX WIDTH HEIGHT FIRST COUNT [QUALITY]\n");
        return 2;
    }
    int w = atoi(argv[3]), h = atoi(argv[4]), first = atoi(argv[5]), count = atoi(argv[6]);
    int q = argc > 7 ? atoi(argv[7]) : 90;
    if (w < CELL || h < CELL || w > MAX_SIDE || h > MAX_SIDE || first < 0 || count < 1 || q < 1 ||
        q > 100) {
        fprintf(stderr, "mkcorpus: sizes from %d to %d, FIRST >= 0, COUNT >= 1, QUALITY 1-100\n",
                CELL, MAX_SIDE);
        return 2;
    }
    static signed char tile[TILE * TILE];
    make_tile(tile);
    tjhandle tj = tjInitCompress();
    if (!tj)
        return 1;
    int status = 0;
    for (int i = first; i < first + count && status == 0; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s%03d.jpg", argv[1], argv[2], i);
        if (!make_image(path, w, h, q, (unsigned)i, tile, tj))
            status = 1;
    }
    tjDestroy(tj);
    return status;
}
