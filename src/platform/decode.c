/* decode.c - see decode.h */
#include "decode.h"

#include <SDL_image.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

#include "core/manifest.h"
#include "core/resample.h"

/* ---- helpers ------------------------------------------------------------ */

static unsigned char *read_file(const char *path, size_t *len, char *err, size_t errn)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errn, "cannot open: %s", strerror(errno));
        return NULL;
    }
    unsigned char *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n < 0 || (unsigned long)n > DECODE_MAX_FILE) {
            snprintf(err, errn, n < 0 ? "cannot read its size" : "file is larger than %u MB",
                     DECODE_MAX_FILE >> 20);
        } else if (n == 0) {
            snprintf(err, errn, "file is empty");
        } else if (fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n)) != NULL) {
            if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
                snprintf(err, errn, "cannot read: %s", strerror(errno));
                free(buf);
                buf = NULL;
            } else {
                *len = (size_t)n;
            }
        } else {
            snprintf(err, errn, "out of memory");
        }
    }
    fclose(f);
    return buf;
}

/* The size the image is shown at: inside the box, or covering it. */
static void target_size(int iw, int ih, int bw, int bh, FitMode fit, int *tw, int *th)
{
    double sx = (double)bw / iw, sy = (double)bh / ih;
    double s = fit == FIT_COVER ? (sx > sy ? sx : sy) : (sx < sy ? sx : sy);
    if (s > 1.0)
        s = 1.0; /* never upscale on the CPU */
    *tw = (int)(iw * s + 0.5);
    *th = (int)(ih * s + 0.5);
    if (*tw < 1) *tw = 1;
    if (*th < 1) *th = 1;
}

static bool dims_ok(int w, int h, char *err, size_t errn)
{
    if (w <= 0 || h <= 0 || w > DECODE_MAX_SIDE || h > DECODE_MAX_SIDE ||
        (uint64_t)w * (uint64_t)h > DECODE_MAX_PIXELS) {
        snprintf(err, errn, "image is %dx%d pixels; the limit is %d a side and %u megapixels", w, h,
                 DECODE_MAX_SIDE, DECODE_MAX_PIXELS / 1000000u);
        return false;
    }
    return true;
}

/* Composite onto bg where the image is not opaque (ARGB8888 in place). */
static void flatten(SDL_Surface *s, Color bg)
{
    for (int y = 0; y < s->h; y++) {
        Uint32 *p = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++) {
            Uint32 c = p[x];
            unsigned a = c >> 24;
            if (a == 255)
                continue;
            unsigned r = (c >> 16) & 255, g = (c >> 8) & 255, b = c & 255;
            r = (r * a + bg.r * (255 - a) + 127) / 255;
            g = (g * a + bg.g * (255 - a) + 127) / 255;
            b = (b * a + bg.b * (255 - a) + 127) / 255;
            p[x] = 0xFF000000u | (r << 16) | (g << 8) | b;
        }
    }
}

/* Scale s down to tw x th with area averaging; frees s. */
static SDL_Surface *shrink(SDL_Surface *s, int tw, int th, char *err, size_t errn)
{
    if (s->w <= tw && s->h <= th)
        return s;
    if (tw > s->w) tw = s->w;
    if (th > s->h) th = s->h;
    SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, tw, th, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!d || !resample_area(s->pixels, s->w, s->h, s->pitch, d->pixels, tw, th, d->pitch)) {
        snprintf(err, errn, "out of memory while scaling");
        SDL_FreeSurface(d);
        SDL_FreeSurface(s);
        return NULL;
    }
    SDL_FreeSurface(s);
    return d;
}

/* ---- JPEG: libturbojpeg with DCT scaling -------------------------------- */

static SDL_Surface *decode_jpeg(const unsigned char *buf, size_t len, int bw, int bh, FitMode fit,
                                char *err, size_t errn)
{
    tjhandle tj = tjInitDecompress();
    if (!tj) {
        snprintf(err, errn, "cannot start the JPEG decoder");
        return NULL;
    }
    SDL_Surface *s = NULL;
    int w, h, subsamp, cs;
    if (tjDecompressHeader3(tj, buf, (unsigned long)len, &w, &h, &subsamp, &cs) != 0) {
        snprintf(err, errn, "not a readable JPEG: %s", tjGetErrorStr2(tj));
        goto done;
    }
    if (!dims_ok(w, h, err, errn))
        goto done;
    int tw, th;
    target_size(w, h, bw, bh, fit, &tw, &th);
    /* The smallest DCT-scaled size that still covers the target: decoding
     * less is faster and the area filter then has little left to do. */
    int nsf = 0;
    tjscalingfactor *sf = tjGetScalingFactors(&nsf);
    int dw = w, dh = h;
    for (int i = 0; sf && i < nsf; i++) {
        int sw = TJSCALED(w, sf[i]), sh = TJSCALED(h, sf[i]);
        if (sw >= tw && sh >= th && (uint64_t)sw * sh < (uint64_t)dw * dh) {
            dw = sw;
            dh = sh;
        }
    }
    s = SDL_CreateRGBSurfaceWithFormat(0, dw, dh, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        snprintf(err, errn, "out of memory for %dx%d pixels", dw, dh);
        goto done;
    }
    /* BGRA in memory is ARGB8888 on little-endian machines, alpha 0xFF. */
    int pf = SDL_BYTEORDER == SDL_LIL_ENDIAN ? TJPF_BGRA : TJPF_ARGB;
    if (tjDecompress2(tj, buf, (unsigned long)len, s->pixels, dw, s->pitch, dh, pf,
                      TJFLAG_ACCURATEDCT) != 0 &&
        tjGetErrorCode(tj) == TJERR_FATAL) {
        snprintf(err, errn, "JPEG cannot be decoded: %s", tjGetErrorStr2(tj));
        SDL_FreeSurface(s);
        s = NULL;
        goto done;
    }
    s = shrink(s, tw, th, err, errn);
done:
    tjDestroy(tj);
    return s;
}

/* ---- PNG, WebP: SDL_image's own loaders, called directly ---------------- */

static bool png_dims(const unsigned char *b, size_t n, int *w, int *h)
{
    if (n < 24 || memcmp(b + 12, "IHDR", 4) != 0)
        return false;
    *w = (int)((uint32_t)b[16] << 24 | (uint32_t)b[17] << 16 | (uint32_t)b[18] << 8 | b[19]);
    *h = (int)((uint32_t)b[20] << 24 | (uint32_t)b[21] << 16 | (uint32_t)b[22] << 8 | b[23]);
    return true;
}

static SDL_Surface *to_argb(SDL_Surface *s, Color bg, char *err, size_t errn)
{
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    if (!c) {
        snprintf(err, errn, "cannot convert pixels: %s", SDL_GetError());
        return NULL;
    }
    flatten(c, bg);
    return c;
}

static SDL_Surface *decode_sdl(const unsigned char *buf, size_t len, ImageFormat f, int bw, int bh,
                               FitMode fit, Color bg, char *err, size_t errn)
{
    int w = 0, h = 0;
    if (f == IMG_FMT_PNG) {
        if (!png_dims(buf, len, &w, &h)) {
            snprintf(err, errn, "PNG header is damaged");
            return NULL;
        }
        if (!dims_ok(w, h, err, errn))
            return NULL;
    }
    SDL_RWops *rw = SDL_RWFromConstMem(buf, (int)len);
    if (!rw) {
        snprintf(err, errn, "out of memory");
        return NULL;
    }
    SDL_Surface *s = f == IMG_FMT_PNG ? IMG_LoadPNG_RW(rw) : IMG_LoadWEBP_RW(rw);
    SDL_RWclose(rw);
    if (!s) {
        snprintf(err, errn, "%s cannot be decoded: %s", manifest_format_name(f), IMG_GetError());
        return NULL;
    }
    if (!dims_ok(s->w, s->h, err, errn)) {
        SDL_FreeSurface(s);
        return NULL;
    }
    s = to_argb(s, bg, err, errn);
    if (!s)
        return NULL;
    int tw, th;
    target_size(s->w, s->h, bw, bh, fit, &tw, &th);
    return shrink(s, tw, th, err, errn);
}

/* ---- SVG: rasterised at the size it is shown ----------------------------- */

static SDL_Surface *decode_svg(const unsigned char *buf, size_t len, int bw, int bh, FitMode fit,
                               Color bg, char *err, size_t errn)
{
    /* First at its own size, to learn the aspect ratio; then at the target. */
    SDL_RWops *rw = SDL_RWFromConstMem(buf, (int)len);
    SDL_Surface *s = rw ? IMG_LoadSVG_RW(rw) : NULL;
    if (rw)
        SDL_RWclose(rw);
    if (!s || s->w <= 0 || s->h <= 0) {
        snprintf(err, errn, "SVG cannot be read: %s", IMG_GetError());
        SDL_FreeSurface(s);
        return NULL;
    }
    int iw = s->w, ih = s->h;
    SDL_FreeSurface(s);
    double sx = (double)bw / iw, sy = (double)bh / ih;
    double sc = fit == FIT_COVER ? (sx > sy ? sx : sy) : (sx < sy ? sx : sy);
    int tw = (int)(iw * sc + 0.5), th = (int)(ih * sc + 0.5);
    if (!dims_ok(tw, th, err, errn))
        return NULL;
    rw = SDL_RWFromConstMem(buf, (int)len);
    s = rw ? IMG_LoadSizedSVG_RW(rw, tw, th) : NULL;
    if (rw)
        SDL_RWclose(rw);
    if (!s) {
        snprintf(err, errn, "SVG cannot be rasterised: %s", IMG_GetError());
        return NULL;
    }
    return to_argb(s, bg, err, errn);
}

/* ---- entry --------------------------------------------------------------- */

SDL_Surface *decode_image(const char *path, int box_w, int box_h, FitMode fit, Color bg,
                          char *err, size_t errn)
{
    if (box_w < 1 || box_h < 1) {
        snprintf(err, errn, "nothing to draw into");
        return NULL;
    }
    size_t len = 0;
    unsigned char *buf = read_file(path, &len, err, errn);
    if (!buf)
        return NULL;
    ImageFormat f = manifest_sniff(buf, len);
    SDL_Surface *s = NULL;
    switch (f) {
    case IMG_FMT_JPEG: s = decode_jpeg(buf, len, box_w, box_h, fit, err, errn); break;
    case IMG_FMT_PNG:
    case IMG_FMT_WEBP: s = decode_sdl(buf, len, f, box_w, box_h, fit, bg, err, errn); break;
    case IMG_FMT_SVG: s = decode_svg(buf, len, box_w, box_h, fit, bg, err, errn); break;
    default: snprintf(err, errn, "not an image vitrine can show (JPEG, PNG, WebP, SVG)"); break;
    }
    free(buf);
    return s;
}
