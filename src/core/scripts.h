/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scripts.h - which script a character belongs to, and which Debian package
 * of Noto fonts draws it, for --check's warning about characters no
 * installed font has. One table, the common scripts of visitors' languages;
 * a character outside it is named by its code point only. */
#ifndef VITRINE_SCRIPTS_H
#define VITRINE_SCRIPTS_H

#include <stdint.h>

typedef struct {
    uint32_t first, last;   /* code points, inclusive */
    const char *name;       /* "Georgian" */
    const char *package;    /* "fonts-noto-core"; NULL when none is known */
} Script;

/* The row of cp, or NULL. Static storage. */
const Script *script_of(uint32_t cp);

#endif
