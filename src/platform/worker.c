/* SPDX-License-Identifier: GPL-3.0-or-later */
/* worker.c - see worker.h */
#define _GNU_SOURCE /* posix_spawn_file_actions_addclosefrom_np */
#include "worker.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

struct Worker {
    WorkerSpec spec;
    pid_t pid;
    int fd;
};

/* ---- finding and starting the program --------------------------------------- */

bool worker_find_program(const char *program, char *out, size_t n)
{
    /* vitrine-pdf -> VITRINE_PDF_HELPER */
    char var[64] = "VITRINE_";
    const char *name = strncmp(program, "vitrine-", 8) == 0 ? program + 8 : program;
    size_t k = strlen(var);
    for (; *name && k < sizeof var - 8; name++)
        var[k++] = isalnum((unsigned char)*name) ? (char)toupper((unsigned char)*name) : '_';
    memcpy(var + k, "_HELPER", 8);
    const char *env = getenv(var);
    if (env && *env) {
        snprintf(out, n, "%s", env);
        return access(out, X_OK) == 0;
    }
    char exe[4096];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0)
        return false;
    exe[len] = '\0';
    char *slash = strrchr(exe, '/');
    for (int up = 0; slash && up < 2; up++) {
        *slash = '\0';
        int k2 = snprintf(out, n, "%s/%s", exe, program);
        if (k2 > 0 && (size_t)k2 < n && access(out, X_OK) == 0)
            return true;
        slash = strrchr(exe, '/');
    }
    return false;
}

static bool start(Worker *w, char *err, size_t errn)
{
    char path[4096];
    if (!worker_find_program(w->spec.program, path, sizeof path)) {
        snprintf(err, errn, "%s (%s) is not installed next to vitrine", w->spec.what, w->spec.program);
        return false;
    }
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        snprintf(err, errn, "cannot talk to %s: %s", w->spec.what, strerror(errno));
        return false;
    }
    char mb[24];
    snprintf(mb, sizeof mb, "%u", w->spec.mem_mb);
    char *argv[] = {path, "--serve", mb, NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, sv[1], WIRE_FD);
    posix_spawn_file_actions_adddup2(&fa, 2, 1); /* a library that prints cannot corrupt a reply */
    posix_spawn_file_actions_addclosefrom_np(&fa, WIRE_FD + 1);
    extern char **environ;
    pid_t pid;
    int e = posix_spawn(&pid, path, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(sv[1]);
    if (e != 0) {
        close(sv[0]);
        snprintf(err, errn, "cannot start %s: %s", w->spec.what, strerror(e));
        return false;
    }
    w->pid = pid;
    w->fd = sv[0];
    return true;
}

/* End the worker; its exit status, or -1. `kill_now` for one that overran
 * its deadline; otherwise it is given a moment to finish dying on its own
 * (its socket closed: a crash, or the end of a healthy one). */
static int stop(Worker *w, bool kill_now)
{
    if (w->fd >= 0)
        close(w->fd);
    w->fd = -1;
    if (w->pid <= 0)
        return -1;
    int status = -1;
    pid_t r = 0;
    for (int i = 0; !kill_now && i < 50 && (r = waitpid(w->pid, &status, WNOHANG)) == 0; i++)
        usleep(4000);
    if (r != w->pid) {
        kill(w->pid, SIGKILL);
        while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
            ;
    }
    w->pid = 0;
    return status;
}

Worker *worker_new(const WorkerSpec *spec)
{
    Worker *w = calloc(1, sizeof *w);
    if (w) {
        w->spec = *spec;
        w->fd = -1;
    }
    return w;
}

void worker_free(Worker *w)
{
    if (!w)
        return;
    stop(w, false);
    free(w);
}

int worker_pid(const Worker *w)
{
    return w ? (int)w->pid : 0;
}

/* ---- files that killed a worker ----------------------------------------------- */

#define CRASH_MEMORY 64
static struct Crash {
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    char program[32];
    char reason[200];
} crashes[CRASH_MEMORY];
static int n_crashes, next_crash;
static pthread_mutex_t crash_lock = PTHREAD_MUTEX_INITIALIZER;

static bool same_file(const struct Crash *c, const struct stat *st, const char *program)
{
    return c->dev == st->st_dev && c->ino == st->st_ino && c->size == st->st_size &&
           c->mtime.tv_sec == st->st_mtim.tv_sec && c->mtime.tv_nsec == st->st_mtim.tv_nsec &&
           strcmp(c->program, program) == 0;
}

static bool crashed_before(const char *file, const char *program, char *err, size_t errn)
{
    struct stat st;
    if (!file || stat(file, &st) != 0)
        return false;
    bool found = false;
    pthread_mutex_lock(&crash_lock);
    for (int i = 0; i < n_crashes && !found; i++)
        if (same_file(&crashes[i], &st, program)) {
            snprintf(err, errn, "%s (not tried again until the file changes)", crashes[i].reason);
            found = true;
        }
    pthread_mutex_unlock(&crash_lock);
    return found;
}

static void remember_crash(const char *file, const char *program, const char *reason)
{
    struct stat st;
    if (!file || stat(file, &st) != 0)
        return;
    pthread_mutex_lock(&crash_lock);
    struct Crash *c = &crashes[next_crash];
    next_crash = (next_crash + 1) % CRASH_MEMORY;
    if (n_crashes < CRASH_MEMORY)
        n_crashes++;
    *c = (struct Crash){st.st_dev, st.st_ino, st.st_size, st.st_mtim, "", ""};
    snprintf(c->program, sizeof c->program, "%s", program);
    snprintf(c->reason, sizeof c->reason, "%s", reason);
    pthread_mutex_unlock(&crash_lock);
}

/* ---- a call -------------------------------------------------------------------- */

/* The worker failed us: end it, say what happened, remember the file. */
static bool give_up(Worker *w, const WorkerRequest *rq, int64_t deadline, char *err, size_t errn)
{
    bool late = wire_now_ms() >= deadline;
    int status = stop(w, late);
    if (late)
        snprintf(err, errn, "%s took longer than %.1f s over it", w->spec.what,
                 w->spec.deadline_ms / 1000.0);
    else if (status != -1 && WIFSIGNALED(status))
        snprintf(err, errn, "it crashed %s (signal %d%s)", w->spec.what, WTERMSIG(status),
                 WTERMSIG(status) == SIGABRT || WTERMSIG(status) == SIGSEGV
                     ? ", perhaps at its memory limit"
                     : "");
    else
        snprintf(err, errn, "%s stopped answering", w->spec.what);
    remember_crash(rq->file, w->spec.program, err);
    return false;
}

static bool receive_rest(Worker *w, const WorkerRequest *rq, const WireHead *hd, WorkerReply *rp,
                         char *err, size_t errn, int64_t deadline);

bool worker_call(Worker *w, const WorkerRequest *rq, WorkerReply *rp, char *err, size_t errn)
{
    memset(rp, 0, sizeof *rp);
    rp->op = WIRE_ERR;
    rp->fd = -1;
    if (crashed_before(rq->file, w->spec.program, err, errn))
        return false;
    if (w->pid > 0 && waitpid(w->pid, NULL, WNOHANG) == w->pid) {
        w->pid = 0; /* died between calls: start a new one */
        stop(w, false);
    }
    if (w->pid <= 0 && !start(w, err, errn))
        return false;
    int64_t deadline = wire_now_ms() + w->spec.deadline_ms;
    WireHead h = {0};
    h.op = rq->op;
    memcpy(h.arg, rq->arg, sizeof h.arg);
    h.text_len = rq->text ? (uint32_t)strnlen(rq->text, WIRE_MAX_TEXT) : 0;
    h.data_len = rq->data ? rq->len : 0;
    if (!wire_send(w->fd, &h, rq->text, rq->data, deadline))
        return give_up(w, rq, deadline, err, errn);
    WireHead r;
    int passed = -1;
    if (!wire_recv_head(w->fd, &r, &passed, deadline) || r.magic != WIRE_MAGIC ||
        r.text_len > WIRE_MAX_TEXT) {
        if (passed >= 0)
            close(passed);
        return give_up(w, rq, deadline, err, errn);
    }
    bool ok = receive_rest(w, rq, &r, rp, err, errn, deadline);
    if (ok && r.op == WIRE_OK)
        rp->fd = passed;
    else if (passed >= 0)
        close(passed);
    return ok && r.op == WIRE_OK;
}

/* The reply's text and data after its head r. false when the worker
 * failed us; true when it answered (rp->op says how). */
static bool receive_rest(Worker *w, const WorkerRequest *rq, const WireHead *hd, WorkerReply *rp,
                         char *err, size_t errn, int64_t deadline)
{
    WireHead r = *hd;
    char text[1024];
    size_t keep = r.text_len < sizeof text - 1 ? r.text_len : sizeof text - 1;
    if (!wire_recv(w->fd, text, keep, deadline))
        return give_up(w, rq, deadline, err, errn);
    text[keep] = '\0';
    for (uint32_t left = r.text_len - (uint32_t)keep; left > 0;) {
        char sink[256];
        uint32_t k = left < sizeof sink ? left : (uint32_t)sizeof sink;
        if (!wire_recv(w->fd, sink, k, deadline))
            return give_up(w, rq, deadline, err, errn);
        left -= k;
    }
    void *buf = NULL;
    if (r.data_len > 0) {
        if (r.data_len > rq->max_data) {
            stop(w, true); /* the bytes are not worth reading past */
            snprintf(err, errn, "%s answered with more than was asked for", w->spec.what);
            return false;
        }
        buf = rq->sink ? rq->sink(rq->sink_ctx, &r) : malloc((size_t)r.data_len);
        if (!buf) {
            stop(w, true);
            snprintf(err, errn, "no memory for what %s made", w->spec.what);
            return false;
        }
        if (!wire_recv(w->fd, buf, (size_t)r.data_len, deadline)) {
            if (!rq->sink)
                free(buf);
            return give_up(w, rq, deadline, err, errn);
        }
    }
    rp->op = r.op;
    memcpy(rp->arg, r.arg, sizeof rp->arg);
    memcpy(rp->text, text, keep + 1);
    rp->len = (size_t)r.data_len;
    rp->data = rq->sink ? NULL : buf;
    if (r.op != WIRE_OK) {
        snprintf(err, errn, "%s", text[0] ? text : "it cannot be read");
        free(rp->data);
        rp->data = NULL;
    }
    return true;
}

/* ---- one worker per thread ------------------------------------------------------ */

#define THREAD_WORKERS 8
static _Thread_local struct {
    const WorkerSpec *spec;
    Worker *w;
} mine[THREAD_WORKERS];

/* A thread that ends without worker_release_thread() (a hot reload's
 * loader reading a deck) must not leave its workers running: a key's
 * destructor ends them when the thread exits. */
static pthread_key_t at_exit_key;
static pthread_once_t at_exit_once = PTHREAD_ONCE_INIT;
static bool at_exit_ok;

static void release_at_exit(void *unused)
{
    (void)unused;
    worker_release_thread();
}

static void make_at_exit_key(void)
{
    at_exit_ok = pthread_key_create(&at_exit_key, release_at_exit) == 0;
}

Worker *worker_thread(const WorkerSpec *spec)
{
    for (int i = 0; i < THREAD_WORKERS; i++)
        if (mine[i].spec == spec)
            return mine[i].w;
    pthread_once(&at_exit_once, make_at_exit_key);
    if (at_exit_ok)
        pthread_setspecific(at_exit_key, &at_exit_key); /* any non-NULL value */
    for (int i = 0; i < THREAD_WORKERS; i++)
        if (!mine[i].spec) {
            mine[i].w = worker_new(spec);
            mine[i].spec = mine[i].w ? spec : NULL;
            return mine[i].w;
        }
    return NULL;
}

void worker_release_thread(void)
{
    for (int i = 0; i < THREAD_WORKERS; i++) {
        worker_free(mine[i].w);
        mine[i].spec = NULL;
        mine[i].w = NULL;
    }
}
