/* SPDX-License-Identifier: GPL-3.0-or-later */
/* content.c - see content.h */
#include "content.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core/fsutil.h"
#include "worker.h"

/* A load's problems, with the summary line a start prints. */
static void print_load_diags(const Content *c, const DiagList *diags)
{
    if (!diags->n)
        return;
    diag_print(diags, stderr);
    fprintf(stderr, "vitrine: %d error(s), %d warning(s) in %s (run vitrine --check for details)\n",
            diag_count(diags, DIAG_ERROR), diag_count(diags, DIAG_WARNING), c->dir);
}

bool content_load(Content *c)
{
    DiagList diags = {0};
    StartIndex idx = {0};
    bool indexed = c->index_dir && startfile_open(&c->index, c->index_dir, c->dir) &&
                   startfile_read(&c->index, &idx);
    c->lib = library_load_indexed(c->dir, MANIFEST_IMAGE_SNIFF, indexed ? &idx : NULL, &diags); /* see manifest.h */
    startindex_free(&idx);
    worker_release_thread(); /* any reader this thread started sniffing (the PDF reader is shared: decode_pdf.c) */
    if (!c->lib) {
        diag_clear(&diags);
        fprintf(stderr, "vitrine: out of memory\n");
        return false;
    }
    /* a partial library's problems are printed with the whole one's
     * (content_complete): the same lines as a start without the index */
    if (c->lib->partial)
        diag_clear(&diags);
    print_load_diags(c, &diags);
    c->load_diags = diags; /* for --preview's banner (content_begin) */
    c->index_due = !c->lib->partial;
    return true;
}

void content_watch(Content *c, bool background)
{
    /* A partial library is watched from its first frame on: setting the
     * watch up looks at every file in the folder (watch.c), 10,000 stat()s
     * for 10,000 slides. The whole load begins after it, so no change is
     * missed. */
    c->watch_background = background;
    c->watch_later = c->lib && c->lib->partial;
    if (!c->watch_later)
        c->reload = hotreload_create(c->dir, background);
}

uint64_t content_next_deadline(const Content *c, uint64_t now)
{
    return hotreload_next_deadline(c->reload, now);
}

int content_reloads(const Content *c)
{
    return hotreload_loads(c->reload);
}

/* --preview shows one exhibition: open it when it (first) loads. */
static void preview_open(const Content *c, Show *show)
{
    if (c->preview && !show_exhibition_id(show) && c->lib->n > 0)
        show_open(show, c->exhibition && library_find(c->lib, c->exhibition) >= 0
                            ? c->exhibition : c->lib->items[0]->id,
                  c->slide > 0 ? c->slide : 1);
}

bool content_wait_for(Content *c, Show *show, const char *id)
{
    if (!show_set_waiting(show, id))
        return false;
    c->waiting = id;
    /* A folder named after the id is the usual layout: then its manifest is
     * what is broken (its errors are above). */
    char *path = fs_path_join(c->dir, id);
    struct stat st;
    bool folder = path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    free(path);
    fprintf(stderr,
            "vitrine: no exhibition with id \"%s\" in %s (%s): showing %s, and \"%s\" as soon as "
            "a good version of it is saved\n",
            id, c->dir, folder ? "its folder is there: its manifest has errors, see above" : "missing, or its manifest has errors",
            show_only(show) ? "\"being prepared\" (kiosk.exhibition_only)" : "the home screen", id);
    return true;
}

bool content_lost_only(Content *c, Show *show)
{
    const char *only = show_only(show);
    if (!only || c->waiting || library_find(c->lib, only) >= 0)
        return false;
    return content_wait_for(c, show, only);
}

bool content_open_waiting(Content *c, Show *show)
{
    if (!c->waiting || library_find(c->lib, c->waiting) < 0)
        return false;
    /* A kiosk that shows it only has opened it already (show_set_library):
     * "being prepared" has no visitor to wait for. */
    if (!show_only(show)) {
        ShowSnapshot sn;
        show_snapshot(show, &sn);
        /* a visitor who is using the kiosk is not taken elsewhere: it opens
         * once they have left (the idle reset) */
        if (sn.screen != SCREEN_HOME || !sn.unattended)
            return false;
        show_open(show, c->waiting, c->slide > 0 ? c->slide : 1);
    }
    fprintf(stderr, "vitrine: exhibition \"%s\" has loaded: opened\n", c->waiting);
    show_set_waiting(show, NULL);
    c->waiting = NULL;
    return true;
}

void content_begin(Content *c, Show *show)
{
    if (c->preview) {
        show_set_problems(show, &c->load_diags, c->dir);
        preview_open(c, show);
    }
    diag_clear(&c->load_diags);
}

/* A reload's problems: the errors, and from `kept` on what was kept as it
 * was (a kiosk's log stays short; vitrine --check lists the warnings). */
static void print_reload_diags(const DiagList *d, int kept)
{
    for (int i = 0; i < d->n; i++) {
        const Diag *g = &d->items[i];
        if (g->level == DIAG_ERROR || i >= kept)
            fprintf(stderr, "%s:%d:%d: %s: %s\n", g->file, g->line, g->col,
                    g->level == DIAG_ERROR ? "error" : "warning", g->msg);
    }
}

/* fresh (its problems in d) replaces the library under the show. */
static ContentSwap swap_in(Content *c, Show *show, Library *fresh, DiagList *d)
{
    bool completes = c->lib->partial;
    int errors = diag_count(d, DIAG_ERROR), warnings = diag_count(d, DIAG_WARNING), loaded = d->n;
    int kept = library_keep_last_good(fresh, c->lib, d);
    if (completes)
        print_load_diags(c, d);
    else
        print_reload_diags(d, loaded);
    show_set_library(show, fresh);
    library_free_shared(c->lib, fresh); /* nothing points into it now */
    c->lib = fresh;
    c->index_due = !fresh->partial;
    if (c->preview)
        show_set_problems(show, d, c->dir);
    preview_open(c, show);
    if (!completes)
        fprintf(stderr, "vitrine: reloaded %s: %d exhibition%s (%d kept as they were); %d error%s, %d warning%s\n",
                c->dir, fresh->n, fresh->n == 1 ? "" : "s", kept, errors, errors == 1 ? "" : "s", warnings,
                warnings == 1 ? "" : "s");
    diag_clear(d);
    return completes ? CONTENT_COMPLETED : CONTENT_RELOADED;
}

ContentSwap content_reload(Content *c, Show *show, uint64_t now)
{
    DiagList d = {0};
    Library *fresh = hotreload_poll(c->reload, now, &d);
    if (!fresh) {
        diag_clear(&d);
        return CONTENT_SAME;
    }
    return swap_in(c, show, fresh, &d);
}

bool content_complete(Content *c, Show *show, uint64_t now)
{
    if (!c->lib || !c->lib->partial)
        return false;
    DiagList d = {0};
    Library *full = hotreload_finish(c->reload, now, &d);
    if (!full) /* not watched (no inotify), or its thread could not start */
        full = library_load_images(c->dir, MANIFEST_IMAGE_SNIFF, &d);
    if (!full) {
        diag_clear(&d);
        return false;
    }
    return swap_in(c, show, full, &d) == CONTENT_COMPLETED;
}

void content_after_frame(Content *c, uint64_t now)
{
    /* The whole library loads once the first frame is up: before, it would
     * take a core from the covers' decoding and the first frame's text. */
    if (c->watch_later) {
        c->watch_later = false;
        c->reload = hotreload_create(c->dir, c->watch_background);
    }
    if (c->lib && c->lib->partial && !c->full_requested && c->reload) {
        c->full_requested = true;
        hotreload_request(c->reload, now);
    }
    if (!c->index_due || !c->lib)
        return;
    c->index_due = false;
    startfile_write(&c->index, c->lib);
}

void content_close(Content *c)
{
    hotreload_free(c->reload); /* waits for a load in progress */
    c->reload = NULL;
    diag_clear(&c->load_diags);
    library_free(c->lib);
    c->lib = NULL;
    startfile_close(&c->index);
}
