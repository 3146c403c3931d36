/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode_icc.c - the colour profile embedded in a JPEG, PNG or WebP,
 * applied to its decoded pixels (src/colour/icc.h; decode_internal.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "decode_internal.h"

#define ICC_MAX (4u << 20) /* a profile is a few KB; a large LUT profile under 1 MB */

/* The profile's bytes, malloc'd, from the places core/imagehead.c found
 * them; NULL when there is none or it cannot be read. */
static unsigned char *profile_of(const unsigned char *buf, size_t len, const ImageHead *hd, size_t *n)
{
    size_t total = 0;
    for (int i = 0; i < hd->icc_parts; i++) {
        if (hd->icc[i].off > len || hd->icc[i].len > len - hd->icc[i].off)
            return NULL;
        total += hd->icc[i].len;
    }
    if (total == 0 || total > ICC_MAX)
        return NULL;
    if (hd->icc_zlib) { /* PNG: inflate, at most ICC_MAX */
        unsigned char *out = malloc(ICC_MAX);
        z_stream z = {0};
        if (!out || inflateInit(&z) != Z_OK) {
            free(out);
            return NULL;
        }
        z.next_in = (Bytef *)(buf + hd->icc[0].off);
        z.avail_in = hd->icc[0].len;
        z.next_out = out;
        z.avail_out = ICC_MAX;
        int r = inflate(&z, Z_FINISH);
        *n = z.total_out;
        inflateEnd(&z);
        if (r != Z_STREAM_END) {
            free(out);
            return NULL;
        }
        return out;
    }
    unsigned char *out = malloc(total);
    if (!out)
        return NULL;
    size_t o = 0;
    for (int i = 0; i < hd->icc_parts; i++) {
        memcpy(out + o, buf + hd->icc[i].off, hd->icc[i].len);
        o += hd->icc[i].len;
    }
    *n = total;
    return out;
}

IccTransform *decode_icc_transform(const unsigned char *buf, size_t len, const ImageHead *hd, IccInput in)
{
    size_t n = 0;
    unsigned char *icc = hd->icc_parts > 0 ? profile_of(buf, len, hd, &n) : NULL;
    IccTransform *t = icc ? icc_transform_new(icc, n, in, NULL, 0) : NULL;
    free(icc);
    /* no (usable) profile: sRGB, which only a display profile changes */
    return t || in != ICC_IN_ARGB32 ? t : icc_transform_untagged();
}

void decode_icc_apply(IccTransform *t, SDL_Surface *s)
{
    for (int y = 0; t && y < s->h; y++)
        icc_transform_argb(t, (uint32_t *)((uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch),
                           (size_t)s->w);
}

void decode_use_display_profile(const char *path)
{
    char why[512];
    if (path && !icc_set_display_profile(path, why, sizeof why)) {
        fprintf(stderr, "vitrine: display_profile: %s; pictures are shown for an sRGB screen\n", why);
        path = NULL;
    }
    /* the workers (vitrine-tiff, ...) read it at their start */
    if (path)
        setenv("VITRINE_DISPLAY_PROFILE", path, 1);
    else
        unsetenv("VITRINE_DISPLAY_PROFILE");
}
