/* SPDX-License-Identifier: GPL-3.0-or-later */
/* relocate.h - after a hot reload, where the visitor was: the same
 * exhibition (by id) and the slide showing the same picture.
 */
#ifndef VITRINE_RELOCATE_H
#define VITRINE_RELOCATE_H

#include "library.h"
#include "manifest.h"

/* The slide of `to` that shows what slide k of `from` showed: the same image
 * file (of several, the one nearest k), else slide k itself, or the last
 * slide when `to` has fewer. */
int relocate_slide(const Exhibition *from, int k, const Exhibition *to);
/* Where exhibition i of `from` is in `to` (by id), or -1. */
int relocate_exhibition(const Library *from, int i, const Library *to);
/* i within 0..n-1 (0 when n is 0). */
int relocate_clamp(int i, int n);

#endif
