/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hotreload.c - see hotreload.h */
#include "hotreload.h"

#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/reload.h"
#include "watch.h"

struct HotReload {
    char *dir;                  /* owned */
    bool background;
    Watch *watch;
    ReloadPolicy policy;

    /* the watcher thread (background only) */
    SDL_Thread *watcher;
    int stop_pipe[2];           /* written to end the watcher */
    SDL_sem *drained;           /* posted by the main thread once it has read the changes */
    SDL_atomic_t wake_pending;  /* the watcher woke the main loop and waits for it */
    SDL_atomic_t stopping;
    Uint32 wake_event;          /* SDL user events: "changes to read", "a load finished" */
    Uint32 loaded_event;
    bool requested;             /* hotreload_request(): load without waiting for a change */

    /* the loader thread: one load at a time */
    SDL_Thread *loader;
    SDL_atomic_t load_done;
    Library *result;            /* written by the loader, read after load_done */
    DiagList result_diags;
};

/* ---- threads ------------------------------------------------------------------ */

static void push_event(Uint32 type)
{
    if (type == (Uint32)-1)
        return;
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    SDL_PushEvent(&e);
}

/* Sleep until inotify has something, wake the main loop, wait until it has
 * read it (else poll() would say "readable" again at once). */
static int watcher_main(void *arg)
{
    HotReload *h = arg;
    struct pollfd fds[2] = {{watch_fd(h->watch), POLLIN, 0}, {h->stop_pipe[0], POLLIN, 0}};
    while (!SDL_AtomicGet(&h->stopping)) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[1].revents)
            break;
        if (fds[0].revents & POLLIN) {
            SDL_AtomicSet(&h->wake_pending, 1);
            push_event(h->wake_event);
            SDL_SemWait(h->drained);
        }
    }
    return 0;
}

static int loader_main(void *arg)
{
    HotReload *h = arg;
    h->result = library_load_images(h->dir, MANIFEST_IMAGE_SNIFF, &h->result_diags);
    SDL_AtomicSet(&h->load_done, 1);
    if (h->background)
        push_event(h->loaded_event);
    return 0;
}

/* ---- life cycle ----------------------------------------------------------------- */

HotReload *hotreload_create(const char *dir, bool background)
{
    HotReload *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->stop_pipe[0] = h->stop_pipe[1] = -1;
    h->wake_event = h->loaded_event = (Uint32)-1;
    reload_init(&h->policy);
    h->dir = strdup(dir ? dir : ".");
    h->background = background;
    /* a lecturer's PDF (vitrine --lecture talk.pdf): its folder is watched,
     * for the PDF saved again and its .pdfpc notes beside it */
    struct stat st;
    char *parent = h->dir && stat(h->dir, &st) == 0 && S_ISREG(st.st_mode) ? strdup(h->dir) : NULL;
    char *slash = parent ? strrchr(parent, '/') : NULL;
    if (slash)
        slash[slash == parent] = '\0';
    h->watch = h->dir ? watch_create(parent ? (slash ? parent : ".") : h->dir) : NULL;
    free(parent);
    if (!h->watch) {
        hotreload_free(h);
        return NULL;
    }
    if (background) {
        Uint32 base = SDL_RegisterEvents(2);
        if (base != (Uint32)-1) {
            h->wake_event = base;
            h->loaded_event = base + 1;
        }
        h->drained = SDL_CreateSemaphore(0);
        if (pipe(h->stop_pipe) != 0 || !h->drained ||
            !(h->watcher = SDL_CreateThread(watcher_main, "vitrine-watch", h))) {
            SDL_Log("cannot start watching %s for changes: %s", h->dir, SDL_GetError());
            hotreload_free(h);
            return NULL;
        }
    }
    return h;
}

void hotreload_free(HotReload *h)
{
    if (!h)
        return;
    if (h->watcher) {
        SDL_AtomicSet(&h->stopping, 1);
        ssize_t ignored = write(h->stop_pipe[1], "x", 1);
        (void)ignored;
        SDL_SemPost(h->drained);
        SDL_WaitThread(h->watcher, NULL);
    }
    if (h->loader) {
        SDL_WaitThread(h->loader, NULL); /* a load cannot be cancelled; it is short */
        library_free(h->result);
        diag_clear(&h->result_diags);
    }
    for (int i = 0; i < 2; i++)
        if (h->stop_pipe[i] >= 0)
            close(h->stop_pipe[i]);
    if (h->drained)
        SDL_DestroySemaphore(h->drained);
    watch_free(h->watch);
    reload_free(&h->policy);
    free(h->dir);
    free(h);
}

/* ---- polling ------------------------------------------------------------------- */

uint64_t hotreload_next_deadline(const HotReload *h, uint64_t now)
{
    if (!h)
        return UINT64_MAX;
    uint64_t d = reload_next_deadline(&h->policy, now);
    if (watch_lost(h->watch) && d > HOTRELOAD_RETRY_MS)
        d = HOTRELOAD_RETRY_MS;
    return d;
}

/* The loader has finished: its library, for the caller. */
static Library *take_result(HotReload *h, DiagList *diags)
{
    SDL_WaitThread(h->loader, NULL);
    h->loader = NULL;
    SDL_AtomicSet(&h->load_done, 0);
    Library *lib = h->result;
    h->result = NULL;
    for (int i = 0; i < h->result_diags.n; i++) {
        const Diag *d = &h->result_diags.items[i];
        diag_add(diags, d->level, d->file, d->line, d->col, "%s", d->msg);
    }
    diag_clear(&h->result_diags);
    reload_end(&h->policy);
    return lib;
}

/* Begin a load on the loader thread. false when the thread cannot start
 * (logged; tried again later). */
static bool begin_load(HotReload *h, uint64_t now)
{
    h->requested = false;
    reload_begin(&h->policy);
    h->loader = SDL_CreateThread(loader_main, "vitrine-load", h);
    if (!h->loader) {
        SDL_Log("cannot start loading %s: %s", h->dir, SDL_GetError());
        reload_end(&h->policy);
        reload_note(&h->policy, RELOAD_CREATED, h->dir, now); /* try again later */
        return false;
    }
    return true;
}

Library *hotreload_poll(HotReload *h, uint64_t now, DiagList *diags)
{
    if (!h)
        return NULL;
    watch_drain(h->watch, &h->policy, now);
    if (SDL_AtomicCAS(&h->wake_pending, 1, 0))
        SDL_SemPost(h->drained);
    if (h->loader)
        return SDL_AtomicGet(&h->load_done) ? take_result(h, diags) : NULL;
    if (!h->requested && !reload_due(&h->policy, now))
        return NULL;
    if (!begin_load(h, now))
        return NULL;
    if (h->background)
        return NULL; /* its event wakes the main loop when it is done */
    return take_result(h, diags);
}

void hotreload_request(HotReload *h, uint64_t now)
{
    if (!h)
        return;
    h->requested = true;
    if (!h->loader)
        begin_load(h, now); /* now: the main loop may sleep until an event */
}

Library *hotreload_finish(HotReload *h, uint64_t now, DiagList *diags)
{
    if (!h || (!h->loader && !(h->requested && begin_load(h, now))))
        return NULL;
    return take_result(h, diags); /* waits for the loader thread */
}

int hotreload_loads(const HotReload *h)
{
    return h ? h->policy.loads : 0;
}
