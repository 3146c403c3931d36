/* SPDX-License-Identifier: GPL-3.0-or-later */
/* startindex.c - see startindex.h
 *
 * {"vitrine_start_index": 1, "root": "/srv/exhibitions",
 *  "exhibitions": [{"folder": "karlag", "id": "karlag",
 *     "stamp": {"manifest": [dev, ino, size, mtime_ns, ctime_ns], "folder": [...],
 *               "cover": [...], "deck": [...]},
 *     "title": [["kk", "..."], ["ru", "..."]], "languages": ["kk", "ru"],
 *     "cover": "images/01.jpg", "cover_format": "JPEG", "cover_slide": 0,
 *     "cover_page": 0, "deck": null, "slides": 120}]}
 *
 * Read with plain jansson, not jsondiag: nobody writes this file by hand,
 * and anything unexpected in it only means "no index".
 */
#include "startindex.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"

/* ---- writing ------------------------------------------------------------------ */

static json_t *stamp_json(const FileStamp *s)
{
    return json_pack("[IIIII]", (json_int_t)s->dev, (json_int_t)s->ino, (json_int_t)s->size,
                     (json_int_t)s->mtime_ns, (json_int_t)s->ctime_ns);
}

static json_t *stamps_json(const ExhibitionStamp *s)
{
    return json_pack("{s:o,s:o,s:o,s:o}", "manifest", stamp_json(&s->manifest), "folder",
                     stamp_json(&s->folder), "cover", stamp_json(&s->cover), "deck", stamp_json(&s->deck));
}

static json_t *localized_json(const Localized *l)
{
    json_t *a = json_array();
    for (int i = 0; a && i < l->n; i++)
        json_array_append_new(a, json_pack("[ss]", l->items[i].code, l->items[i].text));
    return a;
}

static json_t *languages_json(const Exhibition *ex)
{
    json_t *a = json_array();
    for (int i = 0; a && i < ex->n_languages; i++)
        json_array_append_new(a, json_string(ex->languages[i]));
    return a;
}

/* The folder's name under root, or NULL when ex->dir is not root's (or
 * root itself, ""). Points into ex->dir. */
static const char *folder_under(const char *root, const Exhibition *ex)
{
    if (!ex->dir)
        return NULL;
    if (strcmp(ex->dir, root) == 0)
        return "";
    char *again = fs_path_join(root, "x");
    size_t n = again ? strlen(again) - 1 : 0; /* root and its "/" */
    bool under = again && strncmp(ex->dir, again, n) == 0 && ex->dir[n] && !strchr(ex->dir + n, '/');
    free(again);
    return under ? ex->dir + n : NULL;
}

/* The cover as written (rel) when the full load's path is dir + rel, so
 * the summary names the very same file. */
static bool cover_of(const Exhibition *ex, const char **rel, ImageFormat *f, int *slide)
{
    const char *path;
    manifest_cover(ex, &path, f, slide);
    *rel = !path ? NULL : *slide < 0 ? ex->cover : ex->slides[*slide].image;
    if (!path)
        return true;
    char *again = *rel ? fs_path_join(ex->dir, *rel) : NULL;
    bool same = again && strcmp(again, path) == 0;
    free(again);
    return same;
}

static json_t *entry_json(const char *root, const Exhibition *ex)
{
    const char *folder = folder_under(root, ex), *rel;
    ImageFormat f = IMG_FMT_UNKNOWN;
    int slide;
    if (!folder || ex->summary_slides > 0 || !ex->id || ex->stamp.manifest.ino == 0 ||
        !cover_of(ex, &rel, &f, &slide))
        return NULL;
    return json_pack("{s:s,s:s,s:o,s:o,s:o,s:s?,s:s,s:i,s:i,s:s?,s:i}", "folder", folder, "id", ex->id,
                     "stamp", stamps_json(&ex->stamp), "title", localized_json(&ex->title), "languages",
                     languages_json(ex), "cover", rel, "cover_format", imagehead_format_name(f),
                     "cover_slide", slide, "cover_page", rel && slide >= 0 ? ex->slides[slide].page : 0,
                     "deck", ex->deck, "slides", ex->n_slides);
}

char *startindex_text(const char *real, const char *root, Exhibition *const *items, int n)
{
    json_t *list = json_array();
    for (int i = 0; list && i < n; i++) {
        json_t *e = entry_json(root, items[i]);
        if (e)
            json_array_append_new(list, e);
    }
    json_t *doc = list ? json_pack("{s:i,s:s,s:o}", "vitrine_start_index", STARTINDEX_VERSION, "root", real,
                                   "exhibitions", list)
                       : NULL;
    char *text = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
    json_decref(doc);
    return text;
}

/* ---- reading ------------------------------------------------------------------ */

static bool read_stamp(json_t *v, FileStamp *s)
{
    json_int_t x[5];
    if (json_unpack(v, "[IIIII!]", &x[0], &x[1], &x[2], &x[3], &x[4]) != 0)
        return false;
    *s = (FileStamp){(long long)x[0], (long long)x[1], (long long)x[2], (long long)x[3], (long long)x[4]};
    return true;
}

static bool read_stamps(json_t *v, ExhibitionStamp *s)
{
    json_t *m, *f, *c, *d;
    return json_unpack(v, "{s:o,s:o,s:o,s:o!}", "manifest", &m, "folder", &f, "cover", &c, "deck", &d) == 0 &&
           read_stamp(m, &s->manifest) && read_stamp(f, &s->folder) && read_stamp(c, &s->cover) &&
           read_stamp(d, &s->deck);
}

static bool read_localized(json_t *v, Localized *l)
{
    size_t n = json_array_size(v);
    if (!json_is_array(v) || n == 0 || !(l->items = calloc(n, sizeof *l->items)))
        return json_is_array(v) && n == 0;
    for (size_t i = 0; i < n; i++) {
        const char *code, *text;
        if (json_unpack(json_array_get(v, i), "[ss!]", &code, &text) != 0 ||
            !loc_add(l, (int)n, code, text))
            return false;
    }
    return true;
}

static bool read_languages(json_t *v, StartIndexEntry *e)
{
    size_t n = json_array_size(v);
    if (!json_is_array(v) || n == 0 || !(e->languages = calloc(n, sizeof *e->languages)))
        return false;
    for (size_t i = 0; i < n; i++) {
        const char *s = json_string_value(json_array_get(v, i));
        if (!s || !(e->languages[e->n_languages] = strdup(s)))
            return false;
        e->n_languages++;
    }
    return true;
}

static ImageFormat format_named(const char *name)
{
    for (int f = IMG_FMT_UNKNOWN + 1; f < 64; f++)
        if (strcmp(imagehead_format_name((ImageFormat)f), name) == 0)
            return (ImageFormat)f;
    return IMG_FMT_UNKNOWN;
}

static char *dup_or_null(const char *s, bool *ok)
{
    char *d = s ? strdup(s) : NULL;
    if (s && !d)
        *ok = false;
    return d;
}

static void entry_clear(StartIndexEntry *e)
{
    free(e->folder);
    free(e->id);
    loc_clear(&e->title);
    for (int i = 0; i < e->n_languages; i++)
        free(e->languages[i]);
    free(e->languages);
    free(e->cover);
    free(e->deck);
    *e = (StartIndexEntry){0};
}

static bool read_entry(json_t *v, StartIndexEntry *e)
{
    const char *folder, *id, *format;
    json_t *stamp, *title, *langs, *cover, *deck;
    if (json_unpack(v, "{s:s,s:s,s:o,s:o,s:o,s:o,s:s,s:i,s:i,s:o,s:i!}", "folder", &folder, "id", &id,
                    "stamp", &stamp, "title", &title, "languages", &langs, "cover", &cover, "cover_format",
                    &format, "cover_slide", &e->cover_slide, "cover_page", &e->cover_page, "deck", &deck,
                    "slides", &e->slides) != 0 ||
        !(json_is_string(cover) || json_is_null(cover)) || !(json_is_string(deck) || json_is_null(deck)))
        return false;
    bool ok = true;
    e->folder = dup_or_null(folder, &ok);
    e->id = dup_or_null(id, &ok);
    e->cover = dup_or_null(json_string_value(cover), &ok);
    e->deck = dup_or_null(json_string_value(deck), &ok);
    e->cover_format = format_named(format);
    return ok && read_stamps(stamp, &e->stamp) && read_localized(title, &e->title) && read_languages(langs, e) &&
           e->slides >= 1 && e->slides <= MANIFEST_MAX_SLIDES && e->cover_slide >= -1 &&
           e->cover_slide < e->slides && e->cover_page >= 0 && (!e->cover || e->cover_format != IMG_FMT_UNKNOWN);
}

bool startindex_parse(const char *text, size_t len, const char *real, StartIndex *out)
{
    *out = (StartIndex){0};
    json_t *doc = text ? json_loadb(text, len, JSON_REJECT_DUPLICATES, NULL) : NULL, *list;
    int version;
    const char *root;
    bool ok = doc && json_unpack(doc, "{s:i,s:s,s:o!}", "vitrine_start_index", &version, "root", &root,
                                 "exhibitions", &list) == 0 &&
              version == STARTINDEX_VERSION && strcmp(root, real) == 0 && json_is_array(list);
    size_t n = ok ? json_array_size(list) : 0;
    if (ok && n > 0 && !(out->items = calloc(n, sizeof *out->items)))
        ok = false;
    for (size_t i = 0; ok && i < n; i++) {
        ok = read_entry(json_array_get(list, i), &out->items[i]);
        out->n = (int)i + 1; /* cleared with the others, read or not */
    }
    json_decref(doc);
    if (!ok)
        startindex_free(out);
    return ok;
}

void startindex_free(StartIndex *idx)
{
    if (!idx)
        return;
    for (int i = 0; i < idx->n; i++)
        entry_clear(&idx->items[i]);
    free(idx->items);
    *idx = (StartIndex){0};
}

const StartIndexEntry *startindex_find(const StartIndex *idx, const char *folder)
{
    for (int i = 0; idx && folder && i < idx->n; i++)
        if (strcmp(idx->items[i].folder, folder) == 0)
            return &idx->items[i];
    return NULL;
}

/* ---- the rule and the summary --------------------------------------------------- */

bool startindex_fresh(const StartIndexEntry *e, const ExhibitionStamp *now)
{
    /* a manifest that is not there (ino 0) is never "the same" */
    return e && e->stamp.manifest.ino != 0 && fs_stamp_equal(&e->stamp.manifest, &now->manifest) &&
           fs_stamp_equal(&e->stamp.folder, &now->folder) && fs_stamp_equal(&e->stamp.cover, &now->cover) &&
           fs_stamp_equal(&e->stamp.deck, &now->deck);
}

/* The summary's own copies of e's title and languages. */
static bool copy_words(const StartIndexEntry *e, Exhibition *ex)
{
    if (e->title.n > 0 && !(ex->title.items = calloc((size_t)e->title.n, sizeof *ex->title.items)))
        return false;
    for (int i = 0; i < e->title.n; i++)
        if (!loc_add(&ex->title, e->title.n, e->title.items[i].code, e->title.items[i].text))
            return false;
    if (!(ex->languages = calloc((size_t)e->n_languages, sizeof *ex->languages)))
        return false;
    for (; ex->n_languages < e->n_languages; ex->n_languages++)
        if (!(ex->languages[ex->n_languages] = strdup(e->languages[ex->n_languages])))
            return false;
    return true;
}

/* The cover: "cover", or the image of slide cover_slide (blank slides before
 * it, so the picture keeps the index the full load gives it). */
static bool place_cover(const StartIndexEntry *e, Exhibition *ex)
{
    int k = e->cover && e->cover_slide >= 0 ? e->cover_slide : 0;
    if (!(ex->slides = calloc((size_t)k + 1, sizeof *ex->slides)))
        return false;
    ex->n_slides = k + 1;
    if (!e->cover)
        return true;
    char *rel = strdup(e->cover), *path = fs_path_join(ex->dir, e->cover);
    if (!rel || !path) {
        free(rel);
        free(path);
        return false;
    }
    if (e->cover_slide < 0) {
        ex->cover = rel, ex->cover_path = path, ex->cover_format = e->cover_format;
        return true;
    }
    Slide *s = &ex->slides[k];
    s->image = rel, s->image_path = path, s->image_format = e->cover_format;
    s->image_ok = true;
    s->page = e->cover_page;
    return true;
}

Exhibition *startindex_summary(const StartIndexEntry *e, const char *dir)
{
    Exhibition *ex = calloc(1, sizeof *ex);
    if (!ex)
        return NULL;
    ex->stamp = e->stamp;
    ex->summary_slides = e->slides;
    bool ok = (ex->id = strdup(e->id)) && (ex->dir = strdup(dir)) &&
              (ex->manifest_path = fs_path_join(dir, MANIFEST_NAME)) && copy_words(e, ex) && place_cover(e, ex);
    if (ok && e->deck)
        ok = (ex->deck = strdup(e->deck)) && (ex->deck_path = fs_path_join(dir, e->deck));
    if (!ok) {
        manifest_free(ex);
        return NULL;
    }
    return ex;
}
