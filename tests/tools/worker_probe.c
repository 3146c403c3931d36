/* SPDX-License-Identifier: GPL-3.0-or-later */
/* worker_probe - a worker (src/worker/wire.h) that misbehaves on request,
 * for tests/platform/test_worker.c:
 *   op 1: echo the text, and the data reversed
 *   op 2: crash (SIGSEGV)        op 3: never answer
 *   op 4: allocate and touch arg[0] MB (fails at the memory limit)
 *   op 5: refuse with the text as the reason
 *   op 6: answer with arg[0] bytes of data
 *   op 7: pass a memory file of arg[0] bytes (shared memory), the text
 *         written at its start; again, the same file with the text changed
 */
#define _GNU_SOURCE /* memfd_create */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "worker/wire.h"

static char said[256];

static void handle(const WireHead *req, const char *text, const void *data, WireReply *rep, void *ctx)
{
    (void)ctx;
    switch (req->op) {
    case 1: {
        unsigned char *out = malloc(req->data_len ? req->data_len : 1);
        for (uint64_t i = 0; i < req->data_len; i++)
            out[i] = ((const unsigned char *)data)[req->data_len - 1 - i];
        snprintf(said, sizeof said, "%s", text);
        rep->text = said;
        rep->data = out;
        rep->head.data_len = req->data_len;
        rep->free_data = free;
        rep->head.arg[0] = (int32_t)getpid();
        return;
    }
    case 2:
        raise(SIGSEGV);
        return;
    case 3:
        for (;;)
            pause();
    case 4: {
        size_t n = (size_t)req->arg[0] << 20;
        char *p = malloc(n);
        if (!p) {
            rep->head.op = WIRE_ERR_NOMEM;
            rep->text = "out of memory";
            return;
        }
        memset(p, 1, n);
        free(p);
        return;
    }
    case 5:
        rep->head.op = WIRE_ERR;
        snprintf(said, sizeof said, "%s", text);
        rep->text = said;
        return;
    case 6: {
        char *p = calloc(1, (size_t)req->arg[0]);
        rep->data = p;
        rep->head.data_len = (uint64_t)req->arg[0];
        rep->free_data = free;
        return;
    }
    case 7: {
        static int shm = -1;
        if (shm < 0) {
            shm = memfd_create("probe", MFD_CLOEXEC);
            if (shm < 0 || ftruncate(shm, req->arg[0]) != 0) {
                rep->head.op = WIRE_ERR;
                rep->text = "no memory file";
                return;
            }
        }
        char *p = mmap(NULL, (size_t)req->arg[0], PROT_READ | PROT_WRITE, MAP_SHARED, shm, 0);
        if (p == MAP_FAILED) {
            rep->head.op = WIRE_ERR;
            rep->text = "cannot map";
            return;
        }
        snprintf(p, (size_t)req->arg[0], "%s", text);
        munmap(p, (size_t)req->arg[0]);
        rep->send_fd = true;
        rep->fd = shm;
        return;
    }
    default:
        rep->head.op = WIRE_ERR_BADREQ;
    }
}

int main(int argc, char **argv)
{
    return wire_serve(argc, argv, handle, NULL);
}
