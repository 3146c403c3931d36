/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cards.h - slides as a lecturer counts them.
 *
 * A beamer deck repeats a page label for each overlay (step) of one slide:
 * pages labelled 1, 1, 1, 2, 3, 3 are three slides, as pdfpc counts them.
 * The slide counter and the overview count these "cards"; "next" still
 * steps through every page. Without labels (images, a PowerPoint or
 * LibreOffice export) a card is a slide.
 */
#ifndef VITRINE_CARDS_H
#define VITRINE_CARDS_H

#include "manifest.h"

/* How many cards; the 0-based card slide `slide` belongs to; a card's
 * first and last slide (the last overlay shows the whole slide). */
int cards_count(const Exhibition *ex);
int cards_of(const Exhibition *ex, int slide);
int cards_first(const Exhibition *ex, int card);
int cards_last(const Exhibition *ex, int card);

#endif
