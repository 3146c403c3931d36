/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pictures.c - see pictures.h */
#include "pictures.h"

#include <stdlib.h>

bool pictures_reset(Pictures *p, const Library *lib)
{
    free(p->failed);
    free(p->failed_off);
    p->n_sizes = p->next_size = 0;
    int total = 0;
    for (int i = 0; i < lib->n; i++)
        total += lib->items[i]->n_slides + 1;
    p->failed = calloc((size_t)total + 1, 1);
    p->failed_off = calloc((size_t)lib->n + 1, sizeof *p->failed_off);
    if (!p->failed || !p->failed_off) {
        free(p->failed);
        free(p->failed_off);
        p->failed = NULL; /* no flags: images are simply tried again */
        p->failed_off = NULL;
        return false;
    }
    for (int i = 0, off = 0; i < lib->n; i++) {
        p->failed_off[i] = off;
        off += lib->items[i]->n_slides + 1;
    }
    return true;
}

void pictures_free(Pictures *p)
{
    free(p->failed);
    free(p->failed_off);
    p->failed = NULL;
    p->failed_off = NULL;
}

static bool valid(const Pictures *p, const Library *lib, int ex, int slide)
{
    return p->failed && ex >= 0 && ex < lib->n && slide >= -1 && slide < lib->items[ex]->n_slides;
}

bool pictures_failed(const Pictures *p, const Library *lib, int ex, int slide)
{
    return valid(p, lib, ex, slide) && p->failed[p->failed_off[ex] + 1 + slide];
}

bool pictures_size(const Pictures *p, int ex, int slide, int *w, int *h)
{
    for (int i = 0; i < p->n_sizes; i++)
        if (p->sizes[i].ex == ex && p->sizes[i].slide == slide) {
            *w = p->sizes[i].w;
            *h = p->sizes[i].h;
            return true;
        }
    return false;
}

static void remember_size(Pictures *p, int ex, int slide, int w, int h)
{
    int i;
    for (i = 0; i < p->n_sizes; i++)
        if (p->sizes[i].ex == ex && p->sizes[i].slide == slide)
            break;
    if (i == p->n_sizes) {
        i = p->n_sizes < PICTURES_SIZES ? p->n_sizes++ : p->next_size;
        p->next_size = (i + 1) % PICTURES_SIZES;
    }
    p->sizes[i].ex = ex;
    p->sizes[i].slide = slide;
    p->sizes[i].w = w;
    p->sizes[i].h = h;
}

bool pictures_loaded(Pictures *p, const Library *lib, int ex, int slide, bool ok, int w, int h)
{
    if (ok && w > 0 && h > 0)
        remember_size(p, ex, slide, w, h);
    if (ok || !valid(p, lib, ex, slide))
        return false;
    unsigned char *f = &p->failed[p->failed_off[ex] + 1 + slide];
    if (*f)
        return false;
    *f = 1;
    return true;
}
