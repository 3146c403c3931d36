/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay_files.c - see replay_files.h */
#include "replay_files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "manifest.h"

#define COPY_CHUNK 65536

bool replay_files_init(ReplayFiles *f, const char *script_path, const char *dir)
{
    memset(f, 0, sizeof *f);
    const char *slash = script_path ? strrchr(script_path, '/') : NULL;
    f->script_dir = slash ? strndup(script_path, (size_t)(slash - script_path) + (slash == script_path))
                          : strdup(".");
    f->dir = strdup(dir ? dir : ".");
    if (!f->script_dir || !f->dir) {
        replay_files_free(f);
        return false;
    }
    return true;
}

void replay_files_free(ReplayFiles *f)
{
    for (int i = 0; i < f->n_parts; i++) {
        close(f->parts[i].fd);
        free(f->parts[i].dst);
    }
    f->n_parts = 0;
    free(f->script_dir);
    free(f->dir);
    f->script_dir = f->dir = NULL;
}

/* ---- helpers -------------------------------------------------------------- */

/* The folders leading to path, as mkdir -p makes them (errno set). */
static bool make_parents(const char *path)
{
    char failed[4096];
    int err = fs_make_parents_err(path, failed, sizeof failed);
    errno = err;
    return err == 0;
}

/* Copy up to `max` bytes of src from offset `from` to fd. Returns the bytes
 * copied, -1 on error; *end is set when src has no more. */
static long long copy_bytes(const char *src, long long from, long long max, int fd, bool *end)
{
    int in = open(src, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return -1;
    long long done = 0;
    *end = false;
    if (lseek(in, (off_t)from, SEEK_SET) < 0) {
        close(in);
        return -1;
    }
    char *buf = malloc(COPY_CHUNK);
    while (buf && done < max) {
        size_t want = max - done < COPY_CHUNK ? (size_t)(max - done) : COPY_CHUNK;
        ssize_t got = read(in, buf, want);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 || (got > 0 && !fs_write_all(fd, buf, (size_t)got))) {
            done = -1;
            break;
        }
        if (got == 0) {
            *end = true;
            break;
        }
        done += got;
    }
    if (done >= 0 && !*end) { /* exactly at the end? then the next part would write nothing */
        struct stat st;
        *end = fstat(in, &st) == 0 && (long long)st.st_size <= from + done;
    }
    if (!buf)
        done = -1;
    free(buf);
    close(in);
    return done;
}

static bool copy_file(const char *src, const char *dst)
{
    int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0)
        return false;
    bool end;
    bool ok = copy_bytes(src, 0, (long long)1 << 62, out, &end) >= 0;
    if (close(out) != 0)
        ok = false;
    return ok;
}

/* fn(dir/name, to/name) for each entry of dir (to may be NULL), until one
 * fails. */
static bool each_entry(const char *dir, const char *to, bool (*fn)(const char *, const char *))
{
    int n = 0;
    char **names = fs_list(dir, &n);
    if (!names)
        return false;
    bool ok = true;
    for (int i = 0; ok && i < n; i++) {
        char *a = fs_path_join(dir, names[i]), *b = to ? fs_path_join(to, names[i]) : NULL;
        ok = a && (b || !to) && fn(a, b);
        free(a);
        free(b);
    }
    fs_list_free(names, n);
    return ok;
}

/* cp -r: the folder first, then what it holds, file by file. */
static bool copy_tree(const char *src, const char *dst)
{
    struct stat st;
    if (stat(src, &st) != 0)
        return false;
    if (!S_ISDIR(st.st_mode))
        return copy_file(src, dst);
    if (mkdir(dst, 0755) != 0 && errno != EEXIST)
        return false;
    return each_entry(src, dst, copy_tree);
}

/* rm -r */
static bool remove_tree(const char *path, const char *unused)
{
    (void)unused;
    struct stat st;
    if (lstat(path, &st) != 0)
        return false;
    if (S_ISDIR(st.st_mode))
        return each_entry(path, NULL, remove_tree) && rmdir(path) == 0;
    return unlink(path) == 0;
}

static ReplayPart *find_part(ReplayFiles *f, const char *dst)
{
    for (int i = 0; i < f->n_parts; i++)
        if (strcmp(f->parts[i].dst, dst) == 0)
            return &f->parts[i];
    return NULL;
}

/* The next part of src into dst, which stays open until src is all written. */
static bool write_part(ReplayFiles *f, const char *src, const char *dst, long long bytes, char *err, size_t n)
{
    ReplayPart *p = find_part(f, dst);
    if (!p) {
        if (f->n_parts == REPLAY_FILES_MAX_OPEN) {
            snprintf(err, n, "more than %d files half-written at once", REPLAY_FILES_MAX_OPEN);
            return false;
        }
        int fd = make_parents(dst) ? open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644) : -1;
        char *copy = fd >= 0 ? strdup(dst) : NULL;
        if (!copy) {
            snprintf(err, n, "cannot write %s: %s", dst, strerror(errno));
            if (fd >= 0)
                close(fd);
            return false;
        }
        p = &f->parts[f->n_parts++];
        *p = (ReplayPart){copy, fd, 0};
    }
    bool end;
    long long got = copy_bytes(src, p->done, bytes, p->fd, &end);
    if (got < 0) {
        snprintf(err, n, "cannot copy %s to %s: %s", src, dst, strerror(errno));
        return false;
    }
    p->done += got;
    if (end) { /* the copy is complete: close it (inotify: IN_CLOSE_WRITE) */
        close(p->fd);
        free(p->dst);
        *p = f->parts[--f->n_parts];
    }
    return true;
}

/* ---- the commands ----------------------------------------------------------- */

bool replay_files_run(ReplayFiles *f, const ReplayCmd *c, char *err, size_t n)
{
    bool from_script = c->op == RC_COPY || c->op == RC_WRITE_PART;
    char *a = fs_path_join(from_script ? f->script_dir : f->dir, c->arg);
    char *b = c->arg2 ? fs_path_join(f->dir, c->arg2) : NULL;
    bool ok = a && (b || !c->arg2);
    if (!ok) {
        snprintf(err, n, "out of memory");
    } else if (c->op == RC_COPY) {
        ok = make_parents(b) && copy_tree(a, b);
        if (!ok)
            snprintf(err, n, "cannot copy %s to %s: %s", a, b, strerror(errno));
    } else if (c->op == RC_WRITE_PART) {
        ok = write_part(f, a, b, c->n_num ? (long long)c->num[0] : 0, err, n);
    } else if (c->op == RC_MOVE) {
        ok = make_parents(b) && rename(a, b) == 0;
        if (!ok)
            snprintf(err, n, "cannot move %s to %s: %s", a, b, strerror(errno));
    } else if (c->op == RC_REMOVE) {
        ok = remove_tree(a, NULL);
        if (!ok)
            snprintf(err, n, "cannot remove %s: %s", a, strerror(errno));
    } else {
        ok = false;
        snprintf(err, n, "not a file command");
    }
    free(a);
    free(b);
    return ok;
}
