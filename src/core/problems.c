/* SPDX-License-Identifier: GPL-3.0-or-later */
/* problems.c - see problems.h */
#include "problems.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void problems_free(Problems *p)
{
    for (int i = 0; i < p->n; i++)
        free(p->lines[i]);
    free(p->lines);
    p->lines = NULL;
    p->n = 0;
}

void problems_set(Problems *p, const DiagList *diags, const char *root)
{
    problems_free(p);
    int errors = diag_count(diags, DIAG_ERROR);
    if (errors == 0 || !(p->lines = calloc((size_t)errors, sizeof *p->lines)))
        return;
    size_t rl = root ? strlen(root) : 0;
    while (rl > 1 && root[rl - 1] == '/')
        rl--;
    for (int i = 0; i < diags->n; i++) {
        const Diag *d = &diags->items[i];
        if (d->level != DIAG_ERROR)
            continue;
        /* the curator knows which folder: paths inside it are enough */
        const char *file = d->file;
        if (rl && strncmp(file, root, rl) == 0 && file[rl] == '/')
            file += rl + 1;
        int len = snprintf(NULL, 0, "%s:%d:%d: error: %s", file, d->line, d->col, d->msg);
        char *line = len >= 0 ? malloc((size_t)len + 1) : NULL;
        if (!line)
            continue;
        snprintf(line, (size_t)len + 1, "%s:%d:%d: error: %s", file, d->line, d->col, d->msg);
        p->lines[p->n++] = line;
    }
}

