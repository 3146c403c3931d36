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

/* Wait until fd can move bytes one way, no later than the deadline. */
static bool wait_ready(int fd, bool out, int64_t deadline)
{
    for (;;) {
        int wait = -1;
        if (deadline >= 0) {
            int64_t left = deadline - wire_now_ms();
            if (left <= 0)
                return false;
            wait = left > 1000000 ? 1000000 : (int)left;
        }
        struct pollfd pfd = {fd, out ? POLLOUT : POLLIN, 0};
        int r = poll(&pfd, 1, wait);
        if (r > 0)
            return true;
        if (r < 0 && errno != EINTR)
            return false;
    }
}

/* Move n bytes one way, waiting no later than the deadline. */
static bool move_all(int fd, void *p, size_t n, bool out, int64_t deadline)
{
    char *c = p;
    while (n > 0) {
        if (!wait_ready(fd, out, deadline))
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

bool wire_send_fd(int fd, const WireHead *h, const void *text, const void *data, int pass,
                  int64_t deadline)
{
    if (pass < 0)
        return wire_send(fd, h, text, data, deadline);
    WireHead head = *h;
    head.magic = WIRE_MAGIC;
    if (!text)
        head.text_len = 0;
    if (!data)
        head.data_len = 0;
    if (head.text_len > WIRE_MAX_TEXT)
        head.text_len = WIRE_MAX_TEXT;
    /* The descriptor rides on the head's first bytes: the kernel gives it
     * to whichever recvmsg reads them, so the rest may follow as usual. */
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct iovec iov = {&head, sizeof head};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                         .msg_controllen = sizeof ctl.buf};
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &pass, sizeof pass);
    ssize_t k;
    do {
        if (!wait_ready(fd, true, deadline))
            return false;
        k = sendmsg(fd, &msg, MSG_NOSIGNAL);
    } while (k < 0 && (errno == EINTR || errno == EAGAIN));
    if (k <= 0)
        return false;
    return move_all(fd, (char *)&head + k, sizeof head - (size_t)k, true, deadline) &&
           move_all(fd, (void *)text, head.text_len, true, deadline) &&
           move_all(fd, (void *)data, (size_t)head.data_len, true, deadline);
}

bool wire_recv_head(int fd, WireHead *h, int *pass, int64_t deadline)
{
    *pass = -1;
    char *c = (char *)h;
    size_t n = sizeof *h;
    while (n > 0) {
        if (!wait_ready(fd, false, deadline))
            goto fail;
        union {
            char buf[CMSG_SPACE(sizeof(int))];
            struct cmsghdr align;
        } ctl;
        struct iovec iov = {c, n};
        struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                             .msg_controllen = sizeof ctl.buf};
        ssize_t k = recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
        if (k < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (k <= 0)
            goto fail;
        for (struct cmsghdr *m = CMSG_FIRSTHDR(&msg); m; m = CMSG_NXTHDR(&msg, m))
            if (m->cmsg_level == SOL_SOCKET && m->cmsg_type == SCM_RIGHTS &&
                m->cmsg_len >= CMSG_LEN(sizeof(int))) {
                int got;
                memcpy(&got, CMSG_DATA(m), sizeof got);
                if (*pass >= 0)
                    close(got); /* one per message: a second is not ours to keep */
                else
                    *pass = got;
            }
        c += k;
        n -= (size_t)k;
    }
    return true;
fail:
    if (*pass >= 0)
        close(*pass);
    *pass = -1;
    return false;
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
        WireReply rep = {.head = {0}, .fd = -1};
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
        bool ok = wire_send_fd(WIRE_FD, &rep.head, rep.text, rep.data, rep.send_fd ? rep.fd : -1, -1);
        if (rep.free_data)
            rep.free_data((void *)rep.data);
        if (!ok)
            return 0;
    }
}
