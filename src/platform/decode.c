/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode.c - see decode.h */
#define _GNU_SOURCE /* posix_spawn_file_actions_addclosefrom_np */
#include "decode.h"

#include <SDL_image.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

#include "core/imagehead.h"
#include "core/manifest.h"
#include "core/pixels.h"
#include "core/resample.h"
#include "decode_pdf.h"
#include "worker.h"

/* ---- helpers ------------------------------------------------------------ */

/* Each decoding thread keeps its buffers for the next picture: a fresh
 * 8 MB allocation is a fresh mapping whose every page faults in again
 * (measured in GUIDE.md). Thread-local, so decode_image stays safe on
 * several threads at once; an occasional huge image's buffer is not kept. */
#define SCRATCH_KEEP (16u << 20)
typedef struct {
    void *p;
    size_t n;
} Scratch;
static _Thread_local Scratch scratch_file, scratch_pixels, scratch_resample;

static void *scratch_get(Scratch *sc, size_t n)
{
    if (!sc || n > SCRATCH_KEEP)
        return malloc(n);
    if (sc->n < n) {
        free(sc->p);
        sc->p = malloc(n);
        sc->n = sc->p ? n : 0;
    }
    return sc->p;
}

static void scratch_put(Scratch *sc, void *p)
{
    if (!sc || p != sc->p)
        free(p);
}

void decode_release_scratch(void)
{
    free(scratch_file.p);
    free(scratch_pixels.p);
    free(scratch_resample.p);
    scratch_file = scratch_pixels = scratch_resample = (Scratch){NULL, 0};
    worker_release_thread(); /* the PDF reader this thread kept */
}

static unsigned char *read_file(const char *path, size_t *len, char *err, size_t errn)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errn, "cannot open: %s", strerror(errno));
        return NULL;
    }
    unsigned char *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n < 0 || (unsigned long)n > DECODE_MAX_FILE) {
            snprintf(err, errn, n < 0 ? "cannot read its size" : "the file is larger than %u MB",
                     DECODE_MAX_FILE >> 20);
        } else if (n == 0) {
            snprintf(err, errn, "the file is empty");
        } else if (fseek(f, 0, SEEK_SET) == 0 && (buf = scratch_get(&scratch_file, (size_t)n)) != NULL) {
            if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
                snprintf(err, errn, "cannot read: %s", strerror(errno));
                scratch_put(&scratch_file, buf);
                buf = NULL;
            } else {
                *len = (size_t)n;
            }
        } else {
            snprintf(err, errn, "out of memory");
        }
    }
    fclose(f);
    return buf;
}

/* The size the image is shown at: inside the box, or covering it. */
static void target_size(int iw, int ih, int bw, int bh, FitMode fit, int *tw, int *th)
{
    double sx = (double)bw / iw, sy = (double)bh / ih;
    double s = fit == FIT_COVER ? (sx > sy ? sx : sy) : (sx < sy ? sx : sy);
    if (s > 1.0)
        s = 1.0; /* never upscale on the CPU */
    *tw = (int)(iw * s + 0.5);
    *th = (int)(ih * s + 0.5);
    if (*tw < 1) *tw = 1;
    if (*th < 1) *th = 1;
}

/* Composite onto bg where the image is not opaque (ARGB8888 in place). */
static void flatten(SDL_Surface *s, Color bg)
{
    for (int y = 0; y < s->h; y++) {
        Uint32 *p = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++) {
            Uint32 c = p[x];
            unsigned a = c >> 24;
            if (a == 255)
                continue;
            unsigned r = (c >> 16) & 255, g = (c >> 8) & 255, b = c & 255;
            r = (r * a + bg.r * (255 - a) + 127) / 255;
            g = (g * a + bg.g * (255 - a) + 127) / 255;
            b = (b * a + bg.b * (255 - a) + 127) / 255;
            p[x] = 0xFF000000u | (r << 16) | (g << 8) | b;
        }
    }
}

/* Scale s down to tw x th with area averaging; frees s. */
static SDL_Surface *shrink(SDL_Surface *s, int tw, int th, char *err, size_t errn)
{
    if (s->w <= tw && s->h <= th)
        return s;
    if (tw > s->w) tw = s->w;
    if (th > s->h) th = s->h;
    SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, tw, th, 32, SDL_PIXELFORMAT_ARGB8888);
    uint8_t *tmp = d ? scratch_get(&scratch_resample, resample_tmp_size(s->w, th)) : NULL;
    bool ok = tmp && resample_area_with(s->pixels, s->w, s->h, s->pitch, d->pixels, tw, th, d->pitch, tmp);
    scratch_put(&scratch_resample, tmp);
    if (!ok) {
        snprintf(err, errn, "out of memory while scaling");
        SDL_FreeSurface(d);
        SDL_FreeSurface(s);
        return NULL;
    }
    SDL_FreeSurface(s);
    return d;
}

/* Turn s upright as EXIF orientation o says; frees s. */
static SDL_Surface *upright(SDL_Surface *s, int o, char *err, size_t errn)
{
    if (o <= 1 || o > 8)
        return s;
    int w, h;
    pixels_oriented_size(s->w, s->h, o, &w, &h);
    SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!d) {
        snprintf(err, errn, "out of memory while turning it upright");
        SDL_FreeSurface(s);
        return NULL;
    }
    pixels_orient(s->pixels, s->w, s->h, s->pitch, d->pixels, d->pitch, o);
    SDL_FreeSurface(s);
    return d;
}

/* ---- JPEG: libturbojpeg with DCT scaling -------------------------------- */

/* hd: the file's header, already checked (imagehead.h). */
static SDL_Surface *decode_jpeg(const unsigned char *buf, size_t len, const ImageHead *hd,
                                int bw, int bh, FitMode fit, Color bg, char *err, size_t errn)
{
    tjhandle tj = tjInitDecompress();
    if (!tj) {
        snprintf(err, errn, "cannot start the JPEG decoder");
        return NULL;
    }
    SDL_Surface *s = NULL;
    /* A stream that ends before its frame header is "tables only" to
     * libturbojpeg: success, with w and h never written. */
    int w = 0, h = 0, subsamp, cs;
    if (tjDecompressHeader3(tj, buf, (unsigned long)len, &w, &h, &subsamp, &cs) != 0) {
        snprintf(err, errn, "not a readable JPEG: %s", tjGetErrorStr2(tj));
        goto done;
    }
    if (w <= 0 || h <= 0) {
        snprintf(err, errn, "not a readable JPEG: it ends before the image starts");
        goto done;
    }
    if (!imagehead_size_ok(w, h, err, errn))
        goto done;
    /* The box is filled by the image as it is seen, upright; decoding and
     * scaling happen as it is stored, so the target turns with it. */
    int o = hd->orientation, uw, uh, tw, th;
    pixels_oriented_size(w, h, o, &uw, &uh);
    target_size(uw, uh, bw, bh, fit, &tw, &th);
    if (uw != w) {
        int t = tw;
        tw = th;
        th = t;
    }
    /* The smallest DCT-scaled size that still covers the target: decoding
     * less is faster and the area filter then has little left to do. */
    int nsf = 0;
    tjscalingfactor *sf = tjGetScalingFactors(&nsf);
    int dw = w, dh = h;
    for (int i = 0; sf && i < nsf; i++) {
        int sw = TJSCALED(w, sf[i]), sh = TJSCALED(h, sf[i]);
        if (sw >= tw && sh >= th && (uint64_t)sw * sh < (uint64_t)dw * dh) {
            dw = sw;
            dh = sh;
        }
    }
    /* Decoded straight into ARGB8888, the textures' format. When the area
     * filter follows, the DCT-scaled pixels are only a step: the thread's
     * scratch buffer holds them. */
    void *step = NULL;
    if (dw > tw || dh > th) {
        step = scratch_get(&scratch_pixels, (size_t)dw * (size_t)dh * 4);
        s = step ? SDL_CreateRGBSurfaceWithFormatFrom(step, dw, dh, 32, dw * 4, SDL_PIXELFORMAT_ARGB8888)
                 : NULL;
    } else {
        s = SDL_CreateRGBSurfaceWithFormat(0, dw, dh, 32, SDL_PIXELFORMAT_ARGB8888);
    }
    if (!s) {
        scratch_put(&scratch_pixels, step);
        snprintf(err, errn, "out of memory for %dx%d pixels", dw, dh);
        goto done;
    }
    /* BGRA in memory is ARGB8888 on little-endian machines, alpha 0xFF.
     * libturbojpeg 2.1 cannot turn CMYK (or YCCK) into RGB: it gives the
     * inks, and pixels.c makes light of them. */
    bool cmyk = cs == TJCS_CMYK || cs == TJCS_YCCK;
    int pf = cmyk ? TJPF_CMYK : SDL_BYTEORDER == SDL_LIL_ENDIAN ? TJPF_BGRA : TJPF_ARGB;
    if (tjDecompress2(tj, buf, (unsigned long)len, s->pixels, dw, s->pitch, dh, pf,
                      TJFLAG_ACCURATEDCT) != 0 &&
        tjGetErrorCode(tj) == TJERR_FATAL) {
        snprintf(err, errn, "JPEG cannot be decoded: %s", tjGetErrorStr2(tj));
        SDL_FreeSurface(s);
        scratch_put(&scratch_pixels, step);
        s = NULL;
        goto done;
    }
    /* Photoshop stores CMYK inverted and says so with its Adobe marker;
     * readers (libjpeg's djpeg, browsers) take the marker as the sign. */
    if (cmyk)
        pixels_cmyk_to_argb(s->pixels, dw, dh, s->pitch, hd->adobe_transform >= 0);
    s = shrink(s, tw, th, err, errn); /* a new surface when it scaled: the step is free again */
    scratch_put(&scratch_pixels, step);
    if (s)
        s = upright(s, o, err, errn);
done:
    tjDestroy(tj);
    return s;
}

/* ---- PNG, WebP: SDL_image's own loaders, called directly ---------------- */

static SDL_Surface *to_argb(SDL_Surface *s, Color bg, char *err, size_t errn)
{
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    if (!c) {
        snprintf(err, errn, "cannot convert pixels: %s", SDL_GetError());
        return NULL;
    }
    flatten(c, bg);
    return c;
}

/* The size in the header was checked before (imagehead.h): SDL_image
 * allocates that much before it decodes anything. */
static SDL_Surface *decode_sdl(const unsigned char *buf, size_t len, const ImageHead *hd, int bw,
                               int bh, FitMode fit, Color bg, char *err, size_t errn)
{
    ImageFormat f = hd->format;
    SDL_RWops *rw = SDL_RWFromConstMem(buf, (int)len);
    if (!rw) {
        snprintf(err, errn, "out of memory");
        return NULL;
    }
    SDL_Surface *s = f == IMG_FMT_PNG ? IMG_LoadPNG_RW(rw) : IMG_LoadWEBP_RW(rw);
    SDL_RWclose(rw);
    if (!s) {
        snprintf(err, errn, "%s cannot be decoded: %s", imagehead_format_name(f), IMG_GetError());
        return NULL;
    }
    if (!imagehead_size_ok(s->w, s->h, err, errn)) {
        SDL_FreeSurface(s);
        return NULL;
    }
    s = to_argb(s, bg, err, errn);
    if (!s)
        return NULL;
    int tw, th;
    target_size(s->w, s->h, bw, bh, fit, &tw, &th);
    return shrink(s, tw, th, err, errn);
}

/* ---- SVG: rasterised at the size it is shown ----------------------------- */

/* Never at the size the file claims to have: a 100-byte SVG saying
 * width="100000" would ask for 40 GB before any check could run. Every
 * raster below is of a size that was checked, or bounded by the box. */
/* Move n bytes through a socket: sending (never SIGPIPE), or receiving
 * with a deadline (SDL ticks) after which the other side is given up on. */
static bool move_all(int fd, void *p, size_t n, bool out, Uint64 deadline)
{
    char *c = p;
    while (n > 0) {
        Uint64 now = SDL_GetTicks64();
        struct pollfd pfd = {fd, out ? POLLOUT : POLLIN, 0};
        int r = now < deadline ? poll(&pfd, 1, (int)(deadline - now)) : 0;
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

#define SVG_TIMEOUT_MS 10000

/* The rasteriser program: $VITRINE_SVG_HELPER, else vitrine-svg next to
 * this program (or one folder up, for the test programs in build/tests). */
static bool svg_helper(char *out, size_t n)
{
    const char *env = getenv("VITRINE_SVG_HELPER");
    if (env && *env) {
        snprintf(out, n, "%s", env);
        return access(out, X_OK) == 0;
    }
    char exe[4096];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (k <= 0)
        return false;
    exe[k] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return false;
    for (int up = 0; up < 2; up++) {
        *slash = '\0';
        int k2 = snprintf(out, n, "%s/vitrine-svg", exe);
        if (k2 > 0 && (size_t)k2 < n && access(out, X_OK) == 0)
            return true;
        if (!(slash = strrchr(exe, '/')))
            break;
    }
    return false;
}

/* SVG is rasterised by vitrine-svg (src/svg/vitrine-svg.c) in a process of
 * its own: SDL_image 2.6.3's nanosvg reads past its buffers on some
 * malformed drawings (CI's fuzzer crashed it in seconds), and a crash or a
 * hang there must cost one placeholder, not the kiosk. A fresh program, not
 * a fork: a fork of vitrine's threads could inherit a lock one of them held
 * (SDL's pixel-format lock, the allocator's) and hang on it. The drawing
 * goes in and the rows come back through a socket pair, with a deadline. */
static SDL_Surface *svg_raster(const unsigned char *buf, size_t len, int w, int h)
{
    char helper[4096];
    if (!svg_helper(helper, sizeof helper)) {
        SDL_SetError("the SVG rasteriser (vitrine-svg) is not installed next to vitrine");
        return NULL;
    }
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        SDL_SetError("cannot talk to the SVG rasteriser: %s", strerror(errno));
        return NULL;
    }
    char ws[16], hs[16];
    snprintf(ws, sizeof ws, "%d", w);
    snprintf(hs, sizeof hs, "%d", h);
    char *argv[] = {helper, ws, hs, NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, sv[1], 0);
    posix_spawn_file_actions_adddup2(&fa, sv[1], 1);
    posix_spawn_file_actions_addclosefrom_np(&fa, 3);
    extern char **environ;
    pid_t pid;
    int err = posix_spawn(&pid, helper, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(sv[1]);
    if (err != 0) {
        close(sv[0]);
        SDL_SetError("cannot start the SVG rasteriser: %s", strerror(err));
        return NULL;
    }
    Uint64 deadline = SDL_GetTicks64() + SVG_TIMEOUT_MS;
    int hdr[3];
    SDL_Surface *s = NULL;
    bool sent = move_all(sv[0], (void *)buf, len, true, deadline) && shutdown(sv[0], SHUT_WR) == 0;
    if (sent && move_all(sv[0], hdr, sizeof hdr, false, deadline) && hdr[0] > 0 && hdr[1] > 0 &&
        hdr[0] <= DECODE_MAX_SIDE && hdr[1] <= DECODE_MAX_SIDE &&
        (uint64_t)hdr[0] * (uint64_t)hdr[1] <= DECODE_MAX_PIXELS &&
        (Uint32)hdr[2] == SDL_PIXELFORMAT_ARGB8888 &&
        (s = SDL_CreateRGBSurfaceWithFormat(0, hdr[0], hdr[1], 32, SDL_PIXELFORMAT_ARGB8888)) != NULL) {
        for (int y = 0; s && y < s->h; y++)
            if (!move_all(sv[0], (char *)s->pixels + (size_t)y * (size_t)s->pitch, (size_t)s->w * 4,
                          false, deadline)) {
                SDL_FreeSurface(s);
                s = NULL;
            }
    }
    close(sv[0]);
    int status = 0;
    bool late = SDL_GetTicks64() >= deadline;
    if (late) /* still at it: a drawing that never ends */
        kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (s && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        SDL_FreeSurface(s);
        s = NULL;
    }
    if (!s && late)
        SDL_SetError("the SVG rasteriser took longer than %d s over it", SVG_TIMEOUT_MS / 1000);
    else if (!s && WIFSIGNALED(status))
        SDL_SetError("the drawing crashed the SVG rasteriser (signal %d)", WTERMSIG(status));
    else if (!s)
        SDL_SetError("the SVG rasteriser could not draw it");
    return s;
}

/* A length as SDL_image's SVG parser (nanosvg, 96 dpi) reads it, in pixels;
 * only plain forms ("1600", "12.5mm"), else 0. */
static double svg_length(const char *v, size_t n)
{
    size_t i = 0, digits = 0;
    double x = 0, scale = 1;
    for (; i < n && v[i] >= '0' && v[i] <= '9' && digits < 9; i++, digits++)
        x = x * 10 + (v[i] - '0');
    if (i < n && v[i] == '.') {
        for (i++; i < n && v[i] >= '0' && v[i] <= '9' && digits < 9; i++, digits++) {
            scale /= 10;
            x += (v[i] - '0') * scale;
        }
    }
    if (digits == 0)
        return 0;
    static const struct { const char *unit; double px; } units[] = {
        {"", 1}, {"px", 1}, {"pt", 96.0 / 72}, {"pc", 96.0 / 6},
        {"mm", 96 / 25.4}, {"cm", 96 / 2.54}, {"in", 96},
    };
    for (size_t u = 0; u < sizeof units / sizeof *units; u++)
        if (n - i == strlen(units[u].unit) && memcmp(v + i, units[u].unit, n - i) == 0)
            return x * units[u].px;
    return 0;
}

/* The size the SVG has at scale 1, from its <svg> element's width and
 * height (or its viewBox where one is missing), when they are stated
 * plainly. Used only to size the raster as before; what is rasterised is
 * bounded by the box whatever the file really holds. */
static bool svg_declared_size(const unsigned char *buf, size_t len, double *w, double *h)
{
    const char *t = (const char *)buf, *end = t + len;
    for (const char *p = t; (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++) {
        const char *q = p + 1;
        while (q < end && strchr(" \t\n\v\f\r", *q) && *q)
            q++;
        if (end - q < 4 || memcmp(q, "svg", 3) != 0)
            continue;
        if (q[3] == '>')
            return false; /* <svg>: no size stated */
        if (!strchr(" \t\n\v\f\r", q[3]) || !q[3])
            continue;
        const char *tag_end = memchr(q, '>', (size_t)(end - q));
        if (!tag_end)
            return false;
        double vb[4] = {0, 0, 0, 0};
        *w = *h = 0;
        for (q += 4; q < tag_end;) {
            while (q < tag_end && strchr(" \t\n\v\f\r", *q) && *q)
                q++;
            const char *name = q;
            while (q < tag_end && *q != '=' && !strchr(" \t\n\v\f\r", *q))
                q++;
            size_t nn = (size_t)(q - name);
            while (q < tag_end && *q != '"' && *q != '\'')
                q++;
            if (q >= tag_end)
                break;
            const char *v = ++q, *ve = memchr(v, q[-1], (size_t)(tag_end - v));
            if (!ve)
                break;
            q = ve + 1;
            if (nn == 5 && memcmp(name, "width", 5) == 0) {
                *w = svg_length(v, (size_t)(ve - v));
            } else if (nn == 6 && memcmp(name, "height", 6) == 0) {
                *h = svg_length(v, (size_t)(ve - v));
            } else if (nn == 7 && memcmp(name, "viewBox", 7) == 0) {
                for (int k = 0; k < 4; k++) {
                    while (v < ve && (*v == ' ' || *v == ','))
                        v++;
                    const char *ne = v;
                    while (ne < ve && *ne != ' ' && *ne != ',')
                        ne++;
                    vb[k] = k < 2 ? 0 : svg_length(v, (size_t)(ne - v));
                    v = ne;
                }
            }
        }
        if (*w <= 0)
            *w = vb[2];
        if (*h <= 0)
            *h = vb[3];
        return *w > 0 && *h > 0 && *w <= 1e9 && *h <= 1e9;
    }
    return false;
}

static SDL_Surface *decode_svg(const unsigned char *buf, size_t len, const ImageHead *hd, int bw,
                               int bh, FitMode fit, Color bg, char *err, size_t errn)
{
    double dw, dh;
    SDL_Surface *s = NULL;
    if (svg_declared_size(buf, len, &dw, &dh)) {
        /* Contained or covering the box at the scale the stated size gives;
         * SDL_image then fits the drawing into that. */
        int iw = (int)ceil(dw), ih = (int)ceil(dh);
        double sx = (double)bw / iw, sy = (double)bh / ih;
        double sc = fit == FIT_COVER ? (sx > sy ? sx : sy) : (sx < sy ? sx : sy);
        double tw = iw * sc + 0.5, th = ih * sc + 0.5;
        if (!imagehead_size_ok(tw > INT_MAX ? INT_MAX : (int)tw, th > INT_MAX ? INT_MAX : (int)th, err,
                     errn))
            return NULL;
        s = svg_raster(buf, len, (int)tw, (int)th);
    } else {
        /* Nothing stated plainly: contained, SDL_image fits it into the box
         * itself. */
        s = svg_raster(buf, len, bw, bh);
        if (s && s->w > 0 && s->h > 0 && fit == FIT_COVER) {
            /* Covering: the side that did not fill the box when contained
             * is given, the other follows from the aspect ratio. Contained,
             * the image was ceil(W*k) x ceil(H*k), so W/H < cw/(ch-1): a
             * bound on the other side, checked before rasterising. */
            int cw = s->w, ch = s->h;
            SDL_FreeSurface(s);
            bool by_height = (double)cw * bh >= (double)ch * bw;
            double other = by_height ? (ch > 1 ? (double)bh * cw / (ch - 1) : INFINITY)
                                     : (cw > 1 ? (double)bw * ch / (cw - 1) : INFINITY);
            int o = other >= (double)INT_MAX ? INT_MAX : (int)ceil(other);
            if (!imagehead_size_ok(by_height ? o : bw, by_height ? bh : o, err, errn))
                return NULL;
            s = by_height ? svg_raster(buf, len, 0, bh) : svg_raster(buf, len, bw, 0);
        }
    }
    if (!s || s->w <= 0 || s->h <= 0) {
        snprintf(err, errn, "SVG cannot be read: %s", IMG_GetError());
        SDL_FreeSurface(s);
        return NULL;
    }
    return to_argb(s, bg, err, errn);
}

/* ---- the decoders, one per format ------------------------------------------ */

/* One decoder per row of the table of formats (imagehead.h): a new format
 * is its row there and its decoder here. PNG and WebP share SDL_image. */
typedef SDL_Surface *(*Decoder)(const unsigned char *buf, size_t len, const ImageHead *hd,
                                int bw, int bh, FitMode fit, Color bg, char *err, size_t errn);
static const struct {
    ImageFormat format;
    Decoder decode;
} decoders[] = {
    {IMG_FMT_JPEG, decode_jpeg},
    {IMG_FMT_PNG, decode_sdl},
    {IMG_FMT_WEBP, decode_sdl},
    {IMG_FMT_SVG, decode_svg},
};

static Decoder decoder_for(ImageFormat f)
{
    for (size_t i = 0; i < sizeof decoders / sizeof decoders[0]; i++)
        if (decoders[i].format == f)
            return decoders[i].decode;
    return NULL;
}

/* ---- entry --------------------------------------------------------------- */

SDL_Surface *decode_image(const char *path, int box_w, int box_h, FitMode fit, Color bg,
                          char *err, size_t errn)
{
    DecodeRequest rq = {.path = path, .box_w = box_w, .box_h = box_h, .fit = fit, .bg = bg};
    return decode_request(&rq, err, errn);
}

/* The region of s (freed) as a surface of its own. */
static SDL_Surface *crop(SDL_Surface *s, Rect r, char *err, size_t errn)
{
    if (r.x < 0 || r.y < 0 || r.w < 1 || r.h < 1 || r.x + r.w > s->w || r.y + r.h > s->h) {
        snprintf(err, errn, "the region %dx%d at %d,%d lies outside its %dx%d pixels", r.w, r.h, r.x,
                 r.y, s->w, s->h);
        SDL_FreeSurface(s);
        return NULL;
    }
    SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, r.w, r.h, 32, SDL_PIXELFORMAT_ARGB8888);
    for (int y = 0; d && y < r.h; y++)
        memcpy((Uint8 *)d->pixels + (size_t)y * (size_t)d->pitch,
               (Uint8 *)s->pixels + (size_t)(r.y + y) * (size_t)s->pitch + (size_t)r.x * 4, (size_t)r.w * 4);
    if (!d)
        snprintf(err, errn, "out of memory for %dx%d pixels", r.w, r.h);
    SDL_FreeSurface(s);
    return d;
}

SDL_Surface *decode_request(const DecodeRequest *rq, char *err, size_t errn)
{
    int box_w = rq->box_w, box_h = rq->box_h;
    if (box_w < 1 || box_h < 1) {
        snprintf(err, errn, "nothing to draw into");
        return NULL;
    }
    /* A PDF is read by its worker, from the file: vitrine reads none of it */
    if (pdf_sniff_file(rq->path))
        return pdf_render(rq->path, rq->page > 0 ? rq->page : 1, box_w, box_h, rq->fit, rq->region,
                          NULL, NULL, err, errn);
    if (rq->page > 1) {
        snprintf(err, errn, "it has one page, not %d", rq->page);
        return NULL;
    }
    size_t len = 0;
    unsigned char *buf = read_file(rq->path, &len, err, errn);
    if (!buf)
        return NULL;
    /* Everything the decoders would trust is checked first: the format
     * from the bytes, the size in the header, a JPEG's scans and that the
     * file is all there. */
    ImageHead hd;
    SDL_Surface *s = NULL;
    if (imagehead_parse(buf, len, true, &hd, err, errn) == IMAGEHEAD_OK) {
        Decoder decode = decoder_for(hd.format);
        if (decode)
            s = decode(buf, len, &hd, box_w, box_h, rq->fit, rq->bg, err, errn);
        else
            snprintf(err, errn, "no decoder for %s", imagehead_format_name(hd.format));
    }
    scratch_put(&scratch_file, buf);
    if (s && rq->region.w > 0)
        s = crop(s, rq->region, err, errn);
    return s;
}

/* ---- the image's own size ------------------------------------------------- */

bool decode_probe(const char *path, int *w, int *h)
{
    *w = *h = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char err[256];
    ImageHead ih;
    bool ok = imagehead_read_fd(fd, false, &ih, err, sizeof err) == IMAGEHEAD_OK;
    close(fd);
    if (ok && ih.format == IMG_FMT_SVG) { /* its declared size, if it states one plainly */
        size_t len = 0;
        unsigned char *buf = read_file(path, &len, err, sizeof err);
        double dw, dh;
        ok = buf && svg_declared_size(buf, len, &dw, &dh) && dw < IMAGE_MAX_SIDE && dh < IMAGE_MAX_SIDE;
        if (ok) {
            ih.w = (int)ceil(dw);
            ih.h = (int)ceil(dh);
        }
        scratch_put(&scratch_file, buf);
    }
    if (!ok || ih.w <= 0 || ih.h <= 0)
        return false;
    bool turned = ih.orientation >= 5 && ih.orientation <= 8; /* EXIF: a quarter turn */
    *w = turned ? ih.h : ih.w;
    *h = turned ? ih.w : ih.h;
    return true;
}
