/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wire.h - the messages between vitrine and its worker processes.
 *
 * Decoders of complex, untrusted files (PDF, TIFF, HEIC, SVG, video) run in
 * persistent worker processes (docs/architecture.md, "Where decoders run"):
 * a crash, a hang or a runaway allocation there costs one picture, never
 * the kiosk. This is the one protocol they all speak, over a socket pair
 * that the worker sees as file descriptor 3 (its stdout goes to stderr, so
 * a library that prints cannot corrupt a reply).
 *
 * A message is a fixed head, then head.text_len bytes of UTF-8 text (a
 * path, an error message, metadata), then head.data_len bytes (a file's
 * bytes, pixels). Requests and replies have the same shape: in a request
 * `op` says what to do; in a reply `op` is WIRE_OK or an error (WIRE_ERR_*)
 * whose words are the text. What the numbers in `arg` mean is each
 * worker's own business (its header says).
 *
 * Both sides compile this file; it uses POSIX only, no SDL, so a worker
 * links nothing of vitrine but this.
 */
#ifndef VITRINE_WORKER_WIRE_H
#define VITRINE_WORKER_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WIRE_MAGIC 0x76747231u      /* "vtr1" */
#define WIRE_FD 3                   /* the worker's end of the socket pair */
#define WIRE_MAX_TEXT (64u << 10)   /* a path or a message, never more */
#define WIRE_ARGS 8

enum {
    WIRE_OK = 0,
    WIRE_ERR = 1,        /* the file cannot be read: text says why */
    WIRE_ERR_NOMEM = 2,  /* the worker's memory limit was reached */
    WIRE_ERR_BADREQ = 3, /* a request the worker does not understand */
};

typedef struct {
    uint32_t magic;
    int32_t op;
    int32_t arg[WIRE_ARGS];
    uint32_t text_len;
    uint32_t pad;
    uint64_t data_len;
} WireHead;

/* Milliseconds on a monotonic clock: the deadlines below. */
int64_t wire_now_ms(void);

/* Send a whole message; deadline is a wire_now_ms() time, or < 0 for none.
 * Never raises SIGPIPE. false when the other side is gone or too slow. */
bool wire_send(int fd, const WireHead *h, const void *text, const void *data, int64_t deadline);

/* Receive n bytes (a head, its text, its data) before the deadline. */
bool wire_recv(int fd, void *p, size_t n, int64_t deadline);

/* Shared memory, for what is too big or too frequent to copy through the
 * socket (a film's frames: 8 MB each at 1080p, 30 times a second). A
 * worker makes a memory file (memfd) once and passes its descriptor with
 * one message (SCM_RIGHTS, riding on the message's head); both sides map
 * it, the worker writes into it, and what is in it is each worker's own
 * business (its header says), as `arg` is.
 *
 * wire_send_fd is wire_send with `pass` (a descriptor, or -1 for none)
 * passed along; wire_recv_head receives a head and the descriptor that came
 * with it into *pass (-1 when none, else a new close-on-exec descriptor the
 * caller owns). wire_recv_head also reads a head sent without one. */
bool wire_send_fd(int fd, const WireHead *h, const void *text, const void *data, int pass,
                  int64_t deadline);
bool wire_recv_head(int fd, WireHead *h, int *pass, int64_t deadline);

/* A worker's main loop. Call it first thing in main(): it applies the
 * memory limit the parent gave (argv: PROGRAM --serve MEGABYTES), then
 * reads requests from WIRE_FD and answers each through `handle` until the
 * parent closes its end. Returns the exit status for main.
 *
 * handle() fills the reply head's op and arg, may point *text at a
 * message and *data at data_len bytes; if *free_data is set it is called on
 * *data once the reply is sent. The request's text is NUL-terminated.
 * A reply may carry a descriptor (send_fd, fd: see wire_send_fd). */
typedef struct {
    WireHead head;
    const char *text;
    const void *data;
    void (*free_data)(void *);
    /* A descriptor passed with the reply (wire_send_fd) when send_fd is
     * set; it stays the worker's (not closed once sent). */
    bool send_fd;
    int fd;
} WireReply;
typedef void (*WireHandler)(const WireHead *req, const char *text, const void *data,
                            WireReply *reply, void *ctx);
int wire_serve(int argc, char **argv, WireHandler handle, void *ctx);

/* The worker's memory limit in bytes (0: none), as wire_serve set it. */
uint64_t wire_mem_limit(void);

#endif
