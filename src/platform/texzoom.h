/* SPDX-License-Identifier: GPL-3.0-or-later */
/* texzoom.h - how much of a zoomed picture the picture cache (textures.c)
 * decodes: its whole at the zoom's size, or the view alone. */
#ifndef VITRINE_PLATFORM_TEXZOOM_H
#define VITRINE_PLATFORM_TEXZOOM_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/scene.h"

/* The size a zoomed picture's own pixels are decoded at: as far as the
 * zoom goes (its pixels, or 4x for a drawing), within the zoom budget. */
bool texzoom_full_box(const DrawItem *it, int nat_w, int nat_h, size_t zoom_budget, int *fw, int *fh);

/* The view of a zoom past the resolution of the whole copies it has (have_w
 * pixels wide): the picture at the zoomed size (at most its own pixels; a
 * page has none), bw x bh, and the part of it on screen, snapped out to
 * REGION_GRID so that a small pan needs no new one. At most a screen and
 * its margins: one texture's worth, whatever the zoom. */
bool texzoom_view_region(const DrawItem *it, int nat_w, int nat_h, int have_w, int *bw, int *bh, Rect *rg);

#endif
