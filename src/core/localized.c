/* SPDX-License-Identifier: GPL-3.0-or-later */
/* localized.c - see localized.h */
#include "localized.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool loc_code_ok(const char *s)
{
    size_t n = strlen(s), i = 0;
    if (n >= LANG_CODE_MAX)
        return false;
    while (i < n && s[i] >= 'a' && s[i] <= 'z')
        i++;
    if (i < 2 || i > 3)
        return false;
    while (i < n) {
        if (s[i] != '-')
            return false;
        size_t start = ++i;
        while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')
                         || (s[i] >= '0' && s[i] <= '9')))
            i++;
        if (i == start)
            return false;
    }
    return true;
}

bool loc_add(Localized *l, int cap, const char *code, const char *text)
{
    if (l->n >= cap)
        return false;
    char *t = strdup(text);
    if (!t)
        return false;
    LocEntry *e = &l->items[l->n++];
    snprintf(e->code, sizeof e->code, "%s", code);
    e->text = t;
    return true;
}

void loc_clear(Localized *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->items[i].text);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

const char *loc_text(const Localized *l, const char *lang, char *const *fallback, int n)
{
    if (!l || l->n == 0)
        return NULL;
    if (lang)
        for (int i = 0; i < l->n; i++)
            if (strcmp(l->items[i].code, lang) == 0)
                return l->items[i].text;
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->items[i].code, LOC_ALL) == 0)
            return l->items[i].text;
    for (int k = 0; fallback && k < n; k++)
        for (int i = 0; i < l->n; i++)
            if (strcmp(l->items[i].code, fallback[k]) == 0)
                return l->items[i].text;
    return l->items[0].text;
}

bool loc_has(const Localized *l, const char *lang)
{
    for (int i = 0; l && lang && i < l->n; i++)
        if (strcmp(l->items[i].code, lang) == 0 || strcmp(l->items[i].code, LOC_ALL) == 0)
            return true;
    return false;
}
