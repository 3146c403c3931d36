/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_list.c - see scene_list.h */
#include "scene_list.h"

#include <stdlib.h>
#include <string.h>

void scene_init(Scene *s)
{
    memset(s, 0, sizeof *s);
}

void scene_free(Scene *s)
{
    if (!s)
        return;
    free(s->items);
    free(s->hits);
    free(s->arena);
    memset(s, 0, sizeof *s);
}

const char *scene_text(const Scene *s, const DrawItem *it)
{
    return s->arena + it->text_off;
}

const HitTarget *scene_hit(const Scene *s, float x, float y)
{
    for (int i = s->n_hits - 1; i >= 0; i--)
        if (rect_contains(s->hits[i].r, x, y))
            return &s->hits[i];
    return NULL;
}

const DrawItem *scene_find_text(const Scene *s, const char *needle)
{
    for (int i = 0; i < s->n; i++)
        if (s->items[i].kind == DRAW_TEXT && strstr(scene_text(s, &s->items[i]), needle))
            return &s->items[i];
    return NULL;
}

