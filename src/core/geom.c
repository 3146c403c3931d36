/* SPDX-License-Identifier: GPL-3.0-or-later */
/* geom.c - see geom.h */
#include "geom.h"

Rect rect_fit(Rect box, int iw, int ih)
{
    if (iw <= 0 || ih <= 0 || box.w <= 0 || box.h <= 0)
        return (Rect){box.x, box.y, 0, 0};
    Rect r;
    /* compare iw/ih with box.w/box.h without floating point */
    if ((int64_t)iw * box.h > (int64_t)ih * box.w) {
        r.w = box.w;
        r.h = (int)(((int64_t)ih * box.w + iw / 2) / iw);
    } else {
        r.h = box.h;
        r.w = (int)(((int64_t)iw * box.h + ih / 2) / ih);
    }
    if (r.w < 1) r.w = 1;
    if (r.h < 1) r.h = 1;
    r.x = box.x + (box.w - r.w) / 2;
    r.y = box.y + (box.h - r.h) / 2;
    return r;
}
