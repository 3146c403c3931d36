/* SPDX-License-Identifier: GPL-3.0-or-later */
/* texzoom.c - see texzoom.h */
#include "texzoom.h"

#include "core/zoom.h"
#include "platform/decode.h"

#define REGION_GRID 256  /* a zoom's region snaps out to this grid: a small pan keeps it */
/* A JPEG over this share of the zoom budget (16 MB: 4 megapixels) zooms by its
 * view alone; a smaller one's whole is as cheap as a view, and pans free */
#define VIEW_SHARE 8

bool texzoom_full_box(const DrawItem *it, int nat_w, int nat_h, size_t zoom_budget, int *fw, int *fh)
{
    Rect f = rect_fit(it->r, nat_w, nat_h);
    if (f.w < 1 || f.h < 1)
        return false;
    double k = zoom_max(it->r, nat_w, nat_h);
    if (it->format == IMG_FMT_PDF) /* the whole page to 4x; further, the part in view (want_region) */
        k = SDL_min(k, ZOOM_MAX_AT_LEAST);
    double w = f.w * k, h = f.h * k;
    /* a photograph's own pixels, exactly (not a few fewer: resampling 5472
     * to 5469 would blur every fine line); a drawing has none of its own */
    if (it->format != IMG_FMT_SVG && it->format != IMG_FMT_PDF && (w > nat_w * 0.98 || h > nat_h * 0.98)) {
        w = nat_w;
        h = nat_h;
    }
    double bytes = w * h * 4;
    if (decode_zoom_by_view(it->format) && bytes > (double)zoom_budget / VIEW_SHARE)
        return false; /* a large JPEG: only its view (want_region) */
    if (bytes > (double)zoom_budget) {
        /* a picture read by region: its own pixels come a view at a time
         * instead of a blurred whole */
        if (it->format != IMG_FMT_PDF && decode_by_region(it->format))
            return false;
        double s = SDL_sqrt((double)zoom_budget / bytes);
        w *= s;
        h *= s;
    }
    *fw = (int)w;
    *fh = (int)h;
    /* only worth it when it has more pixels than the screen-size copy */
    return *fw > f.w + 1 && *fh > f.h + 1;
}

bool texzoom_view_region(const DrawItem *it, int nat_w, int nat_h, int have_w, int *bw, int *bh, Rect *rg)
{
    if (!decode_by_region(it->format) || it->fit != FIT_CONTAIN || nat_w < 1 || nat_h < 1)
        return false;
    RectF d = zoom_place(it->r, nat_w, nat_h, it->zoom);
    double w = d.w, h = d.h;
    if (it->format != IMG_FMT_PDF && (w > nat_w * 0.98 || h > nat_h * 0.98)) {
        w = nat_w; /* its own pixels, exactly (full_box) */
        h = nat_h;
    }
    if (it->format == IMG_FMT_PDF && (w > DECODE_MAX_SIDE || h > DECODE_MAX_SIDE)) {
        double k = DECODE_MAX_SIDE / SDL_max(w, h); /* a page is drawn at most this large */
        w *= k;
        h *= k;
    }
    if (w <= have_w * 1.05 || d.w < 1 || d.h < 1)
        return false;
    *bw = (int)SDL_lround(w);
    *bh = (int)SDL_lround(h);
    double kx = *bw / d.w, ky = *bh / d.h;
    double x0 = SDL_max(d.x, (float)it->r.x), x1 = SDL_min(d.x + d.w, (float)(it->r.x + it->r.w));
    double y0 = SDL_max(d.y, (float)it->r.y), y1 = SDL_min(d.y + d.h, (float)(it->r.y + it->r.h));
    if (x1 <= x0 || y1 <= y0)
        return false;
    int rx0 = (int)SDL_floor((x0 - d.x) * kx) / REGION_GRID * REGION_GRID;
    int ry0 = (int)SDL_floor((y0 - d.y) * ky) / REGION_GRID * REGION_GRID;
    int rx1 = SDL_min(*bw, ((int)SDL_ceil((x1 - d.x) * kx) + REGION_GRID - 1) / REGION_GRID * REGION_GRID);
    int ry1 = SDL_min(*bh, ((int)SDL_ceil((y1 - d.y) * ky) + REGION_GRID - 1) / REGION_GRID * REGION_GRID);
    *rg = (Rect){SDL_max(rx0, 0), SDL_max(ry0, 0), 0, 0};
    rg->w = rx1 - rg->x;
    rg->h = ry1 - rg->y;
    return rg->w > 0 && rg->h > 0;
}
