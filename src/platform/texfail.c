/* SPDX-License-Identifier: GPL-3.0-or-later */
/* texfail.c - see texfail.h */
#include "texfail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The path and page, after a \001 (full pixels) or \002 (a region) byte. */
static char *key_of(const char *path, int page, FailKind kind)
{
    size_t n = strlen(path) + 16;
    char *key = malloc(n);
    if (key)
        snprintf(key, n, "%s%s\037%d", kind == FAIL_FULL ? "\001" : kind == FAIL_REGION ? "\002" : "", path,
                 page);
    return key;
}

FailKind texfail_kind(bool full, Rect rg)
{
    return rg.w > 0 ? FAIL_REGION : full ? FAIL_FULL : FAIL_SCREEN;
}

bool texfail_known(const TexFailures *f, const char *path, int page, FailKind kind)
{
    char *key = key_of(path, page, kind);
    bool known = false;
    for (int i = 0; key && !known && i < f->n; i++)
        known = strcmp(f->keys[i], key) == 0;
    free(key);
    return known;
}

void texfail_remember(TexFailures *f, const char *path, int page, FailKind kind)
{
    char **nk = realloc(f->keys, (size_t)(f->n + 1) * sizeof *nk);
    if (!nk)
        return;
    f->keys = nk;
    char *key = key_of(path, page, kind);
    if (key)
        f->keys[f->n++] = key;
}

void texfail_clear(TexFailures *f)
{
    for (int i = 0; i < f->n; i++)
        free(f->keys[i]);
    free(f->keys);
    f->keys = NULL;
    f->n = 0;
}
