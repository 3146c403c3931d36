/* SPDX-License-Identifier: GPL-3.0-or-later */
/* po.h - gettext PO files, the translations of vitrine's own words.
 *
 * A PO file is the text format translators' tools (Poedit, Weblate, msgfmt)
 * read and write: entries of msgctxt, msgid, msgid_plural and msgstr or
 * msgstr[N], each a C-style string that may continue on the next lines, and
 * a header entry (msgid "") with the charset and the Plural-Forms rule.
 *
 * The reader follows msgfmt: fuzzy and untranslated entries are left out,
 * escapes are C's (\n \t \" \\ \ooo \xHH ...), strings must be UTF-8, and
 * the plural rule is gettext's C expression in n. A broken entry is a
 * warning with its file:line:col and is left out; the rest of the file is
 * still read, so one typo costs one string (which then falls back to
 * another language), never the program.
 */
#ifndef VITRINE_PO_H
#define VITRINE_PO_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define PO_MAX_BYTES (1 << 20)  /* a PO file larger than this is not read */
#define PO_MAX_PLURALS 6        /* nplurals gettext's rules use at most */

typedef struct PoCatalog PoCatalog;

/* The translations in text[0..len) (not NUL-terminated), problems added to
 * dl (may be NULL) as warnings about file. Returns a catalog, empty when
 * nothing could be read; NULL only on out of memory. Free with po_free. */
PoCatalog *po_parse(const char *text, size_t len, const char *file, DiagList *dl);
void po_free(PoCatalog *c);

/* The translation of id (in context ctx, NULL for none), or NULL when the
 * catalog has none. Valid while the catalog is. */
const char *po_get(const PoCatalog *c, const char *ctx, const char *id);
/* The plural form for n of the entry whose msgid is id, chosen by the
 * file's Plural-Forms, or NULL when there is none. */
const char *po_nget(const PoCatalog *c, const char *ctx, const char *id, unsigned long n);
/* How many translations the catalog holds. */
int po_count(const PoCatalog *c);

/* gettext's plural expression expr (as after "plural=") for n: the index
 * of the form, or -1 when expr is not a valid expression. */
long po_plural_eval(const char *expr, unsigned long n);

#endif
