/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_pdf.c - libFuzzer target: the PDF path, vitrine's end of it.
 *
 * The input is a PDF file (fuzz_common.h puts it in an in-memory file). It
 * goes through what a slide, --check and a deck do with one: pdf_info()
 * (pages, sizes, labels, title), then decode_request() of its first page,
 * of a page past the end, and of a region of a zoomed page. The pages are
 * drawn by vitrine-pdf (poppler) in a worker process of its own (found one
 * folder up, as fuzz_image finds vitrine-svg): what is fuzzed here is
 * everything vitrine does with what the worker answers, and that a PDF
 * which crashes or hangs the worker costs a refusal, never this process.
 * The worker's poppler is not instrumented (it runs under RLIMIT_AS, which
 * ASan's shadow memory cannot live under); its crashes show up as refusals
 * ("it crashed the PDF reader"), to be replayed by hand against vitrine-pdf.
 */
#include "fuzz_common.h"

#include <SDL.h>

#include "platform/decode.h"
#include "platform/decode_pdf.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    SDL_SetError("warm-up"); /* SDL keeps one error buffer per thread from the first error on */
    SDL_ClearError();
    return 0;
}

static void check_surface(SDL_Surface *s, int max_w, int max_h)
{
    if (s->format->format != SDL_PIXELFORMAT_ARGB8888 || s->w < 1 || s->h < 1 || s->w > max_w ||
        s->h > max_h)
        abort();
    uint32_t sum = 0; /* every pixel, so a short buffer shows up under ASan */
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            sum += ((const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch))[x];
    volatile uint32_t keep = sum;
    (void)keep;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzFile *f = fuzz_file(".pdf");
    const char *path = fuzz_file_write(f, data, size);
    char err[256] = "";
    PdfInfo in;
    bool enc = false;
    int pages = 0;
    if (pdf_info(path, &in, &enc, err, sizeof err)) {
        if (in.pages < 1 || !in.title || !in.w || !in.h || !in.labels)
            abort(); /* decode_pdf.h: a whole answer or none */
        for (int i = 0; i < in.pages; i++)
            if (!in.labels[i] || !(in.w[i] >= 0) || !(in.h[i] >= 0))
                abort();
        pages = in.pages;
        pdf_info_free(&in);
    } else if (!err[0]) {
        abort(); /* false comes with a reason */
    }
    static const struct {
        int page, w, h;
        Rect region;
    } asks[] = {
        {1, 64, 64, {0, 0, 0, 0}},
        {2, 300, 200, {0, 0, 0, 0}},
        {1, 1200, 800, {100, 100, 200, 100}},
    };
    for (size_t i = 0; i < sizeof asks / sizeof *asks; i++) {
        err[0] = '\0';
        DecodeRequest rq = {.path = path, .page = asks[i].page, .box_w = asks[i].w, .box_h = asks[i].h,
                            .fit = FIT_CONTAIN, .bg = {17, 17, 17, 255}, .region = asks[i].region};
        SDL_Surface *s = decode_request(&rq, err, sizeof err);
        if (!s) {
            if (!err[0])
                abort();
            continue;
        }
        if (asks[i].page > pages && pages > 0)
            abort(); /* a page the document does not have was drawn */
        check_surface(s, asks[i].region.w ? asks[i].region.w : asks[i].w,
                      asks[i].region.h ? asks[i].region.h : asks[i].h);
        SDL_FreeSurface(s);
    }
    return 0;
}
