/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode_worker.c - pixels from a decoding worker process, straight into a
 * surface (see decode_internal.h). */
#include <stdio.h>

#include "decode_internal.h"

typedef struct {
    SDL_Surface *s;
    char why[160];
} Sink;

/* The reply's head says the size: refused when beyond the limits or when
 * its bytes are not exactly the rows, so a confused worker cannot make
 * vitrine allocate what it likes. */
static void *to_surface(void *ctx, const WireHead *head)
{
    Sink *k = ctx;
    int w = head->arg[0], h = head->arg[1];
    if (!imagehead_size_ok(w, h, k->why, sizeof k->why))
        return NULL;
    if (head->data_len != (uint64_t)w * (uint64_t)h * 4u) {
        snprintf(k->why, sizeof k->why, "the decoder answered %llu bytes for %dx%d pixels",
                 (unsigned long long)head->data_len, w, h);
        return NULL;
    }
    k->s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!k->s) {
        snprintf(k->why, sizeof k->why, "out of memory for %dx%d pixels", w, h);
        return NULL;
    }
    if (k->s->pitch != w * 4) { /* never for 32-bit pixels; the rows are packed */
        SDL_FreeSurface(k->s);
        k->s = NULL;
        return NULL;
    }
    return k->s->pixels;
}

SDL_Surface *decode_by_worker(const WorkerSpec *spec, WorkerRequest *rq, const char *what, char *err,
                              size_t errn)
{
    Worker *w = worker_thread(spec);
    if (!w) {
        snprintf(err, errn, "%s cannot be read: cannot start %s", what, spec->what);
        return NULL;
    }
    Sink k = {NULL, ""};
    rq->sink = to_surface;
    rq->sink_ctx = &k;
    rq->max_data = (uint64_t)IMAGE_MAX_PIXELS * 4u;
    WorkerReply rp;
    char why[256];
    if (!worker_call(w, rq, &rp, why, sizeof why)) {
        snprintf(err, errn, "%s cannot be read: %s", what, k.why[0] ? k.why : why);
        SDL_FreeSurface(k.s);
        return NULL;
    }
    if (!k.s) /* an answer without pixels */
        snprintf(err, errn, "%s cannot be read: %s gave no picture", what, spec->what);
    return k.s;
}
