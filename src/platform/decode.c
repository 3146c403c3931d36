/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode.c - see decode.h */
#include "decode.h"

#include <SDL_image.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

#include "core/imagehead.h"
#include "core/manifest.h"
#include "core/pixels.h"
#include "core/resample.h"
#include "decode_internal.h"
#include "decode_pdf.h"
#include "scratch.h"
#include "worker.h"

/* ---- helpers ------------------------------------------------------------ */

/* Each decoding thread keeps its buffers for the next picture (scratch.h).
 * Thread-local, so decode_image stays safe on several threads at once; an
 * occasional huge image's buffer is not kept. */
static _Thread_local Scratch scratch_file, scratch_pixels, scratch_resample;

void decode_release_scratch(void)
{
    scratch_free(&scratch_file);
    scratch_free(&scratch_pixels);
    scratch_free(&scratch_resample);
    worker_release_thread(); /* the readers this thread kept (SVG, TIFF, HEIC; PDF's is shared) */
}

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
            snprintf(err, errn, n < 0 ? "cannot read its size" : "the file is larger than %u MB",
                     DECODE_MAX_FILE >> 20);
        } else if (n == 0) {
            snprintf(err, errn, "the file is empty");
        } else if (fseek(f, 0, SEEK_SET) == 0 && (buf = scratch_get(&scratch_file, (size_t)n)) != NULL) {
            if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
                snprintf(err, errn, "cannot read: %s", strerror(errno));
                scratch_put(&scratch_file, buf);
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
void decode_target_size(int iw, int ih, int bw, int bh, FitMode fit, int *tw, int *th)
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

void decode_target_stored(int w, int h, int o, int bw, int bh, FitMode fit, int *tw, int *th)
{
    int uw, uh;
    pixels_oriented_size(w, h, o, &uw, &uh);
    decode_target_size(uw, uh, bw, bh, fit, tw, th);
    if (uw != w) { /* a quarter turn: the target turns with it */
        int t = *tw;
        *tw = *th;
        *th = t;
    }
}

/* Composite onto bg where the image is not opaque (ARGB8888 in place). */
void decode_flatten(SDL_Surface *s, Color bg)
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
    uint8_t *tmp = d ? scratch_get(&scratch_resample, resample_tmp_size(s->w, th)) : NULL;
    bool ok = tmp && resample_area_with(s->pixels, s->w, s->h, s->pitch, d->pixels, tw, th, d->pitch, tmp);
    scratch_put(&scratch_resample, tmp);
    if (!ok) {
        snprintf(err, errn, "out of memory while scaling");
        SDL_FreeSurface(d);
        SDL_FreeSurface(s);
        return NULL;
    }
    SDL_FreeSurface(s);
    return d;
}

/* Turn s upright as EXIF orientation o says; frees s. */
SDL_Surface *decode_upright(SDL_Surface *s, int o, char *err, size_t errn)
{
    if (o <= 1 || o > 8)
        return s;
    int w, h;
    pixels_oriented_size(s->w, s->h, o, &w, &h);
    SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!d) {
        snprintf(err, errn, "out of memory while turning it upright");
        SDL_FreeSurface(s);
        return NULL;
    }
    pixels_orient(s->pixels, s->w, s->h, s->pitch, d->pixels, d->pitch, o);
    SDL_FreeSurface(s);
    return d;
}

/* ---- JPEG: libturbojpeg with DCT scaling -------------------------------- */

void decode_jpeg_scale(int w, int h, int tw, int th, int *num, int *denom, int *dw, int *dh)
{
    int nsf = 0;
    tjscalingfactor *sf = tjGetScalingFactors(&nsf);
    *num = *denom = 1;
    *dw = w;
    *dh = h;
    for (int i = 0; sf && i < nsf; i++) {
        int sw = TJSCALED(w, sf[i]), sh = TJSCALED(h, sf[i]);
        if (sw >= tw && sh >= th && (uint64_t)sw * sh < (uint64_t)*dw * *dh) {
            *dw = sw;
            *dh = sh;
            *num = sf[i].num;
            *denom = sf[i].denom;
        }
    }
}

/* Photoshop stores CMYK inverted and says so with its Adobe marker;
 * readers (libjpeg's djpeg, browsers) take the marker as the sign. */
void decode_jpeg_inks(SDL_Surface *s, const unsigned char *buf, size_t len, const ImageHead *hd)
{
    /* through the file's CMYK profile when it has one; lcms reads the
     * inks as libjpeg gives them, inverted when Adobe says so */
    IccTransform *t =
        decode_icc_transform(buf, len, hd, hd->adobe_transform >= 0 ? ICC_IN_CMYK8_INVERTED : ICC_IN_CMYK8);
    for (int y = 0; t && y < s->h; y++) {
        uint8_t *row = (uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch;
        icc_transform_cmyk(t, row, (uint32_t *)row, (size_t)s->w);
    }
    if (!t)
        pixels_cmyk_to_argb(s->pixels, s->w, s->h, s->pitch, hd->adobe_transform >= 0);
    icc_transform_free(t);
}

void decode_jpeg_profile(SDL_Surface *s, const unsigned char *buf, size_t len, const ImageHead *hd)
{
    IccTransform *t = decode_icc_transform(buf, len, hd, ICC_IN_ARGB32);
    decode_icc_apply(t, s);
    icc_transform_free(t);
}

/* hd: the file's header, already checked (imagehead.h). */
static SDL_Surface *decode_jpeg(const char *path, const unsigned char *buf, size_t len, const ImageHead *hd,
                                int bw, int bh, FitMode fit, Color bg, char *err, size_t errn)
{
    tjhandle tj = tjInitDecompress();
    if (!tj) {
        snprintf(err, errn, "cannot start the JPEG decoder");
        return NULL;
    }
    SDL_Surface *s = NULL;
    /* A stream that ends before its frame header is "tables only" to
     * libturbojpeg: success, with w and h never written. */
    int w = 0, h = 0, subsamp, cs;
    if (tjDecompressHeader3(tj, buf, (unsigned long)len, &w, &h, &subsamp, &cs) != 0) {
        snprintf(err, errn, "not a readable JPEG: %s", tjGetErrorStr2(tj));
        goto done;
    }
    if (w <= 0 || h <= 0) {
        snprintf(err, errn, "not a readable JPEG: it ends before the image starts");
        goto done;
    }
    if (!imagehead_size_ok(w, h, err, errn))
        goto done;
    /* The box is filled by the image as it is seen, upright; decoding and
     * scaling happen as it is stored, so the target turns with it. */
    int o = hd->orientation, tw, th;
    decode_target_stored(w, h, o, bw, bh, fit, &tw, &th);
    int dw, dh, num, denom;
    decode_jpeg_scale(w, h, tw, th, &num, &denom, &dw, &dh);
    /* Decoded straight into ARGB8888, the textures' format. When the area
     * filter follows, the DCT-scaled pixels are only a step: the thread's
     * scratch buffer holds them. */
    void *step = NULL;
    if (dw > tw || dh > th) {
        step = scratch_get(&scratch_pixels, (size_t)dw * (size_t)dh * 4);
        s = step ? SDL_CreateRGBSurfaceWithFormatFrom(step, dw, dh, 32, dw * 4, SDL_PIXELFORMAT_ARGB8888)
                 : NULL;
    } else {
        s = SDL_CreateRGBSurfaceWithFormat(0, dw, dh, 32, SDL_PIXELFORMAT_ARGB8888);
    }
    if (!s) {
        scratch_put(&scratch_pixels, step);
        snprintf(err, errn, "out of memory for %dx%d pixels", dw, dh);
        goto done;
    }
    /* BGRA in memory is ARGB8888 on little-endian machines, alpha 0xFF.
     * libturbojpeg 2.1 cannot turn CMYK (or YCCK) into RGB: it gives the
     * inks, and pixels.c makes light of them. */
    bool cmyk = cs == TJCS_CMYK || cs == TJCS_YCCK;
    int pf = cmyk ? TJPF_CMYK : SDL_BYTEORDER == SDL_LIL_ENDIAN ? TJPF_BGRA : TJPF_ARGB;
    if (tjDecompress2(tj, buf, (unsigned long)len, s->pixels, dw, s->pitch, dh, pf,
                      TJFLAG_ACCURATEDCT) != 0 &&
        tjGetErrorCode(tj) == TJERR_FATAL) {
        snprintf(err, errn, "JPEG cannot be decoded: %s", tjGetErrorStr2(tj));
        SDL_FreeSurface(s);
        scratch_put(&scratch_pixels, step);
        s = NULL;
        goto done;
    }
    if (cmyk)
        decode_jpeg_inks(s, buf, len, hd);
    s = shrink(s, tw, th, err, errn); /* a new surface when it scaled: the step is free again */
    scratch_put(&scratch_pixels, step);
    if (s)
        s = decode_upright(s, o, err, errn);
    if (s && !cmyk)
        decode_jpeg_profile(s, buf, len, hd);
done:
    tjDestroy(tj);
    return s;
}

/* A JPEG's preview (DecodeRequest.preview): decode_jpeg at about a
 * quarter of the box, which its choice of DCT scale turns into 1/8 of a
 * large file's pixels a side, so the entropy decoding is nearly all that
 * is left. Not worth it when the full copy uses 1/8 already (a small box:
 * a thumbnail of the grid, a cover). */
static SDL_Surface *decode_preview(const char *path, const unsigned char *buf, size_t len,
                                   const ImageHead *hd, const DecodeRequest *rq, char *err, size_t errn)
{
    int tw, th;
    decode_target_stored(hd->w, hd->h, hd->orientation, rq->box_w, rq->box_h, rq->fit, &tw, &th);
    if (hd->format != IMG_FMT_JPEG || hd->w <= 0 || hd->h <= 0 ||
        (TJSCALED(hd->w, ((tjscalingfactor){1, 8})) >= tw && TJSCALED(hd->h, ((tjscalingfactor){1, 8})) >= th)) {
        snprintf(err, errn, "no preview needed: the full copy is as quick");
        return NULL;
    }
    return decode_jpeg(path, buf, len, hd, (rq->box_w + 3) / 4, (rq->box_h + 3) / 4, rq->fit, rq->bg, err,
                       errn);
}

/* ---- PNG, WebP: SDL_image's own loaders, called directly ---------------- */

/* In ARGB8888, as its colour profile says (before the background shows
 * through, which is sRGB already), then flattened. */
static SDL_Surface *to_argb(SDL_Surface *s, IccTransform *t, Color bg, char *err, size_t errn)
{
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    if (!c) {
        snprintf(err, errn, "cannot convert pixels: %s", SDL_GetError());
        return NULL;
    }
    decode_icc_apply(t, c);
    decode_flatten(c, bg);
    return c;
}

/* The size in the header was checked before (imagehead.h): SDL_image
 * allocates that much before it decodes anything. */
static SDL_Surface *decode_sdl(const char *path, const unsigned char *buf, size_t len, const ImageHead *hd, int bw,
                               int bh, FitMode fit, Color bg, char *err, size_t errn)
{
    ImageFormat f = hd->format;
    SDL_RWops *rw = SDL_RWFromConstMem(buf, (int)len);
    if (!rw) {
        snprintf(err, errn, "out of memory");
        return NULL;
    }
    SDL_Surface *s = f == IMG_FMT_PNG ? IMG_LoadPNG_RW(rw) : IMG_LoadWEBP_RW(rw);
    SDL_RWclose(rw);
    if (!s) {
        snprintf(err, errn, "%s cannot be decoded: %s", imagehead_format_name(f), IMG_GetError());
        return NULL;
    }
    if (!imagehead_size_ok(s->w, s->h, err, errn)) {
        SDL_FreeSurface(s);
        return NULL;
    }
    IccTransform *t = decode_icc_transform(buf, len, hd, ICC_IN_ARGB32);
    s = to_argb(s, t, bg, err, errn);
    icc_transform_free(t);
    if (!s)
        return NULL;
    /* the box is filled as it is seen, upright (its EXIF, as a JPEG's) */
    int o = hd->orientation, tw, th;
    decode_target_stored(s->w, s->h, o, bw, bh, fit, &tw, &th);
    s = shrink(s, tw, th, err, errn);
    return s ? decode_upright(s, o, err, errn) : NULL;
}

/* ---- the decoders, one per format ------------------------------------------ */

/* One decoder per row of the table of formats (imagehead.h): a new format
 * is its row there and its decoder here (or in a file of its own,
 * decode_internal.h). PNG and WebP share SDL_image. A decoder takes the
 * file's bytes, read whole and checked; one that runs in a worker process
 * on a format of large files (TIFF) takes the path instead and reads only
 * what it needs, the first page unless told another. */
typedef SDL_Surface *(*Decoder)(const char *path, const unsigned char *buf, size_t len,
                                const ImageHead *hd, int bw, int bh, FitMode fit, Color bg, char *err,
                                size_t errn);
typedef SDL_Surface *(*FileDecoder)(const char *path, int page, int bw, int bh, FitMode fit, Color bg,
                                    char *err, size_t errn);
static const struct {
    ImageFormat format;
    Decoder decode;
    FileDecoder decode_file;
} decoders[] = {
    {IMG_FMT_JPEG, decode_jpeg, NULL},
    {IMG_FMT_PNG, decode_sdl, NULL},
    {IMG_FMT_WEBP, decode_sdl, NULL},
    {IMG_FMT_SVG, decode_svg, NULL},
    {IMG_FMT_TIFF, NULL, decode_tiff},
    {IMG_FMT_HEIC, NULL, decode_heif},
    {IMG_FMT_AVIF, NULL, decode_heif},
};

static int decoder_for(ImageFormat f)
{
    for (int i = 0; i < (int)(sizeof decoders / sizeof decoders[0]); i++)
        if (decoders[i].format == f)
            return i;
    return -1;
}

/* The format of the file, from its first bytes; IMG_FMT_UNKNOWN when it
 * cannot be read (decode_image then reads it whole and says why). */
static ImageFormat sniff_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return IMG_FMT_UNKNOWN;
    uint8_t head[64];
    ssize_t n = read(fd, head, sizeof head);
    close(fd);
    return n > 0 ? imagehead_sniff(head, (size_t)n) : IMG_FMT_UNKNOWN;
}

/* ---- entry --------------------------------------------------------------- */

SDL_Surface *decode_image(const char *path, int box_w, int box_h, FitMode fit, Color bg,
                          char *err, size_t errn)
{
    DecodeRequest rq = {.path = path, .box_w = box_w, .box_h = box_h, .fit = fit, .bg = bg};
    return decode_request(&rq, err, errn);
}

/* The region of s (freed) as a surface of its own. */
static SDL_Surface *crop(SDL_Surface *s, Rect r, char *err, size_t errn)
{
    if (r.x < 0 || r.y < 0 || r.w < 1 || r.h < 1 || r.x + r.w > s->w || r.y + r.h > s->h) {
        snprintf(err, errn, "the region %dx%d at %d,%d lies outside its %dx%d pixels", r.w, r.h, r.x,
                 r.y, s->w, s->h);
        SDL_FreeSurface(s);
        return NULL;
    }
    SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, r.w, r.h, 32, SDL_PIXELFORMAT_ARGB8888);
    for (int y = 0; d && y < r.h; y++)
        memcpy((Uint8 *)d->pixels + (size_t)y * (size_t)d->pitch,
               (Uint8 *)s->pixels + (size_t)(r.y + y) * (size_t)s->pitch + (size_t)r.x * 4, (size_t)r.w * 4);
    if (!d)
        snprintf(err, errn, "out of memory for %dx%d pixels", r.w, r.h);
    SDL_FreeSurface(s);
    return d;
}

/* A zoomed JPEG's view, decoded by itself (decode_jpeg.c); frees buf. */
static SDL_Surface *jpeg_region(unsigned char *buf, size_t len, const ImageHead *hd, const DecodeRequest *rq,
                                char *err, size_t errn)
{
    SDL_Surface *s = decode_jpeg_region(buf, len, hd, rq->box_w, rq->box_h, rq->region, err, errn);
    scratch_put(&scratch_file, buf);
    return s;
}

SDL_Surface *decode_request(const DecodeRequest *rq, char *err, size_t errn)
{
    int box_w = rq->box_w, box_h = rq->box_h;
    if (box_w < 1 || box_h < 1) {
        snprintf(err, errn, "nothing to draw into");
        return NULL;
    }
    ImageFormat fmt = sniff_file(rq->path); /* one look at the head: it chooses every path below */
    /* A preview is a JPEG's alone: the only format with a path far
     * cheaper than its full decode (DCT scaling) */
    if (rq->preview && fmt != IMG_FMT_JPEG) {
        snprintf(err, errn, "no quick preview for this format");
        return NULL;
    }
    /* A PDF is read by its worker, from the file: vitrine reads none of it */
    if (fmt == IMG_FMT_PDF)
        return pdf_render(rq->path, rq->page > 0 ? rq->page : 1, box_w, box_h, rq->fit, rq->region,
                          NULL, NULL, err, errn);
    /* So are TIFF, HEIC and AVIF: their decoders take the path and the page */
    int page = rq->page > 0 ? rq->page : 1;
    if (fmt == IMG_FMT_TIFF && rq->region.w > 0 && rq->fit == FIT_CONTAIN)
        return decode_tiff_region(rq->path, page, box_w, box_h, rq->region, rq->bg, err, errn);
    int row = decoder_for(fmt);
    if (row >= 0 && decoders[row].decode_file) {
        SDL_Surface *s = decoders[row].decode_file(rq->path, page, box_w, box_h, rq->fit, rq->bg, err, errn);
        if (s && rq->region.w > 0)
            s = crop(s, rq->region, err, errn);
        return s;
    }
    if (page > 1) {
        snprintf(err, errn, "it has one page, not %d", page);
        return NULL;
    }
    size_t len = 0;
    unsigned char *buf = read_file(rq->path, &len, err, errn);
    if (!buf)
        return NULL;
    /* Everything the decoders would trust is checked first: the format
     * from the bytes, the size in the header, a JPEG's scans and that the
     * file is all there. */
    ImageHead hd;
    SDL_Surface *s = NULL;
    if (imagehead_parse(buf, len, true, &hd, err, errn) == IMAGEHEAD_OK) {
        row = decoder_for(hd.format);
        if (rq->preview)
            s = decode_preview(rq->path, buf, len, &hd, rq, err, errn);
        else if (hd.format == IMG_FMT_JPEG && rq->region.w > 0 && rq->fit == FIT_CONTAIN)
            return jpeg_region(buf, len, &hd, rq, err, errn);
        else if (row >= 0 && decoders[row].decode)
            s = decoders[row].decode(rq->path, buf, len, &hd, box_w, box_h, rq->fit, rq->bg, err, errn);
        else
            snprintf(err, errn, "no decoder for %s", imagehead_format_name(hd.format));
    }
    scratch_put(&scratch_file, buf);
    if (s && rq->region.w > 0)
        s = crop(s, rq->region, err, errn);
    return s;
}

bool decode_by_region(ImageFormat f)
{
    return f == IMG_FMT_PDF || f == IMG_FMT_TIFF || f == IMG_FMT_JPEG;
}

bool decode_zoom_by_view(ImageFormat f)
{
    return f == IMG_FMT_JPEG;
}

/* ---- the image's own size ------------------------------------------------- */

bool decode_probe(const char *path, int page, int *w, int *h)
{
    *w = *h = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char err[256];
    ImageHead ih;
    bool ok = imagehead_read_fd(fd, false, &ih, err, sizeof err) == IMAGEHEAD_OK;
    close(fd);
    if (ok && ih.format == IMG_FMT_SVG) { /* its own size, as librsvg reads it */
        size_t len = 0;
        unsigned char *buf = read_file(path, &len, err, sizeof err);
        ok = buf && decode_svg_probe(path, buf, len, &ih.w, &ih.h);
        scratch_put(&scratch_file, buf);
    } else if (ok && ih.format == IMG_FMT_TIFF) { /* as libtiff reads it, turned as it says */
        return decode_tiff_probe(path, page > 0 ? page : 1, w, h, err, sizeof err);
    } else if (ok && (ih.format == IMG_FMT_HEIC || ih.format == IMG_FMT_AVIF)) { /* turned already */
        return decode_heif_probe(path, w, h, err, sizeof err);
    }
    if (!ok || ih.w <= 0 || ih.h <= 0)
        return false;
    bool turned = ih.orientation >= 5 && ih.orientation <= 8; /* EXIF: a quarter turn */
    *w = turned ? ih.h : ih.w;
    *h = turned ? ih.w : ih.h;
    return true;
}
