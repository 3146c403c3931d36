/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode_pdf.c - see decode_pdf.h */
#include "decode_pdf.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pdf/pdf_wire.h"
#include "platform/worker.h"

static const WorkerSpec pdf_spec = {
    .program = "vitrine-pdf",
    .what = "the PDF reader",
    .mem_mb = PDF_WORKER_MEM_MB,
    .deadline_ms = PDF_WORKER_DEADLINE_MS,
};

bool pdf_sniff_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char head[5];
    bool ok = read(fd, head, sizeof head) == (ssize_t)sizeof head && memcmp(head, "%PDF-", 5) == 0;
    close(fd);
    return ok;
}

/* One PDF reader for the whole program, whichever thread asks (the
 * decoding threads of each window, the loader counting a deck's pages):
 * each vitrine-pdf holds poppler, cairo and its fonts and a page's pixels,
 * and one per thread (two or three in a lecture) made vitrine's PDF memory
 * 155 MB against Impressive's 238 (issue 11's goal: half). A call waits
 * for the one in progress, a page (tens of ms at 1080p); textures.c starts
 * no prefetch while a page wanted on screen is being decoded, so a page
 * asked for waits for one prefetch at most. Held from the first call to
 * the end of the program (pdf_reader_end()). */
static pthread_mutex_t pdf_lock = PTHREAD_MUTEX_INITIALIZER;
static Worker *pdf_shared;

/* The reader, locked: pdf_worker_done() after the call. NULL (unlocked)
 * with the reason in err. */
static Worker *pdf_worker(char *err, size_t errn)
{
    pthread_mutex_lock(&pdf_lock);
    if (!pdf_shared)
        pdf_shared = worker_new(&pdf_spec);
    if (!pdf_shared) {
        pthread_mutex_unlock(&pdf_lock);
        snprintf(err, errn, "cannot start the PDF reader");
    }
    return pdf_shared;
}

static void pdf_worker_done(void)
{
    pthread_mutex_unlock(&pdf_lock);
}

void pdf_reader_end(void)
{
    pthread_mutex_lock(&pdf_lock);
    worker_free(pdf_shared);
    pdf_shared = NULL;
    pthread_mutex_unlock(&pdf_lock);
}

void pdf_info_free(PdfInfo *info)
{
    if (!info)
        return;
    free(info->title);
    free(info->w);
    free(info->h);
    for (int i = 0; info->labels && i < info->pages; i++)
        free(info->labels[i]);
    free(info->labels);
    memset(info, 0, sizeof *info);
}

bool pdf_info(const char *path, PdfInfo *out, bool *encrypted, char *err, size_t errn)
{
    memset(out, 0, sizeof *out);
    if (encrypted)
        *encrypted = false;
    Worker *w = pdf_worker(err, errn);
    if (!w)
        return false;
    WorkerRequest rq = {.op = PDF_OP_INFO, .text = path, .file = path, .max_data = 64u << 20};
    WorkerReply rp;
    bool called = worker_call(w, &rq, &rp, err, errn);
    pdf_worker_done();
    if (!called) {
        if (encrypted && rp.op == WIRE_ERR && rp.arg[0] == PDF_ERR_ENCRYPTED)
            *encrypted = true;
        free(rp.data);
        return false;
    }
    int n = rp.arg[0];
    const char *d = rp.data, *end = d + rp.len;
    bool ok = n >= 1 && n <= PDF_MAX_PAGES && rp.len >= (size_t)n * 8;
    if (ok) {
        out->pages = n;
        out->labelled = rp.arg[1] != 0;
        out->title = strdup(rp.text);
        out->w = malloc(sizeof *out->w * (size_t)n);
        out->h = malloc(sizeof *out->h * (size_t)n);
        out->labels = calloc((size_t)n, sizeof *out->labels);
        ok = out->title && out->w && out->h && out->labels;
    }
    const char *l = d + (size_t)n * 8;
    for (int i = 0; ok && i < n; i++) {
        int32_t wh[2];
        memcpy(wh, d + (size_t)i * 8, 8);
        out->w[i] = wh[0] / 100.0f;
        out->h[i] = wh[1] / 100.0f;
        const char *z = l < end ? memchr(l, '\0', (size_t)(end - l)) : NULL;
        ok = z && (out->labels[i] = strdup(l)) != NULL;
        l = z ? z + 1 : end;
    }
    free(rp.data);
    if (!ok) {
        pdf_info_free(out);
        snprintf(err, errn, "the PDF reader gave an answer that makes no sense");
    }
    return ok;
}

bool pdf_deck_reader(const char *path, DeckInfo *out, char *err, size_t errn)
{
    memset(out, 0, sizeof *out);
    PdfInfo in;
    if (!pdf_info(path, &in, NULL, err, errn))
        return false;
    out->pages = in.pages;
    out->title = in.title;
    in.title = NULL;
    if (in.labelled) {
        out->labels = in.labels;
        in.labels = NULL;
    }
    pdf_info_free(&in);
    return true;
}

/* The reply's pixels go straight into a surface of the size it announces. */
typedef struct {
    SDL_Surface *s;
} Sink;

static void *into_surface(void *ctx, const WireHead *h)
{
    Sink *k = ctx;
    int w = h->arg[0], hh = h->arg[1];
    if (w < 1 || hh < 1 || w > PDF_MAX_SIDE || hh > PDF_MAX_SIDE ||
        h->data_len != (uint64_t)w * (uint64_t)hh * 4)
        return NULL;
    k->s = SDL_CreateRGBSurfaceWithFormat(0, w, hh, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!k->s || k->s->pitch != w * 4) {
        SDL_FreeSurface(k->s);
        k->s = NULL;
        return NULL;
    }
    return k->s->pixels;
}

SDL_Surface *pdf_render(const char *path, int page, int bw, int bh, FitMode fit, Rect region,
                        int *full_w, int *full_h, char *err, size_t errn)
{
    Worker *w = pdf_worker(err, errn);
    if (!w)
        return NULL;
    Sink sink = {NULL};
    WorkerRequest rq = {
        .op = PDF_OP_RENDER,
        .arg = {page, bw, bh, fit == FIT_COVER, region.x, region.y, region.w, region.h},
        .text = path,
        .file = path,
        .sink = into_surface,
        .sink_ctx = &sink,
        .max_data = (uint64_t)PDF_MAX_PIXELS * 4,
    };
    WorkerReply rp;
    bool called = worker_call(w, &rq, &rp, err, errn);
    pdf_worker_done();
    if (!called) {
        SDL_FreeSurface(sink.s);
        return NULL;
    }
    if (full_w)
        *full_w = rp.arg[2];
    if (full_h)
        *full_h = rp.arg[3];
    return sink.s;
}
