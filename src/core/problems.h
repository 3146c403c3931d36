/* SPDX-License-Identifier: GPL-3.0-or-later */
/* problems.h - --preview's banner: the errors of a load as lines
 * "file:line:col: error: message", with paths relative to the folder
 * being previewed.
 */
#ifndef VITRINE_PROBLEMS_H
#define VITRINE_PROBLEMS_H

#include "diag.h"

typedef struct {
    char **lines;             /* owned */
    int n;
} Problems;

/* Replace p's lines with the errors of diags (NULL: none); root is the DIR
 * being previewed (NULL: full paths). Lines that cannot be allocated are
 * left out. */
void problems_set(Problems *p, const DiagList *diags, const char *root);
void problems_free(Problems *p);

#endif
