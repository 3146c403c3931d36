/* SPDX-License-Identifier: GPL-3.0-or-later */
/* manifest.h - exhibition.json -> Exhibition.
 *
 * The schema is documented in docs/manifest.md and docs/exhibition.schema.json.
 * Parsing uses jansson; positions of values (which jansson does not keep) come
 * from jsonloc.h, so every problem is reported as file:line:col.
 *
 * Severity policy (what a curator sees and what a visitor sees):
 *  - An exhibition that cannot be built at all (JSON syntax error, top level
 *    not an object, no usable slide, file unreadable or too large) is NOT
 *    returned: manifest_load() returns NULL and the diagnostics say why. The
 *    library skips it and the other exhibitions still load.
 *  - Anything narrower (a missing or unsupported image, a wrong type in one
 *    field, a duplicate key) is an error for --check, but the exhibition is
 *    still returned: the bad field is ignored, a slide with a bad image shows
 *    a placeholder (Slide.image_ok == false). Nothing is lost for visitors.
 *  - Unknown keys and missing translations are warnings.
 */
#ifndef VITRINE_MANIFEST_H
#define VITRINE_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "fsutil.h" /* FileStamp */
#include "imagehead.h" /* ImageFormat */
#include "localized.h"
#include "slide_media.h"

#define MANIFEST_NAME "exhibition.json"
#define MANIFEST_MAX_BYTES (4u * 1024u * 1024u) /* larger manifests are refused */
#define MANIFEST_MAX_SLIDES 10000
#define MANIFEST_MAX_PAGE 100000 /* "page": a document's pages, as the PDF reader's limit */
typedef struct {
    char *image;            /* as written in the manifest, or NULL */
    char *image_path;       /* dir + "/" + image, or NULL */
    ImageFormat image_format; /* sniffed from the file's first bytes */
    bool image_ok;          /* false: missing/unsupported -> placeholder */
    int page;               /* "page": 1-based page of a document (PDF, TIFF); 0 = not given (the first) */
    char *label;            /* a deck's page label, when the deck has labels (overlays); else NULL */
    Localized title;
    Localized caption;
    Localized text;         /* body of a text slide */
    Localized credit;       /* "credit" may be a string or localized */
    Localized notes;        /* lecturer's notes */
    int lecture_s;          /* planned seconds in a lecture, 0 = none */
    bool attract;           /* "attract": true -> shown in the idle showcase */
    SlideMedia media;       /* film and sound (slide_media.h) */
    int line, col;          /* where the slide's object starts */
    int page_line, page_col; /* where its "page" value is (0: not given) */
} Slide;

/* The files an exhibition's entry on the home screen comes from, as they
 * were when it was loaded (the start index, startindex.h): taken by
 * library.c, the manifest's and its folder's before the manifest is read. */
typedef struct {
    FileStamp manifest;     /* exhibition.json */
    FileStamp folder;       /* the exhibition folder (files added, removed or renamed in it) */
    FileStamp cover;        /* the cover's file (manifest_cover), zero when none */
    FileStamp deck;         /* "deck": the PDF whose pages are slides, zero when none */
} ExhibitionStamp;

typedef struct {
    char *id;               /* "id", or the folder name when absent */
    char *dir;              /* the exhibition folder, as given */
    char *manifest_path;    /* dir + "/exhibition.json" */
    Localized title;
    char **languages;       /* fallback order, e.g. {"kk","ru","en"}; n >= 1 */
    int n_languages;
    char *cover;            /* as written, or NULL */
    char *cover_path;       /* resolved, or NULL (then slide 1's image serves) */
    ImageFormat cover_format;
    int lecture_duration_min; /* 0 = not given (a deck: its .pdfpc's "duration") */
    int lecture_warn_min;   /* a deck's .pdfpc "lastMinutes"; 0 = the settings' warn_min */
    char *deck;             /* "deck" as written (or the PDF's name for --lecture talk.pdf), or NULL */
    char *deck_path;        /* resolved, or NULL */
    Slide *slides;          /* owned, n_slides >= 1 */
    int n_slides;
    ExhibitionStamp stamp;  /* set by library.c; zero when loaded otherwise */
    /* 0, or this is a summary from the start index (startindex.h) of an
     * exhibition of this many slides: title, languages and cover only, and
     * slides holds no more than up to its cover's slide (blank before it).
     * The full library replaces it before a visitor's input is handled. */
    int summary_slides;
} Exhibition;

/* Load dir/exhibition.json. Problems are appended to diags (may be NULL).
 * Returns NULL when the exhibition cannot be shown at all (see above).
 * The result is owned by the caller: free with manifest_free(). Images are
 * checked as MANIFEST_IMAGE_HEADERS. */
Exhibition *manifest_load(const char *dir, DiagList *diags);

/* How much of each image the loader reads to check it (imagehead.h). */
typedef enum {
    MANIFEST_IMAGE_HEADERS, /* the beginning: format and size */
    MANIFEST_IMAGE_WHOLE,   /* all of it: also files cut short and JPEGs with too
                             * many scans (--check) */
    MANIFEST_IMAGE_SNIFF,   /* only the first bytes, for the format (the kiosk: its
                             * start must not grow with the number of images; the
                             * decoder checks the rest before it trusts a byte) */
} ManifestImageCheck;

/* manifest_load() with the images checked as `images` says. */
Exhibition *manifest_load_images(const char *dir, ManifestImageCheck images, DiagList *diags);

/* Same, from a buffer already in memory; `dir` is used to resolve and check
 * image paths, `file` only for messages. Used by tests and fuzzers. */
Exhibition *manifest_load_buffer(const char *dir, const char *file,
                                 const char *buf, size_t len, DiagList *diags);

/* An exhibition made of the PDF at pdf_path alone (`vitrine --lecture
 * talk.pdf`): every page a slide, id `id`, titled from the PDF's metadata
 * else its file name, notes from talk.pdfpc beside it. As a manifest with
 * only "id" and "deck" (deck.h reads the PDF through the platform's reader). */
Exhibition *manifest_load_deck(const char *pdf_path, const char *id, DiagList *diags);

void manifest_free(Exhibition *ex);

/* How many slides the exhibition has: n_slides, or a summary's count. */
int manifest_slide_count(const Exhibition *ex);

/* The picture that stands for the exhibition (home screen, idle showcase):
 * "cover", else the first slide with a usable image (*slide its index, -1
 * for "cover"); *path NULL when there is none. Pointers owned by ex. */
void manifest_cover(const Exhibition *ex, const char **path, ImageFormat *f, int *slide);

/* Text of a localized value (localized.h) in `lang`, falling back along the
 * exhibition's `languages` order, then to any entry. NULL when the value is empty.
 * The pointer is owned by the Exhibition. */
const char *loc_get(const Localized *l, const char *lang, const Exhibition *ex);

#endif
