/* SPDX-License-Identifier: GPL-3.0-or-later */
/* prevstore.c - see prevstore.h */
#include "prevstore.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <turbojpeg.h>
#include <unistd.h>

#include "core/fsutil.h"
#include "core/resample.h"
#include "platform/decode.h"
#include "platform/scratch.h"

#define SUBDIR "previews"
#define QUALITY 85
#define MAX_COPY_BYTES ((size_t)4 << 20) /* a copy larger than this is not one of ours */
#define MAX_COPY_SIDE 2048
/* Copies kept at most (about 400 MB of 20 KB copies, a museum's pictures
 * several times over), pruned to nine tenths of it, least recently read
 * first, at a process's first copy written and at every PRUNE_EVERY-th. */
#define MAX_COPIES 20000
#define PRUNE_EVERY 1000
#define TOUCH_AFTER_S (24 * 3600) /* a copy read is dated again at most daily */
#define STALE_TMP_S 3600          /* a temporary copy an ended process left */

/* The head of a kept copy: which file it was made of (the start index's
 * stamp, core/fsutil.h), then its JPEG. */
typedef struct {
    char magic[8];
    FileStamp of;
    int32_t nat_w, nat_h;
    uint32_t bytes; /* of the JPEG after it: a copy cut short is none */
} Head;

static const char MAGIC[8] = "vtprev1";

static bool head_of(const char *path, Head *h)
{
    memset(h, 0, sizeof *h);
    memcpy(h->magic, MAGIC, sizeof h->magic);
    fs_stamp(path, &h->of);
    return h->of.ino != 0 || h->of.size != 0;
}

static bool same_file(const Head *a, const Head *b)
{
    return !memcmp(a->magic, b->magic, sizeof a->magic) && fs_stamp_equal(&a->of, &b->of);
}

/* <dir>/previews/<FNV-1a of the path>.jpg */
static bool copy_name(const char *dir, const char *path, char *out, size_t n)
{
    if (!dir || !dir[0] || !path)
        return false;
    uint64_t h = 1469598103934665603ull;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    int k = snprintf(out, n, "%s/" SUBDIR "/%016llx.jpg", dir, (unsigned long long)h);
    return k > 0 && (size_t)k < n;
}

static unsigned char *current_copy(const char *dir, const char *path, Head *kept, size_t *len)
{
    char name[4096];
    Head now;
    if (!copy_name(dir, path, name, sizeof name) || !head_of(path, &now))
        return NULL;
    char *text = NULL;
    long long size = 0;
    if (fs_read_file(name, MAX_COPY_BYTES, &text, len, &size) != 0 || *len <= sizeof *kept) {
        free(text);
        return NULL;
    }
    unsigned char *buf = (unsigned char *)text;
    memcpy(kept, buf, sizeof *kept);
    if (!same_file(kept, &now) || kept->nat_w < 1 || kept->nat_h < 1 || kept->bytes != *len - sizeof *kept) {
        free(buf);
        return NULL;
    }
    /* its date is when it was last read, give or take a day: the pruning
     * keeps what is still shown */
    struct stat st;
    if (stat(name, &st) == 0 && time(NULL) - st.st_mtime > TOUCH_AFTER_S)
        utimensat(AT_FDCWD, name, NULL, 0);
    return buf;
}

bool prevstore_has(const char *dir, const char *path)
{
    Head kept;
    size_t len = 0;
    unsigned char *buf = current_copy(dir, path, &kept, &len);
    free(buf);
    return buf != NULL;
}

bool prevstore_get(const char *dir, const char *path, SDL_Surface **out, int *nat_w, int *nat_h)
{
    *out = NULL;
    Head kept;
    size_t len = 0;
    unsigned char *buf = current_copy(dir, path, &kept, &len);
    if (!buf)
        return false;
    const unsigned char *jpg = buf + sizeof kept;
    unsigned long jlen = (unsigned long)(len - sizeof kept);
    tjhandle tj = tjInitDecompress();
    int w = 0, h = 0, sub, cs;
    SDL_Surface *s = NULL;
    if (tj && tjDecompressHeader3(tj, jpg, jlen, &w, &h, &sub, &cs) == 0 && w > 0 && h > 0 &&
        w <= MAX_COPY_SIDE && h <= MAX_COPY_SIDE &&
        (s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888))) {
        int pf = SDL_BYTEORDER == SDL_LIL_ENDIAN ? TJPF_BGRA : TJPF_ARGB;
        if (tjDecompress2(tj, jpg, jlen, s->pixels, w, s->pitch, h, pf, 0) != 0) {
            SDL_FreeSurface(s);
            s = NULL;
        }
    }
    if (tj)
        tjDestroy(tj);
    free(buf);
    if (!s)
        return false;
    *out = s;
    *nat_w = kept.nat_w;
    *nat_h = kept.nat_h;
    return true;
}

/* Each decoding thread keeps what it made its last copy with for the next
 * one (scratch.h, as decode.c keeps its buffers): the averaged pixels, the
 * compressor and its output buffer (libturbojpeg's, freed with tjFree).
 * Freed by prevstore_release_thread(). */
static _Thread_local Scratch kept_px;
static _Thread_local struct {
    unsigned char *jpg;
    unsigned long jpg_n;
    tjhandle tj;
} kept;

/* The compressor and an output buffer large enough for any w x h JPEG. */
static bool kept_jpeg(int w, int h, unsigned char **jpg, unsigned long *n)
{
    unsigned long need = tjBufSize(w, h, TJSAMP_420);
    if (need == (unsigned long)-1 || need > SCRATCH_KEEP)
        return false;
    if (!kept.tj && !(kept.tj = tjInitCompress()))
        return false;
    if (kept.jpg_n < need) {
        tjFree(kept.jpg);
        kept.jpg = tjAlloc((int)need);
        kept.jpg_n = kept.jpg ? need : 0;
    }
    *jpg = kept.jpg;
    *n = kept.jpg_n;
    return kept.jpg != NULL;
}

void prevstore_release_thread(void)
{
    scratch_free(&kept_px);
    tjFree(kept.jpg);
    if (kept.tj)
        tjDestroy(kept.tj);
    memset(&kept, 0, sizeof kept);
}

void prevstore_put(const char *dir, const char *path, const SDL_Surface *s, int max_w, int max_h, int nat_w,
                   int nat_h)
{
    char name[4096], tmp[4200], sub[4096];
    Head h;
    if (!s || s->format->format != SDL_PIXELFORMAT_ARGB8888 || nat_w < 1 || nat_h < 1 || max_w < 1 ||
        max_h < 1 || !copy_name(dir, path, name, sizeof name) || !head_of(path, &h))
        return;
    snprintf(sub, sizeof sub, "%s/" SUBDIR, dir);
    if (mkdir(sub, 0755) != 0 && errno != EEXIST)
        return;
    h.nat_w = nat_w;
    h.nat_h = nat_h;
    /* written as it is: not synced, since a copy lost to a power cut costs
     * one preview, and one cut short is refused by its length */
    int tw, th;
    decode_target_size(s->w, s->h, SDL_min(max_w, MAX_COPY_SIDE), SDL_min(max_h, MAX_COPY_SIDE), FIT_CONTAIN,
                       &tw, &th);
    const uint8_t *px = s->pixels;
    int pitch = s->pitch;
    uint8_t *small = NULL;
    if (tw < s->w || th < s->h) {
        small = scratch_get(&kept_px, (size_t)tw * (size_t)th * 4);
        bool ok = small && resample_area(s->pixels, s->w, s->h, s->pitch, small, tw, th, tw * 4);
        if (!ok) {
            scratch_put(&kept_px, small);
            return;
        }
        px = small;
        pitch = tw * 4;
    } else {
        tw = s->w;
        th = s->h;
    }
    unsigned char *jpg = NULL;
    unsigned long jlen = 0;
    int pf = SDL_BYTEORDER == SDL_LIL_ENDIAN ? TJPF_BGRX : TJPF_XRGB;
    bool ok = kept_jpeg(tw, th, &jpg, &jlen) &&
              tjCompress2(kept.tj, px, tw, pitch, th, pf, &jpg, &jlen, TJSAMP_420, QUALITY, TJFLAG_NOREALLOC) == 0;
    scratch_put(&kept_px, small);
    h.bytes = (uint32_t)jlen;
    if (ok) {
        snprintf(tmp, sizeof tmp, "%s.%ld.%lu.tmp", name, (long)getpid(), (unsigned long)SDL_ThreadID());
        int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        ok = fd >= 0 && fs_write_all(fd, &h, sizeof h) && fs_write_all(fd, jpg, jlen);
        if (fd >= 0 && close(fd) != 0)
            ok = false;
        if (!ok || rename(tmp, name) != 0)
            unlink(tmp);
    }
    static atomic_uint written;
    if (ok && atomic_fetch_add(&written, 1) % PRUNE_EVERY == 0)
        prevstore_prune(dir, MAX_COPIES);
}

typedef struct {
    struct timespec t;
    char name[24];
} Entry;

static int older_first(const void *a, const void *b)
{
    const struct timespec *x = &((const Entry *)a)->t, *y = &((const Entry *)b)->t;
    if (x->tv_sec != y->tv_sec)
        return x->tv_sec < y->tv_sec ? -1 : 1;
    return (x->tv_nsec > y->tv_nsec) - (x->tv_nsec < y->tv_nsec);
}

void prevstore_prune(const char *dir, int max_copies)
{
    char sub[4096];
    if (!dir || !dir[0] || max_copies < 0 || snprintf(sub, sizeof sub, "%s/" SUBDIR, dir) >= (int)sizeof sub)
        return;
    DIR *d = opendir(sub);
    if (!d)
        return;
    Entry *e = NULL;
    size_t n = 0, cap = 0;
    time_t now = time(NULL);
    struct dirent *de;
    while ((de = readdir(d))) {
        /* only its own names: 16 hex digits and .jpg, or a copy being
         * written (name.jpg.pid.thread.tmp) */
        const char *nm = de->d_name;
        size_t len = strlen(nm);
        bool ours = strspn(nm, "0123456789abcdef") == 16;
        bool tmp = ours && len > 24 && !memcmp(nm + 16, ".jpg.", 5) && !strcmp(nm + len - 4, ".tmp");
        bool jpg = ours && len == 20 && !strcmp(nm + 16, ".jpg");
        struct stat st;
        if ((!tmp && !jpg) || fstatat(dirfd(d), nm, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (tmp) {
            if (now - st.st_mtime > STALE_TMP_S)
                unlinkat(dirfd(d), nm, 0);
            continue;
        }
        if (n == cap) {
            size_t c = cap ? cap * 2 : 256;
            Entry *g = realloc(e, c * sizeof *e);
            if (!g)
                break;
            e = g;
            cap = c;
        }
        e[n].t = st.st_mtim;
        memcpy(e[n].name, nm, len + 1);
        n++;
    }
    if (n > (size_t)max_copies) {
        qsort(e, n, sizeof *e, older_first);
        size_t keep = (size_t)max_copies - (size_t)max_copies / 10;
        for (size_t i = 0; i < n - keep; i++)
            unlinkat(dirfd(d), e[i].name, 0);
    }
    free(e);
    closedir(d);
}
