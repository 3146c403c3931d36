/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode_heif.c - HEIC and AVIF, read by libheif in the vitrine-heif worker
 * process (src/heif/vitrine-heif.c; docs/architecture.md, "Where decoders
 * run"). libheif turns the picture as the file says (irot, imir): no EXIF
 * orientation is applied here, or it would be turned twice. */
#include <stdio.h>
#include <stdlib.h>

#include "decode_internal.h"
#include "heif/heif_wire.h"

/* a 48-megapixel phone photo decodes to 192 MB, and libheif's own planes */
static const WorkerSpec heif_worker = {"vitrine-heif", "the HEIC reader", 1536, 20000};

bool decode_heif_probe(const char *path, int *w, int *h, char *err, size_t errn)
{
    Worker *wk = worker_thread(&heif_worker);
    WorkerRequest rq = {.op = HEIF_OP_INFO, .text = path, .file = path};
    WorkerReply rp;
    char why[256];
    if (!wk || !worker_call(wk, &rq, &rp, why, sizeof why)) {
        snprintf(err, errn, "HEIC cannot be read: %s", wk ? why : "cannot start the HEIC reader");
        return false;
    }
    free(rp.data);
    *w = rp.arg[0];
    *h = rp.arg[1];
    return imagehead_size_ok(*w, *h, err, errn);
}

SDL_Surface *decode_heif(const char *path, int page, int bw, int bh, FitMode fit, Color bg, char *err,
                         size_t errn)
{
    (void)page; /* the primary picture */
    int w, h, tw, th;
    if (!decode_heif_probe(path, &w, &h, err, errn))
        return NULL;
    decode_target_size(w, h, bw, bh, fit, &tw, &th);
    WorkerRequest rq = {.op = HEIF_OP_DECODE, .text = path, .file = path};
    rq.arg[0] = tw;
    rq.arg[1] = th;
    SDL_Surface *s = decode_by_worker(&heif_worker, &rq, "HEIC", err, errn);
    if (s)
        decode_flatten(s, bg);
    return s;
}
