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
 * An embedded colour profile is applied (src/colour/icc.h); CMYK and grey
 * of 8 or 16 bits are read here, not by libtiff's RGBA reader (see "CMYK
 * and grey" below).
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

/* ---- CMYK and grey, read here rather than by libtiff's RGBA reader ------------- */

/* libtiff 4.5's RGBA reader has no 16-bit CMYK, no 16-bit CMYK in separate
 * planes, knows nothing of a CMYK profile, takes an 8-bit grey's alpha for
 * premultiplied when it is not, drops a 16-bit grey's alpha and garbles a
 * 16-bit grey's tiles past the last whole one. So CMYK and grey of 8 or 16
 * bits (the samples side by side or each in a plane of its own, strips or
 * tiles, an alpha after them or not) are read here: the inks turned into
 * light through the file's profile, given all 16 bits of a 16-bit ink, or
 * as libtiff does when there is none. */
typedef struct {
    TIFF *t;
    uint16_t bps, spp, alpha;      /* alpha: 0 none, else EXTRASAMPLE_* of the sample after the colour */
    uint16_t colours, photometric; /* samples of colour: 4 inks or 1 grey; PHOTOMETRIC_* */
    uint16_t planes;               /* 0: samples side by side; else the planes read (colours + alpha) */
    uint16_t stride;               /* samples of a pixel in `line`: spp, or planes */
    uint32_t tw, tl;               /* a tile's size, or a plane's strip's; 0 in side-by-side strips */
    tmsize_t unit;                 /* bytes of a scanline, of a tile or of a plane's strip */
    uint8_t *line, *tile;          /* a scanline, or a row of tiles (strips) interleaved; one tile */
    uint16_t *ink;                 /* sw x 4 inks for the profile, 16 bits */
    uint32_t *light;               /* the same sw pixels through the profile */
    int64_t tile_row;              /* the row of tiles in `line` (-1: none) */
    uint32_t sx, sw;
    IccTransform *cm;              /* the file's CMYK profile (ICC_IN_CMYK16), or NULL */
} Own;

/* A CMYK picture: its profile is for its inks (handle). */
static bool is_cmyk(TIFF *t)
{
    uint16_t ph = 0, ink = INKSET_CMYK, spp = 1, bps = 1;
    TIFFGetField(t, TIFFTAG_PHOTOMETRIC, &ph);
    TIFFGetFieldDefaulted(t, TIFFTAG_INKSET, &ink);
    TIFFGetFieldDefaulted(t, TIFFTAG_SAMPLESPERPIXEL, &spp);
    TIFFGetFieldDefaulted(t, TIFFTAG_BITSPERSAMPLE, &bps);
    return ph == PHOTOMETRIC_SEPARATED && ink == INKSET_CMYK && spp >= 4 && spp <= 8 &&
           (bps == 8 || bps == 16);
}

/* Read here (Own), not by libtiff's RGBA reader: CMYK, and grey of 8 or 16
 * bits (other greys, 1 to 4 bits and paletted, are libtiff's). */
static bool read_here(TIFF *t)
{
    uint16_t ph = 0, bps = 1;
    TIFFGetField(t, TIFFTAG_PHOTOMETRIC, &ph);
    TIFFGetFieldDefaulted(t, TIFFTAG_BITSPERSAMPLE, &bps);
    return is_cmyk(t) ||
           ((ph == PHOTOMETRIC_MINISBLACK || ph == PHOTOMETRIC_MINISWHITE) && (bps == 8 || bps == 16));
}

/* Where the reader reads from: tiles, a plane's strips (as tiles as wide as
 * the picture) or scanlines; false when the file's numbers disagree. */
static bool own_unit(Own *c, size_t in)
{
    uint32_t w = 0, h = 0;
    size_of(c->t, &w, &h);
    if (TIFFIsTiled(c->t)) {
        TIFFGetField(c->t, TIFFTAG_TILEWIDTH, &c->tw);
        TIFFGetField(c->t, TIFFTAG_TILELENGTH, &c->tl);
        c->unit = TIFFTileSize(c->t);
    } else if (c->planes) {
        c->tw = w;
        TIFFGetFieldDefaulted(c->t, TIFFTAG_ROWSPERSTRIP, &c->tl);
        c->tl = c->tl < h ? c->tl : h;
        c->unit = TIFFStripSize(c->t);
    } else {
        c->unit = TIFFScanlineSize(c->t);
        return c->unit > 0 && (uint64_t)c->unit >= (uint64_t)(c->sx + c->sw) * in;
    }
    return c->tw > 0 && c->tl > 0 && c->unit > 0 && (uint64_t)c->unit >= (uint64_t)c->tw * c->tl * in;
}

/* NULL when the reader is made (own_allocated says whether its memory
 * was), else why the file cannot be read so. */
static const char *own_begin(Own *c, TIFF *t, uint32_t sx, uint32_t sw, IccTransform *cm)
{
    memset(c, 0, sizeof *c);
    c->t = t;
    c->sx = sx;
    c->sw = sw;
    c->cm = cm;
    c->tile_row = -1;
    uint16_t planar = PLANARCONFIG_CONTIG, n = 0, *kinds = NULL;
    TIFFGetFieldDefaulted(t, TIFFTAG_BITSPERSAMPLE, &c->bps);
    TIFFGetFieldDefaulted(t, TIFFTAG_SAMPLESPERPIXEL, &c->spp);
    TIFFGetFieldDefaulted(t, TIFFTAG_PLANARCONFIG, &planar);
    TIFFGetField(t, TIFFTAG_PHOTOMETRIC, &c->photometric);
    c->colours = c->photometric == PHOTOMETRIC_SEPARATED ? 4 : 1;
    if (c->spp > c->colours && TIFFGetField(t, TIFFTAG_EXTRASAMPLES, &n, &kinds) && n > 0 && kinds &&
        (kinds[0] == EXTRASAMPLE_ASSOCALPHA || kinds[0] == EXTRASAMPLE_UNASSALPHA))
        c->alpha = kinds[0];
    c->planes = planar == PLANARCONFIG_SEPARATE ? (uint16_t)(c->colours + (c->alpha ? 1 : 0)) : 0;
    c->stride = c->planes ? c->planes : c->spp;
    size_t b = c->bps / 8;
    if (c->spp < c->colours || !own_unit(c, (size_t)(c->planes ? 1 : c->spp) * b))
        return "its layout of samples is damaged";
    if (c->tw) {
        uint64_t span = ((uint64_t)(sx + sw - 1) / c->tw - sx / c->tw + 1) * c->tw;
        if ((uint64_t)c->tl * span * c->stride * b > MAX_ALLOC)
            return "one strip or row of tiles of its samples is larger than 256 MB";
        c->tile = malloc((size_t)c->unit);
        c->line = malloc((size_t)c->tl * span * c->stride * b);
    } else {
        c->line = malloc((size_t)c->unit);
    }
    c->ink = malloc((size_t)sw * 4 * sizeof *c->ink);
    c->light = malloc((size_t)sw * sizeof *c->light);
    return NULL;
}

static bool own_allocated(const Own *c)
{
    return c->line && c->ink && c->light && (c->tile || !c->tw);
}

static void own_end(Own *c)
{
    free(c->line);
    free(c->tile);
    free(c->ink);
    free(c->light);
}

/* Tile (or strip) k of the row of tiles at row y0, plane `plane`, into
 * `line` at column k0 of its span: whole pixels when side by side, one
 * sample of each pixel when in planes. */
static bool own_read_tile(Own *c, uint32_t k, uint32_t k0, uint32_t y0, uint16_t plane, size_t span)
{
    size_t b = c->bps / 8, px = (size_t)c->stride * b;
    tmsize_t got = c->planes && !TIFFIsTiled(c->t)
                       ? TIFFReadEncodedStrip(c->t, TIFFComputeStrip(c->t, y0, plane), c->tile, c->unit)
                       : TIFFReadTile(c->t, c->tile, k * c->tw, y0, 0, plane);
    if (got < 0)
        return false;
    for (uint32_t r = 0; r < c->tl; r++) {
        uint8_t *to = c->line + ((size_t)r * span + (size_t)(k - k0) * c->tw) * px;
        const uint8_t *from = c->tile + (size_t)r * c->tw * (c->planes ? b : px);
        if (!c->planes) {
            memcpy(to, from, c->tw * px);
            continue;
        }
        for (uint32_t x = 0; x < c->tw; x++)
            memcpy(to + x * px + plane * b, from + x * b, b);
    }
    return true;
}

/* The samples of row y from column sx on, side by side: a scanline, or the
 * row in the row of tiles (or of a plane's strips) it lies in, read once
 * for the tl rows it holds. */
static const uint8_t *own_samples(Own *c, uint32_t y)
{
    size_t px = (size_t)c->stride * (c->bps / 8);
    if (!c->tw)
        return TIFFReadScanline(c->t, c->line, y, 0) < 0 ? NULL : c->line + (size_t)c->sx * px;
    uint32_t c0 = c->sx / c->tw, c1 = (c->sx + c->sw - 1) / c->tw, span = (c1 - c0 + 1) * c->tw;
    if (c->tile_row != y / c->tl) {
        c->tile_row = -1;
        for (uint16_t p = 0; p < (c->planes ? c->planes : 1); p++)
            for (uint32_t k = c0; k <= c1; k++)
                if (!own_read_tile(c, k, c0, y / c->tl * c->tl, p, span))
                    return NULL;
        c->tile_row = y / c->tl;
    }
    return c->line + ((size_t)(y % c->tl) * span + (c->sx - c0 * c->tw)) * px;
}

/* Row y as libtiff's premultiplied ABGR words: the inks through the
 * profile, or light = (1-ink)(1-black); the grey as it is, or inverted. */
static bool own_row(Own *c, uint32_t y, uint32_t *out)
{
    const uint8_t *s = own_samples(c, y);
    if (!s)
        return false;
    for (uint32_t x = 0; x < c->sw; x++) {
        uint32_t v[5] = {0, 0, 0, 0, 65535}; /* C, M, Y, K or grey, then alpha, as 16 bits */
        for (int k = 0; k < c->colours + (c->alpha ? 1 : 0); k++) {
            const uint8_t *p = s + ((size_t)x * c->stride + (size_t)k) * (c->bps / 8);
            uint16_t w16 = 0;
            memcpy(&w16, p, 2 * (c->bps == 16)); /* libtiff gives them in host order */
            v[k] = c->bps == 8 ? p[0] * 257u : w16;
        }
        if (c->alpha && c->colours == 1)
            v[4] = v[1];
        uint32_t a = (v[4] + 128) / 257, rgb[3];
        for (int k = 0; k < 4; k++)
            c->ink[4 * x + (uint32_t)k] = (uint16_t)v[k]; /* 8 bits as lcms widens them */
        for (int k = 0; k < 3; k++)
            if (c->colours == 1)
                rgb[k] = ((c->photometric == PHOTOMETRIC_MINISWHITE ? 65535 - v[0] : v[0]) + 128) / 257;
            else
                rgb[k] = (uint32_t)(((uint64_t)(65535 - v[k]) * (65535 - v[3]) / 65535 + 128) / 257);
        c->light[x] = rgb[0] << 16 | rgb[1] << 8 | rgb[2];
        out[x] = a;
    }
    if (c->cm)
        icc_transform_cmyk(c->cm, c->ink, c->light, c->sw);
    for (uint32_t x = 0; x < c->sw; x++) {
        uint32_t a = out[x], p = c->light[x];
        uint32_t rgb[3] = {p >> 16 & 255, p >> 8 & 255, p & 255};
        if (c->alpha == EXTRASAMPLE_UNASSALPHA)
            for (int k = 0; k < 3; k++)
                rgb[k] = (rgb[k] * a + 127) / 255;
        out[x] = a << 24 | rgb[2] << 16 | rgb[1] << 8 | rgb[0];
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

/* read_reduced for CMYK: a row at a time (libtiff keeps the strip or the
 * row of tiles being read). */
static uint32_t *read_reduced_own(TIFF *t, uint32_t sx, uint32_t sy, uint32_t sw, uint32_t sh, uint32_t tw,
                                   uint32_t th, IccTransform *ink, WireReply *rep)
{
    Own c;
    Reduce r;
    if (band_rows(t, sw, sh) == 0) { /* the same bound as libtiff's reader's band */
        snprintf(said, sizeof said, "one strip or row of tiles is larger than %u MB", BAND_BYTES >> 20);
        rep->head.op = WIRE_ERR;
        rep->text = said;
        return NULL;
    }
    uint32_t *row = malloc((size_t)sw * 4);
    const char *why = own_begin(&c, t, sx, sw, ink);
    bool ok = row && !why && own_allocated(&c) && reduce_init(&r, sw, sh, tw, th);
    if (!ok) {
        snprintf(said, sizeof said, "%s", why ? why : "out of memory for the picture");
        rep->head.op = why ? WIRE_ERR : WIRE_ERR_NOMEM;
        rep->text = said;
    }
    for (uint32_t y = 0; ok && y < sh; y++) {
        tiff_error[0] = '\0';
        if (!own_row(&c, sy + y, row)) {
            snprintf(said, sizeof said, "it is damaged at row %u: %s", sy + y,
                     tiff_error[0] ? tiff_error : "libtiff could not read it");
            rep->head.op = WIRE_ERR;
            rep->text = said;
            reduce_free(&r);
            ok = false;
            break;
        }
        reduce_row(&r, y, row);
    }
    own_end(&c);
    free(row);
    if (!ok)
        return NULL;
    rep->head.arg[0] = (int32_t)r.tw;
    rep->head.arg[1] = (int32_t)r.th;
    return reduce_finish(&r);
}

/* The sx x sy .. +sw x sh part of the current directory's picture averaged
 * to tw x th, a band of rows at a time: a region reads only the strips or
 * tiles it lies in (libtiff's col_offset and row_offset), the whole picture
 * is the region that is all of it. */
static uint32_t *read_reduced(TIFF *t, uint32_t sx, uint32_t sy, uint32_t sw, uint32_t sh, uint32_t tw,
                              uint32_t th, IccTransform *ink, WireReply *rep)
{
    if (read_here(t))
        return read_reduced_own(t, sx, sy, sw, sh, tw, th, ink, rep);
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
    /* the colour profile belongs to the page, not to a reduced copy; a
     * CMYK one is applied to the inks as they are read (read_reduced_own) */
    uint32_t icc_n = 0;
    void *icc = NULL;
    IccTransform *cm = NULL, *ink = NULL;
    bool has_icc = TIFFGetField(t, TIFFTAG_ICCPROFILE, &icc_n, &icc);
    if (has_icc && is_cmyk(t))
        ink = icc_transform_new(icc, icc_n, ICC_IN_CMYK16, NULL, 0);
    else if (has_icc)
        cm = icc_transform_new(icc, icc_n, ICC_IN_ARGB32, NULL, 0);
    if (!cm && !ink) /* CMYK without a profile is taken, like libtiff, for sRGB */
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
        px = read_reduced(t, sx0, sy0, sx1 - sx0, sy1 - sy0, rw, rh, ink, rep);
    } else {
        px = read_reduced(t, 0, 0, lw, lh, tw, th, ink, rep);
    }
    if (px && cm)
        icc_transform_argb(cm, px, (size_t)rep->head.arg[0] * (size_t)rep->head.arg[1]);
    icc_transform_free(cm);
    icc_transform_free(ink);
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
