/* SPDX-License-Identifier: GPL-3.0-or-later */
/* manifest.c - see manifest.h
 *
 * The order of work: read the file, refuse what no parser should see (too
 * large, too deep), let jansson parse it, let jsonloc find positions, then
 * walk the values field by field. Every problem goes to the DiagList with a
 * position; at the end this manifest's problems are sorted by position so
 * --check reads like a compiler's output.
 */
/* realpath() is XSI, which _POSIX_C_SOURCE alone does not declare */
#define _XOPEN_SOURCE 700

#include "manifest.h"

#include "deck.h"
#include "fsutil.h"
#include "imagehead.h"
#include "jsondiag.h"
#include "jsontext.h"
#include "lang.h"
#include "manifest_path.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MANIFEST_MAX_DEPTH 64     /* objects/arrays; jansson would recurse to 2048 */
#define SNIFF_HEAD 64             /* bytes read to tell an image format */
#define SNIFF_HEAD_SVG 4096       /* more for SVG: XML prologues can be long */
#define LECTURE_S_MAX 86400       /* one slide in a lecture: at most a day */
#define DURATION_MIN_MAX 1440     /* a lecture: at most a day */


static const char *const top_keys[] = {"$schema", "id", "title", "languages",
                                       "cover", "lecture", "slides", "deck"};
static const char *const slide_keys[] = {"image", "title", "caption", "text", "credit",
                                         "notes", "lecture_s", "attract", "page",
                                         /* film and sound: slide_media.h */
                                         "video", "subtitles", "audio", "narration",
                                         "poster", "loop", "start", "end"};
static const char *const lecture_keys[] = {"duration_min"};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Small helpers ------------------------------------------------------ */

static bool id_ok(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              || c == '.' || c == '_' || c == '-'))
            return false;
    }
    return true;
}

/* ---- Context ------------------------------------------------------------ */

typedef struct {
    JsonDiag jd;            /* the file, its positions and problems (jsondiag.h) */
    Exhibition *ex;
    char *dir_real;         /* realpath of ex->dir, computed on first use */
    bool dir_real_tried;
    int dir_fd;             /* ex->dir opened on first use (-1: could not) */
    bool dir_fd_tried;
    ManifestImageCheck images; /* how much of each image to read */
    DeckInfo deck;          /* "deck": what the PDF reader said (pages = 0: no deck) */
    const char *deck_name;  /* manifest_load_deck: the title when the PDF has none */
} Ctx;

/* ---- Localized values --------------------------------------------------- */

/* How one localized field is named in messages. */
typedef struct {
    const char *ptr;        /* JSON pointer of the value */
    const char *subject;    /* "\"caption\" of slide 3", "\"title\"" */
    const char *what;       /* "slide 3 caption", "the exhibition title" */
    bool check;             /* warn about missing translations */
} LocField;

static bool in_languages(const Exhibition *ex, const char *code)
{
    for (int i = 0; i < ex->n_languages; i++)
        if (strcmp(ex->languages[i], code) == 0)
            return true;
    return false;
}

static void languages_list(const Exhibition *ex, char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < ex->n_languages && o < cap; i++)
        o += (size_t)snprintf(buf + o, cap - o, "%s%s", i ? ", " : "", ex->languages[i]);
}

/* Code of the entry loc_get() would fall back to; "nothing" when none. */
static const char *fallback_code(const Localized *l, const Exhibition *ex)
{
    for (int k = 0; k < ex->n_languages; k++)
        for (int i = 0; i < l->n; i++)
            if (strcmp(l->items[i].code, ex->languages[k]) == 0)
                return l->items[i].code;
    return l->n ? l->items[0].code : "nothing";
}

/* Fills out (which must be empty) from v. Empty strings are not stored: an
 * empty translation is a missing one, and the fallback should find another. */
static void parse_localized(Ctx *c, json_t *v, const LocField *f, Localized *out)
{
    char tb[32];
    if (json_is_string(v)) {
        if (json_string_length(v) == 0)
            return;
        out->items = calloc(1, sizeof *out->items);
        if (out->items)
            loc_add(out, 1, "*", json_string_value(v));
        return;
    }
    if (!json_is_object(v)) {
        jdiag_at_value(&c->jd, DIAG_ERROR, f->ptr,
                       "%s must be a string or an object of translations like "
                       "{\"kk\": \"…\", \"ru\": \"…\"}, not %s",
                       f->subject, jtext_describe(v, false, tb, sizeof tb));
        return;
    }
    Exhibition *ex = c->ex;
    size_t n = json_object_size(v);
    if (n > 0) {
        out->items = calloc(n, sizeof *out->items);
        if (!out->items)
            return;
    }
    const char *code;
    json_t *t;
    json_object_foreach(v, code, t) {
        char *ptr = jsonloc_ptr_join(f->ptr, code);
        const char *p = ptr ? ptr : f->ptr;
        char s[JTEXT_SHOWN_CAP];
        if (!loc_code_ok(code)) {
            jdiag_at_key(&c->jd, DIAG_WARNING, p,
                         "\"%s\" in %s is not a language code; it is ignored",
                         jtext_shown(code, s, sizeof s), f->what);
        } else {
            if (!in_languages(ex, code)) {
                char list[128];
                languages_list(ex, list, sizeof list);
                jdiag_at_key(&c->jd, DIAG_WARNING, p,
                             "\"%s\" in %s is not one of the exhibition's languages (%s)", code,
                             f->what, list);
            }
            if (!json_is_string(t))
                jdiag_at_value(&c->jd, DIAG_ERROR, p,
                               "\"%s\" translation of %s must be a string, not %s",
                               code, f->what, jtext_describe(t, false, tb, sizeof tb));
            else if (json_string_length(t) > 0)
                loc_add(out, (int)n, code, json_string_value(t));
        }
        free(ptr);
    }
    /* nothing usable at all: the caller says so once, not once per language */
    if (!f->check || out->n == 0)
        return;
    for (int i = 0; i < ex->n_languages; i++) {
        const char *lang = ex->languages[i];
        bool have = false;
        for (int k = 0; k < out->n && !have; k++)
            have = strcmp(out->items[k].code, lang) == 0;
        if (have)
            continue;
        /* say what a visitor will actually read instead */
        const char *instead = fallback_code(out, ex);
        jdiag_at_value(&c->jd, DIAG_WARNING, f->ptr,
                       "missing \"%s\" translation of %s; visitors reading %s will see %s", lang,
                       f->what, lang, instead);
    }
}

const char *loc_get(const Localized *l, const char *lang, const Exhibition *ex)
{
    return loc_text(l, lang, ex ? ex->languages : NULL, ex ? ex->n_languages : 0);
}

/* ---- Images ------------------------------------------------------------- */

static const char *dir_real(Ctx *c)
{
    if (!c->dir_real_tried) {
        c->dir_real_tried = true;
        c->dir_real = realpath(c->ex->dir, NULL);
    }
    return c->dir_real;
}

static const char *root_of(void *ctx)
{
    return dir_real(ctx);
}

/* ex->dir as a folder to open images beneath (manifest_path_open). */
static int dir_fd(Ctx *c)
{
    if (!c->dir_fd_tried) {
        c->dir_fd_tried = true;
        c->dir_fd = open(c->ex->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }
    return c->dir_fd;
}

/* The file at `rel`: manifest_path.h. */
static char *resolve_file(Ctx *c, const char *rel, const char *ptr, const char *subject,
                          const char *kind)
{
    return manifest_path_resolve(&c->jd, c->ex->dir, root_of, c, rel, ptr, subject, kind);
}

static char *resolve_for_media(void *ctx, const char *rel, const char *ptr, const char *subject,
                               const char *kind)
{
    return resolve_file(ctx, rel, ptr, subject, kind);
}

/* Checks the image at `rel` (as written in the manifest, at JSON pointer
 * ptr). On success sets *path (dir/rel) and *fmt and returns true. Every
 * failure is an error diagnostic. */
static bool check_image(Ctx *c, const char *rel, const char *ptr, const char *subject,
                        char **path, ImageFormat *fmt)
{
    char s[JTEXT_SHOWN_CAP], list[64];
    *path = NULL;
    *fmt = IMG_FMT_UNKNOWN;
    /* the quick way, else the slow one that can say what is wrong */
    int fd;
    char *full = manifest_path_open(dir_fd(c), c->ex->dir, rel, &fd);
    if (!full) {
        full = resolve_file(c, rel, ptr, subject, "image");
        if (!full)
            return false;
        /* O_NONBLOCK: a FIFO swapped in after stat() must not hang the kiosk */
        fd = open(full, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    }
    unsigned char head[SNIFF_HEAD_SVG];
    ssize_t got = fd < 0 ? -1 : fs_read_up_to(fd, head, SNIFF_HEAD);
    if (got == SNIFF_HEAD && imagehead_sniff(head, (size_t)got) == IMG_FMT_UNKNOWN
        && imagehead_maybe_xml(head, (size_t)got)) {
        ssize_t more = fs_read_up_to(fd, head + got, sizeof head - (size_t)got);
        got = more < 0 ? -1 : got + more;
    }
    int err = errno;
    if (got < 0) {
        jdiag_at_value(&c->jd, DIAG_ERROR, ptr, "image \"%s\" cannot be read: %s",
                       jtext_shown(rel, s, sizeof s), strerror(err));
        if (fd >= 0)
            close(fd);
        free(full);
        return false;
    }
    ImageFormat f = imagehead_sniff(head, (size_t)got);
    /* What the header says (size; with the whole file, scans and whether
     * it is all there), refused here as the decoder would refuse it, so
     * --check says so and the kiosk shows a placeholder at once. */
    ImageHead hd;
    char why[256];
    bool head_ok = f == IMG_FMT_UNKNOWN || f == IMG_FMT_SVG || c->images == MANIFEST_IMAGE_SNIFF ||
                   imagehead_read_fd(fd, c->images == MANIFEST_IMAGE_WHOLE, &hd, why,
                                     sizeof why) == IMAGEHEAD_OK;
    close(fd);
    if (!head_ok) {
        jdiag_at_value(&c->jd, DIAG_ERROR, ptr, "image \"%s\" cannot be shown: %s",
                       jtext_shown(rel, s, sizeof s), why);
        free(full);
        return false;
    }
    if (f == IMG_FMT_UNKNOWN) {
        const char *other = imagehead_other_format(head, (size_t)got);
        if (got == 0)
            jdiag_at_value(&c->jd, DIAG_ERROR, ptr,
                           "%s is an empty file", jtext_shown(rel, s, sizeof s));
        else if (other)
            jdiag_at_value(&c->jd, DIAG_ERROR, ptr, "%s is %s; vitrine shows %s",
                           jtext_shown(rel, s, sizeof s), other,
                           imagehead_format_list(" and ", list, sizeof list));
        else
            jdiag_at_value(&c->jd, DIAG_ERROR, ptr, "%s is not an image vitrine can show",
                           jtext_shown(rel, s, sizeof s));
        free(full);
        return false;
    }
    *path = full;
    *fmt = f;
    return true;
}

/* ---- Fields ------------------------------------------------------------- */

static void parse_languages(Ctx *c, json_t *root)
{
    Exhibition *ex = c->ex;
    json_t *v = json_object_get(root, "languages");
    /* without usable "languages": the languages vitrine offers by default
     * (lang.h: the one list) */
    char tb[32], deftext[128];
    const char *defaults[LANG_MAX];
    size_t n_defaults = (size_t)lang_defaults(defaults, LANG_MAX);
    lang_codes_text(defaults, (int)n_defaults, deftext, sizeof deftext);
    if (v && !json_is_array(v)) {
        jdiag_at_value(&c->jd, DIAG_ERROR, "/languages",
                       "\"languages\" must be an array of language codes like %s, not %s; using %s",
                       deftext, jtext_describe(v, false, tb, sizeof tb), deftext);
        v = NULL;
    } else if (v && json_array_size(v) == 0) {
        jdiag_at_value(&c->jd, DIAG_ERROR, "/languages", "\"languages\" is empty; using %s",
                       deftext);
        v = NULL;
    }
    size_t n = v ? json_array_size(v) : n_defaults;
    ex->languages = calloc(n, sizeof *ex->languages);
    if (!ex->languages)
        return;
    if (v) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) {
            char ptr[64], s[JTEXT_SHOWN_CAP];
            snprintf(ptr, sizeof ptr, "/languages/%zu", i);
            if (!json_is_string(e)) {
                jdiag_at_value(&c->jd, DIAG_ERROR, ptr,
                               "\"languages\" entry must be a string, not %s",
                               jtext_describe(e, false, tb, sizeof tb));
            } else if (!loc_code_ok(json_string_value(e))) {
                jdiag_at_value(&c->jd, DIAG_ERROR, ptr,
                               "\"%s\" in \"languages\" is not a language code (2-3 lowercase "
                               "letters like \"kk\", optionally followed by \"-\" and letters or "
                               "digits)", jtext_shown(json_string_value(e), s, sizeof s));
            } else if (in_languages(ex, json_string_value(e))) {
                jdiag_at_value(&c->jd, DIAG_ERROR, ptr, "\"%s\" is listed twice in \"languages\"",
                               json_string_value(e));
            } else {
                char *code = strdup(json_string_value(e));
                if (code)
                    ex->languages[ex->n_languages++] = code;
            }
        }
        if (ex->n_languages > 0)
            return;
        jdiag_at_value(&c->jd, DIAG_ERROR, "/languages",
                       "no usable entry in \"languages\"; using %s", deftext);
        if (n < n_defaults) {
            char **more = realloc(ex->languages, n_defaults * sizeof *ex->languages);
            if (!more)
                return;
            ex->languages = more;
        }
    }
    for (size_t i = 0; i < n_defaults; i++) {
        char *code = strdup(defaults[i]);
        if (code)
            ex->languages[ex->n_languages++] = code;
    }
}

static void parse_id(Ctx *c, json_t *root)
{
    Exhibition *ex = c->ex;
    char *folder = fs_folder_name(ex->dir);
    json_t *v = json_object_get(root, "id");
    char tb[32], s[JTEXT_SHOWN_CAP], s2[JTEXT_SHOWN_CAP];
    if (v && !json_is_string(v)) {
        jdiag_at_value(&c->jd, DIAG_ERROR,
                       "/id", "\"id\" must be a string, not %s; the folder name "
                       "\"%s\" is used", jtext_describe(v, false, tb, sizeof tb),
                       jtext_shown(folder ? folder : "", s, sizeof s));
    } else if (v && !id_ok(json_string_value(v))) {
        jdiag_at_value(&c->jd, DIAG_ERROR,
                       "/id", "\"id\" \"%s\" may only contain letters A-Z and a-z, "
                       "digits, \".\", \"_\" and \"-\"; the folder name \"%s\" is used",
                       jtext_shown(json_string_value(v), s, sizeof s),
                       jtext_shown(folder ? folder : "", s2, sizeof s2));
    } else if (v) {
        ex->id = strdup(json_string_value(v));
        free(folder);
        return;
    }
    ex->id = folder;
}

static void parse_title(Ctx *c, json_t *root)
{
    Exhibition *ex = c->ex;
    json_t *v = json_object_get(root, "title");
    char s[JTEXT_SHOWN_CAP];
    if (v) {
        LocField f = {"/title", "\"title\"", "the exhibition title", true};
        parse_localized(c, v, &f, &ex->title);
        if (ex->title.n > 0)
            return;
        if (json_is_string(v) || json_is_object(v))
            jdiag_at_value(&c->jd, DIAG_WARNING,
                           "/title", "\"title\" is empty; the id \"%s\" is shown "
                           "instead", jtext_shown(ex->id ? ex->id : "", s, sizeof s));
        loc_clear(&ex->title);
    } else if (c->deck.pages > 0) { /* a deck: its own title, else its file name */
        const char *t = c->deck.title && *c->deck.title ? c->deck.title : c->deck_name ? c->deck_name : ex->id;
        if ((ex->title.items = calloc(1, sizeof *ex->title.items)) != NULL)
            loc_add(&ex->title, 1, "*", t);
        return;
    } else {
        jdiag_at_value(&c->jd, DIAG_WARNING, "", "no \"title\"; the id \"%s\" is shown instead",
                       jtext_shown(ex->id ? ex->id : "", s, sizeof s));
    }
    /* a title is always there to show: the id stands in */
    ex->title.items = calloc(1, sizeof *ex->title.items);
    if (ex->title.items && ex->id)
        loc_add(&ex->title, 1, "*", ex->id);
}

static void parse_cover(Ctx *c, json_t *root)
{
    Exhibition *ex = c->ex;
    json_t *v = json_object_get(root, "cover");
    char tb[32];
    if (!v)
        return;
    if (!json_is_string(v)) {
        jdiag_at_value(&c->jd, DIAG_ERROR,
                       "/cover", "\"cover\" must be a string (a path to an image), "
                       "not %s", jtext_describe(v, false, tb, sizeof tb));
        return;
    }
    ex->cover = strdup(json_string_value(v));
    check_image(c, json_string_value(v), "/cover", "\"cover\"", &ex->cover_path,
                &ex->cover_format);
}

static void parse_lecture(Ctx *c, json_t *root)
{
    json_t *v = json_object_get(root, "lecture");
    char tb[32];
    if (!v)
        return;
    if (!json_is_object(v)) {
        jdiag_at_value(&c->jd, DIAG_ERROR, "/lecture", "\"lecture\" must be an object like "
                       "{\"duration_min\": 45}, not %s", jtext_describe(v, false, tb, sizeof tb));
        return;
    }
    json_t *d = json_object_get(v, "duration_min");
    if (!d) {
        jdiag_at_value(&c->jd, DIAG_ERROR, "/lecture", "\"lecture\" has no \"duration_min\"");
    } else if (!json_is_number(d) || json_number_value(d) <= 0
               || isnan(json_number_value(d))) {
        jdiag_at_value(&c->jd, DIAG_ERROR,
                       "/lecture/duration_min", "\"duration_min\" of \"lecture\" "
                       "must be a positive number of minutes, not %s",
                       jtext_describe(d, true, tb, sizeof tb));
    } else if (json_number_value(d) > DURATION_MIN_MAX) {
        jdiag_at_value(&c->jd, DIAG_ERROR,
                       "/lecture/duration_min", "\"duration_min\" of \"lecture\" "
                       "is too long (%s minutes; at most %d)",
                       jtext_describe(d, true, tb, sizeof tb),
                       DURATION_MIN_MAX);
    } else {
        /* whole minutes, rounded up so a short lecture is never 0 (= none) */
        c->ex->lecture_duration_min = (int)ceil(json_number_value(d));
    }
    jdiag_unknown_keys(&c->jd, v, "/lecture", lecture_keys, N_OF(lecture_keys), " in \"lecture\"",
                       JDIAG_CURATOR);
}

static void slide_clear(Slide *s)
{
    free(s->image);
    free(s->image_path);
    free(s->label);
    loc_clear(&s->title);
    loc_clear(&s->caption);
    loc_clear(&s->text);
    loc_clear(&s->credit);
    loc_clear(&s->notes);
    slide_media_clear(&s->media);
    memset(s, 0, sizeof *s);
}

/* "page": which page of a document (a PDF or a multi-page TIFF) the slide
 * shows, 1-based. That the document has that many pages is for the reader
 * to say (--check asks it; the kiosk shows a placeholder): nothing of a PDF
 * or TIFF is parsed here. */
static void parse_page(Ctx *c, json_t *v, const char *base, int no, Slide *s)
{
    json_t *pg = json_object_get(v, "page");
    if (!pg)
        return;
    char ptr[96], tb[32];
    snprintf(ptr, sizeof ptr, "%s/page", base);
    double n = json_is_number(pg) ? json_number_value(pg) : 0;
    if (!json_is_number(pg) || !(n >= 1) || n != floor(n) || n > MANIFEST_MAX_PAGE)
        jdiag_at_value(&c->jd, DIAG_ERROR, ptr,
                       "\"page\" of slide %d must be a page number, 1 or more, not %s", no,
                       jtext_describe(pg, true, tb, sizeof tb));
    else if (s->image_ok && s->image_format != IMG_FMT_PDF && s->image_format != IMG_FMT_TIFF && n > 1)
        jdiag_at_value(&c->jd, DIAG_ERROR, ptr,
                       "\"page\" of slide %d is %d, but %s is %s with one page", no, (int)n,
                       s->image, imagehead_format_name(s->image_format));
    else {
        s->page = (int)n;
        jdiag_locate(&c->jd, ptr, false, &s->page_line, &s->page_col);
    }
}

/* --check asks the PDF reader whether the page is there and can be read
 * (a password, a damaged file); the kiosk finds out when it draws it. */
static void check_pdf_page(Ctx *c, const char *base, int no, Slide *s)
{
    DeckInfo d;
    char why[256], ptr[96], sh[JTEXT_SHOWN_CAP];
    int page = s->page > 0 ? s->page : 1;
    snprintf(ptr, sizeof ptr, "%s/%s", base, s->page > 0 ? "page" : "image");
    if (!deck_read(s->image_path, &d, why, sizeof why))
        jdiag_at_value(&c->jd, DIAG_ERROR, ptr, "%s of slide %d cannot be shown: %s",
                       jtext_shown(s->image, sh, sizeof sh), no, why);
    else if (page > d.pages)
        jdiag_at_value(&c->jd, DIAG_ERROR, ptr, "\"page\" of slide %d is %d, but %s has %d page%s", no,
                       page, jtext_shown(s->image, sh, sizeof sh), d.pages, d.pages == 1 ? "" : "s");
    deck_info_free(&d);
}

/* A film's poster is the slide's picture: drawn in the film's place until
 * its first frame (the film covers it then), and the slide's thumbnail.
 * It takes the place of an "image" given too (which would only show in
 * that same moment). Checked as an image is: a poster that is no picture
 * is an error at "poster". */
static void poster_as_image(Ctx *c, json_t *v, const char *base, int no, Slide *s)
{
    json_t *pv = json_object_get(v, "poster");
    if (!s->media.poster_path || !json_is_string(pv))
        return; /* none, or not there (said already) */
    char ptr[256], subject[64];
    snprintf(ptr, sizeof ptr, "%s/poster", base);
    snprintf(subject, sizeof subject, "\"poster\" of slide %d", no);
    if (s->image) {
        jdiag_at_value(&c->jd, DIAG_WARNING, ptr,
                       "slide %d has both \"image\" and \"poster\": the poster is shown until the film's "
                       "first frame, the image not at all", no);
        free(s->image);
        free(s->image_path);
        s->image = s->image_path = NULL;
    }
    s->image = strdup(json_string_value(pv));
    s->image_ok = check_image(c, json_string_value(pv), ptr, subject, &s->image_path, &s->image_format);
}

/* Slide number `no` (1-based, as a curator counts) from v. False when the
 * slide cannot be shown; then *s is left empty. */
static bool parse_slide(Ctx *c, json_t *v, int no, Slide *s)
{
    char base[48], ptr[96], subject[64], what[64], tb[32];
    snprintf(base, sizeof base, "/slides/%d", no - 1);
    memset(s, 0, sizeof *s);
    jdiag_locate(&c->jd, base, false, &s->line, &s->col);
    if (!json_is_object(v)) {
        jdiag_at_value(&c->jd, DIAG_ERROR, base, "slide %d must be an object, not %s", no,
                       jtext_describe(v, false, tb, sizeof tb));
        return false;
    }

    json_t *img = json_object_get(v, "image");
    if (img) {
        snprintf(ptr, sizeof ptr, "%s/image", base);
        if (!json_is_string(img)) {
            jdiag_at_value(&c->jd, DIAG_ERROR, ptr,
                           "\"image\" of slide %d must be a string (a path to "
                           "an image), not %s", no, jtext_describe(img, false, tb, sizeof tb));
        } else {
            s->image = strdup(json_string_value(img));
            snprintf(subject, sizeof subject, "\"image\" of slide %d", no);
            s->image_ok = check_image(c, json_string_value(img), ptr, subject,
                                      &s->image_path, &s->image_format);
        }
    }

    static const struct {
        const char *key;
        bool check;
        size_t offset;
    } locs[] = {
        {"title", true, offsetof(Slide, title)},
        {"caption", true, offsetof(Slide, caption)},
        {"text", true, offsetof(Slide, text)},
        {"credit", false, offsetof(Slide, credit)},
        {"notes", false, offsetof(Slide, notes)},
        {"video", false, offsetof(Slide, media.video)},
        {"subtitles", false, offsetof(Slide, media.subtitles)},
        {"audio", false, offsetof(Slide, media.audio)},
        {"narration", false, offsetof(Slide, media.narration)},
    };
    for (size_t i = 0; i < N_OF(locs); i++) {
        json_t *lv = json_object_get(v, locs[i].key);
        if (!lv)
            continue;
        snprintf(ptr, sizeof ptr, "%s/%s", base, locs[i].key);
        snprintf(subject, sizeof subject, "\"%s\" of slide %d", locs[i].key, no);
        snprintf(what, sizeof what, "slide %d %s", no, locs[i].key);
        LocField f = {ptr, subject, what, locs[i].check};
        Localized *l = (Localized *)((char *)s + locs[i].offset);
        parse_localized(c, lv, &f, l);
        if (locs[i].check && l->n == 0 && (json_is_string(lv) || json_is_object(lv)))
            jdiag_at_value(&c->jd, DIAG_WARNING, ptr, "%s is empty", subject);
    }

    json_t *ls = json_object_get(v, "lecture_s");
    if (ls) {
        snprintf(ptr, sizeof ptr, "%s/lecture_s", base);
        /* 90.0 is as whole as 90: editors and scripts write either */
        double secs = json_is_number(ls) ? json_number_value(ls) : 0;
        if (!json_is_number(ls) || !(secs > 0) || secs != floor(secs))
            jdiag_at_value(&c->jd, DIAG_ERROR, ptr,
                           "\"lecture_s\" of slide %d must be a positive whole "
                           "number of seconds, not %s",
                           no, jtext_describe(ls, true, tb, sizeof tb));
        else if (secs > LECTURE_S_MAX)
            jdiag_at_value(&c->jd, DIAG_ERROR, ptr,
                           "\"lecture_s\" of slide %d is too long (%s seconds; "
                           "at most %d)",
                           no, jtext_describe(ls, true, tb, sizeof tb), LECTURE_S_MAX);
        else
            s->lecture_s = (int)secs;
    }

    parse_page(c, v, base, no, s);
    if (c->images == MANIFEST_IMAGE_WHOLE && s->image_ok && s->image_format == IMG_FMT_PDF)
        check_pdf_page(c, base, no, s);

    json_t *at = json_object_get(v, "attract");
    if (at) {
        snprintf(ptr, sizeof ptr, "%s/attract", base);
        if (!json_is_boolean(at))
            jdiag_at_value(&c->jd, DIAG_ERROR, ptr,
                           "\"attract\" of slide %d must be true or false, "
                           "not %s", no, jtext_describe(at, false, tb, sizeof tb));
        else
            s->attract = json_is_true(at);
    }

    slide_media_parse(&c->jd, v, base, no, resolve_for_media, c, &s->media);
    poster_as_image(c, v, base, no, s);

    char where[32];
    snprintf(where, sizeof where, " in slide %d", no);
    jdiag_unknown_keys(&c->jd, v, base, slide_keys, N_OF(slide_keys), where, JDIAG_CURATOR);

    if (!s->image && s->text.n == 0 && !(c->deck.pages > 0 && s->page > 0) &&
        !slide_media_has_video(&s->media)) {
        jdiag_at_value(&c->jd, DIAG_ERROR, base,
                       "slide %d has neither \"image\" nor \"text\"; it is "
                       "left out", no);
        slide_clear(s);
        return false;
    }
    return true;
}

/* "deck": a PDF whose pages are the slides; the reader (deck.h) says how
 * many and their labels. */
static void parse_deck(Ctx *c, json_t *root)
{
    json_t *v = json_object_get(root, "deck");
    char tb[32], why[256], s[JTEXT_SHOWN_CAP], *path;
    ImageFormat f;
    if (!v)
        return;
    if (!json_is_string(v)) {
        jdiag_at_value(&c->jd, DIAG_ERROR, "/deck", "\"deck\" must be a string (a PDF), not %s",
                       jtext_describe(v, false, tb, sizeof tb));
    } else if (check_image(c, json_string_value(v), "/deck", "\"deck\"", &path, &f)) {
        if (f != IMG_FMT_PDF)
            jdiag_at_value(&c->jd, DIAG_ERROR, "/deck", "\"deck\" %s is %s, not a PDF",
                           jtext_shown(json_string_value(v), s, sizeof s), imagehead_format_name(f));
        else if (!deck_read(path, &c->deck, why, sizeof why))
            jdiag_at_value(&c->jd, DIAG_ERROR, "/deck", "deck %s cannot be shown: %s",
                           jtext_shown(json_string_value(v), s, sizeof s), why);
        else if ((c->ex->deck = strdup(json_string_value(v))) != NULL)
            c->ex->deck_path = path, path = NULL;
        if (!c->ex->deck_path)
            deck_info_free(&c->deck);
        free(path);
    }
}

/* Notes a pdfpc user keeps beside the deck, for the pages the manifest
 * gives none; its "duration" and "lastMinutes" where the manifest is silent. */
static void deck_notes(Ctx *c)
{
    Exhibition *ex = c->ex;
    DeckNotes dn;
    if (!deck_notes_load(ex->deck_path, ex->n_slides, c->deck.labels, &dn, c->jd.diags))
        return;
    for (int i = 0; i < ex->n_slides; i++) {
        Slide *sl = &ex->slides[i];
        if (dn.notes[i] && sl->notes.n == 0 && (sl->notes.items = calloc(1, sizeof *sl->notes.items)))
            loc_add(&sl->notes, 1, "*", dn.notes[i]);
    }
    if (!ex->lecture_duration_min)
        ex->lecture_duration_min = dn.duration_min;
    ex->lecture_warn_min = dn.last_minutes;
    deck_notes_free(&dn);
}

/* A deck's slides: every page, then what "slides" says of some of them. */
static bool deck_slides(Ctx *c, json_t *v)
{
    Exhibition *ex = c->ex;
    int n = c->deck.pages < MANIFEST_MAX_SLIDES ? c->deck.pages : MANIFEST_MAX_SLIDES;
    if (!(ex->slides = calloc((size_t)n, sizeof *ex->slides)))
        return false;
    for (int i = 0; i < n; i++, ex->n_slides++) {
        Slide *sl = &ex->slides[i];
        *sl = (Slide){.image = strdup(ex->deck), .image_path = strdup(ex->deck_path),
                      .image_format = IMG_FMT_PDF, .image_ok = true, .page = i + 1,
                      .label = c->deck.labels ? strdup(c->deck.labels[i]) : NULL};
        jdiag_locate(&c->jd, "/deck", false, &sl->line, &sl->col);
        if (!sl->image || !sl->image_path)
            return false;
    }
    for (size_t i = 0; json_is_array(v) && i < json_array_size(v); i++) {
        Slide t;
        char ptr[48];
        snprintf(ptr, sizeof ptr, "/slides/%zu", i);
        if (!parse_slide(c, json_array_get(v, i), (int)i + 1, &t))
            continue;
        if (t.image || t.page < 1 || t.page > n) {
            jdiag_at_value(&c->jd, DIAG_ERROR, ptr, "with \"deck\", slide %zu names one of its %d pages "
                           "(\"page\": 1 to %d) and no image of its own; it is left out", i + 1, n, n);
        } else { /* its words go onto that page */
            Slide *d = &ex->slides[t.page - 1];
            Localized *from[] = {&t.title, &t.caption, &t.text, &t.credit, &t.notes};
            Localized *to[] = {&d->title, &d->caption, &d->text, &d->credit, &d->notes};
            for (size_t k = 0; k < N_OF(from); k++)
                if (from[k]->n > 0)
                    loc_clear(to[k]), *to[k] = *from[k], *from[k] = (Localized){NULL, 0};
            d->lecture_s = t.lecture_s ? t.lecture_s : d->lecture_s;
            d->attract |= t.attract;
            d->line = t.line, d->col = t.col;
        }
        slide_clear(&t);
    }
    deck_notes(c);
    return true;
}

/* False when no slide can be shown. */
static bool parse_slides(Ctx *c, json_t *root)
{
    Exhibition *ex = c->ex;
    json_t *v = json_object_get(root, "slides");
    char tb[32];
    if (c->deck.pages > 0 && (!v || json_is_array(v)))
        return deck_slides(c, v);
    if (!v) {
        jdiag_at_value(&c->jd, DIAG_ERROR,
                       "", "no \"slides\": an exhibition needs at least one slide");
        return false;
    }
    if (!json_is_array(v)) {
        jdiag_at_value(&c->jd, DIAG_ERROR,
                       "/slides", "\"slides\" must be an array of slides, not %s",
                       jtext_describe(v, false, tb, sizeof tb));
        return false;
    }
    size_t n = json_array_size(v);
    if (n == 0) {
        jdiag_at_value(&c->jd, DIAG_ERROR, "/slides",
                       "\"slides\" is empty: an exhibition needs at least one slide");
        return false;
    }
    if (n > MANIFEST_MAX_SLIDES) {
        jdiag_at_value(&c->jd, DIAG_ERROR,
                       "/slides", "too many slides (%zu); only the first %d are "
                       "shown", n, MANIFEST_MAX_SLIDES);
        n = MANIFEST_MAX_SLIDES;
    }
    ex->slides = calloc(n, sizeof *ex->slides);
    if (!ex->slides)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (parse_slide(c, json_array_get(v, i), (int)i + 1, &ex->slides[ex->n_slides]))
            ex->n_slides++;
    }
    if (ex->n_slides == 0) {
        jdiag_at_value(&c->jd, DIAG_ERROR, "/slides",
                       "no slide can be shown, so the exhibition is left out");
        return false;
    }
    return true;
}

/* ---- Loading ------------------------------------------------------------ */

/* Builds the exhibition from text that is within the size limit. */
static Exhibition *load_text(const char *dir, const char *file, const char *buf, size_t len,
                             ManifestImageCheck images, const char *deck_name, DiagList *diags)
{
    static const JsonRules rules = {
        MANIFEST_MAX_DEPTH,
        " (an exhibition.json holds one object: it starts with { and ends with })",
        true, true, NULL,
    };
    Ctx c = {.jd = {file, diags, NULL, 0}, .images = images, .deck = {0, NULL, NULL}, .deck_name = deck_name};
    json_t *root = jdiag_parse(&c.jd, buf, len, &rules);
    if (!root)
        return NULL;
    Exhibition *ex = NULL;
    if (!json_is_object(root)) {
        jdiag_at_value(&c.jd, DIAG_ERROR, "", "the top level must be an object ({...}), not %s",
                       json_is_array(root) ? "an array" : "a value");
        goto out;
    }
    jdiag_duplicates(&c.jd, JDIAG_CURATOR);
    ex = calloc(1, sizeof *ex);
    if (!ex)
        goto out;
    c.ex = ex;
    ex->dir = strdup(dir);
    ex->manifest_path = fs_path_join(dir, MANIFEST_NAME);
    if (!ex->dir || !ex->manifest_path)
        goto fail;

    json_t *schema = json_object_get(root, "$schema");
    char tb[32];
    if (schema && !json_is_string(schema))
        jdiag_at_value(&c.jd, DIAG_ERROR, "/$schema", "\"$schema\" must be a string, not %s",
                       jtext_describe(schema, false, tb, sizeof tb));
    parse_languages(&c, root);
    if (ex->n_languages == 0)
        goto fail; /* out of memory */
    parse_id(&c, root);
    if (!ex->id)
        goto fail;
    parse_deck(&c, root);
    parse_title(&c, root);
    parse_cover(&c, root);
    parse_lecture(&c, root);
    bool slides_ok = parse_slides(&c, root);
    jdiag_unknown_keys(&c.jd, root, "", top_keys, N_OF(top_keys), "", JDIAG_CURATOR);
    if (!slides_ok)
        goto fail;
    goto out;
fail:
    manifest_free(ex);
    ex = NULL;
out:
    deck_info_free(&c.deck);
    free(c.dir_real);
    if (c.dir_fd_tried && c.dir_fd >= 0)
        close(c.dir_fd);
    jdiag_free(&c.jd);
    json_decref(root);
    return ex;
}

/* This manifest's problems are sorted by position at the end, so --check
 * reads like a compiler's output. */
static Exhibition *load_buffer(const char *dir, const char *file, const char *buf, size_t len,
                               ManifestImageCheck images, const char *deck_name, DiagList *diags)
{
    if (!dir)
        dir = ".";
    char *own_file = NULL;
    if (!file)
        file = own_file = fs_path_join(dir, MANIFEST_NAME);
    if (!file)
        return NULL;
    int start = diags ? diags->n : 0;
    Exhibition *ex = NULL;
    if (!buf && len) {
        diag_add(diags, DIAG_ERROR, file, 0, 0, "no text to read");
    } else if (len > MANIFEST_MAX_BYTES) {
        diag_add(diags, DIAG_ERROR, file, 0, 0,
                 "file is too large (%zu bytes; at most %u are allowed)", len,
                 MANIFEST_MAX_BYTES);
    } else {
        ex = load_text(dir, file, buf ? buf : "", len, images, deck_name, diags);
    }
    diag_sort(diags, start);
    free(own_file);
    return ex;
}

Exhibition *manifest_load_buffer(const char *dir, const char *file, const char *buf,
                                 size_t len, DiagList *diags)
{
    return load_buffer(dir, file, buf, len, MANIFEST_IMAGE_HEADERS, NULL, diags);
}

Exhibition *manifest_load(const char *dir, DiagList *diags)
{
    return manifest_load_images(dir, MANIFEST_IMAGE_HEADERS, diags);
}

Exhibition *manifest_load_images(const char *dir, ManifestImageCheck images, DiagList *diags)
{
    if (!dir)
        return NULL;
    char *path = fs_path_join(dir, MANIFEST_NAME);
    if (!path)
        return NULL;
    size_t len = 0;
    char *buf = jdiag_read_file(path, MANIFEST_MAX_BYTES, &len, diags);
    Exhibition *ex = NULL;
    if (buf)
        ex = load_buffer(dir, path, buf, len, images, NULL, diags);
    free(buf);
    free(path);
    return ex;
}

Exhibition *manifest_load_deck(const char *pdf_path, const char *id, DiagList *diags)
{
    /* the folder it lies in and its name, which the manifest names it by */
    char *dir = strdup(pdf_path), *slash = dir ? strrchr(dir, '/') : NULL;
    const char *name = slash ? slash + 1 : pdf_path;
    if (slash)
        *slash = '\0';
    json_t *m = json_pack("{s:s, s:s}", "id", id, "deck", name);
    char *text = m ? json_dumps(m, JSON_COMPACT) : NULL;
    /* the title, when the PDF has none: its name without ".pdf" */
    char *title = strdup(name), *dot = title ? strrchr(title, '.') : NULL;
    if (dot && dot != title)
        *dot = '\0';
    Exhibition *ex = dir && text && title
                         ? load_buffer(slash ? (*dir ? dir : "/") : ".", pdf_path, text, strlen(text),
                                       MANIFEST_IMAGE_SNIFF, title, diags)
                         : NULL;
    if (ex) { /* what a lecturer sees is the PDF, not a manifest */
        free(ex->manifest_path);
        ex->manifest_path = strdup(pdf_path);
    }
    free(title);
    free(text);
    json_decref(m);
    free(dir);
    return ex;
}

void manifest_free(Exhibition *ex)
{
    if (!ex)
        return;
    free(ex->id);
    free(ex->dir);
    free(ex->manifest_path);
    loc_clear(&ex->title);
    for (int i = 0; i < ex->n_languages; i++)
        free(ex->languages[i]);
    free(ex->languages);
    free(ex->cover);
    free(ex->cover_path);
    free(ex->deck);
    free(ex->deck_path);
    for (int i = 0; i < ex->n_slides; i++)
        slide_clear(&ex->slides[i]);
    free(ex->slides);
    free(ex);
}


int manifest_slide_count(const Exhibition *ex)
{
    return ex->summary_slides > 0 ? ex->summary_slides : ex->n_slides;
}

void manifest_cover(const Exhibition *ex, const char **path, ImageFormat *f, int *slide)
{
    *path = NULL;
    *slide = -1;
    if (ex->cover_path) {
        *path = ex->cover_path;
        *f = ex->cover_format;
        return;
    }
    for (int i = 0; i < ex->n_slides; i++) {
        if (ex->slides[i].image_path && ex->slides[i].image_ok) {
            *path = ex->slides[i].image_path;
            *f = ex->slides[i].image_format;
            *slide = i;
            return;
        }
    }
}
