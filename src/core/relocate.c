/* SPDX-License-Identifier: GPL-3.0-or-later */
/* relocate.c - see relocate.h */
#include "relocate.h"

#include <stdlib.h>
#include <string.h>

int relocate_slide(const Exhibition *from, int k, const Exhibition *to)
{
    const char *img = k >= 0 && k < from->n_slides ? from->slides[k].image : NULL;
    int best = -1;
    for (int j = 0; img && j < to->n_slides; j++)
        if (to->slides[j].image && strcmp(to->slides[j].image, img) == 0 &&
            (best < 0 || abs(j - k) < abs(best - k)))
            best = j;
    if (best >= 0)
        return best;
    return k < 0 ? 0 : k < to->n_slides ? k : to->n_slides - 1;
}

int relocate_exhibition(const Library *from, int i, const Library *to)
{
    return i >= 0 && i < from->n ? library_find(to, from->items[i]->id) : -1;
}

int relocate_clamp(int i, int n)
{
    return n <= 0 || i < 0 ? 0 : i >= n ? n - 1 : i;
}
