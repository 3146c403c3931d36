/* SPDX-License-Identifier: GPL-3.0-or-later */
/* diag.c - see diag.h */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_add(DiagList *dl, DiagLevel level, const char *file, int line, int col,
              const char *fmt, ...)
{
    if (!dl)
        return;
    if (dl->n == dl->cap) {
        int cap = dl->cap ? dl->cap * 2 : 16;
        Diag *items = realloc(dl->items, (size_t)cap * sizeof *items);
        if (!items)
            return;
        dl->items = items;
        dl->cap = cap;
    }
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Diag *d = &dl->items[dl->n];
    d->file = strdup(file ? file : "");
    d->msg = strdup(buf);
    if (!d->file || !d->msg) {
        free(d->file);
        free(d->msg);
        return;
    }
    d->line = line;
    d->col = col;
    d->level = level;
    dl->n++;
}

int diag_count(const DiagList *dl, DiagLevel level)
{
    int n = 0;
    for (int i = 0; dl && i < dl->n; i++)
        n += dl->items[i].level == level;
    return n;
}

void diag_print(const DiagList *dl, FILE *out)
{
    for (int i = 0; dl && i < dl->n; i++) {
        const Diag *d = &dl->items[i];
        fprintf(out, "%s:%d:%d: %s: %s\n", d->file, d->line, d->col,
                d->level == DIAG_ERROR ? "error" : "warning", d->msg);
    }
}

/* ---- Position order --------------------------------------------------------- */

typedef struct {
    Diag d;
    int seq;                /* the order found in, for equal positions */
} DiagSort;

static int diag_cmp(const void *a, const void *b)
{
    const DiagSort *x = a, *y = b;
    if (x->d.line != y->d.line)
        return x->d.line < y->d.line ? -1 : 1;
    if (x->d.col != y->d.col)
        return x->d.col < y->d.col ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

void diag_sort(DiagList *dl, int start)
{
    if (!dl || dl->n - start < 2)
        return;
    int n = dl->n - start;
    DiagSort *tmp = malloc((size_t)n * sizeof *tmp);
    if (!tmp)
        return;
    for (int i = 0; i < n; i++)
        tmp[i] = (DiagSort){dl->items[start + i], i};
    qsort(tmp, (size_t)n, sizeof *tmp, diag_cmp);
    for (int i = 0; i < n; i++)
        dl->items[start + i] = tmp[i].d;
    free(tmp);
}

void diag_clear(DiagList *dl)
{
    if (!dl)
        return;
    for (int i = 0; i < dl->n; i++) {
        free(dl->items[i].file);
        free(dl->items[i].msg);
    }
    free(dl->items);
    dl->items = NULL;
    dl->n = dl->cap = 0;
}
