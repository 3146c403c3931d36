/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode_internal.h - what decode.c shares with the decoders of formats that
 * run in worker processes (decode_svg.c, decode_tiff.c): one file per
 * format, decode.c keeps the table of them. Not for other modules. */
#ifndef VITRINE_PLATFORM_DECODE_INTERNAL_H
#define VITRINE_PLATFORM_DECODE_INTERNAL_H

#include "colour/icc.h"
#include "decode.h"
#include "platform/worker.h"

/* Composite onto bg where the image is not opaque (ARGB8888 in place). */
void decode_flatten(SDL_Surface *s, Color bg);

/* Turn s upright as EXIF orientation o (1..8) says; frees s. */
SDL_Surface *decode_upright(SDL_Surface *s, int o, char *err, size_t errn);

/* The same for a w x h image stored turned by EXIF orientation o: the
 * size to decode it at as stored, so that turned upright it fits the box. */
void decode_target_stored(int w, int h, int o, int bw, int bh, FitMode fit, int *tw, int *th);

/* One call to a decoding worker whose reply is arg[0] x arg[1] pixels of
 * ARGB8888 rows, not premultiplied: they arrive straight in a new surface
 * (the size checked against the limits first). NULL with the reason in err
 * ("<what> cannot be read: ..."). */
SDL_Surface *decode_by_worker(const WorkerSpec *spec, WorkerRequest *rq, const char *what, char *err,
                              size_t errn);

/* The colour profile the file embeds (hd from imagehead_parse of the whole
 * file) as a transform for `in` pixels, or NULL: none, damaged, or not for
 * these pixels (decode_icc.c). */
IccTransform *decode_icc_transform(const unsigned char *buf, size_t len, const ImageHead *hd, IccInput in);
/* Apply t (may be NULL: nothing to do) to s's ARGB8888 pixels. */
void decode_icc_apply(IccTransform *t, SDL_Surface *s);

/* ---- JPEG: the whole picture (decode.c), a zoom's region (decode_jpeg.c) ---- */

/* The smallest DCT scale num/denom (libjpeg's, as libturbojpeg lists them)
 * whose w x h result, dw x dh, still covers tw x th: decoding less is faster
 * and the area filter then has little left to do. 1/1 when none does. */
void decode_jpeg_scale(int w, int h, int tw, int th, int *num, int *denom, int *dw, int *dh);
/* s's CMYK bytes (as libjpeg gives a CMYK or YCCK JPEG's) -> ARGB8888 in
 * place, through the file's CMYK profile when it has one. */
void decode_jpeg_inks(SDL_Surface *s, const unsigned char *buf, size_t len, const ImageHead *hd);
/* The file's RGB profile (or sRGB) to the display's, on s's pixels. */
void decode_jpeg_profile(SDL_Surface *s, const unsigned char *buf, size_t len, const ImageHead *hd);
/* The region of the JPEG in buf (hd: its checked header) fitted into a
 * bw x bh box as it is seen (upright, FIT_CONTAIN): only the rows and
 * columns it lies in are decoded, at the DCT scale of that size, with the
 * same pixels as that crop of decode_image's whole (libjpeg's cropping and
 * skipping, and resample_area_part). region.w x region.h pixels, or NULL
 * with the reason in err. */
SDL_Surface *decode_jpeg_region(const unsigned char *buf, size_t len, const ImageHead *hd, int bw, int bh,
                                Rect region, char *err, size_t errn);

/* SVG (decode_svg.c): rendered by librsvg in vitrine-svg. */
SDL_Surface *decode_svg(const char *path, const unsigned char *buf, size_t len, const ImageHead *hd,
                        int bw, int bh, FitMode fit, Color bg, char *err, size_t errn);
bool decode_svg_probe(const char *path, const unsigned char *buf, size_t len, int *w, int *h);

/* TIFF (decode_tiff.c): read by libtiff in vitrine-tiff, which opens the
 * file itself (a TIFF master is read strip by strip, never whole here).
 * page: 1-based. */
SDL_Surface *decode_tiff(const char *path, int page, int bw, int bh, FitMode fit, Color bg, char *err,
                         size_t errn);
bool decode_tiff_probe(const char *path, int page, int *w, int *h, char *err, size_t errn);
/* The region (x, y, w, h) of the picture fitted into a bw x bh box, as it
 * is seen (turned upright): only the tiles or strips it lies in are read,
 * from the pyramid level that matches (TIFF_OP_REGION). */
SDL_Surface *decode_tiff_region(const char *path, int page, int bw, int bh, Rect region, Color bg, char *err,
                                size_t errn);

/* HEIC and AVIF (decode_heif.c): read by libheif in vitrine-heif, by path;
 * the primary picture (page is not used), turned as the file says. */
SDL_Surface *decode_heif(const char *path, int page, int bw, int bh, FitMode fit, Color bg, char *err,
                         size_t errn);
bool decode_heif_probe(const char *path, int *w, int *h, char *err, size_t errn);

#endif
