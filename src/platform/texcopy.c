/* SPDX-License-Identifier: GPL-3.0-or-later */
/* texcopy.c - a texture drawn over a screen rectangle, clipped (texcopy.h). */
#include "texcopy.h"

/* Texture `tex` (tw x th pixels) drawn over screen rectangle d, only where d
 * meets clip: the visible part of the source is worked out here, so no
 * renderer has to scale pixels that end up off screen. */
void copy_clipped(SDL_Renderer *r, SDL_Texture *tex, int tw, int th, RectF d, Rect clip)
{
    double x0 = SDL_max(d.x, (float)clip.x), y0 = SDL_max(d.y, (float)clip.y);
    double x1 = SDL_min(d.x + d.w, (float)(clip.x + clip.w)), y1 = SDL_min(d.y + d.h, (float)(clip.y + clip.h));
    if (x1 <= x0 || y1 <= y0 || d.w <= 0 || d.h <= 0)
        return;
    double kx = tw / (double)d.w, ky = th / (double)d.h;
    int sx0 = (int)SDL_floor((x0 - d.x) * kx), sy0 = (int)SDL_floor((y0 - d.y) * ky);
    int sx1 = (int)SDL_ceil((x1 - d.x) * kx), sy1 = (int)SDL_ceil((y1 - d.y) * ky);
    sx0 = SDL_max(sx0, 0);
    sy0 = SDL_max(sy0, 0);
    sx1 = SDL_min(sx1, tw);
    sy1 = SDL_min(sy1, th);
    if (sx1 <= sx0 || sy1 <= sy0)
        return;
    SDL_Rect src = {sx0, sy0, sx1 - sx0, sy1 - sy0};
    if (SDL_fabs(kx - 1) < 0.01 && SDL_fabs(ky - 1) < 0.01) {
        /* one source pixel to one screen pixel: whole pixels, unfiltered,
         * or every fine line would be smeared across two */
        SDL_Rect px = {(int)SDL_floor(d.x + sx0 + 0.5), (int)SDL_floor(d.y + sy0 + 0.5), src.w, src.h};
        SDL_RenderCopy(r, tex, &src, &px);
        return;
    }
    SDL_FRect dst = {(float)(d.x + sx0 / kx), (float)(d.y + sy0 / ky), (float)(src.w / kx),
                     (float)(src.h / ky)};
    SDL_RenderCopyF(r, tex, &src, &dst);
}
