/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-tiff - the TIFF reader's worker process (src/worker/wire.h).
 *
 * libtiff reads museum masters here, in a process of its own under a
 * memory limit and a deadline (docs/architecture.md, "Where decoders
 * run"); vitrine's end is src/platform/decode_tiff.c and the requests are
 * in tiff_wire.h. libtiff converts every layout it knows (8 and 16 bits,
 * grey, RGB, CMYK, palette, with or without alpha, any compression it was
 * built with, strips or tiles) to 8-bit RGBA; the picture is read a band
 * of rows at a time and each band is averaged into the size shown at once,
 * so a master of any size costs a band and the result, never the whole.
 * An embedded RGB colour profile is applied (src/colour/icc.h).
 * A pyramid (tiled TIFF with reduced copies after each page) is read from
 * the smallest copy that is still at least the size shown.
 */
#define _XOPEN_SOURCE 700 /* st_mtim */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <tiffio.h>

#include "colour/icc.h"
#include "tiff/tiff_wire.h"
#include "worker/reduce.h"
#include "worker/wire.h"

#define BAND_BYTES (64u << 20)   /* one band of RGBA rows read at once */
#define MAX_ALLOC (256u << 20)   /* libtiff's own limit on one allocation */
#define MAX_DIRS 10000           /* pages and reduced copies looked through */

static char said[1024];
static char tiff_error[512]; /* libtiff's last complaint about the file */

static int on_error(TIFF *t, void *ud, const char *module, const char *fmt, va_list ap)
{
    (void)t;
    (void)ud;
    (void)module;
    vsnprintf(tiff_error, sizeof tiff_error, fmt, ap);
    return 1; /* handled: nothing printed */
}

static int on_warning(TIFF *t, void *ud, const char *module, const char *fmt, va_list ap)
{
    (void)t;
    (void)ud;
    (void)module;
    (void)fmt;
    (void)ap;
    return 1; /* unknown tags and the like: not a reason to refuse */
}

/* ---- the open file, kept for the next request ------------------------------- */

static TIFF *tif;
static char tif_path[4096];
static struct stat tif_st;

static TIFF *open_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(tiff_error, sizeof tiff_error, "the file cannot be opened");
        return NULL;
    }
    if (tif && strcmp(path, tif_path) == 0 && st.st_dev == tif_st.st_dev && st.st_ino == tif_st.st_ino &&
        st.st_size == tif_st.st_size && st.st_mtim.tv_sec == tif_st.st_mtim.tv_sec &&
        st.st_mtim.tv_nsec == tif_st.st_mtim.tv_nsec)
        return tif;
    if (tif)
        TIFFClose(tif);
    tif = NULL;
    TIFFOpenOptions *o = TIFFOpenOptionsAlloc();
    if (!o)
        return NULL;
    TIFFOpenOptionsSetMaxSingleMemAlloc(o, MAX_ALLOC);
    TIFFOpenOptionsSetErrorHandlerExtR(o, on_error, NULL);
    TIFFOpenOptionsSetWarningHandlerExtR(o, on_warning, NULL);
    /* "m": no memory map; a mapped 500 MB file would count against the
     * worker's address-space limit */
    tif = TIFFOpenExt(path, "rm", o);
    TIFFOpenOptionsFree(o);
    if (tif) {
        snprintf(tif_path, sizeof tif_path, "%s", path);
        tif_st = st;
    }
    return tif;
}

static bool reduced(TIFF *t)
{
    uint32_t sft = 0;
    return TIFFGetField(t, TIFFTAG_SUBFILETYPE, &sft) && (sft & FILETYPE_REDUCEDIMAGE);
}

/* The directory of page `page` (1-based; reduced copies are not pages) and
 * the number of pages; -1 when there is no such page. */
static int page_dir(TIFF *t, int page, int *pages)
{
    int dir = -1, n = 0;
    if (!TIFFSetDirectory(t, 0))
        return -1;
    for (int d = 0; d < MAX_DIRS; d++) {
        if (!reduced(t) && ++n == page)
            dir = d;
        if (!TIFFReadDirectory(t))
            break;
    }
    *pages = n;
    return dir;
}

static void size_of(TIFF *t, uint32_t *w, uint32_t *h)
{
    *w = *h = 0;
    TIFFGetField(t, TIFFTAG_IMAGEWIDTH, w);
    TIFFGetField(t, TIFFTAG_IMAGELENGTH, h);
}

/* Go to page `page`, or say why not (into said). */
static bool go_to_page(TIFF *t, int page, int *pages, WireReply *rep)
{
    int dir = page_dir(t, page, pages);
    if (dir < 0 || !TIFFSetDirectory(t, (tdir_t)dir)) {
        snprintf(said, sizeof said, "it has no page %d (it has %d)", page, *pages);
        rep->head.op = WIRE_ERR;
        rep->text = said;
        return false;
    }
    uint32_t w, h;
    size_of(t, &w, &h);
    if (w == 0 || h == 0 || w > TIFF_MAX_SIDE || h > TIFF_MAX_SIDE) {
        snprintf(said, sizeof said, "it is %ux%u pixels; the limit for a TIFF is %d a side", w, h,
                 TIFF_MAX_SIDE);
        rep->head.op = WIRE_ERR;
        rep->text = said;
        return false;
    }
    return true;
}

/* ---- reading a picture, averaged down as it is read --------------------------- */

/* Rows read at once: whole strips or rows of tiles, about 256 rows, less
 * when the picture is very wide. 0 when even one strip is too large. */
static uint32_t band_rows(TIFF *t, uint32_t w, uint32_t h)
{
    uint32_t unit = 0;
    if (TIFFIsTiled(t))
        TIFFGetField(t, TIFFTAG_TILELENGTH, &unit);
    else
        TIFFGetFieldDefaulted(t, TIFFTAG_ROWSPERSTRIP, &unit);
    if (unit == 0 || unit > h)
        unit = h;
    uint64_t row = (uint64_t)w * 4;
    if (row * unit > BAND_BYTES)
        return 0;
    uint32_t band = unit;
    while (band < 256 && band + unit <= h && row * (band + unit) <= BAND_BYTES)
        band += unit;
    return band;
}

/* The sx x sy .. +sw x sh part of the current directory's picture averaged
 * to tw x th, a band of rows at a time: a region reads only the strips or
 * tiles it lies in (libtiff's col_offset and row_offset), the whole picture
 * is the region that is all of it. */
static uint32_t *read_reduced(TIFF *t, uint32_t sx, uint32_t sy, uint32_t sw, uint32_t sh, uint32_t tw,
                              uint32_t th, WireReply *rep)
{
    char emsg[1024] = "";
    TIFFRGBAImage img;
    if (!TIFFRGBAImageOK(t, emsg) || !TIFFRGBAImageBegin(&img, t, 0, emsg)) {
        snprintf(said, sizeof said, "libtiff cannot show this kind of TIFF: %.900s", emsg);
        rep->head.op = WIRE_ERR;
        rep->text = said;
        return NULL;
    }
    /* rows as stored: the orientation is vitrine's to apply (all eight,
     * as for a JPEG's EXIF; libtiff would only flip) */
    img.req_orientation = ORIENTATION_TOPLEFT;
    img.orientation = ORIENTATION_TOPLEFT;
    uint32_t band = band_rows(t, sw, sh);
    uint32_t *raster = band ? malloc((size_t)sw * band * 4) : NULL;
    Reduce r;
    bool ok = raster && reduce_init(&r, sw, sh, tw, th);
    if (!ok) {
        free(raster);
        raster = NULL;
        snprintf(said, sizeof said, band ? "out of memory for the picture"
                                         : "one strip or row of tiles is larger than %u MB",
                 BAND_BYTES >> 20);
        rep->head.op = band ? WIRE_ERR_NOMEM : WIRE_ERR;
        rep->text = said;
        TIFFRGBAImageEnd(&img);
        return NULL;
    }
    for (uint32_t y = 0; ok && y < sh; y += band) {
        uint32_t n = sh - y < band ? sh - y : band;
        img.row_offset = (int)(sy + y);
        img.col_offset = (int)sx;
        tiff_error[0] = '\0';
        if (!TIFFRGBAImageGet(&img, raster, sw, n)) {
            snprintf(said, sizeof said, "it is damaged at row %u: %s", sy + y,
                     tiff_error[0] ? tiff_error : "libtiff could not read it");
            rep->head.op = WIRE_ERR;
            rep->text = said;
            ok = false;
            break;
        }
        for (uint32_t k = 0; k < n; k++) /* libtiff's are premultiplied already */
            reduce_row(&r, y + k, raster + (size_t)k * sw);
    }
    TIFFRGBAImageEnd(&img);
    free(raster);
    if (!ok) {
        reduce_free(&r);
        return NULL;
    }
    rep->head.arg[0] = (int32_t)r.tw;
    rep->head.arg[1] = (int32_t)r.th;
    return reduce_finish(&r);
}

/* A pyramid: the page's reduced copies hang from it as SubIFDs (vips
 * --subifd, OME-TIFF), or follow it in the file (vips --pyramid). The
 * smallest that is still at least tw x th (the page itself when none is). */
static void pick_level(TIFF *t, uint32_t tw, uint32_t th)
{
    tdir_t page = TIFFCurrentDirectory(t), best = page;
    uint16_t n = 0;
    uint64_t *offs = NULL, sub[64], best_sub = 0;
    uint32_t w, h;
    if (TIFFGetField(t, TIFFTAG_SUBIFD, &n, &offs) && n > 0 && offs) {
        n = n < 64 ? n : 64;
        memcpy(sub, offs, n * sizeof *sub); /* the directory's own, gone when it changes */
        uint64_t area = UINT64_MAX;
        for (uint16_t i = 0; i < n && TIFFSetSubDirectory(t, sub[i]); i++) {
            size_of(t, &w, &h);
            if (w >= tw && h >= th && (uint64_t)w * h < area) {
                area = (uint64_t)w * h;
                best_sub = sub[i];
            }
        }
        if (best_sub && TIFFSetSubDirectory(t, best_sub))
            return;
        TIFFSetDirectory(t, page);
        return;
    }
    for (tdir_t d = page + 1; d < page + 64 && TIFFSetDirectory(t, d) && reduced(t); d++) {
        size_of(t, &w, &h);
        if (w >= tw && h >= th)
            best = d;
    }
    TIFFSetDirectory(t, best);
}

/* A region request's numbers: the whole at most the page's own size, the
 * region inside it and no larger than TIFF_REGION_MAX_PIXELS. */
static bool region_ok(const WireHead *rq, uint32_t pw, uint32_t ph)
{
    int64_t tw = rq->arg[1], th = rq->arg[2], rx = rq->arg[3], ry = rq->arg[4], rw = rq->arg[5], rh = rq->arg[6];
    return tw <= pw && th <= ph && rx >= 0 && ry >= 0 && rw >= 1 && rh >= 1 && rx + rw <= tw &&
           ry + rh <= th && rw * rh <= TIFF_REGION_MAX_PIXELS;
}

/* ---- requests ------------------------------------------------------------------ */

static void handle(const WireHead *rq, const char *text, const void *data, WireReply *rep, void *ctx)
{
    (void)data;
    (void)ctx;
    int page = rq->arg[0] > 0 ? rq->arg[0] : 1, pages = 0;
    tiff_error[0] = '\0';
    bool known = rq->op == TIFF_OP_INFO || rq->op == TIFF_OP_DECODE || rq->op == TIFF_OP_REGION;
    TIFF *t = known ? open_file(text) : NULL;
    if (!t) {
        if (known)
            snprintf(said, sizeof said, "it is damaged or cut short (libtiff: %s)",
                     tiff_error[0] ? tiff_error : "cannot open it");
        else
            snprintf(said, sizeof said, "unknown request");
        rep->head.op = known ? WIRE_ERR : WIRE_ERR_BADREQ;
        rep->text = said;
        return;
    }
    if (!go_to_page(t, page, &pages, rep))
        return;
    if (rq->op == TIFF_OP_INFO) {
        uint32_t w, h;
        uint16_t o = ORIENTATION_TOPLEFT;
        size_of(t, &w, &h);
        TIFFGetFieldDefaulted(t, TIFFTAG_ORIENTATION, &o);
        rep->head.arg[0] = (int32_t)w;
        rep->head.arg[1] = (int32_t)h;
        rep->head.arg[2] = o >= 1 && o <= 8 ? o : 1;
        rep->head.arg[3] = pages;
        return;
    }
    if (rq->arg[1] < 1 || rq->arg[2] < 1) {
        rep->head.op = WIRE_ERR_BADREQ;
        rep->text = "nothing to draw into";
        return;
    }
    uint32_t pw, ph;
    size_of(t, &pw, &ph);
    if (rq->op == TIFF_OP_REGION && !region_ok(rq, pw, ph)) {
        rep->head.op = WIRE_ERR_BADREQ;
        rep->text = "the region lies outside the picture, or is larger than a region may be";
        return;
    }
    /* the colour profile belongs to the page, not to a reduced copy; an
     * RGB one only: libtiff has already turned CMYK into RGB its own way */
    uint32_t icc_n = 0;
    void *icc = NULL;
    IccTransform *cm = NULL;
    if (TIFFGetField(t, TIFFTAG_ICCPROFILE, &icc_n, &icc))
        cm = icc_transform_new(icc, icc_n, ICC_IN_ARGB32, NULL, 0);
    if (!cm)
        cm = icc_transform_untagged();
    uint32_t tw = (uint32_t)rq->arg[1], th = (uint32_t)rq->arg[2];
    pick_level(t, tw, th);
    uint32_t lw, lh, *px;
    size_of(t, &lw, &lh);
    if (rq->op == TIFF_OP_REGION) {
        /* the region of the tw x th picture, in the level's pixels: a
         * level is at least tw x th, so it is averaged down (or copied, at
         * the level's own size) */
        uint32_t rx = (uint32_t)rq->arg[3], ry = (uint32_t)rq->arg[4];
        uint32_t rw = (uint32_t)rq->arg[5], rh = (uint32_t)rq->arg[6];
        uint32_t sx0 = (uint32_t)((uint64_t)rx * lw / tw), sy0 = (uint32_t)((uint64_t)ry * lh / th);
        uint32_t sx1 = (uint32_t)(((uint64_t)(rx + rw) * lw + tw - 1) / tw);
        uint32_t sy1 = (uint32_t)(((uint64_t)(ry + rh) * lh + th - 1) / th);
        sx1 = sx1 > lw ? lw : sx1;
        sy1 = sy1 > lh ? lh : sy1;
        px = read_reduced(t, sx0, sy0, sx1 - sx0, sy1 - sy0, rw, rh, rep);
    } else {
        px = read_reduced(t, 0, 0, lw, lh, tw, th, rep);
    }
    if (px && cm)
        icc_transform_argb(cm, px, (size_t)rep->head.arg[0] * (size_t)rep->head.arg[1]);
    icc_transform_free(cm);
    if (!px)
        return;
    rep->data = px;
    rep->head.data_len = (uint64_t)rep->head.arg[0] * (uint64_t)rep->head.arg[1] * 4;
    rep->free_data = free;
}

int main(int argc, char **argv)
{
    char why[256];
    icc_set_display_profile(getenv("VITRINE_DISPLAY_PROFILE"), why, sizeof why);
    TIFFSetErrorHandler(NULL);
    TIFFSetWarningHandler(NULL);
    return wire_serve(argc, argv, handle, NULL);
}
