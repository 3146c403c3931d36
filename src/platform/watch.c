/* SPDX-License-Identifier: GPL-3.0-or-later */
/* watch.c - see watch.h */
#define _GNU_SOURCE /* F_SETLEASE */
#include "watch.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fsutil.h"
#include "core/manifest.h"

/* What a change to content looks like; IN_ATTRIB (rsync setting times
 * after the rename) changes nothing a visitor sees. */
#define WATCH_MASK (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_MODIFY | \
                    IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)

typedef struct {
    int wd;
    char *path;        /* owned */
    int depth;         /* 0 = the root */
    dev_t dev;         /* which folder this is, to notice it was moved away */
    ino_t ino;
} Dir;

struct Watch {
    int fd;
    char *root;        /* owned */
    Dir *dirs;         /* owned */
    int n, cap;
    bool lost;         /* the root is not watched (moved, deleted, not there yet) */
    bool full_logged;  /* "too many folders" said once */
};

/* ---- the table of watched folders ---------------------------------------- */

static Dir *find_wd(Watch *w, int wd)
{
    for (int i = 0; i < w->n; i++)
        if (w->dirs[i].wd == wd)
            return &w->dirs[i];
    return NULL;
}

static void drop_dir(Watch *w, Dir *d, bool rm)
{
    if (rm)
        inotify_rm_watch(w->fd, d->wd);
    free(d->path);
    *d = w->dirs[--w->n];
}

/* A file found in a folder that has just appeared: its first writes may
 * have happened before the folder was watched, so ask the kernel whether
 * someone still has it open for writing (a read lease is refused then). If
 * we may not ask (not the file's owner), it counts as complete. */
static void found_file(const char *path, ReloadPolicy *p, uint64_t now)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    bool writing = false;
    if (fd >= 0) {
        if (fcntl(fd, F_SETLEASE, F_RDLCK) == 0)
            fcntl(fd, F_SETLEASE, F_UNLCK);
        else
            writing = errno == EAGAIN;
        close(fd);
    }
    reload_note(p, writing ? RELOAD_WRITING : RELOAD_WRITTEN, path, now);
}

/* Watch path and the folders under it. p: the folder has just appeared
 * (created or moved in), and the files it holds already go to p; NULL at
 * start and on a rescan. */
static void add_tree(Watch *w, const char *path, int depth, ReloadPolicy *p, uint64_t now)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return; /* files, and what vanished meanwhile */
    if (w->n >= WATCH_MAX_DIRS) {
        if (!w->full_logged)
            fprintf(stderr, "vitrine: more than %d folders under %s: the rest are not watched for changes\n",
                    WATCH_MAX_DIRS, w->root);
        w->full_logged = true;
        return;
    }
    int wd = inotify_add_watch(w->fd, path, WATCH_MASK);
    if (wd < 0) {
        if (!w->full_logged)
            fprintf(stderr, "vitrine: cannot watch %s for changes: %s%s\n", path, strerror(errno),
                    errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : "");
        w->full_logged = errno == ENOSPC;
        return;
    }
    Dir *d = find_wd(w, wd); /* the same folder seen again (moved in, rescanned) */
    if (!d) {
        if (w->n == w->cap) {
            int cap = w->cap ? w->cap * 2 : 32;
            Dir *nd = realloc(w->dirs, (size_t)cap * sizeof *nd);
            if (!nd) {
                inotify_rm_watch(w->fd, wd);
                return;
            }
            w->dirs = nd;
            w->cap = cap;
        }
        d = &w->dirs[w->n++];
        d->path = NULL;
    }
    char *copy = strdup(path);
    if (!copy) {
        drop_dir(w, d, true);
        return;
    }
    free(d->path);
    *d = (Dir){wd, copy, depth, st.st_dev, st.st_ino};
    if (depth >= WATCH_MAX_DEPTH)
        return;
    int n = 0;
    char **names = fs_list(path, &n);
    for (int i = 0; names && i < n; i++) {
        if (names[i][0] == '.')
            continue; /* ".git", temporary folders */
        char *sub = fs_path_join(path, names[i]);
        struct stat fst;
        if (sub && p && stat(sub, &fst) == 0 && S_ISREG(fst.st_mode))
            found_file(sub, p, now);
        else if (sub)
            add_tree(w, sub, depth + 1, p, now);
        free(sub);
    }
    fs_list_free(names, n);
}

/* ---- life cycle -------------------------------------------------------------- */

Watch *watch_create(const char *root)
{
    Watch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    w->root = strdup(root ? root : ".");
    if (w->fd < 0 || !w->root) {
        fprintf(stderr, "vitrine: cannot watch %s for changes (%s): content is loaded at start only\n",
                root, w->fd < 0 ? strerror(errno) : "out of memory");
        watch_free(w);
        return NULL;
    }
    watch_rescan(w);
    return w;
}

void watch_free(Watch *w)
{
    if (!w)
        return;
    for (int i = 0; i < w->n; i++)
        free(w->dirs[i].path);
    free(w->dirs);
    if (w->fd >= 0)
        close(w->fd);
    free(w->root);
    free(w);
}

int watch_fd(const Watch *w)
{
    return w ? w->fd : -1;
}

bool watch_lost(const Watch *w)
{
    return !w || w->lost;
}

void watch_rescan(Watch *w)
{
    while (w->n > 0)
        drop_dir(w, &w->dirs[w->n - 1], true);
    w->full_logged = false;
    add_tree(w, w->root, 0, NULL, 0);
    w->lost = w->n == 0;
}

/* ---- events ------------------------------------------------------------------ */

/* A watched folder was moved: if it is no longer where we think, stop
 * watching it there (a move inside the tree watched it again under its new
 * name already: then it is still where we think). */
static void moved_self(Watch *w, Dir *d, ReloadPolicy *p, uint64_t now)
{
    struct stat st;
    if (stat(d->path, &st) == 0 && st.st_dev == d->dev && st.st_ino == d->ino)
        return;
    if (d->depth == 0) {
        w->lost = true; /* the root itself was moved away: watch_rescan() finds the new one */
        reload_note(p, RELOAD_REMOVED, w->root, now);
    }
    drop_dir(w, d, true);
}

static ReloadChange change_of(uint32_t mask)
{
    if (mask & IN_MODIFY)
        return RELOAD_WRITING;
    if (mask & IN_CLOSE_WRITE)
        return RELOAD_WRITTEN;
    if (mask & IN_MOVED_TO)
        return RELOAD_MOVED_IN;
    if (mask & IN_CREATE)
        return RELOAD_CREATED;
    return RELOAD_REMOVED;
}

static int handle(Watch *w, const struct inotify_event *ev, ReloadPolicy *p, uint64_t now)
{
    if (ev->mask & IN_Q_OVERFLOW) {
        /* Changes were lost: look at everything again, and reload. */
        watch_rescan(w);
        reload_note(p, RELOAD_CREATED, w->root, now);
        return 1;
    }
    Dir *d = find_wd(w, ev->wd);
    if (!d)
        return 0;
    if (ev->mask & IN_IGNORED) { /* the folder is gone, and so is its watch */
        if (d->depth == 0) {
            w->lost = true;
            reload_note(p, RELOAD_REMOVED, w->root, now);
        }
        drop_dir(w, d, false);
        return 0;
    }
    if (ev->mask & IN_MOVE_SELF) {
        moved_self(w, d, p, now);
        return 0;
    }
    if (ev->len == 0 || !ev->name[0] || !(ev->mask & WATCH_MASK))
        return 0;
    char *path = fs_path_join(d->path, ev->name);
    if (!path)
        return 0;
    if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO)) && ev->name[0] != '.' &&
        d->depth < WATCH_MAX_DEPTH)
        add_tree(w, path, d->depth + 1, p, now); /* before more files arrive, or they go unseen */
    bool counts = reload_name_counts(ev->name);
    reload_note(p, change_of(ev->mask), path, now);
    free(path);
    return counts;
}

int watch_drain(Watch *w, ReloadPolicy *p, uint64_t now)
{
    if (!w)
        return 0;
    union {
        struct inotify_event ev; /* aligns the buffer for it */
        char bytes[16384];
    } buf;
    int counted = 0;
    for (;;) {
        ssize_t got = read(w->fd, buf.bytes, sizeof buf.bytes);
        if (got <= 0)
            break; /* EAGAIN: nothing more queued */
        for (ssize_t off = 0; off + (ssize_t)sizeof(struct inotify_event) <= got;) {
            const struct inotify_event *ev = (const struct inotify_event *)(const void *)(buf.bytes + off);
            counted += handle(w, ev, p, now);
            off += (ssize_t)sizeof *ev + ev->len;
        }
    }
    if (w->lost) {
        watch_rescan(w);
        if (!w->lost)
            reload_note(p, RELOAD_MOVED_IN, w->root, now); /* a new root is in place */
    }
    return counted;
}
