/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-svg - the SVG renderer's worker process (src/worker/wire.h).
 *
 * librsvg, Debian's reference renderer (text, CSS, gradients, filters),
 * draws the drawing here, in a process of its own under a memory limit and
 * a deadline (docs/architecture.md, "Where decoders run"): a crash, a hang
 * or a runaway allocation on a hostile drawing costs one placeholder, never
 * the kiosk. vitrine's end is src/platform/decode_svg.c.
 *
 * Requests (the drawing's bytes are the data; it is read without a base
 * file, so it cannot reach any other file or the network):
 *   SVG_OP_SIZE:   reply arg[0], arg[1] = its own size in pixels (96 dpi),
 *                  from its width and height, else its viewBox.
 *   SVG_OP_RENDER: arg[0], arg[1] = the box, arg[2] = 1 to cover it (else
 *                  contain); reply arg[0], arg[1] = w, h and w*h*4 bytes of
 *                  ARGB8888 rows, not premultiplied. A drawing without a
 *                  size of its own fills the box.
 */
#include <cairo.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/imagehead.h"
#include "svg/svg_wire.h"
#include "worker/wire.h"

static char said[512];

static void refuse(WireReply *rep, int op, const char *what)
{
    snprintf(said, sizeof said, "%s", what);
    rep->head.op = op;
    rep->text = said;
}

static RsvgHandle *open_drawing(const void *data, uint64_t len, WireReply *rep)
{
    GError *e = NULL;
    GInputStream *in = g_memory_input_stream_new_from_data(data, (gssize)len, NULL);
    /* no base file: references to other files are refused by librsvg */
    RsvgHandle *h = rsvg_handle_new_from_stream_sync(in, NULL, RSVG_HANDLE_FLAGS_NONE, NULL, &e);
    g_object_unref(in);
    if (!h) {
        refuse(rep, WIRE_ERR, e ? e->message : "not a drawing librsvg can read");
        if (e)
            g_error_free(e);
        return NULL;
    }
    rsvg_handle_set_dpi(h, 96.0);
    return h;
}

/* The drawing's own size: width and height in absolute units, else its
 * viewBox. false when it states neither (or only percentages). */
static bool own_size(RsvgHandle *h, double *w, double *ht)
{
    if (rsvg_handle_get_intrinsic_size_in_pixels(h, w, ht) && *w > 0 && *ht > 0)
        return true;
    gboolean has_w, has_h, has_vb;
    RsvgLength lw, lh;
    RsvgRectangle vb;
    rsvg_handle_get_intrinsic_dimensions(h, &has_w, &lw, &has_h, &lh, &has_vb, &vb);
    if (has_vb && vb.width > 0 && vb.height > 0) {
        *w = vb.width;
        *ht = vb.height;
        return true;
    }
    return false;
}

static void size_of(const void *data, uint64_t len, WireReply *rep)
{
    RsvgHandle *h = open_drawing(data, len, rep);
    if (!h)
        return;
    double w, ht;
    if (!own_size(h, &w, &ht))
        refuse(rep, WIRE_ERR, "the drawing states no size of its own (no width, height or viewBox)");
    else if (w >= IMAGE_MAX_SIDE || ht >= IMAGE_MAX_SIDE)
        refuse(rep, WIRE_ERR, "the drawing states a size beyond the limits");
    else {
        rep->head.arg[0] = (int32_t)ceil(w);
        rep->head.arg[1] = (int32_t)ceil(ht);
    }
    g_object_unref(h);
}

/* cairo's premultiplied ARGB32 (native words, as SDL's ARGB8888) made
 * straight, as vitrine's other decoders give it. */
static void unpremultiply(uint32_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t c = p[i], a = c >> 24;
        if (a == 255 || a == 0)
            continue;
        uint32_t r = (c >> 16) & 255, g = (c >> 8) & 255, b = c & 255;
        r = (r * 255 + a / 2) / a;
        g = (g * 255 + a / 2) / a;
        b = (b * 255 + a / 2) / a;
        p[i] = a << 24 | (r > 255 ? 255 : r) << 16 | (g > 255 ? 255 : g) << 8 | (b > 255 ? 255 : b);
    }
}

static void render(const WireHead *rq, const void *data, WireReply *rep)
{
    int bw = rq->arg[0], bh = rq->arg[1];
    if (bw < 1 || bh < 1) {
        refuse(rep, WIRE_ERR_BADREQ, "nothing to draw into");
        return;
    }
    RsvgHandle *h = open_drawing(data, rq->data_len, rep);
    if (!h)
        return;
    double w = bw, ht = bh;
    if (own_size(h, &w, &ht)) {
        /* contained or covering the box: a drawing is scaled up too (its
         * own size rounded up first, as the layout sees it: decode_probe) */
        w = ceil(w);
        ht = ceil(ht);
        double sx = bw / w, sy = bh / ht;
        double s = rq->arg[2] == SVG_FIT_COVER ? fmax(sx, sy) : fmin(sx, sy);
        w = floor(w * s + 0.5);
        ht = floor(ht * s + 0.5);
    }
    if (w < 1) w = 1;
    if (ht < 1) ht = 1;
    int iw = w > INT32_MAX ? INT32_MAX : (int)w, ih = ht > INT32_MAX ? INT32_MAX : (int)ht;
    if (!imagehead_size_ok(iw, ih, said, sizeof said)) {
        rep->head.op = WIRE_ERR;
        rep->text = said;
        g_object_unref(h);
        return;
    }
    cairo_surface_t *cs = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, iw, ih);
    if (cairo_surface_status(cs) != CAIRO_STATUS_SUCCESS) {
        refuse(rep, WIRE_ERR_NOMEM, "out of memory for the picture");
        cairo_surface_destroy(cs);
        g_object_unref(h);
        return;
    }
    cairo_t *cr = cairo_create(cs);
    RsvgRectangle vp = {0, 0, iw, ih};
    GError *e = NULL;
    gboolean ok = rsvg_handle_render_document(h, cr, &vp, &e);
    cairo_destroy(cr);
    cairo_surface_flush(cs);
    if (!ok) {
        refuse(rep, WIRE_ERR, e ? e->message : "librsvg could not draw it");
        if (e)
            g_error_free(e);
        cairo_surface_destroy(cs);
        g_object_unref(h);
        return;
    }
    /* the reply's rows, packed (a cairo stride may be wider) */
    size_t row = (size_t)iw * 4;
    int stride = cairo_image_surface_get_stride(cs);
    unsigned char *src = cairo_image_surface_get_data(cs);
    uint32_t *out = malloc(row * (size_t)ih);
    if (!out) {
        refuse(rep, WIRE_ERR_NOMEM, "out of memory for the picture");
    } else {
        for (int y = 0; y < ih; y++)
            memcpy((unsigned char *)out + row * (size_t)y, src + (size_t)stride * (size_t)y, row);
        unpremultiply(out, (size_t)iw * (size_t)ih);
        rep->head.arg[0] = iw;
        rep->head.arg[1] = ih;
        rep->data = out;
        rep->head.data_len = row * (size_t)ih;
        rep->free_data = free;
    }
    cairo_surface_destroy(cs);
    g_object_unref(h);
}

static void handle(const WireHead *rq, const char *text, const void *data, WireReply *rep, void *ctx)
{
    (void)text;
    (void)ctx;
    if (rq->op == SVG_OP_SIZE)
        size_of(data, rq->data_len, rep);
    else if (rq->op == SVG_OP_RENDER)
        render(rq, data, rep);
    else
        refuse(rep, WIRE_ERR_BADREQ, "unknown request");
}

int main(int argc, char **argv)
{
    return wire_serve(argc, argv, handle, NULL);
}
