/* SPDX-License-Identifier: GPL-3.0-or-later */
/* diag.h - diagnostics: problems found in curators' content.
 *
 * Every problem carries the file it is in, a 1-based line and column (0 when
 * the problem is about the file as a whole), a severity and a message in
 * plain English. Printed as "file:line:col: error|warning: message", which
 * editors and CI logs understand.
 */
#ifndef VITRINE_DIAG_H
#define VITRINE_DIAG_H

#include <stdbool.h>
#include <stdio.h>

typedef enum { DIAG_ERROR, DIAG_WARNING } DiagLevel;

typedef struct {
    char *file;       /* owned; path as the user gave it */
    int line;         /* 1-based, 0 = whole file */
    int col;          /* 1-based, in characters (code points), 0 = unknown */
    DiagLevel level;
    char *msg;        /* owned */
} Diag;

typedef struct {
    Diag *items;      /* owned array */
    int n, cap;
} DiagList;

/* Append one problem; fmt is printf-style. Never fails visibly: on out of
 * memory the problem is dropped (and counted in n_dropped, see below). */
void diag_add(DiagList *dl, DiagLevel level, const char *file, int line, int col,
              const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
int diag_count(const DiagList *dl, DiagLevel level);
/* One line each, "file:line:col: error: message". */
void diag_print(const DiagList *dl, FILE *out);
/* Sorts items[start..n) by position, whole-file problems (line 0) first;
 * equal positions keep the order they were added in. So a file's problems
 * read top to bottom like a compiler's. On out of memory the order stays. */
void diag_sort(DiagList *dl, int start);
/* Frees the items; the list itself may be on the stack. Safe on NULL. */
void diag_clear(DiagList *dl);

#endif
