/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scaffold.c - see scaffold.h */
#include "scaffold.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "deck.h"
#include "fsutil.h"
#include "imagehead.h"
#include "lang.h"
#include "manifest.h"

#define SCAFFOLD_SNIFF 4096   /* bytes read to tell an image (SVG prologues can be long) */


/* ---- names ------------------------------------------------------------- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Compare two runs of digits by value (leading zeros skipped). */
static int digits_cmp(const char *a, size_t an, const char *b, size_t bn)
{
    while (an > 0 && *a == '0') {
        a++;
        an--;
    }
    while (bn > 0 && *b == '0') {
        b++;
        bn--;
    }
    if (an != bn)
        return an < bn ? -1 : 1;
    int c = memcmp(a, b, an);
    return c < 0 ? -1 : c > 0;
}

static size_t digit_run(const char *s)
{
    size_t n = 0;
    while (is_digit(s[n]))
        n++;
    return n;
}

/* Natural order without the first-number rule. */
static int natural_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (is_digit(*a) && is_digit(*b)) {
            size_t an = digit_run(a), bn = digit_run(b);
            int c = digits_cmp(a, an, b, bn);
            if (c)
                return c;
            a += an;
            b += bn;
            continue;
        }
        unsigned char ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca < 0x80)
            ca = (unsigned char)tolower(ca);
        if (cb < 0x80)
            cb = (unsigned char)tolower(cb);
        if (ca != cb)
            return ca < cb ? -1 : 1;
        a++;
        b++;
    }
    if (*a || *b)
        return *a ? 1 : -1;
    return 0;
}

/* The first run of digits in s: its start, or NULL. */
static const char *first_number(const char *s, size_t *len)
{
    for (; *s; s++)
        if (is_digit(*s)) {
            *len = digit_run(s);
            return s;
        }
    return NULL;
}

int scaffold_name_cmp(const char *a, const char *b)
{
    size_t an = 0, bn = 0;
    const char *na = first_number(a, &an), *nb = first_number(b, &bn);
    if (na && !nb)
        return -1;
    if (!na && nb)
        return 1;
    int c = na ? digits_cmp(na, an, nb, bn) : 0;
    if (!c)
        c = natural_cmp(a, b);
    if (!c)
        c = strcmp(a, b);
    return c < 0 ? -1 : c > 0;
}

void scaffold_id(const char *folder, char *out, size_t n)
{
    size_t k = 0;
    for (const char *p = folder; *p && k + 1 < n; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        else if (c == ' ')
            c = '-';
        if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '.' || c == '_' || c == '-'))
            continue;
        if (c == '-' && (k == 0 || out[k - 1] == '-'))
            continue; /* no leading '-', no "--" */
        if (c == '.' && k == 0)
            continue;
        out[k++] = c;
    }
    while (k > 0 && (out[k - 1] == '-' || out[k - 1] == '.'))
        k--;
    out[k] = '\0';
    if (k == 0)
        snprintf(out, n, "exhibition");
}

char *scaffold_title(const char *file)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t len = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base)
        len = (size_t)(dot - base);
    char *t = malloc(len + 1);
    if (!t)
        return NULL;
    /* separators to spaces, runs of spaces as one, no leading space */
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        char c = base[i];
        if (c == '_' || c == '-' || c == '\t')
            c = ' ';
        if (c == ' ' && (k == 0 || t[k - 1] == ' '))
            continue;
        t[k++] = c;
    }
    while (k > 0 && t[k - 1] == ' ')
        k--;
    t[k] = '\0';
    /* "03 Steppe" -> "Steppe", but "2019 05 12" and "03" stay */
    size_t d = digit_run(t);
    if (d > 0 && t[d] == ' ' && t[d + 1] != '\0' && !is_digit(t[d + 1]))
        memmove(t, t + d + 1, k - d);
    return t;
}

/* ---- the manifest text ------------------------------------------------- */

static bool put(json_t *obj, const char *key, json_t *v)
{
    return v && json_object_set_new(obj, key, v) == 0; /* set_new takes v even on failure */
}

/* {"kk": text, "ru": text, "en": text}: the default languages (lang.h) */
static json_t *all_langs(const char *text)
{
    json_t *o = json_object();
    const char *codes[LANG_MAX];
    int n = lang_defaults(codes, LANG_MAX);
    for (int i = 0; o && i < n; i++)
        if (!put(o, codes[i], json_string(text))) {
            json_decref(o);
            return NULL;
        }
    return o;
}

/* page > 0: that page of a PDF, "Name, 3" its title */
static json_t *slide_object(const char *image, int page)
{
    json_t *s = json_object();
    char *title = scaffold_title(image), num[16];
    snprintf(num, sizeof num, ", %d", page);
    char *t = title && page > 0 ? malloc(strlen(title) + sizeof num) : NULL;
    if (t)
        strcat(strcpy(t, title), num);
    bool ok = s && title && put(s, "image", json_string(image))
              && (page <= 0 || put(s, "page", json_integer(page)))
              && put(s, "title", all_langs(t ? t : title)) && put(s, "caption", all_langs(""))
              && put(s, "credit", json_string(""));
    free(t);
    free(title);
    if (!ok) {
        json_decref(s);
        return NULL;
    }
    return s;
}

char *scaffold_json(const char *title, const char *id, const char *schema,
                    const char *const *images, const int *pages, int n)
{
    json_t *root = json_object(), *langs = json_array(), *slides = json_array();
    bool ok = root && langs && slides;
    const char *codes[LANG_MAX];
    int n_codes = lang_defaults(codes, LANG_MAX);
    for (int i = 0; ok && i < n_codes; i++)
        ok = json_array_append_new(langs, json_string(codes[i])) == 0;
    for (int i = 0; ok && i < n; i++) {
        int np = pages && pages[i] > 1 ? pages[i] : 0;
        for (int k = np ? 1 : 0; ok && k <= np && k < MANIFEST_MAX_SLIDES; k++) {
            json_t *s = slide_object(images[i], k);
            ok = s && json_array_append_new(slides, s) == 0;
        }
    }
    if (ok && schema)
        ok = put(root, "$schema", json_string(schema));
    ok = ok && put(root, "id", json_string(id)) && put(root, "title", all_langs(title));
    if (ok) {
        ok = json_object_set(root, "languages", langs) == 0
             && json_object_set(root, "slides", slides) == 0;
    }
    json_decref(langs);
    json_decref(slides);
    char *text = ok ? json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(root);
    if (!text)
        return NULL;
    size_t len = strlen(text);
    char *with_nl = realloc(text, len + 2);
    if (!with_nl) {
        free(text);
        return NULL;
    }
    with_nl[len] = '\n';
    with_nl[len + 1] = '\0';
    return with_nl;
}

/* ---- finding the images ------------------------------------------------ */

typedef struct {
    char **paths;       /* relative to the exhibition folder, owned */
    int n, cap;
    int skipped;        /* files that are not images (named on err) */
    bool oom;
} Found;

static void found_free(Found *f)
{
    for (int i = 0; i < f->n; i++)
        free(f->paths[i]);
    free(f->paths);
    memset(f, 0, sizeof *f);
}

static bool found_add(Found *f, char *path)
{
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 32;
        char **p = realloc(f->paths, (size_t)cap * sizeof *p);
        if (!p) {
            free(path);
            f->oom = true;
            return false;
        }
        f->paths = p;
        f->cap = cap;
    }
    f->paths[f->n++] = path;
    return true;
}

static int name_qsort(const void *a, const void *b)
{
    return scaffold_name_cmp(*(char *const *)a, *(char *const *)b);
}

/* The relative path's file name, for ordering across DIR and DIR/images. */
static const char *base_of(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static int path_qsort(const void *a, const void *b)
{
    const char *pa = *(char *const *)a, *pb = *(char *const *)b;
    int c = scaffold_name_cmp(base_of(pa), base_of(pb));
    return c ? c : strcmp(pa, pb);
}

static bool utf8_ok(const char *s)
{
    json_t *j = json_string(s); /* jansson refuses invalid UTF-8 */
    bool ok = j != NULL;
    json_decref(j);
    return ok;
}

/* What the file at path is: an image format, or IMG_FMT_UNKNOWN with
 * *why set to a reason (NULL: just not an image). */
static ImageFormat sniff_file(const char *path, const char **why)
{
    *why = NULL;
    int fd = open(path, O_RDONLY | O_NOCTTY);
    if (fd < 0) {
        *why = strerror(errno);
        return IMG_FMT_UNKNOWN;
    }
    unsigned char head[SCAFFOLD_SNIFF];
    ssize_t got = fs_read_up_to(fd, head, sizeof head);
    if (got < 0)
        *why = strerror(errno);
    close(fd);
    if (got < 0)
        return IMG_FMT_UNKNOWN;
    return imagehead_sniff(head, (size_t)got);
}

/* Add the images directly in dir/sub (sub "" or "images") to f; name the
 * files that are not images on err. Hidden files and folders are passed
 * over in silence. */
static bool scan(const char *dir, const char *sub, Found *f, FILE *err)
{
    char *folder = *sub ? fs_path_join(dir, sub) : strdup(dir);
    int n = 0;
    char **names = folder ? fs_list(folder, &n) : NULL;
    if (!names) {
        if (folder && errno != ENOMEM)
            fprintf(err, "vitrine: cannot open the folder %s: %s\n", folder, strerror(errno));
        else
            f->oom = true;
        free(folder);
        return false;
    }
    if (n > 1)
        qsort(names, (size_t)n, sizeof *names, name_qsort);
    for (int i = 0; i < n; i++) {
        const char *name = names[i];
        if (name[0] == '.')
            continue;
        char *rel = *sub ? fs_path_join(sub, name) : strdup(name);
        char *full = fs_path_join(folder, name);
        struct stat st;
        const char *why = NULL;
        char list[64];
        if (!rel || !full) {
            f->oom = true;
        } else if (lstat(full, &st) != 0) {
            fprintf(err, "vitrine: skipped \"%s\": %s\n", rel, strerror(errno));
            f->skipped++;
        } else if (S_ISDIR(st.st_mode)) {
            /* subfolders are not scanned (DIR/images is, separately) */
        } else if (S_ISLNK(st.st_mode)) {
            fprintf(err, "vitrine: skipped \"%s\": a symbolic link (copy the file into the "
                         "folder instead)\n", rel);
            f->skipped++;
        } else if (!S_ISREG(st.st_mode)) {
            fprintf(err, "vitrine: skipped \"%s\": not a regular file\n", rel);
            f->skipped++;
        } else if (!utf8_ok(rel)) {
            fprintf(err, "vitrine: skipped a file in %s whose name is not valid UTF-8 "
                         "(rename it)\n", folder);
            f->skipped++;
        } else if (sniff_file(full, &why) == IMG_FMT_UNKNOWN) {
            if (why)
                fprintf(err, "vitrine: skipped \"%s\": %s\n", rel, why);
            else
                fprintf(err, "vitrine: skipped \"%s\": not a %s image\n", rel,
                        imagehead_format_list(" or ", list, sizeof list));
            f->skipped++;
        } else if (f->n >= MANIFEST_MAX_SLIDES) {
            fprintf(err, "vitrine: skipped \"%s\": an exhibition has at most %d slides\n", rel,
                    MANIFEST_MAX_SLIDES);
            f->skipped++;
        } else if (found_add(f, rel)) {
            rel = NULL; /* f owns it now */
        }
        free(rel);
        free(full);
    }
    fs_list_free(names, n);
    free(folder);
    return true;
}

/* ---- --new-exhibition -------------------------------------------------- */

/* s as one shell word, for a command the curator can paste. */
static void print_shell_word(FILE *out, const char *s)
{
    bool plain = *s != '\0';
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (!(c >= 0x80 || isalnum(c) || strchr("/._-+,:@%", c)))
            plain = false;
    }
    if (plain) {
        fputs(s, out);
        return;
    }
    fputc('\'', out);
    for (const char *p = s; *p; p++) {
        if (*p == '\'')
            fputs("'\\''", out);
        else
            fputc(*p, out);
    }
    fputc('\'', out);
}

/* Is real's parent folder the bundled exhibitions folder? */
static bool inside_bundled(const char *real, const char *bundled)
{
    if (!bundled)
        return false;
    char *b = realpath(bundled, NULL);
    if (!b)
        return false;
    const char *slash = strrchr(real, '/');
    size_t parent = slash ? (size_t)(slash - real) : 0;
    if (parent == 0 && slash)
        parent = 1; /* "/x": the parent is "/" */
    bool yes = strlen(b) == parent && strncmp(b, real, parent) == 0;
    free(b);
    return yes;
}

/* The schema file next to the bundled exhibitions, or NULL. malloc'd. */
static char *schema_file(const char *bundled)
{
    if (!bundled)
        return NULL;
    char *rel = fs_path_join(bundled, "../docs/exhibition.schema.json");
    char *real = rel ? realpath(rel, NULL) : NULL;
    free(rel);
    return real;
}

static void refuse_existing(FILE *err, const char *manifest)
{
    fprintf(err, "vitrine: %s already exists; --new-exhibition never overwrites a manifest "
                 "(move it away to start again)\n", manifest);
}

int scaffold_main(const char *dir, const char *bundled, FILE *out, FILE *err)
{
    struct stat st;
    if (stat(dir, &st) != 0) {
        fprintf(err, "vitrine: cannot open the folder %s: %s\n", dir, strerror(errno));
        return 1;
    }
    if (!S_ISDIR(st.st_mode)) {
        fprintf(err, "vitrine: %s is not a folder; give the folder that holds the images\n", dir);
        return 1;
    }
    char *manifest = fs_path_join(dir, MANIFEST_NAME);
    char *real = realpath(dir, NULL);
    char *images_dir = fs_path_join(dir, SCAFFOLD_IMAGES_DIR);
    char *text = NULL, *schema_hint = NULL;
    Found f = {0};
    int *pages = NULL; /* each image's pages: a PDF's, else 0 */
    int status = 1;
    if (!manifest || !real || !images_dir) {
        fprintf(err, "vitrine: %s: %s\n", dir, real ? "out of memory" : strerror(errno));
        goto done;
    }
    if (lstat(manifest, &st) == 0) {
        refuse_existing(err, manifest);
        goto done;
    }
    if (!scan(dir, "", &f, err))
        goto done;
    bool has_images_dir = stat(images_dir, &st) == 0 && S_ISDIR(st.st_mode);
    if (has_images_dir && !scan(dir, SCAFFOLD_IMAGES_DIR, &f, err))
        goto done;
    if (f.oom) {
        fprintf(err, "vitrine: out of memory\n");
        goto done;
    }
    if (f.n == 0) {
        fprintf(err, "vitrine: no images in %s%s%s: nothing to make an exhibition of "
                     "(vitrine shows JPEG, PNG, WebP, SVG and PDF; an image is known by its content, "
                     "not its name)\n",
                dir, has_images_dir ? " nor in " : "", has_images_dir ? images_dir : "");
        goto done;
    }
    if (f.n > 1)
        qsort(f.paths, (size_t)f.n, sizeof *f.paths, path_qsort);

    const char *slash = strrchr(real, '/');
    const char *folder = slash && slash[1] ? slash + 1 : real;
    char id[SCAFFOLD_ID_MAX];
    scaffold_id(folder, id, sizeof id);
    const char *title = utf8_ok(folder) ? folder : id;
    bool bundled_here = inside_bundled(real, bundled);
    /* a PDF offers its pages: the reader counts them (deck.h) */
    pages = calloc((size_t)f.n, sizeof *pages);
    for (int i = 0; pages && i < f.n; i++) {
        char *full = fs_path_join(dir, f.paths[i]), why[256];
        const char *no;
        DeckInfo d;
        if (full && sniff_file(full, &no) == IMG_FMT_PDF && deck_read(full, &d, why, sizeof why))
            pages[i] = d.pages, deck_info_free(&d);
        free(full);
    }
    text = scaffold_json(title, id, bundled_here ? SCAFFOLD_SCHEMA_REL : NULL,
                         (const char *const *)f.paths, pages, f.n);
    if (!text) {
        fprintf(err, "vitrine: out of memory\n");
        goto done;
    }
    int fd = open(manifest, O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY, 0644);
    if (fd < 0) {
        if (errno == EEXIST)
            refuse_existing(err, manifest);
        else
            fprintf(err, "vitrine: cannot create %s: %s\n", manifest, strerror(errno));
        goto done;
    }
    bool ok = fs_write_all(fd, text, strlen(text));
    ok = close(fd) == 0 && ok;
    if (!ok) {
        fprintf(err, "vitrine: cannot write %s: %s\n", manifest, strerror(errno));
        unlink(manifest);
        goto done;
    }

    int n_slides = 0;
    for (int i = 0; i < f.n; i++)
        n_slides += pages && pages[i] > 1 ? pages[i] : 1;
    fprintf(out, "Wrote %s: exhibition \"%s\" (id \"%s\"), %d slide%s:\n", manifest, title, id,
            n_slides, n_slides == 1 ? "" : "s");
    for (int i = 0, no = 1; i < f.n; i++) {
        char *t = scaffold_title(f.paths[i]);
        int np = pages && pages[i] > 1 ? pages[i] : 1;
        if (np > 1)
            fprintf(out, "  %3d-%d  %s  \"%s, 1\" ... (a slide a page)\n", no, no + np - 1, f.paths[i], t ? t : "");
        else
            fprintf(out, "  %3d  %s  \"%s\"\n", no, f.paths[i], t ? t : "");
        no += np;
        free(t);
    }
    if (f.skipped)
        fprintf(out, "Skipped %d file%s (named above).\n", f.skipped, f.skipped == 1 ? "" : "s");
    if (!bundled_here) {
        schema_hint = schema_file(bundled);
        fprintf(out, "No \"$schema\" was written (the folder is not in vitrine's exhibitions/).\n"
                     "For completion in VS Code, add \"$schema\" with the path of\n  %s\n",
                schema_hint ? schema_hint : "docs/exhibition.schema.json in vitrine's sources");
    }
    fputs("Next: fill in the captions (every \"caption\" is empty, in kk, ru and en),\n"
          "the titles and the credits, then check:\n  vitrine --check ", out);
    print_shell_word(out, dir);
    fputs("\nUntil every caption is written, --check warns about each one that is empty\n"
          "or lacks a language (\"is empty\", \"missing translation\"): that list is what\n"
          "is left to write.\n", out);
    status = 0;
done:
    free(pages);
    found_free(&f);
    free(text);
    free(schema_hint);
    free(images_dir);
    free(real);
    free(manifest);
    return status;
}
