/* SPDX-License-Identifier: GPL-3.0-or-later */
/* content.c - see content.h */
#include "content.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core/fsutil.h"
#include "worker.h"

bool content_load(Content *c)
{
    DiagList diags = {0};
    c->lib = library_load_images(c->dir, MANIFEST_IMAGE_SNIFF, &diags); /* see manifest.h */
    worker_release_thread(); /* any reader this thread started sniffing (the PDF reader is shared: decode_pdf.c) */
    if (diags.n) {
        diag_print(&diags, stderr);
        fprintf(stderr, "vitrine: %d error(s), %d warning(s) in %s (run vitrine --check for details)\n",
                diag_count(&diags, DIAG_ERROR), diag_count(&diags, DIAG_WARNING), c->dir);
    }
    c->load_diags = diags; /* for --preview's banner (content_begin) */
    if (!c->lib) {
        fprintf(stderr, "vitrine: out of memory\n");
        return false;
    }
    return true;
}

void content_watch(Content *c, bool background)
{
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

bool content_reload(Content *c, Show *show, uint64_t now)
{
    DiagList d = {0};
    Library *fresh = hotreload_poll(c->reload, now, &d);
    if (!fresh) {
        diag_clear(&d);
        return false;
    }
    int errors = diag_count(&d, DIAG_ERROR), warnings = diag_count(&d, DIAG_WARNING), loaded = d.n;
    int kept = library_keep_last_good(fresh, c->lib, &d);
    print_reload_diags(&d, loaded);
    show_set_library(show, fresh);
    library_free_shared(c->lib, fresh); /* nothing points into it now */
    c->lib = fresh;
    if (c->preview)
        show_set_problems(show, &d, c->dir);
    preview_open(c, show);
    fprintf(stderr, "vitrine: reloaded %s: %d exhibition%s (%d kept as they were); %d error%s, %d warning%s\n",
            c->dir, fresh->n, fresh->n == 1 ? "" : "s", kept, errors, errors == 1 ? "" : "s", warnings,
            warnings == 1 ? "" : "s");
    diag_clear(&d);
    return true;
}

void content_close(Content *c)
{
    hotreload_free(c->reload); /* waits for a load in progress */
    c->reload = NULL;
    diag_clear(&c->load_diags);
    library_free(c->lib);
    c->lib = NULL;
}
