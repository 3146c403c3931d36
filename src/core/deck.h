/* SPDX-License-Identifier: GPL-3.0-or-later */
/* deck.h - a lecturer's PDF as slides: what the PDF reader says of it, and
 * the notes a pdfpc user keeps next to it.
 *
 * The core parses no PDF: the platform sets a DeckReader (the vitrine-pdf
 * worker, src/platform/decode_pdf.h) and the manifest asks it for a deck's
 * pages, title and page labels. Without one (a core unit test, a fuzzer),
 * decks cannot be read and say so.
 *
 * Page labels: beamer repeats a label for each overlay of a slide (1, 1, 1,
 * 2, 3, 3 ...); a document with labels counts its slides by them, as pdfpc
 * does. PowerPoint and LibreOffice exports have none: one page, one slide.
 */
#ifndef VITRINE_DECK_H
#define VITRINE_DECK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define DECK_NOTES_EXT ".pdfpc"

typedef struct {
    int pages;
    char *title;   /* from its metadata; NULL or "" when none */
    char **labels; /* `pages` labels when the document has labels of its own, else NULL */
} DeckInfo;

typedef bool (*DeckReader)(const char *path, DeckInfo *out, char *err, size_t errn);
/* Set once at start, before any manifest is loaded. */
void deck_set_reader(DeckReader r);
/* What the reader says of the PDF at path; false with a clause for after
 * the file's name in err. Free with deck_info_free. */
bool deck_read(const char *path, DeckInfo *out, char *err, size_t errn);
void deck_info_free(DeckInfo *d);

/* pdfpc's notes file (talk.pdfpc beside talk.pdf: JSON, pdfpcFormat 2):
 * what of it maps onto vitrine's. */
typedef struct {
    int pages;          /* size of notes[] */
    char **notes;       /* by page index (0-based): the page's note, or NULL */
    int duration_min;   /* "duration"; 0 = not given */
    int end_slide;      /* "endSlide" (1-based page); 0 = not given */
    int last_minutes;   /* "lastMinutes"; 0 = not given */
} DeckNotes;

/* The notes file for pdf_path (its name with .pdf replaced by .pdfpc).
 * false when there is none; problems in one that is there go to diags as
 * file:line:col and what can be read is kept. A note given for a page is
 * given to the pages after it with the same label too (the overlays of one
 * slide), when labels is not NULL. */
bool deck_notes_load(const char *pdf_path, int pages, char *const *labels, DeckNotes *out,
                     DiagList *diags);
void deck_notes_free(DeckNotes *n);

#endif
