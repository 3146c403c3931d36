/* SPDX-License-Identifier: GPL-3.0-or-later */
/* startindex.h - the start index: what the home screen needs of each
 * exhibition (its id, title, languages, cover and slide count), kept in the
 * state folder so that a kiosk's first frame does not wait for every
 * manifest to be parsed with its positions and every image to be looked at
 * (10,000 slides took 350-400 ms of the start that way).
 *
 * The rule: an entry stands for its exhibition only while the files it was
 * made from are the same files: the manifest, the exhibition folder, the
 * cover's file and a deck's PDF, each by device, inode, size, mtime and
 * ctime (fs_stamp). Otherwise that exhibition is loaded in full at start,
 * as without an index. An index that cannot be read, is of another version
 * or of another exhibitions folder counts as none. Either way the platform
 * loads the whole library after the first frame and swaps it in before a
 * visitor's input is handled (platform/content.c), so a summary is on
 * screen no longer than that load, and --check never reads an index.
 *
 * The index is never kept in the exhibitions folder, which Syncthing or
 * rsync own. Its format is one JSON object (docs/architecture.md); this
 * module makes and reads the text, platform/startfile.c the file.
 */
#ifndef VITRINE_STARTINDEX_H
#define VITRINE_STARTINDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "manifest.h"

#define STARTINDEX_VERSION 1
#define STARTINDEX_MAX_BYTES (4u * 1024u * 1024u) /* a larger file is not an index of ours */

typedef struct {
    char *folder;           /* the exhibition's folder name under the root; "" for the root itself */
    ExhibitionStamp stamp;  /* its files when the entry was made */
    char *id;
    Localized title;
    char **languages;
    int n_languages;
    char *cover;            /* the cover's path as written in the manifest, or NULL */
    ImageFormat cover_format;
    int cover_slide;        /* -1: "cover"; else the slide (0-based) whose image stands for it */
    int cover_page;         /* that slide's "page", 0 = not given */
    char *deck;             /* "deck" as written, or NULL */
    int slides;             /* how many the exhibition has */
} StartIndexEntry;

typedef struct {
    StartIndexEntry *items; /* owned */
    int n;
} StartIndex;

/* The index's text for exhibitions items[0..n), loaded in full from the
 * exhibitions folder root (as given to library_load) whose real path is
 * real (named in the index: another folder's index is not taken).
 * Summaries, exhibitions never stamped and any whose paths are not their
 * folder's (a PDF given as the library) are left out: they load in full at
 * the next start. malloc'd; NULL when memory runs out. */
char *startindex_text(const char *real, const char *root, Exhibition *const *items, int n);

/* Read text into out. false, with out empty, when it is not an index of the
 * folder real in this version (garbage, cut short, another version or
 * folder): the caller starts as without one. */
bool startindex_parse(const char *text, size_t len, const char *real, StartIndex *out);
void startindex_free(StartIndex *idx);

/* The entry for the exhibition folder named folder ("" for the root), or NULL. */
const StartIndexEntry *startindex_find(const StartIndex *idx, const char *folder);

/* The staleness rule: e still stands for its exhibition when every file it
 * was made from is stamped now as it was then. */
bool startindex_fresh(const StartIndexEntry *e, const ExhibitionStamp *now);

/* The summary of e as an Exhibition in folder dir (as library_load names
 * it): id, title, languages and cover as the full load would give them
 * (same paths, so the pictures decoded for it serve the full one), and
 * summary_slides. Free with manifest_free(). NULL when memory runs out. */
Exhibition *startindex_summary(const StartIndexEntry *e, const char *dir);

#endif
