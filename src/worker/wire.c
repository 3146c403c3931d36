/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wire.c - see wire.h */
#define _GNU_SOURCE /* MSG_NOSIGNAL */
#include "wire.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define WIRE_MAX_REQUEST_DATA (1ull << 30) /* a request's bytes: a file, never more */

int64_t wire_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Move n bytes one way, waiting no later than the deadline. */
static bool move_all(int fd, void *p, size_t n, bool out, int64_t deadline)
{
    char *c = p;
    while (n > 0) {
        int wait = -1;
        if (deadline >= 0) {
            int64_t left = deadline - wire_now_ms();
            if (left <= 0)
                return false;
            wait = left > 1000000 ? 1000000 : (int)left;
        }
        struct pollfd pfd = {fd, out ? POLLOUT : POLLIN, 0};
        int r = poll(&pfd, 1, wait);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        ssize_t k = out ? send(fd, c, n, MSG_NOSIGNAL) : recv(fd, c, n, 0);
        if (k < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (k <= 0)
            return false;
        c += k;
        n -= (size_t)k;
    }
    return true;
}

bool wire_send(int fd, const WireHead *h, const void *text, const void *data, int64_t deadline)
{
    WireHead head = *h;
    head.magic = WIRE_MAGIC;
    if (!text)
        head.text_len = 0;
    if (!data)
        head.data_len = 0;
    if (head.text_len > WIRE_MAX_TEXT)
        head.text_len = WIRE_MAX_TEXT;
    return move_all(fd, &head, sizeof head, true, deadline) &&
           move_all(fd, (void *)text, head.text_len, true, deadline) &&
           move_all(fd, (void *)data, (size_t)head.data_len, true, deadline);
}

bool wire_recv(int fd, void *p, size_t n, int64_t deadline)
{
    return move_all(fd, p, n, false, deadline);
}

/* ---- the worker's side ---------------------------------------------------- */

static uint64_t mem_limit;

uint64_t wire_mem_limit(void)
{
    return mem_limit;
}

int wire_serve(int argc, char **argv, WireHandler handle, void *ctx)
{
    if (argc != 3 || strcmp(argv[1], "--serve") != 0) {
        fprintf(stderr, "%s is a worker of vitrine's and is started by it (%s --serve MEGABYTES)\n",
                argv[0], argv[0]);
        return 2;
    }
    char *end;
    unsigned long long mb = strtoull(argv[2], &end, 10);
    if (*end || mb > (1ull << 20))
        return 2;
    if (mb > 0) {
        /* The address space, not the resident size: a runaway allocation
         * fails here (malloc returns NULL, or the library aborts) instead
         * of pushing the kiosk's own memory out. */
        mem_limit = (uint64_t)mb << 20;
        struct rlimit rl = {mem_limit, mem_limit};
        if (setrlimit(RLIMIT_AS, &rl) != 0) {
            perror("setrlimit");
            return 1;
        }
    }
    for (;;) {
        WireHead req;
        if (!wire_recv(WIRE_FD, &req, sizeof req, -1))
            return 0; /* vitrine closed its end: done */
        if (req.magic != WIRE_MAGIC || req.text_len > WIRE_MAX_TEXT ||
            req.data_len > WIRE_MAX_REQUEST_DATA)
            return 1;
        char *text = malloc((size_t)req.text_len + 1);
        void *data = req.data_len ? malloc((size_t)req.data_len) : NULL;
        WireReply rep = {{0}, NULL, NULL, NULL};
        if (!text || (req.data_len && !data)) {
            free(text);
            free(data);
            /* unread bytes would be taken for the next request: drain them */
            char sink[4096];
            uint64_t left = req.text_len + req.data_len;
            while (left > 0) {
                size_t k = left < sizeof sink ? (size_t)left : sizeof sink;
                if (!wire_recv(WIRE_FD, sink, k, -1))
                    return 1;
                left -= k;
            }
            rep.head.op = WIRE_ERR_NOMEM;
            rep.text = "the worker ran out of memory for the request";
        } else {
            if (!wire_recv(WIRE_FD, text, req.text_len, -1) ||
                !wire_recv(WIRE_FD, data, (size_t)req.data_len, -1))
                return 1;
            text[req.text_len] = '\0';
            handle(&req, text, data, &rep, ctx);
            free(text);
            free(data);
        }
        rep.head.text_len = rep.text ? (uint32_t)strnlen(rep.text, WIRE_MAX_TEXT) : 0;
        if (!rep.data)
            rep.head.data_len = 0;
        bool ok = wire_send(WIRE_FD, &rep.head, rep.text, rep.data, -1);
        if (rep.free_data)
            rep.free_data((void *)rep.data);
        if (!ok)
            return 0;
    }
}
