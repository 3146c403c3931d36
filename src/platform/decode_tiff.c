/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode_tiff.c - TIFF, read by libtiff in the vitrine-tiff worker process
 * (src/tiff/vitrine-tiff.c; docs/architecture.md, "Where decoders run").
 * The worker opens the file itself and reads it a band at a time, so a
 * master of hundreds of megabytes is never read whole into vitrine; the
 * worker turns out the size shown and vitrine turns it upright as the
 * file's Orientation tag says (all eight, as a JPEG's EXIF). */
#include <stdio.h>
#include <stdlib.h>

#include "decode_internal.h"
#include "core/pixels.h"
#include "tiff/tiff_wire.h"

/* A band of 64 MB, the result and libtiff's own buffers: 1 GB leaves room.
 * 30 s: a flat 1-gigapixel master is read whole to be reduced. */
static const WorkerSpec tiff_worker = {"vitrine-tiff", "the TIFF reader", 1024, 30000};

typedef struct {
    int w, h, orientation, pages;
} TiffInfo;

static bool tiff_info(const char *path, int page, TiffInfo *ti, char *err, size_t errn)
{
    Worker *wk = worker_thread(&tiff_worker);
    WorkerRequest rq = {.op = TIFF_OP_INFO, .text = path, .file = path};
    rq.arg[0] = page;
    WorkerReply rp;
    char why[256];
    if (!wk || !worker_call(wk, &rq, &rp, why, sizeof why)) {
        snprintf(err, errn, "TIFF cannot be read: %s", wk ? why : "cannot start the TIFF reader");
        return false;
    }
    free(rp.data);
    *ti = (TiffInfo){rp.arg[0], rp.arg[1], rp.arg[2], rp.arg[3]};
    if (ti->w < 1 || ti->h < 1 || ti->w > TIFF_MAX_SIDE || ti->h > TIFF_MAX_SIDE) {
        snprintf(err, errn, "TIFF cannot be read: the reader gave a size of %dx%d", ti->w, ti->h);
        return false;
    }
    return true;
}

bool decode_tiff_probe(const char *path, int page, int *w, int *h, char *err, size_t errn)
{
    TiffInfo ti;
    if (!tiff_info(path, page, &ti, err, errn))
        return false;
    pixels_oriented_size(ti.w, ti.h, ti.orientation, w, h);
    return true;
}

SDL_Surface *decode_tiff(const char *path, int page, int bw, int bh, FitMode fit, Color bg, char *err,
                         size_t errn)
{
    TiffInfo ti;
    if (!tiff_info(path, page, &ti, err, errn))
        return NULL;
    /* the box is filled as the picture is seen, upright; it is read as
     * stored, so the target turns with it */
    int tw, th;
    decode_target_stored(ti.w, ti.h, ti.orientation, bw, bh, fit, &tw, &th);
    WorkerRequest rq = {.op = TIFF_OP_DECODE, .text = path, .file = path};
    rq.arg[0] = page;
    rq.arg[1] = tw;
    rq.arg[2] = th;
    SDL_Surface *s = decode_by_worker(&tiff_worker, &rq, "TIFF", err, errn);
    if (!s)
        return NULL;
    decode_flatten(s, bg);
    return decode_upright(s, ti.orientation, err, errn);
}

SDL_Surface *decode_tiff_region(const char *path, int page, int bw, int bh, Rect region, Color bg, char *err,
                                size_t errn)
{
    TiffInfo ti;
    if (!tiff_info(path, page, &ti, err, errn))
        return NULL;
    /* the picture fitted to the box as it is seen (upright), and as it is
     * stored, which is what the worker reads */
    int tw, th, uw, uh;
    decode_target_stored(ti.w, ti.h, ti.orientation, bw, bh, FIT_CONTAIN, &tw, &th);
    pixels_oriented_size(tw, th, ti.orientation, &uw, &uh);
    int x1 = SDL_min(region.x + region.w, uw), y1 = SDL_min(region.y + region.h, uh);
    if (region.x < 0 || region.y < 0 || x1 <= region.x || y1 <= region.y) {
        snprintf(err, errn, "the region %dx%d at %d,%d lies outside its %dx%d pixels", region.w, region.h,
                 region.x, region.y, uw, uh);
        return NULL;
    }
    int rx, ry, rw, rh;
    pixels_oriented_rect(tw, th, ti.orientation, region.x, region.y, x1 - region.x, y1 - region.y, &rx, &ry,
                         &rw, &rh);
    WorkerRequest rq = {.op = TIFF_OP_REGION, .text = path, .file = path};
    rq.arg[0] = page;
    rq.arg[1] = tw;
    rq.arg[2] = th;
    rq.arg[3] = rx;
    rq.arg[4] = ry;
    rq.arg[5] = rw;
    rq.arg[6] = rh;
    SDL_Surface *s = decode_by_worker(&tiff_worker, &rq, "TIFF", err, errn);
    if (!s)
        return NULL;
    decode_flatten(s, bg);
    return decode_upright(s, ti.orientation, err, errn);
}
