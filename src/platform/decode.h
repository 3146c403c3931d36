/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode.h - image file -> pixels at the size they will be shown.
 *
 * Trusts nothing: the format is sniffed from the bytes (the name and the
 * manifest's earlier look do not count), dimensions are read from the header
 * and absurd ones refused before any large allocation, a JPEG's scans are
 * counted and a file cut short is refused (core/imagehead.h), and only the
 * one loader for the sniffed format is called. JPEGs are turned upright as
 * their EXIF orientation says; CMYK and YCCK JPEGs are converted to RGB.
 * A JPEG's whole is decoded by libturbojpeg, a region by libjpeg's API of
 * the same library (decode_jpeg.c), to the same pixels.
 *
 * Thread-safe: no state outside the call (a libturbojpeg handle per call),
 * so worker threads may decode at the same time.
 */
#ifndef VITRINE_PLATFORM_DECODE_H
#define VITRINE_PLATFORM_DECODE_H

#include <SDL.h>
#include <stdbool.h>

#include "core/geom.h"
#include "core/imagehead.h"
#include "core/scene.h"

/* The limits, documented in docs/manifest.md (core/imagehead.h). */
#define DECODE_MAX_SIDE IMAGE_MAX_SIDE       /* pixels on either side */
#define DECODE_MAX_PIXELS IMAGE_MAX_PIXELS   /* 200 megapixels */
#define DECODE_MAX_FILE IMAGE_MAX_FILE

/* Decode `path` so that it fits (FIT_CONTAIN) or covers (FIT_COVER) a
 * box_w x box_h box (as the image is seen: upright, after its EXIF
 * orientation), never larger than that needs: large images are scaled
 * down with area averaging, small ones are returned at their own size (the
 * GPU scales them up). Transparency is flattened onto `bg`. Returns an
 * ARGB8888 surface owned by the caller, or NULL with a reason in err. */
SDL_Surface *decode_image(const char *path, int box_w, int box_h, FitMode fit, Color bg,
                          char *err, size_t errn);

/* What to decode, in full: decode_image() is this with page 1 and no
 * region. Format-neutral, so a later deep zoom (pyramidal TIFF) asks the
 * same way a PDF's vector zoom does. */
typedef struct {
    const char *path;
    int page;        /* 1-based page of a document (PDF, TIFF); 0 or 1: the first */
    int box_w, box_h;
    FitMode fit;
    Color bg;
    /* w > 0: only this region of the picture as fitted to the box (the
     * box may then be far larger than a screen: a zoomed page). The
     * result is region.w x region.h pixels. */
    Rect region;
    /* A quick, small first look (textures.h: shown until the full copy
     * arrives): a JPEG DCT-scaled to about a quarter of the box (1/8 of a
     * 4K file's pixels a side), through the same orientation and colour
     * steps as the full copy. Other formats have no path cheaper than
     * their full decode, and a JPEG whose full copy is that cheap already
     * needs none: NULL then, with the reason in err. */
    bool preview;
} DecodeRequest;

/* The size an iw x ih image (upright) is decoded at for a bw x bh box:
 * inside it, or covering it; never larger than the image. A preview is
 * drawn over the rectangle this size would take, so it does not move when
 * the full copy replaces it. */
void decode_target_size(int iw, int ih, int bw, int bh, FitMode fit, int *tw, int *th);

/* decode_image() for any request. A PDF's page is drawn by the vitrine-pdf
 * worker (decode_pdf.h) at the box's size, up or down (a page has no pixels
 * of its own); images are decoded as decode_image() says and cropped to the
 * region. A page other than the first of a format without pages, or past
 * a document's last, is refused. */
SDL_Surface *decode_request(const DecodeRequest *rq, char *err, size_t errn);

/* Whether a region of a picture of format f is read by itself, without
 * the rest (a PDF page's part drawn at any scale, a TIFF's tiles or strips
 * from its pyramid level, a JPEG's rows and columns at the DCT scale of
 * the zoom): a zoom far past the screen then asks for what is in view
 * only (textures.c). Other formats are decoded whole and cropped. */
bool decode_by_region(ImageFormat f);

/* Whether a zoom into a large picture of format f reads only its view even
 * when its whole own pixels would fit the zoom budget (textures.c says how
 * large): a JPEG's view comes in a fraction of its whole decode, and the
 * whole's tiles (80 MB for 20 MP) are never made. A TIFF or PDF within the
 * budget is read whole once and panned for free. */
bool decode_zoom_by_view(ImageFormat f);

/* A decoding thread is done: give back the buffers it kept for the next
 * picture (decode_image keeps one file's bytes and one picture's pixels a
 * thread, for speed). */
void decode_release_scratch(void);

/* Pictures are converted to this ICC profile (the `display_profile`
 * setting) instead of sRGB, here and in the decoding workers; NULL: sRGB.
 * Call before any picture is decoded. A file that cannot be used is said
 * on stderr and sRGB kept. */
void decode_use_display_profile(const char *path);

/* The image's own size in pixels from its header (an SVG: its declared
 * size; a TIFF: its page `page`, 1-based, 0 the first), without decoding
 * it. false when it cannot be read (and for a PDF, whose pages have no
 * pixels of their own). */
bool decode_probe(const char *path, int page, int *w, int *h);

#endif
