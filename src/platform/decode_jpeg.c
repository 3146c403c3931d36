/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode_jpeg.c - a zoomed JPEG's view, read by itself (decode_internal.h,
 * decode_jpeg_region; docs/architecture.md, "A zoom's view, read by
 * region").
 *
 * libturbojpeg 2.1 cannot crop, so this is libjpeg's own API from the same
 * library (libjpeg62-turbo): jpeg_crop_scanline for the columns,
 * jpeg_skip_scanlines for the rows above, and the rows below are never
 * decoded. A baseline file's Huffman codes are still read up to the
 * region's last row (they cannot be skipped), but the inverse DCT,
 * upsampling and colour conversion are done for the region only. A
 * progressive file is read whole into coefficients before its first row
 * (libjpeg's way), so only that second part is saved there.
 *
 * libjpeg's default error handler calls exit(): here it longjmps back and
 * the region is refused with libjpeg's message; its warnings (corrupt
 * data it decodes round) are not printed, as libturbojpeg's are not. */
#include <stdio.h> /* before jpeglib.h, which uses FILE and size_t */
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <setjmp.h>

#include "core/pixels.h"
#include "core/resample.h"
#include "decode_internal.h"

/* Scaled pixels decoded round the region's source: a cut's edge would
 * otherwise change the chroma upsampling there, which reads neighbours. */
#define WINDOW_MARGIN 16
#define ROWS_AT_ONCE 16

typedef struct {
    struct jpeg_decompress_struct ci;
    struct jpeg_error_mgr em;
    jmp_buf jump;
    char msg[JMSG_LENGTH_MAX];
} JpegRead;

static void jpeg_fail(j_common_ptr c)
{
    JpegRead *r = c->client_data;
    c->err->format_message(c, r->msg);
    longjmp(r->jump, 1);
}

static void jpeg_quiet(j_common_ptr c)
{
    (void)c;
}

/* A failure of ours, reported as libjpeg's are. */
static _Noreturn void give_up(JpegRead *r, const char *why)
{
    snprintf(r->msg, sizeof r->msg, "%s", why);
    longjmp(r->jump, 1);
}

/* What to decode: scale num/denom, rows [y0, y1) and at least columns
 * [x0, x1) of the scaled dw x dh picture. */
typedef struct {
    int num, denom, dw, dh;
    int x0, x1, y0, y1;
} Window;

static void window_rows(JpegRead *r, SDL_Surface *s, const Window *wd)
{
    j_decompress_ptr ci = &r->ci;
    if (wd->y0 > 0 && jpeg_skip_scanlines(ci, (JDIMENSION)wd->y0) != (JDIMENSION)wd->y0)
        give_up(r, "it ends before the region");
    while (ci->output_scanline < (JDIMENSION)wd->y1) {
        JSAMPROW rows[ROWS_AT_ONCE];
        int k = (int)(wd->y1 - (int)ci->output_scanline), at = (int)ci->output_scanline - wd->y0;
        k = k < ROWS_AT_ONCE ? k : ROWS_AT_ONCE;
        for (int i = 0; i < k; i++)
            rows[i] = (JSAMPROW)((Uint8 *)s->pixels + (size_t)(at + i) * (size_t)s->pitch);
        if (jpeg_read_scanlines(ci, rows, (JDIMENSION)k) == 0)
            give_up(r, "it ends inside the region");
    }
}

/* The window of the JPEG in buf as a new surface of 4-byte pixels (ARGB8888,
 * or CMYK bytes when *cmyk comes back true) whose first column is the
 * scaled picture's *xoff (libjpeg cuts at a block column, left of x0). */
static SDL_Surface *read_window(JpegRead *r, const unsigned char *buf, size_t len, const ImageHead *hd,
                                const Window *wd, int *xoff, bool *cmyk, char *err, size_t errn)
{
    SDL_Surface *volatile s = NULL;
    memset(&r->ci, 0, sizeof r->ci);
    r->ci.err = jpeg_std_error(&r->em);
    r->em.error_exit = jpeg_fail;
    r->em.output_message = jpeg_quiet;
    if (setjmp(r->jump)) {
        snprintf(err, errn, "JPEG cannot be decoded: %s", r->msg);
        SDL_FreeSurface(s);
        jpeg_destroy_decompress(&r->ci);
        return NULL;
    }
    jpeg_create_decompress(&r->ci);
    r->ci.client_data = r;
    j_decompress_ptr ci = &r->ci;
    jpeg_mem_src(ci, buf, (unsigned long)len);
    jpeg_read_header(ci, TRUE);
    if ((int)ci->image_width != hd->w || (int)ci->image_height != hd->h) {
        snprintf(r->msg, sizeof r->msg, "its frame says %ux%u, its header %dx%d", ci->image_width,
                 ci->image_height, hd->w, hd->h);
        longjmp(r->jump, 1);
    }
    /* as libturbojpeg decodes the whole (decode.c): accurate DCT, fancy
     * upsampling, BGRA (ARGB8888 on little-endian), CMYK as inks */
    *cmyk = ci->jpeg_color_space == JCS_CMYK || ci->jpeg_color_space == JCS_YCCK;
    ci->out_color_space = *cmyk ? JCS_CMYK : SDL_BYTEORDER == SDL_LIL_ENDIAN ? JCS_EXT_BGRA : JCS_EXT_ARGB;
    ci->dct_method = JDCT_ISLOW;
    ci->scale_num = (unsigned)wd->num;
    ci->scale_denom = (unsigned)wd->denom;
    jpeg_start_decompress(ci);
    if ((int)ci->output_width != wd->dw || (int)ci->output_height != wd->dh) {
        snprintf(r->msg, sizeof r->msg, "scaled to %ux%u, not %dx%d", ci->output_width, ci->output_height,
                 wd->dw, wd->dh);
        longjmp(r->jump, 1);
    }
    JDIMENSION x = (JDIMENSION)wd->x0, w = (JDIMENSION)(wd->x1 - wd->x0);
    jpeg_crop_scanline(ci, &x, &w);
    s = SDL_CreateRGBSurfaceWithFormat(0, (int)w, wd->y1 - wd->y0, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        snprintf(r->msg, sizeof r->msg, "out of memory for %ux%d pixels", w, wd->y1 - wd->y0);
        longjmp(r->jump, 1);
    }
    window_rows(r, s, wd);
    *xoff = (int)x;
    /* the rows below are never decoded */
    jpeg_destroy_decompress(ci);
    return s;
}

/* out: rw x rh pixels of the scaled picture dw x dh resampled to tw x th,
 * from (rx, ry); win holds the scaled pixels from (xoff, wd->y0). */
static bool reduce(SDL_Surface *win, int xoff, const Window *wd, int tw, int th, Rect rr, SDL_Surface *out)
{
    int sx, sxn, sy, syn;
    resample_area_source(wd->dw, tw, rr.x, rr.w, &sx, &sxn);
    resample_area_source(wd->dh, th, rr.y, rr.h, &sy, &syn);
    const Uint8 *src = (const Uint8 *)win->pixels + (size_t)(sy - wd->y0) * (size_t)win->pitch +
                       (size_t)(sx - xoff) * 4;
    if (wd->dw == tw && wd->dh == th) { /* its own pixels: a copy */
        for (int y = 0; y < rr.h; y++)
            memcpy((Uint8 *)out->pixels + (size_t)y * (size_t)out->pitch, src + (size_t)y * (size_t)win->pitch,
                   (size_t)rr.w * 4);
        return true;
    }
    uint8_t *tmp = malloc(resample_tmp_size(sxn, rr.h));
    bool ok = tmp && resample_area_part(src, win->pitch, wd->dw, wd->dh, tw, th, rr.x, rr.y, rr.w, rr.h,
                                        out->pixels, out->pitch, tmp);
    free(tmp);
    return ok;
}

SDL_Surface *decode_jpeg_region(const unsigned char *buf, size_t len, const ImageHead *hd, int bw, int bh,
                                Rect region, char *err, size_t errn)
{
    if (hd->w <= 0 || hd->h <= 0) {
        snprintf(err, errn, "not a readable JPEG: it ends before the image starts");
        return NULL;
    }
    if (!imagehead_size_ok(hd->w, hd->h, err, errn))
        return NULL;
    /* the picture fitted to the box as it is seen (upright), and as it is
     * stored, which is what libjpeg reads: the region turns with it */
    int o = hd->orientation, tw, th, uw, uh;
    decode_target_stored(hd->w, hd->h, o, bw, bh, FIT_CONTAIN, &tw, &th);
    pixels_oriented_size(tw, th, o, &uw, &uh);
    if (region.x < 0 || region.y < 0 || region.w < 1 || region.h < 1 || region.x + region.w > uw ||
        region.y + region.h > uh) {
        snprintf(err, errn, "the region %dx%d at %d,%d lies outside its %dx%d pixels", region.w, region.h,
                 region.x, region.y, uw, uh);
        return NULL;
    }
    Rect rr;
    pixels_oriented_rect(tw, th, o, region.x, region.y, region.w, region.h, &rr.x, &rr.y, &rr.w, &rr.h);
    /* the DCT scale the whole would be decoded at, and the scaled pixels
     * the region's outputs read, with a margin */
    Window wd;
    decode_jpeg_scale(hd->w, hd->h, tw, th, &wd.num, &wd.denom, &wd.dw, &wd.dh);
    int sx, sxn, sy, syn;
    resample_area_source(wd.dw, tw, rr.x, rr.w, &sx, &sxn);
    resample_area_source(wd.dh, th, rr.y, rr.h, &sy, &syn);
    wd.x0 = SDL_max(0, sx - WINDOW_MARGIN);
    wd.x1 = SDL_min(wd.dw, sx + sxn + WINDOW_MARGIN);
    wd.y0 = SDL_max(0, sy - WINDOW_MARGIN);
    wd.y1 = SDL_min(wd.dh, sy + syn + WINDOW_MARGIN);
    JpegRead *r = malloc(sizeof *r); /* a jmp_buf and libjpeg's state: off the worker's stack */
    if (!r) {
        snprintf(err, errn, "out of memory");
        return NULL;
    }
    int xoff = 0;
    bool cmyk = false;
    SDL_Surface *win = read_window(r, buf, len, hd, &wd, &xoff, &cmyk, err, errn);
    free(r);
    if (!win)
        return NULL;
    if (cmyk)
        decode_jpeg_inks(win, buf, len, hd);
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, rr.w, rr.h, 32, SDL_PIXELFORMAT_ARGB8888);
    bool ok = out && reduce(win, xoff, &wd, tw, th, rr, out);
    SDL_FreeSurface(win);
    if (!ok) {
        snprintf(err, errn, "out of memory for %dx%d pixels", rr.w, rr.h);
        SDL_FreeSurface(out);
        return NULL;
    }
    out = decode_upright(out, o, err, errn);
    if (out && !cmyk)
        decode_jpeg_profile(out, buf, len, hd);
    return out;
}
