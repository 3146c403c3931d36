/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fsutil.c - see fsutil.h */
/* mkstemp(), fsync(), fchmod() are XSI; syscall() (openat2) is neither */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE

#include "fsutil.h"

#include <dirent.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- Paths ------------------------------------------------------------------ */

int fs_open_beneath(int dirfd, const char *rel, int flags)
{
#ifdef SYS_openat2
    /* glibc 2.36 has no wrapper for it */
    struct open_how how = {.flags = (uint64_t)flags, .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS};
    return (int)syscall(SYS_openat2, dirfd, rel, &how, sizeof how);
#else
    (void)dirfd, (void)rel, (void)flags;
    errno = ENOSYS;
    return -1;
#endif
}

char *fs_path_join(const char *a, const char *b)
{
    size_t an = strlen(a), bn = strlen(b);
    bool slash = an > 0 && a[an - 1] == '/';
    char *out = malloc(an + bn + 2);
    if (!out)
        return NULL;
    memcpy(out, a, an);
    size_t n = an;
    if (!slash)
        out[n++] = '/';
    memcpy(out + n, b, bn + 1);
    return out;
}

/* ---- Reading ---------------------------------------------------------------- */

int fs_read_file(const char *path, size_t max, char **out, size_t *len, long long *size)
{
    *out = NULL;
    *len = 0;
    *size = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int err = errno;
        if (fd >= 0)
            close(fd);
        return err;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
    }
    *size = (long long)st.st_size;
    if (st.st_size < 0 || (uint64_t)st.st_size > max) {
        close(fd);
        return EFBIG;
    }
    /* one byte past the size seen, so a file that grew since fstat() is
     * noticed; it may grow up to one byte past the limit */
    size_t cap = (size_t)st.st_size + 1, got = 0;
    char *buf = malloc(cap);
    int err = buf ? 0 : ENOMEM;
    while (buf) {
        if (got == cap) {
            if (cap > max) {
                err = EFBIG;
                break;
            }
            size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                err = ENOMEM;
                break;
            }
            buf = nb;
            cap = ncap;
        }
        ssize_t r = read(fd, buf + got, cap - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            err = errno;
            break;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (!err && got > max)
        err = EFBIG;
    if (err) {
        if (err == EFBIG)
            *size = -1;
        free(buf);
        return err;
    }
    *out = buf;
    *len = got;
    return 0;
}

ssize_t fs_read_up_to(int fd, void *buf, size_t want)
{
    size_t got = 0;
    while (got < want) {
        ssize_t r = read(fd, (char *)buf + got, want - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

/* ---- Writing ---------------------------------------------------------------- */

bool fs_write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        len -= (size_t)w;
    }
    return true;
}

int fs_write_atomic(const char *path, const char *prefix, const char *text, size_t len,
                    mode_t mode)
{
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    size_t need = dir_len + 1 + strlen(base) + sizeof ".tmp-XXXXXX";
    char *tmp = malloc(need);
    if (!tmp)
        return ENOMEM;
    /* hidden and not ending in .json: folder scans (lecture records) skip it */
    snprintf(tmp, need, "%.*s.%s.tmp-XXXXXX", (int)dir_len, path, base);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        free(tmp);
        return err;
    }
    bool ok = fchmod(fd, mode) == 0 && (!prefix || fs_write_all(fd, prefix, strlen(prefix)))
              && fs_write_all(fd, text, len) && fsync(fd) == 0;
    int err = ok ? 0 : (errno ? errno : EIO);
    if (close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = false;
        err = errno;
    }
    if (!ok)
        unlink(tmp);
    free(tmp);
    /* the rename lives in the folder: until the folder is on the disk, a
     * power cut can bring back the old file (or no file) */
    return ok ? fs_sync_folder_of(path) : err;
}

int fs_sync_folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    if (!dir)
        return ENOMEM;
    /* a folder that cannot be opened (written and searched, but not read)
     * is not synced: the file is in it all the same, and nothing more can
     * be done; a file system that cannot sync folders says EINVAL */
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int err = fd >= 0 && fsync(fd) != 0 && errno != EINVAL ? errno : 0;
    if (fd >= 0)
        close(fd);
    free(dir);
    return err;
}

/* ---- Folders ---------------------------------------------------------------- */

int fs_make_parents_err(const char *path, char *failed, size_t n)
{
    char *dir = strdup(path);
    if (!dir) {
        snprintf(failed, n, "%s", path);
        return ENOMEM;
    }
    char *slash = strrchr(dir, '/');
    int err = 0;
    if (slash && slash != dir) {
        *slash = '\0';
        for (char *p = dir + 1;; p++) {
            if (*p != '/' && *p != '\0')
                continue;
            char c = *p;
            *p = '\0';
            /* stat first: mkdir on a folder that exists can fail with EACCES
             * or EROFS (an automount, NFS, a read-only mount point) rather
             * than EEXIST */
            struct stat st;
            bool made = false;
            if (stat(dir, &st) != 0 && !(made = mkdir(dir, 0755) == 0) && errno != EEXIST)
                err = errno;
            else if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
                err = ENOTDIR;
            else if (made)
                /* a new folder is a name in its parent: synced, or a power
                 * cut can take it away with the files later synced into it */
                fs_sync_folder_of(dir);
            if (err)
                snprintf(failed, n, "%s", dir);
            *p = c;
            if (err || c == '\0')
                break;
        }
    }
    free(dir);
    return err;
}

bool fs_make_parents(const char *path, DiagList *diags, const char *file)
{
    char failed[4096];
    int err = fs_make_parents_err(path, failed, sizeof failed);
    if (err == ENOMEM && strcmp(failed, path) == 0)
        diag_add(diags, DIAG_ERROR, file, 0, 0, "cannot write file: %s", strerror(ENOMEM));
    else if (err)
        diag_add(diags, DIAG_ERROR, file, 0, 0, "cannot create folder \"%s\": %s", failed,
                 strerror(err));
    return err == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **fs_list(const char *dir, int *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **names = NULL;
    int cap = 0;
    struct dirent *e;
    bool ok = true;
    while (ok && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(names, (size_t)cap * sizeof *nn);
            ok = nn != NULL;
            if (ok)
                names = nn;
        }
        if (ok && !(names[*n] = strdup(e->d_name)))
            ok = false;
        if (ok)
            (*n)++;
    }
    closedir(d);
    if (!ok) {
        fs_list_free(names, *n);
        *n = 0;
        errno = ENOMEM;
        return NULL;
    }
    if (*n > 1)
        qsort(names, (size_t)*n, sizeof *names, by_name);
    return names ? names : calloc(1, sizeof *names);
}

void fs_list_free(char **names, int n)
{
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

char *fs_folder_name(const char *dir)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    size_t start = n;
    while (start > 0 && dir[start - 1] != '/')
        start--;
    size_t len = n - start;
    if (len == 0 || (len == 1 && dir[start] == '.')
        || (len == 2 && dir[start] == '.' && dir[start + 1] == '.')) {
        /* "." or "/": ask the file system what the folder is called */
        char *real = realpath(dir, NULL);
        char *name = NULL;
        if (real) {
            const char *slash = strrchr(real, '/');
            if (slash && slash[1])
                name = strdup(slash + 1);
            free(real);
        }
        return name ? name : strdup("exhibition");
    }
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    memcpy(out, dir + start, len);
    out[len] = '\0';
    return out;
}

/* ---- Stamps -------------------------------------------------------------------- */

void fs_stamp(const char *path, FileStamp *st)
{
    struct stat s;
    *st = (FileStamp){0};
    if (!path || stat(path, &s) != 0)
        return;
    *st = (FileStamp){
        .dev = (long long)s.st_dev,
        .ino = (long long)s.st_ino,
        .size = (long long)s.st_size,
        .mtime_ns = (long long)s.st_mtim.tv_sec * 1000000000LL + s.st_mtim.tv_nsec,
        .ctime_ns = (long long)s.st_ctim.tv_sec * 1000000000LL + s.st_ctim.tv_nsec,
    };
}

bool fs_stamp_equal(const FileStamp *a, const FileStamp *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size && a->mtime_ns == b->mtime_ns &&
           a->ctime_ns == b->ctime_ns;
}
