/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jsondiag.h - one way to read a JSON file a person wrote and to say what is
 * wrong with it, for every JSON file vitrine reads (exhibition.json, the
 * settings file, lecture records).
 *
 * Built on jansson (the values), jsonloc.h (where each value stands) and
 * jsontext.h (the words about a value). A reader opens a JsonDiag for one
 * file, parses through jdiag_parse() (BOM, nesting limit, jansson's syntax
 * errors at their position with a hint), then walks the values and reports
 * each problem at a JSON pointer: the message becomes "file:line:col" at
 * that value or key, or at the nearest enclosing value that is found. The
 * reader sorts its problems by position at the end (diag_sort in diag.h).
 */
#ifndef VITRINE_JSONDIAG_H
#define VITRINE_JSONDIAG_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "jsonloc.h"

#if defined(__GNUC__)
#define JDIAG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define JDIAG_PRINTF(f, a)
#endif

/* One file being read. Set file and diags (diags may be NULL: then nothing
 * is reported, errors are still counted); jdiag_parse() fills loc. */
typedef struct {
    const char *file;       /* for messages; borrowed, must outlive the JsonDiag */
    DiagList *diags;
    JsonLoc *loc;           /* owned (jdiag_free); NULL: positions become 0:0 */
    int errors;             /* errors reported through this JsonDiag */
} JsonDiag;

/* How a file's syntax errors are worded. */
typedef struct {
    int max_depth;          /* objects and arrays nested deeper are refused before jansson */
    const char *one_object; /* the hint for "'[' or '{' expected", e.g. " (a settings file
                             * holds one object: ...)"; NULL: jansson's words alone, no hints */
    bool more_hints;        /* also "comma after the last item" and "not UTF-8" */
    bool refuse_utf16;      /* say "saved as UTF-16" instead of jansson's first-byte error */
    const char *then;       /* ends every message this writes; NULL: nothing */
} JsonRules;

/* The one parse entry point: text buf[0..len) (a UTF-8 BOM is skipped) to
 * jansson's root, which the caller decrefs. NULL after an error at its
 * position. On success jd->loc holds the positions of the text. */
json_t *jdiag_parse(JsonDiag *jd, const char *buf, size_t len, const JsonRules *r);

/* Frees jd->loc; the JsonDiag may be on the stack. Safe on NULL. */
void jdiag_free(JsonDiag *jd);

/* Position of the value (or, when key, of the member's key) at JSON
 * pointer ptr; when it is not there, of the nearest enclosing value that
 * is; 0:0 when none is. */
void jdiag_locate(const JsonDiag *jd, const char *ptr, bool key, int *line, int *col);

/* A problem with the value at ptr / with the key of the member at ptr. */
void jdiag_at_value(JsonDiag *jd, DiagLevel lv, const char *ptr, const char *fmt, ...)
    JDIAG_PRINTF(4, 5);
void jdiag_at_key(JsonDiag *jd, DiagLevel lv, const char *ptr, const char *fmt, ...)
    JDIAG_PRINTF(4, 5);

/* Who reads the messages about keys: a curator's file (keys quoted with
 * jtext_shown, "did you mean", "the last one is used"), or a file vitrine
 * wrote itself (keys cut at 40 bytes, no suggestions). */
typedef enum { JDIAG_CURATOR, JDIAG_RECORD } JsonVoice;

/* A warning about each key of obj (at obj_ptr) not in known[0..n_known).
 * `where` follows the key: "" at the top level, " in \"lecture\"". */
void jdiag_unknown_keys(JsonDiag *jd, json_t *obj, const char *obj_ptr,
                        const char *const *known, size_t n_known, const char *where,
                        JsonVoice voice);

/* An error for each key repeated in one object (jansson keeps the last). */
void jdiag_duplicates(JsonDiag *jd, JsonVoice voice);

/* The nearest of names[0..n) to key (NULL entries skipped) within
 * JTEXT_SUGGEST_MAX_DIST edits and fewer edits than key has bytes ("x" is
 * 2 edits from "id" but means nothing like it); NULL when none is. */
const char *jdiag_suggest(const char *key, const char *const *names, size_t n);

/* The whole file at path (at most max bytes) for a parser, malloc'd, the
 * caller frees it; NULL with an error about path ("cannot read file: ...",
 * "file is too large ...") in diags. */
char *jdiag_read_file(const char *path, size_t max, size_t *len, DiagList *diags);

#endif
