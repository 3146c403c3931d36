/* SPDX-License-Identifier: GPL-3.0-or-later */
/* deck.c - see deck.h */
#include "deck.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsondiag.h"
#include "jsontext.h"

#define NOTES_MAX_BYTES (8u << 20)
#define NOTES_MAX_DEPTH 16

static DeckReader reader;

void deck_set_reader(DeckReader r)
{
    reader = r;
}

bool deck_read(const char *path, DeckInfo *out, char *err, size_t errn)
{
    memset(out, 0, sizeof *out);
    if (!reader) {
        snprintf(err, errn, "PDF decks cannot be read here (no PDF reader)");
        return false;
    }
    return reader(path, out, err, errn);
}

void deck_info_free(DeckInfo *d)
{
    if (!d)
        return;
    free(d->title);
    if (d->labels)
        for (int i = 0; i < d->pages; i++)
            free(d->labels[i]);
    free(d->labels);
    memset(d, 0, sizeof *d);
}

static bool same_label(char *const *labels, int a, int b)
{
    return labels && labels[a] && labels[b] && strcmp(labels[a], labels[b]) == 0;
}

/* ---- pdfpc's notes ---------------------------------------------------------------- */

void deck_notes_free(DeckNotes *n)
{
    if (!n)
        return;
    if (n->notes)
        for (int i = 0; i < n->pages; i++)
            free(n->notes[i]);
    free(n->notes);
    memset(n, 0, sizeof *n);
}

/* A whole positive number at key, within [1, max]; 0 when absent or not. */
static int whole(JsonDiag *jd, json_t *root, const char *key, int max)
{
    json_t *v = json_object_get(root, key);
    if (!v)
        return 0;
    double x = json_is_number(v) ? json_number_value(v) : -1;
    if (!(x >= 1 && x <= max && x == floor(x))) {
        char ptr[48], tb[32];
        snprintf(ptr, sizeof ptr, "/%s", key);
        jdiag_at_value(jd, DIAG_WARNING, ptr, "\"%s\" should be a whole number from 1 to %d, not %s; "
                       "it is left out", key, max, jtext_describe(v, true, tb, sizeof tb));
        return 0;
    }
    return (int)x;
}

static void read_pages(JsonDiag *jd, json_t *root, DeckNotes *out)
{
    json_t *pages = json_object_get(root, "pages");
    if (!json_is_array(pages))
        return;
    for (size_t i = 0; i < json_array_size(pages); i++) {
        json_t *p = json_array_get(pages, i);
        json_t *idx = json_object_get(p, "idx"), *note = json_object_get(p, "note");
        if (!note)
            continue;
        char ptr[48];
        snprintf(ptr, sizeof ptr, "/pages/%zu", i);
        double x = json_is_number(idx) ? json_number_value(idx) : -1;
        if (!json_is_string(note) || !(x >= 0 && x < out->pages && x == floor(x))) {
            jdiag_at_value(jd, DIAG_WARNING, ptr,
                           "a note needs \"idx\" (a page of the PDF, from 0 to %d) and a text "
                           "\"note\"; this one is left out", out->pages - 1);
            continue;
        }
        const char *t = json_string_value(note);
        if (!*t)
            continue;
        char *dup = strdup(t);
        if (dup) {
            free(out->notes[(int)x]);
            out->notes[(int)x] = dup;
        }
    }
}

bool deck_notes_load(const char *pdf_path, int pages, char *const *labels, DeckNotes *out,
                     DiagList *diags)
{
    memset(out, 0, sizeof *out);
    size_t n = strlen(pdf_path);
    char *path = malloc(n + sizeof DECK_NOTES_EXT);
    if (!path || pages < 1)
        return free(path), false;
    /* talk.pdf -> talk.pdfpc (as pdfpc names it); any other name: + .pdfpc */
    memcpy(path, pdf_path, n + 1);
    if (n >= 4 && strcmp(path + n - 4, ".pdf") == 0)
        strcpy(path + n - 4, DECK_NOTES_EXT);
    else
        strcat(path, DECK_NOTES_EXT);
    FILE *f = fopen(path, "rb");
    if (!f)
        return free(path), false;
    fclose(f);
    size_t len = 0;
    char *buf = jdiag_read_file(path, NOTES_MAX_BYTES, &len, diags);
    static const JsonRules rules = {NOTES_MAX_DEPTH, " (a .pdfpc file holds one object)", true, true, NULL};
    JsonDiag jd = {path, diags, NULL, 0};
    json_t *root = buf ? jdiag_parse(&jd, buf, len, &rules) : NULL;
    free(buf);
    bool ok = false;
    if (root && json_is_object(root)) {
        out->pages = pages;
        out->notes = calloc((size_t)pages, sizeof *out->notes);
        if (out->notes) {
            ok = true;
            read_pages(&jd, root, out);
            out->duration_min = whole(&jd, root, "duration", 1440);
            out->end_slide = whole(&jd, root, "endSlide", pages);
            out->last_minutes = whole(&jd, root, "lastMinutes", 1440);
            /* one note for a slide's every step: pdfpc keeps it on the first */
            for (int i = 1; labels && i < pages; i++)
                if (!out->notes[i] && out->notes[i - 1] && same_label(labels, i - 1, i))
                    out->notes[i] = strdup(out->notes[i - 1]);
        }
    } else if (root) {
        jdiag_at_value(&jd, DIAG_WARNING, "", "a .pdfpc file holds one object ({...}); its notes are left out");
    }
    json_decref(root);
    jdiag_free(&jd);
    free(path);
    if (!ok)
        deck_notes_free(out);
    return ok;
}
