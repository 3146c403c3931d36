/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-heif - the HEIC and AVIF reader's worker process (src/worker/wire.h).
 *
 * libheif decodes phones' HEIC photos and AVIF pictures here, in a process
 * of its own under a memory limit and a deadline (docs/architecture.md,
 * "Where decoders run"); vitrine's end is src/platform/decode_heif.c and
 * the requests are in heif_wire.h. libheif applies the file's own rotation
 * and mirroring (irot, imir), which is where a HEIC keeps its orientation:
 * vitrine applies no EXIF orientation on top. The picture's ICC profile is
 * applied (src/colour/icc.h); it is then averaged down to the size shown
 * (src/worker/reduce.h).
 */
#include <libheif/heif.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colour/icc.h"
#include "core/imagehead.h"
#include "heif/heif_wire.h"
#include "worker/reduce.h"
#include "worker/wire.h"

static char said[1024];

static void refuse(WireReply *rep, const char *why, const char *detail)
{
    snprintf(said, sizeof said, "%s%s%s", why, detail ? ": " : "", detail ? detail : "");
    rep->head.op = WIRE_ERR;
    rep->text = said;
}

/* The primary picture of the file, checked against the limits. */
static struct heif_image_handle *open_primary(const char *path, struct heif_context **ctx, WireReply *rep)
{
    *ctx = heif_context_alloc();
    if (!*ctx) {
        refuse(rep, "out of memory", NULL);
        return NULL;
    }
    heif_context_set_maximum_image_size_limit(*ctx, IMAGE_MAX_SIDE);
    struct heif_error e = heif_context_read_from_file(*ctx, path, NULL);
    struct heif_image_handle *h = NULL;
    if (e.code == heif_error_Ok)
        e = heif_context_get_primary_image_handle(*ctx, &h);
    if (e.code != heif_error_Ok) {
        refuse(rep, "it is damaged or not a picture libheif can read", e.message);
        return NULL;
    }
    int w = heif_image_handle_get_width(h), ht = heif_image_handle_get_height(h);
    if (!imagehead_size_ok(w, ht, said, sizeof said)) {
        rep->head.op = WIRE_ERR;
        rep->text = said;
        heif_image_handle_release(h);
        return NULL;
    }
    rep->head.arg[0] = w;
    rep->head.arg[1] = ht;
    return h;
}

static IccTransform *profile_of(struct heif_image_handle *h)
{
    IccTransform *t = NULL;
    size_t n = heif_image_handle_get_raw_color_profile_size(h);
    void *icc = n > 0 && n < (4u << 20) ? malloc(n) : NULL;
    if (icc && heif_image_handle_get_raw_color_profile(h, icc).code == heif_error_Ok)
        t = icc_transform_new(icc, n, ICC_IN_ARGB32, NULL, 0);
    free(icc);
    return t ? t : icc_transform_untagged(); /* none (or nclx): sRGB */
}

static void decode(struct heif_image_handle *h, uint32_t tw, uint32_t th, WireReply *rep)
{
    struct heif_image *img = NULL;
    struct heif_decoding_options *o = heif_decoding_options_alloc();
    struct heif_error e = heif_decode_image(h, &img, heif_colorspace_RGB, heif_chroma_interleaved_RGBA, o);
    heif_decoding_options_free(o);
    if (e.code != heif_error_Ok) {
        refuse(rep, "it cannot be decoded", e.message);
        return;
    }
    int stride = 0;
    const uint8_t *p = heif_image_get_plane_readonly(img, heif_channel_interleaved, &stride);
    int w = heif_image_get_width(img, heif_channel_interleaved);
    int ht = heif_image_get_height(img, heif_channel_interleaved);
    Reduce r;
    uint32_t *row = w > 0 ? malloc((size_t)w * 4) : NULL;
    IccTransform *t = profile_of(h);
    if (!p || !row || ht < 1 || !reduce_init(&r, (uint32_t)w, (uint32_t)ht, tw, th)) {
        refuse(rep, "out of memory for the picture", NULL);
        rep->head.op = WIRE_ERR_NOMEM;
    } else {
        for (int y = 0; y < ht; y++) {
            /* RGBA bytes are ARGB8888's BGRA swapped: lcms wants the
             * latter (icc.h), reduce.h the former, premultiplied */
            const uint8_t *s = p + (size_t)y * (size_t)stride;
            for (int x = 0; x < w; x++)
                row[x] = (uint32_t)s[4 * x + 3] << 24 | (uint32_t)s[4 * x] << 16 |
                         (uint32_t)s[4 * x + 1] << 8 | s[4 * x + 2];
            if (t)
                icc_transform_argb(t, row, (size_t)w);
            for (int x = 0; x < w; x++) {
                uint32_t c = row[x], a = c >> 24;
                uint32_t rr = (c >> 16 & 255) * a / 255, g = (c >> 8 & 255) * a / 255, b = (c & 255) * a / 255;
                row[x] = a << 24 | b << 16 | g << 8 | rr;
            }
            reduce_row(&r, (uint32_t)y, row);
        }
        rep->head.arg[0] = (int32_t)r.tw;
        rep->head.arg[1] = (int32_t)r.th;
        rep->data = reduce_finish(&r);
        rep->head.data_len = (uint64_t)rep->head.arg[0] * (uint64_t)rep->head.arg[1] * 4;
        rep->free_data = free;
    }
    icc_transform_free(t);
    free(row);
    heif_image_release(img);
}

static void handle(const WireHead *rq, const char *text, const void *data, WireReply *rep, void *ctx)
{
    (void)data;
    (void)ctx;
    if (rq->op != HEIF_OP_INFO && rq->op != HEIF_OP_DECODE) {
        rep->head.op = WIRE_ERR_BADREQ;
        rep->text = "unknown request";
        return;
    }
    struct heif_context *c = NULL;
    struct heif_image_handle *h = open_primary(text, &c, rep);
    if (h && rq->op == HEIF_OP_DECODE) {
        if (rq->arg[0] < 1 || rq->arg[1] < 1) {
            rep->head.op = WIRE_ERR_BADREQ;
            rep->text = "nothing to draw into";
        } else {
            decode(h, (uint32_t)rq->arg[0], (uint32_t)rq->arg[1], rep);
        }
    }
    if (h)
        heif_image_handle_release(h);
    if (c)
        heif_context_free(c);
}

int main(int argc, char **argv)
{
    char why[256];
    icc_set_display_profile(getenv("VITRINE_DISPLAY_PROFILE"), why, sizeof why);
    heif_init(NULL);
    int rc = wire_serve(argc, argv, handle, NULL);
    heif_deinit();
    return rc;
}
