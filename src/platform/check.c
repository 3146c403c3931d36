/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.c - see check.h */
#include "check.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/library.h"
#include "core/scripts.h"
#include "core/scene.h"
#include "platform/decode.h"
#include "platform/media.h"
#include "platform/page.h"
#include "platform/text.h"

#define CHECK_MAX_SIZES 2

/* ---- caption fit ---------------------------------------------------------- */

static void fit_slide(DiagList *out, const Exhibition *ex, int k, const SceneView *v)
{
    const Slide *sl = &ex->slides[k];
    /* The scene's rule: an image slide's panel shows the caption, else the text. */
    bool caption = sl->image && sl->caption.n > 0;
    const Localized *l = caption ? &sl->caption : &sl->text;
    const char *what = caption ? "caption" : "text";
    const char *where = sl->image ? "its panel" : "the slide";
    /* What was measured already: the same texts give the same answer. */
    const char *seen[8][3];
    int n_seen = 0;
    for (int i = 0; i < ex->n_languages; i++) {
        const char *lang = ex->languages[i];
        /* A fallback is already reported as a missing translation; measuring
         * it again under another language's name would only repeat that. */
        if (!loc_has(l, lang))
            continue;
        const char *key[3] = {loc_get(l, lang, ex), loc_get(&sl->title, lang, ex),
                              loc_get(&sl->credit, lang, ex)};
        bool dup = false;
        for (int j = 0; j < n_seen && !dup; j++)
            dup = seen[j][0] == key[0] && seen[j][1] == key[1] && seen[j][2] == key[2];
        if (dup)
            continue;
        if (n_seen < 8) {
            memcpy(seen[n_seen], key, sizeof key);
            n_seen++;
        }
        int over = 0;
        if (scene_caption_fits(v, ex, k, lang, &over))
            continue;
        if (over > 0)
            diag_add(out, DIAG_WARNING, ex->manifest_path, sl->line, sl->col,
                     "%s of slide %d (%s) does not fit %s at %dx%d: %d line%s too many at the "
                     "smallest text size",
                     what, k + 1, lang, where, v->w, v->h, over, over == 1 ? "" : "s");
        else
            diag_add(out, DIAG_WARNING, ex->manifest_path, sl->line, sl->col,
                     "%s of slide %d (%s) does not fit %s at %dx%d: the screen leaves no room "
                     "for it",
                     what, k + 1, lang, where, v->w, v->h);
    }
}

/* ---- characters no font has ---------------------------------------------- */

/* A warning for the first character of l (in any language) that no
 * installed font draws: it would be a box on the screen. */
static void font_slide(DiagList *out, const Exhibition *ex, int k, const char *what, const Localized *l,
                       Text *text)
{
    const Slide *sl = &ex->slides[k];
    for (int i = 0; i < l->n; i++) {
        const char *s = l->items[i].text;
        size_t n = strlen(s);
        for (size_t at = 0; at < n;) {
            unsigned char c = (unsigned char)s[at];
            int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            uint32_t cp = len == 1 ? c : (uint32_t)(c & (0x7F >> len));
            for (int j = 1; j < len && at + (size_t)j < n; j++)
                cp = cp << 6 | ((unsigned char)s[at + (size_t)j] & 0x3F);
            at += (size_t)len;
            if (text_covers(text, (Uint32)cp))
                continue;
            const Script *sc = script_of(cp);
            char pkg[96] = "";
            if (sc && sc->package)
                snprintf(pkg, sizeof pkg, "; install %s", sc->package);
            diag_add(out, DIAG_WARNING, ex->manifest_path, sl->line, sl->col,
                     "%s of slide %d (%s): no installed font has U+%04X (%s), which would show as a box%s",
                     what, k + 1, strcmp(l->items[i].code, LOC_ALL) ? l->items[i].code : "every language", (unsigned)cp, sc ? sc->name : "a script vitrine does not name",
                     pkg);
            return;
        }
    }
}

static void font_check(const Exhibition *ex, int k, Text *text, DiagList *out)
{
    const Slide *sl = &ex->slides[k];
    font_slide(out, ex, k, "title", &sl->title, text);
    font_slide(out, ex, k, "caption", &sl->caption, text);
    font_slide(out, ex, k, "text", &sl->text, text);
}

/* Fit warnings for every slide of every exhibition, in library order. */
static bool fit_check(const Library *lib, const int (*sizes)[2], int n_sizes, DiagList *out)
{
    Text *text = page_fonts();
    if (!text) {
        fputs("vitrine: captions were not checked against their panels\n", stderr);
        return false;
    }
    Measure m = text_measure(text);
    for (int i = 0; i < lib->n; i++) {
        const Exhibition *ex = lib->items[i];
        for (int k = 0; k < ex->n_slides; k++) {
            font_check(ex, k, text, out);
            for (int s = 0; s < n_sizes; s++) {
                SceneView v = {.w = sizes[s][0], .h = sizes[s][1], .captions = true, .measure = &m};
                fit_slide(out, ex, k, &v);
            }
        }
    }
    page_fonts_free(text);
    return true;
}

/* ---- pictures read by worker processes ------------------------------------- */

/* A TIFF's or HEIC's header is its library's to read, in its worker (the loader only
 * sniffed it): each is read here as the kiosk would read it, at a small
 * size (every strip is still read), so a damaged one is found here and not
 * first on the kiosk. Errors at the slide. */
static void read_check(const Library *lib, DiagList *out)
{
    for (int i = 0; i < lib->n; i++) {
        const Exhibition *ex = lib->items[i];
        for (int k = 0; k < ex->n_slides; k++) {
            const Slide *sl = &ex->slides[k];
            ImageFormat f = sl->image_format;
            if (!sl->image_ok || (f != IMG_FMT_TIFF && f != IMG_FMT_HEIC && f != IMG_FMT_AVIF))
                continue;
            char err[512];
            DecodeRequest rq = {.path = sl->image_path, .page = sl->page, .box_w = 64, .box_h = 64,
                                .fit = FIT_CONTAIN, .bg = {0, 0, 0, 255}};
            SDL_Surface *s = decode_request(&rq, err, sizeof err);
            if (s)
                SDL_FreeSurface(s);
            else if (sl->page_line > 0 && strstr(err, "no page")) /* at the page asked for */
                diag_add(out, DIAG_ERROR, ex->manifest_path, sl->page_line, sl->page_col,
                         "\"page\" of slide %d cannot be shown: %s: %s", k + 1, sl->image, err);
            else
                diag_add(out, DIAG_ERROR, ex->manifest_path, sl->line, sl->col,
                         "image \"%s\" cannot be shown: %s", sl->image, err);
        }
    }
}

/* ---- output in file order -------------------------------------------------- */

/* The exhibition folder's name in ".../NAME/exhibition.json", or NULL. */
static const char *folder_of(const char *file, size_t *len)
{
    size_t n = strlen(file), m = strlen("/" MANIFEST_NAME);
    if (n <= m || strcmp(file + n - m, "/" MANIFEST_NAME) != 0)
        return NULL;
    const char *end = file + n - m, *start = end;
    while (start > file && start[-1] != '/')
        start--;
    *len = (size_t)(end - start);
    return start;
}

static int folder_cmp(const char *a, size_t an, const char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    return c ? c : an < bn ? -1 : an > bn;
}

/* Where fit warning f goes among all[0..n): after the loader's problems of
 * the same file that come before it, or among the exhibitions in the
 * library's order (folder names) when its file has no other problem. */
static int place_of(const Diag *all, int n, const Diag *f)
{
    int first_same = -1, after = -1;
    for (int i = 0; i < n; i++) {
        if (strcmp(all[i].file, f->file) != 0)
            continue;
        if (first_same < 0)
            first_same = i;
        if (all[i].line < f->line || (all[i].line == f->line && all[i].col <= f->col))
            after = i;
    }
    if (after >= 0)
        return after + 1;
    if (first_same >= 0)
        return first_same;
    size_t fn, an;
    const char *fname = folder_of(f->file, &fn);
    for (int i = 0; fname && i < n; i++) {
        const char *aname = folder_of(all[i].file, &an);
        if (aname && folder_cmp(aname, an, fname, fn) > 0)
            return i;
    }
    return n;
}

/* Print base's problems with fit's woven in at their places. */
static void print_merged(const DiagList *base, const DiagList *fit)
{
    DiagList all = {0};
    all.items = malloc((size_t)(base->n + fit->n + 1) * sizeof *all.items);
    if (!all.items) { /* out of memory: unordered, but nothing lost */
        diag_print(base, stdout);
        diag_print(fit, stdout);
        return;
    }
    if (base->n > 0)
        memcpy(all.items, base->items, (size_t)base->n * sizeof *all.items);
    all.n = base->n;
    for (int i = 0; i < fit->n; i++) {
        int at = place_of(all.items, all.n, &fit->items[i]);
        memmove(&all.items[at + 1], &all.items[at], (size_t)(all.n - at) * sizeof *all.items);
        all.items[at] = fit->items[i];
        all.n++;
    }
    diag_print(&all, stdout);
    free(all.items); /* the texts belong to base and fit */
}

/* ---- --check ---------------------------------------------------------------- */

int check_main(const char *dir, int w, int h)
{
    DiagList diags = {0}, fits = {0};
    /* every image read whole: a file cut short or a JPEG of too many scans
     * is found here, not first on the kiosk */
    Library *lib = library_load_images(dir, MANIFEST_IMAGE_WHOLE, &diags);
    int sizes[CHECK_MAX_SIZES][2] = {{CHECK_DEFAULT_W, CHECK_DEFAULT_H}};
    int n_sizes = 1;
    if (w > 0 && h > 0 && (w != CHECK_DEFAULT_W || h != CHECK_DEFAULT_H)) {
        sizes[1][0] = w;
        sizes[1][1] = h;
        n_sizes = 2;
    }
    if (lib && lib->n > 0) {
        read_check(lib, &fits);
        fit_check(lib, (const int(*)[2])sizes, n_sizes, &fits);
    }
    media_check(lib, &fits); /* films, sound, subtitles: probed by vitrine-media */
    print_merged(&diags, &fits);
    int errors = diag_count(&diags, DIAG_ERROR) + diag_count(&fits, DIAG_ERROR);
    int warnings = diag_count(&diags, DIAG_WARNING) + diag_count(&fits, DIAG_WARNING);
    int slides = 0;
    for (int i = 0; lib && i < lib->n; i++)
        slides += lib->items[i]->n_slides;
    printf("%s: %d exhibition%s, %d slide%s; %d error%s, %d warning%s\n", dir, lib ? lib->n : 0,
           lib && lib->n == 1 ? "" : "s", slides, slides == 1 ? "" : "s", errors,
           errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    library_free(lib);
    diag_clear(&fits);
    diag_clear(&diags);
    return errors ? 1 : 0;
}
