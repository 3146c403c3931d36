/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-svg - rasterise one SVG, alone in a process of its own.
 *
 *   vitrine-svg W H < drawing.svg > pixels
 *
 * vitrine runs this for every SVG it shows (src/platform/decode.c). SDL_image
 * 2.6.3's nanosvg, as Debian ships it, reads past its buffers on some
 * malformed drawings (our fuzzer crashed it within seconds); here a crash or
 * a hang costs one placeholder, not the kiosk. A fresh process (not a fork
 * of vitrine's threads) holds none of their locks, so it cannot deadlock on
 * one either.
 *
 * W and H are what IMG_LoadSizedSVG_RW takes (0: from the other side). The
 * output is three native ints - width, height, SDL pixel format (always
 * ARGB8888) - then the rows, 4 * width bytes each. Exit status 0 when it
 * wrote a picture, 1 when it could not.
 */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define MAX_INPUT (64u << 20)   /* an SVG larger than this is not a drawing for a kiosk */
#define MAX_SIDE 20000

/* A process that lives for one drawing: what it does not free, the system
 * does. It ends with _exit(), so a sanitizer build's leak check (SDL_image
 * leaks nanosvg's parse of some broken drawings) does not turn a good
 * picture into a failure. */

static int write_all(const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        ssize_t k = write(1, c, n);
        if (k <= 0)
            return 0;
        c += k;
        n -= (size_t)k;
    }
    return 1;
}

static int run(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    int w = atoi(argv[1]), h = atoi(argv[2]);
    if (w < 0 || h < 0 || w > MAX_SIDE || h > MAX_SIDE)
        return 2;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf)
            return 1;
        if (len == cap) {
            if (cap >= MAX_INPUT)
                return 1;
            char *nb = realloc(buf, cap * 2);
            if (!nb)
                return 1;
            buf = nb;
            cap *= 2;
        }
        ssize_t k = read(0, buf + len, cap - len);
        if (k < 0)
            return 1;
        if (k == 0)
            break;
        len += (size_t)k;
    }
    SDL_RWops *rw = SDL_RWFromConstMem(buf, (int)len);
    SDL_Surface *s = rw ? IMG_LoadSizedSVG_RW(rw, w, h) : NULL;
    SDL_Surface *c = s ? SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    if (!c || c->w <= 0 || c->h <= 0 || c->w > MAX_SIDE || c->h > MAX_SIDE)
        return 1;
    int hdr[3] = {c->w, c->h, (int)SDL_PIXELFORMAT_ARGB8888};
    if (!write_all(hdr, sizeof hdr))
        return 1;
    for (int y = 0; y < c->h; y++)
        if (!write_all((const char *)c->pixels + (size_t)y * (size_t)c->pitch, (size_t)c->w * 4))
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    _exit(run(argc, argv));
}
