/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_common.h - helpers shared by the libFuzzer targets (not a target).
 *
 * Several entry points of vitrine read a file by path (settings, rehearsal
 * records, images). Instead of changing them, each target keeps one
 * anonymous in-memory file for the whole process (memfd_create; a temporary
 * file when that is missing) and rewrites it for every input; the code under
 * test opens it by its /proc/self/fd path like any other file.
 */
#ifndef VITRINE_FUZZ_COMMON_H
#define VITRINE_FUZZ_COMMON_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memfd_create */
#endif
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct {
    int fd;
    char path[4096];
} FuzzFile;

static inline void fuzz_die(const char *what)
{
    fprintf(stderr, "fuzz: %s: %s\n", what, strerror(errno));
    abort();
}

static FuzzFile fuzz_the_file = {-1, ""};

static inline void fuzz_file_remove(void)
{
    unlink(fuzz_the_file.path);
}

/* The per-process file, created on first use. `suffix` only matters for the
 * temporary-file fallback (e.g. ".json"), which is removed at exit. */
static inline FuzzFile *fuzz_file(const char *suffix)
{
    FuzzFile *f = &fuzz_the_file;
    if (f->fd >= 0)
        return f;
#ifdef MFD_CLOEXEC
    f->fd = memfd_create("vitrine-fuzz", MFD_CLOEXEC);
    if (f->fd >= 0) {
        snprintf(f->path, sizeof f->path, "/proc/self/fd/%d", f->fd);
        if (access(f->path, R_OK) == 0)
            return f;
        close(f->fd); /* no /proc: fall back */
        f->fd = -1;
    }
#endif
    const char *tmp = getenv("TMPDIR");
    snprintf(f->path, sizeof f->path, "%s/vitrine-fuzz-XXXXXX%s", tmp && *tmp ? tmp : "/tmp",
             suffix);
    f->fd = mkstemps(f->path, (int)strlen(suffix));
    if (f->fd < 0)
        fuzz_die("cannot create a temporary file");
    atexit(fuzz_file_remove);
    return f;
}

/* Replace the file's contents with data[0..size). */
static inline const char *fuzz_file_write(FuzzFile *f, const uint8_t *data, size_t size)
{
    if (ftruncate(f->fd, 0) != 0)
        fuzz_die("ftruncate");
    size_t done = 0;
    while (done < size) {
        ssize_t w = pwrite(f->fd, data + done, size - done, (off_t)done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            fuzz_die("pwrite");
        done += (size_t)w;
    }
    return f->path;
}

/* Where diagnostics are printed, so the formatting code runs too. */
static inline FILE *fuzz_devnull(void)
{
    static FILE *f;
    if (!f && !(f = fopen("/dev/null", "w")))
        fuzz_die("/dev/null");
    return f;
}

/* Read every word of a reply's len bytes, so that a buffer shorter than
 * it claims shows up under AddressSanitizer. */
static inline void fuzz_read_all(const void *p, uint64_t len)
{
    uint32_t sum = 0, w;
    for (uint64_t i = 0; i + 4 <= len; i += 4) {
        memcpy(&w, (const uint8_t *)p + i, 4);
        sum += w;
    }
    __asm__ volatile("" : : "r"(sum));
}

#endif
