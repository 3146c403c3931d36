/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdf_wire.h - what vitrine asks vitrine-pdf, and what the numbers mean.
 *
 * The messages are src/worker/wire.h's; this is the PDF worker's own use of
 * them, shared by both ends (src/pdf/vitrine-pdf.c, src/platform/decode_pdf.c).
 * Every request's text is the PDF's path. The worker keeps the last few
 * documents open, keyed by path, size and modification time, so the pages
 * of one deck are read from one parse.
 *
 * PDF_OP_INFO: no args. Reply arg[0] = pages, arg[1] = 1 when the document
 *   has page labels; text = the title from its metadata ("" when none);
 *   data = per page two int32 (width, height in hundredths of a point),
 *   then per page its label, NUL-terminated ("" when none).
 *
 * PDF_OP_RENDER: arg[0] = page (1-based), arg[1] x arg[2] = the box,
 *   arg[3] = 0 contain / 1 cover. The page is scaled to that box (up or
 *   down: a page has no pixels of its own); arg[4..7] = a region x, y, w, h
 *   of that scaled page (w == 0: all of it). Reply arg[0] x arg[1] =
 *   the pixels' size, arg[2] x arg[3] = the whole scaled page's size;
 *   data = ARGB8888 rows, opaque (drawn on white, as paper is).
 *
 * Errors are WIRE_ERR with a clause for after the file's name: "it is
 * protected by a password", "page 3 cannot be drawn: ...". arg[0] of an
 * error is PDF_ERR_ENCRYPTED, PDF_ERR_PAGE (the page is not in the
 * document) or 0.
 */
#ifndef VITRINE_PDF_WIRE_H
#define VITRINE_PDF_WIRE_H

enum {
    PDF_OP_INFO = 1,
    PDF_OP_RENDER = 2,
};

enum {
    PDF_ERR_OTHER = 0,
    PDF_ERR_ENCRYPTED = 1,
    PDF_ERR_PAGE = 2,
};

#define PDF_MAX_SIDE 20000            /* pixels a side, as any image (core/imagehead.h) */
#define PDF_MAX_PIXELS (200u * 1000000u)
#define PDF_MAX_PAGES 100000           /* a document with more is refused */

#endif
