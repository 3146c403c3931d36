/* SPDX-License-Identifier: GPL-3.0-or-later */
/* worker.h - a persistent worker process for a decoder of untrusted files.
 *
 * The rule (docs/architecture.md, "Where decoders run"): libturbojpeg,
 * libpng and libwebp decode in vitrine's own threads; decoders of complex
 * formats (PDF, TIFF, HEIC, SVG, video) run in a worker process, a program
 * of their own (vitrine-pdf, vitrine-svg, ...) that speaks src/worker/wire.h.
 * This is vitrine's end of it:
 *
 *   - the worker is started on the first call and kept for the next ones
 *     (a PDF stays open between its pages), a fresh program (posix_spawn,
 *     never a fork of vitrine's threads, which could inherit a held lock);
 *   - it runs under a memory limit (RLIMIT_AS) and every call has a
 *     deadline: a worker that overruns it is killed, one that dies is
 *     started again at the next call;
 *   - a file that killed its worker (a crash, the deadline) is remembered
 *     and refused with the same words until it changes (size, time, inode),
 *     so one bad file does not cost a restart at every look.
 *
 * A Worker is used by one thread at a time; worker_thread() gives each
 * decoding thread its own. Plain POSIX: no SDL here.
 */
#ifndef VITRINE_PLATFORM_WORKER_H
#define VITRINE_PLATFORM_WORKER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "worker/wire.h"

typedef struct {
    const char *program;  /* "vitrine-pdf": $VITRINE_PDF_HELPER, else next to vitrine */
    const char *what;     /* "the PDF reader": how messages name it */
    unsigned mem_mb;      /* its address-space limit; 0: none */
    unsigned deadline_ms; /* for each call */
} WorkerSpec;

typedef struct Worker Worker;

Worker *worker_new(const WorkerSpec *spec);
void worker_free(Worker *w);

/* This thread's worker for `spec` (kept by the spec's address), made on
 * first use; worker_release_thread() ends this thread's workers, and so
 * does the thread's exit. */
Worker *worker_thread(const WorkerSpec *spec);
void worker_release_thread(void);

typedef struct {
    int32_t op;
    int32_t arg[WIRE_ARGS];
    const char *text;  /* a path, usually */
    const void *data;  /* bytes to send, len of them */
    size_t len;
    const char *file;  /* the untrusted file this call reads, if any */
    /* Where the reply's bytes go: NULL, a malloc'd reply->data; else
     * sink(ctx, head) returns head->data_len bytes to fill, or NULL to
     * refuse them (the call then fails). */
    void *(*sink)(void *ctx, const WireHead *head);
    void *sink_ctx;
    uint64_t max_data; /* a reply with more bytes than this is refused */
} WorkerRequest;

typedef struct {
    int32_t op; /* WIRE_OK or the worker's error */
    int32_t arg[WIRE_ARGS];
    char text[1024];
    void *data; /* malloc'd when there was no sink: the caller frees */
    size_t len;
    int fd; /* a descriptor the worker passed (shared memory), else -1: the caller closes it */
} WorkerReply;

/* One request, one reply. true when the worker answered WIRE_OK; false
 * with the reason in err otherwise: the worker's own words for a file it
 * could not read, or what happened to the worker (could not start, took
 * longer than the deadline, crashed, refused as before). */
bool worker_call(Worker *w, const WorkerRequest *rq, WorkerReply *rp, char *err, size_t errn);

/* The worker's process id, 0 when none is running (for tests). */
int worker_pid(const Worker *w);

/* Find a helper program: $VITRINE_<NAME>_HELPER (vitrine-pdf: VITRINE_PDF_HELPER),
 * else next to this program or one folder up (the test programs in build/tests). */
bool worker_find_program(const char *program, char *out, size_t n);

#endif
