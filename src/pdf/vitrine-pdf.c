/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-pdf - vitrine's PDF reader, in a process of its own.
 *
 * A persistent worker (src/worker/wire.h, docs/architecture.md "Where
 * decoders run"): vitrine starts it with `vitrine-pdf --serve MEGABYTES`
 * and asks it, over the socket pair on fd 3, for a document's pages and
 * their pixels (the requests: src/pdf/pdf_wire.h). PDF parsers have a long
 * record of memory bugs; here one costs a placeholder, never the kiosk.
 *
 * poppler-glib draws the pages through cairo (GPL-2.0-or-later, so it fits
 * vitrine's GPL-3.0-or-later without AGPL's network clause, which MuPDF
 * would add). The last few documents stay open, keyed by path, size and
 * modification time: turning a page of a 2,000-page deck reads one page,
 * not the whole file again.
 */
#define _XOPEN_SOURCE 700 /* realpath, strdup, st_mtim */
#include <cairo.h>
#include <errno.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdf/pdf_wire.h"
#include "worker/wire.h"

#define KEEP_DOCS 4 /* documents kept open: a lecture's deck and a few exhibits */

typedef struct {
    char *path;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    PopplerDocument *doc;
    unsigned last_use;
} Doc;

static Doc docs[KEEP_DOCS];
static unsigned use_clock;
static char msg[1024];
static cairo_surface_t *last_pixels; /* the previous reply's, freed at the next request */

static void close_doc(Doc *d)
{
    if (d->doc)
        g_object_unref(d->doc);
    free(d->path);
    memset(d, 0, sizeof *d);
}

static bool same_file(const Doc *d, const char *path, const struct stat *st)
{
    return d->doc && strcmp(d->path, path) == 0 && d->dev == st->st_dev && d->ino == st->st_ino &&
           d->size == st->st_size && d->mtime.tv_sec == st->st_mtim.tv_sec &&
           d->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

/* The document at path, opened now or kept from before; NULL with the
 * reason in msg and the kind of error in *kind. */
static PopplerDocument *open_doc(const char *path, int *kind)
{
    *kind = PDF_ERR_OTHER;
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
        return NULL;
    }
    for (int i = 0; i < KEEP_DOCS; i++) {
        if (same_file(&docs[i], path, &st)) {
            docs[i].last_use = ++use_clock;
            return docs[i].doc;
        }
        if (docs[i].doc && strcmp(docs[i].path, path) == 0)
            close_doc(&docs[i]); /* an older copy of the file: it changed */
    }
    Doc *slot = &docs[0]; /* an empty one, else the least recently used */
    for (int i = 1; i < KEEP_DOCS && slot->doc; i++)
        if (!docs[i].doc || docs[i].last_use < slot->last_use)
            slot = &docs[i];
    close_doc(slot);
    GError *ge = NULL;
    char *uri = path[0] == '/' ? g_filename_to_uri(path, NULL, NULL) : NULL;
    if (!uri) { /* a relative path: made absolute first */
        char *abs = realpath(path, NULL);
        uri = abs ? g_filename_to_uri(abs, NULL, NULL) : NULL;
        free(abs);
    }
    PopplerDocument *doc = uri ? poppler_document_new_from_file(uri, NULL, &ge) : NULL;
    g_free(uri);
    if (!doc) {
        if (ge && g_error_matches(ge, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED)) {
            *kind = PDF_ERR_ENCRYPTED;
            snprintf(msg, sizeof msg, "it is protected by a password: save it again without one");
        } else {
            snprintf(msg, sizeof msg, "not a readable PDF (%s)", ge ? ge->message : "damaged");
        }
        if (ge)
            g_error_free(ge);
        return NULL;
    }
    int n = poppler_document_get_n_pages(doc);
    if (n < 1 || n > PDF_MAX_PAGES) {
        snprintf(msg, sizeof msg, n < 1 ? "the PDF has no pages (damaged)"
                                        : "the PDF has %d pages; the limit is %d",
                 n, PDF_MAX_PAGES);
        g_object_unref(doc);
        return NULL;
    }
    *slot = (Doc){strdup(path), st.st_dev, st.st_ino, st.st_size, st.st_mtim, doc, ++use_clock};
    return doc;
}

/* ---- info ------------------------------------------------------------------ */

static void *info_data;

static void info(const char *path, WireReply *rep)
{
    int kind;
    PopplerDocument *doc = open_doc(path, &kind);
    if (!doc) {
        rep->head.op = WIRE_ERR;
        rep->head.arg[0] = kind;
        rep->text = msg;
        return;
    }
    int n = poppler_document_get_n_pages(doc);
    /* sizes first, then the labels: grown as they come */
    size_t cap = (size_t)n * 8 + (size_t)n * 8 + 64, len = (size_t)n * 8;
    char *out = malloc(cap);
    if (!out) {
        rep->head.op = WIRE_ERR_NOMEM;
        rep->text = "out of memory";
        return;
    }
    bool labelled = false;
    for (int i = 0; i < n; i++) {
        PopplerPage *pg = poppler_document_get_page(doc, i);
        double w = 0, h = 0;
        char *label = NULL;
        if (pg) {
            poppler_page_get_size(pg, &w, &h);
            label = poppler_page_get_label(pg);
            g_object_unref(pg);
        }
        int32_t wh[2] = {isfinite(w) && w > 0 && w < 2e7 ? (int32_t)(w * 100) : 0,
                         isfinite(h) && h > 0 && h < 2e7 ? (int32_t)(h * 100) : 0};
        memcpy(out + (size_t)i * 8, wh, 8);
        /* poppler gives the page's number when the document has no labels */
        char num[16];
        snprintf(num, sizeof num, "%d", i + 1);
        const char *l = label ? label : "";
        if (label && strcmp(label, num) != 0)
            labelled = true;
        size_t k = strnlen(l, 200);
        if (len + k + 1 > cap) {
            size_t nc = (len + k + 1) * 2;
            char *no = realloc(out, nc);
            if (!no) {
                free(out);
                g_free(label);
                rep->head.op = WIRE_ERR_NOMEM;
                rep->text = "out of memory";
                return;
            }
            out = no;
            cap = nc;
        }
        memcpy(out + len, l, k);
        out[len + k] = '\0';
        len += k + 1;
        g_free(label);
    }
    char *title = poppler_document_get_title(doc);
    snprintf(msg, sizeof msg, "%s", title ? title : "");
    g_free(title);
    info_data = out;
    rep->head.arg[0] = n;
    rep->head.arg[1] = labelled;
    rep->text = msg;
    rep->data = out;
    rep->head.data_len = len;
}

/* ---- render ------------------------------------------------------------------ */

static void fail(WireReply *rep, int kind)
{
    rep->head.op = WIRE_ERR;
    rep->head.arg[0] = kind;
    rep->text = msg;
}

static void render(const WireHead *req, const char *path, WireReply *rep)
{
    int kind;
    PopplerDocument *doc = open_doc(path, &kind);
    if (!doc) {
        fail(rep, kind);
        return;
    }
    int page = req->arg[0], bw = req->arg[1], bh = req->arg[2], cover = req->arg[3];
    int n = poppler_document_get_n_pages(doc);
    if (page < 1 || page > n) {
        snprintf(msg, sizeof msg, "it has no page %d (it has %d)", page, n);
        fail(rep, PDF_ERR_PAGE);
        return;
    }
    if (bw < 1 || bh < 1 || bw > PDF_MAX_SIDE || bh > PDF_MAX_SIDE) {
        snprintf(msg, sizeof msg, "nothing to draw page %d into", page);
        fail(rep, PDF_ERR_OTHER);
        return;
    }
    PopplerPage *pg = poppler_document_get_page(doc, page - 1);
    if (!pg) {
        snprintf(msg, sizeof msg, "page %d cannot be read (damaged)", page);
        fail(rep, PDF_ERR_OTHER);
        return;
    }
    double pw = 0, ph = 0;
    poppler_page_get_size(pg, &pw, &ph);
    if (!isfinite(pw) || !isfinite(ph) || pw <= 0 || ph <= 0 || pw > 1e7 || ph > 1e7) {
        g_object_unref(pg);
        snprintf(msg, sizeof msg, "page %d has no usable size (%gx%g points; damaged)", page, pw, ph);
        fail(rep, PDF_ERR_OTHER);
        return;
    }
    double sx = bw / pw, sy = bh / ph;
    double s = cover ? fmax(sx, sy) : fmin(sx, sy);
    /* the whole scaled page, at least a pixel a side however thin the page */
    double fw = fmax(1, round(pw * s)), fh = fmax(1, round(ph * s));
    int rx = req->arg[4], ry = req->arg[5], rw = req->arg[6], rh = req->arg[7];
    if (rw <= 0 || rh <= 0) {
        rx = ry = 0;
        rw = fw > PDF_MAX_SIDE ? PDF_MAX_SIDE + 1 : (int)fw;
        rh = fh > PDF_MAX_SIDE ? PDF_MAX_SIDE + 1 : (int)fh;
    }
    if (rx < 0 || ry < 0 || rx + (double)rw > fw + 1 || ry + (double)rh > fh + 1 || rw > PDF_MAX_SIDE ||
        rh > PDF_MAX_SIDE || (uint64_t)rw * (uint64_t)rh > PDF_MAX_PIXELS) {
        g_object_unref(pg);
        snprintf(msg, sizeof msg, "page %d: %dx%d pixels at %d,%d of %gx%g is not a region vitrine draws",
                 page, rw, rh, rx, ry, fw, fh);
        fail(rep, PDF_ERR_OTHER);
        return;
    }
    cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, rw, rh);
    if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surf);
        g_object_unref(pg);
        rep->head.op = WIRE_ERR_NOMEM;
        snprintf(msg, sizeof msg, "out of memory for page %d at %dx%d pixels", page, rw, rh);
        rep->text = msg;
        return;
    }
    cairo_t *cr = cairo_create(surf);
    cairo_set_source_rgb(cr, 1, 1, 1); /* paper: a page is drawn on white */
    cairo_paint(cr);
    cairo_translate(cr, -rx, -ry);
    cairo_scale(cr, fw / pw, fh / ph);
    poppler_page_render(pg, cr);
    cairo_status_t cs = cairo_status(cr);
    cairo_destroy(cr);
    g_object_unref(pg);
    cairo_surface_flush(surf);
    if (cs != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surf);
        snprintf(msg, sizeof msg, "page %d cannot be drawn: %s", page, cairo_status_to_string(cs));
        fail(rep, PDF_ERR_OTHER);
        return;
    }
    /* cairo's ARGB32 is SDL's ARGB8888 (native-endian words); opaque, so
     * premultiplied or not is the same. Its stride is 4 * width. */
    last_pixels = surf;
    rep->head.arg[0] = rw;
    rep->head.arg[1] = rh;
    rep->head.arg[2] = (int32_t)fw;
    rep->head.arg[3] = (int32_t)fh;
    rep->data = cairo_image_surface_get_data(surf);
    rep->head.data_len = (uint64_t)cairo_image_surface_get_stride(surf) * (uint64_t)rh;
}

static void handle(const WireHead *req, const char *text, const void *data, WireReply *rep, void *ctx)
{
    (void)data, (void)ctx;
    if (last_pixels) {
        cairo_surface_destroy(last_pixels);
        last_pixels = NULL;
    }
    free(info_data);
    info_data = NULL;
    switch (req->op) {
    case PDF_OP_INFO:
        info(text, rep);
        return;
    case PDF_OP_RENDER:
        render(req, text, rep);
        return;
    default:
        rep->head.op = WIRE_ERR_BADREQ;
    }
}

int main(int argc, char **argv)
{
    return wire_serve(argc, argv, handle, NULL);
}
