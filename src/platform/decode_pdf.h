/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode_pdf.h - a PDF's pages and their pixels, from the vitrine-pdf worker.
 *
 * vitrine never parses a PDF itself: every question goes to vitrine-pdf
 * (src/pdf/vitrine-pdf.c, its requests in src/pdf/pdf_wire.h), a persistent
 * worker process under a memory limit and a deadline a call
 * (src/platform/worker.h). One worker serves every thread, one call at a
 * time (decode_pdf.c says why), and keeps the document open between pages.
 */
#ifndef VITRINE_PLATFORM_DECODE_PDF_H
#define VITRINE_PLATFORM_DECODE_PDF_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/deck.h"
#include "core/geom.h"
#include "core/scene.h"

#define PDF_WORKER_MEM_MB 1024   /* the worker's address space */
#define PDF_WORKER_DEADLINE_MS 15000 /* a page (or opening a document) */

typedef struct {
    int pages;
    bool labelled;   /* the document has page labels of its own */
    char *title;     /* from its metadata; "" when none */
    float *w, *h;    /* each page's size in points */
    char **labels;   /* each page's label ("" when none) */
} PdfInfo;

/* The document's pages, sizes, labels and title. false with a clause for
 * after the file's name in err ("it is protected by a password: ..."); then
 * *encrypted tells whether that is why (may be NULL). */
bool pdf_info(const char *path, PdfInfo *out, bool *encrypted, char *err, size_t errn);
void pdf_info_free(PdfInfo *info);

/* Page `page` (1-based) scaled to fit (FIT_CONTAIN) or cover (FIT_COVER)
 * a bw x bh box, up or down (a page has no pixels of its own); with
 * region.w > 0 only that region of the scaled page. An opaque ARGB8888
 * surface, or NULL with the reason in err. *full_w x *full_h (may be NULL)
 * get the whole scaled page's size. */
SDL_Surface *pdf_render(const char *path, int page, int bw, int bh, FitMode fit, Rect region,
                        int *full_w, int *full_h, char *err, size_t errn);

/* The core's DeckReader (core/deck.h): pages, title and, when the
 * document has labels of its own, its labels. Set by main(). */
bool pdf_deck_reader(const char *path, DeckInfo *out, char *err, size_t errn);

/* End the PDF reader (a later call starts it again): at the program's end. */
void pdf_reader_end(void);

/* Does the file begin as a PDF does ("%PDF-")? */
bool pdf_sniff_file(const char *path);

#endif
