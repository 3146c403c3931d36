/* SPDX-License-Identifier: GPL-3.0-or-later */
/* texfail.h - what the picture cache (textures.c) could not have, so that
 * it is not asked for again every frame.
 *
 * Failures are remembered by path and page (one damaged page of a PDF is
 * not the whole document) and by what failed: the screen-size picture, a
 * zoom's whole full pixels, or a zoom's region. A zoom's full pixels or
 * region that could not be had (too large for memory, say) then costs
 * neither the screen-size copy nor the whole re-render. */
#ifndef VITRINE_PLATFORM_TEXFAIL_H
#define VITRINE_PLATFORM_TEXFAIL_H

#include <stdbool.h>

#include "core/geom.h"

typedef enum { FAIL_SCREEN, FAIL_FULL, FAIL_REGION } FailKind;

typedef struct {
    char **keys; /* owned */
    int n;
} TexFailures;

/* What a request failing failed: a region (rg.w > 0), full pixels, or the
 * screen-size picture. */
FailKind texfail_kind(bool full, Rect rg);
bool texfail_known(const TexFailures *f, const char *path, int page, FailKind kind);
/* Out of memory: not remembered (asked for again, failing again). */
void texfail_remember(TexFailures *f, const char *path, int page, FailKind kind);
void texfail_clear(TexFailures *f);

#endif
