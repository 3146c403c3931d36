/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_image.c - libFuzzer target: the image ingest path of the viewer.
 *
 * The input is an image file. It goes into one in-memory file per process
 * (fuzz_common.h) and through decode_image() exactly as the texture loader
 * calls it: sniffing, the header checks, the one decoder for the sniffed
 * format (libturbojpeg, SDL_image's PNG/WebP/SVG loaders), conversion,
 * flattening and the area-averaging downscale. Each input is decoded into
 * a small and a screen-like box, contained and covering, and three regions
 * of a zoomed box are read by themselves (a JPEG's through libjpeg's
 * cropping and skipping).
 *
 * No window is needed: SDL surfaces work without SDL_Init. Allocations stay
 * bounded by decode_image's own limits (DECODE_MAX_SIDE, DECODE_MAX_PIXELS);
 * run with -rss_limit_mb=2048 -malloc_limit_mb=1024 (fuzz/run.sh does).
 */
#include "fuzz_common.h"

#include <SDL.h>
#include <SDL_image.h>

#include "platform/decode.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    IMG_Init(IMG_INIT_JPG | IMG_INIT_PNG | IMG_INIT_WEBP);
    /* SDL keeps one error buffer per thread from the first error on */
    SDL_SetError("warm-up");
    SDL_ClearError();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct {
        int w, h;
        FitMode fit;
    } boxes[] = {
        {64, 64, FIT_CONTAIN},
        {64, 64, FIT_COVER},
        {300, 200, FIT_CONTAIN},
        {300, 200, FIT_COVER},
    };
    FuzzFile *f = fuzz_file(".img");
    const char *path = fuzz_file_write(f, data, size);
    const Color bg = {17, 17, 17, 255};
    for (size_t i = 0; i < sizeof boxes / sizeof *boxes; i++) {
        char err[256] = "";
        int allocs = SDL_GetNumAllocations();
        SDL_Surface *s = decode_image(path, boxes[i].w, boxes[i].h, boxes[i].fit, bg, err,
                                      sizeof err);
        if (!s) {
            if (!err[0])
                abort(); /* decode.h: NULL comes with a reason */
            continue;
        }
        /* decode.h: ARGB8888, never larger than the box needs (small images
         * keep their own size) */
        if (s->format->format != SDL_PIXELFORMAT_ARGB8888 || s->w < 1 || s->h < 1 ||
            s->w > DECODE_MAX_SIDE || s->h > DECODE_MAX_SIDE)
            abort();
        /* touch every pixel, so a short buffer shows up under ASan */
        uint32_t sum = 0;
        for (int y = 0; y < s->h; y++) {
            const uint32_t *p = (const uint32_t *)((const uint8_t *)s->pixels +
                                                   (size_t)y * (size_t)s->pitch);
            for (int x = 0; x < s->w; x++)
                sum += p[x];
        }
        volatile uint32_t keep = sum;
        (void)keep;
        SDL_FreeSurface(s);
        /* Every SDL allocation of a successful decode is given back. (Failed
         * ones are left to LeakSanitizer: SDL_image leaks nanosvg's parse of
         * an SVG without a size, see fuzz/lsan.supp.) */
        if (SDL_GetNumAllocations() != allocs) {
            fprintf(stderr, "fuzz_image: %d SDL allocations not freed\n",
                    SDL_GetNumAllocations() - allocs);
            abort();
        }
    }
    /* a zoom's view read by itself (a JPEG's rows and columns, decode_jpeg.c):
     * a reason, or exactly the region's pixels */
    static const Rect regions[] = {{0, 0, 1, 1}, {40, 30, 200, 150}, {100, 60, 512, 256}};
    for (size_t i = 0; i < sizeof regions / sizeof *regions; i++) {
        DecodeRequest rq = {.path = path, .box_w = 900, .box_h = 600, .fit = FIT_CONTAIN, .bg = bg,
                            .region = regions[i]};
        char err[256] = "";
        SDL_Surface *s = decode_request(&rq, err, sizeof err);
        if (!s && !err[0])
            abort();
        if (s && (s->w != regions[i].w || s->h != regions[i].h))
            abort();
        SDL_FreeSurface(s);
    }
    return 0;
}
