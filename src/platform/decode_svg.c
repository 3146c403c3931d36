/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode_svg.c - SVG, drawn by librsvg in the vitrine-svg worker process
 * (src/svg/vitrine-svg.c; docs/architecture.md, "Where decoders run").
 *
 * Never rasterised at the size the file claims to have: a 100-byte SVG
 * saying width="100000" would ask for 40 GB. The worker draws it at the
 * size it is shown (contained in or covering the box), checked against the
 * limits before any pixel is allocated, on both sides of the socket. */
#include <stdio.h>
#include <stdlib.h>

#include "decode_internal.h"
#include "svg/svg_wire.h"

/* librsvg with its filters and fonts needs a few hundred MB on a 4K
 * drawing; a drawing that wants more than this is not worth the kiosk's
 * memory. 30 s: the zoom asks for a drawing at 4 times the screen (33
 * megapixels from a 1080p screen), which takes librsvg 4 s of CPU on a
 * plain drawing, and far longer on a busy machine; the screen-size copy is
 * shown meanwhile. nanosvg drew less (no filters, no text) and faster. */
static const WorkerSpec svg_worker = {"vitrine-svg", "the SVG renderer", 1536, 30000};

SDL_Surface *decode_svg(const char *path, const unsigned char *buf, size_t len, const ImageHead *hd,
                        int bw, int bh, FitMode fit, Color bg, char *err, size_t errn)
{
    (void)hd;
    WorkerRequest rq = {.op = SVG_OP_RENDER, .data = buf, .len = len, .file = path};
    rq.arg[0] = bw;
    rq.arg[1] = bh;
    rq.arg[2] = fit == FIT_COVER ? SVG_FIT_COVER : SVG_FIT_CONTAIN;
    SDL_Surface *s = decode_by_worker(&svg_worker, &rq, "SVG", err, errn);
    if (s)
        decode_flatten(s, bg);
    return s;
}

bool decode_svg_probe(const char *path, const unsigned char *buf, size_t len, int *w, int *h)
{
    Worker *wk = worker_thread(&svg_worker);
    WorkerRequest rq = {.op = SVG_OP_SIZE, .data = buf, .len = len, .file = path};
    WorkerReply rp;
    char err[256];
    if (!wk || !worker_call(wk, &rq, &rp, err, sizeof err))
        return false;
    free(rp.data);
    *w = rp.arg[0];
    *h = rp.arg[1];
    return *w > 0 && *h > 0;
}
