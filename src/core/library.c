/* SPDX-License-Identifier: GPL-3.0-or-later */
/* library.c - see library.h */
#include "library.h"

#include "fsutil.h"
#include "scaffold.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A regular file that begins as a PDF does: nothing more of it is read here. */
static bool is_pdf_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    FILE *f = fopen(path, "rb");
    char head[5] = {0};
    bool pdf = f && fread(head, 1, sizeof head, f) == sizeof head && memcmp(head, "%PDF-", 5) == 0;
    if (f)
        fclose(f);
    return pdf;
}

static bool has_manifest(const char *dir)
{
    char *path = fs_path_join(dir, MANIFEST_NAME);
    struct stat st;
    bool yes = path && stat(path, &st) == 0;
    free(path);
    return yes;
}

/* Takes ownership of ex: adds it, or frees it when its id is taken. */
static void add_exhibition(Library *lib, Exhibition *ex, DiagList *diags)
{
    int other = library_find(lib, ex->id);
    if (other >= 0) {
        diag_add(diags, DIAG_ERROR, ex->manifest_path, 0, 0,
                 "id \"%s\" is already used by the exhibition in \"%s\"; this one is skipped",
                 ex->id, lib->items[other]->dir);
        manifest_free(ex);
        return;
    }
    Exhibition **items = realloc(lib->items, (size_t)(lib->n + 1) * sizeof *items);
    if (!items) {
        manifest_free(ex);
        return;
    }
    lib->items = items;
    lib->items[lib->n++] = ex;
}

/* dir has a manifest that did not load at all: remember it (hot reload
 * keeps the last good version of it). */
static void add_broken(Library *lib, const char *dir)
{
    char **nb = realloc(lib->broken, (size_t)(lib->n_broken + 1) * sizeof *nb);
    if (!nb)
        return;
    lib->broken = nb;
    if ((lib->broken[lib->n_broken] = strdup(dir)) != NULL)
        lib->n_broken++;
}

/* Names of the subfolders of dir that hold an exhibition.json, sorted.
 * Hidden folders (".git", ".Trash-1000") are skipped. NULL with errno set
 * when dir cannot be opened. */
static char **list_candidates(const char *dir, int *count)
{
    *count = 0;
    int n = 0;
    char **names = fs_list(dir, &n);
    if (!names)
        return NULL;
    int k = 0;
    for (int i = 0; i < n; i++) {
        char *sub = names[i][0] == '.' ? NULL : fs_path_join(dir, names[i]);
        struct stat st;
        bool ok = sub && stat(sub, &st) == 0 && S_ISDIR(st.st_mode) && has_manifest(sub);
        free(sub);
        if (ok)
            names[k++] = names[i];
        else
            free(names[i]);
    }
    *count = k;
    return names; /* empty but not NULL: dir was readable */
}

Library *library_load(const char *dir, DiagList *diags)
{
    return library_load_images(dir, MANIFEST_IMAGE_HEADERS, diags);
}

Library *library_load_images(const char *dir, ManifestImageCheck images, DiagList *diags)
{
    return library_load_indexed(dir, images, NULL, diags);
}

/* name's file in the exhibition folder dir, stamped; zero when name is NULL. */
static void stamp_in(const char *dir, const char *name, FileStamp *st)
{
    char *path = name ? fs_path_join(dir, name) : NULL;
    fs_stamp(path, st);
    free(path);
}

/* The exhibition in folder `sub` (named `folder` under the root, "" for the
 * root itself): idx's summary while it is fresh, else loaded and stamped,
 * the manifest and the folder before they are read (a change while it is
 * read then makes the next start load it again), the cover after. */
static Exhibition *load_one(const char *sub, const char *folder, ManifestImageCheck images,
                            const StartIndex *idx, Library *lib, DiagList *diags)
{
    ExhibitionStamp now = {0};
    stamp_in(sub, MANIFEST_NAME, &now.manifest);
    fs_stamp(sub, &now.folder);
    const StartIndexEntry *e = startindex_find(idx, folder);
    if (e) {
        stamp_in(sub, e->cover, &now.cover);
        stamp_in(sub, e->deck, &now.deck);
        Exhibition *ex = startindex_fresh(e, &now) ? startindex_summary(e, sub) : NULL;
        if (ex) {
            lib->partial = true;
            return ex;
        }
    }
    Exhibition *ex = manifest_load_images(sub, images, diags);
    if (!ex)
        return NULL;
    const char *cover;
    ImageFormat f;
    int slide;
    manifest_cover(ex, &cover, &f, &slide);
    fs_stamp(cover, &now.cover);
    fs_stamp(ex->deck_path, &now.deck);
    ex->stamp = now;
    return ex;
}

Library *library_load_indexed(const char *dir, ManifestImageCheck images, const StartIndex *idx,
                              DiagList *diags)
{
    Library *lib = calloc(1, sizeof *lib);
    if (!lib)
        return NULL;
    if (!dir)
        dir = ".";
    lib->root = strdup(dir);
    if (!lib->root) {
        free(lib);
        return NULL;
    }
    /* DIR may be a lecturer's PDF (vitrine --lecture talk.pdf): an
     * exhibition of its pages, its id the file's name as --new-exhibition
     * makes one of a folder's */
    if (is_pdf_file(dir)) {
        char id[SCAFFOLD_ID_MAX];
        const char *slash = strrchr(dir, '/');
        char *name = strdup(slash ? slash + 1 : dir), *dot = name ? strrchr(name, '.') : NULL;
        if (dot && dot != name)
            *dot = '\0';
        scaffold_id(name ? name : "deck", id, sizeof id);
        free(name);
        Exhibition *ex = manifest_load_deck(dir, id[0] ? id : "deck", diags);
        if (ex)
            add_exhibition(lib, ex, diags);
        else
            add_broken(lib, dir);
        return lib;
    }
    /* DIR may itself be one exhibition */
    if (has_manifest(dir)) {
        Exhibition *ex = load_one(dir, "", images, idx, lib, diags);
        if (ex)
            add_exhibition(lib, ex, diags);
        else
            add_broken(lib, dir);
        return lib;
    }
    int n = 0;
    char **names = list_candidates(dir, &n);
    if (!names) {
        diag_add(diags, DIAG_ERROR, dir, 0, 0, "cannot open exhibitions folder: %s",
                 strerror(errno));
        return lib;
    }
    if (n == 0)
        diag_add(diags, DIAG_ERROR, dir, 0, 0,
                 "no exhibitions found: no folder here holds an " MANIFEST_NAME);
    for (int i = 0; i < n; i++) {
        char *sub = fs_path_join(dir, names[i]);
        Exhibition *ex = sub ? load_one(sub, names[i], images, idx, lib, diags) : NULL;
        if (ex)
            add_exhibition(lib, ex, diags);
        else if (sub)
            add_broken(lib, sub);
        free(sub);
        free(names[i]);
    }
    free(names);
    return lib;
}

void library_free(Library *lib)
{
    if (!lib)
        return;
    for (int i = 0; i < lib->n; i++)
        manifest_free(lib->items[i]);
    free(lib->items);
    for (int i = 0; i < lib->n_broken; i++)
        free(lib->broken[i]);
    free(lib->broken);
    free(lib->root);
    free(lib);
}

int library_find(const Library *lib, const char *id)
{
    if (!lib || !id)
        return -1;
    for (int i = 0; i < lib->n; i++)
        if (lib->items[i]->id && strcmp(lib->items[i]->id, id) == 0)
            return i;
    return -1;
}

/* ---- hot reload ----------------------------------------------------------- */

static int dir_cmp(const void *a, const void *b)
{
    const Exhibition *x = *(Exhibition *const *)a, *y = *(Exhibition *const *)b;
    return strcmp(x->dir ? x->dir : "", y->dir ? y->dir : "");
}

int library_keep_last_good(Library *fresh, const Library *old, DiagList *diags)
{
    if (!fresh || !old)
        return 0;
    int kept = 0;
    for (int b = 0; b < fresh->n_broken; b++) {
        for (int i = 0; i < old->n; i++) {
            Exhibition *ex = old->items[i];
            if (!ex->dir || strcmp(ex->dir, fresh->broken[b]) != 0)
                continue;
            if (ex->summary_slides > 0)
                break; /* an index's summary is no version of it: only its title and cover */
            if (library_find(fresh, ex->id) >= 0)
                break; /* its id went to another folder meanwhile */
            Exhibition **items = realloc(fresh->items, (size_t)(fresh->n + 1) * sizeof *items);
            if (!items)
                break;
            fresh->items = items;
            fresh->items[fresh->n++] = ex;
            diag_add(diags, DIAG_WARNING, ex->manifest_path, 0, 0,
                     "cannot be loaded (see above); the last good version of \"%s\" stays on screen",
                     ex->id);
            kept++;
            break;
        }
    }
    /* Folders share the root, so folder order is the order of their paths. */
    if (kept && fresh->n > 1)
        qsort(fresh->items, (size_t)fresh->n, sizeof *fresh->items, dir_cmp);
    return kept;
}

void library_free_shared(Library *old, const Library *fresh)
{
    if (!old)
        return;
    for (int i = 0; fresh && i < old->n; i++)
        for (int k = 0; k < fresh->n; k++)
            if (old->items[i] == fresh->items[k]) {
                old->items[i] = NULL; /* fresh's now */
                break;
            }
    library_free(old);
}
