/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lang_names.h - each language's name in itself, from CLDR.
 *
 * The table is generated at build time by scripts/cldr_lang_names.py from
 * unicode-cldr-core's common/main/<lang>.xml (never written by hand):
 * "de" -> "Deutsch", "zh" -> "中文", "ka" -> "ქართული", capitalised only
 * where the language's own CLDR data says menus capitalise it.
 */
#ifndef VITRINE_LANG_NAMES_H
#define VITRINE_LANG_NAMES_H

typedef struct {
    const char *code;   /* BCP 47: "de", "zh-Hant" */
    const char *name;   /* UTF-8 */
} LangName;

extern const LangName LANG_NAMES[];   /* sorted by code (strcmp) */
extern const int LANG_NAMES_COUNT;

#endif
