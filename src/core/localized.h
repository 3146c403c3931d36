/* SPDX-License-Identifier: GPL-3.0-or-later */
/* localized.h - a text in several languages, as a curator writes it:
 * one text for every language, or texts keyed by language code.
 *
 * The manifest reads them (manifest.h); the scene, the contact sheet and
 * the statistics look a language up with loc_get (manifest.h: it falls back
 * along the exhibition's languages) or loc_text here.
 */
#ifndef VITRINE_LOCALIZED_H
#define VITRINE_LOCALIZED_H

#include <stdbool.h>

#define LANG_CODE_MAX 16 /* bytes of a language code, with NUL */
#define LOC_ALL "*"      /* the code of the one text for every language */

typedef struct {
    char code[LANG_CODE_MAX]; /* a language code, or LOC_ALL */
    char *text;             /* owned, valid UTF-8 */
} LocEntry;

typedef struct {
    LocEntry *items;        /* owned */
    int n;
} Localized;

/* 2-3 lowercase ASCII letters, then any number of "-" + letters/digits
 * ("kk", "kk-Latn", "zh-TW"), shorter than LANG_CODE_MAX. */
bool loc_code_ok(const char *code);

/* Appends a copy of text under code, when l->items (which the caller
 * allocated for cap entries) has room. False when full or out of memory. */
bool loc_add(Localized *l, int cap, const char *code, const char *text);

/* Frees the entries; l itself may be on the stack. */
void loc_clear(Localized *l);

/* Text in lang, else the one for every language, else the first of
 * fallback[0..n) that l has, else any. NULL when l is empty. The pointer is
 * owned by l. */
const char *loc_text(const Localized *l, const char *lang, char *const *fallback, int n);

/* Does l hold its own text for lang, or one text for every language (no
 * fallback to another language)? */
bool loc_has(const Localized *l, const char *lang);

#endif
