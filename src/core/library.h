/* SPDX-License-Identifier: GPL-3.0-or-later */
/* library.h - the folder of exhibitions.
 *
 * A DIR is either one exhibition folder (it holds exhibition.json) or a folder
 * whose subfolders are exhibitions. Subfolders without exhibition.json are
 * ignored; exhibitions are ordered by folder name. A broken exhibition is
 * skipped (its problems are in the diagnostics) and the others still load.
 * Two exhibitions with the same id: the second is skipped with an error.
 */
#ifndef VITRINE_LIBRARY_H
#define VITRINE_LIBRARY_H

#include "diag.h"
#include "manifest.h"
#include "startindex.h"

typedef struct {
    Exhibition **items;     /* owned */
    int n;
    char *root;             /* owned copy of the DIR given */
    char **broken;          /* folders whose exhibition.json could not be loaded at all (owned) */
    int n_broken;
    /* some exhibitions are summaries from the start index
     * (Exhibition.summary_slides): enough for the home screen, to be
     * replaced by a full load before anything else is shown */
    bool partial;
} Library;

/* Never NULL except on out of memory; an empty or unreadable DIR gives an
 * empty library and an error in diags. */
Library *library_load(const char *dir, DiagList *diags);
/* The same, with every image checked as `images` says (--check reads them
 * whole). */
Library *library_load_images(const char *dir, ManifestImageCheck images, DiagList *diags);
/* The same, where an exhibition whose entry in idx (may be NULL) is still
 * fresh (startindex_fresh) becomes that entry's summary instead of being
 * loaded; lib->partial says whether any did. Every exhibition loaded is
 * stamped (Exhibition.stamp), its manifest and folder before they are
 * read, for the next index. */
Library *library_load_indexed(const char *dir, ManifestImageCheck images, const StartIndex *idx,
                              DiagList *diags);
void library_free(Library *lib);
/* Index of the exhibition with this id, or -1. */
int library_find(const Library *lib, const char *id);

/* Hot reload: `fresh` was just loaded from the folder `old` came from. For
 * each folder whose manifest is now broken (fresh->broken), the version old
 * had of it goes into fresh too (in folder order), with a warning in diags
 * saying so: a curator's broken edit leaves the last good version on screen,
 * and the other exhibitions still update. Returns how many were kept. old
 * is left as it was (whoever indexes it still can), but shares those with
 * fresh now: free it with library_free_shared(old, fresh). */
int library_keep_last_good(Library *fresh, const Library *old, DiagList *diags);
/* Free old, except the exhibitions fresh holds too. */
void library_free_shared(Library *old, const Library *fresh);

#endif
