/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zoom.h - the arithmetic of looking closer at an image.
 *
 * A zoomed view is a scale z (1 = the image fitted into its box, as the
 * slide shows it) and the image point at the centre of the box, in
 * fractions of the image (0..1). The show keeps one for the current slide;
 * the scene passes it with the image to the renderer, which places the
 * image with zoom_place(). Everything here is pure, so tests can check that
 * a pinch keeps the point under the fingers and a pan stops at the edges.
 */
#ifndef VITRINE_ZOOM_H
#define VITRINE_ZOOM_H

#include <stdbool.h>

#include "geom.h"

#define ZOOM_MAX_AT_LEAST 4.0f /* how far any image zooms; large ones go to their own pixels */
#define ZOOM_DOUBLE_TAP 2.5f   /* a double tap zooms this far */
#define ZOOM_STEP 1.5f         /* a key press or wheel notch */

typedef struct {
    float z;        /* >= 1 */
    float cx, cy;   /* the image point at the box's centre, 0..1 */
} ZoomView;

typedef struct { float x, y, w, h; } RectF;

#define ZOOM_NONE ((ZoomView){1.0f, 0.5f, 0.5f})

static inline bool zoom_active(ZoomView v)
{
    return v.z > 1.0001f;
}

/* Where the whole image (iw x ih pixels) lands on screen when it is fitted
 * into box and zoomed by v. Parts outside box are not drawn. */
RectF zoom_place(Rect box, int iw, int ih, ZoomView v);
/* The furthest zoom for it: one image pixel to one screen pixel, and at
 * least ZOOM_MAX_AT_LEAST. */
float zoom_max(Rect box, int iw, int ih);
/* v with z within [1, zoom_max] and the centre moved so that the image
 * covers the box wherever it is large enough to (no empty margins inside an
 * image that could fill them), centred where it is not. */
ZoomView zoom_clamp(Rect box, int iw, int ih, ZoomView v);
/* Zoom from v to z keeping the image point under screen point (px, py) where
 * it is, then move the image by (dx, dy) screen pixels (a pinch's midpoint
 * moving); clamped. */
ZoomView zoom_about(Rect box, int iw, int ih, ZoomView v, float z, float px, float py, float dx,
                    float dy);
/* The image point under screen point (px, py), in fractions of the image. */
void zoom_image_point(Rect box, int iw, int ih, ZoomView v, float px, float py, float *u,
                      float *w);

#endif
