/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cards.c - see cards.h */
#include "cards.h"

#include <string.h>

/* Does slide i continue slide i - 1 (the next overlay of one card)? */
static bool continues(const Exhibition *ex, int i)
{
    const Slide *a = &ex->slides[i - 1], *b = &ex->slides[i];
    return a->label && b->label && strcmp(a->label, b->label) == 0;
}

int cards_of(const Exhibition *ex, int slide)
{
    if (!ex || slide < 0)
        return 0;
    if (slide >= ex->n_slides)
        slide = ex->n_slides - 1;
    int card = 0;
    for (int i = 1; i <= slide; i++)
        card += !continues(ex, i);
    return card;
}

int cards_count(const Exhibition *ex)
{
    return ex && ex->n_slides > 0 ? cards_of(ex, ex->n_slides - 1) + 1 : 0;
}

int cards_first(const Exhibition *ex, int card)
{
    if (!ex || card <= 0)
        return 0;
    int c = 0;
    for (int i = 1; i < ex->n_slides; i++)
        if (!continues(ex, i) && ++c == card)
            return i;
    return ex->n_slides - 1;
}

int cards_last(const Exhibition *ex, int card)
{
    int i = cards_first(ex, card);
    while (ex && i + 1 < ex->n_slides && continues(ex, i + 1))
        i++;
    return i;
}
