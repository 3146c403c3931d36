/* SPDX-License-Identifier: GPL-3.0-or-later */
/* geom.h - rectangles and colours shared by layout, scene and renderer. */
#ifndef VITRINE_GEOM_H
#define VITRINE_GEOM_H

#include <stdbool.h>
#include <stdint.h>

typedef struct { int x, y, w, h; } Rect;
typedef struct { uint8_t r, g, b, a; } Color;

static inline bool rect_contains(Rect r, float x, float y)
{
    return x >= (float)r.x && y >= (float)r.y && x < (float)(r.x + r.w) && y < (float)(r.y + r.h);
}

/* The largest rectangle with aspect iw:ih centred inside box. */
Rect rect_fit(Rect box, int iw, int ih);

#endif
