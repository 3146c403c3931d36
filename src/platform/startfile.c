/* SPDX-License-Identifier: GPL-3.0-or-later */
/* startfile.c - see startfile.h */
#include "startfile.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/fsutil.h"

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 14695981039346656037ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

bool startfile_open(StartFile *f, const char *state, const char *dir)
{
    *f = (StartFile){0};
    struct stat st;
    char *real = state && *state && dir && stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? realpath(dir, NULL) : NULL;
    if (!real)
        return false;
    char name[64];
    snprintf(name, sizeof name, "start-index/%016" PRIx64 ".json", fnv1a(real));
    f->path = fs_path_join(state, name);
    f->real = real;
    if (!f->path)
        startfile_close(f);
    return f->path != NULL;
}

bool startfile_read(StartFile *f, StartIndex *idx)
{
    *idx = (StartIndex){0};
    char *text = NULL;
    size_t len = 0;
    long long size;
    int err = f->path ? fs_read_file(f->path, STARTINDEX_MAX_BYTES, &text, &len, &size) : ENOENT;
    if (err == ENOENT)
        return false;
    if (err == 0 && startindex_parse(text, len, f->real, idx)) {
        text[len] = '\0'; /* fs_read_file leaves a spare byte */
        free(f->text);
        f->text = text;
        return true;
    }
    if (err)
        fprintf(stderr, "vitrine: start index %s cannot be read (%s): starting from the manifests\n", f->path,
                strerror(err));
    else
        fprintf(stderr, "vitrine: start index %s is not one vitrine can use (damaged, or of another version): "
                        "starting from the manifests\n", f->path);
    free(text);
    return false;
}

void startfile_write(StartFile *f, const Library *lib)
{
    if (!f->path || !lib || lib->partial)
        return;
    char *text = startindex_text(f->real, lib->root, lib->items, lib->n);
    if (!text || (f->text && strcmp(text, f->text) == 0)) {
        free(text);
        return;
    }
    char failed[512] = "";
    int err = fs_make_parents_err(f->path, failed, sizeof failed);
    if (!err)
        err = fs_write_atomic(f->path, NULL, text, strlen(text), 0644);
    if (err && !f->warned)
        fprintf(stderr, "vitrine: cannot write the start index %s: %s (the next start reads every manifest)\n",
                f->path, strerror(err));
    f->warned = f->warned || err;
    free(f->text);
    f->text = err ? NULL : text;
    if (err)
        free(text);
}

void startfile_close(StartFile *f)
{
    free(f->path);
    free(f->real);
    free(f->text);
    *f = (StartFile){0};
}
