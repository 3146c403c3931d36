/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit_support.h - helpers shared by the core's unit tests (not a test itself).
 *
 * A fake Measure (every code point is px/2 pixels wide, lines are px*5/4
 * apart), so layout and scene tests need no font; and a Library built by hand
 * in memory, so show and scene tests need no files. Everything is static
 * inline so a test that uses only part of it compiles without warnings.
 */
#ifndef VITRINE_UNIT_SUPPORT_H
#define VITRINE_UNIT_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "library.h"
#include "manifest.h"
#include "show.h"

/* ---- the fake measure ----------------------------------------------------- */

/* Code points in s[0..len): every byte that is not a UTF-8 continuation byte. */
static inline int fake_count_cps(const char *s, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

static inline int fake_width(void *ctx, int px, FontStyle style, const char *s, size_t len)
{
    (void)ctx;
    (void)style;
    return fake_count_cps(s, len) * (px / 2);
}

static inline int fake_line_height(void *ctx, int px, FontStyle style)
{
    (void)ctx;
    (void)style;
    return px * 5 / 4;
}

static inline Measure fake_measure(void)
{
    return (Measure){fake_width, fake_line_height, NULL};
}

/* ---- UTF-8 ------------------------------------------------------------------ */

/* Strict validation: no overlong forms, no surrogates, nothing above U+10FFFF,
 * no sequence cut short. */
static inline bool utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t k;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            k = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + k >= len) /* the sequence is cut short */
            return false;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += k + 1;
    }
    return true;
}

/* ---- a library built by hand ------------------------------------------------- */

static inline char *fx_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* A value in kk, ru and en (NULL leaves that language out). */
static inline Localized fx_loc3(const char *kk, const char *ru, const char *en)
{
    const char *codes[3] = {"kk", "ru", "en"};
    const char *texts[3] = {kk, ru, en};
    Localized l = {calloc(3, sizeof(LocEntry)), 0};
    for (int i = 0; i < 3 && l.items; i++) {
        if (!texts[i])
            continue;
        snprintf(l.items[l.n].code, sizeof l.items[l.n].code, "%s", codes[i]);
        l.items[l.n].text = fx_strdup(texts[i]);
        l.n++;
    }
    return l;
}

static inline void fx_loc_free(Localized *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->items[i].text);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

/* An exhibition with n slides. Slide i (0-based) has the title
 * "<id> kk|ru|en <i+1>" and, with images, an image (whose path is never
 * opened) and the caption "<id> caption kk|ru|en <i+1>"; without images, the
 * body text "<id> body kk|ru|en <i+1>". */
static inline Exhibition *fx_exhibition(const char *id, const char *title_kk, const char *title_ru,
                                        const char *title_en, int n_slides, bool images)
{
    Exhibition *ex = calloc(1, sizeof *ex);
    if (!ex)
        return NULL;
    ex->id = fx_strdup(id);
    ex->title = fx_loc3(title_kk, title_ru, title_en);
    ex->n_languages = 3;
    ex->languages = calloc(3, sizeof *ex->languages);
    ex->languages[0] = fx_strdup("kk");
    ex->languages[1] = fx_strdup("ru");
    ex->languages[2] = fx_strdup("en");
    ex->n_slides = n_slides;
    ex->slides = calloc((size_t)n_slides, sizeof *ex->slides);
    for (int i = 0; i < n_slides; i++) {
        Slide *sl = &ex->slides[i];
        char kk[96], ru[96], en[96];
        snprintf(kk, sizeof kk, "%s kk %d", id, i + 1);
        snprintf(ru, sizeof ru, "%s ru %d", id, i + 1);
        snprintf(en, sizeof en, "%s en %d", id, i + 1);
        sl->title = fx_loc3(kk, ru, en);
        if (images) {
            char path[128];
            snprintf(path, sizeof path, "images/%02d.jpg", i + 1);
            sl->image = fx_strdup(path);
            snprintf(path, sizeof path, "/nonexistent/%s/images/%02d.jpg", id, i + 1);
            sl->image_path = fx_strdup(path);
            sl->image_format = IMG_FMT_JPEG;
            sl->image_ok = true;
            snprintf(kk, sizeof kk, "%s caption kk %d", id, i + 1);
            snprintf(ru, sizeof ru, "%s caption ru %d", id, i + 1);
            snprintf(en, sizeof en, "%s caption en %d", id, i + 1);
            sl->caption = fx_loc3(kk, ru, en);
        } else {
            snprintf(kk, sizeof kk, "%s body kk %d", id, i + 1);
            snprintf(ru, sizeof ru, "%s body ru %d", id, i + 1);
            snprintf(en, sizeof en, "%s body en %d", id, i + 1);
            sl->text = fx_loc3(kk, ru, en);
        }
    }
    return ex;
}

static inline void fx_exhibition_free(Exhibition *ex)
{
    if (!ex)
        return;
    for (int i = 0; i < ex->n_slides; i++) {
        Slide *sl = &ex->slides[i];
        free(sl->image);
        free(sl->image_path);
        fx_loc_free(&sl->title);
        fx_loc_free(&sl->caption);
        fx_loc_free(&sl->text);
        fx_loc_free(&sl->credit);
        fx_loc_free(&sl->notes);
    }
    free(ex->slides);
    for (int i = 0; i < ex->n_languages; i++)
        free(ex->languages[i]);
    free(ex->languages);
    fx_loc_free(&ex->title);
    free(ex->id);
    free(ex->dir);
    free(ex->manifest_path);
    free(ex->cover);
    free(ex->cover_path);
    free(ex);
}

/* Replace a localized field with new kk/ru/en texts. */
static inline void fx_set(Localized *l, const char *kk, const char *ru, const char *en)
{
    fx_loc_free(l);
    *l = fx_loc3(kk, ru, en);
}

static inline Library *fx_library(void)
{
    return calloc(1, sizeof(Library));
}

/* Append ex; the library owns it from now on. */
static inline void fx_library_add(Library *lib, Exhibition *ex)
{
    Exhibition **items = realloc(lib->items, (size_t)(lib->n + 1) * sizeof *items);
    if (!items)
        return;
    lib->items = items;
    lib->items[lib->n++] = ex;
}

static inline void fx_library_free(Library *lib)
{
    if (!lib)
        return;
    for (int i = 0; i < lib->n; i++)
        fx_exhibition_free(lib->items[i]);
    free(lib->items);
    free(lib->root);
    free(lib);
}

/* Settings for a show's test: the defaults, with the languages langs[0..n)
 * offered instead (n 0 keeps the defaults). Free with settings_free. */
static inline void fx_settings(Settings *st, const char *const *langs, int n)
{
    settings_defaults(st);
    if (n <= 0)
        return;
    for (int i = 0; i < st->n_langs; i++)
        free(st->langs[i]);
    st->n_langs = 0;
    for (int i = 0; i < n && i < SETTINGS_MAX_LANGS; i++)
        st->langs[st->n_langs++] = fx_strdup(langs[i]);
}

/* What the show's tests hold: a library, the fake measure, the show and
 * the virtual clock (ms). */
typedef struct {
    Library *lib;
    Measure m;
    Show *show;
    uint64_t t;
} ShowFx;

#endif
