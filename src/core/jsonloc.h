/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jsonloc.h - line and column of every value in a JSON text.
 *
 * jansson builds values but forgets where they were. jsonloc_build() scans
 * the same text a second time and records, for every value, its JSON pointer
 * (RFC 6901: "" is the root, "/slides/2/title/kk", "~0" stands for "~" and
 * "~1" for "/") with the 1-based line and column of its first character, and
 * for every object member the position of its key.
 *
 * The text is meant to be one jansson has already accepted, so the scanner
 * does not validate; on text that is not valid JSON it stops early and keeps
 * what it has, but never reads out of bounds and never recurses.
 *
 * Positions follow jansson's json_error_t: lines count '\n' (so CRLF text is
 * numbered right), columns count Unicode code points, both from 1.
 *
 * A key repeated in one object is a "duplicate"; like jansson, lookups see
 * the last occurrence (and the values under it).
 *
 * Memory and time are linear in the size of the text: values are stored as a
 * tree (parent + key) in a hash table, never as whole path strings.
 */
#ifndef VITRINE_JSONLOC_H
#define VITRINE_JSONLOC_H

#include <stdbool.h>
#include <stddef.h>

typedef struct JsonLoc JsonLoc;

/* One repeated key. */
typedef struct {
    const char *key;        /* decoded key, UTF-8, NUL-terminated; owned by the JsonLoc */
    size_t key_len;         /* bytes, without the NUL */
    int line, col;          /* this (later) occurrence of the key */
    int first_line, first_col; /* the first occurrence in the same object */
} JsonLocDup;

/* Scan buf[0..len). buf need not be NUL-terminated and must not start with a
 * BOM (strip it first, as jansson refuses it). Returns NULL only when out of
 * memory or when len >= INT_MAX. Free with jsonloc_free(). */
JsonLoc *jsonloc_build(const char *buf, size_t len);

/* Safe on NULL. */
void jsonloc_free(JsonLoc *jl);

/* Position of the first character of the value at `ptr` (of '{', '[', '"',
 * or the number/literal). False, with *line and *col untouched, when there
 * is no such value or jl is NULL. */
bool jsonloc_value(const JsonLoc *jl, const char *ptr, int *line, int *col);

/* Position of the opening '"' of the key of the object member at `ptr`.
 * False for the root, for array elements and for missing members. */
bool jsonloc_key(const JsonLoc *jl, const char *ptr, int *line, int *col);

/* Duplicate keys, in the order of their repeated occurrence in the text.
 * A key that appears three times gives two entries, both pointing back at
 * the first occurrence. The pointer is valid until jsonloc_free(). */
int jsonloc_dup_count(const JsonLoc *jl);
const JsonLocDup *jsonloc_dup(const JsonLoc *jl, int i);
/* JSON pointer of the object member of duplicate i, e.g. "/slides/0/title";
 * malloc'ed, the caller frees it. NULL when out of memory or out of range. */
char *jsonloc_dup_path(const JsonLoc *jl, int i);

/* parent + "/" + token with token escaped as RFC 6901 requires. malloc'ed,
 * the caller frees it; NULL when out of memory. */
char *jsonloc_ptr_join(const char *parent, const char *token);

/* Cheap check, before any parser sees the text, that arrays and objects nest
 * at most max_depth deep (the root object is depth 1). Strings are skipped, so
 * brackets inside them do not count. On failure returns false with the
 * position of the bracket that opens level max_depth + 1. */
bool jsonloc_depth_ok(const char *buf, size_t len, int max_depth, int *line, int *col);

#endif
