/* SPDX-License-Identifier: GPL-3.0-or-later */
/* imgdiff - compare two images with a tolerance, for golden-image tests.
 *
 *   imgdiff ACTUAL.png EXPECTED.png [MAX_RMSE] [DIFF_OUT.png]
 *
 * Prints the RMS error (0..255 per channel) and the share of pixels that
 * differ by more than 48 in any channel; exits 0 when RMSE <= MAX_RMSE
 * (default 1.5) and that share is at most 0.2%, 1 otherwise, 2 on bad input.
 * The diff image shows differing pixels in red over a dimmed copy.
 */
#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static SDL_Surface *load(const char *path)
{
    SDL_Surface *s = IMG_Load(path);
    if (!s) {
        fprintf(stderr, "imgdiff: cannot read %s: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGB24, 0);
    SDL_FreeSurface(s);
    return c;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: imgdiff ACTUAL.png EXPECTED.png [MAX_RMSE] [DIFF_OUT.png]\n");
        return 2;
    }
    double max_rmse = argc > 3 ? atof(argv[3]) : 1.5;
    SDL_Surface *a = load(argv[1]), *b = load(argv[2]);
    if (!a || !b)
        return 2;
    if (a->w != b->w || a->h != b->h) {
        printf("imgdiff: sizes differ: %dx%d vs %dx%d\n", a->w, a->h, b->w, b->h);
        return 1;
    }
    SDL_Surface *d = argc > 4 ? SDL_CreateRGBSurfaceWithFormat(0, a->w, a->h, 24, SDL_PIXELFORMAT_RGB24) : NULL;
    double sum = 0;
    long bad = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint8 *pa = (const Uint8 *)a->pixels + (size_t)y * a->pitch;
        const Uint8 *pb = (const Uint8 *)b->pixels + (size_t)y * b->pitch;
        Uint8 *pd = d ? (Uint8 *)d->pixels + (size_t)y * d->pitch : NULL;
        for (int x = 0; x < a->w * 3; x += 3) {
            int worst = 0;
            for (int c = 0; c < 3; c++) {
                int diff = abs(pa[x + c] - pb[x + c]);
                sum += (double)diff * diff;
                if (diff > worst)
                    worst = diff;
            }
            bad += worst > 48;
            if (pd) {
                pd[x] = worst > 16 ? 255 : pb[x] / 3;
                pd[x + 1] = worst > 16 ? 0 : pb[x + 1] / 3;
                pd[x + 2] = worst > 16 ? 0 : pb[x + 2] / 3;
            }
        }
    }
    double n = (double)a->w * a->h;
    double rmse = sqrt(sum / (n * 3));
    double bad_share = bad / n;
    int ok = rmse <= max_rmse && bad_share <= 0.002;
    printf("imgdiff: rmse %.3f (max %.3f), %.3f%% pixels differ strongly: %s\n", rmse, max_rmse,
           bad_share * 100, ok ? "same" : "DIFFERENT");
    if (d && !ok)
        IMG_SavePNG(d, argv[4]);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    SDL_FreeSurface(d);
    return ok ? 0 : 1;
}
