/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zoom.c - see zoom.h */
#include "zoom.h"

#include <math.h>

RectF zoom_place(Rect box, int iw, int ih, ZoomView v)
{
    Rect f = rect_fit(box, iw, ih);
    float w = (float)f.w * v.z, h = (float)f.h * v.z;
    float mx = (float)box.x + (float)box.w / 2, my = (float)box.y + (float)box.h / 2;
    return (RectF){mx - v.cx * w, my - v.cy * h, w, h};
}

float zoom_max(Rect box, int iw, int ih)
{
    Rect f = rect_fit(box, iw, ih);
    float native = f.w > 0 ? (float)iw / (float)f.w : 1.0f;
    return native > ZOOM_MAX_AT_LEAST ? native : ZOOM_MAX_AT_LEAST;
}

/* One axis: the centre c of a displayed length d in a box of length b. */
static float clamp_centre(float c, float d, float b)
{
    if (!(d > b))
        return 0.5f; /* smaller than the box: centred */
    float half = b / (2 * d);
    if (!(c >= half)) /* also catches NaN */
        return half;
    if (c > 1 - half)
        return 1 - half;
    return c;
}

ZoomView zoom_clamp(Rect box, int iw, int ih, ZoomView v)
{
    float max = zoom_max(box, iw, ih);
    if (!(v.z >= 1.0f))
        v.z = 1.0f;
    if (v.z > max)
        v.z = max;
    Rect f = rect_fit(box, iw, ih);
    v.cx = clamp_centre(v.cx, (float)f.w * v.z, (float)box.w);
    v.cy = clamp_centre(v.cy, (float)f.h * v.z, (float)box.h);
    return v;
}

void zoom_image_point(Rect box, int iw, int ih, ZoomView v, float px, float py, float *u,
                      float *w)
{
    RectF p = zoom_place(box, iw, ih, v);
    *u = p.w > 0 ? (px - p.x) / p.w : 0.5f;
    *w = p.h > 0 ? (py - p.y) / p.h : 0.5f;
}

ZoomView zoom_about(Rect box, int iw, int ih, ZoomView v, float z, float px, float py, float dx,
                    float dy)
{
    float u, w;
    zoom_image_point(box, iw, ih, v, px, py, &u, &w);
    float max = zoom_max(box, iw, ih);
    z = z < 1.0f ? 1.0f : z > max ? max : z;
    Rect f = rect_fit(box, iw, ih);
    float dw = (float)f.w * z, dh = (float)f.h * z;
    float mx = (float)box.x + (float)box.w / 2, my = (float)box.y + (float)box.h / 2;
    /* (u, w) is to be drawn at (px + dx, py + dy): solve for the centre */
    ZoomView out = {z, dw > 0 ? u - (px + dx - mx) / dw : 0.5f, dh > 0 ? w - (py + dy - my) / dh : 0.5f};
    return zoom_clamp(box, iw, ih, out);
}
