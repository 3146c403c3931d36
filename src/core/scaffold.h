/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scaffold.h - start an exhibition from a folder of images
 * (vitrine --new-exhibition DIR).
 *
 * The images are found by their first bytes (imagehead_sniff), not by their
 * names, in DIR and in DIR/images/. The manifest written has one slide per
 * image with a title made from the file name and empty caption slots for
 * every language, for the curator to fill in. An existing exhibition.json is
 * never overwritten.
 */
#ifndef VITRINE_SCAFFOLD_H
#define VITRINE_SCAFFOLD_H

#include <stddef.h>
#include <stdio.h>

/* "$schema" of an exhibition folder inside the bundled exhibitions/ folder. */
#define SCAFFOLD_SCHEMA_REL "../../docs/exhibition.schema.json"
#define SCAFFOLD_IMAGES_DIR "images"   /* also scanned when present */
#define SCAFFOLD_ID_MAX 128            /* bytes of a generated id, with NUL */

/* Order of file names as a curator numbers them. First by the first number
 * in the name ("IMG 3" before "10 Портрет", "2" before "10"; leading zeros
 * do not count); names without a number come after those with one. Then in
 * natural order: runs of digits by value, ASCII letters case-insensitively,
 * other bytes (Cyrillic...) byte by byte. Ties: strcmp. A qsort-style result. */
int scaffold_name_cmp(const char *a, const char *b);

/* The id for a folder name: ASCII letters lowercased, spaces to '-',
 * everything outside [a-z0-9._-] dropped, runs of '-' collapsed and '-'/'.'
 * trimmed from both ends; "exhibition" when nothing is left. out has n >= 16
 * bytes; the id is cut to fit. */
void scaffold_id(const char *folder, char *out, size_t n);

/* A slide title from a file name: without the extension, '_' and '-' as
 * spaces, runs of spaces as one, trimmed, and a leading number ("03 ",
 * "03_", "2-") removed when a word follows it. malloc'd; NULL on out of
 * memory. */
char *scaffold_title(const char *file);

/* The manifest text (pretty JSON, indent 2, ending with a newline) for an
 * exhibition titled `title` (the folder name) with id `id`, "$schema" set
 * to `schema` unless NULL, and one slide per entry of images (paths
 * relative to the exhibition folder, in order); an entry with pages[i] > 1
 * (a PDF; pages may be NULL) is a slide a page, each with its "page".
 * malloc'd; NULL on out of memory or when a text is not valid UTF-8. */
char *scaffold_json(const char *title, const char *id, const char *schema,
                    const char *const *images, const int *pages, int n);

/* Everything --new-exhibition does: scan dir, write dir/exhibition.json,
 * tell the curator what was written (to out) and what was skipped or went
 * wrong (to err). `bundled` is the bundled exhibitions folder: when dir is
 * directly inside it, "$schema" is SCAFFOLD_SCHEMA_REL; otherwise it is left
 * out and a hint names the schema file (bundled/../docs/exhibition.schema.json,
 * when it exists). Returns the exit status: 0 written, 1 refused (a manifest
 * exists, no images, dir unreadable) or failed. */
int scaffold_main(const char *dir, const char *bundled, FILE *out, FILE *err);

#endif
